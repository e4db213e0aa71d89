"""y copies the amount under the cursor: to the terminal's clipboard, with a notice."""

from __future__ import annotations

from tests.pilot_helpers import shown, until
from tests.test_app import SIZE, line_with, make_app


async def test_y_copies_the_amount_under_the_cursor_in_plain_digits() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert app.clipboard == ""
        await pilot.press("y")
        await shown(pilot, "Gekopieerd: 111000 (Centrum · couleur locale · 2016)")
        assert app.clipboard == "111000"
        await pilot.press("k", "right_square_bracket", "down", "right", "right", "y")
        await shown(pilot, "x € 1.000")
        assert line_with(pilot, "Charlois")[3] == "-511"  # as shown: in thousands
        await until(pilot, lambda: app.clipboard == "-511000", "the taakstelling copied")
        await shown(pilot, "Gekopieerd: -511000 (Charlois · taakstelling · 2017)")


async def test_y_is_in_the_help_and_the_palette() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("question_mark")
        await shown(pilot, "Kopieer het bedrag onder de cursor (als 247000)")
        await pilot.press("escape", "ctrl+p")
        await pilot.press(*"Kopieer")
        await shown(pilot, "Kopieer het bedrag")
        await pilot.press("enter")
        await shown(pilot, "Gekopieerd: 111000 (Centrum · couleur locale · 2016)")
        assert app.clipboard == "111000"
