"""Amounts and percentages take ASCII digits only: Python's ``\\d`` and ``int()`` also
take Arabic-Indic (``١٢٣``) and full-width (``１０``) digits, which right-to-left text
can show in another order than the value stored. Such text gets the message for what
is no amount. And ``--amount -0`` is told the amount must be greater than 0, not to
swap from and to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gebiedsplanner.core import money
from gebiedsplanner.core.money import AmountInputError
from tests.test_cli_amounts import MOVE, amounts, run

UNICODE_DIGITS = ["١٢٣", "１０", "1.٢٣٤", "۱۰", "²", "𝟙𝟘"]


@pytest.mark.parametrize("typed", UNICODE_DIGITS)
@pytest.mark.parametrize(
    "parse",
    [money.parse_euros, money.parse_amount_input, money.parse_quantity, money.parse_move_amount],
)
def test_unicode_digits_are_no_amount(parse: Callable[[str], object], typed: str) -> None:
    with pytest.raises(AmountInputError, match="geen bedrag"):
        parse(typed)
    with pytest.raises(AmountInputError, match="geen bedrag"):
        parse("+" + typed) if parse is not money.parse_euros else parse(typed + "0")


@pytest.mark.parametrize("typed", ["１０%", "١٠%", "12,５%", "+۱۰%"])
def test_unicode_digits_are_no_percentage(typed: str) -> None:
    with pytest.raises(AmountInputError, match="geen percentage"):
        money.parse_percent(typed)
    with pytest.raises(AmountInputError, match="geen percentage"):
        money.parse_move_amount(typed)
    with pytest.raises(AmountInputError, match=r"geen bedrag|geen percentage"):
        money.parse_amount_input("+" + typed.lstrip("+"))


@pytest.mark.parametrize("typed", ["١٢٣", "１０", "１０%"])
def test_move_refuses_unicode_digits_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, typed: str
) -> None:
    before = amounts(scenario_file)
    code, out, err = run(capsys, "move", str(scenario_file), *MOVE, "--amount", typed)
    assert code != 0 and out == ""
    assert "geen bedrag" in err or "geen percentage" in err, err
    assert amounts(scenario_file) == before


@pytest.mark.parametrize("typed", ["-0", "-0%", "-0,0%", "0", "+0"])
def test_move_of_minus_zero_is_told_the_amount_must_be_greater_than_0(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, typed: str
) -> None:
    before = amounts(scenario_file)
    code, _, err = run(capsys, "move", str(scenario_file), *MOVE, f"--amount={typed}")
    assert code != 0
    assert "groter dan 0" in err and "wissel" not in err, err
    assert amounts(scenario_file) == before


def test_a_tool_year_in_other_digits_is_an_unknown_year(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    """``²`` passed ``isdigit()`` and then broke ``int()``; ``٢٠١٧`` was read as 2017."""
    for year in ("²", "٢٠١٧"):
        code, out, err = run(capsys, "fit", str(scenario_file), "--year", year, "--dry-run")
        assert code != 0 and out == "", out
        assert "Traceback" not in err and "2017" in err, err
