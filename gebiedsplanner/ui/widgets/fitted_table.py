"""A DataTable whose column widths follow from its rows and its own width, set before drawing.

Why not let DataTable size its columns itself: in Textual 8 a column added without
``width=`` is *auto width*, and rows added after mount are measured only in the
table's idle handler (``_on_idle`` -> ``_update_dimensions`` grows each
``Column.content_width``). Every cell, row and line the table draws is cached under
a key holding ``_update_count``, which ``add_row`` raises but measuring does not. So
when a frame is painted between ``add_row`` and that idle handler (the screen's
refresh timer or a test reading the screen gets its turn first, as on a loaded
machine), the cells are drawn at the width of the column headers and that drawing
is reused until the next change: the library showed ``Naam``, ``Status``,
``Jaren``, ``Map`` cut to their header width and kept them so. (A table whose height
grows with its rows gets a ``Resize`` when it grows, which clears those caches; a
table of fixed height, like the library's, gets none.)

Here every column is added with ``width=``. A column with a width is not auto width:
it is drawn that wide whatever the idle handler later measures, so a frame painted
before measuring equals one painted after. The widths are computed from the rows
about to be shown (each column as wide as its widest cell, up to its cap) and fitted
into the table's width (:func:`fit_widths`). Columns and rows are added anew on each
:meth:`FittedTable.show` (``add_column`` raises ``_update_count``, so nothing drawn
for the previous rows is reused) and when the table's width changes (Textual sends
``Resize`` after any layout that changes it). The vertical scrollbar's place is
always kept free (``scrollbar-gutter: stable``): a scrollbar appearing as rows grow
would otherwise take room from the columns without any ``Resize``.

A cell cut short ends in an ellipsis (``overflow="ellipsis"``). The library shows
the row under the cursor whole in its detail line; the comparison's bars view names
every gebied whole.

Cost: measuring the rows once more, about 6 µs a row of seven cells. Adding the rows
(and Textual measuring them again at idle, needed or not) costs far more, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from gebiedsplanner.core.text_table import fit_widths


class Fit(NamedTuple):
    """How wide one column may be.

    Attributes:
        label: The column header, shown whole.
        cap: The widest the column grows; longer cells are cut. None: no limit.
        least: How far the column may be cut to fit the table's width. None: never cut.
    """

    label: str
    cap: int | None = None
    least: int | None = None


def natural_widths(fits: Sequence[Fit], rows: Iterable[Sequence[Text]]) -> list[int]:
    """Each column as wide as its widest cell up to its cap, and never narrower than its label."""
    widest = [0] * len(fits)
    for row in rows:
        for index, cell in enumerate(row):
            widest[index] = max(widest[index], cell.cell_len)
    return [
        max(cell_len(fit.label), min(width, fit.cap or width))
        for fit, width in zip(fits, widest, strict=True)
    ]


def least_widths(fits: Sequence[Fit], natural: Sequence[int]) -> list[int]:
    """How far each column may be cut: to its ``least``, never below its label."""
    return [
        width if fit.least is None else min(width, max(fit.least, cell_len(fit.label)))
        for fit, width in zip(fits, natural, strict=True)
    ]


class FittedTable(DataTable[Text]):
    """A row-cursor table showing rows of ``Text``, its columns sized as described above."""

    DEFAULT_CSS = """
    FittedTable {
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(
        self, columns: Sequence[Fit], *, id: str | None = None, zebra_stripes: bool = False
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
        self.fits = tuple(columns)
        self._rows: list[Sequence[Text]] = []
        self._natural = natural_widths(self.fits, [])
        self._widths: list[int] = []

    def show(self, rows: Iterable[Sequence[Text]]) -> None:
        """Show ``rows`` instead of what was shown (the cursor goes to the first row)."""
        self._rows = list(rows)
        for row in self._rows:
            for cell in row:
                cell.overflow = "ellipsis"
        self._natural = natural_widths(self.fits, self._rows)
        self._build(self._fitted())

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns to the new width (the first layout sends one too)."""
        widths = self._fitted()
        if widths != self._widths:
            row = self.cursor_row
            self._build(widths)
            self.move_cursor(row=row)

    def _fitted(self) -> list[int]:
        """Column widths for the rows shown and the width the table has now.

        Before its first layout the table has no width: the natural widths stand in
        until the ``Resize`` that follows.
        """
        width = self.scrollable_content_region.width
        if not width:
            return list(self._natural)
        room = width - 2 * self.cell_padding * len(self.fits)
        return fit_widths(self._natural, least_widths(self.fits, self._natural), room)

    def _build(self, widths: list[int]) -> None:
        """Columns with exactly these widths, then the rows (see the module docstring)."""
        self._widths = widths
        self.clear(columns=True)
        for fit, width in zip(self.fits, widths, strict=True):
            self.add_column(Text(fit.label), width=width)
        for row in self._rows:
            self.add_row(*row)
