"""What the planner table shows and what an edit makes it repaint (no terminal needed)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.scenario import GEBIED_POSTS, STEDELIJK, Cell, Scenario
from gebiedsplanner.core.table_view import (
    AMOUNT_WIDTH_MIN,
    NAME_WIDTH_MAX,
    NAME_WIDTH_MIN,
    RowKind,
    TableView,
    counting_totals_text,
)
from gebiedsplanner.editing import storage
from tests.conftest import BUNDLED
from tests.strategies import scenarios

WHEN = datetime(2026, 11, 23, 9, 0)


def bundled() -> Scenario:
    return storage.load(BUNDLED).scenario


def test_an_edit_touches_its_cell_the_net_and_share_of_its_row_and_the_totals_row() -> None:
    scenario = bundled()
    view = TableView(scenario, 2016)
    entry = scenario.set_amount(
        Cell("Charlois", "gebiedsopdracht", 2016), 5_000_000, who="t", when=WHEN
    )
    row, total = view.position_of(Cell("Charlois", "gebiedsopdracht", 2016))[0], len(view.rows) - 1
    assert view.cells_touched(entry.changes) == {
        (row, 2),
        (row, 4),
        (row, 5),
        (total, 2),
        (total, 4),
        (total, 5),
    }


def test_a_stedelijk_edit_touches_its_amount_and_the_totals() -> None:
    scenario = bundled()
    view = TableView(scenario, 2017)
    cell = Cell(STEDELIJK, "wijkteams", 2017)
    entry = scenario.set_amount(cell, 9_000_000, who="t", when=WHEN)
    row, total = view.position_of(cell)[0], len(view.rows) - 1
    assert (row, 4) in view.cells_touched(entry.changes)
    assert {r for r, _ in view.cells_touched(entry.changes)} == {row, total}


def test_an_edit_in_another_year_touches_nothing_here() -> None:
    scenario = bundled()
    view = TableView(scenario, 2016)
    entry = scenario.set_amount(Cell("Noord", "couleur_locale", 2018), 1, who="t", when=WHEN)
    assert view.cells_touched(entry.changes) == set()


@given(
    gebied=st.sampled_from(["Centrum", "Pernis", "Noord", "Rozenburg"]),
    post=st.sampled_from(GEBIED_POSTS),
    delta=st.integers(-50_000, 50_000),
)
def test_every_cell_whose_text_changes_is_touched(gebied: str, post: str, delta: int) -> None:
    """Repainting only the touched cells can never leave a stale amount on screen."""
    scenario = bundled()
    view = TableView(scenario, 2016)
    before = [view.texts_for(row) for row in range(len(view.rows))]
    cell = Cell(gebied, post, 2016)
    new = scenario.amount(cell) + delta
    new = min(new, 0) if post == "taakstelling" else max(new, 0)
    entry = scenario.set_amount(cell, new, who="t", when=WHEN)
    touched = view.cells_touched(entry.changes)
    for row, old in enumerate(before):
        for column, text in enumerate(view.texts_for(row)):
            if text != old[column]:
                assert (row, column) in touched


def test_a_column_widens_for_an_amount_that_no_longer_fits() -> None:
    scenario = bundled()
    view = TableView(scenario, 2016)
    width = view.widths[1]
    scenario.set_amount(
        Cell("Centrum", "couleur_locale", 2016), 123_456_789_000, who="t", when=WHEN
    )
    assert view.widen_for({0}) is True
    assert view.widths[1] > width
    assert view.widen_for({0}) is False


def test_the_amount_under_the_cursor_is_copied_in_plain_digits() -> None:
    """247000, never 247.000 (an English-locale spreadsheet reads 247) nor 247 (thousands)."""
    scenario = bundled()
    charlois = [row.key for row in TableView(scenario, 2017).rows].index("Charlois")
    for thousands in (False, True):
        view = TableView(scenario, 2017, thousands)
        assert view.copied(charlois, 0) == ("247000", "Charlois · couleur locale · 2017")
        assert view.copied(charlois, 2) == ("-511000", "Charlois · taakstelling · 2017")
        net = scenario.gebied_net("Charlois", 2017)
        assert view.copied(charlois, 3) == (str(net), "Charlois · netto · 2017")
    view = TableView(scenario, 2017)
    wijkteams = view.position_of(Cell(STEDELIJK, "wijkteams", 2017))[0]
    amount = scenario.amount(Cell(STEDELIJK, "wijkteams", 2017))
    for column in range(4):  # a stedelijk row has one amount, wherever the cursor was
        assert view.copied(wijkteams, column) == (str(amount), "Stedelijk · wijkteams · 2017")


def _every_row_measured(view: TableView) -> list[int]:
    """The widths as a plain reading of every row's texts gives them (the oracle)."""
    top, bottom = view.headers
    widths = [max(len(a), len(b)) for a, b in zip(top, bottom, strict=True)]
    widths[0] = max(widths[0], NAME_WIDTH_MIN)
    for index in range(len(view.rows)):
        for column, text in enumerate(view.texts_for(index)):
            widths[column] = max(widths[column], len(text))
    widths[0] = min(widths[0], NAME_WIDTH_MAX)
    for column in range(1, len(widths) - 1):
        widths[column] = max(widths[column], AMOUNT_WIDTH_MIN)
    return widths


@given(scenario=scenarios(), thousands=st.booleans(), data=st.data())
def test_the_widths_are_those_of_every_row_measured(
    scenario: Scenario, thousands: bool, data: st.DataObject
) -> None:
    """Measured from each column's extremes, not by formatting every row: the same widths."""
    year = data.draw(st.sampled_from(scenario.years))
    view = TableView(scenario, year, thousands)
    assert view.widths == _every_row_measured(view)


@given(scenarios(), st.integers(min_value=0, max_value=3))
def test_a_table_still_being_read_shows_no_sum_of_its_gebieden(
    scenario: Scenario, year_index: int
) -> None:
    """While the rest of a file is read (issue 15): the gebieden read so far, and a
    totals row and totals bar that say the sums are counted, and show none of them."""
    year = scenario.years[min(year_index, len(scenario.years) - 1)]
    view = TableView(scenario, year, complete=False)
    gebieden = [row.key for row in view.rows if row.kind is RowKind.GEBIED]
    assert gebieden == list(scenario.gebieden)
    assert [row.kind for row in view.rows[len(gebieden) :]] == [RowKind.TOTAAL]
    assert view.texts_for(len(view.rows) - 1) == ("Totaal: wordt geteld…", "", "", "", "", "")
    shown = counting_totals_text(scenario, year)
    assert shown.envelope == format_amount(scenario.envelope[year])
    assert shown.imposed == format_amount(scenario.taakstelling[year])
    assert {shown.planned, shown.room, shown.distributed, shown.open} == {"telt…"}
    assert not shown.over and not shown.status and not shown.policy
