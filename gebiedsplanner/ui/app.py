"""The Textual app: the planner screen and opening scenarios (what every screen shares: Shell)."""

from __future__ import annotations

import asyncio
import gc
import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.storage import ScenarioDocument
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import Settings
from gebiedsplanner.ui.screens.planner import PlannerScreen
from gebiedsplanner.ui.shell import Shell

if TYPE_CHECKING:
    from gebiedsplanner.ui.screens.library import LibraryScreen


#: Seconds a large file's reading waits for the first frame, at most.
FIRST_FRAME_WAIT = 5.0


class PlannerApp(Shell):
    """gebiedsplanner in the terminal (the palette and problems: Shell; signals, suspension
    and crashes: TerminalApp)."""

    CSS_PATH = "app.tcss"
    TITLE = "gebiedsplanner"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", texts.KEY_QUIT, show=False, priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        document: ScenarioDocument | storage.Opening,
        settings: Settings,
        *,
        library: bool = False,
    ) -> None:
        """``library``: open on the scenario library, the planner beneath it (ssh-serve).

        An :class:`storage.Opening` (a large file) shows its first gebieden at once and
        is read whole after the first frame; see :meth:`on_event` for the keys typed
        meanwhile. If the rest has problems the app ends, and :attr:`problems` holds them.

        The app keeps no document of its own: the planner's editing session is the one
        source of the scenario being edited (``document`` goes to the planner at start).
        """
        super().__init__(settings.theme)
        self._opening = document if isinstance(document, storage.Opening) else None
        self._first: ScenarioDocument | None = (
            document.preview if isinstance(document, storage.Opening) else document
        )
        self.settings = settings
        self.problems: list[Problem] = []
        self._unread = False
        self._open_library = library
        self._whole = asyncio.Event()
        self._displayed = threading.Event()

    @property
    def reading(self) -> bool:
        """The planner shows the first gebieden of a large file while it reads the rest."""
        return self._opening is not None

    def on_mount(self) -> None:
        """Start reading a large file whole. Here, not on ready: the app's Mount comes
        before any key, but Ready waits in line behind keys typed early, which would wait
        (:meth:`on_event`) for a reading that had not begun."""
        if self._opening is not None:
            self._read_whole(self._opening)

    def post_display_hook(self) -> None:
        super().post_display_hook()
        self._displayed.set()

    def on_ready(self) -> None:
        gc.enable()  # off while starting up (see cli._run_app)
        if self._open_library:
            self.call_later(self._planner().open_library, at_login=True)

    def get_default_screen(self) -> PlannerScreen:
        """The planner is the bottom screen: no empty screen is drawn first. It takes the
        first document; the app keeps none."""
        document, self._first = self._first, None
        assert document is not None, "the planner is made once"
        return PlannerScreen(document, self.settings, reading=self.reading)

    # A description of its own: Textual's default is the repr of the arguments, here
    # the file's bytes (35 ms at 20.000 gebieden, on the UI thread).
    @work(thread=True, group="read-whole", description="read the whole scenario")
    def _read_whole(self, opening: storage.Opening) -> None:
        # After the first frame: the reading's regular expression holds the interpreter
        # while it runs (in C), which would hold up that frame.
        self._displayed.wait(FIRST_FRAME_WAIT)
        try:
            document = opening.finish()
        except ProblemsError as error:
            self.call_from_thread(self._unreadable, error.problems)
        except BaseException:  # a bug: the worker's error ends the app (a crash log)
            self.call_from_thread(self._unreadable, [])
            raise
        else:
            self.call_from_thread(self._read, document)

    def _read(self, document: ScenarioDocument) -> None:
        gc.freeze()  # as at a start (cli._run_app): no collection walks the scenario again
        self._planner().read(document)
        self._opening = None
        self._whole.set()

    def _unreadable(self, problems: list[Problem]) -> None:
        """The rest of the file has problems: the app ends, and they are said as at any
        start (see cli._run_app). Nothing was edited, and nothing held acts now."""
        self.problems = problems
        self._unread = True
        self._opening = None
        self._whole.set()
        self.exit(return_code=1)

    async def on_event(self, event: events.Event) -> None:
        """While a large file is read whole, keys, pastes and clicks wait, in order, and
        then go to the planner as typed: none is lost, and none acts on a part of it.

        Awaited here, the app takes no other input meanwhile; the reading worker's
        result comes in through :meth:`call_from_thread`, which does not wait for it.
        """
        if isinstance(event, (events.InputEvent, events.Paste)):
            if self.reading:
                await self._whole.wait()
            if self._unread or self.return_code is not None:  # ending: nothing to act on
                return
        await super().on_event(event)

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

    async def open_scenario(self, path: Path) -> None:
        """Open ``path`` in the planner (asking first when the current one has unsaved changes).

        Returns when the planner shows it, or the question: the keys typed next go there.
        """
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
            await self.push_screen(
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
