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
from fractions import Fraction

from gebiedsplanner.cli.arguments import plain
from gebiedsplanner.cli.console import print_problems, say
from gebiedsplanner.core import audit
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import AmountInputError, parse_euros, parse_percent
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import EditError, Scenario
from gebiedsplanner.core.tools.copy_year import copy_year
from gebiedsplanner.core.tools.couleur_locale import raise_couleur_locale
from gebiedsplanner.core.tools.distribute import KEYS, distribute
from gebiedsplanner.core.tools.fit import FIT_POSTS, fit
from gebiedsplanner.core.tools.plans import ToolPlan, cells_count, resolve_holds
from gebiedsplanner.core.tools.report import preview_lines
from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings import locations

Planner = Callable[[Scenario, argparse.Namespace], ToolPlan]


def add_parsers(add: Callable[[str], argparse.ArgumentParser]) -> None:
    """The four tool commands, each with its options; ``add`` makes a command's parser
    with what it does (the command table, ``cli.HELP``)."""
    distribute = _tool_parser(add, "distribute")
    distribute.add_argument("--year", type=int, required=True, help=plain(texts.ARG_YEAR))
    distribute.add_argument(
        "--key", choices=KEYS, default="begroting", help=plain(texts.ARG_KEY)
    )
    _holds(distribute)
    distribute.add_argument("--floor", metavar=texts.METAVAR_AMOUNT, help=plain(texts.ARG_FLOOR))
    distribute.add_argument("--all", action="store_true", help=plain(texts.ARG_ALL))
    distribute.add_argument(
        "--unit", metavar=texts.METAVAR_AMOUNT, default="1", help=plain(texts.ARG_UNIT)
    )

    fit = _tool_parser(add, "fit")
    fit.add_argument("--year", type=int, required=True, help=plain(texts.ARG_YEAR))
    fit.add_argument(
        "--post", choices=FIT_POSTS, default="gebiedsopdracht", help=plain(texts.ARG_POST)
    )
    _holds(fit)

    couleur = _tool_parser(add, "couleur-locale")
    couleur.add_argument("--year", type=int, required=True, help=plain(texts.ARG_YEAR))
    couleur.add_argument(
        "--min-share", required=True, metavar="PCT", help=plain(texts.ARG_MIN_SHARE)
    )
    _holds(couleur)

    copy = _tool_parser(add, "copy-year")
    copy.add_argument(
        "--from", dest="source", type=int, required=True, help=plain(texts.ARG_FROM_YEAR)
    )
    copy.add_argument("--to", dest="target", type=int, required=True, help=plain(texts.ARG_TO_YEAR))
    copy.add_argument("--index", default="0%", metavar="PCT", help=plain(texts.ARG_INDEX))


def _tool_parser(
    add: Callable[[str], argparse.ArgumentParser], name: str
) -> argparse.ArgumentParser:
    parser = add(name)
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--reason", default="", metavar=texts.METAVAR_TEXT, help=plain(texts.ARG_TOOL_REASON)
    )
    parser.add_argument("--dry-run", action="store_true", help=plain(texts.ARG_DRY_RUN))
    return parser


def _holds(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hold",
        action="append",
        default=[],
        metavar=texts.METAVAR_GEBIED,
        help=plain(texts.ARG_HOLD),
    )


class OptionReader:
    """A command's options, each read with a refusal that names the option and its fix."""

    def __init__(self, scenario: Scenario, options: argparse.Namespace) -> None:
        self.scenario, self.options = scenario, options

    def refused(self, option: str, message: str, fix: str) -> ProblemsError:
        return ProblemsError([Problem(self.options.file, option, message, fix)])

    def amount(self, option: str, text: str) -> int:
        try:
            return parse_euros(text)
        except AmountInputError as error:
            raise self.refused(option, str(error), texts.FIX_AMOUNT_TYPED) from None

    def percent(self, option: str, text: str) -> Fraction:
        try:
            return parse_percent(text)
        except AmountInputError as error:
            raise self.refused(option, str(error), texts.FIX_PERCENT_TYPED) from None

    def year(self, option: str, year: int) -> int:
        try:
            return self.scenario.check_year(year)
        except EditError as error:
            raise self.refused(option, str(error), texts.FIX_TOOL_YEAR) from None

    def holds(self) -> tuple[str, ...]:
        try:
            return resolve_holds(self.scenario, self.options.hold)
        except EditError as error:
            raise self.refused("--hold", str(error), texts.FIX_HOLD) from None

    def reason(self) -> str:
        try:
            return audit.reason(self.options.reason)
        except EditError as error:
            raise self.refused("--reason", str(error), texts.FIX_REASON) from None


def _distribute(scenario: Scenario, options: argparse.Namespace) -> ToolPlan:
    read = OptionReader(scenario, options)
    unit = read.amount("--unit", options.unit)
    if unit < 1:
        raise read.refused("--unit", texts.TOOL_BAD_UNIT, texts.FIX_UNIT)
    return distribute(
        scenario,
        read.year("--year", options.year),
        key=options.key,
        holds=read.holds(),
        floor=read.amount("--floor", options.floor) if options.floor is not None else None,
        clear=options.all,
        unit=unit,
        reason=read.reason(),
    )


def _fit(scenario: Scenario, options: argparse.Namespace) -> ToolPlan:
    read = OptionReader(scenario, options)
    return fit(
        scenario,
        read.year("--year", options.year),
        post=options.post,
        holds=read.holds(),
        reason=read.reason(),
    )


def _couleur_locale(scenario: Scenario, options: argparse.Namespace) -> ToolPlan:
    read = OptionReader(scenario, options)
    return raise_couleur_locale(
        scenario,
        read.year("--year", options.year),
        min_share=read.percent("--min-share", options.min_share),
        holds=read.holds(),
        reason=read.reason(),
    )


def _copy_year(scenario: Scenario, options: argparse.Namespace) -> ToolPlan:
    read = OptionReader(scenario, options)
    return copy_year(
        scenario,
        read.year("--from", options.source),
        read.year("--to", options.target),
        index=read.percent("--index", options.index),
        reason=read.reason(),
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
        print_problems(storage.save_locked(document, real))
    say(
        texts.TOOL_APPLIED.format(
            cells=cells_count(len(plan.changes)), file=literal(options.file)
        )
    )
    return 0


def _preview(options: argparse.Namespace, scenario: Scenario) -> ToolPlan:
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
