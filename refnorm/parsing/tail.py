"""Stage 4: the tail after the title: editors, container, numbers, then place and publisher."""

from __future__ import annotations

import re

from refnorm.dates import MONTH_PATTERN, MONTHS, YEAR, has_month_name, parse_date_text
from refnorm.lexicon import (
    CONFERENCE,
    INSTITUTION,
    JOURNAL_ABBREVIATIONS,
    JOURNAL_WORDS,
    NOT_YET_PUBLISHED,
    PERIODICAL_ANY_CASE,
    PUBLISHER_WORDS,
    REPORT,
    REPORT_CUES,
    THESIS,
    THESIS_CUES,
    is_place,
    is_region,
    mentions,
)
from refnorm.model import Date
from refnorm.names import parse_names
from refnorm.parsing.editors import (
    BODY_PIECE,
    EDITOR_MARK,
    editor_names_end,
    take_editors,
    take_marked_editors,
    take_series,
    take_translators,
)
from refnorm.parsing.imprint import BRACKETED_PUBLISHER, split_publisher
from refnorm.parsing.numbers import (
    LABELLED,
    looks_like_year_span,
    take_numbers,
    take_trailing_numbers,
    take_year_anywhere,
)
from refnorm.parsing.scratch import DIGIT, YEAR_RE, Fields
from refnorm.parsing.title import (
    ABBREVIATIONS,
    BRACKETED_NOTE,
    EDITED_BY,
    IN_CUE,
    PROSE_WORD,
    after_a_lower_case_word,
    journal_like,
    prose_then_name,
)

__all__ = [
    "container_only",
    "series_of_a_book",
    "take_tail",
]

_IN_PRESS_AT_START = re.compile(r"in\s+(?:press|prep)", re.IGNORECASE)
_STATUS_BEFORE_SOURCE = re.compile(
    r"(?P<status>to\s+appear|forthcoming|(?:accepted|submitted)(?:\s+for\s+publication)?)\s+(?:in|to)\s*:?\s+",
    re.IGNORECASE,
)
_IMPRINT_BEFORE_PAGES = re.compile(
    r"\s*\((?P<publisher>[A-ZÀ-ÖØ-Þ][^()\d]{1,80})\)(?=,\s*pp\.\s*[A-Za-z]?\d)"  # "(Esempio), pp. 3–9"
)
# Science: "in Book, M. Roe, Ed. (Esempio, Milano, 1960), pp. 96–123" — after the editors' mark, the bracket
# is the imprint even with no publisher's word in it
_EDITOR_MARK_BEFORE = re.compile(r",\s*(?:Eds?|eds?)\.\s*$")
_LONE_NUMBER = re.compile(r"(?<![\w'’])\d+(?![\w'’])")
_DAY = re.compile(r"\d{1,2}")
_DIGIT_OR_DOT = re.compile(r"[\d.]")
_LONE_PAGE = re.compile(r"\s*[,.]?\s*([A-Z]?\d{1,4})\s*\.?\s*$")
_BRACKETED_PP = re.compile(r"\(\s*pp?\.")
_OPEN_PAGES_AT_END = re.compile(r"\s*\((?:pp?\.?|S\.)\s*$")
_NO_WORDS = re.compile(r"[\W\d]*")
_WORD_STOP_CAPITAL = re.compile(r"([\w]+)\. (?=[A-Z])")


# the first letters of the month names, for the lookaheads of first characters (see OPEN_QUOTE)
_MONTH_INITIALS = "".join(sorted({month[0] for month in MONTHS}))
# A printed date in the tail once the year is known: "2021 Feb 23", "(March 1, 1990)", "1998a".
_PRINTED_DATE = re.compile(
    rf"(?=[(\[12{_MONTH_INITIALS}])(?:"  # the lookahead of first characters: see OPEN_QUOTE
    # "Sep-Oct 2008", "(January–February 2004)": a range of months before the year goes with it
    # "(November, 1965)", "(July-August, 1963)": a comma after the month
    rf"[(\[]?(?:\b(?:(?:{MONTH_PATTERN})\.?\s*[-–/]\s*)?(?:{MONTH_PATTERN})\.?,?\s+(?:\d{{1,2}},?\s+)?)?\b{YEAR}[a-z]?\b"
    rf"(?:\s+(?:{MONTH_PATTERN})\.?(?:\s*[-–/]\s*(?:{MONTH_PATTERN})\b\.?)?(?:\s+\d{{1,2}}\b)?)?[)\]]?)",
    re.IGNORECASE,
)


# "172 p.", "xii, 340 pp.", "634 s.", "250 S.", "372 с.": how many pages a book has, not a page of it
_PAGE_COUNT = re.compile(
    r"(?=[ivxlcdm\d])"  # the count's first character (a roman or an arabic digit): see OPEN_QUOTE
    r"(?:^|(?<=[\s,.;:(]))(?P<count>(?:[ivxlcdm]+\s*[,+]\s*)?\d{1,4})"
    r"(?:\s*(?:pp?\.?|pages|Seiten)|\s+(?:S|s|str|с|Bl)\.)(?![\w-])(?!\.?\s*\d)"
)
_TRANSLATOR_CUES = ("rans", "rad.", "radu", "bers.", "bersetzt", "łum")  # every translator cue holds one
# "(23-45) in Book", ASA's "Pp. 278–90 in Book, edited by …": the chapter's pages before its "in"
_PAGES_BEFORE_IN = re.compile(
    r"(?:\(\s*(?P<page>\d+\s*[-–]\s*\d+)\s*\)|Pp?\.\s*(?P<labelled>\d+(?:\s*[-–]\s*\d+)?))\s*(?=(?:in|In|dans)\s)"
)
_LATER_IN = re.compile(  # the lookahead of first characters: see OPEN_QUOTE
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
    # (not a bare year: "Amok Internal Report. 1982." is dated, not numbered)
    rf"(?:(?:No|Nr|Number)\.?\s*|#\s*)?(?P<number>(?!\s?{YEAR}[.,;]?(?:\s|$))[A-Z]{{0,6}}[-\s]?\d[\w./-]*)",
    re.IGNORECASE,
)
_BRACKETED_YEAR = re.compile(rf"(?=[(\[12])[(\[]?\b{YEAR}[a-z]?\b[)\]]?")  # (?=: see OPEN_QUOTE


_MONTH_DAY_AT_END = re.compile(
    rf"[,\s]+(?:(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:{MONTH_PATTERN}))\s*\.?\s*$",
    re.IGNORECASE,
)


