"""The planner table: a Line API widget that paints only what changed.

A plain ``DataTable.update_cell`` repaints the whole visible table (5-6 KB per
edit over SSH). This grid renders rows on demand from a :class:`TableView`
and, after an edit, repaints just the touched rows; a cursor step repaints
just the two cells involved. Hovering the mouse repaints nothing.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from gebiedsplanner.core.table_view import RowKind, TableView

HEADER_LINES = 2


class BudgetGrid(ScrollView, can_focus=True):
    """Gebieden, stedelijk posts and totals for one year; a cell cursor moves over the amounts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1, 0)", show=False),
        Binding("down", "cursor(1, 0)", show=False),
        Binding("left", "cursor(0, -1)", show=False),
        Binding("right", "cursor(0, 1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "edge(-1)", show=False),
        Binding("end", "edge(1)", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "budget-grid--header",
        "budget-grid--cursor",
        "budget-grid--total",
        "budget-grid--stedelijk",
    }

    DEFAULT_CSS = """
    BudgetGrid {
        scrollbar-size-vertical: 1;
        scrollbar-size-horizontal: 1;
    }
    BudgetGrid > .budget-grid--header { text-style: bold; color: $text-accent; }
    BudgetGrid > .budget-grid--cursor { background: $block-cursor-blurred-background; }
    BudgetGrid:focus > .budget-grid--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    BudgetGrid > .budget-grid--total { text-style: bold; }
    BudgetGrid > .budget-grid--stedelijk { color: $text-muted; }
    """

    cursor_row: reactive[int] = reactive(0, repaint=False)
    """Row of the cursor (index into the view's rows)."""
    cursor_column: reactive[int] = reactive(0, repaint=False)
    """Amount column of the cursor: 0 couleur locale ... 4 aandeel."""

    def __init__(self, view: TableView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view = view
        self._offsets: list[int] = []
        self._apply_view(view)

    # -- data in -----------------------------------------------------------

    @property
    def view(self) -> TableView:
        """The table being shown."""
        return self._view

    def show(self, view: TableView) -> None:
        """Show another view (another year or unit): a full repaint."""
        self._view = view
        self._apply_view(view)
        self.cursor_row = min(self.cursor_row, view.editable_rows - 1)
        self.refresh()

    def refresh_rows(self, rows: set[int]) -> None:
        """Repaint only ``rows`` (those on screen); everything if a column had to widen."""
        if self._view.widen_for(rows):
            self._apply_view(self._view)
            self.refresh()
            return
        top = int(self.scroll_y)
        visible = self._body_height()
        for row in rows:
            if top <= row < top + visible:
                self.refresh(Region(0, HEADER_LINES + row - top, self.size.width, 1))

    def move_cursor_to(self, row: int, column: int) -> None:
        """Put the cursor on a cell and scroll it into view."""
        self._set_cursor(max(0, min(row, self._view.editable_rows - 1)), max(0, min(column, 3)))

    def _apply_view(self, view: TableView) -> None:
        offsets, x = [], 0
        for width in view.widths:
            offsets.append(x)
            x += width + 1
        self._offsets = offsets
        self.virtual_size = Size(x, len(view.rows) + HEADER_LINES)

    # -- cursor --------------------------------------------------------------

    def action_cursor(self, rows: int, columns: int) -> None:
        view = self._view
        row = max(0, min(self.cursor_row + rows, view.editable_rows - 1))
        column = view.column_for(self.cursor_row, self.cursor_column)
        if columns and view.rows[self.cursor_row].kind is RowKind.STEDELIJK:
            column = self.cursor_column  # leaving the fixed netto column: resume where we were
        column = max(0, min(column + columns, 3)) if columns else self.cursor_column
        self._set_cursor(row, column)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self._body_height() - 1), 0)

    def action_edge(self, direction: int) -> None:
        self._set_cursor(0 if direction < 0 else self._view.editable_rows - 1, self.cursor_column)

    def _set_cursor(self, row: int, column: int) -> None:
        old = self._cursor_region()
        self.cursor_row, self.cursor_column = row, column
        top, visible = int(self.scroll_y), self._body_height()
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + visible:
            self.scroll_to(y=row - visible + 1, animate=False, immediate=True)
        else:
            self.refresh(old, self._cursor_region())

    def _cursor_region(self) -> Region:
        column = self._view.column_for(self.cursor_row, self.cursor_column) + 1
        x = self._offsets[column] - int(self.scroll_x)
        y = HEADER_LINES + self.cursor_row - int(self.scroll_y)
        return Region(x, y, self._view.widths[column], 1)

    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER_LINES)

    def on_click(self, event: Click) -> None:
        row = event.y - HEADER_LINES + int(self.scroll_y)
        x = event.x + int(self.scroll_x)
        if not 0 <= row < self._view.editable_rows:
            return
        for column in range(1, 5):
            if self._offsets[column] <= x < self._offsets[column] + self._view.widths[column]:
                self._set_cursor(row, column - 1)

    # -- painting ------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x = int(self.scroll_x)
        if y < HEADER_LINES:
            header = self._view.headers[y]
            style = self.get_component_rich_style("budget-grid--header")
            strip = Strip(self._segments(header, style, None)).simplify()
        else:
            row = y - HEADER_LINES + int(self.scroll_y)
            if row >= len(self._view.rows):
                return Strip.blank(width, self.rich_style)
            strip = Strip(self._row_segments(row)).simplify()
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _row_segments(self, row: int) -> list[Segment]:
        kind = self._view.rows[row].kind
        style = self.rich_style
        if kind is RowKind.TOTAAL:
            style += self.get_component_rich_style("budget-grid--total")
        elif kind is RowKind.STEDELIJK:
            style += self.get_component_rich_style("budget-grid--stedelijk")
        cursor = None
        if row == self.cursor_row:
            cursor = self._view.column_for(row, self.cursor_column) + 1
        return self._segments(self._view.texts_for(row), style, cursor)

    def _segments(self, cells: tuple[str, ...], style: Style, cursor: int | None) -> list[Segment]:
        segments = []
        cursor_style = style + self.get_component_rich_style("budget-grid--cursor")
        for column, (text, width) in enumerate(zip(cells, self._view.widths, strict=True)):
            if len(text) > width:
                text = text[: width - 1] + "…"
            padded = text.ljust(width) if column == 0 else text.rjust(width)
            segments.append(Segment(padded, cursor_style if column == cursor else style))
            segments.append(Segment(" ", style))
        return segments
