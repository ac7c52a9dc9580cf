"""Turn the tagger's labelled spans into a CSL-JSON item.

The first span of a label is its value (later ones are usually a repeated year or a second number);
names go through :func:`refnorm.names.parse_names`, and the type is inferred last from which fields
were found, as AnyStyle does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from refnorm.tagger.model import Span

__all__ = ["infer_type", "spans_to_csl"]

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DOI = re.compile(r"10\.\d{3,9}/\S+")
_EDGE = " \t.,;:()[]{}<>\"'“”‘’«»"
_PREFIX = re.compile(
    r"^(?:vols?|volumes?|v|bd|band|tome|t|jg|nos?|nr|number|issue|heft|h|fasc|n°|pp?|pages?|s|ss)\b\.?\s*",
    re.IGNORECASE,
)
_EDITOR_CUE = re.compile(
    r"\b(?:eds?|editors?|edited|editor\(s\)|hrsg|hg|dir|coord|orgs?|red|comps?|éds?|a cura di|in)\b",
    re.IGNORECASE,
)
_THESIS = re.compile(r"thes|dissert|diplom|tesis|doktor|doctor", re.IGNORECASE)
_REPORT = re.compile(r"report|paper|brief|bericht|rapport", re.IGNORECASE)
_CONFERENCE = re.compile(
    r"proceed|conferen|symposi|workshop|congress|meeting|kongress|colloqu|tagung", re.IGNORECASE
)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(_EDGE)


def _number(text: str) -> str:
    return _PREFIX.sub("", _clean(text)).strip(_EDGE)


def _names(text: str) -> list[dict[str, str]]:
    from refnorm.names import parse_names

    return [name.to_csl() for name in parse_names(text).names]


def infer_type(fields: dict[str, Any]) -> str:
    """A CSL type from the fields present (and a few words in genre/container)."""
    genre = str(fields.get("genre", ""))
    container = str(fields.get("container-title", ""))
    if genre and _THESIS.search(genre):
        return "thesis"
    if (genre and _REPORT.search(genre)) or ("number" in fields and "container-title" not in fields):
        return "report"
    if container and _CONFERENCE.search(container):
        return "paper-conference"
    if container:
        if "volume" in fields or "issue" in fields:
            return "article-journal"
        if "editor" in fields or "publisher" in fields or "publisher-place" in fields:
            return "chapter"
        if "URL" in fields and "page" not in fields:
            return "webpage"
        return "article-journal"
    if "URL" in fields and "publisher" not in fields:
        return "webpage"
    return "book"


def _editor_cue(text: str, span: Span) -> bool:
    """Is there an editor marker ("eds.", "Hrsg.", "edited by", "In:") next to the span?"""
    window = text[max(0, span.start - 25) : span.start] + " " + text[span.end : span.end + 25]
    return _EDITOR_CUE.search(window) is not None


def spans_to_csl(spans: Sequence[Span], text: str = "") -> dict[str, Any]:
    """A CSL-JSON item from labelled spans (first span of each label wins).

    With the source ``text``, an editor span counts only next to an editor marker: the tagger is too
    quick to read a run of capitalised words as editors.
    """
    first: dict[str, str] = {}
    for span in spans:
        if span.label == "editor" and text and not _editor_cue(text, span):
            continue
        first.setdefault(span.label, span.text)
    if "title" not in first and "container-title" in first:
        # every reference has a title: a lone "container" is the title of a book the tagger misread
        first["title"] = first.pop("container-title")
    out: dict[str, Any] = {}
    for label in ("author", "editor"):
        if label in first:
            names = _names(first[label])
            if names:
                out[label] = names
    for label in ("title", "container-title", "collection-title", "publisher", "publisher-place", "genre"):
        if label in first:
            value = _clean(first[label])
            if value:
                out[label] = value
    for label in ("volume", "issue", "edition", "number", "citation-number"):
        if label in first:
            value = _number(first[label])
            if value:
                out[label] = value
    if "page" in first:
        page = re.sub(r"\s+", "", _number(first["page"]))
        page = re.sub(r"[‐‑‒–—―−]+|-{2,}", "-", page)
        if page:
            out["page"] = page
    years = [m.group(1) for s in spans if s.label == "date" for m in [_YEAR.search(s.text)] if m]
    if years:
        out["issued"] = {"date-parts": [[int(years[0])]]}
    if "DOI" in first:
        m = _DOI.search(re.sub(r"\s+", "", first["DOI"]))
        if m:
            out["DOI"] = m.group().rstrip(".,;")
    if "URL" in first:
        url = re.sub(r"\s+", "", first["URL"]).strip("<>").rstrip(".,;")
        if url:
            out["URL"] = url
    if "accessed" in first:
        m = _YEAR.search(first["accessed"])
        if m:
            out["accessed"] = {"date-parts": [[int(m.group(1))]]}
    out["type"] = infer_type(out)
    return out
