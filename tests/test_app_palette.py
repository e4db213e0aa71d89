"""The command palette in the UI language, and the theme chosen there kept for the next start."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.pilot import Pilot

from gebiedsplanner.settings.locations import config_file
from tests.pilot_helpers import quiet, screen_text, shown, toasts, until
from tests.test_app import SIZE, make_app

MY_CONFIG = '# mijn instellingen\ntheme = "textual-dark"  # voorlopig\n\n[later]\nx = 1\n'


async def choose_theme(pilot: Pilot[None], name: str) -> None:
    """ctrl+p, Thema, the theme's name, Enter: as a person picks one."""
    await pilot.press("ctrl+p")
    await shown(pilot, "Zoek een opdracht…")
    await pilot.press(*"Thema")
    await shown(pilot, "bewaard voor de volgende keer")
    await pilot.press("enter")
    await shown(pilot, "Zoek een thema…")
    await pilot.press(*name)
    await until(pilot, lambda: name in screen_text(pilot), f"{name} offered")
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "palette shut")


async def test_the_theme_chosen_in_the_palette_is_in_the_config_at_the_next_start() -> None:
    config_file().parent.mkdir(parents=True)
    config_file().write_text(MY_CONFIG)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert app.theme == "textual-dark"
        await choose_theme(pilot, "nord")
        assert app.theme == "nord"
        expected = MY_CONFIG.replace('"textual-dark"', '"nord"')
        await until(pilot, lambda: config_file().read_text() == expected, "nord in the config")
        assert "Search for" not in screen_text(pilot)
    again = make_app()
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        assert again.theme == "nord"
        assert "-theme-nord" in again.classes  # its colours, from the first frame
        await quiet(pilot)
        assert toasts(pilot) == ""


async def test_an_unknown_theme_in_the_config_is_named_with_its_fix() -> None:
    config_file().parent.mkdir(parents=True)
    config_file().write_text('theme = "neon-roze"\n')
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        text = await shown(pilot, "onbekend thema neon-roze")
        said = " ".join(text.split())
        assert f"{config_file()}: theme:" in said
        assert "kies een thema met ctrl+p" in said and "nord" in said
        assert app.theme == "textual-dark"
    assert config_file().read_text() == 'theme = "neon-roze"\n'  # the user's to change


async def test_a_config_replaced_by_a_link_is_not_written_through(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        elsewhere = tmp_path / "elders.toml"
        elsewhere.write_text("x = 1\n")
        config_file().parent.mkdir(parents=True)
        config_file().symlink_to(elsewhere)  # planted while the app runs
        await choose_theme(pilot, "nord")
        text = await shown(pilot, "thema nord gekozen, maar niet bewaard")
        assert "koppeling" in text
        assert app.theme == "nord"  # applied all the same
    assert config_file().is_symlink() and elsewhere.read_text() == "x = 1\n"


async def test_a_read_only_config_folder_says_so(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        config_file().parent.parent.mkdir(parents=True)
        config_file().parent.write_text("")  # a file where the folder belongs
        await choose_theme(pilot, "gruvbox")
        await shown(pilot, "thema gruvbox gekozen, maar niet bewaard")
        assert app.is_running and app.theme == "gruvbox"


async def test_a_search_without_matches_says_so_in_the_ui_language() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await shown(pilot, "Zoek een opdracht…")
        await pilot.press(*"qqqq")
        await shown(pilot, "Niets gevonden")
        assert "No matches" not in screen_text(pilot)
