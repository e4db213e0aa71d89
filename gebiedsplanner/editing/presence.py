"""Who else has a scenario open for editing: one small note per editor beside the file.

A note names the user, host, process and since when. Notes of processes that
no longer run on this host are stale (a dropped SSH session, a crash) and are
cleared; notes from other hosts are shown with their time, so a user can judge.

Notes sit in team folders, where anyone may plant anything: a note is created
exclusively under an unpredictable name (never through a link), read only when
it is a small regular file, and believed only when every field makes sense.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from gebiedsplanner.core import audit
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.disk.reading import read_untrusted, real_path
from gebiedsplanner.disk.writing import NEW_FILE_MODE, create_exclusive, short_name

SUFFIX = ".editing"
NOTE_LIMIT = 4096
#: Linux never hands out a pid above 2**22; a larger one is not a process.
PID_MAX = 2**22
_TEXT_MAX = 256


class Note(NamedTuple):
    """Someone editing a scenario."""

    file: Path
    user: str
    host: str
    pid: int
    since: datetime


def _prefix(real: Path) -> str:
    return f".{short_name(real.name)}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    return True


def _note_from(file: Path, data: Any) -> Note | None:
    """The note in ``data``, or ``None`` when any field is not what we write."""
    if not isinstance(data, dict):
        return None
    user, host, pid, since = (data.get(key) for key in ("user", "host", "pid", "since"))
    if not all(isinstance(text, str) and 0 < len(text) <= _TEXT_MAX for text in (user, host)):
        return None
    if type(pid) is not int or not 0 < pid <= PID_MAX or not isinstance(since, str):
        return None
    try:
        moment = datetime.fromisoformat(since)
    except ValueError:
        return None
    assert isinstance(user, str) and isinstance(host, str)
    return Note(file, user, host, pid, moment)


def _read_note(file: Path) -> Note | None:
    try:
        raw = read_untrusted(file, NOTE_LIMIT, follow_links=False)
        return _note_from(file, json.loads(raw.decode("utf-8")))
    except (ProblemsError, ValueError, RecursionError):
        return None


def others(path: Path) -> list[Note]:
    """The other editors of ``path``; stale notes on this host are removed on the way."""
    real = real_path(path)
    host, found, prefix = socket.gethostname(), [], _prefix(real)
    try:
        candidates = [
            real.parent / entry.name
            for entry in os.scandir(real.parent)
            if entry.name.startswith(prefix) and entry.name.endswith(SUFFIX)
        ]
    except OSError:
        return []
    for file in candidates:
        note = _read_note(file)
        if note is None:
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
    real = real_path(path)
    host = socket.gethostname()
    token = secrets.token_hex(4)
    note = real.parent / f"{_prefix(real)}{host}.{os.getpid()}.{token}{SUFFIX}"
    data = {
        "user": audit.current_user(),
        "host": host,
        "pid": os.getpid(),
        "since": audit.now().isoformat(),
    }
    try:
        create_exclusive(note, json.dumps(data).encode("utf-8"), NEW_FILE_MODE)
    except (OSError, ValueError):
        return None
    return note


def withdraw(note: Path | None) -> None:
    """Remove our note (closing the scenario or the app)."""
    if note is not None:
        note.unlink(missing_ok=True)
