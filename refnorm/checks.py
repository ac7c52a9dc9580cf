"""Checks for existing ``.bib`` files, each a small function with a stable ``B6xx`` code.

A check reads a parsed :class:`~refnorm.bibfile.BibFile` and yields :class:`Finding`\\ s; a
finding that can be repaired safely carries the edits that repair it (``fix``), expressed as
:class:`~refnorm.bibfile.Replace` spans on the original text so untouched bytes stay untouched.
:func:`check_bib` runs the checks; :func:`fix_bib` applies fixes until nothing changes
(idempotent by construction: it stops at a fixed point), optionally after merging duplicate works
(``dedupe``) and before sorting entries (``sort``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry, ParsingFailedBlock
from bibtexparser.model import Field as BibField

from refnorm.bibfile import (
    BibFile,
    EntryLayout,
    Replace,
    add_field,
    entry_of,
    field_name,
    layout,
    parse_bib,
    paused_gc,
    render,
    set_key,
    set_value,
    split_blocks,
    unwrap,
)
from refnorm.config import Config
from refnorm.diagnostics import Diagnostic, Severity, register
from refnorm.doi import find_doi, normalize_doi

__all__ = [
    "CHECKS",
    "Check",
    "Context",
    "Finding",
    "FixResult",
    "Merge",
    "check_bib",
    "fix_bib",
    "latex_to_unicode",
    "protect_capitals",
    "unicode_to_latex",
]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a .bib file; ``fix`` holds the edits that repair it, if that is safe
    (None: no safe fix; empty: fixable, edits not computed because only checking)."""

    code: str
    message: str
    line: int  # 1-based
    key: str = ""
    severity: Severity = Severity.WARNING
    fix: tuple[Replace, ...] | None = None

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(self.code, self.message, self.severity, self.line, self.key)


@dataclass(frozen=True, slots=True)
class EntryInfo:
    """An entry with its fields by lower-case name, as the checks read it."""

    index: int  # block index in the file
    entry: Entry
    fields: dict[str, BibField]
    line: int
    empty: frozenset[str] = frozenset()  # fields present with an empty value

    def content(self, name: str) -> str | None:
        """The literal text of a field inside its delimiters, None if absent or not literal."""
        item = self.fields.get(name)
        if item is None:
            return None
        found = unwrap(str(item.value))
        return found[1] if found else None

    def field_line(self, name: str) -> int:
        item = self.fields.get(name)
        return item.start_line + 1 if item is not None else self.line

    def present(self) -> set[str]:
        """Names of the fields with a non-empty value."""
        return set(self.fields).difference(self.empty) if self.empty else set(self.fields)


Suspect = tuple[EntryInfo, BibField]


def literal(item: BibField) -> str | None:
    """The text of a field inside its delimiters; None for macros and concatenations."""
    found = unwrap(str(item.value))
    return found[1] if found else None


