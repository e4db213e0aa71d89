"""The all-years view and sorting the planner's table, without a terminal.

The all-years view (core/years_view.py): one post's gebieden by years, the totals per
year. Sorting (core/table_order.py): by a post, netto, a year, name or the change since
opening, ties by name; and the one place that knows the rows' order (GridRows).
"""

from __future__ import annotations

import time
from datetime import datetime

from make_scenario import make  # benchmarks/ is on pytest's pythonpath

from gebiedsplanner.core.scenario import STEDELIJK, Cell, CellChange, Gebied, Scenario
from gebiedsplanner.core.table_order import (
    changes_since,
    gebied_order,
    moves_order,
    next_sorting,
    sorting_across,
)
from gebiedsplanner.core.table_view import (
    CHANGE,
    NAME,
    NETTO,
    RowKind,
    Sorting,
    TableView,
)
from gebiedsplanner.core.years_view import YearsView, years_totals
from gebiedsplanner.editing import storage
from tests.conftest import BUNDLED

WHEN = datetime(2026, 12, 8, 9, 0)


def bundled() -> Scenario:
    return storage.load(BUNDLED).scenario


def gebieden(view: TableView | YearsView) -> list[str]:
    return [row.key for row in view.rows if row.kind is RowKind.GEBIED]


# -- the all-years view ----------------------------------------------------------


def test_the_years_are_the_columns_of_one_post() -> None:
    view = YearsView(bundled(), "couleur_locale")
    top, bottom = view.headers
    assert top == ("Gebied", "2016", "2017", "2018", "2019")
    assert bottom[0] == "couleur locale"  # the post, where a narrow terminal cuts no title
    charlois = view.row_of("Charlois")
    assert charlois is not None
    assert view.texts_for(charlois) == ("Charlois", "226.000", "247.000", "280.000", "301.000")
    assert view.cursor_columns == 4


def test_the_totals_row_is_the_posts_total_per_year() -> None:
    scenario = bundled()
    view = YearsView(scenario, "gebiedsopdracht")
    total = view.texts_for(len(view.rows) - 1)
    assert total[0] == "Totaal"
    assert total[1:] == tuple(
        f"{scenario.post_total('gebiedsopdracht', year):,}".replace(",", ".")
        for year in scenario.years
    )


def test_a_cell_is_the_post_in_its_columns_year_and_stedelijk_rows_are_editable() -> None:
    view = YearsView(bundled(), "taakstelling")
    assert view.cell_at(view.row_of("Noord") or 0, 2) == Cell("Noord", "taakstelling", 2018)
    wijkteams = next(i for i, row in enumerate(view.rows) if row.kind is RowKind.STEDELIJK)
    assert view.cell_at(wijkteams, 3) == Cell(STEDELIJK, "wijkteams", 2019)
    assert view.texts_for(wijkteams)[0] == "Stedelijk: wijkteams"
    assert view.cell_at(len(view.rows) - 1, 0) is None  # the totals


def test_an_edit_in_2018_touches_its_cell_and_the_2018_total_only() -> None:
    scenario = bundled()
    view = YearsView(scenario, "couleur_locale")
    entry = scenario.set_amount(Cell("Charlois", "couleur_locale", 2018), 1, who="t", when=WHEN)
    row, total = view.row_of("Charlois"), len(view.rows) - 1
    assert view.cells_touched(entry.changes) == {(row, 3), (total, 3)}
    other = scenario.set_amount(Cell("Charlois", "gebiedsopdracht", 2018), 1, who="t", when=WHEN)
    assert view.cells_touched(other.changes) == set()  # another post: not shown here


def test_the_totals_per_year_are_planned_envelope_and_room_with_the_over_sign() -> None:
    shown = years_totals(bundled())
    assert [year.year for year in shown] == ["2016", "2017", "2018", "2019"]
    assert shown[0].envelope == "62.327.000"
    assert shown[1].over and shown[1].room == "-250.000 ▲"
    assert not shown[2].over and shown[2].room == "100.000"


def test_the_widths_fit_every_row_of_a_large_scenario() -> None:
    scenario = make(200)
    view = YearsView(scenario, "gebiedsopdracht", thousands=True)
    for index in range(len(view.rows)):
        for column, text in enumerate(view.texts_for(index)[1:], start=1):
            assert len(text) <= view.widths[column]


# -- sorting -----------------------------------------------------------------------


