"""The ssh command that fetches an export from ``ssh-serve``, for the export dialog of
a session served there.

Over ``ssh-serve`` a file the planner writes stays on the server, where SFTP and SCP
are off by design: a manager with a read-only key could not get an export home. The
same export is an ssh command that writes to standard output, so the dialog shows the
command to type on their own computer: ``ssh -p 2222 planner.example export plan.toml
--format xlsx > plan.xlsx``. The server says where the adviser's connection reached it
(:data:`~gebiedsplanner.settings.locations.SERVED_AT`), and a scenario is named as the
server's commands find it: its file name, in the first served folder that has one.
"""

from __future__ import annotations

import os
import shlex
import stat
from collections.abc import Sequence
from pathlib import Path

from gebiedsplanner.disk.reading import real_path
from gebiedsplanner.exports.formats import Format
from gebiedsplanner.settings.locations import Settings

#: The port ``ssh`` takes when none is given.
SSH_PORT = 22


def served_name(path: Path | None, settings: Settings) -> str | None:
    """The name ``ssh-serve``'s commands know the scenario at ``path`` by: its file name,
    when the first served folder (:attr:`Settings.shared`) that has a file of that name
    is the one it is in; ``None`` when no command can reach it (the user's own library,
    a bundled example, a file not saved yet)."""
    if path is None or not _nameable(path.name):
        return None
    for folder in settings.shared:
        candidate = folder / path.name
        try:
            found = os.lstat(candidate)
        except OSError:
            continue
        if not stat.S_ISREG(found.st_mode) and not stat.S_ISLNK(found.st_mode):
            return None
        same_folder = real_path(path.parent) == real_path(folder)
        return path.name if same_folder else None
    return None


def _nameable(name: str) -> bool:
    """A name the server's commands take as a scenario: printable, no hidden file, and
    not one that reads as an option (``-x.toml``)."""
    return name.isprintable() and not name.startswith((".", "-"))


def export_words(name: str, form: Format, layout: str, dialect: str) -> list[str]:
    """``export``'s words on the server for the plan ``name``, leaving out the defaults."""
    words = ["export", name]
    if layout != "long":
        words += ["--layout", layout]
    if form is Format.XLSX:
        return [*words, "--format", "xlsx"]
    return [*words, "--dialect", dialect] if dialect != "standard" else words


def compare_words(
    names: Sequence[str], form: Format, dialect: str, *, only_changes: bool
) -> list[str]:
    """``compare``'s words for the base and variants ``names``: its data, never its table."""
    words = ["compare", *names, *(() if only_changes else ("--all",))]
    words += ["--format", form.value]
    if form is Format.CSV and dialect != "standard":
        words += ["--dialect", dialect]
    return words


def fetch_command(served_at: tuple[str, int], words: Sequence[str], output: str) -> str:
    """The line to type: ``ssh`` to the server at ``served_at`` running ``words`` there,
    its output into the file ``output``. ssh joins the words it is given with spaces
    and the server splits them as a shell would, so a name with a space is quoted
    twice: once for the server, once for the user's own shell."""
    host, port = served_at
    remote = " ".join(_quoted(word) for word in words)
    tail = remote if remote == " ".join(words) else _quoted(remote)
    login = ["ssh", host] if port == SSH_PORT else ["ssh", "-p", str(port), host]
    return f"{' '.join(_quoted(word) for word in login)} {tail} > {_quoted(output)}"


def _quoted(word: str) -> str:
    """``word`` as bash and zsh both read it back as itself. ``shlex.quote`` leaves
    ``=`` unquoted, which zsh (the macOS shell) expands at a word's start to a command's
    path (``=plan.toml``: "plan.toml not found"); such a word is quoted too."""
    quoted = shlex.quote(word)
    return f"'{word}'" if quoted == word and word.startswith("=") else quoted