@dataclass
class Context:
    """What the checks share: the file, the configuration and one pass of cheap per-field tests.

    A check on field values looks only at the fields a prefilter picked for it (``bare``,
    ``spaced``, ``glued``, ``non_ascii``, ``backslash``): checking 10,000 entries must stay well
    under a second, and most fields pass every test at a glance.
    """

    bib: BibFile
    config: Config
    fixes: bool = True  # compute the edits of fixable findings (``check`` does not need them)
    entries: list[EntryInfo] = field(default_factory=list)
    bare: list[Suspect] = field(default_factory=list)  # macro, number or # concatenation
    spaced: list[Suspect] = field(default_factory=list)  # maybe stray whitespace
    glued: list[Suspect] = field(default_factory=list)  # maybe a missing comma
    non_ascii: list[Suspect] = field(default_factory=list)
    backslash: list[Suspect] = field(default_factory=list)
    _layouts: dict[int, EntryLayout | None] = field(default_factory=dict)
    _dois: dict[int, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        want_ascii = self.config.encoding == "latex"
        want_latex = self.config.encoding == "utf-8"
        for index, entry in self.bib.entries():
            fields: dict[str, BibField] = {}
            empty: set[str] = set()
            info = EntryInfo(index, entry, fields, (entry.start_line or 0) + 1)
            for item in entry.fields:
                name = field_name(item.key)
                if name not in fields:
                    fields[name] = item
                value: str = item.value
                if len(value) < 3:
                    if value in ("{}", '""', ""):
                        empty.add(name)
                    elif value[:1] not in ("{", '"'):
                        self.bare.append((info, item))
                    continue
                first = value[0]
                if (first != "{" and first != '"') or "#" in value:
                    self.bare.append((info, item))
                if value[1] <= " " or value[-2] <= " " or "  " in value or "\t" in value:
                    self.spaced.append((info, item))
                if "\n" in value and "=" in value:
                    self.glued.append((info, item))
                if want_ascii and not value.isascii():
                    self.non_ascii.append((info, item))
                if want_latex and "\\" in value:
                    self.backslash.append((info, item))
            if empty:
                info = EntryInfo(index, entry, fields, info.line, frozenset(empty))
            self.entries.append(info)

    def doi(self, info: EntryInfo) -> str | None:
        """The canonical DOI of the entry's doi field (cached), None if absent or malformed."""
        if info.index not in self._dois:
            content = info.content("doi")
            self._dois[info.index] = canonical_doi(content) if content else None
        return self._dois[info.index]

    def layout(self, info: EntryInfo) -> EntryLayout | None:
        if info.index not in self._layouts:
            self._layouts[info.index] = layout(self.bib, info.index)
        return self._layouts[info.index]

    def set_content(self, info: EntryInfo, name: str, content: str) -> tuple[Replace, ...] | None:
        """Edits that give field ``name`` the literal ``content``, keeping its delimiter style."""
        if not self.fixes:
            return ()
        where = self.layout(info)
        item = where.field(name) if where else None
        if item is None:
            return None
        current = unwrap(self.bib.text[item.value_start : item.value_end])
        delimiter = current[0] if current else "{"
        if delimiter == "" and not content.isdigit():
            delimiter = "{"
        closing = {"{": "}", '"': '"', "": ""}[delimiter]
        return (set_value(item, f"{delimiter}{content}{closing}"),)

    def add(self, info: EntryInfo, name: str, content: str) -> tuple[Replace, ...] | None:
        """Edits that add field ``name = {content}`` to an entry."""
        if not self.fixes:
            return ()
        where = self.layout(info)
        if where is None:
            return None
        return (add_field(self.bib, where, name, f"{{{content}}}"),)


CheckFunction = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    name: str
    summary: str
    run: CheckFunction
    fixable: bool


CHECKS: dict[str, Check] = {}


def _check(
    code: str, name: str, summary: str, *, fixable: bool = False
) -> Callable[[CheckFunction], CheckFunction]:
    def decorate(function: CheckFunction) -> CheckFunction:
        register(code, summary)
        CHECKS[code] = Check(code, name, summary, function, fixable)
        return function

    return decorate


_BARE_DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*/[^\s%]*[^\s%.,;:'\")\]}“”’»]")


def canonical_doi(text: str) -> str | None:
    """:func:`normalize_doi` with a fast path for the common case, a DOI already bare."""
    if _BARE_DOI.fullmatch(text) and text.count("(") == text.count(")"):
        return text
    return normalize_doi(text)


# Fields whose value is taken verbatim by biblatex/hyperref: no LaTeX or whitespace rewriting.
VERBATIM = frozenset({"url", "doi", "file", "eprint", "pdf", "verba", "verbb", "verbc", "urlraw"})
MONTHS = frozenset(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])


# -- file structure ---------------------------------------------------------------------------
@_check("B613", "parse-error", "a block could not be parsed; it is kept verbatim")
def parse_errors(ctx: Context) -> Iterator[Finding]:
    for located in ctx.bib.blocks:
        block = located.block
        if isinstance(block, ParsingFailedBlock) and not isinstance(
            block, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock
        ):
            reason = getattr(block.error, "abort_reason", str(block.error))
            first = (block.raw or "").split("\n", 1)[0].strip()[:40]
            yield Finding(
                "B613",
                f"could not parse {first!r} (kept verbatim): {reason.strip()}",
                located.line,
                severity=Severity.ERROR,
            )


@_check("B614", "duplicate-field", "an entry has the same field twice")
def duplicate_fields(ctx: Context) -> Iterator[Finding]:
    for located in ctx.bib.blocks:
        block = located.block
        if isinstance(block, DuplicateFieldKeyBlock):
            entry = entry_of(block)
            names = ", ".join(sorted(block.duplicate_keys))
            yield Finding(
                "B614",
                f"field(s) {names} given more than once (entry left as is)",
                located.line,
                entry.key if entry else "",
                Severity.ERROR,
            )


@_check("B601", "duplicate-key", "two entries share a citation key")
def duplicate_keys(ctx: Context) -> Iterator[Finding]:
    first: dict[str, EntryInfo] = {}
    for info in ctx.entries:
        lowered = info.entry.key.lower()
        earlier = first.setdefault(lowered, info)
        if earlier is not info:
            same = "" if earlier.entry.key == info.entry.key else f" (as '{earlier.entry.key}')"
            yield Finding(
                "B601",
                f"duplicate citation key{same}, first at line {earlier.line}",
                info.line,
                info.entry.key,
                Severity.ERROR,
            )


@_check("B615", "crossref-missing", "crossref/xdata points to a key that is not in the file")
def crossref_targets(ctx: Context) -> Iterator[Finding]:
    keys = {info.entry.key.lower() for info in ctx.entries}
    for info in ctx.entries:
        for name in ("crossref", "xdata"):
            target = info.content(name) if name in info.fields else None
            if target is None:
                continue
            for part in target.split(","):
                if part.strip() and part.strip().lower() not in keys:
                    yield Finding(
                        "B615",
                        f"{name} '{part.strip()}' is not in this file",
                        info.field_line(name),
                        info.entry.key,
                    )


@_check("B616", "undefined-macro", "a value uses an @string macro that is not defined")
def undefined_macros(ctx: Context) -> Iterator[Finding]:
    defined = {key.lower() for key in ctx.bib.library.strings_dict} | MONTHS
    for info, item in ctx.bare:
        for name in _macro_names(str(item.value)):
            if name.lower() not in defined:
                yield Finding(
                    "B616", f"{item.key} uses undefined macro '{name}'", item.start_line + 1, info.entry.key
                )


def _macro_names(value: str) -> Iterator[str]:
    """Bare words of a (possibly ``#``-concatenated) value, skipping delimited parts and numbers."""
    depth = 0
    quoted = False
    part: list[str] = []
    for char in value + "#":
        if char == "{" and not quoted:
            depth += 1
        elif char == "}" and not quoted:
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            word = "".join(part).strip()
            if word and not word.isdigit() and word[0] not in '{"':
                yield word
            part = []
            continue
        part.append(char)


_GLUED_FIELD = re.compile(r'[}"]\s*\n\s*[A-Za-z][\w-]*\s*=')


@_check("B617", "missing-comma", "a comma between two fields seems to be missing")
def missing_comma(ctx: Context) -> Iterator[Finding]:
    for info, item in ctx.glued:
        if _GLUED_FIELD.search(str(item.value)):
            yield Finding(
                "B617",
                f"{item.key}: the value runs into the next line's field; is a comma missing?",
                item.start_line + 1,
                info.entry.key,
                Severity.ERROR,
            )


# -- identifiers and duplicates -----------------------------------------------------------------
@_check("B603", "malformed-doi", "the doi field does not hold a DOI")
def malformed_doi(ctx: Context) -> Iterator[Finding]:
    for info in ctx.entries:
        if "doi" not in info.fields or ctx.doi(info) is not None:
            continue
        content = info.content("doi")
        if content is not None and content.strip():
            yield Finding(
                "B603",
                f"doi {content.strip()!r} is not a DOI",
                info.field_line("doi"),
                info.entry.key,
                Severity.ERROR,
            )


@_check(
    "B604", "doi-form", "the doi field holds a URL or a 'doi:' prefix instead of the bare DOI", fixable=True
)
def doi_form(ctx: Context) -> Iterator[Finding]:
    for info in ctx.entries:
        canonical = ctx.doi(info)
        content = info.content("doi") if canonical else None
        if canonical is None or content is None or canonical == content or "\\" in content:
            continue
        yield Finding(
            "B604",
            f"doi {content.strip()!r} should be the bare DOI {canonical!r}",
            info.field_line("doi"),
            info.entry.key,
            fix=ctx.set_content(info, "doi", canonical),
        )


# A DOI in these forms is safe to lift: a resolver URL, or one labelled "doi".
_LIFTABLE_DOI = re.compile(
    r"(?:https?://(?:dx\.)?doi\.org/|\bdoi\s*[:=]?\s*)(10\.\d{4,9}/\S+)", re.IGNORECASE
)


def _hidden_doi(info: EntryInfo) -> tuple[str, str, bool] | None:
    """``(field, doi, liftable)`` for a DOI in url/note/howpublished of an entry without a doi field."""
    if "doi" in info.fields:
        return None
    for name in ("url", "note", "howpublished", "annote", "annotation"):
        content = info.content(name)
        if not content or "10." not in content:
            continue
        lifted = _LIFTABLE_DOI.search(content)
        if lifted:
            doi = normalize_doi(lifted.group(1))
            if doi:
                return name, doi, True
        doi = find_doi(content)
        if doi:
            return name, doi, False
    return None


@_check("B605", "doi-elsewhere", "a DOI sits in url/note but the entry has no doi field", fixable=True)
def doi_elsewhere(ctx: Context) -> Iterator[Finding]:
    for info in ctx.entries:
        hidden = _hidden_doi(info)
        if hidden is None:
            continue
        name, doi, liftable = hidden
        if liftable:
            yield Finding(
                "B605",
                f"{name} holds DOI {doi}; add it as the doi field",
                info.field_line(name),
                info.entry.key,
                fix=ctx.add(info, "doi", doi),
            )
        else:
            yield Finding(
                "B605",
                f"{name} seems to contain DOI {doi}; check it and add a doi field",
                info.field_line(name),
                info.entry.key,
            )


_BOOKISH = frozenset(
    {"book", "mvbook", "booklet", "manual", "proceedings", "mvproceedings", "collection", "mvcollection"}
)


def identifiers(ctx: Context, info: EntryInfo) -> list[str]:
    """Comparison keys of the work an entry describes (DOI, arXiv id, PMID; ISBN for books)."""
    from refnorm import identifiers as ids

    out: list[str] = []
    doi = ctx.doi(info)
    if doi:  # the canonical DOI lower-cased is exactly refnorm.doi.doi_key, without normalising twice
        out.append("doi:" + doi.lower())
    else:
        hidden = _hidden_doi(info)
        if hidden and hidden[2]:
            out.append("doi:" + hidden[1].lower())
    if len(info.fields) < 2 or not (
        "eprint" in info.fields or "pmid" in info.fields or "isbn" in info.fields
    ):
        return out
    eprint = info.content("eprint")
    kind = (info.content("eprinttype") or info.content("archiveprefix") or "").lower()
    if eprint and kind == "arxiv" and ids.normalize_arxiv(eprint):
        out.append("arxiv:" + ids.arxiv_key(eprint))
    pmid = info.content("pmid")
    if pmid and (canonical_pmid := ids.normalize_pmid(pmid)):
        out.append("pmid:" + canonical_pmid)
    isbn = info.content("isbn")
    if isbn and info.entry.entry_type in _BOOKISH and (canonical_isbn := ids.normalize_isbn(isbn)):
        out.append("isbn:" + canonical_isbn)
    return out


def _same_work_groups(ctx: Context) -> list[list[tuple[EntryInfo, str]]]:
    """Groups of entries describing one work: by shared identifier, or identical copies of a key."""
    parent = list(range(len(ctx.entries)))
    why: dict[int, str] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    counts: dict[str, int] = {}
    for info in ctx.entries:
        lowered = info.entry.key.lower()
        counts[lowered] = counts.get(lowered, 0) + 1
    seen: dict[str, int] = {}
    involved: set[int] = set()
    for position, info in enumerate(ctx.entries):
        signatures = identifiers(ctx, info)
        lowered = info.entry.key.lower()
        if counts[lowered] > 1:  # only a repeated key can be an identical copy
            fields = "\0".join(f"{f.key.lower()}={' '.join(str(f.value).split())}" for f in info.entry.fields)
            signatures.append(f"copy:{lowered}\0{fields}")
        for signature in signatures:
            if signature in seen:
                root, mine = find(seen[signature]), find(position)
                if root != mine:
                    parent[mine] = root
                    why.setdefault(position, signature)
                    involved.update((seen[signature], position))
            else:
                seen[signature] = position
    groups: dict[int, list[tuple[EntryInfo, str]]] = {}
    for position in sorted(involved):
        groups.setdefault(find(position), []).append((ctx.entries[position], why.get(position, "")))
    return [group for group in groups.values() if len(group) > 1]


def _describe(signature: str) -> str:
    kind, _, value = signature.partition(":")
    return "an identical entry" if kind == "copy" else f"{kind} {value}" if kind != "doi" else f"DOI {value}"


_NOISE = re.compile(r'[\s{}"]+')
_DASHES = re.compile(r"[-\u2010-\u2015\u2212]+")


def _comparable(name: str, item: BibField) -> str:
    """A field value as two copies of one work would agree on it: no braces, quotes, spacing or
    case, one kind of dash, the canonical DOI."""
    value = str(item.value)
    if name == "doi":
        content = literal(item)
        doi = canonical_doi(content) if content else None
        if doi:
            return doi.lower()
    return _DASHES.sub("-", _NOISE.sub("", value)).lower()


def _differences(
    kept: EntryInfo, known: dict[str, str], other: EntryInfo, theirs: dict[str, str]
) -> Iterator[str]:
    """What ``other`` (its comparable fields ``theirs``) says that a merge into ``kept`` (which knows
    ``known``) would lose: another entry type, or another value of a field both have (``ids`` aside).
    Lazy, so testing for none stops at the first."""
    if other.entry.entry_type.lower() != kept.entry.entry_type.lower():
        yield "entry type"
    yield from (name for name, value in theirs.items() if name != "ids" and known.get(name, value) != value)


def _agrees(kept: EntryInfo, known: dict[str, str], other: EntryInfo, theirs: dict[str, str]) -> bool:
    return next(_differences(kept, known, other, theirs), None) is None


def _comparables(info: EntryInfo) -> dict[str, str]:
    return {name: _comparable(name, item) for name, item in info.fields.items()}


@dataclass
class _Survivor:
    """An entry that ``--dedupe`` keeps, with the copies it takes in and what it knows by then."""

    info: EntryInfo
    known: dict[str, str]  # comparable values of its fields and of the copies' fields
    copies: list[tuple[EntryInfo, str]] = field(default_factory=list)  # (entry, why the same work)


Apart = tuple[EntryInfo, str, EntryInfo, list[str]]


def _merge_plan(ctx: Context) -> tuple[list[_Survivor], list[Apart]]:
    """What ``--dedupe`` does with each group of same-work entries, in file order.

    Each entry is merged into the first earlier entry of its group it agrees with (same type, the
    same values of the fields both have); one that agrees with none is kept as it is, and later
    copies may merge into it. Returns the survivors, and the entries that stay apart, each with
    the group's first entry and what differs from it.
    """
    survivors: list[_Survivor] = []
    apart: list[Apart] = []
    for group in _same_work_groups(ctx):
        kept: list[_Survivor] = []
        first = group[0][0]
        first_known = _comparables(first)
        for position, (info, signature) in enumerate(group):
            theirs = _comparables(info)
            # the first few survivors only: a file reusing one DOI for thousands of works stays linear
            agreeing = (
                s
                for s in kept[:_MAX_SURVIVORS]
                if _agrees(s.info, s.known, info, theirs) and _can_take(ctx, s.info)
            )
            home = next(agreeing, None)
            if home is not None and _droppable(ctx, info, first):
                home.copies.append((info, signature))
                home.known.update(theirs)
                continue
            kept.append(_Survivor(info, theirs))
            if position:
                apart.append((info, signature, first, list(_differences(first, first_known, info, theirs))))
        survivors += [s for s in kept if s.copies]
    return survivors, apart


_MAX_SURVIVORS = 8


def _can_take(ctx: Context, info: EntryInfo) -> bool:
    """Whether ``--dedupe`` can add fields and keys to this entry (its ids, if any, are literal)."""
    return ctx.layout(info) is not None and ("ids" not in info.fields or info.content("ids") is not None)


def _droppable(ctx: Context, info: EntryInfo, first: EntryInfo) -> bool:
    """Whether ``--dedupe`` may remove this entry's block (its ids, if any, are literal keys, and
    neither it nor a neighbour is garbled text)."""
    if "ids" in info.fields and info.content("ids") is None:
        return False
    if ctx.bib.garbled and not ctx.bib.garbled.isdisjoint(range(info.index - 1, info.index + 2)):
        return False
    # only a block on lines of its own: text around it on its lines would be joined by the drop
    # ('@stri9' + '(ri9)' becomes a new entry) and read differently the next time
    text, located = ctx.bib.text, ctx.bib.blocks[info.index]
    before = text[text.rfind("\n", 0, located.start) + 1 : located.start]
    after_end = text.find("\n", located.end)
    after = text[located.end : after_end if after_end >= 0 else len(text)]
    if before.strip() or after.strip():
        return False
    if ctx.layout(info) is not None:
        return True
    # a duplicate-key block is dropped only when it is a byte-for-byte copy of the first entry
    block = ctx.bib.blocks[info.index].block
    return (
        isinstance(block, DuplicateBlockKeyBlock)
        and (block.raw or "").strip() == (ctx.bib.blocks[first.index].block.raw or "").strip()
    )


@_check("B602", "duplicate-work", "two entries describe the same work (same DOI or other identifier)")
def duplicate_works(ctx: Context) -> Iterator[Finding]:
    survivors, apart = _merge_plan(ctx)
    found = [
        (info, signature, s.info, "(refnorm fix --dedupe merges them)")
        for s in survivors
        for info, signature in s.copies
    ]
    for info, signature, first, differ in apart:
        how = (
            f"(they differ in {', '.join(differ)}: merge them by hand)" if differ else "(merge them by hand)"
        )
        found.append((info, signature, first, how))
    for info, signature, first, how in sorted(found, key=lambda item: item[0].index):
        yield Finding(
            "B602",
            f"same work as '{first.entry.key}' (line {first.line}): {_describe(signature)} {how}",
            info.line,
            info.entry.key,
        )


# -- required fields ------------------------------------------------------------------------------
_YEAR = ("year", "date")
_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal", "journaltitle"), _YEAR),
    "book": (("author", "editor"), ("title",), ("publisher",), _YEAR),
    "booklet": (("title",),),
    "inbook": (("author", "editor"), ("title",), ("chapter", "pages"), ("publisher",), _YEAR),
    "incollection": (("author",), ("title",), ("booktitle",), ("publisher",), _YEAR),
    "inproceedings": (("author",), ("title",), ("booktitle",), _YEAR),
    "conference": (("author",), ("title",), ("booktitle",), _YEAR),
    "manual": (("title",),),
    "mastersthesis": (("author",), ("title",), ("school", "institution"), _YEAR),
    "phdthesis": (("author",), ("title",), ("school", "institution"), _YEAR),
    "thesis": (("author",), ("title",), ("school", "institution"), _YEAR),
    "proceedings": (("title",), _YEAR),
    "collection": (("editor",), ("title",), _YEAR),
    "techreport": (("author",), ("title",), ("institution",), _YEAR),
    "report": (("author",), ("title",), ("institution",), _YEAR),
    "unpublished": (("author",), ("title",), ("note",)),
    "online": (("author", "editor"), ("title",), _YEAR, ("url", "doi", "eprint")),
    "dataset": (("author", "editor"), ("title",), _YEAR),
}


