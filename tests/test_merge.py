"""Three-way merge: different cells merge by themselves; the same cell asks; nothing is lost."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gebiedsplanner.core.merge import MergeImpossible, conflicts, merge
from gebiedsplanner.core.scenario import Cell, EditError, Scenario
from gebiedsplanner.format import scenario_reader, scenario_writer
from tests.conftest import BUNDLED

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
RAW = BUNDLED.read_bytes()
CELLS = list(scenario_reader.parse("nrw", RAW).cells())


def fresh() -> Scenario:
    return scenario_reader.parse("nrw", RAW)


def amounts(scenario: Scenario) -> dict[Cell, int]:
    return {cell: scenario.amount(cell) for cell in scenario.cells()}


def replayed(scenario: Scenario, start: Scenario) -> dict[Cell, int]:
    values = amounts(start)
    for entry in scenario.log:
        for change in entry.changes:
            assert values[change.cell] == change.old
            values[change.cell] = change.new
    return values


edits = st.lists(st.tuples(st.sampled_from(CELLS), st.integers(0, 10**7)), max_size=6)


def apply(scenario: Scenario, changes: list[tuple[Cell, int]], who: str) -> None:
    for cell, value in changes:
        with contextlib.suppress(EditError):
            scenario.set_amount(cell, value, who=who, when=WHEN)


@settings(max_examples=60)
@given(edits, edits, st.booleans())
def test_merge_keeps_both_sides(ours_edits: list, theirs_edits: list, prefer_ours: bool) -> None:
    base, ours, theirs = fresh(), fresh(), fresh()
    apply(ours, ours_edits, "ik")
    apply(theirs, theirs_edits, "collega")
    found = conflicts(base, ours, theirs)
    decision = {conflict.cell: prefer_ours for conflict in found}
    their_values = amounts(theirs)
    merged = merge(base, ours, theirs, decision).scenario
    for cell in CELLS:
        was, mine, other = base.amount(cell), ours.amount(cell), their_values[cell]
        if cell in decision:
            expected = mine if prefer_ours else other
        elif mine != was:
            expected = mine
        else:
            expected = other
        assert merged.amount(cell) == expected
    assert replayed(merged, base) == amounts(merged)  # the log is true to the data
    for year in merged.years:
        assert merged.totals(year) == merged.recomputed_totals(year)


def test_different_cells_merge_without_asking() -> None:
    base, ours, theirs = fresh(), fresh(), fresh()
    ours.move(
        Cell("Charlois", "gebiedsopdracht", 2017),
        Cell("Charlois", "couleur_locale", 2017),
        50_000,
        who="ik",
        when=WHEN,
        reason="bewonersinitiatieven",
    )
    theirs.set_amount(Cell("Noord", "couleur_locale", 2017), 200_000, who="collega", when=WHEN)
    assert conflicts(base, ours, theirs) == []
    merged = merge(base, ours, theirs).scenario
    assert merged.amount(Cell("Charlois", "couleur_locale", 2017)) == 297_000
    assert merged.amount(Cell("Noord", "couleur_locale", 2017)) == 200_000
    assert [entry.who for entry in merged.log] == ["collega", "ik"]


def test_the_same_cell_is_a_conflict() -> None:
    base, ours, theirs = fresh(), fresh(), fresh()
    cell = Cell("Noord", "couleur_locale", 2017)
    ours.set_amount(cell, 1, who="ik", when=WHEN)
    theirs.set_amount(cell, 2, who="collega", when=WHEN)
    [conflict] = conflicts(base, ours, theirs)
    assert (conflict.base, conflict.ours, conflict.theirs) == (188_000, 1, 2)


def test_a_change_of_shape_cannot_merge() -> None:
    theirs = fresh()
    del theirs.gebieden["Pernis"]
    with pytest.raises(MergeImpossible):
        conflicts(fresh(), fresh(), scenario_reader.parse("x", scenario_writer.dumps(theirs)))
