"""Reading a scenario file: bytes in, a :class:`Scenario` out, or :class:`ProblemsError`
listing every problem with its place and fix.

The choice of reader is made here: a file whose gebied tables are as the program
writes them is read around them (:mod:`written_layout`, fast), anything else with
``tomli`` and :mod:`model_builders`; :func:`preview` gives a large file's first
gebieden before the rest is read.
"""

from __future__ import annotations

from functools import partial

from gebiedsplanner.core.collector import collector_paused
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import (
    GEBIED_POSTS,
    Gebied,
    Scenario,
)
from gebiedsplanner.format import written_layout
from gebiedsplanner.format.model_builders import checked_gebieden, read_scenario
from gebiedsplanner.format.problem_collector import Reader
from gebiedsplanner.format.toml_text import decode, load_toml, toml_or_none


def parse(file: str, raw: bytes) -> Scenario:
    """Read a scenario from the bytes of ``file``; every problem is reported at once.

    A file whose gebied tables are as :func:`scenario_writer.dumps` writes them is read around them
    (:mod:`written_layout`), when it has no problem; otherwise with ``tomli``, whose
    data and messages are the reference.

    The cycle collector pauses meanwhile (:func:`collector_paused`).
    """
    with collector_paused():
        return _parse(file, raw)


def _parse(file: str, raw: bytes) -> Scenario:
    text = decode(file, raw)
    as_written = _read_as_written(file, text)
    if as_written is not None:
        return as_written
    data = load_toml(file, text)
    reader = Reader(file, text)
    scenario = read_scenario(reader, data)
    if reader.problems or scenario is None:
        raise ProblemsError(reader.reported())
    return scenario


def preview(file: str, raw: bytes, count: int) -> Scenario | None:
    """The scenario of ``raw`` with only its first ``count`` gebieden, read in a time that
    does not grow with the file: what the planner shows while it reads the rest.

    ``None`` when the file is not as :func:`scenario_writer.dumps` writes it, or that start has a
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
    """The scenario, if its gebied tables are as :func:`scenario_writer.dumps` writes them
    and the file has no problem; else ``None``, and the caller reads the whole file as TOML.
    ``first``: only that many gebieden (see :func:`preview`).

    The rest of the file (before and after the gebied tables) is read as TOML, as two
    documents; one that defines ``gebied`` itself or shares a table with the other is
    left to the whole reading, which says what is wrong.
    """
    parts = written_layout.split(text)
    if parts is None:
        return None
    head, tail = toml_or_none(parts.head), toml_or_none(parts.tail)
    if (
        head is None
        or tail is None
        or "gebied" in head
        or "gebied" in tail
        or head.keys() & tail.keys()
    ):
        return None

    reader = Reader(file, text)
    try:
        scenario = read_scenario(
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
    gebieden = checked_gebieden(found.names, found.inwoners, posts, years, found.notes)
    if gebieden is None:
        raise _NotAsWritten
    return gebieden


