"""CSL-JSON: :func:`read_csl_json` (Zotero, Better BibTeX's "Better CSL JSON") and :func:`to_csl_json`.

Output is valid against the official ``csl-data.json`` schema, which allows no keys of its own
choosing: whatever a reference holds that CSL has no variable for goes into the item's ``custom``
object, which is also where a BibTeX → CSL-JSON → BibTeX round trip keeps BibTeX-only fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from refnorm.diagnostics import Diagnostic, RefnormError, Severity, register
from refnorm.formats.base import FailedBlock, ReadResult
from refnorm.formats.mapping import CSL_VARIABLES, custom_value
from refnorm.keys import assign_keys, is_valid_key
from refnorm.model import CSL_TYPES, Reference

__all__ = ["ReadResult", "read_csl_json", "read_jsonl", "to_csl_json", "to_jsonl"]

R710 = register("R710", "a CSL-JSON item is not an object; it is kept verbatim")
R711 = register("R711", "a CSL-JSON item has no type or one CSL does not define")

_ET_AL = "et-al"  # custom key: the author list was truncated ("et al.")
# Zotero and Better BibTeX still write some CSL 1.0.1-era names.
_LEGACY = {"shortTitle": "title-short", "journalAbbreviation": "container-title-short"}


# -- writing ------------------------------------------------------------------------------------------


def to_item(ref: Reference, key: str) -> dict[str, Any]:
    """One reference as a schema-valid CSL-JSON item with ``id`` = ``key``."""
    item = ref.to_csl(id=key)
    item["id"] = key
    custom: dict[str, Any] = {}
    for name in list(item):
        if name not in CSL_VARIABLES:
            custom[name] = item.pop(name)
    if isinstance(item.get("custom"), Mapping):
        custom = {**item.pop("custom"), **custom}
    if ref.truncated_authors:
        custom[_ET_AL] = True
    if custom:
        item["custom"] = custom
    return item


def to_csl_json(refs: Iterable[Reference], *, indent: int | None = 2) -> str:
    """The references as a CSL-JSON array; ``id`` is the citation key (kept, or made as for BibTeX)."""
    refs = list(refs)
    items = [to_item(ref, key) for ref, key in zip(refs, _ids(refs), strict=True)]
    return json.dumps(items, ensure_ascii=False, indent=indent) + "\n"


def to_jsonl(refs: Iterable[Reference]) -> str:
    """One CSL-JSON item per line (JSON Lines)."""
    refs = list(refs)
    items = [to_item(ref, key) for ref, key in zip(refs, _ids(refs), strict=True)]
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def _ids(refs: list[Reference]) -> list[str]:
    """Every existing id is kept (CSL allows any string, e.g. Zotero's item URIs); the rest get keys."""
    keys = assign_keys(refs)
    return [
        ref.id if ref.id and not is_valid_key(ref.id) else key for ref, key in zip(refs, keys, strict=True)
    ]


# -- reading ------------------------------------------------------------------------------------------


def _reference(item: Mapping[str, Any], raw: str, line: int | None) -> Reference:
    item = {_LEGACY.get(k, k): v for k, v in item.items() if not (k in _LEGACY and _LEGACY[k] in item)}
    key = str(item.get("citation-key") or item.get("id") or "")
    item.pop("citation-key", None)
    ref = Reference.from_csl(item, raw=raw)
    ref = replace(ref, id=key, line=line)
    if custom_value(ref.extras, _ET_AL) is True:
        ref = replace(ref, truncated_authors=True)
    kind = item.get("type")
    if kind not in CSL_TYPES:
        message = (
            f"type {kind!r} is not a CSL type; read as 'document'" if kind else "no type; read as 'document'"
        )
        ref = replace(ref, type="document").with_diagnostics(
            Diagnostic(R711, message, Severity.WARNING, line, key)
        )
    return ref


def _items(text: str, source: str) -> list[tuple[Any, str, int]]:
    """The top-level items with their source text and 1-based line."""
    decoder = json.JSONDecoder()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RefnormError(f"{source}: not valid JSON: {error.msg} (line {error.lineno})") from None
    if isinstance(data, Mapping) and isinstance(data.get("items"), list):
        data = data["items"]
        return [(item, json.dumps(item, ensure_ascii=False), 0) for item in data]
    if not isinstance(data, list):
        kind = type(data).__name__ if not isinstance(data, Mapping) else "an object"
        raise RefnormError(f"{source}: expected a JSON list of CSL items, got {kind}")
    # Walk the array again to learn where each item starts (for line numbers and raw text).
    found: list[tuple[Any, str, int]] = []
    pos = text.index("[") + 1
    line, counted = 1, 0
    for _ in data:
        while text[pos] in " \t\r\n,":
            pos += 1
        item, end = decoder.raw_decode(text, pos)
        line += text.count("\n", counted, pos)
        counted = pos
        found.append((item, text[pos:end], line))
        pos = end
    return found


def read_csl_json(text: str, *, source: str = "<input>") -> ReadResult:
    """Read a CSL-JSON array. Raises :class:`RefnormError` only when the text is not such an array."""
    references: list[Reference] = []
    diagnostics: list[Diagnostic] = []
    failed: list[FailedBlock] = []
    for index, (item, raw, line) in enumerate(_items(text.lstrip("\ufeff"), source), 1):
        where = line or None
        if not isinstance(item, Mapping):
            message = f"item {index} is {type(item).__name__}, not an object"
            failed.append(FailedBlock(raw, where, message))
            diagnostics.append(Diagnostic(R710, message, Severity.ERROR, where))
            continue
        references.append(_reference(item, raw, where))
    return ReadResult(tuple(references), tuple(diagnostics), tuple(failed))


def read_jsonl(text: str, *, source: str = "<input>") -> ReadResult:
    """Read JSON Lines: one CSL item per line (blank lines skipped)."""
    references: list[Reference] = []
    diagnostics: list[Diagnostic] = []
    failed: list[FailedBlock] = []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            item = None
            message = f"line is not JSON: {error.msg}"
        else:
            message = f"line holds {type(item).__name__}, not an object"
        if not isinstance(item, Mapping):
            failed.append(FailedBlock(line, number, message))
            diagnostics.append(Diagnostic(R710, message, Severity.ERROR, number))
            continue
        references.append(_reference(item, line, number))
    return ReadResult(tuple(references), tuple(diagnostics), tuple(failed))
