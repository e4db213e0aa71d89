"""The scenario model built from parsed TOML data, every problem collected with its place
and fix: the top keys, the policy rules, stedelijk posts, gebieden (checked a post of
every gebied at a time when the file is as written), and the change log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

from gebiedsplanner.core.log_words import action_code
from gebiedsplanner.core.money import AMOUNT_LIMIT
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.rules import (
    AMOUNT_RULES,
    FLAG_RULES,
    PERCENT_RULES,
    RULES,
    Policy,
)
from gebiedsplanner.core.scenario import (
    FORMAT_VERSION,
    GEBIED_POSTS,
    NOTE_KEY,
    STEDELIJK,
    TAAKSTELLING,
    Cell,
    CellChange,
    Gebied,
    LogEntry,
    NoteChange,
    Scenario,
    _suggestion,
    check_note,
)
from gebiedsplanner.format.problem_collector import (
    YEAR_DIGITS,
    Reader,
    is_amount,
    is_int,
    sign_rule,
)
from gebiedsplanner.format.toml_text import describe_value, load_toml, shortened
from gebiedsplanner.i18n import texts

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


_GEBIED_KEYS = (NOTE_KEY, "inwoners", *GEBIED_POSTS)
#: The keys of a gebied's table in the order the writer writes them, for each gebied
#: that has a note or inwoners or both, or neither.
_WRITTEN_GEBIED_KEYS = frozenset(
    {
        GEBIED_POSTS,
        ("inwoners", *GEBIED_POSTS),
        (NOTE_KEY, *GEBIED_POSTS),
        (NOTE_KEY, "inwoners", *GEBIED_POSTS),
    }
)


_LOG_KEYS = ("when", "who", "action", "reason", "changes", "notes")


def read_scenario(
    reader: Reader,
    data: dict[str, Any],
    gebieden_as_written: Callable[[tuple[int, ...]], dict[str, Gebied]] | None = None,
) -> Scenario | None:
    version = data.get("format")
    if version is None:
        reader.problem(("format",), texts.MISSING_FORMAT, texts.FIX_FORMAT)
        return None
    if not is_int(version) or version != FORMAT_VERSION:
        found = describe_value(version) if not is_int(version) or abs(version) > 999 else version
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


def _read_beleid(reader: Reader, data: dict[str, Any]) -> Policy | None:
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
                texts.UNKNOWN_RULE.format(key=shortened(key)) + _suggestion(key, list(RULES)),
                texts.FIX_UNKNOWN_RULE.format(allowed=", ".join(RULES)),
            )
    return Policy(**rules)


def _read_stedelijk(
    reader: Reader, data: dict[str, Any], years: tuple[int, ...]
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
        values = reader.series(series, path, years, sign_rule(post, STEDELIJK))
        if values is not None:
            result[post] = values
    return result


def _read_gebieden(
    reader: Reader, data: dict[str, Any], years: tuple[int, ...]
) -> dict[str, Gebied]:
    table = reader.table(data, "gebied", ())
    if table is None:
        return {}
    quick = quick_gebieden(table, years)
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
        if inwoners is not None and (not is_int(inwoners) or not 0 <= inwoners <= AMOUNT_LIMIT):
            reader.problem(
                (*path, "inwoners"),
                texts.INWONERS_WRONG.format(found=describe_value(inwoners)),
                texts.FIX_INWONERS,
            )
            inwoners = None
        note = _read_note(reader, body, path)
        posts: dict[str, dict[int, int]] = {}
        for post in GEBIED_POSTS:
            series_table = reader.table(body, post, path)
            if series_table is None:
                continue
            values = reader.series(series_table, (*path, post), years, sign_rule(post, name))
            if values is not None:
                posts[post] = values
        if len(posts) == len(GEBIED_POSTS):
            result[name] = Gebied(name=name, posts=posts, inwoners=inwoners, note=note)
    return result


def _read_note(reader: Reader, body: dict[str, Any], path: tuple[str, ...]) -> str:
    """A gebied's ``notitie``: text within :func:`check_note`'s bounds, or a problem."""
    note = reader.text(body, NOTE_KEY, path, required=False)
    problem = check_note(note)
    if problem:
        reader.problem((*path, NOTE_KEY), problem, texts.FIX_NOTE)
        return ""
    return note


def quick_gebieden(table: dict[str, Any], years: tuple[int, ...]) -> dict[str, Gebied] | None:
    """Every gebied at once when each is as the program writes it; else ``None``.

    The careful reader above looks at each amount in Python to say what is wrong
    where: about 0,3 s at 10.000 gebieden. A file as :func:`scenario_writer.dumps` writes it (each
    gebied a table of ``inwoners`` and its posts in that order, each post exactly the
    scenario's years in order) is checked here a post of every gebied at a time, by
    operations that run in C, and gives the same gebieden. Anything else, also a
    valid file in another order, is left to the careful reader.
    """
    names, bodies = list(table), list(table.values())
    if not set(map(type, bodies)) <= {dict}:
        return None
    if not set(map(tuple, bodies)) <= _WRITTEN_GEBIED_KEYS:
        return None
    keys = {tuple(str(year) for year in years)}
    posts = []
    for post in GEBIED_POSTS:
        series = list(map(itemgetter(post), bodies))
        if not set(map(type, series)) <= {dict} or not set(map(tuple, series)) <= keys:
            return None
        posts.append(list(map(tuple, map(dict.values, series))))
    return checked_gebieden(
        names,
        list(map(dict.get, bodies, repeat("inwoners"))),
        posts,
        years,
        list(map(dict.get, bodies, repeat(NOTE_KEY), repeat(""))),
    )


def checked_gebieden(
    names: list[str],
    inwoners: list[Any],
    posts: list[list[tuple[Any, ...]]],
    years: tuple[int, ...],
    notes: list[Any] | None = None,
) -> dict[str, Gebied] | None:
    """The gebieden, if every name, ``inwoners``, note and amount is allowed; else ``None``
    (the careful reader says what is wrong). ``posts`` holds, per post in order, each
    gebied's amounts in year order; ``notes`` each gebied's note (``""``: none; ``None``:
    no gebied has one)."""
    if not all(map(str.strip, names)) or STEDELIJK in map(str.casefold, names):
        return None
    if notes is not None and any(
        type(note) is not str or check_note(note) for note in notes if note
    ):
        return None
    if not _within([value for value in inwoners if value is not None], 0, AMOUNT_LIMIT):
        return None
    for post, rows in zip(GEBIED_POSTS, posts, strict=True):
        low, high = (-AMOUNT_LIMIT, 0) if post == TAAKSTELLING else (0, AMOUNT_LIMIT)
        if not _within(list(chain.from_iterable(rows)), low, high):
            return None
    series = [map(dict, map(zip, repeat(years), rows)) for rows in posts]
    by_post = map(dict, map(zip, repeat(GEBIED_POSTS), zip(*series, strict=True)))
    if notes is None or not any(notes):
        return dict(zip(names, map(Gebied, names, by_post, inwoners), strict=True))
    return dict(zip(names, map(Gebied, names, by_post, inwoners, notes), strict=True))


def _within(values: list[Any], low: int, high: int) -> bool:
    """Every value a TOML integer (no ``bool``) from ``low`` to ``high``."""
    return not values or (
        set(map(type, values)) == {int} and low <= min(values) <= max(values) <= high
    )


def _read_log(reader: Reader, data: dict[str, Any]) -> list[LogEntry]:
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
        notes = _read_note_changes(reader, entry.get("notes", []), path)
        if changes is None or notes is None:
            continue
        result.append(
            LogEntry(
                when=when,
                who=reader.text(entry, "who", path, required=False),
                action=action_code(reader.text(entry, "action", path, required=False)),
                reason=reader.text(entry, "reason", path, required=False),
                changes=changes,
                notes=notes,
            )
        )
    return result


def _read_changes(
    reader: Reader, raw: object, path: tuple[str, ...]
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
        if cell is None or not is_amount(old) or not is_amount(new):
            reader.problem((*path, "changes"), texts.LOG_CHANGE, texts.FIX_LOG)
            return None
        assert isinstance(old, int) and isinstance(new, int)
        changes.append(CellChange(cell, old, new))
    return tuple(changes)


def _read_note_changes(
    reader: Reader, raw: object, path: tuple[str, ...]
) -> tuple[NoteChange, ...] | None:
    """An entry's ``notes = [{ gebied, old, new }]``: each a gebied's name and two notes."""
    if not isinstance(raw, list):
        found = texts.NOT_A_LIST.format(found=describe_value(raw))
        reader.problem((*path, "notes"), found, texts.FIX_LOG)
        return None
    notes = []
    for item in raw:
        values = [item.get(key) if isinstance(item, dict) else None for key in _NOTE_KEYS]
        texts_ = [value for value in values if isinstance(value, str)]
        if len(texts_) != len(_NOTE_KEYS) or not texts_[0] or any(map(check_note, texts_[1:])):
            reader.problem((*path, "notes"), texts.LOG_NOTE_CHANGE, texts.FIX_LOG)
            return None
        notes.append(NoteChange(*texts_))
    return tuple(notes)


_NOTE_KEYS = ("gebied", "old", "new")


def parse_address(address: object) -> Cell | None:
    """``"Charlois/couleur_locale/2017"`` -> :class:`Cell` (gebied names may hold ``/``)."""
    if not isinstance(address, str):
        return None
    parts = address.rsplit("/", 2)
    if len(parts) != 3 or not parts[0] or not parts[1] or not YEAR_DIGITS.fullmatch(parts[2]):
        return None
    return Cell(parts[0], parts[1], int(parts[2]))


def read_log(file: str, text: str) -> list[LogEntry]:
    """The change log of ``text``, a TOML text of ``[[log]]`` tables (other keys are problems)."""
    data = load_toml(file, text)
    reader = Reader(file, text)
    reader.unknown_keys(data, ("log",), ())
    entries = _read_log(reader, data)
    if reader.problems:
        raise ProblemsError(reader.reported())
    return entries
