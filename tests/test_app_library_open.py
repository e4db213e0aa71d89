"""Enter in the library on the scenario the planner already has open (issue 26)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsplanner.editing import journal, storage
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.conftest import BUNDLED
from tests.pilot_helpers import fill_in, screen_text, shown, until, widget_text
from tests.test_app import SIZE, planner
from tests.test_app_library import alfa_and_beta, go_to_row, row_of

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


async def test_the_open_mark_leaves_the_names_whole_at_80_columns(tmp_path: Path) -> None:
    """The mark of the open scenario is short in the table (``● open``), so the names
    stay whole at 80x24 as they do without it; the line below says it in full."""
    team = tmp_path / "team"
    team.mkdir()
    example = BUNDLED.read_text()
    for stem in ("basis", "basis-kopie"):
        (team / f"{stem}.toml").write_text(example)
    for name, stem in (("Variant Zuid é", "zuid"), ("Variant Zuid é variant", "zuid-variant")):
        renamed = example.replace('name = "NRW basis 2016-2019"', f'name = "{name}"')
        (team / f"{stem}.toml").write_text(renamed)
    settings = locations.load_settings([str(team)])
    app = PlannerApp(storage.open_for_editing(team / "basis.toml"), settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("enter", *"+1.000", "enter")
        await shown(pilot, "● niet opgeslagen")
        await pilot.press("l")
        text = await shown(pilot, "● open")
        for name in (
            "NRW basis 2016-2019 (basis)",
            "NRW basis 2016-2019 (basis-kopie)",
            "Variant Zuid é variant",
        ):
            assert f" {name} " in text, text
        rows = [line for line in text.splitlines() if "(basis-kopie)" in line]
        assert rows and "▲ 2017 +250.000" in rows[0], text
        await pilot.press("ctrl+home", *["down"] * row_of(pilot, "NRW basis 2016-2019 (basis)"))

        def said() -> bool:
            below = " ".join(widget_text(pilot, "#detail").split())
            return "● open, niet opgeslagen (1)" in below and "team/basis.toml" in below

        await until(pilot, said, "the full mark on the detail line")


async def test_a_duplicate_says_so_under_the_title_and_the_cursor_goes_to_it(
    isolated_user_dirs: Path,
) -> None:
    """After ``d`` the notification shows under the title, not over the lines below the
    table, which show the new variant (the cursor is on it) whole: name and status, its
    file, its folder."""
    settings = locations.load_settings([])
    app = PlannerApp(storage.load(BUNDLED, writable=False), settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "boven envelope:")
        await pilot.press("d")
        await fill_in(pilot, "#name", "Variant CL")
        await pilot.press("enter")

        def both() -> bool:
            said = "Variant opgeslagen" in screen_text(pilot)
            return said and "Variant CL" in widget_text(pilot, "#detail")

        await until(pilot, both, "the notification, and the cursor on the new variant")
        text = screen_text(pilot)  # no await since: the notification still shows
        lines = text.splitlines()
        said = next(i for i, line in enumerate(lines) if "Variant opgeslagen" in line)
        table = next(i for i, line in enumerate(lines) if "NRW basis 2016-2019" in line)
        assert said < table, text  # over the header, above the rows
        below = widget_text(pilot, "#detail").splitlines()
        assert len(below) == 3, below
        for line in below:  # each detail line whole on screen
            assert line.strip() in text, (line, text)
