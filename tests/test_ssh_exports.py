"""A manager fetches exports over ssh-serve with the real OpenSSH client: the report,
the plan's workbook and the comparison's, written to standard output and arriving byte
for byte as the same command writes them on the server's own machine.

SFTP and SCP are off by design, so ``ssh host report plan.toml > rapport.html`` is how
an export comes home. A read-only key may fetch them, as may one limited to some
gebieden: reading is not limited, only changing.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from gebiedsplanner.exports.pdf import chromium
from tests.ssh_helpers import LIMIT, Server, needs_openssh, running_server, ssh_command

pytestmark = needs_openssh


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("ssh-exports")) as started:
        bundled = (started.team / "plan.toml").read_text(encoding="utf-8")
        variant = bundled.replace('name = "NRW basis 2016-2019"', 'name = "Variant Zuid"')
        variant = variant.replace("111_000", "161_000", 1)  # one cell differs
        (started.team / "variant.toml").write_text(variant, encoding="utf-8")
        yield started


def fetched(server: Server, name: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """``ssh host ARGS > file``: the bytes the adviser ``name`` receives."""
    return subprocess.run([*ssh_command(server, name), *args], capture_output=True, timeout=LIMIT)


def local(server: Server, *args: str) -> bytes:
    """The same command run on the server's machine, on the served files, to stdout."""
    files = [str(server.team / arg) if arg.endswith(".toml") else arg for arg in args]
    done = subprocess.run(
        [sys.executable, "-m", "gebiedsplanner", *files],
        capture_output=True,
        timeout=LIMIT,
        check=True,
    )
    return done.stdout


def unmade(data: bytes) -> bytes:
    """Without the moment a report or a sheet's footer says it was made: the two were
    made apart, maybe either side of a minute."""
    data = re.sub(rb'<p class="made">.*?</p>', b"", data)
    return re.sub(rb"<oddFooter>.*?</oddFooter>", b"", data)


def same_workbook(remote: bytes, here: bytes) -> None:
    """The same workbook but for the moment xlsxwriter stamps into ``docProps/core.xml``
    (the two were made in different seconds, and compressed the stamp may take a byte
    more or less) and the footers' moment: every other member the same bytes, every
    member's checksum good. The channel's byte-exactness itself: the CSV compares whole,
    the report whole but for its moment."""
    with zipfile.ZipFile(io.BytesIO(remote)) as got, zipfile.ZipFile(io.BytesIO(here)) as made:
        assert got.testzip() is None
        assert got.namelist() == made.namelist()
        for member in got.namelist():
            if member != "docProps/core.xml":
                assert unmade(got.read(member)) == unmade(made.read(member)), member


@pytest.mark.parametrize("name", ["manager", "noor", "anna"])
def test_every_key_that_may_read_fetches_the_report_byte_for_byte(
    server: Server, name: str
) -> None:
    done = fetched(server, name, "report", "plan.toml", "variant.toml")
    assert done.returncode == 0, done.stderr
    assert unmade(done.stdout) == unmade(local(server, "report", "plan.toml", "variant.toml"))
    assert b'<p class="made">' in done.stdout
    assert b"<title>NRW basis 2016-2019</title>" in done.stdout
    assert b"Variant Zuid" in done.stdout


@pytest.mark.parametrize("name", ["manager", "noor"])
def test_the_plans_workbook_comes_home_whole(server: Server, name: str) -> None:
    done = fetched(server, name, "export", "plan.toml", "--format", "xlsx")
    assert done.returncode == 0, done.stderr
    same_workbook(done.stdout, local(server, "export", "plan.toml", "--format", "xlsx"))
    workbook = openpyxl.load_workbook(io.BytesIO(done.stdout))
    assert "Plan" in workbook.sheetnames
    cells = {value for row in workbook["Plan"].iter_rows(values_only=True) for value in row}
    assert {"Charlois", "Noord", "Centrum"} <= cells  # a limited key reads every gebied


def test_the_comparisons_workbook_comes_home_whole(server: Server) -> None:
    args = ("compare", "plan.toml", "variant.toml", "--format", "xlsx")
    done = fetched(server, "manager", *args)
    assert done.returncode == 0, done.stderr
    same_workbook(done.stdout, local(server, *args))
    sheet = openpyxl.load_workbook(io.BytesIO(done.stdout), data_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert any(row and "Variant Zuid" in row and 50_000 in row for row in rows), rows[:5]


def test_a_csv_with_a_byte_order_mark_arrives_byte_for_byte(server: Server) -> None:
    args = ("export", "plan.toml", "--dialect", "nl", "--layout", "wide")
    done = fetched(server, "manager", *args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    assert done.stdout == local(server, *args)


@pytest.mark.skipif(chromium() is None, reason="needs Chromium (.ci/run installs chromium)")
def test_the_report_as_pdf_over_ssh(server: Server) -> None:
    done = fetched(server, "manager", "report", "plan.toml", "--format", "pdf")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF")
    assert b"/Title (NRW basis 2016-2019)" in done.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("report", "plan.toml", "-o", "rapport.pdf"), "-o is een van: -"),
        (("report", "plan.toml", "--format", "docx"), "--format is een van: html, pdf"),
        (("compare", "plan.toml", "variant.toml", "--format", "ods"), "is een van: csv, xlsx"),
        (("report", "/etc/passwd"), "geen bestandsnaam"),
    ],
)
def test_what_may_not_run_is_refused_in_one_line(
    server: Server, args: tuple[str, ...], said: str
) -> None:
    done = fetched(server, "manager", *args)
    assert done.returncode == 1
    assert done.stdout == b""
    assert said in done.stderr.decode()


def test_the_export_dialog_over_ssh_serve_shows_the_command_to_type(
    server: Server, tmp_path: Path
) -> None:
    """In the app: the plan's export dialog shows the ssh command with the port the
    client connected to and the plan's name on the server."""
    from tests.ssh_helpers import log_in, open_team_plan

    client = log_in(server, "manager", tmp_path)
    try:
        open_team_plan(client)
        start = len(client.output)
        client.send(b"e")
        wanted = f"ssh -p {server.port} 127.0.0.1 export plan.toml --dialect nl >".encode()
        client.wait_for_bytes(wanted, since=start, limit=LIMIT)
    finally:
        client.close()
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_the_dialogs_command_for_a_name_with_a_space_works_in_a_shell(
    server: Server, tmp_path: Path
) -> None:
    """The command the export dialog shows, typed into a shell: quoted for the shell and
    again for the server, it fetches ``Variant Zuid.toml``."""
    import shlex

    from gebiedsplanner.exports.fetching import export_words, fetch_command
    from gebiedsplanner.exports.formats import Format

    shutil.copyfile(server.team / "variant.toml", server.team / "Variant Zuid.toml")
    words = export_words("Variant Zuid.toml", Format.XLSX, "long", "nl")
    command = fetch_command(("localhost", server.port), words, "mijn plan.xlsx")
    login = f"ssh -p {server.port} localhost "
    assert command.startswith(login)
    typed = shlex.join(ssh_command(server, "manager")) + " " + command.removeprefix(login)
    done = subprocess.run(typed, shell=True, cwd=tmp_path, capture_output=True, timeout=LIMIT)
    assert done.returncode == 0, done.stderr
    workbook = openpyxl.load_workbook(tmp_path / "mijn plan.xlsx")
    assert workbook.properties.title == "Variant Zuid"
