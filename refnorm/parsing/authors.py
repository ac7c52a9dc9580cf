"""Stage 1: the list label and where the author block ends (cues from strongest to weakest)."""

from __future__ import annotations

import re

from refnorm.dates import MONTH_PATTERN, YEAR
from refnorm.lexicon import (
    JOURNAL_ABBREVIATIONS,
    JOURNAL_WORDS,
    NOT_YET_PUBLISHED,
    PUBLISHER_WORDS,
    is_place,
)
from refnorm.model import Name
from refnorm.names import (
    _TITLE_START,
    CAPITALISED_PARTICLES,
    PARTICLES,
    NameList,
    is_body_name,
    is_name_list,
    parse_names,
)

__all__ = [
    "BULLET",
    "CLOSE_FOR",
    "OPEN_QUOTE",
    "SAME_AUTHOR",
    "author_end",
    "body_sentences",
    "names_ok",
    "strip_label",
]

_ET_AL_AT_END = re.compile(r"[\s,]+et\s+al\.?$")
_YEAR_AFTER_NAMES = re.compile(rf"(?:,\s*|\.\s+|\s+)(?={YEAR}[a-z]?\b)")
_SHOUTED = re.compile(r"([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]{2,})\.\s")
# a classical author known by one name, a stop, the work, then its translator or editor: "Ovid. Metamorphoses.
# Trans. A. D. Roe." ("Islam. Baltimore: …" is a one-word title: no translator or editor follows)
_CLASSICAL_AUTHOR = re.compile(
    r"([A-ZÀ-ÖØ-Þ][a-zß-ÿ'’-]{2,})\.\s+(?=[A-ZÀ-ÖØ-Þ].{0,200}?[.,]\s+(?:Trans\.|Translated\s+by|Edited\s+by|Ed\.)\s)"
)


_LABEL = re.compile(
    r"^\s*(?:\[(\d{1,4}[a-z]?|[A-Z][A-Za-z+]{0,7}\d{2,4}[a-z]?)\]\.?"  # "[12]", "[12].", alpha "[Knu84]"
    r"|\((\d{1,4})\)|(\d{1,4})[.)](?!\d)|(\d{1,3})\s*[-–]\s"
    r"|(\d{1,3})[-–](?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ])"  # "16-Roe TJ"
    # "1Roe, P.L., Doe, A.O. and …", "12Roe PL, Doe AO.": the number lost its box in a copy from a PDF;
    # only before a family name (its particles too: "1van der Roe, R.J.") that initials (or a given name
    # after a comma) follow
    # (the family's capital may be from Latin Extended-A: "1Łukowiak, O.F.")
    r"|(\d{1,3})(?=(?:(?:van|von|de|der|den|du|da|di|del|della|dos|le|la|ten|ter)\s)*[A-ZÀ-ÖØ-ÞĀ-ž](?:[a-zß-ÿ]|['’][A-ZÀ-ÖØ-Þ])[\w'’-]*"
    r"(?:,\s?[A-ZÀ-ÖØ-Þ]|\s[A-ZÀ-ÖØ-Þ](?:\.|[A-ZÀ-ÖØ-Þ]{0,2}[\s,.;])))"
    r"|(\d{1,3})\s+(?=[^\W\d])"
    r"|(\d{1,3})(?=[A-ZÀ-ÖØ-Þ]\.\s?[A-ZÀ-ÖØ-Þ]))\s*"  # AIP's superscript number before an initial: "1N. Roe"
)
# "———. Title", "--, Title": the previous entry's authors. A lone bullet or dash ("• Roe, A.", "- Title")
# only marks a list item: the names after it, if any, are this entry's own.
SAME_AUTHOR = re.compile(r"^\s*(?:[-–—_]{2,}|[-–—_]\s?[-–—_]\s?[-–—_]+|—(?=[“\"«„‘\w]))\s*[.,]?\s*")
BULLET = re.compile(r"^\s*[-–•*·▪◦‣]\s+")
_YEAR_PAREN = re.compile(
    rf"[(\[]\s*(?:(?:c\.\s*)?{YEAR}[a-z]?(?:\s*[-/–]\s*\d{{2,4}}[a-z]?)?(?:\s*\[{YEAR}\])?"  # "(1999 [1980])"
    rf"(?:\s*,?\s*[^()\[\]]{{0,30}})?|"
    rf"(?:{MONTH_PATTERN})\.?\s+(?:\d{{1,2}},?\s+)?{YEAR}|"  # "(December 1998)"
    rf"n\.\s?d\.?|s\.\s?d\.?|o\.\s?J\.|{NOT_YET_PUBLISHED}|undated)\s*[)\]]",
    re.IGNORECASE,
)
# Each pattern below that opens with a lookahead of characters lists the characters its every branch
# starts with: that lets a search skip the other positions cheaply and matches exactly the same.
OPEN_QUOTE = re.compile(r"(?=[`\"“„«‘'])(?:(?:^|(?<=[\s,.:;(]))(?:``|[\"“„«])|(?:^|(?<=\s))[‘'](?=[A-Z0-9]))")
CLOSE_FOR = {'"': '"', "“": "”", "„": "“", "«": "»", "‘": "’", "'": "'", "`": "''"}


