"""Keys typed ahead: wait until the widgets have taken the keys sent to them.

Textual hands each key to the focused widget's own queue and goes on with the
next key at once; a binding that is not a priority one is resolved only when the
key has come back up through the widget tree. Keys that arrive together (a fast
typist, a slow SSH link) are then all queued at the widget that had the focus
when they came. The planner and the dialogs therefore take their Enter, Tab and
Escape as priority bindings (the app handles no other key until the action is
done) and first wait, with :func:`caught_up`, for what was typed before
(:class:`InTurn` does so for a whole screen's keys: the dialogs, the library, the
comparison). A text field takes its own editing keys (Backspace, the arrows, ctrl+u)
in its key handler, in turn with the characters typed (:mod:`~gebiedsplanner.ui.widgets.field`).
An action that opens something returns once it is ready (a screen mounted, the
library's list read, a comparison made): the app holds the keys after it until then.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import TypeVar

from textual.actions import SkipAction
from textual.message_pump import MessagePump
from textual.widgets import OptionList

from gebiedsplanner.ui.named_keys import NamedKeys

ResultType = TypeVar("ResultType")


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


def in_turn(action: str) -> str:
    """A priority binding's action that runs ``action`` of an :class:`InTurn` screen in
    its turn: after the keys typed before it (``"open"`` -> ``"after_typing('open')"``)."""
    return f"after_typing({action!r})"


class InTurn(NamedKeys[ResultType]):
    """A screen whose keys are taken in the order they were typed.

    Its keys are priority bindings to :func:`in_turn` actions: taken the moment
    they arrive, while the app holds the keys after them, and acted on once every
    widget has taken what was typed before. An open list (a ``Select``'s options)
    keeps its own keys: Enter picks, Escape closes it.
    """

    async def action_after_typing(self, action: str) -> None:
        """Run ``action`` once the widgets have taken every key sent before its key.

        Every widget is waited for before its parents, so what a field passed up
        (a key it did not take, its ``Changed`` message) has been handled too.
        With a list open, or when ``action`` does not apply (a ``SkipAction`` or
        ``check_action`` saying no), the key goes on to the focused widget as if
        it had no binding here, in its turn.
        """
        await caught_up([*reversed(self.query("*")), self])
        if isinstance(self.focused, OptionList):
            raise SkipAction()
        if not await self.app.run_action(action, self):
            raise SkipAction()
