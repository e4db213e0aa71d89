"""What typing an amount means: a cell's new amount, or the euros to move; or in words
why it cannot be.

The planner's edit line shows :attr:`EntryPreview.message` under every keystroke
and applies :attr:`EntryPreview.new` on Enter; a move (the command line's and the
dialog's) reads its amount through :func:`move_entry`; the arithmetic stays here.
"""

from __future__ import annotations

from typing import NamedTuple

from gebiedsplanner.core.describe import signed
from gebiedsplanner.core.money import (
    AmountInputError,
    format_amount,
    format_percent,
    parse_amount_input,
    parse_move_amount,
)
from gebiedsplanner.core.scenario import Cell, check_sign
from gebiedsplanner.i18n import texts


class EntryPreview(NamedTuple):
    """``new`` is the amount Enter would set, or ``None`` when the entry cannot be used."""

    new: int | None
    message: str
    error: bool = False
    shorter: tuple[str, ...] = ()
    """The message without its examples, and shorter still: for a line too narrow."""


def preview_entry(cell: Cell, current: int, typed: str) -> EntryPreview:
    """Understand ``typed`` (``250.000``, ``+25.000``, ``-10%``, ``=-300.000``) for ``cell``."""
    if not typed.strip():
        return EntryPreview(None, texts.EDITOR_HINT)
    try:
        new = parse_amount_input(typed).apply(current)
    except AmountInputError as error:
        return EntryPreview(None, str(error), error=True, shorter=error.shorter)
    problem = check_sign(cell.post, cell.owner, new)
    if problem:
        refused = texts.EDITOR_REFUSED.format(new=format_amount(new), problem=problem)
        return EntryPreview(None, refused, error=True)
    message = texts.EDIT_PREVIEW.format(
        old=format_amount(current), new=format_amount(new), delta=signed(new - current)
    )
    return EntryPreview(new, message)


class MoveEntry(NamedTuple):
    """What an amount typed for a move comes to.

    Attributes:
        amount: The whole euros to move.
        shown: The amount as said back: ``25.000``, or ``10% van 250.000 = 25.000``.
        percentage: It was typed as a percentage of the from-cell.
    """

    amount: int
    shown: str
    percentage: bool = False


def move_entry(typed: str, source_amount: int) -> MoveEntry:
    """Understand ``typed`` (``25.000``, ``+25.000``, ``10%``) as an amount to move out of
    a cell holding ``source_amount``: the command line's ``move`` and the app's move
    dialog alike. :class:`AmountInputError` says why it cannot be."""
    wanted = parse_move_amount(typed)
    amount = wanted.of(source_amount)
    if wanted.percent is None:
        return MoveEntry(amount, format_amount(amount))
    percent, whole = format_percent(wanted.percent), format_amount(source_amount)
    if amount <= 0:
        raise AmountInputError(texts.MOVE_PERCENT_NOTHING.format(percent=percent, amount=whole))
    shown = texts.MOVE_PERCENT_OF.format(percent=percent, whole=whole, amount=format_amount(amount))
    return MoveEntry(amount, shown, percentage=True)
