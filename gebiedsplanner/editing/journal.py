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
    {"when": ..., "action": "note", ..., "changes": [], "notes": [[gebied, old, new]]}
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
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

import platformdirs

from gebiedsplanner import APP_NAME
from gebiedsplanner.core import audit
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import LogEntry
from gebiedsplanner.disk.reading import os_problem, read_untrusted, real_path
from gebiedsplanner.disk.writing import fsync_folder, private_folder, write_atomic
from gebiedsplanner.i18n import texts

FORMAT = 2
SUFFIX = ".jsonl"
#: The name a journal has while it is being written (see :meth:`Journal.create`).
UNFINISHED = ".nieuw-"
_MOVED = ".verplaatst"
_MAX_HOPS = 20  # renames followed from an old name; a loop of renames ends there
#: Why a journal is set aside: the user threw its changes away, or it could not be read.
Aside = Literal["discarded", "damaged"]
#: The journals this process holds open: its own sessions' changes, not an ended session's.
#: Known by the journal itself, not by the process number in its name: a crashed session
#: may have had this process's number (in a container, every start is pid 1).
_HELD_HERE: set[Path] = set()


def held_here() -> frozenset[Path]:
    """The journals of this process's editing sessions, open now."""
    return frozenset(_HELD_HERE)


def journal_dir() -> Path:
    """Where journals live (the user state dir)."""
    return Path(platformdirs.user_state_dir(APP_NAME)) / "journal"


def key(origin: Path) -> str:
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
    if entry.notes:  # only then: a journal without notes reads as before there were any
        data["notes"] = [[n.gebied, n.old, n.new] for n in entry.notes]
    return (json.dumps(data) + "\n").encode("ascii")  # escapes keep any text writable


def _journal_problem(path: Path, error: OSError) -> ProblemsError:
    return ProblemsError([os_problem(str(path), error)])


class Journal:
    """This session's journal: open, locked, appended to as changes are made."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd
        self._size = os.fstat(fd).st_size  # what is whole in the file; appends go here

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
            fd, temp = tempfile.mkstemp(dir=folder, prefix=UNFINISHED, suffix=".tmp")
        except OSError as error:
            raise _journal_problem(folder, error) from None
        path = folder / f"{key(origin)}.{os.getpid()}-{secrets.token_hex(6)}{SUFFIX}"
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
        _HELD_HERE.add(path)
        return cls(path, fd)

    def append(self, entries: Sequence[LogEntry]) -> None:
        """Write ``entries`` durably (one write, one fdatasync) before they show.

        A write cut short (a full disk) is cut off again, so the next append
        starts on a whole line: the retried entries never get glued to a torn one.
        Raises :class:`JournalGone` when the file was removed or moved away.
        """
        fd = self._fd
        if fd is None:
            raise ProblemsError(
                [Problem(str(self.path), "", texts.JOURNAL_CLOSED, texts.FIX_JOURNAL_CLOSED)]
            )
        data = b"".join(_entry_line(entry) for entry in entries)
        try:
            if not self._in_place(fd):
                raise JournalGone(
                    [Problem(str(self.path), "", texts.JOURNAL_GONE, texts.FIX_JOURNAL_GONE)]
                )
            _write_all(fd, data, at=self._size)
            os.fdatasync(fd)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, self._size)
            raise _journal_problem(self.path, error) from None
        self._size += len(data)

    def _in_place(self, fd: int) -> bool:
        """The open file is still the one at :attr:`path` (not removed, not moved away)."""
        held = os.fstat(fd)
        try:
            there = os.stat(self.path, follow_symlinks=False)
        except FileNotFoundError:
            return False
        return held.st_nlink > 0 and (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino)

    def remove(self) -> None:
        """Everything is saved: the journal is no longer needed."""
        remove_quietly(self.path)
        self.close()

    def set_aside(self, why: Aside) -> Path:
        """Keep the journal beside under a name no session recovers from; never deleted."""
        aside = set_aside(self.path, why)
        self.close()
        return aside

    def close(self) -> None:
        """The session ends; the file stays for the next session to recover."""
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None
        _HELD_HERE.discard(self.path)


class JournalGone(ProblemsError):
    """Someone removed the journal file (or its folder): appends would go nowhere."""


def set_aside(path: Path, why: Aside) -> Path:
    """Rename a journal so no session recovers from it again; it stays on disk.

    The new name adds ``.<word>-<when>`` after ``.jsonl``, the word for ``why`` in the UI
    language (``weggegooid``, ``discarded``): the message that says where the changes
    are kept names the file, for the user to find. No code looks for it by that word:
    journals are found by their ``.jsonl`` ending, which a journal set aside no longer
    has, whatever the language it was set aside in (older ones have the Dutch word).
    """
    word = texts.JOURNAL_ASIDE[why]
    aside = path.with_name(f"{path.name}.{word}-{audit.now():%Y%m%d-%H%M%S}")
    try:
        os.rename(path, aside)
    except OSError:
        return path  # gone already, or the folder refuses: it stays where it is
    return aside


def remove_quietly(path: Path) -> None:
    # A folder that refuses: the next session finds it without changes and retries.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _write_all(fd: int, data: bytes, at: int | None = None) -> None:
    """All of ``data`` (``os.write`` may write part), at the offset ``at`` if given."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view) if at is None else os.pwrite(fd, view, at)
        view = view[written:]
        at = None if at is None else at + written


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
        "started": datetime.now().astimezone().isoformat(),  # to the microsecond
        "file": file_id(origin),
        "base_bytes": len(base),
        "base_sha256": hashlib.sha256(base).hexdigest(),
    }
    return (json.dumps(header) + "\n").encode("ascii")


def note_move(old: Path, new: Path) -> None:
    """The library renamed ``old`` to ``new``: a session that crashed while editing
    ``old`` is then recovered when ``new`` opens (see :func:`renamed_since`)."""
    note = journal_dir() / f"{key(old)}{_MOVED}"
    data = {"to": os.fsdecode(real_path(new)), "when": time.time()}
    with contextlib.suppress(OSError):
        private_folder(journal_dir())
        write_atomic(note, json.dumps(data).encode("ascii"))


def renamed_since(old: Path, since: datetime | None) -> list[Path]:
    """Where the library renamed ``old`` to after ``since``, and on from there.

    Only renames after the journal began count: a later plan that happens to be
    made under an old name is not mistaken for the renamed one.
    """
    hops: list[Path] = []
    current = old
    while len(hops) < _MAX_HOPS:
        moved = _read_move(current)
        if moved is None or since is None or moved[1] < since.timestamp() or moved[0] in hops:
            return hops
        hops.append(moved[0])
        current = moved[0]
    return hops


def _read_move(old: Path) -> tuple[Path, float] | None:
    try:
        raw = read_untrusted(journal_dir() / f"{key(old)}{_MOVED}", 16 * 1024, follow_links=False)
        data = json.loads(raw)
        return Path(data["to"]), float(data["when"])
    except (ProblemsError, ValueError, KeyError, TypeError, RecursionError):
        return None