@_check("B606", "missing-field", "an entry lacks a field its type requires")
def missing_fields(ctx: Context) -> Iterator[Finding]:
    by_key = {info.entry.key.lower(): info for info in ctx.entries}
    for info in ctx.entries:
        required = _REQUIRED.get(info.entry.entry_type)
        if not required:
            continue
        present: AbstractSet[str] = info.fields.keys() if not info.empty else info.present()
        if "crossref" in info.fields or "xdata" in info.fields:
            present = set(present)
            for name in ("crossref", "xdata"):
                for target in (info.content(name) or "").split(","):
                    parent = by_key.get(target.strip().lower())
                    if parent is not None:
                        inherited = parent.present()
                        present |= inherited | ({"booktitle"} if "title" in inherited else set())
        for group in required:
            if present.isdisjoint(group):
                yield Finding(
                    "B606",
                    f"@{info.entry.entry_type} needs {' or '.join(group)}",
                    info.line,
                    info.entry.key,
                )


# -- field values ----------------------------------------------------------------------------------
_PAGE = r"(?:[A-Za-z]{0,3}\d+[A-Za-z]?|[ivxlcdm]+|[IVXLCDM]+)"
_PAGE_RANGE = re.compile(rf"({_PAGE})(\s*(?:-{{1,3}}|[\u2010-\u2015\u2212])\s*)({_PAGE})")


