"""Deduplication: identifiers decide, fuzzy matches are only reported, merges lose nothing."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refnorm import RefnormError
from refnorm.dedupe import dedupe, identifiers
from refnorm.model import Date, FrozenMap, Name, Reference
from refnorm.titles import title_key

TITLE = "Array programming with NumPy"
DOI = "10.1038/s41586-020-2649-2"


def ref(
    label: str = "",
    *,
    title: str = TITLE,
    family: str = "Harris",
    year: int | None = 2020,
    type: str = "article-journal",
    line: int | None = None,
    **variables: str,
) -> Reference:
    """A reference built directly (no parser): CSL variables by keyword, ``_`` for ``-``."""
    fields = {"title": title} if title else {}
    fields.update({k.replace("_", "-"): v for k, v in variables.items()})
    return Reference(
        type=type,
        author=(Name(family=family, given="Charles R."),) if family else (),
        issued=Date(year) if year else None,
        variables=FrozenMap(fields),
        label=label,
        line=line,
    )


def codes(result: Any) -> list[str]:
    return [d.code for d in result.diagnostics]


# -- identifiers decide ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "other",
    [
        pytest.param({"DOI": DOI}, id="same"),
        pytest.param({"DOI": "10.1038/S41586-020-2649-2"}, id="mixed-case"),
        pytest.param({"DOI": f"doi:{DOI}"}, id="doi-prefix"),
        pytest.param({"DOI": f"DOI: {DOI}."}, id="label-and-trailing-dot"),
        pytest.param({"DOI": f"https://doi.org/{DOI}"}, id="https-resolver"),
        pytest.param({"DOI": f"http://dx.doi.org/{DOI}"}, id="dx-resolver"),
        pytest.param({"DOI": "https://doi.org/10.1038%2Fs41586-020-2649-2"}, id="url-encoded"),
        pytest.param({"DOI": f"{DOI};"}, id="trailing-semicolon"),
        pytest.param({"URL": f"https://doi.org/{DOI.upper()}"}, id="only-in-url"),
        pytest.param({"note": f"Published online 16 Sept 2020. doi:{DOI}."}, id="only-in-note"),
        pytest.param({"eprint": f"https://dx.doi.org/{DOI}"}, id="only-in-eprint"),
    ],
)
def test_same_doi_in_any_form_merges(other: dict[str, str]) -> None:
    """Every written form of one DOI, in DOI, URL, note or eprint, identifies the same work."""
    result = dedupe([ref("1", DOI=DOI), ref("2", title="Different words entirely", **other)])
    assert result.groups == [[1, 2]]
    assert result.renumbering == {1: 1, 2: 1}
    assert [m.reason for m in result.merges] == ["same DOI"]


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        pytest.param({"PMID": "32939066"}, {"PMID": "PMID: 32939066"}, "same PMID", id="pmid"),
        pytest.param(
            {"PMID": "32939066"},
            {"URL": "https://pubmed.ncbi.nlm.nih.gov/32939066/"},
            "same PMID",
            id="pmid-url",
        ),
        pytest.param({"PMCID": "PMC7759461"}, {"note": "PMCID: PMC7759461"}, "same PMCID", id="pmcid"),
        pytest.param({"arxiv": "2006.10256v1"}, {"arxiv": "arXiv:2006.10256v3"}, "same arXiv id", id="arxiv"),
        pytest.param(
            {"eprint": "2006.10256"},
            {"URL": "https://arxiv.org/abs/2006.10256v2"},
            "same arXiv id",
            id="arxiv-url",
        ),
        pytest.param(
            {"DOI": "10.48550/arXiv.2006.10256"},
            {"number": "arXiv:2006.10256"},
            "same arXiv id",
            id="arxiv-doi",
        ),
    ],
)
def test_same_other_identifier_merges(a: dict[str, str], b: dict[str, str], reason: str) -> None:
    """PMID, PMCID and arXiv ids (any version) identify a work just like DOIs."""
    result = dedupe([ref("1", **a), ref("2", title="Another title altogether", **b)])
    assert result.groups == [[1, 2]]
    assert result.merges[0].reason == reason


def test_isbn_identifies_books_only() -> None:
    """Two books with one ISBN (10 vs 13 form) merge; two chapters of one book do not."""
    books = [
        ref("1", type="book", ISBN="0-262-03384-4"),
        ref("2", type="book", title="Intro to Algorithms", ISBN="978-0-262-03384-8"),
    ]
    chapters = [
        ref("1", type="chapter", title="Sorting in linear time", ISBN="978-0-262-03384-8"),
        ref("2", type="chapter", title="Hash tables and their uses", ISBN="978-0-262-03384-8"),
    ]
    assert dedupe(books).groups == [[1, 2]]
    assert dedupe(chapters).groups == []


def test_identifiers_lists_every_kind() -> None:
    """identifiers() returns the comparison key of each identifier a reference carries."""
    item = ref(
        type="book",
        DOI="https://doi.org/10.1000/ABC",
        note="PMID: 123; PMCID: PMC456",
        URL="https://arxiv.org/abs/1706.03762v2",
        ISBN="0-306-40615-2",
    )
    assert identifiers(item) == {
        "DOI": "10.1000/abc",
        "PMID": "123",
        "PMCID": "PMC456",
        "arXiv id": "1706.03762",
        "ISBN": "9780306406157",
    }


# -- never across conflicting identifiers ----------------------------------------------------------
def test_preprint_and_published_version_are_not_merged() -> None:
    """Equal titles with different DOIs (bioRxiv vs journal) stay apart, and the report says why."""
    preprint = ref("1", year=2019, DOI="10.1101/2019.12.11.123456", container_title="bioRxiv")
    published = ref("2", year=2020, DOI=DOI, container_title="Nature")
    result = dedupe([preprint, published], fuzzy=True)
    assert len(result.references) == 2
    assert result.groups == []
    assert [(c.first, c.other) for c in result.not_merged] == [(1, 2)]
    assert "different DOI" in result.not_merged[0].reason
    assert codes(result) == ["D404"]


def test_shared_pmid_with_different_dois_is_not_merged() -> None:
    """A shared secondary identifier never overrides conflicting DOIs."""
    result = dedupe([ref("1", DOI="10.1000/a", PMID="1"), ref("2", DOI="10.1000/b", PMID="1")])
    assert result.groups == []
    assert result.not_merged[0].reason == "same PMID, but different DOI"


def test_transitive_group_respects_conflicts() -> None:
    """An entry joining a group is checked against the whole group's identifiers."""
    refs = [
        ref("1", DOI="10.1000/a"),
        ref("2", DOI="10.1000/a", PMID="7"),
        ref("3", DOI="10.1000/b", PMID="7"),
    ]
    result = dedupe(refs)
    assert result.groups == [[1, 2]]
    assert [(c.first, c.other) for c in result.not_merged] == [(2, 3)]


