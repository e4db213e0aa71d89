"""Every screen as a person sees it, at 80x24 and 60x20, in Dutch and in English.

Each snapshot is an SVG in ``tests/__snapshots__/test_snapshots/``, approved by
looking at it; a change on screen fails the test until it is looked at again
(``pytest tests/test_snapshots.py --snapshot-update`` writes the new pictures,
``git diff`` shows which changed). The screens are reached by pressing keys and
waiting for what a person would wait for, never by a pause.

What changes from machine to machine is fixed first: the folder the scenarios are
in (one path under /tmp, so paths on screen are the same in every checkout), the
files' modification times, the time zone, the user's name, home and working folder.
Textual is pinned in the test extra: another version draws other pictures.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.conftest import BUNDLED
from tests.pilot_helpers import shown, until

#: Where the snapshots' files are: the same path on every machine. So the tests run one
#: at a time: on one pytest-xdist worker, and under a lock against other checkouts.
ROOT = Path("/tmp/gebiedsplanner-snapshots")
pytestmark = pytest.mark.xdist_group("snapshots")
#: Every file's modification time (shown in the library).
MODIFIED = datetime(2026, 3, 12, 9, 30, tzinfo=UTC).timestamp()
SIZES = {"80x24": (80, 24), "60x20": (60, 20)}

Steps = Callable[[Pilot[None]], Awaitable[None]]


@pytest.fixture
def one_at_a_time() -> Iterator[None]:
    """ROOT is one path for every test run on this machine: a second run at the same
    time (another checkout) waits, rather than removing this one's files under it."""
    with open(f"{ROOT}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture
def fixed_place(monkeypatch: pytest.MonkeyPatch, one_at_a_time: None) -> Iterator[Path]:
    """The bundled example and a variant of it, in ROOT, with fixed times and user."""
    shutil.rmtree(ROOT, ignore_errors=True)
    bundled = ROOT / "scenarios" / BUNDLED.name
    bundled.parent.mkdir(parents=True)
    shutil.copyfile(BUNDLED, bundled)
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(variable, str(ROOT / folder))
    monkeypatch.setattr(locations, "_PACKAGE", ROOT / "gebiedsplanner")
    for variable in ("USER", "LOGNAME"):
        monkeypatch.setenv(variable, "anna")
    (ROOT / "home").mkdir()
    monkeypatch.setenv("HOME", str(ROOT / "home"))
    monkeypatch.chdir(ROOT / "home")  # where an export is offered
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    variant = storage.load(bundled).scenario
    variant.move(
        Cell("Charlois", "gebiedsopdracht", 2017),
        Cell("Charlois", "couleur_locale", 2017),
        150_000,
        who="anna",
        when=datetime(2026, 3, 11, 14, 5, tzinfo=UTC),
        reason="meer ruimte voor bewonersinitiatieven",
    )
    own = ROOT / "data" / "gebiedsplanner" / "scenarios" / "variant-charlois.toml"
    own.parent.mkdir(parents=True)
    own.write_bytes(dumps(variant, name="Variant Charlois"))
    for path in (bundled, own):
        os.utime(path, (MODIFIED, MODIFIED))
    yield bundled
    monkeypatch.undo()  # the time zone back before tzset; XDG folders: the autouse fixture
    time.tzset()
    shutil.rmtree(ROOT, ignore_errors=True)


def still(pilot: Pilot[None]) -> None:
    """No blinking cursor: a picture of a blinking cursor depends on the moment."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def on_top(pilot: Pilot[None], name: str) -> Callable[[], bool]:
    """The screen named ``name`` is the one on top."""
    return lambda: type(pilot.app.screen).__name__ == name


def steps(*keys_and_waits: str) -> Steps:
    """Press keys; ``@Screen`` waits until that screen is on top, ``?wait:text`` until
    ``text`` shows (texts the same in both languages: names, amounts)."""

    async def run(pilot: Pilot[None]) -> None:
        await shown(pilot, "2016 (1/4)")
        for item in keys_and_waits:
            if item.startswith("?wait:"):
                await shown(pilot, item.removeprefix("?wait:"))
            elif item == "?entries":  # the library has listed both scenarios
                await until(pilot, lambda: len(getattr(pilot.app.screen, "entries", ())) == 2, "")
            elif item == "?trash":
                await until(pilot, lambda: getattr(pilot.app.screen, "showing_trash", False), "")
            elif item.startswith("@"):
                await until(pilot, on_top(pilot, item[1:]), item[1:])
            else:
                await pilot.press(item)
        await pilot.pause()
        still(pilot)

    return run


#: Each screen: how to get there from the planner, and what shows once it is there.
SCREENS: dict[str, Steps] = {
    "planner": steps("right_square_bracket", "?wait:2017 (2/4)"),
    "planner-thousands": steps("k", "?wait:62.327"),
    "edit-line": steps("enter", *"+1.000", "?wait:→ 112.000"),
    "help": steps("question_mark", "@HelpScreen", "?wait:ctrl+z"),
    "move": steps("m", "@MoveDialog"),
    "tools": steps("right_square_bracket", "g", "@ToolsScreen", "?wait:-265.243"),
    "save-as": steps("S", "@SaveAs"),
    "export": steps("e", "@ExportDialog", "?wait:.csv"),
    "history": steps("h", "@HistoryScreen"),
    "policy": steps("b", "@PolicyPanel", "?wait:4,9%"),
    "chart": steps("v", "@ChartScreen", "?wait:5.086.000"),
    "library": steps("l", "@LibraryScreen", "?entries"),
    "trash": steps("l", "?entries", "t", "?trash"),
    "comparison": steps("l", "?entries", "b", "down", "space", "c", "?wait:4.273.000"),
    "comparison-totals": steps("l", "?entries", "b", "down", "space", "c", "?wait:4.273.000", "2"),
    "comparison-explanation": steps(
        "l",
        "?entries",
        "b",
        "down",
        "space",
        "c",
        "?wait:4.273.000",
        "3",
        "?wait:bewonersinitiatieven",
    ),
    "comparison-bars": steps("l", "?entries", "b", "down", "space", "c", "?wait:4.273.000", "4"),
    "quit-unsaved": steps("enter", *"+1.000", "enter", "?wait:112.000", "q", "@ChoiceDialog"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(
    snap_compare: Callable[..., bool], fixed_place: Path, screen: str, size: str, lang: str
) -> None:
    language.use(lang)
    app = PlannerApp(storage.open_for_editing(fixed_place), locations.load_settings())
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCREENS[screen])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_a_large_file_being_read(
    snap_compare: Callable[..., bool],
    fixed_place: Path,
    size: str,
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its first gebieden, the totals being counted (issue 15); the rest is read after."""
    from make_scenario import make

    language.use(lang)
    large = fixed_place.parent / "groot.toml"
    large.write_bytes(dumps(make(storage.PREVIEW_GEBIEDEN + 1)))
    monkeypatch.setattr(storage, "STREAM_FROM_BYTES", 0)
    finish = storage.Opening.finish

    def after_the_picture(opening: storage.Opening) -> storage.ScenarioDocument:
        while app.return_code is None:  # read the rest once the picture is taken
            time.sleep(0.02)
        return finish(opening)

    monkeypatch.setattr(storage.Opening, "finish", after_the_picture)
    app = PlannerApp(storage.open_streamed(large), locations.load_settings())

    async def reading(pilot: Pilot[None]) -> None:
        await shown(pilot, texts.TOTAL_ROW_COUNTING)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=reading)


def test_every_picture_belongs_to_a_test() -> None:
    """syrupy fails a whole run on a picture that no test takes any more, but not under
    pytest-xdist (each worker sees only its own tests): this does it there."""
    pictures = Path(__file__).parent / "__snapshots__" / "test_snapshots"
    languages = ("nl", "en")
    taken = {
        f"test_screen[{screen}-{size}-{lang}].svg"
        for screen in SCREENS
        for size in SIZES
        for lang in languages
    } | {f"test_a_large_file_being_read[{size}-{lang}].svg" for size in SIZES for lang in languages}
    assert sorted(path.name for path in pictures.iterdir()) == sorted(taken)
