"""Plain-text tables for the terminal: columns padded, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def align(
    rows: Sequence[Sequence[str]], left: Collection[int] = (0,), gap: str = "  "
) -> list[str]:
    """Pad every column to its widest cell; columns in ``left`` align left, the others right."""
    if not rows:
        return []
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if column in left else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append(gap.join(cells).rstrip())
    return lines


def fit_widths(natural: Sequence[int], least: Sequence[int], room: int) -> list[int]:
    """Column widths within ``room``: the widest column gives way first, none below its least.

    ``natural`` is what each column needs to show its cells whole; ``least`` how far it
    may be cut (its ``natural`` for a column that is never cut). Taking one cell at a time
    from the widest column that can give one shares a shortage out evenly: two long text
    columns both keep a readable part instead of one of them vanishing. When even the
    least widths do not fit, those are used and the table scrolls sideways.
    """
    widths = list(natural)
    while sum(widths) > room:
        cuttable = [index for index, width in enumerate(widths) if width > least[index]]
        if not cuttable:
            break
        widths[max(cuttable, key=widths.__getitem__)] -= 1
    return widths