_YEAR_SPAN_EDGE = re.compile(r"\d\s?[-–]\s?$|\d[-–]$")
_YEAR_SPAN_START = re.compile(r"\s?[-–]\s?\d")


_LETTER = re.compile(r"[^\W\d_]")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_MEETING_WORDS = "Conference|Symposium|Workshop|Congress|Colloquium|Meeting"
_NAMED_YEAR = re.compile(rf"\s+(?:[A-Z]{{3,}}\b|[A-Z]+/[A-Z]|(?:{_MEETING_WORDS}|Summit)\b)")
# a meeting's words, or the name of a known meeting ("ICML 2020"), but not the abbreviation "Proc."
_MEETING_NAME = re.compile(
    rf"\b(?:Proceedings|{_MEETING_WORDS})\b|"
    r"\b(?:ICML|NeurIPS|NIPS|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|SIGIR|KDD|ICLR|ISMIR|ICASSP|CHI|UIST)\s$"
)
_MEETING_WORD = re.compile(rf"\b(?:{_MEETING_WORDS})\b")
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ][a-zß-ÿ]+\s$")
_ACRONYM_BEFORE_YEAR = re.compile(r"(?<![\w.])[A-Z]{2,}[a-z]?\s$")  # "Proceedings of CHI 2015"


def _inside_named_bracket(text: str, match: re.Match[str]) -> bool:
    """The year stands inside a bracket after words: "(ICLS 2014)"."""
    if match.group(0).startswith(("(", "[")):
        return False
    opened = max(text.rfind("(", 0, match.start()), text.rfind("[", 0, match.start()))
    closed = max(text.rfind(")", 0, match.start()), text.rfind("]", 0, match.start()))
    return opened > closed and _LETTER.search(text, opened, match.start()) is not None


# German books end "…. Weinheim 2003" / "…, Berlin 2009": the place, then the year, and no publisher
_PLACE_THEN_YEAR = re.compile(
    rf"(?:^|(?<=[.,]\s))(?P<place>[A-ZÀ-ÖØ-Þ][a-zß-ÿ'’-]{{2,}}(?:[\s/-][A-ZÀ-ÖØ-Þ][a-zß-ÿ'’-]{{2,}})?)\s+{YEAR}[a-z]?\.?$"
)


def _place_and_year(text: str, fields: Fields) -> str:
    """A book's closing "Place Year" (the year being its date): the place is taken, the year left for
    the date's own removal."""
    if fields.issued is None:
        return text
    year = str(fields.issued.year)
    match = _PLACE_THEN_YEAR.search(text) if text.endswith((year, ".")) else None
    if match is None or year not in match.group(0):
        return text
    place = match.group("place")
    if JOURNAL_WORDS.search(place) or PUBLISHER_WORDS.search(place) or has_month_name(place.lower()):
        return text
    start = match.start("place")
    before = text[:start]
    head, comma, publisher = before.rstrip(" ,").rpartition(", ") if before.endswith(", ") else ("", "", "")
    words = publisher.split()
    if len(words) == 1 and not is_place(place) and not PUBLISHER_WORDS.search(publisher):
        place, start = f"{publisher}, {place}", start - len(publisher) - 2  # "Belmont, California 1980"
        head, comma, publisher = text[:start].rstrip(" ,").rpartition(", ")
        words = publisher.split()
    fields.set("publisher-place", place)
    if (
        comma
        and words
        and not DIGIT.search(publisher)
        and not is_place(publisher)
        and (PUBLISHER_WORDS.search(publisher) or (len(words) <= 3 and all(w[:1].isupper() for w in words)))
    ):  # "…, Wydawnictwo Literackie, Kraków 1970": the publisher's name before the place
        fields.set("publisher", publisher.strip())
        return head + text[match.end("place") :]
    return text[:start] + text[match.end("place") :]


_YEAR_IN_WORDS = re.compile(rf"(?<=[a-zß-ÿ]{{2}}\s){YEAR}\b")  # "seit 1970", "since 1945"


# A year printed twice ("in Proc. of the 1992 Conference on X, pages 2-9, Aug 1992") names the meeting or
# book where it stands inside a name: before a capitalised word or an ordinal ("1992 International", "2015
# 4th"), after "the" ("Proceedings of the 2004"), after a capitalised word ("Widgetcom 2013, Atlanta") or as
# the comma-set year that IEEE Xplore puts inside a name ("OCEANS, 2001. MTS/IEEE Conference")
_NAME_AFTER_YEAR = re.compile(r"\s+(?:[A-ZÀ-ÖØ-Þ][\w'’-]|\d{1,2}(?:st|nd|rd|th)\b)")
_THE_BEFORE_YEAR = re.compile(r"\b(?:the|The)\s$")
_NAME_WORD_BEFORE_YEAR = re.compile(r"(?<![\w.])[A-ZÀ-ÖØ-Þ][\w'’-]*[a-zß-ÿ]\s$")
_END_AFTER_YEAR = re.compile(r"\s*(?:[,:]|$)")
_SENTENCE_AFTER_YEAR = re.compile(r"\.\s+[A-Z]")


_MONTH_SLASH_YEAR = re.compile(
    rf"(?<![\w/.-])(?:(?:0?[1-9]|[12]\d|3[01])/)?(?:0?[1-9]|1[0-2])/(?=({YEAR})\b)"
)


def _year_in_a_name(text: str, match: re.Match[str], again_later: bool) -> bool:
    """The bare year ``match`` stands inside a name (see _NAME_AFTER_YEAR); the looser readings only when
    the year is printed again later, as the date."""
    start, end = match.span()
    if _NAME_AFTER_YEAR.match(text, end) or _THE_BEFORE_YEAR.search(text, max(0, start - 4), start):
        return True
    if not again_later:
        return False
    word = _NAME_WORD_BEFORE_YEAR.search(text, max(0, start - 40), start)
    if word:  # "Widgetcom 2013, Atlanta" — not a place's year ("Weinheim und Basel 1986, S. 3-9")
        return _END_AFTER_YEAR.match(text, end) is not None and not is_place(word.group(0).strip())
    return text[start - 2 : start] == ", " and _SENTENCE_AFTER_YEAR.match(text, end) is not None


