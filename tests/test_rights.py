"""What a session may change (``--may-change``, ``--read-only``; ssh-serve sets them from a
key's line): refused in the core whatever asks, and said on screen, nothing changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.rights import NotAllowed, Rights
from gebiedsplanner.core.scenario import STEDELIJK, Cell
from gebiedsplanner.core.tools.distribute import distribute
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.session import EditingSession
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import fill_in, quiet, screen_text, shown, toasts, until

SIZE = (80, 24)
NOORD_ONLY = Rights(gebieden=frozenset({"Noord"}))
READ_ONLY = Rights(read_only=True)
CHARLOIS = Cell("Charlois", "couleur_locale", 2016)
NOORD = Cell("Noord", "couleur_locale", 2016)


def _session(path: Path, rights: Rights) -> EditingSession:
    return EditingSession(storage.open_for_editing(path), rights)


def test_a_session_limited_to_noord_changes_noord_and_nothing_else(scenario_file: Path) -> None:
    session = _session(scenario_file, NOORD_ONLY)
    before = session.scenario.amount(CHARLOIS)
    with pytest.raises(NotAllowed, match="Charlois is alleen te lezen: u mag alleen Noord"):
        session.edit(CHARLOIS, before + 1, "")
    with pytest.raises(NotAllowed, match="Charlois"):
        session.move(NOORD, CHARLOIS, 1_000, "")
    city = next(cell for cell in session.scenario.cells() if cell.owner == STEDELIJK)
    with pytest.raises(NotAllowed, match="de stedelijke posten zijn alleen te lezen"):
        session.edit(city, 1, "")
    with pytest.raises(NotAllowed):  # a tool that spreads over every gebied
        session.apply_tool(distribute(session.scenario, 2017, key="gelijk"))
    assert session.scenario.amount(CHARLOIS) == before
    assert not session.dirty
    change = session.edit(NOORD, session.scenario.amount(NOORD) + 1_000, "eigen gebied")
    assert change.entry.changes[0].cell == NOORD
    session.close()


def test_a_read_only_session_changes_nothing_and_saves_nothing(scenario_file: Path) -> None:
    session = _session(scenario_file, READ_ONLY)
    data = scenario_file.read_bytes()
    with pytest.raises(NotAllowed, match="alleen lezen"):
        session.edit(NOORD, 1, "")
    with pytest.raises(NotAllowed, match="alleen lezen"):
        session.begin_save()
    with pytest.raises(NotAllowed, match="alleen lezen"):
        session.begin_save(scenario_file.with_name("kopie.toml"), as_new=True)
    assert not session.saving  # a refused save leaves no save running
    assert scenario_file.read_bytes() == data
    assert not scenario_file.with_name("kopie.toml").exists()
    session.close()


def test_managing_files_is_for_those_without_limits() -> None:
    Rights().check_manage()
    with pytest.raises(NotAllowed, match="hernoemen of weggooien"):
        NOORD_ONLY.check_manage()
    NOORD_ONLY.check_write()  # a variant of one's own may be written
    with pytest.raises(NotAllowed):
        READ_ONLY.check_manage()


def _app(path: Path, rights: Rights, *, confined: bool = False) -> PlannerApp:
    settings = locations.load_settings([str(path.parent)])
    settings = settings._replace(rights=rights, confined=confined)
    return PlannerApp(storage.open_for_editing(path), settings)


def _row(pilot: Pilot[None], name: str) -> str:
    return next(line for line in screen_text(pilot).splitlines() if line.startswith(name))


async def test_the_planner_says_why_charlois_is_not_for_a_noord_adviser(
    scenario_file: Path,
) -> None:
    data = scenario_file.read_bytes()
    app = _app(scenario_file, NOORD_ONLY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "mag wijzigen: Noord")  # the title says it from the start
        charlois = _row(pilot, "Charlois")
        await pilot.press("down", "enter")  # Charlois, couleur locale
        await shown(pilot, "Charlois is alleen te lezen: u mag alleen Noord wijzigen")
        await pilot.press(*"+1000", "enter")  # typed on: no edit line took it
        assert _row(pilot, "Charlois") == charlois
        assert "niet opgeslagen" not in screen_text(pilot)
        await pilot.press("ctrl+s")  # Noord may be saved: the scenario as it was is
        await until(pilot, lambda: "Opgeslagen" in toasts(pilot), "the save")
        await quiet(pilot)
        assert not app.screen_stack[0].session.dirty  # type: ignore[attr-defined]
    assert scenario_file.read_bytes() == data  # nothing of the refused edit was saved


async def test_a_read_only_adviser_edits_moves_and_saves_nothing(scenario_file: Path) -> None:
    data = scenario_file.read_bytes()
    app = _app(scenario_file, READ_ONLY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shown(pilot, "alleen lezen")
        for key in ("enter", "m", "g", "S", "ctrl+s"):
            await pilot.press(key)
            await until(pilot, lambda: "u mag in deze sessie alleen lezen" in toasts(pilot), key)
            app.clear_notifications()
            assert len(app.screen_stack) == 1, f"{key} opened {app.screen}"
    assert scenario_file.read_bytes() == data
    assert sorted(os.listdir(scenario_file.parent)) == [scenario_file.name]


async def test_a_limited_adviser_may_not_rename_or_delete_a_team_scenario(
    scenario_file: Path,
) -> None:
    app = _app(scenario_file, NOORD_ONLY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "Scenariobibliotheek")
        for key in ("r", "x"):
            await pilot.press(key)
            await until(pilot, lambda: "hernoemen of weggooien" in toasts(pilot), key)
            app.clear_notifications()
    assert scenario_file.exists()


async def test_a_confined_session_exports_only_into_the_scenario_folders(
    scenario_file: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elders"
    outside.mkdir()
    app = _app(scenario_file, NOORD_ONLY, confined=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await fill_in(pilot, "#path", str(outside / "plan.csv"))
        await pilot.press("enter")
        await until(pilot, lambda: "buiten de scenariomappen" in toasts(pilot), "a refusal")
        await fill_in(pilot, "#path", str(scenario_file.parent / "plan.csv"))
        await pilot.press("enter")
        await until(pilot, lambda: (scenario_file.parent / "plan.csv").exists(), "the export")
    assert list(outside.iterdir()) == []


async def test_a_confined_session_never_opens_a_link_put_in_a_files_place_meanwhile(
    scenario_file: Path, tmp_path: Path
) -> None:
    """The library was read; then someone on the server puts a link to a file elsewhere in
    a team scenario's place. Opening it is refused: nothing there is shown or written."""
    outside = tmp_path / "elders"
    outside.mkdir()
    secret = outside / "geheim.toml"
    shutil.copyfile(scenario_file, secret)
    other = scenario_file.parent / "ander.toml"
    shutil.copyfile(scenario_file, other)
    app = _app(scenario_file, NOORD_ONLY, confined=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "Scenariobibliotheek")
        other.unlink()
        other.symlink_to(secret)
        await app.open_scenario(other)
        await until(pilot, lambda: "buiten deze map" in toasts(pilot), "a refusal")
        assert app.settings.may_open(scenario_file.resolve())
    assert sorted(os.listdir(outside)) == ["geheim.toml"]


