"""Attacks through files a colleague can plant: FIFOs, links, huge and deep input, odd names.

Each test is one finding of the adversarial run (issue 10): it failed on the
code before the fix and shows the fix as a user would see it.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gebiedsplanner.cli import main as cli
from gebiedsplanner.core.amount_entry import preview_entry
from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.core.scenario import Cell
from gebiedsplanner.editing import presence, storage
from gebiedsplanner.exports.csv_export import write_export
from gebiedsplanner.format import problem_collector
from gebiedsplanner.i18n import texts
from gebiedsplanner.library import catalog as library
from gebiedsplanner.settings import locations
from tests.conftest import BUNDLED, files_beside, save

CELL = Cell("Noord", "couleur_locale", 2017)
WHEN = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def within(seconds: float, action: Callable[[], object]) -> object:
    """Run ``action``; fail (instead of hanging the suite) when it blocks for ``seconds``."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as error:  # handed to the test below
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"blocked for more than {seconds} s"
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pijp.toml"
    os.mkfifo(path)
    yield path
    # Unblock a reader that a failing test left waiting.
    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK) if _has_reader(path) else None
    if fd is not None:
        os.close(fd)


def _has_reader(path: Path) -> bool:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        return False
    return True


def problems_of(action: Callable[[], object]) -> str:
    with pytest.raises(ProblemsError) as caught:
        within(10, action)
    return " ".join(str(problem) for problem in caught.value.problems)


# -- reading ---------------------------------------------------------------------


def test_a_fifo_as_scenario_is_refused_at_once(fifo: Path) -> None:
    assert "geen gewoon bestand" in problems_of(lambda: storage.load(fifo))


