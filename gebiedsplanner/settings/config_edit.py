"""Writing one setting into the user's config file, leaving the rest of it as it was.

The config file is the user's: comments, order, spacing and other settings stay
byte for byte. A setting's line is replaced (its comment kept), or a new line
goes at the end of the top-level settings, before the first ``[table]``. Every
edit is checked by reading the result back: it must say exactly what the file
said plus the new value, or nothing is written.

The file may be anything by the time the app writes (a link, a FIFO, a file of
gigabytes, a read-only folder): each refusal is a :class:`ProblemsError` that
names the file and the fix; the app shows it and goes on.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterable
from pathlib import Path

import tomli
import tomli_w

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.disk.reading import os_problem
from gebiedsplanner.disk.writing import write_atomic
from gebiedsplanner.format.toml_text import decode
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import config_file, read_config_bytes


def setting_line(key: str, value: str) -> str:
    """``key = "value"`` as TOML writes it (quotes and escapes where needed)."""
    return tomli_w.dumps({key: value}).rstrip("\n")


def with_setting(text: str, key: str, value: str) -> str:
    """``text`` (TOML) with the top-level ``key`` set to the string ``value``.

    Raises:
        ValueError: ``text`` is no TOML, or holds ``key`` in a form no single line
            can replace (a dotted key, a multi-line string).
    """
    wanted = {**tomli.loads(text), key: value}
    for candidate in _candidates(text, key, setting_line(key, value)):
        try:
            if tomli.loads(candidate) == wanted:
                return candidate
        except tomli.TOMLDecodeError:
            continue
    raise ValueError(f"{key} cannot be set on one line")


def _candidates(text: str, key: str, line: str) -> list[str]:
    """Ways to set it, in order of preference: the setting's own line replaced, the line
    added before a line that may start the first table, or added at the end."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in text else "\n"
    found = []
    for index, old in enumerate(lines):
        replaced = _replaced(old, key, line)
        if replaced is not None:
            found.append("".join([*lines[:index], replaced, *lines[index + 1 :]]))
    for index, old in enumerate(lines):
        if old.lstrip().startswith("["):
            found.append("".join([*lines[:index], line + newline, *lines[index:]]))
    end = "" if not text or text.endswith(("\n", "\r")) else newline
    found.append(text + end + line + newline)
    return found


def _replaced(old: str, key: str, line: str) -> str | None:
    """``old`` with ``line`` in place of its setting, when it sets ``key`` alone;
    its indentation, the comment after it and its line ending are kept."""
    body = old.rstrip("\r\n")
    for end in [at for at, char in enumerate(body) if char == "#"] + [len(body)]:
        try:
            if list(tomli.loads(body[:end])) != [key]:
                continue
        except tomli.TOMLDecodeError:
            continue
        indent = body[: len(body) - len(body.lstrip())]
        return indent + line + body[len(body[:end].rstrip()) :] + old[len(body) :]
    return None


def write_setting(path: Path, key: str, value: str) -> None:
    """Set ``key = "value"`` in the config file ``path`` (made, with its folder, if missing).

    Never through a link (the link is left alone and the user told), never over
    anything but a regular file of at most ``CONFIG_LIMIT``.
    """
    name = str(path)
    line = setting_line(key, value)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise ProblemsError([os_problem(name, error, "config")]) from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        fix = texts.FIX_CONFIG_LINK.format(line=line)
        raise ProblemsError([Problem(name, "", texts.CONFIG_IS_LINK, fix)])
    raw = b"" if info is None else read_config_bytes(path, follow_links=False)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    text = decode(name, raw) if raw.strip() else raw.decode("ascii", "replace")
    try:
        new = with_setting(text, key, value)
    except (ValueError, RecursionError):  # RecursionError: tomli's limit on nesting
        fix = texts.FIX_CONFIG_BY_HAND.format(line=line)
        raise ProblemsError([Problem(name, key, texts.CONFIG_NOT_SET, fix)]) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ProblemsError([os_problem(str(path.parent), error)]) from None
    write_atomic(path, bom + new.encode("utf-8"))


def remember_theme(name: str) -> None:
    """The theme chosen in the app, for its next start (``theme = "name"``)."""
    write_setting(config_file(), "theme", name)


def unknown_theme(theme: str, known: Iterable[str]) -> Problem:
    """The config file names a theme the app does not know: where, and what to do."""
    themes = ", ".join(sorted(known))
    return Problem(
        str(config_file()),
        "theme",
        texts.CONFIG_THEME_UNKNOWN.format(theme=theme),
        texts.FIX_CONFIG_THEME.format(themes=themes),
    )
