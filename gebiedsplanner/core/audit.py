"""Who, when and why, for the change log."""

from __future__ import annotations

import getpass
from datetime import datetime

from gebiedsplanner.core.literal import well_formed
from gebiedsplanner.core.scenario import EditError
from gebiedsplanner.i18n import texts

#: A toelichting longer than this is a paste gone wrong, not a reason (the journal
#: reads back texts of up to a million characters).
REASON_LIMIT = 100_000


def current_user() -> str:
    """The login user, as the change log records it."""
    try:
        return well_formed(getpass.getuser())
    except (KeyError, OSError):
        return "onbekend"


def now() -> datetime:
    """Local time with its UTC offset, to the second (the change log's precision)."""
    return datetime.now().astimezone().replace(microsecond=0)


def reason(text: str) -> str:
    """The toelichting as it is recorded (writable as UTF-8); :class:`EditError` when absurd.

    Every way in (the app, ``move``, the planning tools) passes here: a reason from a
    command line in another encoding would otherwise stop the save.
    """
    if len(text) > REASON_LIMIT:
        raise EditError(texts.REASON_TOO_LONG.format(count=f"{len(text):_}".replace("_", ".")))
    return well_formed(text)
