"""ssh-serve's refusal of an option names the options the command does take over ssh,
and says why the program's own options (``--lang``, ``--help``, ``--version``) are not
taken there; it never offers the option it refuses (``summary plan -o -`` was told
"only -o -")."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsplanner.i18n import language
from gebiedsplanner.ssh.commands import Refused, tool_arguments


@pytest.fixture
def folder(tmp_path: Path) -> list[Path]:
    (tmp_path / "plan.toml").write_text("")
    return [tmp_path]


def _refusal(command: str, folders: list[Path]) -> str:
    with pytest.raises(Refused) as refused:
        tool_arguments(command, folders)
    return str(refused.value)


def test_summary_with_o_dash_is_told_summary_takes_no_options(folder: list[Path]) -> None:
    why = _refusal("summary plan.toml -o -", folder)
    assert "-o -" not in why
    assert why == "optie -o kan hier niet: summary neemt over ssh geen opties"


@pytest.mark.parametrize(
    ("command", "takes"),
    [
        ("report plan --layout wide", "report neemt over ssh -o -, --format html|pdf"),
        (
            "compare plan plan --exec=sh",
            "compare neemt over ssh -o -, --all, --largest-first, --dialect standard|nl,"
            " --format csv|xlsx",
        ),
        (
            "export plan -x",
            "export neemt over ssh -o -, --layout long|wide, --dialect standard|nl,"
            " --format csv|xlsx",
        ),
    ],
)
def test_a_refused_option_is_told_what_the_command_takes(
    folder: list[Path], command: str, takes: str
) -> None:
    assert _refusal(command, folder).endswith(": " + takes)


@pytest.mark.parametrize("option", ["--lang en", "--lang=en", "--help", "-h", "--version"])
def test_the_programs_own_options_are_refused_saying_why(folder: list[Path], option: str) -> None:
    why = _refusal(f"summary plan {option}", folder)
    assert why.startswith(f"optie {option.split()[0]} kan hier niet: over ssh spreekt de server")
    assert why.endswith("summary neemt over ssh geen opties")


def test_the_refusal_is_in_the_servers_language(folder: list[Path]) -> None:
    language.use("en")
    assert _refusal("summary plan -o -", folder) == (
        "option -o is not available here: over ssh summary takes no options"
    )
    assert "gives help and its version" in _refusal("export plan --help", folder)


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("export plan --format xlsx", "een werkmap is geen tekst"),
        ("compare plan plan --format=xlsx", "een werkmap is geen tekst"),
        ("report plan --format pdf -o -", "een PDF is geen tekst"),
    ],
)
def test_a_workbook_or_pdf_onto_the_clients_terminal_is_refused(
    folder: list[Path], command: str, said: str
) -> None:
    """``ssh -t host export plan --format xlsx``: the server knows the client asked for
    a terminal; the command itself writes to a pipe and cannot tell."""
    with pytest.raises(Refused, match=said) as refused:
        tool_arguments(command, folder, terminal=True)
    assert "zonder -t" in str(refused.value)
    assert tool_arguments(command, folder)  # without a terminal: wherever it is sent


@pytest.mark.parametrize("command", ["export plan", "report plan", "summary plan"])
def test_text_onto_the_clients_terminal_is_fine(folder: list[Path], command: str) -> None:
    assert tool_arguments(command, folder, terminal=True)
