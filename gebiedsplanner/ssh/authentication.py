"""One client's connection: key logins only, the adviser found by the key, every
forwarding refused and logged, and the connection counted (before login by its
address, after it by its adviser) against the server's limits, as are the session
channels it opens."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from gebiedsplanner.core.admission import Ticket
from gebiedsplanner.core.server_limits import Limit
from gebiedsplanner.ssh.advisers import Adviser
from gebiedsplanner.ssh.quiet_asyncssh import asyncssh

if TYPE_CHECKING:
    from gebiedsplanner.ssh.sessions import Serving


class Connection(asyncssh.SSHServer):
    """One client: key logins only, the adviser found by the key."""

    def __init__(self, serving: Serving) -> None:
        self._serving = serving
        self._conn: asyncssh.SSHServerConnection | None = None
        self._peer = ""
        self._adviser: Adviser | None = None
        self._tried = 0
        self._place: Ticket | None = None
        self._channels: set[asyncio.Task[None]] = set()

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self._conn = conn
        host, port, *_ = conn.get_extra_info("peername", ("?", 0))
        self._peer = f"{host}:{port}"
        self._serving.log("connect", peer=self._peer)
        self._count(self._serving.admission.unauthenticated(str(host)))

    def _count(self, taken: Ticket | Limit) -> None:
        """Keep the connection's place in the count, or close it saying why (before
        login just after the server's version: a refused connection costs no key
        exchange)."""
        if isinstance(taken, Ticket):
            self._place = taken
            return
        assert self._conn is not None
        said = self._serving.over_limit(taken, name=self._name, peer=self._peer)
        self._serving.refusing.close(self._conn, said)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._place is not None:
            self._place.release()
        for counted in self._channels:  # its channels close with it
            counted.cancel()
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
        self._serving.log("forwarding-refused", name=self._name, to=to, peer=self._peer)

    @property
    def _name(self) -> str:
        """The adviser's name, for the log ("" before login)."""
        return self._adviser.name if self._adviser else ""

    def session_requested(
        self,
    ) -> tuple[asyncssh.SSHServerChannel[bytes], Callable[..., Awaitable[None]]]:
        """A session channel (for a terminal or a command), counted until it closes: one
        that never asks for anything still costs some 7 KB, and a client could open
        them by the hundred thousand. Over the limit it is refused with the reason,
        which OpenSSH shows (``channel N: open failed: administratively prohibited:``)."""
        assert self._conn is not None
        taken = self._serving.admission.channel(self)
        if isinstance(taken, Limit):
            said = self._serving.over_limit(taken, name=self._name, peer=self._peer)
            raise asyncssh.ChannelOpenError(asyncssh.OPEN_ADMINISTRATIVELY_PROHIBITED, said)
        channel: asyncssh.SSHServerChannel[bytes] = self._conn.create_server_channel()
        counted = asyncio.create_task(_until_closed(channel, taken))
        self._channels.add(counted)
        counted.add_done_callback(self._channels.discard)
        return channel, self._serving.session

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
        if self._place is not None:  # no longer one before login
            self._place.release()
        self._count(self._serving.admission.connection(self._adviser.name))


async def _until_closed(channel: asyncssh.SSHServerChannel[bytes], place: Ticket) -> None:
    try:
        await channel.wait_closed()
    finally:
        place.release()
