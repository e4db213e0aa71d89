"""Writing to standard output when the reader may stop reading (``| head``, a pager)."""

from __future__ import annotations

import codecs
import errno
import os
import sys
import unicodedata
from collections.abc import Callable

from gebiedsplanner.core.problems import Problem
from gebiedsplanner.i18n import texts


def stdout_to_devnull() -> None:
    """Send what is still to be written to nowhere, so exiting flushes without an error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


#: Why writing standard output can fail other than a reader that stopped: no room.
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def output_failure(error: OSError) -> str | None:
    """Why standard output could not be written (``summary > /dev/full``), in words;
    ``None`` when ``error`` is about something else (it names no file)."""
    if error.filename is not None:
        return None
    if error.errno in _FULL:
        return texts.OUTPUT_FULL
    return texts.OUTPUT_GONE if error.errno == errno.EIO else None


def print_problems(problems: list[Problem]) -> None:
    """Problems (or what is worth saying after a save) on standard error, one each."""
    for problem in problems:
        print(str(problem), file=sys.stderr)


def say(line: str) -> None:
    """Print ``line``; a reader that stopped reading changes nothing the command does.

    A planning tool applies whether or not all of its preview was read, as the
    same command without the pipe would.
    """
    try:
        print(line, flush=True)
    except BrokenPipeError:
        stdout_to_devnull()


def write_data(data: bytes) -> None:
    """``data`` on standard output as it is (a CSV for ``-o -``), after what was printed.

    Like :func:`print`, nothing when the program started with standard output closed
    (``>&-``); a reader that stops reading is the caller's, as for printed lines.
    """
    if sys.stdout is None:
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)


#: What to write where the terminal's encoding has no such character (a Latin-9
#: locale): for lines of text, and one character for one on a screen, so columns stay.
_FALLBACKS = {
    "€": ("EUR", "E"),
    "→": ("->", ">"),
    "←": ("<-", "<"),
    "×": ("x", "x"),
    "≠": ("!=", "#"),
    "≤": ("<=", "<"),
    "≥": (">=", ">"),
    "…": ("...", "."),
    "–": ("-", "-"),
    "—": ("-", "-"),
    "▲": ("^", "^"),
    "▼": ("v", "v"),
    "·": (".", "."),
    "⏎": ("Enter", "<"),
    "●": ("*", "*"),
    "✓": ("ok", "v"),
    "Σ": ("som", "S"),
    "│": ("|", "|"),
    "┃": ("|", "|"),
    "─": ("-", "-"),
    "━": ("-", "-"),
}
TEXT_ERRORS, SCREEN_ERRORS = "gebiedsplanner-text", "gebiedsplanner-screen"


def _stand_in(char: str, screen: bool) -> str:
    known = _FALLBACKS.get(char)
    if known is not None:
        return known[screen]
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    if plain:
        return plain[0] if screen else plain
    return "+" if "\u2500" <= char <= "\u259f" else "?"  # box drawing and blocks


def _handler(screen: bool) -> Callable[[UnicodeError], tuple[str, int]]:
    def fall_back(error: UnicodeError) -> tuple[str, int]:
        """A codec error handler: each character the encoding lacks gets its stand-in."""
        if not isinstance(error, UnicodeEncodeError):
            raise error
        lacking = error.object[error.start : error.end]
        return "".join(_stand_in(char, screen) for char in lacking), error.end

    return fall_back


codecs.register_error(TEXT_ERRORS, _handler(screen=False))
codecs.register_error(SCREEN_ERRORS, _handler(screen=True))


def fall_back_where_unencodable(*, screen: bool) -> None:
    """Standard output and error write what their encoding cannot as ASCII stand-ins.

    In a locale such as ``nl_NL.ISO-8859-15@euro`` a ``→`` or a box line would
    otherwise stop a command with a traceback, or show as ``\\u2502`` on screen.
    On a screen each character becomes exactly one, so the columns stay aligned.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=SCREEN_ERRORS if screen else TEXT_ERRORS)
