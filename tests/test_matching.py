"""Candidate validation: pure comparisons between a Reference and a Crossref record (no network)."""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refnorm.matching import (
    Work,
    assess,
    choose,
    query_text,
    relative_score,
    title_difference,
    title_similarity,
)
from refnorm.model import Date, FrozenMap, Name, Reference
from tests.fake_crossref import (
    REVEALED_BY,
    DecoyCase,
    cite_some_fields,
    expand,
    load_decoys,
    one_mutation_decoy,
    random_work,
)


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
        ("Deep learning", "Deep learning in neural networks: an overview", 0.0, 0.6),
        ("Attention is all you need", "Attention is not all you need", 0.85, 0.95),
        ("", "Anything", 0.0, 0.0),
        ("The role of alpha-synuclein in neurons", "Role of α-synuclein in neurons", 1.0, 1.0),
        ("Role of α-synuclein in neurons", "Role of β-synuclein in neurons", 0.0, 0.7),
        ("Sediment transport in the upper Rhône", "Sediment transport in the lower Rhône", 0.0, 0.7),
        ("Modelling tidal mixing", "Modeling tidal mixing", 1.0, 1.0),
        ("Transcription in yeast cells", "Transcriptional yeast cells", 0.0, 0.7),
        ("Membrane polarization in neurons", "Membrane depolarization in neurons", 0.0, 0.7),
        ("Tidal mixing in fjords", "Tidal mixing in fjord", 1.0, 1.0),
        ("Tidal mixing in shallow fjords [preprint]", "Tidal mixing in shallow fjords", 1.0, 1.0),
        ("RETRACTED: Cod in fjords", "Cod in fjords", 1.0, 1.0),
        ("Seasonal CO<sub>2</sub> uptake", "Seasonal CO2 uptake", 1.0, 1.0),
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
        "Greek letter spelled out, leading article",
        "alpha vs beta",
        "one content word replaced",
        "British and American spelling",
        "a derived word is another word",
        "a prefixed word is another word",
        "plural",
        "bracketed remark",
        "retraction stamp on the retracted work",
        "subscript markup inside a formula",
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


def test_different_subtitles_are_different_works() -> None:
    """ "X: observations" is not "X: a model"; "X" cited for "X: a model" is only a doubt."""
    work = replace(NATURE, title="Tidal mixing in fjords: a spectral model")
    assert assess(make(title="Tidal mixing in fjords: field observations"), work).conflicts
    cited_short = assess(make(title="Tidal mixing in fjords"), work)
    assert not cited_short.conflicts and cited_short.doubts == ("title matches without its subtitle",)


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


def test_choose_ignores_crossref_scores() -> None:
    """Crossref's score neither admits nor excludes a candidate: a low-scoring right record is found."""
    weak = replace(NATURE, score=1.0)
    decision = choose(make(volume="521", page="436"), [weak], query="LeCun Deep learning Nature 2015 521 436")
    assert decision.accepted is not None and decision.accepted.work == weak
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


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["date-parts", "DOI", "type", "family", "name"]), inner, max_size=3)
    ),
    max_leaves=8,
)
CROSSREF_KEYS = [
    "title", "original-title", "author", "editor", "issued", "published-print", "posted", "container-title",
    "volume", "issue", "page", "article-number", "type", "update-to", "relation", "score",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(CROSSREF_KEYS), json_values, max_size=8))
def test_malformed_crossref_items_never_raise(fields: dict[str, object]) -> None:
    """Any JSON in any field of an item (a number for update-to, true for author) is read without error."""
    work = Work.from_crossref({"DOI": "10.5555/x", **fields})
    assert work is not None
    assert 0.0 <= assess(make(volume="1", page="2"), work).confidence <= 1.0
    assert work.describe().endswith("doi:10.5555/x")


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


RECORDS, FIND, VERIFY = load_decoys()
INDEX = [work for record in RECORDS if (work := Work.from_crossref(record))]


@pytest.mark.parametrize("case", FIND, ids=[case.id for case in FIND])
def test_decoy_table_with_every_record_a_candidate(case: DecoyCase) -> None:
    """The decision holds when the whole invented index is offered, not just the search's top rows."""
    decision = choose(case.reference(), INDEX)
    accepted = decision.accepted.work.doi if decision.accepted else None
    assert accepted == case.expect, [a.explain() for a in decision.rejected[:3]]
    if accepted is None:  # every refusal says why, candidate by candidate
        assert all(a.conflicts or a.unmet or a in decision.ambiguous for a in decision.rejected)


def crossref_work(**record: object) -> Work:
    base: dict[str, object] = {"DOI": "10.5555/x", "title": "Tidal mixing in shallow fjords", "issued": 2014}
    work = Work.from_crossref(expand({**base, **record}))
    assert work is not None
    return work


QUILL = Reference(
    author=(Name("Quill", "M."),),
    issued=Date(2014),
    variables=FrozenMap({"title": "Tidal mixing in shallow fjords", "container-title": "J Coast Dyn"}),
)


