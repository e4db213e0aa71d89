"""The comparison at scale, driven through the real UI: every key answers, whatever the size;
an explanation too long for the line continues under its text, not at column 0."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from make_scenario import make
from rich.cells import cell_len
from textual.pilot import Pilot

from gebiedsplanner.core.compare import compare
from gebiedsplanner.core.compare_table import CompareTable
from gebiedsplanner.core.scenario import Cell, Scenario
from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_reader import parse
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.screens.comparison import ComparisonScreen
from tests.conftest import BUNDLED
from tests.pilot_helpers import screen_text, shown, until
from tests.test_app import SIZE
from tests.test_app_library import compare_in_library

GEBIEDEN = 2_000
CELLS = GEBIEDEN * 3 * 4 + 2 * 4  # three posts over four years, two stedelijk posts
WHEN = datetime(2026, 11, 23, 9, 0)


def variant_of(base: Scenario) -> Scenario:
    """Three moves, the last one the largest."""
    variant = parse("variant", dumps(base, name="Variant groot"))
    for index, amount in ((10, 1_000), (500, 2_000), (1_999, 30_000)):
        source = Cell(f"Wijk {index:05d}", "gebiedsopdracht", 2017)
        target = Cell(f"Wijk {index:05d}", "couleur_locale", 2017)
        variant.move(source, target, amount, who="test", when=WHEN, reason="groot")
    return variant


def rows_on_screen(pilot: Pilot[None]) -> list[str]:
    """The table's rows as shown, under its header line."""
    lines = screen_text(pilot).splitlines()
    header = next(index for index, line in enumerate(lines) if line.startswith(" gebied "))
    return [line for line in lines[header + 1 : -1] if line.strip()]


def base_and_variant(tmp_path: Path) -> Path:
    """A team folder with a national base ("Basis groot") and its variant ("Variant groot")."""
    team = tmp_path / "team"
    team.mkdir()
    base = make(GEBIEDEN)
    (team / "basis.toml").write_bytes(dumps(base, name="Basis groot"))
    (team / "variant.toml").write_bytes(dumps(variant_of(base)))
    return team


async def test_a_national_comparison_answers_every_key(tmp_path: Path) -> None:
    team = base_and_variant(tmp_path)
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([str(team)]))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "Variant groot")
        await compare_in_library(pilot, "Basis groot", "Variant groot")
        await shown(pilot, f"6 van {CELLS} cellen · alleen verschillen")
        assert rows_on_screen(pilot)[0].split()[:3] == ["Wijk", "00010", "couleur"]

        await pilot.press("s")  # largest difference first
        await shown(pilot, "grootste verschil eerst")
        await until(pilot, lambda: "+30.000" in rows_on_screen(pilot)[0], "the largest first")

        await pilot.press("o")  # every cell: the whole national table
        await shown(pilot, f"{CELLS} van {CELLS} cellen · alle cellen")
        rows = rows_on_screen(pilot)
        assert "+30.000" in rows[0] and "Wijk 00000" in rows[6], rows[:7]
        await pilot.press("end")
        await until(
            pilot,
            lambda: rows_on_screen(pilot)[-1].split()[:3] == ["Stedelijk", "vraagwijzer", "2019"],
            "the last row",
        )
        await pilot.press("s", "pagedown", "pagedown")
        await shown(pilot, "volgorde van de basis")
        await until(pilot, lambda: "Wijk 00001" in rows_on_screen(pilot)[0], "two pages down")
        await pilot.press("o", "down", "down")
        await shown(pilot, "6 van")
        await pilot.press("3")
        text = await shown(pilot, "+ € 30.000 Wijk 01999 gebiedsopdracht → couleur locale 2017")
        lines = text.splitlines()
        entry = next(index for index, line in enumerate(lines) if "+ € 30.000" in line)
        assert lines[entry + 1].startswith("    23-11-2026 09:00)"), lines[entry : entry + 2]


def _one_move_apart() -> CompareTable:
    """The bundled example against a variant "Smal" with one move in Charlois, 2017."""
    base = storage.load(BUNDLED).scenario
    variant = parse("variant", dumps(base, name="Smal"))
    variant.move(
        Cell("Charlois", "gebiedsopdracht", 2017),
        Cell("Charlois", "couleur_locale", 2017),
        50_000,
        who="test",
        when=WHEN,
        reason="smal",
    )
    table = CompareTable(compare(base, [variant]), cell_len)
    table.prepare()
    return table