def strip_label(text: str) -> tuple[str, str]:
    match = _LABEL.match(text)
    if not match:
        return "", text
    label = next(g for g in match.groups() if g)
    return label, text[match.end() :]


_NAME_LIST_WORDS = PARTICLES | {
    "etal",
    "coll",  # "et coll."
    "dan",
    "og",
    "och",
    "and",
    "und",
    "et",
    "al",
    "y",
    "e",
    "a",  # Czech, Slovak
    "alii",  # "et alii"
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
# A digit or a lower-case word that is no particle or list word: names cannot run past it. The pattern
# starts with the digit, space or bracket it takes (the look back tells which), so that a search jumps
# between those characters; a lower-case word at the very start is _LOWER_WORD's.
# (The letter is looked at first: most words are capitalised, and they then skip the list of words.)
# "et al." in other languages ("Roe, A. u. a.:", "Roe A. i in.,", "Roe, A. e.a.", Indonesian "Roe, A., dkk."):
# the list's end, where names may run to
_OTHERS = r"u\.\s?a\.|i\s+in(?:ni)?\b|(?<=\bi\s)in(?:ni)?\b|e\.a\.|m\.\s?fl\.|dkk\b"
_NOT_A_LIST_WORD = rf"(?=[a-zß-ÿ])(?!(?:{'|'.join(sorted(_NAME_LIST_WORDS))})\b|{_OTHERS})[a-zß-ÿ]"
_HARD_STOP = re.compile(rf"[\d\s(](?:(?<=\d)(?![nr]d\b)|(?<=[\s(]){_NOT_A_LIST_WORD})")
_LOWER_WORD = re.compile(_NOT_A_LIST_WORD)


def _hard_stop(text: str) -> int:
    """Where names cannot run past (-1 if nowhere): a digit or a lower-case word that is no list word."""
    if _LOWER_WORD.match(text):
        return 0
    found = _HARD_STOP.search(text)
    return found.start() if found else -1


_AUTHOR_BOUNDARY = re.compile(  # the lookahead of first characters: see OPEN_QUOTE
    r"(?=[.:,;\s])(?:(?<=\S)(?:\.(?=\s)|:(?=\s)|,(?=\s)|;)|(?<=\S)(?=\s(?:1[5-9]|20)\d\d[a-z]?\b))"
)


def names_ok(prefix: str, *, strict: bool = True) -> bool:
    """Is ``prefix`` (everything before a candidate author-block end) a plausible list of names?"""
    return _hard_stop(prefix) < 0 and is_name_list(prefix, strict=strict)


_LONE_AUTHOR = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|of|for|and|&|de|du|des|la))*")
# a sentence ends inside ("Roe JE. Widget Theory Today. Eng Rev. 2016"): a Vancouver name, a Title Case
# title and a journal, not one author
_STOP_INSIDE = re.compile(r"(?:[a-zß-ÿ]{2}|\s[A-ZÀ-ÖØ-Þ]{2,3})\.\s+[A-ZÀ-ÖØ-Þ]")


def _publisher_and_place(prefix: str) -> bool:
    """ "Alain Roe, Le Moyen Âge, Esempio, Paris, 1990", "Roe, Jean, L’illusion, Paris, Éditions Esempio,
    2000": before a comma and the year, a title, a publisher and a known place of one word (in either
    order), which a list without its closing "and" would read as names."""
    pieces = prefix.split(",")
    return len(pieces) >= 3 and any(" " not in piece.strip() and is_place(piece) for piece in pieces[-2:])


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
        and (". " not in text or _STOP_INSIDE.search(text) is None)
    )