@_check(
    "B607", "page-range", "a page range is not written with the configured separator ('--')", fixable=True
)
def page_ranges(ctx: Context) -> Iterator[Finding]:
    separator = ctx.config.page_separator
    ok = re.compile(rf"{_PAGE}(?:{re.escape(separator)}{_PAGE})?")
    for info in ctx.entries:
        content = info.content("pages")
        if not content or ok.fullmatch(content):
            continue
        fixed = _PAGE_RANGE.sub(lambda m: f"{m.group(1)}{separator}{m.group(3)}", content)
        if fixed != content:
            yield Finding(
                "B607",
                f"pages {content!r} should be {fixed!r}",
                info.field_line("pages"),
                info.entry.key,
                fix=ctx.set_content(info, "pages", fixed),
            )


_INNER_CAPITAL = re.compile(r"[^\W_][A-ZÀ-ÖØ-Þ]")
_GROUP = re.compile(r"\{[^{}]*\}")
_TITLE_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}$]|[^\W_]+(?:-[^\W_]+)*")
TITLE_FIELDS = ("title",)


def protect_capitals(content: str) -> tuple[str, list[str]]:
    """Wrap words whose capitals a BibTeX style would lower-case (DNA, mRNA, McDonald) in braces.

    Only words at brace depth 0, outside math and not LaTeX commands, are touched; a word has an
    inner capital when an upper-case letter follows another letter or digit. Returns the new
    content and the words protected.
    """
    if not _INNER_CAPITAL.search(content) or not _INNER_CAPITAL.search(_GROUP.sub("", content)):
        return content, []
    depth = 0
    math = False
    pieces: list[str] = []
    words: list[str] = []
    pos = 0
    for match in _TITLE_TOKEN.finditer(content):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif token == "$":
            math = not math
        elif token[0] != "\\" and depth == 0 and not math and _INNER_CAPITAL.search(token):
            pieces.append(content[pos : match.start()])
            pieces.append("{" + token + "}")
            pos = match.end()
            words.append(token)
    pieces.append(content[pos:])
    return "".join(pieces), words


