"""The shape of the code: a core without Textual, lazy polars, one test command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def _modules(*folders: str) -> list[str]:
    """Every module of the given layers, found on disk (a new module is covered at once)."""
    return [
        "gebiedsplanner."
        + ".".join(path.relative_to(ROOT / "gebiedsplanner").with_suffix("").parts)
        for folder in folders
        for path in sorted((ROOT / "gebiedsplanner" / folder).rglob("*.py"))
        if path.stem != "__init__"
    ]


#: The layers that may not load Textual, Rich or polars when imported.
PURE = ("i18n", "core", "disk", "format", "settings", "editing", "library", "exports")


def test_the_layers_below_the_ui_run_without_textual_or_polars() -> None:
    loaded = modules_after("import gebiedsplanner.cli.main, " + ", ".join(_modules(*PURE)))
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich", "polars")}


def test_the_app_starts_without_polars() -> None:
    loaded = modules_after("import gebiedsplanner.ui.app")
    assert "textual" in loaded
    assert "polars" not in loaded


#: What starting the planner does without: saving, merging, recovering, the planning
#: tools, finding a gebied, the other commands, sorting and the all-years view load
#: when first used (startup target, run_all.py).
NOT_AT_START = {
    "tomli_w",
    "tomlkit",
    "gebiedsplanner.core.merge",
    "gebiedsplanner.core.summary",
    "gebiedsplanner.core.policy_report",
    "gebiedsplanner.format.scenario_patch",
    "gebiedsplanner.editing.recovery",
    "gebiedsplanner.settings.config_edit",
    "gebiedsplanner.cli.plans",
    "gebiedsplanner.cli.outputs",
    "gebiedsplanner.core.find",
    "gebiedsplanner.ui.screens.planner_find",
    "gebiedsplanner.ui.widgets.find_line",
    "gebiedsplanner.core.table_order",
    "gebiedsplanner.core.years_view",
    "gebiedsplanner.ui.widgets.years_totals",
}
#: The planning tools: of their package only its own module (the tools' codes) may load
#: at start, none of the tools and nothing they are made of.
TOOLS = "gebiedsplanner.core.tools."


def test_starting_the_planner_loads_only_what_its_first_frame_needs() -> None:
    loaded = modules_after("import gebiedsplanner.cli.main, gebiedsplanner.ui.app")
    assert "gebiedsplanner.ui.screens.planner" in loaded
    assert loaded & NOT_AT_START == set()
    assert {module for module in loaded if module.startswith(TOOLS)} == set()


def test_no_layer_below_the_ui_names_textual() -> None:
    for folder in PURE:
        for path in (ROOT / "gebiedsplanner" / folder).rglob("*.py"):
            assert "textual" not in path.read_text(), path


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("<!-- test-command -->")
    block = readme[start:].split("```")[1]
    command = block.removeprefix("sh").strip()
    assert command in (ROOT / ".ci" / "run").read_text().splitlines()


def test_every_input_field_is_a_field() -> None:
    """Textual's Input takes its editing keys out of turn (ui/widgets/field.py): none is made."""
    made = re.compile(r"(?<![\w.])Input\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "gebiedsplanner").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if made.search(line)
    ]
    assert not found
