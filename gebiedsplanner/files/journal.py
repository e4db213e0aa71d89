"""The crash journal: every change is on disk before it is on screen.

One journal per editing session (one process, one scenario), in the user state
dir: two windows on one file never share one. A journal starts with the file's
bytes as they were when the session began (the base); every further line is
one change-log entry, appended and fsynced.

A session holds an exclusive ``flock`` on its journal for as long as it runs.
The kernel drops that lock when the process ends, however it ends (a dropped
SSH link, ``kill -9``), so a journal that can be locked is a *leftover*: the
next session on that file offers to recover it, holding the lock meanwhile so
two windows never recover the same leftover twice.

Layout of a journal file (format 2)::

    {"journal": 2, "origin": ..., "who": ..., "host": ..., "base_bytes": N, ...}
    <N bytes: the base>
    {"when": ..., "who": ..., "action": ..., "reason": ..., "changes": [[cell, old, new]]}
    ...

The base is stored raw, not inside the JSON: writing it costs a copy, not an
encoding (3 MB at 10.000 gebieden), and it is written in the background when
the session opens, never on the first edit.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import socket
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs

from gebiedsplanner import texts
from gebiedsplanner.core import audit
from gebiedsplanner.core.literal import well_formed
from gebiedsplanner.core.money import AMOUNT_LIMIT
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import CellChange, LogEntry
from gebiedsplanner.files.locations import APP_NAME
from gebiedsplanner.files.reading import SCENARIO_LIMIT, os_problem, read_untrusted, real_path
from gebiedsplanner.files.scenario_format import parse_address
from gebiedsplanner.files.writing import fsync_folder, private_folder, write_atomic

FORMAT = 2
SUFFIX = ".jsonl"
_MOVED = ".verplaatst"
#: The base plus a generous day of edits; a larger file is not one of ours.
JOURNAL_LIMIT = SCENARIO_LIMIT + 64 * 1024 * 1024
#: The longest who, action or reason read back: as long as anyone can type (or paste).
_TEXT_LIMIT = 1_000_000


def journal_dir() -> Path:
    """Where journals live (the user state dir)."""
    return Path(platformdirs.user_state_dir(APP_NAME)) / "journal"


def _key(origin: Path) -> str:
    """The journals of one scenario file share this prefix (its real path, hashed)."""
    return hashlib.sha256(os.fsencode(real_path(origin))).hexdigest()[:24]


def _entry_line(entry: LogEntry) -> bytes:
    data = {
        "when": entry.when.isoformat(),
        "who": entry.who,
        "action": entry.action,
        "reason": entry.reason,
        "changes": [[c.cell.address, c.old, c.new] for c in entry.changes],
    }
    return (json.dumps(data) + "\n").encode("ascii")  # escapes keep any text writable


def _journal_problem(path: Path, error: OSError) -> ProblemsError:
    return ProblemsError([os_problem(str(path), error)])


class Journal:
    """This session's journal: open, locked, appended to as changes are made."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def create(cls, origin: Path, base: bytes, entries: Sequence[LogEntry] = ()) -> Journal:
        """A new journal of ``origin`` starting from ``base`` (and ``entries``), on disk.

        Written under a temporary name and renamed when complete, already
        locked: another session never mistakes a half-written journal for a
        leftover. May take a while for a large base: call it off the UI thread.
        """
        folder = journal_dir()
        try:
            private_folder(folder)
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".nieuw-", suffix=".tmp")
        except OSError as error:
            raise _journal_problem(folder, error) from None
        path = folder / f"{_key(origin)}.{os.getpid()}-{secrets.token_hex(6)}{SUFFIX}"
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            _write_all(fd, _header(origin, base) + base + b"\n")
            _write_all(fd, b"".join(_entry_line(entry) for entry in entries))
            os.fsync(fd)
            os.rename(temp, path)
            fsync_folder(folder)
        except OSError as error:
            os.close(fd)
            Path(temp).unlink(missing_ok=True)
            raise _journal_problem(path, error) from None
        return cls(path, fd)

    def append(self, entries: Sequence[LogEntry]) -> None:
        """Write ``entries`` durably (one write, one fdatasync) before they show."""
        if self._fd is None:
            raise ProblemsError(
                [Problem(str(self.path), "", texts.JOURNAL_CLOSED, texts.FIX_JOURNAL_CLOSED)]
            )
        try:
            if os.fstat(self._fd).st_nlink == 0:
                raise JournalGone(
                    [Problem(str(self.path), "", texts.JOURNAL_GONE, texts.FIX_JOURNAL_GONE)]
                )
            _write_all(self._fd, b"".join(_entry_line(entry) for entry in entries))
            os.fdatasync(self._fd)
        except OSError as error:
            raise _journal_problem(self.path, error) from None

    def remove(self) -> None:
        """Everything is saved: the journal is no longer needed."""
        _remove(self.path)
        self.close()

    def set_aside(self, label: str) -> Path:
        """Keep the journal beside under a name no session recovers from; never deleted."""
        aside = set_aside(self.path, label)
        self.close()
        return aside

    def close(self) -> None:
        """The session ends; the file stays for the next session to recover."""
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None


