"""Decide whether a Crossref record is the work a reference cites — precision first.

Crossref's search ``score`` is an unbounded relevance score that grows with the query, not a
probability, so it only pre-filters (relative to the query length). The decision comes from the
reference's own fields: a candidate must not contradict any of them (year beyond ±1, volume,
issue, first page, first author) and must agree on the title and on enough other evidence; and
the best candidate must clearly beat the runner-up, or nothing is accepted. This module is pure
(no network): it turns Crossref JSON items into :class:`Work` values and compares them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Final

from refnorm.doi import normalize_doi
from refnorm.model import Date, Name, Reference
from refnorm.pages import first_page

__all__ = [
    "ACCEPT",
    "MARGIN",
    "Assessment",
    "Decision",
    "Work",
    "assess",
    "choose",
    "query_text",
    "relative_score",
    "title_similarity",
    "title_tokens",
]

ACCEPT: Final = 0.85  # confidence a candidate needs (weights below sum to 1)
MARGIN: Final = 0.08  # ...and how far it must lead the next non-contradicting candidate
STRONG_TITLE: Final = 0.9  # token similarity that counts as "the same title"
MIN_RELATIVE_SCORE: Final = 0.5  # Crossref score per query token below which a hit is noise
_WEIGHTS: Final = {"title": 0.45, "author": 0.2, "year": 0.15, "numbers": 0.1, "container": 0.1}

_TAG = re.compile(r"<[^<>]{0,200}>")  # JATS/HTML markup inside Crossref titles: <i>, <sub>, <mml:mi>
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ROMAN = re.compile(r"^(?=[ivxlc])(?:c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_DIGITS = re.compile(r"\d+")


def _fold(text: str) -> str:
    """Lower-case ASCII-ish text: accents dropped, markup and punctuation turned into spaces."""
    text = _TAG.sub(" ", text).replace("&amp;", " and ").replace("&", " and ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", text.replace("ß", "ss"))


def title_tokens(text: str) -> tuple[str, ...]:
    """Comparison tokens of a title: folded words, in order."""
    return tuple(_fold(text).split())


def _numbering(tokens: Sequence[str]) -> frozenset[str]:
    """Numbers and roman numerals in a title: "Part II", "version 2" must match exactly."""
    return frozenset(t for t in tokens if t.isdigit() or (t != "i" and len(t) <= 4 and _ROMAN.match(t)))


def title_similarity(a: str, b: str) -> float:
    """Order-aware token similarity in [0, 1] (2·matched / total); 0 when numbering differs.

    >>> title_similarity("Deep Learning.", "Deep learning")
    1.0
    """
    best = 0.0
    # "back-propagating" = "backpropagating": compare with hyphens as spaces and as nothing.
    for ta, tb in ((title_tokens(a), title_tokens(b)), (_joined(a), _joined(b))):
        if ta and tb and _numbering(ta) == _numbering(tb):
            best = max(best, SequenceMatcher(None, ta, tb, autojunk=False).ratio())
    return best


def _joined(text: str) -> tuple[str, ...]:
    return title_tokens(re.sub(r"(?<=\w)[-‐‑](?=\w)", "", text))


def _coverage(needle: Sequence[str], haystack: Sequence[str]) -> float:
    """Share of ``needle``'s tokens found, in order, in ``haystack`` (a title inside raw text)."""
    if not needle:
        return 0.0
    blocks = SequenceMatcher(None, needle, haystack, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(needle)


def _family_key(name: Name) -> str:
    return _fold(name.full_family or name.literal or name.family).replace(" ", "")


def _same_family(a: str, b: str) -> bool:
    """Equal folded family names, allowing a dropped particle ("Berg" ~ "van der Berg")."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.endswith(short)


def _number_key(value: str) -> str:
    """Compare volume/issue/page by their digits when they have any ("Vol. 12" = "12")."""
    digits = _DIGITS.findall(value)
    return " ".join(digits) if digits else _fold(value).strip()


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip() if value is not None else ""


@dataclass(frozen=True, slots=True)
class Work:
    """A Crossref record reduced to what refnorm compares and may copy into a reference."""

    doi: str
    title: str = ""
    subtitle: str = ""
    author: tuple[Name, ...] = ()
    issued: Date | None = None
    container_title: str = ""
    short_container_title: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    type: str = ""
    publisher: str = ""
    score: float = 0.0

    @classmethod
    def from_crossref(cls, item: Mapping[str, Any]) -> Work | None:
        """Read one Crossref ``work`` message / ``items`` entry; None without a usable DOI."""
        doi = normalize_doi(_first(item.get("DOI")))
        if doi is None:
            return None
        authors = []
        for person in item.get("author") or ():
            if isinstance(person, Mapping):
                if person.get("family"):
                    authors.append(
                        Name(family=str(person["family"]).strip(), given=_first(person.get("given")))
                    )
                elif person.get("name"):
                    authors.append(Name(literal=str(person["name"]).strip()))
        issued = item.get("issued")
        try:
            score = float(item.get("score") or 0.0)
        except (TypeError, ValueError):
            score = 0.0
        return cls(
            doi=doi,
            title=_TAG.sub("", _first(item.get("title"))).strip(),
            subtitle=_TAG.sub("", _first(item.get("subtitle"))).strip(),
            author=tuple(authors),
            issued=Date.from_csl(issued) if isinstance(issued, Mapping) else None,
            container_title=_first(item.get("container-title")),
            short_container_title=_first(item.get("short-container-title")),
            volume=_first(item.get("volume")),
            issue=_first(item.get("issue")),
            page=_first(item.get("page")),
            type=_first(item.get("type")),
            publisher=_first(item.get("publisher")),
            score=score,
        )

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None

    def describe(self) -> str:
        """``"Title" (Family 2015, Container) doi:…`` — enough to recognise the work in a message."""
        who = self.author[0].full_family if self.author else "no author"
        bits = [f"{who} {self.year}" if self.year else who]
        if self.container_title:
            bits.append(self.container_title)
        return f'"{self.title or "untitled"}" ({", ".join(bits)}) doi:{self.doi}'


@dataclass(frozen=True, slots=True)
class Assessment:
    """How one candidate compares with a reference: agreements, conflicts and a confidence."""

    work: Work
    confidence: float
    title_similarity: float
    agreements: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()  # any conflict rules the candidate out
    notes: tuple[str, ...] = ()  # disagreements not held against it (a misparsed number)

    @property
    def plausible(self) -> bool:
        return not self.conflicts

    def explain(self) -> str:
        why = "; ".join(self.conflicts) if self.conflicts else f"confidence {self.confidence:.2f}"
        return f"{self.work.describe()}: {why}"


class _Evidence:
    """Collects per-field scores (0…1, 0.5 = unknown), agreements and conflicts."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}
        self.agree: list[str] = []
        self.conflicts: list[str] = []
        self.notes: list[str] = []  # disagreements explained away (reported, not held against)

    def add(
        self, part: str, score: float, label: str = "", conflict: str = "", agree_at: float = 1.0
    ) -> None:
        self.parts[part] = score
        if label and score >= agree_at:
            self.agree.append(label)
        if conflict:
            self.conflicts.append(conflict)


def _title_evidence(ref: Reference, work: Work, numbers_agree: bool, out: _Evidence) -> float:
    """Title similarity; a title cited without (or with an extra) subtitle counts only with page/volume."""
    full = [work.title] + ([f"{work.title}: {work.subtitle}"] if work.subtitle else [])
    if ref.title:
        similarity = max(title_similarity(ref.title, c) for c in full)
        if similarity < STRONG_TITLE and numbers_agree:
            main = max(
                title_similarity(_main(ref.title), _main(work.title)),
                title_similarity(ref.title, _main(work.title)),
            )
            similarity = max(similarity, STRONG_TITLE if main >= 0.95 else 0.0)
    elif ref.raw and work.title:
        raw = title_tokens(ref.raw)
        similarity = max(_coverage(title_tokens(c), raw) for c in full)
        if len(title_tokens(work.title)) < 3:  # "Deep learning" occurs inside many longer titles
            similarity = min(similarity, 0.8)
    else:
        similarity = 0.0
    conflict = f"title differs (similarity {similarity:.2f})" if similarity < 0.75 else ""
    out.add("title", similarity, "title", conflict, agree_at=STRONG_TITLE)
    return similarity


def _main(title: str) -> str:
    """The main title, without a subtitle after ": " or ". "."""
    return re.split(r"[:.?]\s", title, maxsplit=1)[0]


def _author_evidence(ref: Reference, work: Work, out: _Evidence) -> None:
    ref_family = _family_key(ref.author[0]) if ref.author else ""
    families = [_family_key(n) for n in work.author]
    if ref_family and families:
        if _same_family(ref_family, families[0]):
            out.add("author", 1.0, "first author")
        elif any(_same_family(ref_family, f) for f in families[1:3]):
            out.add("author", 0.5)  # author order differs: weak evidence, not a conflict
        else:
            clash = f"first author {ref.author[0].full_family} ≠ {work.author[0].full_family}"
            out.add("author", 0.0, conflict=clash)
    elif not ref.author and not ref.title and ref.raw and families:
        found = families[0] in _fold(ref.raw).replace(" ", "")
        missing = "" if found else f"first author {work.author[0].full_family} not in the reference"
        out.add("author", 1.0 if found else 0.0, "first author", missing)
    else:
        out.add("author", 0.5)


def _year_evidence(ref: Reference, work: Work, raw_tokens: frozenset[str], out: _Evidence) -> None:
    """Year within ±1: online-first and print issues straddle new year."""
    if work.year is None:
        out.add("year", 0.5)
    elif ref.year is not None:
        gap = abs(ref.year - work.year)
        conflict = f"year {ref.year} ≠ {work.year}" if gap > 1 else ""
        out.add("year", 1.0 if gap == 0 else 0.5 if gap == 1 else 0.0, "year", conflict)
    elif raw_tokens:
        out.add("year", 1.0 if str(work.year) in raw_tokens else 0.5, "year")
    else:
        out.add("year", 0.5)


def _raw_has_volume_and_page(ref: Reference, work: Work) -> bool:
    """The raw text holds the record's volume and its first page (3+ digits, so not by chance)."""
    page = _fold(first_page(work.page)).strip()
    volume = _fold(work.volume).strip()
    if not ref.raw or not volume or len(page) < 3 or " " in page + volume:
        return False
    tokens = frozenset(_fold(ref.raw).split())
    return page in tokens and volume in tokens


def _number_evidence(ref: Reference, work: Work, raw_tokens: frozenset[str], out: _Evidence) -> bool:
    """Volume, issue, first page: equal when both sides have them. True when one agrees."""
    compared = matched = 0
    text_confirms = _raw_has_volume_and_page(ref, work)
    for label, mine, theirs in (
        ("volume", ref.volume, work.volume),
        ("issue", ref.issue, work.issue),
        ("first page", first_page(ref.page), first_page(work.page)),
    ):
        if mine and theirs:
            if _number_key(mine) == _number_key(theirs):
                compared += 1
                matched += 1
                out.agree.append(label)
            elif text_confirms:
                # The parsed number is misplaced ("550, 354–359 (2017)" read as volume 359, issue
                # 2017) while the text holds the record's volume and first page: a parser slip.
                out.notes.append(f"{label} {mine} ≠ {theirs}")
            else:
                compared += 1
                out.conflicts.append(f"{label} {mine} ≠ {theirs}")
        elif (
            raw_tokens
            and theirs
            and not mine
            and _fold(theirs).split()
            and set(_fold(theirs).split()) <= raw_tokens
        ):
            compared += 1  # a raw-only reference: the number is somewhere in its text
            matched += 1
            out.agree.append(label)
    if text_confirms and not matched:
        compared += 1
        matched += 1
        out.agree.append("volume and first page in the text")
    out.parts["numbers"] = matched / compared if compared else 0.5
    return matched > 0


def _container_evidence(ref: Reference, work: Work, out: _Evidence) -> None:
    """Journal names are abbreviated in many ways, so a mismatch only lowers confidence."""
    names = [c for c in (work.container_title, work.short_container_title) if c]
    ref_preprint = bool(_PREPRINT.search(_fold(ref.container_title)))
    work_preprint = work.type == "posted-content" or any(_PREPRINT.search(_fold(n)) for n in names)
    if ref.container_title and (ref_preprint or work_preprint):
        # A preprint and its article share title, authors and often year: which one was cited?
        out.add("container", 1.0 if ref_preprint == work_preprint else 0.0, "container")
    elif ref.container_title and names:
        same = any(
            _abbreviates(ref.container_title, c) or _abbreviates(c, ref.container_title) for c in names
        )
        out.add("container", 1.0 if same else 0.0, "container")
    else:
        out.add("container", 0.5)


def assess(ref: Reference, work: Work) -> Assessment:
    """Compare every field both sides have. Missing fields are neither evidence nor conflict."""
    out = _Evidence()
    # Only a reference without parsed fields is searched for evidence inside its raw text.
    bare = not (ref.title or ref.author or ref.year or ref.volume or ref.page)
    raw_tokens = frozenset(_fold(ref.raw).split()) if bare and ref.raw else frozenset()
    numbers_agree = _number_evidence(ref, work, raw_tokens, out)
    similarity = _title_evidence(ref, work, numbers_agree, out)
    _author_evidence(ref, work, out)
    _year_evidence(ref, work, raw_tokens, out)
    _container_evidence(ref, work, out)
    confidence = sum(_WEIGHTS[key] * value for key, value in out.parts.items())
    return Assessment(
        work,
        round(confidence, 4),
        round(similarity, 4),
        tuple(out.agree),
        tuple(out.conflicts),
        tuple(out.notes),
    )


_PREPRINT = re.compile(r"\b(?:[a-z]*rxiv|ssrn|preprints?|research square|zenodo)\b")
_STOP = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "de", "la", "der", "und"})


