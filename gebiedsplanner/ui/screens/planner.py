"""The main screen: the table for one year, the totals, and every planning action.

Attributes down, messages up: the screen owns the :class:`EditingSession`,
asks it to make each change (it journals the change before returning), then
tells the grid which rows to repaint and the totals bar what to show. Saving,
exporting, the editing notes and reading an ended session's journal run in
thread workers; the journal append (one fsynced line per change) stays on the
UI thread, so a change is on disk before it shows. Problems go to the app's one
error reporter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Static

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.rights import Need
from gebiedsplanner.core.scenario import EditError, action_label
from gebiedsplanner.core.table_view import TableView, counting_totals_text, totals_text
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
        ActionSpec("ctrl+z", "undo", "KEY_UNDO", "HELP_UNDO", False, needs=_CHANGES),
        ActionSpec("ctrl+y", "redo", "KEY_REDO", "HELP_REDO", False, needs=_CHANGES),
        ("right_square_bracket,j", "year(1)", "KEY_NEXT_YEAR", "HELP_NEXT_YEAR", True),
        ("left_square_bracket,J", "year(-1)", "KEY_PREV_YEAR", "HELP_PREV_YEAR", False),
        ("k", "toggle_thousands", "KEY_THOUSANDS", "HELP_THOUSANDS", False),
        ("y", "copy_amount", "KEY_COPY", "HELP_COPY", False),
        ActionSpec("ctrl+s", "save", "KEY_SAVE", "HELP_SAVE", True, needs=_WRITES),
        ActionSpec("S", "save_as", "KEY_SAVE_AS", "HELP_SAVE_AS", False, needs=_WRITES),
        ("e", "export", "KEY_EXPORT", "HELP_EXPORT", True),
        ("h", "history", "KEY_HISTORY", "HELP_HISTORY", False),
        ("b", "policy", "KEY_POLICY", "HELP_POLICY", False),
        ("v", "chart", "KEY_CHART", "HELP_CHART", False),
        ("l", "library", "KEY_LIBRARY", "HELP_LIBRARY", True),
        ("question_mark,f1", "help", "KEY_HELP", "HELP_HELP", True),
        ("q", "app.quit", "KEY_QUIT", "HELP_QUIT", False),
    )
)

_OWN_ACTIONS = frozenset(spec.action.partition("(")[0] for spec in PLANNER_ACTIONS)


class PlannerScreen(PlannerFiles):
    """One scenario, one year at a time."""

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
        self.policy = PolicyCheck(document.scenario)
        """Where the plan breaks the scenario's rules, kept current by :meth:`_record`."""
        self.ACTIONS = usable(PLANNER_ACTIONS, settings.rights)
        """The actions this session may use: its key line, help and command palette."""

    # -- state -------------------------------------------------------------

    def _view(self) -> TableView:
        return TableView(
            self.document.scenario,
            self.year,
            self.thousands,
            self.policy,
            complete=not self.reading,
        )

    # -- layout ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="title-line"):
            yield Static("", id="title", markup=False)
            yield Figure(id="dirty")
        yield BudgetGrid(self._view(), id="grid")
        yield TotalsBar(id="totals")
        with Container(id="bottom-line"):  # keeps the swap below from moving anything above
            yield EditLine(id="edit-line")
            yield KeyLine(self.ACTIONS, id="keys")

    def on_mount(self) -> None:
        # Never dirty: the marker's place goes to the title.
        self.query_one("#dirty").display = not self.settings.rights.read_only
        self._show_totals()
        self._show_title()
        self.query_one(BudgetGrid).focus()
        if not self.reading:
            self._begin()

    def _show_totals(self) -> None:
        scenario = self.document.scenario
        self.query_one(TotalsBar).show(
            counting_totals_text(scenario, self.year, self.thousands)
            if self.reading
            else totals_text(scenario, self.year, self.thousands, self.policy)
        )

    def _show_title(self) -> None:
        scenario = self.document.scenario
        position = scenario.years.index(self.year) + 1
        unit = texts.UNIT_THOUSANDS if self.thousands else texts.TITLE_UNIT_EUROS
        parts = TitleParts(
            literal(scenario.name),
            texts.TITLE_YEAR.format(year=self.year, index=position, count=len(scenario.years)),
            texts.TITLE_YEAR_ONLY.format(year=self.year),
            (texts.TITLE_UNIT.format(unit=unit),)
            + ((texts.TITLE_EXAMPLE,) if self.document.path is None else ()),
            tuple(self.session.rights.title_forms()),
            # Last: what the adviser may change matters more (the totals and the table
            # say they are counted too).
            texts.TITLE_READING if self.reading else "",
        )
        self.query_one("#title", Static).update(Title(parts))
        self._show_dirty()

    def _show_dirty(self) -> None:
        """The unsaved-changes marker: its own small widget, so an edit repaints just that."""
        self.query_one("#dirty", Figure).set(texts.TITLE_DIRTY if self.dirty else "")

    # -- editing -------------------------------------------------------------

    @property
    def editing(self) -> bool:
        """The edit line is open (it stands in for the footer)."""
        return self.query_one(EditLine).display

    def _show_edit_line(self, show: bool) -> None:
        """Swap the footer and the edit line: the same line, so nothing else moves.

        Toggled on the two widgets, not by a class on the screen: restyling the
        screen repaints all of it (10 KB over SSH instead of one line).
        """
        self.query_one(KeyLine).display = not show
        self.query_one(EditLine).display = show

    async def action_edit(self) -> None:
        """Enter: open the edit line on the cell under the cursor, or apply what it holds."""
        edit_line = self.query_one(EditLine)
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
        edit_line.start(cell, self.document.scenario.amount(cell))

    def action_cancel_edit(self) -> None:
        """Escape: close the edit line, changing nothing."""
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
        elsewhere = widget.parent is not self.query_one(EditLine)
        if self.editing and widget is self.focused and elsewhere:
            self._stop_editing()

    def _stop_editing(self) -> None:
        self._show_edit_line(False)
        # Not grid.focus(), which repaints all of it; no scrolling either: the cursor is in view.
        self.set_focus(self.query_one(BudgetGrid), scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the edit line is open, Enter and Escape are its keys; the planner's others
        are text (its bindings have priority, so they would otherwise win over the input)."""
        if action == "cancel_edit":
            return self.editing
        return action == "edit" or not self.editing or action not in _OWN_ACTIONS

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

        await self.app.push_screen(ToolsScreen(self.document.scenario, self.year), apply)

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
        self._show_totals()
        self._show_dirty()
        return True

    # -- view ----------------------------------------------------------------

    def action_year(self, step: int) -> None:
        years = self.document.scenario.years
        self.year = years[(years.index(self.year) + step) % len(years)]
        self._reshow()

    def action_toggle_thousands(self) -> None:
        self.thousands = not self.thousands
        self._reshow()

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
        else:
            self.policy = PolicyCheck(self.document.scenario)
            view = self._view()
        self.query_one(BudgetGrid).show(view)
        self._show_totals()
        self._show_title()

    async def action_history(self) -> None:
        grid = self.query_one(BudgetGrid)
        cell = grid.view.cell_at(grid.cursor_row, grid.cursor_column)
        from gebiedsplanner.ui.screens.history import HistoryScreen

        await self.app.push_screen(HistoryScreen(self.document.scenario.log, cell))

    async def action_chart(self) -> None:
        """v: the plan as bars, for the year shown."""
        from gebiedsplanner.ui.screens.chart import ChartScreen

        await self.app.push_screen(ChartScreen(self.document.scenario, self.year))

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
