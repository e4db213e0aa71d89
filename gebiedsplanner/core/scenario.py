"""The scenario: NRW envelope, taakstelling, stedelijk posts and the gebieden.

The model is the single source of truth. It keeps running totals per year and
updates them from each change (cost independent of the number of gebieden);
:meth:`Scenario.recomputed_totals` recomputes them from scratch, which the tests
use to prove the running totals exact.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import AMOUNT_LIMIT, format_amount
from gebiedsplanner.i18n import texts

if TYPE_CHECKING:
    from gebiedsplanner.core.rules import Policy

COULEUR_LOCALE = "couleur_locale"
GEBIEDSOPDRACHT = "gebiedsopdracht"
TAAKSTELLING = "taakstelling"
#: The posts every gebied has, in display order.
GEBIED_POSTS = (COULEUR_LOCALE, GEBIEDSOPDRACHT, TAAKSTELLING)
#: Owner name of the city-wide posts; no gebied may be called this.
STEDELIJK = "stedelijk"

FORMAT_VERSION = 1

#: Change-log action codes, as files store them (``texts.ACTION_LABELS`` has the words;
#: ``core/log_words`` what older files stored).
EDIT, MOVE, UNDO, REDO, NOTE = "edit", "move", "undo", "redo", "note"

#: A gebied's note in its table of the file: ``notitie = "wacht op besluit gebiedscommissie"``.
NOTE_KEY = "notitie"
#: The longest note a gebied may have, in characters: a few sentences, never a document.
NOTE_LIMIT = 1_000
#: The characters a note may hold that are no printable text: a line break, a tab.
_NOTE_CONTROLS_ALLOWED = frozenset("\n\t")
#: Where a gebied's note stands among cells when a merge asks whose to keep: a post
#: no gebied has, in no year (see :func:`note_cell`).
NOTE_POST = "notitie"


def action_label(code: str) -> str:
    """The users' word for an action code; an unknown code (a newer file) as it is."""
    return texts.ACTION_LABELS.get(code, code)


class Cell(NamedTuple):
    """One amount: a post of a gebied (or of ``stedelijk``) in one year."""

    owner: str
    post: str
    year: int

    @property
    def address(self) -> str:
        """The ``GEBIED/POST/YEAR`` form used on the command line and in the change log."""
        return f"{self.owner}/{self.post}/{self.year}"


class CellChange(NamedTuple):
    """One cell's old and new amount."""

    cell: Cell
    old: int
    new: int


class NoteChange(NamedTuple):
    """One gebied's note, old and new (``""``: no note)."""

    gebied: str
    old: str
    new: str


class LogEntry(NamedTuple):
    """A recorded change: when, who, what (cells old -> new, notes old -> new) and why."""

    when: datetime
    who: str
    action: str
    reason: str
    changes: tuple[CellChange, ...]
    notes: tuple[NoteChange, ...] = ()


class YearTotals(NamedTuple):
    """Where the plan stands for one year."""

    year: int
    envelope: int
    planned: int
    taakstelling_imposed: int
    taakstelling_distributed: int

    @property
    def room(self) -> int:
        """Envelope minus planned; negative means over the envelope."""
        return self.envelope - self.planned

    @property
    def taakstelling_open(self) -> int:
        """Taakstelling still to distribute (<= 0 while cuts remain to be found)."""
        return self.taakstelling_imposed - self.taakstelling_distributed


@dataclass(slots=True)
class Gebied:
    """A gebied with its three posts, each a mapping year -> euros, and its note
    (``"wacht op besluit gebiedscommissie"``; ``""``: none)."""

    name: str
    posts: dict[str, dict[int, int]]
    inwoners: int | None = None
    note: str = ""


def note_cell(gebied: str) -> Cell:
    """The place of ``gebied``'s note where changes are asked about per cell: a merge's
    choices, and the rights (which go by the cell's owner)."""
    return Cell(gebied, NOTE_POST, 0)


def places(entry: LogEntry) -> Iterator[Cell]:
    """Every place ``entry`` changes, for the rights: its cells and its notes' places."""
    yield from (change.cell for change in entry.changes)
    yield from (note_cell(note.gebied) for note in entry.notes)


