"""RIS (Zotero, EndNote, Mendeley exports): :func:`read_ris` and :func:`to_ris`.

A record runs from ``TY  -`` to ``ER  -``; a line without a tag continues the previous tag's
value (EndNote wraps long abstracts). Tags with no CSL variable are kept in the CSL ``custom``
object and written back, so RIS → RIS loses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from refnorm.diagnostics import Diagnostic, Severity, register
from refnorm.formats.base import FailedBlock, ReadResult
from refnorm.formats.mapping import (
    CUSTOM_RIS,
    RIS_TAGS,
    RIS_TYPE_TO_CSL,
    RIS_TYPES,
    custom_value,
    with_custom,
)
from refnorm.keys import is_valid_key
from refnorm.model import Date, FrozenMap, Name, Reference

__all__ = ["ReadResult", "read_ris", "to_ris"]

R720 = register("R720", "an RIS record has no ER line; it ends where the next one starts")
R721 = register("R721", "text outside an RIS record; it is kept verbatim")
R722 = register("R722", "an RIS record has no TY line or an unknown type")

_LINE = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?: (.*)|\s*)$")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
_NAME_TAGS = {"AU": "author", "A1": "author", "ED": "editor", "A2": "editor"}
_DATE_TAGS = ("DA", "PY", "Y1")


@dataclass
class _Record:
    line: int
    lines: list[str] = field(default_factory=list)
    tags: list[tuple[str, str]] = field(default_factory=list)


def _date(value: str) -> Date | None:
    """RIS dates: ``2020``, ``2020/01/15/``, ``2020///Spring``, ``2020-01-15``."""
    parts = re.split(r"[/-]", value.strip())
    numbers: list[int] = []
    for part in parts[:3]:
        if not part.strip().isdigit():
            break
        numbers.append(int(part))
    if not numbers:
        return Date(literal=value.strip()) if value.strip() else None
    year, month, day = [*numbers, 0, 0][:3]
    if not 1 <= month <= 12:
        return Date(year)
    return Date(year, month, day if 1 <= day <= 31 else None)


def _name(value: str) -> Name:
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 1:
        return Name(literal=parts[0])
    family = parts[0]
    particle = ""
    match = re.match(
        r"^((?:(?:van|von|der|den|de|del|della|di|da|du|la|le|ter|ten|dos|das)\s+)+)(.+)$", family
    )
    if match:
        particle, family = match.group(1).strip(), match.group(2)
    return Name(family=family, given=parts[1], non_dropping_particle=particle, suffix=", ".join(parts[2:]))


def _reference(record: _Record) -> Reference:
    values: dict[str, list[str]] = {}
    for tag, value in record.tags:
        values.setdefault(tag, []).append(value.strip())
    line = record.line
    problems: list[Diagnostic] = []
    code = (values.get("TY") or [""])[0].upper()
    csl_type = RIS_TYPE_TO_CSL.get(code, "document")
    if code not in RIS_TYPE_TO_CSL:
        message = f"unknown RIS type {code!r}; read as 'document'" if code else "record has no TY line"
        problems.append(Diagnostic(R722, message, Severity.WARNING, line))
    names: dict[str, list[Name]] = {"author": [], "editor": []}
    variables: dict[str, str] = {}
    unknown: dict[str, list[str]] = {}
    issued: Date | None = None
    accessed: Date | None = None
    for tag, items in values.items():
        items = [v for v in items if v]
        if tag == "TY" or not items:
            continue
        if tag in _NAME_TAGS:
            names[_NAME_TAGS[tag]].extend(_name(v) for v in items)
        elif tag in _DATE_TAGS:
            found = _date(items[0])
            if found is not None and (issued is None or (found.year == issued.year and found.month)):
                issued = found
        elif tag == "Y2":
            accessed = _date(items[0])
        elif tag == "KW":
            variables["keyword"] = ", ".join(items)
        elif tag == "SN":
            for value in items:
                kind = "ISSN" if _ISSN.match(value) else "ISBN"
                variables[kind] = f"{variables[kind]}, {value}" if kind in variables else value
        elif tag in ("SP", "EP"):
            continue
        elif tag == "AN" and not items[0].isdigit():
            unknown[tag] = items
        elif tag == "ID" and is_valid_key(items[0]):
            variables.setdefault("citation-key", items[0])
        elif tag in RIS_TAGS and RIS_TAGS[tag] not in variables:
            variables[RIS_TAGS[tag]] = " ".join(items) if tag in ("AB", "N2", "N1") else items[0]
            if len(items) > 1 and tag not in ("AB", "N2", "N1"):
                unknown[tag] = items[1:]
        else:
            unknown[tag] = items
    start = (values.get("SP") or [""])[0].strip()
    end = (values.get("EP") or [""])[0].strip()
    if start or end:
        variables["page"] = f"{start}-{end}" if start and end and end != start else (start or end)
    key = variables.pop("citation-key", "")
    extras: tuple[tuple[str, Any], ...] = with_custom((), CUSTOM_RIS, unknown) if unknown else ()
    return Reference(
        type=csl_type,
        author=tuple(names["author"]),
        editor=tuple(names["editor"]),
        issued=issued,
        accessed=accessed,
        variables=FrozenMap(variables),
        id=key,
        raw="\n".join(record.lines),
        line=line,
        diagnostics=tuple(problems),
        extras=extras,
    )


