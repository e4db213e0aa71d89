"""The planning tools: hand-computed examples, refusals, and properties over random scenarios."""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, event, given
from hypothesis import strategies as st

from gebiedsplanner.core.scenario import (
    COULEUR_LOCALE,
    GEBIED_POSTS,
    GEBIEDSOPDRACHT,
    TAAKSTELLING,
    Cell,
    Gebied,
    Scenario,
)
from gebiedsplanner.core.tools.copy_year import copy_year
from gebiedsplanner.core.tools.couleur_locale import raise_couleur_locale
from gebiedsplanner.core.tools.distribute import KEYS, distribute
from gebiedsplanner.core.tools.fit import FIT_POSTS, fit
from gebiedsplanner.core.tools.plans import ToolPlan, ToolRefused
from gebiedsplanner.core.undo import UndoHistory
from gebiedsplanner.editing import recovery, storage
from gebiedsplanner.editing.session import EditingSession
from gebiedsplanner.i18n import texts
from tests.strategies import scenarios

WHEN = datetime(2026, 11, 23, 10, 0)


def small(
    rows: dict[str, tuple[int, int, int]],
    *,
    imposed: int,
    envelope: int = 10**8,
    inwoners: dict[str, int] | None = None,
) -> Scenario:
    """One year, 2017; ``rows`` maps gebied -> (couleur locale, gebiedsopdracht, taakstelling)."""
    return Scenario(
        name="klein",
        description="",
        envelope={2017: envelope, 2018: envelope},
        taakstelling={2017: imposed, 2018: imposed},
        stedelijk={"wijkteams": {2017: 1_000, 2018: 1_000}},
        gebieden={
            name: Gebied(
                name,
                {
                    post: {2017: value, 2018: value}
                    for post, value in zip(GEBIED_POSTS, amounts, strict=True)
                },
                (inwoners or {}).get(name),
            )
            for name, amounts in rows.items()
        },
    )


def new_amounts(plan: ToolPlan) -> dict[str, int]:
    return {row.owner: row.new for row in plan.rows}


def every_amount(scenario: Scenario) -> dict[Cell, int]:
    return {cell: scenario.amount(cell) for cell in scenario.cells()}


# -- distribute: hand-computed ------------------------------------------------------


def test_distribute_equally_gives_the_odd_euro_to_the_first_name() -> None:
    scenario = small(
        {"Noord": (0, 100_000, 0), "Centrum": (0, 100_000, 0), "Zuid": (0, 100_000, 0)},
        imposed=-1_000,
    )
    plan = distribute(scenario, 2017, key="gelijk")
    assert new_amounts(plan) == {"Noord": -333, "Centrum": -334, "Zuid": -333}
    assert plan.check == (
        "Controle: verdeelde taakstelling -1.000 = opgelegd -1.000: klopt tot op de euro."
    )
    assert any("afronding" in note and "Centrum" in note for note in plan.notes)
    assert plan.reason == "verdeling taakstelling 2017 gelijk"


def test_distribute_adds_the_open_amount_to_what_gebieden_carry() -> None:
    scenario = small(
        {"A": (0, 300_000, -100_000), "B": (0, 100_000, 0)},
        imposed=-140_000,
    )
    # open -40.000 by net budget 200.000 : 100.000
    plan = distribute(scenario, 2017)
    assert new_amounts(plan) == {"A": -126_667, "B": -13_333}


def test_distribute_by_inwoners_with_a_hold_and_a_floor() -> None:
    scenario = small(
        {"Pernis": (0, 500_000, 0), "Hoogvliet": (0, 1_100_000, 0), "Kralingen": (0, 3_000_000, 0)},
        imposed=-900_000,
        inwoners={"Pernis": 5_000, "Hoogvliet": 35_000, "Kralingen": 50_000},
    )
    plan = distribute(
        scenario, 2017, key="inwoners", holds=["Pernis"], floor=1_000_000, reason="kadernota"
    )
    # by inwoners 35:50 Hoogvliet would carry 370.588 and drop below the floor: cut to 100.000
    assert new_amounts(plan) == {"Pernis": 0, "Hoogvliet": -100_000, "Kralingen": -800_000}
    assert plan.reason == (
        "verdeling taakstelling 2017 naar inwoners, vast: Pernis, bodem 1.000.000; kadernota"
    )
    assert "Vast gehouden (ongewijzigd): Pernis." in plan.notes
    assert any(
        note.startswith("Tot de bodem van 1.000.000") and "Hoogvliet" in note for note in plan.notes
    )


