"""Decide whether a Crossref record is the work a reference cites — precision first.

Crossref's search ``score`` is an unbounded relevance score, not a probability: it only orders
the candidates and is reported, never trusted (a wrong record may score far above the right one).
The decision comes from field agreement:

* **conflicts** rule a candidate out: a title that differs (a content word replaced or moved, "α"
  for "β", "Part I" for "Part II", another subtitle), first author, year more than one away from
  every date the record has (issued, print, online, posted; or from the years printed in the text
  when none was parsed), volume, issue, first page, an incompatible type (a whole book for a
  chapter, a thesis for a journal article, a journal article for a cited preprint), and records
  that are *about* the work rather than the work: corrections, errata, retractions, comments,
  replies, reviews, supplements (``update-to``, ``relation``, component type, ``.s001`` DOIs, or a
  title such as "Correction to: …");
* **doubts** must be settled by the numbers before the candidate can be accepted: a year one off,
  authors in another order, another container or none, a record without the volume the reference
  gives, unplaced numbers in the text that are not the record's, a preprint when the reference
  names no venue. One doubt needs the first page (or volume and issue) to agree; a title a word
  off, matched without its subtitle or through an original-language title needs the first page;
  two doubts need first page and volume;
* **evidence**: beside the title, at least two independent fields must agree (first author or
  editor, year, container, volume, first page, publisher), three for a title of one or two words;
  a generic title ("Editorial", "Introduction") also needs the container and the first page;
* **ambiguity**: when a second candidate fits as well (within ``MARGIN`` of confidence, acceptable
  itself or lacking only a venue the reference does not name), nothing is accepted.

Every verdict is a sentence in :attr:`Assessment.conflicts`, :attr:`Assessment.unmet`,
:attr:`Assessment.confirmed` or :attr:`Assessment.agreements`, so a diagnostic can say why. This
module is pure (no network).
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
    "title_difference",
    "title_similarity",
    "title_tokens",
]

ACCEPT: Final = 0.8  # confidence a candidate needs (weights below sum to 1); the rules decide first
MARGIN: Final = 0.08  # ...and how far it must lead the next candidate that fits as well
STRONG_TITLE: Final = 0.9  # token similarity that counts as "the same title"
DIFFERENT_TITLE: Final = 0.75  # below this the titles name different works
SUBSTITUTED: Final = 0.7  # the similarity of two titles one content word apart ("upper"/"lower")
_WEIGHTS: Final = {"title": 0.45, "author": 0.2, "year": 0.15, "numbers": 0.1, "container": 0.1}

_TAG = re.compile(r"<[^<>]{0,200}>")  # JATS/HTML markup inside Crossref titles: <i>, <sub>, <mml:mi>
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ROMAN = re.compile(r"^(?=[ivxlc])(?:c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_DIGITS = re.compile(r"\d+")
_BRACKETED_END = re.compile(r"\s*[\[(](?:[^\[\]()]{1,40})[\])]\s*\.?\s*$")  # "… [preprint]", "… [in Spanish]"
# Function words: a title cited with or without them ("The role of …" / "Role of …") is the same title.
_STOP: Final = frozenset(
    """a an the of in on at to for and or by with from into as is are be its their this that
    de la le les des du et en el los las y da do der die das und im zur zum von""".split()  # noqa: SIM905
)
_GENERIC: Final = frozenset(
    """editorial introduction preface foreword conclusion conclusions summary abstract abstracts index
    contents reply response comment comments erratum corrigendum correction retraction letter letters
    discussion news obituary acknowledgments acknowledgements references appendix overview review
    reviews commentary perspective epilogue prologue book notes""".split()  # noqa: SIM905
)


def _greek(ch: str) -> str:
    """ "α" → " alpha ": Crossref prints Greek letters where references often spell them out."""
    if "\u0370" <= ch <= "\u03ff":
        name = unicodedata.name(ch, "")
        if name.startswith("GREEK") and "LETTER" in name:
            return f" {name.rsplit(' ', 1)[-1].lower()} "
    return ch


def _fold(text: str) -> str:
    """Lower-case ASCII-ish text: accents dropped, Greek spelled out, markup and punctuation as spaces."""
    text = _TAG.sub("", text).replace("&amp;", " and ").replace("&", " and ")  # CO<sub>2</sub> = CO2
    text = unicodedata.normalize("NFKD", text)
    text = "".join(_greek(ch) for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", text.replace("ß", "ss"))


def title_tokens(text: str) -> tuple[str, ...]:
    """Comparison tokens of a title: folded words, in order."""
    return tuple(_fold(text).split())


def _numbering(tokens: Sequence[str]) -> frozenset[str]:
    """Numbers and roman numerals in a title: "Part II", "version 2" must match exactly."""
    return frozenset(t for t in tokens if t.isdigit() or (t != "i" and len(t) <= 4 and _ROMAN.match(t)))


def _stem(token: str) -> str:
    return token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token


def _content(tokens: Sequence[str]) -> tuple[str, ...]:
    """Stemmed tokens without function words (all of them when the title is only function words)."""
    kept = tuple(_stem(t) for t in tokens if t not in _STOP)
    return kept or tuple(_stem(t) for t in tokens)


def _same_word(a: str, b: str) -> bool:
    """Equal, or a typo apart in a long word ("hydrolgy"); never two different short words."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or a.isdigit() or b.isdigit():
        return False
    if abs(len(a) - len(b)) >= 2 and (a in b or b in a):
        return False  # "transcription"/"transcriptional", "polarization"/"depolarization": other words
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


