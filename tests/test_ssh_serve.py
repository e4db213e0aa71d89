"""ssh-serve with a real OpenSSH client in a pseudo-terminal, as an adviser logs in.

The server and its clients are made in :mod:`tests.ssh_helpers`. Skipped where the
OpenSSH client is missing (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from gebiedsplanner.i18n import texts
from tests.pty_terminal import PtyApp
from tests.ssh_helpers import (
    DOWN,
    ENTER,
    LIBRARY,
    LIMIT,
    SAVE,
    Server,
    edit_team_plan,
    log_in,
    needs_openssh,
    open_team_plan,
    run,
    running_server,
    ssh_command,
    wait_for_log,
)

RECOVERY = texts.RECOVER_TITLE.encode()

pytestmark = needs_openssh


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with running_server(tmp_path) as started:
        yield started


def test_an_adviser_logs_in_with_a_key_and_the_change_log_says_who(
    server: Server, tmp_path: Path
) -> None:
    client = log_in(server, "anna", tmp_path / "anna")
    try:
        edit_team_plan(client)
        client.send(SAVE)
        plan = server.team / "plan.toml"
        client.wait_for(lambda: 'who = "anna"' in plan.read_text(), "the save", LIMIT)
        client.wait_for_screen_text(texts.SAVED.split(" {")[0], limit=LIMIT)  # "Opgeslagen in"
        client.send(b"q")
        assert client.wait_for_exit(LIMIT) == 0
    finally:
        client.close()
    wait_for_log(server, "session-end name=anna exit=0")
    assert "login name=anna key=SHA256:" in server.log.read_text()


@pytest.mark.parametrize(
    "how", [("eve",), ("anna", "-o", "PubkeyAuthentication=no")], ids=["unknown key", "password"]
)
def test_an_unknown_key_and_a_password_are_refused(server: Server, how: tuple[str, ...]) -> None:
    name, *options = how
    done = subprocess.run(
        [*ssh_command(server, name, *options), "true"],
        capture_output=True,
        text=True,
        timeout=LIMIT,
    )
    assert done.returncode == 255
    assert "Permission denied" in done.stderr
    wait_for_log(server, "refused peer=")


def test_an_adviser_limited_to_noord_cannot_change_charlois_and_is_told_why(
    server: Server, tmp_path: Path
) -> None:
    plan = server.team / "plan.toml"
    before = plan.read_bytes()
    client = log_in(server, "noor", tmp_path / "noor")
    try:
        open_team_plan(client)
        client.wait_for_screen_text("mag wijzigen: Noord", limit=LIMIT)
        client.send(DOWN)  # Charlois
        client.send(ENTER)
        client.wait_for_screen_text("Charlois is alleen", limit=LIMIT)
        client.send(b"+1000")  # typed on: no edit line takes it
        client.send(ENTER)
        client.send(b"q")
        assert client.wait_for_exit(LIMIT) == 0  # nothing unsaved to ask about
    finally:
        client.close()
    assert plan.read_bytes() == before


def test_a_command_other_than_the_read_only_tools_is_refused_in_one_line(server: Server) -> None:
    done = run(server, "anna", "ls", "/")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "opdracht geweigerd: ls /: hier kunnen alleen summary, export, compare en report draaien"
    )
    assert done.stdout == ""
    outside = run(server, "anna", "export", "plan", "-o", "/tmp/gebiedsplanner-ssh-test.csv")
    assert outside.returncode == 1
    assert "-o is een van: -" in outside.stderr
    assert not Path("/tmp/gebiedsplanner-ssh-test.csv").exists()
    wait_for_log(server, "command-refused name=anna")


def test_the_read_only_tools_run_on_served_scenarios(server: Server) -> None:
    shutil.copyfile(server.team / "plan.toml", server.team / "variant.toml")
    summary = run(server, "anna", "summary", "plan.toml")
    assert summary.returncode == 0, summary.stderr
    assert "2017  57.931.000  58.181.000  -250.000" in summary.stdout
    export = run(server, "anna", "export", "plan")
    assert export.returncode == 0, export.stderr
    assert export.stdout.splitlines()[0] == "scenario,gebied,post,jaar,bedrag"
    assert len(export.stdout.splitlines()) > 100
    compare = run(server, "noor", "compare", "plan", "variant.toml")  # limits: still reads
    assert compare.returncode == 0, compare.stderr
    missing = run(server, "anna", "summary", "geen.toml")
    assert missing.returncode == 1
    assert missing.stderr.strip().endswith("geen.toml staat niet in de gedeelde mappen")


def test_a_dropped_link_leaves_a_journal_offered_to_the_same_adviser_only(
    server: Server, tmp_path: Path
) -> None:
    client = log_in(server, "anna", tmp_path / "anna")
    try:
        edit_team_plan(client)
        client.wait_for_bytes(texts.TITLE_DIRTY.strip().encode(), limit=LIMIT)
        client.kill(signal.SIGKILL)  # the adviser's laptop is gone
    finally:
        client.close()
    wait_for_log(server, "session-end name=anna")
    colleague = log_in(server, "bob", tmp_path / "bob")
    try:
        open_team_plan(colleague)
        colleague.wait_for_bytes(texts.KEY_POLICY.encode(), limit=LIMIT)  # the totals: all drawn
        assert RECOVERY not in colleague.output
        assert b"herstel (" not in colleague.output  # the library was listed before
    finally:
        colleague.close()
    again = log_in(server, "anna", tmp_path / "anna-again")
    try:
        again.wait_for_bytes(LIBRARY, limit=LIMIT)
        again.wait_for_screen_text("eerdere sessie in: plan.toml", limit=LIMIT)  # at login
        again.wait_for_screen_text("● herstel (1)", limit=LIMIT)  # and on its row
        again.send(DOWN)
        again.send(ENTER)  # the same plan: her change is offered back
        again.wait_for_bytes(RECOVERY, limit=LIMIT)
    finally:
        again.close()


def _launcher(server: Server) -> int:
    """The server's launcher process (it forks the sessions)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if parent == server.pid and b"gebiedsplanner.ssh.launcher" in command:
            return int(stat.parent.name)
    raise AssertionError("no launcher under the server")


