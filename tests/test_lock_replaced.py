"""The write lock survives being replaced (issue 24): a lock file written over while a
writer holds it (an export, a sync tool, a colleague tidying the folder) never lets two
writers in at once, so no save that said "Opgeslagen" is lost."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import threading
import time
from pathlib import Path

import pytest

from benchmarks.make_scenario import make
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.storage import digest
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import texts
from tests.conftest import at_the_gate

MOVES = 12
#: Large enough that a move holds the lock for a while: time for the lock to be replaced.
GEBIEDEN = 2_000


def replace_lock(lock: Path, number: int) -> None:
    """Write over the lock file as an export would: a new file renamed into its place."""
    other = lock.with_name(f"vervanger-{number}")
    other.write_text("gebied;post\n")
    os.replace(other, lock)


def test_a_lock_replaced_while_moves_run_loses_no_move_that_said_saved(tmp_path: Path) -> None:
    plan = tmp_path / "groot.toml"
    plan.write_bytes(dumps(make(GEBIEDEN)))
    lock = storage.lock_path(plan.resolve())
    gate = tmp_path / "go"
    moves = [
        at_the_gate(
            gate,
            ["move", str(plan), "--from", f"Wijk {index:05d}/gebiedsopdracht/2018",
             "--to", f"Wijk {index:05d}/couleur_locale/2018", "--amount", "1000",
             "--reason", f"zet {index}"],
        )
        for index in range(MOVES)
    ]
    running = threading.Event()
    running.set()
    replaced = []

    def keep_replacing() -> None:
        while running.is_set():
            replace_lock(lock, len(replaced))
            replaced.append(True)
            time.sleep(0.005)  # the attacker's pace: many times during each move

    replacer = threading.Thread(target=keep_replacing, daemon=True)
    gate.touch()
    replacer.start()
    try:
        results = [move.communicate(timeout=120) for move in moves]
    finally:
        running.clear()
        replacer.join()

    said_saved = {index for index, (out, _) in enumerate(results) if "Opgeslagen" in out}
    for index, (move, (out, err)) in enumerate(zip(moves, results, strict=True)):
        assert move.returncode == 0 or texts.LOCK_BUSY in err, (index, out, err)
        assert "Traceback" not in err
    after = storage.load(plan).scenario
    logged = {entry.reason for entry in after.log}
    assert {f"zet {index}" for index in said_saved} <= logged
    for index in said_saved:
        cell = Cell(f"Wijk {index:05d}", "couleur_locale", 2018)
        assert after.amount(cell) == make(GEBIEDEN).amount(cell) + 1000
    assert len(replaced) > MOVES  # the lock was really replaced while they ran
    assert len(said_saved) >= MOVES // 2, results  # and the moves still get through


def test_a_lock_replaced_while_held_never_lets_a_second_write_over_the_first(
    scenario_file: Path,
) -> None:
    """Replaced while one writer holds it, the lock file lets a second writer start;
    their writes still take turns on the folder, and the first finds the file changed
    (and works again on it, or merges) instead of writing over the second's save."""
    lock = storage.lock_path(scenario_file.resolve())
    before = scenario_file.read_bytes()
    with storage.write_lock(scenario_file) as first:
        replace_lock(lock, 1)
        second = storage.write_unless_changed(scenario_file, before + b"# 2\n", digest(before))
        assert isinstance(second, storage.Written)
        result = storage.write_locked(first, before + b"# 1\n", digest(before))
        assert result == storage.Changed(before + b"# 2\n")
    assert scenario_file.read_bytes() == before + b"# 2\n"


@pytest.fixture
def no_folder_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system that cannot lock a folder (an NFS share, where ``flock`` is a byte
    range lock that needs a file open for writing): only the lock file counts."""
    flock = fcntl.flock

    def as_on_nfs(fd: int, operation: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EBADF, "Bad file descriptor")
        flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", as_on_nfs)


@pytest.mark.usefixtures("no_folder_locks")
def test_without_folder_locks_a_writer_whose_lock_is_replaced_puts_nothing_in_place(
    scenario_file: Path,
) -> None:
    """The lock file is written over between the writer's check and its rename: the
    rename is not done, and the step is done again under the new lock."""
    before = scenario_file.read_bytes()
    lock = storage.lock_path(scenario_file.resolve())
    attempts = []

    def step(held: storage.Held) -> storage.WriteResult:
        attempts.append(held)
        current = scenario_file.read_bytes()
        if len(attempts) == 1:
            replace_lock(lock, 1)  # someone writes over the lock while we hold it
        return storage.write_locked(held, current + b"\n# tweede\n", storage.digest(current))

    result = storage.under_lock(scenario_file, step)
    assert isinstance(result, storage.Written)
    assert len(attempts) == 2
    assert scenario_file.read_bytes() == before + b"\n# tweede\n"  # once, not twice


@pytest.mark.usefixtures("no_folder_locks")
def test_without_folder_locks_a_lock_replaced_at_every_attempt_is_given_up(
    scenario_file: Path,
) -> None:
    before = scenario_file.read_bytes()
    lock = storage.lock_path(scenario_file.resolve())

    def step(held: storage.Held) -> storage.WriteResult:
        replace_lock(lock, 1)
        return storage.write_locked(held, b"kapot", storage.digest(before))

    with pytest.raises(storage.ProblemsError) as caught:
        storage.under_lock(scenario_file, step, wait=0.2)
    assert caught.value.problems[0].message == texts.LOCK_BUSY
    assert scenario_file.read_bytes() == before
    assert [name for name in os.listdir(scenario_file.parent) if name.endswith(".tmp")] == []
