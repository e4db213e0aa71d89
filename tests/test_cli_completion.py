"""Shell completion, tried in the shells themselves: ``gebiedsplanner completion bash|zsh``
prints a script; sourced (bash) or put on ``fpath`` (zsh), Tab completes commands,
options, their choices and the scenarios' names, a scenario saved after the script was
made too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, command_on_path

#: bash: call the function ``complete`` registered for gebiedsplanner as bash's
#: programmable completion does (COMP_WORDS, COMP_CWORD), and print COMPREPLY.
_BASH = r"""
source "$1"; shift
function=$(complete -p gebiedsplanner | sed -E 's/.*-F ([^ ]+).*/\1/')
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
COMPREPLY=()
"$function" gebiedsplanner "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"""

#: zsh: an interactive zsh in a pseudo-terminal (zpty) with the script on ``fpath``; Tab
#: runs the completion, every match offered is printed (compadd wrapped), then <END>.
_ZSH = r"""
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z 'PS1=""; fpath=('"$1"' $fpath); autoload -U compinit; compinit -u -D'
zpty -w z 'compadd () { local -a hits; builtin compadd -O hits "$@"; local h;
  for h in $hits; do print -r -- "<HIT>$h"; done; builtin compadd "$@"; }'
zpty -w z '_capture() { _main_complete; print -r -- "<END>"; }'
zpty -w z 'zle -C capture complete-word _capture; bindkey "^I" capture; print READY'
zpty -r z line '*READY*'
zpty -r z line '*READY*'
zpty -w -n z "$2"$'\t'
out=""
while zpty -r -t z line || sleep 0.05; do
  out+="$line"; line=""
  [[ $out == *'<END>'* ]] && break
  (( SECONDS > 60 )) && break
done
print -r -- "$out" | tr '\r' '\n' | grep -a '<HIT>' | sed 's/.*<HIT>//' | sort -u
zpty -d z
"""


@pytest.fixture
def on_path(tmp_path: Path) -> dict[str, str]:
    """An environment with ``gebiedsplanner`` on PATH (this Python's), as after install,
    and a library holding ``basis-zuid``."""
    script = f'#!/bin/sh\nexec "{sys.executable}" -m gebiedsplanner "$@"\n'
    return command_on_path(tmp_path / "bin", "gebiedsplanner", script)


def _script(shell: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["gebiedsplanner", "completion", shell], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return done.stdout


def _run(shell: list[str], env: dict[str, str], cwd: Path) -> list[str]:
    """What the shell prints (the completions offered), word by word."""
    done = subprocess.run(shell, capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def _library(env: dict[str, str]) -> Path:
    """The user's library folder (the tests' own XDG data folder)."""
    library = Path(env["XDG_DATA_HOME"]) / "gebiedsplanner" / "scenarios"
    library.mkdir(parents=True, exist_ok=True)
    return library


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_choices_and_scenario_names(
    tmp_path: Path, on_path: dict[str, str]
) -> None:
    script = tmp_path / "gebiedsplanner.bash"
    script.write_text(_script("bash", on_path))
    # saved after the script was made: the names are asked when completing
    shutil.copyfile(BUNDLED, _library(on_path) / "basis-zuid.toml")

    def offered(*words: str) -> list[str]:
        return _run(
            ["bash", "-c", _BASH, "bash", str(script), "gebiedsplanner", *words], on_path, tmp_path
        )

    assert offered("su") == ["summary"]
    assert set(offered("co")) == {"compare", "completion", "copy-year", "couleur-locale"}
    assert offered("export", "nrw-2016-2019", "--la") == ["--layout", "--lang"]
    assert offered("export", "nrw-2016-2019", "--layout", "") == ["long", "wide"]
    assert offered("summary", "--lang", "") == ["nl", "en"]
    assert offered("summary", "nr") == ["nrw-2016-2019"]
    assert offered("compare", "nrw-2016-2019", "basis") == ["basis-zuid"]
    assert "--may-change" in offered("--m")  # the app's own options


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completes_commands_options_choices_and_scenario_names(
    tmp_path: Path, on_path: dict[str, str]
) -> None:
    functions = tmp_path / "zsh"
    functions.mkdir()
    (functions / "_gebiedsplanner").write_text(_script("zsh", on_path))
    shutil.copyfile(BUNDLED, _library(on_path) / "basis-zuid.toml")

    def offered(line: str) -> list[str]:
        return _run(["zsh", "-f", "-c", _ZSH, "zsh", str(functions), line], on_path, tmp_path)

    assert offered("gebiedsplanner su") == ["summary"]
    assert offered("gebiedsplanner export x --la") == ["--lang", "--layout"]
    assert offered("gebiedsplanner summary --lang ") == ["en", "nl"]
    assert offered("gebiedsplanner summary nr") == ["nrw-2016-2019"]
    assert offered("gebiedsplanner summary basis") == ["basis-zuid"]


def test_the_names_the_scripts_ask_for_are_those_a_command_takes(
    tmp_path: Path, on_path: dict[str, str]
) -> None:
    shutil.copyfile(BUNDLED, _library(on_path) / "basis-zuid.toml")
    (_library(on_path) / ".verborgen.toml").write_text("")  # hidden: no scenario
    names = subprocess.run(
        ["gebiedsplanner", "__scenario-names"], capture_output=True, text=True, env=on_path
    ).stdout.split()
    assert names == ["nrw-2016-2019", "basis-zuid"]
    for name in names:
        done = subprocess.run(
            ["gebiedsplanner", "summary", name], capture_output=True, text=True, env=on_path,
            cwd=tmp_path,
        )  # fmt: skip
        assert done.returncode == 0 and done.stdout.startswith("NRW basis 2016-2019")
