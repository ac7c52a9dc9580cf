"""Comparison keys for titles and names: two spellings of the same title get the same key.

The key ignores case, accents, punctuation, LaTeX markup (``{DNA}``, ``\\"{o}``, ``\\emph{…}``)
and HTML tags from Crossref (``<i>…</i>``), and spells ``&`` as "and". It is for
comparing, never for display.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["name_key", "title_key"]

# LaTeX commands that stand for a letter of their own; other commands are markup and vanish.
_LATEX_LETTERS = {
    "ss": "ss",
    "o": "o",
    "O": "o",
    "ae": "ae",
    "AE": "ae",
    "oe": "oe",
    "OE": "oe",
    "aa": "a",
    "AA": "a",
    "l": "l",
    "L": "l",
    "i": "i",
    "j": "j",
}
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+)\s*|\\[^A-Za-z\s]")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,200})?/?>")
# Letters NFKD leaves alone but readers treat as plain Latin ones.
_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})
_NON_WORD = re.compile(r"[\W_]+")


def _latex_letter(match: re.Match[str]) -> str:
    command = match.group(1)
    if command is None:  # an accent such as \" or \'; the letter it decorates stays
        return ""
    return _LATEX_LETTERS.get(command, " ")


def title_key(text: str) -> str:
    """Lower-case ASCII-ish words joined by single spaces: the comparison key of a title.

    >>> title_key("The {DNA} of Schr\\\\\\"{o}dinger's Cat: A <i>Review</i>.")
    'the dna of schrodingers cat a review'
    """
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "\\" in text:
        text = _LATEX_COMMAND.sub(_latex_letter, text)
    # Braces group letters ("Schr{o}dinger", "{DNA}"); dropping them must not split a word.
    text = text.replace("{", "").replace("}", "")
    # "Schrödinger's" and "Schrodingers" are one word, so apostrophes vanish rather than split.
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_FOLD)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A family name's comparison key: like :func:`title_key` without spaces ("Mahdavi-Gorabi")."""
    return title_key(text).replace(" ", "")
