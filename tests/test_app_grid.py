"""The table and its edit line, driven by keys and the mouse, read back from the screen."""

from __future__ import annotations

from pathlib import Path

from make_scenario import make  # benchmarks/ is on pytest's pythonpath
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.ui.actions import key_hints
from gebiedsplanner.ui.screens.planner import PLANNER_ACTIONS
from gebiedsplanner.ui.widgets.budget_grid import BudgetGrid
from gebiedsplanner.ui.widgets.edit_line import EditLine
from tests.pilot_helpers import (
    burst,
    focused,
    resize,
    screen_text,
    shown,
    toasts,
    totals,
    until,
    wheel_down,
)
from tests.test_app import SIZE, line_shows, line_with, make_app, planner


def bottom_line(pilot: Pilot[None]) -> str:
    return screen_text(pilot).splitlines()[-1]


async def bottom_line_shows(pilot: Pilot[None], text: str) -> str:
    """Wait until the bottom line (key line or edit line) shows ``text``; return that line."""
    await until(pilot, lambda: text in bottom_line(pilot), f"the bottom line showing {text!r}")
    return bottom_line(pilot)


async def test_the_edit_line_takes_the_footers_place_and_gives_it_back() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert "⏎ Wijzig" in bottom_line(pilot)
        await pilot.press("enter")
        await bottom_line_shows(pilot, "Centrum · couleur locale")
        assert "⏎ Toepassen  Tab Toelichting" in bottom_line(pilot)
        lines_before = screen_text(pilot).splitlines()[:-1]
        await pilot.press(*"+5")
        await bottom_line_shows(pilot, "111.000 → 111.005 (+5)")
        assert screen_text(pilot).splitlines()[:-1] == lines_before  # typing moves nothing else
        await pilot.press("escape")
        await bottom_line_shows(pilot, "⏎ Wijzig")
        assert line_with(pilot, "Centrum")[1] == "111.000"
        assert planner(pilot).document.scenario.log == []


async def test_keys_typed_in_the_edit_line_are_text_not_commands() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"m]kq")  # move, next year, thousands, quit: all just text
        await bottom_line_shows(pilot, "m]kq")
        assert "2016 (1/4)" in screen_text(pilot)
        assert len(app.screen_stack) == 1  # no dialog opened
        await pilot.press("ctrl+z", *"x")  # undo waits too: nothing to undo is not even said
        await bottom_line_shows(pilot, "m]kqx")  # the key after ctrl+z has been taken
        assert "Niets" not in toasts(pilot)
        await pilot.press("escape", "ctrl+z")  # outside the edit line it is said, once
        await shown(pilot, "Niets om ongedaan te maken")
        assert toasts(pilot).count("Niets") == 1


async def test_a_toelichting_goes_with_the_edit() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1.000", "tab")
        await bottom_line_shows(pilot, "Toelichting")
        await pilot.press(*"buurtfeest", "enter")
        await line_shows(pilot, "Centrum", 1, "112.000")
        (entry,) = planner(pilot).document.scenario.log
        assert entry.reason == "buurtfeest"


async def test_tab_back_to_the_amount_and_enter_with_nothing_typed_explains() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "tab", "tab", "enter")
        await shown(pilot, "Typ een bedrag")
        assert "Typ een bedrag" in toasts(pilot)
        await pilot.press(*"=110.000", "enter")
        await line_shows(pilot, "Centrum", 1, "110.000")


async def test_clicking_the_table_while_editing_ends_the_edit_without_changes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+9")
        await bottom_line_shows(pilot, "111.000 → 111.009 (+9)")
        await pilot.click(BudgetGrid, offset=(30, 5))  # Feijenoord (line 5: two header lines)
        await bottom_line_shows(pilot, "⏎ Wijzig")
        assert not app.screen.query_one(EditLine).display
        assert planner(pilot).document.scenario.log == []
        grid = app.screen.query_one(BudgetGrid)
        assert (grid.cursor_row, grid.cursor_column) == (3, 0)


