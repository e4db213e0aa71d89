"""The comparison's rows: a header, the rows on screen, a row cursor, drawn on demand.

A ``DataTable`` holds every row it shows: filling one with the 120.000 cells of
two 10.000-gebied scenarios took 10 s on the UI thread, and the app froze on
``o`` (all cells). Here only the lines on screen are drawn (Line API), each from
:class:`~gebiedsplanner.core.compare_table.CompareTable` when it is painted, so
``o``, ``s`` and every cursor key cost the same at 4 rows or 120.000. It looks
as the table did: the columns fitted to the terminal as
:mod:`~gebiedsplanner.ui.widgets.fitted_table` fits them (a cut cell ends in
"…"), a padded cell per column, zebra stripes, a row cursor; the position mark
of the planner's grid stands where the scrollbar was.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
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
    """The header and rows, drawn line by line by the grid."""

    DEFAULT_CSS = "CompareLines { height: 100%; }"

    def __init__(self, grid: CompareGrid) -> None:
        super().__init__()
        self.grid = grid

    def render_line(self, y: int) -> Strip:
        return self.grid.line_strip(y, self.size.width)

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
            ("left", "scroll_left"),
            ("right", "scroll_right"),
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
        self._lines = CompareLines(self)
        self._mark = ScrollMark(self, "compare-grid--mark")

    def compose(self) -> ComposeResult:
        yield self._mark
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

        When even the least widths do not fit (60 columns), the lines are as wide
        as the columns need and the grid scrolls sideways (← →), as the table did.
        """
        window = max(0, self.size.width - 1)  # less the position mark
        padding = 2 * PADDING * len(self.fits)
        least = least_widths(self.fits, self._natural)
        self._widths = fit_widths(self._natural, least, window - padding)
        self._lines.styles.width = max(window, sum(self._widths) + padding)

    # -- the window ---------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.rows)

    def body_height(self) -> int:
        return max(1, self._lines.size.height - self.header_lines)

    def repaint_all(self) -> None:
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

    def click(self, y: int) -> None:
        """A click on line ``y``: the cursor goes to that row."""
        row = self.first_row + y - self.header_lines
        if y >= self.header_lines and row < len(self.rows):
            self.go_to_row(row)

    def _refresh_row(self, row: int) -> None:
        y = self.header_lines + row - self.first_row
        if self.header_lines <= y < self.header_lines + self.body_height():
            self._lines.refresh(Region(0, y, self._lines.size.width, 1))

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        """Amounts that come into view whole (or leave it) draw again."""
        super().watch_scroll_x(old_value, new_value)
        self._lines.refresh()

    # -- painting -------------------------------------------------------------------

    def line_strip(self, y: int, width: int) -> Strip:
        """Line ``y``: the header, a row, or blank below the last row."""
        base = self.rich_style
        if y < self.header_lines:
            style = base + self.get_component_rich_style("compare-grid--header")
            return self._strip(self.table.headers, style, width, left=len(self.fits))
        row = self.first_row + y - self.header_lines
        if row >= len(self.rows):
            return Strip.blank(width, base)
        style = base
        if row % 2 == 0:  # DataTable's zebra: rows 0, 2, ... are "even"
            style += self.get_component_rich_style("compare-grid--even-row")
        if row == self.cursor_row:
            style += self.get_component_rich_style("compare-grid--cursor")
        return self._strip(self.table.cells(self.rows[row]), style, width, left=self.left)

    def _strip(self, cells: Sequence[str], style: Style, width: int, *, left: int) -> Strip:
        """The cells padded in their columns, the first ``left`` aligned left, the others
        right (headers all left, as DataTable's); after them, the table's background."""
        pad = " " * PADDING
        parts = []
        seen_from = round(self.scroll_x)
        seen_to = seen_from + self.scrollable_content_region.width
        x = 0
        for index, (cell, room) in enumerate(zip(cells, self._widths, strict=True)):
            size = cell_len(cell)
            start, x = x, x + room + 2 * PADDING
            if index >= left and not (seen_from <= start and start + PADDING + room <= seen_to):
                cell = " " * room  # an amount that does not fit whole is left out, never cut
            elif size > room:
                cell = set_cell_size(cell, room - 1) + "…" if room > 0 else ""
            elif index < left:
                cell = set_cell_size(cell, room)
            else:
                cell = " " * (room - size) + cell
            parts.append(f"{pad}{cell}{pad}")
        return Strip([Segment("".join(parts), style)]).crop_extend(0, width, self.rich_style)
