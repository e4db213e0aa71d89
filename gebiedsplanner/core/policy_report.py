"""Policy rules and their violations told in words: the command line and the panel say the same."""

from __future__ import annotations

from fractions import Fraction

from gebiedsplanner import texts
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.policy import Policy, Violation, percent_text
from gebiedsplanner.core.scenario import post_label


def rule_value(value: Fraction | int | bool) -> str:
    """A rule's setting as users write it: ``12,5%`` or ``1.000.000``."""
    if isinstance(value, Fraction):
        return texts.RULE_PERCENT.format(value=percent_text(value).replace(".", ","))
    return format_amount(int(value))


def rule_statements(policy: Policy) -> list[str]:
    """Each rule the scenario has, as a sentence (a flag set to false says so)."""
    lines = []
    for code, value in policy.rules().items():
        statement = texts.RULE_STATEMENTS[code].format(value=rule_value(value))
        lines.append(statement if value is not False else texts.RULE_OFF.format(rule=statement))
    return lines


def describe_violation(violation: Violation, policy: Policy) -> str:
    """``Pernis, 2017: couleur locale onder 10% van het netto budget: € 1.234 te weinig``."""
    setting = policy.rules().get(violation.rule, 0)
    rule = texts.RULE_BROKEN[violation.rule].format(
        value=rule_value(setting), post=post_label(violation.post or "")
    )
    owner = texts.RULE_WHOLE_YEAR if violation.owner is None else literal(violation.owner)
    return texts.VIOLATION_LINE.format(
        owner=owner,
        year=violation.year,
        rule=rule,
        by=texts.RULE_BY[violation.rule].format(by=format_amount(violation.by)),
    )
