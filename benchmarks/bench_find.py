"""Finding a gebied at 20.000 gebieden: what a key in the search costs the UI thread.

    python benchmarks/bench_find.py

On the real table (``TableView``) of a synthetic scenario (``make_scenario.py``), in
this process, without a terminal: the work the planner does on the UI thread per key.

- **opening the search** (``/``): folding every name for the index (once per scenario)
  and reading the table's order (once per table);
- **a key in the search**: each of ``Wijk 12345`` typed one character at a time, and
  ``w`` alone (every gebied matches: the most a key can cost), the largest and the
  median; each is the next row from the top whose name contains the text;
- **n**: the next match of ``1`` (13.439 gebieden match), from row to row.

Target: each within 16 ms (a frame), times the machine factor; the issue asks a few
milliseconds per key.
"""

from __future__ import annotations

import time

from harness import Figure, median, print_figures, timed
from make_scenario import make

from gebiedsplanner.core.find import NameIndex
from gebiedsplanner.core.table_view import TableView

SIZE = 20_000
TYPED = "Wijk 12345"
N_PRESSES = 50
RUNS = 5


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def measure() -> list[Figure]:
    scenario = make(SIZE)
    view = TableView(scenario, scenario.years[0])
    firsts, keys, presses = [], [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        index = NameIndex(scenario.gebieden)
        index.read(view)
        firsts.append(_ms(started))
        for end in range(1, len(TYPED) + 1):
            started = time.perf_counter()
            assert index.find(TYPED[:end], view, 0, 1, here=True) is not None
            keys.append(_ms(started))
        started = time.perf_counter()
        index.find("w", view, 0, 1, here=True)
        keys.append(_ms(started))
        row = 0
        for _ in range(N_PRESSES):
            started = time.perf_counter()
            hit = index.find("1", view, row, 1, here=False)
            presses.append(_ms(started))
            assert hit is not None
            row = hit.row
    size = f"find {SIZE:,}".replace(",", ".")
    return [
        timed(f"{size}: opening the search (index made)", median(firsts), 16),
        timed(f"{size}: a key in the search (median)", median(keys)),
        timed(f"{size}: a key in the search (largest)", max(keys), 16),
        timed(f"{size}: n (median)", median(presses), 16),
    ]


if __name__ == "__main__":
    print_figures(measure())
