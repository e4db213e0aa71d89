"""A team folder full of hostile files: what a careless or malicious colleague can plant.

    python tests/hostile.py DIR

Makes DIR (it must not exist yet) with one valid scenario, ``goed.toml``, and
beside it every kind of file that once crashed, hung or fooled a reader:
malformed, huge, deep, binary, FIFOs, devices behind links, loops, odd names,
a clock set to the year 2400, and planted editing notes and lock files. The
tests feed the folder to every reader and run the app on it; a person can
point the app at it too (``gebiedsplanner --scenario-dir DIR``).
"""

from __future__ import annotations

import json
import os
import socket
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = (ROOT / "scenarios" / "nrw-2016-2019.toml").read_text(encoding="utf-8")


def _replace(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)

    return make


def _link(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _many_broken_gebieden(path: Path) -> None:
    body = "".join(f'[gebied."g{n}"]\ncouleur_locale = "veel"\n' for n in range(30_000))
    path.write_text(GOOD + body, encoding="utf-8")


def _future(path: Path) -> None:
    path.write_text(GOOD, encoding="utf-8")
    year_2400 = 13_569_465_600
    os.utime(path, (year_2400, year_2400))


#: Each hostile scenario file, by name, and how to make it. None of them loads.
SCENARIOS: dict[str, Callable[[Path], None]] = {
    "binair.toml": _bytes(b"\x00\x01\x02\xff" * 1000),
    "leeg.toml": _bytes(b""),
    "spaties.toml": _text(" \n\t\n"),
    "alleen-bom.toml": _bytes(b"\xef\xbb\xbf"),
    "latin1.toml": _bytes(_replace("Centrum", "Centr\u00fcm").encode("latin-1")),
    "utf8-afgebroken.toml": _bytes(
        _replace("Centrum", "Centrüm").encode()[: GOOD.index("Centrum") + 5]
    ),
    "diep-lijsten.toml": _text("format = 1\nx = " + "[" * 50_000 + "]" * 50_000 + "\n"),
    "diep-tabellen.toml": _text("format = 1\nx = " + "{a=" * 50_000 + "1" + "}" * 50_000 + "\n"),
    "diep-koppen.toml": _text("format = 1\n[" + ".".join(["a"] * 50_000) + "]\n"),
    "getal-5000-cijfers.toml": _text(_replace("2017 = 122_000", "2017 = " + "9" * 5000)),
    "getal-4000-cijfers.toml": _text(_replace("2017 = 122_000", "2017 = " + "9" * 4000)),
    "jaar-breed.toml": _text(_replace("[envelope]\n", '[envelope]\n"２０１７" = 1\n')),
    "jaar-nieuwe-regel.toml": _text(_replace("[envelope]\n", '[envelope]\n"2017\\n" = 1\n')),
    "formaat-tekst.toml": _text(_replace("format = 1", 'format = "' + "x" * 100_000 + '"')),
    "lange-sleutel.toml": _text(
        _replace("[envelope]\n", "[envelope]\n" + "k" * 200_000 + " = 1\n")
    ),
    "logboek-groot.toml": _text(
        GOOD
        + '\n[[log]]\nwhen = 2026-01-01T00:00:00Z\nchanges = [{cell = "Noord/couleur_locale/2017",'
        f" old = 1, new = {'9' * 4000}}}]\n"
    ),
    "veel-fouten.toml": _many_broken_gebieden,
    "groot.toml": _sparse(40 * 1024 * 1024),
    "kringkoppeling.toml": _link("kringkoppeling.toml"),
    "loze-koppeling.toml": _link("bestaat-niet.toml"),
    "koppeling-naar-nul.toml": _link("/dev/zero"),
    "koppeling-naar-pijp.toml": _link("pijp.toml"),
    "map.toml": lambda path: path.mkdir(),
    "pijp.toml": lambda path: os.mkfifo(path),
    "\x1b[31mrood\x07.toml": _text("format = 9\n"),
    "[b]vet[@click=app.quit].toml": _text("format = 9\n"),
}

#: Files that load, among the hostile ones: what the library must still show.
LOADING = {
    "goed.toml": _text(GOOD),
    "toekomst.toml": _future,
}


def _note(folder: Path, name: str, data: object) -> None:
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


def _planted_notes_and_locks(folder: Path) -> None:
    """Editing notes beside ``goed.toml``, a lock file beside ``toekomst.toml``."""
    host = socket.gethostname()
    since = "2026-11-23T08:30:00+01:00"
    for pid in (10**30, -1, "12", 0):
        _note(
            folder,
            f".goed.toml.{host}.x{pid!s:.5}.editing",
            {"user": "x", "host": host, "pid": pid, "since": since},
        )
    (folder / ".goed.toml.diep.editing").write_text("[" * 100_000)
    os.mkfifo(folder / ".goed.toml.pijp.editing")
    (folder / ".goed.toml.nul.editing").symlink_to("/dev/zero")
    (folder / ".goed.toml.groot.editing").write_bytes(b" " * 100_000)
    (folder / ".toekomst.toml.lock").symlink_to(folder / "nieuw-door-slot")


def build(folder: Path) -> list[str]:
    """Make the hostile team folder; the names of the scenario files that must not load."""
    folder.mkdir(parents=True)
    for name, make in {**SCENARIOS, **LOADING}.items():
        make(folder / name)
    weird = os.fsencode(folder) + b"/\xff\xfeongeldig.toml"  # a name that is not UTF-8
    with open(weird, "wb") as handle:
        handle.write(b"format = 9\n")
    _planted_notes_and_locks(folder)
    return [*SCENARIOS, os.fsdecode(b"\xff\xfeongeldig.toml")]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("gebruik: python tests/hostile.py MAP (een map die nog niet bestaat)")
    for name in build(Path(sys.argv[1])):
        print(ascii(name))
