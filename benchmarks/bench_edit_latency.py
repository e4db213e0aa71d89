"""Key press to the frame that shows an applied one-cell edit and all its totals.

    python benchmarks/bench_edit_latency.py

The real app in a pseudo-terminal: the clock starts when the Enter that applies
an edit is written to the terminal and stops at the last frame the app writes in
answer (timestamps from Textual's ``post_display_hook``, see ``launch.py``).
Medians of ``EDITS`` edits, on the bundled and the 20.000-gebied scenario (the
national budget, 33 ms, was set at 10.000; issue 15 holds it at 20.000).

The first edit of a session is measured on its own, in fresh processes: it is
the one that used to write the whole scenario into the crash journal before
the screen answered (75 ms at 10.000 gebieden, 226 ms at 50.000). Its budget
is the planner's 16 ms at any size; the ratio to the bundled scenario's first
edit says whether size still costs anything. It is taken per round (the bundled
scenario, then each size, back to back) and the median of the rounds' ratios
reported, as for startup (see bench_startup.py).
"""

from __future__ import annotations

from pathlib import Path

from harness import (
    BUNDLED,
    DOWN,
    ENTER,
    NATIONAL,
    NATIONAL_BUDGET_MS,
    Figure,
    label,
    median,
    planner,
    run,
    synthetic,
    timed,
)

EDITS = 25
FIRST_EDIT_ROUNDS = 5


def edit_latencies(scenario: Path) -> list[float]:
    """Milliseconds per applied edit, walking down the table."""
    terminal = planner(scenario)
    latencies = []
    try:
        for index in range(EDITS):
            terminal.press(ENTER)
            terminal.type(b"+1")
            _, latency = terminal.press(ENTER)
            if latency is None:
                raise RuntimeError(f"edit {index + 1} did not change the screen")
            latencies.append(latency * 1000)
            terminal.press(DOWN if index % 10 < 5 else b"\x1b[A")
    finally:
        terminal.close()
    return latencies


def first_edit(scenario: Path) -> float:
    """Milliseconds for the first edit of a fresh session."""
    terminal = planner(scenario)
    try:
        terminal.press(ENTER)
        terminal.type(b"+1")
        _, latency = terminal.press(ENTER)
    finally:
        terminal.close()
    if latency is None:
        raise RuntimeError("the first edit did not change the screen")
    return latency * 1000


def measure() -> list[Figure]:
    bundled = edit_latencies(BUNDLED)
    national = edit_latencies(synthetic(NATIONAL))
    sizes = {label(size): synthetic(size) for size in (10_000, NATIONAL, 50_000)}
    rounds = [  # each round: the bundled scenario, then each size, back to back
        [first_edit(BUNDLED), *(first_edit(path) for path in sizes.values())]
        for _ in range(FIRST_EDIT_ROUNDS)
    ]
    firsts = [timed("edit to screen: first edit, bundled", median([r[0] for r in rounds]), 16)]
    for index, size in enumerate(sizes, start=1):
        ratios = [r[index] / r[0] for r in rounds]
        firsts += [
            timed(
                f"edit to screen: first edit, {size} gebieden",
                median([r[index] for r in rounds]),
                16,
            ),
            Figure(f"edit to screen: first edit, {size} / bundled", median(ratios), "x", 1.25),
        ]
    return [
        *firsts,
        timed("edit to screen: bundled (median)", median(bundled), 16),
        timed("edit to screen: bundled (slowest)", max(bundled)),
        timed(
            f"edit to screen: {label(NATIONAL)} gebieden (median)",
            median(national),
            NATIONAL_BUDGET_MS,
        ),
        timed(f"edit to screen: {label(NATIONAL)} gebieden (slowest)", max(national)),
    ]


if __name__ == "__main__":
    run(measure)
