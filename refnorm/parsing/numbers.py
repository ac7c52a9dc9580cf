"""Volume, issue, pages and year in the many notations the tail of a reference uses."""

from __future__ import annotations

import re

from refnorm.dates import YEAR, has_month_name, parse_date_text
from refnorm.lexicon import mentions
from refnorm.model import Date
from refnorm.parsing.scratch import DIGIT, YEAR_RE, Fields

__all__ = [
    "LABELLED",
    "looks_like_year_span",
    "take_numbers",
    "take_trailing_numbers",
    "take_year_anywhere",
]

_BARE_PAGES = re.compile(r"(?:^|[,.;:]\s*)([A-Za-z]?\d+\s*[-–—]+\s*[A-Za-z]?\d+)\s*[.;]?\s*$")
_YEAR_SPAN = re.compile(rf"{YEAR}\s*[-–]\s*{YEAR}")
_LOOSE_YEAR = re.compile(rf"(?<![\d\-–/])({YEAR})[a-z]?(?![\d\-–])")
_RANGE_CONTINUES = re.compile(r"\s*[-–]\s*\d")
_YEAR_THEN_BRACKET = re.compile(rf"{YEAR}[a-z]?\s*\[$")  # "1995 [1982]": the first edition's year
_NUMBER_TOKEN = re.compile(r"\d{1,5}[A-Za-z]?")
_VANCOUVER_NUMBERS = re.compile(
    r"(?=[12])(?:"  # either branch opens with a YEAR: see OPEN_QUOTE
    rf"(?P<year>{YEAR})[a-z]?(?:\s+(?P<month>[A-Z][a-z]{{2,8}})\.?(?:\s*-\s*[A-Z][a-z]{{2,8}})?(?:\s+(?P<day>\d{{1,2}}))?)?"
    r"(?:\s*;\s*|\s+)(?P<volume>[\w.-]{1,12}?)?\s*(?:\((?P<issue>[^()]{1,25})\))?\s*:\s*(?:p\.?\s*)?(?P<page>[A-Za-z]{0,3}\d[\w]*(?:\s*[-–]\s*[A-Za-z]{0,3}\d+)?)"
    r"|(?P<year2>"
    + YEAR
    + r")[a-z]?\s*;\s*(?P<volume2>(?=[\w-]{0,11}\d)[\w-]{1,12})\s*,?\s*(?:\((?P<issue2>[^()]{1,25})\))?)"
)
_ACS_NUMBERS = re.compile(rf"\b({YEAR})\s*,\s*(\d{{1,5}})\s*,\s*([A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)\s*\.?\s*$")
LABELLED = {  # the leading lookaheads: see OPEN_QUOTE
    "volume": re.compile(
        r"(?=[vbtjТВ])(?:\b(?:vol(?:ume)?s?|bd|band|tome|t|jg|jahrgang|v)|(?<!\w)(?:Т|Вып|Vol))(?:\.\s*|\s+)([0-9]+[A-Za-z]?(?![A-Za-z])|[IVXLCDM]+\b)",
        re.I,
    ),
    "issue": re.compile(
        r"(?=[nihf№])(?:\b(?:no|nos|nr|num|number|issue|iss|heft|h|fasc|n[°º]|n(?=\.))|№)\.?\s*(\d+[A-Za-z]?(?:[-–/]\d+)?)\b",
        re.I,
    ),
    "page": re.compile(
        # "15 p." is a page count, not a page; a year after the pages is not another page
        # "S." / "ss." need their stop: a bare S opens supplement pages ("S95-S120")
        # Indonesian "hlm." (halaman)
        r"(?=[psсh])(?<!\d )(?:\b(?:pp|pages|p|pgs?|seiten?|págs?|str|hlm)\.?\s*|\bss?\.\s*|\bpage\s+"
        r"|(?<!\w)[СсS]\.\s*)"
        r"(?P<v>(?:[A-Z]-|[A-Za-z]{0,2})\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+[A-Za-z]?)?"  # "pp. A-349"
        rf"(?:\s*,\s*(?!{YEAR}\b)\d+(?:\s*[-–]\s*\d+)?)*)",
        re.I,
    ),
    "edition": re.compile(
        # "4th rev. edn", "2., überarb. Aufl.": the number with the word saying how the edition differs
        r"\b((?:\d+(?:st|nd|rd|th|\.)?,?\s*)?(?:[Rr]ev(?:ised|\.)|überarb\.|erw\.|enl\.|corr\.)"
        r"|\d+(?:st|nd|rd|th|\.)?|[Ff]irst|[Ss]econd|[Tt]hird|[Nn]ew)\s*(?:ed|edn|edition|Aufl|Auflage|éd)\b\.?",
        re.I,
    ),
}
# The first digit of a volume, not after a dash or slash ("1999-2000", "3/4") nor inside a word: the
# same as "(?<![-–/])\b\d" but written digit first, with the look back after it, so that a search jumps
# from digit to digit instead of trying the pattern at every position of the text.
_OPENING = r"\d(?<![-–/\w]\d)"
# after the first digit: the number an issue label ("no. 3", "Nr. 3", "n° 3") names is no volume
_NOT_AN_ISSUE = r"(?<![Nn]o\.\s\d)(?<![Nn]o\.\d)(?<![Nn]r\.\s\d)(?<!n[°º]\s\d)(?<!n[°º]\d)"
_EDITION_CUES = ("ed", "éd", "aufl")  # every word LABELLED["edition"] ends with holds one of them
_DIGITS_ONLY = frozenset({"issue", "page"})  # labelled numbers that are digits, never roman or words
# MHRA / New Hart's: 16/12 (2025), 290–9 | 16/12: 290–9 — volume/issue, then the year or the pages
# (not an issue "no. 3/4 (1999)", "9 (1977) 3/4", a date "12/05/2001")
_VOLUME_SLASH_ISSUE = re.compile(
    rf"(?P<volume>{_OPENING}{_NOT_AN_ISSUE}(?<![Hh]\.\s\d)"
    rf"(?<!\)\s\d)\d{{0,3}})/(?P<issue>\d{{1,4}})(?![\d/])"
    rf"(?:(?=\s*(?:\((?:[^()\d]{{3,25}}\s)?{YEAR}\)|:))|(?<=/{YEAR}))"
    rf"(?:\s*\((?:[^()\d]{{3,25}}\s)?{YEAR}\))?\s*[:,]?\s*(?:pp?\.\s*)?"
    r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)?"
)
_RANGE_DASH = re.compile(r"[-–—]")
_CLOSES_TEXT = re.compile(r"\s*\.?\s*$")
_VOLUME_COLON_PAGE = re.compile(
    rf"(?P<volume>{_OPENING}\d{{0,4}}[A-Za-z]?)\s*:\s*(?P<page>[A-Za-z]{{0,2}}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{{0,2}}\d+)?)"
)
# (characters every match holds, pattern): a pattern is not tried on a text that lacks one of them
_NUMBERS: list[tuple[frozenset[str], re.Pattern[str]]] = [
    # "Phonetica 61: 4, 220-233. 2004" — volume: issue, then a page range (two ranges cannot both be pages;
    # not "11: 12,813-12,837", pages with a thousands comma)
    (
        frozenset(":,"),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,3}}):\s*(?P<issue>\d{{1,3}}),\s*(?P<page>[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+)\b(?!,\d)"
        ),
    ),
    # 1:5: 318 | 128:11: 1056 — volume:issue: page
    (
        frozenset(":"),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,4}}):(?P<issue>\d{{1,4}}):\s*(?P<page>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)"
        ),
    ),
    # Chicago: 22, no. 2 (autumn 2002): 165-188 | 128, n° 7 (1981): 1523 | ARIEL 26: 2 (April 1995): 7-23 |
    # 19, 4 (July 1988): 195–201
    (
        frozenset("()"),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,4}})\s*(?:,\s*(?:[Nn]o\.?|n[°º]|[Nn]r\.?|[Ii]ssue)?|:)\s*(?P<issue>\d{{1,4}})"
            rf"\s*\((?:[^()\d]{{3,25}}\s)?{YEAR}\)\s*[:,]\s*(?:pp?\.\s*)?"
            r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
        ),
    ),
    # MLA: 167.8 (2016): 615-648 | 51.2 (Spring 2012), 93
    (
        frozenset(".()"),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,4}})\.(?P<issue>\d{{1,4}})\s*\((?:[^()\d]{{3,25}}\s)?{YEAR}\)\s*[:,]\s*"
            r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
        ),
    ),
    (frozenset("/"), _VOLUME_SLASH_ISSUE),
    # Nature / physics: 550, 354–359 (2017) | 116, 1009 (1998)
    (
        frozenset(",()"),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,4}}[A-Za-z]?)\s*,\s*(?P<page>[A-Za-z]{{0,2}}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{{0,2}}\d+)?)"
            rf"\s*,?\s*\(\s*(?:[A-Z][a-z]+\.?\s+)?{YEAR}\s*\)"
        ),
    ),
    # "Parallel Computing, 7 387-393, 1988" | "Numer. Math., 1 273, 1985.": volume and pages with a space
    # only, after a comma (a single page only before the year)
    (
        frozenset(","),
        re.compile(
            r",\s*(?P<volume>\d{1,4})\s+(?P<page>[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+\b"
            rf"|[A-Za-z]?\d+(?=\s*,\s*{YEAR}\s*\.?\s*$))"
        ),
    ),
    # "… Science 328 1642-1643.": volume and pages with spaces only, closing the reference
    (
        frozenset(""),
        re.compile(
            r"(?<=[^\W\d]\s)(?P<volume>\d(?<![-–/\w]\d)\d{0,3})\s+(?P<page>[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+)"
            r"(?=\s*\.?\s*$)"
        ),
    ),
    # "… Anthropology 114 2001 269-272": volume, year, pages with spaces only
    (
        frozenset(""),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,3}})\s+{YEAR}\s+(?P<page>[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+)\b(?!,\d)"
        ),
    ),
    # "Latomus, 14, 1955, p. 186-201": a volume right before the year (the pages are labelled)
    # (not an issue's number: "Revue, n° 19, 2004, p. 170")
    (frozenset(","), re.compile(rf"(?P<volume>{_OPENING}{_NOT_AN_ISSUE}\d{{0,3}})\s*,\s*{YEAR}\s*,\s*(?=p)")),
    # German author-date and DIN 1505: "In: Cell, 39 (1897), 8, p. 987–1017" | "Zeitschrift 43 (2012), Nr. 4,
    # S. 551–566" | "Pädagogik 16 (1984) 2, 57-124" — volume (year), issue, then the pages
    (
        frozenset(",()"),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,3}})\s*\(\s*{YEAR}\s*\)\s*,?\s*(?:(?:[Nn][or]|[Hh](?:eft)?|[Ii]ssue)\.?\s*)?"
            r"(?P<issue>\d{1,3})\s*,\s*(?:(?=p)|(?:S\.\s*)?(?P<page>[A-Za-z]{0,2}\d+(?:\s*[-–—]+\s*\d+)?\b))"
        ),
    ),
    # "Fordham Law Review, 83, pp. 2509–2555": a bare number between commas before labelled pages
    (
        frozenset(","),
        re.compile(r"(?:(?<=,\s)|(?<=,)|^\s*)(?P<volume>\d{1,4}[A-Za-z]?)\s*,\s*(?=pp?\.\s*[A-Za-z]?\d)"),
    ),
    # "Journal of Logic Studies 1 pp. 35-50 (1984)": a bare number after the journal's last word, then a
    # labelled page range
    (frozenset(""), re.compile(r"(?<=[A-Za-z]\s)(?P<volume>\d{1,4})\s+(?=pp\.\s*[A-Za-z]?\d+\s*[-–])")),
    # 10(2), 131-138 | 10(2):131-138 | 137(3):311–321 | 20(6): p. 305-9 — but not "359 (2017)"
    (
        frozenset("()"),
        re.compile(
            rf"(?P<volume>{_OPENING}\d*[A-Za-z]?|\b[IVXLC]+)\s*,?\s*\((?!\s*(?:[A-Za-z]+\.?\s+)?{YEAR}\s*\))"
            r"(?P<issue>[^():]{0,12}\d[^():]{0,8})\)\s*[,:]?\s*(?:pp?\.\s*)?"
            r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)?"
        ),
    ),
    # Eng Manag J, 25 (2013) 25-37 | Sefarad 46 (1986) 473-491 — volume (year) pages
    (
        frozenset("()"),
        re.compile(
            # … but not the issue of "22, no. 2 (autumn 2002), pp. 165" (looked back at from its first digit)
            rf"(?P<volume>{_OPENING}(?<![Nn]o\.\s\d)(?<![Nn]o\.\d)(?<![Nn]r\.\s\d)(?<!n°\s\d)\d{{0,4}})"
            rf"\s*\(\s*(?:[^()\d]{{3,25}}\s)?{YEAR}\s*\)\s*[,:]?\s*(?:pp?\.\s*)?"
            r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
        ),
    ),
    # Nations and Nationalism: "Journal 10, 7: 1081–91" — volume, issue: pages (the volume no year, nor
    # the edition of a botanical "Sp. Pl. ed. 2, 1: 77": edition, volume: page)
    (
        frozenset(",:"),
        re.compile(
            rf"(?P<volume>{_OPENING}(?<!ed\.\s\d)\d{{0,3}})(?<!{YEAR})\s*,\s*(?P<issue>\d{{1,3}})\s*:\s*"
            r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)"
        ),
    ),
    # 19: 437-488 | 1089:1-22 | 4:32
    (frozenset(":"), _VOLUME_COLON_PAGE),
    # Ageing & Society: "Journal, 132, 11, 303–16." — volume, issue and pages between commas at the end
    # (no year: "Latomus, 14, 1955, 186", "Biochemistry, 2011, 50, 1100", "Ocean Sci., 9, 4, 2013.")
    (
        frozenset(","),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,3}})(?<!{YEAR})\s*,\s*(?P<issue>\d{{1,3}})\s*,\s*"
            rf"(?!{YEAR}\s*[.;]?\s*$)"
            r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{0,2}\d+)?)(?=\s*[.;]?\s*$)"
        ),
    ),
    # 116, 1009 (1998) | 24, 12– 21 | Biochemistry 2011, 50, 1100-1110
    (
        frozenset(","),
        re.compile(
            rf"(?P<volume>{_OPENING}\d{{0,4}}[A-Za-z]?)\s*,\s*(?P<page>[A-Za-z]{{0,2}}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{{0,2}}\d+)?)"
            # … or before a closing year, when the page is no one-digit issue: "41, 2207, 2014."
            rf"(?=\s*(?:\(\s*{YEAR}\s*\))?\s*[.,;]?\s*$|\s*[.;]\s|(?<=\d\d)\s*,\s*{YEAR}[a-z]?\s*\.?\s*$)"
        ),
    ),
    # (38): 284-311 — an issue number with no volume
    (
        frozenset("():"),
        re.compile(
            rf"\((?!{YEAR}\))(?P<issue>\d{{1,4}})\)\s*:\s*(?P<page>[A-Za-z]{{0,2}}\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]{{0,2}}\d+)?)"
        ),
    ),
    # 2(3) without pages
    (
        frozenset("()"),
        re.compile(rf"(?P<volume>{_OPENING}\d{{0,4}})\s*\((?!{YEAR}\))(?P<issue>\d[^()]{{0,10}})\)"),
    ),
]


