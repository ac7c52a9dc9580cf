"""The .bib checks: each code on a small entry, its fix, and fix_bib's guarantees on real-shaped files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refnorm.bibfile import parse_bib
from refnorm.checks import CHECKS, check_bib, fix_bib, latex_to_unicode, protect_capitals, unicode_to_latex
from refnorm.config import Config, parse_config
from refnorm.diagnostics import CODES

DATA = Path(__file__).parent / "data" / "bib"
FILES = sorted(DATA.glob("*.bib"))


def entry(body: str, kind: str = "article", key: str = "k") -> str:
    fields = "".join(f"  {line},\n" for line in body.strip().splitlines())
    return f"@{kind}{{{key},\n{fields}}}\n"


ARTICLE = "author = {A, B}\ntitle = {{Title}}\njournal = {J}\nyear = {2020}"

# (case id, bib text, config, expected code, text expected in the fixed file or None when not fixable)
CASES = [
    ("clean", entry(ARTICLE), {}, None, None),
    ("B601-dup-key", entry(ARTICLE) + entry(ARTICLE + "\nvolume = {2}"), {}, "B601", None),
    ("B601-case", entry(ARTICLE, key="Key") + entry(ARTICLE + "\nvolume = {2}", key="key"), {}, "B601", None),
    (
        "B602-same-doi",
        entry(ARTICLE + "\ndoi = {10.1000/A}", key="a") + entry(ARTICLE + "\ndoi = {10.1000/a}", key="b"),
        {},
        "B602",
        None,
    ),
    (
        "B602-arxiv",
        entry(ARTICLE + "\neprint = {1706.03762v5}\neprinttype = {arxiv}", key="a")
        + entry(ARTICLE + "\neprint = {1706.03762}\narchiveprefix = {arXiv}", key="b"),
        {},
        "B602",
        None,
    ),
    ("B603-malformed", entry(ARTICLE + "\ndoi = {10.12/x}"), {}, "B603", None),
    ("B604-url", entry(ARTICLE + "\ndoi = {https://doi.org/10.1000/xyz}"), {}, "B604", "doi = {10.1000/xyz}"),
    ("B604-prefix", entry(ARTICLE + '\ndoi = "doi: 10.1000/xyz"'), {}, "B604", 'doi = "10.1000/xyz"'),
    (
        "B605-url",
        entry(ARTICLE + "\nurl = {https://dx.doi.org/10.1000/xyz}"),
        {},
        "B605",
        "doi = {10.1000/xyz}",
    ),
    ("B605-note", entry(ARTICLE + "\nnote = {doi:10.1000/xyz.}"), {}, "B605", "doi = {10.1000/xyz}"),
    (
        "B605-publisher-url",
        entry(ARTICLE + "\nurl = {https://pub.example/doi/full/10.1000/xyz?x=1}"),
        {},
        "B605",
        None,
    ),
    ("B606-article", entry("author = {A, B}\ntitle = {T}\nyear = {2020}"), {}, "B606", None),
    (
        "B606-crossref-ok",
        entry("author = {A}\ntitle = {T}\ncrossref = {p}\npages = {1--2}", "inproceedings")
        + entry("title = {Proc}\nyear = {2001}", "proceedings", "p"),
        {},
        None,
        None,
    ),
    ("B607-hyphen", entry(ARTICLE + "\npages = {12-19}"), {}, "B607", "pages = {12--19}"),
    ("B607-en-dash", entry(ARTICLE + "\npages = {12–19}"), {}, "B607", "pages = {12--19}"),
    (
        "B607-config",
        entry(ARTICLE + "\npages = {12--19}"),
        {"page-separator": "-"},
        "B607",
        "pages = {12-19}",
    ),
    ("B607-article-number", entry(ARTICLE + "\npages = {e0123456}"), {}, None, None),
    (
        "B608-acronym",
        entry(ARTICLE.replace("{{Title}}", "{DNA repair in mRNA}")),
        {},
        "B608",
        "title = {{DNA} repair in {mRNA}}",
    ),
    (
        "B608-protected",
        entry(ARTICLE.replace("{{Title}}", "{{DNA} repair $\\mathrm{H}_2O$ \\LaTeX}")),
        {},
        None,
        None,
    ),
    ("B609-space", entry(ARTICLE.replace("{A, B}", "{ A,  B }")), {}, "B609", "author = {A, B}"),
    (
        "B609-control-space",
        entry(ARTICLE + "\ntype = {Memo No.\\  }"),
        {},
        "B609",
        "type = {Memo No.\\ }",
    ),
    ("B609-control-space-kept", entry(ARTICLE + "\ntype = {Memo No.\\ }"), {}, None, None),
    (
        "B610-unlisted",
        entry(ARTICLE + "\nabstract = {x}"),
        {"fields": ["author", "title", "journal", "year"]},
        "B610",
        None,
    ),
    ("B611-key", entry(ARTICLE, key="Bad Key"), {"key-pattern": "^[a-z]+$"}, "B611", None),
    (
        "B612-latex",
        entry(ARTICLE.replace("{A, B}", "{Müller, Jörg}")),
        {"encoding": "latex"},
        "B612",
        'author = {M{\\"u}ller, J{\\"o}rg}',
    ),
    (
        "B612-utf8",
        entry(ARTICLE.replace("{A, B}", "{M{\\\"u}ller, Jos{\\'e}}")),
        {"encoding": "utf-8"},
        "B612",
        "author = {Müller, José}",
    ),
    ("B613-broken", "@article{x\n  title = {T},\n}\n" + entry(ARTICLE), {}, "B613", None),
    ("B614-dup-field", entry(ARTICLE + "\nyear = {2021}"), {}, "B614", None),
    ("B615-crossref", entry(ARTICLE + "\ncrossref = {nowhere}"), {}, "B615", None),
    ("B616-macro", entry(ARTICLE.replace("{J}", "jgr")), {}, "B616", None),
    (
        "B616-defined",
        '@string{jgr = "J. Geophys. Res."}\n' + entry(ARTICLE.replace("{J}", "jgr") + "\nmonth = aug"),
        {},
        None,
        None,
    ),
    (
        "B617-comma",
        "@article{k,\n  author = {A},\n  title = {T}\n  journal = {J},\n  year = 2001,\n}\n",
        {},
        "B617",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "settings", "code", "fixed"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_check_codes_and_fixes(
    text: str, settings: dict[str, object], code: str | None, fixed: str | None
) -> None:
    """Each case raises its code (or none when clean); fixable ones are repaired and stay repaired."""
    config = parse_config(settings)
    codes = {f.code for f in check_bib(parse_bib(text), config)}
    if code is None:
        assert codes == set()
        return
    assert code in codes
    result = fix_bib(text, config)
    if fixed is None:
        assert code in {f.code for f in result.remaining}
    else:
        assert fixed in result.text
        assert code not in {f.code for f in result.remaining}
        assert fix_bib(result.text, config).changed is False


def test_every_code_is_registered_with_a_summary() -> None:
    """Every check's code is in the diagnostics registry, and every B6xx there is a check."""
    for code, check in CHECKS.items():
        assert CODES[code] == check.summary
    assert {c for c in CODES if c.startswith("B6")} == set(CHECKS)


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), {"B604", "B607"}),
        (("B607",), (), {"B607"}),
        ((), ("B60",), set()),
        (("B6",), ("B604",), {"B607"}),
    ],
    ids=["all", "select", "ignore-prefix", "select-and-ignore"],
)
def test_select_and_ignore(select: tuple[str, ...], ignore: tuple[str, ...], expected: set[str]) -> None:
    """--select keeps only the given codes or prefixes, --ignore removes them."""
    text = entry(ARTICLE + "\npages = {1-2}\ndoi = {doi:10.1000/x}")
    config = Config(select=select, ignore=ignore)
    assert {f.code for f in check_bib(parse_bib(text), config)} == expected


