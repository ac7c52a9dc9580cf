"""BibTeX/biblatex reading and writing: lossless, loadable by bibtexparser and pybtex."""

from __future__ import annotations

import bibtexparser
import pytest
from pybtex.database import parse_string as pybtex_parse

from refnorm.formats.bibtex import read_bibtex, to_bibtex
from refnorm.formats.latex import decode, encode, encode_title
from refnorm.model import Date, FrozenMap, Name, Reference


def article(**variables: str) -> Reference:
    return Reference(
        type="article-journal",
        author=(Name(family="Li", given="Feng"), Name(family="Guo", given="Xin")),
        issued=Date(2017, 3),
        variables=FrozenMap(
            {
                "title": "Function and therapeutic potential of mesenchymal stem cells in atherosclerosis",
                "container-title": "Front Cardiovasc Med",
                "volume": "4",
                "page": "32",
                "DOI": "10.3389/fcvm.2017.00032",
                **variables,
            }
        ),
    )


def loads_everywhere(text: str) -> int:
    """Parse with both bibtexparser 2 and pybtex; return the entry count (asserting they agree)."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    data = pybtex_parse(text, "bibtex")
    assert len(data.entries) == len(library.entries)
    return len(library.entries)


# -- writing ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("csl_type", "genre", "bibtex", "biblatex"),
    [
        ("article-journal", "", "article", "article"),
        ("book", "", "book", "book"),
        ("chapter", "", "incollection", "incollection"),
        ("paper-conference", "", "inproceedings", "inproceedings"),
        ("thesis", "PhD thesis", "phdthesis", "thesis"),
        ("thesis", "Master's thesis", "mastersthesis", "thesis"),
        ("report", "", "techreport", "report"),
        ("webpage", "", "misc", "online"),
        ("article", "", "misc", "online"),
        ("dataset", "", "misc", "dataset"),
        ("interview", "", "misc", "misc"),
    ],
)
def test_entry_types(csl_type: str, genre: str, bibtex: str, biblatex: str) -> None:
    """Each CSL type gets its conventional BibTeX and biblatex entry type."""
    ref = Reference(type=csl_type, variables=FrozenMap({"title": "T", **({"genre": genre} if genre else {})}))
    assert to_bibtex([ref]).startswith(f"@{bibtex}{{")
    assert to_bibtex([ref], biblatex=True).startswith(f"@{biblatex}{{")


def test_article_fields() -> None:
    """A journal article is written with the usual fields, pages with --, month as a macro."""
    text = to_bibtex([article(page="1857-66", issue="2")])
    assert "@article{li2017function," in text
    assert "author = {Li, Feng and Guo, Xin}" in text
    assert "journal = {Front Cardiovasc Med}" in text
    assert "month = mar," in text
    assert "pages = {1857--1866}" in text
    assert "number = {2}" in text
    assert "doi = {10.3389/fcvm.2017.00032}" in text
    loads_everywhere(text)


def test_biblatex_conventions() -> None:
    """biblatex output uses journaltitle and an ISO date."""
    text = to_bibtex([article()], biblatex=True)
    assert "journaltitle = {Front Cardiovasc Med}" in text
    assert "date = {2017-03}" in text
    assert "journal =" not in text


@pytest.mark.parametrize(
    ("name", "written"),
    [
        pytest.param(
            Name(family="Berg", given="Anna", non_dropping_particle="van der"), "van der Berg, Anna", id="von"
        ),
        pytest.param(
            Name(family="King", given="Martin Luther", suffix="Jr"), "King, Jr, Martin Luther", id="jr"
        ),
        pytest.param(
            Name(literal="World Health Organization"), "{World Health Organization}", id="organisation"
        ),
        pytest.param(Name(family="Mahdavi Gorabi", given="A"), "{Mahdavi Gorabi}, A", id="two-word-family"),
        pytest.param(Name(family="Müller", given="Jörg"), 'M\\"uller, J\\"org', id="latex-accents"),
    ],
)
def test_names(name: Name, written: str) -> None:
    """Names are written in BibTeX "von Last, Jr, First" form."""
    text = to_bibtex([Reference(author=(name,), variables=FrozenMap({"title": "T"}))])
    assert f"author = {{{written}}}" in text
    assert loads_everywhere(text) == 1


def test_et_al_becomes_and_others() -> None:
    """A truncated author list ends in "and others"."""
    ref = Reference(author=(Name(family="Riess", given="A. G."),), truncated_authors=True)
    assert "author = {Riess, A. G. and others}" in to_bibtex([ref])


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("The role of DNA in mRNA decay", "The role of {DNA} in {mRNA} decay", id="acronyms"),
        pytest.param(
            "Outbreak of COVID-19 in Wuhan, China: a cohort study of patients",
            "Outbreak of {COVID-19} in {Wuhan,} {China:} a cohort study of patients",
            id="sentence-case-proper-nouns",
        ),
        pytest.param(
            "The Effect of Light on Plants", "The Effect of Light on Plants", id="title-case-left-alone"
        ),
        pytest.param("Costs: $5 & 50% of #1_a", r"Costs: \$5 \& 50\% of \#1\_a", id="specials"),
        pytest.param(
            "Growth of $\\alpha_1$ cells in E. coli",
            "Growth of $\\alpha_1$ cells in {E.} coli",
            id="math-kept",
        ),
    ],
)
def test_title_protection_and_escaping(title: str, expected: str) -> None:
    """Acronyms and proper nouns get braces; LaTeX specials are escaped; math is kept."""
    assert encode_title(title) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Braces { and } unbalanced }{",
        "Percent 100% & ampersand # hash _ under ~ tilde ^ caret \\ backslash",
        "Unicode: Ærøskøbing, Łódź, 北京, naïve café – “quoted” — ﬁne",
        "",
        "$ lone dollar and $$",
    ],
)
@pytest.mark.parametrize("unicode", [False, True], ids=["latex", "utf8"])
def test_awkward_text_loads_everywhere(title: str, unicode: bool) -> None:
    """Whatever the text, the output loads in bibtexparser and pybtex, and reads back to the same text."""
    ref = Reference(
        author=(Name(family="O'Neil {x}", given="Ann & Bo"),),
        variables=FrozenMap({"title": title, "note": title, "publisher": "A % B"}),
    )
    text = to_bibtex([ref], unicode=unicode)
    assert loads_everywhere(text) == 1
    back = read_bibtex(text).references[0]
    assert back.get("note") == " ".join(title.replace("ﬁ", "fi").split()) or unicode
    assert back.get("publisher") == "A % B"


def test_unicode_output_keeps_letters() -> None:
    """unicode=True writes UTF-8 letters; the default writes LaTeX accents."""
    ref = Reference(
        author=(Name(family="Gödel", given="Kurt"),), variables=FrozenMap({"title": "Über Sätze"})
    )
    assert "Gödel" in to_bibtex([ref], unicode=True)
    assert 'G\\"odel' in to_bibtex([ref])


def test_empty_input_gives_empty_output() -> None:
    """No references, no text."""
    assert to_bibtex([]) == ""


# -- reading ------------------------------------------------------------------------------------------

MESSY_BIB = r"""% Exported by hand
@string{nat = "Nature"}
@string{ jcp = {J. Chem. Phys.} }
@preamble{"\newcommand{\noopsort}[1]{}"}
@comment{jabref-meta: databaseType:bibtex;}

