"""Run an app inside a benchmark's pseudo-terminal, reporting each frame's timestamp.

    python benchmarks/launch.py FRAME_FD READY_SELECTOR planner [ARGS...]
    python benchmarks/launch.py FRAME_FD READY_SELECTOR minimal

Wraps Textual's ``App.post_display_hook`` (called after every frame is written) to
send ``time.monotonic_ns()`` down ``FRAME_FD``: an 8-byte timestamp, then one
byte, 1 when the current screen holds ``READY_SELECTOR`` (the table is on it),
else 0. The product code knows nothing of this.
"""

from __future__ import annotations

import os
import struct
import sys
import time


def instrument(frame_fd: int, ready: str) -> None:
    from textual.app import App

    def post_display_hook(self: App[object]) -> None:
        try:
            shown = bool(self.screen.query(ready))
        except Exception:  # no screen yet
            shown = False
        os.write(frame_fd, struct.pack("=qB", time.monotonic_ns(), shown))

    App.post_display_hook = post_display_hook  # type: ignore[method-assign,assignment]


def main() -> None:
    frame_fd, ready, kind, *args = sys.argv[1:]
    instrument(int(frame_fd), ready)
    if kind == "minimal":
        from minimal_app import MinimalApp

        MinimalApp().run()
    else:
        from gebiedsplanner.cli import main as planner

        sys.exit(planner(args))


if __name__ == "__main__":
    main()
