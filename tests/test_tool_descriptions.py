"""A planning tool is described once (its code, its parameters, its plan), and every door
is built from that description: the command line (its parser, ``--help`` and what it
reads), the dialog (its fields, read the same way) and the change log's words.

A made-up fifth tool, ``trim``, is added here only as a new tool is: its module (with
its code in ``tools.CODES``) and its texts. Nothing else learns of it, yet it works
through every door.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.core import log_words, tools
from gebiedsplanner.core.money import format_percent, round_half_away
from gebiedsplanner.core.scenario import GEBIEDSOPDRACHT, Scenario
from gebiedsplanner.core.tools.description import (
    HOLDS,
    YEAR,
    BadParameter,
    Kind,
    Param,
    Tool,
    Values,
)
from gebiedsplanner.core.tools.plans import ToolPlan, Words, assemble, check_line, holds_in
from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.screens import tools_dialog
from gebiedsplanner.ui.screens.tools_dialog import Fields, ToolsScreen
from tests.pilot_helpers import fill_in, focused, opened, screen_text, shown

# -- the made-up tool: what a new tool's module holds ---------------------------------

LOG_WORDS = log_words.words(
    ACTION="bijgesneden", REASON_TRIM="gebiedsopdracht {year} bijgesneden met {cut}"
)


def _trim(scenario: Scenario, values: Values) -> ToolPlan:
    """Take ``--cut`` percent off every gebiedsopdracht not held."""
    year, cut, holds = values.year("year"), values.percent("cut"), values.names("holds")
    cells = []
    for name, gebied in scenario.gebieden.items():
        old = gebied.posts[GEBIEDSOPDRACHT][year]
        taken = round_half_away(old * cut.numerator, 100 * cut.denominator)
        cells.append((name, GEBIEDSOPDRACHT, year, old, old if name in holds else old - taken))

    def in_words(words: Words) -> str:
        said = words.REASON_TRIM.format(year=year, cut=format_percent(cut))
        return str(said + holds_in(words, holds))

    return assemble(
        "trim",
        LOG_WORDS,
        in_words,
        values.text("reason"),
        f"gebiedsopdracht {year}",
        cells,
        check=check_line("alles", "alles", exact=True),
        notes=[],
        nothing="al bijgesneden",
    )


CUT = Param(
    "cut",
    Kind.PERCENT,
    "--cut",
    help="ARG_CUT",
    label="TOOL_LABEL_CUT",
    default="5%",
)
TRIM = Tool("trim", help="CMD_TRIM", params=(YEAR, CUT, HOLDS), build=_trim, log_words=LOG_WORDS)
#: Its texts, as the catalogues would have them.
TEXTS = {
    "CMD_TRIM": "snijd de gebiedsopdracht van elk gebied met een percentage bij",
    "ARG_CUT": "hoeveel procent eraf, bijvoorbeeld 5%",
    "TOOL_LABEL_CUT": "Snijden",
    "REASON_TRIM": "gebiedsopdracht {year} bijgesneden met {cut}",
}


@pytest.fixture
def fifth_tool(monkeypatch: pytest.MonkeyPatch) -> None:
    """``trim`` added as a new tool is: its module in the package, its code, its texts."""
    module = ModuleType("gebiedsplanner.core.tools.trim")
    module.TOOL = TRIM  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(tools, "CODES", (*tools.CODES, "trim"))
    for name, text in TEXTS.items():
        monkeypatch.setattr(texts, name, text, raising=False)
    monkeypatch.setitem(texts.TOOL_NAMES, "trim", "bijsnijden")
    monkeypatch.setitem(texts.ACTION_LABELS, "trim", "bijgesneden")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int | str, str, str]:
    try:
        code: int | str = main(list(args))
    except SystemExit as done:
        code = f"exit {done.code}"
    out, err = capsys.readouterr()
    return code, out, err


# -- (1) one description, every door ----------------------------------------------------


@pytest.mark.usefixtures("fifth_tool")
def test_a_new_tool_is_a_command_with_its_help_and_options(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    _, out, _ = run(capsys, "--help")
    assert f"gebiedsplanner trim            {TEXTS['CMD_TRIM']}" in out
    code, out, _ = run(capsys, "trim", "--help")
    assert code == "exit 0"
    assert "--cut PCT" in out and TEXTS["ARG_CUT"] in out and "--hold GEBIED" in out
    code, out, err = run(capsys, "trim", str(scenario_file), "--year", "2017", "--cut", "10%")
    assert code == 0, err
    assert out.startswith("gebiedsopdracht 2017 bijgesneden met 10%\n")
    entry = storage.load(scenario_file).scenario.log[-1]
    assert (entry.action, entry.reason) == ("trim", "gebiedsopdracht 2017 bijgesneden met 10%")
    assert log_words.action_word("trim") == "bijgesneden"  # what an undo of it says
    assert log_words.action_code("bijgesneden") == "trim"


@pytest.mark.usefixtures("fifth_tool")
async def test_a_new_tool_is_in_the_dialog_with_its_fields(scenario_file: Path) -> None:
    app = PlannerApp(storage.open_for_editing(scenario_file), locations.load_settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await opened(pilot, ToolsScreen, "the tools opening")
        await focused(pilot, "#tool")
        assert "Snijden" not in screen_text(pilot)  # its field shows with it only
        await pilot.press("space", *["down"] * 4, "enter")
        await shown(pilot, "gebiedsopdracht 2016 bijgesneden met 5%")  # its default
        await shown(pilot, "Snijden")
        await pilot.press("tab", "tab")  # the year, then its own field
        await fill_in(pilot, "#cut", "12,5%")
        await shown(pilot, "gebiedsopdracht 2016 bijgesneden met 12,5%")
        await fill_in(pilot, "#cut", "veel")
        await shown(pilot, "'veel' is geen percentage")  # read by the parameter, as below


@pytest.mark.usefixtures("fifth_tool")
def test_the_dialog_and_the_command_line_read_a_new_tool_alike(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    scenario = storage.load(scenario_file).scenario
    fields = {"year": "2017", "cut": "veel", "holds": None, "reason": None}
    with pytest.raises(BadParameter) as refused:
        tools_dialog.plan_for(scenario, Fields("trim", fields))
    code, _, err = run(capsys, "trim", str(scenario_file), "--year", "2017", "--cut", "veel")
    assert code == 1
    assert err.startswith(f"{scenario_file}: --cut: {refused.value}\n")
    assert f"oplossing: {texts.FIX_PERCENT_TYPED}" in err


# -- (2) a parameter's refusal names its option and fix, through both doors -----------

#: Text each kind of parameter cannot read.
BAD = {
    Kind.YEAR: "1999",
    Kind.AMOUNT: "veel",
    Kind.PERCENT: "veel",
    Kind.NAMES: "Narnia",
    Kind.TEXT: "x" * 100_001,
}
#: What the required parameters are given while another is refused.
GOOD = {"year": "2017", "to-year": "2018", "share": "10%"}
REFUSABLE = [
    pytest.param(tool.code, param, id=f"{tool.code} {param.option}")
    for tool in tools.every_tool()
    for param in tool.every_param
    if param.kind in BAD
]


@pytest.mark.parametrize(("code", "param"), REFUSABLE)
def test_a_parameter_refuses_bad_text_naming_its_option_and_fix(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, code: str, param: Param
) -> None:
    tool = tools.tool_for(code)
    scenario = storage.load(scenario_file).scenario
    typed = {p.name: GOOD.get(p.name) for p in tool.every_param} | {param.name: BAD[param.kind]}
    with pytest.raises(BadParameter) as refused:  # the dialog
        tools_dialog.plan_for(scenario, Fields(code, typed))
    assert refused.value.option == param.option
    args = [arg for p in tool.every_param if typed[p.name] for arg in (p.option, typed[p.name])]
    before = scenario_file.read_bytes()
    exit_code, _, err = run(capsys, code, str(scenario_file), *args)  # the command line
    assert exit_code == 1
    assert err.startswith(f"{scenario_file}: {param.option}: {refused.value}\n")
    assert f"oplossing: {refused.value.fix}" in err
    assert scenario_file.read_bytes() == before


def test_a_parameter_reads_what_it_is_given_and_its_default() -> None:
    scenario = storage.load(locations.bundled_example()).scenario
    assert CUT.read(None, scenario) == CUT.read("5%", scenario)
    assert HOLDS.read(["pernis", "Noord"], scenario) == HOLDS.read("pernis, Noord", scenario)
    with pytest.raises(BadParameter) as refused:
        CUT.read("5.5%", scenario)
    assert (refused.value.option, refused.value.fix) == ("--cut", texts.FIX_PERCENT_TYPED)
    choice = Param("key", Kind.CHOICE, "--key", help="", choices=("a", "b"))
    with pytest.raises(BadParameter, match="kies uit a, b"):
        choice.read("c", scenario)
