"""Plain text: a reference list (or a whole page holding one) read through :func:`refnorm.parse`."""

from __future__ import annotations

from refnorm.formats.base import ReadResult

__all__ = ["read_text"]


def read_text(text: str, *, source: str = "<input>") -> ReadResult:
    """Split and parse ``text``; every entry keeps its raw text, list number and line."""
    from refnorm.api import parse

    return ReadResult(references=tuple(parse(text)))