def _drop_printed_date(
    pattern: re.Pattern[str], text: str, fields: Fields, rest: str = "", read_before: bool = False
) -> str:
    """Remove the printed publication date from ``text``; other years ("1940-1943") stay, never lost.

    ``rest`` is the tail after ``text`` and ``read_before`` says the date was read before the tail: with
    the year printed again, a year inside a name is kept (see _NAME_AFTER_YEAR)."""
    if fields.issued is None or fields.issued.year is None or not DIGIT.search(text):
        return text  # both date patterns hold a year: no digit, nothing to drop
    year = str(fields.issued.year)
    if "/" in text:  # "…, Portsmouth, NH, 09/2013", "WIDG, 02/11/2012": day and month go with the year
        text = _MONTH_SLASH_YEAR.sub(lambda m: "" if m.group(1) == year else m.group(0), text)
    repeated = read_before or year in rest or text.count(year) > 1

    def drop(match: re.Match[str]) -> str:
        if (
            repeated
            and match.group(0) == year
            and _year_in_a_name(text, match, year in rest or year in text[match.end() :])
        ):
            return year
        if _YEAR_SPAN_EDGE.search(text, max(0, match.start() - 2), match.start()) or _YEAR_SPAN_START.match(
            text, match.end()
        ):
            return match.group(0)  # one end of a span of years ("1849–1859") belongs to its title
        if (
            _NAMED_YEAR.match(text, match.end())
            # "Proceedings of CHI 2015", "ICML 2020": a meeting's name, not "Proc. Natl. Acad. Sci. USA 2012"
            or (
                _ACRONYM_BEFORE_YEAR.search(text, max(0, match.start() - 8), match.start())
                and _MEETING_NAME.search(text, max(0, match.start() - 60), match.start())
            )
            # "Workshop on Autonomous Agents 2012": a meeting's name in title case, ending in its year
            or (
                match.group(0)[:1].isdigit()  # not "… Conference (1974)": that is the date
                and _CAPITALISED_WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
                and _MEETING_WORD.search(text, max(0, match.start() - 80), match.start())
            )
            or (  # "Post-1945 Halifax", "pre-2000"
                text[match.start() - 1 : match.start()] == "-"
                and text[match.start() - 2 : match.start() - 1].isalpha()
            )
            or _inside_named_bracket(text, match)
        ):
            return match.group(0)  # "2010 IEEE/IFIP Symposium", "(ICLS 2014)": part of a name
        if year in match.group(0):
            issued = fields.issued
            if issued is not None and issued.month is None and not match.group(0)[:1].isdigit():
                # "…, 1184-1201, December 1986": the year came from the numbers, the month is here
                fields.printed_date = parse_date_text(_reorder_date(match.group(0).strip("()[] ")))
            return " "
        if after_a_lower_case_word(text, match.start()):
            return match.group(0)  # "… in der BRD seit 1970": a year inside the words, which keep it
        if match.group(0).isdigit() and _year_in_a_name(text, match, False):
            return match.group(0)  # "Proceedings -, 2015 4th International Conference …, (2016)"
        fields.leftovers.append(match.group(0).strip("()[] "))  # a second year ("reprinted 2006") is kept
        return " "

    return pattern.sub(drop, text)


def _reorder_date(text: str) -> str:
    """ "November 5, 2001" / "5 November 2001" → "2001 November 5" for parse_date_text."""
    year = YEAR_RE.search(text)
    rest = (text[: year.start()] + text[year.end() :]).replace(",", " ") if year else text
    day = _DAY.search(rest)
    month = _DIGIT_OR_DOT.sub(" ", rest).split()
    parts = [year.group(0) if year else "", month[0] if month else "", day.group(0) if day else ""]
    return " ".join(p for p in parts if p)


def take_tail(text: str, fields: Fields) -> None:
    """Read everything after the title: container, numbers, imprint, editors, dates."""
    _read_tail(text.strip(), fields)
    printed, issued = fields.printed_date, fields.issued
    if printed and issued and printed.year == issued.year and issued.month is None:
        # the month a printed date gives ("December 1986") is kept; only after the tail is read, as a
        # date the year alone came with is no sign of a periodical's issue
        fields.issued = printed


