"""Writing to standard output when the reader may stop reading (``| head``, a pager)."""

from __future__ import annotations

import os
import sys


def stdout_to_devnull() -> None:
    """Send what is still to be written to nowhere, so exiting flushes without an error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def say(line: str) -> None:
    """Print ``line``; a reader that stopped reading changes nothing the command does.

    A planning tool applies whether or not all of its preview was read, as the
    same command without the pipe would.
    """
    try:
        print(line, flush=True)
    except BrokenPipeError:
        stdout_to_devnull()
