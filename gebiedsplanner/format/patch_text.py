"""What both patchers write the same way: an amount in the style of the one it replaces,
new change-log entries appended as the writer ends a file, read back before they count."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import LogEntry
from gebiedsplanner.format import (
    model_builders,
    scenario_writer,
)

_GROUPED = re.compile(r"=[ \t]*[+-]?[0-9]{1,3}_[0-9]")


_UNGROUPED = re.compile(r"=[ \t]*[+-]?[0-9]{4,}[ \t]*(?:#|\r?\n|\Z)")


class Unhandled(Exception):
    """A form the scanner does not handle, or a difference it does not patch."""


def groups_digits(text: str) -> bool:
    """Does the file write its amounts in groups (``247_000``)? Yes when it has no
    amount of four digits or more in one run."""
    return bool(_GROUPED.search(text)) or not _UNGROUPED.search(text)


def amount_text(value: int, old: str, file_groups: Callable[[], bool]) -> str:
    """``value`` in the style of the amount it replaces: grouped when that was, and as
    the rest of the file (``file_groups()``, asked only then) when it is too short to tell."""
    digits = old.lstrip("+-")
    if "_" in digits:
        grouped = True
    elif len(digits) >= 4:
        grouped = False
    else:
        grouped = file_groups()
    return f"{value:_}" if grouped else str(value)


def appended_log(text: str, new: Sequence[LogEntry]) -> str:
    """The change-log entries ``new`` as ``[[log]]`` tables to add at the end of ``text``
    (with its line ends, after one blank line)."""
    if not new:
        return ""
    tables = scenario_writer.log_toml(new)
    if read_log_back(tables) != list(new):
        raise Unhandled("a log entry that does not read back")
    newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1] else "\n"
    lead = "" if text.endswith("\n") else newline
    if not (text[-3:] + lead).endswith(("\n\n", "\n\r\n")):  # a blank line, as dumps writes
        lead += newline
    return lead + tables.replace("\n", newline)


def read_log_back(text: str) -> list[Any]:
    try:
        return model_builders.read_log("log", text)
    except ProblemsError:
        raise Unhandled("a log that does not read") from None
