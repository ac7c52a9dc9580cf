"""BibTeX and biblatex: :func:`read_bibtex` (via bibtexparser 2) and :func:`to_bibtex`.

Reading keeps everything: @string macros and ``#`` concatenation are resolved, LaTeX is decoded
to Unicode, fields and entry types with no CSL equivalent are kept in the CSL ``custom`` object
(see :mod:`refnorm.formats.mapping`) and written back unchanged, and a block bibtexparser cannot
parse is kept verbatim with its line and reported (R701) instead of being dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from refnorm.diagnostics import Diagnostic, Severity, register
from refnorm.doi import normalize_doi
from refnorm.formats import latex
from refnorm.formats.base import FailedBlock, ReadResult
from refnorm.formats.mapping import (
    BIBLATEX_FIELDS,
    BIBTEX_FIELD_ALIASES,
    BIBTEX_FIELDS,
    BIBTEX_TYPE_TO_CSL,
    BIBTEX_TYPES,
    CONTAINER_FIELD,
    CSL_STRUCTURED,
    CSL_VARIABLES,
    CUSTOM_BIBTEX,
    CUSTOM_BIBTEX_TYPE,
    MONTHS,
    PUBLISHER_FIELD,
    csl_type_for_bibtex,
    custom_value,
    with_custom,
)
from refnorm.keys import assign_keys
from refnorm.model import Date, FrozenMap, Name, Reference
from refnorm.pages import pages_to_bibtex

__all__ = ["FailedBlock", "ReadResult", "read_bibtex", "to_bibtex"]

R701 = register("R701", "a BibTeX block could not be parsed; it is kept verbatim")
R702 = register("R702", "a citation key is used by more than one entry")
R703 = register("R703", "a field uses an @string macro that is not defined")
R704 = register("R704", "crossref names an entry that is not in the file")
R705 = register("R705", "LaTeX in a field could not be decoded; the field is kept as written")
R706 = register("R706", "a name list could not be parsed; the names are kept as written")


# -- reading ------------------------------------------------------------------------------------------

_MONTH_NAMES = {m: i for i, m in enumerate(MONTHS, 1)}
_MONTH_NAMES.update(
    {
        name: i
        for i, name in enumerate(
            "january february march april may june july august september october november december".split(),  # noqa: SIM905
            1,
        )
    }
)
_VERBATIM = frozenset({"url", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc"})
_NAME_FIELDS = ("author", "editor")
_HANDLED = frozenset(
    {
        "author",
        "editor",
        "year",
        "month",
        "day",
        "date",
        "urldate",
        "number",
        "publisher",
        "institution",
        "school",
        "organization",
        "howpublished",
        "type",
        "eprint",
        "archiveprefix",
        "eprinttype",
    }
)
_CSL_BY_LOWER = {v.lower(): v for v in CSL_VARIABLES - CSL_STRUCTURED}
_FIELD_TO_CSL = {field: csl for csl, field in BIBTEX_FIELDS.items() if field not in _HANDLED}
_FIELD_TO_CSL.update({field: csl for field, csl in BIBTEX_FIELD_ALIASES.items() if field not in _HANDLED})
_DEFAULT_GENRE = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
_ARXIV_NUMBER = re.compile(r"^arxiv:\s*(\S+)$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_SIMPLE_NAME = re.compile(r"^([A-Z][^\s,{}\\]*(?: [A-Z][^\s,{}\\]*)*), ([^,{}\\]+)$")
_URLISH = re.compile(r"^(?:\\url\{)?(?:https?|ftp)://", re.IGNORECASE)


def _split_concatenation(value: str) -> list[str]:
    """``jan # " 1"`` → ``["jan", '" 1"']``: split on ``#`` outside braces and quotes."""
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(value[start:i].strip())
            start = i + 1
    parts.append(value[start:].strip())
    return parts


def _resolve(value: str, macros: Mapping[str, str]) -> tuple[str, list[str]]:
    """A raw field value with macros and concatenation resolved, and the undefined macro names."""
    out: list[str] = []
    missing: list[str] = []
    value = value.strip()
    for part in _split_concatenation(value) if "#" in value else [value]:
        if len(part) >= 2 and ((part[0] == "{" and part[-1] == "}") or (part[0] == '"' and part[-1] == '"')):
            out.append(part[1:-1])
        elif part.isdigit() or not part:
            out.append(part)
        elif part.lower() in macros:
            out.append(macros[part.lower()])
        elif part.lower() in _MONTH_NAMES:
            out.append(str(_MONTH_NAMES[part.lower()]))
        else:
            missing.append(part)
            out.append(part)
    return "".join(out), missing