def test_dedupe_merges_into_first_and_keeps_keys_in_ids() -> None:
    """--dedupe keeps the first entry, adds the fields only the other had and the dropped key to ids."""
    first = entry("author = {A}\ntitle = {T}\njournal = {J}\nyear = {2020}\ndoi = {10.1000/x}", key="a")
    second = entry(
        "author = {A}\ntitle = {T}\njournal = {J}\nyear = {2020}\ndoi = {10.1000/X}\npages = {3-4}", key="b"
    )
    citing = entry(
        "author = {C}\ntitle = {In}\nbooktitle = {B}\nyear = {2021}\ncrossref = {b}", "inproceedings", "c"
    )
    result = fix_bib(first + "\n" + second + "\n" + citing, dedupe=True)
    entries = parse_bib(result.text).library.entries
    assert [e.key for e in entries] == ["a", "c"]
    fields = {f.key: f.value for f in entries[0].fields}
    assert fields["ids"] == "{b}" and fields["pages"] == "{3--4}"
    assert {f.key: f.value for f in entries[1].fields}["crossref"] == "{a}"
    assert [(m.survivor, m.dropped) for m in result.merges] == [("a", "b")]
    assert fix_bib(result.text, dedupe=True).changed is False


def test_without_dedupe_duplicates_are_only_reported() -> None:
    """Without --dedupe both entries of a work stay, and B602 remains."""
    text = entry(ARTICLE + "\ndoi = {10.1000/x}", key="a") + entry(ARTICLE + "\ndoi = {10.1000/x}", key="b")
    result = fix_bib(text)
    assert len(parse_bib(result.text).library.entries) == 2
    assert "B602" in {f.code for f in result.remaining}


