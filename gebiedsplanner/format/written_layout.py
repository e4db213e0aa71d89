"""The ``[gebied.…]`` tables of a scenario file, read without a TOML parser when they are
laid out exactly as gebiedsplanner writes them.

A TOML parser makes a dict for every table and an object for every value: at 10.000
gebieden (40.000 tables, 130.000 values) that is most of the time a file takes to
read. The gebied tables are also the only part of a file that grows with its size,
and the program writes them in one fixed layout::

    [gebied."Wijk 00001"]
    notitie = "wacht op besluit gebiedscommissie"
    inwoners = 1_001

    [gebied."Wijk 00001".couleur_locale]
    2016 = 12_053
    ...

One regular expression reads a whole gebied of that layout at a time, in C. Files are
read in workers; a step in C holds the interpreter, and the UI thread waits for it, so
the steps stay small: a gebied at a time, the amounts :data:`_STEP` gebieden at a time
(one ``findall`` over a file of 20.000 gebieden held it for 0,2 s: issue 25).

This module never decides what a file means. It answers only for text it reads
exactly as ``tomli`` does, and ``None`` for anything else (a comment, another
spacing, a CRLF line end, an escape in a name, a hexadecimal number, a missing
year): the caller then reads the file with the TOML parser, whose data and messages
define it. ``tests/test_fast_reading.py`` checks this on random scenarios and on
random damage to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

#: A gebied's name as a TOML key: a basic string without escapes (what TOML allows
#: there unescaped: no quote, backslash or control character but tab), or a bare key.
_KEY = r'("[^"\\\x00-\x08\x0a-\x1f\x7f]*"|[A-Za-z0-9_-]+)'
#: A note as the writer writes it: a basic string on one line, escapes only as escapes
#: (a line break in a note is ``\n``); read by ``tomli`` when it has one (:func:`_note`).
_NOTE = r'("(?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\[^\x00-\x1f\x7f])*")'
#: A TOML decimal integer (no leading zero, underscores only between digits), at most
#: 18 digits: an amount beyond the limit is still read, and refused by the caller.
_INTEGER = r"([+-]?(?:0|[1-9](?:_?[0-9]){0,17}))"
#: Where the gebied tables start, and the first other table after them.
_FIRST_GEBIED = re.compile(r"^\[gebied\.", re.MULTILINE)
_OTHER_TABLE = re.compile(r"^\[(?!gebied\.)", re.MULTILINE)
#: More years than any budget period; such a file is left to the TOML parser.
_MOST_YEARS = 50
#: Gebieden whose amounts are turned into numbers in one step (in C).
_STEP = 1_000


@dataclass(frozen=True)
class Parts:
    """A file cut around its gebied tables; ``rest`` is the file without them."""

    head: str
    gebieden: str
    tail: str


@dataclass(frozen=True)
class Columns:
    """The gebieden of a file, one list per field, in the file's order.

    ``amounts[post]`` holds each gebied's amounts of that post, in year order.
    """

    names: list[str]
    inwoners: list[int | None]
    amounts: dict[str, list[tuple[int, ...]]]
    notes: list[str]
    """Each gebied's note (``""``: none)."""


def split(text: str) -> Parts | None:
    """``text`` cut into what comes before its first gebied table, the gebied tables,
    and the rest, which starts at a table header (or is empty).

    The cuts are at line starts, so the head and the tail can be read as TOML
    documents of their own; a cut that falls inside a multi-line string leaves a
    head that no TOML parser accepts, and the caller reads the whole file.
    """
    first = _FIRST_GEBIED.search(text)
    if first is None:
        return None
    # From the last gebied header on: an other table between two gebied tables stays
    # inside the gebied part, where no line but the written layout is accepted.
    after = _OTHER_TABLE.search(text, text.rfind("\n[gebied.") + 1)
    end = len(text) if after is None else after.start()
    gebieden = text[first.start() : end]
    if after is None:  # the last table of the file has no empty line after it
        gebieden += "\n"
    return Parts(head=text[: first.start()], gebieden=gebieden, tail=text[end:])


