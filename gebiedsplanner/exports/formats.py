"""Which format a file's name means: the formats each output writes, and a name whose
extension promises another format refused, never written under a false name.

``report -o r.pdf`` used to write HTML under that name and ``export -o x.ods`` a CSV
that LibreOffice refuses. Now the extension chooses among the formats a command writes
(``.csv`` or ``.xlsx`` for ``export`` and ``compare``, ``.html`` or ``.pdf`` for
``report``); an extension that names another file format (``.ods``, ``.docx``) is
refused, naming the ones there are; ``--format`` that disagrees with the name is
refused too. A name whose extension names no format (``plan``, ``plan.v2``) gets
``--format``'s format, or the command's first. The command line and the app's export
dialog ask here, so they agree. Pure: no IO.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.i18n import texts


class Format(StrEnum):
    """A format an output is written in, by its ``--format`` value."""

    CSV = "csv"
    XLSX = "xlsx"
    HTML = "html"
    PDF = "pdf"

    @property
    def binary(self) -> bool:
        """Not text: unreadable on a terminal (a workbook, a PDF)."""
        return self in (Format.XLSX, Format.PDF)

    @property
    def extension(self) -> str:
        return f".{self.value}"


#: What ``export`` and ``compare`` write, the first when nothing says otherwise.
TABLE_FORMATS = (Format.CSV, Format.XLSX)
#: What ``report`` writes.
REPORT_FORMATS = (Format.HTML, Format.PDF)

#: Our formats by the extensions that name them.
_OURS = {
    ".csv": Format.CSV,
    ".xlsx": Format.XLSX,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".pdf": Format.PDF,
}
#: Other spreadsheets' extensions: a workbook (.xlsx) is what to write instead, which
#: Excel and LibreOffice open (LibreOffice saves it as .ods if wanted).
_SPREADSHEETS = frozenset({".ods", ".fods", ".xls", ".xlsm", ".xlsb", ".numbers"})
#: Other extensions that name a file format a user may expect from an export.
_OTHER_FORMATS = frozenset(
    {".odt", ".doc", ".docx", ".rtf", ".tsv", ".json", ".xml", ".md", ".png", ".jpg", ".svg"}
)


def extension_of(name: str) -> str:
    """The extension of the file ``name``, in lower case (``""``: none)."""
    return PurePath(name).suffix.casefold()


def format_for(name: str | None, given: str | None, offered: tuple[Format, ...]) -> Format:
    """The format to write the file ``name`` in (``None``: standard output), of those
    ``offered``, with ``given`` (``--format``'s value, or ``None``).

    :class:`ProblemsError` when the name's extension names a format not offered, or
    one that ``given`` contradicts; the message names the file, the fix the formats.
    """
    chosen = Format(given) if given else None
    extension = extension_of(name) if name else ""
    named = _OURS.get(extension)
    if named is None and extension not in _SPREADSHEETS | _OTHER_FORMATS:
        return chosen or offered[0]  # no extension, or one that names no format
    shown = name or ""
    if named not in offered:
        spreadsheet = extension in _SPREADSHEETS and Format.XLSX in offered
        fix = texts.FIX_OUTPUT_SPREADSHEET if spreadsheet else texts.FIX_OUTPUT_EXTENSIONS
        extensions = texts.OUTPUT_OR.join(form.extension for form in offered)
        message = texts.OUTPUT_WRONG_EXTENSION.format(extension=extension)
        raise ProblemsError([Problem(shown, "", message, fix.format(extensions=extensions))])
    if chosen is not None and chosen is not named:
        message = texts.OUTPUT_FORMAT_DISAGREES.format(format=chosen, extension=extension)
        fixed = str(PurePath(shown).with_suffix(chosen.extension))
        fix = texts.FIX_OUTPUT_FORMAT_DISAGREES.format(name=fixed)
        raise ProblemsError([Problem(shown, "", message, fix)])
    assert named is not None
    return named
