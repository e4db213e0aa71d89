"""Modal: two versions changed the same cells; choose per cell (or save as a variant).

The same dialog serves a colleague's save that meets ours, and a recovered
session that meets what is on screen: only the wording differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Static

from gebiedsplanner.core.describe import cell_label, owner_label, shown_note
from gebiedsplanner.core.merge import Conflict
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key
from gebiedsplanner.ui.widgets.fitted_table import Cell as TableCell
from gebiedsplanner.ui.widgets.fitted_table import EndKept, Fit, FittedTable


def _columns(headers: tuple[str, ...]) -> tuple[Fit, ...]:
    """The cell's label gives way in a narrow dialog (its gebied, not its post and year);
    amounts and the choice are never cut."""
    cell, *others = headers
    return (Fit(cell, least=24), *map(Fit, others))


def _label(cell: Cell) -> EndKept:
    """``Charlois · couleur locale · 2017``, cut in the gebied's name when it must be."""
    owner = owner_label(cell.owner)
    return EndKept(owner, cell_label(cell).removeprefix(owner))


#: The most of a note a conflict's row shows (the history shows it whole).
_NOTE_SHOWN = 24


def _value(value: int | str) -> Text:
    """An amount to the right; a note (a note's conflict) to the left, cut when long."""
    if isinstance(value, int):
        return Text(format_amount(value), justify="right")
    note = shown_note(value) or texts.NOTE_NONE
    return Text(note if len(note) <= _NOTE_SHOWN else note[: _NOTE_SHOWN - 1] + "…")


@dataclass(frozen=True, slots=True)
class ConflictChoice:
    """Keep our amount (True) or the colleague's (False) per cell; or save as a variant."""

    keep_ours: dict[Cell, bool]
    as_variant: bool = False


class Wording(NamedTuple):
    """What the dialog says: title, explanation, column headers, choice names, keys."""

    title: str
    explain: str
    columns: tuple[str, ...]
    ours: str
    theirs: str
    keys: str
    variant: bool


def colleague_wording() -> Wording:
    """A colleague saved the same cells since we opened the file."""
    return Wording(
        texts.CONFLICT_TITLE,
        texts.CONFLICT_EXPLAIN,
        texts.CONFLICT_COLUMNS,
        texts.CHOICE_OURS,
        texts.CHOICE_THEIRS,
        texts.CONFLICT_KEYS,
        variant=True,
    )


def recovery_wording() -> Wording:
    """Recovered changes meet changes on screen (ours: recovered; theirs: on screen)."""
    return Wording(
        texts.RECOVER_CONFLICT_TITLE,
        texts.RECOVER_CONFLICT_EXPLAIN,
        texts.RECOVER_CONFLICT_COLUMNS,
        texts.CHOICE_RECOVERED,
        texts.CHOICE_ON_SCREEN,
        texts.RECOVER_CONFLICT_KEYS,
        variant=False,
    )


class ConflictScreen(ModalDialog[ConflictChoice | None]):
    """Lists the cells both versions changed; nothing is decided without the user."""

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key("space", "flip", "KEY_TOGGLE_CHOICE", id="conflicts.toggle"),
        dialog_key("a", "all(True)", "KEY_ALL_OURS", id="conflicts.ours"),
        dialog_key("c", "all(False)", "KEY_ALL_THEIRS", id="conflicts.theirs"),
        dialog_key("s", "save", "KEY_SAVE", id="conflicts.save"),
        dialog_key("v", "variant", "KEY_AS_VARIANT", id="conflicts.variant"),
    ]

    def __init__(self, found: list[Conflict], wording: Wording | None = None) -> None:
        super().__init__()
        self.found = found
        self.wording = wording or colleague_wording()
        self.keep_ours = {conflict.cell: True for conflict in found}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog conflicts"):
            yield Static(self.wording.title, classes="title", markup=False)
            yield Static(self.wording.explain, markup=False)
            yield FittedTable(_columns(self.wording.columns), id="conflicts")
            yield Static("", id="conflict-cell", markup=False)
            yield Static(self.wording.keys, classes="keys", markup=False)

    def on_mount(self) -> None:
        self._fill()
        self.query_one(FittedTable).focus()

    def _fill(self) -> None:
        table = self.query_one(FittedTable)
        row = table.cursor_row
        table.show(self._row(conflict) for conflict in self.found)
        table.move_cursor(row=row)

    @on(FittedTable.RowHighlighted)
    def _name_cell(self) -> None:
        """The cell under the cursor named whole (the table may cut a long gebied's name)."""
        row = self.query_one(FittedTable).cursor_row
        label = cell_label(self.found[row].cell) if 0 <= row < len(self.found) else ""
        self.query_one("#conflict-cell", Static).update(label)

    def _row(self, conflict: Conflict) -> list[TableCell]:
        choice = self.wording.ours if self.keep_ours[conflict.cell] else self.wording.theirs
        return [
            _label(conflict.cell),
            _value(conflict.base),
            _value(conflict.ours),
            _value(conflict.theirs),
            Text(choice, style="bold"),
        ]

    def action_flip(self) -> None:
        cell = self.found[self.query_one(FittedTable).cursor_row].cell
        self.keep_ours[cell] = not self.keep_ours[cell]
        self._fill()

    def action_all(self, ours: bool) -> None:
        self.keep_ours = dict.fromkeys(self.keep_ours, ours)
        self._fill()

    def action_save(self) -> None:
        self.dismiss(ConflictChoice(dict(self.keep_ours)))

    def action_variant(self) -> None:
        if self.wording.variant:
            self.dismiss(ConflictChoice({}, as_variant=True))
