"""The Textual internals that tests/pilot_helpers.py reads, checked one by one.

After a Textual upgrade a failure here names the private part that changed and the
helper to mend, instead of every UI test failing for a reason hard to see.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from tests.pilot_helpers import (
    IDLE_LOOK,
    LATE,
    burst,
    painted,
    remove_closed_screens_late,
    screen_text,
    shown,
    toasts,
    until,
    wheel_down,
    widget_text,
)


@contextmanager
def relying_on(private: str, helper: str) -> Iterator[None]:
    """Turn any failure into a message naming the internal and the helper that reads it."""
    try:
        yield
    except Exception as error:
        pytest.fail(
            f"tests/pilot_helpers.py:{helper} relies on {private}, which does not work as "
            f"expected in Textual {version('textual')}: {error!r}"
        )


class Probe(App[None]):
    """A text, a scrolling list, a field and a table: one of each thing the helpers read."""

    CSS = "#long { height: 4; } #field { height: 3; } #plain { height: 4; }"

    def compose(self) -> ComposeResult:
        yield Static("hallo scherm", id="greeting")
        with VerticalScroll(id="long"):
            yield Static("\n".join(f"regel {n}" for n in range(20)))
        yield Input(id="field")
        yield DataTable(id="plain")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Naam", "Bedrag")


async def test_screen_text_reads_the_compositor() -> None:
    async with Probe().run_test(size=(40, 16)) as pilot:
        with relying_on("Screen._compositor.render_strips()", "screen_text"):
            assert "hallo scherm" in screen_text(pilot)
        assert widget_text(pilot, "#greeting").strip() == "hallo scherm"


async def test_toasts_reads_the_notifications() -> None:
    app = Probe()
    async with app.run_test(size=(60, 16), notifications=True) as pilot:
        app.notify("een melding")
        with relying_on("textual.widgets._toast.Toast", "toasts"):
            await until(pilot, lambda: "een melding" in toasts(pilot), "the notification")


async def test_painted_holds_what_keeps_the_lines_a_widget_painted() -> None:
    async with Probe().run_test(size=(40, 16)) as pilot:
        with relying_on("Widget._styles_cache", "painted"):
            parts = painted(pilot)
            greeting = pilot.app.query_one("#greeting")
            assert greeting in parts and greeting._styles_cache in parts
            assert greeting._styles_cache._cache, "no painted line kept there"


async def test_remove_closed_screens_late_holds_a_closed_screen_a_while(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    remove_closed_screens_late(monkeypatch)
    app = Probe()
    async with app.run_test(size=(40, 16)) as pilot:
        closed: Screen[None] = Screen()
        await app.push_screen(closed)
        started = time.monotonic()
        with relying_on("App._replace_screen", "remove_closed_screens_late"):
            await app.pop_screen()  # returns once it is removed
            assert not closed.is_running and time.monotonic() - started >= LATE
        assert app.screen is not closed and pilot.app.is_running


async def test_wheel_down_scrolls() -> None:
    app = Probe()
    async with app.run_test(size=(40, 16)) as pilot:
        with relying_on("Pilot._post_mouse_events", "wheel_down"):
            await wheel_down(pilot, VerticalScroll, offset=(1, 1))
            await until(pilot, lambda: app.query_one("#long").scroll_y > 0, "the list scrolling")


async def test_burst_delivers_keys_through_the_driver() -> None:
    app = Probe()
    async with app.run_test(size=(40, 16)) as pilot:
        app.query_one("#field", Input).focus()
        with relying_on("App._driver.send_message and textual.keys._character_to_key", "burst"):
            burst(pilot, *"a+b")
            await until(pilot, lambda: app.query_one("#field", Input).value == "a+b", "a+b typed")


async def test_painting_before_measuring_still_shows_textuals_race(
    painted_before_measured: None,
) -> None:
    """The simulation reproduces the bug FittedTable avoids: a plain DataTable of fixed
    height, drawn before it measures rows added after mount, keeps its columns at the
    header's width (a table that grows gets a ``Resize``, which clears its caches).

    If this fails after an upgrade, Textual may have fixed the race (then
    ``paint_before_measuring`` proves nothing any more), or renamed ``_on_idle`` or
    ``_require_update_dimensions``.
    """
    app = Probe()
    async with app.run_test(size=(40, 16)) as pilot:
        await shown(pilot, "Naam  Bedrag")
        app.query_one(DataTable).add_row(Text("Hillegersberg"), Text("1.234.567"))
        internals = "DataTable._on_idle and ._require_update_dimensions"
        with relying_on(internals, "paint_before_measuring"):
            await shown(pilot, "Hill  1.234")
            assert "Hillegersberg" not in screen_text(pilot)


async def test_pilot_looks_for_idle_as_often_as_look_for_idle_often_says() -> None:
    """The conftest makes Pilot look every IDLE_LOOK seconds; if Textual no longer reads
    those names, a key press waits as long as before (tests slow down, nothing fails)."""
    import inspect

    import textual._wait
    from textual.pilot import Pilot

    with relying_on("textual._wait.SLEEP_GRANULARITY, SLEEP_IDLE", "look_for_idle_often"):
        assert textual._wait.SLEEP_GRANULARITY == IDLE_LOOK
        source = inspect.getsource(textual._wait.wait_for_idle)
        assert "sleep(SLEEP_GRANULARITY)" in source and "< SLEEP_IDLE" in source
        assert "wait_for_idle(0)" in inspect.getsource(App._press_keys)
        assert "wait_for_idle(0)" in inspect.getsource(Pilot.pause)