@_check(
    "B608", "unprotected-caps", "a title word with inner capitals (DNA, mRNA) is not in braces", fixable=True
)
def unprotected_capitals(ctx: Context) -> Iterator[Finding]:
    for info in ctx.entries:
        for name in TITLE_FIELDS:
            item = info.fields.get(name)
            if item is None or not _INNER_CAPITAL.search(item.value):
                continue
            content = literal(item)
            if not content:
                continue
            fixed, words = protect_capitals(content)
            if words:
                yield Finding(
                    "B608",
                    f"{name}: protect {', '.join(words)} with braces so styles keep the capitals",
                    info.field_line(name),
                    info.entry.key,
                    fix=ctx.set_content(info, name, fixed),
                )


_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


_CONTROL_SPACE_END = re.compile(r"(?<!\\)(?:\\\\)*\\$")


def tidy_space(content: str, name: str) -> str:
    """Content without leading/trailing whitespace and (outside verbatim fields) doubled spaces.

    A trailing ``\\ `` is TeX's control space, not stray white space: without its space the
    backslash would escape the closing brace and break the entry.
    """
    stripped = content.strip()
    if content != content.rstrip() and _CONTROL_SPACE_END.search(stripped):
        stripped += " "
    return stripped if name in VERBATIM else _SPACE_RUN.sub(" ", stripped)


