"""Modal: a question with a few answers, each a button and a key (Esc is the safe answer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from gebiedsplanner import texts

YES, NO = "yes", "no"
SAVE, DISCARD, STAY = "save", "discard", "stay"
RECREATE, SAVE_AS = "recreate", "save_as"


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: what it returns, its button text, its keys."""

    value: str
    label: str
    keys: tuple[str, ...]
    variant: Literal["default", "primary", "success", "warning", "error"] = "default"


class ChoiceDialog(ModalScreen[str]):
    """Returns the chosen answer's value; Esc returns ``safe``."""

    def __init__(self, title: str, question: str, answers: tuple[Answer, ...], safe: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.answers = answers
        self.safe = safe

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="title", markup=False)
            yield Static(self.question, markup=False)
            with Horizontal(classes="buttons"):
                for answer in self.answers:
                    yield Button(answer.label, id=answer.value, variant=answer.variant)

    def on_mount(self) -> None:
        self.query_one(f"#{self.safe}", Button).focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss(self.safe)
            return
        for answer in self.answers:
            if event.key in answer.keys:
                event.stop()
                self.dismiss(answer.value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id))


def confirm(title: str, question: str) -> ChoiceDialog:
    """Ja (j) / Nee (n); Esc and the focused button are Nee."""
    answers = (
        Answer(YES, texts.YES_BUTTON, ("j", "y"), "warning"),
        Answer(NO, texts.NO_BUTTON, ("n",)),
    )
    return ChoiceDialog(title, question, answers, safe=NO)


def quit_dialog() -> ChoiceDialog:
    """Opslaan en stoppen (o) / stoppen zonder opslaan (n) / terug (Esc)."""
    answers = (
        Answer(SAVE, texts.QUIT_SAVE_BUTTON, ("o",), "primary"),
        Answer(DISCARD, texts.QUIT_DISCARD_BUTTON, ("n",), "error"),
        Answer(STAY, texts.QUIT_STAY_BUTTON, ()),
    )
    return ChoiceDialog(texts.QUIT_TITLE, texts.QUIT_QUESTION, answers, safe=STAY)


def gone_dialog(file: str) -> ChoiceDialog:
    """The file was renamed or trashed: write it anew (o) / save as (a) / back (Esc)."""
    answers = (
        Answer(RECREATE, texts.GONE_RECREATE_BUTTON, ("o",), "warning"),
        Answer(SAVE_AS, texts.GONE_SAVE_AS_BUTTON, ("a",), "primary"),
        Answer(STAY, texts.QUIT_STAY_BUTTON, ()),
    )
    question = texts.GONE_QUESTION.format(file=file)
    return ChoiceDialog(texts.GONE_TITLE, question, answers, safe=STAY)
