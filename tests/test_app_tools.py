"""Each planning tool through the real UI: g, parameters, preview, Enter, totals, ctrl+z."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.core.tools.plans import ToolPlan
from gebiedsplanner.editing import storage
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.screens import tools_dialog
from gebiedsplanner.ui.screens.tools_dialog import ToolsScreen
from tests.pilot_helpers import (
    fill_in,
    focused,
    opened,
    screen_text,
    shown,
    totals,
    totals_show,
    until,
)

SIZE = (80, 24)


def make_app(path: Path) -> PlannerApp:
    return PlannerApp(storage.open_for_editing(path), locations.load_settings())


def words_of(pilot: Pilot[None], start: str) -> list[str]:
    for line in screen_text(pilot).splitlines():
        if line.startswith(start):
            return line.split()
    raise AssertionError(f"no line starting with {start!r} in:\n{screen_text(pilot)}")


async def open_tools(pilot: Pilot[None], *, year_steps: int = 0) -> None:
    await pilot.press(*["right_square_bracket"] * year_steps, "g")
    await opened(pilot, ToolsScreen, "the tools opening")
    await focused(pilot, "#tool")


async def choose(pilot: Pilot[None], selector: str, steps: int, value: object) -> None:
    """Open the select ``selector`` (it has the focus), go ``steps`` down, take it."""
    await focused(pilot, selector)
    await pilot.press("space", *["down"] * steps, "enter")
    select = pilot.app.screen.query_one(selector, Select)
    await until(pilot, lambda: select.value == value, f"{selector} set to {value!r}")


async def test_distribute_by_inwoners_with_a_hold_and_a_floor_then_undo(
    scenario_file: Path,
) -> None:
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await totals_show(pilot, Taakstelling="-1.000.000")
        await open_tools(pilot, year_steps=1)
        await shown(pilot, "verdeling taakstelling 2017 naar begroting")
        await pilot.press("tab", "tab")
        await choose(pilot, "#key", 1, "inwoners")
        await pilot.press("tab")
        await fill_in(pilot, "#floor", "1.000.000")
        await pilot.press("tab", "tab", "tab")
        await fill_in(pilot, "#holds", "pernis")
        await shown(pilot, "verdeling taakstelling 2017 naar inwoners, vast: Pernis, bodem")
        await shown(pilot, "Controle: verdeelde taakstelling -5.000.000 = opgelegd -5.000.000:")
        await shown(pilot, "Vast gehouden (ongewijzigd): Pernis.")
        centrum = ["Centrum", "-252.000", "-265.842", "-13.842"]
        # The preview's rows are painted after its text lines: wait for them, under load too.
        await until(pilot, lambda: words_of(pilot, " Centrum") == centrum, "Centrum's row")
        hoek = ["-76.000", "-76.000", "0", "onder", "bodem"]
        await until(pilot, lambda: words_of(pilot, " Hoek van Holland")[3:] == hoek, "its row")
        await pilot.press("enter")
        await shown(pilot, "Verdeling: 11 cellen gewijzigd, als één stap")
        await totals_show(pilot, Taakstelling="-5.000.000", verdeeld="-5.000.000", Ruimte="0")
        assert words_of(pilot, "Centrum")[3] == "-265.842"
        await pilot.press("ctrl+z")
        await totals_show(pilot, Envelope="57.931.000", Gepland="58.181.000")
        assert words_of(pilot, "Centrum")[3] == "-252.000"
        assert totals(pilot)["verdeeld"] == "-4.750.000"


async def test_fit_2018_to_the_envelope_then_undo(scenario_file: Path) -> None:
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await open_tools(pilot, year_steps=2)
        await choose(pilot, "#tool", 1, "fit")
        await shown(pilot, "passend maken 2018 op de envelope via gebiedsopdracht")
        await shown(pilot, "Controle: gepland 57.931.000 = envelope 57.931.000: klopt")
        await pilot.press("tab", "tab", "tab", "tab")  # year, post, holds, reason
        await focused(pilot, "#reason")
        await pilot.press(*"ruimte benutten")
        await shown(pilot, "via gebiedsopdracht; ruimte benutten")  # the preview caught up
        await pilot.press("enter")
        await shown(pilot, "Passend maken: 14 cellen gewijzigd, als één stap")
        await totals_show(pilot, Envelope="57.931.000", Gepland="57.931.000")
        assert totals(pilot)["Ruimte"] == "0"
        scenario = pilot.app.screen.session.scenario  # type: ignore[attr-defined]
        assert scenario.log[-1].reason == (
            "passend maken 2018 op de envelope via gebiedsopdracht; ruimte benutten"
        )
        await pilot.press("ctrl+z")
        await totals_show(pilot, Envelope="57.931.000", Gepland="57.831.000")


async def test_raise_couleur_locale_to_ten_percent_then_undo(scenario_file: Path) -> None:
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        assert words_of(pilot, "Centrum")[-1] == "4,9%"
        net_before = words_of(pilot, "Centrum")[4]
        await open_tools(pilot)
        await choose(pilot, "#tool", 2, "couleur-locale")
        await shown(pilot, "couleur locale 2016 naar minstens 10% van het netto budget")
        await shown(pilot, "Controle: netto alle gebieden na")
        await pilot.press("tab", "tab")
        await focused(pilot, "#share")
        await pilot.press("enter")
        await shown(pilot, "Couleur locale verhoogd: 28 cellen gewijzigd")
        await until(pilot, lambda: words_of(pilot, "Centrum")[-1] == "10,0%", "10% in Centrum")
        assert words_of(pilot, "Centrum")[4] == net_before  # the net budget did not change
        await pilot.press("ctrl+z")
        await until(pilot, lambda: words_of(pilot, "Centrum")[-1] == "4,9%", "back to 4,9%")


async def test_copy_2018_to_2019_with_an_index_then_undo(scenario_file: Path) -> None:
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await open_tools(pilot, year_steps=2)
        await choose(pilot, "#tool", 3, "copy-year")
        await pilot.press("tab", "tab")
        await focused(pilot, "#to-year")
        await pilot.press("tab")
        await fill_in(pilot, "#index", "2,5%")
        await shown(pilot, "jaar 2018 naar 2019 gekopieerd, index 2,5%")
        await shown(pilot, "Controle: 2019 wordt 59.276.775 = 2018 × 1,025: klopt")
        await pilot.press("enter")
        await shown(pilot, "Jaar gekopieerd: 45 cellen gewijzigd")
        await pilot.press("right_square_bracket")
        await totals_show(pilot, Envelope="57.931.000", Gepland="59.276.775")
        await pilot.press("ctrl+z")
        await totals_show(pilot, Envelope="57.931.000", Gepland="57.831.000")


async def test_a_refused_request_shows_why_and_enter_changes_nothing(scenario_file: Path) -> None:
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await open_tools(pilot, year_steps=1)
        await pilot.press("tab", "tab", "tab")
        await fill_in(pilot, "#floor", "20.000.000")
        await shown(
            pilot, "Dat past niet: met deze bodem en vaste gebieden komt de verdeling 250.000"
        )
        assert "Centrum" not in screen_text(pilot)  # no preview of what cannot be
        await pilot.press("enter")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(pilot.app.screen, ToolsScreen), "tools closed")
        assert totals(pilot)["verdeeld"] == "-4.750.000"
        assert "niet opgeslagen" not in screen_text(pilot)


async def test_space_ticks_alles_opnieuw_and_enter_there_applies(scenario_file: Path) -> None:
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await open_tools(pilot, year_steps=1)
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        await focused(pilot, "#all")
        await pilot.press("space")
        await shown(pilot, "verdeling taakstelling 2017 naar begroting, alles opnieuw")
        await shown(pilot, "alles opnieuw: ja")
        await pilot.press("enter")
        await shown(pilot, "Verdeling: 14 cellen gewijzigd, als één stap")
        assert words_of(pilot, "Centrum")[3] != "-252.000"  # cleared and spread anew


async def test_enter_applies_only_the_preview_on_screen(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computing = threading.Event()
    made = tools_dialog.plan_for

    def slow_plan_for(scenario: Scenario, fields: tools_dialog.Fields) -> ToolPlan:
        if fields.given["unit"] == "1000":
            computing.wait(30)  # held until the test has pressed Enter
        return made(scenario, fields)

    monkeypatch.setattr(tools_dialog, "plan_for", slow_plan_for)
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await open_tools(pilot, year_steps=1)
        await pilot.press("tab", "tab", "tab", "tab")
        await fill_in(pilot, "#unit", "1000")
        await shown(pilot, "Voorbeeld wordt bijgewerkt")
        await pilot.press("enter")
        await shown(pilot, "Het voorbeeld wordt nog bijgewerkt")
        assert isinstance(pilot.app.screen, ToolsScreen)  # nothing applied unseen
        computing.set()
        await shown(pilot, "verdeling taakstelling 2017 naar begroting, per 1.000")
        await pilot.press("enter")
        await shown(pilot, "Verdeling: 14 cellen gewijzigd")
        assert pilot.app.screen.session.scenario.log[-1].reason.endswith(", per 1.000")  # type: ignore[attr-defined]


async def test_a_notification_never_covers_the_totals_line(scenario_file: Path) -> None:
    async with make_app(scenario_file).run_test(size=SIZE, notifications=True) as pilot:
        await open_tools(pilot, year_steps=1)
        await pilot.press("enter")
        await shown(pilot, "Verdeling: 14 cellen gewijzigd")
        assert totals(pilot) | {"Beleid": ""} == {
            "Ruimte": "0", "status": "binnen envelope", "Envelope": "57.931.000",
            "Gepland": "57.931.000", "Taakstelling": "-5.000.000", "verdeeld": "-5.000.000",
            "open": "0", "Beleid": "",
        }  # fmt: skip
