"""The totals under the all-years view: per year its planned total, envelope and room.

A small table of four lines (the years, then planned, envelope and room), each year a
column: what the one-year totals bar shows of its year, for every year at once. It
fits 60 columns for four years (the captions are short). When not every year fits
(more years, or amounts in the hundreds of millions), the years shown are those up to
the cursor's: a year's column that would not fit whole is not shown at all, as the
totals bar blanks a figure it would cut.

Each cell repaints only when its text changes (an edit changes one year's planned
total and room): over SSH a cell costs itself, not the four lines. Imported when the
all-years view is first shown.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from gebiedsplanner.core.years_view import YearTotals
from gebiedsplanner.i18n import texts

#: The lines: the name of the caption in ``texts`` and the field of :class:`YearTotals`.
LINES = (
    ("CAPTION_YEAR", "year"),
    ("CAPTION_PLANNED", "planned"),
    ("CAPTION_ENVELOPE", "envelope"),
    ("CAPTION_ROOM", "room"),
)
#: Columns between a caption or a year and the next year.
GAP = 2


class YearsTotals(Widget):
    """Per year: planned, envelope and room; ``show`` takes the texts from the core."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "years-totals--caption",
        "years-totals--year",
        "years-totals--over",
    }

    DEFAULT_CSS = """
    YearsTotals { height: 4; }
    YearsTotals > .years-totals--caption { color: $text-muted; }
    YearsTotals > .years-totals--year { text-style: bold; color: $text-accent; }
    YearsTotals > .years-totals--over { text-style: bold reverse; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._years: list[YearTotals] = []
        self._widths: list[int] = []
        self._focus = 0
        self._first = 0

    def show(self, years: list[YearTotals], focus: int = 0) -> None:
        """Show ``years``, with year ``focus`` (the cursor's) among those shown: the cells
        whose text changed repaint; all when a width or the years shown changed."""
        old, self._years, self._focus = self._years, years, focus
        widths = [max(len(getattr(year, field)) for _, field in LINES) for year in years]
        first = self._first_shown(widths)
        if widths != self._widths or len(old) != len(years) or first != self._first:
            self._widths, self._first = widths, first
            self.refresh()
            return
        for index, (before, now) in enumerate(zip(old, years, strict=True)):
            if index < first:
                continue
            for y, (_, field) in enumerate(LINES):
                if getattr(before, field) != getattr(now, field) or (
                    y == 3 and before.over != now.over
                ):
                    left = self._left(index)
                    self.refresh(Region(left, y, widths[index], 1))

    def _label_width(self) -> int:
        return max(len(str(getattr(texts, caption))) for caption, _ in LINES)

    def _first_shown(self, widths: list[int]) -> int:
        """The first year shown: the first, unless the cursor's year would not fit then."""
        room = (self.size.width or self.app.size.width) - self._label_width()
        first = 0
        while first < self._focus and sum(w + GAP for w in widths[first : self._focus + 1]) > room:
            first += 1
        return first

    def _left(self, index: int) -> int:
        """Where year ``index``'s column starts (``index`` from the first shown)."""
        shown = self._widths[self._first : index]
        return self._label_width() + sum(width + GAP for width in shown) + GAP

    def on_resize(self, event: events.Resize) -> None:
        self._first = self._first_shown(self._widths)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.rich_style
        if y >= len(LINES) or not self._years:
            return Strip.blank(width, base)
        caption_name, field = LINES[y]
        caption = base + self.get_component_rich_style("years-totals--caption")
        segments = [Segment(str(getattr(texts, caption_name)).ljust(self._label_width()), caption)]
        end = self._label_width()
        for index, year in enumerate(self._years):
            if index < self._first:
                continue
            left = self._left(index)
            if left + self._widths[index] > width:  # a year that does not fit whole: none
                break
            style = base
            if y == 0:
                style += self.get_component_rich_style("years-totals--year")
            elif field == "room" and year.over:
                style += self.get_component_rich_style("years-totals--over")
            segments.append(Segment(" " * (left - end), base))
            segments.append(Segment(str(getattr(year, field)).rjust(self._widths[index]), style))
            end = left + self._widths[index]
        return Strip(segments).crop_extend(0, width, base)
