"""Reading a Pilot-driven app the way a person reads the terminal, and waiting as a person waits.

Every access to Textual's private parts that the tests need lives here and nowhere
else: ``Screen._compositor`` (the text on screen), ``textual.widgets._toast``
(notifications), ``Pilot._post_mouse_events`` (the mouse wheel), ``App._driver`` and
``textual.keys._character_to_key`` (keys arriving at once), DataTable's
``_on_idle`` / ``_require_update_dimensions`` (painting before measuring),
``Widget._styles_cache`` (the lines a widget painted), ``App._replace_screen``
(removing a closed screen late) and ``textual._wait`` (how often Pilot looks whether
the app is idle).
``tests/test_pilot_helpers.py`` says which of them a Textual upgrade broke.

Waiting: a test acts, then waits (up to :data:`DEADLINE`) for what a person would
see: text on screen or in a notification (:func:`shown`), a widget or a file
showing something (:func:`until`), a screen open with all its fields
(:func:`opened`). Never a fixed pause: on a loaded machine any
pause is too short, and Pilot's own waits after a key press are a guess (they
stop when the process seems idle).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
import textual._wait
from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input
from textual.widgets._toast import Toast

from gebiedsplanner.ui.app import PlannerApp

_S = TypeVar("_S", bound=Screen[Any])

#: Seconds a test waits for what it expects before it fails.
DEADLINE = 30.0
_POLL = 0.05
#: Seconds between Pilot's looks whether the app has gone idle (Textual's own: 0,02).
IDLE_LOOK = 0.005


def screen_text(pilot: Pilot[None]) -> str:
    """What a person would read on the terminal now."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


#: The planner's two totals lines in Dutch, 80 columns or more: each figure by caption.
_TOTALS = (
    re.compile(
        r"^Ruimte +(?P<Ruimte>\S+) +(?P<status>.+?) +Envelope +(?P<Envelope>\S+)"
        r" +Gepland +(?P<Gepland>\S+) *$"
    ),
    re.compile(
        r"^Taakstelling +(?P<Taakstelling>\S+) +verdeeld +(?P<verdeeld>\S+)"
        r" +open +(?P<open>\S+)(?: +Beleid: (?P<Beleid>\d+))? *$"
    ),
)


def totals(pilot: Pilot[None]) -> dict[str, str]:
    """The totals as a person reads them: ``{"Ruimte": "-250.000!", "status": "▲ BOVEN
    ENVELOPE", "Envelope": ..., "Gepland": ..., "Taakstelling": ..., "verdeeld": ...,
    "open": ..., "Beleid": "2"}`` (no ``Beleid`` without rules). Fails when a line is
    missing or a figure is cut off."""
    lines = screen_text(pilot).splitlines()
    found: dict[str, str] = {}
    for pattern in _TOTALS:
        match = next(filter(None, map(pattern.match, lines)), None)
        if match is None:
            shown_now = screen_text(pilot)
            raise AssertionError(f"no whole totals line {pattern.pattern!r} in:\n{shown_now}")
        found |= {name: value for name, value in match.groupdict().items() if value is not None}
    return found


def widget_text(pilot: Pilot[None], selector: str) -> str:
    """What a person reads where the widget ``selector`` sits on the screen."""
    region = pilot.app.screen.query_one(selector).region
    lines = screen_text(pilot).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


def toasts(pilot: Pilot[None]) -> str:
    """The notifications on screen, as one line of plain text."""
    shown = " ".join(str(toast.render()) for toast in pilot.app.screen.query(Toast))
    return " ".join(shown.split())


async def until(pilot: Pilot[None], condition: Callable[[], object], what: str) -> None:
    """Wait until ``condition()`` is true: what a widget shows, what is on disk.

    The condition may raise ``AssertionError`` while what it reads is not there yet
    (a line not yet on screen); at the deadline that error, or ``what``, fails the test.
    """
    deadline = time.monotonic() + DEADLINE
    while True:
        try:
            if condition():
                return
            problem = f"{what} did not happen"
        except AssertionError as error:
            problem = f"{what} did not happen: {error}"
        if time.monotonic() > deadline:
            raise AssertionError(f"{problem} within {DEADLINE:.0f} s:\n{_last_screen(pilot)}")
        await asyncio.sleep(_POLL)


async def opened(pilot: Pilot[None], kind: type[_S], what: str) -> _S:
    """Wait until the screen on top is a ``kind`` with all its widgets, and return it.

    A pushed screen is on top at once, before its own task has composed it: a query
    for one of its fields may then find nothing (and ``query_one`` raises). Once the
    screen is mounted, every widget composed in it, nested ones too, is mounted, and
    its Mount handler has run.
    """

    def ready() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, kind) and screen.is_mounted

    await until(pilot, ready, what)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


def painted(pilot: Pilot[None]) -> list[object]:
    """Paint the screen on top, and return it, every widget on it and what Textual keeps
    of the lines each painted (``Widget._styles_cache``): all that must go once it is
    closed (``gebiedsplanner/ui/closed_screens.py``)."""
    screen_text(pilot)
    widgets = [pilot.app.screen, *pilot.app.screen.query("*")]
    return [*widgets, *(widget._styles_cache for widget in widgets)]


def _last_screen(pilot: Pilot[None]) -> str:
    """The screen, for a failure message (an app that has stopped has none)."""
    return screen_text(pilot) if pilot.app.is_running else "(the app has stopped)"


async def shown(pilot: Pilot[None], text: str, present: bool = True) -> str:
    """Wait until ``text`` is on screen or in a notification (or gone); return what showed."""
    seen = ""

    def looks_right() -> bool:
        nonlocal seen
        seen = screen_text(pilot) + "\n" + toasts(pilot)
        return (text in seen) == present

    await until(pilot, looks_right, f"{text!r} {'appearing' if present else 'going'}")
    return seen


