"""The plan as an Excel workbook, read back as a manager's spreadsheet program reads it."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.core.scenario import Cell, Gebied
from gebiedsplanner.editing import storage
from gebiedsplanner.exports.workbook import AMOUNT_FORMAT, plan_workbook
from gebiedsplanner.format.scenario_reader import parse
from gebiedsplanner.format.scenario_writer import dumps
from tests.conftest import BUNDLED

WHEN = datetime(2026, 3, 11, 14, 5, tzinfo=UTC)
HOSTILE = ('=HYPERLINK("http://x","klik")', "+31 Noord", "-Zuid", "@SUM(A1)", "http://x.nl")


def _read(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


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
    book = _read(plan_workbook(scenario))
    envelope = book["Envelope"]
    assert envelope["A2"].number_format == "0"  # a year: 2016, not 2.016
    assert envelope["B2"].number_format == AMOUNT_FORMAT
    rows = list(envelope.iter_rows(values_only=True))
    assert rows[0][:4] == ("Jaar", "Envelope", "Gepland", "Ruimte")
    assert rows[2][:4] == (2017, 57_931_000, 58_181_000, -250_000)
    assert any(str(row[0]).startswith("Beleidsregels geschonden:") for row in rows)
    changes = list(book["Wijzigingen"].iter_rows(values_only=True))
    assert changes[0] == ("Wanneer", "Wie", "Actie", "Cel", "Oud", "Nieuw", "Toelichting")
    assert changes[-1] == (
        "2026-03-11 14:05",
        "anna",
        "verschuiving",
        "Charlois/couleur_locale/2017",
        247_000,
        297_000,
        "meer bewonersinitiatieven",
    )


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
    book = _read(out.read_bytes())
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
    """A manager changes a cell in the workbook: LibreOffice computes the totals row anew
    from the formulas (openpyxl keeps no cached results, so nothing else could)."""
    scenario = storage.load(BUNDLED).scenario
    book = _read(plan_workbook(scenario, wide=True))
    plan = book["Plan"]
    plan.cell(2, 3).value += 1_000  # Centrum, couleur locale, 2016
    edited = tmp_path / "bewerkt.xlsx"
    book.save(edited)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(edited)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    rows = list(csv.reader((tmp_path / "bewerkt.csv").read_text().splitlines()))
    header, total = rows[0], rows[-1]
    assert total[0] == "Totaal"
    expected = scenario.totals(2016).planned + 1_000
    assert int(total[header.index("2016")].replace(",", "").replace(".", "")) == expected


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
