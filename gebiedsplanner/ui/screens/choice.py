"""Modal: a question with a few answers, each a button and a key (Esc is the safe answer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from gebiedsplanner.i18n import texts
from gebiedsplanner.i18n.language import in_every_language
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key

YES, NO = "yes", "no"
SAVE, DISCARD, STAY = "save", "discard", "stay"
RECREATE, SAVE_AS = "recreate", "save_as"


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: what it returns, its button text, its keys."""

    value: str
    label_name: str
    """The name of its button text in ``texts``: looked up when shown, in the language then."""
    letters_name: str | None
    """The name in ``texts`` of the letters that answer it (``QUIT_SAVE_LETTERS``)."""
    variant: Literal["default", "primary", "success", "warning", "error"] = "default"

    @property
    def label(self) -> str:
        return str(getattr(texts, self.label_name))

    @property
    def keys(self) -> str:
        """The letters that answer it now, in the language shown."""
        return str(getattr(texts, self.letters_name)) if self.letters_name else ""


def answer_keys(letters_names: list[str]) -> list[str]:
    """Every letter of these answers in any language: a dialog's bindings are made once,
    before a language is chosen; :attr:`Answer.keys` decides which answer a letter is."""
    return sorted(
        {key for name in letters_names for value in in_every_language(name) for key in value}
    )


#: Ja (j) / Nee (n), Yes (y) / No (n); Esc and the focused button are Nee.
CONFIRM = (
    Answer(YES, "YES_BUTTON", "YES_LETTERS", "warning"),
    Answer(NO, "NO_BUTTON", "NO_LETTERS"),
)
#: Opslaan en stoppen (o) / stoppen zonder opslaan (n) / terug (Esc).
QUIT = (
    Answer(SAVE, "QUIT_SAVE_BUTTON", "QUIT_SAVE_LETTERS", "primary"),
    Answer(DISCARD, "QUIT_DISCARD_BUTTON", "QUIT_DISCARD_LETTERS", "error"),
    Answer(STAY, "QUIT_STAY_BUTTON", None),
)
#: The file was renamed or trashed: write it anew (o) / save as (a) / back (Esc).
GONE = (
    Answer(RECREATE, "GONE_RECREATE_BUTTON", "GONE_RECREATE_LETTERS", "warning"),
    Answer(SAVE_AS, "GONE_SAVE_AS_BUTTON", "GONE_SAVE_AS_LETTERS", "primary"),
    Answer(STAY, "QUIT_STAY_BUTTON", None),
)
#: Every key an answer has: bindings belong to the class, answers to each question.
ANSWER_KEYS = answer_keys(
    [a.letters_name for answers in (CONFIRM, QUIT, GONE) for a in answers if a.letters_name]
)


class ChoiceDialog(ModalDialog[str]):
    """Returns the chosen answer's value; Esc returns ``safe``, Enter the focused button's."""

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key(key, f"answer({key!r})", id=f"choice.{key}") for key in ANSWER_KEYS
    ]

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

    def action_answer(self, key: str) -> None:
        """A key of this question's answers (the others are no answer here)."""
        for answer in self.answers:
            if key in answer.keys:
                self.dismiss(answer.value)
                return
        raise SkipAction()

    def action_submit(self) -> None:
        """Enter: the focused button's answer, at once (the safe one until the focus lands)."""
        self.dismiss(str(self.focused.id) if isinstance(self.focused, Button) else self.safe)

    def action_cancel(self) -> None:
        self.dismiss(self.safe)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id))


def confirm(title: str, question: str) -> ChoiceDialog:
    """Ja (j) / Nee (n); Esc and the focused button are Nee."""
    return ChoiceDialog(title, question, CONFIRM, safe=NO)


def quit_dialog() -> ChoiceDialog:
    """Opslaan en stoppen (o) / stoppen zonder opslaan (n) / terug (Esc)."""
    return ChoiceDialog(texts.QUIT_TITLE, texts.QUIT_QUESTION, QUIT, safe=STAY)


def gone_dialog(file: str) -> ChoiceDialog:
    """The file was renamed or trashed: write it anew (o) / save as (a) / back (Esc)."""
    question = texts.GONE_QUESTION.format(file=file)
    return ChoiceDialog(texts.GONE_TITLE, question, GONE, safe=STAY)
