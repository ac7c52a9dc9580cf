"""Normalisers: small ordered steps that clean a parsed :class:`Reference`.

Each step takes a reference and returns a new one (``Reference._with``, a lighter
``dataclasses.replace``);
type inference runs last because it reads the finished fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

from refnorm.doi import normalize_doi
from refnorm.lexicon import CONFERENCE, JOURNAL_WORDS, REPORT, REPORT_CUES, THESIS, THESIS_CUES, mentions
from refnorm.model import FrozenMap, Name, Reference
from refnorm.names import GIVEN_ABBREVIATION
from refnorm.pages import normalize_pages

__all__ = ["NORMALIZERS", "clean_text", "normalize"]

_LIGATURES = str.maketrans(
    {
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬀ": "ff",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "\u00ad": "",
        "\ufeff": "",
        "\u200b": "",
        # the rarer dashes (hyphen, non-breaking hyphen, figure dash, minus) become the two the
        # tagger knows: "-" and the en dash
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "–",
        "\u2212": "–",
        "\u1d52": "º",  # French "nᵒ 12" (a modifier letter o) is the issue label "nº"
    }
)
# any character _LIGATURES maps: most texts hold none, and a search is far cheaper than translate()
_LIGATURE_CHARS = re.compile("[" + re.escape("".join(chr(code) for code in _LIGATURES)) + "]")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# inline markup pasted from web pages and JATS: <italic>, <i>, <b>, <sup>, </italic>, <br/>
_MARKUP = re.compile(r"</?(?:italic|i|b|bold|em|strong|sup|sub|sc|u|span|br)\b[^<>]{0,40}>", re.IGNORECASE)


_DOUBLED_STOP = re.compile(r"(?<=\w)\.\.(?!\.)")


def clean_text(text: str) -> str:
    """Unicode clean-up before parsing: ligatures, soft hyphens, odd spaces, control characters."""
    if _LIGATURE_CHARS.search(text):
        text = text.translate(_LIGATURES)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    if "<" in text:
        text = _MARKUP.sub("", text)
    if ".." in text:
        text = _DOUBLED_STOP.sub(".", text)  # "Charpak S.. Calcium" — but keep an ellipsis "..."
    if "?" in text:
        text = _LOST_APOSTROPHE.sub(r"\1’", text)  # "D?Souza", "O?Brien": an apostrophe lost in an export
    # the same as _SPACES.sub(" ", text).strip(): _SPACES matches exactly the str.isspace() characters
    return " ".join(text.split())


_LOST_APOSTROPHE = re.compile(r"(?<![\w?])([DOLdl])\?(?=[A-Z][a-z])")
_EMPTY_BRACKETS = re.compile(r"\s*(?:\(\s*[,;:.]?\s*\)|\[\s*[,;:.]?\s*\])")
_WHITESPACE = re.compile(r"\s+")
_ABBREVIATION_AT_END = re.compile(r"\b(?:[A-Z]|Inc|Ltd|Co|al|eds?)\.$")
_WORD_STOP_AT_END = re.compile(r"[a-zà-ÿ]{2}\.$")
_GIVEN_ABBREVIATION_AT_END = re.compile(rf"\b{GIVEN_ABBREVIATION}$")  # "Chr.", "Jas.": the stop stays


def _strip_field_punctuation(value: str) -> str:
    value = value.strip()
    if "(" in value or "[" in value:
        value = _EMPTY_BRACKETS.sub("", value)  # what is left of "(June 1, 1969)" once the date is taken
    if "  " in value or not value.isprintable():  # else every space is a lone " ": nothing to collapse
        value = _WHITESPACE.sub(" ", value)
    # trailing sentence punctuation, but not "?" / "!" that belong to the title, nor "." of "Inc."
    while (value and value[-1] in ",;:") or (value.endswith(".") and not _ABBREVIATION_AT_END.search(value)):
        value = value[:-1].rstrip()
    if len(value) >= 2 and value[0] in "\"“”'‘«" and value[-1] in "\"“”'’»":
        value = value[1:-1].strip()
    return value


def _strip_unbalanced(value: str) -> str:
    """Drop brackets at either end that have no partner: "(Lond" → "Lond"; keep "Int J Obes (Lond)"."""
    for opener, closer in ("()", "[]"):
        if value.endswith(closer) and value.count(closer) > value.count(opener):
            value = value[:-1].rstrip()
        if value.startswith(opener) and value.count(opener) > value.count(closer):
            value = value[1:].lstrip()
        if value.endswith(opener):
            value = value[:-1].rstrip()
    return value.strip()


_TEXT_FIELDS = frozenset({"title", "container-title", "publisher", "publisher-place", "collection-title"})


def _text_fields(ref: Reference, hints: frozenset[str]) -> Reference:
    data = {}
    changed = False
    for key, value in ref.variables.items():
        if key in _TEXT_FIELDS:
            cleaned = _strip_field_punctuation(value)
            if key != "title":  # "Reader. (": the stop before a dropped bracket goes with it
                unbalanced = _strip_unbalanced(cleaned)
                cleaned = _strip_field_punctuation(unbalanced) if unbalanced != cleaned else cleaned
            changed = changed or cleaned != value
            value = cleaned
        if value:
            data[key] = value
        else:
            changed = True
    return ref._with(variables=FrozenMap(data)) if changed else ref


def _identifiers(ref: Reference, hints: frozenset[str]) -> Reference:
    doi = ref.variables.get("DOI")
    if doi:
        canonical = normalize_doi(doi)
        if canonical and canonical != doi:
            return ref.with_variables(DOI=canonical)
    return ref


def _pages(ref: Reference, hints: frozenset[str]) -> Reference:
    page = ref.variables.get("page")
    if page:
        normalized = normalize_pages(page)
        if normalized != page:  # most pages are already canonical: no copy of the reference then
            return ref.with_variables(page=normalized)
    return ref


def _numbers(ref: Reference, hints: frozenset[str]) -> Reference:
    changes: dict[str, str | None] = {}
    for key in ("volume", "issue"):
        value = ref.variables.get(key)
        if value:
            cleaned = value.strip(" .,;:()")
            if cleaned != value:
                changes[key] = cleaned
    return ref.with_variables(**changes) if changes else ref


def _name(name: Name) -> Name:
    family = name.family.strip(" .,;")
    given = name.given.strip(" ,;")
    if (
        given.endswith(".")
        and _WORD_STOP_AT_END.search(given)
        and not _GIVEN_ABBREVIATION_AT_END.search(given)  # "Chr.", "Jas." keep theirs
    ):
        given = given[:-1]  # "Rachel." — a sentence stop, not an abbreviation
    if family.isupper() and len(family) > 3 and not given.isupper():
        family = family.title()  # "BARBEIRO, H." → "Barbeiro"
    if family != name.family or given != name.given:
        particle, dropping = name.non_dropping_particle, name.dropping_particle
        return Name(family, given, particle, dropping, name.suffix, name.literal)  # a lighter replace()
    return name


def _names(ref: Reference, hints: frozenset[str]) -> Reference:
    author = tuple(_name(n) for n in ref.author)
    editor = tuple(_name(n) for n in ref.editor)
    if author == ref.author and editor == ref.editor:
        return ref  # most references: nothing to change, no copy
    return ref._with(author=author, editor=editor)


def _is_periodical(container: str, variables: Mapping[str, str]) -> bool:
    """A journal: a volume or issue, a periodical word, or pages, a DOI or a publication status
    without a publisher ('Invented Optics, to appear': accepted by a journal, not yet numbered)."""
    if variables.keys() & {"volume", "issue"} or JOURNAL_WORDS.search(container):
        return True
    return bool(variables.keys() & {"page", "DOI", "status"}) and "publisher" not in variables


def _chapter_of_a_book(variables: Mapping[str, str]) -> bool:
    """Pages in a container that has a publisher and no volume or issue: a chapter of a book
    ('“Letter,” Civil Wars (Boston: Beacon Press, 1981), 23-28')."""
    return bool(
        variables.get("container-title")
        and variables.get("publisher")
        and variables.get("page")
        and not variables.keys() & {"volume", "issue"}
    )


def _infer_type(ref: Reference, hints: frozenset[str]) -> Reference:
    variables = ref.variables
    container = variables.get("container-title", "")
    title = variables.get("title", "")
    everything = f"{title} {container} {variables.get('genre', '')} {variables.get('publisher', '')}"
    lowered = everything.lower()
    stated = next((hint[5:] for hint in hints if hint.startswith("type:")), "")
    if stated:
        kind = stated  # the reference said what it is: "[Motion picture]", "[Data set]"
    elif "thesis" in hints or (mentions(lowered, THESIS_CUES) and THESIS.search(everything)):
        kind = "thesis"
    elif "preprint" in hints and not variables.get("volume"):
        kind = "article"
    elif (
        "in" in hints
        and not ref.editor
        and "publisher" not in variables
        and variables.keys() & {"volume", "issue"}
        and not CONFERENCE.search(container)
    ):
        kind = "article-journal"  # "In: Current Sociology 55 (6), pp. 771-792": a journal's volume, no book
    elif "in" in hints or (ref.editor and container) or _chapter_of_a_book(variables):
        kind = "paper-conference" if CONFERENCE.search(container) else "chapter"
    elif CONFERENCE.search(container):
        kind = "paper-conference"
    elif "report" in hints or (mentions(lowered, REPORT_CUES) and REPORT.search(everything)):
        kind = "report"
    elif container and _is_periodical(container, variables):
        kind = "article-journal"
    elif container and "quoted-title" in hints and not variables.keys() & {"publisher", "URL"}:
        kind = "article-journal"  # '“A Title,” Voluntas. 2011' — a quoted title is part of a periodical
    elif ({"volume", "page"} <= variables.keys() or {"issue", "page"} <= variables.keys()) and (
        "publisher" not in variables
    ):
        kind = "article-journal"  # a volume and pages but the journal name ran into the title
    elif "publisher" in variables or "edited-book" in hints or "ISBN" in variables:
        kind = "book"
    elif "online" in hints or variables.get("URL"):
        kind = "webpage"
    else:
        # a title with a bare tail and no numbers is most often a book (the tail: place, publisher, series)
        kind = "book" if title else "document"
    return ref if kind == ref.type else ref._with(type=kind)


_PERIODICALS = frozenset({"article-journal", "article-magazine", "article-newspaper", "paper-conference"})


def _sequential_issue(ref: Reference, hints: frozenset[str]) -> Reference:
    """A periodical numbered by issue alone ("Revue, n° 70", "Magazine, no. 243") carries that
    number as its volume, as JATS and most catalogues record it; "2000;(3):218" (a volume left
    out, the issue in brackets) keeps its issue."""
    variables = ref.variables
    if "labelled-issue" not in hints or ref.type not in _PERIODICALS or "volume" in variables:
        return ref
    return ref.with_variables(volume=variables.get("issue"), issue=None)


NORMALIZERS: list[Callable[[Reference, frozenset[str]], Reference]] = [
    _text_fields,
    _identifiers,
    _pages,
    _numbers,
    _names,
    _infer_type,  # reads the finished fields
    _sequential_issue,  # reads the type
]


def normalize(ref: Reference, hints: frozenset[str] = frozenset()) -> Reference:
    """Run every normaliser in order. ``hints`` are cues the parser saw ("in", "thesis", "online", …)."""
    for step in NORMALIZERS:
        ref = step(ref, hints)
    return ref
