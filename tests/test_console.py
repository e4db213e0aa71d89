"""Output in any locale: characters the terminal's encoding lacks get ASCII stand-ins."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.cli.console import SCREEN_ERRORS, TEXT_ERRORS
from tests.conftest import BUNDLED


def test_lines_of_text_read_naturally() -> None:
    text = "€ 1.000 Pernis gebiedsopdracht → couleur locale … ▲ BOVEN │ Σ"
    assert text.encode("ascii", TEXT_ERRORS).decode() == (
        "EUR 1.000 Pernis gebiedsopdracht -> couleur locale ... ^ BOVEN | som"
    )
    assert "€ café".encode("iso8859-15", TEXT_ERRORS).decode("iso8859-15") == "€ café"


@given(st.text(st.characters(blacklist_categories=("Cs", "Mn", "Me", "Cf"), max_codepoint=0xFFFF)))
def test_on_a_screen_every_character_stays_one_column(text: str) -> None:
    shown = text.encode("ascii", SCREEN_ERRORS).decode()
    assert len(shown) == len(text)


def test_a_command_in_a_latin_9_locale_writes_stand_ins_not_a_traceback(tmp_path: Path) -> None:
    variant = tmp_path / "variant.toml"
    shutil.copyfile(BUNDLED, variant)
    command = [sys.executable, "-m", "gebiedsplanner"]
    move = ["--from", "Pernis/gebiedsopdracht/2017", "--to", "Pernis/couleur_locale/2017"]
    subprocess.run([*command, "move", str(variant), *move, "--amount", "1"], check=True)
    latin_9 = {**os.environ, "PYTHONIOENCODING": "iso8859-15"}
    done = subprocess.run(
        [*command, "compare", str(BUNDLED), str(variant)], capture_output=True, env=latin_9
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("iso8859-15")
    assert "€ 1 Pernis gebiedsopdracht -> couleur locale 2017" in out
    assert b"Traceback" not in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is a Linux device")
@pytest.mark.parametrize("command", [["summary"], ["compare", "--all", "nrw-2016-2019"]])
def test_output_to_a_full_disk_is_said_plainly_not_reported_as_a_crash(
    tmp_path: Path, command: list[str]
) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "gebiedsplanner", command[0], "nrw-2016-2019", *command[1:]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ | {"XDG_STATE_HOME": str(tmp_path / "state")},
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "gebiedsplanner: de uitvoer kon niet worden geschreven: er is geen ruimte meer"
        " (de schijf of uw quotum is vol). Wat de opdracht deed, is gedaan (een verschuiving"
        " is opgeslagen); alleen dit verslag ontbreekt.",
        "    oplossing: maak ruimte vrij, of stuur de uitvoer naar een andere schijf",
    ]
    assert not (tmp_path / "state").exists()  # no crash log


def test_a_closed_standard_output_is_no_crash(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gebiedsplanner", "summary", "nrw-2016-2019"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"XDG_STATE_HOME": str(tmp_path / "state")},
        timeout=60,
        preexec_fn=lambda: os.close(1),  # as `gebiedsplanner summary >&-`
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert not (tmp_path / "state").exists()  # no crash log
