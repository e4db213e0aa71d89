"""The real app in a pseudo-terminal, as an adviser runs it over SSH.

The ideas of ``benchmarks/harness.py``, for tests: a fresh process in an 80x24
pty (its session leader, so closing the pty hangs it up as a dropped SSH link
does), ``TERM=xterm-256color``, the test's own XDG folders. Every wait is for a
condition (bytes on the pty, a file, the process ending) with a deadline; no
test passes because of a sleep.
"""

from __future__ import annotations

import os
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from fcntl import ioctl
from pathlib import Path

LAUNCH = Path(__file__).with_name("pty_launch.py")
COLUMNS, LINES = 80, 24
LIMIT = 30.0  # seconds: generous, the machine may be busy

TITLE = b"NRW basis 2016-2019"
ENTER = b"\r"


def pty_problem() -> str | None:
    """Why no pseudo-terminal can be made here, or ``None`` when one can."""
    if not hasattr(os, "openpty") or not hasattr(os, "login_tty"):
        return "this platform has no pseudo-terminals (os.openpty, os.login_tty)"
    try:
        primary, secondary = os.openpty()
    except OSError as error:
        return f"no pseudo-terminal available: {error}"
    os.close(primary)
    os.close(secondary)
    return None


class PtyApp:
    """One ``gebiedsplanner`` process in an 80x24 pseudo-terminal."""

    def __init__(
        self,
        home: Path,
        *args: str,
        command: Sequence[str] = (),
        term: str = "xterm-256color",
        environment: Mapping[str, str] | None = None,
    ) -> None:
        """``args`` for the app; or ``command`` to run instead (an ssh client, say).

        The app's environment is the test's, less what a terminal or sshd would not
        pass on: ``COLUMNS`` and ``LINES`` among them, which pytest's process holds
        when it runs under pytest-xdist (pytest imports readline, and GNU readline
        exports them to what it starts). ``environment`` adds to it.
        """
        env = dict(
            os.environ,
            TERM=term,
            XDG_STATE_HOME=str(home / "state"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
        )
        for variable in ("TEXTUAL", "COLORTERM", "TEXTUAL_ALLOW_SIGNALS", "COLUMNS", "LINES"):
            env.pop(variable, None)
        env.update(environment or {})
        command = list(command) or [sys.executable, str(LAUNCH), *args]
        primary, secondary = os.openpty()
        ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.attributes_before = termios.tcgetattr(secondary)
        pid = os.fork()
        if pid == 0:  # the child: exec at once, touching nothing of the parent's
            os.close(primary)
            os.login_tty(secondary)  # its own session, the pty its controlling terminal
            os.execvpe(command[0], command, env)
        os.close(secondary)
        self.pid, self.fd = pid, primary
        self.output = bytearray()
        self.status: int | None = None  # the exit code; -N when signal N killed the process
        self.attributes_after: list[object] | None = None  # the pty's, once the app has gone

    # -- reading ---------------------------------------------------------------

    def _read(self, timeout: float) -> None:
        """Read what the app wrote within ``timeout`` seconds (nothing once it is closed)."""
        if self.fd < 0:  # nothing more to read: just pace the caller's polling
            time.sleep(timeout)
            return
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                self.output += os.read(self.fd, 65536)
            except OSError:  # EIO: the app and every child of it have gone
                self.attributes_after = termios.tcgetattr(self.fd)
                os.close(self.fd)
                self.fd = -1

    def wait_for(self, condition: Callable[[], bool], what: str, limit: float = LIMIT) -> None:
        """Keep reading the pty until ``condition`` holds; fail after ``limit`` seconds."""
        deadline = time.monotonic() + limit
        while not condition():
            if time.monotonic() > deadline:
                tail = bytes(self.output[-600:])
                raise AssertionError(f"waited {limit} s for {what}; last output: {tail!r}")
            self._read(0.05)
            self._reap()

    def wait_for_bytes(self, wanted: bytes, since: int = 0, limit: float = LIMIT) -> None:
        """Until the app has written ``wanted`` at or after offset ``since`` of the output."""
        self.wait_for(lambda: wanted in self.output[since:], repr(wanted), limit)

    def wait_for_screen_text(self, text: str, limit: float = LIMIT) -> None:
        """Until ``text`` is on one line of the screen (styles may change within it)."""

        def shown() -> bool:
            cells = Cells()
            cells.feed(bytes(self.output))
            return any(text in line for line in cells.lines())

        self.wait_for(shown, repr(text), limit)

    def wait_for_start(self) -> None:
        """Until the planner shows the scenario's title."""
        self.wait_for_bytes(TITLE)

    # -- acting ----------------------------------------------------------------

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def kill(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def hang_up(self) -> None:
        """Close the terminal's side, as sshd does when the link drops."""
        os.close(self.fd)
        self.fd = -1

    def wait_for_stop(self, limit: float = LIMIT) -> None:
        """Until the process is stopped (by SIGTSTP, say)."""

        def stopped() -> bool:
            pid, status = os.waitpid(self.pid, os.WNOHANG | os.WUNTRACED)
            return bool(pid) and os.WIFSTOPPED(status)

        self.wait_for(stopped, "the app to stop", limit)

    def _reap(self) -> None:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)

    def wait_for_exit(self, limit: float = LIMIT) -> int:
        """The exit status, once the app has ended and written its last bytes."""
        self.wait_for(lambda: self.status is not None, "the app to end", limit)
        self.wait_for(lambda: self.fd < 0, "the pty to close", limit)
        assert self.status is not None
        return self.status

    def close(self) -> None:
        """Make sure the process is gone (a failed test must not leave it running)."""
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class Cells:
    """What a terminal shows after the bytes the app wrote: each cell's character and style.

    Enough of a terminal for what Textual writes to one: cursor moves (CUP), styles
    (SGR, as Textual writes them: each run's codes, then a reset), line feeds and
    characters one column wide; every other sequence is ignored.
    """

    SEQUENCE = re.compile(
        rb"\x1b\[([0-9;?<>=$]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|[^\x1b]+",
        re.S,
    )

    def __init__(self) -> None:
        self.cells = [[(" ", "")] * COLUMNS for _ in range(LINES)]
        self.y = self.x = 0
        self.style = ""

    def feed(self, data: bytes) -> None:
        for match in self.SEQUENCE.finditer(data):
            parameters, final = match.group(1), match.group(2)
            if final == b"H":
                y, _, x = parameters.decode().partition(";")
                self.y, self.x = int(y or 1) - 1, int(x or 1) - 1
            elif final == b"m":
                self.style = "" if parameters in (b"", b"0") else parameters.decode()
            elif final is None and not match.group().startswith(b"\x1b"):
                self._text(match.group().decode())

    def _text(self, text: str) -> None:
        for character in text:
            if character == "\r":
                self.x = 0
            elif character == "\n":
                self.y = min(self.y + 1, LINES - 1)
            elif 0 <= self.y < LINES and 0 <= self.x < COLUMNS:
                self.cells[self.y][self.x] = (character, self.style)
                self.x += 1

    def lines(self) -> list[str]:
        return ["".join(character for character, _ in line) for line in self.cells]
