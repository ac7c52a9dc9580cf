"""Stages 2 and 3: the date after the authors, then the title (quoted, or its sentences)."""

from __future__ import annotations

import re

from refnorm.dates import MONTH_PATTERN, YEAR, has_month_name, parse_date_text
from refnorm.lexicon import (
    CONFERENCE,
    JOURNAL_ABBREVIATIONS,
    JOURNAL_WORDS,
    NOT_YET_PUBLISHED,
    PLACE,
    PLACE_INITIALS,
    PUBLISHER_WORDS,
    THESIS,
    is_place,
    is_region,
)
from refnorm.model import Date
from refnorm.parsing.authors import CLOSE_FOR, OPEN_QUOTE
from refnorm.parsing.imprint import split_publisher
from refnorm.parsing.scratch import DIGIT, Fields

__all__ = [
    "ABBREVIATIONS",
    "BRACKETED_NOTE",
    "EDITED_BY",
    "IN_CUE",
    "LEADING_YEAR",
    "PROSE_WORD",
    "ROLE_AFTER_NAMES",
    "after_a_lower_case_word",
    "journal_like",
    "prose_then_name",
    "take_date",
    "take_title",
]
_NOT_YET = re.compile(NOT_YET_PUBLISHED, re.IGNORECASE)
_FREE_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")
_LAST_WORD = re.compile(r"([\w.]+)$")
_WORD_CHARS = re.compile(r"[\w.]+")
_DOTTED_LETTERS = re.compile(r"(?:[a-z]\.)*[a-z]")
_SHORT_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,6}\.")
_WORD_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


_LEADING_DATE = re.compile(
    # "[1752] 1955.": the original year in brackets first, then the edition's
    rf"^\s*[,.]?\s*(?P<first>\[{YEAR}\]\s+(?={YEAR}))?"  # square brackets only: "(2014) 2011 Land Cover"
    rf"(?:[(\[]\s*(?P<p>[^()\[\]]{{1,40}}?)(?P<bracketed>\s*\[{YEAR}\])?\s*[)\]]|(?P<y>{YEAR}[a-z]?(?:\s*[-/–]\s*\d{{2,4}})?"
    rf"(?:,?\s+(?:{MONTH_PATTERN})\.?(?:\s+\d{{1,2}})?\b)?))(?P<original>\s*[(\[]{YEAR}[)\]])?\s*[.,:;]?\s*",
    re.IGNORECASE,
)
_NO_DATE = re.compile(r"^(?:n\.\s?d\.?|s\.\s?d\.?|o\.\s?J\.|undated)$", re.IGNORECASE)
ABBREVIATIONS = frozenset(
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
        "ph",  # "Ph.D."
        "ph.d",
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
        "tr",  # "(tr. Ann Roe)": translated by
        "trad",
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
    r"\s+(?:[A-Z][a-z]{0,5}\.|[A-Z]{2,}(?=[.,;:]?\s*(?:\d|$))|\d+(?!\w))"
)  # "Syst. Bot. 10", "Ann. NY 5" — but not "… Gini-Index. 23rd IEEE Conference"
_LOWER_CASE_WORD_AT_END = re.compile(r"(?<![\w.])[a-zß-ÿ]{2,}\s+$")


def after_a_lower_case_word(text: str, position: int) -> bool:
    """A lower-case word (and its spaces) right before ``position``: prose, as in "in " before "Italy."
    or "seit " before "1970". Only a window before it is searched: the pattern is anchored at its end."""
    return _LOWER_CASE_WORD_AT_END.search(text, max(0, position - 40), position) is not None


_SENTENCE_END = re.compile(r"[.?!](?=\s+[\"“(\[]?[\w¿¡])|[.?!](?=\s*$)")


LEADING_YEAR = re.compile(rf"^({YEAR})[a-z]?\s*:\s+(?=[A-ZÀ-ÖØ-Þ])")
ROLE_AFTER_NAMES = re.compile(
    r"(?:\((?=[^()]{2,22}\)))?"  # "(ed.) Title": in brackets too
    r"(?:trans(?:lated)?\.?\s*(?:and|&)\s*)?(?:eds?|editors?|hrsg|hg|éds?|dirs?)\.?(?:\s*(?:and|&)\s*trans\.?)?\)?"
    r"[,.:]?\s+",
    re.IGNORECASE,
)


