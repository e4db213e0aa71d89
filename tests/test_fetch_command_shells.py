"""The fetch command the export dialog shows, typed into sh, bash and zsh (the macOS
shell): ssh gets the words the server then splits back into exactly the command's
words, and the output goes to a file of exactly the name shown, whatever characters
a served file's name has. zsh expands ``=word`` at a word's start to a command's path,
which ``shlex.quote`` leaves unquoted."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from gebiedsplanner.exports.fetching import fetch_command
from tests.conftest import command_on_path

SHELLS = [shell for shell in ("sh", "bash", "zsh") if shutil.which(shell)]

NAMES = [
    "=plan",
    "~plan",
    "#plan",
    "!plan",
    "%plan",
    "^plan",
    "Variant Zuid",
    "it's",
    "a$(touch PWNED)",
    "{a,b}",
    "plan*",
    "a=b",
    "+plan",
]


@pytest.fixture
def fake_ssh(tmp_path: Path) -> dict[str, str]:
    """``ssh`` on PATH that writes its words to ``argv`` (a NUL after each)."""
    script = f"#!/bin/sh\nprintf '%s\\0' \"$@\" > '{tmp_path / 'argv'}'\n"
    return command_on_path(tmp_path / "bin", "ssh", script)


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("name", NAMES)
def test_the_shell_gives_ssh_the_words_and_writes_the_file_shown(
    tmp_path: Path, fake_ssh: dict[str, str], shell: str, name: str
) -> None:
    words = ["export", f"{name}.toml", "--format", "xlsx"]
    command = fetch_command(("planner.example", 2222), words, f"{name}.xlsx")
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run(
        [shell, "-c", command], cwd=work, env=fake_ssh, capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, ""), command
    given = (tmp_path / "argv").read_text().split("\0")[:-1]
    assert given[:3] == ["-p", "2222", "planner.example"], command
    assert shlex.split(" ".join(given[3:])) == words, command  # as ssh-serve splits them
    assert sorted(os.listdir(work)) == [f"{name}.xlsx"], command
