"""The commands, in one table: from it come the parser, ``--help``'s overview, the
dispatch to each handler and the commands a client may run over SSH.

Each :class:`Command` has its name, the catalogue name of what it does, its
arguments as data (:class:`Argument`) and its handler. The planning tools' commands
are made from the tools' own descriptions (:mod:`gebiedsplanner.core.tools`), so a
new tool is a command without an entry here. Handlers are imported when their
command runs, and the tools when a command or ``--help`` needs them: starting the
app loads this table and nothing of what the commands do.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gebiedsplanner.cli.arguments import (
    HIDDEN,
    Argument,
    Command,
    Handler,
    Parser,
    Text,
    plain,
    said,
    signed_values,
)
from gebiedsplanner.core import tools
from gebiedsplanner.core.server_limits import DEFAULT_LIMITS, MOST_LIMIT, Limit
from gebiedsplanner.i18n import language, texts

if TYPE_CHECKING:
    from gebiedsplanner.core.tools.description import Given, Param, Tool


#: The values of the exports' and comparison's choices (the formats: as in
#: :mod:`gebiedsplanner.exports.formats`, which a starting app does not load).
LAYOUTS, DIALECTS, FORMATS = ("long", "wide"), ("standard", "nl"), ("csv", "xlsx")
REPORT_FORMATS = ("html", "pdf")
#: The shells ``completion`` writes a script for.
SHELLS = ("bash", "zsh")
_FILE = Argument(("file",), "ARG_FILE", "FILE", ssh=True, scenario=True)
_DIALECT = Argument(("--dialect",), "ARG_DIALECT", choices=DIALECTS, default="standard", ssh=True)
#: ``--lang``: taken out by ``main`` wherever it stands (before or after the command);
#: every command lists it, so its ``--help`` and the shell's completion know it.
LANG = Argument(("--lang",), "ARG_LANG", choices=language.LANGUAGES)


def _output(metavar: str, help: str) -> Argument:
    """``-o``: where the output goes; over SSH only ``-``, standard output (where an
    output goes without ``-o`` too, but the comparison's table)."""
    return Argument(("-o", "--output"), help, metavar, ssh=True, ssh_values=("-",))


def _port(text: str) -> int:
    """A TCP port number (0: one the system finds free)."""
    port = int(text)  # not a number: argparse says so
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(texts.BAD_PORT)
    return port


def _limit(text: str) -> int:
    """A server's limit: a whole number, at least 1 (0 would let nobody in) and at most
    :data:`MOST_LIMIT` (seconds beyond a float's range would stop every session)."""
    value = int(text)  # not a number: argparse says so
    if not 1 <= value <= MOST_LIMIT:
        raise argparse.ArgumentTypeError(texts.BAD_LIMIT)
    return value


def _limit_options() -> tuple[Argument, ...]:
    """``--max-...``: an option per limit of :class:`Limits`, with its default."""
    return tuple(
        Argument(
            (limit.option,),
            help=limit.help,
            metavar="N",
            dest=limit.field,
            type=_limit,
            default=DEFAULT_LIMITS.value(limit),
        )
        for limit in Limit
    )


#: The commands before the planning tools', in the order of ``--help``'s overview.
BEFORE_TOOLS = (
    Command(
        "validate",
        "CMD_VALIDATE",
        (
            Argument(("files",), "ARG_FILES", "FILE", nargs="+", scenario=True),
            Argument(("--strict",), flag=True, help="ARG_STRICT"),
        ),
        Handler("plans", "validate"),
    ),
    Command("summary", "CMD_SUMMARY", (_FILE,), Handler("plans", "summary"), ssh=True),
    Command(
        "move",
        "CMD_MOVE",
        (
            _FILE,
            Argument(
                ("--from",), "ARG_FROM", Text("METAVAR_ADDRESS"), dest="source", required=True
            ),
            Argument(("--to",), "ARG_TO", Text("METAVAR_ADDRESS"), dest="target", required=True),
            # signed: "-10%" is read (and refused, saying why), not taken for an option
            Argument(("--amount",), "ARG_AMOUNT", "N", required=True, signed=True),
            Argument(("--reason",), default="", metavar=Text("METAVAR_TEXT"), help="ARG_REASON"),
        ),
        Handler("plans", "move"),
    ),
    Command(
        "note",
        "CMD_NOTE",
        (
            _FILE,
            Argument(("gebied",), metavar=Text("METAVAR_GEBIED"), help="ARG_NOTE_GEBIED"),
            Argument(("text",), metavar=Text("METAVAR_TEXT"), help="ARG_NOTE_TEXT"),
        ),
        Handler("plans", "note"),
    ),
    Command(
        "export",
        "CMD_EXPORT",
        (
            _FILE,
            _output("OUT", "ARG_EXPORT_OUT"),
            Argument(("--layout",), "ARG_LAYOUT", choices=LAYOUTS, default="long", ssh=True),
            _DIALECT,
            Argument(("--format",), choices=FORMATS, help="ARG_EXPORT_FORMAT", ssh=True),
        ),
        Handler("outputs", "export"),
        ssh=True,
    ),
    Command(
        "compare",
        "CMD_COMPARE",
        (
            Argument(("base",), "ARG_BASE", "BASE", ssh=True, scenario=True),
            Argument(("variants",), "ARG_VARIANTS", "VARIANT", nargs="+", ssh=True, scenario=True),
            _output("diff.csv", "ARG_COMPARE_OUT"),
            Argument(("--all",), flag=True, help="ARG_COMPARE_ALL", ssh=True),
            # Only changes is the default now (as in the app); the old option still works.
            Argument(("--only-changes",), flag=True, help=HIDDEN),
            Argument(("--largest-first",), flag=True, help="ARG_LARGEST_FIRST", ssh=True),
            _DIALECT,
            Argument(("--format",), choices=FORMATS, help="ARG_COMPARE_FORMAT", ssh=True),
        ),
        Handler("outputs", "compare"),
        ssh=True,
    ),
    Command(
        "report",
        "CMD_REPORT",
        (
            _FILE,
            Argument(
                ("variants",), "ARG_REPORT_VARIANTS", "VARIANT", nargs="*", ssh=True, scenario=True
            ),
            _output("rapport.html", "ARG_REPORT_OUT"),
            Argument(("--format",), choices=REPORT_FORMATS, help="ARG_REPORT_FORMAT", ssh=True),
        ),
        Handler("outputs", "report"),
        ssh=True,
    ),
)
#: The commands after the planning tools'.
AFTER_TOOLS = (
    Command(
        "ssh-serve",
        "CMD_SSH_SERVE",
        (
            Argument(("--host",), default="127.0.0.1", help="ARG_HOST"),
            Argument(("--port",), type=_port, default=2222, help="ARG_PORT"),
            Argument(
                ("--authorized-keys",), required=True, metavar="FILE", help="ARG_AUTHORIZED_KEYS"
            ),
            Argument(("--scenario-dir",), repeat=True, help="ARG_SCENARIO_DIR"),
            Argument(("--host-key",), metavar="FILE", help="ARG_HOST_KEY"),
            *_limit_options(),
        ),
        Handler("app_start", "ssh_serve"),
    ),
    Command(
        "completion",
        "CMD_COMPLETION",
        (Argument(("shell",), "ARG_SHELL", "SHELL", choices=SHELLS),),
        Handler("completion", "completion"),
    ),
)
#: The command the completion scripts run to list the scenarios' names (one a line):
#: answered by ``main`` before the table, so no ``--help`` or overview lists it.
SCENARIO_NAMES = "__scenario-names"


def is_command(word: str) -> bool:
    """``word`` names a command (else it is a scenario to open); loads no tool."""
    return word in command_names()


def command_names() -> list[str]:
    """Every command's name, in the overview's order; loads no tool."""
    return [
        *(command.name for command in BEFORE_TOOLS),
        *tools.CODES,
        *(command.name for command in AFTER_TOOLS),
    ]


def every_command() -> tuple[Command, ...]:
    """Every command, in the overview's order (the planning tools' loaded to describe them)."""
    return (*BEFORE_TOOLS, *map(tool_command, tools.every_tool()), *AFTER_TOOLS)


def command_named(name: str) -> Command:
    """The command ``name`` (one of :func:`command_names`)."""
    if name in tools.CODES:
        return tool_command(tools.tool_for(name))
    return next(command for command in (*BEFORE_TOOLS, *AFTER_TOOLS) if command.name == name)


def over_ssh() -> dict[str, Command]:
    """The commands a client may run over SSH, by name (the tools change files: never)."""
    return {command.name: command for command in (*BEFORE_TOOLS, *AFTER_TOOLS) if command.ssh}


def command_help(help_name: str) -> str:
    """What a command does, in the language of the moment (``help_name``: a catalogue name)."""
    return said(help_name)


def overview() -> str:
    """Every command with what it does, for ``gebiedsplanner --help``."""
    listed = every_command()
    width = max(len(command.name) for command in listed)
    lines = [
        f"  gebiedsplanner {command.name:<{width}}  {command_help(command.help)}"
        for command in listed
    ]
    return "\n".join([texts.OVERVIEW_HEAD, *lines, texts.OVERVIEW_TAIL])


def parser(made: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """The parser of every command, each with its arguments and what it does (added to
    ``made``, a parser with options of its own, where given)."""
    made = Parser(prog="gebiedsplanner") if made is None else made
    subparsers = made.add_subparsers(dest="command", required=True)
    for command in every_command():
        text = command_help(command.help)
        sub = subparsers.add_parser(command.name, help=plain(text), description=text)
        for argument in (*command.arguments, LANG):
            argument.add_to(sub)
    return made


def arguments_of(command_name: str) -> tuple[Argument, ...]:
    """What ``command_name`` takes, as its parser has them (``--lang`` too)."""
    return (*command_named(command_name).arguments, LANG)


def parse(args: Sequence[str]) -> argparse.Namespace:
    """``args`` (a command and its arguments) read by :func:`parser`, or argparse's exit."""
    return parser().parse_args(list(signed_values(args, command_named(args[0]).arguments)))


# -- the planning tools' commands, from their descriptions ---------------------------

#: A parameter's value in ``--help``, by its kind, where the parameter names none.
_METAVARS: dict[str, str | Text] = {
    "amount": Text("METAVAR_AMOUNT"),
    "percent": "PCT",
    "names": Text("METAVAR_GEBIED"),
    "text": Text("METAVAR_TEXT"),
}


def tool_command(tool: Tool) -> Command:
    """The command of a planning tool: its file, ``--reason``, ``--dry-run`` and its
    parameters as options; the tool's handler in :mod:`gebiedsplanner.cli.plans`."""
    from gebiedsplanner.core.tools.description import REASON

    return Command(
        tool.code,
        tool.help,
        (
            _FILE,
            _option(REASON),
            Argument(("--dry-run",), flag=True, help="ARG_DRY_RUN"),
            *map(_option, tool.params),
        ),
        Handler("plans", "run_tool"),
    )


def _option(param: Param) -> Argument:
    from gebiedsplanner.core.tools.description import Kind

    return Argument(
        (param.option,),
        help=param.help,
        metavar=param.metavar or _METAVARS.get(param.kind, ""),
        dest=_dest(param),
        choices=param.choices,
        required=param.required,
        flag=param.kind is Kind.FLAG,
        repeat=param.kind is Kind.NAMES,
        signed=param.kind is Kind.PERCENT,
    )


def _dest(param: Param) -> str:
    return param.name.replace("-", "_")


def given(tool: Tool, options: argparse.Namespace) -> dict[str, Given]:
    """What the command line was given for each of ``tool``'s parameters (a year as
    its digits), to be read as the dialog's fields are: by the parameters themselves."""
    found: dict[str, Given] = {}
    for param in tool.every_param:
        value = getattr(options, _dest(param))
        found[param.name] = str(value) if type(value) is int else value
    return found
