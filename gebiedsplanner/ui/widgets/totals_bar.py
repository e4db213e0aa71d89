"""The always-visible totals for the selected year: envelope, planned, room, taakstelling,
and how many policy rules the year breaks.

Each figure is its own small widget with a fixed width, so a change repaints
only the figures whose text changed, not the bar. A figure draws the caption
of the next one after itself: fewer widgets, a faster start (issue 5).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from gebiedsplanner import texts
from gebiedsplanner.core.table_view import TotalsText
from gebiedsplanner.ui.widgets.figure import Figure

#: Per line: its first caption, then per figure its id, width, alignment and the
#: caption that follows it.
LINES: tuple[tuple[str, tuple[tuple[str, int, str, str], ...]], ...] = (
    (
        texts.CAPTION_ENVELOPE,
        (
            ("envelope", 11, ">", texts.CAPTION_PLANNED),
            ("planned", 11, ">", texts.CAPTION_ROOM),
            ("room", 11, ">", ""),
            ("status", 17, "<", ""),
        ),
    ),
    (
        texts.CAPTION_IMPOSED,
        (
            ("imposed", 11, ">", texts.CAPTION_DISTRIBUTED),
            ("distributed", 11, ">", texts.CAPTION_OPEN),
            ("open", 11, ">", ""),
            ("policy", 0, "<", ""),
        ),
    ),
)


class TotalsBar(Vertical):
    """Two lines of totals; ``show`` takes the texts from the core."""

    DEFAULT_CSS = """
    TotalsBar { height: 2; }
    TotalsBar Horizontal { height: 1; }
    TotalsBar #status { width: 1fr; }
    TotalsBar.-over #room, TotalsBar.-over #status { text-style: bold reverse; }
    TotalsBar.-policy #policy { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        for caption, figures in LINES:
            with Horizontal():
                yield Figure(then=caption)
                for name, width, align, then in figures:
                    yield Figure(id=name, width=width, align=align, then=then)

    def show(self, totals: TotalsText) -> None:
        """Update the figures that changed."""
        for _, figures in LINES:
            for name, *_ in figures:
                self.query_one(f"#{name}", Figure).set(getattr(totals, name))
        self.set_class(totals.over, "-over")
        self.set_class(totals.broken, "-policy")
