"""Input known to hang reference parsers: everything finishes, in time that grows linearly.

No wall-clock limits: each growth test measures the same work on an input of size n and of size
2n in the same run (CPU time of this process, best of three, with the call repeated until it
takes long enough to measure) and requires the larger to cost at most ``MAX_GROWTH`` times the
smaller. Linear code gives about 2, quadratic code about 4. The very large inputs (10 MB .bib)
run only with ``REFNORM_SLOW=1``.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from typing import Any

import pytest

import refnorm
from benchmarks.bench_bibfile import make_bib
from benchmarks.bench_dedupe import make_references
from benchmarks.bench_parse import make_list
from refnorm.bibfile import parse_bib
from refnorm.checks import check_bib, fix_bib
from refnorm.dedupe import dedupe
from refnorm.formats.bibtex import read_bibtex
from refnorm.model import Date, FrozenMap, Name, Reference
from refnorm.parser import MAX_REFERENCE_LENGTH

MAX_GROWTH = 2.5
MIN_SECONDS = 0.02  # below this, timer resolution and noise dominate: repeat the call

slow = pytest.mark.skipif("REFNORM_SLOW" not in os.environ, reason="long run: set REFNORM_SLOW=1")
SLOW = [pytest.mark.slow, slow]


def _cpu(function: Callable[[Any], object], arg: Any, calls: int, repeats: int = 3) -> float:
    """Best CPU seconds of ``calls`` calls, the cyclic collector paused (its runs are noise here)."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeats):
            start = time.process_time()
            for _ in range(calls):
                function(arg)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def growth(function: Callable[[Any], object], small: Any, large: Any) -> float:
    """CPU time of ``function(large)`` over ``function(small)``, ``large`` being twice ``small``."""
    calls = 1
    while _cpu(function, small, calls, repeats=1) < MIN_SECONDS and calls < 4096:
        calls *= 2
    gc.collect()
    return _cpu(function, large, calls) / max(_cpu(function, small, calls), 1e-9)


