"""The server's log: one line per event, on stderr and in ``ssh-serve.log``."""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import datetime
from pathlib import Path

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.server_limits import FIELD_LIMIT
from gebiedsplanner.disk.writing import private_folder


class Logbook:
    """One line per event, on stderr and appended to the log file (never through a link)."""

    def __init__(self, folder: Path) -> None:
        self.file: Path | None = None
        with contextlib.suppress(OSError):
            self.file = private_folder(folder) / "ssh-serve.log"

    def __call__(self, event: str, **fields: object) -> None:
        when = datetime.now().astimezone().replace(microsecond=0).isoformat()
        said = " ".join(f"{key}={_bounded(literal(str(value)))}" for key, value in fields.items())
        line = f"{when} {event} {said}".rstrip()
        print(line, file=sys.stderr, flush=True)
        if self.file is not None:
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
            try:
                fd = os.open(self.file, flags, 0o600)
                try:
                    os.write(fd, (line + "\n").encode("utf-8", "replace"))
                finally:
                    os.close(fd)
            except OSError:
                self.file = None  # said once on stderr is better than failing every line


def _bounded(text: str) -> str:
    return text if len(text) <= FIELD_LIMIT else text[:FIELD_LIMIT] + "…"