def _read_tail(text: str, fields: Fields) -> None:
    read_before = fields.issued is not None  # the date stood before the title or after the names
    bracketed_pages = _PAGES_BEFORE_IN.match(text)
    if bracketed_pages:
        fields.set("page", bracketed_pages.group("page") or bracketed_pages.group("labelled"))
        text = text[bracketed_pages.end() :]
    page_count = _PAGE_COUNT.search(text)
    if page_count:
        fields.set("number-of-pages", page_count.group("count"))
        start, end = page_count.span()
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":  # "163105 (3 pp.)"
            start, end = start - 1, end + 1
        text = (text[:start] + text[end:]).strip()
    later = _LATER_IN.search(text, 1)
    if later and "title" in fields.variables and not DIGIT.search(text[: later.start()]):
        _continue_title(fields, text[: later.start()].strip(" .,"))
        text = text[later.start() :].lstrip(" .,")
    bracketed_publisher = BRACKETED_PUBLISHER.search(text) if "(" in text else None
    imprint = bracketed_publisher.group("publisher") if bracketed_publisher else ""
    after_editors = bracketed_publisher and _EDITOR_MARK_BEFORE.search(text, 0, bracketed_publisher.start())
    if (
        bracketed_publisher
        and (PUBLISHER_WORDS.search(imprint) or after_editors)
        and not THESIS.search(imprint)
    ):
        # Chicago notes: "Source Studies (University of Chicago Press, 1997)", "(Artech House, Boston, 2005)"
        known = {key: fields.variables.get(key) for key in ("publisher", "publisher-place")}
        if split_publisher(imprint, fields).strip(" ,."):  # not all of it read as place and publisher
            for key, value in known.items():
                if value is None:
                    fields.variables.pop(key, None)
            fields.set("publisher", imprint.strip())
        fields.issued = fields.issued or Date(int(bracketed_publisher.group("year")))
        text = (text[: bracketed_publisher.start()] + text[bracketed_publisher.end() :]).strip()
    elif "(" in text and "pp" in text:
        imprint_before_pages = _IMPRINT_BEFORE_PAGES.search(text)
        imprint = imprint_before_pages.group("publisher").strip() if imprint_before_pages else ""
        if imprint and not BRACKETED_NOTE.match(imprint) and not is_place(imprint):
            # Cell's chapters: "In Book, A. Roe, ed. (Academic Press), pp. 3–9" — no year in the bracket;
            # "(New York: Penguin), pp. 3-9" gives its place too
            known = {key: fields.variables.get(key) for key in ("publisher", "publisher-place")}
            if split_publisher(imprint, fields).strip(" ,."):
                for key, value in known.items():
                    if value is None:
                        fields.variables.pop(key, None)
                fields.set("publisher", imprint)
            text = (text[: imprint_before_pages.start()] + text[imprint_before_pages.end() :]).strip()
    status = _STATUS_BEFORE_SOURCE.match(text) if text[:1] in "tTfFaAsS" else None
    if status:  # "to appear in ACM Transactions on Widgets", "submitted to Invented Geology"
        fields.set("status", status.group("status"))
        text = text[status.end() :]
    in_match = IN_CUE.match(text) if not _IN_PRESS_AT_START.match(text) else None  # "In press." is no "In"
    if in_match:
        fields.hints.add("in")
        text = text[in_match.end() :]
        text = take_editors(text, fields, german_colon=":" in in_match.group(0))
    if not fields.editor:
        text = take_marked_editors(text, fields)
    text = take_series(text, fields)
    # every reading of EDITED_BY holds "ed", "g." or "gegeben" (any case) or "dir." / "Dir."
    folded = text.lower()
    if "ed" in folded or "g." in folded or "gegeben" in folded or "dir." in text or "Dir." in text:
        edited = EDITED_BY.search(text)
    else:
        edited = None
    if edited:
        after = text[edited.end() :]
        names_end = editor_names_end(after)
        if names_end and not is_place(after[:names_end].strip(" ,.;:")):  # "ed. New York: …" is no editor
            fields.editor = fields.editor or parse_names(after[:names_end]).names
            book, rest = text[: edited.start()].strip(" .,"), after[names_end:].lstrip(" ,.")
            if "(" in edited.group(0) and rest.startswith(")"):  # "Book (edited by A. Roe), pp. 3-9"
                rest = rest[1:].lstrip(" ,.")
            after_in = (
                "in" in fields.hints
                and text[edited.start() : edited.start() + 1] == ","
                and not _NUMBERED_PART.search(book)  # "Selected Works, vol. 1: Writings": its numbers first
            )
            if (
                len(book.split()) >= 2
                # "British Cinema in the 90s" is a title; "12" is not — unless "In" opened the book
                and (after_in or not _LONE_NUMBER.search(book))
                and not rest[:1].isdigit()
                and not _ROLE_CUE.search(book)
                and (BODY_PIECE.match(", " + rest) or (after_in and _imprint_name(rest)))
            ):
                # "British Cinema, edited by R. Roe, British Film Institute, 2000": book, editors, publisher
                fields.set("container-title", book)
                fields.hints.add("in")
                text = rest
            else:
                if not book and "container-title" not in fields.variables and _CHAPTER_PAGES.search(rest):
                    _split_chapter_from_book(fields)
                text = (book + ". " + rest).strip(" .")
    if any(cue in text for cue in _TRANSLATOR_CUES):
        text = take_translators(text, fields)  # after the editors: "Edited by A. Translated by B."
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
    meeting_year = None
    if month_named and ("-" in text or "–" in text):  # every range has its dash
        for meeting in reversed(list(_DATE_RANGE.finditer(text))):
            # a meeting's dates: its year dates the paper when no other year does (see below); the days
            # are kept in the note (a one-date record has no place for CSL's event-date range)
            meeting_year = YEAR_RE.search(meeting.group(0)) or meeting_year
            fields.leftovers.append(meeting.group(0))
            text = (text[: meeting.start()] + " " + text[meeting.end() :]).strip()
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
            issued, name = fields.issued, text[: month_day.start()].strip(" ,.")
            if (
                issued is not None
                and issued.year
                and issued.month is None
                and not issued.literal
                and len(name.split()) <= 4
                and not DIGIT.search(name)
                and "," not in name  # "Stuart, FL. 21 April": a report's place
            ):
                # "Roe (2016). Title. Daily Widget 20 October.": the year stood first; a short name with a
                # day and month is a newspaper's, so "Daily Widget" is no bare publisher (not "UFC 4-214-03.
                # 16 January": a document's number)
                day_month = month_day.group(0).strip(" ,.")
                fields.issued = parse_date_text(f"{day_month} {issued.year}") or issued
            text = text[: month_day.start()]
    if fields.editor and "in" in fields.hints and "page" not in fields.variables:
        closing_page = _PAGE_AFTER_IMPRINT.search(text) if text.rstrip(" .")[-1:].isdigit() else None
        if closing_page and YEAR_RE.fullmatch(closing_page.group("page")):
            closing_page = None  # "(Coll. « Philosophie »), 2005": the year
        if closing_page:  # ApJ's chapter: "ed. L. Doe (Place: Publisher), 43" — the first page
            fields.set("page", closing_page.group("page"))
            text = text[: closing_page.start() + 1]
    start, end = take_numbers(text, fields)
    before = text[:start] if start < len(text) else text
    after = text[end:] if end else ""
    if "edition" in fields.variables:  # taken wherever it stood ("Third edition."): not container nor note
        before, after = LABELLED["edition"].sub(" ", before), LABELLED["edition"].sub(" ", after)
    take_year_anywhere(text, fields)
    if fields.issued is None and meeting_year:
        fields.issued = Date(int(meeting_year.group(0)))  # "…, Todi, 11-14 ottobre 1970": no other year
    # Book-like tails: "Place: Publisher, Year" may come before or after the numbers; an imprint after
    # a chapter's pages ("(pp. 233-255). New York, NY: Norton") is the surer one, so it goes first.
    if after:
        after = split_publisher(after, fields)
    if not fields.variables.keys() & {"volume", "issue"} and "publisher" not in fields.variables:
        # a book already taken (ACS: "In Book; Roe, A., Ed.; Publisher: Place") does not open the text
        book_first = "in" in fields.hints and "container-title" not in fields.variables
        before = split_publisher(before, fields, container_first=book_first)
    if not fields.variables.keys() & {"volume", "issue", "page", "publisher", "publisher-place"}:
        before = _place_and_year(before, fields)
    printed_date = _PRINTED_DATE if month_named else _BRACKETED_YEAR
    before = _drop_printed_date(printed_date, before, fields, text[start:], read_before)
    before = " ".join(before.split()).strip(" ,.;:")  # str.split() splits at exactly the \s characters
    if thesis:
        pieces = [
            p.strip(" ()[]")
            for p in _THESIS_PIECE_END.split(before.replace(thesis.group(0), ""))
            if p.strip(" ,.()[]") and not _UNPUBLISHED.fullmatch(p.strip(" ,.()[]"))
        ]
        if pieces:  # the degree-granting institution; the rest (place, notes) is kept, not dropped
            _take_thesis_institution(pieces, fields)
        before = ""
    if "(pp" in before or _BRACKETED_PP.search(text):
        fields.hints.add("chapter-pages")
    if before and start < len(text):
        before = _title_sentences_before_journal(before, fields)
    if before:
        if _sentence_split_ok(before):
            container, _, rest = before.partition(". ")
        elif _book_then_imprint(before, fields):
            container, _, rest = before.rpartition(". ")
        else:
            container, rest = before, ""
        container = _OPEN_PAGES_AT_END.sub("", container).strip(" ,;:")
        container = take_trailing_numbers(container, fields)
        if container[-1:] in _ROMAN_DIGITS:
            container = _roman_volume(container, text, fields)
        container = _take_container_trailers(container, fields)
        edition = _BRACKETED_EDITION.search(container)
        if edition:  # "Handbook of aging (Seventh Edition)" / "(4th edn)"
            fields.set("edition", edition.group(1))
            container = (container[: edition.start()] + container[edition.end() :]).strip()
        meeting_place = _MEETING_PLACE.match(container) if _meeting_place_last(container) else None
        if meeting_place:  # "Proc. … Conf. on ASPLOS, Santa Clara, CA": where the meeting was held
            fields.set("event-place", meeting_place.group("place"))
            container = meeting_place.group("name")
        if "publisher" in fields.variables and not (
            fields.hints & {"in"} or fields.variables.keys() & {"volume", "issue", "page"}
        ):
            _book_subtitle_or_leftover(container, fields)
        elif "container-title" in fields.variables:  # taken with its editors: this is the publisher
            body = (
                PUBLISHER_WORDS.search(container)
                or BODY_PIECE.match(", " + container)
                or ("in" in fields.hints and _imprint_name(container))
            )
            if "publisher" not in fields.variables and body:
                fields.set("publisher", container)
            else:
                fields.leftovers.append(container)
        elif "publisher" in fields.variables:
            fields.set("container-title", container)
        elif (
            (PUBLISHER_WORDS.search(container) or "report" in fields.hints)
            and (not _looks_like_journal(container, fields) or _report_institution(container, fields))
            and not _proceedings_in(container, fields)
        ):
            # "Wadsworth Publishing Company, Belmont, California": with its year gone, the place reads
            had_place = "publisher-place" in fields.variables
            remainder = split_publisher(container, fields)
            if "publisher" not in fields.variables:
                if not had_place:
                    fields.variables.pop("publisher-place", None)
                fields.set("publisher", container)
            elif remainder.strip(" ,.;"):
                fields.leftovers.append(remainder)
        elif _bare_imprint(container, fields):
            # "Thames and Hudson, 1982." / "Promodis." / "Saskatoon.": a book's tail with no numbers
            if is_place(container):
                fields.set("publisher-place", container)
            else:
                fields.set("publisher", container)
        elif _no_sign_of_a_container(container, fields):
            if "publisher-place" in fields.variables and not (
                fields.hints & {"in"} or fields.variables.keys() & {"volume", "issue", "page"}
            ):  # "Title. Its Subtitle Sentence, Wien, 1976": a place with no publisher still ends a book
                _book_subtitle_or_leftover(container, fields)
            else:
                fields.leftovers.append(container)
        else:
            fields.set("container-title", container)
        if rest:
            rest = rest.strip(" .,;")
            if rest and "publisher" not in fields.variables and PUBLISHER_WORDS.search(rest):
                fields.set("publisher", rest)
            elif rest and "publisher-place" not in fields.variables and is_place(rest):
                fields.set("publisher-place", rest)  # "Book, hg. von Karl Doe, München 1992": the place
            elif rest:
                fields.leftovers.append(rest)
    if after:
        after = _drop_printed_date(printed_date, after, fields).strip(" ,.;:()")
        if after and not _NO_WORDS.fullmatch(after):
            # APA 7 chapters: "In A. Roe (Ed.), Book (pp. 4–9). Peter Lang." — the bare name is the publisher
            named = PUBLISHER_WORDS.search(after) or (
                "in" in fields.hints
                and _imprint_name(after)
                and "," not in after  # "Orlando, FL", "Padua, Italy": where the meeting was held
                and not is_place(after)
                and not _ROLE_CUE.search(after)
            )
            if "publisher" not in fields.variables and named:
                place, stop, publisher = after.partition(". ")
                pieces = [piece.strip() for piece in place.split(",")]
                known = is_place(pieces[0]) or (len(pieces) == 2 and is_region(pieces[1]))
                if stop and known and "publisher-place" not in fields.variables and publisher[:1].isupper():
                    after = publisher  # "pp. 3-9. San Jose, CA. Widget Press.": the place's sentence first
                    fields.set("publisher-place", place)
                fields.set("publisher", after)
            else:
                fields.leftovers.append(after)


