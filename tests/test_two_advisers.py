"""Two advisers, one file: both saves land, in either order; each sees the other."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import presence, storage
from gebiedsplanner.settings.locations import load_settings
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import shown, toasts

SIZE = (80, 24)


@pytest.mark.parametrize("first", ["anna", "bram"])
async def test_two_apps_edit_and_save_in_either_order(scenario_file: Path, first: str) -> None:
    anna = PlannerApp(storage.load(scenario_file), load_settings())
    bram = PlannerApp(storage.load(scenario_file), load_settings())
    async with (
        anna.run_test(size=SIZE, notifications=True) as a,
        bram.run_test(size=SIZE, notifications=True) as b,
    ):
        await a.press("enter", *"=150.000", "enter")  # Centrum couleur locale 2016
        await b.press("down", "right", "enter", *"=4.000.000", "enter")  # Charlois gebiedsopdracht
        order = [(a, "Opgeslagen"), (b, "Samengevoegd")]
        if first == "bram":
            order = [(b, "Opgeslagen"), (a, "Samengevoegd")]
        for pilot, says in order:
            await pilot.press("ctrl+s")
            await shown(pilot, says)
    saved = storage.load(scenario_file).scenario
    assert saved.amount(Cell("Centrum", "couleur_locale", 2016)) == 150_000
    assert saved.amount(Cell("Charlois", "gebiedsopdracht", 2016)) == 4_000_000
    assert len(saved.log) == 2


def write_note(path: Path, pid: int, host: str, name: str = "") -> Path:
    """The note a colleague's planner in process ``pid`` leaves."""
    note = path.parent / f".{path.name}.{host}.{pid}{name}.editing"
    data = {"user": "collega", "host": host, "pid": pid, "since": "2026-11-23T08:30:00+01:00"}
    note.write_text(json.dumps({**data, "started": presence.process_started(pid)}))
    return note


async def test_the_app_says_who_else_is_editing_and_clears_stale_notes(scenario_file: Path) -> None:
    host = socket.gethostname()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        live_note = write_note(scenario_file, other.pid, host)
        stale_note = write_note(scenario_file, dead.pid, host)
        app = PlannerApp(storage.load(scenario_file), load_settings())
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await shown(pilot, "Ook geopend")
            assert "collega op " + host + " sinds 23-11-2026 08:30" in toasts(pilot)
            assert live_note.exists() and not stale_note.exists()
            ours = [n for n in scenario_file.parent.glob("*.editing") if n != live_note]
            assert len(ours) == 1  # our own note, for the colleague to see
        assert not ours[0].exists()  # withdrawn when the app closed
    finally:
        other.kill()
        other.wait()
    assert presence.others(scenario_file) == []  # the colleague's process ended: stale


def test_a_note_naming_a_process_that_is_not_the_editor_is_stale(scenario_file: Path) -> None:
    """Process numbers are used again, and pid 1 always runs: a note is believed only for
    the process that wrote it, the one that started when the note says."""
    host = socket.gethostname()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        ours = write_note(scenario_file, other.pid, host)
        planted = write_note(scenario_file, 1, host)
        data = json.loads(planted.read_text())
        planted.write_text(json.dumps({**data, "started": data["started"] + 1}))
        unknown = scenario_file.parent / f".{scenario_file.name}.{host}.1.x.editing"
        unknown.write_text(json.dumps({k: v for k, v in data.items() if k != "started"}))
        assert [note.pid for note in presence.others(scenario_file)] == [other.pid]
        assert ours.exists() and not planted.exists() and not unknown.exists()
    finally:
        other.kill()
        other.wait()


def test_a_note_of_an_earlier_version_is_believed_while_its_planner_runs(
    scenario_file: Path,
) -> None:
    """Notes written before they said when their process started: believed for a process
    that is a planner (it says so on its command line), as during an upgrade."""
    host = socket.gethostname()
    sleeping = [sys.executable, "-c", "import time; print('klaar', flush=True); time.sleep(60)"]
    planner = subprocess.Popen([*sleeping, "gebiedsplanner"], stdout=subprocess.PIPE, text=True)
    assert planner.stdout is not None
    assert planner.stdout.readline() == "klaar\n"  # running its own command line, not ours
    try:
        note = write_note(scenario_file, planner.pid, host)
        data = json.loads(note.read_text())
        note.write_text(json.dumps({k: v for k, v in data.items() if k != "started"}))
        assert [each.pid for each in presence.others(scenario_file)] == [planner.pid]
    finally:
        planner.kill()
        planner.wait()


@pytest.mark.parametrize(("notes", "said"), [(4, "collega op elders"), (3_000, "en 2997 anderen")])
async def test_many_editing_notes_make_one_short_notification(
    scenario_file: Path, notes: int, said: str
) -> None:
    for number in range(notes):
        write_note(scenario_file, 1000 + number, "elders", f".{number}")  # another host
    app = PlannerApp(storage.load(scenario_file), load_settings())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "Ook geopend")
        shown_text = toasts(pilot)
        assert said in shown_text and len(shown_text) < 400, shown_text
        assert "anderen" not in shown_text or notes > 4  # four are all named: never "1 anderen"
        assert shown_text.count("collega op elders") == min(notes, 3 if notes > 4 else notes)
