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
from gebiedsplanner.ui.widgets.figure import Figure


class TotalsBar(Vertical):
    """Two lines of totals; ``show`` takes the texts from the core."""

    DEFAULT_CSS = """
    TotalsBar { height: 2; }
    TotalsBar Horizontal { height: 1; }
    TotalsBar .caption { width: auto; color: $text-muted; padding: 0 1 0 0; }
    TotalsBar Figure { width: auto; }
    TotalsBar #status { width: 1fr; }
    TotalsBar.-over #room, TotalsBar.-over #status { text-style: bold reverse; }
    """

    #: Per line: (caption, figure id) pairs; a caption of ``None`` is a figure alone.
    LINES = (
        (
            (texts.CAPTION_ENVELOPE, "envelope"),
            (texts.CAPTION_PLANNED, "planned"),
            (texts.CAPTION_ROOM, "room"),
            (None, "status"),
        ),
        (
            (texts.CAPTION_IMPOSED, "imposed"),
            (texts.CAPTION_DISTRIBUTED, "distributed"),
            (texts.CAPTION_OPEN, "open"),
        ),
    )

    def compose(self) -> ComposeResult:
        for line in self.LINES:
            with Horizontal():
                for caption, figure in line:
                    if caption is None:
                        yield Figure(id=figure, width=17)
                        continue
                    yield Static(caption, classes="caption", markup=False)
                    yield Figure(id=figure, classes="amount", width=11, align=">")

    def show(self, totals: TotalsText) -> None:
        """Update the figures that changed."""
        for name in (figure for line in self.LINES for _, figure in line):
            self.query_one(f"#{name}", Figure).set(getattr(totals, name))
        self.set_class(totals.over, "-over")
