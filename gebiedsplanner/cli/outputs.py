"""The commands that write a plan or a comparison elsewhere: ``export`` (CSV or an
Excel workbook), ``compare`` (a table, and a CSV or workbook of the differences) and
``report`` (HTML), each to a file or to standard output (``-o -``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gebiedsplanner.cli.commands import FORMATS
from gebiedsplanner.cli.console import write_data
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings import locations

#: ``-o -``: the output goes to standard output, as with many Unix tools (a file named
#: ``-`` is ``./-``), and nothing else goes there: the output is the data alone.
STANDARD_OUTPUT = "-"
#: What ``export`` and ``compare`` write: CSV, or an Excel workbook (``--format``, or
#: ``-o`` ending in ``.xlsx``).
CSV, XLSX = FORMATS


def export(options: argparse.Namespace) -> int:
    from gebiedsplanner.core.plan import plan_columns
    from gebiedsplanner.exports.csv_export import Dialect, Layout, plan_csv
    from gebiedsplanner.exports.csv_export import export as write_csv_file

    document = storage.load(locations.scenario_path(options.file))
    if _format(options) == XLSX:
        return _export_workbook(document.scenario, options)
    layout, dialect = Layout(options.layout), Dialect(options.dialect)
    if options.output == STANDARD_OUTPUT:
        write_data(plan_csv(plan_columns(document.scenario), layout, dialect)[0])
        return 0
    rows = write_csv_file(document.scenario, Path(options.output), layout, dialect)
    print(texts.EXPORTED.format(rows=rows, output=literal(options.output)))
    return 0


def _format(options: argparse.Namespace) -> str:
    if options.format is not None:
        return str(options.format)
    return XLSX if options.output.casefold().endswith(".xlsx") else CSV


def _export_workbook(scenario: Scenario, options: argparse.Namespace) -> int:
    from gebiedsplanner.exports.workbook import plan_workbook

    data = plan_workbook(scenario, wide=options.layout == "wide")
    _deliver(data, options.output, texts.EXPORTED_WORKBOOK, binary=True)
    return 0


def _deliver(data: bytes, output: str, written: str, *, binary: bool = False) -> None:
    """``data`` to standard output (``-o -``) or into the file ``output``, saying so
    (``written``, with ``output``). ``binary`` (a workbook): never onto a terminal."""
    from gebiedsplanner.exports.csv_export import write_export

    if output != STANDARD_OUTPUT:
        write_export(Path(output), data, overwrite=True)
        print(written.format(output=literal(output)))
    elif binary and sys.stdout is not None and sys.stdout.isatty():
        problem = Problem("-o -", "", texts.WORKBOOK_TO_TERMINAL, texts.FIX_WORKBOOK_TO_TERMINAL)
        raise ProblemsError([problem])
    else:
        write_data(data)


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
    from gebiedsplanner.core.compare import CSV_HEADER, csv_rows
    from gebiedsplanner.core.compare import compare as comparison_of
    from gebiedsplanner.core.compare_report import comparison_lines
    from gebiedsplanner.exports.csv_export import Dialect, rows_to_csv, write_export

    base, *variants = _load_all([options.base, *options.variants])
    comparison = comparison_of(base, variants)
    if options.output != STANDARD_OUTPUT:
        for line in comparison_lines(
            comparison, only_changes=not options.all, largest_first=options.largest_first
        ):
            print(line)
    if options.output and _format(options) == XLSX:
        from gebiedsplanner.exports.workbook import comparison_workbook

        data = comparison_workbook(comparison, only_changes=not options.all)
        _deliver(data, options.output, texts.EXPORTED_WORKBOOK_COMPARE, binary=True)
    elif options.output:
        rows = csv_rows(comparison, only_changes=not options.all)
        data = rows_to_csv(CSV_HEADER, rows, Dialect(options.dialect))
        if options.output == STANDARD_OUTPUT:
            write_data(data)
            return 0
        write_export(Path(options.output), data, overwrite=True)
        print(texts.COMPARE_WRITTEN.format(rows=len(rows), output=literal(options.output)))
    return 0


def report(options: argparse.Namespace) -> int:
    from gebiedsplanner.exports.html_report import Source, report_html

    documents = _load_documents([options.file, *options.variants])
    scenario, *variants = (document.scenario for document in documents)
    sources = [  # the bytes the scenarios were read from, as the report says
        Source(document.origin.name, document.scenario.name, document.loaded_digest)
        for document in documents
    ]
    data = report_html(scenario, variants, sources=sources)
    _deliver(data, options.output, texts.REPORT_WRITTEN)
    return 0
