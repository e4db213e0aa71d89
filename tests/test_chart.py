"""The chart view's lines: bars of whole cells from whole euros, at any width."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.core.chart import (
    CL,
    ENVELOPE,
    GO,
    MINIMUM,
    TS,
    chart_lines,
    gebied_bars,
    year_bars,
)
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import storage
from tests.conftest import BUNDLED

WHEN = datetime(2026, 3, 11, tzinfo=UTC)


def test_each_year_against_the_envelope_says_over_in_words() -> None:
    scenario = storage.load(BUNDLED).scenario
    lines = year_bars(scenario, 76)
    assert [line[:4] for line in lines] == ["2016", "2017", "2018", "2019"]
    assert lines[1].endswith("58.181.000 ▲ boven")  # 250.000 over in 2017
    assert not lines[0].endswith("boven") and ENVELOPE in lines[0]


def test_a_gebied_bar_is_its_posts_and_follows_an_edit() -> None:
    scenario = storage.load(BUNDLED).scenario
    [charlois] = [line for line in gebied_bars(scenario, 2016, 76) if line.startswith("Charlois")]
    assert charlois.split()[-2:] == ["4.605.000", "4,9%"]
    assert {CL, GO, TS, MINIMUM} <= set(charlois)
    scenario.set_amount(Cell("Charlois", "couleur_locale", 2016), 276_000, who="t", when=WHEN)
    [after] = [line for line in gebied_bars(scenario, 2016, 76) if line.startswith("Charlois")]
    assert after.split()[-2:] == ["4.655.000", "5,9%"]


@given(width=st.integers(min_value=50, max_value=300))
def test_no_line_is_wider_than_asked(width: int) -> None:
    scenario = storage.load(BUNDLED).scenario
    assert max(len(line) for line in chart_lines(scenario, 2017, width)[2:]) <= width


def test_wide_characters_keep_the_bars_in_line() -> None:
    """A name of emoji takes two cells a character: the bars still start in one column."""
    scenario = storage.load(BUNDLED).scenario
    scenario.gebieden = {
        ("🏠" * 12 if name == "Charlois" else name): gebied
        for name, gebied in scenario.gebieden.items()
    }

    def cells(text: str) -> int:
        return sum(2 if ord(character) >= 0x1F000 else 1 for character in text)

    lines = gebied_bars(scenario, 2016, 76, cells)
    assert {cells(line) for line in lines} == {76}
    assert all(cells(line.split(" ")[0]) <= 16 for line in lines)