# -- likely duplicates -----------------------------------------------------------------------------
FUZZY_TWINS = [
    pytest.param(
        ref("1", title="Array Programming with NumPy."),
        ref("2", title="array programming with {N}um{P}y"),
        id="case-punctuation-latex-braces",
    ),
    pytest.param(
        ref("1", title="Über die Quantenmechanik der Elektronen", family="Schrödinger"),
        ref("2", title='\\"{U}ber die Quantenmechanik der Elektronen', family='Schr\\"odinger'),
        id="accents-latex-accents",
    ),
    pytest.param(
        ref("1", title="Attention is all you need", family="Vaswani", year=2017, type="article"),
        ref("2", title="Attention Is All You Need", family="Vaswani", year=2018, type="paper-conference"),
        id="preprint-year-plus-one",
    ),
    pytest.param(
        ref("1", title="Deep residual learning & image recognition", URL="https://example.org/x"),
        ref("2", title="Deep Residual Learning and Image Recognition", DOI=DOI),
        id="one-side-has-doi",
    ),
]


@pytest.mark.parametrize(("a", "b"), FUZZY_TWINS)
def test_likely_duplicates_are_reported_not_merged(a: Reference, b: Reference) -> None:
    """Same title key, first author and year: reported as D403, both entries kept."""
    result = dedupe([a, b])
    assert len(result.references) == 2
    assert [(c.first, c.other) for c in result.likely_duplicates] == [(1, 2)]
    assert codes(result) == ["D403"]


