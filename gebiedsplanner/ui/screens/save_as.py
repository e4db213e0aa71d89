"""Modal: give a scenario a name and pick its folder; it is stored as a file there.

The folders are the team folders and the user's own library, the first team
folder first: when that one refuses (read-only), ↑ and ↓ pick another, so
the edits always have somewhere to go.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import file_name_for
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key
from gebiedsplanner.ui.shown_path import shown_path
from gebiedsplanner.ui.widgets.field import Field
from gebiedsplanner.ui.widgets.preview import Preview


class SaveAs(ModalDialog[tuple[str, Path] | None]):
    """Returns the scenario name and the file in the library folder it goes to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key("down", "folder(1)", "KEY_OTHER_FOLDER", id="save_as.next_folder"),
        dialog_key("up", "folder(-1)", "KEY_OTHER_FOLDER", id="save_as.previous_folder"),
    ]

    def __init__(self, folders: Sequence[Path], suggestion: str, title: str | None = None) -> None:
        """``title``: the dialog's (duplicate, rename); "save as" when not given."""
        super().__init__()
        self.folders = list(folders)
        self.folder = 0
        self.suggestion = suggestion
        self.title_text = texts.SAVE_AS_TITLE if title is None else title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="title", markup=False)
            yield Static("", id="folder", markup=False)
            yield Field(value=self.suggestion, placeholder=texts.SAVE_AS_PLACEHOLDER, id="name")
            yield Preview()
            keys = texts.SAVE_AS_KEYS_FOLDERS if len(self.folders) > 1 else texts.SAVE_AS_KEYS
            yield Static(keys, classes="keys", markup=False)

    def on_mount(self) -> None:
        self._show_folder()
        self._show(self.suggestion)

    def action_folder(self, step: int) -> None:
        self.folder = (self.folder + step) % len(self.folders)
        self._show_folder()

    def _show_folder(self) -> None:
        folder = shown_path(self.folders[self.folder])
        self.query_one("#folder", Static).update(texts.SAVE_AS_FOLDER.format(folder=folder))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, name: str) -> None:
        preview = self.query_one(Preview)
        try:
            preview.say(texts.SAVE_AS_FILE.format(file=file_name_for(name)))
        except ValueError as error:
            preview.say(str(error), error=True)

    def action_submit(self) -> None:
        """Enter: the name as typed, in the folder shown (a name that cannot be: nothing)."""
        name = self.query_one("#name", Input).value.strip()
        try:
            file_name = file_name_for(name)
        except ValueError:
            return
        self.dismiss((name, self.folders[self.folder] / file_name))
