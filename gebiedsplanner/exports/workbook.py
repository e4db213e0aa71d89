"""A plan as an Excel workbook: what a manager would otherwise build by hand.

Three sheets, written with polars' Excel writer (xlsxwriter underneath):

- **Plan**: a row per gebied and per stedelijk post, a column per post and year (the
  wide layout: a row per gebied and post, a column per year); amounts as numbers in
  the thousands format (Excel shows ``1.234.567`` in a Dutch locale), a totals row of
  ``=SUM(...)`` formulas, so a manager who changes a cell in Excel sees the totals
  follow; the header row and the names stay in view; when a gebied has a note, a last
  column of the notes.
- **Envelope**: per year the envelope, planned, room and the taakstelling imposed,
  distributed and still open; below it the policy rules the plan breaks, if any.
- **Wijzigingen**: the change log, one row per changed cell.

The sheets are named in the UI language (``Changes`` in English), when the workbook
is made: a workbook is read by people, never by this program.

No text from a scenario file is ever read as a formula or a link: a gebied named
``=HYPERLINK(...)`` is a text cell (the workbook's ``strings_to_formulas`` and
``strings_to_urls`` are off).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, NamedTuple

from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.policy_report import describe_violation
from gebiedsplanner.core.scenario import GEBIED_POSTS, STEDELIJK, Scenario, action_label, post_label
from gebiedsplanner.i18n import texts

if TYPE_CHECKING:
    import polars as pl
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from gebiedsplanner.core.compare import Comparison

#: Whole euros with a thousands separator (the reader's locale draws it: . in Dutch).
AMOUNT_FORMAT = "#,##0;-#,##0"


class Table(NamedTuple):
    """A sheet's table as plain Python: its rows, the columns holding amounts (the
    others hold text), and how many first columns name a row (kept in view)."""

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
    notes: tuple[str, ...] = ()
    """A text per row for a last column of notes (none: no such column)."""


class WorkbookParts(NamedTuple):
    """What the workbook shows, read from the scenarios (on the thread that owns them)."""

    title: str
    description: str
    sheets: tuple[tuple[str, Table], ...]

    @property
    def rows(self) -> int:
        """The rows of its first sheet (the notice after an export counts them)."""
        return len(self.sheets[0][1].rows)


def plan_workbook(scenario: Scenario, *, wide: bool = False) -> bytes:
    """The workbook's bytes (built in memory: nothing is written until it is whole)."""
    return workbook_bytes(workbook_parts(scenario, wide=wide))


def workbook_parts(scenario: Scenario, *, wide: bool = False) -> WorkbookParts:
    """Everything the workbook needs from ``scenario``: plain Python, quick to read, so
    the app reads it on the UI thread and builds the workbook in a worker."""
    envelope = _envelope_table(scenario)
    if scenario.beleid is not None:
        policy = scenario.beleid
        broken = [describe_violation(v, policy) for v in PolicyCheck(scenario).violations()]
        title = texts.XLSX_POLICY_TITLE.format(count=len(broken))
        envelope = envelope._replace(below=(title, *broken))
    sheets = (
        (texts.XLSX_PLAN, _plan_table(scenario, wide=wide)),
        (texts.XLSX_ENVELOPE, envelope),
        (texts.XLSX_CHANGES, _changes_table(scenario)),
    )
    return WorkbookParts(scenario.name, scenario.description, sheets)


def comparison_workbook(comparison: Comparison, *, only_changes: bool = True) -> bytes:
    """The comparison as a workbook: the differences, the totals per scenario and year,
    and the explanation (the recorded changes and their reasons)."""
    return workbook_bytes(comparison_parts(comparison, only_changes=only_changes))


def comparison_parts(comparison: Comparison, *, only_changes: bool = True) -> WorkbookParts:
    """What the comparison's workbook shows (its first sheet: the differences)."""
    from gebiedsplanner.core.compare import csv_rows
    from gebiedsplanner.core.compare_report import explanation_lines

    columns = list(texts.XLSX_COMPARE_HEADERS)
    rows = [
        dict(zip(columns, (*row[:3], post_label(str(row[3])), *row[4:]), strict=True))
        for row in csv_rows(comparison, only_changes=only_changes)
    ]
    differences = Table(rows, columns, columns[5:], 3, years=(columns[4],))
    totals_columns = list(texts.XLSX_COMPARE_TOTALS_HEADERS)
    totals = []
    for year in comparison.years:
        for scenario in (comparison.base, *comparison.variants):
            figures = comparison.totals(scenario, year)
            if figures is not None:
                values = (year, scenario.name, figures.envelope, figures.planned, figures.room)
                totals.append(dict(zip(totals_columns, values, strict=True)))
    totals_table = Table(totals, totals_columns, totals_columns[2:], 2, years=(totals_columns[0],))
    column = texts.XLSX_EXPLANATION
    explained = Table([{column: line} for line in explanation_lines(comparison)], [column], [], 0)
    sheets = (
        (texts.XLSX_DIFFERENCES, differences),
        (texts.XLSX_TOTALS, totals_table),
        (texts.XLSX_EXPLAINED, explained),
    )
    title = texts.XLSX_COMPARE_TITLE.format(base=comparison.base.name)
    return WorkbookParts(title, "", sheets)


def workbook_bytes(parts: WorkbookParts) -> bytes:
    """The workbook of ``parts`` (any thread: it touches no scenario)."""
    from xlsxwriter import Workbook

    out = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = Workbook(out, options)
    workbook.set_properties({"title": parts.title, "comments": parts.description})
    for name, table in parts.sheets:
        _sheet(workbook, name, table)
    workbook.close()
    return out.getvalue()


