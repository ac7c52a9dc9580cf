"""The motivating web page (examples/data/stem-cells-page.txt) comes out exactly right, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

import refnorm

PAGE = Path(__file__).resolve().parent.parent / "examples" / "data" / "stem-cells-page.txt"


@pytest.fixture(scope="module")
def refs() -> list[refnorm.Reference]:
    return refnorm.parse(PAGE.read_text(encoding="utf-8"))


def test_page_gives_its_24_numbered_references(refs: list[refnorm.Reference]) -> None:
    """Prose around the list is dropped; the two merged lines are split; numbers are kept as labels."""
    assert [r.label for r in refs] == [str(n) for n in range(1, 25)]


def test_every_reference_has_the_core_fields(refs: list[refnorm.Reference]) -> None:
    """Each Vancouver entry yields authors, title, journal, year, its DOI when printed, and the type."""
    for ref in refs:
        assert ref.author and ref.title and ref.container_title and ref.year, ref.raw
        assert bool(ref.doi) == ("doi" in ref.raw.lower()), ref.raw
        assert ref.type == "article-journal"
        assert not ref.title.endswith("."), ref.title


@pytest.mark.parametrize(
    ("label", "families", "page", "doi"),
    [
        (
            "4",
            ["Mahdavi Gorabi", "Banach", "Reiner", "Pirro", "Hajighasemi", "Johnston"],
            "1413",
            "10.3390/jcm8091413",
        ),
        (
            "3",
            ["Shree", "Venkategowda", "Venkatranganna", "Datta", "Bhonde"],
            "2107-2118",
            "10.1038/s41366-019-0438-5",
        ),
        ("6", ["Ogay", "Sekenova", "Li", "Issabekova", "Saparov"], "", "10.2174/1574888X16999210128193549"),
    ],
    ids=["compound-family-and-accent", "full-page-range", "recovered-from-merged-line"],
)
def test_selected_entries(
    refs: list[refnorm.Reference], label: str, families: list[str], page: str, doi: str
) -> None:
    """Compound family names, accents, page ranges and DOIs come out as printed (DOI case kept)."""
    ref = next(r for r in refs if r.label == label)
    assert [n.full_family for n in ref.author] == families
    assert ref.page == page and ref.doi == doi


def test_et_al_entries_are_marked_truncated(refs: list[refnorm.Reference]) -> None:
    """Entry 2 ends its author list with "et al." and is marked truncated (BibTeX "and others")."""
    assert next(r for r in refs if r.label == "2").truncated_authors


def test_dedupe_merges_3_and_15_and_renumbers(refs: list[refnorm.Reference]) -> None:
    """Same DOI → one work: 24 → 23 entries, 15 → 3, and 16..24 move up by one."""
    result = refnorm.dedupe(refs)
    assert len(result.references) == 23
    assert result.groups == [[3, 15]]
    assert result.renumbering[15] == 3
    assert all(result.renumbering[n] == n - 1 for n in range(16, 25))
