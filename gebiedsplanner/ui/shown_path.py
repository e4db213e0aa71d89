"""A path as the screen shows it: whole words, never broken in the middle of a name.

A long path in a dialog or notification wrapped mid-name (``.../scenar`` / ``ios``).
On screen a path is shortened instead: the home folder as ``~``, and when it is
still too long, its last folders behind ``…/``, which say where it is.
"""

from __future__ import annotations

from pathlib import Path

from gebiedsplanner.core.literal import literal

#: Characters a path may take in a notification or a dialog line at 60 columns.
LIMIT = 48


def shown_path(path: Path | str, limit: int = LIMIT) -> str:
    """``path`` shown literally, home as ``~``, at most ``limit`` characters if it can be."""
    text = literal(str(path))
    home = literal(str(Path.home()))
    if home != "/" and (text == home or text.startswith(home + "/")):
        text = "~" + text[len(home) :]
    if len(text) <= limit:
        return text
    parts = text.split("/")
    kept = [parts[-1]]
    for part in reversed(parts[1:-1]):
        if len("…/" + "/".join([part, *kept])) > limit:
            break
        kept.insert(0, part)
    return "…/" + "/".join(kept)
