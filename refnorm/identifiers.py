"""Work identifiers other than DOIs: PMID, PMCID, arXiv id, ISBN and ISSN.

Each kind has a canonical type (``NewType`` over ``str``), a tolerant ``normalize_*`` that
returns the canonical form or ``None``, and a ``find_*`` that locates identifiers in free
text as ``(canonical, start, end)`` triples like :func:`refnorm.doi.find_dois` (the span
covers any ``PMID:``/URL prefix). In running text an identifier is only recognised with its
label or resolver URL: a bare number is not a PMID and "1234-5678" is more often a page
range than an ISSN.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NewType, TypeVar

__all__ = [
    "ISBN",
    "ISSN",
    "PMCID",
    "PMID",
    "ArXivID",
    "arxiv_key",
    "find_arxiv_ids",
    "find_isbns",
    "find_issns",
    "find_pmcids",
    "find_pmids",
    "isbn10_to_13",
    "normalize_arxiv",
    "normalize_isbn",
    "normalize_issn",
    "normalize_pmcid",
    "normalize_pmid",
]

PMID = NewType("PMID", str)
"""A PubMed id: decimal digits, no leading zeros ("31227802")."""
PMCID = NewType("PMCID", str)
"""A PubMed Central id: ``PMC`` followed by digits ("PMC6805248")."""
ArXivID = NewType("ArXivID", str)
"""An arXiv id, new ("1706.03762v5") or old style ("hep-th/9901001"); version kept if given."""
ISBN = NewType("ISBN", str)
"""An ISBN-13 as 13 digits, no hyphens, checksum valid ("9780262033848")."""
ISSN = NewType("ISSN", str)
"""An ISSN as ``NNNN-NNNC``, checksum valid, upper-case ``X`` ("0028-0836")."""

_T = TypeVar("_T", bound=str)

# -- PMID / PMCID ----------------------------------------------------------------------------------
_PUBMED_URL = r"(?:https?://)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/)"
_PMID_PREFIX = re.compile(rf"^\s*(?:{_PUBMED_URL}|PMID\s*[:=]?\s*|pubmed\s*[:=]\s*)", re.IGNORECASE)
_PMID_IN_TEXT = re.compile(
    rf"(?:{_PUBMED_URL}|\bPMID\s*[:=]?\s*|\bpubmed\s*[:=]\s*)(?P<id>\d{{1,9}})(?!\d|\.\d)", re.IGNORECASE
)

_PMC_URL = r"(?:https?://)?(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pmc/articles/|pmc\.ncbi\.nlm\.nih\.gov/articles/)"
_PMCID_PREFIX = re.compile(rf"^\s*(?:{_PMC_URL}|PMCID\s*[:=]?\s*)", re.IGNORECASE)
_PMCID_IN_TEXT = re.compile(
    rf"(?:{_PMC_URL}|\bPMCID\s*[:=]?\s*)?(?<![A-Za-z0-9])(?P<id>PMC\s?\d{{1,9}})(?!\d)", re.IGNORECASE
)


def normalize_pmid(text: str) -> PMID | None:
    """Canonical PMID from ``"PMID: 123"``, a PubMed URL or bare digits; None otherwise.

    >>> normalize_pmid("https://pubmed.ncbi.nlm.nih.gov/31227802/")
    '31227802'
    """
    candidate = _PMID_PREFIX.sub("", text.strip(), count=1).rstrip("/. ")
    if not re.fullmatch(r"\d{1,9}", candidate) or int(candidate) == 0:
        return None
    return PMID(str(int(candidate)))


def normalize_pmcid(text: str) -> PMCID | None:
    """Canonical ``PMC…`` id from ``"PMCID: PMC123"``, a PMC URL, ``"pmc123"`` or bare digits.

    >>> normalize_pmcid("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6805248/")
    'PMC6805248'
    """
    candidate = _PMCID_PREFIX.sub("", text.strip(), count=1).rstrip("/. ")
    match = re.fullmatch(r"(?:PMC\s?)?(\d{1,9})", candidate, re.IGNORECASE)
    if match is None or int(match.group(1)) == 0:
        return None
    return PMCID(f"PMC{int(match.group(1))}")


def _find(
    pattern: re.Pattern[str], normalize: Callable[[str], _T | None], text: str
) -> list[tuple[_T, int, int]]:
    """Matches of ``pattern`` whose ``id`` group normalises, as ``(canonical, start, end)``."""
    found: list[tuple[_T, int, int]] = []
    for match in pattern.finditer(text):
        canonical = normalize(match.group("id"))
        if canonical is not None:
            found.append((canonical, match.start(), match.end("id")))
    return found


def find_pmids(text: str) -> list[tuple[PMID, int, int]]:
    """Every labelled PMID ("PMID: 123", a PubMed URL) in ``text`` as ``(pmid, start, end)``."""
    return _find(_PMID_IN_TEXT, normalize_pmid, text)


def find_pmcids(text: str) -> list[tuple[PMCID, int, int]]:
    """Every ``PMC…`` id in ``text`` (with its label or URL in the span) as ``(pmcid, start, end)``."""
    return _find(_PMCID_IN_TEXT, normalize_pmcid, text)


# -- arXiv ---------------------------------------------------------------------------------------
# Old-style archives (before April 2007); the subject class ("math.GT") is shown in listings but is
# not part of the identifier, so it is dropped from the canonical form.
_ARCHIVES = (
    "acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|"
    "cond-mat|cs|dg-ga|funct-an|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math|math-ph|mtrl-th|nlin|nucl-ex|"
    "nucl-th|patt-sol|physics|plasm-ph|q-alg|q-bio|quant-ph|solv-int|supr-con"
)
_ARCHIVE_RE = "|".join(sorted(_ARCHIVES.split("|"), key=len, reverse=True))  # longest first
_ARXIV_ID = (
    rf"(?:(?P<new>\d{{4}}\.\d{{4,5}})|(?P<archive>{_ARCHIVE_RE})(?:\.[A-Za-z]{{2}})?/(?P<old>\d{{7}}))"
    r"(?P<version>v\d{1,3})?"
)
_ARXIV_PREFIX = (
    r"(?:(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/"
    r"|(?:https?://doi\.org/)?10\.48550/arxiv\."
    r"|arxiv\s*[:.]\s*|arxiv\s+)"
)
_ARXIV_FULL = re.compile(rf"\s*{_ARXIV_PREFIX}?{_ARXIV_ID}(?:\.pdf)?/?\s*", re.IGNORECASE)
# In running text a new-style id needs its prefix ("1706.03762" alone could be anything);
# an old-style id names its archive, which is distinctive enough on its own.
# … and a listing's primary category after it ("arXiv:0905.2970 [hep-th]") belongs to the id's span
_ARXIV_CATEGORY = rf"(?:\s*\[(?:{_ARCHIVE_RE}|[a-z-]{{2,9}}\.[a-z-]{{2,12}})\])?"  # "[cs.LG]", "[hep-th]"
_ARXIV_IN_TEXT = re.compile(
    rf"(?:(?<![\w/.]){_ARXIV_PREFIX}{_ARXIV_ID}{_ARXIV_CATEGORY}|(?<![\w/.-])(?P<bare>(?:{_ARCHIVE_RE})(?:\.[A-Za-z]{{2}})?/\d{{7}}(?:v\d{{1,3}})?))(?![\w])",
    re.IGNORECASE,
)


def _arxiv_from_match(match: re.Match[str]) -> ArXivID | None:
    version = (match.group("version") or "").lower()
    if match.group("new"):
        yymm = match.group("new")[:4]
        month = int(yymm[2:])
        digits = len(match.group("new")) - 5
        # New-style ids began in 0704; 4-digit serials ran to 1412, 5-digit ones since 1501.
        if not 1 <= month <= 12 or int(yymm) < 704 or (digits == 5) != (int(yymm) >= 1501):
            return None
        return ArXivID(match.group("new") + version)
    return ArXivID(f"{match.group('archive').lower()}/{match.group('old')}{version}")


def normalize_arxiv(text: str) -> ArXivID | None:
    """Canonical arXiv id (version kept) from ``arXiv:…``, an abs/pdf URL, a 10.48550 DOI or a bare id.

    >>> normalize_arxiv("https://arxiv.org/abs/math.GT/0309136v2")
    'math/0309136v2'
    """
    match = _ARXIV_FULL.fullmatch(text)
    return _arxiv_from_match(match) if match else None


def arxiv_key(arxiv_id: str) -> str:
    """Comparison key: the id without its version, so every version of a preprint matches."""
    canonical = normalize_arxiv(arxiv_id) or arxiv_id.strip().lower()
    return re.sub(r"v\d+$", "", canonical)


def find_arxiv_ids(text: str) -> list[tuple[ArXivID, int, int]]:
    """Every arXiv id in ``text`` as ``(id, start, end)``; the span covers its ``arXiv:``/URL prefix."""
    found: list[tuple[ArXivID, int, int]] = []
    for match in _ARXIV_IN_TEXT.finditer(text):
        canonical = normalize_arxiv(match.group("bare")) if match.group("bare") else _arxiv_from_match(match)
        if canonical is not None:
            found.append((canonical, match.start(), match.end()))
    return found


# -- ISBN / ISSN -----------------------------------------------------------------------------------
_ISBN_LABEL = re.compile(r"^\s*ISBN(?:-?1[03])?\s*[:=]?\s*", re.IGNORECASE)
_ISBN_IN_TEXT = re.compile(
    r"\bISBN(?:-?1[03])?\s*[:=]?\s*(?P<id>(?:97[89][\s-]?)?\d(?:[\s-]?\d){8}[\s-]?[\dXx])(?![\dXx])",
    re.IGNORECASE,
)


def _isbn10_valid(digits: str) -> bool:
    total = sum((10 - i) * (10 if c in "Xx" else int(c)) for i, c in enumerate(digits))
    return total % 11 == 0


def _isbn13_check(first12: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(first12))
    return str((10 - total % 10) % 10)


def isbn10_to_13(isbn10: str) -> ISBN:
    """The ISBN-13 (978 prefix) of a bare, valid ISBN-10."""
    first12 = "978" + isbn10[:9]
    return ISBN(first12 + _isbn13_check(first12))


def normalize_isbn(text: str) -> ISBN | None:
    """Canonical ISBN-13 (digits only) from an ISBN-10 or -13 with any hyphens/spaces; None if invalid.

    >>> normalize_isbn("ISBN 0-262-03384-4")
    '9780262033848'
    """
    candidate = re.sub(r"[\s\-‐‑–]", "", _ISBN_LABEL.sub("", text, count=1)).upper()
    if re.fullmatch(r"\d{9}[\dX]", candidate):
        return isbn10_to_13(candidate) if _isbn10_valid(candidate) else None
    if re.fullmatch(r"97[89]\d{10}", candidate) and _isbn13_check(candidate[:12]) == candidate[12]:
        return ISBN(candidate)
    return None


def find_isbns(text: str) -> list[tuple[ISBN, int, int]]:
    """Every labelled, checksum-valid ISBN in ``text`` as ``(isbn13, start, end)``."""
    return _find(_ISBN_IN_TEXT, normalize_isbn, text)


_ISSN_IN_TEXT = re.compile(
    r"\b(?:[ep]-?ISSN|ISSN(?:-L)?)\s*(?:\((?:print|online|electronic)\)\s*)?[:=]?\s*"
    r"(?P<id>\d{4}[\s-]?\d{3}[\dXx])(?![\dXx])",
    re.IGNORECASE,
)


def normalize_issn(text: str) -> ISSN | None:
    """Canonical ``NNNN-NNNC`` ISSN (checksum validated) from any spacing or label; None if invalid.

    >>> normalize_issn("issn 00280836")
    '0028-0836'
    """
    match = _ISSN_IN_TEXT.fullmatch(text.strip()) or re.fullmatch(
        r"\s*(?P<id>\d{4}[\s-]?\d{3}[\dXx])\s*", text
    )
    if match is None:
        return None
    digits = re.sub(r"[\s-]", "", match.group("id")).upper()
    total = sum(int(c) * (8 - i) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    if digits[7] != ("X" if check == 10 else str(check)):
        return None
    return ISSN(f"{digits[:4]}-{digits[4:]}")


def find_issns(text: str) -> list[tuple[ISSN, int, int]]:
    """Every labelled ("ISSN", "eISSN", "ISSN-L"), checksum-valid ISSN in ``text``."""
    return _find(_ISSN_IN_TEXT, normalize_issn, text)
