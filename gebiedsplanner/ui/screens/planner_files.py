"""The planner's file actions: open, save, save as, merge with a colleague's save,
recover, export, quit.

Split from :mod:`planner` along a real seam: the protocol (one save at a time,
merging, the journal) is the :class:`EditingSession`'s; this screen base only
asks the user what to do and runs the session's file work in thread workers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual import work
from textual.widget import AwaitMount

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.policy import PolicyCheck
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Cell, EditError
from gebiedsplanner.core.table_view import Sorting, TableView
from gebiedsplanner.editing import presence, storage
from gebiedsplanner.editing.save_job import JobDone, SaveJob
from gebiedsplanner.editing.session import Busy, EditingSession, Gone, PendingMerge, Saved
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import Settings, export_name
from gebiedsplanner.ui.named_keys import NamedKeys
from gebiedsplanner.ui.refusal import allowed, refuse
from gebiedsplanner.ui.shown_path import shown_path
from gebiedsplanner.ui.widgets.budget_grid import BudgetGrid

#: The editors a notification names; more are counted (a folder may hold thousands of
#: notes, and the notification must fit the screen).
EDITORS_NAMED = 3

if TYPE_CHECKING:
    from gebiedsplanner.editing import recovery
    from gebiedsplanner.ui.screens.conflicts import ConflictChoice
    from gebiedsplanner.ui.screens.export_dialog import ExportRequest, Fetching

# Merging, recovering and the dialogs are imported when needed, not at startup (see
# planner.py).


class Prepared(NamedTuple):
    """The rules' check and the table of a whole scenario, made off the UI thread."""

    policy: PolicyCheck
    view: TableView

    def fits(self, planner: PlannerFiles) -> bool:
        """Made for what the planner shows now (its scenario, year and unit, one year in
        file order)?"""
        view = self.view
        return (view.scenario, view.year, view.thousands, planner.all_years, planner.sorting) == (
            planner.document.scenario,
            planner.year,
            planner.thousands,
            False,
            None,
        )


