"""Prototype, not in the suite: sessions forked from a preloaded process ("zygote").

    python benchmarks/zygote_prototype.py [N ...]

The question: ``ssh-serve`` starts every session as a fresh interpreter, which
imports Textual and the planner before it draws. How much faster is a start in
a process forked from one that has imported them already, still one process per
session? For each N (default 1 and 20), N planners are started at once, each on
its own 80x24 pty opening the library of a team folder, both ways:

- **fresh**: ``python -m gebiedsplanner --library ...`` in a new session with the
  pty as its controlling terminal, as ``ssh_serve.py`` starts it;
- **forked**: a zygote process that has imported the modules a library start needs
  (``PRELOAD``) and frozen them for the collector (``gc.freeze``, so that fewer
  pages are copied on write) is sent the pty (SCM_RIGHTS), the arguments and the
  environment; it forks, and the child takes the pty as its controlling
  terminal, takes the environment and runs ``gebiedsplanner.cli.main``.

Printed: time from the request to the library's title on the pty (median,
slowest), CPU time per start at that moment (user + system of the child), and
PSS per session (the children's, plus what the zygote grew, over N).

No SSH here: the zygote is what would sit beside the server; its children are
not the server's, so a server would need their exit status from the zygote (or a
pidfd) and would hang them up by process group as now.
"""

from __future__ import annotations

import array
import contextlib
import fcntl
import gc
import json
import os
import select
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from bench_ssh import LIBRARY, Screen, tree_memory_kb
from harness import BUNDLED, COLUMNS, LINES, Figure, median, print_figures

#: What a start on the library imports (``python -X importtime``, and ``sys.modules`` at
#: the first frame of a forked child), by its top modules.
PRELOAD = (
    "gebiedsplanner.cli",
    "gebiedsplanner.ui.app",
    "gebiedsplanner.ui.screens.library",
    "gebiedsplanner.core.merge",
    "gebiedsplanner.files.leftovers",
    "gebiedsplanner.files.recovery",
    "textual.drivers.linux_driver",
    "textual.layouts.factory",
    "textual.pilot",
    "textual.scrollbar",
)
LIMIT = 120.0


# -- the zygote ------------------------------------------------------------------


def zygote(channel: socket.socket) -> None:
    """Preload, then fork one planner per request until the channel closes."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    gc.freeze()
    channel.sendall(b"R")  # ready
    while True:
        fds = array.array("i")
        message, ancillary, _, _ = channel.recvmsg(65536, socket.CMSG_SPACE(fds.itemsize))
        if not message:
            return
        for level, kind, data in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(data[: len(data) - len(data) % fds.itemsize])
        request = json.loads(message)
        pid = os.fork()
        if pid == 0:
            channel.close()
            _planner(fds[0], request["args"], request["env"])
        os.close(fds[0])
        channel.sendall(struct.pack("=i", pid))
        while os.waitpid(-1, os.WNOHANG)[0] > 0:  # reap ended sessions
            pass


def _planner(terminal: int, args: list[str], env: dict[str, str]) -> None:
    """In the forked child: the pty as controlling terminal, the session's environment."""
    code = 1
    try:
        os.setsid()
        fcntl.ioctl(terminal, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(terminal, fd)
        os.close(terminal)
        _standard_streams()
        os.environ.clear()
        os.environ.update(env)  # the preloaded objects stay frozen: the planner freezes too
        from gebiedsplanner.cli import main

        code = main(args)
    finally:
        os._exit(code)


def _standard_streams() -> None:
    """New ``sys.stdin``, ``stdout`` and ``stderr`` (and their ``__x__``, which Textual
    writes to) over fds 0-2, now the pty: the zygote's were made for its own (a file
    there is seekable, a pty not: reconfiguring them fails)."""
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        old = getattr(sys, name)
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


# -- the measurement -------------------------------------------------------------


class Starts:
    """N planners starting on ptys of their own: when each showed the library."""

    def __init__(self, team: Path, work: Path, count: int) -> None:
        self.team, self.work, self.count = team, work, count
        self.leaders: list[int] = []
        self.pids: list[int] = []
        self.started = time.perf_counter()

    def pty(self) -> tuple[int, int]:
        leader, follower = os.openpty()
        size = struct.pack("HHHH", LINES, COLUMNS, 0, 0)
        fcntl.ioctl(leader, termios.TIOCSWINSZ, size)
        self.leaders.append(leader)
        return leader, follower

    def env(self, index: int) -> dict[str, str]:
        home = self.work / f"adviser{index}"
        return {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", ""),
            "TERM": "xterm-256color",
            "LOGNAME": f"adviseur{index}",
            "USER": f"adviseur{index}",
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }

    def args(self) -> list[str]:
        return ["--lang", "nl", "--library", "--scenario-dir", str(self.team)]

    def wait(self) -> list[tuple[float, float]]:
        """Per planner: ms to the library's title, and its CPU ms by then."""
        screens = {leader: Screen() for leader in self.leaders}
        shown: dict[int, tuple[float, float]] = {}
        deadline = time.monotonic() + LIMIT
        while len(shown) < self.count and time.monotonic() < deadline:
            waiting = [leader for leader in self.leaders if leader not in shown]
            ready, _, _ = select.select(waiting, [], [], 1.0)
            for leader in ready:
                try:
                    data = os.read(leader, 65536)
                except OSError:  # EIO: the planner has ended
                    screen = "\n".join(screens[leader].lines()).strip()
                    raise RuntimeError(f"a planner ended before the library:\n{screen}") from None
                screens[leader].feed(data)
                if any(LIBRARY in line for line in screens[leader].lines()):
                    when = (time.perf_counter() - self.started) * 1000
                    pid = self.pids[self.leaders.index(leader)]
                    shown[leader] = (when, _cpu_ms(pid))
        if len(shown) < self.count:
            raise RuntimeError("not every planner showed the library in time")
        return [shown[leader] for leader in self.leaders]

    def close(self) -> None:
        for pid in self.pids:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, 9)
        for leader in self.leaders:
            os.close(leader)


