"""What ``ssh host COMMAND`` may run on ``ssh-serve``: read-only commands, on served scenarios.

The command table (:mod:`gebiedsplanner.cli.commands`) marks the commands a client may
run and the options it may give them, those that only choose what is shown: today
``summary FILE``, ``export FILE``, ``compare BASE VARIANT...`` and ``report FILE
[VARIANT...]``, each writing to standard output (``-o -``, or no ``-o``), never a file
on the server: a manager fetches an export with ``ssh host export plan --format xlsx >
plan.xlsx``.
A file is named as the library lists it: a file name (``klein.toml``, or ``klein``) in
one of the served folders, the first folder that has it; never a path, never through a
link that leads out of its folder. Anything else is refused in one line that says why;
nothing runs. So are files that come to more than a command may read, said from their
sizes before any of them is read.
"""

from __future__ import annotations

import os
import shlex
import stat
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from gebiedsplanner.cli.arguments import Command
from gebiedsplanner.cli.commands import over_ssh
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.server_limits import (
    COMMAND_LIMIT,
    DEFAULT_LIMITS,
    MOST_FILES,
    Limit,
    Limits,
    megabytes,
)
from gebiedsplanner.disk.reading import real_path
from gebiedsplanner.exports.formats import Format
from gebiedsplanner.i18n import texts

SUFFIX = ".toml"


class Refused(Exception):
    """The command does not run; the message says why, in one line; ``limit``: the one
    of the server's limits it would break, if that is why."""

    def __init__(self, message: str, limit: Limit | None = None) -> None:
        super().__init__(message)
        self.limit = limit


def tool_arguments(
    command: str, folders: list[Path], limits: Limits = DEFAULT_LIMITS, *, terminal: bool = False
) -> list[str]:
    """The planner's arguments for ``command`` (what the client asked to run), its files
    as absolute paths in ``folders``; :class:`Refused` says why it cannot run.
    ``terminal``: the client asked for one (``ssh -t``), where a workbook or a PDF would
    land as the local command refuses to write it (the command itself writes to a pipe,
    and cannot tell)."""
    if len(command) > COMMAND_LIMIT:
        raise Refused(texts.SSH_COMMAND_TOO_LONG)
    try:
        words = shlex.split(command)
    except ValueError:
        raise Refused(texts.SSH_COMMAND_UNREADABLE) from None
    allowed = over_ssh()
    if not words or words[0] not in allowed:
        raise Refused(texts.SSH_COMMAND_UNKNOWN)
    name, *rest = words
    may = _Allowed.of(allowed[name])
    options: list[str] = []
    files: list[str] = []
    given = iter(rest)
    for word in given:
        option, _, value = word.partition("=")
        if word in may.flags:
            options.append(word)
        elif option in may.choices:
            value = value or next(given, "")
            if value not in may.choices[option]:
                allowed_values = ", ".join(sorted(may.choices[option]))
                raise Refused(
                    texts.SSH_COMMAND_CHOICE.format(option=option, allowed=allowed_values)
                )
            options += [option, value]
        elif word.startswith("-"):
            local = option in _LOCAL_ONLY
            why = texts.SSH_COMMAND_OPTION_LOCAL if local else texts.SSH_COMMAND_OPTION
            raise Refused(why.format(option=literal(word), command=name, takes=may.takes()))
        else:
            files.append(str(served_file(word, folders)))
    if not may.least_files <= len(files) <= may.most_files:
        raise Refused(texts.SSH_COMMAND_FILES)
    if terminal:
        _not_binary(options)
    _within_reading(files, limits)
    return [name, *options, *files]


#: Options every command takes on the command line, never over SSH: the server answers
#: in its own language, and its help and version describe the commands as run on one's
#: own computer, options a client may not give included.
_LOCAL_ONLY = frozenset(("--lang", "--help", "-h", "--version"))


class _Allowed(NamedTuple):
    """What a command may be given over SSH, read from its entry in the command table."""

    least_files: int
    most_files: int
    flags: frozenset[str]
    choices: dict[str, frozenset[str]]
    shown: tuple[str, ...]

    def takes(self) -> str:
        """The options it takes, as a refusal names them: ``--format html|pdf, -o -``."""
        return ", ".join(self.shown) or texts.SSH_COMMAND_NO_OPTIONS

    @classmethod
    def of(cls, command: Command) -> _Allowed:
        files = [argument for argument in command.arguments if argument.positional]
        least = sum(1 for argument in files if argument.nargs in ("", "+"))
        several = any(argument.nargs in ("+", "*") for argument in files)
        options = [a for a in command.arguments if a.ssh and not a.positional]
        flags = frozenset(name for option in options if option.flag for name in option.names)
        choices = {
            name: frozenset(option.ssh_values or option.choices)
            for option in options
            if not option.flag
            for name in option.names
        }
        shown = tuple(
            option.names[0] if option.flag
            else f"{option.names[0]} {'|'.join(option.ssh_values or option.choices or ())}"
            for option in options
        )  # fmt: skip
        return cls(least, MOST_FILES if several else least, flags, choices, shown)


def _not_binary(options: list[str]) -> None:
    """Refuse a workbook or a PDF (``--format``) onto the client's terminal."""
    given = next((value for option, value in pairwise(options) if option == "--format"), None)
    if given == Format.PDF.value:
        why, file = texts.PDF_TO_TERMINAL, "rapport.pdf"
    elif given == Format.XLSX.value:
        why, file = texts.WORKBOOK_TO_TERMINAL, "plan.xlsx"
    else:
        return
    raise Refused(texts.SSH_COMMAND_TO_TERMINAL.format(why=why, file=file))


def _within_reading(files: list[str], limits: Limits) -> None:
    """Refuse files that come to more than one command may read: a comparison of three
    31 MB scenarios took 22,6 s and 850 MB. Their sizes are what the tool would read
    (the same file named twice is read twice)."""
    try:
        size = sum(os.stat(file).st_size for file in files)
    except OSError as gone:  # removed since it was found
        name = literal(Path(str(gone.filename)).name)
        raise Refused(texts.SSH_COMMAND_NO_FILE.format(name=name)) from None
    if size > limits.command_bytes:
        limit = Limit.COMMAND_MEGABYTES
        raise Refused(limit.refusal(limits, size=megabytes(size)), limit)


def as_given(arguments: list[str], here: Path) -> list[str]:
    """``arguments`` with each served file (an absolute path) as its file name, linked
    to it from the command's own folder ``here``: a problem the command reports names
    the file as the client did (``kapot.toml: regel 3``), not by the server's folders
    (``/srv/team/kapot.toml``). A name is one file, so one link each."""
    given = []
    for word in arguments:
        path = Path(word)
        if path.is_absolute():
            link = here / path.name
            if not os.path.lexists(link):
                os.symlink(path, link)
            word = path.name
        given.append(word)
    return given


def served_file(name: str, folders: list[Path]) -> Path:
    """The scenario ``name`` (with or without ``.toml``) in the first of ``folders`` that
    has it, as a regular file that really is in that folder."""
    if not name or "/" in name or name.startswith(".") or not name.isprintable():
        raise Refused(texts.SSH_COMMAND_NOT_A_NAME.format(name=literal(name)))
    file_name = name if name.endswith(SUFFIX) else name + SUFFIX
    for folder in folders:
        path = folder / file_name
        try:
            found = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISREG(found.st_mode) or (
            stat.S_ISLNK(found.st_mode) and real_path(path).parent == real_path(folder)
        ):
            return path.absolute()
    raise Refused(texts.SSH_COMMAND_NO_FILE.format(name=literal(name)))
