"""Never lose an edit: the journal per session, recovery of every ended session, saves
that end halfway, two windows of one adviser, and journals that cannot be read."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import journal, recovery, storage
from gebiedsplanner.editing.session import (
    Busy,
    EditingSession,
    Gone,
    PendingMerge,
    Saved,
    SaveJob,
)
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings.locations import load_settings
from gebiedsplanner.ui.app import PlannerApp
from tests.conftest import BUNDLED, files_beside, save
from tests.pilot_helpers import screen_text, shown

WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CELL = Cell("Noord", "couleur_locale", 2017)
OTHER = Cell("Charlois", "gebiedsopdracht", 2017)


def session_on(path: Path) -> EditingSession:
    return EditingSession(storage.load(path))


def killed(session: EditingSession) -> None:
    """The process ends without saving (kill -9, a dropped link): its journal stays."""
    session.close()


def recovered(path: Path, keep_recovered: bool = True) -> EditingSession:
    """A new session on ``path`` that recovers every leftover, deciding shared cells."""
    session = session_on(path)
    outcome = recovery.recover(session, recovery.look_for(session), [path.parent])
    while isinstance(outcome, recovery.Undecided):
        keep = {conflict.cell: keep_recovered for conflict in outcome.found}
        outcome = recovery.recover(session, outcome.pending, [path.parent], keep, outcome.so_far)
    return session


def journal_after_crash(session: EditingSession) -> Path:
    """The session is killed; the one journal it leaves behind."""
    killed(session)
    (path,) = journal.journal_dir().glob("*.jsonl")
    return path


def journals() -> list[str]:
    return (
        sorted(p.name for p in journal.journal_dir().iterdir())
        if journal.journal_dir().exists()
        else []
    )


def save_now(session: EditingSession) -> Saved:
    job = session.begin_save()
    assert isinstance(job, SaveJob)
    outcome = session.finish_save(job, job.run())
    assert isinstance(outcome, Saved), outcome
    return outcome


# -- one session --------------------------------------------------------------------


def test_the_journal_holds_exactly_the_unsaved_changes(scenario_file: Path) -> None:
    session = session_on(scenario_file)
    for value in (1, 2, 3):
        session.edit(CELL, value, "")
    job = session.begin_save()
    assert isinstance(job, SaveJob)
    session.edit(CELL, 4, "tijdens het opslaan")  # made while the save runs
    assert isinstance(session.finish_save(job, job.run()), Saved)
    killed(session)

    (found,) = recovery.look_for(session_on(scenario_file))
    assert [entry.changes[0].new for entry in found.leftover.entries] == [4]
    assert found.ours.amount(CELL) == 4
    recovery.release([found])


def test_a_clean_save_and_close_leaves_no_journal(scenario_file: Path) -> None:
    session = session_on(scenario_file)
    session.begin()
    session.edit(CELL, 7, "")
    save_now(session)
    session.close()
    assert journals() == []


def test_the_first_edit_does_not_write_the_base_when_the_session_began(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy of the file is written when the session begins; the edit only appends."""
    session = session_on(scenario_file)
    session.begin()
    session.edit(CELL, 1, "")  # waits for the background start if it is still busy
    created: list[object] = []
    monkeypatch.setattr(journal.Journal, "create", lambda *args: created.append(args))
    session.edit(CELL, 2, "")
    assert created == []
    killed(session)
    assert recovered(scenario_file).scenario.amount(CELL) == 2


def test_recovery_puts_back_exactly_what_was_on_screen(scenario_file: Path) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "eerste")
    session.move(OTHER, CELL, 1_000, "tweede")
    shown_log = list(session.scenario.log)
    killed(session)
    again = recovered(scenario_file)
    assert again.scenario.log == shown_log and again.dirty
    save_now(again)
    saved = storage.load(scenario_file).scenario
    assert saved.amount(CELL) == 1_007 and saved.log == shown_log


