"""A learned field tagger (linear-chain CRF) trained only on references the project generates itself.

Experimental and not wired into :func:`refnorm.parse_reference`: ``parse_with_tagger(text)`` returns
the CSL-JSON item the tagger reads from one reference string.  Needs ``python-crfsuite``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["parse_with_tagger"]


def parse_with_tagger(text: str) -> dict[str, Any]:
    """CSL-JSON item for one reference string, fields placed by the CRF tagger."""
    from refnorm.tagger.assemble import spans_to_csl
    from refnorm.tagger.model import tag

    return spans_to_csl(tag(text), text)
