"""A DataTable whose column widths follow from its rows and its own width, set before drawing.

Why not let DataTable size its columns itself: in Textual 8 a column added without
``width=`` is *auto width*, and rows added after mount are measured only in the
table's idle handler (``_on_idle`` -> ``_update_dimensions`` grows each
``Column.content_width``). Every cell, row and line the table draws is cached under
a key holding ``_update_count``, which ``add_row`` raises but measuring does not. So
when a frame is painted between ``add_row`` and that idle handler (the screen's
refresh timer or a test reading the screen gets its turn first, as on a loaded
machine), the cells are drawn at the width of the column headers and that drawing
is reused until the next change: the library showed ``Naam``, ``Status``,
``Jaren``, ``Map`` cut to their header width and kept them so. (A table whose height
grows with its rows gets a ``Resize`` when it grows, which clears those caches; a
table of fixed height, like the library's, gets none.)

Here every column is added with ``width=``. A column with a width is not auto width:
it is drawn that wide whatever the idle handler later measures, so a frame painted
before measuring equals one painted after. The widths are computed from the rows
about to be shown (each column as wide as its widest cell, up to its cap) and fitted
into the table's width (:func:`fit_widths`). Columns and rows are added anew on each
:meth:`FittedTable.show` (``add_column`` raises ``_update_count``, so nothing drawn
for the previous rows is reused) and when the table's width changes (Textual sends
``Resize`` after any layout that changes it). The columns leave the vertical
scrollbar's place free whether it shows or not: a scrollbar appearing as rows grow
takes room from the columns without any ``Resize``. (Not ``scrollbar-gutter:
stable``, which also adds a blank line under a table of automatic height.)

A cell cut short ends in an ellipsis (``overflow="ellipsis"``). The library and the
conflict dialog show the row under the cursor whole in a line below the table; the
comparison's bars view names every gebied whole. A cell whose end tells rows apart
(:class:`EndKept`: the post and year of a conflicting cell) gives up text from its
start instead; a name that shares its beginning with another (:class:`KeptApart`:
"Variant Zuid é" and "Variant Zuid é variant") gives up its middle.

A table too narrow for every column whole may take another *layout*
(:class:`Layouts`): a shorter form of some cells (:class:`Forms`: ``▲ 2017 +250.000``
for ``boven envelope: 250.000 in 2017``), or a column left out, rather than cut
every column to fragments such as ``Laa`` (the library at 60 columns, issue 26).

Cost: measuring the rows once more, about 6 µs a row of seven cells. Adding the rows
(and Textual measuring them again at idle, needed or not) costs far more, as before.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar, NamedTuple, TypeAlias

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable

from gebiedsplanner.core.text_table import fit_widths


class Fit(NamedTuple):
    """How wide one column may be.

    Attributes:
        label: The column header, shown whole.
        cap: The widest the column grows; longer cells are cut. None: no limit.
        least: How far the column may be cut to fit the table's width. None: never cut
            (below the shortest form of its cells, see :class:`Forms`).
        want: Cut no further than this before the table takes a narrower layout
            (:class:`Layouts`); it is cut to ``least`` only when no layout fits so.
            None: the column is whole in every layout but the last.
    """

    label: str
    cap: int | None = None
    least: int | None = None
    want: int | None = None


class EndKept(NamedTuple):
    """A cell that, when its column is too narrow, is cut in its ``head``: ``end`` stays whole.

    Two conflicting cells of one gebied differ only at the end of their label:
    ``Hillegersberg-Schiebroek · gebiedsopdracht · 2016`` in 35 columns reads
    ``Hillegers… · gebiedsopdracht · 2016``, not ``Hillegersberg-Schiebroek · gebie…``.
    """

    head: str
    end: str


class KeptApart(NamedTuple):
    """A name that, when its column is too narrow, stays apart from the names it shares
    its beginning with: cut at its end while that keeps more than ``shared`` characters,
    else in the middle, so that the end that differs shows.

    "Variant Zuid é" and "Variant Zuid é variant" in 12 columns read ``Varian…uid é`` and
    ``Var… variant``, not both ``Variant Zui…``. :func:`apart` finds ``shared``.
    """

    text: str
    shared: int


class Forms(NamedTuple):
    """A cell told in several forms, the longest first: the layout picks one (the last
    for a layout asking more), and the column shows it, cut if it is still too wide."""

    forms: tuple[Text | KeptApart, ...]


Cell: TypeAlias = Text | EndKept | KeptApart | Forms
#: Which form of each column a layout shows (an index into :class:`Forms`, the last form
#: for a larger index), or None where it leaves the column out.
Layout: TypeAlias = tuple[int | None, ...]


class Layouts(NamedTuple):
    """The layouts a table may take, the widest first.

    The table takes the first in which every column is at least as wide as it wants
    (:attr:`Fit.want`), else the first in which every column is at least its least,
    else the last (and scrolls sideways).
    """

    each: tuple[Layout, ...]


def apart(names: Sequence[str]) -> list[KeptApart]:
    """Each name with how much of its beginning it shares with another name of the list."""
    shared = [0] * len(names)
    order = sorted(range(len(names)), key=names.__getitem__)
    for before, after in itertools.pairwise(order):
        first, second = names[before], names[after]
        common = next(
            (i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b),
            min(len(first), len(second)),
        )
        shared[before] = max(shared[before], common)
        shared[after] = max(shared[after], common)
    return [KeptApart(name, common) for name, common in zip(names, shared, strict=True)]


def in_form(cell: Cell, form: int) -> Cell:
    """The cell as a layout asking for ``form`` shows it."""
    return cell.forms[min(form, len(cell.forms) - 1)] if isinstance(cell, Forms) else cell


def width_of(cell: Cell) -> int:
    """Terminal columns the cell takes shown whole (a :class:`Forms` in its first form)."""
    if isinstance(cell, Forms):
        return width_of(cell.forms[0])
    if isinstance(cell, KeptApart):
        return cell_len(cell.text)
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell.head + cell.end)


def fitted_cell(cell: Cell, width: int) -> Text:
    """The cell as shown in a column ``width`` wide (a ``Text`` cuts its own end)."""
    if isinstance(cell, Forms):
        return fitted_cell(
            next((f for f in cell.forms if width_of(f) <= width), cell.forms[-1]), width
        )
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, KeptApart):
        return Text(_kept_apart(cell, width), overflow="ellipsis")
    head = Text(cell.head)
    room = width - cell_len(cell.end)
    if head.cell_len > room > 0:
        head.truncate(room, overflow="ellipsis")
    return Text.assemble(head, cell.end, overflow="ellipsis")


def _kept_apart(name: KeptApart, width: int) -> str:
    text = name.text
    if cell_len(text) <= width or width < 2:
        return text
    room = width - 1  # the ellipsis
    if room > cell_len(text[: name.shared]):
        return _head(text, room) + "…"
    differs = cell_len(text[name.shared :])
    tail = min(max(room // 2, differs), room - min(3, room // 2))
    return _head(text, room - tail) + "…" + _tail(text, tail)


def _head(text: str, width: int) -> str:
    """The longest beginning of ``text`` at most ``width`` columns wide."""
    taken = 0
    for end, character in enumerate(text):
        taken += cell_len(character)
        if taken > width:
            return text[:end]
    return text


def _tail(text: str, width: int) -> str:
    """The longest end of ``text`` at most ``width`` columns wide."""
    return _head(text[::-1], width)[::-1]


def natural_widths(fits: Sequence[Fit], rows: Iterable[Sequence[Cell]]) -> list[int]:
    """Each column as wide as its widest cell up to its cap, and never narrower than its label."""
    widest = [0] * len(fits)
    for row in rows:
        for index, cell in enumerate(row):
            widest[index] = max(widest[index], width_of(cell))
    return [
        max(cell_len(fit.label), min(width, fit.cap or width))
        for fit, width in zip(fits, widest, strict=True)
    ]


def least_widths(fits: Sequence[Fit], natural: Sequence[int]) -> list[int]:
    """How far each column may be cut: to its ``least``, never below its label."""
    return [
        width if fit.least is None else min(width, max(fit.least, cell_len(fit.label)))
        for fit, width in zip(fits, natural, strict=True)
    ]


def wanted_widths(fits: Sequence[Fit], natural: Sequence[int]) -> list[int]:
    """How far each column may be cut before a narrower layout is tried: to its ``want``."""
    return [
        width if fit.want is None else min(width, max(fit.want, cell_len(fit.label)))
        for fit, width in zip(fits, natural, strict=True)
    ]


class Chosen(NamedTuple):
    """A layout for one width: the columns shown (by index) and their widths."""

    columns: tuple[int, ...]
    widths: tuple[int, ...]
    layout: Layout


#: What each column needs to show its cells whole, per form a layout asks of it:
#: ``(column, form) -> width``.
Needs: TypeAlias = dict[tuple[int, int], int]


def measure(fits: Sequence[Fit], rows: Iterable[Sequence[Cell]], layouts: Layouts) -> Needs:
    """The width each column needs in each form the layouts ask of it, as
    :func:`natural_widths` (once per rows shown: a resize only chooses again)."""
    asked = sorted(
        {
            (index, form)
            for layout in layouts.each
            for index, form in enumerate(layout)
            if form is not None
        }
    )
    widest = dict.fromkeys(asked, 0)
    for row in rows:
        for index, form in asked:
            width = width_of(in_form(row[index], form))
            if width > widest[index, form]:
                widest[index, form] = width
    return {
        (index, form): max(cell_len(fits[index].label), min(width, fits[index].cap or width))
        for (index, form), width in widest.items()
    }


def choose_layout(
    fits: Sequence[Fit], needs: Needs, layouts: Layouts, room_for: Callable[[int], int]
) -> Chosen:
    """The first of ``layouts`` (see :class:`Layouts`) that fits; ``room_for(n)``: the
    columns' room when ``n`` of them show."""
    measured = []
    for layout in layouts.each:
        columns = tuple(index for index, form in enumerate(layout) if form is not None)
        natural = [needs[index, layout[index] or 0] for index in columns]
        measured.append((layout, columns, natural, room_for(len(columns))))
    for floor in (wanted_widths, least_widths):
        for layout, columns, natural, room in measured:
            least = floor([fits[index] for index in columns], natural)
            if sum(least) <= room:
                return Chosen(columns, tuple(fit_widths(natural, least, room)), layout)
    layout, columns, natural, room = measured[-1]
    least = least_widths([fits[index] for index in columns], natural)
    return Chosen(columns, tuple(fit_widths(natural, least, room)), layout)