# a publisher's short name: one to five capitalised words, no digits ("Wiley", "Presses de Sciences Po")
_IMPRINT_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+[\w&'’.-]+){0,4}")


def _place_with_region(text: str) -> bool:
    """A known place, alone or with its state or country: "London", "Cambridge, MA", "Munich, Germany"."""
    head, _, region = text.partition(",")
    return is_place(text) or (bool(region) and is_place(head) and is_region(region.strip()))


def take_date(text: str, fields: Fields) -> str:
    match = _LEADING_DATE.match(text)
    if not match:
        return text
    inner = match.group("p") or match.group("y") or ""
    if match.group("p") is not None:
        if _NO_DATE.match(inner.strip()) or _NOT_YET.match(inner.strip()):
            fields.issued = Date(literal=inner.strip())
            return text[match.end() :]
        year = _FREE_YEAR.search(inner)
        if not year:
            return text
        imprint = inner[: year.start()].strip(" ,:;")
        if imprint and not inner[year.end() :].strip(" )]") and not has_month_name(imprint.lower()):
            if _place_with_region(imprint):
                # Chicago notes with no publisher: "The Mill Book (London, 1991)", "(Cambridge, MA: 1978)"
                fields.set("publisher-place", imprint)
                inner = year.group(0)
            elif _IMPRINT_NAME.fullmatch(imprint) and inner[: year.start()].rstrip()[-1:] in ",:":
                # or with no place: "Classical Things (Wiley, 1998)" — the date reader kept only the year
                # (a comma or colon before it: not "(Summer 2008)", "(En cours 2015)")
                unplaced = split_publisher(imprint, fields)
                fields.set("publisher", unplaced)
                inner = year.group(0)
    date = parse_date_text(inner)
    if date is None:
        return text
    fields.issued = date
    original = match.group("first") or match.group("original") or match.group("bracketed")
    if original:  # "[1752] 1955" / "1968 [1916]": the first edition's year has no field, but it is kept
        fields.leftovers.append(original.strip())
    return text[match.end() :]


# a capital letter after a lower-case word ("hepatitis C", "vitamin D", "group A") names a thing, it is no
# initial: its stop can end the sentence
_LETTER_AFTER_WORD = re.compile(
    r"(?<![\w.-])(?!(?:and|und|the|of|by|von|van|with|from|et)\s)[a-zß-ÿ]{3,}\s[A-Z]\.$"
)


_ORDINAL_AFTER_WORD = re.compile(r"(?<![\w.])[a-zäöüß]{2,4}\s\d{1,3}\.$")  # "im 9.", "zur 21.", "des 3."
# a whole word right before (no stop after it): "Wales" in "… in Wales. Commun. ACM" ends a title
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w.'’-])[^\W\d_]*[a-zß-ÿ]{2}\s$")
_MONTH_NEXT = re.compile(rf"\s+(?:{MONTH_PATTERN})\b", re.IGNORECASE)
# an abbreviated word saying how an edition differs, before the word "edition": "rev. ed.", "erw. Aufl."
_EDITION_QUALIFIERS = frozenset(
    {"rev", "enl", "corr", "augm", "aug", "erw", "überarb", "durchges", "verb", "neubearb"}
)
_EDITION_WORD_NEXT = re.compile(r"\s+(?:ed|edn|edition|éd|Aufl|Auflage)\b", re.IGNORECASE)


def _first_sentence_end(text: str, start: int = 0) -> int:
    """Index just after the first sentence of ``text`` (skipping abbreviations and initials)."""
    for match in _SENTENCE_END.finditer(text, start):
        position = match.start()
        if text[position] != ".":
            return position + 1  # "?" and "!" end the sentence; only a "." can be an abbreviation's
        word = _word_before(text, position)
        token = word.lower()
        if token.isdigit() and (
            _MONTH_NEXT.match(text, position + 1) or _ORDINAL_AFTER_WORD.search(text, 0, position + 1)
        ):
            continue  # "vom 27. März 616", "im 9. Jahrhundert": a German day or ordinal, no sentence end
        if token in _EDITION_QUALIFIERS and _EDITION_WORD_NEXT.match(text, position + 1):
            continue  # "…, rev. ed. (London: Verso, 1991)", "2., überarb. Aufl.": the edition's words
        if token.rstrip(".") in ABBREVIATIONS or _DOTTED_LETTERS.fullmatch(token) is not None:
            named_letter = (
                _LETTER_AFTER_WORD.search(text, max(0, position - 40), position + 1)
                and text[position + 1 : position + 3].strip()[:1].isupper()
            )
            if not named_letter:
                continue  # an initial or abbreviation — but "hepatitis C." / "vitamin D." end a sentence
        word_start = position - len(word)
        if (
            _JOURNAL_ABBREVIATION.fullmatch(word)
            and _ABBREVIATED_NEXT.match(text, position + 1)
            and (
                word in JOURNAL_ABBREVIATIONS  # "… in primary care Biol. Res. Nurs., 6"
                or not after_a_lower_case_word(text, word_start)
            )
            and not _title_word_then_journal(text, word, position)
        ):
            continue  # "Syst. Bot. 10: 49" — inside an abbreviated journal name, not "… in Italy. CERN."
        return position + 1
    return len(text)


def _title_word_then_journal(text: str, word: str, position: int) -> bool:
    """ "… in Wales. Commun. ACM 137", "… Pasado Usted. DSYNA 92": a whole word (no known abbreviation) after
    another whole word, and an abbreviated name after its stop — the title ends there, the journal follows."""
    return (
        len(word) >= 4
        and word not in JOURNAL_ABBREVIATIONS
        and _TITLE_WORD_BEFORE.search(text, 0, position - len(word)) is not None
        and _NAME_NEXT.match(text, position + 1) is not None
    )


_NAME_NEXT = re.compile(r"\s+(?!(?:Ed|Eds|Hrsg|Vol|No)\.)[A-Z]")  # not "… the Tango. Ed. Roe": an editor


def _word_before(text: str, position: int) -> str:
    """The word characters and dots right before ``position``, at most 40 back ("" if none):
    what ``_LAST_WORD`` finds in that window, read backwards in one match instead of one per start."""
    window = text[max(0, position - 40) : position]  # bounded: linear overall
    if window.endswith("\n"):  # "$" also matches before a final newline: keep the regex's reading
        found = _LAST_WORD.search(window)
        return found.group(1) if found else ""
    run = _WORD_CHARS.match(window[::-1])
    return window[len(window) - run.end() :] if run else ""


# What ends an unquoted title: a year, numbers, "In:", a thesis or an edition. The readings that need a
# digit are kept apart: most title sentences hold none, and only where a cue starts is used, not which
# reading found it, so such a sentence is searched with the others alone.
_DETAILS_WITH_A_DIGIT = (
    # a year, but not one inside the title ("the earthquake of September 7, 1999: a perspective")
    rf"(?:,\s*|\(\s*|\.\s+){YEAR}\b(?!\s*(?:[-–]|to|bis|à)\s*\d)(?!\s*:\s*[^\W\d_])",
    r"(?:,\s*|\(\s*|\s)(?:(?:vol|no|pp?|tome|t|bd|nr|heft|v)\.\s*\d|volume\s+\d|n[°º]\s*\d|\d+\s*\(\d+\)|\d+\s*:\s*[A-Z]?\d)",
    r",\s*\d{1,4}\s*,\s*[A-Za-z]?\d+\s*[-–]\s*\d",  # ", 100, 67-76": volume and pages
    r",\s*\d{1,4}\s*,\s*pp?\.\s*[A-Za-z]?\d",  # ", 83, pp. 2509": volume and labelled pages
    rf",\s*\d{{1,4}}\s*\((?=[^()]*\b{YEAR}\s*\))",  # ", 7 (November 2014)": a volume and its date
    r",\s*pages\s+\d",  # ", Pages 57-64"
    r",\s*\d+\s*(?:p|pp|S|pages|Seiten)\.?(?=[\s,.;]|$)",  # ", 34 p." a page count
    r",\s*v\s+\d",  # geology's ", v 194, p 17-29"
    rf";\s*(?:[A-Z][a-z]{{2,8}}\.?\s+)?(?:\d{{1,2}},?\s+)?{YEAR}\s*;",  # ProQuest's "Journal; Dec 2000; 45"
    rf"\s\((?=[^()]*[^\W\d][^()]*\b{YEAR}\s*\))",  # "(Cambridge, 1918)" — not a bare "(1918-1943)"
)
_STATUS_AFTER_COMMA = r",\s*(?:in\s+press|forthcoming|to\s+appear)\b"
_STATUS_CUE = re.compile(_STATUS_AFTER_COMMA, re.IGNORECASE)
_DETAILS_IN_WORDS = (
    # a bare "In" needs a comma before it: "A Reader In Cultural Theory" is Title Case, not a container
    # German "Title; in: Journal" and Polish "Title, [w:] Book" ("w" = in)
    # (", in press" is a status: "J Invented Sci, in press")
    r"(?-i:,?\s+In:|,\s*In\s+(?=[A-Z])|,\s*(?:in|dans|en|im):?\s+(?!press\b|prep)|;\s*[Ii]n:\s|,\s*\[[wW]:?\]\s)",
    r"\s\((?:Unpublished\s+)?(?:Doctoral|Master|PhD|Ph\.D)",
    r"\s\([^()]*(?:Trans|Hrsg|Ed|Eds)\.\)",
    r"\s\((?:translated\s+by|trans\.\s+by|trad\.|tr\.|übers\.)\s",  # "(translated by Douglas Roe)"
    r"(?:,\s*|\s)(?:Ph\.?\s?D\.?|Masters?'?s?|Doctoral|MSc|M\.A\.|Diploma|Bachelor'?s?)\s+(?:thesis|dissertation)",
    r",\s*(?:working|discussion|technical|research|policy)\s+(?:paper|report|note)s?\b",
    r",\s*(?:\d+\.?,?\s*)?(?:[\w-]+\s+|(?:" + "|".join(sorted(_EDITION_QUALIFIERS)) + r")\.\s*){0,2}"
    r"(?:ed\.|edn\b|edition\b|éd\.|édition\b|Auflage\b|Aufl\.|izd\.|изд\.)",
    r"\s//\s",  # GOST: "Title // Container"
    _STATUS_AFTER_COMMA,  # a status ends the title as numbers do: "Title J Invented Sci, in press"
)
# The lookaheads of first characters (see OPEN_QUOTE) also name what may follow a space: a reading that
# opens with a space goes on with a space, "(", "/", "In", a label ("vol", "no", "p", "t", "bd", "heft"),
# a degree ("PhD", "Master", "Doctoral", "MSc", "M.A.", "Diploma", "Bachelor") or a digit. Most spaces in
# a title come before other words, and the many readings are not tried there.
_DETAIL_CUE = re.compile(
    r"(?=[,(.;]|\s[\s(/ivnptbhmd\d])(?:" + "|".join(_DETAILS_WITH_A_DIGIT + _DETAILS_IN_WORDS) + ")",
    re.IGNORECASE,
)
_WORDED_DETAIL_CUE = re.compile(
    r"(?=[,(.;]|\s[\s(/ipmdb])(?:" + "|".join(_DETAILS_IN_WORDS) + ")", re.IGNORECASE
)
_COMMA_BOUNDARY = re.compile(r",\s+(?=[\"“«‘A-ZÀ-ÖØ-Þ0-9])")
_TITLE_BRACKET = re.compile(
    # a year counts only beside words ("(Cambridge, 1918)"): "(1940-1943)" is the title's own; a zoologist's
    # "… from Ethiopia (Teleostei: Cyprinidae)" names the taxa (a family, order, tribe ending it), no imprint
    rf"\s\((?![^()]*[a-z](?:idae|inae|oidea|ini|aceae|ptera|formes|morpha)\))(?=[^()]*(?::\s|Trans\.|Hrsg\.|Eds?\.|[Ee]dition|Auflage|\d(?:st|nd|rd|th)\s+ed\b)|[^()]*[^\W\d_][^()]*\b{YEAR}\b"
    rf"|[^()]*\b{YEAR}\b[^()]*[^\W\d_])[^()]*\)?\s*\.?$"
)


# A book's imprint or a translator/editor note inside the title's sentence ends the title there:
# "… Islamism London: Hurst, 2010", "…, and Ethics, Grand Rapids: Eerdmans", "…, trans. John Cumming"
_IMPRINT_CUE = re.compile(
    r"(?=[,.;\s])(?:"  # see OPEN_QUOTE; PLACE_INITIALS likewise spares trying every place name
    # ACS: "Title; Wiley: New York, 2005", "Title, 2nd ed.; Series 5; Springer, 1999" — semicolons lead to
    # a capitalised "Publisher(: Place), Year" that ends the reference or its sentence
    rf";\s+(?=(?:[^;\"“”«»]{{2,80}};\s+){{0,2}}[A-ZÀ-ÖØ-Þ][^;:]{{1,80}}(?::\s*[A-ZÀ-ÖØ-Þ][^;:]{{1,60}})?,\s*{YEAR}[a-z]?"
    r"\s*(?:[;.]|$))|"
    rf"(?:,\s*|\s+)(?=[{PLACE_INITIALS}])(?=(?:{PLACE})(?:,?\s+[A-Z]{{2}}\b|,\s*[A-Z][a-z]{{1,8}}\.?|,\s*[A-Z]\.\s?[A-Z]\.)?\s*:\s*\S)"
    r"|,\s*(?=(?:trans(?:lated)?\.?|trad\.|tr\.|übers\.|tłum\.|edited|ed\.|eds\.|hrsg\.|hg\.|wyd\.|vol\.)\s)"
    r"|\.\s+(?=\d{1,2}\s+vols?\.)"
    # "Title, Ann Roe and Bo Doe (eds.) (Place: Publisher, 1990)": the book's editor or translator after it
    r"|,\s*(?=(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]+(?:,?\s+(?:and|&)?\s*[A-Z][^()]{2,60})?\s+"
    r"\((?:eds?|trans|tr|ed\.\s+and\s+trans)\.?\))"
    # "…, The Australian National University, Canberra." — an institution publishing it, after a comma
    r"|,\s*(?=(?:The\s+)?[A-Z][\w'’-]*(?:\s+(?:of|for|and|&|on|[A-Z][\w'’-]*)){0,8}\s+"
    r"(?:University|Press|Council|Institute|Association|Society|Agency|Department|Ministry|Organi[sz]ation|"
    r"Foundation|Commission|Office|Centre|Center|Publishers?|Publishing)\b[^,.]{0,40}(?:[,.]|$)))"
)


_GSA_VOLUME = re.compile(r",\s*v\.\s?\d")  # lower-case "v.": GSA's ", v. 12, p. 18"
_VOLUME_CUE = re.compile(r",\s*(?:v|vol|volume|Bd|t)\.?\s*\d", re.IGNORECASE)
_PLACE_PREPOSITIONS = frozenset(
    "in à a en de du of at to from for zu nach im aus von dans on".split()  # noqa: SIM905
)
# "Anesth Prog", "J. Clin. Oncol.": a journal name of abbreviated words only
_ABBREVIATED_JOURNAL = re.compile(r"(?:[A-Z][a-z]{0,6}\.?\s?){2,6}")
# a journal's name after the title's comma, up to its first abbreviated word: ", Water Resour."
_JOURNAL_AFTER_COMMA = re.compile(r",\s+((?:[A-Z][\w'’-]*\.?\s){0,4}[A-Z][a-z]{0,9}\.)$")
_ABBREVIATIONS_THEN_NUMBERS = re.compile(r"\s*(?:[A-Z][a-z]{0,8}\.\s?){1,4},?\s*\d")
_IN_BEFORE_IMPRINT = re.compile(r",\s+(?:in|In|dans|In:|in:)\s+(?=\S)")
_ARTICLE_NUMBERS = re.compile(r"vol\.\s*\d+[^.]{0,40}?(?:\bno\.|\bpp?\.|\bn[°º])\s*\d", re.IGNORECASE)


# a comma style's closing imprint: ", Downers Grove: Example Academic, 2010", ", Mill Town, MI: Esempio, 1999"
_COMMA_PLACE_COLON_PUBLISHER = re.compile(
    rf",\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}(?:,\s[A-Z]{{2}})?:\s+[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*){{0,5}},"
    rf"\s*{YEAR}\.?\s*$"
)


def _title_end(text: str, comma_style: bool) -> int:
    """Where an unquoted title ends: its first sentence, or in comma styles its first comma."""
    end = _first_sentence_end(text)
    journal = _abbreviated_journal_start(text, end)
    if journal:
        return journal
    # every reading of _IMPRINT_CUE holds a colon (after a place), a comma, ";" or "vol" before ``end``
    if any(text.find(mark, 8, end) >= 0 for mark in (",", ":", "vol", ";")):
        imprint = _IMPRINT_CUE.search(text, 8, end)
    else:
        imprint = None
    while (
        imprint
        and text[imprint.start()] != ","
        and _word_before(text, imprint.start()) in _PLACE_PREPOSITIONS
    ):
        imprint = _IMPRINT_CUE.search(text, imprint.end(), end)  # "A Walk in Paris: Notes": the title's place
    if imprint is None and text.find(":", 8, end) >= 0:
        imprint = _place_and_region_colon(text, end) or _bare_place_before_publisher(text, end)
    if imprint and _ARTICLE_NUMBERS.match(text, imprint.end()):
        imprint = None  # ", vol. 64, 1967, pp. 75-85": a journal's numbers, not a book's volume
    if imprint and _IN_BEFORE_IMPRINT.search(text, 8, imprint.start()):
        imprint = None  # "Title, in R. Roe (eds.), Book, Academic Press": the book's imprint, not ours
    if imprint and (_DETAIL_CUE if text[imprint.start()] == ";" else _WORDED_DETAIL_CUE).search(
        text, 8, imprint.start()
    ):
        # "Title, Vol. 9; Elsevier: New York, 1990", "Title, Master's thesis, Example University": the
        # numbers or the thesis end the title first
        imprint = None
    if imprint and text.count("(", 0, imprint.start()) <= text.count(")", 0, imprint.start()):
        return imprint.start()  # everything before a book's imprint is title, commas and all
    cue = (_DETAIL_CUE if DIGIT.search(text, 8, end) else _WORDED_DETAIL_CUE).search(text, 8, end)
    if cue:
        end = cue.start()
        # GSA/USGS: "Title: Journal, v. 12, p. 18-35" — the journal follows the title's last colon
        # (not after commas: "Title: Facts, Acta Univ., Geologica, v. 48" is a comma style's subtitle)
        colon = text.rfind(": ", 8, end) if _GSA_VOLUME.match(text, end) else -1
        piece = text[colon + 2 : end]
        if colon > 0 and "," not in piece and piece[:1].isupper() and journal_like(piece):
            return colon
        # "Going Public: …, Fordham Law Review, 83(5), …": numbers right after a comma-separated container
        if text[cue.start() : cue.start() + 1] == "," and not text[cue.start() :].lstrip(", ")[:1].isalpha():
            comma_style = True
    # Chicago notes: "Unsettling Opera: Staging Mozart, Verdi, Wagner, and Zemlinsky (University of Chicago
    # Press, 2007)" — everything before the bracketed imprint is title, commas and all
    imprint_bracket = cue is not None and text[cue.start() : cue.start() + 2] == " ("
    sentence_first = cue is None and end < len(
        text.rstrip(" .")
    )  # "Title, Quebec (abstract). Journal, v. 13"
    closing = _COMMA_PLACE_COLON_PUBLISHER.search(text, 8) if comma_style and ", " in text[8:end] else None
    colon = text.find(": ", 8, closing.start()) if closing else -1
    if (
        closing
        and colon > 0
        and text.find(", ", colon, closing.start()) > 0
        and _first_sentence_end(text, colon) >= closing.start()
        and (cue is None or cue.start() >= closing.start())
    ):
        # "Roe, A., The Mill Leader: Moving Stones, Wheels, and Towns, Downers Grove: Example Academic, 2010":
        # a subtitle after the colon, its commas and all, up to the closing "Place: Publisher, Year"
        return closing.start()
    if comma_style and not imprint_bracket and not sentence_first:
        commas = list(_COMMA_BOUNDARY.finditer(text, 8, end))
        # "Title, with commas, Canada, Earth and Planetary Science Letters, v. 194": the journal is the
        # last comma piece before the numbers when it reads as one; else the title ends at the first comma
        journal = next(
            (c for c in reversed(commas[1:]) if cue and JOURNAL_WORDS.search(text, c.end(), end)), None
        )
        if journal is None and cue and len(commas) >= 2 and _VOLUME_CUE.match(text, cue.start()):
            # "…, yucatan carbonate platform, Gulf of Mexico, Geofisica Internacional, v. 50" (a journal with
            # commas in its name, "Palaeogeography, Palaeoclimatology, Palaeoecology", loses its first words)
            last = commas[-1]
            if journal_like(text[last.end() : end]) and text[last.end() : end][:1].isupper():
                journal = last
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
        if (
            piece
            and (JOURNAL_WORDS.search(piece) or _ABBREVIATED_JOURNAL.fullmatch(piece))
            and (journal_like(piece) and piece[:1].isupper())
        ):
            end = last_comma
        elif _STATUS_CUE.match(text, end):  # "Title of paper J Invented Sci, in press": the journal glued on
            end = _journal_suffix_start(text, end)
    # a trailing "(New York: Oxford University Press, 2011)" or "(D. F. Krell, Trans.)" is not title
    bracket = _TITLE_BRACKET.search(text[:end]) if "(" in text else None  # the pattern needs a "("
    if bracket and bracket.start() > 8:
        end = bracket.start()
    return end


# "Title., Westwood, N.J.: Example Press. 1950": a town no list knows, made a place by the abbreviated
# state after it (a region written out is a title's: "The Widget Crater, Ontario, Canada: An Enigma")
_PLACE_REGION_COLON = re.compile(
    r",\s*(?=(?:[A-ZÀ-ÖØ-Þ][a-zß-ÿ]+\s){0,2}[A-ZÀ-ÖØ-Þ][a-zß-ÿ]+,\s*"
    r"(?P<region>[A-Z]{2}|[A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z]\.)\s*:\s*[A-ZÀ-ÖØ-Þ])"
)


def _place_and_region_colon(text: str, end: int) -> re.Match[str] | None:
    """The first ", Place, Region: Publisher" before ``end`` whose region is a known state or country."""
    for match in _PLACE_REGION_COLON.finditer(text, 8, end):
        if is_region(match.group("region")):
            return match
    return None


# "Title of the Book Maputo: Editora Popular, 1990.": the reference ends with "Place: Publisher(, Year)"
# and no mark before the place — a capitalised word after a word, then capitalised words (no stop) with
# a publisher's word
_PLACE_THEN_PUBLISHER_AT_END = re.compile(
    rf"(?<=\w)\s(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{{2,}}\s?:\s(?P<publisher>(?:[A-ZÀ-ÖØ-Þ][\w'’&-]*|de|da|do|of|and|&|für)"
    rf"(?:\s(?:[A-ZÀ-ÖØ-Þ][\w'’&-]*|de|da|do|of|and|&|für)){{0,5}})(?:,?\s*{YEAR})?\s*\.?\s*$)"
)

_CAPITALISED_AFTER_COMMA = re.compile(r",\s*[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]*){0,4}$")


def _bare_place_before_publisher(text: str, end: int) -> re.Match[str] | None:
    """Where "Place: Publisher" closing the text starts, when the publisher reads as one; else None."""
    colon = text.rfind(":", 8, end)
    match = _PLACE_THEN_PUBLISHER_AT_END.match(text, text.rfind(" ", 0, colon - 1)) if colon > 8 else None
    if match is None or _word_before(text, match.start()).lower() in _PLACE_PREPOSITIONS:
        return None  # "A Walk in Paris: Notes": the title's place
    if _CAPITALISED_AFTER_COMMA.search(text, max(0, match.start() - 40), match.start()):
        return None  # "Title, Grand Rapids: Eerdmans", "Title, Example Series : Press": a comma's piece
    return match if PUBLISHER_WORDS.search(match.group("publisher")) else None


def _abbreviated_journal_start(text: str, end: int) -> int:
    """Where a comma-separated journal starts whose abbreviation's stop ended the title's sentence
    ("…cover change, Water Resour. Res., 41"); 0 when the sentence ends otherwise or an "In" came first."""
    journal = _JOURNAL_AFTER_COMMA.search(text, 8, end) if text[end - 1 : end] == "." else None
    if journal is None or _WORDED_DETAIL_CUE.search(text, 8, journal.start()):
        return 0
    if any(word.rstrip(".") in JOURNAL_ABBREVIATIONS for word in journal.group(1).split()):
        return journal.start()
    return journal.start() if _ABBREVIATIONS_THEN_NUMBERS.match(text, end) else 0


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
    r"\s+\d{1,5}[A-Za-z]?\s*,\s*(?:pp?\.\s*)?[A-Za-z]?\d"  # "J. Appl. Phys. 86, 45" / "86, pp. 45"
)
# Astronomy: "2000, A&A, 362, 886" / "ApJ, 475, 163" — the whole rest is journal, volume, page
_ASTRO_SHORT = re.compile(
    # the journal's words capitalised, but for a connective: not "Walking in the rain. BMJ, 340, c123"
    rf"^(?P<container>[A-Z][\w&.]*(?:\s(?!{YEAR}\b)(?:[A-Z][\w&.]*|of|and|&|de|der|für)){{0,4}})"
    rf"(?:\s+(?P<year>{YEAR}))?,"
    r"\s*\d{1,5}L?,\s*[A-Za-z]?\d+\s*\.?$"  # "365L": a Letters volume
)


