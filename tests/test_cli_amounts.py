"""Amounts as users type them, on the command line and in the app: what each place takes,
and refusals whose examples are all taken there (issue 26: ``move --amount +25.000``
said "'+25.000' is geen bedrag. Voorbeelden: … +25.000, -10%")."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.core import tools
from gebiedsplanner.core.amount_entry import move_entry, preview_entry
from gebiedsplanner.core.money import AmountInputError
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.core.tools.description import BadParameter, Param
from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import language
from tests.conftest import BUNDLED
from tests.pilot_helpers import burst, shown, until
from tests.test_app import SIZE, make_app, planner

SOURCE = Cell("Charlois", "gebiedsopdracht", 2017)
TARGET = Cell("Charlois", "couleur_locale", 2017)
MOVE = ["--from", "Charlois/gebiedsopdracht/2017", "--to", "Charlois/couleur_locale/2017"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def amounts(path: Path) -> tuple[int, int]:
    scenario = storage.load(path).scenario
    return scenario.amount(SOURCE), scenario.amount(TARGET)


@pytest.mark.parametrize(
    ("typed", "moved", "said"),
    [
        ("+25.000", 25_000, "25.000 verschoven"),
        ("25000", 25_000, "25.000 verschoven"),
        ("10%", 442_300, "10% van 4.423.000 = 442.300 verschoven"),
        ("+10%", 442_300, "10% van 4.423.000 = 442.300 verschoven"),
        ("12,5%", 552_875, "12,5% van 4.423.000 = 552.875 verschoven"),
        ("0,001%", 44, "0,001% van 4.423.000 = 44 verschoven"),  # 44,23: whole euros
        ("0,00005%", 2, "0,00005% van 4.423.000 = 2 verschoven"),  # 2,2115
    ],
)
def test_move_takes_a_plus_as_the_amount_and_a_percentage_of_the_from_cell(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, typed: str, moved: int, said: str
) -> None:
    source, target = amounts(scenario_file)
    code, out, err = run(capsys, "move", str(scenario_file), *MOVE, "--amount", typed)
    assert (code, err) == (0, "")
    assert out.startswith(said)
    assert amounts(scenario_file) == (source - moved, target + moved)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("-25.000", "'-25.000': verschuiven gaat altijd van de van-cel naar de naar-cel"),
        ("-10%", "'-10%': verschuiven gaat altijd van de van-cel naar de naar-cel"),
        ("abc", "'abc' is geen bedrag om te verschuiven. Voorbeelden: 25.000, 25000, +25.000"),
        ("0%", "'0%' van 4.423.000 (de van-cel) geeft geen bedrag om te verschuiven"),
        ("", "Typ hoeveel: een bedrag, zoals 25.000, of een percentage van de van-cel"),
    ],
)
def test_move_refuses_saying_what_it_takes_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], scenario_file: Path, typed: str, says: str
) -> None:
    before = scenario_file.read_bytes()
    code, out, err = run(capsys, "move", str(scenario_file), *MOVE, "--amount", typed)
    assert (code, out) == (1, "")
    assert f"--amount: {says}" in err
    assert "oplossing: geef bij --amount hele euro's, zoals 50.000, of een percentage" in err
    assert scenario_file.read_bytes() == before


def test_a_tool_amount_takes_a_plus_and_refuses_a_minus_or_a_percentage(
    capsys: pytest.CaptureFixture[str], scenario_file: Path
) -> None:
    dry = ["distribute", str(scenario_file), "--year", "2017", "--dry-run"]
    plain = run(capsys, *dry, "--floor", "1.000")
    assert run(capsys, *dry, "--floor", "+1.000") == plain and plain[0] == 0
    code, _, err = run(capsys, *dry, "--unit", "10%")
    assert code == 1
    assert "--unit: '10%': hier hoort een bedrag in hele euro's, geen percentage" in err
    code, _, err = run(capsys, *dry, "--floor", "-5")
    assert code == 1 and "--floor: '-5': hier geen negatief bedrag" in err


# -- every example a refusal gives is taken where it was given ---------------------

#: What a message offers as an example: an amount or percentage after "Voorbeelden",
#: "zoals", "bijvoorbeeld" or in brackets (never the quoted text that was refused).
_EXAMPLE = re.compile(r"(?<![\w'])[+=-]?\d[\d.,]*%?(?![\w'])")
#: Typed texts that each door refuses, for every way it can refuse.
_REFUSED = [
    "", " ", "abc", "+", "-", "25.00", "25.000,50", "1.5%", "10", "10%", "+10%", "-10%",
    "+25.000", "-25.000", "=abc", "++5", "1" * 30, "1" * 30 + "%", "€", "12,5", "-1%",
    "101%", "-200%", "0", "0%",
]  # fmt: skip


def _examples(message: str, refused: str = "") -> list[str]:
    """The examples in ``message``: its amounts and percentages, but not the text it
    refuses (``refused``, quoted or not) nor the limits it names (groter dan, hoogstens)."""
    unquoted = re.sub(r"'[^']*'", "", message)
    return [
        example.rstrip(".,")
        for example in _EXAMPLE.findall(unquoted)
        if example.rstrip(".,") != refused.strip()
        and not re.search(
            rf"(dan|than|hoogstens|at most|in plaats van|instead of) \(?{re.escape(example)}",
            unquoted,
        )
    ]


def _door_refusals() -> dict[str, tuple[Callable[[str], object], list[tuple[str, str]]]]:
    """Each door an amount is typed into: how it reads a text, and what it says to each
    text it refuses (the message, and on the command line the fix)."""
    scenario = storage.load(BUNDLED).scenario
    cell = Cell("Charlois", "couleur_locale", 2017)
    distribute, couleur, copy = map(tools.tool_for, ("distribute", "couleur-locale", "copy-year"))
    floor, unit = (param for param in distribute.params if param.kind == "amount")

    def edit_line(typed: str) -> object:
        entry = preview_entry(cell, scenario.amount(cell), typed)
        if entry.new is None:
            raise AmountInputError(entry.message)
        return entry.new

    def moving(typed: str) -> object:
        entry = move_entry(typed, scenario.amount(SOURCE))
        scenario.preview_move(SOURCE, TARGET, entry.amount)  # the same year: it may move
        return entry

    def tool(param: Param) -> Callable[[str], object]:
        return lambda typed: param.read(typed, scenario)

    def whole_share(typed: str) -> object:  # the tool itself refuses a share outside 0..100
        return couleur.plan(scenario, {"year": "2017", "share": typed})

    def whole_index(typed: str) -> object:
        return copy.plan(scenario, {"year": "2017", "to-year": "2018", "index": typed})

    doors = {
        "edit line": edit_line,
        "move": moving,
        "floor": tool(floor),
        "unit": tool(unit),
        "share": whole_share,
        "index": whole_index,
    }
    said: dict[str, tuple[Callable[[str], object], list[tuple[str, str]]]] = {}
    for name, door in doors.items():
        messages = []
        for typed in _REFUSED:
            try:
                door(typed)
            except BadParameter as refusal:
                messages += [(typed, str(refusal)), (typed, refusal.fix)]
            except Exception as refusal:  # AmountInputError, EditError, ToolRefused
                messages.append((typed, str(refusal)))
        said[name] = (door, messages)
    return said


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_example_a_refusal_gives_is_taken_where_it_is_given(lang: str) -> None:
    language.use(lang)
    checked = 0
    for name, (door, messages) in _door_refusals().items():
        assert messages, name
        for typed, message in messages:
            for example in _examples(message, typed):
                try:
                    door(example)
                except Exception as refusal:
                    pytest.fail(f"{name}: {message!r} gives {example!r}, refused: {refusal}")
                checked += 1
    assert checked > 60


def test_the_examples_are_found_in_the_messages() -> None:
    """The check above finds examples where they are, and only there."""
    assert _examples("'+5' is geen bedrag. Voorbeelden: 250.000, 250000, +25.000, -10%.") == [
        "250.000", "250000", "+25.000", "-10%",
    ]  # fmt: skip
    assert _examples("bedrag groter dan 1.000.000.000.000 euro: een tikfout") == []
    assert _examples("'1.5%': schrijf decimalen met een komma (12,5%)") == ["12,5%"]


# -- the move dialog: the same rule ---------------------------------------------------


async def test_the_move_dialog_takes_a_percentage_of_the_from_cell_and_shows_its_euros() -> None:
    centrum = Cell("Centrum", "couleur_locale", 2016)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        before = planner(pilot).document.scenario.amount(centrum)
        burst(pilot, "m", *"10%")
        await shown(pilot, f"10% van {before:,} = {before // 10:,}".replace(",", "."))
        burst(pilot, "ctrl+u", *"-5", "%")
        await shown(pilot, "verschuiven gaat altijd van de van-cel naar de naar-cel")
        burst(pilot, "ctrl+u", *"+10%", "enter")
        scenario = planner(pilot).document.scenario
        await until(pilot, lambda: scenario.amount(centrum) == before - before // 10, "moved")
        assert len(scenario.log) == 1