def test_distribute_all_clears_first_and_spreads_the_whole_amount() -> None:
    scenario = small({"A": (0, 100_000, -90_000), "B": (0, 100_000, 0)}, imposed=-100_000)
    plan = distribute(scenario, 2017, key="gelijk", clear=True)
    assert new_amounts(plan) == {"A": -50_000, "B": -50_000}
    assert "alles opnieuw" in plan.reason


def test_distribute_in_thousands() -> None:
    scenario = small({"A": (0, 10**6, 0), "B": (0, 10**6, 0), "C": (0, 10**6, 0)}, imposed=-10_500)
    plan = distribute(scenario, 2017, key="gelijk", unit=1000)
    assert new_amounts(plan) == {"A": -4_000, "B": -3_500, "C": -3_000}


def test_distribute_refuses_floors_that_cannot_hold_and_says_by_how_much() -> None:
    # above the floor: A 100.000, B 200.000; 500.000 to cut
    scenario = small({"A": (0, 600_000, 0), "B": (0, 700_000, 0)}, imposed=-500_000)
    before = every_amount(scenario)
    with pytest.raises(ToolRefused, match=r"200\.000 tekort"):
        distribute(scenario, 2017, floor=500_000)
    assert every_amount(scenario) == before


def test_distribute_refuses_when_everything_is_held() -> None:
    scenario = small({"A": (0, 600_000, 0)}, imposed=-5_000)
    with pytest.raises(ToolRefused, match=r"Alle gebieden staan vast.*5\.000"):
        distribute(scenario, 2017, holds=["A"])


def test_distribute_by_inwoners_names_the_gebieden_without_them() -> None:
    scenario = small({"A": (0, 1, 0), "B": (0, 1, 0)}, imposed=-1, inwoners={"A": 5})
    with pytest.raises(ToolRefused, match="Geen inwoners opgegeven voor: B"):
        distribute(scenario, 2017, key="inwoners")


def test_nothing_to_distribute_says_so_and_cannot_be_applied() -> None:
    scenario = small({"A": (0, 10, -5)}, imposed=-5)
    plan = distribute(scenario, 2017)
    assert plan.changes == ()
    assert any("al precies verdeeld" in note for note in plan.notes)
    with pytest.raises(ToolRefused):
        plan.apply(scenario, who="t", when=WHEN)


def test_too_much_distributed_is_given_back_without_turning_a_cut_positive() -> None:
    scenario = small({"A": (0, 100, -30), "B": (0, 100, -10)}, imposed=-20)
    plan = distribute(scenario, 2017, key="gelijk")
    # 20 back, 10 each; fine. 35 back would need B to go to +7.5: capped at 0
    assert new_amounts(plan) == {"A": -20, "B": 0}
    scenario = small({"A": (0, 100, -40), "B": (0, 100, -10)}, imposed=-15)
    plan = distribute(scenario, 2017, key="gelijk")
    assert new_amounts(plan) == {"A": -15, "B": 0}
    assert any("Taakstelling terug naar 0: B" in note for note in plan.notes)


# -- fit, couleur locale, copy a year: hand-computed ----------------------------------


def test_fit_cuts_gebiedsopdracht_in_proportion_until_the_room_is_zero() -> None:
    # planned 1.000 + 300.000 + 100.000 = 401.000 against 400.000: 1.000 too much, 3:1
    scenario = small({"A": (0, 300_000, 0), "B": (0, 100_000, 0)}, imposed=0, envelope=400_000)
    plan = fit(scenario, 2017)
    assert new_amounts(plan) == {"A": 299_250, "B": 99_750}
    plan.apply(scenario, who="t", when=WHEN)
    assert scenario.totals(2017).room == 0


def test_fit_raises_couleur_locale_when_there_is_room() -> None:
    # planned 1.000 + 2.000 + 1.000 stedelijk: room 1.001, all to A
    scenario = small({"A": (1_000, 0, 0), "B": (2_000, 0, 0)}, imposed=0, envelope=5_001)
    plan = fit(scenario, 2017, post=COULEUR_LOCALE, holds=["B"])
    assert new_amounts(plan) == {"A": 2_001, "B": 2_000}
    assert plan.reason == "passend maken 2017 op de envelope via couleur locale, vast: B"