def read_ris(text: str, *, source: str = "<input>") -> ReadResult:
    """Read RIS records. Never raises: stray text and unterminated records become diagnostics."""
    references: list[Reference] = []
    diagnostics: list[Diagnostic] = []
    failed: list[FailedBlock] = []
    record: _Record | None = None
    stray: list[tuple[int, str]] = []

    def flush_stray() -> None:
        if stray:
            raw = "\n".join(s for _, s in stray)
            failed.append(FailedBlock(raw, stray[0][0], "text outside a record"))
            diagnostics.append(
                Diagnostic(R721, "text outside a record, kept verbatim", Severity.WARNING, stray[0][0])
            )
            stray.clear()

    def close(ended: bool) -> None:
        nonlocal record
        if record is not None:
            ref = _reference(record)
            if not ended:
                message = "record has no ER line"
                ref = ref.with_diagnostics(Diagnostic(R720, message, Severity.WARNING, record.line))
            references.append(ref)
            record = None

    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        match = _LINE.match(line.rstrip())
        if match is None:
            if record is not None and record.tags and line.strip():
                tag, value = record.tags[-1]
                record.tags[-1] = (tag, f"{value} {line.strip()}")
                record.lines.append(line)
            elif line.strip():
                stray.append((number, line))
            continue
        tag, value = match.group(1), match.group(2) or ""
        if tag == "TY":
            close(ended=False)
            flush_stray()
            record = _Record(number)
        elif tag == "ER":
            if record is not None:
                record.lines.append(line)
                close(ended=True)
            continue
        elif record is None:
            flush_stray()
            record = _Record(number)
        record.lines.append(line)
        record.tags.append((tag, value))
    close(ended=False)
    flush_stray()
    return ReadResult(tuple(references), tuple(diagnostics), tuple(failed))


# -- writing ------------------------------------------------------------------------------------------

_WRITE_ORDER = (
    "TI",
    "T2",
    "T3",
    "ST",
    "J2",
    "VL",
    "IS",
    "ET",
    "M1",
    "M3",
    "PB",
    "CY",
    "DO",
    "UR",
    "AN",
    "C2",
)
_BY_VARIABLE = {csl: tag for tag, csl in reversed(list(RIS_TAGS.items()))}


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _ris_name(name: Name) -> str:
    if name.is_literal or not name.family:
        return name.literal or name.family
    parts = [name.full_family, name.given]
    if name.suffix:
        parts.append(name.suffix)
    return ", ".join(parts)


def _ris_date(date: Date) -> str:
    if date.year is None:
        return date.literal
    month = f"{date.month:02d}" if date.month else ""
    day = f"{date.day:02d}" if date.day else ""
    return f"{date.year:04d}/{month}/{day}/"


def _record(ref: Reference) -> list[str]:
    lines = [f"TY  - {RIS_TYPES.get(ref.type, 'GEN')}"]

    def put(tag: str, value: str) -> None:
        if value.strip():
            lines.append(f"{tag}  - {_one_line(value)}")

    for name in ref.author:
        put("AU", _ris_name(name))
    for name in ref.editor:
        put("ED", _ris_name(name))
    written = {"page", "keyword", "ISBN", "ISSN", "abstract", "note"}
    for tag in _WRITE_ORDER:
        csl = RIS_TAGS[tag]
        put(tag, ref.get(csl))
        written.add(csl)
    if ref.issued is not None:
        put("PY", str(ref.issued.year) if ref.issued.year is not None else ref.issued.literal)
        if ref.issued.month:
            put("DA", _ris_date(ref.issued))
    if ref.accessed is not None:
        put("Y2", _ris_date(ref.accessed))
    if ref.page:
        first, _, last = ref.page.partition("-")
        put("SP", first)
        put("EP", last)
    for kind in ("ISBN", "ISSN"):
        for value in ref.get(kind).split(","):
            put("SN", value)
    for keyword in re.split(r"[;,]\s*", ref.get("keyword")):
        put("KW", keyword)
    put("AB", ref.get("abstract"))
    put("N1", ref.get("note"))
    for csl, value in ref.variables.items():
        if csl not in written and csl in _BY_VARIABLE:
            put(_BY_VARIABLE[csl], value)
    kept = custom_value(ref.extras, CUSTOM_RIS)
    if isinstance(kept, Mapping):
        for tag, values in kept.items():
            for value in values if isinstance(values, list) else [values]:
                put(str(tag), str(value))
    lines.append("ER  - ")
    return lines


def to_ris(refs: Iterable[Reference]) -> str:
    """The references as RIS records (one blank line between records)."""
    return "".join("\n".join(_record(ref)) + "\n\n" for ref in refs)
