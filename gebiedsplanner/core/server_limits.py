"""The bounds of the planner's servers, in one place: the fixed bounds on what a client
may send or claim, and the limits an operator sets (:class:`Limits`), each with its
default, its option and the line that tells a client it was refused.

``ssh-serve`` keeps to them, and the web server will: pure data, no sockets, no SSH.
The servers ask :mod:`gebiedsplanner.core.admission` whom they may let in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from gebiedsplanner.i18n import texts

# -- fixed bounds: what a client may send or claim, checked before anything is done ---

#: A request to the launcher is a command line and an environment: a few KB.
MESSAGE_LIMIT = 256 * 1024
#: The server's host key file: an ed25519 key is some 400 bytes.
HOST_KEY_LIMIT = 64 * 1024
#: How much of one field a log line keeps (a client may send a 10.000-character value).
FIELD_LIMIT = 300
#: How long a session may take to leave after its hang-up before it is killed, and a
#: refused client to read why (:mod:`gebiedsplanner.ssh.refusing`).
LEAVE_SECONDS = 5.0
#: How many refused connections may be kept open at once while their clients read why:
#: each holds a file descriptor (a service gets 1.024 under systemd).
MOST_REFUSING = 64
#: The largest terminal a session is given. A client may claim any size (two 32-bit
#: numbers): at 10.000 x 10.000 the planner lays out 10^8 cells, a core busy and its
#: memory growing by some 40 MB a second; above 65.535 the size does not fit a pty.
MAX_COLUMNS, MAX_ROWS = 1000, 500
#: A command line longer than this is not one of ours.
COMMAND_LIMIT = 4096
#: The most scenarios one command over SSH may name (a comparison of a base and 19
#: variants): each is read whole.
MOST_FILES = 20

# -- the operator's limits --------------------------------------------------------------

MEGABYTE = 1024 * 1024
#: The largest value of a limit: a thousand million (31 years in seconds) is no limit
#: at all, and keeps every value within what a timer can take.
MOST_LIMIT = 1_000_000_000


@dataclass(frozen=True)
class Limits:
    """How many clients a server lets in at once, and how much one of them may take.

    Without limits one adviser (a read-only key would do) opened 30 terminal sessions
    on one connection and 50 connections, taking the server from 132 MB to about
    2 GB; a comparison of three 31 MB files took 22,6 s and 850 MB. The defaults are
    the operator's guide's (``docs/ssh-server.md``), with the reasons for each.

    Each field has a :class:`Limit` of the same name: its option, its code in the log
    and the line a client is told. All are from 1 to :data:`MOST_LIMIT`.

    Attributes:
        terminals_per_adviser: Terminal sessions one adviser has open, on any connections.
        terminals_per_connection: Terminal sessions on one connection.
        channels_per_connection: Session channels open on one connection, whether
            they have asked for anything yet or not.
        sessions: Terminal sessions and commands running in all, of every adviser.
        connections_per_adviser: Connections one adviser has logged in.
        unauthenticated_per_address: Connections from one address not yet logged in.
        unauthenticated: Connections not yet logged in, from all addresses together.
        commands_per_adviser: Commands (``ssh host summary ...``) one adviser has running.
        command_megabytes: What one command may read: its files' sizes added up.
        command_seconds: How long one command may run before it is killed.
        idle_seconds: How long a terminal session may go without a key from its
            adviser before it is ended, as a dropped link ends it (its journal stays).
    """

    terminals_per_adviser: int = 3
    terminals_per_connection: int = 1
    channels_per_connection: int = 10
    sessions: int = 50
    connections_per_adviser: int = 10
    unauthenticated_per_address: int = 20
    unauthenticated: int = 100
    commands_per_adviser: int = 2
    command_megabytes: int = 16
    command_seconds: int = 120
    idle_seconds: int = 1800

    @property
    def command_bytes(self) -> int:
        return self.command_megabytes * MEGABYTE

    def value(self, limit: Limit) -> int:
        return int(getattr(self, limit.field))


#: The limits a server keeps when its operator sets none.
DEFAULT_LIMITS = Limits()


class Limit(StrEnum):
    """One of :class:`Limits`, by the stable code the log gives it; the option that sets
    it and the line a client is told follow from the code."""

    TERMINALS_PER_ADVISER = "terminals-per-adviser"
    TERMINALS_PER_CONNECTION = "terminals-per-connection"
    CHANNELS_PER_CONNECTION = "channels-per-connection"
    SESSIONS = "sessions"
    CONNECTIONS_PER_ADVISER = "connections-per-adviser"
    UNAUTHENTICATED_PER_ADDRESS = "unauthenticated-per-address"
    UNAUTHENTICATED = "unauthenticated"
    COMMANDS_PER_ADVISER = "commands-per-adviser"
    COMMAND_MEGABYTES = "command-megabytes"
    COMMAND_SECONDS = "command-seconds"
    IDLE_SECONDS = "idle-seconds"

    @property
    def field(self) -> str:
        """Its field of :class:`Limits`."""
        return self.value.replace("-", "_")

    @property
    def option(self) -> str:
        """The server's option that sets it."""
        return f"--max-{self.value}"

    @property
    def help(self) -> str:
        """The catalogue name of its option's ``--help`` text."""
        return f"ARG_MAX_{self.name}"

    def refusal(self, limits: Limits, **fields: object) -> str:
        """The one line a client is told when this limit refuses it (or ends its
        session), in the language of the moment; ``fields`` fill the text's own."""
        template: str = getattr(texts, f"LIMIT_{self.name}")
        return template.format(limit=self.shown(limits.value(self)), **fields)

    def shown(self, value: int) -> str:
        """``value`` of this limit as a client reads it: with its unit, if it has one."""
        if self is Limit.COMMAND_MEGABYTES:
            return texts.LIMIT_MEGABYTES.format(count=value)
        if self in (Limit.COMMAND_SECONDS, Limit.IDLE_SECONDS):
            if value % 60 == 0:
                return texts.LIMIT_MINUTES.format(count=value // 60)
            return texts.LIMIT_SECONDS.format(count=value)
        return str(value)


def megabytes(size: int) -> str:
    """``size`` bytes in whole megabytes, rounded up: a size over a limit never reads as
    the limit itself."""
    return texts.LIMIT_MEGABYTES.format(count=math.ceil(size / MEGABYTE))
