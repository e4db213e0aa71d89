"""Every reader against hostile input: the fixed corpus of ``tests/hostile.py`` and
generated input (hypothesis). A reader returns a value or raises ``ProblemsError``
with a message, quickly; nothing else, never a hang."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.disk.reading import read_untrusted
from gebiedsplanner.editing import journal, leftovers, presence, storage
from gebiedsplanner.format.scenario_reader import parse
from gebiedsplanner.format.toml_text import decode, load_toml
from gebiedsplanner.library import catalog as library
from gebiedsplanner.settings import locations
from tests import hostile
from tests.conftest import BUNDLED
from tests.pilot_helpers import shown
from tests.test_attacks_on_files import within

GOOD = hostile.GOOD


@pytest.fixture
def team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    hostile.build(folder)
    return folder


def every_file(folder: Path) -> list[Path]:
    return sorted(folder / name for name in os.listdir(folder))


def test_every_reader_answers_every_hostile_file_quickly(team: Path) -> None:
    for path in every_file(team):
        for read in (
            lambda p: storage.load(p),
            lambda p: leftovers.read_leftover(p, read_untrusted(p, head=True)),
            lambda p: presence._read_note(p),
            lambda p: load_toml(str(p), decode(str(p), read_untrusted(p, 1024 * 1024))),
        ):
            try:
                within(10, lambda: read(path))  # noqa: B023 (called at once)
            except ProblemsError as error:
                assert error.problems and all(problem.message for problem in error.problems)


def test_the_library_lists_every_hostile_file_with_its_problem(team: Path) -> None:
    settings = locations.load_settings([str(team)])
    entries = within(30, lambda: library.scan(settings))
    refused = hostile.build(team.parent / "nog-een")
    listed = sorted(entry.path.name for entry in entries)
    # every scenario file once (and the bundled example); no note, lock or hidden file
    assert listed == sorted([*refused, *hostile.LOADING, BUNDLED.name])
    by_name = {entry.path.name: entry for entry in entries}
    for name in refused:
        entry = by_name[name]
        assert entry.scenario is None and entry.status.startswith("kan niet laden: "), name
    for name in hostile.LOADING:
        assert by_name[name].scenario is not None, name


def test_planted_notes_fool_nobody_and_a_planted_lock_creates_nothing(team: Path) -> None:
    assert within(10, lambda: presence.others(team / "goed.toml")) == []
    document = storage.load(team / "toekomst.toml")
    with pytest.raises(ProblemsError, match="schrijfslot"), storage.write_lock(document.path):  # type: ignore[arg-type]
        pass
    assert not (team / "nieuw-door-slot").exists()


# -- generated input ------------------------------------------------------------------

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_are_a_scenario_or_a_problem(raw: bytes) -> None:
    try:
        parse("x.toml", raw)
    except ProblemsError as error:
        assert error.problems


@st.composite
def mutated_scenarios(draw: st.DrawFn) -> str:
    """The bundled scenario with a few characters replaced, inserted or removed."""
    text = GOOD
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        insert = draw(st.text(alphabet="[]{}=\"'.,_-0123456789\n #ａ２\x00\x1b€", max_size=6))
        cut = draw(st.integers(0, 6))
        text = text[:at] + insert + text[at + cut :]
    return text


@FAST
@given(mutated_scenarios())
def test_a_damaged_scenario_is_a_scenario_or_a_problem(text: str) -> None:
    try:
        scenario = parse("x.toml", text.encode("utf-8", "surrogatepass"))
    except ProblemsError as error:
        assert error.problems
        return
    for year in scenario.years:  # whatever loads holds up
        assert scenario.totals(year) == scenario.recomputed_totals(year)


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_as_a_journal_without_error_and_never_as_a_whole_one(
    raw: bytes,
) -> None:
    leftover = leftovers.read_leftover(Path("j.jsonl"), raw)
    assert leftover.damaged  # no base, so kept aside: never deleted as if recovered
    assert len(leftover.entries) + leftover.unreadable <= raw.count(b"\n") + 1


def _journal_of_two_moves(scenario_file: Path) -> bytes:
    """The bytes of a real journal: the file as it was, then two moves."""
    scenario = storage.load(scenario_file).scenario
    source = Cell("Charlois", "gebiedsopdracht", 2017)
    target = Cell("Charlois", "couleur_locale", 2017)
    for amount in (1_000, 2_000):
        scenario.move(source, target, amount, who="anna", when=datetime(2026, 11, 23), reason="r")
    written = journal.Journal.create(scenario_file, scenario_file.read_bytes(), scenario.log)
    written.close()
    return written.path.read_bytes()


def test_a_journal_with_anything_after_its_changes_keeps_every_whole_one(
    scenario_file: Path,
) -> None:
    raw = _journal_of_two_moves(scenario_file)
    whole = leftovers.read_leftover(Path("j.jsonl"), raw)
    assert len(whole.entries) == 2 and whole.base == scenario_file.read_bytes()
    assert not whole.damaged

    @FAST
    @given(st.binary(max_size=300))
    def damaged(tail: bytes) -> None:
        leftover = leftovers.read_leftover(Path("j.jsonl"), raw + tail)
        assert leftover.base == whole.base and leftover.entries == whole.entries
        assert leftover.unreadable == sum(1 for line in tail.split(b"\n") if line.strip())

    damaged()


def test_a_journal_cut_short_in_its_last_change_keeps_the_ones_before(
    scenario_file: Path,
) -> None:
    raw = _journal_of_two_moves(scenario_file)
    whole = leftovers.read_leftover(Path("j.jsonl"), raw)
    last = len(raw.rstrip(b"\n")) - raw.rstrip(b"\n").rfind(b"\n") - 1  # its length
    for cut in range(2, last + 2):  # each cut inside the line, up to all of it
        leftover = leftovers.read_leftover(Path("j.jsonl"), raw[:-cut])
        assert leftover.entries == whole.entries[:1], cut
        assert leftover.unreadable == (cut <= last), cut


@FAST
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=20,
    )
)
def test_any_json_is_an_editing_note_or_none(data: object) -> None:
    note = presence._note_from(Path("n"), data)
    assert note is None or 0 < note.pid <= presence.PID_MAX


@FAST
@given(st.text(max_size=300))
def test_any_config_text_is_settings_or_a_problem(text: str) -> None:
    config = locations.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        settings_ = locations.load_settings()
    except ProblemsError as error:
        assert error.problems[0].file == str(config)
        return
    assert all("\x00" not in str(folder) for folder in settings_.shared)


# -- the app on a hostile team folder -------------------------------------------------


async def test_the_app_keeps_working_in_a_hostile_team_folder(team: Path) -> None:
    from gebiedsplanner.ui.app import PlannerApp

    app = PlannerApp(
        storage.open_for_editing(team / "goed.toml"), locations.load_settings([str(team)])
    )
    async with app.run_test(size=(140, 60), notifications=True) as pilot:
        await pilot.press("l")
        text = await shown(pilot, "veel-fouten.toml")
        for name in ("binair.toml", "pijp.toml", "groot.toml", "\\x1b[31mrood\\x07.toml"):
            row = next((line for line in text.splitlines() if name in line), "")
            assert "kan niet laden" in row, (name, text)
        await pilot.press("escape")
        await pilot.press("enter", *"=123.456", "enter", "ctrl+s")
        await shown(pilot, "Opgeslagen in")
        assert app.is_running
    assert storage.load(team / "goed.toml").scenario.log[-1].changes[0].new == 123_456
    assert stat.S_ISFIFO(os.lstat(team / "pijp.toml").st_mode)  # nothing touched
