"""The always-visible totals for the selected year: room and whether the plan is over the
envelope first, then envelope, planned, taakstelling, and how many policy rules it breaks.

Each figure is its own small widget with a fixed width, so a change repaints
only the figures whose text changed, not the bar. A figure draws the caption
of the next one after itself: fewer widgets, a faster start (issue 5).

Below 80 columns the bar takes its narrow form: the same figures with short
captions, a short over-envelope sign and narrower columns, so that down to 60
columns every figure is shown whole, the room and the sign first (issue 12).
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from gebiedsplanner import texts
from gebiedsplanner.core.table_view import TotalsText
from gebiedsplanner.ui.widgets.figure import Figure

#: From this width on, the bar uses whole words.
WIDE_FROM = 80


class Form(NamedTuple):
    """How one figure looks in one form of the bar: which field of :class:`TotalsText`
    it shows ("" for a caption alone: the over-envelope style is not the caption's), its
    width and alignment, and the name in ``texts`` of the caption after it ("" for none)."""

    field: str
    width: int
    align: str = ">"
    then: str = ""


#: Per line, per figure: its id, its wide form and its narrow form.
LINES: tuple[tuple[tuple[str, Form, Form], ...], ...] = (
    (
        ("", Form("", 0, then="CAPTION_ROOM"), Form("", 0, then="CAPTION_ROOM")),
        ("room", Form("room", 11), Form("room", 10)),
        ("status", Form("status", 16, "<"), Form("status_short", 7, "<")),
        ("", Form("", 0, then="CAPTION_ENVELOPE"), Form("", 0, then="CAPTION_ENVELOPE_SHORT")),
        (
            "envelope",
            Form("envelope", 11, then="CAPTION_PLANNED"),
            Form("envelope", 10, then="CAPTION_PLANNED_SHORT"),
        ),
        ("planned", Form("planned", 11), Form("planned", 10)),
    ),
    (
        ("", Form("", 0, then="CAPTION_IMPOSED"), Form("", 0, then="CAPTION_IMPOSED_SHORT")),
        (
            "imposed",
            Form("imposed", 11, then="CAPTION_DISTRIBUTED"),
            Form("imposed", 10, then="CAPTION_DISTRIBUTED_SHORT"),
        ),
        (
            "distributed",
            Form("distributed", 11, then="CAPTION_OPEN"),
            Form("distributed", 10, then="CAPTION_OPEN"),
        ),
        ("open", Form("open", 11), Form("open", 10)),
        ("policy", Form("policy", 0, "<"), Form("policy_short", 0, "<")),
    ),
)


class TotalsBar(Vertical):
    """Two lines of totals; ``show`` takes the texts from the core."""

    DEFAULT_CSS = """
    TotalsBar { height: 2; }
    TotalsBar Horizontal { height: 1; }
    TotalsBar.-over #room, TotalsBar.-over #status { text-style: bold reverse; }
    TotalsBar.-policy #policy { text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.wide = True
        self._totals: TotalsText | None = None
        self._figures: list[tuple[Figure, Form, Form]] = []
        self._lines: list[list[Figure]] = []

    def compose(self) -> ComposeResult:
        self.wide = self.app.size.width >= WIDE_FROM
        for line in LINES:
            self._lines.append([])
            with Horizontal():
                for name, wide, narrow in line:
                    figure = Figure(id=name or None)
                    self._figures.append((figure, wide, narrow))
                    self._lines[-1].append(figure)
                    yield figure
        self._reshape()

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= WIDE_FROM
        if wide != self.wide:
            self.wide = wide
            self._reshape()
        self._fit()

    def _fit(self) -> None:
        """Blank each figure that does not fit whole on its line, and those after it
        with their captions (amounts near a trillion are wider than the columns)."""
        if not self.size.width:
            return
        for line in self._lines:
            end, cut = 0, len(line)
            for index, figure in enumerate(line):
                if end + figure.text_end > self.size.width:
                    cut = index
                    break
                end += figure.get_content_width(self.size, self.size)
            for index, figure in enumerate(line):
                figure.blank(text=index >= cut, caption=index >= cut - 1 and cut < len(line))

    def _reshape(self) -> None:
        for figure, wide, narrow in self._figures:
            form = wide if self.wide else narrow
            then = str(getattr(texts, form.then)) if form.then else ""
            figure.reshape(width=form.width, align=form.align, then=then)
        if self._totals is not None:
            self.show(self._totals)

    def show(self, totals: TotalsText) -> None:
        """Update the figures that changed."""
        self._totals = totals
        for figure, wide, narrow in self._figures:
            field = (wide if self.wide else narrow).field
            if field:
                figure.set(getattr(totals, field))
        self._fit()
        self.set_class(totals.over, "-over")
        self.set_class(totals.broken, "-policy")
