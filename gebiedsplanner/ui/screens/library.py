"""The scenario library: every reachable scenario, its status, and what to do with it.

Scanning and every file action run in a thread worker; the pure library module
does the work and raises problems, which go to the app's one reporter. The
screen only keeps the list it was given and the comparison marks.

Its keys are taken in the order typed (:class:`~gebiedsplanner.ui.keys.InTurn`):
``l ↓ ↓ Enter`` opens the third scenario once the list is read, the keys typed
right after Enter go to the planner, those after ``c`` to the comparison and
those after ``/`` to the filter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.worker import WorkerCancelled

from gebiedsplanner.core.compare_table import CompareTable
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.rights import Need
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.i18n import texts
from gebiedsplanner.library import catalog as library
from gebiedsplanner.settings.locations import Settings
from gebiedsplanner.ui.actions import ActionSpec, bindings, help_rows, usable
from gebiedsplanner.ui.keys import InTurn, caught_up
from gebiedsplanner.ui.refusal import allowed
from gebiedsplanner.ui.screens.choice import YES, confirm
from gebiedsplanner.ui.screens.comparison import ComparisonScreen
from gebiedsplanner.ui.screens.help import HelpScreen
from gebiedsplanner.ui.screens.library_rows import (
    ENTRY_LAYOUTS,
    entry_columns,
    entry_detail,
    entry_rows,
    trash_columns,
    trash_row,
)
from gebiedsplanner.ui.screens.save_as import SaveAs
from gebiedsplanner.ui.shown_path import shown_path
from gebiedsplanner.ui.widgets.field import Field
from gebiedsplanner.ui.widgets.fitted_table import FittedTable
from gebiedsplanner.ui.widgets.key_line import KeyLine

#: key(s), action, footer label, help text, shown in the footer
LIBRARY_ACTIONS: tuple[ActionSpec, ...] = tuple(
    spec if isinstance(spec, ActionSpec) else ActionSpec(*spec)
    for spec in (
        ("enter", "open", "KEY_OPEN", "HELP_OPEN", True),
        ("slash", "filter", "KEY_FILTER", "HELP_FILTER", True),
        ActionSpec("d", "duplicate", "KEY_DUPLICATE", "HELP_DUPLICATE", False, needs=Need.WRITE),
        ActionSpec("r", "rename", "KEY_RENAME", "HELP_RENAME", False, needs=Need.MANAGE),
        ActionSpec("delete,x", "delete", "KEY_DELETE", "HELP_DELETE", False, needs=Need.MANAGE),
        ("b", "mark_base", "KEY_BASE", "HELP_BASE", True),
        ("space", "mark_variant", "KEY_VARIANT", "HELP_VARIANT", True),
        ("c", "compare", "KEY_COMPARE", "HELP_COMPARE", True),
        ("t", "toggle_trash", "KEY_TRASH", "HELP_TRASH", False),
        ("question_mark,f1", "help", "KEY_HELP", "HELP_HELP", True),
        ("escape", "back", "KEY_BACK", "HELP_BACK", True),
    )
)


_OWN_ACTIONS = frozenset(spec.action for spec in LIBRARY_ACTIONS)


class LibraryScreen(InTurn[None]):
    """Lists scenarios (or the trash); marks a base and variants for comparison."""

    class Renamed(Message):
        """A scenario file was renamed: the planner follows it if it is the one open."""

        def __init__(self, old: Path, new: Path, data: bytes, old_digest: str) -> None:
            super().__init__()
            self.old, self.new, self.data, self.old_digest = old, new, data, old_digest

    BINDINGS: ClassVar[list[BindingType]] = bindings("library", LIBRARY_ACTIONS, turn=True)
    ACTIONS = LIBRARY_ACTIONS

    def __init__(self, settings: Settings, *, at_login: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.ACTIONS = usable(LIBRARY_ACTIONS, settings.rights)
        """The actions this session may use: its key line, help and command palette."""
        self._tell_unsaved = at_login
        self.entries: list[library.Entry] = []
        self.trash: list[library.Trashed] = []
        self.showing_trash = False
        self.base: Path | None = None
        self.variants: list[Path] = []
        self._shown: list[int] = []

    def compose(self) -> ComposeResult:
        yield Static(texts.LIBRARY_TITLE, id="title", markup=False)
        yield Field(placeholder=texts.LIBRARY_FILTER, id="filter")
        yield FittedTable(entry_columns(), layouts=ENTRY_LAYOUTS, id="entries", zebra_stripes=True)
        yield FittedTable(trash_columns(), id="trash", zebra_stripes=True)
        yield Static("", id="detail", markup=False)
        yield KeyLine(self.ACTIONS)

    def on_mount(self) -> None:
        self.query_one("#filter", Input).display = False
        self.query_one("#trash", FittedTable).display = False
        self._focus_table()
        self._listing = self.rescan()

    def _table(self) -> FittedTable:
        """The table on show: the library or the trash."""
        return self.query_one("#trash" if self.showing_trash else "#entries", FittedTable)

    def _focus_table(self) -> None:
        """Focus the table on show at once: ``Widget.focus`` waits its turn, and keys
        that arrive meanwhile would go elsewhere."""
        self.set_focus(self._table())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the filter has the cursor, the library's letters are text there; Enter
        and Escape stay ours (they close the filter)."""
        filtering = self.query_one("#filter", Input).has_focus
        return action in ("open", "back") or not filtering or action not in _OWN_ACTIONS

    # -- listing ---------------------------------------------------------------

    async def listed(self) -> None:
        """Return once the first list shows (after mounting): the planner holds the keys
        typed after ``l`` until then, so that they move through the list, not an empty one.

        A table given its rows before its first layout takes them on the ``Resize``
        that layout sends (see :meth:`FittedTable._fit`): the screen and then the
        table handle what is queued before the list counts as shown.
        """
        try:
            await self._listing.wait()
            table = self._table()
        except (WorkerCancelled, NoMatches):
            return  # the app is closing (as when an adviser logs out while it lists)
        await caught_up([self, table])

    @work(thread=True, exclusive=True, group="library")
    def rescan(self) -> None:
        self._scan_and_show()

    def _scan_and_show(self, at: Path | None = None) -> None:
        """List the folders and the trash (in a worker thread), then show them, the cursor
        on ``at`` when it is listed (a new variant, a renamed scenario)."""
        entries = library.scan(self.settings)
        trash = library.trashed(self.settings.trash)
        self.app.call_from_thread(self._show, entries, trash, at)

    def _show(
        self, entries: list[library.Entry], trash: list[library.Trashed], at: Path | None = None
    ) -> None:
        self.entries, self.trash = entries, trash
        self._fill()
        if at is not None and not self.showing_trash:
            rows = [row for row, index in enumerate(self._shown) if entries[index].path == at]
            if rows:
                self._table().move_cursor(row=rows[0])
        unsaved = [literal(entry.path.name) for entry in entries if entry.unsaved]
        if self._tell_unsaved and unsaved:
            names = ", ".join(unsaved)
            self.notify(texts.LIBRARY_UNSAVED.format(names=names), timeout=20, markup=False)
        self._tell_unsaved = False

    def _fill(self) -> None:
        """Show the library or the trash, as far as it matches the filter."""
        needle = self.query_one("#filter", Input).value.strip().casefold()
        if self.showing_trash:
            self._shown = [
                index
                for index, item in enumerate(self.trash)
                if needle in str(item.origin).casefold()
            ]
            self._table().show(trash_row(self.trash[index]) for index in self._shown)
            self.query_one("#title", Static).update(texts.TRASH_TITLE)
        else:
            self._shown = [
                index
                for index, entry in enumerate(self.entries)
                if needle in f"{entry.name} {entry.path.parent}".casefold()
            ]
            shown = [self.entries[index] for index in self._shown]
            self._table().show(entry_rows(shown, self._mark))
            self.query_one("#title", Static).update(texts.LIBRARY_TITLE)
        self._show_detail()

    def _mark(self, path: Path) -> str:
        if path == self.base:
            return texts.MARK_BASE
        if path in self.variants:
            return texts.MARK_VARIANT.format(n=self.variants.index(path) + 1)
        return ""

    def _current_index(self) -> int | None:
        """Where the row under the cursor is in the list it shows (entries or trash)."""
        row = self._table().cursor_row
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _current(self) -> library.Entry | None:
        index = self._current_index()
        return None if self.showing_trash or index is None else self.entries[index]

    def _current_trashed(self) -> library.Trashed | None:
        index = self._current_index()
        return None if not self.showing_trash or index is None else self.trash[index]

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        self.query_one("#detail", Static).update(self._detail())

    def _detail(self) -> str:
        """The line below the table: in full what the row under the cursor may show cut short."""
        room = max(20, self.app.size.width - 2)
        item = self._current_trashed()
        if item is not None:
            return shown_path(item.origin, room)
        entry = self._current()
        if entry is None:
            return ""
        return entry_detail(entry, room)

    # -- filter ------------------------------------------------------------------

    def action_filter(self) -> None:
        """/: the filter field, at once (the keys after / are typed there)."""
        field = self.query_one("#filter", Input)
        field.display = True
        self.set_focus(field)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._fill()

    # -- actions -------------------------------------------------------------------

    async def action_help(self) -> None:
        await self.app.push_screen(HelpScreen(help_rows(self.ACTIONS)))

    def action_back(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus:
            field.value = ""
            field.display = False
            self._focus_table()
            return
        if self.showing_trash:
            self.action_toggle_trash()
            return
        self.dismiss(None)

    @on(DataTable.RowSelected)
    async def _row_selected(self) -> None:
        """A click on the row under the cursor (Enter is ours, see :meth:`action_open`)."""
        await self.action_open()

    async def action_open(self) -> None:
        """Enter: open the scenario (the keys after Enter go to the planner), restore from
        the trash, or, in the filter, go back to the list."""
        if self.query_one("#filter", Input).has_focus:
            self._focus_table()
            return
        if self.showing_trash:
            await self._restore()
            return
        entry = self._current()
        if entry is None:
            return
        if entry.scenario is None:
            self.app.report_problems(list(entry.problems))  # type: ignore[attr-defined]
            return
        await self.app.open_scenario(entry.path)  # type: ignore[attr-defined]

    async def action_duplicate(self) -> None:
        entry = self._current()
        if entry is None or entry.scenario is None:
            return
        if not allowed(self, self.settings.rights.check_write):
            return

        async def chosen(result: tuple[str, Path] | None) -> None:
            if result is not None:
                name, path = result
                await self._file_action(
                    lambda: library.duplicate(
                        entry,
                        name,
                        path.parent,
                        make_folder=path.parent == self.settings.own_library,
                    ),
                    texts.DUPLICATED,
                ).wait()

        suggestion = texts.VARIANT_SUGGESTION.format(name=entry.name)
        await self.app.push_screen(
            SaveAs(self.settings.save_folders, suggestion, texts.DUPLICATE_TITLE), chosen
        )

    async def action_rename(self) -> None:
        entry = self._current()
        if entry is None or entry.scenario is None:
            return
        if not allowed(self, self.settings.rights.check_manage):
            return

        def rename(name: str) -> Path:
            renamed = library.rename(entry, name)
            self.post_message(self.Renamed(entry.path, renamed.path, renamed.data, entry.digest))
            return renamed.path

        async def chosen(result: tuple[str, Path] | None) -> None:
            if result is not None:
                await self._file_action(lambda: rename(result[0]), texts.RENAMED).wait()

        await self.app.push_screen(
            SaveAs([entry.path.parent], entry.name, texts.RENAME_TITLE), chosen
        )

    async def action_delete(self) -> None:
        entry = self._current()
        if entry is None:
            return
        if not allowed(self, self.settings.rights.check_manage):
            return

        async def chosen(answer: str | None) -> None:
            if answer == YES:
                await self._file_action(
                    lambda: library.delete(entry, self.settings.trash).file, texts.DELETED
                ).wait()

        question = texts.DELETE_QUESTION.format(name=literal(entry.name))
        await self.app.push_screen(confirm(texts.DELETE_TITLE, question), chosen)

    async def _restore(self) -> None:
        item = self._current_trashed()
        if item is not None and allowed(self, self.settings.rights.check_manage):
            await self._file_action(lambda: library.restore(item), texts.RESTORED).wait()

    @work(thread=True, exclusive=True, group="library")
    def _file_action(self, action: Callable[[], Path], done: str) -> None:
        """Do ``action`` and list the folders anew. Awaited by the key that asked for it
        (the dialog's answer, Enter in the trash): the keys typed after it act on the
        new list (``x j t Enter``, as the notice says, restores what was deleted)."""
        try:
            path = action()
        except ProblemsError as error:
            self.app.call_from_thread(self.app.report_problems, error.problems)  # type: ignore[attr-defined]
            return
        self.app.call_from_thread(self.notify, done.format(file=shown_path(path)), markup=False)
        self._scan_and_show(path)

    def action_toggle_trash(self) -> None:
        self.showing_trash = not self.showing_trash
        self.query_one("#entries", FittedTable).display = not self.showing_trash
        self.query_one("#trash", FittedTable).display = self.showing_trash
        self._fill()
        self._focus_table()

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

    async def action_compare(self) -> None:
        """c: compare (in a worker); the keys typed after c wait for the comparison."""
        entry = self._current()
        base = self.base or (entry.path if entry and entry.scenario else None)
        variants = [path for path in self.variants if path != base]
        if base is None or not variants:
            self.notify(texts.COMPARE_NEEDS_MARKS, severity="warning", markup=False)
            return
        by_path = {item.path: item.scenario for item in self.entries if item.scenario}
        table = await self._compare(by_path[base], [by_path[path] for path in variants]).wait()
        await self.app.push_screen(ComparisonScreen(table, self.settings, [base, *variants]))

    @work(thread=True, exclusive=True, group="compare")
    def _compare(self, base: Scenario, variants: list[Scenario]) -> CompareTable:

        from gebiedsplanner.core.compare import compare

        table = CompareTable(compare(base, variants), cell_len)
        table.prepare()
        return table
