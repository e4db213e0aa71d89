"""What a session may change: everything, some gebieden, or nothing.

An adviser served over SSH gets the limits their key's line gives
(:mod:`gebiedsplanner.ssh.advisers`): ``gebieden="Charlois,Noord"`` or
``alleen-lezen``. The editing session asks here before every change, so no
screen, tool or key can go around it; a refusal is an :class:`EditError` whose
message says why, and nothing is changed.

Files follow the same line: an adviser who may change nothing writes no scenario
(save, save as, duplicate); one limited to some gebieden may write their own
variants, but not rename or delete a team's scenario (that would change every
gebied at once).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import NamedTuple

from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.scenario import STEDELIJK, Cell, EditError
from gebiedsplanner.i18n import texts


class NotAllowed(EditError):
    """A change this session may not make; the message says why and what it may do."""


class Need(Enum):
    """What an action asks of the session's rights, so that a screen offers only the
    keys the session may use (the keys themselves still ask, and say why not)."""

    CHANGE = "change"
    """Changing amounts: some gebieden will do."""
    WRITE = "write"
    """Writing a scenario file."""
    MANAGE = "manage"
    """Renaming or deleting a scenario."""


#: Names of a limited key's gebieden the title tries before it says only how many.
TITLE_NAMES_TRIED = 8


class Rights(NamedTuple):
    """``gebieden``: the only ones that may change (``None``: all); ``read_only``: none."""

    gebieden: frozenset[str] | None = None
    read_only: bool = False

    def allows(self, need: Need) -> bool:
        """Whether this session may do what ``need`` says, in some cell at least."""
        if self.read_only:
            return False
        return need is not Need.MANAGE or self.gebieden is None

    def title_forms(self) -> list[str]:
        """For the planner's title, longest first, the title taking the first that fits:
        `` · alleen lezen``; `` · mag wijzigen: Charlois, Noord``, then fewer names and how
        many more (`` · mag wijzigen: Charlois +1``), then how many (`` · mag wijzigen: 2
        gebieden``); none without limits. The help screen names them all (:attr:`said`)."""
        if self.read_only:
            return [texts.RIGHTS_TITLE_READ_ONLY]
        if self.gebieden is None:
            return []
        names = self._names()
        forms = [texts.RIGHTS_TITLE_GEBIEDEN.format(gebieden=", ".join(names))]
        for count in range(min(len(names) - 1, TITLE_NAMES_TRIED), 0, -1):
            shown = ", ".join(names[:count])
            more = len(names) - count
            forms.append(texts.RIGHTS_TITLE_GEBIEDEN_MORE.format(gebieden=shown, more=more))
        if len(names) == 1:
            forms.append(texts.RIGHTS_TITLE_ONE_GEBIED)
        else:
            forms.append(texts.RIGHTS_TITLE_GEBIEDEN_COUNT.format(count=len(names)))
        return forms

    @property
    def said(self) -> str:
        """What this session may change, in a sentence (the help screen's first line)."""
        if self.read_only:
            return texts.RIGHTS_SAID_READ_ONLY
        if self.gebieden is None:
            return ""
        return texts.RIGHTS_SAID_GEBIEDEN.format(gebieden=self._own())

    def check_cells(self, cells: Iterable[Cell]) -> None:
        """Raise :class:`NotAllowed` when any of ``cells`` may not change."""
        if self.read_only:
            raise NotAllowed(texts.RIGHTS_READ_ONLY)
        if self.gebieden is None:
            return
        for cell in cells:
            if cell.owner not in self.gebieden:
                raise NotAllowed(self._outside(cell.owner))

    def check_write(self) -> None:
        """Raise :class:`NotAllowed` when this session may write no scenario file."""
        if self.read_only:
            raise NotAllowed(texts.RIGHTS_READ_ONLY_FILES)

    def check_manage(self) -> None:
        """Raise :class:`NotAllowed` when renaming or deleting a scenario is not allowed."""
        self.check_write()
        if self.gebieden is not None:
            raise NotAllowed(texts.RIGHTS_NO_MANAGING.format(gebieden=self._own()))

    def _outside(self, owner: str) -> str:
        if owner == STEDELIJK:
            return texts.RIGHTS_CITY_POSTS.format(gebieden=self._own())
        return texts.RIGHTS_OTHER_GEBIED.format(gebied=literal(owner), gebieden=self._own())

    def _own(self) -> str:
        return ", ".join(self._names())

    def _names(self) -> list[str]:
        assert self.gebieden is not None
        return [literal(name) for name in sorted(self.gebieden)]


#: A session without limits: the planner on one's own machine.
EVERYTHING = Rights()