def _month(value: str) -> int | None:
    text = value.strip().strip(".").lower()
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return _MONTH_NAMES.get(text) or _MONTH_NAMES.get(text[:3])


def _issued(fields: Mapping[str, str]) -> Date | None:
    date = fields.get("date", "").strip()
    if date:
        return Date.parse_iso(re.split(r"/", date, maxsplit=1)[0])
    year = fields.get("year", "").strip()
    if not year:
        return None
    if not re.fullmatch(r"-?\d{1,4}", year):
        return Date(literal=year)
    month = _month(fields.get("month", "")) if fields.get("month") else None
    day_text = fields.get("day", "").strip()
    day = int(day_text) if month and day_text.isdigit() and 1 <= int(day_text) <= 31 else None
    return Date(int(year), month, day)


def _names(
    value: str, field: str, key: str, line: int | None
) -> tuple[tuple[Name, ...], bool, list[Diagnostic]]:
    from pybtex.bibtex.utils import split_name_list  # type: ignore[import-untyped]
    from pybtex.database import Person  # type: ignore[import-untyped]
    from pybtex.exceptions import PybtexError  # type: ignore[import-untyped]

    names: list[Name] = []
    truncated = False
    problems: list[Diagnostic] = []
    # pybtex's splitter and Person parser are exact but slow; names without braces, backslashes or
    # lower-case (von) words in "Last, First" form give the same result by plain splitting.
    parts = _AND.split(value) if "{" not in value else split_name_list(value)
    for part in parts:
        part = part.strip()
        simple = _SIMPLE_NAME.match(part)
        if simple and part.lower() != "others":
            names.append(Name(family=simple.group(1), given=simple.group(2)))
            continue
        if part.lower() == "others":
            truncated = True
            continue
        if part.startswith("{") and part.endswith("}") and latex.braces_balanced(part[1:-1]):
            names.append(Name(literal=latex.decode(part[1:-1])[0]))
            continue
        try:
            person = Person(part)
        except PybtexError as error:
            message = f"{field}: cannot read name {part!r} ({error})"
            problems.append(Diagnostic(R706, message, Severity.WARNING, line, key))
            names.append(Name(literal=latex.decode(part)[0]))
            continue

        def text(parts: list[str]) -> str:
            return latex.decode(" ".join(parts))[0]

        family = text(person.last_names)
        given = text(person.first_names + person.middle_names)
        particle = text(person.prelast_names)
        if not family:
            family, particle = particle, ""
        names.append(
            Name(
                family=family, given=given, non_dropping_particle=particle, suffix=text(person.lineage_names)
            )
        )
    return tuple(names), truncated, problems


def _inherit(fields: dict[str, str], parent: Mapping[str, str]) -> None:
    """BibTeX crossref: missing fields come from the parent; its title becomes our booktitle."""
    if "title" in parent and "booktitle" not in fields:
        fields["booktitle"] = parent["title"]
    for name, value in parent.items():
        if name not in fields and name not in {"crossref", "ids", "keywords", "file", "title", "journal"}:
            fields[name] = value


