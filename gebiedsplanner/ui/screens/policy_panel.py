"""Modal: the scenario's policy rules and every place the plan breaks them.

The core computes the lines (:func:`policy_lines`, the same words as
``gebiedsplanner validate``); this screen only shows them. It opens on the
planner's live :class:`PolicyCheck`, so it is current whenever it opens.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.policy_report import policy_lines
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key
from gebiedsplanner.ui.widgets.hanging import Hanging


class PolicyPanel(ModalDialog[None]):
    """The rules, the count per year and each violation; ``esc``, ``b`` or ``q`` closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key("q,b", "cancel", "KEY_CLOSE", id="policy.close"),
    ]

    def __init__(self, check: PolicyCheck) -> None:
        super().__init__()
        self.check = check

    def compose(self) -> ComposeResult:
        total = len(self.check.violations())
        with Vertical(classes="dialog help"):
            yield Static(texts.POLICY_TITLE.format(count=total), classes="title", markup=False)
            with VerticalScroll():
                yield Static(Hanging(policy_lines(self.check)), id="violations")
            yield Static(texts.POLICY_KEYS, classes="keys", markup=False)
