"""Field parsing: one reference string → a :class:`Reference`.

The tagger works left to right on the text that :mod:`refnorm.extract` leaves
once identifiers are cut out:

1. the list number (label) and the author block — its end is found from cues:
   a year in brackets, an opening quote, a sentence end after a name, a colon;
2. the date, when it follows the authors (author-date styles);
3. the title — quoted, or the first sentence;
4. the tail: "In: editors, book", the container, and the numbers (volume, issue,
   pages, year) in the many notations styles use, then place and publisher.

:mod:`refnorm.normalize` then cleans the values and infers the type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refnorm.dates import MONTH_PATTERN, MONTHS, YEAR, has_month_name, parse_date_text
from refnorm.diagnostics import Diagnostic, Severity, register
from refnorm.extract import extract_identifiers
from refnorm.lexicon import (
    CONFERENCE,
    JOURNAL_WORDS,
    PLACE,
    PLACE_INITIALS,
    PUBLISHER_WORDS,
    REPORT,
    REPORT_CUES,
    THESIS,
    THESIS_CUES,
    is_place,
    mentions,
)
from refnorm.model import Date, FrozenMap, Name, Reference
from refnorm.names import _TITLE_START, PARTICLES, is_name_list, parse_names
from refnorm.normalize import clean_text, normalize

__all__ = ["MAX_REFERENCE_LENGTH", "parse_fields"]

MAX_REFERENCE_LENGTH = 10_000  # longer "references" are not parsed field by field (see P201)

P201 = register("P201", "text too long to be one reference: kept whole in `raw`, not parsed into fields")
P202 = register("P202", "no author found")
P203 = register("P203", "no title found")
P204 = register("P204", "no year found")
P205 = register("P205", "text left over that no field took (kept in `leftovers`)")
P299 = register("P299", "internal parser error: the reference is kept unparsed (please report it)")

# Small patterns the functions below use inline, compiled once: a module-level ``re.search(str, …)``
# pays for a cache lookup on every call, and these run many times per reference.
_DIGIT = re.compile(r"\d")
_WHITESPACE = re.compile(r"\s+")
_YEAR_RE = re.compile(YEAR)
_ET_AL_AT_END = re.compile(r"[\s,]+et\s+al\.?$")
_YEAR_AFTER_NAMES = re.compile(rf"(?:,\s*|\.\s+|\s+)(?={YEAR}[a-z]?\b)")
_SHOUTED = re.compile(r"([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]{2,})\.\s")
_NOT_YET = re.compile(r"(?i)in\s+press|in\s+prep|forthcoming|im\s+druck|sous\s+presse|en\s+prensa")
_FREE_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")
_LAST_WORD = re.compile(r"([\w.]+)$")
_WORD_CHARS = re.compile(r"[\w.]+")
_DOTTED_LETTERS = re.compile(r"(?:[a-z]\.)*[a-z]")
_SHORT_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,6}\.")
_WORD_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_BARE_PAGES = re.compile(r"(?:^|[,.;:]\s*)([A-Za-z]?\d+\s*[-–—]+\s*[A-Za-z]?\d+)\s*[.;]?\s*$")
_YEAR_SPAN = re.compile(rf"{YEAR}\s*[-–]\s*{YEAR}")
_LOOSE_YEAR = re.compile(rf"(?<![\d\-–/])({YEAR})[a-z]?(?![\d\-–])")
_RANGE_CONTINUES = re.compile(r"\s*[-–]\s*\d")
_ABBREVIATION_AT_END = re.compile(r"\b(?:[A-Z]|Inc|Ltd|Co|Corp|Mass|Calif|Conn|Penn|Colo)\.$")
_COMMA_OR_SEMICOLON = re.compile(r"\s*[,;]\s*")
_DAY = re.compile(r"\d{1,2}")
_DIGIT_OR_DOT = re.compile(r"[\d.]")
_LONE_PAGE = re.compile(r"\s*[,.]?\s*([A-Z]?\d{1,4})\s*\.?\s*$")
_COMMA_OR_STOP = re.compile(r"[,.]\s+")
_BRACKETED_PP = re.compile(r"\(\s*pp?\.")
_OPEN_PAGES_AT_END = re.compile(r"\s*\((?:pp?\.?|S\.)\s*$")
_NO_WORDS = re.compile(r"[\W\d]*")
_NUMBER_TOKEN = re.compile(r"\d{1,5}[A-Za-z]?")
_WORD_STOP_CAPITAL = re.compile(r"([\w]+)\. (?=[A-Z])")


# text fields a second, different value can reach; numbers found twice are the same number read twice
_NAME_LIKE = frozenset({"title", "container-title", "publisher", "publisher-place", "collection-title"})


@dataclass(slots=True)
class _Fields:
    """The tagger's scratch pad for one reference (internal; the result is a frozen Reference)."""

    variables: dict[str, str] = field(default_factory=dict)
    author: tuple[Name, ...] = ()
    editor: tuple[Name, ...] = ()
    truncated: bool = False
    issued: Date | None = None
    accessed: Date | None = None
    hints: set[str] = field(default_factory=set)
    leftovers: list[str] = field(default_factory=list)

    def set(self, key: str, value: str | None) -> None:
        """Set ``key`` once; a different text for a taken name-like field is kept as a leftover, not lost."""
        if value:
            value = value.strip(" ,;:")
            if value and key not in self.variables:
                self.variables[key] = value
            elif value and key in _NAME_LIKE and self.variables[key] != value:
                self.leftovers.append(value)


# -- 1. label and authors ---------------------------------------------------------------------------

_LABEL = re.compile(
    r"^\s*(?:\[(\d{1,4}[a-z]?)\]|\((\d{1,4})\)|(\d{1,4})[.)](?!\d)|(\d{1,3})\s*[-–]\s|(\d{1,3})\s+(?=[^\W\d]))\s*"
)
# "———. Title", "--, Title": the previous entry's authors. A lone bullet or dash ("• Roe, A.", "- Title")
# only marks a list item: the names after it, if any, are this entry's own.
_SAME_AUTHOR = re.compile(r"^\s*(?:[-–—_]{2,}|[-–—_]\s?[-–—_]\s?[-–—_]+)\s*[.,]?\s*")
_BULLET = re.compile(r"^\s*[-–•*·▪◦‣]\s+")
_YEAR_PAREN = re.compile(
    rf"[(\[]\s*(?:(?:c\.\s*)?{YEAR}[a-z]?(?:\s*[-/–]\s*\d{{2,4}}[a-z]?)?(?:\s*,?\s*[^()\[\]]{{0,30}})?|"
    rf"(?:{MONTH_PATTERN})\.?\s+(?:\d{{1,2}},?\s+)?{YEAR}|"  # "(December 1998)"
    r"n\.\s?d\.?|s\.\s?d\.?|o\.\s?J\.|in\s+press|in\s+prep(?:aration|\.)?|forthcoming|im\s+Druck|sous\s+presse|"
    r"en\s+prensa|undated)\s*[)\]]",
    re.IGNORECASE,
)
# Each pattern below that opens with a lookahead of characters lists the characters its every branch
# starts with: that lets a search skip the other positions cheaply and matches exactly the same.
_OPEN_QUOTE = re.compile(
    r"(?=[`\"“„«‘'])(?:(?:^|(?<=[\s,.:;(]))(?:``|[\"“„«])|(?:^|(?<=\s))[‘'](?=[A-Z0-9]))"
)
_CLOSE_FOR = {'"': '"', "“": "”", "„": "“", "«": "»", "‘": "’", "'": "'", "`": "''"}


def _strip_label(text: str) -> tuple[str, str]:
    match = _LABEL.match(text)
    if not match:
        return "", text
    label = next(g for g in match.groups() if g)
    return label, text[match.end() :]


_NAME_LIST_WORDS = PARTICLES | {
    "dan",
    "og",
    "och",
    "and",
    "und",
    "et",
    "al",
    "y",
    "e",
    "with",
    "eds",
    "ed",
    "hrsg",
    "hg",
    "editors",
    "editor",
    "éd",
    "éds",
    "dir",
    "coord",
    "others",
}
# A digit or a lower-case word that is no particle or list word: names cannot run past it.
_HARD_STOP = re.compile(rf"\d(?![nr]d\b)|(?:^|[\s(])(?!(?:{'|'.join(sorted(_NAME_LIST_WORDS))})\b)[a-zß-ÿ]")
_AUTHOR_BOUNDARY = re.compile(  # the lookahead of first characters: see _OPEN_QUOTE
    r"(?=[.:,;\s])(?:(?<=\S)(?:\.(?=\s)|:(?=\s)|,(?=\s)|;)|(?<=\S)(?=\s(?:1[5-9]|20)\d\d[a-z]?\b))"
)


def _names_ok(prefix: str, *, strict: bool = True) -> bool:
    """Is ``prefix`` (everything before a candidate author-block end) a plausible list of names?"""
    return not _HARD_STOP.search(prefix) and is_name_list(prefix, strict=strict)


_LONE_AUTHOR = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|of|for|and|&|de|du|des|la))*")


def _lone_author(prefix: str) -> bool:
    """Before a strong cue ("(2014)", an opening quote) a bare surname or a short body name is an author."""
    text = prefix.strip(" ,;:")
    if text.endswith(("al", "al.", "al\n", "al.\n")):  # else _ET_AL_AT_END cannot match
        text = _ET_AL_AT_END.sub("", text)
    text = text.strip(" ,.;:")  # "Saucier et al. (2009)"
    return (
        bool(text)
        and len(text) <= 60
        and _LONE_AUTHOR.fullmatch(text) is not None
        and text.split()[0] not in _TITLE_START
    )


