"""Planning tools: distribute the taakstelling, fit to the envelope, raise couleur
locale, copy a year forward.

Each tool looks at a scenario and returns a :class:`ToolPlan` without
changing anything: the cell changes, a row per gebied (old, new), a check line
computed from the result, and notes in words (holds, floors, who got the
rounding euros). Applying a plan is one change-log entry, so one undo takes
the whole step back. A request that cannot be met raises :class:`ToolRefused`
saying by how much it falls short. The app and the command line share this
code; both parse what users type with :mod:`gebiedsplanner.core.money`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable
from datetime import datetime
from fractions import Fraction
from types import ModuleType
from typing import NamedTuple

from gebiedsplanner.core import log_words
from gebiedsplanner.core.apportion import NoBasis, Shortfall, Spread, spread
from gebiedsplanner.core.money import (
    AMOUNT_LIMIT,
    format_amount,
    format_euros_cents,
    format_percent,
    round_half_away,
)
from gebiedsplanner.core.scenario import (
    COULEUR_LOCALE,
    GEBIEDSOPDRACHT,
    TAAKSTELLING,
    Cell,
    CellChange,
    EditError,
    LogEntry,
    Scenario,
    check_sign,
    post_label,
)
from gebiedsplanner.i18n import texts

#: The tools' change-log action codes (also their command names).
CODES = DISTRIBUTE, FIT, RAISE_COULEUR_LOCALE, COPY_YEAR = (
    "distribute",
    "fit",
    "couleur-locale",
    "copy-year",
)
#: Distribution keys, by the code used on the command line and in files.
KEYS = ("begroting", "inwoners", "gelijk")
#: Posts :func:`fit` may change.
FIT_POSTS = (GEBIEDSOPDRACHT, COULEUR_LOCALE)
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
            file's words (:mod:`log_words`).
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


# -- distribute the taakstelling -----------------------------------------------------


def distribute(
    scenario: Scenario,
    year: int,
    *,
    key: str = "begroting",
    holds: Collection[str] = (),
    floor: int | None = None,
    clear: bool = False,
    unit: int = 1,
    reason: str = "",
) -> ToolPlan:
    """Spread the year's taakstelling still to distribute over the gebieden.

    ``clear`` first sets the taakstelling of every gebied not held to 0 and
    spreads the whole imposed amount (minus what held gebieden carry).
    ``floor`` is the least net budget a gebied keeps (0 without one).
    """
    scenario.check_year(year)
    if unit < 1:
        raise ToolRefused(texts.TOOL_BAD_UNIT)
    current = {name: g.posts[TAAKSTELLING][year] for name, g in scenario.gebieden.items()}
    start = {
        name: (amount if name in holds or not clear else 0) for name, amount in current.items()
    }
    target = scenario.taakstelling[year] - sum(start.values())
    free = [name for name in scenario.gebieden if name not in holds]
    net = {name: scenario.gebied_net(name, year) - current[name] + start[name] for name in free}
    weights = _weights(scenario, key, free, net)
    if target < 0:
        least = floor or 0
        caps = {name: max(0, net[name] - least) for name in free}
    else:
        caps = {name: -start[name] for name in free}
    outcome = _spread(
        abs(target),
        weights,
        caps,
        unit,
        free,
        key_label=texts.KEY_LABELS[key],
        giving_back=target > 0,
    )
    sign = -1 if target < 0 else 1
    new = start | {name: start[name] + sign * outcome.shares[name] for name in free}
    notes = [texts.NOTE_HELD.format(names=names_list(holds))] if holds else []
    notes += _cap_notes(outcome, target > 0, floor, texts.KEY_LABELS[key])
    notes += _rounding_notes(outcome, unit)
    total = sum(new.values())

    def in_words(words: ModuleType) -> str:
        said = words.REASON_DISTRIBUTE.format(year=year, key=words.KEY_WORDS[key])
        said += words.REASON_ALL if clear else ""
        said += _holds_in(words, holds)
        said += words.REASON_FLOOR.format(floor=format_amount(floor)) if floor else ""
        return str(said + (words.REASON_UNIT.format(unit=format_amount(unit)) if unit > 1 else ""))

    left, right = texts.CHECK_DISTRIBUTE
    return _plan(
        DISTRIBUTE,
        in_words,
        reason,
        texts.FIGURE_TAAKSTELLING.format(year=year),
        [(name, TAAKSTELLING, year, current[name], new[name]) for name in scenario.gebieden],
        check=_check(
            left.format(total=format_amount(total)),
            right.format(imposed=format_amount(scenario.taakstelling[year])),
            total == scenario.taakstelling[year],
        ),
        notes=notes,
        nothing=texts.WHY_DISTRIBUTED.format(year=year),
        marks=_marks(outcome, holds, floor=bool(floor), giving_back=target > 0),
    )


def _weights(scenario: Scenario, key: str, free: list[str], net: dict[str, int]) -> dict[str, int]:
    """Each free gebied's weight under ``key``."""
    if key == "begroting":
        return {name: max(0, net[name]) for name in free}
    if key == "inwoners":
        missing = [name for name in free if scenario.gebieden[name].inwoners is None]
        if missing:
            raise ToolRefused(texts.TOOL_NO_INWONERS.format(names=names_list(missing)))
        return {name: scenario.gebieden[name].inwoners or 0 for name in free}
    if key == "gelijk":
        return dict.fromkeys(free, 1)
    raise ToolRefused(texts.TOOL_NO_BASIS.format(key=key))