# a title going on in lower case after a quoted word; not "in"/"dans" (a container) or a role
_WORDS_AFTER_SCARE_QUOTES = re.compile(
    r"\s+(?!(?:in|en|dans|im|nel|edited|ed|eds|trans|translated|by|pp?|vol|no|paper|presented|"
    r"published|accessed|retrieved|available)\b)(?:[a-zß-ÿ]{2,}|[а-яё]+)\b"  # "«старых» рукописей", "“…” в …"
)
# after a quotation opening the title: more of it up to a comma, then a short name and numbers
_PROSE_AFTER_QUOTE = re.compile(
    r"\s(?P<prose>[^\W\d_][^,.;:()\[\]\"“”«»„]{8,150}?),\s+(?P<name>[^\W\d_][^,.;:()\[\]\d]{0,60}?)"
    r"(?:,\s*|\s+)(?:vol\.\s*|no\.\s*)?\d"
)
# after a quotation closed without a stop of its own: ". more title, “Journal”" or " - more title"
_MORE_AFTER_QUOTE = re.compile(
    r"\.\s+(?P<more>[^\W\d_][^“”«»\"„.;:]{2,200}?)(?=,\s+[“«\"„][^\W\d_])|\s+[-–—]\s+(?=[^\W\d_])"
)
_LATER_IN = re.compile(r"[.,]\s+In:?\s+[A-Z]")
_SUBTITLE_AFTER_QUOTE = re.compile(r"\s*:\s+[^\W\d_]")


