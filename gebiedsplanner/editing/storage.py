"""Scenario files on disk: loading, and saving that never overwrites a colleague.

* A :class:`ScenarioDocument` remembers the bytes it was loaded from, so a save
  never silently overwrites a file a colleague changed in the meantime.
* Saving goes to where the file really is: through a link to its target (the
  team file gets the edits, the link stays a link).
* Every save, the app's and the command line's, holds the file's write lock
  from the check to the rename; taking it refuses a file marked read-only.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.disk.reading import (
    bad_name,
    not_a_file,
    os_problem,
    read_problem,
    read_untrusted,
    real_path,
)
from gebiedsplanner.disk.writing import clear_leftovers, open_folder, short_name, write_atomic
from gebiedsplanner.format import scenario_reader
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import is_bundled

if TYPE_CHECKING:
    from gebiedsplanner.format.save_strategy import Saving

LOCK_WAIT_SECONDS = 15.0
_T = TypeVar("_T")


def lock_path(real: Path) -> Path:
    """The lock file beside a scenario: every writer locks this one inode (see :class:`Held`
    for one that was replaced)."""
    return real.parent / f".{short_name(real.name)}.lock"


class Missing(ProblemsError):
    """The file to lock is not there (its folder or its name is gone): nothing was made."""


class LockLost(ProblemsError):
    """This step's write cannot be trusted (the lock file was replaced while the step held
    it, or the file changed under it): nothing was written, and the step is to be done
    again from the start (see :func:`under_lock`)."""


class Held:
    """The write lock of a scenario, taken: :attr:`real` is where the file really is.

    A writer's step (read, change, write) holds the scenario's lock file from start to
    end: writers of one scenario take turns. Its write (:meth:`writing`: the last check
    and the rename, milliseconds) also holds the scenario's folder, where its file
    system can lock a folder (local disks can; an NFS share may not, nor a folder one
    may not list): whatever is done to the lock file, no two writes in the folder
    overlap, while a long step on one scenario never holds up another's.

    A lock file replaced by another (an export or a sync tool writing over it, a
    colleague tidying the folder) is a new inode: a writer holding the old one and a
    writer locking the new one would not exclude each other. So it is taken again when
    the path no longer names the inode locked; a writer that finds it replaced when it
    comes to write takes the new one (with the folder held), and without the folder's
    lock asks once more just before the rename; when neither can be, it writes nothing
    and its step starts again.
    """

    def __init__(self, path: Path, real: Path, folder: int, lock: int) -> None:
        self.path = path
        self.real = real
        self._folder = folder
        self._lock = lock

    @contextmanager
    def writing(self) -> Iterator[Callable[[], None]]:
        """The moment of writing: the folder locked where it can be, the lock file still
        the one named; yields the check to make just before a file is put in place."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS  # others hold it for milliseconds
        folder_locked = _take(self._folder, self.path, deadline, may_not_lock=True)
        try:
            if not _still_named(self._folder, self.real, self._lock):
                if not folder_locked:
                    raise LockLost([_busy_problem(self.path)])
                self._take_new_lock()
            yield _nothing if folder_locked else self._confirm
        finally:
            if folder_locked:
                fcntl.flock(self._folder, fcntl.LOCK_UN)

    def _take_new_lock(self) -> None:
        """The lock file named now, taken instead of the replaced one if nobody holds it
        (a writer that cannot lock the folder may be in its step under it)."""
        fd = _open_lock(self._folder, self.real)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise LockLost([_busy_problem(self.path)]) from None
        os.close(self._lock)
        self._lock = fd

    def _confirm(self) -> None:
        if not _still_named(self._folder, self.real, self._lock):
            raise LockLost([_busy_problem(self.path)])

    def close(self) -> None:
        """Let go of the lock file (and so of the lock)."""
        os.close(self._lock)


def _nothing() -> None:
    """Nothing left to check: the folder is held."""


