"""The scenario library: every reachable scenario, its status, and what to do with it.

Scanning and every file action run in a thread worker; the pure library module
does the work and raises problems, which go to the app's one reporter. The
screen only keeps the list it was given and the comparison marks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from gebiedsplanner import texts
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.files import library
from gebiedsplanner.files.locations import Settings
from gebiedsplanner.ui.actions import ActionSpec, bindings, help_rows
from gebiedsplanner.ui.screens.choice import YES, confirm
from gebiedsplanner.ui.screens.comparison import ComparisonScreen
from gebiedsplanner.ui.screens.help import HelpScreen
from gebiedsplanner.ui.screens.save_as import SaveAs

#: key(s), action, footer label, help text, shown in the footer
LIBRARY_ACTIONS: tuple[ActionSpec, ...] = tuple(
    ActionSpec(*spec)
    for spec in (
        ("enter", "open", texts.KEY_OPEN, texts.HELP_OPEN, True),
        ("slash", "filter", texts.KEY_FILTER, texts.HELP_FILTER, True),
        ("d", "duplicate", texts.KEY_DUPLICATE, texts.HELP_DUPLICATE, True),
        ("r", "rename", texts.KEY_RENAME, texts.HELP_RENAME, False),
        ("delete,x", "delete", texts.KEY_DELETE, texts.HELP_DELETE, False),
        ("b", "mark_base", texts.KEY_BASE, texts.HELP_BASE, True),
        ("space", "mark_variant", texts.KEY_VARIANT, texts.HELP_VARIANT, True),
        ("c", "compare", texts.KEY_COMPARE, texts.HELP_COMPARE, True),
        ("t", "toggle_trash", texts.KEY_TRASH, texts.HELP_TRASH, False),
        ("question_mark,f1", "help", texts.KEY_HELP, texts.HELP_HELP, False),
        ("escape", "back", texts.KEY_BACK, texts.HELP_BACK, True),
    )
)


def plain(text: str) -> Text:
    """A table cell shown literally (DataTable would read a ``str`` as markup)."""
    return Text(literal(text))


def _shorten(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters with an ellipsis (the detail line has it whole)."""
    return text if len(text) <= width else text[: width - 1] + "…"