@_check("B609", "whitespace", "a field value has leading, trailing or doubled spaces", fixable=True)
def whitespace(ctx: Context) -> Iterator[Finding]:
    for info, item in ctx.spaced:
        name = field_name(item.key)
        content = literal(item)
        if content is None or name == "file":
            continue
        fixed = tidy_space(content, name)
        if fixed != content:
            yield Finding(
                "B609",
                f"{item.key}: stray whitespace in {content.strip()[:50]!r}",
                item.start_line + 1,
                info.entry.key,
                fix=ctx.set_content(info, name, fixed),
            )


@_check("B610", "unlisted-field", "a field is not in the configured field list")
def unlisted_fields(ctx: Context) -> Iterator[Finding]:
    allowed = ctx.config.fields
    if allowed is None:
        return
    for info in ctx.entries:
        for item in info.entry.fields:
            if field_name(item.key) not in allowed:
                yield Finding(
                    "B610",
                    f"field {item.key} is not in the configured list",
                    item.start_line + 1,
                    info.entry.key,
                )


@_check("B611", "key-pattern", "a citation key does not match the configured key-pattern")
def key_pattern(ctx: Context) -> Iterator[Finding]:
    pattern = ctx.config.key_pattern
    if pattern is None:
        return
    for info in ctx.entries:
        if not pattern.search(info.entry.key):
            yield Finding("B611", f"key does not match {pattern.pattern!r}", info.line, info.entry.key)


# -- encoding: LaTeX accents vs UTF-8 --------------------------------------------------------------
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323",
}  # fmt: skip
_COMBINING = {mark: command for command, mark in _ACCENTS.items()}
_LETTERS = {"ø": "o", "Ø": "O", "å": "aa", "Å": "AA", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
            "ł": "l", "Ł": "L", "ı": "i", "ȷ": "j", "đ": "dj", "Đ": "DJ"}  # fmt: skip
_LETTER_COMMANDS = {command: letter for letter, command in _LETTERS.items()}
# TeX's own spellings of typographic punctuation (encoded in LaTeX mode; UTF-8 mode leaves them).
_PUNCTUATION = {
    "–": "--",
    "—": "---",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
    "\u00a0": "~",
    "…": "\\ldots{}",
}
_DECODABLE = re.compile(
    r"\{\\([a-zA-Z]{1,2})\}"  # {\ss} {\o}
    r"|\{?\\(['`^\"~=.])\s*\{?\\?([A-Za-z])\}?\}?"  # {\"u} \"u {\"{u}} {\'\i}
    r"|\{?\\([uvHckrd])\s*\{\\?([A-Za-z])\}\}?"  # {\v{s}} \c{c}
)


def _decode_match(match: re.Match[str]) -> str:
    if match.group(1):
        return _LETTER_COMMANDS.get(match.group(1), match.group(0))
    command = match.group(2) or match.group(4)
    letter = match.group(3) or match.group(5)
    composed = unicodedata.normalize("NFC", letter + _ACCENTS[command])
    return composed if len(composed) == 1 else match.group(0)


def latex_to_unicode(content: str) -> str:
    """Accent commands (``{\\"u}``, ``\\'e``, ``{\\ss}``) as Unicode; other LaTeX left alone."""
    return _DECODABLE.sub(_decode_match, content) if "\\" in content else content


def unicode_to_latex(content: str) -> str | None:
    """Non-ASCII letters as LaTeX accent commands (``ü`` → ``{\\"u}``); None if one has no form."""
    out: list[str] = []
    for char in content:
        if char.isascii():
            out.append(char)
            continue
        if char in _LETTERS:
            out.append("{\\" + _LETTERS[char] + "}")
            continue
        if char in _PUNCTUATION:
            out.append(_PUNCTUATION[char])
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if len(marks) != 1 or marks not in _COMBINING or not base.isascii():
            return None
        command = _COMBINING[marks]
        base = {"i": "\\i", "j": "\\j"}.get(base, base) if command in "'`^\"~=.uvH" else base
        out.append("{\\" + command + (base if command in "'`^\"~=." else "{" + base + "}") + "}")
    return "".join(out)


@_check(
    "B612", "encoding", "a value is not in the configured encoding (LaTeX commands or UTF-8)", fixable=True
)
def encoding(ctx: Context) -> Iterator[Finding]:
    mode = ctx.config.encoding
    for info, item in ctx.non_ascii if mode == "latex" else ctx.backslash:
        name = field_name(item.key)
        content = literal(item)
        if content is None or name in VERBATIM:
            continue
        fixed = unicode_to_latex(content) if mode == "latex" else latex_to_unicode(content)
        if fixed == content:
            continue
        what = "non-ASCII characters" if mode == "latex" else "LaTeX accent commands"
        yield Finding(
            "B612",
            f"{item.key}: {what} (encoding = {mode})",
            item.start_line + 1,
            info.entry.key,
            fix=ctx.set_content(info, name, fixed) if fixed is not None else None,
        )


# -- running ------------------------------------------------------------------------------------
def check_bib(bib: BibFile, config: Config | None = None, *, fixes: bool = False) -> list[Finding]:
    """Every finding of the enabled checks, in file order; ``fixes`` computes their edits too."""
    with paused_gc():
        ctx = Context(bib, config or Config(), fixes)
        found: list[Finding] = []
        for code, check in CHECKS.items():
            if ctx.config.enabled(code):
                found.extend(check.run(ctx))
    found.sort(key=lambda f: (f.line, f.code))
    return found


@dataclass(frozen=True, slots=True)
class Merge:
    """A duplicate removed by ``--dedupe``: ``dropped`` (at ``line``) was merged into ``survivor``."""

    survivor: str
    dropped: str
    line: int
    reason: str
    survivor_line: int = 0  # where the survivor starts (0: not known)