def test_a_line_cut_short_by_a_crash_loses_only_that_line(scenario_file: Path) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    path = journal_after_crash(session)
    with path.open("ab") as handle:
        handle.write(b'{"when": "2026-11-23T09:0')
    again = recovered(scenario_file)
    assert again.scenario.amount(CELL) == 7


def test_a_journal_cut_inside_a_utf8_character_recovers_every_complete_entry(
    scenario_file: Path,
) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "één")
    session.edit(OTHER, 9, "tweeëntwintig")
    path = journal_after_crash(session)
    raw = path.read_bytes()
    # Entries are written as ASCII now; a format-1 journal or a hand edit has UTF-8:
    # cut the last line inside a character (the first of the two bytes of ë).
    last = raw.rindex(b"twee\\u00ebntwintig")
    path.write_bytes(raw[:last] + "tweeë".encode()[:-1])
    again = recovered(scenario_file)
    assert again.scenario.amount(CELL) == 7
    assert again.scenario.amount(OTHER) != 9
    assert [name for name in journals() if ".beschadigd-" in name]  # kept aside, not deleted


def test_a_damaged_line_in_the_middle_skips_only_what_no_longer_fits(scenario_file: Path) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "a")
    session.edit(OTHER, 9, "b")
    session.edit(CELL, 8, "c")
    path = journal_after_crash(session)
    lines = path.read_bytes().split(b"\n")
    lines[-3] = b"\xff\xfe kapot"  # the entry setting OTHER to 9
    path.write_bytes(b"\n".join(lines))
    session = session_on(scenario_file)
    (found,) = recovery.look_for(session)
    assert found.skipped == 1 and found.changes == 2
    recovery.recover(session, [found], [scenario_file.parent])
    assert session.scenario.amount(CELL) == 8


def test_a_journal_whose_start_is_garbage_recovers_the_entries_that_fit_the_file(
    scenario_file: Path,
) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    path = journal_after_crash(session)
    entry_line = path.read_bytes().rstrip(b"\n").rsplit(b"\n", 1)[1]
    path.write_bytes(b"\x00\x01 rommel\n" + entry_line + b"\n")
    assert recovered(scenario_file).scenario.amount(CELL) == 7


def test_an_unreadable_journal_does_not_swallow_later_edits(scenario_file: Path) -> None:
    """The bad journal is set aside on the next start; new edits go to a fresh one."""
    broken = journal.journal_dir()
    broken.mkdir(parents=True)
    session = session_on(scenario_file)
    key = journal.key(scenario_file)
    (broken / f"{key}.1-dood.jsonl").write_bytes(b"\xff" * 100)
    later = recovered(scenario_file)
    later.edit(CELL, 55, "later")
    killed(later)
    session.close()
    assert recovered(scenario_file).scenario.amount(CELL) == 55
    assert [name for name in journals() if name.startswith(f"{key}.1-dood.jsonl.beschadigd-")]


def test_discarding_keeps_every_journal_aside(scenario_file: Path) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    killed(session)
    pending = recovery.look_for(session_on(scenario_file))
    (aside,) = recovery.discard(pending)
    assert aside.exists() and recovery.look_for(session_on(scenario_file)) == []


@pytest.mark.parametrize("lang", language.LANGUAGES)
def test_a_journal_set_aside_is_named_in_the_ui_language(scenario_file: Path, lang: str) -> None:
    """The message names the file kept: its name says why in the user's words."""
    language.use(lang)
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    killed(session)
    (discarded,) = recovery.discard(recovery.look_for(session_on(scenario_file)))
    assert discarded.name.split(".jsonl.")[1].startswith(f"{texts.JOURNAL_ASIDE['discarded']}-")
    damaged = journal.journal_dir() / f"{journal.key(scenario_file)}.1-dood.jsonl"
    damaged.write_bytes(b"\xff" * 100)
    recovered(scenario_file)
    (kept,) = journal.journal_dir().glob("*.1-dood.jsonl.*")
    assert kept.name.split(".jsonl.")[1].startswith(f"{texts.JOURNAL_ASIDE['damaged']}-")


