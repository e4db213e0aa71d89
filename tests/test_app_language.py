"""The app in English: every screen reads its texts when it shows them, so nothing
stays in the Dutch it was imported with."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.ui.screens import choice
from tests.pilot_helpers import screen_text, shown
from tests.test_app import SIZE, make_app, stopped

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
        await shown(pilot, "Changed")
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


async def test_english_dialogs_answer_to_the_letters_their_buttons_show(
    scenario_file: Path,
) -> None:
    """``Save (s)`` saves with s; the Dutch o is no answer in English."""
    language.use("en")
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter", "q")
        await shown(pilot, "Save (s)")
        assert "Don't save (d)" in screen_text(pilot)
        await pilot.press("o")
        await pilot.press("escape")
        await shown(pilot, "Save (s)", present=False)
        assert app.is_running and "not saved" in screen_text(pilot)
        await pilot.press("q")
        await shown(pilot, "Save (s)")
        await pilot.press("s")
        await stopped(pilot)
    assert storage.load(scenario_file).scenario.log[-1].action == "edit"


@pytest.mark.parametrize("lang", language.LANGUAGES)
def test_every_dialog_button_shows_the_first_letter_that_answers_it(lang: str) -> None:
    language.use(lang)
    answers = [*choice.CONFIRM, *choice.QUIT, *choice.GONE]
    for label, letters in [
        *((answer.label, answer.keys) for answer in answers if answer.letters_name),
        *(
            (getattr(texts, f"{name}_BUTTON"), getattr(texts, f"{name}_LETTERS"))
            for name in ("RECOVER", "SHOW", "DISCARD")
        ),
    ]:
        assert label.endswith(f"({letters[0]})"), (label, letters)
    for group in (choice.CONFIRM, choice.QUIT, choice.GONE):
        keys = [key for answer in group for key in answer.keys]
        assert len(keys) == len(set(keys)), group
