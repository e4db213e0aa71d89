"""The planning tools in the app: choose a tool, set its parameters, see the preview, Enter.

The screen reads the scenario to offer choices and to preview (the core's
:mod:`~gebiedsplanner.core.tools`, the same code as the command line); it never
changes it. Enter hands the previewed :class:`ToolPlan` to the planner, which
applies it through the editing session as one undoable step.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Select, Static

from gebiedsplanner.core import audit
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import AmountInputError, format_amount, parse_euros, parse_percent
from gebiedsplanner.core.scenario import EditError, Scenario, post_label
from gebiedsplanner.core.tools.copy_year import copy_year
from gebiedsplanner.core.tools.couleur_locale import raise_couleur_locale
from gebiedsplanner.core.tools.distribute import KEYS, distribute
from gebiedsplanner.core.tools.fit import FIT_POSTS, fit
from gebiedsplanner.core.tools.plans import ToolPlan, resolve_holds
from gebiedsplanner.core.tools.report import signed
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.dialog import Dialog
from gebiedsplanner.ui.widgets.field import Field
from gebiedsplanner.ui.widgets.fitted_table import Fit, FittedTable
from gebiedsplanner.ui.widgets.preview import Preview

#: The parameter rows each tool shows (ids of the rows below the tool choice).
ROWS = {
    "distribute": ("distribute-row", "holds-row"),
    "fit": ("fit-row", "holds-row"),
    "couleur-locale": ("share-row", "holds-row"),
    "copy-year": ("copy-row",),
}
#: A preview of more gebieden than this shows the first ones and counts the rest.
PREVIEW_ROWS = 500
#: Seconds a preview may take before the screen says it is being made anew.
STALE_AFTER = 0.3


class Fields(NamedTuple):
    """What the dialog's fields say, as typed."""

    tool: str
    year: int
    key: str
    floor: str
    unit: str
    clear: bool
    post: str
    share: str
    to_year: int
    indexation: str
    holds: str
    reason: str


def plan_for(scenario: Scenario, fields: Fields) -> ToolPlan:
    """The plan for ``fields`` (the core refuses what cannot be); reads, never changes."""
    if fields.tool == "copy-year":
        index = parse_percent(fields.indexation or "0")
        return copy_year(
            scenario, fields.year, fields.to_year, index=index, reason=audit.reason(fields.reason)
        )
    holds = resolve_holds(scenario, fields.holds.split(","))
    if fields.tool == "fit":
        return fit(
            scenario, fields.year, post=fields.post, holds=holds, reason=audit.reason(fields.reason)
        )
    if fields.tool == "couleur-locale":
        return raise_couleur_locale(
            scenario,
            fields.year,
            min_share=parse_percent(fields.share),
            holds=holds,
            reason=audit.reason(fields.reason),
        )
    return distribute(
        scenario,
        fields.year,
        key=fields.key,
        holds=holds,
        floor=parse_euros(fields.floor) if fields.floor else None,
        clear=fields.clear,
        unit=parse_euros(fields.unit or "1"),
        reason=audit.reason(fields.reason),
    )


