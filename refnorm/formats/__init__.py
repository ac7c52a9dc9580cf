"""File formats: one module per format, one line per format in :data:`FORMATS`.

The CLI derives its ``--from``/``--to`` choices and extension detection from this registry, so a
new format is one module plus one :class:`Format` line here. Modules are imported on first use:
``import refnorm.formats`` loads neither bibtexparser nor pybtex.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from refnorm.formats.base import FailedBlock, ReadResult
from refnorm.model import Reference

__all__ = [
    "FORMATS",
    "FailedBlock",
    "Format",
    "ReadResult",
    "content_problem",
    "detect_format",
    "get_format",
    "readable_formats",
    "writable_formats",
]


@dataclass(frozen=True)
class Format:
    """A named format: where its reader and writer live, its file extensions, writer options."""

    name: str
    module: str
    reader: str = ""  # function name in ``module``; "" when the format cannot be read
    writer: str = ""  # function name in ``module``; "" when the format cannot be written
    extensions: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)  # fixed writer keyword arguments
    description: str = ""

    def read(self, text: str, *, source: str = "<input>") -> ReadResult:
        function: Callable[..., ReadResult] = getattr(importlib.import_module(self.module), self.reader)
        return function(text, source=source)

    def write(self, refs: Iterable[Reference], **options: Any) -> str:
        """Write with the options this writer takes (others, e.g. ``unicode`` for RIS, are ignored)."""
        function: Callable[..., str] = getattr(importlib.import_module(self.module), self.writer)
        accepted = inspect.signature(function).parameters
        chosen = {k: v for k, v in options.items() if k in accepted}
        return function(list(refs), **{**chosen, **self.options})


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("bibtex", "refnorm.formats.bibtex", "read_bibtex", "to_bibtex", (".bib", ".bibtex"),
               description="BibTeX, LaTeX-escaped (UTF-8 with --unicode)"),
        Format("biblatex", "refnorm.formats.bibtex", "read_bibtex", "to_bibtex", (".bib",),
               {"biblatex": True}, description="biblatex (journaltitle, date, @online, eprint)"),
        Format("csl-json", "refnorm.formats.csl_json", "read_csl_json", "to_csl_json", (".json",),
               description="CSL-JSON array (Zotero, pandoc, citeproc)"),
        Format("jsonl", "refnorm.formats.csl_json", "read_jsonl", "to_jsonl", (".jsonl", ".ndjson"),
               description="one CSL-JSON item per line"),
        Format("ris", "refnorm.formats.ris", "read_ris", "to_ris", (".ris",),
               description="RIS (Zotero, EndNote, Mendeley)"),
        Format("text", "refnorm.formats.text", "read_text", "", (".txt", ".text", ".md", ".html", ".htm"),
               description="a plain-text reference list or a page holding one"),
    )
}  # fmt: skip


def get_format(name: str) -> Format:
    from refnorm.diagnostics import RefnormError

    try:
        return FORMATS[name]
    except KeyError:
        raise RefnormError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})") from None


def readable_formats() -> list[str]:
    return [f.name for f in FORMATS.values() if f.reader and f.name != "biblatex"]


def writable_formats() -> list[str]:
    return [f.name for f in FORMATS.values() if f.writer]


def content_problem(text: str, name: str) -> str | None:
    """Why ``text`` cannot be a ``name`` file at all (empty, or JSON in a .bib/.ris), else None."""
    if not text.strip():
        return "input is empty"
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if name in ("bibtex", "biblatex", "ris") and head in ("[", "{"):
        import json

        try:
            json.loads(text.lstrip("\ufeff"))
        except ValueError:
            return None
        return f"the file holds JSON, not {name} (rename it to .json)"
    return None


def detect_format(text: str, path: str | None = None) -> str:
    """The input format, from the file extension first, then from the content.

    A file whose extension names a format its content cannot be (JSON in a .bib) is a
    :class:`~refnorm.diagnostics.RefnormError`, not an empty result.
    """
    if path:
        suffix = PurePath(path).suffix.lower()
        for f in FORMATS.values():
            if f.reader and suffix in f.extensions:
                problem = content_problem(text, f.name)
                if problem:
                    from refnorm.diagnostics import RefnormError

                    raise RefnormError(f"{path}: {problem}")
                return f.name
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("["):
        return "csl-json"
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("TY  -") or "\nTY  - " in text[:5000]:
        return "ris"
    if _looks_like_bibtex(head[:20000]):
        return "bibtex"
    return "text"


def _looks_like_bibtex(head: str) -> bool:
    import re

    return bool(re.search(r"^\s*@[A-Za-z]+\s*[{(]", head, re.MULTILINE))