# "Operations Research, VI (1958)", "Word & World XIV:4 (1994)": a roman volume after the journal's name,
# set off by a comma or followed by the issue (not "Lunar and Planetary Science XXI", "Paris II": names)
_ROMAN_DIGITS = frozenset("IVXLC")
_ROMAN_VOLUME_AT_END = re.compile(
    r"(?:(?P<comma>,)\s*|\s+)(?P<volume>(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))$"
)


def _roman_volume(container: str, text: str, fields: Fields) -> str:
    """A roman volume at the end of ``container`` is taken (the issue after its colon was read as the
    volume: "XIV:4 (1994)" gives volume XIV, issue 4)."""
    match = _ROMAN_VOLUME_AT_END.search(container)
    if match is None:
        return container
    roman, volume = match.group("volume"), fields.variables.get("volume")
    if volume is None and match.group("comma"):
        fields.set("volume", roman)
    elif (
        volume
        and "issue" not in fields.variables
        and len(roman) > 1
        and re.search(rf"\b{roman}\s*:\s*{re.escape(volume)}\b", text)
    ):
        fields.variables["volume"] = roman
        fields.set("issue", volume)
    else:
        return container
    return container[: match.start()]


_PAGE_AFTER_IMPRINT = re.compile(r"\)\s*,\s*(?P<page>[A-Za-z]?\d{1,5}(?:\s*[-–]\s*[A-Za-z]?\d{1,5})?)\s*\.?$")