class FittedTable(DataTable[Text]):
    """A row-cursor table showing rows of cells, its columns sized as described above."""

    #: DataTable's cursor keys, with priority, like the planner's grid: Textual runs
    #: a widget's other bindings only once the key has come back up to the app, after
    #: a screen's priority key typed later (Enter in the library, space in the
    #: conflict dialog), which would then act on the row the cursor was leaving.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, action, show=False, priority=True)
        for key, action in (
            ("up", "cursor_up"),
            ("down", "cursor_down"),
            ("left", "cursor_left"),
            ("right", "cursor_right"),
            ("pageup", "page_up"),
            ("pagedown", "page_down"),
            ("ctrl+home", "scroll_top"),
            ("ctrl+end", "scroll_bottom"),
            ("home", "scroll_home"),
            ("end", "scroll_end"),
        )
    ]

    DEFAULT_CSS = "FittedTable { scrollbar-size-vertical: 1; }"

    def __init__(
        self,
        columns: Sequence[Fit],
        *,
        layouts: Layouts | None = None,
        id: str | None = None,
        zebra_stripes: bool = False,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
        self.fits = tuple(columns)
        self.layouts = layouts or Layouts(((0,) * len(self.fits),))
        self._rows: list[Sequence[Cell]] = []
        self._needs = measure(self.fits, [], self.layouts)
        self._chosen: Chosen | None = None
        self._rows_changed = False
        self._fitted_for = 0
        """The width the columns were last fitted to."""
        self._refit_asked = False

    @property
    def columns_shown(self) -> tuple[int, ...]:
        """Which of :attr:`fits` show now (a narrow layout may leave some out)."""
        return self._chosen.columns if self._chosen else tuple(range(len(self.fits)))

    def show(self, rows: Iterable[Sequence[Cell]]) -> None:
        """Show ``rows`` instead of what was shown (the cursor goes to the first row)."""
        self._rows = list(rows)
        for row in self._rows:
            for cell in row:
                for form in cell.forms if isinstance(cell, Forms) else (cell,):
                    if isinstance(form, Text):
                        form.overflow = "ellipsis"
        self._needs = measure(self.fits, self._rows, self.layouts)
        self._rows_changed = True
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns to the new width (the first layout, and showing a hidden table,
        send one too)."""
        self._refit()

    def render_lines(self, crop: Region) -> list[Strip]:
        """As DataTable's; painted at a width the columns were not fitted to, they are
        fitted (after this paint) as a ``Resize`` would have.

        Showing a hidden table does not always send one (``textual==8.2.8``): after a
        scroll, Textual leaves its map of every widget to be made again when next asked,
        and hiding one widget and showing another asks for it before the layout; the
        layout then finds nothing new and sends the shown table no ``Resize``. The
        comparison's totals view (``2`` after ``→``) showed its headers only (issue 26).
        """
        if self.size.width != self._fitted_for and not self._refit_asked:
            self._refit_asked = True
            self.call_later(self._refit)
        return super().render_lines(crop)

    def _refit(self) -> None:
        self._refit_asked = False
        row = self.cursor_row
        if self._fit():
            self.move_cursor(row=row)

    def _fit(self) -> bool:
        """Lay out columns and rows for the width the table has now; False if unchanged.

        A table not laid out yet (or hidden) has no width: it shows just its headers,
        and the ``Resize`` that follows brings the rows. Laid out at a guessed width
        instead, it may show a horizontal scrollbar that Textual keeps once the
        columns fit.
        """
        width = self._fitted_for = self.size.width
        if not width:
            self._chosen = None
            self.clear(columns=True)
            for fit in self.fits:
                self.add_column(Text(fit.label), width=cell_len(fit.label))
            return False
        padding = 2 * self.cell_padding
        scrollbar = self.styles.scrollbar_size_vertical
        chosen = choose_layout(
            self.fits, self._needs, self.layouts, lambda shown: width - scrollbar - padding * shown
        )
        if chosen == self._chosen and not self._rows_changed:
            return False
        self._chosen, self._rows_changed = chosen, False
        self._lay_out(chosen)
        return True

    def _lay_out(self, chosen: Chosen) -> None:
        """Columns with exactly these widths, then the rows (see the module docstring)."""
        self.clear(columns=True)
        for index, width in zip(chosen.columns, chosen.widths, strict=True):
            self.add_column(Text(self.fits[index].label), width=width)
        for row in self._rows:
            self.add_row(
                *(
                    fitted_cell(in_form(row[index], chosen.layout[index] or 0), width)
                    for index, width in zip(chosen.columns, chosen.widths, strict=True)
                )
            )