class PlannerFiles(NamedKeys[None]):
    """File actions of the planner screen (its base class)."""

    session: EditingSession
    settings: Settings
    reading: bool
    year: int
    thousands: bool
    all_years: bool
    sorting: Sorting | None
    _quit_after_save: bool
    _given_up: EditingSession | None
    """The scenario edited before the file being read: given up once it is read."""

    @property
    def document(self) -> storage.ScenarioDocument:
        """The scenario being edited, with where it lives."""
        return self.session.document

    @property
    def dirty(self) -> bool:
        """Changes that are not on disk yet."""
        return self.session.dirty

    def _show_title(self) -> None:
        raise NotImplementedError

    def _reshow(self, prepared: Prepared | None = None) -> None:
        raise NotImplementedError

    def _report(self, problems: list[Problem]) -> None:
        self.app.report_problems(problems)  # type: ignore[attr-defined]

    # -- which scenario: opening, reading, arriving ----------------------------

    def prepare(self, document: storage.ScenarioDocument) -> Prepared:
        """What :meth:`read` shows of the whole scenario, made in the reading's worker:
        0,15 s at 20.000 gebieden. Nothing changes meanwhile (the app holds the keys);
        :meth:`read` checks that it still fits."""
        policy = PolicyCheck(document.scenario)
        view = TableView(document.scenario, self.year, self.thousands, policy)
        return Prepared(policy, view)

    def read(self, document: storage.ScenarioDocument, prepared: Prepared | None = None) -> None:
        """The whole scenario is read: edit it from now on, where the cursor is."""
        self.session = EditingSession(document, self.settings.rights)
        self.reading = False
        if self._given_up is not None:
            self._given_up.abandon()
            self._given_up = None
        self._reshow(prepared)
        self._begin()

    def edit(self, document: storage.ScenarioDocument, *, reading: bool = False) -> None:
        """Edit ``document`` from now on, giving up the current one's unsaved changes.

        ``reading``: ``document`` holds the first gebieden of a file still being read,
        as at the start; the current scenario is given up once :meth:`read` brings the
        whole, and comes back if the rest cannot be read (:meth:`unreadable`)."""
        if not reading:
            self.session.abandon()
        elif self._given_up is None:
            self._given_up = self.session
        self.session = EditingSession(document, self.settings.rights)
        self.reading = reading
        self._quit_after_save = False
        self.year = document.scenario.years[0]
        self.all_years, self.sorting = False, None  # another scenario: one year, file order
        self._reshow()
        self.query_one(BudgetGrid).move_cursor_to(0, 0)
        if not reading:
            self._begin()

    def unreadable(self) -> bool:
        """The rest of the file read has problems: back to the scenario edited before it,
        unsaved changes and all; ``False`` when there is none (at the app's start)."""
        given_up, self._given_up = self._given_up, None
        if given_up is None:
            return False
        self.session, self.reading = given_up, False
        self.year = given_up.scenario.years[0]
        self.all_years, self.sorting = False, None
        self._reshow()
        self.query_one(BudgetGrid).move_cursor_to(0, 0)
        return True

    def _begin(self) -> None:
        self.session.begin()
        self._arrive(self.session)

    @work(thread=True, group="arrive")
    def _arrive(self, session: EditingSession) -> None:
        """Leave our editing note, see who else edits, read ended sessions' journals."""
        from gebiedsplanner.editing import recovery

        editors = session.look_around()
        try:
            found = recovery.look_for(session)
        except ProblemsError as error:
            self.app.call_from_thread(self._report, error.problems)
            found = []
        self.app.call_from_thread(self._arrived, session, editors, found)

    def _arrived(
        self, session: EditingSession, editors: list[presence.Note], found: list[recovery.Found]
    ) -> None:
        if session is not self.session:  # another scenario was opened meanwhile
            from gebiedsplanner.editing import recovery

            recovery.release(found)
            return
        self._show_editors(editors)
        if found:
            self._offer_recovery(found)

    def _show_editors(self, editors: list[presence.Note]) -> None:
        """Say who else is editing this file: the first few, and how many more."""
        if editors:
            # Never "and 1 others": one more than the named is named too.
            named = editors if len(editors) <= EDITORS_NAMED + 1 else editors[:EDITORS_NAMED]
            who = "; ".join(
                texts.EDITOR_NOTE.format(
                    user=literal(note.user),
                    host=literal(note.host),
                    since=f"{note.since:%d-%m-%Y %H:%M}",
                )
                for note in named
            )
            if len(named) < len(editors):
                who = texts.EDITORS_MORE.format(who=who, count=len(editors) - len(named))
            # A read-only session merges nothing: it sees a colleague's save on opening again.
            read_only = self.settings.rights.read_only
            said = texts.ALSO_EDITING_READ_ONLY if read_only else texts.ALSO_EDITING
            self.notify(said.format(who=who), severity="warning", timeout=15, markup=False)

    def on_unmount(self) -> None:
        self.session.close()
        if self._given_up is not None:  # the app ends while another file is read
            self._given_up.abandon()

    def follow(self, old: Path, new: Path, data: bytes, old_digest: str) -> None:
        """The library renamed ``old``: if it is the scenario open here, edit it under ``new``."""
        if self.session.follow(old, new, data, old_digest):
            self._show_title()

    # -- saving --------------------------------------------------------------

    async def action_save(self) -> None:
        if self.document.path is None:
            await self.action_save_as()
            return
        self._start(self.session.begin_save)

    async def action_save_as(self) -> None:
        if not allowed(self, self.session.rights.check_write):
            return
        await self._ask_save_as()  # the keys typed after S go to the dialog's name field

    def _ask_save_as(self) -> AwaitMount:
        def chosen(result: tuple[str, Path] | None) -> None:
            if result is None:
                self._quit_after_save = False
                return
            name, path = result
            own = path.parent == self.settings.own_library
            self._start(
                lambda: self.session.begin_save(path, name=name, as_new=True, make_folder=own)
            )

        suggestion = self.document.scenario.name
        if self.document.path is None:
            suggestion = texts.SAVE_AS_COPY.format(name=suggestion)
        from gebiedsplanner.ui.screens.save_as import SaveAs

        return self.app.push_screen(SaveAs(self.settings.save_folders, suggestion), chosen)

    def _start(self, begin: Callable[[], SaveJob | Busy]) -> None:
        try:
            job = begin()
        except EditError as error:
            self._quit_after_save = False
            refuse(self, error)
            return
        if isinstance(job, Busy):
            self.notify(texts.SAVE_QUEUED if job.queued else texts.SAVE_BUSY, markup=False)
            return
        self._save_worker(self.session, job)

    # A description of its own: Textual's default is the repr of the arguments, here
    # the file's bytes (35 ms at 20.000 gebieden, on the UI thread).
    @work(thread=True, group="save", description="save")
    def _save_worker(self, session: EditingSession, job: SaveJob) -> None:
        """Build the save's bytes and write them; the keys act meanwhile. What the model
        was at ctrl+s is read back here, with what changed since from the UI thread."""
        done = job.run(self.app.call_from_thread)
        self.app.call_from_thread(self._save_done, session, job, done)

    def _save_done(self, session: EditingSession, job: SaveJob, done: JobDone) -> None:
        if session is not self.session:  # another scenario was opened while this one saved
            outcome = session.finish_save(job, done)  # its file has the save; nothing else
            if session is not self._given_up:  # reaches this screen
                session.abandon()  # what it had beyond the save was given up when leaving it
            elif isinstance(outcome, PendingMerge):  # it may come back (see edit)
                session.cancel_save()
            return
        outcome = self.session.finish_save(job, done)
        if isinstance(outcome, Saved):
            self._saved(outcome)
        elif isinstance(outcome, PendingMerge):
            self._merge(outcome)
        elif isinstance(outcome, Gone):
            self._ask_gone(outcome.path)
        else:
            self._quit_after_save = False
            self._report(outcome.problems)

    def _saved(self, saved: Saved) -> None:
        self._show_title()
        message = texts.MERGED if saved.merged else texts.SAVED
        self.notify(message.format(file=shown_path(saved.path)), markup=False)
        if saved.problems:
            self._report(saved.problems)
        if saved.again or (self._quit_after_save and self.dirty):  # changed while it saved
            self._start(self.session.begin_save)
        elif self._quit_after_save:
            self.app.exit()

    def _merge(self, pending: PendingMerge) -> None:
        """Someone saved the file meanwhile: merge cell by cell, ask only about shared cells."""
        from gebiedsplanner.ui.screens.conflicts import ConflictChoice, ConflictScreen

        def finish(choice: ConflictChoice | None) -> None:
            if choice is None or choice.as_variant:
                self.session.cancel_save()
                if choice is None:
                    self._quit_after_save = False
                else:
                    self._ask_save_as()
                return
            job = self.session.resolve(pending, choice.keep_ours)
            self._reshow()
            self._save_worker(self.session, job)

        if pending.found:
            self.app.push_screen(ConflictScreen(pending.found), finish)
        else:
            finish(ConflictChoice({}))

    def _ask_gone(self, path: Path) -> None:
        """The file is no longer there: write it anew there, save it elsewhere, or wait."""
        from gebiedsplanner.ui.screens.choice import RECREATE, SAVE_AS, gone_dialog

        def chosen(answer: str | None) -> None:
            if answer == RECREATE:
                self._start(lambda: self.session.begin_save(path, as_new=True))
            elif answer == SAVE_AS:
                self._ask_save_as()
            else:
                self._quit_after_save = False

        self.app.push_screen(gone_dialog(shown_path(path)), chosen)

    # -- recovering an ended session's changes ------------------------------------

    def _offer_recovery(self, found: list[recovery.Found]) -> None:
        """Ended sessions left unsaved changes: recover, show or discard them."""
        from gebiedsplanner.editing import recovery
        from gebiedsplanner.ui.screens.recover import RecoverChoice, RecoverScreen

        def chosen(choice: RecoverChoice | None) -> None:
            if choice is RecoverChoice.RECOVER:
                self._recover(found)
            elif choice is RecoverChoice.DISCARD:
                kept = recovery.discard(found)
                self.notify(texts.DISCARDED.format(file=shown_path(kept[0])), markup=False)
            else:
                recovery.release(found)
                self.notify(texts.RECOVER_LATER, markup=False)

        file = str(self.document.origin)
        self.app.push_screen(RecoverScreen(found, file), chosen)

    def _recover(
        self,
        pending: list[recovery.Found],
        keep: Mapping[Cell, bool] | None = None,
        so_far: recovery.Recovered | None = None,
    ) -> None:
        from gebiedsplanner.editing import recovery
        from gebiedsplanner.ui.screens.conflicts import ConflictScreen, recovery_wording

        so_far = recovery.NOTHING_YET if so_far is None else so_far
        outcome = recovery.recover(self.session, pending, self.settings.save_folders, keep, so_far)
        self._reshow()
        if isinstance(outcome, recovery.Recovered):
            self._recovered(outcome)
            return

        def decided(choice: ConflictChoice | None) -> None:
            if choice is None:
                recovery.release(outcome.pending)
                self._recovered(outcome.so_far)
                self.notify(texts.RECOVER_LATER, markup=False)
            else:
                self._recover(outcome.pending, choice.keep_ours, outcome.so_far)

        self.app.push_screen(ConflictScreen(outcome.found, recovery_wording()), decided)

    def _recovered(self, done: recovery.Recovered) -> None:
        self.notify(texts.RECOVERED.format(count=done.changes), markup=False)
        for kept in done.kept:
            self.notify(texts.RECOVERED_KEPT.format(file=shown_path(kept)), markup=False)
        for variant in done.variants:
            self.notify(texts.RECOVERED_AS_VARIANT.format(file=shown_path(variant)), markup=False)
        if done.problems:
            self._report(list(done.problems))

    # -- exporting -----------------------------------------------------------

    async def action_export(self) -> None:
        scenario = self.document.scenario
        from gebiedsplanner.ui.screens.export_dialog import XLSX, ExportDialog, run_export

        def chosen(request: ExportRequest | None) -> None:
            if request is None:
                return
            # Read on the UI thread (the model is never shared), written in the worker.
            if request.dialect == XLSX:
                from gebiedsplanner.exports.workbook import workbook_bytes, workbook_parts

                parts = workbook_parts(scenario, wide=request.layout == "wide")

                def build() -> tuple[bytes, int]:
                    return workbook_bytes(parts), parts.rows

                run_export(self, request, build, texts.EXPORTED)
                return
            from gebiedsplanner.core.plan import plan_columns

            columns = plan_columns(scenario)

            def build_csv() -> tuple[bytes, int]:
                from gebiedsplanner.exports.csv_export import Dialect, Layout, plan_csv

                return plan_csv(columns, Layout(request.layout), Dialect(request.dialect))

            run_export(self, request, build_csv, texts.EXPORTED)

        dialog = ExportDialog(
            self.settings, export_name(scenario.name), workbook=True, fetching=self._fetching()
        )
        await self.app.push_screen(dialog, chosen)

    def _fetching(self) -> Fetching | None:
        """Over ``ssh-serve``: how the export dialog's file is fetched with ssh."""
        served_at = self.settings.served_at
        if served_at is None:
            return None
        from functools import partial

        from gebiedsplanner.exports.fetching import export_words, served_name
        from gebiedsplanner.ui.screens.export_dialog import Fetching

        name = served_name(self.document.path, self.settings)
        words = None if name is None else partial(export_words, name)
        return Fetching(served_at, words, saved_only=self.dirty)

    # -- quitting --------------------------------------------------------------

    async def request_quit(self) -> None:
        """Quit, asking first (and the keys typed after q answer) when there are unsaved changes."""
        if not self.dirty:
            self.app.exit()
            return
        from gebiedsplanner.ui.screens.choice import DISCARD, SAVE, quit_dialog

        def chosen(choice: str | None) -> None:
            if choice == DISCARD:
                self.session.abandon()
                self.app.exit()
            elif choice == SAVE:
                self._quit_after_save = True
                self.call_later(self.action_save)

        await self.app.push_screen(quit_dialog(), chosen)
