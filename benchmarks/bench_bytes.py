"""Bytes the real app writes to an 80x24 terminal per action: what crosses an SSH link.

    python benchmarks/bench_bytes.py

Runs the app on the bundled scenario in a pseudo-terminal, presses keys as a
person would, and counts every byte written until the screen is quiet again.
"""

from __future__ import annotations

import time

from harness import BUNDLED, DOWN, ENTER, ESCAPE, RIGHT, Figure, Terminal, median, planner, run

EDITS = 4


def mouse_at(x: int, y: int) -> bytes:
    """An SGR mouse-move report (no button held) at column ``x``, line ``y`` (1-based)."""
    return f"\x1b[<35;{x};{y}M".encode()


def cursor_steps(terminal: Terminal) -> list[int]:
    steps = [terminal.press(DOWN)[0] for _ in range(4)]
    steps += [terminal.press(RIGHT)[0] for _ in range(2)]
    return steps


def edits(terminal: Terminal) -> tuple[list[int], list[int]]:
    """Bytes to apply each edit (the Enter that applies it), and for the whole edit.

    The first edit of a session costs most: it also shows the unsaved-changes
    mark, and on the bundled scenario +1000 takes 2016 over the envelope.
    """
    applied, whole = [], []
    for _ in range(EDITS):
        opened = terminal.press(ENTER)[0]
        typed = terminal.type(b"+1000")
        done = terminal.press(ENTER)[0]
        applied.append(done)
        whole.append(opened + typed + done)
        terminal.press(DOWN)
    return applied, whole


def idle_while_editing(terminal: Terminal, seconds: float = 2.0) -> int:
    """Bytes written while the edit line is open and nobody types (a blinking cursor costs)."""
    terminal.press(ENTER)
    time.sleep(seconds)
    written = terminal.drain()
    terminal.press(ESCAPE)
    return written


def column_edits(column: int, *, all_years: bool = False) -> tuple[list[int], list[int]]:
    """:func:`edits` in a fresh session, in amount column ``column`` (0: couleur locale);
    ``all_years``: in the all-years view (``a``), where the column is a year."""
    terminal = planner(BUNDLED)
    try:
        if all_years:
            terminal.press(b"a")
        for _ in range(column):
            terminal.press(RIGHT)
        return edits(terminal)
    finally:
        terminal.close()


def measure() -> list[Figure]:
    terminal = planner(BUNDLED)
    try:
        terminal.drain()  # anything still arriving after the first frame
        steps = cursor_steps(terminal)
        mouse = sum(terminal.press(mouse_at(x, 8))[0] for x in (10, 20, 30, 40, 50, 60))
        idle = idle_while_editing(terminal)
    finally:
        terminal.close()
    applied, whole = [], []
    for column in (0, 2):  # couleur locale; taakstelling also moves the taakstelling totals
        column_applied, column_whole = column_edits(column)
        applied += column_applied
        whole += column_whole
    years_applied = []
    for column in (0, 1):  # 2016; 2017, which the edits take further over the envelope
        years_applied += column_edits(column, all_years=True)[0]
    return [
        Figure("bytes: cursor step (largest)", max(steps), "B", 120),
        Figure("bytes: apply a one-cell edit (largest)", max(applied), "B", 600),
        Figure("bytes: apply a one-cell edit (median)", median(applied), "B"),
        Figure("bytes: apply a one-cell edit in all years (largest)", max(years_applied), "B", 600),
        Figure("bytes: whole edit, Enter +1000 Enter (largest)", max(whole), "B"),
        Figure("bytes: mouse moves over the table (6)", mouse, "B", 0),
        Figure("bytes: 2 s idle with the edit line open", idle, "B", 0),
    ]


if __name__ == "__main__":
    run(measure)
