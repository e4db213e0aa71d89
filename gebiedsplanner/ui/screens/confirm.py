"""Modal: a yes/no question (j/n, Enter/Esc)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from gebiedsplanner import texts


class Confirm(ModalScreen[bool]):
    """Returns ``True`` for yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", texts.NO, id="confirm.no"),
        Binding("j,y", "answer(True)", texts.YES, id="confirm.yes"),
    ]

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="title", markup=False)
            yield Static(self.question, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(texts.YES_BUTTON, id="yes", variant="warning")
                yield Button(texts.NO_BUTTON, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