# -- fit to the envelope -------------------------------------------------------------


def fit(
    scenario: Scenario,
    year: int,
    *,
    post: str = GEBIEDSOPDRACHT,
    holds: Collection[str] = (),
    reason: str = "",
) -> ToolPlan:
    """Change ``post`` in every gebied not held, in proportion, so the year's room is 0."""
    scenario.check_year(year)
    totals = scenario.totals(year)
    free = [name for name in scenario.gebieden if name not in holds]
    current = {name: g.posts[post][year] for name, g in scenario.gebieden.items()}
    weights = {name: current[name] for name in free}
    room = totals.room
    caps = {name: current[name] if room < 0 else AMOUNT_LIMIT - current[name] for name in free}
    label = post_label(post)
    outcome = _spread(abs(room), weights, caps, 1, free, key_label="", post=label)
    sign = -1 if room < 0 else 1
    new = current | {name: current[name] + sign * outcome.shares[name] for name in free}
    notes = [texts.NOTE_HELD.format(names=names_list(holds))] if holds else []
    if outcome.capped:
        notes.append(texts.NOTE_POST_TO_ZERO.format(post=label, names=names_list(outcome.capped)))
    notes += _rounding_notes(outcome, 1)
    planned = totals.planned + sum(new.values()) - sum(current.values())

    def in_words(words: ModuleType) -> str:
        return str(words.REASON_FIT.format(year=year, post=label) + _holds_in(words, holds))

    left, right = texts.CHECK_FIT
    return _plan(
        FIT,
        in_words,
        reason,
        texts.FIGURE_POST.format(post=label, year=year),
        [(name, post, year, current[name], new[name]) for name in scenario.gebieden],
        check=_check(
            left.format(planned=format_amount(planned)),
            right.format(envelope=format_amount(totals.envelope)),
            planned == totals.envelope,
        ),
        notes=notes,
        nothing=texts.WHY_FITS.format(year=year),
        marks=_marks(outcome, holds, floor=False, giving_back=False),
    )


# -- raise couleur locale ------------------------------------------------------------


