"""Field parsing: one reference string → a :class:`Reference`.

The tagger works left to right on the text that :mod:`refnorm.extract` leaves
once identifiers are cut out, one stage per module of :mod:`refnorm.parsing`:

1. ``authors`` — the list number (label) and where the author block ends, from cues:
   a year in brackets, an opening quote, a sentence end after a name, a colon (``layout``
   first moves names printed after the title to the front);
2. ``title`` — the date when it follows the authors (author-date styles), then the title:
   quoted, or its sentences;
3. ``tail`` — "In: editors, book" (``editors``), the container, the numbers (volume, issue,
   pages, year) in the many notations styles use (``numbers``), then place and publisher
   (``imprint``). All stages write to one scratch pad (``scratch.Fields``).

:mod:`refnorm.normalize` then cleans the values and infers the type.
"""

from __future__ import annotations

import re

from refnorm.dates import YEAR, month_number, parse_date_text
from refnorm.diagnostics import Diagnostic, Severity, register
from refnorm.extract import extract_identifiers
from refnorm.model import Date, FrozenMap, Reference
from refnorm.names import NAME_ALIAS, parse_names
from refnorm.normalize import clean_text, normalize
from refnorm.parsing.authors import BULLET, SAME_AUTHOR, author_end, body_sentences, strip_label
from refnorm.parsing.coverage import unplaced_runs
from refnorm.parsing.layout import title_first
from refnorm.parsing.scratch import Fields
from refnorm.parsing.tail import container_only, series_of_a_book, take_tail
from refnorm.parsing.title import LEADING_YEAR, ROLE_AFTER_NAMES, take_date, take_title

__all__ = ["MAX_REFERENCE_LENGTH", "parse_fields"]

MAX_REFERENCE_LENGTH = 10_000  # longer "references" are not parsed field by field (see P201)

P201 = register("P201", "text too long to be one reference: kept whole in `raw`, not parsed into fields")
P202 = register("P202", "no author found")
P203 = register("P203", "no title found")
P204 = register("P204", "no year found")
P205 = register("P205", "text left over that no field took (kept in `leftovers`)")
P299 = register("P299", "internal parser error: the reference is kept unparsed (please report it)")


# AGLC after the quoted title and "(2014)": "43(10) Review of Coastal Physics 141 <https://…>" (a year
# opening it names a conference: "2007 IEEE Conference on Vision. p. 1")
_LEGAL_JOURNAL = re.compile(
    r"(?!(?:1[5-9]|20)\d\d\b)(?P<volume>\d{1,4})(?:\((?P<issue>\d{1,4})\))?\s+"
    r"(?P<container_title>[A-Z][^\d<>()]{2,120}?)\s+"
    r"(?P<page>\d{1,6})\s*(?P<url><[^<>]*>)?\s*\.?"
)


def parse_fields(text: str, *, label: str = "", line: int | None = None) -> Reference:
    """Parse one reference string. Never raises: problems become diagnostics on the result."""
    raw = text if isinstance(text, str) else str(text)
    if len(raw) > MAX_REFERENCE_LENGTH:
        diagnostic = Diagnostic(P201, f"{len(raw)} characters", Severity.WARNING, line, label)
        return _unparsed(raw, label, line, diagnostic)
    try:
        return _parse(raw, label, line)
    except Exception as error:  # an internal bug must not lose the reference
        diagnostic = Diagnostic(P299, f"{type(error).__name__}: {error}", Severity.ERROR, line, label)
        return _unparsed(raw, label, line, diagnostic)


def _unparsed(raw: str, label: str, line: int | None, diagnostic: Diagnostic) -> Reference:
    """The whole text kept in ``leftovers`` and in ``note``, so every writer carries it (no silent loss)."""
    return Reference(
        type="document",
        raw=raw,
        label=label,
        line=line,
        leftovers=(raw,),
        variables=FrozenMap({"note": clean_text(raw)}),
        diagnostics=(diagnostic,),
    )


# "R. H.Nilsson": a space lost after an initial's stop. The pattern takes the stop itself (and the
# replacement puts it back), so that a search jumps from stop to stop instead of trying every position.
_SPACED_HYPHEN_INITIAL = re.compile(r"(?<=\b[A-ZÀ-ÖØ-Þ])\.\s-(?=[A-ZÀ-ÖØ-Þ]\.)")
_SPACE_BEFORE_COMMA = re.compile(r"(?<=\S)\s+,\s*")
_STARRED_NAME = re.compile(r"(?:^|(?<=,\s)|(?<=\sand\s))\*(?=[A-ZÀ-ÖØ-Þ][\w'’-]+,\s)")
_MISSING_SPACE = re.compile(r"\.(?<=\b[A-ZÀ-ÖØ-Þ]\.)(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2})")


