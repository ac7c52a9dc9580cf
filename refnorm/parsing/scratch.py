"""The parser's scratch pad for one reference, and small patterns every stage shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refnorm.dates import YEAR
from refnorm.model import Date, Name

__all__ = [
    "DIGIT",
    "YEAR_RE",
    "Fields",
]


# Small patterns the functions below use inline, compiled once: a module-level ``re.search(str, …)``
# pays for a cache lookup on every call, and these run many times per reference.
DIGIT = re.compile(r"\d")
YEAR_RE = re.compile(YEAR)


# text fields a second, different value can reach; numbers found twice are the same number read twice
_NAME_LIKE = frozenset({"title", "container-title", "publisher", "publisher-place", "collection-title"})


@dataclass(slots=True)
class Fields:
    """The tagger's scratch pad for one reference (internal; the result is a frozen Reference)."""

    variables: dict[str, str] = field(default_factory=dict)
    author: tuple[Name, ...] = ()
    editor: tuple[Name, ...] = ()
    translator: tuple[Name, ...] = ()
    truncated: bool = False
    issued: Date | None = None
    accessed: Date | None = None
    printed_date: Date | None = None  # a fuller form of the year's date, seen where the year was dropped
    hints: set[str] = field(default_factory=set)
    leftovers: list[str] = field(default_factory=list)

    def set(self, key: str, value: str | None) -> None:
        """Set ``key`` once; a different text for a taken name-like field is kept as a leftover, not lost."""
        if value:
            value = value.strip(" ,;:")
            if value and key not in self.variables:
                self.variables[key] = value
            elif value and key in _NAME_LIKE and self.variables[key] != value:
                self.leftovers.append(value)
