"""The dialogs' base: their keys are taken in the order they were typed.

Keys that arrive together (a fast typist, a slow SSH link) used to go astray in
a dialog: in ``50000 Tab reden Enter`` the Tab was taken only after ``reden``
had been typed into the amount (Textual resolves a screen's bindings once the
key has come back up from the focused field, see :mod:`gebiedsplanner.ui.keys`),
and a key right after Enter or Escape went to the dialog that was closing, not
to the screen below. Here, as in the planner and its edit line, a dialog's keys
are taken in turn (:class:`~gebiedsplanner.ui.keys.InTurn`): priority bindings,
taken the moment they arrive and acted on once every field has taken what was
typed before. An open list (a ``Select``'s options) keeps its own keys.

Enter is the dialog's main action from every field (a list opens with space or
an arrow), Tab and shift+Tab move between the fields, Escape cancels.
"""

from __future__ import annotations

from typing import ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from gebiedsplanner.ui.keys import InTurn, ResultType, in_turn


def dialog_key(keys: str, action: str, text_name: str = "", *, id: str) -> Binding:
    """A dialog's key: taken as it arrives, acted on after the keys typed before it.

    ``action`` is an action of the dialog (``"letter('h')"``); its
    ``check_action`` still decides whether it runs. ``text_name`` names its
    description in ``texts`` (``"KEY_CLOSE"``), looked up when shown
    (:mod:`~gebiedsplanner.ui.named_keys`). The ``id`` lets a keymap remap the key.
    """
    return Binding(keys, in_turn(action), text_name, show=False, id=id, priority=True)


class Dialog(InTurn[ResultType]):
    """A screen that asks something and returns the answer: the planning tools' full
    screen, and every modal dialog through :class:`ModalDialog`.

    Subclasses bind their own keys with :func:`dialog_key` and give Enter a meaning
    with :meth:`action_submit`; Escape dismisses with ``None`` unless
    :meth:`action_cancel` says otherwise.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key("enter", "submit", "KEY_APPLY", id="dialog.submit"),
        dialog_key("tab", "focus_next", id="dialog.next_field"),
        dialog_key("shift+tab", "focus_previous", id="dialog.previous_field"),
        dialog_key("escape", "cancel", "KEY_CANCEL", id="dialog.cancel"),
    ]

    def action_submit(self) -> None:
        """Enter: the dialog's main action; without one, Enter is the focused widget's."""
        raise SkipAction()

    def action_focus_next(self) -> None:
        """Tab: the next field, at once (the keys after Tab go there)."""
        self.focus_next()

    def action_focus_previous(self) -> None:
        """Shift+Tab: the field before."""
        self.focus_previous()

    def action_cancel(self) -> None:
        """Escape: close, answering nothing."""
        self.dismiss(None)


class ModalDialog(Dialog[ResultType], ModalScreen[ResultType]):
    """A dialog over the screen it was opened from (centred, the screen dimmed behind it)."""
