"""The benchmark harness still drives the real app (a broken harness would measure nothing)."""

from __future__ import annotations

import harness  # benchmarks/ is on pytest's pythonpath


def test_the_harness_sees_the_table_and_counts_what_a_cursor_step_writes() -> None:
    terminal = harness.planner(harness.BUNDLED)
    try:
        assert 0 < terminal.first_table_frame() < 30
        written, latency = terminal.press(harness.DOWN)
        assert terminal.rss_mb() > 10
    finally:
        terminal.close()
    assert written > 0
    assert latency is not None and latency > 0
    assert terminal.peak_rss_mb() > 10


def test_figures_judge_against_their_target() -> None:
    assert harness.Figure("x", 600, "B", 600).ok is True
    assert harness.Figure("x", 601, "B", 600).ok is False
    assert harness.Figure("x", 1, "B").ok is None
    assert harness.Figure("x", 601, "B", 600).row()[3] == "FAIL"


def test_a_time_target_is_scaled_by_how_slow_the_machine_is() -> None:
    slow = harness.Figure("compare", 1_200, "ms", 500, scale=3.4)
    assert slow.ok is True and slow.row()[2] == "<= 1,700 ms (500 x 3.40)"
    assert harness.Figure("compare", 1_800, "ms", 500, scale=3.4).ok is False
