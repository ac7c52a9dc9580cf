"""Citation keys: readable, ASCII, unique."""

from __future__ import annotations

import pytest

from refnorm.keys import ascii_fold, assign_keys, base_key, is_valid_key
from refnorm.model import Date, FrozenMap, Name, Reference


def ref(
    family: str = "", year: int | None = None, title: str = "", id: str = "", literal: str = ""
) -> Reference:
    author = (Name(family=family, given="A"),) if family else ((Name(literal=literal),) if literal else ())
    return Reference(
        author=author,
        issued=Date(year) if year else None,
        variables=FrozenMap({"title": title} if title else {}),
        id=id,
    )


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        pytest.param(ref("Smith", 2020, "Deep learning for cells"), "smith2020deep", id="plain"),
        pytest.param(ref("Müller", 2019, "Zur Theorie der Zellen"), "muller2019theorie", id="umlaut"),
        pytest.param(ref("Łukasiewicz", 1951, "The logic"), "lukasiewicz1951logic", id="polish-l"),
        pytest.param(
            ref("O'Brien", 2001, "A study of things"), "obrien2001study", id="apostrophe-and-stopword"
        ),
        pytest.param(
            ref("Van der Berg", 2001, "On the origin"), "vanderberg2001origin", id="particle-in-family"
        ),
        pytest.param(
            ref(literal="World Health Organization", year=2020, title="COVID-19 report"),
            "world2020covid19",
            id="organisation",
        ),
        pytest.param(ref(title="An untitled thing"), "anonuntitled", id="no-author-no-year"),
        pytest.param(ref("Smith", 2020, ""), "smith2020", id="no-title"),
    ],
)
def test_base_key(reference: Reference, expected: str) -> None:
    """The base key is family + year + first significant title word, lower-case ASCII."""
    assert base_key(reference) == expected


def test_collisions_get_letters() -> None:
    """References wanting the same key get a, b, … in order; a unique one keeps the plain key."""
    refs = [ref("Smith", 2020, "Deep cells"), ref("Smith", 2020, "Deep roots"), ref("Jones", 2020, "X-rays")]
    assert assign_keys(refs) == ["smith2020deepa", "smith2020deepb", "jones2020xrays"]


def test_existing_ids_are_kept_and_never_reused() -> None:
    """An id is kept; a generated key never takes an id in use; a repeated id gets a suffix."""
    refs = [ref("Smith", 2020, "Deep"), ref(id="smith2020deep"), ref(id="Key1"), ref(id="key1")]
    assert assign_keys(refs) == ["smith2020deepa", "smith2020deep", "Key1", "key1a"]


def test_invalid_ids_are_replaced() -> None:
    """An id BibTeX cannot hold (spaces, braces, commas) is replaced by a generated key."""
    assert assign_keys([ref("Smith", 2020, "Deep", id="a b,c")]) == ["smith2020deep"]


@pytest.mark.parametrize(
    ("key", "valid"),
    [
        ("smith2020", True),
        ("Smith:2020-x_y", True),
        ("a b", False),
        ("a,b", False),
        ("{a}", False),
        ("", False),
    ],
)
def test_is_valid_key(key: str, valid: bool) -> None:
    """Keys with BibTeX specials are invalid."""
    assert is_valid_key(key) is valid


def test_ascii_fold() -> None:
    """Latin letters lose their accents; letters NFKD cannot split are transliterated."""
    assert ascii_fold("Ørsted Straße Æsir") == "Orsted Strasse Aesir"


def test_many_collisions_stay_unique() -> None:
    """Even hundreds of identical references get distinct keys."""
    keys = assign_keys([ref("Smith", 2020, "Same")] * 800)
    assert len(set(keys)) == 800
