"""Properties of the public API that must hold for *any* input (hypothesis).

parse/parse_reference never raise and never hide an internal error; every entry of a list is
accounted for; what refnorm writes loads back (BibTeX in bibtexparser and pybtex, CSL-JSON against
the schema); ``refnorm fix`` and ``dedupe`` are idempotent and dedupe keeps first-occurrence order.
Budgets are small so the default run stays fast; ``-m slow`` runs the same properties harder.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string as pybtex_parse

import refnorm
from benchmarks.bench_parse import STYLES, make_work, render
from refnorm.cli import main
from refnorm.dedupe import dedupe
from refnorm.formats.bibtex import to_bibtex
from refnorm.formats.csl_json import to_csl_json
from refnorm.model import Reference

SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.json").read_text(encoding="utf-8"))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HARD = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# The hard variants take minutes: `REFNORM_SLOW=1 python3 -m pytest -m slow tests/test_properties.py`.
def slow(test: Callable[..., None]) -> Callable[..., None]:
    """Marked slow, and skipped unless REFNORM_SLOW is set (the default run includes -m slow)."""
    skip = pytest.mark.skipif("REFNORM_SLOW" not in os.environ, reason="long run: set REFNORM_SLOW=1")
    return pytest.mark.slow(skip(test))  # type: ignore[no-any-return]


# Text that looks like references: pieces of real-shaped entries, separators and odd characters.
PIECES = [
    *"ab.,;:-–—()[]{}\"'&/\n\t 0123456789",
    "Smith, J.", "G. W.", " and ", " & ", "et al.", "(2019)", "2019;12(3):45-67", "pp. 1–9",
    "doi:10.1000/xyz", "https://doi.org/10.1234/ab(c)", "arXiv:1706.03762", "PMID: 123456",
    "vol. 3", "no. 4", "In: ", "Eds.", "ed.", "Press", "J Biol Chem.", "Phys. Rev. Lett. 12, 345",
    "\n1. ", "\n2) ", "[3] ", "\n\n", "\u00ad", "\u200b", "\ufeff", "\x00", "\r", "\r\n", "Müller", "Ørsted",
    "北京大学", "محمد", "שלום", "\u202e", "ﬁ", "²",
]  # fmt: skip
reference_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.text(max_size=300)
texts = st.one_of(reference_like, any_text)
styles = st.sampled_from(sorted(STYLES))


@st.composite
def generated_references(draw: st.DrawFn, min_size: int = 1, max_size: int = 12) -> list[str]:
    """Well-formed references in mixed styles, from invented works."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    chosen = draw(st.lists(styles, min_size=min_size, max_size=max_size))
    return [render(make_work(rng, i), style) for i, style in enumerate(chosen)]


def assert_sane(ref: Reference) -> None:
    """A parse result keeps its text, hides no internal error and converts to plain CSL data."""
    assert isinstance(ref, Reference)
    assert "P299" not in {d.code for d in ref.diagnostics}, ref.diagnostics
    assert all(name.family or name.literal for name in (*ref.author, *ref.editor))
    json.dumps(ref.to_csl())


def letters(text: str) -> Counter[str]:
    return Counter(ch for ch in text if ch.isalpha())


