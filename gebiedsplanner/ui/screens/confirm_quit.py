"""Modal: quitting with unsaved changes asks first."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from gebiedsplanner import texts


class QuitChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


class ConfirmQuit(ModalScreen[QuitChoice]):
    """Opslaan en stoppen / stoppen zonder opslaan / terug."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('stay')", texts.KEY_CANCEL, id="quit.stay"),
        Binding("o", "choose('save')", texts.QUIT_SAVE, id="quit.save"),
        Binding("n", "choose('discard')", texts.QUIT_DISCARD, id="quit.discard"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(texts.QUIT_TITLE, classes="title", markup=False)
            yield Static(texts.QUIT_QUESTION, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(texts.QUIT_SAVE_BUTTON, id="save", variant="primary")
                yield Button(texts.QUIT_DISCARD_BUTTON, id="discard", variant="error")
                yield Button(texts.QUIT_STAY_BUTTON, id="stay")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(QuitChoice(event.button.id))

    def action_choose(self, choice: str) -> None:
        self.dismiss(QuitChoice(choice))
