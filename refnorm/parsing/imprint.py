"""Place and publisher: "Place: Publisher", "Place, Publisher", "Publisher, Place"."""

from __future__ import annotations

import re

from refnorm.dates import YEAR
from refnorm.lexicon import (
    CONFERENCE,
    INSTITUTION,
    PUBLISHER_WORDS,
    is_place,
    is_region,
)
from refnorm.parsing.scratch import DIGIT, Fields

__all__ = [
    "BRACKETED_PUBLISHER",
    "split_publisher",
]

_ABBREVIATION_AT_END = re.compile(r"\b(?:[A-Z]|Inc|Ltd|Co|Corp|Mass|Calif|Conn|Penn|Colo)\.$")
_COMMA_OR_SEMICOLON = re.compile(r"\s*[,;]\s*")
_CAPITAL = "[A-ZÀ-ÖØ-ÞА-Я]"
_AFTER_CAPITAL = (  # the rest of a place after its first capital
    r"[\w'’/-]*\.?(?:\s(?:[A-ZÀ-ÖØ-ÞА-Я][\w'’/-]*\.?|de|del|am|upon|on|sur|im|a\.)){0,3}"
    r"(?:\s?\([A-Z]{2,5}\)|,\s*[A-Z]{2}\b|,\s*(?:[A-Z]\.){1,3}|,\s*[A-Z][a-z]{1,10}\.?(?:\s[A-Z][a-z]+)?)?"
)
_ONE_PLACE = _CAPITAL + _AFTER_CAPITAL
_PLACE_PUBLISHER = re.compile(
    # a place is one to four capitalised words ("Palo Alto (CA)", "Cambridge, Mass.", "Terra Alta, W.V."),
    # or two joined ("London and New York", "Cambridge ; New York"); not after a word or a stop. The
    # capital comes first and the look back after it, so that a search jumps from capital to capital.
    rf"(?P<place>{_CAPITAL}(?<![\w.]{_CAPITAL}){_AFTER_CAPITAL}(?:\s*(?:and|&|;|/)\s*{_ONE_PLACE})?)\s*:\s*"
    r"(?P<publisher>[^:;.,()][^:;()]{1,80}?)(?=\s*(?:[,.;]\s*|\s)(?:(?:c\s*)?"
    + YEAR
    + r"|\d|pp?\.|$)|\s*[.;]?\s*$|\s*[()])"
)


# capitalised words and the small words of a name: "University of", "Smith, ", "C.H." (not "A Study in (")
_NAME_WORDS = re.compile(r"\s*(?:(?:[A-ZÀ-ÖØ-Þ][\w&'’.-]*,?|of|and|&|for|the|de|du|des|der|für)\s+)+")
_PLACE_ABBREVIATION = re.compile(r"(?<![\w.])(?:St|Ste|Mt|Ft|Pt)\.$")


