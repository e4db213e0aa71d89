"""Files and tables at national scale: load, save, CSV export and comparison.

    python benchmarks/bench_files.py

Each figure is timed in a fresh Python process, so it pays what a user's first
time pays (a lazy ``import polars`` included), on the 10.000-gebied scenario
(120.000 amounts). Medians of ``RUNS`` processes. ``compare -o`` is timed from
outside, as a user waits for the command (``COMMAND_RUNS`` processes).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from harness import Figure, median, run, synthetic, timed
from make_scenario import hand_written, make

RUNS = 3
COMMAND_RUNS = 5
WHEN = datetime(2026, 11, 23, 9, 0)


def variant(path: Path) -> Path:
    """A colleague's variant: the same scenario with 100 amounts moved and logged."""
    from gebiedsplanner.core.scenario import Cell
    from gebiedsplanner.editing import storage
    from gebiedsplanner.format.scenario_writer import dumps

    scenario = storage.load(path).scenario
    names = list(scenario.gebieden)
    for index in range(100):
        source = Cell(names[index * 97], "gebiedsopdracht", 2017)
        target = Cell(names[index * 89 + 1], "couleur_locale", 2017)
        scenario.move(source, target, 1_000, who="bench", when=WHEN, reason="benchmark")
    out = _variant_path(path)
    out.write_bytes(dumps(scenario))
    return out


def _time_load(path: Path) -> float:
    from gebiedsplanner.editing import storage

    started = time.perf_counter()
    storage.load(path)
    return time.perf_counter() - started


def _time_save(path: Path) -> float:
    """A save after one move: two amounts rewritten, one log entry added."""
    from gebiedsplanner.core.scenario import Cell
    from gebiedsplanner.editing import storage

    work = Path(tempfile.mkdtemp()) / path.name
    work.write_bytes(path.read_bytes())
    document = storage.load(work)
    names = list(document.scenario.gebieden)
    source = Cell(names[17], "gebiedsopdracht", 2017)
    target = Cell(names[-17], "couleur_locale", 2017)
    document.scenario.move(source, target, 1_000, who="bench", when=WHEN, reason="benchmark")
    started = time.perf_counter()
    storage.save_in_place(document)
    return time.perf_counter() - started


def _time_export(path: Path) -> float:
    from gebiedsplanner.editing import storage
    from gebiedsplanner.exports import csv_export

    scenario = storage.load(path).scenario
    out = Path(tempfile.mkdtemp()) / "plan.csv"
    started = time.perf_counter()
    csv_export.export(scenario, out, csv_export.Layout.LONG, csv_export.Dialect.NL)
    return time.perf_counter() - started


def _time_compare(path: Path) -> float:
    """What the comparison screen computes: the join, the changed rows, totals, bars, why."""
    from gebiedsplanner.core import compare_report
    from gebiedsplanner.core.compare import compare
    from gebiedsplanner.editing import storage

    base = storage.load(path).scenario
    variant = storage.load(_variant_path(path)).scenario
    started = time.perf_counter()
    comparison = compare(base, [variant])
    rows = [compare_report.row_cells(row) for row in comparison.selected(only_changes=True)]
    compare_report.totals_lines(comparison)
    compare_report.bar_lines(comparison, comparison.years[0])
    compare_report.explanation_lines(comparison)
    assert rows
    return time.perf_counter() - started


def _variant_path(path: Path) -> Path:
    return Path(tempfile.gettempdir()) / f"{path.stem}-variant.toml"


def _time_hand_written_save(path: Path) -> float:
    """A save of a file typed by hand: each gebied's posts as dotted keys and inline
    tables at the top level, with comments (kept through tomlkit, its slowest form),
    just under the size ``any_form_patch`` takes on."""
    from gebiedsplanner.core.scenario import Cell
    from gebiedsplanner.format import any_form_patch, scenario_reader

    size = 170
    while len(text := hand_written(make(size)).encode()) > any_form_patch.LARGEST:
        size -= 10
    scenario = scenario_reader.parse("hand.toml", text)
    cell = Cell(next(iter(scenario.gebieden)), "couleur_locale", scenario.years[0])
    scenario.set_amount(cell, 1, who="bench", when=WHEN, reason="benchmark")
    started = time.perf_counter()
    assert any_form_patch.patch(text, scenario) is not None
    return time.perf_counter() - started


TIMERS = {
    "load + validate": (_time_load, 1000),
    "save": (_time_save, 1000),
    "CSV export (first in session)": (_time_export, 500),
    "comparison of two (first in session)": (_time_compare, 500),
}
#: Not at national scale: a file typed by hand, as large as tomlkit takes on.
HAND_WRITTEN = {"save of a hand-written file (64 KB)": (_time_hand_written_save, 1000)}


def compare_command(path: Path) -> float:
    """Milliseconds for ``gebiedsplanner compare BASE VARIANT -o diff.csv``, the whole
    command in a fresh process: interpreter start, imports, both files read, the
    comparison printed and written."""
    out = Path(tempfile.mkdtemp()) / "diff.csv"
    command = [
        sys.executable,
        "-m",
        "gebiedsplanner",
        "compare",
        str(path),
        str(_variant_path(path)),
    ]
    started = time.perf_counter()
    subprocess.run([*command, "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def _in_fresh_process(name: str, path: Path) -> float:
    done = subprocess.run(
        [sys.executable, __file__, "--one", name, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout) * 1000


def measure() -> list[Figure]:
    path = synthetic(10_000)
    variant(path)
    figures = []
    for name, (_, target) in TIMERS.items():
        runs = [_in_fresh_process(name, path) for _ in range(RUNS)]
        figures.append(timed(f"10.000 gebieden: {name}", median(runs), target))
    for name, (_, target) in HAND_WRITTEN.items():
        runs = [_in_fresh_process(name, path) for _ in range(RUNS)]
        figures.append(timed(name, median(runs), target))
    compare_runs = [compare_command(path) for _ in range(COMMAND_RUNS)]
    figures.append(timed("10.000 gebieden: compare -o diff.csv", median(compare_runs), 500))
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print((TIMERS | HAND_WRITTEN)[sys.argv[2]][0](Path(sys.argv[3])))
    else:
        run(measure)
