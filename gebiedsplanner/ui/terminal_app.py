"""The app's duties to the adviser's terminal: signals, suspension and crashes.

Over SSH the app is stopped in ways a desktop app rarely is: ``kill -TERM`` by
an administrator, SIGHUP from a dropped link, suspension and ``fg``. Whatever
happens, the terminal must be left as it was found (no alternate screen, mouse
reporting off, cursor shown), unsaved edits must stay in the journal for the
next start, and the exit status must say what happened. This base class keeps
all of that out of the planner app.
"""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import termios

from textual.app import App

#: Signals that end the app as if the user quit without saving: TERM from an
#: administrator or the system, HUP when the SSH link drops.
LEAVE_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


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


class TerminalApp(App[None]):
    """An app that leaves the terminal as it found it, however it ends."""

    def on_load(self) -> None:
        """Leave cleanly on SIGTERM and SIGHUP.

        These are the running loop's handlers, so the exit runs as an ordinary
        callback on the event loop, not in the middle of whatever the app was doing.
        """
        loop = asyncio.get_running_loop()
        for signum in LEAVE_SIGNALS:
            loop.add_signal_handler(signum, self._leave, signum)

    def _leave(self, signum: int) -> None:
        """Exit with the status a shell reports for death by ``signum`` (143, 129).

        Screens unmount as on any exit (the planner withdraws its editing note, its
        journal stays) and Textual restores the terminal, unless there is none left.
        """
        if signum == signal.SIGHUP:
            _silence_hung_up_output()
        self.exit(return_code=128 + signum)
