"""A large file opens with its first gebieden (issue 15): what they show, and what the
whole reading then gives, is exactly what reading the file plainly gives."""

from __future__ import annotations

import tempfile
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from make_scenario import make

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import Scenario, contents
from gebiedsplanner.editing import storage
from gebiedsplanner.format import scenario_reader
from gebiedsplanner.format.scenario_writer import dumps
from tests.strategies import scenarios
from tests.test_fast_reading import damaged


def first(scenario: Scenario, count: int) -> dict[str, object]:
    """What a preview of ``count`` gebieden must hold: everything, but only those gebieden."""
    expected = contents(scenario)
    expected["gebieden"] = expected["gebieden"][:count]  # type: ignore[index]
    return expected


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.integers(min_value=1, max_value=8))
def test_a_preview_holds_the_first_gebieden_of_the_plain_reading(
    scenario: Scenario, count: int
) -> None:
    raw = dumps(scenario)
    preview = scenario_reader.preview("f.toml", raw, count)
    plain = scenario_reader.parse("f.toml", raw)
    if preview is not None:
        assert contents(preview) == first(plain, count)
    elif scenario_reader._read_as_written("f.toml", raw.decode()) is not None:
        pytest.fail("a file read as written has a preview")


@settings(max_examples=300, deadline=None)
@given(damaged(), st.integers(min_value=1, max_value=3))
def test_a_preview_of_a_damaged_file_never_shows_what_a_plain_reading_would_not(
    raw: bytes, count: int
) -> None:
    preview = scenario_reader.preview("f.toml", raw, count)
    try:
        plain = scenario_reader.parse("f.toml", raw)
    except ProblemsError:
        return  # the whole reading reports them (see the app's test of that)
    if preview is not None:
        assert contents(preview) == first(plain, count)


def test_a_preview_takes_only_the_first_gebieden_of_a_large_file() -> None:
    raw = dumps(make(2_000))
    preview = scenario_reader.preview("f.toml", raw, 50)
    assert preview is not None
    assert list(preview.gebieden) == [f"Wijk {number:05}" for number in range(50)]


@pytest.fixture
def large_from_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as large: the streamed opening is taken for small ones too."""
    monkeypatch.setattr(storage, "STREAM_FROM_BYTES", 0)
    monkeypatch.setattr(storage, "PREVIEW_GEBIEDEN", 3)


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_the_streamed_opening_ends_in_exactly_the_plain_document(scenario: Scenario) -> None:
    raw = dumps(scenario)
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(storage, "STREAM_FROM_BYTES", 0)
        patch.setattr(storage, "PREVIEW_GEBIEDEN", 3)
        path = Path(folder) / "plan.toml"
        path.write_bytes(raw)
        opened = storage.open_streamed(path)
        plain = storage.open_for_editing(path)
    if scenario_reader._read_as_written("f.toml", raw.decode()) is not None:
        assert isinstance(opened, storage.Opening)
    whole = opened.finish() if isinstance(opened, storage.Opening) else opened
    assert contents(whole.scenario) == contents(plain.scenario)
    assert (whole.path, whole.origin, whole.real, whole.loaded) == (
        plain.path,
        plain.origin,
        plain.real,
        plain.loaded,
    )


def test_a_large_file_opens_streamed_and_a_small_one_whole(tmp_path: Path) -> None:
    large, small = tmp_path / "groot.toml", tmp_path / "klein.toml"
    large.write_bytes(dumps(make(4_000)))
    small.write_bytes(dumps(make(100)))
    assert large.stat().st_size >= storage.STREAM_FROM_BYTES > small.stat().st_size
    opening = storage.open_streamed(large)
    assert isinstance(opening, storage.Opening)
    assert len(opening.preview.scenario.gebieden) == storage.PREVIEW_GEBIEDEN
    assert len(opening.finish().scenario.gebieden) == 4_000
    whole = storage.open_streamed(small)
    assert isinstance(whole, storage.ScenarioDocument)
    assert len(whole.scenario.gebieden) == 100


def test_a_large_file_with_a_problem_after_its_start_says_so_when_read_whole(
    tmp_path: Path, large_from_now: None
) -> None:
    text = dumps(make(20)).decode()
    at = text.rindex("2016 = ")
    path = tmp_path / "plan.toml"
    path.write_text(text[:at] + "2016 = 12.5" + text[text.index("\n", at) :])
    opening = storage.open_streamed(path)
    assert isinstance(opening, storage.Opening)  # the start is fine
    with pytest.raises(ProblemsError) as raised:
        opening.finish()
    problem = raised.value.problems[0]
    assert problem.file == str(path)
    assert "Wijk 00019" in problem.place


def test_a_file_not_as_written_opens_whole(tmp_path: Path, large_from_now: None) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(dumps(make(5)).replace(b"\n[", b"\n# opmerking\n["))
    assert isinstance(storage.open_streamed(path), storage.ScenarioDocument)


def test_preview_rows_stop_at_the_count() -> None:
    raw = dumps(make(10))
    for count in (1, 9, 10, 11):
        preview = scenario_reader.preview("f.toml", raw, count)
        assert preview is not None
        assert list(preview.gebieden) == list(islice(make(10).gebieden, count))
