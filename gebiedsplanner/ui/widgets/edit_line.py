"""The planner's edit line: type a new amount for the cell under the cursor, in place.

It takes the footer's line while open, so the table and the totals keep their
place: opening, typing and applying repaint one line, not the screen (a modal
dialog costs the whole screen twice over SSH). The input does not blink: an idle
edit line writes nothing to the terminal. Enter and Escape are the planner's
(it applies or drops the edit in the same step as the keys arrive).
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from gebiedsplanner.core.amount_entry import EntryPreview, preview_entry
from gebiedsplanner.core.describe import cell_label
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.keys import caught_up
from gebiedsplanner.ui.widgets.field import Field
from gebiedsplanner.ui.widgets.preview import Longest, Preview


class Entry(NamedTuple):
    """A usable edit: set ``cell`` to ``new``, with ``reason``."""

    cell: Cell
    new: int
    reason: str


def _fitting(preview: EntryPreview) -> str | Longest:
    """The preview's message, or without its examples where the line is too narrow for them
    (``'abc' is geen bedrag.``: the notification on Enter shows them)."""
    if not preview.shorter:
        return preview.message
    return Longest((preview.message, *preview.shorter), cut_last=True)


class EditLine(Horizontal):
    """One line: the cell, an amount input, and what Enter would do (or a toelichting input)."""

    #: A priority binding, like the planner's Enter and Escape: taken the moment it
    #: arrives, so the keys after it go to the field it chose (see PlannerScreen).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "toggle_reason", "REASON_PLACEHOLDER", show=False, priority=True),
    ]

    DEFAULT_CSS = """
    EditLine { height: 1; background: $panel; }
    EditLine > #edit-cell { width: auto; max-width: 40%; padding: 0 1; text-style: bold;
                            text-wrap: nowrap; text-overflow: ellipsis; }
    EditLine > Input { width: 14; }
    EditLine > #edit-reason { width: 1fr; display: none; }
    EditLine.-reason > #edit-reason { display: block; }
    EditLine.-reason > Preview { display: none; }
    EditLine > Preview { width: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    EditLine > Preview.error { color: $text-error; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cell: Cell | None = None
        self._current = 0

    async def build(self) -> None:
        """Make the line's parts on first use: startup does not pay for them (issue 5)."""
        if self.children:
            return
        await self.mount_all(
            [
                Static("", id="edit-cell", markup=False),
                Field(
                    placeholder=texts.EDITOR_PLACEHOLDER,
                    id="edit-amount",
                    compact=True,
                    select_on_focus=False,
                ),
                Preview(),
                Field(placeholder=texts.REASON_PLACEHOLDER, id="edit-reason", compact=True),
            ]
        )
        for field in self.query(Input):
            field.cursor_blink = False

    def start(self, cell: Cell, current: int, *, year: bool = False) -> None:
        """Begin editing ``cell`` (now ``current``) with empty inputs (after :meth:`build`).

        ``year``: name the cell's year too, first, where a long name cannot cut it off (the
        all-years view); else the title says it."""
        self._cell, self._current = cell, current
        label = cell_label(cell, year=False)
        if year:
            label = texts.EDIT_CELL_IN_YEAR.format(year=cell.year, cell=label)
        self.query_one("#edit-cell", Static).update(label)
        self.query_one("#edit-amount", Input).value = ""
        self.query_one("#edit-reason", Input).value = ""
        self._hint()
        self.remove_class("-reason")
        self._focus("#edit-amount")

    @on(Input.Changed, "#edit-amount")
    def _preview(self, event: Input.Changed) -> None:
        assert self._cell is not None
        if not event.value.strip():
            self._hint()
            return
        preview = preview_entry(self._cell, self._current, event.value)
        self.query_one(Preview).say(_fitting(preview), error=preview.error)

    def _hint(self) -> None:
        """What the keys do here, as much as fits whole: the line is the cell's name, the
        amount and this (at 60 columns, 20 columns or less)."""
        hints = (texts.EDITOR_HINT, texts.EDITOR_HINT_SHORT, texts.EDITOR_HINT_SHORTEST)
        self.query_one(Preview).say(Longest(hints))

    async def entry(self) -> Entry | None:
        """Enter: the edit to apply; ``None`` (and why, on the line) when the amount won't do.

        Enter is taken the moment it arrives, but each input handles its keys in its
        own time: first wait until both have taken every key sent to them before it.
        """
        await caught_up(self.query(Input))
        assert self._cell is not None
        amount = self.query_one("#edit-amount", Input)
        preview = preview_entry(self._cell, self._current, amount.value)
        if preview.new is None:
            self.remove_class("-reason")
            message = texts.AMOUNT_EMPTY if not amount.value.strip() else preview.message
            self.query_one(Preview).say(
                _fitting(preview) if amount.value.strip() else message, error=True
            )
            # The line may cut a long explanation short; the notification shows it whole.
            self.notify(message, severity="error", markup=False)
            self._focus("#edit-amount")
            return None
        reason = self.query_one("#edit-reason", Input).value.strip()
        return Entry(self._cell, preview.new, reason)

    def action_toggle_reason(self) -> None:
        """Tab: between the amount and the toelichting."""
        reason = not self.has_class("-reason")
        self.set_class(reason, "-reason")
        self._focus("#edit-reason" if reason else "#edit-amount")

    def _focus(self, selector: str) -> None:
        """Focus an input at once: ``Widget.focus`` waits its turn, and keys that
        arrive meanwhile would go to the table instead."""
        self.screen.set_focus(self.query_one(selector, Input), scroll_visible=False)