class LibraryScreen(Screen[None]):
    """Lists scenarios (or the trash); marks a base and variants for comparison."""

    class Renamed(Message):
        """A scenario file was renamed: the planner follows it if it is the one open."""

        def __init__(self, old: Path, new: Path, data: bytes, old_digest: str) -> None:
            super().__init__()
            self.old, self.new, self.data, self.old_digest = old, new, data, old_digest

    BINDINGS: ClassVar[list[BindingType]] = bindings("library", LIBRARY_ACTIONS)
    ACTIONS = LIBRARY_ACTIONS

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.entries: list[library.Entry] = []
        self.trash: list[library.Trashed] = []
        self.showing_trash = False
        self.base: Path | None = None
        self.variants: list[Path] = []
        self._shown: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static(texts.LIBRARY_TITLE, id="title", markup=False)
        yield Input(placeholder=texts.LIBRARY_FILTER, id="filter")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="trash", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filter", Input).display = False
        self.query_one("#entries", DataTable).add_columns(*texts.LIBRARY_COLUMNS)
        self.query_one("#trash", DataTable).add_columns(*texts.TRASH_COLUMNS)
        self.query_one("#trash", DataTable).display = False
        self._table().focus()
        self.rescan()

    def _table(self) -> DataTable[Text]:
        """The table on show: the library or the trash."""
        return self.query_one("#trash" if self.showing_trash else "#entries", DataTable)

    # -- listing ---------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def rescan(self) -> None:
        self._scan_and_show()

    def _scan_and_show(self) -> None:
        """List the folders and the trash (in a worker thread), then show them."""
        entries = library.scan(self.settings)
        trash = library.trashed(self.settings.trash)
        self.app.call_from_thread(self._show, entries, trash)

    def _show(self, entries: list[library.Entry], trash: list[library.Trashed]) -> None:
        self.entries, self.trash = entries, trash
        self._fill()

    def _fill(self) -> None:
        table = self._table()
        table.clear()
        needle = self.query_one("#filter", Input).value.strip().casefold()
        self._shown = []
        if self.showing_trash:
            for index, item in enumerate(self.trash):
                if needle in str(item.origin).casefold():
                    self._shown.append(index)
                    table.add_row(
                        plain(item.origin.name),
                        plain(str(item.origin.parent)),
                        plain(f"{item.deleted:%d-%m-%Y %H:%M}"),
                    )
            self.query_one("#title", Static).update(texts.TRASH_TITLE)
            return
        for index, entry in enumerate(self.entries):
            haystack = f"{entry.name} {entry.path.parent}".casefold()
            if needle not in haystack:
                continue
            self._shown.append(index)
            who, when = entry.last_change
            status = Text(_shorten(literal(entry.status), 32))
            if entry.scenario is None or "boven" in entry.status:
                status.stylize("bold reverse")
            table.add_row(
                plain(self._mark(entry.path)),
                plain(_shorten(entry.name, 30)),
                status,
                plain(entry.years),
                plain(self._folder_label(entry.source)),
                plain(f"{who} {when:%d-%m-%y %H:%M}".strip()),
            )
        self.query_one("#title", Static).update(texts.LIBRARY_TITLE)
        self._show_detail()

    @staticmethod
    def _folder_label(source: library.Source) -> str:
        if source.kind is library.SourceKind.TEAM:
            return f"{source.kind.value}: {source.folder.name}"
        return str(source.kind.value)

    def _mark(self, path: Path) -> str:
        if path == self.base:
            return texts.MARK_BASE
        if path in self.variants:
            return texts.MARK_VARIANT.format(n=self.variants.index(path) + 1)
        return ""

    def _current(self) -> library.Entry | None:
        table = self._table()
        if self.showing_trash or not self._shown or table.cursor_row >= len(self._shown):
            return None
        return self.entries[self._shown[table.cursor_row]]

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        entry = self._current()
        detail = self.query_one("#detail", Static)
        if entry is None:
            detail.update("")
        elif entry.problems:
            detail.update("\n".join(str(problem) for problem in entry.problems[:2]))
        else:
            detail.update(literal(str(entry.path)))

    # -- filter ------------------------------------------------------------------

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.display = True
        field.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self._table().focus()

    # -- actions -------------------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_rows(self.ACTIONS)))

    def action_back(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus:
            field.value = ""
            field.display = False
            self._table().focus()
            return
        if self.showing_trash:
            self.action_toggle_trash()
            return
        self.dismiss(None)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        """Enter on the table (the table's own Enter binding comes before ours)."""
        self.action_open()

    def action_open(self) -> None:
        if self.showing_trash:
            self._restore()
            return
        entry = self._current()
        if entry is None:
            return
        if entry.scenario is None:
            self.app.report_problems(list(entry.problems))  # type: ignore[attr-defined]
            return
        self.app.open_scenario(entry.path)  # type: ignore[attr-defined]

    def action_duplicate(self) -> None:
        entry = self._current()
        if entry is None or entry.scenario is None:
            return

        def chosen(result: tuple[str, Path] | None) -> None:
            if result is not None:
                self._file_action(
                    lambda: library.duplicate(entry, result[0], self.settings.library),
                    texts.DUPLICATED,
                )

        suggestion = texts.VARIANT_SUGGESTION.format(name=entry.name)
        self.app.push_screen(
            SaveAs(self.settings.library, suggestion, texts.DUPLICATE_TITLE), chosen
        )

    def action_rename(self) -> None:
        entry = self._current()
        if entry is None or entry.scenario is None:
            return

        def rename(name: str) -> Path:
            renamed = library.rename(entry, name)
            self.post_message(self.Renamed(entry.path, renamed.path, renamed.data, entry.digest))
            return renamed.path

        def chosen(result: tuple[str, Path] | None) -> None:
            if result is not None:
                self._file_action(lambda: rename(result[0]), texts.RENAMED)

        self.app.push_screen(SaveAs(entry.path.parent, entry.name, texts.RENAME_TITLE), chosen)

    def action_delete(self) -> None:
        entry = self._current()
        if entry is None:
            return

        def chosen(answer: str | None) -> None:
            if answer == YES:
                self._file_action(
                    lambda: library.delete(entry, self.settings.trash).file, texts.DELETED
                )

        question = texts.DELETE_QUESTION.format(name=literal(entry.name))
        self.app.push_screen(confirm(texts.DELETE_TITLE, question), chosen)

    def _restore(self) -> None:
        table = self._table()
        if not self._shown or table.cursor_row >= len(self._shown):
            return
        item = self.trash[self._shown[table.cursor_row]]
        self._file_action(lambda: library.restore(item), texts.RESTORED)

    @work(thread=True, exclusive=True, group="library")
    def _file_action(self, action: Callable[[], Path], done: str) -> None:
        try:
            path = action()
        except ProblemsError as error:
            self.app.call_from_thread(self.app.report_problems, error.problems)  # type: ignore[attr-defined]
            return
        self.app.call_from_thread(self.notify, done.format(file=literal(str(path))), markup=False)
        self._scan_and_show()

    def action_toggle_trash(self) -> None:
        self.showing_trash = not self.showing_trash
        self.query_one("#entries", DataTable).display = not self.showing_trash
        self.query_one("#trash", DataTable).display = self.showing_trash
        self._fill()
        self._table().focus()

    # -- comparison ------------------------------------------------------------------

    def action_mark_base(self) -> None:
        entry = self._current()
        if entry is None or entry.scenario is None:
            return
        self.base = None if self.base == entry.path else entry.path
        if entry.path in self.variants:
            self.variants.remove(entry.path)
        self._refill_keeping_cursor()

    def action_mark_variant(self) -> None:
        entry = self._current()
        if entry is None or entry.scenario is None:
            return
        if entry.path in self.variants:
            self.variants.remove(entry.path)
        else:
            self.variants.append(entry.path)
            if self.base == entry.path:
                self.base = None
        self._refill_keeping_cursor()

    def _refill_keeping_cursor(self) -> None:
        row = self._table().cursor_row
        self._fill()
        self._table().move_cursor(row=row)

    def action_compare(self) -> None:
        entry = self._current()
        base = self.base or (entry.path if entry and entry.scenario else None)
        variants = [path for path in self.variants if path != base]
        if base is None or not variants:
            self.notify(texts.COMPARE_NEEDS_MARKS, severity="warning", markup=False)
            return
        by_path = {item.path: item.scenario for item in self.entries if item.scenario}
        self._compare(by_path[base], [by_path[path] for path in variants])

    @work(thread=True, exclusive=True, group="compare")
    def _compare(self, base: Scenario, variants: list[Scenario]) -> None:
        from gebiedsplanner.core.compare import compare

        comparison = compare(base, variants)
        self.app.call_from_thread(self.app.push_screen, ComparisonScreen(comparison))
