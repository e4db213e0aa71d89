"""A note per gebied (issue 26): in the file as ``notitie``, read by both readers exactly,
bounded, patched into hand-written files without touching the rest, and changed as any
change is: logged, journaled, undone, recovered, merged and asked about the rights."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from make_scenario import hand_written  # benchmarks/ is on pytest's pythonpath

from gebiedsplanner.core.merge import conflicts, merge
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.rights import NotAllowed, Rights
from gebiedsplanner.core.scenario import (
    NOTE,
    EditError,
    NoteChange,
    Scenario,
    StaleChange,
    contents,
    note_cell,
)
from gebiedsplanner.core.undo import UndoHistory
from gebiedsplanner.editing import journal, leftovers, recovery, storage
from gebiedsplanner.editing.session import EditingSession
from gebiedsplanner.editing.snapshot import Moment, scenario_at
from gebiedsplanner.format import any_form_patch, scenario_patch, scenario_reader, scenario_writer
from gebiedsplanner.i18n import texts
from tests.conftest import BUNDLED
from tests.strategies import note_texts, scenarios

WHEN = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
NOTE_TEXT = 'wacht op "besluit" # gebiedscommissie\nregel 2\t[bold]é\\'


def bundled() -> Scenario:
    return scenario_reader.parse("nrw.toml", BUNDLED.read_bytes())


def noted(scenario: Scenario, gebied: str, note: str) -> Scenario:
    scenario.set_note(gebied, note, who="ayse", when=WHEN)
    return scenario


def fast(raw: bytes) -> Scenario | None:
    """The scenario as the fast reader reads it (``None``: it left the file to tomli)."""
    return scenario_reader._read_as_written("plan.toml", raw.decode())


# -- the file ------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(note_texts)
def test_any_note_round_trips_exactly_through_both_readers(note: str) -> None:
    scenario = noted(bundled(), "Charlois", note)
    raw = scenario_writer.dumps(scenario)
    read = scenario_reader.parse("plan.toml", raw)
    assert read.note("Charlois") == note
    assert contents(read) == contents(scenario)
    quick = fast(raw)  # a file as the program writes it is read the fast way
    assert quick is not None and contents(quick) == contents(scenario)
    assert scenario_writer.dumps(read) == raw


@settings(max_examples=60, deadline=None)
@given(scenarios())
def test_written_scenarios_with_notes_read_back_the_same(scenario: Scenario) -> None:
    raw = scenario_writer.dumps(scenario)
    assert contents(scenario_reader.parse("plan.toml", raw)) == contents(scenario)


def test_the_note_is_written_first_in_the_gebied_table() -> None:
    text = scenario_writer.dumps(noted(bundled(), "Charlois", "wacht")).decode()
    assert '[gebied.Charlois]\nnotitie = "wacht"\ninwoners = 67_000\n' in text
    assert 'action = "note"' in text
    assert 'notes = [\n    { gebied = "Charlois", old = "", new = "wacht" },\n]' in text


def problems_of(raw: bytes) -> list[tuple[str, str, str]]:
    with pytest.raises(ProblemsError) as caught:
        scenario_reader.parse("plan.toml", raw)
    return [(p.place, p.message, p.fix) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"' + "x" * 1_001 + '"', "hoogstens 1.000 tekens lang zijn; deze is 1.001 tekens"),
        ('"piep\\u0007"', "stuurteken (\\x07)"),
        ('"\\u001b[31mrood"', "stuurteken (\\x1b)"),
        ("5", "hier hoort tekst tussen aanhalingstekens, maar er staat een heel getal (5)"),
        ("[1, 2]", "hier hoort tekst tussen aanhalingstekens, maar er staat een lijst"),
    ],
)
def test_a_note_that_cannot_be_is_a_problem_with_place_and_fix(value: str, message: str) -> None:
    text = BUNDLED.read_text().replace(
        "[gebied.Charlois]\n", f"[gebied.Charlois]\nnotitie = {value}\n"
    )
    line = text.splitlines().index(f"notitie = {value}") + 1
    ((place, said, fix),) = problems_of(text.encode())
    assert place == f"gebied.Charlois.notitie (regel {line})"
    assert message in said
    assert fix in (texts.FIX_NOTE, texts.FIX_QUOTE_TEXT)


def test_a_long_note_in_a_file_written_as_the_program_writes_is_a_problem_too() -> None:
    scenario = noted(bundled(), "Charlois", "x" * 1_000)
    raw = scenario_writer.dumps(scenario).replace(b'"' + b"x" * 1_000, b'"' + b"x" * 1_001, 1)
    (problem,) = problems_of(raw)
    assert problem[0].startswith("gebied.Charlois.notitie")


def test_a_note_in_the_log_that_is_not_one_is_a_problem() -> None:
    text = BUNDLED.read_text() + (
        '\n[[log]]\nwhen = 2026-12-08T10:00:00+01:00\nwho = "ayse"\naction = "note"\n'
        'reason = ""\nchanges = []\nnotes = [{ gebied = "Charlois", old = "", new = 5 }]\n'
    )
    ((place, message, fix),) = problems_of(text.encode())
    assert place.startswith("log.1.notes")
    assert (message, fix) == (texts.LOG_NOTE_CHANGE, texts.FIX_LOG)


def test_an_empty_note_is_no_note_and_is_not_written() -> None:
    text = BUNDLED.read_text().replace("[gebied.Charlois]\n", '[gebied.Charlois]\nnotitie = ""\n')
    scenario = scenario_reader.parse("plan.toml", text.encode())
    assert scenario.note("Charlois") == ""
    assert b"notitie =" not in scenario_writer.dumps(scenario)


# -- saving keeps what the user wrote ---------------------------------------------------

COMMENTED = (
    BUNDLED.read_text()
    .replace("[gebied.Charlois]\n", "[gebied.Charlois]  # het zuiden\n")
    .replace(
        "[gebied.Noord.couleur_locale]\n",
        "# Noord: zonder inwoners\n[gebied.Noord.couleur_locale]\n",
    )
    .replace("[gebied.Noord]\ninwoners = 51_000\n\n", "")
)


def saved_steps(text: str, steps: list[tuple[str, str]]) -> list[str]:
    """``text`` saved after each note change in turn (each save patching the one before)."""
    saved = []
    for gebied, note in steps:
        scenario = noted(scenario_reader.parse("plan.toml", text.encode()), gebied, note)
        patched = scenario_patch.patch(text.encode(), scenario)
        assert patched is not None, (gebied, note)
        assert contents(scenario_reader.parse("plan.toml", patched)) == contents(scenario)
        text = patched.decode()
        saved.append(text)
    return saved


def before_log(text: str) -> str:
    return text.partition("\n[[log]]")[0].rstrip("\n")


@pytest.mark.parametrize("start", [BUNDLED.read_text(), COMMENTED], ids=["written", "commented"])
def test_a_note_comes_changes_and_goes_with_nothing_else_in_the_file_changed(start: str) -> None:
    assert "[gebied.Noord]" not in COMMENTED
    added, changed, removed = saved_steps(
        start, [("Charlois", NOTE_TEXT), ("Charlois", "anders"), ("Charlois", "")]
    )
    line = 'notitie = "wacht op \\"besluit\\" # gebiedscommissie\\nregel 2\t[bold]é\\\\"\n'
    assert before_log(added).replace(line, "") == before_log(start)
    assert before_log(changed).replace('notitie = "anders"\n', "") == before_log(start)
    assert before_log(removed) == before_log(start)
    assert "# het zuiden" in removed or start is not COMMENTED
    # A gebied without a table of its own gets one, before its first post, and loses it.
    added, removed = saved_steps(start, [("Noord", "n"), ("Noord", "")])
    if start is COMMENTED:
        own = '# Noord: zonder inwoners\n[gebied.Noord]\nnotitie = "n"\n\n[gebied.Noord.'
        assert own in added
    assert before_log(removed) == before_log(start)


def test_a_file_as_written_stays_as_written_when_notes_change() -> None:
    raw = scenario_writer.dumps(bundled())
    for step in saved_steps(raw.decode(), [("Charlois", "a"), ("Centrum", "b"), ("Charlois", "")]):
        assert fast(step.encode()) is not None


def test_dotted_keys_and_inline_tables_keep_their_comments_when_notes_change() -> None:
    text = hand_written(noted(bundled(), "Charlois", "oud"))  # a comment after each post
    assert 'gebied.Charlois.notitie = "oud"' in text
    for gebied, note, line in (
        ("Charlois", "nieuw", 'gebied.Charlois.notitie = "nieuw"'),
        ("Noord", "erbij", 'notitie = "erbij"'),
        ("Charlois", "", None),
    ):
        scenario = noted(scenario_reader.parse("plan.toml", text.encode()), gebied, note)
        assert scenario_patch.patch(text.encode(), scenario) is None  # a form it leaves
        patched = any_form_patch.patch(text.encode(), scenario)
        assert patched is not None
        assert contents(scenario_reader.parse("plan.toml", patched)) == contents(scenario)
        text = patched.decode()
        assert text.count("# bedrag") == 3 * len(scenario.gebieden)
        assert line is None or line in text
    assert "Charlois.notitie" not in text


# -- the change ---------------------------------------------------------------------------


def test_a_note_that_cannot_be_is_refused_and_nothing_changes() -> None:
    scenario = bundled()
    for note, said in (("x" * 1_001, "1.000"), ("a\x1bb", "\\x1b"), ("\ud800", "\\ud800")):
        with pytest.raises(EditError, match=said.replace("\\", "\\\\")):
            scenario.set_note("Charlois", note, who="a", when=WHEN)
    with pytest.raises(EditError, match="Onbekend gebied"):
        scenario.set_note("Nergens", "x", who="a", when=WHEN)
    assert scenario.log == [] and scenario.note("Charlois") == ""


def test_undo_and_redo_of_a_note() -> None:
    scenario, history = bundled(), UndoHistory()
    history.record(noted(scenario, "Charlois", "eerst").log[-1])
    history.record(noted(scenario, "Charlois", "dan").log[-1])
    undone = history.undo(scenario, who="a", when=WHEN)
    assert undone is not None and undone.notes == (NoteChange("Charlois", "dan", "eerst"),)
    assert undone.reason == "notitie ongedaan gemaakt"
    assert scenario.note("Charlois") == "eerst"
    history.undo(scenario, who="a", when=WHEN)
    assert scenario.note("Charlois") == ""
    history.redo(scenario, who="a", when=WHEN)
    assert scenario.note("Charlois") == "eerst"
    scenario.gebieden["Charlois"].note = "iemand anders"  # a merged save changed it since
    with pytest.raises(StaleChange, match="notitie van Charlois"):
        history.redo(scenario, who="a", when=WHEN)


def test_a_save_writes_the_note_of_its_moment() -> None:
    scenario = noted(bundled(), "Charlois", "bij ctrl+s")
    moment = Moment.now(scenario)
    noted(scenario, "Charlois", "daarna getypt")
    assert scenario_at(moment).note("Charlois") == "bij ctrl+s"


def test_two_advisers_notes_merge_as_cells_do() -> None:
    base = bundled()
    ours = noted(noted(bundled(), "Charlois", "mijn"), "Noord", "alleen ik")
    theirs = noted(noted(bundled(), "Charlois", "hun"), "Delfshaven", "alleen zij")
    (conflict,) = conflicts(base, ours, theirs)
    assert (conflict.cell, conflict.base, conflict.ours, conflict.theirs) == (
        note_cell("Charlois"),
        "",
        "mijn",
        "hun",
    )
    kept_theirs = merge(base, ours, noted(noted(bundled(), "Charlois", "hun"), "Delfshaven", "z"))
    assert kept_theirs.scenario.note("Charlois") == "hun"
    assert kept_theirs.scenario.note("Noord") == "alleen ik"
    assert kept_theirs.scenario.note("Delfshaven") == "z"
    kept_ours = merge(base, ours, theirs, {note_cell("Charlois"): True})
    assert kept_ours.scenario.note("Charlois") == "mijn"
    assert kept_ours.scenario.log[-2].notes == (NoteChange("Charlois", "hun", "mijn"),)


# -- the session: journal, recovery, rights ------------------------------------------------


def test_a_note_is_journaled_and_recovered_after_a_crash(scenario_file: Path) -> None:
    session = EditingSession(storage.load(scenario_file))
    change = session.set_note("Charlois", f"  {NOTE_TEXT}  ")
    assert change is not None and change.entry.action == NOTE
    assert session.set_note("Charlois", NOTE_TEXT) is None  # the same note: no change
    session.close()  # killed: the journal stays
    (path,) = journal.journal_dir().glob("*.jsonl")
    last = json.loads(path.read_bytes().splitlines()[-1])
    assert last["notes"] == [["Charlois", "", NOTE_TEXT]]
    found = leftovers.read_leftover(path, path.read_bytes())
    assert found.entries[-1].notes == (NoteChange("Charlois", "", NOTE_TEXT),)
    found.release()
    again = EditingSession(storage.load(scenario_file))
    outcome = recovery.recover(again, recovery.look_for(again), [scenario_file.parent])
    assert not isinstance(outcome, recovery.Undecided)
    assert again.scenario.note("Charlois") == NOTE_TEXT


def test_a_damaged_note_in_a_journal_is_not_recovered() -> None:
    line = {"when": WHEN.isoformat(), "who": "a", "action": "note", "reason": "", "changes": []}
    for notes in ([["Charlois", "", "a\x1bb"]], [["Charlois", ""]], "x", [["", "", "x"]]):
        assert leftovers._entry_from(line | {"notes": notes}) is None
    assert leftovers._entry_from(line | {"notes": [["Charlois", "", "x"]]}) is not None


def test_the_rights_go_for_notes_too(scenario_file: Path) -> None:
    for rights, said in (
        (Rights(read_only=True), "alleen lezen"),
        (Rights(gebieden=frozenset({"Noord"})), "u mag alleen Noord wijzigen"),
    ):
        session = EditingSession(storage.load(scenario_file), rights)
        with pytest.raises(NotAllowed, match=said):
            session.set_note("Charlois", "x")
        assert session.scenario.note("Charlois") == "" and not session.dirty
    own = EditingSession(storage.load(scenario_file), Rights(gebieden=frozenset({"Noord"})))
    assert own.set_note("Noord", "mag") is not None


# -- exports --------------------------------------------------------------------------------

HOSTILE_NOTE = "=HYPERLINK(\"http://x\",\"klik\") <script>alert(1)</script> [bold]\nregel 2"


def test_the_workbook_has_a_column_of_notes_after_the_table() -> None:
    import io

    import openpyxl

    from gebiedsplanner.exports.workbook import plan_workbook

    scenario = noted(noted(bundled(), "Charlois", NOTE_TEXT), "Noord", HOSTILE_NOTE)
    for wide, rows_per_gebied in ((False, 1), (True, 3)):
        book = openpyxl.load_workbook(io.BytesIO(plan_workbook(scenario, wide=wide)))
        plan = book["Plan"]
        header = [cell.value for cell in plan[1]]
        assert header[-1] == "Notitie"
        notes: dict[str, list[object]] = {}
        for row in plan.iter_rows(min_row=2, max_row=plan.max_row - 1):
            notes.setdefault(str(row[0].value), []).append(row[-1].value)
        assert notes["Charlois"] == [NOTE_TEXT] * rows_per_gebied
        assert notes["Centrum"] == [None] * rows_per_gebied
        cell = next(r[-1] for r in plan.iter_rows(min_row=2) if r[0].value == "Noord")
        assert cell.value == HOSTILE_NOTE and cell.data_type == "s" and cell.hyperlink is None
        totals = [cell.value for cell in plan[plan.max_row]]
        assert totals[0] == "Totaal" and totals[-1] is None  # notes are not summed
        assert str(totals[-2]).startswith("=SUM(")
    without = openpyxl.load_workbook(io.BytesIO(plan_workbook(bundled())))
    assert "Notitie" not in [cell.value for cell in without["Plan"][1]]


def test_the_report_shows_each_note_escaped_under_its_gebied() -> None:
    from gebiedsplanner.exports.html_report import report_html

    page = report_html(noted(bundled(), "Noord", HOSTILE_NOTE)).decode()
    assert (
        "<p><b>Notitie:</b> =HYPERLINK(&quot;http://x&quot;,&quot;klik&quot;) "
        "&lt;script&gt;alert(1)&lt;/script&gt; [bold]<br>regel 2</p>"
    ) in page
    assert "<script>" not in page
    assert page.index("Notitie:") > page.index("<th>Noord</th>")
    assert "Notitie:" not in report_html(bundled()).decode()


# -- the command line -------------------------------------------------------------------------


def test_the_note_command_sets_and_removes_a_note_under_the_lock(
    scenario_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gebiedsplanner.cli.main import main

    file = str(scenario_file)
    assert main(["note", file, "charlois", f" {NOTE_TEXT} "]) == 0
    assert capsys.readouterr().out == f"Notitie bij Charlois opgeslagen in {file}.\n"
    saved = storage.load(scenario_file).scenario
    assert saved.note("Charlois") == NOTE_TEXT and saved.log[-1].who
    before = scenario_file.read_bytes()
    assert main(["note", file, "Charlois", NOTE_TEXT]) == 0
    assert "niet gewijzigd" in capsys.readouterr().out and scenario_file.read_bytes() == before
    for gebied, text, said in (
        ("Nergens", "x", "GEBIED: Onbekend gebied 'Nergens'"),
        ("stedelijk", "x", "GEBIED: Onbekend gebied 'stedelijk'"),
        ("Noord", "a\x1b[31mb", "TEKST: een notitie kan geen stuurteken (\\x1b) bevatten"),
        ("Noord", "x" * 1_001, "TEKST: een notitie mag hoogstens 1.000 tekens lang zijn"),
    ):
        assert main(["note", file, gebied, text]) == 1
        assert said in capsys.readouterr().err
    assert scenario_file.read_bytes() == before
    assert main(["note", file, "Charlois", ""]) == 0
    assert "weggehaald" in capsys.readouterr().out
    assert storage.load(scenario_file).scenario.note("Charlois") == ""


def test_note_log_entries_are_written_one_way_whatever_their_length() -> None:
    """A note over 100 characters was logged as ``[[log.notes]]`` tables, a short one as
    ``notes = [...]``: one file held both (issue 26). The writer and both patchers write
    the inline form, and it reads back the same."""
    long = "wacht op besluit gebiedscommissie " * 4
    scenario = noted(noted(bundled(), "Charlois", long), "Noord", "kort")
    raw = scenario_writer.dumps(scenario)
    text = raw.decode()
    assert "[[log.notes]]" not in text and "[[log.changes]]" not in text
    assert f'notes = [\n    {{ gebied = "Charlois", old = "", new = "{long}" }},\n]' in text
    assert 'notes = [\n    { gebied = "Noord", old = "", new = "kort" },\n]' in text
    read = scenario_reader.parse("plan.toml", raw)
    assert read.log == scenario.log
    assert scenario_writer.dumps(read) == raw
    # Saved again by each patcher, a third note appended the same way.
    for patcher in (scenario_patch.patch, any_form_patch.patch):
        again = noted(scenario_reader.parse("plan.toml", raw), "Pernis", long)
        patched = patcher(raw, again)
        assert patched is not None
        assert b"[[log.notes]]" not in patched
        assert patched.count(b"notes = [\n") == 3
        assert scenario_reader.parse("plan.toml", patched).log == again.log
