"""Where the scenario library is: platformdirs, the config file, --scenario-dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.settings.locations import config_file, load_settings


def test_default_library_is_the_user_data_dir(isolated_user_dirs: Path) -> None:
    expected = isolated_user_dirs / "data" / "gebiedsplanner" / "scenarios"
    assert load_settings().library == expected


def test_config_file_points_at_a_team_folder(tmp_path: Path) -> None:
    config_file().parent.mkdir(parents=True)
    config_file().write_text(f'scenario_dir = "{tmp_path / "team"}"\n')
    assert load_settings().library == tmp_path / "team"
    both = load_settings([str(tmp_path / "cli")])
    assert both.library == tmp_path / "cli"
    assert both.shared == (tmp_path / "cli", tmp_path / "team")


def test_broken_config_is_named(tmp_path: Path) -> None:
    config_file().parent.mkdir(parents=True)
    config_file().write_text("scenario_dir = 3\n")
    with pytest.raises(ProblemsError, match="scenario_dir"):
        load_settings()