def title_difference(a: str, b: str) -> str:
    """The content words that differ between two titles ("upper ≠ lower", "+revisited"), or ""."""
    ta, tb = _content(title_tokens(_plain(a))), _content(title_tokens(_plain(b)))
    bits = []
    opcodes = SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    gone, added = _word_changes(ta, tb, opcodes)
    for op, i1, i2, j1, j2 in opcodes:
        if op == "replace":
            pairs = zip(ta[i1:i2], tb[j1:j2], strict=False)
            if i2 - i1 != j2 - j1 or not all(_same_word(x, y) for x, y in pairs):
                bits.append(f"{' '.join(ta[i1:i2])} ≠ {' '.join(tb[j1:j2])}")
        elif op == "delete":
            bits.append("-" + " ".join(ta[i1:i2]))
        elif op == "insert":
            bits.append("+" + " ".join(tb[j1:j2]))
    moved = sorted(gone & added)
    if moved:
        return f"word order differs ({', '.join(moved)})"
    return ", ".join(bits[:3])


def _word_changes(
    a: Sequence[str], b: Sequence[str], opcodes: Iterable[tuple[str, int, int, int, int]]
) -> tuple[set[str], set[str]]:
    """Content words deleted from ``a`` and inserted into ``b`` (a word in both was moved)."""
    gone: set[str] = set()
    added: set[str] = set()
    for op, i1, i2, j1, j2 in opcodes:
        if op == "delete":
            gone.update(a[i1:i2])
        elif op == "insert":
            added.update(b[j1:j2])
    return gone, added


def _compare(ta: Sequence[str], tb: Sequence[str]) -> float:
    """Order-aware dice over content tokens; a replaced content word caps it at SUBSTITUTED."""
    a, b = _content(ta), _content(tb)
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    matched, replaced = 0, False
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            matched += i2 - i1
        elif op == "replace":
            if i2 - i1 == j2 - j1 and all(_same_word(x, y) for x, y in zip(a[i1:i2], b[j1:j2], strict=True)):
                matched += i2 - i1
            else:
                replaced = True
    gone, added = _word_changes(a, b, opcodes)
    replaced = replaced or bool(gone & added)  # "Nitrogen and phosphorus" / "Phosphorus and nitrogen"
    score = 2 * matched / (len(a) + len(b))
    return min(score, SUBSTITUTED) if replaced else score


def _strip_marker(text: str) -> str:
    """A bracketed remark at the end of a cited title is not part of it: "… [preprint]"."""
    stripped = _BRACKETED_END.sub("", text)
    return stripped if len(title_tokens(stripped)) >= 2 else text


_RETRACTED = re.compile(r"^\s*(?:retracted|withdrawn)(?:\s+article)?\s*[:\u2013\u2014-]\s*", re.IGNORECASE)


def _plain(title: str) -> str:
    """The title as cited: no "… [preprint]" remark, no "RETRACTED: " stamp on the retracted work."""
    return _strip_marker(_RETRACTED.sub("", title))


