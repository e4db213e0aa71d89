"""The command line on policy rules: validate warns (or fails with --strict), summary counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from gebiedsplanner.cli.main import main
from tests.conftest import BUNDLED

#: What the bundled example's illustrative rules find, as validate prints it (after the file).
BUNDLED_VIOLATIONS = [
    "Centrum, 2016: couleur locale onder 4,9% van netto: € 132 te weinig",
    "Delfshaven, 2016: couleur locale onder 4,9% van netto: € 214 te weinig",
    "IJsselmonde, 2016: couleur locale onder 4,9% van netto: € 125 te weinig",
    "Prins Alexander, 2016: couleur locale onder 4,9% van netto: € 257 te weinig",
    "Rozenburg, 2016: couleur locale onder 4,9% van netto: € 425 te weinig",
    "totaal, 2017: taakstelling niet volledig verdeeld: € 250.000 verschil",
    "totaal, 2017: boven de envelope: € 250.000 te veel",
    "Hoek van Holland, 2018: wijziging couleur locale boven 13,5% van vorig jaar: € 5 te veel",
    "Rozenburg, 2018: wijziging couleur locale boven 13,5% van vorig jaar: € 60 te veel",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_lists_violations_as_warnings_one_line_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "validate", str(BUNDLED))
    assert code == 0 and err == ""
    first, *lines = out.splitlines()
    assert first == f"{BUNDLED}: bestand in orde (NRW basis 2016-2019); beleidsregels geschonden: 9"
    assert lines == [f"{BUNDLED}: {line}" for line in BUNDLED_VIOLATIONS]


def test_validate_strict_fails_on_violations_and_passes_without(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "validate", "--strict", str(BUNDLED))
    assert code == 1 and out.count("\n") == 10
    calm = tmp_path / "zonder-regels.toml"
    text = BUNDLED.read_text()
    calm.write_text(text[: text.index("[beleid]")] + text[text.index("[envelope]") :])
    code, out, _ = run(capsys, "validate", "--strict", str(calm))
    assert (code, out) == (0, f"{calm}: in orde (NRW basis 2016-2019)\n")


def test_validate_strict_reports_a_broken_rule_as_a_problem_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text(BUNDLED.read_text().replace("max_wijziging_pct = 13.5", "max_wijzig = nan"))
    code, out, err = run(capsys, "validate", "--strict", str(broken))
    assert code == 1 and out == ""
    assert f"{broken}: beleid.max_wijzig (regel 12): onbekende beleidsregel" in err
    assert "Bedoelt u 'max_wijziging_pct'?" in err and "Traceback" not in err


def test_summary_counts_violations_per_year(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", str(BUNDLED))
    assert code == 0
    header, *years = out.splitlines()[1:]
    assert header.endswith("beleidsregels geschonden")
    counts = {line.split()[0]: line.split()[5] for line in years}
    assert counts == {"2016": "5", "2017": "2", "2018": "2", "2019": "0"}
