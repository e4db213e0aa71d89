"""``gebiedsplanner ssh-serve``: the planner as its own SSH server, built on asyncssh.

An adviser types ``ssh -p 2222 planner.example`` and gets the planner, nothing
else, under the name their key has in the authorized-keys file
(:mod:`gebiedsplanner.files.advisers`). No password or keyboard-interactive login,
no shell, no forwarding of ports, agents or X11, no SFTP or SCP.

Each session is the planner in its own process on its own pseudo-terminal, so a
crash in one session touches no other. The process gets the adviser's name as its
login name (the "who" of the change log, the editing notes and the locks) and
state and data folders of the adviser's own, so their journals are offered back
to them, not to a colleague. The client's terminal type, size and resizes are
passed on; a dropped link hangs the session up (SIGHUP), which leaves its journal.

Every connection, login, refusal and session end is one line on stderr and in
``ssh-serve.log`` in the state folder's ``log``.
"""

from __future__ import annotations

import array
import asyncio
import contextlib
import fcntl
import json
import os
import pty
import re
import signal
import socket
import struct
import sys
import termios
import warnings
from collections import deque
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import platformdirs

with warnings.catch_warnings():
    # cryptography warns that DSA will go, on every import of asyncssh: an operator
    # would read it on every start. We never offer DSA (our host key is ed25519).
    warnings.filterwarnings("ignore", message="DSA is deprecated")
    import asyncssh

from gebiedsplanner import language, texts
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.files import crash_log
from gebiedsplanner.files.advisers import Adviser, Advisers, read_advisers
from gebiedsplanner.files.locations import APP_NAME
from gebiedsplanner.files.reading import os_problem, read_problem, read_untrusted
from gebiedsplanner.files.writing import create_exclusive, private_folder
from gebiedsplanner.ssh_commands import Refused, tool_arguments
from gebiedsplanner.ssh_launcher import MESSAGE_LIMIT

HOST_KEY_NAME = "ssh_host_ed25519_key"
HOST_KEY_LIMIT = 64 * 1024
#: A terminal type as terminfo names them (``xterm-256color``, ``screen.xterm``).
_TERMINAL_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}")
#: How long a session may take to leave after its hang-up before it is killed.
LEAVE_SECONDS = 5.0
#: The largest terminal a session is given. A client may claim any size (two 32-bit
#: numbers): at 10.000 x 10.000 the planner lays out 10^8 cells, a core busy and its
#: memory growing by some 40 MB a second; above 65.535 the size does not fit a pty.
MAX_COLUMNS, MAX_ROWS = 1000, 500


class Logbook:
    """One line per event, on stderr and appended to the log file (never through a link)."""

    def __init__(self, folder: Path) -> None:
        self.file: Path | None = None
        with contextlib.suppress(OSError):
            self.file = private_folder(folder) / "ssh-serve.log"

    def __call__(self, event: str, **fields: object) -> None:
        when = datetime.now().astimezone().replace(microsecond=0).isoformat()
        said = " ".join(f"{key}={_bounded(literal(str(value)))}" for key, value in fields.items())
        line = f"{when} {event} {said}".rstrip()
        print(line, file=sys.stderr, flush=True)
        if self.file is not None:
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
            try:
                fd = os.open(self.file, flags, 0o600)
                try:
                    os.write(fd, (line + "\n").encode("utf-8", "replace"))
                finally:
                    os.close(fd)
            except OSError:
                self.file = None  # said once on stderr is better than failing every line


#: How much of one field a log line keeps (a client may send a 10.000-character value).
FIELD_LIMIT = 300


def _bounded(text: str) -> str:
    return text if len(text) <= FIELD_LIMIT else text[:FIELD_LIMIT] + "…"


