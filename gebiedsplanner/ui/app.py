"""The Textual app: the planner screen and opening scenarios (what every screen shares: Shell)."""

from __future__ import annotations

import asyncio
import gc
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.disk.reading import real_path
from gebiedsplanner.editing import storage
from gebiedsplanner.editing.storage import ScenarioDocument
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import Settings
from gebiedsplanner.ui.screens.planner import PlannerScreen
from gebiedsplanner.ui.screens.planner_files import Prepared
from gebiedsplanner.ui.shell import Shell

if TYPE_CHECKING:
    from textual.await_complete import AwaitComplete

    from gebiedsplanner.ui.screens.library import LibraryScreen


#: Seconds a large file's reading waits for the first frame, at most.
FIRST_FRAME_WAIT = 5.0
#: Seconds a large file's reading waits for the screens closed to open it to be gone, at
#: most: what they hold must be collected before the file's objects are frozen, or it is
#: frozen with them for good. They go in milliseconds; a loaded machine took over 5 s.
CLOSED_SCREENS_WAIT = 60.0
#: Seconds without a frame after which the screen counts as painted (see _settled).
SETTLED = 0.1

#: A file opened from the library: whole, or a large one's first gebieden; or its problems.
Opened = ScenarioDocument | storage.Opening | list[Problem]


