"""The scenario library as a person sees it (issue 26), at 80x24 and 60x20, in Dutch and English.

The names of the issue: ``NRW basis 2016-2019`` three times (the bundled example,
``basis.toml`` in the own library and a copy in a team folder), its variant,
"Variant Zuid é" and "Variant Zuid é variant" side by side in the team folder, over
and within the envelope; opened as ``ssh-serve`` opens it (on the library), and from
the planner with unsaved changes of its own beside a really ended session's.

The files, times and user are fixed as in ``tests/test_snapshots.py``, whose fixtures
these reuse; the pictures are in ``tests/__snapshots__/test_snapshots_library/``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import language
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests import test_snapshots
from tests.pilot_helpers import shown, until
from tests.test_app_library_names import ended_with_a_change
from tests.test_snapshots import MODIFIED, ROOT, SIZES, still

pytestmark = pytest.mark.xdist_group("snapshots")
#: The fixed folder, times and user of the other snapshots (and their lock).
fixed_place = test_snapshots.fixed_place
one_at_a_time = test_snapshots.one_at_a_time

WHEN = datetime(2026, 3, 11, 14, 5, tzinfo=UTC)
#: Every scenario the library lists: the bundled example, two in the own library, four
#: in the team folder.
LISTED = 7


def changed(bundled: Path, name: str, who: str, amount: int = 150_000) -> bytes:
    """The bundled example under ``name``, ``amount`` moved away from Charlois'
    gebiedsopdracht by ``who`` (to its couleur locale, or out of the plan when over
    the envelope would follow)."""
    scenario = storage.load(bundled).scenario
    cell = Cell("Charlois", "gebiedsopdracht", 2017)
    if amount > 0:
        scenario.move(
            cell, Cell("Charlois", "couleur_locale", 2017), amount, who=who, when=WHEN, reason="x"
        )
    else:
        scenario.set_amount(cell, scenario.amount(cell) + amount, who=who, when=WHEN, reason="x")
    return dumps(scenario, name=name)


@pytest.fixture
def team(fixed_place: Path) -> Iterator[Path]:
    """The issue's names in the own library and a team folder, with fixed times."""
    own = ROOT / "data" / "gebiedsplanner" / "scenarios"
    shutil.copyfile(fixed_place, own / "basis.toml")
    folder = ROOT / "srv" / "nrw-team"
    folder.mkdir(parents=True)
    files = {
        "basis-kopie.toml": changed(fixed_place, "NRW basis 2016-2019", "bert"),
        "basis-variant.toml": changed(fixed_place, "NRW basis 2016-2019 variant", "anna", -250_000),
        "variant-zuid-e.toml": changed(fixed_place, "Variant Zuid é", "anna"),
        "variant-zuid-e-variant.toml": changed(fixed_place, "Variant Zuid é variant", "bert"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    for path in (own / "basis.toml", *(folder / name for name in files)):
        os.utime(path, (MODIFIED, MODIFIED))
    yield folder


async def listed(pilot: Pilot[None]) -> None:
    await until(pilot, lambda: len(getattr(pilot.app.screen, "entries", ())) == LISTED, "list")
    await shown(pilot, "scenarios/nrw-2016-2019.toml")  # the detail line of the first row


def at_login(team: Path) -> tuple[PlannerApp, Callable[[Pilot[None]], object]]:
    """As ``ssh-serve`` starts a session: on the library, with the team folder."""
    settings = locations.load_settings([str(team)])
    app = PlannerApp(storage.load(locations.bundled_example()), settings, library=True)

    async def run(pilot: Pilot[None]) -> None:
        await listed(pilot)
        await pilot.pause()
        still(pilot)

    return app, run


def own_unsaved(team: Path) -> tuple[PlannerApp, Callable[[Pilot[None]], object]]:
    """The planner with an unsaved change of its own, then ``l``; "Variant Zuid é" has
    a change of a session that ended without saving."""
    ended_with_a_change(team / "variant-zuid-e.toml")
    settings = locations.load_settings([str(team)])
    app = PlannerApp(storage.open_for_editing(team / "basis-kopie.toml"), settings)

    async def run(pilot: Pilot[None]) -> None:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("enter", *"+1.000", "enter")
        await shown(pilot, "+1.000", present=False)
        await pilot.press("l")
        await listed(pilot)
        await pilot.press("ctrl+end", "up")  # the detail line of the open one's neighbour
        await pilot.pause()
        still(pilot)

    return app, run


SCREENS = {"library-at-login": at_login, "library-own-unsaved": own_unsaved}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_library(
    snap_compare: Callable[..., bool], team: Path, screen: str, size: str, lang: str
) -> None:
    language.use(lang)
    app, run = SCREENS[screen](team)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=run)


def test_every_picture_belongs_to_a_test() -> None:
    """As in ``tests/test_snapshots.py``: a picture no test takes any more fails."""
    pictures = Path(__file__).parent / "__snapshots__" / "test_snapshots_library"
    taken = {
        f"test_library[{screen}-{size}-{lang}].svg"
        for screen in SCREENS
        for size in SIZES
        for lang in ("nl", "en")
    }
    assert sorted(path.name for path in pictures.iterdir()) == sorted(taken)
