"""The planner's file actions: save, save as, merge with a colleague's save, export, quit.

Split from :mod:`planner` along a real seam: everything here moves bytes between the
editing session and disk (in thread workers) or asks the user what to do with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual import work
from textual.screen import Screen

from gebiedsplanner import texts
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.files import presence, storage
from gebiedsplanner.files.locations import Settings, file_name_for
from gebiedsplanner.files.scenario_format import dumps, parse
from gebiedsplanner.files.session import EditingSession
from gebiedsplanner.files.writing import write_new

if TYPE_CHECKING:
    from gebiedsplanner.ui.screens.export_dialog import ExportRequest

# Merging and the dialogs are imported when needed, not at startup (see planner.py).


class SaveJob(NamedTuple):
    """One save: what to write where, and what to do once it is written."""

    path: Path
    data: bytes
    log_length: int
    expected_digest: str
    as_new: bool
    then_quit: bool
    name: str | None
    merged: bool


class PlannerFiles(Screen[None]):
    """File actions of the planner screen (its base class)."""

    session: EditingSession
    settings: Settings
    _note: Path | None

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

    def _reshow(self) -> None:
        raise NotImplementedError

    # -- files ---------------------------------------------------------------

    def action_save(self) -> None:
        if self.document.path is None:
            self.action_save_as()
            return
        self._write(self.document.path, as_new=False)

    def action_save_as(self) -> None:
        self._ask_save_as(then_quit=False)

    def _ask_save_as(self, *, then_quit: bool) -> None:
        def chosen(result: tuple[str, Path] | None) -> None:
            if result is None:
                return
            name, path = result
            self._write(path, as_new=True, then_quit=then_quit, name=name)

        suggestion = self.document.scenario.name
        if self.document.path is None:
            suggestion = texts.SAVE_AS_COPY.format(name=suggestion)
        from gebiedsplanner.ui.screens.save_as import SaveAs

        self.app.push_screen(SaveAs(self.settings.library, suggestion), chosen)

    def _write(
        self,
        path: Path,
        *,
        as_new: bool,
        then_quit: bool = False,
        name: str | None = None,
        merged: bool = False,
    ) -> None:
        """Serialise on the UI thread (the model is never shared), write in a worker."""
        scenario = self.document.scenario
        data = dumps(scenario, name=name)  # the new name takes effect once it is written
        save = SaveJob(
            path,
            data,
            len(scenario.log),
            self.document.loaded_digest,
            as_new,
            then_quit,
            name,
            merged,
        )
        self._save_worker(save)

    @work(thread=True, exclusive=True, group="save")
    def _save_worker(self, save: SaveJob) -> None:
        try:
            if save.as_new:
                write_new(save.path, save.data)
                result: storage.WriteResult = storage.Written(save.path)
            else:
                result = storage.write_unless_changed(save.path, save.data, save.expected_digest)
        except ProblemsError as error:
            self.app.call_from_thread(self.app.report_problems, error.problems)  # type: ignore[attr-defined]
            return
        if isinstance(result, storage.Changed):
            self.app.call_from_thread(self._colleague_saved, save, result.theirs)
        elif isinstance(result, storage.Vanished):
            problem = Problem(str(save.path), "", texts.FILE_VANISHED, texts.FIX_FILE_VANISHED)
            self.app.call_from_thread(self.app.report_problems, [problem])  # type: ignore[attr-defined]
        else:
            self.app.call_from_thread(self._saved, save)

    def _saved(self, save: SaveJob) -> None:
        if save.name is not None:
            self.document.scenario.name = save.name
        self.session.saved(save.path, save.data, save.log_length)
        if save.as_new:
            presence.withdraw(self._note)
            self._note = presence.announce(save.path)
        self._show_title()
        message = texts.MERGED if save.merged else texts.SAVED
        self.notify(message.format(file=literal(str(save.path))), markup=False)
        if save.then_quit:
            self.app.exit()

    def _colleague_saved(self, save: SaveJob, theirs_bytes: bytes) -> None:
        """Someone saved the file meanwhile: merge cell by cell, ask only about shared cells."""
        from gebiedsplanner.core.merge import MergeImpossible, conflicts, merge
        from gebiedsplanner.ui.screens.conflicts import ConflictChoice, ConflictScreen

        ours = self.document.scenario
        name = str(save.path)
        try:
            base = parse(name, self.document.loaded)
            theirs = parse(name, theirs_bytes)
            found = conflicts(base, ours, theirs)
        except ProblemsError as error:
            self.app.report_problems(error.problems)  # type: ignore[attr-defined]
            return
        except MergeImpossible:
            problem = Problem(name, "", texts.CHANGED_SHAPE, texts.FIX_CHANGED_SHAPE)
            self.app.report_problems([problem])  # type: ignore[attr-defined]
            return

        def finish(choice: ConflictChoice | None) -> None:
            if choice is None:
                return
            if choice.as_variant:
                self._ask_save_as(then_quit=save.then_quit)
                return
            theirs_log_length = len(theirs.log)
            merged = merge(base, ours, theirs, choice.keep_ours)
            self.session.adopt(merged, theirs_bytes, theirs_log_length)
            self._reshow()
            self._write(save.path, as_new=False, then_quit=save.then_quit, merged=True)

        if found:
            self.app.push_screen(ConflictScreen(found), finish)
        else:
            finish(ConflictChoice({}))

    def action_export(self) -> None:
        scenario = self.document.scenario
        suggestion = Path.cwd() / file_name_for(scenario.name).replace(".toml", ".csv")
        from gebiedsplanner.ui.screens.export_dialog import ExportDialog, run_export

        def chosen(request: ExportRequest | None) -> None:
            if request is None:
                return
            from gebiedsplanner.core.plan import plan_columns

            columns = plan_columns(scenario)  # read on the UI thread: the model is never shared

            def build() -> tuple[bytes, int]:
                from gebiedsplanner.files.csv_export import (
                    Dialect,
                    Layout,
                    plan_frame,
                    to_csv_bytes,
                )

                frame = plan_frame(columns, Layout(request.layout))
                return to_csv_bytes(frame, Dialect(request.dialect)), frame.height

            run_export(self, request.path, build, texts.EXPORTED)

        self.app.push_screen(ExportDialog(suggestion), chosen)

    # -- quitting --------------------------------------------------------------

    def request_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        if not self.dirty:
            self.app.exit()
            return
        from gebiedsplanner.ui.screens.choice import DISCARD, SAVE, quit_dialog

        def chosen(choice: str | None) -> None:
            if choice == DISCARD:
                self.session.abandon()
                self.app.exit()
            elif choice == SAVE:
                if self.document.path is None:
                    self._ask_save_as(then_quit=True)
                else:
                    self._write(self.document.path, as_new=False, then_quit=True)

        self.app.push_screen(quit_dialog(), chosen)
