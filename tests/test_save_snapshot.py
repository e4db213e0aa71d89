"""A save's moment: the model as it was at ctrl+s, copied while it goes on changing
(``editing/snapshot.py``); and a save job built from it writes exactly that."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import pytest

from gebiedsplanner.core.scenario import EditError, Scenario
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.save_job import SaveJob
from gebiedsplanner.editing.session import EditingSession, Saved
from gebiedsplanner.editing.snapshot import Changes, Moment, scenario_at
from gebiedsplanner.format.scenario_reader import parse
from gebiedsplanner.format.scenario_writer import dumps
from tests.conftest import BUNDLED, snapshot

WHEN = datetime(2026, 1, 5, 9, 30)


def changes(scenario: Scenario, rng: random.Random, count: int) -> None:
    """``count`` edits and moves of random cells, some cells more than once."""
    cells = list(scenario.cells())[:12]  # few cells: the same ones change again
    for _ in range(count):
        cell = rng.choice(cells)
        try:
            if rng.random() < 0.7:
                amount = scenario.amount(cell) + rng.randrange(-5_000, 5_000)
                scenario.set_amount(cell, amount, who="t", when=WHEN)
            else:
                other = rng.choice([c for c in cells if c.year == cell.year and c != cell])
                scenario.move(cell, other, rng.randrange(1, 1_000), who="t", when=WHEN)
        except EditError:  # a sign rule: this one is not made
            continue


@pytest.mark.parametrize("seed", range(20))
def test_a_copy_taken_after_changes_is_the_model_of_its_moment(seed: int) -> None:
    rng = random.Random(seed)
    model = parse("plan", BUNDLED.read_bytes())
    changes(model, rng, rng.randrange(0, 5))
    then = parse("plan", dumps(model))  # an independent copy of the model at the moment
    moment = Moment.now(model)
    changes(model, rng, rng.randrange(1, 30))  # before the worker copies
    model.name = "Anders"  # the name changes too (a save as, a rename)

    def later_too(changes_since: object) -> Changes:
        changes(model, rng, 3)  # and while it copies: after the copy, before the log is read
        assert callable(changes_since)
        found: Changes = changes_since()
        return found

    copied = scenario_at(moment, later_too)
    assert snapshot(copied) == snapshot(then)
    assert copied.totals(2016) == then.totals(2016)
    assert copied.gebieden is not model.gebieden


def test_a_save_job_writes_the_moment_it_was_begun_at(scenario_file: Path) -> None:
    """The session goes on changing between begin_save and the worker's run: the file
    holds what was on screen at begin_save; the rest stays unsaved."""
    session = EditingSession(storage.open_for_editing(scenario_file))
    cell = next(session.scenario.cells())
    session.edit(cell, 1_000, "eerste")
    job = session.begin_save()
    assert isinstance(job, SaveJob)
    session.edit(cell, 2_000, "tweede")  # while the job waits for its worker
    outcome = session.finish_save(job, job.run())
    assert isinstance(outcome, Saved)
    saved = storage.load(scenario_file).scenario
    assert saved.amount(cell) == 1_000 and [e.reason for e in saved.log] == ["eerste"]
    assert session.dirty and session.scenario.amount(cell) == 2_000
    session.close()


def test_a_save_that_ends_after_its_session_was_given_up_starts_no_journal(
    scenario_file: Path,
) -> None:
    """ctrl+s, an edit, then q and 'Niet opslaan' while the save runs: the save writes
    what was on screen at ctrl+s, and the edit after it stays given up. The save's end
    started a journal of its own with that edit (and a second ctrl+s saved it), so the
    next start offered to recover what the adviser had thrown away."""
    from gebiedsplanner.editing.journal import SUFFIX, journal_dir

    session = EditingSession(storage.open_for_editing(scenario_file))
    session.begin()
    cell = next(session.scenario.cells())
    session.edit(cell, 1_000, "eerste")
    job = session.begin_save()
    assert isinstance(job, SaveJob)
    session.edit(cell, 2_000, "weggegooid")
    session.begin_save()  # a second ctrl+s, queued
    session.abandon()  # q, Niet opslaan: the app ends while the save runs
    outcome = session.finish_save(job, job.run())
    assert isinstance(outcome, Saved) and not outcome.again
    assert [e.reason for e in storage.load(scenario_file).scenario.log] == ["eerste"]
    assert list(journal_dir().glob(f"*{SUFFIX}")) == []
