"""A table whose column widths follow from its rows and its width, not from Textual's timing."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from gebiedsplanner.ui.widgets.fitted_table import EndKept, Fit, FittedTable, fitted_cell
from tests.pilot_helpers import resize, screen_text, shown, until


def test_a_cell_that_keeps_its_end_gives_up_its_start() -> None:
    label = EndKept("Hillegersberg-Schiebroek", " · gebiedsopdracht · 2016")
    assert fitted_cell(label, 49).plain == "Hillegersberg-Schiebroek · gebiedsopdracht · 2016"
    assert fitted_cell(label, 35).plain == "Hillegers… · gebiedsopdracht · 2016"
    assert fitted_cell(label, 26).plain == "… · gebiedsopdracht · 2016"
    assert fitted_cell(label, 25).overflow == "ellipsis"  # too narrow even for its end


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
