"""Enter in the library on the scenario the planner already has open (issue 26)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsplanner.editing import journal, storage
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import screen_text, shown, until
from tests.test_app import SIZE, planner
from tests.test_app_library import alfa_and_beta, go_to_row

pytestmark = pytest.mark.usefixtures("painted_before_measured")


@pytest.mark.parametrize("through", ["team", "link"])
async def test_enter_on_the_open_scenario_keeps_its_unsaved_changes(
    tmp_path: Path, through: str
) -> None:
    """Enter on the row marked open goes back to the planner as Escape does: no question,
    the edit still there and still unsaved, nothing set aside. Also when the library
    reaches the file through a link to its folder."""
    team = alfa_and_beta(tmp_path)
    listed = team
    if through == "link":
        listed = tmp_path / "link"
        listed.symlink_to(team, target_is_directory=True)
    settings = locations.load_settings([str(listed)])
    before = (team / "alfa.toml").read_bytes()
    app = PlannerApp(storage.open_for_editing(team / "alfa.toml"), settings)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"=123.456", "enter")
        await shown(pilot, "● niet opgeslagen")
        await pilot.press("l")
        await shown(pilot, "● open")
        await go_to_row(pilot, "alfa")
        await pilot.press("enter")
        await until(pilot, lambda: screen_text(pilot).startswith(" alfa"), "the planner")
        text = await shown(pilot, "123.456")
        assert "● niet opgeslagen" in text
        assert "verloren" not in text
        assert planner(pilot).dirty
        await pilot.press("l")  # still marked open with its change: nothing was set aside
        await shown(pilot, "● open")
    assert (team / "alfa.toml").read_bytes() == before
    assert not list(journal.journal_dir().glob("*weggegooid*"))
