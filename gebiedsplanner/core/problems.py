"""Problems with a file, told the way a user can act on them: file, place, fix."""

from __future__ import annotations

from typing import NamedTuple

from gebiedsplanner.core.literal import literal
from gebiedsplanner.i18n import texts


class Problem(NamedTuple):
    """One thing wrong with a file.

    Attributes:
        file: The file's path as the user gave it.
        place: Where in the file (``regel 12``, ``gebied.Charlois.taakstelling.2017``),
            or ``""`` when the problem is the file as a whole.
        message: What is wrong.
        fix: What to do about it.
    """

    file: str
    place: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{literal(self.file)}: {literal(self.place)}" if self.place else literal(self.file)
        return texts.PROBLEM_LINE.format(
            where=where, message=literal(self.message), fix=literal(self.fix)
        )


class ProblemsError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
