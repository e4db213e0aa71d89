"""Changes told in words, for previews and confirmations."""

from __future__ import annotations

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.scenario import (
    NOTE_POST,
    STEDELIJK,
    Cell,
    CellChange,
    NoteChange,
    post_label,
)
from gebiedsplanner.i18n import texts


def owner_label(owner: str) -> str:
    """A gebied's name made safe to show, or the word for the city-wide posts."""
    return texts.STEDELIJK_LABEL if owner == STEDELIJK else literal(owner)


def cell_label(cell: Cell, *, year: bool = True) -> str:
    """``Charlois · couleur locale · 2017`` (names made safe to show), or without the year;
    a note's place (:func:`note_cell`) as ``Charlois · notitie``."""
    if cell.post == NOTE_POST and cell.owner != STEDELIJK:
        return texts.CELL_LABEL_NO_YEAR.format(owner=owner_label(cell.owner), post=texts.NOTE_PLACE)
    post = literal(post_label(cell.post))
    label = texts.CELL_LABEL if year else texts.CELL_LABEL_NO_YEAR
    return label.format(owner=owner_label(cell.owner), post=post, year=cell.year)


def shown_note(note: str) -> str:
    """A note on one line, made safe to show: a line break as ``⏎``, a tab as a space."""
    return literal(note.replace("\n", " ⏎ ").replace("\t", " "))


def describe_note(change: NoteChange) -> str:
    """``Charlois · notitie: wacht op besluit gebiedscommissie`` (or that it was removed)."""
    gebied = owner_label(change.gebied)
    if not change.new:
        return texts.ENTRY_NOTE_REMOVED.format(gebied=gebied, old=shown_note(change.old))
    return texts.ENTRY_NOTE.format(gebied=gebied, note=shown_note(change.new))


def signed(amount: int) -> str:
    """An amount with an explicit sign: ``+50.000`` / ``-50.000`` / ``0``."""
    return f"+{format_amount(amount)}" if amount > 0 else format_amount(amount)


def describe_change(change: CellChange) -> str:
    """``Charlois · couleur locale · 2017: 247.000 → 297.000 (+50.000)``."""
    return texts.CHANGE_LINE.format(
        cell=cell_label(change.cell),
        old=format_amount(change.old),
        new=format_amount(change.new),
        delta=signed(change.new - change.old),
    )
