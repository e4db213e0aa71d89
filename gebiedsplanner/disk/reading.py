"""Reading files we do not control: bounded, never blocking, never a traceback.

Everything in a team folder, the state dir or the config dir may be planted or
broken: a FIFO where a scenario belongs (a plain ``read()`` would wait forever),
a device, a file of gigabytes, a link in a loop. :func:`read_untrusted` opens
without blocking, reads only regular files and only up to a limit, and turns
every failure into a :class:`Problem` that names the file and the fix.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Literal

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.i18n import texts

MIB = 1024 * 1024
#: A scenario of 50.000 gebieden is about 15 MB; anything far beyond is no scenario.
SCENARIO_LIMIT = 32 * MIB
_CHUNK = MIB


#: What a file is to the one reading or writing it. Its fixes name what belongs there
#: (``texts.FILE_KINDS``): the authorized-keys file is not told to "choose a scenario".
#: ``"file"`` (the default) names no more than "a regular file": for the files users do
#: not choose themselves (notes, journals, locks, an export's target).
FileKind = Literal["scenario", "config", "authorized-keys", "host-key", "file"]


def os_problem(
    name: str, error: OSError, kind: FileKind = "file", *, follow_links: bool = True
) -> Problem:
    """A :class:`Problem` for an OS error while reading or writing ``name``, a ``kind`` file.

    ``follow_links=False``: ``name`` was opened without following a link (``O_NOFOLLOW``),
    so ``ELOOP`` means a link is there, not a loop of links.
    """
    if error.errno == errno.ENOSPC:
        return Problem(name, "", texts.DISK_FULL, texts.FIX_DISK_FULL)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Problem(name, "", texts.FOLDER_NOT_WRITABLE, texts.FIX_NOT_WRITABLE)
    if error.errno == errno.ENOENT and _folder_exists(name):
        return _kind_problem(name, texts.FILE_MISSING, texts.FIX_FILE_MISSING, kind)
    if error.errno == errno.ENOTDIR and os.path.isdir(name):  # so a link to a folder
        return Problem(name, "", texts.FOLDER_IS_LINK, texts.FIX_FOLDER_IS_LINK)
    if error.errno == errno.ENOTDIR and os.path.isfile(name) and not os.path.islink(name):
        return Problem(name, "", texts.NOT_A_FOLDER, texts.FIX_NOT_A_FOLDER)
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return Problem(name, "", texts.FOLDER_MISSING, texts.FIX_FOLDER_MISSING)
    if error.errno == errno.EISDIR:
        return _kind_problem(name, texts.FILE_IS_DIR, texts.FIX_FILE_IS_DIR, kind)
    if error.errno == errno.ELOOP and not follow_links and os.path.islink(name):
        return Problem(name, "", texts.FILE_IS_LINK, texts.FIX_FILE_IS_LINK)
    if error.errno == errno.ELOOP:
        return Problem(name, "", texts.SYMLINK_LOOP, texts.FIX_SYMLINK_LOOP)
    if error.errno == errno.ENAMETOOLONG:
        return Problem(name, "", texts.NAME_TOO_LONG, texts.FIX_NAME_TOO_LONG)
    return Problem(
        name, "", texts.OS_ERROR.format(detail=error.strerror or error), texts.FIX_OS_ERROR
    )


def _folder_exists(name: str) -> bool:
    """The folder ``name`` is in exists: when ``name`` is missing, the file is, not its folder."""
    return os.path.isdir(os.path.dirname(name) or os.curdir)


def _kind_problem(name: str, message: str, fix: str, kind: FileKind) -> Problem:
    """A problem whose fix names what belongs there (``{kind}``: a scenario file, ...)."""
    return Problem(name, "", message, fix.format(kind=texts.FILE_KINDS[kind]))


def bad_name(name: str) -> Problem:
    """A name no file can have: a NUL or a character the file system cannot encode."""
    return Problem(name, "", texts.BAD_FILE_NAME, texts.FIX_BAD_FILE_NAME)


def read_problem(
    name: str, error: OSError, kind: FileKind = "file", *, follow_links: bool = True
) -> Problem:
    """:func:`os_problem` for reading (or looking at) ``name``: a refusal is about reading,
    and a missing folder is not to be made (the file would still not be in it)."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return Problem(name, "", texts.FILE_NO_READ, texts.FIX_NO_READ)
    if error.errno in (errno.ENOENT, errno.ENOTDIR) and not _folder_exists(name):
        return Problem(name, "", texts.FOLDER_MISSING, texts.FIX_READ_FOLDER_MISSING)
    return os_problem(name, error, kind, follow_links=follow_links)


def read_untrusted(
    path: Path,
    limit: int = SCENARIO_LIMIT,
    *,
    kind: FileKind = "file",
    follow_links: bool = True,
    head: bool = False,
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit``; else :class:`ProblemsError`.

    With ``head``, a longer file is no problem: its first ``limit`` bytes are returned.
    ``kind`` is what the file should be: the fixes say what to choose instead.

    ``O_NONBLOCK`` makes opening a FIFO return at once (it is then refused as
    not a regular file); the size is checked on the open descriptor, so the
    file cannot be swapped between the check and the read.
    """
    name = str(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow_links else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except (ValueError, UnicodeError):  # a NUL or an unencodable character in the name
        raise ProblemsError([bad_name(name)]) from None
    except OSError as error:
        raise ProblemsError([read_problem(name, error, kind, follow_links=follow_links)]) from None
    try:
        return _read_open(name, fd, limit, head, kind)
    except OSError as error:
        raise ProblemsError([read_problem(name, error, kind)]) from None
    finally:
        os.close(fd)


def not_a_file(name: str, mode: int, kind: FileKind = "file") -> Problem | None:
    """What is wrong with ``name`` as a ``kind`` file when its mode is ``mode``: a folder,
    or a pipe, device or socket; ``None`` for a regular file."""
    if stat.S_ISDIR(mode):
        return _kind_problem(name, texts.FILE_IS_DIR, texts.FIX_FILE_IS_DIR, kind)
    if not stat.S_ISREG(mode):
        return _kind_problem(name, texts.FILE_NOT_REGULAR, texts.FIX_NOT_REGULAR, kind)
    return None


def _read_open(name: str, fd: int, limit: int, head: bool, kind: FileKind) -> bytes:
    problem = not_a_file(name, os.fstat(fd).st_mode, kind)
    if problem is not None:
        raise ProblemsError([problem])
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    if head:
        return b"".join(chunks)[:limit]
    raise ProblemsError([_kind_problem(name, _too_large(limit), texts.FIX_TOO_LARGE, kind)])


def _too_large(limit: int) -> str:
    """The message for a file over ``limit``: in MB, or in KB below 1 MB (not "0 MB")."""
    if limit >= MIB:
        return texts.FILE_TOO_LARGE.format(limit=limit // MIB)
    return texts.FILE_TOO_LARGE_KB.format(limit=max(1, limit // 1024))


def real_path(path: Path) -> Path:
    """Where ``path`` really is (links followed as far as they go), never an exception.

    ``Path.resolve`` raises ``RuntimeError`` on a loop of links in Python 3.11;
    a loop is then simply not resolved any further. A relative path whose working
    folder was removed stays as it is.
    """
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError, RuntimeError):
        pass
    try:
        return Path(os.path.abspath(path))
    except OSError:  # a relative path, and the working folder is gone
        return path
