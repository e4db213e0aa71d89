"""The scenario TOML format: strict reading (every problem named) and deterministic writing.

Reading takes bytes and returns a :class:`Scenario` or raises
:class:`ProblemsError` listing every problem with its place and fix. Writing
produces the same bytes for the same scenario, so saving an unchanged file
changes nothing and diffs between versions stay small.
"""

from __future__ import annotations

import ast
import gc
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from functools import partial
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

import tomli

from gebiedsplanner import texts
from gebiedsplanner.core.money import AMOUNT_LIMIT, format_amount
from gebiedsplanner.core.policy import (
    AMOUNT_RULES,
    FLAG_RULES,
    PERCENT_DECIMALS,
    PERCENT_RULES,
    RULES,
    Policy,
    percent_text,
)
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import (
    FORMAT_VERSION,
    GEBIED_POSTS,
    STEDELIJK,
    TAAKSTELLING,
    Cell,
    CellChange,
    Gebied,
    LogEntry,
    Scenario,
    _suggestion,
    action_code,
    check_sign,
)
from gebiedsplanner.files import written_layout

_TOP_KEYS = (
    "format",
    "name",
    "description",
    "beleid",
    "envelope",
    "taakstelling",
    "stedelijk",
    "gebied",
    "log",
)
_GEBIED_KEYS = ("inwoners", *GEBIED_POSTS)
_LOG_KEYS = ("when", "who", "action", "reason", "changes")
#: A year is exactly four ASCII digits: no "２０１７", no "2017\n" in quotes, which
#: int() would read as a second 2017 and so silently replace the first.
_YEAR = re.compile(r"[0-9]{4}")
#: Problems placed and reported per file; the rest are counted.
MAX_PROBLEMS = 100