async def test_the_tables_focus_arriving_late_leaves_the_next_edit_line_open() -> None:
    """Enter gives the focus back to the table; the message saying so reaches the screen
    in its own time. Keys typed fast (or while a save holds the interpreter) open the
    next edit line first: that late message must not close it and drop what is typed
    there, so that the keys after it edit the gebied below (found with kill -9 rounds:
    38 amounts each one gebied off)."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"=111.111")
        await bottom_line_shows(pilot, "→ 111.111")
        grid = app.screen.query_one(BudgetGrid)
        app.screen.post_message(events.DescendantFocus(grid))  # from the edit before
        await pilot.pause()
        assert app.screen.query_one(EditLine).display
        await pilot.press("enter")
        await line_shows(pilot, "Centrum", 1, "111.111")


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
        await until(pilot, lambda: line_with(pilot, "Wijk 00016"), "row 16 on screen")
        assert grid.cursor_row == 16
        assert line_with(pilot, "Wijk 00016")  # the cursor row is on screen
        await pilot.press("pagedown")
        await until(pilot, lambda: line_with(pilot, "Wijk 00032"), "row 32 on screen")
        assert grid.cursor_row == 32
        assert line_with(pilot, "Totaal")  # pinned below, wherever the cursor is
        await pilot.press("end")
        await until(pilot, lambda: line_with(pilot, "Stedelijk: vraagwijzer"), "the last post")
        assert grid.cursor_row == 501  # the last stedelijk post
        assert line_with(pilot, "Totaal")
        await pilot.press("home")
        await until(pilot, lambda: line_with(pilot, "Wijk 00000"), "the first row")
        await wheel_down(pilot, BudgetGrid, offset=(10, 5))
        await shown(pilot, "Wijk 00000", present=False)
        assert line_with(pilot, "Wijk 00003")
        assert "┃" in screen_text(pilot)  # the position mark
        await pilot.press("down")  # the cursor (row 0) comes back into view with its row
        await until(pilot, lambda: line_with(pilot, "Wijk 00001"), "row 1 on screen")


async def test_an_edit_far_down_a_national_scenario(tmp_path: Path) -> None:
    path = tmp_path / "groot.toml"
    path.write_bytes(dumps(make(2_000)))
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        planned = totals(pilot)["Gepland"]
        total = line_with(pilot, "Totaal")[1]
        await pilot.press("pagedown", "pagedown", "enter", *"+1", "enter")
        expected = f"{10_000 + (32 * 37 + 2016) % 5_000 + 1:,}".replace(",", ".")
        await line_shows(pilot, "Wijk 00032", 2, expected)
        assert totals(pilot)["Gepland"] != planned
        assert line_with(pilot, "Totaal")[1] != total


async def test_keys_that_arrive_at_once_are_taken_in_order() -> None:
    """Over a slow link keys come in bursts: nothing typed may be lost or land elsewhere."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "down", "enter", *"+1000", "enter", "down", "enter", *"+5", "enter")
        await line_shows(pilot, "Delfshaven", 1, "249.005")
        assert line_with(pilot, "Charlois")[1] == "227.000"
        burst(pilot, "enter", *"-1", "tab", *"waarom", "enter", "right", "enter", "escape", "j")
        await shown(pilot, "2017 (2/4)")  # j, the last key, was a key: Escape closed the edit line
        await pilot.press("J")
        await shown(pilot, "2016 (1/4)")
        assert line_with(pilot, "Delfshaven")[1] == "249.004"
        assert planner(pilot).document.scenario.log[-1].reason == "waarom"
        assert app.screen.query_one(BudgetGrid).cursor_column == 1
        assert "Wijzig" in bottom_line(pilot)  # Escape closed the last edit line


async def test_backspace_typed_at_once_in_the_edit_line_goes_before_enter() -> None:
    """Backspace acts where it was typed: +1005, Backspace saves +100, not +1005."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "enter", *"+1005", "backspace", "enter", "j")
        await shown(pilot, "2017 (2/4)")  # j, typed after Enter, went to the planner
        await pilot.press("J")
        await line_shows(pilot, "Centrum", 1, "111.100")
        log = planner(pilot).document.scenario.log
        assert [change[1:] for entry in log for change in entry.changes] == [(111_000, 111_100)]


async def test_left_arrows_typed_at_once_in_the_edit_line_move_the_cursor_in_turn() -> None:
    """1000 Left Left 5: the 5 goes between the zeros, as a slow typist would see it."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "enter", *"1000", "left", "left", "5", "enter")
        await line_shows(pilot, "Centrum", 1, "10.500")
        log = planner(pilot).document.scenario.log
        assert [change[1:] for entry in log for change in entry.changes] == [(111_000, 10_500)]