def test_raise_couleur_locale_rounds_up_and_keeps_the_net_budget() -> None:
    # net 1.000.001 at 12,5% needs 125.000,125 -> 125.001 couleur locale
    scenario = small(
        {"A": (100_000, 1_000_001, -100_000), "B": (300_000, 700_000, 0)}, imposed=-100_000
    )
    plan = raise_couleur_locale(scenario, 2017, min_share=Fraction(25, 2))
    assert new_amounts(plan) == {"A": 125_001, "B": 300_000}
    changes = {change.cell: change.new for change in plan.changes}
    assert changes == {
        Cell("A", COULEUR_LOCALE, 2017): 125_001,
        Cell("A", GEBIEDSOPDRACHT, 2017): 975_000,
    }
    assert any("Al minstens 12,5%, ongewijzigd: 1 gebieden" in note for note in plan.notes)


def test_raise_couleur_locale_refuses_when_gebiedsopdracht_is_too_small() -> None:
    scenario = small({"A": (0, 100, 0), "B": (0, 0, 50)}, imposed=0)
    with pytest.raises(ToolRefused, match="te klein in B; samen 25 tekort"):
        raise_couleur_locale(scenario, 2017, min_share=Fraction(50))


def test_copy_year_indexes_each_cell_half_away_from_zero() -> None:
    scenario = small({"A": (20, 1_000, -60)}, imposed=0)
    plan = copy_year(scenario, 2017, 2018, index=Fraction(5, 2))
    changes = {change.cell.address: change.new for change in plan.changes}
    # 20 x 1,025 = 20,5 -> 21; 1.000 -> 1.025; -60 -> -61,5 -> -62; wijkteams 1.000 -> 1.025
    assert changes == {
        "A/couleur_locale/2018": 21,
        "A/gebiedsopdracht/2018": 1_025,
        "A/taakstelling/2018": -62,
        "stedelijk/wijkteams/2018": 1_025,
    }
    assert plan.check == "Controle: 2018 wordt 2.009 = 2017 × 1,025: klopt tot op de euro."
    scenario = small({"A": (10, 1_000, -60)}, imposed=0)
    plan = copy_year(scenario, 2017, 2018, index=Fraction(5, 2))
    # 10 x 1,025 = 10,25 -> 10: the cells add up to 1.998, the exact product is 1.998,75
    assert plan.check.startswith("Controle: 2018 wordt 1.998; 2017 × 1,025 is 1.998,75;")
    assert plan.sound


def test_copy_year_refuses_the_same_year_and_an_index_of_minus_100() -> None:
    scenario = small({"A": (1, 1, 0)}, imposed=0)
    with pytest.raises(ToolRefused):
        copy_year(scenario, 2017, 2017)
    with pytest.raises(ToolRefused, match="-100%"):
        copy_year(scenario, 2017, 2018, index=Fraction(-100))


def test_a_tool_is_one_log_entry_and_one_undo() -> None:
    scenario = small({"A": (0, 10**6, 0), "B": (0, 10**6, 0)}, imposed=-1_001)
    before = every_amount(scenario)
    plan = distribute(scenario, 2017, key="gelijk")
    history = UndoHistory()
    entry = plan.apply(scenario, who="adviseur", when=WHEN)
    history.record(entry)
    assert scenario.log == [entry]
    assert entry.action == "distribute" and len(entry.changes) == 2
    history.undo(scenario, who="adviseur", when=WHEN)
    assert every_amount(scenario) == before
    assert len(scenario.log) == 2


# -- properties ---------------------------------------------------------------------
#
# The requests are drawn so that most can be carried out: a request the tool refuses
# tests little but the refusal. Each test records why a tool refused
# (``hypothesis.event``: see ``--hypothesis-show-statistics``) and fails when fewer
# than MOSTLY of its examples did real work.

#: The least share of examples a property test must see applied.
MOSTLY = 0.8


