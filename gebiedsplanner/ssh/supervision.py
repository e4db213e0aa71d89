"""The sessions' processes: the server's end of the launcher that forks a planner per
session, hanging a session up (SIGHUP, then SIGKILL if it lingers), and killing a
command at its time limit."""

from __future__ import annotations

import array
import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
from collections import deque
from typing import Protocol

from gebiedsplanner.core.server_limits import LEAVE_SECONDS, MESSAGE_LIMIT
from gebiedsplanner.ssh.logbook import Logbook


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
    """The server's end of :mod:`gebiedsplanner.ssh.launcher`: started with the server
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
                "gebiedsplanner.ssh.launcher",
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



async def hang_up(child: Running) -> None:
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


def kill(child: Running) -> None:
    """SIGKILL to a command and its process group, at once: it keeps no journal, and one
    that runs past its time limit is not asked to leave."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)
