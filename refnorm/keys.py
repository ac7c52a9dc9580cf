"""Citation keys: readable (``smith2020deep``), ASCII, lower case and unique within a list.

The key is the first author's family name, the year and the first significant word of the title,
as Google Scholar and Better BibTeX make them. A reference that already has an ``id`` keeps it;
keys that would collide get ``a``, ``b``, … appended (``smith2020deepa``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

from refnorm.model import Reference

__all__ = ["ascii_fold", "assign_keys", "base_key", "is_valid_key"]

# Letters NFKD does not decompose into an ASCII base letter.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)
_NOT_KEY_CHAR = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Words that do not make a title recognisable (English, German, French, Spanish, Italian).
_STOPWORDS = frozenset(
    """a an the and or of on in into for to from with without by at as about is are was be its it this that
    these those how what why when which who do does can new toward towards via versus vs
    der die das den dem des ein eine einer eines und oder zur zum im am von mit für über
    le la les un une des du de et ou au aux en pour sur dans
    el los las una y o del al por para con
    il lo gli i di da per""".split()  # noqa: SIM905
)
# A key BibTeX, biblatex and pybtex all accept, with a letter; "/" is refused because it marks the
# URL-like or numeric ids of Zotero's CSL-JSON, which make poor citation keys.
_KEY_CHARS = re.compile(r"[^\s\"#%'(),={}\\~/]+")


def ascii_fold(text: str) -> str:
    """Latin text reduced to ASCII letters: "Müller" → "Muller", "Łukasz" → "Lukasz"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if c.isascii())


def _slug(text: str) -> str:
    return _NOT_KEY_CHAR.sub("", ascii_fold(text).lower())


def _first_word(title: str) -> str:
    for match in _WORD.finditer(title):
        word = match.group()
        if word.lower() not in _STOPWORDS:
            slug = _slug(word)
            if slug:
                return slug
    return ""


def _name_part(ref: Reference) -> str:
    for name in (*ref.author, *ref.editor):
        if name.family:
            return _slug(name.family)
        if name.literal:
            return _first_word(name.literal)
    return ""


def base_key(ref: Reference) -> str:
    """The key before collisions are resolved: family name + year + first significant title word."""
    name = _name_part(ref) or "anon"
    year = str(ref.year) if ref.year is not None else ""
    return f"{name}{year}{_first_word(ref.title)}"


def is_valid_key(key: str) -> bool:
    """Whether a key can be written as is (no spaces, braces, commas or other BibTeX specials)."""
    return bool(_KEY_CHARS.fullmatch(key)) and any(c.isalpha() for c in key)


def _suffixes() -> Iterator[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second
    yield from (str(n) for n in itertools.count(1))


def assign_keys(refs: Iterable[Reference]) -> list[str]:
    """One unique key per reference, in order.

    A valid existing ``id`` is kept (the first holder of a repeated id keeps it, later ones get a
    suffix); every other reference gets :func:`base_key`, with ``a``, ``b``, … when several want the
    same one. Keys are compared without case, as BibTeX does.
    """
    refs = list(refs)
    keep = [bool(ref.id) and is_valid_key(ref.id) for ref in refs]
    wanted = [ref.id if k else base_key(ref) for ref, k in zip(refs, keep, strict=True)]
    used: set[str] = set()
    owner = [False] * len(refs)
    for i, key in enumerate(wanted):
        if keep[i] and key.lower() not in used:
            used.add(key.lower())
            owner[i] = True
    counts = Counter(key.lower() for i, key in enumerate(wanted) if not owner[i])
    result: list[str] = []
    suffixes: dict[str, Iterator[str]] = {}  # one running suffix sequence per base: linear, not quadratic
    for i, key in enumerate(wanted):
        if not owner[i]:
            if counts[key.lower()] > 1 or key.lower() in used:
                sequence = suffixes.setdefault(key.lower(), _suffixes())
                key = next(key + s for s in sequence if (key + s).lower() not in used)
            used.add(key.lower())
        result.append(key)
    return result
