"""PMIDs, PMCIDs, arXiv ids, ISBNs and ISSNs are canonicalised, validated and found in text."""

from __future__ import annotations

import pytest

from refnorm.identifiers import (
    arxiv_key,
    find_arxiv_ids,
    find_isbns,
    find_issns,
    find_pmcids,
    find_pmids,
    isbn10_to_13,
    normalize_arxiv,
    normalize_isbn,
    normalize_issn,
    normalize_pmcid,
    normalize_pmid,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("31227802", "31227802", id="bare"),
        pytest.param("PMID: 31227802", "31227802", id="label"),
        pytest.param("pmid 31227802", "31227802", id="lower-label"),
        pytest.param("https://pubmed.ncbi.nlm.nih.gov/31227802/", "31227802", id="url"),
        pytest.param("http://www.ncbi.nlm.nih.gov/pubmed/31227802", "31227802", id="old-url"),
        pytest.param("031227802", "31227802", id="leading-zero"),
        pytest.param("PMC6805248", None, id="pmcid-is-not-pmid"),
        pytest.param("0", None, id="zero"),
        pytest.param("", None, id="empty"),
    ],
)
def test_normalize_pmid(text: str, expected: str | None) -> None:
    """A PMID is digits without leading zeros, whatever label or URL it came with."""
    assert normalize_pmid(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("PMC6805248", "PMC6805248", id="canonical"),
        pytest.param("pmc6805248", "PMC6805248", id="lower"),
        pytest.param("PMCID: PMC6805248", "PMC6805248", id="label"),
        pytest.param("6805248", "PMC6805248", id="bare-digits"),
        pytest.param("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6805248/", "PMC6805248", id="url"),
        pytest.param("https://pmc.ncbi.nlm.nih.gov/articles/PMC6805248", "PMC6805248", id="new-url"),
        pytest.param("PMCX12", None, id="garbage"),
    ],
)
def test_normalize_pmcid(text: str, expected: str | None) -> None:
    """A PMCID is always written ``PMC`` + digits."""
    assert normalize_pmcid(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1706.03762", "1706.03762", id="new-bare"),
        pytest.param("arXiv:1706.03762v5", "1706.03762v5", id="new-versioned"),
        pytest.param("arxiv: 2101.00001", "2101.00001", id="five-digit"),
        pytest.param("https://arxiv.org/abs/1706.03762v2", "1706.03762v2", id="abs-url"),
        pytest.param("https://arxiv.org/pdf/1706.03762v2.pdf", "1706.03762v2", id="pdf-url"),
        pytest.param("10.48550/arXiv.1706.03762", "1706.03762", id="datacite-doi"),
        pytest.param("https://doi.org/10.48550/arXiv.1706.03762", "1706.03762", id="datacite-doi-url"),
        pytest.param("hep-th/9901001", "hep-th/9901001", id="old-style"),
        pytest.param("arXiv:math.GT/0309136v1", "math/0309136v1", id="old-with-subject-class"),
        pytest.param("0701.1234", None, id="before-new-scheme"),
        pytest.param("1501.1234", None, id="four-digits-after-2014"),
        pytest.param("1313.12345", None, id="month-13"),
        pytest.param("foo/9901001", None, id="unknown-archive"),
    ],
)
def test_normalize_arxiv(text: str, expected: str | None) -> None:
    """Old- and new-style ids are recognised in every usual spelling, version kept."""
    assert normalize_arxiv(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("arXiv:1706.03762v1", "https://arxiv.org/abs/1706.03762v5", id="versions"),
        pytest.param("10.48550/arXiv.1706.03762", "1706.03762", id="doi-vs-id"),
        pytest.param("math.GT/0309136", "math/0309136v2", id="subject-class"),
    ],
)
def test_arxiv_key_ignores_version(a: str, b: str) -> None:
    """Every version and spelling of one preprint has the same comparison key."""
    assert arxiv_key(a) == arxiv_key(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("978-0-262-03384-8", "9780262033848", id="isbn13-hyphens"),
        pytest.param("ISBN 978 0 262 03384 8", "9780262033848", id="isbn13-spaces-label"),
        pytest.param("0-262-03384-4", "9780262033848", id="isbn10-to-13"),
        pytest.param("ISBN-10: 0262033844", "9780262033848", id="isbn10-label"),
        pytest.param("0-8044-2957-x", "9780804429573", id="isbn10-check-x"),
        pytest.param("978-0-262-03384-7", None, id="bad-13-checksum"),
        pytest.param("0-262-03384-5", None, id="bad-10-checksum"),
        pytest.param("12345", None, id="too-short"),
    ],
)
def test_normalize_isbn(text: str, expected: str | None) -> None:
    """ISBNs become 13 bare digits and a wrong check digit is rejected."""
    assert normalize_isbn(text) == expected


