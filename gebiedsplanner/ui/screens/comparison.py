"""Comparing scenarios: differences, totals against the envelope, the explaining changes, bars.

Every text comes from :mod:`gebiedsplanner.core.compare_report`, so the screen
shows exactly what ``gebiedsplanner compare`` prints. Its keys are taken in the
order typed (:class:`~gebiedsplanner.ui.keys.InTurn`): ``Esc ↑ Enter`` goes back to
the library, moves up there and opens that scenario.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import ContentSwitcher, Static

from gebiedsplanner.core.compare_report import (
    bar_lines,
    explanation_lines,
    legend,
    totals_lines,
)
from gebiedsplanner.core.compare_table import CompareTable
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import Settings
from gebiedsplanner.ui.actions import ActionSpec, bindings, help_rows
from gebiedsplanner.ui.keys import InTurn
from gebiedsplanner.ui.screens.export_dialog import (
    XLSX,
    ExportDialog,
    ExportRequest,
    Fetching,
    run_export,
)
from gebiedsplanner.ui.screens.help import HelpScreen
from gebiedsplanner.ui.widgets.compare_grid import CompareGrid
from gebiedsplanner.ui.widgets.fitted_table import Fit, FittedTable
from gebiedsplanner.ui.widgets.hanging import Hanging
from gebiedsplanner.ui.widgets.key_line import KeyLine

if TYPE_CHECKING:
    from gebiedsplanner.exports.formats import Format

COMPARISON_ACTIONS: tuple[ActionSpec, ...] = tuple(
    ActionSpec(*spec)
    for spec in (
        ("1", "view('rows')", "KEY_VIEW_ROWS", "HELP_VIEW_ROWS", True, "1-4", "KEY_VIEWS"),
        ("2", "view('totals')", "KEY_VIEW_TOTALS", "HELP_VIEW_TOTALS", False),
        ("3", "view('explain')", "KEY_VIEW_EXPLAIN", "HELP_VIEW_EXPLAIN", False),
        ("4", "view('bars')", "KEY_VIEW_BARS", "HELP_VIEW_BARS", False),
        ("o", "toggle_only_changes", "KEY_ONLY_CHANGES", "HELP_ONLY_CHANGES", True),
        ("s", "toggle_sort", "KEY_SORT", "HELP_SORT", True),
        ("right_square_bracket,j", "year(1)", "KEY_NEXT_YEAR", "HELP_BARS_YEAR", False),
        ("left_square_bracket,J", "year(-1)", "KEY_PREV_YEAR", "HELP_BARS_YEAR", False),
        ("e", "export", "KEY_EXPORT", "HELP_EXPORT_COMPARISON", True),
        ("question_mark,f1", "help", "KEY_HELP", "HELP_HELP", True),
        ("escape", "back", "KEY_BACK", "HELP_BACK", True),
    )
)


def _row_columns(table: CompareTable) -> list[Fit]:
    """Gebied and post give way in a narrow terminal, year and amounts are never cut.

    The bars view (``4``) names every gebied whole.
    """
    gebied, post, *rest = table.headers
    return [Fit(gebied, cap=30, least=12), Fit(post, cap=30, least=15), *map(Fit, rest)]


def _plain(cells: list[str], left: int) -> list[Text]:
    """Cells shown literally; the first ``left`` are text, the rest numbers (right-aligned)."""
    return [
        Text(cell, justify="left" if index < left else "right") for index, cell in enumerate(cells)
    ]


class ComparisonScreen(InTurn[None]):
    """A base against its variants.

    The table arrives made (:meth:`CompareTable.prepare` ran off the UI thread), so
    that no key here waits for every row to be measured.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("comparison", COMPARISON_ACTIONS, turn=True)
    ACTIONS = COMPARISON_ACTIONS

    def __init__(self, table: CompareTable, settings: Settings, paths: Sequence[Path] = ()) -> None:
        """``paths``: the base's and the variants' files, for the ssh command that
        fetches the comparison's export over ``ssh-serve``."""
        super().__init__()
        self.settings = settings
        self.paths = tuple(paths)
        self.table = table
        self.comparison = comparison = table.comparison
        self.only_changes = True
        self.largest_first = False
        self.year = comparison.years[0]

    def compose(self) -> ComposeResult:
        yield Static("\n".join(legend(self.comparison)), id="legend", markup=False)
        yield Static("", id="state", markup=False)
        with ContentSwitcher(initial="rows", id="views"):
            yield CompareGrid(self.table, _row_columns(self.table), left=3, id="rows")
            yield FittedTable(list(map(Fit, texts.COMPARE_TOTALS_HEADERS)), id="totals")
            with VerticalScroll(id="explain"):
                yield Static(Hanging(explanation_lines(self.comparison)))
            with VerticalScroll(id="bars"):
                yield Static("", id="bar-lines", markup=False)
        yield KeyLine(COMPARISON_ACTIONS)

    def on_mount(self) -> None:
        totals = self.query_one("#totals", FittedTable)
        totals.show(_plain(row, left=2) for row in totals_lines(self.comparison))
        self._fill_rows()
        self._fill_bars()
        self.set_focus(self.query_one("#rows", CompareGrid))

    def _fill_rows(self) -> None:
        only_changes = self.only_changes
        rows = self.table.order(only_changes=only_changes, largest_first=self.largest_first)
        widths = self.table.widths(only_changes=only_changes)
        self.query_one("#rows", CompareGrid).show(rows, widths)
        state = texts.COMPARE_STATE.format(
            shown=len(rows),
            total=self.comparison.size,
            filter=texts.STATE_ONLY_CHANGES if self.only_changes else texts.STATE_ALL,
            order=texts.STATE_LARGEST if self.largest_first else texts.STATE_FILE_ORDER,
        )
        self.query_one("#state", Static).update(state)

    def _fill_bars(self) -> None:
        width = max(40, self.size.width - 4) if self.size.width else 76
        lines = [texts.BARS_TITLE.format(year=self.year), ""]
        lines += bar_lines(self.comparison, self.year, width=width)
        self.query_one("#bar-lines", Static).update("\n".join(lines))

    def action_view(self, name: str) -> None:
        """1-4: show a view and focus it at once (the keys after it go there)."""
        self.query_one(ContentSwitcher).current = name
        self.set_focus(self.query_one(f"#{name}"))

    def action_toggle_only_changes(self) -> None:
        self.only_changes = not self.only_changes
        self._fill_rows()

    def action_toggle_sort(self) -> None:
        self.largest_first = not self.largest_first
        self._fill_rows()

    def action_year(self, step: int) -> None:
        years = self.comparison.years
        self.year = years[(years.index(self.year) + step) % len(years)]
        self._fill_bars()

    async def action_help(self) -> None:
        await self.app.push_screen(HelpScreen(help_rows(self.ACTIONS)))

    def action_back(self) -> None:
        self.dismiss(None)

    async def action_export(self) -> None:
        def chosen(request: ExportRequest | None) -> None:
            if request is None:
                return
            comparison, only_changes = self.comparison, self.only_changes

            def build() -> tuple[bytes, int]:
                from gebiedsplanner.core.compare import CSV_HEADER, csv_rows
                from gebiedsplanner.exports.csv_export import Dialect, rows_to_csv

                if request.dialect == XLSX:
                    from gebiedsplanner.exports.workbook import comparison_parts, workbook_bytes

                    parts = comparison_parts(comparison, only_changes=only_changes)
                    return workbook_bytes(parts), parts.rows
                rows = csv_rows(comparison, only_changes=only_changes)
                return rows_to_csv(CSV_HEADER, rows, Dialect(request.dialect)), len(rows)

            run_export(self, request, build, texts.COMPARE_WRITTEN)

        dialog = ExportDialog(
            self.settings,
            texts.COMPARE_FILE,
            layouts=False,
            workbook=True,
            fetching=self._fetching(),
        )
        await self.app.push_screen(dialog, chosen)

    def _fetching(self) -> Fetching | None:
        """Over ``ssh-serve``: how the comparison's export is fetched with ssh."""
        served_at = self.settings.served_at
        if served_at is None:
            return None
        from gebiedsplanner.exports.fetching import compare_words, served_name

        names = [served_name(path, self.settings) for path in self.paths]
        only_changes = self.only_changes
        if not names or any(name is None for name in names):
            return Fetching(served_at, None)
        served = [name for name in names if name is not None]

        def words(form: Format, layout: str, dialect: str) -> list[str]:
            return compare_words(served, form, dialect, only_changes=only_changes)

        return Fetching(served_at, words)
