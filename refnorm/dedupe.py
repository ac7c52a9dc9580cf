"""Deduplicate a reference list: one entry per work, nothing lost, and a renumbering map.

Two entries are the same work when they share a canonical identifier — DOI (also when it is
only written in ``URL``, ``note`` or ``eprint``), PMID, PMCID, arXiv id (any version) or, for
books, ISBN — unless another identifier of the same kind conflicts: different DOIs are
different works even with equal titles (a preprint and its journal version). Entries with the
same normalised title, first author's family name and year (±1 when one is a preprint) are
*likely* duplicates: reported, and merged only with ``fuzzy=True``.

A merged entry sits where its group first occurred; fields missing from the kept entry are
filled from its duplicates, and a value that differs is reported (``D402``) rather than
silently dropped. Entries are numbered by their printed label when every label is a distinct
number, else by position, and :attr:`DedupeResult.renumbering` maps every old number to its
new one so in-text "[15]" can become "[3]".

Everything is a single pass over dict indexes plus a union-find over the few entries that
match, so a million references dedupe in linear time and memory.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import types
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple

from refnorm.diagnostics import Diagnostic, RefnormError, Severity, register
from refnorm.doi import doi_key, find_dois, normalize_doi
from refnorm.identifiers import (
    arxiv_key,
    find_arxiv_ids,
    find_pmcids,
    find_pmids,
    normalize_arxiv,
    normalize_isbn,
    normalize_pmcid,
    normalize_pmid,
)
from refnorm.model import Date, FrozenMap, Name, Reference
from refnorm.pages import normalize_pages
from refnorm.titles import name_key, title_key

__all__ = [
    "D_CONFLICT",
    "D_LIKELY",
    "D_MERGED",
    "D_NOT_MERGED",
    "D_NUMBERING",
    "Candidate",
    "DedupeResult",
    "Merge",
    "dedupe",
    "identifiers",
]

D_MERGED = register("D401", "duplicate merged into the entry kept for its work")
D_CONFLICT = register("D402", "merged duplicates disagree on a field; the kept entry's value won")
D_LIKELY = register("D403", "likely duplicate (same title, first author and year) left unmerged")
D_NOT_MERGED = register("D404", "look alike but not merged: their identifiers conflict")
D_NUMBERING = register("D405", "list numbers missing or repeated; entries numbered by position")

Keep = Literal["first", "most-complete"]
KEEP_MODES: tuple[Keep, ...] = ("first", "most-complete")
FUZZY_REASON = "same title, first author and year"

# Identifier kinds in the order they are tried; the name is what the report says ("same DOI").
_KINDS = ("DOI", "PMID", "PMCID", "arXiv id", "ISBN")
# Variables (compared lower-case) where an identifier written as text or URL also counts.
_TEXT_SOURCES = ("url", "note", "eprint", "archive_location", "number", "howpublished")
_ARXIV_VARIABLES = ("arxiv", "eprint", "arxivid")
_PREPRINT_DOI = re.compile(r"^10\.(?:48550|1101|2139|20944|31219|31234|31235|21203|36227)/")
_Finder = Callable[[str], Sequence[tuple[str, int, int]]]
_PREPRINT_VENUE = re.compile(r"arxiv|biorxiv|medrxiv|ssrn|preprint|research square|chemrxiv", re.IGNORECASE)


class Merge(NamedTuple):
    """Entry ``old`` was merged away; its work is now entry ``new`` (the kept values are ``survivor``'s)."""

    old: int
    new: int
    survivor: int
    reason: str


class Candidate(NamedTuple):
    """Two entries (old numbers, ``first`` < ``other`` in list order) that look like one work."""

    first: int
    other: int
    reason: str


@dataclass(frozen=True)
class DedupeResult:
    """What :func:`dedupe` found. Numbers are list numbers (``label``) or 1-based positions."""

    references: tuple[Reference, ...]
    groups: list[list[int]] = field(default_factory=list)  # survivor first, e.g. [[3, 15]]
    renumbering: dict[int, int] = field(default_factory=dict)  # every old number → new number
    merges: tuple[Merge, ...] = ()
    likely_duplicates: tuple[Candidate, ...] = ()  # merged only with fuzzy=True
    not_merged: tuple[Candidate, ...] = ()  # would match, but identifiers conflict
    diagnostics: tuple[Diagnostic, ...] = ()

    def report_lines(self) -> list[str]:
        """The human report: ``15 → 3 (same DOI)``, then shifted ranges, likely and refused merges."""
        by_old = [(m.old, f"{m.old} → {m.new} ({m.reason})") for m in self.merges]
        by_old += _shift_runs(self.renumbering, {m.old for m in self.merges})
        lines = [line for _, line in sorted(by_old)]
        lines += [f"likely duplicate: {c.first} ~ {c.other} ({c.reason})" for c in self.likely_duplicates]
        lines += [f"not merged: {c.first} ~ {c.other} ({c.reason})" for c in self.not_merged]
        return lines

    def report_rows(self) -> list[dict[str, Any]]:
        """One row per old number (kept / renumbered / merged), then likely and refused pairs."""
        merged = {m.old: m for m in self.merges}
        rows: list[dict[str, Any]] = []
        for old, new in self.renumbering.items():
            if old in merged:
                rows.append(_row(old, new, "merged", merged[old].survivor, merged[old].reason))
            else:
                rows.append(_row(old, new, "kept" if old == new else "renumbered", "", ""))
        for status, pairs in (("likely-duplicate", self.likely_duplicates), ("not-merged", self.not_merged)):
            rows += [
                _row(c.other, self.renumbering.get(c.other, ""), status, c.first, c.reason) for c in pairs
            ]
        return rows

    def to_json(self) -> dict[str, Any]:
        """The whole report as JSON-ready data."""
        return {
            "entries_in": len(self.renumbering),
            "entries_out": len(self.references),
            "groups": self.groups,
            "renumbering": {str(k): v for k, v in self.renumbering.items()},
            "merges": [m._asdict() for m in self.merges],
            "likely_duplicates": [c._asdict() for c in self.likely_duplicates],
            "not_merged": [c._asdict() for c in self.not_merged],
            "diagnostics": [
                {
                    "code": d.code,
                    "severity": str(d.severity),
                    "message": d.message,
                    "line": d.line,
                    "label": d.label,
                }
                for d in self.diagnostics
            ],
        }

    def render_report(self, fmt: Literal["text", "csv", "json"] = "text") -> str:
        """The report as text lines, CSV (``old,new,status,with,reason``) or JSON."""
        if fmt == "text":
            return "".join(line + "\n" for line in self.report_lines())
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(self.report_rows())
            return out.getvalue()
        raise RefnormError(f"unknown report format {fmt!r} (text, csv or json)")


_CSV_FIELDS = ["old", "new", "status", "with", "reason"]


def _diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": str(d.severity),
        "message": d.message,
        "line": d.line,
        "label": d.label,
    }