@pytest.mark.parametrize(
    ("record", "conflict"),
    [
        ({"update-to": [{"DOI": "10.5555/y", "type": "correction"}]}, "a correction notice"),
        ({"update-to": [{"DOI": "10.5555/y", "type": "retraction"}]}, "a retraction notice"),
        ({"relation": {"is-review-of": [{"id": "10.5555/y"}]}}, "a record that is review of"),
        ({"relation": {"is-comment-on": [{"id": "10.5555/y"}]}}, "a record that is comment on"),
        ({"type": "component"}, "a component record"),
        ({"DOI": "10.5555/x.s001"}, "a supplement, figure or table"),
        ({"title": "Correction to: Tidal mixing in shallow fjords"}, "a notice, comment or review"),
        ({"title": "Reply to: Tidal mixing in shallow fjords"}, "a notice, comment or review"),
        ({"title": "Retraction notice: Tidal mixing in shallow fjords"}, "a notice, comment or review"),
        ({"type": "posted-content", "container-title": "J Coast Dyn"}, "a preprint, but"),
        ({"DOI": "10.48550/arXiv.1401.0001"}, "a preprint, but"),
        ({"type": "book"}, "a whole book, but the reference is an article"),
        ({"author": ["Lindgren, Per"]}, "first author Quill ≠ Lindgren"),
        ({"issued": 2011}, "year 2014 ≠ 2011"),
        ({"issued": 2011, "published-print": 2016}, "year 2014 ≠ 2011/2016"),
        ({"title": "Tidal mixing in deep fjords"}, "title differs (similarity 0.70: shallow ≠ deep)"),
        ({"title": "Mixing in tidal shallow fjords"}, "title differs (similarity 0.70: word order differs"),
        ({"type": "dataset", "title": "Data from: Tidal mixing in shallow fjords"}, "a dataset record"),
        ({"type": "dissertation"}, "a dissertation, but the reference names J Coast Dyn"),
    ],
    ids=[
        "correction (update-to)",
        "retraction (update-to)",
        "book review (relation)",
        "comment (relation)",
        "component type",
        "supplement DOI",
        "correction by title",
        "reply by title",
        "retraction by title",
        "preprint for a journal reference",
        "preprint by DOI prefix",
        "whole book for an article",
        "other first author",
        "year two off",
        "year two off from every date",
        "one word replaced",
        "words moved",
        "Data from: dataset",
        "a thesis for a journal article",
    ],
)
def test_conflicts_rule_a_candidate_out(record: dict[str, object], conflict: str) -> None:
    """Each decoy kind is ruled out by a conflict that names it."""
    result = assess(QUILL, crossref_work(**{"author": ["Quill, Mara"], **record}))
    assert any(c.startswith(conflict) for c in result.conflicts), result.conflicts
    assert not result.acceptable


@pytest.mark.parametrize(
    ("record", "unmet"),
    [
        ({"issued": 2015}, "year 2014 ≠ 2015 (one off), and no first page"),
        ({"author": ["Berg, Ane", "Quill, Mara"]}, "first author Quill is not first on the record"),
        ({"container-title": "Nature Communications"}, "container J Coast Dyn ≠ Nature Communications"),
        ({"title": "Tidal mixing in shallow fjords: a model"}, "title matches without its subtitle"),
        ({"author": []}, "the record names no author to compare"),
        ({"issued": None, "container-title": "Other Journal"}, "container J Coast Dyn ≠ Other Journal"),
        ({"container-title": None}, "the record names no container to compare with J Coast Dyn"),
    ],
    ids=[
        "year one off",
        "authors in another order",
        "another container",
        "subtitle missing",
        "record without authors",
        "no date and another container",
        "record without container",
    ],
)
def test_doubts_need_a_page_to_confirm_them(record: dict[str, object], unmet: str) -> None:
    """A doubt blocks acceptance until the first page (or volume and issue) agrees too."""
    fields = {"author": ["Quill, Mara"], "container-title": "Journal of Coastal Dynamics", **record}
    fields = {k: v for k, v in fields.items() if v is not None}
    result = assess(QUILL, crossref_work(**fields))
    assert result.conflicts == () and any(u.startswith(unmet) for u in result.unmet), result.unmet
    confirmed = replace(QUILL, variables=FrozenMap({**QUILL.variables, "page": "211-229"}))
    assert assess(confirmed, crossref_work(**fields, page="211-229")).acceptable


