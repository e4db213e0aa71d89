"""The comparison's rows: a header, the rows on screen, a row cursor, drawn on demand.

A ``DataTable`` holds every row it shows: filling one with the 120.000 cells of
two 10.000-gebied scenarios took 10 s on the UI thread, and the app froze on
``o`` (all cells). Here only the lines on screen are drawn (Line API), each from
:class:`~gebiedsplanner.core.compare_table.CompareTable` when it is painted, so
``o``, ``s`` and every cursor key cost the same at 4 rows or 120.000. It looks
as the table did: the columns fitted to the terminal as
:mod:`~gebiedsplanner.ui.widgets.fitted_table` fits them (a cut cell ends in
"…"), a padded cell per column, zebra stripes, a row cursor; the position mark
of the planner's grid stands where the scrollbar was. The text columns (gebied, post,
year) stay at the left when ← → scroll the amounts sideways: each line is drawn in two
parts, the frozen one docked (issue 26: scrolled, a row read ``um   couleur locale``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from gebiedsplanner.core.compare_table import CompareTable
from gebiedsplanner.core.text_table import fit_widths
from gebiedsplanner.ui.widgets.fitted_table import Fit, least_widths
from gebiedsplanner.ui.widgets.row_window import RowWindow, ScrollMark

PADDING = 1  # blank columns on each side of a cell, as DataTable's


class CompareLines(Widget):
    """The header and rows, drawn line by line by the grid: the text columns (``frozen``,
    docked at the left) or the amounts (which scroll sideways)."""

    DEFAULT_CSS = """
    CompareLines { height: 100%; }
    CompareLines.-frozen { dock: left; }
    """

    def __init__(self, grid: CompareGrid, *, frozen: bool = False) -> None:
        super().__init__(classes="-frozen" if frozen else "")
        self.grid = grid
        self.frozen = frozen

    def render_line(self, y: int) -> Strip:
        return self.grid.line_strip(y, self.size.width, frozen=self.frozen)

    def on_click(self, event: events.Click) -> None:
        self.grid.click(event.y)


class CompareGrid(RowWindow, can_focus=True):
    """The rows of a comparison, filtered and ordered as the screen asks (:meth:`show`)."""

    #: Priority, like the planner's grid and the comparison's own keys: keys arriving
    #: together are all taken as they come, none only once it has come back up to the
    #: app, after a later key (Escape) changed the screen.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, action, show=False, priority=True)
        for key, action in (
            ("up", "move(-1)"),
            ("down", "move(1)"),
            ("left", "column(-1)"),
            ("right", "column(1)"),
            ("pageup", "page(-1)"),
            ("pagedown", "page(1)"),
            ("home,ctrl+home", "edge(-1)"),
            ("end,ctrl+end", "edge(1)"),
        )
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "compare-grid--header",
        "compare-grid--even-row",
        "compare-grid--cursor",
        "compare-grid--mark",
    }

    DEFAULT_CSS = """
    CompareGrid {
        layout: horizontal;
        overflow-x: auto;
        overflow-y: hidden;
        scrollbar-size-horizontal: 1;
        background: $surface;
        color: $foreground;
    }
    CompareGrid:focus { background-tint: $foreground 5%; }
    CompareGrid > .compare-grid--header { text-style: bold; background: $panel; }
    CompareGrid > .compare-grid--even-row { background: $surface-lighten-1 50%; }
    CompareGrid:dark > .compare-grid--even-row { background: $surface-darken-1 40%; }
    CompareGrid > .compare-grid--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    CompareGrid:focus > .compare-grid--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    CompareGrid > .compare-grid--mark { color: $text-muted; }
    """

    def __init__(
        self, table: CompareTable, fits: Sequence[Fit], *, left: int, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.table = table
        self.fits = tuple(fits)
        self.left = left
        """How many columns, from the first, are text (aligned left); the rest are numbers."""
        self.rows: Sequence[int] = ()
        """The comparison's row numbers shown, in order."""
        self._natural = [cell_len(fit.label) for fit in self.fits]
        self._widths = list(self._natural)
        self._frozen = CompareLines(self, frozen=True)
        self._lines = CompareLines(self)
        self._mark = ScrollMark(self, "compare-grid--mark")

    def compose(self) -> ComposeResult:
        yield self._mark
        yield self._frozen
        yield self._lines

    def show(self, rows: Sequence[int], natural: Sequence[int]) -> None:
        """Show ``rows`` (row numbers, in order), whose widest cells are ``natural``;
        the cursor goes to the first row."""
        self.rows = rows
        self._natural = [
            max(cell_len(fit.label), min(width, fit.cap or width))
            for fit, width in zip(self.fits, natural, strict=True)
        ]
        self.cursor_row = self.first_row = 0
        self._fit()
        self.repaint_all()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()
        self.show_from(self.first_row)  # a taller window may show rows from higher up
        self.keep_in_view(self.cursor_row)

    def _fit(self) -> None:
        """Column widths for the width there is (see :func:`fit_widths`).

        When even the least widths do not fit (60 columns), the amounts' part is as
        wide as its columns need and scrolls sideways (← →) beside the text columns.
        """
        window = max(0, self.size.width - 1)  # less the position mark
        padding = 2 * PADDING * len(self.fits)
        least = least_widths(self.fits, self._natural)
        self._widths = fit_widths(self._natural, least, window - padding)
        self._frozen.styles.width = self._part_width(frozen=True)
        # Wide enough that the last scroll shows the last columns from a column's start.
        seen, wide = self._seen_width(), self._part_width(frozen=False)
        last = min((start for start in self._starts() if start >= wide - seen), default=0)
        self._lines.styles.width = max(seen, last + seen)

    def _part_width(self, *, frozen: bool) -> int:
        widths = self._widths[: self.left] if frozen else self._widths[self.left :]
        return sum(widths) + 2 * PADDING * len(widths)

    def _starts(self) -> list[int]:
        """Where each amount column begins in the amounts' part."""
        starts, x = [], 0
        for room in self._widths[self.left :]:
            starts.append(x)
            x += room + 2 * PADDING
        return starts

    def _seen_width(self) -> int:
        """Columns of the amounts' part on screen (less the text columns and the mark)."""
        return max(0, self.size.width - 1 - self._part_width(frozen=True))

    # -- the window ---------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.rows)

    def body_height(self) -> int:
        return max(1, self._lines.size.height - self.header_lines)

    def repaint_all(self) -> None:
        self._frozen.refresh()
        self._lines.refresh()
        self._mark.refresh()

    def go_to_row(self, row: int) -> None:
        if not self.rows:
            return
        self._refresh_row(self.cursor_row)
        self.cursor_row = self.clamp_row(row)
        self.keep_in_view(self.cursor_row)
        self._refresh_row(self.cursor_row)

    def action_move(self, rows: int) -> None:
        self.go_to_row(self.cursor_row + rows)

    def action_column(self, step: int) -> None:
        """← →: the amounts scroll by a whole column (no amount is shown cut, so a
        column at a time shows the next one whole), to their last column at most."""
        starts = self._starts()
        now = round(self.scroll_x)
        if step > 0:
            target = next((start for start in starts if start > now), now)
        else:
            target = max((start for start in starts if start < now), default=0)
        self.scroll_to(x=min(target, self.max_scroll_x), animate=False)

    def click(self, y: int) -> None:
        """A click on line ``y``: the cursor goes to that row."""
        row = self.first_row + y - self.header_lines
        if y >= self.header_lines and row < len(self.rows):
            self.go_to_row(row)

    def _refresh_row(self, row: int) -> None:
        y = self.header_lines + row - self.first_row
        if self.header_lines <= y < self.header_lines + self.body_height():
            for part in (self._frozen, self._lines):
                part.refresh(Region(0, y, part.size.width, 1))

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        """Amounts that come into view whole (or leave it) draw again."""
        super().watch_scroll_x(old_value, new_value)
        self._lines.refresh()

    # -- painting -------------------------------------------------------------------

    def line_strip(self, y: int, width: int, *, frozen: bool) -> Strip:
        """Line ``y`` of the text columns (``frozen``) or of the amounts: the header, a
        row, or blank below the last row."""
        base = self.rich_style
        header = y < self.header_lines
        row = self.first_row + y - self.header_lines
        if not header and row >= len(self.rows):
            return Strip.blank(width, base)
        if header:
            style = base + self.get_component_rich_style("compare-grid--header")
            cells = self.table.headers
        else:
            style = base
            if row % 2 == 0:  # DataTable's zebra: rows 0, 2, ... are "even"
                style += self.get_component_rich_style("compare-grid--even-row")
            if row == self.cursor_row:
                style += self.get_component_rich_style("compare-grid--cursor")
            cells = self.table.cells(self.rows[row])
        if frozen:
            strip = self._text_cells(cells[: self.left], self._widths[: self.left])
        else:
            strip = self._amounts(cells[self.left :], self._widths[self.left :], header=header)
        return Strip([Segment(strip, style)]).crop_extend(0, width, self.rich_style)

    @staticmethod
    def _text_cells(cells: Sequence[str], widths: Sequence[int]) -> str:
        """Text cells padded in their columns, aligned left; a long one cut with "…"."""
        pad = " " * PADDING
        parts = []
        for cell, room in zip(cells, widths, strict=True):
            if cell_len(cell) > room:
                cell = set_cell_size(cell, room - 1) + "…" if room > 0 else ""
            parts.append(f"{pad}{set_cell_size(cell, room)}{pad}")
        return "".join(parts)

    def _amounts(self, cells: Sequence[str], widths: Sequence[int], *, header: bool) -> str:
        """Amount cells padded in their columns, aligned right (their headers left, as
        DataTable's); one that is not on screen whole is left out, never cut."""
        pad = " " * PADDING
        parts = []
        seen_from = round(self.scroll_x)
        seen_to = seen_from + self._seen_width()
        x = 0
        for cell, room in zip(cells, widths, strict=True):
            start, x = x, x + room + 2 * PADDING
            size = cell_len(cell)
            if not (seen_from <= start and start + PADDING + room <= seen_to):
                cell = " " * room
            elif header:
                cell = set_cell_size(cell, room)
            elif size > room:
                cell = set_cell_size(cell, room - 1) + "…" if room > 0 else ""
            else:
                cell = " " * (room - size) + cell
            parts.append(f"{pad}{cell}{pad}")
        return "".join(parts)