def test_validate_of_a_fifo_says_so(fifo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert within(10, lambda: cli.main(["validate", str(fifo)])) == 1
    assert "geen gewoon bestand" in capsys.readouterr().err


def test_the_library_lists_a_fifo_with_its_problem(fifo: Path) -> None:
    settings = locations.Settings(fifo.parent / "eigen", (fifo.parent,))
    entries = within(10, lambda: library.scan(settings))
    assert isinstance(entries, list)
    (entry,) = [entry for entry in entries if entry.path == fifo]
    assert entry.scenario is None and "geen gewoon bestand" in entry.status


def test_a_file_swapped_for_a_fifo_before_saving_is_a_problem(scenario_file: Path) -> None:
    document = storage.load(scenario_file)
    scenario_file.unlink()
    os.mkfifo(scenario_file)
    assert "geen gewoon bestand" in problems_of(lambda: save(document))


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    huge = tmp_path / "groot.toml"
    with huge.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    assert "groter dan 32 MB" in problems_of(lambda: storage.load(huge))


@pytest.mark.parametrize("opening", ["[", "{a="])
def test_toml_nested_ten_thousand_deep_is_a_problem(tmp_path: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    deep = tmp_path / "diep.toml"
    deep.write_text("format = 1\nx = " + opening * 10_000 + "1" + closing * 10_000 + "\n")
    assert "400 niveaus" in problems_of(lambda: storage.load(deep))


@pytest.mark.parametrize("where", ["2017 = 122_000", "min_gebiedsopdracht = 300_000"])
def test_an_integer_of_5000_digits_in_a_file_is_a_problem_with_its_line(
    scenario_file: Path, where: str
) -> None:
    text = scenario_file.read_text()
    line = text[: text.index(where)].count("\n") + 1
    scenario_file.write_text(text.replace(where, where.split(" = ")[0] + " = " + "9" * 5000, 1))
    problems = problems_of(lambda: storage.load(scenario_file))
    assert f"regel {line}: een getal van duizenden cijfers" in problems


def test_an_integer_of_4000_digits_is_too_large_not_a_crash(scenario_file: Path) -> None:
    text = scenario_file.read_text().replace("2017 = 122_000", "2017 = " + "9" * 4000, 1)
    scenario_file.write_text(text)
    assert "tikfout" in problems_of(lambda: storage.load(scenario_file))


def test_5000_digits_on_the_command_line_are_refused(
    scenario_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        [
            "move",
            str(scenario_file),
            "--from",
            "Noord/gebiedsopdracht/2017",
            "--to",
            "Noord/couleur_locale/2017",
            "--amount",
            "9" * 5000,
        ]
    )
    assert code == 1 and "tikfout" in capsys.readouterr().err


@pytest.mark.parametrize("typed", ["9" * 5000, "+" + "9" * 5000, "-" + "9" * 5000 + "%"])
def test_5000_digits_pasted_into_the_edit_line_are_refused(typed: str) -> None:
    preview = preview_entry(CELL, 100, typed)
    assert preview.new is None and preview.error


@pytest.mark.parametrize("key", ['"２０１７"', '"2017\\n"', '" 2017"', '"2017 "'])
def test_a_year_key_is_exactly_four_ascii_digits(scenario_file: Path, key: str) -> None:
    """A second key for 2017 must not silently replace the envelope's 2017."""
    text = scenario_file.read_text().replace("[envelope]\n", f"[envelope]\n{key} = 1\n", 1)
    scenario_file.write_text(text)
    assert "geen jaartal" in problems_of(lambda: storage.load(scenario_file))


def test_thousands_of_problems_are_reported_quickly_and_counted(tmp_path: Path) -> None:
    body = "".join(
        f"[gebied.g{n}]\ncouleur_locale = 1\ngebiedsopdracht = 1\ntaakstelling = 1\n"
        for n in range(20_000)
    )
    broken = tmp_path / "veel.toml"
    broken.write_text(
        'format = 1\nname = "x"\n[envelope]\n2017 = 1\n[taakstelling]\n2017 = 0\n' + body
    )
    with pytest.raises(ProblemsError) as caught:
        within(20, lambda: storage.load(broken))
    problems = caught.value.problems
    assert len(problems) == problem_collector.MAX_PROBLEMS + 1
    assert "en nog 59900 problemen" in problems[-1].message


def test_an_editing_note_with_an_absurd_pid_is_ignored(scenario_file: Path) -> None:
    host = socket.gethostname()
    for pid in (10**30, -1, 0, "12", 2**22 + 1):
        note = scenario_file.parent / f".nrw.toml.{host}.{pid}.editing"
        since = "2026-11-23T08:30:00+01:00"
        note.write_text(json.dumps({"user": "x", "host": host, "pid": pid, "since": since}))
    (scenario_file.parent / ".nrw.toml.diep.editing").write_text("[" * 100_000)
    assert presence.others(scenario_file) == []


def test_a_nul_in_the_configured_scenario_dir_is_a_problem_naming_the_config() -> None:
    config = locations.config_file()
    config.parent.mkdir(parents=True)
    config.write_text('scenario_dir = "/srv/team\\u0000/x"\n')
    with pytest.raises(ProblemsError) as caught:
        locations.load_settings()
    assert caught.value.problems[0].file == str(config)
    assert "scenario_dir" in str(caught.value.problems[0])


def test_a_fifo_as_config_file_is_a_problem_not_a_hang() -> None:
    config = locations.config_file()
    config.parent.mkdir(parents=True)
    os.mkfifo(config)
    with pytest.raises(ProblemsError, match="geen gewoon bestand"):
        within(10, locations.load_settings)


# -- writing ---------------------------------------------------------------------


def edited(path: Path) -> storage.ScenarioDocument:
    document = storage.load(path)
    document.scenario.set_amount(CELL, 123_456, who="a", when=WHEN)
    return document


def test_saving_through_a_link_writes_the_target_and_keeps_the_link(
    scenario_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "team-link.toml"
    link.symlink_to(scenario_file)
    save(edited(link))
    assert link.is_symlink() and link.resolve() == scenario_file
    assert storage.load(scenario_file).scenario.amount(CELL) == 123_456


def test_move_on_the_command_line_through_a_link_writes_the_target(
    scenario_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "team-link.toml"
    link.symlink_to(scenario_file)
    args = ["move", str(link), "--from", "Noord/gebiedsopdracht/2017"]
    code = cli.main([*args, "--to", "Noord/couleur_locale/2017", "--amount", "1.000"])
    assert code == 0, capsys.readouterr().err
    assert link.is_symlink()
    assert storage.load(scenario_file).scenario.log[-1].changes[0].cell.owner == "Noord"


def test_a_link_planted_at_the_old_temp_name_is_never_followed(
    scenario_file: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("mijn werk")
    planted = scenario_file.parent / f".{scenario_file.name}.{os.getpid()}.tmp"
    planted.symlink_to(victim)
    save(edited(scenario_file))
    assert victim.read_text() == "mijn werk"
    assert not scenario_file.is_symlink()
    assert storage.load(scenario_file).scenario.amount(CELL) == 123_456


def test_a_link_at_the_temp_name_chosen_is_skipped_not_followed(
    scenario_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a colleague who guesses the random name cannot make the save write through it."""
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("mijn werk")
    names = iter(["geraden", "geraden", "anders"])
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: names)
    (scenario_file.parent / f".{scenario_file.name}.geraden.tmp").symlink_to(victim)
    save(edited(scenario_file))
    assert victim.read_text() == "mijn werk"
    assert storage.load(scenario_file).scenario.amount(CELL) == 123_456


def test_a_lock_file_planted_as_a_link_creates_nothing_elsewhere(
    scenario_file: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "nieuw-bestand"
    storage.lock_path(scenario_file).symlink_to(elsewhere)
    assert "koppeling" in problems_of(lambda: save(edited(scenario_file)))
    assert not elsewhere.exists()


def test_a_lock_file_planted_as_a_fifo_is_a_problem_not_a_hang(scenario_file: Path) -> None:
    os.mkfifo(storage.lock_path(scenario_file))
    assert "slot" in problems_of(lambda: save(edited(scenario_file)))


def test_a_link_planted_in_place_of_an_open_scenario_makes_nothing_beside_its_target(
    scenario_file: Path, tmp_path: Path
) -> None:
    """Put in the file's place after it was opened, a link leading nowhere or to a pipe
    (as one to ``/dev/zero``): the save says the file is gone and makes no lock there."""
    document = edited(scenario_file)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    os.mkfifo(elsewhere / "pijp")
    for target in (elsewhere / "created.toml", elsewhere / "pijp"):
        scenario_file.unlink()
        scenario_file.symlink_to(target)
        result = within(
            10,
            lambda: storage.write_unless_changed(
                scenario_file, b"x", document.loaded_digest, document.real
            ),
        )
        assert isinstance(result, storage.Vanished)
    assert os.listdir(elsewhere) == ["pijp"]


def test_move_through_a_link_to_nothing_or_a_pipe_makes_nothing_there(
    scenario_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    os.mkfifo(elsewhere / "pijp")
    link = tmp_path / "plan.toml"
    args = ["move", str(link), "--from", "Noord/gebiedsopdracht/2017",
            "--to", "Noord/couleur_locale/2017", "--amount", "1.000"]
    for target, said in ((elsewhere / "nieuw.toml", "bestaat niet"),
                         (elsewhere / "pijp", "geen gewoon bestand")):
        link.unlink(missing_ok=True)
        link.symlink_to(target)
        assert within(10, lambda: cli.main(args)) == 1
        assert said in capsys.readouterr().err
    assert os.listdir(elsewhere) == ["pijp"]


def test_our_editing_note_is_never_written_through_a_planted_link(
    scenario_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("mijn werk")
    monkeypatch.setattr(presence.secrets, "token_hex", lambda n: "geraden")
    host = socket.gethostname()
    planted = scenario_file.parent / f".nrw.toml.{host}.{os.getpid()}.geraden.editing"
    planted.symlink_to(victim)
    assert presence.announce(scenario_file) is None
    assert victim.read_text() == "mijn werk"


# -- exports -----------------------------------------------------------------------


def test_an_export_never_replaces_a_scenario_file(scenario_file: Path) -> None:
    before = scenario_file.read_bytes()
    for target in (scenario_file, scenario_file.with_suffix(".TOML")):
        with pytest.raises(ProblemsError, match="scenariobestand"):
            write_export(target, b"a,b\n", overwrite=True)
    text = before.decode()
    for number, disguise in enumerate(
        (
            before,
            b"\xef\xbb\xbf" + before,  # a BOM, which the reader accepts
            text.replace("format = 1", '"format" = 1').encode(),
            text.replace("[envelope]", "[ envelope ]").encode(),
            text.replace("format = 1", '"\\u0066ormat" = 1').encode(),
            text.replace('description = "', 'description = "' + "lang " * 20_000).encode(),
        )
    ):
        disguised = scenario_file.with_name(f"plan-{number}.csv")
        disguised.write_bytes(disguise)
        storage.load(disguised)  # it is a scenario
        with pytest.raises(ProblemsError, match="scenariobestand"):
            write_export(disguised, b"a,b\n", overwrite=True)
        assert disguised.read_bytes() == disguise
    assert scenario_file.read_bytes() == before


def test_the_command_line_never_exports_over_the_scenario(
    scenario_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = scenario_file.read_bytes()
    code = cli.main(["export", str(scenario_file), "-o", str(scenario_file)])
    assert code == 1 and "scenariobestand" in capsys.readouterr().err
    code = cli.main(["compare", str(BUNDLED), str(scenario_file), "-o", str(scenario_file)])
    assert code == 1 and "scenariobestand" in capsys.readouterr().err
    assert scenario_file.read_bytes() == before


def test_an_export_never_writes_through_a_link(tmp_path: Path) -> None:
    victim = tmp_path / "slachtoffer.txt"
    victim.write_text("mijn werk")
    link = tmp_path / "plan.csv"
    link.symlink_to(victim)
    with pytest.raises(ProblemsError, match="koppeling"):
        write_export(link, b"a,b\n", overwrite=True)
    assert victim.read_text() == "mijn werk" and link.is_symlink()


def test_no_export_writes_the_lock_or_any_hidden_file_beside_a_scenario(
    scenario_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export over ``.plan.toml.lock`` would put a new inode in the lock's place, and
    two writers would no longer exclude each other: a hidden name is never an export's."""
    lock = storage.lock_path(scenario_file.resolve())
    with storage.write_lock(scenario_file):
        pass
    made = os.stat(lock)
    code = cli.main(["export", str(scenario_file), "-o", str(lock)])
    assert code == 1 and "verborgen bestand" in capsys.readouterr().err
    code = cli.main(["compare", str(BUNDLED), str(scenario_file), "-o", str(lock)])
    assert code == 1 and "verborgen bestand" in capsys.readouterr().err
    with pytest.raises(ProblemsError, match="verborgen"):
        write_export(scenario_file.parent / ".plan.csv", b"a\n", overwrite=True)
    assert os.stat(lock).st_ino == made.st_ino and lock.read_bytes() == b""
    assert not (scenario_file.parent / ".plan.csv").exists()


def test_a_lock_replaced_before_it_is_taken_is_taken_again(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between opening the lock file and locking it, something writes over it: the
    writer must end up holding the lock that the path names, the one others will take."""
    import fcntl

    lock = storage.lock_path(scenario_file.resolve())
    open_lock = storage._open_lock
    replaced = []

    def replaced_once_opened(folder: int, real: Path) -> int:
        fd = open_lock(folder, real)
        if not replaced:
            other = lock.with_name("other")
            other.write_text("a CSV, say")
            os.replace(other, lock)
            replaced.append(True)
        return fd

    monkeypatch.setattr(storage, "_open_lock", replaced_once_opened)
    with storage.write_lock(scenario_file):
        assert replaced
        with open(lock, "rb") as other_writer, pytest.raises(BlockingIOError):
            fcntl.flock(other_writer, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_a_lock_replaced_again_and_again_is_given_up_at_the_deadline(
    scenario_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Something replaces the lock file every time it is taken: the writer says the
    file is busy once its patience is up, never loops for ever."""
    monkeypatch.setattr(storage, "_still_named", lambda *_: False)

    def take() -> None:
        with storage.write_lock(scenario_file, wait=0.2):
            pass

    with pytest.raises(ProblemsError) as caught:
        within(10, take)
    assert caught.value.problems[0].message == texts.LOCK_BUSY


def test_an_export_asks_before_replacing_and_replaces_only_when_told(tmp_path: Path) -> None:
    out = tmp_path / "plan.csv"
    assert write_export(out, b"eerste\n", overwrite=False)
    assert not write_export(out, b"tweede\n", overwrite=False)
    assert out.read_bytes() == b"eerste\n"
    assert write_export(out, b"tweede\n", overwrite=True)
    assert out.read_bytes() == b"tweede\n"
    assert files_beside(out) == ["plan.csv"]


def test_an_unknown_user_after_a_tilde_is_a_problem_not_a_crash() -> None:
    config = locations.config_file()
    config.parent.mkdir(parents=True)
    config.write_text('scenario_dir = "~geenzogebruiker/team"\n')
    with pytest.raises(ProblemsError, match="onbekend") as caught:
        locations.load_settings()
    assert caught.value.problems[0].file == str(config)
    config.unlink()
    with pytest.raises(ProblemsError, match="onbekend"):
        locations.load_settings(["~geenzogebruiker/team"])


def test_the_default_export_folder_survives_a_removed_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "weg"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert locations.export_folder() == Path.home()


@pytest.mark.parametrize("stem", ["😀" * 60, "a" * 245])
def test_a_file_with_a_name_near_the_limit_saves_in_place_with_a_note_beside_it(
    tmp_path: Path, stem: str
) -> None:
    path = tmp_path / f"{stem}.toml"
    path.write_bytes(BUNDLED.read_bytes())
    note = presence.announce(path)
    assert note is not None and note.exists()
    save(edited(path))
    assert storage.load(path).scenario.amount(CELL) == 123_456
    presence.withdraw(note)


def test_a_relative_path_survives_a_removed_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gebiedsplanner.disk.reading import real_path

    gone = tmp_path / "weg"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert real_path(Path("../plan.toml")) == Path("../plan.toml")


@pytest.mark.parametrize("name", ["Begroting 2016/2019", "Plan 2016..2019", "€€€"])
def test_an_export_of_a_scenario_named_with_slashes_is_offered_a_plain_name(name: str) -> None:
    assert locations.export_name(name) == "plan.csv"