def test_sort_orders_entries_and_keeps_crossref_parents_last() -> None:
    """--sort orders each run of entries by key; an entry others crossref comes after them."""
    text = (
        "% comment stays first\n"
        + entry(ARTICLE, key="zeta")
        + entry("title = {Proc}\nyear = {2000}", "proceedings", "alpha")
        + entry("author = {A}\ntitle = {T}\ncrossref = {alpha}", "inproceedings", "mid")
    )
    result = fix_bib(text, sort=True)
    assert result.text.startswith("% comment stays first\n")
    assert [e.key for e in parse_bib(result.text).library.entries] == ["mid", "zeta", "alpha"]
    assert fix_bib(result.text, sort=True).changed is False


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
@pytest.mark.parametrize("options", [{}, {"dedupe": True, "sort": True}], ids=["plain", "dedupe-sort"])
def test_fix_is_lossless_idempotent_and_minimal(path: Path, options: dict[str, bool]) -> None:
    """On every sample file: no entry or field lost (except merged duplicates), a second run changes
    nothing, parse errors are still reported with their line, and unfixed entries keep their bytes."""
    text = path.read_bytes().decode("utf-8")
    before = parse_bib(text)
    result = fix_bib(text, **options)
    after = parse_bib(result.text)
    merged_lines = {m.line for m in result.merges}
    names_by_key: dict[str, list[set[str]]] = {}
    for _, new in after.entries():
        names_by_key.setdefault(new.key, []).append({f.key.lower() for f in new.fields})
    for _, old in before.entries():
        if (old.start_line or 0) + 1 in merged_lines:
            continue
        old_names = {f.key.lower() for f in old.fields}
        assert any(old_names <= names for names in names_by_key.get(old.key, [])), old.key
    assert len(list(after.entries())) == len(list(before.entries())) - len(result.merges)
    assert fix_bib(result.text, **options).changed is False
    broken = [f.line for f in check_bib(before) if f.code == "B613"]
    assert len([f for f in result.remaining if f.code == "B613"]) == len(broken)
    touched = {f.line for f in result.fixed}
    new_raws = {located.block.raw for located in after.blocks}
    for located in before.blocks:
        entry_line = located.line
        block_lines = range(entry_line, entry_line + (located.block.raw or "").count("\n") + 1)
        if not touched.intersection(block_lines) and located.block.raw and not options:
            assert located.block.raw in new_raws


