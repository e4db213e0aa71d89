"""Memory kept by opening and closing an overlay: 1.000 times each, in the real app.

    python benchmarks/bench_overlays.py

Issue 24 reported that every overlay kept memory once closed (``?`` and Esc 58 to
145 KB each time: 6.000 opens took the app from 43 MB to 391 MB, never given back).
Per overlay, a fresh app on a copy of the bundled example in an 80x24 pseudo-terminal:
:data:`WARM_UP` open-and-close cycles (the dialog's module imported, Textual's
styles for it made), the resident set size (``VmRSS``), :data:`CYCLES` more cycles,
and the resident set size again. The figure is the growth, in MB; the target is
:data:`TARGET_MB`. The warm-up is short on purpose: what kept the screens was a
cache of 1.024 widgets, full after 30 opens of the tools (36 widgets each), and
a longer warm-up would have hidden most of it.

A cycle is what an adviser does: the overlay's key, until a frame shows it on top
(``launch.py`` says per frame whether the top screen holds the planner's table, or
for the comparison its rows), then Esc, until a frame shows the screen below again.
The comparison is opened from the library (a team folder of two copies of the
example, the base and the variant marked once) and closed back to it.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from harness import BUNDLED, TABLE_SHOWN, Figure, Terminal, label, run

CYCLES = 1_000
#: Esc as a terminal speaking the kitty keyboard protocol (which Textual asks for) sends
#: it: a lone ESC byte is taken only after 100 ms, in case a sequence follows.
ESCAPE = b"\x1b[27u"
WARM_UP = 3
TARGET_MB = 5.0
#: Seconds a cycle's key may take to show its frame before the benchmark gives up.
LIMIT = 30.0

#: Each overlay the planner opens with one key, and that key.
PLANNER_OVERLAYS = (
    ("help", b"?"),
    ("change log", b"h"),
    ("chart", b"v"),
    ("policy", b"b"),
    ("tools", b"g"),
    ("move", b"m"),
    ("export", b"e"),
    ("save as", b"S"),
    ("library", b"l"),
)


def _until_frame(terminal: Terminal, keys: bytes, table_shown: bool) -> None:
    """Send ``keys`` and read what the app writes until a frame shows the table on top
    (``table_shown``) or not."""
    before = len(terminal.frames)
    terminal.send(keys)
    deadline = time.monotonic() + LIMIT
    while all(bool(flags & TABLE_SHOWN) != table_shown for _, flags, _ in terminal.frames[before:]):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{keys!r} did not change the screen in time")
        terminal.drain(quiet=0.005, limit=0.1)


def _growth_mb(terminal: Terminal, key: bytes, shown_while_open: bool) -> float:
    """Resident memory kept by :data:`CYCLES` cycles of ``key`` and Esc, after the warm-up."""
    for cycles in (WARM_UP, CYCLES):
        before = terminal.rss_mb()
        for _ in range(cycles):
            _until_frame(terminal, key, shown_while_open)
            _until_frame(terminal, ESCAPE, not shown_while_open)
    terminal.drain(quiet=1.0)
    return terminal.rss_mb() - before


def planner_overlay(key: bytes) -> float:
    terminal = Terminal("planner", BUNDLED)
    try:
        terminal.wait_for_table()
        return _growth_mb(terminal, key, shown_while_open=False)
    finally:
        terminal.close()


def comparison() -> float:
    team = Path(tempfile.mkdtemp(prefix="gp-bench-team-"))
    for name in ("alfa", "beta"):
        text = BUNDLED.read_text().replace('name = "NRW basis 2016-2019"', f'name = "{name}"')
        (team / f"{name}.toml").write_text(text)
    terminal = Terminal("comparison", BUNDLED, ["--scenario-dir", str(team)])
    try:
        terminal.drain(quiet=1.0)
        terminal.send(b"l")
        terminal.wait_for_text(b"beta")
        terminal.drain()
        terminal.press(b"\x1b[1;5F")  # ctrl+end: beta, the variant
        terminal.press(b" ")
        terminal.press(b"\x1b[A")  # alfa, the base
        terminal.press(b"b")
        return _growth_mb(terminal, b"c", shown_while_open=True)
    finally:
        terminal.close()
        shutil.rmtree(team, ignore_errors=True)


def measure() -> list[Figure]:
    growth = [(name, planner_overlay(key)) for name, key in PLANNER_OVERLAYS]
    growth.append(("comparison", comparison()))
    return [
        Figure(f"memory kept: {name}, {label(CYCLES)} opened and closed", mb, "MB", TARGET_MB)
        for name, mb in growth
    ]


if __name__ == "__main__":
    run(measure)
