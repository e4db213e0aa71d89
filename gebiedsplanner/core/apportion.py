"""Spreading whole euros over gebieden by a key: exact, capped and deterministic.

The largest-remainder method (Hamilton): every gebied first gets its share
rounded down; the euros left over go one each to the gebieden with the
largest remainders, ties broken by gebied name. The result always adds up to
the total, and the same input always gives the same result. Everything is
integer arithmetic.

:func:`spread` adds caps (a gebied can give or take only so much: a floor
under its net budget, a taakstelling that cannot turn positive) and units
(spread in thousands where the total allows).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class Apportionment(NamedTuple):
    """Each name's share, and the names that got one of the leftover euros (units)."""

    shares: dict[str, int]
    extra: tuple[str, ...]


class Spread(NamedTuple):
    """The outcome of :func:`spread`.

    Attributes:
        shares: Euros per name (every name with a positive weight, held names excluded).
        capped: The names that got exactly their cap, in name order; their
            rest went to the others by the same key.
        extra: The names that received the leftover euros of the rounding.
    """

    shares: dict[str, int]
    capped: tuple[str, ...]
    extra: tuple[str, ...]


class Shortfall(ValueError):
    """The total cannot be spread: ``short`` euros find no room under the caps."""

    def __init__(self, short: int) -> None:
        super().__init__(short)
        self.short = short


class NoBasis(ValueError):
    """Every weight is zero: the key gives no way to divide the total."""


def largest_remainder(total: int, weights: Mapping[str, int]) -> Apportionment:
    """Divide ``total`` (>= 0) in proportion to ``weights`` (>= 0, not all zero)."""
    whole = sum(weights.values())
    if total < 0 or whole <= 0 or any(weight < 0 for weight in weights.values()):
        raise ValueError("largest_remainder needs total >= 0 and weights >= 0, not all 0")
    shares: dict[str, int] = {}
    remainders: list[tuple[int, str]] = []
    for name, weight in weights.items():
        shares[name], remainder = divmod(total * weight, whole)
        remainders.append((-remainder, name))
    left = total - sum(shares.values())
    extra = tuple(name for _, name in sorted(remainders)[:left])
    for name in extra:
        shares[name] += 1
    return Apportionment(shares, extra)


def in_units(total: int, weights: Mapping[str, int], unit: int) -> Apportionment:
    """Like :func:`largest_remainder`, in multiples of ``unit`` where ``total`` allows.

    Whole units are apportioned by largest remainder; the last euros (less
    than one unit) go to the name furthest below its exact share, ties by name.
    """
    if unit <= 1:
        return largest_remainder(total, weights)
    units, rest = divmod(total, unit)
    counted = largest_remainder(units, weights)
    shares = {name: count * unit for name, count in counted.shares.items()}
    if not rest:
        return Apportionment(shares, counted.extra)
    whole = sum(weights.values())
    # exact share minus what it got, times ``whole`` to stay in integers
    _, furthest_below = min(
        (shares[name] * whole - total * weight, name) for name, weight in weights.items()
    )
    shares[furthest_below] += rest
    extra = counted.extra if furthest_below in counted.extra else (*counted.extra, furthest_below)
    return Apportionment(shares, extra)


def spread(
    total: int,
    weights: Mapping[str, int],
    caps: Mapping[str, int],
    *,
    unit: int = 1,
) -> Spread:
    """Divide ``total`` (>= 0) by ``weights``, no name getting more than its cap.

    A name whose share would pass its cap gets the cap; what it could not
    take goes to the others by the same key, until every share fits. Names
    with weight 0 get nothing. Raises :class:`Shortfall` (with the euros that
    find no room) when the caps of the weighted names add up to less than
    ``total``, and :class:`NoBasis` when no weight is positive.
    """
    active = {name: weight for name, weight in weights.items() if weight > 0}
    if total == 0:
        return Spread(dict.fromkeys(weights, 0), (), ())
    if not active:
        raise NoBasis()
    room = sum(max(0, caps[name]) for name in active)
    if room < total:
        raise Shortfall(total - room)
    capped: dict[str, int] = {}
    remaining = total
    while True:
        shared = in_units(remaining, active, unit)
        over = [name for name, share in shared.shares.items() if share > caps[name]]
        if not over:
            shares = dict.fromkeys(weights, 0) | capped | shared.shares
            return Spread(shares, tuple(sorted(capped)), shared.extra)
        for name in over:
            capped[name] = max(0, caps[name])
            remaining -= capped[name]
            del active[name]
        if remaining == 0 or not active:  # the room check above makes remaining 0 here
            shares = dict.fromkeys(weights, 0) | capped
            return Spread(shares, tuple(sorted(capped)), ())
