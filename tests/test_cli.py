"""Every command of the command line, and what it says about bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gebiedsplanner.cli import main as cli
from gebiedsplanner.cli.main import main
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.disk import crash_log
from gebiedsplanner.editing import storage
from tests.conftest import BUNDLED


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_good_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(BUNDLED))
    assert code == 0 and "in orde (NRW basis 2016-2019)" in out


def test_validate_reports_every_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "leeg.toml"
    empty.write_text("")
    broken = tmp_path / "kapot.toml"
    broken.write_text(BUNDLED.read_text().replace("2017 = 122_000", "2017 = 122.5"))
    code, out, err = run(
        capsys, "validate", str(BUNDLED), str(empty), str(broken), str(tmp_path / "weg.toml")
    )
    assert code == 1
    assert "in orde" in out
    assert f"{empty}: bestand is leeg" in err
    assert f"{broken}: gebied.Centrum.couleur_locale.2017 (regel" in err
    assert "kommagetal (122.5)" in err
    assert f"{tmp_path / 'weg.toml'}: bestand bestaat niet" in err
    assert err.count("oplossing:") == 3
    assert "Traceback" not in err


def test_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", str(BUNDLED))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "NRW basis 2016-2019"
    assert lines[2].split() == ["2016", "62.327.000", "62.327.000", "0", "0", "5"]
    assert lines[3].split()[:6] == [
        "2017",
        "57.931.000",
        "58.181.000",
        "-250.000",
        "-250.000",
        "2",
    ]
    assert "boven envelope" in lines[3]


def test_move_saves_with_change_log(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    code, out, _ = run(
        capsys,
        "move",
        str(scenario_file),
        "--from",
        "Charlois/gebiedsopdracht/2017",
        "--to",
        "charlois/couleur locale/2017",
        "--amount",
        "50.000",
        "--reason",
        "extra bewonersinitiatieven",
    )
    assert code == 0 and "50.000 verschoven" in out
    scenario = storage.load(scenario_file).scenario
    assert scenario.amount(Cell("Charlois", "couleur_locale", 2017)) == 297_000
    entry = scenario.log[-1]
    assert entry.reason == "extra bewonersinitiatieven" and entry.action == "move"
    assert [change.cell.address for change in entry.changes] == [
        "Charlois/gebiedsopdracht/2017",
        "Charlois/couleur_locale/2017",
    ]


@pytest.mark.parametrize(
    ("source", "target", "amount", "place", "says"),
    [
        (
            "Charlos/gebiedsopdracht/2017",
            "Charlois/couleur_locale/2017",
            "1",
            "--from",
            "Bedoelt u 'Charlois'",
        ),
        ("Charlois/gebiedsopdracht", "Charlois/couleur_locale/2017", "1", "--from", "geen cel"),
        ("Charlois/gebiedsopdracht/2017", "Charlois/koffie/2017", "1", "--to", "Onbekende post"),
        (
            "Charlois/gebiedsopdracht/2017",
            "Charlois/couleur_locale/2017",
            "veel",
            "--amount",
            "geen bedrag",
        ),
        (
            "Charlois/couleur_locale/2017",
            "Charlois/gebiedsopdracht/2017",
            "99.000.000",
            "--amount",
            "negatief",
        ),
        (
            "Charlois/couleur_locale/2017",
            "Charlois/gebiedsopdracht/2031",
            "1",
            "--to",
            "Onbekend jaar",
        ),
        # the real problem and its own fix, not "kies een kleiner bedrag" for everything
        (
            "Pernis/gebiedsopdracht/2017",
            "Pernis/couleur_locale/2018",
            "5",
            "--to",
            "oplossing: geef --from en --to hetzelfde jaar",
        ),
        (
            "Pernis/gebiedsopdracht/2017",
            "Pernis/gebiedsopdracht/2017",
            "5",
            "--to",
            "oplossing: kies bij --to een andere post",
        ),
        (
            "Pernis/gebiedsopdracht/2017",
            "Pernis/couleur_locale/2017",
            "5,50",
            "--amount",
            "oplossing: geef bij --amount hele euro's",
        ),
        (
            "Pernis/gebiedsopdracht/2017",
            "Pernis/couleur_locale/2017",
            "999.999.999",
            "--amount",
            "oplossing: kies een kleiner bedrag",
        ),
    ],
)
def test_move_refuses_bad_input_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    scenario_file: Path,
    source: str,
    target: str,
    amount: str,
    place: str,
    says: str,
) -> None:
    before = scenario_file.read_bytes()
    code, _, err = run(
        capsys, "move", str(scenario_file), "--from", source, "--to", target, "--amount", amount
    )
    assert code == 1 and says in err and "oplossing:" in err
    assert f"{scenario_file}: {place}: " in err
    assert scenario_file.read_bytes() == before


def test_move_refuses_a_read_only_scenario_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    """A team marks an approved scenario read-only: a move is refused, also as root."""
    scenario_file.chmod(0o444)
    before = scenario_file.read_bytes()
    move = ["--from", "Pernis/gebiedsopdracht/2017", "--to", "Pernis/couleur_locale/2017"]
    code, out, err = run(capsys, "move", str(scenario_file), *move, "--amount", "1")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{scenario_file}: het bestand is alleen-lezen (niemand heeft er schrijfrecht op)",
        "    oplossing: er is niets overschreven: werk verder in een variant ('opslaan als', S,"
        " of een kopie van het bestand), of maak het bestand eerst schrijfbaar (chmod u+w)",
    ]
    assert scenario_file.read_bytes() == before
    assert scenario_file.stat().st_mode & 0o777 == 0o444
    code, out, _ = run(capsys, "summary", str(scenario_file))  # reading it still works
    assert code == 0 and out.startswith("NRW basis 2016-2019\n")


def test_move_refuses_to_change_the_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    before = BUNDLED.read_bytes()
    code, _, err = run(
        capsys,
        "move",
        str(BUNDLED),
        "--from",
        "Noord/gebiedsopdracht/2017",
        "--to",
        "Noord/couleur_locale/2017",
        "--amount",
        "1",
    )
    assert code == 1 and "meegeleverde voorbeeld" in err
    assert BUNDLED.read_bytes() == before


def test_export_both_layouts_and_dialects(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for layout in ("long", "wide"):
        for dialect in ("standard", "nl"):
            out = tmp_path / f"{layout}-{dialect}.csv"
            code, said, _ = run(
                capsys,
                "export",
                str(BUNDLED),
                "-o",
                str(out),
                "--layout",
                layout,
                "--dialect",
                dialect,
            )
            assert code == 0 and "geëxporteerd" in said
            assert out.read_bytes().startswith(b"\xef\xbb\xbf") == (dialect == "nl")


def test_export_to_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", str(BUNDLED), "-o", str(tmp_path / "nee" / "plan.csv"))
    assert code == 1 and "map bestaat niet" in err


def test_names_with_escapes_are_printed_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hostile = tmp_path / "vijandig.toml"
    hostile.write_text(
        BUNDLED.read_text().replace(
            'name = "NRW basis 2016-2019"', 'name = "NRW \\u001b[31mrood\\u0007"'
        )
    )
    code, out, _ = run(capsys, "summary", str(hostile))
    assert code == 0 and "\x1b" not in out and "\\x1b[31mrood\\x07" in out


def test_installed_command_runs_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gebiedsplanner", "validate", str(tmp_path / "nergens.toml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "bestand bestaat niet" in result.stderr and "Traceback" not in result.stderr


def test_opening_a_broken_file_reports_it_instead_of_starting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_bytes(b"format = 1\nname = \n")
    code, _, err = run(capsys, str(broken))
    assert code == 1
    assert f"{broken}: regel 2" in err and "TOML-syntaxfout" in err and "oplossing:" in err


def test_compare_agrees_with_the_exports_of_both_scenarios(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import csv

    base = tmp_path / "basis.toml"
    variant = tmp_path / "variant.toml"
    shutil.copyfile(BUNDLED, base)
    shutil.copyfile(BUNDLED, variant)
    run(
        capsys,
        "move",
        str(variant),
        "--from",
        "Charlois/gebiedsopdracht/2017",
        "--to",
        "Charlois/couleur_locale/2017",
        "--amount",
        "50000",
        "--reason",
        "extra initiatieven",
    )
    run(
        capsys,
        "move",
        str(variant),
        "--from",
        "stedelijk/welzijn/2018",
        "--to",
        "Noord/couleur_locale/2018",
        "--amount",
        "75.000",
    )
    code, out, _ = run(
        capsys,
        "compare",
        str(base),
        str(variant),
        "-o",
        str(tmp_path / "diff.csv"),
        "--dialect",
        "nl",
    )
    assert code == 0
    assert "€ 50.000 Charlois gebiedsopdracht → couleur locale 2017: extra initiatieven" in out
    assert "€ 75.000 Stedelijk welzijn → Noord couleur locale 2018: (geen toelichting)" in out

    amounts = {}
    for name in ("basis", "variant"):
        run(capsys, "export", str(tmp_path / f"{name}.toml"), "-o", str(tmp_path / f"{name}.csv"))
        with open(tmp_path / f"{name}.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                amounts[(name, row["gebied"], row["post"], row["jaar"])] = int(row["bedrag"])
    with open(tmp_path / "diff.csv", encoding="utf-8-sig") as handle:
        diff_rows = list(csv.DictReader(handle, delimiter=";"))
    assert len(diff_rows) == 4
    for row in diff_rows:
        key = (row["gebied"], row["post"], row["jaar"])
        assert int(row["basis"]) == amounts[("basis", *key)]
        assert int(row["variant"]) == amounts[("variant", *key)]
        assert int(row["basis"]) + int(row["verschil"]) == int(row["variant"])
    changed = {
        (k[1], k[2], k[3])
        for k, v in amounts.items()
        if k[0] == "variant" and amounts[("basis", *k[1:])] != v
    }
    assert changed == {(r["gebied"], r["post"], r["jaar"]) for r in diff_rows}


def test_compare_reports_broken_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("")
    code, _, err = run(capsys, "compare", str(BUNDLED), str(broken), str(tmp_path / "weg.toml"))
    assert code == 1 and "bestand is leeg" in err and "bestand bestaat niet" in err


def broken_summary(*args: object) -> list[str]:
    raise RuntimeError("opzettelijke testfout")


def test_an_unexpected_error_is_logged_and_told_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gebiedsplanner.core.summary.summary_lines", broken_summary)
    code, out, err = run(capsys, "summary", str(BUNDLED))
    assert code == 1 and out == "" and err.count("\n") == 1
    start = "Onverwachte fout: gebiedsplanner summary is gestopt. Foutrapport: "
    assert err.startswith(start)
    log = Path(err.removeprefix(start).strip())
    assert log.parent == crash_log.log_dir()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "in broken_summary" in text
    assert text.endswith("RuntimeError: opzettelijke testfout\n")


def test_when_the_crash_log_cannot_be_written_the_line_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    isolated_user_dirs.mkdir()
    (isolated_user_dirs / "state").write_text("not a folder")  # fails as root, too
    monkeypatch.setattr("gebiedsplanner.core.summary.summary_lines", broken_summary)
    code, _, err = run(capsys, "summary", str(BUNDLED))
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "Het foutrapport kon niet worden bewaard in" in err
    assert err.strip().endswith("de fout: RuntimeError: opzettelijke testfout")


def test_compare_shows_only_changes_unless_asked_for_all(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    variant = tmp_path / "variant.toml"
    shutil.copyfile(BUNDLED, variant)
    run(capsys, "move", str(variant), "--from", "Pernis/gebiedsopdracht/2017",
        "--to", "Pernis/couleur_locale/2017", "--amount", "1.000")  # fmt: skip
    code, changes, _ = run(capsys, "compare", str(BUNDLED), str(variant))
    assert code == 0
    code, every, _ = run(capsys, "compare", str(BUNDLED), str(variant), "--all")
    assert code == 0
    assert "Centrum" not in changes.split("Totalen")[0] and "Pernis" in changes
    assert "Centrum" in every
    code, old_way, _ = run(capsys, "compare", str(BUNDLED), str(variant), "--only-changes")
    assert code == 0 and old_way == changes


def test_the_bundled_example_by_its_short_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "summary", "nrw-2016-2019")
    assert code == 0 and out.startswith("NRW basis 2016-2019\n")
    move = ["--from", "Pernis/gebiedsopdracht/2017", "--to", "Pernis/couleur_locale/2017"]
    code, _, err = run(capsys, "move", "nrw-2016-2019.toml", *move, "--amount", "1")
    assert code == 1 and "meegeleverde voorbeeld" in err
    own = BUNDLED.read_text().replace('name = "NRW basis 2016-2019"', 'name = "Mijn kopie"')
    (tmp_path / "nrw-2016-2019").write_text(own)  # a file of that name here comes first
    code, out, _ = run(capsys, "summary", "nrw-2016-2019")
    assert code == 0 and out.startswith("Mijn kopie\n")
    code, _, err = run(capsys, "summary", "nrw-2099")
    assert code == 1 and "nrw-2099: bestand bestaat niet" in err


def test_help_lists_every_command_from_the_one_table(capsys: pytest.CaptureFixture[str]) -> None:
    from gebiedsplanner.cli.commands import command_help, command_names, every_command

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    helps = {command.name: command.help for command in every_command()}
    assert list(helps) == command_names()
    for name, text in helps.items():
        assert f"gebiedsplanner {name} " in out and command_help(text) in out
    for name, text in helps.items():  # a % in our texts is not argparse's format code
        with pytest.raises(SystemExit) as done:
            main([name, "--help"])
        assert done.value.code == 0
        assert command_help(text) in capsys.readouterr().out.replace("\n", " ").replace("  ", " ")


def test_a_misspelled_command_gets_a_suggestion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "sumary", "plan.toml")
    assert code == 2 and "'sumary' is geen opdracht en geen bestand. Bedoelt u 'summary'?" in err
    (tmp_path / "sumary").write_text("")  # a file of that name is opened, not corrected
    assert cli._misspelled("sumary") is None


def run_command(cwd: Path, *args: str, **streams: Any) -> subprocess.CompletedProcess[bytes]:
    """``gebiedsplanner ARGS`` run in ``cwd`` as a shell runs it; crash logs go to ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "gebiedsplanner", *args],
        cwd=cwd,
        env=os.environ | {"XDG_STATE_HOME": str(cwd / "state")},
        timeout=60,
        **({"stdout": subprocess.PIPE, "stderr": subprocess.PIPE} | streams),
    )


