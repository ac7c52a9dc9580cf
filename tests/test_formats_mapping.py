"""The mapping tables: every CSL type and variable survives a trip through each format."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refnorm.formats.bibtex import read_bibtex, to_bibtex
from refnorm.formats.csl_json import read_csl_json, to_csl_json
from refnorm.formats.mapping import (
    BIBTEX_FIELDS,
    BIBTEX_TYPE_TO_CSL,
    BIBTEX_TYPES,
    CSL_STRUCTURED,
    CSL_VARIABLES,
    RIS_TAGS,
    csl_type_for_bibtex,
)
from refnorm.formats.ris import read_ris, to_ris
from refnorm.model import CSL_TYPES, Date, FrozenMap, Name, Reference

# CSL types a style has no entry type for come back as the nearest one (no URL or eprint given).
_NEAREST = {
    "article-magazine": "article-journal",
    "article-newspaper": "article-journal",
    "review": "article-journal",
    "review-book": "article-journal",
    "classic": "book",
    "collection": "book",
}
LOSSY = {
    "bibtex": {
        **_NEAREST,
        **dict.fromkeys(
            ["article", "dataset", "patent", "post", "post-weblog", "software", "webpage"], "document"
        ),
        **dict.fromkeys(["entry", "entry-dictionary", "entry-encyclopedia"], "chapter"),
        "periodical": "book",
        "standard": "report",
    },
    "biblatex": {
        **_NEAREST,
        **dict.fromkeys(["article", "post", "post-weblog"], "webpage"),
        **dict.fromkeys(["entry", "entry-dictionary"], "entry-encyclopedia"),
    },
}


@pytest.mark.parametrize("csl_type", sorted(BIBTEX_TYPES))
@pytest.mark.parametrize("style", ["bibtex", "biblatex"])
def test_bibtex_types_round_trip(csl_type: str, style: str) -> None:
    """A CSL type written as an entry type reads back as itself, or as its documented nearest type."""
    ref = Reference(type=csl_type, variables=FrozenMap({"title": "T"}))
    back = read_bibtex(to_bibtex([ref], biblatex=style == "biblatex")).references[0]
    assert back.type == LOSSY[style].get(csl_type, csl_type)


@pytest.mark.parametrize("csl_type", ["article", "webpage"])
def test_url_and_eprint_restore_misc_types(csl_type: str) -> None:
    """A @misc with a URL is a web page; with an arXiv eprint it is a preprint."""
    variables = {"title": "T", "URL": "https://x.org"} | (
        {"number": "arXiv:2101.00001"} if csl_type == "article" else {}
    )
    ref = Reference(type=csl_type, variables=FrozenMap(variables))
    for biblatex in (False, True):
        assert read_bibtex(to_bibtex([ref], biblatex=biblatex)).references[0].type == csl_type


@pytest.mark.parametrize("bibtex_type", sorted(BIBTEX_TYPE_TO_CSL))
def test_every_bibtex_type_is_read(bibtex_type: str) -> None:
    """Every known BibTeX/biblatex entry type maps to a valid CSL type."""
    assert csl_type_for_bibtex(bibtex_type, {}) in CSL_TYPES


STRING_VARIABLES = sorted(
    v for v in BIBTEX_FIELDS if v not in {"issue", "number", "genre", "medium", "page", "URL", "DOI"}
)


@pytest.mark.parametrize("variable", STRING_VARIABLES)
@pytest.mark.parametrize("biblatex", [False, True], ids=["bibtex", "biblatex"])
def test_bibtex_fields_round_trip(variable: str, biblatex: bool) -> None:
    """Each CSL variable in the BibTeX table is written to its field and read back unchanged."""
    ref = Reference(type="book", variables=FrozenMap({"title": "T", variable: "Some value & more"}))
    back = read_bibtex(to_bibtex([ref], biblatex=biblatex)).references[0]
    assert back.get(variable) == "Some value & more"


@pytest.mark.parametrize(
    ("csl_type", "variables"),
    [
        ("article-journal", {"issue": "3", "volume": "12", "page": "1857-1866"}),
        ("report", {"number": "TR-2020-01", "publisher": "MIT"}),
        ("book", {"collection-title": "LNCS", "collection-number": "1234", "publisher": "Springer"}),
        ("thesis", {"genre": "Master's thesis", "publisher": "ETH Zürich"}),
        ("article", {"number": "arXiv:1706.03762"}),
        ("webpage", {"container-title": "The Site", "URL": "https://x.org/a_b%20c"}),
        ("article-journal", {"DOI": "10.1000/a_b<c>;d"}),
    ],
)
def test_type_dependent_fields_round_trip(csl_type: str, variables: dict[str, str]) -> None:
    """Fields whose BibTeX name depends on the entry type come back as the same CSL variables."""
    ref = Reference(type=csl_type, variables=FrozenMap({"title": "T", **variables}))
    for biblatex in (False, True):
        back = read_bibtex(to_bibtex([ref], biblatex=biblatex)).references[0]
        assert {k: back.get(k) for k in variables} == variables


@pytest.mark.parametrize("variable", sorted(set(RIS_TAGS.values())))
def test_ris_tags_round_trip(variable: str) -> None:
    """Each CSL variable in the RIS table is written to its tag and read back unchanged."""
    value = "12345" if variable == "PMID" else "Some value"
    ref = Reference(variables=FrozenMap({variable: value}))
    assert read_ris(to_ris([ref])).references[0].get(variable) == value


@pytest.mark.parametrize(
    "variable", sorted(CSL_VARIABLES - CSL_STRUCTURED - {"shortTitle", "journalAbbreviation"})
)
def test_csl_json_keeps_every_variable(variable: str) -> None:
    """Every CSL string variable is written under its own key and read back unchanged."""
    ref = Reference(variables=FrozenMap({variable: "v"}))
    (item,) = json.loads(to_csl_json([ref]))
    assert item[variable] == "v"
    back = read_csl_json(to_csl_json([ref])).references[0]
    assert (back.label if variable == "citation-number" else back.get(variable)) == "v"


names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(title=texts, family=names, given_name=names, note=texts, unicode=st.booleans(), biblatex=st.booleans())
def test_any_text_writes_loadable_bibtex(
    title: str, family: str, given_name: str, note: str, unicode: bool, biblatex: bool
) -> None:
    """Whatever the field text, the .bib written loads in bibtexparser and pybtex and reads back one entry."""
    import bibtexparser
    from pybtex.database import parse_string

    ref = Reference(
        author=(Name(family=family or "X", given=given_name),),
        issued=Date(2020),
        variables=FrozenMap({k: v for k, v in {"title": title, "note": note}.items() if v}),
    )
    text = to_bibtex([ref], unicode=unicode, biblatex=biblatex)
    library = bibtexparser.parse_string(text)
    assert len(library.entries) == 1 and not library.failed_blocks
    assert len(parse_string(text, "bibtex").entries) == 1
    assert len(read_bibtex(text).references) == 1
