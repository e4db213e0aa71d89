"""A large scenario in the planner (issue 15): its first gebieden show at once, the
totals say they are being counted until the whole file is read, and keys typed
meanwhile are kept and act, in order, on the whole scenario."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from make_scenario import make

from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.scenario import COULEUR_LOCALE, Cell
from gebiedsplanner.editing import journal, storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.screens.planner import PlannerScreen
from tests.pilot_helpers import (
    DEADLINE,
    burst,
    resize,
    screen_text,
    shown,
    totals,
    totals_show,
    until,
    watch_keys,
)
from tests.pty_terminal import PtyApp, pty_problem

GEBIEDEN = 12


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every file opens streamed, with 3 gebieden first; the rest is read once the gate
    opens (as a large file takes its time)."""
    monkeypatch.setattr(storage, "STREAM_FROM_BYTES", 0)
    monkeypatch.setattr(storage, "PREVIEW_GEBIEDEN", 3)
    opened = threading.Event()
    finish = storage.Opening.finish

    def after_the_gate(opening: storage.Opening) -> storage.ScenarioDocument:
        assert opened.wait(DEADLINE / 3), "the test did not open the gate"
        return finish(opening)

    monkeypatch.setattr(storage.Opening, "finish", after_the_gate)
    yield opened
    opened.set()  # a failed test leaves no worker waiting


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_bytes(dumps(make(GEBIEDEN)))
    return path


def journaled(text: bytes) -> bool:
    return any(text in path.read_bytes() for path in journal.journal_dir().glob("*.jsonl"))


def app_on(path: Path) -> PlannerApp:
    return PlannerApp(storage.open_streamed(path), locations.load_settings())


async def test_the_first_gebieden_show_while_the_totals_are_counted(
    plan: Path, gate: threading.Event
) -> None:
    whole = make(GEBIEDEN)
    planned = format_amount(whole.totals(2016).planned)
    async with app_on(plan).run_test(size=(80, 24)) as pilot:
        reading = await shown(pilot, "Totaal: wordt geteld…")
        assert "Wijk 00002" in reading and "Wijk 00003" not in reading
        assert "wordt gelezen…" in reading
        figures = totals(pilot)
        assert figures["Envelope"] == format_amount(whole.envelope[2016])
        assert figures["Gepland"] == figures["Ruimte"] == figures["verdeeld"] == "telt…"
        assert format_amount(whole.post_total(COULEUR_LOCALE, 2016)) not in reading
        gate.set()
        await totals_show(pilot, Gepland=planned, Ruimte=format_amount(whole.totals(2016).room))
        now = screen_text(pilot)
        assert "Wijk 00003" in now and "wordt geteld" not in now and "wordt gelezen" not in now


async def test_keys_typed_while_reading_act_in_order_on_the_whole_scenario(
    plan: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, left = watch_keys(monkeypatch)
    async with app_on(plan).run_test(size=(80, 24)) as pilot:
        await shown(pilot, "Totaal: wordt geteld…")
        burst(pilot, "down", "enter", *"7777", "enter", "down", "enter", *"+1", "enter")
        await until(pilot, lambda: entered, "the first key reaching the app")
        # The first key waits, the others behind it; had it acted, the edit line would show.
        assert (entered, left) == (["down"], [])
        still = screen_text(pilot)
        assert "wordt gelezen…" in still and "⏎ Wijzig" in still
        gate.set()
        planner = pilot.app.screen_stack[0]
        assert isinstance(planner, PlannerScreen)
        scenario = planner.document.scenario
        second = Cell("Wijk 00001", COULEUR_LOCALE, 2016)
        third = Cell("Wijk 00002", COULEUR_LOCALE, 2016)
        expected_third = make(GEBIEDEN).amount(third) + 1
        await until(
            pilot,
            lambda: (
                planner.document.scenario.amount(second) == 7777
                and planner.document.scenario.amount(third) == expected_third
            ),
            "both edits on the whole scenario",
        )
        assert planner.document.scenario is not scenario
        assert len(planner.document.scenario.gebieden) == GEBIEDEN
        await shown(pilot, "7.777")
        await until(pilot, lambda: journaled(b"7777"), "the edit journaled")


async def test_a_problem_after_the_first_gebieden_ends_the_app_and_is_said(
    tmp_path: Path, gate: threading.Event
) -> None:
    text = dumps(make(GEBIEDEN)).decode()
    at = text.rindex("2016 = ")
    path = tmp_path / "plan.toml"
    path.write_text(text[:at] + "2016 = 12.5" + text[text.index("\n", at) :])
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot, "Totaal: wordt geteld…")
        burst(pilot, "enter", *"5", "enter")
        gate.set()
        await until(pilot, lambda: not app.is_running, "the app ending")
    assert app.return_code == 1
    assert [problem.file for problem in app.problems] == [str(path)]
    assert "Wijk 00011" in app.problems[0].place
    assert path.read_text().count("12.5") == 1  # nothing was saved over it


def test_keys_typed_before_the_app_is_up_act_once_the_file_is_read(tmp_path: Path) -> None:
    """Typed ahead, they reach the app before it is ready: the reading must not wait
    for that (it did, and the app hung for good)."""
    problem = pty_problem()
    if problem:
        pytest.skip(problem)
    path = tmp_path / "groot.toml"
    path.write_bytes(dumps(make(4_000)))
    assert path.stat().st_size >= storage.STREAM_FROM_BYTES
    app = PtyApp(tmp_path / "home", str(path))
    try:
        app.send(b"]")  # the next year, before the first frame (no Enter: the terminal
        # is not raw yet, and would turn it into a line feed)
        app.wait_for_screen_text("2017 (2/4)")
        app.wait_for_screen_text("Totaal    ")
    finally:
        app.close()


async def test_the_cursor_stays_in_view_when_the_table_loses_lines(tmp_path: Path) -> None:
    """A smaller terminal, or a scroll bar that comes with the whole file's wider
    columns after cursor keys held while it was read: the cursor's row stays shown."""
    path = tmp_path / "plan.toml"
    path.write_bytes(dumps(make(40)))
    async with app_on(path).run_test(size=(80, 30)) as pilot:
        await pilot.press(*["down"] * 20)
        await shown(pilot, "Wijk 00020")
        await resize(pilot, 80, 16)
        await until(pilot, lambda: "Wijk 00020" in screen_text(pilot), "the cursor's row shown")
