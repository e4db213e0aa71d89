"""Starting the planner: ``gebiedsplanner [SCENARIO]`` opens the app on a scenario, and
``ssh-serve`` offers it to advisers over SSH."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from gebiedsplanner import __version__
from gebiedsplanner.cli.arguments import Parser, plain
from gebiedsplanner.cli.commands import overview
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.rights import Rights
from gebiedsplanner.core.server_limits import Limit, Limits
from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.settings import locations


class _AppParser(Parser):
    """The app's parser; its ``--help`` ends with every command, made when it is shown
    (the planning tools' commands are read from the tools, which starting loads not)."""

    def format_help(self) -> str:
        import shutil
        import textwrap

        self.epilog = overview()
        # Raw text, for the overview's columns: so the description, one paragraph, is
        # wrapped here, to the width argparse gives its own paragraphs.
        width = max(shutil.get_terminal_size().columns - 2, 11)
        self.description = textwrap.fill(texts.APP_DESCRIPTION, width)
        return super().format_help()


def parser() -> argparse.ArgumentParser:
    """The arguments of ``gebiedsplanner [SCENARIO]``."""
    made = _AppParser(
        prog="gebiedsplanner",
        description=texts.APP_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    made.add_argument("scenario", nargs="?", help=plain(texts.ARG_SCENARIO))
    return add_options(made)


def add_options(made: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``gebiedsplanner [SCENARIO]`` (and ``--lang``, ``--version``), added
    to ``made``: the app's parser, or the one the shell's completion is made from."""
    made.add_argument(
        "--scenario-dir", action="append", default=[], help=plain(texts.ARG_SCENARIO_DIR)
    )
    made.add_argument("--library", action="store_true", help=plain(texts.ARG_LIBRARY))
    made.add_argument("--read-only", action="store_true", help=plain(texts.ARG_READ_ONLY))
    made.add_argument(
        "--may-change", action="append", metavar="GEBIED", help=plain(texts.ARG_MAY_CHANGE)
    )
    made.add_argument("--confined", action="store_true", help=plain(texts.ARG_CONFINED))
    made.add_argument(
        "--lang", choices=language.LANGUAGES, help=plain(texts.ARG_LANG)
    )  # taken by main() wherever it stands; here for --help
    made.add_argument(
        "--version",
        action="version",
        version=f"gebiedsplanner {__version__}",
        help=plain(texts.ARG_VERSION),
    )
    return made


def run_app(options: argparse.Namespace) -> int:
    # Starting up makes a great many objects and next to no garbage: the cycle
    # collector would only walk them, again and again (10 ms of the bundled
    # scenario's first frame, more at national scale). It is off until the
    # first frame (PlannerApp.on_ready), and what exists by then is frozen:
    # it lives as long as the app, and later collections need not walk it.
    gc.disable()
    settings = locations.load_settings(options.scenario_dir)._replace(
        rights=Rights(
            None if options.may_change is None else frozenset(options.may_change),
            options.read_only,
        ),
        confined=options.confined,
        served_at=locations.served_at(dict(os.environ)) if options.confined else None,
    )
    # Absolute at once: the working folder may be removed while the app runs.
    path = (
        locations.scenario_path(options.scenario).absolute()
        if options.scenario
        else locations.bundled_example()
    )
    document = storage.open_streamed(path)
    from gebiedsplanner.ui.app import PlannerApp

    gc.freeze()
    app = PlannerApp(document, settings, library=options.library)
    app.run()
    if app.crash_notice is not None:  # now that the terminal is back to normal
        print(app.crash_notice, file=sys.stderr)
    if app.problems:  # found reading a large file after its first frame: said as before it
        raise ProblemsError(app.problems)
    return app.return_code or 0


def ssh_serve(options: argparse.Namespace) -> int:
    """The planner as an SSH server (asyncssh is loaded for this command only)."""
    import asyncio

    from gebiedsplanner.ssh.server import serve

    host_key = Path(options.host_key) if options.host_key else None
    keys = Path(options.authorized_keys)
    limits = Limits(**{limit.field: getattr(options, limit.field) for limit in Limit})
    asyncio.run(serve(options.host, options.port, keys, options.scenario_dir, host_key, limits))
    return 0