def title_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two titles; 0 when numbering differs, ≤ 0.7 when a content word differs.

    Case, punctuation, accents, markup, Greek letters spelled out, plural -s and function words
    ("The role of …" / "Role of …") do not count.

    >>> title_similarity("Deep learning.", "Deep Learning")
    1.0
    """
    best = 0.0
    a, b = _plain(a), _plain(b)
    # "back-propagating" = "backpropagating": compare with hyphens as spaces and as nothing.
    for ta, tb in ((title_tokens(a), title_tokens(b)), (_joined(a), _joined(b))):
        if ta and tb and _numbering(ta) == _numbering(tb):
            best = max(best, _compare(ta, tb))
    return round(best, 4)


def _joined(text: str) -> tuple[str, ...]:
    return title_tokens(re.sub(r"(?<=\w)[-‐‑](?=\w)", "", text))


def _coverage(needle: Sequence[str], haystack: Sequence[str]) -> float:
    """Share of ``needle``'s tokens found, in order, in ``haystack`` (a title inside raw text)."""
    if not needle:
        return 0.0
    blocks = SequenceMatcher(None, needle, haystack, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(needle)


def _generic(title: str) -> bool:
    """A title that names no particular work: "Editorial", "Introduction", one word."""
    words = _content(title_tokens(title))
    return len(words) <= 1 or all(w in _GENERIC or _stem(w) in _GENERIC for w in words)


_PARTICLES: Final = frozenset(
    """van von der den de del della di da das dos du des la le lo
    ter ten op t al el bin ibn st saint""".split()  # noqa: SIM905
)
_UMLAUT = re.compile(r"(?<=[aou])e")


def _family_key(name: Name) -> str:
    """Folded family name words joined by spaces ("van der berg", "muller")."""
    return " ".join(_fold(name.full_family or name.literal or name.family).split())


def _same_family(a: str, b: str) -> bool:
    """Equal family names, allowing dropped particles ("Berg" ~ "van der Berg", not "Goldberg"), spacing
    ("LeCun" ~ "Le Cun") and German transliteration ("Mueller" ~ "Müller")."""
    if not a or not b:
        return False
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    extra = len(long) - len(short)
    if extra and long[extra:] == short and all(word in _PARTICLES for word in long[:extra]):
        return True
    return _UMLAUT.sub("", a.replace(" ", "")) == _UMLAUT.sub("", b.replace(" ", ""))


def _number_key(value: str) -> str:
    """Compare volume/issue/page by their digits when they have any ("Vol. 12" = "12")."""
    digits = _DIGITS.findall(value)
    return " ".join(digits) if digits else _fold(value).strip()


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip() if value is not None else ""


def _strings(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(_TAG.sub("", str(v)).strip() for v in values if isinstance(v, str | int) and str(v).strip())


def _mappings(value: Any) -> list[Mapping[str, Any]]:
    """The objects of a Crossref list field, whatever a malformed reply put there."""
    if isinstance(value, Mapping):
        return [value]
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _people(value: Any) -> tuple[Name, ...]:
    people = []
    for person in _mappings(value):
        if person.get("family"):
            people.append(Name(family=str(person["family"]).strip(), given=_first(person.get("given"))))
        elif person.get("name"):
            people.append(Name(literal=str(person["name"]).strip()))
    return tuple(people)


def _year_of(value: Any) -> int | None:
    date = Date.from_csl(value) if isinstance(value, Mapping) else None
    return date.year if date else None


# A record *about* a work: its title starts "Correction to: …", "Erratum: …", "Reply to …", or is
# only such a word. "Response to drought" or "Correction of aberrations" are ordinary titles.
_NOTICE_TITLE = re.compile(
    r"^\s*(?:(?:retraction|withdrawal|removal)\s+(?:notice|note|statement|of)\b|notice\s+of\s+"
    r"(?:retraction|withdrawal|concern)|expression\s+of\s+concern|(?:erratum|errata|corrigendum|corrigenda|"
    r"correction|addendum|retraction|reply|response|rebuttal|comment|comments|"
    r"commentary|book\s+review|review)\s*(?:[:\u2013\u2014]|\bto\b|\bon\b|\bof\b|\bfor\b|\bregarding\b|$)|"
    r"(?:author'?s?|authors'|in)\s+reply\b|(?:reply|response)\s+to\b|data\s+from\s*:)",
    re.IGNORECASE,
)
_VERSIONS: Final = frozenset({"new_version", "new_edition", "new-version", "new-edition"})
_NOTICE_RELATIONS: Final = frozenset(
    {"is-comment-on", "is-reply-to", "is-review-of", "is-supplement-to", "is-correction-of"}
)
_PARTS: Final = frozenset(
    {"component", "dataset", "peer-review", "journal-issue", "journal-volume", "journal"}
)
_STANDALONE: Final = frozenset({"dissertation", "report", "standard"})  # never inside a journal or book
_WHOLE_BOOKS: Final = frozenset(
    {"book", "edited-book", "monograph", "reference-book", "book-set", "book-series"}
)
_IN_BOOKS: Final = frozenset({"book-chapter", "book-section", "book-part", "book-track", "reference-entry"})
# PLoS-style parts of an article: .s001 supplements, .g001 figures, .t001 tables
_SUPPLEMENT_DOI = re.compile(r"\.[sgt]0\d\d$|/suppl(?:ementary)?[-_.]?\d*$", re.IGNORECASE)
# arXiv, bioRxiv/medRxiv, SSRN, OSF, Research Square, Preprints.org, ChemRxiv, TechRxiv, Authorea
_PREPRINT_DOI = re.compile(
    r"10\.(?:48550|1101/\d|2139|31219|31234|31235|21203|20944|26434|36227|22541)/", re.I
)
_PREPRINT_TEXT = re.compile(r"\b(?:[a-z]*rxiv|ssrn|preprints?|research square)\b")  # "Hal" is a name
_PREPRINT = re.compile(r"\b(?:[a-z]*rxiv|ssrn|preprints?|research square|zenodo|osf|hal|techrxiv)\b")


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
    editor: tuple[Name, ...] = ()
    other_titles: tuple[str, ...] = ()  # further title entries, original-title, short-title
    other_years: frozenset[int] = frozenset()  # of published-print, published-online, posted
    article_number: str = ""
    updates: tuple[str, ...] = ()  # the update-to types: this record corrects/retracts another
    relations: frozenset[str] = frozenset()  # the relation keys: is-preprint-of, is-review-of, …

    @classmethod
    def from_crossref(cls, item: Mapping[str, Any]) -> Work | None:
        """Read one Crossref ``work`` message / ``items`` entry; None without a usable DOI."""
        doi = normalize_doi(_first(item.get("DOI")))
        if doi is None:
            return None
        issued = item.get("issued")
        try:
            score = float(item.get("score") or 0.0)
        except (TypeError, ValueError):
            score = 0.0
        titles = _strings(item.get("title"))
        others = titles[1:] + _strings(item.get("original-title")) + _strings(item.get("short-title"))
        years = {_year_of(item.get(key)) for key in ("published-print", "published-online", "posted")}
        updates = tuple(
            str(u.get("type") or "update")
            for u in _mappings(item.get("update-to"))
            if str(u.get("type") or "") not in _VERSIONS
            and normalize_doi(_first(u.get("DOI"))) != doi  # a record updating itself is still the work
        )
        relation = item.get("relation")
        return cls(
            doi=doi,
            title=titles[0] if titles else "",
            subtitle=_TAG.sub("", _first(item.get("subtitle"))).strip(),
            author=_people(item.get("author")),
            issued=Date.from_csl(issued) if isinstance(issued, Mapping) else None,
            container_title=_first(item.get("container-title")),
            short_container_title=_first(item.get("short-container-title")),
            volume=_first(item.get("volume")),
            issue=_first(item.get("issue")),
            page=_first(item.get("page")),
            type=_first(item.get("type")),
            publisher=_first(item.get("publisher")),
            score=score,
            editor=_people(item.get("editor")),
            other_titles=tuple(t for t in others if t),
            other_years=frozenset(y for y in years if y is not None),
            article_number=_first(item.get("article-number")),
            updates=updates,
            relations=frozenset(str(k) for k in relation) if isinstance(relation, Mapping) else frozenset(),
        )

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None

    @property
    def years(self) -> frozenset[int]:
        """Every year the record is dated: issued, print, online, posted."""
        return self.other_years | ({self.year} if self.year else set())

    @property
    def notice(self) -> str:
        """What kind of record *about* another work this is ("correction notice", …), or ""."""
        if self.updates:
            return f"{self.updates[0]} notice (it updates another record)"
        about = sorted(self.relations & _NOTICE_RELATIONS)
        if about:
            return f"record that {about[0].replace('-', ' ')} another work"
        if self.type in _PARTS:
            return f"{self.type} record, not a work"
        if _SUPPLEMENT_DOI.search(self.doi):
            return "supplement, figure or table of an article (by its DOI)"
        if _NOTICE_TITLE.match(self.title):
            return "notice, comment or review (by its title)"
        return ""

    @property
    def preprint(self) -> bool:
        names = (self.container_title, self.short_container_title, self.publisher)
        return (
            self.type == "posted-content"
            or "is-preprint-of" in self.relations
            or bool(_PREPRINT_DOI.match(self.doi))
            or any(_PREPRINT.search(_fold(n)) for n in names if n)
        )

    def describe(self) -> str:
        """``"Title" (Family 2015, Container) doi:…`` — enough to recognise the work in a message."""
        people = self.author or self.editor
        who = people[0].full_family if people else "no author"
        bits = [f"{who} {self.year}" if self.year else who]
        if self.container_title:
            bits.append(self.container_title)
        if self.type and self.type != "journal-article":
            bits.append(self.type)
        return f'"{self.title or "untitled"}" ({", ".join(bits)}) doi:{self.doi}'


@dataclass(frozen=True, slots=True)
class Assessment:
    """How one candidate compares with a reference: agreements, conflicts, doubts and a confidence."""

    work: Work
    confidence: float
    title_similarity: float
    agreements: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()  # any conflict rules the candidate out
    notes: tuple[str, ...] = ()  # disagreements not held against it (a misparsed number)
    unmet: tuple[str, ...] = ()  # why a candidate without conflicts still cannot be accepted
    rival: bool = False  # fits as well as an accepted one could: a close rival makes it ambiguous
    doubts: tuple[str, ...] = ()  # every doubt, settled or not (title doubts first)

    @property
    def confirmed(self) -> tuple[str, ...]:
        """The doubts the first page (or volume and issue) settled: all of them, unless some are unmet."""
        return () if self.unmet else self.doubts

    @property
    def plausible(self) -> bool:
        return not self.conflicts

    @property
    def acceptable(self) -> bool:
        return not self.conflicts and not self.unmet

    def explain(self) -> str:
        if self.conflicts:
            why = "; ".join(self.conflicts)
        elif self.unmet:
            why = "; ".join(self.unmet)
        else:
            why = f"confidence {self.confidence:.2f}"
        return f"{self.work.describe()}: {why}"


class _Evidence:
    """Collects per-field scores (0…1, 0.5 = unknown), agreements, conflicts and doubts."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}
        self.agree: list[str] = []
        self.conflicts: list[str] = []
        self.notes: list[str] = []  # disagreements explained away (reported, not held against)
        self.doubts: list[str] = []  # need the first page, or volume and issue, to agree
        self.title_doubts: list[str] = []  # need the first page to agree: one issue holds many papers
        self.soft: list[str] = []  # like doubts, but the candidate still rivals an accepted one

    def add(
        self, part: str, score: float, label: str = "", conflict: str = "", agree_at: float = 1.0
    ) -> None:
        self.parts[part] = score
        if label and score >= agree_at:
            self.agree.append(label)
        if conflict:
            self.conflicts.append(conflict)


def _cited_title(ref: Reference) -> str:
    return _plain(ref.title)


def _title_evidence(ref: Reference, work: Work, out: _Evidence) -> float:
    """Title similarity against the record's title (with and without subtitle), then its other titles.

    Only the same content words in the same order make the title alone count; a word more or less
    ("… revisited"), a missing subtitle or a match through the original-language title is a doubt.
    """
    full = [work.title] + ([f"{work.title}: {work.subtitle}"] if work.subtitle else [])
    if ref.title:
        title = _cited_title(ref)
        similarity = max(title_similarity(title, c) for c in full)
        if STRONG_TITLE <= similarity < 1.0:
            out.title_doubts.append(f"title differs by a word ({title_difference(title, work.title)})")
        if similarity < STRONG_TITLE and _numbering(title_tokens(title)) == _numbering(
            title_tokens(work.title)
        ):
            # One side cites the main title only; "X: observations" and "X: a model" are two works.
            main = max(title_similarity(_main(title), work.title), title_similarity(title, _main(work.title)))
            if main >= 0.95:
                similarity = STRONG_TITLE
                out.title_doubts.append("title matches without its subtitle")
        if similarity < STRONG_TITLE and work.other_titles:
            other = max(title_similarity(title, c) for c in work.other_titles)
            if other >= STRONG_TITLE:
                similarity = other
                out.title_doubts.append("title matches only the record's original-language or short title")
    elif ref.raw and work.title:
        raw = title_tokens(ref.raw)
        similarity = max(_coverage(title_tokens(c), raw) for c in full)
        if len(_content(title_tokens(work.title))) < 3:  # "Deep learning" occurs inside many longer titles
            similarity = min(similarity, 0.8)
    else:
        similarity = 0.0
    conflict = ""
    if similarity < DIFFERENT_TITLE:
        diff = title_difference(_cited_title(ref), work.title) if ref.title else ""
        conflict = f"title differs (similarity {similarity:.2f}" + (f": {diff})" if diff else ")")
    out.add("title", similarity, "title", conflict, agree_at=STRONG_TITLE)
    return similarity


def _main(title: str) -> str:
    """The main title, without a subtitle after ": " or ". "."""
    return re.split(r"[:.?]\s", title, maxsplit=1)[0]


def _author_evidence(ref: Reference, work: Work, bare: bool, out: _Evidence) -> None:
    """First author (or, for an edited book, first editor) against the record's people."""
    cited = ref.author or ref.editor
    role = "first author" if ref.author else "first editor"
    ref_family = _family_key(cited[0]) if cited else ""
    people = work.author or work.editor
    families = [_family_key(n) for n in people]
    if ref_family and families:
        if _same_family(ref_family, families[0]):
            out.add("author", 1.0, role)
        elif any(_same_family(ref_family, f) for f in families[1:3]):
            out.add("author", 0.5)
            out.doubts.append(f"{role} {cited[0].full_family} is not first on the record")
        else:
            theirs = "editor " if not work.author else ""
            out.add(
                "author", 0.0, conflict=f"{role} {cited[0].full_family} ≠ {theirs}{people[0].full_family}"
            )
    elif ref.raw and families:
        # No parsed author: the record's first author must at least be named in the text.
        name = people[0].full_family or people[0].literal
        found = set(_fold(name).split()) <= set(_fold(ref.raw).split())
        if bare:
            missing = "" if found else f"first author {name} not in the reference"
            out.add("author", 1.0 if found else 0.0, "first author", missing)
        else:
            out.add("author", 0.5)
            if not found:
                out.doubts.append(f"first author {name} is not named in the reference")
    elif ref_family and not families:
        out.add("author", 0.5)
        out.doubts.append("the record names no author to compare")
    else:
        out.add("author", 0.5)


def _year_evidence(ref: Reference, work: Work, raw_tokens: frozenset[str], out: _Evidence) -> None:
    """The year must be one the record is dated (issued, print, online); one off is a doubt."""
    years = work.years
    if not years:
        out.add("year", 0.5)
    elif ref.year is not None:
        gap = min(abs(ref.year - y) for y in years)
        listed = "/".join(str(y) for y in sorted(years))
        conflict = f"year {ref.year} ≠ {listed}" if gap > 1 else ""
        out.add("year", 1.0 if gap == 0 else 0.5 if gap == 1 else 0.0, "year", conflict)
        if gap == 1:
            out.doubts.append(f"year {ref.year} ≠ {listed} (one off)")
    elif ref.raw and (printed := {int(y) for y in _YEAR.findall(ref.raw)}):
        # No parsed year ("(1997). Title…" read as a label): the years printed in the text count.
        gap = min(abs(p - y) for p in printed for y in years)
        listed = "/".join(str(y) for y in sorted(years))
        conflict = f"no year parsed, and the text's {'/'.join(map(str, sorted(printed)))} ≠ {listed}"
        out.add("year", 1.0 if gap == 0 else 0.5, "year", conflict if gap > 1 else "")
        if gap == 1:
            out.doubts.append(f"the text's year is one off {listed}")
    else:
        out.add("year", 0.5)


_YEAR = re.compile(r"(?<![\d.])(?:1[6-9]|20)\d\d(?![\d.])")


def _raw_has_volume_and_page(ref: Reference, work: Work) -> bool:
    """The raw text holds the record's volume and its first page (3+ digits, so not by chance)."""
    page = _fold(first_page(work.page)).strip()
    volume = _fold(work.volume).strip()
    if not ref.raw or not volume or len(page) < 3 or " " in page + volume:
        return False
    tokens = frozenset(_fold(ref.raw).split())
    return page in tokens and volume in tokens


def _number_evidence(ref: Reference, work: Work, raw_tokens: frozenset[str], out: _Evidence) -> int:
    """Volume, issue, first page: equal when both sides have them.

    How far they pin the work down: 3 when first page and volume agree, 2 when the first page does,
    1 when volume and issue both do (a volume alone holds a hundred papers, often Part I and Part II
    of the same title), else 0.
    """
    compared = 0
    agreed: set[str] = set()
    text_confirms = _raw_has_volume_and_page(ref, work)
    for label, mine, theirs in (
        ("volume", ref.volume, work.volume),
        ("issue", ref.issue, work.issue),
        ("first page", first_page(ref.page), first_page(work.page) or work.article_number),
    ):
        if mine and theirs:
            if _number_key(mine) == _number_key(theirs):
                compared += 1
                agreed.add(label)
                out.agree.append(label)
            elif label == "issue" and set(_DIGITS.findall(mine)) & set(_DIGITS.findall(theirs)):
                out.notes.append(f"issue {mine} ~ {theirs}")  # "3" in a double issue "3-4"
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
            if label != "first page" or len(_fold(theirs).strip()) >= 2:
                agreed.add(label)
            out.agree.append(label)
    if text_confirms and not agreed:
        compared += 1
        agreed.add("first page")
        out.agree.append("volume and first page in the text")
    elif ref.raw and not raw_tokens:
        compared += _unparsed_numbers(ref, work, agreed, out)
    out.parts["numbers"] = len(agreed) / compared if compared else 0.5
    if "first page" in agreed:
        return 3 if "volume" in agreed else 2
    return 1 if {"volume", "issue"} <= agreed else 0


def _unparsed_numbers(ref: Reference, work: Work, agreed: set[str], out: _Evidence) -> int:
    """Volume and first page the parser left in the text ("Title. 1990;45." with 45 unplaced).

    Found in the text, they agree (a volume of 2+ digits, a first page of 3+, so not by chance);
    when the text holds unplaced numbers and neither is among them, that is a doubt. Returns how
    many numbers were compared.
    """
    numbers = {t for t in _fold(ref.raw).split() if t.isdigit()}
    compared = 0
    for label, mine, theirs, digits in (
        ("volume", ref.volume, work.volume, 2),
        ("first page", first_page(ref.page), first_page(work.page) or work.article_number, 3),
    ):
        if not mine and theirs.isdigit() and len(theirs) >= digits and theirs in numbers:
            compared += 1
            agreed.add(label)
            out.agree.append(f"{label} in the text")
    loose = {t for t in _fold(" ".join((ref.get("note"), *ref.leftovers))).split() if t.isdigit()}
    # "Journal of Coastal Dynamics(3)": an issue glued to the journal name by the parser
    glued = {t for t in _fold(ref.container_title).split() if t.isdigit()}
    loose |= glued - {t for t in _fold(work.container_title).split() if t.isdigit()}
    loose -= {str(ref.year)}
    mine = {_number_key(work.volume), _number_key(first_page(work.page)), _number_key(work.issue)}
    if loose and not ref.volume and not ref.page and not loose & mine:
        compared += 1
        out.doubts.append(
            f"the unplaced numbers {', '.join(sorted(loose))} are not the record's volume or pages"
        )
    return compared


def _ref_preprint(ref: Reference) -> bool:
    """The reference cites a preprint: its venue names arXiv, bioRxiv, SSRN…, or it names no journal
    and its URL, note, archive or text does ("arXiv:1909.01234", "… [preprint]")."""
    venue = " ".join((ref.container_title, ref.get("publisher"), ref.get("genre")))
    if _PREPRINT.search(_fold(venue)):
        return True
    if ref.container_title:
        return False  # "Phys. Rev. D 90, 1 (2014), arXiv:1401.0001" cites the journal
    marker = _BRACKETED_END.search(ref.title)
    where = (ref.get("URL"), ref.get("note"), ref.get("archive"), ref.get("number"), ref.raw)
    return bool(_PREPRINT_TEXT.search(_fold(" ".join((*where, marker[0] if marker else "")))))


def _container_evidence(ref: Reference, work: Work, out: _Evidence) -> None:
    """Journal names are abbreviated in many ways: a mismatch is a doubt, not a conflict."""
    names = [c for c in (work.container_title, work.short_container_title) if c]
    if ref.container_title and names and not _PREPRINT.search(_fold(ref.container_title)):
        same = any(
            _abbreviates(ref.container_title, c) or _abbreviates(c, ref.container_title) for c in names
        )
        out.add("container", 1.0 if same else 0.0, "container")
        if not same:
            out.doubts.append(f"container {ref.container_title} ≠ {names[0]}")
    elif ref.container_title and not names and work.type not in _WHOLE_BOOKS and not work.preprint:
        out.add("container", 0.5)
        out.doubts.append(f"the record names no container to compare with {ref.container_title}")
    elif ref.get("publisher") and work.publisher and work.type in _WHOLE_BOOKS | _IN_BOOKS:
        same = _abbreviates(ref.get("publisher"), work.publisher) or _abbreviates(
            work.publisher, ref.get("publisher")
        )
        out.add("container", 1.0 if same else 0.5, "publisher")
    else:
        out.add("container", 0.5)


def _kind_evidence(ref: Reference, work: Work, out: _Evidence) -> None:
    """Notices, supplements, preprints and books against what the reference is."""
    if work.type in _IN_BOOKS | {"proceedings-article"}:
        for label, mine, theirs in (("volume", ref.volume, work.volume), ("issue", ref.issue, work.issue)):
            if mine and not theirs:
                out.doubts.append(f"a {work.type} without {label}, but the reference gives {label} {mine}")
    notice = "" if ref.type == "dataset" and work.type == "dataset" else work.notice
    cited_notice = bool(ref.title and _NOTICE_TITLE.match(_cited_title(ref)))
    if notice and not cited_notice:
        out.conflicts.append(f"a {notice}")
    elif cited_notice and not notice:
        out.conflicts.append("the reference cites a notice, comment or reply; this record is not one")
    cited_preprint = _ref_preprint(ref)
    if work.preprint and not cited_preprint:
        if ref.container_title or ref.volume or ref.page:
            out.conflicts.append("a preprint, but the reference names a journal or pages")
        else:
            out.soft.append("a preprint, and the reference names no preprint server")
    elif cited_preprint and not work.preprint and work.type != "posted-content":
        out.conflicts.append(f"a {work.type or 'record'}, but the reference cites a preprint")
    standalone = work.type in _STANDALONE and not work.container_title
    if standalone and ref.container_title and ref.type not in ("thesis", "report"):
        out.conflicts.append(f"a {work.type}, but the reference names {ref.container_title}")
    kind = "" if cited_preprint else ref.type  # the parser reads "EarthArXiv. 2013." as a publisher
    # The parser calls anything without a container a book; only a publisher, place, ISBN or edition
    # shows that it is one.
    book = any(ref.get(k) for k in ("publisher", "publisher-place", "ISBN", "edition", "number-of-pages"))
    if kind == "book" and book and not ref.container_title and work.type not in _WHOLE_BOOKS | {"other", ""}:
        out.conflicts.append(f"a {work.type}, but the reference is a book")
    elif kind in ("chapter", "paper-conference") and work.type in _WHOLE_BOOKS:
        out.conflicts.append(f"a whole {work.type}, but the reference is a part of one")
    elif kind == "article-journal" and ref.container_title and work.type in _WHOLE_BOOKS:
        out.conflicts.append(f"a whole {work.type}, but the reference is an article in {ref.container_title}")


def assess(ref: Reference, work: Work) -> Assessment:
    """Compare every field both sides have. Missing fields are neither evidence nor conflict."""
    out = _Evidence()
    # Only a reference without parsed fields is searched for evidence inside its raw text.
    bare = not (ref.title or ref.author or ref.year or ref.volume or ref.page)
    raw_tokens = frozenset(_fold(ref.raw).split()) if bare and ref.raw else frozenset()
    numbers = _number_evidence(ref, work, raw_tokens, out)
    similarity = _title_evidence(ref, work, out)
    _author_evidence(ref, work, bare, out)
    _year_evidence(ref, work, raw_tokens, out)
    _container_evidence(ref, work, out)
    _kind_evidence(ref, work, out)
    confidence = sum(_WEIGHTS[key] * value for key, value in out.parts.items())
    unmet = list(_unmet(ref, work, out, similarity, numbers, bare))
    if not unmet and not out.conflicts and confidence < ACCEPT:
        unmet.append(f"confidence {confidence:.2f} is below {ACCEPT}")
    # A rival would be acceptable but for a venue the reference does not name (a preprint).
    rival = not out.conflicts and not unmet[len(out.soft) :]
    return Assessment(
        work,
        round(confidence, 4),
        round(similarity, 4),
        tuple(out.agree),
        tuple(out.conflicts),
        tuple(out.notes),
        tuple(unmet),
        rival,
        tuple(out.title_doubts + out.doubts),
    )


def _unmet(
    ref: Reference, work: Work, out: _Evidence, similarity: float, numbers: int, bare: bool
) -> Iterable[str]:
    """Why a candidate with no conflict still cannot be accepted (soft reasons first)."""
    yield from out.soft
    if similarity < STRONG_TITLE:
        yield f"title too different (similarity {similarity:.2f} < {STRONG_TITLE})"
    doubts = len(out.title_doubts) + len(out.doubts)
    if doubts > 1 and numbers < 3:  # a first page agreeing by chance must not settle two doubts
        yield f"{'; '.join(out.title_doubts + out.doubts)}: two doubts need first page and volume to agree"
    elif numbers < 2 and out.title_doubts:
        yield f"{out.title_doubts[0]}, and no first page confirms it"
    elif numbers < 1 and out.doubts:
        yield f"{out.doubts[0]}, and no first page (or volume and issue) confirms it"
    support = [a for a in out.agree if a != "title"]
    title = work.title if bare else ref.title
    needed = 3 if len(_content(title_tokens(title))) <= 2 else 2  # "Deep learning" has many namesakes
    if len(support) < needed:
        agreeing = ", ".join(support) or "nothing"
        yield f"too little agrees beside the title ({agreeing}; {needed} fields needed)"
    if title and _generic(title) and not (numbers >= 2 and "container" in support):
        yield f'the title "{title}" is generic: the container and a volume or page must agree'
    if bare and numbers < 2:
        yield "reference not parsed, and the record's first page is not in its text"


_CONTAINER_STOP = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "de", "la", "der", "und"})


