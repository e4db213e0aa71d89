"""The command line: ``gebiedsplanner [SCENARIO]`` opens the app; subcommands work without it.

Every command runs on the same pure core as the app. Problems are printed as
``file: place: message`` plus a fix, and the exit code is 1; a traceback never
reaches the user: an unexpected error is written to a crash log, and the user
reads one line saying where it is.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from gebiedsplanner import __version__
from gebiedsplanner.cli.arguments import Parser, plain
from gebiedsplanner.cli.console import (
    fall_back_where_unencodable,
    output_failure,
    print_problems,
    stdout_to_devnull,
    write_data,
)
from gebiedsplanner.core import audit
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.policy import violations
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.rights import Rights
from gebiedsplanner.core.scenario import Cell, EditError, Scenario
from gebiedsplanner.disk import crash_log
from gebiedsplanner.editing import storage
from gebiedsplanner.format.model_builders import parse_address
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings import locations

# What only a command or a rare answer needs (the planning tools, the summary, a
# suggestion for a mistyped command) is imported there: starting the app loads none of it.


def _parser_for_app() -> argparse.ArgumentParser:
    parser = Parser(
        prog="gebiedsplanner",
        description=texts.APP_DESCRIPTION,
        epilog=_overview(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("scenario", nargs="?", help=plain(texts.ARG_SCENARIO))
    parser.add_argument(
        "--scenario-dir", action="append", default=[], help=plain(texts.ARG_SCENARIO_DIR)
    )
    parser.add_argument("--library", action="store_true", help=plain(texts.ARG_LIBRARY))
    parser.add_argument("--read-only", action="store_true", help=plain(texts.ARG_READ_ONLY))
    parser.add_argument(
        "--may-change", action="append", metavar="GEBIED", help=plain(texts.ARG_MAY_CHANGE)
    )
    parser.add_argument("--confined", action="store_true", help=plain(texts.ARG_CONFINED))
    parser.add_argument(
        "--lang", choices=language.LANGUAGES, help=plain(texts.ARG_LANG)
    )  # taken by main() before the command; here for --help
    parser.add_argument(
        "--version",
        action="version",
        version=f"gebiedsplanner {__version__}",
        help=plain(texts.ARG_VERSION),
    )
    return parser


def _parser_for_commands() -> argparse.ArgumentParser:
    parser = Parser(prog="gebiedsplanner")
    commands = parser.add_subparsers(dest="command", required=True)

    def add(name: str) -> argparse.ArgumentParser:
        text = command_help(HELP[name])
        return commands.add_parser(name, help=plain(text), description=text)

    validate = add("validate")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--strict", action="store_true", help=plain(texts.ARG_STRICT))

    summary = add("summary")
    summary.add_argument("file", metavar="FILE")

    move = add("move")
    move.add_argument("file", metavar="FILE")
    move.add_argument("--from", dest="source", required=True, metavar=texts.METAVAR_ADDRESS)
    move.add_argument("--to", dest="target", required=True, metavar=texts.METAVAR_ADDRESS)
    move.add_argument("--amount", required=True, metavar="N", help=plain(texts.ARG_AMOUNT))
    move.add_argument(
        "--reason", default="", metavar=texts.METAVAR_TEXT, help=plain(texts.ARG_REASON)
    )

    export = add("export")
    export.add_argument("file", metavar="FILE")
    export.add_argument(
        "-o", "--output", required=True, metavar="OUT.csv", help=plain(texts.ARG_EXPORT_OUT)
    )
    export.add_argument("--layout", choices=("long", "wide"), default="long")
    export.add_argument("--dialect", choices=("standard", "nl"), default="standard")
    export.add_argument("--format", choices=FORMATS, help=plain(texts.ARG_EXPORT_FORMAT))

    report = add("report")
    report.add_argument("file", metavar="FILE")
    report.add_argument("variants", nargs="*", metavar="VARIANT")
    report.add_argument(
        "-o", "--output", required=True, metavar="rapport.html", help=plain(texts.ARG_REPORT_OUT)
    )

    compare = add("compare")
    compare.add_argument("base", metavar="BASE")
    compare.add_argument("variants", nargs="+", metavar="VARIANT")
    compare.add_argument("-o", "--output", metavar="diff.csv", help=plain(texts.ARG_COMPARE_OUT))
    compare.add_argument("--all", action="store_true", help=plain(texts.ARG_COMPARE_ALL))
    # Only changes is the default now (as in the app); the old option still works.
    compare.add_argument("--only-changes", action="store_true", help=argparse.SUPPRESS)
    compare.add_argument(
        "--largest-first", action="store_true", help=plain(texts.ARG_LARGEST_FIRST)
    )
    compare.add_argument("--dialect", choices=("standard", "nl"), default="standard")
    compare.add_argument("--format", choices=FORMATS, help=plain(texts.ARG_COMPARE_FORMAT))

    serve = add("ssh-serve")
    serve.add_argument("--host", default="127.0.0.1", help=plain(texts.ARG_HOST))
    serve.add_argument("--port", type=_port, default=2222, help=plain(texts.ARG_PORT))
    serve.add_argument(
        "--authorized-keys", required=True, metavar="FILE", help=plain(texts.ARG_AUTHORIZED_KEYS)
    )
    serve.add_argument(
        "--scenario-dir", action="append", default=[], help=plain(texts.ARG_SCENARIO_DIR)
    )
    serve.add_argument("--host-key", metavar="FILE", help=plain(texts.ARG_HOST_KEY))
    from gebiedsplanner.cli import tool_commands

    tool_commands.add_parsers(add)
    return parser


def _port(text: str) -> int:
    """A TCP port number (0: one the system finds free)."""
    port = int(text)  # not a number: argparse says so
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(texts.BAD_PORT)
    return port


def command_help(help_name: str) -> str:
    """What a command does, in the language of the moment (``help_name`` from :data:`HELP`)."""
    return str(getattr(texts, help_name))


def _overview() -> str:
    """Every command with what it does, for ``gebiedsplanner --help``."""
    width = max(map(len, HELP))
    lines = [
        f"  gebiedsplanner {name:<{width}}  {command_help(text)}" for name, text in HELP.items()
    ]
    return "\n".join([texts.OVERVIEW_HEAD, *lines, texts.OVERVIEW_TAIL])


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gebiedsplanner`` command; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    chosen = _take_language(args)
    if chosen is not None and chosen not in language.LANGUAGES:
        known = ", ".join(language.LANGUAGES)
        print(texts.UNKNOWN_LANGUAGE.format(language=literal(chosen), known=known), file=sys.stderr)
        return 2
    try:
        language.use(chosen or locations.configured_language() or language.DEFAULT)
    except ProblemsError as error:  # a bad config file: said in the default language
        if not _asks_about_the_program(args):  # --version and --help still answer
            print_problems(error.problems)
            return 1
    if args and args[0] in HANDLERS:
        fall_back_where_unencodable(screen=False)
        options = _parser_for_commands().parse_args(args)
        handler = HANDLERS[options.command]
        return _reporting_problems(handler, options, texts.CRASH_COMMAND, command=options.command)
    fall_back_where_unencodable(screen=True)
    suggestion = _misspelled(args[0]) if args else None
    if suggestion:
        print(suggestion, file=sys.stderr)
        return 2
    options = _parser_for_app().parse_args(args)
    return _reporting_problems(_run_app, options, texts.CRASH_START)


def _asks_about_the_program(args: list[str]) -> bool:
    """``--version`` or ``--help`` (or ``-h``, or a shortening argparse takes, ``--vers``)
    among the options: answered even when the config file is bad."""
    options = args[: args.index("--")] if "--" in args else args
    asking = ("--help", "--version")
    return any(
        arg == "-h" or (len(arg) > 2 and any(option.startswith(arg) for option in asking))
        for arg in options
    )


def _take_language(args: list[str]) -> str | None:
    """``--lang en`` or ``--lang=en`` before the command: taken out of ``args``."""
    if args[:1] == ["--lang"] and len(args) > 1:
        chosen = args[1]
        del args[:2]
        return chosen
    if args and args[0].startswith("--lang="):
        return args.pop(0).partition("=")[2]
    return None


def _reporting_problems(
    handler: Callable[[argparse.Namespace], int],
    options: argparse.Namespace,
    crash_template: str,
    **crash_fields: str,
) -> int:
    """Run ``handler``; problems become messages, anything else a crash log and one line."""
    try:
        code = handler(options)
        if sys.stdout is not None:  # None when started with standard output closed
            sys.stdout.flush()  # a full disk is said here, not as an error while exiting
        return code
    except ProblemsError as error:
        print_problems(error.problems)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (head, a pager) stopped reading: not our error
        stdout_to_devnull()
        return 141
    except Exception as error:
        why = output_failure(error) if isinstance(error, OSError) else None
        if why is not None:  # not a bug: say so, and leave nothing to flush while exiting
            stdout_to_devnull()
            print(texts.OUTPUT_FAILED.format(why=why), file=sys.stderr)
            return 1
        # a bug: the traceback goes to the log, not to the user
        report = crash_log.describe(error)
        print(crash_log.notice(report, crash_template, **crash_fields), file=sys.stderr)
        return 1


def _validate(options: argparse.Namespace) -> int:
    """Problems make a file fail; broken policy rules are warnings, failures with --strict."""
    from gebiedsplanner.core.policy_report import describe_violation

    failed = 0
    for name in options.files:
        try:
            document = storage.load(locations.scenario_path(name))
        except ProblemsError as error:
            print_problems(error.problems)
            failed += 1
            continue
        scenario = document.scenario
        found = violations(scenario)
        file, title = literal(name), literal(scenario.name)
        if not found:
            print(texts.VALID.format(file=file, name=title))
            continue
        print(texts.VALID_WITH_VIOLATIONS.format(file=file, name=title, count=len(found)))
        assert scenario.beleid is not None  # there are violations, so there are rules
        for violation in found:
            print(f"{file}: {describe_violation(violation, scenario.beleid)}")
        if options.strict:
            failed += 1
    return 1 if failed else 0


def _summary(options: argparse.Namespace) -> int:
    from gebiedsplanner.core.summary import summary_lines

    document = storage.load(locations.scenario_path(options.file))
    for line in summary_lines(document.scenario):
        print(line)
    return 0


def _cell(scenario: Scenario, text: str, file: str, option: str) -> Cell:
    cell = parse_address(text)
    if cell is None:
        raise ProblemsError(
            [Problem(file, option, texts.BAD_ADDRESS.format(text=literal(text)), texts.FIX_ADDRESS)]
        )
    try:
        return scenario.resolve_cell(cell.owner, cell.post, cell.year)
    except EditError as error:
        raise ProblemsError([Problem(file, option, str(error), texts.FIX_ADDRESS)]) from None


def _move(options: argparse.Namespace) -> int:
    path = locations.scenario_path(options.file)
    if locations.is_bundled(path):
        raise ProblemsError(
            [Problem(options.file, "", texts.BUNDLED_READ_ONLY, texts.FIX_BUNDLED_READ_ONLY)]
        )
    with storage.write_lock(path) as real:  # read, change and write as one step: no move is lost
        return _move_locked(options, path, real)


def _move_locked(options: argparse.Namespace, path: Path, real: Path) -> int:
    from gebiedsplanner.cli.tool_commands import OptionReader

    document = storage.load(path)
    scenario = document.scenario
    source = _cell(scenario, options.source, options.file, "--from")
    target = _cell(scenario, options.target, options.file, "--to")
    read = OptionReader(scenario, options)
    if source.year != target.year:  # the cells, not the amount, are wrong
        raise read.refused("--to", texts.MOVE_SAME_YEAR, texts.FIX_MOVE_SAME_YEAR)
    if source == target:
        raise read.refused("--to", texts.MOVE_SAME_CELL, texts.FIX_MOVE_OTHER_CELL)
    amount = read.amount("--amount", options.amount)
    if amount <= 0:
        raise read.refused("--amount", texts.MOVE_AMOUNT_POSITIVE, texts.FIX_MOVE_POSITIVE)
    reason = read.reason()
    try:
        scenario.move(
            source, target, amount, who=audit.current_user(), when=audit.now(), reason=reason
        )
    except EditError as error:  # more than the source holds
        raise read.refused("--amount", str(error), texts.FIX_MOVE) from None
    print_problems(storage.save_locked(document, real))
    totals = scenario.totals(source.year)
    print(
        texts.MOVED.format(
            amount=format_amount(amount),
            source=literal(source.address),
            target=literal(target.address),
            year=source.year,
            room=format_amount(totals.room),
            file=literal(options.file),
        )
    )
    return 0


#: ``-o -``: the CSV goes to standard output, as with many Unix tools (a file named
#: ``-`` is ``./-``), and nothing else goes there: the output is the CSV alone.
STANDARD_OUTPUT = "-"


def _export(options: argparse.Namespace) -> int:
    from gebiedsplanner.core.plan import plan_columns
    from gebiedsplanner.exports.csv_export import Dialect, Layout, export, plan_csv

    document = storage.load(locations.scenario_path(options.file))
    if _format(options) == XLSX:
        return _export_workbook(document.scenario, options)
    layout, dialect = Layout(options.layout), Dialect(options.dialect)
    if options.output == STANDARD_OUTPUT:
        write_data(plan_csv(plan_columns(document.scenario), layout, dialect)[0])
        return 0
    rows = export(document.scenario, Path(options.output), layout, dialect)
    print(texts.EXPORTED.format(rows=rows, output=literal(options.output)))
    return 0


#: What ``export`` writes: CSV, or an Excel workbook (``--format``, or ``-o`` ending in
#: ``.xlsx``).
CSV, XLSX = "csv", "xlsx"
FORMATS = (CSV, XLSX)


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
    """Every file loaded, or every problem of every file reported at once."""
    scenarios, problems = [], []
    for name in names:
        try:
            scenarios.append(storage.load(locations.scenario_path(name)).scenario)
        except ProblemsError as error:
            problems += error.problems
    if problems:
        raise ProblemsError(problems)
    return scenarios


def _compare(options: argparse.Namespace) -> int:
    from gebiedsplanner.core.compare import CSV_HEADER, compare, csv_rows
    from gebiedsplanner.core.compare_report import comparison_lines
    from gebiedsplanner.exports.csv_export import Dialect, rows_to_csv, write_export

    base, *variants = _load_all([options.base, *options.variants])
    comparison = compare(base, variants)
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


def _report(options: argparse.Namespace) -> int:
    from gebiedsplanner.exports.html_report import report_html

    scenario, *variants = _load_all([options.file, *options.variants])
    _deliver(report_html(scenario, variants), options.output, texts.REPORT_WRITTEN)
    return 0


def _ssh_serve(options: argparse.Namespace) -> int:
    """The planner as an SSH server (asyncssh is loaded for this command only)."""
    import asyncio

    from gebiedsplanner.ssh.server import serve

    host_key = Path(options.host_key) if options.host_key else None
    keys = Path(options.authorized_keys)
    asyncio.run(serve(options.host, options.port, keys, options.scenario_dir, host_key))
    return 0


def _tool(options: argparse.Namespace) -> int:
    """The planning tools (``tool_commands``)."""
    from gebiedsplanner.cli import tool_commands

    return tool_commands.run(options)


def _run_app(options: argparse.Namespace) -> int:
    # Starting up makes a great many objects and next to no garbage: the cycle
    # collector would only walk them, again and again (10 ms of the bundled
    # scenario's first frame, more at national scale). It is off until the
    # first frame (PlannerApp.on_ready), and what exists by then is frozen:
    # it lives as long as the app, and later collections need not walk it.
    gc.disable()
    settings = locations.load_settings(options.scenario_dir)._replace(
        rights=Rights(
            None if options.may_change is None else frozenset(options.may_change),
            options.read_only,
        ),
        confined=options.confined,
    )
    # Absolute at once: the working folder may be removed while the app runs.
    path = (
        locations.scenario_path(options.scenario).absolute()
        if options.scenario
        else locations.bundled_example()
    )
    document = storage.open_streamed(path)
    from gebiedsplanner.ui.app import PlannerApp

    gc.freeze()
    app = PlannerApp(document, settings, library=options.library)
    app.run()
    if app.crash_notice is not None:  # now that the terminal is back to normal
        print(app.crash_notice, file=sys.stderr)
    if app.problems:  # found reading a large file after its first frame: said as before it
        raise ProblemsError(app.problems)
    return app.return_code or 0


#: Each command: the name in ``texts`` of what it does (its --help and the overview, in
#: this order) and its handler.
HELP = {
    "validate": "CMD_VALIDATE",
    "summary": "CMD_SUMMARY",
    "move": "CMD_MOVE",
    "export": "CMD_EXPORT",
    "compare": "CMD_COMPARE",
    "report": "CMD_REPORT",
    "distribute": "CMD_DISTRIBUTE",
    "fit": "CMD_FIT",
    "couleur-locale": "CMD_COULEUR_LOCALE",
    "copy-year": "CMD_COPY_YEAR",
    "ssh-serve": "CMD_SSH_SERVE",
}
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": _validate,
    "summary": _summary,
    "move": _move,
    "export": _export,
    "compare": _compare,
    "report": _report,
    "distribute": _tool,
    "fit": _tool,
    "couleur-locale": _tool,
    "copy-year": _tool,
    "ssh-serve": _ssh_serve,
}


def _misspelled(word: str) -> str | None:
    """What to say when ``word`` is no file but looks like a command mistyped (``sumary``)."""
    if word.startswith("-") or os.path.lexists(word) or word.endswith(".toml"):
        return None
    import difflib  # only for a word that is no command

    close = difflib.get_close_matches(word, list(HANDLERS), n=1, cutoff=0.75)
    if not close:
        return None
    return texts.UNKNOWN_COMMAND.format(word=literal(word), command=close[0])