def refusal(refused: ToolRefused) -> str:
    """Which refusal this is, for ``hypothesis.event``: the message without its figures."""
    message = str(refused)
    for name in dir(texts):
        template = getattr(texts, name)
        if name.startswith("TOOL_") and isinstance(template, str):
            fixed = template.split("{")[0]
            if fixed and message.startswith(fixed):
                return f"refused: {name}"
    return f"refused: {message[:30]}"


_counts: list[Counter[bool]] = []  # the running test's: applied (True) or refused


def mostly_applied(test: Callable[..., None]) -> Callable[..., None]:
    """The property test ``test`` fails when fewer than MOSTLY of its examples were
    applied (each says which with :func:`outcome`). Hypothesis still sees the test
    as its own, so its statistics show the events."""

    @functools.wraps(test)
    def counting(*args: object, **kwargs: object) -> None:
        counts: Counter[bool] = Counter()
        _counts.append(counts)
        try:
            test(*args, **kwargs)
        finally:
            _counts.pop()
        seen = counts.total()
        assert seen and counts[True] >= MOSTLY * seen, (
            f"{counts[True]} of {seen} examples applied: the strategy draws too many "
            "requests the tool refuses (see --hypothesis-show-statistics)"
        )

    return counting


def outcome(applied: bool, why: str) -> None:
    """Record one example's outcome: as a hypothesis event, and in the running count."""
    event(why)
    _counts[-1][applied] += 1


def some_change(least: int, most: int) -> st.SearchStrategy[int]:
    """An amount from ``least`` to ``most`` (which hold 0), not 0 where another is there:
    0 is the request that asks for nothing."""
    ranges = [st.integers(low, high) for low, high in ((least, -1), (1, most)) if low <= high]
    return st.one_of(ranges) if ranges else st.just(0)


def with_year(scenario: Scenario, year: int, *, envelope: int, imposed: int) -> Scenario:
    """``scenario`` with ``year``'s envelope and imposed taakstelling set."""
    return Scenario(
        name=scenario.name,
        description=scenario.description,
        envelope=scenario.envelope | {year: envelope},
        taakstelling=scenario.taakstelling | {year: imposed},
        stedelijk=scenario.stedelijk,
        gebieden=scenario.gebieden,
    )


def largest_floor(nets: list[int], cut: int) -> int:
    """The highest floor at which ``nets`` (above it) still hold ``cut``; -1 when none."""
    if sum(max(0, net) for net in nets) < cut:
        return -1
    low, high = 0, max(nets, default=0)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(max(0, net - middle) for net in nets) >= cut:
            low = middle
        else:
            high = middle - 1
    return low


@st.composite
def distribute_requests(draw: st.DrawFn) -> tuple[Scenario, int, dict[str, object]]:
    """A scenario, a year and options, with an imposed taakstelling and a floor that the
    gebieden not held can carry (given the key, the holds and ``clear``)."""
    key = draw(st.sampled_from(KEYS))
    inwoners = st.integers(0, 10**6) if key == "inwoners" else None
    scenario = draw(scenarios(inwoners=inwoners))
    year = draw(st.sampled_from(scenario.years))
    names = list(scenario.gebieden)
    holds = draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names) - 1))
    clear = draw(st.booleans())
    current = {name: g.posts[TAAKSTELLING][year] for name, g in scenario.gebieden.items()}
    start = {n: a if n in holds or not clear else 0 for n, a in current.items()}
    free = [name for name in names if name not in holds]
    net = {n: scenario.gebied_net(n, year) - current[n] + start[n] for n in free}
    weight = {
        "begroting": lambda n: net[n],
        "inwoners": lambda n: scenario.gebieden[n].inwoners or 0,
        "gelijk": lambda n: 1,
    }[key]
    weighed = [name for name in free if weight(name) > 0]
    can_cut = sum(max(0, net[name]) for name in weighed)
    can_give_back = sum(-start[name] for name in weighed)
    assume(can_cut or can_give_back)  # else there is nothing the tool could do
    target = draw(some_change(-can_cut, can_give_back))
    scenario = with_year(
        scenario, year, envelope=scenario.envelope[year], imposed=sum(start.values()) + target
    )
    floor = largest_floor([net[name] for name in weighed], -target) if target < 0 else 10**9
    options: dict[str, object] = {
        "key": key,
        "holds": holds,
        "floor": draw(st.none() | st.integers(0, max(0, floor))),
        "clear": clear,
        "unit": draw(st.sampled_from([1, 1000, 7])),
    }
    return scenario, year, options


