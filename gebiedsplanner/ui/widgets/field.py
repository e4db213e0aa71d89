"""The app's text field: its editing keys act in the order they were typed.

Textual's ``Input`` inserts a printable character the moment it takes the key,
but its editing keys (Backspace, Delete, ctrl+u, ctrl+w, the arrows, Home, End...)
are bindings, resolved only once the key has come back up through the widget
tree (see :mod:`gebiedsplanner.ui.keys`). Keys that arrive together (a fast
typist, a slow SSH link) were then taken out of order: in ``+1005 Backspace
Enter`` the planner's Enter (a priority binding) saved +1005, and in ``50000
Backspace Tab reden`` the dialog's Tab moved on before Backspace, so 50.000
moved. A :class:`Field` runs its own bindings in its key handler, in the field's
turn, right after the characters typed before them.

Every input field of the app is a ``Field``: make none with ``Input`` itself
(``tests/test_architecture.py`` checks).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class Field(Input):
    """An ``Input`` that acts on its editing keys the moment it takes them."""

    async def _on_key(self, event: events.Key) -> None:
        """A key that is one of the field's own bindings: its action now, not after
        the key has bubbled up (where a priority Enter or Tab, or the characters
        typed after it, would overtake it). Printable characters: ``Input``'s own."""
        if event.is_printable:
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()  # taken: it goes no further up (Input's handler still runs)
                return
