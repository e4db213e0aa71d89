"""The policy rules (beleidsregels) a scenario may carry in its ``[beleid]`` table: their
codes and :class:`Policy`, which holds them. What the plan breaks is
:mod:`gebiedsplanner.core.policy`; the scenario model only carries a :class:`Policy`.
Percentages are :class:`~fractions.Fraction`\\ s, never binary floats.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from fractions import Fraction

# Rule codes: the keys of ``[beleid]`` in a file; texts.py has the users' words for them.
MIN_COULEUR_LOCALE_PCT = "min_couleur_locale_pct"
MIN_GEBIEDSOPDRACHT = "min_gebiedsopdracht"
MAX_WIJZIGING_PCT = "max_wijziging_pct"
TAAKSTELLING_VOLLEDIG_VERDEELD = "taakstelling_volledig_verdeeld"
BINNEN_ENVELOPE = "binnen_envelope"

#: Every rule, in the order files are written and violations are listed.
RULES = (
    MIN_COULEUR_LOCALE_PCT,
    MIN_GEBIEDSOPDRACHT,
    MAX_WIJZIGING_PCT,
    TAAKSTELLING_VOLLEDIG_VERDEELD,
    BINNEN_ENVELOPE,
)
PERCENT_RULES = (MIN_COULEUR_LOCALE_PCT, MAX_WIJZIGING_PCT)
AMOUNT_RULES = (MIN_GEBIEDSOPDRACHT,)
FLAG_RULES = (TAAKSTELLING_VOLLEDIG_VERDEELD, BINNEN_ENVELOPE)
#: A percentage is written with at most this many decimals (``12.5``, ``7.25``).
PERCENT_DECIMALS = 2


@dataclass(frozen=True, slots=True)
class Policy:
    """The rules of one scenario; ``None`` is a rule the scenario does not have.

    The field names are the rule codes (the keys in the file). A flag set to
    ``False`` is kept as such, so a file reads and writes back unchanged.
    """

    min_couleur_locale_pct: Fraction | None = None
    min_gebiedsopdracht: int | None = None
    max_wijziging_pct: Fraction | None = None
    taakstelling_volledig_verdeeld: bool | None = None
    binnen_envelope: bool | None = None

    def rules(self) -> dict[str, Fraction | int | bool]:
        """The rules present, code -> value, in :data:`RULES` order."""
        found = {field.name: getattr(self, field.name) for field in fields(self)}
        return {code: found[code] for code in RULES if found[code] is not None}


def percent_text(value: Fraction) -> str:
    """A percentage as an exact decimal with a point: ``10``, ``12.5`` (at most 2 decimals)."""
    hundredths = value * 10**PERCENT_DECIMALS
    if hundredths.denominator != 1:
        raise ValueError(f"{value} has more than {PERCENT_DECIMALS} decimals")
    whole, fraction = divmod(hundredths.numerator, 10**PERCENT_DECIMALS)
    if not fraction:
        return str(whole)
    return f"{whole}.{fraction:0{PERCENT_DECIMALS}d}".rstrip("0")
