"""What the planner says reads whole at 80 and at 60 columns (issue 26): help paragraphs
wrap to the width, not where the catalogue's lines ended; the edit line's hint is never
cut; a notification covers no figure; a read-only session offers only what it may do."""

from __future__ import annotations

import pytest
from pathlib import Path

from textual.pilot import Pilot

from gebiedsplanner.cli.main import main
from gebiedsplanner.i18n import language, texts
from tests.pilot_helpers import screen_text, shown, toasts, until, widget_text
from tests.test_app import make_app
from tests.test_rights import READ_ONLY, _app

SIZES = [(80, 24), (60, 20)]


def filled(lines: list[str], width: int) -> None:
    """``lines`` are one paragraph wrapped to ``width``: each line but the last is as full
    as it can be (the next line's first word would not have fitted on it)."""
    assert lines, "no paragraph"
    for line, following in zip(lines, lines[1:], strict=False):
        assert len(line) + 1 + len(following.split()[0]) > width, (line, following, lines)


def paragraph(pilot: Pilot[None], first: str, last: str) -> list[str]:
    """The lines on screen from the one holding ``first`` to the one holding ``last``, as
    the help dialog shows them (its border and padding taken off)."""
    lines = [line.strip("│ ").strip() for line in screen_text(pilot).splitlines()]
    start = next(index for index, line in enumerate(lines) if first in line)
    end = next(index for index, line in enumerate(lines) if last in line)
    return lines[start : end + 1]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_help_screen_wraps_its_paragraph_to_its_width(
    size: tuple[int, int], lang: str
) -> None:
    language.use(lang)
    first, last = texts.HELP_INPUT.split()[0], texts.HELP_INPUT.split()[-1]
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("question_mark", "end")
        await shown(pilot, last)
        width = app.screen.query_one(".paragraph").content_region.width
        filled(paragraph(pilot, first, last), width)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_command_lines_help_wraps_its_description_to_the_terminal(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    language.use(lang)
    with pytest.raises(SystemExit):
        main(["--lang", lang, "--help"])
    lines = capsys.readouterr().out.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("Plan "))
    end = lines.index("", start)
    described = lines[start:end]
    assert " ".join(described) == texts.APP_DESCRIPTION
    filled(described, 58)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("keys", [(), ("down",) * 4 + ("right",)], ids=["centrum", "longest"])
async def test_the_edit_lines_hint_is_shown_whole(
    size: tuple[int, int], lang: str, keys: tuple[str, ...]
) -> None:
    """As much of the hint as fits, never cut: ``Tab: toelichting ·…`` at 80 columns was;
    the Tab key for a toelichting is always there (Centrum's couleur locale, and the
    longest name: Hillegersberg-Schiebroek's gebiedsopdracht)."""
    language.use(lang)
    hints = (texts.EDITOR_HINT, texts.EDITOR_HINT_SHORT, texts.EDITOR_HINT_SHORTEST)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press(*keys, "enter")
        await shown(pilot, texts.EDITOR_HINT_SHORTEST)
        hint = widget_text(pilot, "#edit-line #preview").strip()
        assert hint in hints, hint
        if size[0] == 80:
            assert hint != texts.EDITOR_HINT_SHORTEST, hint  # Enter too, at 80 columns
        await pilot.press(*"+1", "backspace", "backspace")  # typed and taken back
        await until(
            pilot, lambda: widget_text(pilot, "#edit-line #preview").strip() == hint, "the hint"
        )


@pytest.mark.parametrize("size", SIZES)
async def test_a_notification_covers_no_figure(size: tuple[int, int], scenario_file: Path) -> None:
    """It sits over the title and the table's headers: every line of figures (the table,
    its totals row, the totals below it) reads as before while it shows (issue 26: the
    last figure of ``Totaal 2.300.000 40.▌`` was covered). A copied amount's notice, and
    a refusal of two lines at 60 columns."""
    app = _app(scenario_file, READ_ONLY)
    async with app.run_test(size=size, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        figures = screen_text(pilot).splitlines()[3:]
        await pilot.press("y")
        await until(pilot, lambda: "111000" in toasts(pilot), "the copied amount's notice")
        assert screen_text(pilot).splitlines()[3:] == figures, screen_text(pilot)
        await pilot.press("enter")  # one more: the two of them in three lines
        await until(pilot, lambda: "niets wijzigen" in toasts(pilot), "the refusal")
        assert screen_text(pilot).splitlines()[3:] == figures, screen_text(pilot)
