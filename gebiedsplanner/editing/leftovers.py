"""Reading back the journals of ended sessions: whatever shape they are in.

A journal that can be locked is a leftover (its session's lock ended with its
process, see :mod:`journal`). Everything that can be read counts: every
complete entry that is what we write; the rest is counted as unreadable, and a
damaged journal is kept aside, never deleted.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from gebiedsplanner.core.literal import well_formed
from gebiedsplanner.core.log_words import action_code
from gebiedsplanner.core.money import AMOUNT_LIMIT
from gebiedsplanner.core.scenario import CellChange, LogEntry, NoteChange, check_note
from gebiedsplanner.disk.reading import SCENARIO_LIMIT
from gebiedsplanner.disk.writing import clear_unfinished
from gebiedsplanner.editing import presence
from gebiedsplanner.editing.journal import (
    FORMAT,
    SUFFIX,
    UNFINISHED,
    held_here,
    journal_dir,
    key,
    remove_quietly,
    set_aside,
)
from gebiedsplanner.format.model_builders import parse_address

#: The base plus a generous day of edits; a larger file is not one of ours.
JOURNAL_LIMIT = SCENARIO_LIMIT + 64 * 1024 * 1024
#: The longest who, action or reason read back: as long as anyone can type (or paste).
_TEXT_LIMIT = 1_000_000


@dataclass(eq=False)
class Leftover:
    """The journal of a session that ended with unsaved changes; locked while we decide.

    Attributes:
        path: The journal file.
        who: Who made the changes (from the journal; ``""`` when unreadable).
        started: When that session began, if the journal says.
        origin: The file that session edited, where it was then (if the journal says).
        file: Its device and inode then (see :func:`file_id`).
        base: The file's bytes when that session began; ``None`` when the
            journal's start is damaged (recovery then starts from the file as
            it is now, and keeps every change whose old amounts still fit).
        entries: The changes that could be read, in order.
        unreadable: Lines that could not be read (damage, or a line cut short
            when the session was killed mid-write).
        host: The host that session ran on (``""`` when the journal does not say).
        pid: Its process (``None`` when the journal does not say).
    """

    path: Path
    who: str
    started: datetime | None
    origin: Path | None
    file: list[int] | None
    base: bytes | None
    entries: tuple[LogEntry, ...]
    unreadable: int
    host: str = ""
    pid: int | None = None
    _fd: int | None = field(default=None, repr=False)

    @property
    def damaged(self) -> bool:
        """Something in it could not be read: it is kept aside, never deleted."""
        return self.base is None or self.unreadable > 0

    def finish(self) -> Path | None:
        """Its changes are safe elsewhere now: remove it, or keep it aside when damaged."""
        aside = set_aside(self.path, "damaged") if self.damaged else None
        if aside is None:
            remove_quietly(self.path)
        self.release()
        return aside

    def discard(self) -> Path:
        """The user threw the changes away: kept aside, not deleted."""
        aside = set_aside(self.path, "discarded")
        self.release()
        return aside

    def release(self) -> None:
        """Let another session decide about it (this one ends without deciding)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def leftovers(origin: Path) -> list[Leftover]:
    """The journals of ``origin`` whose sessions ended, oldest first; each locked by us.

    Journals of sessions still running (another window) are locked by them and
    left alone. A leftover without changes (a session that ended before its
    first edit) is removed on the way.
    """
    prefix = key(origin) + "."
    _sweep_unfinished()
    return _taken(lambda name: name.startswith(prefix))


def _sweep_unfinished() -> None:
    """Remove journals whose writing was cut off by a crash (``.nieuw-*.tmp``)."""

    def unfinished(name: str) -> bool:
        return name.startswith(UNFINISHED) and name.endswith(".tmp")

    clear_unfinished(journal_dir(), unfinished)


def orphans(origin: Path) -> list[Leftover]:
    """Leftovers of *other* files that are no longer where their session found them.

    A file renamed or moved while a session edited it, and then that session
    crashed: its journal is keyed to a name that is gone. The caller decides
    whether ``origin`` is that file (same plan), and releases the rest.
    """
    prefix = key(origin) + "."
    return _taken(lambda name: not name.startswith(prefix) and _origin_gone(name))


