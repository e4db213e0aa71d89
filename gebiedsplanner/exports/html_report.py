"""A report to share: one self-contained HTML file, with charts as inline SVG.

``gebiedsplanner report FILE [VARIANT...] -o rapport.html``: the scenario's
description; when the report was made and from which files (each file's name and the
start of the SHA-256 of the bytes read, so a reader can tell which version of a file it
shows); its years against the envelope, in a table and a chart; the stedelijk posts;
for every year, a chart of the budget per gebied by post and one of the couleur locale
share per gebied against the policy minimum; a table per gebied; with variants, the
cells that differ and the explanation (the recorded moves and their reasons).

No script, no style sheet or font from elsewhere, no external URL at all: it opens
offline and prints on A4. Every text from a scenario is escaped: a gebied named
``<script>`` is shown as text. Amounts in Dutch format (``1.234.567``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from html import escape
from typing import NamedTuple

from gebiedsplanner.core.chart import scaled
from gebiedsplanner.core.compare import compare, csv_rows
from gebiedsplanner.core.compare_report import explanation_lines
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import format_amount, format_percent, format_share, share_tenths
from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.policy_report import describe_violation
from gebiedsplanner.core.scenario import (
    COULEUR_LOCALE,
    GEBIED_POSTS,
    GEBIEDSOPDRACHT,
    TAAKSTELLING,
    Scenario,
    post_label,
)
from gebiedsplanner.i18n import texts

#: Colours of the posts (and a pattern-free legend that also prints in grey).
COLOURS = {COULEUR_LOCALE: "#2f6f9f", GEBIEDSOPDRACHT: "#9cc3de", TAAKSTELLING: "#d9822b"}
STYLE = """
@page { size: A4; margin: 15mm; }
body { font: 10pt/1.4 sans-serif; color: #111; max-width: 180mm; margin: auto; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.5em; break-after: avoid; }
table { border-collapse: collapse; margin: .5em 0; break-inside: avoid; }
th, td { padding: 1px 6px; border-bottom: 1px solid #ccc; }
th:first-child, td:first-child { text-align: left; min-width: 14em; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.over { color: #a00; font-weight: bold; }
svg { display: block; margin: .5em 0; break-inside: avoid; }
svg text { font: 8pt sans-serif; }
p.explain { margin: 0 0 0 1em; }
p.made { color: #444; margin-bottom: 0; }
table.sources td, table.sources th { font-size: 8pt; text-align: left; }
code { font: 8pt monospace; }
"""
WIDTH = 640  # the charts' width in CSS pixels: the A4 text width


#: Hex digits of a file's SHA-256 the report shows: enough to tell versions apart.
SHORT_DIGEST = 12


class Source(NamedTuple):
    """A file the report was made from."""

    name: str
    """The file's name (not its folder: a report is shared beyond the server)."""
    scenario: str
    """The scenario's name in it."""
    digest: str
    """The SHA-256 of the bytes read, in hex."""


def report_html(
    scenario: Scenario,
    variants: Sequence[Scenario] = (),
    *,
    sources: Sequence[Source] = (),
    made: datetime | None = None,
) -> bytes:
    """The report's bytes, UTF-8: made at ``made`` (now if not given) from ``sources``."""
    made = made or datetime.now().astimezone().replace(microsecond=0)
    years = scenario.years
    parts = [
        f"<h1>{_text(scenario.name)}</h1>",
        f"<p>{_text(scenario.description)}</p>" if scenario.description else "",
        *_made(made, sources),
        f"<h2>{_text(texts.REPORT_YEARS)}</h2>",
        _years_table(scenario),
        _year_chart(scenario),
        *_city(scenario),
    ]
    for year in years:
        parts += [
            f"<h2>{_text(texts.REPORT_COMPOSITION.format(year=year))}</h2>",
            _composition_chart(scenario, year),
            f"<h2>{_text(texts.REPORT_SHARE.format(year=year))}</h2>",
            _share_chart(scenario, year),
        ]
    parts += [
        *_broken_rules(scenario),
        f"<h2>{_text(texts.REPORT_GEBIEDEN)}</h2>",
        *(_gebied_table(scenario, name) for name in scenario.gebieden),
    ]
    if variants:
        parts += _differences(scenario, variants)
    title = _text(scenario.name)
    page = (
        f'<!DOCTYPE html>\n<html lang="{texts.REPORT_LANG}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )
    return page.encode("utf-8")


def _made(made: datetime, sources: Sequence[Source]) -> list[str]:
    """When the report was made, and from which files."""
    when = made.strftime(texts.DATE_TIME_FORMAT)
    offset = made.strftime("%z")  # "+0100"; nothing for a moment without a zone
    if offset:
        when += f" (UTC{offset[:3]}:{offset[3:5]})"
    said = (texts.REPORT_MADE_FROM if sources else texts.REPORT_MADE).format(when=when)
    lines = [f'<p class="made">{_text(said)}</p>']
    if sources:
        rows = [_row(map(_text, texts.REPORT_SOURCE_HEADERS), head=True)]
        for source in sources:
            digest = f"<code>{_text(source.digest[:SHORT_DIGEST])}</code>"
            rows.append(
                _row([_text(literal(source.scenario)), _text(literal(source.name)), digest])
            )
        lines.append(f'<table class="sources">{"".join(rows)}</table>')
    return lines


def _text(text: str) -> str:
    return escape(text, quote=True)


def _row(cells: Iterable[str], *, head: bool = False, numbers: int = 0) -> str:
    """A table row; the last ``numbers`` cells right-aligned."""
    cells = list(cells)
    tag = "th" if head else "td"
    first = len(cells) - numbers
    return (
        "<tr>"
        + "".join(
            f"<{tag}{' class=n' if index >= first else ''}>{cell}</{tag}>"
            for index, cell in enumerate(cells)
        )
        + "</tr>"
    )


def _years_table(scenario: Scenario) -> str:
    rows = [_row(map(_text, texts.REPORT_YEAR_HEADERS), head=True, numbers=4)]
    for year in scenario.years:
        totals = scenario.totals(year)
        room = format_amount(totals.room)
        if totals.room < 0:
            room = f'<span class="over">{room} {_text(texts.OVER_ENVELOPE)}</span>'
        figures = (totals.envelope, totals.planned)
        cells = [
            str(year),
            *map(format_amount, figures),
            room,
            format_amount(totals.taakstelling_open),
        ]
        rows.append(_row(cells, numbers=4))
    return f"<table>{''.join(rows)}</table>"


#: Year columns one gebied table holds: more would not fit the width of A4.
YEARS_PER_TABLE = 5


def _gebied_table(scenario: Scenario, name: str) -> str:
    """The gebied's posts and net budget per year."""
    table = _by_years(scenario.years, lambda years: _gebied_years(scenario, name, years))
    return table + _gebied_note(scenario.note(name))


def _by_years(years: Sequence[int], table: Callable[[Sequence[int]], str]) -> str:
    """A table per :data:`YEARS_PER_TABLE` years: a plan of many years in several
    tables, each as wide as A4 allows."""
    return "".join(
        table(years[start : start + YEARS_PER_TABLE])
        for start in range(0, len(years), YEARS_PER_TABLE)
    )


def _gebied_note(note: str) -> str:
    """The gebied's note under its table (escaped; its line breaks kept), if it has one."""
    if not note:
        return ""
    return f"<p><b>{_text(texts.REPORT_NOTE)}</b> {_text(note).replace(chr(10), '<br>')}</p>"


def _city(scenario: Scenario) -> list[str]:
    """The stedelijk posts per year and their total (nothing for a plan without them)."""
    if not scenario.stedelijk:
        return []
    tables = _by_years(scenario.years, lambda years: _city_years(scenario, years))
    return [f"<h2>{_text(texts.REPORT_CITY)}</h2>", tables]


def _city_years(scenario: Scenario, years: Sequence[int]) -> str:
    head = [_text(texts.REPORT_CITY_POST), *map(str, years)]
    rows = [_row(head, head=True, numbers=len(years))]
    for post, by_year in scenario.stedelijk.items():
        figures = [format_amount(by_year[year]) for year in years]
        rows.append(_row([_text(post_label(post)), *figures], numbers=len(figures)))
    posts = scenario.stedelijk.values()
    total = [format_amount(sum(by_year[year] for by_year in posts)) for year in years]
    rows.append(_row([f"<b>{_text(texts.REPORT_CITY_TOTAL)}</b>", *total], numbers=len(total)))
    return f"<table>{''.join(rows)}</table>"


def _gebied_years(scenario: Scenario, name: str, years: Sequence[int]) -> str:
    posts = scenario.gebieden[name].posts
    rows = [_row([_text(name), *map(str, years)], head=True, numbers=len(years))]
    for post in GEBIED_POSTS:
        figures = [format_amount(posts[post][year]) for year in years]
        rows.append(_row([_text(post_label(post)), *figures], numbers=len(figures)))
    net = [format_amount(scenario.gebied_net(name, year)) for year in years]
    rows.append(_row([f"<b>{_text(texts.REPORT_NET)}</b>", *net], numbers=len(net)))
    return f"<table>{''.join(rows)}</table>"


def _svg(height: int, body: list[str], label: str) -> str:
    return (
        f'<svg width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img"'
        f' aria-label="{_text(label)}">{"".join(body)}</svg>'
    )


def _bar(x: int, y: int, width: int, colour: str, height: int = 12) -> str:
    return f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{colour}"/>'


#: Characters of a name that fit left of a chart's bars (8pt text in NAME_ROOM pixels).
NAME_CHARACTERS = 28


def _short(name: str) -> str:
    """A name as far as it fits left of the bars; the tables below show it whole."""
    return name if len(name) <= NAME_CHARACTERS else name[: NAME_CHARACTERS - 1] + "…"


def _line(x: int, top: int, bottom: int, colour: str) -> str:
    return f'<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="{colour}" stroke-width="2"/>'


def _label(x: int, y: int, text: str, anchor: str = "start") -> str:
    return f'<text x="{x}" y="{y}" text-anchor="{anchor}">{_text(text)}</text>'


NAME_ROOM, FIGURE_ROOM, LINE = 170, 90, 18


def _composition_chart(scenario: Scenario, year: int) -> str:
    """A bar per gebied: couleur locale, then gebiedsopdracht; the taakstelling's cut
    drawn over the end of it; its net budget after the bar."""
    room = WIDTH - NAME_ROOM - FIGURE_ROOM
    gebieden = list(scenario.gebieden.values())
    largest = max(
        (g.posts[COULEUR_LOCALE][year] + g.posts[GEBIEDSOPDRACHT][year] for g in gebieden),
        default=0,
    )
    body = [_legend()]
    for index, gebied in enumerate(gebieden):
        y = 24 + index * LINE
        cl, go, cut = (gebied.posts[post][year] for post in GEBIED_POSTS)
        whole = scaled(cl + go, largest, room)
        own = min(scaled(cl, largest, room), whole)
        taken = min(scaled(-cut, largest, room), whole)
        body += [
            _label(NAME_ROOM - 6, y + 10, _short(gebied.name), "end"),
            _bar(NAME_ROOM, y, own, COLOURS[COULEUR_LOCALE]),
            _bar(NAME_ROOM + own, y, whole - own, COLOURS[GEBIEDSOPDRACHT]),
            _bar(NAME_ROOM + whole - taken, y + 3, taken, COLOURS[TAAKSTELLING], 6),
            _label(WIDTH - 4, y + 10, format_amount(scenario.gebied_net(gebied.name, year)), "end"),
        ]
    return _svg(28 + len(gebieden) * LINE, body, texts.REPORT_COMPOSITION.format(year=year))


def _legend() -> str:
    items = []
    for index, post in enumerate(GEBIED_POSTS):
        x = NAME_ROOM + index * 150
        items += [_bar(x, 2, 10, COLOURS[post], 10), _label(x + 14, 11, post_label(post))]
    return "".join(items)


def _year_chart(scenario: Scenario) -> str:
    """A bar per year of what is planned, a line at its envelope."""
    room = WIDTH - 60 - FIGURE_ROOM
    totals = [scenario.totals(year) for year in scenario.years]
    largest = max((max(t.planned, t.envelope) for t in totals), default=0)
    body = []
    for index, figures in enumerate(totals):
        y = 4 + index * LINE
        at = 60 + scaled(figures.envelope, largest, room)
        colour = "#a00" if figures.room < 0 else COLOURS[COULEUR_LOCALE]
        body += [
            _label(50, y + 10, str(figures.year), "end"),
            _bar(60, y, scaled(figures.planned, largest, room), colour),
            _line(at, y - 2, y + 14, "#111"),
            _label(WIDTH - 4, y + 10, format_amount(figures.planned), "end"),
        ]
    return _svg(8 + len(totals) * LINE, body, texts.REPORT_YEARS)


def _share_chart(scenario: Scenario, year: int) -> str:
    """The couleur locale share of each gebied's net budget, a line at the policy minimum."""
    room = WIDTH - NAME_ROOM - FIGURE_ROOM
    shares: dict[str, tuple[int, str]] = {}
    for gebied in scenario.gebieden.values():
        net, couleur = scenario.gebied_net(gebied.name, year), gebied.posts[COULEUR_LOCALE][year]
        tenths = share_tenths(couleur, net)
        if tenths is not None:  # as the planner's table shows it
            shares[gebied.name] = (max(0, tenths), format_share(couleur, net))
    minimum = scenario.beleid.min_couleur_locale_pct if scenario.beleid else None
    least = int(minimum * 10) if minimum is not None else 0  # in tenths of a percent
    largest = max([*(tenths for tenths, _ in shares.values()), least, 1])
    body = []
    for index, (name, (tenths, shown)) in enumerate(shares.items()):
        y = 4 + index * LINE
        body += [
            _label(NAME_ROOM - 6, y + 10, _short(name), "end"),
            _bar(NAME_ROOM, y, scaled(tenths, largest, room), COLOURS[COULEUR_LOCALE]),
            _label(WIDTH - 4, y + 10, shown, "end"),
        ]
    height = 8 + len(shares) * LINE
    if minimum is not None:
        at = NAME_ROOM + scaled(least, largest, room)
        body.append(
            f'<line x1="{at}" y1="0" x2="{at}" y2="{height}" stroke="#a00" stroke-width="2"/>'
        )
        text = texts.REPORT_MINIMUM.format(pct=format_percent(minimum))
        body.append(_label(at + 4, height - 2, text))
        height += 4
    return _svg(height, body, texts.REPORT_SHARE.format(year=year))


def _broken_rules(scenario: Scenario) -> list[str]:
    """The policy rules the plan breaks, in words (nothing for a scenario without rules)."""
    if scenario.beleid is None:
        return []
    policy = scenario.beleid
    broken = [describe_violation(v, policy) for v in PolicyCheck(scenario).violations()]
    items = "".join(f"<li>{_text(line)}</li>" for line in broken)
    title = texts.XLSX_POLICY_TITLE.format(count=len(broken))
    return [f"<h2>{_text(title)}</h2>", f"<ul>{items}</ul>" if items else ""]


def _differences(base: Scenario, variants: Sequence[Scenario]) -> list[str]:
    comparison = compare(base, variants)
    heads = map(_text, texts.REPORT_DIFFERENCE_HEADERS)
    rows = [_row(heads, head=True, numbers=3)]
    for _, variant, owner, post, year, was, now, diff in csv_rows(comparison, only_changes=True):
        names = [_text(str(variant)), _text(str(owner)), _text(post_label(str(post))), str(year)]
        figures = [format_amount(v) if isinstance(v, int) else "" for v in (was, now, diff)]
        rows.append(_row([*names, *figures], numbers=3))
    explained = "".join(
        f'<p class="explain">{_text(line.strip())}</p>' for line in explanation_lines(comparison)
    )
    return [
        f"<h2>{_text(texts.REPORT_DIFFERENCES)}</h2>",
        f"<table>{''.join(rows)}</table>",
        f"<h2>{_text(texts.REPORT_EXPLAINED)}</h2>",
        explained,
    ]
