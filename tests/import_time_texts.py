"""Finds texts taken from the catalogue while a module is imported, from its source.

``language.use`` gives the ``texts`` module the other language's values. A value
copied at import (``from ...texts import X``, or ``texts.X`` in a class body, a
default argument or a decorator) stays in the language of that moment: the SSH
launcher imports every module once, in Dutch, and each session chooses its
language later. Code looks a text up as ``texts.X`` when it shows it, inside a
function; a table that must be made at import names its texts (``"KEY_SAVE"``).

The rules, outside ``gebiedsplanner/i18n`` (the catalogues and the switch):

1. no ``from <texts> import ...`` and no ``from <texts_en> import ...``, written
   absolutely or relatively: the names would be copies;
2. no import of ``texts_en`` at all: the English catalogue is the switch's to use;
3. no reference to the ``texts`` module (under any name it is imported as, or as
   ``gebiedsplanner.i18n.texts``) in code that runs when the module is imported:
   its statements, class bodies (nested too), decorators, base classes and
   keywords of a class, default values of a function or lambda, and
   comprehensions among those. Function and lambda bodies run later: there it
   belongs. Annotations are left out (every module has ``from __future__ import
   annotations``, so they are never evaluated).

What this cannot see is a function called at import that reads a text inside
it (``BINDINGS = bindings(...)`` did); ``tests/text_probe.py`` finds those by
importing everything with every text replaced by a marker.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

TEXTS = "gebiedsplanner.i18n.texts"
TEXTS_EN = "gebiedsplanner.i18n.texts_en"
#: The package whose modules may do all of the above (the catalogues and the switch).
I18N = "gebiedsplanner.i18n"


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The module a ``from ... import`` reads from, relative imports resolved."""
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]  # a module's level 1 is its own package
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join([*parts, node.module] if node.module else parts)


def findings(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """``line: what`` for every text taken at import in ``source``, the module ``module``."""
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []
    aliases: set[str] = set()  # names the texts module is bound to
    dotted = False  # ``import gebiedsplanner.i18n.texts``: used as that whole name
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            origin = _absolute(node, module, is_package)
            if origin in (TEXTS, TEXTS_EN):
                found.append((node.lineno, f"copies texts at import: from {origin} import ..."))
                continue
            for alias in node.names:
                if f"{origin}.{alias.name}" == TEXTS:
                    aliases.add(alias.asname or alias.name)
                elif f"{origin}.{alias.name}" == TEXTS_EN:
                    found.append((node.lineno, "reads texts_en past the language switch"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == TEXTS_EN:
                    found.append((node.lineno, "reads texts_en past the language switch"))
                elif alias.name == TEXTS and alias.asname:
                    aliases.add(alias.asname)
                elif alias.name == TEXTS:
                    dotted = True

    def is_texts(node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id in aliases
        return dotted and isinstance(node, ast.Attribute) and ast.unparse(node) == TEXTS

    def now(node: ast.AST) -> Iterator[ast.AST]:
        """The parts of ``node`` that are evaluated when the code around it runs."""
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = node.args
            yield from arguments.defaults
            yield from (default for default in arguments.kw_defaults if default is not None)
            if not isinstance(node, ast.Lambda):
                yield from node.decorator_list
            return  # the body runs when called
        if isinstance(node, ast.ClassDef):
            yield from node.decorator_list
            yield from node.bases
            yield from (keyword.value for keyword in node.keywords)
            yield from node.body  # a class body runs at once
            return
        if isinstance(node, ast.AnnAssign):
            if node.value is not None:
                yield node.value
            return
        if isinstance(node, (ast.arg, ast.arguments)):
            return  # annotations
        yield from ast.iter_child_nodes(node)

    def scan(node: ast.AST) -> None:
        if is_texts(node) or (isinstance(node, ast.Attribute) and is_texts(node.value)):
            where = ast.unparse(node)
            found.append((getattr(node, "lineno", 0), f"{where} read while importing"))
            return
        for part in now(node):
            scan(part)

    for statement in tree.body:
        if not isinstance(statement, (ast.Import, ast.ImportFrom)):
            scan(statement)
    return [f"{line}: {what}" for line, what in sorted(set(found))]


def package_findings(root: Path) -> dict[str, list[str]]:
    """:func:`findings` for every module of the package under ``root`` but ``i18n``."""
    result = {}
    for path in sorted((root / "gebiedsplanner").rglob("*.py")):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        is_package = name.endswith(".__init__")
        name = name.removesuffix(".__init__")
        if name == I18N or name.startswith(f"{I18N}."):
            continue
        if found := findings(path.read_text(encoding="utf-8"), name, is_package=is_package):
            result[str(path.relative_to(root))] = found
    return result
