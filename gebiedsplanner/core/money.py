"""Whole-euro amounts: Dutch formatting and parsing of what users type.

Every amount in gebiedsplanner is an ``int`` of whole euros. Nothing here
touches a float: percentages are parsed into :class:`fractions.Fraction` and
rounded with integer arithmetic.

What may be typed depends on what the amount is for, and every refusal gives only
examples that are accepted there:

* a cell's new amount (the planner's edit line, :func:`parse_amount_input`):
  ``250.000`` sets, ``+25.000`` and ``-25.000`` add and subtract, ``-10%`` changes by a
  percentage, ``=-300.000`` sets a negative amount;
* an amount to move (:func:`parse_move_amount`): ``25.000`` (``+25.000`` is the same),
  or a percentage of the cell it comes from, ``10%`` (``+10%``), rounded to whole euros;
* a tool's amount, a floor or a unit (:func:`parse_quantity`): ``250.000`` (``+250.000``
  is the same), never negative, never a percentage;
* a tool's percentage (:func:`parse_percent`): ``10%``, ``12,5%``, ``-1%``.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

from gebiedsplanner.i18n import texts

#: No municipal budget holds this much; a larger amount is a typo.
AMOUNT_LIMIT = 10**12


def format_amount(amount: int) -> str:
    """``1234567`` -> ``"1.234.567"``; ``-5000`` -> ``"-5.000"``."""
    digits = f"{abs(amount):,}".replace(",", ".")
    return f"-{digits}" if amount < 0 else digits


def round_half_away(numerator: int, denominator: int) -> int:
    """Divide and round to the nearest integer, halves away from zero."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def format_thousands(amount: int) -> str:
    """The amount in thousands of euros, rounded: ``57_931_400`` -> ``"57.931"``."""
    return format_amount(round_half_away(amount, 1000))


def format_share(part: int, whole: int) -> str:
    """``part`` as a percentage of ``whole`` with one decimal: ``"6,1%"``.

    Returns ``"-"`` when the share is undefined (whole is zero or negative).
    """
    return format_tenths(share_tenths(part, whole))


def format_tenths(tenths: int | None) -> str:
    """Tenths of a percent as :func:`format_share` writes them; ``None``: ``"-"``."""
    if tenths is None:
        return "-"
    sign = "-" if tenths < 0 else ""
    whole_part, decimal = divmod(abs(tenths), 10)
    return f"{sign}{whole_part},{decimal}%"


def share_tenths(part: int, whole: int) -> int | None:
    """``part`` as tenths of a percent of ``whole`` (``None`` when whole is 0 or negative)."""
    return round_half_away(part * 1000, whole) if whole > 0 else None


class AmountInputError(ValueError):
    """What the user typed is not an amount; the message says how to fix it.

    ``shorter``: the same without its examples, and shorter still, for a line too narrow
    for them (the edit line, the amount typed beside it)."""

    def __init__(self, message: str, *shorter: str) -> None:
        super().__init__(message)
        self.shorter = shorter


#: Characters of the longest amount within the limit, written with dots: 1.000.000.000.000.
_MAX_TYPED = len(format_amount(AMOUNT_LIMIT))
#: Digits are ASCII only (``re.ASCII``): Python's ``\d`` and ``int()`` also take ``١٢٣``
#: and ``１０``, which right-to-left text can show in another order than the value.
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$", re.ASCII)
_PLAIN = re.compile(r"^\d+$", re.ASCII)
_PERCENT = re.compile(r"^(\d+)(?:,(\d+))?%$", re.ASCII)


def parse_euros(text: str) -> int:
    """Parse a non-negative whole amount as typed: ``250.000``, ``250000``, ``€ 250.000,00``."""
    cleaned = text.strip().replace("€", "").replace("EUR", "").replace(" ", "").replace("_", "")
    if cleaned.endswith(",00") or cleaned.endswith(",-"):
        cleaned = cleaned[:-3] if cleaned.endswith(",00") else cleaned[:-2]
    if not cleaned:
        raise AmountInputError(texts.AMOUNT_EMPTY_WHOLE)
    if "," in cleaned:
        raise AmountInputError(texts.AMOUNT_NO_CENTS)
    if len(cleaned) > _MAX_TYPED:  # before int(): 5.000 pasted digits are a typo, not an error
        raise AmountInputError(texts.AMOUNT_TOO_LARGE.format(limit=format_amount(AMOUNT_LIMIT)))
    if _PLAIN.match(cleaned):
        value = int(cleaned)
    elif _GROUPED.match(cleaned):
        value = int(cleaned.replace(".", ""))
    elif "." in cleaned and _PLAIN.match(cleaned.replace(".", "")):
        raise AmountInputError(texts.AMOUNT_BAD_GROUPING.format(text=text.strip()))
    else:
        raise AmountInputError(texts.AMOUNT_NOT_A_NUMBER.format(text=text.strip()))
    if value > AMOUNT_LIMIT:
        raise AmountInputError(texts.AMOUNT_TOO_LARGE.format(limit=format_amount(AMOUNT_LIMIT)))
    return value


