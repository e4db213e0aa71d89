"""What the write lock holds up, and where it cannot be taken (issue 24's own attack pass).

The lock is the scenario's folder as well as its lock file (see storage.Held): a writer
holds it for milliseconds, never while a tool works or prints; a folder one may not
list, or a file system without locks, is said as such, never a traceback.
"""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.make_scenario import make
from gebiedsplanner.cli import main as cli
from gebiedsplanner.disk import writing
from gebiedsplanner.editing import presence, storage
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import texts
from tests.conftest import BUNDLED

MOVE = ["--from", "Noord/gebiedsopdracht/2017", "--to", "Noord/couleur_locale/2017",
        "--amount", "1.000"]


def wait_for(condition: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"no {what} in {seconds} s"
        time.sleep(0.01)


def test_a_tool_whose_output_nobody_reads_holds_up_no_save_in_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tool's preview piped into a pager that waits: a colleague's move on another
    scenario in the same folder is saved at once, not refused after 15 s."""
    big = tmp_path / "groot.toml"
    big.write_bytes(dumps(make(3_000)))  # a preview far larger than a pipe holds
    before = big.read_bytes()
    small = tmp_path / "klein.toml"
    small.write_bytes(BUNDLED.read_bytes())
    tool = subprocess.Popen(
        [sys.executable, "-m", "gebiedsplanner", "distribute", str(big), "--year", "2017",
         "--all", "--reason", "herverdeling"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        wait_for(lambda: big.read_bytes() != before, "save by the tool")
        started = time.monotonic()
        assert cli.main(["move", str(small), *MOVE]) == 0, capsys.readouterr().err
        assert time.monotonic() - started < storage.LOCK_WAIT_SECONDS / 3
        assert "Opgeslagen" in capsys.readouterr().out
    finally:
        out, _ = tool.communicate(timeout=60)
    assert tool.returncode == 0 and b"Toegepast" in out


def test_a_folder_one_may_write_in_but_not_list_still_saves(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``chmod 733``: the folder cannot be opened to be read (as root it can, so that is
    made so here); it is opened as a path, the lock file alone excludes, and the
    editing note is still left."""
    real_open = os.open

    def unlistable(path: object, flags: int, *args: object, **kwargs: object) -> int:
        folder = Path(os.fsdecode(path)) == scenario_file.parent  # type: ignore[arg-type]
        if folder and flags & os.O_DIRECTORY and not flags & os.O_PATH:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", unlistable)
    assert cli.main(["move", str(scenario_file), *MOVE]) == 0, capsys.readouterr().err
    note = presence.announce(scenario_file)
    assert note is not None and note.exists()


def test_a_file_system_without_locks_is_said_not_a_traceback(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An NFS share without its lock service: flock says ENOLCK on everything."""
    before = scenario_file.read_bytes()

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    assert cli.main(["move", str(scenario_file), *MOVE]) == 1
    err = capsys.readouterr().err
    assert texts.NO_LOCKS_HERE in err and "Traceback" not in err
    assert scenario_file.read_bytes() == before


def test_odd_places_to_save_are_said_as_what_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "kring.toml"
    loop.symlink_to(tmp_path / "kring2.toml")
    (tmp_path / "kring2.toml").symlink_to(loop)
    for where, said in ((loop, texts.SYMLINK_LOOP), (Path("/"), "map")):
        with pytest.raises(storage.ProblemsError) as caught, storage.write_lock(where):
            pass
        assert said in caught.value.problems[0].message
    assert sorted(os.listdir(tmp_path)) == ["kring.toml", "kring2.toml"]


def test_a_killed_exports_temp_file_goes_with_the_next_export_of_that_name(
    scenario_file: Path,
) -> None:
    out = scenario_file.parent / "plan.csv"
    leftover = scenario_file.parent / ".plan.csv.abcd1234.tmp"
    leftover.write_bytes(b"half")
    then = time.time() - 60
    os.utime(leftover, (then, then))
    assert cli.main(["export", str(scenario_file), "-o", str(out)]) == 0
    assert out.exists() and not leftover.exists()
    assert writing.UNFINISHED_AFTER_SECONDS < 60


def test_a_new_lock_file_may_be_opened_for_writing_by_every_colleague(
    scenario_file: Path,
) -> None:
    """On an NFS share only a file open for writing can be locked: a lock file left 644 by
    its maker's umask would stop every colleague's save there."""
    old = os.umask(0o077)
    try:
        with storage.write_lock(scenario_file):
            pass
    finally:
        os.umask(old)
    assert os.stat(storage.lock_path(scenario_file.resolve())).st_mode & 0o777 == 0o666
