"""What Textual keeps of a screen once it is closed, let go (issue 24).

Every overlay kept memory after Esc: ``?`` and Esc 1.000 times kept 51 MB, ``h``
or ``v`` 32 MB, the dialogs and the comparison 11 to 23 MB
(``benchmarks/bench_overlays.py``). Two of Textual's own mechanisms
(``textual==8.2.8``, pinned) kept it. The installed Textual is not patched: the
app works around both (:class:`~gebiedsplanner.ui.terminal_app.TerminalApp`
installs what is here), and ``tests/test_closed_screens.py`` fails when either
comes back or when Textual changes what this relies on.

- **Caches on methods.** ``StylesCache.get_inner_outer`` is a ``functools.lru_cache``
  (1.024 entries) on a method, so its key holds the ``StylesCache`` of every widget
  painted, and with it the lines that widget last painted, each with its own caches
  of cut and dimmed copies: some 50 KB a widget at 80x24, more in a larger terminal.
  A closed screen's widgets were freed, their lines stayed, until 1.024 of them
  filled the cache (Textual issue #6665). ``DataTable._get_styles_to_render_cell``
  is one too (32 entries), and holds whole tables, rows and all: Textual empties it
  when a table clears its own caches, else the last tables drawn stay (the tools').
  :func:`forget_closed_widgets` empties both whenever the screen changes; the
  widgets still shown compute those few styles again at their next paint.
- **The last thread worker.** A thread worker runs in the event loop's default
  executor, and Textual first sets its ``active_worker`` context variable there,
  in the executor thread's own context, never reset: each executor thread kept the
  last worker it ran, with the screen that started it (the library, the tools) and
  its result (a comparison's table). :class:`TaskContextExecutor` runs each task in
  a context of its own, as a new thread starts, so nothing a task sets outlives it.
"""

from __future__ import annotations

import contextvars
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from textual._styles_cache import StylesCache
from textual.screen import Screen

P = ParamSpec("P")
T = TypeVar("T")


def forget_closed_widgets(_screen: Screen[object]) -> None:
    """Empty Textual's caches on methods (see above); subscribed to the app's
    ``screen_change_signal``, so what they kept of a closed screen goes with it."""
    StylesCache.get_inner_outer.cache_clear()
    # DataTable only once a screen has used one: importing it costs the first frame
    # some 20 ms (the planner's grid is not one).
    data_table = sys.modules.get("textual.widgets._data_table")
    if data_table is not None:
        data_table.DataTable._get_styles_to_render_cell.cache_clear()


class TaskContextExecutor(ThreadPoolExecutor):
    """The default executor, each task run in a new, empty context (see above)."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        return super().submit(lambda: contextvars.Context().run(fn, *args, **kwargs))