def loads_back(text: str) -> int:
    """Entries bibtexparser reads with no failed block; pybtex must read as many."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    assert len(pybtex_parse(text, "bibtex").entries) == len(library.entries)
    return len(library.entries)


# -- never raise ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["a\n\xad and", "Smith J. Title.\n\xad and x"], ids=["short", "reference"])
def test_soft_hyphen_line_start(text: str) -> None:
    """parse must not raise on a line that starts with a soft hyphen (found by hypothesis, fixed)."""
    assert all(ref.raw for ref in refnorm.parse(text))


def check_parse_reference(text: str) -> None:
    ref = refnorm.parse_reference(text)
    assert ref.raw == text
    assert_sane(ref)


def check_parse(text: str) -> None:
    refs = refnorm.parse(text)
    lines = len(text.splitlines()) + 1
    for ref in refs:
        assert ref.raw.strip()
        assert ref.line is None or 1 <= ref.line <= lines
        assert_sane(ref)
    if not any(d.code == "S104" for ref in refs for d in ref.diagnostics):
        # nothing dropped unreported: every letter of the input is in some entry
        assert letters("".join(r.raw for r in refs)) == letters(text) or not refs


@FAST
@given(texts)
def test_parse_reference_never_raises(text: str) -> None:
    """parse_reference returns a Reference keeping the text, with no internal error, for any text."""
    check_parse_reference(text)


@FAST
@given(texts)
def test_parse_never_raises_and_drops_nothing_silently(text: str) -> None:
    """parse returns sane References for any text; letters are lost only with an S104 note."""
    check_parse(text)


@slow
@HARD
@given(texts)
def test_parse_and_parse_reference_hard(text: str) -> None:
    """The two never-raise properties above, with many more examples."""
    check_parse_reference(text)
    check_parse(text)


# -- every entry accounted for ---------------------------------------------------------------------


@FAST
@given(generated_references(), st.sampled_from(["{n}. ", "[{n}] ", "({n}) ", "{n}) "]))
def test_numbered_list_gives_every_entry(refs: list[str], marker: str) -> None:
    """A numbered list of n well-formed references parses to n entries labelled 1..n, in order."""
    text = "\n".join(marker.format(n=n) + ref for n, ref in enumerate(refs, 1))
    parsed = refnorm.parse(text)
    assert [r.label for r in parsed] == [str(n) for n in range(1, len(refs) + 1)]
    assert [r.raw for r in parsed] == refs


@FAST
@given(generated_references(), st.sampled_from(["\n\n", "\r\n\r\n", "\r\r"]))
def test_blank_line_separated_list_gives_every_entry(refs: list[str], separator: str) -> None:
    """Blank-line separated references (any line ending) come out one per entry, text unchanged."""
    parsed = refnorm.parse(separator.join(refs))
    assert [r.raw for r in parsed] == refs


@FAST
@given(generated_references(min_size=2), st.data())
def test_dedupe_accounts_for_every_entry(refs: list[str], data: st.DataObject) -> None:
    """Repeated references: every number maps to a survivor; a repeat with a title or DOI is merged or
    reported as a likely duplicate (the physics short form has neither and may stay unflagged)."""
    repeats = data.draw(st.lists(st.integers(0, len(refs) - 1), max_size=5))
    items = [
        refnorm.parse_reference(t, label=str(n)) for n, t in enumerate(refs + [refs[i] for i in repeats], 1)
    ]
    result = dedupe(items)
    assert sorted(result.renumbering) == list(range(1, len(items) + 1))
    assert sum(len(g) - 1 for g in result.groups) == len(items) - len(result.references)
    merged = {n for group in result.groups for n in group[1:]}
    reported = {c.other for c in (*result.likely_duplicates, *result.not_merged)}
    findable = {n for n, ref in enumerate(items, 1) if n > len(refs) and (ref.title or ref.doi)}
    assert findable <= merged | reported


# -- what is written loads back -------------------------------------------------------------------------


@FAST
@given(st.one_of(generated_references().map("\n".join), texts), st.booleans(), st.booleans())
@example("https://doi.org/10.1234/ab(c){", False, False)  # a brace in a DOI once unbalanced the entry
@example("doi:10.1234/x}a", True, True)
def test_bibtex_of_any_parse_loads_in_bibtexparser_and_pybtex(
    text: str, unicode: bool, biblatex: bool
) -> None:
    """to_bibtex(parse(text)) loads in bibtexparser and pybtex with one entry per reference."""
    refs = refnorm.parse(text)
    assert loads_back(to_bibtex(refs, unicode=unicode, biblatex=biblatex)) == len(refs)


@FAST
@given(st.one_of(generated_references().map("\n".join), texts))
def test_csl_json_of_any_parse_validates(text: str) -> None:
    """to_csl_json(parse(text)) is valid against the vendored CSL-JSON schema, one item per reference."""
    refs = refnorm.parse(text)
    data = json.loads(to_csl_json(refs))
    jsonschema.validate(data, SCHEMA)
    assert len(data) == len(refs)


@slow
@HARD
@given(st.one_of(generated_references().map("\n".join), texts))
def test_written_output_loads_hard(text: str) -> None:
    """Both load-back properties above, with many more examples."""
    refs = refnorm.parse(text)
    assert loads_back(to_bibtex(refs)) == len(refs)
    jsonschema.validate(json.loads(to_csl_json(refs)), SCHEMA)


# -- idempotence and order -----------------------------------------------------------------------------

field_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@st.composite
def bib_files(draw: st.DrawFn) -> str:
    """A .bib of a few entries whose field values are arbitrary text (braces balanced by refnorm)."""
    refs = []
    rng = random.Random(draw(st.integers(0, 2**32)))
    for i in range(draw(st.integers(1, 5))):
        work = make_work(rng, i)
        variables: dict[str, Any] = {
            "title": draw(st.one_of(st.just(work.title), field_text)),
            "container-title": work.journal,
            "page": draw(st.sampled_from([f"{work.first}-{work.last}", f"{work.first}--{work.last}", "12"])),
            "DOI": draw(st.sampled_from([work.doi, f"https://doi.org/{work.doi}", f"doi:{work.doi}", ""])),
            "note": draw(field_text),
        }
        item: dict[str, Any] = {
            "type": "article-journal",
            "author": [{"family": a[1], "given": a[2]} for a in work.authors],
        }
        item.update({k: v for k, v in variables.items() if v})
        item["issued"] = {"date-parts": [[work.year]]}
        refs.append(Reference.from_csl(item))
    if draw(st.booleans()):  # a duplicate work under another key
        refs.append(refs[0])
    return to_bibtex(refs, unicode=draw(st.booleans()))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bib_files(), st.sampled_from([[], ["--dedupe"], ["--keys"], ["--dedupe", "--sort", "--keys"]]))
def test_refnorm_fix_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, options: list[str]
) -> None:
    """`refnorm fix` on any .bib it writes: a second run exits 0 and leaves the bytes as they were."""
    path = tmp_path / "refs.bib"
    path.write_text(text, encoding="utf-8")
    assert main(["fix", str(path), "-q", *options]) in (0, 1)
    once = path.read_bytes()
    assert main(["fix", str(path), "-q", *options]) == 0
    assert path.read_bytes() == once
    capsys.readouterr()


@pytest.mark.parametrize(
    "text",
    [
        "@(@6(2019)9@6(2019)9)@stri9)@",
        "@a(@x(1)2@x(1)2)@b3)@",
        "@a{x,}@a{x,}@a(x,)}",
        "@(@6(2019)@6(2019)i@6(2019)@6(2019)",
        "@(@6(2019)@(i9)ri9@stri9@6(2019)@stri9)@stri9@6(2019)@@(@6(2019)@stri9)@stri9@6(2019)@stri9@6(2019)"
        "@stri9)@stri9@6(2019)@",
        "@6(2019)@stri9(ri9)@stri9@6(2019)(ri9)",
    ],
    ids=[
        "fuzz-junk",
        "parenthesised-junk",
        "mixed-delimiters",
        "copies-beside-stray-text",
        "copies-in-a-garbled-line",
        "drop-would-join-text",
    ],
)
def test_fix_dedupe_is_idempotent_on_junk(text: str) -> None:
    """fix --dedupe reaches a fixed point on junk the splitter mis-spans (found by tests/fuzz, fixed)."""
    from refnorm.checks import fix_bib

    once = fix_bib(text, dedupe=True)
    assert not fix_bib(once.text, dedupe=True).changed


@FAST
@given(generated_references(min_size=2, max_size=8), st.data(), st.booleans())
def test_dedupe_is_idempotent_and_order_stable(refs: list[str], data: st.DataObject, fuzzy: bool) -> None:
    """Deduping twice equals deduping once; survivors are the entries not merged away, in input order."""
    order = data.draw(st.lists(st.integers(0, len(refs) - 1), min_size=1, max_size=14))
    items = [refnorm.parse_reference(refs[i], label=str(n)) for n, i in enumerate(order, 1)]
    once = dedupe(items, fuzzy=fuzzy)
    assert dedupe(once.references, fuzzy=fuzzy).references == once.references
    merged = {n for group in once.groups for n in group[1:]}
    assert [r.raw for r in once.references] == [r.raw for n, r in enumerate(items, 1) if n not in merged]
    if fuzzy and all(r.title or r.doi for r in items):  # the same text twice is one work
        assert len(once.references) == len(set(order))
