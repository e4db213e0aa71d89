"""Writing files safely in folders others can write to.

* Every temporary file has an unpredictable name and is created exclusively
  (``O_CREAT | O_EXCL | O_NOFOLLOW`` through :func:`tempfile.mkstemp`): a link
  planted at a guessed name is never followed, never written through.
* Replacing is atomic: temp file in the same folder, fsync, rename, fsync of the
  folder. A crash at any moment leaves the old file or the new one, never half.
* A new file never replaces one that appeared meanwhile: it is put in place
  with a hard link, which fails when the name is taken (by a file or a link).
* A write killed midway leaves its temp file: the next write of that name removes
  those that nobody is writing any more (a temp file is locked while it is written;
  see :func:`clear_unfinished`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.disk.reading import bad_name, os_problem
from gebiedsplanner.i18n import texts


class AlreadyThere(ProblemsError):
    """:func:`write_new` found the name taken (by a file, a folder or a link)."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Read once at import (``os.umask`` can only be read by setting it): new files
#: get the usual ``0o666`` less the umask, as any other program would give them.
NEW_FILE_MODE = 0o666 & ~_umask()


#: Bytes of a file's name used in the names of files beside it (temp, lock, note):
#: with what they add, those stay well within the 255 bytes a name may have.
_NAME_IN_NAMES = 120


def short_name(name: str) -> str:
    """``name`` for use inside the name of a file beside it; a fingerprint when too long.

    Deterministic, so every process finds the same lock and notes for one file.
    """
    raw = os.fsencode(name)
    return name if len(raw) <= _NAME_IN_NAMES else hashlib.sha256(raw).hexdigest()[:24]


def _temp_in(folder: Path, name: str) -> tuple[int, Path]:
    """A new, exclusively created temp file beside ``name``: its descriptor and path."""
    fd, temp = tempfile.mkstemp(prefix=f".{short_name(name)}.", suffix=".tmp", dir=folder)
    return fd, Path(temp)


def _write_temp(folder: Path, name: str, data: bytes, mode: int) -> tuple[int, Path]:
    """``data`` durably in a new temp file in ``folder`` with ``mode``: its descriptor,
    still open and locked until the caller put the file in place, and its path."""
    fd, temp = _temp_in(folder, name)
    try:
        with contextlib.suppress(OSError):  # a file system without locks: see clear_unfinished
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    return fd, temp


#: A file younger than this may have just been made by a writer that did not lock it
#: yet; left alone.
UNFINISHED_AFTER_SECONDS = 5.0


def clear_leftovers(path: Path) -> None:
    """Remove the temp files that writes of ``path`` killed midway left beside it.

    A save or export killed midway (``kill -9``, a dropped session) leaves a full-size
    ``.NAME.XXXXXXXX.tmp``. Only names of exactly that form are looked at (see
    :func:`clear_unfinished`). A new file's write, an export and a scenario's save (once
    its lock is let go: the folder is read whole) and open for editing call this.
    """
    pattern = re.compile(rf"\.{re.escape(short_name(path.name))}\.[a-z0-9_]{{8}}\.tmp")
    clear_unfinished(path.parent, pattern.fullmatch)


def clear_unfinished(folder: Path, ours: Callable[[str], object]) -> None:
    """Remove the files in ``folder`` whose names are ``ours`` that nobody writes any more.

    Every file of ours is locked while it is written (a temp file, a journal being
    made), so one that can be locked, and is not just made, was being written by a
    process that died: a colleague's write in progress is never touched. Only regular
    files go, never a link. On a file system that cannot lock, nothing is removed.
    """
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except (OSError, ValueError):
        return
    try:
        with os.scandir(descriptor) as entries:
            names = [entry.name for entry in entries if ours(entry.name)]
        for name in names:
            with contextlib.suppress(OSError):
                _clear_unfinished(descriptor, name)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _clear_unfinished(folder: int, name: str) -> None:
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    fd = os.open(name, flags, dir_fd=folder)
    try:
        held = os.fstat(fd)
        young = time.time() - held.st_mtime < UNFINISHED_AFTER_SECONDS
        if not stat.S_ISREG(held.st_mode) or young:
            return
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises while it is written
        named = os.stat(name, dir_fd=folder, follow_symlinks=False)
        if (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino):
            os.unlink(name, dir_fd=folder)
    finally:
        os.close(fd)


