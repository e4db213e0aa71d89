"""A scenario marked read-only (``chmod 444``, as a team marks an approved scenario) is
never written by any path that writes scenarios, and nothing of the user's is lost.

Saving replaces a file by renaming a new one over it, which ignores the file's own
mode (and as root every permission check says yes): the refusal comes from the mode
bits, so these tests hold as root too.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import recovery, storage
from gebiedsplanner.editing.session import Busy, EditingSession, PendingMerge, Refused, SaveJob
from gebiedsplanner.i18n import texts
from gebiedsplanner.library import catalog as library
from gebiedsplanner.settings.locations import load_settings
from tests.conftest import BUNDLED, save
from tests.test_recovery import WHEN, killed, recovered, session_on

CELL = Cell("Noord", "couleur_locale", 2017)


def read_only(path: Path) -> bytes:
    """Mark ``path`` read-only for everyone; its bytes."""
    path.chmod(0o444)
    return path.read_bytes()


def assert_untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def assert_refused(problems: list[Problem], path: Path) -> None:
    assert [(p.file, p.message, p.fix) for p in problems] == [
        (str(path), texts.READ_ONLY_FILE, texts.FIX_READ_ONLY_FILE)
    ]


def save_refused(session: EditingSession, job: SaveJob | Busy | None = None) -> list[Problem]:
    """Run a save (the next one, or ``job``) to its end; the problems it was refused with."""
    job = session.begin_save() if job is None else job
    assert isinstance(job, SaveJob)
    outcome = session.finish_save(job, job.run())
    assert isinstance(outcome, Refused), outcome
    return outcome.problems


def test_a_save_is_refused_and_the_edit_stays_in_the_journal(scenario_file: Path) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    before = read_only(scenario_file)
    assert_refused(save_refused(session), scenario_file)
    assert_untouched(scenario_file, before)
    assert session.dirty and session.scenario.amount(CELL) == 7  # still on screen
    killed(session)
    assert recovered(scenario_file).scenario.amount(CELL) == 7  # and in the journal


def test_a_merged_save_is_refused_when_the_file_was_marked_meanwhile(scenario_file: Path) -> None:
    ours = session_on(scenario_file)
    ours.edit(CELL, 7, "")
    colleague = storage.load(scenario_file)
    colleague.scenario.set_amount(Cell("Charlois", "gebiedsopdracht", 2017), 1, who="c", when=WHEN)
    save(colleague)
    job = ours.begin_save()
    assert isinstance(job, SaveJob)
    pending = ours.finish_save(job, job.run())
    assert isinstance(pending, PendingMerge)
    before = read_only(scenario_file)  # approved while we chose
    assert_refused(save_refused(ours, ours.resolve(pending, {})), scenario_file)
    assert_untouched(scenario_file, before)
    assert ours.scenario.amount(CELL) == 7


def test_recovered_edits_are_not_saved_over_a_read_only_file(scenario_file: Path) -> None:
    ended = session_on(scenario_file)
    ended.edit(CELL, 7, "")
    killed(ended)
    before = read_only(scenario_file)
    session = recovered(scenario_file)
    assert session.scenario.amount(CELL) == 7  # recovering reads: it works
    assert_refused(save_refused(session), scenario_file)
    assert_untouched(scenario_file, before)
    killed(session)
    (found,) = recovery.look_for(session_on(scenario_file))  # offered again next time
    assert found.ours.amount(CELL) == 7
    recovery.release([found])


@pytest.mark.parametrize("name", ["Basis", "Goedgekeurd"], ids=["same file", "new file"])
def test_the_library_does_not_rename_a_read_only_file(tmp_path: Path, name: str) -> None:
    team = tmp_path / "team"
    team.mkdir()
    path = team / "basis.toml"
    path.write_bytes(BUNDLED.read_bytes())
    before = read_only(path)
    settings = load_settings([str(team)])
    (entry,) = [entry for entry in library.scan(settings) if entry.path == path]
    with pytest.raises(ProblemsError) as refused:
        library.rename(entry, name)
    assert_refused(refused.value.problems, path)
    assert_untouched(path, before)
    assert sorted(p.name for p in team.iterdir()) == ["basis.toml"]  # no copy, not even a lock
    copy = library.duplicate(entry, "Variant", settings.library, make_folder=True)
    assert storage.load(copy).scenario.amount(CELL) == storage.load(path).scenario.amount(CELL)


@pytest.mark.parametrize(
    "write_new",
    [
        lambda s, p: s.begin_save(p, name="Basis", as_new=True),
        lambda s, p: s.begin_save(p, as_new=True),  # "write it anew there" after a rename
    ],
    ids=["save as", "write anew"],
)
def test_a_save_as_onto_a_read_only_file_is_refused(
    scenario_file: Path, tmp_path: Path, write_new: Callable[[EditingSession, Path], SaveJob | Busy]
) -> None:
    """Held before the refusal came (a new file is never put over one): kept so."""
    other = tmp_path / "goedgekeurd.toml"
    other.write_bytes(scenario_file.read_bytes())
    before = read_only(other)
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    problems = save_refused(session, write_new(session, other))
    assert [p.message for p in problems] == [texts.FILE_EXISTS]  # never over a file there
    assert_untouched(other, before)


def test_a_read_only_file_opens_and_reads(scenario_file: Path) -> None:
    """Held before the refusal came too: only writing is refused."""
    read_only(scenario_file)
    assert storage.open_for_editing(scenario_file).path == scenario_file
    assert storage.load(scenario_file).scenario.amount(CELL) > 0
