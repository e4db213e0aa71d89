"""Bytes the real app writes to an 80x24 terminal per action (what crosses an SSH link).

    python benchmarks/bytes_per_keystroke.py [SCENARIO]

Runs ``gebiedsplanner`` in a pseudo-terminal, presses keys, and counts what it writes
until the screen is quiet again. Prints one line per action. A first step towards the
issue-5 suite; it measures, it does not judge.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import struct
import sys
import tempfile
import termios
import time
from fcntl import ioctl
from pathlib import Path

QUIET = 0.3  # seconds without output: the frame is done
ROOT = Path(__file__).resolve().parent.parent


def drain(fd: int, quiet: float = QUIET, limit: float = 10.0) -> int:
    """Read until ``quiet`` seconds pass with no output; the number of bytes read."""
    total, deadline = 0, time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return total
        try:
            total += len(os.read(fd, 65536))
        except OSError:
            return total
    return total


def press(fd: int, keys: bytes) -> int:
    os.write(fd, keys)
    return drain(fd)


def main() -> None:
    bundled = ROOT / "scenarios" / "nrw-2016-2019.toml"
    work = Path(tempfile.mkdtemp())
    scenario = work / "plan.toml"
    shutil.copyfile(Path(sys.argv[1]) if len(sys.argv) > 1 else bundled, scenario)
    env = dict(
        os.environ,
        TERM="xterm-256color",
        COLUMNS="80",
        LINES="24",
        XDG_STATE_HOME=str(work / "state"),
        XDG_DATA_HOME=str(work / "data"),
    )
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(sys.executable, [sys.executable, "-m", "gebiedsplanner", str(scenario)], env)
    ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = drain(fd, quiet=1.0, limit=30)
    rows = [("first frame", started)]
    rows.append(("cursor step (down)", press(fd, b"\x1b[B")))
    rows.append(("cursor step (right)", press(fd, b"\x1b[C")))
    rows.append(("open amount editor", press(fd, b"\r")))
    rows.append(("type '+1000'", press(fd, b"+1000")))
    rows.append(("apply edit (Enter)", press(fd, b"\r")))
    rows.append(("mouse move over table", press(fd, b"\x1b[<35;20;10M")))
    os.write(fd, b"\x11")  # ctrl+q
    drain(fd)
    os.write(fd, b"n")  # quit without saving
    drain(fd)
    os.waitpid(pid, 0)
    width = max(len(name) for name, _ in rows)
    for name, count in rows:
        print(f"{name.ljust(width)}  {count:>7,} bytes")


if __name__ == "__main__":
    main()
