"""What ``ssh host COMMAND`` may run on ssh-serve: read-only tools on served scenarios only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gebiedsplanner.ssh.commands import Refused, tool_arguments


@pytest.fixture
def folders(tmp_path: Path) -> list[Path]:
    team, other = tmp_path / "team", tmp_path / "other"
    for folder in (team, other):
        folder.mkdir()
    (team / "klein.toml").write_text("")
    (other / "klein.toml").write_text("")
    (other / "variant.toml").write_text("")
    (tmp_path / "secret.toml").write_text("")
    os.symlink(tmp_path / "secret.toml", team / "link.toml")
    os.mkfifo(team / "fifo.toml")
    return [team, other]


def test_the_read_only_tools_run_on_files_of_the_served_folders(folders: list[Path]) -> None:
    team, other = folders
    assert tool_arguments("summary klein.toml", folders) == ["summary", str(team / "klein.toml")]
    assert tool_arguments("export klein --layout wide", folders) == [
        "export",
        "--layout",
        "wide",
        str(team / "klein.toml"),
    ]  # no -o: to standard output
    assert tool_arguments("export klein --format xlsx", folders)[:3] == [
        "export",
        "--format",
        "xlsx",
    ]
    assert tool_arguments("compare klein variant --format xlsx", folders) == [
        "compare",
        "--format",
        "xlsx",
        str(team / "klein.toml"),
        str(other / "variant.toml"),
    ]
    assert tool_arguments("report klein variant --format=pdf", folders) == [
        "report",
        "--format",
        "pdf",
        str(team / "klein.toml"),
        str(other / "variant.toml"),
    ]
    assert tool_arguments("compare klein variant --all --dialect=nl -o -", folders) == [
        "compare",
        "--all",
        "--dialect",
        "nl",
        "-o",
        "-",
        str(team / "klein.toml"),
        str(other / "variant.toml"),
    ]


@pytest.mark.parametrize(
    ("command", "why"),
    [
        ("ls /", "alleen summary, export, compare en report"),
        ("", "alleen summary, export, compare en report"),
        ("move klein.toml --from a --to b --amount 1", "alleen summary, export, compare en report"),
        ("summary /etc/passwd", "geen bestandsnaam"),
        ("summary ../team/klein.toml", "geen bestandsnaam"),
        ("summary .hidden", "geen bestandsnaam"),
        ("summary link.toml", "staat niet in de gedeelde mappen"),  # a link leading out
        ("summary fifo.toml", "staat niet in de gedeelde mappen"),
        ("summary missing", "staat niet in de gedeelde mappen"),
        ("export klein -o /tmp/x.csv", "-o is een van: -"),
        ("export klein --output=/tmp/x.csv", "--output is een van: -"),
        ("report klein -o rapport.pdf", "-o is een van: -"),
        ("report klein --format docx", "--format is een van: html, pdf"),
        ("compare klein variant --format ods", "--format is een van: csv, xlsx"),
        ("compare klein --exec=sh", "optie --exec=sh kan hier niet"),
        ("summary klein variant", "summary en export nemen één scenario"),
        ("compare klein", "compare een basis"),
        ("summary 'klein", "niet te lezen"),
        ("summary " + "9" * 5000, "te lang"),
    ],
)
def test_anything_else_is_refused_saying_why(folders: list[Path], command: str, why: str) -> None:
    with pytest.raises(Refused, match=why):
        tool_arguments(command, folders)


def test_what_a_client_may_run_comes_from_the_command_table(
    folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An option the export's entry marks for SSH is accepted, with its choices; a
    command not marked is refused."""
    from dataclasses import replace

    from gebiedsplanner.cli import commands
    from gebiedsplanner.cli.arguments import Argument

    team, _ = folders
    colour = Argument(("--colour",), choices=("ja", "nee"), ssh=True)
    table = [
        replace(command, arguments=(*command.arguments, colour))
        if command.name == "export"
        else replace(command, ssh=False)
        if command.name == "summary"
        else command
        for command in commands.BEFORE_TOOLS
    ]
    monkeypatch.setattr(commands, "BEFORE_TOOLS", tuple(table))
    assert tool_arguments("export klein --colour=nee", folders) == [
        "export", "--colour", "nee", str(team / "klein.toml"),
    ]  # fmt: skip
    with pytest.raises(Refused, match="--colour is een van: ja, nee"):
        tool_arguments("export klein --colour rood", folders)
    with pytest.raises(Refused, match="alleen summary, export, compare en report"):
        tool_arguments("summary klein", folders)  # no longer marked for ssh
