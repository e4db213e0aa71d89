"""The scenario library: listing (broken files included), duplicate, rename, delete, restore."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.journal import journal_dir
from gebiedsplanner.library import catalog as library
from gebiedsplanner.settings.locations import Settings, load_settings
from tests.conftest import BUNDLED, save


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    team = tmp_path / "team"
    team.mkdir()
    shutil.copyfile(BUNDLED, team / "basis.toml")
    (team / "kapot.toml").write_text("format = 1\nname = ")
    return load_settings([str(team)])


def by_name(entries: list[library.Entry], name: str) -> library.Entry:
    return next(entry for entry in entries if entry.path.name == name)


def test_scan_lists_bundled_own_and_team_folders_with_broken_files(settings: Settings) -> None:
    entries = library.scan(settings)
    kinds = {entry.path.name: entry.source.kind for entry in entries}
    assert kinds["nrw-2016-2019.toml"] is library.SourceKind.BUNDLED
    assert kinds["basis.toml"] is library.SourceKind.TEAM
    broken = by_name(entries, "kapot.toml")
    assert broken.scenario is None and broken.status.startswith("kan niet laden: TOML-syntaxfout")
    good = by_name(entries, "basis.toml")
    assert good.years == "2016-2019"
    assert good.status == "boven envelope: 250.000 in 2017"


def test_duplicate_rename_delete_restore(settings: Settings) -> None:
    basis = by_name(library.scan(settings), "basis.toml")
    copy = library.duplicate(basis, "Variant extra couleur locale", settings.library)
    assert copy.name == "variant-extra-couleur-locale.toml"
    assert storage.load(copy).scenario.name == "Variant extra couleur locale"

    entry = by_name(library.scan(settings), copy.name)
    renamed = library.rename(entry, "Variant B").path
    assert not copy.exists() and renamed.name == "variant-b.toml"

    entry = by_name(library.scan(settings), renamed.name)
    trashed = library.delete(entry, settings.trash)
    assert not renamed.exists() and trashed.file.exists()
    assert [item.origin for item in library.trashed(settings.trash)] == [renamed.resolve()]
    assert library.restore(library.trashed(settings.trash)[0]) == renamed.resolve()
    assert renamed.exists() and library.trashed(settings.trash) == []


def test_bundled_examples_cannot_be_renamed_or_deleted(settings: Settings) -> None:
    bundled = by_name(library.scan(settings), "nrw-2016-2019.toml")
    with pytest.raises(ProblemsError, match="meegeleverde voorbeeld"):
        library.rename(bundled, "x")
    with pytest.raises(ProblemsError, match="meegeleverde voorbeeld"):
        library.delete(bundled, settings.trash)
    assert BUNDLED.exists()


def test_duplicate_never_overwrites(settings: Settings) -> None:
    basis = by_name(library.scan(settings), "basis.toml")
    library.duplicate(basis, "Twee", settings.library)
    with pytest.raises(ProblemsError, match="bestaat al"):
        library.duplicate(basis, "Twee", settings.library)


def test_restore_never_overwrites(settings: Settings) -> None:
    basis = by_name(library.scan(settings), "basis.toml")
    library.delete(basis, settings.trash)
    shutil.copyfile(BUNDLED, basis.path)
    with pytest.raises(ProblemsError, match="bestaat al"):
        library.restore(library.trashed(settings.trash)[0])


def test_rename_never_replaces_a_colleagues_save_with_the_copy_read_earlier(
    settings: Settings,
) -> None:
    basis = by_name(library.scan(settings), "basis.toml")
    colleague = storage.load(basis.path)
    colleague.scenario.name = "door collega gewijzigd"
    save(colleague)
    with pytest.raises(ProblemsError, match="gewijzigd sinds u het opende"):
        library.rename(basis, "Hernoemd")
    assert storage.load(basis.path).scenario.name == "door collega gewijzigd"
    assert not (basis.path.parent / "hernoemd.toml").exists()


def test_a_link_is_not_renamed(settings: Settings, tmp_path: Path) -> None:
    team = settings.shared[0]
    (team / "koppeling.toml").symlink_to(team / "basis.toml")
    entry = by_name(library.scan(settings), "koppeling.toml")
    with pytest.raises(ProblemsError, match="koppeling"):
        library.rename(entry, "Anders")
    assert (team / "koppeling.toml").is_symlink()


def test_a_trashed_link_comes_back_as_the_same_link(settings: Settings) -> None:
    team = settings.shared[0]
    (team / "koppeling.toml").symlink_to(team / "basis.toml")
    entry = by_name(library.scan(settings), "koppeling.toml")
    library.delete(entry, settings.trash)
    assert not os.path.lexists(team / "koppeling.toml")
    library.restore(library.trashed(settings.trash)[0])
    assert (team / "koppeling.toml").is_symlink()
    assert (team / "koppeling.toml").resolve() == (team / "basis.toml").resolve()


def test_over_the_envelope_is_known_from_the_figures_not_from_a_label(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = next(entry for entry in library.scan(settings) if entry.path == BUNDLED)
    assert bundled.over_envelope  # 2017: 250.000 over
    monkeypatch.setattr("gebiedsplanner.i18n.texts.STATUS_OVER", "over: {amount} in {year}")
    assert bundled.over_envelope and "boven" not in bundled.status


def test_unsaved_changes_in_a_journal_show_on_their_scenario_only(settings: Settings) -> None:
    """A dropped session's journal: its scenario says so; reading it takes no lock, so the
    session that opens the scenario next is offered the changes."""
    from gebiedsplanner.core.scenario import Cell
    from gebiedsplanner.editing.session import EditingSession

    team = settings.shared[0]
    session = EditingSession(storage.open_for_editing(team / "basis.toml"))
    session.begin()
    cell = Cell("Noord", "couleur_locale", 2016)
    session.edit(cell, session.scenario.amount(cell) + 1_000, "")
    session.edit(cell, session.scenario.amount(cell) + 1_000, "")
    journal = session._current_journal()
    assert journal is not None
    journal.close()  # the session ends as a killed one does: the journal stays, unlocked
    entries = library.scan(settings)
    assert by_name(entries, "basis.toml").unsaved == 2
    assert by_name(entries, "basis.toml").status.startswith("● herstel (2); boven envelope")
    assert by_name(entries, "nrw-2016-2019.toml").unsaved == 0
    from gebiedsplanner.editing import recovery

    again = EditingSession(storage.open_for_editing(team / "basis.toml"))
    found = recovery.look_for(again)
    assert [len(each.leftover.entries) for each in found] == [2]
    recovery.release(found)


def test_this_processs_own_unsaved_session_is_open_not_a_recovery(settings: Settings) -> None:
    """Issue 26: the planner under the library has unsaved changes; its journal is this
    process's own, so the library says the scenario is open with unsaved changes. Once
    that session has ended (here: its journal closed, as a crash leaves it) they are a
    recovery again."""
    from gebiedsplanner.core.scenario import Cell
    from gebiedsplanner.editing.session import EditingSession

    team = settings.shared[0]
    session = EditingSession(storage.open_for_editing(team / "basis.toml"))
    session.begin()
    cell = Cell("Noord", "couleur_locale", 2016)
    session.edit(cell, session.scenario.amount(cell) + 1_000, "")
    basis = by_name(library.scan(settings), "basis.toml")
    assert (basis.open_here, basis.unsaved) == (1, 0)
    assert basis.status.startswith("● open, niet opgeslagen (1); boven envelope")
    assert basis.short_status == "● open"
    journal = session._current_journal()
    assert journal is not None
    journal.close()
    basis = by_name(library.scan(settings), "basis.toml")
    assert (basis.open_here, basis.unsaved) == (0, 1)
    assert basis.short_status == "● herstel (1)"


#: Another window: a session with one unsaved change, running until it is killed.
OTHER_WINDOW = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.journal import journal_dir
from gebiedsplanner.editing.session import EditingSession
session = EditingSession(storage.open_for_editing(Path(sys.argv[1])))
session.begin()
cell = Cell("Noord", "couleur_locale", 2016)
session.edit(cell, session.scenario.amount(cell) + 1_000, "")
Path(sys.argv[2]).touch()
time.sleep(600)
"""


