"""Reading a Pilot-driven app the way a person reads the terminal."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._toast import Toast


def screen_text(pilot: Pilot[None]) -> str:
    """What a person would read on the terminal now."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def toasts(pilot: Pilot[None]) -> str:
    """The notifications on screen, as one line of plain text."""
    shown = " ".join(str(toast.render()) for toast in pilot.app.screen.query(Toast))
    return " ".join(shown.split())


async def shown(pilot: Pilot[None], text: str, present: bool = True) -> str:
    """Wait (up to 30 s) until ``text`` is on screen or in a notification (or gone)."""
    for _ in range(600):
        screen = screen_text(pilot) + "\n" + toasts(pilot)
        if (text in screen) == present:
            return screen
        await pilot.pause(0.05)
    raise AssertionError(f"{text!r} {'never appeared' if present else 'stayed'}:\n{screen}")


async def settle(pilot: Pilot[None]) -> None:
    """Let dismissed dialogs start their workers, the workers finish, and the screen repaint."""
    for _ in range(4):
        await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wheel_down(pilot: Pilot[None], widget: type[Widget], offset: tuple[int, int]) -> None:
    """One notch of the mouse wheel over ``widget`` (Pilot has no public call for it)."""
    await pilot._post_mouse_events([events.MouseScrollDown], widget, offset)


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Keys arriving all at once, as over a slow SSH link: none waits for the one before."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        character = key if len(key) == 1 else None
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, "\r" if key == "enter" else character)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await settle(pilot)
