"""What every planning tool's plan is made of.

A tool looks at a scenario and returns a :class:`ToolPlan` without changing
anything: the cell changes, a row per gebied (old, new), a check line computed
from the result, and notes in words (holds, floors, who got the rounding euros).
Applying a plan is one change-log entry, so one undo takes the whole step back. A
request that cannot be met raises :class:`ToolRefused` saying by how much it falls
short. The tools themselves are the other modules of this package.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import datetime
from types import ModuleType, SimpleNamespace
from typing import NamedTuple

from gebiedsplanner.core.apportion import NoBasis, Shortfall, Spread, spread
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.scenario import (
    Cell,
    CellChange,
    EditError,
    LogEntry,
    Scenario,
    check_sign,
)
from gebiedsplanner.i18n import texts

#: Where a plan's words come from: the catalogue (``texts``, the screen's language) for
#: the preview's heading, a tool's log words (the file's Dutch) for the change log.
Words = ModuleType | SimpleNamespace
#: Names spelled out in a note; the rest are counted.
NAMES_SHOWN = 8


class ToolRefused(EditError):
    """The request cannot be met; the message says why and by how much. Nothing changed."""


class Row(NamedTuple):
    """One gebied (or ``stedelijk``) in a tool's preview: the figure before and after,
    and a word when a hold, a floor or the rounding touched it (``vast``, ``bodem``)."""

    owner: str
    old: int
    new: int
    mark: str = ""

    @property
    def change(self) -> int:
        """New minus old."""
        return self.new - self.old


class ToolPlan(NamedTuple):
    """What a tool would do, to preview and then apply as one step.

    Attributes:
        action: The change-log action code.
        reason: The parameters in words (and the user's toelichting), recorded: in the
            file's words (the tool's log words).
        heading: The same in the UI language, heading the preview.
        figure: What :attr:`rows` show, e.g. ``taakstelling 2017``.
        rows: Every gebied, in file order, with its figure before and after.
        changes: The cells that change (none when there is nothing to do).
        check: A line computed from the result, saying the total is exact.
        notes: In words: holds, floors, rounding euros, or why nothing changes.
        sound: The check holds; a plan whose check fails is never applied.
    """

    action: str
    reason: str
    heading: str
    figure: str
    rows: tuple[Row, ...]
    changes: tuple[CellChange, ...]
    check: str
    notes: tuple[str, ...]
    sound: bool

    def apply(self, scenario: Scenario, *, who: str, when: datetime) -> LogEntry:
        """Apply as one logged entry; :class:`StaleChange` if a cell changed since."""
        if not self.changes or not self.sound:
            raise ToolRefused(texts.TOOL_NOTHING_APPLIED)
        return scenario.replay(LogEntry(when, who, self.action, self.reason, self.changes))


def names_list(names: Iterable[str]) -> str:
    """Names for a note: the first few spelled out, the rest counted."""
    listed = list(names)
    if len(listed) <= NAMES_SHOWN:
        return ", ".join(listed)
    shown = ", ".join(listed[:NAMES_SHOWN])
    return texts.NAMES_MORE.format(names=shown, count=format_amount(len(listed) - NAMES_SHOWN))


def spread_refusing(
    total: int,
    weights: dict[str, int],
    caps: dict[str, int],
    unit: int,
    free: list[str],
    *,
    key_label: str,
    post: str = "",
    giving_back: bool = False,
) -> Spread:
    """:func:`spread`, with its refusals in words."""
    if total and not free:
        raise ToolRefused(texts.TOOL_ALL_HELD.format(amount=format_amount(total)))
    try:
        return spread(total, weights, caps, unit=unit)
    except NoBasis:
        if post:
            raise ToolRefused(texts.TOOL_NO_BASIS_POST.format(post=post)) from None
        raise ToolRefused(texts.TOOL_NO_BASIS.format(key=key_label)) from None
    except Shortfall as short:
        amount = format_amount(short.short)
        if giving_back:
            raise ToolRefused(texts.TOOL_SHORT_BACK.format(short=amount, key=key_label)) from None
        if post:
            raise ToolRefused(texts.TOOL_SHORT_POST.format(post=post, short=amount)) from None
        raise ToolRefused(texts.TOOL_SHORT_FLOOR.format(short=amount)) from None


def spread_marks(
    outcome: Spread, holds: Collection[str], *, floor: bool, giving_back: bool
) -> dict[str, str]:
    """The word beside each gebied a hold, a cap or the rounding touched."""
    marked = dict.fromkeys(outcome.extra, texts.MARK_EXTRA)
    for name in outcome.capped:
        if giving_back:
            marked[name] = texts.MARK_BACK_TO_ZERO
        elif outcome.shares[name]:
            marked[name] = texts.MARK_FLOOR if floor else texts.MARK_ZERO
        else:
            marked[name] = texts.MARK_UNDER_FLOOR if floor else texts.MARK_UNDER_ZERO
    return marked | dict.fromkeys(holds, texts.MARK_HELD)


def rounding_notes(outcome: Spread, unit: int) -> list[str]:
    """Who got the euros (or units) the largest remainder gave out."""
    if not outcome.extra:
        return []
    if unit > 1:
        return [
            texts.NOTE_EXTRA_UNIT.format(unit=format_amount(unit), names=names_list(outcome.extra))
        ]
    return [texts.NOTE_EXTRA.format(names=names_list(outcome.extra))]


def check_line(left: str, right: str, exact: bool) -> tuple[str, bool]:
    """The check line, and whether it holds."""
    return (texts.CHECK_EXACT if exact else texts.CHECK_WRONG).format(left=left, right=right), exact


def held_notes(holds: Collection[str]) -> list[str]:
    """The note that says which gebieden were held, if any."""
    return [texts.NOTE_HELD.format(names=names_list(holds))] if holds else []


def holds_in(words: Words, holds: Collection[str]) -> str:
    """The held gebieden, for the reason."""
    return str(words.REASON_HOLD.format(names=", ".join(holds))) if holds else ""


def assemble(
    action: str,
    log: SimpleNamespace,
    in_words: Callable[[Words], str],
    user_reason: str,
    figure: str,
    cells: list[tuple[str, str, int, int, int]],
    *,
    check: tuple[str, bool],
    notes: list[str],
    nothing: str,
    shown_post: str | None = None,
    marks: dict[str, str] | None = None,
) -> ToolPlan:
    """Assemble a plan from ``(owner, post, year, old, new)`` per cell.

    ``in_words`` says the parameters in the words given: the tool's ``log`` words for
    the change log, the catalogue's for the heading. Rows sum each owner's cells (or
    show only ``shown_post``).
    """
    changes = tuple(
        CellChange(Cell(owner, post, year), old, new)
        for owner, post, year, old, new in cells
        if old != new
    )
    for change in changes:  # no tool makes an amount no post may hold
        problem = check_sign(change.cell.post, change.cell.owner, change.new)
        if problem:
            raise ToolRefused(f"{change.cell.address}: {problem}")
    rows: dict[str, tuple[int, int]] = {}
    for owner, post, _, old, new in cells:
        if shown_post is None or post == shown_post:
            before, after = rows.get(owner, (0, 0))
            rows[owner] = (before + old, after + new)
    if not changes:
        notes = [*notes, texts.NOTE_NOTHING_TO_DO.format(why=nothing)]

    def said(words: Words) -> str:
        user = words.REASON_USER.format(reason=user_reason) if user_reason else ""
        return in_words(words) + user

    return ToolPlan(
        action,
        said(log),
        said(texts),
        figure,
        tuple(
            Row(owner, old, new, (marks or {}).get(owner, "")) for owner, (old, new) in rows.items()
        ),
        changes,
        check[0],
        tuple(notes),
        check[1],
    )


def cells_count(count: int) -> str:
    """``1 cel``, ``14 cellen``."""
    one, many = texts.CELLS
    return (one if count == 1 else many).format(count=format_amount(count))


def resolve_holds(scenario: Scenario, names: Iterable[str]) -> tuple[str, ...]:
    """The gebieden users mean by ``names`` (any case, blanks ignored), without repeats."""
    held: dict[str, None] = {}  # in the order given; a set would ask a list per name
    for name in names:
        if not name.strip():
            continue
        owner = scenario.resolve_owner(name)
        if owner not in scenario.gebieden:
            raise ToolRefused(texts.HOLD_NOT_A_GEBIED)
        held[owner] = None
    return tuple(held)
