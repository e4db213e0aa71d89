"""A short text that repaints only when it changes: totals, the unsaved-changes marker.

Over SSH each repaint costs its bytes, so a figure is drawn as one run of one
style: it pads its own text (aligned to ``width`` characters, then one space)
instead of CSS padding, which Textual writes as separate runs. A change repaints
the figure's text only, not the trailing space: Textual sends a widget's line
from the widget's left edge to the end of what changed, and repainting up to a
neighbour's edge makes it also send an empty move to the neighbour (10 bytes
for nothing).

A figure may carry the caption of the figure after it (``then``), drawn to its
right in the muted caption style: one widget instead of two, and since a change
is sent from the left edge, the caption is not repainted with the figure.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget


def changed_up_to(old: str, new: str) -> int:
    """Columns from the left up to the last one where ``old`` and ``new`` (as long) differ."""
    return next((i + 1 for i in range(len(new) - 1, -1, -1) if old[i] != new[i]), 0)


class Figure(Widget):
    """One value on one line; repaints only when its text changes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"figure--caption"}

    DEFAULT_CSS = """
    Figure { height: 1; width: auto; }
    Figure > .figure--caption { color: $text-muted; }
    """

    def __init__(
        self, *, id: str | None = None, width: int = 0, align: str = "<", then: str = ""
    ) -> None:
        super().__init__(id=id)
        self._text = ""
        self._blank_text = self._blank_caption = False
        self.reshape(width=width, align=align, then=then)

    def reshape(self, *, width: int = 0, align: str = "<", then: str = "") -> None:
        """Take another width, alignment or caption (a narrower form of the bar)."""
        self._format = f"{{:{align}{width}}} " if width else "{}"
        self._then = f"{then} " if then else ""
        self._shown = self._format.format(self._text)
        self.refresh(layout=True)

    def set(self, text: str) -> None:
        """Show ``text`` (no repaint when unchanged)."""
        if text == self._text:
            return
        old, shown = self._shown, self._format.format(text)
        self._text, self._shown = text, shown
        if len(shown) != len(old):  # lay out again: money shown is never cut off
            self.refresh(layout=True)
        else:  # up to the last character that differs: 62.327.000 to 62.328.000 sends 62.328
            self.refresh(Region(0, 0, changed_up_to(old, shown), 1))

    @property
    def text_end(self) -> int:
        """Columns up to the last character of its text (the padding after it may be cut)."""
        return len(self._shown.rstrip(" "))

    def blank(self, *, text: bool, caption: bool) -> None:
        """Draw its text, or the caption after it, as spaces: what would be cut off at
        the edge of the screen is not shown at all (a cut amount reads as another one)."""
        if (text, caption) != (self._blank_text, self._blank_caption):
            self._blank_text, self._blank_caption = text, caption
            self.refresh()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(self._shown) + len(self._then)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render_line(self, y: int) -> Strip:
        width, style = self.size.width, self.rich_style
        shown = " " * len(self._shown) if self._blank_text else self._shown
        if not self._then:  # one run, padded to the width the layout gave
            return Strip([Segment(shown[:width].ljust(width), style)], width)
        caption = style + self.get_component_rich_style("figure--caption")
        shown = shown[:width]
        then = " " * len(self._then) if self._blank_caption else self._then
        then = then[: width - len(shown)].ljust(width - len(shown))
        segments = [Segment(shown, style)] if shown else []  # a lone caption: no empty run
        return Strip([*segments, Segment(then, caption)], width)
