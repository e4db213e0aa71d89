"""The main screen: the table for one year (or one post in every year), the totals, and
every planning action.

Attributes down, messages up: the screen owns the :class:`EditingSession`,
asks it to make each change (it journals the change before returning), then
tells the grid which rows to repaint and the totals bar what to show. Saving,
exporting, the editing notes and reading an ended session's journal run in
thread workers; the journal append (one fsynced line per change) stays on the
UI thread, so a change is on disk before it shows. Problems go to the app's one
error reporter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from gebiedsplanner.core.describe import owner_label, shown_note
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.rights import Need
from gebiedsplanner.core.scenario import (
    COULEUR_LOCALE,
    GEBIED_POSTS,
    STEDELIJK,
    CellChange,
    EditError,
    NoteChange,
    action_label,
    check_note,
    note_cell,
    post_label,
)
from gebiedsplanner.core.table_view import (
    CHANGE,
    NAME,
    GridRows,
    Sorting,
    TableView,
    counting_totals_text,
    totals_text,
)
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.session import Change, EditingSession
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import Settings
from gebiedsplanner.ui.actions import ActionSpec, bindings, help_rows, usable
from gebiedsplanner.ui.refusal import allowed, refuse
from gebiedsplanner.ui.screens.planner_files import PlannerFiles, Prepared
from gebiedsplanner.ui.widgets.budget_grid import BudgetGrid
from gebiedsplanner.ui.widgets.edit_line import EditLine, Entry
from gebiedsplanner.ui.widgets.figure import Figure
from gebiedsplanner.ui.widgets.key_line import KeyLine
from gebiedsplanner.ui.widgets.title import Title, TitleParts
from gebiedsplanner.ui.widgets.totals_bar import TotalsBar

if TYPE_CHECKING:
    from gebiedsplanner.core.tools.plans import ToolPlan
    from gebiedsplanner.ui.screens.move_dialog import MoveRequest
    from gebiedsplanner.ui.screens.planner_find import Finder
    from gebiedsplanner.ui.widgets.note_line import NoteLine

# The dialogs and other screens are imported where they open, and recovering ended
# sessions' changes once the planner is on screen, not here: startup pays only for
# the planner (issue 5: first frame within 1.15x a bare Textual app).

_CHANGES, _WRITES = Need.CHANGE, Need.WRITE

#: Every planner action: key(s), action, footer label, help text, shown in the footer;
#: those that change the plan or write it say so (a read-only session is not offered them).
PLANNER_ACTIONS: tuple[ActionSpec, ...] = tuple(
    spec if isinstance(spec, ActionSpec) else ActionSpec(*spec)
    for spec in (
        ActionSpec("enter", "edit", "KEY_EDIT", "HELP_EDIT", True, needs=_CHANGES),
        ActionSpec("m", "move", "KEY_MOVE", "HELP_MOVE", True, needs=_CHANGES),
        ActionSpec("g", "tools", "KEY_TOOLS", "HELP_TOOLS", False, needs=_CHANGES),
        ActionSpec("o", "note", "KEY_NOTE", "HELP_NOTE", False, needs=_CHANGES),
        ActionSpec("ctrl+z", "undo", "KEY_UNDO", "HELP_UNDO", False, needs=_CHANGES),
        ActionSpec("ctrl+y", "redo", "KEY_REDO", "HELP_REDO", False, needs=_CHANGES),
        ("right_square_bracket,j", "year(1)", "KEY_NEXT_YEAR", "HELP_NEXT_YEAR", True),
        ("left_square_bracket,J", "year(-1)", "KEY_PREV_YEAR", "HELP_PREV_YEAR", False),
        ("k", "toggle_thousands", "KEY_THOUSANDS", "HELP_THOUSANDS", False),
        ("y", "copy_amount", "KEY_COPY", "HELP_COPY", False),
        ("slash", "search", "KEY_SEARCH", "HELP_SEARCH", False),
        ("n", "search_next(1)", "KEY_SEARCH_NEXT", "HELP_SEARCH_NEXT", False),
        ("N", "search_next(-1)", "KEY_SEARCH_PREVIOUS", "HELP_SEARCH_PREVIOUS", False),
        ("colon,ctrl+g", "go_to", "KEY_GO_TO", "HELP_GO_TO", False),
        ActionSpec("ctrl+s", "save", "KEY_SAVE", "HELP_SAVE", True, needs=_WRITES),
        ActionSpec("S", "save_as", "KEY_SAVE_AS", "HELP_SAVE_AS", False, needs=_WRITES),
        ("e", "export", "KEY_EXPORT", "HELP_EXPORT", True),
        ("h", "history", "KEY_HISTORY", "HELP_HISTORY", False),
        ("b", "policy", "KEY_POLICY", "HELP_POLICY", False),
        ("v", "chart", "KEY_CHART", "HELP_CHART", False),
        ("l", "library", "KEY_LIBRARY", "HELP_LIBRARY", True),
        ("a", "all_years", "KEY_ALL_YEARS", "HELP_ALL_YEARS", False),
        ("p", "next_post", "KEY_NEXT_POST", "HELP_NEXT_POST", False),
        ("s", "sort_column", "KEY_SORT_COLUMN", "HELP_SORT_COLUMN", False),
        ("A", "sort_name", "KEY_SORT_NAME", "HELP_SORT_NAME", False),
        ("w", "sort_change", "KEY_SORT_CHANGE", "HELP_SORT_CHANGE", False),
        ("question_mark,f1", "help", "KEY_HELP", "HELP_HELP", True),
        ("q", "app.quit", "KEY_QUIT", "HELP_QUIT", False),
    )
)

_OWN_ACTIONS = frozenset(spec.action.partition("(")[0] for spec in PLANNER_ACTIONS)
#: The most of a gebied's name the note line above the totals gives before the note.
_NOTE_NAME_ROOM = 40


class PlannerScreen(PlannerFiles):
    """One scenario, one year at a time, or one post in every year (``a``)."""

    #: Priority bindings: Textual runs those as each key arrives, others only after the
    #: key has passed through the focused widget's queue. Keys that arrive together (a
    #: fast typist, a slow SSH link) are then taken in order: the amount typed after
    #: Enter lands in the edit line, the arrow after an edit moves from the edited cell.
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("planner", PLANNER_ACTIONS, priority=True),
        Binding("escape", "cancel_edit", "KEY_CANCEL", show=False, priority=True),
    ]
    ACTIONS = PLANNER_ACTIONS

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As on every Screen, but a focus change does not repaint the whole screen.

    Textual's ``Screen.focused`` repaints everything when it changes (about 10 KB
    at 80x24); the widgets that look different with focus repaint themselves.
    Opening and closing the edit line moves the focus, so this matters per edit.
    """

    def __init__(
        self, document: storage.ScenarioDocument, settings: Settings, *, reading: bool = False
    ) -> None:
        """``reading``: ``document`` holds the first gebieden of a file still being read
        (:class:`storage.Opening`); they are shown, with totals still being counted,
        until :meth:`read` brings the whole. Nothing is edited meanwhile (the app holds
        the keys)."""
        super().__init__()
        self.settings = settings
        self.reading = reading
        self.session = EditingSession(document, settings.rights)
        self._given_up: EditingSession | None = None
        self._quit_after_save = False
        self.year = document.scenario.years[0]
        self.thousands = False
        self.all_years = False
        """One post in every year (``a``) instead of every post in one year."""
        self.post = COULEUR_LOCALE
        """The post the all-years view shows (``p`` shows the next)."""
        self.sorting: Sorting | None = None
        """How the gebieden are sorted; ``None``: as in the file."""
        self._order: list[str] | None = None
        self.policy = PolicyCheck(document.scenario)
        """Where the plan breaks the scenario's rules, kept current by :meth:`_record`."""
        self._find: Finder | None = None
        """Searching and going to a gebied: made when one of their keys is first pressed."""
        self._note_line: NoteLine | None = None
        """The note line (``o``), made the first time it opens."""
        self.ACTIONS = usable(PLANNER_ACTIONS, settings.rights)
        """The actions this session may use: its key line, help and command palette."""

    # -- state -------------------------------------------------------------

    def _view(self, widths: list[int] | None = None) -> GridRows:
        """The table as the planner shows it now; ``widths``: those of the same table in
        another order (a sort), so nothing is measured again."""
        scenario = self.document.scenario
        if self.all_years:
            from gebiedsplanner.core.years_view import YearsView

            return YearsView(
                scenario,
                self.post,
                self.thousands,
                self.policy,
                order=self._order,
                sorting=self.sorting,
                widths=widths,
            )
        return TableView(
            scenario,
            self.year,
            self.thousands,
            self.policy,
            complete=not self.reading,
            order=self._order,
            sorting=self.sorting,
            widths=widths,
        )

    def _sort_rows(self) -> None:
        """Put the gebieden in the order of :attr:`sorting` (about 20 ms at 20.000)."""
        if self.sorting is None or self.reading:
            self._order = None
            return
        from gebiedsplanner.core.table_order import gebied_order

        self.sorting = self.sorting._replace(stale=False)
        self._order = gebied_order(
            self.document.scenario,
            self.sorting,
            year=self.year,
            post=self.post if self.all_years else None,
            since_opened=self.session.since_opened(),
        )

    def _shown_year(self) -> int:
        """The year the planning tools and the chart take: the one shown, or in the
        all-years view that of the cursor's column."""
        if self.all_years:
            return self.document.scenario.years[self.query_one(BudgetGrid).cursor_column]
        return self.year

    # -- layout ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="title-line"):
            yield Static("", id="title", markup=False)
            yield Figure(id="dirty")
        yield BudgetGrid(self._view(), id="grid")
        # Above the totals: notifications keep clear of the totals and the key line below.
        yield Static("", id="note-detail", markup=False)
        yield TotalsBar(id="totals")
        with Container(id="bottom-line"):  # keeps the swap below from moving anything above
            yield EditLine(id="edit-line")
            yield KeyLine(self.ACTIONS, id="keys")

    def on_mount(self) -> None:
        # Never dirty: the marker's place goes to the title.
        self.query_one("#dirty").display = not self.settings.rights.read_only
        self._show_totals()
        self._show_title()
        self._show_notes()
        self.query_one(BudgetGrid).focus()
        if not self.reading:
            self._begin()

    def _show_totals(self) -> None:
        scenario = self.document.scenario
        if self.all_years:
            from gebiedsplanner.core.years_view import years_totals
            from gebiedsplanner.ui.widgets.years_totals import YearsTotals

            totals = years_totals(scenario, self.thousands, self.policy)
            focus = self.query_one(BudgetGrid).cursor_column
            self.query_one("#years-totals", YearsTotals).show(totals, focus)
            return
        self.query_one(TotalsBar).show(
            counting_totals_text(scenario, self.year, self.thousands)
            if self.reading
            else totals_text(scenario, self.year, self.thousands, self.policy)
        )

    def on_budget_grid_column_moved(self) -> None:
        """In all years, the totals keep the cursor's year in view (a narrow terminal)."""
        if self.all_years:
            self._show_totals()

    def _show_title(self) -> None:
        scenario = self.document.scenario
        unit = texts.UNIT_THOUSANDS if self.thousands else texts.TITLE_UNIT_EUROS
        if self.all_years:  # the post instead of the year; the table's header says it too
            year = texts.TITLE_ALL_YEARS.format(post=post_label(self.post))
            short, shortest = texts.TITLE_ALL_YEARS_SHORT, ""
        else:
            position = scenario.years.index(self.year) + 1
            count = len(scenario.years)
            year = texts.TITLE_YEAR.format(year=self.year, index=position, count=count)
            short = texts.TITLE_YEAR_ONLY.format(year=self.year)
            shortest = None
        parts = TitleParts(
            literal(scenario.name),
            year,
            short,
            (texts.TITLE_UNIT.format(unit=unit),)
            + ((texts.TITLE_EXAMPLE,) if self.document.path is None else ()),
            tuple(self.session.rights.title_forms()),
            # Last: what the adviser may change matters more (the totals and the table
            # say they are counted too).
            texts.TITLE_READING if self.reading else "",
            shortest,
        )
        self.query_one("#title", Static).update(Title(parts))
        self._show_dirty()

    def _show_dirty(self) -> None:
        """The unsaved-changes marker: its own small widget, so an edit repaints just that."""
        self.query_one("#dirty", Figure).set(texts.TITLE_DIRTY if self.dirty else "")

    # -- editing -------------------------------------------------------------

    @property
    def editing(self) -> bool:
        """The edit line or the note line is open (it stands in for the footer)."""
        return self.query_one(EditLine).display or self._noting

    @property
    def _noting(self) -> bool:
        return self._note_line is not None and self._note_line.display

    def _show_edit_line(self, show: bool) -> None:
        """Swap the footer and the edit line: the same line, so nothing else moves.

        Toggled on the two widgets, not by a class on the screen: restyling the
        screen repaints all of it (10 KB over SSH instead of one line).
        """
        self.query_one(KeyLine).display = not show
        self.query_one(EditLine).display = show

    async def action_edit(self) -> None:
        """Enter: open the edit line on the cell under the cursor, or apply what it holds
        (with the find line open: what the find line says)."""
        if self._find is not None and self.finding:
            await self._find.enter()
            return
        edit_line = self.query_one(EditLine)
        if self._noting:
            await self._keep_note()
            return
        if self.editing:
            entry = await edit_line.entry()
            if entry is not None:
                self._apply(entry)
                self._stop_editing()
            return
        grid = self.query_one(BudgetGrid)
        cell = grid.view.cell_at(grid.cursor_row, grid.cursor_column)
        if cell is None:
            self.notify(texts.NOT_EDITABLE_NET, severity="warning")
            return
        if not allowed(self, lambda: self.session.rights.check_cells([cell])):
            return
        await edit_line.build()
        self._show_edit_line(True)
        edit_line.start(cell, self.document.scenario.amount(cell), year=self.all_years)

    async def action_cancel_edit(self) -> None:
        """Escape: close the edit line, changing nothing (or the find line: see Finder)."""
        if self._find is not None and self.finding:
            await self._find.cancel()
            return
        self._stop_editing()

    def _apply(self, entry: Entry) -> None:
        if entry.new == self.document.scenario.amount(entry.cell):
            return
        self._record(lambda: self.session.edit(entry.cell, entry.new, entry.reason))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A click elsewhere (the table, say) while editing ends the edit without changes.

        Only while that widget still has the focus: the message comes in its own time,
        and the table's focus given back by the Enter before may arrive once the next
        Enter has opened the edit line again (keys typed fast, or during a save)."""
        widget = event.widget
        elsewhere = widget.parent not in (self.query_one(EditLine), self._note_line)
        if self.editing and widget is self.focused and elsewhere:
            self._stop_editing()
        find = self._find
        if find is not None and self.finding and widget is self.focused and not find.owns(widget):
            find.close()

    def _stop_editing(self) -> None:
        self._show_edit_line(False)
        if self._note_line is not None:
            self._note_line.display = False
        # Not grid.focus(), which repaints all of it; no scrolling either: the cursor is in view.
        self.set_focus(self.query_one(BudgetGrid), scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the edit line or the find line is open, Enter and Escape are its keys; the
        planner's others are text (its bindings have priority, so they would otherwise win
        over the input)."""
        in_line = self.editing or self.finding
        if action == "cancel_edit":
            return in_line
        if action == "next_post":
            return self.all_years and not in_line
        return action == "edit" or not in_line or action not in _OWN_ACTIONS

    # -- notes -----------------------------------------------------------------

    async def action_note(self) -> None:
        """o: the note line on the gebied under the cursor (its note to change or remove)."""
        grid = self.query_one(BudgetGrid)
        gebied = grid.view.gebied_at(grid.cursor_row)
        if gebied is None:
            self.notify(texts.NOTE_ONLY_GEBIED, severity="warning", markup=False)
            return
        if not allowed(self, lambda: self.session.rights.check_cells([note_cell(gebied)])):
            return
        if self._note_line is None:
            from gebiedsplanner.ui.widgets.note_line import NoteLine

            self._note_line = NoteLine(id="note-line")
            self._note_line.display = False
            await self.query_one("#bottom-line").mount(self._note_line)
        self.query_one(KeyLine).display = False
        self._note_line.display = True
        await self._note_line.start(gebied, self.document.scenario.note(gebied))

    async def _keep_note(self) -> None:
        """Enter on the note line: the note kept as a change (one undo takes it back); a
        note that cannot be is said, and the line stays open to mend it."""
        assert self._note_line is not None
        note = (await self._note_line.note()).strip()
        problem = check_note(note)
        if problem:
            self.notify(problem, severity="error", markup=False)
            return
        gebied = self._note_line.gebied
        self._record(lambda: self.session.set_note(gebied, note))
        self._stop_editing()

    def _show_notes(self, changed: tuple[NoteChange, ...] = ()) -> None:
        """The marks of the gebieden whose note ``changed``, and the note line above the
        totals: there while any gebied has a note, saying the note of the cursor's gebied
        whole (a long one up to three lines)."""
        grid = self.query_one(BudgetGrid)
        view = grid.view
        rows = (view.row_of(note.gebied) for note in changed)
        grid.refresh_marks({(row, 0) for row in rows if row is not None})
        detail = self.query_one("#note-detail", Static)
        gebieden = self.document.scenario.gebieden.values()
        shown = not self.reading and any(gebied.note for gebied in gebieden)
        if shown:
            detail.update(self._note_detail())
        detail.display = shown

    def _note_detail(self) -> str:
        """The cursor's gebied and its note; a name too long to leave the note room is cut
        (the table names the gebied too)."""
        grid = self.query_one(BudgetGrid)
        gebied = grid.view.gebied_at(grid.cursor_row)
        if gebied is None:
            return ""
        name = owner_label(gebied)
        if len(name) > _NOTE_NAME_ROOM:
            name = name[: _NOTE_NAME_ROOM - 1] + "…"
        note = self.document.scenario.note(gebied)
        if not note:
            return texts.NOTE_DETAIL_NONE.format(gebied=name)
        return texts.NOTE_DETAIL.format(gebied=name, note=shown_note(note))

    def on_budget_grid_cursor_row_changed(self) -> None:
        """The cursor's gebied changed: its note on the note line (when that is shown)."""
        detail = self.query_one("#note-detail", Static)
        if detail.display:
            detail.update(self._note_detail())

    async def action_move(self) -> None:
        if not allowed(self, lambda: self.session.rights.check_cells(())):
            return
        grid = self.query_one(BudgetGrid)
        view = grid.view
        cell = view.cell_at(grid.cursor_row, grid.cursor_column)
        if cell is None:
            cell = view.cell_at(grid.cursor_row, 0) or view.cell_at(0, 0)
        assert cell is not None
        from gebiedsplanner.ui.screens.move_dialog import MoveDialog

        def apply(request: MoveRequest | None) -> None:
            if request is None:
                return
            self._record(
                lambda: self.session.move(
                    request.source, request.target, request.amount, request.reason
                )
            )

        # Awaited, as every dialog the planner opens: the keys typed after m wait
        # until the dialog has its amount field.
        await self.app.push_screen(MoveDialog(self.document.scenario, cell), apply)

    async def action_tools(self) -> None:
        """g: the planning tools on the year shown; the plan comes back to apply as one step."""
        if not allowed(self, lambda: self.session.rights.check_cells(())):
            return
        from gebiedsplanner.core.tools.plans import cells_count
        from gebiedsplanner.ui.screens.tools_dialog import ToolsScreen

        def apply(plan: ToolPlan | None) -> None:
            if plan is None:
                return
            if self._record(lambda: self.session.apply_tool(plan)):
                self.notify(
                    texts.TOOL_APPLIED_NOTICE.format(
                        action=action_label(plan.action).capitalize(),
                        cells=cells_count(len(plan.changes)),
                    ),
                    markup=False,
                )

        await self.app.push_screen(ToolsScreen(self.document.scenario, self._shown_year()), apply)

    def action_undo(self) -> None:
        if not self.session.history.can_undo:
            self.notify(texts.NOTHING_TO_UNDO, severity="warning", markup=False)
            return
        self._record(self.session.undo)

    def action_redo(self) -> None:
        if not self.session.history.can_redo:
            self.notify(texts.NOTHING_TO_REDO, severity="warning", markup=False)
            return
        self._record(self.session.redo)

    def _record(self, make: Callable[[], Change | None]) -> bool:
        """Make a change through the session (journaled first), then repaint what it touched.

        False when there was nothing to change or the change was refused (and said why).
        """
        try:
            change = make()
        except EditError as error:
            refuse(self, error)
            return False
        if change is None:
            return False
        if change.problems:
            self._report(change.problems)
        grid = self.query_one(BudgetGrid)
        grid.refresh_cells(grid.view.cells_touched(change.entry.changes))
        grid.refresh_marks(grid.view.marks_at(self.policy.update(change.entry.changes)))
        if change.entry.notes:
            self._show_notes(change.entry.notes)
        if self.sorting is not None:
            self._mark_out_of_date(change.entry.changes)
        self._show_totals()
        self._show_dirty()
        return True

    # -- finding a gebied ------------------------------------------------------

    @property
    def finding(self) -> bool:
        """The find line is open (it stands in for the footer, as the edit line does)."""
        return self._find is not None and self._find.open

    def _finder(self) -> Finder:
        if self._find is None:
            from gebiedsplanner.ui.screens.planner_find import Finder

            self._find = Finder(self, lambda: self.document.scenario)
        return self._find

    async def action_search(self) -> None:
        """/: search gebied names; the cursor follows as one types (read-only too)."""
        from gebiedsplanner.ui.widgets.find_line import FindMode

        await self._finder().start(FindMode.SEARCH)

    def action_search_next(self, step: int) -> None:
        """n, N: the next or previous gebied that matches the last search."""
        self._finder().next(step)

    async def action_go_to(self) -> None:
        """: or ctrl+g: go to a gebied by name, completed as it is typed."""
        from gebiedsplanner.ui.widgets.find_line import FindMode

        await self._finder().start(FindMode.GO_TO)

    @on(Input.Changed, "#find-text")
    def _find_typed(self, event: Input.Changed) -> None:
        if self._find is not None:
            self._find.typed(event.value)

    def _mark_out_of_date(self, changes: Iterable[CellChange]) -> None:
        """The rows stay where they are, as in a spreadsheet; when ``changes`` may have
        changed the order, the mark says so until sorted again (the same key sorts again
        the same way first)."""
        from gebiedsplanner.core.table_order import moves_order

        post = self.post if self.all_years else None
        if self.sorting is not None and moves_order(
            self.sorting, changes, year=self.year, post=post
        ):
            grid = self.query_one(BudgetGrid)
            self.sorting = grid.view.sorting = self.sorting._replace(stale=True)
            grid.refresh_header()

    # -- view ----------------------------------------------------------------

    def action_year(self, step: int) -> None:
        """] and [: the next or previous year; in the all-years view, the cursor goes to
        that year's column."""
        years = self.document.scenario.years
        grid = self.query_one(BudgetGrid)
        if self.all_years:
            grid.move_cursor_to(grid.cursor_row, (grid.cursor_column + step) % len(years))
            return
        self.year = years[(years.index(self.year) + step) % len(years)]
        self._keeping_cursor(self._show_view)

    def action_toggle_thousands(self) -> None:
        self.thousands = not self.thousands
        self._show_view()

    async def action_all_years(self) -> None:
        """a: one post in every year side by side, or back to every post in one year.

        The cursor stays on its gebied (or stedelijk post): to the all-years view it
        takes its post and its year's column; back, the year of its column. A sort by
        that post (that year) goes along; by name or by change it stays."""
        from gebiedsplanner.core.table_order import sorting_across

        grid = self.query_one(BudgetGrid)
        years = self.document.scenario.years
        if self.all_years:
            self.year = years[grid.cursor_column]
            column = GEBIED_POSTS.index(self.post)
        else:
            cell = grid.view.cell_at(grid.cursor_row, grid.cursor_column)
            if cell is not None and cell.owner != STEDELIJK:
                self.post = cell.post
            column = years.index(self.year)
            if not self.query("#years-totals"):
                from gebiedsplanner.ui.widgets.years_totals import YearsTotals

                await self.mount(YearsTotals(id="years-totals"), after=self.query_one(TotalsBar))
        self.all_years = not self.all_years
        self.sorting = sorting_across(
            self.sorting, to_all_years=self.all_years, post=self.post, year=self.year
        )
        self._keeping_cursor(self._show_view, column=column)

    def action_next_post(self) -> None:
        """p (all-years view): the next post, in the order of the one-year table."""
        self.post = GEBIED_POSTS[(GEBIED_POSTS.index(self.post) + 1) % len(GEBIED_POSTS)]
        self._keeping_cursor(self._show_view)

    def action_sort_column(self) -> None:
        """s: sort by the column under the cursor: largest first, smallest first, as in
        the file. On a stedelijk row the cursor is in netto (one year)."""
        grid = self.query_one(BudgetGrid)
        view = grid.view
        column = view.sort_column(view.column_for(grid.cursor_row, grid.cursor_column))
        if column is not None:
            self._sort_by(column, descending_first=True)

    def action_sort_name(self) -> None:
        """A: sort by name: A-Z, Z-A, as in the file."""
        self._sort_by(NAME, descending_first=False)

    def action_sort_change(self) -> None:
        """w: sort by what changed since the scenario was opened: the most added first,
        the most taken off first, as in the file."""
        self._sort_by(CHANGE, descending_first=True)

    def _sort_by(self, column: str | int, *, descending_first: bool) -> None:
        """The next step of sorting by ``column`` (:func:`next_sorting`); the columns keep
        their widths."""
        from gebiedsplanner.core.table_order import next_sorting

        self.sorting = next_sorting(self.sorting, column, descending_first=descending_first)
        grid = self.query_one(BudgetGrid)
        widths = grid.view.widths

        def sort() -> None:
            self._sort_rows()
            grid.show(self._view(widths))

        self._keeping_cursor(sort)

    def _keeping_cursor(self, change: Callable[[], None], column: int | None = None) -> None:
        """Do ``change`` to the table with the cursor on the same gebied (or stedelijk post)
        where it shows now; in ``column`` when given, else in the same column."""
        grid = self.query_one(BudgetGrid)
        row = grid.view.rows[grid.cursor_row]
        change()
        where = grid.view.row_of_row(row)
        grid.move_cursor_to(
            grid.cursor_row if where is None else where,
            grid.cursor_column if column is None else column,
        )

    def action_copy_amount(self) -> None:
        """y: the amount under the cursor to the terminal's clipboard (OSC 52), in plain
        digits (see TableView.copied); the notice says what was copied."""
        grid = self.query_one(BudgetGrid)
        copied = grid.view.copied(grid.cursor_row, grid.cursor_column)
        self.app.copy_to_clipboard(copied.text)
        self.notify(texts.COPIED.format(value=copied.text, what=copied.what), markup=False)

    def _reshow(self, prepared: Prepared | None = None) -> None:
        # Checked anew: a merge, a recovery or another file may have changed any cell.
        if prepared is not None and prepared.fits(self):
            self.policy, view = prepared
            self._show_view(view)
        else:
            self.policy = PolicyCheck(self.document.scenario)
            self._show_view()

    def _show_view(self, view: GridRows | None = None) -> None:
        """Show the table as the planner's state says (another year, unit, post, view or
        order of the same plan): the rules' check stays, each change keeps it current
        (checking anew took 0,1 s at 20.000 gebieden)."""
        if view is None:
            self._sort_rows()
            view = self._view()
        self.query_one(BudgetGrid).show(view)
        self._show_totals_of_view()
        self._show_totals()
        self._show_title()
        self._show_notes()

    def _show_totals_of_view(self) -> None:
        """The totals bar for one year, the totals per year for all years."""
        bar = self.query_one(TotalsBar)
        if bar.display == self.all_years:
            bar.display = not self.all_years
            for years_totals in self.query("#years-totals"):
                years_totals.display = self.all_years

    async def action_history(self) -> None:
        grid = self.query_one(BudgetGrid)
        cell = grid.view.cell_at(grid.cursor_row, grid.cursor_column)
        from gebiedsplanner.ui.screens.history import HistoryScreen

        await self.app.push_screen(HistoryScreen(self.document.scenario.log, cell))

    async def action_chart(self) -> None:
        """v: the plan as bars, for the year shown."""
        from gebiedsplanner.ui.screens.chart import ChartScreen

        await self.app.push_screen(ChartScreen(self.document.scenario, self._shown_year()))

    async def action_policy(self) -> None:
        from gebiedsplanner.ui.screens.policy_panel import PolicyPanel

        await self.app.push_screen(PolicyPanel(self.policy))

    async def action_library(self) -> None:
        """l: the library; the keys typed after l wait until it lists the scenarios."""
        await self.open_library()

    async def open_library(self, *, at_login: bool = False) -> None:
        """The library; ``at_login``: it also says which scenarios have unsaved changes
        of an earlier session (a dropped link), to be opened to get them back."""
        from gebiedsplanner.ui.screens.library import LibraryScreen

        library = LibraryScreen(self.settings, at_login=at_login)
        await self.app.push_screen(library)
        await library.listed()

    async def action_help(self) -> None:
        from gebiedsplanner.ui.screens.help import HelpScreen

        rows = help_rows(self.ACTIONS) + list(texts.HELP_EXTRA_KEYS)
        await self.app.push_screen(HelpScreen(rows, intro=self.settings.rights.said))