def test_dash_as_output_writes_the_csv_to_standard_output_and_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    variant = tmp_path / "variant.toml"
    shutil.copyfile(BUNDLED, variant)
    run(capsys, "move", str(variant), "--from", "Pernis/gebiedsopdracht/2017",
        "--to", "Pernis/couleur_locale/2017", "--amount", "1.000")  # fmt: skip
    for command, out in (
        (["export", "nrw-2016-2019", "--dialect", "nl", "--layout", "wide"], "plan.csv"),
        (["compare", "nrw-2016-2019", "variant.toml", "--dialect", "nl"], "diff.csv"),
    ):
        assert run_command(tmp_path, *command, "-o", out).returncode == 0
        done = run_command(tmp_path, *command, "-o", "-")
        assert (done.returncode, done.stderr) == (0, b"")
        assert done.stdout == (tmp_path / out).read_bytes()  # the CSV only, no report around it
    assert not (tmp_path / "-").exists()
    assert not (tmp_path / "state").exists()  # no crash log


@pytest.mark.parametrize("command", [["export"], ["compare", "nrw-2016-2019"]])
def test_dash_as_output_to_a_closed_or_stopped_standard_output_is_no_crash(
    tmp_path: Path, command: list[str]
) -> None:
    args = [*command, "nrw-2016-2019", "-o", "-"]
    closed = run_command(tmp_path, *args, preexec_fn=lambda: os.close(1))
    assert (closed.returncode, closed.stderr) == (0, b"")  # as `summary >&-`
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -1` once it has its line
    with open(write_end, "wb") as stopped:
        done = run_command(tmp_path, *args, stdout=stopped)
    assert (done.returncode, done.stderr) == (0, b"")  # the same as any command
    assert not (tmp_path / "-").exists()
    assert not (tmp_path / "state").exists()  # no crash log


@pytest.mark.parametrize("port", ["70000", "-1", "9" * 5000])
def test_ssh_serve_refuses_a_port_that_is_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, port: str
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["ssh-serve", "--port", port, "--authorized-keys", str(tmp_path / "keys")])
    assert done.value.code == 2
    assert "--port" in capsys.readouterr().err
