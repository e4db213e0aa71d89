"""The report as a PDF: its HTML printed by Chromium (headless), where Chromium is installed.

The report is already made for A4 (``@page``, tables that do not break), so a browser
prints it as the manager would from the print dialog: ``chromium --headless
--print-to-pdf``. The browser runs as a program of its own, never through a shell,
on a page and a profile in a private temporary folder, within :data:`PDF_SECONDS`;
it and whatever it started are killed after. (Scripts stay on: with them off,
headless Chromium 156 exits 0 and prints nothing; the report has no script to run.)
Every failure is a problem that says what to do instead: install Chromium, or print
the HTML from a browser.

What one PDF may take is bounded, since any key of ``ssh-serve`` may ask for one:
a report over :data:`HTML_LIMIT` is refused before Chromium starts (Chromium took
6 GB and a core for a minute on a report of 20.000 gebieden, and printed nothing);
each of Chromium's processes gets at most :data:`BROWSER_MEMORY` of data
(``RLIMIT_DATA``); and one PDF is made at a time per user and temporary folder
(an ``flock``, :func:`one_at_a_time`): so once per ``ssh-serve``, whose commands
share the operator's ``TMPDIR``.

Chromium dies with the command that started it, however that ends: it runs in a
process group of its own (a time-out kills that whole group), and on Linux the
kernel kills it the moment the command dies (``PR_SET_PDEATHSIG``), so neither
ssh-serve's SIGKILL or SIGHUP to the command's group nor a ``kill -9`` of the
command leaves it running; its renderers and helpers end with it. (Not where the
kernel cannot: off Linux, or a Chromium started through a set-user-ID step, as a
snap is, or by a wrapper that does not ``exec`` it: there a browser may outlive a
command that is killed, until the next PDF finds it working in the folder left
behind and kills it.) The temporary
folder is named with the command's process id (``gebiedsplanner-pdf-PID-XXXX``):
one whose command no longer runs is removed at the next PDF (with anything still
running in it), and ``ssh-serve`` removes a command's at once when it ends.

Chromium's sandbox is off (``--no-sandbox``): it cannot start as root, nor where user
namespaces are not allowed (many containers), and what it guards against, a hostile
page, is not what runs here: our own HTML, every text of a scenario escaped, no
script, no address outside the temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.server_limits import megabytes
from gebiedsplanner.i18n import texts

#: The names Chromium goes by on Debian, Ubuntu, Fedora and as Google's build.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: How long printing may take: 0,9 to 1,6 s for the bundled example, 8 to 16 s for a
#: report of 1.000 gebieden, on 2 shared cores (docs/command-line.md). Room for a
#: busy machine: a report within :data:`HTML_LIMIT` prints in about 15 s.
PDF_SECONDS = 60.0
#: The largest report printed, in bytes of HTML (some 1.600 gebieden): on 2 cores
#: 1.500 gebieden (3,8 MB) print in 13 to 18 s and 2.000 (5 MB) in 20 to 26 s, and
#: Chromium's memory grows with the page (2 GB in all at 3,8 MB); 20.000 gebieden
#: (51 MB) did not print in a minute.
HTML_LIMIT = 4 * 1024 * 1024
#: The most data (``RLIMIT_DATA``) each of Chromium's processes may take: a report at
#: :data:`HTML_LIMIT` needs 1 to 1,5 GB in its renderer. (``RLIMIT_AS`` cannot be used:
#: Chromium reserves far more address space than it uses, and crashes under any cap.)
BROWSER_MEMORY = 2 * 1024 * 1024 * 1024
#: How long a PDF waits for another of the same user to be made before it is refused.
WAIT_SECONDS = 30.0
#: The largest PDF read back: a report of 1.000 gebieden is 9 MB.
PDF_LIMIT = 256 * 1024 * 1024
#: What Chromium keeps of its standard error for a message: its last line.
_ERROR_TAIL = 4096
#: The temporary folders' names: ``gebiedsplanner-pdf-PID-`` and a random part.
PREFIX = "gebiedsplanner-pdf-"
_FOLDER = re.compile(re.escape(PREFIX) + r"(\d+)-")
_PR_SET_PDEATHSIG = 1


def chromium() -> str | None:
    """The Chromium on ``PATH``, or ``None``."""
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def html_to_pdf(
    html: bytes,
    name: str,
    *,
    browser: str | None = None,
    seconds: float = PDF_SECONDS,
    wait: float = WAIT_SECONDS,
) -> bytes:
    """``html`` printed to PDF by ``browser`` (default: :func:`chromium`); ``name``: the
    output's name for messages. :class:`ProblemsError` says why there is none."""
    if len(html) > HTML_LIMIT:
        message = texts.PDF_TOO_LARGE.format(size=megabytes(len(html)), most=megabytes(HTML_LIMIT))
        raise ProblemsError([Problem(name, "", message, texts.FIX_PDF_TOO_LARGE)])
    browser = browser or chromium()
    if browser is None:
        raise ProblemsError([Problem(name, "", texts.PDF_NO_CHROMIUM, texts.FIX_PDF_NO_CHROMIUM)])
    try:
        temporary = Path(tempfile.gettempdir())
        with one_at_a_time(temporary, name, wait):
            remove_left_behind(temporary)
            made = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=temporary))
            try:
                return _printed(html, name, browser, seconds, made)
            finally:
                shutil.rmtree(made, ignore_errors=True)
    except OSError as error:  # no temporary folder, or no room in it
        why = literal(error.strerror or str(error))
        folder = literal(tempfile.tempdir or os.environ.get("TMPDIR") or "/tmp")
        message = texts.PDF_NO_TEMPORARY.format(folder=folder, why=why)
        raise ProblemsError([Problem(name, "", message, texts.FIX_PDF_NO_TEMPORARY)]) from None


