"""Write a valid synthetic scenario of any size (for the benchmarks).

    python benchmarks/make_scenario.py 10000 /tmp/groot.toml

Amounts add up so that every year closes exactly on the envelope.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tomli_w

from gebiedsplanner.core.scenario import Gebied, Scenario
from gebiedsplanner.format import written_layout
from gebiedsplanner.format.scenario_writer import dumps

YEARS = (2016, 2017, 2018, 2019)


def make(gebieden: int) -> Scenario:
    """``gebieden`` gebieden with three posts over four years, plus two stedelijk posts."""
    made = {}
    for index in range(gebieden):
        name = f"Wijk {index:05d}"
        cl = {year: 10_000 + (index * 37 + year) % 5_000 for year in YEARS}
        go = {year: 200_000 + (index * 91 + year) % 50_000 for year in YEARS}
        ts = {year: -((index * 13 + year) % 9_000) for year in YEARS}
        posts = {"couleur_locale": cl, "gebiedsopdracht": go, "taakstelling": ts}
        made[name] = Gebied(name, posts, 1_000 + index % 20_000)
    stedelijk = {
        "wijkteams": dict.fromkeys(YEARS, 9_500_000),
        "vraagwijzer": dict.fromkeys(YEARS, 4_000_000),
    }
    envelope, taakstelling = {}, {}
    for year in YEARS:
        cuts = sum(g.posts["taakstelling"][year] for g in made.values())
        gross = sum(
            g.posts[p][year] for g in made.values() for p in ("couleur_locale", "gebiedsopdracht")
        )
        envelope[year] = gross + cuts + 13_500_000
        taakstelling[year] = cuts
    return Scenario(
        name=f"Synthetisch {gebieden} gebieden",
        description="Gegenereerd door benchmarks/make_scenario.py; geen echte bedragen.",
        envelope=envelope,
        taakstelling=taakstelling,
        stedelijk=stedelijk,
        gebieden=made,
    )


def hand_written(scenario: Scenario) -> str:
    """The scenario as someone might type it: each gebied in dotted keys and inline
    tables before the first table, each post with a comment."""
    parts = written_layout.split(dumps(scenario).decode())
    assert parts is not None
    root, _, tables = parts.head.partition("\n[")
    lines = []
    for gebied in scenario.gebieden.values():
        # The last " = ": a gebied's name may hold one ('a = b' is written "a = b" = 0).
        key = "gebied." + tomli_w.dumps({gebied.name: 0}).rpartition(" = ")[0]
        if gebied.note:
            note = tomli_w.dumps({"v": gebied.note}).removeprefix("v = ").rstrip("\n")
            lines.append(f"{key}.notitie = {note}")
        if gebied.inwoners is not None:
            lines.append(f"{key}.inwoners = {gebied.inwoners}")
        for post, values in gebied.posts.items():
            inner = ", ".join(f"{year} = {amount:_}" for year, amount in values.items())
            lines.append(f"{key}.{post} = {{ {inner} }}  # bedrag")
    return root + "\n" + "\n".join(lines) + "\n\n[" + tables + parts.tail


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit() or int(argv[0]) < 1:
        print("usage: python benchmarks/make_scenario.py GEBIEDEN OUT.toml", file=sys.stderr)
        return 2
    count, out = int(argv[0]), Path(argv[1])
    out.write_bytes(dumps(make(count)))
    print(f"{count} gebieden -> {out} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
