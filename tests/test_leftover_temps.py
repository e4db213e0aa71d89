"""A save killed while writing leaves its temp file beside the scenario; the next save or
open removes it, and never one that a save still writes (issue 24)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

from gebiedsplanner.cli import main as cli
from gebiedsplanner.core.rights import Rights
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.session import EditingSession

MOVE = ["--from", "Noord/gebiedsopdracht/2017", "--to", "Noord/couleur_locale/2017",
        "--amount", "1.000"]
#: What a save writes before it dies, as `write_atomic` names it.
KILLED_BEFORE_THE_RENAME = (
    "import os, sys, time\n"
    "def stuck(*_):\n"
    "    print('geschreven', flush=True)\n"
    "    time.sleep(600)\n"
    "os.replace = stuck\n"
    "from gebiedsplanner.cli.main import main\n"
    "main(sys.argv[1:])\n"
)


def temps(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def a_minute_ago(path: Path) -> None:
    then = time.time() - 60
    os.utime(path, (then, then), follow_symlinks=False)


def killed_save(scenario_file: Path) -> Path:
    """Kill -9 a `move` once its new file is written, before it is put in place."""
    move = subprocess.Popen(
        [sys.executable, "-c", KILLED_BEFORE_THE_RENAME, "move", str(scenario_file), *MOVE],
        stdout=subprocess.PIPE, text=True,
    )
    assert move.stdout is not None and move.stdout.readline() == "geschreven\n"
    move.kill()
    move.wait()
    (left,) = temps(scenario_file.parent)
    leftover = scenario_file.parent / left
    assert leftover.stat().st_size > 0.9 * scenario_file.stat().st_size  # full size
    a_minute_ago(leftover)
    return leftover


def test_the_next_save_removes_what_a_killed_save_left(scenario_file: Path) -> None:
    killed_save(scenario_file)
    assert cli.main(["move", str(scenario_file), *MOVE]) == 0
    assert temps(scenario_file.parent) == []


def test_the_next_open_removes_what_a_killed_save_left(scenario_file: Path) -> None:
    killed_save(scenario_file)
    EditingSession(storage.load(scenario_file), Rights(read_only=True)).look_around()
    assert len(temps(scenario_file.parent)) == 1  # a read-only session writes nothing there
    session = EditingSession(storage.load(scenario_file))
    session.look_around()
    session.close()
    assert temps(scenario_file.parent) == []


def test_a_save_still_writing_its_temp_file_keeps_it(scenario_file: Path) -> None:
    """A colleague's save in progress holds its temp file's lock: however old it looks."""
    leftover = scenario_file.parent / f".{scenario_file.name}.abcd1234.tmp"
    leftover.write_bytes(b"half")
    a_minute_ago(leftover)
    with open(leftover, "rb") as writing:
        fcntl.flock(writing, fcntl.LOCK_EX)
        assert cli.main(["move", str(scenario_file), *MOVE]) == 0
        assert leftover.read_bytes() == b"half"
    assert cli.main(["move", str(scenario_file), *MOVE]) == 0
    assert not leftover.exists()


def test_only_our_own_old_regular_temp_files_go(scenario_file: Path, tmp_path: Path) -> None:
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("mijn werk")
    folder = scenario_file.parent
    link = folder / f".{scenario_file.name}.link1234.tmp"
    link.symlink_to(victim)
    young = folder / f".{scenario_file.name}.jong1234.tmp"
    young.write_bytes(b"net begonnen")
    others = [folder / ".ander.toml.abcd1234.tmp", folder / f".{scenario_file.name}.tmp",
              folder / f"{scenario_file.name}.abcd1234.tmp"]
    for other in others:
        other.write_bytes(b"niet van ons")
        a_minute_ago(other)
    a_minute_ago(link)
    assert cli.main(["move", str(scenario_file), *MOVE]) == 0
    assert link.is_symlink() and victim.read_text() == "mijn werk"
    assert young.exists() and all(other.exists() for other in others)