# a whole word's stop ending a sentence: "Widgets and Gadgets. J. Am. Chem. Soc. 1971, 14, 325"
_WHOLE_WORD_STOP = re.compile(r"(?<![\w.])[A-Za-z][a-z]{4,}\.\s")
_YEAR_AFTER = re.compile(rf"\s*{YEAR}\b")
_PLAIN_WORD = re.compile(r"(?<![\w.])[^\W\d_]{2,}(?=\s)")  # a word with no stop: "Widgets", "and"


def _short_form_container(short_form: re.Match[str]) -> bool:
    """The physics short form's journal: abbreviated, and before a year (ACS: "Journal 1971, 14, 325")
    not a title's sentence followed by the journal."""
    container = short_form.group("container")
    if not _abbreviated(container):
        return False
    if not _YEAR_AFTER.match(short_form.string, short_form.end("container")):
        return True
    for stop in _WHOLE_WORD_STOP.finditer(container):
        # "Widgets and Gadgets." — two plain words before a whole word's stop; not "Nature Commun."
        if (
            stop.group(0)[:-2] not in JOURNAL_ABBREVIATIONS
            and len(_PLAIN_WORD.findall(container, 0, stop.start())) >= 2
        ):
            return False
    return True


def _abbreviated(name: str) -> bool:
    """An abbreviated journal name: with a stop ("Astron. J.") or an acronym ("JHEP", "PRL")."""
    return "." in name or (len(name) >= 3 and name.isupper())