@pytest.mark.parametrize(
    ("title", "expected", "words"),
    [
        ("Plain Title Case Words", "Plain Title Case Words", []),
        ("DNA and RNA", "{DNA} and {RNA}", ["DNA", "RNA"]),
        ("The {DNA} of iPhones", "The {DNA} of {iPhones}", ["iPhones"]),
        ("SARS-CoV-2 in 3D", "{SARS-CoV-2} in {3D}", ["SARS-CoV-2", "3D"]),
        ("Using \\LaTeX{} and $O(N^2)$", "Using \\LaTeX{} and $O(N^2)$", []),
        ("Émile ÉCOLE", "Émile {ÉCOLE}", ["ÉCOLE"]),
    ],
    ids=[
        "title-case",
        "acronyms",
        "already-braced",
        "hyphenated-and-digits",
        "commands-and-math",
        "accented",
    ],
)
def test_protect_capitals(title: str, expected: str, words: list[str]) -> None:
    """Words a style would lower-case get braces; commands, math and braced words are left alone."""
    assert protect_capitals(title) == (expected, words)


@pytest.mark.parametrize(
    ("text", "latex"),
    [("1735–1780", "1735--1780"), ("“Quoted”", "``Quoted''"), ("Wait…", "Wait\\ldots{}"), ("中文", None)],
    ids=["en-dash", "curly-quotes", "ellipsis", "no-latex-form"],
)
def test_unicode_punctuation_to_latex(text: str, latex: str | None) -> None:
    """Typographic punctuation gets TeX's spelling; a character with no LaTeX form makes no fix."""
    assert unicode_to_latex(text) == latex


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        ('M{\\"u}ller', "Müller"),
        ("Jos{\\'e}", "José"),
        ("Garc{\\'\\i}a", "García"),
        ("{\\v{S}}koda", "Škoda"),
        ("{\\ss}", "ß"),
        ("{\\o}ster", "øster"),
        ("Fran{\\c{c}}ois", "François"),
    ],
    ids=["umlaut", "acute", "dotless-i", "caron", "eszett", "o-slash", "cedilla"],
)
def test_latex_accents_round_trip(latex: str, text: str) -> None:
    """Accent commands decode to Unicode, and Unicode encodes to commands that decode back."""
    assert latex_to_unicode(latex) == text
    encoded = unicode_to_latex(text)
    assert encoded is not None and latex_to_unicode(encoded) == text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                entry(ARTICLE + "\npages = {1-9}", key="p"),
                entry(ARTICLE.replace("{{Title}}", "{ mRNA  and DNA }") + "\ndoi = {doi:10.1000/q}", key="q"),
                entry(ARTICLE + "\nurl = {https://doi.org/10.1000/q}", key="r"),
                entry(ARTICLE + "\ndoi = {10.1000/Q}", key="s"),
                "@article{broken,\n  title = {Unclosed,\n",
                "@string{j = {J}}\n",
                "% a comment\n",
                "\n",
            ]
        ),
        max_size=8,
    ),
    st.booleans(),
)
def test_fix_reaches_a_fixed_point(pieces: list[str], dedupe: bool) -> None:
    """Whatever the mix, one fix run reaches a state a second run leaves unchanged."""
    result = fix_bib("".join(pieces), dedupe=dedupe, sort=dedupe)
    assert fix_bib(result.text, dedupe=dedupe, sort=dedupe).changed is False


