"""Comparing a base scenario with variants: amounts, differences, totals, and why.

Plain Python throughout (:func:`joined_columns` says why not polars). A cell
missing on one side is ``None`` ("absent"), never zero, and has no difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import itemgetter, sub
from typing import cast

from gebiedsplanner.core.scenario import GEBIED_POSTS, LogEntry, Scenario, YearTotals

KEYS = ("gebied", "post", "jaar")
#: One column of a comparison: a value per row.
Column = tuple[object, ...]


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


def joined_columns(base: Scenario, variants: Sequence[Scenario]) -> dict[str, Column]:
    """Full join on gebied, post, year: ``s0`` base, ``s1``.. variants, ``d1``.. differences.

    The rows are the base's cells in its order, then each variant's cells that no
    scenario before it has, in that variant's order; a cell missing on one side is
    ``None`` and so is its difference. Plain Python, not a polars join: importing
    polars alone costs more (0,3 s) than joining two 10.000-gebied scenarios does,
    and a variant made from its base (the usual case) has the base's shape, so its
    amounts line up with the base's without matching keys at all.
    """
    scenarios = (base, *variants)
    lined_up = all(_same_shape(base, other) for other in variants)
    owners, posts, years, amounts = (_lined_up if lined_up else _matched)(scenarios)
    columns: dict[str, Column] = {"gebied": owners, "post": posts, "jaar": years}
    columns |= {f"s{number}": column for number, column in enumerate(amounts)}
    difference = sub if lined_up else _difference  # lined up: no cell is absent
    for number, column in enumerate(amounts[1:], start=1):
        columns[f"d{number}"] = tuple(map(difference, column, amounts[0]))
    return columns


def _same_shape(base: Scenario, other: Scenario) -> bool:
    """The same years, gebieden and stedelijk posts, in the same order."""
    return (
        other.years == base.years
        and list(other.gebieden) == list(base.gebieden)
        and list(other.stedelijk) == list(base.stedelijk)
    )


def _lined_up(scenarios: Sequence[Scenario]) -> tuple[Column, Column, Column, list[Column]]:
    """The columns of scenarios of one shape: row ``i`` is the same cell in each."""
    base = scenarios[0]
    years = base.years
    keys = [(owner, post) for owner, post, _ in base.series()]
    width = repeat(len(years))
    owners = tuple(chain.from_iterable(map(repeat, (owner for owner, _ in keys), width)))
    posts = tuple(chain.from_iterable(map(repeat, (post for _, post in keys), repeat(len(years)))))
    by_year = itemgetter(*years) if len(years) > 1 else lambda series: (series[years[0]],)
    amounts: list[Column] = [
        tuple(chain.from_iterable(map(by_year, _series(scenario)))) for scenario in scenarios
    ]
    return owners, posts, years * len(keys), amounts


def _series(scenario: Scenario) -> list[dict[int, int]]:
    """The amounts by year of every row of cells, in :meth:`Scenario.series` order."""
    gebieden = [
        gebied.posts[post] for gebied in scenario.gebieden.values() for post in GEBIED_POSTS
    ]
    return gebieden + list(scenario.stedelijk.values())


def _matched(scenarios: Sequence[Scenario]) -> tuple[Column, Column, Column, list[Column]]:
    """The columns of scenarios of different shapes, cell by cell (see :func:`joined_columns`)."""
    rows: dict[tuple[str, str, int], int] = {}
    for scenario in scenarios:
        for owner, post, _ in scenario.series():
            for year in scenario.years:
                rows.setdefault((owner, post, year), len(rows))
    amounts: list[Column] = []
    for scenario in scenarios:
        column: list[int | None] = [None] * len(rows)
        for owner, post, series in scenario.series():
            for year in scenario.years:
                column[rows[(owner, post, year)]] = series[year]
        amounts.append(tuple(column))
    owners, posts, years = zip(*rows, strict=True) if rows else ((), (), ())
    return owners, posts, years, amounts


def _difference(amount: object, base: object) -> int | None:
    if isinstance(amount, int) and isinstance(base, int):
        return amount - base
    return None


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
    columns = joined_columns(base, variants)
    diffs = [columns[f"d{number}"] for number in range(1, len(variants) + 1)]
    # A cell changed: a variant differs, or the cell is absent on one side (None).
    # Without absent cells a difference is its own test, and that runs in C.
    if any(None in diff for diff in diffs):
        differs: Iterable[object] = map(_changed, *diffs)
    else:
        differs = diffs[0] if len(diffs) == 1 else map(any, zip(*diffs, strict=True))
    changed = compress(range(len(columns["gebied"])), differs) if diffs else ()
    return Comparison(
        base=base,
        variants=tuple(variants),
        columns=columns,
        changed=tuple(changed),
        histories=tuple(history(base, variant) for variant in variants),
    )


def _changed(*diffs: object) -> bool:
    return any(diff is None or diff != 0 for diff in diffs)


CSV_HEADER = ("basis_scenario", "variant_scenario", *KEYS, "basis", "variant", "verschil")


def csv_rows(comparison: Comparison, *, only_changes: bool) -> list[tuple[str | int | None, ...]]:
    """The comparison for CSV (:data:`CSV_HEADER`): a row per variant and cell, absent = None."""
    rows: list[tuple[str | int | None, ...]] = []
    for row in comparison.selected(only_changes=only_changes):
        for variant, amount, diff in zip(comparison.variants, row.variants, row.diffs, strict=True):
            if only_changes and diff == 0:
                continue
            names = (comparison.base.name, variant.name)
            rows.append((*names, row.owner, row.post, row.year, row.base, amount, diff))
    return rows
