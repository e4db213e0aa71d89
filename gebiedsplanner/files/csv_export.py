"""The plan as CSV, built with polars.

polars is imported inside the functions: it is heavy and the app must start
without it. Text cells that a spreadsheet would run as a formula (``=``, ``+``,
``-``, ``@``, tab, CR at the start) get a leading apostrophe.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from gebiedsplanner.core.plan import long_frame, plan_columns
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.files.storage import write_atomic

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


_FORMULA_START = r"^[=+\-@\t\r]"


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


def write_columns(
    columns: dict[str, list[object]], out: Path, layout: Layout, dialect: Dialect
) -> int:
    """Write plan columns to ``out`` atomically; returns the number of data rows."""
    frame = long_frame(columns) if layout is Layout.LONG else wide_frame(columns)
    write_atomic(out, to_csv_bytes(frame, dialect))
    return frame.height


def export(scenario: Scenario, out: Path, layout: Layout, dialect: Dialect) -> int:
    """Write the scenario's plan to ``out`` as CSV; returns the number of data rows."""
    return write_columns(plan_columns(scenario), out, layout, dialect)
