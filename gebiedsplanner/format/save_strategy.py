"""The choice of how a save is written: the line patcher (:mod:`scenario_patch`) for the
forms it proves, the any-form patcher (:mod:`any_form_patch`, tomlkit, small files) for
dotted keys and inline tables, else the whole file written anew
(:mod:`scenario_writer`): a file without its comments, never a wrong one."""

from __future__ import annotations

import re
from typing import NamedTuple

from gebiedsplanner.core.problems import Problem
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.format import (
    scenario_writer,
)
from gebiedsplanner.format.scenario_patch import patch
from gebiedsplanner.i18n import texts


class Saving(NamedTuple):
    """What to write, and whether comments the file had are not in it."""

    data: bytes
    comments_lost: bool

    def notices(self, file: str) -> list[Problem]:
        """What to say once ``file`` is written: that its comments could not be kept."""
        if not self.comments_lost:
            return []
        from gebiedsplanner.format import any_form_patch  # imports tomlkit: only then

        limit = any_form_patch.LARGEST // 1024
        message = texts.COMMENTS_NOT_KEPT.format(limit=limit)
        return [Problem(file, "", message, texts.FIX_COMMENTS)]


def save_bytes(scenario: Scenario, original: bytes | None, *, name: str | None = None) -> bytes:
    """The bytes to save (see :func:`saving`)."""
    return saving(scenario, original, name=name).data


def saving(scenario: Scenario, original: bytes | None, *, name: str | None = None) -> Saving:
    """The bytes to save: ``original`` with only what changed, else a full rewrite.

    ``original`` is the file's text the save replaces (``None``: a new file with
    nothing to keep); ``name`` saves under another name, as :func:`scenario_writer.dumps` does.
    """
    if original is not None:
        patched = patch(original, scenario, name=name)
        if patched is None:  # a form of TOML the scanner leaves: dotted keys, inline tables
            from gebiedsplanner.format import any_form_patch  # imports tomlkit: only then

            patched = any_form_patch.patch(original, scenario, name=name)
        if patched is not None:
            return Saving(patched, comments_lost=False)
    rewritten = scenario_writer.dumps(scenario, name=name)
    return Saving(rewritten, comments_lost=original is not None and has_comments(original))


#: What may hold a ``#`` that is no comment: TOML strings, multi-line ones first.
_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')


def has_comments(toml: bytes) -> bool:
    """Does this TOML text hold a comment (a ``#`` outside its strings)?"""
    text = toml.decode("utf-8", "replace")
    return "#" in text and "#" in _STRINGS.sub("", text)
