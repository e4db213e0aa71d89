"""SSH load: N advisers log in to ``ssh-serve`` at once and edit the team's plan.

    python benchmarks/bench_ssh.py

For N = 1, 10 and 20: ``gebiedsplanner ssh-serve --port 0`` on loopback, with its
own XDG folders and the bundled scenario copied into a team folder. N asyncssh
clients connect at once (``asyncio.gather``), each with a key of its own, so each
is another adviser with a journal of its own, in an 80x24 ``xterm-256color`` pty.

- **Login to first frame**: from starting the connection (handshake, key login,
  the planner's process started on its pty) to the library's title on the
  client's screen. Median and slowest of the N clients.
- **Edit to screen**: once every client is on the library, all open the team's
  plan; once every client is in it, each makes ``EDITS`` edits of its first amount
  (Enter, ``+1000``, Enter), pausing ``PAUSE`` seconds between them as a person
  does. The clock starts when the Enter that commits an edit is sent and stops
  when the client's screen shows the new amount in the cell. The screen is a small
  terminal model fed with every byte the client receives (:class:`Screen`): the
  planner sends only the changed part of an amount, and the edit line shows the
  new amount before it is committed, so the bytes alone do not say it. Median and
  slowest of all edits of all clients.
- **Server memory per session**: with all N sessions open (after the edits), the
  proportional set size (PSS, ``smaps_rollup``; RSS where there is none) of the
  server and every process under it, minus the server's alone before the first
  login, over N.

The clients run in this process, on the same cores as the server: what they cost
(their encryption, the screen model) is in the figures, as a busy machine would be.
A first round of one session is run and thrown away (bytecode, disk cache).
"""

from __future__ import annotations

import asyncio
import codecs
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from harness import (
    BUNDLED,
    COLUMNS,
    DOWN,
    ENTER,
    LINES,
    Figure,
    listening_port,
    median,
    run,
    stop_server,
    timed,
)

from gebiedsplanner.i18n import texts

if TYPE_CHECKING:
    import asyncssh

SESSIONS = (1, 10, 20)
EDITS = 5
PAUSE = (0.3, 0.9)  # seconds between one's edits, drawn at random
LIMIT = 120.0  # seconds any one wait may take
LIBRARY = texts.LIBRARY_TITLE.split("  ")[0]  # "Scenariobibliotheek"
FIRST_ROW = "Centrum"  # the bundled scenario's first gebied: the edits raise its first amount
RAISE = 1000
#: The issue's targets, at 20 sessions on a 2-core machine (ms, scaled as all time targets).
LOGIN_TARGET, EDIT_TARGET, TARGETS_AT = 1500, 50, 20


class Screen:
    """The characters an 80x24 terminal shows after the bytes received (styles ignored).

    Enough of a terminal for Textual, which places each run it writes with a cursor
    move (CUP); other sequences are skipped. Bytes may arrive cut anywhere: a
    sequence or character cut off is kept until the rest arrives.
    """

    SEQUENCE = re.compile(
        r"\x1b\[([0-9;?<>=$]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[^\[\]]|[^\x1b]+"
    )

    def __init__(self) -> None:
        self.rows = [[" "] * COLUMNS for _ in range(LINES)]
        self.y = self.x = 0
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._pending = ""

    def feed(self, data: bytes) -> None:
        text, position = self._pending + self._decoder.decode(data), 0
        while match := self.SEQUENCE.match(text, position):
            position = match.end()
            if match.group(2) == "H":
                y, _, x = match.group(1).partition(";")
                self.y, self.x = int(y or 1) - 1, int(x or 1) - 1
            elif not match.group().startswith("\x1b"):
                self._text(match.group())
        self._pending = text[position:]

    def _text(self, text: str) -> None:
        for character in text:
            if character == "\r":
                self.x = 0
            elif character == "\n":
                self.y = min(self.y + 1, LINES - 1)
            elif 0 <= self.y < LINES and 0 <= self.x < COLUMNS:
                self.rows[self.y][self.x] = character
                self.x += 1

    def lines(self) -> list[str]:
        return ["".join(row) for row in self.rows]

    def first_amount(self) -> str | None:
        """The first amount on the first gebied's row, as shown (without a policy mark)."""
        for line in self.lines():
            if line.startswith(FIRST_ROW + " "):
                return line.split()[1].rstrip("!")
        return None


