"""Comparison maths: base + difference = variant exactly; mismatched scenarios; histories."""

from __future__ import annotations

import contextlib
import copy
import csv
import io
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from gebiedsplanner.core.compare import CSV_HEADER, compare, csv_rows, joined_columns
from gebiedsplanner.core.compare_report import (
    bar,
    bar_lines,
    comparison_lines,
    describe_entry,
    format_percent_change,
    row_cells,
)
from gebiedsplanner.core.compare_table import CompareTable
from gebiedsplanner.core.scenario import COULEUR_LOCALE, GEBIEDSOPDRACHT, Cell, EditError, Scenario
from gebiedsplanner.editing import storage
from gebiedsplanner.exports.csv_export import Dialect, rows_to_csv, to_csv_bytes
from gebiedsplanner.format import scenario_reader, scenario_writer
from tests.conftest import BUNDLED
from tests.strategies import scenarios

WHEN = datetime(2026, 11, 23, 10, 15, tzinfo=UTC)


def bundled() -> Scenario:
    return storage.load(BUNDLED).scenario


def variant_of(base: Scenario) -> Scenario:
    return scenario_reader.parse("v", scenario_writer.dumps(base))


@settings(max_examples=40)
@given(scenarios(), scenarios(), st.data())
def test_base_plus_difference_is_the_variant_exactly(
    base: Scenario, other: Scenario, data: st.DataObject
) -> None:
    variant = variant_of(base)
    for _ in range(data.draw(st.integers(0, 5))):
        cell = data.draw(st.sampled_from(list(variant.cells())))
        with contextlib.suppress(EditError):
            variant.set_amount(cell, data.draw(st.integers(0, 10**9)), who="x", when=WHEN)
    comparison = compare(base, [variant, other])
    for row in comparison.rows:
        for amount, diff in zip(row.variants, row.diffs, strict=True):
            if row.base is None or amount is None:
                assert diff is None
            else:
                assert row.base + diff == amount
    keys = {(r.owner, r.post, r.year) for r in comparison.rows}
    assert keys == {(c.owner, c.post, c.year) for s in (base, variant, other) for c in s.cells()}
    for row in comparison.rows:
        cell = Cell(row.owner, row.post, row.year)
        assert row.base == (base.amount(cell) if cell in set(base.cells()) else None)
    changed = [row for row in comparison.rows if any(diff != 0 for diff in row.diffs)]
    assert comparison.selected(only_changes=True) == changed  # None != 0: absent is a change
    assert comparison.size == len(comparison.rows) == len(keys)


def test_mismatched_scenarios_show_absent_not_zero() -> None:
    base = bundled()
    variant = variant_of(base)
    del variant.gebieden["Pernis"]
    variant.stedelijk["jeugdparticipatie"] = {year: 500_000 for year in variant.years}
    variant = variant_of(variant)  # re-read so the running totals match
    comparison = compare(base, [variant])
    pernis = [row for row in comparison.rows if row.owner == "Pernis"]
    assert pernis and all(row.variants == (None,) and row.diffs == (None,) for row in pernis)
    new = [row for row in comparison.rows if row.post == "jeugdparticipatie"]
    assert new and all(row.base is None for row in new)
    text = "\n".join(comparison_lines(comparison, only_changes=True))
    assert "(ontbreekt)" in text


def test_different_years_compare_without_error() -> None:
    base = bundled()
    short = scenario_reader.parse(
        "kort",
        b'format = 1\nname = "Kort"\nenvelope = { 2017 = 100 }\ntaakstelling = { 2017 = 0 }\n'
        b"gebied.Charlois = { couleur_locale = { 2017 = 10 }, gebiedsopdracht = { 2017 = 20 },"
        b" taakstelling = { 2017 = 0 } }\n",
    )
    comparison = compare(base, [short])
    assert comparison.years == (2016, 2017, 2018, 2019)
    assert comparison.totals(short, 2016) is None
    text = "\n".join(comparison_lines(comparison))
    assert "2016  variant 1  (ontbreekt)" in text
    assert comparison.histories[0].descends is True  # the base has no log: anything descends


def test_the_explanation_names_the_move_and_its_reason() -> None:
    base = bundled()
    variant = variant_of(base)
    variant.move(
        Cell("Charlois", GEBIEDSOPDRACHT, 2017),
        Cell("Charlois", COULEUR_LOCALE, 2017),
        50_000,
        who="jdevries",
        when=WHEN,
        reason="extra bewonersinitiatieven",
    )
    comparison = compare(base, [variant])
    story = comparison.histories[0]
    assert story.descends and len(story.variant_only) == 1 and not story.base_only
    assert describe_entry(story.variant_only[0]) == (
        "€ 50.000 Charlois gebiedsopdracht → couleur locale 2017: extra bewonersinitiatieven"
        " (jdevries, 23-11-2026 10:15)"
    )
    changed = comparison.selected(only_changes=True, largest_first=True)
    assert [(r.owner, r.post, r.diffs) for r in changed] == [
        ("Charlois", "couleur_locale", (50_000,)),
        ("Charlois", "gebiedsopdracht", (-50_000,)),
    ]


def test_unrelated_logs_are_said_to_be_unrelated() -> None:
    base = bundled()
    base.set_amount(Cell("Noord", COULEUR_LOCALE, 2016), 1, who="a", when=WHEN)
    other = bundled()
    other.set_amount(Cell("Noord", COULEUR_LOCALE, 2016), 2, who="b", when=WHEN)
    assert compare(base, [other]).histories[0].descends is False