_NEEDED = frozenset().union(*(needs for needs, _ in _NUMBERS))


def take_numbers(text: str, fields: Fields) -> tuple[int, int]:
    """Find volume/issue/pages/year in the tail; return the span (start, end) the numbers cover."""
    start = len(text)
    end = 0

    def cover(a: int, b: int) -> None:
        nonlocal start, end
        start = min(start, a)
        end = max(end, b)

    # without a digit only a roman volume ("Vol. IV") or a worded edition ("Second edition") can be here
    digits = DIGIT.search(text) is not None
    acs = _ACS_NUMBERS.search(text) if digits else None  # "Nano Lett. 2010, 10, 1979": year, volume, page
    if acs:  # — first, because its page can look like a year
        if fields.issued is None:
            fields.issued = Date(int(acs.group(1)))
        fields.set("volume", acs.group(2))
        fields.set("page", acs.group(3))
        cover(*acs.span())
    match = _VANCOUVER_NUMBERS.search(text) if digits else None
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
    folded = text.lower()
    for key, pattern in LABELLED.items():
        if key in fields.variables or (not digits and key in _DIGITS_ONLY):
            continue
        if key == "edition" and not mentions(folded, _EDITION_CUES):
            continue
        found = pattern.search(text)
        if found:
            value = found.group(found.lastindex or 1) if key != "page" else found.group("v")
            fields.set(key, value)
            if key == "issue":
                fields.hints.add("labelled-issue")  # "n° 19", "no. 18": see normalize._sequential_issue
            if key == "edition":
                continue
            cover(*found.span())
            slash_issue = _SLASH_ISSUE.match(text, found.end()) if key == "volume" else None
            if slash_issue and value.isdigit() and not _double_volume(value, slash_issue.group(1)):
                fields.set("issue", slash_issue.group(1))  # "Jg. 21/5" — not the double volume "Vol. 21/22"
                cover(found.start(), slash_issue.end())
    if digits and not {"volume", "page"} <= fields.variables.keys():
        present = {char for char in _NEEDED if char in text}
        for needs, pattern in _NUMBERS:
            if not needs <= present:
                continue
            found = pattern.search(text)
            if not found:
                continue
            groups = found.groupdict()
            value_year = groups.get("volume")
            if value_year and YEAR_RE.fullmatch(value_year) and not groups.get("issue"):
                if (
                    pattern is _VOLUME_COLON_PAGE
                    and groups.get("page")
                    and "page" not in fields.variables
                    and (_RANGE_DASH.search(groups["page"]) or _CLOSES_TEXT.match(text, found.end()))
                ):
                    # GB/T 7714's proceedings: "Proceedings of X, 2014: 1746-1751" — the year, then pages
                    # (a range, or a page closing the text: not the volume of "J Child Neurol 1999: 14 Suppl")
                    fields.set("page", groups["page"])
                    cover(found.start("page"), found.end())
                    break
                # "2011, 50, 110" — the first number is the year (ACS style); the next pair is vol, page
                continue
            page = groups.get("page")
            if page and not groups.get("issue") and fields.issued is None and _only_year(text, page):
                continue  # "Law Review, Vol. 62, 1994": a lone page that is the only year is the year
            if "volume" in fields.variables and groups.get("volume") != fields.variables["volume"]:
                continue
            if pattern is _VOLUME_SLASH_ISSUE and YEAR_RE.fullmatch(groups["issue"]):
                # German and French "Zeitschrift 27/1989 (September)": the issue of that year (not the
                # years "2008/2009" nor a month "09/2013")
                if not YEAR_RE.fullmatch(groups["volume"]) and groups["volume"][0] != "0":
                    fields.set("issue", groups["volume"])
                    cover(found.start(), found.end("issue"))
                continue
            if pattern is _VOLUME_SLASH_ISSUE and _double_volume(groups["volume"], groups["issue"]):
                continue  # "Pirineos 151/152: 83-99": one number for two volumes
            fields.set("volume", groups.get("volume"))
            fields.set("issue", groups.get("issue"))
            fields.set("page", groups.get("page"))
            cover(*found.span())
            break
    if digits and "page" not in fields.variables:
        bare = _BARE_PAGES.search(text)
        if bare and not _YEAR_SPAN.fullmatch(bare.group(1)):
            fields.set("page", bare.group(1))
            cover(*bare.span(1))
    if digits and "page" not in fields.variables:
        inner = [m for m in _BARE_RANGE.finditer(text) if _plausible_page_range(text, m)]
        if inner:  # "ed. Kenneth Hale, 111–176. Cambridge, MA: MIT Press": a chapter's pages mid-tail
            fields.set("page", inner[-1].group(1))
            cover(*inner[-1].span(1))
    return start, end


