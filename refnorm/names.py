"""Personal and organisational names in the forms reference lists print them.

Handles Vancouver ("Mahdavi Gorabi A", "D’Antuono M"), inverted ("Bergk, V.",
"Smith, John A."), natural ("J. P. Collman", "Gary B Huang"), mixed MLA lists
("Deleuze, Gilles, and Félix Guattari"), particles (van der, de la, von),
suffixes (Jr, III) and "et al." (recorded as a truncated list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refnorm.model import Name

__all__ = [
    "NameList",
    "looks_like_initials",
    "name_plausibility",
    "parse_name",
    "parse_names",
]

PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "do",
        "du",
        "la",
        "le",
        "les",
        "ten",
        "ter",
        "te",
        "zu",
        "zur",
        "vom",
        "dei",
        "degli",
        "d'",
        "d’",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
    ]
)
_SUFFIX = re.compile(r"^(?:Jr|Sr|Jnr|Snr|II|III|IV|V|2nd|3rd)\.?$", re.IGNORECASE)
_ETAL = re.compile(
    r"\s*(?:,\s*)?(?:\bet\.?\s*al\b\.?|\band\s+others\b|\bu\.\s?a\.|\bet\s+coll?\b\.?|\bmet\s+anderen\b|…|\.\.\.)\s*$",
    re.IGNORECASE,
)
# One initial: "J", "J.", "Ch.", "J.-P.", "Y.-N"; a run of them: "J. A.", "A.M.L.", "JA", "J-P".
_INITIAL_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]?\.(?:-?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]?\.)*|[A-ZÀ-ÖØ-Þ](?:-[A-ZÀ-ÖØ-Þ])?)$"
)
_BARE_INITIALS = re.compile(r"^[A-ZÀ-ÖØ-Þ]{1,3}(?:-[A-ZÀ-ÖØ-Þ]{1,2})?$")  # Vancouver: "SY", "J-P"
_WORD = re.compile(r"^[^\W\d_][\w'’\-.]*$")
_EDITOR_MARK = re.compile(
    r"\s*[\(\[]?\b(?:eds?|editors?|edited\s+by|hrsg|hg|herausgeber|dir|coord|comp|(?:éd|éds))\b\.?[\)\]]?\.?\s*$",
    re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(?:Organi[sz]ation|Association|Society|Institute|Council|Committee|Agency|Department|Ministry|"
    r"University|Office|Bureau|Group|Foundation|Commission|Centers?|Centres?|Board|Service|Corporation|"
    r"Inc|Ltd|Team|Consortium|Collaboration|Network|Program(?:me)?|Nations|Bank|Federal|National)\b"
)


@dataclass(frozen=True, slots=True)
class NameList:
    names: tuple[Name, ...]
    truncated: bool = False  # the list ended in "et al." or similar
    editors: bool = False  # the list was marked "(Eds.)", "Hrsg.", "editors", …


def looks_like_initials(text: str) -> bool:
    """True for given-name initials: "J.", "J. A.", "A.M.L.", "Y.-N.", "JA" (Vancouver)."""
    tokens = text.replace(".", ". ").split()
    if not tokens:
        return False
    return all(_INITIAL_TOKEN.match(t) or _BARE_INITIALS.match(t) for t in tokens)


def _is_capitalised_word(token: str) -> bool:
    token = token.strip(",;")
    if not token or not _WORD.match(token):
        return False
    first = token.lstrip("'’(")[:1]
    return first.isupper() or token.lower() in PARTICLES or token[:2].lower() in {"d'", "d’", "o'", "o’"}


def _split_family(words: list[str]) -> tuple[str, str]:
    """Split leading lower-case particles from a family name: ["van", "der", "Berg"] → ("van der", "Berg")."""
    index = 0
    while index < len(words) - 1 and words[index].lower() in PARTICLES and words[index][:1].islower():
        index += 1
    return " ".join(words[:index]), " ".join(words[index:])


def parse_name(text: str, *, inverted: bool | None = None) -> Name | None:
    """Parse a single name. ``inverted`` forces "Family, Given"; None guesses from a comma."""
    text = text.strip(" ,;:")
    if not text:
        return None
    suffix = ""
    if "," in text and (inverted is None or inverted):
        family_part, _, rest = text.partition(",")
        rest = rest.strip()
        pieces = [p.strip() for p in rest.split(",") if p.strip()]
        if pieces and _SUFFIX.match(pieces[-1]):
            suffix = pieces.pop()
        given = " ".join(pieces)
        words = family_part.split()
        if words and _SUFFIX.match(words[-1]) and len(words) > 1:
            suffix = words.pop()
        particle, family = _split_family(words)
        # "Berg, Jan van der": particles printed after the given name
        given_words = given.split()
        trailing = []
        while given_words and given_words[-1].lower() in PARTICLES and given_words[-1][:1].islower():
            trailing.insert(0, given_words.pop())
        if trailing and not particle:
            particle = " ".join(trailing)
            given = " ".join(given_words)
        return Name(family=family, given=given, non_dropping_particle=particle, suffix=suffix)
    words = text.split()
    if len(words) > 1 and _SUFFIX.match(words[-1]):
        suffix = words.pop().rstrip(".") + ("." if words[-1:] and text.endswith(".") else "")
        suffix = suffix.rstrip(".")
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    # Vancouver "Mahdavi Gorabi A": trailing bare initials are the given name.
    if _BARE_INITIALS.match(words[-1].rstrip(".")) and not _INITIAL_TOKEN.match(words[0]):
        particle, family = _split_family(words[:-1])
        return Name(family=family, given=words[-1].rstrip("."), non_dropping_particle=particle, suffix=suffix)
    # Inverted without a comma, initials with periods after: "Smith J. A."
    if len(words) >= 2 and not looks_like_initials(words[0]) and looks_like_initials(" ".join(words[1:])):
        return Name(family=words[0], given=" ".join(words[1:]), suffix=suffix)
    # Natural order: given names (and initials) first, then particles, then the family name.
    index = len(words) - 1
    while index > 1 and words[index - 1].lower() in PARTICLES and words[index - 1][:1].islower():
        index -= 1
    particle_start = index
    given = words[:particle_start]
    # particles directly before the family name
    first_particle = particle_start
    while first_particle > 1 and words[first_particle - 1].lower() in PARTICLES:
        first_particle -= 1
    particle = " ".join(words[first_particle:particle_start])
    given = words[:first_particle]
    family = " ".join(words[particle_start:])
    return Name(family=family, given=" ".join(given), non_dropping_particle=particle, suffix=suffix)


_SEPARATORS = re.compile(
    r"\s*(?:;|,?\s+(?:and|und|et|y|e|&amp;|&|with)\s+|,\s*&\s*|\s+&\s*|,)\s*", re.IGNORECASE
)


def _pieces(text: str) -> list[tuple[str, str]]:
    """Split a name list into (piece, separator-before) pairs."""
    out: list[tuple[str, str]] = []
    position = 0
    separator = ""
    for match in _SEPARATORS.finditer(text):
        piece = text[position : match.start()].strip()
        if piece:
            out.append((piece, separator))
        separator = match.group(0).strip().lower() or ","
        position = match.end()
    tail = text[position:].strip()
    if tail:
        out.append((tail, separator))
    return out


def _looks_like_given(piece: str) -> bool:
    if looks_like_initials(piece):
        return True
    words = piece.split()
    if not 1 <= len(words) <= 3:
        return False
    return all(_is_capitalised_word(w) and (w[:1].isupper()) for w in words)


def parse_names(text: str) -> NameList:
    """Parse a list of names in any of the common printed forms."""
    text = text.strip().strip(",;:")
    editors = False
    truncated = False
    for _ in range(2):
        match = _EDITOR_MARK.search(text)
        if match and match.start() > 0:
            editors = True
            text = text[: match.start()].rstrip(" ,;:")
        match = _ETAL.search(text)
        if match:
            truncated = True
            text = text[: match.start()].rstrip(" ,;:")
    if not text:
        return NameList((), truncated, editors)
    if _ORG_WORDS.search(text) and ";" not in text and not re.search(r",\s*[A-Z]\.", text):
        return NameList((Name(literal=text.strip(" .")),), truncated, editors)
    names: list[Name] = []
    if ";" in text:
        for piece in text.split(";"):
            piece = re.sub(r"^\s*(?:and|&)\s+", "", piece.strip(), flags=re.IGNORECASE)
            name = parse_name(piece, inverted=True if "," in piece else None)
            if name:
                names.append(name)
        return NameList(tuple(names), truncated, editors)
    pieces = _pieces(text)
    index = 0
    while index < len(pieces):
        piece, _ = pieces[index]
        words = piece.split()
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        vancouver = len(words) >= 2 and _BARE_INITIALS.match(words[-1]) and not looks_like_initials(piece)
        natural = len(words) >= 2 and looks_like_initials(words[0]) and not looks_like_initials(piece)
        if (
            following is not None
            and following[1] == ","
            and not vancouver
            and not natural
            and not looks_like_initials(piece)
            and _looks_like_given(following[0])
            and (len(words) == 1 or all(_is_capitalised_word(w) for w in words))
            and len(words) <= 3
        ):
            given = following[0]
            suffix_piece = pieces[index + 2] if index + 2 < len(pieces) else None
            name = parse_name(f"{piece}, {given}", inverted=True)
            index += 2
            if suffix_piece and _SUFFIX.match(suffix_piece[0]) and name:
                name = Name(
                    name.family, name.given, name.non_dropping_particle, "", suffix_piece[0].rstrip(".")
                )
                index += 1
        else:
            name = parse_name(piece, inverted=False)
            index += 1
        if name:
            names.append(name)
    return NameList(tuple(names), truncated, editors)


def name_plausibility(text: str) -> float:
    """How much ``text`` looks like a list of personal names (0 = not at all, 1 = surely).

    Used to decide where the author block of a reference ends: every word must be a
    capitalised word, a particle, an initial or a list separator.
    """
    body = _ETAL.sub("", text.strip().strip(",;:")).strip()
    body = _EDITOR_MARK.sub("", body).strip()
    if not body:
        return 1.0 if text.strip() else 0.0
    tokens = re.findall(r"[^\s,;&]+", body)
    if not tokens or len(tokens) > 120:
        return 0.0
    good = 0
    for token in tokens:
        bare = token.strip("()")
        if (
            bare.lower() in {"and", "und", "et", "y", "e", "with"}
            or _SUFFIX.match(bare)
            or _INITIAL_TOKEN.match(bare)
            or _BARE_INITIALS.match(bare)
            or looks_like_initials(bare)
            or (_is_capitalised_word(bare) and not any(ch.isdigit() for ch in bare))
        ):
            good += 1
    return good / len(tokens)
