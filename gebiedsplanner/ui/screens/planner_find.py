"""The planner's finding: search gebied names as one types (``/``, then ``n`` and ``N``)
and go to a gebied by name (``:`` or ctrl+g).

Imported when one of those keys is first pressed, not at startup. The names are
folded once per scenario (:class:`NameIndex`); where a gebied is shown is asked
of the table on screen (``row_of``), so a sorted table is searched in the
order it shows.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import Container
from textual.screen import Screen
from textual.widget import Widget

from gebiedsplanner.core.find import NameIndex, quoted
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.keys import caught_up
from gebiedsplanner.ui.widgets.budget_grid import BudgetGrid
from gebiedsplanner.ui.widgets.find_line import (
    FindLine,
    FindMode,
    NameSuggester,
    go_to_hint,
    search_hint,
    search_hit,
)
from gebiedsplanner.ui.widgets.key_line import KeyLine

#: Names a message lists when several match what was typed.
NAMES_LISTED = 3
#: Seconds the notice that a search went round the end stays (it says little).
WRAPPED_SECONDS = 2.0


class Finder:
    """The find line of one planner screen, and the cursor it moves there.

    The planner passes its keys on: ``/``, ``:``, ``n``, ``N``, and Enter and Escape
    while the line is open.
    """

    def __init__(self, screen: Screen[None], scenario: Callable[[], Scenario]) -> None:
        self.screen = screen
        self._scenario = scenario
        self.line: FindLine | None = None
        self.last = ""
        """The text of the last search (Enter), for ``n`` and ``N``."""
        self._origin = (0, 0)
        self._index: NameIndex | None = None
        self._indexed: Scenario | None = None

    @property
    def open(self) -> bool:
        """The find line is on screen (in place of the key line)."""
        return self.line is not None and self.line.display

    def owns(self, widget: Widget) -> bool:
        """``widget`` is part of the find line (the focus there keeps it open)."""
        return self.line is not None and widget.parent is self.line

    @property
    def grid(self) -> BudgetGrid:
        return self.screen.query_one(BudgetGrid)

    def index(self) -> NameIndex:
        """The names of the scenario shown, folded once (again only for another scenario)."""
        scenario = self._scenario()
        if (
            self._index is None
            or self._indexed is not scenario
            or (len(self._index) != len(scenario.gebieden))
        ):
            self._index, self._indexed = NameIndex(scenario.gebieden), scenario
        return self._index

    # -- opening and closing ----------------------------------------------------

    async def start(self, mode: FindMode) -> None:
        """Open the line for ``mode``, made and mounted the first time."""
        if self.line is None:
            self.line = FindLine(id="find-line")
            await self.screen.query_one("#bottom-line", Container).mount(self.line)
        grid = self.grid
        self._origin = (grid.cursor_row, grid.cursor_column)
        self.screen.query_one(KeyLine).display = False
        self.line.display = True
        index = self.index()  # made now, while the keys typed after this one wait
        if mode is FindMode.SEARCH:
            index.read(grid.view)
        self.line.start(mode, NameSuggester(index) if mode is FindMode.GO_TO else None)

    def close(self) -> None:
        """Give the key line its place back; the cursor stays where it is."""
        if self.line is not None:
            self.line.display = False
        self.screen.query_one(KeyLine).display = True
        # Not grid.focus(), which repaints all of it; the cursor is in view.
        self.screen.set_focus(self.grid, scroll_visible=False)

    async def cancel(self) -> None:
        """Escape: close, and a search puts the cursor back where it was."""
        assert self.line is not None
        await self._caught_up()
        self.close()
        if self.line.mode is FindMode.SEARCH:
            self.grid.move_cursor_to(*self._origin)

    async def _caught_up(self) -> None:
        """Wait until what was typed before this key has been taken and acted on (the
        characters in the field, their ``Changed`` message at the screen)."""
        assert self.line is not None
        line = self.line
        ancestors = [line, *line.ancestors]  # up to the screen: the app runs this very key
        await caught_up([*line.query("*"), *ancestors[: ancestors.index(self.screen) + 1]])

    # -- searching --------------------------------------------------------------

    def typed(self, text: str) -> None:
        """The text in the line changed: a search moves the cursor at once, a go-to says
        where Enter will lead."""
        if not self.open:
            return
        assert self.line is not None
        if self.line.mode is FindMode.SEARCH:
            self._search(text)
        else:
            self._preview_go_to(text)

    def _search(self, text: str) -> bool:
        """The cursor to the first gebied from where the search began that matches
        ``text`` (or back there when none does); ``False`` when none does."""
        assert self.line is not None
        grid = self.grid
        row, _ = self._origin
        hit = self.index().find(text, grid.view, row, 1, here=True) if text else None
        if hit is None:
            grid.move_cursor_to(*self._origin)
            if text:
                self.line.say(texts.FIND_NO_MATCH.format(text=quoted(text)), error=True)
            else:
                self.line.say(search_hint())
            return False
        grid.go_to_row(hit.row)
        name = quoted(grid.view.gebied_at(hit.row) or "")
        self.line.say(search_hit(name, hit.number, hit.matches))
        return True

    async def enter(self) -> None:
        """Enter: a search stays where it is (an empty one repeats the last search); a
        go-to goes to the gebied named, or says which are near."""
        assert self.line is not None
        await self._caught_up()
        text = await self.line.text()
        if self.line.mode is FindMode.GO_TO:
            self._go_to(text)
            return
        if not text:
            text = self.last
        found = self._search(text) if text else True
        self.close()
        if text:
            self.last = text
        if not found:
            self.screen.notify(
                texts.FIND_NO_MATCH.format(text=quoted(text)), severity="warning", markup=False
            )

    def next(self, step: int) -> None:
        """``n`` (1) or ``N`` (-1): the next or previous gebied matching the last search,
        round the end with a notice that says so."""
        if not self.last:
            self.screen.notify(texts.SEARCH_NOTHING, severity="warning", markup=False)
            return
        grid = self.grid
        hit = self.index().find(self.last, grid.view, grid.cursor_row, step, here=False)
        if hit is None:
            message = texts.FIND_NO_MATCH.format(text=quoted(self.last))
            self.screen.notify(message, severity="warning", markup=False)
            return
        grid.go_to_row(hit.row)
        if hit.wrapped:
            wrapped = texts.SEARCH_WRAPPED_DOWN if step > 0 else texts.SEARCH_WRAPPED_UP
            self.screen.notify(wrapped, timeout=WRAPPED_SECONDS, markup=False)

    # -- going to a name --------------------------------------------------------

    def _target(self, text: str) -> tuple[str | None, list[str]]:
        """Where Enter leads for ``text``: the gebied named, else the one the line completes
        to, else the only one containing it; with every name containing it."""
        index = self.index()
        name = index.exact(text) or index.completion(text.strip())
        matching = index.matching(text.strip()) if text.strip() else []
        if name is None and len(matching) == 1:
            name = matching[0]
        return name, matching

    def _listed(self, names: list[str]) -> str:
        shown = [quoted(name) for name in names[:NAMES_LISTED]]
        return ", ".join(shown) + (", …" if len(names) > NAMES_LISTED else "")

    def _preview_go_to(self, text: str) -> None:
        assert self.line is not None
        if not text.strip():
            self.line.say(go_to_hint())
            return
        name, matching = self._target(text)
        if name is not None:
            self.line.say(texts.GO_TO_TARGET.format(name=quoted(name)))
        elif matching:
            self.line.say(
                texts.GO_TO_SEVERAL.format(
                    count=len(matching), text=quoted(text.strip()), names=self._listed(matching)
                )
            )
        else:
            self.line.say(texts.FIND_NO_MATCH.format(text=quoted(text.strip())), error=True)

    def _go_to(self, text: str) -> None:
        """Go to the gebied ``text`` leads to; else say why not, with the nearest names, and
        keep the line open to type on."""
        assert self.line is not None
        if not text.strip():
            self.close()
            return
        name, matching = self._target(text)
        row = None if name is None else self.grid.view.row_of(name)
        if row is not None:
            self.close()
            self.grid.go_to_row(row)
            return
        if matching:
            names = self._listed(matching)
            message = texts.GO_TO_SEVERAL.format(
                count=len(matching), text=quoted(text.strip()), names=names
            )
            self.line.say(message, error=True)
            self.screen.notify(message, severity="warning", markup=False)
            return
        self.line.say(texts.GO_TO_UNKNOWN.format(text=quoted(text.strip())), error=True)
        index, app = self.index(), self.screen.app

        def look() -> None:
            app.call_from_thread(self._nearest_found, text, index.nearest(text))

        self.screen.run_worker(look, thread=True, exclusive=True, group="nearest-gebieden")

    def _nearest_found(self, text: str, nearest: list[str]) -> None:
        """An unknown name's nearest names, found in a worker (at 20.000 gebieden that
        takes a good part of a second): said with it, unless the line moved on meanwhile."""
        line = self.line
        if line is None or not self.open or line.mode is not FindMode.GO_TO or line.value != text:
            return
        message = texts.GO_TO_UNKNOWN.format(text=quoted(text.strip()))
        if nearest:
            message += texts.GO_TO_NEAREST.format(names=self._listed(nearest))
        line.say(message, error=True)
        self.screen.notify(message, severity="warning", markup=False)
