"""The docs a user reads: a short README, links that lead somewhere, every command and key.

The commands come from the real parser (``gebiedsplanner --help``) and the keys from
the planner screen's own table, so a new command or key fails here until it is
documented.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"

#: ``[text](target)`` and ``![alt](target)``, and reference definitions ``[name]: target``.
_INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def _pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def _prose(text: str) -> str:
    """The text without code blocks and code spans: a link there is an example, not a link."""
    return _CODE_SPAN.sub("", _FENCE.sub("", text))


def _links(page: Path) -> list[str]:
    prose = _prose(page.read_text(encoding="utf-8"))
    return _INLINE_LINK.findall(prose) + _REFERENCE_LINK.findall(prose)


def _is_relative(target: str) -> bool:
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) and not target.startswith("#")


def _table_rows(text: str) -> list[list[str]]:
    """The cells of every Markdown table row outside code blocks (separator rows left out)."""
    rows = []
    for line in _FENCE.sub("", text).splitlines():
        line = line.strip()
        if line.startswith("|") and not re.fullmatch(r"\|[\s|:-]+\|?", line):
            rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip("|"))])
    return rows


def test_the_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < 250, f"README.md has {len(lines)} lines: move detail into docs/"


def test_every_relative_link_leads_to_a_file() -> None:
    checked = 0
    broken = []
    for page in _pages():
        for target in _links(page):
            if not _is_relative(target):
                continue
            path = target.split("#", 1)[0]
            checked += 1
            if not (page.parent / path).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert not broken, broken
    assert checked >= 20  # the README alone links to every page of docs/


def test_every_page_of_docs_is_listed_in_its_index_and_linked_from_the_readme() -> None:
    pages = {path.name for path in DOCS.glob("*.md")} - {"README.md"}
    assert len(pages) >= 8
    index = {Path(target.split("#")[0]).name for target in _links(DOCS / "README.md")}
    from_readme = {
        Path(target.split("#")[0]).name
        for target in _links(README)
        if target.startswith("docs/")
    }
    assert pages - index == set(), "docs/README.md does not list these pages"
    assert pages - from_readme == set(), "README.md does not link to these pages"
    assert "docs/README.md" in _links(README)


@pytest.fixture(scope="module")
def commands(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The commands of the command line, as ``gebiedsplanner --help`` lists them.

    Its overview has a line ``  gebiedsplanner NAME   what it does`` per command
    (``cli._overview``); the usage line and the closing hint do not start that way.
    """
    home = tmp_path_factory.mktemp("home")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),  # no user's config: no other language
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "COLUMNS": "200",
    }
    result = subprocess.run(
        [sys.executable, "-m", "gebiedsplanner", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    found = set(re.findall(r"^\s+gebiedsplanner ([a-z][a-z0-9-]*)\s{2,}\S", result.stdout, re.M))
    assert len(found) >= 8, result.stdout  # the parse found the commands, not nothing
    return found


def test_every_command_is_documented_in_the_command_line_page(commands: set[str]) -> None:
    """A heading per command: ``## `validate`: check scenario files``."""
    page = (DOCS / "command-line.md").read_text(encoding="utf-8")
    headed = set(re.findall(r"^#{2,3} `(?:gebiedsplanner )?([a-z][a-z0-9-]*)`", page, re.M))
    assert commands - headed == set(), "no heading in docs/command-line.md"
    assert headed - commands == set(), "docs/command-line.md heads commands that do not exist"


def test_every_command_is_in_the_readme_table(commands: set[str]) -> None:
    named = {
        match.group(1)
        for row in _table_rows(README.read_text(encoding="utf-8"))
        if (match := re.match(r"`gebiedsplanner ([a-z][a-z0-9-]*)\b", row[0]))
    }
    assert commands - named == set(), "not in the README's table of commands"
    assert named - commands == set(), "the README's table names commands that do not exist"


def _normal_key(key: str) -> str:
    """Letters are as typed (``S`` is not ``s``); names of keys are not (``Enter``, ``F1``)."""
    return key if len(key) == 1 else key.casefold()


def _section(text: str, title: str) -> str:
    """The part of ``text`` under the heading ``title``, up to the next heading of its
    level or above ("" when there is none)."""
    lines = _FENCE.sub("", text).splitlines()
    for number, line in enumerate(lines):
        heading = re.match(r"(#+) (.*)", line)
        if heading and heading.group(2).strip().casefold() == title.casefold():
            level = len(heading.group(1))
            rest = lines[number + 1 :]
            end = next(
                (i for i, later in enumerate(rest) if re.match(rf"#{{1,{level}}} ", later)),
                len(rest),
            )
            return "\n".join(rest[:end])
    return ""


def _documented_keys() -> set[str]:
    """The keys in the first column of the keys table (under a heading "Keys") of the
    README and of the user guide, each in backticks: `` `]` or `j` ``, `` `ctrl+s`, `S` ``."""
    keys = set()
    for page in (README, DOCS / "user-guide.md"):
        rows = _table_rows(_section(page.read_text(encoding="utf-8"), "Keys"))
        assert rows, f"{page.relative_to(ROOT)} has no table under a heading 'Keys'"
        for row in rows:
            keys |= {_normal_key(key) for key in re.findall(r"`([^`]+)`", row[0])}
    return keys


def _planner_keys() -> set[str]:
    """Every key the planner screen binds, as a person types it (``]``, not
    ``right_square_bracket``), from its table of actions and its other bindings."""
    from textual.binding import Binding

    from gebiedsplanner.ui.actions import help_rows
    from gebiedsplanner.ui.screens.planner import PlannerScreen

    keys = {key for typed, _ in help_rows(PlannerScreen.ACTIONS) for key in typed.split()}
    in_table = {spec.action for spec in PlannerScreen.ACTIONS}
    for binding in PlannerScreen.BINDINGS:
        if isinstance(binding, Binding) and binding.action not in in_table:
            keys |= set(binding.key.split(","))
    return {_normal_key(key) for key in keys}


def test_every_key_of_the_planner_is_documented() -> None:
    keys = _planner_keys()
    assert len(keys) >= 20  # read from the screen, not an empty table
    missing = keys - _documented_keys()
    assert not missing, f"in no keys table of README.md or docs/user-guide.md: {missing}"


def _module_map() -> dict[str, set[str]]:
    """docs/architecture.md's module map: folder -> the module files it lists."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    section = text[text.index("## Module map") :]
    section = section[: section.index("\n## ", 1)]
    listed: dict[str, set[str]] = {}
    folder = ""
    for line in section.splitlines():
        if heading := re.fullmatch(r"\*\*`([\w/]+)/`\*\*", line):
            folder = heading[1]
        elif entry := re.match(r"- `(\w+\.py)`: \S", line):
            listed.setdefault(folder, set()).add(entry[1])
    return listed


def test_the_architecture_page_lists_every_module() -> None:
    """A planning tool's own module (one with a ``TOOL``) is the exception: adding a
    tool touches its module, the catalogues and its tests, not this page."""
    package = ROOT / "gebiedsplanner"
    found: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        if path.parent == package or path.name == "__init__.py":
            continue
        if re.search(r"^TOOL = ", path.read_text(encoding="utf-8"), re.M):
            continue
        found.setdefault(str(path.parent.relative_to(package)), set()).add(path.name)
    assert sum(map(len, found.values())) > 90
    assert _module_map() == found
