"""The arguments of a command as data, and argparse in the user's language.

A command (:class:`Command`) and its arguments (:class:`Argument`) are described as
data, so one description builds the parser, its ``--help`` and what a client may give
over SSH. argparse's own words (``usage:``, ``options``, ``the following arguments are
required``) come from ``texts.ARGPARSE``.

argparse looks its words up through the module-level functions ``argparse._`` and
``argparse.ngettext`` (gettext) each time it uses them. :class:`Parser` puts ours
there only while it builds, parses or formats, so nothing else in the process is
touched; a word ``texts.ARGPARSE`` lacks (a newer Python's) stays argparse's own.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from typing import Any, NamedTuple, NoReturn

from gebiedsplanner.i18n import texts


def plain(text: str) -> str:
    """A help text for argparse, which %-formats them: a % of ours is meant literally."""
    return text.replace("%", "%%")


def _word(message: str) -> str:
    return str(texts.ARGPARSE.get(message, message))


def _words(singular: str, plural: str, count: int) -> str:
    return _word(singular if count == 1 else plural)


@contextmanager
def _speaking() -> Iterator[None]:
    saved: tuple[Callable[..., str], Callable[..., str]] = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _word, _words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own messages and headings are in the UI language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _speaking():
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        with _speaking():  # its own "unrecognized arguments" too
            parsed: argparse.Namespace = super().parse_args(args, namespace)
            return parsed

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _speaking():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _speaking():
            return super().format_usage()

    def format_help(self) -> str:
        with _speaking():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _speaking():
            super().error(message)


class Text(NamedTuple):
    """A text of the catalogues by its name, looked up when a parser is built."""

    name: str


#: ``help`` of an argument --help leaves out (an old option that still works).
HIDDEN = "-"


@dataclass(frozen=True)
class Argument:
    """One argument of a command: how argparse reads it and ``--help`` shows it, and
    whether a client may give it over SSH.

    Attributes:
        names: ``("file",)`` for a positional, ``("-o", "--output")`` for an option.
        help: The catalogue name of its ``--help`` text (:data:`HIDDEN`: not shown).
        metavar: Its value in ``--help`` (a :class:`Text`: from the catalogues).
        dest: The attribute it is read into, where not argparse's own.
        choices: The values it may have.
        default: What it is when not given (a repeated option: an empty list).
        required: An option that must be given.
        nargs: A positional of several (``+``, ``*``).
        type: Reads its text; argparse says when it cannot.
        flag: An option without a value.
        repeat: An option given more than once, each value kept.
        signed: Its value may begin with ``-`` (``--index -1%``): not taken for an option.
        ssh: A client may give it over SSH (there, positionals are served scenarios).
        ssh_values: The only values it may have over SSH, where not its choices.
        scenario: Its values are scenarios (a file, or a name from the library or the
            bundled examples): the shell completes them with the scenarios' names.
    """

    names: tuple[str, ...]
    help: str = ""
    metavar: str | Text = ""
    dest: str = ""
    choices: tuple[str, ...] = ()
    default: str | int | None = None
    required: bool = False
    nargs: str = ""
    type: Callable[[str], object] | None = None
    flag: bool = False
    repeat: bool = False
    signed: bool = False
    ssh: bool = False
    ssh_values: tuple[str, ...] = ()
    scenario: bool = False

    @property
    def positional(self) -> bool:
        return not self.names[0].startswith("-")

    def add_to(self, parser: argparse.ArgumentParser) -> argparse.Action:
        """Add this argument to ``parser``, its texts in the language of the moment."""
        options: dict[str, Any] = {}
        if self.help:
            options["help"] = argparse.SUPPRESS if self.help == HIDDEN else plain(said(self.help))
        if self.metavar:
            options["metavar"] = shown(self.metavar)
        if self.dest:
            options["dest"] = self.dest
        if self.choices:
            options["choices"] = self.choices
        if self.default is not None:
            options["default"] = self.default
        if self.required:
            options["required"] = True
        if self.nargs:
            options["nargs"] = self.nargs
        if self.type is not None:
            options["type"] = self.type
        if self.flag:
            options["action"] = "store_true"
        if self.repeat:
            options |= {"action": "append", "default": []}
        return parser.add_argument(*self.names, **options)


@dataclass(frozen=True)
class Handler:
    """A command's handler by its module (in this package) and function: imported when
    the command runs, so starting the app loads no command's code."""

    module: str
    function: str

    def __call__(self, options: argparse.Namespace) -> int:
        run = getattr(import_module(f"gebiedsplanner.cli.{self.module}"), self.function)
        return int(run(options))


@dataclass(frozen=True)
class Command:
    """A command of the command line.

    Attributes:
        name: What users type (``gebiedsplanner NAME``).
        help: The catalogue name of what it does (its ``--help`` and the overview).
        arguments: Its arguments, in the order ``--help`` lists them.
        handler: Runs it; returns the exit code.
        ssh: A client may run it over SSH (with the arguments marked so); a command
            that changes files never is.
    """

    name: str
    help: str
    arguments: tuple[Argument, ...]
    handler: Callable[[argparse.Namespace], int]
    ssh: bool = False


#: A value that argparse would take for an option: ``-1%``, ``-0,5%`` (it knows only
#: ``-1`` and ``-1.5`` as negative numbers).
_NEGATIVE = re.compile(r"-\d")


def signed_values(args: Sequence[str], arguments: Iterable[Argument]) -> Iterator[str]:
    """``args`` with ``--index -1%`` as ``--index=-1%``, for the ``arguments`` that are signed."""
    signed = {name for argument in arguments if argument.signed for name in argument.names}
    given = iter(args)
    for word in given:
        if word == "--":
            yield word
            yield from given
        elif word in signed:
            value = next(given, None)
            if value is not None and _NEGATIVE.match(value):
                yield f"{word}={value}"
            else:
                yield word
                if value is not None:
                    yield value
        else:
            yield word


def shown(value: str | Text) -> str:
    """A text as shown: a catalogue's in the language of the moment, else as it is."""
    return said(value.name) if isinstance(value, Text) else value


def said(name: str) -> str:
    """The catalogue's text ``name`` in the language of the moment."""
    return str(getattr(texts, name))