@pytest.mark.parametrize(("a", "b"), FUZZY_TWINS)
def test_fuzzy_merges_likely_duplicates(a: Reference, b: Reference) -> None:
    """With fuzzy=True the same pairs are merged and say why."""
    result = dedupe([a, b], fuzzy=True)
    assert result.groups == [[1, 2]]
    assert result.merges[0].reason == "same title, first author and year"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(ref("1", year=2019), ref("2", year=2020), id="print-year-differs"),
        pytest.param(ref("1"), ref("2", family="Oliphant"), id="other-first-author"),
        pytest.param(ref("1", title="Editorial"), ref("2", title="Editorial"), id="title-too-short"),
        pytest.param(
            ref("1", title="NumPy arrays, part I"), ref("2", title="NumPy arrays, part II"), id="titles"
        ),
    ],
)
def test_not_likely_duplicates(a: Reference, b: Reference) -> None:
    """Different year (print), author or title, or a generic short title: no candidate."""
    result = dedupe([a, b], fuzzy=True)
    assert result.likely_duplicates == ()
    assert len(result.references) == 2


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "The {DNA} of Schr\\\"{o}dinger's Cat", "The DNA of Schrödinger’s cat", id="latex-vs-unicode"
        ),
        pytest.param("<i>E. coli</i> growth", "E. Coli Growth", id="html-tags"),
        pytest.param("Cells & tissues", "Cells and Tissues", id="ampersand"),
        pytest.param("Straße", "STRASSE", id="sharp-s"),
    ],
)
def test_title_key_ignores_spelling(a: str, b: str) -> None:
    """Case, accents, punctuation, LaTeX and HTML markup do not change the title key."""
    assert title_key(a) == title_key(b)


# -- merging ---------------------------------------------------------------------------------------
def test_merge_fills_missing_fields_and_reports_conflicts() -> None:
    """The first entry keeps its values, gains missing ones, and each disagreement is a D402."""
    first = ref("3", DOI=DOI, volume="585", page="357-362", line=3)
    second = ref("15", DOI=DOI.upper(), volume="585", page="358-62", issue="7825", line=15)
    result = dedupe([first, second])
    merged = result.references[0]
    assert merged.get("page") == "357-362"
    assert merged.get("issue") == "7825"
    assert codes(result) == ["D401", "D402"]
    conflict = result.diagnostics[1]
    assert "'page'" in conflict.message and "entry 3" in conflict.message and "entry 15" in conflict.message
    assert "358-62" in conflict.message  # "357-62" would be the same pages: no conflict
    assert (conflict.line, conflict.label) == (15, "15")
    assert [d.code for d in merged.diagnostics] == ["D401", "D402"]


def test_merge_fills_authors_dates_and_keeps_leftovers() -> None:
    """Truncated author lists, vaguer dates and leftovers are completed from the duplicate."""
    short = Reference(
        author=(Name("Harris", "C R"),),
        truncated_authors=True,
        issued=Date(2020),
        variables=FrozenMap({"DOI": DOI}),
        leftovers=("[Epub ahead]",),
    )
    full = Reference(
        author=(Name("Harris", "Charles R."), Name("Millman", "K. Jarrod")),
        issued=Date(2020, 9, 16),
        variables=FrozenMap({"DOI": DOI}),
        leftovers=("Erratum in 2021",),
    )
    merged = dedupe([short, full]).references[0]
    assert [n.family for n in merged.author] == ["Harris", "Millman"]
    assert not merged.truncated_authors
    assert merged.issued == Date(2020, 9, 16)
    assert merged.leftovers == ("[Epub ahead]", "Erratum in 2021")


def test_no_field_value_disappears_without_a_diagnostic() -> None:
    """Every variable value of a merged-away entry is in the result (up to a closing stop) or named in
    a D402."""
    refs = [
        ref("1", DOI=DOI, volume="585", container_title="Nature"),
        ref("2", DOI=DOI, volume="586", publisher="Springer Nature", container_title="Nature."),
        ref("3", DOI=DOI, volume="587", page="357"),
    ]
    result = dedupe(refs)
    merged = result.references[0]
    messages = " ".join(d.message for d in result.diagnostics if d.code == "D402")
    for item in refs:
        for key, value in item.variables.items():
            same = merged.get(key).rstrip(".") == value.rstrip(".")
            assert same or (repr(key) in messages and repr(value) in messages), (
                key,
                value,
            )


def test_citation_key_conflict_is_reported() -> None:
    """A .bib key that disappears in a merge is named, so \\cite{} commands can be fixed."""
    a = Reference(id="harris2020", variables=FrozenMap({"DOI": DOI}))
    b = Reference(id="harris2020array", variables=FrozenMap({"DOI": DOI}))
    result = dedupe([a, b])
    assert "'harris2020array'" in result.diagnostics[-1].message
    assert result.references[0].id == "harris2020"