def raise_couleur_locale(
    scenario: Scenario,
    year: int,
    *,
    min_share: Fraction,
    holds: Collection[str] = (),
    reason: str = "",
) -> ToolPlan:
    """Move gebiedsopdracht to couleur locale until it is ``min_share`` % of the net budget.

    The needed couleur locale is rounded up to the euro; a gebied's net budget
    never changes. Refused, with the total shortfall, when some gebied has too
    little gebiedsopdracht.
    """
    scenario.check_year(year)
    if not 0 <= min_share <= 100:
        raise ToolRefused(texts.TOOL_BAD_SHARE.format(share=format_percent(min_share)))
    moves: dict[str, int] = {}
    short: dict[str, int] = {}
    no_net: list[str] = []
    for name, gebied in scenario.gebieden.items():
        if name in holds:
            continue
        net = scenario.gebied_net(name, year)
        if net <= 0:
            no_net.append(name)
            continue
        needed = math.ceil(min_share * net / 100)
        move = needed - gebied.posts[COULEUR_LOCALE][year]
        if move > 0:
            moves[name] = move
            lacking = move - gebied.posts[GEBIEDSOPDRACHT][year]
            if lacking > 0:
                short[name] = lacking
    share = format_percent(min_share)
    if short:
        raise ToolRefused(
            texts.TOOL_SHORT_OPDRACHT.format(
                names=names_list(short), short=format_amount(sum(short.values()))
            )
        )
    cells = []
    for name, gebied in scenario.gebieden.items():
        move = moves.get(name, 0)
        couleur, opdracht = gebied.posts[COULEUR_LOCALE][year], gebied.posts[GEBIEDSOPDRACHT][year]
        cells.append((name, COULEUR_LOCALE, year, couleur, couleur + move))
        cells.append((name, GEBIEDSOPDRACHT, year, opdracht, opdracht - move))
    notes = [texts.NOTE_HELD.format(names=names_list(holds))] if holds else []
    met = len(scenario.gebieden) - len(holds) - len(no_net) - len(moves)
    if met and moves:
        notes.append(texts.NOTE_SHARE_MET.format(share=share, count=met))
    if no_net:
        notes.append(texts.NOTE_NO_NET.format(names=names_list(no_net)))
    net_total = sum(scenario.gebied_net(name, year) for name in scenario.gebieden)

    def in_words(words: ModuleType) -> str:
        return str(words.REASON_RAISE.format(year=year, share=share) + _holds_in(words, holds))

    left, right = texts.CHECK_RAISE
    after = net_total + sum(new - old for *_, old, new in cells)
    return _plan(
        RAISE_COULEUR_LOCALE,
        in_words,
        reason,
        texts.FIGURE_POST.format(post=post_label(COULEUR_LOCALE), year=year),
        cells,
        check=_check(
            left.format(after=format_amount(after)),
            right.format(before=format_amount(net_total)),
            after == net_total,
        ),
        notes=notes,
        nothing=texts.WHY_SHARE_MET.format(share=share),
        shown_post=COULEUR_LOCALE,
        marks=dict.fromkeys(holds, texts.MARK_HELD) | dict.fromkeys(no_net, texts.MARK_NO_NET),
    )


# -- copy a year forward -------------------------------------------------------------


def copy_year(
    scenario: Scenario,
    source: int,
    target: int,
    *,
    index: Fraction = Fraction(0),
    reason: str = "",
) -> ToolPlan:
    """Every gebied and stedelijk amount of ``source`` into ``target``, indexed, to the euro."""
    scenario.check_year(source)
    scenario.check_year(target)
    if source == target:
        raise ToolRefused(texts.TOOL_SAME_YEAR)
    if index <= -100:
        raise ToolRefused(texts.TOOL_BAD_INDEX.format(index=format_percent(index)))
    factor = 1 + index / 100
    cells = []
    source_total = 0
    for owner, post, by_year in scenario.series():
        new = round_half_away(by_year[source] * factor.numerator, factor.denominator)
        cells.append((owner, post, target, by_year[target], new))
        source_total += by_year[source]
    total = sum(new for *_, new in cells)
    exact_total = source_total * factor
    shown_factor = format_percent(factor).removesuffix("%")

    def in_words(words: ModuleType) -> str:
        return str(
            words.REASON_COPY.format(source=source, target=target, index=format_percent(index))
        )

    if total == exact_total:
        check = _check(
            texts.CHECK_COPY_LEFT.format(target=target, total=format_amount(total)),
            texts.CHECK_COPY_RIGHT.format(source=source, factor=shown_factor),
            exact=True,
        )
    else:  # each cell rounds by at most half a euro
        check = (
            texts.CHECK_COPY_ROUNDED.format(
                target=target,
                total=format_amount(total),
                source=source,
                factor=shown_factor,
                exact=format_euros_cents(exact_total),
                cells=format_amount(len(cells)),
            ),
            abs(total - exact_total) <= Fraction(len(cells), 2),
        )
    return _plan(
        COPY_YEAR,
        in_words,
        reason,
        texts.FIGURE_NET.format(year=target),
        cells,
        check=check,
        notes=[
            texts.NOTE_COPY_SCOPE.format(
                target=target,
                envelope=format_amount(scenario.envelope[target]),
                imposed=format_amount(scenario.taakstelling[target]),
            )
        ],
        nothing=texts.WHY_SAME_YEAR.format(source=source, target=target, factor=shown_factor),
    )


