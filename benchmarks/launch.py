"""Run an app inside a benchmark's pseudo-terminal, reporting each frame's timestamp.

    python benchmarks/launch.py FRAME_FD READY_SELECTOR planner [ARGS...]
    python benchmarks/launch.py FRAME_FD READY_SELECTOR minimal

Wraps Textual's ``App.post_display_hook`` (called after every display, also one
that had nothing to write) to send down ``FRAME_FD``: ``time.monotonic_ns()`` as
8 bytes; one byte of flags: 1 when the current screen holds ``READY_SELECTOR``
(the table is on it), 2 when the whole scenario is read (a large file shows its
first gebieden first: ``PlannerApp.reading``); and 4 bytes: the characters the
frame wrote (counted by wrapping the driver's ``write``). The product code knows
nothing of this.

With :data:`BEATS_ENV` set to a descriptor, a heartbeat also runs on the app's event
loop (the UI thread: Textual takes every key and paints every frame there): a
callback every :data:`BEAT` seconds, straight on the loop (``loop.call_later``, not a
Textual timer, which waits behind a handler of the app that awaits). Each gap between
two beats longer than :data:`REPORTED_GAP_NS` is written down that descriptor as
:data:`STALL`: when it ended and how long it was (both in ``time.monotonic_ns()``):
a time in which the UI thread ran nothing else (see ``bench_stalls.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import struct
import sys
import time

BEATS_ENV = "GEBIEDSPLANNER_BENCH_BEATS_FD"
BEAT = 0.001
REPORTED_GAP_NS = 2_000_000
STALL = struct.Struct("=qq")


def heartbeat(beats_fd: int) -> None:
    """Beat on the running loop from now on, writing down each long gap (see above).

    The descriptor does not block: a stall it cannot take is dropped rather than the
    app held up (the benchmark reads them as they come; they are few)."""
    loop = asyncio.get_running_loop()
    os.set_blocking(beats_fd, False)
    last = time.monotonic_ns()

    def beat() -> None:
        nonlocal last
        now = time.monotonic_ns()
        if now - last > REPORTED_GAP_NS:
            with contextlib.suppress(BlockingIOError):
                os.write(beats_fd, STALL.pack(now, now - last))
        last = now
        loop.call_later(BEAT, beat)

    loop.call_later(BEAT, beat)


def instrument(frame_fd: int, ready: str) -> None:
    from textual.app import App
    from textual.drivers.linux_driver import LinuxDriver

    written = 0
    write = LinuxDriver.write
    beats = os.environ.get(BEATS_ENV)

    def counting_write(self: LinuxDriver, data: str) -> None:
        nonlocal written
        written += len(data)
        write(self, data)

    def post_display_hook(self: App[object]) -> None:
        nonlocal written, beats
        if beats is not None:  # from the first frame on
            heartbeat(int(beats))
            beats = None
        try:
            shown = bool(self.screen.query(ready))
        except Exception:  # no screen yet
            shown = False
        whole = not getattr(self, "reading", False)  # a large file is read after its start
        flags = shown | whole << 1
        os.write(frame_fd, struct.pack("=qBI", time.monotonic_ns(), flags, written))
        written = 0

    LinuxDriver.write = counting_write  # type: ignore[method-assign]
    App.post_display_hook = post_display_hook  # type: ignore[method-assign,assignment]


def main() -> None:
    frame_fd, ready, kind, *args = sys.argv[1:]
    instrument(int(frame_fd), ready)
    if kind == "minimal":
        from minimal_app import MinimalApp

        MinimalApp().run()
    else:
        from gebiedsplanner.cli.main import main as planner

        sys.exit(planner(args))


if __name__ == "__main__":
    main()