def _reference(entry_type: str, key: str, fields: dict[str, str], raw: str, line: int | None) -> Reference:
    """One entry's resolved (still LaTeX) fields as a Reference."""
    diagnostics: list[Diagnostic] = []
    kind = entry_type.lower()
    csl_type = csl_type_for_bibtex(kind, fields)
    variables: dict[str, str] = {}
    unknown: dict[str, str] = {}

    def text(name: str) -> str:
        value, ok = latex.decode(fields[name])
        if not ok:
            diagnostics.append(Diagnostic(R705, f"{name}: LaTeX not decoded", Severity.WARNING, line, key))
        return value

    names: dict[str, tuple[Name, ...]] = {}
    truncated = False
    for field in _NAME_FIELDS:
        if fields.get(field, "").strip():
            found, cut, problems = _names(fields[field], field, key, line)
            names[field] = found
            truncated = truncated or (field == "author" and cut)
            diagnostics.extend(problems)

    for name, raw_value in fields.items():
        csl = None if name in _HANDLED else _FIELD_TO_CSL.get(name) or _CSL_BY_LOWER.get(name)
        if csl is None or csl in variables:
            if name not in _HANDLED:
                unknown[name] = raw_value
            continue
        if name in _VERBATIM:
            value = latex.decode_verbatim(raw_value)
        elif name == "pages":
            value = latex.decode(raw_value.replace("--", "-"))[0]
        else:
            value = text(name)
        if value:
            variables[csl] = value

    # Fields whose CSL meaning depends on the entry type.
    if fields.get("number"):
        number = text("number")
        if "issue" not in variables and (csl_type.startswith("article-") or csl_type.startswith("review")):
            variables["issue"] = number
        elif fields.get("series") and csl_type in {"book", "chapter", "paper-conference"}:
            variables.setdefault("collection-number", number)
        else:
            variables.setdefault("number", number)
    for name in ("publisher", "institution", "school", "organization"):
        if fields.get(name):
            if "publisher" in variables:
                unknown[name] = fields[name]
            else:
                variables["publisher"] = text(name)
    if fields.get("howpublished"):
        if _URLISH.match(fields["howpublished"].strip()):
            variables.setdefault("URL", latex.decode_verbatim(fields["howpublished"]))
        elif "container-title" not in variables and csl_type in {"webpage", "document", "article", "dataset"}:
            variables["container-title"] = text("howpublished")
        else:
            variables.setdefault("medium", text("howpublished"))
    genre = text("type") if fields.get("type") else _DEFAULT_GENRE.get(kind, "")
    if genre:
        variables["genre"] = genre
    for name in ("eprint", "archiveprefix", "eprinttype"):
        if fields.get(name):
            unknown[name] = fields[name]
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    eprint = latex.decode_verbatim(fields.get("eprint", ""))
    if eprint and prefix.strip("{}") == "arxiv" and "number" not in variables:
        variables["number"] = "arXiv:" + eprint
    elif eprint and prefix.strip("{}") in {"pmid", "pubmed"}:
        variables.setdefault("PMID", eprint)

    extras: tuple[tuple[str, Any], ...] = ()
    if unknown:
        extras = with_custom(extras, CUSTOM_BIBTEX, unknown)
    canonical = BIBTEX_TYPES.get(csl_type, ("misc", "misc"))
    if kind not in canonical or kind not in BIBTEX_TYPE_TO_CSL:
        extras = with_custom(extras, CUSTOM_BIBTEX_TYPE, kind)
    return Reference(
        type=csl_type,
        author=names.get("author", ()),
        editor=names.get("editor", ()),
        issued=_issued(fields),
        accessed=Date.parse_iso(fields.get("urldate", "")[:10]) if fields.get("urldate") else None,
        variables=FrozenMap(variables),
        truncated_authors=truncated,
        id=key,
        raw=raw,
        line=line,
        diagnostics=tuple(diagnostics),
        extras=extras,
    )