def test_keys_regenerates_keys_keeps_old_ones_in_ids_and_follows_crossrefs() -> None:
    """--keys makes author-year-word keys, keeps old keys in ids, re-points crossrefs; idempotent."""
    text = entry(
        "author = {Knuth, Donald}\ntitle = {The Art of Programming}\npublisher = {AW}\nyear = {1968}",
        "book",
        "b1",
    ) + entry(
        "author = {Lamport, Leslie}\ntitle = {Time and Clocks}\ncrossref = {b1}\nyear = {1978}",
        "incollection",
        "x",
    )
    result = fix_bib(text, keys=True)
    entries = {e.key: {f.key: f.value for f in e.fields} for e in parse_bib(result.text).library.entries}
    assert set(entries) == {"knuth1968art", "lamport1978time"}
    assert entries["knuth1968art"]["ids"] == "{b1}"
    assert entries["lamport1978time"]["crossref"] == "{knuth1968art}"
    assert [(r.dropped, r.survivor) for r in result.renames] == [
        ("b1", "knuth1968art"),
        ("x", "lamport1978time"),
    ]
    assert fix_bib(result.text, keys=True).changed is False


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_keys_on_sample_files_is_idempotent_and_keeps_every_entry(path: Path) -> None:
    """--keys --dedupe --sort on each sample: same number of entries less merges, second run unchanged."""
    text = path.read_bytes().decode("utf-8")
    result = fix_bib(text, keys=True, dedupe=True, sort=True)
    before = len(list(parse_bib(text).entries()))
    assert len(list(parse_bib(result.text).entries())) == before - len(result.merges)
    assert fix_bib(result.text, keys=True, dedupe=True, sort=True).changed is False


# (case id, text, what a fix must leave exactly as it is)
COMMENTED = [
    (
        "percent-entry",
        "%@article{k,\n%  title = { Reading  DNA },\n%}\n" + entry(ARTICLE),
        "%@article{k,\n%  title = { Reading  DNA },\n%}\n",
    ),
    (
        "indented-percent",
        "  % @misc{k, pages = {1-2}}\n" + entry(ARTICLE),
        "  % @misc{k, pages = {1-2}}\n",
    ),
    (
        "after-comment-lines",
        "% old version:\n%@article{k,\n%  pages = {3-4},\n%}\n" + entry(ARTICLE),
        "%@article{k,\n%  pages = {3-4},\n%}\n",
    ),
    (
        "unclosed",
        "%@article{old,\n%  title = {T},\n" + entry(ARTICLE),
        "%@article{old,\n%  title = {T},\n",
    ),
]


@pytest.mark.parametrize(("text", "kept"), [c[1:] for c in COMMENTED], ids=[c[0] for c in COMMENTED])
def test_commented_out_entries_are_comments(text: str, kept: str) -> None:
    """An entry on a % line is commented out: no check reads it (no B601, B613) and fix leaves it alone."""
    findings = check_bib(parse_bib(text))
    assert {f.code for f in findings} <= {"B606"}, findings
    assert [key for _, e in parse_bib(text).entries() for key in [e.key]] == ["k"]
    for dedupe in (False, True):
        assert kept in fix_bib(text, dedupe=dedupe).text


def test_percent_inside_an_entry_does_not_comment_out_the_next() -> None:
    """A % in a value on the line before an entry starts is no comment sign for that entry."""
    text = "@misc{a, note = {50%}} @misc{b, pages = {1-2}}\n"
    assert [e.key for _, e in parse_bib(text).entries()] == ["a", "b"]
    assert "pages = {1--2}" in fix_bib(text).text