@mostly_applied
@given(distribute_requests())
def test_distribute_is_exact_keeps_holds_and_floors_and_loses_no_euro(
    request: tuple[Scenario, int, dict[str, object]],
) -> None:
    scenario, year, options = request
    before = every_amount(scenario)
    try:
        plan = distribute(scenario, year, **options)  # type: ignore[arg-type]
    except ToolRefused as refused:
        outcome(False, refusal(refused))
        assert every_amount(scenario) == before
        assert str(refused)
        return
    outcome(bool(plan.changes), "applied" if plan.changes else "nothing to distribute")
    assert every_amount(scenario) == before  # a preview changes nothing
    assert plan == distribute(scenario, year, **options)  # type: ignore[arg-type]
    assert plan.sound
    holds = set(options["holds"])  # type: ignore[call-overload]
    floor = options["floor"] or 0
    for change in plan.changes:
        assert change.cell.owner not in holds
        assert change.cell.post == TAAKSTELLING and change.cell.year == year
    if plan.changes:
        plan.apply(scenario, who="t", when=WHEN)
    totals = scenario.totals(year)
    assert totals.taakstelling_open == 0
    assert totals == scenario.recomputed_totals(year)
    moved = sum(every_amount(scenario).values()) - sum(before.values())
    assert moved == sum(change.new - change.old for change in plan.changes)
    for change in plan.changes:
        name = change.cell.owner
        start = 0 if options["clear"] else change.old
        if change.new < start:  # cut by the tool: the floor (or 0) holds
            assert scenario.gebied_net(name, year) >= floor
        else:  # given back: a taakstelling never turns positive
            assert change.new <= 0


@st.composite
def fit_requests(draw: st.DrawFn) -> tuple[Scenario, int, str, list[str]]:
    """A scenario, a year, a post and holds, with an envelope that the post of the
    gebieden not held can be fitted to: a cut they can carry, or room to fill."""
    scenario = draw(scenarios())
    year = draw(st.sampled_from(scenario.years))
    post = draw(st.sampled_from(FIT_POSTS))
    names = list(scenario.gebieden)
    holds = draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names) - 1))
    can_cut = sum(g.posts[post][year] for n, g in scenario.gebieden.items() if n not in holds)
    assume(can_cut)  # else the post is 0 where it may change: no basis for a proportion
    planned = scenario.totals(year).planned
    least = max(-can_cut, -planned)  # never a negative envelope
    room = draw(some_change(least, max(least, 0) + 10**9))
    envelope = planned + room
    scenario = with_year(scenario, year, envelope=envelope, imposed=scenario.taakstelling[year])
    return scenario, year, post, holds


@mostly_applied
@given(fit_requests())
def test_fit_makes_the_room_exactly_zero_or_refuses(
    request: tuple[Scenario, int, str, list[str]],
) -> None:
    scenario, year, post, holds = request
    before = every_amount(scenario)
    try:
        plan = fit(scenario, year, post=post, holds=holds)
    except ToolRefused as refused:
        outcome(False, refusal(refused))
        assert every_amount(scenario) == before
        return
    outcome(bool(plan.changes), "applied" if plan.changes else "fits already")
    if plan.changes:
        plan.apply(scenario, who="t", when=WHEN)
    assert scenario.totals(year).room == 0
    assert all(change.cell.owner not in holds for change in plan.changes)
    assert all(change.cell.post == post for change in plan.changes)


@st.composite
def raise_requests(draw: st.DrawFn) -> tuple[Scenario, int, Fraction]:
    """A scenario, a year and a share above the lowest share couleur locale has of a
    gebied's net budget: some gebied needs raising (so not every gebied may have all
    its net budget in couleur locale already)."""
    scenario = draw(scenarios())
    year = draw(st.sampled_from(scenario.years))
    shares = [
        Fraction(gebied.posts[COULEUR_LOCALE][year] * 100, net)
        for name, gebied in scenario.gebieden.items()
        if (net := scenario.gebied_net(name, year)) > 0
    ]
    above = math.floor(min(shares, default=Fraction(100))) + 1
    assume(above <= 100)
    return scenario, year, draw(st.fractions(above, 100, max_denominator=1000))