def _cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _take_terminal() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def fresh(team: Path, work: Path, count: int) -> tuple[list[tuple[float, float]], float]:
    starts = Starts(team, work, count)
    children = []
    try:
        for index in range(count):
            _, follower = starts.pty()
            child = subprocess.Popen(
                [sys.executable, "-m", "gebiedsplanner", *starts.args()],
                stdin=follower,
                stdout=follower,
                stderr=follower,
                env=starts.env(index),
                start_new_session=True,
                preexec_fn=_take_terminal,
            )
            os.close(follower)
            children.append(child)
            starts.pids.append(child.pid)
        shown = starts.wait()
        memory = sum(tree_memory_kb(pid) for pid in starts.pids) / count / 1024
        return shown, memory
    finally:
        starts.close()
        for child in children:
            child.wait()


def forked(
    team: Path, work: Path, count: int, channel: socket.socket, zygote_pid: int
) -> tuple[list[tuple[float, float]], float]:
    before = tree_memory_kb(zygote_pid)
    starts = Starts(team, work, count)
    try:
        for index in range(count):
            _, follower = starts.pty()
            request = json.dumps({"args": starts.args(), "env": starts.env(index)}).encode()
            rights = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [follower]))]
            channel.sendmsg([request], rights)
            os.close(follower)
            starts.pids.append(struct.unpack("=i", channel.recv(4))[0])
        shown = starts.wait()
        return shown, (tree_memory_kb(zygote_pid) - before) / count / 1024
    finally:
        starts.close()


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [1, 20]
    work = Path(tempfile.mkdtemp(prefix="bench-ssh-zygote-"))
    here, there = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    pid = os.fork()  # the zygote: forked before this process has any threads
    if pid == 0:
        here.close()
        try:
            zygote(there)
        finally:
            os._exit(0)
    there.close()
    try:
        team = work / "team"
        team.mkdir()
        shutil.copyfile(BUNDLED, team / BUNDLED.name)
        assert here.recv(1) == b"R"
        fresh(team, work, 1)  # warm-up: bytecode, disk cache
        forked(team, work, 1, here, pid)
        figures = []
        for count in counts:
            for way in ("fresh", "forked"):
                if way == "fresh":
                    shown, memory = fresh(team, work, count)
                else:
                    shown, memory = forked(team, work, count, here, pid)
                times, cpu = [t for t, _ in shown], [c for _, c in shown]
                figures += [
                    Figure(f"{count} at once, {way}: to the library (median)", median(times), "ms"),
                    Figure(f"{count} at once, {way}: to the library (slowest)", max(times), "ms"),
                    Figure(f"{count} at once, {way}: CPU per start (median)", median(cpu), "ms"),
                    Figure(f"{count} at once, {way}: memory per session (PSS)", memory, "MB"),
                ]
        print_figures(figures)
    finally:
        here.close()
        os.waitpid(pid, 0)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