def test_another_running_window_is_open_elsewhere_and_a_recovery_once_it_ended(
    settings: Settings, tmp_path: Path
) -> None:
    """Only a session that ended is offered as a recovery: another window of the same
    user still editing the scenario is open elsewhere. A process that was given the
    number of the ended one later does not make it open again."""
    team = settings.shared[0]
    ready = tmp_path / "ready"
    root = str(Path(__file__).resolve().parent.parent)
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_WINDOW, str(team / "basis.toml"), str(ready), root]
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert other.poll() is None and time.monotonic() < deadline, "no edit made"
            time.sleep(0.05)
        basis = by_name(library.scan(settings), "basis.toml")
        assert (basis.open_elsewhere, basis.unsaved, basis.open_here) == (1, 0, 0)
        assert basis.short_status == "● open elders"
        assert basis.status.startswith("● open in een ander venster (1); boven envelope")
    finally:
        other.kill()
        other.wait()
    basis = by_name(library.scan(settings), "basis.toml")
    assert (basis.open_elsewhere, basis.unsaved) == (0, 1)
    # The journal (of an hour ago) names a process that started after it: not its session.
    later = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (journal,) = journal_dir().glob("*.jsonl")
        header, rest = journal.read_bytes().split(b"\n", 1)
        fields = json.loads(header)
        fields["pid"] = later.pid
        fields["started"] = (datetime.now().astimezone() - timedelta(hours=1)).isoformat()
        journal.write_bytes(json.dumps(fields).encode() + b"\n" + rest)
        basis = by_name(library.scan(settings), "basis.toml")
        assert (basis.open_elsewhere, basis.unsaved) == (0, 1)
    finally:
        later.kill()
        later.wait()


def test_the_short_status_keeps_the_direction_the_year_and_the_amount(settings: Settings) -> None:
    entries = library.scan(settings)
    assert by_name(entries, "basis.toml").short_status == "▲ 2017 +250.000"
    assert by_name(entries, "kapot.toml").short_status == "kan niet laden"


def test_a_served_library_neither_reads_nor_opens_a_link_that_leads_out(
    settings: Settings, tmp_path: Path
) -> None:
    """Over SSH (confined) the served folders are all an adviser may reach: a link planted
    in a team folder is listed with its problem, and its target is never read."""
    outside = tmp_path / "elders.toml"
    shutil.copyfile(BUNDLED, outside)
    team = settings.shared[0]
    os.symlink(outside, team / "uit.toml")
    os.symlink(team / "basis.toml", team / "binnen.toml")  # a link within the folder: fine
    served = library.scan(settings._replace(confined=True))
    out = by_name(served, "uit.toml")
    assert out.scenario is None
    assert out.status.startswith("kan niet laden: een koppeling naar een bestand buiten deze map")
    assert by_name(served, "binnen.toml").scenario is not None
    assert by_name(library.scan(settings), "uit.toml").scenario is not None  # on one's own
