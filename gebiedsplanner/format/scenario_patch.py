"""Saving that keeps what the user wrote: comments, key order, spacing and digit groups.

:func:`patch` patches the text of the file being replaced instead of writing
it anew: only values that differ from the scenario are rewritten, each in the
user's style (``247_000`` stays grouped, ``247000`` ungrouped), and the new
change-log entries are appended as :func:`scenario_writer.dumps` writes them.
A form the scanner does not know (dotted keys, an inline table or array outside
the log, an array of tables other than the log's, a key or table the scenario
does not have, a value it has and the text does not) is left to
:mod:`any_form_patch` (``tomlkit``, for files up to 64 KB), and what that cannot
do either to :func:`scenario_writer.dumps`: a file without its comments, never a
wrong one.
The model can only change amounts, notes, the name (save as) and append to the log.
A note is the one value that may come or go: its line is added to the gebied's table
(the table too, before the gebied's first post, when it has none) or taken out, and
then the whole result is read back and compared (:meth:`_Patcher.patched`); any other
key or table that would have to come or go falls back.

Why the proof is not a second parse: parsing the patched text and comparing
would cost 1,1 s at 10.000 gebieden (``tomli`` alone 0,6 s, on the 2-core
benchmark machine), more than the save's whole target of 1 s. The scan proves
the same thing more cheaply. The text it patches parsed without problems when
it was loaded, so it is valid TOML; the scanner accepts only a strict subset
(every line is blank, a comment, a ``[table]``, ``[[log]]`` or ``key = value``
with one key; values that span lines are read to their end, strings and
brackets counted) and reads each value the way TOML does. Every value it meets is
compared with the scenario, and every value of the scenario must be met exactly
once; each replaced value is read back; the log (existing and appended) is read
by :func:`model_builders.read_log` and compared entry by entry. What the text
then holds is the scenario. The tests also parse every patched file in full.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import tomli
import tomli_w

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import (
    FORMAT_VERSION,
    GEBIED_POSTS,
    NOTE_KEY,
    Scenario,
    contents,
)
from gebiedsplanner.format import (
    scenario_writer,
    written_layout,
)
from gebiedsplanner.format.patch_text import (
    Unhandled,
    amount_text,
    appended_log,
    groups_digits,
    read_log_back,
)

_BOM = "\ufeff"
_KEY = r"""[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'"""
#: The keys of a header without escapes, each as its content (one group matches).
_PLAIN_KEYS = re.compile(r"""([A-Za-z0-9_-]+)|"([^"\\\n]*)"|'([^'\n]*)'""")
_KEYS = re.compile(_KEY)
_PATH = rf"(?:{_KEY})(?:[ \t]*\.[ \t]*(?:{_KEY}))*"
_END = r"[ \t]*(?:#[^\r\n]*)?\r?(?:\n|\Z)"
#: A whole line: blank, comment, header, or ``key = value`` with a one-line value.
_LINE = re.compile(
    r"[ \t]*(?:"
    rf"(?P<key>{_KEY})[ \t]*=[ \t]*(?:"
    r"(?P<int>[+-]?[0-9][0-9_]*)"
    r"""|(?P<str>"(?:[^"\\\n]|\\.)*")"""
    r"|(?P<lit>'[^'\n]*')"
    r"|(?P<other>[^\s#\"'\[\]{},=]+(?: [0-9][^\s#\"'\[\]{},=]*)?)"
    r")"
    rf"|\[\[[ \t]*(?P<array>{_PATH})[ \t]*\]\]"
    rf"|\[[ \t]*(?P<table>{_PATH})[ \t]*\]"
    rf")?{_END}"
)
_KEY_INT = (_LINE.groupindex["key"], _LINE.groupindex["int"])  # group numbers: a little faster
#: The start of a line whose value may span lines (an array, a multi-line string).
_HEAD = re.compile(rf"[ \t]*(?P<key>{_KEY})[ \t]*=[ \t]*")
_LINE_END = re.compile(_END)
_ML_BASIC = r'"""(?:[^"\\]|\\[\s\S]|"{1,2}(?!"))*"{3,5}'
_ML_LITERAL = r"'''(?:[^']|'{1,2}(?!'))*'{3,5}"
_MULTILINE_STRING = re.compile(rf"{_ML_BASIC}|{_ML_LITERAL}")
#: The pieces of an array or inline table: strings (whose brackets do not count),
#: comments, brackets, and everything else.
_TOKEN = re.compile(
    rf"""{_ML_BASIC}|{_ML_LITERAL}|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#[^\n]*|[\[\]{{}}]|[^"'#\[\]{{}}]+"""
)
_ABSENT = object()
#: What a gebied's table wants for ``notitie`` when the gebied has no note: a line of it
#: in the text is taken out.
_NO_NOTE = object()
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def patch(original: bytes, scenario: Scenario, *, name: str | None = None) -> bytes | None:
    """``original`` changed to hold ``scenario``; ``None`` when that cannot be proven.

    The gebied tables, when they are as the program writes them, are checked a post of
    every gebied at a time (:mod:`written_layout`, as reading does) and the scan reads
    around them: at 20.000 gebieden that is 0,4 s of a save less. Anything the quick
    way does not prove is scanned line by line, as before.
    """
    try:
        text = original.decode("utf-8")
    except ValueError:
        return None
    for around_gebieden in (True, False):
        try:
            return _Patcher(text, scenario, name).patched(around_gebieden).encode("utf-8")
        except (Unhandled, ValueError):  # ValueError: int("1__0")
            continue
    return None


class _Patcher:
    """One pass over the text: every value checked against the scenario, the changed ones noted."""

    def __init__(self, text: str, scenario: Scenario, name: str | None) -> None:
        self.text = text
        self.scenario = scenario
        self.name = scenario.name if name is None else name
        self.year_keys = {str(year): year for year in scenario.years}
        self.patches: list[tuple[int, int, str]] = []
        self.log_parts: list[str] = []  # the sections of [[log]] and its sub-tables
        self.log_entries = 0  # [[log]] headers met
        self.tables_seen: set[tuple[str, ...]] = set()
        self.leaves = 0  # values met in tables other than the top level
        self.file_groups: bool | None = None  # does the file group digits? (when asked)
        self.header_start = self.header_end = 0  # the last table header met
        self.note_taken: tuple[int, int, str] | None = None  # a note's line taken out of it
        self.first_post_table: dict[str, int] = {}  # gebied -> where its first [post] starts
        self.own_tables: set[str] = set()  # gebieden whose own [gebied.X] table was met
        self.note_lines = False  # a note's line (or table) added or taken out
        newline_at = text.find("\n")
        self.newline = "\r\n" if newline_at > 0 and text[newline_at - 1] == "\r" else "\n"

    def patched(self, around_gebieden: bool = False) -> str:
        """The patched text; ``around_gebieden``: the gebied tables checked as written
        (:meth:`_gebieden_as_written`), the rest scanned, else :class:`Unhandled`."""
        text = self.text
        start = 1 if text.startswith(_BOM) else 0
        if around_gebieden:
            begin, end = self._gebieden_as_written()
            self._scan(start, begin)
            self._scan(end, len(text), top=False)
            if any(path[0] == "gebied" and len(path) > 1 for path in self.tables_seen):
                raise Unhandled("a gebied table outside the written gebied tables")
        else:
            self._scan(start, len(text))
            self._add_own_tables()
        self.patches.sort()  # the gebied tables' patches are noted before the scan's
        self._check_log()
        if self.leaves != self._leaves_expected():
            raise Unhandled("a value of the scenario is not in the text")
        if (("beleid",) in self.tables_seen) != (self.scenario.beleid is not None):
            raise Unhandled("[beleid] in one, not the other")
        pieces, done = [], 0
        for begin, end, value in self.patches:
            pieces += [text[done:begin], value]
            done = end
        pieces.append(text[done:])
        pieces.append(self._appended_log())
        patched = "".join(pieces)
        if self.note_lines:
            self._read_back(patched)
        return patched

    def _read_back(self, patched: str) -> None:
        """A note's line came or went: the scan proves values, not keys, so the result is
        read back whole and must be the scenario (a save that changes a note is rare)."""
        from gebiedsplanner.format.scenario_reader import parse

        try:
            read = parse("", patched.encode("utf-8"))
        except ProblemsError:
            raise Unhandled("a note's line that does not read back") from None
        if contents(read) != contents(self.scenario) | {"name": self.name}:
            raise Unhandled("a note's line that does not read back as the scenario")

    # -- the scan --------------------------------------------------------------

    def _scan(self, pos: int, size: int, *, top: bool = True) -> None:
        """Every line from ``pos`` to ``size``, in order: ``finditer`` runs over the simple
        lines (a gap is a long value). ``top=False``: the text there starts with a table."""
        text = self.text
        remaining: dict[str, Any] = (
            {"format": FORMAT_VERSION, "name": self.name, "description": self.scenario.description}
            if top
            else {}
        )
        in_log, log_start = False, 0
        while pos < size:
            for match in _LINE.finditer(text, pos, size):
                start, end = match.span()
                if start != pos:
                    break
                pos = end
                kind = match.lastgroup
                if kind == "int":  # nearly every line: an amount
                    if in_log:
                        continue
                    key, value = match.group(*_KEY_INT)
                    want = remaining.pop(key if key[0] not in "\"'" else _key(key), _ABSENT)
                    if type(want) is not int or int(value) != want:
                        self._value(match, kind, want)
                elif kind is None:
                    continue
                elif kind in ("table", "array"):
                    if in_log:
                        self.log_parts.append(text[log_start:start])
                    if remaining or top or self.note_taken:
                        self._close(remaining, top, start)
                    self.header_start, self.header_end = start, end
                    path = _path(match[kind])
                    top, in_log, log_start = False, path[0] == "log", start
                    if path == ("log",) and kind == "array":
                        self.log_entries += 1
                    elif in_log and not self.log_entries:  # [[log.changes]] of no entry
                        raise Unhandled("a table of the log before its first entry")
                    elif kind == "array" and not in_log:
                        raise Unhandled("an array of tables other than the log")
                    remaining = {} if in_log else self._table(path, start)
                elif not in_log:  # a string or another one-line value
                    want = remaining.pop(_key(match["key"]), _ABSENT)
                    if want is _NO_NOTE:
                        self._take_out(start, end)
                    else:
                        self._value(match, kind, want)
            if pos < size:
                pos = self._long_value(pos, remaining, in_log)
        if pos != size:  # a long value ran on past the part scanned
            raise Unhandled("a value across the gebied tables")
        if in_log:
            self.log_parts.append(text[log_start:size])
        self._close(remaining, top, size)
        if top:
            raise Unhandled("no tables")

    def _gebieden_as_written(self) -> tuple[int, int]:
        """Where the gebied tables start and end, when they are as the program writes them
        and hold exactly the scenario's gebieden; the amounts that differ are noted."""
        text, scenario, years = self.text, self.scenario, self.scenario.years
        parts = written_layout.split(text)
        found = (
            None if parts is None else written_layout.columns(parts.gebieden, years, GEBIED_POSTS)
        )
        if parts is None or found is None or len(found.names) != len(scenario.gebieden):
            raise Unhandled("gebied tables not as written")
        try:
            gebieden = [scenario.gebieden[name] for name in found.names]
        except KeyError:
            raise Unhandled("a gebied the scenario does not have") from None
        if found.inwoners != [gebied.inwoners for gebied in gebieden]:
            raise Unhandled("other inwoners")
        begin, end = len(parts.head), len(text) - len(parts.tail)
        notes = [gebied.note for gebied in gebieden]
        if found.notes != notes:
            for name, old, new in zip(found.names, found.notes, notes, strict=True):
                if old != new:
                    self._gebied_note(begin, end, name, old, new)
        self.leaves += len(notes) - notes.count("")
        for post in GEBIED_POSTS:
            wanted = [tuple(map(g.posts[post].__getitem__, years)) for g in gebieden]
            for index, (have, want) in enumerate(zip(found.amounts[post], wanted, strict=True)):
                if have != want:
                    self._gebied_amounts(begin, end, found.names[index], post, want)
        self.leaves += len(gebieden) * len(GEBIED_POSTS) * len(years)
        self.leaves += len(gebieden) - found.inwoners.count(None)
        return begin, end

    def _gebied_amounts(
        self, begin: int, end: int, name: str, post: str, want: tuple[int, ...]
    ) -> None:
        """Patch the amounts of one post of one gebied in the written gebied tables."""
        text = self.text
        for key in (f'"{name}"', name):  # as the file writes its key: quoted or bare
            header = f"\n[gebied.{key}.{post}]\n"
            at = text.find(header, begin - 1, end)
            if at >= 0:
                break
        else:
            raise Unhandled("a gebied table not found")
        pos = at + len(header)
        for year, amount in zip(self.scenario.years, want, strict=True):
            line_end = text.index("\n", pos)
            start = pos + len(f"{year} = ")
            self._compare(start, line_end, int(text[start:line_end]), amount)
            pos = line_end + 1

    def _gebied_note(self, begin: int, end: int, name: str, have: str, want: str) -> None:
        """Patch one gebied's note in the written gebied tables, keeping them as written:
        its line right after the gebied's own header, the table gone when it is left empty."""
        text = self.text
        for key in (f'"{name}"', name):  # as the file writes its key: quoted or bare
            own = text.find(f"\n[gebied.{key}]\n", begin - 1, end)
            post = text.find(f"\n[gebied.{key}.{GEBIED_POSTS[0]}]\n", begin - 1, end)
            if post >= 0:
                break
        else:
            raise Unhandled("a gebied table not found")
        line = f"{NOTE_KEY} = {self._note_text(want)}\n" if want else ""
        self.note_lines = True
        if own < 0:  # no table of its own yet: one before its first post's
            self.patches.append((post + 1, post + 1, f"[gebied.{key}]\n{line}\n"))
            return
        header_end = own + len(f"\n[gebied.{key}]\n")
        if not have:
            self.patches.append((header_end, header_end, line))
            return
        line_end = text.index("\n", header_end) + 1
        if not want and text.startswith("\n", line_end):  # only the note: the table goes
            self.patches.append((own + 1, line_end + 1, ""))
        else:
            self.patches.append((header_end, line_end, line))

    def _note_text(self, note: str) -> str:
        """``note`` as the writer writes it (a basic string on one line), read back."""
        written = _toml_text(note)
        if _toml_value(written) != note:
            raise Unhandled("a note that does not read back")
        return written

    def _take_out(self, start: int, end: int) -> None:
        """A note's line (``start`` to after its line end) goes: the gebied has none now."""
        self.note_lines = True
        self.note_taken = (start, end, "")
        self.patches.append(self.note_taken)

    def _add_own_tables(self) -> None:
        """Gebieden with a note whose own table the scan did not meet: one before the
        gebied's first post table, holding the note."""
        for gebied in self.scenario.gebieden.values():
            at = self.first_post_table.get(gebied.name)
            if not gebied.note or gebied.name in self.own_tables or at is None:
                continue
            name = gebied.name
            key = name if _BARE_KEY.fullmatch(name) else self._note_text(name)
            newline = self.newline
            line = f"{NOTE_KEY} = {self._note_text(gebied.note)}{newline}"
            self.patches.append((at, at, f"[gebied.{key}]{newline}{line}{newline}"))
            self.note_lines = True
            self.leaves += 1

    def _long_value(self, pos: int, remaining: dict[str, Any], in_log: bool) -> int:
        """A value that may span lines (array, inline table, multi-line string); where it ends."""
        head = _HEAD.match(self.text, pos)
        if head is None:
            raise Unhandled(f"line {self.text.count(chr(10), 0, pos) + 1}")
        start = head.end()
        end = _value_end(self.text, start)
        line_end = _LINE_END.match(self.text, end)
        if line_end is None:
            raise Unhandled("text after a value")
        if not in_log:
            want = remaining.pop(_key(head["key"]), _ABSENT)
            if want is _NO_NOTE:
                self._take_out(pos, line_end.end())
            else:
                self._compare(start, end, _toml_value(self.text[start:end]), want)
        return line_end.end()

    def _value(self, match: re.Match[str], kind: str, want: object) -> None:
        """A one-line value that was not simply the integer wanted."""
        raw = match[kind]
        if kind == "int":
            found: object = int(raw)
        elif kind == "lit" or (kind == "str" and "\\" not in raw):
            found = raw[1:-1]
        else:
            found = _toml_value(raw)
        self._compare(match.start(kind), match.end(kind), found, want)

    def _compare(self, start: int, end: int, found: object, want: object) -> None:
        if want is _ABSENT:
            raise Unhandled("a key the scenario does not have, or a key twice")
        if _same(found, want):
            return
        if _is_int(found) and isinstance(want, int) and not isinstance(want, bool):
            new = self._amount_text(want, self.text[start:end])
            back: object = int(new)
        else:  # the name of a save as; nothing else changes but amounts
            new = _toml_text(want)
            back = _toml_value(new)
        if not _same(back, want):
            raise Unhandled("a value that does not read back")
        self.patches.append((start, end, new))

    def _close(self, remaining: dict[str, Any], top: bool, end: int) -> None:
        """The end of a table (at ``end``): each of its values was met (a missing
        description is empty, a missing note goes on the line after the table's header,
        and a gebied's table left with nothing but its header goes too)."""
        taken, self.note_taken = self.note_taken, None
        if taken is not None:
            text = self.text
            header = text[self.header_start : self.header_end]
            rest = text[self.header_end : taken[0]] + text[taken[1] : end]
            if "#" not in header and not rest.strip():
                self.patches.remove(taken)
                self.patches.append((self.header_start, end, ""))
        if top and remaining.get("description", "") == "":
            remaining.pop("description", None)
        note = remaining.pop(NOTE_KEY, _NO_NOTE)
        if note is not _NO_NOTE:
            at = self.header_end
            line = f"{NOTE_KEY} = {self._note_text(note)}{self.newline}"
            self.patches.append((at, at, line))
            self.note_lines = True
        if remaining:
            raise Unhandled("a value of the scenario is not in the text")

    def _table(self, path: tuple[str, ...], start: int) -> dict[str, Any]:
        """The values the scenario has for the table ``path`` (its header at ``start``);
        counted as met."""
        if path in self.tables_seen:
            raise Unhandled("a table twice")
        self.tables_seen.add(path)
        values = self._table_values(path)
        if values is None:
            raise Unhandled(f"a table the scenario does not have: {path}")
        if path[0] == "gebied" and len(path) == 3:
            self.first_post_table.setdefault(path[1], start)
        elif path[0] == "gebied" and len(path) == 2:
            self.own_tables.add(path[1])
        self.leaves += len(values) - (values.get(NOTE_KEY) is _NO_NOTE)
        return values

    def _table_values(self, path: tuple[str, ...]) -> dict[str, Any] | None:
        scenario, depth = self.scenario, len(path)
        series: dict[int, int] | None = None
        if path[0] == "gebied" and depth > 1:  # nearly every table
            gebied = scenario.gebieden.get(path[1])
            if gebied is None or depth > 3:
                return None
            if depth == 2:
                values: dict[str, Any] = {NOTE_KEY: gebied.note or _NO_NOTE}
                if gebied.inwoners is not None:
                    values["inwoners"] = gebied.inwoners
                return values
            series = gebied.posts.get(path[2])
        elif path[0] == "stedelijk" and depth == 2:
            series = scenario.stedelijk.get(path[1])
        elif depth == 1:
            if path[0] == "beleid":
                beleid = scenario.beleid
                return None if beleid is None else scenario_writer.beleid_document(beleid)
            if path[0] in ("stedelijk", "gebied"):
                return {}
            series = {"envelope": scenario.envelope, "taakstelling": scenario.taakstelling}.get(
                path[0]
            )
        if series is None:
            return None
        return {key: series[year] for key, year in self.year_keys.items()}

    def _leaves_expected(self) -> int:
        scenario = self.scenario
        years = len(scenario.years)
        beleid = scenario.beleid
        rules = 0 if beleid is None else len(scenario_writer.beleid_document(beleid))
        inwoners = sum(g.inwoners is not None for g in scenario.gebieden.values())
        inwoners += sum(bool(g.note) for g in scenario.gebieden.values())  # notes likewise
        per_gebied = len(GEBIED_POSTS) * years
        return (
            rules
            + (2 + len(scenario.stedelijk)) * years
            + inwoners
            + len(scenario.gebieden) * per_gebied
        )

    def _amount_text(self, value: int, old: str) -> str:
        return amount_text(value, old, self._file_groups)

    def _file_groups(self) -> bool:
        if self.file_groups is None:  # searched once, however many amounts change
            self.file_groups = groups_digits(self.text)
        return self.file_groups

    # -- the change log ----------------------------------------------------------

    def _check_log(self) -> None:
        """The text's log is the start of the scenario's (both read as the reader does)."""
        log = self.scenario.log
        count = self.log_entries
        if count > len(log):
            raise Unhandled("more log entries in the text than in the scenario")
        if count and read_log_back("".join(self.log_parts)) != log[:count]:
            raise Unhandled("the text's log is not the scenario's")

    def _appended_log(self) -> str:
        return appended_log(self.text, self.scenario.log[self.log_entries :])


def _value_end(text: str, start: int) -> int:
    """Where the value starting at ``start`` ends: a multi-line string or a bracketed value."""
    string = _MULTILINE_STRING.match(text, start)
    if string is not None:
        return string.end()
    if text[start : start + 1] not in ("[", "{"):
        raise Unhandled("a value the scanner does not know")
    depth, pos = 0, start
    for token in _TOKEN.finditer(text, start):
        piece = token.group()
        if piece in ("[", "{"):
            depth += 1
        elif piece in ("]", "}"):
            depth -= 1
            if depth == 0:
                return token.end()
        pos = token.end()
    raise Unhandled(f"an unclosed value from {start} to {pos}")


def _path(header: str) -> tuple[str, ...]:
    """The keys of a table header (``gebied."Prins Alexander".taakstelling``)."""
    if "\\" in header:
        return tuple(_key(key) for key in _KEYS.findall(header))
    return tuple(map("".join, _PLAIN_KEYS.findall(header)))


def _key(key: str) -> str:
    """A key as TOML reads it: a quoted key without escapes is its content."""
    if key[0] not in "\"'":
        return key
    if key[0] == "'" or (key[0] == '"' and "\\" not in key):
        return key[1:-1]
    try:
        (decoded,) = tomli.loads(f"{key} = 0")
    except (tomli.TOMLDecodeError, ValueError):
        raise Unhandled("a key that does not read") from None
    return str(decoded)


def _toml_value(text: str) -> object:
    """One value as TOML reads it (floats exactly, as the reader does)."""
    try:
        return tomli.loads(f"v = {text}", parse_float=Decimal)["v"]
    except (tomli.TOMLDecodeError, ValueError, RecursionError):
        raise Unhandled("a value that does not read") from None


def _toml_text(value: object) -> str:
    return str(tomli_w.dumps({"v": value}, multiline_strings=False))[len("v = ") : -1]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _same(found: object, want: object) -> bool:
    """Equal as the reader sees it: ``5.0`` is ``5``, ``true`` is never ``1``."""
    if isinstance(found, bool) or isinstance(want, bool):
        return found is want
    if isinstance(found, (int, Decimal)) and isinstance(want, (int, Decimal)):
        return found == want
    return type(found) is type(want) and found == want
