"""Policy rules and their violations told in words: the command line and the panel say the same."""

from __future__ import annotations

from fractions import Fraction

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.policy import PolicyCheck, Violation
from gebiedsplanner.core.rules import Policy, percent_text
from gebiedsplanner.core.scenario import post_label
from gebiedsplanner.i18n import texts


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


def describe_violation(violation: Violation, policy: Policy, *, year: bool = True) -> str:
    """``Pernis, 2017: couleur locale onder 10% van netto: € 1.234 te weinig``; without
    ``year`` the line goes under a heading that names it."""
    setting = policy.rules().get(violation.rule, 0)
    rule = texts.RULE_BROKEN[violation.rule].format(
        value=rule_value(setting), post=post_label(violation.post or "")
    )
    owner = texts.RULE_WHOLE_YEAR if violation.owner is None else literal(violation.owner)
    template = texts.VIOLATION_LINE if year else texts.VIOLATION_IN_YEAR
    return template.format(
        owner=owner,
        year=violation.year,
        rule=rule,
        by=texts.RULE_BY[violation.rule].format(by=format_amount(violation.by)),
    )


def policy_lines(check: PolicyCheck) -> list[str]:
    """What the planner's policy panel shows: the count per year, each violation under its
    year, then the rules themselves."""
    policy = check.scenario.beleid
    if policy is None or not policy.rules():
        return [texts.POLICY_NO_RULES]
    counts = (
        texts.POLICY_YEAR_COUNT.format(year=year, count=check.count(year))
        for year in check.scenario.years
    )
    lines = [texts.POLICY_PER_YEAR.format(years=" · ".join(counts)), ""]
    found = check.violations()
    shown_year = None
    for violation in found:
        if violation.year != shown_year:
            shown_year = violation.year
            lines.append(texts.POLICY_YEAR.format(year=shown_year))
        lines.append(describe_violation(violation, policy, year=False))
    if not found:
        lines.append(texts.POLICY_ALL_MET)
    return [*lines, "", texts.POLICY_RULES, *(f"  · {rule}" for rule in rule_statements(policy))]
