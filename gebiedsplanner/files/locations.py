"""Where scenarios live: the bundled examples, the user's library and the config file.

The library folder is the platformdirs user data dir unless ``--scenario-dir``
or ``scenario_dir`` in the config file points at a shared team folder.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import platformdirs

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


@dataclass(frozen=True, slots=True)
class Settings:
    """What the config file and the command line decide together."""

    library: Path


def load_settings(scenario_dir: str | None = None) -> Settings:
    """Settings from the config file, overridden by ``--scenario-dir``."""
    library = Path(platformdirs.user_data_dir(APP_NAME)) / "scenarios"
    path = config_file()
    if path.is_file():
        try:
            config = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
            raise ProblemsError(
                [Problem(str(path), "", texts.CONFIG_BROKEN.format(detail=error), texts.FIX_CONFIG)]
            ) from None
        configured = config.get("scenario_dir")
        if configured is not None:
            if not isinstance(configured, str) or not configured.strip():
                raise ProblemsError(
                    [
                        Problem(
                            str(path), "scenario_dir", texts.CONFIG_SCENARIO_DIR, texts.FIX_CONFIG
                        )
                    ]
                )
            library = Path(configured).expanduser()
    if scenario_dir:
        library = Path(scenario_dir).expanduser()
    return Settings(library=library)


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
