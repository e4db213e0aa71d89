"""ssh-serve's limits, met from outside as a client meets them: each refusal one line to
the client and one ``over-limit`` line in the log, each place given back when what
held it ends.

One server with the default limits serves the tests that reach them with a few
clients (each test its own adviser, so they do not count against each other); a
limit that needs many clients or a long wait gets a server of its own with a small
value. asyncssh's client does what OpenSSH's does not offer: two terminals on one
connection, and a client that stops reading.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack, ExitStack, asynccontextmanager
from pathlib import Path

import pytest
from make_scenario import make

from gebiedsplanner.core.server_limits import DEFAULT_LIMITS, MEGABYTE, Limit, Limits
from gebiedsplanner.format.scenario_writer import dumps
from gebiedsplanner.i18n import texts
from gebiedsplanner.ssh.quiet_asyncssh import asyncssh
from tests.ssh_helpers import (
    LIBRARY,
    LIMIT,
    Server,
    connect,
    edit_team_plan,
    log_in,
    log_text,
    needs_openssh,
    run,
    running_server,
    wait_for_log,
)

pytestmark = needs_openssh

#: A plan whose CSV export (some 420 KB) is more than a pipe, asyncssh's write buffer
#: and a small window hold: a client that does not read keeps its command running.
LARGE = "groot"


def _refusal(limit: Limit, limits: Limits = DEFAULT_LIMITS) -> bytes:
    return f"{limit.refusal(limits)}\r\n".encode()


def _with_large_plan(server: Server) -> Server:
    (server.team / f"{LARGE}.toml").write_bytes(dumps(make(1000)))
    return server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("limits")) as started:
        yield _with_large_plan(started)


@asynccontextmanager
async def _clients(
    server: Server, name: str, count: int
) -> AsyncIterator[list[asyncssh.SSHClientConnection]]:
    """``count`` connections logged in as ``name``, closed when the block ends."""
    async with AsyncExitStack() as stack:
        yield [await stack.enter_async_context(await connect(server, name)) for _ in range(count)]


async def _terminal(connection: asyncssh.SSHClientConnection) -> asyncssh.SSHClientProcess[bytes]:
    return await connection.create_process(
        term_type="xterm-256color", term_size=(80, 24), encoding=None
    )


async def _ended(
    process: asyncssh.SSHClientProcess[bytes],
) -> asyncssh.SSHCompletedProcess:
    """What the process wrote and how it ended; a test fails, not hangs, when it does not end."""
    async with asyncio.timeout(LIMIT):
        return await process.wait()


async def _log(server: Server, text: str, count: int = 1) -> None:
    await asyncio.to_thread(wait_for_log, server, text, count)


async def _stalled_export(
    connection: asyncssh.SSHClientConnection,
) -> asyncssh.SSHClientProcess[bytes]:
    """``export groot`` by a client that reads none of it: its window (1 KB) never grows."""
    return await connection.create_process(f"export {LARGE}", encoding=None, window=1024)


async def test_a_fourth_terminal_of_one_adviser_is_refused_until_one_ends(server: Server) -> None:
    async with _clients(server, "anna", 4) as connections:
        for connection in connections[:3]:
            await _terminal(connection)
        await _log(server, "session name=anna", 3)
        fourth = await _ended(await _terminal(connections[3]))
        assert (fourth.exit_status, fourth.stderr) == (1, _refusal(Limit.TERMINALS_PER_ADVISER))
        await _log(server, "over-limit limit=terminals-per-adviser name=anna")
        connections[0].close()
        await _log(server, "session-end name=anna")
        again = await _terminal(connections[3])  # the ended session gave its place back
        await _log(server, "session name=anna", 4)
        again.close()


async def test_a_second_terminal_on_one_connection_is_refused(server: Server) -> None:
    async with _clients(server, "bob", 1) as (connection,):
        first = await _terminal(connection)
        await _log(server, "session name=bob")
        second = await _ended(await _terminal(connection))
        assert (second.exit_status, second.stderr) == (1, _refusal(Limit.TERMINALS_PER_CONNECTION))
        await _log(server, "over-limit limit=terminals-per-connection name=bob")
        first.close()  # the client hangs up: so does the session
        await _log(server, "session-end name=bob")


async def test_a_third_command_of_one_adviser_is_refused_while_two_run(server: Server) -> None:
    async with _clients(server, "noor", 3) as connections:
        for connection in connections[:2]:
            await _stalled_export(connection)
        await _log(server, "command name=noor", 2)
        third = await connections[2].run("summary plan", encoding=None)
        assert (third.exit_status, third.stderr) == (1, _refusal(Limit.COMMANDS_PER_ADVISER))
        await _log(server, "over-limit limit=commands-per-adviser name=noor")
    await _log(server, "command-end name=noor", 2)  # the link gone: so are the commands
    assert run(server, "noor", "summary", "plan").returncode == 0


def test_a_command_whose_files_weigh_more_than_it_may_read_is_refused_before_reading(
    server: Server,
) -> None:
    """Sparse files of zeros: read, they would be refused as no scenario at all."""
    for name, megabytes in (("leeg", 17), ("a", 6), ("b", 6)):
        with (server.team / f"{name}.toml").open("wb") as file:
            file.truncate(megabytes * MEGABYTE)
    for command, size in (("summary leeg", "17 MB"), ("compare a b a", "18 MB")):
        done = run(server, "carla", *command.split())
        why = Limit.COMMAND_MEGABYTES.refusal(DEFAULT_LIMITS, size=size)
        assert done.returncode == 1
        said = texts.SSH_COMMAND_REFUSED.format(command=command, why=why)
        assert done.stderr.splitlines() == said.splitlines()  # one line
    wait_for_log(server, "over-limit limit=command-megabytes name=carla", 2)
    assert "command name=carla" not in log_text(server)  # nothing ran
    assert run(server, "carla", "compare", "plan", "plan").returncode == 0


@pytest.mark.parametrize(
    ("limit", "addresses"),
    [(Limit.UNAUTHENTICATED_PER_ADDRESS, 1), (Limit.UNAUTHENTICATED, 5)],
    ids=["from one address", "from all addresses"],
)
def test_connections_before_login_are_refused_over_the_limit(
    server: Server, limit: Limit, addresses: int
) -> None:
    """Sockets that say nothing (the server waits for them up to its login time). For
    the limit in all they come from 127.0.0.2 and on (loopback answers every 127.x
    address), so the login refused from 127.0.0.1 is under its own address's limit."""
    most, each = DEFAULT_LIMITS.value(limit), DEFAULT_LIMITS.unauthenticated_per_address
    assert most == addresses * each  # each address filled to its own limit, no more
    connects = log_text(server).count("connect peer=")
    with ExitStack() as stack:
        for index in range(most):
            source = "127.0.0.1" if addresses == 1 else f"127.0.0.{2 + index // each}"
            silent = socket.create_connection(
                ("127.0.0.1", server.port), source_address=(source, 0)
            )
            assert stack.enter_context(silent).recv(64).startswith(b"SSH-2.0-")
        wait_for_log(server, "connect peer=", connects + most)
        refused = run(server, "anna", "summary", "plan")
        assert refused.returncode == 255
        said = limit.refusal(DEFAULT_LIMITS)
        assert f":12: {said}" in refused.stderr  # "Received disconnect from ... port N:12: ..."
        wait_for_log(server, f"over-limit limit={limit} name= peer=127.0.0.1:")
        gone = log_text(server).count("refused peer=")
    wait_for_log(server, "refused peer=", gone + most)
    assert run(server, "anna", "summary", "plan").returncode == 0


