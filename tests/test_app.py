"""The real app, driven by key presses (Pilot), read back from what it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input

from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import journal, recovery, storage
from gebiedsplanner.editing.session import EditingSession
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.screens.planner import PlannerScreen
from gebiedsplanner.ui.shown_path import shown_path
from tests.conftest import BUNDLED
from tests.pilot_helpers import (
    fill_in,
    focused,
    quiet,
    screen_text,
    shown,
    toasts,
    totals,
    until,
)

SIZE = (80, 24)

#: The conflict dialog's table is painted before it measures its rows, as on a busy machine.
pytestmark = pytest.mark.usefixtures("painted_before_measured")


def make_app(path: Path = BUNDLED) -> PlannerApp:
    document = storage.open_for_editing(path)
    return PlannerApp(document, locations.load_settings())


def line_with(pilot: Pilot[None], start: str) -> list[str]:
    """The words of the line starting with ``start``, a policy mark (``!``) after an amount
    left aside: the bundled example's rules mark cells these tests are not about
    (tests/test_app_policy.py reads the marks)."""
    for line in screen_text(pilot).splitlines():
        if line.startswith(start):
            return line.replace("!", " ").split()
    raise AssertionError(f"no line starting with {start!r} in:\n{screen_text(pilot)}")


async def line_shows(pilot: Pilot[None], start: str, column: int, text: str) -> None:
    """Wait until the line starting with ``start`` shows ``text`` as its word ``column``."""
    await until(pilot, lambda: line_with(pilot, start)[column] == text, f"{start} showing {text!r}")


async def stopped(pilot: Pilot[None]) -> None:
    """Wait until the app has quit (a person sees the shell again)."""
    await until(pilot, lambda: not pilot.app.is_running, "the app quitting")


def planner(pilot: Pilot[None]) -> PlannerScreen:
    screen = pilot.app.screen_stack[0]
    assert isinstance(screen, PlannerScreen)
    return screen


async def test_the_first_journey_move_save_as_and_quit(isolated_user_dirs: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert line_with(pilot, "Charlois")[1:3] == ["226.000", "4.487.000"]
        await pilot.press("right_square_bracket", "down", "right", "m", *"50.000", "tab")
        await focused(pilot, "#reason")
        await pilot.press(*"extra bewonersinitiatieven")
        await shown(pilot, "Charlois · couleur locale · 2017: 247.000 → 297.000 (+50.000)")
        await pilot.press("enter")
        await line_shows(pilot, "Charlois", 1, "297.000")
        assert line_with(pilot, "Charlois") == [
            "Charlois",
            "297.000",
            "4.373.000",
            "-511.000",
            "4.159.000",
            "7,1%",
        ]
        assert line_with(pilot, "Totaal")[1:3] == ["2.350.000", "41.081.000"]
        figures = totals(pilot)
        assert (figures["Ruimte"], figures["status"]) == ("-250.000!", "▲ BOVEN ENVELOPE")
        assert (figures["Envelope"], figures["Gepland"]) == ("57.931.000", "58.181.000")
        assert "● niet opgeslagen" in screen_text(pilot)

        await pilot.press("ctrl+s")  # the bundled example is saved as a copy in the library
        await fill_in(pilot, "#name", "Mijn plan")
        await pilot.press("enter")
        await shown(pilot, "Opgeslagen in")
        saved = isolated_user_dirs / "data" / "gebiedsplanner" / "scenarios" / "mijn-plan.toml"
        scenario = storage.load(saved).scenario
        assert scenario.name == "Mijn plan"
        assert scenario.amount(Cell("Charlois", "couleur_locale", 2017)) == 297_000
        assert scenario.log[-1].reason == "extra bewonersinitiatieven"
        assert "niet opgeslagen" not in screen_text(pilot)
        await pilot.press("q")
        await stopped(pilot)
        assert not app.is_running


async def test_edit_updates_every_total_at_once() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1.000")
        await shown(pilot, "111.000 → 112.000 (+1.000)")
        await pilot.press("enter")
        await line_shows(pilot, "Centrum", 1, "112.000")
        assert line_with(pilot, "Centrum")[4] == "2.269.000"
        assert line_with(pilot, "Totaal")[1] == "2.101.000"
        assert (totals(pilot)["Gepland"], totals(pilot)["Ruimte"]) == ("62.328.000", "-1.000!")
        assert "BOVEN ENVELOPE" in screen_text(pilot)


async def test_invalid_amount_explains_itself_and_changes_nothing() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"250.5", "enter")
        await shown(pilot, "duizendtallen")
        await pilot.press("escape")
        await shown(pilot, "⏎ Wijzig")  # the key line is back: the edit line has closed
        assert line_with(pilot, "Centrum")[1] == "111.000"
        assert planner(pilot).document.scenario.log == []


async def test_taakstelling_cannot_become_positive() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("right", "right", "enter", *"=5.000", "enter")
        await shown(pilot, "Kan niet: 5.000 — een taakstelling")
        await pilot.press("escape")
        await shown(pilot, "⏎ Wijzig")  # the key line is back: the edit line has closed
        assert line_with(pilot, "Centrum")[3] == "-53.000"


async def test_quit_guard(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    before = scenario_file.read_bytes()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter", "q")
        await shown(pilot, "Niet-opgeslagen wijzigingen")
        await pilot.press("escape")
        await shown(pilot, "Niet-opgeslagen", present=False)
        assert app.is_running
        await pilot.press("ctrl+q")
        await shown(pilot, "Niet-opgeslagen wijzigingen")
        await pilot.press("n")
        await stopped(pilot)
        assert not app.is_running
    assert scenario_file.read_bytes() == before
    later = EditingSession(storage.load(scenario_file))
    assert recovery.look_for(later) == []  # set aside: no recovery offered next time
    assert list(journal.journal_dir().glob("*.jsonl.weggegooid-*"))


async def test_quit_guard_can_save_first(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter", "q")
        await shown(pilot, "Niet-opgeslagen wijzigingen")
        await pilot.press("o")
        await stopped(pilot)
        assert not app.is_running
    assert (
        storage.load(scenario_file).scenario.amount(Cell("Centrum", "couleur_locale", 2016))
        == 111_005
    )


async def test_save_in_place(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter", "ctrl+s")
        await shown(pilot, "Opgeslagen in")
        assert "niet opgeslagen" not in screen_text(pilot)
    saved = storage.load(scenario_file).scenario
    assert saved.amount(Cell("Centrum", "couleur_locale", 2016)) == 111_005


def colleague_moves(path: Path, source: str, target: str, amount: str) -> None:
    """A colleague's change, saved by another program while our app has the file open."""
    from gebiedsplanner.cli.main import main

    assert (
        main(
            [
                "move",
                str(path),
                "--from",
                source,
                "--to",
                target,
                "--amount",
                amount,
                "--reason",
                "collega",
            ]
        )
        == 0
    )


