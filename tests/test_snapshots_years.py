"""The all-years view and a sorted table as a person sees them, at 80x24 and 60x20.

The same fixed place and steps as ``tests/test_snapshots.py`` (its fixtures and
helpers are imported); the pictures are in ``tests/__snapshots__/test_snapshots_years/``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import language
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.test_snapshots import SIZES, Steps, fixed_place, one_at_a_time, steps

__all__ = ["fixed_place", "one_at_a_time"]  # fixtures, used by name

pytestmark = pytest.mark.xdist_group("snapshots")

SCREENS: dict[str, Steps] = {
    # 2017 is over the envelope: its room shows the mark and the sign.
    "all-years": steps("a", "?wait:2019"),
    # Sorted by couleur locale, the cursor's gebied (Delfshaven) kept.
    "sorted": steps("down", "down", "s", "?wait:▼"),
    # All years, gebiedsopdracht, sorted by 2018 the smallest first.
    "all-years-sorted": steps("a", "?wait:2019", "p", "right", "right", "s", "s", "?wait:▲ 2018"),
}


@pytest.mark.parametrize(
    ("screen", "size", "lang"),
    [(screen, size, lang) for screen in SCREENS for size in SIZES for lang in ("nl", "en")],
)
def test_screen(
    snap_compare: Callable[..., bool], fixed_place: Path, screen: str, size: str, lang: str
) -> None:
    language.use(lang)
    app = PlannerApp(storage.open_for_editing(fixed_place), locations.load_settings())
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCREENS[screen])
