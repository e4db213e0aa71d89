"""The servers' limits as data: each with its option, default, help, refusal and place in
the operator's guide; and the count that admits or refuses, against a model of it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from gebiedsplanner.cli.commands import parse
from gebiedsplanner.core.admission import Admission, Ticket
from gebiedsplanner.core.server_limits import DEFAULT_LIMITS, Limit, Limits
from gebiedsplanner.i18n import language, texts, texts_en

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "ssh-server.md"


def test_every_limit_is_a_field_with_an_option_a_help_and_a_refusal() -> None:
    assert [limit.field for limit in Limit] == [field.name for field in fields(Limits)]
    options = parse(["ssh-serve", "--authorized-keys", "keys"])
    for limit in Limit:
        default = DEFAULT_LIMITS.value(limit)
        assert getattr(options, limit.field) == default  # the option's default is the field's
        for catalogue in (texts, texts_en):
            assert f" {default})" in getattr(catalogue, limit.help), (limit, catalogue)
            assert getattr(catalogue, f"LIMIT_{limit.name}")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_refusal_is_one_line_in_the_language_of_the_moment(lang: str) -> None:
    language.use(lang)
    for limit in Limit:
        said = limit.refusal(DEFAULT_LIMITS, size="17 MB")
        assert said == said.strip() and "\n" not in said and "{" not in said
        assert limit.shown(DEFAULT_LIMITS.value(limit)) in said
    assert "30 min" in Limit.IDLE_SECONDS.refusal(DEFAULT_LIMITS)
    assert "(7 s)" in Limit.COMMAND_SECONDS.refusal(Limits(command_seconds=7))


def test_the_options_set_the_limits_and_refuse_what_is_no_limit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    given_options = ["--max-sessions", "4", "--max-idle-seconds=60"]
    options = parse(["ssh-serve", "--authorized-keys", "keys", *given_options])
    assert (options.sessions, options.idle_seconds, options.terminals_per_adviser) == (4, 60, 3)
    for wrong in ("0", "-1", "many", "1000000001", "9" * 400):
        with pytest.raises(SystemExit):
            parse(["ssh-serve", "--authorized-keys", "keys", "--max-sessions", wrong])
    assert texts.BAD_LIMIT in capsys.readouterr().err


def test_the_operators_guide_lists_every_limit_with_its_default() -> None:
    """A row of the guide's table per limit: its option and its default."""
    rows = [line for line in GUIDE.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    for limit in Limit:
        row = next((row for row in rows if f"`{limit.option} N`" in row), None)
        assert row is not None, f"{limit.option} is not in docs/ssh-server.md"
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert re.sub(r"\D", "", cells[2]) == str(DEFAULT_LIMITS.value(limit)), row


# -- the count, against a model: what is held, counted again from scratch each step -----


class _Held(NamedTuple):
    kind: str
    who: str  # an adviser, or an address before login
    connection: int
    ticket: Ticket


def _expected(
    limits: Limits, held: list[_Held], kind: str, who: str, connection: int
) -> Limit | None:
    """The limit a new ``kind`` would break, counted from what is held."""

    def count(of_kind: set[str], same_who: bool = False, same_connection: bool = False) -> int:
        return sum(
            1
            for place in held
            if place.kind in of_kind
            and (not same_who or place.who == who)
            and (not same_connection or place.connection == connection)
        )

    checks = {
        "unauthenticated": [
            (count({"unauthenticated"}, True), Limit.UNAUTHENTICATED_PER_ADDRESS),
            (count({"unauthenticated"}), Limit.UNAUTHENTICATED),
        ],
        "connection": [(count({"connection"}, True), Limit.CONNECTIONS_PER_ADVISER)],
        "channel": [(count({"channel"}, same_connection=True), Limit.CHANNELS_PER_CONNECTION)],
        "terminal": [
            (count({"terminal"}, same_connection=True), Limit.TERMINALS_PER_CONNECTION),
            (count({"terminal"}, True), Limit.TERMINALS_PER_ADVISER),
            (count({"terminal", "command"}), Limit.SESSIONS),
        ],
        "command": [
            (count({"command"}, True), Limit.COMMANDS_PER_ADVISER),
            (count({"terminal", "command"}), Limit.SESSIONS),
        ],
    }[kind]
    return next((limit for number, limit in checks if number >= limits.value(limit)), None)


def _ask(admission: Admission, kind: str, who: str, connection: int) -> Ticket | Limit:
    if kind == "unauthenticated":
        return admission.unauthenticated(who)
    if kind == "connection":
        return admission.connection(who)
    if kind == "channel":
        return admission.channel(connection)
    if kind == "terminal":
        return admission.terminal(who, connection)
    return admission.command(who)


_KINDS = ["unauthenticated", "connection", "channel", "terminal", "command", "release", "release"]


@given(
    limits=st.builds(Limits, **{field.name: st.integers(1, 3) for field in fields(Limits)}),
    steps=st.lists(
        st.tuples(
            st.sampled_from(_KINDS),
            st.sampled_from(["anna", "bob"]),
            st.integers(0, 2),  # the connection
            st.integers(0, 20),  # which held place a release gives back
        ),
        min_size=4,
        max_size=40,
    ),
)
def test_the_count_admits_exactly_up_to_each_limit(
    limits: Limits, steps: list[tuple[str, str, int, int]]
) -> None:
    admission = Admission(limits)
    held: list[_Held] = []
    for kind, who, connection, which in steps:
        if kind == "release":
            if held:
                place = held.pop(which % len(held))
                place.ticket.release()
                place.ticket.release()  # a second release gives nothing back twice
            continue
        expected = _expected(limits, held, kind, who, connection)
        taken = _ask(admission, kind, who, connection)
        if isinstance(taken, Ticket):
            assert expected is None
            held.append(_Held(kind, who, connection, taken))
            event("admitted")
        else:
            assert taken is expected
            event(f"refused: {taken}")
    for place in held:
        place.ticket.release()
    counts = [value for value in vars(admission).values() if isinstance(value, Counter)]
    assert len(counts) == 8 and not any(counts)  # nothing kept: no address, no adviser