class ToolsScreen(Dialog[ToolPlan | None]):
    """Gereedschap: the four planning tools, with a live preview.

    A full screen, not a modal: its parameter rows and preview use the whole 80x24 terminal.
    Enter applies from every field, a list opens with space or an arrow (see Dialog).
    """

    AUTO_FOCUS = "#tool"

    def __init__(self, scenario: Scenario, year: int) -> None:
        super().__init__()
        self.scenario = scenario
        self.year = year
        self.plan: ToolPlan | None = None
        self._asked: Fields | None = None
        self._computing = False
        self._shown: Fields | None = None  # the fields of the preview on screen
        self._stale_notice: Timer | None = None

    def compose(self) -> ComposeResult:
        years = [(Text(str(year)), year) for year in self.scenario.years]
        later = [year for year in self.scenario.years if year > self.year]
        yield Static(
            texts.TOOL_TITLE.format(name=literal(self.scenario.name)), id="tool-title", markup=False
        )
        with Horizontal(classes="tool-row"):
            yield _label(texts.TOOL_LABEL_TOOL)
            yield Select(
                [(Text(label), code) for code, label in texts.TOOL_NAMES.items()],
                value="distribute",
                allow_blank=False,
                compact=True,
                id="tool",
            )
            yield _label(texts.TOOL_LABEL_YEAR)
            yield Select(years, value=self.year, allow_blank=False, compact=True, id="year")
        with Horizontal(classes="tool-row", id="distribute-row"):
            yield _label(texts.TOOL_LABEL_KEY)
            yield Select(
                [(Text(texts.KEY_LABELS[key]), key) for key in KEYS],
                value="begroting",
                allow_blank=False,
                compact=True,
                id="key",
            )
            yield _label(texts.TOOL_LABEL_FLOOR)
            yield Field(placeholder=texts.TOOL_FLOOR_PLACEHOLDER, compact=True, id="floor")
            yield _label(texts.TOOL_LABEL_UNIT)
            yield Field(value="1", compact=True, id="unit")
            yield Checkbox(texts.TOOL_LABEL_ALL, compact=True, id="all")
        with Horizontal(classes="tool-row", id="fit-row"):
            yield _label(texts.TOOL_LABEL_POST)
            yield Select(
                [(Text(post_label(post)), post) for post in FIT_POSTS],
                value=FIT_POSTS[0],
                allow_blank=False,
                compact=True,
                id="post",
            )
        with Horizontal(classes="tool-row", id="share-row"):
            yield _label(texts.TOOL_LABEL_SHARE)
            yield Field(value="10%", compact=True, id="share")
        with Horizontal(classes="tool-row", id="copy-row"):
            yield _label(texts.TOOL_LABEL_TO_YEAR)
            yield Select(
                years,
                value=later[0] if later else self.scenario.years[-1],
                allow_blank=False,
                compact=True,
                id="to-year",
            )
            yield _label(texts.TOOL_LABEL_INDEX)
            yield Field(value="0%", compact=True, id="index")
        with Horizontal(classes="tool-row", id="holds-row"):
            yield _label(texts.TOOL_LABEL_HOLDS)
            yield Field(placeholder=texts.TOOL_HOLDS_PLACEHOLDER, compact=True, id="holds")
        with Horizontal(classes="tool-row"):
            yield _label(texts.TOOL_LABEL_REASON)
            yield Field(placeholder=texts.REASON_PLACEHOLDER, compact=True, id="reason")
        yield Static("", id="tool-reason", markup=False)
        yield FittedTable(_columns(""), id="tool-rows")
        yield Preview()
        with VerticalScroll(id="tool-notes-box"):
            yield Static("", id="tool-notes", markup=False)
        yield Static(texts.TOOL_KEYS, classes="keys", markup=False)

    def on_mount(self) -> None:
        self._update()

    @on(Select.Changed)
    @on(Input.Changed)
    def _changed(self) -> None:
        self._update()

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        """Say ja or nee in words: the box alone looks alike either way without colour."""
        event.checkbox.label = texts.TOOL_LABEL_ALL_ON if event.value else texts.TOOL_LABEL_ALL
        self._update()

    def _update(self) -> None:
        """Show the chosen tool's rows, and have its preview made for what the fields say."""
        asked = self._fields()
        shown = ROWS[asked.tool]
        for row in {row for rows in ROWS.values() for row in rows}:
            self.query_one(f"#{row}").display = row in shown
        self._asked = asked
        if self._stale_notice is None:
            self._stale_notice = self.set_timer(STALE_AFTER, self._say_stale)
        if not self._computing:
            self._computing = True
            self._compute()

    @work(thread=True, group="tool-preview")
    def _compute(self) -> None:
        """Make previews off the UI thread until one matches the fields as they are.

        At national scale a preview takes a second; keys typed meanwhile only
        change what is asked next, so one thread computes at a time and the
        fields never wait.
        """
        while True:
            asked = self._asked
            assert asked is not None  # set before the first computation starts
            try:
                outcome: ToolPlan | str = plan_for(self.scenario, asked)
            except (AmountInputError, EditError) as error:
                outcome = str(error)
            if self.app.call_from_thread(self._computed, asked, outcome):
                return

    def _computed(self, asked: Fields, outcome: ToolPlan | str) -> bool:
        """Show a finished preview if it is for the current fields; False: compute again."""
        if asked != self._asked:
            return False
        self._computing = False
        self.plan = outcome if isinstance(outcome, ToolPlan) else None
        if isinstance(outcome, str):
            self.query_one(Preview).say(outcome, error=True)
            self.query_one("#tool-reason", Static).update("")
            self.query_one("#tool-rows", FittedTable).show([])
            self._show_notes([])
        else:
            self._show(outcome)
        self._shown = asked
        if self._stale_notice is not None:
            self._stale_notice.stop()
            self._stale_notice = None
        return True

    def _say_stale(self) -> None:
        """A preview that takes a while: say that what shows is for the fields as they were."""
        self._stale_notice = None
        if self._computing:
            self.query_one(Preview).say(texts.TOOL_PREVIEW_STALE, error=True)

    def _fields(self) -> Fields:
        def text(field: str) -> str:
            return self.query_one(f"#{field}", Input).value.strip()

        def choice(field: str) -> str:
            return str(self.query_one(f"#{field}", Select).value)

        return Fields(
            tool=choice("tool"),
            year=int(choice("year")),
            key=choice("key"),
            floor=text("floor"),
            unit=text("unit"),
            clear=self.query_one("#all", Checkbox).value,
            post=choice("post"),
            share=text("share"),
            to_year=int(choice("to-year")),
            indexation=text("index"),
            holds=text("holds"),
            reason=text("reason"),
        )

    def _show(self, plan: ToolPlan) -> None:
        self.query_one("#tool-reason", Static).update(literal(plan.heading))
        table = self.query_one("#tool-rows", FittedTable)
        if table.fits != _columns(plan.figure):
            table.fits = _columns(plan.figure)
        table.show(
            [
                Text(literal(row.owner)),
                Text(format_amount(row.old), justify="right"),
                Text(format_amount(row.new), justify="right"),
                Text(signed(row.change), justify="right"),
                Text(row.mark),
            ]
            for row in plan.rows[:PREVIEW_ROWS]
        )
        notes = list(plan.notes)
        if len(plan.rows) > PREVIEW_ROWS:
            notes.insert(
                0,
                texts.TOOL_ROWS_CUT.format(shown=PREVIEW_ROWS, count=format_amount(len(plan.rows))),
            )
        self.query_one(Preview).say(plan.check, error=not plan.sound)
        self._show_notes(notes)

    def _show_notes(self, notes: list[str]) -> None:
        self.query_one("#tool-notes", Static).update("\n".join(notes))
        self.query_one("#tool-notes-box").display = bool(notes)

    def action_submit(self) -> None:
        """Enter: hand the plan on screen to the planner; say why when there is none.

        Only what the user has seen is applied: while the preview for the fields
        as they are now is still being made, Enter says so and applies nothing.
        """
        if self._computing or self._shown != self._fields():
            self.notify(texts.TOOL_PREVIEW_PENDING, severity="warning", markup=False)
            return
        if self.plan is None:
            return
        if not self.plan.changes or not self.plan.sound:
            self.notify(texts.TOOL_NOTHING_APPLIED, severity="warning", markup=False)
            return
        self.dismiss(self.plan)


def _label(text: str) -> Static:
    return Static(text, classes="tool-label", markup=False)


def _columns(figure: str) -> tuple[Fit, ...]:
    header = [texts.TOOL_COLUMN_OWNER, *(c.format(figure=figure) for c in texts.TOOL_COLUMNS)]
    return (Fit(header[0], least=8), *map(Fit, header[1:]))
