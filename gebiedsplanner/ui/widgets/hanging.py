"""Lines that wrap under their own text, not at column 0.

The comparison's explanation is a list: ``  + € 50.000 Charlois gebiedsopdracht →
couleur locale 2017: extra bewonersinitiatieven (jan, 02-01-2026 03:04)``. At 80
columns an entry takes two or three lines, and wrapped at column 0 the list loses
its shape: the next ``+`` no longer stands out. Here a line's continuation starts
under its text, after the indent and the ``+`` or ``-`` that opens it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions
from rich.text import Text

MARKS = ("+ ", "- ")


def hanging_indent(line: str) -> int:
    """Columns before the text of ``line``: its leading spaces and a ``+``/``-`` mark."""
    text = line.lstrip(" ")
    indent = len(line) - len(text)
    return indent + 2 if text.startswith(MARKS) else indent


class Hanging:
    """A rich renderable: each line wrapped to the width there is, continuing under its text."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = options.max_width
        for line in self.lines:
            indent = hanging_indent(line)
            if indent >= width // 2:  # no room to hang: wrap as it comes
                indent = 0
            parts = Text(line[indent:]).wrap(console, width - indent)
            for number, part in enumerate(parts):
                head = line[:indent] if number == 0 else " " * indent
                yield Text.assemble(head, part, end="\n")