@contextlib.contextmanager
def one_at_a_time(temporary: Path, name: str, wait: float) -> Iterator[None]:
    """Hold the user's PDF lock in ``temporary`` (waiting at most ``wait`` seconds for
    another PDF to be made), or refuse."""
    lock = _lock_file(temporary)
    try:
        if lock is not None:
            _lock(lock, name, wait)
        yield
    finally:
        if lock is not None:
            os.close(lock)  # and with it the lock


def _lock_file(temporary: Path) -> int | None:
    """The lock file, open; ``None`` where there is none of ours to be had (a link, a
    file of another user's in a shared ``/tmp``): that cannot keep us from printing."""
    try:
        lock = os.open(
            temporary / f"{PREFIX}{os.getuid()}.lock",
            os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
            0o600,
        )
    except OSError:
        return None
    found = os.fstat(lock)
    if stat.S_ISREG(found.st_mode) and found.st_uid == os.getuid():
        return lock
    os.close(lock)
    return None


def _lock(lock: int, name: str, wait: float) -> None:
    import fcntl

    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                message = texts.PDF_BUSY.format(seconds=round(wait))
                raise ProblemsError([Problem(name, "", message, texts.FIX_PDF_BUSY)]) from None
            time.sleep(0.1)


def remove_left_behind(temporary: Path, pid: int | None = None) -> None:
    """Remove the PDF folders in ``temporary`` (of process ``pid``, or of any) whose
    command no longer runs, and kill what still runs in them: a folder of ours, never
    one of a running command, another user's or a link."""
    try:
        entries = list(os.scandir(temporary))
    except OSError:
        return
    for entry in entries:
        match = _FOLDER.match(entry.name)
        if match is None or (pid is not None and int(match[1]) != pid):
            continue
        try:
            found = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        ours = stat.S_ISDIR(found.st_mode) and found.st_uid == os.getuid()
        if ours and not _running(int(match[1])):
            _remove(Path(entry.path))


def _remove(folder: Path) -> None:
    """Remove ``folder`` and kill what runs in it; a browser killed a moment ago may
    still be writing there, so a few times if need be."""
    for _ in range(5):
        _kill_working_in(folder.resolve())
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's: running
        return True
    return True