@pytest.mark.parametrize(
    ("reference", "acceptable"),
    [
        (make(title="Editorial", volume="521", issue="7553", page="436"), True),
        (make(title="Editorial"), False),
        (make(title="Introduction", page="436"), True),
        (make(title="Introduction", **{"container-title": ""}, page="436"), False),
    ],
    ids=["editorial with numbers", "editorial by journal and year", "introduction with page", "no container"],
)
def test_generic_titles_need_container_and_number(reference: Reference, acceptable: bool) -> None:
    """ "Editorial" or "Introduction" identifies nothing: the container and a page must agree."""
    work = replace(NATURE, title=reference.title)
    assert assess(reference, work).acceptable is acceptable


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        ("J Coast Dyn", "Journal of Coastal Dynamics", True),
        ("J R Stat Soc B", "Journal of the Royal Statistical Society: Series B (Methodological)", True),
        ("Nature (London)", "Nature", True),
        ("Nature", "Nature Communications", False),
        ("Phys Rev", "Physical Review Letters", False),
        ("Journal of Water Networks", "Journal of Water Networks Research", False),
    ],
    ids=["ISO abbreviation", "inner words", "bracketed place", "sibling journal", "Phys Rev", "longer"],
)
def test_container_names(short: str, full: str, same: bool) -> None:
    """An abbreviation may skip inner words of the journal's name, not words at its end."""
    work = replace(NATURE, container_title=full)
    reference = make(**{"container-title": short})
    assert ("container" in assess(reference, work).agreements) is same


@pytest.mark.parametrize(
    ("update", "notice"),
    [
        ({"DOI": "10.5555/y", "type": "correction"}, True),
        ({"DOI": "10.5555/x", "type": "correction"}, False),
        ({"DOI": "10.5555/y", "type": "new_version"}, False),
        ({"DOI": "10.5555/y"}, True),
    ],
    ids=["corrects another record", "updates itself", "a new version", "update of unknown type"],
)
def test_update_to_marks_notices(update: dict[str, str], notice: bool) -> None:
    """update-to pointing at another DOI makes a notice; a self-update or a new version does not."""
    assert bool(crossref_work(**{"update-to": [update]}).notice) is notice


@pytest.mark.parametrize(
    ("cited", "recorded", "same"),
    [
        ("Berg", "van der Berg", True),
        ("Berg", "Goldberg", False),
        ("Mueller", "Müller", True),
        ("Le Cun", "LeCun", True),
        ("Baird", "Okonkwo-Baird", False),
        ("Li", "Lin", False),
    ],
    ids=[
        "dropped particle",
        "a longer name ending alike",
        "German transliteration",
        "spacing",
        "half",
        "short",
    ],
)
def test_first_author_family_names(cited: str, recorded: str, same: bool) -> None:
    """Family names match through particles, spacing and umlaut spelling, never by a mere common ending."""
    result = assess(make(author=cited), replace(NATURE, author=(Name(recorded, "A."),)))
    assert ("first author" in result.agreements) is same
    assert bool(result.conflicts) is not same


def test_title_difference_names_the_words() -> None:
    """The diagnostic says which words differ."""
    assert title_difference("Transport in the upper Rhône", "Transport in the lower Rhône") == "upper ≠ lower"
    assert title_difference("Ice melt", "Ice melt revisited") == "+revisited"
    assert title_difference("Deep learning", "Deep Learning.") == ""


def test_ambiguous_preprint_and_article_without_venue() -> None:
    """Article and preprint of one year with no venue cited: a tie, and the diagnostic lists both."""
    article = crossref_work(author=["Quill, Mara"], **{"container-title": "Journal of Coastal Dynamics"})
    preprint = crossref_work(DOI="10.5555/pre", author=["Quill, Mara"], type="posted-content")
    bare = replace(QUILL, variables=FrozenMap({"title": QUILL.title}))
    decision = choose(bare, [article, preprint])
    assert decision.accepted is None
    assert [a.work.doi for a in decision.ambiguous] == ["10.5555/x", "10.5555/pre"]
    assert decision.ambiguous[1].unmet == ("a preprint, and the reference names no preprint server",)


def test_random_one_mutation_decoys() -> None:
    """600 invented works among 1-4 one-mutation decoys, cited with random fields, present or not:
    no decoy is accepted when the reference holds the field that tells it apart; most works are found."""
    rng = random.Random(20261125)
    wrong, found, present_count = [], 0, 0
    for i in range(600):
        record = random_work(f"10.5555/w{i}", rng)
        names = rng.sample(sorted(REVEALED_BY), rng.randint(1, 4))
        decoys = {f"{record['DOI']}d{k}": name for k, name in enumerate(names)}
        pool = [{**one_mutation_decoy(name, record, rng), "DOI": doi} for doi, name in decoys.items()]
        fields, csl = cite_some_fields(record, rng)
        if rng.random() < 0.5:
            pool.append(record)
            present_count += 1
        decision = choose(Reference.from_csl(csl), [w for r in pool if (w := Work.from_crossref(expand(r)))])
        got = decision.accepted.work.doi if decision.accepted else ""
        found += got == record["DOI"]
        if got in decoys and REVEALED_BY[decoys[got]] & (fields | {"title"}):
            wrong.append((decoys[got], sorted(fields), decision.accepted.explain()))  # type: ignore[union-attr]
    assert wrong == []
    assert found >= 0.8 * present_count