def check_note(note: str) -> str | None:
    """Why ``note`` cannot be a gebied's note (too long, a control character), as a user
    message, or ``None`` when it can. Line breaks and tabs are text; other control
    characters (an escape that recolours a terminal) and lone surrogates (no UTF-8) are not."""
    if len(note) > NOTE_LIMIT:
        return texts.NOTE_TOO_LONG.format(
            limit=format_amount(NOTE_LIMIT), length=format_amount(len(note))
        )
    if note.isprintable():
        return None
    for char in note:
        if char not in _NOTE_CONTROLS_ALLOWED and unicodedata.category(char) in ("Cc", "Cs"):
            return texts.NOTE_CONTROL_CHARACTER.format(char=literal(char))
    return None


class EditError(ValueError):
    """A change that cannot be made; the message is for the user."""


class StaleChange(EditError):
    """A recorded change whose old amount is not what the cell holds now.

    A journal that does not fit the file, or an undo of a cell a colleague's
    merged save changed since: the change is refused, nothing is applied.
    """


def post_label(post: str) -> str:
    """The users' word for a post: ``couleur_locale`` -> ``couleur locale``."""
    return texts.POST_LABELS.get(post, post)


def check_sign(post: str, owner: str, amount: int) -> str | None:
    """The sign rule for a post, as a user message, or ``None`` when ``amount`` is fine."""
    if abs(amount) > AMOUNT_LIMIT:
        return texts.AMOUNT_TOO_LARGE.format(limit=format_amount(AMOUNT_LIMIT))
    if owner != STEDELIJK and post == TAAKSTELLING:
        return texts.TAAKSTELLING_POSITIVE if amount > 0 else None
    return texts.AMOUNT_NEGATIVE.format(post=post_label(post)) if amount < 0 else None


@dataclass(slots=True)
class _Running:
    """Per-year running sums, kept exact by every change."""

    post_sums: dict[tuple[int, str], int] = field(default_factory=dict)
    stedelijk: dict[int, int] = field(default_factory=dict)