@pytest.mark.parametrize("lang", language.LANGUAGES)
def test_journals_set_aside_in_any_language_are_never_recovered_or_counted(
    scenario_file: Path, lang: str
) -> None:
    """Older journals set aside with the Dutch word, newer ones with the English one:
    whatever the language now, neither is offered back nor counted as unsaved."""
    from gebiedsplanner.editing import leftovers

    for word in ("weggegooid", "beschadigd", "discarded", "damaged"):
        session = session_on(scenario_file)
        session.edit(CELL, 7, word)
        killed(session)
        (path,) = journal.journal_dir().glob("*.jsonl")
        path.rename(path.with_name(f"{path.name}.{word}-20260101-090000"))
    language.use(lang)
    assert len(journals()) == 4
    assert recovery.look_for(session_on(scenario_file)) == []
    assert leftovers.unsaved_changes([scenario_file]) == {}


def test_the_words_of_a_journal_set_aside_fit_in_a_file_name() -> None:
    for lang in language.LANGUAGES:
        language.use(lang)
        for word in texts.JOURNAL_ASIDE.values():
            assert re.fullmatch("[a-z]+", word), (lang, word)


def test_a_journal_folder_that_cannot_be_written_is_a_message_not_a_crash(
    scenario_file: Path,
) -> None:
    journal.journal_dir().parent.mkdir(parents=True)
    journal.journal_dir().write_text("een bestand waar de map hoort")
    session = session_on(scenario_file)
    session.begin()
    change = session.edit(CELL, 7, "")
    assert change.problems and "herstel-journaal" in str(change.problems[-1])
    assert session.scenario.amount(CELL) == 7  # the change stands
    saved = save_now(session)  # no OSError after the save either
    assert storage.load(scenario_file).scenario.amount(CELL) == 7
    assert saved.problems
    session.close()


# -- two windows of one adviser, colleagues -----------------------------------------


def test_two_windows_on_one_file_keep_their_own_journals(scenario_file: Path) -> None:
    """B's save no longer clears A's journal: A's edit survives A's crash."""
    window_a, window_b = session_on(scenario_file), session_on(scenario_file)
    window_a.edit(CELL, 7, "in venster A")
    window_b.edit(OTHER, 9, "in venster B")
    save_now(window_b)
    window_b.close()
    killed(window_a)
    again = recovered(scenario_file)
    assert again.scenario.amount(CELL) == 7 and again.scenario.amount(OTHER) == 9


def test_both_windows_edit_one_cell_and_die_the_user_chooses(scenario_file: Path) -> None:
    window_a, window_b = session_on(scenario_file), session_on(scenario_file)
    window_a.edit(CELL, 7, "A")
    window_b.edit(CELL, 9, "B")
    killed(window_a)
    killed(window_b)
    session = session_on(scenario_file)
    pending = recovery.look_for(session)
    assert len(pending) == 2 and all(found.skipped == 0 for found in pending)
    outcome = recovery.recover(session, pending, [scenario_file.parent])
    assert isinstance(outcome, recovery.Undecided)
    (conflict,) = outcome.found
    assert {conflict.ours, conflict.theirs} == {7, 9}
    done = recovery.recover(
        session, outcome.pending, [scenario_file.parent], {CELL: True}, outcome.so_far
    )
    assert isinstance(done, recovery.Recovered) and done.changes == 2
    assert session.scenario.amount(CELL) == conflict.ours


def test_a_running_window_s_journal_is_never_offered(scenario_file: Path) -> None:
    window_a = session_on(scenario_file)
    window_a.edit(CELL, 7, "")
    assert recovery.look_for(session_on(scenario_file)) == []
    window_a.close()