def test_a_lost_launcher_is_replaced_and_its_sessions_still_end_with_the_server(
    server: Server, tmp_path: Path
) -> None:
    bob = log_in(server, "bob", tmp_path / "bob")
    anna = None
    try:
        open_team_plan(bob)
        first = _launcher(server)
        os.kill(first, signal.SIGKILL)  # whatever ended it: bob works on, anna logs in
        wait_for_log(server, "launcher-ended")
        anna = log_in(server, "anna", tmp_path / "anna")
        open_team_plan(anna)
        assert _launcher(server) != first
        os.kill(server.pid, signal.SIGINT)  # the operator stops the server
        for client in (bob, anna):
            client.wait_for_screen_text("De server stopt", limit=LIMIT)
    finally:
        bob.close()
        if anna is not None:
            anna.close()
    wait_for_log(server, "session-end name=bob")
    wait_for_log(server, "session-end name=anna")


@pytest.mark.parametrize(
    ("asked", "given"),
    [
        ((0, 0), (80, 24)),
        ((120, 40), (120, 40)),
        ((10_000, 10_000), (1000, 500)),
        ((70_000, 70_000), (1000, 500)),
    ],
)
def test_a_terminal_size_a_client_claims_is_kept_within_bounds(
    asked: tuple[int, int], given: tuple[int, int]
) -> None:
    """10.000 x 10.000 kept a core busy and grew the planner by 40 MB a second; above
    65.535 the size did not fit and the session failed, leaving its pty open."""
    import fcntl
    import pty
    import struct
    import termios

    from gebiedsplanner.ssh.terminal import set_size

    leader, follower = pty.openpty()
    try:
        set_size(leader, *asked)
        rows, columns, _, _ = struct.unpack(
            "HHHH", fcntl.ioctl(follower, termios.TIOCGWINSZ, b"\0" * 8)
        )
    finally:
        os.close(leader)
        os.close(follower)
    assert (columns, rows) == given


def test_removing_the_keys_file_takes_access_away(server: Server, tmp_path: Path) -> None:
    assert run(server, "anna", "summary", "plan").returncode == 0
    keys = tmp_path / "authorized_keys"
    kept = keys.read_text()
    keys.unlink()
    assert run(server, "anna", "summary", "plan").returncode == 255  # no longer let in
    wait_for_log(server, "keys-unreadable")
    keys.write_text(kept)
    assert run(server, "anna", "summary", "plan").returncode == 0


def test_odd_requests_are_refused_and_logged(server: Server) -> None:
    sftp = run(server, "anna", "-s", "sftp")  # asyncssh refuses it: no SFTP is served
    assert sftp.returncode != 0
    forwarded = subprocess.run(
        ssh_command(server, "anna", "-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:localhost:22"),
        capture_output=True,
        text=True,
        timeout=LIMIT,
    )
    assert forwarded.returncode == 255
    wait_for_log(server, "forwarding-refused name=anna")
    weird = subprocess.run(
        [*ssh_command(server, "anna", "-tt"), "summary", "x" * 5000],
        capture_output=True,
        text=True,
        timeout=LIMIT,
        env={**os.environ, "TERM": "xterm;rm -rf"},
    )
    assert weird.returncode == 1
    log = server.log.read_text()
    assert max(len(line) for line in log.splitlines()) < 1000  # a client's 5.000 x: cut short


def test_a_terminal_type_that_is_no_name_is_refused_with_a_message(
    server: Server, tmp_path: Path
) -> None:
    command = ssh_command(server, "anna", "-t")
    client = PtyApp(tmp_path / "odd", command=command, term="xterm\x1b[31m")
    try:
        assert client.wait_for_exit(LIMIT) == 1
        assert b"is onbekend: zet TERM op een gewoon type" in client.output
    finally:
        client.close()
    wait_for_log(server, "terminal-refused name=anna")