DUPLICATES = [
    (
        "chapter-shares-book-doi",
        entry("editor = {E}\ntitle = {Book}\npublisher = {P}\nyear = {1999}\ndoi = {10.1000/b}", "book", "b")
        + entry(
            "author = {A}\ntitle = {Chapter}\nbooktitle = {Book}\nyear = {1999}\ndoi = {10.1000/b}",
            "incollection",
            "c",
        ),
        [],
        "entry type, title",
    ),
    (
        "same-doi-other-title",
        entry(ARTICLE + "\ndoi = {10.1000/x}", key="a")
        + entry(ARTICLE.replace("{{Title}}", "{Another}") + "\ndoi = {10.1000/x}\npages = {1}", key="b"),
        [],
        "title",
    ),
    (
        "same-values-other-spelling",
        entry(ARTICLE + "\ndoi = {10.1000/x}\npages = {1--2}", key="a")
        + entry(
            ARTICLE.replace("{{Title}}", "{Title}") + "\ndoi = {https://doi.org/10.1000/X}\npages = {1-2}",
            key="b",
        ),
        [("a", "b")],
        None,
    ),
    (
        "later-copies-merge-with-each-other",
        entry(ARTICLE + "\nurl = {https://doi.org/10.1000/q}", key="r")
        + entry(ARTICLE.replace("{{Title}}", "{Other}") + "\ndoi = {10.1000/q}", key="q")
        + entry(ARTICLE.replace("{{Title}}", "{Other}") + "\ndoi = {10.1000/q}", key="q2"),
        [("q", "q2")],
        "title",
    ),
    (
        "copy-under-other-case-key",
        entry(ARTICLE + "\ndoi = {10.1000/x}", key="smith")
        + entry(ARTICLE + "\ndoi = {10.1000/x}", key="Smith"),
        [("smith", "Smith")],
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "merged", "differ"), [c[1:] for c in DUPLICATES], ids=[c[0] for c in DUPLICATES]
)
def test_dedupe_merges_only_entries_that_agree(
    text: str, merged: list[tuple[str, str]], differ: str | None
) -> None:
    """--dedupe never merges an entry whose type or shared field values differ (that would lose them)."""
    result = fix_bib(text, dedupe=True, sort=True)
    assert [(m.survivor, m.dropped) for m in result.merges] == merged
    before = {e.key for _, e in parse_bib(text).entries()}
    after = parse_bib(result.text)
    kept = {e.key for _, e in after.entries()}
    ids = {
        key.strip()
        for _, e in after.entries()
        for f in e.fields
        if f.key == "ids"
        for key in f.value.strip("{}").split(",")
    }
    assert before <= kept | ids
    messages = [f.message for f in check_bib(parse_bib(text)) if f.code == "B602"]
    if differ:
        assert any(f"they differ in {differ}" in m for m in messages), messages
    assert not fix_bib(result.text, dedupe=True, sort=True).changed


def test_a_fix_that_would_break_its_entry_is_refused() -> None:
    """keeps_entry says no to an edit that leaves a value ending in a backslash (it eats the brace)."""
    from refnorm.bibfile import Replace, layout
    from refnorm.checks import keeps_entry

    bib = parse_bib(entry(ARTICLE + "\ntype = {No.\\ }"))
    where = layout(bib, 0)
    assert where is not None
    item = where.field("type")
    assert item is not None
    assert keeps_entry(bib, 0, [Replace(item.value_start, item.value_end, "{No.\\ }")])
    assert not keeps_entry(bib, 0, [Replace(item.value_start, item.value_end, "{No.\\}")])
    assert not keeps_entry(bib, 0, [Replace(item.value_start, item.value_end, "{No. {x}")])


PERCENT_FIELDS = [
    (
        "comment-line-before",
        "@article{k,\n  author = {A},\n  % the journal's own title:\n  title = {DNA},\n"
        "  journal = {J},\n  year = {2020},\n}\n",
        "title = {{DNA}}",
    ),
    (
        "comment-after-value",
        "@article{k,\n  author = {A}, % as printed\n  title = {DNA},\n  journal = {J},\n"
        "  year = {2020},\n}\n",
        "title = {{DNA}}",
    ),
]


@pytest.mark.parametrize(
    ("text", "fixed"), [c[1:] for c in PERCENT_FIELDS], ids=[c[0] for c in PERCENT_FIELDS]
)
def test_percent_comment_lines_inside_an_entry_are_not_part_of_the_field_name(text: str, fixed: str) -> None:
    """A % line before a field (biber skips it) does not hide the field from the checks and fixes."""
    assert {f.code for f in check_bib(parse_bib(text))} == {"B608"}
    result = fix_bib(text)
    assert fixed in result.text and "% " in result.text
    assert not fix_bib(result.text).changed
