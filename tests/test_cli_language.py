"""The command line in English and Dutch: ``--lang``, ``lang`` in the config file, and
argparse's own words in the UI language."""

from __future__ import annotations

import argparse
import inspect
import re
from pathlib import Path

import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.i18n import texts_en
from gebiedsplanner.settings.locations import config_file
from tests.conftest import BUNDLED


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def configure(text: str) -> Path:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_dutch_by_default_and_english_with_lang_before_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "summary", "nrw-2016-2019")
    assert code == 0 and "boven envelope" in out and "over envelope" not in out
    code, out, _ = run(capsys, "--lang", "en", "summary", "nrw-2016-2019")
    assert code == 0 and "over envelope" in out and "boven envelope" not in out
    assert out.splitlines()[1].split()[:4] == ["year", "envelope", "planned", "room"]
    code, out, _ = run(capsys, "--lang=en", "validate", str(BUNDLED))
    assert code == 0 and "policy rule" in out


def test_lang_in_the_config_file_and_the_option_wins(capsys: pytest.CaptureFixture[str]) -> None:
    configure('# mijn instellingen\nlang = "en"\n')
    code, out, _ = run(capsys, "summary", "nrw-2016-2019")
    assert code == 0 and "over envelope" in out
    code, out, _ = run(capsys, "--lang", "nl", "summary", "nrw-2016-2019")
    assert code == 0 and "boven envelope" in out


@pytest.mark.parametrize("value", ['"fr"', "12", "1" * 5_000, "[]"])
def test_a_bad_lang_in_the_config_file_names_the_file_the_place_and_the_fix(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    path = configure(f"lang = {value}\n")
    code, out, err = run(capsys, "summary", "nrw-2016-2019")
    assert code == 1 and out == ""
    if len(value) < 100:
        assert err.startswith(f'{path}: lang: lang moet "nl" of "en" zijn')
        assert 'oplossing: zet lang = "nl" of lang = "en"' in err
    else:  # too large to be read at all: the line, and the config's fix
        assert err.startswith(f"{path}: regel 1: een getal van duizenden cijfers")
        assert "oplossing: herstel of verwijder het configuratiebestand" in err
    assert "int" not in err.split() and "Traceback" not in err
    assert "scenario" not in err and "bedrag" not in err  # a config file is neither


def test_an_unknown_language_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--lang", "fr", "summary", "nrw-2016-2019")
    assert (code, out) == (2, "")
    assert err.strip() == "gebiedsplanner: onbekende taal 'fr'. Kies uit: nl, en."


def test_argparse_speaks_dutch_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_code:
        main(["move", "nrw-2016-2019", "--from", "Charlois/couleur_locale/2017"])
    _, err = capsys.readouterr()
    assert exit_code.value.code == 2
    assert err.splitlines()[0].startswith("gebruik: gebiedsplanner move")
    assert "gebiedsplanner move: fout: deze argumenten ontbreken: --to, --amount" in err
    assert not {"usage:", "error:", "required"} & set(err.split())
    with pytest.raises(SystemExit):
        main(["--lang", "en", "export", "x.toml", "-o", "x.csv", "--layout", "breed"])
    _, err = capsys.readouterr()
    assert "error: argument --layout: invalid choice: 'breed'" in err


def test_help_is_in_the_language_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    for args, words in (
        (["--help"], ["opties:", "toon deze hulp en stop", "opdrachten zonder scherm:"]),
        (["--lang", "en", "--help"], ["options:", "show this help message and exit"]),
        (["--lang", "en", "move", "--help"], ["GEBIED/POST/YEAR", "TEXT"]),
    ):
        with pytest.raises(SystemExit):
            main(args)
        out, _ = capsys.readouterr()
        for word in words:
            assert word in out, (args, word)
    assert "move an amount" in out and "verschuif" not in out


def test_every_argparse_word_we_translate_is_argparse_s_own_with_the_same_fields() -> None:
    source = inspect.getsource(argparse)
    from gebiedsplanner.i18n import texts

    placeholders = re.compile(r"%(?:\(\w+\))?[sr]")
    for message, translated in texts.ARGPARSE.items():
        assert repr(message) in source or f'"{message}"' in source, message
        fields = set(placeholders.findall(message))  # a translation may leave one out
        assert set(placeholders.findall(translated)) <= fields, message
        assert set(placeholders.findall(texts_en.ARGPARSE[message])) <= fields, message


@pytest.mark.parametrize(
    ("broken", "dutch", "english"),
    [
        (
            "[envelope]\n2016 = 1\n[envelope]\n",
            "envelope staat er twee keer",
            "envelope is given twice",
        ),
        (
            "naam = tekst zonder aanhalingstekens\n",
            "ongeldige waarde (tekst hoort tussen",
            "invalid value",
        ),
        ("dit is geen toml\n", "na de sleutel hoort '='", "a key must be followed by '='"),
    ],
)
def test_toml_syntax_errors_are_said_in_the_ui_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, broken: str, dutch: str, english: str
) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text("format = 1\n" + broken)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1 and f"TOML-syntaxfout: {dutch}" in err, err
    code, _, err = run(capsys, "--lang", "en", "validate", str(path))
    assert code == 1 and f"TOML syntax error: {english}" in err, err


def test_an_unknown_option_is_said_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["summary", "--taal", "en", "nrw-2016-2019"])
    _, err = capsys.readouterr()
    assert "fout: onbekende argumenten: --taal" in err and "unrecognized" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["summary", "--lang", "en", "nrw-2016-2019"],
        ["summary", "nrw-2016-2019", "--lang=en"],
        ["summary", "--lang", "nl", "nrw-2016-2019", "--lang", "en"],  # the last one counts
    ],
)
def test_lang_after_the_command_as_users_type_it(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, err) == (0, "")
    assert "over envelope" in out and "boven envelope" not in out


def test_lang_after_two_dashes_is_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summary", "--", "--lang")
    assert (code, out) == (1, "") and err.startswith("--lang: bestand bestaat niet")


def test_every_command_lists_lang_in_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    from gebiedsplanner.cli.commands import command_names

    for name in command_names():
        with pytest.raises(SystemExit):
            main([name, "--help", "--lang", "en"])
        out = " ".join(capsys.readouterr().out.split())
        assert "--lang {nl,en}" in out and "before or after the command" in out, name


@pytest.mark.parametrize(
    "asked", [["--version"], ["--vers"], ["--help"], ["summary", "--help"], ["summary", "-h"]]
)
def test_version_and_help_answer_even_with_a_bad_config_file(
    capsys: pytest.CaptureFixture[str], asked: list[str]
) -> None:
    configure('lang = "fr"\n')
    with pytest.raises(SystemExit) as exit_code:
        run(capsys, *asked)
    assert exit_code.value.code == 0
    out = capsys.readouterr().out
    assert ("gebiedsplanner 0" if asked[0].startswith("--v") else "gebruik") in out


def test_a_file_named_like_an_option_is_no_question_about_the_program(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure('lang = "fr"\n')
    code, _, err = run(capsys, "validate", "--", "--help")
    assert code == 1 and 'lang moet "nl" of "en" zijn' in err


@pytest.mark.parametrize(
    "args", [["--version"], ["summary", "--version"], ["summary", "nrw-2016-2019", "--version"]]
)
def test_version_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    from gebiedsplanner import __version__

    try:
        code = main(args)
    except SystemExit as done:  # argparse's own --version
        code = int(done.code or 0)
    assert (code, capsys.readouterr().out) == (0, f"gebiedsplanner {__version__}\n")
