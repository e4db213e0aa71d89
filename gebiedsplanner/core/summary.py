"""The per-year summary printed by ``gebiedsplanner summary``."""

from __future__ import annotations

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.core.text_table import align
from gebiedsplanner.i18n import texts


def summary_lines(scenario: Scenario) -> list[str]:
    """A title and a right-aligned table: year, envelope, planned, room, taakstelling open,
    and, for a scenario with ``[beleid]`` rules, how many of them the year breaks.

    A year over the envelope says so in words, not only by its minus sign.
    """
    policy = PolicyCheck(scenario) if scenario.beleid is not None else None
    rows = [list(texts.SUMMARY_HEADERS)]
    if policy is not None:
        rows[0].append(texts.SUMMARY_POLICY_HEADER)
    for year in scenario.years:
        totals = scenario.totals(year)
        row = [
            str(year),
            format_amount(totals.envelope),
            format_amount(totals.planned),
            format_amount(totals.room),
            format_amount(totals.taakstelling_open),
        ]
        if policy is not None:
            row.append(str(policy.count(year)))
        rows.append([*row, texts.OVER_ENVELOPE if totals.room < 0 else ""])
    rows[0].append("")
    return [literal(scenario.name), *align(rows, left=(0, len(rows[0]) - 1))]


def worst_year(scenario: Scenario) -> tuple[int, int]:
    """The room of the year with the least room, and that year (the first of equals)."""
    return min((scenario.totals(year).room, year) for year in scenario.years)


def envelope_status(scenario: Scenario) -> str:
    """``binnen envelope`` or ``boven envelope: 250.000 in 2017`` (the worst year named)."""
    room, year = worst_year(scenario)
    if room >= 0:
        return texts.WITHIN_ENVELOPE
    return texts.STATUS_OVER.format(amount=format_amount(-room), year=year)
