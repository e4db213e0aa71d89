"""The planning tools, one module each: distribute the taakstelling, fit to the envelope,
raise couleur locale, copy a year forward.

A tool's module holds its plan, the words its change-log entry stores, and its
:class:`~gebiedsplanner.core.tools.description.Tool` (its code and parameters): the
command line, the dialog and the change log are built from that description.
:mod:`~gebiedsplanner.core.tools.plans` holds what every tool's plan is made of.

This package's own module stays this small: starting the planner reads :data:`CODES`
(is a word a command?) and loads no tool.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gebiedsplanner.core.tools.description import Tool

#: The tools' codes, in the order the dialog and ``--help`` offer them: each is a command,
#: a change-log action, and (with ``_`` for ``-``) the name of the tool's module here.
CODES = ("distribute", "fit", "couleur-locale", "copy-year")


def tool_for(code: str) -> Tool:
    """The description of the tool ``code`` (one of :data:`CODES`), its module loaded now."""
    from gebiedsplanner.core.tools.description import Tool

    described = import_module(f"{__name__}.{code.replace('-', '_')}").TOOL
    if not isinstance(described, Tool) or described.code != code:
        raise TypeError(f"{code}: the module's TOOL describes no tool of that code")
    return described


def every_tool() -> tuple[Tool, ...]:
    """Every tool's description, in the order of :data:`CODES`."""
    return tuple(tool_for(code) for code in CODES)