class AmountInput(NamedTuple):
    """What the user typed in the amount editor, understood.

    Attributes:
        kind: ``"absolute"`` (set to ``value``), ``"delta"`` (add ``value``)
            or ``"percent"`` (change by ``percent`` of the current amount).
        value: Euros for absolute and delta.
        percent: The signed percentage for ``"percent"``.
    """

    kind: str
    value: int = 0
    percent: Fraction = Fraction(0)

    def apply(self, current: int) -> int:
        """The new amount when this input is applied to ``current``."""
        if self.kind == "absolute":
            return self.value
        if self.kind == "delta":
            return current + self.value
        change = self.percent * current / 100
        return current + round_half_away(change.numerator, change.denominator)


def parse_amount_input(text: str) -> AmountInput:
    """Understand the amount editor's input.

    * ``250.000`` or ``250000``: set the amount (``=-300.000`` sets a negative one);
    * ``+25.000`` / ``-25.000``: add to or subtract from the current amount;
    * ``-10%`` / ``+2,5%``: change the current amount by a percentage.
    """
    stripped = text.strip()
    if not stripped:
        raise AmountInputError(texts.AMOUNT_EMPTY)
    head, rest = stripped[0], stripped[1:].strip()
    if head == "=":
        if rest.startswith("-"):
            return AmountInput("absolute", value=-parse_euros(rest[1:]))
        return AmountInput("absolute", value=parse_euros(rest))
    if head in "+-":
        sign = -1 if head == "-" else 1
        if not _AMOUNT_LIKE.match(rest.replace(" ", "")):
            raise _not_a_number(stripped[:40])
        percent = _PERCENT.match(rest.replace(" ", ""))
        if percent:
            whole, decimals = percent.group(1), percent.group(2) or ""
            if len(whole) + len(decimals) > _MAX_TYPED:
                raise _bad_percent(stripped[:20] + "…")
            value = Fraction(int(whole + decimals), 10 ** len(decimals))
            return AmountInput("percent", percent=sign * value)
        if rest.endswith("%"):
            raise _bad_percent(stripped)
        return AmountInput("delta", value=sign * parse_euros(rest))
    if stripped.endswith("%"):
        raise AmountInputError(texts.AMOUNT_PERCENT_NEEDS_SIGN)
    if not _AMOUNT_LIKE.match(stripped.replace(" ", "")):
        raise _not_a_number(stripped[:40])
    return AmountInput("absolute", value=parse_euros(stripped))


def _not_a_number(text: str) -> AmountInputError:
    return AmountInputError(
        texts.AMOUNT_ENTRY_NOT_A_NUMBER.format(text=text),
        texts.AMOUNT_ENTRY_NOT_A_NUMBER_SHORT.format(text=text),
        texts.AMOUNT_ENTRY_NOT_A_NUMBER_SHORTEST,
    )


def _bad_percent(text: str) -> AmountInputError:
    return AmountInputError(
        texts.AMOUNT_BAD_PERCENT.format(text=text),
        texts.AMOUNT_BAD_PERCENT_SHORT.format(text=text),
        texts.AMOUNT_BAD_PERCENT_SHORTEST,
    )


#: What could be an amount after its sign (digits, points, a comma, a euro sign): the
#: rest is said by :func:`parse_euros`; anything else is no amount at all.
_AMOUNT_LIKE = re.compile(r"^(€|EUR)?[\d.,_-]+%?(€|EUR)?$", re.ASCII)


def parse_quantity(text: str) -> int:
    """An amount that is a quantity, not a change (a tool's floor or unit): ``250.000``,
    ``250000``; ``+250.000`` is the same. A minus or a percentage is refused, saying
    what this amount takes."""
    stripped = text.strip()
    unsigned = stripped[1:] if stripped.startswith("+") else stripped
    if unsigned.startswith("-"):
        raise AmountInputError(texts.AMOUNT_NOT_NEGATIVE.format(text=stripped[:40]))
    if unsigned.endswith("%"):
        raise AmountInputError(texts.AMOUNT_NO_PERCENT.format(text=stripped[:40]))
    return parse_euros(unsigned)


