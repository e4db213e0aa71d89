"""The scenario library: every scenario a user can reach, and what they can do with one.

Folders: the bundled examples (read-only), the user's own library, team folders.
A file that fails to load is listed with its problems, never hidden. Deleting
moves a file to the trash folder (with a note of where it came from), so it
can be restored; nothing is gone at once.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from gebiedsplanner import texts
from gebiedsplanner.core import audit
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.core.summary import envelope_status
from gebiedsplanner.files import scenario_format, storage
from gebiedsplanner.files.locations import Settings, bundled_dir, file_name_for

ORIGIN_NOTE = "origin.txt"


class SourceKind(Enum):
    BUNDLED = "voorbeeld"
    OWN = "eigen"
    TEAM = "team"


@dataclass(frozen=True, slots=True)
class Source:
    """A folder the library lists."""

    folder: Path
    kind: SourceKind

    @property
    def writable(self) -> bool:
        """Bundled examples are never changed in place."""
        return self.kind is not SourceKind.BUNDLED


@dataclass(frozen=True, slots=True)
class Entry:
    """One scenario file in the library, loaded or with the problems that stopped it."""

    path: Path
    source: Source
    scenario: Scenario | None
    problems: tuple[Problem, ...]
    modified: datetime
    digest: str = ""

    @property
    def name(self) -> str:
        """The scenario's name, or the file name when it did not load."""
        return self.scenario.name if self.scenario else self.path.name

    @property
    def last_change(self) -> tuple[str, datetime]:
        """Who changed it last and when: the change log, else the file's time."""
        if self.scenario and self.scenario.log:
            entry = self.scenario.log[-1]
            return entry.who, entry.when
        return "", self.modified

    @property
    def years(self) -> str:
        """``2016-2019`` (or the list, when there are gaps)."""
        if not self.scenario:
            return ""
        years = self.scenario.years
        if list(years) == list(range(years[0], years[-1] + 1)) and len(years) > 1:
            return f"{years[0]}-{years[-1]}"
        return ", ".join(str(year) for year in years)

    @property
    def status(self) -> str:
        """Within the envelope, over by how much in which year, or why it did not load."""
        if self.scenario is None:
            return texts.LIBRARY_BROKEN.format(problem=self.problems[0].message)
        return envelope_status(self.scenario)


def sources(settings: Settings) -> list[Source]:
    """The folders to list, bundled examples first; each folder once."""
    found = [
        Source(bundled_dir(), SourceKind.BUNDLED),
        Source(settings.own_library, SourceKind.OWN),
    ]
    found += [Source(folder, SourceKind.TEAM) for folder in settings.shared]
    seen: set[Path] = set()
    unique = []
    for source in found:
        key = source.folder.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def _entry(path: Path, source: Source) -> Entry:
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        modified = audit.now()
    try:
        raw = storage.read_bytes(path)
        scenario = scenario_format.parse(str(path), raw)
    except ProblemsError as error:
        return Entry(path, source, None, tuple(error.problems), modified)
    return Entry(path, source, scenario, (), modified, storage.digest(raw))


def scan(settings: Settings) -> list[Entry]:
    """Every ``*.toml`` in every source folder; a missing folder is simply empty."""
    entries = []
    for source in sources(settings):
        try:
            paths = sorted(source.folder.glob("*.toml"))
        except OSError:
            continue
        entries += [_entry(path, source) for path in paths if not path.name.startswith(".")]
    return entries


def _require_scenario(entry: Entry) -> Scenario:
    if entry.scenario is None:
        raise ProblemsError(list(entry.problems))
    return entry.scenario


def _named_copy(entry: Entry, name: str) -> bytes:
    return scenario_format.dumps(_require_scenario(entry), name=name)


def duplicate(entry: Entry, name: str, folder: Path) -> Path:
    """Save a copy of ``entry`` as a named variant in ``folder`` (its change log comes along)."""
    target = folder / _file_name(name, entry)
    storage.write_new(target, _named_copy(entry, name))
    return target


def rename(entry: Entry, name: str) -> Path:
    """Give a scenario a new name (and the file a matching name)."""
    if not entry.source.writable:
        raise ProblemsError(
            [Problem(str(entry.path), "", texts.BUNDLED_READ_ONLY, texts.FIX_LIBRARY_BUNDLED)]
        )
    target = entry.path.parent / _file_name(name, entry)
    data = _named_copy(entry, name)
    if target == entry.path:
        storage.write_checked(target, data, entry.digest)
        return target
    storage.write_new(target, data)
    try:
        entry.path.unlink()
    except OSError as error:
        raise ProblemsError([storage.os_problem(str(entry.path), error)]) from None
    return target


def _file_name(name: str, entry: Entry) -> str:
    try:
        return file_name_for(name)
    except ValueError as error:
        raise ProblemsError(
            [Problem(str(entry.path), "", str(error), texts.FIX_FILE_EXISTS)]
        ) from None


@dataclass(frozen=True, slots=True)
class Trashed:
    """A deleted scenario waiting in the trash."""

    folder: Path
    file: Path
    origin: Path
    deleted: datetime


def delete(entry: Entry, trash: Path) -> Trashed:
    """Move ``entry``'s file to the trash; :func:`restore` brings it back."""
    if not entry.source.writable:
        raise ProblemsError(
            [Problem(str(entry.path), "", texts.BUNDLED_READ_ONLY, texts.FIX_LIBRARY_BUNDLED)]
        )
    when = audit.now()
    folder = trash / f"{when:%Y%m%d-%H%M%S}-{os.getpid()}-{entry.path.stem}"
    try:
        folder.mkdir(parents=True)
        (folder / ORIGIN_NOTE).write_text(str(entry.path.resolve()), encoding="utf-8")
        shutil.move(entry.path, folder / entry.path.name)
    except OSError as error:
        raise ProblemsError([storage.os_problem(str(entry.path), error)]) from None
    return Trashed(folder, folder / entry.path.name, entry.path.resolve(), when)


def trashed(trash: Path) -> list[Trashed]:
    """What is in the trash, newest first."""
    items = []
    for folder in sorted(trash.glob("*/"), reverse=True):
        try:
            origin = Path((folder / ORIGIN_NOTE).read_text(encoding="utf-8").strip())
            files = [path for path in folder.iterdir() if path.name != ORIGIN_NOTE]
            stamp = datetime.fromtimestamp(folder.stat().st_mtime).astimezone()
        except OSError:
            continue
        if files:
            items.append(Trashed(folder, files[0], origin, stamp))
    return items


def restore(item: Trashed) -> Path:
    """Put a trashed file back where it was (never over a file that is there now)."""
    if item.origin.exists():
        raise ProblemsError(
            [Problem(str(item.origin), "", texts.FILE_EXISTS, texts.FIX_RESTORE_EXISTS)]
        )
    try:
        item.origin.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(item.file, item.origin)
        shutil.rmtree(item.folder)
    except OSError as error:
        raise ProblemsError([storage.os_problem(str(item.origin), error)]) from None
    return item.origin
