"""Modal: type a new amount for one cell, with a live preview and a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from gebiedsplanner import texts
from gebiedsplanner.core.describe import cell_label, describe_change
from gebiedsplanner.core.money import AmountInputError, format_amount, parse_amount_input
from gebiedsplanner.core.scenario import Cell, CellChange, check_sign
from gebiedsplanner.ui.widgets.preview import Preview


@dataclass(frozen=True, slots=True)
class AmountEdit:
    """The editor's result: the new amount and the toelichting."""

    new: int
    reason: str


class AmountEditor(ModalScreen[AmountEdit | None]):
    """Accepts ``250.000``, ``250000``, ``+25.000``, ``-10%`` and ``=-300.000``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", texts.KEY_CANCEL, id="editor.cancel"),
    ]

    def __init__(self, cell: Cell, current: int) -> None:
        super().__init__()
        self.cell = cell
        self.current = current
        self._valid: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                texts.EDITOR_TITLE.format(cell=cell_label(self.cell)), classes="title", markup=False
            )
            yield Static(
                texts.EDITOR_CURRENT.format(amount=format_amount(self.current)), markup=False
            )
            yield Input(placeholder=texts.EDITOR_PLACEHOLDER, id="amount")
            yield Preview(texts.EDITOR_HINT)
            yield Input(placeholder=texts.REASON_PLACEHOLDER, id="reason")
            yield Static(texts.EDITOR_KEYS, classes="keys", markup=False)

    @on(Input.Changed, "#amount")
    def _preview(self, event: Input.Changed) -> None:
        preview = self.query_one(Preview)
        self._valid = None
        if not event.value.strip():
            preview.say(texts.EDITOR_HINT)
            return
        try:
            new = parse_amount_input(event.value).apply(self.current)
        except AmountInputError as error:
            preview.say(str(error), error=True)
            return
        problem = check_sign(self.cell.post, self.cell.owner, new)
        if problem:
            preview.say(
                texts.EDITOR_REFUSED.format(new=format_amount(new), problem=problem), error=True
            )
            return
        self._valid = new
        preview.say(describe_change(CellChange(self.cell, self.current, new)))

    @on(Input.Submitted)
    def _submit(self) -> None:
        amount = self.query_one("#amount", Input)
        if self._valid is None:
            if not amount.value.strip():
                self.query_one(Preview).say(texts.AMOUNT_EMPTY, error=True)
            amount.focus()
            return
        self.dismiss(AmountEdit(self._valid, self.query_one("#reason", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