def dutch(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


class Client:
    """One adviser's SSH session with a pty, and what its screen shows."""

    def __init__(self, process: asyncssh.SSHClientProcess[bytes]) -> None:
        self.process, self.screen = process, Screen()

    def send(self, keys: bytes) -> None:
        self.process.stdin.write(keys)

    async def until(self, shown: Callable[[], bool], what: str) -> None:
        """Read what the planner writes until ``shown()`` holds for the screen."""
        try:
            async with asyncio.timeout(LIMIT):
                while not shown():
                    data = await self.process.stdout.read(65536)
                    if not data:
                        raise RuntimeError(f"the session ended before {what}")
                    self.screen.feed(data)
        except TimeoutError:
            screen = "\n".join(self.screen.lines())
            raise RuntimeError(f"no {what} after {LIMIT:.0f} s; the screen:\n{screen}") from None


class Session(NamedTuple):
    login_ms: float
    edits_ms: list[float]


async def adviser(
    port: int, key: asyncssh.SSHKey, gate: asyncio.Barrier, done: asyncio.Event, seed: int
) -> Session:
    """Log in, wait for all, open the team plan, wait for all, edit, wait for all."""
    import asyncssh

    started = time.perf_counter()
    async with asyncssh.connect(
        "127.0.0.1", port, username="bench", known_hosts=None, client_keys=[key]
    ) as connection:
        client = Client(
            await connection.create_process(
                request_pty=True,
                term_type="xterm-256color",
                term_size=(COLUMNS, LINES),
                encoding=None,
            )
        )
        await client.until(lambda: any(LIBRARY in line for line in client.screen.lines()), LIBRARY)
        login_ms = (time.perf_counter() - started) * 1000
        await gate.wait()  # everyone on the library
        client.send(DOWN + ENTER)  # the team folder's plan, the second row
        await client.until(lambda: client.screen.first_amount() is not None, "the plan")
        first = client.screen.first_amount()
        assert first is not None
        amount = int(first.replace(".", ""))
        await gate.wait()  # everyone in the plan
        pauses, edits = random.Random(seed), []
        for _ in range(EDITS):
            await asyncio.sleep(pauses.uniform(*PAUSE))
            client.send(ENTER + b"+%d" % RAISE)
            await client.until(lambda: f"+{RAISE}" in client.screen.lines()[-1], "the edit line")
            amount += RAISE
            shown = dutch(amount)
            sent = time.perf_counter()
            client.send(ENTER)
            # the lambda is awaited within this turn of the loop: ``shown`` is this edit's
            await client.until(lambda: client.screen.first_amount() == shown, shown)  # noqa: B023
            edits.append((time.perf_counter() - sent) * 1000)
        await gate.wait()  # everyone has edited: the server's memory is taken now
        await done.wait()
        client.process.close()
    await connection.wait_closed()
    return Session(login_ms, edits)


def tree(root: int) -> list[int]:
    """``root`` and every process under it."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found = [root]
    for pid in found:  # grows while walked: children, then theirs
        found += [child for child, parent in parents.items() if parent == pid]
    return found


def memory_kb(pid: int) -> int:
    """PSS of one process, or its RSS where the kernel has no ``smaps_rollup``."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            text = Path(f"/proc/{pid}/{name}").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def tree_memory_kb(root: int) -> int:
    return sum(memory_kb(pid) for pid in tree(root))


class Round(NamedTuple):
    sessions: list[Session]
    memory_per_session_mb: float


def serve(work: Path, team: Path) -> subprocess.Popen[bytes]:
    """``ssh-serve`` on a free loopback port, with folders of its own under ``work``."""
    env = dict(
        os.environ,
        XDG_STATE_HOME=str(work / "state"),
        XDG_DATA_HOME=str(work / "data"),
        XDG_CONFIG_HOME=str(work / "config"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as after a real install
    command = [sys.executable, "-m", "gebiedsplanner", "ssh-serve", "--port", "0"]
    command += ["--authorized-keys", str(work / "authorized_keys"), "--scenario-dir", str(team)]
    with (work / "server.err").open("wb") as errors:
        return subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=errors, env=env, cwd=work
        )


async def advise(
    count: int, port: int, keys: list[asyncssh.SSHKey], server: int, alone: int
) -> Round:
    """``count`` advisers at once; the server's memory taken while all are in."""
    gate, done = asyncio.Barrier(count + 1), asyncio.Event()
    advisers = asyncio.gather(
        *(adviser(port, key, gate, done, seed) for seed, key in enumerate(keys))
    )
    try:
        for _ in range(3):  # all on the library, all in the plan, all edited
            passed = asyncio.ensure_future(gate.wait())
            await asyncio.wait((passed, advisers), return_when=asyncio.FIRST_COMPLETED)
            if not passed.done():  # an adviser failed: its error
                passed.cancel()
                await advisers
        everyone = tree_memory_kb(server)
    finally:
        done.set()
    return Round(await advisers, (everyone - alone) / count / 1024)


def round_of(count: int) -> Round:
    """One server, ``count`` advisers at once; the server stopped and its folders removed."""
    import asyncssh

    work = Path(tempfile.mkdtemp(prefix="bench-ssh-"))
    try:
        team = work / "team"
        team.mkdir()
        shutil.copyfile(BUNDLED, team / BUNDLED.name)
        keys = [
            asyncssh.generate_private_key("ssh-ed25519", comment=f"adviseur{index:02d}")
            for index in range(count)
        ]
        (work / "authorized_keys").write_bytes(b"".join(k.export_public_key() for k in keys))
        server = serve(work, team)
        try:
            port = listening_port(work / "server.err", server, LIMIT)
            alone = tree_memory_kb(server.pid)
            return asyncio.run(advise(count, port, keys, server.pid, alone))
        finally:
            stop_server(server, LIMIT)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure() -> list[Figure]:
    try:
        with warnings.catch_warnings():  # its import warns of DSA keys going from cryptography
            warnings.simplefilter("ignore")
            import asyncssh  # noqa: F401
    except ImportError as error:
        print(f"bench_ssh: skipped, asyncssh cannot be imported ({error})", file=sys.stderr)
        return []
    round_of(1)  # warm-up
    figures = []
    for count in SESSIONS:
        done = round_of(count)
        logins = [session.login_ms for session in done.sessions]
        edits = [ms for session in done.sessions for ms in session.edits_ms]
        login_target = LOGIN_TARGET if count == TARGETS_AT else None
        edit_target = EDIT_TARGET if count == TARGETS_AT else None
        figures += [
            timed(
                f"ssh, {count} at once: login to first frame (median)", median(logins), login_target
            ),
            timed(f"ssh, {count} at once: login to first frame (slowest)", max(logins)),
            timed(f"ssh, {count} at once: edit to screen (median)", median(edits), edit_target),
            timed(f"ssh, {count} at once: edit to screen (slowest)", max(edits)),
            Figure(
                f"ssh, {count} at once: server memory per session", done.memory_per_session_mb, "MB"
            ),
        ]
    return figures


if __name__ == "__main__":
    run(measure)
