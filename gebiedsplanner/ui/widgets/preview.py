"""The line under a dialog's input that says what will happen, or why it can't."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.text import Text
from textual.widgets import Static


class Longest:
    """The first of ``choices`` (longest first) that fits the width whole, or nothing.

    For a hint that a narrow line would cut (``Tab: toelichting ·…``, issue 26): it
    drops its least needed parts instead, chosen anew at each width. ``cut_last``: when
    none fits, the last is shown as far as it goes (a message says something even cut).
    """

    def __init__(self, choices: Sequence[str], *, cut_last: bool = False) -> None:
        self.choices = tuple(choices)
        self.cut_last = cut_last

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        fitting = (text for text in self.choices if cell_len(text) <= options.max_width)
        shown = next(fitting, self.choices[-1] if self.cut_last and self.choices else "")
        yield Text(shown, no_wrap=True, overflow="ellipsis")


class Preview(Static):
    """Plain text (never markup); styled as an error when it explains a refusal."""

    def __init__(self, text: str = "", *, id: str = "preview") -> None:
        super().__init__(text, id=id, classes="preview", markup=False)

    def say(self, text: str | Longest, *, error: bool = False) -> None:
        """Show ``text``; ``error`` when it explains why the input cannot be used."""
        self.update(text)
        self.set_class(error, "error")