@dataclass(frozen=True, slots=True)
class FixResult:
    """The fixed text and what was done: ``fixed`` findings were repaired, ``remaining`` were not."""

    text: str
    changed: bool
    fixed: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    merges: tuple[Merge, ...] = ()
    renames: tuple[Merge, ...] = ()  # --keys: ``dropped`` is the old key, ``survivor`` the new one


def _ids(content: str | None) -> list[str]:
    return [part.strip() for part in (content or "").split(",") if part.strip()]


def _dedupe_edits(ctx: Context) -> tuple[list[Replace], set[int], list[Merge]]:
    """Merge each group of same-work entries into its first entry.

    The survivor gains the fields only a dropped entry had, and the dropped keys in its biblatex
    ``ids`` field (a document may cite either key); crossrefs to a dropped key are re-pointed. An
    entry that says something the survivor does not (another entry type, another value of a field
    both have) is left in place: merging it would lose that.
    """
    edits: list[Replace] = []
    drop: set[int] = set()
    merges: list[Merge] = []
    renamed: dict[str, str] = {}
    for plan in _merge_plan(ctx)[0]:
        survivor = plan.info
        where = ctx.layout(survivor)
        assert where is not None
        ids = _ids(survivor.content("ids"))
        extra: dict[str, tuple[str, str]] = {}
        group_renamed: dict[str, str] = {}
        for info, _ in plan.copies:
            for key in [info.entry.key, *_ids(info.content("ids"))]:
                # exact case: biber matches keys case-sensitively, so 'Smith20' is kept beside 'smith20'
                if key != survivor.entry.key and key not in ids:
                    ids.append(key)
                    group_renamed[key.lower()] = survivor.entry.key
            for name, item in info.fields.items():
                if name not in survivor.fields and name not in extra and name != "ids":
                    extra[name] = (field_name(item.key, lower=False), str(item.value))
        group_edits = [add_field(ctx.bib, where, name, value) for name, value in extra.values()]
        if ids and ids != _ids(survivor.content("ids")):
            joined = ", ".join(ids)
            if "ids" in survivor.fields:
                group_edits.extend(ctx.set_content(survivor, "ids", joined) or ())
            else:
                group_edits.append(add_field(ctx.bib, where, "ids", "{" + joined + "}"))
        if not keeps_entry(ctx.bib, survivor.index, group_edits):
            continue  # the survivor could not take the fields and keys whole: nothing is merged
        edits += group_edits
        drop.update(info.index for info, _ in plan.copies)
        merges += [
            Merge(survivor.entry.key, info.entry.key, info.line, _describe(signature), survivor.line)
            for info, signature in plan.copies
        ]
        renamed.update(group_renamed)
    for info in ctx.entries:
        target = info.content("crossref")
        if info.index not in drop and target and target.strip().lower() in renamed:
            edits.extend(ctx.set_content(info, "crossref", renamed[target.strip().lower()]) or ())
    return edits, drop, merges


def _key_edits(ctx: Context) -> tuple[list[Replace], list[Merge]]:
    """New citation keys from :func:`refnorm.keys.assign_keys` (author, year, title word).

    Documents still cite the old keys, so each old key goes into the entry's biblatex ``ids``
    field and crossrefs follow the rename; entries refnorm cannot read keep their keys.
    """

    from refnorm.formats.bibtex import read_bibtex
    from refnorm.keys import assign_keys

    refs = {ref.line: ref for ref in read_bibtex(ctx.bib.text).references if ref.line is not None}
    infos = [info for info in ctx.entries if info.line in refs and ctx.layout(info) is not None]
    wanted = assign_keys(dataclasses.replace(refs[info.line], id="") for info in infos)
    kept = {info.entry.key.lower() for info in ctx.entries if info not in infos}
    edits: list[Replace] = []
    renames: list[Merge] = []
    renamed: dict[str, str] = {}
    for info, key in zip(infos, wanted, strict=True):
        old = info.entry.key
        where = ctx.layout(info)
        if key == old or key.lower() in kept or where is None:
            continue
        edits.append(set_key(where, key))
        renamed[old.lower()] = key
        renames.append(Merge(key, old, info.line, "new key"))
        ids = _ids(info.content("ids"))
        if old.lower() not in {i.lower() for i in ids}:
            ids.append(old)
            if "ids" in info.fields:
                edits.extend(ctx.set_content(info, "ids", ", ".join(ids)) or ())
            else:
                edits.append(add_field(ctx.bib, where, "ids", "{" + ", ".join(ids) + "}"))
    for info in ctx.entries:
        target = info.content("crossref") if "crossref" in info.fields else None
        if target and target.strip().lower() in renamed:
            edits.extend(ctx.set_content(info, "crossref", renamed[target.strip().lower()]) or ())
    return edits, renames


def _sort_order(bib: BibFile) -> list[int]:
    """Block order with entries sorted by key inside each run of adjacent entries.

    Non-entry blocks (comments, @string, broken blocks) stay where they are, and an entry that
    others crossref comes after them, as BibTeX requires.
    """
    parents: set[str] = set()
    for _, child in bib.entries():
        for item in child.fields:
            if field_name(item.key) == "crossref":
                found = unwrap(str(item.value))
                if found:
                    parents.add(found[1].strip().lower())
    order: list[int] = []
    run: list[tuple[tuple[bool, str, str], int]] = []
    for index, located in enumerate(bib.blocks):
        entry = entry_of(located.block)
        if entry is None:
            order.extend(i for _, i in sorted(run))
            run = []
            order.append(index)
        else:
            run.append(((entry.key.lower() in parents, entry.key.lower(), entry.key), index))
    order.extend(i for _, i in sorted(run))
    return order