# two to six words of letters (no digits), the first capitalised
_BODY_BEFORE_YEAR = re.compile(r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’-])+(?:\s(?:[^\W\d_]|['’-])+){1,5}")


def _body_before_year(prefix: str) -> bool:
    """ "Ministère des transports (2000)": a short body's name in sentence case before "(2000)" is the
    author, though the name grammar reads persons only; so is a body with its parent ("Ministry of
    Health, Government of Kerala (1998)")."""
    text = prefix.strip()
    if _BODY_BEFORE_YEAR.fullmatch(text) is not None and text.split()[0] not in _TITLE_START:
        return True
    pieces = text.split(", ")
    return (
        2 <= len(pieces) <= 3
        and all(_BODY_PIECE.fullmatch(piece.replace(".", "")) for piece in pieces)  # "U.S. Department of …"
        and any(_BODY_WORD.search(piece) for piece in pieces)
    )


def body_sentences(block: str) -> NameList | None:
    """The author block "Ministry of Roads. Bureau of Bridges." as one body (None when it is no such block):
    the name grammar would read its stops as the ends of names."""
    if ". " not in block.strip() or not _bodies_before_year(block):
        return None
    return NameList((Name(literal=block.strip(" .,")),))


def _bodies_before_year(prefix: str) -> bool:
    """APA: "Ministry of Roads. Bureau of Bridges. (2011).", "Erewhon. Department of Health. (1999).": a body
    and its parents, a sentence each, are one author before the bracketed year (the title follows it)."""
    pieces = prefix.strip().rstrip(".").split(". ")
    return (
        2 <= len(pieces) <= 4
        and all(_BODY_PIECE.fullmatch(piece.replace(".", "")) for piece in pieces)  # "U.S. Department of …"
        and any(_BODY_WORD.search(piece) for piece in pieces)
    )


# where a body's name at the start may end: a stop or colon, a comma (strong before a quote or a year),
# a year
_BODY_END = re.compile(rf"[.:,]\s|\s(?=[(\[]?{YEAR}\b)")
_QUOTE_OR_YEAR = re.compile(rf"[“\"«‘'„]|[(\[]?{YEAR}\b")
_BODY_CHARACTERS = re.compile(r"[^\W\d_](?:[^\W\d_]|['’&,\s-]){0,100}")  # letters only: no digit


def _leading_body(head: str) -> int:
    """ "Committee on Widget Policy. 1908.", "Ministry of Health, Government of Erewhon, “Title”": a body's
    name that the name grammar reads (lower-case words and all) opens the reference, before a stop, a
    colon, a year or a quoted title; each further comma piece names a body too ("State of Erewhon")."""
    found = 0
    for boundary in _BODY_END.finditer(head, 0, 160):
        candidate = head[: boundary.start()]
        if not _BODY_CHARACTERS.fullmatch(candidate):
            break  # a digit, a bracket or a quote: past the body's name
        if boundary.group(0)[:1] == "," and not _QUOTE_OR_YEAR.match(head, boundary.end()):
            continue  # "Ministry of Health, Government of …": the name may go on
        pieces = candidate.split(", ")
        if not is_body_name(pieces[0]) or not all(
            _BODY_WORD.search(piece) or _BODY_WORD.search(piece.title()) for piece in pieces[1:]
        ):
            break
        found = boundary.start()
        if boundary.group(0)[:1] != ",":
            break
    return found


# a body's name in title case ("Department of Land and Natural Resources", "State of Oregon")
_BODY_PIECE = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s(?:[A-ZÀ-ÖØ-Þ][\w'’-]*|of|for|and|&|on|the|de|des|du|la)){0,7}"
)
_BODY_WORD = re.compile(
    r"\b(?:Ministry|Ministère|Department|Dept|Government|State|Agency|Office|Council|Institute|University|"
    r"Organi[sz]ation|Association|Society|Commission|Bureau|Service|Board|Cent(?:re|er)|Committee|Authority|"
    r"Division|Administration|Foundation|Federal|National|Republic|County|City|Survey|Programme|Program)\b"
)


# Web copies of Elsevier lists: initials and one family word per name, and the sentence-case title
# straight after the last family with no stop ("A. Roe, J.K. Doe Ethics and etiquette in care")
_INITIALS_AND_FAMILY = (
    r"[A-ZÀ-ÖØ-Þ]\.(?:[\s-]?[A-ZÀ-ÖØ-Þ]\.)*\s"  # "T.R. "
    rf"(?:(?:{'|'.join(sorted(CAPITALISED_PARTICLES))})\s)?[A-ZÀ-ÖØ-Þ][\w'’-]+"  # "Doe", "Ten Doe"
)
_NAMES_RUN_INTO_TITLE = re.compile(
    rf"(?P<names>(?:{_INITIALS_AND_FAMILY},\s)*{_INITIALS_AND_FAMILY})"
    # the title's first words: not "Rinnooy Kan and H." (a family of two words, then more names)
    r"\s(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ'’-]*\s(?!(?:and|et|und|y)\s+[A-Z]\.)[a-zß-ÿ]{2,}[\w'’-]*\s)"
)


def author_end(text: str) -> int:
    """Index where the author block ends (0 = no authors). Cues tried from strongest to weakest."""
    end = _author_end_by_cues(text)
    run_on = _NAMES_RUN_INTO_TITLE.match(text, 0, 700) if text[1:2] == "." else None
    if run_on and run_on.end("names") > end:  # "A. Roe, J.K. Doe Ethics and etiquette in …"
        return run_on.end("names")
    return end


# "Khaled ‘Umar, ‘Title’": a lone word after a name's word, then a comma — an ayin ("‘Umar"), no quote
_AYIN_WORD = re.compile(r"(?<=[^\W\d_]\s)‘[^\W\d_]+,")


def _opening_quote(head: str) -> re.Match[str] | None:
    """The first opening quote, passing over a transliterated ayin that only looks like one ("Al-Ma‘mūn" is
    no opener; "‘Umar, Khaled" is none when no closing ’ follows, nor "Khaled ‘Umar, …")."""
    match = OPEN_QUOTE.search(head)
    while match and head[match.start()] == "‘":
        if "’" in head[match.end() :] and not _AYIN_WORD.match(head, match.start()):
            return match
        match = OPEN_QUOTE.search(head, match.end())
    return match


def _author_end_by_cues(text: str) -> int:
    head = text[:700]
    for cue in (_YEAR_PAREN, OPEN_QUOTE):
        match = cue.search(head) if cue is _YEAR_PAREN else _opening_quote(head)
        if match and cue is OPEN_QUOTE and _quoted_word_inside_a_title(head, match.start()):
            continue
        if (
            match
            and match.start() > 0
            and (
                names_ok(head[: match.start()], strict=False)
                or _lone_author(head[: match.start()])
                or (cue is _YEAR_PAREN and _body_before_year(head[: match.start()]))
                or (
                    cue is _YEAR_PAREN
                    and ". " in head[: match.start()]
                    and _bodies_before_year(head[: match.start()])
                )
            )
        ):
            return match.start()
    match = _YEAR_AFTER_NAMES.search(head)
    if (
        match
        and match.start() > 0
        and (
            (names_ok(head[: match.start()]) and _plausible_block(head[: match.start()]))
            or (
                match.group(0).lstrip()[:1] == ","
                and _loose_names(head[: match.start()])
                and not _publisher_and_place(head[: match.start()])
            )
            or _lone_author(head[: match.start()])
        )
    ):
        return match.start()
    body = _leading_body(head)
    if body:
        return body
    shouted = _SHOUTED.match(head)  # "COLLECTIF. Title …"
    if shouted:
        return shouted.end(1) + 1
    classical = _CLASSICAL_AUTHOR.match(head) if head[1:2].islower() else None  # "Homer. The Iliad. Trans."
    if classical and classical.group(1) not in _TITLE_START:
        return classical.end(1) + 1
    # Names cannot run past an ordinary lower-case word or a number; of the boundaries before that,
    # the longest prefix that reads as a name list wins (tried longest first: usually one parse).
    stop = _hard_stop(head)
    limit = stop if stop >= 0 else len(head)
    if head.startswith((" thesis", " dissertation"), stop):  # "Roe, Widget Physics, Ph.D. thesis"
        degree = _DEGREE_AT_END.search(head, 0, stop)
        limit = degree.start() if degree else limit
    ends = [
        boundary.end() if boundary.group(0) == "." else boundary.start()
        for boundary in _AUTHOR_BOUNDARY.finditer(head, 0, limit + 1)
    ]
    if len(text) <= len(head) and limit >= len(head.rstrip(" .")) and _only_names(head.rstrip(" .")):
        ends.append(len(head.rstrip()))  # "Xia, L., Chen, C., Aggarwal, J.K.": nothing but names
    # Science: "C. Roe, M. Doe, Inference, Clusters, and Effect. Front Acoust 590": in a list of "Initials
    # Family" names, a last "name" of full words joined by a comma opens the title
    initials_first = head[1:2] == "."
    strict = next(
        (
            end
            for end in reversed(ends)
            if end <= limit
            and is_name_list(head[:end])
            and _plausible_block(head[:end])
            and not (initials_first and _initials_then_full_words(head[:end]))
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
            and (head[end - 1 : end] == "." or _colon_before_prose(head, end))
            and _loose_names(head[:end])
            and _plausible_block(head[:end])
            and not _initials_then_full_words(head[:end])
        ):
            return end
    # a block the name grammar could not read (or read only in part) that an early date closes
    dated = _AUTHOR_DATE.match(head)
    if dated and dated.end("block") > strict and _author_block_shape(dated.group("block")):
        extension = head[strict : dated.end("block")].strip(" ,.;&")
        if not strict or not _title_after_names(extension):
            return dated.end("block")
    return _more_natural_names(head, strict)


# a short quotation that a lower-case word follows: "… «старых» рукописей", "… “Smart” controllers"
_SCARE_QUOTED = re.compile(r"[^\W\d_][^\"“”„«»]{0,40}[\"”“»]\s+(?!(?:in|dans|en|im)\b)[a-zß-ÿа-яё]")


def _quoted_word_inside_a_title(head: str, start: int) -> bool:
    """ "Roe, N. Описание «старых» рукописей": a quotation right after a word, with no stop or comma
    before it, that the words go on after in lower case, is inside the title — no cue for the names' end."""
    return (
        head[start - 1 : start] == " "
        and head[start - 2 : start - 1].isalpha()
        and _SCARE_QUOTED.match(head, start + 1) is not None
    )


_DEGREE_AT_END = re.compile(r"[\s,]*(?:Ph\.?\s?D\.?|M\.?\s?Sc\.?|M\.\s?A\.|Master'?s|Doctoral|Diploma)$")


# "J. Roe and Carl Doe", "A. Roe, Jan Doe, & Eve Poe": a last full name joins the list; "…, Clusters, and
# Effect" is a title
_JOINED_LAST = re.compile(r"(?:[^\W\d_.]\s+(?:and|und|e|et|y)|,?\s&)\s+[^,]+$")


def _initials_then_full_words(prefix: str) -> bool:
    """AIP/APS: "A. B. Roe, Widget Physics, 2nd ed." — after a name with initials only, a last "name" of
    full words is the title: an unclosed list of full names ("Ann Roe, Jan Doe.") has them throughout."""
    names = parse_names(prefix).names
    return (
        len(names) >= 2
        and _INITIALS_ONLY.fullmatch(names[0].given) is not None
        and "." not in names[-1].given
        and "." not in names[-1].family.rstrip(".")  # "Drug Recent Institution.": the sentence's stop
        and len(names[-1].family.rstrip(".")) > 1  # not a lone initial: "Roe (G.), Doe (L.)."
        and not _JOINED_LAST.search(prefix)
    )


def _colon_before_prose(head: str, end: int) -> bool:
    """German "Hans Roe, Anna Doe, Jan Poe: Probleme des Lernens": a colon closes a list of three or more
    names when a sentence-case title follows (a Title Case one may be a subtitle: "Modern Freedom: Hegel")."""
    if head[end : end + 1] != ":" or _PROSE_AHEAD.match(head, end + 1) is None:
        return False
    pieces = head[:end].split(",")
    return (
        (len(pieces) >= 3 or (len(pieces) == 2 and _GERMAN_AHEAD.match(head, end + 1) is not None))
        and all(_NATURAL_PAIR.fullmatch(piece.strip()) for piece in pieces)
        and pieces[-1].split()[0] not in _TITLE_START
    )


# German lists: "Hans Roe, Jan Poe: Probleme des Lernens" — two names are believed before a colon when
# a German title follows (an English "Carl Roe, Young Widgets: Becoming a Genius" keeps its title)
_GERMAN_AHEAD = re.compile(r"[^,.:;]*?\s(?:und|der|die|das|des|dem|zur|zum|im|für|mit|eine?)\s")


# "Given Family" with no lower-case word: "Georges Declercq", "Jean-Paul Roe", "James R Roe", "Martin Gilje
# Roe" (a second given name); the family has a lower-case letter ("Roe SM" is a Vancouver name)
_NATURAL_PAIR = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s[A-ZÀ-ÖØ-Þ]\.?|\s[A-ZÀ-ÖØ-Þ][a-zß-ÿ'’-]+)?"
    r"\s[A-ZÀ-ÖØ-Þ](?=[\w'’-]*[a-zß-ÿ])[\w'’-]+(?:-[A-ZÀ-ÖØ-Þ][\w'’-]+)?"
)
_PROSE_AHEAD = re.compile(r"[^,.:;]*?\s[a-zß-ÿ][\w'’-]*\s")
# a lower-case word no Title Case title has ("Communications of the ACM", "The Battle of Maldon" have none)
_SENTENCE_CASE_AHEAD = re.compile(
    r"[^,.:;]*?\s(?!(?:of|the|and|in|on|for|a|an|to|with|at|by|from|de|la|le|des|du|et|und|der|die|das)\s)"
    r"[a-zß-ÿ][\w'’-]*\s"
)


def _more_natural_names(head: str, end: int) -> int:
    """ "Adriaan Roe, Georges Doe, Villa et mansus dans …": in a list of natural-order names with no
    closing "and", a further "Given Family" piece is a name when prose (a lower-case word) follows it."""
    if not end or not all(
        _NATURAL_PAIR.fullmatch(piece.strip()) for piece in head[:end].strip(" ,").split(",")
    ):
        return end  # "Brit Roe, James R Doe, …": every name read so far is one "Given Family" piece
    # the run of further "Given Family" pieces counts when prose follows the last of them
    # ("Ann Roe, Carl Doe, Eve Poe, Mapping the ontology of …")
    believed = candidate = end
    while True:
        gap = head[candidate:]
        piece_start = candidate + len(gap) - len(gap.lstrip(" ,"))
        comma = head.find(",", piece_start)
        piece = head[piece_start:comma].strip()
        if comma < 0 or not _NATURAL_PAIR.fullmatch(piece) or piece.split()[0] in _TITLE_START:
            return believed  # "Henry James, The Europeans, in Novels": a title
        # a piece of three words ("Martin Gilje Roe") may be a Title Case title: a sentence-case one follows
        prose = _PROSE_AHEAD if piece.count(" ") == 1 else _SENTENCE_CASE_AHEAD
        if prose.match(head, comma + 1):
            believed = comma  # "John Roe, Selected Works, London": a title, then an imprint — not this
        candidate = comma


# Author-date styles: whatever stands before an early "(2009)." / ". 2002." / ", 1882 :" that opens the title
# is the author block, even when it is no personal name ("Department of Defense (DoD)", "Kefi (N.)")
_BLOCK_CHARACTER = r"[^\d\"“”«»]"
_BRACKETED_YEAR_END = r"[a-z]?(?:,\s*[^()\[\]\d]{3,12}\s\d{1,2})?[)\]]"  # "(2009)", "(2009, June 3)"
_BARE_YEAR_END = r"(?!s)[a-z]?"  # "2002.", "2002a," but not "1990s"
_TITLE_OPENS = r"\s*[.,:]\s+(?=[^\W\d_])"
_AUTHOR_DATE = re.compile(
    # The block holds no digit, so the year is the text's first number: the lookahead finds it in one
    # pass, before the short block is grown a character at a time (that is slow when no year follows).
    rf"(?={_BLOCK_CHARACTER}*+{YEAR}(?:{_BRACKETED_YEAR_END}|{_BARE_YEAR_END}){_TITLE_OPENS})"
    rf"(?P<block>{_BLOCK_CHARACTER}{{2,120}}?)\s*[,.]?\s*"
    rf"(?:[(\[]{YEAR}{_BRACKETED_YEAR_END}|{YEAR}{_BARE_YEAR_END}){_TITLE_OPENS}"
)
_SENTENCE_INSIDE = re.compile(r"[a-zß-ÿ]{3,}[.?!]\s")


_BLOCK_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_VOLUME_WORD = re.compile(r"\b(?:Vol|Bd|Tome|Part)\b")


def _author_block_shape(block: str) -> bool:
    """Capitalised words without a sentence inside: a body's name or names in an odd form, not a title."""
    words = _BLOCK_WORD.findall(block)
    if not words or len(words) > 14 or ":" in block or _SENTENCE_INSIDE.search(block):
        return False
    if block.count("(") != block.count(")") or block.count("[") != block.count("]"):
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in _LOWER_CASE_IN_A_BODY]
    return not lower and words[0] not in _TITLE_START


def _title_after_names(text: str) -> bool:
    """After names the grammar read: "The Strange Case of X", "Selected Works, Vol. One", a lone word."""
    words = text.split()
    return (
        len(words) < 2
        or words[0] in _TITLE_START
        or PUBLISHER_WORDS.search(text) is not None
        or JOURNAL_WORDS.search(text) is not None
        or _VOLUME_WORD.search(text) is not None
    )


_CONNECTIVES = frozenset(
    {"of", "for", "the", "on", "in", "y", "de", "del", "des", "du", "für", "und", "et", "da"}
)
_LOWER_CASE_IN_A_BODY = _NAME_LIST_WORDS | _CONNECTIVES  # "Department of Defense", "Roe und Doe"


def _only_names(text: str) -> bool:
    """A fragment that is nothing but a list of at least two persons, each with initials or one given
    name ("Xia, L., Chen, C., Aggarwal, J.K."); not "CIA World Factbook"."""
    if not is_name_list(text):
        return False
    names = parse_names(text).names
    return len(names) >= 2 and all(
        name.family and _GIVEN_INITIALS_OR_ONE.fullmatch(name.given) is not None for name in names
    )


_GIVEN_INITIALS_OR_ONE = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ]\.?[\s-]?)+|[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:\s(?:[A-ZÀ-ÖØ-Þ]\.\s?)+)?"
)


def _plausible_block(prefix: str) -> bool:
    """Brackets closed, and no body's name that opens with an inverted person ("Gifford, Edward W. Clear Lake
    Pomo Society" is a person and a title, not one organisation)."""
    if prefix.count("(") != prefix.count(")"):
        return False
    names = parse_names(prefix).names
    if names and _journal_abbreviation(names[-1]):
        return False  # "C. Roe, A. Doe, J Appl Phys 1987, 62, 243": the last "name" is the journal
    if ";" in prefix and len(names) >= 2 and any(_WORD_AFTER_INITIALS.fullmatch(n.given) for n in names):
        # ACS: "Roe, T.; Doe, A. Workers and Widgets.": where the other names have initials only, a
        # word after a name's initials opens the title
        return not any(_INITIALS_ONLY.fullmatch(name.given) for name in names)
    return not (len(names) == 1 and names[0].literal and _INVERTED_PERSON.match(prefix))


def _journal_abbreviation(name: Name) -> bool:
    """ "J Appl Phys", "Phys. Rev.": every word of the "name" abbreviates a journal word."""
    words = f"{name.given} {name.family}".replace(".", " ").split()
    return len(words) >= 2 and all(word in JOURNAL_ABBREVIATIONS for word in words)


_INITIALS_ONLY = re.compile(r"(?:[A-ZÀ-ÖØ-Þ]\.[\s-]?)+")
_WORD_AFTER_INITIALS = re.compile(r"(?:[A-ZÀ-ÖØ-Þ]\.[\s-]?)+\s*[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2,}.*")
# "Gifford, Edward W. Clear …", "Root, Andrew, Revisiting Youth Ministry" (a given name, then a comma)
_INVERTED_PERSON = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+,\s+[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\.?\s|,\s)")
_ABBREVIATED_WORD = re.compile(r"\b[^\W\d_]{3,4}\.(?=\s|$)")  # "Lett.", "Phys.", "Chem."


def _loose_names(prefix: str) -> bool:
    """A name list lacking only its closing "and" — and holding no abbreviated word ("Nano Lett.")."""
    return not _ABBREVIATED_WORD.search(prefix.rstrip()) and names_ok(prefix.rstrip(" ."), strict=False)
