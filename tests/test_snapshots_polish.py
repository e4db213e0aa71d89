"""The screens issue 26 changed, at 80x24 and 60x20, in Dutch and in English.

The comparison of a base and two variants scrolled sideways (gebied, post and year
stay) and its totals view after that scroll (it came up empty); the planner of a
read-only session and of one limited to three gebieden (their titles, their key
lines); the edit line with its hint; a notification over the title. Reached as in
``tests/test_snapshots.py``, from whose fixed place these pictures start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from gebiedsplanner.core.rights import Rights
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.widgets.compare_grid import CompareGrid
from tests.pilot_helpers import shown, until
from tests.test_snapshots import (  # noqa: F401  (fixtures)
    MODIFIED,
    ROOT,
    SIZES,
    Steps,
    fixed_place,
    on_top,
    one_at_a_time,
    still,
)

pytestmark = pytest.mark.xdist_group("snapshots")

THREE = Rights(gebieden=frozenset({"Charlois", "Delfshaven", "Noord"}))


@pytest.fixture
def two_variants(fixed_place: Path) -> Path:  # noqa: F811
    """The fixed place, and a second variant ("Variant Noord") in the own library."""
    import os

    variant = storage.load(fixed_place).scenario
    source, target = (Cell("Noord", post, 2017) for post in ("gebiedsopdracht", "couleur_locale"))
    when = datetime(2026, 3, 11, 15, 0, tzinfo=UTC)
    variant.move(source, target, 50_000, who="anna", when=when, reason="jongerenwerk Noord")
    path = ROOT / "data" / "gebiedsplanner" / "scenarios" / "variant-noord.toml"
    path.write_bytes(dumps(variant, name="Variant Noord"))
    os.utime(path, (MODIFIED, MODIFIED))
    return fixed_place


def comparing(*after: str) -> Steps:
    """The library, the bundled example as base, both variants, ``c``; then ``after``."""

    async def run(pilot: Pilot[None]) -> None:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("l")
        await until(pilot, lambda: len(getattr(pilot.app.screen, "entries", ())) == 3, "listed")
        await pilot.press("b", "down", "space", "down", "space", "c")
        await until(pilot, on_top(pilot, "ComparisonScreen"), "the comparison")
        await shown(pilot, "gebiedsopdracht")  # the rows, laid out
        grid = pilot.app.screen.query_one(CompareGrid)
        for key in after:
            before = grid.scroll_x
            await pilot.press(key)
            if key == "right":  # a column further, or at the end already
                await until(
                    pilot,
                    lambda before=before: grid.scroll_x > before
                    or grid.scroll_x >= grid.max_scroll_x,
                    "scrolled a column",
                )
        await pilot.pause()
        still(pilot)

    return run


def planner(*keys: str, wait: Callable[[], str]) -> Steps:
    """Press ``keys`` in the planner, then wait until ``wait()`` (a text, looked up in the
    language of the test) shows, on screen or in a notification."""

    async def run(pilot: Pilot[None]) -> None:
        await shown(pilot, " · 2016")  # at 60 columns a limited session's title: no (1/4)
        await pilot.press(*keys)
        await shown(pilot, wait())
        await pilot.pause()
        still(pilot)

    return run


#: Each picture: the session's rights, and how to get there from the planner.
SCREENS: dict[str, tuple[Rights, Steps]] = {
    "comparison-scrolled": (Rights(), comparing("right", "right", "right")),
    "comparison-totals-after-scrolling": (Rights(), comparing(*["right"] * 5, "2")),
    "read-only": (Rights(read_only=True), planner(wait=lambda: texts.KEY_EXPORT)),
    "three-gebieden": (THREE, planner(wait=lambda: texts.KEY_MOVE)),
    "edit-line-hint": (Rights(), planner("enter", wait=lambda: texts.EDITOR_HINT_SHORTEST)),
    "notification": (Rights(), planner("y", wait=lambda: "111000")),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(
    snap_compare: Callable[..., bool], two_variants: Path, screen: str, size: str, lang: str
) -> None:
    language.use(lang)
    rights, run_before = SCREENS[screen]
    settings = locations.load_settings()._replace(rights=rights)
    app = PlannerApp(storage.open_for_editing(two_variants), settings)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


def test_every_picture_belongs_to_a_test() -> None:
    """As in tests/test_snapshots.py: a picture no test takes any more fails."""
    pictures = Path(__file__).parent / "__snapshots__" / "test_snapshots_polish"
    taken = {
        f"test_screen[{screen}-{size}-{lang}].svg"
        for screen in SCREENS
        for size in SIZES
        for lang in ("nl", "en")
    }
    assert sorted(path.name for path in pictures.iterdir()) == sorted(taken)
