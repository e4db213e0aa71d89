"""Policy rules (beleidsregels) of a scenario, and where the plan breaks them.

A scenario may carry rules in its ``[beleid]`` table; :class:`Policy` holds them,
immutable. :func:`violations` lists every place the plan breaks a rule, each with
the whole euros it is off by. Arithmetic is exact: percentages are
:class:`~fractions.Fraction`\\ s (read from the file as decimals, never as binary
floats) and a shortfall is rounded *up* to the euro, so acting on the reported
amount always satisfies the rule.

:class:`PolicyCheck` keeps the violations current change by change: a change
re-checks only the gebieden it touched and the year totals it moved, so an edit
costs the same at 14 or 10.000 gebieden (the planner asks it after every edit).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from gebiedsplanner.core.rules import (
    BINNEN_ENVELOPE,
    MAX_WIJZIGING_PCT,
    MIN_COULEUR_LOCALE_PCT,
    MIN_GEBIEDSOPDRACHT,
    RULES,
    TAAKSTELLING_VOLLEDIG_VERDEELD,
    Policy,
)
from gebiedsplanner.core.scenario import COULEUR_LOCALE, GEBIEDSOPDRACHT, Cell, CellChange

if TYPE_CHECKING:
    from gebiedsplanner.core.scenario import Scenario

#: The posts whose change against the previous year ``max_wijziging_pct`` limits. The
#: taakstelling is left out: the council imposes it (-1 mln in 2016, -5 mln from
#: 2017), so its jump is no planning choice; stedelijk posts belong to no gebied.
CHANGE_POSTS = (COULEUR_LOCALE, GEBIEDSOPDRACHT)


class Violation(NamedTuple):
    """One place where the plan breaks a rule.

    Attributes:
        owner: The gebied, or ``None`` for a rule about the year's totals.
        post: The post of the offending cell, or ``None`` (the year's totals).
        year: The year.
        rule: The rule's code (see :data:`RULES`).
        by: Whole euros the plan is off by (always > 0), rounded up.
    """

    owner: str | None
    post: str | None
    year: int
    rule: str
    by: int

    @property
    def cell(self) -> Cell | None:
        """The offending cell, when the rule is about one."""
        if self.owner is None or self.post is None:
            return None
        return Cell(self.owner, self.post, self.year)


def _short_by(have: int, need: Fraction) -> int:
    """Euros ``have`` falls short of ``need``, rounded up (0 when it does not)."""
    return max(0, math.ceil(need - have))


def _gebied_violations(policy: Policy, scenario: Scenario, name: str) -> list[Violation]:
    """Every violation of one gebied, year by year."""
    posts = scenario.gebieden[name].posts
    found = []
    previous: int | None = None
    for year in scenario.years:
        if policy.min_couleur_locale_pct is not None:
            net = scenario.gebied_net(name, year)
            if net > 0:  # a gebied without a net budget has no share to keep
                need = policy.min_couleur_locale_pct * net / 100
                by = _short_by(posts[COULEUR_LOCALE][year], need)
                if by:
                    found.append(Violation(name, COULEUR_LOCALE, year, MIN_COULEUR_LOCALE_PCT, by))
        if policy.min_gebiedsopdracht is not None:
            by = _short_by(posts[GEBIEDSOPDRACHT][year], Fraction(policy.min_gebiedsopdracht))
            if by:
                found.append(Violation(name, GEBIEDSOPDRACHT, year, MIN_GEBIEDSOPDRACHT, by))
        if policy.max_wijziging_pct is not None and previous is not None:
            for post in CHANGE_POSTS:
                before, now = posts[post][previous], posts[post][year]
                allowed = policy.max_wijziging_pct * abs(before) / 100
                by = max(0, math.ceil(abs(now - before) - allowed))  # euros over the allowed
                if by:
                    found.append(Violation(name, post, year, MAX_WIJZIGING_PCT, by))
        previous = year
    return found


def _year_violations(policy: Policy, scenario: Scenario, year: int) -> list[Violation]:
    """Violations of the rules about a year's totals."""
    totals = scenario.totals(year)
    found = []
    open_ = abs(totals.taakstelling_open)
    if policy.taakstelling_volledig_verdeeld and open_:
        found.append(Violation(None, None, year, TAAKSTELLING_VOLLEDIG_VERDEELD, open_))
    if policy.binnen_envelope and totals.room < 0:
        found.append(Violation(None, None, year, BINNEN_ENVELOPE, -totals.room))
    return found


class PolicyCheck:
    """The violations of one scenario, kept current change by change (see the module doc)."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.policy = scenario.beleid or Policy()
        self._active = bool(self.policy.rules())
        self._by_gebied: dict[str, list[Violation]] = {}
        self._by_year: dict[int, list[Violation]] = {}
        self._cells: Counter[Cell] = Counter()  # a cell may break two rules at once
        self._counts: Counter[int] = Counter()
        if self._active:
            for name in scenario.gebieden:
                self._check_gebied(name)
            for year in scenario.years:
                self._check_year(year)

    def update(self, changes: Iterable[CellChange]) -> set[Cell]:
        """Re-check after ``changes``; the cells whose mark came or went."""
        if not self._active:
            return set()
        changes = list(changes)
        owners = {change.cell.owner for change in changes} & self.scenario.gebieden.keys()
        before = self._marked(owners)
        for owner in owners:
            self._check_gebied(owner)
        for year in {change.cell.year for change in changes}:
            self._check_year(year)
        return before ^ self._marked(owners)

    def violations(self) -> list[Violation]:
        """Every violation: by year, then gebieden in file order, then the year's totals."""
        order = {name: index for index, name in enumerate(self.scenario.gebieden)}
        found = [v for listed in self._by_gebied.values() for v in listed]
        found += [v for listed in self._by_year.values() for v in listed]
        return sorted(
            found,
            key=lambda v: (
                v.year,
                len(order) if v.owner is None else order[v.owner],
                RULES.index(v.rule),
                v.post or "",
            ),
        )

    def count(self, year: int) -> int:
        """How many violations ``year`` has."""
        return self._counts[year]

    def offending(self, cell: Cell) -> bool:
        """Whether ``cell`` breaks a rule (it gets a mark on screen)."""
        return self._cells[cell] > 0

    def year_rules(self, year: int) -> set[str]:
        """The codes of the rules about ``year``'s totals that the plan breaks."""
        return {violation.rule for violation in self._by_year.get(year, ())}

    def _marked(self, owners: set[str]) -> set[Cell]:
        """The marked cells of ``owners`` (only a gebied's cells are ever marked)."""
        listed = (v.cell for owner in owners for v in self._by_gebied.get(owner, ()))
        return {cell for cell in listed if cell is not None}

    def _check_gebied(self, name: str) -> None:
        self._forget(self._by_gebied.pop(name, []))
        found = _gebied_violations(self.policy, self.scenario, name)
        if found:
            self._by_gebied[name] = found
            self._remember(found)

    def _check_year(self, year: int) -> None:
        self._forget(self._by_year.pop(year, []))
        found = _year_violations(self.policy, self.scenario, year)
        if found:
            self._by_year[year] = found
            self._remember(found)

    def _forget(self, listed: list[Violation]) -> None:
        for violation in listed:
            self._counts[violation.year] -= 1
            if violation.cell is not None:
                self._cells[violation.cell] -= 1
                if not self._cells[violation.cell]:
                    del self._cells[violation.cell]

    def _remember(self, listed: list[Violation]) -> None:
        for violation in listed:
            self._counts[violation.year] += 1
            if violation.cell is not None:
                self._cells[violation.cell] += 1


def violations(scenario: Scenario) -> list[Violation]:
    """Every place ``scenario`` breaks one of its rules (none when it has no ``[beleid]``)."""
    return PolicyCheck(scenario).violations()