def _author_end(text: str) -> int:
    """Index where the author block ends (0 = no authors). Cues tried from strongest to weakest."""
    head = text[:700]
    for cue in (_YEAR_PAREN, _OPEN_QUOTE):
        match = cue.search(head)
        if (
            match
            and match.start() > 0
            and (_names_ok(head[: match.start()], strict=False) or _lone_author(head[: match.start()]))
        ):
            return match.start()
    match = _YEAR_AFTER_NAMES.search(head)
    if (
        match
        and match.start() > 0
        and (
            _names_ok(head[: match.start()])
            or (match.group(0).lstrip()[:1] == "," and _loose_names(head[: match.start()]))
            or _lone_author(head[: match.start()])
        )
    ):
        return match.start()
    shouted = _SHOUTED.match(head)  # "COLLECTIF. Title …"
    if shouted:
        return shouted.end(1) + 1
    # Names cannot run past an ordinary lower-case word or a number; of the boundaries before that,
    # the longest prefix that reads as a name list wins (tried longest first: usually one parse).
    stop = _HARD_STOP.search(head)
    limit = stop.start() if stop else len(head)
    ends = [
        boundary.end() if boundary.group(0) == "." else boundary.start()
        for boundary in _AUTHOR_BOUNDARY.finditer(head, 0, limit + 1)
    ]
    if len(text) <= len(head) and limit >= len(head.rstrip(" .")) and _only_names(head.rstrip(" .")):
        ends.append(len(head.rstrip()))  # "Xia, L., Chen, C., Aggarwal, J.K.": nothing but names
    strict = next(
        (
            end
            for end in reversed(ends)
            if end <= limit and is_name_list(head[:end]) and _plausible_block(head[:end])
        ),
        0,
    )
    # "Devaney, Johanna, Jason Hockman, Ichiro Fujinaga. Diatonic …": a longer list without its closing
    # "and" is believed when a full stop ends it
    for end in reversed(ends):
        if end <= strict:
            break
        if (
            end <= limit
            and head[end - 1 : end] == "."
            and _loose_names(head[:end])
            and _plausible_block(head[:end])
        ):
            return end
    # a block the name grammar could not read (or read only in part) that an early date closes
    dated = _AUTHOR_DATE.match(head)
    if dated and dated.end("block") > strict and _author_block_shape(dated.group("block")):
        extension = head[strict : dated.end("block")].strip(" ,.;&")
        if not strict or not _title_after_names(extension):
            return dated.end("block")
    return strict


# Author-date styles: whatever stands before an early "(2009)." / ". 2002." / ", 1882 :" that opens the title
# is the author block, even when it is no personal name ("Department of Defense (DoD)", "Kefi (N.)")
_AUTHOR_DATE = re.compile(
    rf"(?P<block>[^\d\"“”«»]{{2,120}}?)\s*[,.]?\s*(?:[(\[]{YEAR}[a-z]?[)\]]|{YEAR}(?!s)[a-z]?)\s*[.,:]\s+(?=[^\W\d_])"
)
_SENTENCE_INSIDE = re.compile(r"[a-zß-ÿ]{3,}[.?!]\s")


def _author_block_shape(block: str) -> bool:
    """Capitalised words without a sentence inside: a body's name or names in an odd form, not a title."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", block)
    if not words or len(words) > 14 or ":" in block or _SENTENCE_INSIDE.search(block):
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in _NAME_LIST_WORDS | _CONNECTIVES]
    return not lower and words[0] not in _TITLE_START


def _title_after_names(text: str) -> bool:
    """After names the grammar read: "The Strange Case of X", "Selected Works, Vol. One", a lone word."""
    words = text.split()
    return (
        len(words) < 2
        or words[0] in _TITLE_START
        or PUBLISHER_WORDS.search(text) is not None
        or JOURNAL_WORDS.search(text) is not None
        or re.search(r"\b(?:Vol|Bd|Tome|Part)\b", text) is not None
    )


_CONNECTIVES = frozenset(
    {"of", "for", "the", "on", "in", "y", "de", "del", "des", "du", "für", "und", "et", "da"}
)


def _only_names(text: str) -> bool:
    """A fragment that is nothing but a list of at least two persons, each with initials or one given
    name ("Xia, L., Chen, C., Aggarwal, J.K."); not "CIA World Factbook"."""
    if not is_name_list(text):
        return False
    names = parse_names(text).names
    return len(names) >= 2 and all(
        name.family and _GIVEN_INITIALS_OR_ONE.fullmatch(name.given) is not None for name in names
    )


_GIVEN_INITIALS_OR_ONE = re.compile(r"(?:[A-ZÀ-ÖØ-Þ]\.?[\s-]?)+|[A-ZÀ-ÖØ-Þ][^\W\d_]+")


def _plausible_block(prefix: str) -> bool:
    """Brackets closed, and no body's name that opens with an inverted person ("Gifford, Edward W. Clear Lake
    Pomo Society" is a person and a title, not one organisation)."""
    if prefix.count("(") != prefix.count(")"):
        return False
    names = parse_names(prefix).names
    return not (len(names) == 1 and names[0].literal and _INVERTED_PERSON.match(prefix))


_INVERTED_PERSON = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+,\s+[A-ZÀ-ÖØ-Þ][\w'’-]*\.?\s")
_ABBREVIATED_WORD = re.compile(r"\b[^\W\d_]{3,4}\.(?=\s|$)")  # "Lett.", "Phys.", "Chem."


def _loose_names(prefix: str) -> bool:
    """A name list lacking only its closing "and" — and holding no abbreviated word ("Nano Lett.")."""
    return not _ABBREVIATED_WORD.search(prefix.rstrip()) and _names_ok(prefix.rstrip(" ."), strict=False)


# -- 2./3. date and title ---------------------------------------------------------------------------

_LEADING_DATE = re.compile(
    rf"^\s*[,.]?\s*(?:[(\[]\s*(?P<p>[^()\[\]]{{1,40}}?)\s*[)\]]|(?P<y>{YEAR}[a-z]?(?:\s*[-/–]\s*\d{{2,4}})?"
    rf"(?:,?\s+(?:{MONTH_PATTERN})\.?(?:\s+\d{{1,2}})?\b)?))(?:\s*[(\[]{YEAR}[)\]])?\s*[.,:;]?\s*",
    re.IGNORECASE,
)
_NO_DATE = re.compile(r"^(?:n\.\s?d\.?|s\.\s?d\.?|o\.\s?J\.|undated)$", re.IGNORECASE)
_ABBREVIATIONS = frozenset(
    [
        # words of meeting and society names: "Proc. Fourth International Conf. on Things"
        "conf",
        "int",
        "intl",
        "natl",
        "assoc",
        "soc",
        "symp",
        "vs",
        "e.g",
        "i.e",
        "etc",
        "al",
        "cf",
        "ca",
        "no",
        "vol",
        "ed",
        "eds",
        "pp",
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "fig",
        "approx",
        "proc",
        "trans",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "nr",
        "bd",
        "hrsg",
        "vgl",
        "bzw",
        "usw",
        "ca",
        "ff",
    ]
)
_JOURNAL_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,4}")
_ABBREVIATED_NEXT = re.compile(
    r"\s+(?:[A-Z][a-z]{0,5}\.|[A-Z]{2,}(?=[.,;:]?\s*(?:\d|$))|\d)"
)  # "Syst. Bot. 10", "Ann. NY 5"
_SENTENCE_END = re.compile(r"[.?!](?=\s+[\"“(\[]?[\w¿¡])|[.?!](?=\s*$)")


_LEADING_YEAR = re.compile(rf"^({YEAR})[a-z]?\s*:\s+(?=[A-ZÀ-ÖØ-Þ])")
_ROLE_AFTER_NAMES = re.compile(
    r"(?:trans(?:lated)?\.?\s*(?:and|&)\s*)?(?:eds?|editors?|hrsg|hg|éds?|dirs?)\.?(?:\s*(?:and|&)\s*trans\.?)?[,.:]?\s+",
    re.IGNORECASE,
)


def _take_date(text: str, fields: _Fields) -> str:
    match = _LEADING_DATE.match(text)
    if not match:
        return text
    inner = match.group("p") or match.group("y") or ""
    if match.group("p") is not None:
        if _NO_DATE.match(inner.strip()) or _NOT_YET.match(inner.strip()):
            fields.issued = Date(literal=inner.strip())
            return text[match.end() :]
        if not _FREE_YEAR.search(inner):
            return text
    date = parse_date_text(inner)
    if date is None:
        return text
    fields.issued = date
    return text[match.end() :]


# a capital letter after a lower-case word ("hepatitis C", "vitamin D", "group A") names a thing, it is no
# initial: its stop can end the sentence
_LETTER_AFTER_WORD = re.compile(
    r"(?<![\w.-])(?!(?:and|und|the|of|by|von|van|with|from|et)\s)[a-zß-ÿ]{3,}\s[A-Z]\.$"
)


_MONTH_NEXT = re.compile(rf"\s+(?:{MONTH_PATTERN})\b", re.IGNORECASE)


def _first_sentence_end(text: str, start: int = 0) -> int:
    """Index just after the first sentence of ``text`` (skipping abbreviations and initials)."""
    for match in _SENTENCE_END.finditer(text, start):
        position = match.start()
        if text[position] != ".":
            return position + 1  # "?" and "!" end the sentence; only a "." can be an abbreviation's
        word = _word_before(text, position)
        token = word.lower()
        if token.isdigit() and _MONTH_NEXT.match(text, position + 1):
            continue  # "vom 27. März 616": a German day, not a sentence end
        if token.rstrip(".") in _ABBREVIATIONS or _DOTTED_LETTERS.fullmatch(token) is not None:
            named_letter = (
                _LETTER_AFTER_WORD.search(text, max(0, position - 40), position + 1)
                and text[position + 1 : position + 3].strip()[:1].isupper()
            )
            if not named_letter:
                continue  # an initial or abbreviation — but "hepatitis C." / "vitamin D." end a sentence
        if _JOURNAL_ABBREVIATION.fullmatch(word) and _ABBREVIATED_NEXT.match(text, position + 1):
            continue  # "Syst. Bot. 10: 49" — inside an abbreviated journal name
        return position + 1
    return len(text)


def _word_before(text: str, position: int) -> str:
    """The word characters and dots right before ``position``, at most 40 back ("" if none):
    what ``_LAST_WORD`` finds in that window, read backwards in one match instead of one per start."""
    window = text[max(0, position - 40) : position]  # bounded: linear overall
    if window.endswith("\n"):  # "$" also matches before a final newline: keep the regex's reading
        found = _LAST_WORD.search(window)
        return found.group(1) if found else ""
    run = _WORD_CHARS.match(window[::-1])
    return window[len(window) - run.end() :] if run else ""


