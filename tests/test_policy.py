"""Policy rules: hand-computed violations per rule, exact boundaries, and the running check."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from gebiedsplanner.core.policy import PolicyCheck, Violation, violations
from gebiedsplanner.core.policy_report import describe_violation, rule_statements
from gebiedsplanner.core.rules import (
    BINNEN_ENVELOPE,
    MAX_WIJZIGING_PCT,
    MIN_COULEUR_LOCALE_PCT,
    MIN_GEBIEDSOPDRACHT,
    TAAKSTELLING_VOLLEDIG_VERDEELD,
    Policy,
    percent_text,
)
from gebiedsplanner.core.scenario import (
    COULEUR_LOCALE,
    GEBIEDSOPDRACHT,
    STEDELIJK,
    TAAKSTELLING,
    Cell,
    Gebied,
    Scenario,
)
from tests.strategies import cells_of, scenarios

WHEN = datetime(2026, 1, 2, tzinfo=UTC)
CL, GO, TS = COULEUR_LOCALE, GEBIEDSOPDRACHT, TAAKSTELLING


def plan(
    beleid: Policy | None,
    gebieden: dict[str, dict[str, tuple[int, ...]]],
    *,
    envelope: tuple[int, ...] = (10**9, 10**9),
    imposed: tuple[int, ...] | None = None,
    stedelijk: tuple[int, ...] | None = None,
) -> Scenario:
    """A small scenario for 2020 onwards; each post lists its amounts year by year."""
    years = list(range(2020, 2020 + len(envelope)))

    def by_year(values: tuple[int, ...]) -> dict[int, int]:
        return dict(zip(years, values, strict=True))

    posts = {
        name: Gebied(name, {post: by_year(values) for post, values in series.items()})
        for name, series in gebieden.items()
    }
    distributed = tuple(
        sum(series[TS][index] for series in gebieden.values()) for index in range(len(years))
    )
    return Scenario(
        name="klein",
        description="",
        envelope=by_year(envelope),
        taakstelling=by_year(imposed if imposed is not None else distributed),
        stedelijk={"wijkteams": by_year(stedelijk)} if stedelijk else {},
        gebieden=posts,
        beleid=beleid,
    )


def one(
    cl: tuple[int, ...], go: tuple[int, ...], ts: tuple[int, ...] = (0, 0)
) -> dict[str, dict[str, tuple[int, ...]]]:
    return {"Pernis": {CL: cl, GO: go, TS: ts}}


# -- hand-computed examples, one rule at a time ---------------------------------------


def test_couleur_locale_share_is_short_by_the_euros_missing_rounded_up() -> None:
    rule = Policy(min_couleur_locale_pct=Fraction(10))
    # net 1.000 in 2020 needs 100 couleur locale (has 90); net 2.000 in 2021 has 200: met.
    scenario = plan(rule, one((90, 200), (1_010, 1_900), (-100, -100)))
    assert scenario.gebied_net("Pernis", 2020) == 1_000
    assert violations(scenario) == [Violation("Pernis", CL, 2020, MIN_COULEUR_LOCALE_PCT, 10)]


def test_twelve_and_a_half_percent_is_exact_and_rounds_up_to_the_euro() -> None:
    rule = Policy(min_couleur_locale_pct=Fraction(25, 2))
    # 12,5% of 1.001 is 125,125: 125 is short by 0,125 -> 1 euro; 126 meets it.
    scenario = plan(rule, one((125, 126), (876, 875)))
    assert violations(scenario) == [Violation("Pernis", CL, 2020, MIN_COULEUR_LOCALE_PCT, 1)]


def test_a_gebied_without_a_net_budget_has_no_share_to_keep() -> None:
    rule = Policy(min_couleur_locale_pct=Fraction(10))
    scenario = plan(rule, one((0, 0), (100, 0), (-100, 0)))
    assert violations(scenario) == []


def test_gebiedsopdracht_below_its_minimum_is_short_by_the_difference() -> None:
    rule = Policy(min_gebiedsopdracht=1_000_000)
    scenario = plan(rule, one((0, 0), (999_999, 1_000_000)))
    assert violations(scenario) == [Violation("Pernis", GO, 2020, MIN_GEBIEDSOPDRACHT, 1)]


def test_a_change_beyond_the_allowed_percentage_is_over_by_the_euros_beyond() -> None:
    rule = Policy(max_wijziging_pct=Fraction(10))
    # couleur locale 1.000 -> 1.101 (101 > 100 allowed: 1 over); gebiedsopdracht
    # 5.000 -> 4.500 (exactly 10% down: allowed); taakstelling 0 -> -900 is never limited.
    scenario = plan(rule, one((1_000, 1_101), (5_000, 4_500), (0, -900)))
    assert violations(scenario) == [Violation("Pernis", CL, 2021, MAX_WIJZIGING_PCT, 1)]


def test_from_nothing_to_something_is_a_violation_by_the_whole_amount() -> None:
    rule = Policy(max_wijziging_pct=Fraction(10))
    scenario = plan(rule, one((0, 50), (7, 7)), stedelijk=(0, 10**6))
    assert violations(scenario) == [Violation("Pernis", CL, 2021, MAX_WIJZIGING_PCT, 50)]


def test_a_fractional_allowance_rounds_the_excess_up() -> None:
    rule = Policy(max_wijziging_pct=Fraction(25, 2))
    # 12,5% of 1.001 = 125,125: couleur locale down by 126 is 0,875 over -> 1 euro;
    # gebiedsopdracht up by 125 is within.
    assert violations(plan(rule, one((1_001, 875), (1_001, 1_126)))) == [
        Violation("Pernis", CL, 2021, MAX_WIJZIGING_PCT, 1)
    ]


def test_taakstelling_left_over_or_overdone_is_off_by_the_difference() -> None:
    rule = Policy(taakstelling_volledig_verdeeld=True)
    scenario = plan(rule, one((0, 0), (500, 500), (-900, -1_100)), imposed=(-1_000, -1_000))
    assert violations(scenario) == [
        Violation(None, None, 2020, TAAKSTELLING_VOLLEDIG_VERDEELD, 100),
        Violation(None, None, 2021, TAAKSTELLING_VOLLEDIG_VERDEELD, 100),
    ]


def test_over_the_envelope_by_the_room_missing() -> None:
    rule = Policy(binnen_envelope=True)
    scenario = plan(rule, one((1, 0), (1_000, 1_000)), envelope=(1_000, 1_000))
    assert violations(scenario) == [Violation(None, None, 2020, BINNEN_ENVELOPE, 1)]


def test_no_rules_no_violations_and_a_rule_switched_off_is_off() -> None:
    gebieden = one((0, 0), (5, 5))
    over = {"envelope": (1, 1)}
    assert violations(plan(None, gebieden, **over)) == []  # type: ignore[arg-type]
    assert violations(plan(Policy(), gebieden, **over)) == []  # type: ignore[arg-type]
    off = Policy(binnen_envelope=False, taakstelling_volledig_verdeeld=False)
    assert violations(plan(off, gebieden, imposed=(-5, -5), **over)) == []  # type: ignore[arg-type]


def test_violations_come_by_year_then_gebied_then_the_year_totals() -> None:
    rule = Policy(min_gebiedsopdracht=10, binnen_envelope=True, min_couleur_locale_pct=Fraction(50))
    scenario = plan(
        rule,
        {"B": {CL: (0, 0), GO: (9, 10), TS: (0, 0)}, "A": {CL: (0, 9), GO: (9, 9), TS: (0, 0)}},
        envelope=(1, 100),
    )
    assert [(v.year, v.owner, v.rule) for v in violations(scenario)] == [
        (2020, "B", MIN_COULEUR_LOCALE_PCT),
        (2020, "B", MIN_GEBIEDSOPDRACHT),
        (2020, "A", MIN_COULEUR_LOCALE_PCT),
        (2020, "A", MIN_GEBIEDSOPDRACHT),
        (2020, None, BINNEN_ENVELOPE),
        (2021, "B", MIN_COULEUR_LOCALE_PCT),
        (2021, "A", MIN_GEBIEDSOPDRACHT),
    ]


def test_violations_and_rules_in_the_users_words() -> None:
    rule = Policy(min_couleur_locale_pct=Fraction(25, 2), binnen_envelope=False)
    violation = Violation("Pernis", CL, 2017, MIN_COULEUR_LOCALE_PCT, 1_234)
    assert describe_violation(violation, rule) == (
        "Pernis, 2017: couleur locale onder 12,5% van netto: € 1.234 te weinig"
    )
    totaal = Violation(None, None, 2017, TAAKSTELLING_VOLLEDIG_VERDEELD, 250_000)
    assert describe_violation(totaal, rule) == (
        "totaal, 2017: taakstelling niet volledig verdeeld: € 250.000 verschil"
    )
    assert rule_statements(rule) == [
        "couleur locale is minstens 12,5% van het netto budget per gebied",
        "het plan blijft elk jaar binnen de envelope (staat uit)",
    ]


def test_percent_text_is_an_exact_decimal() -> None:
    assert [percent_text(Fraction(v)) for v in ("10", "12.5", "0.05", "99.99")] == [
        "10",
        "12.5",
        "0.05",
        "99.99",
    ]


# -- boundaries: acting on the reported amount is exactly enough -----------------------

percents = st.integers(min_value=0, max_value=10_000).map(
    lambda hundredths: Fraction(hundredths, 100)
)


@given(percents, st.integers(0, 10**9), st.integers(0, 10**9), st.integers(-(10**9), 0))
def test_moving_by_from_gebiedsopdracht_meets_the_share_and_one_euro_less_does_not(
    pct: Fraction, cl: int, go: int, ts: int
) -> None:
    rule = Policy(min_couleur_locale_pct=pct)
    found = violations(plan(rule, one((cl, cl), (go, go), (ts, ts))))
    if not found:
        return
    by = found[0].by
    assert by > 0 and found[0].rule == MIN_COULEUR_LOCALE_PCT
    if by <= go:  # the net stays the same when the money comes from the gebiedsopdracht
        enough = plan(rule, one((cl + by, cl), (go - by, go), (ts, ts)))
        short = plan(rule, one((cl + by - 1, cl), (go - by + 1, go), (ts, ts)))
        assert [v.year for v in violations(enough)] == [2021]
        assert next((v.year, v.by) for v in violations(short)) == (2020, 1)


@given(percents, st.integers(0, 10**9), st.integers(0, 10**9))
def test_a_change_reduced_by_by_is_allowed_and_one_euro_less_is_not(
    pct: Fraction, before: int, now: int
) -> None:
    rule = Policy(max_wijziging_pct=pct)
    found = violations(plan(rule, one((before, now), (0, 0))))
    if not found:
        assert abs(now - before) * 100 <= pct * before
        return
    step = 1 if now > before else -1
    by = found[0].by
    assert violations(plan(rule, one((before, now - step * by), (0, 0)))) == []
    almost = violations(plan(rule, one((before, now - step * (by - 1)), (0, 0))))
    assert [v.by for v in almost] == [1]


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_gebiedsopdracht_at_the_minimum_is_enough(minimum: int, go: int) -> None:
    rule = Policy(min_gebiedsopdracht=minimum)
    found = violations(plan(rule, one((0, 0), (go, minimum))))
    assert found == (
        [Violation("Pernis", GO, 2020, MIN_GEBIEDSOPDRACHT, minimum - go)] if go < minimum else []
    )


# -- the running check follows every change -------------------------------------------

policies = st.builds(
    Policy,
    min_couleur_locale_pct=st.none() | percents,
    min_gebiedsopdracht=st.none() | st.integers(0, 10**9),
    max_wijziging_pct=st.none() | percents,
    taakstelling_volledig_verdeeld=st.none() | st.booleans(),
    binnen_envelope=st.none() | st.booleans(),
)


@settings(max_examples=60)
@given(st.data())
def test_the_running_check_equals_a_fresh_one_after_every_change(data: st.DataObject) -> None:
    scenario = data.draw(scenarios())
    scenario.beleid = data.draw(policies)
    check = PolicyCheck(scenario)
    for _ in range(data.draw(st.integers(1, 6))):
        cell = data.draw(cells_of(scenario))
        low, high = (
            (-(10**9), 0) if cell.post == TAAKSTELLING and cell.owner != STEDELIJK else (0, 10**9)
        )
        before = {c for c in scenario.cells() if check.offending(c)}
        entry = scenario.set_amount(cell, data.draw(st.integers(low, high)), who="t", when=WHEN)
        marks = check.update(entry.changes)
        fresh = PolicyCheck(scenario)
        assert check.violations() == fresh.violations() == violations(scenario)
        after = {c for c in scenario.cells() if check.offending(c)}
        assert marks == before ^ after
        assert after == {v.cell for v in fresh.violations() if v.cell is not None}
        for year in scenario.years:
            assert check.count(year) == sum(v.year == year for v in fresh.violations())


def test_year_rules_name_the_offending_totals() -> None:
    rule = Policy(binnen_envelope=True, taakstelling_volledig_verdeeld=True)
    scenario = plan(rule, one((0, 0), (2, 0), (-1, 0)), envelope=(0, 1), imposed=(-2, 0))
    check = PolicyCheck(scenario)
    assert check.year_rules(2020) == {BINNEN_ENVELOPE, TAAKSTELLING_VOLLEDIG_VERDEELD}
    assert check.year_rules(2021) == set()
    scenario.set_amount(Cell("Pernis", GO, 2020), 0, who="t", when=WHEN)
    check.update(scenario.log[-1].changes)
    assert check.year_rules(2020) == {TAAKSTELLING_VOLLEDIG_VERDEELD}
    assert (check.count(2020), check.count(2021)) == (1, 0)