@pytest.mark.parametrize(
    ("keep", "expected_volume", "expected_groups"),
    [
        pytest.param("first", "", [[1, 2]], id="first"),
        pytest.param("most-complete", "585", [[2, 1]], id="most-complete"),
    ],
)
def test_keep_modes(keep: Any, expected_volume: str, expected_groups: list[list[int]]) -> None:
    """keep chooses whose values win; the merged entry stays where the work first occurred."""
    sparse = ref("1", DOI=DOI, page="357-362")
    rich = ref("2", DOI=DOI, page="357-62", volume="585", issue="7825")
    other = ref("3", title="Something else", DOI="10.1000/other")
    result = dedupe([sparse, rich, other], keep=keep)
    assert result.groups == expected_groups
    assert result.references[0].get("volume") == "585"  # filled either way
    assert result.references[0].get("page") == ("357-362" if keep == "first" else "357-62")
    assert result.references[1].get("DOI") == "10.1000/other"
    assert result.renumbering == {1: 1, 2: 1, 3: 2}
    assert expected_volume in result.references[0].get("volume")


def test_unknown_keep_mode_is_a_caller_error() -> None:
    """A bad keep value raises RefnormError (a caller mistake), not a diagnostic."""
    with pytest.raises(RefnormError):
        dedupe([], keep="last")  # type: ignore[arg-type]


# -- numbering -------------------------------------------------------------------------------------
def test_renumbering_of_a_numbered_list() -> None:
    """Merged numbers map to the survivor, later ones shift down, survivors are relabelled."""
    refs = [ref(str(n), title=f"Paper number {n} on arrays", DOI=f"10.1000/{n}") for n in range(1, 8)]
    refs[4] = ref("5", title="Paper number 2 on arrays", DOI="10.1000/2")  # 5 repeats 2
    refs[6] = ref("7", title="Paper number 1 on arrays", DOI="https://doi.org/10.1000/1")  # 7 repeats 1
    result = dedupe(refs)
    assert result.groups == [[1, 7], [2, 5]]
    assert result.renumbering == {1: 1, 2: 2, 3: 3, 4: 4, 5: 2, 6: 5, 7: 1}
    assert [r.label for r in result.references] == ["1", "2", "3", "4", "5"]
    assert result.report_lines() == ["5 → 2 (same DOI)", "6 → 5", "7 → 1 (same DOI)"]


def test_gaps_in_printed_numbers_are_kept() -> None:
    """Only merges shift numbers: a number missing from the input stays missing."""
    refs = [
        ref("1", DOI="10.1000/a"),
        ref("2", DOI="10.1000/a"),
        ref("4", title="Unrelated paper title", DOI="10.1000/b"),
    ]
    assert dedupe(refs).renumbering == {1: 1, 2: 1, 4: 3}


@pytest.mark.parametrize(
    ("labels", "expected_codes"),
    [
        pytest.param(["", "", ""], [], id="no-labels"),
        pytest.param(["smith2020", "jones2019", "lee2018"], [], id="citation-keys"),
        pytest.param(["1", "1", "2"], ["D405"], id="repeated-numbers"),
        pytest.param(["¹", "²", "³"], [], id="superscript-digits"),
    ],
)
def test_entries_without_distinct_numbers_use_positions(labels: list[str], expected_codes: list[str]) -> None:
    """Without distinct printed numbers, entries are numbered 1..n by position."""
    refs = [
        ref(label, title=f"A title for entry {i}", DOI=f"10.1000/{i % 2}") for i, label in enumerate(labels)
    ]
    result = dedupe(refs)
    assert result.groups == [[1, 3]]
    assert result.renumbering == {1: 1, 2: 2, 3: 1}
    assert [r.label for r in result.references] == labels[:2]
    assert codes(result)[: len(expected_codes)] == expected_codes


# -- invariants ------------------------------------------------------------------------------------
SAMPLE = [
    ref("1", DOI=DOI, page="357-362"),
    ref("2", title="Unrelated", DOI="10.1000/u"),
    ref("3", DOI=f"https://doi.org/{DOI}", volume="585"),
    ref("4", title="Attention is all you need", family="Vaswani", year=2017),
    ref("5", title="Attention Is All You Need!", family="Vaswani", year=2017),
    ref("6", PMID="1", title="Some clinical trial report"),
    ref("7", note="PMID: 1", title="Some clinical trial report", page="1-9"),
]


