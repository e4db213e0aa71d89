"""A short text that repaints only when it changes: totals, the unsaved-changes marker.

Over SSH each repaint costs its bytes, so a figure is drawn as one run of one
style: it pads its own text (aligned to ``width`` characters, then one space)
instead of CSS padding, which Textual writes as separate runs. A change repaints
all but that trailing space: repainting a region up to a neighbour's edge makes
Textual also send an empty move to the neighbour (10 bytes for nothing).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget


class Figure(Widget):
    """One value on one line; repaints only when its text changes."""

    DEFAULT_CSS = "Figure { height: 1; width: auto; }"

    def __init__(self, *, id: str, classes: str = "", width: int = 0, align: str = "<") -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._format = f"{{:{align}{width}}} " if width else "{}"
        self._shown = self._format.format("")

    @property
    def text(self) -> str:
        """What the figure shows now."""
        return self._text

    def set(self, text: str) -> None:
        """Show ``text`` (no repaint when unchanged)."""
        if text == self._text:
            return
        old, shown = self._shown, self._format.format(text)
        self._text, self._shown = text, shown
        if len(shown) != len(old):  # lay out again: money shown is never cut off
            self.refresh(layout=True)
        else:  # the old text and the new, not the trailing spaces
            changed = max(len(old.rstrip(" ")), len(shown.rstrip(" ")))
            self.refresh(Region(0, 0, changed, 1))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(self._shown)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        return Strip([Segment(self._shown[:width].ljust(width), self.rich_style)], width)
