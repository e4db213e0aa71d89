"""The TOML format: load -> save -> load is identity, writes are stable, bad files are named."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings

from gebiedsplanner.core import scenario as model
from gebiedsplanner.core import tools
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import COULEUR_LOCALE, GEBIEDSOPDRACHT, Cell, Scenario
from gebiedsplanner.editing import storage
from gebiedsplanner.format import model_builders, scenario_reader, scenario_writer
from gebiedsplanner.i18n import texts
from tests.conftest import BUNDLED, save, snapshot
from tests.strategies import scenarios


def test_writing_the_bundled_example_anew_reproduces_its_bytes_less_its_comment() -> None:
    """Byte for byte, but for the comment on the illustrative rules: tomli-w writes none.

    A save patches the file's own text and keeps the comment (``test_keep_layout``);
    this full rewrite is what a save falls back to for a form it does not patch.
    """
    raw = BUNDLED.read_bytes()
    lines = raw.splitlines(keepends=True)
    comments = [line for line in lines if line.startswith(b"#")]
    assert comments and b"illustratief" in comments[0]
    written = scenario_writer.dumps(scenario_reader.parse("nrw", raw))
    assert written == b"".join(line for line in lines if not line.startswith(b"#"))
    assert b"\n[beleid]\nmin_couleur_locale_pct = 4.9\n" in written


@settings(max_examples=60)
@given(scenarios())
def test_load_save_load_is_identity(scenario: Scenario) -> None:
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    first = next(iter(scenario.gebieden))
    year = scenario.years[0]
    scenario.move(
        Cell(first, GEBIEDSOPDRACHT, year),
        Cell(first, COULEUR_LOCALE, year),
        1,
        who="w\x1b[31m",
        when=when,
        reason='"quoted" [b]',
    ) if scenario.gebieden[first].posts[GEBIEDSOPDRACHT][year] else None
    data = scenario_writer.dumps(scenario)
    again = scenario_reader.parse("x.toml", data)
    assert snapshot(again) == snapshot(scenario)
    assert scenario_writer.dumps(again) == data


def _no_floats(value: object) -> bool:
    if isinstance(value, float):
        return False
    if isinstance(value, dict):
        return all(_no_floats(v) for v in value.values())
    if isinstance(value, list):
        return all(_no_floats(v) for v in value)
    return True


@given(scenarios())
def test_no_float_anywhere_in_a_written_file(scenario: Scenario) -> None:
    assert _no_floats(tomllib.loads(scenario_writer.dumps(scenario).decode()))


def test_amounts_are_written_with_digit_groups() -> None:
    text = BUNDLED.read_text()
    assert "2017 = 57_931_000" in text


def test_reader_accepts_any_toml_equivalent_layout() -> None:
    text = """
format = 1
name = "Klein"
envelope = { 2020 = 100 }
taakstelling = { 2020 = -10 }
gebied.A.couleur_locale = { 2020 = 50 }
gebied.A.gebiedsopdracht."2020" = 60
gebied.A.taakstelling = { 2020 = -10 }
"""
    scenario = scenario_reader.parse("klein.toml", text.encode())
    assert scenario.totals(2020).planned == 100


GOOD = BUNDLED.read_text()


def broken(old: str, new: str) -> bytes:
    assert old in GOOD
    return GOOD.replace(old, new, 1).encode()


@pytest.mark.parametrize(
    ("raw", "place", "says"),
    [
        (b"", "", "leeg"),
        (b"\x00\x01\x02binary", "", "geen tekstbestand"),
        (GOOD.encode().replace(b"Centrum", b"Centr\xfcm", 1), "regel", "UTF-8"),
        (broken("name = ", "name = = "), "regel 2, kolom", "TOML-syntaxfout"),
        (broken("format = 1", "format = 2"), "format", "formaatversie 2"),
        (broken("format = 1\n", ""), "format", "ontbreekt"),
        (
            broken("2017 = 122_000", "2017 = 122000.5"),
            "gebied.Centrum.couleur_locale.2017",
            "kommagetal",
        ),
        (
            broken("2017 = 122_000", '2017 = "122.000"'),
            "gebied.Centrum.couleur_locale.2017",
            "tekst",
        ),
        (
            broken("2017 = 122_000", "2017 = true"),
            "gebied.Centrum.couleur_locale.2017",
            "waar/onwaar",
        ),
        (
            broken("2017 = 122_000", "2017 = 5_000_000_000_000"),
            "gebied.Centrum.couleur_locale.2017",
            "tikfout",
        ),
        (broken("2017 = 122_000\n", ""), "gebied.Centrum.couleur_locale", "jaar 2017 ontbreekt"),
        (
            broken("2017 = 122_000\n", "2017 = 122_000\n2020 = 1\n"),
            "gebied.Centrum.couleur_locale.2020",
            "niet in de envelope",
        ),
        (
            broken("[gebied.Centrum.couleur_locale]", "[gebied.Centrum.koffie]"),
            "gebied.Centrum.koffie",
            "onbekende sleutel",
        ),
        (
            broken("2017 = -252_000", "2017 = 252_000"),
            "gebied.Centrum.taakstelling.2017",
            "taakstelling",
        ),
        (
            broken("[taakstelling]\n2016 = -1_000_000", "[taakstelling]\n2016 = 1_000_000"),
            "taakstelling.2016",
            "positief",
        ),
        (
            broken("[gebied.Centrum]", "[gebied.stedelijk]").replace(
                b"gebied.Centrum.", b"gebied.stedelijk."
            ),
            "gebied.stedelijk",
            "gereserveerd",
        ),
        (
            broken(
                "[stedelijk.wijkteams]\n2016 = 9_500_000",
                "[stedelijk.wijkteams]\n2016 = -9_500_000",
            ),
            "stedelijk.wijkteams.2016",
            "negatief",
        ),
    ],
)
def test_bad_input_names_the_place_and_the_fix(raw: bytes, place: str, says: str) -> None:
    with pytest.raises(ProblemsError) as caught:
        scenario_reader.parse("plan.toml", raw)
    problems = caught.value.problems
    assert any(says in p.message and place in p.place for p in problems), problems
    assert all(p.file == "plan.toml" and p.fix for p in problems)


def test_a_stedelijk_post_named_with_a_slash_is_a_problem() -> None:
    """Its change-log address ``stedelijk/a/b/2017`` would read back as post ``b`` of
    gebied ``stedelijk/a``: another cell, so undo, merge and recovery would miss it."""
    raw = broken("[stedelijk.wijkteams]", '[stedelijk."wijk/teams"]')
    with pytest.raises(ProblemsError) as caught:
        scenario_reader.parse("plan.toml", raw)
    (problem,) = caught.value.problems
    line = raw.decode().splitlines().index('[stedelijk."wijk/teams"]') + 1
    assert problem.place == f"stedelijk.wijk/teams (regel {line})"
    assert (problem.message, problem.fix) == (texts.SLASH_IN_POST, texts.FIX_RENAME_POST)


def test_a_stedelijk_post_without_a_name_is_a_problem() -> None:
    """Its change-log address ``stedelijk//2017`` would not read back at all."""
    raw = broken("[stedelijk.wijkteams]", '[stedelijk.""]')
    with pytest.raises(ProblemsError) as caught:
        scenario_reader.parse("plan.toml", raw)
    (problem,) = caught.value.problems
    assert (problem.message, problem.fix) == (texts.EMPTY_POST_NAME, texts.FIX_NAME_POST)


