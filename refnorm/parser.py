"""Field parsing: one reference string → a :class:`Reference`.

STUB — being replaced by the real tagger.
"""

from __future__ import annotations

from refnorm.doi import find_doi
from refnorm.model import FrozenMap, Reference

__all__ = ["parse_fields"]


def parse_fields(text: str, *, label: str = "", line: int | None = None) -> Reference:
    doi = find_doi(text)
    variables = {"DOI": doi} if doi else {}
    return Reference(raw=text, label=label, line=line, variables=FrozenMap(variables))
