"""The model as it was at one moment, taken while it goes on changing: what a save writes.

A save writes the scenario as it was at ctrl+s. Building its bytes takes half a
second at 20.000 gebieden (issue 25), and the adviser goes on typing meanwhile; even
copying the model would hold the UI thread for a tenth of that. So the UI thread
only notes the moment (:class:`Moment`: the model and the length of its change log),
and :func:`scenario_at` copies the model in a worker while it changes. Each amount
the copy reads is the one of that moment, or one changed since; every change since is
in the log, with the amount it replaced (``CellChange.old``). Putting back, for each
cell, the amount its first change after the moment replaced makes the copy the model
of that moment, exactly.

Why that holds:

- The model is changed on the UI thread only, a whole change at a time:
  ``Scenario.replay`` applies a change and logs it with no ``await`` between. The
  changes since the moment are read there (``on_model_thread``), after the copy: the
  log then holds every change the copy may have seen, also one it saw half applied.
- Copying one dict of amounts is one step of the interpreter, which holds its lock
  (Python 3.11, with the GIL): no amount is read half written. Editing changes no
  dict's size (gebieden, posts and years stay while editing; a merge or a recovery
  makes a new scenario, and the moment keeps the one it was taken of).
- Only the amounts, the notes and the name change while editing (the log only grows, each entry
  is immutable); the name is noted with the moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from gebiedsplanner.core.scenario import STEDELIJK, Cell, Gebied, LogEntry, Scenario

Changes = tuple[LogEntry, ...]
#: Runs a call on the thread that changes the model and returns its result: in a
#: worker, the app's ``call_from_thread``; on that thread itself, :func:`here`.
OnModelThread = Callable[[Callable[[], Changes]], Changes]


def here(call: Callable[[], Changes]) -> Changes:
    """:data:`OnModelThread` for a caller on the thread that changes the model (a test,
    the command line): the model does not change while it runs."""
    return call()


class Moment(NamedTuple):
    """The model at one moment, noted on the UI thread at no cost that grows with it."""

    model: Scenario
    log_length: int
    name: str

    @classmethod
    def now(cls, model: Scenario) -> Moment:
        return cls(model, len(model.log), model.name)

    def changes_since(self) -> Changes:
        """The changes made since (on the thread that changes the model)."""
        return tuple(self.model.log[self.log_length :])


def scenario_at(moment: Moment, on_model_thread: OnModelThread = here) -> Scenario:
    """A scenario of its own that holds ``moment``'s model as it was then (a worker)."""
    model = moment.model
    gebieden = {
        name: Gebied(
            gebied.name,
            {post: dict(series) for post, series in gebied.posts.items()},
            gebied.inwoners,
            gebied.note,
        )
        for name, gebied in model.gebieden.items()
    }
    stedelijk = {post: dict(series) for post, series in model.stedelijk.items()}
    put_back: set[Cell] = set()
    noted: set[str] = set()
    for entry in on_model_thread(moment.changes_since):
        for note in entry.notes:  # a note is one value, read whole as an amount is
            if note.gebied not in noted:
                noted.add(note.gebied)
                gebieden[note.gebied].note = note.old
        for change in entry.changes:
            cell = change.cell
            if cell in put_back:
                continue
            put_back.add(cell)
            owner = stedelijk if cell.owner == STEDELIJK else gebieden[cell.owner].posts
            owner[cell.post][cell.year] = change.old
    return Scenario(
        name=moment.name,
        description=model.description,
        envelope=model.envelope,
        taakstelling=model.taakstelling,
        stedelijk=stedelijk,
        gebieden=gebieden,
        log=model.log[: moment.log_length],
        beleid=model.beleid,
    )
