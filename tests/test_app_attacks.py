"""Findings of the adversarial runs, as a user meets them in the app (issue 10 and on).

Renaming or trashing the open scenario, exporting over files, a second ctrl+s
during a slow save, a journal folder that cannot be written, a scenario marked
read-only.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import journal, recovery, storage
from gebiedsplanner.editing.session import EditingSession, SaveJob
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.shown_path import shown_path
from tests.conftest import BUNDLED
from tests.pilot_helpers import fill_in, quiet, screen_text, shown, until, widget_text
from tests.test_app import SIZE
from tests.test_app_library import alfa_and_beta, go_to_row

CENTRUM = Cell("Centrum", "couleur_locale", 2016)


def app_on(path: Path, *team: Path) -> PlannerApp:
    settings = locations.load_settings([str(folder) for folder in team])
    return PlannerApp(storage.open_for_editing(path), settings)


async def edit_then_go_to_alfa_in_the_library(pilot: Pilot[None]) -> None:
    """Centrum's couleur locale 2016 set to 111.111, then the library, on alfa's row."""
    await pilot.press("enter", *"=111.111", "enter", "l")
    await shown(pilot, "boven envelope:")
    await go_to_row(pilot, "alfa")


async def test_the_planner_follows_a_rename_of_the_open_scenario(tmp_path: Path) -> None:
    team = alfa_and_beta(tmp_path)
    app = app_on(team / "alfa.toml", team)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await edit_then_go_to_alfa_in_the_library(pilot)
        await pilot.press("r")
        await fill_in(pilot, "#name", "Gamma")
        await pilot.press("enter")
        await shown(pilot, "Hernoemd")
        await pilot.press("escape")
        assert (await shown(pilot, " Gamma · 2016")).startswith(" Gamma · 2016")
        await pilot.press("ctrl+s")
        await shown(pilot, "Opgeslagen in")
        assert "Samengevoegd" not in screen_text(pilot)
    assert not (team / "alfa.toml").exists()  # never silently recreated
    renamed = storage.load(team / "gamma.toml").scenario
    assert renamed.name == "Gamma" and renamed.amount(CENTRUM) == 111_111


async def test_saving_a_trashed_scenario_asks_and_can_save_as(tmp_path: Path) -> None:
    team = alfa_and_beta(tmp_path)
    app = app_on(team / "alfa.toml", team)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await edit_then_go_to_alfa_in_the_library(pilot)
        await pilot.press("x")
        await shown(pilot, "naar de prullenbak verplaatsen?")
        await pilot.press("j")
        await shown(pilot, "Naar de prullenbak")
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await shown(pilot, "Bestand bestaat niet meer")
        assert not (team / "alfa.toml").exists()
        await pilot.press("a")
        await fill_in(pilot, "#name", "Alfa gered")
        await pilot.press("enter")
        await shown(pilot, "Opgeslagen in")
    assert not (team / "alfa.toml").exists()
    assert storage.load(team / "alfa-gered.toml").scenario.amount(CENTRUM) == 111_111


async def test_saving_a_vanished_scenario_can_write_it_anew_in_its_place(tmp_path: Path) -> None:
    team = alfa_and_beta(tmp_path)
    app = app_on(team / "alfa.toml", team)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"=111.111", "enter")
        (team / "alfa.toml").rename(team / "elders.toml")  # a colleague, in another program
        await pilot.press("ctrl+s")
        await shown(pilot, "Bestand bestaat niet meer")
        await pilot.press("escape")
        await shown(pilot, "Bestand bestaat niet meer", present=False)
        assert not (team / "alfa.toml").exists() and "niet opgeslagen" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await shown(pilot, "Bestand bestaat niet meer")
        await pilot.press("o")
        await shown(pilot, "Opgeslagen in")
    assert storage.load(team / "alfa.toml").scenario.amount(CENTRUM) == 111_111
    assert storage.load(team / "elders.toml").scenario.amount(CENTRUM) != 111_111


async def test_export_asks_before_replacing_a_file(scenario_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.csv"
    out.write_text("van iemand anders\n")
    app = app_on(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await fill_in(pilot, "#path", str(out))
        await pilot.press("enter")
        await shown(pilot, "bestaat al. Overschrijven")
        await pilot.press("n")
        await shown(pilot, "bestaat al. Overschrijven", present=False)
        assert out.read_text() == "van iemand anders\n"
        await pilot.press("e")
        await fill_in(pilot, "#path", str(out))
        await pilot.press("enter")
        await shown(pilot, "bestaat al. Overschrijven")
        await pilot.press("j")
        await shown(pilot, "180 rijen geëxporteerd")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfscenario;gebied;post;jaar;bedrag")


async def test_export_over_the_open_scenario_is_refused(scenario_file: Path) -> None:
    before = scenario_file.read_bytes()
    app = app_on(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await fill_in(pilot, "#path", str(scenario_file))
        await pilot.press("enter")
        await shown(pilot, "een export vervangt dat nooit")
        await pilot.press("enter", *"+1", "enter", "ctrl+s")
        await shown(pilot, "Opgeslagen in")  # the next save still works
    assert scenario_file.read_bytes() != before
    assert storage.load(scenario_file).scenario.amount(CENTRUM) == 111_001


async def test_a_second_save_during_a_slow_save_is_no_merge(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network folder that takes its time: ctrl+s twice, then one plain save after another."""
    slow = threading.Event()
    run = SaveJob.run

    def slow_run(job: SaveJob, *args: Any) -> object:
        slow.wait(30)
        return run(job, *args)

    monkeypatch.setattr(SaveJob, "run", slow_run)
    app = app_on(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1", "enter", "ctrl+s")
        await pilot.press("enter", *"+1", "enter", "ctrl+s")
        await shown(pilot, "daarna wordt ook deze stand opgeslagen")
        slow.set()
        await shown(pilot, "niet opgeslagen", present=False)
        assert "Samengevoegd" not in screen_text(pilot)
    assert storage.load(scenario_file).scenario.amount(CENTRUM) == 111_002


@pytest.mark.parametrize("there", ["file", "link"])
async def test_a_journal_folder_that_cannot_be_written_says_so_and_saving_works(
    scenario_file: Path, tmp_path: Path, there: str
) -> None:
    """A file or a link where the journals' folder belongs: said as what it is (not as a
    folder that does not exist), nothing is written through the link, and saving works."""
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    journal.journal_dir().parent.mkdir(parents=True)
    if there == "file":
        journal.journal_dir().write_text("een bestand waar de map hoort")
    else:
        journal.journal_dir().symlink_to(elsewhere)
    app = app_on(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1", "enter")
        await shown(pilot, "niet in het herstel-journaal")
        said = {"file": "een bestand, geen map", "link": "symbolische koppeling, geen map"}
        await shown(pilot, said[there])
        await pilot.press("ctrl+s")
        await shown(pilot, "Opgeslagen in")
        assert app.is_running
    assert storage.load(scenario_file).scenario.amount(CENTRUM) == 111_001
    assert list(elsewhere.iterdir()) == []


async def test_an_export_to_an_unknown_users_home_says_so(scenario_file: Path) -> None:
    app = app_on(scenario_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await fill_in(pilot, "#path", "~geenzogebruiker/plan.csv")
        await pilot.press("enter")
        await shown(pilot, "onbekend")
        await pilot.press("escape")
        await pilot.press("enter", *"+1", "enter", "ctrl+s")
        await shown(pilot, "Opgeslagen in")
        assert app.is_running


async def test_when_the_team_folder_refuses_save_as_can_pick_another_folder(
    tmp_path: Path, isolated_user_dirs: Path
) -> None:
    """A read-only team folder: ↓ in "save as" offers the user's own library."""
    blocked = tmp_path / "een-bestand"
    blocked.write_text("geen map")
    team = blocked / "team"  # cannot be made: a file is in the way
    app = PlannerApp(storage.open_for_editing(BUNDLED), locations.load_settings([str(team)]))
    own = isolated_user_dirs / "data" / "gebiedsplanner" / "scenarios"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1", "enter", "S")
        await fill_in(pilot, "#name", "Gered")
        await pilot.press("enter")
        await shown(pilot, "Probleem")
        await pilot.press("S")
        await fill_in(pilot, "#name", "Gered")
        await pilot.press("down")
        await until(
            pilot,
            lambda: f"Map: {shown_path(own)}" in widget_text(pilot, "#folder"),
            "the own library chosen",
        )
        await pilot.press("enter")
        await shown(pilot, "Opgeslagen in")
    assert storage.load(own / "gered.toml").scenario.name == "Gered"


async def test_a_save_that_ends_after_another_scenario_was_opened_stays_with_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The late result of alfa's save never turns beta's next save into a write of alfa."""
    team = alfa_and_beta(tmp_path)
    beta_before = (team / "beta.toml").read_bytes()
    slow = threading.Event()
    run = SaveJob.run

    def slow_run(job: SaveJob, *args: Any) -> object:
        slow.wait(30)
        return run(job, *args)

    monkeypatch.setattr(SaveJob, "run", slow_run)
    app = app_on(team / "alfa.toml", team)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"=111.111", "enter", "ctrl+s", "l")
        await shown(pilot, "boven envelope:")
        await go_to_row(pilot, "beta")
        await pilot.press("enter")
        await shown(pilot, "Niet-opgeslagen wijzigingen")
        await pilot.press("j")
        await shown(pilot, " beta · 2016")
        slow.set()
        await until(pilot, lambda: storage.load(team / "alfa.toml").scenario.log, "alfa saved")
        await quiet(pilot)
        assert "niet opgeslagen" not in screen_text(pilot)
        await pilot.press("enter", *"=222.222", "enter", "ctrl+s")
        await shown(pilot, "Opgeslagen in")
    alfa, beta = (
        storage.load(team / "alfa.toml").scenario,
        storage.load(team / "beta.toml").scenario,
    )
    assert alfa.name == "alfa" and alfa.amount(CENTRUM) == 111_111
    assert beta.name == "beta" and beta.amount(CENTRUM) == 222_222
    assert (team / "beta.toml").read_bytes() != beta_before


async def test_save_as_never_makes_a_missing_team_folder(tmp_path: Path) -> None:
    """A share that is not mounted: saving there would hide the file on the local disk."""
    team = tmp_path / "mnt" / "team"
    app = PlannerApp(storage.open_for_editing(BUNDLED), locations.load_settings([str(team)]))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+1", "enter", "S")
        await fill_in(pilot, "#name", "Ergens")
        await pilot.press("enter")
        await shown(pilot, "de map bestaat niet")
    assert not team.exists()


async def saving_is_refused(pilot: Pilot[None], approved: Path, before: bytes) -> None:
    """Centrum's couleur locale 2016 set to 111.111 and ctrl+s: the refusal is read, and
    the file keeps its bytes while the edit stays on screen, unsaved."""
    await pilot.press("enter", *"=111.111", "enter", "ctrl+s")
    said = await shown(pilot, "het bestand is alleen-lezen")
    assert "opslaan als" in said and "chmod u+w" in said
    await quiet(pilot)
    assert approved.read_bytes() == before
    assert "niet opgeslagen" in screen_text(pilot)  # the title stays in view
    pilot.app.clear_notifications()  # the problem's four lines cover the first rows
    await until(pilot, lambda: "111.111" in screen_text(pilot), "the edit on screen")


async def test_a_read_only_scenario_is_never_replaced_and_the_edit_stays_in_the_journal(
    tmp_path: Path,
) -> None:
    """A team marks an approved scenario read-only (chmod 444); as root too, the save says
    so instead of renaming a new file over it."""
    team = alfa_and_beta(tmp_path)
    approved = team / "alfa.toml"
    approved.chmod(0o444)
    before = approved.read_bytes()
    async with app_on(approved, team).run_test(size=SIZE, notifications=True) as pilot:
        await saving_is_refused(pilot, approved, before)
    assert approved.read_bytes() == before and approved.stat().st_mode & 0o777 == 0o444
    (found,) = recovery.look_for(EditingSession(storage.load(approved)))  # offered next time
    assert found.ours.amount(CENTRUM) == 111_111
    recovery.release([found])


async def test_after_a_read_only_refusal_save_as_keeps_the_edit_in_a_variant(
    tmp_path: Path,
) -> None:
    team = alfa_and_beta(tmp_path)
    approved = team / "alfa.toml"
    approved.chmod(0o444)
    before = approved.read_bytes()
    async with app_on(approved, team).run_test(size=SIZE, notifications=True) as pilot:
        await saving_is_refused(pilot, approved, before)
        await pilot.press("S")
        await fill_in(pilot, "#name", "Alfa mijn versie")
        await pilot.press("enter")
        await shown(pilot, "Opgeslagen in")
    assert approved.read_bytes() == before
    assert storage.load(team / "alfa-mijn-versie.toml").scenario.amount(CENTRUM) == 111_111