# a full stop after a whole word (not an abbreviation such as "Bot." or "Physiol."), before a capital
_TITLE_SENTENCE_END = re.compile(r"(?<![\w.])(?P<word>[^\W\d_]{3,}|[IVX]{1,4})[.?!]\s+(?=[A-ZÀ-ÖØ-Þ])")
_ROMAN = re.compile(r"[IVX]{1,4}")
_ROLE_CUE = re.compile(
    r"\b(?:trans|transl|translated|tradu[cç]\w*|traduit|übers\w*|ed|eds|edited|hrsg|hg|a cura di|dir|coord)"
    r"\b\.?",
    re.I,
)


def _continue_title(fields: Fields, sentence: str) -> None:
    """The title's next sentence, found after its first one was taken."""
    title = fields.variables["title"]
    fields.variables["title"] = title + (" " if title.endswith(("?", "!", ".")) else ". ") + sentence


def _may_end_a_title(text: str) -> bool:
    """No source's name or imprint (periodical or publisher words, a digit) and no translator's or
    editor's note: text that can be the end of a title."""
    return not _names_a_source(text) and not _ROLE_CUE.search(text)


def _book_subtitle_or_leftover(text: str, fields: Fields) -> None:
    """Between a book's title and its imprint: a prose sentence ("Eine Einführung in die Praxis") is the
    title's second sentence; a series, edition, translator or medium note stays unplaced."""
    text = _PUNCTUATION_RUN.sub(r"\1", text)  # what a taken imprint left behind: "soignants. , . 172 p."
    sentence, _, rest = text.partition(". ")
    words = sentence.split()
    if (
        "title" in fields.variables
        and "quoted-title" not in fields.hints
        and 2 <= len(words) <= 15
        and (PROSE_WORD.search(sentence) or _title_case_subtitle(sentence, words))
        and _may_end_a_title(_YEAR_IN_WORDS.sub(" ", sentence))
        and not _SERIES_CUE.search(sentence)
        and not is_place(sentence)
    ):
        _continue_title(fields, sentence)
        text = rest
    if text.strip(" .,;:"):
        fields.leftovers.append(text)


_PUNCTUATION_RUN = re.compile(r"([.,;:])(?:\s*[.,;:])+")


def _title_case_subtitle(sentence: str, words: list[str]) -> bool:
    """ "Age, Gender and Daily Survival in Montreal": four or more words in title case that name no
    series, meeting or place."""
    return (
        len(words) >= 4
        and sentence[:1].isupper()
        and not _SERIES_NAME.search(sentence)
        and not CONFERENCE.search(sentence)
        and not any(is_place(piece.strip().split(" and ")[-1]) for piece in sentence.split(","))
    )


# words that name a series rather than a subtitle: "The Pelican Commentaries", "Studies in Linguistics"
_SERIES_NAME = re.compile(
    r"\b(?:Series|Studies|Library|Commentary|Commentaries|Texts|Monographs?|Papers|Classics|Handbooks?|"
    r"Lectures|Notes|Collection|Bibliotheca|Supplements?|Contributions|Beiträge|Schriften|Cahiers|Travaux)\b"
)
_SERIES_CUE = re.compile(
    r"[()\[\]/]|\b(?:[Ss]eries|[Ss]érie|[Rr]eihe|[Cc]oll|[Cc]ollection|[Vv]ol|[Bb]d|Print|Web|[Rr]eports?|"
    r"[Rr]evised|[Rr]eprint\w*|[Ee]xpanded|[Pp]resented|[Pp]oster|[Mm][ée]moire|[Tt]hes[ei]s|[Dd]issertation|[Ee]dition|[ÉéEe]d|[Ee]dn|Aufl\w*)\b"
)


def _title_sentences_before_journal(text: str, fields: Fields) -> str:
    """ "Title. IV. Svensk Bot. Tidskr. 26: 431" / "Title. Second sentence. Fauna of Arabia 1: 184": when
    numbers follow, the last sentence before them is the journal and earlier ones end the title."""
    if "title" not in fields.variables or fields.hints & {"in", "quoted-title"} or EDITOR_MARK.search(text):
        return text
    cut = 0
    for boundary in _TITLE_SENTENCE_END.finditer(text):
        word = boundary.group("word")
        if word.lower() not in ABBREVIATIONS and (
            word[0].islower()
            or _ROMAN.fullmatch(word)
            or (len(word) >= 6 and word[-1] in "aeiouys")
            # "… Evidence from Spain. Journal": a name after a lower-case word, which no abbreviated
            # journal's words follow ("Svensk Bot.")
            or (
                len(word) >= 4
                and word not in JOURNAL_ABBREVIATIONS
                and after_a_lower_case_word(text, boundary.start())
            )
        ):
            cut = boundary.end()
    named_periodical = False
    if not cut:  # "L'exploitation de la réserve au IXe siècle, Annales d'histoire": a journal after a comma
        numbers_at_end = _NUMBER_PIECES_AT_END.search(text)  # "…, Annales, 6": the journal before them
        comma = text.rfind(", ", 0, numbers_at_end.start() if numbers_at_end else len(text))
        named_periodical = bool(comma > 0 and PERIODICAL_ANY_CASE.search(text, comma))
        if (
            comma > 0
            and (named_periodical or JOURNAL_WORDS.search(text, comma))
            and PROSE_WORD.search(text, 0, comma)
        ):
            cut = comma + 2
        elif (
            comma > 0
            and "title-comma" not in fields.hints
            and prose_then_name(text[:comma], text[comma + 2 : numbers_at_end.start()])
        ):
            cut, named_periodical = comma + 2, True
    journal, continuation = text[cut:].strip(), text[:cut].rstrip(" ,")
    if not cut or not _may_end_a_title(continuation):
        return text
    if not (named_periodical or journal_like(journal) or _sentence_case_journal(journal, continuation)):
        return text
    if not (_ROMAN.fullmatch(continuation.strip(" .")) or PROSE_WORD.search(continuation)):
        return text  # "Geophys. J. R. Astr. Soc.", "IEEE Aerospace and Electronic Systems. Tutorials"
    _continue_title(fields, continuation.strip(" ."))
    return journal


_SHORT_NAME = re.compile(r"[^\W\d_][^\d.;:]{1,60}")  # "L’école des parents", "Education comparée (série)"


def _sentence_case_journal(journal: str, continuation: str) -> bool:
    """ "Title. Une approche comparative. Education comparée, 6, 69-90": after a sentence of prose (two
    lower-case words), a short name in sentence case that the numbers follow is the journal."""
    return (
        len(journal.split()) <= 5
        and journal[:1].isupper()
        and _SHORT_NAME.fullmatch(journal) is not None
        and len(PROSE_WORD.findall(continuation)) >= 2
    )


