"""A plan as an Excel workbook: what a manager would otherwise build by hand.

Three sheets (written by :mod:`gebiedsplanner.exports.sheets`: cells by kind, widths by
content, set up for print):

- **Plan**: a row per gebied and per stedelijk post, a column per post and year (the
  wide layout: a row per gebied and post, a column per year); amounts as numbers in
  the thousands format (Excel shows ``1.234.567`` in a Dutch locale), a totals row of
  ``=SUM(...)`` formulas, so a manager who changes a cell in Excel sees the totals
  follow; the header row and the names stay in view; when a gebied has a note, a last
  column of the notes.
- **Envelope**: per year the envelope, planned, room and the taakstelling imposed,
  distributed and still open; below it the policy rules the plan breaks, if any.
  Planned and distributed are formulas over the Plan sheet's totals (the wide layout:
  ``SUMIFS`` over its taakstelling rows), room and what is still open formulas over
  the row: a change in the Plan sheet reaches them. The envelope and the taakstelling
  imposed are the scenario's own figures.
- **Wijzigingen**: the change log, one row per changed cell or note, its moment a date cell.

The comparison's workbook: the differences (``Verschil`` a formula of its row), the
totals per scenario and year (``Ruimte`` too), and the explanation, wrapped to the page.

The sheets are named in the UI language (``Changes`` in English), when the workbook
is made: a workbook is read by people, never by this program.

No text from a scenario file is ever read as a formula or a link: a gebied named
``=HYPERLINK(...)`` is a text cell (the workbook's ``strings_to_formulas`` and
``strings_to_urls`` are off, and text is written as text).
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.policy_report import describe_violation
from gebiedsplanner.core.scenario import (
    GEBIED_POSTS,
    STEDELIJK,
    TAAKSTELLING,
    Scenario,
    action_label,
    post_label,
)
from gebiedsplanner.exports.sheets import (
    PAGE_TEXT_WIDTH,
    Formula,
    Page,
    Table,
    cell,
    cell_text,
    first_row,
    totals_row,
    write_sheet,
)
from gebiedsplanner.i18n import texts

if TYPE_CHECKING:
    from gebiedsplanner.core.compare import Comparison


class WorkbookParts(NamedTuple):
    """What the workbook shows, read from the scenarios (on the thread that owns them)."""

    title: str
    description: str
    sheets: tuple[tuple[str, Table], ...]
    made: datetime
    """When it was made: in the footer of every printed page."""

    @property
    def rows(self) -> int:
        """The rows of its first sheet (the notice after an export counts them)."""
        return len(self.sheets[0][1].rows)


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def plan_workbook(scenario: Scenario, *, wide: bool = False) -> bytes:
    """The workbook's bytes (built in memory: nothing is written until it is whole)."""
    return workbook_bytes(workbook_parts(scenario, wide=wide))


def workbook_parts(
    scenario: Scenario, *, wide: bool = False, made: datetime | None = None
) -> WorkbookParts:
    """Everything the workbook needs from ``scenario``: plain Python, quick to read, so
    the app reads it on the UI thread and builds the workbook in a worker."""
    plan = _plan_table(scenario, wide=wide)
    envelope = _envelope_table(scenario, plan, wide=wide)
    if scenario.beleid is not None:
        policy = scenario.beleid
        broken = [describe_violation(v, policy) for v in PolicyCheck(scenario).violations()]
        title = texts.XLSX_POLICY_TITLE.format(count=len(broken))
        envelope = envelope._replace(below=(title, *broken))
    sheets = (
        (texts.XLSX_PLAN, plan),
        (texts.XLSX_ENVELOPE, envelope),
        (texts.XLSX_CHANGES, _changes_table(scenario)),
    )
    return WorkbookParts(scenario.name, scenario.description, sheets, made or _now())


def comparison_workbook(comparison: Comparison, *, only_changes: bool = True) -> bytes:
    """The comparison as a workbook: the differences, the totals per scenario and year,
    and the explanation (the recorded changes and their reasons)."""
    return workbook_bytes(comparison_parts(comparison, only_changes=only_changes))


