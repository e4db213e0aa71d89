"""The table and its edit line, driven by keys and the mouse, read back from the screen."""

from __future__ import annotations

from pathlib import Path

from make_scenario import make  # benchmarks/ is on pytest's pythonpath
from textual.pilot import Pilot
from textual.widgets import Input

from gebiedsplanner.files.scenario_format import dumps
from gebiedsplanner.ui.actions import key_hints
from gebiedsplanner.ui.screens.planner import PLANNER_ACTIONS
from gebiedsplanner.ui.widgets.budget_grid import BudgetGrid
from gebiedsplanner.ui.widgets.edit_line import EditLine
from tests.pilot_helpers import burst, screen_text, toasts, wheel_down
from tests.test_app import SIZE, line_with, make_app, planner


def bottom_line(pilot: Pilot[None]) -> str:
    return screen_text(pilot).splitlines()[-1]


async def test_the_edit_line_takes_the_footers_place_and_gives_it_back() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert "⏎ Wijzig" in bottom_line(pilot)
        await pilot.press("enter")
        assert "Centrum · couleur locale" in bottom_line(pilot)
        assert "Enter: toepassen" in bottom_line(pilot)
        lines_before = screen_text(pilot).splitlines()[:-1]
        await pilot.press(*"+5")
        assert "111.000 → 111.005 (+5)" in bottom_line(pilot)
        assert screen_text(pilot).splitlines()[:-1] == lines_before  # typing moves nothing else
        await pilot.press("escape")
        assert "⏎ Wijzig" in bottom_line(pilot)
        assert line_with(pilot, "Centrum")[1] == "111.000"
        assert planner(pilot).document.scenario.log == []


async def test_keys_typed_in_the_edit_line_are_text_not_commands() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"m]kq")  # move, next year, thousands, quit: all just text
        assert "m]kq" in bottom_line(pilot)
        assert "2016 (1/4)" in screen_text(pilot)
        assert len(app.screen_stack) == 1  # no dialog opened
        await pilot.press("ctrl+z")  # undo waits too: nothing to undo is not even said
        assert "Niets" not in toasts(pilot)
        await pilot.press("escape")


async def test_a_toelichting_goes_with_the_edit() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1.000", "tab")
        assert "Toelichting" in bottom_line(pilot)
        await pilot.press(*"buurtfeest", "enter")
        assert line_with(pilot, "Centrum")[1] == "112.000"
        (entry,) = planner(pilot).document.scenario.log
        assert entry.reason == "buurtfeest"


async def test_tab_back_to_the_amount_and_enter_with_nothing_typed_explains() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "tab", "tab", "enter")
        assert "Typ een bedrag" in toasts(pilot)
        await pilot.press(*"=110.000", "enter")
        assert line_with(pilot, "Centrum")[1] == "110.000"


async def test_clicking_the_table_while_editing_ends_the_edit_without_changes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+9")
        await pilot.click(BudgetGrid, offset=(30, 5))  # Feijenoord (line 5: two header lines)
        assert not app.screen.query_one(EditLine).display
        assert "⏎ Wijzig" in bottom_line(pilot)
        assert planner(pilot).document.scenario.log == []
        grid = app.screen.query_one(BudgetGrid)
        assert (grid.cursor_row, grid.cursor_column) == (3, 0)


async def test_the_key_hints_fit_80_columns() -> None:
    assert len(key_hints(PLANNER_ACTIONS)) <= 78
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert "? Help" in bottom_line(pilot)
        assert "…" not in bottom_line(pilot)


async def test_a_national_scenario_scrolls_by_keys_wheel_and_mark(tmp_path: Path) -> None:
    path = tmp_path / "groot.toml"
    path.write_bytes(dumps(make(500)))
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert line_with(pilot, "Wijk 00000")
        grid = app.screen.query_one(BudgetGrid)
        await pilot.press("pagedown")  # 17 rows between the header and the pinned totals
        assert grid.cursor_row == 16
        assert line_with(pilot, "Wijk 00016")  # the cursor row is on screen
        await pilot.press("pagedown")
        assert grid.cursor_row == 32
        assert line_with(pilot, "Wijk 00032")
        assert line_with(pilot, "Totaal")  # pinned below, wherever the cursor is
        await pilot.press("end")
        assert grid.cursor_row == 501  # the last stedelijk post
        assert line_with(pilot, "Stedelijk: vraagwijzer")
        assert line_with(pilot, "Totaal")
        await pilot.press("home")
        assert line_with(pilot, "Wijk 00000")
        await wheel_down(pilot, BudgetGrid, offset=(10, 5))
        assert "Wijk 00000" not in screen_text(pilot)
        assert line_with(pilot, "Wijk 00003")
        assert "┃" in screen_text(pilot)  # the position mark
        await pilot.press("down")  # the cursor (row 0) comes back into view with its row
        assert line_with(pilot, "Wijk 00001")


async def test_an_edit_far_down_a_national_scenario(tmp_path: Path) -> None:
    path = tmp_path / "groot.toml"
    path.write_bytes(dumps(make(2_000)))
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        planned = line_with(pilot, "Envelope")[3]
        total = line_with(pilot, "Totaal")[1]
        await pilot.press("pagedown", "pagedown", "enter", *"+1", "enter")
        row = line_with(pilot, "Wijk 00032")
        assert row[2] == f"{10_000 + (32 * 37 + 2016) % 5_000 + 1:,}".replace(",", ".")
        assert line_with(pilot, "Envelope")[3] != planned
        assert line_with(pilot, "Totaal")[1] != total


async def test_keys_that_arrive_at_once_are_taken_in_order() -> None:
    """Over a slow link keys come in bursts: nothing typed may be lost or land elsewhere."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await burst(pilot, "down", "enter", *"+1000", "enter", "down", "enter", *"+5", "enter")
        assert line_with(pilot, "Charlois")[1] == "227.000"
        assert line_with(pilot, "Delfshaven")[1] == "249.005"
        await burst(pilot, "enter", *"-1", "tab", *"waarom", "enter", "right", "enter", "escape")
        assert line_with(pilot, "Delfshaven")[1] == "249.004"
        assert planner(pilot).document.scenario.log[-1].reason == "waarom"
        assert app.screen.query_one(BudgetGrid).cursor_column == 1
        assert "Wijzig" in bottom_line(pilot)  # Escape closed the last edit line


async def test_an_amount_typed_right_after_m_lands_in_the_move_dialog() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await burst(pilot, "m", *"50000")
        assert app.screen.query_one("#amount", Input).value == "50000"
        await pilot.press("tab", *"reden", "enter")
        assert line_with(pilot, "Centrum")[1:3] == ["61.000", "2.260.000"]
