"""Texts are looked up when shown, never taken when a module is imported.

The SSH launcher imports the planner once and forks a session per login; each
session chooses its language after the import. A text copied at import stays in
the language of the import. Three nets catch that: a scan of the source
(:mod:`tests.import_time_texts`, its rules in its docstring), a probe that imports
everything with every text replaced by a marker (:mod:`tests.text_probe`), and
sessions run in one language after importing in the other.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from gebiedsplanner.i18n import language, texts
from tests.import_time_texts import findings, package_findings

ROOT = Path(__file__).resolve().parent.parent


def _findings(source: str, module: str = "gebiedsplanner.ui.screens.made_up") -> list[str]:
    return findings(textwrap.dedent(source), module)


# -- the source scan -------------------------------------------------------------


def test_no_module_takes_a_text_at_import() -> None:
    assert package_findings(ROOT) == {}


def test_the_scan_reads_the_modules_that_show_texts() -> None:
    """Not an empty pass: the scan sees the texts the planner reads when drawing."""
    planner = (ROOT / "gebiedsplanner/ui/screens/planner.py").read_text(encoding="utf-8")
    as_if_at_import = planner + "TITLE = texts.KEY_EDIT\n"
    assert _findings(as_if_at_import, "gebiedsplanner.ui.screens.planner") == [
        f"{len(planner.splitlines()) + 1}: texts.KEY_EDIT read while importing"
    ]


#: Made-up modules, each with the lines the scan must refuse (and why).
REFUSED = {
    "a name copied from the catalogue": (
        """\
        from gebiedsplanner.i18n.texts import POLICY_MARK
        """,
        ["1: copies texts at import: from gebiedsplanner.i18n.texts import ..."],
    ),
    "a name copied through a relative import": (
        """\
        from ...i18n.texts import KEY_QUIT as QUIT
        """,
        ["1: copies texts at import: from gebiedsplanner.i18n.texts import ..."],
    ),
    "a name copied from the English catalogue, even in a function": (
        """\
        def title():
            from gebiedsplanner.i18n.texts_en import HELP_TITLE
            return HELP_TITLE
        """,
        ["2: copies texts at import: from gebiedsplanner.i18n.texts_en import ..."],
    ),
    "the English catalogue read past the switch": (
        """\
        from gebiedsplanner.i18n import texts_en
        import gebiedsplanner.i18n.texts_en as english
        """,
        [
            "1: reads texts_en past the language switch",
            "2: reads texts_en past the language switch",
        ],
    ),
    "a binding's description in a class body": (
        """\
        from textual.binding import Binding
        from gebiedsplanner.i18n import texts

        class Planner:
            BINDINGS = [
                Binding("q", "quit", texts.KEY_QUIT),
            ]
        """,
        ["6: texts.KEY_QUIT read while importing"],
    ),
    "a text at module level, and in a comprehension there": (
        """\
        from gebiedsplanner.i18n import texts

        TITLE = texts.HELP_TITLE
        HEADERS = [texts.TABLE_HEADERS[i] for i in range(2)]
        """,
        ["3: texts.HELP_TITLE read while importing", "4: texts.TABLE_HEADERS read while importing"],
    ),
    "a default argument value, of a method and of a lambda": (
        """\
        from gebiedsplanner.i18n import texts

        class Dialog:
            def __init__(self, title: str = texts.SAVE_AS_TITLE) -> None:
                self.title = title

        later = lambda name=texts.KEY_SAVE: name
        """,
        ["4: texts.SAVE_AS_TITLE read while importing", "7: texts.KEY_SAVE read while importing"],
    ),
    "a decorator's argument and a class keyword": (
        """\
        from gebiedsplanner.i18n import texts as t

        @register(t.KEY_HELP)
        def help_action():
            pass

        class Panel(Widget, title=t.HELP_TITLE):
            pass
        """,
        ["3: t.KEY_HELP read while importing", "7: t.HELP_TITLE read while importing"],
    ),
    "a nested class, the module under its full name, and getattr": (
        """\
        import gebiedsplanner.i18n.texts
        from gebiedsplanner.i18n import texts

        class Outer:
            class Inner:
                LABEL = gebiedsplanner.i18n.texts.KEY_EDIT

        if True:
            QUIT = getattr(texts, "KEY_QUIT")
        """,
        [
            "6: gebiedsplanner.i18n.texts.KEY_EDIT read while importing",
            "9: texts read while importing",
        ],
    ),
}


@pytest.mark.parametrize("example", REFUSED)
def test_the_scan_refuses_a_text_taken_at_import(example: str) -> None:
    source, refused = REFUSED[example]
    assert _findings(source) == refused


def test_the_scan_lets_texts_be_looked_up_when_shown() -> None:
    """In a function or lambda body, by name in a table, or in every language at once."""
    source = """\
        from gebiedsplanner.i18n import texts
        from gebiedsplanner.i18n.language import in_every_language

        ACTIONS = (("enter", "edit", "KEY_EDIT", "HELP_EDIT", True),)
        YES = in_every_language("YES_LETTERS")

        class Planner:
            BINDINGS = [Binding("q", "quit", "KEY_QUIT")]

            def title(self, default: str | None = None) -> str:
                return default or texts.HELP_TITLE

            later = property(lambda self: texts.KEY_SAVE)

        def label(name: str = "KEY_SAVE", *, text: object = None) -> str:
            return str(getattr(texts, name))
        """
    assert _findings(source) == []


# -- the probe: every text a marker while importing ------------------------------


def _probe(*extra: str, path: Path | None = None) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), str(path or "")]))}
    result = subprocess.run(
        [sys.executable, "-m", "tests.text_probe", *extra],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_nothing_imported_holds_a_text() -> None:
    assert _probe() == []


def test_the_probe_finds_a_text_taken_through_a_function_called_at_import(
    tmp_path: Path,
) -> None:
    """What the source scan cannot see: the class body calls a function that reads."""
    (tmp_path / "made_up_screen.py").write_text(
        textwrap.dedent(
            """\
            from textual.binding import Binding
            from textual.screen import Screen

            from gebiedsplanner.i18n import texts


            def keys(*names: str) -> list[Binding]:
                return [Binding("s", "save", getattr(texts, name)) for name in names]


            class MadeUp(Screen[None]):
                BINDINGS = keys("KEY_SAVE")
            """
        )
    )
    source = (tmp_path / "made_up_screen.py").read_text()
    assert _findings(source, "made_up_screen") == []  # the scan passes it
    found = _probe("made_up_screen", path=tmp_path)
    assert "made_up_screen.MadeUp.BINDINGS[0].description: '⟦KEY_SAVE⟧'" in found


# -- bindings name their texts ---------------------------------------------------


def _our_classes() -> list[type[DOMNode]]:
    import importlib
    import pkgutil

    import gebiedsplanner.ui

    for module in pkgutil.walk_packages(gebiedsplanner.ui.__path__, "gebiedsplanner.ui."):
        importlib.import_module(module.name)
    classes: list[type[DOMNode]] = []
    todo: list[type[DOMNode]] = [DOMNode]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("gebiedsplanner."):
            classes.append(cls)
    return classes


def test_every_binding_of_ours_names_its_text_or_has_none() -> None:
    """``Binding("q", "quit", "KEY_QUIT")``: a name in the catalogue, looked up when
    shown (ui/named_keys.py); a typo, or a text written in, fails here."""
    names = {name for name, value in vars(texts).items() if isinstance(value, str)}
    seen = 0
    for cls in _our_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding), (cls, binding)
            seen += 1
            for name in (binding.description, binding.tooltip):
                assert name == "" or name in names, f"{cls.__qualname__}: {binding}"
    assert seen >= 60


# -- a session in the other language ----------------------------------------------


def _session(imported: str, session: str) -> dict[str, object]:
    """What :mod:`tests.session_after_import` saw (in the test's own user folders)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "tests.session_after_import", imported, session],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout)
    return seen


#: For each thing the user reads, texts that differ between the languages.
READ_WHERE = {
    "key_line": ("KEY_EDIT", "KEY_MOVE", "KEY_SAVE", "KEY_LIBRARY"),
    "help": ("HELP_TITLE", "HELP_NEXT_YEAR", "HELP_REDO", "HELP_KEYS"),
    "palette": ("PALETTE_PLACEHOLDER", "KEY_CHART", "HELP_ALL_YEARS", "HELP_EXPORT"),
    "save_as": ("SAVE_AS_TITLE", "SAVE_AS_KEYS"),
}


@pytest.mark.parametrize(("imported", "session"), [("nl", "en"), ("en", "nl")])
def test_a_session_speaks_its_language_whatever_the_import_spoke(
    imported: str, session: str
) -> None:
    """The launcher's forked session: modules imported in one language, the session in
    the other. Its key line, help, palette, dialogs and the descriptions Textual reads
    for its keys are all in the session's language."""
    seen = _session(imported, session)
    language.use(imported)
    before = {name: getattr(texts, name) for where in READ_WHERE.values() for name in where}
    before |= {name: getattr(texts, name) for name in ("KEY_SAVE", "HELP_SAVE", "KEY_QUIT")}
    language.use(session)
    for where, names in READ_WHERE.items():
        shown = " ".join(str(seen[where]).split())
        for name in names:
            now = " ".join(getattr(texts, name).split())
            assert now in shown, f"{where}: {name} {now!r} not in {shown!r}"
            assert before[name] not in shown, f"{where}: {name} still {before[name]!r}"
    bindings = seen["bindings"]
    assert isinstance(bindings, dict)
    assert bindings["ctrl+s"] == [texts.KEY_SAVE, texts.HELP_SAVE]
    assert bindings["ctrl+q"][0] == texts.KEY_QUIT