# Photosynthetica, ISBD: "Title. – Journal 569: 666–680, 1882.", "…1998. – Paris : Esempio": a dash after a
# sentence's stop only separates its parts (not after an initial: "ROE D. – Title" keeps its own reading)
_DASH_AFTER_STOP = re.compile(r"(?:(?<=\w\w[.?!])|(?<=\)[.?!]))\s+[–—]\s+")


# "pp. 83~89", "19 (1) (2005) 1?20": a range's dash that a font or character set turned into "~" or "?"
_LOST_DASH = re.compile(r"(?<=\d)[~?](?=\d)")


_BARE_YEAR_AT_END = re.compile(rf"(?<=[^\W\d]{{2}})(?<![Yy]ear)(?<!Jahr)(?<!année)(?<!año) ({YEAR})$")
_DAY_MONTH_BEFORE = re.compile(r"(?:\b\d{1,2}(?:[-–]\d{1,2})?\.?\s+)?\b([^\W\d]{3,9})\.?$")


# what a taken place or publisher leaves inside brackets: "( , 1963-1979)" → "(1963-1979)"
_ORPHAN_PUNCTUATION = re.compile(r"(?<=[(\[])\s*[,;:.]\s*|\s*[,;:]\s*(?=[)\]])")


def _take_bare_year_at_end(fields: Fields) -> None:
    """ "… Washington, D.C.: American Psychological Association 2005.": a year no stop or comma sets off,
    closing the field that closes the reference, is its date when nothing else gave one."""
    for key in ("title", "publisher", "container-title"):
        value = fields.variables.get(key, "")
        year = _BARE_YEAR_AT_END.search(value) if value[-1:].isdigit() else None
        if year:
            start = year.start()
            month = _DAY_MONTH_BEFORE.search(value, 0, start)  # "… Migration 1 August 2008"
            if month and month_number(month.group(1)):
                start = month.start()
            fields.issued = parse_date_text(value[start:]) or Date(int(year.group(1)))
            fields.variables[key] = value[:start].rstrip(" ,")
            return


