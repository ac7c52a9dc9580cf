"""The mapping tables between CSL and the file formats, one table per concern.

Every reader and writer in :mod:`refnorm.formats` translates through these tables only, so
a new field or entry type is one line here. Where a mapping is not one-to-one, the *first*
entry that names a target wins when writing back (``BIBTEX_TYPE_TO_CSL`` lists the canonical
BibTeX type of a CSL type first).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "BIBLATEX_FIELDS",
    "BIBLATEX_TYPES",
    "BIBTEX_FIELDS",
    "BIBTEX_FIELD_ALIASES",
    "BIBTEX_TYPES",
    "BIBTEX_TYPE_TO_CSL",
    "CONTAINER_FIELD",
    "CSL_STRUCTURED",
    "CSL_VARIABLES",
    "CUSTOM_BIBTEX",
    "CUSTOM_BIBTEX_TYPE",
    "CUSTOM_RIS",
    "MONTHS",
    "PUBLISHER_FIELD",
    "RIS_TAGS",
    "RIS_TYPES",
    "RIS_TYPE_TO_CSL",
    "csl_type_for_bibtex",
    "custom_value",
    "with_custom",
]

# Every top-level key a CSL-JSON item may have (csl-data.json, CSL 1.0.2; ``additionalProperties`` is
# false there). tests/test_formats_csl_json.py checks this set against the vendored schema.
CSL_VARIABLES = frozenset(
    """type id categories language journalAbbreviation shortTitle author chair collection-editor compiler
    composer container-author contributor curator director editor editorial-director executive-producer
    interviewer illustrator organizer original-author performer producer recipient reviewed-author translator
    accessed available-date container event-date issued original-date submitted abstract annote archive
    archive_collection archive_location archive-place authority call-number chapter-number
    citation-number citation-label collection-number collection-title container-title container-title-short
    dimensions division
    DOI edition event event-place first-reference-note-number genre ISAN ISBN ISCI ISMN ISRC ISSN ISWC issue
    jurisdiction keyword locator medium note number number-of-pages number-of-volumes original-publisher
    original-publisher-place original-title page page-first part part-title PMCID PMID printing publisher
    publisher-place references reviewed-title scale section source status supplement title title-short
    translated-title translated-title-short URL version volume year-suffix custom""".split()  # noqa: SIM905
)

# The CSL keys whose value is not a plain string or number (names, dates, objects).
CSL_STRUCTURED = frozenset(
    """type id categories custom author chair collection-editor compiler composer container-author contributor
    curator director editor editorial-director executive-producer interviewer illustrator organizer
    original-author performer producer recipient reviewed-author translator accessed available-date container
    event-date issued original-date submitted""".split()  # noqa: SIM905
)

# Keys inside the CSL ``custom`` object where refnorm keeps what a format has and CSL has not,
# so that BibTeX → CSL-JSON → BibTeX (and RIS alike) loses nothing.
CUSTOM_BIBTEX = "bibtex-fields"  # {field: value} of BibTeX fields with no CSL variable
CUSTOM_BIBTEX_TYPE = "bibtex-type"  # an entry type with no CSL type ("@patent", "@weird")
CUSTOM_RIS = "ris-tags"  # {tag: [values]} of RIS tags with no CSL variable

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# -- entry types --------------------------------------------------------------------------------------

# CSL type → (BibTeX type, biblatex type).
BIBTEX_TYPES: Mapping[str, tuple[str, str]] = {
    "article-journal": ("article", "article"),
    "article-magazine": ("article", "article"),
    "article-newspaper": ("article", "article"),
    "review": ("article", "article"),
    "review-book": ("article", "article"),
    "book": ("book", "book"),
    "classic": ("book", "book"),
    "collection": ("book", "collection"),
    "periodical": ("book", "periodical"),
    "chapter": ("incollection", "incollection"),
    "entry": ("incollection", "inreference"),
    "entry-dictionary": ("incollection", "inreference"),
    "entry-encyclopedia": ("incollection", "inreference"),
    "paper-conference": ("inproceedings", "inproceedings"),
    "thesis": ("phdthesis", "thesis"),
    "report": ("techreport", "report"),
    "manuscript": ("unpublished", "unpublished"),
    "pamphlet": ("booklet", "booklet"),
    "patent": ("misc", "patent"),
    "dataset": ("misc", "dataset"),
    "software": ("misc", "software"),
    "webpage": ("misc", "online"),
    "post": ("misc", "online"),
    "post-weblog": ("misc", "online"),
    "article": ("misc", "online"),  # preprints: arXiv, bioRxiv, SSRN
    "standard": ("techreport", "standard"),
    "document": ("misc", "misc"),
}
BIBLATEX_TYPES: Mapping[str, str] = {csl: pair[1] for csl, pair in BIBTEX_TYPES.items()}

# BibTeX/biblatex type (lower case) → CSL type, for reading. Canonical ones first.
BIBTEX_TYPE_TO_CSL: Mapping[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "pamphlet",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "periodical": "periodical",
    "inbook": "chapter",
    "incollection": "chapter",
    "bookinbook": "chapter",
    "suppbook": "chapter",
    "suppcollection": "chapter",
    "inreference": "entry-encyclopedia",
    "reference": "book",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "standard": "standard",
    "unpublished": "manuscript",
    "patent": "patent",
    "dataset": "dataset",
    "software": "software",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "misc": "document",
}

# Where the container title goes, by CSL type (default: none; ``howpublished`` for @misc-like).
CONTAINER_FIELD: Mapping[str, str] = {
    "article-journal": "journal",
    "article-magazine": "journal",
    "article-newspaper": "journal",
    "review": "journal",
    "review-book": "journal",
    "chapter": "booktitle",
    "entry": "booktitle",
    "entry-dictionary": "booktitle",
    "entry-encyclopedia": "booktitle",
    "paper-conference": "booktitle",
}
# Where the publisher goes, by BibTeX type (default ``publisher``).
PUBLISHER_FIELD: Mapping[str, str] = {
    "techreport": "institution",
    "report": "institution",
    "phdthesis": "school",
    "mastersthesis": "school",
    "thesis": "institution",
    "manual": "organization",
}

# -- fields -------------------------------------------------------------------------------------------

# CSL variable → BibTeX field for the variables whose field does not depend on the entry type.
BIBTEX_FIELDS: Mapping[str, str] = {
    "title": "title",
    "title-short": "shorttitle",
    "container-title-short": "shortjournal",
    "collection-title": "series",
    "volume": "volume",
    "issue": "number",
    "number": "number",
    "edition": "edition",
    "page": "pages",
    "chapter-number": "chapter",
    "number-of-pages": "pagetotal",
    "publisher-place": "address",
    "genre": "type",
    "event": "eventtitle",
    "event-place": "venue",
    "DOI": "doi",
    "URL": "url",
    "ISBN": "isbn",
    "ISSN": "issn",
    "PMID": "pmid",
    "PMCID": "pmcid",
    "abstract": "abstract",
    "note": "note",
    "annote": "annote",
    "keyword": "keywords",
    "language": "language",
    "version": "version",
    "status": "pubstate",
    "medium": "howpublished",
    "archive": "archive",
    "call-number": "library",
}
# biblatex spells some of them differently.
BIBLATEX_FIELDS: Mapping[str, str] = {
    **BIBTEX_FIELDS,
    "publisher-place": "location",
}
# Field names seen in the wild that mean the same as a table entry above (read side only).
BIBTEX_FIELD_ALIASES: Mapping[str, str] = {
    "journaltitle": "container-title",
    "journal": "container-title",
    "booktitle": "container-title",
    "location": "publisher-place",
    "address": "publisher-place",
    "issue": "issue",
    "keyword": "keyword",
    "annotation": "annote",
    "shorttitle": "title-short",
    "shortjournal": "container-title-short",
    "journalabbreviation": "container-title-short",
    "eventtitle": "event",
}


def csl_type_for_bibtex(entry_type: str, fields: Mapping[str, str]) -> str:
    """The CSL type of a BibTeX entry (``fields`` lets @misc become a web page or a preprint)."""
    entry_type = entry_type.lower()
    csl = BIBTEX_TYPE_TO_CSL.get(entry_type, "document")
    if csl in ("document", "webpage") and (fields.get("eprint") or fields.get("archiveprefix")):
        return "article"  # a preprint: @misc/@online with an eprint (arXiv, bioRxiv…)
    if csl == "document" and fields.get("url") and not (fields.get("publisher") or fields.get("journal")):
        return "webpage"
    return csl


# -- RIS ----------------------------------------------------------------------------------------------

# RIS TY code → CSL type (reading); the first code naming a CSL type is the one written.
RIS_TYPE_TO_CSL: Mapping[str, str] = {
    "JOUR": "article-journal",
    "EJOUR": "article-journal",
    "JFULL": "article-journal",
    "ABST": "article-journal",
    "INPR": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "SER": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "THES": "thesis",
    "RPRT": "report",
    "GOVDOC": "report",
    "ELEC": "webpage",
    "WEB": "webpage",
    "BLOG": "post-weblog",
    "DATA": "dataset",
    "COMP": "software",
    "PAT": "patent",
    "UNPB": "manuscript",
    "MANSCPT": "manuscript",
    "PAMP": "pamphlet",
    "STAND": "standard",
    "DICT": "entry-dictionary",
    "ENCYC": "entry-encyclopedia",
    "MAP": "map",
    "CASE": "legal_case",
    "BILL": "bill",
    "STAT": "legislation",
    "HEAR": "hearing",
    "SOUND": "song",
    "VIDEO": "motion_picture",
    "ART": "graphic",
    "PCOMM": "personal_communication",
    "ICOMM": "personal_communication",
    "GEN": "document",
}
RIS_TYPES: Mapping[str, str] = {
    **{csl: code for code, csl in reversed(list(RIS_TYPE_TO_CSL.items()))},
    "article": "GEN",
    "post": "BLOG",
    "collection": "BOOK",
    "classic": "BOOK",
    "entry": "ENCYC",
    "periodical": "JFULL",
}

# RIS tag → CSL variable, for tags holding a plain string. Names, dates, pages and keywords are
# handled by the RIS module itself; the first tag naming a variable is the one written.
RIS_TAGS: Mapping[str, str] = {
    "TI": "title",
    "T1": "title",
    "CT": "title",
    "T2": "container-title",
    "JO": "container-title",
    "JF": "container-title",
    "BT": "container-title",
    "J2": "container-title-short",
    "JA": "container-title-short",
    "T3": "collection-title",
    "ST": "title-short",
    "VL": "volume",
    "IS": "issue",
    "ET": "edition",
    "M3": "genre",
    "DO": "DOI",
    "UR": "URL",
    "PB": "publisher",
    "CY": "publisher-place",
    "AB": "abstract",
    "N2": "abstract",
    "N1": "note",
    "LA": "language",
    "CN": "call-number",
    "DB": "source",
    "AN": "PMID",
    "C2": "PMCID",
    "M1": "number",
}


# -- the CSL ``custom`` object ------------------------------------------------------------------------


def custom_value(extras: tuple[tuple[str, Any], ...], key: str) -> Any:
    """``custom[key]`` from a reference's extras, or None."""
    for name, value in extras:
        if name == "custom" and isinstance(value, Mapping):
            return value.get(key)
    return None


def with_custom(extras: tuple[tuple[str, Any], ...], key: str, value: Any) -> tuple[tuple[str, Any], ...]:
    """Extras with ``custom[key] = value`` (the other custom keys kept)."""
    custom: dict[str, Any] = {}
    rest = []
    for name, old in extras:
        if name == "custom" and isinstance(old, Mapping):
            custom.update(old)
        else:
            rest.append((name, old))
    custom[key] = value
    return (*rest, ("custom", custom))
