"""Who else has a scenario open for editing: one small note per editor beside the file.

A note names the user, host, process and since when. Notes of processes that
no longer run on this host are stale (a dropped SSH session, a crash) and are
cleared; notes from other hosts are shown with their time, so a user can judge.
A process is known by its number and the moment it started: a note whose number
now belongs to another process (numbers are used again; pid 1 is always there) is
stale too.

Notes sit in team folders, where anyone may plant anything: a note is created
exclusively under an unpredictable name (never through a link), read only when
it is a small regular file, and believed only when every field makes sense.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import time
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from gebiedsplanner import APP_NAME
from gebiedsplanner.core import audit
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.disk.reading import read_untrusted, real_path
from gebiedsplanner.disk.writing import NEW_FILE_MODE, create_exclusive, open_folder, short_name

SUFFIX = ".editing"
NOTE_LIMIT = 4096
#: Linux never hands out a pid above 2**22; a larger one is not a process.
PID_MAX = 2**22
_TEXT_MAX = 256


#: The most notes of one file read (some 0,2 s in a worker): a folder with a million
#: planted is not read whole, and what is said counts only these.
MOST_NOTES = 10_000


class Note(NamedTuple):
    """Someone editing a scenario.

    ``started``: when the process started, in the kernel's clock ticks since boot
    (``None`` where the system does not say, as on macOS, or in a note of an earlier
    version).
    """

    file: Path
    user: str
    host: str
    pid: int
    since: datetime
    started: int | None = None


def _prefix(real: Path) -> str:
    return f".{short_name(real.name)}."


def process_started(pid: int) -> int | None:
    """When process ``pid`` started (field 22 of ``/proc/PID/stat``); ``None`` when unknown."""
    stat = _proc(pid, "stat")
    if stat is None:
        return None
    fields = stat.rpartition(b")")[2].split()  # the name before it may hold anything
    return int(fields[19]) if len(fields) > 19 and fields[19].isdigit() else None


def running_since(pid: int, moment: datetime) -> bool:
    """Process ``pid`` of this host runs, and has run since ``moment`` or before: it is not
    a later process that was given the number of one that ended. False where the system
    does not say when a process started (as on macOS)."""
    if not 0 < pid <= PID_MAX:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: it exists
    except (OSError, OverflowError):
        return False
    ticks = process_started(pid)
    try:
        uptime = time.clock_gettime(time.CLOCK_BOOTTIME)
        age = uptime - ticks / os.sysconf("SC_CLK_TCK") if ticks is not None else None
    except (AttributeError, OSError, ValueError):
        age = None
    # (a process's start is known to a clock tick: 10 ms)
    return age is not None and age >= time.time() - moment.timestamp() - 0.1


def _running(note: Note) -> bool:
    """Is the process that wrote ``note`` (on this host) still running?

    Known by when it started; a note without that (written by an earlier version)
    by what the process runs: a planner names ``gebiedsplanner`` on its command line.
    """
    try:
        os.kill(note.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: it exists
    if note.started is not None:
        started = process_started(note.pid)
        return started is None or started == note.started
    runs = _proc(note.pid, "cmdline")
    return runs is None or APP_NAME.encode() in runs


def _proc(pid: int, name: str) -> bytes | None:
    """The first 4 KB of ``/proc/PID/NAME``; ``None`` where the system does not say."""
    try:
        fd = os.open(f"/proc/{pid}/{name}", os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        return os.read(fd, 4096)
    except OSError:
        return None
    finally:
        os.close(fd)


def _note_from(file: Path, data: Any) -> Note | None:
    """The note in ``data``, or ``None`` when any field is not what we write."""
    if not isinstance(data, dict):
        return None
    user, host, pid, since = (data.get(key) for key in ("user", "host", "pid", "since"))
    if not all(isinstance(text, str) and 0 < len(text) <= _TEXT_MAX for text in (user, host)):
        return None
    if type(pid) is not int or not 0 < pid <= PID_MAX or not isinstance(since, str):
        return None
    started = data.get("started")
    if started is not None and (type(started) is not int or started < 0):
        return None
    try:
        moment = datetime.fromisoformat(since)
    except ValueError:
        return None
    assert isinstance(user, str) and isinstance(host, str)
    return Note(file, user, host, pid, moment, started)


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
        with os.scandir(real.parent) as entries:
            candidates = [
                real.parent / entry.name
                for entry in entries
                if entry.name.startswith(prefix) and entry.name.endswith(SUFFIX)
            ]
    except OSError:
        return []
    for file in candidates[:MOST_NOTES]:
        note = _read_note(file)
        if note is None:
            continue
        if note.host == host and note.pid == os.getpid():
            continue
        if note.host == host and not _running(note):
            file.unlink(missing_ok=True)
            continue
        found.append(note)
    return found


def announce(path: Path) -> Path | None:
    """Leave our note beside ``path``; ``None`` when the folder does not allow it."""
    real = real_path(path)
    host = socket.gethostname()
    token = secrets.token_hex(4)
    name = f"{_prefix(real)}{host}.{os.getpid()}.{token}{SUFFIX}"
    data = {
        "user": audit.current_user(),
        "host": host,
        "pid": os.getpid(),
        "started": process_started(os.getpid()),
        "since": audit.now().isoformat(),
    }
    try:  # in the folder the file is in, opened without following a link
        folder = open_folder(real.parent)
    except (OSError, ValueError):
        return None
    try:
        create_exclusive(Path(name), json.dumps(data).encode("utf-8"), NEW_FILE_MODE, folder=folder)
    except (OSError, ValueError):
        return None
    finally:
        os.close(folder)
    return real.parent / name


def withdraw(note: Path | None) -> None:
    """Remove our note (closing the scenario or the app)."""
    if note is not None:
        note.unlink(missing_ok=True)
