"""What the planner says reads whole at 80 and at 60 columns (issue 26): help paragraphs
wrap to the width, not where the catalogue's lines ended; the edit line's hint is never
cut; a notification covers no figure; a read-only session offers only what it may do."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from textual.pilot import Pilot

from gebiedsplanner.cli.main import main
from gebiedsplanner.core.rights import Rights
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.ui.widgets.title import TitleParts, fitted
from tests.pilot_helpers import screen_text, shown, toasts, until, widget_text
from tests.test_app import make_app
from tests.test_rights import READ_ONLY, _app
from tests.test_two_advisers import write_note

SIZES = [(80, 24), (60, 20)]


def filled(lines: list[str], width: int) -> None:
    """``lines`` are one paragraph wrapped to ``width``: each line but the last is as full
    as it can be (the next line's first word would not have fitted on it)."""
    assert lines, "no paragraph"
    for line, following in pairwise(lines):
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
@pytest.mark.parametrize(
    ("key", "said"), [("y", "111000"), ("enter", "niets wijzigen")], ids=["copied", "refused"]
)
async def test_a_notification_covers_no_figure(
    size: tuple[int, int], key: str, said: str, scenario_file: Path
) -> None:
    """It sits over the title and the table's headers: every line of figures (the table,
    its totals row, the totals below it) reads as before while it shows (issue 26: the
    last figure of ``Totaal 2.300.000 40.▌`` was covered), and so does the unsaved-changes
    marker. A copied amount's notice, and a refusal of three lines at 60 columns."""
    app = _app(scenario_file, READ_ONLY)
    async with app.run_test(size=size, notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        figures = _figure_lines(pilot)
        await pilot.press(key)
        await until(pilot, lambda: said in toasts(pilot), said)
        assert _figure_lines(pilot) == figures, screen_text(pilot)


def _figure_lines(pilot: Pilot[None]) -> list[str]:
    """The lines below the headers that hold figures (not the scroll bar's line, whose
    thumb the grid may still be placing)."""
    lines = screen_text(pilot).splitlines()[3:]
    return [line for line in lines if any(char.isdigit() for char in line)]


async def test_a_notification_leaves_the_unsaved_changes_marker_in_view() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("enter", *"+1", "enter", "y")
        await until(pilot, lambda: "111001" in toasts(pilot), "the copied amount's notice")
        assert texts.TITLE_DIRTY.strip() in screen_text(pilot).splitlines()[0]


def title_line(pilot: Pilot[None]) -> str:
    """The title, as shown: its first line, up to the unsaved-changes marker's place."""
    return widget_text(pilot, "#title").strip()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_a_read_only_session_offers_only_what_it_may_do(
    size: tuple[int, int], lang: str, scenario_file: Path
) -> None:
    """No edit, move, tools, undo or save in the key line, the help or the palette; the
    title says read-only, whole; a colleague editing the file is told without the promise
    of a merge (issue 26). The keys themselves still refuse: tests/test_rights.py."""
    language.use(lang)
    write_note(scenario_file, 4242, "elders")  # a colleague on another machine
    app = _app(scenario_file, READ_ONLY)
    async with app.run_test(size=size, notifications=True) as pilot:
        await until(pilot, lambda: "collega" in toasts(pilot), "the colleague named")
        assert texts.ALSO_EDITING_READ_ONLY.split("{who}")[1] in toasts(pilot)
        app.clear_notifications()  # it covers the title
        await until(
            pilot,
            lambda: title_line(pilot).endswith(texts.RIGHTS_TITLE_READ_ONLY),
            "read-only, whole, in the title",
        )
        keys = widget_text(pilot, "#keys")
        for label in (texts.KEY_EDIT, texts.KEY_MOVE, texts.KEY_SAVE):
            assert label not in keys, keys
        assert texts.KEY_EXPORT in keys and texts.KEY_HELP in keys, keys

        await pilot.press("question_mark")
        await shown(pilot, texts.HELP_TITLE)
        await shown(pilot, texts.RIGHTS_SAID_READ_ONLY.split()[-1])
        await pilot.press("end")
        await shown(pilot, texts.HELP_INPUT.split()[-1])
        help_text = screen_text(pilot)
        for key in ("ctrl+s", "ctrl+z", "enter  "):
            assert key not in help_text, help_text
        await pilot.press("escape")

        await pilot.press("ctrl+p", *texts.KEY_SAVE)
        await shown(pilot, texts.PALETTE_NO_MATCHES)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_a_limited_sessions_title_says_what_it_may_change(
    size: tuple[int, int], lang: str, scenario_file: Path
) -> None:
    """``mag wijzigen:`` with nothing after it was the title at 80 columns: now the names
    that fit and how many more, or how many; the help screen names them all."""
    language.use(lang)
    rights = Rights(gebieden=frozenset({"Charlois", "Delfshaven", "Noord"}))
    app = _app(scenario_file, rights)
    async with app.run_test(size=size, notifications=True) as pilot:
        await shown(pilot, "2016")
        title = title_line(pilot)
        assert title.endswith(tuple(rights.title_forms())), title
        await pilot.press("question_mark")
        await shown(pilot, texts.HELP_TITLE)
        said = " ".join(screen_text(pilot).replace("│", " ").split())
        assert "Charlois, Delfshaven, Noord" in said, said


def test_the_title_keeps_the_year_and_the_rights_whole_whatever_the_names() -> None:
    """Hostile names: a 5.000-character scenario name and gebied name, wide characters."""
    long = "Ω" * 5_000
    for rights in (
        Rights(read_only=True),
        Rights(gebieden=frozenset({long})),
        Rights(gebieden=frozenset({"Charlois", "Noord", "Pernis", long})),
        Rights(gebieden=frozenset({"北区", "南区"})),
    ):
        forms = tuple(rights.title_forms())
        parts = TitleParts(long, " · 2016 (1/4)", " · 2016", (" · €",), forms)
        for width in (40, 58, 60, 78):
            name, rest = fitted(parts, width)
            assert rest.endswith(forms), (width, rest)
            assert " · 2016" in rest
            assert len(name) + len(rest) <= width, (width, name, rest)
    assert fitted(TitleParts("Plan", " · 2016 (1/4)", " · 2016", (" · €",), ()), 60) == (
        "Plan",
        " · 2016 (1/4) · €",
    )


async def test_a_read_only_librarys_help_offers_no_duplicate_rename_or_delete(
    scenario_file: Path,
) -> None:
    app = _app(scenario_file, READ_ONLY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("l")
        await shown(pilot, texts.KEY_COMPARE)
        await pilot.press("question_mark")
        await shown(pilot, texts.HELP_OPEN)
        for offered in (texts.HELP_DUPLICATE, texts.HELP_RENAME, texts.HELP_DELETE):
            assert offered[:30] not in screen_text(pilot), offered
