"""A table whose column widths follow from its rows and its width, not from Textual's timing."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult

from gebiedsplanner.ui.widgets import fitted_table
from gebiedsplanner.ui.widgets.fitted_table import EndKept, Fit, FittedTable, fitted_cell
from tests.pilot_helpers import resize, screen_text, shown, until


def test_a_cell_that_keeps_its_end_gives_up_its_start() -> None:
    label = EndKept("Hillegersberg-Schiebroek", " · gebiedsopdracht · 2016")
    assert fitted_cell(label, 49).plain == "Hillegersberg-Schiebroek · gebiedsopdracht · 2016"
    assert fitted_cell(label, 35).plain == "Hillegers… · gebiedsopdracht · 2016"
    assert fitted_cell(label, 26).plain == "… · gebiedsopdracht · 2016"
    assert fitted_cell(label, 25).overflow == "ellipsis"  # too narrow even for its end


def test_names_that_begin_alike_are_cut_in_the_middle_and_stay_apart() -> None:
    names = ["Variant Zuid é", "Variant Zuid é variant", "Noord", "Variant Noord"]
    cells = fitted_table.apart(names)
    assert [cell.shared for cell in cells] == [14, 14, 0, 8]
    shown = [fitted_cell(cell, 12).plain for cell in cells]
    assert shown == ["Varian…uid é", "Var… variant", "Noord", "Variant Noo…"]
    assert [fitted_cell(cell, 30).plain for cell in cells] == names  # whole where it fits
    # Wide characters count as two columns: the cut never splits one, and what two
    # names share is counted in columns too.
    wide = fitted_table.apart(
        ["東京の計画 2016-2019 東京の計画 variant", "東京の計画 2016-2019 東京の計画"]
    )
    shown = [fitted_cell(cell, 24).plain for cell in wide]
    assert shown == ["東京の計画 2…画 variant", "東京の計画 2… 東京の計画"]
    assert all(cell_len(each) <= 24 for each in shown)


def test_a_cell_with_forms_shows_the_longest_that_fits() -> None:
    status = fitted_table.Forms((Text("boven envelope: 250.000 in 2017"), Text("▲ 2017 +250.000")))
    assert fitted_cell(status, 40).plain == "boven envelope: 250.000 in 2017"
    assert fitted_cell(status, 20).plain == "▲ 2017 +250.000"
    assert fitted_cell(status, 10).plain == "▲ 2017 +250.000"  # the column cuts it


def test_a_narrow_table_takes_a_narrower_layout_before_cutting_a_column_to_a_fragment() -> None:
    fits = [Fit("Naam", least=8, want=12), Fit("Status"), Fit("Jaren"), Fit("Gewijzigd")]
    rows = [
        [
            fitted_table.KeptApart("Variant Zuid é variant", 0),
            fitted_table.Forms((Text("boven envelope: 250.000 in 2017"), Text("▲ 2017 +250.000"))),
            Text("2016-2019"),
            Text("11-03-26 14:05"),
        ]
    ]
    layouts = fitted_table.Layouts(
        ((0, 0, 0, 0), (0, 1, 0, 0), (0, 1, None, 0), (0, 1, None, None))
    )

    def chosen(width: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        needs = fitted_table.measure(fits, rows, layouts)
        found = fitted_table.choose_layout(fits, needs, layouts, lambda shown: width - 2 * shown)
        return found.columns, found.widths

    assert chosen(120) == ((0, 1, 2, 3), (22, 31, 9, 14))
    assert chosen(80) == ((0, 1, 2, 3), (18, 31, 9, 14))  # the name gives way to its want
    assert chosen(60) == ((0, 1, 2, 3), (14, 15, 9, 14))  # then the status to its short form
    assert chosen(50) == ((0, 1, 3), (15, 15, 14))  # then the years go
    assert chosen(40) == ((0, 1), (21, 15))  # and the time: the name has room again
    assert chosen(30) == ((0, 1), (11, 15))  # cut to its least: no layout keeps it whole
    assert chosen(20) == ((0, 1), (8, 15))  # too narrow for any: scrolls sideways


class TableApp(App[None]):
    """One fitted table: a long name column that may be cut, an amount that may not.

    Of fixed height, as in the library: a table that grows gets a ``Resize``, which
    would hide the race.
    """

    CSS = "FittedTable { height: 6; }"

    def compose(self) -> ComposeResult:
        yield FittedTable([Fit("Naam", cap=24, least=8), Fit("Bedrag")])


ROWS = [
    ("Hillegersberg-Schiebroek", "1.234.567"),
    ("Noord", "89.000"),
    ("Kralingen-Crooswijk", "-250.000"),
]


def show_rows(app: TableApp) -> None:
    app.query_one(FittedTable).show(
        [Text(name), Text(amount, justify="right")] for name, amount in ROWS
    )


async def test_rows_shown_after_mount_are_drawn_whole_even_if_painted_before_measured(
    painted_before_measured: None,
) -> None:
    app = TableApp()
    async with app.run_test(size=(60, 8)) as pilot:
        show_rows(app)
        text = await shown(pilot, "Hillegersberg-Schiebroek  1.234.567")
        assert " Kralingen-Crooswijk        -250.000" in text
        assert " Naam                      Bedrag" in text


async def test_a_narrow_table_cuts_the_name_with_an_ellipsis_and_widens_again(
    painted_before_measured: None,
) -> None:
    app = TableApp()
    async with app.run_test(size=(24, 8)) as pilot:
        show_rows(app)
        await pilot.press("down", "down")
        # 24 columns: 1 for the scrollbar, 2 x 2 padding, 9 for the amount, 10 for the name
        text = await shown(pilot, " Hillegers…  1.234.567")
        assert " Kralingen…   -250.000" in text
        await resize(pilot, 60, 8)
        await shown(pilot, "Hillegersberg-Schiebroek  1.234.567")
        assert app.query_one(FittedTable).cursor_row == 2  # a resize keeps the cursor's row


async def test_a_table_shows_its_headers_before_any_row() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 8)) as pilot:
        await until(pilot, lambda: "Naam  Bedrag" in screen_text(pilot), "the headers")
