"""Process start to the first frame that shows the table.

    python benchmarks/bench_startup.py

The bundled scenario against the minimal Textual app (DataTable + Footer), in
``RUNS`` pairs of one start each, back to back; the ratio is the median of the
pairs' ratios, so that a drift of the machine's speed between pairs (the minimal
app's start ranged from 312 to 608 ms within one run here) falls on both starts
of a pair. And the 10.000-gebied scenario on its own.
"""

from __future__ import annotations

from harness import BUNDLED, Figure, first_frame, median, run, synthetic, timed

RUNS = 15


def measure() -> list[Figure]:
    large = synthetic(10_000)
    first_frame("planner", BUNDLED)  # warm-up: compiles bytecode, fills the disk cache
    minimal, bundled, national = [], [], []
    for _ in range(RUNS):
        minimal.append(first_frame("minimal"))
        bundled.append(first_frame("planner", BUNDLED))
    ratios = [planner / bare for planner, bare in zip(bundled, minimal, strict=True)]
    for _ in range(3):
        national.append(first_frame("planner", large))
    return [
        timed("startup: minimal Textual app", median(minimal)),
        timed("startup: bundled scenario", median(bundled)),
        Figure("startup: bundled / minimal", median(ratios), "x", 1.30),
        timed("startup: 10.000 gebieden", median(national), 1000),
    ]


if __name__ == "__main__":
    run(measure)
