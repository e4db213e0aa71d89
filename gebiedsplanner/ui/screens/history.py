"""Modal: the change log as an audit trail, for the cell under the cursor or the whole scenario."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from gebiedsplanner.core.compare_report import describe_entry
from gebiedsplanner.core.describe import cell_label
from gebiedsplanner.core.scenario import Cell, LogEntry
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key


def history_lines(log: list[LogEntry], cell: Cell | None) -> list[str]:
    """Newest first; only the entries that touched ``cell`` (or its gebied's note) when
    one is given."""
    entries = [
        e
        for e in log
        if cell is None
        or any(c.cell == cell for c in e.changes)
        or any(n.gebied == cell.owner for n in e.notes)
    ]
    return [describe_entry(entry) for entry in reversed(entries)] or [texts.HISTORY_EMPTY]


class HistoryScreen(ModalDialog[None]):
    """``a`` switches between this cell and the whole scenario."""

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key("a", "toggle_scope", "KEY_HISTORY_SCOPE", id="history.scope"),
        dialog_key("q,h", "cancel", "KEY_CLOSE", id="history.close"),
    ]

    def __init__(self, log: list[LogEntry], cell: Cell | None) -> None:
        super().__init__()
        self.entries = log
        self.cell = cell
        self.whole = cell is None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static("", id="scope", classes="title", markup=False)
            with VerticalScroll():
                yield Static("", id="entries", markup=False)
            yield Static(texts.HISTORY_KEYS, classes="keys", markup=False)

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        cell = None if self.whole else self.cell
        title = (
            texts.HISTORY_ALL if cell is None else texts.HISTORY_CELL.format(cell=cell_label(cell))
        )
        self.query_one("#scope", Static).update(title)
        self.query_one("#entries", Static).update("\n".join(history_lines(self.entries, cell)))

    def action_toggle_scope(self) -> None:
        if self.cell is not None:
            self.whole = not self.whole
            self._fill()
