"""The commands that read or change a plan: ``validate``, ``summary``, ``move`` and the
planning tools (``distribute``, ``fit``, ``couleur-locale``, ``copy-year``).

A change is made under the file's write lock: read, change and write as one step,
so no colleague's save is lost in between (:func:`change_saved`, for ``move`` and
every tool alike). A tool shows its preview (a row per gebied, the check line, the
notes) and, unless ``--dry-run``, applies the plan as one change-log entry. A
refusal names the option and its fix, changes nothing and exits 1.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

from gebiedsplanner.cli import commands
from gebiedsplanner.cli.console import print_problems, say
from gebiedsplanner.core import audit, tools
from gebiedsplanner.core.amount_entry import move_entry
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import AmountInputError, format_amount
from gebiedsplanner.core.policy import violations
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Cell, EditError, Scenario, check_note
from gebiedsplanner.core.tools.description import REASON, BadParameter, Param, Tool
from gebiedsplanner.core.tools.plans import ToolPlan, cells_count
from gebiedsplanner.core.tools.report import preview_lines
from gebiedsplanner.editing import storage
from gebiedsplanner.format.model_builders import parse_address
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings import locations

_T = TypeVar("_T")


def validate(options: argparse.Namespace) -> int:
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


def summary(options: argparse.Namespace) -> int:
    from gebiedsplanner.core.summary import summary_lines

    document = storage.load(locations.scenario_path(options.file))
    for line in summary_lines(document.scenario):
        print(line)
    return 0


def change_saved(file: str, change: Callable[[Scenario], _T], bundled_fix: str) -> _T:
    """Lock ``file``, load it, ``change`` its scenario and save it, as one step.

    Writers of one scenario take turns, a step at a time; the scenario's folder is held
    only for the write itself (see :class:`storage.Held`), so a long tool run never holds
    up a save of another scenario. A step whose write cannot be trusted (the lock file
    was replaced, or the file changed under it) is done again on the file as it is now.
    ``change`` returns what it did; when it added nothing to the change log there is
    nothing to save. The bundled example is never changed (``bundled_fix`` says what to
    do instead), asked at every step: a link may be put in the file's place meanwhile.
    """
    path = locations.scenario_path(file)

    def read_change_write(held: storage.Held) -> _T:
        if locations.is_bundled(held.real):
            raise ProblemsError([Problem(file, "", texts.BUNDLED_READ_ONLY, bundled_fix)])
        document = storage.load(path)
        logged = len(document.scenario.log)
        done = change(document.scenario)
        if len(document.scenario.log) > logged:
            print_problems(storage.save_locked(document, held))
        return done

    return storage.under_lock(path, read_change_write)


def _refused(file: str, option: str, message: str, fix: str) -> ProblemsError:
    return ProblemsError([Problem(file, option, message, fix)])


def _read(param: Param, given: str, scenario: Scenario, file: str) -> object:
    """``given`` read as ``param`` (the tools' reading), a refusal naming the option."""
    try:
        return param.read(given, scenario)
    except BadParameter as refusal:
        raise _refused(file, refusal.option, str(refusal), refusal.fix) from None


def _cell(scenario: Scenario, text: str, file: str, option: str) -> Cell:
    cell = parse_address(text)
    if cell is None:
        message = texts.BAD_ADDRESS.format(text=literal(text))
        raise _refused(file, option, message, texts.FIX_ADDRESS)
    try:
        return scenario.resolve_cell(cell.owner, cell.post, cell.year)
    except EditError as error:
        raise _refused(file, option, str(error), texts.FIX_ADDRESS) from None


def move(options: argparse.Namespace) -> int:
    file = options.file

    def moved(scenario: Scenario) -> str:
        source = _cell(scenario, options.source, file, "--from")
        target = _cell(scenario, options.target, file, "--to")
        if source.year != target.year:  # the cells, not the amount, are wrong
            raise _refused(file, "--to", texts.MOVE_SAME_YEAR, texts.FIX_MOVE_SAME_YEAR)
        if source == target:
            raise _refused(file, "--to", texts.MOVE_SAME_CELL, texts.FIX_MOVE_OTHER_CELL)
        try:
            entry = move_entry(options.amount, scenario.amount(source))
        except AmountInputError as error:
            raise _refused(file, "--amount", str(error), texts.FIX_MOVE_AMOUNT) from None
        amount = entry.amount
        if amount <= 0:
            raise _refused(file, "--amount", texts.MOVE_AMOUNT_POSITIVE, texts.FIX_MOVE_POSITIVE)
        reason = str(_read(REASON, options.reason, scenario, file))
        try:
            scenario.move(
                source, target, amount, who=audit.current_user(), when=audit.now(), reason=reason
            )
        except EditError as error:  # more than the source holds
            raise _refused(file, "--amount", str(error), texts.FIX_MOVE) from None
        return texts.MOVED.format(
            amount=entry.shown,
            source=literal(source.address),
            target=literal(target.address),
            year=source.year,
            room=format_amount(scenario.totals(source.year).room),
            file=literal(file),
        )

    print(change_saved(file, moved, texts.FIX_BUNDLED_READ_ONLY))
    return 0


def note(options: argparse.Namespace) -> int:
    """Set (or with an empty text remove) the note of a gebied, under the write lock."""
    file = options.file
    gebied_place, text_place = texts.METAVAR_GEBIED, texts.METAVAR_TEXT

    def noted(scenario: Scenario) -> str:
        try:
            gebied = scenario.resolve_owner(options.gebied)
            scenario.note(gebied)  # the stedelijk posts have no note
        except EditError as error:
            raise _refused(file, gebied_place, str(error), texts.FIX_NOTE_GEBIED) from None
        text = options.text.strip()
        problem = check_note(text)
        if problem:
            raise _refused(file, text_place, problem, texts.FIX_NOTE_TEXT)
        said = {"gebied": literal(gebied), "file": literal(file)}
        if scenario.note(gebied) == text:
            return texts.NOTE_UNCHANGED.format(**said)
        scenario.set_note(gebied, text, who=audit.current_user(), when=audit.now())
        return (texts.NOTE_SET if text else texts.NOTE_REMOVED).format(**said)

    print(change_saved(file, noted, texts.FIX_BUNDLED_READ_ONLY))
    return 0


def run_tool(options: argparse.Namespace) -> int:
    """Preview, and unless ``--dry-run`` apply and save, the tool ``options.command`` names."""
    tool = tools.tool_for(options.command)
    if options.dry_run:
        scenario = storage.load(locations.scenario_path(options.file)).scenario
        _print_preview(_plan(tool, options, scenario))
        say(texts.TOOL_DRY_RUN)
        return 0

    def applied(scenario: Scenario) -> ToolPlan:
        plan = _plan(tool, options, scenario)
        if plan.changes:
            try:
                plan.apply(scenario, who=audit.current_user(), when=audit.now())
            except EditError as error:  # a check only applying makes; nothing was written
                raise _refused(options.file, options.command, str(error), texts.FIX_TOOL) from None
        return plan

    plan = change_saved(options.file, applied, texts.FIX_TOOL_BUNDLED)
    _print_preview(plan)
    if not plan.changes:
        say(texts.TOOL_NOTHING_SAVED)
        return 0
    say(texts.TOOL_APPLIED.format(cells=cells_count(len(plan.changes)), file=literal(options.file)))
    return 0


def _plan(tool: Tool, options: argparse.Namespace, scenario: Scenario) -> ToolPlan:
    """The tool's plan; a refusal becomes a problem with the file."""
    try:
        return tool.plan(scenario, commands.given(tool, options))
    except BadParameter as refusal:
        raise _refused(options.file, refusal.option, str(refusal), refusal.fix) from None
    except (AmountInputError, EditError) as error:
        raise _refused(options.file, options.command, str(error), texts.FIX_TOOL) from None


def _print_preview(plan: ToolPlan) -> None:
    """A row per gebied, the check line and the notes."""
    for line in preview_lines(plan):
        say(line)