async def test_a_confined_export_is_asked_again_as_it_is_written(
    scenario_file: Path, tmp_path: Path
) -> None:
    """The export goes through a folder link that leads inside; while the question
    whether to replace the file is open, the link is turned to a folder elsewhere."""
    team = scenario_file.parent
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "plan.csv").write_text("van een ander")
    (team / "plan.csv").write_text("oud")
    via = team / "via"
    via.symlink_to(team)
    app = _app(scenario_file, NOORD_ONLY, confined=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await fill_in(pilot, "#path", str(via / "plan.csv"))
        await pilot.press("enter")
        await shown(pilot, "Overschrijven met deze export?")
        via.unlink()
        via.symlink_to(outside)
        await pilot.press("j")
        await until(pilot, lambda: "buiten de scenariomappen" in toasts(pilot), "a refusal")
    assert (outside / "plan.csv").read_text() == "van een ander"


def test_a_confined_open_reads_where_it_was_allowed_not_a_link_put_there_since(
    scenario_file: Path, tmp_path: Path
) -> None:
    """Between the check of where the file is and its read, the file is turned into a
    link to one outside: the open reads no further than the link."""
    secret = tmp_path / "geheim.toml"
    shutil.copyfile(scenario_file, secret)
    real = scenario_file.resolve()
    scenario_file.unlink()
    scenario_file.symlink_to(secret)
    with pytest.raises(ProblemsError) as caught:
        storage.open_streamed(scenario_file, real)
    assert "koppeling" in str(caught.value)


async def test_a_read_only_session_writes_nothing_beside_a_team_scenario(
    scenario_file: Path,
) -> None:
    """Not an editing note, not an export: a manager's export goes to their own library."""
    app = _app(scenario_file, READ_ONLY, confined=True)
    own = app.settings.own_library
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await fill_in(pilot, "#path", str(scenario_file.parent / "plan.csv"))
        await pilot.press("enter")
        await until(pilot, lambda: "buiten de scenariomappen" in toasts(pilot), "a refusal")
        await fill_in(pilot, "#path", str(own / "plan.csv"))  # not there yet: made
        await pilot.press("enter")
        await until(pilot, lambda: (own / "plan.csv").exists(), "the export")
        assert os.listdir(scenario_file.parent) == [scenario_file.name]  # while it is open


def _dropped_with_a_charlois_edit(path: Path) -> None:
    """A session without limits raised Charlois by 5.000, then its link dropped."""
    earlier = _session(path, Rights())
    earlier.begin()
    earlier.edit(CHARLOIS, earlier.scenario.amount(CHARLOIS) + 5_000, "voor de wijziging")
    journal = earlier._current_journal()
    assert journal is not None
    journal.close()  # the journal stays, as a killed session's does


def test_recovered_changes_outside_the_limits_come_back_as_a_variant(
    scenario_file: Path,
) -> None:
    """Anna's key was limited to Noord after her link dropped with a Charlois edit: the
    edit is not put into the team's plan, and not lost either."""
    from gebiedsplanner.editing import recovery

    _dropped_with_a_charlois_edit(scenario_file)
    limited = _session(scenario_file, NOORD_ONLY)
    before = limited.scenario.amount(CHARLOIS)
    found = recovery.look_for(limited)
    done = recovery.recover(limited, found, [scenario_file.parent])
    assert isinstance(done, recovery.Recovered)
    assert limited.scenario.amount(CHARLOIS) == before
    assert not limited.dirty
    [variant] = done.variants
    assert storage.load(variant).scenario.amount(CHARLOIS) == before + 5_000


def test_recovered_changes_of_a_now_read_only_adviser_go_to_their_own_library(
    scenario_file: Path, tmp_path: Path
) -> None:
    """Anna's key became alleen-lezen after her link dropped with an edit: the variant
    that keeps her edit is not written into the team folder, but into her own library."""
    from gebiedsplanner.editing import recovery

    _dropped_with_a_charlois_edit(scenario_file)
    team = sorted(scenario_file.parent.iterdir())
    own = tmp_path / "own"
    read_only = _session(scenario_file, READ_ONLY)
    found = recovery.look_for(read_only)
    done = recovery.recover(read_only, found, [scenario_file.parent, own])
    assert isinstance(done, recovery.Recovered)
    assert sorted(scenario_file.parent.iterdir()) == team
    [variant] = done.variants
    assert variant.parent == own
