"""An edit repaints only what changed, and the terminal then shows what a full repaint shows.

Over SSH every byte counts, so an edit repaints each changed amount only up to its
last character that differs (62.327.000 to 62.328.000 sends 62.328) and the room and
its over-envelope sign in one run. Textual's own tests cannot see a mistake there:
they read what Textual would draw, not what the terminal holds after the parts it was
sent. So the real app runs in a pseudo-terminal, the bytes it writes are played on a
model of the terminal, and after the edits a resize makes the app paint everything
anew: the terminal must not change.
"""

from __future__ import annotations

import struct
import termios
from collections.abc import Iterator
from fcntl import ioctl
from pathlib import Path

import pytest

from gebiedsplanner.ui.widgets.figure import changed_up_to
from tests.pty_terminal import COLUMNS, ENTER, LINES, Cells, PtyApp, pty_problem

PTY_PROBLEM = pty_problem()
RIGHT, DOWN = b"\x1b[C", b"\x1b[B"


def test_a_change_is_repainted_up_to_its_last_character_that_differs() -> None:
    assert changed_up_to("62.327.000", "62.328.000") == 6
    assert changed_up_to("   -53.000", "   -52.000") == 6
    assert changed_up_to("-1.000.000", "  -999.000") == 6
    assert changed_up_to("Beleid: 5", "Beleid: 7") == 9
    assert changed_up_to("4,9%", "4,9%") == 0


@pytest.fixture
def app(isolated_user_dirs: Path, scenario_file: Path) -> Iterator[PtyApp]:
    started = PtyApp(isolated_user_dirs, str(scenario_file))
    yield started
    started.close()


def shown(app: PtyApp) -> Cells:
    cells = Cells()
    cells.feed(bytes(app.output))
    return cells


def resize(app: PtyApp, columns: int) -> None:
    """The terminal is made ``columns`` wide (the kernel tells the app: SIGWINCH)."""
    ioctl(app.fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, columns, 0, 0))


def edit(amount: bytes) -> bytes:
    return ENTER + amount + ENTER


@pytest.mark.skipif(PTY_PROBLEM is not None, reason=PTY_PROBLEM or "")
def test_after_edits_painted_in_part_the_terminal_shows_what_a_full_repaint_shows(
    app: PtyApp,
) -> None:
    app.wait_for(lambda: shown(app).lines()[3].startswith("Centrum"), "the table")
    cursor = shown(app).cells[3][34]  # the last digit of Centrum's couleur locale, focused
    # Taakstelling of Centrum: over the envelope, room and open marked, the count up;
    # of Charlois: within again. Then a couleur locale that loses its mark: over again.
    app.send(RIGHT + RIGHT + edit(b"+1000") + DOWN + edit(b"-1000") + DOWN)
    app.send(b"\x1b[D\x1b[D" + edit(b"+1000"))
    after_edits = [
        "Delfshaven                  250.000  4.956.000   -119.000  5.087.000    4,9%",
        "Ruimte     -1.000! ▲ BOVEN ENVELOPE Envelope  62.327.000 Gepland  62.328.000",
        "Taakstelling  -1.000.000 verdeeld  -1.000.000 open           0 Beleid: 5",
        " ⏎ Wijzig  m Verschuif  ] Jaar  ^s Opslaan  e Export  l Bibliotheek  ? Help",
    ]

    def edits_done() -> bool:
        """The last frame of the edits: the key line back, the table focused again."""
        screen = shown(app)
        lines = {line.rstrip() for line in screen.lines()}
        return set(after_edits) <= lines and screen.cells[5][34] == ("0", cursor[1])

    app.wait_for(edits_done, "the edits on screen")
    painted_in_part = shown(app).cells

    resize(app, COLUMNS - 1)  # the narrow totals: every line drawn again
    app.wait_for(lambda: "Env." in shown(app).lines()[-3], "the narrow totals")
    resize(app, COLUMNS)
    app.wait_for(lambda: shown(app).cells == painted_in_part, "the same screen, drawn whole")


@pytest.mark.skipif(PTY_PROBLEM is not None, reason=PTY_PROBLEM or "")
def test_the_terminal_size_wins_over_stale_columns_and_lines_in_the_environment(
    isolated_user_dirs: Path, scenario_file: Path
) -> None:
    """Started from a program that uses GNU readline (a Python prompt, pytest under
    pytest-xdist), the app inherits ``COLUMNS`` and ``LINES`` as they were then; the
    terminal's own size still decides what is drawn, at the start and after a resize."""
    app = PtyApp(
        isolated_user_dirs, str(scenario_file), environment={"COLUMNS": "120", "LINES": "40"}
    )
    try:
        app.wait_for(lambda: shown(app).lines()[-1].startswith(" ⏎ Wijzig"), "the key line")
        assert "Envelope" in shown(app).lines()[-3]  # 80 columns: the wide totals
        resize(app, COLUMNS - 1)
        app.wait_for(lambda: "Env." in shown(app).lines()[-3], "the narrow totals")
    finally:
        app.close()