class PlannerApp(Shell):
    """gebiedsplanner in the terminal (the palette and problems: Shell; signals, suspension
    and crashes: TerminalApp)."""

    CSS_PATH = "app.tcss"
    TITLE = "gebiedsplanner"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "KEY_QUIT", show=False, priority=True, id="app.quit"),
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
        self._dropping = False
        self._open_library = library
        self._whole = asyncio.Event()
        self._displayed = threading.Event()
        self._last_frame = time.monotonic()

    @property
    def reading(self) -> bool:
        """The planner shows the first gebieden of a large file while it reads the rest
        (at the start, or opened from the library)."""
        return self._opening is not None

    def on_mount(self) -> None:
        """Start reading a large file whole. Here, not on ready: the app's Mount comes
        before any key, but Ready waits in line behind keys typed early, which would wait
        (:meth:`on_event`) for a reading that had not begun."""
        if self._opening is not None:
            self._read_whole(self._opening)

    def post_display_hook(self) -> None:
        super().post_display_hook()
        self._last_frame = time.monotonic()
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
    def _read_whole(self, opening: storage.Opening, closed: threading.Event | None = None) -> None:
        """``closed``: set once the screens closed to open the file (the library) are gone."""
        # After the frames that show the first gebieden: reading would hold them up.
        self._settled()
        # What is garbage once those screens are gone is collected before _read freezes
        # what is left, or it never would be (issue 24): the library, every widget on it,
        # and the scenario given up for the file, which the worker that looked for its
        # other editors holds in a reference cycle. Now, before the whole file is in
        # memory, the walk is short; just before _read it took some 15 ms at 20.000
        # gebieden, added to _read's.
        if closed is not None:
            closed.wait(CLOSED_SCREENS_WAIT)
        gc.collect()
        try:
            document = opening.finish()
            prepared = self._planner().prepare(document)  # the table too: not on the UI thread
        except ProblemsError as error:
            self.call_from_thread(self._unreadable, error.problems)
        except BaseException:  # a bug: the worker's error ends the app (a crash log)
            self.call_from_thread(self._unreadable, [])
            raise
        else:
            self.call_from_thread(self._read, document, prepared)

    def _settled(self) -> None:
        """Wait (in the worker) for the frame that shows the first gebieden, and until the
        screen has painted what follows it (from the library: several frames). Reading
        competes with painting for the interpreter: a frame meanwhile takes twice as long.
        """
        deadline = time.monotonic() + FIRST_FRAME_WAIT
        self._displayed.wait(FIRST_FRAME_WAIT)
        while (quiet := time.monotonic() - self._last_frame) < SETTLED:
            if time.monotonic() > deadline:
                return
            time.sleep(SETTLED - quiet)

    def _read(self, document: ScenarioDocument, prepared: Prepared) -> None:
        gc.freeze()  # as at a start (cli._run_app): no collection walks the scenario again
        self._planner().read(document, prepared)
        self._opening = None
        self._whole.set()

    def _unreadable(self, problems: list[Problem]) -> None:
        """The rest of the file has problems. At the start the app ends, and they are said
        as at any start (see cli._run_app); opened from the library, the planner goes back
        to the scenario it had, and they are said. Nothing held acted on the file read."""
        self._opening = None
        if self._planner().unreadable():
            self.report_problems(problems)
            self._dropping = True  # the input held meanwhile was meant for that file:
            self.call_later(self._stop_dropping)  # queued behind it, this ends dropping it
        else:
            self.problems = problems
            self._unread = True
            self.exit(return_code=1)
        self._whole.set()

    def _stop_dropping(self) -> None:
        self._dropping = False

    async def on_event(self, event: events.Event) -> None:
        """While a large file is read whole, keys, pastes and clicks wait, in order, and
        then go to the planner as typed: none is lost, and none acts on a part of it.

        Awaited here, the app takes no other input meanwhile; the reading worker's
        result comes in through :meth:`call_from_thread`, which does not wait for it.
        """
        if isinstance(event, (events.InputEvent, events.Paste)):
            if self.reading:
                await self._whole.wait()
            if self._unread or self._dropping or self.return_code is not None:
                return  # ending, or the file it was typed for could not be read
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

        The scenario the planner already has (the same file, by whatever path or link)
        is not read again: the planner shows it as it is, unsaved changes and all, as
        after Escape. Asking would throw those changes away (issue 26).

        Returns when the planner shows it, or the question: the keys typed next go there.
        The file is read in a worker, as at the start (:func:`storage.open_streamed`): a
        large one shows its first gebieden while the rest is read, the keys held
        meanwhile (:meth:`on_event`).
        """
        from gebiedsplanner.ui.screens.choice import YES, confirm

        async def replace(answer: str | None) -> None:
            if answer != YES:
                return
            opened: Opened = await self._open_file(path).wait()
            if isinstance(opened, list):
                self.report_problems(opened)
                return
            closed = threading.Event()
            asyncio.gather(*self._close_above_planner()).add_done_callback(
                lambda _: closed.set()
            )
            if isinstance(opened, storage.Opening):
                self._opening = opening = opened
                self._whole.clear()
                self._displayed.clear()  # the whole is read after the frame of the first
                planner.edit(opening.preview, reading=True)
                self._read_whole(opening, closed)
            else:
                planner.edit(opened)

        planner = self._planner()
        same: bool = await self._is_open(path, planner.document.path).wait()
        if same:
            self._close_above_planner()
            return
        if planner.dirty:
            await self.push_screen(
                confirm(texts.OPEN_DISCARD_TITLE, texts.OPEN_DISCARD_QUESTION), replace
            )
        else:
            await replace(YES)

    def _close_above_planner(self) -> list[AwaitComplete]:
        """Pop every screen above the planner (the library it was opened from)."""
        return [self.pop_screen() for _ in self.screen_stack[1:]]

    @work(thread=True, group="same-file")
    def _is_open(self, path: Path, open_path: Path | None) -> bool:
        """Whether ``path`` is the file the planner has open (``open_path``): the same
        after following links, or the same file on disk (another mount, a hard link)."""
        if open_path is None:
            return False
        if real_path(path) == real_path(open_path):
            return True
        try:
            return os.path.samefile(path, open_path)
        except (OSError, ValueError):
            return False

    @work(thread=True, exclusive=True, group="open")
    def _open_file(self, path: Path) -> Opened:
        """The file read, whole or (a large one) its first gebieden; or its problems.

        A confined session opens only files that really are in its folders: where the
        path leads is asked first, and the file read there without following a link put
        in its place since (and saved there)."""
        real = real_path(path)
        if not self.settings.may_open(real):
            return [Problem(str(path), "", texts.LINK_LEADS_OUT, texts.FIX_LINK_LEADS_OUT)]
        try:
            return storage.open_streamed(path, real if self.settings.confined else None)
        except ProblemsError as error:
            return error.problems

    def on_library_screen_renamed(self, message: LibraryScreen.Renamed) -> None:
        """The open scenario's file may have been renamed: the planner follows it."""
        self._planner().follow(message.old, message.new, message.data, message.old_digest)

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (it copies in a field): say how to, in the UI language."""
        self.notify(texts.HOW_TO_QUIT, title=texts.HOW_TO_QUIT_TITLE, markup=False)