class JournalGone(ProblemsError):
    """Someone removed the journal file (or its folder): appends would go nowhere."""


def set_aside(path: Path, label: str) -> Path:
    """Rename a journal so no session recovers from it again; it stays on disk."""
    aside = path.with_name(f"{path.name}.{label}-{audit.now():%Y%m%d-%H%M%S}")
    try:
        os.rename(path, aside)
    except OSError:
        return path  # gone already, or the folder refuses: it stays where it is
    return aside


def _remove(path: Path) -> None:
    # A folder that refuses: the next session finds it without changes and retries.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def file_id(path: Path) -> list[int] | None:
    """Which file ``path`` is (device and inode): a rename in the shell keeps it."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return [info.st_dev, info.st_ino]


def _header(origin: Path, base: bytes) -> bytes:
    header = {
        "journal": FORMAT,
        "origin": str(real_path(origin)),
        "who": audit.current_user(),
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "started": audit.now().isoformat(),
        "file": file_id(origin),
        "base_bytes": len(base),
        "base_sha256": hashlib.sha256(base).hexdigest(),
    }
    return (json.dumps(header) + "\n").encode("ascii")


# -- leftovers of ended sessions --------------------------------------------------------


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
    """

    path: Path
    who: str
    started: datetime | None
    origin: Path | None
    file: list[int] | None
    base: bytes | None
    entries: tuple[LogEntry, ...]
    unreadable: int
    _fd: int | None = field(default=None, repr=False)

    @property
    def damaged(self) -> bool:
        """Something in it could not be read: it is kept aside, never deleted."""
        return self.base is None or self.unreadable > 0

    def finish(self) -> Path | None:
        """Its changes are safe elsewhere now: remove it, or keep it aside when damaged."""
        aside = set_aside(self.path, "beschadigd") if self.damaged else None
        if aside is None:
            _remove(self.path)
        self.release()
        return aside

    def discard(self) -> Path:
        """The user threw the changes away: kept aside, not deleted."""
        aside = set_aside(self.path, "weggegooid")
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
    prefix = _key(origin) + "."
    return _taken(lambda name: name.startswith(prefix))


def orphans(origin: Path) -> list[Leftover]:
    """Leftovers of *other* files that are no longer where their session found them.

    A file renamed or moved while a session edited it, and then that session
    crashed: its journal is keyed to a name that is gone. The caller decides
    whether ``origin`` is that file (same plan), and releases the rest.
    """
    prefix = _key(origin) + "."
    return _taken(lambda name: not name.startswith(prefix) and _origin_gone(name))


def note_move(old: Path, new: Path) -> None:
    """The library renamed ``old`` to ``new``: a session that crashed while editing
    ``old`` is then recovered when ``new`` opens (see :func:`moved_to`)."""
    note = journal_dir() / f"{_key(old)}{_MOVED}"
    with contextlib.suppress(OSError):
        private_folder(journal_dir())
        write_atomic(note, os.fsencode(real_path(new)))


def moved_to(old: Path) -> Path | None:
    """Where the library renamed ``old`` to, if it did."""
    try:
        raw = read_untrusted(journal_dir() / f"{_key(old)}{_MOVED}", 16 * 1024, follow_links=False)
    except ProblemsError:
        return None
    return Path(os.fsdecode(raw))


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
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        raw = _read_bounded(fd)
    except OSError:  # BlockingIOError: a running session holds it
        os.close(fd)
        return None
    leftover = read_leftover(path, raw)
    leftover._fd = fd
    return leftover


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
    who, action, reason = (str(text) for text in texts_)
    return LogEntry(when, who, action, reason, tuple(changes))
