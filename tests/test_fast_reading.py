"""The quick ways of reading (the gebied tables read as written, the quick gebieden
check) change nothing.

Every file means what ``tomli`` and the careful reader say it means: the fast path
gives exactly the scenario, and a file with a problem gets exactly the messages.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from make_scenario import make

from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.format import (
    model_builders,
    problem_collector,
    scenario_reader,
    scenario_writer,
    toml_text,
)
from gebiedsplanner.format.scenario_writer import dumps
from tests.conftest import BUNDLED
from tests.strategies import scenarios
from tests.test_format import snapshot


def in_order(value: object) -> object:
    """``value`` with every mapping as a list of its items: order counts too."""
    if isinstance(value, dict):
        return [(key, in_order(item)) for key, item in value.items()]
    if isinstance(value, (list, tuple)):
        return [in_order(item) for item in value]
    return value


def careful(raw: bytes) -> Scenario | list[Problem]:
    """What the file meant before the fast path: ``tomli`` and the careful reader."""
    text = toml_text.decode("f.toml", raw)
    try:
        data = toml_text.load_toml("f.toml", text)
    except ProblemsError as error:
        return error.problems
    reader = problem_collector.Reader("f.toml", text)
    original = model_builders.quick_gebieden
    model_builders.quick_gebieden = lambda table, years: None  # type: ignore[assignment]
    try:
        scenario = model_builders.read_scenario(reader, data)
    finally:
        model_builders.quick_gebieden = original
    if reader.problems or scenario is None:
        return reader.reported()
    return scenario


def meaning(result: Scenario | list[Problem]) -> object:
    return in_order(snapshot(result)) if isinstance(result, Scenario) else result


def read(raw: bytes) -> Scenario | list[Problem]:
    try:
        return scenario_reader.parse("f.toml", raw)
    except ProblemsError as error:
        return error.problems


#: Ways to write the same TOML otherwise (some the quick check leaves to the careful one).
LAYOUTS = [
    lambda text: text,
    lambda text: text.replace("\n", "\r\n"),
    lambda text: text.replace("\n[", "\n# een opmerking [x]\n["),
    lambda text: re.sub(r"(?m)^(\d{4}) = (-?)([\d_]+)$", r'"\1" = \2\3  # bedrag', text),
    lambda text: re.sub(r"(?m)^(\d{4}) = ([\d_]+)$", lambda m: f"{m[1]} = 0x{int(m[2]):x}", text),
    lambda text: re.sub(r"(?m)^(\d{4}) = ", r"\1=", text),
    lambda text: re.sub(r"(?m)^(\d{4}) = (\d)", r"\1 = +\2", text),  # +0, +12_000: no +-
]

#: Ways to break a file, each a problem the careful reader names.
BREAKS = [
    lambda text: text.replace(" = ", " = 1.5 #", 1),
    lambda text: re.sub(r"(?m)^(\d{4}) = [\d_]+$", r"\1 = 12.5", text, count=1),
    lambda text: re.sub(r"(?m)^(\d{4}) = [\d_]+$", r"\1 = -7", text, count=1),
    lambda text: re.sub(r"(?m)^(\d{4}) = [\d_]+$", r"\1 = " + "9" * 5000, text, count=1),
    lambda text: re.sub(r"(?m)^(\d{4}) = [\d_]+$", r"\1 = 10_000_000_000_000", text, count=1),
    lambda text: re.sub(r"(?m)^(\d{4}) = [\d_]+$", r"\1 = true", text, count=1),
    lambda text: re.sub(r"(?m)^(\d{4}) = [\d_]+$", "", text, count=1),
    lambda text: re.sub(r"(?m)^(\d{4}) = ([\d_]+)$", r"\1 = \2\n\1 = \2", text, count=1),
    lambda text: text.replace("[gebied.", "[gebied.Stedelijk]\n[gebied.", 1),
    lambda text: text.replace("couleur_locale]", "couleur_lokaal]", 1),
    lambda text: text.replace("\n[", '\nx = "\\e"\n[', 1),
    lambda text: "\ufeff" + text,
    lambda text: (
        text + "\n[[log]]\nwhen = 2026-01-01T00:00:00\nchanges = [{cell = 'a/b/2017', "
        "old = 1, new = 2, x = " + "9" * 5000 + "}]\n"
    ),
]


@settings(max_examples=80, deadline=None)
@given(scenarios(), st.sampled_from(LAYOUTS))
def test_the_fast_path_reads_every_valid_file_as_tomli_does(
    scenario: Scenario, layout: Any
) -> None:
    raw = layout(scenario_writer.dumps(scenario).decode()).encode()
    fast = read(raw)
    assert isinstance(fast, Scenario), fast
    assert meaning(fast) == meaning(careful(raw))
    if layout is LAYOUTS[0]:
        assert meaning(fast) == meaning(scenario)


@settings(max_examples=80, deadline=None)
@given(scenarios(), st.sampled_from(BREAKS))
def test_a_file_with_a_problem_gets_the_messages_it_got(scenario: Scenario, brk: Any) -> None:
    raw = brk(scenario_writer.dumps(scenario).decode()).encode()
    assert meaning(read(raw)) == meaning(careful(raw))


def test_the_bundled_example_and_its_layouts_read_the_same() -> None:
    for layout in LAYOUTS:
        raw = layout(BUNDLED.read_text()).encode()
        assert meaning(read(raw)) == meaning(careful(raw))


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 100_000 + "]" * 100_000,
        "a = " + "{b=" * 100_000 + "1" + "}" * 100_000,
        "a = " + "[" * 100_000,
        'a = [ "]",\n' * 100_000,
        'a = [ """]\n""", [ """]\n"""' * 50_000,
        "a = [ # ]\n" * 100_000,
        "format = 1\n[" + ".".join(["a"] * 50_000) + "]\n",
        "format = 1\n" + ".".join(["a"] * 50_000) + " = 1\n",
    ],
)
def test_deep_nesting_is_a_problem_with_a_message(text: str) -> None:
    with pytest.raises(ProblemsError):
        scenario_reader.parse("diep.toml", text.encode())


def test_arrays_opened_inside_multi_line_strings_are_a_problem_not_a_crash(
    tmp_path: Path,
) -> None:
    """Each line ``\"\"\" , [ \"\"\"\"`` has a ``[`` and a ``]`` but opens one more array:
    twenty thousand of them crashed a compiled parser we once used (found by an attack)."""
    base = dumps(make(600)).decode()
    nested = 'x = [ """" ]\n' + '""" , [ """" ]\n' * 20_000 + '""" ' + "]" * 20_001 + "\n"
    path = tmp_path / "diep.toml"
    path.write_text(base + "\n[zz]\n" + nested)
    done = subprocess.run(
        [sys.executable, "-m", "gebiedsplanner", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1  # not -11: a problem, not a segfault
    assert "400 niveaus diep genest" in done.stderr


# --- The gebied tables read as written (``written_layout``), without a TOML parser ---


def as_written(raw: bytes) -> Scenario | None:
    return scenario_reader._read_as_written("f.toml", raw.decode())


def test_files_the_program_writes_are_read_as_written() -> None:
    """Not a test that passes by leaving every file to the TOML parser."""
    for raw in (BUNDLED.read_bytes(), dumps(make(300))):
        scenario = as_written(raw)
        assert scenario is not None
        assert meaning(scenario) == meaning(careful(raw))


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_every_written_scenario_reads_back_the_same(scenario: Scenario) -> None:
    raw = dumps(scenario)
    assert meaning(read(raw)) == meaning(scenario)
    simple = all(re.fullmatch(r"[^\"\\\x00-\x1f\x7f]*", name) for name in scenario.gebieden)
    if simple:
        assert as_written(raw) is not None


#: Text that means something else when it lands in the gebied tables.
SNIPPETS = [
    "\n",
    "\n\n",
    "#",
    " ",
    '"',
    "'",
    "\\",
    "[",
    "]",
    "=",
    ".",
    "_",
    "0",
    "+",
    "-",
    "\r",
    "\t",
    '"""',
    "[gebied.X]\ninwoners = 1\n",
    "[x]\n",
    "inwoners = 2\n",
    "2017 = 5\n",
    '[gebied."Wijk"]\n',
    "é",
]


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A written scenario, damaged where it is read as written: a snippet put in, a
    stretch cut out, a line doubled or two lines swapped."""
    text = dumps(make(draw(st.integers(min_value=1, max_value=4)))).decode()
    start = text.index("[gebied.")
    at = draw(st.integers(min_value=start, max_value=len(text)))
    how = draw(st.sampled_from(["insert", "cut", "double", "swap"]))
    if how == "insert":
        return (text[:at] + draw(st.sampled_from(SNIPPETS)) + text[at:]).encode()
    if how == "cut":
        return (text[:at] + text[at + draw(st.integers(1, 40)) :]).encode()
    lines = text.split("\n")
    first = text.count("\n", 0, at)
    other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    if how == "double":
        lines.insert(first, lines[first])
    else:
        lines[first], lines[other] = lines[other], lines[first]
    return "\n".join(lines).encode()


@settings(max_examples=400, deadline=None)
@given(damaged())
def test_damage_to_the_gebied_tables_means_what_tomli_says(raw: bytes) -> None:
    assert meaning(read(raw)) == meaning(careful(raw))


WRITTEN = dumps(make(3)).decode()
FIRST = WRITTEN.index("[gebied.")
#: The first gebied's tables, with the empty line after them.
GEBIED_BLOCK = WRITTEN[FIRST : WRITTEN.index('[gebied."Wijk 00001"]')]


@pytest.mark.parametrize(
    "text",
    [
        # A multi-line string around the gebied tables: they are text, not tables.
        WRITTEN.replace('description = "', 'description = """', 1).replace(
            "[gebied.", '"""\n[gebied.', 1
        ),
        WRITTEN[:FIRST] + 'x = """\n' + WRITTEN[FIRST:] + '"""\n',
        WRITTEN + GEBIED_BLOCK,  # a gebied twice
        WRITTEN.replace("[envelope]", "gebied = {}\n\n[envelope]"),
        WRITTEN + '\n[gebied."Wijk 00000".extra]\na = 1\n',
        WRITTEN + "\n[log2]\n" + GEBIED_BLOCK,
        WRITTEN.rstrip("\n"),
        WRITTEN.replace("\n", "\r\n"),
        WRITTEN.replace('[gebied."Wijk 00001"]', '[gebied."Wijk\\u0020 00001"]'),
        WRITTEN.replace('"Wijk 00001"', '"Wijk\t00001"'),
        WRITTEN.replace('"Wijk 00001"', "Wijk_00001"),
        WRITTEN.replace('"Wijk 00001"', "'Wijk 00001'"),
        WRITTEN.replace('"Wijk 00001"', '"Stedelijk"'),
        WRITTEN.replace('"Wijk 00001"', '" "'),
        WRITTEN.replace("= 1_001", "= 01_001"),
        WRITTEN.replace("= 1_001", "= 1__001"),
        WRITTEN.replace("= -2_016", "= +2_016"),
        WRITTEN.replace("= -2_016", "= -0"),
        WRITTEN.replace("= 12_016", "= " + "9" * 19),
        WRITTEN.replace("= 12_016", "= ١٢"),
    ],
)
def test_written_layout_edge_cases_mean_what_tomli_says(text: str) -> None:
    raw = text.encode()
    assert meaning(read(raw)) == meaning(careful(raw))
