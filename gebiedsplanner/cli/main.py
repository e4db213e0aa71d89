"""The command line: ``gebiedsplanner [SCENARIO]`` opens the app; subcommands work without it.

Every command runs on the same pure core as the app. Problems are printed as
``file: place: message`` plus a fix, and the exit code is 1; a traceback never
reaches the user: an unexpected error is written to a crash log, and the user
reads one line saying where it is.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from gebiedsplanner import __version__
from gebiedsplanner.cli import app_start, commands
from gebiedsplanner.cli.console import (
    fall_back_where_unencodable,
    output_failure,
    print_problems,
    stdout_to_devnull,
)
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.disk import crash_log
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings import locations

# The commands are in one table (:mod:`~gebiedsplanner.cli.commands`); what a command
# does is imported when it runs, and a suggestion for a mistyped one when it is needed:
# starting the app loads none of it.


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gebiedsplanner`` command; returns the exit code.

    A reader that stops reading (``| head``, a pager closed early) ends every command
    the same way, ``--help`` included: exit code 0, nothing on standard error. What
    the command did stays done (a tool's change is saved whether or not its preview
    was read to the end).
    """
    try:
        try:
            return _main(list(sys.argv[1:] if argv is None else argv))
        finally:  # also after argparse's exit: what --help left in the buffer
            if sys.stdout is not None:  # None when started with standard output closed
                sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped reading: not our error, nothing to say
        stdout_to_devnull()
        return 0


def _main(args: list[str]) -> int:
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
    if args[:1] == [commands.SCENARIO_NAMES]:  # for the shell's completion, listed nowhere
        for name in locations.scenario_names():
            print(literal(name))
        return 0
    if args and commands.is_command(args[0]):
        if "--version" in _options(args):  # after a command too (before it: argparse's)
            print(f"gebiedsplanner {__version__}")
            return 0
        fall_back_where_unencodable(screen=False)
        options = commands.parse(args)
        handler = commands.command_named(options.command).handler
        return _reporting_problems(handler, options, texts.CRASH_COMMAND, command=options.command)
    fall_back_where_unencodable(screen=True)
    suggestion = _misspelled(args[0]) if args else None
    if suggestion:
        print(suggestion, file=sys.stderr)
        return 2
    options = app_start.parser().parse_args(args)
    return _reporting_problems(app_start.run_app, options, texts.CRASH_START)


def _options(args: list[str]) -> list[str]:
    """``args`` before ``--`` (after it, every word is a file)."""
    return args[: args.index("--")] if "--" in args else args


def _asks_about_the_program(args: list[str]) -> bool:
    """``--version`` or ``--help`` (or ``-h``, or a shortening argparse takes, ``--vers``)
    among the options: answered even when the config file is bad."""
    options = _options(args)
    asking = ("--help", "--version")
    return any(
        arg == "-h" or (len(arg) > 2 and any(option.startswith(arg) for option in asking))
        for arg in options
    )


def _take_language(args: list[str]) -> str | None:
    """``--lang en`` or ``--lang=en``, before or after the command (not after ``--``,
    where every word is a file): taken out of ``args``; the last one counts, as with
    any option. ``--lang`` with nothing after it is left for argparse to refuse."""
    chosen = None
    index = 0
    while index < len(args) and args[index] != "--":
        word = args[index]
        if word == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
            del args[index : index + 2]
        elif word.startswith("--lang="):
            chosen = args.pop(index).partition("=")[2]
        else:
            index += 1
    return chosen


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
    except BrokenPipeError:  # said by main(), as for every command
        raise
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


def _misspelled(word: str) -> str | None:
    """What to say when ``word`` is no file but looks like a command mistyped (``sumary``)."""
    if word.startswith("-") or os.path.lexists(word) or word.endswith(".toml"):
        return None
    import difflib  # only for a word that is no command

    close = difflib.get_close_matches(word, commands.command_names(), n=1, cutoff=0.75)
    if not close:
        return None
    return texts.UNKNOWN_COMMAND.format(word=literal(word), command=close[0])
