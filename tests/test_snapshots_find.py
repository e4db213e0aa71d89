"""Finding a gebied as a person sees it: the search line and the go-to line, at 80x24 and
60x20, in Dutch and in English (the fixtures and the way of taking the pictures are
``tests/test_snapshots.py``'s)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import shown
from tests.test_snapshots import SIZES, Steps, fixed_place, one_at_a_time, still

__all__ = ["fixed_place", "one_at_a_time"]  # fixtures, used by name

pytestmark = pytest.mark.xdist_group("snapshots")


def typed(key: str, text: str, then: Callable[[], str]) -> Steps:
    """Press ``key``, type ``text``, and wait until the line shows ``then()`` (a text looked
    up in the language of the test)."""

    async def run(pilot: Pilot[None]) -> None:
        await shown(pilot, "2016 (1/4)")
        await pilot.press(key, *text)
        await shown(pilot, then())
        await pilot.pause()
        still(pilot)

    return run


#: The search has moved the cursor to the one match (typed in another case); a search
#: that matches nothing says so with the text as typed (markup too); the go-to line
#: completes a name and says where Enter goes.
SCREENS: dict[str, Steps] = {
    "search": typed("slash", "ooG", lambda: "Hoogvliet (1/1)"),
    "search-no-match": typed("slash", "[bold]x", lambda: "[bold]x"),
    "go-to": typed(
        "colon", "hoek", lambda: texts.GO_TO_TARGET.format(name="Hoek van Holland")[:20]
    ),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_find_line(
    snap_compare: Callable[..., bool], fixed_place: Path, screen: str, size: str, lang: str
) -> None:
    language.use(lang)
    app = PlannerApp(storage.open_for_editing(fixed_place), locations.load_settings())
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCREENS[screen])
