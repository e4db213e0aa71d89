"""The pseudo-terminal between a client and its planner: keys and resizes in, what the
planner draws out; a tool's output copied as it comes, or dropped once the client is
gone or the tool is over its time."""

from __future__ import annotations

import asyncio
import fcntl
import os
import struct
import termios

from gebiedsplanner.core.server_limits import MAX_COLUMNS, MAX_ROWS
from gebiedsplanner.ssh.quiet_asyncssh import asyncssh


def set_size(fd: int, width: int, height: int) -> None:
    """The pty's size as the client says it: 80 x 24 for 0, at most :data:`MAX_COLUMNS` x
    :data:`MAX_ROWS` (a larger terminal shows the planner in its top left corner)."""
    width, height = min(width, MAX_COLUMNS) or 80, min(height, MAX_ROWS) or 24
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))


async def keys_to_planner(
    keys: asyncssh.SSHReader[bytes], leader: int, idle_seconds: float
) -> bool:
    """What the adviser types (and resizes) to the planner's terminal, until the client
    closes its side (False) or sends nothing for ``idle_seconds`` (True). What the
    planner draws does not count: a session left open over lunch, or on a laptop that
    went to sleep without closing its link, is idle however often its screen changes."""
    while True:
        try:
            async with asyncio.timeout(idle_seconds):
                data = await keys.read(65536)
        except TimeoutError:
            return True
        except asyncssh.TerminalSizeChanged as change:
            set_size(leader, change.width, change.height)
            continue
        except (asyncssh.BreakReceived, asyncssh.SignalReceived):
            continue
        if not data:  # the client closed its side: the session ends with the link
            return False
        while data:
            try:
                written = os.write(leader, data)
            except BlockingIOError:  # the planner is not reading now: wait a moment
                await asyncio.sleep(0.01)
                continue
            except OSError:
                return False
            data = data[written:]


async def planner_to_client(screen: asyncssh.SSHWriter[bytes], leader: int) -> None:
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
            screen.write(data)
            await screen.drain()
    except (asyncssh.Error, ConnectionError):  # the link has gone
        return
    finally:
        loop.remove_reader(leader)


async def copy(source: asyncio.StreamReader, target: asyncssh.SSHWriter[bytes]) -> None:
    """A tool's output to the client as it comes (a large export is never held whole)."""
    while data := await source.read(65536):
        target.write(data)
        await target.drain()


async def discard(source: asyncio.StreamReader) -> None:
    """What a tool still writes once nobody copies it, read and dropped up to its end: its
    process is not done (asyncio's ``wait()``) before its pipes close, and a pipe whose
    reader has stopped never closes."""
    while await source.read(65536):
        pass
