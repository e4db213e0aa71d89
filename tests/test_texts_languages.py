"""The English texts mirror the Dutch ones: the same names, the same shapes, the same
``str.format`` fields, the same markup, the same layout whitespace, and no sentence
left in Dutch by mistake.

Each check is a function that returns what it finds wrong, so the last tests can
show on made-up modules that every kind of mismatch is caught.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from gebiedsplanner.i18n import texts, texts_en

#: English texts (a name, or one place inside it) that may equal the Dutch ones although
#: they have 4 or more words, each with its reason.
SAME_ON_PURPOSE = {
    "HELP_EXTRA_KEYS[1][0]": "key names (PgUp PgDn Home End), the same in every language",
    "CHART_LEGEND": "the three posts, in the users' own words in every language",
}

#: Words in a text's literal parts (format fields left out): letters only.
_WORD = re.compile(r"[^\W\d_]+")
#: Rich markup tags, and TOML table names such as ``[envelope]`` (both must stay).
_TAG = re.compile(r"\[/?[A-Za-z_][^\[\]]*\]")


def public_names(module: Any) -> set[str]:
    """The module's own top-level public names (not ``from __future__ import annotations``)."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, ModuleType) and name != "annotations"
    }


def format_fields(text: str) -> list[tuple[str, str, str]]:
    """Every ``{field!conversion:spec}`` of a template, sorted (a translation may reorder)."""
    return sorted(
        (field, spec or "", conversion or "")
        for _, field, spec, conversion in string.Formatter().parse(text)
        if field is not None
    )


def literal_words(text: str) -> list[str]:
    """The words of a template outside its format fields."""
    literal = "".join(part for part, *_ in string.Formatter().parse(text))
    return _WORD.findall(literal)


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def strings(path: str, dutch: object, english: object) -> Iterator[tuple[str, str, str]]:
    """Every pair of texts at the same place in two values of the same shape."""
    if isinstance(dutch, str) and isinstance(english, str):
        yield path, dutch, english
    elif isinstance(dutch, dict) and isinstance(english, dict):
        for key in dutch.keys() & english.keys():
            yield from strings(f"{path}[{key!r}]", dutch[key], english[key])
    elif isinstance(dutch, tuple | list) and isinstance(english, tuple | list):
        for index, (one, other) in enumerate(zip(dutch, english, strict=False)):
            yield from strings(f"{path}[{index}]", one, other)


def shape_problems(path: str, dutch: object, english: object) -> list[str]:
    """Where ``english`` differs from ``dutch`` in type, keys, length or a non-text value."""
    if type(dutch) is not type(english):
        return [f"{path}: {type(english).__name__} instead of {type(dutch).__name__}"]
    if isinstance(dutch, dict):
        assert isinstance(english, dict)
        if list(dutch) != list(english):
            return [f"{path}: keys {list(english)} instead of {list(dutch)}"]
        return [
            problem
            for key in dutch
            for problem in shape_problems(f"{path}[{key!r}]", dutch[key], english[key])
        ]
    if isinstance(dutch, tuple | list):
        assert isinstance(english, tuple | list)
        if len(dutch) != len(english):
            return [f"{path}: {len(english)} items instead of {len(dutch)}"]
        return [
            problem
            for index, (one, other) in enumerate(zip(dutch, english, strict=True))
            for problem in shape_problems(f"{path}[{index}]", one, other)
        ]
    if not isinstance(dutch, str) and dutch != english:
        return [f"{path}: {english!r} instead of {dutch!r}"]
    return []


def text_problems(path: str, dutch: str, english: str) -> list[str]:
    """Where a translation breaks what the code relies on: fields, markup, layout."""
    problems = []
    if format_fields(dutch) != format_fields(english):
        problems.append(
            f"{path}: format fields {format_fields(english)} instead of {format_fields(dutch)}"
        )
    if sorted(_TAG.findall(dutch)) != sorted(_TAG.findall(english)):
        problems.append(
            f"{path}: markup {sorted(_TAG.findall(english))}"
            f" instead of {sorted(_TAG.findall(dutch))}"
        )
    if _edges(dutch) != _edges(english):
        problems.append(f"{path}: leading/trailing whitespace {_edges(english)!r}")
    if dutch.count("\n") != english.count("\n"):
        problems.append(f"{path}: {english.count(chr(10))} line breaks, not {dutch.count(chr(10))}")
    return problems


def untranslated(path: str, dutch: str, english: str, allowed: dict[str, str]) -> list[str]:
    """A sentence of 4+ words that is the same in English: likely forgotten."""
    forgotten = dutch == english and len(literal_words(dutch)) >= 4
    if forgotten and path not in allowed and path.split("[")[0] not in allowed:
        return [f"{path}: still Dutch: {dutch!r} (translate it, or add it to SAME_ON_PURPOSE)"]
    return []


def all_problems(dutch: Any, english: Any, allowed: dict[str, str]) -> list[str]:
    """Everything wrong with ``english`` as the counterpart of ``dutch``."""
    problems = [
        f"{name}: only in the Dutch texts" for name in public_names(dutch) - public_names(english)
    ]
    problems += [
        f"{name}: only in the English texts" for name in public_names(english) - public_names(dutch)
    ]
    for name in sorted(public_names(dutch) & public_names(english)):
        one, other = getattr(dutch, name), getattr(english, name)
        problems += shape_problems(name, one, other)
        for path, nl, en in strings(name, one, other):
            problems += text_problems(path, nl, en) + untranslated(path, nl, en, allowed)
    return problems


