"""The planner table: one Line API widget per column, painting only the cells that changed.

Over SSH every byte counts. A plain ``DataTable.update_cell`` repaints the whole
visible table (5-6 KB per edit). Here the grid renders rows on demand from a
:class:`TableView` and repaints single cells: a cursor step is two cells, an edit
the cells it changed plus the totals. Hovering the mouse repaints nothing.

Why a widget per column: Textual writes a changed region from the left edge of
the widget that holds it, so in one wide widget a cell at the right costs its
whole line. With a widget per column, a cell costs itself.

The names' column is docked at the left: when a narrow terminal scrolls the amounts
sideways, the gebied of each row stays in view (issue 26: scrolled, a row read
``erg-Schiebroek``). The amounts scroll by whole columns, so that the cursor's shows.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from gebiedsplanner.core.table_view import GridRows, RowKind
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.widgets.figure import changed_up_to
from gebiedsplanner.ui.widgets.row_window import RowWindow, ScrollMark

HEADER_LINES = 2


class GridColumn(Widget):
    """One column of the grid (the names, or one kind of amount): draws what the grid says."""

    DEFAULT_CSS = """
    GridColumn { height: 100%; }
    GridColumn.-frozen { dock: left; }
    """

    def __init__(self, grid: BudgetGrid, index: int) -> None:
        super().__init__(classes="" if index else "-frozen")
        self.grid = grid
        self.index = index

    def render_line(self, y: int) -> Strip:
        if self.index and not self.grid.shows_whole(self.index):  # never 6 of 62.327.000
            return Strip.blank(self.size.width, self.grid.rich_style)
        return self.grid.cell_strip(self.index, y, self.size.width)

    def on_click(self, event: events.Click) -> None:
        self.grid.click(self.index, event.y)

    def on_resize(self) -> None:
        """Fewer lines (a scroll bar came for wider columns): the cursor stays in view,
        also when it moved before this layout (keys held while a large file is read)."""
        if self.index == 0:
            self.grid.keep_in_view(self.grid.cursor_row)


class BudgetGrid(RowWindow, can_focus=True):
    """Gebieden, stedelijk posts and totals; a cell cursor moves over the amounts.

    What the columns are is the view's: the posts of one year (:class:`TableView`) or
    one post in every year (``YearsView``); the grid takes as many columns as it has.
    """

    #: Priority, like the planner's keys, so that keys arriving together keep their order.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, action, show=False, priority=True)
        for key, action in (
            ("up", "cursor(-1, 0)"),
            ("down", "cursor(1, 0)"),
            ("left", "cursor(0, -1)"),
            ("right", "cursor(0, 1)"),
            ("pageup", "page(-1)"),
            ("pagedown", "page(1)"),
            ("home", "edge(-1)"),
            ("end", "edge(1)"),
        )
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "budget-grid--header",
        "budget-grid--cursor",
        "budget-grid--cursor-blurred",
        "budget-grid--total",
        "budget-grid--stedelijk",
        "budget-grid--mark",
        "budget-grid--policy",
        "budget-grid--note",
    }

    DEFAULT_CSS = """
    BudgetGrid {
        layout: horizontal;
        overflow-x: auto;
        overflow-y: hidden;
        scrollbar-size-horizontal: 1;
    }
    BudgetGrid > .budget-grid--header { text-style: bold; color: $text-accent; }
    BudgetGrid > .budget-grid--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    BudgetGrid > .budget-grid--cursor-blurred { background: $block-cursor-blurred-background; }
    BudgetGrid > .budget-grid--total { text-style: bold; }
    BudgetGrid > .budget-grid--stedelijk { color: $text-muted; }
    BudgetGrid > .budget-grid--mark { color: $text-muted; }
    BudgetGrid > .budget-grid--policy { text-style: bold; color: $text-warning; }
    BudgetGrid > .budget-grid--note { color: $text-accent; }
    """

    header_lines = HEADER_LINES

    class CursorRowChanged(Message):
        """The cursor went to another row (what the planner's note line follows)."""

    class ColumnMoved(Message):
        """The cursor went to another column (the all-years totals show its year)."""

    def __init__(self, view: GridRows, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view = view
        self.cursor_column = 0
        """Amount column of the cursor: 0 couleur locale ... 3 netto (stedelijk posts), or
        the year's column in the all-years view."""
        self._texts: dict[int, tuple[str, ...]] = {}
        self._columns = [GridColumn(self, index) for index in range(len(view.widths))]

    def compose(self) -> ComposeResult:
        yield ScrollMark(self, "budget-grid--mark")
        yield from self._columns

    def on_mount(self) -> None:
        self._apply_widths()

    # -- data in -----------------------------------------------------------

    @property
    def view(self) -> GridRows:
        """The table being shown."""
        return self._view

    def show(self, view: GridRows) -> None:
        """Show another view (another year, unit, order, or all years): everything repaints."""
        self._view = view
        self._texts.clear()
        self.cursor_row = min(self.cursor_row, view.editable_rows - 1)
        self.cursor_column = min(self.cursor_column, view.cursor_columns - 1)
        self._match_columns()
        self._apply_widths()
        self.show_from(self.first_row)
        self.repaint_all()
        self._scroll_to_cursor()
        self.call_after_refresh(self._scroll_to_cursor)  # the new widths laid out

    def refresh_cells(self, cells: set[tuple[int, int]]) -> None:
        """Repaint ``cells`` (row, column) that are on screen and now read differently.

        A cell whose text did not change (a share that stays 4,9%) is not
        repainted, one that did up to its last character that differs (-53.000 to
        -52.000 sends -52: see :mod:`figure`); if a column had to widen, everything is.
        """
        before = {row: self._texts.pop(row, None) for row in {row for row, _ in cells}}
        if self._view.widen_for(set(before)):
            self._apply_widths()
            self.repaint_all()
            return
        for row, column in cells:
            old, new = before[row], self._padded(self._row_texts(row)[column], column)
            if old is None:
                self._refresh_cell(row, column)
            elif changed := changed_up_to(self._padded(old[column], column), new):
                self._refresh_cell(row, column, width=changed)

    def refresh_marks(self, cells: set[tuple[int, int]]) -> None:
        """Repaint the policy mark after ``cells`` (row, column): the space after each cell.

        Only cells whose mark came or went: reaching a column's edge costs a few
        bytes more than the cell alone (see :mod:`figure`).
        """
        for row, column in cells:
            self._refresh_cell(row, column, with_mark=True)

    def move_cursor_to(self, row: int, column: int) -> None:
        """Put the cursor on a cell and scroll it into view."""
        self._set_cursor(self.clamp_row(row), max(0, min(column, self._view.cursor_columns - 1)))

    def refresh_header(self) -> None:
        """Repaint the two header lines (a sort mark changed), nothing else."""
        for column, width in zip(self._columns, self._view.widths, strict=True):
            column.refresh(Region(0, 0, width, HEADER_LINES))

    def _match_columns(self) -> None:
        """As many column widgets as the view has columns (one year: 6; all years: 1 + years)."""
        count = len(self._view.widths)
        while len(self._columns) > count:
            self._columns.pop().remove()
        if len(self._columns) < count:
            new = [GridColumn(self, index) for index in range(len(self._columns), count)]
            self._columns += new
            if self.is_mounted:
                self.mount(*new)

    def _apply_widths(self) -> None:
        widths = [width + 1 for width in self._view.widths]  # the cell and a space after it
        widths[-1] += self._tail()
        for column, width in zip(self._columns, widths, strict=True):
            if column.styles.width is None or column.styles.width.value != width:
                column.styles.width = width

    def repaint_all(self) -> None:
        for column in self._columns:
            column.refresh()
        self.query_one(ScrollMark).refresh()

    def _row_texts(self, row: int) -> tuple[str, ...]:
        texts = self._texts.get(row)
        if texts is None:
            if len(self._texts) > 4 * max(1, self.body_height()):
                self._texts.clear()  # keep only about what the screen shows
            texts = self._texts[row] = self._view.texts_for(row)
        return texts

    # -- cursor and scrolling ------------------------------------------------

    def action_cursor(self, rows: int, columns: int) -> None:
        view = self._view
        row = self.clamp_row(self.cursor_row + rows)
        column = view.column_for(self.cursor_row, self.cursor_column)
        if columns and view.rows[self.cursor_row].kind is RowKind.STEDELIJK:
            column = self.cursor_column  # leaving the fixed netto column: resume where we were
        last = view.cursor_columns - 1
        column = max(0, min(column + columns, last)) if columns else self.cursor_column
        self._set_cursor(row, column)

    def row_count(self) -> int:
        return self._view.editable_rows

    def go_to_row(self, row: int) -> None:
        self._set_cursor(self.clamp_row(row), self.cursor_column)

    def click(self, column: int, y: int) -> None:
        """A click on line ``y`` of ``column``: the cursor goes there (amount columns only)."""
        row = y - HEADER_LINES + self.first_row
        if HEADER_LINES <= y < self._totals_line() and 1 <= column <= self._view.cursor_columns:
            self._set_cursor(row, column - 1)

    def _set_cursor(self, row: int, column: int) -> None:
        self._refresh_cursor()
        if row != self.cursor_row:
            self.post_message(self.CursorRowChanged())
        if column != self.cursor_column:
            self.post_message(self.ColumnMoved())
        self.cursor_row, self.cursor_column = row, column
        self.keep_in_view(row)
        self._refresh_cursor()
        self._scroll_to_cursor()

    # -- sideways: the names stay, the amounts scroll ---------------------------

    def _starts(self) -> list[int]:
        """Where each amount column (its cell and the space after it) begins among the
        amounts, and where the last one ends."""
        starts, x = [], 0
        for width in self._view.widths[1:]:
            starts.append(x)
            x += width + 1
        return [*starts, x]

    def _seen_width(self) -> int:
        """Columns of the amounts on screen: less the names and the position mark."""
        return max(0, self.size.width - self._view.widths[0] - 2)

    def _scroll_for(self, end: int) -> int:
        """The least scroll, at a column's start, that shows the amounts up to ``end``."""
        seen, starts = self._seen_width(), self._starts()
        return min((start for start in starts[:-1] if end <= start + seen), default=starts[-2])

    def _tail(self) -> int:
        """Blank room after the last column, so that the last scroll starts at a column."""
        if not self.size.width:
            return 0
        end, seen = self._starts()[-1], self._seen_width()
        return 0 if end <= seen else max(0, self._scroll_for(end) + seen - end)

    def _scroll_to_cursor(self) -> None:
        """Scroll as little as needed, by whole columns, for the cursor's column to show
        whole (on the last column the cursor reaches, also the columns after it)."""
        if not self.size.width:
            return
        view = self._view
        column = view.column_for(self.cursor_row, self.cursor_column)
        starts = self._starts()
        end = starts[-1] if column == view.cursor_columns - 1 else starts[column + 1]
        now = round(self.scroll_x)
        if starts[column] < now:
            target = starts[column]
        elif end > now + self._seen_width():
            target = min(self._scroll_for(end), starts[column])
        else:
            return
        self.scroll_to(x=target, animate=False, immediate=True)

    def shows_whole(self, index: int) -> bool:
        """Amount column ``index`` is on screen in full (a narrow terminal shows part of
        the amounts beside the names)."""
        left = self._starts()[index - 1] - round(self.scroll_x)
        return left >= 0 and left + self._view.widths[index] <= self._seen_width()

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        """Columns that come into view whole (or leave it) draw again."""
        super().watch_scroll_x(old_value, new_value)
        for column in self._columns[1:]:
            column.refresh()

    def on_resize(self) -> None:
        self._apply_widths()
        for column in self._columns[1:]:
            column.refresh()
        self.call_after_refresh(self._scroll_to_cursor)

    def _refresh_cursor(self) -> None:
        self._refresh_cell(
            self.cursor_row, self._view.column_for(self.cursor_row, self.cursor_column) + 1
        )

    def _refresh_cell(
        self, row: int, column: int, *, with_mark: bool = False, width: int | None = None
    ) -> None:
        """Repaint a cell (``width``: its first columns only; ``with_mark``: and the mark)."""
        if row == self._view.editable_rows:
            y = self._totals_line()
        else:
            y = HEADER_LINES + row - self.first_row
            if not HEADER_LINES <= y < HEADER_LINES + self.body_height():
                return
        if width is None:
            width = self._view.widths[column] + (1 if with_mark else 0)
        self._columns[column].refresh(Region(0, y, width, 1))

    def body_height(self) -> int:
        """Lines for rows between the header and the totals row (at least one)."""
        height = self._columns[0].size.height if self._columns[0].is_mounted else 0
        return max(1, height - HEADER_LINES - 1)

    def _totals_line(self) -> int:
        """The totals row follows the last row, or stays on the last line when rows scroll.

        Pinned like a spreadsheet's frozen row: at 10.000 gebieden the totals per
        post stay in view wherever the cursor is.
        """
        return HEADER_LINES + min(self._view.editable_rows - self.first_row, self.body_height())

    # -- focus ---------------------------------------------------------------

    def on_focus(self, event: events.Focus) -> None:
        self._focus_changed(event, focused=True)

    def on_blur(self, event: events.Blur) -> None:
        self._focus_changed(event, focused=False)

    def _focus_changed(self, event: events.Focus | events.Blur, *, focused: bool) -> None:
        """Repaint only the cursor cell, the one thing focus changes here.

        Textual's own handler repaints the whole widget, and a ``:focus`` rule in
        CSS would too: the whole table over SSH (10 KB) each time the edit line
        takes or returns the focus. So the cursor's two looks are two component
        classes chosen in :meth:`cell_strip`, and this handler replaces Textual's
        (``prevent_default``) while keeping its other duties. ``has_focus`` is set
        without its watcher: that one restyles the widget, and restyling a widget
        with a scrollbar repaints the scrollbar (2 KB at 10.000 gebieden).
        """
        event.prevent_default()
        self.set_reactive(BudgetGrid.has_focus, focused)
        self._refresh_cursor()
        if self.parent is not None:
            message = events.DescendantFocus(self) if focused else events.DescendantBlur(self)
            self.parent.post_message(message)

    # -- painting ------------------------------------------------------------

    def cell_strip(self, column: int, y: int, width: int) -> Strip:
        """Line ``y`` of ``column``: a header, a cell, or blank below the last row."""
        base = self.rich_style
        if y < HEADER_LINES:
            style = base + self.get_component_rich_style("budget-grid--header")
            return self._cell(self._view.headers[y][column], column, style, base, width)
        totals = self._totals_line()
        row = self._view.editable_rows if y == totals else y - HEADER_LINES + self.first_row
        if y > totals:
            return Strip.blank(width, base)
        style = base
        kind = self._view.rows[row].kind
        if kind is RowKind.TOTAAL:
            style += self.get_component_rich_style("budget-grid--total")
        elif kind is RowKind.STEDELIJK:
            style += self.get_component_rich_style("budget-grid--stedelijk")
        if row == self.cursor_row and column == self._view.column_for(row, self.cursor_column) + 1:
            look = "budget-grid--cursor" if self.has_focus else "budget-grid--cursor-blurred"
            style += self.get_component_rich_style(look)
        text = self._row_texts(row)[column]
        if column == 0:
            note = self._view.noted(row)
            return self._cell(text, column, style, base, width, note, "budget-grid--note")
        return self._cell(text, column, style, base, width, self._view.marked(row, column))

    def _padded(self, text: str, column: int) -> str:
        """``text`` as its cell shows it: names to the left, amounts to the right, a long
        name cut with an ellipsis."""
        cell_width = self._view.widths[column]
        if len(text) > cell_width:
            text = text[: cell_width - 1] + "…"
        return text.ljust(cell_width) if column == 0 else text.rjust(cell_width)

    def _cell(
        self,
        text: str,
        column: int,
        style: Style,
        base: Style,
        width: int,
        mark: bool = False,
        look: str = "budget-grid--policy",
    ) -> Strip:
        """The cell, then the space after it: the policy mark when the cell breaks a rule
        (``look``: the note mark after a gebied's name when it has a note)."""
        padded = self._padded(text, column)
        after = Segment(" ", base)
        if mark:
            marked = base + self.get_component_rich_style(look)
            sign = texts.NOTE_MARK if look == "budget-grid--note" else texts.POLICY_MARK
            after = Segment(sign, marked)
        strip = Strip([Segment(padded, style), after]).simplify()
        return strip.crop_extend(0, width, base)