def _plan_table(scenario: Scenario, *, wide: bool) -> Table:
    years = scenario.years
    if wide:
        amounts = [str(year) for year in years]
        rows = [
            {texts.XLSX_GEBIED: owner, texts.XLSX_POST: post_label(post)}
            | {str(year): by_year[year] for year in years}
            for owner, post, by_year in scenario.series()
        ]
        columns = [texts.XLSX_GEBIED, texts.XLSX_POST, *amounts]
        return _noted(Table(rows, columns, amounts, 2, totals=True), scenario, len(GEBIED_POSTS))
    posts = [f"{post_label(post)} {year}" for post in GEBIED_POSTS for year in years]
    city = [f"{texts.XLSX_CITY} {year}" for year in years]
    rows = []
    for gebied in scenario.gebieden.values():
        row: dict[str, Any] = {texts.XLSX_GEBIED: gebied.name}
        for post in GEBIED_POSTS:
            row |= {f"{post_label(post)} {year}": gebied.posts[post][year] for year in years}
        rows.append(row | dict.fromkeys(city))
    for post, by_year in scenario.stedelijk.items():
        row = {texts.XLSX_GEBIED: f"{STEDELIJK}: {post_label(post)}"} | dict.fromkeys(posts)
        rows.append(row | {f"{texts.XLSX_CITY} {year}": by_year[year] for year in years})
    table = Table(rows, [texts.XLSX_GEBIED, *posts, *city], [*posts, *city], 1, totals=True)
    return _noted(table, scenario, 1)


def _envelope_table(scenario: Scenario) -> Table:
    columns = list(texts.XLSX_ENVELOPE_HEADERS)
    rows = []
    for year in scenario.years:
        totals = scenario.totals(year)
        figures = (
            year,
            totals.envelope,
            totals.planned,
            totals.room,
            totals.taakstelling_imposed,
            totals.taakstelling_distributed,
            totals.taakstelling_open,
        )
        rows.append(dict(zip(columns, figures, strict=True)))
    return Table(rows, columns, columns[1:], 1, years=(columns[0],))


#: The most characters a spreadsheet cell holds (Excel's limit).
CELL_LIMIT = 32_767


def _cell_text(text: str) -> str:
    """``text``, or as much as a cell holds and an ellipsis: cut visibly, not silently."""
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


def _changes_table(scenario: Scenario) -> Table:
    columns = list(texts.XLSX_CHANGES_HEADERS)
    rows = [
        dict(
            zip(
                columns,
                (
                    entry.when.strftime("%Y-%m-%d %H:%M"),
                    entry.who,
                    action_label(entry.action),
                    change.cell.address,
                    change.old,
                    change.new,
                    _cell_text(entry.reason),
                ),
                strict=True,
            )
        )
        for entry in scenario.log
        for change in entry.changes
    ]
    return Table(rows, columns, [columns[4], columns[5]], 0)


def _sheet(workbook: Workbook, name: str, table: Table) -> None:
    """``table`` on sheet ``name``, its header and naming columns kept in view; amounts
    in the thousands format and, on the Plan, a totals row."""
    import polars as pl

    schema = {column: _dtype(column, table) for column in table.columns}
    frame = pl.DataFrame(table.rows, schema=schema)
    frame.write_excel(
        workbook,
        name,
        dtype_formats={pl.Int64: AMOUNT_FORMAT},
        column_formats=dict.fromkeys(table.years, "0"),
        autofit=True,
        freeze_panes=(1, table.names),
        include_header=True,
    )
    sheet = workbook.get_worksheet_by_name(name)
    if table.totals and frame.height:  # no rows: no totals (a SUM of nothing would be itself)
        _totals_row(workbook, sheet, frame, table.names)
    _note_column(workbook, sheet, frame.width, table.notes)
    for offset, line in enumerate(table.below):
        sheet.write_string(frame.height + 2 + offset, 0, line)  # a row free under the table


def _noted(table: Table, scenario: Scenario, rows_per_gebied: int) -> Table:
    """``table`` (its gebied rows first, ``rows_per_gebied`` each) with the gebieden's notes,
    when any gebied has one."""
    notes = [gebied.note for gebied in scenario.gebieden.values()]
    if not any(notes):
        return table
    per_row = [note for note in notes for _ in range(rows_per_gebied)]
    return table._replace(notes=tuple(per_row + [""] * (len(table.rows) - len(per_row))))


def _note_column(workbook: Workbook, sheet: Worksheet, column: int, notes: tuple[str, ...]) -> None:
    """The notes in column ``column``, after the table's (and out of its totals), wrapped."""
    if not notes:
        return
    sheet.write_string(0, column, texts.XLSX_NOTE, workbook.add_format({"bold": True}))
    wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(column, column, 50, wrapped)
    for row, note in enumerate(notes, start=1):
        if note:
            sheet.write_string(row, column, note, wrapped)


def _dtype(column: str, table: Table) -> Any:
    import polars as pl

    if column in table.amounts:
        return pl.Int64
    return pl.Int32 if column in table.years else pl.String


def _totals_row(workbook: Workbook, sheet: Worksheet, frame: pl.DataFrame, names: int) -> None:
    """``=SUM(...)`` under each amount column, with its value (a reader that computes
    nothing, such as a viewer, still shows the total)."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    bold = workbook.add_format({"bold": True, "num_format": AMOUNT_FORMAT, "top": 1})
    row = frame.height + 1  # below the header and the rows
    sheet.write_string(row, 0, texts.XLSX_TOTAL, workbook.add_format({"bold": True, "top": 1}))
    for column in range(names, frame.width):
        first, last = xl_rowcol_to_cell(1, column), xl_rowcol_to_cell(frame.height, column)
        total = sum(value or 0 for value in frame.to_series(column))
        sheet.write_formula(row, column, f"=SUM({first}:{last})", bold, total)