_DETAIL_CUE = re.compile(
    r"(?=[,(.\s])(?:"  # see _OPEN_QUOTE
    rf"(?:,\s*|\(\s*|\.\s+){YEAR}\b(?!\s*[-–]\s*\d)"
    r"|(?:,\s*|\(\s*|\s)(?:(?:vol|no|pp?|tome|t|bd|nr|heft|v)\.\s*\d|volume\s+\d|n[°º]\s*\d|\d+\s*\(\d+\)|\d+\s*:\s*\d)"
    r"|(?-i:,?\s+(?:In:|In\s+(?=[A-Z]))|,\s*(?:in|dans|en|im):?\s+)|\s\((?:Doctoral|Master|PhD|Ph\.D)"
    r"|\s\([^()]*(?:Trans|Hrsg|Ed|Eds)\.\)"
    r"|,\s*\d+\s*(?:p|pp|S|pages|Seiten)\.?(?=[\s,.;]|$)"  # ", 34 p." a page count
    r"|,\s*v\s+\d"  # geology's ", v 194, p 17-29"
    r"|(?:,\s*|\s)(?:Ph\.?\s?D\.?|Masters?'?s?|Doctoral|MSc|M\.A\.|Diploma|Bachelor'?s?)\s+(?:thesis|dissertation)"
    r"|,\s*(?:working|discussion|technical|research|policy)\s+(?:paper|report|note)s?\b"
    rf"|\s\((?=[^()]*[^\W\d][^()]*\b{YEAR}\s*\))"  # "(Cambridge, 1918)" — not a bare "(1918-1943)"
    r"|,\s*(?:\d+\.?,?\s*)?(?:[\w-]+\s+){0,2}(?:ed\.|edn\b|edition\b|éd\.|édition\b|Auflage\b|Aufl\.|izd\.|изд\.)"
    r"|\s//\s)",  # GOST: "Title // Container"
    re.IGNORECASE,
)
_COMMA_BOUNDARY = re.compile(r",\s+(?=[\"“«‘A-ZÀ-ÖØ-Þ0-9])")
_TITLE_BRACKET = re.compile(
    # a year counts only beside words ("(Cambridge, 1918)"): "(1940-1943)" is the title's own
    rf"\s\((?=[^()]*(?::\s|Trans\.|Hrsg\.|Eds?\.|[Ee]dition|Auflage)|[^()]*[^\W\d_][^()]*\b{YEAR}\b"
    rf"|[^()]*\b{YEAR}\b[^()]*[^\W\d_])[^()]*\)?\s*\.?$"
)


# A book's imprint or a translator/editor note inside the title's sentence ends the title there:
# "… Islamism London: Hurst, 2010", "…, and Ethics, Grand Rapids: Eerdmans", "…, trans. John Cumming"
_IMPRINT_CUE = re.compile(
    r"(?=[,.\s])(?:"  # see _OPEN_QUOTE; PLACE_INITIALS likewise spares trying every place name
    rf"(?:,\s*|\s+)(?=[{PLACE_INITIALS}])(?=(?:{PLACE})(?:,?\s+[A-Z]{{2}}\b|,\s*[A-Z][a-z]{{1,8}}\.?)?\s*:\s*\S)"
    r"|,\s*(?=(?:trans(?:lated)?\.?|edited|ed\.|eds\.|hrsg\.|hg\.|wyd\.|vol\.)\s)"
    r"|\.\s+(?=\d{1,2}\s+vols?\.)"
    # "…, The Australian National University, Canberra." — an institution publishing it, after a comma
    r"|,\s*(?=(?:The\s+)?[A-Z][\w'’-]*(?:\s+(?:of|for|and|&|on|[A-Z][\w'’-]*)){0,8}\s+"
    r"(?:University|Press|Council|Institute|Association|Society|Agency|Department|Ministry|Organi[sz]ation|"
    r"Foundation|Commission|Office|Centre|Center|Publishers?|Publishing)\b[^,.]{0,40}(?:[,.]|$)))"
)


_ARTICLE_NUMBERS = re.compile(r"vol\.\s*\d+[^.]{0,40}?(?:\bno\.|\bpp?\.|\bn[°º])\s*\d", re.IGNORECASE)


def _title_end(text: str, comma_style: bool) -> int:
    """Where an unquoted title ends: its first sentence, or in comma styles its first comma."""
    end = _first_sentence_end(text)
    imprint = _IMPRINT_CUE.search(text, 8, end)
    if imprint and _ARTICLE_NUMBERS.match(text, imprint.end()):
        imprint = None  # ", vol. 64, 1967, pp. 75-85": a journal's numbers, not a book's volume
    if imprint and text.count("(", 0, imprint.start()) <= text.count(")", 0, imprint.start()):
        return imprint.start()  # everything before a book's imprint is title, commas and all
    cue = _DETAIL_CUE.search(text, 8, end)
    if cue:
        end = cue.start()
        # "Going Public: …, Fordham Law Review, 83(5), …": numbers right after a comma-separated container
        if text[cue.start() : cue.start() + 1] == "," and not text[cue.start() :].lstrip(", ")[:1].isalpha():
            comma_style = True
    # Chicago notes: "Unsettling Opera: Staging Mozart, Verdi, Wagner, and Zemlinsky (University of Chicago
    # Press, 2007)" — everything before the bracketed imprint is title, commas and all
    imprint_bracket = cue is not None and text[cue.start() : cue.start() + 2] == " ("
    sentence_first = cue is None and end < len(
        text.rstrip(" .")
    )  # "Title, Quebec (abstract). Journal, v. 13"
    if comma_style and not imprint_bracket and not sentence_first:
        commas = list(_COMMA_BOUNDARY.finditer(text, 8, end))
        # "Title, with commas, Canada, Earth and Planetary Science Letters, v. 194": the journal is the
        # last comma piece before the numbers when it reads as one; else the title ends at the first comma
        journal = next(
            (c for c in reversed(commas[1:]) if cue and JOURNAL_WORDS.search(text, c.end(), end)), None
        )
        comma = journal or (commas[0] if commas else None)
        if comma:
            end = comma.start()
        elif cue:
            end = _journal_suffix_start(text, end)
    elif cue and not imprint_bracket and end < len(text):
        # "(2009). Changing the Rules: An Analysis, International Studies Quarterly 53 (2), 325-347":
        # a sentence-style title whose journal follows after a comma, right before the numbers
        last_comma = text.rfind(", ", 8, end)
        piece = text[last_comma + 2 : end] if last_comma > 0 else ""
        if piece and JOURNAL_WORDS.search(piece) and _journal_like(piece) and piece[:1].isupper():
            end = last_comma
    # a trailing "(New York: Oxford University Press, 2011)" or "(D. F. Krell, Trans.)" is not title
    bracket = _TITLE_BRACKET.search(text[:end]) if "(" in text else None  # the pattern needs a "("
    if bracket and bracket.start() > 8:
        end = bracket.start()
    return end


# "… a randomized trial Diabetes Educ., 35 (2009)": a sentence-case title that runs straight into an
# abbreviated or periodical-worded journal name, with numbers right after it
_CAPITALISED_RUN = re.compile(
    r"(?:\s(?:[A-ZÀ-ÖØ-Þ][\w'’&-]*\.?|of|and|&|the|for|in|on|de|der|des|la|le|et|für|und)){1,7}$"
)


def _journal_suffix_start(text: str, end: int) -> int:
    """Where a journal name glued to the end of a title starts (``end`` when there is none)."""
    run = _CAPITALISED_RUN.search(text, 0, end)
    if run is None or run.start() < 8:
        return end
    suffix = text[run.start() : end].strip()
    before = text[: run.start()].rstrip()
    words = suffix.split()
    first_word_lower = before.rsplit(" ", 1)[-1][:1].islower()
    periodical = JOURNAL_WORDS.search(suffix) is not None or any(
        _SHORT_ABBREVIATION.fullmatch(w) for w in words
    )
    if first_word_lower and periodical and words[0][:1].isupper():
        return run.start()
    return end


# Physics / astronomy short form has no title: "Astron. J. 116, 1009 (1998)", "Phys. Rev. B 54, 1 (1996)"
_CONTAINER_FIRST = re.compile(
    r"^(?P<container>(?:[A-Z][a-z]{0,6}\.?|[A-Z]{1,4})(?:\s(?:[A-Z][a-z]{0,6}\.?|[A-Z]{1,4}|of|and|&))*)"
    r"\s+\d{1,5}[A-Za-z]?\s*,\s*[A-Za-z]?\d"
)
# Astronomy: "2000, A&A, 362, 886" / "ApJ, 475, 163" — the whole rest is journal, volume, page
_ASTRO_SHORT = re.compile(
    rf"^(?P<container>[A-Z][\w&.]*(?:\s(?!{YEAR}\b)[\w&.]+){{0,4}})(?:\s+(?P<year>{YEAR}))?,\s*\d{{1,5}},\s*"
    r"[A-Za-z]?\d+\s*\.?$"
)


def _take_title(text: str, fields: _Fields, comma_style: bool = False) -> str:
    text = text.lstrip(" .,;:")
    short_form = _CONTAINER_FIRST.match(text)
    if not (short_form and "." in short_form.group("container")):
        short_form = _ASTRO_SHORT.match(text)
    if short_form:
        fields.set("container-title", short_form.group("container"))
        return text[short_form.end("container") :]  # the year stays for the tail (ACS "1984, 31, 711")
    quote = _OPEN_QUOTE.match(text)
    if quote:
        opener = text[quote.start()]
        closer = _CLOSE_FOR.get(opener, '"')
        end = text.find(closer, quote.end())
        if opener == "'" or opener == "‘":
            end = _find_closing_single(text, quote.end(), closer)
        if end > 0:
            fields.set("title", text[quote.end() : end].strip().rstrip(","))
            fields.hints.add("quoted-title")
            return text[end + len(closer) :].lstrip(" .,;:")
    end = _title_end(text, comma_style)
    if not comma_style and end < len(text) and text[end - 1 : end] in ".?!":
        end = _subtitle_end(text, end)
    title = text[:end].strip()
    if title.endswith("."):
        title = title[:-1]
    medium = _MEDIUM.search(title) if "[" in title else None  # the pattern needs a "["
    if medium:  # APA's "[Motion picture]", "[Computer software]", "[Data set]": a description, not title
        fields.set("medium", medium.group(1))
        kind = _MEDIUM_TYPES.get(medium.group(1).split()[0].lower())
        if kind:
            fields.hints.add(f"type:{kind}")
        title = title[: medium.start()].rstrip()
    fields.set("title", title)
    return text[end:].lstrip(" .,;:/")