# the last ", Capital" of a title: "Chapter here, Proceedings of the 4th Conference, 2nd edition"
_BOOK_AFTER_COMMA = re.compile(r",\s+(?=[A-Z][a-z]*(?:\s+\S+){2})(?!.*,\s+[A-Z])")
_CHAPTER_PAGES = re.compile(r"\bpp\.?\s*\d")


def _split_chapter_from_book(fields: Fields) -> None:
    """Anesthesiology: "Roe J: Chapter here, Book of Things. Edited by Doe B. Place, Publisher, 1999, pp
    5–9" — with "Edited by" opening the tail and pages in it, the title sentence holds the chapter and,
    after its last comma before a capital, the book (an edited book alone, "The Essayes or Counsels,
    Civill and Morall. Ed. Kiernan. Oxford: Clarendon, 1985", has no pages)."""
    title = fields.variables.get("title") or ""
    split = _BOOK_AFTER_COMMA.search(title) if ", " in title else None
    if split and len(title[: split.start()].split()) >= 2 and not _NUMBERED_PART.search(title):
        fields.variables["title"] = title[: split.start()]
        fields.set("container-title", title[split.end() :])
        fields.hints.add("in")


_NUMBERED_PART = re.compile(r"\b(?:vol|vols|volume|Bd|t|tome|no|part|pt)\.?\s*\d", re.IGNORECASE)


def _imprint_name(text: str) -> bool:
    """ "North-Holland", "Palgrave Macmillan": what follows a book's editors ("In Book, edited by A. Roe.
    North-Holland."), a short capitalised name with no numbers, periodical or meeting words."""
    words = text.strip(" .,;").split()
    return (
        1 <= len(words) <= 5
        and words[0][:1].isupper()
        and not DIGIT.search(text)
        and not JOURNAL_WORDS.search(text)
        and not CONFERENCE.search(text)
        and not _SERIES_CUE.search(text)
    )


def _names_a_source(text: str) -> bool:
    """Periodical or publisher words, or a digit: a source's name or imprint, not the end of a title."""
    return bool(JOURNAL_WORDS.search(text) or PUBLISHER_WORDS.search(text) or DIGIT.search(text))


_BRACKETED_EDITION = re.compile(r"\s*\(([\w.]+)\s+(?:ed\.?|edn\.?|edition|Edition|Auflage)\)?", re.IGNORECASE)
_MEETING_PLACE = re.compile(
    r"^(?P<name>.*?[^,]{8,}),\s*(?P<place>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,2}"
    r"(?:,\s*(?:[A-Z]{2}|[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]+)?))?)$"
)


def _meeting_place_last(container: str) -> bool:
    """What _MEETING_PLACE needs, tested before its slow lazy name: a conference's name, and a capital
    (the place's or its region's) after the last comma."""
    _, comma, last = container.rpartition(",")
    if not comma or _CAPITAL.match(last.lstrip()) is None:
        return False
    return CONFERENCE.search(container) is not None


_NOT_A_PUBLISHER = re.compile(
    r"[()\[\]]|\b(?:[Pp]reprint|[Tt]alk|[Pp]resented|[Pp]ress release|[Tt]h[eè]se|[Ss]ubmitted|"
    r"[Mm]anuscript)\b"
)


_LINK_WORDS = re.compile(
    r"(?i)(?:available\s+)?(?:at|from|on|in|via|unter|sur|en)|retrieved(?:\s+from)?|online"
)
# the status closing a container, or its own sentence before a note ("J Widg. In press. Equal authors."); a
# "submitted" or "accepted" only set off by punctuation ("Journal of Widgets (submitted)", "…. Submitted")
_IN_PRESS = re.compile(
    rf"(?:[,.]?\s*\(?\b(?:{NOT_YET_PUBLISHED})|(?:[,.]\s*\(?|\s*\()(?:submitted|accepted))\)?"
    r"(?:\s*$|\.\s+(?P<note>\S.*)$)",
    re.IGNORECASE,
)
# what every reading of _IN_PRESS holds (no "i" or "s": "ı" and "ſ" match them in any case)
_IN_PRESS_CUES = ("pre", "forthcom", "druck", "appear", "ubmit", "ccept")
_BRACKETED_RANGE = re.compile(r"\s*\((?P<page>\d{1,5}\s*[-–]\s*\d{1,5})\)\s*$")
_TRAILING_MONTH = re.compile(
    rf"[.,;]\s*(?:(?:{MONTH_PATTERN})\.?|\d(?:er|e|st|nd|rd|th)\s+(?:trimestre|semestre|quarter))\s*$", re.I
)


def _take_container_trailers(container: str, fields: Fields) -> str:
    """What trails a journal's or book's name but is no part of it: "J Neural Eng, in press" (status),
    "Facing the limits (443-464)" (pages), "Cancer. Jan" / ", 1er trimestre" (a date already read)."""
    status = _IN_PRESS.search(container) if mentions(container.lower(), _IN_PRESS_CUES) else None
    if status:  # "In press." alone after the title: a status and no container
        note = status.group("note")
        printed = container[status.start() : status.start("note") if note else None]
        fields.set("status", printed.strip(" ,.()"))
        if note:  # "These authors contributed equally."
            fields.leftovers.append(note)
        container = container[: status.start()]
    pages = _BRACKETED_RANGE.search(container)
    if pages and looks_like_year_span(pages.group("page")):
        pages = None  # "Polyclinique (1887-1888)": years, part of the name
    if pages and pages.start() > 0 and "page" not in fields.variables:
        fields.set("page", pages.group("page"))
        container = container[: pages.start()]
    month = _TRAILING_MONTH.search(container)
    if month and month.start() > 0 and fields.issued is not None:
        container = container[: month.start()]
        name, semicolon, place = container.rpartition(";")
        if semicolon and is_place(place.strip()):  # ProQuest's "Harvard Business Review; Boston; Jan"
            fields.leftovers.append(place.strip())
            container = name
    if _LINK_WORDS.fullmatch(container.strip(" ,;:.")):
        return ""  # "Retrieved on November 11, 2015 at <URL>": what the URL and date left behind
    return container.strip(" ,;:")


def _proceedings_in(text: str, fields: Fields) -> bool:
    """ "in Proceedings of the 21st Meeting of the Institute of Widgets (IW 2008), …, pp. 3-9": a meeting's
    proceedings after "In" (or a meeting named without it: "Widget Society, 1995 Annual Meeting, pp. A-3"),
    with pages, is the container though a publisher's word ("Institute", "Society") is in it (not DIN's
    "In: Proceedings of X : Widget Verlag, 2021": the publisher after a colon)."""
    return (
        ("in" in fields.hints or _MEETING_WORD.search(text) is not None)
        and "page" in fields.variables
        and ":" not in text
        and CONFERENCE.search(text) is not None
    )