async def test_an_amount_typed_right_after_m_lands_in_the_move_dialog() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "m", *"50000")

        def amounts() -> list[str]:
            return [field.value for field in app.screen.query("#amount").results(Input)]

        await until(pilot, lambda: amounts() == ["50000"], "50000 in the move dialog's amount")
        await pilot.press("tab")
        await focused(pilot, "#reason")
        await pilot.press(*"reden", "enter")
        await line_shows(pilot, "Centrum", 1, "61.000")
        assert line_with(pilot, "Centrum")[1:3] == ["61.000", "2.260.000"]


async def test_at_60x20_the_totals_show_room_and_the_over_envelope_sign_first() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("right_square_bracket")  # 2017: 250.000 over the envelope
        await shown(pilot, "▲ BOVEN")
        lines = screen_text(pilot).splitlines()
        assert lines[-3].split() == [
            "Ruimte", "-250.000!", "▲", "BOVEN", "Env.", "57.931.000", "Gepl.", "58.181.000",
        ]  # fmt: skip
        assert lines[-2].split() == [
            "Taak", "-5.000.000", "verd.", "-4.750.000", "open", "-250.000!", "Bel.", "2",
        ]  # fmt: skip


async def test_the_totals_switch_to_short_captions_and_back_when_the_terminal_is_resized() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot, "binnen envelope")
        await resize(pilot, 60, 20)
        await until(pilot, lambda: "Env. 62.327.000" in screen_text(pilot), "short captions")
        await pilot.press("right_square_bracket")
        await shown(pilot, "▲ BOVEN Env.")
        await resize(pilot, 100, 30)
        await until(pilot, lambda: totals(pilot)["status"] == "▲ BOVEN ENVELOPE", "whole words")
        assert totals(pilot)["Beleid"] == "2"


async def test_a_policy_count_of_five_digits_is_shown_whole_at_80_and_60_columns() -> None:
    from textual.app import App, ComposeResult

    from gebiedsplanner.core.table_view import TotalsText
    from gebiedsplanner.ui.widgets.totals_bar import TotalsBar

    class Bar(App[None]):
        def compose(self) -> ComposeResult:
            yield TotalsBar()

    figures = TotalsText(
        envelope="57.931.000", planned="58.181.000", room="-250.000!", over=True,
        status="▲ BOVEN ENVELOPE", status_short="▲ BOVEN", imposed="-5.000.000",
        distributed="-4.750.000", open="-250.000!", policy="Beleid: 20000",
        policy_short="Bel. 20000", broken=True,
    )  # fmt: skip
    async with Bar().run_test(size=(80, 24)) as pilot:
        pilot.app.query_one(TotalsBar).show(figures)
        await until(pilot, lambda: totals(pilot).get("Beleid") == "20000", "the count whole")
        await resize(pilot, 60, 20)
        await shown(pilot, "open  -250.000! Bel. 20000")


async def test_at_60_columns_no_amount_is_shown_cut_off() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await shown(pilot, "Totaal")
        for line in screen_text(pilot).splitlines()[3:-4]:  # the rows and the totals row
            words = line.replace("!", " ").replace("┃", " ").replace("│", " ").split()
            amounts = [word for word in words if word[-1].isdigit()]
            assert all(len(word) >= 5 or word == "0" for word in amounts), line
        assert line_with(pilot, "Totaal")[1:] == ["2.100.000", "41.727.000", "-1.000.000"]
        pilot.app.query_one(BudgetGrid).scroll_to(x=100, animate=False)  # as a scroll would
        await shown(pilot, "-1.000.000 62.327.000")  # the totals row's net, whole