# -- shared --------------------------------------------------------------------------


def names_list(names: Iterable[str]) -> str:
    """Names for a note: the first few spelled out, the rest counted."""
    listed = list(names)
    if len(listed) <= NAMES_SHOWN:
        return ", ".join(listed)
    shown = ", ".join(listed[:NAMES_SHOWN])
    return texts.NAMES_MORE.format(names=shown, count=format_amount(len(listed) - NAMES_SHOWN))


def _spread(
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


def _cap_notes(outcome: Spread, giving_back: bool, floor: int | None, key: str) -> list[str]:
    """Words for the gebieden a floor (or 0) stopped: cut to it, or not cut at all."""
    reached = [name for name in outcome.capped if outcome.shares[name]]
    untouched = [name for name in outcome.capped if not outcome.shares[name]]
    shown_floor = format_amount(floor or 0)
    notes = []
    if giving_back:
        reached += untouched
        untouched = []
        template = texts.NOTE_BACK_TO_ZERO
    else:
        template = texts.NOTE_FLOOR if floor else texts.NOTE_ZERO_FLOOR
    if untouched:
        below = texts.NOTE_UNDER_FLOOR if floor else texts.NOTE_UNDER_ZERO
        notes.append(below.format(floor=shown_floor, names=names_list(untouched)))
    if reached:
        notes.append(template.format(floor=shown_floor, names=names_list(reached), key=key))
    return notes


def _marks(
    outcome: Spread, holds: Collection[str], *, floor: bool, giving_back: bool
) -> dict[str, str]:
    """The word beside each gebied a hold, a cap or the rounding touched."""
    marks = dict.fromkeys(outcome.extra, texts.MARK_EXTRA)
    for name in outcome.capped:
        if giving_back:
            marks[name] = texts.MARK_BACK_TO_ZERO
        elif outcome.shares[name]:
            marks[name] = texts.MARK_FLOOR if floor else texts.MARK_ZERO
        else:
            marks[name] = texts.MARK_UNDER_FLOOR if floor else texts.MARK_UNDER_ZERO
    return marks | dict.fromkeys(holds, texts.MARK_HELD)


def _rounding_notes(outcome: Spread, unit: int) -> list[str]:
    if not outcome.extra:
        return []
    if unit > 1:
        return [
            texts.NOTE_EXTRA_UNIT.format(unit=format_amount(unit), names=names_list(outcome.extra))
        ]
    return [texts.NOTE_EXTRA.format(names=names_list(outcome.extra))]


def _check(left: str, right: str, exact: bool) -> tuple[str, bool]:
    """The check line, and whether it holds."""
    return (texts.CHECK_EXACT if exact else texts.CHECK_WRONG).format(left=left, right=right), exact


def _holds_in(words: ModuleType, holds: Collection[str]) -> str:
    return str(words.REASON_HOLD.format(names=", ".join(holds))) if holds else ""


def _plan(
    action: str,
    in_words: Callable[[ModuleType], str],
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

    Rows sum each owner's cells (or show only ``shown_post``).
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

    def said(words: ModuleType) -> str:
        user = words.REASON_USER.format(reason=user_reason) if user_reason else ""
        return in_words(words) + user

    return ToolPlan(
        action,
        said(log_words),
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
    held: list[str] = []
    for name in names:
        if not name.strip():
            continue
        owner = scenario.resolve_owner(name)
        if owner not in scenario.gebieden:
            raise ToolRefused(texts.HOLD_NOT_A_GEBIED)
        if owner not in held:
            held.append(owner)
    return tuple(held)