def split_publisher(text: str, fields: Fields, *, container_first: bool = False) -> str:
    """Find "Place: Publisher", "Place, Publisher" or "Publisher, Place" in ``text``; return what is left.
    ``container_first``: the text opens with a book's title ("In Urban Studies: New Directions, 5-9"),
    so a colon right after its opening words is the title's subtitle unless they name a known place."""
    head, stop, last_sentence = text.rpartition(". ")
    if (
        stop
        and _SENTENCE_BEFORE_IMPRINT.search(head)
        and not PUBLISHER_WORDS.search(head)
        and is_place(last_sentence.split(",")[0])
    ):
        # "Une histoire de la violence. Paris, Nouveau Monde éditions": the imprint is the last sentence
        unplaced = split_publisher(last_sentence, fields)
        if "publisher-place" in fields.variables:
            return (head + ". " + unplaced).strip(" ,.;") if unplaced.strip(" ,.;") else head
    match = None
    # the imprint comes last; earlier colons are subtitles (no colon: no "Place: Publisher" to find)
    for found in _PLACE_PUBLISHER.finditer(text) if ":" in text else ():
        if not DIGIT.search(found.group("place")):
            match = found
    if match and container_first and match.start() == 0 and _subtitle_colon(match.group("place")):
        match = None
    if match:
        place = match.group("place")
        # "Europäische Städte. Berlin: Akademie Verlag" — only the last sentence is the place
        cut = max(place.rfind(". "), -1) + 1
        if cut and _PLACE_ABBREVIATION.search(place, 0, cut):
            cut = 0  # "St. Paul", "Ft. Worth": the stop of the place's own abbreviation
        place, publisher = place[cut:].strip(), match.group("publisher").strip()
        head = ""
        semicolon = place.rfind(";") + 1  # "Widget Chemistry; Springer: Berlin": the last piece only
        if _publisher_before_place(place[semicolon:].strip(), publisher):
            place, publisher = publisher, place[semicolon:].strip()  # ACS: "Wiley: New York, 2005"
            cut += semicolon
            # "; University of Chicago Press: New York": the pattern took the capitalised words only; the
            # publisher is the whole piece after the semicolon
            opening = text.rfind(";", 0, match.start() + cut) + 1
            words = text[opening : match.start() + cut]
            if words.strip() and len(words) <= 60 and _NAME_WORDS.fullmatch(words):
                publisher, cut = words.strip() + " " + publisher, opening - match.start()
        else:
            head = _title_words_before_place(place, text[: match.start() + cut])
            if head:  # "Ethics, Grand Rapids: Eerdmans": the title's last words stay with the title
                place = place[len(head) :].lstrip(" ,;")
        fields.set("publisher-place", place)
        fields.set("publisher", publisher)
        kept = text[: match.start() + cut] + " " + head + " " + text[match.end() :]
        return kept.strip(" ,.;")
    body = text.rstrip()
    if body.endswith(".") and not _ABBREVIATION_AT_END.search(body):
        body = body[:-1]  # the sentence's stop, not an abbreviation's
    pieces = [p.strip() for p in _COMMA_OR_SEMICOLON.split(body) if p.strip()]
    # a known place first; else one the lexicon lacks, named by the state or country after it
    index = next((i for i, piece in enumerate(pieces) if is_place(piece)), None)
    by_region = index is None
    if by_region:
        index = next((i for i in range(len(pieces)) if _place_before_region(pieces, i)), None)
    if index is not None:
        piece = pieces[index]
        # "Reading, MA", "London, United Kingdom", "Washington, D. C.": the place's state or country
        region = [
            i
            for i in range(index + 1, min(index + 3, len(pieces)))
            if _REGION.fullmatch(pieces[i])
            and not PUBLISHER_WORDS.search(pieces[i])
            # after a known place, a word the region list lacks is the publisher ("Paris, Esempio")
            and (by_region or is_region(pieces[i]) or is_place(pieces[i]) or len(pieces[i].strip(" .")) <= 3)
        ]
        region = [i for n, i in enumerate(region) if i == index + 1 + n]
        if region and (by_region or index + 1 + len(region) < len(pieces) or index > 0):
            piece = ", ".join([piece, *(pieces[i] for i in region)])
            pieces = [p for i, p in enumerate(pieces) if i not in region]
            pieces[index] = piece
        neighbours = [i for i in (index + 1, index - 1) if 0 <= i < len(pieces)]
        # a neighbour naming a publisher wins; else the piece after the place ("Paris, Gallimard"),
        # unless that is only a state or country ("New York, NY")
        neighbours.sort(key=lambda i: not PUBLISHER_WORDS.search(pieces[i]))
        for other in neighbours:
            candidate, book = pieces[other], ""
            if other == index - 1 and ". " in candidate:
                # Springer's "In: Book Title. Routledge, Wien, pp 1-9": the book's sentence, then the
                # publisher — not "Wyd. Naukowe, Warszawa" (the stop of an abbreviation)
                head, _, last = candidate.rpartition(". ")
                sentence = _SENTENCE_BEFORE_PUBLISHER.search(head) or (
                    by_region and not _ABBREVIATION_BEFORE.search(head)  # "ACI 318-02. American …"
                )
                if sentence and last[:1].isupper():
                    book, candidate = head, last
            plain = not DIGIT.search(candidate) and len(candidate) > 3 and not is_place(candidate)
            plain_prev = other == index - 1 and len(candidate) <= 40 and candidate[:1].isupper()
            if PUBLISHER_WORDS.search(candidate) or (plain and (other == index + 1 or plain_prev)):
                fields.set("publisher-place", piece)
                fields.set("publisher", candidate.lstrip(" .,;:"))  # ". Morgan Kaufmann" after the pages
                rest = [p for i, p in enumerate(pieces) if i not in {index, other}]
                if book:
                    rest.insert(min(other, len(rest)), book)
                return ", ".join(rest)
        fields.set("publisher-place", piece)
        return ", ".join(p for i, p in enumerate(pieces) if i != index)
    remainder = _publisher_then_place(pieces, fields)
    return text if remainder is None else remainder


# a place's US state or country after a comma: "Washington, DC", "Oxford, U.K.", "Basel, Switzerland"
_PLACE_WITH_REGION = re.compile(r"[A-ZÀ-ÖØ-Þ][^,]{1,30},\s*(?:[A-Z]{2}|(?:[A-Z]\.){2,3}|[A-Z][a-z]{3,12})")


