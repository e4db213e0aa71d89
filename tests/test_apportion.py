"""Largest remainder, units and caps: exact, deterministic, never over a cap."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.core.apportion import (
    NoBasis,
    Shortfall,
    in_units,
    largest_remainder,
    spread,
)

names = st.text(alphabet="abcdefgh", min_size=1, max_size=3)
weight_maps = st.dictionaries(names, st.integers(0, 10**7), min_size=1, max_size=12).filter(
    lambda weights: sum(weights.values()) > 0
)


def test_ties_go_to_the_first_name() -> None:
    result = largest_remainder(10, {"Charlois": 1, "Centrum": 1, "Delfshaven": 1})
    assert result.shares == {"Centrum": 4, "Charlois": 3, "Delfshaven": 3}
    assert result.extra == ("Centrum",)


def test_the_largest_remainder_gets_the_euro_before_the_name_order() -> None:
    # exact shares 1,4 / 2,8 / 5,8: remainders ,4 ,8 ,8; two euros left
    result = largest_remainder(10, {"a": 1, "b": 2, "c": 4, "d": 0})
    assert result.shares == {"a": 1, "b": 3, "c": 6, "d": 0}
    assert result.extra == ("b", "c")


def test_units_in_thousands_with_the_last_euros_to_the_one_furthest_below() -> None:
    # 10 units: 4, 3, 3 (tie by name); 500 left: b and c are 500 below 3.500, b comes first
    result = in_units(10_500, {"a": 1, "b": 1, "c": 1}, 1000)
    assert result.shares == {"a": 4000, "b": 3500, "c": 3000}
    assert set(result.extra) == {"a", "b"}


def test_less_than_one_unit_goes_to_the_largest_weight() -> None:
    assert in_units(700, {"a": 1, "b": 5}, 1000).shares == {"a": 0, "b": 700}


def test_a_capped_share_goes_to_the_others_by_the_same_key() -> None:
    # 900 by 1000:500:100 would give c 56, over its cap 0; then a and b share 900 as 2:1
    result = spread(900, {"a": 1000, "b": 500, "c": 100}, {"a": 800, "b": 300, "c": 0})
    assert result.shares == {"a": 600, "b": 300, "c": 0}
    assert result.capped == ("c",)


def test_more_than_the_caps_allow_is_refused_with_the_shortfall() -> None:
    with pytest.raises(Shortfall) as refused:
        spread(1000, {"a": 1, "b": 1}, {"a": 300, "b": 400})
    assert refused.value.short == 300


def test_no_weight_no_basis() -> None:
    with pytest.raises(NoBasis):
        spread(10, {"a": 0, "b": 0}, {"a": 10, "b": 10})


@given(st.integers(0, 10**12), weight_maps)
def test_largest_remainder_adds_up_and_stays_within_a_euro(
    total: int, weights: dict[str, int]
) -> None:
    result = largest_remainder(total, weights)
    whole = sum(weights.values())
    assert sum(result.shares.values()) == total
    for name, weight in weights.items():
        exact_times_whole = total * weight
        assert abs(result.shares[name] * whole - exact_times_whole) < whole


@given(st.integers(0, 10**9), weight_maps, st.sampled_from([1, 10, 1000]), st.randoms())
def test_same_input_same_result_in_any_order(
    total: int, weights: dict[str, int], unit: int, random: object
) -> None:
    shuffled = list(weights.items())
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert in_units(total, weights, unit).shares == in_units(total, dict(shuffled), unit).shares


@given(
    st.integers(0, 10**9),
    st.dictionaries(names, st.tuples(st.integers(0, 10**6), st.integers(-10, 10**9)), min_size=1),
    st.sampled_from([1, 7, 1000]),
)
def test_spread_is_exact_and_never_over_a_cap(
    total: int, weight_and_cap: dict[str, tuple[int, int]], unit: int
) -> None:
    weights = {name: weight for name, (weight, _) in weight_and_cap.items()}
    caps = {name: cap for name, (_, cap) in weight_and_cap.items()}
    room = sum(max(0, caps[name]) for name, weight in weights.items() if weight > 0)
    try:
        result = spread(total, weights, caps, unit=unit)
    except NoBasis:
        assert total > 0 and not any(weights.values())
        return
    except Shortfall as short:
        assert short.short == total - room > 0
        return
    assert sum(result.shares.values()) == total
    for name, share in result.shares.items():
        assert 0 <= share <= max(0, caps[name])
        if weights[name] == 0:
            assert share == 0
    assert set(result.capped) <= set(weights)
    assert result == spread(total, weights, caps, unit=unit)
