"""Keys typed ahead: wait until the widgets have taken the keys sent to them.

Textual hands each key to the focused widget's own queue and goes on with the
next key at once; a binding that is not a priority one is resolved only when the
key has come back up through the widget tree. Keys that arrive together (a fast
typist, a slow SSH link) are then all queued at the widget that had the focus
when they came. The planner and the dialogs therefore take their Enter, Tab and
Escape as priority bindings (the app handles no other key until the action is
done) and first wait, with :func:`caught_up`, for what was typed before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from textual.message_pump import MessagePump


async def caught_up(pumps: Iterable[MessagePump]) -> None:
    """Return once each of ``pumps`` has handled every message sent to it before the call.

    A callback queued behind those messages runs after them. The pumps are waited
    for one after the other, in the order given: give a widget before its parents,
    and what it passes up (a key, a ``Changed`` message) has reached them too. One
    that no longer runs (removed meanwhile) has nothing left to handle.

    Call it from the app's task (a key binding's action): a pump waiting for its
    own queue would wait for ever.
    """
    for pump in pumps:
        handled = asyncio.Event()
        if pump.is_running and pump.call_later(handled.set):
            await handled.wait()