def read_bibtex(text: str, *, source: str = "<input>") -> ReadResult:
    """Read a .bib file's text. Never raises on bad data: problems become diagnostics."""
    from bibtexparser import model as bm
    from bibtexparser.entrypoint import parse_string

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # its failures become our diagnostics
    library = parse_string(text, parse_stack=[])
    macros: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    failed: list[FailedBlock] = []
    preambles: list[str] = []
    pending: list[tuple[Any, dict[str, str], list[Diagnostic], bool]] = []
    for block in library.blocks:
        line = block.start_line + 1 if block.start_line is not None else None
        duplicate = isinstance(block, bm.DuplicateBlockKeyBlock)
        if isinstance(block, bm.DuplicateBlockKeyBlock) and block.ignore_error_block is not None:
            block = block.ignore_error_block
        if isinstance(block, bm.String):
            macros[block.key.lower()] = _resolve(block.value, macros)[0]
        elif isinstance(block, bm.Preamble):
            preambles.append(_resolve(block.value, macros)[0])
        elif isinstance(block, bm.Entry):
            fields: dict[str, str] = {}
            problems: list[Diagnostic] = []
            for field in block.fields:
                value, missing = _resolve(str(field.value), macros)
                fields.setdefault(field.key.lower(), value)
                for macro in missing:
                    problems.append(
                        Diagnostic(
                            R703, f"{field.key}: undefined macro {macro!r}", Severity.WARNING, line, block.key
                        )
                    )
            pending.append((block, fields, problems, duplicate))
        elif isinstance(block, bm.ParsingFailedBlock):
            error = block.error
            reason = getattr(error, "abort_reason", None) or getattr(error, "message", None) or str(error)
            message = " ".join(str(reason).split()) or type(error).__name__
            failed.append(FailedBlock(block.raw or "", line, message))
            diagnostics.append(
                Diagnostic(R701, f"block not parsed, kept verbatim: {message}", Severity.ERROR, line)
            )

    by_key = {block.key.lower(): fields for block, fields, _, duplicate in pending if not duplicate}
    references: list[Reference] = []
    for block, fields, problems, duplicate in pending:
        line = block.start_line + 1 if block.start_line is not None else None
        parent_key = fields.get("crossref", "").strip()
        if parent_key:
            parent = by_key.get(parent_key.lower())
            if parent is None:
                problems.append(
                    Diagnostic(R704, f"crossref {parent_key!r} not found", Severity.WARNING, line, block.key)
                )
            else:
                inherited = dict(fields)
                _inherit(inherited, parent)
                fields = inherited
        if duplicate:
            problems.append(
                Diagnostic(
                    R702, f"key {block.key!r} is used by an earlier entry", Severity.ERROR, line, block.key
                )
            )
        ref = _reference(block.entry_type, block.key, fields, block.raw or "", line)
        references.append(ref.with_diagnostics(*problems) if problems else ref)
    return ReadResult(tuple(references), tuple(diagnostics), tuple(failed), tuple(preambles))


# -- writing ------------------------------------------------------------------------------------------


def _person(name: Name, unicode: bool) -> str:
    from pybtex.database import Person  # type: ignore[import-untyped,unused-ignore]

    def part(text: str) -> str:
        encoded = latex.encode(text, unicode=unicode)
        # A comma or a lone "and" inside a part would split the name: group it.
        if "," in encoded or re.search(r"\band\b", encoded, re.IGNORECASE):
            return "{" + encoded + "}"
        return encoded

    if name.is_literal or not name.family:
        return "{" + latex.encode(name.literal or name.family, unicode=unicode) + "}"
    particles = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle) if p)
    person = Person(
        first=part(name.given),
        prelast=part(particles),
        last=part(name.family) if " " not in name.family else "{" + part(name.family) + "}",
        lineage=part(name.suffix),
    )
    return str(person)


def _name_list(names: Iterable[Name], truncated: bool, unicode: bool) -> str:
    people = [_person(n, unicode) for n in names]
    if truncated:
        people.append("others")
    return " and ".join(people)


def _arxiv_id(ref: Reference) -> str:
    match = _ARXIV_NUMBER.match(ref.get("number"))
    if match:
        return match.group(1)
    doi = ref.doi.lower()
    if doi.startswith("10.48550/arxiv."):
        return ref.doi[len("10.48550/arxiv.") :]
    return ""


def _entry_type(ref: Reference, biblatex: bool) -> str:
    kept = custom_value(ref.extras, CUSTOM_BIBTEX_TYPE)
    if (
        isinstance(kept, str)
        and kept
        and (ref.type == "document" or BIBTEX_TYPE_TO_CSL.get(kept) == ref.type)
    ):
        return kept
    bibtex_type, biblatex_type = BIBTEX_TYPES.get(ref.type, ("misc", "misc"))
    if biblatex:
        return biblatex_type
    if bibtex_type == "phdthesis" and "master" in ref.get("genre").lower():
        return "mastersthesis"
    return bibtex_type


_WRITTEN_FIRST = frozenset(
    """title container-title publisher genre DOI URL page volume issue number collection-number
    citation-number""".split()  # noqa: SIM905
)


