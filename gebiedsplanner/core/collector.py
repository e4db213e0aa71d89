"""The cycle collector paused while a great many objects and no cycles are made.

Reading a scenario or copying one for a save makes hundreds of thousands of dicts
and no cycles; each collection the interpreter would start meanwhile walks them all
again (a sixth of reading two 10.000-gebied files, measured on ``compare``), and in
a worker it holds the interpreter while the UI thread waits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside; as it was (on or off) after."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
