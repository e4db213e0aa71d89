"""One rule for every command when the reader goes away (``| head -n1``, a pager closed
early): exit code 0, nothing on standard error, no crash log (issue 26: ``compare`` and
``validate`` exited 141, ``summary`` 0)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from make_scenario import make  # benchmarks/ is on pytest's pythonpath

from gebiedsplanner.format.scenario_writer import dumps
from tests.conftest import BUNDLED

#: Enough gebieden that each of these commands prints far more than a pipe holds (64 KiB).
GEBIEDEN = 3_000


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a large scenario (``groot.toml``) and a variant of it (one cell moved)."""
    folder = tmp_path_factory.mktemp("pipes")
    scenario = make(GEBIEDEN)
    (folder / "groot.toml").write_bytes(dumps(scenario))
    (folder / "variant.toml").write_bytes(dumps(scenario).replace(b"= 210_", b"= 211_", 50))
    return folder


def _environment(folder: Path) -> dict[str, str]:
    return os.environ | {"XDG_STATE_HOME": str(folder / "state")}


#: Commands that print a lot on the large scenario, each the way a user pipes it.
LOTS = {
    "validate": ["validate", *["groot.toml"] * 2_000],
    "compare": ["compare", "groot.toml", "variant.toml", "--all"],
    "compare -o -": ["compare", "groot.toml", "variant.toml", "--all", "-o", "-"],
    "export -o -": ["export", "groot.toml", "-o", "-"],
    "report -o -": ["report", "groot.toml", "-o", "-"],
    "distribute --dry-run": ["distribute", "groot.toml", "--year", "2017", "--dry-run"],
    "fit --dry-run": ["fit", "groot.toml", "--year", "2017", "--dry-run"],
}


@pytest.mark.parametrize("name", list(LOTS))
def test_a_command_piped_into_head_ends_quietly_with_0(large: Path, name: str) -> None:
    """``gebiedsplanner ... | head -n1``: the first line read, then the reader is gone."""
    command = subprocess.Popen(
        [sys.executable, "-m", "gebiedsplanner", *LOTS[name]],
        cwd=large,
        env=_environment(large),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert command.stdout is not None and command.stderr is not None
    head = subprocess.run(["head", "-n1"], stdin=command.stdout, capture_output=True)
    command.stdout.close()  # head has gone: only head held the pipe's reading end
    error = command.stderr.read()
    assert command.wait(timeout=120) == 0, error
    assert error == b""
    assert head.stdout.count(b"\n") == 1
    assert not (large / "state").exists()  # no crash log


#: Every command that prints, with what it prints to a reader that is gone at once (the
#: pipe's reading end closed before the command starts: every write fails).
EVERY = {
    "summary": ["summary", "nrw-2016-2019"],
    "validate": ["validate", "nrw-2016-2019"],
    "compare": ["compare", "nrw-2016-2019", "variant.toml"],
    "export -o -": ["export", "nrw-2016-2019", "-o", "-"],
    "report -o -": ["report", "nrw-2016-2019", "-o", "-"],
    "move": [
        *("move", "variant.toml", "--from", "Pernis/gebiedsopdracht/2017"),
        *("--to", "Pernis/couleur_locale/2017", "--amount", "1"),
    ],
    "distribute": ["distribute", "variant.toml", "--year", "2017"],
    "copy-year --dry-run": [
        *("copy-year", "nrw-2016-2019", "--from", "2017", "--to", "2018", "--dry-run")
    ],
    "--help": ["--help"],
    "summary --help": ["summary", "--help"],
    "--version": ["--version"],
    "completion bash": ["completion", "bash"],
}


@pytest.mark.parametrize("name", list(EVERY))
def test_every_command_to_a_reader_that_is_gone_ends_quietly_with_0(
    tmp_path: Path, name: str
) -> None:
    shutil.copyfile(BUNDLED, tmp_path / "variant.toml")
    read_end, write_end = os.pipe()
    os.close(read_end)
    with open(write_end, "wb") as gone:
        done = subprocess.run(
            [sys.executable, "-m", "gebiedsplanner", *EVERY[name]],
            cwd=tmp_path,
            env=_environment(tmp_path),
            stdout=gone,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert (done.returncode, done.stderr.decode()) == (0, "")
    assert not (tmp_path / "state").exists()
    if name in ("move", "distribute"):  # done all the same: the change is saved
        assert (tmp_path / "variant.toml").read_bytes() != BUNDLED.read_bytes()
