"""A table on a worksheet, to read on screen and on paper: each cell written as what it
is, columns as wide as their content, the page set up for print.

- **Cells by kind.** An ``int`` is an amount (``#,##0``: Excel draws ``1.234.567`` in a
  Dutch locale) unless its column holds years; a ``datetime`` is a date cell, not text;
  a :class:`Formula` is a formula *with* the value we computed, so a viewer that
  computes nothing (a phone, a preview) still shows our exact figure, while Excel and
  LibreOffice compute it anew when a manager changes a cell it depends on; anything
  else is text, never read as a formula or a link.
- **Widths by content**, so a spreadsheet never shows ``###`` for a number too wide
  for its column: the longest value as drawn (with its thousands separators), and the
  header with its filter button. A text column is bounded (:data:`TEXT_WIDTH`) and
  wraps within it, so one long reason does not push the rest of the page off paper.
- **Print**: landscape A4, one page wide (as many pages down as needed), the header
  row and the naming columns (the gebied) on every page, and a footer with the
  scenario, the date it was made and "page x of y".
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from gebiedsplanner.core.literal import literal
from gebiedsplanner.i18n import texts

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

#: Whole euros with a thousands separator (the reader's locale draws it: . in Dutch).
AMOUNT_FORMAT = "#,##0;-#,##0"
#: Excel's paper size code for A4.
A4 = 9
#: The widest a text column grows (in characters) before its text wraps.
TEXT_WIDTH = 50
#: A column of explanation lines, the only column of its sheet: wide enough to read a
#: line at once, narrow enough for a landscape A4 page at full size (about 130).
PAGE_TEXT_WIDTH = 100
#: Room for the filter button beside a header, and a character either side of a value.
FILTER_BUTTON, PADDING = 3, 2
#: How much wider bold text is than plain, about.
BOLD = 1.15
#: A line of text in points (Calibri 11, the default font), and the highest a row can be.
LINE_HEIGHT, ROW_LIMIT = 15, 409
#: The most characters a spreadsheet cell holds (Excel's limit).
CELL_LIMIT = 32_767
#: The most characters of a name the footer shows (Excel's footer holds 255 in all).
FOOTER_NAME = 60


class Formula(NamedTuple):
    """A cell the spreadsheet computes: the formula, and the value it comes to now."""

    text: str
    value: int


class Table(NamedTuple):
    """A sheet's table as plain Python: its rows (values by column), its columns, the
    columns holding amounts (the totals row adds those), and how many first columns
    name a row (kept in view, and printed on every page)."""

    rows: list[dict[str, Any]]
    columns: list[str]
    amounts: list[str]
    names: int
    years: tuple[str, ...] = ()
    """Columns of years: numbers, without a thousands separator."""
    totals: bool = False
    """A totals row of ``=SUM(...)`` under the amounts."""
    below: tuple[str, ...] = ()
    """Lines under the table, a row free between (broken rules, explanations)."""
    text_width: int = TEXT_WIDTH
    """The widest a text column grows before it wraps."""
    wrapped: tuple[str, ...] = ()
    """Text columns that wrap whatever they hold, as wide as a text column grows (a
    column of prose, where a manager may write more)."""


class Page(NamedTuple):
    """What the footer of every printed page says."""

    name: str
    made: datetime


def cell(row: int, column: int, *, sheet: str = "", fixed: bool = False) -> str:
    """The A1 reference of a cell (``row`` and ``column`` from 0), on ``sheet`` if given;
    ``fixed``: absolute (``$B$18``), so it stays put when a formula is copied."""
    from xlsxwriter.utility import quote_sheetname, xl_rowcol_to_cell

    reference = xl_rowcol_to_cell(row, column, row_abs=fixed, col_abs=fixed)
    return f"{quote_sheetname(sheet)}!{reference}" if sheet else reference


def first_row() -> int:
    """The sheet row (from 0) of a table's first row: below the header."""
    return 1


def totals_row(table: Table) -> int:
    """The sheet row (from 0) of ``table``'s totals: below the header and the rows."""
    return len(table.rows) + first_row()


def cell_text(text: str) -> str:
    """``text``, or as much as a cell holds and an ellipsis: cut visibly, not silently."""
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


