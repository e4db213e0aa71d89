"""Modal: where and how to export the plan as CSV (the same as ``gebiedsplanner export``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from gebiedsplanner import texts


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """The dialog's result, handed to the pure CSV writer."""

    path: Path
    layout: str
    dialect: str


class ExportDialog(ModalScreen[ExportRequest | None]):
    """File name, layout (long/wide) and dialect (standard/nl)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", texts.KEY_CANCEL, id="export.cancel"),
    ]

    def __init__(self, suggestion: Path, *, layouts: bool = True) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.layouts = layouts

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(texts.EXPORT_TITLE, classes="title", markup=False)
            yield Input(value=str(self.suggestion), id="path")
            with Horizontal(classes="choices"):
                if self.layouts:
                    yield Select(texts.EXPORT_LAYOUTS, value="long", allow_blank=False, id="layout")
                yield Select(texts.EXPORT_DIALECTS, value="nl", allow_blank=False, id="dialect")
            yield Static(texts.EXPORT_KEYS, classes="keys", markup=False)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        layout = str(self.query_one("#layout", Select).value) if self.layouts else "long"
        dialect = str(self.query_one("#dialect", Select).value)
        self.dismiss(ExportRequest(Path(event.value.strip()).expanduser(), layout, dialect))

    def action_cancel(self) -> None:
        self.dismiss(None)
