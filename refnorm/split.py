"""Split a reference list (or a whole page holding one) into entries.

STUB — the real splitter repairs merged entries, PDF hard wraps and drops page furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refnorm.diagnostics import Diagnostic

__all__ = ["Chunk", "split_entries"]


@dataclass(frozen=True, slots=True)
class Chunk:
    """One entry's text, its printed list number (``""`` if none) and its first 1-based input line."""

    text: str
    label: str = ""
    line: int = 1
    diagnostics: tuple[Diagnostic, ...] = ()


_NUMBER = re.compile(r"^\s*(?:\[(\d+)\]|\((\d+)\)|(\d+)[.)])\s+")


def split_entries(text: str) -> list[Chunk]:
    chunks = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _NUMBER.match(line)
        label = next((g for g in match.groups() if g), "") if match else ""
        body = line[match.end() :] if match else line
        chunks.append(Chunk(body.strip(), label, lineno))
    return chunks
