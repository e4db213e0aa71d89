"""Who else has a scenario open for editing: one small note per editor beside the file.

A note names the user, host, process and since when. Notes of processes that
no longer run on this host are stale (a dropped SSH session, a crash) and are
cleared; notes from other hosts are shown with their time, so a user can judge.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from gebiedsplanner.core import audit

SUFFIX = ".editing"


class Note(NamedTuple):
    """Someone editing a scenario."""

    file: Path
    user: str
    host: str
    pid: int
    since: datetime


def _prefix(path: Path) -> str:
    return f".{path.name}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    return True


def others(path: Path) -> list[Note]:
    """The other editors of ``path``; stale notes on this host are removed on the way."""
    host, found = socket.gethostname(), []
    try:
        candidates = list(path.parent.glob(f"{_prefix(path)}*{SUFFIX}"))
    except OSError:
        return []
    for file in candidates:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            note = Note(
                file,
                str(data["user"]),
                str(data["host"]),
                int(data["pid"]),
                datetime.fromisoformat(data["since"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if note.host == host and note.pid == os.getpid():
            continue
        if note.host == host and not _alive(note.pid):
            file.unlink(missing_ok=True)
            continue
        found.append(note)
    return found


def announce(path: Path) -> Path | None:
    """Leave our note beside ``path``; ``None`` when the folder does not allow it."""
    host = socket.gethostname()
    note = path.parent / f"{_prefix(path)}{host}.{os.getpid()}{SUFFIX}"
    data = {
        "user": audit.current_user(),
        "host": host,
        "pid": os.getpid(),
        "since": audit.now().isoformat(),
    }
    try:
        note.write_text(json.dumps(data), encoding="utf-8")
    except OSError:
        return None
    return note


def withdraw(note: Path | None) -> None:
    """Remove our note (closing the scenario or the app)."""
    if note is not None:
        note.unlink(missing_ok=True)