_MEDIUM = re.compile(
    r"\s*\[((?:Motion picture|Film|Video(?: file)?|DVD|Audio(?: recording| file)?|Podcast(?: episode)?|"
    r"Computer (?:software|program)|Software|Data ?set|Brochure|Blog post|Tweet|"
    r"Television (?:series|episode)|Radio broadcast|Map|Photograph|Lecture notes|PowerPoint slides|"
    r"Unpublished manuscript)[^\]]{0,30})\]$",
    re.IGNORECASE,
)
_MEDIUM_TYPES = {
    "motion": "motion_picture",
    "film": "motion_picture",
    "video": "motion_picture",
    "dvd": "motion_picture",
    "television": "broadcast",
    "radio": "broadcast",
    "podcast": "broadcast",
    "computer": "software",
    "software": "software",
    "data": "dataset",
    "dataset": "dataset",
    "map": "map",
    "photograph": "graphic",
    "blog": "post-weblog",
    "tweet": "post",
    "brochure": "pamphlet",
    "unpublished": "manuscript",
}


def _subtitle_end(text: str, end: int) -> int:
    """A second sentence of prose (mostly lower-case words) before the container is the title's too:
    "Stand der Integration. Zusammenfassung einer persönlichen Einschätzung der Situation. In: …"."""
    rest = text[end:].lstrip()
    offset = len(text) - len(rest)
    if not rest or _IN.match(rest) or _EDITED_BY.match(rest):
        return end
    next_end = _title_end(rest, False)
    sentence = rest[:next_end]
    if next_end >= len(rest) or not rest[next_end:].strip(" .,;:"):
        return end  # nothing would be left for the container
    if not sentence.rstrip().endswith((".", "?", "!")):
        return end  # it ran into numbers or an imprint: that sentence is the container
    words = _WORD_TOKEN.findall(sentence)
    lower = sum(1 for w in words if w[0].islower())
    asked = text[:end].rstrip()[-1:] in "?!"  # "Can There Ever be Too Many Options? A Meta-Analytic Review …"
    if len(words) >= 5 and (asked or lower >= 0.6 * len(words)) and not _DIGIT.search(sentence):
        return offset + next_end
    return end


def _find_closing_single(text: str, start: int, closer: str) -> int:
    for match in re.finditer(re.escape(closer) + r"(?=[\s,.;:]|$)", text[start:]):
        return start + match.start()
    return -1


# -- 4. the tail: editors, container, numbers, publisher ----------------------------------------------

_IN = re.compile(r"^(?:In|in|IN|Dans|dans|En|en|Im|im)\s*:?\s+")
_EDITED_BY = re.compile(
    # "edited by", "ed. by", "hg. v.", "Eds. Name", "(Ed.) Name" — but not the "ed." of an edition
    # ("Rev. ed.", "2nd ed.", "25. ed.") nor the end of an abbreviation ("Med. Res.")
    r"(?=[.,\s(ehrd])"  # see _OPEN_QUOTE (case-insensitive, as the words are)
    r"(?:[.,]?\s*(?<![\w])(?<!Rev\. )(?<!rev\. )(?<!\d\. )(?<!\d )(?<!nd )(?<!rd )(?<!th )(?<!st )"
    r"(?:edited\s+by|ed\.\s+by|hrsg\.\s+v(?:on)?\.|hg\.\s+v(?:on)?\.|herausgegeben\s+von|"
    r"(?-i:\(?(?:Eds?|eds?|red|Red|dir|Dir)\.\)?))\s+(?=[A-Z]))",
    re.I,
)
_EDITOR_MARK = re.compile(
    r"\s*[(\[]?\b(?:eds?|editors?|\(?hrsg|hgg?|éds?|coords?|comps?|dirs?)\b\.?(?:\s*[)\]])?\s*[.,:]?\s*",
    re.IGNORECASE,
)
_VANCOUVER_NUMBERS = re.compile(
    r"(?=[12])(?:"  # either branch opens with a YEAR: see _OPEN_QUOTE
    rf"(?P<year>{YEAR})[a-z]?(?:\s+(?P<month>[A-Z][a-z]{{2,8}})\.?(?:\s*-\s*[A-Z][a-z]{{2,8}})?(?:\s+(?P<day>\d{{1,2}}))?)?"
    r"(?:\s*;\s*|\s+)(?P<volume>[\w.-]{1,12}?)?\s*(?:\((?P<issue>[^()]{1,25})\))?\s*:\s*(?:p\.?\s*)?(?P<page>[A-Za-z]{0,3}\d[\w]*(?:\s*[-–]\s*[A-Za-z]{0,3}\d+)?)"
    r"|(?P<year2>" + YEAR + r")[a-z]?\s*;\s*(?P<volume2>[\w-]{1,12})\s*(?:\((?P<issue2>[^()]{1,25})\))?)"
)
_ACS_NUMBERS = re.compile(rf"\b({YEAR})\s*,\s*(\d{{1,5}})\s*,\s*([A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)\s*\.?\s*$")
_LABELLED = {  # the leading lookaheads: see _OPEN_QUOTE
    "volume": re.compile(
        r"(?=[vbtjТВ])(?:\b(?:vol(?:ume)?s?|bd|band|tome|t|jg|jahrgang|v)|(?<!\w)(?:Т|Вып|Vol))(?:\.\s*|\s+)([0-9]+[A-Za-z]?|[IVXLCDM]+\b)",
        re.I,
    ),
    "issue": re.compile(
        r"(?=[nihf№])(?:\b(?:no|nos|nr|num|number|issue|iss|heft|h|fasc|n[°º]|n(?=\.))|№)\.?\s*(\d+[A-Za-z]?(?:[-–/]\d+)?)\b",
        re.I,
    ),
    "page": re.compile(
        # "15 p." is a page count, not a page; a year after the pages is not another page
        r"(?=[psс])(?<!\d )(?:\b(?:pp|pages|p|pgs?|ss?|seiten?|págs?|str)\.?\s*|\bpage\s+|(?<!\w)[СсS]\.\s*)"
        r"(?P<v>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+[A-Za-z]?)?"
        rf"(?:\s*,\s*(?!{YEAR}\b)\d+(?:\s*[-–]\s*\d+)?)*)",
        re.I,
    ),
    "edition": re.compile(
        r"\b(\d+(?:st|nd|rd|th|\.)?|[Ff]irst|[Ss]econd|[Tt]hird|[Rr]evised|[Nn]ew)\s*(?:ed|edn|edition|Aufl|Auflage|éd)\b\.?",
        re.I,
    ),
}
_NUMBERS = [
    # 1:5: 318 | 128:11: 1056 — volume:issue: page
    re.compile(
        r"(?P<volume>(?<![-–/])\b\d{1,5}):(?P<issue>\d{1,4}):\s*(?P<page>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)"
    ),
    # Chicago: 22, no. 2 (autumn 2002): 165-188 | 128, n° 7 (1981): 1523 | ARIEL 26: 2 (April 1995): 7-23
    re.compile(
        r"(?P<volume>(?<![-–/])\b\d{1,5})\s*(?:,\s*(?:[Nn]o\.?|n[°º]|[Nn]r\.?|[Ii]ssue)|:)\s*(?P<issue>\d{1,4})"
        rf"\s*\((?:[^()\d]{{3,25}}\s)?{YEAR}\)\s*[:,]\s*(?:pp?\.\s*)?"
        r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
    ),
    # MLA: 167.8 (2016): 615-648 | 51.2 (Spring 2012), 93
    re.compile(
        rf"(?P<volume>(?<![-–/])\b\d{{1,5}})\.(?P<issue>\d{{1,4}})\s*\((?:[^()\d]{{3,25}}\s)?{YEAR}\)\s*[:,]\s*"
        r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
    ),
    # Nature / physics: 550, 354–359 (2017) | 116, 1009 (1998)
    re.compile(
        r"(?P<volume>(?<![-–/])\b\d{1,5}[A-Za-z]?)\s*,\s*(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
        rf"\s*,?\s*\(\s*(?:[A-Z][a-z]+\.?\s+)?{YEAR}\s*\)"
    ),
    # "Parallel Computing, 7 387-393, 1988": volume and pages with a space only, after a comma
    re.compile(r",\s*(?P<volume>\d{1,4})\s+(?P<page>[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+)\b"),
    # "… Anthropology 114 2001 269-272": volume, year, pages with spaces only
    re.compile(
        rf"(?P<volume>(?<![-–/])\b\d{{1,4}})\s+{YEAR}\s+(?P<page>[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+)\b"
    ),
    # "Latomus, 14, 1955, p. 186-201": a volume right before the year (the pages are labelled)
    re.compile(rf"(?P<volume>(?<![-–/])\b\d{{1,4}})\s*,\s*{YEAR}\s*,\s*(?=p)"),
    # 10(2), 131-138 | 10(2):131-138 | 137(3):311–321 | 20(6): p. 305-9 — but not "359 (2017)"
    re.compile(
        rf"(?P<volume>(?<![-–/])\b\d+[A-Za-z]?|\b[IVXLC]+)\s*,?\s*\((?!\s*(?:[A-Za-z]+\.?\s+)?{YEAR}\s*\))"
        r"(?P<issue>[^():]{0,12}\d[^():]{0,8})\)\s*[,:]?\s*(?:pp?\.\s*)?"
        r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)?"
    ),
    # Eng Manag J, 25 (2013) 25-37 | Sefarad 46 (1986) 473-491 — volume (year) pages
    re.compile(
        # … but not the issue of "22, no. 2 (autumn 2002), pp. 165"
        r"(?<![Nn]o\.\s)(?<![Nn]o\.)(?<![Nn]r\.\s)(?<!n°\s)"
        rf"(?P<volume>(?<![-–/])\b\d{{1,5}})\s*\(\s*(?:[^()\d]{{3,25}}\s)?{YEAR}\s*\)\s*[,:]?\s*(?:pp?\.\s*)?"
        r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
    ),
    # 19: 437-488 | 1089:1-22 | 4:32
    re.compile(
        r"(?P<volume>(?<![-–/])\b\d{1,5}[A-Za-z]?)\s*:\s*(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
    ),
    # 116, 1009 (1998) | 24, 12– 21 | Biochemistry 2011, 50, 1100-1110
    re.compile(
        r"(?P<volume>(?<![-–/])\b\d{1,5}[A-Za-z]?)\s*,\s*(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
        rf"(?=\s*(?:\(\s*{YEAR}\s*\))?\s*[.,;]?\s*$|\s*[.;]\s)"
    ),
    # (38): 284-311 — an issue number with no volume
    re.compile(
        rf"\((?!{YEAR}\))(?P<issue>\d{{1,4}})\)\s*:\s*(?P<page>[A-Za-z]{{0,2}}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{{0,2}}\d+)?)"
    ),
    # 2(3) without pages
    re.compile(rf"(?P<volume>(?<![-–/])\b\d{{1,5}})\s*\((?!{YEAR}\))(?P<issue>\d[^()]{{0,10}})\)"),
]
_ONE_PLACE = (
    r"[A-ZÀ-ÖØ-ÞА-Я][\w'’/-]*\.?(?:\s(?:[A-ZÀ-ÖØ-ÞА-Я][\w'’/-]*\.?|de|del|am|upon|on|sur|im|a\.)){0,3}"
    r"(?:\s?\([A-Z]{2,5}\)|,\s*[A-Z]{2}\b|,\s*(?:[A-Z]\.){1,3}|,\s*[A-Z][a-z]{1,10}\.?(?:\s[A-Z][a-z]+)?)?"
)
_PLACE_PUBLISHER = re.compile(
    # a place is one to four capitalised words ("Palo Alto (CA)", "Cambridge, Mass.", "Terra Alta, W.V."),
    # or two joined ("London and New York", "Cambridge ; New York")
    rf"(?<![\w.])(?P<place>{_ONE_PLACE}(?:\s*(?:and|&|;|/)\s*{_ONE_PLACE})?)\s*:\s*"
    r"(?P<publisher>[^:;.,()][^:;()]{1,80}?)(?=\s*(?:[,.;]\s*|\s)(?:(?:c\s*)?"
    + YEAR
    + r"|\d|pp?\.|$)|\s*[.;]?\s*$|\s*[()])"
)


