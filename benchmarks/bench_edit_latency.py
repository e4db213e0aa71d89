"""Key press to the frame that shows an applied one-cell edit and all its totals.

    python benchmarks/bench_edit_latency.py

The real app in a pseudo-terminal: the clock starts when the Enter that applies
an edit is written to the terminal and stops at the last frame the app writes in
answer (timestamps from Textual's ``post_display_hook``, see ``launch.py``).
Medians of ``EDITS`` edits, on the bundled and the 10.000-gebied scenario.
"""

from __future__ import annotations

from pathlib import Path

from harness import BUNDLED, DOWN, ENTER, Figure, median, planner, run, synthetic

EDITS = 25


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


def measure() -> list[Figure]:
    bundled = edit_latencies(BUNDLED)
    national = edit_latencies(synthetic(10_000))
    return [
        Figure("edit to screen: bundled (median)", median(bundled), "ms", 16),
        Figure("edit to screen: bundled (slowest)", max(bundled), "ms"),
        Figure("edit to screen: 10.000 gebieden (median)", median(national), "ms", 33),
        Figure("edit to screen: 10.000 gebieden (slowest)", max(national), "ms"),
    ]


if __name__ == "__main__":
    run(measure)