class KeyFile:
    """The authorized-keys file, read again when it changes (no restart to add someone)."""

    def __init__(self, path: Path, log: Logbook) -> None:
        self.path, self._log = path, log
        self._seen: tuple[int, int, int] | None = None
        self.advisers = Advisers((), ())
        self.current()
        if not self.advisers.advisers and self.advisers.problems:
            raise ProblemsError(list(self.advisers.problems))

    def current(self) -> Advisers:
        try:
            stat = os.stat(self.path)
            seen = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except OSError as error:
            problem = read_problem(str(self.path), error, "authorized-keys")
            if self._seen is None:
                raise ProblemsError([problem]) from None
            return self._revoked([problem], None)
        if seen != self._seen:
            try:
                self.advisers = read_advisers(self.path)
            except ProblemsError as error:
                if self._seen is None:
                    raise
                return self._revoked(error.problems, seen)
            self._seen = seen
            for problem in self.advisers.problems:
                self._log("keys-problem", problem=str(problem))
            self._log("keys", advisers=len(self.advisers.advisers), file=self.path)
        return self.advisers

    def _revoked(self, problems: list[Problem], seen: tuple[int, int, int] | None) -> Advisers:
        """The file is gone or cannot be read: nobody logs in until it can be. Removing
        the file must take access away, not leave the last list in force."""
        if self.advisers.advisers or self._seen != seen:
            for problem in problems:
                self._log("keys-unreadable", problem=str(problem))
        self.advisers, self._seen = Advisers((), tuple(problems)), seen
        return self.advisers


class _Connection(asyncssh.SSHServer):
    """One client: key logins only, the adviser found by the key."""

    def __init__(self, serving: Serving) -> None:
        self._serving = serving
        self._conn: asyncssh.SSHServerConnection | None = None
        self._peer = ""
        self._adviser: Adviser | None = None
        self._tried = 0

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self._conn = conn
        host, port, *_ = conn.get_extra_info("peername", ("?", 0))
        self._peer = f"{host}:{port}"
        self._serving.log("connect", peer=self._peer)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._adviser is None:
            self._serving.log("refused", peer=self._peer, keys_tried=self._tried)
        else:
            self._serving.log("disconnect", name=self._adviser.name, peer=self._peer)

    def connection_requested(self, dest_host: str, dest_port: int, *_: object) -> bool:
        """``ssh -L`` / ``-D``: no forwarding here, said in the log."""
        self._refuse_forwarding(f"{dest_host}:{dest_port}")
        return False

    def server_requested(self, listen_host: str, listen_port: int) -> bool:
        """``ssh -R``: no forwarding here, said in the log."""
        self._refuse_forwarding(f"{listen_host}:{listen_port}")
        return False

    def unix_connection_requested(self, dest_path: str) -> bool:
        self._refuse_forwarding(dest_path)
        return False

    def unix_server_requested(self, listen_path: str) -> bool:
        self._refuse_forwarding(listen_path)
        return False

    def _refuse_forwarding(self, to: str) -> None:
        name = self._adviser.name if self._adviser else ""
        self._serving.log("forwarding-refused", name=name, to=to, peer=self._peer)

    def begin_auth(self, username: str) -> bool:
        return True

    def password_auth_supported(self) -> bool:
        return False

    def kbdint_auth_supported(self) -> bool:
        return False

    def public_key_auth_supported(self) -> bool:
        return True

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        adviser = self._serving.keys.current().by_key(key.public_data)
        if adviser is None:
            self._tried += 1
            return False
        self._adviser = adviser
        assert self._conn is not None
        self._conn.set_extra_info(adviser=adviser, key_fingerprint=key.get_fingerprint())
        return True

    def auth_completed(self) -> None:
        assert self._conn is not None and self._adviser is not None
        fingerprint = self._conn.get_extra_info("key_fingerprint")
        self._serving.log("login", name=self._adviser.name, key=fingerprint, peer=self._peer)


class Running(Protocol):
    """A process of a session: a planner, or a tool run by a command."""

    @property
    def pid(self) -> int: ...

    @property
    def returncode(self) -> int | None: ...

    async def wait(self) -> int: ...


