"""The planner's title, fitted to its width: the year and what the session may change whole.

At 80 columns the title has 60 (the unsaved-changes marker keeps 18 beside it), at 60
columns 40: ``NRW basis 2016-2019 · 2016 (1/4) · € · voorbeeld · mag wijzigen:`` was
cut after its last word's colon (issue 26). So the title gives up, in this order: the
scenario's name down to a few letters, the unit and the example's mark (the table's
header says the unit), the year's place among the years, names of the gebieden it may
change (``Charlois +2``, then ``3 gebieden``; the help screen names them all); in the
all-years view the post, then all of its year part; and only then the name's last
letters. What is shown is always whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions
from rich.text import Text

#: The fewest letters of a scenario's name the title keeps while it can give up other parts.
NAME_KEPT = 12


class TitleParts(NamedTuple):
    """The title's parts, each beginning with its separator (`` · 2016 (1/4)``)."""

    name: str
    year: str
    """The year and its place among the years: `` · 2016 (1/4)``."""
    year_short: str
    """The year alone: `` · 2016``."""
    extras: tuple[str, ...]
    """Given up first: the unit, the example's mark."""
    rights: tuple[str, ...]
    """What the session may change, longest first (none without limits)."""
    tail: str = ""
    """Last, given up with the extras: that the file is still being read."""
    year_shortest: str | None = None
    """Where the year part may go too, what is left of it (``""``); ``None`` keeps it: the
    all-years view's table says the post and the years, its title need not at 60 columns."""


def fitted(parts: TitleParts, width: int) -> tuple[str, str]:
    """The name as shown and the rest, for a title ``width`` columns wide.

    What the session may change is shown as fully as fits: a shorter form of the year
    (``2016`` without its place) comes before fewer gebieden (``Charlois +1``)."""
    rights = parts.rights or ("",)
    extras = "".join(parts.extras)
    candidates = [parts.year + extras + rights[0] + parts.tail]
    candidates += [year + form for form in rights for year in (parts.year, parts.year_short)]
    if parts.year_shortest is not None:
        candidates += [parts.year_shortest + form for form in rights]
    name_width = cell_len(parts.name)
    for least in (NAME_KEPT, 1):
        for rest in candidates:
            room = width - cell_len(rest)
            if room >= min(name_width, least):
                return _shortened(parts.name, room), rest
    return "", candidates[-1]


def _shortened(name: str, room: int) -> str:
    if cell_len(name) <= room:
        return name
    return set_cell_size(name, room - 1) + "…"


class Title:
    """The title as a renderable: fitted anew to the width it is drawn at."""

    def __init__(self, parts: TitleParts) -> None:
        self.parts = parts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        name, rest = fitted(self.parts, options.max_width)
        title = Text(name, style="bold", no_wrap=True, overflow="crop")
        title.append(rest)
        yield title
