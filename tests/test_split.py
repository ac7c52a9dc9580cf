"""Splitting reference lists (and pages holding one) into entries: refnorm.split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import refnorm
from refnorm.diagnostics import CODES
from refnorm.split import Chunk, JoinContext, join_lines, join_signals, should_join, split_entries

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_PAGE = ROOT / "examples" / "data" / "stem-cells-page.txt"

WATSON = "Watson JD, Crick FH. Molecular structure of nucleic acids. Nature. 1953;171(4356):737-738."
LECUN = (
    "LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015;521(7553):436-444. doi: 10.1038/nature14539."
)
KINGMA = "Kingma DP, Ba J. Adam: a method for stochastic optimization. arXiv:1412.6980. 2014."
REFS = (WATSON, LECUN, KINGMA)


def texts(chunks: list[Chunk]) -> list[str]:
    return [c.text for c in chunks]


def labels(chunks: list[Chunk]) -> list[str]:
    return [c.label for c in chunks]


def codes(chunks: list[Chunk]) -> set[str]:
    return {d.code for c in chunks for d in c.diagnostics}


# ── numbered lists ─────────────────────────────────────────────────────────────────────

MARKERS = {
    "dot": "{n}. ",
    "rparen": "{n}) ",
    "paren": "({n}) ",
    "bracket": "[{n}] ",
    "number-space": "{n} ",
    "superscript": "{sup}",
    "superscript-space": "{sup} ",
    "glued": "{n}",
}
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@pytest.mark.parametrize("marker", MARKERS.values(), ids=MARKERS.keys())
def test_numbered_styles_give_one_entry_per_number_without_it(marker: str) -> None:
    """Every common list-number form is recognised, removed from the text and kept as the label."""
    text = "\n".join(marker.format(n=i, sup=SUPERSCRIPT[i]) + ref for i, ref in enumerate(REFS, 1))
    chunks = split_entries(text)
    assert texts(chunks) == list(REFS)
    assert labels(chunks) == ["1", "2", "3"]
    assert [c.line for c in chunks] == [1, 2, 3]


def test_numbered_continuation_lines_are_joined() -> None:
    """Indented (PDF) continuation lines belong to the numbered entry above them."""
    text = (
        "[1] Watson JD, Crick FH. Molecular structure of\n    nucleic acids. Nature. 1953;171:737-738.\n[2] "
        + KINGMA
    )
    chunks = split_entries(text)
    assert texts(chunks) == [
        "Watson JD, Crick FH. Molecular structure of nucleic acids. Nature. 1953;171:737-738.",
        KINGMA,
    ]
    assert [c.line for c in chunks] == [1, 3]


def test_number_alone_on_its_line_labels_the_entry_below() -> None:
    """A list number printed on a line of its own starts the entry on the following lines."""
    chunks = split_entries(f"References\n\n1.\n{WATSON}\n\n2.\n{LECUN}\n")
    assert texts(chunks) == [WATSON, LECUN]
    assert labels(chunks) == ["1", "2"]
    assert [c.line for c in chunks] == [3, 6]


def test_seed_page_gives_its_24_references_in_order() -> None:
    """The motivating web page: 24 entries labelled 1..24, merged lines 5+6 and 13+14 repaired."""
    chunks = split_entries(SEED_PAGE.read_text(encoding="utf-8"))
    assert labels(chunks) == [str(i) for i in range(1, 25)]
    assert chunks[4].text.endswith("doi: 10.1152/ajpendo.00155.2020.")
    assert chunks[5].text.startswith("Ogay V, Sekenova A")
    assert chunks[12].text.endswith("doi: 10.1186/s13098-019-0415-0.")
    assert chunks[13].text.startswith("Guo XJ, Li FJ")
    assert chunks[11].text.endswith("2018;7(4):82-93.")
    assert chunks[4].line == chunks[5].line and chunks[12].line == chunks[13].line
    assert [d.code for d in chunks[5].diagnostics] == ["S101"]
    assert not any("Patient" in c.text or "551-3530" in c.text for c in chunks)


def test_parse_returns_one_reference_per_chunk() -> None:
    """refnorm.parse keeps the chunk text as raw, the printed number as label and the line."""
    refs = refnorm.parse(SEED_PAGE.read_text(encoding="utf-8"))
    assert len(refs) == 24
    assert [r.label for r in refs] == [str(i) for i in range(1, 25)]
    assert refs[5].raw.startswith("Ogay V")


# ── lost line breaks ───────────────────────────────────────────────────────────────────

MERGED = {
    "after a DOI": (f"1. {WATSON}\n2. {LECUN} 3. {KINGMA}", ["1", "2", "3"]),
    "after a page range": (
        "1. Cho J. A review. Am J Stem Cells. 2018;7(4):82-93 2. " + WATSON + "\n3. " + KINGMA,
        ["1", "2", "3"],
    ),
    "whole list on one line": (f"[1] {WATSON} [2] {LECUN} [3] {KINGMA}", ["1", "2", "3"]),
    "heading before the first number": (f"References: 1. {WATSON} 2. {LECUN} 3. {KINGMA}", ["1", "2", "3"]),
    "list starts inside the line above": (
        f"Bibliography (1) {WATSON} (2) {LECUN}\n(3) {KINGMA}",
        ["1", "2", "3"],
    ),
}


@pytest.mark.parametrize(("text", "expected"), MERGED.values(), ids=MERGED.keys())
def test_entries_run_together_are_split_at_the_next_number(text: str, expected: list[str]) -> None:
    """A lost line break is repaired at the next expected list number and reported as S101."""
    chunks = split_entries(text)
    assert labels(chunks) == expected
    assert chunks[-1].text == KINGMA
    assert "S101" in codes(chunks)


NOT_A_BOUNDARY = {
    "volume and issue": "Cho J. A review of trials. Am J Stem Cells. 2018;7(4):82-93.",
    "volume word": "Lull TF, ed. Basic Writings. Vol. 3. Minneapolis: Fortress Press; 1989.",
    "part word": "Marx K. Capital. Part 3. The production of surplus value. London: Penguin; 1976.",
    "inside a DOI": "Smith A. Title. J Foo. 2020. doi: 10.1000/x.3. 3.",
    "initials": "Baz Q, Qux Q. 3 A. B. Title of the work. J Foo. 2020;1:1-2.",
}


@pytest.mark.parametrize("entry", NOT_A_BOUNDARY.values(), ids=NOT_A_BOUNDARY.keys())
def test_numbers_inside_an_entry_are_not_list_numbers(entry: str) -> None:
    """With 3 missing from the list, no volume, part, DOI or initials is taken for it."""
    chunks = split_entries(f"1. {WATSON}\n2. {entry}\n4. {KINGMA}")
    assert texts(chunks) == [WATSON, entry, KINGMA]
    assert [d.code for d in chunks[2].diagnostics] == ["S102"]


def test_repeated_number_is_reported() -> None:
    """A number printed twice keeps both entries and says so (S103)."""
    chunks = split_entries(f"1. {WATSON}\n2. {LECUN}\n2. {KINGMA}")
    assert labels(chunks) == ["1", "2", "2"]
    assert [d.code for d in chunks[2].diagnostics] == ["S103"]


def test_split_diagnostics_are_registered_and_located() -> None:
    """Every split diagnostic has a registered S1xx code, a line and the entry's label."""
    chunks = split_entries(f"Intro text here\n\n1. {WATSON}\n2. {LECUN} 3. {KINGMA}\n5. {WATSON}")
    found = [d for c in chunks for d in c.diagnostics]
    assert {d.code for d in found} == {"S101", "S102", "S104"}
    for chunk in chunks:
        for diagnostic in chunk.diagnostics:
            assert diagnostic.code in CODES and diagnostic.code.startswith("S1")
            assert diagnostic.line is not None and diagnostic.label == chunk.label


