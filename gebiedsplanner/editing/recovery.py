"""Recovering what ended sessions left unsaved: every session's changes that still fit.

Each leftover journal (see :mod:`journal`) is replayed on the base it holds;
an entry that does not fit (damaged, or its old amounts no longer true) is
skipped and counted, the others count. The result is merged into what is on
screen cell by cell, like a colleague's save: cells both changed are the
user's choice. When what is on screen is exactly that session's base, the
recovered scenario replaces it as it was (same log, same amounts). A leftover
of a file that changed shape since is saved as a variant, never dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from gebiedsplanner.core.merge import Conflict, MergeImpossible, conflicts, merge, replay_fitting
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.rights import NotAllowed
from gebiedsplanner.core.scenario import Cell, Scenario, places
from gebiedsplanner.disk.reading import real_path
from gebiedsplanner.disk.writing import AlreadyThere, write_new
from gebiedsplanner.editing.journal import file_id, renamed_since
from gebiedsplanner.editing.leftovers import Leftover, leftovers, orphans
from gebiedsplanner.editing.session import EditingSession
from gebiedsplanner.format.save_strategy import save_bytes
from gebiedsplanner.format.scenario_reader import parse
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import file_name_for


class Found(NamedTuple):
    """One ended session's unsaved changes, read back.

    Attributes:
        leftover: Its journal (locked by us until recovered or discarded).
        base: The file as that session began with it.
        ours: ``base`` with every change of the journal that fits.
        skipped: Changes that did not fit, or could not be read at all.
        base_text: The bytes ``base`` was read from (their comments stay in a variant).
    """

    leftover: Leftover
    base: Scenario
    ours: Scenario
    skipped: int
    base_text: bytes

    @property
    def changes(self) -> int:
        """The changes that will come back."""
        return len(self.ours.log) - len(self.base.log)


class Recovered(NamedTuple):
    """What recovering did: changes back on screen, and what was kept aside.

    ``problems``: what could not be done (the journal concerned is left as it
    was, to be offered again at the next start).
    """

    changes: int
    skipped: int
    kept: tuple[Path, ...]
    variants: tuple[Path, ...]
    problems: tuple[Problem, ...] = ()


class Undecided(NamedTuple):
    """A recovered session and the screen changed the same cells: the user chooses.

    ``found`` are those cells (ours: recovered, theirs: on screen); ``pending``
    starts with the session concerned; ``so_far`` is what was recovered before.
    """

    found: list[Conflict]
    pending: list[Found]
    so_far: Recovered


NOTHING_YET = Recovered(0, 0, (), ())


def look_for(session: EditingSession) -> list[Found]:
    """The unsaved changes of ended sessions on this file, oldest first (worker thread).

    Also those of sessions that edited this file under a name it no longer has
    (renamed or moved while they ran): their journal's base is this plan.
    """
    origin, loaded = session.document.origin, session.document.loaded
    found = [_read(leftover, str(origin), loaded) for leftover in leftovers(origin)]
    return found + _renamed_here(orphans(origin), str(origin), loaded)


def _renamed_here(candidates: list[Leftover], name: str, loaded: bytes) -> list[Found]:
    """The orphaned leftovers that belong to this file: moved here in the shell (the
    same file, as the system counts files, with the same content) or renamed to it in
    the library (which left a note)."""
    here, real, this_file = [], real_path(Path(name)), file_id(Path(name))
    for leftover in candidates:
        origin = leftover.origin
        renamed = origin is not None and real in renamed_since(origin, leftover.started)
        moved = this_file is not None and leftover.file == this_file and leftover.base == loaded
        if leftover.base is not None and (moved or renamed):
            here.append(_read(leftover, name, loaded))
        else:
            leftover.release()
    return here


def _read(leftover: Leftover, name: str, loaded: bytes) -> Found:
    """Replay a leftover on its base; without a usable base, on the file as it is now."""
    start = leftover.base if leftover.base is not None else loaded
    try:
        base, ours = parse(name, start), parse(name, start)
    except ProblemsError:
        start = loaded
        base, ours = parse(name, loaded), parse(name, loaded)
    skipped = replay_fitting(ours, leftover.entries) + leftover.unreadable
    return Found(leftover, base, ours, skipped, start)


def recover(
    session: EditingSession,
    pending: list[Found],
    variant_folders: Sequence[Path],
    keep_recovered: Mapping[Cell, bool] | None = None,
    so_far: Recovered = NOTHING_YET,
) -> Recovered | Undecided:
    """Bring every pending session's changes back on screen, in order.

    Stops at the first session whose changes meet changes on screen in the
    same cells, unless ``keep_recovered`` decides them (``True``: the recovered
    amount). Call again with the :class:`Undecided`'s pending list.
    """
    done = so_far
    for index, found in enumerate(pending):
        decided = keep_recovered if index == 0 else None
        try:
            # Changes this session may not make (its key's limits narrowed since) are
            # kept as a variant, as changes that no longer fit the file are.
            session.rights.check_cells(
                place for entry in found.leftover.entries for place in places(entry)
            )
            outcome = _absorb(session, found, decided)
        except (MergeImpossible, NotAllowed):
            # A read-only session writes nothing into the team's folders: its variant
            # goes into its own library (the last of the save folders).
            folders = variant_folders[-1:] if session.rights.read_only else variant_folders
            try:
                variant = _save_variant(found.ours, found.base_text, folders)
            except ProblemsError as error:
                found.leftover.release()
                done = done._replace(problems=(*done.problems, *error.problems))
                continue
            done = done._replace(variants=(*done.variants, variant))
            outcome = 0
        if isinstance(outcome, list):
            return Undecided(outcome, pending[index:], done)
        problems = session.journal_now()
        if problems:  # on screen, not in our journal: the old one must stay, it is all there is
            done = done._replace(
                changes=done.changes + outcome, problems=(*done.problems, *problems)
            )
            found.leftover.release()
            continue
        aside = found.leftover.finish()
        done = done._replace(
            changes=done.changes + outcome,
            skipped=done.skipped + found.skipped,
            kept=(*done.kept, aside) if aside else done.kept,
        )
    return done


def _absorb(
    session: EditingSession, found: Found, decided: Mapping[Cell, bool] | None
) -> int | list[Conflict]:
    """Put ``found``'s changes on screen and say how many; or the cells to decide first."""
    document = session.document
    if found.leftover.base == document.loaded and not session.dirty and decided is None:
        document.scenario = found.ours  # exactly what was on screen when that session ended
        session.history.clear()
        return found.changes
    current = session.scenario
    if decided is None and (found_conflicts := conflicts(found.base, found.ours, current)):
        return found_conflicts
    before = len(current.log)
    merge(found.base, found.ours, current, decided or {})
    return len(current.log) - before


