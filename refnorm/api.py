"""The two entry points of the parsing core: :func:`parse` and :func:`parse_reference`."""

from __future__ import annotations

from refnorm.model import Reference
from refnorm.parser import parse_fields
from refnorm.split import split_entries

__all__ = ["parse", "parse_reference"]


def parse_reference(text: str, *, label: str = "", line: int | None = None) -> Reference:
    """Parse one reference string into a normalised :class:`Reference`. Never raises on bad text."""
    return parse_fields(text, label=label, line=line)


def parse(text: str) -> list[Reference]:
    """Split a whole reference list (or a page holding one) and parse every entry.

    Entries keep their printed number as ``label`` and their first input line as ``line``;
    splitting problems are attached to the entry they concern.
    """
    references = []
    for chunk in split_entries(text):
        ref = parse_fields(chunk.text, label=chunk.label, line=chunk.line)
        if chunk.diagnostics:
            ref = ref.with_diagnostics(*chunk.diagnostics)
        references.append(ref)
    return references