def _kill_working_in(folder: Path) -> None:
    """Kill our processes that work in ``folder`` (their current folder): a browser that
    outlived its command where the kernel could not end it (not Linux)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return
    for process in proc.iterdir():
        if not process.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if Path(os.readlink(process / "cwd")) == folder:
                os.kill(int(process.name), signal.SIGKILL)


def _printed(html: bytes, name: str, browser: str, seconds: float, folder: Path) -> bytes:
    """The PDF ``browser`` prints of ``html``, its page and profile in ``folder`` (mode
    700: only we read the page and the PDF)."""
    page, printed, errors = folder / "rapport.html", folder / "rapport.pdf", folder / "err"
    _write_private(page, html)
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-sync",
        f"--user-data-dir={folder / 'profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={printed}",
        page.as_uri(),
    ]
    code = _run(command, folder, errors, seconds, name)
    data = _read_pdf(printed)
    if code != 0 or not data.startswith(b"%PDF"):
        why = _last_line(errors) or texts.PDF_NO_OUTPUT
        message = texts.PDF_FAILED.format(code=code, why=literal(why))
        raise ProblemsError([Problem(name, "", message, texts.FIX_PDF_FAILED)])
    return data


def _write_private(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def _run(command: list[str], folder: Path, errors: Path, seconds: float, name: str) -> int:
    """Run ``command`` in a process group of its own, dying with us; its exit code, or
    a problem when it runs past ``seconds`` or cannot start. Whatever it leaves
    running is killed."""
    environment = {
        key: value for key, value in os.environ.items() if key in ("PATH", "LANG", "LC_ALL", "TZ")
    }
    # Its profile, caches and fontconfig's own in the temporary folder, not the user's.
    environment.update(HOME=str(folder), XDG_CONFIG_HOME=str(folder), XDG_CACHE_HOME=str(folder))
    with errors.open("wb") as error_file:
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=error_file,
                cwd=folder,
                env=environment,
                process_group=0,
                preexec_fn=_bounded_child(),
            )
        except OSError as error:
            message = texts.PDF_NOT_STARTED.format(why=literal(error.strerror or str(error)))
            raise ProblemsError([Problem(name, "", message, texts.FIX_PDF_FAILED)]) from None
        try:
            return process.wait(seconds)
        except subprocess.TimeoutExpired:
            message = texts.PDF_TOO_SLOW.format(seconds=round(seconds))
            raise ProblemsError([Problem(name, "", message, texts.FIX_PDF_FAILED)]) from None
        finally:
            _kill_group(process)


def _bounded_child() -> Callable[[], None]:
    """What the browser's process does before it becomes the browser: take at most
    :data:`BROWSER_MEMORY` of data, and (on Linux) be killed when we die, however we
    die (a ``prctl`` the kernel keeps across ``exec``)."""
    import resource

    parent = os.getpid()
    prctl = _prctl()

    def bound() -> None:
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        cap = BROWSER_MEMORY if hard == resource.RLIM_INFINITY else min(hard, BROWSER_MEMORY)
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            if os.getppid() != parent:  # we died before it was set
                os.kill(os.getpid(), signal.SIGKILL)

    return bound


def _prctl() -> Callable[..., int] | None:
    """Linux's ``prctl``, or ``None`` elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    prctl.argtypes = [ctypes.c_int, *[ctypes.c_ulong] * 4]
    prctl.restype = ctypes.c_int
    return prctl


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill ``process`` and what it started (its renderers, a crash handler)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):  # the group has gone
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _read_pdf(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(PDF_LIMIT)
    except OSError:
        return b""


def _last_line(errors: Path) -> str:
    try:
        with errors.open("rb") as file:
            file.seek(max(0, file.seek(0, os.SEEK_END) - _ERROR_TAIL))
            tail = file.read().decode("utf-8", "replace")
    except OSError:
        return ""
    lines = [line.strip() for line in tail.splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""