def _two_variants() -> CompareTable:
    """The bundled example against "Noord v" and "Zuid v", each with one move in 2017."""
    base = storage.load(BUNDLED).scenario
    variants = []
    for name, gebied in (("Noord v", "Noord"), ("Zuid v", "Charlois")):
        variant = parse("variant", dumps(base, name=name))
        variant.move(
            Cell(gebied, "gebiedsopdracht", 2017),
            Cell(gebied, "couleur_locale", 2017),
            50_000,
            who="test",
            when=WHEN,
            reason="twee varianten",
        )
        variants.append(variant)
    table = CompareTable(compare(base, variants), cell_len)
    table.prepare()
    return table


async def test_the_totals_view_shows_its_rows_after_the_table_was_scrolled_sideways() -> None:
    """Issue 26: a base and two variants, ``→`` then ``2`` showed only the totals' header.

    Scrolling takes Textual's quick path, which leaves the screen's map of every widget
    to be made again when next asked; showing the hidden totals table asked for it, so
    the layout after it saw nothing new and sent the table no ``Resize``: it kept the
    headers it had been given while hidden (no width, so no rows).
    """
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([]))
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ComparisonScreen(_two_variants(), app.settings))
        await shown(pilot, "4 van 180 cellen")
        await pilot.press(*["right"] * 5, "2")
        text = await shown(pilot, " jaar  scenario ")
        await until(pilot, lambda: "2017  variant 2" in screen_text(pilot), "the totals' rows")
        assert "57.931.000" in screen_text(pilot), text


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_scrolled_sideways_each_row_keeps_its_gebied_post_and_year(
    size: tuple[int, int],
) -> None:
    """The text columns stay, the amounts scroll a column at a time (issue 26: scrolled
    right, a row read ``um   couleur locale``); the last variant's difference comes into
    view, and no amount is ever shown cut."""
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([]))
    async with app.run_test(size=size) as pilot:
        app.push_screen(ComparisonScreen(_two_variants(), app.settings))
        await shown(pilot, "4 van 180 cellen")
        row_start = re.compile(r"^ (\S+) +(\S+(?: \S+)?) +(20\d\d)(.*)$")

        def rows() -> list[re.Match[str]]:
            return [match for row in rows_on_screen(pilot) if (match := row_start.match(row))]

        first = [match.groups()[:3] for match in rows()]
        assert first[0] == ("Charlois", "couleur locale", "2017") and len(first) == 4, first
        for _ in range(8):
            await pilot.press("right")
            await pilot.pause()
            assert [match.groups()[:3] for match in rows()] == first, rows_on_screen(pilot)
            for match in rows():  # whole amounts only: each figure one the table holds
                for word in match[4].split():
                    assert re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})*|[+-]?\d+,\d%", word), match[0]
        assert rows()[0][4].split()[-2:] == ["+50.000", "+20,2%"]


async def test_a_narrow_terminal_scrolls_the_table_sideways() -> None:
    """At 60 columns the columns cannot all be cut to fit: ← → show the rest, as before."""
    table = _one_move_apart()
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([]))
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(ComparisonScreen(table, app.settings))
        await shown(pilot, "2 van 180 cellen")
        assert "+50.000" not in screen_text(pilot)
        await pilot.press(*["right"] * 12)
        await shown(pilot, "+50.000")
        await pilot.press(*["left"] * 12)
        await shown(pilot, " gebied    post")


async def test_the_comparison_exports_as_a_workbook(tmp_path: Path) -> None:
    import openpyxl

    from tests.pilot_helpers import fill_in

    table = _one_move_apart()
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([]))
    out = tmp_path / "vergelijking.xlsx"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.push_screen(ComparisonScreen(table, app.settings))
        await shown(pilot, "2 van 180 cellen")
        await pilot.press("e")
        await fill_in(pilot, "#path", str(out))  # the name says what it is
        await pilot.press("enter")
        await until(pilot, out.exists, "the workbook")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Verschillen", "Totalen", "Toelichting"]
    assert book["Verschillen"].max_row == 3  # the header and the two changed cells
