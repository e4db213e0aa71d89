"""The planning tools on the command line: ``distribute``, ``fit``, ``couleur-locale``,
``copy-year``.

Each reads the file under its write lock, shows the preview (a row per gebied,
the check line, the notes), and unless ``--dry-run`` applies the plan as one
change-log entry and saves, all as one step: no colleague's save is lost in
between. A refusal changes nothing and exits 1.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from gebiedsplanner import texts
from gebiedsplanner.console import say
from gebiedsplanner.core import audit, tools
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import AmountInputError, parse_euros, parse_percent
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import EditError, Scenario
from gebiedsplanner.core.tool_report import preview_lines
from gebiedsplanner.files import locations, storage

Planner = Callable[[Scenario, argparse.Namespace], tools.ToolPlan]


def plain(text: str) -> str:
    """A help text for argparse, which %-formats them: a % of ours is meant literally."""
    return text.replace("%", "%%")


#: Each tool command and what it does, for its --help and the overview.
HELP = {
    "distribute": texts.CMD_DISTRIBUTE,
    "fit": texts.CMD_FIT,
    "couleur-locale": texts.CMD_COULEUR_LOCALE,
    "copy-year": texts.CMD_COPY_YEAR,
}


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The four tool commands, each with its options."""
    distribute = _tool_parser(commands, "distribute")
    distribute.add_argument("--year", type=int, required=True, help=plain(texts.ARG_YEAR))
    distribute.add_argument(
        "--key", choices=tools.KEYS, default="begroting", help=plain(texts.ARG_KEY)
    )
    _holds(distribute)
    distribute.add_argument("--floor", metavar="BEDRAG", help=plain(texts.ARG_FLOOR))
    distribute.add_argument("--all", action="store_true", help=plain(texts.ARG_ALL))
    distribute.add_argument("--unit", metavar="BEDRAG", default="1", help=plain(texts.ARG_UNIT))

    fit = _tool_parser(commands, "fit")
    fit.add_argument("--year", type=int, required=True, help=plain(texts.ARG_YEAR))
    fit.add_argument(
        "--post", choices=tools.FIT_POSTS, default="gebiedsopdracht", help=plain(texts.ARG_POST)
    )
    _holds(fit)

    couleur = _tool_parser(commands, "couleur-locale")
    couleur.add_argument("--year", type=int, required=True, help=plain(texts.ARG_YEAR))
    couleur.add_argument(
        "--min-share", required=True, metavar="PCT", help=plain(texts.ARG_MIN_SHARE)
    )
    _holds(couleur)

    copy = _tool_parser(commands, "copy-year")
    copy.add_argument(
        "--from", dest="source", type=int, required=True, help=plain(texts.ARG_FROM_YEAR)
    )
    copy.add_argument("--to", dest="target", type=int, required=True, help=plain(texts.ARG_TO_YEAR))
    copy.add_argument("--index", default="0%", metavar="PCT", help=plain(texts.ARG_INDEX))


def _tool_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=plain(HELP[name]), description=HELP[name])
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--reason", default="", metavar="TEKST", help=plain(texts.ARG_TOOL_REASON))
    parser.add_argument("--dry-run", action="store_true", help=plain(texts.ARG_DRY_RUN))
    return parser


def _holds(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hold", action="append", default=[], metavar="GEBIED", help=plain(texts.ARG_HOLD)
    )


def _distribute(scenario: Scenario, options: argparse.Namespace) -> tools.ToolPlan:
    return tools.distribute(
        scenario,
        options.year,
        key=options.key,
        holds=tools.resolve_holds(scenario, options.hold),
        floor=parse_euros(options.floor) if options.floor is not None else None,
        clear=options.all,
        unit=parse_euros(options.unit),
        reason=audit.reason(options.reason),
    )


def _fit(scenario: Scenario, options: argparse.Namespace) -> tools.ToolPlan:
    return tools.fit(
        scenario,
        options.year,
        post=options.post,
        holds=tools.resolve_holds(scenario, options.hold),
        reason=audit.reason(options.reason),
    )


def _couleur_locale(scenario: Scenario, options: argparse.Namespace) -> tools.ToolPlan:
    return tools.raise_couleur_locale(
        scenario,
        options.year,
        min_share=parse_percent(options.min_share),
        holds=tools.resolve_holds(scenario, options.hold),
        reason=audit.reason(options.reason),
    )


def _copy_year(scenario: Scenario, options: argparse.Namespace) -> tools.ToolPlan:
    return tools.copy_year(
        scenario,
        options.source,
        options.target,
        index=parse_percent(options.index),
        reason=audit.reason(options.reason),
    )


PLANNERS: dict[str, Planner] = {
    "distribute": _distribute,
    "fit": _fit,
    "couleur-locale": _couleur_locale,
    "copy-year": _copy_year,
}


def run(options: argparse.Namespace) -> int:
    """Preview, and unless ``--dry-run`` apply and save, the tool ``options.command`` names."""
    path = locations.scenario_path(options.file)
    if options.dry_run:
        _preview(options, storage.load(path).scenario)
        say(texts.TOOL_DRY_RUN)
        return 0
    if locations.is_bundled(path):
        raise ProblemsError(
            [Problem(options.file, "", texts.BUNDLED_READ_ONLY, texts.FIX_TOOL_BUNDLED)]
        )
    with storage.write_lock(path) as real:  # read, apply and write as one step
        document = storage.load(path)
        plan = _preview(options, document.scenario)
        if not plan.changes:
            say(texts.TOOL_NOTHING_SAVED)
            return 0
        try:
            plan.apply(document.scenario, who=audit.current_user(), when=audit.now())
        except EditError as error:  # a check only applying makes; nothing was written
            raise ProblemsError(
                [Problem(options.file, options.command, str(error), texts.FIX_TOOL)]
            ) from None
        storage.save_locked(document, real)
    say(
        texts.TOOL_APPLIED.format(
            cells=tools.cells_count(len(plan.changes)), file=literal(options.file)
        )
    )
    return 0


def _preview(options: argparse.Namespace, scenario: Scenario) -> tools.ToolPlan:
    """Make the plan and print it; a refusal becomes a problem with the file."""
    try:
        plan = PLANNERS[options.command](scenario, options)
    except (AmountInputError, EditError) as error:
        raise ProblemsError(
            [Problem(options.file, options.command, str(error), texts.FIX_TOOL)]
        ) from None
    for line in preview_lines(plan):
        say(line)
    return plan
