"""Routing a logged-in client: a planner on a pseudo-terminal of its own, or one of the
read-only commands (:mod:`commands`); each in the adviser's name, folders and limits,
and each counted against the server's (:mod:`gebiedsplanner.core.admission`)."""

from __future__ import annotations

import asyncio
import os
import pty
import re
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple, cast

import platformdirs

from gebiedsplanner import APP_NAME
from gebiedsplanner.core.admission import Admission
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.server_limits import Limit, Limits
from gebiedsplanner.disk.writing import private_folder
from gebiedsplanner.exports.pdf import remove_left_behind
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings.locations import SERVED_AT
from gebiedsplanner.ssh.advisers import Adviser
from gebiedsplanner.ssh.commands import Refused, as_given, tool_arguments
from gebiedsplanner.ssh.keys import KeyFile
from gebiedsplanner.ssh.logbook import Logbook
from gebiedsplanner.ssh.quiet_asyncssh import asyncssh
from gebiedsplanner.ssh.refusing import Refusing
from gebiedsplanner.ssh.supervision import Launcher, Running, hang_up, kill
from gebiedsplanner.ssh.terminal import (
    copy,
    discard,
    keys_to_planner,
    planner_to_client,
    set_size,
)

#: A terminal type as terminfo names them (``xterm-256color``, ``screen.xterm``).
_TERMINAL_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}")


class Client(NamedTuple):
    """A session's streams, from asyncssh's stream session (whose channel the connection
    opened and counts: :mod:`gebiedsplanner.ssh.authentication`)."""

    stdin: asyncssh.SSHReader[bytes]
    stdout: asyncssh.SSHWriter[bytes]
    stderr: asyncssh.SSHWriter[bytes]

    @property
    def channel(self) -> asyncssh.SSHServerChannel[bytes]:
        return cast("asyncssh.SSHServerChannel[bytes]", self.stdout.channel)


