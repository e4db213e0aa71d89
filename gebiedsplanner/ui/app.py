"""The Textual app: a thin shell that pushes the planner screen and reports problems."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from gebiedsplanner import texts
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.files import storage
from gebiedsplanner.files.locations import Settings
from gebiedsplanner.files.storage import ScenarioDocument
from gebiedsplanner.ui.screens.planner import PlannerScreen
from gebiedsplanner.ui.terminal_app import TerminalApp

if TYPE_CHECKING:
    from gebiedsplanner.ui.screens.library import LibraryScreen


class PlannerApp(TerminalApp):
    """gebiedsplanner in the terminal (signals, suspension and crashes: see TerminalApp)."""

    CSS_PATH = "app.tcss"
    TITLE = "gebiedsplanner"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", texts.KEY_QUIT, show=False, priority=True, id="app.quit"),
    ]

    def __init__(self, document: ScenarioDocument, settings: Settings) -> None:
        super().__init__()
        self.document = document
        self.settings = settings

    def on_ready(self) -> None:
        gc.enable()  # off while starting up (see cli._run_app)

    def get_default_screen(self) -> PlannerScreen:
        """The planner is the bottom screen: no empty screen is drawn first."""
        return PlannerScreen(self.document, self.settings)

    async def action_quit(self) -> None:
        """Quit through the planner, which asks first when there are unsaved changes."""
        planner = self._planner()
        if self.screen is planner:
            await planner.request_quit()
        elif not isinstance(self.screen, ModalScreen):
            self.pop_screen()  # from the library or a comparison: back towards the planner

    def _planner(self) -> PlannerScreen:
        planner = self.screen_stack[0]
        assert isinstance(planner, PlannerScreen)
        return planner

    def open_scenario(self, path: Path) -> None:
        """Open ``path`` in the planner (asking first when the current one has unsaved changes)."""
        from gebiedsplanner.ui.screens.choice import YES, confirm

        def replace(answer: str | None) -> None:
            if answer != YES:
                return
            try:
                document = storage.open_for_editing(path)
            except ProblemsError as error:
                self.report_problems(error.problems)
                return
            while len(self.screen_stack) > 1:
                self.pop_screen()
            planner.edit(document)

        planner = self._planner()
        if planner.dirty:
            self.push_screen(
                confirm(texts.OPEN_DISCARD_TITLE, texts.OPEN_DISCARD_QUESTION), replace
            )
        else:
            replace(YES)

    def on_library_screen_renamed(self, message: LibraryScreen.Renamed) -> None:
        """The open scenario's file may have been renamed: the planner follows it."""
        self._planner().follow(message.old, message.new, message.data, message.old_digest)

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (it copies in a field): say how to, in the UI language."""
        self.notify(texts.HOW_TO_QUIT, title=texts.HOW_TO_QUIT_TITLE, markup=False)

    def report_problems(self, problems: list[Problem]) -> None:
        """The one place where problems become messages on screen (shown literally)."""
        for problem in problems:
            self.notify(
                str(problem), title=texts.PROBLEM_TITLE, severity="error", timeout=20, markup=False
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Our commands, in the UI language: Textual's own (English) are left out."""
        yield SystemCommand(texts.PALETTE_THEME, texts.PALETTE_THEME_HELP, self.action_change_theme)
        yield SystemCommand(texts.PALETTE_QUIT, texts.PALETTE_QUIT_HELP, self.action_quit)
        for spec in getattr(screen, "ACTIONS", ()):
            yield SystemCommand(
                spec.label, spec.help, lambda a=spec.action: self.call_later(screen.run_action, a)
            )
