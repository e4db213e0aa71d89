"""The authorized-keys file of ssh-serve, read as advisers: names, restrictions, bad lines."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.ssh.advisers import parse_advisers, read_advisers


def key_text(key_type: str = "ssh-ed25519", body: bytes = b"k" * 32) -> str:
    """A key as an .pub file holds it: base64 of its type and its body."""
    blob = len(key_type).to_bytes(4, "big") + key_type.encode() + body
    return f"{key_type} {base64.b64encode(blob).decode()}"


ANNA = key_text(body=b"a" * 32)
BOB = key_text(body=b"b" * 32)


def test_the_comment_is_the_name_and_options_restrict() -> None:
    text = f"""# advisers of Rotterdam-Zuid
{ANNA} anna
gebieden="Charlois,Noord",alleen-lezen {BOB} Bob de Vries
"""
    found = parse_advisers("keys", text)
    assert found.problems == ()
    anna, bob = found.advisers
    assert (anna.name, anna.gebieden, anna.read_only) == ("anna", None, False)
    assert (bob.name, bob.gebieden, bob.read_only) == (
        "Bob de Vries",
        frozenset({"Charlois", "Noord"}),
        True,
    )
    assert found.by_key(base64.b64decode(ANNA.split()[1])) == anna
    assert found.by_key(b"someone else") is None


@pytest.mark.parametrize(
    ("line", "says"),
    [
        (ANNA, "geen naam"),
        (f"{ANNA} ../../etc", "mag alleen letters"),
        ("ssh-ed25519 !!!notbase64 anna", "beschadigd"),
        (f"ssh-rsa {ANNA.split()[1]} anna", "beschadigd"),  # the blob says ed25519
        (f'command="/bin/sh" {ANNA} anna', "onbekende optie command"),
        (f"no-pty {ANNA} anna", "onbekende optie no-pty"),
        ("anna", "geen sleutel"),
        (f'gebieden="Noord {ANNA} anna', "niet te lezen"),
    ],
)
def test_a_bad_line_is_a_problem_with_its_line_and_the_rest_still_counts(
    line: str, says: str
) -> None:
    found = parse_advisers("keys", f"{BOB} bob\n{line}\n")
    assert [adviser.name for adviser in found.advisers] == ["bob"]
    (problem,) = found.problems
    assert (problem.file, problem.place) == ("keys", "regel 2")
    assert says in problem.message and problem.fix


def test_a_key_twice_counts_once_the_first_time() -> None:
    found = parse_advisers("keys", f"{ANNA} anna\n{ANNA} mallory\n")
    assert [adviser.name for adviser in found.advisers] == ["anna"]
    assert found.problems[0].place == "regel 2"


def test_a_file_that_is_no_text_or_no_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "keys").write_bytes(f"{ANNA} anna\n".encode() + b"\xff\n")
    with pytest.raises(ProblemsError, match="UTF-8"):
        read_advisers(tmp_path / "keys")
    with pytest.raises(ProblemsError):
        read_advisers(tmp_path)  # a folder


@given(st.text(max_size=300))
def test_any_text_gives_advisers_or_problems_never_an_error(text: str) -> None:
    found = parse_advisers("keys", text)
    assert all(problem.place.startswith("regel ") for problem in found.problems)
