"""Finding a gebied in the planner: ``/`` searches as one types, ``n`` and ``N`` go on,
``:`` and ctrl+g go to a name; read back from what the screen shows."""

from __future__ import annotations

from pathlib import Path

from make_scenario import make  # benchmarks/ is on pytest's pythonpath
from textual.pilot import Pilot

from gebiedsplanner.core.rights import Rights
from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import language
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.widgets.budget_grid import BudgetGrid
from tests.conftest import BUNDLED
from tests.pilot_helpers import burst, fill_in, screen_text, shown, toasts, until
from tests.pty_terminal import ENTER, PtyApp
from tests.test_app import SIZE, line_with, make_app
from tests.test_app_grid import bottom_line_shows
from tests.test_terminal import needs_pty, start, terminals

__all__ = ["terminals"]  # a fixture, used by name


def under_cursor(pilot: Pilot[None]) -> str:
    """The gebied of the cursor's row, once that row is on screen (as a person sees it)."""
    grid = pilot.app.screen_stack[0].query_one(BudgetGrid)
    name = grid.view.gebied_at(grid.cursor_row) or ""
    line_with(pilot, name)  # fails while the row is not on screen
    return name


async def cursor_on(pilot: Pilot[None], name: str) -> None:
    await until(pilot, lambda: under_cursor(pilot) == name, f"the cursor on {name}")


def cursor(pilot: Pilot[None]) -> tuple[int, int]:
    grid = pilot.app.screen_stack[0].query_one(BudgetGrid)
    return grid.cursor_row, grid.cursor_column


async def test_slash_moves_the_cursor_as_one_types_and_enter_keeps_it() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        lines_before = screen_text(pilot).splitlines()[:-1]
        await pilot.press("slash")
        await bottom_line_shows(pilot, "Zoek gebied:")
        # h is anywhere in a name; each key narrows the matches and moves the cursor on
        for key, found in (("h", "Charlois (1/6)"), ("o", "Hoek van Holland (1/2)"), ("o", "")):
            await pilot.press(key)
            found = found or "Hoogvliet (1/1)"
            await bottom_line_shows(pilot, found)
            await cursor_on(pilot, found.rpartition(" (")[0])
        assert screen_text(pilot).splitlines()[:2] == lines_before[:2]  # the title stays
        await pilot.press("enter")
        await bottom_line_shows(pilot, "? Help")  # the key line is back
        assert under_cursor(pilot) == "Hoogvliet"
        await pilot.press("enter")  # and the cursor is where edits go
        await bottom_line_shows(pilot, "Hoogvliet · couleur locale")


async def test_case_and_accents_do_not_count(tmp_path: Path) -> None:
    accented = tmp_path / "accent.toml"
    accented.write_text(BUNDLED.read_text().replace("gebied.Feijenoord", 'gebied."Féijenoord"'))
    app = make_app(accented)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("slash", *"FEIJ")
        await bottom_line_shows(pilot, "Féijenoord (1/1)")
        await cursor_on(pilot, "Féijenoord")
        await pilot.press("escape", "colon", *"feijenoord", "enter")
        await cursor_on(pilot, "Féijenoord")


async def test_escape_puts_the_cursor_back_where_it_was() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("down", "down", "right")
        await until(pilot, lambda: cursor(pilot) == (2, 1), "the cursor on Delfshaven")
        await pilot.press("slash", *"pern")
        await cursor_on(pilot, "Pernis")
        await pilot.press("escape")
        await bottom_line_shows(pilot, "? Help")
        await until(pilot, lambda: cursor(pilot) == (2, 1), "the cursor back on Delfshaven")


