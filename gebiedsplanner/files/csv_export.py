"""The plan as CSV, built with polars.

polars is imported inside the functions: it is heavy and the app must start
without it. Text cells that a spreadsheet would run as a formula (``=``, ``+``,
``-``, ``@``, tab, CR at the start) get a leading apostrophe.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from gebiedsplanner.core.scenario import GEBIED_POSTS, STEDELIJK, Scenario
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
TEXT_COLUMNS = ("scenario", "gebied", "post")


def long_frame(scenario: Scenario) -> pl.DataFrame:
    """One row per scenario, gebied, post, year, amount (stedelijk posts under gebied ``stedelijk``)."""
    import polars as pl

    gebied_names, posts, years, amounts = [], [], [], []
    for gebied in scenario.gebieden.values():
        for post in GEBIED_POSTS:
            for year in scenario.years:
                gebied_names.append(gebied.name)
                posts.append(post)
                years.append(year)
                amounts.append(gebied.posts[post][year])
    for post, series in scenario.stedelijk.items():
        for year in scenario.years:
            gebied_names.append(STEDELIJK)
            posts.append(post)
            years.append(year)
            amounts.append(series[year])
    return pl.DataFrame(
        {
            "scenario": [scenario.name] * len(amounts),
            "gebied": gebied_names,
            "post": posts,
            "jaar": years,
            "bedrag": amounts,
        },
        schema={"scenario": pl.String, "gebied": pl.String, "post": pl.String,
                "jaar": pl.Int32, "bedrag": pl.Int64},
    )


def wide_frame(scenario: Scenario) -> pl.DataFrame:
    """A row per gebied and post, a column per year, in the scenario's order."""
    long = long_frame(scenario)
    return long.pivot(
        on="jaar", index=["scenario", "gebied", "post"], values="bedrag", maintain_order=True
    )


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells that start like a formula with ``'`` (CSV injection)."""
    import polars as pl

    columns = [name for name in TEXT_COLUMNS if name in frame.columns]
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


def export(scenario: Scenario, out: Path, layout: Layout, dialect: Dialect) -> int:
    """Write the plan to ``out`` atomically; returns the number of data rows."""
    frame = long_frame(scenario) if layout is Layout.LONG else wide_frame(scenario)
    data = to_csv_bytes(frame, dialect)
    write_atomic(out, data)
    return frame.height
