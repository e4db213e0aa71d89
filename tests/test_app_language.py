"""The app in English: every screen reads its texts when it shows them, so nothing
stays in the Dutch it was imported with."""

from __future__ import annotations

import re

from gebiedsplanner import language
from tests.pilot_helpers import screen_text, shown
from tests.test_app import SIZE, make_app

#: Dutch words that would give away a text captured at import (or never translated).
DUTCH = re.compile(
    r"\b(Wijzig|Verschuif|Opslaan|Bibliotheek|Ruimte|Gepland|BOVEN|Naam|Jaren|Terug"
    r"|Vergelijk|spatie|verdeeld|Sluit|Verschillen|Totalen|Verklaring)\b"
)


async def test_planner_library_comparison_and_help_in_english() -> None:
    language.use("en")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        await shown(pilot, "▲ OVER ENVELOPE")
        for text in ("Room", "Planned", "⏎ Edit", "m Move", "Total"):
            assert text in screen_text(pilot), text
        assert not DUTCH.search(screen_text(pilot)), screen_text(pilot)
        await pilot.press("question_mark")
        await shown(pilot, "Undo the last change")
        assert not DUTCH.search(screen_text(pilot))
        await pilot.press("escape", "l")
        await shown(pilot, "Last changed")
        for text in ("Scenario library", "Name", "example", "space Variant", "esc Back"):
            assert text in screen_text(pilot), text
        assert not DUTCH.search(screen_text(pilot)), screen_text(pilot)
        await pilot.press("escape")
        await shown(pilot, "⏎ Edit")


async def test_switching_back_to_dutch_shows_dutch_again() -> None:
    language.use("en")
    language.use("nl")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        await shown(pilot, "▲ BOVEN ENVELOPE")
        assert "⏎ Wijzig" in screen_text(pilot)
