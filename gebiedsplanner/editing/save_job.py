"""One save of an editing session: the model at ctrl+s, built into bytes and written
in a worker while the adviser goes on editing.

The session (:mod:`session`) notes the moment on the UI thread, at no cost that grows
with the scenario; :meth:`SaveJob.run` copies the model as it was then
(:mod:`snapshot`), builds the bytes (:mod:`~gebiedsplanner.format.save_strategy`: 0,5 s
at 20.000 gebieden, once on the UI thread), writes them unless a colleague saved
meanwhile, and starts the journal that follows the save. What it did comes back as a
:class:`JobDone` for :meth:`EditingSession.finish_save`, on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from gebiedsplanner.core.collector import collector_paused
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.disk.writing import write_new
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.journal import Journal
from gebiedsplanner.editing.snapshot import (
    Moment,
    OnModelThread,
    here,
    scenario_at,
)
from gebiedsplanner.format.scenario_reader import parse


class JobDone(NamedTuple):
    """What a save's worker did: the write's result (``None`` on failure), the journal
    for after the save (``None`` when it could not be started), what was (or was to
    be) written, and what to say once it is written (its comments could not be kept).

    ``theirs``: a colleague saved meanwhile (:class:`storage.Changed`): our base and
    their save, read (``None`` when either has problems, then in ``problems``)."""

    result: storage.WriteResult | None
    journal: Journal | None
    problems: list[Problem]
    data: bytes = b""
    notices: tuple[Problem, ...] = ()
    theirs: tuple[Scenario, Scenario] | None = None


class SaveJob(NamedTuple):
    """One save: the model at ctrl+s and where it goes, noted on the UI thread in no
    time; :meth:`run` builds its bytes and writes them, in a worker.

    ``base``: the text on disk the save replaces (patched, so its comments stay; a save
    as keeps them too), which must still be there (its digest) unless ``as_new``.
    """

    path: Path
    moment: Moment
    base: bytes
    expected_real: Path | None
    as_new: bool
    name: str | None
    merged: bool
    make_folder: bool = False

    @property
    def log_length(self) -> int:
        """How much of the model's change log the save holds."""
        return self.moment.log_length

    def run(self, on_model_thread: OnModelThread = here) -> JobDone:
        """Build the bytes of the model as it was at ctrl+s, write them, then start the
        journal that follows the save (in a worker, while the model changes on).

        ``on_model_thread`` runs a call on the thread that changes the model (see
        :func:`snapshot.scenario_at`): from a worker, the app's ``call_from_thread``.
        """
        from gebiedsplanner.format import save_strategy  # not at startup

        with collector_paused():
            scenario = scenario_at(self.moment, on_model_thread)
            saved = save_strategy.saving(scenario, self.base, name=self.name)
            del scenario
        data, notices = saved.data, tuple(saved.notices(str(self.path)))
        try:
            if self.as_new:
                write_new(self.path, data, make_folder=self.make_folder)
                result: storage.WriteResult = storage.Written(self.path)
            else:
                result = storage.write_unless_changed(
                    self.path, data, storage.digest(self.base), self.expected_real
                )
        except ProblemsError as error:
            return JobDone(None, None, error.problems, data, notices)
        if isinstance(result, storage.Changed):
            return self._theirs(result, data, notices)
        if not isinstance(result, storage.Written):
            return JobDone(result, None, [], data, notices)
        try:
            return JobDone(result, Journal.create(self.path, data), [], data, notices)
        except ProblemsError as error:
            return JobDone(result, None, error.problems, data, notices)

    def _theirs(
        self, changed: storage.Changed, data: bytes, notices: tuple[Problem, ...]
    ) -> JobDone:
        """Nothing was written: read our base and their save for the merge (heavy too)."""
        name = str(self.path)
        try:
            theirs = (parse(name, self.base), parse(name, changed.theirs))
        except ProblemsError as error:
            return JobDone(changed, None, error.problems, data, notices)
        return JobDone(changed, None, [], data, notices, theirs)
