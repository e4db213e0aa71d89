"""The planner's find line: search gebied names (``/``) or go to one (``:``), in place.

Like the edit line, it takes the key line's place while open, so the table and
the totals keep theirs: opening it and typing repaint one line. It is made the
first time it is needed (startup does not pay for it). Enter and Escape are the
planner's, as for the edit line.
"""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import Suggester
from textual.widgets import Static

from gebiedsplanner.core.find import NameIndex
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.keys import caught_up
from gebiedsplanner.ui.widgets.field import Field
from gebiedsplanner.ui.widgets.preview import Longest, Preview


def search_hint() -> Longest:
    """What the keys do while searching, as much as fits whole (60 columns: Enter and Esc)."""
    return Longest((texts.SEARCH_HINT, texts.SEARCH_HINT_SHORT, texts.SEARCH_HINT_SHORTEST))


def go_to_hint() -> Longest:
    """What the keys do while going to a gebied, as much as fits whole."""
    return Longest((texts.GO_TO_HINT, texts.GO_TO_HINT_SHORT, texts.GO_TO_HINT_SHORTEST))


def search_hit(name: str, number: int, count: int) -> Longest:
    """The gebied found and its place among the matches; the keys if they fit whole."""
    forms = (texts.SEARCH_HIT, texts.SEARCH_HIT_SHORT, texts.SEARCH_HIT_SHORTEST)
    shown = [form.format(name=name, number=number, count=count) for form in forms]
    return Longest(shown, cut_last=True)


class FindMode(Enum):
    """What the line is for: a search as one types (``/``), or going to a name (``:``)."""

    SEARCH = "search"
    GO_TO = "go_to"


class NameSuggester(Suggester):
    """Completes a gebied's name as it is typed (case and accents do not count)."""

    def __init__(self, index: NameIndex) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self.index = index

    async def get_suggestion(self, value: str) -> str | None:
        name = self.index.completion(value)
        return None if name is None else self.index.shown[name]


class FindLine(Horizontal):
    """One line: what it is for, the text typed, and where it leads (or why nowhere)."""

    DEFAULT_CSS = """
    FindLine { height: 1; background: $panel; }
    FindLine > #find-label { width: auto; padding: 0 1; text-style: bold; }
    FindLine > Input { width: 16; }
    FindLine > Preview { width: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    FindLine > Preview.error { color: $text-error; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mode = FindMode.SEARCH

    def compose(self) -> ComposeResult:
        yield Static("", id="find-label", markup=False)
        yield Field(id="find-text", compact=True, select_on_focus=False)
        yield Preview()

    def start(self, mode: FindMode, suggester: Suggester | None = None) -> None:
        """Begin a search or a go-to with an empty field that has the focus."""
        self.mode = mode
        search = mode is FindMode.SEARCH
        self.query_one("#find-label", Static).update(
            texts.SEARCH_LABEL if search else texts.GO_TO_LABEL
        )
        field = self.query_one(Field)
        field.cursor_blink = False  # an idle line writes nothing to the terminal
        field.suggester = suggester
        field.placeholder = texts.SEARCH_PLACEHOLDER if search else texts.GO_TO_PLACEHOLDER
        field.value = ""
        self.say(search_hint() if search else go_to_hint())
        # At once: ``Widget.focus`` waits its turn, and keys typed meanwhile go elsewhere.
        self.screen.set_focus(field, scroll_visible=False)

    @property
    def value(self) -> str:
        """What the field holds now."""
        return self.query_one(Field).value

    async def text(self) -> str:
        """What is typed, once the field has taken every key sent to it (Enter is taken
        the moment it arrives, the characters before it in the field's own time)."""
        field = self.query_one(Field)
        await caught_up([field])
        return field.value

    def say(self, text: str | Longest, *, error: bool = False) -> None:
        """Show ``text`` after the field (plain text: a typed ``[bold]`` shows as typed)."""
        self.query_one(Preview).say(text, error=error)
