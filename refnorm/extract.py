"""Pull identifiers, URLs and access dates out of a reference string.

They can stand anywhere and would otherwise pollute titles and container
titles, so they are found first and cut out of the text the field tagger sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from refnorm import identifiers
from refnorm.dates import parse_date_text
from refnorm.doi import SICI_TAIL, find_dois, normalize_doi
from refnorm.model import Date

__all__ = ["Extracted", "extract_identifiers"]


@dataclass(slots=True)
class Extracted:
    text: str  # what is left for the field tagger
    variables: dict[str, str] = field(default_factory=dict)
    accessed: Date | None = None
    online: bool = False  # "[Internet]", "Available from", a URL: the item was read online


_DOMAIN_THEN_PATH = r"(?:com|org|net|edu|gov|int|info|ca|uk|de|fr|it|es|nl|be|ch|au|jp|ru|br|io)/"
_URL = re.compile(
    r"(?:<\s*)?(?:\b(?:https?://|ftp://|www\.)[^\s<>\"]+"
    # a bare host with a path: "classiques.uqac.ca/classiques/…"
    rf"|(?<![\w@/.-])(?:[a-z0-9-]+\.)+{_DOMAIN_THEN_PATH}[^\s<>\"]*)"
    r"(?:\s*>)?",
    re.IGNORECASE,
)
# What a bare host with a path holds ("uqac.ca/"): a slash alone ("and/or", a DOI) is no reason to try
# _URL, which is slow on a long text
_HOST_PATH = re.compile(rf"\.{_DOMAIN_THEN_PATH}", re.IGNORECASE)
# What a URL broken by a line wrap or a PDF's stray space continues with: the next piece of text, when
# the URL stopped where it may go on ("/", ".", "-", an encoded space) and the piece is URL material
_URL_PIECE = re.compile(r" ([^\s<>\"]{1,300})")
_URL_MATERIAL = re.compile(r"[\d/._=?&%~-]")
_URL_MAY_GO_ON = ("/", ".", "-", "%20")
_PATH_GOES_ON = re.compile(r" [a-z\d][\w.$%-]*/\S*[/.]\w")  # "al/CV/pdfs/P6.pdf" — not "and/or", "a word"
_HOST_OR_PATH = re.compile(r"/|\w\.\w")
_SICI_REST = re.compile(SICI_TAIL)
_SCHEME_ALONE = re.compile(r"\b(https?://)\s+$", re.IGNORECASE)
_URL_LEAD = re.compile(
    r"(?:\b(?:available|abrufbar|disponible)\s+(?:online\s+)?(?:from|at|on|unter|en|sur)\b|\bonline\s*:|"
    r"\bavailable(?=\s*:)|"  # IEEE, Vancouver: "[Online]. Available: https://…"
    r"\bretrieved\s+from\b|\bURL\b|\[online\]|\bonline\s+at\b|\bvia\b|\bdoi\b)\s*:?\s*$",
    re.IGNORECASE,
)
_ACCESSED = re.compile(
    r"[\[(]?\s*(?:(?:last\s+)?accessed(?:\s+on)?|cited|retrieved(?:\s+on)?|viewed|consulted|abgerufen(?:\s+am)?|"
    r"zugegriffen(?:\s+am)?|consulté\s+le|consultado(?:\s+el)?|date\s+of\s+access)\s*:?\s*"
    r"(?P<date>[^\])\n]{0,40}?\d{4}(?:[-/]\d\d(?:[-/]\d\d)?)?(?:\s+[A-Za-z]{3,9}\.?(?:\s+\d{1,2})?)?)\s*[\])]?"
    r"(?:\s*,?\s*from\b)?",
    re.IGNORECASE,
)
# Elsevier Harvard's "(accessed 5.17.22)": month, day and a two-digit year
_ACCESSED_NUMERIC = re.compile(
    r"\(\s*accessed\s+(?P<month>\d{1,2})\.(?P<day>\d{1,2})\.(?P<year>\d{2})\s*\)", re.IGNORECASE
)
_TWO_DIGIT_YEARS_UP_TO = 40  # "22" is 2022, "98" is 1998
_INTERNET = re.compile(
    r"\s*\[(?:Internet|online|Online|electronic resource|serial on the Internet)\]", re.IGNORECASE
)
_PII = re.compile(r"\bpii\s*:\s*([A-Z0-9][\w.()-]*\w)", re.IGNORECASE)
_EPUB = re.compile(
    r"\b(?:Epub\s+(?:ahead\s+of\s+print)?\s*(?:\d{4}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)?|"
    r"\[?Epub ahead of print\]?|Published online\s*:?\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\.?",
)
_DOI_LABEL_BEFORE = re.compile(r"(?:\bdoi|\bDOI)\s*[:.]?\s*$")
# A DOI written with a stray space inside its suffix: "10.1057/ palcomms. 2015.46" at the end of the text.


_ACCESS_WORDS = (
    "accessed",
    "cited",
    "retrieved",
    "viewed",
    "consult",
    "abgerufen",
    "zugegriffen",
    "date of access",
)
_FINDERS: tuple[tuple[str, Callable[[str], Sequence[tuple[str, int, int]]], str], ...] = (
    ("pmc", identifiers.find_pmcids, "PMCID"),
    ("pmid", identifiers.find_pmids, "PMID"),
    ("pubmed", identifiers.find_pmids, "PMID"),
    ("arxiv", identifiers.find_arxiv_ids, "arxiv"),
    ("issn", identifiers.find_issns, "ISSN"),
)


def _cut(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Remove spans (start, end) from text, leaving a single space where one was cut."""
    if not spans:
        return text
    out = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            start = position
        out.append(text[position:start])
        out.append(" ")
        position = max(position, end)
    out.append(text[position:])
    return "".join(out)