async def test_n_and_shift_n_go_round_the_end_and_say_so() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("n")
        await shown(pilot, "Nog niets gezocht: / zoekt een gebied op naam")
        await pilot.press("slash", *"oo")
        await bottom_line_shows(pilot, "Feijenoord (1/4)")
        await pilot.press("enter")
        await bottom_line_shows(pilot, "? Help")
        for name in ("Hoogvliet", "Kralingen-Crooswijk", "Noord"):
            await pilot.press("n")
            await cursor_on(pilot, name)
        assert "voorbij" not in toasts(pilot)
        await pilot.press("n")
        await cursor_on(pilot, "Feijenoord")
        await shown(pilot, "Onderaan voorbij: verder bovenaan")
        app.clear_notifications()
        await pilot.press("N")
        await cursor_on(pilot, "Noord")
        await shown(pilot, "Bovenaan voorbij: verder onderaan")
        await pilot.press("N")
        await cursor_on(pilot, "Kralingen-Crooswijk")


async def test_the_search_follows_the_order_the_table_shows() -> None:
    """A table sorted otherwise (here: by name, Z to A) is searched in its own order: the
    next match is the next row down, not the next in the file."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("A", "A")
        await until(
            pilot, lambda: screen_text(pilot).splitlines()[3].startswith("Rozenburg"), "Z to A"
        )
        await pilot.press("slash", *"oo")
        await cursor_on(pilot, "Noord")
        await bottom_line_shows(pilot, "Noord (1/4)")
        await pilot.press("enter", "n")
        await cursor_on(pilot, "Kralingen-Crooswijk")
        await pilot.press("colon", *"centrum", "enter")
        await cursor_on(pilot, "Centrum")
        await until(pilot, lambda: cursor(pilot)[0] == 13, "Centrum in the last gebied row")


async def test_no_match_is_said_with_the_text_as_typed() -> None:
    language.use("en")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("down", "slash", *"[bold]zz")
        await bottom_line_shows(pilot, "No gebied matches '[bold]zz'")
        assert cursor(pilot) == (1, 0)  # the cursor stays where the search began
        await pilot.press("enter")
        await bottom_line_shows(pilot, "? Help")
        await until(pilot, lambda: "No gebied matches '[bold]zz'" in toasts(pilot), "a warning")
        await pilot.press("n")  # the last search is still that
        assert cursor(pilot) == (1, 0)


async def test_colon_goes_to_a_gebied_by_name_as_completed() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("colon")
        await bottom_line_shows(pilot, "Ga naar gebied:")
        await pilot.press(*"pernis", "enter")
        await cursor_on(pilot, "Pernis")
        await bottom_line_shows(pilot, "? Help")
        await pilot.press("ctrl+g", *"hoek")
        await bottom_line_shows(pilot, "hoek van Holland")  # completed as typed
        await bottom_line_shows(pilot, "Enter: naar Hoek van Holland")
        await pilot.press("enter")
        await cursor_on(pilot, "Hoek van Holland")
        await pilot.press("ctrl+g", *"schie")
        await bottom_line_shows(pilot, "2 namen met 'schie': Hillegersberg-Schiebroe")
        await pilot.press("enter")  # which of the two? it stays to be typed on
        await bottom_line_shows(pilot, "Ga naar gebied:")
        await pilot.press("escape")
        await bottom_line_shows(pilot, "? Help")
        assert under_cursor(pilot) == "Hoek van Holland"


async def test_an_unknown_name_is_answered_with_the_nearest() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("colon", *"Nord", "enter")
        await bottom_line_shows(pilot, "Geen gebied 'Nord'. Bedoelt u: Noord?")
        await until(pilot, lambda: "Bedoelt u: Noord?" in toasts(pilot), "the warning")
        assert cursor(pilot) == (0, 0)
        await pilot.press("backspace", "backspace", *"ord", "enter")  # corrected: Noord
        await cursor_on(pilot, "Noord")


async def test_a_read_only_session_can_search_and_go_to(scenario_file: Path) -> None:
    settings = locations.load_settings()._replace(rights=Rights(read_only=True))
    app = PlannerApp(storage.open_for_editing(scenario_file), settings)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "alleen lezen")
        await pilot.press("slash", *"rozen", "enter")
        await cursor_on(pilot, "Rozenburg")
        await pilot.press("colon", *"overschie", "enter")
        await cursor_on(pilot, "Overschie")
        assert "alleen lezen" not in toasts(pilot)


async def test_keys_typed_at_once_land_in_the_search() -> None:
    """Over a slow link ``/ pern Enter n`` arrives at once: the letters are the search,
    Enter ends it, and n goes on (round the end: Pernis is the only match)."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "slash", *"pern", "enter", "n")
        await shown(pilot, "Onderaan voorbij: verder bovenaan")
        await cursor_on(pilot, "Pernis")
        await bottom_line_shows(pilot, "? Help")
        burst(pilot, "colon", *"noord", "enter", "j")  # j after it: the next year
        await shown(pilot, "2017 (2/4)")
        await cursor_on(pilot, "Noord")


