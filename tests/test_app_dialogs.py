"""Keys typed ahead inside dialogs are taken in order, as in the table and the edit line.

Every test sends its keys in one burst (as a slow SSH link delivers them: none waits
for the one before) and then checks that the outcome is the one a slow typist gets:
the file, the change log and the screen. Each also checks that something did happen,
so a dialog that refused every key would fail.

The keys go through ``burst``, not ``pilot.press``: Pilot waits until the app looks idle
after each key, and then every one of these passes on code that loses keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select

from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import storage
from gebiedsplanner.ui.screens.move_dialog import MoveDialog
from gebiedsplanner.ui.screens.planner import PlannerScreen
from gebiedsplanner.ui.screens.tools_dialog import ToolsScreen
from tests.pilot_helpers import burst, focused, opened, quiet, shown, until
from tests.test_app import SIZE, both_change_centrum, line_shows, make_app, planner

CENTRUM_2016 = Cell("Centrum", "couleur_locale", 2016)


async def test_move_dialog_amount_tab_reason_enter_at_once() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "m", *"50000", "tab", *"reden", "enter")
        await line_shows(pilot, "Centrum", 1, "61.000")
        scenario = planner(pilot).document.scenario
        assert scenario.amount(CENTRUM_2016) == 61_000
        assert scenario.log[-1].reason == "reden"
        assert len(scenario.log) == 1


async def test_move_dialog_backspace_typed_at_once_goes_before_tab() -> None:
    """50000 Backspace Tab: 5.000 moves, not 50.000 (Backspace overtaken by Tab and reden)."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "m", *"50000", "backspace", "tab", *"reden", "enter")
        await line_shows(pilot, "Centrum", 1, "106.000")
        scenario = planner(pilot).document.scenario
        assert scenario.amount(CENTRUM_2016) == 106_000
        assert scenario.log[-1].reason == "reden"
        assert len(scenario.log) == 1


async def test_editing_keys_typed_at_once_in_a_dialog_act_in_turn() -> None:
    """ctrl+u, ctrl+w, Home and Delete act where they were typed, before the keys after them."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        keys = [*"99", "ctrl+u", *"12 34", "ctrl+w", "home", "delete", *"50", "enter"]
        burst(pilot, "m", *keys)  # 99 cleared; "12 " less the 1, with 50 before it: 502
        await line_shows(pilot, "Centrum", 1, "110.498")
        assert planner(pilot).document.scenario.amount(CENTRUM_2016) == 110_498


async def test_move_dialog_shift_tab_goes_back_to_the_amount() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        # The amount is selected when it gets the focus back: 50000 replaces the 7.
        burst(pilot, "m", *"7", "tab", *"reden", "shift+tab", *"50000", "enter")
        await line_shows(pilot, "Centrum", 1, "61.000")
        assert planner(pilot).document.scenario.log[-1].reason == "reden"


async def test_a_key_right_after_enter_in_the_move_dialog_reaches_the_planner() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "m", *"5000", "enter", "j")
        await shown(pilot, "2017 (2/4)")  # j, typed after Enter, went to the planner
        assert planner(pilot).document.scenario.amount(CENTRUM_2016) == 106_000


async def test_undo_right_after_a_move_undoes_the_move() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "m", *"5000", "enter", "ctrl+z")
        await until(pilot, lambda: len(planner(pilot).document.scenario.log) == 2, "two entries")
        scenario = planner(pilot).document.scenario
        assert [entry.action for entry in scenario.log] == ["move", "undo"]
        assert scenario.amount(CENTRUM_2016) == 111_000


async def test_a_list_in_a_dialog_keeps_enter_and_escape() -> None:
    """An open list: Escape closes the list only, Enter picks; then Enter moves."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m", *"1000", "shift+tab")
        await focused(pilot, "#to-post")
        await pilot.press("space")
        await focused(pilot, "#to-post OptionList")
        await pilot.press("escape")
        await focused(pilot, "#to-post")
        assert isinstance(app.screen, MoveDialog)
        await pilot.press("space")
        await focused(pilot, "#to-post OptionList")
        await pilot.press("up", "enter")  # gebiedsopdracht -> couleur locale: the same cell
        to_post = app.screen.query_one("#to-post", Select)
        await until(pilot, lambda: to_post.value == "couleur_locale", "couleur locale chosen")
        await shown(pilot, "Van en naar zijn dezelfde post")
        assert isinstance(app.screen, MoveDialog)
        await pilot.press("space")
        await focused(pilot, "#to-post OptionList")
        await pilot.press("down", "enter")
        await until(pilot, lambda: to_post.value == "gebiedsopdracht", "gebiedsopdracht again")
        await pilot.press("enter")  # from the list's field: Enter moves
        await line_shows(pilot, "Centrum", 1, "110.000")


