"""Finding a gebied by name, without a terminal: folding, matching, the next match round
the end, going to a name, the nearest names to a typo."""

from __future__ import annotations

from gebiedsplanner.core.find import NameIndex, fold

NAMES = ["Centrum", "Féijenoord", "Hoogvliet", "Noord", "Overschie", "Hillegersberg-Schiebroek"]


class Rows:
    """A table showing ``order`` (gebied names), as a sorted table would."""

    def __init__(self, order: list[str]) -> None:
        self.order = order
        self.editable_rows = len(order) + 2  # and two stedelijk posts after them

    def row_of(self, name: str) -> int | None:
        return self.order.index(name) if name in self.order else None

    def gebied_at(self, index: int) -> str | None:
        return self.order[index] if index < len(self.order) else None


def test_case_and_accents_do_not_count() -> None:
    assert fold("Féijenoord") == "feijenoord"
    assert fold("STRAßE") == "strasse"
    index = NameIndex(NAMES)
    assert index.matching("FEIJ") == ["Féijenoord"]
    assert index.matching("éij") == ["Féijenoord"]
    assert index.matching("oord") == ["Féijenoord", "Noord"]
    assert index.matching("zz") == []


def test_a_narrower_text_finds_among_the_names_found_before() -> None:
    index = NameIndex(NAMES)
    assert index.matching("o") == ["Féijenoord", "Hoogvliet", "Noord", "Overschie", NAMES[5]]
    assert index.matching("oo") == ["Féijenoord", "Hoogvliet", "Noord"]
    assert index.matching("schie") == ["Overschie", "Hillegersberg-Schiebroek"]  # not a subset


def test_the_next_match_follows_the_tables_order_and_goes_round_the_end() -> None:
    index = NameIndex(NAMES)
    shown = Rows(list(reversed(NAMES)))  # sorted the other way round
    # from the top: Noord comes first in this order, not Féijenoord as in the file
    first = index.find("oo", shown, 0, 1, here=True)
    assert first is not None
    assert (first.row, first.number, first.matches, first.wrapped) == (2, 1, 3, False)
    assert index.find("oo", shown, 2, 1, here=True) == first  # typing on stays put
    following = index.find("oo", shown, 2, 1, here=False)
    assert following is not None and (following.row, following.wrapped) == (3, False)
    last = index.find("oo", shown, 4, 1, here=False)
    assert last is not None and (last.row, last.number, last.wrapped) == (2, 1, True)
    back = index.find("oo", shown, 2, -1, here=False)
    assert back is not None and (back.row, back.number, back.wrapped) == (4, 3, True)
    on_a_post = index.find("oo", shown, 7, 1, here=False)  # from a stedelijk row
    assert on_a_post is not None and (on_a_post.row, on_a_post.wrapped) == (2, True)
    only = index.find("centrum", shown, 5, 1, here=False)  # the one match is the row itself
    assert only is not None and (only.row, only.wrapped) == (5, True)
    assert index.find("zz", shown, 0, 1, here=True) is None
    assert index.find("", shown, 0, 1, here=True) is None


def test_a_table_that_reorders_itself_is_read_again() -> None:
    index = NameIndex(NAMES)
    shown = Rows(list(NAMES))
    hit = index.find("oo", shown, 0, 1, here=True)
    assert hit is not None and shown.gebied_at(hit.row) == "Féijenoord"
    shown.order.reverse()  # sorted the other way, the same table
    hit = index.find("oo", shown, 0, 1, here=True)
    assert hit is not None and shown.gebied_at(hit.row) == "Noord"


def test_a_table_that_leaves_gebieden_out_is_searched_as_it_shows() -> None:
    index = NameIndex(NAMES)
    shown = Rows(["Noord", "Centrum"])
    hit = index.find("o", shown, 0, 1, here=False)
    assert hit is not None and (hit.row, hit.matches, hit.wrapped) == (0, 1, True)


def test_going_to_a_name_exact_completed_or_near() -> None:
    index = NameIndex(NAMES)
    assert index.exact("  noord ") == "Noord"
    assert index.exact("feijenoord") == "Féijenoord"
    assert index.exact("noor") is None
    assert index.completion("hill") == "Hillegersberg-Schiebroek"
    assert index.completion("HOOG") == "Hoogvliet"
    assert index.completion("") is None
    assert index.nearest("Nord") == ["Noord"]
    assert index.nearest("Hogvleit") == ["Hoogvliet"]
    assert index.nearest("xyz") == []


def test_names_are_indexed_as_the_table_shows_them() -> None:
    """A control character in a name shows as an escape: typed as shown, it is found."""
    index = NameIndex(["Cen\x1b[2Jtrum", "[b]Vet[/b]"])
    assert index.matching("\\x1b[2j") == ["Cen\x1b[2Jtrum"]
    assert index.shown["Cen\x1b[2Jtrum"] == "Cen\\x1b[2Jtrum"
    assert index.matching("[b]vet") == ["[b]Vet[/b]"]


def test_20000_names_are_searched_key_by_key() -> None:
    names = [f"Wijk {number:05d}" for number in range(20_000)]
    index = NameIndex(names)
    shown = Rows(names)
    for typed in ("w", "wijk 1", "wijk 12", "wijk 123", "wijk 1234"):
        assert index.find(typed, shown, 100, 1, here=True) is not None
    hit = index.find("wijk 12345", shown, 100, 1, here=True)
    assert hit is not None and (hit.row, hit.matches) == (12345, 1)
    assert index.nearest("Wiijk 1234x")[0].startswith("Wijk ")
