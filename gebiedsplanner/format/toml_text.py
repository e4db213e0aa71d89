"""TOML text from an untrusted file: decoded, parsed with every problem in the UI language
(a syntax error with its line and column, a nesting too deep, a number too long), and
values described in words for messages."""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from typing import Any

import tomli

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.i18n import texts


def shortened(key: str) -> str:
    """A key from the file as a message quotes it: a planted megabyte-long key is cut."""
    return key if len(key) <= 60 else key[:59] + "…"


def describe_value(value: object) -> str:
    """What a value from a TOML file is, in words, as a message says what it found."""
    if isinstance(value, bool):
        return texts.TYPE_BOOL
    if isinstance(value, (float, Decimal)):  # TOML floats are read as Decimal (exact)
        return texts.TYPE_FLOAT.format(value=shortened(str(value)))
    if isinstance(value, str):
        return texts.TYPE_STRING.format(value=value[:40])
    if isinstance(value, dict):
        return texts.TYPE_TABLE
    if isinstance(value, list):
        return texts.TYPE_LIST
    if isinstance(value, int):  # a number of thousands of digits is not even turned into text
        shown = str(value) if abs(value) < 10**40 else texts.TYPE_HUGE
        return texts.TYPE_INTEGER.format(value=shown)
    return texts.TYPE_DATE.format(value=shortened(str(value)))  # TOML has nothing else left


def decode(file: str, raw: bytes) -> str:
    """The file's text, or :class:`ProblemsError` for empty, binary or non-UTF-8 content."""
    if not raw.strip():
        raise ProblemsError([Problem(file, "", texts.FILE_EMPTY, texts.FIX_EMPTY)])
    if is_utf16(raw):
        raise ProblemsError([Problem(file, "", texts.FILE_UTF16, texts.FIX_UTF8)])
    if b"\x00" in raw:
        raise ProblemsError([Problem(file, "", texts.FILE_BINARY, texts.FIX_BINARY)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        place = texts.PLACE_LINE.format(line=line)
        raise ProblemsError([Problem(file, place, texts.FILE_NOT_UTF8, texts.FIX_UTF8)]) from None


def is_utf16(raw: bytes) -> bool:
    """Text saved as UTF-16 (as Windows' Notepad and PowerShell may): its byte order mark,
    or, without one, a zero byte in every other place of its start (ASCII in UTF-16)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    start = raw[: min(len(raw), 200) // 2 * 2]
    if len(start) < 4:
        return False
    even, odd = start[0::2], start[1::2]
    return (not odd.strip(b"\x00") and even.strip(b"\x00") != b"") or (
        not even.strip(b"\x00") and odd.strip(b"\x00") != b""
    )


def toml_or_none(text: str) -> dict[str, Any] | None:
    """``text`` as TOML data as ``tomli`` reads it, or ``None`` if it is not valid TOML."""
    try:
        return tomli.loads(text, parse_float=Decimal)
    except (tomli.TOMLDecodeError, RecursionError, ValueError):
        return None


def _dotted(named: str) -> str:
    """tomli names a key as a tuple, ``('gebieden', 'Noord')``: as the file writes it."""
    if named.startswith("(") and named.endswith(")"):
        try:
            parts = ast.literal_eval(named)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return named
        if isinstance(parts, tuple) and all(isinstance(part, str) for part in parts):
            return ".".join(parts)
    return named


def toml_detail(message: str) -> str:
    """tomli's message in the UI language (``texts.TOML_MESSAGES``; ``{}`` is what tomli
    names, such as a key); a message the table lacks (a newer tomli's) as tomli says it."""
    for known, ours in texts.TOML_MESSAGES.items():
        head, braces, tail = known.partition("{}")
        if not braces and message == known:
            return str(ours)
        if braces and message.startswith(head) and message.endswith(tail):
            named = message[len(head) : len(message) - len(tail)]
            return str(ours).replace("{}", shortened(_dotted(named)))
    return message


def load_toml(file: str, text: str) -> dict[str, Any]:
    """TOML text as data; syntax, nesting and size problems as :class:`ProblemsError`."""
    try:
        # Decimal: a percentage such as 12.5 is read exactly, never as a binary float.
        return tomli.loads(text, parse_float=Decimal)
    except tomli.TOMLDecodeError as error:
        place = texts.PLACE_LINE_COLUMN.format(line=error.lineno, column=error.colno)
        message = texts.TOML_SYNTAX.format(detail=toml_detail(error.msg))
        raise ProblemsError([Problem(file, place, message, texts.FIX_TOML)]) from None
    except RecursionError:  # tomli refuses more than 400 nested arrays or inline tables
        raise ProblemsError([Problem(file, "", texts.TOML_TOO_DEEP, texts.FIX_TOML)]) from None
    except ValueError:  # an integer of more than 4.300 digits
        place = _huge_number_place(text)
        raise ProblemsError(
            [Problem(file, place, texts.TOML_HUGE_NUMBER, texts.FIX_TYPO)]
        ) from None


#: A run of digits Python refuses to turn into an int (``sys.get_int_max_str_digits``).
_HUGE_NUMBER = re.compile(r"[0-9][0-9_]{4299,}")


def _huge_number_place(text: str) -> str:
    """The line of the number tomli could not read, as a message names it."""
    found = _HUGE_NUMBER.search(text)
    return texts.PLACE_LINE.format(line=text.count("\n", 0, found.start()) + 1) if found else ""