def test_an_edit_of_a_gebied_named_with_a_slash_round_trips_with_its_log_entry(
    tmp_path: Path,
) -> None:
    """Gebied names may hold ``/``: an address is split from the right (GEBIED/POST/JAAR)."""
    path = tmp_path / "plan.toml"
    path.write_bytes(GOOD.replace("gebied.Centrum", 'gebied."Centrum/Oost"').encode())
    cell = Cell("Centrum/Oost", COULEUR_LOCALE, 2017)
    document = storage.load(path)
    document.scenario.set_amount(
        cell, 150_000, who="ayse", when=datetime(2026, 1, 2, tzinfo=UTC), reason="a/b"
    )
    save(document)
    again = storage.load(path).scenario
    assert again.amount(cell) == 150_000
    (change,) = again.log[-1].changes
    assert (change.cell, change.old, change.new) == (cell, 122_000, 150_000)
    assert model_builders.parse_address(cell.address) == cell


def test_place_includes_the_line_number() -> None:
    raw = broken("2017 = 122_000", "2017 = 122000.5")
    with pytest.raises(ProblemsError) as caught:
        scenario_reader.parse("plan.toml", raw)
    line = raw.decode().splitlines().index("2017 = 122000.5") + 1
    assert f"(regel {line})" in caught.value.problems[0].place


def test_a_bom_is_accepted() -> None:
    scenario = scenario_reader.parse("bom.toml", b"\xef\xbb\xbf" + GOOD.encode())
    assert len(scenario.gebieden) == 14


def test_every_problem_is_reported_at_once() -> None:
    raw = (
        broken("2017 = 122_000", "2017 = 1.5")
        .decode()
        .replace("2018 = 138_000", '2018 = "x"')
        .encode()
    )
    with pytest.raises(ProblemsError) as caught:
        scenario_reader.parse("plan.toml", raw)
    assert len(caught.value.problems) == 2


def test_the_change_log_stores_action_codes_and_reads_the_dutch_words_of_older_files() -> None:
    entry = (
        '\n[[log]]\nwhen = 2026-11-20T10:00:00+01:00\nwho = "ayse"\naction = "{action}"\n'
        'reason = ""\nchanges = [{{ cell = "Charlois/couleur_locale/2017", '
        "old = {old}, new = {new} }}]\n"
    )
    older = BUNDLED.read_text() + entry.format(action="verschuiving", old=247_000, new=5)
    older += entry.format(action="iets nieuws", old=5, new=6)
    scenario = scenario_reader.parse("oud.toml", older.encode())
    assert [entry.action for entry in scenario.log] == ["move", "iets nieuws"]
    written = scenario_writer.dumps(scenario).decode()
    assert 'action = "move"' in written and "verschuiving" not in written
    assert 'action = "iets nieuws"' in written  # a newer file's code is kept as it is
    codes = {model.EDIT, model.MOVE, model.UNDO, model.REDO, model.NOTE, *tools.CODES}
    assert codes == set(texts.ACTION_LABELS)
