"""Comparing a base scenario with variants: amounts, differences, totals, and why.

The joins run in polars (imported here, lazily: only comparing pays for it).
The result is plain Python (:class:`Comparison`), so the terminal output and the
app read it without polars. A cell missing on one side is ``None`` ("absent"),
never zero, and has no difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from gebiedsplanner.core.plan import long_frame, plan_columns
from gebiedsplanner.core.scenario import LogEntry, Scenario, YearTotals

if TYPE_CHECKING:
    import polars as pl

KEYS = ("gebied", "post", "jaar")


@dataclass(frozen=True, slots=True)
class ComparedRow:
    """One gebied/post/year: the base amount, each variant's, and the differences."""

    owner: str
    post: str
    year: int
    base: int | None
    variants: tuple[int | None, ...]
    diffs: tuple[int | None, ...]

    @property
    def largest(self) -> int:
        """The largest absolute difference over the variants (0 when none is known)."""
        return max((abs(diff) for diff in self.diffs if diff is not None), default=0)


@dataclass(frozen=True, slots=True)
class History:
    """How a variant's change log relates to the base's.

    Attributes:
        descends: The variant was made from the base (their logs share a start).
        variant_only: Entries recorded in the variant since they parted.
        base_only: Entries recorded in the base since they parted.
    """

    descends: bool
    variant_only: tuple[LogEntry, ...]
    base_only: tuple[LogEntry, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a manager needs to choose between scenarios.

    The cells are kept as columns, in the joined order; :class:`ComparedRow`
    objects are made only for the rows asked for. At national scale (120.000
    cells, of which a few hundred differ) that is most of the work saved.
    """

    base: Scenario
    variants: tuple[Scenario, ...]
    columns: dict[str, tuple[object, ...]]
    changed: tuple[int, ...]
    """Indexes of the rows where a variant differs from the base or a side is absent."""
    histories: tuple[History, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """Every year any of the scenarios covers."""
        years = set(self.base.years)
        for variant in self.variants:
            years.update(variant.years)
        return tuple(sorted(years))

    @property
    def size(self) -> int:
        """How many cells (gebied, post, year) the scenarios have between them."""
        return len(self.columns["gebied"])

    @property
    def rows(self) -> list[ComparedRow]:
        """Every row, in order: base first, then what only the variants have."""
        return self._rows(range(self.size))

    def totals(self, scenario: Scenario, year: int) -> YearTotals | None:
        """A scenario's totals for ``year``; ``None`` when it does not cover that year."""
        return scenario.totals(year) if year in scenario.envelope else None

    def selected(
        self, *, only_changes: bool = False, largest_first: bool = False
    ) -> list[ComparedRow]:
        """The rows to show: optionally only changes, optionally largest difference first."""
        rows = self._rows(self.changed if only_changes else range(self.size))
        if largest_first:
            rows.sort(key=lambda row: row.largest, reverse=True)
        return rows

    def row(self, index: int) -> ComparedRow:
        """Row ``index``, in the joined order."""
        return self._rows((index,))[0]

    def largest(self, index: int) -> int:
        """Row ``index``'s largest absolute difference over the variants (0 when none is known)."""
        diffs = (self.columns[f"d{number}"][index] for number in range(1, len(self.variants) + 1))
        return max((abs(cast(int, diff)) for diff in diffs if diff is not None), default=0)

    def _rows(self, indexes: Iterable[int]) -> list[ComparedRow]:
        columns, count = self.columns, len(self.variants)
        owners, posts, years, base = (columns[name] for name in ("gebied", "post", "jaar", "s0"))
        amounts = [columns[f"s{index}"] for index in range(1, count + 1)]
        diffs = [columns[f"d{index}"] for index in range(1, count + 1)]
        return [
            ComparedRow(
                owner=cast(str, owners[i]),
                post=cast(str, posts[i]),
                year=cast(int, years[i]),
                base=cast(int | None, base[i]),
                variants=tuple(cast(int | None, amount[i]) for amount in amounts),
                diffs=tuple(cast(int | None, diff[i]) for diff in diffs),
            )
            for i in indexes
        ]


def _frame(scenario: Scenario) -> pl.DataFrame:
    return long_frame(plan_columns(scenario)).drop("scenario")


def joined_frame(base: Scenario, variants: Sequence[Scenario]) -> pl.DataFrame:
    """Full join on gebied, post, year: ``s0`` base, ``s1``.. variants, ``d1``.. differences."""
    import polars as pl

    frame = _frame(base).rename({"bedrag": "s0"})
    for index, variant in enumerate(variants, start=1):
        other = _frame(variant).rename({"bedrag": f"s{index}"})
        frame = frame.join(
            other, on=list(KEYS), how="full", coalesce=True, maintain_order="left_right"
        )
    return frame.with_columns(
        (pl.col(f"s{index}") - pl.col("s0")).alias(f"d{index}")
        for index in range(1, len(variants) + 1)
    )


def history(base: Scenario, variant: Scenario) -> History:
    """The log entries that lead from the base to the variant (and back), since they parted."""
    shared = 0
    for ours, theirs in zip(base.log, variant.log, strict=False):
        if ours != theirs:
            break
        shared += 1
    descends = shared > 0 or not base.log
    return History(descends, tuple(variant.log[shared:]), tuple(base.log[shared:]))


def compare(base: Scenario, variants: Sequence[Scenario]) -> Comparison:
    """Compare ``base`` with each of ``variants``."""
    import polars as pl

    frame = joined_frame(base, variants)
    changed: list[int] = []
    if variants:  # a cell changed: a variant differs, or the cell is absent on one side
        diffs = [pl.col(f"d{index}") for index in range(1, len(variants) + 1)]
        differs = pl.any_horizontal(diff.is_null() | (diff != 0) for diff in diffs)
        changed = frame.select(pl.arg_where(differs)).to_series().to_list()
    return Comparison(
        base=base,
        variants=tuple(variants),
        columns={name: tuple(frame[name].to_list()) for name in frame.columns},
        changed=tuple(changed),
        histories=tuple(history(base, variant) for variant in variants),
    )


def csv_frame(comparison: Comparison, *, only_changes: bool) -> pl.DataFrame:
    """The comparison for CSV: a row per variant and cell, plain integers, absent = empty."""
    import polars as pl

    records: dict[str, list[object]] = {
        name: []
        for name in ("basis_scenario", "variant_scenario", *KEYS, "basis", "variant", "verschil")
    }
    for row in comparison.selected(only_changes=only_changes):
        for variant, amount, diff in zip(comparison.variants, row.variants, row.diffs, strict=True):
            if only_changes and diff == 0:
                continue
            for key, value in (
                ("basis_scenario", comparison.base.name),
                ("variant_scenario", variant.name),
                ("gebied", row.owner),
                ("post", row.post),
                ("jaar", row.year),
                ("basis", row.base),
                ("variant", amount),
                ("verschil", diff),
            ):
                records[key].append(value)
    schema = {
        "basis_scenario": pl.String,
        "variant_scenario": pl.String,
        "gebied": pl.String,
        "post": pl.String,
        "jaar": pl.Int32,
        "basis": pl.Int64,
        "variant": pl.Int64,
        "verschil": pl.Int64,
    }
    return pl.DataFrame(records, schema=schema)