def _parse(raw: str, label: str, line: int | None) -> Reference:
    text = clean_text(raw)
    printed_label, text = strip_label(text)
    label = label or printed_label
    text, same_author = SAME_AUTHOR.subn("", text)
    text = BULLET.sub("", text) if not same_author else text
    extracted = extract_identifiers(text)
    fields = Fields(variables={k: v for k, v in extracted.variables.items() if k not in {"pii", "arxiv"}})
    if "pii" in extracted.variables:
        fields.variables["note"] = f"pii: {extracted.variables['pii']}"
    if "arxiv" in extracted.variables:
        fields.variables["number"] = f"arXiv:{extracted.variables['arxiv']}"
        fields.hints.add("preprint")
    fields.accessed = extracted.accessed
    if extracted.online:
        fields.hints.add("online")
    text = extracted.text
    if " ," in text:  # "Ann Roe , Carl Doe ,": a space before a comma is a typing slip
        text = _SPACE_BEFORE_COMMA.sub(", ", text)
    if "*" in text:  # CV lists: "Roe, E., *Doe, N., Title": the star marks a student co-author
        text = _STARRED_NAME.sub("", text)
    if "." in text:  # identifiers are out already, so no DOI or URL is touched
        text = _MISSING_SPACE.sub(". ", text)
        if ". -" in text:
            text = _SPACED_HYPHEN_INITIAL.sub(".-", text)  # "Charcot, J. -M." is J.-M.
    if "– " in text or "— " in text:
        text = _DASH_AFTER_STOP.sub(" ", text)
    if "~" in text or "?" in text:  # after the identifiers: a URL keeps its "?" and "~"
        text = _LOST_DASH.sub("–", text)
    source = text  # what the fields must account for (identifiers are out already)
    leading_year = LEADING_YEAR.match(text)  # "1995: Ulf Preuss-Lausitz: Title …" (lists sorted by year)
    if leading_year:
        fields.issued = Date(int(leading_year.group(1)))
        text = text[leading_year.end() :]

    end = 0 if same_author else author_end(text)  # "———. Title": the previous entry's authors
    if not end and not same_author:
        reordered = title_first(text)  # "Title Roe, A. and B. Doe 2014 Journal, 4(1): 1-9"
        if reordered:
            text = reordered
            end = author_end(text)
    if end:
        block = text[:end]
        names = body_sentences(block) or parse_names(block)  # "Ministry of Roads. Bureau of Bridges. (2011)."
        fields.truncated = names.truncated
        if names.editors:
            fields.editor = names.names
            fields.hints.add("edited-book")
        else:
            fields.author = names.names
        if "(" in block and names.names and not names.names[0].literal:  # the name list dropped them
            fields.leftovers.extend(alias.group(0).strip(" ()") for alias in NAME_ALIAS.finditer(block))
        text = text[end:]
    comma_style = not end or text.lstrip()[:1] == ","
    before_date = text.lstrip(" .,:;")
    text = take_date(before_date, fields)
    if (
        comma_style
        and text is not before_date
        and before_date[: len(before_date) - len(text)].rstrip()[-1:] in ".:"
    ):
        comma_style = False  # "Valentine, R.L. & Lin, Y-P., 2009. The Role of …": the date closes with a stop
    elif (
        not comma_style
        and text is not before_date
        and before_date[: len(before_date) - len(text)].rstrip()[-2:] == "),"
    ):
        # "Roe, Juan (1990), La historia del molino, Siglo XXI": a comma after the bracketed date (not ApJ's
        # "Roe, A. 2011, Title, with commas (Publisher)")
        comma_style = True
    role = ROLE_AFTER_NAMES.match(text)
    if role and fields.author and not fields.editor:
        fields.editor, fields.author = fields.author, ()
        fields.hints.add("edited-book")
        text = text[role.end() :]
    text = take_title(text, fields, comma_style)
    if not fields.issued:
        text = take_date(text, fields)
    legal = _LEGAL_JOURNAL.fullmatch(text) if text[:1].isdigit() and "quoted-title" in fields.hints else None
    if legal:  # AGLC: "‘Title’ (2014) 43(10) Journal Name 141": volume, journal, first page
        for field in ("volume", "issue", "container-title", "page"):
            if legal.group(field.replace("-", "_")):
                fields.set(field, legal.group(field.replace("-", "_")).strip())
        fields.hints.add("type:article-journal")
        text = legal.group("url") or ""
    take_tail(text, fields)
    container_only(fields)
    series_of_a_book(fields)
    if fields.issued is None:
        _take_bare_year_at_end(fields)

    # bare punctuation left behind by a taken imprint ("( )") is not text worth keeping
    fields.leftovers = [
        _ORPHAN_PUNCTUATION.sub("", piece).strip()
        for piece in fields.leftovers
        if any(ch.isalnum() for ch in piece)
    ]
    fields.leftovers.extend(unplaced_runs(source, fields))  # a last check: nothing is dropped unseen
    diagnostics = []
    if not fields.author and not fields.editor:
        diagnostics.append(Diagnostic(P202, "no author found", Severity.INFO, line, label))
    if "title" not in fields.variables and "container-title" not in fields.variables:
        diagnostics.append(Diagnostic(P203, "no title found", Severity.INFO, line, label))
    if fields.issued is None:
        diagnostics.append(Diagnostic(P204, "no year found", Severity.INFO, line, label))
    if fields.leftovers:
        diagnostics.append(
            Diagnostic(P205, "not placed: " + " | ".join(fields.leftovers), Severity.INFO, line, label)
        )
    if fields.leftovers:  # text no field took travels in `note`, so BibTeX and CSL-JSON keep it too
        note = fields.variables.get("note", "")
        fields.variables["note"] = "; ".join(p for p in (note, *fields.leftovers) if p)
    reference = Reference(
        author=fields.author,
        editor=fields.editor,
        issued=fields.issued,
        accessed=fields.accessed,
        variables=FrozenMap(fields.variables),
        truncated_authors=fields.truncated,
        raw=raw,
        label=label,
        line=line,
        leftovers=tuple(fields.leftovers),
        diagnostics=tuple(diagnostics),
        extras=(("translator", [name.to_csl() for name in fields.translator]),) if fields.translator else (),
    )
    return normalize(reference, hints=frozenset(fields.hints))
