"""Modal: every key the planner knows, generated from the live bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key


class HelpScreen(ModalDialog[None]):
    """Lists ``(keys, description)`` pairs; any of escape, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key("question_mark,f1,q", "cancel", "KEY_CLOSE", id="help.close"),
    ]

    def __init__(self, keys: list[tuple[str, str]], *, intro: str = "") -> None:
        """``intro``: a paragraph above the keys (what the session may change)."""
        super().__init__()
        self.keys = keys
        self.intro = intro

    def compose(self) -> ComposeResult:
        lines = Table.grid(padding=(0, 2))
        lines.add_column(no_wrap=True, style="bold")
        lines.add_column(ratio=1)
        for key, description in self.keys:
            lines.add_row(Text(key), Text(description))
        with Vertical(classes="dialog help"):
            yield Static(texts.HELP_TITLE, classes="title", markup=False)
            with VerticalScroll():
                if self.intro:
                    yield Static(self.intro, classes="intro", markup=False)
                yield Static(lines)
                yield Static(texts.HELP_INPUT, classes="paragraph", markup=False)
            yield Static(texts.HELP_KEYS, classes="keys", markup=False)
