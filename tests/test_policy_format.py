"""The [beleid] table in a scenario file: read strictly and exactly, written back unchanged."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.rules import Policy
from gebiedsplanner.format import scenario_reader, scenario_writer
from tests.strategies import scenarios
from tests.test_policy import policies

HEAD = """format = 1
name = "Klein"
description = ""
"""
TAIL = """
[envelope]
2020 = 1_000

[taakstelling]
2020 = 0

[gebied.Pernis.couleur_locale]
2020 = 100

[gebied.Pernis.gebiedsopdracht]
2020 = 900

[gebied.Pernis.taakstelling]
2020 = 0
"""
ALL_RULES = """
[beleid]
min_couleur_locale_pct = 12.5
min_gebiedsopdracht = 1_000_000
max_wijziging_pct = 10
taakstelling_volledig_verdeeld = true
binnen_envelope = false
"""


def read(beleid: str) -> Policy | None:
    return scenario_reader.parse("plan.toml", (HEAD + beleid + TAIL).encode()).beleid


def problems(beleid: str) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        read(beleid)
    return [f"{p.place}: {p.message} | {p.fix}" for p in caught.value.problems]


def test_every_rule_is_read_and_percentages_are_exact_fractions() -> None:
    policy = read(ALL_RULES)
    assert policy == Policy(
        min_couleur_locale_pct=Fraction(25, 2),
        min_gebiedsopdracht=1_000_000,
        max_wijziging_pct=Fraction(10),
        taakstelling_volledig_verdeeld=True,
        binnen_envelope=False,
    )
    assert policy is not None and type(policy.min_couleur_locale_pct) is Fraction


def test_a_file_with_rules_writes_back_byte_for_byte() -> None:
    raw = (HEAD + ALL_RULES + TAIL).encode()
    assert scenario_writer.dumps(scenario_reader.parse("plan.toml", raw)) == raw


def test_a_file_without_rules_has_none_and_writes_none() -> None:
    raw = (HEAD + TAIL).encode()
    scenario = scenario_reader.parse("plan.toml", raw)
    assert scenario.beleid is None
    assert scenario_writer.dumps(scenario) == raw


def test_an_empty_beleid_table_stays_an_empty_table() -> None:
    raw = (HEAD + "\n[beleid]\n" + TAIL).encode()
    scenario = scenario_reader.parse("plan.toml", raw)
    assert scenario.beleid == Policy()
    assert scenario_writer.dumps(scenario) == raw


def test_percentages_are_written_as_written_less_trailing_zeros() -> None:
    scenario = scenario_reader.parse(
        "plan.toml", (HEAD + "\n[beleid]\nmax_wijziging_pct = 7.50\n" + TAIL).encode()
    )
    assert b"\nmax_wijziging_pct = 7.5\n" in scenario_writer.dumps(scenario)
    for edge in ("0", "100", "0.01", "99.99"):
        assert read(f"\n[beleid]\nmax_wijziging_pct = {edge}\n") == Policy(
            max_wijziging_pct=Fraction(edge)
        )


def test_an_unknown_rule_is_named_with_a_suggestion_and_its_place() -> None:
    assert problems("\n[beleid]\nmin_couleur_locale = 10\n") == [
        "beleid.min_couleur_locale (regel 6): onbekende beleidsregel 'min_couleur_locale'."
        " Bedoelt u 'min_couleur_locale_pct'? | verwijder of hernoem de regel; bekend:"
        " min_couleur_locale_pct, min_gebiedsopdracht, max_wijziging_pct,"
        " taakstelling_volledig_verdeeld, binnen_envelope"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("nan", "percentage NaN ligt niet tussen 0 en 100"),
        ("inf", "percentage Infinity ligt niet tussen 0 en 100"),
        ("-1", "percentage -1 ligt niet tussen 0 en 100"),
        ("100.5", "percentage 100.5 ligt niet tussen 0 en 100"),
        ("1e400", "percentage 1E+400 ligt niet tussen 0 en 100"),
        ("12.345", "percentage 12.345 heeft meer dan twee decimalen"),
        ("1e-300", "percentage 1E-300 heeft meer dan twee decimalen"),
        ('"10%"', "hier hoort een percentage (zoals 10 of 12.5), maar er staat tekst ('10%')"),
        ("true", "hier hoort een percentage (zoals 10 of 12.5), maar er staat een waar/onwaar"),
    ],
)
def test_a_bad_percentage_says_what_and_how_to_fix_it(value: str, message: str) -> None:
    [found] = problems(f"\n[beleid]\nmin_couleur_locale_pct = {value}\n")
    assert found.startswith(f"beleid.min_couleur_locale_pct (regel 6): {message}")
    assert found.endswith("zoals 10 of 12.5")


def test_a_percentage_of_a_thousand_digits_is_cut_in_the_message() -> None:
    [found] = problems("\n[beleid]\nmax_wijziging_pct = 1." + "1" * 1000 + "\n")
    assert "meer dan twee decimalen" in found and len(found) < 300


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("min_gebiedsopdracht = -1", "een minimumbedrag kan niet negatief zijn"),
        ("min_gebiedsopdracht = 1.5", "bedrag moet een heel getal in euro's zijn"),
        ("min_gebiedsopdracht = true", "bedrag moet een heel getal in euro's zijn"),
        ("min_gebiedsopdracht = 10_000_000_000_000", "bedrag groter dan 1.000.000.000.000"),
        ("binnen_envelope = 1", "hier hoort true of false, maar er staat een heel getal (1)"),
        ('binnen_envelope = "ja"', "hier hoort true of false, maar er staat tekst ('ja')"),
        ("binnen_envelope = 2017-03-12", "hier hoort true of false, maar er staat een datum"),
        ("min_gebiedsopdracht = 07:30:00", "bedrag moet een heel getal in euro's zijn, maar er"),
    ],
)
def test_bad_amounts_and_flags_are_refused(line: str, message: str) -> None:
    [found] = problems(f"\n[beleid]\n{line}\n")
    assert found.split(": ", 1)[1].startswith(message)


def test_beleid_must_be_a_table() -> None:
    [found] = problems("beleid = 10\n")
    assert found.startswith("beleid: hier hoort een tabel, maar er staat een heel getal (10)")


def test_every_bad_rule_is_reported_at_once() -> None:
    found = problems("\n[beleid]\nbinnen_envelop = true\nmax_wijziging_pct = -3\n")
    assert [line.split(":")[0] for line in found] == [
        "beleid.binnen_envelop (regel 6)",
        "beleid.max_wijziging_pct (regel 7)",
    ]


def test_floats_among_amounts_are_still_refused_and_shown_as_written() -> None:
    with pytest.raises(ProblemsError) as caught:
        scenario_reader.parse("plan.toml", (HEAD + TAIL.replace("= 100", "= 100.5")).encode())
    assert "kommagetal (100.5)" in str(caught.value)


@settings(max_examples=60)
@given(scenarios(), policies)
def test_load_save_load_keeps_the_rules(scenario: object, policy: Policy) -> None:
    from gebiedsplanner.core.scenario import Scenario

    assert isinstance(scenario, Scenario)
    scenario.beleid = policy
    data = scenario_writer.dumps(scenario)
    again = scenario_reader.parse("x.toml", data)
    assert again.beleid == policy
    assert scenario_writer.dumps(again) == data


@given(st.booleans())
def test_a_duplicate_or_merge_base_keeps_the_rules(flag: bool) -> None:
    """Copies go through dumps (save as, duplicate, the journal's start, a merge's base)."""
    raw = (HEAD + f"\n[beleid]\nbinnen_envelope = {str(flag).lower()}\n" + TAIL).encode()
    copy = scenario_writer.dumps(scenario_reader.parse("a.toml", raw), name="Kopie")
    assert scenario_reader.parse("b.toml", copy).beleid == Policy(binnen_envelope=flag)
