"""What ``ssh host COMMAND`` may run on ``ssh-serve``: the read-only tools, on served scenarios.

``summary FILE``, ``export FILE`` (the CSV to standard output) and ``compare BASE
VARIANT...``, with the options that only choose what is shown. A file is named as the
library lists it: a file name (``klein.toml``, or ``klein``) in one of the served
folders, the first folder that has it; never a path, never through a link that leads
out of its folder. Anything else is refused in one line that says why; nothing runs.
"""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path
from typing import NamedTuple

from gebiedsplanner.core.literal import literal
from gebiedsplanner.disk.reading import real_path
from gebiedsplanner.i18n import texts
from gebiedsplanner.ssh.limits import COMMAND_LIMIT

SUFFIX = ".toml"


class Tool(NamedTuple):
    """A command that may run: how many files it takes, the options it may be given."""

    least_files: int
    most_files: int
    flags: frozenset[str]
    choices: dict[str, frozenset[str]]
    fixed: tuple[str, ...]
    """Added unless given: ``-o -`` for an export (standard output, never a file)."""


#: Options with a value; ``-o -`` is standard output, the only place a tool writes to here.
_SHOWN = {
    "--dialect": frozenset({"standard", "nl"}),
    "-o": frozenset({"-"}),
    "--output": frozenset({"-"}),
}
TOOLS = {
    "summary": Tool(1, 1, frozenset(), {}, ()),
    "export": Tool(
        1,
        1,
        frozenset(),
        {
            "--layout": frozenset({"long", "wide"}),
            "--format": frozenset({"csv", "xlsx"}),
            **_SHOWN,
        },
        ("-o", "-"),
    ),
    "compare": Tool(2, 20, frozenset({"--all", "--largest-first"}), _SHOWN, ()),
}


class Refused(Exception):
    """The command does not run; the message says why, in one line."""


def tool_arguments(command: str, folders: list[Path]) -> list[str]:
    """The planner's arguments for ``command`` (what the client asked to run), its files
    as absolute paths in ``folders``; :class:`Refused` says why it cannot run."""
    if len(command) > COMMAND_LIMIT:
        raise Refused(texts.SSH_COMMAND_TOO_LONG)
    try:
        words = shlex.split(command)
    except ValueError:
        raise Refused(texts.SSH_COMMAND_UNREADABLE) from None
    if not words or words[0] not in TOOLS:
        raise Refused(texts.SSH_COMMAND_UNKNOWN)
    name, *rest = words
    tool = TOOLS[name]
    options: list[str] = []
    files: list[str] = []
    given = iter(rest)
    for word in given:
        option, _, value = word.partition("=")
        if word in tool.flags:
            options.append(word)
        elif option in tool.choices:
            value = value or next(given, "")
            if value not in tool.choices[option]:
                allowed = ", ".join(sorted(tool.choices[option]))
                raise Refused(texts.SSH_COMMAND_CHOICE.format(option=option, allowed=allowed))
            options += [option, value]
        elif word.startswith("-"):
            raise Refused(texts.SSH_COMMAND_OPTION.format(option=literal(word)))
        else:
            files.append(str(served_file(word, folders)))
    if not tool.least_files <= len(files) <= tool.most_files:
        raise Refused(texts.SSH_COMMAND_FILES)
    output_given = "-o" in options or "--output" in options
    return [name, *(() if output_given else tool.fixed), *options, *files]


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
