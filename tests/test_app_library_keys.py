"""Keys typed ahead around the library are taken in order, once what they are for is ready.

Each test sends its keys at once (:func:`burst`, as over a slow SSH link), before the
library has read its folders, a scenario has loaded or a comparison is made, and then
waits for what a person would see.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from make_scenario import make
from textual.pilot import Pilot

from gebiedsplanner.format.scenario_writer import dumps
from tests.pilot_helpers import burst, screen_text, shown, until
from tests.test_app import SIZE, line_shows
from tests.test_app_comparison import CELLS, base_and_variant, rows_on_screen
from tests.test_app_library import alfa_and_beta, make_app

pytestmark = pytest.mark.usefixtures("painted_before_measured")

#: A national scenario: reading it for the library and opening it take a while.
GROOT = dumps(make(10_000))


def team_with_groot(tmp_path: Path) -> Path:
    """alfa and beta (copies of the bundled example), then the national scenario."""
    team = alfa_and_beta(tmp_path)
    (team / "groot.toml").write_bytes(GROOT)
    return team


async def in_planner(pilot: Pilot[None], name: str) -> None:
    """Wait until the planner shows the scenario ``name``."""
    title = f" {name} · 2016"
    await until(pilot, lambda: screen_text(pilot).startswith(title), f"{name} in the planner")


async def in_library(pilot: Pilot[None]) -> None:
    await pilot.press("l")
    await shown(pilot, "beta")


async def test_keys_typed_right_after_l_move_through_the_list_once_it_is_read(
    tmp_path: Path,
) -> None:
    app = make_app(team_with_groot(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "l", "down", "down", "enter")  # the bundled example, alfa, beta
        await in_planner(pilot, "beta")


async def test_keys_typed_right_after_opening_a_scenario_edit_it(tmp_path: Path) -> None:
    app = make_app(team_with_groot(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await in_library(pilot)
        burst(pilot, "ctrl+end", "enter", "down", "enter", *"+1000", "enter")
        await in_planner(pilot, "Synthetisch 10000 gebieden")
        couleur_locale = 10_000 + (1 * 37 + 2016) % 5_000  # Wijk 00001 in 2016
        await line_shows(pilot, "Wijk 00001", 2, f"{couleur_locale + 1_000:,}".replace(",", "."))


async def test_keys_typed_after_enter_answer_the_unsaved_changes_question_then_edit(
    tmp_path: Path,
) -> None:
    app = make_app(alfa_and_beta(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1", "enter")
        await line_shows(pilot, "Centrum", 1, "111.001")
        await in_library(pilot)
        burst(pilot, "down", "enter", "j", "down", "enter", *"+1000", "enter")
        await in_planner(pilot, "alfa")
        await line_shows(pilot, "Charlois", 1, "227.000")
        assert "111.000" in screen_text(pilot)  # alfa as on disk, plus the new edit


async def test_keys_typed_right_after_c_go_to_the_comparison(tmp_path: Path) -> None:
    app = make_app(base_and_variant(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "Variant groot")
        burst(pilot, "down", "b", "down", "space", "c", "s", "o")
        await shown(pilot, f"{CELLS} van {CELLS} cellen · alle cellen · grootste verschil eerst")
        lines = screen_text(pilot).splitlines()
        first_row = next(i for i, line in enumerate(lines) if line.startswith(" gebied ")) + 1
        assert lines[first_row].split()[:3] == ["Wijk", "01999", "couleur"], lines[first_row]


async def test_keys_typed_at_once_in_the_comparison_keep_their_order(tmp_path: Path) -> None:
    app = make_app(base_and_variant(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "Variant groot")
        await pilot.press("down", "b", "down", "space", "c")
        await shown(pilot, "alleen verschillen")
        burst(pilot, "o", "end", "s")  # to the last row, then sorted: the cursor on the first
        await shown(pilot, "alle cellen · grootste verschil eerst")
        await until(pilot, lambda: "+30.000" in rows_on_screen(pilot)[0], "the largest first")


async def test_keys_typed_through_a_comparison_and_back_go_to_the_library(
    tmp_path: Path,
) -> None:
    app = make_app(alfa_and_beta(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await in_library(pilot)
        burst(pilot, "down", "b", "down", "space", "c", "escape", "up", "enter")
        await in_planner(pilot, "alfa")


async def test_keys_typed_after_slash_filter_the_list(tmp_path: Path) -> None:
    app = make_app(alfa_and_beta(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await in_library(pilot)
        burst(pilot, "slash", *"bet", "enter", "enter")  # the letters of b and t are text here
        await in_planner(pilot, "beta")


async def test_keys_typed_right_after_escape_go_to_the_planner(tmp_path: Path) -> None:
    app = make_app(alfa_and_beta(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await in_library(pilot)
        burst(pilot, "escape", "down", "enter", *"+1000", "enter")
        await line_shows(pilot, "Charlois", 1, "227.000")


async def test_a_name_typed_right_after_d_names_the_variant(tmp_path: Path) -> None:
    team = alfa_and_beta(tmp_path)
    app = make_app(team)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await in_library(pilot)
        burst(pilot, "down", "d", *"Kopie", "enter")
        await shown(pilot, "Variant opgeslagen")
        assert sorted(path.name for path in team.glob("*.toml")) == [
            "alfa.toml",
            "beta.toml",
            "kopie.toml",
        ]


async def test_delete_and_at_once_restore_as_the_notice_says(tmp_path: Path) -> None:
    team = alfa_and_beta(tmp_path)
    app = make_app(team)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await in_library(pilot)
        burst(pilot, "down", "x", "j", "t", "enter")  # the notice: "terugzetten: t, Enter"
        await shown(pilot, "Teruggezet")
        assert sorted(path.name for path in team.glob("*.toml")) == ["alfa.toml", "beta.toml"]