class Scenario:
    """An NRW scenario: the envelope, what is planned against it, and its change log."""

    def __init__(
        self,
        *,
        name: str,
        description: str,
        envelope: dict[int, int],
        taakstelling: dict[int, int],
        stedelijk: dict[str, dict[int, int]],
        gebieden: dict[str, Gebied],
        log: Iterable[LogEntry] = (),
        beleid: Policy | None = None,
    ) -> None:
        self.name = name
        #: The ``[beleid]`` rules; ``None`` when the file has no such table.
        self.beleid = beleid
        self.description = description
        self.years: tuple[int, ...] = tuple(sorted(envelope))
        self.envelope = dict(envelope)
        self.taakstelling = dict(taakstelling)
        self.stedelijk = stedelijk
        self.gebieden = gebieden
        self.log: list[LogEntry] = list(log)
        self._running = self._sum_all()

    # -- reading -----------------------------------------------------------

    def series(self) -> Iterator[tuple[str, str, dict[int, int]]]:
        """Owner, post and amounts by year of every row of cells, in :meth:`cells` order."""
        for gebied in self.gebieden.values():
            for post in GEBIED_POSTS:
                yield gebied.name, post, gebied.posts[post]
        for post, by_year in self.stedelijk.items():
            yield STEDELIJK, post, by_year

    def cells(self) -> Iterator[Cell]:
        """Every editable cell: gebieden first (file order), then stedelijk posts."""
        for owner, post, _ in self.series():
            for year in self.years:
                yield Cell(owner, post, year)

    def amount(self, cell: Cell) -> int:
        """The amount in ``cell``; :class:`EditError` names what is unknown."""
        return self._series(cell)[self.check_year(cell.year)]

    def gebied_net(self, name: str, year: int) -> int:
        """A gebied's budget after its taakstelling."""
        posts = self.gebieden[name].posts
        return sum(posts[post][year] for post in GEBIED_POSTS)

    def totals(self, year: int) -> YearTotals:
        """The running totals for ``year``."""
        sums = self._running.post_sums
        distributed = sums[(year, TAAKSTELLING)]
        planned = (
            sums[(year, COULEUR_LOCALE)]
            + sums[(year, GEBIEDSOPDRACHT)]
            + distributed
            + self._running.stedelijk[year]
        )
        return YearTotals(
            year=year,
            envelope=self.envelope[year],
            planned=planned,
            taakstelling_imposed=self.taakstelling[year],
            taakstelling_distributed=distributed,
        )

    def post_total(self, post: str, year: int) -> int:
        """Sum of one gebied post over all gebieden."""
        return self._running.post_sums[(year, post)]

    def recomputed_totals(self, year: int) -> YearTotals:
        """:meth:`totals`, recomputed from every cell (for checks, not for the UI)."""
        running = self._running
        self._running = self._sum_all()
        try:
            return self.totals(year)
        finally:
            self._running = running

    # -- changing ----------------------------------------------------------

    def set_amount(
        self, cell: Cell, new: int, *, who: str, when: datetime, reason: str = ""
    ) -> LogEntry:
        """Set one cell and record it in the change log."""
        old = self.amount(cell)
        self._check_new_amount(cell, new)
        change = CellChange(cell, old, new)
        return self.replay(LogEntry(when, who, EDIT, reason, (change,)))

    def preview_move(
        self, source: Cell, target: Cell, amount: int
    ) -> tuple[CellChange, CellChange]:
        """What :meth:`move` would change, or :class:`EditError` saying why it can't."""
        if amount <= 0:
            raise EditError(texts.MOVE_AMOUNT_POSITIVE)
        if source.year != target.year:
            raise EditError(texts.MOVE_SAME_YEAR)
        if source == target:
            raise EditError(texts.MOVE_SAME_CELL)
        source_old, target_old = self.amount(source), self.amount(target)
        self._check_new_amount(source, source_old - amount)
        self._check_new_amount(target, target_old + amount)
        return (
            CellChange(source, source_old, source_old - amount),
            CellChange(target, target_old, target_old + amount),
        )

    def move(
        self,
        source: Cell,
        target: Cell,
        amount: int,
        *,
        who: str,
        when: datetime,
        reason: str = "",
    ) -> LogEntry:
        """Move ``amount`` euros from ``source`` to ``target`` (same year); totals are conserved."""
        changes = self.preview_move(source, target, amount)
        return self.replay(LogEntry(when, who, MOVE, reason, changes))

    def replay(self, entry: LogEntry) -> LogEntry:
        """Apply and log a recorded entry: every change is checked before any is applied.

        Raises :class:`StaleChange` when a cell no longer holds the entry's old
        amount, and :class:`EditError` for a cell this scenario does not have or
        an amount no post may hold (a journal is read from disk, untrusted).
        """
        for change in entry.changes:
            if self.amount(change.cell) != change.old:
                raise StaleChange(
                    texts.STALE_CHANGE.format(
                        cell=change.cell.address,
                        old=format_amount(change.old),
                        now=format_amount(self.amount(change.cell)),
                    )
                )
            self._check_new_amount(change.cell, change.new)
        for note in entry.notes:
            self._check_note_change(note)
        for change in entry.changes:
            self._apply(change)
        for note in entry.notes:
            self.gebieden[note.gebied].note = note.new
        self.log.append(entry)
        return entry

    def resolve_owner(self, name: str) -> str:
        """The gebied (or ``stedelijk``) a user means by ``name``, ignoring case."""
        if name in self.gebieden or name == STEDELIJK:
            return name
        known = [*self.gebieden, STEDELIJK]
        for candidate in known:
            if candidate.casefold() == name.strip().casefold():
                return candidate
        raise EditError(texts.UNKNOWN_GEBIED.format(name=name) + _suggestion(name, known))

    def note(self, gebied: str) -> str:
        """The note of ``gebied`` (``""``: none); :class:`EditError` for an unknown gebied."""
        return self._gebied(gebied).note

    def set_note(
        self, gebied: str, new: str, *, who: str, when: datetime, reason: str = ""
    ) -> LogEntry:
        """Set a gebied's note (``""`` removes it) and record it in the change log."""
        change = NoteChange(gebied, self.note(gebied), new)
        return self.replay(LogEntry(when, who, NOTE, reason, (), (change,)))

    def resolve_post(self, owner: str, post: str) -> str:
        """The post a user means by ``post`` (``couleur locale`` or ``couleur_locale``)."""
        known = list(self.stedelijk) if owner == STEDELIJK else list(GEBIED_POSTS)
        wanted = post.strip().casefold().replace(" ", "_")
        for name in known:
            if name.casefold().replace(" ", "_") == wanted:
                return name
        raise EditError(
            texts.UNKNOWN_POST.format(post=post, owner=owner, known=", ".join(known))
            + _suggestion(post, known)
        )

    def resolve_cell(self, owner: str, post: str, year: int) -> Cell:
        """The cell a user means, with a helpful :class:`EditError` when there is none."""
        resolved_owner = self.resolve_owner(owner)
        return Cell(resolved_owner, self.resolve_post(resolved_owner, post), self.check_year(year))

    # -- internals ---------------------------------------------------------

    def _gebied(self, name: str) -> Gebied:
        gebied = self.gebieden.get(name)
        if gebied is None:
            self.resolve_owner(name)  # raises, with a suggestion
            raise EditError(texts.UNKNOWN_GEBIED.format(name=name))
        return gebied

    def _check_note_change(self, change: NoteChange) -> None:
        """As :meth:`replay` checks an amount: the old note is what the gebied has, the new
        one a note a gebied may have."""
        now = self._gebied(change.gebied).note
        if now != change.old:
            raise StaleChange(texts.STALE_NOTE.format(gebied=literal(change.gebied)))
        problem = check_note(change.new)
        if problem:
            raise EditError(f"{literal(change.gebied)}: {problem}")

    def _series(self, cell: Cell) -> dict[int, int]:
        if cell.owner == STEDELIJK:
            by_post = self.stedelijk
        elif cell.owner in self.gebieden:
            by_post = self.gebieden[cell.owner].posts
        else:
            self.resolve_owner(cell.owner)  # raises, with a suggestion
            raise EditError(texts.UNKNOWN_GEBIED.format(name=cell.owner))
        series = by_post.get(cell.post)
        if series is None:
            known = ", ".join(by_post)
            raise EditError(
                texts.UNKNOWN_POST.format(post=cell.post, owner=cell.owner, known=known)
            )
        return series

    def check_year(self, year: int) -> int:
        """``year`` when the scenario has it, else :class:`EditError` naming the years it has."""
        if year not in self.envelope:
            years = ", ".join(str(y) for y in self.years)
            raise EditError(texts.UNKNOWN_YEAR.format(year=year, years=years))
        return year

    def _check_new_amount(self, cell: Cell, amount: int) -> None:
        problem = check_sign(cell.post, cell.owner, amount)
        if problem:
            raise EditError(f"{cell.address}: {problem}")

    def _apply(self, change: CellChange) -> None:
        cell, delta = change.cell, change.new - change.old
        self._series(cell)[cell.year] = change.new
        if cell.owner == STEDELIJK:
            self._running.stedelijk[cell.year] += delta
        else:
            self._running.post_sums[(cell.year, cell.post)] += delta

    def _sum_all(self) -> _Running:
        """The sums from scratch, once per load: ``map`` and ``itemgetter`` run in C
        (at 10.000 gebieden a third of the time of a generator)."""
        running = _Running()
        for post in GEBIED_POSTS:
            series = [gebied.posts[post] for gebied in self.gebieden.values()]
            for year in self.years:
                running.post_sums[(year, post)] = sum(map(itemgetter(year), series))
        for year in self.years:
            running.stedelijk[year] = sum(map(itemgetter(year), self.stedelijk.values()))
        return running


def _suggestion(name: str, known: list[str]) -> str:
    import difflib  # only for a mistyped name: not on every start

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(name.casefold(), [k.casefold() for k in known], n=1)
        close = [k for k in known if close and k.casefold() == close[0]]
    return texts.DID_YOU_MEAN.format(name=close[0]) if close else ""


def contents(scenario: Scenario) -> dict[str, object]:
    """Everything a scenario file holds, in the file's order: to prove that what is read
    back from a saved file is the scenario that was saved."""
    return {
        "name": scenario.name,
        "description": scenario.description,
        "years": scenario.years,
        "envelope": scenario.envelope,
        "taakstelling": scenario.taakstelling,
        "stedelijk": list(scenario.stedelijk.items()),
        "gebieden": [(g.name, g.inwoners, g.note, g.posts) for g in scenario.gebieden.values()],
        "beleid": scenario.beleid,
        "log": scenario.log,
    }
