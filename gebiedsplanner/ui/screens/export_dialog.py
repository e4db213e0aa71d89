"""Modal: where and how to export: CSV, or an Excel workbook (as ``gebiedsplanner export``).

The file's extension chooses the format as on the command line (``.xlsx`` a workbook,
``.csv`` CSV), and one that names another format (``.ods``) is refused, naming those
there are. In a session served by ``ssh-serve``, where the file stays on the server,
the dialog also shows the ssh command that fetches the same export to the adviser's
own computer (:mod:`gebiedsplanner.exports.fetching`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Select, Static

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.exports.formats import TABLE_FORMATS, Format, extension_of, format_for
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings.locations import Settings, expand_home
from gebiedsplanner.ui.screens.dialog import ModalDialog, dialog_key
from gebiedsplanner.ui.shown_path import shown_path
from gebiedsplanner.ui.widgets.field import Field

#: The export kind of a workbook, next to the CSV dialects.
XLSX = "xlsx"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """The dialog's result, handed to the pure writers."""

    path: Path
    layout: str
    dialect: str
    """A CSV dialect, or :data:`XLSX` for a workbook."""
    make_folder: bool = False
    """The folder is the user's own library, made when it is not there yet."""
    settings: Settings | None = None
    """Where exports may go: asked again as the file is written (a link in the path may
    have been turned elsewhere while the question whether to replace it was open)."""


#: The command's words on the server for a format, a layout and a CSV dialect.
FetchWords = Callable[[Format, str, str], Sequence[str]]


@dataclass(frozen=True, slots=True)
class Fetching:
    """How the export is fetched over ssh from a session served by ``ssh-serve``.

    Attributes:
        served_at: The host and port the adviser's connection reached.
        words: The command's words on the server; ``None``: no command reaches what
            is exported (a scenario outside the served folders).
        saved_only: The command reads the saved file, and there are unsaved changes.
    """

    served_at: tuple[str, int]
    words: FetchWords | None
    saved_only: bool = False


class ExportDialog(ModalDialog[ExportRequest | None]):
    """File name, layout (long/wide) and dialect (standard/nl); over ``ssh-serve``, the
    command that fetches the export, and ctrl+y to copy it (a command wrapped on screen
    would be copied from the terminal as two lines)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        dialog_key("ctrl+y", "copy_fetch", "KEY_COPY_FETCH", id="export.copy_fetch"),
    ]

    def __init__(
        self,
        settings: Settings,
        file_name: str,
        *,
        layouts: bool = True,
        workbook: bool = False,
        fetching: Fetching | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.fetching = fetching
        self.suggestion = settings.export_folder / file_name
        self.layouts = layouts
        self.kinds = (
            (*texts.EXPORT_DIALECTS, texts.EXPORT_WORKBOOK) if workbook else texts.EXPORT_DIALECTS
        )
        """CSV for Dutch Excel, standard CSV, and (``workbook``) an Excel workbook."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(texts.EXPORT_TITLE, classes="title", markup=False)
            yield Field(value=str(self.suggestion), id="path")
            with Horizontal(classes="choices"):
                if self.layouts:
                    yield Select(texts.EXPORT_LAYOUTS, value="long", allow_blank=False, id="layout")
                yield Select(self.kinds, value="nl", allow_blank=False, id="dialect")
            if self.fetching is not None:
                yield Static("", id="fetch", markup=False)
            yield Static(texts.EXPORT_KEYS, classes="keys", markup=False)

    def on_mount(self) -> None:
        self._fetch_follows()

    def _choice(self) -> tuple[Format, str, str]:
        """The format, layout and CSV dialect chosen: the name's extension says the
        format where it is ``.csv`` or ``.xlsx``, else the list does."""
        text = self.query_one("#path", Input).value.strip()
        layout = str(self.query_one("#layout", Select).value) if self.layouts else "long"
        kind = str(self.query_one("#dialect", Select).value)
        form = Format.XLSX if kind == XLSX else Format.CSV
        named = {".csv": Format.CSV, ".xlsx": Format.XLSX}.get(extension_of(text))
        if named is Format.CSV and kind == XLSX:
            kind = "nl"  # the name asks for CSV: the list's first dialect
        return named or form, layout, kind

    def _fetch_command(self) -> str | None:
        """The ssh command that fetches this export; ``None``: there is none."""
        from gebiedsplanner.exports.fetching import fetch_command

        fetching = self.fetching
        if fetching is None or fetching.words is None:
            return None
        form, layout, dialect = self._choice()
        name = Path(self.query_one("#path", Input).value.strip()).name
        try:
            output = str(Path(name).with_suffix(form.extension))
        except ValueError:  # no name to give an extension (``..``)
            output = Path(str(self.suggestion)).with_suffix(form.extension).name
        return fetch_command(fetching.served_at, fetching.words(form, layout, dialect), output)

    def _fetch_text(self) -> Text:
        """The ssh command that fetches this export (in bold), or why there is none."""
        command = self._fetch_command()
        if command is None:
            return Text(texts.EXPORT_FETCH_NONE)
        shown = Text(texts.EXPORT_FETCH + "\n")
        shown.append(literal(command), style="bold")
        shown.append("\n" + texts.EXPORT_FETCH_COPY)
        if self.fetching is not None and self.fetching.saved_only:
            shown.append("\n" + texts.EXPORT_FETCH_SAVED_ONLY)
        return shown

    def action_copy_fetch(self) -> None:
        """ctrl+y: the ssh command to the terminal's clipboard (OSC 52), whole."""
        command = self._fetch_command()
        if command is None:
            return
        self.app.copy_to_clipboard(command)
        self.notify(texts.EXPORT_FETCH_COPIED, markup=False)

    @on(Input.Changed, "#path")
    @on(Select.Changed)
    def _fetch_follows(self) -> None:
        if self.fetching is not None:
            self.query_one("#fetch", Static).update(self._fetch_text())

    @on(Select.Changed, "#dialect")
    def _suffix_follows(self, event: Select.Changed) -> None:
        """Choosing a workbook makes ``plan.csv`` ``plan.xlsx``, and back."""
        field = self.query_one("#path", Input)
        path = Path(field.value)
        suffix = ".xlsx" if event.value == XLSX else ".csv"
        if path.suffix.casefold() in (".csv", ".xlsx") and path.suffix != suffix:
            field.value = str(path.with_suffix(suffix))

    def action_submit(self) -> None:
        """Enter, from any field: export to the file named, as the lists say."""
        text = self.query_one("#path", Input).value.strip()
        if not text:
            return
        offered = TABLE_FORMATS if len(self.kinds) > len(texts.EXPORT_DIALECTS) else (Format.CSV,)
        try:
            format_for(text, None, offered)  # the file's name says what it is, or is refused
        except ProblemsError as error:
            self.notify(str(error.problems[0]), severity="error", markup=False)
            return
        form, layout, dialect = self._choice()
        if form is Format.XLSX:
            dialect = XLSX
        path = expand_home(text)
        if path is None:
            message = texts.UNKNOWN_HOME.format(text=literal(text))
            self.notify(message, severity="error", markup=False)
            return
        outside = _outside(self.settings, path)
        if outside is not None:
            self.notify(str(outside), severity="error", markup=False)
            return
        own = path.parent == self.settings.own_library
        self.dismiss(ExportRequest(path, layout, dialect, make_folder=own, settings=self.settings))


