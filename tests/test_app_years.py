"""Every year at once (``a``) and sorting the table (``s``, ``A``, ``w``), by keys, read
back from the screen and from the file saved."""

from __future__ import annotations

from pathlib import Path

from make_scenario import make  # benchmarks/ is on pytest's pythonpath
from textual.pilot import Pilot

from gebiedsplanner.core.scenario import Cell, Gebied, Scenario
from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.ui.widgets.budget_grid import BudgetGrid
from tests.conftest import BUNDLED
from tests.pilot_helpers import screen_text, shown, until
from tests.test_app import SIZE, line_shows, line_with, make_app, planner
from tests.test_app_grid import bottom_line_shows

#: The bundled example's gebieden as the file has them.
FILE_ORDER = list(storage.load(BUNDLED).scenario.gebieden)


def names_on_screen(pilot: Pilot[None]) -> list[str]:
    """The gebieden in the order the table shows them."""
    lines = screen_text(pilot).splitlines()
    found = []
    for line in lines:
        name = next((gebied for gebied in FILE_ORDER if line.startswith(gebied + " ")), None)
        if name is not None:
            found.append(name)
    return found


async def all_years(pilot: Pilot[None]) -> None:
    await shown(pilot, "2016 (1/4)")
    await pilot.press("a")
    await shown(pilot, "alle jaren: couleur locale")
    # The years' totals, not the one-year bar still there for a frame (its Ruimte line
    # has as many words): their header line names the years.
    await until(pilot, lambda: line_with(pilot, "Jaar")[1:2] == ["2016"], "the totals per year")


async def test_a_shows_the_years_as_columns_and_the_totals_per_year() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await all_years(pilot)
        assert line_with(pilot, "Gebied") == ["Gebied", "2016", "2017", "2018", "2019"]
        assert line_with(pilot, "Charlois")[1:5] == ["226.000", "247.000", "280.000", "301.000"]
        totals = ["2.100.000", "2.300.000", "2.600.000", "2.800.000"]
        assert line_with(pilot, "Totaal")[1:5] == totals
        assert line_with(pilot, "Jaar")[1:] == ["2016", "2017", "2018", "2019"]
        assert line_with(pilot, "Gepland")[1:] == [
            "62.327.000",
            "58.181.000",
            "57.831.000",
            "57.831.000",
        ]
        assert line_with(pilot, "Envelope")[1:] == ["62.327.000"] + ["57.931.000"] * 3
        assert line_with(pilot, "Ruimte")[1:] == ["0", "-250.000", "▲", "100.000", "100.000"]
        await pilot.press("p")
        await shown(pilot, "alle jaren: gebiedsopdracht")
        assert line_with(pilot, "Charlois")[1] == "4.487.000"


async def test_an_edit_in_2018_changes_the_2018_totals_and_the_file_after_save(
    scenario_file: Path,
) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await all_years(pilot)
        await pilot.press("down", "right", "right", "enter")
        await bottom_line_shows(pilot, "2018 · Charlois · couleur")
        await pilot.press(*"+20.000", "enter")
        await line_shows(pilot, "Charlois", 3, "300.000")
        totals = ["2.100.000", "2.300.000", "2.620.000", "2.800.000"]
        assert line_with(pilot, "Totaal")[1:5] == totals
        assert line_with(pilot, "Gepland")[3:] == ["57.851.000", "57.831.000"]
        assert line_with(pilot, "Ruimte")[-2:] == ["80.000", "100.000"]
        await pilot.press("ctrl+z")
        await line_shows(pilot, "Charlois", 3, "280.000")
        await pilot.press("ctrl+y")
        await line_shows(pilot, "Charlois", 3, "300.000")
        await pilot.press("ctrl+s")
        cell = Cell("Charlois", "couleur_locale", 2018)
        await until(
            pilot,
            lambda: storage.load(scenario_file).scenario.amount(cell) == 300_000,
            "the file holding the 2018 amount",
        )
        saved = storage.load(scenario_file).scenario
        assert saved.amount(Cell("Charlois", "couleur_locale", 2017)) == 247_000