def write_sheet(workbook: Workbook, name: str, table: Table, page: Page) -> None:
    """``table`` on a new sheet ``name``: the header, the rows, the totals, the lines
    below; its header and naming columns kept in view and printed on every page."""
    sheet = workbook.add_worksheet(name)
    formats = _Formats(workbook)
    wraps = _wrapping(table)
    for column, title in enumerate(table.columns):
        sheet.write_string(0, column, title, formats.header)
    for index, row in enumerate(table.rows, start=first_row()):
        for column, title in enumerate(table.columns):
            form = formats.of(title, table, wraps)
            _write(sheet, index, column, row.get(title), form, formats)
    last = len(table.rows)  # the header's row when there are none
    if table.totals and table.rows:  # no rows: no totals (a SUM of nothing would be itself)
        _totals(sheet, table, formats)
        last = totals_row(table)
    for offset, line in enumerate(table.below, start=last + 2):  # a row free between
        sheet.write_string(offset, 0, cell_text(line))
    widths = {title: _width(title, table, wraps) for title in table.columns}
    for column, title in enumerate(table.columns):
        sheet.set_column(column, column, widths[title], formats.wrap if title in wraps else None)
    _heights(sheet, table, widths, wraps)
    if table.rows:
        sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    sheet.freeze_panes(1, table.names)
    _print_setup(sheet, table, page)


