"""Random sessions: edits, moves, undo, redo, saves, a colleague's saves, crashes.

One adviser's :class:`EditingSession` on a real file, a colleague who saves
the same file now and then, and crashes (the session ends without saving, as
after ``kill -9``) followed by a new session that recovers. After every step:
the running totals equal a full recount; the change log, replayed from the
file as first written, gives exactly the amounts shown; a save puts on disk
what is on screen. After a crash, recovery puts back every cell the crashed
session had changed, and the file's amounts elsewhere: nothing is lost.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from gebiedsplanner.core.scenario import Cell, EditError, Scenario
from gebiedsplanner.editing import recovery, storage
from gebiedsplanner.editing.session import EditingSession, PendingMerge, Saved, SaveJob
from gebiedsplanner.format import scenario_reader
from tests.conftest import BUNDLED, save

WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
START = BUNDLED.read_bytes()
CELLS = list(scenario_reader.parse("nrw", START).cells())


def amounts(scenario: Scenario) -> dict[Cell, int]:
    return {cell: scenario.amount(cell) for cell in scenario.cells()}


def save_all(session: EditingSession) -> Saved:
    """ctrl+s, keeping our amount in every shared cell; the outcome once written."""
    job = session.begin_save()
    assert isinstance(job, SaveJob)
    while True:
        outcome = session.finish_save(job, job.run())
        if not isinstance(outcome, PendingMerge):
            assert isinstance(outcome, Saved), outcome
            return outcome
        job = session.resolve(outcome, {conflict.cell: True for conflict in outcome.found})


class AdviserAndColleague(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        # Each example its own journals: an example is one adviser's machine.
        self.state_before = os.environ.get("XDG_STATE_HOME")
        os.environ["XDG_STATE_HOME"] = str(self.folder / "state")
        self.path = self.folder / "plan.toml"
        self.path.write_bytes(START)
        self.session = EditingSession(storage.load(self.path))

    def teardown(self) -> None:
        self.session.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.state_before is None:
            os.environ.pop("XDG_STATE_HOME", None)
        else:
            os.environ["XDG_STATE_HOME"] = self.state_before

    @property
    def scenario(self) -> Scenario:
        return self.session.scenario

    @rule(cell=st.sampled_from(CELLS), new=st.integers(-(10**7), 10**7))
    def edit(self, cell: Cell, new: int) -> None:
        try:
            self.session.edit(cell, new, "r")
        except EditError:
            return
        assert self.scenario.amount(cell) == new

    @rule(source=st.sampled_from(CELLS), to=st.sampled_from(CELLS), amount=st.integers(1, 10**7))
    def move(self, source: Cell, to: Cell, amount: int) -> None:
        before = self.scenario.totals(source.year).planned
        try:
            self.session.move(source, to, amount, "")
        except EditError:
            return
        assert self.scenario.totals(source.year).planned == before

    @rule()
    def undo(self) -> None:
        before = amounts(self.scenario)
        try:
            change = self.session.undo()
        except EditError:  # a cell the colleague's merged save changed since: skipped
            assert amounts(self.scenario) == before
            return
        if change is not None:
            for cell_change in change.entry.changes:
                assert before[cell_change.cell] == cell_change.old

    @rule()
    def redo(self) -> None:
        with contextlib.suppress(EditError):  # the cell changed since it was undone
            self.session.redo()

    @rule()
    def save(self) -> None:
        shown = amounts(self.scenario)
        mine = self._mine()
        save_all(self.session)
        on_disk = amounts(storage.load(self.path).scenario)
        assert on_disk == amounts(self.scenario)
        assert all(on_disk[cell] == shown[cell] for cell in mine)
        assert not self.session.dirty

    @rule(cell=st.sampled_from(CELLS), delta=st.integers(1, 10**6))
    def colleague_saves(self, cell: Cell, delta: int) -> None:
        colleague = storage.load(self.path)
        try:
            colleague.scenario.set_amount(
                cell, colleague.scenario.amount(cell) - delta, who="collega", when=WHEN
            )
        except EditError:
            return
        save(colleague)

    @rule()
    def crash_and_recover(self) -> None:
        """The session ends unsaved (a dropped link); the next one recovers what was on screen."""
        shown, mine = amounts(self.scenario), self._mine()
        self.session.close()
        self.session = EditingSession(storage.load(self.path))
        on_disk = amounts(self.scenario)
        pending = recovery.look_for(self.session)
        assert all(found.skipped == 0 for found in pending)
        outcome = recovery.recover(self.session, pending, [self.folder])
        while isinstance(outcome, recovery.Undecided):
            keep = {conflict.cell: True for conflict in outcome.found}
            outcome = recovery.recover(
                self.session, outcome.pending, [self.folder], keep, outcome.so_far
            )
        now = amounts(self.scenario)
        for cell in CELLS:
            assert now[cell] == (shown[cell] if cell in mine else on_disk[cell]), cell
        assert recovery.look_for(self.session) == []

    def _mine(self) -> set[Cell]:
        """The cells this session changed since its file was loaded or saved."""
        base = scenario_reader.parse("base", self.session.document.loaded)
        return {cell for cell in CELLS if base.amount(cell) != self.scenario.amount(cell)}

    @invariant()
    def totals_are_exact(self) -> None:
        for year in self.scenario.years:
            assert self.scenario.totals(year) == self.scenario.recomputed_totals(year)

    @invariant()
    def log_matches_the_data(self) -> None:
        replayed = amounts(scenario_reader.parse("start", START))
        for entry in self.scenario.log:
            for change in entry.changes:
                assert replayed[change.cell] == change.old
                replayed[change.cell] = change.new
        assert replayed == amounts(self.scenario)
        assert all(type(value) is int for value in replayed.values())


AdviserAndColleague.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None
)
TestAdviserAndColleague = AdviserAndColleague.TestCase
