"""Raise couleur locale: move gebiedsopdracht to couleur locale until it is a least
share of each gebied's net budget, which never changes."""

from __future__ import annotations

import math
from collections.abc import Collection
from fractions import Fraction

from gebiedsplanner.core import log_words
from gebiedsplanner.core.money import format_amount, format_percent
from gebiedsplanner.core.scenario import COULEUR_LOCALE, GEBIEDSOPDRACHT, Scenario, post_label
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
)
from gebiedsplanner.i18n import texts

CODE = "couleur-locale"
#: What the change log stores (:mod:`~gebiedsplanner.core.log_words`): the file's Dutch,
#: whatever the screen's language. The catalogues say the same for the preview's heading.
LOG_WORDS = log_words.words(
    ACTION="couleur locale verhoogd",
    REASON_RAISE="couleur locale {year} naar minstens {share} van het netto budget",
)


def raise_couleur_locale(
    scenario: Scenario,
    year: int,
    *,
    min_share: Fraction,
    holds: Collection[str] = (),
    reason: str = "",
) -> ToolPlan:
    """Move gebiedsopdracht to couleur locale until it is ``min_share`` % of the net budget.

    The needed couleur locale is rounded up to the euro; a gebied's net budget
    never changes. Refused, with the total shortfall, when some gebied has too
    little gebiedsopdracht.
    """
    scenario.check_year(year)
    held = frozenset(holds)  # asked once per gebied: 10.000 holds over 20.000 gebieden
    if not 0 <= min_share <= 100:
        raise ToolRefused(texts.TOOL_BAD_SHARE.format(share=format_percent(min_share)))
    moves: dict[str, int] = {}
    short: dict[str, int] = {}
    no_net: list[str] = []
    for name, gebied in scenario.gebieden.items():
        if name in held:
            continue
        net = scenario.gebied_net(name, year)
        if net <= 0:
            no_net.append(name)
            continue
        needed = math.ceil(min_share * net / 100)
        move = needed - gebied.posts[COULEUR_LOCALE][year]
        if move > 0:
            moves[name] = move
            lacking = move - gebied.posts[GEBIEDSOPDRACHT][year]
            if lacking > 0:
                short[name] = lacking
    share = format_percent(min_share)
    if short:
        raise ToolRefused(
            texts.TOOL_SHORT_OPDRACHT.format(
                names=names_list(short), short=format_amount(sum(short.values()))
            )
        )
    cells = []
    for name, gebied in scenario.gebieden.items():
        move = moves.get(name, 0)
        couleur, opdracht = gebied.posts[COULEUR_LOCALE][year], gebied.posts[GEBIEDSOPDRACHT][year]
        cells.append((name, COULEUR_LOCALE, year, couleur, couleur + move))
        cells.append((name, GEBIEDSOPDRACHT, year, opdracht, opdracht - move))
    notes = held_notes(holds)
    met = len(scenario.gebieden) - len(holds) - len(no_net) - len(moves)
    if met and moves:
        notes.append(texts.NOTE_SHARE_MET.format(share=share, count=met))
    if no_net:
        notes.append(texts.NOTE_NO_NET.format(names=names_list(no_net)))
    net_total = sum(scenario.gebied_net(name, year) for name in scenario.gebieden)

    def in_words(words: Words) -> str:
        return str(words.REASON_RAISE.format(year=year, share=share) + holds_in(words, holds))

    left, right = texts.CHECK_RAISE
    after = net_total + sum(new - old for *_, old, new in cells)
    return assemble(
        CODE,
        LOG_WORDS,
        in_words,
        reason,
        texts.FIGURE_POST.format(post=post_label(COULEUR_LOCALE), year=year),
        cells,
        check=check_line(
            left.format(after=format_amount(after)),
            right.format(before=format_amount(net_total)),
            after == net_total,
        ),
        notes=notes,
        nothing=texts.WHY_SHARE_MET.format(share=share),
        shown_post=COULEUR_LOCALE,
        marks=dict.fromkeys(holds, texts.MARK_HELD) | dict.fromkeys(no_net, texts.MARK_NO_NET),
    )


def _build(scenario: Scenario, values: Values) -> ToolPlan:
    return raise_couleur_locale(
        scenario,
        values.year("year"),
        min_share=values.percent("share"),
        holds=values.names("holds"),
        reason=values.text("reason"),
    )


TOOL = Tool(
    CODE,
    help="CMD_COULEUR_LOCALE",
    params=(
        YEAR,
        Param(
            "share",
            Kind.PERCENT,
            "--min-share",
            help="ARG_MIN_SHARE",
            label="TOOL_LABEL_SHARE",
            required=True,
            suggested="10%",
        ),
        HOLDS,
    ),
    build=_build,
    log_words=LOG_WORDS,
)
