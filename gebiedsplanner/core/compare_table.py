"""What the comparison's table shows: which rows, in which order, their cells, their widths.

At national scale a comparison holds 120.000 cells (one row each) and the screen
shows twenty. Filling a table with every row took 10 s on the UI thread; here
nothing is made for every row when it can be avoided. A row's cells are made when
it is drawn (:meth:`CompareTable.cells`). An order is a sequence of row numbers,
made once per filter and order and then kept (``range`` for every row in file
order costs nothing). Column widths come from each column's extremes, not from
formatting every amount: a formatted amount is never narrower for a number of
more digits, so the widest cell of a column is that of its largest or its
smallest amount.

Pure Python (no Textual): the comparison screen draws from it, as the planner's
grid draws from :class:`~gebiedsplanner.core.table_view.TableView`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from gebiedsplanner.core.compare import Comparison
from gebiedsplanner.core.compare_report import (
    format_percent_change,
    header_cells,
    row_cells,
)
from gebiedsplanner.core.describe import owner_label, signed
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.scenario import post_label
from gebiedsplanner.i18n import texts

Measure = Callable[[str], int]


class CompareTable:
    """The rows of a comparison as the screen shows them, made on demand and kept.

    ``measure`` is how wide a text is on screen (the UI passes the terminal's cell
    width; the default counts characters).
    """

    def __init__(self, comparison: Comparison, measure: Measure = len) -> None:
        self.comparison = comparison
        self.headers = header_cells(comparison)
        self._measure = measure
        self._orders: dict[tuple[bool, bool], Sequence[int]] = {}
        self._widths: dict[bool, list[int]] = {}

    def cells(self, index: int) -> list[str]:
        """The texts of row ``index`` (a row number of the comparison)."""
        return row_cells(self.comparison.row(index))

    def order(self, *, only_changes: bool, largest_first: bool) -> Sequence[int]:
        """The row numbers shown, in the order shown.

        Largest difference first is a stable sort, as the command line's: rows
        without a difference (or with one side absent) keep their file order after
        those with one, so only the rows that differ need sorting.
        """
        key = (only_changes, largest_first)
        if key not in self._orders:
            self._orders[key] = self._make_order(only_changes, largest_first)
        return self._orders[key]

    def _make_order(self, only_changes: bool, largest_first: bool) -> Sequence[int]:
        comparison = self.comparison
        shown: Sequence[int] = comparison.changed if only_changes else range(comparison.size)
        if not largest_first:
            return shown
        largest = comparison.largest
        differing = [index for index in comparison.changed if largest(index)]
        first = sorted(differing, key=largest, reverse=True)
        skip = set(differing)
        return first + [index for index in shown if index not in skip]

    def widths(self, *, only_changes: bool) -> list[int]:
        """Per column, its widest cell among the rows shown (0 when no row is shown)."""
        if only_changes not in self._widths:
            self._widths[only_changes] = self._measure_columns(only_changes)
        return self._widths[only_changes]

    def prepare(self) -> None:
        """Make both views' widths and orders now (off the UI thread), so that no key
        has to: sorting 120.000 rows is a few tens of milliseconds."""
        for only_changes in (True, False):
            self.widths(only_changes=only_changes)
            self.order(only_changes=only_changes, largest_first=True)

    def _measure_columns(self, only_changes: bool) -> list[int]:
        comparison, measure = self.comparison, self._measure
        columns = comparison.columns
        every = not only_changes or len(comparison.changed) == comparison.size
        rows: Sequence[int] = range(comparison.size) if every else comparison.changed

        def shown(name: str) -> Sequence[object]:
            column = columns[name]
            return column if every else [column[index] for index in rows]

        def widest(labels: Iterable[str]) -> int:
            return max(map(measure, labels), default=0)

        owners = dict.fromkeys(shown("gebied"))
        posts = dict.fromkeys(shown("post"))
        years = dict.fromkeys(shown("jaar"))
        base = shown("s0")
        widths = [
            widest(owner_label(str(owner)) for owner in owners),
            widest(literal(post_label(str(post))) for post in posts),
            widest(str(year) for year in years),
            widest(_extreme_texts(base, format_amount, texts.ABSENT)),
        ]
        for number in range(1, len(comparison.variants) + 1):
            widths += [
                widest(_extreme_texts(shown(f"s{number}"), format_amount, texts.ABSENT)),
                widest(_extreme_texts(shown(f"d{number}"), signed, "")),
                widest(self._percents(number, rows)),
            ]
        return widths

    def _percents(self, number: int, rows: Sequence[int]) -> set[str]:
        """The percentages in variant ``number``'s column: computed for the rows that
        differ; a row without a difference shows ``0,0%`` (nothing for a base of 0).
        """
        columns = self.comparison.columns
        diffs, base = columns[f"d{number}"], columns["s0"]
        found = {
            format_percent_change(_amount(diffs[index]), _amount(base[index]))
            for index in self.comparison.changed
        }
        if any(diffs[index] == 0 and base[index] for index in rows):
            found.add(format_percent_change(0, 1))
        return found


def _amount(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _extreme_texts(values: Sequence[object], form: Callable[[int], str], absent: str) -> list[str]:
    """The texts of the largest and the smallest amount, and ``absent`` if one is missing."""
    amounts = [value for value in values if isinstance(value, int)]
    shown = [form(max(amounts)), form(min(amounts))] if amounts else []
    if len(amounts) < len(values):
        shown.append(absent)
    return shown
