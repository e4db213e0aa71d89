"""The adviser's terminal survives whatever ends the app: signals, suspension, crashes.

Most tests run the real app in a pseudo-terminal (``tests/pty_terminal.py``) with
a writable copy of the bundled scenario, send it signals as ``kill`` would, and
read the bytes it writes. The last test checks the private Textual API that
``TerminalApp`` relies on, so a Textual upgrade that changes it fails here.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import re
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver

from gebiedsplanner.disk import crash_log
from gebiedsplanner.editing import journal, leftovers
from gebiedsplanner.editing.storage import load
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import load_settings
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.screens.planner import PlannerScreen
from tests.conftest import BUNDLED
from tests.pty_launch import CRASH_MESSAGE
from tests.pty_terminal import ENTER, TITLE, PtyApp, pty_problem

PTY_PROBLEM = pty_problem()
needs_pty = pytest.mark.skipif(PTY_PROBLEM is not None, reason=PTY_PROBLEM or "")

LEAVE_ALT_SCREEN, SHOW_CURSOR = b"\x1b[?1049l", b"\x1b[?25h"
MOUSE_OFF = (b"\x1b[?1000l", b"\x1b[?1003l", b"\x1b[?1006l")
ESCAPE_SEQUENCE = re.compile(rb"\x1b\[[0-9;?<>=$]*[A-Za-z~]")
CRASH_LINE = texts.CRASH_APP.split("{")[0].encode()
LOG_NAMED = re.compile(texts.CRASH_LOG_WRITTEN.replace("{file}", r"(\S+\.log)"))


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
    return sum(len(leftovers.read_leftover(path, raw).entries) for path, raw in journals().items())


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
@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130), (signal.SIGQUIT, 131)],
)
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


# -- crashes ---------------------------------------------------------------------------


def logged_crash(line: str) -> str:
    """The crash log that ``line`` names (it must exist)."""
    found = LOG_NAMED.search(line)
    assert found, line
    log = Path(found.group(1))
    assert log.parent == crash_log.log_dir() and log.stat().st_mode & 0o777 == 0o600
    return log.read_text(encoding="utf-8")


@needs_pty
@pytest.mark.parametrize(
    ("breaking", "key"),
    [(("--crash", "toggle_thousands"), b"k"), (("--crash-input", "\x07"), b"\x07")],
    ids=["in-a-planner-action", "in-textual-input-thread"],
)
def test_a_crash_restores_the_terminal_logs_the_traceback_and_says_so_in_one_line(
    terminals: list[PtyApp],
    isolated_user_dirs: Path,
    scenario_file: Path,
    breaking: tuple[str, str],
    key: bytes,
) -> None:
    app = start(terminals, isolated_user_dirs, *breaking, str(scenario_file))
    journals_before = edit_once(app, scenario_file)
    mark = len(app.output)
    app.send(key)
    assert app.wait_for_exit() == 1
    written = bytes(app.output[mark:])
    assert_restored(app, written)
    assert_left_cleanly(scenario_file, journals_before)

    after_screen = written[written.rfind(LEAVE_ALT_SCREEN) :]
    text = ESCAPE_SEQUENCE.sub(b"", after_screen).decode()
    assert text.endswith("\r\n") and text.count("\n") == 1, text  # one line, and the last
    assert text.startswith(CRASH_LINE.decode()), text
    assert "Traceback" not in text and "╭" not in text  # no Rich traceback
    log = logged_crash(text.strip())
    assert "Traceback" in log and f"RuntimeError: {CRASH_MESSAGE}" in log


async def test_under_pilot_a_crash_still_reaches_the_test(scenario_file: Path) -> None:
    """The crash handling must not swallow errors in tests: Pilot re-raises them."""
    app = PlannerApp(load(scenario_file), load_settings())

    def broken() -> None:
        raise RuntimeError(CRASH_MESSAGE)

    with pytest.raises(RuntimeError, match=CRASH_MESSAGE):
        async with app.run_test() as pilot:
            planner = app.screen
            assert isinstance(planner, PlannerScreen)
            planner.action_toggle_thousands = broken  # type: ignore[method-assign]
            await pilot.press("k")
    assert app.return_code == 1
    assert app.crash_notice is not None and CRASH_MESSAGE in logged_crash(app.crash_notice)


# -- Textual's private API, as TerminalApp uses it ---------------------------------------


async def test_the_textual_internals_terminal_app_relies_on_are_still_there() -> None:
    """Fails on a Textual upgrade that changes what ``TerminalApp`` overrides or reads."""
    parameters = inspect.signature(App._handle_exception).parameters
    assert list(parameters) == ["self", "error"]
    app = App[None]()
    assert app._exit_renderables == []
    try:
        raise RuntimeError(CRASH_MESSAGE)
    except RuntimeError as error:
        app._handle_exception(error)  # Textual's own: return code 1, a Rich traceback
    assert app.return_code == 1 and len(app._exit_renderables) == 1

    panic = inspect.signature(App.panic).parameters
    assert [p.kind for p in panic.values()][1:] == [inspect.Parameter.VAR_POSITIONAL]

    # The driver handles SIGTSTP and SIGCONT with plain signal handlers (TerminalApp
    # wraps them) and asks the app to publish app_resume_signal after a resume.
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGTSTP, signal.SIGCONT)}
    try:
        driver = LinuxDriver(app)
        assert driver._must_signal_resume is False  # set by a suspension, cleared on resume
        assert signal.getsignal(signal.SIGTSTP) == driver._sigtstp_application
        assert signal.getsignal(signal.SIGCONT) == driver._sigcont_application
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
    assert "SignalResume" in inspect.getsource(LinuxDriver.start_application_mode)
    # The size is read through _get_terminal_size, at the start and on every SIGWINCH.
    assert list(inspect.signature(LinuxDriver._get_terminal_size).parameters) == ["self"]
    assert "self._get_terminal_size()" in inspect.getsource(LinuxDriver.start_application_mode)


async def test_the_output_thread_survives_a_terminal_hung_up_while_it_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The kernel hangs the terminal up before our signal handlers run: the driver's
    output must take an EIO without dying (its thread would, and the app then blocks)."""
    app = PlannerApp(load(BUNDLED, writable=False), load_settings())
    leader, follower = os.openpty()
    terminal = open(follower, "w")  # noqa: SIM115 - closed below
    monkeypatch.setattr(sys, "__stderr__", terminal)  # the terminal Textual's driver writes to
    output = app.get_driver_class()(app)._file  # what its output thread writes to
    os.close(leader)  # hung up
    try:
        assert output.write("\x1b[2J" * 1000) == 4000
        output.flush()
    finally:
        with contextlib.suppress(OSError):
            terminal.close()
