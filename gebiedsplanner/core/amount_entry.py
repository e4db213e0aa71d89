"""What typing into a cell means: the new amount, or in words why it cannot be.

The planner's edit line shows :attr:`EntryPreview.message` under every keystroke
and applies :attr:`EntryPreview.new` on Enter; the arithmetic stays here.
"""

from __future__ import annotations

from typing import NamedTuple

from gebiedsplanner.core.describe import signed
from gebiedsplanner.core.money import AmountInputError, format_amount, parse_amount_input
from gebiedsplanner.core.scenario import Cell, check_sign
from gebiedsplanner.i18n import texts


class EntryPreview(NamedTuple):
    """``new`` is the amount Enter would set, or ``None`` when the entry cannot be used."""

    new: int | None
    message: str
    error: bool = False


def preview_entry(cell: Cell, current: int, typed: str) -> EntryPreview:
    """Understand ``typed`` (``250.000``, ``+25.000``, ``-10%``, ``=-300.000``) for ``cell``."""
    if not typed.strip():
        return EntryPreview(None, texts.EDITOR_HINT)
    try:
        new = parse_amount_input(typed).apply(current)
    except AmountInputError as error:
        return EntryPreview(None, str(error), error=True)
    problem = check_sign(cell.post, cell.owner, new)
    if problem:
        refused = texts.EDITOR_REFUSED.format(new=format_amount(new), problem=problem)
        return EntryPreview(None, refused, error=True)
    message = texts.EDIT_PREVIEW.format(
        old=format_amount(current), new=format_amount(new), delta=signed(new - current)
    )
    return EntryPreview(new, message)
