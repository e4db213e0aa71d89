"""The app's duties to the adviser's terminal: signals, suspension and crashes.

Over SSH the app is stopped in ways a desktop app rarely is: ``kill -TERM`` by
an administrator, SIGHUP from a dropped link, suspension and ``fg``. Whatever
happens, the terminal must be left as it was found (no alternate screen, mouse
reporting off, cursor shown), unsaved edits must stay in the journal for the
next start, and the exit status must say what happened. A session may also run
for days: a closed screen must leave nothing behind (:mod:`closed_screens`). This
base class keeps all of that, and every use of Textual's private API, out of the
planner app.
"""

from __future__ import annotations

import asyncio
import errno
import io
import os
import signal
import termios
from collections.abc import Callable
from functools import partial
from types import FrameType
from typing import IO, Any

from rich.console import Console, RenderableType
from textual.app import App
from textual.driver import Driver
from textual.worker import WorkerFailed

from gebiedsplanner.disk import crash_log
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.closed_screens import TaskContextExecutor, forget_closed_widgets

#: Signals that end the app as if the user quit without saving: TERM from an
#: administrator or the system, HUP when the SSH link drops, INT and QUIT sent
#: with ``kill`` (typed, ctrl+c and ctrl+\\ are keys, not signals, in the app).
LEAVE_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT)

SignalHandler = Callable[[int, FrameType | None], object]


def _hung_up(descriptor: int) -> bool:
    """``descriptor`` is a terminal that was hung up: every call on it fails with EIO."""
    try:
        termios.tcgetattr(descriptor)
    except termios.error as error:
        return bool(error.args) and error.args[0] == errno.EIO
    return False


def _silence_hung_up_output() -> None:
    """Point standard output and error at /dev/null where their terminal is gone.

    Otherwise Textual's output thread dies of its first failed write (a traceback,
    and a queue that fills up until writing blocks), and Python's flush at exit fails.
    """
    for descriptor in (1, 2):
        if _hung_up(descriptor):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, descriptor)
            os.close(null)


class _HangUpProofOutput:
    """The terminal as Textual's output thread writes to it, surviving a hang-up.

    The kernel hangs the terminal up the moment the SSH link drops; our SIGHUP and
    SIGCONT handlers silence the output soon after, but the output thread may write
    in between. Its write then fails with EIO; without this the thread dies of it
    (and the queue behind it fills until the app blocks). Here the output is silenced
    at once, and what was written goes nowhere, as it would have anyway.
    """

    def __init__(self, file: IO[str]) -> None:
        self._file = file

    def write(self, text: str) -> int:
        try:
            return self._file.write(text)
        except OSError as error:
            if error.errno != errno.EIO:
                raise
            _silence_hung_up_output()
            return len(text)

    def flush(self) -> None:
        try:
            self._file.flush()
        except OSError as error:
            if error.errno != errno.EIO:
                raise
            _silence_hung_up_output()

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return self._file.isatty()


def _terminal_size(output: IO[str] | _HangUpProofOutput | None) -> tuple[int, int] | None:
    """The terminal's own size (columns, lines), or ``None`` where it has none to tell.

    Textual asks ``shutil.get_terminal_size()``, which prefers the environment's
    ``COLUMNS`` and ``LINES``: a program that uses GNU readline (a Python prompt,
    pytest) exports them to what it starts, fixed at that moment. The app then kept
    the size it started with, whatever the terminal became (SIGWINCH arrived, the
    size read did not change). The terminal knows its size better than any variable.
    """
    if output is None:
        return None
    try:
        columns, lines = os.get_terminal_size(output.fileno())
    except (OSError, ValueError):  # not a terminal, hung up, or closed
        return None
    return (columns, lines) if columns and lines else None


def _plain_text(renderables: tuple[RenderableType, ...]) -> str:
    """What Rich would print for ``renderables``, without colours, for a log file."""
    out = io.StringIO()
    Console(file=out, width=100, color_system=None, force_terminal=False).print(*renderables)
    return out.getvalue()


