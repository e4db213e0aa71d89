"""The plan as CSV, built with polars.

polars is imported inside the functions: it is heavy and the app must start
without it. Text cells that a spreadsheet would run as a formula (``=``, ``+``,
``-``, ``@`` at the start, also after spaces or control characters, which spreadsheets
trim; or a tab or CR first) get a leading apostrophe.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from gebiedsplanner.core.plan import long_frame, plan_columns
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.disk.reading import read_untrusted
from gebiedsplanner.disk.writing import clear_leftovers, write_atomic, write_new
from gebiedsplanner.format.toml_text import decode, load_toml
from gebiedsplanner.i18n import texts

if TYPE_CHECKING:
    import polars as pl


class Layout(StrEnum):
    """Long: a row per amount. Wide: a row per gebied and post, a column per year."""

    LONG = "long"
    WIDE = "wide"


class Dialect(StrEnum):
    """Standard: ``,`` separated UTF-8. nl: ``;`` separated UTF-8 with BOM, for Dutch Excel."""

    STANDARD = "standard"
    NL = "nl"


#: A text a spreadsheet would run as a formula: one rule for both writers below (the
#: pattern is read by polars' regex engine and by Python's alike).
_FORMULA_START = r"^(?:[\s\x00-\x1f\x7f]*[=+\-@]|[\t\r])"
_FORMULA = re.compile(_FORMULA_START)


def wide_frame(columns: dict[str, list[object]]) -> pl.DataFrame:
    """A row per gebied and post, a column per year, in the scenario's order."""
    return long_frame(columns).pivot(
        on="jaar", index=["scenario", "gebied", "post"], values="bedrag", maintain_order=True
    )


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells that start like a formula with ``'`` (CSV injection)."""
    import polars as pl

    columns = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(_FORMULA_START))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in columns
    )


def to_csv_bytes(frame: pl.DataFrame, dialect: Dialect) -> bytes:
    """The frame as CSV bytes in the given dialect."""
    safe = neutralise_formulas(frame)
    separator = ";" if dialect is Dialect.NL else ","
    text = safe.write_csv(separator=separator, include_bom=False)
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if dialect is Dialect.NL else data


#: What makes polars put a text cell in quotes.
_QUOTED = ('"', "\n", "\r")


def rows_to_csv(
    header: Sequence[str], rows: Iterable[Sequence[str | int | None]], dialect: Dialect
) -> bytes:
    """Rows of texts and whole numbers as CSV: the bytes :func:`to_csv_bytes` writes for
    the same table, without polars (importing it costs 0,3 s, more than a comparison).

    Texts that start like a formula get the apostrophe, absent (``None``) is an empty
    cell, and a text is quoted as polars quotes it: when it holds the separator, a
    quote or a line break, and when it is empty (so that it differs from absent).
    """
    separator = ";" if dialect is Dialect.NL else ","
    special = (separator, *_QUOTED)

    def cell(value: str | int | None, *, data: bool = True) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            return str(value)
        if data and _FORMULA.match(value):
            value = "'" + value
        if not value or any(char in value for char in special):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [separator.join(cell(name, data=False) for name in header)]
    lines += [separator.join(map(cell, row)) for row in rows]
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    return b"\xef\xbb\xbf" + data if dialect is Dialect.NL else data


def plan_frame(columns: dict[str, list[object]], layout: Layout) -> pl.DataFrame:
    """The plan in the chosen layout."""
    return long_frame(columns) if layout is Layout.LONG else wide_frame(columns)


def plan_csv(
    columns: dict[str, list[object]], layout: Layout, dialect: Dialect
) -> tuple[bytes, int]:
    """The plan (:func:`plan_columns`) as CSV bytes, and its number of rows."""
    frame = plan_frame(columns, layout)
    return to_csv_bytes(frame, dialect), frame.height


def export(scenario: Scenario, out: Path, layout: Layout, dialect: Dialect) -> int:
    """Write the scenario's plan to ``out`` as CSV (over an export there); the number of rows."""
    data, rows = plan_csv(plan_columns(scenario), layout, dialect)
    write_export(out, data, overwrite=True)
    return rows


#: Marks of a scenario file in its first 64 KB, in every form the TOML reader
#: accepts (quoted keys, spaces in the header, an inline or dotted envelope):
#: an export never replaces a file that has both.
_SCENARIO_MARKS = (
    re.compile(rb"""(?m)^[ \t]*["']?format["']?[ \t]*="""),
    re.compile(
        rb"""(?m)^[ \t]*(\[[ \t]*["']?envelope["']?[ \t]*\]|["']?envelope["']?[ \t]*[.=])"""
    ),
)


def write_export(out: Path, data: bytes, *, overwrite: bool, make_folder: bool = False) -> bool:
    """Write an export to ``out``; ``False`` (nothing written) when a file is there and
    ``overwrite`` is not given, so the app can ask first. ``make_folder``: its folder may
    be made (the user's own library).

    Never over a scenario file (``.toml``, or a file that reads like one), never
    over a hidden file (a name starting with ``.``: the program's own lock, editing
    note and temporary files beside a scenario are such; a lock written over would
    no longer keep two writers apart), never through a link, never into a FIFO or
    device: those are refused with a problem saying why.
    """
    if out.suffix.casefold() == ".toml":
        raise _refused(out, texts.EXPORT_OVER_SCENARIO)
    if out.name.startswith("."):
        raise _refused(out, texts.EXPORT_HIDDEN)
    try:
        info = os.lstat(out)
    except (OSError, ValueError):  # nothing there, or write_new says what is wrong
        write_new(out, data, make_folder=make_folder)
        return True
    if stat.S_ISLNK(info.st_mode):
        raise _refused(out, texts.EXPORT_OVER_LINK)
    if not stat.S_ISREG(info.st_mode):
        raise _refused(out, texts.EXPORT_OVER_SPECIAL)
    if _reads_like_scenario(out):
        raise _refused(out, texts.EXPORT_OVER_SCENARIO)
    if not overwrite:
        return False
    clear_leftovers(out)
    write_atomic(out, data)
    return True


def _reads_like_scenario(out: Path) -> bool:
    """The file holds a scenario: its marks near the start, or, read as TOML, a
    ``format`` and an ``envelope`` (escaped keys, a long description first)."""
    head = read_untrusted(out, 64 * 1024, follow_links=False, head=True)
    if all(mark.search(head.removeprefix(b"\xef\xbb\xbf")) for mark in _SCENARIO_MARKS):
        return True
    try:
        raw = read_untrusted(out, follow_links=False)
        data = load_toml(str(out), decode(str(out), raw))
    except ProblemsError:
        return False  # not TOML (a CSV fails on its first line), or too large for a scenario
    return "format" in data and "envelope" in data


def _refused(out: Path, message: str) -> ProblemsError:
    return ProblemsError([Problem(str(out), "", message, texts.FIX_EXPORT_NAME)])