class MoveAmount(NamedTuple):
    """What to move, as typed: whole euros, or a percentage of the cell it comes from.

    Attributes:
        euros: The amount, when typed as one.
        percent: The percentage of the from-cell, when typed as one.
    """

    euros: int = 0
    percent: Fraction | None = None

    def of(self, source: int) -> int:
        """The euros moved out of a cell that holds ``source``: a percentage rounded to
        whole euros, halves away from zero, as the edit line rounds."""
        if self.percent is None:
            return self.euros
        share = self.percent * source / 100
        return round_half_away(share.numerator, share.denominator)


def parse_move_amount(text: str) -> MoveAmount:
    """What to move: ``25.000`` or ``+25.000`` euros, or ``10%``, ``+12,5%`` of the
    from-cell. A minus is refused: a move goes from one cell to the other."""
    stripped = text.strip()
    if not stripped:
        raise AmountInputError(texts.MOVE_AMOUNT_EMPTY)
    unsigned = stripped[1:].strip() if stripped.startswith("+") else stripped
    if unsigned.startswith("-"):
        if _is_zero(unsigned[1:]):  # -0 is 0: the caller says it is no amount to move
            return MoveAmount()
        raise AmountInputError(texts.MOVE_AMOUNT_NEGATIVE.format(text=stripped[:40]))
    if unsigned.startswith("+"):  # a second sign
        raise AmountInputError(texts.MOVE_AMOUNT_NOT_A_NUMBER.format(text=stripped[:40]))
    if unsigned.endswith("%"):
        return MoveAmount(percent=parse_percent(unsigned))
    if not _AMOUNT_LIKE.match(unsigned.replace(" ", "")):
        raise AmountInputError(texts.MOVE_AMOUNT_NOT_A_NUMBER.format(text=stripped[:40]))
    return MoveAmount(euros=parse_euros(unsigned))


def _is_zero(text: str) -> bool:
    """Whether ``text`` is a move's amount of nothing (``0``, ``0%``, ``0,0%``)."""
    try:
        amount = parse_move_amount(text)
    except AmountInputError:
        return False
    return amount.euros == 0 and not amount.percent


_PERCENTAGE = re.compile(r"^([+-]?)(\d{1,6})(?:,(\d{1,6}))?%?$", re.ASCII)
_LONG_PERCENTAGE = re.compile(r"^[+-]?\d+(?:,\d+)?%?$", re.ASCII)


def parse_percent(text: str) -> Fraction:
    """A percentage as typed, exactly: ``10%``, ``12,5%``, ``-1%`` -> Fraction.

    A point is refused, not guessed: in ``1.000%`` it groups thousands, in
    ``12.5`` it would be a decimal.
    """
    cleaned = text.strip().replace(" ", "")
    shown = text.strip()[:20]
    match = _PERCENTAGE.match(cleaned)
    if match is None:
        if "." in cleaned and _LONG_PERCENTAGE.match(cleaned.replace(".", "", 1)):
            raise AmountInputError(texts.PERCENT_COMMA.format(text=shown))
        if _LONG_PERCENTAGE.match(cleaned):
            raise AmountInputError(texts.PERCENT_TOO_LONG.format(text=shown))
        raise AmountInputError(texts.PERCENT_BAD.format(text=shown))
    sign, whole, decimals = match.group(1), match.group(2), match.group(3) or ""
    value = Fraction(int(whole + decimals), 10 ** len(decimals))
    return -value if sign == "-" else value


#: Decimals :func:`format_percent` shows: a percentage typed with six decimals, as a
#: factor (``1 + p / 100``), needs eight; shown in full, never rounded.
PERCENT_DECIMALS = 10


def format_percent(value: Fraction) -> str:
    """``Fraction(25, 2)`` -> ``"12,5%"``; up to ten decimals (rounded beyond), Dutch comma."""
    scale = 10**PERCENT_DECIMALS
    scaled = value * scale
    units = round_half_away(scaled.numerator, scaled.denominator)
    sign = "-" if units < 0 else ""
    whole, decimals = divmod(abs(units), scale)
    fraction = f"{decimals:0{PERCENT_DECIMALS}d}".rstrip("0")
    return f"{sign}{whole},{fraction}%" if fraction else f"{sign}{whole}%"


def format_euros_cents(value: Fraction) -> str:
    """An exact amount shown to the cent (rounded): ``Fraction(12345, 2)`` -> ``"6.172,50"``."""
    scaled = value * 100
    cents = round_half_away(scaled.numerator, scaled.denominator)
    euros, rest = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{format_amount(euros)},{rest:02d}"