class Forked:
    """A planner the launcher forked; its exit status comes from the launcher."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._ended: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    @property
    def returncode(self) -> int | None:
        return self._ended.result() if self._ended.done() else None

    def end(self, code: int) -> None:
        if not self._ended.done():
            self._ended.set_result(code)

    def orphaned(self) -> None:
        """Its launcher has gone, and with it word of how it ends: it is running still
        (and is hung up as any other), so watch it end (a pidfd), status unknown."""
        try:
            watch = os.pidfd_open(self.pid)
        except OSError:  # already gone
            self.end(-1)
            return
        loop = asyncio.get_running_loop()

        def ended() -> None:
            loop.remove_reader(watch)
            os.close(watch)
            self.end(-1)

        loop.add_reader(watch, ended)

    async def wait(self) -> int:
        return await asyncio.shield(self._ended)


class Launcher:
    """The server's end of :mod:`gebiedsplanner.ssh_launcher`: started with the server
    (and again should it ever end), asked for a planner per session."""

    def __init__(self, log: Logbook) -> None:
        self._log = log
        self._socket: socket.socket | None = None
        self._process: asyncio.subprocess.Process | None = None
        self._listening: asyncio.Task[None] | None = None
        self._asked: deque[asyncio.Future[Forked]] = deque()
        self._running: dict[int, Forked] = {}
        self._starting = asyncio.Lock()

    async def start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "gebiedsplanner.ssh_launcher",
                str(theirs.fileno()),
                pass_fds=(theirs.fileno(),),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
            )
        finally:
            theirs.close()
        ours.setblocking(False)
        ready = await asyncio.get_running_loop().sock_recv(ours, MESSAGE_LIMIT)
        if not ready:
            ours.close()
            raise OSError("the launcher did not start")
        self._socket = ours
        self._listening = asyncio.create_task(self._listen(ours))

    async def launch(self, args: list[str], env: dict[str, str], terminal: int) -> Forked:
        """A planner with ``args`` and ``env`` on ``terminal`` (its pty's follower end)."""
        async with self._starting:
            if self._socket is None:
                await self.start()
            assert self._socket is not None
            asked: asyncio.Future[Forked] = asyncio.get_running_loop().create_future()
            self._asked.append(asked)
            request = json.dumps({"args": args, "env": env}).encode()
            rights = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [terminal]))]
            while True:
                try:
                    self._socket.sendmsg([request], rights)
                    break
                except BlockingIOError:  # the launcher is busy forking: a moment
                    await asyncio.sleep(0.01)
                except OSError:
                    self._asked.remove(asked)
                    raise
        return await asked

    async def _listen(self, channel: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        try:
            while message := await loop.sock_recv(channel, MESSAGE_LIMIT):
                said = json.loads(message)
                if "ended" in said:
                    forked = self._running.pop(said["ended"], None)
                    if forked is not None:
                        forked.end(said["code"])
                    continue
                asked = self._asked.popleft()
                if "pid" in said:
                    self._running[said["pid"]] = forked = Forked(said["pid"])
                    asked.set_result(forked)
                else:
                    asked.set_exception(OSError(said.get("failed", "?")))
        except (OSError, ValueError) as error:
            self._log("launcher-failed", why=error)
        finally:
            self._gone(channel)

    def _gone(self, channel: socket.socket) -> None:
        """The launcher has ended: what waited on it fails; the next session starts a new one."""
        self._log("launcher-ended", sessions=len(self._running))
        channel.close()
        self._socket = None
        while self._asked:
            self._asked.popleft().set_exception(OSError("the launcher has ended"))
        for forked in self._running.values():
            forked.orphaned()
        self._running.clear()

    async def close(self) -> None:
        if self._socket is not None:
            self._socket.shutdown(socket.SHUT_RDWR)
        if self._listening is not None:
            await self._listening
        if self._process is not None and self._process.returncode is None:
            try:
                await asyncio.wait_for(self._process.wait(), LEAVE_SECONDS)
            except TimeoutError:
                self._process.kill()
                await self._process.wait()


class Serving:
    """What the server knows: its keys, folders and log, and the sessions running."""

    def __init__(self, keys: KeyFile, scenario_dirs: list[str], log: Logbook) -> None:
        self.keys, self.scenario_dirs, self.log = keys, scenario_dirs, log
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

    def environment(self, adviser: Adviser, term: str) -> dict[str, str]:
        """The planner's environment: the adviser's name and folders, the client's terminal."""
        home = Path(platformdirs.user_state_dir(APP_NAME)) / "advisers" / adviser.name
        environment = {
            name: value
            for name, value in os.environ.items()
            if name in ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "HOME", "TZ")
        }
        environment.update(
            TERM=term,
            LOGNAME=adviser.name,
            USER=adviser.name,
            XDG_STATE_HOME=str(home / "state"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
        )
        return environment

    async def session(self, process: asyncssh.SSHServerProcess[bytes]) -> None:
        adviser: Adviser = process.get_extra_info("adviser")
        if process.command is not None:
            process.exit(await self._run_tool(process, adviser, process.command))
            return
        term = process.get_terminal_type()
        if term is None:
            process.stderr.write(texts.SSH_NEEDS_TERMINAL.encode())
            process.exit(1)
            return
        if not _TERMINAL_TYPE.fullmatch(term):
            self.log("terminal-refused", name=adviser.name, term=term)
            process.stderr.write(texts.SSH_BAD_TERMINAL.format(term=literal(term)).encode())
            process.exit(1)
            return
        self.log("session", name=adviser.name, term=term)
        code = await self._run_planner(process, adviser, term)
        self.log("session-end", name=adviser.name, exit=code)
        if self.stopping:
            process.stdout.write(texts.SSH_ENDED_BY_SERVER.encode())
        process.exit(code if code >= 0 else 1)

    async def _run_tool(
        self, process: asyncssh.SSHServerProcess[bytes], adviser: Adviser, command: str
    ) -> int:
        """A read-only tool on served scenarios (:mod:`ssh_commands`), its output to the
        client; anything else refused in one line."""
        try:
            arguments = tool_arguments(command, [Path(folder) for folder in self.scenario_dirs])
        except Refused as refusal:
            self.log("command-refused", name=adviser.name, command=command, why=refusal)
            said = texts.SSH_COMMAND_REFUSED.format(command=literal(command), why=refusal)
            process.stderr.write(said.encode("utf-8", "replace"))
            return 1
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
            )
        except OSError as error:
            self.log("command-failed", name=adviser.name, why=error)
            return 1
        assert child.stdout is not None and child.stderr is not None
        self.sessions.add(child)
        code = -1
        try:
            async with asyncio.TaskGroup() as copying:
                copying.create_task(_copy(child.stdout, process.stdout))
                copying.create_task(_copy(child.stderr, process.stderr))
            code = await child.wait()
        except* (asyncssh.Error, ConnectionError):  # the link has gone: so has the tool
            pass
        finally:
            self.sessions.discard(child)
            await _hang_up(child)
        self.log("command-end", name=adviser.name, exit=code)
        return code if code >= 0 else 1

    async def _run_planner(
        self, process: asyncssh.SSHServerProcess[bytes], adviser: Adviser, term: str
    ) -> int:
        width, height, _, _ = process.get_terminal_size()
        leader, follower = pty.openpty()
        environment = self.environment(adviser, term)
        try:
            _set_size(leader, width, height)
            private_folder(Path(environment["XDG_STATE_HOME"]).parent)
            child = await self.launcher.launch(
                self.planner_arguments(adviser), environment, follower
            )
        except OSError as error:
            os.close(leader)
            self.log("session-failed", name=adviser.name, why=error)
            return 1
        finally:
            os.close(follower)
        self.sessions.add(child)
        os.set_blocking(leader, False)
        # The session ends with whichever ends first: the planner (it quits, its
        # terminal closes) or the link (the keys stop: a hang-up, as on a dropped line).
        drawing = asyncio.create_task(_planner_to_client(process, leader))
        typing = asyncio.create_task(_keys_to_planner(process, leader))
        try:
            await asyncio.wait((drawing, typing), return_when=asyncio.FIRST_COMPLETED)
            await _hang_up(child)
            return await child.wait()
        finally:
            self.sessions.discard(child)
            drawing.cancel()
            typing.cancel()
            await _hang_up(child)
            os.close(leader)

    async def stop(self) -> None:
        """End every session (a hang-up: their journals stay) and wait for them."""
        self.stopping = True
        await asyncio.gather(*(_hang_up(child) for child in list(self.sessions)))