def _ends_with_a_digit(text: str) -> bool:
    """What _ASTRO_SHORT needs, tested without a regex: a digit last, but for spaces and a stop."""
    return text.rstrip().rstrip(".").rstrip()[-1:].isdigit()


# a numbered part after the title's stop, its own title next: "Studies. II. The Grinding", "Mills. 1. Anatomy"
# (not an edition, "Title. 2. Aufl.", "2. ed.")
_PART_NUMBER = re.compile(
    r"\s+(?:[IVX]{1,4}|\d{1,2}|(?:No|Nr|Part|Pt|Teil|Ч)\.?\s*\d{1,2})\.\s+"
    r"(?!(?:Aufl|Auflage|ed|edn|edition|éd|Ausg|izd|изд)\b)(?=[A-ZÀ-ÖØ-ÞА-Я])"
)


def take_title(text: str, fields: Fields, comma_style: bool = False) -> str:
    text = text.lstrip(" .,;:")
    short_form = _CONTAINER_FIRST.match(text)
    if not (short_form and _short_form_container(short_form)):
        short_form = _ASTRO_SHORT.match(text) if _ends_with_a_digit(text) else None
    if short_form:
        fields.set("container-title", short_form.group("container"))
        return text[short_form.end("container") :]  # the year stays for the tail (ACS "1984, 31, 711")
    if text.startswith("in ") and _TITLELESS_CHAPTER.match(text):
        return text  # APS/ApJ: "A. B. Roe, in Book, edited by C. Doe (…), p. 5": no chapter title, the book
    quote = OPEN_QUOTE.match(text)
    if quote:
        opener = text[quote.start()]
        closer = CLOSE_FOR.get(opener, '"')
        end = _find_closing_nested(text, quote.end(), opener, closer) if opener in "“«" else -1
        if end < 0:
            end = text.find(closer, quote.end())
        if opener == "„" and end < 0:
            end = text.find("”", quote.end())  # „…” as well as the German „…“
        if opener == "'" or opener == "‘":
            end = _find_closing_single(text, quote.end(), closer)
        if end > 0 and _SUBTITLE_AFTER_QUOTE.match(text, end + len(closer)):
            # a quotation opens the title: "“Getting to Know You”: Knowledge and the Body” In …" closes at
            # its second mark; "‘The rigours of an experiment’: the authority of …" is read unquoted
            after = end + len(closer)
            end = _find_closing_single(text, after, closer) if opener in "'‘" else text.find(closer, after)
        scare_quotes = end > 0 and text[end - 1] not in ".,;:?!"
        if scare_quotes and (
            _WORDS_AFTER_SCARE_QUOTES.match(text, end + len(closer))
            # "‘Tone Marks’ in Group C.20. In Ann Doe (ed.), Book": the container's "In" comes later
            or (text.startswith(" in ", end + len(closer)) and _LATER_IN.search(text, end) is not None)
        ):
            end = -1  # "“Fake news” and the spread of rumours. Journal": quotation marks inside the title
        after = end + len(closer)
        run_on = (
            _PROSE_AFTER_QUOTE.match(text, after)
            if end > 0 and text[end - 1] not in ".,;:" and text[after + 1 : after + 2].isupper()
            else None
        )
        if run_on and prose_then_name(run_on.group("prose"), run_on.group("name"), least=3, share=0.3):
            # "« Qu’est-ce qu’un pays ? » La réponse médiévale, RHD, 1986": no stop or comma closes the
            # quotation, and prose goes on before the journal's name and numbers (German capitalises its
            # nouns: a third of lower-case words will do) — the title is all of it
            fields.set("title", text[quote.start() : run_on.end("prose")].strip())
            return text[run_on.end("prose") :].lstrip(" .,;:")
        more = _MORE_AFTER_QUOTE.match(text, after) if end > 0 and text[end - 1] not in ".,;:?!" else None
        stop = more.end("more") if more and more.group("more") else -1
        if more and stop < 0:
            stop = more.end() + _title_end(text[more.end() :], False)
            if text[stop - 1 : stop] != ".":
                stop = -1  # "“Mills” – Journal of Tides, 12, 3": no sentence of title after the dash
        if stop > 0:
            # "“Gli indesiderabili”. L'Italia e i suoi mulini, “Rivista”, 3": the quotation opens the title,
            # which goes on after its stop up to the quoted journal; "“Je veux” - Carnet de route. Place":
            # after a dash, up to the sentence's end
            fields.set("title", text[quote.start() : stop].strip(" .,"))
            return text[stop:].lstrip(" .,;:")
        if end > 0:
            fields.set("title", text[quote.end() : end].strip().rstrip(","))
            fields.hints.add("quoted-title")
            return text[end + len(closer) :].lstrip(" .,;:")
    described = _described_title(text, fields)
    if described is not None:
        return described
    edition = _EDITION_BRACKET.search(text, 8) if "(" in text else None  # the pattern needs a "("
    if edition and _first_sentence_end(text[: edition.start()] + ".") >= edition.start():
        # "Como elaborar projetos (5. Ed.). São Paulo": the bracketed edition closes the title
        fields.set("edition", edition.group("edition"))
        fields.set("title", text[: edition.start()].strip())
        return text[edition.end() :].lstrip(" .,;:/")
    closing = _PUBLISHER_BRACKET.search(text) if text.rstrip(" .").endswith(")") else None
    if closing and PUBLISHER_WORDS.search(closing.group("publisher")) and not THESIS.search(closing.group(0)):
        # ApJ: "Title (Springer)", "Title (Éditions du CNRS)": a bracketed publisher alone closes a book
        fields.set("publisher", closing.group("publisher"))
        text = text[: closing.start()]
    end = _title_end(text, comma_style)
    part = _PART_NUMBER.match(text, end) if text[end - 1 : end] == "." else None
    if part:  # "Studies in Mills. I. The Chemical Dynamics of Grinding. Journal": the part's title is ours
        part_end = part.end() + _title_end(text[part.end() :], comma_style)
        # a sentence closed by its stop, a name after it: not "Operators. II. Acta Math., 128(1): 183"
        if text[part_end - 1] in ".," and text[part_end:].lstrip(" .,;:")[:1].isalpha():
            end = part_end
    if end < len(text) and text[end - 1 : end] in ".?!":
        # Science "C. Roe, Title? Subtitle. Journal 28, 2800 (1999)"; comma styles "Title? Sub, Journal"
        piece = _comma_subtitle_end(text, end) if comma_style else end
        if comma_style and text[end - 1] == ".":
            # not after a title opening the reference: "Title. Roe E, Doe D. 2003, J Sci, Vol. 9"
            if piece > end and (fields.author or fields.editor) and _stop_subtitle(text, end, piece):
                end = piece
        else:
            end = piece if piece > end else _subtitle_end(text, end)
    title = text[:end].strip()
    if title.endswith("."):
        title = title[:-1]
    # the pattern ends the title with its word: a cheap test first, as most titles end otherwise
    volumes = _VOLUME_COUNT.search(title) if title.rstrip(".\n").endswith(_VOLUME_WORDS) else None
    if volumes:  # "Saint François d'Assise, 8 vols": a set of 8 books
        fields.set("number-of-volumes", volumes.group("count"))
        title = title[: volumes.start()].rstrip(" ,.")
    if title.endswith(")") and fields.issued is not None and end >= len(text.rstrip(" .")):
        title = _closing_imprint(title, fields)
    with_note = _WITH_CONTRIBUTOR.search(title) if title.endswith(")") else None
    if with_note and with_note.start() >= 8:  # "Title (with Ann Doe)": a co-worker's note, kept unplaced
        fields.leftovers.append(with_note.group(0).strip(" ()"))
        title = title[: with_note.start()].rstrip(" ,")
    medium = _MEDIUM.search(title) if "[" in title else None  # the pattern needs a "["
    if medium:  # APA's "[Motion picture]", "[Computer software]", "[Data set]": a description, not title
        fields.set("medium", medium.group(1))
        kind = _MEDIUM_TYPES.get(medium.group(1).split()[0].lower())
        if kind:
            fields.hints.add(f"type:{kind}")
        title = title[: medium.start()].rstrip()
    fields.set("title", title)
    if text[end : end + 1] == ",":
        fields.hints.add("title-comma")  # "Title, Its Book, Place, 1985": what follows may be a book's name
    return text[end:].lstrip(" .,;:/")


