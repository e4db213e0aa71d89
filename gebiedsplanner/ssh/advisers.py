"""Who may log in to ``ssh-serve``: an OpenSSH ``authorized_keys`` file read as advisers.

Each line is ``[options] TYPE BASE64 NAME``: the comment is the adviser's name (the
"who" of the change log), the options before the key type limit what that adviser
may do. Ours are ``gebieden="Charlois,Noord"`` (may change only those gebieden)
and ``alleen-lezen`` (may open, compare and export, not change). Any other option is
refused: an OpenSSH restriction we do not carry out must not look as if it held.
A bad line is a problem that names the line and its fix; the other lines still
count, so one typo locks out one adviser, not all of them.

The key is compared as the blob its line holds (``key.public_data`` in asyncssh),
so reading this file needs no SSH library.
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from typing import NamedTuple

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.disk.reading import read_untrusted
from gebiedsplanner.i18n import texts

#: An authorized-keys file of a whole department is a few hundred lines.
ADVISERS_LIMIT = 1024 * 1024
#: A name is a person's: letters (any script), digits, spaces and ``.-_'``.
_NAME = re.compile(r"[^\W_](?:[\w .'-]{0,62}[\w.])?")
_KEY_TYPE = re.compile(r"(?:ssh-(?:ed25519|rsa)|ecdsa-sha2-nistp(?:256|384|521)|sk-[\w@.-]+)")
_OPTION = re.compile(r'([a-z][a-z-]*)(?:="([^"]*)")?(?:,|(?=\s))')
READ_ONLY = "alleen-lezen"
GEBIEDEN = "gebieden"


class Adviser(NamedTuple):
    """One who may log in, and what they may change.

    Attributes:
        name: As the change log, the editing notes and the journals record it.
        key: The public key's blob, as in the line (base64-decoded; it begins with its type).
        gebieden: The gebieden they may change; ``None``: all of them.
        read_only: They may change nothing.
    """

    name: str
    key: bytes
    gebieden: frozenset[str] | None = None
    read_only: bool = False


class Advisers(NamedTuple):
    """What a file says: the advisers of its good lines and the problems of the rest."""

    advisers: tuple[Adviser, ...]
    problems: tuple[Problem, ...]

    def by_key(self, key: bytes) -> Adviser | None:
        return next((adviser for adviser in self.advisers if adviser.key == key), None)


def read_advisers(path: Path) -> Advisers:
    """The advisers in ``path``; :class:`ProblemsError` when it cannot be read at all."""
    data = read_untrusted(path, ADVISERS_LIMIT, kind="authorized-keys")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        place = texts.PLACE_LINE.format(line=data[: error.start].count(b"\n") + 1)
        raise ProblemsError(
            [Problem(str(path), place, texts.ADVISERS_NOT_UTF8, texts.FIX_ADVISERS_UTF8)]
        ) from None
    return parse_advisers(str(path), text)


def parse_advisers(file: str, text: str) -> Advisers:
    advisers: list[Adviser] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        place = texts.PLACE_LINE.format(line=number)
        try:
            adviser = _adviser(line)
        except _BadLine as bad:
            problems.append(Problem(file, place, bad.message, bad.fix))
            continue
        if any(known.key == adviser.key for known in advisers):
            problems.append(Problem(file, place, texts.ADVISER_KEY_TWICE, texts.FIX_KEY_TWICE))
            continue
        advisers.append(adviser)
    return Advisers(tuple(advisers), tuple(problems))


class _BadLine(Exception):
    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message, self.fix = message, fix


def _adviser(line: str) -> Adviser:
    options, rest = _split_options(line)
    parts = rest.split(None, 2)
    if len(parts) < 2 or not _KEY_TYPE.fullmatch(parts[0]):
        raise _BadLine(texts.ADVISER_NO_KEY, texts.FIX_ADVISER_LINE)
    key_type, encoded = parts[0], parts[1]
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise _BadLine(texts.ADVISER_BAD_KEY, texts.FIX_ADVISER_LINE) from None
    if not key.startswith(len(key_type).to_bytes(4, "big") + key_type.encode()):
        raise _BadLine(texts.ADVISER_BAD_KEY, texts.FIX_ADVISER_LINE)
    name = parts[2].strip() if len(parts) == 3 else ""
    if not name:
        raise _BadLine(texts.ADVISER_NO_NAME, texts.FIX_ADVISER_NAME)
    if not _NAME.fullmatch(name):
        raise _BadLine(texts.ADVISER_BAD_NAME, texts.FIX_ADVISER_NAME)
    gebieden, read_only = _restrictions(options)
    return Adviser(name, key, gebieden, read_only)


def _split_options(line: str) -> tuple[list[tuple[str, str | None]], str]:
    """The options before the key type (if any) and the rest of the line."""
    words = line.split()
    if not any(_KEY_TYPE.fullmatch(word) for word in words):
        raise _BadLine(texts.ADVISER_NO_KEY, texts.FIX_ADVISER_LINE)
    if _KEY_TYPE.fullmatch(words[0]):
        return [], line
    options: list[tuple[str, str | None]] = []
    position = 0
    while True:
        found = _OPTION.match(line, position)
        if found is None:
            raise _BadLine(texts.ADVISER_BAD_OPTIONS, texts.FIX_ADVISER_OPTIONS)
        options.append((found.group(1), found.group(2)))
        position = found.end()
        if position >= len(line) or line[position].isspace():
            return options, line[position:].strip()


def _restrictions(options: list[tuple[str, str | None]]) -> tuple[frozenset[str] | None, bool]:
    gebieden: frozenset[str] | None = None
    read_only = False
    for name, value in options:
        if name == READ_ONLY and value is None:
            read_only = True
        elif name == GEBIEDEN and value is not None and gebieden is None:
            gebieden = frozenset(part.strip() for part in value.split(",") if part.strip())
        else:
            unknown = texts.ADVISER_UNKNOWN_OPTION.format(option=name)
            raise _BadLine(unknown, texts.FIX_ADVISER_OPTIONS)
    return gebieden, read_only