async def test_connections_of_one_adviser_are_refused_over_the_limit(server: Server) -> None:
    most = DEFAULT_LIMITS.connections_per_adviser
    async with _clients(server, "carla", most):
        refused = await asyncio.to_thread(run, server, "carla", "summary", "plan")
        assert refused.returncode == 255
        said = Limit.CONNECTIONS_PER_ADVISER.refusal(DEFAULT_LIMITS)
        assert f":12: {said}" in refused.stderr
        await _log(server, "over-limit limit=connections-per-adviser name=carla")
    await _log(server, "disconnect name=carla", most + 1)
    assert run(server, "carla", "summary", "plan").returncode == 0


async def test_sessions_in_all_are_refused_over_the_limit(tmp_path: Path) -> None:
    limits = Limits(sessions=2)
    with running_server(tmp_path, "--max-sessions", "2") as server:
        async with _clients(server, "anna", 1) as (anna,), _clients(server, "bob", 1) as (bob,):
            await _terminal(anna)
            await _terminal(bob)
            await _log(server, "session name=", 2)
            async with _clients(server, "noor", 1) as (noor,):
                terminal = await _ended(await _terminal(noor))
                command = await noor.run("summary plan", encoding=None)
            for refused in (terminal, command):
                assert (refused.exit_status, refused.stderr) == (
                    1,
                    _refusal(Limit.SESSIONS, limits),
                )
            await _log(server, "over-limit limit=sessions name=noor", 2)


