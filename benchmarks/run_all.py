"""Every benchmark in one table: figure, value, target, pass/fail.

    python benchmarks/run_all.py

Exits 1 when any figure misses its target. Takes a few minutes: each figure is
measured on the real app in a pseudo-terminal, or in fresh processes.
"""

from __future__ import annotations

import os
import platform
import sys

import bench_bytes
import bench_comparison
import bench_edit_latency
import bench_files
import bench_memory
import bench_startup
from harness import Figure, print_figures

SUITE = (
    bench_startup,
    bench_edit_latency,
    bench_comparison,
    bench_bytes,
    bench_files,
    bench_memory,
)


def main() -> int:
    figures: list[Figure] = []
    for bench in SUITE:
        print(f"... {bench.__name__}", file=sys.stderr, flush=True)
        figures += bench.measure()
    cores = len(os.sched_getaffinity(0))
    print(f"Python {platform.python_version()}, {platform.machine()}, {cores} cores\n")
    print_figures(figures)
    failed = [figure for figure in figures if figure.ok is False]
    print(f"\n{len(failed)} of {sum(f.ok is not None for f in figures)} targets missed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