def _row(old: int, new: int | str, status: str, other: int | str, reason: str) -> dict[str, Any]:
    return dict(zip(_CSV_FIELDS, (old, new, status, other, reason), strict=True))


def _shift_runs(renumbering: dict[int, int], merged: set[int]) -> list[tuple[int, str]]:
    """Kept entries whose number changed, as compact runs (``16..24 → 15..23``) by first number."""
    runs: list[list[int]] = []  # [first old, last old, offset]
    for old in sorted(renumbering):
        new = renumbering[old]
        if old in merged or new == old:
            continue
        if runs and runs[-1][1] + 1 == old and runs[-1][2] == new - old:
            runs[-1][1] = old
        else:
            runs.append([old, old, new - old])
    return [(a, f"{a} → {a + d}" if a == b else f"{a}..{b} → {a + d}..{b + d}") for a, b, d in runs]


# -- identifiers -----------------------------------------------------------------------------------
def _first_found(texts: list[str], cue: str, find: _Finder) -> str | None:
    """The first identifier ``find`` locates in ``texts`` that mention ``cue`` (a cheap pre-filter)."""
    for text in texts:
        if cue in text.lower():
            found = find(text)
            if found:
                return found[0][0]
    return None


def _variable(variables: FrozenMap, name: str, normalize: Callable[[str], str | None]) -> str | None:
    value = variables.get(name)
    return normalize(value) if value else None