def _outside(settings: Settings, path: Path) -> Problem | None:
    """Why an export may not go to ``path`` (a confined session's, outside its folders)."""
    if settings.may_write_to(path):
        return None
    folders = ", ".join(shown_path(folder) for folder in settings.export_folders)
    return Problem(
        shown_path(path), "", texts.EXPORT_OUTSIDE, texts.FIX_EXPORT_OUTSIDE.format(folders=folders)
    )


#: Builds the export's bytes and counts its rows (run in the worker thread).
ExportBuilder = Callable[[], tuple[bytes, int]]


def run_export(
    screen: Screen[Any],
    request: ExportRequest,
    build: ExportBuilder,
    done: str,
    overwrite: bool = False,
) -> None:
    """Write an export in a worker; when a file is already there, ask before replacing it.

    ``done`` is the notification's template (``rows``, ``output``). Problems
    (a scenario file, a link, a full disk) go to the app's one reporter.
    """
    from gebiedsplanner.exports.csv_export import write_export

    path = request.path

    def write() -> None:
        try:
            outside = None if request.settings is None else _outside(request.settings, path)
            if outside is not None:
                raise ProblemsError([outside])
            data, rows = build()
            written = write_export(path, data, overwrite=overwrite, make_folder=request.make_folder)
        except ProblemsError as error:
            screen.app.call_from_thread(screen.app.report_problems, error.problems)  # type: ignore[attr-defined]
            return
        if written:
            message = done.format(rows=rows, output=shown_path(path))
            screen.app.call_from_thread(screen.notify, message, markup=False)
        else:
            screen.app.call_from_thread(ask)

    def ask() -> None:
        from gebiedsplanner.ui.screens.choice import YES, confirm

        def answered(answer: str | None) -> None:
            if answer == YES:
                run_export(screen, request, build, done, overwrite=True)

        question = texts.EXPORT_EXISTS_QUESTION.format(file=shown_path(path))
        screen.app.push_screen(confirm(texts.EXPORT_EXISTS_TITLE, question), answered)

    screen.run_worker(write, thread=True, exclusive=True, group="export")
