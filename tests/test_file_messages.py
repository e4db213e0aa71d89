"""What a problem with a file says fits that file, in both languages.

Found with ``ssh-serve``: an authorized-keys file that was a FIFO was told to "choose a
scenario file", a missing one that "the folder does not exist", and a host key behind
a symbolic link that it was "a loop of symbolic links". Each test failed on the code
before the fix; the scenario tests show scenarios keep their own advice.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import get_args

import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.core.problems import Problem, ProblemsError
from gebiedsplanner.disk import crash_log
from gebiedsplanner.disk.reading import FileKind
from gebiedsplanner.editing import storage
from gebiedsplanner.i18n import language, texts
from gebiedsplanner.ssh import keys as ssh_keys
from gebiedsplanner.ssh.advisers import read_advisers
from gebiedsplanner.ssh.keys import KeyFile, host_key
from gebiedsplanner.ssh.logbook import Logbook
from tests.conftest import BUNDLED
from tests.test_attacks_on_files import within

#: What the fixes for the authorized-keys file name, in either language.
KEYS_FILE = "authorized_keys"


@pytest.fixture(params=language.LANGUAGES)
def lang(request: pytest.FixtureRequest) -> str:
    """Each test once in Dutch and once in English (switched back after it)."""
    language.use(request.param)
    return str(request.param)


def problem_of(action: Callable[[], object]) -> Problem:
    """The one problem ``action`` raises (within 10 s: a FIFO is never waited on)."""
    with pytest.raises(ProblemsError) as caught:
        within(10, action)
    (problem,) = caught.value.problems
    return problem


def keys_problems(path: Path) -> list[Problem]:
    """What reading ``path`` as the authorized-keys file says, both ways ssh-serve reads it."""
    log = Logbook(crash_log.log_dir())
    return [problem_of(lambda: read_advisers(path)), problem_of(lambda: KeyFile(path, log))]


def fits_a_keys_file(problem: Problem) -> bool:
    return KEYS_FILE in problem.fix and "scenario" not in problem.message + problem.fix


def test_a_keys_file_that_is_a_fifo_is_no_scenario(lang: str, tmp_path: Path) -> None:
    fifo = tmp_path / "keys"
    os.mkfifo(fifo)
    for problem in keys_problems(fifo):
        assert problem.message == texts.FILE_NOT_REGULAR
        assert fits_a_keys_file(problem), problem


def test_a_missing_keys_file_is_a_missing_file_not_a_missing_folder(
    lang: str, tmp_path: Path
) -> None:
    for problem in keys_problems(tmp_path / "keys"):
        assert problem.message == texts.FILE_MISSING != texts.FOLDER_MISSING
        assert fits_a_keys_file(problem), problem


def test_a_keys_file_in_a_missing_folder_says_the_folder_is_missing(
    lang: str, tmp_path: Path
) -> None:
    for problem in keys_problems(tmp_path / "weg" / "keys"):
        assert problem.message == texts.FOLDER_MISSING
        assert problem.fix == texts.FIX_READ_FOLDER_MISSING  # not "create the folder first"


def test_a_keys_file_that_is_a_folder_asks_for_the_file_in_it(lang: str, tmp_path: Path) -> None:
    problem = problem_of(lambda: read_advisers(tmp_path))
    assert problem.message == texts.FILE_IS_DIR
    assert fits_a_keys_file(problem) and ".toml" not in problem.fix


@pytest.mark.parametrize("words", [[], ["--lang", "en"]])
def test_ssh_serve_with_a_fifo_for_keys_says_so_and_stops(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, words: list[str]
) -> None:
    fifo = tmp_path / "keys"
    os.mkfifo(fifo)
    args = [*words, "ssh-serve", "--port", "0", "--authorized-keys", str(fifo)]
    assert within(30, lambda: main(args)) == 1
    said = capsys.readouterr().err
    assert texts.FILE_NOT_REGULAR in said and KEYS_FILE in said
    assert "scenario" not in said and "Traceback" not in said


def test_a_host_key_behind_a_link_is_refused_as_a_link_not_as_a_loop(
    lang: str, tmp_path: Path
) -> None:
    real = tmp_path / "host_key"
    real.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    link = tmp_path / "link"
    link.symlink_to(real)
    problem = problem_of(lambda: host_key(link, Logbook(tmp_path)))
    assert problem.message == texts.FILE_IS_LINK
    assert problem.fix == texts.FIX_FILE_IS_LINK
    assert texts.SYMLINK_LOOP not in (problem.message, problem.fix)


def test_a_host_key_too_large_names_its_limit_in_kilobytes(lang: str, tmp_path: Path) -> None:
    huge = tmp_path / "host_key"
    huge.write_bytes(b"x" * (65 * 1024))
    problem = problem_of(lambda: host_key(huge, Logbook(tmp_path)))
    assert "64 KB" in problem.message and "0 MB" not in problem.message
    assert "scenario" not in problem.fix and "OpenSSH" in problem.fix


def test_a_scenario_keeps_advice_about_scenarios(lang: str, tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.toml"
    os.mkfifo(fifo)
    not_regular = problem_of(lambda: storage.load(fifo))
    assert not_regular.message == texts.FILE_NOT_REGULAR and "scenario" in not_regular.fix
    missing = problem_of(lambda: storage.load(tmp_path / "weg.toml"))
    assert missing.message == texts.FILE_MISSING and "scenario" in missing.fix
    folder = problem_of(lambda: storage.load(tmp_path))
    assert folder.message == texts.FILE_IS_DIR and ".toml" in folder.fix
    in_no_folder = problem_of(lambda: storage.load(tmp_path / "weg" / "plan.toml"))
    assert in_no_folder.message == texts.FOLDER_MISSING
    assert in_no_folder.fix == texts.FIX_READ_FOLDER_MISSING


def test_a_loop_of_links_is_still_a_loop(lang: str, tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    assert problem_of(lambda: storage.load(loop)).message == texts.SYMLINK_LOOP


def test_every_kind_of_file_has_its_words_in_both_languages() -> None:
    kinds = set(get_args(FileKind))
    for name in ("nl", "en"):
        language.use(name)
        assert set(texts.FILE_KINDS) == kinds


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_a_host_key_that_cannot_be_made_gets_no_advice_about_saving_on_screen(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Not "save as" nor "your changes are still on screen": ssh-serve has neither."""

    def refused(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(ssh_keys, "create_exclusive", refused)
    problem = problem_of(lambda: ssh_keys.host_key(None, Logbook(tmp_path)))
    assert problem.message in (texts.DISK_FULL, texts.FOLDER_NOT_WRITABLE)
    said = problem.fix.casefold()
    assert not any(word in said for word in ("opslaan als", "scherm", "save as", "screen"))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_a_scenario_saved_as_utf16_is_called_utf16_with_how_to_save_it_as_utf8(
    lang: str, tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Notepad and PowerShell may save UTF-16 (with a byte order mark, or without):
    "binary" would send the adviser looking for the wrong file."""
    plan = tmp_path / "plan.toml"
    plan.write_bytes(BUNDLED.read_text(encoding="utf-8").encode(encoding))
    problem = problem_of(lambda: storage.load(plan))
    assert (problem.message, problem.fix) == (texts.FILE_UTF16, texts.FIX_UTF8)
    assert main(["--lang", lang, "validate", str(plan)]) == 1
    assert texts.FILE_UTF16 in capsys.readouterr().err
    binary = tmp_path / "binair.toml"
    binary.write_bytes(b"\x00\x01\x02\xff" * 1000)
    assert problem_of(lambda: storage.load(binary)).message == texts.FILE_BINARY
