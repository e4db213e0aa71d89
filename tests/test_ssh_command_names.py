"""A problem an ssh command reports names the scenario as the client named it
(``kapot.toml: regel 3 …``), never by the server's folders (``/srv/team/kapot.toml``):
a client learns nothing of the server's directory layout. With the real OpenSSH client
against a running ssh-serve."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from gebiedsplanner.ssh.commands import as_given, tool_arguments
from tests.ssh_helpers import Server, needs_openssh, run, running_server, ssh_command


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("ssh-names")) as started:
        (started.team / "kapot.toml").write_text('[scenario]\nname = "x"\n  = 3\n')
        yield started


@needs_openssh
@pytest.mark.parametrize(
    "args",
    [("summary", "kapot"), ("summary", "kapot.toml"), ("compare", "plan", "kapot")],
)
def test_a_broken_scenario_is_named_as_the_client_named_it(
    server: Server, args: tuple[str, ...]
) -> None:
    done = run(server, "manager", *args)
    assert done.returncode == 1, done
    assert done.stderr.startswith("kapot.toml: regel 3, kolom 3: "), done.stderr
    assert str(server.team) not in done.stderr and str(server.home) not in done.stderr


@needs_openssh
def test_a_good_scenario_still_runs(server: Server) -> None:
    done = run(server, "manager", "summary", "plan")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("NRW basis 2016-2019")


def test_the_command_is_given_names_linked_from_its_own_folder(tmp_path: Path) -> None:
    team, other, here = tmp_path / "team", tmp_path / "other", tmp_path / "here"
    for folder in (team, other, here):
        folder.mkdir()
    (team / "plan.toml").write_text("")
    (other / "variant.toml").write_text("")
    arguments = tool_arguments("compare plan variant plan --all -o -", [team, other])
    given = as_given(arguments, here)
    assert given == ["compare", "--all", "-o", "-", "plan.toml", "variant.toml", "plan.toml"]
    assert sorted(os.listdir(here)) == ["plan.toml", "variant.toml"]
    assert os.readlink(here / "variant.toml") == str(other / "variant.toml")


@needs_openssh
def test_a_workbook_onto_a_terminal_asked_for_with_ssh_t_is_refused(server: Server) -> None:
    done = subprocess.run(
        [*ssh_command(server, "manager", "-tt"), "export", "plan", "--format", "xlsx"],
        capture_output=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 1
    said = (done.stdout + done.stderr).decode()
    assert "een werkmap is geen tekst" in said and "PK" not in said, said
