"""Shell completion: ``gebiedsplanner completion bash|zsh`` prints a script for the shell.

The script is made by shtab from the parser of the commands themselves (the command
table), so it knows every command, option and choice the parser knows, and cannot
drift from it. Scenarios complete by name as the library has them at that moment: the
script asks ``gebiedsplanner __scenario-names`` (answered by ``main``, listed nowhere),
and files ending in ``.toml`` beside them. shtab is imported for this command only.
"""

from __future__ import annotations

import argparse
from typing import Any

from gebiedsplanner.cli import app_start, commands
from gebiedsplanner.cli.arguments import Parser

#: The shell functions that complete a scenario: its names from the library and the
#: bundled examples, then ``.toml`` files and folders. bash: words for the word being
#: completed (``$1``), each quoted with ``printf %q``: bash puts a word on the line as it
#: is given, and the names come from team folders anyone in the team can write to, so
#: ``basis$(touch x)`` would run a command and ``Variant Zuid`` be two words. The word
#: typed so far is compared without its backslashes; one begun with a quote (or ``$``)
#: gets nothing, as bash would not close the quote. zsh: completion functions, whose
#: ``compadd`` quotes.
_SCENARIOS = "_gebiedsplanner_scenarios"
_PREAMBLE = {
    "bash": f"""
{_SCENARIOS}() {{
  [[ $1 == [\\'\\"\\$]* ]] && return 0
  local typed=${{1//\\\\/}} name
  while IFS= read -r name; do
    [[ $name == "$typed"* ]] && printf '%q\\n' "$name"
  done < <(
    gebiedsplanner {commands.SCENARIO_NAMES} 2>/dev/null
    compgen -f -X '!*.toml' -- "$typed"
    compgen -d -S / -- "$typed"
  )
}}
""",
    "zsh": f"""
{_SCENARIOS}() {{
  local -a names
  names=(${{(f)"$(gebiedsplanner {commands.SCENARIO_NAMES} 2>/dev/null)"}})
  compadd -a names
  _files -g '*.toml'
}}
""",
}


def completion(options: argparse.Namespace) -> int:
    print(script(options.shell))
    return 0


def script(shell: str) -> str:
    """The completion script for ``shell`` (``bash`` or ``zsh``)."""
    import shtab

    return str(shtab.complete(_parser(), shell=shell, preamble=_PREAMBLE[shell]))


def _parser() -> argparse.ArgumentParser:
    """The parser of the app's options and every command, marked for completion: a
    scenario completes with its names, a file or folder with the shell's own."""
    import shtab

    made = app_start.add_options(Parser(prog="gebiedsplanner"))
    _mark(made, {"--scenario-dir": shtab.DIRECTORY})
    commands.parser(made)
    scenarios = {"bash": _SCENARIOS, "zsh": _SCENARIOS}
    for sub in _subparsers(made):
        marks: dict[str, Any] = {}
        for argument in commands.arguments_of(sub.prog.split()[-1]):
            if argument.scenario:
                marks[argument.names[0]] = scenarios
            elif argument.metavar in ("FILE", "OUT") or argument.names[0] == "--scenario-dir":
                marks[argument.names[0]] = (
                    shtab.DIRECTORY if argument.names[0] == "--scenario-dir" else shtab.FILE
                )
        _mark(sub, marks)
    return made


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    return [
        sub
        for action in parser._actions  # argparse has no public way to its subparsers
        if isinstance(action, argparse._SubParsersAction)
        for sub in action.choices.values()
    ]


def _mark(parser: argparse.ArgumentParser, marks: dict[str, Any]) -> None:
    """Give the actions named in ``marks`` (by their first name) their completion."""
    for action in parser._actions:
        name = action.option_strings[0] if action.option_strings else action.dest
        if name in marks:
            action.complete = marks[name]  # type: ignore[attr-defined]
