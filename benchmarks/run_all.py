"""Every benchmark in one table: figure, value, target, pass/fail.

    python benchmarks/run_all.py

Exits 1 when any figure misses its target. Takes a while: each figure is measured
on the real app in a pseudo-terminal, or in fresh processes, and the overlays opened
and closed 1.000 times each (bench_overlays) alone take some 15 minutes.

Targets in absolute time were set for a reference machine on which the minimal
Textual app starts in 146 ms; machines differ up to 3x. Such a target is met when
the figure is within it times this machine's factor (its minimal app's start over
146 ms, measured in the same run, from 1 to 3,5): a ratio to a baseline of the same
run. Ratios, bytes and memory are not scaled.
"""

from __future__ import annotations

import os
import platform
import sys

import bench_bytes
import bench_comparison
import bench_edit_latency
import bench_files
import bench_find
import bench_memory
import bench_overlays
import bench_scale
import bench_ssh
import bench_stalls
import bench_startup
import bench_years
from harness import REFERENCE_MINIMAL_MS, Figure, machine_factor, print_figures

SUITE = (
    bench_startup,
    bench_edit_latency,
    bench_stalls,
    bench_comparison,
    bench_years,
    bench_bytes,
    bench_files,
    bench_memory,
    bench_overlays,
    bench_ssh,
    bench_scale,
    bench_find,
)


def main() -> int:
    figures: list[Figure] = []
    for bench in SUITE:
        print(f"... {bench.__name__}", file=sys.stderr, flush=True)
        figures += bench.measure()
    cores = len(os.sched_getaffinity(0))
    print(f"Python {platform.python_version()}, {platform.machine()}, {cores} cores")
    factor = machine_factor()
    print(
        f"Machine factor {factor:.2f}: the minimal Textual app starts {factor:.2f} times as"
        f" slow as on the reference machine ({REFERENCE_MINIMAL_MS:.0f} ms); targets in"
        " absolute time are multiplied by it.\n"
    )
    print_figures(figures)
    failed = [figure for figure in figures if figure.ok is False]
    print(f"\n{len(failed)} of {sum(f.ok is not None for f in figures)} targets missed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