def _abbreviates(short: str, full: str) -> bool:
    """True when every word of ``short`` starts a later word of ``full`` ("J. Biol. Chem.")."""
    words = [w for w in title_tokens(short) if w not in _STOP]
    target = [w for w in title_tokens(full) if w not in _STOP]
    if not words or not target:
        return False
    position = 0
    for word in words:
        while position < len(target) and not target[position].startswith(word):
            position += 1
        if position == len(target):
            return False
        position += 1
    return len(words) >= len(target) * 0.5


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of a search: one accepted candidate, or why none was."""

    accepted: Assessment | None
    ambiguous: tuple[Assessment, ...] = ()  # plausible candidates too close to the best to choose
    rejected: tuple[Assessment, ...] = ()  # candidates that contradict the reference or score low


def relative_score(score: float, query: str) -> float:
    """Crossref's score per query token: comparable across short and long queries."""
    return score / max(1, len(title_tokens(query)))


def choose(
    ref: Reference, works: Iterable[Work], *, query: str = "", accept: float = ACCEPT, margin: float = MARGIN
) -> Decision:
    """Pick the candidate the reference cites, or none (precision first)."""
    pool = [w for w in works if not query or relative_score(w.score, query) >= MIN_RELATIVE_SCORE]
    unique: dict[str, Work] = {}
    for work in pool:
        unique.setdefault(work.doi.lower(), work)
    assessed = sorted((assess(ref, w) for w in unique.values()), key=lambda a: -a.confidence)
    plausible = [a for a in assessed if a.plausible]
    rejected = tuple(a for a in assessed if not a.plausible)
    if not plausible:
        return Decision(None, (), rejected)
    best, rest = plausible[0], plausible[1:]
    close = tuple(a for a in rest if best.confidence - a.confidence < margin)
    strong = best.title_similarity >= STRONG_TITLE and best.confidence >= accept
    if strong and not close:
        return Decision(best, (), rejected + tuple(rest))
    if strong:
        return Decision(None, (best, *close), rejected)
    return Decision(None, (), rejected + tuple(plausible))


def query_text(ref: Reference, limit: int = 600) -> str:
    """What to send as ``query.bibliographic``: the raw reference, or its fields joined."""
    if ref.raw.strip():
        text = " ".join(ref.raw.split())
    else:
        names = " ".join(n.full_family or n.literal for n in ref.author[:3])
        bits = [names, ref.title, ref.container_title, str(ref.year or ""), ref.volume, ref.page]
        text = " ".join(b for b in bits if b)
    return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text
