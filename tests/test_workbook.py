"""The plan as an Excel workbook, read back as a manager's spreadsheet program reads it."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.core.compare import compare
from gebiedsplanner.core.scenario import Cell, Gebied
from gebiedsplanner.editing import storage
from gebiedsplanner.exports.sheets import AMOUNT_FORMAT
from gebiedsplanner.exports.workbook import comparison_workbook, plan_workbook
from gebiedsplanner.format.scenario_reader import parse
from gebiedsplanner.format.scenario_writer import dumps
from tests.conftest import BUNDLED

WHEN = datetime(2026, 3, 11, 14, 5, tzinfo=UTC)
HOSTILE = ('=HYPERLINK("http://x","klik")', "+31 Noord", "-Zuid", "@SUM(A1)", "http://x.nl")


def _read(data: bytes, *, cached: bool = False) -> openpyxl.Workbook:
    """The workbook as a spreadsheet program reads it: formulas, or (``cached``) the values
    they came to when written, as a viewer that computes nothing shows them."""
    return openpyxl.load_workbook(io.BytesIO(data), data_only=cached)


def edited() -> storage.ScenarioDocument:
    document = storage.load(BUNDLED)
    document.scenario.move(
        Cell("Charlois", "gebiedsopdracht", 2017),
        Cell("Charlois", "couleur_locale", 2017),
        50_000,
        who="anna",
        when=WHEN,
        reason="meer bewonersinitiatieven",
    )
    return document


def test_the_change_log_sheet_has_a_row_per_note_change() -> None:
    """A note is logged when changed (issue 26): the sheet says who changed it, from what
    to what, as text; ``(geen)`` for no note."""
    scenario = edited().scenario
    scenario.set_note("Charlois", "wacht op besluit", who="noor", when=WHEN)
    scenario.set_note("Charlois", "", who="anna", when=WHEN)
    rows = list(_read(plan_workbook(scenario))["Wijzigingen"].iter_rows(values_only=True))
    assert rows[-2:] == [
        (
            datetime(2026, 3, 11, 14, 5),
            "noor",
            "notitie",
            "Charlois/notitie",
            "(geen)",
            "wacht op besluit",
            "",
        ),
        (
            datetime(2026, 3, 11, 14, 5),
            "anna",
            "notitie",
            "Charlois/notitie",
            "wacht op besluit",
            "(geen)",
            "",
        ),
    ]


def test_the_plan_sheet_has_numbers_in_the_thousands_format_and_sum_formulas() -> None:
    scenario = edited().scenario
    book = _read(plan_workbook(scenario))
    assert book.sheetnames == ["Plan", "Envelope", "Wijzigingen"]
    plan = book["Plan"]
    header = [cell.value for cell in plan[1]]
    assert header[:3] == ["Gebied", "couleur locale 2016", "couleur locale 2017"]
    charlois = next(row for row in plan.iter_rows(min_row=2) if row[0].value == "Charlois")
    amount = charlois[header.index("couleur locale 2017")]
    assert amount.value == 297_000 and amount.data_type == "n"
    assert amount.number_format == AMOUNT_FORMAT
    last = plan.max_row
    assert plan.cell(last, 1).value == "Totaal"
    column = header.index("gebiedsopdracht 2016") + 1
    letter = plan.cell(1, column).column_letter
    assert plan.cell(last, column).value == f"=SUM({letter}2:{letter}{last - 1})"
    assert plan.freeze_panes == "B2"
    city = [row[0].value for row in plan.iter_rows(min_row=2, max_row=last - 1)]
    assert len(city) == len(scenario.gebieden) + len(scenario.stedelijk)
    assert city[-1].startswith("stedelijk: ")
    assert book.properties.title == scenario.name


def test_every_year_column_adds_up_to_what_is_planned() -> None:
    """The wide layout: a row per gebied and post, a column per year; the planned total
    is the column's sum (the values a spreadsheet's SUM adds)."""
    scenario = edited().scenario
    plan = _read(plan_workbook(scenario, wide=True))["Plan"]
    header = [cell.value for cell in plan[1]]
    assert header[:2] == ["Gebied", "Post"]
    for year in scenario.years:
        column = header.index(str(year))
        values = [row[column].value for row in plan.iter_rows(min_row=2, max_row=plan.max_row - 1)]
        assert sum(values) == scenario.totals(year).planned


def test_the_envelope_and_the_change_log_sheets() -> None:
    scenario = edited().scenario
    book = _read(plan_workbook(scenario), cached=True)
    envelope = book["Envelope"]
    assert envelope["A2"].number_format == "0"  # a year: 2016, not 2.016
    assert envelope["B2"].number_format == AMOUNT_FORMAT
    assert envelope["C2"].number_format == AMOUNT_FORMAT
    rows = list(envelope.iter_rows(values_only=True))
    assert rows[0][:4] == ("Jaar", "Envelope", "Gepland", "Ruimte")
    assert rows[2] == (2017, 57_931_000, 58_181_000, -250_000, -5_000_000, -4_750_000, -250_000)
    assert any(str(row[0]).startswith("Beleidsregels geschonden:") for row in rows)
    changes = list(book["Wijzigingen"].iter_rows(values_only=True))
    assert changes[0] == ("Wanneer", "Wie", "Actie", "Cel", "Oud", "Nieuw", "Toelichting")
    assert changes[-1] == (
        datetime(2026, 3, 11, 14, 5),  # a date, as the change log recorded it
        "anna",
        "verschuiving",
        "Charlois/couleur_locale/2017",
        247_000,
        297_000,
        "meer bewonersinitiatieven",
    )
    when = book["Wijzigingen"]["A2"]
    assert when.is_date and when.number_format == "dd-mm-yyyy hh:mm"


@pytest.mark.parametrize("wide", [False, True], ids=["per post", "wide"])
def test_the_envelope_follows_the_plan_sheet_by_formulas(wide: bool) -> None:
    """Gepland and the taakstelling distributed add up the Plan sheet, Ruimte and what is
    still open subtract within the row: a manager's change in the Plan reaches them. The
    formulas carry our figures, for a viewer that computes nothing."""
    scenario = edited().scenario
    data = plan_workbook(scenario, wide=wide)
    envelope = _read(data)["Envelope"]
    planned, room, distributed, still_open = (envelope[f"{c}3"].value for c in "CDFG")
    if wide:
        assert planned == "=Plan!$D$47"  # the 2017 column's total
        assert distributed == (
            '=SUMIFS(Plan!$D$2:$D$46,Plan!$B$2:$B$46,"taakstelling",Plan!$A$2:$A$46,"<>stedelijk")'
        )
    else:  # couleur locale, gebiedsopdracht, taakstelling and stedelijk 2017
        assert planned == "=Plan!$C$19+Plan!$G$19+Plan!$K$19+Plan!$O$19"
        assert distributed == "=Plan!$K$19"
    assert (room, still_open) == ("=B3-C3", "=E3-F3")
    assert isinstance(envelope["B3"].value, int)  # the envelope is the scenario's own figure
    cached = _read(data, cached=True)["Envelope"]
    for row, year in enumerate(scenario.years, start=2):
        totals = scenario.totals(year)
        figures = (totals.planned, totals.room, totals.taakstelling_distributed)
        assert (cached[f"C{row}"].value, cached[f"D{row}"].value, cached[f"F{row}"].value) == (
            figures
        )
        assert cached[f"G{row}"].value == totals.taakstelling_open


def test_the_comparison_computes_its_differences_and_room() -> None:
    variant = edited().scenario
    variant.name = "Meer Charlois"
    comparison = compare(storage.load(BUNDLED).scenario, [variant])
    data = comparison_workbook(comparison)
    differences = _read(data)["Verschillen"]
    assert differences["H2"].value == "=G2-F2"
    assert _read(data, cached=True)["Verschillen"]["H2"].value == 50_000
    totals = _read(data)["Totalen"]
    assert totals["E2"].value == "=C2-D2"
    assert [row[4] for row in _read(data, cached=True)["Totalen"].iter_rows(values_only=True)][
        1:
    ] == [
        comparison.totals(scenario, year).room  # type: ignore[union-attr]
        for year in comparison.years
        for scenario in (comparison.base, variant)
    ]


def _all_sheets(*, cached: bool = False) -> list[tuple[str, Any]]:
    """Every sheet of the plan's workbook (both layouts) and of the comparison's, named
    ``book:sheet``."""
    variant = edited().scenario
    variant.name = "Bakker & Zn &P"  # an & in a footer starts a code: doubled
    comparison = compare(storage.load(BUNDLED).scenario, [variant])
    books = [
        _read(plan_workbook(variant), cached=cached),
        _read(plan_workbook(variant, wide=True), cached=cached),
        _read(comparison_workbook(comparison), cached=cached),
    ]
    return [(f"{index}:{sheet.title}", sheet) for index, book in enumerate(books) for sheet in book]


def test_every_sheet_prints_landscape_one_page_wide_with_titles_and_a_footer() -> None:
    today = datetime.now().strftime("%d-%m-%Y")
    for name, sheet in _all_sheets():
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToHeight) == (
            "landscape",
            9,  # A4
            0,  # as many pages down as it takes
        ), name
        assert setup.fitToWidth in (None, 1), name  # one page wide (absent: 1)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert sheet.print_title_rows == "$1:$1", name
        footer = sheet.oddFooter
        assert footer.left.text == "Bakker &&\u200b Zn &&\u200bP" or footer.left.text.startswith(
            "Vergelijking met NRW basis"
        ), name
        assert footer.center.text.startswith(today), name
        assert footer.right.text == "pagina &P van &N", name
    titles = {name: sheet.print_title_cols for name, sheet in _all_sheets()}
    assert titles["0:Plan"] == "$A:$A" and titles["1:Plan"] == "$A:$B"  # the gebied (and post)
    assert titles["0:Envelope"] == "$A:$A" and titles["2:Verschillen"] == "$A:$C"


def _width(sheet: Any, column: int) -> float:
    """The width of ``column`` (from 1): one ``<col>`` may set several alike."""
    for dimension in sheet.column_dimensions.values():
        if dimension.min <= column <= dimension.max:
            return float(dimension.width)
    raise AssertionError(f"{sheet.title}: column {column} has no width")


def _table_end(sheet: Any) -> int:
    """The first row under the table (the lines below it run on over empty cells)."""
    for row in range(2, sheet.max_row + 1):
        if all(cell.value is None for cell in sheet[row]):
            return row
    return sheet.max_row + 1


def _drawn(value: object) -> str:
    if isinstance(value, datetime):
        return "dd-mm-yyyy hh:mm"
    if isinstance(value, int):
        return f"{value:,}"
    return max(str(value).splitlines(), key=len, default="")


def test_no_column_is_narrower_than_what_it_shows() -> None:
    """A number wider than its column shows as ``###``: every column is as wide as its
    widest value (a text longer than a column grows wraps within it instead)."""
    for name, sheet in _all_sheets(cached=True):
        for column in range(1, sheet.max_column + 1):
            letter = openpyxl.utils.get_column_letter(column)
            width = _width(sheet, column)
            cells = [sheet.cell(row, column) for row in range(2, _table_end(sheet))]
            values = [cell for cell in cells if cell.value is not None]
            if any(cell.alignment.wrap_text for cell in values):
                assert 20 <= int(width) <= 100, (name, letter)
                continue
            widest = max((len(_drawn(cell.value)) for cell in values), default=0)
            assert width >= widest + 1, (name, letter, width, widest)
            header = sheet.cell(1, column).value
            assert width >= max(map(len, str(header).split())) + 3, (name, letter)


def test_a_long_toelichting_wraps_within_a_landscape_page() -> None:
    document = edited()
    entry = document.scenario.log[-1]
    reason = "wacht op het besluit van de gebiedscommissie over de verdeling " * 6
    document.scenario.log[-1] = entry._replace(reason=reason.strip())
    comparison = compare(storage.load(BUNDLED).scenario, [document.scenario])
    explained = _read(comparison_workbook(comparison))["Toelichting"]
    assert int(_width(explained, 1)) == 100  # about 130 fit a landscape page
    lines = [row[0] for row in explained.iter_rows(min_row=2)]
    assert any("besluit" in line.value for line in lines)
    assert all(line.alignment.wrap_text for line in lines)  # short ones too: a manager adds
    changes = _read(plan_workbook(document.scenario))["Wijzigingen"]
    assert int(_width(changes, 7)) == 50
    assert changes["G3"].alignment.wrap_text
    # as high as its lines (383 characters in 48): not drawn over the rows below
    assert changes.row_dimensions[3].height >= 8 * 15
    assert changes["E3"].alignment.vertical == "top"  # beside the reason's first line
    long_line = next(row for row, line in enumerate(lines, start=2) if "besluit" in line.value)
    assert explained.row_dimensions[long_line].height >= 4 * 15


def test_names_that_look_like_formulas_or_links_stay_text() -> None:
    base = storage.load(BUNDLED).scenario
    gebieden = dict(base.gebieden)
    for name in HOSTILE:
        gebieden[name] = Gebied(
            name, {post: dict(by) for post, by in base.gebieden["Noord"].posts.items()}
        )
    scenario = parse("hostile", dumps(base, name="=cmd|' /C calc'!A0"))
    scenario.gebieden.update(gebieden)
    book = _read(plan_workbook(scenario))
    names = {row[0].value: row[0] for row in book["Plan"].iter_rows(min_row=2)}
    for name in HOSTILE:
        assert names[name].data_type == "s" and names[name].hyperlink is None
    assert book.properties.title == "=cmd|' /C calc'!A0"


def test_export_writes_a_workbook_by_its_suffix_or_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "plan.xlsx"
    assert main(["export", str(BUNDLED), "-o", str(out)]) == 0
    assert "Werkmap geschreven" in capsys.readouterr().out
    assert _read(out.read_bytes()).sheetnames == ["Plan", "Envelope", "Wijzigingen"]
    other = tmp_path / "plan.bin"
    assert main(["export", str(BUNDLED), "-o", str(other), "--format", "xlsx"]) == 0
    assert other.read_bytes()[:2] == b"PK"


def test_compare_writes_differences_totals_and_the_explanation_as_a_workbook(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    variant = tmp_path / "variant.toml"
    variant.write_bytes(dumps(edited().scenario, name="Meer Charlois"))
    out = tmp_path / "vergelijking.xlsx"
    assert main(["compare", str(BUNDLED), str(variant), "-o", str(out)]) == 0
    assert "Werkmap geschreven" in capsys.readouterr().out
    book = _read(out.read_bytes(), cached=True)
    assert book.sheetnames == ["Verschillen", "Totalen", "Toelichting"]
    differences = list(book["Verschillen"].iter_rows(min_row=2, values_only=True))
    assert differences == [
        (
            "NRW basis 2016-2019",
            "Meer Charlois",
            "Charlois",
            "couleur locale",
            2017,
            247_000,
            297_000,
            50_000,
        ),
        (
            "NRW basis 2016-2019",
            "Meer Charlois",
            "Charlois",
            "gebiedsopdracht",
            2017,
            4_423_000,
            4_373_000,
            -50_000,
        ),
    ]
    totals = list(book["Totalen"].iter_rows(min_row=2, values_only=True))
    assert (2017, "Meer Charlois", 57_931_000, 58_181_000, -250_000) in totals
    explained = [row[0] for row in book["Toelichting"].iter_rows(values_only=True)]
    assert any("meer bewonersinitiatieven" in str(line) for line in explained)


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="needs LibreOffice (Debian's libreoffice-calc-nogui) to compute the workbook",
)
def test_a_real_spreadsheet_program_computes_the_same_totals_after_an_edit(
    tmp_path: Path,
) -> None:
    """A manager changes cells in the Plan sheet: LibreOffice computes the totals row and
    the Envelope sheet anew from the formulas, in both layouts; the workbook as written
    (saved again by openpyxl, which keeps no computed values, so LibreOffice must compute
    every one) comes to our own figures."""
    scenario = storage.load(BUNDLED).scenario
    files = []
    for wide in (False, True):
        for change in (0, 1_000):
            book = _read(plan_workbook(scenario, wide=wide))
            _change_plan(book["Plan"], "Charlois", "couleur locale", 2017, change)
            _change_plan(book["Plan"], "Noord", "taakstelling", 2017, -change // 2)
            files.append(tmp_path / f"{'breed' if wide else 'per-post'}-{change}.xlsx")
            book.save(files[-1])
    computed = tmp_path / "berekend"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(computed), *files],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    for file in files:
        change = int(file.stem.rsplit("-", 1)[1])
        book = openpyxl.load_workbook(computed / file.name, data_only=True)
        envelope = list(book["Envelope"].iter_rows(min_row=2, max_row=5, values_only=True))
        for year, row in zip(scenario.years, envelope, strict=True):
            totals = scenario.totals(year)
            planned, distributed = totals.planned, totals.taakstelling_distributed
            if year == 2017:  # + change in couleur locale, - change / 2 in taakstelling
                planned, distributed = planned + change // 2, distributed - change // 2
            imposed = totals.taakstelling_imposed
            expected = (year, totals.envelope, planned, totals.envelope - planned, imposed)
            assert row == (*expected, distributed, imposed - distributed), file.name
        plan = list(book["Plan"].iter_rows(values_only=True))
        total = plan[-1]
        assert total[0] == "Totaal"
        if file.stem.startswith("breed"):
            assert total[plan[0].index("2017")] == envelope[1][2], file.name


def _change_plan(sheet: Any, gebied: str, post: str, year: int, change: int) -> None:
    """Add ``change`` to a cell of the Plan sheet, as a manager would type it."""
    header = [cell.value for cell in sheet[1]]
    wide = header[1] == "Post"
    column = header.index(str(year) if wide else f"{post} {year}")
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == gebied and (not wide or row[1].value == post):
            row[column].value += change
            return
    raise AssertionError(f"no row {gebied} {post}")


def test_a_plan_without_rows_has_no_totals_that_add_up_themselves() -> None:
    scenario = storage.load(BUNDLED).scenario
    scenario.gebieden.clear()
    scenario.stedelijk.clear()
    plan = _read(plan_workbook(scenario))["Plan"]
    assert plan.max_row == 1  # the header only: no =SUM(B2:B1) in B2


def test_a_workbook_is_not_written_onto_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", str(BUNDLED), "-o", "-", "--format", "xlsx"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "een werkmap is geen tekst" in err and "> plan.xlsx" in err


def test_a_reason_longer_than_a_cell_holds_is_cut_with_an_ellipsis() -> None:
    document = edited()
    entry = document.scenario.log[-1]
    document.scenario.log[-1] = entry._replace(reason="x" * 40_000)
    changes = _read(plan_workbook(document.scenario))["Wijzigingen"]
    reason = changes.cell(changes.max_row, 7).value
    assert len(reason) == 32_767 and reason.endswith("…")


@pytest.mark.parametrize(
    ("lang", "plan_sheets", "comparison_sheets"),
    [
        ("nl", ["Plan", "Envelope", "Wijzigingen"], ["Verschillen", "Totalen", "Toelichting"]),
        ("en", ["Plan", "Envelope", "Changes"], ["Differences", "Totals", "Explanation"]),
    ],
)
def test_the_sheets_are_named_in_the_ui_language_as_the_message_says(
    lang: str,
    plan_sheets: list[str],
    comparison_sheets: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """The workbook is named for people: ``--lang en`` gives English sheets, and the
    message after writing names the sheets the workbook has."""
    variant = tmp_path / "variant.toml"
    variant.write_bytes(dumps(edited().scenario, name="Meer Charlois"))
    plan, comparison = tmp_path / "plan.xlsx", tmp_path / "vergelijking.xlsx"
    assert main(["--lang", lang, "export", str(BUNDLED), "-o", str(plan)]) == 0
    assert main(["--lang", lang, "compare", str(BUNDLED), str(variant), "-o", str(comparison)]) == 0
    said = capsys.readouterr().out
    assert _read(plan.read_bytes()).sheetnames == plan_sheets
    assert _read(comparison.read_bytes()).sheetnames == comparison_sheets
    for sheets in (plan_sheets, comparison_sheets):
        assert ", ".join(sheets) in said


def test_every_sheet_name_is_one_excel_takes_in_every_language() -> None:
    """At most 31 characters, none of ``[]:*?/\\``, and not empty."""
    from gebiedsplanner.i18n import language, texts

    names = ("PLAN", "ENVELOPE", "CHANGES", "DIFFERENCES", "TOTALS", "EXPLAINED")
    for lang in language.LANGUAGES:
        language.use(lang)
        for name in (f"XLSX_{name}" for name in names):
            sheet = getattr(texts, name)
            assert 0 < len(sheet) <= 31 and not set(sheet) & set("[]:*?/\\"), (lang, name)
