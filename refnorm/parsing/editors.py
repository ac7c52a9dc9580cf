"""Editors in the tail: "In: Names (Eds.)", "edited by Names", "Names, ed.", German "In: Names:"."""

from __future__ import annotations

import re

from refnorm.lexicon import is_place
from refnorm.names import parse_names
from refnorm.parsing.authors import author_end, names_ok
from refnorm.parsing.scratch import DIGIT, Fields
from refnorm.parsing.title import EDITED_BY

__all__ = [
    "BODY_PIECE",
    "EDITOR_MARK",
    "editor_names_end",
    "take_editors",
    "take_marked_editors",
    "take_series",
    "take_translators",
]

# the words that mark editors, in the languages the lists use (English, German, French, Spanish)
_EDITOR_WORDS = r"eds?|editors?|hrsg|hgg?|éds?|dirs?|sous la dir(?:ection)?|coords?|comps?"
EDITOR_MARK = re.compile(
    rf"\s*[(\[]?\b(?:{_EDITOR_WORDS}|\(hrsg)\b\.?(?:\s*[)\]])?\s*[.,:]?\s*",
    re.IGNORECASE,
)


# Nature: "in Book Title (eds Roe, S. B. & Doe, S. F.) 240–249 (Esempio, 2020)" — the names inside the bracket
# German "In: Book (Hrsg. Carl Doe), Bonn", French "Book (sous la dir. de Sam Doe)"
_NAMES_IN_EDITOR_BRACKET = re.compile(
    r"\s*\((?i:eds?|hrsg|hgg?|sous la dir(?:\.|ection)\s+d[e'’])\.?:?\s*(?P<names>[^()]{3,200}?)\)"
)