@article{muller2020,
  author = {M{\"u}ller, J{\"o}rg and van der Berg, Anna and {World Health Organization} and others},
  title = {{DNA} repair in \emph{E. coli}},
  journal = nat,
  month = jan,
  year = 2020,
  pages = {12--15},
  note = nat # " and " # jcp,
  langid = {english},
}

@article{broken,
  title = {An unclosed brace,
  year = 2019

@proceedings{conf2021,
  title = {Proceedings of the Big Conference},
  editor = {Smith, Jane},
  publisher = {ACM},
  year = {2021},
}

@inproceedings{paper2021,
  author = {Doe, John},
  title = {A paper},
  crossref = {conf2021},
  pages = {1--10},
}

@weirdtype{odd1, foo = {bar}, title = {Odd}}
@article{muller2020, title = {Same key again}, journal = undefinedmacro}
"""


def test_read_messy_file() -> None:
    """Macros, months, accents, crossref, unknown types; a broken block is reported with its line."""
    result = read_bibtex(MESSY_BIB, source="refs.bib")
    keys = [r.id for r in result.references]
    assert keys == ["muller2020", "conf2021", "paper2021", "odd1", "muller2020"]
    first = result.references[0]
    assert first.line == 7
    assert first.raw.startswith("@article{muller2020,")
    assert [str(n) for n in first.author] == ["Jörg Müller", "Anna van der Berg", "World Health Organization"]
    assert first.author[2].is_literal and first.truncated_authors
    assert first.title == "DNA repair in E. coli"
    assert first.container_title == "Nature"
    assert first.issued == Date(2020, 1)
    assert first.page == "12-15"
    assert first.get("note") == "Nature and J. Chem. Phys."
    assert result.preambles == ("\\newcommand{\\noopsort}[1]{}",)
    (failed,) = result.failed
    assert failed.line == 18 and failed.raw.startswith("@article{broken,")
    assert [(d.code, d.line) for d in result.diagnostics] == [("R701", 18)]
    paper = result.references[2]
    assert paper.type == "paper-conference"
    assert paper.container_title == "Proceedings of the Big Conference"
    assert paper.get("publisher") == "ACM" and paper.year == 2021
    assert [d.code for d in result.references[4].diagnostics] == ["R703", "R702"]
    rendered = [d.render("refs.bib") for d in result.all_diagnostics()]
    assert rendered[0].startswith("refs.bib:18: R701")


def test_unknown_fields_and_types_survive_a_round_trip() -> None:
    """Fields and entry types with no CSL equivalent are written back unchanged."""
    refs = read_bibtex(MESSY_BIB).references
    text = to_bibtex(refs)
    assert "langid = {english}" in text
    assert "@weirdtype{odd1," in text and "foo = {bar}" in text
    assert loads_everywhere(text) == 5


@pytest.mark.parametrize("unicode", [False, True])
@pytest.mark.parametrize("biblatex", [False, True])
def test_write_read_is_stable(unicode: bool, biblatex: bool) -> None:
    """bib → refs → bib → refs gives the same references; a second write is byte-identical."""
    first = read_bibtex(MESSY_BIB).references
    text1 = to_bibtex(first, unicode=unicode, biblatex=biblatex)
    second = read_bibtex(text1).references
    text2 = to_bibtex(second, unicode=unicode, biblatex=biblatex)
    assert text1 == text2
    for a, b in zip(first, second, strict=True):
        assert (a.type, a.author, a.title, a.issued, a.page) == (b.type, b.author, b.title, b.issued, b.page)


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"M{\"u}ller", "Müller"),
        (r"{\'E}cole", "École"),
        (r"Gro{\ss}", "Groß"),
        (r"{DNA} and {RNA}", "DNA and RNA"),
        ("pages 1--2 and 3---4", "pages 1–2 and 3—4"),
        (r"50\% \& more", "50% & more"),
        (r"$\alpha$-helix", r"$\alpha$-helix"),
    ],
)
def test_decode(latex: str, text: str) -> None:
    """LaTeX accents and escapes become Unicode; math is kept verbatim."""
    assert decode(latex) == (text, True)


def test_encode_round_trips_through_decode() -> None:
    """encode then decode gives the text back."""
    text = "Ærø & Łódź: 100% #1 naïve_x"
    assert decode(encode(text))[0] == text


def test_never_raises_on_junk() -> None:
    """Binary junk, unbalanced braces and empty text read without exceptions."""
    for junk in [
        "",
        "\x00\x01@@@{{{",
        "@article{",
        "@article{x, author = {and and and}, title={}}",
        "}" * 100,
    ]:
        read_bibtex(junk)


def test_month_forms() -> None:
    """Month macros, names, numbers and abbreviations are all understood."""
    for month in ["feb", "{February}", "{2}", '"Feb."']:
        ref = read_bibtex(f"@article{{k, year = 2001, month = {month}}}").references[0]
        assert ref.issued == Date(2001, 2), month


def test_biblatex_date_and_urldate() -> None:
    """biblatex date and urldate fields become issued and accessed dates."""
    ref = read_bibtex("@online{k, date = {2021-05-04}, urldate = {2022-01-02}, url = {https://x.org/a_b}}")
    (only,) = ref.references
    assert only.issued == Date(2021, 5, 4) and only.accessed == Date(2022, 1, 2)
    assert only.type == "webpage" and only.url == "https://x.org/a_b"
