"""Three-way merge of two advisers' changes to one scenario, cell by cell.

A gebied's note merges as a cell does: one side's new note by itself, both sides'
different notes a :class:`Conflict` at the note's place (:func:`note_cell`).

``base`` is the scenario as we loaded it, ``ours`` what is on our screen,
``theirs`` what a colleague saved meanwhile. Cells only one side changed merge
by themselves; a cell both changed to different amounts is a :class:`Conflict`
for the user to decide. The merged scenario starts from theirs (so their change
log is kept whole) and replays our change-log entries on top, with each
change's old amount rebased on what was there: the log stays true to the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from gebiedsplanner.core.scenario import (
    Cell,
    CellChange,
    EditError,
    LogEntry,
    NoteChange,
    Scenario,
    note_cell,
)


class MergeImpossible(ValueError):
    """The files differ in shape (gebieden, posts or years), not only in amounts."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """A cell both advisers changed, to different amounts; or a gebied's note both
    changed to different texts (``cell`` is then its :func:`note_cell`)."""

    cell: Cell
    base: int | str
    ours: int | str
    theirs: int | str


def _shape(scenario: Scenario) -> set[Cell]:
    return set(scenario.cells())


def conflicts(base: Scenario, ours: Scenario, theirs: Scenario) -> list[Conflict]:
    """The cells that need a decision; raises :class:`MergeImpossible` on a change of shape."""
    cells = _shape(base)
    if _shape(ours) != cells or _shape(theirs) != cells:
        raise MergeImpossible
    found = []
    for cell in base.cells():
        was, mine, other = base.amount(cell), ours.amount(cell), theirs.amount(cell)
        if mine != was and other != was and mine != other:
            found.append(Conflict(cell, was, mine, other))
    for name, gebied in base.gebieden.items():
        note, mine_note, other_note = gebied.note, ours.note(name), theirs.note(name)
        if mine_note != note and other_note != note and mine_note != other_note:
            found.append(Conflict(note_cell(name), note, mine_note, other_note))
    return found


class Merged(NamedTuple):
    """The merged scenario, and what became of each of our log entries.

    Attributes:
        scenario: ``theirs`` with our changes replayed on top.
        rebased: ``id()`` of each of our entries (since ``base``) -> the entry as
            replayed (old amounts rebased on theirs), or ``None`` when nothing
            of it was left to write.
    """

    scenario: Scenario
    rebased: dict[int, LogEntry | None]


def merge(
    base: Scenario,
    ours: Scenario,
    theirs: Scenario,
    keep_ours: Mapping[Cell, bool] | None = None,
) -> Merged:
    """Our session's changes applied on top of ``theirs``.

    Args:
        base: The scenario as we loaded it (its log is the start of ours).
        ours: What we have now.
        theirs: What is on disk now; it is changed in place and returned.
        keep_ours: For each conflicting cell, ``True`` to keep our amount,
            ``False`` to keep theirs. A conflict left out keeps theirs.
    """
    decided = dict(keep_ours or {})
    contested = {conflict.cell for conflict in conflicts(base, ours, theirs)}
    # Cells we changed and changed back are not ours to write: theirs stands.
    changed = {cell for cell in base.cells() if ours.amount(cell) != base.amount(cell)}
    noted = {name for name, gebied in base.gebieden.items() if ours.note(name) != gebied.note}
    rebased: dict[int, LogEntry | None] = {}
    for entry in ours.log[len(base.log) :]:
        changes = []
        for change in entry.changes:
            if change.cell not in changed:
                continue
            if change.cell in contested and not decided.get(change.cell, False):
                continue
            current = theirs.amount(change.cell)
            if current != change.new:
                changes.append(CellChange(change.cell, current, change.new))
        notes = _rebased_notes(entry.notes, noted, contested, decided, theirs)
        merged = None
        if changes or notes:
            merged = theirs.replay(
                LogEntry(
                    entry.when, entry.who, entry.action, entry.reason, tuple(changes), notes
                )
            )
        rebased[id(entry)] = merged
    return Merged(theirs, rebased)


def _rebased_notes(
    notes: tuple[NoteChange, ...],
    noted: set[str],
    contested: set[Cell],
    decided: Mapping[Cell, bool],
    theirs: Scenario,
) -> tuple[NoteChange, ...]:
    """Our note changes of one entry, as :func:`merge` rebases a cell's: only notes we
    changed (and did not change back), a contested one only when ours is kept."""
    rebased = []
    for note in notes:
        place = note_cell(note.gebied)
        if note.gebied not in noted or (place in contested and not decided.get(place, False)):
            continue
        current = theirs.note(note.gebied)
        if current != note.new:
            rebased.append(NoteChange(note.gebied, current, note.new))
    return tuple(rebased)


def replay_fitting(scenario: Scenario, entries: Iterable[LogEntry]) -> int:
    """Apply each entry that still fits ``scenario``, in order; the number that did not.

    For a journal read back after a crash: an entry whose cells are unknown,
    whose old amounts are not what the cells hold, or whose new amount no post
    may hold is skipped (nothing of it applied); the entries after it that do
    fit still count.
    """
    skipped = 0
    for entry in entries:
        try:
            scenario.replay(entry)
        except EditError:
            skipped += 1
    return skipped
