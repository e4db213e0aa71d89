"""Start gebiedsplanner as its console script does, for tests in a pseudo-terminal.

    python tests/pty_launch.py [OPTION VALUE]... [ARGS...]

Options, for looking at the app from outside (the product code has no backdoor):

``--thread-errors FILE``
    an exception that ends any thread is appended to ``FILE`` (a thread's
    traceback would otherwise go to a terminal that may be gone).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable


def _record_thread_errors(path: str) -> None:
    def record(args: threading.ExceptHookArgs) -> None:
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{args.thread}: ")
            error = (args.exc_type, args.exc_value, args.exc_traceback)
            log.write("".join(traceback.format_exception(*error)))

    threading.excepthook = record


OPTIONS: dict[str, Callable[[str], None]] = {
    "--thread-errors": _record_thread_errors,
}


def main() -> None:
    args = sys.argv[1:]
    while args and args[0] in OPTIONS:
        option, value, *args = args
        OPTIONS[option](value)
    from gebiedsplanner.cli import main as gebiedsplanner

    sys.exit(gebiedsplanner(args))


if __name__ == "__main__":
    main()