@contextmanager
def write_lock(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[Held]:
    """Hold the exclusive write lock of ``path`` (see :class:`Held`).

    Waits up to ``wait`` seconds for another writer (the app's save or another
    command) to finish, then says so instead of failing silently.

    Whether to follow a link is decided before anything is made: ``path`` must lead to
    a regular file (a link planted to ``/dev/zero``, or one leading nowhere, makes no
    lock beside its target). The lock file is made relative to the descriptor of the
    folder found then, without following a link and without blocking on a FIFO: a
    colleague cannot make us create or touch a file elsewhere.

    Every writer of a scenario passes here (saves, merges, the library's rename, the
    command line), so here a file marked read-only is refused: see :func:`_refuse_read_only`.
    """
    real = real_path(path)
    deadline = time.monotonic() + wait
    folder = _open_folder_of(path, real)
    try:
        _refuse_read_only(path, real, folder)
        held = Held(path, real, folder, _take_named(folder, path, real, deadline))
        try:
            yield held
        finally:
            held.close()
    finally:
        os.close(folder)


def under_lock(path: Path, step: Callable[[Held], _T], wait: float = LOCK_WAIT_SECONDS) -> _T:
    """``step`` done holding ``path``'s write lock; done again from the start when its
    write could not be trusted (:class:`LockLost`), until ``wait`` seconds have passed.

    Afterwards (the lock let go) what writes of the file killed midway left beside it
    is cleared (see :func:`clear_leftovers`).
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            with write_lock(path, max(0.0, deadline - time.monotonic())) as held:
                done = step(held)
        except LockLost as lost:
            if time.monotonic() >= deadline:
                raise ProblemsError(lost.problems) from None
            continue
        clear_leftovers(held.real)
        return done


def _open_folder_of(path: Path, real: Path) -> int:
    """The folder ``real`` is in, opened; only when ``real`` is a regular file in it."""
    name = str(path)
    try:
        folder = open_folder(real.parent)
    except OSError as error:
        problem = read_problem(name, error, "scenario")
        raise (Missing if error.errno in _GONE else ProblemsError)([problem]) from None
    except ValueError:
        raise ProblemsError([bad_name(name)]) from None
    try:
        mode = os.stat(real.name or ".", dir_fd=folder, follow_symlinks=False).st_mode
        if stat.S_ISLNK(mode):  # a link not resolved: one in a loop of links
            raise ProblemsError([Problem(name, "", texts.SYMLINK_LOOP, texts.FIX_SYMLINK_LOOP)])
        wrong = not_a_file(name, mode, "scenario")
        if wrong is not None:
            raise ProblemsError([wrong])
    except OSError as error:
        os.close(folder)
        problem = read_problem(name, error, "scenario")
        raise (Missing if error.errno in _GONE else ProblemsError)([problem]) from None
    except BaseException:
        os.close(folder)
        raise
    return folder


#: What says that a file, or its folder, is not there (any more).
_GONE = frozenset({errno.ENOENT, errno.ENOTDIR})


def _take_named(folder: int, path: Path, real: Path, deadline: float) -> int:
    """The lock file of ``real``, locked, and still the one its name leads to."""
    while True:
        fd = _open_lock(folder, real)
        try:
            _take(fd, path, deadline)
            if _still_named(folder, real, fd):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # replaced or removed meanwhile: the lock others take is the new one
        if time.monotonic() >= deadline:  # replaced again and again: no waiting forever
            raise _busy(path)


def _open_lock(folder: int, real: Path) -> int:
    """The lock file, made if need be in ``folder``, opened without following a link and
    without blocking on a FIFO: a colleague cannot make us create or touch a file elsewhere.

    Opened for writing where one may (an NFS share locks only a file open for
    writing), else for reading (a colleague's lock file, where the umask left it
    theirs to write).
    """
    lock = lock_path(real)
    flags = os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        try:
            fd = os.open(lock.name, os.O_RDWR | os.O_EXCL | flags, 0o666, dir_fd=folder)
            os.fchmod(fd, 0o666)  # not the umask's 644: a colleague may open it for writing
        except FileExistsError:
            fd = _open_existing(lock.name, folder, flags)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):  # a link, folder, FIFO
            raise ProblemsError([_lock_not_file(lock)]) from None
        raise ProblemsError([os_problem(str(lock), error)]) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ProblemsError([_lock_not_file(lock)])
    return fd


def _open_existing(name: str, folder: int, flags: int) -> int:
    try:
        return os.open(name, os.O_RDWR | flags, 0o666, dir_fd=folder)
    except PermissionError:  # an earlier version's, made 644 by its maker
        return os.open(name, os.O_RDONLY | flags, 0o666, dir_fd=folder)


def _still_named(folder: int, real: Path, fd: int) -> bool:
    """Does the lock file's name in ``folder`` still lead to the file locked through ``fd``?"""
    try:
        named = os.stat(lock_path(real).name, dir_fd=folder, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _refuse_read_only(path: Path, real: Path, folder: int) -> None:
    """Refuse ``path`` when its file has no write permission for anyone (``chmod 444``,
    as a team marks an approved scenario).

    A save renames a new file over the old one, which ignores the old file's own
    mode; and ``os.access`` says yes to root. So the mode bits decide.
    """
    try:
        mode = os.stat(real.name, dir_fd=folder, follow_symlinks=False).st_mode
    except OSError:  # gone meanwhile: the writer says so
        return
    if not mode & 0o222:
        raise ProblemsError(
            [Problem(str(path), "", texts.READ_ONLY_FILE, texts.FIX_READ_ONLY_FILE)]
        )


def _lock_not_file(lock: Path) -> Problem:
    return Problem(str(lock), "", texts.LOCK_NOT_FILE, texts.FIX_LOCK_NOT_FILE)


def _take(fd: int, path: Path, deadline: float, *, may_not_lock: bool = False) -> bool:
    """Lock ``fd`` (waiting until ``deadline``); ``False`` when its file system cannot lock
    it and ``may_not_lock`` (a folder: the lock file still excludes)."""
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise _busy(path) from None
            time.sleep(0.02)
        except OSError as error:
            if error.errno not in _NO_LOCKS:
                raise ProblemsError([os_problem(str(path), error)]) from None
            if may_not_lock:
                return False
            raise ProblemsError(
                [Problem(str(path), "", texts.NO_LOCKS_HERE, texts.FIX_NO_LOCKS_HERE)]
            ) from None


#: What ``flock`` says where the file system cannot lock (an NFS share emulates it with
#: a byte-range lock, which needs a file open for writing; a folder opened as a path).
_NO_LOCKS = frozenset({errno.EBADF, errno.ENOLCK, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP})


def _busy(path: Path) -> ProblemsError:
    return ProblemsError([_busy_problem(path)])


def _busy_problem(path: Path) -> Problem:
    return Problem(str(path), "", texts.LOCK_BUSY, texts.FIX_LOCK_BUSY)


def digest(data: bytes) -> str:
    """A fingerprint of a file's content."""
    return hashlib.sha256(data).hexdigest()


@dataclass(slots=True)
class ScenarioDocument:
    """A scenario together with where it lives and what was on disk when it was read.

    Attributes:
        scenario: The model.
        path: The file it is saved to (as the user named it, perhaps a link);
            ``None`` for a bundled example, which is never written in place
            (saving asks for a name in the library).
        origin: The file it was read from (for a bundled example too): the key of
            its crash journal.
        loaded: The file's bytes when loaded or last saved: the base for a merge
            when a colleague saved in the meantime.
        real: Where the file really was then (a link's target): a save goes
            there only while ``path`` still leads there.
    """

    scenario: Scenario
    path: Path | None
    loaded: bytes
    origin: Path = Path()
    real: Path | None = None

    @property
    def loaded_digest(self) -> str:
        """Fingerprint of :attr:`loaded`."""
        return digest(self.loaded)


def load(path: Path, *, writable: bool = True) -> ScenarioDocument:
    """Read and validate a scenario file."""
    raw = read_untrusted(path, kind="scenario")
    return _document(path, raw, scenario_reader.parse(str(path), raw), writable)


def _document(
    path: Path, raw: bytes, scenario: Scenario, writable: bool, real: Path | None = None
) -> ScenarioDocument:
    real = real_path(path) if real is None else real
    return ScenarioDocument(scenario, path if writable else None, raw, path, real)


#: From this size on (about 3.000 gebieden) the planner shows a scenario's first
#: gebieden while it reads the rest; a smaller file is read before the first frame.
STREAM_FROM_BYTES = 1 << 20
#: The gebieden shown meanwhile: more rows than a terminal has.
PREVIEW_GEBIEDEN = 500


@dataclass(frozen=True, slots=True)
class Opening:
    """A large scenario file read from disk, of which only the first gebieden are read
    as a scenario yet: :attr:`preview` (never to be edited or saved) shows them while
    :meth:`finish` reads all of it."""

    preview: ScenarioDocument

    def finish(self) -> ScenarioDocument:
        """The whole document, from the same bytes (:class:`ProblemsError` as :func:`load`)."""
        document = self.preview
        return replace(
            document, scenario=scenario_reader.parse(str(document.origin), document.loaded)
        )


def open_streamed(path: Path, real: Path | None = None) -> ScenarioDocument | Opening:
    """:func:`open_for_editing` for the planner's start: a large file as an :class:`Opening`
    when its first gebieden can be read on their own; else read whole.

    ``real``: where ``path`` was found to lead (and allowed to): read there, without
    following a link put in its place since, and saved there.
    """
    writable = not is_bundled(path)
    if real is None:
        raw = read_untrusted(path, kind="scenario")
    else:
        raw = read_untrusted(real, kind="scenario", follow_links=False)
    preview = (
        scenario_reader.preview(str(path), raw, PREVIEW_GEBIEDEN)
        if len(raw) >= STREAM_FROM_BYTES
        else None
    )
    if preview is not None:
        return Opening(_document(path, raw, preview, writable, real))
    return _document(path, raw, scenario_reader.parse(str(path), raw), writable, real)


def open_for_editing(path: Path) -> ScenarioDocument:
    """:func:`load` for the planner: a bundled example opens as a template (saved as a copy)."""
    return load(path, writable=not is_bundled(path))


class Written(NamedTuple):
    """The save is on disk, in ``real`` (the file itself, or a link's target)."""

    real: Path


class Changed(NamedTuple):
    """Someone saved the file meanwhile: nothing was written; these are their bytes."""

    theirs: bytes


class Vanished(NamedTuple):
    """The file is gone (renamed, moved to the trash): nothing was written."""

    path: Path


WriteResult = Written | Changed | Vanished


def write_unless_changed(
    path: Path, data: bytes, expected_digest: str, expected_real: Path | None = None
) -> WriteResult:
    """Write ``data`` to ``path``'s real file unless someone changed or removed it.

    Takes the write lock, so nobody writes between the check and the write.
    When ``path`` no longer leads to ``expected_real`` (a link planted or turned
    elsewhere since), the file opened is not there any more: :class:`Vanished`,
    decided before anything is made (no lock beside the link's target).
    """
    if expected_real is not None and real_path(path) != expected_real:
        return Vanished(path)

    def write(held: Held) -> WriteResult:
        if expected_real is not None and held.real != expected_real:
            return Vanished(path)
        return write_locked(held, data, expected_digest)

    try:
        return under_lock(path, write)
    except Missing:
        return Vanished(path)


def write_locked(held: Held, data: bytes, expected_digest: str) -> WriteResult:
    """:func:`write_unless_changed` for a caller that holds the lock (see :func:`write_lock`).

    The file is read without following a link: its real place was found as the lock
    was taken, and a link put there since is not the file.
    """
    real = held.real
    with held.writing() as confirm:
        if not os.path.lexists(real):
            return Vanished(real)
        current = read_untrusted(real, kind="scenario", follow_links=False)
        if digest(current) != expected_digest:
            return Changed(current)
        write_atomic(real, data, before_replace=confirm)
    return Written(real)


def save_in_place(document: ScenarioDocument) -> tuple[WriteResult, list[Problem]]:
    """Write ``document`` back to its file unless someone changed or removed it since it
    was read (:func:`write_unless_changed`); with what was saved but is worth saying.

    The file's own text is patched (comments and layout stay; see :mod:`scenario_patch`).
    """
    assert document.path is not None, "a bundled example is saved as a copy"
    saving = _saving(document)
    path, data = document.path, saving.data
    result = write_unless_changed(path, data, document.loaded_digest, document.real)
    return result, _saved(document, saving, result)


def save_locked(document: ScenarioDocument, held: Held) -> list[Problem]:
    """:func:`save_in_place` holding the lock (the command line's ``move``: read, change
    and write as one step); a change under it (or a replaced lock) is :class:`LockLost`,
    for the step to be done again."""
    saving = _saving(document)
    result = write_locked(held, saving.data, document.loaded_digest)
    name = str(held.path)
    if isinstance(result, Vanished):
        raise ProblemsError([Problem(name, "", texts.FILE_VANISHED, texts.FIX_FILE_VANISHED)])
    if isinstance(result, Changed):
        raise LockLost([Problem(name, "", texts.CHANGED_ON_DISK, texts.FIX_CHANGED_ON_DISK)])
    return _saved(document, saving, result)


def _saving(document: ScenarioDocument) -> Saving:
    from gebiedsplanner.format import save_strategy

    return save_strategy.saving(document.scenario, document.loaded)


def _saved(document: ScenarioDocument, saving: Saving, result: WriteResult) -> list[Problem]:
    """What a save that was written is worth saying; the document now is what was saved."""
    if not isinstance(result, Written):
        return []
    document.loaded = saving.data
    return saving.notices(str(document.path))
