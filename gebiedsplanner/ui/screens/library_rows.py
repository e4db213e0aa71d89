"""What the library's tables show: their columns, their layouts, their rows, the detail lines.

The name tells scenarios apart, so it keeps its room; the other columns take short
forms or leave as the terminal narrows (:data:`ENTRY_LAYOUTS`, issue 26), and the
lines below the table show the row under the cursor whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text

from gebiedsplanner.core.literal import literal
from gebiedsplanner.i18n import texts
from gebiedsplanner.library import catalog as library
from gebiedsplanner.ui.shown_path import shown_path
from gebiedsplanner.ui.widgets.fitted_table import (
    Cell,
    Fit,
    Forms,
    KeptApart,
    Layouts,
    apart,
    fitted_cell,
)


def entry_columns() -> tuple[Fit, ...]:
    """The name is what tells scenarios apart: it keeps its room (up to 24 columns, more
    when there is room) while the other columns take their short forms
    (:data:`ENTRY_LAYOUTS`); the detail line shows every one of them whole."""
    mark, name, status, years, folder, changed = texts.LIBRARY_COLUMNS
    return (
        Fit(mark),
        Fit(name, cap=40, least=12, want=24),
        Fit(status, cap=60, want=32),
        Fit(years, cap=20),
        Fit(folder, cap=24, least=6, want=12),
        Fit(changed, cap=30),
    )


#: The library's columns, from a wide terminal to 60 columns: the status in short
#: (``▲ 2017 +250.000``), the time of the last change without its author, the folder
#: by its name, the years left out (nearly always the kader's four), the time without
#: the hour, and last the time left out. Forms: see :func:`entry_rows`.
#: (mark, name, status, years, folder, changed)
ENTRY_LAYOUTS = Layouts(
    (
        (0, 0, 0, 0, 0, 0),
        (0, 0, 1, 0, 0, 0),
        (0, 0, 1, 0, 0, 1),
        (0, 0, 1, 0, 1, 1),
        (0, 0, 1, None, 1, 1),
        (0, 0, 1, None, 1, 2),
        (0, 0, 1, None, 1, None),
    )
)


def trash_columns() -> tuple[Fit, ...]:
    file, origin, deleted = texts.TRASH_COLUMNS
    return (Fit(file, cap=40, least=12), Fit(origin, cap=60, least=19), Fit(deleted))


def plain(text: str) -> Text:
    """A table cell shown literally (DataTable would read a ``str`` as markup)."""
    return Text(literal(text))


def entry_rows(entries: list[library.Entry], mark: Callable[[Path], str]) -> list[list[Cell]]:
    """The rows of ``entries`` (``mark``: a row's comparison mark); two names that begin
    alike are cut in the middle."""
    names = apart(_shown_names(entries))
    return [
        _entry_row(entry, name, mark(entry.path))
        for entry, name in zip(entries, names, strict=True)
    ]


def _entry_row(entry: library.Entry, name: KeptApart, mark: str) -> list[Cell]:
    who, when = entry.last_change
    status, short = plain(entry.status), plain(entry.short_status)
    if entry.scenario is None or entry.over_envelope:
        status.stylize("bold reverse")
        if not (entry.open_here or entry.unsaved or entry.open_elsewhere):  # it says that
            short.stylize("bold reverse")
    short_folder = texts.SOURCE_KINDS_SHORT.get(entry.source.kind.value)
    return [
        plain(mark),
        name,
        Forms((status, short)),
        plain(entry.years),
        Forms(
            (
                plain(_folder_label(entry.source)),
                plain(short_folder) if short_folder else _team_name(entry.source),
            )
        ),
        Forms(
            (
                plain(f"{literal(who)} {when:%d-%m-%y %H:%M}".strip()),
                plain(f"{when:%d-%m-%y %H:%M}"),
                plain(f"{when:%d-%m-%y}"),
            )
        ),
    ]


def trash_row(item: library.Trashed) -> list[Text]:
    return [
        plain(item.origin.name),
        plain(str(item.origin.parent)),
        plain(f"{item.deleted:%d-%m-%Y %H:%M}"),
    ]


#: Columns the detail line keeps for a name, however long the status beside it.
_LEAST_NAME = 12


def entry_detail(entry: library.Entry, room: int) -> str:
    """The lines below the table for ``entry``, ``room`` columns wide: its name and status
    (at most two lines; the name is cut so the status follows it on the first line, the
    name keeping :data:`_LEAST_NAME` columns: a name of thousands of letters leaves room
    for the rest), its file, and its last change with its folder; or its
    problems."""
    if entry.problems:  # the path shortened: a long one would break mid-name
        problems = entry.problems[:2]
        return "\n".join(str(p._replace(file=shown_path(p.file, room))) for p in problems)
    who, when = entry.last_change
    changed = (texts.LIBRARY_CHANGED_BY if who else texts.LIBRARY_CHANGED).format(
        folder=_folder_label(entry.source), when=f"{when:%d-%m-%Y %H:%M}", who=literal(who)
    )
    status = f" · {literal(entry.status)}"
    name = _cut(_visible(entry.name), max(room - cell_len(status), _LEAST_NAME))
    said = name + status
    return "\n".join((_cut(said, 2 * room), shown_path(entry.path, room), _cut(changed, room)))


def _folder_label(source: library.Source) -> str:
    """``voorbeeld``, ``eigen`` or ``team: NAME``."""
    kind = texts.SOURCE_KINDS[source.kind.value]
    if source.kind is library.SourceKind.TEAM:
        return texts.TEAM_FOLDER.format(kind=kind, folder=literal(source.folder.name))
    return kind


def _team_name(source: library.Source) -> KeptApart:
    """A team folder by its name alone, cut in the middle when it must be: its end tells
    folders apart as often as its start."""
    name = literal(source.folder.name)
    return KeptApart(name, shared=len(name))


def _visible(name: str) -> str:
    """``name`` as shown: literally, and quoted when it would show as nothing (only
    spaces, or characters of no width)."""
    shown = literal(name)
    return shown if cell_len(shown.strip()) else f"'{shown}'"


def _shown_names(entries: list[library.Entry]) -> list[str]:
    """The names as the name column shows them: with the file's name where two scenarios
    of one folder share a name (otherwise the folder column tells them apart)."""
    names = [_visible(entry.name) for entry in entries]
    places = Counter(zip(names, (entry.source.folder for entry in entries), strict=True))
    return [
        texts.LIBRARY_SAME_NAME.format(name=name, file=literal(entry.path.stem))
        if places[name, entry.source.folder] > 1
        else name
        for name, entry in zip(names, entries, strict=True)
    ]


def _cut(text: str, width: int) -> str:
    """``text``, ending in "…" where it is wider than ``width``."""
    return text if cell_len(text) <= width else fitted_cell(KeptApart(text, 0), width).plain
