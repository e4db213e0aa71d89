"""A comparison told in text: the table, totals per scenario, the explaining changes, bars.

Used by ``gebiedsplanner compare`` and by the app's comparison screen alike.
"""

from __future__ import annotations

from gebiedsplanner.core.compare import ComparedRow, Comparison
from gebiedsplanner.core.describe import cell_label, describe_note, owner_label, signed
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount, format_share, round_half_away, share_tenths
from gebiedsplanner.core.scenario import COULEUR_LOCALE, LogEntry, Scenario, post_label
from gebiedsplanner.core.text_table import align
from gebiedsplanner.i18n import texts


def format_percent_change(diff: int | None, base: int | None) -> str:
    """``+7,1%``: the difference relative to the size of the base amount; ``""`` if undefined."""
    if diff is None or base is None or base == 0:
        return ""
    tenths = round_half_away(diff * 1000, abs(base))
    whole, decimal = divmod(abs(tenths), 10)
    sign = "+" if tenths > 0 else "-" if tenths < 0 else ""
    return f"{sign}{whole},{decimal}%"


def amount_or_absent(amount: int | None) -> str:
    """An amount, or the word for a cell that does not exist in that scenario."""
    return texts.ABSENT if amount is None else format_amount(amount)


def row_cells(row: ComparedRow) -> list[str]:
    """Gebied, post, year, base, then per variant: amount, difference, percent."""
    cells = [
        owner_label(row.owner),
        literal(post_label(row.post)),
        str(row.year),
        amount_or_absent(row.base),
    ]
    for amount, diff in zip(row.variants, row.diffs, strict=True):
        cells += [
            amount_or_absent(amount),
            "" if diff is None else signed(diff),
            format_percent_change(diff, row.base),
        ]
    return cells


def header_cells(comparison: Comparison) -> list[str]:
    """Column titles matching :func:`row_cells`."""
    cells = list(texts.COMPARE_HEADERS)
    for index in range(1, len(comparison.variants) + 1):
        cells += [texts.COMPARE_VARIANT.format(n=index), texts.COMPARE_DIFF, "%"]
    return cells


def legend(comparison: Comparison) -> list[str]:
    """Which scenario is the base and which are variants 1, 2, ..."""
    lines = [texts.COMPARE_LEGEND_BASE.format(name=literal(comparison.base.name))]
    for index, variant in enumerate(comparison.variants, start=1):
        lines.append(texts.COMPARE_LEGEND_VARIANT.format(n=index, name=literal(variant.name)))
    return lines


def labelled(comparison: Comparison) -> list[tuple[str, Scenario]]:
    """``basis`` and ``variant 1``, ``variant 2``, ... with their scenarios."""
    return [(texts.COMPARE_BASE, comparison.base)] + [
        (texts.COMPARE_VARIANT.format(n=n), variant)
        for n, variant in enumerate(comparison.variants, start=1)
    ]


def totals_lines(comparison: Comparison) -> list[list[str]]:
    """Per year and scenario: envelope, planned, room, and whether it is over."""
    rows = []
    for year in comparison.years:
        for label, scenario in labelled(comparison):
            totals = comparison.totals(scenario, year)
            if totals is None:
                rows.append([str(year), label, texts.ABSENT, "", "", ""])
                continue
            rows.append(
                [
                    str(year),
                    label,
                    format_amount(totals.envelope),
                    format_amount(totals.planned),
                    format_amount(totals.room),
                    texts.OVER_ENVELOPE_MARK if totals.room < 0 else texts.WITHIN_ENVELOPE,
                ]
            )
    return rows


def describe_entry(entry: LogEntry) -> str:
    """``€ 50.000 Charlois gebiedsopdracht → couleur locale 2017: extra bewonersinitiatieven``."""
    reason = literal(entry.reason) or texts.NO_REASON
    stamp = texts.ENTRY_STAMP.format(
        who=literal(entry.who), when=entry.when.strftime("%d-%m-%Y %H:%M")
    )
    changes = entry.changes
    if len(changes) == 2 and changes[0].new - changes[0].old == -(changes[1].new - changes[1].old):
        source, target = changes
        to = literal(post_label(target.cell.post))
        if target.cell.owner != source.cell.owner:
            to = f"{owner_label(target.cell.owner)} {to}"
        what = texts.ENTRY_MOVE.format(
            amount=format_amount(source.old - source.new),
            owner=owner_label(source.cell.owner),
            source=literal(post_label(source.cell.post)),
            target=to,
            year=source.cell.year,
        )
    else:
        what = "; ".join(
            [
                *(
                    texts.ENTRY_EDIT.format(
                        cell=cell_label(change.cell),
                        old=format_amount(change.old),
                        new=format_amount(change.new),
                    )
                    for change in changes
                ),
                *map(describe_note, entry.notes),
            ]
        )
    return f"{what}: {reason} {stamp}"


