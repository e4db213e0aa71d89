"""Hypothesis strategies: valid scenarios of any shape, and cells in them."""

from __future__ import annotations

from hypothesis import strategies as st

from gebiedsplanner.core.scenario import (
    GEBIED_POSTS,
    STEDELIJK,
    TAAKSTELLING,
    Cell,
    Gebied,
    Scenario,
)

names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=20,
).filter(lambda name: name.strip() and name.casefold() != STEDELIJK)

#: A gebied's note: quotes, ``#``, backslashes, line breaks, tabs, markup and any printable
#: character (no other control character: a note may not hold one).
note_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\n\t"\\#[]'),
    min_size=1,
    max_size=80,
)
#: Mostly no note, as in most files.
notes = st.just("") | st.just("") | note_texts

#: A stedelijk post's name has no ``/`` (its address would read back as another cell).
post_names = names.filter(lambda name: "/" not in name)

amounts = st.integers(min_value=0, max_value=10**9)
cuts = st.integers(min_value=-(10**9), max_value=0)


@st.composite
def scenarios(
    draw: st.DrawFn, inwoners: st.SearchStrategy[int] | None = None
) -> Scenario:
    """A valid scenario; each gebied's inwoners from ``inwoners`` (or none, or any)."""
    any_inwoners = st.none() | st.integers(min_value=0, max_value=10**6)
    first = draw(st.integers(min_value=2000, max_value=2090))
    years = list(range(first, first + draw(st.integers(min_value=1, max_value=4))))
    gebied_names = draw(st.lists(names, min_size=1, max_size=6, unique=True))
    stedelijk_names = draw(st.lists(post_names, max_size=3, unique=True))

    def series(values: st.SearchStrategy[int]) -> dict[int, int]:
        return {year: draw(values) for year in years}

    gebieden = {
        name: Gebied(
            name=name,
            posts={
                post: series(cuts if post == TAAKSTELLING else amounts) for post in GEBIED_POSTS
            },
            inwoners=draw(any_inwoners if inwoners is None else inwoners),
            note=draw(notes),
        )
        for name in gebied_names
    }
    return Scenario(
        name=draw(names),
        description=draw(st.text(max_size=60)),
        envelope=series(amounts),
        taakstelling=series(cuts),
        stedelijk={name: series(amounts) for name in stedelijk_names},
        gebieden=gebieden,
    )


def cells_of(scenario: Scenario) -> st.SearchStrategy[Cell]:
    return st.sampled_from(list(scenario.cells()))