def tied() -> Scenario:
    """Three gebieden, two of them with the same amounts, not in name order in the file."""
    years = (2016, 2017)

    def gebied(name: str, amount: int) -> Gebied:
        posts = {
            "couleur_locale": dict.fromkeys(years, amount),
            "gebiedsopdracht": dict.fromkeys(years, 10 * amount),
            "taakstelling": dict.fromkeys(years, 0),
        }
        return Gebied(name, posts)

    made = [gebied("noord", 5), gebied("Zuid", 5), gebied("Alpha", 9), gebied("beta", 1)]
    return Scenario(
        name="t",
        description="",
        envelope=dict.fromkeys(years, 1_000),
        taakstelling=dict.fromkeys(years, 0),
        stedelijk={},
        gebieden={g.name: g for g in made},
    )


def test_a_column_sorts_largest_or_smallest_first_ties_by_name_either_way() -> None:
    scenario = tied()
    down = gebied_order(scenario, Sorting("couleur_locale", True), year=2016)
    up = gebied_order(scenario, Sorting("couleur_locale", False), year=2016)
    assert down == ["Alpha", "noord", "Zuid", "beta"]
    assert up == ["beta", "noord", "Zuid", "Alpha"]
    assert gebied_order(scenario, Sorting(NETTO, True), year=2017) == down


def test_names_sort_as_a_person_reads_them() -> None:
    scenario = tied()
    assert gebied_order(scenario, Sorting(NAME, False), year=2016) == [
        "Alpha",
        "beta",
        "noord",
        "Zuid",
    ]
    assert gebied_order(scenario, Sorting(NAME, True), year=2016)[0] == "Zuid"


def test_a_years_column_sorts_by_that_years_amount_of_the_post() -> None:
    scenario = bundled()
    scenario.set_amount(Cell("Pernis", "couleur_locale", 2018), 900_000, who="t", when=WHEN)
    order = gebied_order(scenario, Sorting(2018, True), year=2016, post="couleur_locale")
    assert order[0] == "Pernis"
    assert gebied_order(scenario, Sorting(2017, True), year=2016, post="couleur_locale")[0] == (
        "Prins Alexander"
    )


def test_change_since_opened_is_the_net_change_of_the_year_or_the_posts_over_the_years() -> None:
    scenario = bundled()
    opened = len(scenario.log)
    scenario.set_amount(Cell("Pernis", "couleur_locale", 2017), 19_500, who="t", when=WHEN)
    scenario.move(
        Cell("Noord", "gebiedsopdracht", 2017),
        Cell("Noord", "couleur_locale", 2017),
        50_000,
        who="t",
        when=WHEN,
        reason="",
    )
    scenario.set_amount(Cell("Centrum", "gebiedsopdracht", 2018), 2_000_000, who="t", when=WHEN)
    since = scenario.log[opened:]
    assert changes_since(since, year=2017) == {"Pernis": 500, "Noord": 0}
    assert changes_since(since, post="couleur_locale") == {"Pernis": 500, "Noord": 50_000}
    one_year = gebied_order(scenario, Sorting(CHANGE, True), year=2018, since_opened=since)
    assert one_year[-1] == "Centrum"  # the one taken off most, last
    up = gebied_order(scenario, Sorting(CHANGE, False), year=2018, since_opened=since)
    assert up[0] == "Centrum"
    assert up[1:] == sorted(up[1:], key=str.casefold)  # the unchanged: by name
    posts = gebied_order(
        scenario, Sorting(CHANGE, True), year=2018, post="couleur_locale", since_opened=since
    )
    assert posts[:2] == ["Noord", "Pernis"]


def test_the_view_knows_the_row_of_each_gebied_in_the_order_shown() -> None:
    scenario = bundled()
    order = gebied_order(scenario, Sorting("couleur_locale", True), year=2016)
    for view in (
        TableView(scenario, 2016, order=order),
        YearsView(scenario, "couleur_locale", order=order),
    ):
        assert gebieden(view) == order
        assert view.gebied_at(0) == "Prins Alexander"
        assert view.row_of("Prins Alexander") == 0
        assert view.row_of("Pernis") == len(order) - 1
        assert view.gebied_at(len(order)) is None  # a stedelijk post
        assert view.row_of("nergens") is None


def test_the_sorted_column_has_the_mark_and_an_edit_since_a_hollow_one() -> None:
    scenario = bundled()
    view = TableView(scenario, 2016, sorting=Sorting(NETTO, True))
    assert view.headers[0][4] == "▼ Netto"
    view.sorting = Sorting(NETTO, True, stale=True)
    assert view.headers[0][4] == "▽ Netto"
    assert TableView(scenario, 2016, sorting=Sorting(NAME, False)).headers[0][0] == "Gebied ▲"
    assert TableView(scenario, 2016, sorting=Sorting(CHANGE, False)).headers[0][0] == "▲ wijziging"
    years = YearsView(scenario, "couleur_locale", sorting=Sorting(2017, False))
    assert years.headers[0][2] == "▲ 2017"


