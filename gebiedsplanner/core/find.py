"""Finding a gebied by name: typeahead search (``/``, ``n``, ``N``) and going to one (``:``).

Names are compared folded: case and accents do not count (``feij`` finds
``Féijenoord``), as users expect from a search box. Each name is folded once,
when the index is made, so a keystroke at 20.000 gebieden is a scan of ready
strings (about a millisecond), never a fold of every name again.

The table may show its rows in any order (sorted by a column, all years at
once): where a gebied is, is asked of the table itself (:class:`GebiedRows`),
never assumed from the file's order.
"""

from __future__ import annotations

import unicodedata
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple, Protocol

from gebiedsplanner.core.literal import literal

#: How many of the nearest names an unknown name is answered with.
NEAREST = 3
#: Characters of a typed text or a name that a message quotes (a pasted page is cut).
QUOTED = 40


class GebiedRows(Protocol):
    """What a table says about where its gebieden are, in the order it shows them.

    A search reads a table's rows once (kept by a weak reference), the first time a
    key is typed in it: a table shown in another order is best a new one, as the
    planner's grid is given a new view for another year or unit.
    """

    @property
    def editable_rows(self) -> int:
        """How many rows the cursor can visit."""
        ...

    def row_of(self, name: str) -> int | None:
        """The row that shows gebied ``name`` (``None``: the table does not show it)."""
        ...

    def gebied_at(self, index: int) -> str | None:
        """The gebied in row ``index`` (``None``: a row of another kind)."""
        ...


class Hit(NamedTuple):
    """Where a search landed: the ``row``, it being match ``number`` of ``matches`` in
    the table's order, and whether the search went round the end (or the start) to get
    there."""

    row: int
    number: int
    matches: int
    wrapped: bool


def fold(text: str) -> str:
    """``text`` as names are compared: casefolded, accents dropped (``Féijenoord`` ->
    ``feijenoord``). Plain ASCII, most names, takes the short way."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def quoted(text: str) -> str:
    """``text`` as a message quotes it: shown literally, a long one cut with an ellipsis."""
    shown = literal(text)
    return shown if len(shown) <= QUOTED else shown[: QUOTED - 1] + "…"


class _Narrowing:
    """Which of some folded strings contain a text, typed one key at a time.

    Each text typed usually contains the one before: then only the strings that
    matched before are looked at again.
    """

    def __init__(self, folded: list[str]) -> None:
        self.folded = folded
        self._last: tuple[str, list[int]] | None = None

    def containing(self, needle: str) -> list[int]:
        """The places of the strings that contain ``needle``, in order."""
        folded, last = self.folded, self._last
        if last is not None and last[0] in needle:
            found = [place for place in last[1] if needle in folded[place]]
        else:
            found = [place for place, text in enumerate(folded) if needle in text]
        self._last = (needle, found)
        return found


class NameIndex:
    """The gebied names of a scenario, each folded once, in the file's order; and for
    the table being searched, the same in the table's order.

    Names are indexed as the table shows them (:func:`literal`): a user types what
    they read.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(names)
        shown = [literal(name) for name in self.names]
        self.shown = dict(zip(self.names, shown, strict=True))
        """Each name as the table shows it."""
        folded = [fold(text) for text in shown]
        self._fold_of = dict(zip(self.names, folded, strict=True))
        self._exact: dict[str, str] = {}
        for name, text in zip(self.names, folded, strict=True):
            self._exact.setdefault(text, name)
        self._by_name = _Narrowing(folded)
        self._table: weakref.ref[GebiedRows] | None = None
        self._by_row = _Narrowing([])

    def __len__(self) -> int:
        return len(self.names)

    def matching(self, text: str) -> list[str]:
        """The names that contain ``text`` (folded), in the file's order."""
        return list(map(self.names.__getitem__, self._by_name.containing(fold(text))))

    def _in_order(self, rows: GebiedRows) -> _Narrowing:
        """The folded names in the order ``rows`` shows them (``""`` for a row without a
        gebied): made once per table, as the first search key in it is typed."""
        if self._table is None or self._table() is not rows:
            fold_of = self._fold_of
            order = [
                "" if name is None else fold_of.get(name, "")
                for name in map(rows.gebied_at, range(rows.editable_rows))
            ]
            self._by_row, self._table = _Narrowing(order), weakref.ref(rows)
        return self._by_row

    def read(self, rows: GebiedRows) -> None:
        """Read the order of ``rows`` now (when the search opens), not at the first key."""
        self._in_order(rows)

    def find(self, text: str, rows: GebiedRows, start: int, step: int, *, here: bool) -> Hit | None:
        """The first row from ``start`` in direction ``step`` (1 down, -1 up) whose gebied
        contains ``text``, round the end when needed; ``here``: ``start`` itself counts.

        ``None`` when no gebied matches (or an empty ``text``). The rows are read once
        per table; one that reordered itself since is read again.
        """
        needle = fold(text)
        if not needle:
            return None
        for _ in range(2):
            found = self._in_order(rows).containing(needle)
            if not found:
                return None
            first = start if here else start + step
            if step > 0:
                place = bisect_left(found, first)
                wrapped = place == len(found)
                place = 0 if wrapped else place
            else:
                place = bisect_right(found, first) - 1
                wrapped = place < 0
                place = len(found) - 1 if wrapped else place
            name = rows.gebied_at(found[place])
            if name is not None and needle in self._fold_of.get(name, ""):
                return Hit(found[place], place + 1, len(found), wrapped)
            self._table = None  # the table changed its order in place: read it again
        return None

    def exact(self, text: str) -> str | None:
        """The gebied named ``text`` (folded, spaces around it left out)."""
        return self._exact.get(fold(text.strip()))

    def completion(self, text: str) -> str | None:
        """The first name (in the file's order) that starts with ``text``, folded; ``None``
        for an empty ``text``."""
        needle = fold(text)
        if not needle:
            return None
        for name, folded in self._fold_of.items():
            if folded.startswith(needle):
                return name
        return None

    def nearest(self, text: str, count: int = NEAREST) -> list[str]:
        """The names closest to ``text`` (a typo, a word left out), closest first."""
        import difflib  # only for a name that is not there: not on every start

        needle = fold(text.strip())
        close = difflib.get_close_matches(needle, self._exact, n=count, cutoff=0.6)
        return [self._exact[folded] for folded in close]