def identifiers(ref: Reference) -> dict[str, str]:
    """The comparison keys of ``ref``'s work identifiers, by kind (``{"DOI": "10.1038/…"}``).

    Explicit variables win; a DOI, PMID, PMCID or arXiv id written in ``URL``/``note``/``eprint``
    counts when the variable is absent. ISBNs identify a work only for books (chapters share them).
    """
    variables = ref.variables
    texts: list[str] = []  # free-text variables that may hold an identifier
    arxiv_values: list[str] = []  # variables that hold a bare arXiv id
    for key, value in variables.items():
        lower = key.lower()
        if lower in _TEXT_SOURCES:
            texts.append(value)
        if lower in _ARXIV_VARIABLES:
            arxiv_values.append(value)
    ids: dict[str, str] = {}
    doi = _variable(variables, "DOI", normalize_doi) or _first_found(texts, "10.", find_dois)
    if doi:
        ids["DOI"] = doi.lower()
    pmid = _variable(variables, "PMID", normalize_pmid) or _first_found(texts, "pmid", find_pmids)
    pmid = pmid or _first_found(texts, "pubmed", find_pmids)
    if pmid:
        ids["PMID"] = pmid
    pmcid = _variable(variables, "PMCID", normalize_pmcid) or _first_found(texts, "pmc", find_pmcids)
    if pmcid:
        ids["PMCID"] = pmcid
    arxiv: str | None = next(filter(None, map(normalize_arxiv, arxiv_values)), None)
    if doi and doi.startswith("10.48550/"):
        arxiv = arxiv or normalize_arxiv(doi) or None
    arxiv = arxiv or _first_found(texts, "arxiv", find_arxiv_ids)
    if arxiv:
        ids["arXiv id"] = arxiv_key(arxiv)
    if ref.type == "book" and "ISBN" in variables:
        isbn = next(filter(None, map(normalize_isbn, variables["ISBN"].split(";"))), None)
        if isbn:
            ids["ISBN"] = isbn
    return ids


# -- fuzzy key -------------------------------------------------------------------------------------
def _fuzzy_key(ref: Reference) -> tuple[str, str] | None:
    """(title key, first author's family key), or None when there is no usable title."""
    title = title_key(ref.title) if ref.title else ""
    if " " not in title:  # "Editorial", "Preface", "Obesity": far too common to say anything
        return None
    names = ref.author or ref.editor
    return title, _name_id(names[0]) if names else ""


def _name_id(name: Name) -> str:
    return name_key(name.family or name.literal)


def _is_preprint(ref: Reference) -> bool:
    if ref.type == "article" or ref.get("genre").lower() == "preprint":
        return True
    if _PREPRINT_DOI.match(ref.doi.lower()):
        return True
    venue = ref.container_title or ref.get("publisher")
    return bool(venue and _PREPRINT_VENUE.search(venue))


