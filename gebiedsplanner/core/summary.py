"""The per-year summary printed by ``gebiedsplanner summary``."""

from __future__ import annotations

from gebiedsplanner import texts
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.scenario import Scenario


def summary_lines(scenario: Scenario) -> list[str]:
    """A title and a right-aligned table: year, envelope, planned, room, taakstelling open.

    A year over the envelope says so in words, not only by its minus sign.
    """
    rows = [list(texts.SUMMARY_HEADERS)]
    flags = [""]
    for year in scenario.years:
        totals = scenario.totals(year)
        rows.append(
            [
                str(year),
                format_amount(totals.envelope),
                format_amount(totals.planned),
                format_amount(totals.room),
                format_amount(totals.taakstelling_open),
            ]
        )
        flags.append(f"  {texts.OVER_ENVELOPE}" if totals.room < 0 else "")
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [literal(scenario.name)]
    for row, flag in zip(rows, flags, strict=True):
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells) + flag)
    return lines
