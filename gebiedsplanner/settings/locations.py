"""Where scenarios live: the bundled examples, the user's library and the config file.

The library folder is the platformdirs user data dir unless ``--scenario-dir``
or ``scenario_dir`` in the config file points at a shared team folder.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from gebiedsplanner import APP_NAME
from gebiedsplanner.core.literal import literal
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.core.rights import EVERYTHING, Rights
from gebiedsplanner.disk.reading import read_untrusted, real_path
from gebiedsplanner.format.toml_text import decode, describe_value, load_toml
from gebiedsplanner.i18n import texts
from gebiedsplanner.i18n.language import LANGUAGES

BUNDLED_EXAMPLE = "nrw-2016-2019.toml"
#: The environment variable in which ``ssh-serve`` tells a session's planner where the
#: adviser's connection reached it, ``HOST PORT``: its export dialog names them in the
#: ssh command that fetches the export (:mod:`gebiedsplanner.exports.fetching`).
SERVED_AT = "GEBIEDSPLANNER_SERVED_AT"
_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_dir() -> Path:
    """The bundled example scenarios: inside the wheel, or ``scenarios/`` in a checkout."""
    installed = _PACKAGE / "bundled_scenarios"
    return installed if installed.is_dir() else _PACKAGE.parent / "scenarios"


def bundled_example() -> Path:
    """The scenario the app opens when it is given none."""
    return bundled_dir() / BUNDLED_EXAMPLE


def scenario_path(text: str) -> Path:
    """The file a command-line argument names: a path, or a scenario by its short name
    (``nrw-2016-2019``, ``basis``): a bundled example, which a user who installed with
    pip cannot easily find, or a scenario in the library (the user's own folder and the
    team folders of the config file), as the library lists it.

    A file of that name in the working folder comes first, then the bundled examples,
    then the library. A short name that is none of these is refused with the nearest
    known names (:func:`nearest_names`); a path is left for reading to say what is wrong.
    """
    path = Path(text)
    if os.path.lexists(path) or os.sep in text or (os.altsep and os.altsep in text):
        return path
    file_name = text if text.endswith(".toml") else f"{text}.toml"
    for folder in (bundled_dir(), *library_folders()):
        candidate = folder / file_name
        try:
            if candidate.is_file():
                return candidate
        except OSError:  # a name no file can have (too long): reading it says so
            return path
    names = nearest_names(text)
    fix = (
        texts.FIX_SCENARIO_NEAREST.format(names=_either(names))
        if names
        else texts.FIX_FILE_MISSING.format(kind=texts.FILE_KINDS["scenario"])
    )
    raise ProblemsError([Problem(str(path), "", texts.FILE_MISSING, fix)])


def library_folders() -> tuple[Path, ...]:
    """The library's folders whose scenarios a short name finds: the team folders of
    the config file, then the user's own (none of the config file when it is broken:
    that is said where the config matters, not where a name is looked up)."""
    try:
        return load_settings().save_folders
    except ProblemsError:
        return (Path(platformdirs.user_data_dir(APP_NAME)) / "scenarios",)


#: How many files of one folder are looked at for names: a folder of a million files
#: is not a library, and a name is not worth a long wait.
_NAMES_PER_FOLDER = 10_000


def scenario_names() -> list[str]:
    """Every short name :func:`scenario_path` finds, bundled examples first (a name in
    two folders once: the first folder's, as :func:`scenario_path` takes it)."""
    found: dict[str, None] = {}
    for folder in (bundled_dir(), *library_folders()):
        try:
            with os.scandir(folder) as entries:
                for _, entry in zip(range(_NAMES_PER_FOLDER), entries, strict=False):
                    name = entry.name
                    if name.endswith(".toml") and not name.startswith(".") and name.isprintable():
                        found[name.removesuffix(".toml")] = None
        except OSError:  # a team folder that is gone or not ours to read: no names
            continue
    return list(found)


def nearest_names(text: str, most: int = 3) -> list[str]:
    """The known short names nearest to ``text``: those it begins (``nrw`` for
    ``nrw-2016-2019``), then those it is close to (a typo), at most ``most``."""
    import difflib  # only for a name that is none

    names = scenario_names()
    typed = text.removesuffix(".toml").casefold()
    folded = {name.casefold(): name for name in names}
    starting = [name for name in names if typed and name.casefold().startswith(typed)]
    close = difflib.get_close_matches(typed, list(folded), n=most, cutoff=0.6)
    nearest = dict.fromkeys([*starting, *(folded[name] for name in close)])
    return list(nearest)[:most]


def _either(names: list[str]) -> str:
    """``'a'``, ``'a' of 'b'``, ``'a', 'b' of 'c'`` in the language of the moment."""
    quoted = [f"'{literal(name)}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return texts.EITHER.format(first=", ".join(quoted[:-1]), last=quoted[-1])


def is_bundled(path: Path) -> bool:
    """Bundled examples are templates: saving one stores a copy in the library."""
    return real_path(path).parent == real_path(bundled_dir())


def served_at(environment: dict[str, str]) -> tuple[str, int] | None:
    """Where ``ssh-serve`` says the adviser's connection reached it (:data:`SERVED_AT`
    in ``environment``), or ``None``."""
    host, _, port = environment.get(SERVED_AT, "").partition(" ")
    if not host or not port.isdigit() or not host.isprintable() or " " in host:
        return None
    return host, int(port)


def config_file() -> Path:
    """The user's config file (TOML)."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


class Settings(NamedTuple):
    """What the config file and the command line decide together.

    Attributes:
        own_library: The user's own scenario folder (platformdirs user data dir).
        shared: Team folders from ``--scenario-dir`` (repeatable) and the config file.
        theme: ``theme`` in the config file (the one last chosen in the app), as text;
            whether it is a theme the app knows is the app's to say.
        rights: What this session may change (``--read-only``, ``--may-change``).
        confined: Files are written only into :attr:`save_folders` (``--confined``: an
            adviser served over SSH writes nothing elsewhere on the server).
        served_at: The host and port the adviser's connection to ``ssh-serve``
            reached (:data:`SERVED_AT`); ``None``: not served over SSH.
    """

    own_library: Path
    shared: tuple[Path, ...] = ()
    theme: str | None = None
    rights: Rights = EVERYTHING
    confined: bool = False
    served_at: tuple[str, int] | None = None

    @property
    def trash(self) -> Path:
        """Where deleted scenarios wait, restorable: beside the user's own library."""
        return self.own_library.parent / "trash"

    @property
    def library(self) -> Path:
        """Where "save as" and "duplicate" write: the first team folder, else the user's own."""
        return self.shared[0] if self.shared else self.own_library

    @property
    def save_folders(self) -> tuple[Path, ...]:
        """Every folder "save as" and "duplicate" can write to, :attr:`library` first."""
        return tuple(dict.fromkeys((self.library, *self.shared, self.own_library)))

    @property
    def export_folders(self) -> tuple[Path, ...]:
        """Where exports may go when :attr:`confined`: the scenario folders, or only the
        user's own library when they may change nothing (they write nothing in a team's
        folder, not even a CSV)."""
        return (self.own_library,) if self.rights.read_only else self.save_folders

    @property
    def export_folder(self) -> Path:
        """Where an export goes by default: the first of :attr:`export_folders` when
        :attr:`confined`, else the working folder (home when that is gone)."""
        return self.export_folders[0] if self.confined else export_folder()

    def may_open(self, real: Path) -> bool:
        """Whether the planner may edit the file that really is at ``real``: any, or when
        :attr:`confined`, only one in :attr:`save_folders` or a bundled example (a link
        put in a team folder's file's place after the library was read leads nowhere
        else: its target is neither shown nor written)."""
        if not self.confined:
            return True
        folders = (*self.save_folders, bundled_dir())
        return any(real.parent == real_path(folder) for folder in folders)

    def may_write_to(self, path: Path) -> bool:
        """Whether an export may go to ``path``: anywhere, or when :attr:`confined`, only
        into one of :attr:`export_folders` (compared as real paths: no link leads out)."""
        if not self.confined:
            return True
        folder = real_path(path.parent)
        return any(folder == real_path(allowed) for allowed in self.export_folders)


#: A config file is a few lines; a larger one is not ours.
CONFIG_LIMIT = 1024 * 1024


def read_config_bytes(path: Path, *, follow_links: bool = True) -> bytes:
    """The config file's bytes; what is wrong with it (a FIFO, too large) says to fix it."""
    try:
        return read_untrusted(path, CONFIG_LIMIT, kind="config", follow_links=follow_links)
    except ProblemsError as error:
        raise _config_problems(error) from None


def _config_problems(error: ProblemsError) -> ProblemsError:
    return ProblemsError([problem._replace(fix=texts.FIX_CONFIG) for problem in error.problems])


def _read_config(path: Path) -> dict[str, Any]:
    raw = read_config_bytes(path)
    try:
        return load_toml(str(path), decode(str(path), raw)) if raw.strip() else {}
    except ProblemsError as error:
        raise _config_problems(error) from None


def configured_language() -> str | None:
    """``lang`` from the config file (``None`` without one); any other value is a problem."""
    path = config_file()
    if not os.path.lexists(path):
        return None
    chosen = _read_config(path).get("lang")
    if chosen is None or chosen in LANGUAGES:
        return chosen
    found = texts.CONFIG_LANG.format(found=describe_value(chosen))
    raise ProblemsError([Problem(str(path), "lang", found, texts.FIX_CONFIG_LANG)])


def _configured_folders(path: Path, config: dict[str, Any]) -> list[Path]:
    configured = config.get("scenario_dir", [])
    folders = [configured] if isinstance(configured, str) else configured
    if not isinstance(folders, list) or not all(_usable_folder(folder) for folder in folders):
        raise ProblemsError(
            [Problem(str(path), "scenario_dir", texts.CONFIG_SCENARIO_DIR, texts.FIX_CONFIG)]
        )
    return [_folder(folder, str(path), "scenario_dir") for folder in folders]


def expand_home(text: str) -> Path | None:
    """``~/team`` or ``~anna/team`` with the home folder filled in; ``None`` for an
    unknown user (``Path.expanduser`` raises for that)."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        return None


def _folder(text: str, where: str, place: str) -> Path:
    folder = expand_home(text)
    if folder is None:
        unknown = texts.UNKNOWN_HOME.format(text=text)
        raise ProblemsError([Problem(where, place, unknown, texts.FIX_UNKNOWN_HOME)])
    return folder


def export_name(name: str) -> str:
    """The file an export of scenario ``name`` is offered as: ``plan.csv`` when the name
    has nothing a file name can use (slashes, no letters)."""
    try:
        return file_name_for(name).removesuffix(".toml") + ".csv"
    except ValueError:
        return texts.EXPORT_FILE


def export_folder() -> Path:
    """Where an export goes by default: the working folder, or home when that is gone."""
    try:
        return Path.cwd()
    except OSError:  # the folder the app was started in was removed meanwhile
        return Path.home()


def _usable_folder(folder: object) -> bool:
    """A folder name: text, not blank, no control characters (a NUL cannot be a path)."""
    return isinstance(folder, str) and bool(folder.strip()) and folder.isprintable()


def load_settings(scenario_dirs: Sequence[str] = ()) -> Settings:
    """Settings from the config file plus ``--scenario-dir`` folders (given first)."""
    data = Path(platformdirs.user_data_dir(APP_NAME))
    path = config_file()
    config = _read_config(path) if os.path.lexists(path) else {}
    configured = _configured_folders(path, config)
    shared = [_folder(folder, folder, "--scenario-dir") for folder in scenario_dirs] + configured
    unique = tuple(dict.fromkeys(shared))
    theme = config.get("theme")
    return Settings(
        own_library=data / "scenarios",
        shared=unique,
        theme=None if theme is None else str(theme),
    )


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