def national(folder: Path) -> Path:
    """A scenario of 20.000 gebieden, named ``Wijk 00000`` to ``Wijk 19999``."""
    path = folder / "landelijk.toml"
    path.write_bytes(dumps(make(20_000)))
    return path


async def test_a_search_lands_among_20000_gebieden(tmp_path: Path) -> None:
    async with make_app(national(tmp_path)).run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "Wijk 00000")
        await pilot.press("slash", *"1999")
        await bottom_line_shows(pilot, "Wijk 01999 (1/12)")
        await cursor_on(pilot, "Wijk 01999")
        await pilot.press("enter", "N")
        await shown(pilot, "Bovenaan voorbij: verder onderaan")
        await cursor_on(pilot, "Wijk 19999")
        await pilot.press("n")
        await shown(pilot, "Onderaan voorbij: verder bovenaan")
        await cursor_on(pilot, "Wijk 01999")
        await pilot.press("colon", *"wijk 12345", "enter")
        await cursor_on(pilot, "Wijk 12345")
        await pilot.press("colon", *"wiijk 12345", "enter")  # nearest looked for in a worker
        await bottom_line_shows(pilot, "Geen gebied 'wiijk 12345'.")
        await until(pilot, lambda: "Bedoelt u: Wijk 12345" in toasts(pilot), "the nearest")


async def test_a_long_name_and_a_pasted_page_are_quoted_short(tmp_path: Path) -> None:
    """A 5.000-character gebied name and a page pasted into the search: the line shows
    which match it is, and the warning stays a line, not a screenful."""
    hostile = tmp_path / "lang.toml"
    long_name = "Lang" * 1250
    hostile.write_text(BUNDLED.read_text().replace("gebied.Pernis", f'gebied."{long_name}"'))
    app = make_app(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("slash", *"glang")
        await bottom_line_shows(pilot, " " + "Lang" * 9 + "Lan… (1/1)")
        await fill_in(pilot, "#find-text", "x" * 5_000)
        await bottom_line_shows(pilot, "Geen gebied met 'xxx")
        await pilot.press("enter")
        await until(pilot, lambda: "Geen gebied met '" in toasts(pilot), "the warning")
        assert "Geen gebied met '" + "x" * 39 + "…'" in toasts(pilot)


@needs_pty
def test_the_keys_reach_the_planner_from_a_real_terminal(
    terminals: list[PtyApp], isolated_user_dirs: Path, scenario_file: Path
) -> None:
    """/, N, : and ctrl+g as a terminal sends them (``:`` is Textual's ``colon``, ctrl+g
    is the byte 7): nothing here is named by Pilot."""
    app = start(terminals, isolated_user_dirs, str(scenario_file))
    app.send(b"/pern")
    app.wait_for_screen_text("Pernis (1/1)")
    app.send(ENTER + b"N")
    app.wait_for_screen_text("Bovenaan voorbij: verder onderaan")
    app.send(b":noor")
    app.wait_for_screen_text("Enter: naar Noord")
    app.send(ENTER + b"\x07")
    app.wait_for_screen_text("Ga naar gebied:")
    app.send(b"Nord" + ENTER)
    app.wait_for_screen_text("Bedoelt u: Noord?")
