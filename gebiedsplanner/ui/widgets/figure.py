"""A short text that repaints only when it changes: totals, the unsaved-changes marker.

Over SSH each repaint costs its bytes, so a figure is drawn as one run of one
style: it pads its own texts (each aligned to its column's width, then one
space) instead of CSS padding, which Textual writes as separate runs. Textual
sends a widget's line from the widget's left edge to the end of what changed,
so a change repaints up to the last character that differs, never the trailing
space: repainting up to a neighbour's edge makes Textual also send an empty move
to the neighbour (10 bytes for nothing). So the last figure on a line ends in its
space too: the line's background after it is a neighbour as well.

Texts that always change their look together are one figure of several columns
(the room and the over-envelope sign): one run, where two figures cost a second
move, style and reset (36 bytes). The look is the emphasis (``figure--emphasis``,
styled per figure), chosen when drawing: a CSS class would repaint the whole
widget, caption included.

A figure may carry the caption of the figure after it (``then``), drawn to its
right in the muted caption style: one widget instead of two, and since a change
is sent from the left edge, the caption is not repainted with the figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

#: A column of a figure: its width (0: as wide as its text) and alignment ("<" or ">").
Column = tuple[int, str]


def changed_up_to(old: str, new: str) -> int:
    """Columns from the left up to the last one where ``old`` and ``new`` (as long) differ."""
    return next((i + 1 for i in range(len(new) - 1, -1, -1) if old[i] != new[i]), 0)


class Figure(Widget):
    """One value (or a few that go together) on one line; repaints only what changes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"figure--caption", "figure--emphasis"}

    DEFAULT_CSS = """
    Figure { height: 1; width: auto; }
    Figure > .figure--caption { color: $text-muted; }
    """

    def __init__(
        self, *, id: str | None = None, columns: Sequence[Column] = (), then: str = ""
    ) -> None:
        super().__init__(id=id)
        self._texts: tuple[str, ...] = ()
        self._emphasis = False
        self._blank_text = self._blank_caption = False
        self.reshape(columns=columns, then=then)

    def reshape(self, *, columns: Sequence[Column] = (), then: str = "") -> None:
        """Take other columns or another caption (a narrower form of the bar).

        No columns: one text as it is, with no space after it: the unsaved-changes
        marker (as wide as its CSS says), or no text at all before a caption.
        """
        padded = (f"{{:{align}{width or ''}}} " for width, align in columns)
        self._format = "".join(padded) or "{}"
        if len(self._texts) != max(1, len(columns)):  # until set: empty texts
            self._texts = ("",) * max(1, len(columns))
        self._then = f"{then} " if then else ""
        self._shown = self._format.format(*self._texts)
        self.refresh(layout=True)

    def set(self, *texts: str, emphasis: bool = False) -> None:
        """Show ``texts``, one per column, emphasised or not (no repaint when unchanged)."""
        if texts == self._texts and emphasis == self._emphasis:
            return
        old, shown = self._shown, self._format.format(*texts)
        restyled = emphasis != self._emphasis
        self._texts, self._shown, self._emphasis = texts, shown, emphasis
        if len(shown) != len(old):  # lay out again: money shown is never cut off
            self.refresh(layout=True)
        elif restyled:  # the texts and the spaces after them: all of them change their look
            self.refresh(Region(0, 0, len(shown), 1))
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
        width, base = self.size.width, self.rich_style
        style = base + self.get_component_rich_style("figure--emphasis") if self._emphasis else base
        shown = " " * len(self._shown) if self._blank_text else self._shown
        if not self._then:  # one run, padded to the width the layout gave
            return Strip([Segment(shown[:width].ljust(width), style)], width)
        caption = base + self.get_component_rich_style("figure--caption")
        shown = shown[:width]
        then = " " * len(self._then) if self._blank_caption else self._then
        then = then[: width - len(shown)].ljust(width - len(shown))
        segments = [Segment(shown, style)] if shown else []  # a lone caption: no empty run
        return Strip([*segments, Segment(then, caption)], width)