class _Formats:
    """The cell formats of one workbook, made once each."""

    def __init__(self, workbook: Workbook) -> None:
        self.header = workbook.add_format(
            {"bold": True, "bottom": 1, "text_wrap": True, "valign": "bottom"}
        )
        # At the top of their cell: a row made high by a wrapped text reads as one line.
        self.amount = workbook.add_format({"num_format": AMOUNT_FORMAT, "valign": "top"})
        self.year = workbook.add_format({"num_format": "0", "valign": "top"})
        self.date = workbook.add_format(
            {"num_format": texts.XLSX_DATE_FORMAT, "valign": "top", "align": "left"}
        )
        self.text = workbook.add_format({"valign": "top"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.total_label = workbook.add_format({"bold": True, "top": 1})
        self.total = workbook.add_format({"bold": True, "top": 1, "num_format": AMOUNT_FORMAT})

    def of(self, column: str, table: Table, wraps: set[str]) -> Format:
        """The format of a value cell in ``column`` (a date cell has its own)."""
        if column in table.years:
            return self.year
        if column in table.amounts:
            return self.amount
        return self.wrap if column in wraps else self.text


def _write(
    sheet: Worksheet, row: int, column: int, value: object, form: Format, formats: _Formats
) -> None:
    if value is None:
        return
    if isinstance(value, Formula):
        sheet.write_formula(row, column, value.text, form, value.value)
    elif isinstance(value, datetime):  # the time as recorded there: a cell has no zone
        sheet.write_datetime(row, column, value.replace(tzinfo=None), formats.date)
    elif isinstance(value, int):
        sheet.write_number(row, column, value, form)
    else:
        sheet.write_string(row, column, cell_text(str(value)), form)


def _value(value: object) -> int:
    """The number a cell counts for in a total (text and empty cells: nothing)."""
    if isinstance(value, Formula):
        return value.value
    return value if isinstance(value, int) else 0


def _totals(sheet: Worksheet, table: Table, formats: _Formats) -> None:
    """``=SUM(...)`` under each amount column, with its value."""
    row = totals_row(table)
    sheet.write_string(row, 0, texts.XLSX_TOTAL, formats.total_label)
    for title in table.amounts:
        column = table.columns.index(title)
        first, last = cell(first_row(), column), cell(row - 1, column)
        total = sum(_value(line.get(title)) for line in table.rows)
        sheet.write_formula(row, column, f"=SUM({first}:{last})", formats.total, total)


def _drawn(value: object, date_format: str) -> str:
    """``value`` as the spreadsheet draws it, for its width (one line: the longest)."""
    if isinstance(value, Formula):
        value = value.value
    if isinstance(value, datetime):
        return date_format
    if isinstance(value, int):
        return f"{value:,}"
    text = cell_text(str(value))
    return max(text.splitlines(), key=len, default="")


def _content_width(title: str, table: Table) -> int:
    """The characters of the widest value in column ``title`` (its totals included)."""
    values = [line.get(title) for line in table.rows]
    if table.totals and title in table.amounts:
        values.append(sum(map(_value, values)))
    drawn = (_drawn(value, texts.XLSX_DATE_FORMAT) for value in values if value is not None)
    return max(map(len, drawn), default=0)


def _wrapping(table: Table) -> set[str]:
    """The text columns that wrap: those that always do, and those whose widest value is
    wider than a text column grows."""
    bound = table.text_width - PADDING
    return set(table.wrapped) | {
        title
        for title in table.columns
        if title not in table.amounts
        and title not in table.years
        and _content_width(title, table) > bound
    }


def _width(title: str, table: Table, wraps: set[str]) -> int:
    """Column ``title``'s width: its widest value, its header and the filter button
    beside it; a wrapping column as wide as a text column grows."""
    if title in wraps:
        return table.text_width
    return max(_content_width(title, table) + PADDING, _header_width(title))


def _header_width(title: str) -> int:
    """The width a header needs when it wraps: each of its words on a line of its own at
    most, its last line with the filter button beside it. A long header wraps
    (``gebiedsopdracht`` over ``2016``), so a column of amounts stays about as narrow as
    its amounts and the Plan prints larger."""
    words = title.split() or [""]
    width = _bold(max(words, key=len)) + PADDING
    while _bold(_wrapped(words, width - PADDING, bold=True)[-1]) + FILTER_BUTTON > width - PADDING:
        width += 1
    return width


def _bold(text: str) -> int:
    """The width of ``text`` in bold, in characters."""
    return math.ceil(len(text) * BOLD)


def _wrapped(words: list[str], width: int, *, bold: bool = False) -> list[str]:
    """``words`` as lines of at most ``width``, as a spreadsheet wraps them."""
    measure = _bold if bold else len
    lines = [words[0]]
    for word in words[1:]:
        joined = f"{lines[-1]} {word}"
        if measure(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def _heights(sheet: Worksheet, table: Table, widths: dict[str, int], wraps: set[str]) -> None:
    """Rows as high as their wrapped text and headers: a spreadsheet does not always
    make them so itself (LibreOffice draws a long reason over the rows below)."""
    header = max(
        len(_wrapped(t.split() or [""], w - PADDING, bold=True)) for t, w in widths.items()
    )
    if header > 1:
        sheet.set_row(0, min(header * LINE_HEIGHT, ROW_LIMIT))
    if not wraps:
        return
    for index, row in enumerate(table.rows, start=first_row()):
        lines = max(_lines(row.get(title), widths[title]) for title in wraps)
        if lines > 1:
            sheet.set_row(index, min(lines * LINE_HEIGHT, ROW_LIMIT))


def _lines(value: object, width: int) -> int:
    """The lines a wrapped text takes in a column ``width`` wide."""
    if value is None:
        return 1
    text = cell_text(str(value))
    return sum(len(_wrapped(line.split() or [""], width - PADDING)) for line in text.splitlines())


def _print_setup(sheet: Worksheet, table: Table, page: Page) -> None:
    """Landscape A4, one page wide, the header and names on every page, the footer."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)  # one page wide, as many down as it takes
    sheet.repeat_rows(0)
    if table.names:
        sheet.repeat_columns(0, table.names - 1)
    sheet.set_footer(footer(page))


def footer(page: Page) -> str:
    """The footer: the name left, the date in the middle, "page x of y" right.

    A footer's ``&`` starts a code (``&P`` is the page number), so the name's own ``&``
    is doubled; a zero-width space after it keeps ``&G`` and ``&[Picture]`` in a name
    from being taken as a picture's place (xlsxwriter would refuse the whole footer).
    """
    name = literal(page.name)
    if len(name) > FOOTER_NAME:
        name = name[: FOOTER_NAME - 1] + "…"
    name = name.replace("&", "&&\u200b")
    made = page.made.strftime(texts.DATE_TIME_FORMAT)
    pages = texts.XLSX_PAGE.format(page="&P", pages="&N")
    return f"&L{name}&C{made}&R{pages}"