class TerminalApp(App[None]):
    """An app that leaves the terminal as it found it, however it ends."""

    def __init__(self) -> None:
        super().__init__()
        self.crash_notice: str | None = None
        """After an unexpected error: the one line for the user, to be printed once
        the terminal is restored (by the command line, which ran the app)."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for the terminal, its output made to survive a hang-up and
        its size read from the terminal itself."""
        driver = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver is not LinuxDriver:
            return driver

        class HangUpProofDriver(LinuxDriver):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                # Private, and a file-like, not a TextIO: see _HangUpProofOutput.
                self._file = _HangUpProofOutput(self._file)  # type: ignore[assignment,arg-type]

            def _get_terminal_size(self) -> tuple[int, int]:
                """Private: what the driver asks at the start and on every SIGWINCH."""
                return _terminal_size(self._file) or super()._get_terminal_size()

        return HangUpProofDriver

    # -- signals -----------------------------------------------------------------

    def on_load(self) -> None:
        """Leave cleanly on SIGTERM and SIGHUP; run thread workers in an executor that
        keeps nothing of them (see :mod:`closed_screens`).

        These are the running loop's handlers, so the exit runs as an ordinary
        callback on the event loop, not in the middle of whatever the app was doing.
        Before any worker, the loop has no default executor yet to be replaced.
        """
        loop = asyncio.get_running_loop()
        for signum in LEAVE_SIGNALS:
            loop.add_signal_handler(signum, self._leave, signum)
        loop.set_default_executor(TaskContextExecutor())

    def _leave(self, signum: int) -> None:
        """Exit with the status a shell reports for death by ``signum`` (143, 129).

        Screens unmount as on any exit (the planner withdraws its editing note, its
        journal stays) and Textual restores the terminal, unless there is none left.
        """
        if signum == signal.SIGHUP:
            _silence_hung_up_output()
        self.exit(return_code=128 + signum)

    def on_mount(self) -> None:
        """Repaint after ``fg``; let Textual resume after SIGCONT only what SIGTSTP suspended;
        let go of what Textual's caches keep of a closed screen (see :mod:`closed_screens`).

        Textual's driver (when it drives a real terminal) handles SIGTSTP and SIGCONT
        itself, in plain signal handlers: they must stop and continue the process
        synchronously. But it re-enters application mode on every SIGCONT, also one
        without a suspension, such as the SIGCONT the kernel sends with SIGHUP when the
        SSH link drops: a second input thread, and writes to a terminal that is gone.
        """
        self.app_resume_signal.subscribe(self, self._redraw)
        self.screen_change_signal.subscribe(self, forget_closed_widgets)
        resume = signal.getsignal(signal.SIGCONT)
        if callable(resume):
            signal.signal(signal.SIGCONT, partial(self._on_sigcont, resume))

    def _on_sigcont(self, resume: SignalHandler, signum: int, frame: FrameType | None) -> None:
        """Resume only while the driver still waits to: suspended, and not yet back.

        The driver's own flag, not ours: after ``bg`` the resume fails (no terminal
        in the background: SIGTTOU stops the process again) and the flag stays set,
        so the ``fg`` that follows resumes for real.
        """
        _silence_hung_up_output()  # continued by a hangup: write nowhere, not to a dead tty
        if getattr(self._driver, "_must_signal_resume", False):
            resume(signum, frame)

    def _redraw(self, _app: App[None]) -> None:
        """Back from SIGTSTP (``fg``, SIGCONT): the terminal holds nothing of ours.

        Textual's driver re-enters application mode, but Textual repaints only what
        changed since: without this the screen stays blank until a resize.
        """
        self.screen.refresh()

    # -- crashes -----------------------------------------------------------------

    def _crashed(self, report: str) -> None:
        """Log the first crash (later errors are its consequences) and keep its line."""
        if self.crash_notice is None:
            self.crash_notice = crash_log.notice(report, texts.CRASH_APP)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's door for unhandled errors: in handlers, workers, timers, layout.

        The error goes to a crash log and becomes one line for the user. Textual still
        ends the app with return code 1 and, under Pilot, re-raises the error in the
        test; only its Rich traceback is dropped, since the log holds the traceback.
        Private API, here and nowhere else: tests/test_terminal.py fails when a Textual
        upgrade changes it.
        """
        cause = error.error if isinstance(error, WorkerFailed) else error
        self._crashed(crash_log.describe(cause))
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def panic(self, *renderables: RenderableType) -> None:
        """Textual's exit for errors it renders itself, such as its input thread failing.

        Logged like any crash, with return code 1 (Textual's own panic leaves it at 0).
        """
        self._crashed(_plain_text(renderables))
        self.exit(return_code=1)