def test_a_merged_save_keeps_the_undo_history(scenario_file: Path) -> None:
    ours = session_on(scenario_file)
    ours.edit(CELL, 7, "mijn")
    colleague = storage.load(scenario_file)
    colleague.scenario.set_amount(CELL, 9, who="collega", when=WHEN)
    colleague.scenario.set_amount(OTHER, 1, who="collega", when=WHEN)
    save(colleague)
    job = ours.begin_save()
    assert isinstance(job, SaveJob)
    pending = ours.finish_save(job, job.run())
    assert isinstance(pending, PendingMerge) and [c.cell for c in pending.found] == [CELL]
    merged = ours.resolve(pending, {CELL: True})
    assert isinstance(ours.finish_save(merged, merged.run()), Saved)
    assert ours.history.can_undo
    ours.undo()
    assert ours.scenario.amount(CELL) == 9  # back to the colleague's amount, not to before
    assert ours.scenario.amount(OTHER) == 1


def test_a_second_save_while_one_runs_waits_its_turn(scenario_file: Path) -> None:
    """No merge "with a colleague" that never happened: the second save is queued."""
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    first = session.begin_save()
    assert isinstance(first, SaveJob)
    session.edit(CELL, 8, "")
    assert session.begin_save() == Busy(queued=True)
    outcome = session.finish_save(first, first.run())
    assert isinstance(outcome, Saved) and not outcome.merged and outcome.again
    second = session.begin_save()
    assert isinstance(second, SaveJob)
    outcome = session.finish_save(second, second.run())
    assert isinstance(outcome, Saved) and not outcome.merged and not outcome.again
    assert storage.load(scenario_file).scenario.amount(CELL) == 8


CHILD = """
import asyncio, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from gebiedsplanner.editing import storage
from gebiedsplanner.settings.locations import load_settings
from gebiedsplanner.ui.app import PlannerApp
from tests.pilot_helpers import focused, shown

async def main() -> None:
    app = PlannerApp(storage.load(Path(sys.argv[1])), load_settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"=123.456", "enter")
        await pilot.press("down", "m", *"5.000", "tab")
        await focused(pilot, "#reason")
        await pilot.press(*"voor de crash", "enter")
        await shown(pilot, " 123.456")  # (a policy mark may follow an amount)
        await shown(pilot, " 221.000")  # both edits on screen, so both in the journal
        Path(sys.argv[2]).touch()
        await asyncio.sleep(600)  # until killed

asyncio.run(main())
"""


def run_child_until_ready(scenario_file: Path, ready: Path) -> subprocess.Popen[bytes]:
    root = str(Path(__file__).resolve().parent.parent)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(scenario_file), str(ready), root])
    deadline = time.monotonic() + 60
    while not ready.exists():
        if time.monotonic() > deadline or child.poll() is not None:
            child.kill()
            raise AssertionError("the child app did not make its edits")
        time.sleep(0.05)
    return child


async def test_a_session_killed_with_sigkill_recovers_every_edit(
    scenario_file: Path, tmp_path: Path
) -> None:
    before = scenario_file.read_bytes()
    child = run_child_until_ready(scenario_file, tmp_path / "ready")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert scenario_file.read_bytes() == before  # nothing was saved

    app = PlannerApp(storage.load(scenario_file), load_settings())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        text = await shown(pilot, "Niet-opgeslagen wijzigingen gevonden")
        assert "Er zijn niet-opgeslagen wijzigingen (2)" in " ".join(text.split())
        await pilot.press("w")  # typed on, before the dialog could be read: not an answer
        await shown(pilot, texts.RECOVER_KEYS)
        assert "Niet-opgeslagen wijzigingen gevonden" in screen_text(pilot)
        await pilot.press("t")
        assert "voor de crash" in await shown(pilot, "voor de crash")
        await pilot.press("h")
        await shown(pilot, "2 wijzigingen hersteld")
        shown_lines = screen_text(pilot).replace("!", " ").splitlines()[3:6]  # marks aside
        lines = {line.split()[0]: line.split() for line in shown_lines}
        assert lines["Centrum"][1] == "123.456"
        assert lines["Charlois"][1] == "221.000"
        assert "● niet opgeslagen" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await shown(pilot, "Opgeslagen in")
    saved = storage.load(scenario_file).scenario
    assert saved.amount(Cell("Centrum", "couleur_locale", 2016)) == 123_456
    assert saved.log[-1].reason == "voor de crash"
    assert recovery.look_for(session_on(scenario_file)) == []


