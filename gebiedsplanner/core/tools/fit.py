"""Fit to the envelope: change one post in every gebied not held, in proportion, so
the year's room is 0."""

from __future__ import annotations

from collections.abc import Collection

from gebiedsplanner.core import log_words
from gebiedsplanner.core.money import AMOUNT_LIMIT, format_amount
from gebiedsplanner.core.scenario import COULEUR_LOCALE, GEBIEDSOPDRACHT, Scenario, post_label
from gebiedsplanner.core.tools.description import HOLDS, YEAR, Kind, Param, Tool, Values
from gebiedsplanner.core.tools.plans import (
    ToolPlan,
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

CODE = "fit"
#: Posts :func:`fit` may change.
FIT_POSTS = (GEBIEDSOPDRACHT, COULEUR_LOCALE)
#: What the change log stores (:mod:`~gebiedsplanner.core.log_words`): the file's Dutch,
#: whatever the screen's language. The catalogues say the same for the preview's heading.
LOG_WORDS = log_words.words(
    ACTION="passend maken",
    REASON_FIT="passend maken {year} op de envelope via {post}",
)


def fit(
    scenario: Scenario,
    year: int,
    *,
    post: str = GEBIEDSOPDRACHT,
    holds: Collection[str] = (),
    reason: str = "",
) -> ToolPlan:
    """Change ``post`` in every gebied not held, in proportion, so the year's room is 0."""
    scenario.check_year(year)
    held = frozenset(holds)  # asked once per gebied: 10.000 holds over 20.000 gebieden
    totals = scenario.totals(year)
    free = [name for name in scenario.gebieden if name not in held]
    current = {name: g.posts[post][year] for name, g in scenario.gebieden.items()}
    weights = {name: current[name] for name in free}
    room = totals.room
    caps = {name: current[name] if room < 0 else AMOUNT_LIMIT - current[name] for name in free}
    label = post_label(post)
    outcome = spread_refusing(abs(room), weights, caps, 1, free, key_label="", post=label)
    sign = -1 if room < 0 else 1
    new = current | {name: current[name] + sign * outcome.shares[name] for name in free}
    notes = held_notes(holds)
    if outcome.capped:
        notes.append(texts.NOTE_POST_TO_ZERO.format(post=label, names=names_list(outcome.capped)))
    notes += rounding_notes(outcome, 1)
    planned = totals.planned + sum(new.values()) - sum(current.values())

    def in_words(words: Words) -> str:
        return str(words.REASON_FIT.format(year=year, post=label) + holds_in(words, holds))

    left, right = texts.CHECK_FIT
    return assemble(
        CODE,
        LOG_WORDS,
        in_words,
        reason,
        texts.FIGURE_POST.format(post=label, year=year),
        [(name, post, year, current[name], new[name]) for name in scenario.gebieden],
        check=check_line(
            left.format(planned=format_amount(planned)),
            right.format(envelope=format_amount(totals.envelope)),
            planned == totals.envelope,
        ),
        notes=notes,
        nothing=texts.WHY_FITS.format(year=year),
        marks=spread_marks(outcome, holds, floor=False, giving_back=False),
    )


def _build(scenario: Scenario, values: Values) -> ToolPlan:
    return fit(
        scenario,
        values.year("year"),
        post=values.choice("post"),
        holds=values.names("holds"),
        reason=values.text("reason"),
    )


TOOL = Tool(
    CODE,
    help="CMD_FIT",
    params=(
        YEAR,
        Param(
            "post",
            Kind.CHOICE,
            "--post",
            help="ARG_POST",
            label="TOOL_LABEL_POST",
            default=GEBIEDSOPDRACHT,
            choices=FIT_POSTS,
            choice_words="POST_LABELS",
        ),
        HOLDS,
    ),
    build=_build,
    log_words=LOG_WORDS,
)
