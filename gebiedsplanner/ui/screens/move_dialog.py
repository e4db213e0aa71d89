"""Modal: move an amount from one cell to another in the same year."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select, Static

from gebiedsplanner.core.amount_entry import move_entry
from gebiedsplanner.core.describe import describe_change, owner_label
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import AmountInputError
from gebiedsplanner.core.scenario import (
    COULEUR_LOCALE,
    GEBIED_POSTS,
    GEBIEDSOPDRACHT,
    STEDELIJK,
    Cell,
    EditError,
    Scenario,
    post_label,
)
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.dialog import ModalDialog
from gebiedsplanner.ui.widgets.field import Field
from gebiedsplanner.ui.widgets.preview import Preview


@dataclass(frozen=True, slots=True)
class MoveRequest:
    """The dialog's result: what to move where, and why."""

    source: Cell
    target: Cell
    amount: int
    reason: str


def _default_target(scenario: Scenario, source: Cell) -> Cell:
    """Same gebied, the other budget post (gebiedsopdracht <-> couleur locale)."""
    if source.owner == STEDELIJK:
        first = next(iter(scenario.gebieden))
        return Cell(first, COULEUR_LOCALE, source.year)
    post = GEBIEDSOPDRACHT if source.post == COULEUR_LOCALE else COULEUR_LOCALE
    return Cell(source.owner, post, source.year)


class MoveDialog(ModalDialog[MoveRequest | None]):
    """Van (gebied, post) -> naar (gebied, post), bedrag, toelichting; preview before applying.

    The dialog reads the scenario to offer choices and to preview; it never changes it.
    """

    #: Focused as soon as the dialog is composed (``Widget.focus`` in ``on_mount``
    #: would wait its turn): an amount typed right after ``m`` lands in this field.
    AUTO_FOCUS = "#amount"

    def __init__(self, scenario: Scenario, source: Cell) -> None:
        super().__init__()
        self.scenario = scenario
        self.source = source
        self.target = _default_target(scenario, source)
        self._request: MoveRequest | None = None

    def _owner_options(self) -> list[tuple[Text, str]]:
        options = [(Text(literal(name)), name) for name in self.scenario.gebieden]
        if self.scenario.stedelijk:
            options.append((Text(owner_label(STEDELIJK)), STEDELIJK))
        return options

    def _post_options(self, owner: str) -> list[tuple[Text, str]]:
        posts = list(self.scenario.stedelijk) if owner == STEDELIJK else list(GEBIED_POSTS)
        return [(Text(literal(post_label(post))), post) for post in posts]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                texts.MOVE_TITLE.format(year=self.source.year), classes="title", markup=False
            )
            for side, cell in (("from", self.source), ("to", self.target)):
                with Horizontal(classes="cellpick"):
                    yield Static(
                        texts.MOVE_FROM if side == "from" else texts.MOVE_TO,
                        classes="label",
                        markup=False,
                    )
                    yield Select(
                        self._owner_options(),
                        value=cell.owner,
                        allow_blank=False,
                        id=f"{side}-owner",
                    )
                    yield Select(
                        self._post_options(cell.owner),
                        value=cell.post,
                        allow_blank=False,
                        id=f"{side}-post",
                    )
            yield Field(placeholder=texts.MOVE_AMOUNT_PLACEHOLDER, id="amount")
            yield Field(placeholder=texts.REASON_PLACEHOLDER, id="reason")
            yield Preview(texts.MOVE_HINT)
            yield Static(texts.MOVE_KEYS, classes="keys", markup=False)

    @on(Select.Changed, "#from-owner, #to-owner")
    def _owner_changed(self, event: Select.Changed) -> None:
        side = "from" if event.select.id == "from-owner" else "to"
        posts = self.query_one(f"#{side}-post", Select)
        options = self._post_options(str(event.value))
        current = posts.value
        posts.set_options(options)
        values = [value for _, value in options]
        posts.value = current if current in values else values[0]
        self._update_preview()

    @on(Select.Changed, "#from-post, #to-post")
    @on(Input.Changed, "#amount")
    def _changed(self) -> None:
        self._update_preview()

    def _cell(self, side: str) -> Cell:
        owner = self.query_one(f"#{side}-owner", Select).value
        post = self.query_one(f"#{side}-post", Select).value
        return Cell(str(owner), str(post), self.source.year)

    def _update_preview(self) -> None:
        preview = self.query_one(Preview)
        self._request = None
        text = self.query_one("#amount", Input).value
        if not text.strip():
            preview.say(texts.MOVE_HINT)
            return
        try:
            source, target = self._cell("from"), self._cell("to")
            entry = move_entry(text, self.scenario.amount(source))
            changes = self.scenario.preview_move(source, target, entry.amount)
        except (AmountInputError, EditError) as error:
            preview.say(str(error), error=True)
            return
        reason = self.query_one("#reason", Input).value.strip()
        self._request = MoveRequest(source, target, entry.amount, reason)
        lines = [describe_change(change) for change in changes]
        if entry.percentage:  # its euros first
            lines.insert(0, entry.shown)
        preview.say("\n".join(lines))

    def action_submit(self) -> None:
        """Enter, from any field: move what the fields say, or show why not."""
        self._update_preview()
        if self._request is None:
            self.set_focus(self.query_one("#amount", Input))
            return
        self.dismiss(self._request)
