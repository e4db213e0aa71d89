"""A window on rows drawn on demand: the rows on screen, a cursor kept in view, a position mark.

The planner's grid and the comparison's table both show tens of thousands of rows
at national scale and draw only the twenty on screen (Line API): no widget holds a
row that is not visible, so a key costs the same at 14 rows or 120.000. What they
share is here: which row is at the top, paging, the mouse wheel, and the mark in
the right-hand column that shows where the visible rows sit among all rows (a
click on it jumps there). What a row looks like, and what a cursor on it is, stays
with each widget.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widget import Widget

SCROLL_STEP = 3  # rows per mouse-wheel notch


class RowWindow(Widget):
    """Rows ``first_row`` and on, below ``header_lines`` lines of headers; one is the cursor's.

    A subclass says how many rows there are (:meth:`row_count`), how many fit
    (:meth:`body_height`), and how to repaint (:meth:`repaint_all`); it moves
    the cursor in :meth:`go_to_row`, which the keys here call.
    """

    header_lines = 1
    """Lines above the first row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cursor_row = 0
        """Row of the cursor."""
        self.first_row = 0
        """The first row on screen."""

    # -- what a subclass says ---------------------------------------------------

    def row_count(self) -> int:
        """How many rows the cursor can reach."""
        raise NotImplementedError

    def body_height(self) -> int:
        """Lines for rows on screen (at least one)."""
        raise NotImplementedError

    def repaint_all(self) -> None:
        """Repaint every row and the position mark."""
        raise NotImplementedError

    def go_to_row(self, row: int) -> None:
        """Put the cursor on ``row`` (clamped to the rows there are) and keep it in view."""
        raise NotImplementedError

    # -- keys and the mouse -----------------------------------------------------

    def action_page(self, direction: int) -> None:
        self.go_to_row(self.cursor_row + direction * max(1, self.body_height() - 1))

    def action_edge(self, direction: int) -> None:
        self.go_to_row(0 if direction < 0 else self.row_count() - 1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.show_from(self.first_row + SCROLL_STEP)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.show_from(self.first_row - SCROLL_STEP)

    def jump_to_mark(self, y: int) -> None:
        """A click on the position mark: show that part of the rows."""
        self.show_from((y - self.header_lines) * self.row_count() // self.body_height())

    # -- the window ---------------------------------------------------------------

    def clamp_row(self, row: int) -> int:
        """``row`` within the rows there are."""
        return max(0, min(row, self.row_count() - 1))

    def keep_in_view(self, row: int) -> None:
        """Scroll as little as needed for ``row`` to be on screen."""
        visible = self.body_height()
        if row < self.first_row:
            self.show_from(row)
        elif row >= self.first_row + visible:
            self.show_from(row - visible + 1)

    def show_from(self, top: int) -> None:
        """Show the rows from ``top`` (as far as there are rows to fill the window)."""
        top = max(0, min(top, self.row_count() - self.body_height()))
        if top != self.first_row:
            self.first_row = top
            self.repaint_all()

    def mark_strip(self, y: int, style_name: str) -> Strip:
        """Line ``y`` of the position mark (``┃`` where the visible rows sit, else ``│``)."""
        base = self.rich_style
        rows, track = self.row_count(), self.body_height()
        body = y - self.header_lines
        if not 0 <= body < track or rows <= track:
            return Strip.blank(1, base)
        start = self.first_row * track // rows
        length = max(1, track * track // rows)
        shown = start <= body < start + length
        style = base + self.get_component_rich_style(style_name)
        return Strip([Segment("┃" if shown else "│", style)])


class ScrollMark(Widget):
    """A one-column position mark at the right of a :class:`RowWindow`."""

    DEFAULT_CSS = "ScrollMark { width: 1; height: 100%; dock: right; }"

    def __init__(self, window: RowWindow, style_name: str) -> None:
        super().__init__()
        self.window = window
        self.style_name = style_name

    def render_line(self, y: int) -> Strip:
        return self.window.mark_strip(y, self.style_name)

    def on_click(self, event: events.Click) -> None:
        self.window.jump_to_mark(event.y)
