"""Random sequences of edits, moves, undo, redo, save and reload keep every invariant.

Invariants after every step: running totals equal a full recount; replaying the
change log from the scenario as first loaded gives exactly the amounts shown.
Saving and reading back gives the same amounts. Undoing everything returns the
amounts as they were when the session (or the last reload) began.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from gebiedsplanner.core.scenario import Cell, EditError, Scenario
from gebiedsplanner.files import scenario_format
from tests.conftest import BUNDLED

WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
START = BUNDLED.read_bytes()
CELLS = list(scenario_format.parse("nrw", START).cells())


def amounts(scenario: Scenario) -> dict[Cell, int]:
    return {cell: scenario.amount(cell) for cell in scenario.cells()}


class PlannerSession(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.scenario = scenario_format.parse("nrw", START)
        self.first = amounts(self.scenario)
        self.session_start = dict(self.first)

    @rule(cell=st.sampled_from(CELLS), new=st.integers(-(10**7), 10**7))
    def edit(self, cell: Cell, new: int) -> None:
        try:
            self.scenario.set_amount(cell, new, who="a", when=WHEN, reason="r")
        except EditError:
            return
        assert self.scenario.amount(cell) == new

    @rule(source=st.sampled_from(CELLS), to=st.sampled_from(CELLS), amount=st.integers(1, 10**7))
    def move(self, source: Cell, to: Cell, amount: int) -> None:
        before = self.scenario.totals(source.year).planned
        try:
            self.scenario.move(source, to, amount, who="a", when=WHEN)
        except EditError:
            return
        assert self.scenario.totals(source.year).planned == before

    @precondition(lambda self: self.scenario.can_undo)
    @rule()
    def undo(self) -> None:
        before = amounts(self.scenario)
        entry = self.scenario.undo(who="a", when=WHEN)
        assert entry is not None and self.scenario.can_redo
        for change in entry.changes:
            assert before[change.cell] == change.old

    @precondition(lambda self: self.scenario.can_redo)
    @rule()
    def redo(self) -> None:
        assert self.scenario.redo(who="a", when=WHEN) is not None

    @rule()
    def save_and_reload(self) -> None:
        shown = amounts(self.scenario)
        data = scenario_format.dumps(self.scenario)
        self.scenario = scenario_format.parse("nrw", data)
        assert amounts(self.scenario) == shown  # the file holds what was on screen
        self.session_start = shown
        assert not self.scenario.can_undo

    @rule()
    def undo_everything(self) -> None:
        while self.scenario.can_undo:
            self.scenario.undo(who="a", when=WHEN)
        assert amounts(self.scenario) == self.session_start

    @invariant()
    def totals_are_exact(self) -> None:
        for year in self.scenario.years:
            assert self.scenario.totals(year) == self.scenario.recomputed_totals(year)

    @invariant()
    def log_matches_the_data(self) -> None:
        replayed = dict(self.first)
        for entry in self.scenario.log:
            for change in entry.changes:
                assert replayed[change.cell] == change.old
                replayed[change.cell] = change.new
        assert replayed == amounts(self.scenario)
        assert all(type(value) is int for value in replayed.values())


PlannerSession.TestCase.settings = settings(max_examples=30, stateful_step_count=20, deadline=None)
TestPlannerSession = PlannerSession.TestCase