def _described_title(text: str, fields: Fields) -> str | None:
    """APA's "Title [Doctoral dissertation, Example University]. Repository" and "Title (Report No.
    12-3). Publisher": the bracket ends the title and says what the work is; the rest of the text
    after it, or None when the first sentence holds no such bracket."""
    bracket = None
    if ("[" in text or "(" in text) and any(word in text for word in _THESIS_WORDS):
        bracket = _THESIS_BRACKET.search(text, 8)
    if bracket is None and "(" in text:
        bracket = _REPORT_BRACKET.search(text, 8)
        if bracket and not bracket.group("genre") and (bracket.group("number") or "0").isdigit():
            bracket = None  # "(No. WP 13)" is a report's code; a bare "(No. 25)" may number a series
    if bracket is None or _first_sentence_end(text[: bracket.start()] + ".") < bracket.start():
        return None
    if text[: bracket.start()].endswith("."):
        return None  # "Title. (Doctoral thesis). School": the sentence ended first; the tail reads the rest
    fields.set("title", text[: bracket.start()].strip())
    if bracket.group("genre"):
        fields.set("genre", bracket.group("genre"))
    if bracket.re is _THESIS_BRACKET:
        fields.hints.add("thesis")
        rest = text[bracket.end() :].strip(" .,;:")
        if bracket.group("school"):
            fields.set("publisher", bracket.group("school").strip())
        elif _LONE_SCHOOL.fullmatch(rest):  # "(Dissertation). University of Cape Town.": its school
            fields.set("publisher", rest)
            return ""
    else:
        fields.hints.add("report")
        if bracket.group("number"):
            fields.set("number", bracket.group("number"))
    return text[bracket.end() :].lstrip(" .,;:")


# APA's "[Doctoral dissertation, School]", Vancouver's "[dissertation]", "(Tesis doctoral)", "[unpublished MA
# thesis]", French "[mémoire inédit]" / "(mémoire de maîtrise)"
_THESIS_BRACKET = re.compile(
    r"\s*[\[(](?P<genre>(?:[Uu]npublished\s+)?(?:[Dd]octoral|[Mm]aster'?’?s|PhD|Ph\.D\.|[Bb]achelor'?’?s|"
    r"[Hh]onou?rs|MA|M\.A\.|MSc|M\.Sc\.|BA|B\.A\.)"
    r"\s+(?:dissertation|thesis)|[Dd]issertation|[Tt]hesis|Diplomarbeit|Doktorarbeit|Habilitationsschrift|"
    r"Thèse de doctorat|Tesis doctoral|Diss\.|"
    r"[Mm]émoire(?:\s+(?:inédit|de\s+(?:maîtrise|master|licence|DEA)))?)"
    r"(?:,\s*(?P<school>[^\]()]{2,80}))?[\])]"
)
_LONE_SCHOOL = re.compile(r"[A-ZÀ-ÖØ-Þ][^\d.,;:()\[\]]{2,80}(?:\.[^\d.,;:()\[\]\s][^\d.,;:()\[\]]{0,40})?")
_THESIS_WORDS = (
    "hesis",
    "émoire",
    "issertation",
    "Diss.",
    "Diplomarbeit",
    "Doktorarbeit",
    "Habilitation",
    "Thèse",
    "Tesis",
)
# "(Report No. 12-3)", "(Technical Report)", "(Working Paper 27)", "(Policy Brief Nr. No. 7)", "(No. WP 13)"
_REPORT_BRACKET = re.compile(
    r"\s*\((?P<genre>(?:[A-Z][\w-]*\s+(?:[\w-]+\s+){0,4}?)?(?:[Rr]eport|[Pp]aper|Brief|Bulletin|Memorandum))?"
    r"(?:(?(genre)\s+)(?:(?:No\.?|Number|Nr\.?)\s*(?:No\.\s*)?|(?(genre)|(?!)))"
    r"(?P<number>(?:[A-Z]{1,5}\s)?[\w./-]*\d[\w./-]*))?\)"
)


_TITLELESS_CHAPTER = re.compile(r"in\s+[A-Z][^()]{2,200}?,\s+(?:edited\s+by|eds?\.)\s+[A-Z]")
_PUBLISHER_BRACKET = re.compile(r"(?<=[\w)?!])\s+\((?P<publisher>[^\W\d_][^()\d:;,]{1,60})\)\s*\.?\s*$")
# Cell's books: "Roe, A. (1970). Title of the book 4th ed. (North-Holland)." — a closing bracket of
# capitalised words, no digit, after a dated title with nothing after it is the publisher; not a note
# ("(Abstract)", "(In Russian)") nor a lone acronym ("(AAAI)", a meeting)
_CLOSING_IMPRINT = re.compile(r"\s\((?P<imprint>[A-ZÀ-ÖØ-Þ][^()\d]{1,80})\)$")
BRACKETED_NOTE = re.compile(
    r"(?:In\s|Abstract|Review|Letter|Editorial|Comment|Erratum|Correction|Reprint|Preprint|Poster|Unpublished|"
    r"Thesis|Dissertation|Manuscript|Translated|Trans\.|Eds?\.|Hrsg|Summary|Résumé|Résumen|English|Russian|"
    r"German|French|Spanish|Chinese|Japanese|Portuguese|Italian|Polish|Czech|Dutch|Korean|Turkish|Persian|"
    r"Arabic|Hebrew|Ukrainian|Swedish|Norwegian|Danish|Finnish|Hungarian|Greek|Latin)\b"
    r"|[A-Z]{2,}$"
)
_EDITION_AT_END = re.compile(
    r"\s(?P<edition>\d{1,2}(?:st|nd|rd|th)|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Rr]evised|[Nn]ew)\s+(?:ed|edn)\.?$"
)


