"""The report to share: one HTML file, nothing from elsewhere, every scenario text escaped."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from gebiedsplanner.cli.main import main
from gebiedsplanner.core.scenario import Scenario
from gebiedsplanner.editing import storage
from gebiedsplanner.exports.html_report import report_html
from gebiedsplanner.format.scenario_writer import dumps
from tests.conftest import BUNDLED
from tests.test_workbook import edited

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
CHROMIUM = next((name for name in ("chromium", "chromium-browser") if shutil.which(name)), None)


def _hostile(tmp_path: Path) -> Path:
    text = BUNDLED.read_text().replace("gebied.Centrum", f"gebied.{_toml_key(HOSTILE)}")
    text = text.replace('name = "NRW basis 2016-2019"', 'name = "<b>vet</b> & co"')
    path = tmp_path / "vijandig.toml"
    path.write_text(text)
    return path


def _toml_key(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_the_report_has_no_script_and_nothing_from_elsewhere(tmp_path: Path) -> None:
    scenario = storage.load(_hostile(tmp_path)).scenario
    page = report_html(scenario).decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x" in page
    assert "<title>&lt;b&gt;vet&lt;/b&gt; &amp; co</title>" in page
    tags = re.findall(r"<[a-z!][^>]*>", page, re.IGNORECASE)
    assert not [tag for tag in tags if re.match(r"<(?:script|img|link|iframe|object)", tag, re.I)]
    elsewhere = re.compile(r"\b(?:src|href|on\w+)\s*=|url\(|https?:", re.IGNORECASE)
    assert not [tag for tag in tags if elsewhere.search(tag)]
    style = page[page.index("<style>") : page.index("</style>")]
    assert not elsewhere.search(style)
    assert "@page { size: A4" in page


def test_the_report_shows_the_figures_in_dutch_and_the_variants_explained(tmp_path: Path) -> None:
    variant = edited().scenario  # 50.000 moved in Charlois, "meer bewonersinitiatieven"
    (tmp_path / "variant.toml").write_bytes(dumps(variant, name="Meer Charlois"))
    out = tmp_path / "rapport.html"
    assert main(["report", str(BUNDLED), str(tmp_path / "variant.toml"), "-o", str(out)]) == 0
    page = out.read_text()
    assert "<td class=n>58.181.000</td>" in page  # planned in 2017
    assert "-250.000 boven envelope" in page
    assert page.count("<svg ") == 1 + 2 * 4  # the years, and two charts for each year
    assert "<td>Meer Charlois</td><td>Charlois</td><td>couleur locale</td><td>2017</td>" in page
    assert "meer bewonersinitiatieven" in page


def _report_of_two_files(tmp_path: Path, *lang: str) -> tuple[Path, list[Path]]:
    """The report of the bundled plan and a variant of it, as ``report`` writes it."""
    variant = tmp_path / 'Meer "Charlois" & <b>co.toml'  # a file name is text too
    variant.write_bytes(dumps(edited().scenario, name="Meer Charlois"))
    out = tmp_path / "rapport.html"
    assert main([*lang, "report", str(BUNDLED), str(variant), "-o", str(out)]) == 0
    return out, [BUNDLED, variant]


def test_the_report_shows_every_year_the_stedelijk_posts_and_where_it_comes_from(
    tmp_path: Path,
) -> None:
    before = datetime.now().replace(second=0, microsecond=0)
    out, files = _report_of_two_files(tmp_path)
    page = out.read_text()
    charts = re.findall(r'<svg [^>]*aria-label="([^"]*)"', page)
    assert charts == [  # the years against the envelope, then two charts for every year
        "Gepland per jaar tegen de envelope",
        *(
            chart
            for year in (2016, 2017, 2018, 2019)
            for chart in (
                f"Budget per gebied in {year}: couleur locale, gebiedsopdracht en taakstelling",
                f"Aandeel couleur locale van het netto budget per gebied in {year}",
            )
        ),
    ]
    assert "<h2>Stedelijke posten</h2>" in page
    assert "<tr><td>wijkteams</td><td class=n>9.500.000</td>" in page
    assert "<td><b>totaal stedelijk</b></td><td class=n>19.500.000</td>" in page
    made = re.search(r"Gemaakt op (\d\d-\d\d-\d{4} \d\d:\d\d) \(UTC[+-]\d\d:\d\d\)", page)
    assert made is not None
    assert before <= datetime.strptime(made[1], "%d-%m-%Y %H:%M") <= datetime.now()
    for file, scenario in zip(files, ("NRW basis 2016-2019", "Meer Charlois"), strict=True):
        digest = hashlib.sha256(file.read_bytes()).hexdigest()[:12]
        name = html.escape(file.name)
        assert f"<tr><td>{scenario}</td><td>{name}</td><td><code>{digest}</code></td></tr>" in page
    assert "&lt;b&gt;co.toml" in page and "<b>co" not in page


def test_the_report_says_when_and_from_what_in_english(tmp_path: Path) -> None:
    out, _ = _report_of_two_files(tmp_path, "--lang", "en")
    page = out.read_text()
    assert "Made on " in page and ", from these files:" in page
    assert "<th>file</th>" in page and "SHA-256 (start)" in page
    assert "<h2>City-wide (stedelijk) posts</h2>" in page
    assert "<td><b>total city-wide</b></td>" in page


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian's chromium) to draw the page")
def test_a_browser_reads_a_chart_for_every_year_and_the_files(tmp_path: Path) -> None:
    """What Chromium makes of the page (its DOM after reading it): every year's charts,
    the stedelijk posts, and each file with the start of its SHA-256."""
    out, files = _report_of_two_files(tmp_path)
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, *SCREENSHOT, "--dump-dom", out.as_uri()],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    dom = done.stdout
    charts = re.findall(r'<svg [^>]*aria-label="([^"]*)"', dom)
    for year in (2016, 2017, 2018, 2019):
        assert sum(str(year) in label for label in charts) == 2, (year, charts)
    assert "totaal stedelijk" in dom
    for file in files:
        assert hashlib.sha256(file.read_bytes()).hexdigest()[:12] in dom


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian's chromium) to draw the page")
def test_a_browser_draws_the_report_offline(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    out.write_bytes(report_html(storage.load(_hostile(tmp_path)).scenario))
    picture = tmp_path / "rapport.png"
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, *SCREENSHOT, f"--screenshot={picture}", out.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert picture.stat().st_size > 20_000  # a page with tables and charts, not a blank one


#: How the README's picture of the report is made, too (docs/report.png).
SCREENSHOT = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--no-first-run",
    "--window-size=800,1400",
]


def test_a_plan_of_many_years_fits_a4_and_broken_rules_are_listed() -> None:
    from gebiedsplanner.exports.html_report import YEARS_PER_TABLE

    scenario = storage.load(BUNDLED).scenario
    page = report_html(scenario).decode()
    assert "<h2>Beleidsregels geschonden: 9</h2>" in page
    assert "<li>totaal, 2017: boven de envelope: € 250.000 te veel</li>" in page
    many = storage.load(BUNDLED).scenario
    for gebied in many.gebieden.values():  # 12 years: as many columns would not fit A4
        for by_year in gebied.posts.values():
            by_year.update({year: by_year[2019] for year in range(2020, 2028)})
    many.years = tuple(range(2016, 2028))
    heads = re.findall(r"<tr><th>Centrum</th>(.*?)</tr>", _report_of(many))
    assert [head.count("<th") for head in heads] == [YEARS_PER_TABLE, YEARS_PER_TABLE, 2]


def _report_of(scenario: Scenario) -> str:
    from gebiedsplanner.exports.html_report import _gebied_table

    return _gebied_table(scenario, "Centrum")