async def test_a_colleagues_save_to_other_cells_merges_by_itself(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter")  # Centrum couleur locale 2016
        await line_shows(pilot, "Centrum", 1, "111.005")
        colleague_moves(
            scenario_file, "Noord/gebiedsopdracht/2016", "Noord/couleur_locale/2016", "1000"
        )
        await pilot.press("ctrl+s")
        await shown(pilot, "Samengevoegd")
        assert line_with(pilot, "Noord")[1] == "173.000"  # the colleague's change is on screen
        assert line_with(pilot, "Centrum")[1] == "111.005"
        assert "niet opgeslagen" not in screen_text(pilot)
    saved = storage.load(scenario_file).scenario
    assert saved.amount(Cell("Centrum", "couleur_locale", 2016)) == 111_005
    assert saved.amount(Cell("Noord", "couleur_locale", 2016)) == 173_000
    assert [entry.reason for entry in saved.log] == ["collega", ""]


async def both_change_centrum(pilot: Pilot[None], path: Path) -> None:
    """We set Centrum's couleur locale 2016 to 150.000, a colleague saves it as 112.000."""
    await pilot.press("enter", *"=150.000", "enter")
    await line_shows(pilot, "Centrum", 1, "150.000")
    colleague_moves(path, "Centrum/gebiedsopdracht/2016", "Centrum/couleur_locale/2016", "1000")


async def test_the_same_cell_asks_and_keeps_the_choice(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await both_change_centrum(pilot, scenario_file)
        before = scenario_file.read_bytes()
        await pilot.press("ctrl+s")
        text = await shown(pilot, "dezelfde cellen")
        assert "Centrum · couleur locale · 2016" in text
        row = next(line for line in text.splitlines() if "Centrum · couleur locale · 2016" in line)
        assert row.split("2016")[1].split()[:4] == ["111.000", "150.000", "112.000", "mijn"]
        await pilot.press("escape")  # back: nothing written
        await shown(pilot, "dezelfde cellen", present=False)
        await quiet(pilot)
        assert scenario_file.read_bytes() == before
        await pilot.press("ctrl+s")
        await shown(pilot, "dezelfde cellen")
        await pilot.press("space", "s")  # keep the colleague's amount for this cell
        await shown(pilot, "Samengevoegd")
        assert line_with(pilot, "Centrum")[1:3] == ["112.000", "2.209.000"]
    saved = storage.load(scenario_file).scenario
    assert saved.amount(Cell("Centrum", "couleur_locale", 2016)) == 112_000


async def test_a_conflict_names_each_cell_readably_at_80_columns(tmp_path: Path) -> None:
    """A long gebied name gives way in the conflict table, never the post and the year;
    the line below the table names the cell under the cursor whole."""
    name = "Hillegersberg-Schiebroek Centrum-Oost"
    path = tmp_path / "lang.toml"
    path.write_text(BUNDLED.read_text().replace("gebied.Centrum", f'gebied."{name}"'))
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"=150.000", "enter", "right", "enter", *"=2.000.000", "enter")
        await line_shows(pilot, "Hillegersberg-Schiebroe…", 2, "2.000.000")
        colleague_moves(path, f"{name}/gebiedsopdracht/2016", f"{name}/couleur_locale/2016", "1000")
        await pilot.press("ctrl+s")
        text = await shown(pilot, "dezelfde cellen")
        for post, amounts in (
            ("couleur locale", ["111.000", "150.000", "112.000", "mijn"]),
            ("gebiedsopdracht", ["2.210.000", "2.000.000", "2.209.000", "mijn"]),
        ):
            rows = [line for line in text.splitlines() if f"… · {post} · 2016  " in line]
            assert len(rows) == 1, text
            assert rows[0].split("2016")[1].split()[:4] == amounts, rows[0]
        assert f"{name} · couleur locale · 2016" in text


async def test_a_conflict_can_be_saved_as_a_variant(
    scenario_file: Path, isolated_user_dirs: Path
) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await both_change_centrum(pilot, scenario_file)
        colleagues = scenario_file.read_bytes()
        await pilot.press("ctrl+s")
        await shown(pilot, "dezelfde cellen")
        await pilot.press("v")
        await fill_in(pilot, "#name", "Mijn versie")
        await pilot.press("enter")
        await shown(pilot, "Opgeslagen in")
    variant = isolated_user_dirs / "data" / "gebiedsplanner" / "scenarios" / "mijn-versie.toml"
    assert storage.load(variant).scenario.amount(Cell("Centrum", "couleur_locale", 2016)) == 150_000
    assert scenario_file.read_bytes() == colleagues


async def test_a_change_of_shape_is_never_overwritten(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter")
        await line_shows(pilot, "Centrum", 1, "111.005")
        reshaped = scenario_file.read_text().replace("Pernis", "Pernis-Zuid")
        scenario_file.write_text(reshaped)
        await pilot.press("ctrl+s")
        await shown(pilot, "anders van opbouw")
        assert "● niet opgeslagen" in screen_text(pilot)
    assert scenario_file.read_text() == reshaped


async def test_years_and_thousands() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j")
        await shown(pilot, "2017 (2/4)")
        await pilot.press("left_square_bracket", "left_square_bracket")
        await shown(pilot, "2019 (4/4)")
        await pilot.press("k")
        await shown(pilot, "x € 1.000")
        assert totals(pilot)["Envelope"] == "57.931"


async def test_stedelijk_posts_are_editable() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*["down"] * 14, "enter", *"-100.000", "enter")
        await line_shows(pilot, "Stedelijk: wijkteams", -1, "9.400.000")
        assert totals(pilot)["Ruimte"] == "100.000"


async def test_help_lists_every_key() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("question_mark")
        text = await shown(pilot, "Toetsen")
        assert "enter" in text
        keys = app.screen.query_one(VerticalScroll)
        while keys.scroll_y < keys.max_scroll_y:  # the list scrolls at 80x24: page by page
            before = screen_text(pilot)
            await pilot.press("pagedown")
            await until(pilot, lambda: screen_text(pilot) != before, "a page on")  # noqa: B023
            text += screen_text(pilot)
        assert "Alleen hele euro's." in text  # the last line of the help
        for key in ("ctrl+s", "S ", "] j", "[ J", "k ", "e ", "/ ", "n ", "N ", ": ctrl+g"):
            assert key in text, key
        for key in ("q ", "ctrl+p", "ctrl+z", "ctrl+y", "h ", "l "):
            assert key in text, key
        await pilot.press("escape")
        await shown(pilot, "Toetsen", present=False)


async def test_export_from_the_app(tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "plan.csv"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await fill_in(pilot, "#path", str(out))
        await pilot.press("enter")
        await shown(pilot, "180 rijen geëxporteerd")
        assert f"180 rijen geëxporteerd naar {shown_path(out)}" in toasts(pilot)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfscenario;gebied;post;jaar;bedrag")


async def test_names_from_files_are_shown_literally(tmp_path: Path) -> None:
    hostile = tmp_path / "vijandig.toml"
    text = BUNDLED.read_text()
    text = (
        text.replace("gebied.Centrum", 'gebied."[b]Vet[/b]"')
        .replace("gebied.Pernis", 'gebied."[@click=app.quit]x"')
        .replace('name = "NRW basis 2016-2019"', 'name = "NRW \\u001b[31mrood"')
    )
    hostile.write_text(text)
    app = make_app(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        on_screen = screen_text(pilot)
        assert "[b]Vet[/b]" in on_screen
        assert "[@click=app.quit]x" in on_screen
        assert "NRW \\x1b[31mrood" in on_screen
        await pilot.press("m")
        text = await shown(pilot, "Verschuif een bedrag in 2016")
        assert "[b]Vet[/b]" in text
        await pilot.press("escape")
        await shown(pilot, "Verschuif een bedrag in 2016", present=False)
        assert app.is_running


async def test_command_palette_offers_every_planner_action() -> None:
    from gebiedsplanner.ui.screens.planner import PLANNER_ACTIONS

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {spec.label for spec in PLANNER_ACTIONS} <= titles
        await pilot.press("ctrl+p")
        await focused(pilot, "CommandInput")
        await pilot.press(*"Verschuif")
        await shown(pilot, "Verschuif een bedrag naar een andere post")  # the command, offered
        await pilot.press("enter")
        await shown(pilot, "Verschuif een bedrag in 2016")


async def test_undo_and_redo_follow_the_totals() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1.000", "enter")
        await pilot.press("down", "m", *"5.000", "enter")
        await line_shows(pilot, "Charlois", 1, "221.000")
        await pilot.press("ctrl+z")
        await line_shows(pilot, "Charlois", 1, "226.000")
        assert line_with(pilot, "Charlois")[1:3] == ["226.000", "4.487.000"]
        await pilot.press("ctrl+z")
        await line_shows(pilot, "Centrum", 1, "111.000")
        assert totals(pilot)["Ruimte"] == "0"
        await pilot.press("ctrl+y")
        await line_shows(pilot, "Centrum", 1, "112.000")
        assert totals(pilot)["Ruimte"] == "-1.000!"
        log = planner(pilot).document.scenario.log
        assert [entry.action for entry in log] == [
            "edit",
            "move",
            "undo",
            "undo",
            "redo",
        ]


async def test_history_per_cell_and_per_scenario() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1.000", "tab", *"eerste", "enter")
        await pilot.press("right", "enter", *"+2.000", "tab", *"tweede", "enter")
        await line_shows(pilot, "Centrum", 2, "2.212.000")
        await pilot.press("h")
        text = " ".join((await shown(pilot, "Wijzigingslogboek")).split())
        assert "Centrum · gebiedsopdracht · 2016: 2.210.000 → 2.212.000: tweede" in text
        assert "eerste" not in text
        await pilot.press("a")
        text = " ".join((await shown(pilot, "eerste")).split())
        assert text.index("tweede") < text.index("eerste")  # newest first
        await pilot.press("escape")
        await shown(pilot, "Wijzigingslogboek", present=False)


async def test_hostile_names_and_save_as_paths(tmp_path: Path) -> None:
    hostile = tmp_path / "vijandig.toml"
    long_name = "Lang" * 80
    text = BUNDLED.read_text()
    text = text.replace("gebied.Centrum", 'gebied."Cen\\u001b[2Jtrum\\r"').replace(
        "gebied.Pernis", f'gebied."{long_name}"'
    )
    hostile.write_text(text)
    app = make_app(hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        shown_text = screen_text(pilot)
        assert "Cen\\x1b[2Jtrum\\x0d" in shown_text  # visible, not executed
        assert "\x1b" not in shown_text and "\r" not in shown_text
        assert "LangLangLangLangLangLan…" in shown_text
        await pilot.press("enter", *"=5", "enter", "S")
        await fill_in(pilot, "#name", "../../etc/passwd")
        await pilot.press("enter")
        await shown(pilot, "laat '/', '\\' en '..' weg")
        await pilot.press("escape")
        await shown(pilot, "Opslaan als", present=False)
        await quiet(pilot)
        assert app.is_running
        assert sorted(p.name for p in tmp_path.glob("*.toml")) == ["vijandig.toml"]
        assert not (tmp_path.parent.parent / "etc").exists()


async def test_large_amounts_are_never_cut_off(tmp_path: Path) -> None:
    big = tmp_path / "groot.toml"
    big.write_text(BUNDLED.read_text().replace("2016 = 62_327_000", "2016 = 1_962_327_000", 1))
    app = make_app(big)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        figures = totals(pilot)
        assert (figures["Envelope"], figures["Ruimte"]) == ("1.962.327.000", "1.900.000.000")


async def test_an_amount_that_outgrows_its_column_widens_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 24), notifications=True) as pilot:
        await pilot.press("right", "enter", *"=123.456.789.012", "enter")
        await line_shows(pilot, "Centrum", 2, "123.456.789.012")
        assert "…" not in line_with(pilot, "Totaal")[2]


async def test_ctrl_c_and_the_palette_speak_the_ui_language() -> None:
    async with make_app().run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+c")
        await shown(pilot, "ctrl+c stopt het programma niet. Stoppen: q of ctrl+q.")
        await pilot.press("ctrl+p")
        seen = await shown(pilot, "Gereedschap")
        assert "Stoppen" in seen or "Thema" in seen
        for english in ("Screenshot", "Quit the application", "Change the current theme", "Keys"):
            assert english not in screen_text(pilot)


async def test_export_a_workbook_from_the_app(tmp_path: Path) -> None:
    """The list that picks the CSV dialect offers the workbook; the file name follows."""
    import openpyxl

    app = make_app()
    out = tmp_path / "plan.csv"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await fill_in(pilot, "#path", str(out))
        await pilot.press("tab", "tab", "space")  # the second list, opened
        await shown(pilot, "Excel-werkmap (.xlsx)")
        await pilot.press("down", "down", "enter")
        field = pilot.app.screen.query_one("#path", Input)
        await until(pilot, lambda: field.value.endswith("plan.xlsx"), "the name following")
        await pilot.press("enter")
        await shown(pilot, "17 rijen geëxporteerd")
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    assert book.sheetnames == ["Plan", "Envelope", "Wijzigingen"]
    assert not out.exists()


def chart_line(pilot: Pilot[None], start: str) -> list[str]:
    """The words of the chart's line starting with ``start`` (inside the dialog's frame)."""
    for line in screen_text(pilot).splitlines():
        inside = line.strip().strip("│").strip()
        if inside.startswith(start):
            return inside.split()
    raise AssertionError(f"no chart line starting with {start!r} in:\n{screen_text(pilot)}")


async def test_the_chart_view_shows_the_plan_as_it_is_after_an_edit() -> None:
    from gebiedsplanner.core.money import format_amount

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        scenario = planner(pilot).document.scenario
        before = scenario.gebied_net("Charlois", 2016)
        await pilot.press("v")
        await shown(pilot, "Budget per gebied in 2016")
        await until(pilot, lambda: chart_line(pilot, "Charlois")[-2] == format_amount(before), "")
        await pilot.press("escape", "down", "enter", *"+50000", "enter")  # Charlois, couleur locale
        await line_shows(pilot, "Charlois", 1, "276.000")
        await pilot.press("v")
        await shown(pilot, "Budget per gebied in 2016")
        after = [format_amount(before + 50_000), "5,9%"]  # 276.000 of 4.655.000
        await until(pilot, lambda: chart_line(pilot, "Charlois")[-2:] == after, "the new net")
        await pilot.press("right_square_bracket")
        await shown(pilot, "Budget per gebied in 2017")
