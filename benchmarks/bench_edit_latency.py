"""Key press to the frame that shows an applied one-cell edit and all its totals.

    python benchmarks/bench_edit_latency.py

The real app in a pseudo-terminal: the clock starts when the Enter that applies
an edit is written to the terminal and stops at the last frame the app writes in
answer (timestamps from Textual's ``post_display_hook``, see ``launch.py``).
Medians of ``EDITS`` edits, on the bundled and the 10.000-gebied scenario.

The first edit of a session is measured on its own, in fresh processes: it is
the one that used to write the whole scenario into the crash journal before
the screen answered (75 ms at 10.000 gebieden, 226 ms at 50.000). Its budget
is the planner's 16 ms at any size.
"""

from __future__ import annotations

from pathlib import Path

from harness import BUNDLED, DOWN, ENTER, Figure, median, planner, run, synthetic

EDITS = 25
FIRST_EDIT_RUNS = 3
LATER_EDITS = 5


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


def first_and_later_edits(scenario: Path) -> tuple[float, float]:
    """Milliseconds for the first edit of a fresh session, and for the edits after it.

    Medians over a few fresh processes; the later edits are the baseline measured
    in the same processes, so the ratio holds on a slower machine too.
    """
    firsts: list[float] = []
    laters: list[float] = []
    for _ in range(FIRST_EDIT_RUNS):
        terminal = planner(scenario)
        try:
            for index in range(LATER_EDITS + 1):
                terminal.press(ENTER)
                terminal.type(b"+1")
                _, latency = terminal.press(ENTER)
                if latency is None:
                    raise RuntimeError(f"edit {index + 1} did not change the screen")
                (laters if index else firsts).append(latency * 1000)
                terminal.press(DOWN)
        finally:
            terminal.close()
    return median(firsts), median(laters)


def measure() -> list[Figure]:
    bundled = edit_latencies(BUNDLED)
    national = edit_latencies(synthetic(10_000))
    firsts: list[Figure] = []
    for label, path in (
        ("bundled", BUNDLED),
        ("10.000 gebieden", synthetic(10_000)),
        ("50.000 gebieden", synthetic(50_000)),
    ):
        first, later = first_and_later_edits(path)
        firsts += [
            Figure(f"edit to screen: first edit, {label}", first, "ms", 16),
            Figure(f"edit to screen: first / later edits, {label}", first / later, "x", 1.5),
        ]
    return [
        *firsts,
        Figure("edit to screen: bundled (median)", median(bundled), "ms", 16),
        Figure("edit to screen: bundled (slowest)", max(bundled), "ms"),
        Figure("edit to screen: 10.000 gebieden (median)", median(national), "ms", 33),
        Figure("edit to screen: 10.000 gebieden (slowest)", max(national), "ms"),
    ]


if __name__ == "__main__":
    run(measure)