def columns(text: str, years: tuple[int, ...], posts: tuple[str, ...]) -> Columns | None:
    """The gebieden in ``text`` (:attr:`Parts.gebieden`) if every line of it is in the
    written layout, each post holding exactly ``years`` in order; else ``None``."""
    if not 0 < len(years) <= _MOST_YEARS:
        return None
    found = [block.groups("") for block in _block(years, posts).finditer(text)]
    if not found:
        return None
    fields = list(zip(*found, strict=True))
    named, notes, inwoners = fields[0], fields[1], fields[2]
    own_lines = 2 * (len(named) - named.count("")) + len(notes) - notes.count("")
    own_lines += len(inwoners) - inwoners.count("")
    # Every match starts at a line start and ends after a line end; if together they
    # hold every line end of the text, nothing between or around them was skipped.
    lines = len(found) * len(posts) * (len(years) + 2) + own_lines
    if text.count("\n") != lines:
        return None
    step = len(years) + 1
    keys = fields[3::step]
    if any(key != keys[0] for key in keys) or any(
        name != key for name, key in zip(named, keys[0], strict=True) if name
    ):
        return None
    names = [key[1:-1] if key.startswith('"') else key for key in keys[0]]
    if len(set(names)) != len(names):
        return None
    amounts = {
        post: _numbers(fields[first : first + len(years)])
        for post, first in zip(posts, range(4, len(fields), step), strict=True)
    }
    if '""' in notes:  # an empty note is no note: the writer leaves the line out
        return None
    read_notes = [_note(note) if note else "" for note in notes]
    if None in read_notes:
        return None
    return Columns(
        names=names,
        inwoners=[int(value) if value else None for value in inwoners],
        amounts=amounts,
        notes=[note or "" for note in read_notes],
    )


def _note(written: str) -> str | None:
    """A note's text as TOML reads it (``None``: an escape TOML refuses)."""
    if "\\" not in written:
        return written[1:-1]
    import tomli

    try:
        return str(tomli.loads(f"v = {written}")["v"])
    except (tomli.TOMLDecodeError, ValueError):
        return None


def _numbers(columns: list[tuple[str, ...]]) -> list[tuple[int, ...]]:
    """Columns of integers as text, as rows of numbers (:data:`_STEP` rows a step)."""
    rows: list[tuple[int, ...]] = []
    for start in range(0, len(columns[0]), _STEP):
        end = start + _STEP
        rows += zip(*(map(int, column[start:end]) for column in columns), strict=True)
    return rows


def first_gebieden(text: str, years: tuple[int, ...], posts: tuple[str, ...], count: int) -> str:
    """The start of ``text`` (:attr:`Parts.gebieden`) that holds its first ``count``
    gebieden (or all, if fewer), when they follow each other in the written layout from
    its first line; else ``""``. The time it takes grows with ``count``, not the file.
    (Years :func:`columns` refuses are refused there, on what this gives.)"""
    end, found = 0, 0
    for block in islice(_block(years, posts).finditer(text), count):
        if block.start() != end:
            return ""
        end, found = block.end(), found + 1
    return text[:end] if found == count or end == len(text) else ""


@lru_cache(maxsize=8)
def _block(years: tuple[int, ...], posts: tuple[str, ...]) -> re.Pattern[str]:
    """One gebied as written: its own table if it has a note or ``inwoners`` (in that
    order), then each post's table of ``years``, each table followed by an empty line."""
    values = "".join(f"{year} = {_INTEGER}\n" for year in years)
    tables = "".join(rf"\[gebied\.{_KEY}\.{re.escape(post)}\]\n{values}\n" for post in posts)
    own = rf"(?:\[gebied\.{_KEY}\]\n(?:notitie = {_NOTE}\n)?(?:inwoners = {_INTEGER}\n)?\n)?"
    return re.compile(f"^{own}{tables}", re.MULTILINE)
