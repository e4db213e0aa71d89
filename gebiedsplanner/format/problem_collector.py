"""Collecting every problem of a file while walking its parsed TOML, each with its line when
it can be found, up to :data:`MAX_PROBLEMS` placed (the rest counted)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from gebiedsplanner.core.money import AMOUNT_LIMIT, format_amount
from gebiedsplanner.core.problems import Problem
from gebiedsplanner.core.rules import (
    PERCENT_DECIMALS,
)
from gebiedsplanner.core.scenario import (
    check_sign,
)
from gebiedsplanner.format.toml_text import describe_value, shortened
from gebiedsplanner.i18n import texts

#: Problems placed and reported per file; the rest are counted.
MAX_PROBLEMS = 100


def is_int(value: object) -> bool:
    """TOML integers only: ``bool`` is an ``int`` subclass in Python and is refused."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_amount(value: object) -> bool:
    """An integer no budget could exceed (see :data:`AMOUNT_LIMIT`)."""
    return is_int(value) and abs(value) <= AMOUNT_LIMIT  # type: ignore[arg-type]


class Reader:
    """Collects problems while walking the parsed TOML."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.lines = _Lines(text)
        self.problems: list[Problem] = []
        self.more = 0

    def problem(self, path: tuple[str, ...], message: str, fix: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1  # counted, not placed: nobody reads the thousandth message
            return
        self.problems.append(Problem(self.file, self._place(path), message, fix))

    def reported(self) -> list[Problem]:
        """The problems to show, with one line saying how many more there are."""
        if not self.more:
            return self.problems
        more = Problem(self.file, "", texts.MORE_PROBLEMS.format(count=self.more), texts.FIX_TOML)
        return [*self.problems, more]

    def _place(self, path: tuple[str, ...]) -> str:
        dotted = ".".join(shortened(key) for key in path)
        line = self.lines.find(path)
        return texts.PLACE_WITH_LINE.format(path=dotted, line=line) if line else dotted

    def not_a_table(self, path: tuple[str, ...], value: object, header: str) -> None:
        self.problem(
            path,
            texts.NOT_A_TABLE.format(found=describe_value(value)),
            texts.FIX_ADD_TABLE.format(header=header),
        )

    # -- typed readers -------------------------------------------------------

    def table(self, data: dict[str, Any], key: str, path: tuple[str, ...]) -> dict[str, Any] | None:
        value = data.get(key)
        if value is None:
            self.problem(
                (*path, key),
                texts.MISSING_TABLE.format(key=key),
                texts.FIX_ADD_TABLE.format(header=".".join((*path, key))),
            )
            return None
        if not isinstance(value, dict):
            self.not_a_table((*path, key), value, ".".join((*path, key)))
            return None
        return value

    def amount(self, value: object, path: tuple[str, ...]) -> int | None:
        if not is_int(value):
            self.problem(
                path,
                texts.AMOUNT_WRONG_TYPE.format(found=describe_value(value)),
                texts.FIX_WHOLE_EUROS,
            )
            return None
        assert isinstance(value, int)
        if abs(value) > AMOUNT_LIMIT:
            self.problem(
                path,
                texts.AMOUNT_TOO_LARGE.format(limit=format_amount(AMOUNT_LIMIT)),
                texts.FIX_TYPO,
            )
            return None
        return value

    def percent(self, value: object, path: tuple[str, ...]) -> Fraction | None:
        """A percentage from 0 to 100, exact, with at most :data:`PERCENT_DECIMALS` decimals."""
        if is_int(value):
            assert isinstance(value, int)
            value = Decimal(value)
        if not isinstance(value, Decimal):
            self.problem(
                path, texts.RULE_PERCENT_TYPE.format(found=describe_value(value)), texts.FIX_PERCENT
            )
            return None
        shown = shortened(str(value))
        if not value.is_finite() or not 0 <= value <= 100:  # NaN and inf first: no comparing them
            self.problem(path, texts.RULE_PERCENT_RANGE.format(value=shown), texts.FIX_PERCENT)
            return None
        if value != value.quantize(Decimal(1).scaleb(-PERCENT_DECIMALS)):
            self.problem(path, texts.RULE_PERCENT_DECIMALS.format(value=shown), texts.FIX_PERCENT)
            return None
        return Fraction(value)

    def series(
        self,
        data: dict[str, Any],
        path: tuple[str, ...],
        years: tuple[int, ...] | None,
        rule: Callable[[int], str | None] | None = None,
    ) -> dict[int, int] | None:
        """A table year -> amount covering exactly ``years`` (any years when ``None``)."""
        result: dict[int, int] = {}
        ok = True
        for key, value in data.items():
            if not YEAR_DIGITS.fullmatch(key):
                self.problem(
                    (*path, key), texts.NOT_A_YEAR.format(key=shortened(key)), texts.FIX_YEAR_KEY
                )
                ok = False
                continue
            year = int(key)
            if years is not None and year not in years:
                self.problem(
                    (*path, key),
                    texts.EXTRA_YEAR.format(year=year, years=_years(years)),
                    texts.FIX_EXTRA_YEAR,
                )
                ok = False
                continue
            amount = self.amount(value, (*path, key))
            if amount is None:
                ok = False
                continue
            problem = rule(amount) if rule else None
            if problem:
                self.problem((*path, key), problem, texts.FIX_SIGN)
                ok = False
                continue
            result[year] = amount
        for year in years or ():
            if str(year) not in data:
                self.problem(
                    path,
                    texts.MISSING_YEAR.format(year=year),
                    texts.FIX_MISSING_YEAR.format(year=year),
                )
                ok = False
        return result if ok else None

    def text(self, data: dict[str, Any], key: str, path: tuple[str, ...], required: bool) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(
                    (*path, key),
                    texts.MISSING_KEY.format(key=key),
                    texts.FIX_ADD_TEXT.format(key=key),
                )
            return ""
        if not isinstance(value, str):
            self.problem(
                (*path, key),
                texts.NOT_TEXT.format(found=describe_value(value)),
                texts.FIX_QUOTE_TEXT,
            )
            return ""
        return value

    def unknown_keys(
        self, data: dict[str, Any], allowed: tuple[str, ...], path: tuple[str, ...]
    ) -> None:
        for key in data:
            if key not in allowed:
                self.problem(
                    (*path, key),
                    texts.UNKNOWN_KEY.format(key=shortened(key)),
                    texts.FIX_UNKNOWN_KEY.format(allowed=", ".join(allowed)),
                )


def sign_rule(post: str, owner: str) -> Callable[[int], str | None]:
    """The sign rule of one post, for :meth:`Reader.series`."""

    def rule(amount: int) -> str | None:
        return check_sign(post, owner, amount)

    return rule


def _years(years: tuple[int, ...]) -> str:
    return ", ".join(str(year) for year in years)


class _Lines:
    """Finds the line of a key path in the TOML text, for messages (best effort, 1-based).

    The table headers are indexed once: a file with thousands of problems is
    still reported in one pass, not one pass over the text per problem.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self.lines: list[str] = []
        self._headers: dict[tuple[str, ...], int] | None = None

    def _index(self) -> dict[tuple[str, ...], int]:
        """The table headers' lines, found when the first problem needs a line."""
        if self._headers is None:
            self.lines = self._text.splitlines()
            self._headers = {}
            for index, line in enumerate(self.lines):
                stripped = line.strip().replace(" ", "")
                if stripped.startswith("["):
                    header = stripped.strip("[]").split("#")[0].rstrip("]")
                    parts = tuple(p.strip().strip('"').strip("'") for p in header.split("."))
                    self._headers.setdefault(parts, index)
        return self._headers

    def find(self, path: tuple[str, ...]) -> int | None:
        """The longest table header that is a prefix of ``path``, then the key below it."""
        headers = self._index()
        for length in range(len(path), 0, -1):
            start = headers.get(path[:length])
            if start is None:
                continue
            if length == len(path):
                return start + 1
            forms = _key_forms(path[length])
            for offset, candidate in enumerate(self.lines[start + 1 :], start=start + 2):
                stripped = candidate.lstrip()
                if stripped.startswith("["):
                    break
                if any(stripped.startswith((f"{form} ", f"{form}=")) for form in forms):
                    return offset
            return start + 1
        return None


def _key_forms(key: str) -> tuple[str, ...]:
    return (key, f'"{key}"', f"'{key}'")


#: A year is exactly four ASCII digits: no "２０１７", no "2017\n" in quotes, which
#: int() would read as a second 2017 and so silently replace the first.
YEAR_DIGITS = re.compile(r"[0-9]{4}")
