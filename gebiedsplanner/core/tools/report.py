"""A planning tool's preview as plain text lines, for the command line."""

from __future__ import annotations

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.text_table import align
from gebiedsplanner.core.tools.plans import ToolPlan
from gebiedsplanner.i18n import texts


def signed(amount: int) -> str:
    """A change as users read it: ``+5.000``, ``-250``, ``0``."""
    return f"+{format_amount(amount)}" if amount > 0 else format_amount(amount)


def preview_lines(plan: ToolPlan, *, only_changes: bool = False) -> list[str]:
    """The reason, a table per gebied (old, new, change), the check line and the notes."""
    header = [texts.TOOL_COLUMN_OWNER, *(c.format(figure=plan.figure) for c in texts.TOOL_COLUMNS)]
    rows = [header]
    for row in plan.rows:
        if only_changes and not row.change:
            continue
        rows.append(
            [
                literal(row.owner),
                format_amount(row.old),
                format_amount(row.new),
                signed(row.change),
                row.mark,
            ]
        )
    return [literal(plan.heading), "", *align(rows, left=(0, 4)), "", plan.check, *plan.notes]
