"""The planner's note line: type the note of the gebied under the cursor (``o``), in place.

Like the edit line (:mod:`edit_line`) it takes the footer's line while open, so
nothing else on screen moves; Enter and Escape are the planner's. A note may hold
line breaks (written by hand in the file); a one-line field shows each as ``⏎``
and gives it back as a line break, so a note that is kept as it was stays exactly
what it was.
"""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from gebiedsplanner.core.describe import owner_label
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.keys import caught_up
from gebiedsplanner.ui.widgets.field import Field

#: How the field shows a line break of a note, and reads it back.
LINE_BREAK = "⏎"


def on_one_line(note: str) -> str:
    """A note as the field shows it: its line breaks as ``⏎``."""
    return note.replace("\n", LINE_BREAK)


def from_one_line(text: str) -> str:
    """What the field holds, as a note: each ``⏎`` a line break again."""
    return text.replace(LINE_BREAK, "\n")


class NoteLine(Horizontal):
    """One line: the gebied, and its note to type."""

    DEFAULT_CSS = """
    NoteLine { height: 1; background: $panel; }
    NoteLine > #note-gebied { width: auto; max-width: 28; padding: 0 1; text-style: bold;
                              text-wrap: nowrap; text-overflow: ellipsis; }
    NoteLine > Input { width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.gebied = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="note-gebied", markup=False)
        yield Field(
            placeholder=texts.NOTE_PLACEHOLDER, id="note-text", compact=True, select_on_focus=False
        )

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False  # an idle line writes nothing (SSH)

    async def start(self, gebied: str, note: str) -> None:
        """Begin typing the note of ``gebied`` (now ``note``), the cursor after it.

        Returns once the field shows its end: keys typed after ``o`` wait until then
        (the planner awaits this), so none lands before the cursor is in its place."""
        self.gebied = gebied
        self.query_one(Static).update(texts.NOTE_LABEL.format(gebied=owner_label(gebied)))
        field = self.query_one(Input)
        field.placeholder = texts.NOTE_PLACEHOLDER
        field.value = on_one_line(note)
        field.cursor_position = 0
        self.screen.set_focus(field, scroll_visible=False)
        # Once the line has its width: the field then scrolls to show the cursor.
        at_end = asyncio.Event()

        def to_end() -> None:
            field.action_end()
            at_end.set()

        self.call_after_refresh(to_end)
        await at_end.wait()

    async def note(self) -> str:
        """Enter: the note typed (after every key sent to the field before it)."""
        await caught_up(self.query(Input))
        return from_one_line(self.query_one(Input).value)
