"""Modal: unsaved changes from an earlier session were found: recover, show or discard."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from gebiedsplanner import texts
from gebiedsplanner.core.compare_report import describe_entry
from gebiedsplanner.core.literal import literal
from gebiedsplanner.files.journal import Recovery


class RecoverChoice(Enum):
    RECOVER = "recover"
    DISCARD = "discard"


class RecoverScreen(ModalScreen[RecoverChoice]):
    """Herstellen restores exactly what was on screen; weggooien keeps a copy aside."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "choose('recover')", texts.RECOVER_BUTTON, id="recover.recover"),
        Binding("t", "show", texts.SHOW_BUTTON, id="recover.show"),
        Binding("w", "choose('discard')", texts.DISCARD_BUTTON, id="recover.discard"),
    ]

    def __init__(self, recovery: Recovery) -> None:
        super().__init__()
        self.recovery = recovery

    def compose(self) -> ComposeResult:
        question = texts.RECOVER_QUESTION.format(
            count=len(self.recovery.entries),
            file=literal(str(self.recovery.journal.origin)),
            since=f"{self.recovery.since:%d-%m-%Y %H:%M}",
        )
        with Vertical(classes="dialog"):
            yield Static(texts.RECOVER_TITLE, classes="title", markup=False)
            yield Static(question, markup=False)
            with VerticalScroll(id="changes", classes="changes"):
                yield Static(
                    "\n".join(describe_entry(entry) for entry in self.recovery.entries),
                    markup=False,
                )
            with Horizontal(classes="buttons"):
                yield Button(texts.RECOVER_BUTTON, id="recover", variant="primary")
                yield Button(texts.SHOW_BUTTON, id="show")
                yield Button(texts.DISCARD_BUTTON, id="discard", variant="error")

    def on_mount(self) -> None:
        self.query_one("#changes").display = False
        self.query_one("#recover", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "show":
            self.action_show()
        else:
            self.dismiss(RecoverChoice(event.button.id))

    def action_show(self) -> None:
        changes = self.query_one("#changes")
        changes.display = not changes.display

    def action_choose(self, choice: str) -> None:
        self.dismiss(RecoverChoice(choice))
