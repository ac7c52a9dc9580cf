"""What no field took: runs of words the parse placed nowhere, so they can be kept, not lost."""

from __future__ import annotations

import re

from refnorm.dates import month_number
from refnorm.parsing.scratch import Fields

__all__ = ["unplaced_runs"]

_WORD = re.compile(r"[^\W_]+")
# a quick first look: ASCII letters and digits only (faster than the Unicode class; "münchen" splits into
# "m" and "nchen" on both sides alike, which is all the comparison needs)
_ROUGH_WORD = re.compile(r"[a-z0-9]+")


# the words that only mark a part ("edited by", "pp.", "Retrieved from", "et al.", "Hrsg.", "und"): a run of
# them is the reference's frame, not its content, and placing the part they mark is enough
_FRAME_WORDS = frozenset(
    """
    a al and at auch aufl autumn available band bd by cited dans de der des di do doi ed edited edition
    editor editors eds edn et fall from heft hg hgg hrsg http https in issue jahrgang jg nr no nos number
    of on online p page pages part pp retrieved s see serie série spring ss summer supp suppl t teil the to
    tome trans translated u und url v vol vols volume winter www y
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def _placed_text(fields: Fields) -> str:
    """Everything the parse put somewhere, lower-cased into one string to search words in."""
    pieces = [*fields.variables.values(), *fields.leftovers]
    for name in (*fields.author, *fields.editor, *fields.translator):
        pieces.extend(
            (name.family, name.given, name.non_dropping_particle, name.dropping_particle, name.literal)
        )
    return " ".join(pieces).lower()


def unplaced_runs(source: str, fields: Fields) -> list[str]:
    """The stretches of ``source`` holding two content words, or one capitalised name, that no field (nor
    a leftover, nor a date) took: "…, Springer-Verlag, New York, pp. 3-9" read as pages alone loses the
    imprint."""
    placed = _placed_text(fields)
    years = {str(date.year) for date in (fields.issued, fields.accessed) if date and date.year}
    # the common case, cheaply: every word of the source is a word of the fields, a year or a frame word
    if not set(_ROUGH_WORD.findall(source.lower())).difference(
        _ROUGH_WORD.findall(placed), years, _FRAME_WORDS
    ):
        return []
    runs: list[str] = []
    start = end = -1
    content = 0
    named = False  # a capitalised word of four letters or more: a name or a place, worth keeping alone
    for word in _WORD.finditer(source):
        token = word.group(0)
        lowered = token.lower()
        kept = lowered in placed or token in years or month_number(token) is not None
        if not kept:
            if start < 0:
                start, content = word.start(), 0
            end = word.end()
            content += lowered not in _FRAME_WORDS and not (token.isdigit() and len(token) < 3)
            named = named or (token[:1].isupper() and len(token) >= 4 and lowered not in _FRAME_WORDS)
            continue
        if start >= 0 and (content >= 2 or named):
            runs.append(source[start:end])
        start, named = -1, False
    if start >= 0 and (content >= 2 or named):
        runs.append(source[start:end])
    return runs