def explanation_lines(comparison: Comparison) -> list[str]:
    """Per variant: the recorded changes since it parted from the base, with their reasons."""
    lines = []
    for index, story in enumerate(comparison.histories, start=1):
        lines.append(
            texts.EXPLAIN_VARIANT.format(n=index, name=literal(comparison.variants[index - 1].name))
        )
        if not story.descends:
            lines.append("  " + texts.EXPLAIN_UNRELATED)
            continue
        if not story.variant_only and not story.base_only:
            lines.append("  " + texts.EXPLAIN_NOTHING)
        lines += [f"  + {describe_entry(entry)}" for entry in story.variant_only]
        if story.base_only:
            lines.append("  " + texts.EXPLAIN_BASE_SINCE)
            lines += [f"  - {describe_entry(entry)}" for entry in story.base_only]
    return lines


_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: int, largest: int, width: int) -> str:
    """A horizontal bar of ``value`` against ``largest``, in eighths of a character."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = min(width * 8, round_half_away(value * width * 8, largest))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def bar_lines(comparison: Comparison, year: int, width: int = 80) -> list[str]:
    """Per gebied, a bar of its net budget in each scenario and its couleur locale share.

    Fits in ``width`` columns; absent gebieden say so instead of showing a zero bar.
    """
    pairs = labelled(comparison)
    names = list(dict.fromkeys(name for _, scenario in pairs for name in scenario.gebieden))
    label_width = max(len(label) for label, _ in pairs)
    bar_width = max(10, width - label_width - 26)  # indent, gaps, amount, " CL ", share, trend
    nets = {
        (index, name): scenario.gebied_net(name, year)
        for index, (_, scenario) in enumerate(pairs)
        for name in scenario.gebieden
        if year in scenario.envelope
    }
    largest = max(nets.values(), default=0)
    lines = []
    for name in names:
        lines.append(literal(name))
        base_share: int | None = None
        for index, (label, scenario) in enumerate(pairs):
            net = nets.get((index, name))
            if net is None:
                lines.append(f"  {label.ljust(label_width)} {texts.ABSENT}")
                continue
            couleur_locale = scenario.gebieden[name].posts[COULEUR_LOCALE][year]
            share = share_tenths(couleur_locale, net)
            if index == 0:
                base_share = share
            trend = _trend(share, base_share) if index else " "
            lines.append(
                f"  {label.ljust(label_width)} {bar(net, largest, bar_width).ljust(bar_width)}"
                f" {format_amount(net).rjust(11)} {texts.CL_SHORT}"
                f" {format_share(couleur_locale, net).rjust(6)}{trend}"
            )
    return lines


def _trend(share: int | None, base_share: int | None) -> str:
    """▲ or ▼: the couleur locale share against the base scenario's."""
    if share is None or base_share is None or share == base_share:
        return " "
    return "▲" if share > base_share else "▼"


def comparison_lines(
    comparison: Comparison, *, only_changes: bool = False, largest_first: bool = False
) -> list[str]:
    """The whole comparison for the terminal: legend, differences, totals, explanation."""
    lines = [*legend(comparison), "", texts.COMPARE_ROWS_TITLE]
    rows = comparison.selected(only_changes=only_changes, largest_first=largest_first)
    if rows:
        lines += align([header_cells(comparison), *(row_cells(row) for row in rows)], left=(0, 1))
    else:
        lines.append(texts.COMPARE_NO_CHANGES)
    lines += ["", texts.COMPARE_TOTALS_TITLE]
    lines += align([list(texts.COMPARE_TOTALS_HEADERS), *totals_lines(comparison)], left=(0, 1, 5))
    lines += ["", texts.EXPLAIN_TITLE, *explanation_lines(comparison)]
    return lines
