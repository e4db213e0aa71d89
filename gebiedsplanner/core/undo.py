"""Undo and redo of one editing session's changes, kept beside the scenario.

An undo is itself a change-log entry (the audit trail never loses a step). The
history lives outside the :class:`Scenario` so it survives what replaces the
model: after a merge with a colleague's save, :meth:`UndoHistory.rebase` maps
each change to its merged form, so undoing it goes back to the colleague's
amount, not to the amount before the merge. Every undo and redo is checked
against what the cells hold now (:class:`StaleChange`): one that no longer
fits is dropped with a message, never applied, and never blocks the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from gebiedsplanner.core import log_words
from gebiedsplanner.core.scenario import (
    REDO,
    UNDO,
    CellChange,
    LogEntry,
    NoteChange,
    Scenario,
)


class UndoHistory:
    """The changes of this session that can be undone (oldest first) and redone."""

    def __init__(self) -> None:
        self._done: list[LogEntry] = []
        self._undone: list[LogEntry] = []

    @property
    def can_undo(self) -> bool:
        """There is a change of this session to undo."""
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        """There is an undone change to redo."""
        return bool(self._undone)

    def record(self, entry: LogEntry) -> None:
        """A new change was made: it is the next to undo, and nothing is left to redo."""
        self._done.append(entry)
        self._undone.clear()

    def undo(self, scenario: Scenario, *, who: str, when: datetime) -> LogEntry | None:
        """Reverse the latest change (logged); ``None`` when there is none.

        Raises :class:`~gebiedsplanner.core.scenario.StaleChange` (and changes
        nothing) when a cell no longer holds what the change left in it.
        """
        if not self._done:
            return None
        original = self._done.pop()
        reverse = tuple(CellChange(c.cell, c.new, c.old) for c in reversed(original.changes))
        notes = tuple(NoteChange(n.gebied, n.new, n.old) for n in reversed(original.notes))
        entry = _retrace(
            scenario, original, (reverse, notes), UNDO, log_words.UNDO_REASON, who, when
        )
        self._undone.append(original)
        return entry

    def redo(self, scenario: Scenario, *, who: str, when: datetime) -> LogEntry | None:
        """Apply the latest undone change again (logged); ``None`` when there is none."""
        if not self._undone:
            return None
        original = self._undone.pop()
        entry = _retrace(
            scenario,
            original,
            (original.changes, original.notes),
            REDO,
            log_words.REDO_REASON,
            who,
            when,
        )
        self._done.append(original)
        return entry

    def rebase(self, merged: Mapping[int, LogEntry | None]) -> None:
        """Follow a merge: ``merged`` maps ``id()`` of our log entries to their merged form.

        An entry that left nothing in the merge (the colleague's amounts
        stand) is gone from what can be undone. Undone changes stay as they
        were: a redo is checked against the cells as they are then.
        """
        kept = [merged.get(id(entry), entry) for entry in self._done]
        self._done[:] = [entry for entry in kept if entry is not None]

    def clear(self) -> None:
        """The model was replaced (recovery, another scenario): nothing of it to undo."""
        self._done.clear()
        self._undone.clear()


def _retrace(
    scenario: Scenario,
    original: LogEntry,
    changes: tuple[tuple[CellChange, ...], tuple[NoteChange, ...]],
    action: str,
    template: str,
    who: str,
    when: datetime,
) -> LogEntry:
    """Log and apply an undo or redo of ``original`` (its ``changes``: cells and notes),
    naming it in the reason."""
    reason = template.format(
        action=log_words.action_word(original.action), reason=original.reason
    ).rstrip(": ")
    cells, notes = changes
    return scenario.replay(LogEntry(when, who, action, reason, cells, notes))