def _language() -> list[str]:
    return ["--lang", language.current()]


def _set_size(fd: int, width: int, height: int) -> None:
    """The pty's size as the client says it: 80 x 24 for 0, at most :data:`MAX_COLUMNS` x
    :data:`MAX_ROWS` (a larger terminal shows the planner in its top left corner)."""
    width, height = min(width, MAX_COLUMNS) or 80, min(height, MAX_ROWS) or 24
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))


async def _keys_to_planner(process: asyncssh.SSHServerProcess[bytes], leader: int) -> None:
    """What the adviser types (and resizes) to the planner's terminal."""
    while True:
        try:
            data = await process.stdin.read(65536)
        except asyncssh.TerminalSizeChanged as change:
            _set_size(leader, change.width, change.height)
            continue
        except (asyncssh.BreakReceived, asyncssh.SignalReceived):
            continue
        if not data:  # the client closed its side: the session ends with the link
            return
        while data:
            try:
                written = os.write(leader, data)
            except BlockingIOError:  # the planner is not reading now: wait a moment
                await asyncio.sleep(0.01)
                continue
            except OSError:
                return
            data = data[written:]


async def _planner_to_client(process: asyncssh.SSHServerProcess[bytes], leader: int) -> None:
    """What the planner draws to the adviser, until its terminal closes."""
    loop = asyncio.get_running_loop()
    readable = asyncio.Event()
    loop.add_reader(leader, readable.set)
    try:
        while True:
            await readable.wait()
            readable.clear()
            try:
                data = os.read(leader, 65536)
            except BlockingIOError:
                continue
            except OSError:  # EIO: the planner has ended
                return
            if not data:
                return
            process.stdout.write(data)
            await process.stdout.drain()
    except (asyncssh.Error, ConnectionError):  # the link has gone
        return
    finally:
        loop.remove_reader(leader)


