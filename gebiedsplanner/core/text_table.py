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