async def test_a_second_window_saving_while_the_first_is_killed_loses_nothing(
    scenario_file: Path, tmp_path: Path
) -> None:
    """Window A (another process) edits and is killed after window B saved the file."""
    child = run_child_until_ready(scenario_file, tmp_path / "ready")
    try:
        window_b = session_on(scenario_file)
        assert recovery.look_for(window_b) == []  # A is still running: not a leftover
        window_b.edit(OTHER, 4_000_000, "in venster B")
        save_now(window_b)
        window_b.close()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    app = PlannerApp(storage.load(scenario_file), load_settings())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await shown(pilot, texts.RECOVER_KEYS)
        await pilot.press("h")
        await shown(pilot, "2 wijzigingen hersteld")
        await pilot.press("ctrl+s")
        await shown(pilot, "Opgeslagen in")
    saved = storage.load(scenario_file).scenario
    assert saved.amount(Cell("Centrum", "couleur_locale", 2016)) == 123_456
    assert saved.amount(OTHER) == 4_000_000


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_a_save_interrupted_anywhere_leaves_the_old_or_the_new_file(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str
) -> None:
    before = scenario_file.read_bytes()
    document = storage.load(scenario_file)
    document.scenario.set_amount(CELL, 1, who="a", when=WHEN)

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as patched, pytest.raises(ProblemsError):
        patched.setattr(os, fail_at, boom)
        save(document)
    assert scenario_file.read_bytes() == before
    assert files_beside(scenario_file) == ["nrw.toml"]


def test_a_journal_removed_while_editing_is_started_again_with_every_change(
    scenario_file: Path,
) -> None:
    import shutil

    session = session_on(scenario_file)
    session.edit(CELL, 1, "")
    shutil.rmtree(journal.journal_dir().parent)  # someone cleans up the state dir
    change = session.edit(OTHER, 2, "")
    assert [problem.message for problem in change.problems] == []
    killed(session)
    again = recovered(scenario_file)
    assert again.scenario.amount(CELL) == 1 and again.scenario.amount(OTHER) == 2


def test_a_recovery_that_cannot_be_journaled_keeps_the_old_journal(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while recovering: the leftover journal is all there is, so it stays."""
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    path = journal_after_crash(session)

    def disk_full(*args: object) -> journal.Journal:
        raise ProblemsError([Problem(str(path), "", "de schijf is vol", "ruimte")])

    with monkeypatch.context() as patched:  # only this: the user dirs stay isolated
        patched.setattr(journal.Journal, "create", disk_full)
        again = session_on(scenario_file)
        done = recovery.recover(again, recovery.look_for(again), [scenario_file.parent])
    assert isinstance(done, recovery.Recovered) and done.problems and done.changes == 1
    assert again.scenario.amount(CELL) == 7 and path.exists()
    again.close()
    assert recovered(scenario_file).scenario.amount(CELL) == 7


def test_a_leftover_of_a_changed_shape_with_an_unusable_name_becomes_a_variant(
    scenario_file: Path,
) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    session.scenario.name = "../"
    killed(session)
    text = scenario_file.read_text().replace(
        "[stedelijk.wijkteams]",
        "[stedelijk.extra]\n2016 = 0\n2017 = 0\n2018 = 0\n2019 = 0\n\n[stedelijk.wijkteams]",
        1,
    )
    scenario_file.write_text(text)
    again = session_on(scenario_file)
    done = recovery.recover(again, recovery.look_for(again), [scenario_file.parent])
    assert isinstance(done, recovery.Recovered) and len(done.variants) == 1
    assert storage.load(done.variants[0]).scenario.amount(CELL) == 7
    variant = done.variants[0].read_text()  # the comments of the file the session began with
    assert "# Opslaan, ook als kopie, laat dit commentaar en de regels staan." in variant


def test_names_in_other_encodings_never_stop_an_edit_a_save_or_a_recovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A login name and a folder that are not UTF-8 (Python hands them over with surrogates)."""
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/begroting-\xe9"))
    folder.mkdir()
    path = folder / "plan.toml"
    path.write_bytes(BUNDLED.read_bytes())
    monkeypatch.setenv("LOGNAME", os.fsdecode(b"jan\xe9"))
    session = session_on(path)
    session.edit(CELL, 7, "reden met \ud800 erin")
    killed(session)
    again = recovered(path)
    assert again.scenario.amount(CELL) == 7
    save_now(again)
    entry = storage.load(path).scenario.log[-1]
    assert entry.who == "jan\ufffd" and entry.reason == "reden met \ufffd erin"


def test_a_journal_entry_with_an_escaped_lone_surrogate_recovers_and_saves(
    scenario_file: Path,
) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "gewoon")
    path = journal_after_crash(session)
    path.write_bytes(path.read_bytes().replace(b'"gewoon"', b'"\\ud800"'))
    again = recovered(scenario_file)
    save_now(again)
    assert storage.load(scenario_file).scenario.log[-1].reason == "\ufffd"