async def test_escape_in_the_move_dialog_then_a_key_for_the_planner() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "m", *"5000", "escape", "j")
        await shown(pilot, "2017 (2/4)")
        assert isinstance(app.screen, PlannerScreen)
        assert planner(pilot).document.scenario.log == []


async def test_save_as_name_enter_and_the_next_key(isolated_user_dirs: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "S", *"Mijn plan", "enter", "j")  # the name replaces the suggestion
        await shown(pilot, "Opgeslagen in")
        await shown(pilot, "2017 (2/4)")
    library = isolated_user_dirs / "data" / "gebiedsplanner" / "scenarios"
    assert storage.load(library / "mijn-plan.toml").scenario.name == "Mijn plan"


async def test_export_enter_and_the_next_key(tmp_path: Path) -> None:
    app = make_app()
    with pytest.MonkeyPatch.context() as patched:
        patched.chdir(tmp_path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            burst(pilot, "e", "enter", "j")
            await shown(pilot, "180 rijen geëxporteerd")
            await shown(pilot, "2017 (2/4)")
    assert (tmp_path / "nrw-basis-2016-2019.csv").read_bytes().startswith(b"\xef\xbb\xbfscenario")


async def test_the_quit_question_escape_and_the_next_key() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter")
        await line_shows(pilot, "Centrum", 1, "111.005")
        burst(pilot, "q", "escape", "j")
        await shown(pilot, "2017 (2/4)")
        assert app.is_running
        assert isinstance(app.screen, PlannerScreen)


@pytest.mark.parametrize("key", ["h", "b", "question_mark"])
async def test_a_panel_closes_and_the_next_key_reaches_the_planner(key: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, key, "escape", "j")
        await shown(pilot, "2017 (2/4)")
        assert isinstance(app.screen, PlannerScreen)


async def test_history_scope_key_then_close_then_the_planner() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter")
        await line_shows(pilot, "Centrum", 1, "111.005")
        burst(pilot, "down", "h", "a", "q", "j")
        await shown(pilot, "2017 (2/4)")
        assert isinstance(app.screen, PlannerScreen)


async def test_tools_tabs_and_a_floor_typed_at_once(scenario_file: Path) -> None:
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        keys = ("tab", "tab", "tab", *"1.000.000", "tab", "tab", "tab", *"pernis")
        burst(pilot, "right_square_bracket", "g", *keys)  # 2017: a taakstelling to spread
        screen = await opened(pilot, ToolsScreen, "the tools")
        await until(
            pilot,
            lambda: screen.query_one("#holds", Input).value == "pernis",
            "pernis in Vast",
        )
        assert screen.query_one("#floor", Input).value == "1.000.000"
        await shown(pilot, "2017 naar begroting, vast: Pernis, bodem 1.000.000")
        burst(pilot, "enter", "j")
        await shown(pilot, "2018 (3/4)")
        assert isinstance(pilot.app.screen, PlannerScreen)
        [step] = planner(pilot).document.scenario.log
        assert (
            step.reason
            == "verdeling taakstelling 2017 naar begroting, vast: Pernis, bodem 1.000.000"
        )


async def test_a_conflict_choice_and_the_next_key(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await both_change_centrum(pilot, scenario_file)
        await pilot.press("ctrl+s")
        await shown(pilot, "dezelfde cellen")
        burst(pilot, "space", "s", "j")  # the colleague's amount, save, next year
        await shown(pilot, "Samengevoegd")
        await shown(pilot, "2017 (2/4)")
        await quiet(pilot)
    assert storage.load(scenario_file).scenario.amount(CENTRUM_2016) == 112_000


async def test_an_arrow_typed_before_space_in_the_conflicts_picks_the_row(
    scenario_file: Path,
) -> None:
    """Two conflicting cells: ↓ space keeps the colleague's amount for the second one only."""
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await both_change_centrum(pilot, scenario_file)  # couleur locale: ours 150.000
        await pilot.press("right", "enter", *"=2.000.000", "enter")  # gebiedsopdracht too
        await line_shows(pilot, "Centrum", 2, "2.000.000")
        await pilot.press("ctrl+s")
        await shown(pilot, "dezelfde cellen")
        burst(pilot, "down", "space", "s")
        await shown(pilot, "Samengevoegd")
        await quiet(pilot)
    scenario = storage.load(scenario_file).scenario
    assert scenario.amount(CENTRUM_2016) == 150_000
    assert scenario.amount(Cell("Centrum", "gebiedsopdracht", 2016)) == 2_209_000
