"""What every reader returns: :class:`ReadResult` (references, diagnostics, blocks kept verbatim)."""

from __future__ import annotations

from dataclasses import dataclass

from refnorm.diagnostics import Diagnostic
from refnorm.model import Reference

__all__ = ["FailedBlock", "ReadResult"]


@dataclass(frozen=True, slots=True)
class FailedBlock:
    """Input a reader could not turn into a reference, kept verbatim where it stood."""

    raw: str
    line: int | None
    message: str


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader found: references in input order, problems not tied to one of them, kept blocks."""

    references: tuple[Reference, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    failed: tuple[FailedBlock, ...] = ()
    preambles: tuple[str, ...] = ()

    def all_diagnostics(self) -> list[Diagnostic]:
        """File-level and per-reference diagnostics together, by line."""
        found = list(self.diagnostics)
        for ref in self.references:
            found.extend(ref.diagnostics)
        return sorted(found, key=lambda d: (d.line is None, d.line or 0))
