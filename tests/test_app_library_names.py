"""Issue 26: the library tells scenarios apart at 80x24 and at 60x20.

Read as a person reads it: the table's cells under their headers. Names that begin
alike stay apart (cut in the middle), the status keeps its essential part
(``▲ 2017 +250.000``), the time of the last change shows over ``ssh-serve`` (which
opens on the library), no column is cut to a fragment such as ``Laa`` or ``07-``,
and the planner's own unsaved changes are not offered as a recovery.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.session import EditingSession
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from tests.conftest import BUNDLED
from tests.pilot_helpers import screen_text, shown, until

pytestmark = pytest.mark.usefixtures("painted_before_measured")

SIZES = [(80, 24), (60, 20)]
NAMES = (
    "NRW basis 2016-2019",
    "NRW basis 2016-2019 variant",
    "Variant Zuid é",
    "Variant Zuid é variant",
)
#: The folder ssh-serve might serve: a name longer than "team".
TEAM = "nrw-scenarios"
WHEN = datetime(2026, 3, 11, 14, 5, tzinfo=UTC)


def changed(name: str, who: str) -> bytes:
    """The bundled example under ``name``, with one change by ``who`` in its log."""
    scenario = storage.load(BUNDLED).scenario
    scenario.move(
        Cell("Charlois", "gebiedsopdracht", 2017),
        Cell("Charlois", "couleur_locale", 2017),
        150_000,
        who=who,
        when=WHEN,
        reason="meer ruimte voor bewonersinitiatieven",
    )
    return dumps(scenario, name=name)


def library_folders(home: Path) -> Path:
    """``basis.toml`` in the own library (the bundled example's name, a third time with
    the example itself and a copy in the team folder), its variant, and the two Zuid
    variants side by side in one team folder."""
    own = home / "data" / "gebiedsplanner" / "scenarios"
    own.mkdir(parents=True)
    shutil.copyfile(BUNDLED, own / "basis.toml")
    team = home / "srv" / TEAM
    team.mkdir(parents=True)
    (team / "basis-kopie.toml").write_bytes(changed("NRW basis 2016-2019", "bert"))
    (team / "basis-variant.toml").write_bytes(changed("NRW basis 2016-2019 variant", "anna"))
    (team / "variant-zuid-e.toml").write_bytes(changed("Variant Zuid é", "anna"))
    (team / "variant-zuid-e-variant.toml").write_bytes(changed("Variant Zuid é variant", "bert"))
    return team


def ended_with_a_change(path: Path) -> None:
    """A session of ``path`` made one change and ended as a killed one does: its journal
    stays, unlocked."""
    ended = EditingSession(storage.open_for_editing(path))
    ended.begin()
    cell = Cell("Noord", "couleur_locale", 2016)
    ended.edit(cell, ended.scenario.amount(cell) + 1_000, "")
    journal = ended._current_journal()
    assert journal is not None
    journal.close()


def rows(pilot: Pilot[None]) -> list[dict[str, str]]:
    """The library's rows as a person reads them: each cell under its column's header."""
    lines = screen_text(pilot).splitlines()
    labels = [label for label in texts.LIBRARY_COLUMNS if label]
    at = next(i for i, line in enumerate(lines) if line.split()[:1] == [labels[0]])
    header = lines[at]
    starts = sorted((header.index(f" {label} ") + 1, label) for label in labels if label in header)
    found = []
    for line in lines[at + 1 :]:
        if not line[: starts[0][0]].strip() and not line[starts[0][0] :].strip():
            break
        cells = {}
        for (start, label), (end, _) in zip(starts, [*starts[1:], (len(line), "")], strict=True):
            cells[label] = line[start:end].strip()
        found.append(cells)
    return found


def header(pilot: Pilot[None]) -> list[str]:
    lines = screen_text(pilot).splitlines()
    name = texts.LIBRARY_COLUMNS[1]
    return next(line.split() for line in lines if line.split()[:1] == [name])


def looks_like(shown_name: str, name: str) -> bool:
    """``shown_name`` is ``name``, or ``name`` cut at its end or in its middle."""
    if shown_name == name:
        return True
    head, cut, tail = shown_name.partition("…")
    return bool(cut) and name.startswith(head) and name.endswith(tail) and len(head) >= 3


async def listed(pilot: Pilot[None], count: int) -> None:
    await until(pilot, lambda: len(getattr(pilot.app.screen, "entries", ())) == count, "list")
    await until(pilot, lambda: len(rows(pilot)) == count, "every row on screen")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_names_that_begin_alike_stay_apart_and_no_column_is_a_fragment(
    isolated_user_dirs: Path, size: tuple[int, int], lang: str
) -> None:
    """As over ssh-serve: the app opens on the library, with a team folder."""
    language.use(lang)
    team = library_folders(isolated_user_dirs)
    settings = locations.load_settings([str(team)])
    app = PlannerApp(storage.load(BUNDLED, writable=False), settings, library=True)
    async with app.run_test(size=size) as pilot:
        await listed(pilot, 6)
        name, status, years, folder, changed_column = texts.LIBRARY_COLUMNS[1:]
        # Every header whole, and no column reaching past the screen's edge (`Laa`).
        assert set(header(pilot)) <= {
            word for label in texts.LIBRARY_COLUMNS for word in label.split()
        }
        shown_rows = rows(pilot)
        names = [row[name] for row in shown_rows]
        by_folder: dict[str, list[str]] = {}
        for row in shown_rows:
            by_folder.setdefault(row[folder], []).append(row[name])
        # Scenarios of one folder never read alike.
        for in_folder in by_folder.values():
            assert len(set(in_folder)) == len(in_folder), shown_rows
        for each in NAMES:
            assert any(looks_like(shown_name, each) for shown_name in names), (each, names)
        assert not any(
            looks_like(shown_name, "Variant Zuid é")
            and looks_like(shown_name, "Variant Zuid é variant")
            for shown_name in names
        ), names
        for row in shown_rows:  # the bundled example is 250.000 over in 2017, as its copies
            assert row[status] == "▲ 2017 +250.000", row
            assert row[folder] and not row[folder].endswith("…"), row
            if changed_column in row:  # whole: a date, with its time where there is room
                assert re.fullmatch(r"\d\d-\d\d-\d\d( \d\d:\d\d)?", row[changed_column]), row
            if years in row:
                assert row[years] == "2016-2019", row
        if size[0] == 80:  # the team folder by its name, and the time of the last change
            assert {row[folder] for row in shown_rows} >= {TEAM}
            assert all(
                re.fullmatch(r"\d\d-\d\d-\d\d \d\d:\d\d", row[changed_column]) for row in shown_rows
            )
            assert set(names) >= set(NAMES) - {"NRW basis 2016-2019 variant"}


async def test_two_scenarios_of_one_name_in_one_folder_show_their_files(
    isolated_user_dirs: Path,
) -> None:
    team = library_folders(isolated_user_dirs)
    shutil.copyfile(BUNDLED, team / "basis.toml")  # a second "NRW basis 2016-2019" there
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([str(team)]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await listed(pilot, 7)
        in_team = [row["Naam"] for row in rows(pilot) if row["Map"] == TEAM]
        assert len(set(in_team)) == len(in_team), in_team
        assert any(looks_like(name, "NRW basis 2016-2019 (basis-kopie)") for name in in_team)
        assert any(looks_like(name, "NRW basis 2016-2019 (basis)") for name in in_team)


async def test_the_detail_line_names_the_folder_and_the_last_change_whole(
    isolated_user_dirs: Path,
) -> None:
    team = library_folders(isolated_user_dirs)
    app = PlannerApp(storage.load(BUNDLED, writable=False), locations.load_settings([str(team)]))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("l")
        await listed(pilot, 6)
        await pilot.press("ctrl+end")
        await shown(pilot, f"gewijzigd 11-03-2026 14:05 door anna · team: {TEAM}")


async def test_the_planners_own_unsaved_changes_are_open_not_a_recovery(
    isolated_user_dirs: Path,
) -> None:
    """Issue 26: ``● herstel (1)`` said a session had crashed; this one is still open.
    A session that really ended keeps its mark."""
    team = library_folders(isolated_user_dirs)
    ended_with_a_change(team / "variant-zuid-e.toml")
    settings = locations.load_settings([str(team)])
    app = PlannerApp(storage.open_for_editing(team / "basis-kopie.toml"), settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await shown(pilot, "2016 (1/4)")
        await pilot.press("enter", *"+1.000", "enter")
        await shown(pilot, "+1.000", present=False)
        await pilot.press("l")
        await listed(pilot, 6)
        status = {row["Naam"]: row["Status"] for row in rows(pilot) if row["Map"] == TEAM}
        assert status["NRW basis 2016-2019"] == "● open", status
        assert status["Variant Zuid é"] == "● herstel (1)", status
        assert not any(
            "herstel" in each for name, each in status.items() if name != "Variant Zuid é"
        )