def test_isbn10_to_13() -> None:
    """The 978 prefix is added and the check digit recomputed."""
    assert isbn10_to_13("0306406152") == "9780306406157"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("0028-0836", "0028-0836", id="canonical"),
        pytest.param("00280836", "0028-0836", id="no-hyphen"),
        pytest.param("ISSN 1476-4687", "1476-4687", id="label"),
        pytest.param("eISSN: 1530-888x", "1530-888X", id="check-x"),
        pytest.param("0028-0837", None, id="bad-checksum"),
        pytest.param("2107-2118", None, id="page-range"),
    ],
)
def test_normalize_issn(text: str, expected: str | None) -> None:
    """ISSNs are ``NNNN-NNNC`` with a valid check character."""
    assert normalize_issn(text) == expected


TEXT = (
    "Shree N, et al. Int J Obes. 2019;43(10):2107-2118. ISSN 0307-0565. PMID: 31227802; "
    "PMCID: PMC6805248. Preprint at arXiv:1812.04101v2 (cf. hep-th/9901001). "
    "Also in: Handbook. Cambridge: MIT Press; 2009. ISBN 978-0-262-03384-8."
)


@pytest.mark.parametrize(
    ("finder", "expected"),
    [
        pytest.param(find_pmids, [("31227802", "PMID: 31227802")], id="pmid"),
        pytest.param(find_pmcids, [("PMC6805248", "PMCID: PMC6805248")], id="pmcid"),
        pytest.param(
            find_arxiv_ids,
            [("1812.04101v2", "arXiv:1812.04101v2"), ("hep-th/9901001", "hep-th/9901001")],
            id="arxiv",
        ),
        pytest.param(find_isbns, [("9780262033848", "ISBN 978-0-262-03384-8")], id="isbn"),
        pytest.param(find_issns, [("0307-0565", "ISSN 0307-0565")], id="issn"),
    ],
)
def test_find_in_text(finder: object, expected: list[tuple[str, str]]) -> None:
    """Each finder returns canonical ids with spans covering their label or URL."""
    found = finder(TEXT)  # type: ignore[operator]
    assert [(canonical, TEXT[start:end]) for canonical, start, end in found] == expected


@pytest.mark.parametrize(
    ("finder", "text"),
    [
        pytest.param(find_pmids, "Nature. 2019;31227802.", id="bare-number-is-not-pmid"),
        pytest.param(find_arxiv_ids, "Vol 1706.03762 of the series", id="bare-new-arxiv-needs-prefix"),
        pytest.param(find_issns, "J Foo. 2019;43:2107-2118.", id="page-range-is-not-issn"),
        pytest.param(find_isbns, "Tel 978-0-262-03384-8", id="isbn-needs-label"),
        pytest.param(find_pmcids, "see APMC12 ", id="pmc-inside-word"),
    ],
)
def test_find_needs_context(finder: object, text: str) -> None:
    """Numbers that merely look like identifiers are not reported without their label."""
    assert finder(text) == []  # type: ignore[operator]


def test_finders_are_linear_on_long_lines() -> None:
    """A pathological 100 kB line is scanned without catastrophic backtracking."""
    text = "ISBN " + "1-" * 50_000 + " arXiv:" + "1" * 50_000 + " PMID: " + "9" * 50_000
    for finder in (find_pmids, find_pmcids, find_arxiv_ids, find_isbns, find_issns):
        finder(text)


def test_find_arxiv_category_belongs_to_the_id() -> None:
    """A listing's primary category after the id ("[hep-th]", "[cs.LG]") is cut with it, not left as text."""
    text = "JHEP 1005, 067 (2010) [arXiv:0905.2970 [hep-th]]; arXiv:1501.01234 [cs.LG]"
    spans = [text[start:end] for _, start, end in find_arxiv_ids(text)]
    assert spans == ["arXiv:0905.2970 [hep-th]", "arXiv:1501.01234 [cs.LG]"]