def comparison_parts(
    comparison: Comparison, *, only_changes: bool = True, made: datetime | None = None
) -> WorkbookParts:
    """What the comparison's workbook shows (its first sheet: the differences)."""
    from gebiedsplanner.core.compare import csv_rows
    from gebiedsplanner.core.compare_report import explanation_lines

    columns = list(texts.XLSX_COMPARE_HEADERS)
    was, now = 5, 6  # the base's amount and the variant's
    rows = []
    for index, row in enumerate(csv_rows(comparison, only_changes=only_changes), first_row()):
        values: list[Any] = [*row[:3], post_label(str(row[3])), *row[4:]]
        if isinstance(values[was], int) and isinstance(values[now], int):
            values[-1] = Formula(f"={cell(index, now)}-{cell(index, was)}", values[-1])
        rows.append(dict(zip(columns, values, strict=True)))
    differences = Table(rows, columns, columns[5:], 3, years=(columns[4],))
    totals_columns = list(texts.XLSX_COMPARE_TOTALS_HEADERS)
    totals: list[dict[str, Any]] = []
    for year in comparison.years:
        for scenario in (comparison.base, *comparison.variants):
            figures = comparison.totals(scenario, year)
            if figures is not None:
                index = len(totals) + first_row()
                room = Formula(f"={cell(index, 2)}-{cell(index, 3)}", figures.room)
                figures_row = (year, scenario.name, figures.envelope, figures.planned, room)
                totals.append(dict(zip(totals_columns, figures_row, strict=True)))
    totals_table = Table(totals, totals_columns, totals_columns[2:], 2, years=(totals_columns[0],))
    column = texts.XLSX_EXPLANATION
    lines = [{column: line} for line in explanation_lines(comparison)]
    explained = Table(lines, [column], [], 0, text_width=PAGE_TEXT_WIDTH, wrapped=(column,))
    sheets = (
        (texts.XLSX_DIFFERENCES, differences),
        (texts.XLSX_TOTALS, totals_table),
        (texts.XLSX_EXPLAINED, explained),
    )
    title = texts.XLSX_COMPARE_TITLE.format(base=comparison.base.name)
    return WorkbookParts(title, "", sheets, made or _now())


def workbook_bytes(parts: WorkbookParts) -> bytes:
    """The workbook of ``parts`` (any thread: it touches no scenario)."""
    from xlsxwriter import Workbook

    out = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = Workbook(out, options)
    created = parts.made.replace(tzinfo=None)
    workbook.set_properties(
        {"title": parts.title, "comments": parts.description, "created": created}
    )
    page = Page(parts.title, parts.made)
    for name, table in parts.sheets:
        write_sheet(workbook, name, table, page)
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
    posts = [_post_year(post, year) for post in GEBIED_POSTS for year in years]
    city = [_city_year(year) for year in years]
    rows = []
    for gebied in scenario.gebieden.values():
        row: dict[str, Any] = {texts.XLSX_GEBIED: gebied.name}
        for post in GEBIED_POSTS:
            row |= {_post_year(post, year): gebied.posts[post][year] for year in years}
        rows.append(row | dict.fromkeys(city))
    for post, by_year in scenario.stedelijk.items():
        row = {texts.XLSX_GEBIED: f"{STEDELIJK}: {post_label(post)}"} | dict.fromkeys(posts)
        rows.append(row | {_city_year(year): by_year[year] for year in years})
    table = Table(rows, [texts.XLSX_GEBIED, *posts, *city], [*posts, *city], 1, totals=True)
    return _noted(table, scenario, 1)


def _post_year(post: str, year: int) -> str:
    """The Plan sheet's column of a gebied post in a year (``couleur locale 2017``)."""
    return f"{post_label(post)} {year}"


def _city_year(year: int) -> str:
    """The Plan sheet's column of the stedelijk posts in a year."""
    return f"{texts.XLSX_CITY} {year}"


