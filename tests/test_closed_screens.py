"""A closed overlay leaves nothing alive: not the screen, its widgets or their lines (issue 24).

Each overlay is opened through its key, painted, and closed with Esc, twice; once all
are closed a collection runs, and no part of any of them may be left. Their painted
lines lived on in a cache of Textual's, the last table drawn in another, and the last
screen that ran a thread worker in the executor's thread
(``gebiedsplanner/ui/closed_screens.py``). How much memory that was is measured by
``benchmarks/bench_overlays.py``; here only whether anything is kept, which does not
depend on timing. A library closed to open a large file was kept in one more way:
frozen with the file's objects.
"""

from __future__ import annotations

import contextvars
import gc
import inspect
import weakref
from pathlib import Path
from typing import Any

import pytest
from make_scenario import make
from textual._styles_cache import StylesCache
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable
from textual.worker import Worker

from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.closed_screens import TaskContextExecutor
from gebiedsplanner.ui.screens.chart import ChartScreen
from gebiedsplanner.ui.screens.comparison import ComparisonScreen
from gebiedsplanner.ui.screens.export_dialog import ExportDialog
from gebiedsplanner.ui.screens.help import HelpScreen
from gebiedsplanner.ui.screens.history import HistoryScreen
from gebiedsplanner.ui.screens.library import LibraryScreen
from gebiedsplanner.ui.screens.move_dialog import MoveDialog
from gebiedsplanner.ui.screens.policy_panel import PolicyPanel
from gebiedsplanner.ui.screens.save_as import SaveAs
from gebiedsplanner.ui.screens.tools_dialog import ToolsScreen
from tests.conftest import BUNDLED
from tests.pilot_helpers import opened, painted, remove_closed_screens_late, shown, until
from tests.test_app import SIZE, planner
from tests.test_app_library import alfa_and_beta, compare_in_library, go_to_row

#: Each overlay the planner opens with one key: its name, the key and its screen. The
#: tools come last: their preview is the last thread worker, and their table the last
#: table drawn, so what either mechanism kept of a closed screen would still be there.
PLANNER_OVERLAYS: tuple[tuple[str, str, type[Screen[Any]]], ...] = (
    ("help", "question_mark", HelpScreen),
    ("change log", "h", HistoryScreen),
    ("chart", "v", ChartScreen),
    ("policy", "b", PolicyPanel),
    ("move", "m", MoveDialog),
    ("export", "e", ExportDialog),
    ("save as", "S", SaveAs),
    ("library", "l", LibraryScreen),
    ("tools", "g", ToolsScreen),
)
TIMES = 2


class Kept:
    """Weak references to every part of the overlays opened, by the overlay's name."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, weakref.ref[object]]] = []

    async def open_and_close(self, pilot: Pilot[None], name: str, kind: type[Screen[Any]]) -> None:
        """The overlay ``kind`` is opening: paint it, note its parts, close it with Esc."""
        screen = await opened(pilot, kind, f"the {name} opening")
        below = pilot.app.screen_stack[-2]
        self.parts += [(name, weakref.ref(part)) for part in painted(pilot)]
        await pilot.press("escape")
        await until(pilot, lambda: not screen.is_running, f"the {name} closing")
        assert pilot.app.screen is below

    def none_alive(self) -> bool:
        """Nothing is left of them after a collection (else, what is left, by overlay).

        Asked until it holds: a timer cancelled when its widget was removed (a field's
        cursor blink) stays in the event loop until it would have run, half a second
        at most, and with it the context it was made in: the widget."""
        gc.collect()
        alive: dict[str, list[str]] = {}
        for name, ref in self.parts:
            if (part := ref()) is not None:
                alive.setdefault(name, []).append(type(part).__name__)
        assert alive == {}
        return True


async def test_no_closed_overlay_keeps_anything_alive(tmp_path: Path) -> None:
    """The comparison first (from the library), then the planner's own overlays."""
    team = alfa_and_beta(tmp_path)
    app = PlannerApp(storage.open_for_editing(BUNDLED), locations.load_settings([str(team)]))
    kept = Kept()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await opened(pilot, LibraryScreen, "the library opening")
        await shown(pilot, "beta")
        await compare_in_library(pilot, "alfa", "beta")
        await kept.open_and_close(pilot, "comparison", ComparisonScreen)
        await pilot.press("c")
        await kept.open_and_close(pilot, "comparison", ComparisonScreen)
        await pilot.press("escape")
        await until(pilot, lambda: len(app.screen_stack) == 1, "the library closing")
        for name, key, kind in PLANNER_OVERLAYS:
            for _ in range(TIMES):
                await pilot.press(key)
                await kept.open_and_close(pilot, name, kind)
        await until(pilot, kept.none_alive, "the closed overlays let go")


async def test_a_large_file_opened_from_the_library_freezes_nothing_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file's objects are frozen once it is read (``PlannerApp._read``): what was
    garbage then was frozen with it, for good. The library it was opened from was, and
    the scenario given up for it, held by the finished worker that had looked for other
    editors (``_arrive``), in a reference cycle: some 50 MB a time at 20.000 gebieden.

    The library is removed late, as on a loaded machine: the collection before the
    freeze must wait for it (a full test run once froze it)."""
    monkeypatch.setattr(storage, "STREAM_FROM_BYTES", 0)  # every file opens as a large one
    remove_closed_screens_late(monkeypatch)
    team = tmp_path / "team"
    team.mkdir()
    made = dumps(make(12))  # two files: opening the open one again opens nothing
    (team / "groot.toml").write_bytes(made)
    (team / "groot-2.toml").write_bytes(made.replace(b"Synthetisch", b"Tweede", 1))
    app = PlannerApp(storage.open_for_editing(BUNDLED), locations.load_settings([str(team)]))
    left: list[weakref.ref[object]] = []
    async with app.run_test(size=SIZE) as pilot:
        for name in ("Synthetisch", "Tweede"):
            left.append(weakref.ref(planner(pilot).session))
            await pilot.press("l")
            left.append(weakref.ref(await opened(pilot, LibraryScreen, "the library opening")))
            await shown(pilot, name)
            await go_to_row(pilot, name)
            await pilot.press("enter")
            await until(pilot, lambda: len(app.screen_stack) == 1, "the library closing")
            await until(pilot, lambda: not app.reading, "the whole file read")
        gc.collect()
        assert [ref() for ref in left] == [None] * len(left)


def test_a_task_of_the_executor_leaves_nothing_in_its_thread() -> None:
    """Textual sets its ``active_worker`` in the executor's thread; the next task there
    must not find it (nor keep the worker and its screen alive)."""
    variable = contextvars.ContextVar[str]("variable")
    with TaskContextExecutor(max_workers=1) as executor:
        executor.submit(variable.set, "a worker").result()
        assert executor.submit(variable.get, "nothing").result() == "nothing"


def test_the_textual_internals_closed_screens_relies_on_are_still_there() -> None:
    """Fails on a Textual upgrade that changes the caches or the executor worked around."""
    for cache in (StylesCache.get_inner_outer, DataTable._get_styles_to_render_cell):
        assert callable(cache.cache_clear), cache
    assert "run_in_executor(None," in inspect.getsource(Worker._run_threaded)
