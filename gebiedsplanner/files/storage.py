"""Reading and writing scenario files on disk, safely.

* Reading turns every OS error into a :class:`Problem` that names the file and the fix.
* Writing is atomic: a temp file in the same folder, fsync, rename, fsync of the
  folder. A crash at any moment leaves the old file or the new one, never half.
* A :class:`ScenarioDocument` remembers the bytes it was loaded from, so a save
  never silently overwrites a file a colleague changed in the meantime.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gebiedsplanner import texts
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.files import scenario_format
from gebiedsplanner.files.locations import is_bundled


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or :class:`ProblemsError` with a message a user can act on."""
    name = str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ProblemsError(
            [Problem(name, "", texts.FILE_MISSING, texts.FIX_FILE_MISSING)]
        ) from None
    except IsADirectoryError:
        raise ProblemsError([Problem(name, "", texts.FILE_IS_DIR, texts.FIX_FILE_IS_DIR)]) from None
    except PermissionError:
        raise ProblemsError([Problem(name, "", texts.FILE_NO_READ, texts.FIX_NO_READ)]) from None
    except OSError as error:
        raise ProblemsError([os_problem(name, error)]) from None


def os_problem(name: str, error: OSError) -> Problem:
    """A :class:`Problem` for an OS error while reading or writing ``name``."""
    if error.errno == errno.ENOSPC:
        return Problem(name, "", texts.DISK_FULL, texts.FIX_DISK_FULL)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Problem(name, "", texts.FOLDER_NOT_WRITABLE, texts.FIX_NOT_WRITABLE)
    if error.errno == errno.ENOENT:
        return Problem(name, "", texts.FOLDER_MISSING, texts.FIX_FOLDER_MISSING)
    if error.errno == errno.EISDIR:
        return Problem(name, "", texts.FILE_IS_DIR, texts.FIX_FILE_IS_DIR)
    if error.errno == errno.ELOOP:
        return Problem(name, "", texts.SYMLINK_LOOP, texts.FIX_SYMLINK_LOOP)
    return Problem(
        name, "", texts.OS_ERROR.format(detail=error.strerror or error), texts.FIX_OS_ERROR
    )


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; raises :class:`ProblemsError` on failure."""
    folder = path.parent
    temp = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        try:
            try:
                handle = os.fdopen(fd, "wb")
            except BaseException:
                os.close(fd)
                raise
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        _fsync_folder(folder)
    except OSError as error:
        raise ProblemsError([os_problem(str(path), error)]) from None


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (not every file system allows this)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


LOCK_WAIT_SECONDS = 15.0


def lock_path(path: Path) -> Path:
    """The lock file beside a scenario: never replaced, so every writer locks the same inode."""
    return path.parent / f".{path.name}.lock"


@contextmanager
def write_lock(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the exclusive write lock of ``path`` (read, change, write as one step).

    Waits up to ``wait`` seconds for another writer (the app's save or another
    command) to finish; then says who to wait for instead of failing silently.
    """
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise ProblemsError([os_problem(str(path), error)]) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ProblemsError(
                        [Problem(str(path), "", texts.LOCK_BUSY, texts.FIX_LOCK_BUSY)]
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def digest(data: bytes) -> str:
    """A fingerprint of a file's content."""
    return hashlib.sha256(data).hexdigest()


@dataclass(slots=True)
class ScenarioDocument:
    """A scenario together with where it lives and what was on disk when it was read.

    Attributes:
        scenario: The model.
        path: The file it is saved to; ``None`` for a bundled example, which is
            never written in place (saving asks for a name in the library).
        origin: The file it was read from (for a bundled example too): the key of
            its crash journal.
        loaded: The file's bytes when loaded or last saved: the base for a merge
            when a colleague saved in the meantime.
    """

    scenario: Scenario
    path: Path | None
    loaded: bytes
    origin: Path = Path()

    @property
    def loaded_digest(self) -> str:
        """Fingerprint of :attr:`loaded`."""
        return digest(self.loaded)


def load(path: Path, *, writable: bool = True) -> ScenarioDocument:
    """Read and validate a scenario file."""
    raw = read_bytes(path)
    scenario = scenario_format.parse(str(path), raw)
    return ScenarioDocument(scenario, path if writable else None, raw, path)


def open_for_editing(path: Path) -> ScenarioDocument:
    """:func:`load` for the planner: a bundled example opens as a template (saved as a copy)."""
    return load(path, writable=not is_bundled(path))


def write_checked(path: Path, data: bytes, expected_digest: str) -> None:
    """Replace ``path`` with ``data``, unless its content is no longer ``expected_digest``.

    The check protects a colleague's work: nothing is written when the file
    changed since it was read.
    """
    if write_unless_changed(path, data, expected_digest) is not None:
        raise ProblemsError(
            [Problem(str(path), "", texts.CHANGED_ON_DISK, texts.FIX_CHANGED_ON_DISK)]
        )


def write_unless_changed(path: Path, data: bytes, expected_digest: str) -> bytes | None:
    """Write ``data`` unless someone saved ``path`` meanwhile; then return their bytes instead.

    Call it holding :func:`write_lock`, so nobody writes between the check and the write.
    """
    theirs = read_if_changed(path, expected_digest)
    if theirs is None:
        write_atomic(path, data)
    return theirs


def read_if_changed(path: Path, expected_digest: str) -> bytes | None:
    """The bytes on disk if they are no longer ``expected_digest`` (someone saved), else None."""
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ProblemsError([os_problem(str(path), error)]) from None
    return None if digest(current) == expected_digest else current


def write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file ``path`` (never over an existing one), making its folder."""
    if path.exists():
        raise ProblemsError([Problem(str(path), "", texts.FILE_EXISTS, texts.FIX_FILE_EXISTS)])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ProblemsError([os_problem(str(path.parent), error)]) from None
    write_atomic(path, data)


def save(document: ScenarioDocument) -> None:
    """Write ``document`` back to its file (see :func:`write_checked`)."""
    assert document.path is not None, "a bundled scenario is saved as a new file"
    data = scenario_format.dumps(document.scenario)
    write_checked(document.path, data, document.loaded_digest)
    document.loaded = data
