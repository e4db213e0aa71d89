"""The planning tools on the command line: preview, dry run, apply as one step, refusals."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.core.scenario import TAAKSTELLING, Cell
from gebiedsplanner.disk import crash_log
from gebiedsplanner.editing import storage
from tests.conftest import BUNDLED


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_distribute_shows_each_gebied_applies_and_logs_one_entry(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    code, out, err = run(
        capsys,
        "distribute", str(scenario_file), "--year", "2017", "--key", "inwoners",
        "--hold", "pernis", "--floor", "1.000.000",
    )  # fmt: skip
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "verdeling taakstelling 2017 naar inwoners, vast: Pernis, bodem 1.000.000"
    assert lines[2].split() == ["gebied", "taakstelling", "2017", "oud", "nieuw", "verschil"]
    assert "Pernis                                  -38.000   -38.000         0" in out
    assert (
        "Controle: verdeelde taakstelling -5.000.000 = opgelegd -5.000.000: klopt tot op de euro."
        in lines
    )
    assert "Tot de bodem van 1.000.000 netto gekort: Hoek van Holland, Rozenburg" not in out
    assert (
        "Al onder de bodem van 1.000.000 netto, dus niet gekort: Hoek van Holland, Rozenburg."
        in lines
    )
    assert lines[-1] == f"Toegepast als één stap (11 cellen) en opgeslagen in {scenario_file}."
    scenario = storage.load(scenario_file).scenario
    assert scenario.totals(2017).taakstelling_open == 0
    assert scenario.amount(Cell("Pernis", TAAKSTELLING, 2017)) == -38_000
    entry = scenario.log[-1]
    assert entry.action == "distribute" and len(entry.changes) == 11
    assert entry.reason == lines[0]


def test_a_dry_run_writes_nothing_and_works_on_the_bundled_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = BUNDLED.read_bytes()
    code, out, _ = run(capsys, "fit", str(BUNDLED), "--year", "2018", "--dry-run")
    assert code == 0
    assert "Controle: gepland 57.931.000 = envelope 57.931.000: klopt tot op de euro." in out
    assert out.splitlines()[-1].startswith("Proefrun: niets opgeslagen.")
    assert BUNDLED.read_bytes() == before


def test_the_bundled_example_is_never_changed_by_a_tool(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = BUNDLED.read_bytes()
    code, _, err = run(capsys, "copy-year", str(BUNDLED), "--from", "2018", "--to", "2019")
    assert code == 1 and "meegeleverde voorbeeld" in err and "--dry-run" in err
    assert BUNDLED.read_bytes() == before


def test_a_refusal_says_by_how_much_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    before = scenario_file.read_bytes()
    code, out, err = run(
        capsys, "distribute", str(scenario_file), "--year", "2017", "--floor", "20.000.000"
    )
    assert code == 1 and out == ""
    assert f"{scenario_file}: distribute: Dat past niet" in err and "tekort" in err
    assert "oplossing:" in err
    assert scenario_file.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("distribute", "--year", "2017", "--hold", "Pernus"), "Bedoelt u 'Pernis'?"),
        (("distribute", "--year", "2017", "--hold", "stedelijk"), "stedelijk is geen gebied"),
        (("distribute", "--year", "2031"), "Onbekend jaar 2031"),
        (("distribute", "--year", "2017", "--floor", "1" * 5000), "tikfout"),
        (("distribute", "--year", "2017", "--unit", "0"), "minstens 1 euro"),
        (("couleur-locale", "--year", "2017", "--min-share", "tien"), "geen percentage"),
        (("couleur-locale", "--year", "2017", "--min-share", "101%"), "tussen 0% en 100%"),
        (("copy-year", "--from", "2018", "--to", "2018"), "hetzelfde"),
    ],
)
def test_bad_parameters_are_named_with_a_fix(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, args: tuple[str, ...], message: str
) -> None:
    before = scenario_file.read_bytes()
    code, _, err = run(capsys, args[0], str(scenario_file), *args[1:])
    assert code == 1
    assert message in err and "oplossing:" in err and "Traceback" not in err
    assert scenario_file.read_bytes() == before


def test_couleur_locale_and_copy_year_apply(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    code, out, _ = run(
        capsys, "couleur-locale", str(scenario_file), "--year", "2017", "--min-share", "12,5%"
    )
    assert code == 0 and out.startswith("couleur locale 2017 naar minstens 12,5%")
    code, out, _ = run(
        capsys, "copy-year", str(scenario_file), "--from", "2018", "--to", "2019", "--index", "2,5%"
    )
    assert code == 0 and "Controle: 2019 wordt" in out
    scenario = storage.load(scenario_file).scenario
    assert [entry.action for entry in scenario.log[-2:]] == [
        "couleur-locale",
        "copy-year",
    ]
    for name in scenario.gebieden:
        net = scenario.gebied_net(name, 2017)
        assert scenario.gebieden[name].posts["couleur_locale"][2017] * 8 >= net


def test_a_tool_refuses_a_read_only_scenario_its_dry_run_still_shows(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    scenario_file.chmod(0o444)
    before = scenario_file.read_bytes()
    code, out, err = run(capsys, "fit", str(scenario_file), "--year", "2018", "--dry-run")
    assert code == 0 and "Controle: gepland" in out  # a preview only reads
    code, _, err = run(capsys, "fit", str(scenario_file), "--year", "2018")
    assert code == 1 and f"{scenario_file}: het bestand is alleen-lezen" in err
    assert scenario_file.read_bytes() == before


def test_a_reader_that_stops_reading_neither_crashes_nor_stops_the_tool(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -1` once it has its line
    with open(write_end, "w", encoding="utf-8") as closed_pipe, monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", closed_pipe)  # not monkeypatch.undo(): that ends isolation
        code = main(["copy-year", str(scenario_file), "--from", "2018", "--to", "2019"])
    assert code == 0
    assert storage.load(scenario_file).scenario.log[-1].action == "copy-year"
    logs = list(crash_log.log_dir().glob("*")) if crash_log.log_dir().exists() else []
    assert not logs, logs[0].read_text()


def test_a_reason_in_another_encoding_is_kept_readable_and_an_absurd_one_refused(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    reason = b"verkeerd \xff".decode("utf-8", "surrogateescape")  # as argv decodes it
    code, _, err = run(capsys, "fit", str(scenario_file), "--year", "2018", "--reason", reason)
    assert code == 0, err
    assert storage.load(scenario_file).scenario.log[-1].reason.endswith("; verkeerd \ufffd")
    before = scenario_file.read_bytes()
    code, _, err = run(
        capsys, "fit", str(scenario_file), "--year", "2019", "--reason", "x" * 100_001
    )
    assert code == 1 and "100.001" in err
    assert scenario_file.read_bytes() == before


def test_no_tool_makes_an_amount_over_the_limit(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    text = scenario_file.read_text()
    scenario_file.write_text(text.replace("2018 = 9_500_000", "2018 = 500_000_000_000", 1))
    before = scenario_file.read_bytes()
    code, _, err = run(
        capsys, "copy-year", str(scenario_file), "--from", "2018", "--to", "2019",
        "--index", "200%",
    )  # fmt: skip
    assert code == 1 and "bedrag groter dan 1.000.000.000.000 euro" in err
    assert "Traceback" not in err and scenario_file.read_bytes() == before


@pytest.mark.parametrize(
    ("index", "message"),
    [("1.000%", "schrijf decimalen met een komma"), ("1000000%", "hoogstens 6 cijfers")],
)
def test_percentages_are_never_guessed(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, index: str, message: str
) -> None:
    code, _, err = run(
        capsys, "copy-year", str(scenario_file), "--from", "2018", "--to", "2019", "--index", index
    )
    assert code == 1 and message in err


def test_a_negative_index_and_what_copy_year_leaves_alone(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    code, out, _ = run(
        capsys, "copy-year", str(scenario_file), "--from", "2018", "--to", "2019",
        "--index=-0,000004%",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("jaar 2018 naar 2019 gekopieerd, index -0,000004%")
    assert "Envelope en opgelegde taakstelling van 2019 blijven zoals ze zijn" in out


@pytest.mark.parametrize(
    ("args", "place", "fix"),
    [
        (["distribute", "--year", "2017", "--floor", "abc"], "--floor", "typ een bedrag"),
        (["distribute", "--year", "2017", "--unit", "0"], "--unit", "geef bij --unit een heel"),
        (["distribute", "--year", "2030"], "--year", "kies een jaar dat in het scenario staat"),
        (["fit", "--year", "2017", "--hold", "Narnia"], "--hold", "noem gebieden zoals"),
        (["couleur-locale", "--year", "2017", "--min-share", "x"], "--min-share", "typ een perc"),
        (["copy-year", "--from", "2017", "--to", "2031"], "--to", "kies een jaar dat in het"),
        (["copy-year", "--from", "2017", "--to", "2018", "--index", "2.5%"], "--index", "typ een"),
    ],
)
def test_a_refused_option_is_named_with_its_own_fix(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, args: list[str], place: str, fix: str
) -> None:
    before = scenario_file.read_bytes()
    code, _, err = run(capsys, args[0], str(scenario_file), *args[1:])
    assert code == 1
    assert err.startswith(f"{scenario_file}: {place}: ")
    assert f"oplossing: {fix}" in err
    assert scenario_file.read_bytes() == before


def test_a_negative_percentage_follows_its_option_as_help_says(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    """``--index -1%`` (``--help``: "bijvoorbeeld 2,5% (of -1%)"); argparse alone took
    ``-1%`` for an option and only ``--index=-1%`` worked."""
    copy = ["copy-year", str(scenario_file), "--from", "2018", "--to", "2019"]
    code, out, err = run(capsys, *copy, "--index", "-1%")
    assert code == 0, err
    assert out.startswith("jaar 2018 naar 2019 gekopieerd, index -1%")
    share = ["couleur-locale", str(scenario_file), "--year", "2017", "--min-share"]
    code, _, err = run(capsys, *share, "-0,5%")
    assert code == 1 and "tussen 0% en 100%" in err  # the tool's refusal, not argparse's
    with pytest.raises(SystemExit) as done:  # an option after it is still an option
        main([*copy, "--index", "--dry-run"])
    assert done.value.code == 2 and "--index" in capsys.readouterr().err