def _closing_imprint(title: str, fields: Fields) -> str:
    """The title without a closing bracketed publisher (and an edition before it): both go to their fields."""
    match = _CLOSING_IMPRINT.search(title)
    if match is None or match.start() < 8 or BRACKETED_NOTE.match(match.group("imprint")):
        return title
    fields.set("publisher", match.group("imprint").strip())
    title = title[: match.start()].rstrip(" .,")
    edition = _EDITION_AT_END.search(title)
    if edition:
        fields.set("edition", edition.group("edition"))
        title = title[: edition.start()].rstrip(" .,")
    return title


# "…, 8 vols." ending a title: how many volumes a work has, not which one
_VOLUME_COUNT = re.compile(r"[\s,.;(]*(?<![\w.])(?P<count>\d{1,3})\s*(?:vols?|volumes|Bde|Bände|tomes)\b\.?$")
_VOLUME_WORDS = ("vol", "vols", "volumes", "Bde", "Bände", "tomes")  # what _VOLUME_COUNT ends with
_EDITION_BRACKET = re.compile(
    r"\s*\((?P<edition>\d{1,2}(?:st|nd|rd|th|ª|a|e|er|ème)?|[Rr]ev(?:ised)?|[Nn]ew|[Ff]irst|[Ss]econd|"
    r"[Tt]hird|[Ff]ourth|[Ff]ifth)\.?\s*(?:ed|edn|edition|éd|édition|Aufl|Auflage|izd)\.?\)",
    re.IGNORECASE,
)
# "New Essays on Widgets (with Ann Doe)", "(avec Jean Roe)", "(mit A. Roe)": who worked with the author
_WITH_CONTRIBUTOR = re.compile(
    r"\s\((?:with|in\s+collaboration\s+with|avec|mit|con|com)\s+[A-ZÀ-ÖØ-Þ][^()]{1,80}\)$"
)
_MEDIUM = re.compile(
    r"\s*\[((?:Motion picture|Film|Video(?: file)?|DVD|Audio(?: recording| file)?|Podcast(?: episode)?|"
    r"Computer (?:software|program)|Software|Data ?set|Brochure|Blog post|Tweet|"
    r"Television (?:series|episode)|Radio broadcast|Map|Photograph|Lecture notes|PowerPoint slides|"
    r"Unpublished manuscript|WWW [Dd]ocument|Web ?page)[^\]]{0,30})\]$",  # Elsevier Harvard: "[WWW Document]"
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
    "www": "webpage",
    "web": "webpage",
    "webpage": "webpage",
}


_PROSE_IN_A_SUBTITLE = re.compile(r"\s(?:from|about|with|without|versus|beyond|towards?|among|after)\s")


# a sentence opening with a lower-case word — not a cue ("in", "pp", "vol", "ed") nor a name ("eLife", "mBio")
_LOWER_CASE_OPENING = re.compile(
    r"(?!(?:in|en|dans|im|pp?|vol|no|nr|ed|eds|edn|trans|transl|accessed|retrieved|available|online|"
    r"doi|http|https|www|und|and|et|or|oder|ou|see|cf|hrsg|hg|npj)\b)[a-zß-ÿ]+\s"
)


def _subtitle_end(text: str, end: int) -> int:
    """A second sentence of prose (mostly lower-case words) before the container is the title's too:
    "Stand der Integration. Zusammenfassung einer persönlichen Einschätzung der Situation. In: …"."""
    rest = text[end:].lstrip()
    offset = len(text) - len(rest)
    if not rest or IN_CUE.match(rest) or EDITED_BY.match(rest):
        return end
    asked = text[:end].rstrip()[-1:] in "?!"  # "Can There Ever be Too Many Options? A Meta-Analytic Review …"
    # "Women and Work. a feminist perspective. Hist J 1:1": no source's name opens in lower case
    asked = asked or _LOWER_CASE_OPENING.match(rest) is not None
    if not asked and not _prose_ahead(rest):
        return end  # cheap test before a second _title_end: most next sentences are a journal's name
    next_end = _title_end(rest, False)
    sentence = rest[:next_end]
    if next_end >= len(rest) or not rest[next_end:].strip(" .,;:"):
        return end  # nothing would be left for the container
    if not sentence.rstrip().endswith((".", "?", "!")):
        return end  # it ran into numbers or an imprint: that sentence is the container
    words = _WORD_TOKEN.findall(sentence)
    lower = sum(1 for w in words if w[0].islower())
    if len(words) >= 5 and (asked or lower >= 0.6 * len(words)) and not DIGIT.search(sentence):
        return offset + next_end
    if (
        asked
        and len(words) >= 5
        and lower >= 0.6 * len(words)
        and not _FREE_YEAR.search(sentence)
        and not CONFERENCE.search(sentence)
    ):
        # "Does it work? The treatment of 99 patients with pain. Journal": a count in prose, no date or
        # meeting ("Actes des 8èmes journées … 2008")
        return offset + next_end
    # "Does rent predict moving? Evidence from Spain. The Daily Example": after a question, a short
    # answer in prose ("from") is the title's too; a journal's name ("Lancet.") is not
    prose_answer = len(words) >= 2 and _PROSE_IN_A_SUBTITLE.search(sentence) and not DIGIT.search(sentence)
    if asked and (prose_answer or _subtitle_after_question(sentence, rest[next_end:])):
        return offset + next_end
    return end


def _prose_ahead(rest: str) -> bool:
    """Can the sentence _title_end finds in ``rest`` be prose (five words, three in lower case)? It ends
    by the first sentence end and its words are those before it (the last perhaps cut short): fewer there,
    fewer in it."""
    words = _WORD_TOKEN.findall(rest, 0, _first_sentence_end(rest))
    return len(words) >= 5 and sum(1 for w in words if w[0].islower()) >= 3


# after a question in a comma style, the words up to the next comma and what follows that comma
_COMMA_PIECE = re.compile(r"\s+(?P<piece>[^\W\d_][^,.;()\[\]]{2,150}?(?:\([^()]{1,40}\))?),\s+(?P<next>\S)")


def _comma_subtitle_end(text: str, end: int) -> int:
    """Comma styles: "Roe, A., Rethinking Work? A Study of Mills, Example Press, 1996": the words after a
    question up to the next comma are its subtitle, unless they name the source — a journal with numbers
    after it ("Is It? Lancet, 12, 3"), a place or publisher ("Why? London, Example Press"); ``end``
    when they do (or no comma follows)."""
    match = _COMMA_PIECE.match(text, end)
    if match is None:
        return end
    piece = match.group("piece")
    if (
        not match.group("next").isalpha()  # numbers or a bracket right after it: the journal's or a date
        or IN_CUE.match(piece)
        or ((JOURNAL_WORDS.search(piece) or PUBLISHER_WORDS.search(piece)) and not _PROSE_WORD.search(piece))
        or _ABBREVIATED_NEXT.match(text, match.end("piece") + 1)  # ", Vol. 3", ", No. 4"
        or (piece[:1].isupper() and _PLACE_ONLY.fullmatch(piece))
    ):
        return end
    return match.end("piece")