def repeat_to(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def assert_linear(function: Callable[[Any], object], small: Any, large: Any) -> None:
    ratio = growth(function, small, large)
    retries = 4  # bursts of load on a shared 2-core machine must not fail the suite; quadratic work
    while ratio > MAX_GROWTH and retries:  # shows about 4x on every try, so the best of a few tells
        ratio = min(ratio, growth(function, small, large))
        retries -= 1
    assert ratio <= MAX_GROWTH, f"doubling the input cost {ratio:.2f}× the work"


# -- parse_reference: one long string, below and above the length cap ---------------------------

SHAPES = [
    pytest.param("G. W. and L. B. and M. M. G. and ", id="initials-run"),
    pytest.param(",", id="commas"),
    pytest.param(".", id="dots"),
    pytest.param(", ", id="comma-space"),
    pytest.param(". ", id="dot-space"),
    pytest.param("(", id="open-parens"),
    pytest.param("([{", id="open-brackets"),
    pytest.param('"', id="quotes"),
    pytest.param("1234 ", id="digits"),
    pytest.param("(2019) ", id="years"),
    pytest.param("doi:10.1000/", id="doi-prefixes"),
    pytest.param("https://x.org/a", id="url"),
    pytest.param("et al. ", id="et-al"),
    pytest.param("pp. 1-2, ", id="page-ranges"),
    pytest.param("vol. 3, no. 4, ", id="volume-issue"),
    pytest.param("Smith, J., ", id="names"),
    pytest.param("In: ", id="in-cue"),
    pytest.param("word ", id="words"),
    pytest.param("\x00a", id="nul-bytes"),
    pytest.param("Müller 北京 محمد שלום Ωμέγα ", id="mixed-scripts"),
    pytest.param("\u202eשלום עולם, \u202c", id="right-to-left"),
    pytest.param("a\r\nb\rc\n", id="crlf-and-lone-cr"),
]  # fmt: skip


@pytest.mark.parametrize("unit", SHAPES)
def test_parse_reference_below_the_cap_is_linear(unit: str) -> None:
    """A string of one repeated pattern: doubling it up to the length cap at most doubles the work."""
    half = MAX_REFERENCE_LENGTH // 2
    small, large = repeat_to(unit, half), repeat_to(unit, 2 * half)
    assert len(large) <= MAX_REFERENCE_LENGTH  # parsed field by field, not kept whole
    assert_linear(refnorm.parse_reference, small, large)


@pytest.mark.parametrize("unit", [p.values[0] for p in SHAPES], ids=[p.id for p in SHAPES])
def test_parse_reference_above_the_cap_is_kept_whole(unit: str) -> None:
    """Over the cap, even 1 MB, the text is kept whole in raw and leftovers with P201, not parsed."""
    text = repeat_to(unit, 1_000_000)
    ref = refnorm.parse_reference(text)
    assert [d.code for d in ref.diagnostics] == ["P201"] and ref.raw == text and ref.leftovers == (text,)


def test_parse_reference_above_the_cap_is_linear() -> None:
    """The cap check costs no more than linear work: 0.5 MB vs 1 MB."""
    unit = "G. W. and L. B. and M. M. G. and "
    assert_linear(refnorm.parse_reference, repeat_to(unit, 500_000), repeat_to(unit, 1_000_000))


# -- parse: long lists and long lines ---------------------------------------------------------------


def numbered(n: int) -> str:
    return make_list(n, run_together=0.05)


LISTS: dict[str, Callable[[int], str]] = {
    "numbered-list": numbered,
    "crlf-list": lambda n: numbered(n).replace("\n", "\r\n"),
    "lone-cr-list": lambda n: numbered(n).replace("\n", "\r"),
    "bom-nul-list": lambda n: "\ufeff" + numbered(n).replace(". ", ".\x00 ", 50),
    "blank-line-list": lambda n: numbered(n).replace("\n", "\n\n").replace(". ", ".  ", 0),
    "unnumbered-wrapped": lambda n: "\n".join(
        line[i : i + 70] for line in numbered(n).splitlines() for i in range(0, len(line), 70)
    ),
    "single-line": lambda n: numbered(n).replace("\n", " "),
    "initials-lines": lambda n: "G. W. and L. B. and\n" * (n * 10),
    "comma-lines": lambda n: (",," * 40 + "\n") * (n * 4),
    "dot-lines": lambda n: ("." * 80 + "\n") * (n * 4),
    "invalid-utf8-replaced": lambda n: (
        numbered(n).encode().replace(b"\xc3", b"\xff").decode(errors="replace")
    ),
    "invalid-utf8-surrogates": lambda n: (
        numbered(n).encode().replace(b"\xc3", b"\xff").decode(errors="surrogateescape")
    ),
    "mixed-scripts-rtl": lambda n: "\n".join(
        f"{i}. \u202bמחבר א׳\u202c, 北京大学 ({2000 + i % 20}). Заголовок {i}. مجلة. 3:{i}."
        for i in range(1, n * 2 + 1)
    ),
}


@pytest.mark.parametrize("make", LISTS.values(), ids=LISTS.keys())
def test_parse_long_lists_is_linear(make: Callable[[int], str]) -> None:
    """parse on a list (or one long line) of 50 vs 100 entries' worth of text: linear work."""
    assert_linear(refnorm.parse, make(50), make(100))


def test_one_megabyte_single_line_finishes() -> None:
    """A 1 MB line of unnumbered references cannot be split: one entry, kept whole with P201."""
    text = repeat_to("Smith, J. 2001. A title, with words. ", 1_000_000)
    (ref,) = refnorm.parse(text)
    assert ref.raw == text and "P201" in {d.code for d in ref.diagnostics}


@slow
@pytest.mark.slow
def test_one_megabyte_numbered_line_finishes() -> None:
    """A 1 MB numbered list on one line is split at its numbers, keeping nearly every character."""
    text = numbered(5_000).replace("\n", " ")[:1_000_000]
    refs = refnorm.parse(text)
    assert len(refs) > 4_900 and sum(len(r.raw) for r in refs) > 900_000


# -- the .bib reader and check ------------------------------------------------------------------------


def nested(depth: int) -> str:
    return "@article{deep,\n  title = " + "{" * depth + "x" + "}" * depth + ",\n  year = 2001\n}\n"


BIBS: dict[str, Callable[[int], str]] = {
    "entries": lambda n: make_bib(n),
    "crlf-bom": lambda n: "\ufeff" + make_bib(n).replace("\n", "\r\n"),
    "lone-cr": lambda n: make_bib(n).replace("\n", "\r"),
    "nul-bytes": lambda n: make_bib(n).replace("title", "ti\x00tle", n // 3),
    "deep-braces": lambda n: nested(n * 10),
    "unclosed-braces": lambda n: "@article{a, title = " + "{" * (n * 20) + "\n" + make_bib(n // 10),
    "stray-closing": lambda n: "}" * (n * 20) + "\n" + make_bib(n // 10),
    "unclosed-entries": lambda n: "@article{k,\n  title = {x},\n" * (n * 2),
    "at-signs": lambda n: "@" * (n * 200),
    "mixed-scripts": lambda n: make_bib(n).replace("Journal of", "Журнал 北京 مجلة"),
}


@pytest.mark.parametrize("make", BIBS.values(), ids=BIBS.keys())
def test_bib_check_is_linear(make: Callable[[int], str]) -> None:
    """parse_bib + check_bib on 100 vs 200 units of a shape: linear work, and a byte-exact round trip."""
    small, large = make(100), make(200)
    assert parse_bib(large).original() == large
    assert_linear(lambda text: check_bib(parse_bib(text)), small, large)


@pytest.mark.parametrize("name", ["entries", "deep-braces", "unclosed-braces"])
def test_bib_fix_and_read_are_linear(name: str) -> None:
    """fix_bib and the BibTeX reader (convert, dedupe) grow linearly too."""
    small, large = BIBS[name](100), BIBS[name](200)
    assert_linear(fix_bib, small, large)
    assert_linear(read_bibtex, small, large)


@slow
@pytest.mark.slow
def test_ten_megabyte_bib_finishes() -> None:
    """A 10 MB .bib is parsed, checked and fixed, and round-trips byte for byte."""
    text = make_bib(40_000)
    assert len(text.encode()) > 10_000_000
    bib = parse_bib(text)
    assert bib.original() == text
    assert check_bib(bib)
    assert fix_bib(text).changed


# -- dedupe --------------------------------------------------------------------------------------------


def same_work(n: int, **variables: str) -> list[Reference]:
    """n copies of one work differing only in their label (the worst case for grouping)."""
    base = {"title": "Attention is all you need", **variables}
    return [
        Reference(
            author=(Name("Vaswani", "A"),),
            issued=Date(2017),
            variables=FrozenMap(base),
            label=str(i),
        )
        for i in range(1, n + 1)
    ]


DEDUPES: dict[str, Callable[[int], list[Reference]]] = {
    "mixed": lambda n: make_references(n * 10),
    "one-doi": lambda n: same_work(n * 5, DOI="10.5555/one"),
    "one-title-no-ids": lambda n: same_work(n * 5),
    "conflicting-dois": lambda n: [
        Reference(author=(Name("Li", "F"),), issued=Date(2017), label=str(i),
                  variables=FrozenMap({"title": "Stem cells", "DOI": f"10.5555/{i}"}))
        for i in range(1, n * 5 + 1)
    ],
}  # fmt: skip


@pytest.mark.parametrize("fuzzy", [False, True], ids=["exact", "fuzzy"])
@pytest.mark.parametrize("make", DEDUPES.values(), ids=DEDUPES.keys())
def test_dedupe_is_linear(make: Callable[[int], list[Reference]], fuzzy: bool) -> None:
    """dedupe on 500 vs 1,000 references (1k vs 2k for the mixed set): linear work."""
    assert_linear(lambda refs: dedupe(refs, fuzzy=fuzzy), make(100), make(200))
