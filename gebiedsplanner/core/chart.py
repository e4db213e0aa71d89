"""The plan as bars of block characters, for the planner's chart view (``v``).

Drawn with characters only, so it reads at 80x24, without colour and over SSH:

- per gebied, for one year, its budget before the taakstelling as a bar: couleur locale
  ``█``, gebiedsopdracht ``▒``, and the part the taakstelling takes off its end ``░``
  (what is left, the net budget, is the solid part); then the net budget and the
  couleur locale share of it; ``┃`` marks the policy minimum of couleur locale, if the
  scenario has one;
- per year, what is planned against the envelope (``│`` marks the envelope).

Positions are whole cells computed from whole euros (no float touches an amount).
"""

from __future__ import annotations

from collections.abc import Callable

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount, format_percent, format_share
from gebiedsplanner.core.scenario import COULEUR_LOCALE, GEBIEDSOPDRACHT, TAAKSTELLING, Scenario
from gebiedsplanner.i18n import texts

CL, GO, TS, MINIMUM, ENVELOPE = "█", "▒", "░", "┃", "│"
#: The cells a text takes on a screen.
Measure = Callable[[str], int]
#: The widest a name column gets; longer names are cut with an ellipsis.
NAME_WIDTH = 16
#: Room after a bar: `` 12.345.678  12,34%``.
FIGURES_WIDTH = 20


def chart_lines(scenario: Scenario, year: int, width: int, measure: Measure = len) -> list[str]:
    """The chart for ``year`` in ``width`` columns: a legend, a bar per gebied, and a bar
    per year against the envelope. ``measure``: the cells a text takes on screen (a wide
    character takes two; the UI knows, the core is told)."""
    return [
        texts.CHART_GEBIEDEN.format(year=year),
        *_legend(scenario),
        *gebied_bars(scenario, year, width, measure),
        "",
        texts.CHART_YEARS,
        *year_bars(scenario, width),
    ]


def _legend(scenario: Scenario) -> list[str]:
    legend = [texts.CHART_LEGEND.format(cl=CL, go=GO, ts=TS)]
    minimum = scenario.beleid.min_couleur_locale_pct if scenario.beleid else None
    if minimum is not None:
        legend.append(texts.CHART_LEGEND_MINIMUM.format(mark=MINIMUM, pct=format_percent(minimum)))
    return legend


def _name(name: str, width: int, measure: Measure) -> str:
    """``name`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    name = literal(name)
    if measure(name) > width:
        while name and measure(name) > width - 1:
            name = name[:-1]
        name += "…"
    return name + " " * (width - measure(name))


def scaled(amount: int, largest: int, room: int) -> int:
    """``amount`` as whole units (cells, pixels) of a bar where ``largest`` fills ``room``,
    rounded half up, without a float; a negative amount is no bar."""
    return (max(amount, 0) * room * 2 + largest) // (2 * largest) if largest > 0 else 0


def gebied_bars(scenario: Scenario, year: int, width: int, measure: Measure = len) -> list[str]:
    """A line per gebied: its bar, net budget and couleur locale share."""
    gebieden = list(scenario.gebieden.values())
    if not gebieden:
        return []
    name_width = min(NAME_WIDTH, max(measure(literal(g.name)) for g in gebieden))
    room = max(10, width - name_width - 1 - FIGURES_WIDTH)
    gross = {
        g.name: g.posts[COULEUR_LOCALE][year] + g.posts[GEBIEDSOPDRACHT][year] for g in gebieden
    }
    largest = max(gross.values())
    minimum = scenario.beleid.min_couleur_locale_pct if scenario.beleid else None
    lines = []
    for gebied in gebieden:
        posts = gebied.posts
        couleur, cut = posts[COULEUR_LOCALE][year], -posts[TAAKSTELLING][year]
        net = gross[gebied.name] - cut
        whole = scaled(gross[gebied.name], largest, room)
        own = min(scaled(couleur, largest, room), whole)
        taken = min(scaled(cut, largest, room), whole)
        bar = list(CL * own + GO * (whole - own))
        bar[whole - taken :] = TS * taken
        if minimum is not None and net > 0:
            at = scaled(int(minimum * net / 100), largest, room)
            bar += " " * (at + 1 - len(bar))
            bar[at] = MINIMUM
        shown = format_share(couleur, net) if net > 0 else ""
        figures = f"{format_amount(net):>11} {shown:>7}"
        name = _name(gebied.name, name_width, measure)
        lines.append(f"{name} {''.join(bar).ljust(room + 1)}{figures}")
    return lines


def year_bars(scenario: Scenario, width: int) -> list[str]:
    """A line per year: what is planned, ``│`` at the envelope, and over or within."""
    room = max(10, width - 5 - FIGURES_WIDTH - 2)
    totals = [scenario.totals(year) for year in scenario.years]
    largest = max(max(t.planned, t.envelope) for t in totals)
    lines = []
    for figures in totals:
        bar = list(CL * scaled(figures.planned, largest, room))
        at = scaled(figures.envelope, largest, room)
        bar += " " * (at + 1 - len(bar))
        bar[at] = ENVELOPE
        over = texts.CHART_OVER if figures.room < 0 else ""
        line = f"{figures.year} {''.join(bar).ljust(room + 1)}{format_amount(figures.planned):>11}"
        lines.append(f"{line} {over}".rstrip())
    return lines
