"""Modal: the plan as bars (``v``): a bar per gebied for the year, and each year against
the envelope. The core draws the lines (:func:`~gebiedsplanner.core.chart.chart_lines`);
this screen shows them, drawn anew from the scenario whenever it opens or the year
changes, so it shows every edit made before it."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from gebiedsplanner.core.chart import chart_lines
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key

#: The dialog's border and padding, in columns (before it is laid out).
FRAME = 8
#: The columns of a vertical scroll bar.
SCROLLBAR = 2
#: Narrower than this, the bars scroll sideways rather than lose their figures.
MINIMUM_WIDTH = 50


class ChartScreen(ModalDialog[None]):
    """The chart of one scenario; ``]`` and ``[`` change the year, ``esc``/``v``/``q`` close."""

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key("v,q", "cancel", "KEY_CLOSE", id="chart.close"),
        dialog_key("right_square_bracket,j", "year(1)", id="chart.next_year"),
        dialog_key("left_square_bracket,J", "year(-1)", id="chart.previous_year"),
    ]

    def __init__(self, scenario: Scenario, year: int) -> None:
        super().__init__()
        self.scenario, self.year = scenario, year

    def compose(self) -> ComposeResult:
        title = texts.CHART_TITLE.format(name=literal(self.scenario.name))
        with Vertical(classes="dialog help"):
            yield Static(title, classes="title", markup=False)
            with VerticalScroll():
                yield Static("", id="chart", markup=False)
            yield Static(texts.CHART_KEYS, classes="keys", markup=False)

    def on_mount(self) -> None:
        self.call_after_refresh(self._draw)  # once laid out: its width is known

    def on_resize(self) -> None:
        self.call_after_refresh(self._draw)

    def action_year(self, step: int) -> None:
        years = self.scenario.years
        self.year = years[(years.index(self.year) + step) % len(years)]
        self._draw()

    def _draw(self) -> None:
        chart = self.query_one("#chart", Static)
        # The scroll bar may take its columns only once the lines are there: leave them.
        width = (chart.content_region.width or self.app.size.width - FRAME) - SCROLLBAR
        lines = chart_lines(self.scenario, self.year, max(MINIMUM_WIDTH, width), cell_len)
        chart.update("\n".join(lines))
