"""Who and when, for the change log."""

from __future__ import annotations

import getpass
from datetime import datetime

from gebiedsplanner.core.literal import well_formed


def current_user() -> str:
    """The login user, as the change log records it."""
    try:
        return well_formed(getpass.getuser())
    except (KeyError, OSError):
        return "onbekend"


def now() -> datetime:
    """Local time with its UTC offset, to the second (the change log's precision)."""
    return datetime.now().astimezone().replace(microsecond=0)
