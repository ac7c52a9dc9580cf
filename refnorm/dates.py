"""Dates as reference lists print them: "2020", "2020 Jan 6", "(2019, March 3)", "15 May 2001"."""

from __future__ import annotations

import re
from functools import lru_cache

from refnorm.model import Date

__all__ = ["MONTHS", "MONTH_PATTERN", "YEAR", "has_month_name", "month_number", "parse_date_text"]

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan januar janvier enero janeiro gennaio jän",
        "february feb febr februar février fevrier febrero fevereiro febbraio",
        "march mar mär märz maerz mars marzo março",
        "april apr avril abril aprile",
        "may mai mayo maio maggio",
        "june jun juni juin junio junho giugno",
        "july jul juli juillet julio julho luglio",
        "august aug août aout agosto",
        "september sep sept septembre septiembre setembro settembre",
        "october oct okt oktober octobre octubre outubro ottobre",
        "november nov novembre noviembre novembro",
        "december dec dez dezember décembre decembre diciembre dezembro dicembre",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_PATTERN = _MONTH_ALT
YEAR = r"(?:1[5-9]\d\d|20[0-4]\d)"
_Y_M_D = re.compile(rf"^({YEAR})[a-z]?\s*,?\s*({_MONTH_ALT})\.?(?:\s+(\d{{1,2}}))?\b", re.IGNORECASE)
_D_M_Y = re.compile(
    rf"^(?:(\d{{1,2}})\.?\s+)?({_MONTH_ALT})\.?\s+(?:(\d{{1,2}}),?\s+)?({YEAR})\b", re.IGNORECASE
)
_ISO = re.compile(rf"^({YEAR})-(\d\d)(?:-(\d\d))?\b")
_YEAR_ONLY = re.compile(rf"(?<!\d)({YEAR})(?!\d)")


_WORD = re.compile(r"[^\W\d_]+")


def has_month_name(lowered: str) -> bool:
    """Cheap test before the month regexes: does the (lower-cased) text hold a month name?"""
    return not MONTHS.keys().isdisjoint(_WORD.findall(lowered))


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _date(year: str, month: str | int | None = None, day: str | None = None) -> Date:
    y = int(year)
    m = month if isinstance(month, int) else (month_number(month) if month else None)
    d = int(day) if day and m else None
    if d is not None and not 1 <= d <= 31:
        d = None
    return Date(y, m, d)


@lru_cache(maxsize=4096)  # the same few thousand date texts ("2015", "2015 Mar") recur list after list
def parse_date_text(text: str) -> Date | None:
    """The date at the start of ``text`` (after brackets/commas), as precise as printed."""
    text = text.strip().lstrip("([").strip()
    match = _ISO.match(text)
    if match:
        month = int(match.group(2))
        if 1 <= month <= 12:
            return _date(match.group(1), month, match.group(3))
    match = _Y_M_D.match(text)
    if match:
        return _date(match.group(1), match.group(2), match.group(3))
    match = _D_M_Y.match(text)
    if match:
        return _date(match.group(4), match.group(2), match.group(1) or match.group(3))
    match = _YEAR_ONLY.search(text[:12])
    if match:
        return _date(match.group(1))
    return None
