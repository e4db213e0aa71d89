"""One editing session of a scenario: the model, what is on disk, and the crash journal.

The planner screen hands every change here before it repaints, so the change
is journaled (fsynced) before it shows. Saving, merging a colleague's save and
recovering after a crash all keep the journal true: it always holds exactly
the changes that are on screen and not yet in the file.
"""

from __future__ import annotations

from pathlib import Path

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import LogEntry, Scenario
from gebiedsplanner.files.journal import Journal, Recovery, pending
from gebiedsplanner.files.storage import ScenarioDocument


class EditingSession:
    """The document being edited and its journal."""

    def __init__(self, document: ScenarioDocument) -> None:
        self.document = document
        self.journal = Journal(document.origin)
        self.saved_log_length = len(document.scenario.log)

    @property
    def scenario(self) -> Scenario:
        """The model on screen."""
        return self.document.scenario

    @property
    def dirty(self) -> bool:
        """Changes that are not in the file yet."""
        return len(self.scenario.log) != self.saved_log_length

    def record(self, entry: LogEntry) -> list[Problem]:
        """Journal a change that was just made; the problems, if it could not be written."""
        try:
            self.journal.append(entry, self.document.loaded)
        except ProblemsError as error:
            return error.problems
        return []

    def saved(self, path: Path, data: bytes, log_length: int) -> None:
        """``data`` (the log up to ``log_length``) is now in ``path``."""
        if path != self.document.origin:
            self.journal.clear()
            self.journal = Journal(path)
            self.document.origin = path
        self.document.path = path
        self.document.loaded = data
        self.saved_log_length = log_length
        self.journal.restart(data, self.scenario.log[log_length:])

    def adopt(self, merged: Scenario, theirs: bytes, theirs_log_length: int) -> None:
        """Continue from a merge with a colleague's save (``theirs`` is now the base)."""
        self.document.scenario = merged
        self.document.loaded = theirs
        self.saved_log_length = theirs_log_length
        self.journal.restart(theirs, merged.log[theirs_log_length:])

    def pending(self) -> Recovery | None:
        """Unsaved changes to this file from an earlier session."""
        return pending(self.document.origin)

    def recover(self, recovery: Recovery) -> None:
        """Put back exactly what was on screen when the earlier session ended."""
        self.document.scenario = recovery.replayed()
        self.document.loaded = recovery.base
        self.saved_log_length = len(self.scenario.log) - len(recovery.entries)

    def abandon(self) -> None:
        """The user leaves without saving: set the journal aside (never deleted at once)."""
        if self.journal.path.exists():
            self.journal.set_aside()

    def discard(self, recovery: Recovery) -> Path:
        """Drop the earlier session's changes (the journal is kept aside, not deleted)."""
        return recovery.journal.set_aside()
