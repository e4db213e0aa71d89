"""argparse in the user's language: its own words (``usage:``, ``options``, ``the
following arguments are required``) come from ``texts.ARGPARSE``.

argparse looks its words up through the module-level functions ``argparse._`` and
``argparse.ngettext`` (gettext) each time it uses them. :class:`Parser` puts ours
there only while it builds, parses or formats, so nothing else in the process is
touched; a word ``texts.ARGPARSE`` lacks (a newer Python's) stays argparse's own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

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
