"""The planning tools in the app: choose a tool, set its parameters, see the preview, Enter.

The screen reads the scenario to offer choices and to preview (the core's
:mod:`~gebiedsplanner.core.tools`, the same code as the command line); it never
changes it. Enter hands the previewed :class:`ToolPlan` to the planner, which
applies it through the editing session as one undoable step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import NamedTuple, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static

from gebiedsplanner.core import tools
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import AmountInputError, format_amount
from gebiedsplanner.core.scenario import EditError, Scenario
from gebiedsplanner.core.tools.description import REASON, Given, Kind, Param, Tool
from gebiedsplanner.core.tools.plans import ToolPlan
from gebiedsplanner.core.tools.report import signed
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.screens.dialog import Dialog
from gebiedsplanner.ui.widgets.field import Field
from gebiedsplanner.ui.widgets.fitted_table import Fit, FittedTable
from gebiedsplanner.ui.widgets.preview import Preview

_V = TypeVar("_V")
#: A preview of more gebieden than this shows the first ones and counts the rest.
PREVIEW_ROWS = 500
#: Seconds a preview may take before the screen says it is being made anew.
STALE_AFTER = 0.3


class Fields(NamedTuple):
    """What the dialog's fields say: the tool, and each parameter's field as typed
    (``None``: left empty), by the parameter's name."""

    tool: str
    given: Mapping[str, Given]


def plan_for(scenario: Scenario, fields: Fields) -> ToolPlan:
    """The plan for ``fields``, read as the command line reads its options (the core
    refuses what cannot be); reads the scenario, never changes it."""
    return tools.tool_for(fields.tool).plan(scenario, fields.given)


class ParamRow(NamedTuple):
    """A row of fields below the tool choice, shown while the tool chosen has them."""

    id: str
    params: tuple[Param, ...]
    tools: frozenset[str]


def rows_of(every: Sequence[Tool]) -> tuple[tuple[Param, ...], tuple[ParamRow, ...]]:
    """The parameters beside the tool choice (those every tool has), and the rows below
    it: each tool's own parameters (fields first, then boxes), then a row for each
    parameter some tools share. A parameter is one field, whichever tools have it."""
    having = Counter(param.name for tool in every for param in tool.params)
    first: dict[str, Param] = {}
    for tool in every:
        for param in tool.params:
            first.setdefault(param.name, param)
    beside = tuple(param for name, param in first.items() if having[name] == len(every))
    rows = []
    for tool in every:
        own = [param for param in tool.params if having[param.name] == 1]
        own.sort(key=lambda param: param.kind is Kind.FLAG)
        if own:
            rows.append(ParamRow(f"{tool.code}-row", tuple(own), frozenset({tool.code})))
    for name, param in first.items():
        if 1 < having[name] < len(every):
            users = frozenset(
                tool.code for tool in every if any(p.name == name for p in tool.params)
            )
            rows.append(ParamRow(f"{name}-row", (param,), users))
    return beside, tuple(rows)


class ToolsScreen(Dialog[ToolPlan | None]):
    """Gereedschap: the planning tools, with a live preview.

    A full screen, not a modal: its parameter rows and preview use the whole 80x24 terminal.
    Enter applies from every field, a list opens with space or an arrow (see Dialog).
    The fields are made from the tools' parameters (:func:`rows_of`).
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
        self._beside, self._rows = rows_of(tools.every_tool())
        self._params = {
            param.name: param
            for param in (*self._beside, *(p for row in self._rows for p in row.params), REASON)
        }

    def compose(self) -> ComposeResult:
        yield Static(
            texts.TOOL_TITLE.format(name=literal(self.scenario.name)), id="tool-title", markup=False
        )
        with Horizontal(classes="tool-row"):
            yield _label(texts.TOOL_LABEL_TOOL)
            yield Select(
                [(Text(texts.TOOL_NAMES[code]), code) for code in tools.CODES],
                value=tools.CODES[0],
                allow_blank=False,
                compact=True,
                id="tool",
            )
            for param in self._beside:
                yield from self._field(param)
        for row in self._rows:
            with Horizontal(classes="tool-row", id=row.id):
                for param in row.params:
                    yield from self._field(param)
        with Horizontal(classes="tool-row"):
            yield from self._field(REASON)
        yield Static("", id="tool-reason", markup=False)
        yield FittedTable(_columns(""), id="tool-rows")
        yield Preview()
        with VerticalScroll(id="tool-notes-box"):
            yield Static("", id="tool-notes", markup=False)
        yield Static(texts.TOOL_KEYS, classes="keys", markup=False)

    def _field(self, param: Param) -> ComposeResult:
        """A parameter's label and field: a list for a year or a choice, a box for a
        flag, a text field for the rest."""
        if param.kind is Kind.FLAG:
            yield Checkbox(_text(param.label), compact=True, id=param.name)
            return
        yield _label(_text(param.label))
        field: Widget
        if param.kind is Kind.YEAR:
            years = self.scenario.years
            later = [year for year in years if year > self.year]
            start = (later[0] if later else years[-1]) if param.later else self.year
            field = _list([(Text(str(year)), year) for year in years], start, param.name)
        elif param.kind is Kind.CHOICE:
            choices = [(Text(param.choice_word(choice)), choice) for choice in param.choices]
            field = _list(choices, param.default or param.choices[0], param.name)
        else:
            field = Field(
                value=param.default or param.suggested or None,
                placeholder=_text(param.placeholder) if param.placeholder else "",
                compact=True,
                id=param.name,
            )
        yield field

    def on_mount(self) -> None:
        self._update()

    @on(Select.Changed)
    @on(Input.Changed)
    def _changed(self) -> None:
        self._update()

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        """Say ja or nee in words: the box alone looks alike either way without colour."""
        param = self._params[str(event.checkbox.id)]
        shown = param.label_on if event.value and param.label_on else param.label
        event.checkbox.label = _text(shown)
        self._update()

    def _update(self) -> None:
        """Show the chosen tool's rows, and have its preview made for what the fields say."""
        asked = self._fields()
        for row in self._rows:
            self.query_one(f"#{row.id}").display = asked.tool in row.tools
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
        given: dict[str, Given] = {}
        for name, param in self._params.items():
            if param.kind is Kind.FLAG:
                given[name] = self.query_one(f"#{name}", Checkbox).value
            elif param.kind in (Kind.YEAR, Kind.CHOICE):
                given[name] = str(self.query_one(f"#{name}", Select).value)
            else:
                given[name] = self.query_one(f"#{name}", Input).value.strip() or None
        return Fields(str(self.query_one("#tool", Select).value), given)

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


def _list(options: list[tuple[Text, _V]], value: _V, name: str) -> Select[_V]:
    return Select(options, value=value, allow_blank=False, compact=True, id=name)


def _text(name: str) -> str:
    return str(getattr(texts, name))


def _label(text: str) -> Static:
    return Static(text, classes="tool-label", markup=False)


def _columns(figure: str) -> tuple[Fit, ...]:
    header = [texts.TOOL_COLUMN_OWNER, *(c.format(figure=figure) for c in texts.TOOL_COLUMNS)]
    return (Fit(header[0], least=8), *map(Fit, header[1:]))