def _abbreviates(short: str, full: str) -> bool:
    """True when every word of ``short`` starts a later word of ``full`` ("J. Biol. Chem.").

    Words of ``full`` may be skipped inside ("J R Stat Soc B" for "…Society: Series B"), but not
    at its end: "Nature" does not abbreviate "Nature Communications". Bracketed parts and numbers
    of ``full`` ("(Methodological)", "Nature (London)") do not count.
    """
    words = [w for w in title_tokens(short) if w not in _CONTAINER_STOP and not w.isdigit()]
    full = re.sub(r"\([^()]*\)", " ", full)
    target = [w for w in title_tokens(full) if w not in _CONTAINER_STOP and not w.isdigit()]
    if not words or not target:
        return False
    position = 0
    for word in words:
        while position < len(target) and not target[position].startswith(word):
            position += 1
        if position == len(target):
            return False
        position += 1
    return position == len(target) and len(words) >= len(target) * 0.5


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of a search: one accepted candidate, or why none was."""

    accepted: Assessment | None
    ambiguous: tuple[Assessment, ...] = ()  # candidates too close to the best to choose
    rejected: tuple[Assessment, ...] = ()  # the others, most similar title first, each with why


def relative_score(score: float, query: str) -> float:
    """Crossref's score per query token: comparable across short and long queries (reported only)."""
    return score / max(1, len(title_tokens(query)))