# ── unnumbered lists ───────────────────────────────────────────────────────────────────

UNNUMBERED = {
    "one per line": "\n".join(REFS),
    "blank lines": "\n\n".join(REFS),
    "bullets": "\n".join("• " + ref for ref in REFS),
    "dash bullets": "\n".join("- " + ref for ref in REFS),
    "hanging indent": (
        "Watson JD, Crick FH. Molecular structure of nucleic acids.\n\tNature. 1953;171(4356):737-738.\n"
        f"{LECUN}\n"
        "Kingma DP, Ba J. Adam: a method for stochastic\n\toptimization. arXiv:1412.6980. 2014."
    ),
}


@pytest.mark.parametrize("text", UNNUMBERED.values(), ids=UNNUMBERED.keys())
def test_unnumbered_lists(text: str) -> None:
    """Unnumbered lists in the usual layouts give one entry per reference, bullets removed."""
    chunks = split_entries(text)
    assert texts(chunks) == list(REFS)
    assert labels(chunks) == ["", "", ""]


PAGE = f"""Home / Research / Team
Skip to content

Why stem cells?

Our laboratory studies how adult stem cells respond to inflammation and why they lose the ability
to regenerate tissue as we age, and we share what we learn with patients and doctors alike.

References

{WATSON}
{LECUN}

New Patient?
Schedule your FREE consultation!
Call +1 (302) 551-3530 or fill out the form and one of our specialists will contact you within 24 hours.
Book For A Patient Advocate Follow-Up
"""


