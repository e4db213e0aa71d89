"""How a planning tool is described once for every door: its code, its parameters, its plan.

A :class:`Param` says what a parameter is (a year, an amount, a percentage, a choice,
a flag, gebied names, a text), what it is called on the command line and in the
dialog, what it is when not given, and how it is read from what a user typed:
:meth:`Param.read` parses, or refuses naming the option and its fix. The command
line builds its options from the params, the dialog its fields (a parameter two
tools share, such as the year or the holds, is one field), and both read what was
typed through the same :meth:`Tool.read`. Texts are named (as in the catalogues),
never copied, so they are looked up in the language of the moment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from types import SimpleNamespace
from typing import TypeVar

from gebiedsplanner.core import audit
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.money import AmountInputError, parse_percent, parse_quantity
from gebiedsplanner.core.scenario import EditError, Scenario
from gebiedsplanner.core.tools.plans import ToolPlan, ToolRefused, resolve_holds
from gebiedsplanner.i18n import texts

#: What a door hands a parameter: text as typed (``None``: not given), a ticked box, or
#: the values of an option given more than once (``--hold A --hold B``).
Given = str | bool | Sequence[str] | None
#: What a parameter is once read.
Value = int | Fraction | str | bool | tuple[str, ...] | None


class Kind(StrEnum):
    """What a parameter is: how it is read, and which widget and option show it."""

    YEAR = "year"
    AMOUNT = "amount"
    PERCENT = "percent"
    CHOICE = "choice"
    FLAG = "flag"
    NAMES = "names"
    TEXT = "text"


class BadParameter(ToolRefused):
    """What was typed for a parameter cannot be read: the message says why, and the
    option and its fix say where and what to do (the command line shows both)."""

    def __init__(self, message: str, option: str, fix: str) -> None:
        super().__init__(message)
        self.option, self.fix = option, fix


#: The fix for a refused text of each kind.
_FIXES = {
    Kind.YEAR: "FIX_TOOL_YEAR",
    Kind.AMOUNT: "FIX_AMOUNT_TYPED",
    Kind.PERCENT: "FIX_PERCENT_TYPED",
    Kind.CHOICE: "FIX_TOOL",
    Kind.NAMES: "FIX_HOLD",
    Kind.TEXT: "FIX_REASON",
}


@dataclass(frozen=True)
class Param:
    """One parameter of a planning tool, for the command line and the dialog alike.

    Attributes:
        name: Its key in :class:`Values`, and its field's id in the dialog: tools with
            a parameter of the same name share one field.
        kind: How it is read and shown.
        option: Its command-line option (``--year``); refusals name it.
        help: The catalogue name of its ``--help`` text.
        label: The catalogue name of its label in the dialog (a flag: its box's label).
        default: What it is when not given, as typed (``"1"``, ``"0%"``); ``None``: no
            value (an optional amount), or nothing to read (a required one refuses).
        required: The command line must give it.
        suggested: What the dialog's field starts with where nothing is the default.
        choices: A choice's codes; ``choice_words`` names the catalogue's words for them.
        placeholder: The catalogue name of the dialog field's hint while it is empty.
        label_on: A flag's label while ticked (the box alone looks alike either way
            without colour).
        least: An amount's least value; below it the catalogue's ``below`` and
            ``below_fix`` say why and what to do.
        metavar: Its value in ``--help`` where not its kind's (``SOURCE``).
        later: A year that starts at the year after the planner's (the year to copy to).
    """

    name: str
    kind: Kind
    option: str
    help: str
    label: str = ""
    default: str | None = None
    required: bool = False
    suggested: str = ""
    choices: tuple[str, ...] = ()
    choice_words: str = ""
    placeholder: str = ""
    label_on: str = ""
    least: int | None = None
    below: str = ""
    below_fix: str = ""
    metavar: str = ""
    later: bool = False

    def refused(self, message: str, fix: str = "") -> BadParameter:
        """A refusal of this parameter: ``message``, naming its option and ``fix`` (a
        catalogue name; its kind's fix when not given)."""
        return BadParameter(message, self.option, _text(fix or _FIXES[self.kind]))

    def read(self, given: Given, scenario: Scenario) -> Value:
        """What ``given`` means (the default when ``None``), or :class:`BadParameter`."""
        if given is None and self.kind is not Kind.FLAG:
            given = self.default
            if given is None:
                if not self.required:
                    return () if self.kind is Kind.NAMES else None
                given = ""  # read as typed empty: its kind says what to type
        try:
            return _READERS[self.kind](self, given, scenario)
        except BadParameter:
            raise
        except (AmountInputError, EditError) as error:  # said by money or the scenario
            raise self.refused(str(error)) from None

    def choice_word(self, choice: str) -> str:
        """A choice in the users' words (the code where the catalogue has none)."""
        words: Mapping[str, str] = getattr(texts, self.choice_words) if self.choice_words else {}
        return words.get(choice, choice)


def _text(name: str) -> str:
    return str(getattr(texts, name))


def _read_year(param: Param, given: Given, scenario: Scenario) -> int:
    text = str(given).strip()
    if not (text.isascii() and text.isdigit()):  # not "٢٠١٧" (int() takes it), nor "²"
        years = ", ".join(str(year) for year in scenario.years)
        raise param.refused(texts.UNKNOWN_YEAR.format(year=literal(text), years=years))
    return scenario.check_year(int(text))


def _read_amount(param: Param, given: Given, scenario: Scenario) -> int:
    amount = parse_quantity(str(given))
    if param.least is not None and amount < param.least:
        raise param.refused(_text(param.below), param.below_fix)
    return amount


def _read_percent(param: Param, given: Given, scenario: Scenario) -> Fraction:
    return parse_percent(str(given))


def _read_choice(param: Param, given: Given, scenario: Scenario) -> str:
    if given not in param.choices:
        choices = ", ".join(param.choices)
        raise param.refused(
            texts.PARAM_NOT_A_CHOICE.format(text=literal(str(given)), choices=choices)
        )
    return str(given)


def _read_flag(param: Param, given: Given, scenario: Scenario) -> bool:
    return bool(given)


def _read_names(param: Param, given: Given, scenario: Scenario) -> tuple[str, ...]:
    """Names typed in one field, with commas; or one per option given more than once."""
    if isinstance(given, bool):  # no door gives names so
        raise TypeError(given)
    names = given.split(",") if isinstance(given, str) else list(given or ())
    return resolve_holds(scenario, names)


def _read_text(param: Param, given: Given, scenario: Scenario) -> str:
    return audit.reason(str(given))


_READERS: dict[Kind, Callable[[Param, Given, Scenario], Value]] = {
    Kind.YEAR: _read_year,
    Kind.AMOUNT: _read_amount,
    Kind.PERCENT: _read_percent,
    Kind.CHOICE: _read_choice,
    Kind.FLAG: _read_flag,
    Kind.NAMES: _read_names,
    Kind.TEXT: _read_text,
}

#: The toelichting every tool takes, recorded after its parameters in the change log.
REASON = Param(
    "reason",
    Kind.TEXT,
    "--reason",
    help="ARG_TOOL_REASON",
    label="TOOL_LABEL_REASON",
    default="",
    placeholder="REASON_PLACEHOLDER",
)
#: The year a tool works on (its source, for copy-year).
YEAR = Param("year", Kind.YEAR, "--year", help="ARG_YEAR", label="TOOL_LABEL_YEAR", required=True)
#: The gebieden a tool leaves as they are.
HOLDS = Param(
    "holds",
    Kind.NAMES,
    "--hold",
    help="ARG_HOLD",
    label="TOOL_LABEL_HOLDS",
    placeholder="TOOL_HOLDS_PLACEHOLDER",
)

_T = TypeVar("_T")


class Values:
    """A tool's parameters as read, by name, each taken as its kind's type."""

    def __init__(self, read: Mapping[str, Value]) -> None:
        self._read = dict(read)

    def _get(self, name: str, kind: type[_T]) -> _T:
        value = self._read[name]
        if not isinstance(value, kind):
            raise TypeError(f"{name}: {value!r} is no {kind.__name__}")
        return value

    def year(self, name: str) -> int:
        return self._get(name, int)

    def amount(self, name: str) -> int:
        return self._get(name, int)

    def optional_amount(self, name: str) -> int | None:
        return None if self._read[name] is None else self.amount(name)

    def percent(self, name: str) -> Fraction:
        return self._get(name, Fraction)

    def choice(self, name: str) -> str:
        return self._get(name, str)

    def flag(self, name: str) -> bool:
        return self._get(name, bool)

    def names(self, name: str) -> tuple[str, ...]:
        return self._get(name, tuple)

    def text(self, name: str) -> str:
        return self._get(name, str)


@dataclass(frozen=True)
class Tool:
    """A planning tool, described once for the command line, the dialog and the log.

    Attributes:
        code: Its command's name and its change-log action code.
        help: The catalogue name of what it does (its command's ``--help``).
        params: Its parameters in the order the command line lists and reads them;
            every tool also takes :data:`REASON`.
        build: Its plan from the parameters as read.
        log_words: The words its change-log entry stores (the file's Dutch): ``ACTION``
            names the action in an undo's reason; the rest make the entry's reason.
    """

    code: str
    help: str
    params: tuple[Param, ...]
    build: Callable[[Scenario, Values], ToolPlan]
    log_words: SimpleNamespace

    @property
    def every_param(self) -> tuple[Param, ...]:
        """Its own parameters, then the toelichting."""
        return (*self.params, REASON)

    def read(self, scenario: Scenario, given: Mapping[str, Given]) -> Values:
        """Every parameter read from what a door was given, in order; the first that
        cannot be read refuses (:class:`BadParameter`)."""
        return Values(
            {param.name: param.read(given.get(param.name), scenario) for param in self.every_param}
        )

    def plan(self, scenario: Scenario, given: Mapping[str, Given]) -> ToolPlan:
        """The plan for what was given; reads the scenario, never changes it."""
        return self.build(scenario, self.read(scenario, given))
