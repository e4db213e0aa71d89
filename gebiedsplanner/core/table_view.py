"""What the planner table shows for one year, as text: rows, columns and formatted cells.

The widget only paints these strings; every sum and every format lives here,
so the table is tested without a terminal. After a change,
:meth:`TableView.cells_touched` says which cells to repaint (the changed
amounts, the net totals and shares they move, and the totals row), nothing else.

The order of the rows is kept in one place, :class:`GridRows`, which both this
view and the all-years view (``core/years_view.py``) stand on: which row shows a
gebied (:meth:`GridRows.row_of`) and which gebied a row shows
(:meth:`GridRows.gebied_at`), in file order or as sorted (``core/table_order.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import NamedTuple, overload

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


#: What a table can be sorted by besides its amount columns (a post, netto or a year).
NAME, CHANGE, NETTO = "name", "change", "netto"
#: The sort marks in a column's header: as sorted, and after an edit since (the rows
#: stay where they were, as in a spreadsheet, until sorted again).
SORT_MARKS = {(False, False): "▲", (True, False): "▼", (False, True): "△", (True, True): "▽"}


class Sorting(NamedTuple):
    """How the gebied rows are ordered: by which column and which way.

    ``column``: :data:`NAME`, :data:`CHANGE` (change since the scenario was opened), a
    post, :data:`NETTO`, or a year (the all-years view). ``stale``: an edit since may
    have changed the order; the rows stay where they are until sorted again.
    """

    column: str | int
    descending: bool
    stale: bool = False

    @property
    def mark(self) -> str:
        """``▲``/``▼`` as sorted, ``△``/``▽`` once an edit may have changed the order."""
        return SORT_MARKS[(self.descending, self.stale)]


class TableRows(Sequence[Row]):
    """The rows in the order shown, each made when asked for: 20.000 gebieden cost no
    20.000 objects when a sort or another view lays them out anew (that took 15-40 ms
    of each sort), and the row of a gebied is looked up once it is first asked for."""

    def __init__(self, gebieden: Sequence[str], stedelijk: Sequence[str]) -> None:
        self._gebieden, self._stedelijk = gebieden, stedelijk
        self._rows_of: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._gebieden) + len(self._stedelijk) + 1

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(index)
        gebieden = len(self._gebieden)
        if index < gebieden:
            return Row(RowKind.GEBIED, self._gebieden[index])
        if index < count - 1:
            return Row(RowKind.STEDELIJK, self._stedelijk[index - gebieden])
        return Row(RowKind.TOTAAL, "")

    def index_of(self, kind: RowKind, key: str) -> int | None:
        """Where the row of ``kind`` and ``key`` is; ``None`` when there is none."""
        if kind is RowKind.GEBIED:
            if self._rows_of is None:
                self._rows_of = {name: index for index, name in enumerate(self._gebieden)}
            return self._rows_of.get(key)
        if kind is RowKind.STEDELIJK:
            if key not in self._stedelijk:
                return None
            return len(self._gebieden) + list(self._stedelijk).index(key)
        return len(self) - 1


class Copied(NamedTuple):
    """A value for the clipboard, and which value it is (for the notice that says so)."""

    text: str
    what: str


class GridRows:
    """The rows of a planner table in the order shown: gebieden, stedelijk posts, totals.

    The one place that knows which row shows which gebied: the cursor, a sort and a
    search all ask it. The gebieden come in file order, or in ``order`` (a sort).
    """

    #: Each column's key after the label column: what :class:`Sorting` names.
    column_keys: tuple[str | int, ...] = ()

    def __init__(
        self,
        scenario: Scenario,
        thousands: bool,
        policy: PolicyCheck | None,
        *,
        complete: bool = True,
        order: Sequence[str] | None = None,
        sorting: Sorting | None = None,
    ) -> None:
        self.scenario = scenario
        self.thousands = thousands
        self.policy = policy
        self.complete = complete
        self.sorting = sorting
        """The sort shown in the header (``order`` is what it gave)."""
        names = list(scenario.gebieden) if order is None else order
        stedelijk = list(scenario.stedelijk) if complete else []
        self.rows = TableRows(names, stedelijk)
        self.widths: list[int] = []

    @property
    def editable_rows(self) -> int:
        """Rows the cursor may visit: all but the totals row."""
        return len(self.rows) - 1

    @property
    def cursor_columns(self) -> int:
        """Amount columns the cursor may visit (the first ``n`` after the names)."""
        raise NotImplementedError

    def row_of(self, gebied: str) -> int | None:
        """The row that shows ``gebied`` (``None``: no such gebied, or not read yet)."""
        return self.rows.index_of(RowKind.GEBIED, gebied)

    def gebied_at(self, row: int) -> str | None:
        """The gebied row ``row`` shows (``None``: a stedelijk post, the totals, past the end)."""
        if 0 <= row < len(self.rows) and self.rows[row].kind is RowKind.GEBIED:
            return self.rows[row].key
        return None

    def row_of_row(self, row: Row) -> int | None:
        """Where ``row`` (a gebied or a stedelijk post, from another view) is in this one."""
        return self.rows.index_of(row.kind, row.key)

    def _row_of_cell(self, cell: Cell) -> int:
        """The row that shows ``cell``'s gebied or stedelijk post."""
        if cell.owner == STEDELIJK:
            row = self.rows.index_of(RowKind.STEDELIJK, cell.post)
        else:
            row = self.rows.index_of(RowKind.GEBIED, cell.owner)
        if row is None:
            raise KeyError(cell)
        return row

    def sort_column(self, column: int) -> str | int | None:
        """What amount ``column`` (0 the first after the names) sorts by; ``None``: nothing."""
        keys = self.column_keys
        return keys[column] if 0 <= column < len(keys) else None

    def _marked_headers(
        self, top: tuple[str, ...], bottom: tuple[str, ...]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The header lines with the sort mark: ``Gebied ▲``, ``▼ Netto``, ``▼ wijziging``."""
        sorting = self.sorting
        if sorting is None:
            return top, bottom
        if sorting.column == CHANGE:  # no column of its own: in the names' place
            changed = texts.SORTED_BY_CHANGE.format(mark=sorting.mark)
            return (changed, *top[1:]), bottom
        if sorting.column == NAME:
            return (f"{top[0]} {sorting.mark}", *top[1:]), bottom
        if sorting.column in self.column_keys:
            index = self.column_keys.index(sorting.column) + 1
            marked = f"{sorting.mark} {top[index]}"
            return (*top[:index], marked, *top[index + 1 :]), bottom
        return top, bottom

    def _amount(self, amount: int) -> str:
        return format_thousands(amount) if self.thousands else format_amount(amount)

    def _fitted(
        self, widths: list[int], extremes: list[list[int]], amount_columns: int
    ) -> list[int]:
        """``widths`` widened for each amount column's ``extremes`` (its amounts: the
        widest is the largest or the smallest) and for the rows after the gebieden, the
        names capped, the first ``amount_columns`` at least as wide as an amount."""
        for column, amounts in enumerate(extremes, start=1):
            if amounts:
                longest = max(len(self._amount(max(amounts))), len(self._amount(min(amounts))))
                widths[column] = max(widths[column], longest)
        for index in range(len(self.scenario.gebieden), len(self.rows)):
            for column, text in enumerate(self.texts_for(index)):
                widths[column] = max(widths[column], len(text))
        widths[0] = min(widths[0], NAME_WIDTH_MAX)
        for column in range(1, amount_columns + 1):
            widths[column] = max(widths[column], AMOUNT_WIDTH_MIN)
        return widths

    def _header_widths(self) -> list[int]:
        """Widths for the two header lines, with room for a sort mark (no width changes
        when the table is sorted, so sorting never moves a column)."""
        top, bottom = self._plain_headers()
        marks = len(" ▲")
        changed = len(texts.SORTED_BY_CHANGE.format(mark="▲"))
        widths = [max(len(a) + marks, len(b)) for a, b in zip(top, bottom, strict=True)]
        widths[0] = max(widths[0], changed)
        return widths

    @property
    def headers(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Two header lines, one entry per column (label column first), with the sort mark."""
        return self._marked_headers(*self._plain_headers())

    def _plain_headers(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        raise NotImplementedError

    def texts_for(self, index: int) -> tuple[str, ...]:
        raise NotImplementedError

    def cell_at(self, index: int, column: int) -> Cell | None:
        """The editable cell at row ``index``, amount ``column`` (0 the first), or ``None``."""
        raise NotImplementedError

    def column_for(self, index: int, column: int) -> int:
        """Where the cursor really sits on row ``index`` when it is in ``column``."""
        raise NotImplementedError

    def copied(self, index: int, column: int) -> Copied:
        """The amount at row ``index``, amount ``column``, to paste."""
        raise NotImplementedError

    def marks_at(self, cells: Iterable[Cell]) -> set[tuple[int, int]]:
        """Where ``cells`` shown here are in the table, as (row, column) with 0 the names."""
        raise NotImplementedError

    def cells_touched(self, changes: Iterable[CellChange]) -> set[tuple[int, int]]:
        """Cells to repaint after ``changes``, as (row, column) with column 0 the names."""
        raise NotImplementedError

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


class TableView(GridRows):
    """The table for one year of a scenario, in euros or in thousands of euros."""

    column_keys = (*GEBIED_POSTS, NETTO)

    def __init__(
        self,
        scenario: Scenario,
        year: int,
        thousands: bool = False,
        policy: PolicyCheck | None = None,
        *,
        complete: bool = True,
        order: Sequence[str] | None = None,
        sorting: Sorting | None = None,
        widths: list[int] | None = None,
    ) -> None:
        """``complete=False``: ``scenario`` holds only the first gebieden of a file still
        being read; the table shows them, and a totals row that says they are counted
        (the stedelijk rows, which come after every gebied, come when the rest does).

        ``order``: the gebieden in the order of ``sorting``; ``widths``: those of the same
        table in another order (a sort measures nothing again)."""
        super().__init__(
            scenario, thousands, policy, complete=complete, order=order, sorting=sorting
        )
        self.year = year
        self.widths = list(widths) if widths is not None else self._measure()

    @property
    def cursor_columns(self) -> int:
        """The three posts and netto."""
        return NET_COLUMN + 1

    def _plain_headers(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        top = tuple(header[0] for header in texts.TABLE_HEADERS)
        unit = texts.UNIT_THOUSANDS if self.thousands else texts.UNIT_EUROS
        return top, (unit, *(header[1] for header in texts.TABLE_HEADERS[1:]))

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
        column = NET_COLUMN if cell.owner == STEDELIJK else GEBIED_POSTS.index(cell.post)
        return self._row_of_cell(cell), column

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

    def _measure(self) -> list[int]:
        """Column widths that fit every row (names capped; long names get an ellipsis).

        The gebied rows are not formatted to be measured (at 20.000 gebieden that took
        0,1 s of the first frame): an amount's text only grows with its digits, so a
        column's widest amount is its largest or its smallest; and the name column stops
        at its cap. The few other rows (stedelijk, totals) are measured as shown.
        """
        widths = self._header_widths()
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
        widths[-1] = max([widths[-1], *(len(format_tenths(tenths)) for tenths in shares)])
        return self._fitted(widths, extremes, amount_columns=len(extremes))


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
