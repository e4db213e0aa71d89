"""One table per screen of what its keys do: bindings, help and the command palette follow from it.

Keeping keys, labels and help texts in one spec per action means the footer,
the help screen and the command palette can never disagree.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding, BindingType

from gebiedsplanner.core.rights import Need, Rights
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.keys import in_turn

_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "slash": "/",
    "colon": ":",
}

_SHORT_KEYS = {"enter": "⏎"}


class ActionSpec(NamedTuple):
    """Key(s), action, the names of its footer label and help text in ``texts``, and
    whether the footer shows it. Names, not texts: they are looked up when shown, in the
    language of the moment."""

    keys: str
    action: str
    label_name: str
    help_name: str
    show: bool
    shown_keys: str = ""
    """How the footer writes the key when not as the first of ``keys`` (``1-4``)."""
    hint_name: str = ""
    """The name in ``texts`` of the footer's label when it is not ``label`` (one hint for
    several actions: ``1-4 Weergave``); help and the command palette keep ``label``."""
    needs: Need | None = None
    """What the action asks of the session's rights: without it, footer, help and palette
    leave the action out (:func:`usable`); its key still says why it cannot."""

    @property
    def label(self) -> str:
        return str(getattr(texts, self.label_name))

    @property
    def help(self) -> str:
        return str(getattr(texts, self.help_name))


def usable(specs: tuple[ActionSpec, ...], rights: Rights) -> tuple[ActionSpec, ...]:
    """The actions a session with ``rights`` may use: a read-only session is offered no
    edit, move, tool, undo or save."""
    return tuple(spec for spec in specs if spec.needs is None or rights.allows(spec.needs))


def bindings(
    prefix: str, specs: tuple[ActionSpec, ...], *, priority: bool = False, turn: bool = False
) -> list[BindingType]:
    """Bindings with ``id``\\ s (``prefix.action``), so keys can be remapped later.

    Their description and tooltip are the names of the label and help text, not the
    texts: made with the class, before a language is chosen, they are looked up
    when Textual shows them (:mod:`gebiedsplanner.ui.named_keys`).

    ``turn``: priority bindings whose actions run in turn, after the keys typed
    before (on an :class:`~gebiedsplanner.ui.keys.InTurn` screen).
    """
    return [
        Binding(
            spec.keys,
            in_turn(spec.action) if turn else spec.action,
            spec.label_name,
            show=spec.show,
            id=f"{prefix}.{spec.action}",
            tooltip=spec.help_name,
            priority=priority or turn,
        )
        for spec in specs
    ]


def _hint(spec: ActionSpec) -> str:
    key = spec.shown_keys or spec.keys.split(",")[0]
    shown = texts.KEY_NAMES.get(key) or _SHORT_KEYS.get(key) or _KEY_NAMES.get(key, key)
    label = str(getattr(texts, spec.hint_name)) if spec.hint_name else spec.label
    return f"{shown.replace('ctrl+', '^')} {label}"


def key_hints(specs: tuple[ActionSpec, ...], width: int = 1_000) -> str:
    """The footer line: ``⏎ Wijzig  m Verschuif  ] Jaar ...`` for the actions shown.

    When they do not all fit in ``width``, the first ones that fit are shown and the
    help key last: help lists every key, so no key is ever out of reach.
    """
    shown = [_hint(spec) for spec in specs if spec.show]
    line = "  ".join(shown)
    if len(line) <= width:
        return line
    help_hint = next((_hint(spec) for spec in specs if spec.action == "help"), "")
    kept: list[str] = []
    for hint in shown:
        if hint != help_hint and len("  ".join([*kept, hint, help_hint])) <= width:
            kept.append(hint)
    return "  ".join([*kept, help_hint] if help_hint else kept)


def help_rows(specs: tuple[ActionSpec, ...]) -> list[tuple[str, str]]:
    """``(keys as a person types them, help text)`` for the help screen."""
    rows = []
    for spec in specs:
        keys = [_KEY_NAMES.get(key, key) for key in spec.keys.split(",")]
        rows.append((" ".join(keys), spec.help))
    return rows
