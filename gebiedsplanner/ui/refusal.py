"""Asking the session's rights before an action, and saying why when they refuse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.scenario import EditError


def refuse(screen: Screen[Any], error: EditError) -> None:
    """Say why a change (or a save) was refused; nothing was changed."""
    screen.notify(literal(str(error)), severity="error", markup=False)


def allowed(screen: Screen[Any], check: Callable[[], None]) -> bool:
    """Whether ``check`` (a question to :class:`~gebiedsplanner.core.rights.Rights`) lets
    the action go on; when it does not, ``screen`` says why."""
    try:
        check()
    except EditError as error:
        refuse(screen, error)
        return False
    return True