def _pick(findings: Sequence[Finding]) -> list[Finding]:
    """Findings with non-overlapping fix edits, first finding first (the rest wait for the next round)."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []  # sorted, so each test looks at its neighbours only

    def clashes(start: int, end: int) -> bool:
        index = bisect.bisect_left(taken, (start, -1))
        if index and taken[index - 1][1] > start:
            return True
        for other_start, other_end in taken[index:]:
            if other_start > end or (other_start == end and start != end):
                break
            if (other_start < end and start < other_end) or (other_start, other_end) == (start, end):
                return True
        return False

    for finding in findings:
        if not finding.fix or any(clashes(rep.start, rep.end) for rep in finding.fix):
            continue
        chosen.append(finding)
        for rep in finding.fix:
            bisect.insort(taken, (rep.start, rep.end))
    return chosen


def keeps_entry(bib: BibFile, index: int, edits: Sequence[Replace], key: str | None = None) -> bool:
    """Whether entry block ``index`` with ``edits`` applied still reads, on its own, as one whole
    entry of the same type and key (``key`` if the edits rename it) with the same fields first.

    Edits may add fields at the end; they must never break the entry (a value left ending in a
    backslash escapes its closing brace, a stray brace swallows the next field).
    """
    located = bib.blocks[index]
    old = entry_of(located.block)
    if old is None:
        return False
    text = bib.text
    pieces: list[str] = []
    pos = located.start
    for rep in sorted(edits):
        if rep.start < pos or rep.end > located.end:
            return False
        pieces += (text[pos : rep.start], rep.new)
        pos = rep.end
    pieces.append(text[pos : located.end])
    new = "".join(pieces)
    found = split_blocks(new)
    if len(found) != 1:
        return False
    block, start, end = found[0]
    if not isinstance(block, Entry) or (start, end) != (0, len(new)):
        return False
    names = [item.key for item in old.fields]
    return (
        block.entry_type == old.entry_type
        and block.key == (old.key if key is None else key)
        and [item.key for item in block.fields[: len(names)]] == names
    )


def _safe_edits(bib: BibFile, chosen: Sequence[Finding]) -> tuple[list[Replace], list[Finding]]:
    """The edits of ``chosen`` that keep every entry whole, and the findings refused for breaking one."""
    starts = [located.start for located in bib.blocks]
    by_block: dict[int, list[Finding]] = {}
    for finding in chosen:
        assert finding.fix
        by_block.setdefault(bisect.bisect_right(starts, finding.fix[0].start) - 1, []).append(finding)
    edits: list[Replace] = []
    refused: list[Finding] = []
    for index, group in by_block.items():
        together = [rep for finding in group for rep in finding.fix or ()]
        if keeps_entry(bib, index, together):
            edits += together
            continue
        kept: list[Replace] = []
        for finding in group:  # one at a time: keep each fix that still leaves the entry whole
            if keeps_entry(bib, index, [*kept, *(finding.fix or ())]):
                kept += finding.fix or ()
            else:
                refused.append(finding)
        edits += kept
    return edits, refused


def fix_bib(
    text: str, config: Config | None = None, *, dedupe: bool = False, sort: bool = False, keys: bool = False
) -> FixResult:
    """Apply every safe fix to ``text`` until a fixed point; untouched bytes stay as they were.

    ``fixed`` lists the repaired findings with their lines in ``text``; ``remaining`` lists what is
    left, with lines in the new text. Merging comes first, so fields a merge brings in are fixed too.
    """
    with paused_gc():
        return _fix(text, config or Config(), dedupe=dedupe, sort=sort, keys=keys)


def _fix(text: str, config: Config, *, dedupe: bool, sort: bool, keys: bool) -> FixResult:
    first = parse_bib(text)
    merges: list[Merge] = []
    dropped_lines: set[int] = set()
    current = text
    if dedupe:
        edits, drop, merged = _dedupe_edits(Context(first, config))
        if drop or edits:
            current = render(first, edits, drop=drop)
            merges.extend(merged)
            for index in drop:
                located = first.blocks[index]
                dropped_lines.update(
                    range(located.line, located.line + first.text.count("\n", located.start, located.end) + 1)
                )
    renames: list[Merge] = []
    if keys:
        bib = parse_bib(current)
        edits, renames = _key_edits(Context(bib, config))
        if edits:
            current = render(bib, edits)
        if current is not text:  # report each renamed entry at its line in the file as the user has it
            lines: dict[str, int] = {}
            for located in first.blocks:
                if isinstance(located.block, Entry):
                    lines.setdefault(located.block.key, located.line)
            renames = [dataclasses.replace(r, line=lines.get(r.dropped, r.line)) for r in renames]
    first_findings = check_bib(first, config, fixes=True)
    # Each round re-reads the text it wrote, so offsets are always fresh; the last round's
    # findings (no more edits) are what remains. A fix that would break its entry is refused.
    bib = first if current is text else parse_bib(current)
    findings: list[Finding] | None = first_findings if bib is first else None
    refused: set[tuple[str, str, str]] = set()
    for _ in range(8):
        if findings is None:
            findings = check_bib(bib, config, fixes=True)
        edits, unsafe = _safe_edits(bib, _pick(findings))
        refused.update((f.code, f.key, f.message) for f in unsafe)
        if not edits:
            break
        current = render(bib, edits)
        bib, findings = parse_bib(current), None
    fixed = [
        f
        for f in first_findings
        if f.fix and f.line not in dropped_lines and (f.code, f.key, f.message) not in refused
    ]
    if refused and findings is not None:
        findings = [
            dataclasses.replace(f, fix=None) if (f.code, f.key, f.message) in refused else f for f in findings
        ]
    if sort:
        order = _sort_order(bib)
        if order != list(range(len(bib.blocks))):
            current = render(bib, order=order)
            bib, findings = parse_bib(current), None
    remaining = findings if findings is not None else check_bib(bib, config)
    return FixResult(current, current != text, tuple(fixed), tuple(remaining), tuple(merges), tuple(renames))
