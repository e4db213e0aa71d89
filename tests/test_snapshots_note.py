"""The note per gebied on screen (issue 26), at 80x24 and 60x20, in Dutch and English: the
mark after a gebied's name (never cutting it), the note whole on the line above the
totals, and the note line that ``o`` opens. Fixtures and helpers: tests/test_snapshots.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import language
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import focused, until
from tests.test_snapshots import (
    MODIFIED,
    SIZES,
    Steps,
    fixed_place,
    one_at_a_time,
    steps,
    still,
)

__all__ = ["fixed_place", "one_at_a_time"]  # fixtures, used by name

pytestmark = pytest.mark.xdist_group("snapshots")

WHEN = datetime(2026, 3, 11, 14, 5, tzinfo=UTC)
NOTES = {
    "Charlois": "wacht op besluit gebiedscommissie over extra couleur locale voor de "
    "bewonersinitiatieven in de Tarwewijk [bold]",
    "Hillegersberg-Schiebroek": "begroting \"wijkakkoord\" # nog niet vastgesteld",
}

async def note_line(pilot: Pilot[None]) -> None:
    """``o`` on Charlois: the note line open, its cursor after the note."""
    await steps("down", "?wait:Tarwewijk", "o")(pilot)
    await focused(pilot, "#note-text")
    field = pilot.app.screen.query_one("#note-text", Input)
    await until(pilot, lambda: field.cursor_position == len(NOTES["Charlois"]), "the cursor")
    await pilot.pause()
    still(pilot)


SCREENS: dict[str, Steps] = {
    "note-shown": steps("down", "?wait:Tarwewijk"),
    "note-line": note_line,
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_note(
    snap_compare: Callable[..., bool], fixed_place: Path, screen: str, size: str, lang: str
) -> None:
    import os

    scenario = storage.load(fixed_place).scenario
    for gebied, note in NOTES.items():
        scenario.set_note(gebied, note, who="anna", when=WHEN)
    fixed_place.write_bytes(dumps(scenario))
    os.utime(fixed_place, (MODIFIED, MODIFIED))
    language.use(lang)
    app = PlannerApp(storage.open_for_editing(fixed_place), locations.load_settings())
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCREENS[screen])
