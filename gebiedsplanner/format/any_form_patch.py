"""Saving that keeps what the user wrote, for the TOML forms :mod:`scenario_patch`
leaves: dotted keys (``couleur_locale.2017 = 247_000``) and inline tables
(``couleur_locale = { 2016 = 226_000, 2017 = 247_000 }``).

``tomlkit`` reads such a file into a document that writes back every byte it read
(comments, order, spacing); the changed amounts are set in it, each in the style of
the amount it replaces, the name of a save as too, and the new change-log entries
are appended as :func:`scenario_writer.dumps` writes them. The result is then read
with the strict reader and must be exactly the scenario, or it is not used.

``tomlkit`` is pure Python and slow: linear at about 8 s a megabyte for tables
with dotted keys, but quadratic for dotted keys at the top level (``gebied."X".post =
{...}`` a line each: 1,1 s at 64 KB, 9,5 s at 247 KB on the benchmark machine,
found by an attack). A save waits for it, so files larger than :data:`LARGEST` are
left to a full rewrite; the files the program writes are patched by
:mod:`scenario_patch`, at any size.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.items import Integer, String, StringType

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import NOTE_KEY, STEDELIJK, Scenario, contents
from gebiedsplanner.format import scenario_reader
from gebiedsplanner.format.patch_text import amount_text, appended_log, groups_digits

#: Bytes; at most about 1 s of ``tomlkit`` on the benchmark machine, in its slowest form.
LARGEST = 64 * 1024
_BOM = "\ufeff"


def patch(original: bytes, scenario: Scenario, *, name: str | None = None) -> bytes | None:
    """``original`` changed to hold ``scenario`` (saved as ``name``); ``None`` when the
    file is too large, not read by ``tomlkit``, or the result is not the scenario."""
    if len(original) > LARGEST:
        return None
    name = scenario.name if name is None else name
    try:
        text = original.decode("utf-8")
        bom = _BOM if text.startswith(_BOM) else ""
        document = tomlkit.parse(text.removeprefix(bom))
        logged = _set_values(document, scenario, name, text)
        patched = bom + tomlkit.dumps(document)
        result = (patched + appended_log(patched, scenario.log[logged:])).encode("utf-8")
        read = scenario_reader.parse("", result)
    except (
        tomlkit.exceptions.TOMLKitError,
        ProblemsError,
        LookupError,
        TypeError,
        ValueError,
        RecursionError,
    ):
        return None
    saved = contents(scenario) | {"name": name}
    return result if contents(read) == saved else None


def _set_values(document: Any, scenario: Scenario, name: str, text: str) -> int:
    """Every changed amount and the name set in ``document``; how many log entries it has."""
    if document["name"] != name:  # saved as: the new name, the comment after it kept
        old = document["name"]
        document["name"] = String(
            StringType.SLB, name, tomlkit.string(name).as_string()[1:-1], old.trivia
        )
    grouped = partial(groups_digits, text)
    for table, key, value in _amounts(document, scenario):
        old = table[key]
        if not isinstance(old, Integer):
            raise TypeError(key)
        if int(old) != value:
            table[key] = Integer(value, old.trivia, amount_text(value, old.as_string(), grouped))
    _set_notes(document, scenario)
    log = document.get("log", [])
    return len(log)


def _set_notes(document: Any, scenario: Scenario) -> None:
    """Each gebied's note set, added or taken out where it differs (rare: looked up then)."""
    gebieden = document["gebied"]
    for gebied in scenario.gebieden.values():
        table = gebieden[gebied.name]
        have = table.get(NOTE_KEY, "")
        if have == gebied.note:
            continue
        if gebied.note:
            table[NOTE_KEY] = gebied.note
        else:
            del table[NOTE_KEY]


def _amounts(document: Any, scenario: Scenario) -> Iterator[tuple[Any, str, int]]:
    """Each amount of the scenario: the ``tomlkit`` table that holds it, its key, its value.

    Each table is looked up once: in a file of dotted keys a lookup of ``gebied`` makes
    a view that copies every gebied, so one per amount took minutes (found by an attack).
    """
    years = [(str(year), year) for year in scenario.years]
    gebieden = document["gebied"]
    stedelijk = document[STEDELIJK] if scenario.stedelijk else {}
    series = [
        (document["envelope"], scenario.envelope),
        (document["taakstelling"], scenario.taakstelling),
        *((stedelijk[post], values) for post, values in scenario.stedelijk.items()),
    ]
    for gebied in scenario.gebieden.values():
        table = gebieden[gebied.name]
        series += [(table[post], values) for post, values in gebied.posts.items()]
        if gebied.inwoners is not None:
            yield table, "inwoners", gebied.inwoners
    for table, values in series:
        for key, year in years:
            yield table, key, values[year]