# -- the real modules ---------------------------------------------------------------------


def test_both_modules_define_the_same_names() -> None:
    only_dutch = sorted(public_names(texts) - public_names(texts_en))
    only_english = sorted(public_names(texts_en) - public_names(texts))
    assert not only_dutch, f"add to texts_en.py: {only_dutch}"
    assert not only_english, f"not in texts.py: {only_english}"


@pytest.mark.parametrize("name", sorted(public_names(texts) & public_names(texts_en)))
def test_each_text_mirrors_the_dutch(name: str) -> None:
    dutch, english = getattr(texts, name), getattr(texts_en, name)
    problems = shape_problems(name, dutch, english)
    for path, nl, en in strings(name, dutch, english):
        problems += text_problems(path, nl, en) + untranslated(path, nl, en, SAME_ON_PURPOSE)
    assert not problems, "\n".join(problems)


def test_the_allow_list_names_only_texts_that_are_the_same() -> None:
    def value(module: ModuleType, path: str) -> object:
        name, *keys = path.split("[")
        found = getattr(module, name)
        for key in keys:
            found = found[ast.literal_eval(key.removesuffix("]"))]
        return found

    stale = [
        path
        for path in SAME_ON_PURPOSE
        if path.split("[")[0] not in public_names(texts) & public_names(texts_en)
        or value(texts, path) != value(texts_en, path)
    ]
    assert not stale, f"remove from SAME_ON_PURPOSE: {stale}"


# -- the checks catch each kind of mismatch -------------------------------------------


def _module(**names: object) -> SimpleNamespace:
    return SimpleNamespace(**names)


DUTCH = _module(
    GREETING="Hallo {name}, welkom in {place:>10}.",
    LABELS={"a": "een", "b": "twee"},
    PAIR=("links", "rechts"),
    BOLD="[b]{count}[/b] gebieden",
    SPACED=" · {year}",
    SENTENCE="dit is een zin van vele woorden",
)
ENGLISH = _module(
    GREETING="Welcome to {place:>10}, {name}.",
    LABELS={"a": "one", "b": "two"},
    PAIR=("left", "right"),
    BOLD="[b]{count}[/b] gebieden",
    SPACED=" · {year}",
    SENTENCE="this is a sentence of many words",
)


def _english(**changed: object) -> SimpleNamespace:
    return _module(**(vars(ENGLISH) | changed))


def test_a_faithful_translation_passes() -> None:
    assert all_problems(DUTCH, ENGLISH, {}) == []


@pytest.mark.parametrize(
    ("english", "found"),
    [
        (_english(EXTRA="nieuw"), "EXTRA: only in the English texts"),
        (_module(**{k: v for k, v in vars(ENGLISH).items() if k != "PAIR"}), "PAIR: only in"),
        (_english(LABELS={"a": "one"}), "LABELS: keys"),
        (_english(LABELS={"a": "one", "c": "two"}), "LABELS: keys"),
        (_english(PAIR=("left",)), "PAIR: 1 items instead of 2"),
        (_english(PAIR=["left", "right"]), "PAIR: list instead of tuple"),
        (_english(GREETING="Welcome to {place}, {name}."), "GREETING: format fields"),
        (_english(GREETING="Welcome to {where:>10}, {name}."), "GREETING: format fields"),
        (_english(BOLD="[b]{count} gebieden"), "BOLD: markup"),
        (_english(SPACED="· {year}"), "SPACED: leading/trailing whitespace"),
        (_english(SENTENCE="dit is een zin van vele woorden"), "SENTENCE: still Dutch"),
    ],
)
def test_each_kind_of_mismatch_is_caught(english: SimpleNamespace, found: str) -> None:
    problems = all_problems(DUTCH, english, {})
    assert any(problem.startswith(found) for problem in problems), problems


def test_a_forgotten_sentence_inside_a_dict_is_caught() -> None:
    dutch = _module(LABELS={"a": "dit blijft hier echt Nederlands"})
    english = _module(LABELS={"a": "dit blijft hier echt Nederlands"})
    assert all_problems(dutch, english, {}) == [
        "LABELS['a']: still Dutch: 'dit blijft hier echt Nederlands'"
        " (translate it, or add it to SAME_ON_PURPOSE)"
    ]
    assert all_problems(dutch, english, {"LABELS": "a reason"}) == []


def test_a_field_lost_deep_inside_nested_tuples_is_caught() -> None:
    dutch = _module(KEYS=(("esc", "sluiten"), ("q", "stop {name}")))
    english = _module(KEYS=(("esc", "close"), ("q", "quit")))
    assert [p.split(":")[0] for p in all_problems(dutch, english, {})] == ["KEYS[1][1]"]


def test_short_labels_and_fields_do_not_count_as_words() -> None:
    assert literal_words("{owner} · {post} · {year}") == []
    same = _module(CELL="{owner} · {post} · {year}", POST="couleur locale")
    assert all_problems(same, same, {}) == []
