"""RIS reading and writing (Zotero, EndNote and Mendeley exports)."""

from __future__ import annotations

import pytest

from refnorm.formats.mapping import RIS_TYPE_TO_CSL, RIS_TYPES
from refnorm.formats.ris import read_ris, to_ris
from refnorm.model import Date, FrozenMap, Name, Reference

ZOTERO_RIS = """TY  - JOUR
TI  - Function and therapeutic potential of mesenchymal stem cells in atherosclerosis
AU  - Li, Fan
AU  - van der Berg, Anna
AU  - World Health Organization
T2  - Frontiers in Cardiovascular Medicine
J2  - Front Cardiovasc Med
AB  - A long abstract
  that EndNote wrapped.
DA  - 2017/03/02/
PY  - 2017
DO  - 10.3389/fcvm.2017.00032
VL  - 4
IS  - 2
SP  - 32
EP  - 40
SN  - 2297-055X
UR  - https://example.org/x
Y2  - 2023/01/05/
KW  - stem cells
KW  - atherosclerosis
L1  - file:///tmp/x.pdf
ER  -

TY  - CHAP
T1  - A chapter
A1  - Knuth, Donald E., Jr
A2  - Editor, Ed
BT  - The Book
Y1  - 1997///
SN  - 978-0-201-89683-1
PB  - Addison-Wesley
CY  - Reading, MA
ER  -
"""


def test_read_zotero_export() -> None:
    """Tags map to CSL: names, dates, pages, ISSN vs ISBN, keywords, wrapped lines; unknown tags kept."""
    first, second = read_ris(ZOTERO_RIS, source="z.ris").references
    assert first.type == "article-journal" and first.line == 1
    assert [str(n) for n in first.author] == ["Fan Li", "Anna van der Berg", "World Health Organization"]
    assert first.author[2].is_literal
    assert first.issued == Date(2017, 3, 2) and first.accessed == Date(2023, 1, 5)
    assert first.container_title == "Frontiers in Cardiovascular Medicine"
    assert first.page == "32-40" and first.issue == "2" and first.get("ISSN") == "2297-055X"
    assert first.get("abstract") == "A long abstract that EndNote wrapped."
    assert first.get("keyword") == "stem cells, atherosclerosis"
    assert second.type == "chapter" and second.author[0].suffix == "Jr"
    assert second.editor == (Name(family="Editor", given="Ed"),)
    assert second.container_title == "The Book" and second.issued == Date(1997)
    assert second.get("ISBN") == "978-0-201-89683-1" and second.get("publisher-place") == "Reading, MA"


def test_ris_round_trip_is_lossless() -> None:
    """RIS → refs → RIS → refs keeps every value, unknown tags included; the second write is identical."""
    refs = read_ris(ZOTERO_RIS).references
    text = to_ris(refs)
    assert "L1  - file:///tmp/x.pdf" in text
    again = read_ris(text).references
    assert [(r.type, r.author, r.issued, dict(r.variables)) for r in refs] == [
        (r.type, r.author, r.issued, dict(r.variables)) for r in again
    ]
    assert to_ris(again) == text


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        pytest.param("TY  - JOUR\nTI  - no end", ["R720"], id="missing-ER"),
        pytest.param("TY  - WHAT\nTI  - x\nER  - ", ["R722"], id="unknown-type"),
        pytest.param("TI  - no type line\nER  - ", ["R722"], id="no-TY"),
        pytest.param("junk before\nTY  - JOUR\nTI  - x\nER  - ", ["R721"], id="stray-text"),
    ],
)
def test_problems_are_diagnostics(text: str, codes: list[str]) -> None:
    """Malformed input never raises; each record is kept and each problem has a code and line."""
    result = read_ris(text)
    assert len(result.references) == 1
    assert [d.code for d in result.all_diagnostics()] == codes


@pytest.mark.parametrize("csl_type", sorted(set(RIS_TYPE_TO_CSL.values())))
def test_type_table_round_trips(csl_type: str) -> None:
    """Every CSL type RIS can name is written with a TY code that reads back as the same type."""
    assert RIS_TYPE_TO_CSL[RIS_TYPES[csl_type]] == csl_type


def test_write_minimal_reference() -> None:
    """A reference with few fields gives a well-formed record; newlines in values are flattened."""
    ref = Reference(type="webpage", variables=FrozenMap({"title": "A\npage", "URL": "https://x.org"}))
    assert to_ris([ref]) == "TY  - ELEC\nTI  - A page\nUR  - https://x.org\nER  - \n\n"


def test_empty_input() -> None:
    """No text, no records."""
    assert read_ris("").references == ()
    assert to_ris([]) == ""
