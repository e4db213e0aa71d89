"""Keys described by the names of their texts, looked up when Textual shows them.

Textual makes a class's bindings once, when the class is made, and reads a
binding's description when it draws it (a footer, the key panel, a tooltip). A
description written as ``texts.KEY_SAVE`` in a class body would be the text of the
language at import: the SSH launcher imports every screen once, in Dutch, and only
then does a session choose English. So our bindings name their text
(``Binding("ctrl+s", "save", "KEY_SAVE")``), and a :class:`NamedKeys` screen hands
Textual the text of that name in the language of the moment. ``active_bindings`` is
where Textual reads a screen's keys to show them, the app's and the focused
widget's included.

The key line, the help screen and the command palette are made from each screen's
table of actions (:mod:`gebiedsplanner.ui.actions`) and look their texts up when
drawn too. ``tests/test_texts_when_shown.py`` refuses a text taken at import.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

from gebiedsplanner.i18n import texts

ResultType = TypeVar("ResultType")


def text_named(name: str) -> str:
    """The text called ``name`` in the catalogue, in the language of now; anything else
    (Textual's own English descriptions, no description) as it is."""
    text = vars(texts).get(name) if name.isupper() else None
    return text if isinstance(text, str) else name


def described(binding: Binding) -> Binding:
    """``binding`` as shown: with the texts its description and tooltip name."""
    return replace(
        binding, description=text_named(binding.description), tooltip=text_named(binding.tooltip)
    )


class NamedKeys(Screen[ResultType]):
    """A screen whose keys Textual shows in the language of the moment (every screen of
    ours: the planner's base, and through :class:`~gebiedsplanner.ui.keys.InTurn` the
    others)."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        shown = {}
        for key, active in super().active_bindings.items():
            binding, tooltip = described(active.binding), text_named(active.tooltip)
            shown[key] = active._replace(binding=binding, tooltip=tooltip)
        return shown
