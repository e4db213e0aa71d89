"""Shell completion puts a scenario's name on the line as one quoted word, in a real
interactive bash and zsh: Tab, then Enter, and the command gets exactly the name.

The names come from the library folders, team folders too, which any team member can
write to: a file ``basis$(touch PWNED).toml`` must not run ``touch`` when an adviser
completes ``bas<Tab>`` and presses Enter, and ``Variant Zuid`` must stay one word.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, command_on_path

LIMIT = 60.0

#: Names a team member could give a file, each with a prefix that completes only it.
HOSTILE = [
    ("basis$(touch PWNED)", "bas"),
    ("Variant Zuid", "Var"),
    ("it's `touch PWNED` \"q\" !h #a ~b *c ?d [e] ;x &y |z <v >w", "it"),
]


def _read_until(fd: int, wanted: bytes, seen: bytearray, count: int = 1) -> None:
    deadline = time.monotonic() + LIMIT
    while seen.count(wanted) < count:
        assert time.monotonic() < deadline, f"no {wanted!r} in {bytes(seen)!r}"
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                return


def _setup(tmp_path: Path, names: list[str]) -> tuple[dict[str, str], Path]:
    """``gebiedsplanner`` on PATH: the real one answers the completion's question for
    names, any command writes the words it was given to ``argv`` (NUL after each).
    The library holds a scenario per name."""
    script = (
        "#!/bin/sh\n"
        f'[ "$1" = __scenario-names ] && exec "{sys.executable}" -m gebiedsplanner "$@"\n'
        f"printf '%s\\0' \"$@\" > '{tmp_path / 'argv'}'\n"
    )
    env = command_on_path(tmp_path / "bin", "gebiedsplanner", script) | {
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TERM": "dumb",
    }
    library = tmp_path / "data" / "gebiedsplanner" / "scenarios"
    library.mkdir(parents=True)
    for name in names:
        shutil.copyfile(BUNDLED, library / f"{name}.toml")
    work = tmp_path / "work"
    work.mkdir()
    return env, work


def _script(shell: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-m", "gebiedsplanner", "completion", shell],
        capture_output=True, text=True, env=env, check=True,
    ).stdout  # fmt: skip


def _tab_then_enter(shell: list[str], env: dict[str, str], typed: str, tmp_path: Path) -> str:
    """Type ``typed`` and Tab at the shell's prompt, wait for the line to change, press
    Enter, and wait for the next prompt; what the terminal showed."""
    leader, follower = pty.openpty()
    running = subprocess.Popen(
        shell, stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True
    )
    os.close(follower)
    seen = bytearray()
    try:
        _read_until(leader, b"READY> ", seen)
        os.write(leader, typed.encode() + b"\t")
        _read_until(leader, b"\\ ", seen)  # every name here completes to a quoted one
        os.write(leader, b"\r")
        _read_until(leader, b"READY> ", seen, count=2)
        os.write(leader, b"exit\r")
        running.wait(timeout=LIMIT)
    finally:
        if running.poll() is None:
            running.kill()
            running.wait()
        os.close(leader)
    return seen.decode(errors="replace")


def _bash(tmp_path: Path, env: dict[str, str], work: Path) -> list[str]:
    (tmp_path / "completion.bash").write_text(_script("bash", env))
    rc = tmp_path / "rc"
    rc.write_text(f"source {tmp_path / 'completion.bash'}\nPS1='READY> '\ncd {work}\n")
    return ["bash", "--noprofile", "--rcfile", str(rc), "-i"]


def _zsh(tmp_path: Path, env: dict[str, str], work: Path) -> list[str]:
    functions = tmp_path / "zsh"
    functions.mkdir()
    (functions / "_gebiedsplanner").write_text(_script("zsh", env))
    env["ZDOTDIR"] = str(tmp_path)
    (tmp_path / ".zshrc").write_text(
        f"fpath=({functions} $fpath); autoload -U compinit; compinit -u -D\n"
        f"PS1='READY> '\ncd {work}\n"
    )
    return ["zsh", "-i"]


@pytest.mark.parametrize("shell", ["bash", "zsh"])
@pytest.mark.parametrize(("name", "prefix"), HOSTILE, ids=["command", "space", "metacharacters"])
def test_a_completed_name_reaches_the_command_as_one_word_and_runs_nothing(
    tmp_path: Path, shell: str, name: str, prefix: str
) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    env, work = _setup(tmp_path, [name])
    started = (_bash if shell == "bash" else _zsh)(tmp_path, env, work)
    shown = _tab_then_enter(started, env, f"gebiedsplanner summary {prefix}", tmp_path)
    assert not (work / "PWNED").exists(), "the completed name ran a command: " + shown
    given = (tmp_path / "argv").read_bytes().split(b"\0")[:-1]
    assert given == [b"summary", name.encode()], shown


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_a_name_typed_with_its_backslashes_and_a_toml_file_quoted(
    tmp_path: Path,
) -> None:
    env, work = _setup(tmp_path, ["Variant Zuid"])
    (work / "eigen $(touch PWNED).toml").write_bytes(BUNDLED.read_bytes())
    started = _bash(tmp_path, env, work)
    _tab_then_enter(started, env, "gebiedsplanner summary Variant\\ Z", tmp_path)
    assert (tmp_path / "argv").read_bytes() == b"summary\0Variant Zuid\0"
    shown = _tab_then_enter(started, env, "gebiedsplanner summary eig", tmp_path)
    assert not (work / "PWNED").exists(), shown
    assert (tmp_path / "argv").read_bytes() == b"summary\0eigen $(touch PWNED).toml\0"
