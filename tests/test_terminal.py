"""The adviser's terminal survives whatever ends the app: signals, suspension, crashes.

Most tests run the real app in a pseudo-terminal (``tests/pty_terminal.py``) with
a writable copy of the bundled scenario, send it signals as ``kill`` would, and
read the bytes it writes.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from gebiedsplanner import texts
from gebiedsplanner.files import journal
from tests.pty_terminal import ENTER, TITLE, PtyApp, pty_problem

PTY_PROBLEM = pty_problem()
needs_pty = pytest.mark.skipif(PTY_PROBLEM is not None, reason=PTY_PROBLEM or "")

LEAVE_ALT_SCREEN, SHOW_CURSOR = b"\x1b[?1049l", b"\x1b[?25h"
MOUSE_OFF = (b"\x1b[?1000l", b"\x1b[?1003l", b"\x1b[?1006l")


@pytest.fixture
def terminals(isolated_user_dirs: Path) -> Iterator[list[PtyApp]]:
    """The apps a test starts; each is killed at the end if it still runs."""
    started: list[PtyApp] = []
    yield started
    for app in started:
        app.close()


def start(terminals: list[PtyApp], home: Path, *args: str) -> PtyApp:
    app = PtyApp(home, *args)
    terminals.append(app)
    app.wait_for_start()
    return app


def journals() -> dict[Path, bytes]:
    """Every journal in the state dir (one per editing session), with its bytes."""
    return {path: path.read_bytes() for path in journal.journal_dir().glob(f"*{journal.SUFFIX}")}


def journaled_changes() -> int:
    """The changes in the journals, as the next start reads them."""
    return sum(len(journal.read_leftover(path, raw).entries) for path, raw in journals().items())


def edit_once(app: PtyApp, scenario: Path) -> dict[Path, bytes]:
    """Enter, +1, Enter (typed ahead, as over SSH); the journals once the edit is in them.

    Returns once the edit is on screen, too: nothing is being written any more.
    """
    mark = len(app.output)
    app.send(ENTER + b"+1" + ENTER)
    app.wait_for(lambda: journaled_changes() == 1, "the edit in the journal")
    for shown in (b"62.327.001", b"Wijzig"):  # planned in the totals; the key line is back
        app.wait_for_bytes(shown, since=mark)
    app.wait_for(lambda: bool(editing_notes(scenario)), "the editing note beside the scenario")
    return journals()


def editing_notes(scenario: Path) -> list[Path]:
    return list(scenario.parent.glob(f".{scenario.name}.*.editing"))


def assert_restored(app: PtyApp, written: bytes) -> None:
    """The terminal is as it was: main screen, cursor shown, mouse off, tty modes back."""
    for wanted in (LEAVE_ALT_SCREEN, SHOW_CURSOR, *MOUSE_OFF):
        assert wanted in written, wanted
    assert written.rfind(b"\x1b[?1049h") < written.rfind(LEAVE_ALT_SCREEN)
    assert written.rfind(b"\x1b[?25l") < written.rfind(SHOW_CURSOR)
    assert written.rfind(b"\x1b[?1000h") < written.rfind(MOUSE_OFF[0])
    assert app.attributes_after == app.attributes_before


def assert_left_cleanly(scenario: Path, journals_before: dict[Path, bytes]) -> None:
    """The editing note is withdrawn; the journal is kept exactly as it was, where it was."""
    assert not editing_notes(scenario)
    assert journals() == journals_before


# -- SIGTERM, SIGHUP -------------------------------------------------------------------


@needs_pty
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_ends_the_app_cleanly_and_keeps_the_journal(
    terminals: list[PtyApp],
    isolated_user_dirs: Path,
    scenario_file: Path,
    signum: signal.Signals,
    status: int,
) -> None:
    app = start(terminals, isolated_user_dirs, str(scenario_file))
    journals_before = edit_once(app, scenario_file)
    mark = len(app.output)
    app.kill(signum)
    assert app.wait_for_exit() == status
    assert_restored(app, bytes(app.output[mark:]))
    assert_left_cleanly(scenario_file, journals_before)

    again = start(terminals, isolated_user_dirs, str(scenario_file))
    again.wait_for_bytes(texts.RECOVER_TITLE.encode())


@needs_pty
def test_a_dropped_ssh_link_ends_the_app_cleanly_without_a_traceback(
    terminals: list[PtyApp], isolated_user_dirs: Path, scenario_file: Path, tmp_path: Path
) -> None:
    """Closing the pty hangs it up: the kernel sends SIGHUP and SIGCONT, writes fail."""
    thread_errors = tmp_path / "thread-errors.txt"
    app = start(
        terminals, isolated_user_dirs, "--thread-errors", str(thread_errors), str(scenario_file)
    )
    journals_before = edit_once(app, scenario_file)
    app.hang_up()
    assert app.wait_for_exit() == 129
    assert_left_cleanly(scenario_file, journals_before)
    assert not thread_errors.exists(), thread_errors.read_text()


# -- SIGTSTP, SIGCONT ------------------------------------------------------------------


@needs_pty
def test_ctrl_z_undoes_and_after_sigtstp_and_sigcont_the_screen_is_drawn_again(
    terminals: list[PtyApp], isolated_user_dirs: Path, scenario_file: Path
) -> None:
    app = start(terminals, isolated_user_dirs, str(scenario_file))
    edit_once(app, scenario_file)
    app.send(b"\x1a")  # ctrl+z: the planner's undo, not a suspension
    app.wait_for(lambda: journaled_changes() == 2, "the undo in the journal")

    app.kill(signal.SIGTSTP)
    app.wait_for_stop()
    mark = len(app.output)
    app.kill(signal.SIGCONT)
    for text in (TITLE, b"Totaal", b"Envelope", b"Taakstelling"):  # no resize needed
        app.wait_for_bytes(text, since=mark, limit=15)
    assert b"\x1b[?1049h" in app.output[mark:]

    mark = len(app.output)
    app.kill(signal.SIGTERM)
    assert app.wait_for_exit() == 143
    assert_restored(app, bytes(app.output[mark:]))


@needs_pty
def test_a_sigcont_without_a_suspension_leaves_the_running_app_alone(
    terminals: list[PtyApp], isolated_user_dirs: Path, scenario_file: Path
) -> None:
    """Textual would enter application mode a second time (a second input thread)."""
    app = start(terminals, isolated_user_dirs, str(scenario_file))
    mark = len(app.output)
    app.kill(signal.SIGCONT)
    app.send(b"k")  # whole euros -> thousands: the app still takes keys, once each
    app.wait_for_bytes(texts.UNIT_THOUSANDS.encode(), since=mark)
    assert b"\x1b[?1049h" not in app.output[mark:]