@mostly_applied
@given(raise_requests())
def test_raise_couleur_locale_meets_the_share_and_keeps_every_net(
    request: tuple[Scenario, int, Fraction],
) -> None:
    """Never refused: a taakstelling is never positive, so a gebied's net budget is at
    most its couleur locale and gebiedsopdracht together, and any share up to 100% can
    be met by moving gebiedsopdracht."""
    scenario, year, share = request
    nets = {name: scenario.gebied_net(name, year) for name in scenario.gebieden}
    plan = raise_couleur_locale(scenario, year, min_share=share)
    outcome(bool(plan.changes), "applied" if plan.changes else "the share is met already")
    if plan.changes:
        plan.apply(scenario, who="t", when=WHEN)
    for name, gebied in scenario.gebieden.items():
        assert scenario.gebied_net(name, year) == nets[name]
        if nets[name] > 0:
            assert gebied.posts[COULEUR_LOCALE][year] * 100 >= share * nets[name]


def test_a_tool_step_survives_a_crash_whole_and_undoes_whole(scenario_file: Path) -> None:
    session = EditingSession(storage.load(scenario_file))
    plan = distribute(session.scenario, 2017, key="inwoners")
    session.apply_tool(plan)
    session.close()  # killed without saving: the journal stays
    after = EditingSession(storage.load(scenario_file))
    outcome = recovery.recover(after, recovery.look_for(after), [scenario_file.parent])
    assert not isinstance(outcome, recovery.Undecided)
    assert after.scenario.totals(2017).taakstelling_open == 0
    (entry,) = after.scenario.log[-1:]
    assert entry.action == "distribute" and len(entry.changes) == len(plan.changes)
    assert entry.reason == "verdeling taakstelling 2017 naar inwoners"
    touched = after.apply_tool(copy_year(after.scenario, 2017, 2018))
    after.undo()
    assert all(after.scenario.amount(change.cell) == change.old for change in touched.entry.changes)


def test_giving_back_says_why_it_cannot_and_names_the_way_out() -> None:
    # A carries 900 but has no net budget, so under the begroting key it weighs 0
    scenario = small({"A": (0, 0, -900), "B": (1_000, 0, -100)}, imposed=-100)
    with pytest.raises(ToolRefused, match=r"800 aan taakstelling kan niet terug.*gelijk"):
        distribute(scenario, 2017)
    assert new_amounts(distribute(scenario, 2017, key="gelijk")) == {"A": -100, "B": 0}


def test_raising_couleur_locale_never_passes_the_amount_limit() -> None:
    scenario = small({"A": (1, 10**12, 0)}, imposed=0)
    with pytest.raises(ToolRefused, match="A/couleur_locale/2017: bedrag groter dan"):
        raise_couleur_locale(scenario, 2017, min_share=Fraction(100))


def test_an_english_preview_heading_records_the_files_dutch_reason() -> None:
    """The preview speaks the UI language; the change log keeps the file's words."""
    from gebiedsplanner.i18n import language

    scenario = small(
        {"Noord": (0, 100_000, 0), "Centrum": (0, 100_000, 0)}, imposed=-1_000, inwoners={}
    )
    language.use("en")
    plan = distribute(scenario, 2017, key="gelijk", holds=["Noord"], reason="afspraak")
    assert plan.heading == "distribute taakstelling 2017 equally, held: Noord; afspraak"
    assert plan.reason == "verdeling taakstelling 2017 gelijk, vast: Noord; afspraak"
    entry = plan.apply(scenario, who="anna", when=WHEN)
    assert entry.reason == plan.reason
    fitted = fit(scenario, 2018, holds=["Centrum"])
    assert fitted.heading.startswith("fit 2018 to the envelope through gebiedsopdracht, held")
    assert fitted.reason.startswith("passend maken 2018 op de envelope via gebiedsopdracht")


def test_in_dutch_the_preview_heading_is_what_the_change_log_stores() -> None:
    from gebiedsplanner.core.tools import every_tool
    from gebiedsplanner.i18n import texts

    for tool in every_tool():
        words = vars(tool.log_words)
        for name in [name for name in words if name.startswith(("REASON_", "KEY_"))]:
            assert getattr(texts, name) == words[name], name
