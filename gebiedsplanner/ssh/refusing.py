"""Closing a connection over a limit so that its client reads why: the reason in SSH's
disconnect message (OpenSSH shows it as ``Received disconnect from HOST port
PORT:12: ...``), and the socket kept open until the client has read it.

asyncssh sends the message and closes its end at once. But a client sends its next
packet before it reads the message (OpenSSH its key exchange, as soon as it has the
server's version); arriving at a closed socket that packet is answered with a reset,
and the client dies writing it, saying nothing or "Connection reset". So a duplicate
of the socket stays open, half-closed after the message, and what the client still
sends is read and dropped until it leaves.
"""

from __future__ import annotations

import asyncio
import socket

from gebiedsplanner.core.server_limits import LEAVE_SECONDS, MOST_REFUSING
from gebiedsplanner.ssh.quiet_asyncssh import asyncssh


class Refusing:
    """The refused connections whose clients are still reading why."""

    def __init__(self) -> None:
        self._draining: set[asyncio.Task[None]] = set()

    def close(self, conn: asyncssh.SSHServerConnection, said: str) -> None:
        """Close ``conn`` with ``said`` as the reason, once asyncssh has sent what it
        sends first (this may run before its version: in ``connection_made``).

        At most :data:`MOST_REFUSING` sockets are kept at once, each for at most
        :data:`LEAVE_SECONDS`: beyond that one closes at once, its reason perhaps
        lost, so a flood of connections cannot hold the server's file descriptors.
        """
        if len(self._draining) >= MOST_REFUSING:
            asyncio.get_running_loop().call_soon(_disconnect, conn, said)
            return
        kept = conn.get_extra_info("socket").dup()
        task = asyncio.create_task(_refuse(conn, said, kept))  # counted from now on
        self._draining.add(task)
        task.add_done_callback(self._draining.discard)


def _disconnect(conn: asyncssh.SSHServerConnection, said: str) -> None:
    conn.disconnect(asyncssh.DISC_TOO_MANY_CONNECTIONS, said)


async def _refuse(conn: asyncssh.SSHServerConnection, said: str, kept: socket.socket) -> None:
    """The message sent (a task's first step runs after asyncssh's own), then no more
    from us, and what the client still sends read and dropped, until it has gone or
    :data:`LEAVE_SECONDS` have passed."""
    loop = asyncio.get_running_loop()
    try:
        _disconnect(conn, said)
        kept.setblocking(False)
        kept.shutdown(socket.SHUT_WR)
        async with asyncio.timeout(LEAVE_SECONDS):
            while await loop.sock_recv(kept, 4096):
                pass
    except (OSError, TimeoutError):
        pass
    finally:
        kept.close()
