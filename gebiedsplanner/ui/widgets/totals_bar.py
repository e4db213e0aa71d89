"""The always-visible totals for the selected year: room and whether the plan is over the
envelope first, then envelope, planned, taakstelling, and how many policy rules it breaks.

Each figure is its own small widget with a fixed width, so a change repaints
only the figures whose text changed, not the bar. A figure draws the caption
of the next one after itself: fewer widgets, a faster start (issue 5). The room
and the over-envelope sign are one figure, emphasised together when over.

Below 80 columns the bar takes its narrow form: the same figures with short
captions, a short over-envelope sign and narrower columns, so that down to 60
columns every figure is shown whole, the room and the sign first (issue 12).
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from gebiedsplanner.core.table_view import TotalsText
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.widgets.figure import Figure

#: From this width on, the bar uses whole words.
WIDE_FROM = 80


class Form(NamedTuple):
    """How one figure looks in one form of the bar: the fields of :class:`TotalsText` it
    shows, each with its width and alignment (none for a caption alone), and the name in
    ``texts`` of the caption after it ("" for none)."""

    columns: tuple[tuple[str, int, str], ...]
    then: str = ""


def amount(field: str, width: int, then: str = "") -> Form:
    """A figure of one amount, right-aligned."""
    return Form(((field, width, ">"),), then)


def caption(then: str) -> Form:
    """A caption alone: the first on a line."""
    return Form((), then)


#: Per line, per figure: its id, its wide form and its narrow form. The room and the
#: over-envelope sign are one figure: they change their look together (see figure.py).
LINES: tuple[tuple[tuple[str, Form, Form], ...], ...] = (
    (
        ("", caption("CAPTION_ROOM"), caption("CAPTION_ROOM")),
        (
            "room",
            Form((("room", 11, ">"), ("status", 16, "<")), "CAPTION_ENVELOPE"),
            Form((("room", 10, ">"), ("status_short", 7, "<")), "CAPTION_ENVELOPE_SHORT"),
        ),
        (
            "envelope",
            amount("envelope", 11, "CAPTION_PLANNED"),
            amount("envelope", 10, "CAPTION_PLANNED_SHORT"),
        ),
        ("planned", amount("planned", 11), amount("planned", 10)),
    ),
    (
        ("", caption("CAPTION_IMPOSED"), caption("CAPTION_IMPOSED_SHORT")),
        (
            "imposed",
            amount("imposed", 11, "CAPTION_DISTRIBUTED"),
            amount("imposed", 10, "CAPTION_DISTRIBUTED_SHORT"),
        ),
        (
            "distributed",
            amount("distributed", 11, "CAPTION_OPEN"),
            amount("distributed", 10, "CAPTION_OPEN"),
        ),
        ("open", amount("open", 11), amount("open", 10)),
        ("policy", Form((("policy", 0, "<"),)), Form((("policy_short", 0, "<"),))),
    ),
)

#: The figures that show a field of :class:`TotalsText` in their emphasis (CSS below).
EMPHASIS = {"room": "over", "policy": "broken"}


class TotalsBar(Vertical):
    """Two lines of totals; ``show`` takes the texts from the core."""

    DEFAULT_CSS = """
    TotalsBar { height: 2; }
    TotalsBar Horizontal { height: 1; }
    TotalsBar #room > .figure--emphasis { text-style: bold reverse; }
    TotalsBar #policy > .figure--emphasis { text-style: bold; }
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
        # Before the first layout, the terminal's width (the bar spans it): fitted then,
        # the first frame shows no cut figure (while a large file is read, the next
        # frame may be a second away).
        width = self.size.width or self.app.size.width
        if not width:
            return
        for line in self._lines:
            end, cut = 0, len(line)
            for index, figure in enumerate(line):
                if end + figure.text_end > width:
                    cut = index
                    break
                end += figure.get_content_width(self.size, self.size)
            for index, figure in enumerate(line):
                figure.blank(text=index >= cut, caption=index >= cut - 1 and cut < len(line))

    def _reshape(self) -> None:
        for figure, wide, narrow in self._figures:
            form = wide if self.wide else narrow
            then = str(getattr(texts, form.then)) if form.then else ""
            columns = [(width, align) for _, width, align in form.columns]
            figure.reshape(columns=columns, then=then)
        if self._totals is not None:
            self.show(self._totals)

    def show(self, totals: TotalsText) -> None:
        """Update the figures that changed."""
        self._totals = totals
        for figure, wide, narrow in self._figures:
            fields = (wide if self.wide else narrow).columns
            if fields:
                flag = EMPHASIS.get(figure.id or "")
                emphasis = flag is not None and bool(getattr(totals, flag))
                figure.set(*(getattr(totals, field) for field, _, _ in fields), emphasis=emphasis)
        self._fit()
