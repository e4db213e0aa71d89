"""ssh-serve run as an operator runs it, for the tests that log in to it from outside.

The server runs as ``gebiedsplanner ssh-serve --port 0`` on loopback, with its own
XDG folders and the bundled scenario in its team folder; each adviser's key is made
by ``ssh-keygen``. Clients are the real OpenSSH client (in a pseudo-terminal where a
person would type) or asyncssh's, where a test needs what OpenSSH does not offer
(two sessions on one connection, a client that stops reading).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest
from harness import listening_port, stop_server

from gebiedsplanner.i18n import texts
from gebiedsplanner.ssh.quiet_asyncssh import asyncssh
from tests.pty_terminal import PtyApp, pty_problem

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "scenarios" / "nrw-2016-2019.toml"
LIMIT = 60.0
LIBRARY = texts.LIBRARY_TITLE.split("  ")[0].encode()  # "Scenariobibliotheek"
DOWN, ENTER, SAVE = b"\x1b[B", b"\r", b"\x13"
#: The advisers' lines (the key goes where ``{key}`` is); ``eve``'s key is known to nobody.
ADVISERS = ("anna", "bob", 'gebieden="Noord" noor', "carla", "alleen-lezen manager")

needs_openssh = pytest.mark.skipif(
    shutil.which("ssh") is None or shutil.which("ssh-keygen") is None or pty_problem(),
    reason="needs the OpenSSH client (ssh, ssh-keygen; Debian's openssh-client) and a pty",
)


class Server(NamedTuple):
    port: int
    keys: Path  # folder of the advisers' private keys, by name
    team: Path
    log: Path  # the server's stderr
    pid: int
    home: Path  # its XDG folders

    def adviser_state(self, name: str) -> Path:
        """Where the server keeps ``name``'s own state (their journals among it)."""
        return self.home / "state" / "gebiedsplanner" / "advisers" / name


def _key(folder: Path, name: str) -> str:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(folder / name)],
        check=True,
    )
    return (folder / f"{name}.pub").read_text().strip()


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        XDG_STATE_HOME=str(home / "state"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    return env


@contextmanager
def running_server(folder: Path, *options: str) -> Iterator[Server]:
    """``ssh-serve`` with ``options`` and the :data:`ADVISERS`, until the block ends
    (then stopped as an operator stops it: SIGINT)."""
    keys, team = folder / "keys", folder / "team"
    keys.mkdir()
    team.mkdir()
    shutil.copyfile(BUNDLED, team / "plan.toml")
    _key(keys, "eve")
    lines = []
    for line in ADVISERS:
        *restriction, name = line.split()
        lines.append(" ".join([*restriction, _key(keys, name)]))
    (folder / "authorized_keys").write_text("\n".join(lines) + "\n")
    log = folder / "server.err"
    command = [sys.executable, "-m", "gebiedsplanner", "ssh-serve", "--port", "0"]
    command += ["--authorized-keys", str(folder / "authorized_keys")]
    command += ["--scenario-dir", str(team), *options]
    with log.open("wb") as errors:
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=_environment(folder / "server"),
            cwd=folder,
        )
    try:
        port = listening_port(log, process, LIMIT)  # its "listen ... port=N" log line
        yield Server(port, keys, team, log, process.pid, folder / "server")
    finally:
        stop_server(process, LIMIT)


def ssh_command(server: Server, name: str, *extra: str) -> list[str]:
    """The OpenSSH client's command line to log in as ``name``, before its own arguments."""
    return [
        "ssh",
        "-p",
        str(server.port),
        "-i",
        str(server.keys / name),
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "BatchMode=yes",
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        *extra,
        "localhost",
    ]


def log_in(server: Server, name: str, home: Path) -> PtyApp:
    """``ssh -t``: the adviser ``name`` in a terminal of their own."""
    return PtyApp(home, command=ssh_command(server, name, "-t"))


def run(server: Server, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``ssh ... localhost ARGS`` without a terminal: a login that asks for no session."""
    return subprocess.run(
        [*ssh_command(server, name), *args], capture_output=True, text=True, timeout=LIMIT
    )


async def connect(server: Server, name: str) -> asyncssh.SSHClientConnection:
    """An asyncssh client logged in as ``name`` (no agent, config or known hosts of the
    machine's)."""
    return await asyncssh.connect(
        "127.0.0.1",
        server.port,
        username=name,
        client_keys=[str(server.keys / name)],
        known_hosts=None,
        agent_path=None,
        config=None,
    )


def open_team_plan(client: PtyApp) -> None:
    """From the library the session opens on: the team folder's plan (second row)."""
    client.wait_for_bytes(LIBRARY, limit=LIMIT)
    start = len(client.output)
    client.send(DOWN)
    client.send(ENTER)
    client.wait_for_bytes(texts.CAPTION_IMPOSED.encode(), since=start, limit=LIMIT)


def edit_team_plan(client: PtyApp) -> None:
    """Open the team plan and raise its first cell by 1.000."""
    open_team_plan(client)
    client.send(ENTER)
    client.send(b"+1000")
    client.send(ENTER)


def log_text(server: Server) -> str:
    return server.log.read_text(encoding="utf-8", errors="replace")


def wait_for_log(server: Server, text: str, count: int = 1) -> None:
    """Until the server's log holds ``text`` (``count`` times)."""
    deadline = time.monotonic() + LIMIT
    while log_text(server).count(text) < count:
        assert time.monotonic() < deadline, f"no {text!r} x{count} in {log_text(server)}"
        time.sleep(0.05)
