"""Reference layouts whose parts come in an unusual order, put back into the order the stages read.

"Title here Roe, A., B. Doe and C. Poe 2014 Journal of Things, 4(1): 1-9" (a title first, then
inverted names and a bare year, as some report series print their lists) reads as
"Roe, A., B. Doe and C. Poe (2014). Title here. Journal of Things, 4(1): 1-9".
"""

from __future__ import annotations

import re

from refnorm.dates import MONTH_PATTERN, YEAR
from refnorm.parsing.authors import names_ok

__all__ = ["title_first"]

# a lower-case word (or a digit or bracket) ending the title, then "Family, I." opening the names; not
# after a capital, for "A. Roe, B." inside the name list would match as well
_NAMES_AFTER_TITLE = re.compile(r"(?<=[a-z0-9)?])\s+(?=[A-ZÀ-ÖØ-Þ][\w'’-]+,\s(?:[A-ZÀ-ÖØ-Þ]\.[\s-]?)+)")
# what closes the names: a bare year before the source's name, or a report's "May, 14 p." before its year
_END_OF_NAMES = re.compile(
    rf"\s(?:(?P<year>{YEAR})[a-z]?\s+(?=[A-ZÀ-ÖØ-Þ])|(?=(?i:{MONTH_PATTERN})\.?,\s*\d+\s*p\.))"
)
_SENTENCE_END = re.compile(r"[a-zß-ÿ]{2}[.?!]\s+[A-ZÀ-ÖØ-Þ]")
_MIN_TITLE = 15  # characters: a shorter opening is no title
_MAX_NAMES = 400  # characters the name list may take


def title_first(text: str) -> str | None:
    """The text with its names and year moved before the title, when it opens with a title
    followed by an inverted name list and a bare year; None when it has no such layout."""
    start = _NAMES_AFTER_TITLE.search(text, _MIN_TITLE)
    if start is None or _SENTENCE_END.search(text, 0, start.start()):
        return None  # a title of one sentence: "Roe A. Title. Journal" opens with its names already
    close = _END_OF_NAMES.search(text, start.end(), start.end() + _MAX_NAMES)
    if close is None:
        return None
    names = text[start.end() : close.start()]
    if not names_ok(names, strict=False):
        return None
    title = text[: start.start()]
    if close.group("year"):
        return f"{names} ({close.group('year')}). {title}. {text[close.end() :]}"
    return f"{names}. {title}. {text[close.end() :]}"
