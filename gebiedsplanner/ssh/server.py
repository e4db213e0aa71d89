"""``gebiedsplanner ssh-serve``: the planner as its own SSH server, built on asyncssh.

An adviser types ``ssh -p 2222 planner.example`` and gets the planner, nothing
else, under the name their key has in the authorized-keys file
(:mod:`gebiedsplanner.ssh.advisers`). No password or keyboard-interactive login,
no shell, no forwarding of ports, agents or X11, no SFTP or SCP.

Each session is the planner in its own process on its own pseudo-terminal, so a
crash in one session touches no other. The process gets the adviser's name as its
login name (the "who" of the change log, the editing notes and the locks) and
state and data folders of the adviser's own, so their journals are offered back
to them, not to a colleague. The client's terminal type, size and resizes are
passed on; a dropped link hangs the session up (SIGHUP), which leaves its journal.

Every connection, login, refusal and session end is one line on stderr and in
``ssh-serve.log`` in the state folder's ``log``.

What one client may take is bounded (:mod:`gebiedsplanner.core.server_limits`):
connections, sessions and commands at once, what a command may read and how long it
may run, how long a session may sit idle. A refusal is one line to the client and
one ``over-limit`` line in the log.
"""

from __future__ import annotations

import asyncio
import dataclasses
import signal
import sys
from pathlib import Path
from typing import Any

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.server_limits import Limits
from gebiedsplanner.disk import crash_log
from gebiedsplanner.i18n import texts
from gebiedsplanner.ssh.authentication import Connection
from gebiedsplanner.ssh.keys import KeyFile, host_key
from gebiedsplanner.ssh.logbook import Logbook
from gebiedsplanner.ssh.quiet_asyncssh import asyncssh
from gebiedsplanner.ssh.sessions import Serving


async def serve(
    host: str,
    port: int,
    keys_path: Path,
    scenario_dirs: list[str],
    host_key_path: Path | None,
    limits: Limits,
) -> None:
    """Serve until SIGINT or SIGTERM (or the task is cancelled), within ``limits``."""
    log = Logbook(crash_log.log_dir())
    keys = KeyFile(keys_path, log)
    key = host_key(host_key_path, log)
    serving = Serving(keys, scenario_dirs, log, limits)
    options: dict[str, Any] = dict(
        server_host_keys=[key],
        encoding=None,
        line_editor=False,
        agent_forwarding=False,
        x11_forwarding=False,
        allow_scp=False,
    )
    try:
        server = await asyncssh.create_server(lambda: Connection(serving), host, port, **options)
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
    log("limits", **dataclasses.asdict(limits))
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