def _collect(
    text: str,
    finder: Callable[[str], Sequence[tuple[str, int, int]]],
    key: str,
    variables: dict[str, str],
    spans: list[tuple[int, int]],
) -> None:
    for value, start, end in finder(text):
        variables.setdefault(key, value)
        spans.append((start, end))


def _may_hold_a_url(text: str, lowered: str) -> bool:
    """What every reading of _URL needs: "http", "ftp://", "www." or a host ending in "/"."""
    return (
        "http" in lowered
        or "www." in lowered
        or ("/" in text and ("ftp://" in lowered or _HOST_PATH.search(text) is not None))
    )


def extract_identifiers(text: str) -> Extracted:
    """Find DOI, URL, PMID, PMCID, arXiv id, ISBN, ISSN, pii and access date; return them and the rest."""
    variables: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    online = False
    accessed: Date | None = None

    lowered = text.lower()
    accessed_cue = any(word in lowered for word in _ACCESS_WORDS)
    for match in _ACCESSED.finditer(text) if accessed_cue else ():
        date = parse_date_text(match.group("date"))
        if date is None:
            date = _loose_date(match.group("date"))
        if date is not None:
            accessed = accessed or date
            spans.append(match.span())
    for match in _ACCESSED_NUMERIC.finditer(text) if accessed_cue and accessed is None else ():
        month, day, year = (int(match.group(key)) for key in ("month", "day", "year"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            accessed = Date(2000 + year if year <= _TWO_DIGIT_YEARS_UP_TO else 1900 + year, month, day)
            spans.append(match.span())
    for match in _URL.finditer(text) if _may_hold_a_url(text, lowered) else ():
        url = match.group(0).strip("<> ")
        url = _trim_url(url)
        wrapped = _wrapped_url(text, match.group(0), match.end())
        sici = _SICI_REST.match(text, match.end()) if text.startswith("<", match.end()) else None
        if sici and "doi" in url.lower():  # old Wiley DOIs hold "<…::…>": "…12:8<1371::AID-HYP620>3.0.CO;2-C"
            rest = _trim_url(sici.group(0))
            wrapped = (url + rest, match.end() + len(rest))
        if wrapped:
            url, wrapped_end = wrapped
        start = match.start()
        scheme = _SCHEME_ALONE.search(text, max(0, start - 10), start) if start > 6 else None
        if scheme and url.lower().startswith("www."):  # "http:// www.ex.org/": a wrap after the scheme
            url, start = scheme.group(1) + url, scheme.start()
        lead = _URL_LEAD.search(text[max(0, start - 40) : start])
        if lead:
            start = max(0, start - 40) + lead.start()
        doi = normalize_doi(url) if re.search(r"doi\.org/|dx\.doi", url, re.IGNORECASE) else None
        publisher_doi = None if doi else _DOI_IN_PUBLISHER_URL.search(url)
        if publisher_doi:  # "…/doi/pdf/10.1080/0963948…", "…/doi/10.1002/huon.200900007/pdf"
            variables.setdefault("DOI", normalize_doi(publisher_doi.group(1)) or publisher_doi.group(1))
        if doi:
            variables.setdefault("DOI", doi)
        else:
            online = True
        variables.setdefault("URL", url)  # a resolver URL is kept as written, beside the canonical DOI
        raw = match.group(0)
        if wrapped:
            end = wrapped_end
        else:
            end = match.end() if raw.rstrip().endswith(">") else match.start() + raw.find(url) + len(url)
        spans.append((start, end))
    url_spans = list(spans)
    for doi, start, end in find_dois(text) if "10." in text else ():
        if any(s <= start < e for s, e in url_spans):
            continue
        tail = text[end:]
        labelled = _DOI_LABEL_BEFORE.search(text[max(0, start - 6) : start + 4])
        broken = _looks_like_doi_tail(tail) and (text[end - 1] in "./" or tail[:1] == ".")
        if broken and (labelled or text[start:end].lower().startswith("doi")):
            # "doi: 10.1002/ ldr. 1091" — join the broken pieces when they run to the end of the text
            joined = normalize_doi(re.sub(r"\s+", "", doi + tail))
            if joined:
                doi, end = joined, len(text)
        variables.setdefault("DOI", doi)
        spans.append((start, end))
    lowered = text.lower()
    # cheap substring guards first: most references hold none of these identifiers
    for needle, finder, key in _FINDERS:
        if needle in lowered:
            _collect(text, finder, key, variables, spans)
    if "isbn" in lowered or "978" in text or "979" in text:
        _collect(text, identifiers.find_isbns, "ISBN", variables, spans)
    if "pii" in lowered:
        for match in _PII.finditer(text):
            variables.setdefault("pii", match.group(1))
            spans.append(match.span())
    if "epub" in lowered or "published online" in lowered:
        for match in _EPUB.finditer(text):
            spans.append(match.span())
    rest = _cut(text, _merge_overlaps(spans)) if spans else text
    if "[" in rest:
        rest, internet = _INTERNET.subn("", rest)
        online = online or bool(internet)
    return Extracted(_tidy(rest) if spans else rest.strip(" ,;:"), variables, accessed, online)


_DOI_IN_PUBLISHER_URL = re.compile(
    r"/doi/(?:abs/|full/|pdf/|epdf/|pdfdirect/|book/)?(10\.\d{4,9}/[^?#\s]+?)(?:/(?:pdf|abstract|full|epdf))?/?$",
    re.IGNORECASE,
)


def _looks_like_doi_tail(tail: str) -> bool:
    """ ". 2015.46", " j. 0012-155X. 2005.00401. x": the rest of a DOI a stray space broke, up to the end."""
    pieces = tail.strip(" .,;").split()
    return 1 <= len(pieces) <= 5 and all(
        re.fullmatch(r"[\w.()/-]+", p) and (len(p.strip(".")) <= 2 or re.search(r"[\d.\-]", p.strip(".")))
        for p in pieces
    )  # "2015.46", "j.", "0012-155X.", "x" — not a word such as "PDF" after the DOI


def _wrapped_url(text: str, raw: str, end: int) -> tuple[str, int] | None:
    """Rejoin a URL a wrap broke: "http://www.ex.org/ vol15/ iss4/ art20." → (the URL, its new end).

    A piece joins when it is URL material (a digit or one of "/._=?&%~-" — not a word such as
    "accessed") and does not open with a capital (a new sentence); a DOI link may also go on after
    ":" ("…118: 7(1031)"), as no DOI ends in one."""
    doi_link = "doi" in raw.lower()
    joined = raw.rstrip(">")
    new_end = None
    for _ in range(6):
        stop = joined.endswith(_URL_MAY_GO_ON) or (doi_link and joined.endswith(":"))
        if not stop and joined[-1:].isalnum() and ("/" in joined[8:] or "." in joined[8:]):
            # a break inside a word of the path: "…/journ al/CV/pdfs/P6.pdf", "www.powel s.com/a/b.html"
            stop = _PATH_GOES_ON.match(text, end) is not None
        piece = _URL_PIECE.match(text, end) if stop else None
        if piece is None:
            break
        body = _trim_url(piece.group(1))
        if doi_link and piece.group(1)[len(body) :] == ":":
            body = piece.group(1)  # "…(1992)118: 7(1031)"
        if not body or body[0].isupper() or body.isdigit() or not _URL_MATERIAL.search(body):
            break  # a new sentence, a number ("…/ 12 p."), a word ("… accessed 5 May")
        if joined.endswith(".") and not _HOST_OR_PATH.search(body):
            break  # "….html. pp. 3": a full stop ended the URL
        joined += body
        end = piece.start(1) + len(body)
        new_end = end
        if len(body) < len(piece.group(1)):
            break  # sentence punctuation closed the URL
    return (_trim_url(joined.strip("<> ")), new_end) if new_end is not None else None


def _trim_url(url: str) -> str:
    while url and url[-1] in ".,;:'\"”’":
        url = url[:-1]
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    while url.endswith("]") and url.count("]") > url.count("["):
        url = url[:-1]
    return url


def _merge_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _loose_date(text: str) -> Date | None:
    match = re.search(r"\b(\d{4})\b", text)
    if not match:
        return None
    rest = (text[: match.start()] + " " + text[match.end() :]).strip(" ,.")
    parsed = parse_date_text(f"{match.group(1)} {rest}")
    return parsed or Date(int(match.group(1)))


# _tidy's patterns, compiled once: a module-level re.sub() looks its pattern up in a cache on every call
_RUN_OF_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")
_PUNCTUATION_RUN = re.compile(r"([,;:])(?:\s*[,;:])+")
_STOP_RUN = re.compile(r"\.(?:\s*\.)+")
_PUNCTUATION_BEFORE_STOP = re.compile(r"[,;:]\.(?=\s|$)")  # "Journal, 33, 1900-1919, doi:…." → "…1919."
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;]?\s*\)|\[\s*\]")


def _tidy(text: str) -> str:
    """Collapse the holes left by cut-outs: doubled spaces and punctuation."""
    text = _RUN_OF_SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    text = _PUNCTUATION_RUN.sub(r"\1", text)
    text = _STOP_RUN.sub(".", text)
    text = _PUNCTUATION_BEFORE_STOP.sub(".", text)
    text = _EMPTY_BRACKETS.sub("", text)
    return text.strip(" ,;:")
