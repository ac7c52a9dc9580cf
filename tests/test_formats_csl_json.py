"""CSL-JSON reading and writing: schema-valid output, stable ids, lossless round trips."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from refnorm.diagnostics import RefnormError
from refnorm.formats.bibtex import read_bibtex, to_bibtex
from refnorm.formats.csl_json import read_csl_json, read_jsonl, to_csl_json, to_jsonl
from refnorm.formats.mapping import CSL_VARIABLES
from refnorm.model import Date, FrozenMap, Name, Reference

SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.json").read_text(encoding="utf-8"))


def validate(text: str) -> list[dict[str, object]]:
    data = json.loads(text)
    jsonschema.validate(data, SCHEMA)
    return data


def test_mapping_knows_every_schema_key() -> None:
    """CSL_VARIABLES is exactly the set of keys the vendored schema allows."""
    assert set(SCHEMA["items"]["properties"]) == CSL_VARIABLES


REFS = [
    Reference(
        type="article-journal",
        author=(Name(family="Li", given="F"), Name(literal="WHO Consortium")),
        issued=Date(2017, 3, 2),
        accessed=Date(2023, 1, 5),
        variables=FrozenMap({"title": "Stem cells", "DOI": "10.3389/fcvm.2017.00032", "page": "32"}),
        truncated_authors=True,
        label="3",
    ),
    Reference(type="not-a-type", variables=FrozenMap({"title": "Odd", "weird-variable": "kept"})),
    Reference(issued=Date(literal="in press")),
    Reference(id="keep-me", extras=(("translator", [{"family": "T"}]),)),
]


def test_output_validates_against_schema() -> None:
    """Every item is valid CSL-JSON: unknown keys go to custom, unknown types become document."""
    data = validate(to_csl_json(REFS))
    assert [item["id"] for item in data] == ["li2017stem", "anonodd", "anon", "keep-me"]
    assert data[0]["custom"] == {"et-al": True}
    assert data[0]["citation-number"] == "3"
    assert data[1]["type"] == "document"
    assert data[1]["custom"] == {"weird-variable": "kept"}
    assert data[3]["translator"] == [{"family": "T"}]


def test_bibtex_only_fields_round_trip_through_csl_json() -> None:
    """BibTeX → CSL-JSON → BibTeX keeps fields CSL has no variable for (in custom)."""
    bib = "@inbook{k1, author = {Doe, J.}, title = {T}, booktitle = {B}, langid = {english}, year = 2001}\n"
    first = to_bibtex(read_bibtex(bib).references)
    json_text = to_csl_json(read_bibtex(bib).references)
    validate(json_text)
    assert to_bibtex(read_csl_json(json_text).references) == first
    assert "@inbook{k1," in first and "langid = {english}" in first


def test_read_zotero_and_better_csl_json() -> None:
    """Zotero's item ids, Better BibTeX's citation-key, legacy names and string date parts are read."""
    text = json.dumps(
        [
            {
                "id": "http://zotero.org/users/local/abc/items/XYZ",
                "type": "article-journal",
                "title": "A title",
                "shortTitle": "Short",
                "journalAbbreviation": "J Abbr",
                "author": [{"family": "Kim", "given": "Ji-woo"}],
                "issued": {"date-parts": [["2019", "7", "1"]]},
            },
            {"id": "x2", "citation-key": "smith2001", "type": "book", "title": "B"},
        ],
        indent=2,
    )
    result = read_csl_json(text, source="z.json")
    first, second = result.references
    assert first.get("title-short") == "Short" and first.get("container-title-short") == "J Abbr"
    assert first.issued == Date(2019, 7, 1)
    assert first.line == 2 and first.raw.startswith("{")
    assert second.id == "smith2001" and text.splitlines()[second.line - 1].strip() == "{"
    # A Zotero URL id is no citation key: BibTeX gets a readable one instead.
    assert to_bibtex([first]).startswith("@article{kim2019title,")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"type": "book"}', "expected a JSON list"),
        ("42", "expected a JSON list"),
        ("[1, 2", "not valid JSON"),
        ("", "not valid JSON"),
    ],
)
def test_not_a_list_is_a_caller_error(text: str, message: str) -> None:
    """Text that is not a CSL-JSON array raises RefnormError naming the source and the problem."""
    with pytest.raises(RefnormError, match=message) as caught:
        read_csl_json(text, source="in.json")
    assert "in.json" in str(caught.value)


def test_bad_items_are_kept_and_reported() -> None:
    """A non-object item is kept verbatim and reported; an item without a type is read as document."""
    result = read_csl_json('[\n  "junk",\n  {"id": "a", "title": "T"}\n]')
    assert [d.code for d in result.diagnostics] == ["R710"]
    assert result.failed[0].raw == '"junk"' and result.failed[0].line == 2
    (ref,) = result.references
    assert ref.type == "document" and [d.code for d in ref.diagnostics] == ["R711"]


def test_round_trip_is_stable() -> None:
    """CSL-JSON → refs → CSL-JSON is a fixed point after the first write."""
    once = to_csl_json(REFS)
    twice = to_csl_json(read_csl_json(once).references)
    assert json.loads(once) == json.loads(twice)


def test_jsonl() -> None:
    """JSON Lines holds one valid item per line and reads back."""
    text = to_jsonl(REFS)
    assert len(text.splitlines()) == len(REFS)
    validate("[" + ",".join(text.splitlines()) + "]")
    result = read_jsonl(text + "not json\n")
    assert len(result.references) == len(REFS)
    assert [d.code for d in result.diagnostics] == ["R710"]


def test_indent_none_is_one_line() -> None:
    """indent=None writes compact JSON."""
    assert to_csl_json(REFS[:1], indent=None).count("\n") == 1
