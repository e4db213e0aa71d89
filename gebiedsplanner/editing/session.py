"""One editing session of a scenario: the model, its undo history, the crash journal,
our editing note, and the save protocol, one save at a time.

The planner screen only asks and repaints: every change goes through here, is
journaled (fsynced) before the screen shows it, and saving, merging with a
colleague's save and following a rename keep the journal true: it always holds
the changes that are on screen and not yet in the file.

Methods run on the UI thread, except :meth:`SaveJob.run` and
:meth:`EditingSession.look_around`, which run in a worker and change no model.
A save only notes the moment on the UI thread; the worker builds the bytes of the
model as it was then (:mod:`save_job`), while the adviser goes on editing. The
journal's first write (a copy of the file) runs in the background from the moment
the session begins, so the first edit only appends a line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from gebiedsplanner.core import audit
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.rights import EVERYTHING, Rights
from gebiedsplanner.core.scenario import Cell, LogEntry, Scenario, note_cell
from gebiedsplanner.core.undo import UndoHistory
from gebiedsplanner.disk.reading import real_path
from gebiedsplanner.disk.writing import clear_leftovers
from gebiedsplanner.editing import presence, storage
from gebiedsplanner.editing.journal import Journal, JournalGone, journal_dir
from gebiedsplanner.editing.save_job import JobDone, SaveJob
from gebiedsplanner.editing.snapshot import Moment
from gebiedsplanner.format.scenario_reader import parse
from gebiedsplanner.i18n import texts

if TYPE_CHECKING:
    from gebiedsplanner.core.merge import Conflict
    from gebiedsplanner.core.tools.plans import ToolPlan

# Merging and saving are imported where they are needed, not with this module: the
# app starts (and shows its first frame) without them.

#: Writes each session's first journal copy off the UI thread (one at a time).
_BACKGROUND = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")


class Change(NamedTuple):
    """A change that was made; ``problems`` when it could not be journaled (it stands)."""

    entry: LogEntry
    problems: list[Problem]


class Saved(NamedTuple):
    """The file holds what was on screen when the save began.

    ``again``: changes were saved for while this save ran (a second ctrl+s):
    save once more.
    """

    path: Path
    merged: bool
    again: bool
    problems: list[Problem]


class PendingMerge(NamedTuple):
    """A colleague saved meanwhile: what :meth:`EditingSession.resolve` needs."""

    job: SaveJob
    base: Scenario
    theirs: Scenario
    theirs_bytes: bytes
    theirs_log_length: int
    found: list[Conflict]


class Refused(NamedTuple):
    """Nothing was written, and why (the edits stay on screen and in the journal)."""

    problems: list[Problem]


class Gone(NamedTuple):
    """The file is no longer there (renamed, trashed): nothing was written; ask."""

    path: Path


class Busy(NamedTuple):
    """A save is running; a plain save is then done again once it ends."""

    queued: bool


SaveOutcome = Saved | PendingMerge | Refused | Gone


class EditingSession:
    """The document being edited, its undo history, its journal and its editing note.

    ``rights``: what this session may change; every change and save asks them first.
    """

    def __init__(self, document: storage.ScenarioDocument, rights: Rights = EVERYTHING) -> None:
        self.document = document
        self.rights = rights
        self.history = UndoHistory()
        self.saved_log_length = len(document.scenario.log)
        self.opened_log_length = self.saved_log_length
        """The log as the scenario was opened: what came after is :meth:`since_opened`."""
        self.saving = False
        self.ended = False  # closed (the app ends, another scenario is opened, discarded)
        self.note: Path | None = None
        self._save_again = False
        self._journal: Journal | None = None
        self._journal_started: Future[Journal] | None = None
        self._journaled = self.saved_log_length  # the log up to here is in the journal
        self._retired: list[Journal] = []  # replaced, but kept until the new one holds all

    @property
    def scenario(self) -> Scenario:
        """The model on screen."""
        return self.document.scenario

    @property
    def dirty(self) -> bool:
        """Changes that are not in the file yet."""
        return len(self.scenario.log) != self.saved_log_length

    def since_opened(self) -> list[LogEntry]:
        """Every change since the scenario was opened: ours, undone ones, a colleague's
        merged in (a merge keeps the log whole and rebases ours), saved or not."""
        return self.scenario.log[self.opened_log_length :]

    # -- lifecycle -------------------------------------------------------------

    def begin(self) -> None:
        """Start the journal (its copy of the file) in the background; returns at once."""
        self._journal_started = _BACKGROUND.submit(
            Journal.create, self.document.origin, self.document.loaded
        )

    def look_around(self) -> list[presence.Note]:
        """Leave our editing note and say who else edits this file (worker thread).

        A session that may change nothing edits nothing: it leaves no note (and
        writes nothing beside a team's scenario). One that may clears what saves killed
        while writing left beside the file."""
        path = self.document.path
        if path is None:
            return []
        if not self.rights.read_only:
            self.note = presence.announce(path)
            clear_leftovers(real_path(path))
        return presence.others(path)

    def close(self) -> None:
        """The session ends: unsaved changes stay in the journal for the next start."""
        self.ended = True
        presence.withdraw(self.note)
        self.note = None
        journal = self._current_journal()
        for each in [*self._retired, *([journal] if journal else [])]:
            if self.dirty:
                each.close()
            else:
                each.remove()
        self._journal, self._retired = None, []

    def abandon(self) -> Path | None:
        """The user leaves without saving: the journal is set aside (never deleted at once)."""
        journal = self._current_journal()
        aside = journal.set_aside("discarded") if journal and self.dirty else None
        if journal is not None and aside is None:
            journal.remove()
        self._journal = None
        self.close()
        return aside

    # -- changes ---------------------------------------------------------------

    def edit(self, cell: Cell, new: int, reason: str) -> Change:
        """Set one cell; :class:`EditError` says why it cannot be."""
        self.rights.check_cells([cell])
        reason = audit.reason(reason)
        entry = self.scenario.set_amount(cell, new, who=_who(), when=audit.now(), reason=reason)
        self.history.record(entry)
        return Change(entry, self._persist())

    def move(self, source: Cell, target: Cell, amount: int, reason: str) -> Change:
        """Move money between two cells of one year."""
        self.rights.check_cells([source, target])
        entry = self.scenario.move(
            source, target, amount, who=_who(), when=audit.now(), reason=audit.reason(reason)
        )
        self.history.record(entry)
        return Change(entry, self._persist())

    def set_note(self, gebied: str, note: str) -> Change | None:
        """Set a gebied's note (``""`` removes it; spaces around it go); ``None`` when it
        is the note the gebied has. :class:`EditError` says why it cannot be."""
        self.rights.check_cells([note_cell(gebied)])
        note = note.strip()
        if note == self.scenario.note(gebied):
            return None
        entry = self.scenario.set_note(gebied, note, who=_who(), when=audit.now())
        self.history.record(entry)
        return Change(entry, self._persist())

    def apply_tool(self, plan: ToolPlan) -> Change:
        """Apply a planning tool's previewed plan as one change (one undo takes it back)."""
        self.rights.check_cells(change.cell for change in plan.changes)
        plan = plan._replace(reason=audit.reason(plan.reason))
        entry = plan.apply(self.scenario, who=_who(), when=audit.now())
        self.history.record(entry)
        return Change(entry, self._persist())

    def undo(self) -> Change | None:
        """Reverse this session's latest change (logged); ``None`` when there is none."""
        entry = self.history.undo(self.scenario, who=_who(), when=audit.now())
        return None if entry is None else Change(entry, self._persist())

    def redo(self) -> Change | None:
        """Apply the latest undone change again (logged); ``None`` when there is none."""
        entry = self.history.redo(self.scenario, who=_who(), when=audit.now())
        return None if entry is None else Change(entry, self._persist())

    def journal_now(self) -> list[Problem]:
        """Changes made to the model outside the methods above (a recovery): journal them."""
        return self._persist()

    # -- the journal -----------------------------------------------------------

    def _current_journal(self) -> Journal | None:
        """Our journal, waiting for its background start if it is still being written."""
        if self._journal is None and self._journal_started is not None:
            with contextlib.suppress(
                ProblemsError
            ):  # if so, started on the spot at the next change
                self._journal = self._journal_started.result()
            self._journal_started = None
        return self._journal

    def _persist(self) -> list[Problem]:
        """Bring the journal up to date with the log: the changes not in the file are in it."""
        log = self.scenario.log
        if self._journaled >= len(log):
            return []
        journal = self._current_journal()
        try:
            if journal is not None:
                try:
                    journal.append(log[self._journaled :])
                except JournalGone:  # removed under our feet: start again with everything
                    journal.close()
                    self._journal = journal = None
            if journal is None:
                unsaved = log[self.saved_log_length :]
                self._journal = Journal.create(self.document.origin, self.document.loaded, unsaved)
        except ProblemsError as error:
            return [*error.problems, _journal_failed(journal)]
        self._journaled = len(log)
        return []

    def _swap(self, journal: Journal, journaled: int) -> list[Problem]:
        """Continue in ``journal``, which holds the log up to ``journaled``.

        The old journal goes only once the new one holds every unsaved change;
        until then it stays, locked, so nothing is ever in neither.
        """
        old = self._current_journal()
        self._journal, self._journaled = journal, journaled
        problems = self._persist()
        if old is not None:
            if problems:
                self._retired.append(old)
            else:
                old.remove()
        return problems

    def _start_over(self) -> None:
        """A new journal from the base as it is now, with every unsaved change.

        When it cannot be written the old journal stays: its changes still
        recover (by a merge), so nothing is lost.
        """
        unsaved = self.scenario.log[self.saved_log_length :]
        try:
            journal = Journal.create(self.document.origin, self.document.loaded, unsaved)
        except ProblemsError:
            return
        self._swap(journal, len(self.scenario.log))

    # -- saving ----------------------------------------------------------------

    def begin_save(
        self,
        path: Path | None = None,
        *,
        name: str | None = None,
        as_new: bool = False,
        make_folder: bool = False,
    ) -> SaveJob | Busy:
        """The next save to run, or :class:`Busy` while one runs (a plain save is queued).

        ``path`` and ``as_new``: save as a new file (never over an existing one);
        ``make_folder``: its folder may be made (the user's own library).
        :class:`~gebiedsplanner.core.rights.NotAllowed` when this session may not save.
        """
        self.rights.check_write()
        if self.saving:
            queued = path is None and not as_new
            self._save_again = self._save_again or queued
            return Busy(queued)
        target = path or self.document.path
        assert target is not None, "a bundled example is saved as a new file"
        self.saving, self._save_again = True, False
        job = self._job(target, as_new=as_new, name=name, merged=False)
        return job._replace(make_folder=make_folder)

    def _job(self, path: Path, *, as_new: bool, name: str | None, merged: bool) -> SaveJob:
        # The text on disk we expect to replace is patched, so its comments stay: after a
        # merge that is the colleague's save (resolve made it our base). A save as keeps
        # them too. The new name takes effect once it is written.
        real = None if as_new or path != self.document.path else self.document.real
        moment = Moment.now(self.scenario)
        return SaveJob(path, moment, self.document.loaded, real, as_new, name, merged)

    def finish_save(self, job: SaveJob, done: JobDone) -> SaveOutcome:
        """What became of ``job``; a :class:`PendingMerge` waits for :meth:`resolve`.

        A save that ends after its session did (the app quit, the changes given up, while
        it ran) still wrote what was on screen at ctrl+s, but starts no journal and no
        save after it: what came later was closed into, or given up with, the journal
        the session had."""
        if self.ended:
            self._save_again = False
            if done.journal is not None:
                done.journal.remove()
                done = done._replace(journal=None)
        result = done.result
        if isinstance(result, storage.Changed) and self.ended:  # no merge to ask about
            self.saving = False
            return Refused(done.problems)
        if isinstance(result, storage.Changed):
            return self._against_theirs(job, result.theirs, done)
        self.saving = False
        if result is None:
            return Refused(done.problems)
        if isinstance(result, storage.Vanished):
            return Gone(job.path)
        self.document.real = real_path(result.real)
        problems = [*done.notices, *done.problems, *self._written(job, done)]
        again = self._save_again and self.dirty
        return Saved(job.path, job.merged, again, problems)

    def _written(self, job: SaveJob, done: JobDone) -> list[Problem]:
        if job.name is not None:
            self.scenario.name = job.name
        moved = job.path != self.document.path
        self.document.path, self.document.loaded = job.path, done.data
        self.saved_log_length = job.log_length
        if moved:
            self._moved_to(job.path)
        # Without a new journal the old one stays: its changes still recover, by a merge.
        # With one, the changes made while the save ran go into it (they are not saved).
        return self._swap(done.journal, self.saved_log_length) if done.journal else []

    def _moved_to(self, path: Path) -> None:
        """The file is elsewhere now (save as, a rename): the note follows it."""
        self.document.origin = path
        presence.withdraw(self.note)
        self.note = None if self.ended else presence.announce(path)

    def _against_theirs(self, job: SaveJob, theirs_bytes: bytes, done: JobDone) -> SaveOutcome:
        """Someone saved meanwhile: a merge to decide on (or refused on a change of shape).

        The files were read in the worker; what is on screen now is merged (also the
        changes made while the save ran)."""
        from gebiedsplanner.core.merge import MergeImpossible, conflicts

        if done.theirs is None:
            self.saving = False
            return Refused(done.problems)
        base, theirs = done.theirs
        try:
            found = conflicts(base, self.scenario, theirs)
        except MergeImpossible:
            self.saving = False
            problem = Problem(str(job.path), "", texts.CHANGED_SHAPE, texts.FIX_CHANGED_SHAPE)
            return Refused([problem])
        return PendingMerge(job, base, theirs, theirs_bytes, len(theirs.log), found)

    def resolve(self, pending: PendingMerge, keep_ours: Mapping[Cell, bool]) -> SaveJob:
        """Merge with the colleague's save as chosen; the save to run next.

        The undo history follows the merge, and the journal starts again from
        their file, so a crash before the merged save still recovers exactly.
        """
        from gebiedsplanner.core.merge import merge

        merged = merge(pending.base, self.scenario, pending.theirs, keep_ours)
        self.history.rebase(merged.rebased)
        self.document.scenario = merged.scenario
        self.document.loaded = pending.theirs_bytes
        self.saved_log_length = pending.theirs_log_length
        self._start_over()
        job = pending.job
        return self._job(job.path, as_new=False, name=job.name, merged=True)

    def cancel_save(self) -> None:
        """The user stepped back from a merge: nothing was written, editing goes on."""
        self.saving = False

    # -- the file moved --------------------------------------------------------

    def follow(self, old: Path, new: Path, data: bytes, old_digest: str) -> bool:
        """The library renamed the file ``old`` to ``new`` (with ``data``): edit that one now.

        Returns ``False`` when this session edits another file. When the file
        was renamed from exactly what we loaded, ``data`` is our base from now
        on; else a colleague had saved it, and the next save merges.
        """
        path = self.document.path
        if path is None or real_path(path) != real_path(old):
            return False
        if self.document.loaded_digest == old_digest:
            self.document.loaded = data
            self.scenario.name = parse(str(new), data).name
        self.document.path, self.document.real = new, real_path(new)
        self._moved_to(new)
        self._start_over()
        return True


def _who() -> str:
    return audit.current_user()


def _journal_failed(journal: Journal | None) -> Problem:
    where = str(journal.path if journal else journal_dir())
    return Problem(where, "", texts.JOURNAL_FAILED, texts.FIX_JOURNAL_FAILED)
