"""One table per screen of what its keys do: bindings, help and the command palette follow from it.

Keeping keys, labels and help texts in one spec per action means the footer,
the help screen and the command palette can never disagree.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding, BindingType

_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "slash": "/",
}

_SHORT_KEYS = {"enter": "⏎"}


class ActionSpec(NamedTuple):
    """Key(s), action, footer label, help text, and whether the footer shows it."""

    keys: str
    action: str
    label: str
    help: str
    show: bool


def bindings(
    prefix: str, specs: tuple[ActionSpec, ...], *, priority: bool = False
) -> list[BindingType]:
    """Bindings with ``id``\\ s (``prefix.action``), so keys can be remapped later."""
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.label,
            show=spec.show,
            id=f"{prefix}.{spec.action}",
            tooltip=spec.help,
            priority=priority,
        )
        for spec in specs
    ]


def key_hints(specs: tuple[ActionSpec, ...]) -> str:
    """The footer line: ``⏎ Wijzig  m Verschuif  ] Jaar ...`` for the actions shown."""
    hints = []
    for spec in specs:
        if spec.show:
            key = spec.keys.split(",")[0]
            key = _SHORT_KEYS.get(key, _KEY_NAMES.get(key, key)).replace("ctrl+", "^")
            hints.append(f"{key} {spec.label}")
    return "  ".join(hints)


def help_rows(specs: tuple[ActionSpec, ...]) -> list[tuple[str, str]]:
    """``(keys as a person types them, help text)`` for the help screen."""
    rows = []
    for spec in specs:
        keys = [_KEY_NAMES.get(key, key) for key in spec.keys.split(",")]
        rows.append((" ".join(keys), spec.help))
    return rows