# a book's series opening the piece, no subtitle: "Studien zur Abtei", "Cahiers de la Mill"
_SERIES_OPENING = re.compile(
    r"(?:Studien|Beiträge|Schriften|Quellen|Forschungen|Veröffentlichungen|Abhandlungen|Studies|Series|"
    r"Cahiers|Travaux|Collection|Bibliothèque|Biblioteca|Collana|Colección)\b"
)
_YEAR_SENTENCE_LAST = re.compile(rf"\.\s+{YEAR}$")  # "…, 231 p. 1980": the year a sentence of its own
# after a comma style's subtitle: the source's name, a capitalised word (not "v. 24", "Vol. 3", "pp. 4")
_NAME_AFTER_SUBTITLE = re.compile(r",\s+(?:The\s+)?[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2,}\b(?!\.)")


def _stop_subtitle(text: str, end: int, piece_end: int) -> bool:
    """Comma styles: "Roe, J., The Mill Question. A Reassessment, Invented Review, 86": a short title-case
    sentence after the title's stop, up to a comma, is its subtitle when another name (the journal, the
    publisher) follows that comma — not the journal itself ("Title. Meteoritics, v. 24, p. 265")."""
    piece = text[end:piece_end].strip()
    words = piece.split()
    after = _NAME_AFTER_SUBTITLE.match(text, piece_end)
    if after is None or not 1 <= len(words) <= 6 or is_place(piece):  # "Title. London, Example Press"
        return False
    if _SERIES_OPENING.match(piece):  # "Title. Studien zur Abtei, Wiesbaden": a book's series
        return False
    rest = text[piece_end:].rstrip(" .")
    # the reference runs on in commas to its end: not "Title. Meteoritics, v. 13, pp. 5-6. 1978" (a
    # sentence style whose journal has a comma) nor "Title. Roe AB, Doe C. J Clin Sci. 2015"
    return _first_sentence_end(rest) >= len(rest) and not _YEAR_SENTENCE_LAST.search(rest)


# a lower-case word no journal or publisher name has: "Results of a Small Survey", "a review of trials"
_PROSE_WORD = re.compile(
    r"(?<![\w'’-])(?!(?:of|the|and|for|in|on|de|la|le|des|du|et|für|und|der|di|e)\b)[a-zß-ÿ]+\b"
)
_PLACE_ONLY = re.compile(rf"(?:{PLACE})(?:,?\s+[A-Z]{{2}})?")


_YEAR_SPAN_SENTENCE = re.compile(rf"{YEAR}\s?[-–]\s?{YEAR}[.]?")


def _subtitle_after_question(sentence: str, after: str) -> bool:
    """ "Does Climate Predict Stars? Evidence From Wales. Linguistics 5, 1-9": after a question, a short
    sentence (or a span of years) is its subtitle when a named source with numbers still follows — not
    when the numbers come right after it ("Is It? J Clin Res. 2001;3:4": that sentence is the journal)."""
    after = after.lstrip(" .,;:")
    if not after[:1].isalpha() or not DIGIT.search(after):
        return False
    body = sentence.strip().rstrip(".")
    if _YEAR_SPAN_SENTENCE.fullmatch(body):
        return True
    words = _WORD_TOKEN.findall(body)
    prose = sum(1 for w in words if w[0].islower()) >= 2  # "what we know about tumours in HIV-1"
    return (
        not _LONE_DIGITS.search(body)
        and "." not in body
        and not JOURNAL_WORDS.search(body)
        and not PUBLISHER_WORDS.search(body)
        and (prose or not any(w.isupper() and len(w) > 1 for w in words))
    )


_LONE_DIGITS = re.compile(r"(?<![\w-])\d")  # not the digits of "HIV-1" or "IL6"


def _find_closing_nested(text: str, start: int, opener: str, closer: str) -> int:
    """The closer that matches, skipping a quotation nested with the same marks ("“Workers and “Their”
    Intellectuals”"); -1 when the marks do not balance."""
    depth = 0
    for index in range(start, min(len(text), start + 600)):  # bounded: a title is short
        char = text[index]
        if char == opener:
            depth += 1
        elif char == closer:
            if depth == 0:
                return index
            depth -= 1
    return -1


def _find_closing_single(text: str, start: int, closer: str) -> int:
    """The closing single quote — one followed by a space or punctuation, not an apostrophe ("Roe’s") —
    skipping a quotation nested inside ("‘The ‘Arab Spring’: Observations’")."""
    depth = 0
    for match in _SINGLE_QUOTE_MARK.finditer(text, start, min(len(text), start + 600)):
        if match.group("open"):
            depth += 1
        elif match.group(0).startswith(closer):
            if depth == 0:
                return match.start()
            depth -= 1
    for match in re.finditer(re.escape(closer) + r"(?=[\s,.;:]|$)", text[start:]):
        return start + match.start()
    return -1


_SINGLE_QUOTE_MARK = re.compile(r"(?<=\s)(?P<open>‘)|[’'](?=[\s,.;:]|$)")


IN_CUE = re.compile(r"^(?:In|in|IN|Dans|dans|En|en|Im|im|Dalam|\[[wW]:?\])\s*:?\s+")  # "Dalam": Indonesian
EDITED_BY = re.compile(
    # "edited by", "ed. by", "hg. v.", "hg. von", "Eds. Name", "(Ed.) Name", ". Hg. Name" (not
    # "Roe, Eva Doe Hrsg. Book": names before it) — but not the "ed." of an edition
    # ("Rev. ed.", "2nd ed.", "25. ed.") nor the end of an abbreviation ("Med. Res.")
    r"(?=[.,\s(ehrdt])"  # see OPEN_QUOTE (case-insensitive, as the words are)
    r"(?:[.,]?\s*(?<![\w])(?<!Rev\. )(?<!rev\. )(?<!\d\. )(?<!\d )(?<!nd )(?<!rd )(?<!th )(?<!st )"
    r"(?:\(?edited\s+(?:and\s+translated\s+)?by|translated\s+and\s+edited\s+by|ed\.\s+by|hrsg\.\s+v(?:on\b|\.)|"
    r"hg\.\s+v(?:on\b|\.)|herausgegeben\s+von|"
    r"(?-i:\(?(?:Eds?|eds?|red|Red|dir|Dir)\.\)?|(?<=[.,:]\s)(?:Hg|Hrsg)\.))\s+(?=[A-Z]))",
    re.I,
)


# a lower-case word of three letters or more other than a connective: prose, not a name ("l’Ardenne" has none)
PROSE_WORD = re.compile(
    r"(?<![\w-])(?!(?:and|of|the|for|in|on|de|des|der|die|und|et|la|le|du|di|del|y|e)\b)[a-zß-ÿ][\w'’-]{2,}"
)


def prose_then_name(prose: str, name: str, least: int = 4, share: float = 0.5) -> bool:
    """ "Quelques réflexions sur la matricule des pauvres, Byzantion, 46": a capitalised sentence of prose
    (``least`` words or more, a ``share`` of them lower-case words) ends the title before a short name
    that has at most one of them, the journal, whose numbers follow."""
    words, name_words = prose.split(), name.split()
    return (
        least <= len(words) <= 25
        and 1 <= len(name_words) <= 5
        and prose[:1].isupper()
        and name[:1].isupper()
        and len(PROSE_WORD.findall(prose)) >= share * len(words)
        and len(PROSE_WORD.findall(name)) <= 1
        and not DIGIT.search(name)
        and not is_place(name)
    )


def journal_like(text: str) -> bool:
    """A short name in title case or with periodical words: "Fauna of Arabia", "Svensk Bot. Tidskr."; not
    a publisher ("Elsevier") nor a month ("Oct")."""
    words = _WORD_TOKEN.findall(text)
    if not words or len(words) > 10 or DIGIT.search(text) or PUBLISHER_WORDS.search(text):
        return False
    if all(has_month_name(word.lower()) for word in words):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return JOURNAL_WORDS.search(text) is not None or capitalised >= 0.6 * len(words)
