"""Distribute the taakstelling: spread what a year's taakstelling still has to
distribute over the gebieden, by a key, above a floor, in units."""

from __future__ import annotations

from collections.abc import Collection

from gebiedsplanner.core import log_words
from gebiedsplanner.core.apportion import Spread
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.scenario import TAAKSTELLING, Scenario
from gebiedsplanner.core.tools.description import HOLDS, YEAR, Kind, Param, Tool, Values
from gebiedsplanner.core.tools.plans import (
    ToolPlan,
    ToolRefused,
    Words,
    assemble,
    check_line,
    held_notes,
    holds_in,
    names_list,
    rounding_notes,
    spread_marks,
    spread_refusing,
)
from gebiedsplanner.i18n import texts

CODE = "distribute"
#: Distribution keys, by the code used on the command line and in files.
KEYS = ("begroting", "inwoners", "gelijk")
#: What the change log stores (:mod:`~gebiedsplanner.core.log_words`): the file's Dutch,
#: whatever the screen's language. The catalogues say the same for the preview's heading.
LOG_WORDS = log_words.words(
    ACTION="verdeling",
    REASON_DISTRIBUTE="verdeling taakstelling {year} {key}",
    KEY_WORDS={"begroting": "naar begroting", "inwoners": "naar inwoners", "gelijk": "gelijk"},
    REASON_ALL=", alles opnieuw",
    REASON_FLOOR=", bodem {floor}",
    REASON_UNIT=", per {unit}",
)


def distribute(
    scenario: Scenario,
    year: int,
    *,
    key: str = "begroting",
    holds: Collection[str] = (),
    floor: int | None = None,
    clear: bool = False,
    unit: int = 1,
    reason: str = "",
) -> ToolPlan:
    """Spread the year's taakstelling still to distribute over the gebieden.

    ``clear`` first sets the taakstelling of every gebied not held to 0 and
    spreads the whole imposed amount (minus what held gebieden carry).
    ``floor`` is the least net budget a gebied keeps (0 without one).
    """
    scenario.check_year(year)
    held = frozenset(holds)  # asked once per gebied: 10.000 holds over 20.000 gebieden
    if unit < 1:
        raise ToolRefused(texts.TOOL_BAD_UNIT)
    current = {name: g.posts[TAAKSTELLING][year] for name, g in scenario.gebieden.items()}
    start = {
        name: (amount if name in held or not clear else 0) for name, amount in current.items()
    }
    target = scenario.taakstelling[year] - sum(start.values())
    free = [name for name in scenario.gebieden if name not in held]
    net = {name: scenario.gebied_net(name, year) - current[name] + start[name] for name in free}
    weights = _weights(scenario, key, free, net)
    if target < 0:
        least = floor or 0
        caps = {name: max(0, net[name] - least) for name in free}
    else:
        caps = {name: -start[name] for name in free}
    outcome = spread_refusing(
        abs(target),
        weights,
        caps,
        unit,
        free,
        key_label=texts.KEY_LABELS[key],
        giving_back=target > 0,
    )
    sign = -1 if target < 0 else 1
    new = start | {name: start[name] + sign * outcome.shares[name] for name in free}
    notes = held_notes(holds)
    notes += _cap_notes(outcome, target > 0, floor, texts.KEY_LABELS[key])
    notes += rounding_notes(outcome, unit)
    total = sum(new.values())

    def in_words(words: Words) -> str:
        said = words.REASON_DISTRIBUTE.format(year=year, key=words.KEY_WORDS[key])
        said += words.REASON_ALL if clear else ""
        said += holds_in(words, holds)
        said += words.REASON_FLOOR.format(floor=format_amount(floor)) if floor else ""
        return str(said + (words.REASON_UNIT.format(unit=format_amount(unit)) if unit > 1 else ""))

    left, right = texts.CHECK_DISTRIBUTE
    return assemble(
        CODE,
        LOG_WORDS,
        in_words,
        reason,
        texts.FIGURE_TAAKSTELLING.format(year=year),
        [(name, TAAKSTELLING, year, current[name], new[name]) for name in scenario.gebieden],
        check=check_line(
            left.format(total=format_amount(total)),
            right.format(imposed=format_amount(scenario.taakstelling[year])),
            total == scenario.taakstelling[year],
        ),
        notes=notes,
        nothing=texts.WHY_DISTRIBUTED.format(year=year),
        marks=spread_marks(outcome, holds, floor=bool(floor), giving_back=target > 0),
    )


def _weights(scenario: Scenario, key: str, free: list[str], net: dict[str, int]) -> dict[str, int]:
    """Each free gebied's weight under ``key``."""
    if key == "begroting":
        return {name: max(0, net[name]) for name in free}
    if key == "inwoners":
        missing = [name for name in free if scenario.gebieden[name].inwoners is None]
        if missing:
            raise ToolRefused(texts.TOOL_NO_INWONERS.format(names=names_list(missing)))
        return {name: scenario.gebieden[name].inwoners or 0 for name in free}
    if key == "gelijk":
        return dict.fromkeys(free, 1)
    raise ToolRefused(texts.TOOL_NO_BASIS.format(key=key))


def _cap_notes(outcome: Spread, giving_back: bool, floor: int | None, key: str) -> list[str]:
    """Words for the gebieden a floor (or 0) stopped: cut to it, or not cut at all."""
    reached = [name for name in outcome.capped if outcome.shares[name]]
    untouched = [name for name in outcome.capped if not outcome.shares[name]]
    shown_floor = format_amount(floor or 0)
    notes = []
    if giving_back:
        reached += untouched
        untouched = []
        template = texts.NOTE_BACK_TO_ZERO
    else:
        template = texts.NOTE_FLOOR if floor else texts.NOTE_ZERO_FLOOR
    if untouched:
        below = texts.NOTE_UNDER_FLOOR if floor else texts.NOTE_UNDER_ZERO
        notes.append(below.format(floor=shown_floor, names=names_list(untouched)))
    if reached:
        notes.append(template.format(floor=shown_floor, names=names_list(reached), key=key))
    return notes


def _build(scenario: Scenario, values: Values) -> ToolPlan:
    return distribute(
        scenario,
        values.year("year"),
        key=values.choice("key"),
        holds=values.names("holds"),
        floor=values.optional_amount("floor"),
        clear=values.flag("all"),
        unit=values.amount("unit"),
        reason=values.text("reason"),
    )


TOOL = Tool(
    CODE,
    help="CMD_DISTRIBUTE",
    params=(
        YEAR,
        Param(
            "key",
            Kind.CHOICE,
            "--key",
            help="ARG_KEY",
            label="TOOL_LABEL_KEY",
            default="begroting",
            choices=KEYS,
            choice_words="KEY_LABELS",
        ),
        HOLDS,
        Param(
            "floor",
            Kind.AMOUNT,
            "--floor",
            help="ARG_FLOOR",
            label="TOOL_LABEL_FLOOR",
            placeholder="TOOL_FLOOR_PLACEHOLDER",
        ),
        Param(
            "all",
            Kind.FLAG,
            "--all",
            help="ARG_ALL",
            label="TOOL_LABEL_ALL",
            label_on="TOOL_LABEL_ALL_ON",
        ),
        Param(
            "unit",
            Kind.AMOUNT,
            "--unit",
            help="ARG_UNIT",
            label="TOOL_LABEL_UNIT",
            default="1",
            least=1,
            below="TOOL_BAD_UNIT",
            below_fix="FIX_UNIT",
        ),
    ),
    build=_build,
    log_words=LOG_WORDS,
)
