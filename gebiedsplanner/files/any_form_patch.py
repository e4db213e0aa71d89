"""Saving that keeps what the user wrote, for the TOML forms :mod:`scenario_patch`
leaves: dotted keys (``couleur_locale.2017 = 247_000``) and inline tables
(``couleur_locale = { 2016 = 226_000, 2017 = 247_000 }``).

``tomlkit`` reads such a file into a document that writes back every byte it read
(comments, order, spacing); the changed amounts are set in it, each in the style of
the amount it replaces, the name of a save as too, and the new change-log entries
are appended as :func:`scenario_format.dumps` writes them. The result is then read
with the strict reader and must be exactly the scenario, or it is not used.

``tomlkit`` is pure Python and slow (about 8 s a megabyte on the benchmark
machine), so files larger than :data:`LARGEST` are left to a full rewrite; the
files the program writes are patched by :mod:`scenario_patch`, at any size.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

import tomlkit
import tomlkit.exceptions
from tomlkit.items import Integer, String, StringType

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import STEDELIJK, Scenario, contents
from gebiedsplanner.files import scenario_format
from gebiedsplanner.files.scenario_patch import amount_text, appended_log, groups_digits

#: Bytes; about 2 s of ``tomlkit`` on the benchmark machine, some 800 gebieden.
LARGEST = 256 * 1024
_BOM = "\ufeff"


def patch(original: bytes, scenario: Scenario, *, name: str | None = None) -> bytes | None:
    """``original`` changed to hold ``scenario`` (saved as ``name``); ``None`` when the
    file is too large, not read by ``tomlkit``, or the result is not the scenario."""
    if len(original) > LARGEST:
        return None
    try:
        text = original.decode("utf-8")
        bom = _BOM if text.startswith(_BOM) else ""
        document = tomlkit.parse(text.removeprefix(bom))
        logged = _set_values(document, scenario, scenario.name if name is None else name, text)
        patched = bom + tomlkit.dumps(document)
        result = (patched + appended_log(patched, scenario.log[logged:])).encode("utf-8")
        read = scenario_format.parse("", result)
    except (
        tomlkit.exceptions.TOMLKitError,
        ProblemsError,
        LookupError,
        TypeError,
        ValueError,
        RecursionError,
    ):
        return None
    saved = contents(scenario) | {"name": scenario.name if name is None else name}
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
    log = document.get("log", [])
    return len(log)


def _amounts(document: Any, scenario: Scenario) -> Iterator[tuple[Any, str, int]]:
    """Each amount of the scenario: the ``tomlkit`` table that holds it, its key, its value."""
    years = [(str(year), year) for year in scenario.years]
    series = [
        (document["envelope"], scenario.envelope),
        (document["taakstelling"], scenario.taakstelling),
        *((document[STEDELIJK][post], values) for post, values in scenario.stedelijk.items()),
        *(
            (document["gebied"][gebied.name][post], values)
            for gebied in scenario.gebieden.values()
            for post, values in gebied.posts.items()
        ),
    ]
    for table, values in series:
        for key, year in years:
            yield table, key, values[year]
    for gebied in scenario.gebieden.values():
        if gebied.inwoners is not None:
            yield document["gebied"][gebied.name], "inwoners", gebied.inwoners
