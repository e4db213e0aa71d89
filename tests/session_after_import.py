"""As the SSH launcher does: import the planner in one language, run a session in another.

``python -m tests.session_after_import IMPORTED SESSION`` imports what the launcher
preloads, and every other module of the UI, with ``IMPORTED`` the language; then
switches to ``SESSION``, as a forked session does when it reads its ``--lang``,
and drives the planner on the bundled example. It prints, as JSON, what the user
reads: the key line, the help screen, the command palette and the "save as"
dialog, and what Textual itself would show for the planner's keys
(``Screen.active_bindings``: its footer, key panel and tooltips read them there).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import pkgutil
import sys


def main(imported: str, session: str) -> dict[str, object]:
    from gebiedsplanner.i18n import language

    language.use(imported)
    import gebiedsplanner.ui
    from gebiedsplanner.ssh.launcher import PRELOAD

    for name in PRELOAD:
        importlib.import_module(name)
    for module in pkgutil.walk_packages(gebiedsplanner.ui.__path__, "gebiedsplanner.ui."):
        importlib.import_module(module.name)
    language.use(session)
    return asyncio.run(_seen())


async def _seen() -> dict[str, object]:
    from textual.command import CommandList, CommandPalette

    from gebiedsplanner.editing import storage
    from gebiedsplanner.settings import locations
    from gebiedsplanner.ui.app import PlannerApp
    from gebiedsplanner.ui.screens.help import HelpScreen
    from gebiedsplanner.ui.screens.save_as import SaveAs
    from tests.pilot_helpers import opened, screen_text, shown, until

    document = storage.open_for_editing(locations.bundled_example())
    app = PlannerApp(document, locations.load_settings())
    seen: dict[str, object] = {}
    # Each wait is for something drawn the same in every language (a key, a file
    # name): what the texts say is for the test to judge, not to wait for.
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot, "⏎ ")
        seen["key_line"] = screen_text(pilot).splitlines()[-1]
        seen["bindings"] = {
            key: [active.binding.description, active.tooltip]
            for key, active in app.screen.active_bindings.items()
        }
        await pilot.press("question_mark")
        await opened(pilot, HelpScreen, "the help screen")
        await shown(pilot, "ctrl+z")
        seen["help"] = screen_text(pilot)
        await pilot.press("escape", "ctrl+p")
        palette = await opened(pilot, CommandPalette, "the palette")
        commands = palette.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 5, "commands")
        await pilot.pause()
        # Every command, also those scrolled out of sight (each key a screen adds pushes
        # others down): what a person reads who scrolls the list.
        prompts = (commands.get_option_at_index(i).prompt for i in range(commands.option_count))
        seen["palette"] = screen_text(pilot) + "\n" + "\n".join(map(str, prompts))
        await pilot.press("escape", "S")
        await opened(pilot, SaveAs, "the save as dialog")
        await shown(pilot, ".toml")
        seen["save_as"] = screen_text(pilot)
        await pilot.press("escape")
    return seen


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:3]), ensure_ascii=False))
