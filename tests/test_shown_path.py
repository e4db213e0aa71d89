"""Paths on screen: home as ~, long ones shortened at a folder, never inside a name."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.ui.shown_path import shown_path


def test_home_is_a_tilde_and_a_short_path_stays_whole() -> None:
    assert shown_path(Path.home() / "plannen" / "nrw.toml") == "~/plannen/nrw.toml"
    assert shown_path("/srv/team/nrw.toml") == "/srv/team/nrw.toml"


def test_a_long_path_keeps_its_last_folders_whole() -> None:
    path = "/tmp/gebiedsplanner-snapshots/data/gebiedsplanner/scenarios"
    assert shown_path(path, limit=40) == "…/data/gebiedsplanner/scenarios"


def test_control_characters_in_a_path_are_shown_literally() -> None:
    assert shown_path("/srv/team/\x1b[31mrood.toml") == "/srv/team/\\x1b[31mrood.toml"


names = st.text(st.characters(min_codepoint=48, max_codepoint=122), min_size=1, max_size=30)


@given(st.lists(names, min_size=1, max_size=12), st.integers(20, 80))
def test_a_shortened_path_ends_in_whole_names_of_the_real_path(
    parts: list[str], limit: int
) -> None:
    path = "/" + "/".join(parts)
    shown = shown_path(path, limit)
    if len(path) <= limit:
        assert shown == path
    else:
        tail = shown.removeprefix("…/")
        assert shown.startswith("…/") and path.endswith("/" + tail)  # whole names only
        assert len(shown) <= limit or tail == parts[-1]
