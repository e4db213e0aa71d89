"""The words the change log stores: the reasons the program writes itself.

A scenario file is shared by a team whatever language each member's screen is
in, so what the program writes into its change log is data, in one language
(Dutch, the file's), not a display text: an English user's distribution reads
the same in a Dutch colleague's history. The log's actions are stored as codes
(``edit``, ``move`` ...) and shown in the screen's language (``texts.ACTION_LABELS``).
"""

from __future__ import annotations

#: The action codes' words inside an undo or redo reason.
ACTION_WORDS = {
    "edit": "wijziging",
    "move": "verschuiving",
    "undo": "ongedaan gemaakt",
    "redo": "opnieuw gedaan",
    "distribute": "verdeling",
    "fit": "passend maken",
    "couleur-locale": "couleur locale verhoogd",
    "copy-year": "jaar gekopieerd",
}
UNDO_REASON = "{action} ongedaan gemaakt: {reason}"
REDO_REASON = "{action} opnieuw gedaan: {reason}"

#: The planning tools' parameters, in the reason of the one entry a tool makes.
KEY_WORDS = {"begroting": "naar begroting", "inwoners": "naar inwoners", "gelijk": "gelijk"}
REASON_DISTRIBUTE = "verdeling taakstelling {year} {key}"
REASON_FIT = "passend maken {year} op de envelope via {post}"
REASON_RAISE = "couleur locale {year} naar minstens {share} van het netto budget"
REASON_COPY = "jaar {source} naar {target} gekopieerd, index {index}"
REASON_ALL = ", alles opnieuw"
REASON_HOLD = ", vast: {names}"
REASON_FLOOR = ", bodem {floor}"
REASON_UNIT = ", per {unit}"
REASON_USER = "; {reason}"
