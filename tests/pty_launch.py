"""Start gebiedsplanner as its console script does, for tests in a pseudo-terminal.

    python tests/pty_launch.py [OPTION VALUE]... [ARGS...]

Options, all for breaking the app from outside (the product code has no backdoor):

``--crash ACTION``
    the planner's ``action_ACTION`` raises, so a key press crashes the running app;
``--crash-input CHARACTER``
    Textual's input thread raises when it reads ``CHARACTER``;
``--thread-errors FILE``
    an exception that ends any thread is appended to ``FILE`` (a thread's
    traceback would otherwise go to a terminal that may be gone).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable

CRASH_MESSAGE = "opzettelijke testfout"


def _crash_action(action: str) -> None:
    from gebiedsplanner.ui.screens.planner import PlannerScreen

    def broken(self: PlannerScreen, *args: object) -> None:
        raise RuntimeError(CRASH_MESSAGE)

    setattr(PlannerScreen, f"action_{action}", broken)


def _crash_input(character: str) -> None:
    from collections.abc import Iterable

    from textual._xterm_parser import XTermParser
    from textual.message import Message

    feed = XTermParser.feed

    def broken(self: XTermParser, data: str) -> Iterable[Message]:
        if character in data:
            raise RuntimeError(CRASH_MESSAGE)
        return feed(self, data)

    XTermParser.feed = broken  # type: ignore[method-assign]


def _record_thread_errors(path: str) -> None:
    def record(args: threading.ExceptHookArgs) -> None:
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{args.thread}: ")
            error = (args.exc_type, args.exc_value, args.exc_traceback)
            log.write("".join(traceback.format_exception(*error)))

    threading.excepthook = record


OPTIONS: dict[str, Callable[[str], None]] = {
    "--crash": _crash_action,
    "--crash-input": _crash_input,
    "--thread-errors": _record_thread_errors,
}


def main() -> None:
    args = sys.argv[1:]
    while args and args[0] in OPTIONS:
        option, value, *args = args
        OPTIONS[option](value)
    from gebiedsplanner.cli.main import main as gebiedsplanner

    sys.exit(gebiedsplanner(args))


if __name__ == "__main__":
    main()
