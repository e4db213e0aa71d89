"""The longest UI-thread stall while saving, and while opening from the library, at
20.000 gebieden (issue 25: nothing heavy on the UI thread).

    python benchmarks/bench_stalls.py

A stall is measured from outside the product: ``launch.py`` puts a heartbeat on the
app's event loop, the one thread on which Textual takes every key and paints every
frame. It beats every millisecond (``loop.call_later``, straight on the loop) and
writes down each gap between two beats longer than 2 ms. A gap is a time in which
that thread ran nothing else: a key typed then, or a frame due, waited that long.
(Not a Textual timer: while the app reads a file it holds the keys by awaiting in
its event handler, on purpose, and an app timer would wait behind that although the
thread is free. Not the gaps between frames: an app that paints nothing new while it
holds the keys paints no frames, stalled or not.) A worker that computes holds
Python's interpreter lock until the switch interval (5 ms) hands it back, so about
5 ms is the floor of any work done in a worker.

- **saving**: the planner on a copy of the 20.000-gebied scenario (streamed in, read
  whole, its journal's first copy written), one cell edited, then ctrl+s. The window
  runs from ctrl+s until the file on disk has been replaced and the screen has been
  quiet for :data:`AFTER` seconds. It held 516 ms of building the save's bytes on
  the UI thread before this figure came.
- **opening**: the planner on the bundled example, ``l``, the 20.000-gebied scenario
  (a team folder's only file, the last row), Enter. The window runs from Enter until a
  frame shows its whole table and the screen has been quiet for :data:`AFTER` seconds.

:data:`RUNS` of each, in one process each; a figure is the median of the runs'
longest stalls (the slowest run beside it, without a target). The target is the
planner's edit budget at this scale, 33 ms times the machine factor, as for ``edit to
screen: 20.000 gebieden``: a stall within it keeps a key typed meanwhile within the
time an edit may take.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import (
    BUNDLED,
    ENTER,
    NATIONAL,
    NATIONAL_BUDGET_MS,
    TABLE_SHOWN,
    WHOLE_READ,
    Figure,
    Terminal,
    label,
    median,
    run,
    synthetic,
    timed,
)

LABEL = label(NATIONAL)
RUNS = 3
#: Seconds of quiet screen after the save is on disk or the table shown: the work that
#: follows on the UI thread (the journal swapped, the session begun) counts too.
AFTER = 0.5
CTRL_S, CTRL_END = b"\x13", b"\x1b[1;5F"
LIMIT = 60.0


def _until(terminal: Terminal, done: Callable[[], bool], what: str) -> None:
    """Read what the app writes (a full terminal would hold it up) until ``done()``."""
    deadline = time.monotonic() + LIMIT
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not happen in time")
        terminal.drain(quiet=0.02, limit=0.2)


def _window(terminal: Terminal, sent: int) -> float:
    """The longest stall from ``sent`` until the screen has been quiet a while."""
    terminal.drain(quiet=AFTER)
    return terminal.longest_stall(sent, time.monotonic_ns())


def saving() -> list[float]:
    """The longest stall of each of :data:`RUNS` saves, an edit before each."""
    scenario = synthetic(NATIONAL)
    terminal = Terminal("planner", scenario, beats=True)
    path = terminal.work / scenario.name
    stalls = []
    try:
        terminal.wait_for_table()
        terminal.drain(quiet=1.0)
        for _ in range(RUNS):
            terminal.press(ENTER)
            terminal.type(b"+1")
            terminal.press(ENTER)
            terminal.drain(quiet=1.0)
            before = path.stat().st_ino
            sent = time.monotonic_ns()
            terminal.send(CTRL_S)
            _until(terminal, lambda: path.stat().st_ino != before, "the save")  # noqa: B023
            stalls.append(_window(terminal, sent))
    finally:
        terminal.close()
    return stalls


def opening() -> list[float]:
    """The longest stall of each of :data:`RUNS` openings from the library."""
    team = Path(tempfile.mkdtemp(prefix="gp-bench-team-"))
    shutil.copyfile(synthetic(NATIONAL), team / "groot.toml")
    terminal = Terminal("planner", BUNDLED, ["--scenario-dir", str(team)], beats=True)
    stalls = []
    try:
        terminal.wait_for_table()
        terminal.drain(quiet=1.0)
        for _ in range(RUNS):
            terminal.send(b"l")
            terminal.wait_for_text(b"Synthetisch")  # listed
            terminal.press(CTRL_END)
            terminal.drain(quiet=1.0)
            before = len(terminal.frames)
            sent = time.monotonic_ns()
            terminal.send(ENTER)
            whole = TABLE_SHOWN | WHOLE_READ
            _until(
                terminal,
                lambda: any(flags & whole == whole for _, flags, _ in terminal.frames[before:]),  # noqa: B023
                "the whole table",
            )
            stalls.append(_window(terminal, sent))
    finally:
        terminal.close()
        shutil.rmtree(team, ignore_errors=True)
    return stalls


def measure() -> list[Figure]:
    saves, opens = saving(), opening()
    return [
        timed(
            f"longest UI-thread stall: saving, {LABEL} gebieden",
            median(saves),
            NATIONAL_BUDGET_MS,
        ),
        timed(f"longest UI-thread stall: saving, {LABEL} gebieden (slowest)", max(saves)),
        timed(
            f"longest UI-thread stall: opening, {LABEL} gebieden",
            median(opens),
            NATIONAL_BUDGET_MS,
        ),
        timed(f"longest UI-thread stall: opening, {LABEL} gebieden (slowest)", max(opens)),
    ]


if __name__ == "__main__":
    run(measure)
