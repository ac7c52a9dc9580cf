"""Candidate validation: pure comparisons between a Reference and a Crossref record (no network)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refnorm.matching import Work, assess, choose, query_text, relative_score, title_similarity
from refnorm.model import Date, FrozenMap, Name, Reference


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Deep learning", "Deep Learning.", 1.0, 1.0),
        (
            "An index to quantify an individual’s output",
            "An index to quantify an individual's output",
            1.0,
            1.0,
        ),
        ("Learning by backpropagating errors", "Learning by back-propagating errors", 1.0, 1.0),
        ("Bose–Einstein condensation", "Bose-Einstein Condensation", 1.0, 1.0),
        ("<i>Drosophila</i> wing development", "Drosophila wing development", 1.0, 1.0),
        ("Café society", "Cafe Society", 1.0, 1.0),
        ("Theory of games, Part I", "Theory of games, Part II", 0.0, 0.0),
        ("Results of the 2019 survey", "Results of the 2020 survey", 0.0, 0.0),
        ("Deep learning", "Deep learning in neural networks: an overview", 0.0, 0.5),
        ("Attention is all you need", "Attention is not all you need", 0.85, 0.95),
        ("", "Anything", 0.0, 0.0),
    ],
    ids=[
        "case and final stop",
        "curly apostrophe",
        "hyphenation",
        "en dash",
        "markup in Crossref titles",
        "accents",
        "part I vs part II",
        "different years in titles",
        "short title inside a longer one",
        "one inserted word",
        "empty title",
    ],
)
def test_title_similarity(a: str, b: str, low: float, high: float) -> None:
    """Punctuation, case, accents and markup do not matter; numbering does."""
    assert low <= title_similarity(a, b) <= high
    assert title_similarity(a, b) == title_similarity(b, a)


NATURE = Work(
    doi="10.1038/nature14539",
    title="Deep learning",
    author=(Name("LeCun", "Yann"), Name("Bengio", "Yoshua")),
    issued=Date(2015),
    container_title="Nature",
    volume="521",
    issue="7553",
    page="436-444",
    score=60.0,
)


def make(**fields: str) -> Reference:
    year = fields.pop("year", "2015")
    family = fields.pop("author", "LeCun")
    return Reference(
        author=(Name(family, "Y."),) if family else (),
        issued=Date(int(year)) if year else None,
        variables=FrozenMap({"title": "Deep learning", "container-title": "Nature", **fields}),
    )


@pytest.mark.parametrize(
    ("reference", "conflict"),
    [
        (make(), ""),
        (make(year="2016"), ""),
        (make(year="2017"), "year 2017 ≠ 2015"),
        (make(volume="520"), "volume 520 ≠ 521"),
        (make(issue="7554"), "issue 7554 ≠ 7553"),
        (make(page="437-444"), "first page 437 ≠ 436"),
        (make(author="Hinton"), "first author Hinton ≠ LeCun"),
        (make(author="Bengio"), ""),
        (make(author="Lecun"), ""),
        (make(title="Deep reinforcement learning for robots"), "title differs"),
        (make(**{"container-title": "Science"}), ""),
    ],
    ids=[
        "all agree",
        "year off by one is allowed",
        "year off by two",
        "volume",
        "issue",
        "first page",
        "first author",
        "second author first: weak, not a conflict",
        "case of family name",
        "title",
        "journal name mismatch only lowers confidence",
    ],
)
def test_assess_conflicts(reference: Reference, conflict: str) -> None:
    """A field the reference has and the record contradicts rules the record out, with a reason."""
    result = assess(reference, NATURE)
    if conflict:
        assert any(c.startswith(conflict) for c in result.conflicts), result.conflicts
    else:
        assert result.conflicts == ()


def test_confidence_orders_evidence() -> None:
    """More agreeing fields give more confidence; a mismatched journal gives less."""
    full = assess(make(volume="521", page="436"), NATURE).confidence
    bare = assess(make(), NATURE).confidence
    other_journal = assess(make(**{"container-title": "Science"}), NATURE).confidence
    assert full > bare > other_journal


def test_choose_abstains_on_ties() -> None:
    """Two records that fit equally (a duplicate deposit) give no accepted DOI but an ambiguity."""
    twin = replace(NATURE, doi="10.5555/twin")
    decision = choose(make(), [NATURE, twin])
    assert decision.accepted is None
    assert {a.work.doi for a in decision.ambiguous} == {"10.1038/nature14539", "10.5555/twin"}


def test_choose_drops_low_scores() -> None:
    """A candidate scoring under 0.5 per query token is not even considered."""
    weak = replace(NATURE, score=1.0)
    decision = choose(make(), [weak], query="LeCun Deep learning Nature 2015 521 436")
    assert decision == choose(make(), [])
    assert relative_score(7.0, "a b c d e f g") == 1.0


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"DOI": "10.1000/A", "title": [], "issued": {"date-parts": [[None]]}}, Work("10.1000/A")),
        ({"DOI": "not a doi"}, None),
        (
            {"DOI": "10.1000/B", "author": [{"name": "WHO"}], "score": "x"},
            Work("10.1000/B", author=(Name(literal="WHO"),)),
        ),
        (
            {"DOI": "10.1000/C", "title": ["<i>E. coli</i> growth"], "page": "1-2"},
            Work("10.1000/C", "E. coli growth", page="1-2"),
        ),
    ],
    ids=["null date-parts", "no DOI", "organisation author, bad score", "markup in title"],
)
def test_work_from_odd_crossref_items(item: dict[str, object], expected: Work | None) -> None:
    """Real Crossref oddities (null dates, organisations, markup) are read without errors."""
    assert Work.from_crossref(item) == expected


def test_query_text_prefers_raw() -> None:
    """The raw reference is the query when there is one; otherwise the fields are joined."""
    assert query_text(Reference(raw="  Smith J.\n Title. 2001 ")) == "Smith J. Title. 2001"
    assert query_text(make(volume="521")) == "LeCun Deep learning Nature 2015 521"
    assert len(query_text(Reference(raw="word " * 500))) <= 600


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=150, deadline=None)
@given(title=texts, family=texts, page=texts, volume=texts, raw=texts)
def test_assess_never_raises(title: str, family: str, page: str, volume: str, raw: str) -> None:
    """Any text in any field gives an assessment with confidence in [0, 1]."""
    reference = Reference(
        author=(Name(family),),
        variables=FrozenMap({"title": title, "page": page, "volume": volume}),
        raw=raw,
    )
    result = assess(reference, NATURE)
    assert 0.0 <= result.confidence <= 1.0


def test_import_refnorm_does_not_import_habanero() -> None:
    """habanero (and the network stack) load only when a lookup runs, keeping hooks fast."""
    code = "import sys, refnorm, refnorm.crossref; print('habanero' in sys.modules, 'httpx2' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.split() == ["False", "False"]


GO = Work(
    doi="10.1038/nature24270",
    title="Mastering the game of Go without human knowledge",
    author=(Name("Silver", "David"),),
    issued=Date(2017),
    container_title="Nature",
    volume="550",
    issue="7676",
    page="354-359",
)
GO_RAW = "Silver, D. et al. Mastering the game of Go without human knowledge. Nature 550, 354–359 (2017)."


@pytest.mark.parametrize(
    ("raw", "plausible"),
    [
        (GO_RAW, True),
        (GO_RAW.replace("550", "551"), False),
        (GO_RAW.replace("354–359", "355–359"), False),
        ("", False),
    ],
    ids=["text holds volume and first page", "other volume in text", "other page in text", "no text"],
)
def test_misparsed_numbers_are_forgiven_only_when_the_text_confirms(raw: str, plausible: bool) -> None:
    """Parsed volume 359 / issue 2017 are a parser slip when the raw text holds 550 and 354."""
    misparsed = Reference(
        author=(Name("Silver", "D."),),
        issued=Date(2017),
        variables=FrozenMap(
            {"title": GO.title, "container-title": "Nature", "volume": "359", "issue": "2017"}
        ),
        raw=raw,
    )
    result = assess(misparsed, GO)
    assert result.plausible is plausible
    if plausible:
        assert result.notes == ("volume 359 ≠ 550", "issue 2017 ≠ 7676")