def _envelope_table(scenario: Scenario, plan: Table, *, wide: bool) -> Table:
    """Per year: the scenario's envelope and taakstelling, what the Plan sheet plans and
    distributes (formulas over it), and room and what is still open (over the row)."""
    columns = list(texts.XLSX_ENVELOPE_HEADERS)
    rows = []
    for index, year in enumerate(scenario.years, first_row()):
        totals = scenario.totals(year)
        planned, distributed = _planned(plan, year, wide=wide)
        room = f"={cell(index, 1)}-{cell(index, 2)}"
        still_open = f"={cell(index, 4)}-{cell(index, 5)}"
        figures = (
            year,
            totals.envelope,
            Formula(planned, totals.planned) if planned else totals.planned,
            Formula(room, totals.room),
            totals.taakstelling_imposed,
            Formula(distributed, totals.taakstelling_distributed)
            if distributed
            else totals.taakstelling_distributed,
            Formula(still_open, totals.taakstelling_open),
        )
        rows.append(dict(zip(columns, figures, strict=True)))
    return Table(rows, columns, columns[1:], 1, years=(columns[0],))


def _planned(plan: Table, year: int, *, wide: bool) -> tuple[str, str]:
    """The formulas of what the Plan sheet plans and distributes in ``year`` (none for
    a plan without rows: it has no totals row)."""
    if not plan.rows:
        return "", ""
    sheet, total = texts.XLSX_PLAN, totals_row(plan)

    def at(column: str) -> str:
        return cell(total, plan.columns.index(column), sheet=sheet, fixed=True)

    if wide:
        column = plan.columns.index(str(year))
        last = total - 1

        def span(index: int) -> str:
            start = cell(first_row(), index, sheet=sheet, fixed=True)
            return f"{start}:{cell(last, index, fixed=True)}"

        owners, posts = span(0), span(1)
        taakstelling = _criterion(post_label(TAAKSTELLING))
        not_city = _criterion(f"<>{STEDELIJK}")
        distributed = f"=SUMIFS({span(column)},{posts},{taakstelling},{owners},{not_city})"
        return f"={at(str(year))}", distributed
    parts = [_post_year(post, year) for post in GEBIED_POSTS]
    planned = "=" + "+".join(at(column) for column in (*parts, _city_year(year)))
    return planned, f"={at(_post_year(TAAKSTELLING, year))}"


def _criterion(text: str) -> str:
    """``text`` as a formula's string (its quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def _changes_table(scenario: Scenario) -> Table:
    """A row per changed cell and per changed note (its place ``Charlois/notitie``, the
    old and new note as text; ``(geen)`` for none), in the log's order."""
    columns = list(texts.XLSX_CHANGES_HEADERS)
    rows = []
    for entry in scenario.log:
        said = (entry.when, entry.who, action_label(entry.action))
        reason = cell_text(entry.reason)
        changed: list[tuple[str, int | str, int | str]] = [
            (change.cell.address, change.old, change.new) for change in entry.changes
        ]
        changed += [
            (f"{note.gebied}/{texts.NOTE_PLACE}", _note_text(note.old), _note_text(note.new))
            for note in entry.notes
        ]
        rows += [
            dict(zip(columns, (*said, place, old, new, reason), strict=True))
            for place, old, new in changed
        ]
    return Table(rows, columns, [columns[4], columns[5]], 0)


def _note_text(note: str) -> str:
    return cell_text(note) if note else texts.NOTE_NONE


def _noted(table: Table, scenario: Scenario, rows_per_gebied: int) -> Table:
    """``table`` (its gebied rows first, ``rows_per_gebied`` each) with a last column of the
    gebieden's notes, when any gebied has one: text that wraps, out of the totals."""
    notes = [gebied.note for gebied in scenario.gebieden.values()]
    if not any(notes):
        return table
    per_row = [note for note in notes for _ in range(rows_per_gebied)]
    per_row += [""] * (len(table.rows) - len(per_row))
    rows = [
        row | {texts.XLSX_NOTE: note or None}  # no note: an empty cell
        for row, note in zip(table.rows, per_row, strict=True)
    ]
    return table._replace(
        rows=rows,
        columns=[*table.columns, texts.XLSX_NOTE],
        wrapped=(*table.wrapped, texts.XLSX_NOTE),
    )
