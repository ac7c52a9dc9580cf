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

Every code in use is registered in :data:`CODES` with a one-line summary (the README lists them).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["CODES", "Diagnostic", "RefnormError", "Severity", "register"]


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