async def resize(pilot: Pilot[None], width: int, height: int) -> None:
    """Make the terminal ``width`` x ``height`` and wait until the screen is drawn at that
    size: until then the old frame may already hold what a test waits for next."""
    await pilot.resize_terminal(width, height)

    def drawn_at_size() -> bool:
        lines = screen_text(pilot).split("\n")
        return len(lines) == height and all(cell_len(line) == width for line in lines)

    await until(pilot, drawn_at_size, f"the screen drawn at {width}x{height}")


async def focused(pilot: Pilot[None], selector: str) -> None:
    """Wait until the widget ``selector`` has the focus, as a person waits for the cursor
    in a dialog's field before typing (keys that arrive earlier may go elsewhere)."""
    await until(
        pilot,
        lambda: pilot.app.focused in pilot.app.screen.query(selector),
        f"the focus reaching {selector}",
    )


async def fill_in(pilot: Pilot[None], selector: str, text: str) -> None:
    """Put ``text`` into the field ``selector`` in place of what it holds, as a person
    does with a path or a name: wait for the cursor there, clear the field and see it
    empty, paste and see it.

    Pasted, not typed: Pilot waits for the app to be idle after every key (some 60 ms
    each), and a path is a hundred keys. The paste takes the terminal's way in (a
    ``Paste`` event to the app, which gives it to the focused field). Tests of typing
    itself press the keys. The app's fields take ctrl+u in turn
    (``gebiedsplanner/ui/widgets/field.py``); the waits are a person's, and keep the
    helper right for any field.
    """
    await focused(pilot, selector)
    field = pilot.app.screen.query_one(selector, Input)
    await pilot.press("ctrl+u")
    await until(pilot, lambda: field.value == "", f"{selector} emptied")
    pilot.app.post_message(events.Paste(text))
    await until(pilot, lambda: field.value == text, f"{text!r} pasted into {selector}")


def look_for_idle_often(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot looks whether the app is idle every IDLE_LOOK seconds, not every 20 ms.

    After each key Pilot sleeps in steps until a step passes with (nearly) no CPU used:
    two steps of 20 ms a key at least, a third of a Pilot test's time. The share of CPU
    time that counts as idle stays Textual's (a twentieth of a step). Nothing here
    relies on that wait being long: a test waits for what it expects to see.
    """
    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", IDLE_LOOK)
    monkeypatch.setattr(textual._wait, "SLEEP_IDLE", IDLE_LOOK / 20)


async def quiet(pilot: Pilot[None]) -> None:
    """Wait until the app's workers are done: before checking that something did *not* happen.

    First wait for what shows that the app took the step (a dialog closing); a worker
    the step would start has then started.
    """
    await pilot.app.workers.wait_for_complete()


async def wheel_down(pilot: Pilot[None], widget: type[Widget], offset: tuple[int, int]) -> None:
    """One notch of the mouse wheel over ``widget`` (Pilot has no public call for it)."""
    await pilot._post_mouse_events([events.MouseScrollDown], widget, offset)


def burst(pilot: Pilot[None], *keys: str) -> None:
    """Keys arriving all at once, as over a slow SSH link: none waits for the one before.

    Nothing here waits for them to be handled: the test waits for what they show.
    """
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        character = key if len(key) == 1 else None
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, "\r" if key == "enter" else character)
        event.set_sender(pilot.app)
        driver.send_message(event)


#: Seconds a closed screen stays before it is removed, under :func:`remove_closed_screens_late`.
LATE = 0.3


def remove_closed_screens_late(monkeypatch: pytest.MonkeyPatch) -> None:
    """A closed screen is removed :data:`LATE` seconds after the screen below shows, as
    on a loaded machine: Textual removes it in a task of its own (``App._replace_screen``),
    and on an idle machine that task nearly always runs at once."""
    replace = App._replace_screen

    async def late(app: App[Any], screen: Screen[Any]) -> Screen[Any]:
        await asyncio.sleep(LATE)
        return await replace(app, screen)

    monkeypatch.setattr(App, "_replace_screen", late)


def paint_before_measuring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every DataTable paints its rows before it measures them, as on a loaded machine.

    Textual's DataTable measures rows added after mount in its idle handler; a frame
    painted before that handler runs is cached at the widths known then (see
    ``gebiedsplanner/ui/widgets/fitted_table.py``). On an idle machine the handler
    nearly always runs first; this makes the paint come first every time.
    """
    measure = DataTable._on_idle

    async def paint_then_measure(table: DataTable[Any], event: events.Idle) -> None:
        if table._require_update_dimensions and table.size.area:
            table.render_lines(table.size.region)
        await measure(table, event)

    monkeypatch.setattr(DataTable, "_on_idle", paint_then_measure)


async def totals_show(pilot: Pilot[None], **expected: str) -> None:
    """Wait until the totals show ``expected`` (``Ruimte="0", Gepland="57.931.000"``)."""

    def showing() -> bool:
        shown_now = totals(pilot)
        return all(shown_now.get(name) == value for name, value in expected.items())

    await until(pilot, showing, f"totals showing {expected}")


def watch_keys(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The keys that reached the app, and those it has passed on (see on_event)."""
    entered: list[str] = []
    left: list[str] = []
    on_event = PlannerApp.on_event

    async def watched(app: PlannerApp, event: events.Event) -> None:
        if isinstance(event, events.Key):
            entered.append(event.key)
        await on_event(app, event)
        if isinstance(event, events.Key):
            left.append(event.key)

    monkeypatch.setattr(PlannerApp, "on_event", watched)
    return entered, left
