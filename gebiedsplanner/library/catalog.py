"""The scenario library: every scenario a user can reach, and what they can do with one.

Folders: the bundled examples (read-only), the user's own library, team folders.
A file that fails to load is listed with its problems, never hidden. Deleting
moves a file to the trash folder (with a note of where it came from), so it
can be restored; nothing is gone at once.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from gebiedsplanner.core import audit
from gebiedsplanner.core.money import format_amount
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.core.summary import envelope_status, worst_year
from gebiedsplanner.disk.reading import os_problem, read_untrusted, real_path
from gebiedsplanner.disk.writing import AlreadyThere, create_exclusive, write_new
from gebiedsplanner.editing import journal, leftovers, storage
from gebiedsplanner.format import save_strategy, scenario_reader, scenario_writer
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import Settings, bundled_dir, file_name_for

#: The trash's note of where a file came from is one path: anything longer was not written by us.
_ORIGIN_LIMIT = 16 * 1024

ORIGIN_NOTE = "origin.txt"


class SourceKind(Enum):
    """Where a listed folder comes from (shown as ``texts.SOURCE_KINDS``)."""

    BUNDLED = "bundled"
    OWN = "own"
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
    unsaved: int = 0
    """Changes to it in the journals of sessions that ended, not in the file: to recover
    (see :func:`leftovers.unsaved_changes`)."""
    open_here: int = 0
    """Changes to it not saved yet in this process's own editing session (the planner
    under the library): no recovery, the session is still open."""
    open_elsewhere: int = 0
    """Changes to it not saved yet in another session of this user that still runs
    (another window, another login): no recovery either."""

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
    def over_envelope(self) -> bool:
        """Some year of the scenario plans more than its envelope."""
        scenario = self.scenario
        return scenario is not None and any(
            scenario.totals(year).room < 0 for year in scenario.years
        )

    @property
    def status(self) -> str:
        """Unsaved changes first (this session's own, or waiting in a journal), then within
        the envelope or over by how much in which year, or why it did not load."""
        if self.scenario is None:
            return texts.LIBRARY_BROKEN.format(problem=self.problems[0].message)
        status = envelope_status(self.scenario)
        if self.open_here:
            return texts.STATUS_OPEN_HERE.format(count=self.open_here, status=status)
        if self.unsaved:
            return texts.STATUS_UNSAVED.format(count=self.unsaved, status=status)
        if self.open_elsewhere:
            return texts.STATUS_OPEN_ELSEWHERE.format(count=self.open_elsewhere, status=status)
        return status

    @property
    def short_status(self) -> str:
        """:attr:`status` in a few columns: the unsaved changes alone, or ``▲ 2017 +250.000``
        (over the envelope: the worst year, by how much), or within."""
        if self.scenario is None:
            return texts.LIBRARY_BROKEN_SHORT
        if self.open_here:
            return texts.STATUS_OPEN_HERE_SHORT
        if self.unsaved:
            return texts.STATUS_UNSAVED_SHORT.format(count=self.unsaved)
        if self.open_elsewhere:
            return texts.STATUS_OPEN_ELSEWHERE_SHORT
        room, year = worst_year(self.scenario)
        if room >= 0:
            return texts.WITHIN_ENVELOPE
        return texts.STATUS_OVER_SHORT.format(amount=format_amount(-room), year=year)


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
        key = real_path(source.folder)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def _modified(path: Path) -> datetime:
    """The file's time, or now when it has none a calendar can show (a planted year 30.000)."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except (OSError, ValueError, OverflowError):
        return audit.now()


def _entry(path: Path, source: Source, confined: bool) -> Entry:
    modified = _modified(path)
    if confined and source.kind is not SourceKind.BUNDLED and not _stays_in(path, source):
        problem = Problem(str(path), "", texts.LINK_LEADS_OUT, texts.FIX_LINK_LEADS_OUT)
        return Entry(path, source, None, (problem,), modified)
    try:
        raw = read_untrusted(path, kind="scenario")
        scenario = scenario_reader.parse(str(path), raw)
    except ProblemsError as error:
        return Entry(path, source, None, tuple(error.problems), modified)
    return Entry(path, source, scenario, (), modified, storage.digest(raw))


def _stays_in(path: Path, source: Source) -> bool:
    """``path`` really is in its folder: not a link that leads elsewhere on the server."""
    return real_path(path).parent == real_path(source.folder)


def scan(settings: Settings) -> list[Entry]:
    """Every ``*.toml`` in every source folder; a missing folder is simply empty.

    When :attr:`Settings.confined` (a session served over SSH), a link that leads out
    of its folder is listed as a problem and never read, so it cannot be opened or
    saved through either."""
    entries = []
    for source in sources(settings):
        try:
            paths = sorted(source.folder.glob("*.toml"))
        except OSError:
            continue
        entries += [
            _entry(path, source, settings.confined)
            for path in paths
            if not path.name.startswith(".")
        ]
    unsaved = leftovers.unsaved_changes(entry.path for entry in entries)
    none = leftovers.Unsaved()
    return [
        replace(
            entry,
            unsaved=unsaved.get(entry.path, none).ended,
            open_here=unsaved.get(entry.path, none).open_here,
            open_elsewhere=unsaved.get(entry.path, none).open_elsewhere,
        )
        for entry in entries
    ]


def _require_scenario(entry: Entry) -> Scenario:
    if entry.scenario is None:
        raise ProblemsError(list(entry.problems))
    return entry.scenario


def _named_copy(entry: Entry, name: str, current: bytes | None) -> bytes:
    """``entry`` under ``name``; ``current``, the file's bytes, keeps its comments when it is
    still what the library read (else the copy is written anew from the scenario)."""
    scenario = _require_scenario(entry)
    if current is None or storage.digest(current) != entry.digest:
        return scenario_writer.dumps(scenario, name=name)
    return save_strategy.save_bytes(scenario, current, name=name)


def _read_if_there(path: Path) -> bytes | None:
    try:
        return read_untrusted(path, kind="scenario")
    except ProblemsError:
        return None


def duplicate(entry: Entry, name: str, folder: Path, *, make_folder: bool = False) -> Path:
    """Save a copy of ``entry`` as a named variant in ``folder`` (its change log comes along).

    ``make_folder``: the folder may be made (the user's own library on first use).
    """
    target = folder / _file_name(name, entry)
    data = _named_copy(entry, name, _read_if_there(entry.path))
    write_new(target, data, make_folder=make_folder)
    return target


class Renamed(NamedTuple):
    """A rename done: the file's new path and the bytes written there."""

    path: Path
    data: bytes


def rename(entry: Entry, name: str) -> Renamed:
    """Give a scenario a new name (and the file a matching name).

    Under the file's write lock, and only if the file is still what the library
    read: a colleague's save in between is never replaced by the older copy.
    A link is not renamed (the file behind it would no longer get the edits).
    """
    if not entry.source.writable:
        raise ProblemsError(
            [Problem(str(entry.path), "", texts.BUNDLED_READ_ONLY, texts.FIX_LIBRARY_BUNDLED)]
        )
    if entry.path.is_symlink():
        raise ProblemsError(
            [Problem(str(entry.path), "", texts.RENAME_LINK, texts.FIX_RENAME_LINK)]
        )
    target = entry.path.parent / _file_name(name, entry)
    real = real_path(entry.path)
    renamed = storage.under_lock(entry.path, lambda held: _rename_locked(entry, name, target, held))
    if target != entry.path:
        journal.note_move(real, target)  # a crashed session on the old name recovers here
    return renamed


def _rename_locked(entry: Entry, name: str, target: Path, held: storage.Held) -> Renamed:
    real = held.real
    if target == entry.path:
        data = _named_copy(entry, name, _read_if_there(real))
        result = storage.write_locked(held, data, entry.digest)
        if not isinstance(result, storage.Written):
            raise _changed_since_scan(target)
        return Renamed(target, data)
    with held.writing() as confirm:
        current = read_untrusted(real, kind="scenario", follow_links=False)
        if storage.digest(current) != entry.digest:
            raise _changed_since_scan(entry.path)
        data = _named_copy(entry, name, current)
        confirm()
        write_new(target, data)
        try:
            entry.path.unlink()
        except OSError as error:
            raise ProblemsError([os_problem(str(entry.path), error, "scenario")]) from None
    # The old name's lock goes too: whoever waits on it finds the file gone.
    with contextlib.suppress(OSError):
        storage.lock_path(real).unlink()
    return Renamed(target, data)


def _changed_since_scan(path: Path) -> ProblemsError:
    return ProblemsError([Problem(str(path), "", texts.CHANGED_ON_DISK, texts.FIX_RESCAN)])


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
    origin = real_path(entry.path.parent) / entry.path.name
    try:
        trash.mkdir(parents=True, exist_ok=True)
        # A private folder of its own (mkdtemp: an unpredictable name, mode 700).
        folder = Path(tempfile.mkdtemp(prefix=f"{when:%Y%m%d-%H%M%S}-", dir=trash))
        create_exclusive(folder / ORIGIN_NOTE, str(origin).encode("utf-8"))
        shutil.move(entry.path, folder / entry.path.name)
    except OSError as error:
        raise ProblemsError([os_problem(str(entry.path), error, "scenario")]) from None
    return Trashed(folder, folder / entry.path.name, origin, when)


def trashed(trash: Path) -> list[Trashed]:
    """What is in the trash, newest first."""
    items = []
    try:
        folders = sorted(trash.glob("*/"), reverse=True)
    except OSError:
        return []
    for folder in folders:
        try:
            note = read_untrusted(folder / ORIGIN_NOTE, _ORIGIN_LIMIT, follow_links=False)
            origin = Path(note.decode("utf-8").strip())
            files = [path for path in folder.iterdir() if path.name != ORIGIN_NOTE]
        except (ProblemsError, OSError, UnicodeDecodeError):
            continue  # not a trash folder of ours: left alone
        if files and origin.is_absolute() and "\x00" not in str(origin):
            items.append(Trashed(folder, files[0], origin, _modified(folder)))
    return items


def restore(item: Trashed) -> Path:
    """Put a trashed file back where it was (never over a file or link that is there now).

    A link comes back as the same link, so the file behind it gets the edits again.
    """
    try:
        if item.file.is_symlink():
            os.symlink(os.readlink(item.file), item.origin)
        else:
            write_new(item.origin, read_untrusted(item.file, kind="scenario"))
    except (AlreadyThere, FileExistsError):
        raise ProblemsError(
            [Problem(str(item.origin), "", texts.FILE_EXISTS, texts.FIX_RESTORE_EXISTS)]
        ) from None
    except OSError as error:
        raise ProblemsError([os_problem(str(item.origin), error, "scenario")]) from None
    shutil.rmtree(item.folder, ignore_errors=True)
    return item.origin