def _place_before_region(pieces: list[str], index: int) -> bool:
    """A place the lexicon lacks, told by the state or country after it: "O'Reilly, Sebastopol, CA",
    "Morgan Kaufmann, San Mateo, CA, 1990" — not a meeting's name ("Proc. ASPLOS-VI, San Jose, CA")."""
    if index + 1 >= len(pieces) or not is_region(pieces[index + 1]):
        return False
    piece = pieces[index]
    return (
        _PLACE_PART.fullmatch(piece) is not None
        and not PUBLISHER_WORDS.search(piece)
        and not INSTITUTION.search(piece)  # "Ph.D. Thesis, Universiteit Twente, Netherlands"
        and not any(CONFERENCE.search(p) or "Seminar" in p for p in pieces[:index])
    )


# a place's own first word: "New Brunswick", "West Lafayette", "Port Melbourne" are no "… Brunswick"
_PLACE_OPENING = re.compile(r"(?:North|South|East|West|New|Port|Upper|Lower|Mount|Mt|St|Bad|Fort|Ft)\.?$")
_JOINED_PLACES = re.compile(r"\s(?:and|und|&)\s|/")
_INITIAL_AT_END = re.compile(r"(?<![\w.])[A-Z]\.\s*$")


def _title_words_before_place(place: str, before: str) -> str:
    """The words the place pattern took from before the place ("" when none): the title's last words
    before a comma ("Ethics, Grand Rapids", not "Belmont, California" nor "Harmondsworth, Middlesex"), a
    series or a surname before a semicolon ("NICNT; Grand Rapids", "ed. J. Roe; Anderson"), capitalised
    title words before a known place ("The Twentieth Century Paris")."""
    head, comma, last = place.rpartition(",")
    last = last.strip()
    if comma and ";" not in head:
        kept_whole = is_place(head) or is_region(last) or is_place(place)
        if kept_whole or last.endswith(".") or len(last.split()[0]) < 3:  # "Peabody, Ma", "Terra Alta, W.V."
            return ""
        return head
    head, semicolon, last = place.partition(";")
    if semicolon:
        head = head.strip()
        if not is_place(head) and (
            head.isupper() or PUBLISHER_WORDS.search(head) or _INITIAL_AT_END.search(before)
        ):
            return head
        return ""
    if is_place(place) or _JOINED_PLACES.search(place):
        return ""  # "London and New York"
    words = place.split()
    for start in range(1, len(words)):
        if is_place(" ".join(words[start:])):
            return "" if _PLACE_OPENING.match(words[start - 1]) else " ".join(words[:start])
    return ""


def _publisher_before_place(left: str, right: str) -> bool:
    """Chemistry's "Publisher: Place" (ACS: "Elsevier: Amsterdam", "American Chemical Society: Washington,
    DC"), read the wrong way round by the "Place: Publisher" pattern: the lexicon or a state tells."""
    if PUBLISHER_WORDS.search(right) or is_place(left):
        return False
    if "," in left:  # "Churchill, Victoria: Celts", "Ministry, Edinburgh: T&T Clark": a place first
        last = left.rpartition(",")[2]  # but "Smith, Parker and Roe Press: Dordrecht"
        return is_place(right) and PUBLISHER_WORDS.search(last) is not None and not is_region(last)
    if PUBLISHER_WORDS.search(left) or is_place(right):
        return True
    return _PLACE_WITH_REGION.fullmatch(right) is not None


def _subtitle_colon(opening: str) -> bool:
    """The words before the colon open the book's title: one sentence that names no known place."""
    return ". " not in opening and not is_place(opening)


_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])[^\W\d_]{1,4}$")  # "Wyd. Naukowe": the stop of "Wyd."
_SENTENCE_BEFORE_IMPRINT = re.compile(r"[^\W\d_]{3,}[)\]]?$")
# a book title's last word: lower case, long or a year ("… world", "… Workshop", "… 1991") — not an
# abbreviation's ("Harvard Univ. Press")
_SENTENCE_BEFORE_PUBLISHER = re.compile(r"(?<![\w.])(?:[a-zß-ÿ][^\W\d_]{2,}|[^\W\d_]{6,}|\d{4})[)\]]?$")
_REGION = re.compile(r"[A-Z]{2,3}|[A-Z]\.\s?[A-Z]\.?|[A-Z][a-z]{1,12}\.?(?:\s[A-Z][a-z]{1,12})?")

# "Chapman and Hall, Boca Raton, Florida, USA" / "University of Oklahoma Press. Norman, OK"
_PLACE_PART = re.compile(r"[A-ZÀ-ÖØ-Þ](?:[^\W\d]|['’.-])*(?:\s[A-ZÀ-ÖØ-Þ](?:[^\W\d]|['’.-])*){0,2}")


def _publisher_then_place(pieces: list[str], fields: Fields) -> str | None:
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


BRACKETED_PUBLISHER = re.compile(rf"\s*\((?P<publisher>[^():;\d]{{3,80}}?),?\s*(?P<year>{YEAR})\s*\)")
