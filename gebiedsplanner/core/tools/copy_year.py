"""Copy a year forward: every gebied and stedelijk amount of one year into another,
indexed, to the euro."""

from __future__ import annotations

from fractions import Fraction

from gebiedsplanner.core import log_words
from gebiedsplanner.core.money import (
    format_amount,
    format_euros_cents,
    format_percent,
    round_half_away,
)
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.core.tools.description import Kind, Param, Tool, Values
from gebiedsplanner.core.tools.plans import ToolPlan, ToolRefused, Words, assemble, check_line
from gebiedsplanner.i18n import texts

CODE = "copy-year"
#: What the change log stores (:mod:`~gebiedsplanner.core.log_words`): the file's Dutch,
#: whatever the screen's language. The catalogues say the same for the preview's heading.
LOG_WORDS = log_words.words(
    ACTION="jaar gekopieerd",
    REASON_COPY="jaar {source} naar {target} gekopieerd, index {index}",
)


def copy_year(
    scenario: Scenario,
    source: int,
    target: int,
    *,
    index: Fraction = Fraction(0),
    reason: str = "",
) -> ToolPlan:
    """Every gebied and stedelijk amount of ``source`` into ``target``, indexed, to the euro."""
    scenario.check_year(source)
    scenario.check_year(target)
    if source == target:
        raise ToolRefused(texts.TOOL_SAME_YEAR)
    if index <= -100:
        raise ToolRefused(texts.TOOL_BAD_INDEX.format(index=format_percent(index)))
    factor = 1 + index / 100
    cells = []
    source_total = 0
    for owner, post, by_year in scenario.series():
        new = round_half_away(by_year[source] * factor.numerator, factor.denominator)
        cells.append((owner, post, target, by_year[target], new))
        source_total += by_year[source]
    total = sum(new for *_, new in cells)
    exact_total = source_total * factor
    shown_factor = format_percent(factor).removesuffix("%")

    def in_words(words: Words) -> str:
        return str(
            words.REASON_COPY.format(source=source, target=target, index=format_percent(index))
        )

    if total == exact_total:
        check = check_line(
            texts.CHECK_COPY_LEFT.format(target=target, total=format_amount(total)),
            texts.CHECK_COPY_RIGHT.format(source=source, factor=shown_factor),
            exact=True,
        )
    else:  # each cell rounds by at most half a euro
        check = (
            texts.CHECK_COPY_ROUNDED.format(
                target=target,
                total=format_amount(total),
                source=source,
                factor=shown_factor,
                exact=format_euros_cents(exact_total),
                cells=format_amount(len(cells)),
            ),
            abs(total - exact_total) <= Fraction(len(cells), 2),
        )
    return assemble(
        CODE,
        LOG_WORDS,
        in_words,
        reason,
        texts.FIGURE_NET.format(year=target),
        cells,
        check=check,
        notes=[
            texts.NOTE_COPY_SCOPE.format(
                target=target,
                envelope=format_amount(scenario.envelope[target]),
                imposed=format_amount(scenario.taakstelling[target]),
            )
        ],
        nothing=texts.WHY_SAME_YEAR.format(source=source, target=target, factor=shown_factor),
    )


def _build(scenario: Scenario, values: Values) -> ToolPlan:
    return copy_year(
        scenario,
        values.year("year"),
        values.year("to-year"),
        index=values.percent("index"),
        reason=values.text("reason"),
    )


TOOL = Tool(
    CODE,
    help="CMD_COPY_YEAR",
    params=(
        Param(
            "year",
            Kind.YEAR,
            "--from",
            help="ARG_FROM_YEAR",
            label="TOOL_LABEL_YEAR",
            required=True,
            metavar="SOURCE",
        ),
        Param(
            "to-year",
            Kind.YEAR,
            "--to",
            help="ARG_TO_YEAR",
            label="TOOL_LABEL_TO_YEAR",
            required=True,
            metavar="TARGET",
            later=True,
        ),
        Param(
            "index",
            Kind.PERCENT,
            "--index",
            help="ARG_INDEX",
            label="TOOL_LABEL_INDEX",
            default="0%",
        ),
    ),
    build=_build,
    log_words=LOG_WORDS,
)
