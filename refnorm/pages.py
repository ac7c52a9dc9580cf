"""Page ranges: canonical form, abbreviated ranges expanded, BibTeX ``--``."""

from __future__ import annotations

import re

__all__ = ["expand_page_range", "first_page", "normalize_pages", "pages_to_bibtex"]

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_RUN = re.compile(rf"\s*(?:-+|[{_DASHES}]+)\s*")
_COMMA = re.compile(r"\s*,\s*")
_RANGE = re.compile(r"^([A-Za-z]*)(\d+)-([A-Za-z]*)(\d+)$")
# "pp. 12", "S. 12", "pages 12" — but not the "S" of a supplement page "S12".
_LABEL = re.compile(r"^(?:pp?|pages?|pgs?|ss?|seiten?)(?:\.\s*|\s+)(?=[A-Za-z]?\d)", re.IGNORECASE)


def expand_page_range(first: str, last: str) -> str:
    """Expand an abbreviated end page: ``("1857", "66") → "1866"``; a full end page is kept."""
    if len(last) < len(first) and first.isdigit() and last.isdigit():
        return first[: len(first) - len(last)] + last
    return last


def normalize_pages(text: str) -> str:
    """Canonical page value: label dropped, dashes unified to ``-``, short ranges expanded.

    Lists ("1, 4"), Roman numerals and article numbers ("e1234") pass through unchanged
    apart from dash and space cleanup.
    """
    value = _LABEL.sub("", text.strip()).strip()
    value = _DASH_RUN.sub("-", value)
    pieces = []
    for piece in _COMMA.split(value):
        match = _RANGE.match(piece)
        if match:
            p1, a, p2, b = match.groups()
            b = expand_page_range(a, b)
            if p2 == "" and p1:
                p2 = p1 if len(b) <= len(a) else ""
            pieces.append(f"{p1}{a}-{p2}{b}")
        else:
            pieces.append(piece)
    return ", ".join(p for p in pieces if p)


def pages_to_bibtex(text: str) -> str:
    """BibTeX wants ``--`` between first and last page."""
    return re.sub(r"(?<=\w)-(?=\w)", "--", normalize_pages(text))


def first_page(text: str) -> str:
    """The first page of a range ("" when there is none)."""
    match = re.match(r"\s*([A-Za-z]*\d+|[ivxlcdmIVXLCDM]+)", normalize_pages(text))
    return match.group(1) if match else ""
