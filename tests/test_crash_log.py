"""The crash log: a new private file per crash, never an existing one or a symlink's target."""

from __future__ import annotations

from datetime import UTC, datetime

from gebiedsplanner.disk import crash_log

WHEN = datetime(2026, 11, 23, 9, 0, 5, tzinfo=UTC)


def failure() -> BaseException:
    try:
        raise ValueError("kapot")
    except ValueError as error:
        return error


def test_the_log_holds_the_traceback_in_a_private_file_in_a_new_folder() -> None:
    path = crash_log.write(crash_log.describe(failure()), when=WHEN)
    assert path.parent == crash_log.log_dir()
    assert path.name.startswith("crash-20261123-090005-") and path.suffix == ".log"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert 'raise ValueError("kapot")' in text and text.endswith("ValueError: kapot\n")


def test_a_second_crash_in_the_same_second_gets_a_file_of_its_own() -> None:
    first = crash_log.write("eerste\n", when=WHEN)
    second = crash_log.write("tweede\n", when=WHEN)
    assert first != second and second.name == first.name.replace(".log", "-2.log")
    assert first.read_text().endswith("eerste\n") and second.read_text().endswith("tweede\n")


def test_a_symlink_planted_at_the_name_is_not_written_through() -> None:
    first = crash_log.write("eerste\n", when=WHEN)
    victim = first.parent / "victim"
    victim.write_text("onaangetast")
    first.with_name(first.name.replace(".log", "-2.log")).symlink_to(victim)
    third = crash_log.write("derde\n", when=WHEN)
    assert third.name == first.name.replace(".log", "-3.log")
    assert victim.read_text() == "onaangetast"
