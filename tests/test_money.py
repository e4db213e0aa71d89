"""Whole-euro formatting and the amount editor's input language."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.core.money import (
    AmountInputError,
    format_amount,
    format_share,
    format_thousands,
    parse_amount_input,
    parse_euros,
    round_half_away,
)


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "0"), (999, "999"), (1000, "1.000"), (62_327_000, "62.327.000"), (-5_000, "-5.000")],
)
def test_dutch_format(amount: int, text: str) -> None:
    assert format_amount(amount) == text


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_formatted_amount_reads_back(amount: int) -> None:
    text = format_amount(amount)
    assert parse_amount_input(f"={text}").apply(123) == amount


def test_thousands_round_half_away_from_zero() -> None:
    assert format_thousands(57_931_499) == "57.931"
    assert format_thousands(57_931_500) == "57.932"
    assert format_thousands(-1_500) == "-2"


def test_share_has_one_decimal_and_a_comma() -> None:
    assert format_share(297_000, 4_159_000) == "7,1%"
    assert format_share(1, 0) == "-"


@pytest.mark.parametrize(
    ("typed", "current", "new"),
    [
        ("250.000", 1, 250_000),
        ("250000", 1, 250_000),
        ("€ 250.000,00", 1, 250_000),
        ("+25.000", 100_000, 125_000),
        ("-25.000", 100_000, 75_000),
        ("-10%", 250_000, 225_000),
        ("+2,5%", 100_000, 102_500),
        ("-10%", -300_000, -270_000),
        ("=-300.000", -60_000, -300_000),
        ("-33%", 1_001, 671),  # 330,33 off, rounded to whole euros
    ],
)
def test_amount_input(typed: str, current: int, new: int) -> None:
    assert parse_amount_input(typed).apply(current) == new


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Typ een bedrag"),
        ("250.5", "duizendtallen"),
        ("250.000,50", "hele euro"),
        ("abc", "geen bedrag"),
        ("10%", r"\+ of -"),
        ("-10,5,5%", "geen percentage"),
        ("2.000.000.000.000", "tikfout"),
    ],
)
def test_invalid_input_explains_itself(typed: str, says: str) -> None:
    with pytest.raises(AmountInputError, match=says):
        parse_amount_input(typed)


@given(st.integers(), st.integers().filter(lambda d: d != 0))
def test_rounding_matches_exact_fraction(numerator: int, denominator: int) -> None:
    exact = Fraction(numerator, denominator)
    rounded = round_half_away(numerator, denominator)
    assert abs(exact - rounded) <= Fraction(1, 2)
    if abs(exact - rounded) == Fraction(1, 2):
        assert abs(rounded) > abs(exact)


def test_parse_euros_refuses_negative_and_text() -> None:
    with pytest.raises(AmountInputError):
        parse_euros("-5")
