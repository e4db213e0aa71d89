"""The crash journal: every change is on disk before it is on screen.

One journal per scenario file, in the platformdirs user state dir. The first
line holds the file's bytes as they were when editing began (the base); every
further line is one change-log entry, appended and fsynced. A clean save removes
the journal. After a dropped SSH connection or a crash, the next start finds
the journal and offers to recover exactly what was on screen.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from gebiedsplanner import texts
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import CellChange, EditError, LogEntry, Scenario
from gebiedsplanner.files import scenario_format
from gebiedsplanner.files.locations import APP_NAME
from gebiedsplanner.files.reading import os_problem
from gebiedsplanner.files.scenario_format import parse_address
from gebiedsplanner.files.writing import write_atomic


def journal_dir() -> Path:
    """Where journals live (the user state dir)."""
    return Path(platformdirs.user_state_dir(APP_NAME)) / "journal"


def journal_for(origin: Path) -> Path:
    """The journal of the scenario file ``origin``."""
    key = hashlib.sha256(str(origin.resolve()).encode()).hexdigest()[:24]
    return journal_dir() / f"{key}.jsonl"


def _entry_json(entry: LogEntry) -> str:
    return json.dumps(
        {
            "when": entry.when.isoformat(),
            "who": entry.who,
            "action": entry.action,
            "reason": entry.reason,
            "changes": [[c.cell.address, c.old, c.new] for c in entry.changes],
        },
        ensure_ascii=False,
    )


def _entry_from(data: dict[str, Any]) -> LogEntry:
    changes = []
    for address, old, new in data["changes"]:
        cell = parse_address(address)
        if cell is None or type(old) is not int or type(new) is not int:
            raise ValueError(address)
        changes.append(CellChange(cell, old, new))
    return LogEntry(
        datetime.fromisoformat(data["when"]),
        str(data["who"]),
        str(data["action"]),
        str(data["reason"]),
        tuple(changes),
    )


class Journal:
    """Appends one scenario's changes; opened lazily at the first change."""

    def __init__(self, origin: Path) -> None:
        self.origin = origin
        self.path = journal_for(origin)

    def _header(self, base: bytes) -> str:
        header = {"origin": str(self.origin.resolve()), "base": base.decode("utf-8")}
        return json.dumps(header, ensure_ascii=False)

    def append(self, entry: LogEntry, base: bytes) -> None:
        """Write ``entry`` durably (starting the journal with ``base`` when new)."""
        if not self.path.exists():
            self.restart(base, [entry])
            return
        try:
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(_entry_json(entry) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise ProblemsError([os_problem(str(self.path), error)]) from None

    def restart(self, base: bytes, entries: list[LogEntry]) -> None:
        """Start over from ``base`` (just saved or merged) with the changes not in it yet.

        Written in one atomic step, so a crash meanwhile leaves the old journal or the new.
        """
        if not entries:
            self.clear()
            return
        lines = [self._header(base), *(_entry_json(entry) for entry in entries)]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProblemsError([os_problem(str(self.path), error)]) from None
        write_atomic(self.path, ("\n".join(lines) + "\n").encode("utf-8"))

    def clear(self) -> None:
        """Everything is saved: the journal is no longer needed."""
        self.path.unlink(missing_ok=True)

    def set_aside(self) -> Path:
        """The user discarded the recovery: keep the journal beside, never delete it at once."""
        aside = self.path.with_suffix(f".weggegooid-{os.getpid()}")
        self.path.replace(aside)
        return aside


class Recovery(NamedTuple):
    """What a journal holds: the base the edits started from, and the edits."""

    journal: Journal
    base: bytes
    entries: tuple[LogEntry, ...]

    @property
    def since(self) -> datetime:
        """When the first unsaved change was made."""
        return self.entries[0].when

    def replayed(self) -> Scenario:
        """The scenario exactly as it was on screen."""
        scenario = scenario_format.parse(str(self.journal.origin), self.base)
        try:
            for entry in self.entries:
                scenario.replay(entry)
        except (AssertionError, EditError):
            problem = Problem(
                str(self.journal.path), "", texts.JOURNAL_BROKEN, texts.FIX_JOURNAL_BROKEN
            )
            raise ProblemsError([problem]) from None
        return scenario


def pending(origin: Path) -> Recovery | None:
    """The unsaved changes to ``origin`` from an earlier session, if any."""
    journal = Journal(origin)
    try:
        lines = journal.path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ProblemsError([os_problem(str(journal.path), error)]) from None
    try:
        base = json.loads(lines[0])["base"].encode("utf-8")
        entries = []
        for line in lines[1:]:
            try:
                entries.append(_entry_from(json.loads(line)))
            except json.JSONDecodeError:
                break  # a line cut short by the crash: everything before it counts
    except (IndexError, KeyError, TypeError, ValueError, AttributeError):
        raise ProblemsError(
            [Problem(str(journal.path), "", texts.JOURNAL_BROKEN, texts.FIX_JOURNAL_BROKEN)]
        ) from None
    if not entries:
        journal.clear()
        return None
    return Recovery(journal, base, tuple(entries))
