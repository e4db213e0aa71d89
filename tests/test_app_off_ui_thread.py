"""Nothing heavy on the UI thread (issue 25): a save is built in a worker from the model
as it was at ctrl+s while the adviser goes on typing.

A slow save is made by holding the worker at a gate the test opens: at building the
bytes (the save strategy, 0,5 s at 20.000 gebieden) or before it copies the model.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import journal, save_job, storage
from gebiedsplanner.format import save_strategy
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import (
    DEADLINE,
    shown,
    toasts,
    until,
    widget_text,
)
from tests.test_app import SIZE, planner, stopped

pytestmark = pytest.mark.usefixtures("painted_before_measured")

CENTRUM = Cell("Centrum", "couleur_locale", 2016)
GEBIEDEN = 12


class Gate(NamedTuple):
    """Where a save's worker waits: ``reached`` once it is there, on until ``opened``."""

    reached: threading.Event
    opened: threading.Event


def _gated(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> Iterator[Gate]:
    gate = Gate(threading.Event(), threading.Event())
    held = getattr(owner, name)

    def at_the_gate(*args: Any, **kwargs: Any) -> Any:
        gate.reached.set()
        assert gate.opened.wait(DEADLINE / 3), "the test did not open the gate"
        return held(*args, **kwargs)

    monkeypatch.setattr(owner, name, at_the_gate)
    yield gate
    gate.opened.set()  # a failed test leaves no worker waiting


@pytest.fixture(params=["building the bytes", "copying the model"])
def slow_save(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """A save that waits at the gate: before its bytes are built, or before the model
    is copied (then the keys typed meanwhile change what it copies)."""
    if request.param == "building the bytes":
        yield from _gated(monkeypatch, save_strategy, "saving")
    else:
        yield from _gated(monkeypatch, save_job, "scenario_at")


@pytest.fixture
def slow_building(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    yield from _gated(monkeypatch, save_strategy, "saving")


def app_on(path: Path, *team: Path) -> PlannerApp:
    settings = locations.load_settings([str(folder) for folder in team])
    return PlannerApp(storage.open_for_editing(path), settings)


def saved_amounts(path: Path) -> list[int]:
    """The new amounts of the file's change log, in order; the last is the one in the
    cell (else the file would not hold what its log says)."""
    scenario = storage.load(path).scenario
    logged = [entry.changes[0].new for entry in scenario.log]
    amount = scenario.amount(CENTRUM)
    assert logged[-1:] in ([], [amount]), f"the file holds {amount}, its log says {logged}"
    return logged


def journaled_after(base: bytes, text: bytes) -> bool:
    """A journal on ``base`` (the one that follows a save of it) holds ``text`` after it."""
    for path in journal.journal_dir().glob(f"*{journal.SUFFIX}"):
        data = path.read_bytes()
        at = data.find(base)
        if at >= 0 and text in data[at + len(base) :]:
            return True
    return False


def dirty(pilot: Any) -> bool:
    return "niet opgeslagen" in widget_text(pilot, "#dirty")


async def test_keys_act_during_a_slow_save_which_writes_the_moment_of_ctrl_s(
    scenario_file: Path, slow_save: Gate
) -> None:
    before = scenario_file.read_bytes()
    async with app_on(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"=111.111", "enter")
        await shown(pilot, "111.111")
        await pilot.press("ctrl+s")
        await until(pilot, slow_save.reached.is_set, "the save under way")
        await pilot.press("enter", *"=222.222", "enter")  # the same cell, while it saves
        await shown(pilot, "222.222")
        assert not slow_save.opened.is_set() and scenario_file.read_bytes() == before
        slow_save.opened.set()
        await shown(pilot, "Opgeslagen in")
        assert saved_amounts(scenario_file) == [111_111]  # what was on screen at ctrl+s
        assert dirty(pilot)  # the later edit is not in the file
        saved = scenario_file.read_bytes()
        await until(pilot, lambda: journaled_after(saved, b"222222"), "the later edit journaled")
        assert planner(pilot).document.scenario.amount(CENTRUM) == 222_222
        await pilot.press("ctrl+s")
        await until(pilot, lambda: saved_amounts(scenario_file) == [111_111, 222_222], "saved")
        await until(pilot, lambda: not dirty(pilot), "the title without its mark")


async def test_a_second_ctrl_s_during_a_slow_save_saves_what_came_after(
    scenario_file: Path, slow_building: Gate
) -> None:
    async with app_on(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"=111.111", "enter", "ctrl+s")
        await until(pilot, slow_building.reached.is_set, "the save under way")
        await pilot.press("enter", *"=222.222", "enter", "ctrl+s")
        await shown(pilot, "daarna wordt ook deze stand opgeslagen")
        slow_building.opened.set()
        await until(pilot, lambda: saved_amounts(scenario_file) == [111_111, 222_222], "saved")
        await until(pilot, lambda: not dirty(pilot), "the title without its mark")
        assert "Samengevoegd" not in toasts(pilot)


async def test_save_and_quit_also_saves_what_was_typed_while_it_saved(
    scenario_file: Path, slow_building: Gate
) -> None:
    app = app_on(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"=111.111", "enter", "q")
        await shown(pilot, "Opslaan (o)")
        await pilot.press("o")
        await until(pilot, slow_building.reached.is_set, "the save under way")
        await pilot.press("enter", *"=222.222", "enter")
        await shown(pilot, "222.222")
        slow_building.opened.set()
        await stopped(pilot)
    assert saved_amounts(scenario_file) == [111_111, 222_222]