# -- union-find ------------------------------------------------------------------------------------
class _Groups:
    """Union-find over list positions; the root is always the earliest position of its group.

    Only entries that matched something are stored, so a list without duplicates costs nothing here.
    """

    def __init__(self, refs: Sequence[Reference]) -> None:
        self.refs = refs
        self.parent: dict[int, int] = {}
        self.reason: dict[int, str] = {}
        self.ids: dict[int, dict[str, str]] = {}  # per root of a group of two or more
        self.own: dict[int, dict[str, str]] = {}  # entries' own identifiers, once needed
        self.refused: list[tuple[int, int, str]] = []  # (earlier position, later position, why)
        self._refused_roots: set[tuple[int, int]] = set()

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while root in parent:
            root = parent[root]
        while i != root:  # path compression
            parent[i], i = root, parent[i]
        return root

    def own_ids(self, i: int) -> dict[str, str]:
        ids = self.own.get(i)
        if ids is None:
            ids = self.own[i] = identifiers(self.refs[i])
        return ids

    def ids_of(self, root: int) -> dict[str, str]:
        return self.ids.get(root) or self.own_ids(root)

    def conflict(self, a: int, b: int) -> str:
        """The first identifier kind on which the groups of roots ``a`` and ``b`` disagree, or ""."""
        ids_a, ids_b = self.ids_of(a), self.ids_of(b)
        return next((k for k in _KINDS if k in ids_a and k in ids_b and ids_a[k] != ids_b[k]), "")

    def link(self, first: int, i: int, reason: str, merge: bool = True) -> bool:
        """Relate positions ``first`` < ``i`` that match for ``reason``; True if they were not already
        one group and do not conflict (then they are joined when ``merge``). A conflict is recorded once
        per pair of groups in :attr:`refused`."""
        a, b = self.find(first), self.find(i)
        if a == b:
            return False
        clash = self.conflict(a, b)
        if clash:
            if (a, b) not in self._refused_roots:
                self._refused_roots.add((a, b))
                self.refused.append((first, i, f"{reason}, but different {clash}"))
            return False
        if merge:
            self.union(a, b, reason)
        return True

    def union(self, a: int, b: int, reason: str) -> None:
        """Join the groups of roots ``a`` and ``b`` (checked compatible by the caller)."""
        root, child = min(a, b), max(a, b)
        merged = dict(self.ids_of(root))
        for kind, key in self.ids_of(child).items():
            merged.setdefault(kind, key)
        self.ids[root] = merged
        self.ids.pop(child, None)
        self.parent[child] = root
        self.reason[child] = reason


# -- numbering -------------------------------------------------------------------------------------
def _numbers(refs: Sequence[Reference]) -> tuple[list[int], bool, Diagnostic | None]:
    """Each entry's number, whether labels were used, and a D405 when they could not be."""
    numbers = [int(r.label) if r.label.isdecimal() else i for i, r in enumerate(refs, 1)]
    if len(set(numbers)) == len(numbers):
        return numbers, True, None
    diagnostic = Diagnostic(
        D_NUMBERING,
        "list numbers are missing or repeated, so entries are numbered by their position",
        Severity.WARNING,
    )
    return list(range(1, len(refs) + 1)), False, diagnostic


# -- merging ---------------------------------------------------------------------------------------
def _completeness(ref: Reference) -> int:
    return len(ref.variables) + bool(ref.author) + bool(ref.editor) + bool(ref.issued) - ref.truncated_authors


def _short(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 80 else text[:77] + "...")


def _same_value(key: str, a: str, b: str) -> bool:
    """Values that say the same once printing differences are gone: a DOI's case, "436-44" and
    "436-444", a title's closing stop."""
    if key == "DOI":
        return doi_key(a) == doi_key(b)
    if key == "page":
        return normalize_pages(a) == normalize_pages(b)
    return " ".join(a.split()).rstrip(" .") == " ".join(b.split()).rstrip(" .")


def _merge_nested(kept: Mapping[str, Any], other: Mapping[str, Any], conflict: Any) -> dict[str, Any]:
    """Two extras tables (a .bib entry's unmapped fields) merged key by key: what only ``other`` has
    is added, a differing value is reported under its own key and the kept one wins."""
    merged = dict(kept)
    for key, value in other.items():
        if key not in merged:
            merged[key] = value
        elif isinstance(merged[key], Mapping) and isinstance(value, Mapping):
            merged[key] = _merge_nested(merged[key], value, conflict)
        elif merged[key] != value:
            conflict(key, merged[key], value)
    return merged


