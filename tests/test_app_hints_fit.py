"""The hints and messages a user needs read whole on the planner's bottom line and in its
title, at 80x24 and at 60x20, in both languages (issue 26, the journey's findings 2 and 5):
each line shows the longest form that fits, never a cut one (``Esc: ter…``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from gebiedsplanner.core.rights import Rights
from gebiedsplanner.i18n import language, texts
from tests.pilot_helpers import shown, until
from tests.test_app import make_app
from tests.test_app_grid import bottom_line, bottom_line_shows
from tests.test_app_readable import title_line
from tests.test_rights import _app

SIZES = [(80, 24), (60, 20)]


async def showing_one_of(pilot: Pilot[None], forms: list[str]) -> str:
    """Wait until the bottom line holds one of ``forms`` whole; return that line."""
    await until(pilot, lambda: any(form in bottom_line(pilot) for form in forms), f"one of {forms}")
    return bottom_line(pilot)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_find_line_teaches_n_and_escape_whole(size: tuple[int, int], lang: str) -> None:
    language.use(lang)
    wide = size[0] == 80
    async with make_app().run_test(size=size, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("slash")
        # At 80 columns the n/N part is there whole; at 60 at least Enter and Esc.
        hints = [texts.SEARCH_HINT, texts.SEARCH_HINT_SHORT]
        line = await showing_one_of(pilot, hints if wide else [*hints, texts.SEARCH_HINT_SHORTEST])
        assert "…" not in line, line
        assert texts.SEARCH_PLACEHOLDER in line, line
        await pilot.press(*"oord")
        hit = "Feijenoord (1/2)"
        line = await bottom_line_shows(pilot, hit)
        assert "…" not in line, line
        if wide:  # how to leave, whole
            assert line.rstrip().endswith(texts.SEARCH_HIT_SHORT.split("·")[-1].strip()), line
        await pilot.press("escape", "colon")
        hints = [texts.GO_TO_HINT, texts.GO_TO_HINT_SHORT]
        line = await showing_one_of(pilot, hints)
        assert texts.GO_TO_PLACEHOLDER in line and "…" not in line, line


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_note_line_says_how_to_remove_a_note(size: tuple[int, int], lang: str) -> None:
    language.use(lang)
    async with make_app().run_test(size=size, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("o")
        removing = texts.NOTE_PLACEHOLDER.split(" · ")[0]  # leeg: geen notitie
        await bottom_line_shows(pilot, removing)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_edit_lines_refusal_reads_whole(size: tuple[int, int], lang: str) -> None:
    """The examples do not fit beside the amount: the line says what is wrong, whole (the
    notification gives the examples)."""
    language.use(lang)
    async with make_app().run_test(size=size, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("enter", *"abc")
        short = texts.AMOUNT_ENTRY_NOT_A_NUMBER_SHORT.format(text="abc")
        forms = [short] if size[0] == 80 else [short, texts.AMOUNT_ENTRY_NOT_A_NUMBER_SHORTEST]
        line = await showing_one_of(pilot, forms)
        assert not line.rstrip().endswith("…"), line
        await pilot.press("enter")
        await shown(pilot, texts.AMOUNT_ENTRY_NOT_A_NUMBER.format(text="abc").split()[-1])
        assert not bottom_line(pilot).rstrip().endswith("…")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_a_limited_title_in_all_years_keeps_the_name_and_the_rights(
    size: tuple[int, int], lang: str, scenario_file: Path
) -> None:
    """``  · alle jaren: couleur locale · mag wijz`` was the title at 60 columns: no name,
    the rights cut. At 80 the rights named both gebieden where ``Charlois +1`` was."""
    language.use(lang)
    rights = Rights(gebieden=frozenset({"Charlois", "Feijenoord"}))
    both = texts.RIGHTS_TITLE_GEBIEDEN.format(gebieden="Charlois, Feijenoord")
    async with _app(scenario_file, rights).run_test(size=size, notifications=True) as pilot:
        await shown(pilot, "2016")
        if size[0] == 80:
            assert title_line(pilot).endswith(both), title_line(pilot)
        await pilot.press("a")
        await until(
            pilot,
            lambda: (
                texts.TITLE_ALL_YEARS_SHORT in title_line(pilot)
                or (
                    texts.TITLE_ALL_YEARS.split(":")[0] not in title_line(pilot)
                    and not title_line(pilot).endswith(" 2016")
                )
            ),
            "the all-years title",
        )
        title = title_line(pilot)
        assert title.endswith(tuple(rights.title_forms())), title
        assert title.startswith("NRW basis 2"), title  # the name's first 12 letters at least
