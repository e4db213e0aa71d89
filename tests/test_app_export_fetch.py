"""The export dialog in a session served by ssh-serve: it shows the ssh command that
fetches the export to the adviser's own computer, and in any session the name's
extension chooses the format or is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gebiedsplanner.core.rights import Rights
from gebiedsplanner.editing import storage
from gebiedsplanner.exports.fetching import fetch_command
from gebiedsplanner.i18n import texts
from gebiedsplanner.settings import locations
from gebiedsplanner.ui.app import PlannerApp
from gebiedsplanner.ui.screens.export_dialog import ExportDialog
from tests.pilot_helpers import fill_in, opened, screen_text, shown, toasts, until
from tests.test_app import BUNDLED, SIZE, make_app

#: Where a served session's connection reached the server, as ssh-serve says it.
SERVED_AT = ("203.0.113.7", 2222)


def served_app(team: Path, name: str = "plan.toml", *, read_only: bool = True) -> PlannerApp:
    """The planner as ssh-serve starts it: on a team folder's scenario, confined, told
    where the adviser's connection reached the server."""
    team.mkdir(exist_ok=True)
    path = team / name
    shutil.copyfile(BUNDLED, path)
    settings = locations.load_settings([str(team)])._replace(
        rights=Rights(None, read_only), confined=True, served_at=SERVED_AT
    )
    return PlannerApp(storage.open_for_editing(path), settings)


def fetch_line(app: PlannerApp) -> str:
    return str(app.screen.query_one("#fetch").render())


async def test_the_export_dialog_over_ssh_serve_shows_the_command_that_fetches_it(
    tmp_path: Path,
) -> None:
    app = served_app(tmp_path / "team")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await opened(pilot, ExportDialog, "the export dialog")
        csv = "ssh -p 2222 203.0.113.7 export plan.toml --dialect nl > nrw-basis-2016-2019.csv"
        await until(pilot, lambda: csv in fetch_line(app), "the command")
        await shown(pilot, "ssh -p 2222 203.0.113.7 export plan.toml --dialect nl >")
        await shown(pilot, "ctrl+y")
        copied: list[str] = []
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("ctrl+y")
        await until(pilot, lambda: copied == [csv], "the command copied whole")
        await fill_in(pilot, "#path", "~/overzicht.xlsx")  # the name chooses: a workbook
        await shown(pilot, "ssh -p 2222 203.0.113.7 export plan.toml --format xlsx >")
        assert "export plan.toml --format xlsx > overzicht.xlsx" in fetch_line(app)


async def test_a_name_with_a_space_is_quoted_for_the_server_and_for_the_shell(
    tmp_path: Path,
) -> None:
    app = served_app(tmp_path / "team", "Variant Zuid.toml")
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.press("e")
        await opened(pilot, ExportDialog, "the export dialog")
        await shown(pilot, "ssh -p 2222 203.0.113.7 'export '\"'\"'Variant Zuid.toml'\"'\"'")
    command = fetch_command(SERVED_AT, ["export", "Variant Zuid.toml"], "uit.csv")
    assert command == ("ssh -p 2222 203.0.113.7 'export '\"'\"'Variant Zuid.toml'\"'\"'' > uit.csv")


async def test_unsaved_changes_are_said_not_to_be_in_what_the_command_fetches(
    tmp_path: Path,
) -> None:
    app = served_app(tmp_path / "team", read_only=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", *"+5", "enter")
        await pilot.press("e")
        await opened(pilot, ExportDialog, "the export dialog")
        await shown(pilot, texts.EXPORT_FETCH_SAVED_ONLY[:30])


async def test_a_scenario_no_command_reaches_says_so(tmp_path: Path) -> None:
    """The bundled example is in no served folder: ssh-serve's commands cannot name it."""
    settings = locations.load_settings([str(tmp_path)])._replace(confined=True, served_at=SERVED_AT)
    app = PlannerApp(storage.open_for_editing(BUNDLED), settings)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.press("e")
        await opened(pilot, ExportDialog, "the export dialog")
        await shown(pilot, texts.EXPORT_FETCH_NONE[:40])
        await shown(pilot, "ssh -p", present=False)


async def test_without_ssh_serve_the_dialog_shows_no_command(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        dialog = await opened(pilot, ExportDialog, "the export dialog")
        assert not dialog.query("#fetch")


@pytest.mark.parametrize(
    ("name", "said"),
    [("plan.ods", "geen .ods-bestand"), ("plan.pdf", "geen .pdf-bestand")],
)
async def test_an_extension_of_another_format_is_refused_in_the_dialog(
    tmp_path: Path, name: str, said: str
) -> None:
    app = make_app()
    with pytest.MonkeyPatch.context() as patched:
        patched.chdir(tmp_path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("e")
            await opened(pilot, ExportDialog, "the export dialog")
            await fill_in(pilot, "#path", str(tmp_path / name))
            await pilot.press("enter")
            await until(pilot, lambda: said in toasts(pilot), f"{said!r} in a toast")
            assert ".xlsx" in toasts(pilot)
            assert isinstance(app.screen, ExportDialog)  # still open: fix the name
    assert not (tmp_path / name).exists()


async def test_the_name_chooses_the_format_in_the_dialog(tmp_path: Path) -> None:
    """``.xlsx`` typed while the list says CSV: a workbook, as on the command line."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await opened(pilot, ExportDialog, "the export dialog")
        await fill_in(pilot, "#path", str(tmp_path / "plan.xlsx"))
        await pilot.press("enter")
        await until(pilot, lambda: (tmp_path / "plan.xlsx").exists(), "the workbook written")
    assert (tmp_path / "plan.xlsx").read_bytes().startswith(b"PK")


async def test_the_comparisons_export_dialog_over_ssh_serve_shows_compare(tmp_path: Path) -> None:
    from tests.test_app_library import compare_in_library

    team = tmp_path / "team"
    app = served_app(team, "basis.toml")
    bundled = BUNDLED.read_text(encoding="utf-8")
    for file, name in (("basis.toml", "Basis Zuid"), ("variant.toml", "Variant Zuid")):
        named = bundled.replace('name = "NRW basis 2016-2019"', f'name = "{name}"')
        (team / file).write_text(named, encoding="utf-8")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("l")
        await shown(pilot, "Variant Zuid")
        await compare_in_library(pilot, "Basis Zuid", "Variant Zuid")
        await shown(pilot, "alleen verschillen")
        await pilot.press("e")
        await opened(pilot, ExportDialog, "the export dialog")
        command = "compare basis.toml variant.toml --format csv --dialect nl > vergelijking.csv"
        await until(pilot, lambda: command in fetch_line(app), "the comparison's command")
        await pilot.press("escape", "o", "e")  # every cell: --all
        await opened(pilot, ExportDialog, "the export dialog again")
        await until(pilot, lambda: "variant.toml --all --format" in fetch_line(app), "--all")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("[bold]Zuid.toml", "'\"'\"'[bold]Zuid.toml'\"'\"' --dialect nl'"),
        ("-x.toml", None),  # the server would take it for an option
    ],
)
async def test_a_hostile_file_name_is_shown_as_it_is_or_not_offered(
    tmp_path: Path, name: str, shown: str | None
) -> None:
    app = served_app(tmp_path / "team", name)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.press("e")
        await opened(pilot, ExportDialog, "the export dialog")
        if shown is None:
            await until(
                pilot, lambda: texts.EXPORT_FETCH_NONE in fetch_line(app), "no command offered"
            )
        else:
            await until(pilot, lambda: shown in fetch_line(app), "the name as it is")
            await until(pilot, lambda: shown in screen_text(pilot), "shown, not taken as markup")
