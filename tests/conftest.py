"""Shared fixtures: the bundled example, private copies, and isolated user folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from gebiedsplanner.core.scenario import Scenario, contents
from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import language
from gebiedsplanner.settings.locations import bundled_example
from tests.pilot_helpers import look_for_idle_often, paint_before_measuring

BUNDLED = bundled_example()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests in an ``xdist_group`` first (the snapshots: one worker runs them one after
    another), so the other workers share the rest meanwhile rather than wait at the end."""
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's data, state or config folders."""
    home = tmp_path / "home"
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    return home


@pytest.fixture(autouse=True)
def idle_looked_for_often(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot's wait after each key is short: tests wait for what they expect to see."""
    look_for_idle_often(monkeypatch)


@pytest.fixture(autouse=True)
def dutch_after_each_test() -> Iterator[None]:
    """A test that switches the language (``--lang en``, ``use("en")``) switches it back."""
    yield
    language.use(language.DEFAULT)


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    """A writable copy of the bundled example."""
    target = tmp_path / "plan" / "nrw.toml"
    target.parent.mkdir()
    shutil.copyfile(BUNDLED, target)
    return target


def save(document: storage.ScenarioDocument) -> None:
    """Save ``document`` in place the way the command line does: under its write lock."""
    result, _ = storage.save_in_place(document)
    assert isinstance(result, storage.Written), result


def snapshot(scenario: Scenario) -> tuple[object, ...]:
    """Everything a scenario file holds, for comparing what was saved with what is read."""
    return tuple(contents(scenario).values())


def files_beside(path: Path) -> list[str]:
    """The names in ``path``'s folder, less its write lock (which stays, by design)."""
    lock = storage.lock_path(path).name
    return sorted(p.name for p in path.parent.iterdir() if p.name != lock)


@pytest.fixture
def painted_before_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every DataTable paints new rows before it measures them, as on a loaded machine."""
    paint_before_measuring(monkeypatch)


#: Waits for a gate file, then runs the command line: processes started this way really
#: start together when the gate is made.
_AT_THE_GATE = (
    "import sys, time, pathlib\n"
    "gate = pathlib.Path(sys.argv[1])\n"
    "while not gate.exists(): time.sleep(0.001)\n"
    "from gebiedsplanner.cli.main import main\n"
    "raise SystemExit(main(sys.argv[2:]))\n"
)


def at_the_gate(gate: Path, args: Sequence[str]) -> subprocess.Popen[str]:
    """``gebiedsplanner ARGS`` in a new process that starts when ``gate`` exists."""
    return subprocess.Popen(
        [sys.executable, "-c", _AT_THE_GATE, str(gate), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def command_on_path(folder: Path, name: str, script: str) -> dict[str, str]:
    """This environment with a command ``name`` (the shell ``script``) first on PATH,
    its folder ``folder``: gebiedsplanner as after install, or a stand-in such as ssh."""
    folder.mkdir(exist_ok=True)
    command = folder / name
    command.write_text(script)
    command.chmod(0o755)
    return os.environ | {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
