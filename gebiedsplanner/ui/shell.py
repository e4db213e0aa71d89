"""What every screen of the app shares: problems on screen, and the command palette.

The palette speaks the UI language: our commands only (Textual's own are English),
our placeholders in place of "Search for commands…" and "Search for themes…", and
our words for "No matches found". A
theme chosen there is applied at once and remembered in the config file (written
by :mod:`gebiedsplanner.settings.config_edit`, in a worker); the next start applies
it again, when it is a theme this Textual knows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual import work
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.i18n import texts
from gebiedsplanner.ui.terminal_app import TerminalApp


class Palette(CommandPalette):
    """Textual's command palette, saying that nothing matches in the UI language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's (``textual==8.2.8``, pinned), which writes "No matches found":
        after a moment without matches, a line that says so in our words."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            self._list_visible = bool(search_value)
            if search_value:
                line = Align.center(Text(texts.PALETTE_NO_MATCHES, style="not bold"))
                option = Option(line, disabled=True, id=self._NO_MATCHES)
                self.query_one(CommandList).add_option(option)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class ThemeChosen(Message):
    """The user chose the theme ``name`` in the palette (so it is to be remembered)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class ThemeChoices(ThemeProvider):
    """Textual's list of themes; choosing one also tells the app, which remembers it."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        def choose(name: str) -> None:
            self.app.theme = name
            self.app.post_message(ThemeChosen(name))

        return [(name, partial(choose, name)) for name in sorted(self.app.available_themes)]


class Shell(TerminalApp):
    """The app's base for what all its screens share (the terminal's duties: TerminalApp)."""

    def __init__(self, theme: str | None) -> None:
        """``theme``: the config file's, applied now when known, else said at :meth:`on_ready`."""
        super().__init__()
        self._theme_lock = threading.Lock()
        self._theme_to_remember = ""
        self._start_problems: list[Problem] = []
        if theme in self.available_themes:
            self.theme = theme
        elif theme is not None:
            from gebiedsplanner.settings import config_edit  # writes TOML: not on every start

            self._start_problems.append(config_edit.unknown_theme(theme, self.available_themes))

    def on_ready(self) -> None:
        self.report_problems(self._start_problems)

    def report_problems(self, problems: list[Problem]) -> None:
        """The one place where problems become messages on screen (shown literally)."""
        for problem in problems:
            self.notify(
                str(problem), title=texts.PROBLEM_TITLE, severity="error", timeout=20, markup=False
            )

    # -- the command palette -----------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Our commands, in the UI language: Textual's own (English) are left out."""
        yield SystemCommand(texts.PALETTE_THEME, texts.PALETTE_THEME_HELP, self.action_change_theme)
        yield SystemCommand(texts.PALETTE_QUIT, texts.PALETTE_QUIT_HELP, self.action_quit)
        for spec in getattr(screen, "ACTIONS", ()):
            yield SystemCommand(
                spec.label, spec.help, lambda a=spec.action: self.call_later(screen.run_action, a)
            )

    def action_command_palette(self) -> None:
        """ctrl+p: Textual's palette, with our placeholder."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            palette = Palette(placeholder=texts.PALETTE_PLACEHOLDER, id="--command-palette")
            self.push_screen(palette)

    def search_themes(self) -> None:
        """The palette's Thema: the themes, with our placeholder; the one chosen is kept."""
        palette = Palette(providers=[ThemeChoices], placeholder=texts.PALETTE_THEME_PLACEHOLDER)
        self.push_screen(palette)

    def on_theme_chosen(self, message: ThemeChosen) -> None:
        self._theme_to_remember = message.name
        self._remember_theme()

    @work(thread=True, group="theme")
    def _remember_theme(self) -> None:
        """Write the theme chosen last (off the UI thread: the config may be on a share).

        One write at a time, each of the latest choice: two quick choices cannot end
        with the first one in the file.
        """
        from gebiedsplanner.settings import config_edit

        with self._theme_lock:
            name = self._theme_to_remember
            try:
                config_edit.remember_theme(name)
            except ProblemsError as error:
                problems = [
                    problem._replace(
                        message=texts.THEME_NOT_REMEMBERED.format(theme=name, why=problem.message)
                    )
                    for problem in error.problems
                ]
                self.call_from_thread(self.report_problems, problems)
