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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple, Protocol

from gebiedsplanner.core.literal import literal

#: How many of the nearest names an unknown name is answered with.
NEAREST = 3
#: Characters of a typed text or a name that a message quotes (a pasted page is cut).
QUOTED = 40


class GebiedRows(Protocol):
    """What a table says about where its gebieden are, in the order it shows them."""

    @property
    def editable_rows(self) -> int:
        """How many rows the cursor can visit."""
        ...

    def row_of_gebied(self, name: str) -> int | None:
        """The row that shows gebied ``name`` (``None``: the table does not show it)."""
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


class NameIndex:
    """The gebied names of a scenario, each folded once, in the file's order.

    Names are indexed as the table shows them (:func:`literal`): a user types what
    they read.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(names)
        shown = [literal(name) for name in self.names]
        self.shown = dict(zip(self.names, shown, strict=True))
        """Each name as the table shows it."""
        self._folded = [fold(text) for text in shown]
        self._exact: dict[str, str] = {}
        for name, folded in zip(self.names, self._folded, strict=True):
            self._exact.setdefault(folded, name)
        self._last: tuple[str, list[int]] = ("", list(range(len(self.names))))

    def __len__(self) -> int:
        return len(self.names)

    def matching(self, text: str) -> list[str]:
        """The names that contain ``text`` (folded), in the file's order.

        Typed one key at a time, each text contains the one before: then only the
        names that matched before are looked at again.
        """
        needle = fold(text)
        previous, candidates = self._last
        folded = self._folded
        if previous in needle:
            found = [index for index in candidates if needle in folded[index]]
        else:
            found = [index for index, name in enumerate(folded) if needle in name]
        self._last = (needle, found)
        return list(map(self.names.__getitem__, found))

    def find(self, text: str, rows: GebiedRows, start: int, step: int, *, here: bool) -> Hit | None:
        """The first row from ``start`` in direction ``step`` (1 down, -1 up) whose gebied
        contains ``text``, round the end when needed; ``here``: ``start`` itself counts.

        ``None`` when no gebied matches (or an empty ``text``).
        """
        if not text:
            return None
        found = list(map(rows.row_of_gebied, self.matching(text)))
        if None in found:  # a table that leaves gebieden out
            found = [row for row in found if row is not None]
        if not found:
            return None
        shown: list[int] = sorted(found)  # type: ignore[arg-type]
        first = start if here else start + step
        if step > 0:
            place = bisect_left(shown, first)
            wrapped = place == len(shown)
            place = 0 if wrapped else place
        else:
            place = bisect_right(shown, first) - 1
            wrapped = place < 0
            place = len(shown) - 1 if wrapped else place
        return Hit(shown[place], place + 1, len(shown), wrapped)

    def exact(self, text: str) -> str | None:
        """The gebied named ``text`` (folded, spaces around it left out)."""
        return self._exact.get(fold(text.strip()))

    def completion(self, text: str) -> str | None:
        """The first name (in the file's order) that starts with ``text``, folded; ``None``
        for an empty ``text``."""
        needle = fold(text)
        if not needle:
            return None
        for name, folded in zip(self.names, self._folded, strict=True):
            if folded.startswith(needle):
                return name
        return None

    def nearest(self, text: str, count: int = NEAREST) -> list[str]:
        """The names closest to ``text`` (a typo, a word left out), closest first."""
        import difflib  # only for a name that is not there: not on every start

        needle = fold(text.strip())
        close = difflib.get_close_matches(needle, self._exact, n=count, cutoff=0.6)
        return [self._exact[folded] for folded in close]
