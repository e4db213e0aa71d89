"""The library and the comparison, driven through the real UI."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from gebiedsplanner.editing import storage
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.widgets.budget_grid import BudgetGrid
from tests.conftest import BUNDLED
from tests.pilot_helpers import (
    fill_in,
    focused,
    quiet,
    resize,
    screen_text,
    shown,
    toasts,
    until,
    widget_text,
)
from tests.test_app import SIZE, planner

pytestmark = pytest.mark.usefixtures("painted_before_measured")


def make_app(*team: Path) -> PlannerApp:
    settings = locations.load_settings([str(folder) for folder in team])
    return PlannerApp(storage.load(BUNDLED, writable=False), settings)


def row_of(pilot: Pilot[None], text: str) -> int:
    """The table row (0-based, under the header) that shows ``text``, whole or cut short."""
    lines = screen_text(pilot).splitlines()
    table = next(table for table in pilot.app.screen.query(DataTable) if table.display)
    cut = [text[:end] + "…" for end in range(3, len(text))]
    rows = lines[table.region.y + 1 : table.region.bottom]  # a notification may cover the header
    return next(i for i, line in enumerate(rows) if any(part in line for part in [text, *cut]))


def detail(pilot: Pilot[None]) -> str:
    """The line(s) below the table, as one line."""
    return " ".join(widget_text(pilot, "#detail").split())


def alfa_and_beta(tmp_path: Path) -> Path:
    """A team folder with two copies of the bundled example, named alfa and beta."""
    team = tmp_path / "team"
    team.mkdir()
    for name in ("alfa", "beta"):
        (team / f"{name}.toml").write_text(
            BUNDLED.read_text().replace('name = "NRW basis 2016-2019"', f'name = "{name}"')
        )
    return team


async def go_to_row(pilot: Pilot[None], text: str) -> None:
    """Put the cursor on the row of ``text``, and wait for the detail line to name it."""
    await pilot.press("ctrl+home", *["down"] * row_of(pilot, text))
    await until(pilot, lambda: text in detail(pilot), f"the detail line naming {text!r}")


async def compare_in_library(pilot: Pilot[None], base: str, variant: str) -> None:
    """Mark ``base`` as the base and ``variant`` as a variant, and compare them."""
    await go_to_row(pilot, base)
    await pilot.press("b")
    await go_to_row(pilot, variant)
    await pilot.press("space", "c")


async def test_a_manager_makes_a_variant_changes_it_and_compares(isolated_user_dirs: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "boven envelope:")
        assert "NRW basis 2016-2019" in screen_text(pilot) and "voorbeeld" in screen_text(pilot)
        await pilot.press("d")
        await fill_in(pilot, "#name", "Variant CL")
        await pilot.press("enter")
        await shown(pilot, "Variant CL")
        await go_to_row(pilot, "Variant CL")
        await pilot.press("enter")
        assert (await shown(pilot, " Variant CL · 2016")).startswith(" Variant CL · 2016")

        await pilot.press("right_square_bracket", "down", "right", "m", *"50.000", "tab")
        await focused(pilot, "#reason")
        await pilot.press(*"extra bewonersinitiatieven", "enter", "ctrl+s")
        await shown(pilot, "Opgeslagen in")
        assert "niet opgeslagen" not in screen_text(pilot)

        await pilot.press("l")
        await shown(pilot, "boven envelope:")
        app.clear_notifications()  # two at once (duplicated, saved) cover the first name
        await shown(pilot, "Opgeslagen in", present=False)
        await compare_in_library(pilot, "NRW basis 2016-2019 ", "Variant CL")
        text = await shown(pilot, "2 van 180 cellen")
        assert "basis:     NRW basis 2016-2019" in text and "variant 1: Variant CL" in text
        charlois = [line.split() for line in text.splitlines() if line.startswith(" Charlois")]
        assert [
            "Charlois",
            "couleur",
            "locale",
            "2017",
            "247.000",
            "297.000",
            "+50.000",
            "+20,2%",
        ] in charlois

        await pilot.press("3")
        await shown(pilot, "€ 50.000 Charlois gebiedsopdracht → couleur locale 2017: extra")
        await pilot.press("4", "right_square_bracket")
        await shown(pilot, "Netto budget per gebied in 2017")
        await pilot.press("2")
        await shown(pilot, "▲ BOVEN ENVELOPE")
        await pilot.press("escape", "escape")
        await until(pilot, lambda: screen_text(pilot).startswith(" Variant CL"), "the planner")


async def test_rename_delete_and_restore_through_the_ui(isolated_user_dirs: Path) -> None:
    app = make_app()
    own = isolated_user_dirs / "data" / "gebiedsplanner" / "scenarios"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "boven envelope:")
        await pilot.press("d")
        await fill_in(pilot, "#name", "Eerste")
        await pilot.press("enter")
        await shown(pilot, "Eerste")
        await go_to_row(pilot, "Eerste")
        await pilot.press("r")
        await fill_in(pilot, "#name", "Tweede")
        await pilot.press("enter")
        await shown(pilot, "Tweede")
        await until(
            pilot,
            lambda: sorted(p.name for p in own.iterdir()) == ["tweede.toml"],
            "the file renamed to tweede.toml, and nothing else",
        )
        assert "Tweede" in screen_text(pilot) and "Eerste" not in screen_text(pilot)

        await go_to_row(pilot, "Tweede")
        await pilot.press("x")
        await shown(pilot, "Verwijderen")
        await pilot.press("n")
        await shown(pilot, "Verwijderen", present=False)
        await quiet(pilot)
        assert (own / "tweede.toml").exists()
        await pilot.press("x")
        await shown(pilot, "Verwijderen")
        await pilot.press("j")
        await shown(pilot, "Tweede", present=False)
        assert not (own / "tweede.toml").exists()

        await pilot.press("t")
        text = await shown(pilot, "Prullenbak")
        assert "tweede.toml" in text
        await pilot.press("enter")
        trash = pilot.app.screen.query_one("#trash", DataTable)
        await until(pilot, lambda: trash.row_count == 0, "tweede.toml gone from the trash")
        await until(pilot, (own / "tweede.toml").exists, "tweede.toml back in the library")
        await pilot.press("escape")
        await shown(pilot, "Tweede")


async def test_broken_files_are_listed_not_hidden(tmp_path: Path) -> None:
    team = tmp_path / ("een-lange-mapnaam-" * 4) / "team"  # the detail line shortens it
    team.mkdir(parents=True)
    shutil.copyfile(BUNDLED, team / "goed.toml")
    (team / "kapot.toml").write_bytes(b"\x00\x01")
    (team / "[b]vet[@click=app.quit].toml").write_text("format = 9\n")
    (team / "bom.toml").write_bytes(
        b"\xef\xbb\xbf"
        + BUNDLED.read_text().replace('name = "NRW basis 2016-2019"', 'name = "Met BOM"').encode()
    )
    (team / "groot.toml").write_text(
        BUNDLED.read_text().replace("2017 = 122_000", "2017 = 10_000_000_000_000")
    )
    (team / "latin1.toml").write_bytes(
        BUNDLED.read_text().replace("Centrum", "Centr\u00fcm").encode("latin-1")
    )
    (team / "lus.toml").symlink_to(team / "lus.toml")
    (team / "map.toml").mkdir()
    app = make_app(team)
    async with app.run_test(size=(120, 24), notifications=True) as pilot:
        await pilot.press("l")
        text = await shown(pilot, "kapot.toml")
        assert "kapot.toml" in text and "kan niet laden: dit is geen" in text
        assert "[b]vet[@click=app.quit].toml" in text
        assert "Met BOM" in text
        for broken in ("groot.toml", "latin1.toml", "lus.toml", "map.toml"):
            row = next(line for line in text.splitlines() if broken in line)
            assert "kan niet laden" in row, row
        await resize(pilot, *SIZE)  # at 80 columns cut short; the detail line has it
        await shown(pilot, "kan niet laden: dit is geen", present=False)
        await go_to_row(pilot, "kapot.toml")
        assert "dit is geen tekstbestand (het bevat binaire gegevens)" in detail(pilot)
        await pilot.press("enter")
        assert "geen tekstbestand" in await shown(pilot, "Probleem")
        assert app.is_running


async def test_filter_by_typing(tmp_path: Path) -> None:
    team = alfa_and_beta(tmp_path)
    app = make_app(team)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "boven envelope:")
        await pilot.press("slash")
        await focused(pilot, "#filter")
        await pilot.press(*"alf")
        text = await shown(pilot, "beta", present=False)
        assert "alfa" in text and "beta" not in text and "NRW basis" not in text
        await pilot.press("escape")
        await shown(pilot, "beta")


async def test_compare_needs_a_variant(isolated_user_dirs: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "boven envelope:")
        await pilot.press("c")
        await shown(pilot, "Markeer een basis")
        assert "Markeer een basis" in toasts(pilot)


async def test_opening_another_scenario_takes_over_the_planner(tmp_path: Path) -> None:
    team = alfa_and_beta(tmp_path)
    settings = locations.load_settings([str(team)])
    app = PlannerApp(storage.open_for_editing(team / "alfa.toml"), settings)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert [note.name for note in team.glob(".alfa.toml.*.editing")]
        await pilot.press("right_square_bracket", "down", "down", "l")
        await shown(pilot, "boven envelope:")
        await go_to_row(pilot, "beta")
        await pilot.press("enter")
        text = await shown(pilot, " beta · 2016")
        assert "alfa" not in text.splitlines()[0]
        assert planner(pilot).query_one(BudgetGrid).cursor_row == 0
        assert not list(team.glob(".alfa.toml.*.editing"))  # alfa is no longer open here
        assert list(team.glob(".beta.toml.*.editing"))
        await pilot.press("enter", *"+1", "enter")
        await shown(pilot, "niet opgeslagen")
        assert planner(pilot).document.path == team / "beta.toml"


async def test_every_column_is_readable_at_80_columns_whenever_it_is_painted(
    tmp_path: Path,
) -> None:
    """Issue 10: on a loaded machine the library drew Naam, Status, Jaren and Map at
    the width of their headers and kept them so. Every test in this module paints
    each table before it measures its rows (``pytestmark``), the order a busy machine
    may take; this one reads every column, at 80 columns and after a resize to 120.
    """
    team = alfa_and_beta(tmp_path)
    (team / "kapot.toml").write_bytes(b"\x00\x01")
    app = make_app(team)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: "nrw-2016-2019.toml" in widget_text(pilot, "#detail"), "detail")
        lines = screen_text(pilot).splitlines()
        assert lines[1].split() == ["Naam", "Status", "Jaren", "Map", "Gewijzigd"]
        rows = lines[2:6]
        for row, name, folder in zip(
            rows,
            ("NRW basis 2016-2019", "alfa", "beta", "kapot.toml"),
            ("voorbeeld", "team: team", "team: team", "team: team"),
            strict=True,
        ):
            assert f"   {name}  " in row and f"  {folder}  " in row, row
            assert re.search(r"  \d\d-\d\d-\d\d \d\d:\d\d\s*$", row), row  # Gewijzigd
        assert all("▲ 2017 +250.000" in row and "2016-2019" in row for row in rows[:3]), rows
        assert "kan niet laden" in rows[3]
        await resize(pilot, 120, 24)
        text = await shown(pilot, "NRW basis 2016-2019  boven envelope: 250.000 in 2017")
        kapot = next(line for line in text.splitlines() if "kapot.toml" in line)
        assert "kan niet laden: dit is geen" in kapot