def _take_editors(text: str, fields: _Fields, *, german_colon: bool = False) -> str:
    """After "In", a list of editors ended by "(Eds.)", "editors.", "(Hrsg.)": take it."""
    for mark in _EDITOR_MARK.finditer(text[:400]):
        candidate = text[: mark.start()].strip(" ,")
        if candidate and (
            _names_ok(candidate)
            or (
                mark.group(0).strip().startswith("(")
                and len(candidate) < 200
                and not _DIGIT.search(candidate)
            )
        ):
            names = parse_names(candidate)
            fields.editor = names.names
            return text[mark.end() :].lstrip(" ,.:")
        if mark.start() > 300:
            break
    # German "In: Danielle Roe, Sonja Doe: Book title" / "In: Roe, Ada u.a.: Book title": names up to a colon
    colon = text.find(": ", 0, 200) if german_colon else -1  # "In Title: Subtitle" is no editor list
    if colon > 0:
        candidate = _AND_OTHERS.sub("", text[:colon])
        if _names_ok(candidate, strict=False):
            fields.editor = parse_names(candidate).names  # a dropped "u.a." is not recorded: CSL has no place
            return text[colon + 2 :]
    return text


_AND_OTHERS = re.compile(r"\s*,?\s*(?:u\.\s?a\.|et al\.|u\.\s?a\.\s?m\.)\s*$")


def _editor_names_end(text: str) -> int:
    """Where names after "edited by" end: before a year, a stop, or a body ("…, British Film Institute")."""
    end = _author_end(text)
    body = _BODY_PIECE.search(text, 0, end) if end else None
    return body.start() if body else end


_BODY_PIECE = re.compile(
    r",\s*(?=[^\W\d][^,.]*\b(?:Institute|Society|Association|Council|Cent(?:re|er)|Foundation|Museum|Survey|"
    r"Press|University|Publish\w*|Verlag|Books)\b)"
)


_BRACKETED_EDITOR_MARK = re.compile(
    r"\s*\((?:eds?|Hrsg|Hgg?|éds?|dirs?|coords?|comps?)\.?\)[.,:]?", re.IGNORECASE
)
_NAMES_START = re.compile(r"(?:^|[.,:;]\s+|\b(?:in|In|dans|en|In:)\s+)")


# "Ann Roe, ed. Book Title" / "Roe, A. and Poe, B., eds., Book Title": editors opening the tail
_OPENING_EDITORS = re.compile(r"(?P<names>[^()]{3,200}?),\s*(?:eds?|Hrsg|Hg|éds?|dirs?)\.(?:,|\s)\s*(?=\S)")


def _take_marked_editors(text: str, fields: _Fields) -> str:
    """ "…, in Katherine Ragsdale (ed.), Boundary Wars" — names right before a bracketed editor mark;
    or names opening the tail, closed by ", ed." without brackets."""
    opening = _OPENING_EDITORS.match(text)
    if opening and _names_ok(opening.group("names")):
        fields.editor = parse_names(opening.group("names")).names
        fields.hints.add("in")
        return text[opening.end() :]
    mark = _BRACKETED_EDITOR_MARK.search(text) if "(" in text else None  # the pattern needs a "("
    if not mark or mark.start() == 0:
        return text
    window_start = max(0, mark.start() - 200)
    for start in _NAMES_START.finditer(text, window_start, mark.start()):
        candidate = text[start.end() : mark.start()]
        if candidate.strip() and _names_ok(candidate):
            fields.editor = parse_names(candidate).names
            fields.hints.add("in")
            return (text[: start.end()] + text[mark.end() :]).strip()
    return text


def _take_numbers(text: str, fields: _Fields) -> tuple[int, int]:
    """Find volume/issue/pages/year in the tail; return the span (start, end) the numbers cover."""
    start = len(text)
    end = 0

    def cover(a: int, b: int) -> None:
        nonlocal start, end
        start = min(start, a)
        end = max(end, b)

    acs = _ACS_NUMBERS.search(text)  # "Nano Lett. 2010, 10, 1979": year, volume, page — first,
    if acs:  # because its page can look like a year
        if fields.issued is None:
            fields.issued = Date(int(acs.group(1)))
        fields.set("volume", acs.group(2))
        fields.set("page", acs.group(3))
        cover(*acs.span())
    match = _VANCOUVER_NUMBERS.search(text)
    if match:
        year = match.group("year") or match.group("year2")
        if fields.issued is None or fields.issued.year is None:
            fields.issued = parse_date_text(
                " ".join(p for p in (year, match.group("month") or "", match.group("day") or "") if p)
            )
        fields.set("volume", match.group("volume") or match.group("volume2"))
        fields.set("issue", match.group("issue") or match.group("issue2"))
        fields.set("page", match.group("page"))
        cover(*match.span())
    for key, pattern in _LABELLED.items():
        found = pattern.search(text)
        if found and key not in fields.variables:
            value = found.group(found.lastindex or 1) if key != "page" else found.group("v")
            fields.set(key, value)
            if key == "edition":
                continue
            cover(*found.span())
    if not {"volume", "page"} <= fields.variables.keys():
        for pattern in _NUMBERS:
            found = pattern.search(text)
            if not found:
                continue
            groups = found.groupdict()
            value_year = groups.get("volume")
            if value_year and _YEAR_RE.fullmatch(value_year) and not groups.get("issue"):
                # "2011, 50, 110" — the first number is the year (ACS style); the next pair is vol, page
                continue
            if "volume" in fields.variables and groups.get("volume") != fields.variables["volume"]:
                continue
            fields.set("volume", groups.get("volume"))
            fields.set("issue", groups.get("issue"))
            fields.set("page", groups.get("page"))
            cover(*found.span())
            break
    if "page" not in fields.variables:
        bare = _BARE_PAGES.search(text)
        if bare and not _YEAR_SPAN.fullmatch(bare.group(1)):
            fields.set("page", bare.group(1))
            cover(*bare.span(1))
    if "page" not in fields.variables:
        inner = [m for m in _BARE_RANGE.finditer(text) if _plausible_page_range(text, m)]
        if inner:  # "ed. Kenneth Hale, 111–176. Cambridge, MA: MIT Press": a chapter's pages mid-tail
            fields.set("page", inner[-1].group(1))
            cover(*inner[-1].span(1))
    return start, end


_BARE_RANGE = re.compile(
    r"(?:[,.;:]\s*|\s)(?<![\w/-])(?<!\d[.,])(?<!vols\.\s)(?<!vols\.)"
    r"([A-Za-z]?\d{1,5}\s*[-–—]\s*[A-Za-z]?\d{1,5})(?![\w/-])(?=\s*(?:[.,;(]|$))"
)


def _plausible_page_range(text: str, match: re.Match[str]) -> bool:
    """Not years ("1850–1914"), not days of a month ("Jan. 16-23"), and rising once abbreviations are
    expanded ("1857-66")."""
    first, last = re.findall(r"\d+", match.group(1))
    if len(first) == 4 and re.fullmatch(YEAR, first) and (len(last) in (2, 4)):
        return False
    if first.startswith("0") or (len(first) == len(last) == 4 and int(last) - int(first) >= 30):
        return False  # a report number ("01-4060") or a span of years ("1390-1990")
    if re.search(
        r"(?:\b[tTЧ]|Part|Teil|[Vv]ols?)\.?\s*$", text[max(0, match.start() - 8) : match.start() + 1]
    ):
        return False  # "t. 28-29", "Ч. 1-3": volumes
    if has_month_name(text[max(0, match.start() - 12) : match.start()].lower()):
        return False
    return int(first) < int(first[: max(0, len(first) - len(last))] + last)


def _take_year_anywhere(text: str, fields: _Fields) -> None:
    if fields.issued is not None:
        return
    candidates = [m for m in _LOOSE_YEAR.finditer(text) if not _RANGE_CONTINUES.match(text, m.end())]
    if candidates:
        # The publication year is printed after the title in these styles; prefer the last one.
        match = candidates[-1]
        fields.issued = parse_date_text(text[match.start() : match.start() + 20]) or Date(int(match.group(1)))


