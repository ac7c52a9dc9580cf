"""Hand-written first-character lookaheads must list every character a match can start with.

Many hot patterns open with ``(?=[ABC…])`` (or carry one right after a ``\\b``) so that a search skips
other positions cheaply. The lookahead must admit every character the rest of the pattern can start
with; a word added later with a new first letter would otherwise silently stop matching. These tests
read each pattern's parse tree, compute the characters the part after such a lookahead can start with,
and check that the lookahead admits each of them.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from re import _constants as C
from re import _parser as P
from typing import Any

import pytest

import refnorm.dates
import refnorm.extract
import refnorm.lexicon
import refnorm.names
import refnorm.normalize
import refnorm.parser
import refnorm.parsing.authors
import refnorm.parsing.editors
import refnorm.parsing.imprint
import refnorm.parsing.numbers
import refnorm.parsing.scratch
import refnorm.parsing.tail
import refnorm.parsing.title

MODULES = [
    refnorm.lexicon,
    refnorm.parser,
    refnorm.parsing.scratch,
    refnorm.parsing.authors,
    refnorm.parsing.title,
    refnorm.parsing.numbers,
    refnorm.parsing.imprint,
    refnorm.parsing.editors,
    refnorm.parsing.tail,
    refnorm.names,
    refnorm.normalize,
    refnorm.extract,
    refnorm.dates,
]
# the hot patterns the speed work gave a lookahead: they must be found and checked
EXPECTED = {
    "lexicon.PUBLISHER_WORDS",
    "lexicon.CONFERENCE",
    "lexicon.JOURNAL_WORDS",
    "lexicon.THESIS",
    "lexicon.REPORT",
    "names._ORG_WORDS",
    "names._ETAL",
    "names._EDITOR_MARK",
    "names._SEPARATOR",
    "title._DETAIL_CUE",
    "title._IMPRINT_CUE",
    "authors.OPEN_QUOTE",
    "authors._AUTHOR_BOUNDARY",
    "numbers._VANCOUVER_NUMBERS",
}


class Uncovered(Exception):
    """A match could start with a character that the lookahead does not admit."""


_CATEGORY_TEST = {
    C.CATEGORY_SPACE: re.compile(r"\s").match,
    C.CATEGORY_NOT_SPACE: re.compile(r"\S").match,
    C.CATEGORY_DIGIT: re.compile(r"\d").match,
    C.CATEGORY_NOT_DIGIT: re.compile(r"\D").match,
    C.CATEGORY_WORD: re.compile(r"\w").match,
    C.CATEGORY_NOT_WORD: re.compile(r"\W").match,
}


@cache
def _category_chars(category: Any) -> str:
    test = _CATEGORY_TEST[category]
    return "".join(ch for ch in map(chr, range(sys.maxunicode + 1)) if test(ch))


def _in_class(items: list[tuple[Any, Any]], ch: str, ignorecase: bool) -> bool:
    variants = {ch, ch.lower(), ch.upper()} if ignorecase else {ch}
    negate = bool(items) and items[0][0] is C.NEGATE
    found = False
    for op, av in items:
        if op is C.LITERAL:
            found = any(ord(v) == av for v in variants)
        elif op is C.RANGE:
            found = any(av[0] <= ord(v) <= av[1] for v in variants)
        elif op is C.CATEGORY:
            found = any(_CATEGORY_TEST[av](v) for v in variants)
        if found:
            break
    return found != negate


def _first(items: list[tuple[Any, Any]], ignorecase: bool) -> tuple[list[tuple[Any, Any, bool]], bool]:
    """The first-character atoms of a sequence of parse items, and whether the sequence can be empty."""
    atoms: list[tuple[Any, Any, bool]] = []
    for op, av in items:
        if op in (C.AT,) or (op is C.ASSERT and av[0] < 0) or op is C.ASSERT_NOT:
            continue  # zero-width: \b, ^, lookbehinds, negative lookaheads
        if op is C.ASSERT:  # a positive lookahead: the next character satisfies it (a superset is safe)
            inner, empty = _first(list(av[1]), ignorecase)
            if not empty:
                return atoms + inner, False
            continue
        if op in (C.LITERAL, C.IN, C.ANY, C.NOT_LITERAL, C.CATEGORY):
            return [*atoms, (op, av, ignorecase)], False
        if op is C.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            case = (ignorecase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            inner, empty = _first(list(sub), case)
        elif op is C.BRANCH:
            inner, empty = [], False
            for branch in av[1]:
                branch_atoms, branch_empty = _first(list(branch), ignorecase)
                inner += branch_atoms
                empty = empty or branch_empty
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, _, sub = av
            inner, empty = _first(list(sub), ignorecase)
            empty = empty or low == 0
        elif op is C.ATOMIC_GROUP:
            inner, empty = _first(list(av), ignorecase)
        else:
            raise Uncovered(f"cannot analyse {op}")
        atoms += inner
        if not empty:
            return atoms, False
    return atoms, True


def _check(lookahead: list[tuple[Any, Any]], atoms: list[tuple[Any, Any, bool]], flags: int) -> None:
    case = bool(flags & re.IGNORECASE)
    for op, av, atom_case in atoms:
        if op is C.LITERAL:
            chars = chr(av)
        elif op is C.CATEGORY:
            if (C.CATEGORY, av) in lookahead:
                continue
            chars = _category_chars(av)
        elif op is C.IN:
            if av[0][0] is C.NEGATE:
                raise Uncovered("a negated class can start a match")
            chars = ""
            for sub_op, sub_av in av:
                if sub_op is C.LITERAL:
                    chars += chr(sub_av)
                elif sub_op is C.RANGE:
                    chars += "".join(map(chr, range(sub_av[0], sub_av[1] + 1)))
                elif (C.CATEGORY, sub_av) not in lookahead:
                    chars += _category_chars(sub_av)
        else:
            raise Uncovered(f"{op} can start a match")
        for ch in chars:
            variants = {ch, ch.lower(), ch.upper()} if atom_case else {ch}
            for variant in variants:
                if len(variant) == 1 and not _in_class(lookahead, variant, case):
                    raise Uncovered(f"a match can start with {variant!r}")


def _walk(items: list[tuple[Any, Any]], flags: int, found: list[int]) -> None:
    """Check every ``(?=[…])`` in every sequence against what follows it there."""
    for index, (op, av) in enumerate(items):
        if op is C.ASSERT and av[0] > 0 and len(av[1]) == 1 and av[1][0][0] is C.IN:
            atoms, _ = _first(list(items[index + 1 :]), bool(flags & re.IGNORECASE))
            _check(list(av[1][0][1]), atoms, flags)
            found.append(index)
        for child in _children(op, av):
            _walk(child, flags, found)


def _children(op: Any, av: Any) -> list[list[tuple[Any, Any]]]:
    if op is C.SUBPATTERN:
        return [list(av[3])]
    if op is C.BRANCH:
        return [list(branch) for branch in av[1]]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return [list(av[2])]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [list(av[1])]
    if op is C.ATOMIC_GROUP:
        return [list(av)]
    return []


def check_lookaheads(pattern: re.Pattern[str]) -> int:
    """Raise :class:`Uncovered` for a lookahead that misses a possible first character; return how many
    lookaheads were checked."""
    found: list[int] = []
    _walk(list(P.parse(pattern.pattern, pattern.flags)), pattern.flags, found)
    return len(found)


def _patterns() -> dict[str, re.Pattern[str]]:
    out: dict[str, re.Pattern[str]] = {}
    for module in MODULES:
        short = module.__name__.rsplit(".", 1)[-1]
        for name, value in vars(module).items():
            values = {name: value}
            if isinstance(value, dict):
                values = {f"{name}[{key!r}]": v for key, v in value.items()}
            elif isinstance(value, (list, tuple)):
                values = {f"{name}[{i}]": v for i, v in enumerate(value)}
            for key, pattern in values.items():
                is_text = isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str)
                if is_text and "(?=[" in pattern.pattern:
                    out.setdefault(f"{short}.{key}", pattern)
    return out


PATTERNS = _patterns()


def test_the_hot_patterns_are_checked() -> None:
    assert PATTERNS.keys() >= EXPECTED
    for name in EXPECTED:
        assert check_lookaheads(PATTERNS[name]) >= 1, name


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_lookahead_admits_every_first_character(name: str) -> None:
    check_lookaheads(PATTERNS[name])


@pytest.mark.parametrize(
    "pattern",
    [
        # a word with a new first letter ("Xylem") added without widening the lookahead
        re.compile(r"\b(?=[ABC])(?:Apple|Banana|Cherry|Xylem)\b"),
        # the same in a case-insensitive pattern, and after an optional prefix
        re.compile(r"(?=[\s,ab])\s*(?:,\s*)?(?:\balpha\b|beta|zeta)", re.IGNORECASE),
        # a class or a category that can start the match
        re.compile(r"(?=[ab])(?:a|[b-d])"),
        re.compile(r"(?=[,.])(?:,|\s)"),
        # the real lexicon with one more word
        re.compile(refnorm.lexicon.PUBLISHER_WORDS.pattern.replace("(?:Press|", "(?:Press|quux|")),
        re.compile(refnorm.lexicon.JOURNAL_WORDS.pattern.replace("(?:J|", "(?:J|Eos|")),
        re.compile(refnorm.names._ORG_WORDS.pattern.replace("(?:Organi", "(?:Ramsar|Organi")),
    ],
)
def test_a_missing_first_character_is_caught(pattern: re.Pattern[str]) -> None:
    with pytest.raises(Uncovered):
        check_lookaheads(pattern)


def test_upper_case_variants_count_in_case_insensitive_patterns() -> None:
    assert check_lookaheads(re.compile(r"(?=[ab])(?:Alpha|beta)", re.IGNORECASE)) == 1
    with pytest.raises(Uncovered):
        check_lookaheads(re.compile(r"(?=[ab])(?:Alpha|beta)"))