def words(pilot: Pilot[None], start: str) -> list[str]:
    """The words of the line starting with ``start``, without the position mark."""
    return [word for word in line_with(pilot, start) if word not in ("┃", "│")]


async def test_at_60x20_the_gebied_names_stay_whole_while_the_amounts_scroll() -> None:
    """Issue 26: scrolled to netto, a row read ``erg-Schiebroek``; ← back to the first
    column kept the table scrolled, and ``a`` then opened the years without names."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await shown(pilot, "Totaal")
        await pilot.press("right", "right", "right")  # to netto
        await until(pilot, lambda: "Netto" in screen_text(pilot).splitlines()[1], "netto")
        assert words(pilot, "Hillegersberg-Schiebroek")[-2:] == ["2.888.000", "4,9%"]
        assert words(pilot, "Centrum")[-2:] == ["2.268.000", "4,9%"]
        await pilot.press("left", "left", "left")  # back to couleur locale
        await until(pilot, lambda: "Couleur" in screen_text(pilot).splitlines()[1], "couleur")
        assert words(pilot, "Centrum")[1] == "111.000"
        await pilot.press("right", "right", "right", "a")  # all years, scrolled before
        await shown(pilot, "alle jaren")
        await until(pilot, lambda: words(pilot, "Centrum")[1] == "111.000", "2016 in view")
        assert words(pilot, "Gebied")[1] == "2016"
        await pilot.press("right", "right", "right")  # to 2019
        await until(pilot, lambda: words(pilot, "Gebied")[-1] == "2019", "2019 in view")
        assert words(pilot, "Centrum")[-1] == "148.000"
        assert screen_text(pilot).splitlines()[2].startswith("couleur locale")
        await pilot.press("left", "left", "left")
        await until(pilot, lambda: words(pilot, "Gebied")[1] == "2016", "2016 again")


async def test_totals_near_a_trillion_are_shown_whole_or_not_at_all() -> None:
    """A figure that does not fit on its line is left out with its caption, never cut."""
    from textual.app import App, ComposeResult

    from gebiedsplanner.core.table_view import TotalsText
    from gebiedsplanner.ui.widgets.totals_bar import TotalsBar

    class Bar(App[None]):
        def compose(self) -> ComposeResult:
            yield TotalsBar()

    figures = TotalsText(
        envelope="999.999.999.999", planned="1.000.000.999.999", room="-1.000.000.000!",
        over=True, status="▲ BOVEN ENVELOPE", status_short="▲ BOVEN",
        imposed="-999.999.999.999", distributed="-999.999.999.999", open="0",
        policy="Beleid: 6", policy_short="Bel. 6", broken=True,
    )  # fmt: skip
    whole = {figures.envelope, figures.planned, figures.room, figures.imposed, figures.open}
    async with Bar().run_test(size=(80, 24)) as pilot:
        pilot.app.query_one(TotalsBar).show(figures)
        def refitted() -> bool:
            """The bar has taken the new width: the room shows, every figure whole. A
            frame drawn at the new size before the bar's own resize is handled may
            still hold the figures as they fitted the old width."""
            lines = screen_text(pilot).splitlines()[:2]
            amounts = {word for line in lines for word in line.split() if word[-1:].isdigit()}
            return "Ruimte -1.000.000.000!" in lines[0] and amounts <= whole | {"6"}

        for size in ((80, 24), (60, 20), (100, 30), (80, 24)):
            await resize(pilot, *size)
            await until(pilot, refitted, f"the bar fitted to {size}")
            lines = screen_text(pilot).splitlines()[:2]
            amounts = [word for line in lines for word in line.split() if word[-1:].isdigit()]
            assert set(amounts) <= whole | {"6"}, (size, lines)
            for line in lines:  # no caption without its figure after it
                assert line.split()[-1][-1:].isdigit() or line.endswith(("ENVELOPE", "6")), lines
        assert "Gepland" not in screen_text(pilot) and "BOVEN ENVELOPE" in screen_text(pilot)
        await resize(pilot, 120, 30)
        await shown(pilot, "Gepland 1.000.000.999.999")
