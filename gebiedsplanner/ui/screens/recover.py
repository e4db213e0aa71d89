"""Modal: unsaved changes of ended sessions were found: recover, show or discard them."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from gebiedsplanner.core.compare_report import describe_entry
from gebiedsplanner.core.literal import literal
from gebiedsplanner.editing.recovery import Found
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.choice import answer_keys
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key


class RecoverChoice(Enum):
    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"


#: Which button each letter names (in the language shown) presses.
_LETTERS = {"RECOVER_LETTERS": "recover", "SHOW_LETTERS": "show", "DISCARD_LETTERS": "discard"}

#: Seconds the dialog takes no answer: it may appear while the adviser is typing
#: (reading a large journal takes a while), and a typed ``w`` must not throw away
#: the previous session's work.
ARM_SECONDS = 1.0


class RecoverScreen(ModalDialog[RecoverChoice]):
    """Herstellen brings every session's changes back; weggooien keeps the journals aside.

    It answers nothing until it has been on screen for :data:`ARM_SECONDS`; then
    its buttons light up and its keys are shown.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key(key, f"letter({key!r})", id=f"recover.{key}")
        for key in answer_keys(list(_LETTERS))
    ]

    def __init__(self, found: list[Found], file: str) -> None:
        super().__init__()
        self.found = found
        self.file = file
        self.armed = False

    def _question(self) -> str:
        count = sum(found.changes for found in self.found)
        first = self.found[0].leftover.started
        since = f"{first:%d-%m-%Y %H:%M}" if first else texts.RECOVER_SINCE_UNKNOWN
        template = texts.RECOVER_QUESTION if len(self.found) == 1 else texts.RECOVER_QUESTION_MANY
        question = template.format(
            count=count, file=literal(self.file), since=since, sessions=len(self.found)
        )
        skipped = sum(found.skipped for found in self.found)
        return question + (texts.RECOVER_SKIPPED.format(count=skipped) if skipped else "")

    def _changes(self) -> str:
        lines = []
        for found in self.found:
            leftover = found.leftover
            since = f"{leftover.started:%d-%m-%Y %H:%M}" if leftover.started else "?"
            lines.append(texts.RECOVER_SESSION.format(who=literal(leftover.who), since=since))
            lines += (describe_entry(entry) for entry in found.ours.log[len(found.base.log) :])
        return "\n".join(lines)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(texts.RECOVER_TITLE, classes="title", markup=False)
            yield Static(self._question(), markup=False)
            with VerticalScroll(id="changes", classes="changes"):
                yield Static(self._changes(), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(texts.RECOVER_BUTTON, id="recover", variant="primary", disabled=True)
                yield Button(texts.SHOW_BUTTON, id="show", disabled=True)
                yield Button(texts.DISCARD_BUTTON, id="discard", variant="error", disabled=True)
            yield Static("", id="recover-keys", classes="keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#changes").display = False
        self.set_timer(ARM_SECONDS, self._arm)

    def _arm(self) -> None:
        """From now on the dialog answers: keys typed before it was read did nothing."""
        self.armed = True
        for button in self.query(Button):
            button.disabled = False
        self.query_one("#recover", Button).focus()
        self.query_one("#recover-keys", Static).update(texts.RECOVER_KEYS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.armed or action not in ("letter", "submit")

    def action_letter(self, key: str) -> None:
        """A letter of a button in the language shown (the others are no answer)."""
        for name, button in _LETTERS.items():
            if key in getattr(texts, name):
                self._press(self.query_one(f"#{button}", Button))
                return
        raise SkipAction()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self._press(event.button)

    def action_submit(self) -> None:
        """Enter: the focused button, at once (the keys after it go to the planner)."""
        if isinstance(self.focused, Button):
            self._press(self.focused)

    def _press(self, button: Button) -> None:
        if button.id == "show":
            self.action_show()
        else:
            self.dismiss(RecoverChoice(button.id))

    def action_show(self) -> None:
        changes = self.query_one("#changes")
        changes.display = not changes.display

    def action_cancel(self) -> None:
        """Escape: decide later (also before the dialog answers)."""
        self.dismiss(RecoverChoice.LATER)
