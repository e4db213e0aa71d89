"""Modal: give a scenario a name; it is stored as a file in the scenario library."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from gebiedsplanner import texts
from gebiedsplanner.core.literal import literal
from gebiedsplanner.files.locations import file_name_for
from gebiedsplanner.ui.widgets.preview import Preview


class SaveAs(ModalScreen[tuple[str, Path] | None]):
    """Returns the scenario name and the file in the library folder it goes to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", texts.KEY_CANCEL, id="save_as.cancel"),
    ]

    def __init__(self, library: Path, suggestion: str, title: str = texts.SAVE_AS_TITLE) -> None:
        super().__init__()
        self.library = library
        self.suggestion = suggestion
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="title", markup=False)
            yield Static(
                texts.SAVE_AS_FOLDER.format(folder=literal(str(self.library))), markup=False
            )
            yield Input(value=self.suggestion, placeholder=texts.SAVE_AS_PLACEHOLDER, id="name")
            yield Preview()
            yield Static(texts.SAVE_AS_KEYS, classes="keys", markup=False)

    def on_mount(self) -> None:
        self._show(self.suggestion)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, name: str) -> None:
        preview = self.query_one(Preview)
        try:
            preview.say(texts.SAVE_AS_FILE.format(file=file_name_for(name)))
        except ValueError as error:
            preview.say(str(error), error=True)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        try:
            file_name = file_name_for(name)
        except ValueError:
            return
        self.dismiss((name, self.library / file_name))

    def action_cancel(self) -> None:
        self.dismiss(None)
