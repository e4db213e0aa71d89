"""A plan as an Excel workbook: what a manager would otherwise build by hand.

Three sheets, written with polars' Excel writer (xlsxwriter underneath):

- **Plan**: a row per gebied and per stedelijk post, a column per post and year (the
  wide layout: a row per gebied and post, a column per year); amounts as numbers in
  the thousands format (Excel shows ``1.234.567`` in a Dutch locale), a totals row of
  ``=SUM(...)`` formulas, so a manager who changes a cell in Excel sees the totals
  follow; the header row and the names stay in view.
- **Envelope**: per year the envelope, planned, room and the taakstelling imposed,
  distributed and still open; below it the policy rules the plan breaks, if any.
- **Wijzigingen**: the change log, one row per changed cell.

No text from a scenario file is ever read as a formula or a link: a gebied named
``=HYPERLINK(...)`` is a text cell (the workbook's ``strings_to_formulas`` and
``strings_to_urls`` are off).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, NamedTuple

from gebiedsplanner import texts
from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.policy_report import describe_violation
from gebiedsplanner.core.scenario import GEBIED_POSTS, STEDELIJK, Scenario, action_label, post_label

if TYPE_CHECKING:
    import polars as pl
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

#: Whole euros with a thousands separator (the reader's locale draws it: . in Dutch).
AMOUNT_FORMAT = "#,##0;-#,##0"
PLAN, ENVELOPE, CHANGES = "Plan", "Envelope", "Wijzigingen"


class Table(NamedTuple):
    """A sheet's table as plain Python: its rows, the columns holding amounts (the
    others hold text), and how many first columns name a row (kept in view)."""

    rows: list[dict[str, Any]]
    columns: list[str]
    amounts: list[str]
    names: int
    years: tuple[str, ...] = ()
    """Columns of years: numbers, without a thousands separator."""


class WorkbookParts(NamedTuple):
    """What the workbook shows, read from the scenario (on the thread that owns it)."""

    title: str
    description: str
    plan: Table
    envelope: Table
    changes: Table
    violations: list[str] | None
    """The broken policy rules in words; ``None`` for a scenario without rules."""


def plan_workbook(scenario: Scenario, *, wide: bool = False) -> bytes:
    """The workbook's bytes (built in memory: nothing is written until it is whole)."""
    return workbook_bytes(workbook_parts(scenario, wide=wide))


def workbook_parts(scenario: Scenario, *, wide: bool = False) -> WorkbookParts:
    """Everything the workbook needs from ``scenario``: plain Python, quick to read, so
    the app reads it on the UI thread and builds the workbook in a worker."""
    violations = None
    if scenario.beleid is not None:
        policy = scenario.beleid
        violations = [
            describe_violation(found, policy) for found in PolicyCheck(scenario).violations()
        ]
    return WorkbookParts(
        scenario.name,
        scenario.description,
        _plan_table(scenario, wide=wide),
        _envelope_table(scenario),
        _changes_table(scenario),
        violations,
    )


def workbook_bytes(parts: WorkbookParts) -> bytes:
    """The workbook of ``parts`` (any thread: it touches no scenario)."""
    from xlsxwriter import Workbook

    out = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = Workbook(out, options)
    workbook.set_properties({"title": parts.title, "comments": parts.description})
    _sheet(workbook, PLAN, parts.plan)
    _sheet(workbook, ENVELOPE, parts.envelope)
    if parts.violations is not None:
        sheet = workbook.get_worksheet_by_name(ENVELOPE)
        line = len(parts.envelope.rows) + 2  # a row free under the table
        sheet.write_string(line, 0, texts.XLSX_POLICY_TITLE.format(count=len(parts.violations)))
        for offset, violation in enumerate(parts.violations, start=1):
            sheet.write_string(line + offset, 0, violation)
    _sheet(workbook, CHANGES, parts.changes)
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
        return Table(rows, [texts.XLSX_GEBIED, texts.XLSX_POST, *amounts], amounts, 2)
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
    return Table(rows, [texts.XLSX_GEBIED, *posts, *city], [*posts, *city], 1)


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
                    entry.reason,
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
    if name == PLAN:
        _totals_row(workbook, workbook.get_worksheet_by_name(name), frame, table.names)


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
