"""Where scenarios live: the bundled examples, the user's library and the config file.

The library folder is the platformdirs user data dir unless ``--scenario-dir``
or ``scenario_dir`` in the config file points at a shared team folder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import platformdirs
import tomli

from gebiedsplanner import texts
from gebiedsplanner.core.problems import Problem, ProblemsError

APP_NAME = "gebiedsplanner"
BUNDLED_EXAMPLE = "nrw-2016-2019.toml"
_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_dir() -> Path:
    """The bundled example scenarios: inside the wheel, or ``scenarios/`` in a checkout."""
    installed = _PACKAGE / "bundled_scenarios"
    return installed if installed.is_dir() else _PACKAGE.parent / "scenarios"


def bundled_example() -> Path:
    """The scenario the app opens when it is given none."""
    return bundled_dir() / BUNDLED_EXAMPLE


def is_bundled(path: Path) -> bool:
    """Bundled examples are templates: saving one stores a copy in the library."""
    return path.resolve().parent == bundled_dir().resolve()


def config_file() -> Path:
    """The user's config file (TOML)."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


class Settings(NamedTuple):
    """What the config file and the command line decide together.

    Attributes:
        own_library: The user's own scenario folder (platformdirs user data dir).
        shared: Team folders from ``--scenario-dir`` (repeatable) and the config file.
    """

    own_library: Path
    shared: tuple[Path, ...] = ()

    @property
    def trash(self) -> Path:
        """Where deleted scenarios wait, restorable: beside the user's own library."""
        return self.own_library.parent / "trash"

    @property
    def library(self) -> Path:
        """Where "save as" and "duplicate" write: the first team folder, else the user's own."""
        return self.shared[0] if self.shared else self.own_library


def _configured_folders(path: Path) -> list[Path]:
    try:
        config = tomli.loads(path.read_text(encoding="utf-8-sig"))
    except (tomli.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise ProblemsError(
            [Problem(str(path), "", texts.CONFIG_BROKEN.format(detail=error), texts.FIX_CONFIG)]
        ) from None
    configured = config.get("scenario_dir", [])
    folders = [configured] if isinstance(configured, str) else configured
    if not isinstance(folders, list) or not all(
        isinstance(folder, str) and folder.strip() for folder in folders
    ):
        raise ProblemsError(
            [Problem(str(path), "scenario_dir", texts.CONFIG_SCENARIO_DIR, texts.FIX_CONFIG)]
        )
    return [Path(folder).expanduser() for folder in folders]


def load_settings(scenario_dirs: Sequence[str] = ()) -> Settings:
    """Settings from the config file plus ``--scenario-dir`` folders (given first)."""
    data = Path(platformdirs.user_data_dir(APP_NAME))
    path = config_file()
    configured = _configured_folders(path) if path.is_file() else []
    shared = [Path(folder).expanduser() for folder in scenario_dirs] + configured
    unique = tuple(dict.fromkeys(shared))
    return Settings(own_library=data / "scenarios", shared=unique)


_UNSAFE = re.compile(r"[^a-z0-9._ -]+")


def file_name_for(name: str) -> str:
    """A safe file name for a scenario name: no folders, no hidden files, no control characters.

    ``"Variant extra couleur locale"`` -> ``"variant-extra-couleur-locale.toml"``.
    Raises ``ValueError`` (message for the user) when nothing usable is left.
    """
    if "/" in name or "\\" in name or ".." in name:
        raise ValueError(texts.SAVE_AS_NO_PATHS)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = _UNSAFE.sub("", folded).strip(" .-")
    slug = re.sub(r"[ ]+", "-", slug)
    if not slug:
        raise ValueError(texts.SAVE_AS_EMPTY)
    return f"{slug[:80]}.toml"
