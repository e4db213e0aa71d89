"""Every argument of every command says what it is, in both languages; a scenario named
by a short name that is none gets the nearest names (issue 26: ``export``'s FILE,
``--layout`` and ``--dialect`` had no help, ``nrw`` got no suggestion)."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from gebiedsplanner.cli import app_start, commands
from gebiedsplanner.cli.main import main
from gebiedsplanner.i18n import language
from tests.conftest import BUNDLED


def _parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    """The app's parser and every command's, as the command line builds them."""
    made = commands.parser()
    found = [("gebiedsplanner", app_start.parser())]
    for action in made._actions:  # argparse has no public way to its subparsers
        if isinstance(action, argparse._SubParsersAction):
            found += list(action.choices.items())
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_argument_of_every_command_has_a_help_text(lang: str) -> None:
    language.use(lang)
    parsers = _parsers()
    assert {name for name, _ in parsers} >= set(commands.command_names())
    lacking = [
        f"{name} {'/'.join(action.option_strings) or action.dest}"
        for name, parser in parsers
        for action in parser._actions
        if not action.help  # SUPPRESS (an old option kept working) is a help of its own
    ]
    assert lacking == []


def test_export_s_help_says_what_each_argument_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "FILE het scenario: een .toml-bestand, of een naam uit de bibliotheek" in out
    assert "-o OUT, --output OUT het bestand: .csv, of .xlsx voor een Excel-werkmap" in out
    assert "--layout {long,wide} long (standaard): een rij per gebied, post en jaar" in out
    assert "--dialect {standard,nl} standard (standaard): komma's" in out
    assert "het CSV-bestand" not in out


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("nrw", "'nrw-2016-2019'"),  # the beginning of a name
        ("nrw-2106-2019", "'nrw-2016-2019'"),  # a typo
        ("NRW", "'nrw-2016-2019'"),
        ("bas", "'basis' of 'basis-zuid'"),  # the library's
        ("basis-zud.toml", "'basis-zuid' of 'basis'"),  # the closest first
    ],
)
def test_a_short_name_that_is_none_suggests_the_nearest_names(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_user_dirs: Path,
    typed: str,
    suggested: str,
) -> None:
    library = isolated_user_dirs / "data" / "gebiedsplanner" / "scenarios"
    library.mkdir(parents=True)
    for name in ("basis", "basis-zuid"):
        shutil.copyfile(BUNDLED, library / f"{name}.toml")
    monkeypatch.chdir(tmp_path)
    code = main(["summary", typed])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith(f"{typed}: bestand bestaat niet\n    oplossing: bedoelt u {suggested}?")
    # and what it suggests is taken
    first = suggested.split("'")[1]
    assert main(["summary", first]) == 0
    assert capsys.readouterr().out.startswith("NRW basis 2016-2019")


def test_a_name_far_from_every_name_gets_the_usual_fix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "en", "summary", "xyz"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "xyz: file does not exist\n"
        "    fix: check the name and the folder, or choose a scenario file (.toml) that exists\n"
    )


def test_the_app_too_suggests_for_a_name_that_is_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["nrw"]) == 1  # said before any screen is drawn
    assert "oplossing: bedoelt u 'nrw-2016-2019'?" in capsys.readouterr().err


def test_a_library_scenario_by_its_short_name_is_changed_where_it_is(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_user_dirs: Path,
) -> None:
    library = isolated_user_dirs / "data" / "gebiedsplanner" / "scenarios"
    library.mkdir(parents=True)
    shutil.copyfile(BUNDLED, library / "basis.toml")
    here = tmp_path / "hier"
    here.mkdir()
    monkeypatch.chdir(here)
    cells = ["--from", "Pernis/gebiedsopdracht/2017", "--to", "Pernis/couleur_locale/2017"]
    assert main(["move", "basis", *cells, "--amount", "1.000"]) == 0
    assert "Opgeslagen in basis." in capsys.readouterr().out
    assert (library / "basis.toml").read_bytes() != BUNDLED.read_bytes()
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("typed", ["a" * 5_000, "[bold]nrw", "nrw\x1b[31m"])
def test_a_hostile_name_is_said_plainly_without_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["summary", typed]) == 1
    err = capsys.readouterr().err
    assert "Onverwachte fout" not in err and "\x1b" not in err
    assert err.count("oplossing:") == 1