async def test_a_channel_over_the_limit_of_one_connection_is_refused_at_its_opening(
    tmp_path: Path,
) -> None:
    """Two channels held open (a terminal and a command its client does not read), the
    third refused before it can ask for anything; a closed one gives its place back."""
    limits = Limits(channels_per_connection=2)
    with running_server(tmp_path, "--max-channels-per-connection", "2") as server:
        _with_large_plan(server)
        async with _clients(server, "anna", 1) as (connection,):
            terminal = await _terminal(connection)
            await _stalled_export(connection)
            with pytest.raises(asyncssh.ChannelOpenError) as refused:
                await connection.run("summary plan")
            assert refused.value.reason == Limit.CHANNELS_PER_CONNECTION.refusal(limits)
            await _log(server, "over-limit limit=channels-per-connection name=anna")
            terminal.close()  # its channel closes
            await _log(server, "session-end name=anna")
            assert (await connection.run("summary plan")).exit_status == 0


def _running(path: Path) -> bool:
    """Whether a command of the server's runs on ``path``: its command line names the
    file by its name, as the client did (the command runs on a link of that name)."""
    for command_line in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = command_line.read_bytes().split(b"\0")
            if b"gebiedsplanner" in words and path.name.encode() in words:
                return True
        except OSError:  # gone meanwhile
            continue
    return False


async def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LIMIT
    while not condition():
        assert time.monotonic() < deadline, f"waited {LIMIT} s for {what}"
        await asyncio.sleep(0.02)


async def test_a_command_past_its_time_is_killed_and_the_client_told(tmp_path: Path) -> None:
    """Two seconds: time enough to see the command's process run before it is killed."""
    limits = Limits(command_seconds=2)
    with running_server(tmp_path, "--max-command-seconds", "2") as server:
        plan = _with_large_plan(server).team / f"{LARGE}.toml"
        async with _clients(server, "anna", 1) as (connection,):
            export = await _stalled_export(connection)
            await _until(lambda: _running(plan), "the export to run")  # held up by the client
            await _log(server, "over-limit limit=command-seconds name=anna")
            await _until(lambda: not _running(plan), "the export to be killed")
            ended = await _ended(export)  # the client reads at last: what came, then why
            assert ended.exit_status == 1
            assert ended.stderr == _refusal(Limit.COMMAND_SECONDS, limits)
            assert ended.stdout.startswith(b"scenario,gebied,post,jaar,bedrag")


def test_an_idle_session_ends_as_a_dropped_link_and_its_journal_is_offered_again(
    tmp_path: Path,
) -> None:
    """Long enough for the planner to start on a busy machine before the first key."""
    limits = Limits(idle_seconds=4)
    with running_server(tmp_path, "--max-idle-seconds", "4") as server:
        client = log_in(server, "anna", tmp_path / "anna")
        try:
            edit_team_plan(client)
            client.wait_for_bytes(texts.TITLE_DIRTY.strip().encode(), limit=LIMIT)
            client.wait_for_exit(LIMIT)  # no key since: the server ends the session
            assert Limit.IDLE_SECONDS.refusal(limits).encode() in client.output
        finally:
            client.close()
        wait_for_log(server, "over-limit limit=idle-seconds name=anna")
        wait_for_log(server, "session-end name=anna")
        assert list(server.adviser_state("anna").rglob("*.jsonl"))  # the journal stays
        again = log_in(server, "anna", tmp_path / "anna-again")
        try:
            again.wait_for_bytes(LIBRARY, limit=LIMIT)
            again.wait_for_screen_text("● herstel (1)", limit=LIMIT)
        finally:
            again.close()
