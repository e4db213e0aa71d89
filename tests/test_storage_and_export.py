"""Files on disk: atomic writes, colleagues' changes, unwritable folders, CSV output."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.disk.writing import write_new
from gebiedsplanner.editing import storage
from gebiedsplanner.exports.csv_export import Dialect, Layout, export, rows_to_csv, to_csv_bytes
from gebiedsplanner.settings.locations import file_name_for
from tests.conftest import files_beside, save


def test_save_writes_atomically_and_leaves_no_temp_files(scenario_file: Path) -> None:
    document = storage.load(scenario_file)
    document.scenario.set_amount(
        Cell("Noord", "couleur_locale", 2017),
        200_000,
        who="a",
        when=datetime(2026, 1, 1, tzinfo=UTC),
    )
    save(document)
    assert (
        storage.load(scenario_file).scenario.amount(Cell("Noord", "couleur_locale", 2017))
        == 200_000
    )
    assert files_beside(scenario_file) == ["nrw.toml"]


def test_save_never_overwrites_a_colleagues_change(scenario_file: Path) -> None:
    document = storage.load(scenario_file)
    colleague = scenario_file.read_text().replace("format = 1", "format = 1\n# collega", 1)
    scenario_file.write_text(colleague)
    result, _ = storage.save_in_place(document)
    assert result == storage.Changed(colleague.encode())
    assert scenario_file.read_text() == colleague


def test_read_only_folder_is_a_clear_problem(scenario_file: Path) -> None:
    document = storage.load(scenario_file)
    folder = scenario_file.parent
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user can write anywhere (root)")
        with pytest.raises(ProblemsError) as caught:
            save(document)
        assert "schrijfrechten" in caught.value.problems[0].message
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    ("code", "says"), [(errno.ENOSPC, "schijf is vol"), (errno.EROFS, "schrijfrechten")]
)
def test_failed_write_keeps_the_old_file_and_says_why(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch, code: int, says: str
) -> None:
    before = scenario_file.read_bytes()
    document = storage.load(scenario_file)

    def failing_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ProblemsError, match=says):
        save(document)
    assert scenario_file.read_bytes() == before
    assert files_beside(scenario_file) == ["nrw.toml"]


def test_write_new_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.toml"
    target.write_text("x")
    with pytest.raises(ProblemsError, match="bestaat al"):
        write_new(target, b"y")


@pytest.mark.parametrize(
    ("path_kind", "says"),
    [("missing", "bestaat niet"), ("folder", "map")],
)
def test_missing_file_or_folder(tmp_path: Path, path_kind: str, says: str) -> None:
    path = tmp_path / "x.toml"
    if path_kind == "folder":
        path.mkdir()
    with pytest.raises(ProblemsError, match=says):
        storage.load(path)


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    with pytest.raises(ProblemsError, match="koppelingen"):
        storage.load(loop)


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("Variant extra couleur locale", "variant-extra-couleur-locale.toml"),
        ("Überplan 2", "uberplan-2.toml"),
    ],
)
def test_file_names_for_save_as(name: str, file: str) -> None:
    assert file_name_for(name) == file


@pytest.mark.parametrize("name", ["../evil", "a/b", "...", "\x1b\x07", ""])
def test_save_as_names_cannot_escape_the_library(name: str) -> None:
    with pytest.raises(ValueError):
        file_name_for(name)


def test_export_long_standard(scenario_file: Path, tmp_path: Path) -> None:
    scenario = storage.load(scenario_file).scenario
    out = tmp_path / "plan.csv"
    rows = export(scenario, out, Layout.LONG, Dialect.STANDARD)
    lines = out.read_text().splitlines()
    assert rows == 14 * 3 * 4 + 3 * 4 == len(lines) - 1
    assert lines[0] == "scenario,gebied,post,jaar,bedrag"
    assert "NRW basis 2016-2019,Charlois,gebiedsopdracht,2017,4423000" in lines
    assert "NRW basis 2016-2019,stedelijk,wijkteams,2016,9500000" in lines


def test_export_wide_nl_for_dutch_excel(scenario_file: Path, tmp_path: Path) -> None:
    scenario = storage.load(scenario_file).scenario
    out = tmp_path / "plan.csv"
    export(scenario, out, Layout.WIDE, Dialect.NL)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw[3:].decode().splitlines()
    assert lines[0] == "scenario;gebied;post;2016;2017;2018;2019"
    assert "NRW basis 2016-2019;Charlois;couleur_locale;226000;247000;280000;301000" in lines


def test_export_neutralises_formulas(scenario_file: Path, tmp_path: Path) -> None:
    scenario = storage.load(scenario_file).scenario
    scenario.name = '=HYPERLINK("http://x")'
    scenario.gebieden["@Noord"] = scenario.gebieden.pop("Noord")
    scenario.gebieden["@Noord"].name = "@Noord"
    out = tmp_path / "plan.csv"
    export(scenario, out, Layout.LONG, Dialect.STANDARD)
    text = out.read_text()
    assert "\n=" not in text and ",=" not in text and ",@" not in text
    assert "'=HYPERLINK" in text and ",'@Noord," in text


#: Texts a spreadsheet trims and then runs as a formula, and what each must become.
HIDDEN_FORMULAS = {
    '  =HYPERLINK("http://x")': '\'  =HYPERLINK("http://x")',
    "\x01+31 Noord": "'\x01+31 Noord",
    " \t-Zuid": "' \t-Zuid",
    "\u00a0@SUM(A1)": "'\u00a0@SUM(A1)",
    "Noord = 1": "Noord = 1",
    "  Charlois": "  Charlois",
}


def test_a_formula_behind_spaces_or_control_characters_is_neutralised_in_both_writers(
    tmp_path: Path,
) -> None:
    """The plan's CSV (polars) and the comparison's (plain) apply one rule."""
    import polars as pl

    names = list(HIDDEN_FORMULAS)
    framed = to_csv_bytes(pl.DataFrame({"gebied": names}), Dialect.STANDARD).decode()
    plain = rows_to_csv(["gebied"], [[name] for name in names], Dialect.STANDARD).decode()
    assert framed == plain
    cells = [line.strip('"').replace('""', '"') for line in plain.splitlines()[1:]]
    assert cells == list(HIDDEN_FORMULAS.values())
