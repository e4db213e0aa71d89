"""The folders are the architecture: which layer may import which, and no import cycle.

Read from the imports themselves (every ``import`` and ``from … import``, also inside a
function or under ``TYPE_CHECKING``), as an import contract would be; the same check run
on a made-up module proves that a forbidden import is caught.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "gebiedsplanner"

#: What each folder may import of ours besides itself. The order is the layering: a
#: folder imports only folders named before it; `cli` and `ssh` are the two front doors
#: (the SSH launcher runs the command line in each forked session; `ssh-serve` is one
#: of the command line's commands), and nothing imports them but each other.
ALLOWED: dict[str, set[str]] = {
    "i18n": set(),
    "core": {"i18n"},
    "disk": {"i18n", "core"},
    "format": {"i18n", "core", "disk"},
    "settings": {"i18n", "core", "disk", "format"},
    "editing": {"i18n", "core", "disk", "format", "settings"},
    "library": {"i18n", "core", "disk", "format", "settings", "editing"},
    "exports": {"i18n", "core", "disk", "format", "settings"},
    "ui": {"i18n", "core", "disk", "format", "settings", "editing", "library", "exports"},
    "cli": {"i18n", "core", "disk", "format", "settings", "editing", "library", "exports",
            "ui", "ssh"},
    "ssh": {"i18n", "core", "disk", "format", "settings", "editing", "library", "exports",
            "cli"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_imports(module: str, source: str) -> set[str]:
    """The modules of ours that ``source`` imports, as dotted names."""
    found: set[str] = set()
    package = module if module.count(".") == 0 else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] == "gebiedsplanner"}


def the_modules() -> dict[str, str]:
    return {module_name(path): path.read_text(encoding="utf-8")
            for path in sorted(PACKAGE.rglob("*.py"))}


def graph(sources: Mapping[str, str]) -> dict[str, set[str]]:
    """Module -> the modules of ours it imports (names that are no module are dropped)."""
    return {module: our_imports(module, source) & sources.keys() - {module}
            for module, source in sources.items()}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else None


def forbidden(edges: Mapping[str, Iterable[str]]) -> list[str]:
    wrong = []
    for module, targets in edges.items():
        here = layer(module)
        if here is None:
            continue
        for target in sorted(targets):
            there = layer(target)
            if there is None or there == here:
                continue
            if there not in ALLOWED[here]:
                wrong.append(f"{module} imports {target}")
    return wrong


def cycles(edges: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_every_folder_is_a_known_layer() -> None:
    folders = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert folders == ALLOWED.keys()


def test_each_layer_imports_only_the_layers_below_it() -> None:
    assert forbidden(graph(the_modules())) == []


def test_no_module_imports_itself_round_a_cycle() -> None:
    assert cycles(graph(the_modules())) == []


def test_a_forbidden_import_is_caught() -> None:
    sources = the_modules()
    sources["gebiedsplanner.core.sneaky"] = "def f():\n    from gebiedsplanner.ui import app\n"
    sources["gebiedsplanner.editing.sneaky"] = "import gebiedsplanner.cli.main\n"
    sources["gebiedsplanner.ui.sneaky"] = "from gebiedsplanner.ssh.server import serve\n"
    assert forbidden(graph(sources)) == [
        "gebiedsplanner.core.sneaky imports gebiedsplanner.ui.app",
        "gebiedsplanner.editing.sneaky imports gebiedsplanner.cli.main",
        "gebiedsplanner.ui.sneaky imports gebiedsplanner.ssh.server",
    ]


def test_a_cycle_is_caught() -> None:
    sources = {
        "gebiedsplanner.core.a": "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from gebiedsplanner.core.b import B\n",
        "gebiedsplanner.core.b": "from gebiedsplanner.core import a\n",
        "gebiedsplanner.core.c": "from . import a\n",
    }
    assert cycles(graph(sources)) == [["gebiedsplanner.core.a", "gebiedsplanner.core.b"]]