async def test_move_from_a_cell_of_the_all_years_view_is_in_that_year() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await all_years(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.press("m")
        await shown(pilot, "Verschuif een bedrag in 2019")


async def test_a_again_keeps_the_gebied_and_takes_the_year_of_the_column() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("down", "down", "down", "right", "a")  # Feijenoord, gebiedsopdracht
        await shown(pilot, "alle jaren: gebiedsopdracht")
        await pilot.press("right", "a")
        await shown(pilot, "2017 (2/4)")
        await pilot.press("enter")
        await bottom_line_shows(pilot, "Feijenoord · gebiedsopdracht ")


async def test_s_sorts_by_the_column_under_the_cursor_and_the_cursor_stays_on_its_gebied() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("down", "down", "s")  # Delfshaven, couleur locale
        await shown(pilot, "▼ Couleur")
        largest_first = names_on_screen(pilot)
        assert largest_first[:3] == ["Prins Alexander", "Delfshaven", "Feijenoord"]
        assert largest_first[-1] == "Pernis"
        assert largest_first.index("Kralingen-Crooswijk") < largest_first.index("Noord")  # tie
        await pilot.press("enter")
        await bottom_line_shows(pilot, "Delfshaven · couleur locale ")
        await pilot.press("escape", "s")
        await shown(pilot, "▲ Couleur")
        assert names_on_screen(pilot)[0] == "Pernis"
        await pilot.press("s")
        await shown(pilot, "▲ Couleur", present=False)
        assert names_on_screen(pilot) == FILE_ORDER
        await pilot.press("enter")
        await bottom_line_shows(pilot, "Delfshaven · couleur locale ")


async def test_an_edit_keeps_the_rows_in_place_until_sorted_again() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("s")
        await shown(pilot, "▼ Couleur")
        await pilot.press("end", "up", "up", "up")  # the last gebied: Pernis
        await pilot.press("enter", *"900.000", "enter")
        await line_shows(pilot, "Pernis", 1, "900.000")
        await shown(pilot, "▽ Couleur")
        assert names_on_screen(pilot)[-1] == "Pernis"  # where it was
        await pilot.press("s")
        await shown(pilot, "▼ Couleur")
        assert names_on_screen(pilot)[0] == "Pernis"
        await pilot.press("enter")
        await bottom_line_shows(pilot, "Pernis · couleur locale ")


async def test_sorting_by_name_and_by_change_since_opened() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("A", "A")
        await shown(pilot, "Gebied ▼")
        assert names_on_screen(pilot)[0] == "Rozenburg"
        await pilot.press("A")
        await shown(pilot, "Gebied ▼", present=False)
        await pilot.press("down", "enter", *"-10.000", "enter")  # Charlois
        await line_shows(pilot, "Charlois", 1, "216.000")
        await pilot.press("end", "up", "up", "up", "enter", *"+5.000", "enter")  # Rozenburg
        await line_shows(pilot, "Rozenburg", 1, "45.000")
        await pilot.press("w")
        await shown(pilot, "▼ wijziging")
        shown_order = names_on_screen(pilot)
        assert shown_order[0] == "Rozenburg"
        assert shown_order[-1] == "Charlois"
        await pilot.press("a")  # by change goes along: the change of couleur locale
        await shown(pilot, "alle jaren: couleur locale")
        assert names_on_screen(pilot)[0] == "Rozenburg"


async def test_a_sort_by_a_year_goes_back_as_a_sort_by_the_post() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await all_years(pilot)
        await pilot.press("right", "s")
        await shown(pilot, "▼ 2017")
        assert planner(pilot).query_one(BudgetGrid).view.gebied_at(0) == "Prins Alexander"
        await pilot.press("a")
        await shown(pilot, "▼ Couleur")
        assert names_on_screen(pilot)[0] == "Prins Alexander"


async def test_sorting_20_000_gebieden_keeps_the_cursor_on_its_gebied(tmp_path: Path) -> None:
    path = tmp_path / "groot.toml"
    path.write_bytes(dumps(make(20_000)))
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "Wijk 00000")
        await pilot.press("pagedown", "pagedown")
        grid = planner(pilot).query_one(BudgetGrid)
        gebied = grid.view.gebied_at(grid.cursor_row)
        assert gebied is not None
        await pilot.press("s")
        await shown(pilot, "▼ Couleur")
        assert grid.view.gebied_at(grid.cursor_row) == gebied
        await pilot.press("a")
        await shown(pilot, "alle jaren: couleur locale")
        assert grid.view.gebied_at(grid.cursor_row) == gebied
        await shown(pilot, gebied)  # on screen: the cursor's row is kept in view


async def test_at_60_columns_the_totals_keep_the_cursors_year_in_view(tmp_path: Path) -> None:
    """Six years do not fit 60 columns: the totals show the years up to the cursor's."""
    years = tuple(range(2016, 2022))
    posts = ("couleur_locale", "gebiedsopdracht", "taakstelling")
    amounts = {"couleur_locale": 100_000, "gebiedsopdracht": 2_000_000, "taakstelling": -5_000}
    gebied = Gebied("Noord", {post: dict.fromkeys(years, amounts[post]) for post in posts})
    scenario = Scenario(
        name="Zes jaar",
        description="",
        envelope=dict.fromkeys(years, 3_000_000),
        taakstelling=dict.fromkeys(years, -5_000),
        stedelijk={"wijkteams": dict.fromkeys(years, 500_000)},
        gebieden={"Noord": gebied},
    )
    path = tmp_path / "zes.toml"
    path.write_bytes(dumps(scenario))
    app = make_app(path)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await shown(pilot, "2016 (1/6)")
        await pilot.press("a")
        await until(pilot, lambda: line_with(pilot, "Jaar")[1] == "2016", "the first years")
        assert "2021" not in line_with(pilot, "Jaar")
        await pilot.press(*["right"] * 5)
        await until(pilot, lambda: line_with(pilot, "Jaar")[-1] == "2021", "the cursor's year")
        assert line_with(pilot, "Ruimte")[-1] == "405.000"  # 3.000.000 - 2.595.000