def _split_publisher(text: str, fields: _Fields) -> str:
    """Find "Place: Publisher", "Place, Publisher" or "Publisher, Place" in ``text``; return what is left."""
    head, stop, last_sentence = text.rpartition(". ")
    if (
        stop
        and _SENTENCE_BEFORE_IMPRINT.search(head)
        and not PUBLISHER_WORDS.search(head)
        and is_place(last_sentence.split(",")[0])
    ):
        # "Une histoire de la violence. Paris, Nouveau Monde éditions": the imprint is the last sentence
        unplaced = _split_publisher(last_sentence, fields)
        if "publisher-place" in fields.variables:
            return (head + ". " + unplaced).strip(" ,.;") if unplaced.strip(" ,.;") else head
    match = None
    # the imprint comes last; earlier colons are subtitles (no colon: no "Place: Publisher" to find)
    for found in _PLACE_PUBLISHER.finditer(text) if ":" in text else ():
        if not _DIGIT.search(found.group("place")):
            match = found
    if match:
        place = match.group("place")
        # "Europäische Städte. Berlin: Akademie Verlag" — only the last sentence is the place
        cut = max(place.rfind(". "), -1) + 1
        fields.set("publisher-place", place[cut:].strip())
        fields.set("publisher", match.group("publisher").strip())
        kept = text[: match.start() + cut] + " " + text[match.end() :]
        return kept.strip(" ,.;")
    body = text.rstrip()
    if body.endswith(".") and not _ABBREVIATION_AT_END.search(body):
        body = body[:-1]  # the sentence's stop, not an abbreviation's
    pieces = [p.strip() for p in _COMMA_OR_SEMICOLON.split(body) if p.strip()]
    for index, piece in enumerate(pieces):
        if not is_place(piece):
            continue
        # "Reading, MA", "London, United Kingdom", "Washington, D. C.": the place's state or country
        region = [
            i
            for i in range(index + 1, min(index + 3, len(pieces)))
            if _REGION.fullmatch(pieces[i]) and not PUBLISHER_WORDS.search(pieces[i])
        ]
        region = [i for n, i in enumerate(region) if i == index + 1 + n]
        if region and (index + 1 + len(region) < len(pieces) or index > 0):
            piece = ", ".join([piece, *(pieces[i] for i in region)])
            pieces = [p for i, p in enumerate(pieces) if i not in region]
            pieces[index] = piece
        neighbours = [i for i in (index + 1, index - 1) if 0 <= i < len(pieces)]
        # a neighbour naming a publisher wins; else the piece after the place ("Paris, Gallimard"),
        # unless that is only a state or country ("New York, NY")
        neighbours.sort(key=lambda i: not PUBLISHER_WORDS.search(pieces[i]))
        for other in neighbours:
            candidate = pieces[other]
            plain = not _DIGIT.search(candidate) and len(candidate) > 3 and not is_place(candidate)
            plain_prev = other == index - 1 and len(candidate) <= 40 and candidate[:1].isupper()
            if PUBLISHER_WORDS.search(candidate) or (plain and (other == index + 1 or plain_prev)):
                fields.set("publisher-place", piece)
                fields.set("publisher", candidate)
                rest = [p for i, p in enumerate(pieces) if i not in {index, other}]
                return ", ".join(rest)
        fields.set("publisher-place", piece)
        return ", ".join(p for i, p in enumerate(pieces) if i != index)
    remainder = _publisher_then_place(pieces, fields)
    return text if remainder is None else remainder


_SENTENCE_BEFORE_IMPRINT = re.compile(r"[^\W\d_]{3,}[)\]]?$")
_REGION = re.compile(r"[A-Z]{2,3}|[A-Z]\.\s?[A-Z]\.?|[A-Z][a-z]{1,12}\.?(?:\s[A-Z][a-z]{1,12})?")

# "Chapman and Hall, Boca Raton, Florida, USA" / "University of Oklahoma Press. Norman, OK"
_PLACE_PART = re.compile(r"[A-ZÀ-ÖØ-Þ](?:[^\W\d]|['’.-])*(?:\s[A-ZÀ-ÖØ-Þ](?:[^\W\d]|['’.-])*){0,2}")


def _publisher_then_place(pieces: list[str], fields: _Fields) -> str | None:
    """A publisher followed only by short place parts (city, state, country): take them and return the
    text before the publisher; None if this is not that."""
    if len(pieces) < 2 or "publisher" in fields.variables:
        return None
    head, _, tail_of_head = pieces[0].rpartition(". ")
    publisher_piece = tail_of_head if head and PUBLISHER_WORDS.search(tail_of_head) else pieces[0]
    place_parts = pieces[1:]
    if head and not PUBLISHER_WORDS.search(tail_of_head) and PUBLISHER_WORDS.search(head):
        publisher_piece, place_parts = head, [tail_of_head, *pieces[1:]]
    if not PUBLISHER_WORDS.search(publisher_piece) or len(place_parts) > 3:
        return None
    if not all(_PLACE_PART.fullmatch(part.strip(" .")) for part in place_parts):
        return None
    fields.set("publisher", publisher_piece)
    fields.set("publisher-place", ", ".join(part.strip(" .") for part in place_parts))
    return head if publisher_piece == tail_of_head else ""


# the first letters of the month names, for the lookaheads of first characters (see _OPEN_QUOTE)
_MONTH_INITIALS = "".join(sorted({month[0] for month in MONTHS}))
# A printed date in the tail once the year is known: "2021 Feb 23", "(March 1, 1990)", "1998a".
_PRINTED_DATE = re.compile(
    rf"(?=[(\[12{_MONTH_INITIALS}])(?:"  # the lookahead of first characters: see _OPEN_QUOTE
    # "Sep-Oct 2008", "(January–February 2004)": a range of months before the year goes with it
    rf"[(\[]?(?:\b(?:(?:{MONTH_PATTERN})\.?\s*[-–/]\s*)?(?:{MONTH_PATTERN})\.?\s+(?:\d{{1,2}},?\s+)?)?\b{YEAR}[a-z]?\b"
    rf"(?:\s+(?:{MONTH_PATTERN})\.?(?:\s+\d{{1,2}}\b)?)?[)\]]?)",
    re.IGNORECASE,
)


_PAGES_BEFORE_IN = re.compile(r"\(\s*(?P<page>\d+\s*[-–]\s*\d+)\s*\)\s*(?=(?:in|In|dans)\b)")
_LATER_IN = re.compile(  # the lookahead of first characters: see _OPEN_QUOTE
    r"(?=[.,\s])(?:(?:[.,]\s+|\s)(?:In|in|IN|Dans|En)\s*:\s+|\.\s+In\s+(?=[A-Z]))"
)


