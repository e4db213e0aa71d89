"""The comparison of two 20.000-gebied scenarios: every key to the frame that answers it.

    python benchmarks/bench_comparison.py

The real app in a pseudo-terminal, as a user gets there: the planner, ``l`` for
the library (a team folder holding the base and a colleague's variant, 100
amounts moved), the variant and the base marked, ``c``. Then the comparison's keys:
``o`` (every one of the 240.000 cells, or only the changes), ``s`` (largest
difference first, or file order), the cursor keys and paging. Each is timed from
the key written to the terminal to the last frame the app writes in answer, as
``bench_edit_latency.py`` times an edit; the target is the planner's edit budget
at national scale (33 ms), at 20.000 gebieden as issue 15 asks. ``o`` used to
take about 10 s (at 10.000): a ``DataTable`` was filled with every row on the UI
thread.

Opening the comparison (``c`` to its first frame) includes the join in a worker;
it is shown without a target (``bench_files.py`` times the comparison itself).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import bench_files
from harness import (
    BUNDLED,
    DOWN,
    NATIONAL,
    NATIONAL_BUDGET_MS,
    TABLE_SHOWN,
    Figure,
    Terminal,
    label,
    median,
    run,
    synthetic,
    timed,
)

LABEL = label(NATIONAL)
ROUNDS = 5
UP, PAGE_DOWN, PAGE_UP, HOME, END = b"\x1b[A", b"\x1b[6~", b"\x1b[5~", b"\x1b[H", b"\x1b[F"
CURSOR_KEYS = (DOWN, DOWN, PAGE_DOWN, UP, PAGE_DOWN, END, PAGE_UP, HOME)


def _team() -> Path:
    """A team folder: the synthetic base and its variant (listed in that order)."""
    base = synthetic(NATIONAL)
    team = Path(tempfile.mkdtemp(prefix="gp-bench-team-"))
    shutil.copyfile(base, team / "a-basis.toml")
    name = f'name = "Synthetisch {NATIONAL} gebieden"'.encode()
    variant = bench_files.variant(base).read_bytes().replace(name, b'name = "Variant nationaal"', 1)
    (team / "b-variant.toml").write_bytes(variant)
    return team


def _key(terminal: Terminal, key: bytes, times: list[float]) -> None:
    _, latency = terminal.press(key)
    if latency is None:
        raise RuntimeError(f"{key!r} did not change the screen")
    times.append(latency * 1000)


def measure() -> list[Figure]:
    team = _team()
    terminal = Terminal("comparison", BUNDLED, ["--scenario-dir", str(team)])
    keys: dict[str, list[float]] = {"o": [], "s": [], "cursor": []}
    try:
        terminal.drain(quiet=1.0)
        terminal.send(b"l")  # not press: it would read the list away before the wait
        terminal.wait_for_text(b"Variant nat")  # both read: the variant is the last row
        terminal.drain()
        terminal.press(b"\x1b[1;5F")  # ctrl+end: the variant
        terminal.press(b" ")
        terminal.press(UP)
        terminal.press(b"b")
        before = len(terminal.frames)
        sent = time.monotonic_ns()
        terminal.press(b"c")
        terminal.wait_for_table()
        opened = next(when for when, flags, _ in terminal.frames[before:] if flags & TABLE_SHOWN)
        for _ in range(ROUNDS):
            for key in CURSOR_KEYS:
                _key(terminal, key, keys["cursor"])
            _key(terminal, b"o", keys["o"])  # every cell
            _key(terminal, b"s", keys["s"])  # largest first, of every cell
            for key in CURSOR_KEYS:
                _key(terminal, key, keys["cursor"])
            _key(terminal, b"s", keys["s"])
            _key(terminal, b"o", keys["o"])  # only the changes again
    finally:
        terminal.close()
        shutil.rmtree(team, ignore_errors=True)
    slowest = max(max(times) for times in keys.values())
    return [
        timed(f"comparison {LABEL}: open (c to table)", (opened - sent) / 1e6),
        timed(f"comparison {LABEL}: o, all cells (median)", median(keys["o"]), NATIONAL_BUDGET_MS),
        timed(f"comparison {LABEL}: s, sort (median)", median(keys["s"]), NATIONAL_BUDGET_MS),
        timed(
            f"comparison {LABEL}: cursor keys (median)",
            median(keys["cursor"]),
            NATIONAL_BUDGET_MS,
        ),
        timed(f"comparison {LABEL}: slowest key", slowest),
    ]


if __name__ == "__main__":
    run(measure)