_DIGITS = re.compile(r"\d+")
_SLASH_ISSUE = re.compile(r"/(\d{1,3})(?![\d/])")
_VOLUME_LABEL_BEFORE = re.compile(r"(?:\b[tTЧ]|Part|Teil|[Vv]ols?)\.?\s*$")
_BARE_RANGE = re.compile(
    r"(?:[,.;:]\s*|\s)(?<![\w/-])(?<!\d[.,])(?<!vols\.\s)(?<!vols\.)"
    r"([A-Za-z]?\d{1,5}\s*[-–—]\s*[A-Za-z]?\d{1,5})(?![\w/-])(?=\s*(?:[.,;(]|$))"
)


def _double_volume(volume: str, second: str) -> bool:
    """ "151/152", "21/22": one number for two volumes, not a volume and its issue."""
    return int(second) == int(volume) + 1


def _only_year(text: str, number: str) -> bool:
    """Is ``number`` a year and the only one in ``text``?"""
    return YEAR_RE.fullmatch(number) is not None and all(
        m.group(1) == number for m in _LOOSE_YEAR.finditer(text)
    )


def looks_like_year_span(numbers: str) -> bool:
    """ "1850–1914", "1887-88", "1390-1990": a span of years, not pages."""
    first, last = _DIGITS.findall(numbers)[:2]
    if len(first) == 4 and YEAR_RE.fullmatch(first) and len(last) in (2, 4):
        return True
    return len(first) == len(last) == 4 and int(last) - int(first) >= 30