def _fields(ref: Reference, entry_type: str, unicode: bool, biblatex: bool) -> list[tuple[str, str]]:
    """(field, already-encoded value) pairs in the conventional order."""
    out: list[tuple[str, str]] = []
    done: set[str] = set()

    def put(field: str, value: str, *, encoded: bool = False) -> None:
        if value and field not in done:
            done.add(field)
            out.append((field, value if encoded else latex.encode(value, unicode=unicode)))

    table = BIBLATEX_FIELDS if biblatex else BIBTEX_FIELDS
    if ref.author:
        put("author", _name_list(ref.author, ref.truncated_authors, unicode), encoded=True)
    if ref.editor:
        put("editor", _name_list(ref.editor, False, unicode), encoded=True)
    translators = next((value for key, value in ref.extras if key == "translator"), None)
    if isinstance(translators, list) and translators:  # biblatex's field; BibTeX styles ignore it harmlessly
        names = [Name.from_csl(n) for n in translators if isinstance(n, Mapping)]
        put("translator", _name_list(names, False, unicode), encoded=True)
    if ref.title:
        put("title", latex.encode_title(ref.title, unicode=unicode), encoded=True)
    container = ref.container_title
    if container:
        field = CONTAINER_FIELD.get(ref.type, "howpublished")
        if biblatex and field == "journal":
            field = "journaltitle"
        if field == "booktitle":
            put(field, latex.encode_title(container, unicode=unicode), encoded=True)
        else:
            put(field, container)
    if ref.issued is not None:
        if ref.issued.year is None:
            put("year", ref.issued.literal)
        elif biblatex:
            put("date", ref.issued.iso())
        else:
            put("year", str(ref.issued.year))
            if ref.issued.month is not None:
                put("month", MONTHS[ref.issued.month - 1], encoded=True)
    put("volume", ref.volume)
    number = "" if _arxiv_id(ref) else ref.get("number")
    put("number", ref.issue or number or ref.get("collection-number"))
    if ref.issue and number:
        put("issue" if biblatex else "number", ref.issue)
        put("number", number)
    if ref.get("collection-number") and (ref.issue or number):
        put("collection-number", ref.get("collection-number"))
    if ref.page:
        put("pages", latex.encode(pages_to_bibtex(ref.page), unicode=unicode), encoded=True)
    if ref.get("publisher"):
        field = PUBLISHER_FIELD.get(entry_type, "publisher")
        put("institution" if biblatex and field == "school" else field, ref.get("publisher"))
    genre = ref.get("genre")
    if genre and genre != _DEFAULT_GENRE.get(entry_type):
        put("type", genre)
    if ref.doi:
        doi = normalize_doi(ref.doi) or ref.doi  # braces would unbalance the entry: percent-encode them
        put("doi", doi.replace("{", "%7B").replace("}", "%7D"), encoded=True)
    if ref.url:
        put("url", ref.url.replace("{", "%7B").replace("}", "%7D"), encoded=True)
    if ref.accessed is not None and ref.accessed.year is not None:
        put("urldate", ref.accessed.iso())
    arxiv = _arxiv_id(ref)
    if arxiv:
        put("eprint", arxiv, encoded=True)
        put("eprinttype" if biblatex else "archiveprefix", "arxiv" if biblatex else "arXiv", encoded=True)
    for csl, value in ref.variables.items():
        if csl in _WRITTEN_FIRST:
            continue
        field = table.get(csl) or csl.lower()
        if field == "shorttitle":
            put(field, latex.encode_title(value, unicode=unicode), encoded=True)
        elif field not in {"number", "issue"}:
            put(field, value)
    kept = custom_value(ref.extras, CUSTOM_BIBTEX)
    if isinstance(kept, Mapping):
        for field, value in kept.items():
            text = str(value)
            put(str(field), text if latex.braces_balanced(text) else latex.encode(text), encoded=True)
    return out


def _entry(ref: Reference, key: str, unicode: bool, biblatex: bool) -> str:
    entry_type = _entry_type(ref, biblatex)
    lines = [f"@{entry_type}{{{key},"]
    for field, value in _fields(ref, entry_type, unicode, biblatex):
        lines.append(f"  {field} = {value}," if field == "month" else f"  {field} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines)


def to_bibtex(refs: Iterable[Reference], *, unicode: bool = False, biblatex: bool = False) -> str:
    """The references as a .bib file: LaTeX-escaped ASCII, or UTF-8 with ``unicode=True``.

    ``biblatex=True`` writes biblatex conventions (``journaltitle``, ``date``, ``@online``,
    ``eprinttype``). Keys: an existing ``id`` is kept, others are made readable and unique
    (see :mod:`refnorm.keys`).
    """
    refs = list(refs)
    keys = assign_keys(refs)
    entries = [_entry(ref, key, unicode, biblatex) for ref, key in zip(refs, keys, strict=True)]
    return "\n\n".join(entries) + "\n" if entries else ""
