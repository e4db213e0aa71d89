"""The export dialog of a session served by ssh-serve, as a read-only manager sees it:
the ssh command that fetches the export, whole and in bold, at 80x24 and 60x20, in
Dutch and in English (the fixtures and fixed place of ``tests/test_snapshots.py``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from gebiedsplanner.core.rights import Rights
from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import language
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.test_snapshots import SIZES, fixed_place, one_at_a_time, steps  # noqa: F401

pytestmark = pytest.mark.xdist_group("snapshots")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_the_export_dialog_over_ssh_serve(
    snap_compare: Callable[..., bool],
    fixed_place: Path,  # noqa: F811
    size: str,
    lang: str,
) -> None:
    language.use(lang)
    team = fixed_place.parent.parent / "team"  # a served folder (the bundled one is not)
    team.mkdir()
    shutil.copyfile(fixed_place, team / "plan.toml")
    settings = locations.load_settings([str(team)])._replace(
        rights=Rights(None, read_only=True), confined=True, served_at=("192.0.2.10", 2222)
    )
    app = PlannerApp(storage.open_for_editing(team / "plan.toml"), settings)
    dialog = steps("e", "@ExportDialog", "?wait:192.0.2.10")
    assert snap_compare(app, terminal_size=SIZES[size], run_before=dialog)
