"""The plan as a table: one row per scenario, gebied, post, year and amount.

Export and comparison both start here. ``plan_columns`` is plain Python;
``long_frame`` builds the polars frame and imports polars only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gebiedsplanner.core.scenario import Scenario

if TYPE_CHECKING:
    import polars as pl

LONG_COLUMNS = ("scenario", "gebied", "post", "jaar", "bedrag")


def plan_columns(scenario: Scenario) -> dict[str, list[object]]:
    """Every amount of the scenario as columns; stedelijk posts under gebied ``stedelijk``."""
    columns: dict[str, list[object]] = {name: [] for name in LONG_COLUMNS}
    for cell in scenario.cells():
        columns["scenario"].append(scenario.name)
        columns["gebied"].append(cell.owner)
        columns["post"].append(cell.post)
        columns["jaar"].append(cell.year)
        columns["bedrag"].append(scenario.amount(cell))
    return columns


def long_frame(columns: dict[str, list[object]]) -> pl.DataFrame:
    """The long layout as a polars frame: exact 64-bit integer amounts."""
    import polars as pl

    schema = {
        "scenario": pl.String,
        "gebied": pl.String,
        "post": pl.String,
        "jaar": pl.Int32,
        "bedrag": pl.Int64,
    }
    return pl.DataFrame(columns, schema=schema)
