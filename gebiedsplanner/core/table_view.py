"""What the planner table shows for one year, as text: rows, columns and formatted cells.

The widget only paints these strings; every sum and every format lives here,
so the table is tested without a terminal. After a change,
:meth:`TableView.cells_touched` says which cells to repaint (the changed
amounts, the net totals and shares they move, and the totals row), nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import NamedTuple

from gebiedsplanner.core.describe import cell_label
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import (
    format_amount,
    format_share,
    format_tenths,
    format_thousands,
    share_tenths,
)
from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.rules import BINNEN_ENVELOPE, TAAKSTELLING_VOLLEDIG_VERDEELD
from gebiedsplanner.core.scenario import GEBIED_POSTS, STEDELIJK, Cell, CellChange, Scenario
from gebiedsplanner.i18n import texts

#: Columns after the label column: the three posts, the net total, the couleur locale share.
AMOUNT_COLUMNS = (*GEBIED_POSTS, "netto", "aandeel")
NET_COLUMN = 3  # index in AMOUNT_COLUMNS where a stedelijk post shows its amount
NAME_WIDTH_MIN, NAME_WIDTH_MAX = 14, 24
AMOUNT_WIDTH_MIN = 10


class RowKind(Enum):
    GEBIED = "gebied"
    STEDELIJK = "stedelijk"
    TOTAAL = "totaal"


class Row(NamedTuple):
    kind: RowKind
    key: str  # gebied name, stedelijk post name, or "" for the totals row


class Copied(NamedTuple):
    """A value for the clipboard, and which value it is (for the notice that says so)."""

    text: str
    what: str


class TableView:
    """The table for one year of a scenario, in euros or in thousands of euros."""

    def __init__(
        self,
        scenario: Scenario,
        year: int,
        thousands: bool = False,
        policy: PolicyCheck | None = None,
        *,
        complete: bool = True,
    ) -> None:
        """``complete=False``: ``scenario`` holds only the first gebieden of a file still
        being read; the table shows them, and a totals row that says they are counted
        (the stedelijk rows, which come after every gebied, come when the rest does)."""
        self.scenario = scenario
        self.year = year
        self.thousands = thousands
        self.policy = policy
        self.complete = complete
        self.rows: list[Row] = [Row(RowKind.GEBIED, name) for name in scenario.gebieden]
        if complete:
            self.rows += [Row(RowKind.STEDELIJK, post) for post in scenario.stedelijk]
        self.rows.append(Row(RowKind.TOTAAL, ""))
        self._index = {(row.kind, row.key): index for index, row in enumerate(self.rows)}
        self.widths = self._measure()

    @property
    def editable_rows(self) -> int:
        """Rows the cursor may visit: all but the totals row."""
        return len(self.rows) - 1

    @property
    def headers(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Two header lines, one entry per column (label column first)."""
        top = tuple(header[0] for header in texts.TABLE_HEADERS)
        unit = texts.UNIT_THOUSANDS if self.thousands else texts.UNIT_EUROS
        return top, (unit, *(header[1] for header in texts.TABLE_HEADERS[1:]))

    def _amount(self, amount: int) -> str:
        return format_thousands(amount) if self.thousands else format_amount(amount)

    def texts_for(self, index: int) -> tuple[str, ...]:
        """The row's cells as text: label, the three posts, netto, aandeel."""
        row, year, scenario = self.rows[index], self.year, self.scenario
        if row.kind is RowKind.GEBIED:
            posts = scenario.gebieden[row.key].posts
            amounts = [posts[post][year] for post in GEBIED_POSTS]
            net = scenario.gebied_net(row.key, year)
            return (
                literal(row.key),
                *map(self._amount, amounts),
                self._amount(net),
                format_share(amounts[0], net),
            )
        if row.kind is RowKind.STEDELIJK:
            label = texts.STEDELIJK_ROW.format(
                name=literal(texts.POST_LABELS.get(row.key, row.key))
            )
            return (label, "", "", "", self._amount(scenario.stedelijk[row.key][year]), "")
        if not self.complete:
            return (texts.TOTAL_ROW_COUNTING, "", "", "", "", "")
        sums = [scenario.post_total(post, year) for post in GEBIED_POSTS]
        gebieden_net = sum(sums)
        planned = scenario.totals(year).planned
        return (
            texts.TOTAL_ROW,
            *map(self._amount, sums),
            self._amount(planned),
            format_share(sums[0], gebieden_net),
        )

    def cell_at(self, index: int, column: int) -> Cell | None:
        """The editable cell under the cursor, or ``None`` (netto, aandeel, totals)."""
        row = self.rows[index]
        if row.kind is RowKind.GEBIED and column < len(GEBIED_POSTS):
            return Cell(row.key, GEBIED_POSTS[column], self.year)
        if row.kind is RowKind.STEDELIJK:
            return Cell(STEDELIJK, row.key, self.year)
        return None

    def copied(self, index: int, column: int) -> Copied:
        """The amount under the cursor (row ``index``, ``column`` 0 the first post), to paste.

        Whole euros in plain digits, a minus sign for a taakstelling: ``247000``, not
        ``247.000`` as the table shows it. A spreadsheet in a Dutch locale (Excel,
        LibreOffice) reads both as the number 247000, but one in an English locale,
        common on work laptops, reads ``247.000`` as 247, and the table in thousands
        shows ``247``: plain digits paste as the same number everywhere, in either unit.
        """
        row = self.rows[index]
        cell = self.cell_at(index, column)
        if cell is not None:
            return Copied(str(self.scenario.amount(cell)), cell_label(cell))
        what = texts.CELL_LABEL.format(owner=literal(row.key), post=texts.NET, year=self.year)
        return Copied(str(self.scenario.gebied_net(row.key, self.year)), what)

    def marked(self, index: int, column: int) -> bool:
        """Whether the cell at row ``index``, ``column`` (0 the names) breaks a policy rule.

        The grid draws :data:`texts.POLICY_MARK` in the space after such a cell: a sign
        that needs no colour, and no column grows for it.
        """
        if self.policy is None or column == 0:
            return False
        cell = self.cell_at(index, column - 1)
        return cell is not None and self.policy.offending(cell)

    def noted(self, index: int) -> bool:
        """Whether row ``index`` is a gebied with a note: the grid draws
        :data:`texts.NOTE_MARK` in the space after its name (no column grows for it)."""
        row = self.rows[index]
        return row.kind is RowKind.GEBIED and bool(self.scenario.gebieden[row.key].note)

    def gebied_at(self, index: int) -> str | None:
        """The gebied of row ``index``, or ``None`` (a stedelijk post, the totals)."""
        row = self.rows[index]
        return row.key if row.kind is RowKind.GEBIED else None

    def marks_at(self, cells: Iterable[Cell]) -> set[tuple[int, int]]:
        """Where ``cells`` of this year are in the table, as (row, column) with 0 the names."""
        found = set()
        for cell in cells:
            if cell.year == self.year:
                row, column = self.position_of(cell)
                found.add((row, column + 1))
        return found

    def column_for(self, index: int, column: int) -> int:
        """Where the cursor really sits: stedelijk rows have one amount, in the netto column."""
        return NET_COLUMN if self.rows[index].kind is RowKind.STEDELIJK else column

    def position_of(self, cell: Cell) -> tuple[int, int]:
        """Row and column of ``cell`` in this table."""
        if cell.owner == STEDELIJK:
            return self._index[(RowKind.STEDELIJK, cell.post)], NET_COLUMN
        return self._index[(RowKind.GEBIED, cell.owner)], GEBIED_POSTS.index(cell.post)

    def row_of_gebied(self, name: str) -> int | None:
        """The row that shows gebied ``name`` in this table's order (``None``: not shown).

        Searching and going to a gebied ask this, never the file's order: the rows may
        be sorted."""
        return self._index.get((RowKind.GEBIED, name))

    def cells_touched(self, changes: Iterable[CellChange]) -> set[tuple[int, int]]:
        """Cells to repaint after ``changes``, as (row, column) with column 0 the names.

        A changed amount, its row's netto and aandeel, and the same three in the
        totals row; nothing of another year. Everything else on screen stays.
        """
        total = len(self.rows) - 1
        touched: set[tuple[int, int]] = set()
        for change in changes:
            if change.cell.year != self.year:
                continue
            row, column = self.position_of(change.cell)
            for shown in {column + 1, NET_COLUMN + 1, NET_COLUMN + 2}:
                touched.add((row, shown))
                touched.add((total, shown))
        return touched

    def widen_for(self, rows: set[int]) -> bool:
        """Widen columns so ``rows`` fit after a change; ``True`` when any column grew.

        Amounts are never cut off: a cell that outgrows its column widens it.
        """
        grew = False
        for index in rows:
            for column, text in enumerate(self.texts_for(index)[1:], start=1):
                if len(text) > self.widths[column]:
                    self.widths[column] = len(text)
                    grew = True
        return grew

    def _measure(self) -> list[int]:
        """Column widths that fit every row (names capped; long names get an ellipsis).

        The gebied rows are not formatted to be measured (at 20.000 gebieden that took
        0,1 s of the first frame): an amount's text only grows with its digits, so a
        column's widest amount is its largest or its smallest; and the name column stops
        at its cap. The few other rows (stedelijk, totals) are measured as shown.
        """
        top, bottom = self.headers
        widths = [max(len(a), len(b)) for a, b in zip(top, bottom, strict=True)]
        widths[0] = max(widths[0], NAME_WIDTH_MIN)
        year, gebieden = self.year, self.scenario.gebieden.values()
        extremes: list[list[int]] = [[], [], [], []]  # the three posts and netto
        shares = set()
        for gebied in gebieden:
            amounts = [gebied.posts[post][year] for post in GEBIED_POSTS]
            net = sum(amounts)
            for column, amount in enumerate((*amounts, net)):
                extremes[column].append(amount)
            shares.add(share_tenths(amounts[0], net))
            if widths[0] < NAME_WIDTH_MAX:
                widths[0] = max(widths[0], len(literal(gebied.name)))
        for column, amounts in enumerate(extremes, start=1):
            if amounts:
                longest = max(len(self._amount(max(amounts))), len(self._amount(min(amounts))))
                widths[column] = max(widths[column], longest)
        widths[-1] = max([widths[-1], *(len(format_tenths(tenths)) for tenths in shares)])
        for index in range(len(gebieden), len(self.rows)):
            for column, text in enumerate(self.texts_for(index)):
                widths[column] = max(widths[column], len(text))
        widths[0] = min(widths[0], NAME_WIDTH_MAX)
        for column in range(1, len(widths) - 1):
            widths[column] = max(widths[column], AMOUNT_WIDTH_MIN)
        return widths