def _bare_imprint(text: str, fields: Fields) -> bool:
    """A short name standing alone after a title, with no numbers, "In" or editors around it: in
    practice a book's publisher or place, not a journal (which would come with a volume or pages)."""
    return (
        not fields.variables.keys() & {"volume", "issue", "page", "URL", "DOI", "status"}
        # a quoted title or a day of the month belongs to an article, in a newspaper or magazine
        and not fields.hints & {"in", "thesis", "report", "quoted-title"}
        and (fields.issued is None or fields.issued.month is None)
        and not _NOT_A_PUBLISHER.search(text)
        and not fields.editor
        and len(text.split()) <= 6
        and ". " not in text
        and not JOURNAL_WORDS.search(text)
        and not CONFERENCE.search(text)
        and not DIGIT.search(text)
        # "Personality and social psychology bulletin": a journal in sentence case, no publisher
        and not PERIODICAL_ANY_CASE.search(text)
    )


_NUMBER_PIECES_AT_END = re.compile(r"(?:,\s*\d+[A-Za-z]?)*\s*$")
_UNPUBLISHED = re.compile(r"(?i)unpublished|non publiée?|unveröffentlicht|inédit[ea]?")


_SHORT_ABBREVIATIONS = re.compile(r"\b[A-Z][a-z]{0,5}\.\s+[A-Z][a-z]{0,5}\.")  # "Adv. Eng. Mater."


def _no_sign_of_a_container(text: str, fields: Fields) -> bool:
    """The last sentence of a book-like reference ("Report 12-B. Washington, D.C.", "Prepared for the
    Navy") is no container unless something says so: an "In", a quoted title, numbers or an identifier,
    a day and month (periodicals), "in press", or a periodical's or meeting's name."""
    return (
        not fields.hints & {"in", "online", "quoted-title"}
        and not fields.variables.keys() & {"volume", "issue", "page", "DOI", "PMID", "status"}
        and (fields.issued is None or fields.issued.month is None)
        and not PERIODICAL_ANY_CASE.search(text)
        and not JOURNAL_WORDS.search(text)
        and not CONFERENCE.search(text)
        and not _SHORT_ABBREVIATIONS.search(text)
    )


def _report_institution(text: str, fields: Fields) -> bool:
    """A report's issuing body, though a periodical word is in its name ("Computer Science Department")."""
    return (
        "report" in fields.hints
        and not fields.variables.keys() & {"volume", "issue"}
        and INSTITUTION.search(text) is not None
    )


# a thesis's tail breaks at commas and sentence ends, not at "Dept." or "Univ." nor an initial's stop
_THESIS_PIECE_END = re.compile(r",\s+|(?<!\bDept)(?<!\bUniv)(?<!\bInst)(?<![\s.][A-Z])\.\s+")
_UNIVERSITY = re.compile(r"\b(?:Univ(?:ersit\w*|\.|\b)|College\b)")


def _take_thesis_institution(pieces: list[str], fields: Fields) -> None:
    """The institution granting the degree, with its department or school before it ("Department of
    Physics, Widget University", "DIKU, University of Roeby"); a place after it ("Waterloo, Ontario")."""
    count = 1
    if (
        len(pieces) > 1
        and _UNIVERSITY.search(pieces[1])
        and not _UNIVERSITY.search(pieces[0].replace("College", ""))  # "Teachers College, … University"
        and (INSTITUTION.search(pieces[0]) or pieces[0].isupper())
    ):
        count = 2
    fields.set("publisher", ", ".join(pieces[:count]))
    rest = pieces[count:]
    place = 0
    if rest and (
        is_place(rest[0]) or (len(rest) > 1 and is_region(rest[1]) and _PLACE_NAME.fullmatch(rest[0]))
    ):
        place = 1
        while place < min(len(rest), 3) and is_region(rest[place]):
            place += 1
        fields.set("publisher-place", ", ".join(rest[:place]))
    fields.leftovers.extend(rest[place:])


_PLACE_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,2}")


def _looks_like_journal(text: str, fields: Fields) -> bool:
    return bool(fields.variables.keys() & {"volume", "issue"}) or JOURNAL_WORDS.search(text) is not None


_WHOLE_WORD_AT_END = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][a-zß-ÿ]{3,}$")


def _book_then_imprint(text: str, fields: Fields) -> bool:
    """After "In": "Database Machines. Kluwer Academic Publishers" — the book's title, then a last sentence
    that names its publisher or place (the title's last word is a whole word, no abbreviation)."""
    if "in" not in fields.hints or ". " not in text:
        return False
    head, _, last = text.rpartition(". ")
    word = _WHOLE_WORD_AT_END.search(head)
    if word is None or word.group(0) in JOURNAL_ABBREVIATIONS or PUBLISHER_WORDS.search(head):
        return False
    pieces = [piece.strip() for piece in last.split(",")]
    if PUBLISHER_WORDS.search(pieces[0]):
        return True  # "Kluwer Academic Publishers"
    # "Kluwer, Boston", "Springer, Berlin, Springer-Verlag" — not a subtitle ("Histoire et mémoires, Paris")
    named = PUBLISHER_WORDS.search(last) is not None or is_place(pieces[-1])
    return named and all(piece_word[:1].isupper() for piece_word in pieces[0].split())


def _sentence_split_ok(text: str) -> bool:
    """A ". " inside the container part separates container from publisher — unless it is an abbreviation."""
    match = _WORD_STOP_CAPITAL.search(text) if ". " in text else None  # the pattern needs a ". "
    return match is not None and len(match.group(1)) > 4 and not match.group(1)[0].isupper()


def series_of_a_book(fields: Fields) -> None:
    """ "Kwakiutl Culture. Memoirs of the American Folk-lore Society 28. New York: Stechert": with a
    publisher and its place, no pages or issue and no "In", the named numbered thing is the book's
    series (collection-title, collection-number), not a journal."""
    variables = fields.variables
    if (
        {"container-title", "volume", "publisher", "publisher-place"} <= variables.keys()
        and not variables.keys() & {"page", "issue"}
        and not fields.hints & {"in"}
        and not fields.editor
    ):
        variables["collection-title"] = variables.pop("container-title")
        variables["collection-number"] = variables.pop("volume")


def container_only(fields: Fields) -> None:
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
