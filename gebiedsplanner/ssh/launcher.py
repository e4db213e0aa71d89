"""The sessions of ``ssh-serve``, forked from a process that has loaded the planner once.

A fresh planner spends about 290 ms of CPU before its first frame, three quarters
of it importing Textual and the planner; twenty advisers logging in at once on two
cores then wait four seconds. The launcher imports all of that once and forks a
planner per session: each session is still a process of its own, on its own
pseudo-terminal (a crash in one touches no other), and starts in about a third
of the time (``benchmarks/bench_ssh.py``).

The launcher is a fresh interpreter (``python -m gebiedsplanner.ssh.launcher FD``),
not a fork of the server: it holds no event loop, thread or key of the server's. It
speaks over a ``SOCK_SEQPACKET`` socket pair, one JSON message each way per event:

- the server sends ``{"args": [...], "env": {...}}`` with the session's terminal
  (SCM_RIGHTS); the launcher answers ``{"pid": N}`` or ``{"failed": why}``;
- when a session ends, the launcher says ``{"ended": pid, "code": status}`` (the
  sessions are its children, so only it learns how they ended).

When the server's end closes, the launcher leaves (the server has hung its
sessions up by then).
"""

from __future__ import annotations

import array
import contextlib
import fcntl
import gc
import importlib
import json
import os
import select
import signal
import socket
import sys
import termios
import time

from gebiedsplanner.core.server_limits import MESSAGE_LIMIT

#: What a session's start on the library imports, by its top modules.
PRELOAD = (
    "gebiedsplanner.cli.main",
    "gebiedsplanner.ui.app",
    "gebiedsplanner.ui.screens.library",
    "gebiedsplanner.core.merge",
    "gebiedsplanner.editing.leftovers",
    "gebiedsplanner.editing.recovery",
    "textual.drivers.linux_driver",
    "textual.layouts.factory",
    "textual.scrollbar",
)


def main(channel_fd: int) -> None:
    """Preload, then fork a planner per request until the server's end closes."""
    channel = socket.socket(fileno=channel_fd)
    for name in PRELOAD:
        importlib.import_module(name)
    gc.freeze()  # the preloaded objects: the children's collector never walks them
    ended_read, ended_write = os.pipe()
    os.set_blocking(ended_write, False)
    signal.set_wakeup_fd(ended_write)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's to handle
    channel.sendall(json.dumps({"ready": True}).encode())
    while True:
        readable, _, _ = select.select([channel.fileno(), ended_read], [], [])
        if ended_read in readable:
            os.read(ended_read, 4096)
            _report_ended(channel)
        if channel.fileno() in readable and not _serve_request(channel, (ended_read, ended_write)):
            return


def _serve_request(channel: socket.socket, own: tuple[int, int]) -> bool:
    """Fork a planner for one request; False when the server has gone."""
    fds = array.array("i")
    message, ancillary, _, _ = channel.recvmsg(MESSAGE_LIMIT, socket.CMSG_SPACE(fds.itemsize))
    if not message:
        return False
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(data[: len(data) - len(data) % fds.itemsize])
    try:
        request = json.loads(message)
        args, env, terminal = list(request["args"]), dict(request["env"]), fds[0]
    except (ValueError, KeyError, TypeError, IndexError):
        for fd in fds:
            os.close(fd)
        channel.sendall(json.dumps({"failed": "bad request"}).encode())
        return True
    try:
        pid = os.fork()
    except OSError as error:
        os.close(terminal)
        channel.sendall(json.dumps({"failed": str(error)}).encode())
        return True
    if pid == 0:
        channel.close()
        for fd in own:
            os.close(fd)
        _planner(terminal, args, env)
    os.close(terminal)
    channel.sendall(json.dumps({"pid": pid}).encode())
    return True


def _report_ended(channel: socket.socket) -> None:
    """Reap every session that ended and tell the server how (``code`` as a shell says it:
    128 + N for death by signal N)."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        code = os.waitstatus_to_exitcode(status)
        channel.sendall(
            json.dumps({"ended": pid, "code": code if code >= 0 else 128 - code}).encode()
        )


def _planner(terminal: int, args: list[str], env: dict[str, str]) -> None:
    """In the forked child: a session of its own, the pty as its controlling terminal
    (a resize reaches it as SIGWINCH, a hang-up as SIGHUP), the session's environment."""
    code = 1
    try:
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGCHLD, signal.SIGINT):
            signal.signal(signum, signal.SIG_DFL)
        os.setsid()
        fcntl.ioctl(terminal, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(terminal, fd)
        os.close(terminal)
        _standard_streams()
        os.environ.clear()
        os.environ.update(env)
        time.tzset()  # TZ as the server passed it
        from gebiedsplanner.cli.main import main as planner

        code = planner(args)
    except SystemExit as leaving:
        code = leaving.code if isinstance(leaving.code, int) else 1
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _standard_streams() -> None:
    """New ``sys.stdin``, ``stdout`` and ``stderr`` (and their ``__x__``, which Textual
    writes to) on fds 0-2, now the pty: the launcher's were made for what it had."""
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        old = getattr(sys, name)  # its encoding is the locale's, as in a fresh planner
        stream = open(  # noqa: SIM115 - they stay open for the process's life
            fd,
            mode,
            buffering=1 if mode == "w" else -1,
            encoding=old.encoding,
            errors=old.errors,
            closefd=False,
        )
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


if __name__ == "__main__":
    main(int(sys.argv[1]))