def test_page_furniture_is_not_a_reference() -> None:
    """Navigation, prose, headings, calls to action and phone numbers around a list are dropped (S104)."""
    chunks = split_entries(PAGE)
    assert texts(chunks) == [WATSON, LECUN]
    assert codes(chunks) == {"S104"}


# ── the line-join score ────────────────────────────────────────────────────────────────

WRAPPED = JoinContext(width=72)
UNWRAPPED = JoinContext(width=0)
HANGING = JoinContext(start_indent=0)
JOINS = {
    "lower-case start": (
        "Kahneman, D., & Tversky, A. (1979). Prospect theory: An analysis of",
        "decision under risk. Econometrica, 47(2), 263-291.",
        WRAPPED,
        True,
    ),
    "open end": (
        "Granovetter, M. S. (1973). The strength of weak ties. American Journal of",
        "Sociology, 78(6).",
        WRAPPED,
        True,
    ),
    "broken word": (
        "Anderson, Benedict. 1983. Imagined Communities. Origin and Spread of Nation-",
        "alism.",
        WRAPPED,
        True,
    ),
    "continuation word": (
        "Bourdieu, Pierre. 1984. Distinction: A Social Critique of the Judgement of Taste.",
        "Translated by Richard Nice. Cambridge, MA: Harvard University Press.",
        WRAPPED,
        True,
    ),
    "year after the authors": (
        "Green, Meredith J., Christopher C. Sonn, and Jabulane Matsebula. 2007.",
        "“Reviewing Whiteness: Theory, Research, and Possibilities.” S Afr J Psychol.",
        WRAPPED,
        True,
    ),
    "broken DOI": ("Cell 126 (4): 663-676. doi: 10.1016/j.cell.2006.", "07.024.", WRAPPED, True),
    "next word would have fitted": (
        "Shannon, C. E. (1948). A mathematical theory. Bell Syst Tech, 27.",
        "Kahneman, D., & Tversky, A. (1979). Prospect theory.",
        WRAPPED,
        False,
    ),
    "full line ending a reference": (
        "Hochreiter, S., & Schmidhuber, J. (1997). Long short-term memory, 1735-1780.",
        "Lowry, O. H., Rosebrough, N. J., Farr, A. L., & Randall, R. J. (1951).",
        WRAPPED,
        False,
    ),
    "lines not wrapped": (
        "Watson JD, Crick FH. Molecular structure of nucleic acids. Nature. 1953;171:737-738,",
        "Kingma DP, Ba J. Adam: a method for stochastic optimization. 2014.",
        UNWRAPPED,
        False,
    ),
    "bullet": (
        "Watson JD, Crick FH. Molecular structure of nucleic acids and",
        "• Kingma DP, Ba J. Adam.",
        WRAPPED,
        False,
    ),
    "repeated author dash": (
        "Anderson, Benedict. 1983. Imagined Communities. London: Verso.",
        "———. 1998. The Spectre of Comparisons. London: Verso.",
        JoinContext(),
        False,
    ),
    "hanging indent, flush next line": (
        "Kahneman, D., & Tversky, A. (1979). Prospect theory of",
        "Granovetter, M. S. (1973).",
        HANGING,
        False,
    ),
}


@pytest.mark.parametrize(("prev", "nxt", "ctx", "join"), JOINS.values(), ids=JOINS.keys())
def test_line_join_score(prev: str, nxt: str, ctx: JoinContext, join: bool) -> None:
    """The summed join signals decide whether a line continues the entry above it."""
    assert should_join(prev, nxt, ctx) is join, join_signals(prev, nxt, ctx)


def test_indented_line_continues_a_hanging_entry() -> None:
    """In a hanging-indent list an indented line continues the entry, whatever it starts with."""
    signals = join_signals(
        "Lowry, O. H. (1951). Protein measurement.", "Randall, R. J. Folin.", HANGING, next_indent=4
    )
    assert sum(signals.values()) > 0 and signals["indent"] > 0


# ── hyphenation ────────────────────────────────────────────────────────────────────────

