"""Import every module with every text replaced by a marker, then look for the markers.

Run as ``python -m tests.text_probe [extra.module ...]`` in a fresh interpreter
(the tests do): before anything of ours but the catalogue is imported, each text
becomes ``⟦NAME⟧`` (``⟦NAME[1]⟧`` inside a tuple, ``⟦NAME['key']⟧`` in a dict).
Then every module of the package is imported, and what the imports left behind is
searched: module globals, class attributes (a screen's ``BINDINGS``, the bindings
Textual merged for the class), default argument values, and what those hold. A
marker found there is a text taken at import, however it got there: also through
a function called at import, which the source scan
(:mod:`tests.import_time_texts`) cannot see. Prints the findings as JSON lines.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import pkgutil
import re
import sys
import types
from typing import Any

MARKER = re.compile(r"⟦[A-Z][A-Z0-9_]*")
#: How deep to look into what a module holds (a binding in a map in a class: 5).
DEPTH = 8


def marked(name: str, value: Any) -> Any:
    """``value`` with each text replaced by a marker naming where it came from."""
    if isinstance(value, str):
        return f"⟦{name}⟧"
    if isinstance(value, dict):
        return {key: marked(f"{name}[{key!r}]", item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(marked(f"{name}[{index}]", item) for index, item in enumerate(value))
    return value


#: The top packages whose classes and objects are searched (and made-up modules').
OURS = {"gebiedsplanner"}


def ours(module: str) -> bool:
    return module.partition(".")[0] in OURS


def search(value: Any, where: str, seen: set[int], depth: int = 0) -> list[str]:
    """Where in ``value`` a marker is (a text, taken when the module was imported)."""
    if isinstance(value, str):
        return [f"{where}: {value[:60]!r}"] if MARKER.search(value) else []
    if depth > DEPTH or id(value) in seen or isinstance(value, (int, float, bytes, type(None))):
        return []
    seen.add(id(value))
    parts: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        parts = [(f"[{key!r}]", item) for key, item in value.items()]
        parts += [("[key]", key) for key in value]
    elif isinstance(value, (list, tuple, set, frozenset)):  # a NamedTuple too
        parts = [(f"[{index}]", item) for index, item in enumerate(value)]
    elif isinstance(value, type):
        if ours(value.__module__):
            parts = [(f".{name}", item) for name, item in vars(value).items()]
    elif isinstance(value, types.FunctionType):
        parts = [(".__defaults__", value.__defaults__), (".__kwdefaults__", value.__kwdefaults__)]
    elif isinstance(value, (types.MethodType, classmethod, staticmethod)):
        parts = [("", value.__func__)]
    elif dataclasses.is_dataclass(value):
        parts = [(f".{f.name}", getattr(value, f.name, None)) for f in dataclasses.fields(value)]
    elif ours(type(value).__module__) or type(value).__module__.startswith("textual.binding"):
        parts = [(f".{name}", item) for name, item in getattr(value, "__dict__", {}).items()]
    found = []
    for step, part in parts:
        found += search(part, where + step, seen, depth + 1)
    return found


def main(extra: list[str]) -> list[str]:
    """Import the package and the ``extra`` modules with markers for texts; the findings."""
    from gebiedsplanner.i18n import texts

    OURS.update(name.partition(".")[0] for name in extra)

    for name, value in list(vars(texts).items()):
        if name.isupper():
            setattr(texts, name, marked(name, value))
    import gebiedsplanner

    names = [
        module.name
        for module in pkgutil.walk_packages(gebiedsplanner.__path__, "gebiedsplanner.")
        if not module.name.endswith("__main__")  # runs the program
    ]
    for name in [*names, *extra]:
        importlib.import_module(name)
    found: list[str] = []
    seen: set[int] = set()
    for name in [*names, *extra]:
        if name.startswith("gebiedsplanner.i18n"):
            continue  # the catalogues and the switch hold texts by design
        for attribute, value in vars(sys.modules[name]).items():
            if isinstance(value, types.ModuleType) or attribute.startswith("__"):
                continue
            if isinstance(value, (type, types.FunctionType)) and value.__module__ != name:
                continue  # imported from elsewhere: searched where it is made
            found += search(value, f"{name}.{attribute}", seen)
    return found


if __name__ == "__main__":
    for line in main(sys.argv[1:]):
        print(json.dumps(line, ensure_ascii=False))