async def _copy(source: asyncio.StreamReader, target: asyncssh.SSHWriter[bytes]) -> None:
    """A tool's output to the client as it comes (a large export is never held whole)."""
    while data := await source.read(65536):
        target.write(data)
        await target.drain()


async def _hang_up(child: Running) -> None:
    """SIGHUP to the planner (it leaves as on a dropped link), SIGKILL if it lingers."""
    if child.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGHUP)
    try:
        await asyncio.wait_for(child.wait(), LEAVE_SECONDS)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        await child.wait()


def host_key(path: Path | None, log: Logbook) -> asyncssh.SSHKey:
    """The server's key: ``path``, or the one in the data folder (made on first start)."""
    if path is None:
        folder = Path(platformdirs.user_data_dir(APP_NAME))
        path = folder / HOST_KEY_NAME
        if not os.path.lexists(path):
            key = asyncssh.generate_private_key("ssh-ed25519")
            try:
                create_exclusive(private_folder(folder) / HOST_KEY_NAME, key.export_private_key())
            except FileExistsError:
                pass  # another server made it meanwhile: read theirs
            except OSError as error:
                raise ProblemsError([os_problem(str(path), error, "host-key")]) from None
            else:
                log("host-key-made", file=path)
    data = read_untrusted(path, HOST_KEY_LIMIT, kind="host-key", follow_links=False)
    try:
        return asyncssh.import_private_key(data)
    except (asyncssh.KeyImportError, ValueError):
        raise ProblemsError(
            [Problem(str(path), "", texts.SSH_HOST_KEY_BAD, texts.FIX_HOST_KEY)]
        ) from None


async def serve(
    host: str,
    port: int,
    keys_path: Path,
    scenario_dirs: list[str],
    host_key_path: Path | None,
) -> None:
    """Serve until SIGINT or SIGTERM (or the task is cancelled)."""
    log = Logbook(crash_log.log_dir())
    keys = KeyFile(keys_path, log)
    key = host_key(host_key_path, log)
    serving = Serving(keys, scenario_dirs, log)
    options: dict[str, Any] = dict(
        server_host_keys=[key],
        process_factory=serving.session,
        encoding=None,
        line_editor=False,
        agent_forwarding=False,
        x11_forwarding=False,
        allow_scp=False,
    )
    try:
        server = await asyncssh.create_server(lambda: _Connection(serving), host, port, **options)
    except OSError as error:
        why = error.strerror or str(error)
        message = texts.SSH_PORT_IN_USE.format(port=port, host=literal(host), why=why)
        raise ProblemsError(
            [Problem(f"{host}:{port}", "", message, texts.FIX_PORT_IN_USE)]
        ) from None
    port = server.sockets[0].getsockname()[1]  # the one given, or the one found for 0
    try:
        await serving.launcher.start()  # ready before the first login, not at it
    except OSError as error:
        log("launcher-failed", why=error)  # the first session tries again
    print(texts.SSH_LISTENING.format(host=host, port=port, fingerprint=key.get_fingerprint()))
    print(
        texts.SSH_ADVISERS.format(count=len(keys.advisers.advisers), file=literal(str(keys_path)))
    )
    sys.stdout.flush()
    log("listen", host=host, port=port, key=key.get_fingerprint())
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        print(texts.SSH_STOPPING, flush=True)
        server.close()
        await serving.stop()
        await serving.launcher.close()
        await server.wait_closed()
        log("stop")
