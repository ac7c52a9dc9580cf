"""Reference layouts whose parts come in an unusual order, put back into the order the stages read.

"Title here Roe, A., B. Doe and C. Poe 2014 Journal of Things, 4(1): 1-9" (a title first, then
inverted names and a bare year, as some report series print their lists) reads as
"Roe, A., B. Doe and C. Poe (2014). Title here. Journal of Things, 4(1): 1-9".
"""

from __future__ import annotations

import re

from refnorm.dates import YEAR
from refnorm.parsing.authors import names_ok

__all__ = ["title_first"]

# a lower-case word (or a digit or bracket) ending the title, then "Family, I." opening the names
_NAMES_AFTER_TITLE = re.compile(r"(?<=[a-z0-9)?])\s+(?=[A-ZÀ-ÖØ-Þ][\w'’-]+,\s(?:[A-ZÀ-ÖØ-Þ]\.[\s-]?)+)")
# the bare year closing the names, before the source's capitalised name
_YEAR_AFTER_NAMES = re.compile(rf"\s({YEAR})[a-z]?\s+(?=[A-ZÀ-ÖØ-Þ])")
_SENTENCE_END = re.compile(r"[a-zß-ÿ]{2}[.?!]\s")
_MIN_TITLE = 15  # characters: a shorter opening is no title
_MAX_NAMES = 400  # characters the name list may take


def title_first(text: str) -> str | None:
    """The text with its names and year moved before the title, when it opens with a title
    followed by an inverted name list and a bare year; None when it has no such layout."""
    start = _NAMES_AFTER_TITLE.search(text, _MIN_TITLE)
    if start is None or _SENTENCE_END.search(text, 0, start.start()):
        return None  # a title of one sentence: "Roe A. Title. Journal" opens with its names already
    year = _YEAR_AFTER_NAMES.search(text, start.end(), start.end() + _MAX_NAMES)
    if year is None:
        return None
    names = text[start.end() : year.start()]
    if not names_ok(names, strict=False):
        return None
    title = text[: start.start()]
    return f"{names} ({year.group(1)}). {title}. {text[year.end() :]}"
