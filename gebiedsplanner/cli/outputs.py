"""The commands that write a plan or a comparison elsewhere: ``export`` (CSV or an
Excel workbook), ``compare`` (a table, and a CSV or workbook of the differences) and
``report`` (HTML, or a PDF printed by Chromium), each to a file or to standard output
(``-o -``, or no ``-o``): so a manager on ``ssh-serve``, where no file comes home,
types ``ssh host report plan.toml > rapport.html``. The name's extension chooses the
format, or is refused when it names another (:mod:`gebiedsplanner.exports.formats`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gebiedsplanner.cli.console import write_data
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.editing import storage
from gebiedsplanner.exports.formats import REPORT_FORMATS, TABLE_FORMATS, Format, format_for
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings import locations

#: ``-o -``: the output goes to standard output, as with many Unix tools (a file named
#: ``-`` is ``./-``), and nothing else goes there: the output is the data alone. No
#: ``-o`` is the same, but for ``compare`` without ``--format`` (its table).
STANDARD_OUTPUT = "-"


def export(options: argparse.Namespace) -> int:
    from gebiedsplanner.core.plan import plan_columns
    from gebiedsplanner.exports.csv_export import Dialect, Layout, plan_csv
    from gebiedsplanner.exports.csv_export import export as write_csv_file

    output = _file(options.output)
    form = _format(output, options.format, TABLE_FORMATS)
    document = storage.load(locations.scenario_path(options.file))
    if form is Format.XLSX:
        from gebiedsplanner.exports.workbook import plan_workbook

        data = plan_workbook(document.scenario, wide=options.layout == "wide")
        _deliver(data, output, texts.EXPORTED_WORKBOOK)
        return 0
    layout, dialect = Layout(options.layout), Dialect(options.dialect)
    if output is None:
        write_data(plan_csv(plan_columns(document.scenario), layout, dialect)[0])
        return 0
    rows = write_csv_file(document.scenario, Path(output), layout, dialect)
    print(texts.EXPORTED.format(rows=rows, output=literal(output)))
    return 0


def _file(output: str | None) -> str | None:
    """The file ``-o`` names; ``None``: standard output."""
    return None if output in (None, STANDARD_OUTPUT) else output


def _format(output: str | None, given: str | None, offered: tuple[Format, ...]) -> Format:
    """The format to write (:func:`format_for`), refused before anything is read or made
    when it is not text and would go to a terminal."""
    form = format_for(output, given, offered)
    if output is None and form.binary and sys.stdout is not None and sys.stdout.isatty():
        if form is Format.PDF:
            message, fix = texts.PDF_TO_TERMINAL, texts.FIX_PDF_TO_TERMINAL
        else:
            message, fix = texts.WORKBOOK_TO_TERMINAL, texts.FIX_WORKBOOK_TO_TERMINAL
        raise ProblemsError([Problem("-o -", "", message, fix)])
    return form


def _deliver(data: bytes, output: str | None, written: str, **fields: object) -> None:
    """``data`` to standard output (``output`` ``None``) or into the file ``output``,
    saying so (``written``, with ``output`` and ``fields``)."""
    from gebiedsplanner.exports.csv_export import write_export

    if output is None:
        write_data(data)
        return
    write_export(Path(output), data, overwrite=True)
    print(written.format(output=literal(output), **fields))


def _load_all(names: list[str]) -> list[Scenario]:
    """Every file's scenario, or every problem of every file reported at once."""
    return [document.scenario for document in _load_documents(names)]


def _load_documents(names: list[str]) -> list[storage.ScenarioDocument]:
    """Every file loaded, or every problem of every file reported at once."""
    documents, problems = [], []
    for name in names:
        try:
            documents.append(storage.load(locations.scenario_path(name)))
        except ProblemsError as error:
            problems += error.problems
    if problems:
        raise ProblemsError(problems)
    return documents


def compare(options: argparse.Namespace) -> int:
    """The comparison's table; and its data as CSV or a workbook with ``-o`` or
    ``--format`` (on standard output, the data alone)."""
    from gebiedsplanner.core.compare import CSV_HEADER, csv_rows
    from gebiedsplanner.core.compare import compare as comparison_of
    from gebiedsplanner.core.compare_report import comparison_lines
    from gebiedsplanner.exports.csv_export import Dialect, rows_to_csv

    data_wanted = options.output is not None or options.format is not None
    output = _file(options.output)
    form = _format(output, options.format, TABLE_FORMATS) if data_wanted else None
    base, *variants = _load_all([options.base, *options.variants])
    comparison = comparison_of(base, variants)
    if not data_wanted or output is not None:
        for line in comparison_lines(
            comparison, only_changes=not options.all, largest_first=options.largest_first
        ):
            print(line)
    if form is Format.XLSX:
        from gebiedsplanner.exports.workbook import comparison_workbook

        data = comparison_workbook(comparison, only_changes=not options.all)
        _deliver(data, output, texts.EXPORTED_WORKBOOK_COMPARE)
    elif form is Format.CSV:
        rows = csv_rows(comparison, only_changes=not options.all)
        data = rows_to_csv(CSV_HEADER, rows, Dialect(options.dialect))
        _deliver(data, output, texts.COMPARE_WRITTEN, rows=len(rows))
    return 0


def report(options: argparse.Namespace) -> int:
    """The report as HTML, or as a PDF that Chromium prints from it."""
    from gebiedsplanner.exports.html_report import Source, report_html

    output = _file(options.output)
    form = _format(output, options.format, REPORT_FORMATS)
    documents = _load_documents([options.file, *options.variants])
    scenario, *variants = (document.scenario for document in documents)
    sources = [  # the bytes the scenarios were read from, as the report says
        Source(document.origin.name, document.scenario.name, document.loaded_digest)
        for document in documents
    ]
    data = report_html(scenario, variants, sources=sources)
    if form is Format.PDF:
        from gebiedsplanner.exports.pdf import html_to_pdf

        data = html_to_pdf(data, output or STANDARD_OUTPUT)
    _deliver(data, output, texts.REPORT_WRITTEN)
    return 0
