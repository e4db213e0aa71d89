"""Whom a server lets in: the count of the connections, channels, sessions and commands
under way, which admits a new one or names the :class:`Limit` it would break.

Pure bookkeeping, so ``ssh-serve`` and the web server count alike and a test can run
it without a socket. A place taken is a :class:`Ticket`, given back when the
connection, session or command ends, however it ends: the glue releases it in a
``finally``, and a second release does nothing. Not thread-safe: a server asks it
from its event loop only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

from gebiedsplanner.core.server_limits import Limit, Limits

#: The one place of a count of everything.
_ALL = "all"
#: One count a request must stay under: the counter, whose place in it, and its limit.
_Place = tuple[Counter[Hashable], Hashable, Limit]


class Ticket:
    """The places one connection, session or command holds in the count."""

    def __init__(self, places: list[tuple[Counter[Hashable], Hashable]]) -> None:
        self._places = places

    def release(self) -> None:
        """Give the places back; once (a second call finds none left)."""
        for counter, key in self._places:
            counter[key] -= 1
            if counter[key] <= 0:
                del counter[key]  # addresses and connections come and go: keep no zeros
        self._places = []


class Admission:
    """What is under way, counted against the :class:`Limits`."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._unauthenticated: Counter[Hashable] = Counter()
        self._unauthenticated_in_all: Counter[Hashable] = Counter()
        self._connections: Counter[Hashable] = Counter()
        self._terminals: Counter[Hashable] = Counter()
        self._on_connection: Counter[Hashable] = Counter()
        self._channels: Counter[Hashable] = Counter()
        self._commands: Counter[Hashable] = Counter()
        self._sessions: Counter[Hashable] = Counter()

    def unauthenticated(self, address: str) -> Ticket | Limit:
        """A connection from ``address``, until it has logged in or gone."""
        return self._take(
            (self._unauthenticated, address, Limit.UNAUTHENTICATED_PER_ADDRESS),
            (self._unauthenticated_in_all, _ALL, Limit.UNAUTHENTICATED),
        )

    def connection(self, adviser: str) -> Ticket | Limit:
        """A connection ``adviser`` has logged in, until it ends."""
        return self._take((self._connections, adviser, Limit.CONNECTIONS_PER_ADVISER))

    def channel(self, connection: Hashable) -> Ticket | Limit:
        """A session channel open on ``connection``, until it closes."""
        return self._take((self._channels, connection, Limit.CHANNELS_PER_CONNECTION))

    def terminal(self, adviser: str, connection: Hashable) -> Ticket | Limit:
        """A terminal session of ``adviser`` on ``connection``; the connection's own
        limit is named first, as the one the adviser can act on at once."""
        return self._take(
            (self._on_connection, connection, Limit.TERMINALS_PER_CONNECTION),
            (self._terminals, adviser, Limit.TERMINALS_PER_ADVISER),
            (self._sessions, _ALL, Limit.SESSIONS),
        )

    def command(self, adviser: str) -> Ticket | Limit:
        """A command ``adviser`` runs (``ssh host summary ...``), until it ends."""
        return self._take(
            (self._commands, adviser, Limit.COMMANDS_PER_ADVISER),
            (self._sessions, _ALL, Limit.SESSIONS),
        )

    def _take(self, *places: _Place) -> Ticket | Limit:
        """A place in every count, or none and the first limit that is reached."""
        for counter, key, limit in places:
            if counter[key] >= self.limits.value(limit):
                return limit
        for counter, key, _ in places:
            counter[key] += 1
        return Ticket([(counter, key) for counter, key, _ in places])
