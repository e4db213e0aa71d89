"""A note per gebied in the planner (issue 26): ``o`` on a gebied, typed, kept with Enter,
marked in the table, said whole on the line above the totals, undone with ctrl+z,
saved into the file and logged."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from gebiedsplanner.core.rights import Rights
from gebiedsplanner.editing import storage
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import burst, fill_in, screen_text, shown, toasts, until, widget_text

SIZE = (80, 24)
NOTE = 'wacht op "besluit" # gebiedscommissie [bold]é[/bold]'


def make_app(path: Path, rights: Rights | None = None) -> PlannerApp:
    settings = locations.load_settings()
    if rights is not None:
        settings = settings._replace(rights=rights)
    return PlannerApp(storage.open_for_editing(path), settings)


def name_cell(pilot: Pilot[None], gebied: str) -> str:
    """The gebied's row as far as its name column and the space after it (the mark)."""
    line = next(line for line in screen_text(pilot).splitlines() if line.startswith(gebied))
    return line[:25]


async def note_typed(pilot: Pilot[None], note: str) -> None:
    """``o`` on the cursor's gebied, ``note`` in place of what the line holds, Enter."""
    await pilot.press("o")
    await fill_in(pilot, "#note-text", note)
    await pilot.press("enter")


async def test_a_note_is_typed_marked_shown_whole_undone_and_saved(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert "✎" not in screen_text(pilot)
        assert not pilot.app.screen.query_one("#note-detail").display
        await note_typed(pilot, NOTE)  # the cursor starts on Centrum
        await until(pilot, lambda: "✎" in name_cell(pilot, "Centrum"), "Centrum's mark")
        assert "✎" not in name_cell(pilot, "Charlois")
        detail = widget_text(pilot, "#note-detail")
        assert f"✎ Centrum: {NOTE}" in detail  # markup from a file shows as typed
        assert "niet opgeslagen" in screen_text(pilot)
        await pilot.press("down")  # Charlois has none: the line says so
        await until(
            pilot,
            lambda: "Charlois: geen notitie" in widget_text(pilot, "#note-detail"),
            "Charlois without a note",
        )
        await pilot.press("up", "ctrl+z")
        await until(pilot, lambda: "✎" not in screen_text(pilot), "the mark gone by undo")
        assert not pilot.app.screen.query_one("#note-detail").display
        await pilot.press("ctrl+y")
        await until(pilot, lambda: "✎" in name_cell(pilot, "Centrum"), "the mark back by redo")
        await pilot.press("ctrl+s")
        await shown(pilot, "Opgeslagen in")
    text = scenario_file.read_text()
    assert 'notitie = "wacht op \\"besluit\\" # gebiedscommissie [bold]é[/bold]"' in text
    saved = storage.load(scenario_file).scenario
    assert saved.note("Centrum") == NOTE
    assert [entry.action for entry in saved.log] == ["note", "undo", "redo"]
    assert saved.log[0].notes[0].new == NOTE


async def test_the_history_shows_a_note_and_an_empty_note_removes_it(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await note_typed(pilot, "eerste")
        await until(pilot, lambda: "✎" in name_cell(pilot, "Centrum"), "Centrum's mark")
        await pilot.press("h")
        await shown(pilot, "Centrum · notitie: eerste")
        await pilot.press("escape")
        await pilot.press("o")
        await fill_in(pilot, "#note-text", "")
        await pilot.press("enter")
        await until(pilot, lambda: "✎" not in screen_text(pilot), "the mark gone")
        await pilot.press("h")
        await shown(pilot, "Centrum · notitie weggehaald (was: eerste)")


async def test_a_note_too_long_is_refused_and_the_line_stays_open(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await note_typed(pilot, "x" * 5_000)
        await until(pilot, lambda: "hoogstens 1.000 tekens" in toasts(pilot), "the refusal")
        assert pilot.app.screen.query_one("#note-line").display
        await pilot.press("escape")
        await until(
            pilot, lambda: not pilot.app.screen.query_one("#note-line").display, "line closed"
        )
        assert "✎" not in screen_text(pilot)
        assert "niet opgeslagen" not in screen_text(pilot)


async def test_a_note_on_the_totals_or_a_stedelijk_post_is_refused(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("end", "o")
        await until(pilot, lambda: "hoort bij een gebied" in toasts(pilot), "the refusal")


async def test_read_only_and_other_gebieden_may_not_change_a_note(scenario_file: Path) -> None:
    app = make_app(scenario_file, Rights(read_only=True))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("o")
        await until(pilot, lambda: "alleen lezen" in toasts(pilot).casefold(), "refused")
        assert not pilot.app.screen.query("#note-line")
    app = make_app(scenario_file, Rights(gebieden=frozenset({"Noord"})))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("o")  # Centrum
        await until(pilot, lambda: "Noord" in toasts(pilot), "refused, naming Noord")
        assert not pilot.app.screen.query("#note-line")


async def test_a_colleagues_note_on_the_same_gebied_asks_whose_to_keep(scenario_file: Path) -> None:
    from gebiedsplanner.cli.main import main

    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await note_typed(pilot, "mijn tekst")
        await until(pilot, lambda: "✎" in name_cell(pilot, "Centrum"), "Centrum's mark")
        assert main(["note", str(scenario_file), "Centrum", "hun tekst"]) == 0
        assert main(["note", str(scenario_file), "Noord", "alleen van hen"]) == 0
        await pilot.press("ctrl+s")
        text = await shown(pilot, "dezelfde cellen")
        row = next(line for line in text.splitlines() if "Centrum · notitie" in line)
        words = ["(geen)", "mijn", "tekst", "hun", "tekst", "mijn"]
        assert row.split("notitie")[1].split()[:6] == words
        await pilot.press("space", "s")  # the colleague's note for Centrum
        await shown(pilot, "Samengevoegd")
        await until(pilot, lambda: "✎" in name_cell(pilot, "Noord"), "their note marked too")
        assert "hun tekst" in widget_text(pilot, "#note-detail")
    saved = storage.load(scenario_file).scenario
    assert (saved.note("Centrum"), saved.note("Noord")) == ("hun tekst", "alleen van hen")


async def test_a_note_typed_ahead_lands_in_the_note_line(scenario_file: Path) -> None:
    """``o``, the text and Enter arriving at once (a slow SSH link): the note is the text,
    and the keys after it move the cursor again."""
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        burst(pilot, "o", *"wacht op", "backspace", "p", "enter", "down", "o", *"2e", "enter")
        await until(pilot, lambda: "✎" in name_cell(pilot, "Charlois"), "Charlois' mark")
        await until(pilot, lambda: app.screen.query_one("#note-line").display is False, "closed")
        assert "✎" in name_cell(pilot, "Centrum")
        scenario = storage.open_for_editing(scenario_file).scenario
        assert scenario.note("Centrum") == ""  # not saved yet
        await pilot.press("ctrl+s")
        await shown(pilot, "Opgeslagen in")
    saved = storage.load(scenario_file).scenario
    assert (saved.note("Centrum"), saved.note("Charlois")) == ("wacht op", "2e")


async def test_text_typed_ahead_goes_after_the_note_there_is(scenario_file: Path) -> None:
    app = make_app(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await note_typed(pilot, "wacht")
        await until(pilot, lambda: "✎" in name_cell(pilot, "Centrum"), "Centrum's mark")
        burst(pilot, "o", *" op besluit", "enter")
        await until(
            pilot, lambda: "Centrum: wacht op besluit" in widget_text(pilot, "#note-detail"), ""
        )


async def test_a_hostile_name_leaves_the_note_readable_at_60_columns(tmp_path: Path) -> None:
    """A name of 5.000 characters with markup and an escape: cut on the note line, the
    note itself shown whole and as typed."""
    from gebiedsplanner.format.scenario_reader import parse
    from gebiedsplanner.format.scenario_writer import dumps
    from tests.conftest import BUNDLED

    name = "[bold red]\x1b[31m" + "Lang" * 1_250
    path = tmp_path / "plan.toml"
    source = parse("nrw.toml", BUNDLED.read_bytes())
    gebied = source.gebieden.pop("Centrum")
    gebied.name = name
    source.gebieden = {name: gebied, **source.gebieden}
    path.write_bytes(dumps(source))
    app = make_app(path)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await note_typed(pilot, "[i]wacht[/i] op besluit")

        def detail() -> str:
            return " ".join(widget_text(pilot, "#note-detail").split())

        await until(pilot, lambda: "[i]wacht[/i] op besluit" in detail(), "the note whole")
        assert "✎ [bold red]\\x1b[31mLang" in detail() and "…:" in detail()
        assert "\x1b" not in screen_text(pilot)
