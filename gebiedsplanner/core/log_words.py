"""The words the change log stores: the reasons the program writes itself.

A scenario file is shared by a team whatever language each member's screen is
in, so what the program writes into its change log is data, in one language
(Dutch, the file's), not a display text: an English user's distribution reads
the same in a Dutch colleague's history. The log's actions are stored as codes
(``edit``, ``move`` ...) and shown in the screen's language (``texts.ACTION_LABELS``).

Each word is here once: the core's own actions below, a planning tool's in its
module (its ``log_words``), read through :func:`action_word` and :func:`action_code`.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from gebiedsplanner.core import tools
from gebiedsplanner.core.scenario import EDIT, MOVE, NOTE, REDO, UNDO

#: The file's word for each action the core makes itself: inside an undo's or redo's
#: reason, and what files stored as the action before they stored codes.
ACTION_WORDS = {
    EDIT: "wijziging",
    MOVE: "verschuiving",
    UNDO: "ongedaan gemaakt",
    REDO: "opnieuw gedaan",
    NOTE: "notitie",
}
UNDO_REASON = "{action} ongedaan gemaakt: {reason}"
REDO_REASON = "{action} opnieuw gedaan: {reason}"

#: What every planning tool's reason may end with.
REASON_HOLD = ", vast: {names}"
REASON_USER = "; {reason}"


def words(**own: Any) -> SimpleNamespace:
    """A tool's log words: ``own`` (its ``ACTION`` and reasons) with the shared ones.

    The same names as in the catalogues, which say the same in the screen's language
    for the preview's heading (in Dutch: exactly what is stored).
    """
    return SimpleNamespace(REASON_HOLD=REASON_HOLD, REASON_USER=REASON_USER, **own)


def action_word(code: str) -> str:
    """The log's own word for an action code (an unknown code, from a newer file, as it is).

    A tool's word is in its module, loaded only for a tool's entry.
    """
    if code in ACTION_WORDS:
        return ACTION_WORDS[code]
    if code in tools.CODES:
        return str(tools.tool_for(code).log_words.ACTION)
    return code


def action_code(stored: str) -> str:
    """The action code for what a file or journal stores: a code as it is, an older
    file's Dutch word as its code, an unknown code (a newer file's) as it is."""
    if stored in ACTION_WORDS or stored in tools.CODES:
        return stored
    codes = {action_word(code): code for code in (*ACTION_WORDS, *tools.CODES)}
    return codes.get(stored, stored)
