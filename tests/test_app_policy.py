"""Policy rules in the planner: the panel (b), the count on the totals line, the marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from gebiedsplanner.editing import storage
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import screen_text, shown, totals, until

SIZE = (80, 24)

pytestmark = pytest.mark.usefixtures("painted_before_measured")


def make_app(path: Path) -> PlannerApp:
    return PlannerApp(storage.open_for_editing(path), locations.load_settings())


def line_with(pilot: Pilot[None], start: str) -> str:
    for line in screen_text(pilot).splitlines():
        if line.startswith(start):
            return line
    raise AssertionError(f"no line starting with {start!r} in:\n{screen_text(pilot)}")


async def test_the_panel_lists_a_violation_and_an_edit_that_fixes_it_drops_the_count(
    scenario_file: Path,
) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE) as pilot:
        await shown(pilot, "Beleid: 5")
        rozenburg, charlois = line_with(pilot, "Rozenburg"), line_with(pilot, "Charlois")
        assert rozenburg.split()[1] == "40.000!" and charlois.split()[1] == "226.000"
        # The mark sits in the space after the cell: the amounts stay aligned.
        assert rozenburg.index("40.000!") + len("40.000") == charlois.index("226.000 ") + 7
        assert all(len(line) <= 80 for line in screen_text(pilot).splitlines())

        await pilot.press("b")
        panel = await shown(pilot, "Beleidsregels (9 keer geschonden)")
        assert "Rozenburg: couleur locale onder 4,9% van netto: € 425 te weinig" in panel
        await pilot.press("escape")
        await shown(pilot, "keer geschonden", present=False)

        # Rozenburg 2016: 425 from its gebiedsopdracht to its couleur locale (the net stays).
        await pilot.press(*["down"] * 13, "right", "m", *"425")
        await shown(pilot, "Rozenburg · couleur locale · 2016: 40.000 → 40.425 (+425)")
        await pilot.press("enter")
        await until(pilot, lambda: line_with(pilot, "Rozenburg").split()[1] == "40.425", "fixed")
        await shown(pilot, "Beleid: 4")
        await pilot.press("b")
        panel = await shown(pilot, "Beleidsregels (8 keer geschonden)")
        assert "Rozenburg: couleur locale" not in panel
        await pilot.press("escape")

        await pilot.press("ctrl+z")  # the mark and the count come back with the old amount
        await until(pilot, lambda: line_with(pilot, "Rozenburg").split()[1] == "40.000!", "undo")
        await shown(pilot, "Beleid: 5")


async def test_totals_that_break_a_rule_are_marked_and_cleared_by_an_edit(
    scenario_file: Path,
) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")  # 2017: 250.000 over, 250.000 to distribute
        await shown(pilot, "Beleid: 2")
        assert totals(pilot) | {"Envelope": "", "Gepland": "", "Taakstelling": ""} == {
            "Ruimte": "-250.000!", "status": "▲ BOVEN ENVELOPE", "Envelope": "", "Gepland": "",
            "Taakstelling": "", "verdeeld": "-4.750.000", "open": "-250.000!", "Beleid": "2",
        }  # fmt: skip
        await pilot.press("right", "right", "enter", *"-250.000", "enter")  # Centrum taakstelling
        await shown(pilot, "Beleid: 0")
        figures = totals(pilot)
        assert (figures["Ruimte"], figures["status"]) == ("0", "binnen envelope")
        assert (figures["open"], figures["Beleid"]) == ("0", "0")


async def test_a_scenario_without_rules_shows_no_count_and_the_panel_says_so(
    tmp_path: Path,
) -> None:
    from tests.conftest import BUNDLED

    text = BUNDLED.read_text()
    plain = tmp_path / "zonder.toml"
    plain.write_text(text[: text.index("# Beleidsregels")] + text[text.index("[envelope]") :])
    app = make_app(plain)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "open" in totals(pilot), "the totals")
        assert "Beleid" not in totals(pilot) and "Beleid" not in screen_text(pilot)
        assert "!" not in line_with(pilot, "Rozenburg")
        await pilot.press("ctrl+p")
        await pilot.press(*"Beleid")
        await shown(pilot, "Beleidsregels: waar het plan ze schendt")  # in the command palette
        await pilot.press("enter")
        await shown(pilot, "Dit scenario heeft geen beleidsregels")


async def test_a_long_violation_continues_under_its_text_at_60_columns(
    scenario_file: Path,
) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("b")
        await shown(pilot, "Centrum: couleur locale onder 4,9% van netto")
        lines = screen_text(pilot).splitlines()
        first = next(i for i, line in enumerate(lines) if "  Centrum: couleur locale" in line)
        assert lines[first + 1].startswith("│   "), lines[first + 1]  # under the text
