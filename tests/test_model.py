"""The core record: CSL-shaped, immutable, lossless."""

from __future__ import annotations

import dataclasses

import pytest

from refnorm.model import Date, FrozenMap, Name, Reference


def test_reference_is_immutable() -> None:
    """A Reference cannot be changed in place; derivations return new values."""
    ref = Reference(variables=FrozenMap({"title": "A"}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.type = "book"  # type: ignore[misc]
    changed = ref.with_variables(title="B", container_title="J")
    assert ref.title == "A"
    assert changed.title == "B" and changed.container_title == "J"


def test_with_variables_removes_empty_values() -> None:
    """Setting a variable to None or "" removes it."""
    ref = Reference(variables=FrozenMap({"title": "A", "volume": "3"}))
    assert "volume" not in ref.with_variables(volume=None).variables


@pytest.mark.parametrize(
    ("item",),
    [
        (
            {
                "id": "x",
                "type": "book",
                "title": "T",
                "author": [{"family": "Doe", "given": "J"}],
                "issued": {"date-parts": [[2020, 5]]},
            },
        ),
        (
            {
                "id": "y",
                "type": "article-journal",
                "author": [{"literal": "WHO"}],
                "DOI": "10.1/x",
                "translator": [{"family": "T"}],
                "custom": {"a": 1},
            },
        ),
    ],
    ids=["book", "literal-author-and-extras"],
)
def test_csl_round_trip(item: dict[str, object]) -> None:
    """from_csl → to_csl gives the same item back, including keys refnorm does not model."""
    assert Reference.from_csl(item).to_csl() == item


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020", Date(2020)),
        ("2020-02", Date(2020, 2)),
        ("2020-02-23", Date(2020, 2, 23)),
        ("2020-13", Date(2020)),
        ("in press", Date(literal="in press")),
    ],
)
def test_date_parse_iso(text: str, expected: Date) -> None:
    """ISO-ish dates parse to the precision given; an impossible month is dropped, not raised."""
    assert Date.parse_iso(text) == expected


def test_name_str_and_csl() -> None:
    """Names print in natural order and serialise every CSL name part."""
    name = Name(family="Berg", given="Jan", non_dropping_particle="van der", suffix="Jr")
    assert str(name) == "Jan van der Berg, Jr"
    assert name.to_csl() == {
        "family": "Berg",
        "given": "Jan",
        "non-dropping-particle": "van der",
        "suffix": "Jr",
    }
    assert Name(literal="World Health Organization").to_csl() == {"literal": "World Health Organization"}
