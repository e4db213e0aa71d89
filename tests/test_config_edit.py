"""The theme in the config file: read at start, written back with the rest kept to the byte."""

from __future__ import annotations

import codecs
import errno
import os
import tempfile
from pathlib import Path

import pytest
import tomli
from hypothesis import given
from hypothesis import strategies as st

from gebiedsplanner.core.problems import ProblemsError
from gebiedsplanner.settings import config_edit
from gebiedsplanner.settings.config_edit import remember_theme, with_setting, write_setting
from gebiedsplanner.settings.locations import config_file, load_settings

USERS_CONFIG = """\
# Mijn instellingen (afgesproken met het team, 12-3)
scenario_dir = [
    "~/team/scenarios",   # de gedeelde map
    ["geen", "tabel"],
]

  theme   = "nord"   # donker, voor 's avonds
lang = "nl"

[later]
theme = "blijft staan"
"""


def test_a_theme_line_is_replaced_with_its_comment_and_everything_else_kept() -> None:
    after = with_setting(USERS_CONFIG, "theme", "gruvbox")
    assert after == USERS_CONFIG.replace(
        '  theme   = "nord"   # donker', '  theme = "gruvbox"   # donker'
    )
    assert tomli.loads(after)["later"] == {"theme": "blijft staan"}


def test_a_missing_theme_goes_before_the_first_table_not_into_a_nested_array() -> None:
    without = USERS_CONFIG.replace('  theme   = "nord"   # donker, voor \'s avonds\n', "")
    after = with_setting(without, "theme", "gruvbox")
    assert after == without.replace("[later]\n", 'theme = "gruvbox"\n[later]\n')
    assert tomli.loads(after)["theme"] == "gruvbox"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", 'theme = "nord"\n'),
        ("lang = 'nl'", "lang = 'nl'\ntheme = \"nord\"\n"),  # no newline at the end
        ("lang = 'nl'\r\n", "lang = 'nl'\r\ntheme = \"nord\"\r\n"),  # Windows line ends
        ('"theme" = "x" # q', 'theme = "nord" # q'),
        ('theme = "a#b"  # c#d\n', 'theme = "nord"  # c#d\n'),
        ("[t]\nx = 1\n", 'theme = "nord"\n[t]\nx = 1\n'),
    ],
)
def test_setting_the_theme(before: str, after: str) -> None:
    assert with_setting(before, "theme", "nord") == after


@pytest.mark.parametrize(
    "text",
    [
        "theme.dark = true\ntheme.x = 1\n",  # a table over two lines
        'theme = """\nnord"""\n',  # a multi-line string
        "theme = \n",  # no TOML
        "[[x]\n",
    ],
)
def test_what_cannot_be_set_on_one_line_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        with_setting(text, "theme", "nord")


TOP_LEVEL = st.dictionaries(
    st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(lambda key: key != "theme"),
    st.one_of(st.integers(), st.text(max_size=8), st.lists(st.integers(), max_size=3)),
    max_size=4,
)


@given(TOP_LEVEL, st.booleans(), st.sampled_from(["nord", 'a "quoted" name', "ë\\"]))
def test_any_config_gets_the_theme_and_keeps_the_rest(
    settings: dict[str, object], table: bool, theme: str
) -> None:
    import tomli_w

    text = "# kop\n" + tomli_w.dumps(settings) + ("[tabel]\nx = 1  # staart\n" if table else "")
    after = with_setting(text, "theme", theme)
    assert tomli.loads(after) == {**tomli.loads(text), "theme": theme}
    again = with_setting(after, "theme", "ander")
    assert again.replace(config_edit.setting_line("theme", "ander"), "") == after.replace(
        config_edit.setting_line("theme", theme), ""
    )


def test_the_theme_is_read_at_start() -> None:
    assert load_settings().theme is None
    config_file().parent.mkdir(parents=True)
    config_file().write_text('# mijn kleuren\ntheme = "nord"  # donker\n[later]\n')
    assert load_settings().theme == "nord"
    config_file().write_text("theme = 3\n")
    assert load_settings().theme == "3"  # the app says it knows no theme '3'


def test_remember_makes_the_folder_and_the_file() -> None:
    remember_theme("nord")
    assert config_file().read_text() == 'theme = "nord"\n'
    assert load_settings().theme == "nord"


def test_remember_keeps_the_users_file_its_mark_and_its_mode() -> None:
    config_file().parent.mkdir(parents=True)
    config_file().write_bytes(codecs.BOM_UTF8 + USERS_CONFIG.encode())
    config_file().chmod(0o600)
    remember_theme("gruvbox")
    expected = USERS_CONFIG.replace('theme   = "nord"', 'theme = "gruvbox"')
    assert config_file().read_bytes() == codecs.BOM_UTF8 + expected.encode()
    assert config_file().stat().st_mode & 0o777 == 0o600
    assert sorted(os.listdir(config_file().parent)) == ["config.toml"]  # no temp file left


def refused(path: Path) -> str:
    with pytest.raises(ProblemsError) as caught:
        write_setting(path, "theme", "nord")
    [problem] = caught.value.problems
    assert problem.file.startswith(str(path.parent))
    return f"{problem.message} / {problem.fix}"


def test_a_link_is_neither_followed_nor_replaced(tmp_path: Path) -> None:
    target = tmp_path / "elders.toml"
    target.write_text("lang = 'nl'\n")
    link = tmp_path / "config.toml"
    link.symlink_to(target)
    says = refused(link)
    assert "koppeling" in says and 'theme = "nord"' in says
    assert link.is_symlink() and target.read_text() == "lang = 'nl'\n"


def test_a_fifo_a_folder_and_a_huge_file_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp" / "config.toml"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    assert "geen gewoon bestand" in refused(fifo)  # at once: a FIFO is never waited on
    folder = tmp_path / "map" / "config.toml"
    folder.mkdir(parents=True)
    assert "map" in refused(folder)
    huge = tmp_path / "groot" / "config.toml"
    huge.parent.mkdir()
    with huge.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    assert "groter dan" in refused(huge)
    assert huge.stat().st_size == 64 * 1024 * 1024


def test_a_config_that_is_no_toml_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = \n# half getypt\n")
    assert 'zet zelf theme = "nord" bovenaan' in refused(path)
    assert path.read_text() == "theme = \n# half getypt\n"


def test_a_read_only_config_folder_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    path.write_text("lang = 'nl'\n")

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    with monkeypatch.context() as patched:
        patched.setattr(tempfile, "mkstemp", read_only)
        assert "schrijfrechten" in refused(path)
    assert path.read_text() == "lang = 'nl'\n"


def test_a_config_folder_without_write_permission(tmp_path: Path) -> None:
    path = tmp_path / "alleen-lezen" / "config.toml"
    path.parent.mkdir()
    path.write_text("lang = 'nl'\n")
    path.parent.chmod(0o555)
    try:
        if os.access(path.parent, os.W_OK):
            pytest.skip("this user can write anywhere (root)")
        assert "schrijfrechten" in refused(path)
    finally:
        path.parent.chmod(0o755)
    assert path.read_text() == "lang = 'nl'\n"


def test_a_config_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("")
    assert refused(tmp_path / "bestand" / "config.toml")
