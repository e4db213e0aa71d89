"""The language the user sees: Dutch (the default) or English.

Every text lives in :mod:`gebiedsplanner.i18n.texts` (Dutch) and
:mod:`gebiedsplanner.i18n.texts_en` (English), under the same names. Code reads a text
as ``texts.NAME`` when it shows it, so :func:`use` only has to give ``texts`` the
other language's values; tables that name texts keep the name, not the value.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from gebiedsplanner.i18n import texts

LANGUAGES = ("nl", "en")
DEFAULT = "nl"

#: The Dutch values, taken before any switch, so switching back is possible (tests do).
_DUTCH: dict[str, Any] = {name: value for name, value in vars(texts).items() if name.isupper()}
_current = DEFAULT


def use(language: str) -> None:
    """Show every text from now on in ``language`` (one of :data:`LANGUAGES`)."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(language)
    values = _DUTCH if language == "nl" else vars(import_module("gebiedsplanner.i18n.texts_en"))
    for name in _DUTCH:
        setattr(texts, name, values[name])
    _current = language


def current() -> str:
    """The language texts are in now."""
    return _current


def in_every_language(name: str) -> tuple[Any, ...]:
    """The text ``name`` in each of :data:`LANGUAGES`: for what must work in all of them,
    such as the keys a dialog binds before anyone has chosen a language."""
    english = vars(import_module("gebiedsplanner.i18n.texts_en"))
    return (_DUTCH[name], english[name])
