"""Writing a scenario file: the same scenario always gives the same bytes, amounts grouped in
thousands (``57_931_000``), so saving an unchanged file changes nothing and diffs stay small."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from gebiedsplanner.core.rules import (
    Policy,
    percent_text,
)
from gebiedsplanner.core.scenario import (
    FORMAT_VERSION,
    GEBIED_POSTS,
    NOTE_KEY,
    LogEntry,
    Scenario,
)


def beleid_document(policy: Policy) -> dict[str, Any]:
    """The rules as TOML values: a whole percentage as an integer, else an exact decimal."""
    document: dict[str, Any] = {}
    for code, value in policy.rules().items():
        if isinstance(value, Fraction):
            document[code] = int(value) if value.denominator == 1 else Decimal(percent_text(value))
        else:
            document[code] = value
    return document


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
        document["beleid"] = beleid_document(scenario.beleid)
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
        if gebied.note:
            body[NOTE_KEY] = gebied.note
        if gebied.inwoners is not None:
            body["inwoners"] = gebied.inwoners
        for post in GEBIED_POSTS:
            body[post] = series(gebied.posts[post])
        gebieden[gebied.name] = body
    document["gebied"] = gebieden
    text = _toml_text(document)
    if scenario.log:
        text += "\n" + log_toml(scenario.log)
    return text.encode("utf-8")


def _toml_text(document: dict[str, Any]) -> str:
    """``document`` as TOML, amounts grouped in thousands."""
    import tomli_w  # for writing only: reading (every start) goes without it

    return _group_digits(tomli_w.dumps(document, multiline_strings=False))


def log_toml(entries: Sequence[LogEntry]) -> str:
    """Change-log entries as ``[[log]]`` tables, exactly as :func:`dumps` ends a file.

    An entry's changed cells and notes are always arrays of inline tables, one a line
    (``notes = [{ gebied, old, new }]``), however long a name or note: tomli-w would
    write a line over 100 characters as ``[[log.notes]]`` tables instead, so that one
    file held both forms (issue 26). The patchers append entries with this too."""
    return "\n".join(_entry_toml(entry) for entry in entries)


def _entry_toml(entry: LogEntry) -> str:
    said = {"when": entry.when, "who": entry.who, "action": entry.action, "reason": entry.reason}
    text = "[[log]]\n" + _toml_text(said)
    changes = [
        {"cell": change.cell.address, "old": change.old, "new": change.new}
        for change in entry.changes
    ]
    text += "changes = " + _inline_array(changes)
    if entry.notes:  # none: written as before notes were
        notes = [{"gebied": note.gebied, "old": note.old, "new": note.new} for note in entry.notes]
        text += "notes = " + _inline_array(notes)
    return text


def _inline_array(tables: Sequence[Mapping[str, object]]) -> str:
    """``[]``, or one inline table a line, as tomli-w writes a short array of tables."""
    if not tables:
        return "[]\n"
    lines = [
        "    { " + ", ".join(f"{k} = {_value(v)}" for k, v in t.items()) + " },\n" for t in tables
    ]
    return "[\n" + "".join(lines) + "]\n"


def _value(value: object) -> str:
    """A string or an integer as TOML writes it (the keys used here are all bare)."""
    import tomli_w

    return tomli_w.dumps({"v": value}, multiline_strings=False)[len("v = ") : -1]


_INTEGER_LINE = re.compile(r"^([A-Za-z0-9_-]+ = -?)(\d{4,})$", re.MULTILINE)


def _group_digits(toml_text: str) -> str:
    """``2017 = 57931000`` -> ``2017 = 57_931_000``: readable for people who edit the file.

    Only whole lines of the form ``bare_key = integer`` are touched; tomli-w writes
    strings on one line with quotes, so no string content can match.
    """
    return _INTEGER_LINE.sub(lambda m: m.group(1) + f"{int(m.group(2)):_}", toml_text)