def _plausible_page_range(text: str, match: re.Match[str]) -> bool:
    """Not years ("1850–1914"), not days of a month ("Jan. 16-23"), and rising once abbreviations are
    expanded ("1857-66")."""
    first, last = _DIGITS.findall(match.group(1))
    if looks_like_year_span(match.group(1)) or first.startswith("0"):
        return False  # years, or a report number ("01-4060")
    if _VOLUME_LABEL_BEFORE.search(text[max(0, match.start() - 8) : match.start() + 1]):
        return False  # "t. 28-29", "Ч. 1-3": volumes
    if has_month_name(text[max(0, match.start() - 12) : match.start()].lower()):
        return False
    return int(first) < int(first[: max(0, len(first) - len(last))] + last)


def take_year_anywhere(text: str, fields: Fields) -> None:
    if fields.issued is not None:
        return
    # The publication year is printed after the title in these styles: the last candidate is taken, so
    # they are tried from the end
    for match in reversed(list(_LOOSE_YEAR.finditer(text))):
        if _RANGE_CONTINUES.match(text, match.end()) or _YEAR_THEN_BRACKET.search(text, 0, match.start()):
            continue
        fields.issued = parse_date_text(text[match.start() : match.start() + 20]) or Date(int(match.group(1)))
        return


_TRAILING_NUMBERS = re.compile(
    r"^(?P<name>.*?[^\d\s,.;:])[\s,.;:]+(?P<numbers>(?:(?:vol\.?\s*)?\d{1,5}[A-Za-z]?|n[°º]\s*\d+|\(\d+\))"
    r"(?:[\s,.;:]+(?:n[°º]\s*|no\.?\s*|Pt\.?\s*)?\d{1,5}[A-Za-z]?)*)$"
)

_NUMBER_AT_END = re.compile(r"\d[A-Za-z)]?$")


def take_trailing_numbers(container: str, fields: Fields) -> str:
    """ "Intellectual Observer 11" → container + volume 11; "Journal 23. 4" → volume 23, issue 4."""
    # the pattern's numbers end the text: without a digit there (before a letter or bracket at most), the
    # lazy name need not be grown a character at a time to find that out
    ends_in_a_number = _NUMBER_AT_END.search(container, len(container) - 3) is not None
    match = _TRAILING_NUMBERS.match(container) if ends_in_a_number else None
    if not match or YEAR_RE.fullmatch(match.group("numbers").strip()):
        return container
    numbers = _NUMBER_TOKEN.findall(match.group("numbers"))
    if numbers and "volume" not in fields.variables:
        fields.set("volume", numbers[0])
        if len(numbers) > 1:
            fields.set("issue", numbers[1])
    elif numbers and "issue" not in fields.variables and numbers[0] != fields.variables.get("volume"):
        fields.set("issue", numbers[0])
    return match.group("name")
