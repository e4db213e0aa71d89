"""What the planner table shows for one post in every year: gebieden by years, as text.

The all-years view (``a``): advisers plan the four years of the kader together. One
post's amounts, a column per year of the scenario; the stedelijk posts with their
amount in each year; the post's total per year. Every amount is a cell of the same
editing session as in the one-year view (gebied, post, that column's year). The
totals under the table (:func:`years_totals`) give each year's planned total,
envelope and room, as the one-year totals bar does for its year.

Imported when the view is first shown, not at startup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from gebiedsplanner.core.describe import cell_label
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.scenario import STEDELIJK, Cell, CellChange, Scenario, post_label
from gebiedsplanner.core.table_view import (
    NAME_WIDTH_MAX,
    NAME_WIDTH_MIN,
    Copied,
    GridRows,
    RowKind,
    Sorting,
    totals_text,
)
from gebiedsplanner.i18n import texts


class YearsView(GridRows):
    """One post of every gebied in every year of a scenario."""

    def __init__(
        self,
        scenario: Scenario,
        post: str,
        thousands: bool = False,
        policy: PolicyCheck | None = None,
        *,
        order: Sequence[str] | None = None,
        sorting: Sorting | None = None,
        widths: list[int] | None = None,
    ) -> None:
        super().__init__(scenario, thousands, policy, order=order, sorting=sorting)
        self.post = post
        self.years = scenario.years
        self.column_keys = self.years
        self.widths = list(widths) if widths is not None else self._measure()

    @property
    def cursor_columns(self) -> int:
        """Every year."""
        return len(self.years)

    def _plain_headers(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The years over their columns; under "Gebied" the post (the title says it too,
        but a narrow terminal cuts the title), as the one-year table has its unit there."""
        top = (texts.TABLE_HEADERS[0][0], *map(str, self.years))
        return top, (post_label(self.post), *("" for _ in self.years))

    def texts_for(self, index: int) -> tuple[str, ...]:
        """The row's cells as text: label, then the amount in each year."""
        row, scenario = self.rows[index], self.scenario
        if row.kind is RowKind.GEBIED:
            by_year = scenario.gebieden[row.key].posts[self.post]
            return (literal(row.key), *(self._amount(by_year[year]) for year in self.years))
        if row.kind is RowKind.STEDELIJK:
            label = texts.STEDELIJK_ROW.format(name=literal(post_label(row.key)))
            by_year = scenario.stedelijk[row.key]
            return (label, *(self._amount(by_year[year]) for year in self.years))
        totals = (scenario.post_total(self.post, year) for year in self.years)
        return (texts.TOTAL_ROW, *map(self._amount, totals))

    def cell_at(self, index: int, column: int) -> Cell | None:
        """The cell under the cursor: the post (or stedelijk post) in that column's year."""
        row = self.rows[index]
        if not 0 <= column < len(self.years) or row.kind is RowKind.TOTAAL:
            return None
        if row.kind is RowKind.STEDELIJK:
            return Cell(STEDELIJK, row.key, self.years[column])
        return Cell(row.key, self.post, self.years[column])

    def copied(self, index: int, column: int) -> Copied:
        """The amount under the cursor in plain digits (see :meth:`TableView.copied`)."""
        cell = self.cell_at(index, column)
        if cell is None:  # the totals row: the post's total in that year
            year = self.years[column]
            total = self.scenario.post_total(self.post, year)
            what = texts.CELL_LABEL.format(
                owner=texts.TOTAL_ROW, post=post_label(self.post), year=year
            )
            return Copied(str(total), what)
        return Copied(str(self.scenario.amount(cell)), cell_label(cell))

    def _shows(self, cell: Cell) -> bool:
        return cell.owner == STEDELIJK or cell.post == self.post

    def position_of(self, cell: Cell) -> tuple[int, int]:
        """Row and column of ``cell`` (one this view shows) in this table."""
        return self._row_of_cell(cell), self.years.index(cell.year)

    def marks_at(self, cells: Iterable[Cell]) -> set[tuple[int, int]]:
        """Where ``cells`` shown here are in the table, as (row, column) with 0 the names."""
        found = set()
        for cell in cells:
            if self._shows(cell):
                row, column = self.position_of(cell)
                found.add((row, column + 1))
        return found

    def column_for(self, index: int, column: int) -> int:
        """Every row has an amount in every year's column."""
        return column

    def cells_touched(self, changes: Iterable[CellChange]) -> set[tuple[int, int]]:
        """Cells to repaint after ``changes``: each changed amount of the post (or of a
        stedelijk post), and for a gebied the post's total in that year."""
        total = len(self.rows) - 1
        touched: set[tuple[int, int]] = set()
        for change in changes:
            if not self._shows(change.cell):
                continue
            row, column = self.position_of(change.cell)
            touched.add((row, column + 1))
            if change.cell.owner != STEDELIJK:
                touched.add((total, column + 1))
        return touched

    def _measure(self) -> list[int]:
        """Column widths that fit every row: as the one-year table measures its own, a
        column's widest amount is its largest or its smallest."""
        widths = self._header_widths()
        widths[0] = max(widths[0], NAME_WIDTH_MIN)
        extremes: list[list[int]] = [[] for _ in self.years]
        for gebied in self.scenario.gebieden.values():
            by_year = gebied.posts[self.post]
            for column, year in enumerate(self.years):
                extremes[column].append(by_year[year])
            if widths[0] < NAME_WIDTH_MAX:
                widths[0] = max(widths[0], len(literal(gebied.name)))
        return self._fitted(widths, extremes, amount_columns=len(self.years))


class YearTotals(NamedTuple):
    """One year's column of the totals under the all-years table, as text."""

    year: str
    planned: str
    envelope: str
    room: str
    """The room, with the policy mark when it breaks a rule and ``▲`` when over."""
    over: bool


def years_totals(
    scenario: Scenario, thousands: bool = False, policy: PolicyCheck | None = None
) -> list[YearTotals]:
    """Every year's planned total (every post and the stedelijk posts), envelope and room."""
    shown = []
    for year in scenario.years:
        text = totals_text(scenario, year, thousands, policy)
        room = f"{text.room} {texts.OVER_MARK}" if text.over else text.room
        shown.append(YearTotals(str(year), text.planned, text.envelope, room, text.over))
    return shown
