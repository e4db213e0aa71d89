"""The always-visible totals for the selected year: envelope, planned, room, taakstelling.

Each figure is its own small widget with a fixed width, so a change repaints
only the figures whose text changed, not the bar.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from gebiedsplanner import texts
from gebiedsplanner.core.table_view import TotalsText


class Figure(Static):
    """One value; repaints only when its text changes."""

    def __init__(self, *, id: str, classes: str = "") -> None:
        super().__init__("", markup=False, id=id, classes=classes)
        self._text = ""

    @property
    def text(self) -> str:
        """What the figure shows now."""
        return self._text

    def set(self, text: str) -> None:
        """Show ``text`` (no repaint when unchanged)."""
        if text != self._text:
            self._text = text
            self.update(text, layout=False)


class TotalsBar(Vertical):
    """Two lines of totals; ``show`` takes the texts from the core."""

    DEFAULT_CSS = """
    TotalsBar { height: 2; }
    TotalsBar Horizontal { height: 1; }
    TotalsBar .caption { width: auto; color: $text-muted; padding: 0 1 0 0; }
    TotalsBar Figure.amount { width: 12; text-align: right; padding: 0 1 0 0; }
    TotalsBar #status { width: 18; }
    TotalsBar.-over #room, TotalsBar.-over #status { text-style: bold reverse; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(texts.CAPTION_ENVELOPE, classes="caption", markup=False)
            yield Figure(id="envelope", classes="amount")
            yield Static(texts.CAPTION_PLANNED, classes="caption", markup=False)
            yield Figure(id="planned", classes="amount")
            yield Static(texts.CAPTION_ROOM, classes="caption", markup=False)
            yield Figure(id="room", classes="amount")
            yield Figure(id="status")
        with Horizontal():
            yield Static(texts.CAPTION_IMPOSED, classes="caption", markup=False)
            yield Figure(id="imposed", classes="amount")
            yield Static(texts.CAPTION_DISTRIBUTED, classes="caption", markup=False)
            yield Figure(id="distributed", classes="amount")
            yield Static(texts.CAPTION_OPEN, classes="caption", markup=False)
            yield Figure(id="open", classes="amount")

    def show(self, totals: TotalsText) -> None:
        """Update the figures that changed."""
        for name in ("envelope", "planned", "room", "status", "imposed", "distributed", "open"):
            self.query_one(f"#{name}", Figure).set(getattr(totals, name))
        self.set_class(totals.over, "-over")
