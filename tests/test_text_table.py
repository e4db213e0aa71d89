"""Fitting column widths into the width a table has (no terminal needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.core.text_table import fit_widths


def test_columns_that_fit_keep_their_natural_width() -> None:
    assert fit_widths([3, 5, 9], [1, 1, 9], 17) == [3, 5, 9]


def test_the_widest_column_gives_way_first() -> None:
    assert fit_widths([30, 10], [5, 5], 30) == [20, 10]


def test_a_shortage_is_shared_out_evenly_down_to_each_least() -> None:
    # the library at 80 columns: name, status, folder
    assert fit_widths([30, 31, 14], [12, 16, 9], 38) == [12, 16, 10]


def test_when_even_the_least_widths_do_not_fit_they_are_used() -> None:
    assert fit_widths([30, 30, 4], [20, 20, 4], 10) == [20, 20, 4]


@st.composite
def columns(draw: st.DrawFn) -> tuple[list[int], list[int], int]:
    natural = draw(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=8))
    least = [draw(st.integers(min_value=0, max_value=width)) for width in natural]
    return natural, least, draw(st.integers(min_value=0, max_value=300))


@given(columns())
def test_widths_stay_between_least_and_natural_and_fill_the_room(
    case: tuple[list[int], list[int], int],
) -> None:
    natural, least, room = case
    widths = fit_widths(natural, least, room)
    for low, width, high in zip(least, widths, natural, strict=True):
        assert low <= width <= high
    if sum(least) <= room:
        assert sum(widths) == min(room, sum(natural))
    else:
        assert widths == least
    cut = [index for index, width in enumerate(widths) if width < natural[index]]
    for index in cut:  # a column is only cut while no column wider than it could give way
        assert all(
            other <= widths[index] + 1 or other == least[position]
            for position, other in enumerate(widths)
        )