def _origin_gone(name: str) -> bool:
    """The file a journal was started on no longer exists (from its first line only)."""
    try:
        fd = os.open(journal_dir() / name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        first = os.read(fd, 64 * 1024).split(b"\n", 1)[0]
    except OSError:
        return False
    finally:
        os.close(fd)
    header = _json(first)
    origin = header.get("origin") if isinstance(header, dict) else None
    return isinstance(origin, str) and os.path.isabs(origin) and not os.path.lexists(origin)


def _taken(wanted: Callable[[str], bool]) -> list[Leftover]:
    """The ended sessions' journals whose names are ``wanted``, locked, oldest first."""
    folder = journal_dir()
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(SUFFIX) and wanted(n))
    except OSError:
        return []
    found = []
    for name in names:
        leftover = _take(folder / name)
        if leftover is None:
            continue
        if not leftover.entries and not leftover.damaged:
            leftover.finish()
            continue
        found.append(leftover)
    return sorted(found, key=_age)


def _age(leftover: Leftover) -> tuple[float, str]:
    """Oldest first; a journal that does not say when it started goes last."""
    started = leftover.started.timestamp() if leftover.started else float("inf")
    return started, leftover.path.name


def _take(path: Path) -> Leftover | None:
    """Lock and read ``path``; ``None`` when a running session holds it or it is no file."""
    fd = _open_regular(path)
    if fd is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        raw = _read_bounded(fd)
    except OSError:  # BlockingIOError: a running session holds it
        os.close(fd)
        return None
    leftover = read_leftover(path, raw)
    leftover._fd = fd
    return leftover


def _open_regular(path: Path) -> int | None:
    """``path`` opened for reading when it is a regular file (never a link or a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        regular = False
    if not regular:
        os.close(fd)
        return None
    return fd


class Unsaved(NamedTuple):
    """Changes to a scenario in journals, not in its file.

    Attributes:
        ended: In the journals of sessions that ended (offered back when the scenario
            opens), and of those no one can tell are still running.
        open_here: In this process's own session, still open (saved with ctrl+s).
        open_elsewhere: In another session of this user on this host that still runs
            (another window): never offered for recovery while it runs.
    """

    ended: int = 0
    open_here: int = 0
    open_elsewhere: int = 0


def unsaved_changes(origins: Iterable[Path]) -> dict[Path, Unsaved]:
    """How many changes not in the file the journals of each of ``origins`` hold: of
    this process's own sessions, and of the others (ended, or still running elsewhere).

    Only reads: no lock is taken and nothing removed, so listing the library never
    keeps a journal from the session that opens its scenario a moment later.
    """
    folder = journal_dir()
    try:
        names = [name for name in os.listdir(folder) if name.endswith(SUFFIX)]
    except OSError:
        return {}
    here = {path.name for path in held_here() if path.parent == folder}
    counts = {}
    for origin in origins:
        prefix = key(origin) + "."
        found = [0, 0, 0]  # as Unsaved
        for name in names:
            if name.startswith(prefix) and (leftover := _read_journal(folder / name)):
                found[_whose(leftover, name in here)] += len(leftover.entries)
        if any(found):
            counts[origin] = Unsaved(*found)
    return counts


def _whose(leftover: Leftover, held_here: bool) -> int:
    """Which of :class:`Unsaved`'s counts a journal's changes go to."""
    if held_here:
        return 1
    if (
        leftover.pid is not None
        and leftover.pid != os.getpid()  # ours, and not held: that session ended
        and leftover.started is not None
        and leftover.host == socket.gethostname()
        and presence.running_since(leftover.pid, leftover.started)
    ):
        return 2
    return 0


def _read_journal(path: Path) -> Leftover | None:
    fd = _open_regular(path)
    if fd is None:
        return None
    try:
        raw = _read_bounded(fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    return read_leftover(path, raw)


def _read_bounded(fd: int) -> bytes:
    chunks, size = [], 0
    while size <= JOURNAL_LIMIT and (chunk := os.read(fd, 1024 * 1024)):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)[:JOURNAL_LIMIT]


def read_leftover(path: Path, raw: bytes) -> Leftover:
    """Everything that can be read from a journal's bytes, whatever shape it is in."""
    newline = raw.find(b"\n")
    header = _json(raw[:newline]) if newline >= 0 else None
    header = header if isinstance(header, dict) else {}
    base, rest = _split_base(header, raw[newline + 1 :] if newline >= 0 else b"")
    entries, unreadable = _entries(rest.split(b"\n"))
    origin = _text(header.get("origin"))
    return Leftover(
        path,
        _text(header.get("who")) or "",
        _datetime(header.get("started")),
        Path(origin) if origin and os.path.isabs(origin) else None,
        _ints(header.get("file")),
        base,
        tuple(entries),
        unreadable + (0 if newline >= 0 or not raw else 1),
        _text(header.get("host")) or "",
        pid if type(pid := header.get("pid")) is int else None,
    )