HYPHENS = {
    "broken word": (["A pa-", "per about cells"], "A paper about cells"),
    "compound kept": (["Wharton’s jelly-", "derived cells"], "Wharton’s jelly-derived cells"),
    "prefix kept": (["a self-", "assessment"], "a self-assessment"),
    "capitalised second part": (["Univ. of Wisconsin-", "Madison"], "Univ. of Wisconsin-Madison"),
    "page range": (["pp. 1857-", "1866."], "pp. 1857-1866."),
    "DOI": (["doi: 10.1002/stem.33-", "57"], "doi: 10.1002/stem.33-57"),
    "URL": (["https://example.org/refs/", "list.html"], "https://example.org/refs/list.html"),
    "spaced dash": (["Stem cells –", "a review"], "Stem cells – a review"),
    "plain": (["Nature.", "2015;521:436-444."], "Nature. 2015;521:436-444."),
}


@pytest.mark.parametrize(("parts", "expected"), HYPHENS.values(), ids=HYPHENS.keys())
def test_join_lines_undoes_only_break_hyphens(parts: list[str], expected: str) -> None:
    """Line-break hyphens go, real hyphens (compounds, ranges, DOIs, URLs) stay."""
    assert join_lines(parts) == expected


# ── golden lists ───────────────────────────────────────────────────────────────────────

GOLDEN_CASES = sorted(p.parent for p in GOLDEN.glob("split-*/input.txt"))


@pytest.mark.parametrize("case", GOLDEN_CASES, ids=[p.name for p in GOLDEN_CASES])
def test_golden_lists(case: Path) -> None:
    """Whole lists split exactly as recorded in expected.split.json (label, line, text, codes)."""
    chunks = split_entries((case / "input.txt").read_text(encoding="utf-8"))
    got = [
        {"label": c.label, "line": c.line, "text": c.text, "codes": [d.code for d in c.diagnostics]}
        for c in chunks
    ]
    assert got == json.loads((case / "expected.split.json").read_text(encoding="utf-8"))


# ── bad input ──────────────────────────────────────────────────────────────────────────

BAD = {
    "empty": "",
    "blank": " \n\t\n",
    "binary junk": bytes(range(256)).decode("latin-1") * 200,
    "nul bytes": "\x00" * 1000 + WATSON,
    "only numbers": "1. 2. 3. 4. 5.\n6)\n(7)\n[8]",
    "lone brackets": "(" * 5000 + "[" * 5000,
}


@pytest.mark.parametrize("text", BAD.values(), ids=BAD.keys())
def test_bad_input_never_raises(text: str) -> None:
    """Odd input gives a (possibly empty) list of non-empty chunks, never an exception."""
    assert all(c.text for c in split_entries(text))


LARGE = {
    "1 MB single line": ("Smith, J. 2001. A title, with words. " * 28000)[:1_000_000],
    "100k lines": "\n".join(f"{i % 90 + 1}. {WATSON}" for i in range(100_000)),
    "100k wrapped lines": "\n".join(
        ["Watson JD, Crick FH. Molecular structure of nucleic acids. Nature."] * 100_000
    ),
    "1 MB of list numbers": "1. 2) [3] (4) " * 70_000,
}


@pytest.mark.parametrize("text", LARGE.values(), ids=LARGE.keys())
def test_large_input_is_split_without_error(text: str) -> None:
    """Pathological large inputs are split into non-empty chunks (linear time is checked by size
    doubling in tests/test_adversarial.py, never by a wall-clock budget)."""
    assert all(c.text for c in split_entries(text))


TOKENS = [*"ab. ,;:-–()[]1234567890\n\t•A¹²", "doi: 10.1/x", "2019", "Smith, J. ", "\n\n"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=120).map("".join))
def test_chunks_are_well_formed(text: str) -> None:
    """For any text: chunk texts are non-empty and stripped, labels numeric or empty, lines valid."""
    n_lines = text.count("\n") + 1
    for chunk in split_entries(text):
        assert chunk.text and chunk.text == chunk.text.strip()
        assert chunk.label == "" or chunk.label.isdigit()
        assert 1 <= chunk.line <= n_lines + text.count("\r") + text.count("\x0b") + text.count("\x0c")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(REFS), min_size=1, max_size=8), st.sampled_from(list(MARKERS.values())[:5]))
def test_numbered_lists_never_lose_an_entry(refs: list[str], marker: str) -> None:
    """A clean numbered list comes back entry for entry, in order."""
    text = "\n".join(marker.format(n=i, sup="") + ref for i, ref in enumerate(refs, 1))
    chunks = split_entries(text)
    assert texts(chunks) == refs
    assert labels(chunks) == [str(i) for i in range(1, len(refs) + 1)]
