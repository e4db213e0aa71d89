"""The crash log: an unexpected error's full traceback, in a file of its own.

A traceback on the terminal means nothing to an adviser and is gone with the
SSH session; in a file it can be sent to whoever maintains the app. The user
gets one line saying where the file is (the app and the command line print it).

Each crash gets a new file in the user state dir, created exclusively, not
following a symlink, readable by the user only: the traceback may name
scenario files and amounts, and a file planted at that name must not be
overwritten or written through.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

import platformdirs

from gebiedsplanner import APP_NAME, __version__
from gebiedsplanner.core.literal import literal
from gebiedsplanner.disk.writing import create_exclusive, private_folder
from gebiedsplanner.i18n import texts

_ATTEMPTS = 100  # names tried when several crashes of one process fall in the same second


def log_dir() -> Path:
    """Where crash logs live (beside the journals, in the user state dir)."""
    return Path(platformdirs.user_state_dir(APP_NAME)) / "log"


def describe(error: BaseException) -> str:
    """``error`` with its full traceback, as Python would print it."""
    return "".join(traceback.format_exception(error))


def _header(when: datetime) -> str:
    return (
        f"gebiedsplanner {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
        f"{when.isoformat(timespec='seconds')}, pid {os.getpid()}, argv {sys.argv!r}\n\n"
    )


def write(report: str, when: datetime | None = None) -> Path:
    """Write ``report`` (a traceback, say) to a new crash log; its path.

    Raises:
        OSError: The folder or the file could not be made or written.
    """
    when = when or datetime.now().astimezone()
    folder = private_folder(log_dir())
    data = (_header(when) + report).encode("utf-8", errors="backslashreplace")
    stem = f"crash-{when:%Y%m%d-%H%M%S}-{os.getpid()}"
    for attempt in range(1, _ATTEMPTS + 1):
        path = folder / (f"{stem}.log" if attempt == 1 else f"{stem}-{attempt}.log")
        try:
            create_exclusive(path, data)  # O_EXCL|O_NOFOLLOW, mode 0600
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder / stem}-*.log")


def notice(report: str, template: str, **fields: str) -> str:
    """Log ``report``; ``template`` filled in with ``fields`` and where the log is.

    This is the one line the user sees, so it never raises: when the log cannot be
    written, the line says so, with the report's last line (the error itself).
    """
    try:
        where = texts.CRASH_LOG_WRITTEN.format(file=literal(str(write(report))))
    except OSError as problem:
        lines = report.strip().splitlines() or [""]
        where = texts.CRASH_LOG_FAILED.format(
            folder=literal(str(log_dir())),
            reason=literal(problem.strerror or str(problem)),
            error=literal(lines[-1]),
        )
    return template.format(where=where, **fields)
