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
start instead.

Cost: measuring the rows once more, about 6 µs a row of seven cells. Adding the rows
(and Textual measuring them again at idle, needed or not) costs far more, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
        least: How far the column may be cut to fit the table's width. None: never cut.
    """

    label: str
    cap: int | None = None
    least: int | None = None


class EndKept(NamedTuple):
    """A cell that, when its column is too narrow, is cut in its ``head``: ``end`` stays whole.

    Two conflicting cells of one gebied differ only at the end of their label:
    ``Hillegersberg-Schiebroek · gebiedsopdracht · 2016`` in 35 columns reads
    ``Hillegers… · gebiedsopdracht · 2016``, not ``Hillegersberg-Schiebroek · gebie…``.
    """

    head: str
    end: str


Cell: TypeAlias = Text | EndKept


def width_of(cell: Cell) -> int:
    """Terminal columns the cell takes shown whole."""
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell.head + cell.end)


def fitted_cell(cell: Cell, width: int) -> Text:
    """The cell as shown in a column ``width`` wide (a ``Text`` cuts its own end)."""
    if isinstance(cell, Text):
        return cell
    head = Text(cell.head)
    room = width - cell_len(cell.end)
    if head.cell_len > room > 0:
        head.truncate(room, overflow="ellipsis")
    return Text.assemble(head, cell.end, overflow="ellipsis")


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
        self, columns: Sequence[Fit], *, id: str | None = None, zebra_stripes: bool = False
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
        self.fits = tuple(columns)
        self._rows: list[Sequence[Cell]] = []
        self._natural = natural_widths(self.fits, [])
        self._widths: list[int] = []
        self._rows_changed = False
        self._fitted_for = 0
        """The width the columns were last fitted to."""
        self._refit_asked = False

    def show(self, rows: Iterable[Sequence[Cell]]) -> None:
        """Show ``rows`` instead of what was shown (the cursor goes to the first row)."""
        self._rows = list(rows)
        for row in self._rows:
            for cell in row:
                if isinstance(cell, Text):
                    cell.overflow = "ellipsis"
        self._natural = natural_widths(self.fits, self._rows)
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
            self._lay_out(natural_widths(self.fits, []), [])
            return False
        room = width - self.styles.scrollbar_size_vertical - 2 * self.cell_padding * len(self.fits)
        widths = fit_widths(self._natural, least_widths(self.fits, self._natural), room)
        if widths == self._widths and not self._rows_changed:
            return False
        self._widths, self._rows_changed = widths, False
        self._lay_out(widths, self._rows)
        return True

    def _lay_out(self, widths: list[int], rows: list[Sequence[Cell]]) -> None:
        """Columns with exactly these widths, then the rows (see the module docstring)."""
        self.clear(columns=True)
        for fit, width in zip(self.fits, widths, strict=True):
            self.add_column(Text(fit.label), width=width)
        for row in rows:
            self.add_row(*map(fitted_cell, row, widths))
