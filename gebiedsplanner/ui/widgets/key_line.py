"""The planner's footer: what the keys do, as one line of plain text.

Textual's ``Footer`` draws every key as its own styled widget and recomposes
when bindings change: about 1.300 bytes each time it reappears after the edit
line, over SSH. This line is a single run of one style, drawn once (about
115 bytes at 80 columns).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from gebiedsplanner.ui.actions import ActionSpec, key_hints


class KeyLine(Widget):
    """`` ⏎ Wijzig  m Verschuif  ...``: the screen's key hints, as many as fit, help last."""

    DEFAULT_CSS = "KeyLine { height: 1; background: $panel; color: $text; }"

    def __init__(self, specs: tuple[ActionSpec, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.specs = specs

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        text = f" {key_hints(self.specs, width - 1)}"[:width]
        return Strip([Segment(text.ljust(width), self.rich_style)], width)
