"""Sixteen moves started at the same moment on one file: every one lands."""

from __future__ import annotations

from pathlib import Path

from gebiedsplanner.editing import storage
from tests.conftest import at_the_gate

GEBIEDEN = [
    "Centrum",
    "Charlois",
    "Delfshaven",
    "Feijenoord",
    "Hillegersberg-Schiebroek",
    "Hoek van Holland",
    "Hoogvliet",
    "IJsselmonde",
    "Kralingen-Crooswijk",
    "Noord",
    "Overschie",
    "Pernis",
    "Prins Alexander",
    "Rozenburg",
]


def test_sixteen_simultaneous_moves_all_land(scenario_file: Path) -> None:
    before = storage.load(scenario_file).scenario
    gate = scenario_file.parent / "go"
    processes = []
    for index in range(16):
        gebied = GEBIEDEN[index % len(GEBIEDEN)]
        source, target = f"{gebied}/gebiedsopdracht/2018", f"{gebied}/couleur_locale/2018"
        move = ["move", str(scenario_file), "--from", source, "--to", target]
        processes.append(at_the_gate(gate, [*move, "--amount", "1000", "--reason", f"zet {index}"]))
    gate.touch()
    results = [process.communicate(timeout=120) for process in processes]
    assert all(process.returncode == 0 for process in processes), results

    after = storage.load(scenario_file).scenario
    assert sorted(entry.reason for entry in after.log) == sorted(f"zet {i}" for i in range(16))
    for index, gebied in enumerate(GEBIEDEN):
        moves = 2 if index < 2 else 1  # 16 moves over 14 gebieden
        cl = before.gebieden[gebied].posts["couleur_locale"][2018]
        assert after.gebieden[gebied].posts["couleur_locale"][2018] == cl + moves * 1000
    assert after.totals(2018).planned == before.totals(2018).planned