# a meeting's dates: "April 8-11, 1991", "7-10 December", "(Seattle, Washington, April 1-5, 1990)"
_DATE_RANGE = re.compile(
    rf"(?=[\d{_MONTH_INITIALS}])"
    rf"\b(?:(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}\s*[-–]\s*(?:(?:{MONTH_PATTERN})\.?\s+)?\d{{1,2}}"
    rf"|\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+(?:{MONTH_PATTERN})\b)(?:,?\s+{YEAR})?",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(
    rf"(?=[\d{_MONTH_INITIALS}])"
    rf"\b(?:(?:{MONTH_PATTERN})\.?\s+\d{{1,2}},\s+{YEAR}|\d{{1,2}}\.?\s+(?:{MONTH_PATTERN})\.?\s+{YEAR})\b",
    re.IGNORECASE,
)


_REPORT_NUMBER = re.compile(
    r"(?P<genre>[^,.;]*?(?:Rep(?:ort)?|Paper|Note|Memorandum|Rapport|Bericht|TR)\.?)\s*"
    r"(?:(?:No|Nr|Number)\.?\s*|#\s*)?(?P<number>[A-Z]{0,6}[-\s]?\d[\w./-]*)",
    re.IGNORECASE,
)
_BRACKETED_YEAR = re.compile(rf"(?=[(\[12])[(\[]?\b{YEAR}[a-z]?\b[)\]]?")  # (?=: see _OPEN_QUOTE


_MONTH_DAY_AT_END = re.compile(
    rf"[,\s]+(?:(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:{MONTH_PATTERN}))\s*\.?\s*$",
    re.IGNORECASE,
)


_YEAR_SPAN_EDGE = re.compile(r"\d\s?[-–]\s?$|\d[-–]$")
_YEAR_SPAN_START = re.compile(r"\s?[-–]\s?\d")


def _drop_printed_date(pattern: re.Pattern[str], text: str, fields: _Fields) -> str:
    """Remove the printed publication date from ``text``; other years ("1940-1943") stay, never lost."""
    if fields.issued is None or fields.issued.year is None:
        return text
    year = str(fields.issued.year)

    def drop(match: re.Match[str]) -> str:
        if _YEAR_SPAN_EDGE.search(text, max(0, match.start() - 2), match.start()) or _YEAR_SPAN_START.match(
            text, match.end()
        ):
            return match.group(0)  # one end of a span of years ("1849–1859") belongs to its title
        if year not in match.group(0):  # a second year ("reprinted 2006") is no field, but it is kept
            fields.leftovers.append(match.group(0).strip("()[] "))
        return " "

    return pattern.sub(drop, text)


def _reorder_date(text: str) -> str:
    """ "November 5, 2001" / "5 November 2001" → "2001 November 5" for parse_date_text."""
    year = _YEAR_RE.search(text)
    rest = (text[: year.start()] + text[year.end() :]).replace(",", " ") if year else text
    day = _DAY.search(rest)
    month = _DIGIT_OR_DOT.sub(" ", rest).split()
    parts = [year.group(0) if year else "", month[0] if month else "", day.group(0) if day else ""]
    return " ".join(p for p in parts if p)


_BRACKETED_PUBLISHER = re.compile(rf"\s*\((?P<publisher>[^():;\d]{{3,80}}?),?\s*(?P<year>{YEAR})\s*\)")


def _take_tail(text: str, fields: _Fields) -> None:
    text = text.strip()
    bracketed_pages = _PAGES_BEFORE_IN.match(text)
    if bracketed_pages:
        fields.set("page", bracketed_pages.group("page"))
        text = text[bracketed_pages.end() :]
    later = _LATER_IN.search(text, 1)
    if later and "title" in fields.variables and not _DIGIT.search(text[: later.start()]):
        fields.variables["title"] += ". " + text[: later.start()].strip(" .,")
        text = text[later.start() :].lstrip(" .,")
    bracketed_publisher = _BRACKETED_PUBLISHER.search(text) if "(" in text else None
    imprint = bracketed_publisher.group("publisher") if bracketed_publisher else ""
    if bracketed_publisher and PUBLISHER_WORDS.search(imprint) and not THESIS.search(imprint):
        # Chicago notes: "Source Studies (University of Chicago Press, 1997)", "(Artech House, Boston, 2005)"
        known = {key: fields.variables.get(key) for key in ("publisher", "publisher-place")}
        if _split_publisher(imprint, fields).strip(" ,."):  # not all of it read as place and publisher
            for key, value in known.items():
                if value is None:
                    fields.variables.pop(key, None)
            fields.set("publisher", imprint.strip())
        fields.issued = fields.issued or Date(int(bracketed_publisher.group("year")))
        text = (text[: bracketed_publisher.start()] + text[bracketed_publisher.end() :]).strip()
    in_match = _IN.match(text)
    if in_match:
        fields.hints.add("in")
        text = text[in_match.end() :]
        text = _take_editors(text, fields, german_colon=":" in in_match.group(0))
    if not fields.editor:
        text = _take_marked_editors(text, fields)
    # every reading of _EDITED_BY holds "ed", "g." or "gegeben" (any case) or "dir." / "Dir."
    folded = text.lower()
    if "ed" in folded or "g." in folded or "gegeben" in folded or "dir." in text or "Dir." in text:
        edited = _EDITED_BY.search(text)
    else:
        edited = None
    if edited:
        after = text[edited.end() :]
        names_end = _editor_names_end(after)
        if names_end and not is_place(after[:names_end].strip(" ,.;:")):  # "ed. New York: …" is no editor
            fields.editor = fields.editor or parse_names(after[:names_end]).names
            book, rest = text[: edited.start()].strip(" .,"), after[names_end:].lstrip(" ,.")
            if (
                len(book.split()) >= 2
                and not _DIGIT.search(book + rest[:1])
                and not _ROLE_CUE.search(book)
                and (_BODY_PIECE.match(", " + rest))
            ):
                # "British Cinema, edited by R. Roe, British Film Institute, 2000": book, editors, publisher
                fields.set("container-title", book)
                fields.hints.add("in")
                text = rest
            else:
                text = (book + ". " + rest).strip(" .")
    lowered = text.lower()
    thesis = THESIS.search(text) if mentions(lowered, THESIS_CUES) else None
    if thesis:
        fields.hints.add("thesis")
        fields.set("genre", thesis.group(0))
    title_lowered = fields.variables.get("title", "").lower()
    report = REPORT.search(text) if mentions(lowered, REPORT_CUES) else None
    if report or (mentions(title_lowered, REPORT_CUES) and REPORT.search(fields.variables.get("title", ""))):
        fields.hints.add("report")
    if report:
        # "Tech Report #296, MIT Lincoln Labs, Cambridge, MA": the series and number, then the institution
        numbered = _REPORT_NUMBER.match(text, report.start())
        if numbered:
            fields.set("genre", numbered.group("genre"))
            fields.set("number", numbered.group("number"))
            text = (text[: numbered.start()] + " " + text[numbered.end() :]).strip(" ,.;")
            lowered = text.lower()
    month_named = has_month_name(lowered)
    if month_named:
        for span in reversed([m.span() for m in _DATE_RANGE.finditer(text)]):
            text = (text[: span[0]] + " " + text[span[1] :]).strip()
    full_date = _FULL_DATE.search(text) if month_named else None
    if full_date:
        if fields.issued is None or fields.issued.month is None:
            fields.issued = parse_date_text(_reorder_date(full_date.group(0))) or fields.issued
        # a newspaper or magazine: "…, June 21, 1998, 11." — the lone number after the date is a page
        lone_page = _LONE_PAGE.match(text[full_date.end() :])
        if lone_page:
            fields.set("page", lone_page.group(1))
            text = text[: full_date.start()]
        else:
            text = (text[: full_date.start()] + " " + text[full_date.end() :]).strip()
    elif month_named:
        month_day = _MONTH_DAY_AT_END.search(text)  # "Washington Post, June 16."
        if month_day:
            text = text[: month_day.start()]
    start, end = _take_numbers(text, fields)
    before = text[:start] if start < len(text) else text
    after = text[end:] if end else ""
    if "edition" in fields.variables:  # taken wherever it stood ("Third edition."): not container nor note
        before, after = _LABELLED["edition"].sub(" ", before), _LABELLED["edition"].sub(" ", after)
    _take_year_anywhere(text, fields)
    # Book-like tails: "Place: Publisher, Year" may come before or after the numbers; an imprint after
    # a chapter's pages ("(pp. 233-255). New York, NY: Norton") is the surer one, so it goes first.
    if after:
        after = _split_publisher(after, fields)
    if not fields.variables.keys() & {"volume", "issue"} and "publisher" not in fields.variables:
        before = _split_publisher(before, fields)
    printed_date = _PRINTED_DATE if month_named else _BRACKETED_YEAR
    before = _drop_printed_date(printed_date, before, fields)
    before = _WHITESPACE.sub(" ", before).strip(" ,.;:")
    if thesis:
        pieces = [
            p.strip() for p in _COMMA_OR_STOP.split(before.replace(thesis.group(0), "")) if p.strip(" ,.()[]")
        ]
        if pieces:
            fields.set("publisher", pieces[0].strip(" ()[]"))
        before = ""
    if "(pp" in before or _BRACKETED_PP.search(text):
        fields.hints.add("chapter-pages")
    if before and start < len(text):
        before = _title_sentences_before_journal(before, fields)
    if before:
        container, _, rest = before.partition(". ") if _sentence_split_ok(before) else (before, "", "")
        container = _OPEN_PAGES_AT_END.sub("", container).strip(" ,;:")
        container = _take_trailing_numbers(container, fields)
        edition = _BRACKETED_EDITION.search(container)
        if edition:  # "Handbook of aging (Seventh Edition)" / "(4th edn)"
            fields.set("edition", edition.group(1))
            container = (container[: edition.start()] + container[edition.end() :]).strip()
        meeting_place = _MEETING_PLACE.match(container) if CONFERENCE.search(container) else None
        if meeting_place:  # "Proc. … Conf. on ASPLOS, Santa Clara, CA": where the meeting was held
            fields.set("event-place", meeting_place.group("place"))
            container = meeting_place.group("name")
        if "publisher" in fields.variables and not (
            fields.hints & {"in"} or fields.variables.keys() & {"volume", "issue", "page"}
        ):
            _book_subtitle_or_leftover(container, fields)
        elif "container-title" in fields.variables:  # taken with its editors: this is the publisher
            body = PUBLISHER_WORDS.search(container) or _BODY_PIECE.match(", " + container)
            if "publisher" not in fields.variables and body:
                fields.set("publisher", container)
            else:
                fields.leftovers.append(container)
        elif "publisher" in fields.variables:
            fields.set("container-title", container)
        elif (PUBLISHER_WORDS.search(container) or "report" in fields.hints) and not _looks_like_journal(
            container, fields
        ):
            fields.set("publisher", container)
        else:
            fields.set("container-title", container)
        if rest:
            rest = rest.strip(" .,;")
            if rest and "publisher" not in fields.variables and PUBLISHER_WORDS.search(rest):
                fields.set("publisher", rest)
            elif rest:
                fields.leftovers.append(rest)
    if after:
        after = _drop_printed_date(printed_date, after, fields).strip(" ,.;:()")
        if after and not _NO_WORDS.fullmatch(after):
            if "publisher" not in fields.variables and PUBLISHER_WORDS.search(after):
                fields.set("publisher", after)
            else:
                fields.leftovers.append(after)


# a full stop after a whole word (not an abbreviation such as "Bot." or "Physiol."), before a capital
_TITLE_SENTENCE_END = re.compile(r"(?<![\w.])(?P<word>[^\W\d_]{3,}|[IVX]{1,4})[.?!]\s+(?=[A-ZÀ-ÖØ-Þ])")
_ROMAN = re.compile(r"[IVX]{1,4}")
# a lower-case word other than a connective: the continuation reads as prose, not as a name
_PROSE_WORD = re.compile(
    r"(?<![\w-])(?!(?:and|of|the|for|in|on|de|des|der|die|und|et|la|le|du|di|del|y|e)\b)[a-zß-ÿ][\w'’-]{2,}"
)
_ROLE_CUE = re.compile(
    r"\b(?:trans|transl|translated|tradu[cç]\w*|traduit|übers\w*|ed|eds|edited|hrsg|hg|a cura di|dir|coord)"
    r"\b\.?",
    re.I,
)


def _book_subtitle_or_leftover(text: str, fields: _Fields) -> None:
    """Between a book's title and its imprint: a prose sentence ("Eine Einführung in die Praxis") is the
    title's second sentence; a series, edition, translator or medium note stays unplaced."""
    text = _PUNCTUATION_RUN.sub(r"\1", text)  # what a taken imprint left behind: "soignants. , . 172 p."
    sentence, _, rest = text.partition(". ")
    words = sentence.split()
    if (
        "title" in fields.variables
        and "quoted-title" not in fields.hints
        and 2 <= len(words) <= 15
        and _PROSE_WORD.search(sentence)
        and not _names_a_source(sentence)
        and not _ROLE_CUE.search(sentence)
        and not _SERIES_CUE.search(sentence)
        and not is_place(sentence)
    ):
        fields.variables["title"] += ". " + sentence
        text = rest
    if text.strip(" .,;:"):
        fields.leftovers.append(text)


_PUNCTUATION_RUN = re.compile(r"([.,;:])(?:\s*[.,;:])+")


_SERIES_CUE = re.compile(
    r"[()\[\]/]|\b(?:[Ss]eries|[Ss]érie|[Rr]eihe|[Cc]oll|[Cc]ollection|[Vv]ol|[Bb]d|Print|Web|[Rr]eports?|"
    r"[Rr]evised|[Rr]eprint\w*|[Ee]xpanded|[Pp]resented|[Pp]oster|[Mm][ée]moire|[Tt]hes[ei]s|[Dd]issertation|[Ee]dition|[ÉéEe]d|[Ee]dn|Aufl\w*)\b"
)


def _title_sentences_before_journal(text: str, fields: _Fields) -> str:
    """ "Title. IV. Svensk Bot. Tidskr. 26: 431" / "Title. Second sentence. Fauna of Arabia 1: 184": when
    numbers follow, the last sentence before them is the journal and earlier ones end the title."""
    if "title" not in fields.variables or fields.hints & {"in", "quoted-title"} or _EDITOR_MARK.search(text):
        return text
    cut = 0
    for boundary in _TITLE_SENTENCE_END.finditer(text):
        word = boundary.group("word")
        if word.lower() not in _ABBREVIATIONS and (
            word[0].islower() or _ROMAN.fullmatch(word) or (len(word) >= 6 and word[-1] in "aeiouys")
        ):
            cut = boundary.end()
    journal, continuation = text[cut:].strip(), text[:cut]
    if not cut or not _journal_like(journal) or _names_a_source(continuation):
        return text
    if not (_ROMAN.fullmatch(continuation.strip(" .")) or _PROSE_WORD.search(continuation)):
        return text  # "Geophys. J. R. Astr. Soc.", "IEEE Aerospace and Electronic Systems. Tutorials"
    if _ROLE_CUE.search(continuation):
        return text
    fields.variables["title"] += ". " + text[:cut].strip(" .")
    return journal


def _names_a_source(text: str) -> bool:
    """Periodical or publisher words, or a digit: a source's name or imprint, not the end of a title."""
    return bool(JOURNAL_WORDS.search(text) or PUBLISHER_WORDS.search(text) or re.search(r"\d", text))


def _journal_like(text: str) -> bool:
    """A short name in title case or with periodical words: "Fauna of Arabia", "Svensk Bot. Tidskr."; not
    a publisher ("Elsevier") nor a month ("Oct")."""
    words = re.findall(r"[^\W\d_][\w'’-]*\.?", text)
    if not words or len(words) > 10 or re.search(r"\d", text) or PUBLISHER_WORDS.search(text):
        return False
    if all(has_month_name(word.lower()) for word in words):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return JOURNAL_WORDS.search(text) is not None or capitalised >= 0.6 * len(words)


_TRAILING_NUMBERS = re.compile(
    r"^(?P<name>.*?[^\d\s,.;:])[\s,.;:]+(?P<numbers>(?:(?:vol\.?\s*)?\d{1,5}[A-Za-z]?|n[°º]\s*\d+|\(\d+\))"
    r"(?:[\s,.;:]+(?:n[°º]\s*|no\.?\s*|Pt\.?\s*)?\d{1,5}[A-Za-z]?)*)$"
)


_BRACKETED_EDITION = re.compile(r"\s*\(([\w.]+)\s+(?:ed\.?|edn\.?|edition|Edition|Auflage)\)?", re.IGNORECASE)
_MEETING_PLACE = re.compile(
    r"^(?P<name>.*?[^,]{8,}),\s*(?P<place>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,2}"
    r"(?:,\s*(?:[A-Z]{2}|[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]+)?))?)$"
)


def _take_trailing_numbers(container: str, fields: _Fields) -> str:
    """ "Intellectual Observer 11" → container + volume 11; "Journal 23. 4" → volume 23, issue 4."""
    match = _TRAILING_NUMBERS.match(container)
    if not match or _YEAR_RE.fullmatch(match.group("numbers").strip()):
        return container
    numbers = _NUMBER_TOKEN.findall(match.group("numbers"))
    if numbers and "volume" not in fields.variables:
        fields.set("volume", numbers[0])
        if len(numbers) > 1:
            fields.set("issue", numbers[1])
    elif numbers and "issue" not in fields.variables and numbers[0] != fields.variables.get("volume"):
        fields.set("issue", numbers[0])
    return match.group("name")


def _looks_like_journal(text: str, fields: _Fields) -> bool:
    return bool(fields.variables.keys() & {"volume", "issue"}) or JOURNAL_WORDS.search(text) is not None


def _sentence_split_ok(text: str) -> bool:
    """A ". " inside the container part separates container from publisher — unless it is an abbreviation."""
    match = _WORD_STOP_CAPITAL.search(text) if ". " in text else None  # the pattern needs a ". "
    return match is not None and len(match.group(1)) > 4 and not match.group(1)[0].isupper()


def _container_only(fields: _Fields) -> None:
    """ "Design Management Journal, vol. 12, no. 2, 2001, pp. 43-8." — a fragment that names only its
    journal: what the tagger took for a title is the container."""
    title = fields.variables.get("title", "")
    if (
        title
        and not fields.author
        and not fields.editor
        and "container-title" not in fields.variables
        and fields.variables.keys() & {"volume", "page"}
        and len(title.split()) <= 8
        and JOURNAL_WORDS.search(title)
    ):
        fields.variables["container-title"] = fields.variables.pop("title")


# -- the entry point ----------------------------------------------------------------------------------


def parse_fields(text: str, *, label: str = "", line: int | None = None) -> Reference:
    """Parse one reference string. Never raises: problems become diagnostics on the result."""
    raw = text if isinstance(text, str) else str(text)
    if len(raw) > MAX_REFERENCE_LENGTH:
        diagnostic = Diagnostic(P201, f"{len(raw)} characters", Severity.WARNING, line, label)
        return _unparsed(raw, label, line, diagnostic)
    try:
        return _parse(raw, label, line)
    except Exception as error:  # an internal bug must not lose the reference
        diagnostic = Diagnostic(P299, f"{type(error).__name__}: {error}", Severity.ERROR, line, label)
        return _unparsed(raw, label, line, diagnostic)


def _unparsed(raw: str, label: str, line: int | None, diagnostic: Diagnostic) -> Reference:
    """The whole text kept in ``leftovers`` and in ``note``, so every writer carries it (no silent loss)."""
    return Reference(
        type="document",
        raw=raw,
        label=label,
        line=line,
        leftovers=(raw,),
        variables=FrozenMap({"note": clean_text(raw)}),
        diagnostics=(diagnostic,),
    )


# "R. H.Nilsson": a space lost after an initial's stop
_MISSING_SPACE = re.compile(r"(?<=\b[A-ZÀ-ÖØ-Þ]\.)(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2})")


def _parse(raw: str, label: str, line: int | None) -> Reference:
    text = clean_text(raw)
    printed_label, text = _strip_label(text)
    label = label or printed_label
    text, same_author = _SAME_AUTHOR.subn("", text)
    text = _BULLET.sub("", text) if not same_author else text
    extracted = extract_identifiers(text)
    fields = _Fields(variables={k: v for k, v in extracted.variables.items() if k not in {"pii", "arxiv"}})
    if "pii" in extracted.variables:
        fields.variables["note"] = f"pii: {extracted.variables['pii']}"
    if "arxiv" in extracted.variables:
        fields.variables["number"] = f"arXiv:{extracted.variables['arxiv']}"
        fields.hints.add("preprint")
    fields.accessed = extracted.accessed
    if extracted.online:
        fields.hints.add("online")
    text = extracted.text
    if "." in text:  # identifiers are out already, so no DOI or URL is touched
        text = _MISSING_SPACE.sub(" ", text)
    leading_year = _LEADING_YEAR.match(text)  # "1995: Ulf Preuss-Lausitz: Title …" (lists sorted by year)
    if leading_year:
        fields.issued = Date(int(leading_year.group(1)))
        text = text[leading_year.end() :]

    end = 0 if same_author else _author_end(text)  # "———. Title": the previous entry's authors
    if end:
        names = parse_names(text[:end])
        fields.truncated = names.truncated
        if names.editors:
            fields.editor = names.names
            fields.hints.add("edited-book")
        else:
            fields.author = names.names
        text = text[end:]
    comma_style = not end or text.lstrip()[:1] == ","
    before_date = text.lstrip(" .,:;")
    text = _take_date(before_date, fields)
    if (
        comma_style
        and text is not before_date
        and before_date[: len(before_date) - len(text)].rstrip()[-1:] in ".:"
    ):
        comma_style = False  # "Valentine, R.L. & Lin, Y-P., 2009. The Role of …": the date closes with a stop
    role = _ROLE_AFTER_NAMES.match(text)
    if role and fields.author and not fields.editor:
        fields.editor, fields.author = fields.author, ()
        fields.hints.add("edited-book")
        text = text[role.end() :]
    text = _take_title(text, fields, comma_style)
    if not fields.issued:
        text = _take_date(text, fields)
    _take_tail(text, fields)
    _container_only(fields)

    # bare punctuation left behind by a taken imprint ("( )") is not text worth keeping
    fields.leftovers = [piece for piece in fields.leftovers if any(ch.isalnum() for ch in piece)]
    diagnostics = []
    if not fields.author and not fields.editor:
        diagnostics.append(Diagnostic(P202, "no author found", Severity.INFO, line, label))
    if "title" not in fields.variables and "container-title" not in fields.variables:
        diagnostics.append(Diagnostic(P203, "no title found", Severity.INFO, line, label))
    if fields.issued is None:
        diagnostics.append(Diagnostic(P204, "no year found", Severity.INFO, line, label))
    if fields.leftovers:
        diagnostics.append(
            Diagnostic(P205, "not placed: " + " | ".join(fields.leftovers), Severity.INFO, line, label)
        )
    if fields.leftovers:  # text no field took travels in `note`, so BibTeX and CSL-JSON keep it too
        note = fields.variables.get("note", "")
        fields.variables["note"] = "; ".join(p for p in (note, *fields.leftovers) if p)
    reference = Reference(
        author=fields.author,
        editor=fields.editor,
        issued=fields.issued,
        accessed=fields.accessed,
        variables=FrozenMap(fields.variables),
        truncated_authors=fields.truncated,
        raw=raw,
        label=label,
        line=line,
        leftovers=tuple(fields.leftovers),
        diagnostics=tuple(diagnostics),
    )
    return normalize(reference, hints=frozenset(fields.hints))