def _names_key(names: tuple[Name, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((_name_id(n), title_key(n.given)[:1]) for n in names)


def _date_refines(kept: Date, other: Date) -> bool:
    """``other`` says the same as ``kept`` with more precision (2019 → 2019-06-20)."""
    if kept.year is None or kept.year != other.year:
        return False
    return (kept.month is None and other.month is not None) or (
        kept.month == other.month and kept.day is None and other.day is not None
    )


class _Merger:
    """Folds duplicates into the kept entry, recording what was filled and what conflicted."""

    def __init__(self, kept: Reference, kept_no: int) -> None:
        self.ref = kept
        self.kept_no = kept_no
        self.diagnostics: list[Diagnostic] = []
        self._conflicts: list[Diagnostic] = []  # of the entry being added, listed after its D401
        self._other, self._other_no = kept, kept_no  # the entry being added

    def add(self, other: Reference, other_no: int, reason: str) -> None:
        """Fold ``other`` (entry ``other_no``, matched for ``reason``) into the kept entry."""
        self._other, self._other_no = other, other_no
        ref, changes, filled = self.ref, {}, []
        for merge in (self._variables, self._names, self._dates, self._scalars, self._extras):
            for name, value, label in merge(ref):
                changes[name] = value
                filled.extend(label)
        new_leftovers = tuple(t for t in other.leftovers if t not in ref.leftovers)
        if new_leftovers:
            changes["leftovers"] = ref.leftovers + new_leftovers
        if other.diagnostics:
            changes["diagnostics"] = ref.diagnostics + other.diagnostics
        self.ref = replace(ref, **changes) if changes else ref
        detail = f"; filled {', '.join(filled)}" if filled else ""
        message = f"entry {other_no} merged into entry {self.kept_no} ({reason}){detail}"
        self.diagnostics.append(Diagnostic(D_MERGED, message, Severity.INFO, other.line, str(other_no)))
        self.diagnostics += self._conflicts
        self._conflicts = []

    # Each step yields (Reference attribute, new value, names of the fields it filled).
    def _variables(self, ref: Reference) -> Iterator[tuple[str, Any, list[str]]]:
        variables = dict(ref.variables)
        filled = []
        for key, value in self._other.variables.items():
            if key not in variables:
                variables[key] = value
                filled.append(key)
            elif not _same_value(key, variables[key], value):
                self._conflict(key, variables[key], value)
        if filled:
            yield "variables", FrozenMap(variables), filled

    def _names(self, ref: Reference) -> Iterator[tuple[str, Any, list[str]]]:
        for role in ("author", "editor"):
            mine, theirs = getattr(ref, role), getattr(self._other, role)
            if not theirs or _names_key(mine) == _names_key(theirs):
                continue
            completes = (
                role == "author"
                and ref.truncated_authors
                and len(theirs) > len(mine)
                and _names_key(theirs)[: len(mine)] == _names_key(mine)
            )
            if not mine or completes:
                yield role, theirs, [role]
                if role == "author":
                    yield "truncated_authors", self._other.truncated_authors, []
            else:
                self._conflict(role, "; ".join(map(str, mine)), "; ".join(map(str, theirs)))

    def _dates(self, ref: Reference) -> Iterator[tuple[str, Any, list[str]]]:
        for role in ("issued", "accessed"):
            mine, theirs = getattr(ref, role), getattr(self._other, role)
            if theirs is None or mine == theirs:
                continue
            if mine is None or _date_refines(mine, theirs):
                yield role, theirs, [role]
            else:
                self._conflict(role, mine, theirs)

    def _scalars(self, ref: Reference) -> Iterator[tuple[str, Any, list[str]]]:
        for role in ("type", "id"):
            mine, theirs = getattr(ref, role), getattr(self._other, role)
            if not theirs or mine == theirs:
                continue
            if mine:
                self._conflict(role, mine, theirs)
            else:
                yield role, theirs, [role]

    def _extras(self, ref: Reference) -> Iterator[tuple[str, Any, list[str]]]:
        extras = dict(ref.extras)
        filled = []
        for key, value in self._other.extras:
            if key not in extras:
                extras[key] = value
                filled.append(key)
            elif isinstance(extras[key], Mapping) and isinstance(value, Mapping):
                merged = _merge_nested(extras[key], value, self._conflict)  # keeps the duplicate's fields
                if merged != extras[key]:
                    extras[key] = merged
                    filled.append(key)
            elif extras[key] != value:
                self._conflict(key, extras[key], value)
        if filled:
            yield "extras", tuple(extras.items()), filled

    def _conflict(self, name: str, kept: object, dropped: object) -> None:
        if name == "id":  # no field: the key \cite commands use, so say what to cite instead
            message = f"citation key {_short(dropped)} of entry {self._other_no} is now {_short(kept)}"
        else:
            message = (
                f"field {name!r} differs: kept {_short(kept)} from entry {self.kept_no}, "
                f"dropped {_short(dropped)} from entry {self._other_no}"
            )
        where = (self._other.line, str(self._other_no))
        self._conflicts.append(Diagnostic(D_CONFLICT, message, Severity.WARNING, *where))


# -- the pass --------------------------------------------------------------------------------------
# Indexes are keyed by hash() of the key, not the key itself, to keep memory near 100 bytes per
# entry at a million entries; a hit is confirmed against the recomputed key, so a hash collision
# can at worst hide a match, never invent one.


def _link_identifiers(refs: Sequence[Reference], groups: _Groups) -> None:
    """Join every entry with the first earlier entry sharing each of its identifiers."""
    index: dict[int, int] = {}
    for i, ref in enumerate(refs):
        ids = identifiers(ref)
        for kind, key in ids.items():
            first = index.setdefault(hash((kind, key)), i)
            if first != i:
                groups.own.setdefault(i, ids)
                if groups.own_ids(first).get(kind) == key:
                    groups.link(first, i, f"same {kind}")


def _one_apart(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and abs(a - b) == 1


def _link_fuzzy(refs: Sequence[Reference], groups: _Groups, fuzzy: bool) -> list[tuple[int, int]]:
    """Pair entries with equal title/author keys and compatible years; join them when ``fuzzy``.

    A bucket keeps one anchor per (year, preprint?), so it costs O(distinct years); whether an
    entry is a preprint is only worked out when its bucket has company.
    """
    buckets: dict[int, int | list[int]] = {}
    preprint: dict[int, bool] = {}

    def is_preprint(i: int) -> bool:
        flag = preprint.get(i)
        if flag is None:
            flag = preprint[i] = _is_preprint(refs[i])
        return flag

    likely: list[tuple[int, int]] = []
    for i, ref in enumerate(refs):
        key = _fuzzy_key(ref)
        if key is None:
            continue
        anchors = buckets.setdefault(hash(key), i)
        if anchors == i:
            continue
        if isinstance(anchors, int):
            if _fuzzy_key(refs[anchors]) != key:
                continue
            anchors = buckets[hash(key)] = [anchors]
        year, same_kind = ref.year, False
        for first in anchors:
            a_year = refs[first].year
            if a_year == year:
                same_kind = same_kind or is_preprint(first) == is_preprint(i)
            elif not _one_apart(year, a_year) or not (is_preprint(i) or is_preprint(first)):
                continue
            if groups.link(first, i, FUZZY_REASON, merge=fuzzy):
                likely.append((first, i))
        if not same_kind:
            anchors.append(i)
    return likely


def dedupe(refs: Iterable[Reference], *, fuzzy: bool = False, keep: Keep = "first") -> DedupeResult:
    """Merge entries that are the same work; see the module docstring for the rules.

    ``keep="first"`` keeps each group's first entry's values; ``keep="most-complete"`` keeps the
    values of the entry with the most fields (earliest on ties). Either way the merged entry sits
    where the group first occurred. Idempotent: deduping the result changes nothing.
    """
    if keep not in KEEP_MODES:
        raise RefnormError(f"keep must be one of {', '.join(KEEP_MODES)}, not {keep!r}")
    refs = tuple(refs)
    numbers, numbered_by_label, numbering_problem = _numbers(refs)
    groups = _Groups(refs)
    _link_identifiers(refs, groups)
    likely = _link_fuzzy(refs, groups, fuzzy)
    refused = groups.refused

    members: dict[int, list[int]] = {}
    for i in groups.parent:
        members.setdefault(groups.find(i), []).append(i)
    removed = sorted(numbers[i] for i in groups.parent)

    def new_number(number: int) -> int:
        return number - bisect_left(removed, number)

    renumbering: dict[int, int] = {}
    survivors: list[Reference] = []
    merges: list[Merge] = []
    result_groups: list[list[int]] = []
    diagnostics: list[Diagnostic] = [numbering_problem] if numbering_problem else []
    for i, ref in enumerate(refs):
        root = groups.find(i)
        if root != i:
            renumbering[numbers[i]] = renumbering[numbers[root]]
            continue
        new = new_number(numbers[i])
        renumbering[numbers[i]] = new
        group = members.get(i)
        if group is not None:
            ref = _merge_group(
                refs, [i, *sorted(group)], numbers, groups.reason, keep, merges, diagnostics, new
            )
            result_groups.append([numbers[j] for j in _survivor_first([i, *sorted(group)], refs, keep)])
        if numbered_by_label and ref.label.isdecimal() and int(ref.label) != new:
            ref = replace(ref, label=str(new))
        survivors.append(ref)
    merges.sort(key=lambda m: m.old)

    likely_pairs = tuple(Candidate(numbers[a], numbers[b], FUZZY_REASON) for a, b in likely)
    refused_pairs = tuple(Candidate(numbers[a], numbers[b], why) for a, b, why in refused)
    if not fuzzy:
        diagnostics += [
            Diagnostic(
                D_LIKELY,
                f"entry {c.other} is likely a duplicate of entry {c.first} ({c.reason}); "
                "not merged without --fuzzy",
                Severity.WARNING,
                refs[b].line,
                str(c.other),
            )
            for c, (_, b) in zip(likely_pairs, likely, strict=True)
        ]
    diagnostics += [
        Diagnostic(
            D_NOT_MERGED,
            f"entries {c.first} and {c.other} not merged: {c.reason}",
            Severity.INFO,
            refs[b].line,
            str(c.other),
        )
        for c, (_, b, _) in zip(refused_pairs, refused, strict=True)
    ]
    return DedupeResult(
        references=tuple(survivors),
        groups=result_groups,
        renumbering=renumbering,
        merges=tuple(merges),
        likely_duplicates=likely_pairs,
        not_merged=refused_pairs,
        diagnostics=tuple(diagnostics),
    )


def _survivor_first(group: list[int], refs: Sequence[Reference], keep: Keep) -> list[int]:
    """``group`` (positions in list order) with the entry whose values are kept moved to the front."""
    if keep == "first":
        return group
    best = max(group, key=lambda i: (_completeness(refs[i]), -i))
    return [best, *(i for i in group if i != best)]


def _merge_group(
    refs: Sequence[Reference],
    group: list[int],
    numbers: list[int],
    reasons: dict[int, str],
    keep: Keep,
    merges: list[Merge],
    diagnostics: list[Diagnostic],
    new: int,
) -> Reference:
    ordered = _survivor_first(group, refs, keep)
    survivor = ordered[0]
    merger = _Merger(refs[survivor], numbers[survivor])
    for i in ordered[1:]:
        merger.add(refs[i], numbers[i], reasons.get(i) or reasons[survivor])
    for i in group[1:]:
        merges.append(Merge(numbers[i], new, numbers[survivor], reasons[i]))
    diagnostics += merger.diagnostics
    merged = merger.ref
    return replace(merged, diagnostics=merged.diagnostics + tuple(merger.diagnostics))


class _CallableModule(types.ModuleType):
    """``refnorm.dedupe`` names both this module and its function; importing the module (``from
    refnorm.dedupe import …``) rebinds the package attribute to the module, so the module must
    be callable too for ``refnorm.dedupe(refs)`` to keep working."""

    def __call__(
        self, refs: Iterable[Reference], *, fuzzy: bool = False, keep: Keep = "first"
    ) -> DedupeResult:
        return dedupe(refs, fuzzy=fuzzy, keep=keep)


sys.modules[__name__].__class__ = _CallableModule