class TotalsText(NamedTuple):
    """The always-visible totals for the selected year, as text."""

    envelope: str
    planned: str
    room: str
    over: bool
    status: str
    """``▲ BOVEN ENVELOPE`` or ``binnen envelope``."""
    status_short: str
    """The same for a narrow terminal: ``▲ BOVEN`` or ``binnen``."""
    imposed: str
    distributed: str
    open: str
    policy: str = ""
    """How many policy rules the year breaks (empty for a scenario without rules)."""
    policy_short: str = ""
    """The same for a narrow terminal: ``! 9``."""
    broken: bool = False
    """The year breaks a policy rule."""


def totals_text(
    scenario: Scenario, year: int, thousands: bool = False, policy: PolicyCheck | None = None
) -> TotalsText:
    """Envelope, planned, room (and whether it is over) and taakstelling for ``year``.

    With a ``policy``: its count for the year, and the room and the taakstelling to
    distribute followed by :data:`texts.POLICY_MARK` when they break a rule.
    """
    totals = scenario.totals(year)
    amount = format_thousands if thousands else format_amount
    over = totals.room < 0
    broken = policy.year_rules(year) if policy is not None else set()

    def marked(text: str, rule: str) -> str:
        return text + texts.POLICY_MARK if rule in broken else text

    count = policy.count(year) if policy is not None and scenario.beleid is not None else None
    return TotalsText(
        envelope=amount(totals.envelope),
        planned=amount(totals.planned),
        room=marked(amount(totals.room), BINNEN_ENVELOPE),
        over=over,
        status=texts.OVER_ENVELOPE_MARK if over else texts.WITHIN_ENVELOPE,
        status_short=texts.OVER_ENVELOPE_SHORT if over else texts.WITHIN_ENVELOPE_SHORT,
        imposed=amount(totals.taakstelling_imposed),
        distributed=amount(totals.taakstelling_distributed),
        open=marked(amount(totals.taakstelling_open), TAAKSTELLING_VOLLEDIG_VERDEELD),
        policy="" if count is None else texts.POLICY_COUNT.format(count=count),
        policy_short="" if count is None else texts.POLICY_COUNT_SHORT.format(count=count),
        broken=bool(count),
    )


def counting_totals_text(scenario: Scenario, year: int, thousands: bool = False) -> TotalsText:
    """:func:`totals_text` while the gebieden are still being read: the envelope and the
    imposed taakstelling (known from the start of the file), and for every sum over the
    gebieden that it is being counted; never a figure that is not yet exact."""
    amount = format_thousands if thousands else format_amount
    return TotalsText(
        envelope=amount(scenario.envelope[year]),
        planned=texts.COUNTING,
        room=texts.COUNTING,
        over=False,
        status="",
        status_short="",
        imposed=amount(scenario.taakstelling[year]),
        distributed=texts.COUNTING,
        open=texts.COUNTING,
    )