def take_editors(text: str, fields: Fields, *, german_colon: bool = False) -> str:
    """After "In", a list of editors ended by "(Eds.)", "editors.", "(Hrsg.)": take it; or Nature's
    "Book (eds Names)" after the book's title."""
    between = _semicolon_editors(text, fields)  # first: "Widget Chemistry; Doe, C., Eds." is no name list
    if between is not None:
        return between
    inside = _NAMES_IN_EDITOR_BRACKET.search(text, 0, 400) if "(" in text else None
    if inside and inside.start() > 0 and names_ok(inside.group("names")):
        fields.editor = parse_names(inside.group("names")).names
        return (text[: inside.start()] + text[inside.end() :]).strip()
    for mark in EDITOR_MARK.finditer(text[:400]):
        candidate = text[: mark.start()].strip(" ,")
        comma_ed = text[: mark.start()].rstrip().endswith(",") and mark.group(0).rstrip().endswith(".")
        if comma_ed and _edited_by_after_book(text, mark.end()):
            return text  # "In Theorizing Film, ed. Mia Doe, 1-11": the book, then its editors
        if candidate and (
            names_ok(candidate)
            or _name_list_before_mark(candidate)
            or (
                mark.group(0).strip().startswith("(")
                and ")" in mark.group(0)  # "(Hrsg.)", not "(sous la dir. de S. Doe)"
                and len(candidate) < 200
                and not DIGIT.search(candidate)
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
        if names_ok(candidate, strict=False):
            fields.editor = parse_names(candidate).names  # a dropped "u.a." is not recorded: CSL has no place
            return text[colon + 2 :]
    return text


def _name_list_before_mark(candidate: str) -> bool:
    """ "In Hitoshi Doe, Kazushi Poe eds. Book": before an editor mark, given-name-first names in a
    list are names, though without the mark "Doe, Kazushi" could open an inverted name."""
    return ("," in candidate or " and " in candidate) and names_ok(candidate, strict=False)


def _edited_by_after_book(text: str, comma_ed_end: int) -> bool:
    """Chicago's "Book Title, ed. Mia Doe and Al Poe, 1-11": an unbracketed ", ed." ending at
    ``comma_ed_end`` with names right after it means "edited by" — the words before it are the book's."""
    names = _NAMES_BEFORE_PAGES.match(text, comma_ed_end)
    return names is not None and names_ok(names.group(1))


# "Mia Doe and Al Poe, 1-11." / "Mia Doe. London:": names up to pages or the imprint's sentence
# "Mia Doe, A.C. Poe, and Carla Hoe. 116-132." (a stop after a name, not after an initial)
_NAMES_BEFORE_PAGES = re.compile(r"([^\d;:()]{3,200}?)(?:,\s*(?:pp?\.\s*)?\d|(?<![A-Z])\.\s)")


_PLACE_WORDS = re.compile(r"[^\d,.;:()]*")  # "Göttingen" of "Göttingen 2012, S. 3"
_AND_OTHERS = re.compile(r"\s*,?\s*(?:u\.\s?a\.|et al\.|u\.\s?a\.\s?m\.)\s*$")


def editor_names_end(text: str) -> int:
    """Where names after "edited by" end: before a year, a stop, or a body ("…, British Film Institute")."""
    end = author_end(text)
    stop = text.find(". ", 0, end)
    if stop > 0 and is_place(_PLACE_WORDS.match(text, stop + 2)[0]) and names_ok(text[:stop], strict=False):
        end = stop  # German "Hg. Eva Doe, Carl Poe. Göttingen 2012": the names end before the place
    bracket = text.find(" (")
    if bracket > end and names_ok(text[:bracket]):
        # "ed. Benjamin Roe (Jerusalem: Massada, 1963)", ApJ's "ed. L. Roe, R. Doe, & E. Poe (Place: Pub)":
        # the names up to the bracket
        end = bracket
    if not end:  # "(edited by Simon Roe and Jon Doe), pp. 3-9": the names up to the closing bracket
        closing = text.find(")")
        end = closing if closing > 0 and names_ok(text[:closing]) else 0
    body = BODY_PIECE.search(text, 0, end) if end else None
    return body.start() if body else end


BODY_PIECE = re.compile(
    r",\s*(?=[^\W\d][^,.]*\b(?:Institute|Society|Association|Council|Cent(?:re|er)|Foundation|Museum|Survey|"
    r"Press|University|Publish\w*|Verlag|Books)\b)"
)


_BRACKETED_EDITOR_MARK = re.compile(rf"\s*\((?:{_EDITOR_WORDS})\.?\)[.,:]?", re.IGNORECASE)
_NAMES_START = re.compile(r"(?:^|[.,:;]\s+|\b(?:in|In|dans|en|In:)\s+)")


# "Ann Roe, ed. Book Title" / "Roe, A. and Poe, B., eds., Book Title": editors opening the tail
_OPENING_EDITORS = re.compile(rf"(?P<names>[^()]{{3,200}}?),\s*(?i:{_EDITOR_WORDS})\.(?:,|\s)\s*(?=\S)")


# APA: "(M. Roe, J. C. Doe & W. B. Poe, Eds.) Book Title"
_BRACKETED_EDITORS = re.compile(rf"\((?P<names>[^()]{{3,200}}?),?\s*\b(?i:{_EDITOR_WORDS})\.?\)[.,]?\s*")
# "G. Roe ed., 155-185"; Science's "Book, M. Roe, S. Doe, Eds., pp. 3–9" once its bracketed imprint is out;
# IEEE's "in Book, M. Roe and S. Doe, Eds., Place: Publisher, 2000", Science's "Book, M. Roe, Ed. (2009)";
# AAA's "In Book. Carl Roe, ed. Pp. 23–63"; "In: Book, Doe G.W and D.E. Poe Eds., Third Edition" (not inside a
# bracket: "(Q. Roe, & G. Doe, Eds., & Trans.)")
_CLOSING_ED = re.compile(
    r"\s+eds?\.(?=[,;]\s)|(?<=[\w.])\s+Eds?\.(?=[,;]\s)(?![^()]*\))"
    r"|,\s*Eds?\.(?=,\s*pp?\.\s*\d)|,\s*eds?\.(?=\s+Pp?\.\s*\d)"
)
_CLOSING_ED_AFTER_IN = re.compile(rf"{_CLOSING_ED.pattern}|,\s*Eds?\.(?=,\s|\s*\(|\s*$)")  # with "In" only


_EDITION_AFTER_BOOK = re.compile(r",\s*(\d+(?:st|nd|rd|th)|[Rr]ev)\.?\s+edn?\.$")


# ACS: "In Book Title; Roe, A., Doe, B., Eds.; Series 12; Publisher: Place, 2004": the names between
# semicolons, closed by ", Ed." / ", Eds."
_SEMICOLON_EDITORS = re.compile(r";\s+(?P<names>[^()]{3,200}?),\s*(?i:eds?)\.\s*(?:;\s*|$)")


_SERIES_PIECE = re.compile(
    r"(?P<series>[^;:()]{0,80}\b(?:Series|Ser\.)(?:\s+in\s+[^;:(),]{3,60})?)"
    r"(?:,?\s*(?:Vol\.|No\.)?\s*(?P<number>\d{1,5}))?\s*;\s*"
)


def _semicolon_editors(text: str, fields: Fields) -> str | None:
    """ACS's "Book; Roe, A.; Doe, B., Eds.; Series 12; …": editors, book and series taken, the rest
    returned; None when the text has no such editors."""
    between = _SEMICOLON_EDITORS.search(text) if ";" in text and (", Ed" in text or ", ed" in text) else None
    if between is None or not names_ok(between.group("names")):
        return None
    fields.editor = parse_names(between.group("names")).names
    fields.hints.add("in")
    book, rest = text[: between.start()].strip(), text[between.end() :]
    if not book or DIGIT.search(book):
        return (book + "; " + rest).strip(" ;")
    fields.set("container-title", book)
    return take_series(rest, fields)


def take_series(text: str, fields: Fields) -> str:
    """ACS's series piece ending in a semicolon ("…, Eds.; ACS Symposium Series 892; Publisher", "Title;
    Optics Series; Elsevier"): the book's series and number, taken from the start of ``text``."""
    series = _SERIES_PIECE.match(text) if ";" in text and "Ser" in text else None
    if series is None:
        return text
    fields.set("collection-title", series.group("series"))
    fields.set("collection-number", series.group("number"))
    return text[series.end() :]


def take_marked_editors(text: str, fields: Fields) -> str:
    """ "…, in Katherine Ragsdale (ed.), Boundary Wars" — names right before a bracketed editor mark;
    or names opening the tail, closed by ", ed." without brackets; or ACS's "Book; Roe, A., Ed.; …"."""
    between = _semicolon_editors(text, fields)
    if between is not None:
        return between
    opening = _OPENING_EDITORS.match(text)
    if opening and opening.group(0).rstrip().endswith(".") and _edited_by_after_book(text, opening.end()):
        opening = None  # "Theorizing Film, ed. Mia Doe, 1-11": no editors open the tail, a book does
    opening = opening or _BRACKETED_EDITORS.match(text)
    if opening and names_ok(opening.group("names")):
        fields.editor = parse_names(opening.group("names")).names
        fields.hints.add("in")
        return text[opening.end() :]
    closing_ed = _CLOSING_ED_AFTER_IN if "in" in fields.hints else _CLOSING_ED
    closings = closing_ed.finditer(text) if " ed" in text or "Ed" in text else ()
    for closing in closings:  # "In Knowledge Through Signs. G. Roe ed., 155-185": names closed by "ed."
        for start in _NAMES_START.finditer(text, max(0, closing.start() - 120), closing.start()):
            candidate = text[start.end() : closing.start()]
            if candidate.strip() and names_ok(candidate):
                fields.editor = parse_names(candidate).names
                book = text[: start.start()].strip()
                edition = _EDITION_AFTER_BOOK.search(book)
                if edition:  # IEEE: "in Book, 2nd ed., M. Roe, Ed., …"
                    fields.set("edition", edition.group(1))
                    book = book[: edition.start()]
                if "in" in fields.hints and text[start.start()] == "," and book and "," not in book:
                    # "in Book, M. Roe, Ed., Esempio, 2000": the book before its editors, the imprint after
                    fields.set("container-title", book)
                    return text[closing.end() :]
                fields.hints.add("in")
                return (text[: start.end()] + text[closing.end() :]).strip()
    bracketed = _BRACKETED_EDITORS.search(text) if "(" in text else None
    if bracketed and names_ok(bracketed.group("names"), strict=False):
        # "in Proceedings of the Tenth Conference, (Ann B. Doe, Ed J. Poe, eds.)": the book's editors
        fields.editor = parse_names(bracketed.group("names")).names
        fields.hints.add("in")
        return (text[: bracketed.start()] + " " + text[bracketed.end() :]).strip(" ,")
    mark = _BRACKETED_EDITOR_MARK.search(text) if "(" in text else None  # the pattern needs a "("
    if not mark or mark.start() == 0:
        return text
    window_start = max(0, mark.start() - 200)
    for start in _NAMES_START.finditer(text, window_start, mark.start()):
        candidate = text[start.end() : mark.start()]
        if candidate.strip() and names_ok(candidate):
            fields.editor = parse_names(candidate).names
            fields.hints.add("in")
            return (text[: start.end()] + text[mark.end() :]).strip()
    return text


# "Trans. Richard Howard.", "translated by Joseph Roe", "trad. Cyril Roe", "übers. von Eva Roe"
_TRANSLATED_BY = re.compile(
    r"(?:^|(?<=[.,;(]\s)|(?<=[.,;(]))\s*(?i:trans(?:l(?:ated)?)?\.?(?:\s+by)?|translated\s+(?:from\s+\w+\s+)?by|"
    r"trad\.|traduit\s+par|traducido\s+por|übers\.(?:\s+v(?:on)?\.?)?|übersetzt\s+von|tłum\.)\s+(?=[A-ZÀ-ÖØ-Þ])"
)


def take_translators(text: str, fields: Fields) -> str:
    """The translators named after "Trans." / "translated by" / "trad.", taken out of ``text``."""
    found = _TRANSLATED_BY.search(text)
    if not found or (found.start() == 0 and text.startswith("Trans") and not text.startswith("Translated")):
        return text  # "Trans. ASM. 52 (1960)" opening the tail is a journal (Transactions), no translator
    after = text[found.end() :]
    editor_cue = EDITED_BY.search(after)
    if editor_cue:  # "trans. Harry Zohn, ed. by Hannah Arendt": the editors are not translators
        after = after[: editor_cue.start()]
    stop = _SENTENCE_STOP.search(after)  # "Trans. Arthur Roe. London, 1584": the names up to the stop
    end = stop.start() if stop and names_ok(after[: stop.start()]) else editor_names_end(after)
    if not end and names_ok(after.rstrip(" .")):
        end = len(after.rstrip(" ."))
    if not end:
        return text
    fields.translator = parse_names(after[:end].rstrip(" .")).names
    before = text[: found.start()].rstrip(" (.,;")
    rest = text[found.end() + end :].lstrip(" .,;)")
    return (before + (". " if before and rest else "") + rest).strip()


_SENTENCE_STOP = re.compile(r"(?<![\s.-][A-ZÀ-ÖØ-Þ])(?<!^[A-ZÀ-ÖØ-Þ])\.\s")  # a stop, not an initial's