def test_a_reason_of_any_length_comes_back(scenario_file: Path) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "toelichting " * 2_000)
    killed(session)
    (found,) = recovery.look_for(session_on(scenario_file))
    assert found.skipped == 0 and found.ours.log[-1].reason.startswith("toelichting")
    recovery.release([found])


def test_a_link_swapped_in_after_opening_never_redirects_the_save(
    scenario_file: Path, tmp_path: Path
) -> None:
    private = tmp_path / "mijn.toml"
    private.write_text(BUNDLED.read_text().replace("NRW basis 2016-2019", "Mijn eigen plan"))
    before = private.read_bytes()
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    scenario_file.rename(tmp_path / "weg.toml")
    scenario_file.symlink_to(private)
    job = session.begin_save()
    assert isinstance(job, SaveJob)
    assert isinstance(session.finish_save(job, job.run()), Gone)
    assert private.read_bytes() == before


def test_a_file_opened_through_a_link_is_saved_through_it_again_and_again(
    scenario_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "koppeling.toml"
    link.symlink_to(scenario_file)
    session = session_on(link)
    for value in (7, 8):
        session.edit(CELL, value, "")
        save_now(session)
    assert link.is_symlink() and storage.load(scenario_file).scenario.amount(CELL) == 8


def test_edits_to_a_file_moved_in_the_shell_while_open_are_recovered_under_its_new_name(
    scenario_file: Path,
) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    moved = scenario_file.with_name("verhuisd.toml")
    scenario_file.rename(moved)
    killed(session)
    assert recovered(moved).scenario.amount(CELL) == 7


def test_edits_of_a_window_killed_after_another_renamed_the_file_come_back(
    scenario_file: Path,
) -> None:
    from gebiedsplanner.library import catalog as library
    from gebiedsplanner.settings import locations

    window_b = session_on(scenario_file)
    window_b.edit(CELL, 42, "in venster B")
    settings = locations.load_settings([str(scenario_file.parent)])
    entry = next(e for e in library.scan(settings) if e.path == scenario_file)
    renamed = library.rename(entry, "Nieuwe naam").path
    killed(window_b)
    again = recovered(renamed)
    assert again.scenario.amount(CELL) == 42 and again.scenario.name == "Nieuwe naam"


def test_an_orphaned_journal_of_another_plan_is_not_offered(
    scenario_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "ander.toml"
    other.write_text(BUNDLED.read_text().replace("NRW basis 2016-2019", "Ander plan"))
    session = session_on(other)
    session.edit(CELL, 7, "")
    killed(session)
    other.unlink()
    assert recovery.look_for(session_on(scenario_file)) == []


def test_an_identical_copy_of_a_deleted_file_is_not_offered_its_edits(
    scenario_file: Path,
) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 7, "")
    killed(session)
    copy = scenario_file.with_name("kopie.toml")
    copy.write_bytes(scenario_file.read_bytes())
    scenario_file.unlink()
    assert recovery.look_for(session_on(copy)) == []


def test_a_journal_write_cut_short_by_a_full_disk_never_spoils_the_next(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    session = session_on(scenario_file)
    session.edit(CELL, 1, "")
    real_pwrite = os.pwrite

    def half_then_full(fd: int, data: object, offset: int) -> int:
        real_pwrite(fd, bytes(data)[:20], offset)  # type: ignore[call-overload]
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "pwrite", half_then_full)
        assert session.edit(CELL, 2, "").problems  # said, and on screen
    session.edit(OTHER, 3, "")  # space again: both 2 and 3 go in, on whole lines
    killed(session)
    (found,) = recovery.look_for(session_on(scenario_file))
    assert found.skipped == 0
    assert found.ours.amount(CELL) == 2 and found.ours.amount(OTHER) == 3
    recovery.release([found])


def test_a_state_folder_moved_away_while_editing_gets_a_new_journal_in_its_place(
    scenario_file: Path,
) -> None:
    session = session_on(scenario_file)
    session.edit(CELL, 1, "")
    state = journal.journal_dir().parent
    state.rename(state.with_name("gebiedsplanner.oud"))
    assert session.edit(OTHER, 2, "").problems == []
    killed(session)
    again = recovered(scenario_file)
    assert again.scenario.amount(CELL) == 1 and again.scenario.amount(OTHER) == 2


def test_a_journal_whose_writing_was_cut_off_by_a_crash_is_swept_away(scenario_file: Path) -> None:
    folder = journal.journal_dir()
    folder.mkdir(parents=True)
    dead = folder / f"{journal.UNFINISHED}dood.tmp"
    dead.write_bytes(b"half")
    os.utime(dead, (time.time() - 3600, time.time() - 3600))
    fresh = folder / f"{journal.UNFINISHED}vers.tmp"
    fresh.write_bytes(b"wordt nog geschreven")
    recovery.look_for(session_on(scenario_file))
    assert not dead.exists() and fresh.exists()


def test_an_absurdly_long_toelichting_is_refused_and_changes_nothing(scenario_file: Path) -> None:
    from gebiedsplanner.core.scenario import EditError

    session = session_on(scenario_file)
    with pytest.raises(EditError, match="plakfout"):
        session.edit(CELL, 7, "x" * 1_100_000)
    assert not session.dirty and session.scenario.amount(CELL) != 7


def test_edits_follow_two_renames_in_a_row(scenario_file: Path) -> None:
    from gebiedsplanner.library import catalog as library
    from gebiedsplanner.settings import locations

    window_b = session_on(scenario_file)
    window_b.edit(CELL, 42, "")
    settings = locations.load_settings([str(scenario_file.parent)])
    for name in ("Tussen", "Eind"):
        entry = next(e for e in library.scan(settings) if e.path.parent == scenario_file.parent)
        library.rename(entry, name)
    killed(window_b)
    assert recovered(scenario_file.with_name("eind.toml")).scenario.amount(CELL) == 42


def test_a_later_plan_made_under_an_old_name_is_not_taken_for_the_renamed_one(
    scenario_file: Path,
) -> None:
    from gebiedsplanner.library import catalog as library
    from gebiedsplanner.settings import locations

    settings = locations.load_settings([str(scenario_file.parent)])
    (entry,) = [e for e in library.scan(settings) if e.path == scenario_file]
    renamed = library.rename(entry, "Oud").path  # before the other session began
    scenario_file.write_text(BUNDLED.read_text().replace("NRW basis 2016-2019", "Nieuw plan"))
    session = session_on(scenario_file)
    session.edit(CELL, 100_000, "")
    killed(session)
    scenario_file.unlink()
    assert recovery.look_for(session_on(renamed)) == []
