"""Where an export's bytes go and which format a file's name means: standard output
without ``-o``, a binary format never onto a terminal, an extension that names another
format refused (in both languages), ``--format`` and ``-o`` never disagreeing, and the
report as a PDF printed by Chromium."""

from __future__ import annotations

import io
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.exports.formats import REPORT_FORMATS, TABLE_FORMATS, Format, format_for
from gebiedsplanner.exports.pdf import chromium, html_to_pdf
from tests.conftest import BUNDLED
from tests.test_cli import run_command

needs_chromium = pytest.mark.skipif(
    chromium() is None, reason="needs Chromium (Debian: chromium; .ci/run installs it)"
)


@pytest.mark.parametrize(
    ("name", "given", "offered", "expected"),
    [
        ("plan.csv", None, TABLE_FORMATS, Format.CSV),
        ("PLAN.XLSX", None, TABLE_FORMATS, Format.XLSX),
        ("plan", "xlsx", TABLE_FORMATS, Format.XLSX),
        ("plan.v2", None, TABLE_FORMATS, Format.CSV),  # names no format: --format's, or csv
        (None, None, TABLE_FORMATS, Format.CSV),
        ("r.htm", None, REPORT_FORMATS, Format.HTML),
        ("r.pdf", "pdf", REPORT_FORMATS, Format.PDF),
        (None, None, REPORT_FORMATS, Format.HTML),
    ],
)
def test_the_name_chooses_among_the_formats_offered(
    name: str | None, given: str | None, offered: tuple[Format, ...], expected: Format
) -> None:
    assert format_for(name, given, offered) is expected


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (["export", "-o", "x.ods"], "nl", ["x.ods: hier wordt geen .ods-bestand geschreven",
                                          "noem het .xlsx", "LibreOffice"]),
        (["export", "-o", "x.ods"], "en", ["x.ods: no .ods file is written here",
                                          "name it .xlsx", "LibreOffice"]),
        (["export", "-o", "x.pdf"], "nl", ["geen .pdf-bestand", ".csv of .xlsx"]),
        (["report", "-o", "r.xlsx"], "en", ["no .xlsx file is written here", ".html or .pdf"]),
        (["report", "-o", "r.docx"], "nl", ["geen .docx-bestand", ".html of .pdf"]),
        (["export", "-o", "x.csv", "--format", "xlsx"], "nl",
         ["--format xlsx schrijft geen .csv-bestand", "noem het bestand x.xlsx"]),
        (["report", "-o", "r.html", "--format", "pdf"], "en",
         ["--format pdf writes no .html file", "name the file r.pdf"]),
    ],
)  # fmt: skip
def test_an_extension_that_is_not_the_format_written_is_refused(
    args: list[str], lang: str, said: list[str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    command, *rest = args
    assert main(["--lang", lang, command, str(BUNDLED), *rest]) == 1
    out, err = capsys.readouterr()
    for words in said:
        assert words in err
    assert out == "" and list(tmp_path.iterdir()) == []  # nothing written under a false name


def test_compare_refuses_a_wrong_extension_before_comparing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "verschil.ods"
    assert main(["compare", str(BUNDLED), str(BUNDLED), "-o", str(out)]) == 1
    printed, err = capsys.readouterr()
    assert "geen .ods-bestand" in err and printed == "" and not out.exists()


def test_without_o_each_output_goes_to_standard_output(tmp_path: Path) -> None:
    """``export`` and ``report`` without ``-o``, and ``compare --format``: the data alone."""
    export = run_command(tmp_path, "export", str(BUNDLED))
    assert export.returncode == 0, export.stderr
    assert export.stdout.startswith(b"scenario,gebied,post,jaar,bedrag\n")
    report = run_command(tmp_path, "report", str(BUNDLED))
    assert report.returncode == 0, report.stderr
    assert report.stdout.startswith(b"<!DOCTYPE html>")
    again = run_command(tmp_path, "report", str(BUNDLED), "-o", "-").stdout
    made = re.compile(rb'<p class="made">.*?</p>')  # the two runs may be a minute apart
    assert made.sub(b"", report.stdout) == made.sub(b"", again)
    assert made.search(report.stdout)
    compare = run_command(tmp_path, "compare", str(BUNDLED), str(BUNDLED), "--format", "xlsx")
    assert compare.returncode == 0, compare.stderr
    workbook = openpyxl.load_workbook(io.BytesIO(compare.stdout))
    assert len(workbook.sheetnames) >= 3
    table = run_command(tmp_path, "compare", str(BUNDLED), str(BUNDLED))
    assert table.stdout.startswith(b"basis:")  # no --format: the table, as before
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["export", "--format", "xlsx"], "een werkmap is geen tekst"),
        (["report", "--format", "pdf"], "een PDF is geen tekst"),
        (["compare", "--format", "xlsx"], "een werkmap is geen tekst"),
    ],
)
def test_a_binary_format_is_not_written_onto_a_terminal(
    args: list[str], said: str,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    command, *rest = args
    files = [str(BUNDLED)] * (2 if command == "compare" else 1)
    assert main([command, *files, *rest]) == 1
    out, err = capsys.readouterr()
    assert out == "" and said in err and "> " in err


@needs_chromium
def test_the_report_as_pdf_has_the_scenarios_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.pdf"
    assert main(["report", str(BUNDLED), "-o", str(out)]) == 0
    assert f"Rapport geschreven: {out}" in capsys.readouterr().out
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Title (NRW basis 2016-2019)" in data  # the report's <title>
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2  # A4 pages: more than one
    assert not [name for name in os.listdir(tmp_path) if name != "rapport.pdf"]


def test_without_chromium_the_refusal_says_how_to_get_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser on it
    out = tmp_path / "rapport.pdf"
    assert main(["--lang", "en", "report", str(BUNDLED), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "makes a PDF with Chromium, which is not installed here" in err
    assert "install chromium" in err and "print it to PDF from a browser" in err
    assert not out.exists()


def _fake_browser(folder: Path, script: str) -> str:
    browser = folder / "chromium"
    browser.write_text("#!/bin/sh\n" + script)
    browser.chmod(stat.S_IRWXU)
    return str(browser)


def test_a_browser_that_fails_or_hangs_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    failing = _fake_browser(tmp_path, "echo 'kapot: geen scherm' >&2\nexit 3\n")
    with pytest.raises(ProblemsError) as failed:
        html_to_pdf(b"<p>x</p>", "r.pdf", browser=failing)
    said = str(failed.value.problems[0])
    assert "exitcode 3" in said and "kapot: geen scherm" in said
    started = tmp_path / "started"
    hanging = _fake_browser(tmp_path, f"sleep 30 &\necho $! > {started}\nsleep 30\n")
    with pytest.raises(ProblemsError) as slow:
        html_to_pdf(b"<p>x</p>", "r.pdf", browser=hanging, seconds=1)
    assert "nog geen PDF gemaakt en is gestopt" in str(slow.value.problems[0])
    assert _ended(int(started.read_text()))  # what it started is killed too


def _ended(pid: int) -> bool:
    """Gone, or dead and waiting for its new parent to reap it (a zombie), within a few
    seconds (a signal takes a moment to land)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.02)
    return False


def test_no_temporary_folder_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "een-bestand"
    blocked.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(blocked / "tmp"))
    browser = _fake_browser(tmp_path, "exit 0\n")
    with pytest.raises(ProblemsError) as failed:
        html_to_pdf(b"<p>x</p>", "r.pdf", browser=browser)
    said = str(failed.value.problems[0])
    assert "geen tijdelijke map voor de PDF" in said and "TMPDIR" in said


def test_the_browsers_page_is_private_and_gone_after(tmp_path: Path) -> None:
    """The page and PDF lie in a folder only we read (mode 700), removed after."""
    seen = tmp_path / "seen"
    spy = _fake_browser(
        tmp_path,
        f'page="$(echo "$@" | tr " " "\\n" | grep ^file://)"\n'
        f'folder="$(dirname "${{page#file://}}")"\n'
        f'echo "$folder" > {seen}\n'
        f'stat -c %a "$folder" >> {seen}\n'
        f'ls "$folder" >> {seen}\n'
        'for a in "$@"; do case "$a" in\n'
        '  --print-to-pdf=*) printf "%%PDF-1.4 x" > "${a#*=}";;\n'
        "esac; done\n",
    )
    assert html_to_pdf(b"<p>x</p>", "r.pdf", browser=spy) == b"%PDF-1.4 x"
    folder, mode, *files = seen.read_text().split()
    assert mode == "700" and "rapport.html" in files
    assert not Path(folder).exists()
