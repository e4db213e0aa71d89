"""The key line of every screen: at 80 columns every key the footer offers is there, in
both languages; narrower, the keys that fit and always help, never a key cut in half."""

from __future__ import annotations

import pytest

from gebiedsplanner.i18n import language, texts
from gebiedsplanner.ui.actions import ActionSpec, key_hints
from gebiedsplanner.ui.screens.comparison import COMPARISON_ACTIONS
from gebiedsplanner.ui.screens.library import LIBRARY_ACTIONS
from gebiedsplanner.ui.screens.planner import PLANNER_ACTIONS

SCREENS = {"planner": PLANNER_ACTIONS, "library": LIBRARY_ACTIONS, "comparison": COMPARISON_ACTIONS}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_at_80_columns_every_key_offered_is_shown(screen: str, lang: str) -> None:
    language.use(lang)
    specs = SCREENS[screen]
    line = key_hints(specs, 79)
    for spec in specs:
        if spec.show:
            label = getattr(texts, spec.hint_name) if spec.hint_name else spec.label
            assert f" {label}" in line, (spec.action, line)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("width", [20, 40, 59])
def test_narrower_the_keys_that_fit_and_help_last(screen: str, lang: str, width: int) -> None:
    language.use(lang)
    specs: tuple[ActionSpec, ...] = SCREENS[screen]
    line = key_hints(specs, width)
    everything = key_hints(specs)
    if len(everything) <= width:
        assert line == everything
    else:
        help_label = next(spec.label for spec in specs if spec.action == "help")
        assert line.endswith(help_label) and len(line) <= width
    assert all(hint in everything.split("  ") for hint in line.split("  "))  # whole hints


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("screen", ["planner", "comparison"])
@pytest.mark.parametrize("width", [59, 79])
def test_the_export_key_is_named_for_both_formats_it_writes(
    screen: str, lang: str, width: int
) -> None:
    """``e`` writes CSV or an Excel workbook: the key line says Export, not CSV, and
    keeps it at 60 columns too; help and palette name both formats (issue 26)."""
    language.use(lang)
    specs = SCREENS[screen]
    line = key_hints(specs, width)
    assert "e Export" in line and "CSV" not in line, line
    export = next(spec for spec in specs if spec.action == "export")
    assert "CSV" in export.help and ("Excel" in export.help), export.help