def _save_variant(scenario: Scenario, base: bytes, folders: Sequence[Path]) -> Path:
    """A recovered scenario that no longer fits the file, as a new file of its own,
    in the first of ``folders`` that takes it (the settings' save folders: only the
    last, the user's own library, is made when missing)."""
    name = texts.RECOVERED_VARIANT.format(name=scenario.name)
    data = save_bytes(scenario, base, name=name)  # the comments of the file it came from stay
    try:
        stem = file_name_for(name).removesuffix(".toml")
    except ValueError:  # a name of slashes or without letters: the file gets a plain one
        stem = file_name_for(texts.RECOVERED_VARIANT.format(name="scenario")).removesuffix(".toml")
    refused = ProblemsError(
        [Problem(str(folders[0]), "", texts.FILE_EXISTS, texts.FIX_FILE_EXISTS)]
    )
    for folder in folders:
        for number in range(1, 100):
            path = folder / (f"{stem}.toml" if number == 1 else f"{stem}-{number}.toml")
            try:
                write_new(path, data, make_folder=folder == folders[-1])
            except AlreadyThere:
                continue
            except ProblemsError as error:  # this folder refuses: the next one may not
                refused = error
                break
            return path
    raise refused


def discard(pending: list[Found]) -> list[Path]:
    """Throw the changes away: each journal is kept aside, not deleted."""
    return [found.leftover.discard() for found in pending]


def release(pending: list[Found]) -> None:
    """Decide later: the journals stay for the next start (or another window)."""
    for found in pending:
        found.leftover.release()
