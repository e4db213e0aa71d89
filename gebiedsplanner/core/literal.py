"""Text from files, made safe to show: control characters become visible escapes.

Names in a scenario file are data. They reach the terminal only through this
function (and, in the UI, only as plain ``Text``, never as markup), so an ANSI
escape or a carriage return in a gebied name cannot move the cursor or recolour
the screen.
"""

from __future__ import annotations

import unicodedata


def literal(text: str) -> str:
    """``text`` with every control or format character shown as ``\\xNN`` / ``\\uNNNN``."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif unicodedata.category(char) in ("Zs",):
            out.append(" ")
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


def well_formed(text: str) -> str:
    """``text`` with any lone surrogate replaced by U+FFFD, so it can be written as UTF-8.

    Lone surrogates come from outside: a login name or path in another encoding
    (Python decodes those with ``surrogateescape``), or a ``\\ud800`` in a JSON file.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
    return text