def choose(
    ref: Reference, works: Iterable[Work], *, query: str = "", accept: float = ACCEPT, margin: float = MARGIN
) -> Decision:
    """Pick the candidate the reference cites, or none (precision first).

    Crossref's score does not enter the decision: a wrong record may score far above the right one.
    ``query`` is kept for the callers' diagnostics.
    """
    unique: dict[str, Work] = {}
    for work in works:
        unique.setdefault(work.doi.lower(), work)
    assessed = sorted((assess(ref, w) for w in unique.values()), key=lambda a: -a.confidence)
    acceptable = [a for a in assessed if a.acceptable and a.confidence >= accept]
    if not acceptable:
        return Decision(None, (), _by_title(assessed))
    best = acceptable[0]
    close = tuple(
        a for a in assessed if a is not best and a.rival and best.confidence - a.confidence < margin
    )
    rest = _by_title([a for a in assessed if a is not best and a not in close])
    if close:
        return Decision(None, (best, *close), rest)
    return Decision(best, (), rest)


def _by_title(assessed: Iterable[Assessment]) -> tuple[Assessment, ...]:
    """Rejected candidates in the order a reader wants them: the closest title first."""
    return tuple(sorted(assessed, key=lambda a: (-a.title_similarity, -a.confidence)))


def query_text(ref: Reference, limit: int = 600) -> str:
    """What to send as ``query.bibliographic``: the raw reference, or its fields joined."""
    if ref.raw.strip():
        text = " ".join(ref.raw.split())
    else:
        names = " ".join(n.full_family or n.literal for n in (ref.author or ref.editor)[:3])
        bits = [names, ref.title, ref.container_title, str(ref.year or ""), ref.volume, ref.page]
        text = " ".join(b for b in bits if b)
    return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text
