"""The scenario model: moves conserve, running totals stay exact, bad edits change nothing."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.core.scenario import (
    COULEUR_LOCALE,
    GEBIEDSOPDRACHT,
    STEDELIJK,
    TAAKSTELLING,
    Cell,
    EditError,
    Scenario,
)
from gebiedsplanner.editing import storage
from tests.conftest import BUNDLED
from tests.strategies import scenarios

WHEN = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def bundled() -> Scenario:
    return storage.load(BUNDLED).scenario


def planned_everywhere(scenario: Scenario) -> dict[int, int]:
    return {year: scenario.recomputed_totals(year).planned for year in scenario.years}


def test_journey_move_in_charlois() -> None:
    scenario = bundled()
    source = Cell("Charlois", GEBIEDSOPDRACHT, 2017)
    target = Cell("Charlois", COULEUR_LOCALE, 2017)
    before = scenario.totals(2017)
    entry = scenario.move(
        source, target, 50_000, who="adviseur", when=WHEN, reason="extra bewonersinitiatieven"
    )
    assert scenario.amount(source) == 4_373_000
    assert scenario.amount(target) == 297_000
    assert scenario.totals(2017) == before
    assert scenario.log[-1] is entry
    assert entry.reason == "extra bewonersinitiatieven"
    assert [(c.old, c.new) for c in entry.changes] == [(4_423_000, 4_373_000), (247_000, 297_000)]


def test_bundled_example_matches_the_kadernotitie() -> None:
    scenario = bundled()
    assert len(scenario.gebieden) == 14
    assert scenario.years == (2016, 2017, 2018, 2019)
    assert scenario.envelope == {
        2016: 62_327_000,
        2017: 57_931_000,
        2018: 57_931_000,
        2019: 57_931_000,
    }
    assert scenario.taakstelling == {
        2016: -1_000_000,
        2017: -5_000_000,
        2018: -5_000_000,
        2019: -5_000_000,
    }
    assert scenario.totals(2016).room == 0
    assert scenario.totals(2017).taakstelling_open == -250_000
    assert "llustratie" in scenario.description


def test_set_amount_updates_totals_and_log() -> None:
    scenario = bundled()
    cell = Cell(STEDELIJK, "wijkteams", 2018)
    before = scenario.totals(2018)
    scenario.set_amount(cell, 9_400_000, who="a", when=WHEN)
    after = scenario.totals(2018)
    assert after.planned == before.planned - 100_000
    assert after.room == before.room + 100_000
    assert scenario.log[-1].changes[0].old == 9_500_000


def test_taakstelling_edit_changes_what_is_left_to_distribute() -> None:
    scenario = bundled()
    scenario.set_amount(Cell("Noord", TAAKSTELLING, 2017), -639_000, who="a", when=WHEN)
    assert scenario.totals(2017).taakstelling_open == 0
    assert scenario.totals(2017).room == 0


@pytest.mark.parametrize(
    ("source", "target", "amount", "says"),
    [
        (
            Cell("Pernis", COULEUR_LOCALE, 2017),
            Cell("Pernis", GEBIEDSOPDRACHT, 2017),
            10**7,
            "negatief",
        ),
        (Cell("Pernis", TAAKSTELLING, 2017), Cell("Noord", TAAKSTELLING, 2017), 0, "groter dan 0"),
        (
            Cell("Noord", TAAKSTELLING, 2017),
            Cell("Pernis", TAAKSTELLING, 2017),
            100_000,
            "positief",
        ),
        (
            Cell("Pernis", COULEUR_LOCALE, 2017),
            Cell("Pernis", COULEUR_LOCALE, 2018),
            1,
            "hetzelfde jaar",
        ),
        (
            Cell("Pernis", COULEUR_LOCALE, 2017),
            Cell("Pernis", COULEUR_LOCALE, 2017),
            1,
            "dezelfde post",
        ),
        (
            Cell("Pernos", COULEUR_LOCALE, 2017),
            Cell("Pernis", COULEUR_LOCALE, 2017),
            1,
            "Bedoelt u 'Pernis'",
        ),
        (Cell("Pernis", "koffie", 2017), Cell("Pernis", COULEUR_LOCALE, 2017), 1, "Onbekende post"),
        (
            Cell("Pernis", COULEUR_LOCALE, 2030),
            Cell("Pernis", GEBIEDSOPDRACHT, 2030),
            1,
            "Onbekend jaar",
        ),
    ],
)
def test_refused_moves_change_nothing(source: Cell, target: Cell, amount: int, says: str) -> None:
    scenario = bundled()
    before = {cell: scenario.amount(cell) for cell in scenario.cells()}
    with pytest.raises(EditError, match=says):
        scenario.move(source, target, amount, who="a", when=WHEN)
    assert {cell: scenario.amount(cell) for cell in scenario.cells()} == before
    assert scenario.log == []


def test_resolve_cell_is_forgiving_about_case_and_spaces() -> None:
    scenario = bundled()
    assert scenario.resolve_cell("charlois", "couleur locale", 2017) == Cell(
        "Charlois", COULEUR_LOCALE, 2017
    )
    assert scenario.resolve_cell("Stedelijk", "Wijkteams", 2016) == Cell(
        STEDELIJK, "wijkteams", 2016
    )


@given(scenarios(), st.data())
def test_moves_conserve_totals_and_running_totals_stay_exact(
    scenario: Scenario, data: st.DataObject
) -> None:
    cells = list(scenario.cells())
    before = planned_everywhere(scenario)
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        source = data.draw(st.sampled_from(cells))
        target = data.draw(st.sampled_from([c for c in cells if c.year == source.year]))
        amount = data.draw(st.integers(min_value=-5, max_value=10**9))
        with contextlib.suppress(EditError):
            scenario.move(source, target, amount, who="x", when=WHEN)
    assert planned_everywhere(scenario) == before
    for year in scenario.years:
        assert scenario.totals(year) == scenario.recomputed_totals(year)


@given(scenarios(), st.data())
def test_edits_keep_running_totals_exact(scenario: Scenario, data: st.DataObject) -> None:
    cells = list(scenario.cells())
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        cell = data.draw(st.sampled_from(cells))
        new = data.draw(st.integers(min_value=-(10**12), max_value=10**12))
        try:
            scenario.set_amount(cell, new, who="x", when=WHEN)
        except EditError:
            continue
        assert scenario.amount(cell) == new
    for year in scenario.years:
        totals = scenario.totals(year)
        assert totals == scenario.recomputed_totals(year)
        assert totals.room == totals.envelope - totals.planned
    for entry in scenario.log:
        for change in entry.changes:
            assert type(change.old) is int and type(change.new) is int
