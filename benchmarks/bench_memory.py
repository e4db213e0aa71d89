"""Peak resident memory of the real app (the kernel's ``ru_maxrss`` of the finished process).

    python benchmarks/bench_memory.py

The bundled scenario after a few edits and a year switch, against the minimal
Textual app (DataTable + Footer) in the same run; and the 10.000-gebied scenario
after the same actions.
"""

from __future__ import annotations

from pathlib import Path

from harness import BUNDLED, DOWN, ENTER, Figure, Terminal, median, run, synthetic

RUNS = 3


def peak_mb(kind: str, scenario: Path | None = None) -> float:
    terminal = Terminal(kind, scenario)
    terminal.wait_for_table()
    if kind == "planner":
        for _ in range(3):
            terminal.press(ENTER)
            terminal.type(b"+1000")
            terminal.press(ENTER)
            terminal.press(DOWN)
        terminal.press(b"]")  # the next year
    terminal.close()
    return terminal.peak_rss_mb()


def measure() -> list[Figure]:
    minimal = [peak_mb("minimal") for _ in range(RUNS)]
    bundled = [peak_mb("planner", BUNDLED) for _ in range(RUNS)]
    national = peak_mb("planner", synthetic(10_000))
    return [
        Figure("memory: minimal Textual app", median(minimal), "MB"),
        Figure("memory: bundled scenario", median(bundled), "MB"),
        Figure("memory: bundled / minimal", median(bundled) / median(minimal), "x", 1.25),
        Figure("memory: 10.000 gebieden", national, "MB", 250),
    ]


if __name__ == "__main__":
    run(measure)