def _split_base(header: dict[str, Any], rest: bytes) -> tuple[bytes | None, bytes]:
    """The base and what follows it; format 1 kept the base as text inside the header."""
    if header.get("journal") == FORMAT:
        size = header.get("base_bytes")
        if type(size) is not int or not 0 <= size <= len(rest):
            return None, rest
        base = rest[:size]
        if hashlib.sha256(base).hexdigest() != header.get("base_sha256"):
            return None, rest[size:]
        return base, rest[size:]
    text = header.get("base")
    return (text.encode("utf-8") if isinstance(text, str) else None), rest


def _entries(lines: Iterable[bytes]) -> tuple[list[LogEntry], int]:
    entries, unreadable = [], 0
    for line in lines:
        if not line.strip():
            continue
        entry = _entry_from(_json(line))
        if entry is None:
            unreadable += 1
        else:
            entries.append(entry)
    return entries, unreadable


def _json(line: bytes) -> Any:
    try:
        return json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def _datetime(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _text(value: object) -> str | None:
    if not isinstance(value, str) or len(value) > _TEXT_LIMIT:
        return None
    return well_formed(value)


def _ints(value: object) -> list[int] | None:
    if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value):
        return value
    return None


def _amount(value: object) -> int | None:
    return value if type(value) is int and abs(value) <= AMOUNT_LIMIT else None


def _entry_from(data: object) -> LogEntry | None:
    """One change-log entry, or ``None`` when anything in it is not what we write."""
    if not isinstance(data, dict) or not isinstance(data.get("changes"), list):
        return None
    when, texts_ = (
        _datetime(data.get("when")),
        [_text(data.get(k)) for k in ("who", "action", "reason")],
    )
    if when is None or any(text is None for text in texts_):
        return None
    changes = []
    for item in data["changes"]:
        if not isinstance(item, list) or len(item) != 3:
            return None
        cell, old, new = parse_address(item[0]), _amount(item[1]), _amount(item[2])
        if cell is None or old is None or new is None:
            return None
        changes.append(CellChange(cell, old, new))
    notes = _notes_from(data.get("notes", []))
    if notes is None:
        return None
    who, action, reason = (str(text) for text in texts_)
    return LogEntry(when, who, action_code(action), reason, tuple(changes), notes)


def _notes_from(value: object) -> tuple[NoteChange, ...] | None:
    """An entry's ``notes``: ``[gebied, old, new]`` each, the notes as a gebied may hold
    them (a replay checks again), or ``None`` when anything in it is not what we write."""
    if not isinstance(value, list):
        return None
    notes = []
    for item in value:
        if not isinstance(item, list) or len(item) != 3:
            return None
        gebied, old, new = (_text(part) for part in item)
        if not gebied or old is None or new is None or check_note(old) or check_note(new):
            return None
        notes.append(NoteChange(gebied, old, new))
    return tuple(notes)
