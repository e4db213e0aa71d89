"""Sorting the planner table: the gebieden in the order of a column, or of what changed.

Imported when an adviser first sorts, not at startup. At 20.000 gebieden a sort
takes about 20 ms (``tests/test_table_order.py`` measures it), so it runs on the UI
thread like an edit. Ties are broken by name, whichever way a column is sorted, so
the same table always sorts to the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from gebiedsplanner.core.scenario import GEBIED_POSTS, STEDELIJK, CellChange, LogEntry, Scenario
from gebiedsplanner.core.table_view import CHANGE, NAME, NETTO, Sorting


def by_name(names: Iterable[str]) -> list[str]:
    """Gebieden by name as a person reads them: case aside (``IJsselmonde`` after ``Hoogvliet``)."""
    return sorted(names, key=lambda name: (name.casefold(), name))


def changes_since(
    entries: Iterable[LogEntry], *, year: int | None = None, post: str | None = None
) -> dict[str, int]:
    """Each gebied's change in the change-log ``entries`` (those since the scenario was
    opened): its net change in ``year``, or the change of ``post`` over every year.

    The log stays true to the data (an undo is an entry, a merge rebases each change on
    what was there), so the changes add up to the amounts now less those as opened."""
    changed: defaultdict[str, int] = defaultdict(int)
    for entry in entries:
        for change in entry.changes:
            cell = change.cell
            if cell.owner == STEDELIJK:
                continue
            if (year is None or cell.year == year) and (post is None or cell.post == post):
                changed[cell.owner] += change.new - change.old
    return changed


def gebied_order(
    scenario: Scenario,
    sorting: Sorting,
    *,
    year: int,
    post: str | None = None,
    since_opened: Iterable[LogEntry] = (),
) -> list[str]:
    """The gebieden of ``scenario`` in the order of ``sorting``.

    ``post`` ``None``: the one-year table of ``year`` (a post or netto in that year; a
    change is the gebied's net change in that year). A ``post``: the all-years table of
    that post (a year's amount; a change is the post's over every year).
    """
    names = by_name(scenario.gebieden)
    column, gebieden = sorting.column, scenario.gebieden
    if column == NAME:
        return names[::-1] if sorting.descending else names
    value: Callable[[str], int]
    if column == CHANGE:
        changed = changes_since(since_opened, year=None if post else year, post=post)
        value = lambda name: changed.get(name, 0)  # noqa: E731
    elif column == NETTO:
        value = lambda name: scenario.gebied_net(name, year)  # noqa: E731
    elif isinstance(column, int):
        amounts = {
            name: gebied.posts[post or GEBIED_POSTS[0]][column] for name, gebied in gebieden.items()
        }
        value = amounts.__getitem__
    else:
        amounts = {name: gebied.posts[column][year] for name, gebied in gebieden.items()}
        value = amounts.__getitem__
    # Python's sort is stable also in reverse: equal amounts stay in name order.
    return sorted(names, key=value, reverse=sorting.descending)


def next_sorting(
    current: Sorting | None, column: str | int, *, descending_first: bool
) -> Sorting | None:
    """What a sort key does next on ``column``: one way, the other way, then file order
    (``None``). Once an edit made the order out of date, the first press sorts again
    the same way. Another column starts over."""
    if current is None or current.column != column:
        return Sorting(column, descending_first)
    if current.stale:
        return current._replace(stale=False)
    if current.descending == descending_first:
        return Sorting(column, not descending_first)
    return None


def moves_order(
    sorting: Sorting | None, changes: Iterable[CellChange], *, year: int, post: str | None
) -> bool:
    """Whether ``changes`` may change the order of ``sorting`` (not yet out of date), in
    the one-year table of ``year`` (``post`` ``None``) or the all-years table of ``post``."""
    if sorting is None or sorting.stale or sorting.column == NAME:
        return False
    column = sorting.column
    for change in changes:
        cell = change.cell
        if cell.owner == STEDELIJK:
            continue
        if post is not None:
            if cell.post == post and column in (CHANGE, cell.year):
                return True
        elif cell.year == year and column in (CHANGE, NETTO, cell.post):
            return True
    return False


def sorting_across(
    sorting: Sorting | None, *, to_all_years: bool, post: str, year: int
) -> Sorting | None:
    """The sort after switching between one year and all years (of ``post``; the year
    shown, or that of the cursor's column): by name or change it stays; by ``post`` it
    becomes by ``year`` and back; by another column, file order."""
    if sorting is None or sorting.column in (NAME, CHANGE):
        return sorting
    if to_all_years:
        return Sorting(year, sorting.descending) if sorting.column == post else None
    return Sorting(post, sorting.descending) if sorting.column == year else None
