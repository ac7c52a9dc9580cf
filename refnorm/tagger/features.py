"""Tokens and token features for the learned field tagger.

A reference string is cut into small tokens (letter/digit runs, single punctuation marks, whole URLs,
DOIs and HTML tags) so that "2017;4:32" yields year, volume and page tokens separately.  Each token gets a
list of string features for a linear-chain CRF.  Everything here is pure and linear in the input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Token", "sequence_features", "tokenize"]

# URL, DOI or HTML tag first (kept whole); then letter/digit runs; then any single other character.


def _words(text: str) -> list[str]:
    return text.split()


_TOKEN = re.compile(
    r"(?:https?://|www\.|doi\.org/)\S+"
    r"|10\.\d{3,9}/\S+"
    r"|</?[A-Za-z][A-Za-z0-9]{0,9}\s*/?>"
    r"|[^\W_]+"
    r"|\S",
    re.IGNORECASE,
)
_TRAILING = ".,;:)]}>\"'”’"

_MONTHS = frozenset(
    _words(
        "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
        "august september october november december januar februar märz mai juni juli oktober dezember "
        "janvier février fevrier mars avril juin juillet août aout septembre octobre novembre décembre "
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre gennaio "
        "febbraio aprile maggio giugno luglio settembre ottobre dicembre spring summer autumn fall winter"
    )
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Cut ``text`` into tokens; trailing punctuation is split off URLs and DOIs."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 1 and word[0] != "<" and ("/" in word or word[:4].lower() == "www."):
            core = word.rstrip(_TRAILING)
            if core.count("(") > core.count(")") and word[len(core) : len(core) + 1] == ")":
                core = word[: len(core) + 1]  # a DOI with a balanced "(...)" keeps its ")"
            if core and len(core) < len(word):
                tokens.append(Token(core, start, start + len(core)))
                tokens.extend(
                    Token(ch, start + len(core) + i, start + len(core) + i + 1)
                    for i, ch in enumerate(word[len(core) :])
                )
                continue
        tokens.append(Token(word, start, end))
    return tokens


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word[:8]:
        if ch.isdigit():
            c = "d"
        elif ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _kind(word: str) -> str:
    if word[0] == "<" and len(word) > 2:
        return "html"
    if "/" in word and len(word) > 4:
        return "doi" if word.startswith("10.") or "doi" in word.lower() else "url"
    if word.isdigit():
        n = len(word)
        if n == 4 and word[:2] in {"18", "19", "20"}:
            return "year"
        return f"num{min(n, 5)}"
    if word.isalpha():
        if word.lower() in _MONTHS:
            return "month"
        if len(word) == 1:
            return "initial" if word.isupper() else "letter"
        if word.isupper():
            return "caps" if len(word) > 3 else "capsshort"
        if word[0].isupper():
            return "title"
        return "lower"
    if len(word) == 1:
        cat = unicodedata.category(word)
        return "dash" if cat == "Pd" or word in "–—−" else f"p{word}"
    if any(ch.isdigit() for ch in word):
        return "alnum" if any(ch.isalpha() for ch in word) else "mixed"
    return "other"


_CACHE: dict[str, tuple[str, str, list[str]]] = {}


def _word(word: str) -> tuple[str, str, list[str]]:
    """(lower-case form, kind, own features) of a token text, memoised: reference words repeat a lot."""
    hit = _CACHE.get(word)
    if hit is not None:
        return hit
    lower = word.lower()[:20]
    kind = _kind(word)
    feats = [f"w={lower}", f"k={kind}", f"s={_shape(word)}"]
    if len(word) > 3 and kind in {"title", "lower", "caps"}:
        feats.append(f"suf={lower[-3:]}")
        feats.append(f"pre={lower[:3]}")
    if len(_CACHE) > 200_000:
        _CACHE.clear()
    _CACHE[word] = (lower, kind, feats)
    return lower, kind, feats


def sequence_features(text: str, tokens: list[Token]) -> list[list[str]]:
    """Feature lists for every token of ``text`` (tokens as returned by :func:`tokenize`)."""
    n = len(tokens)
    if n == 0:
        return []
    words = [_word(t.text) for t in tokens]
    lowers = [w[0] for w in words]
    kinds = [w[1] for w in words]
    out: list[list[str]] = []
    depth_paren = 0
    in_quote = False
    seen_year = False
    seen_colon = False
    seen_in = False
    segment = 0  # sentences so far: "Authors. Title. Container." puts each field in its own one
    for i, tok in enumerate(tokens):
        word = tok.text
        feats = list(words[i][2])
        lower = lowers[i]
        space_before = i == 0 or tokens[i - 1].end < tok.start
        space_after = i == n - 1 or tok.end < tokens[i + 1].start
        feats.append(f"sp={int(space_before)}{int(space_after)}")
        feats.append(f"pos={10 * i // n}")
        if i < 3:
            feats.append(f"abs={i}")
        if i >= n - 2:
            feats.append(f"last={n - 1 - i}")
        feats.append(f"par={min(depth_paren, 2)}")
        feats.append(f"q={int(in_quote)}")
        feats.append(f"yr={int(seen_year)}{int(seen_colon)}{int(seen_in)}")
        feats.append(f"seg={min(segment, 4)}|{int(seen_year)}")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                feats.append(f"{off}:w={lowers[j]}")
                feats.append(f"{off}:k={kinds[j]}")
            else:
                feats.append(f"{off}:edge")
        if i > 0:
            feats.append(f"-1k|k={kinds[i - 1]}|{kinds[i]}")
        if i + 1 < n:
            feats.append(f"k|+1k={kinds[i]}|{kinds[i + 1]}")
        out.append(feats)
        # running state, updated after the token so it describes what came before
        if word in "([{":
            depth_paren += 1
        elif word in ")]}" and depth_paren:
            depth_paren -= 1
        elif word in "“«" or (word == '"' and not in_quote):
            in_quote = True
        elif word in "”»" or (word == '"' and in_quote):
            in_quote = False
        if word in ".?!" and space_after and i and kinds[i - 1] not in {"initial", "capsshort"}:
            segment += 1
        if kinds[i] == "year":
            seen_year = True
        elif word == ":":
            seen_colon = True
        elif lower in {"in", "dans", "en"} and space_before:
            seen_in = True
    return out
