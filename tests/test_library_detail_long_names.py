"""The library's detail line with names that are hard to show: a name of 5.000 letters
is cut so the status (``boven envelope: 250.000 in 2017``) stays on the line above the
path, at 80x24 and 60x20 (it took both lines); a name of only spaces is shown quoted,
in the table and on the detail line, not as a blank.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.conftest import BUNDLED
from tests.pilot_helpers import screen_text, shown, until

pytestmark = pytest.mark.usefixtures("painted_before_measured")

LONG = "L" * 5000


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_a_very_long_name_keeps_the_status_on_the_detail_line(
    isolated_user_dirs: Path, size: tuple[int, int]
) -> None:
    team = isolated_user_dirs / "srv" / "team"
    team.mkdir(parents=True)
    (team / "lang.toml").write_bytes(dumps(storage.load(BUNDLED).scenario, name=LONG))
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([str(team)]))
    async with app.run_test(size=size) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: len(getattr(pilot.app.screen, "entries", ())) == 2, "list")
        await pilot.press("ctrl+end")
        await shown(pilot, "lang.toml")  # the long name's row is the one chosen
        lines = screen_text(pilot).splitlines()
        path_line = next(i for i, line in enumerate(lines) if "lang.toml" in line)
        above = "\n".join(lines[max(0, path_line - 2) : path_line])
        assert "boven envelope: 250.000 in 2017" in above, screen_text(pilot)


async def test_a_name_of_only_spaces_shows_quoted(isolated_user_dirs: Path) -> None:
    team = isolated_user_dirs / "srv" / "team"
    team.mkdir(parents=True)
    (team / "leeg.toml").write_bytes(dumps(storage.load(BUNDLED).scenario, name="   "))
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([str(team)]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: len(getattr(pilot.app.screen, "entries", ())) == 2, "list")
        await pilot.press("ctrl+end")
        await shown(pilot, "leeg.toml")
        lines = screen_text(pilot).splitlines()
        path_line = next(i for i, line in enumerate(lines) if "leeg.toml" in line)
        assert "'   ' · boven envelope" in lines[path_line - 1], screen_text(pilot)
        assert any(line.strip().startswith("'   '") for line in lines[:path_line - 1])