@pytest.mark.parametrize("fuzzy", [False, True], ids=["exact", "fuzzy"])
@pytest.mark.parametrize("keep", ["first", "most-complete"])
def test_idempotent(fuzzy: bool, keep: Any) -> None:
    """Deduping a deduplicated list changes nothing and merges nothing."""
    once = dedupe(SAMPLE, fuzzy=fuzzy, keep=keep)
    twice = dedupe(once.references, fuzzy=fuzzy, keep=keep)
    assert twice.references == once.references
    assert twice.groups == []
    assert all(old == new for old, new in twice.renumbering.items())


def test_order_stable() -> None:
    """Survivors keep first-occurrence order and unrelated entries pass through untouched."""
    result = dedupe(SAMPLE)
    assert [r.title for r in result.references] == [TITLE, "Unrelated", *(r.title for r in SAMPLE[3:6])]
    assert result.references[1] is SAMPLE[1]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["DOI", "URL", "PMID", "note"])), max_size=25))
def test_property_never_loses_an_entry(items: list[tuple[int, str]]) -> None:
    """Every input number maps to a survivor, and survivors' new numbers are 1..m in order."""
    values = {"DOI": "10.5555/{}", "URL": "https://doi.org/10.5555/{}", "PMID": "{}", "note": "PMID: {}"}
    refs = [
        ref(str(n), title=f"Title {n} here", **{kind: values[kind].format(k + 1)})
        for n, (k, kind) in enumerate(items, 1)
    ]
    result = dedupe(refs)
    assert sorted(result.renumbering) == list(range(1, len(refs) + 1))
    assert sorted(set(result.renumbering.values())) == list(range(1, len(result.references) + 1))
    assert sum(len(g) - 1 for g in result.groups) == len(refs) - len(result.references)
    assert dedupe(result.references).references == result.references


# -- the report ------------------------------------------------------------------------------------
def test_report_formats() -> None:
    """The report renders as text lines, CSV rows (one per old number) and JSON."""
    result = dedupe(SAMPLE)
    text = result.render_report("text")
    assert "3 → 1 (same DOI)" in text and "likely duplicate: 4 ~ 5" in text
    rows = list(csv.DictReader(io.StringIO(result.render_report("csv"))))
    assert rows[2] == {"old": "3", "new": "1", "status": "merged", "with": "1", "reason": "same DOI"}
    assert rows[3]["status"] == "renumbered"
    assert rows[-1]["status"] == "likely-duplicate"
    data = json.loads(result.render_report("json"))
    assert data["groups"] == [[1, 3], [6, 7]]
    assert data["renumbering"]["7"] == 5
    assert (data["entries_in"], data["entries_out"]) == (7, 5)
    assert {d["code"] for d in data["diagnostics"]} == {"D401", "D403"}
    with pytest.raises(RefnormError):
        result.render_report("xml")  # type: ignore[arg-type]


def test_package_attribute_stays_callable_after_module_import() -> None:
    """``refnorm.dedupe(refs)`` works even after ``refnorm.dedupe`` the module was imported."""
    import refnorm
    import refnorm.dedupe as module

    assert callable(refnorm.dedupe)
    assert refnorm.dedupe([ref("1", DOI=DOI), ref("2", DOI=DOI)]).groups == [[1, 2]]
    assert module.dedupe is dedupe


def test_printing_differences_are_no_conflict_and_extra_fields_are_kept() -> None:
    """ "436-44" and "436-444", a title's closing stop: no D402; a duplicate's extra .bib field is kept."""
    a = Reference(
        variables=FrozenMap({"DOI": DOI, "title": "Deep things", "page": "436-444"}),
        extras=(("custom", {"bibtex-fields": {"langid": "english"}}),),
    )
    b = Reference(
        variables=FrozenMap({"DOI": DOI, "title": "Deep things.", "page": "436-44"}),
        extras=(("custom", {"bibtex-fields": {"langid": "english", "eprint": "123"}}),),
    )
    result = dedupe([a, b])
    assert [d.code for d in result.diagnostics if d.code == "D402"] == []
    assert dict(result.references[0].extras)["custom"] == {
        "bibtex-fields": {"langid": "english", "eprint": "123"}
    }