def test_a_sort_mark_never_widens_a_column() -> None:
    scenario = bundled()
    plain = TableView(scenario, 2017).widths
    for column in (NAME, CHANGE, NETTO, "couleur_locale", "gebiedsopdracht", "taakstelling"):
        view = TableView(scenario, 2017, sorting=Sorting(column, True, stale=True))
        assert view.widths == plain
        top, _ = view.headers
        assert all(len(text) <= width for text, width in zip(top, plain, strict=True))


def test_sorting_20_000_gebieden_takes_milliseconds() -> None:
    """At national scale a sort runs on the UI thread, like an edit: measured here."""
    scenario = make(20_000)
    since = [
        scenario.set_amount(Cell(f"Wijk {i:05d}", "couleur_locale", 2017), i, who="t", when=WHEN)
        for i in range(0, 20_000, 7)
    ]
    slowest = 0.0
    for sorting, post in (
        (Sorting("gebiedsopdracht", True), None),
        (Sorting(NETTO, False), None),
        (Sorting(NAME, True), None),
        (Sorting(CHANGE, True), None),
        (Sorting(2018, True), "taakstelling"),
    ):
        start = time.perf_counter()
        order = gebied_order(scenario, sorting, year=2017, post=post, since_opened=since)
        TableView(scenario, 2017, order=order, sorting=sorting, widths=[24, 10, 10, 10, 10, 7])
        slowest = max(slowest, time.perf_counter() - start)
        assert len(order) == 20_000
    assert slowest < 0.25, f"a sort took {slowest * 1000:.0f} ms"


def test_a_sort_key_goes_one_way_the_other_way_then_file_order() -> None:
    down = next_sorting(None, NETTO, descending_first=True)
    assert down == Sorting(NETTO, True)
    up = next_sorting(down, NETTO, descending_first=True)
    assert up == Sorting(NETTO, False)
    assert next_sorting(up, NETTO, descending_first=True) is None
    assert next_sorting(up, "taakstelling", descending_first=True) == Sorting("taakstelling", True)
    assert next_sorting(None, NAME, descending_first=False) == Sorting(NAME, False)
    stale = Sorting(NETTO, False, stale=True)  # after an edit: sorted again the same way
    assert next_sorting(stale, NETTO, descending_first=True) == Sorting(NETTO, False)


def test_only_an_edit_of_what_is_sorted_makes_the_order_out_of_date() -> None:
    def edit(owner: str, post: str, year: int) -> list[CellChange]:
        return [CellChange(Cell(owner, post, year), 1, 2)]

    by_cl = Sorting("couleur_locale", True)
    assert moves_order(by_cl, edit("Noord", "couleur_locale", 2017), year=2017, post=None)
    assert not moves_order(by_cl, edit("Noord", "couleur_locale", 2018), year=2017, post=None)
    assert not moves_order(by_cl, edit("Noord", "taakstelling", 2017), year=2017, post=None)
    assert moves_order(
        Sorting(NETTO, True), edit("Noord", "taakstelling", 2017), year=2017, post=None
    )
    assert not moves_order(
        Sorting(NAME, True), edit("Noord", "taakstelling", 2017), year=2017, post=None
    )
    assert not moves_order(by_cl, edit(STEDELIJK, "wijkteams", 2017), year=2017, post=None)
    by_2018 = Sorting(2018, True)
    assert moves_order(
        by_2018, edit("Noord", "couleur_locale", 2018), year=2016, post="couleur_locale"
    )
    assert not moves_order(
        by_2018, edit("Noord", "couleur_locale", 2019), year=2016, post="couleur_locale"
    )
    by_change = Sorting(CHANGE, True)
    assert moves_order(
        by_change, edit("Noord", "couleur_locale", 2019), year=2016, post="couleur_locale"
    )
    assert not moves_order(
        Sorting(CHANGE, True, stale=True),
        edit("Noord", "couleur_locale", 2019),
        year=2016,
        post="couleur_locale",
    )


def test_a_sort_by_the_post_goes_along_to_all_years_and_back() -> None:
    by_cl = Sorting("couleur_locale", False)
    to = sorting_across(by_cl, to_all_years=True, post="couleur_locale", year=2017)
    assert to == Sorting(2017, False)
    assert sorting_across(to, to_all_years=False, post="couleur_locale", year=2017) == by_cl
    assert sorting_across(to, to_all_years=False, post="couleur_locale", year=2018) is None
    assert (
        sorting_across(Sorting(NETTO, True), to_all_years=True, post="couleur_locale", year=2017)
        is None
    )
    by_name = Sorting(NAME, True)
    assert sorting_across(by_name, to_all_years=True, post="taakstelling", year=2016) == by_name
