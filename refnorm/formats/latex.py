"""LaTeX text in .bib files ↔ Unicode text in :class:`~refnorm.model.Reference`.

Decoding uses pylatexenc (bibtexparser's own decoder) but only for values that hold a macro or
math; plain values (the vast majority) take a fast path that only drops grouping braces, so
reading a 10,000-entry file stays quick. Encoding uses latexcodec (pybtex's codec); the few
characters it leaves alone although LaTeX treats them specially are escaped around it.
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import Any

import latexcodec  # noqa: F401  (registers the "ulatex" codecs)

__all__ = ["braces_balanced", "decode", "decode_verbatim", "encode", "encode_title", "protect_words"]

_FAST_REPLACEMENTS = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("~", " "))
# $…$ is math only when it looks like math; "costs $5 and $10" is two dollar signs.
_MATH = re.compile(r"(?<!\\)\$(?=[^$]*[\\^_{])[^$\s](?:[^$]*[^$\s\\])?\$")
_SPECIALS = re.compile(r"[\\{}^$]")
_TEXT_MACROS = {"textbraceleft": "{", "textbraceright": "}", "textasciicircum": "^", "textbackslash": "\\"}
# Literal braces are written as macros, not \{ \}: BibTeX counts every brace when matching.
_SPECIAL_TEXT = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}", "$": r"\$"}
_SPECIAL_TEXT.update({char: f"\\{name}{{}}" for name, char in _TEXT_MACROS.items() if char not in "{}"})
_NEEDS_ENCODING = re.compile(r"[^\x20-\x7e]|[\\{}^$&%#_~]")
_VERBATIM_ESCAPES = re.compile(r"\\([_%&#$])")
_SPACE_RUN = re.compile(r"\s+")


@functools.cache
def _decoder() -> Any:
    from pylatexenc.latex2text import (  # type: ignore[import-untyped]
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )

    context = get_default_latex_context_db()
    macros = [MacroTextSpec("url", simplify_repl="%s")]
    # What encode() writes for characters LaTeX reserves; pylatexenc does not know all of them.
    macros += [MacroTextSpec(name, simplify_repl=char) for name, char in _TEXT_MACROS.items()]
    context.add_context_category("refnorm", prepend=True, macros=macros)
    return LatexNodes2Text(latex_context=context, math_mode="verbatim", keep_braced_groups=False)


@functools.lru_cache(maxsize=65536)  # names and journal titles repeat throughout a .bib
def decode(text: str) -> tuple[str, bool]:
    """Unicode text for a LaTeX field value, and whether it decoded cleanly."""
    ok = True
    if "\\" in text or "$" in text:
        try:
            return _SPACE_RUN.sub(" ", _decoder().latex_to_text(text)).strip(), True
        except Exception:  # pylatexenc raises many types on malformed input; the value is still kept
            ok = False
    text = text.replace("{", "").replace("}", "")
    for old, new in _FAST_REPLACEMENTS:
        text = text.replace(old, new)
    return _SPACE_RUN.sub(" ", text).strip(), ok


def decode_verbatim(text: str) -> str:
    """A URL/DOI/file value: braces dropped, ``\\_`` → ``_``; nothing else is interpreted."""
    text = text.strip()
    if text.startswith("\\url{") and text.endswith("}"):
        text = text[5:-1]
    return _VERBATIM_ESCAPES.sub(r"\1", text.replace("{", "").replace("}", "")).strip()


def braces_balanced(text: str) -> bool:
    depth = 0
    previous = ""
    for char in text:
        if previous != "\\":
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth < 0:
                    return False
        previous = "" if previous == "\\" else char
    return depth == 0


def _encode_plain(text: str, unicode: bool) -> str:
    out = []
    pos = 0
    for match in _SPECIALS.finditer(text):
        out.append(_codec(text[pos : match.start()], unicode))
        out.append(_SPECIAL_TEXT[match.group()])
        pos = match.end()
    out.append(_codec(text[pos:], unicode))
    return "".join(out)


def _codec(text: str, unicode: bool) -> str:
    if not text:
        return ""
    if unicode:
        return str(codecs.encode(text, "ulatex+utf8"))
    return str(codecs.encode(text, "ulatex", errors="keep"))


def encode(text: str, *, unicode: bool = False) -> str:
    """A BibTeX field value for plain text: LaTeX specials escaped, math kept, braces balanced.

    ``unicode=False`` also turns non-ASCII letters into LaTeX accents (``ü`` → ``\\"u``).
    """
    if not _NEEDS_ENCODING.search(text):
        return text
    out = []
    pos = 0
    for match in _MATH.finditer(text):
        out.append(_encode_plain(text[pos : match.start()], unicode))
        out.append(match.group())
        pos = match.end()
    out.append(_encode_plain(text[pos:], unicode))
    return "".join(out)


# -- title case protection ----------------------------------------------------------------------------

_TOKEN = re.compile(rf"(?:{_MATH.pattern}|\S)+")  # math with spaces inside stays one token
_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[:.?!]$")
_SMALL = frozenset(
    "a an and as at but by for from in into nor of on or over per the to upon via vs with".split()  # noqa: SIM905
)


def _has_inner_capital(word: str) -> bool:
    """DNA, mRNA, COVID-19, iPhone, McDonald, SARS-CoV-2: case a style must not change."""
    letters = "".join(_LETTERS.findall(word))
    return len(letters) > 1 and any(c.isupper() for c in letters[1:])


def _is_sentence_case(words: list[str]) -> bool:
    """Most words after the first start lower-case: then a capital mid-title marks a proper noun."""
    counted = [
        w for w in words[1:] if w[:1].isalpha() and w.lower() not in _SMALL and not _has_inner_capital(w)
    ]
    if len(counted) < 2:
        return False
    capitals = sum(1 for w in counted if w[0].isupper())
    return capitals * 2 < len(counted)


def protect_words(title: str) -> list[tuple[str, bool]]:
    """The title's whitespace-separated tokens, each with whether it needs ``{…}`` protection."""
    tokens = _TOKEN.findall(title)
    sentence_case = _is_sentence_case(tokens)
    result = []
    starts_clause = True
    for token in tokens:
        word = token.strip("\"'“”‘’()[]«»,;:.!?")
        protect = _has_inner_capital(word) or (
            sentence_case and not starts_clause and word[:1].isupper() and word[:1].isalpha()
        )
        result.append((token, protect))
        starts_clause = bool(_SENTENCE_END.search(token))
    return result


def encode_title(title: str, *, unicode: bool = False) -> str:
    """A title for BibTeX: escaped like :func:`encode`, acronyms and proper nouns in ``{…}``."""
    parts = []
    for token, protect in protect_words(title):
        encoded = encode(token, unicode=unicode)
        parts.append(f"{{{encoded}}}" if protect else encoded)
    return " ".join(parts)
