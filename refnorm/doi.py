"""DOIs: find them in free text, canonicalise them, compare them.

A DOI is ``10.<registrant>/<suffix>``; the suffix may hold almost anything, so
finding where one *ends* in running text is the hard part. Trailing sentence
punctuation and unbalanced closing brackets are not part of it.
"""

from __future__ import annotations

import re
from typing import NewType
from urllib.parse import unquote

__all__ = ["DOI", "SICI_TAIL", "doi_key", "find_doi", "find_dois", "normalize_doi", "strip_doi_prefix"]

DOI = NewType("DOI", str)
"""A canonical DOI: bare ``10.…`` form, original case kept (compare with :func:`doi_key`)."""

# Prefixes people and tools put in front of a DOI.
_PREFIX = re.compile(
    r"^\s*(?:(?:https?://)?(?:(?:dx\.|www\.)?doi\.org|doi\.acm\.org|dx\.crossref\.org)/+"
    r"|(?:urn:)?doi\s*[:=]?\s*|info:doi/)",
    re.IGNORECASE,
)
# In running text: an optional label or resolver URL, then the DOI itself. The suffix is a run of
# non-space characters; a break after "10.1234/" (a PDF wrap) is allowed once, and so is one after a
# hyphen when a run with a digit follows ("10.1016/S0045- 6535(00)00505-1": no DOI ends in "-"). Old
# Wiley DOIs (SICI) go on with SICI_TAIL: "…)12:8" then "<1371::AID-HYP620>3.0.CO;2-C".
SICI_TAIL = r"<[^\s<>]{0,40}::[^\s<>]{0,40}>[^\s\"<>{}]*"
_IN_TEXT = re.compile(
    r"(?=[hdw1])"  # what every match starts with ("https://", "dx.", "www.", "doi", "10."): a cheap skip
    r"(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/+|\bdoi\s*[:=.]?\s*|\bDOI\s+)?"
    r"(?P<doi>10\.\d{4,9}(?:\.\d+)*\s?/\s?[^\s\"<>{}]+(?:(?<=-)\s(?=[\w()]*\d)[^\s\"<>{}]+)?"
    rf"(?:{SICI_TAIL})?)",
    re.IGNORECASE,
)
_TRAILING = ".,;:'\"“”’»"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def strip_doi_prefix(text: str) -> str:
    """Remove ``doi:``, ``https://doi.org/`` and similar prefixes (repeatedly)."""
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX.sub("", text, count=1)
    return text


def _trim(candidate: str) -> str:
    """Drop trailing punctuation and closing brackets that the DOI did not open."""
    while candidate:
        last = candidate[-1]
        if last in _TRAILING or (last in _PAIRS and candidate.count(last) > candidate.count(_PAIRS[last])):
            candidate = candidate[:-1]
        else:
            break
    return candidate


def normalize_doi(text: str) -> DOI | None:
    """Canonical bare DOI from any common written form, or None if it is not a DOI.

    >>> normalize_doi("https://doi.org/10.1000/ABC.1.")
    '10.1000/ABC.1'
    """
    if not text:
        return None
    candidate = strip_doi_prefix(unquote(text.strip()))
    candidate = re.sub(r"\s+", "", candidate)
    candidate = _trim(candidate)
    if not re.fullmatch(r"10\.\d{4,9}(?:\.\d+)*/\S+", candidate):
        return None
    return DOI(candidate)


def doi_key(doi: str) -> str:
    """Comparison key: DOIs are case-insensitive (ASCII), so two DOIs match iff their keys are equal."""
    canonical = normalize_doi(doi)
    return (canonical or doi.strip()).lower()


def find_dois(text: str) -> list[tuple[DOI, int, int]]:
    """Every DOI in ``text`` as ``(doi, start, end)``; the span covers any ``doi:``/URL prefix."""
    found: list[tuple[DOI, int, int]] = []
    for match in _IN_TEXT.finditer(text):
        raw = match.group("doi")
        canonical = normalize_doi(raw)
        if canonical is None:
            continue
        # A space right after "/" is a wrap only when what follows still looks like a suffix.
        trimmed_len = len(_trim(raw))
        end = match.start("doi") + trimmed_len
        found.append((canonical, match.start(), end))
    return found


def find_doi(text: str) -> DOI | None:
    """The first DOI in ``text``, canonical, or None."""
    found = find_dois(text)
    return found[0][0] if found else None
