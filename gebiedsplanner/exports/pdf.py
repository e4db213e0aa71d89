"""The report as a PDF: its HTML printed by Chromium (headless), where Chromium is installed.

The report is already made for A4 (``@page``, tables that do not break), so a browser
prints it as the manager would from the print dialog: ``chromium --headless
--print-to-pdf``. The browser runs as a program of its own, never through a shell,
on a page and a profile in a private temporary folder (mode 700, removed after),
within :data:`PDF_SECONDS`; it and whatever it started are killed after. (Scripts stay
on: with them off, headless Chromium 156 exits 0 and prints nothing; the report has no
script to run.) Every failure is a problem that says what to do instead:
install Chromium, or print the HTML from a browser.

Chromium's sandbox is off (``--no-sandbox``): it cannot start as root, nor where user
namespaces are not allowed (many containers), and what it guards against, a hostile
page, is not what runs here: our own HTML, every text of a scenario escaped, no
script, no address outside the temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.i18n import texts

#: The names Chromium goes by on Debian, Ubuntu, Fedora and as Google's build.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: How long printing may take: 1,3 to 1,6 s for the bundled example, 16 s for a report of
#: 1.000 gebieden, on 2 shared cores (docs/command-line.md). A report far larger runs
#: into it, and is told to print the HTML from a browser.
PDF_SECONDS = 60.0
#: The largest PDF read back: a report of 1.000 gebieden is 9 MB.
PDF_LIMIT = 256 * 1024 * 1024
#: What Chromium keeps of its standard error for a message: its last line.
_ERROR_TAIL = 4096


def chromium() -> str | None:
    """The Chromium on ``PATH``, or ``None``."""
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def html_to_pdf(
    html: bytes, name: str, *, browser: str | None = None, seconds: float = PDF_SECONDS
) -> bytes:
    """``html`` printed to PDF by ``browser`` (default: :func:`chromium`); ``name``: the
    output's name for messages. :class:`ProblemsError` says why there is none."""
    browser = browser or chromium()
    if browser is None:
        raise ProblemsError([Problem(name, "", texts.PDF_NO_CHROMIUM, texts.FIX_PDF_NO_CHROMIUM)])
    try:
        with tempfile.TemporaryDirectory(prefix="gebiedsplanner-pdf-") as made:
            return _printed(html, name, browser, seconds, Path(made))
    except OSError as error:  # no temporary folder, or no room in it
        why = literal(error.strerror or str(error))
        folder = literal(tempfile.tempdir or os.environ.get("TMPDIR") or "/tmp")
        message = texts.PDF_NO_TEMPORARY.format(folder=folder, why=why)
        raise ProblemsError([Problem(name, "", message, texts.FIX_PDF_NO_TEMPORARY)]) from None


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
    """Run ``command`` in a process group of its own; its exit code, or a problem when it
    runs past ``seconds`` or cannot start. Whatever it leaves running is killed."""
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
                start_new_session=True,
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
