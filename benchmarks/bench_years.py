"""The planner's all-years view and its sorts at 20.000 gebieden: each key to its frame.

    python benchmarks/bench_years.py

The real app in a pseudo-terminal on the synthetic national scenario. ``s`` sorts by
the column under the cursor (largest first, smallest first, file order), ``A`` by
name, ``w`` by the change since opening (after a few edits), ``a`` switches between one
year and every year of a post, ``p`` shows the next post. Each is timed from the key
written to the last frame the app writes in answer, as ``bench_edit_latency.py``
times an edit; the target is the planner's edit budget at national scale. A sort runs
on the UI thread (core/table_order.py: tens of milliseconds at 20.000).
"""

from __future__ import annotations

from harness import (
    DOWN,
    ENTER,
    NATIONAL,
    NATIONAL_BUDGET_MS,
    RIGHT,
    Figure,
    Terminal,
    label,
    median,
    planner,
    run,
    synthetic,
    timed,
)

LABEL = label(NATIONAL)
ROUNDS = 3


def _key(terminal: Terminal, key: bytes, times: list[float]) -> None:
    _, latency = terminal.press(key)
    if latency is None:  # nothing within the quiet time: wait longer, to say how long
        terminal.drain(quiet=2.0)
        raise RuntimeError(f"{key!r} did not change the screen within the quiet time")
    times.append(latency * 1000)


def measure() -> list[Figure]:
    terminal = planner(synthetic(NATIONAL))
    keys: dict[str, list[float]] = {"s": [], "A": [], "w": [], "a": [], "p": []}
    try:
        terminal.drain(quiet=1.0)
        for _ in range(3):  # a few changes since opening, for w
            terminal.press(ENTER)
            terminal.type(b"+1000")
            terminal.press(ENTER)
            terminal.press(DOWN)
        terminal.press(RIGHT)
        for _ in range(ROUNDS):
            for key in (b"s", b"s", b"s", b"A", b"A", b"A", b"w", b"w", b"w"):
                _key(terminal, key, keys[key.decode()])
            _key(terminal, b"a", keys["a"])  # every year of gebiedsopdracht
            for key in (b"s", b"p", b"s", b"s"):
                _key(terminal, key, keys[key.decode()])
            _key(terminal, b"a", keys["a"])
    finally:
        terminal.close()
    slowest = max(max(times) for times in keys.values())
    return [
        timed(
            f"planner {LABEL}: s, sort by a column (median)", median(keys["s"]), NATIONAL_BUDGET_MS
        ),
        timed(f"planner {LABEL}: A, sort by name (median)", median(keys["A"]), NATIONAL_BUDGET_MS),
        timed(
            f"planner {LABEL}: w, sort by change (median)", median(keys["w"]), NATIONAL_BUDGET_MS
        ),
        timed(f"planner {LABEL}: a, all years and back (median)", median(keys["a"])),
        timed(f"planner {LABEL}: p, next post (median)", median(keys["p"])),
        timed(f"planner {LABEL}: slowest of these keys", slowest),
    ]


if __name__ == "__main__":
    run(measure)