class Serving:
    """What the server knows: its keys, folders and log, and the sessions running."""

    def __init__(
        self, keys: KeyFile, scenario_dirs: list[str], log: Logbook, limits: Limits
    ) -> None:
        self.keys, self.scenario_dirs, self.log = keys, scenario_dirs, log
        self.admission = Admission(limits)
        self.refusing = Refusing()
        self.sessions: set[Running] = set()
        self.stopping = False
        self.launcher = Launcher(log)

    @staticmethod
    def _planner() -> list[str]:
        return [sys.executable, "-m", "gebiedsplanner", *_language()]

    def planner_arguments(self, adviser: Adviser) -> list[str]:
        """The planner on the served folders, writing nowhere else, with the limits of
        the adviser's key line."""
        command = [*_language(), "--library", "--confined"]
        for folder in self.scenario_dirs:
            command += ["--scenario-dir", folder]
        if adviser.read_only:
            command.append("--read-only")
        # One word each (``--may-change=-x``): a name that begins with - is no option.
        command += [f"--may-change={gebied}" for gebied in sorted(adviser.gebieden or ())]
        return command

    def environment(
        self, adviser: Adviser, term: str, reached: tuple[object, ...] | None = None
    ) -> dict[str, str]:
        """The planner's environment: the adviser's name and folders, the client's
        terminal, and the address and port the client's connection ``reached`` (its
        socket's own: for the ssh command the export dialog shows)."""
        home = Path(platformdirs.user_state_dir(APP_NAME)) / "advisers" / adviser.name
        # The server's PYTHONPATH too: a command runs the planner the server runs, as
        # the sessions forked from its launcher do (not another install's); and its
        # TMPDIR, where a PDF's page and browser profile go (some 50 MB for a large one).
        passed = ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "LC_CTYPE", "HOME", "TZ", "TMPDIR")
        environment = {name: value for name, value in os.environ.items() if name in passed}
        environment.update(
            TERM=term,
            LOGNAME=adviser.name,
            USER=adviser.name,
            XDG_STATE_HOME=str(home / "state"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
        )
        if reached:  # (host, port), and two more for IPv6
            environment[SERVED_AT] = f"{reached[0]} {reached[1]}"
        return environment

    def over_limit(self, limit: Limit, **fields: object) -> str:
        """Log that ``limit`` refused (or ended) something of a client's; the line the
        client is told."""
        self.log("over-limit", limit=limit, **fields)
        return limit.refusal(self.admission.limits)

    async def session(
        self,
        stdin: asyncssh.SSHReader[bytes],
        stdout: asyncssh.SSHWriter[bytes],
        stderr: asyncssh.SSHWriter[bytes],
    ) -> None:
        """One session channel's request: a command, or the planner on a terminal."""
        client = Client(stdin, stdout, stderr)
        channel = client.channel
        adviser: Adviser = channel.get_extra_info("adviser")
        command = channel.get_command()
        if command is not None:
            channel.exit(await self._run_tool(client, adviser, command))
            return
        term = channel.get_terminal_type()
        if term is None:
            client.stderr.write(texts.SSH_NEEDS_TERMINAL.encode())
            channel.exit(1)
            return
        if not _TERMINAL_TYPE.fullmatch(term):
            self.log("terminal-refused", name=adviser.name, term=term)
            client.stderr.write(texts.SSH_BAD_TERMINAL.format(term=literal(term)).encode())
            channel.exit(1)
            return
        taken = self.admission.terminal(adviser.name, channel.get_connection())
        if isinstance(taken, Limit):
            _say(client.stderr, self.over_limit(taken, name=adviser.name))
            channel.exit(1)
            return
        try:
            self.log("session", name=adviser.name, term=term)
            code, idle = await self._run_planner(client, adviser, term)
        finally:
            taken.release()
        said = self.over_limit(Limit.IDLE_SECONDS, name=adviser.name) if idle else ""
        self.log("session-end", name=adviser.name, exit=code)
        if said:  # now the planner has left the screen, so the line stays in view
            _say(client.stdout, "\r\n" + said)
        elif self.stopping:
            client.stdout.write(texts.SSH_ENDED_BY_SERVER.encode())
        channel.exit(code if code >= 0 else 1)

    async def _run_tool(self, client: Client, adviser: Adviser, command: str) -> int:
        """A read-only tool on served scenarios (:mod:`commands`), its output to the
        client; anything else, or one over a limit, refused in one line."""
        folders = [Path(folder) for folder in self.scenario_dirs]
        try:
            terminal = client.channel.get_terminal_type() is not None  # ssh -t
            arguments = tool_arguments(command, folders, self.admission.limits, terminal=terminal)
        except Refused as refusal:
            if refusal.limit is None:
                self.log("command-refused", name=adviser.name, command=command, why=refusal)
            else:
                self.log("over-limit", limit=refusal.limit, name=adviser.name, command=command)
            said = texts.SSH_COMMAND_REFUSED.format(command=literal(command), why=refusal)
            client.stderr.write(said.encode("utf-8", "replace"))
            return 1
        taken = self.admission.command(adviser.name)
        if isinstance(taken, Limit):
            _say(client.stderr, self.over_limit(taken, name=adviser.name, command=command))
            return 1
        try:
            with tempfile.TemporaryDirectory(prefix="gebiedsplanner-command-") as here:
                given = as_given(arguments, Path(here))
                return await self._run_command(client, adviser, command, given, here)
        finally:
            taken.release()

    async def _run_command(
        self,
        client: Client,
        adviser: Adviser,
        command: str,
        arguments: list[str],
        here: str,
    ) -> int:
        """The tool in a process of its own, in the folder ``here``, killed when it runs
        past the time limit (a client that stops reading its output holds it up just as
        long)."""
        self.log("command", name=adviser.name, command=command)
        try:
            child = await asyncio.create_subprocess_exec(
                *self._planner(),
                *arguments,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=self.environment(adviser, "dumb"),
                start_new_session=True,
                cwd=here,
            )
        except OSError as error:
            self.log("command-failed", name=adviser.name, why=error)
            return 1
        assert child.stdout is not None and child.stderr is not None
        self.sessions.add(child)
        code = -1
        try:
            async with asyncio.timeout(self.admission.limits.command_seconds):
                try:
                    async with asyncio.TaskGroup() as copying:
                        copying.create_task(copy(child.stdout, client.stdout))
                        copying.create_task(copy(child.stderr, client.stderr))
                    code = await child.wait()
                except* (asyncssh.Error, ConnectionError):  # the link has gone: so has the tool
                    pass
        except TimeoutError:
            kill(child)
            limit = Limit.COMMAND_SECONDS
            _say(client.stderr, self.over_limit(limit, name=adviser.name, command=command))
        finally:
            self.sessions.discard(child)
            # What it still writes, dropped: asyncio's wait() waits for its pipes to close.
            async with asyncio.TaskGroup() as ending:
                ending.create_task(discard(child.stdout))
                ending.create_task(discard(child.stderr))
                ending.create_task(hang_up(child))
            await _remove_pdf_folders([child.pid])
        self.log("command-end", name=adviser.name, exit=code)
        return code if code >= 0 else 1

    async def _run_planner(self, client: Client, adviser: Adviser, term: str) -> tuple[int, bool]:
        """The planner's exit status, and whether it was ended for sitting idle."""
        width, height, _, _ = client.channel.get_terminal_size()
        leader, follower = pty.openpty()
        environment = self.environment(adviser, term, client.channel.get_extra_info("sockname"))
        try:
            set_size(leader, width, height)
            private_folder(Path(environment["XDG_STATE_HOME"]).parent)
            child = await self.launcher.launch(
                self.planner_arguments(adviser), environment, follower
            )
        except OSError as error:
            os.close(leader)
            self.log("session-failed", name=adviser.name, why=error)
            return 1, False
        finally:
            os.close(follower)
        self.sessions.add(child)
        os.set_blocking(leader, False)
        # The session ends with whichever ends first: the planner (it quits, its
        # terminal closes) or the link (the keys stop: a hang-up, as on a dropped line),
        # or the adviser's silence past the idle limit (a hang-up too: the journal stays).
        idle_seconds = self.admission.limits.idle_seconds
        drawing = asyncio.create_task(planner_to_client(client.stdout, leader))
        typing = asyncio.create_task(keys_to_planner(client.stdin, leader, idle_seconds))
        try:
            done, _ = await asyncio.wait((drawing, typing), return_when=asyncio.FIRST_COMPLETED)
            # The keys end with a link that drops as well (an error then, not False).
            idle = typing in done and typing.exception() is None and typing.result()
            await hang_up(child)
            return await child.wait(), idle
        finally:
            self.sessions.discard(child)
            drawing.cancel()
            typing.cancel()
            await hang_up(child)
            os.close(leader)

    async def stop(self) -> None:
        """End every session (a hang-up: their journals stay) and wait for them."""
        self.stopping = True
        children = list(self.sessions)
        await asyncio.gather(*(hang_up(child) for child in children))
        await _remove_pdf_folders([child.pid for child in children])


async def _remove_pdf_folders(pids: list[int]) -> None:
    """The temporary folders of a PDF (``report --format pdf``) that the commands
    ``pids`` made and, killed or hung up, could not remove: at once, with a browser
    still running in one (it dies with its command, but may take a moment)."""
    temporary = Path(os.environ.get("TMPDIR") or tempfile.gettempdir())
    for pid in pids:
        await asyncio.to_thread(remove_left_behind, temporary, pid)


def _language() -> list[str]:
    return ["--lang", language.current()]


def _say(stream: asyncssh.SSHWriter[bytes], line: str) -> None:
    """One line to the client (a terminal wants ``\\r\\n``)."""
    stream.write(f"{line}\r\n".encode("utf-8", "replace"))
