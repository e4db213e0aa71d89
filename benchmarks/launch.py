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
"""

from __future__ import annotations

import os
import struct
import sys
import time


def instrument(frame_fd: int, ready: str) -> None:
    from textual.app import App
    from textual.drivers.linux_driver import LinuxDriver

    written = 0
    write = LinuxDriver.write

    def counting_write(self: LinuxDriver, data: str) -> None:
        nonlocal written
        written += len(data)
        write(self, data)

    def post_display_hook(self: App[object]) -> None:
        nonlocal written
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
