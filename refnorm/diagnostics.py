"""Diagnostics: data problems are reported as values, never raised.

A :class:`Diagnostic` has a stable ``code`` so pre-commit output is greppable and
``--select/--ignore`` can filter it. Codes are grouped by pipeline stage:

====  ==========================================================
S1xx  splitting a list into entries
P2xx  parsing one reference into fields
N3xx  normalising field values
D4xx  deduplication and merging
C5xx  Crossref lookups (find / verify DOIs)
B6xx  checks on existing bibliographies (.bib / CSL-JSON / RIS)
R7xx  reading input files
====  ==========================================================

Every code in use is registered in :data:`CODES` with a one-line summary (the README lists them);
:func:`all_codes` returns them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["CODES", "Diagnostic", "RefnormError", "Severity", "all_codes", "register", "unknown_codes"]


class RefnormError(ValueError):
    """A caller mistake (bad argument, unreadable input file): raised, unlike data problems."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


CODES: dict[str, str] = {}


def register(code: str, summary: str) -> str:
    """Register a diagnostic code (at import time of the module that emits it) and return it."""
    CODES.setdefault(code, summary)
    return code


# the modules that register each stage's codes: imported on demand (the parsing core is slow to import)
_EMITTERS = {
    "S": ("refnorm.split",),
    "P": ("refnorm.parser",),
    "D": ("refnorm.dedupe",),
    "C": ("refnorm.crossref",),
    "B": ("refnorm.checks",),
    "R": ("refnorm.formats.bibtex", "refnorm.formats.csl_json", "refnorm.formats.ris"),
}


def _import_emitters(stages: Iterable[str]) -> None:
    import importlib

    for stage in stages:
        for module in _EMITTERS.get(stage, ()):
            importlib.import_module(module)


def all_codes() -> dict[str, str]:
    """Every diagnostic code refnorm can emit, with its summary, sorted (:data:`CODES` holds only the
    codes of modules imported so far)."""
    _import_emitters(_EMITTERS)
    return dict(sorted(CODES.items()))


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The entries of a ``--select``/``--ignore`` list that name no code nor a prefix of one
    ("B6", "B608"): a typo there would silently switch checks on or off."""
    codes = [code.upper() for code in codes]
    _import_emitters({code[:1] for code in codes})  # only those stages: "B6" needs no parser
    return [code for code in codes if not code or not any(name.startswith(code) for name in CODES)]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    severity: Severity = Severity.WARNING
    line: int | None = None  # 1-based line in the input, when known
    label: str = ""  # list number or citation key of the entry it is about

    def render(self, source: str = "<input>") -> str:
        """``file:line: CODE message`` — the form pre-commit and editors understand."""
        where = f"{source}:{self.line}" if self.line is not None else source
        about = f"[{self.label}] " if self.label else ""
        return f"{where}: {self.code} {about}{self.message}"

    def __str__(self) -> str:
        return self.render()
