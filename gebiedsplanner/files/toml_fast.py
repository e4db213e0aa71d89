"""TOML read by a compiled parser (``toml-rs``), only where it gives what ``tomli`` gives.

``tomli`` stays the reference: its data and its error messages define what a scenario
file means and what is wrong with one. It reads 3 MB (10.000 gebieden) in about 0,9 s
on a slow machine; ``toml-rs`` in about 0,15 s, which is what lets ``compare -o``
of two such files finish in half a second and the app open them sooner.

Where the two could differ, this returns ``None`` and the caller reads with
``tomli``, so a file never means something else than before:

* Any error (syntax, nesting, anything): ``tomli`` says what is wrong, as before.
* ``toml_version="1.0.0"``: ``tomli`` 2.5 reads TOML 1.1, and ``toml-rs`` in its
  1.1 mode accepts more than ``tomli`` does (a line break between a key and its
  ``=`` inside an inline table). In 1.0 mode a random-mutation comparison of
  900.000 documents found no file that ``toml-rs`` accepts and ``tomli`` refuses,
  nor one they read differently, except the two cases below. What TOML 1.1 added
  (``\\e``, ``\\xHH``, times without seconds, line breaks in inline tables) is
  refused in 1.0 mode, so ``tomli`` reads it.
* A byte order mark left after decoding (a second one): ``tomli`` refuses it.
* Integers of more than 4.300 digits: ``tomli`` refuses them (Python's limit on
  converting text to ``int``), ``toml-rs`` does not. Every value a scenario reads
  is an amount checked against ±10¹², so such a number is a problem there and the
  caller reads again with ``tomli``; the one place whose values are not read (keys
  beside ``cell``, ``old``, ``new`` in a change-log entry) is checked by
  :func:`only_read_values`.

* Nesting: ``toml-rs`` recurses without a limit of its own and crashes the process
  (a segmentation fault, no exception) at about 10.000 nested arrays or inline
  tables, where ``tomli`` refuses more than a few hundred with an error. A file
  is given to ``toml-rs`` only when :func:`shallow` proves it cannot nest deeper
  than :data:`SAFE_NESTING`.

Floats are read as ``Decimal``, exactly, as with ``tomli``.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Any

#: The keys a change-log change has; any other key's value is not read.
CHANGE_KEYS = frozenset(("cell", "old", "new"))
#: Brackets that may stay open at once in a file ``toml-rs`` reads (it crashes near 10.000).
SAFE_NESTING = 500
#: Shorter texts are left to ``tomli``: importing ``toml-rs`` (about 20 ms) would cost
#: more than it saves, and the app's first frame of the bundled example would wait for it.
FAST_FROM = 100_000

#: Every byte but those that open, close or hide a bracket (strings, comments, escapes).
_DROP = bytes(set(range(256)) - set(b"[]{}\"'#\\\n"))
#: A string without escapes or brackets, or a byte that neither starts a string nor a comment.
_INNER = rb"""(?:"[^"\\\[\]{}]*"|[^"'#\\\[\]{}])*"""
#: A line (its kept bytes) whose brackets close on the line: ``[gebied."X".post]``,
#: ``[[log]]``, ``{ cell = "X/post/2017", old = 1, new = 2 },``. If its opening bracket
#: is real (not in a string or comment), what follows up to the closing one holds
#: only whole plain strings, so that closing bracket is real too.
_BALANCED = re.compile(
    rb"[^\[\]{}]*(?:[\[{]" + _INNER + rb"[\]}]|\[\[" + _INNER + rb"\]\])[^\[\]{}]*"
)
#: The balanced lines of every scenario file, removed first without a regex.
_COMMON = (b'[""]', b"[]", b"[[]]", b'{""}')
_EMPTY_LINES = re.compile(rb"\n\n+")


def loads(text: str) -> dict[str, Any] | None:
    """``text`` as TOML data, or ``None``: read it with ``tomli`` (see the module docstring)."""
    if len(text) < FAST_FROM or text.startswith("\ufeff") or not shallow(text):
        return None
    try:
        import toml_rs
    except ImportError:  # a platform without a wheel: tomli does it all
        return None
    try:
        data: dict[str, Any] = toml_rs.loads(text, parse_float=Decimal, toml_version="1.0.0")
    except Exception:  # whatever it is, tomli will say it properly
        return None
    return data


def only_read_values(data: dict[str, Any]) -> bool:
    """No change-log change holds a key a scenario does not read (see the module docstring)."""
    entries = data.get("log")
    if not isinstance(entries, list):
        return True
    for entry in entries:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        if isinstance(changes, list):
            for change in changes:
                if isinstance(change, dict) and not CHANGE_KEYS.issuperset(change):
                    return False
    return True


def shallow(text: str) -> bool:
    """``text`` cannot nest more than :data:`SAFE_NESTING` brackets deep.

    Counts the opening brackets that may stay open past their line, which bounds the
    depth. Left out: lines whose brackets close on the line (every line of a scenario
    file but two per change-log entry), and an array opened on a line of its own
    (``changes = [``) holding only such lines up to its ``]``. A file that hides
    brackets in strings or comments counts more than it nests, never less. About
    10 ms for 3 MB.

    A multi-line string (three quotes) can make a line look closed that is not:
    twenty thousand such lines crashed toml-rs. A file with one is never called
    shallow; the files gebiedsplanner writes have none.
    """
    if '"""' in text or "'''" in text:
        return False
    kept = b"\n" + text.encode("utf-8", "surrogatepass").translate(None, _DROP) + b"\n"
    for line in _COMMON:
        for _ in range(2):  # two such lines in a row share the newline between them
            kept = kept.replace(b"\n" + line + b"\n", b"\n\n")
    kept = _EMPTY_LINES.sub(b"\n", kept)
    for _ in range(2):
        kept = kept.replace(b"\n[\n]\n", b"\n")
    if kept.count(b"[") + kept.count(b"{") <= SAFE_NESTING:
        return True
    opening = 0
    for line, times in Counter(kept.split(b"\n")).items():
        count = line.count(b"[") + line.count(b"{")
        if count and not _BALANCED.fullmatch(line):
            opening += count * times
    return opening <= SAFE_NESTING