def _is_int(value: object) -> bool:
    """TOML integers only: ``bool`` is an ``int`` subclass in Python and is refused."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_amount(value: object) -> bool:
    """An integer no budget could exceed (see :data:`AMOUNT_LIMIT`)."""
    return _is_int(value) and abs(value) <= AMOUNT_LIMIT  # type: ignore[arg-type]


def _short(key: str) -> str:
    """A key from the file as a message quotes it: a planted megabyte-long key is cut."""
    return key if len(key) <= 60 else key[:59] + "…"


def describe_value(value: object) -> str:
    """What a value from a TOML file is, in words, as a message says what it found."""
    if isinstance(value, bool):
        return texts.TYPE_BOOL
    if isinstance(value, (float, Decimal)):  # TOML floats are read as Decimal (exact)
        return texts.TYPE_FLOAT.format(value=_short(str(value)))
    if isinstance(value, str):
        return texts.TYPE_STRING.format(value=value[:40])
    if isinstance(value, dict):
        return texts.TYPE_TABLE
    if isinstance(value, list):
        return texts.TYPE_LIST
    if isinstance(value, int):  # a number of thousands of digits is not even turned into text
        shown = str(value) if abs(value) < 10**40 else texts.TYPE_HUGE
        return texts.TYPE_INTEGER.format(value=shown)
    return texts.TYPE_DATE.format(value=_short(str(value)))  # TOML has nothing else left


class _Reader:
    """Collects problems while walking the parsed TOML."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.lines = _Lines(text)
        self.problems: list[Problem] = []
        self.more = 0

    def problem(self, path: tuple[str, ...], message: str, fix: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1  # counted, not placed: nobody reads the thousandth message
            return
        self.problems.append(Problem(self.file, self._place(path), message, fix))

    def reported(self) -> list[Problem]:
        """The problems to show, with one line saying how many more there are."""
        if not self.more:
            return self.problems
        more = Problem(self.file, "", texts.MORE_PROBLEMS.format(count=self.more), texts.FIX_TOML)
        return [*self.problems, more]

    def _place(self, path: tuple[str, ...]) -> str:
        dotted = ".".join(_short(key) for key in path)
        line = self.lines.find(path)
        return texts.PLACE_WITH_LINE.format(path=dotted, line=line) if line else dotted

    def not_a_table(self, path: tuple[str, ...], value: object, header: str) -> None:
        self.problem(
            path,
            texts.NOT_A_TABLE.format(found=describe_value(value)),
            texts.FIX_ADD_TABLE.format(header=header),
        )

    # -- typed readers -------------------------------------------------------

    def table(self, data: dict[str, Any], key: str, path: tuple[str, ...]) -> dict[str, Any] | None:
        value = data.get(key)
        if value is None:
            self.problem(
                (*path, key),
                texts.MISSING_TABLE.format(key=key),
                texts.FIX_ADD_TABLE.format(header=".".join((*path, key))),
            )
            return None
        if not isinstance(value, dict):
            self.not_a_table((*path, key), value, ".".join((*path, key)))
            return None
        return value

    def amount(self, value: object, path: tuple[str, ...]) -> int | None:
        if not _is_int(value):
            self.problem(
                path,
                texts.AMOUNT_WRONG_TYPE.format(found=describe_value(value)),
                texts.FIX_WHOLE_EUROS,
            )
            return None
        assert isinstance(value, int)
        if abs(value) > AMOUNT_LIMIT:
            self.problem(
                path,
                texts.AMOUNT_TOO_LARGE.format(limit=format_amount(AMOUNT_LIMIT)),
                texts.FIX_TYPO,
            )
            return None
        return value

    def percent(self, value: object, path: tuple[str, ...]) -> Fraction | None:
        """A percentage from 0 to 100, exact, with at most :data:`PERCENT_DECIMALS` decimals."""
        if _is_int(value):
            assert isinstance(value, int)
            value = Decimal(value)
        if not isinstance(value, Decimal):
            self.problem(
                path, texts.RULE_PERCENT_TYPE.format(found=describe_value(value)), texts.FIX_PERCENT
            )
            return None
        shown = _short(str(value))
        if not value.is_finite() or not 0 <= value <= 100:  # NaN and inf first: no comparing them
            self.problem(path, texts.RULE_PERCENT_RANGE.format(value=shown), texts.FIX_PERCENT)
            return None
        if value != value.quantize(Decimal(1).scaleb(-PERCENT_DECIMALS)):
            self.problem(path, texts.RULE_PERCENT_DECIMALS.format(value=shown), texts.FIX_PERCENT)
            return None
        return Fraction(value)

    def series(
        self,
        data: dict[str, Any],
        path: tuple[str, ...],
        years: tuple[int, ...] | None,
        rule: Callable[[int], str | None] | None = None,
    ) -> dict[int, int] | None:
        """A table year -> amount covering exactly ``years`` (any years when ``None``)."""
        result: dict[int, int] = {}
        ok = True
        for key, value in data.items():
            if not _YEAR.fullmatch(key):
                self.problem(
                    (*path, key), texts.NOT_A_YEAR.format(key=_short(key)), texts.FIX_YEAR_KEY
                )
                ok = False
                continue
            year = int(key)
            if years is not None and year not in years:
                self.problem(
                    (*path, key),
                    texts.EXTRA_YEAR.format(year=year, years=_years(years)),
                    texts.FIX_EXTRA_YEAR,
                )
                ok = False
                continue
            amount = self.amount(value, (*path, key))
            if amount is None:
                ok = False
                continue
            problem = rule(amount) if rule else None
            if problem:
                self.problem((*path, key), problem, texts.FIX_SIGN)
                ok = False
                continue
            result[year] = amount
        for year in years or ():
            if str(year) not in data:
                self.problem(
                    path,
                    texts.MISSING_YEAR.format(year=year),
                    texts.FIX_MISSING_YEAR.format(year=year),
                )
                ok = False
        return result if ok else None

    def text(self, data: dict[str, Any], key: str, path: tuple[str, ...], required: bool) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(
                    (*path, key),
                    texts.MISSING_KEY.format(key=key),
                    texts.FIX_ADD_TEXT.format(key=key),
                )
            return ""
        if not isinstance(value, str):
            self.problem(
                (*path, key),
                texts.NOT_TEXT.format(found=describe_value(value)),
                texts.FIX_QUOTE_TEXT,
            )
            return ""
        return value

    def unknown_keys(
        self, data: dict[str, Any], allowed: tuple[str, ...], path: tuple[str, ...]
    ) -> None:
        for key in data:
            if key not in allowed:
                self.problem(
                    (*path, key),
                    texts.UNKNOWN_KEY.format(key=_short(key)),
                    texts.FIX_UNKNOWN_KEY.format(allowed=", ".join(allowed)),
                )


def _sign_rule(post: str, owner: str) -> Callable[[int], str | None]:
    """The sign rule of one post, for :meth:`_Reader.series`."""

    def rule(amount: int) -> str | None:
        return check_sign(post, owner, amount)

    return rule


def _years(years: tuple[int, ...]) -> str:
    return ", ".join(str(year) for year in years)


class _Lines:
    """Finds the line of a key path in the TOML text, for messages (best effort, 1-based).

    The table headers are indexed once: a file with thousands of problems is
    still reported in one pass, not one pass over the text per problem.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self.lines: list[str] = []
        self._headers: dict[tuple[str, ...], int] | None = None

    def _index(self) -> dict[tuple[str, ...], int]:
        """The table headers' lines, found when the first problem needs a line."""
        if self._headers is None:
            self.lines = self._text.splitlines()
            self._headers = {}
            for index, line in enumerate(self.lines):
                stripped = line.strip().replace(" ", "")
                if stripped.startswith("["):
                    header = stripped.strip("[]").split("#")[0].rstrip("]")
                    parts = tuple(p.strip().strip('"').strip("'") for p in header.split("."))
                    self._headers.setdefault(parts, index)
        return self._headers

    def find(self, path: tuple[str, ...]) -> int | None:
        """The longest table header that is a prefix of ``path``, then the key below it."""
        headers = self._index()
        for length in range(len(path), 0, -1):
            start = headers.get(path[:length])
            if start is None:
                continue
            if length == len(path):
                return start + 1
            forms = _key_forms(path[length])
            for offset, candidate in enumerate(self.lines[start + 1 :], start=start + 2):
                stripped = candidate.lstrip()
                if stripped.startswith("["):
                    break
                if any(stripped.startswith((f"{form} ", f"{form}=")) for form in forms):
                    return offset
            return start + 1
        return None


def _key_forms(key: str) -> tuple[str, ...]:
    return (key, f'"{key}"', f"'{key}'")


def decode(file: str, raw: bytes) -> str:
    """The file's text, or :class:`ProblemsError` for empty, binary or non-UTF-8 content."""
    if not raw.strip():
        raise ProblemsError([Problem(file, "", texts.FILE_EMPTY, texts.FIX_EMPTY)])
    if b"\x00" in raw:
        raise ProblemsError([Problem(file, "", texts.FILE_BINARY, texts.FIX_BINARY)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        place = texts.PLACE_LINE.format(line=line)
        raise ProblemsError([Problem(file, place, texts.FILE_NOT_UTF8, texts.FIX_UTF8)]) from None


def parse(file: str, raw: bytes) -> Scenario:
    """Read a scenario from the bytes of ``file``; every problem is reported at once.

    A file whose gebied tables are as :func:`dumps` writes them is read around them
    (:mod:`written_layout`), when it has no problem; otherwise with ``tomli``, whose
    data and messages are the reference.

    The cycle collector pauses meanwhile: reading makes hundreds of thousands of
    dicts and no cycles, and each collection it would start walks them all again
    (a sixth of reading two 10.000-gebied files, measured on ``compare``).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(file, raw)
    finally:
        if collecting:
            gc.enable()


def _parse(file: str, raw: bytes) -> Scenario:
    text = decode(file, raw)
    as_written = _read_as_written(file, text)
    if as_written is not None:
        return as_written
    data = load_toml(file, text)
    reader = _Reader(file, text)
    scenario = _read_scenario(reader, data)
    if reader.problems or scenario is None:
        raise ProblemsError(reader.reported())
    return scenario


def preview(file: str, raw: bytes, count: int) -> Scenario | None:
    """The scenario of ``raw`` with only its first ``count`` gebieden, read in a time that
    does not grow with the file: what the planner shows while it reads the rest.

    ``None`` when the file is not as :func:`dumps` writes it, or that start has a
    problem: then only :func:`parse` says what the file holds. A preview is never a
    verdict on the file: the rest may still have a problem, which :func:`parse` finds.
    """
    try:
        return _read_as_written(file, decode(file, raw), first=count)
    except ProblemsError:
        return None


class _NotAsWritten(Exception):
    """The gebied tables are not as the program writes them: read the whole file as TOML."""


def _read_as_written(file: str, text: str, first: int | None = None) -> Scenario | None:
    """The scenario, if its gebied tables are as :func:`dumps` writes them and the file
    has no problem; else ``None``, and the caller reads the whole file as TOML.
    ``first``: only that many gebieden (see :func:`preview`).

    The rest of the file (before and after the gebied tables) is read as TOML, as two
    documents; one that defines ``gebied`` itself or shares a table with the other is
    left to the whole reading, which says what is wrong.
    """
    parts = written_layout.split(text)
    if parts is None:
        return None
    head, tail = _toml_or_none(parts.head), _toml_or_none(parts.tail)
    if (
        head is None
        or tail is None
        or "gebied" in head
        or "gebied" in tail
        or head.keys() & tail.keys()
    ):
        return None

    reader = _Reader(file, text)
    try:
        scenario = _read_scenario(
            reader, head | tail, partial(_gebieden_as_written, parts.gebieden, first=first)
        )
    except _NotAsWritten:
        return None
    return None if reader.problems else scenario


def _gebieden_as_written(
    text: str, years: tuple[int, ...], first: int | None = None
) -> dict[str, Gebied]:
    """The gebieden of :attr:`written_layout.Parts.gebieden` (only the ``first``, if
    given), or :class:`_NotAsWritten`."""
    if first is not None:
        text = written_layout.first_gebieden(text, years, GEBIED_POSTS, first)
    found = written_layout.columns(text, years, GEBIED_POSTS)
    if found is None:
        raise _NotAsWritten
    posts = [found.amounts[post] for post in GEBIED_POSTS]
    gebieden = _checked_gebieden(found.names, found.inwoners, posts, years)
    if gebieden is None:
        raise _NotAsWritten
    return gebieden


def _toml_or_none(text: str) -> dict[str, Any] | None:
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
            return str(ours).replace("{}", _short(_dotted(named)))
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


def _read_scenario(
    reader: _Reader,
    data: dict[str, Any],
    gebieden_as_written: Callable[[tuple[int, ...]], dict[str, Gebied]] | None = None,
) -> Scenario | None:
    version = data.get("format")
    if version is None:
        reader.problem(("format",), texts.MISSING_FORMAT, texts.FIX_FORMAT)
        return None
    if not _is_int(version) or version != FORMAT_VERSION:
        found = describe_value(version) if not _is_int(version) or abs(version) > 999 else version
        reader.problem(("format",), texts.UNKNOWN_FORMAT.format(found=found), texts.FIX_FORMAT)
        return None
    reader.unknown_keys(data, _TOP_KEYS, ())
    name = reader.text(data, "name", (), required=True)
    description = reader.text(data, "description", (), required=False)

    envelope_table = reader.table(data, "envelope", ())
    envelope = (
        reader.series(
            envelope_table,
            ("envelope",),
            None,
            lambda a: texts.AMOUNT_NEGATIVE.format(post="envelope") if a < 0 else None,
        )
        if envelope_table is not None
        else None
    )
    if envelope is not None and not envelope:
        reader.problem(("envelope",), texts.ENVELOPE_EMPTY, texts.FIX_ENVELOPE_EMPTY)
        envelope = None
    if envelope is None:
        return None
    years = tuple(sorted(envelope))

    taakstelling_table = reader.table(data, "taakstelling", ())
    taakstelling = (
        reader.series(
            taakstelling_table,
            ("taakstelling",),
            years,
            lambda a: texts.TAAKSTELLING_POSITIVE if a > 0 else None,
        )
        if taakstelling_table is not None
        else None
    )

    stedelijk = _read_stedelijk(reader, data, years)
    gebieden = (
        _read_gebieden(reader, data, years)
        if gebieden_as_written is None
        else gebieden_as_written(years)
    )
    log = _read_log(reader, data)
    beleid = _read_beleid(reader, data)
    if reader.problems or taakstelling is None:
        return None
    return Scenario(
        name=name,
        description=description,
        envelope=envelope,
        taakstelling=taakstelling,
        stedelijk=stedelijk,
        gebieden=gebieden,
        log=log,
        beleid=beleid,
    )


def _read_beleid(reader: _Reader, data: dict[str, Any]) -> Policy | None:
    """The ``[beleid]`` rules, or ``None`` when the file has no such table."""
    table = data.get("beleid")
    if table is None:
        return None
    if not isinstance(table, dict):
        reader.problem(
            ("beleid",),
            texts.NOT_A_TABLE.format(found=describe_value(table)),
            texts.FIX_UNKNOWN_RULE.format(allowed=", ".join(RULES)),
        )
        return None
    rules: dict[str, Any] = {}
    for key, value in table.items():
        path = ("beleid", key)
        if key in PERCENT_RULES:
            rules[key] = reader.percent(value, path)
        elif key in AMOUNT_RULES:
            amount = reader.amount(value, path)
            if amount is not None and amount < 0:
                reader.problem(path, texts.RULE_AMOUNT_NEGATIVE, texts.FIX_RULE_AMOUNT)
                amount = None
            rules[key] = amount
        elif key in FLAG_RULES:
            if not isinstance(value, bool):
                found = texts.RULE_NOT_FLAG.format(found=describe_value(value))
                reader.problem(path, found, texts.FIX_FLAG)
            rules[key] = value if isinstance(value, bool) else None
        else:
            reader.problem(
                path,
                texts.UNKNOWN_RULE.format(key=_short(key)) + _suggestion(key, list(RULES)),
                texts.FIX_UNKNOWN_RULE.format(allowed=", ".join(RULES)),
            )
    return Policy(**rules)


def _beleid_document(policy: Policy) -> dict[str, Any]:
    """The rules as TOML values: a whole percentage as an integer, else an exact decimal."""
    document: dict[str, Any] = {}
    for code, value in policy.rules().items():
        if isinstance(value, Fraction):
            document[code] = int(value) if value.denominator == 1 else Decimal(percent_text(value))
        else:
            document[code] = value
    return document


def _read_stedelijk(
    reader: _Reader, data: dict[str, Any], years: tuple[int, ...]
) -> dict[str, dict[int, int]]:
    table = data.get("stedelijk", {})
    if not isinstance(table, dict):
        reader.not_a_table(("stedelijk",), table, "stedelijk.NAAM")
        return {}
    result: dict[str, dict[int, int]] = {}
    for post, series in table.items():
        path = ("stedelijk", post)
        if "/" in post:  # its address, stedelijk/POST/JAAR, would read back as another cell
            reader.problem(path, texts.SLASH_IN_POST, texts.FIX_RENAME_POST)
            continue
        if not post:  # its address, stedelijk//JAAR, would not read back at all
            reader.problem(path, texts.EMPTY_POST_NAME, texts.FIX_NAME_POST)
            continue
        if not isinstance(series, dict):
            reader.not_a_table(path, series, ".".join(path))
            continue
        values = reader.series(series, path, years, _sign_rule(post, STEDELIJK))
        if values is not None:
            result[post] = values
    return result


def _read_gebieden(
    reader: _Reader, data: dict[str, Any], years: tuple[int, ...]
) -> dict[str, Gebied]:
    table = reader.table(data, "gebied", ())
    if table is None:
        return {}
    quick = _quick_gebieden(table, years)
    if quick is not None:
        return quick
    result: dict[str, Gebied] = {}
    for name, body in table.items():
        path = ("gebied", name)
        if name.casefold() == STEDELIJK:
            reader.problem(
                path, texts.RESERVED_GEBIED.format(name=STEDELIJK), texts.FIX_RENAME_GEBIED
            )
            continue
        if not name.strip():
            reader.problem(path, texts.EMPTY_GEBIED_NAME, texts.FIX_RENAME_GEBIED)
            continue
        if not isinstance(body, dict):
            reader.not_a_table(path, body, ".".join(path))
            continue
        reader.unknown_keys(body, _GEBIED_KEYS, path)
        inwoners = body.get("inwoners")
        if inwoners is not None and (not _is_int(inwoners) or not 0 <= inwoners <= AMOUNT_LIMIT):
            reader.problem(
                (*path, "inwoners"),
                texts.INWONERS_WRONG.format(found=describe_value(inwoners)),
                texts.FIX_INWONERS,
            )
            inwoners = None
        posts: dict[str, dict[int, int]] = {}
        for post in GEBIED_POSTS:
            series_table = reader.table(body, post, path)
            if series_table is None:
                continue
            values = reader.series(series_table, (*path, post), years, _sign_rule(post, name))
            if values is not None:
                posts[post] = values
        if len(posts) == len(GEBIED_POSTS):
            result[name] = Gebied(name=name, posts=posts, inwoners=inwoners)
    return result


def _quick_gebieden(table: dict[str, Any], years: tuple[int, ...]) -> dict[str, Gebied] | None:
    """Every gebied at once when each is as the program writes it; else ``None``.

    The careful reader above looks at each amount in Python to say what is wrong
    where: about 0,3 s at 10.000 gebieden. A file as :func:`dumps` writes it (each
    gebied a table of ``inwoners`` and its posts in that order, each post exactly the
    scenario's years in order) is checked here a post of every gebied at a time, by
    operations that run in C, and gives the same gebieden. Anything else, also a
    valid file in another order, is left to the careful reader.
    """
    names, bodies = list(table), list(table.values())
    if not set(map(type, bodies)) <= {dict}:
        return None
    if not set(map(tuple, bodies)) <= {GEBIED_POSTS, _GEBIED_KEYS}:
        return None
    keys = {tuple(str(year) for year in years)}
    posts = []
    for post in GEBIED_POSTS:
        series = list(map(itemgetter(post), bodies))
        if not set(map(type, series)) <= {dict} or not set(map(tuple, series)) <= keys:
            return None
        posts.append(list(map(tuple, map(dict.values, series))))
    return _checked_gebieden(names, list(map(dict.get, bodies, repeat("inwoners"))), posts, years)


def _checked_gebieden(
    names: list[str],
    inwoners: list[Any],
    posts: list[list[tuple[Any, ...]]],
    years: tuple[int, ...],
) -> dict[str, Gebied] | None:
    """The gebieden, if every name, ``inwoners`` and amount is allowed; else ``None``
    (the careful reader says what is wrong). ``posts`` holds, per post in order, each
    gebied's amounts in year order."""
    if not all(map(str.strip, names)) or STEDELIJK in map(str.casefold, names):
        return None
    if not _within([value for value in inwoners if value is not None], 0, AMOUNT_LIMIT):
        return None
    for post, rows in zip(GEBIED_POSTS, posts, strict=True):
        low, high = (-AMOUNT_LIMIT, 0) if post == TAAKSTELLING else (0, AMOUNT_LIMIT)
        if not _within(list(chain.from_iterable(rows)), low, high):
            return None
    series = [map(dict, map(zip, repeat(years), rows)) for rows in posts]
    by_post = map(dict, map(zip, repeat(GEBIED_POSTS), zip(*series, strict=True)))
    return dict(zip(names, map(Gebied, names, by_post, inwoners), strict=True))


def _within(values: list[Any], low: int, high: int) -> bool:
    """Every value a TOML integer (no ``bool``) from ``low`` to ``high``."""
    return not values or (
        set(map(type, values)) == {int} and low <= min(values) <= max(values) <= high
    )


def _read_log(reader: _Reader, data: dict[str, Any]) -> list[LogEntry]:
    entries = data.get("log", [])
    if not isinstance(entries, list):
        reader.problem(
            ("log",), texts.NOT_A_LIST.format(found=describe_value(entries)), texts.FIX_LOG
        )
        return []
    result = []
    for index, entry in enumerate(entries, start=1):
        path = ("log", str(index))
        if not isinstance(entry, dict):
            reader.problem(
                path, texts.NOT_A_TABLE.format(found=describe_value(entry)), texts.FIX_LOG
            )
            continue
        reader.unknown_keys(entry, _LOG_KEYS, path)
        when = entry.get("when")
        if not isinstance(when, datetime):
            reader.problem((*path, "when"), texts.LOG_WHEN, texts.FIX_LOG)
            continue
        changes = _read_changes(reader, entry.get("changes", []), path)
        if changes is None:
            continue
        result.append(
            LogEntry(
                when=when,
                who=reader.text(entry, "who", path, required=False),
                action=action_code(reader.text(entry, "action", path, required=False)),
                reason=reader.text(entry, "reason", path, required=False),
                changes=changes,
            )
        )
    return result


def _read_changes(
    reader: _Reader, raw: object, path: tuple[str, ...]
) -> tuple[CellChange, ...] | None:
    if not isinstance(raw, list):
        reader.problem(
            (*path, "changes"), texts.NOT_A_LIST.format(found=describe_value(raw)), texts.FIX_LOG
        )
        return None
    changes = []
    for item in raw:
        cell = parse_address(item.get("cell", "")) if isinstance(item, dict) else None
        old = item.get("old") if isinstance(item, dict) else None
        new = item.get("new") if isinstance(item, dict) else None
        if cell is None or not _is_amount(old) or not _is_amount(new):
            reader.problem((*path, "changes"), texts.LOG_CHANGE, texts.FIX_LOG)
            return None
        assert isinstance(old, int) and isinstance(new, int)
        changes.append(CellChange(cell, old, new))
    return tuple(changes)


def parse_address(address: object) -> Cell | None:
    """``"Charlois/couleur_locale/2017"`` -> :class:`Cell` (gebied names may hold ``/``)."""
    if not isinstance(address, str):
        return None
    parts = address.rsplit("/", 2)
    if len(parts) != 3 or not parts[0] or not parts[1] or not _YEAR.fullmatch(parts[2]):
        return None
    return Cell(parts[0], parts[1], int(parts[2]))


def dumps(scenario: Scenario, *, name: str | None = None) -> bytes:
    """The scenario as TOML bytes; the same scenario always gives the same bytes.

    ``name`` writes it under another name (save as, duplicate) without changing it.
    """

    def series(values: dict[int, int]) -> dict[str, int]:
        return {str(year): values[year] for year in scenario.years}

    document: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "name": scenario.name if name is None else name,
        "description": scenario.description,
    }
    if scenario.beleid is not None:
        document["beleid"] = _beleid_document(scenario.beleid)
    document |= {
        "envelope": series(scenario.envelope),
        "taakstelling": series(scenario.taakstelling),
    }
    if scenario.stedelijk:
        document["stedelijk"] = {
            post: series(values) for post, values in scenario.stedelijk.items()
        }
    gebieden: dict[str, Any] = {}
    for gebied in scenario.gebieden.values():
        body: dict[str, Any] = {}
        if gebied.inwoners is not None:
            body["inwoners"] = gebied.inwoners
        for post in GEBIED_POSTS:
            body[post] = series(gebied.posts[post])
        gebieden[gebied.name] = body
    document["gebied"] = gebieden
    if scenario.log:
        document["log"] = _log_document(scenario.log)
    return _toml_text(document).encode("utf-8")


def _toml_text(document: dict[str, Any]) -> str:
    """``document`` as TOML, amounts grouped in thousands."""
    import tomli_w  # for writing only: reading (every start) goes without it

    return _group_digits(tomli_w.dumps(document, multiline_strings=False))


def _log_document(entries: Sequence[LogEntry]) -> list[dict[str, Any]]:
    return [
        {
            "when": entry.when,
            "who": entry.who,
            "action": entry.action,
            "reason": entry.reason,
            "changes": [
                {"cell": change.cell.address, "old": change.old, "new": change.new}
                for change in entry.changes
            ],
        }
        for entry in entries
    ]


def log_toml(entries: Sequence[LogEntry]) -> str:
    """Change-log entries as ``[[log]]`` tables, exactly as :func:`dumps` ends a file."""
    return _toml_text({"log": _log_document(entries)})


def read_log(file: str, text: str) -> list[LogEntry]:
    """The change log of ``text``, a TOML text of ``[[log]]`` tables (other keys are problems)."""
    data = load_toml(file, text)
    reader = _Reader(file, text)
    reader.unknown_keys(data, ("log",), ())
    entries = _read_log(reader, data)
    if reader.problems:
        raise ProblemsError(reader.reported())
    return entries


_INTEGER_LINE = re.compile(r"^([A-Za-z0-9_-]+ = -?)(\d{4,})$", re.MULTILINE)


def _group_digits(toml_text: str) -> str:
    """``2017 = 57931000`` -> ``2017 = 57_931_000``: readable for people who edit the file.

    Only whole lines of the form ``bare_key = integer`` are touched; tomli-w writes
    strings on one line with quotes, so no string content can match.
    """
    return _INTEGER_LINE.sub(lambda m: m.group(1) + f"{int(m.group(2)):_}", toml_text)