def open_folder(folder: Path) -> int:
    """``folder`` opened as a directory descriptor to make files in (``dir_fd``), without
    following a link at its last step.

    A folder one may write in but not list (``chmod 733``) is opened as a path only
    (``O_PATH``): enough to make files in, not to lock it.
    """
    flags = os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        return os.open(folder, os.O_RDONLY | flags)
    except PermissionError:
        if not hasattr(os, "O_PATH"):
            raise
        return os.open(folder, os.O_PATH | flags)


def _mode_of(path: Path) -> int:
    """The permissions to keep when replacing ``path`` (a new file gets the usual ones)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return NEW_FILE_MODE
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else NEW_FILE_MODE


def write_atomic(
    path: Path, data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Replace ``path`` with ``data`` atomically; raises :class:`ProblemsError` on failure.

    ``path`` itself is replaced: a link there is replaced by the file, not
    followed. Callers that mean the link's target pass the target.
    ``before_replace`` is asked last, when the new file is written: it may raise to
    put nothing in place (a writer's lock found replaced).
    """
    try:
        fd, temp = _write_temp(path.parent, path.name, data, _mode_of(path))
        try:
            if before_replace is not None:
                before_replace()
            os.replace(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        finally:
            os.close(fd)
        fsync_folder(path.parent)
    except OSError as error:
        raise ProblemsError([os_problem(str(path), error)]) from None
    except (ValueError, UnicodeError):
        raise ProblemsError([bad_name(str(path))]) from None


def write_new(path: Path, data: bytes, *, make_folder: bool = False) -> None:
    """Write ``data`` to a new file ``path``, never over anything there.

    ``make_folder`` makes a missing folder: only for the user's own library on first
    use. A team folder that is missing is a share not mounted, or a typo: writing
    there would put the file on the local disk, where no colleague sees it.
    """
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ProblemsError([os_problem(str(path.parent), error)]) from None
    except (ValueError, UnicodeError):
        raise ProblemsError([bad_name(str(path))]) from None
    clear_leftovers(path)
    try:
        fd, temp = _write_temp(path.parent, path.name, data, NEW_FILE_MODE)
        try:
            _link_new(temp, path)
        finally:
            temp.unlink(missing_ok=True)
            os.close(fd)
        fsync_folder(path.parent)
    except FileExistsError:
        raise AlreadyThere(
            [Problem(str(path), "", texts.FILE_EXISTS, texts.FIX_FILE_EXISTS)]
        ) from None
    except OSError as error:
        raise ProblemsError([os_problem(str(path), error)]) from None


def _link_new(temp: Path, path: Path) -> None:
    """Give ``temp``'s content the name ``path``; ``FileExistsError`` when it is taken."""
    try:
        os.link(temp, path, follow_symlinks=False)
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: the check and the rename are two steps.
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.rename(temp, path)


def private_folder(folder: Path) -> Path:
    """``folder`` (made 0700 if missing) when it is a real folder, not a link to elsewhere.

    Raises:
        OSError: It cannot be made, or something other than a folder is there.
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):  # a file or a link: said as such (see os_problem)
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
    return folder


def create_exclusive(
    path: Path, data: bytes, mode: int = 0o600, *, folder: int | None = None
) -> None:
    """Create the new small file ``path`` (never over anything, never through a link);
    relative to the open ``folder`` when given."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(path, flags, mode, dir_fd=folder)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not every file system allows this)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
