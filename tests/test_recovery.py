"""Never lose an edit: the journal, recovery after SIGKILL, and saves that end halfway."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.files import journal, storage
from gebiedsplanner.files.locations import load_settings
from gebiedsplanner.files.session import EditingSession
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import screen_text, shown

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CELL = Cell("Noord", "couleur_locale", 2017)


def test_journal_holds_exactly_the_unsaved_changes(scenario_file: Path) -> None:
    session = EditingSession(storage.load(scenario_file))
    for value in (1, 2, 3):
        session.record(session.scenario.set_amount(CELL, value, who="a", when=WHEN))
    recovery = journal.pending(scenario_file)
    assert recovery is not None and len(recovery.entries) == 3
    assert recovery.replayed().amount(CELL) == 3

    data = scenario_format_dumps(session)
    session.scenario.set_amount(CELL, 4, who="a", when=WHEN)  # made while the save ran
    session.record(session.scenario.log[-1])
    storage.write_atomic(scenario_file, data)
    session.saved(scenario_file, data, 3)
    recovery = journal.pending(scenario_file)
    assert recovery is not None and [e.changes[0].new for e in recovery.entries] == [4]
    assert recovery.replayed().amount(CELL) == 4

    session.saved(scenario_file, scenario_format_dumps(session), 4)
    assert journal.pending(scenario_file) is None


def scenario_format_dumps(session: EditingSession) -> bytes:
    from gebiedsplanner.files.scenario_format import dumps

    return dumps(session.scenario)


def test_a_line_cut_short_by_a_crash_loses_only_that_line(scenario_file: Path) -> None:
    session = EditingSession(storage.load(scenario_file))
    session.record(session.scenario.set_amount(CELL, 7, who="a", when=WHEN))
    with open(journal.journal_for(scenario_file), "a", encoding="utf-8") as handle:
        handle.write('{"when": "2026-11-23T09:0')
    recovery = journal.pending(scenario_file)
    assert recovery is not None and recovery.replayed().amount(CELL) == 7


def test_discarding_keeps_the_journal_aside(scenario_file: Path) -> None:
    session = EditingSession(storage.load(scenario_file))
    session.record(session.scenario.set_amount(CELL, 7, who="a", when=WHEN))
    recovery = journal.pending(scenario_file)
    assert recovery is not None
    aside = session.discard(recovery)
    assert aside.exists() and journal.pending(scenario_file) is None


CHILD = """
import asyncio, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from gebiedsplanner.files import storage
from gebiedsplanner.files.locations import load_settings
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import focused, shown

async def main() -> None:
    app = PlannerApp(storage.load(Path(sys.argv[1])), load_settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"=123.456", "enter")
        await pilot.press("down", "m", *"5.000", "tab")
        await focused(pilot, "#reason")
        await pilot.press(*"voor de crash", "enter")
        await shown(pilot, " 123.456 ")
        await shown(pilot, " 221.000 ")  # both edits on screen, so both in the journal
        Path(sys.argv[2]).touch()
        await asyncio.sleep(600)  # until killed

asyncio.run(main())
"""


async def test_a_session_killed_with_sigkill_recovers_every_edit(
    scenario_file: Path, tmp_path: Path
) -> None:
    before = scenario_file.read_bytes()
    ready = tmp_path / "ready"
    root = str(Path(__file__).resolve().parent.parent)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(scenario_file), str(ready), root])
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.05)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert scenario_file.read_bytes() == before  # nothing was saved

    app = PlannerApp(storage.load(scenario_file), load_settings())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        text = await shown(pilot, "Niet-opgeslagen wijzigingen gevonden")
        assert "Er zijn niet-opgeslagen wijzigingen (2)" in " ".join(text.split())
        await pilot.press("t")
        await shown(pilot, "voor de crash")
        await pilot.press("h")
        await shown(pilot, "2 wijzigingen hersteld")
        lines = {line.split()[0]: line.split() for line in screen_text(pilot).splitlines()[3:6]}
        assert lines["Centrum"][1] == "123.456"
        assert lines["Charlois"][1] == "221.000"
        assert "● niet opgeslagen" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await shown(pilot, "Opgeslagen in")
    saved = storage.load(scenario_file).scenario
    assert saved.amount(Cell("Centrum", "couleur_locale", 2016)) == 123_456
    assert saved.log[-1].reason == "voor de crash"
    assert journal.pending(scenario_file) is None


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_a_save_interrupted_anywhere_leaves_the_old_or_the_new_file(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str
) -> None:
    before = scenario_file.read_bytes()
    document = storage.load(scenario_file)
    document.scenario.set_amount(CELL, 1, who="a", when=WHEN)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    target = {"write": "fdopen", "fsync": "fsync", "replace": "replace"}[fail_at]
    monkeypatch.setattr(os, target, boom)
    with pytest.raises(ProblemsError):
        storage.save(document)
    monkeypatch.undo()
    assert scenario_file.read_bytes() == before
    assert sorted(p.name for p in scenario_file.parent.iterdir()) == ["nrw.toml"]