def test_csv_has_plain_integers_and_empty_for_absent() -> None:
    base = bundled()
    variant = copy.deepcopy(base)
    variant.name = "=variant"
    del variant.gebieden["Pernis"]
    found = csv_rows(compare(base, [variant_of(variant)]), only_changes=True)
    written = rows_to_csv(CSV_HEADER, found, Dialect.STANDARD)
    rows = list(csv.DictReader(io.StringIO(written.decode())))
    assert rows and all(row["gebied"] == "Pernis" for row in rows)
    assert all(row["variant"] == "" and row["verschil"] == "" for row in rows)
    assert rows[0]["variant_scenario"] == "'=variant"
    assert rows[0]["basis"].isdigit()


def test_percent_change() -> None:
    assert format_percent_change(50_000, 247_000) == "+20,2%"
    assert format_percent_change(-50_000, -511_000) == "-9,8%"
    assert format_percent_change(5, 0) == ""
    assert format_percent_change(None, 5) == ""


def test_bars_fit_in_80_columns_and_scale() -> None:
    base = bundled()
    variant = variant_of(base)
    variant.move(
        Cell("Charlois", GEBIEDSOPDRACHT, 2017),
        Cell("Noord", COULEUR_LOCALE, 2017),
        1_000_000,
        who="a",
        when=WHEN,
    )
    lines = bar_lines(compare(base, [variant]), 2017, width=80)
    assert all(len(line) <= 80 for line in lines)
    assert lines[0] == "Centrum"
    assert bar(8, 8, 4) == "████" and bar(1, 8, 4) == "▌" and bar(0, 8, 4) == ""
    charlois = lines.index("Charlois")
    assert lines[charlois + 1].count("█") > lines[charlois + 2].count("█")
    assert "CL" in lines[charlois + 1]


@settings(max_examples=60, deadline=None)  # the first example imports polars
@given(scenarios(), scenarios(), st.data())
def test_the_screen_table_shows_what_the_command_line_selects(
    base: Scenario, other: Scenario, data: st.DataObject
) -> None:
    """Row orders and column widths made without touching every row equal the slow way's:
    every row selected, sorted, formatted and measured."""
    variant = variant_of(base)
    for _ in range(data.draw(st.integers(0, 5))):
        cell = data.draw(st.sampled_from(list(variant.cells())))
        with contextlib.suppress(EditError):
            variant.set_amount(cell, data.draw(st.integers(-(10**9), 10**9)), who="x", when=WHEN)
    variants = data.draw(st.sampled_from([[variant], [variant, other], [other]]))
    comparison = compare(base, variants)
    table = CompareTable(comparison)
    for only_changes in (True, False):
        for largest_first in (True, False):
            rows = comparison.selected(only_changes=only_changes, largest_first=largest_first)
            order = table.order(only_changes=only_changes, largest_first=largest_first)
            assert [table.comparison.row(index) for index in order] == rows
        cells = [row_cells(row) for row in comparison.selected(only_changes=only_changes)]
        widest = [
            max((len(row[column]) for row in cells), default=0)
            for column in range(len(table.headers))
        ]
        assert table.widths(only_changes=only_changes) == widest


def polars_join(base: Scenario, variants: list[Scenario]) -> dict[str, tuple[object, ...]]:
    """The join as polars made it before: the reference for :func:`joined_columns`."""
    import polars as pl

    from gebiedsplanner.core.plan import long_frame, plan_columns

    def frame(scenario: Scenario, name: str) -> pl.DataFrame:
        return long_frame(plan_columns(scenario)).drop("scenario").rename({"bedrag": name})

    joined = frame(base, "s0")
    for number, variant in enumerate(variants, start=1):
        joined = joined.join(
            frame(variant, f"s{number}"),
            on=["gebied", "post", "jaar"],
            how="full",
            coalesce=True,
            maintain_order="left_right",
        )
    joined = joined.with_columns(
        (pl.col(f"s{number}") - pl.col("s0")).alias(f"d{number}")
        for number in range(1, len(variants) + 1)
    )
    return {name: tuple(joined[name].to_list()) for name in joined.columns}


@settings(max_examples=60, deadline=None)  # the first example imports polars
@given(scenarios(), scenarios(), st.data())
def test_the_join_is_the_full_join_polars_made(
    base: Scenario, other: Scenario, data: st.DataObject
) -> None:
    variant = variant_of(base)
    cell = data.draw(st.sampled_from(list(variant.cells())))
    with contextlib.suppress(EditError):
        variant.set_amount(cell, data.draw(st.integers(0, 10**9)), who="x", when=WHEN)
    shuffled = variant_of(base)
    names = data.draw(st.permutations(list(shuffled.gebieden)))
    shuffled.gebieden = {name: shuffled.gebieden[name] for name in names}
    smaller = variant_of(base)
    smaller.gebieden.pop(next(iter(smaller.gebieden)))
    pool = [variant, shuffled, other, smaller, variant_of(other)]
    variants = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
    assert joined_columns(base, variants) == polars_join(base, variants)


texts_in_cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(texts_in_cells | st.none(), st.integers(-(2**62), 2**62) | st.none()),
        max_size=6,
    ),
    st.sampled_from(list(Dialect)),
)
def test_comparison_csv_is_what_polars_writes(
    rows: list[tuple[str | None, int | None]], dialect: Dialect
) -> None:
    import polars as pl

    frame = pl.DataFrame(
        {"tekst": [text for text, _ in rows], "getal": [number for _, number in rows]},
        schema={"tekst": pl.String, "getal": pl.Int64},
    )
    assert rows_to_csv(("tekst", "getal"), rows, dialect) == to_csv_bytes(frame, dialect)
