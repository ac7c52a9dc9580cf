"""Split a reference list (or a whole page holding one) into entries.

Two modes, chosen per input:

* **numbered** — the longest run of line-start list numbers of one marker style
  (``1.``, ``1)``, ``(1)``, ``[1]``, ``1 ``, superscript) that counts up. Text before and
  after the run is page furniture. Entries whose line break was lost ("…2020. 6. Ogay V")
  are recovered by looking for the *next expected number* inside an entry, accepted only
  with end-of-reference cues around it (:func:`inline_cue_score`).
* **unnumbered** — a blank line always ends an entry; inside a block, whether a line
  continues the previous one is a *score* of small named signals (:func:`join_signals`)
  compared with zero, as AnyStyle does. Blocks that are not references (navigation,
  prose, phone numbers, headings) are dropped.

Lines of one entry are joined with single spaces; end-of-line hyphenation is undone only
where the hyphen was a break (:func:`join_lines`). Everything runs in time linear in the
input and never raises on bad text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from refnorm.diagnostics import Diagnostic, Severity, register

__all__ = [
    "JOIN_THRESHOLD",
    "Chunk",
    "JoinContext",
    "author_start_strength",
    "inline_cue_score",
    "join_lines",
    "join_signals",
    "should_join",
    "split_entries",
]

S101 = register("S101", "entry recovered from a line that held two entries (lost line break)")
S102 = register("S102", "list number missing from the sequence")
S103 = register("S103", "list number repeated")
S104 = register("S104", "text around the list dropped (not a reference)")


@dataclass(frozen=True, slots=True)
class Chunk:
    """One entry's text, its printed list number (``""`` if none) and its first 1-based input line."""

    text: str
    label: str = ""
    line: int = 1
    diagnostics: tuple[Diagnostic, ...] = ()


# ── input clean-up ──────────────────────────────────────────────────────────────────────

_NEWLINES = re.compile(r"\r\n?|[\f\v\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff\ufffd]")
_ODD_SPACE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True, slots=True)
class _Line:
    no: int  # 1-based line number in the input
    indent: int  # leading whitespace, tabs counted as 4
    width: int  # visual length including the indent
    text: str  # stripped, inner whitespace collapsed


def _lines(text: str) -> list[_Line]:
    text = _NEWLINES.sub("\n", text)
    text = _ODD_SPACE.sub(" ", _CONTROL.sub("", text))
    out = []
    for no, raw in enumerate(text.split("\n"), 1):
        expanded = raw.expandtabs(4).rstrip()
        body = " ".join(expanded.split())
        if _SOFT_HYPHEN in body:  # a discretionary hyphen marks a break only at the end of a line
            body = body.replace(_SOFT_HYPHEN, "") + ("-" if body.endswith(_SOFT_HYPHEN) else "")
        indent = len(expanded) - len(expanded.lstrip())
        out.append(_Line(no, indent, len(expanded), body))
    return out


# ── lexical cues shared by both modes ───────────────────────────────────────────────────

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_YEAR_START = re.compile(r"(?:1[5-9]\d\d|20\d\d)[a-z]?[.:,)]")
_ENTRY_END = re.compile(
    r"(?:(?<!\d)(?:1[5-9]\d\d|20\d\d)[a-z]?\)?|\d+\s?[-–—]\s?\d+|(?:https?://|www\.|doi:?\s?10\.)\S+)[.)]?$"
)
_PAGE_RANGE_END = re.compile(r"\d+\s?[-–—]\s?\d+[.)]?$")
_DOI_TOKEN = re.compile(r"(?:doi:?|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/", re.IGNORECASE)
_URL_TOKEN = re.compile(r"<?(?:https?://|ftp://|www\.)", re.IGNORECASE)
_INITIALS = re.compile(r"(?:[A-ZÀ-Þ]\.-?){1,3},?$")
_CAPS = re.compile(r"[A-ZÀ-Þ]{1,3}[,.]?$")
_BULLET = re.compile(r"(?:[•●▪◦‣∙·■□►▶➢✓]|[-*–](?=\s))\s*")
_REPEAT_DASH = re.compile(r"(?:[-–—_]{2,}|—)")
# Words after which a number is part of the reference ("Vol. 2.", "Part 3."), not a list number.
_NUMBER_WORDS = frozenset(
    """vol vols volume no nos nr number issue iss pp p pg pgs page pages s bd band heft teil tome t
    part pt chapter chap ch ed eds edn edition art fig figure table tab section sec suppl sup book
    livre tomo n° núm num anno jg jahrgang series ser rev""".split()  # noqa: SIM905
)
# A line ending in one of these words (or in , ; : & ( ) is not the end of a reference.
_OPEN_WORDS = frozenset(
    """and of the in for with to on at a an by from &amp; und et y e de del la le les der die das
    des von van zu dans sur en per con para available retrieved""".split()  # noqa: SIM905
)


def _first_token(text: str) -> str:
    cut = text.find(" ")
    return text if cut < 0 else text[:cut]


def _last_token(text: str) -> str:
    return text[text.rfind(" ") + 1 :]


def _is_word_start_upper(token: str) -> bool:
    return bool(token) and token[0].isupper()


def _namelike(token: str) -> bool:
    """A capitalised word made of letters, hyphens and apostrophes ("D’Antuono", "Geiger-Brown")."""
    word = token.replace("-", "").replace("'", "").replace("’", "")
    return word.isalpha() and token[0].isupper()


def author_start_strength(text: str) -> int:
    """How surely *text* begins like an author list: 2 for "Li F,", "Kramer, S. L.", "J. P. Collman",
    "GREEN, C", "Dooley, Ben."; 1 for the looser "Surname, Firstname"; 0 otherwise."""
    tokens = text[:80].split(" ", 3)
    t0 = tokens[0]
    t1 = tokens[1] if len(tokens) > 1 else ""
    t2 = tokens[2] if len(tokens) > 2 else ""
    if not t0 or not t1 or not t0[0].isupper():
        return 0
    surname = t0[:-1]
    if t0[-1] == "," and len(surname) > 1 and _namelike(surname):
        if _INITIALS.match(t1) or (surname.isupper() and len(surname) > 2):
            return 2
        if not _namelike(t1.rstrip(",.")):
            return 0
        if t1[-1] in ",." or _INITIALS.match(t2):  # "Dooley, Ben." / "Smith, John," / "Jones, Ward E."
            return 2
        return 1
    if t0[-1] in ".," and surname.isupper() and len(surname) > 2 and surname.isalpha():
        return 2  # "SDDCTEA. 2011." / "USEPA, 2010."
    if t0.isupper() and len(t0) > 3 and _namelike(t0) and _namelike(t1.rstrip(",")) and t1[-1] == ",":
        return 2  # "RAMADIER Thierry,", "DJAMENT-TRAN Géraldine,"
    if _INITIALS.match(t0):
        return 2 if t1[0].isupper() else 0
    if t0.isalpha() and t0.isupper() and len(t0) <= 3:  # "AM Trinkoff", "JS Smith"
        return 2 if _namelike(t1.rstrip(",")) and t1[-1] == "," else 0
    if _namelike(t0):
        if _CAPS.match(t1) or _INITIALS.match(t1):  # Vancouver "Li F," / "Pixley JS." / "Marengo S.M.,"
            return 2
        if _namelike(t1) and (_CAPS.match(t2) or _INITIALS.match(t2)) and t2[-1:] in ",.":
            return 2  # "Mahdavi Gorabi A," / "Moreno Velásquez I."
    return 0


def looks_like_author_start(text: str) -> bool:
    """Does *text* begin like an author list ("Li F,", "Kramer, S. L.", "Smith, John")?"""
    return author_start_strength(text) > 0


# ── hyphenation-aware line joining ──────────────────────────────────────────────────────

# First parts after which a line-end hyphen is a real hyphen ("self-\nassessment").
_PREFIXES = frozenset(
    """self non anti co cross post pre multi inter intra extra ultra semi quasi pseudo meta mid
    well long short high low full half over under all ex neo socio bio eco micro macro nano
    state large small middle mixed open non-small""".split()  # noqa: SIM905
)
# Second parts that make a compound rather than the rest of a broken word ("jelly-\nderived").
_SECOND_PARTS = frozenset(
    """derived based induced related dependent independent specific mediated free like associated
    containing type wide term scale level time year old up down making rich driven oriented
    positive negative sensitive resistant treated linked bound specific controlled selected
    reported centered centred shaped sized born friendly aware making enabled specific
    infected exposed matched adjusted stimulated activated deficient producing expressing
    regulated targeted loaded coated modified derived""".split()  # noqa: SIM905
)
_TRAILING_WORD = re.compile(r"[^\W\d_]+$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")


def _keeps_hyphen(left: str, right: str) -> bool:
    """Is the hyphen at the end of *left* a real one (kept) rather than a line-break hyphen?"""
    head = right[:1]
    if not head.isalpha() or head.isupper():  # "1857-\n1866", "Wisconsin-\nMadison", "-\n(…"
        return True
    token = _last_token(left)
    if "-" in token[:-1] or any(c.isdigit() for c in token):  # "state-of-the-\nart", "β2-\nagonist"
        return True
    first = _TRAILING_WORD.search(token[:-1])
    second = _LEADING_WORD.match(right)
    if first is None or second is None:
        return True
    first_word, second_word = first.group().lower(), second.group().lower()
    if len(first_word) == 1 or first_word in _PREFIXES or second_word in _SECOND_PARTS:
        return True
    return first_word[0].isupper() and len(first_word) <= 2  # "T-\ncell"


def _joint(left: str, right: str) -> tuple[int, str]:
    """How line *right* attaches to line *left*: (characters to cut off *left*, separator)."""
    token = _last_token(left)
    url_like = bool(_URL_TOKEN.match(token) or _DOI_TOKEN.match(token))
    if url_like and token[-1] in "/-_.?=&#" and (right[:1].islower() or right[:1].isdigit()):
        return 0, ""  # a DOI or URL broken across lines stays one token
    if left.endswith("-") and len(token) > 1 and token[-2] not in "-–—":
        return (0, "") if _keeps_hyphen(left, right) else (1, "")
    return 0, " "


def _join(parts: Sequence[str]) -> tuple[str, list[int]]:
    """Join the lines of one entry; also return where each line starts in the result."""
    pieces: list[str] = []
    starts: list[int] = []
    length = 0
    prev = ""
    for part in parts:
        if prev and part:
            cut, sep = _joint(prev, part)
            if cut:
                pieces[-1] = pieces[-1][:-cut]
            pieces.append(sep)
            length += len(sep) - cut
        starts.append(length)
        if part:
            pieces.append(part)
            length += len(part)
            prev = part
    return "".join(pieces), starts


def join_lines(parts: Iterable[str]) -> str:
    """Join the lines of one entry with single spaces, undoing line-break hyphenation only."""
    return _join([" ".join(part.split()) for part in parts])[0]


# ── unnumbered lists: the line-join score ───────────────────────────────────────────────

JOIN_THRESHOLD = 0


@dataclass(frozen=True, slots=True)
class JoinContext:
    """What a join decision may know beyond the two lines.

    ``width`` is the wrap width of hard-wrapped text, ``0`` when the lines are not wrapped
    (every next word would have fitted), ``None`` when unknown; ``start_indent`` the indent
    entries start at when indentation marks them (hanging or first-line), else ``None``;
    ``blank_separated`` whether blank lines separate the entries of this list; ``entry`` the
    entry text gathered so far.
    """

    width: int | None = None
    start_indent: int | None = None
    blank_separated: bool = False
    entry: str = ""


# Words that open a later part of a reference, never a reference itself.
_CONTINUATION_WORDS = frozenset(
    """accessed retrieved available trans. translated edited ed. eds. in: in vol. vols. volume pp. p.
    published acesso accedido zugriff
    reprint reprinted repr. online url: doi: abgerufen consulté consultado hrsg. hg. s. bd. no.
    nr. isbn issn pmid pmcid""".split()  # noqa: SIM905
)
_NAME_PARTICLES = frozenset("von van der den del della des dos das und and et les".split())  # noqa: SIM905
_SHORT_LINE = 25


def _ends_open(prev: str) -> bool:
    last = _last_token(prev)
    if prev[-1] in ",;:&(/[“‘«":
        return not (prev[-1] == "/" and _URL_TOKEN.match(last))  # a URL may end in "/"
    return last.lower() in _OPEN_WORDS


_SENTENCE_BREAK = re.compile(r"[^\W\d_]{3}[.?!][”\"']?\s")


def _past_authors(text: str) -> bool:
    """Has the entry got past its authors? (a lower-case title word, or two sentence breaks
    that are not initials: "Gibson, William. Burning Chrome. New York: …")"""
    if any(w.isalpha() and w.islower() and len(w) >= 4 and w not in _NAME_PARTICLES for w in text.split()):
        return True
    return len(_SENTENCE_BREAK.findall(text)) >= 2


_ANY_NUMBER = re.compile(r"(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s")
_IDENTIFIER_TAIL = re.compile(r"[\w./\-?=&#%~:;()<>]+")


def _broken_identifier(prev: str, nxt: str, first: str) -> bool:
    """Does a DOI or URL at the end of *prev* go on at the start of the next line *nxt*?"""
    token = _last_token(prev)
    if not (_URL_TOKEN.match(token) or _DOI_TOKEN.match(token)) or token[-1] not in "/._-?=&#":
        return False
    if not (first[:1].islower() or first[:1].isdigit()) or not _IDENTIFIER_TAIL.fullmatch(first):
        return False
    return not author_start_strength(nxt[len(first) :].lstrip())  # "103. Buldum, A.;" starts an entry


def join_signals(
    prev: str, nxt: str, ctx: JoinContext = JoinContext(), prev_width: int = -1, next_indent: int = 0
) -> dict[str, int]:
    """Named signals for "does *nxt* continue the entry whose last line is *prev*?" (> 0: yes)."""
    signals: dict[str, int] = {}
    if not prev or not nxt:
        return signals
    first = _first_token(nxt)
    head = nxt[0]
    entry = ctx.entry or prev
    if _BULLET.match(nxt):
        signals["bullet"] = -6 if head not in "-–*" else -2  # a dash may also be punctuation
    elif _REPEAT_DASH.match(nxt):
        signals["repeat_dash"] = -4  # "———. 1990. Title" repeats the previous author
    if ctx.start_indent is not None:
        signals["indent"] = 6 if next_indent > ctx.start_indent else -6
    if ctx.blank_separated:
        signals["same_block"] = 2
    if ctx.width is not None:
        width = prev_width if prev_width >= 0 else len(prev)
        # Greedy wrapping would have put the next word on this line if it fitted there.
        # Characters stand in for a proportional font: a word that fits only just is weak evidence.
        need = width + 1 + len(first)
        if ctx.width == 0 or need <= ctx.width - max(2, ctx.width // 25):
            signals["fits"] = -3
        else:
            signals["fits"] = -1 if need <= ctx.width else 3
        if ctx.width and len(nxt) < _SHORT_LINE:
            signals["short_tail"] = 2  # a whole reference is seldom this short
    if ctx.width != 0 and _broken_identifier(prev, nxt, first):
        signals["broken_identifier"] = 6  # "doi: 10.1016/j.cell.2006." + "07.024."
    elif prev.endswith("-") and head.isalnum():
        signals["hyphen"] = 4
    elif _ends_open(prev):
        signals["open_end"] = 2
    elif prev.endswith("."):
        last = _last_token(prev)
        signals["closed_end"] = 2 if _INITIALS.match(last) and len(last) <= 6 else -1
    ending = _ENTRY_END.search(prev[-80:])
    if ending and (
        not _YEAR.fullmatch(ending.group().strip(".()")) or _past_authors(entry[: -len(ending.group())])
    ):
        signals["ref_end"] = -2  # a page range, DOI, URL, or a year after the title closes a reference
    if first.lstrip("[(").lower() in _CONTINUATION_WORDS:
        signals["continuation_word"] = 4  # a reference never starts with "Accessed", "In:", "pp."
    elif head.islower():
        signals["lower_start"] = 2
    elif head.isdigit() and not _ANY_NUMBER.match(nxt):
        signals["digit_start"] = 2
    elif _URL_TOKEN.match(first) or first.lower().startswith("doi"):
        signals["url_start"] = 2
    elif strength := author_start_strength(nxt):
        signals["author_start"] = -1 - 2 * (strength - 1)
    elif (number := _ANY_NUMBER.match(nxt)) and author_start_strength(nxt[number.end() :]) == 2:
        signals["numbered_start"] = -3  # "[49] C. Fowlkes and …": an entry keeping its own number
    if not _YEAR.search(entry):
        signals["no_year_yet"] = 1
    if entry.count("(") > entry.count(")") or entry.count("“") > entry.count("”"):
        signals["open_bracket"] = 2
    return signals


def should_join(prev: str, nxt: str, ctx: JoinContext = JoinContext()) -> bool:
    """Whether *nxt* continues the entry ending with *prev* (sum of :func:`join_signals` > threshold)."""
    return sum(join_signals(prev, nxt, ctx).values()) > JOIN_THRESHOLD


def _blocks(lines: Sequence[_Line]) -> list[list[_Line]]:
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _wrap_width(blocks: Sequence[Sequence[_Line]]) -> int | None:
    """The wrap width of hard-wrapped text: 0 when the lines do not look wrapped, None if unknown."""
    widths = [
        line.width
        for block in blocks
        if len(block) > 1
        for line in block
        if " " in line.text and max(len(t) for t in line.text.split(" ")) < 30
    ]
    if not widths:
        return None
    width = max(widths)
    if len(widths) < 3:
        return width
    near = sum(1 for w in widths if w >= 0.8 * width)
    return width if near >= 0.4 * len(widths) else 0


def _start_indent(blocks: Sequence[Sequence[_Line]]) -> int | None:
    """The indent entries start at, when indentation marks entries (hanging or first-line)."""
    indents = {line.indent for block in blocks for line in block}
    if len(indents) < 2:
        return None
    firsts = [block[0].indent for block in blocks]
    start = max(set(firsts), key=firsts.count)
    others = sum(1 for block in blocks for line in block[1:] if line.indent != start)
    starts = sum(1 for block in blocks for line in block if line.indent == start)
    # Indentation means something only if both kinds of line occur more than once or twice.
    return start if others >= 2 and starts >= 2 else None


_HEADING = re.compile(
    r"(?:references?|bibliography|works cited|literature(?: cited)?|sources|further reading|notes|"
    r"literatur(?:verzeichnis)?|bibliographie|références|referencias|bibliografía|citations)\s*:?",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}|(?<!\d)\d{3}[-.]\d{3}[-.]\d{4}(?!\d)|\+\d{1,3}\s\(?\d")


def _is_furniture(text: str) -> bool:
    """Page text that is not a reference: headings, navigation, prose, calls to action."""
    if (
        _HEADING.fullmatch(text)
        or _PHONE.search(text)
        or "©" in text
        or "all rights reserved" in text.lower()
    ):
        return True
    has_digit = _DIGIT.search(text) is not None
    inner = text[:-1]
    if not has_digit and not any(c in inner for c in ".,;:"):
        return True  # "New Patient?", "Home /Treatments", a title line
    words = text.split()
    if len(words) >= 25 and not _YEAR.search(text) and not looks_like_author_start(text):
        lower = sum(1 for w in words if w[0].islower())
        return lower >= 0.8 * len(words)  # running prose
    return False


_BULLET_STRIP_SHARE = 0.5
_CONTEXT = 400  # characters of the entry so far that the join signals look at


def _split_unnumbered(lines: Sequence[_Line]) -> list[Chunk]:
    blocks = _blocks(lines)
    width = _wrap_width(blocks)
    start_indent = _start_indent(blocks)
    blank_separated = len(blocks) >= 3 and sum(len(b) > 1 for b in blocks) >= 2
    entries: list[list[_Line]] = []
    for block in blocks:
        current = [block[0]]
        tail = block[0].text[-_CONTEXT:]  # bounded, so one huge entry stays linear
        for line in block[1:]:
            prev = current[-1]
            ctx = JoinContext(width, start_indent, blank_separated, tail)
            if (
                sum(join_signals(prev.text, line.text, ctx, prev.width, line.indent).values())
                > JOIN_THRESHOLD
            ):
                current.append(line)
                tail = f"{tail} {line.text}"[-_CONTEXT:]
            else:
                entries.append(current)
                current = [line]
                tail = line.text[-_CONTEXT:]
        entries.append(current)
    bulleted = sum(1 for e in entries if _BULLET.match(e[0].text))
    strip_bullets = bulleted >= 2 and bulleted >= _BULLET_STRIP_SHARE * len(entries)
    chunks: list[Chunk] = []
    dropped: list[_Line] = []
    for entry in entries:
        text = join_lines(x.text for x in entry)
        if strip_bullets:
            text = _BULLET.sub("", text, count=1) if _BULLET.match(text) else text
        if _is_furniture(text):
            dropped.append(entry[0])
            continue
        chunks.append(Chunk(text, "", entry[0].no))
    return _attach_dropped(chunks, dropped)


def _attach_dropped(chunks: list[Chunk], dropped: Sequence[_Line]) -> list[Chunk]:
    """Record dropped page text as info diagnostics, one per run of lines, on the next (else last) entry."""
    if not dropped or not chunks:
        return chunks
    runs: list[list[_Line]] = []
    for line in dropped:
        if runs and line.no <= runs[-1][-1].no + 2:
            runs[-1].append(line)
        else:
            runs.append([line])
    firsts = [chunk.line for chunk in chunks]
    extra: dict[int, list[Diagnostic]] = {}
    for run in runs:
        index = min(bisect.bisect_left(firsts, run[0].no), len(chunks) - 1)
        text = run[0].text if len(run[0].text) <= 40 else run[0].text[:37] + "..."
        where = f"line {run[0].no}" if len(run) == 1 else f"lines {run[0].no}-{run[-1].no}"
        message = f"dropped non-reference text at {where}: {text!r}"
        extra.setdefault(index, []).append(
            Diagnostic(S104, message, Severity.INFO, run[0].no, chunks[index].label)
        )
    return [
        Chunk(c.text, c.label, c.line, (*c.diagnostics, *extra[i])) if i in extra else c
        for i, c in enumerate(chunks)
    ]


# ── numbered lists ──────────────────────────────────────────────────────────────────────

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    at_start: re.Pattern[str]  # a marker at the start of a line
    inline: re.Pattern[str] | None  # the same marker inside running text (lost line break)
    inline_bar: int  # cue score an inline marker needs


_STYLES = (
    _Style("bracket", re.compile(r"\[\s?(\d{1,4})\s?\]\s*"), re.compile(r"(?<!\S)\[(\d{1,4})\]\s*"), 0),
    _Style("paren", re.compile(r"\(\s?(\d{1,4})\s?\)\s*"), re.compile(r"(?<!\S)\((\d{1,4})\)\s+"), 1),
    _Style("dot", re.compile(r"(\d{1,4})\.(?![\d.])\s*"), re.compile(r"(?<!\S)(\d{1,4})\.(?![\d.])\s+"), 1),
    _Style("rparen", re.compile(r"(\d{1,4})\)\s*"), re.compile(r"(?<!\S)(\d{1,4})\)\s+"), 1),
    _Style("space", re.compile(r"(\d{1,4})\s+(?=[^\W\d_]|[\"“‘'(])"), re.compile(r"(?<!\S)(\d{1,4})\s+"), 3),
    _Style("superscript", re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})\s*"), re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})\s*"), 3),
    _Style("glued", re.compile(r"(\d{1,3})(?=[A-ZÀ-Þ][^\W\d_])"), None, 99),
)
_MAX_GAP = 5  # numbers a chain may skip (entries merged into the previous line)


@dataclass(frozen=True, slots=True)
class _Marker:
    index: int  # position in the line list
    number: int
    end: int  # where the entry text starts on that line
    start: int = 0  # where the marker starts; text before it on the line is page furniture


def _chain(lines: Sequence[_Line], style: _Style) -> list[_Marker]:
    """The longest run of line-start markers whose numbers count up (small gaps allowed)."""
    chains: list[list[_Marker]] = []
    ends: dict[int, int] = {}  # last number → chain index (most recent)
    for index, line in enumerate(lines):
        match = style.at_start.match(line.text)
        if match is None:
            continue
        if match.end() >= len(line.text) and not (index + 1 < len(lines) and lines[index + 1].text):
            continue  # a number alone on its line must be followed by its entry
        number = int(match.group(1).translate(_SUPERSCRIPT))
        marker = _Marker(index, number, match.end())
        # Duplicates (step 0) may extend a chain, but a "1" always starts a new one.
        steps = (*range(1, _MAX_GAP + 2), 0) if number > 1 else range(1, _MAX_GAP + 2)
        for step in steps:
            target = ends.get(number - step)
            if target is not None:
                chain = chains[target]
                del ends[chain[-1].number]
                chain.append(marker)
                ends[number] = target
                break
        else:
            chains.append([marker])
            ends[number] = len(chains) - 1
    return max(chains, key=len, default=[])


def inline_cue_score(before: str, after: str, run: int) -> int:
    """How much the text around an inline list number says "a new entry starts here".

    *before* is the entry text up to the number, *after* the text following it, *run* the
    length of the entry so far.
    """
    before = before.rstrip()
    if not before or not after:
        return -9
    score = 0
    last = _last_token(before)
    word = last.rstrip(".").lower()
    counted = before[: -len(last)].rstrip()[-1:].isdigit()  # "300 pp." is a page count that ends an entry
    if word in _NUMBER_WORDS and not counted:
        score -= 4
    elif last[-1] in ",;:&(-–/":
        score -= 2
    elif last.endswith("."):
        score += 2
    elif last[-1].isdigit() or last[-1] in ")]”\"'>":
        score += 2 if _PAGE_RANGE_END.search(last) or _YEAR.search(last) else 1
    head = after[0]
    if head.isupper() or head in "\"“‘'«":
        score += 2 if looks_like_author_start(after) else 1
    elif _YEAR_START.match(after):
        pass  # "1990: Title" — an entry may start with its year
    elif head.islower() or head.isdigit():
        score -= 2
    if run < 15:
        score -= 3
    return score


def _split_inline(
    text: str, style: _Style, first: int, stop: int | None
) -> tuple[list[tuple[int, int, int]], int]:
    """Find list numbers first, first+1, … (below *stop*) inside *text*.

    A number in the expected sequence is taken when the cues around it say so; weaker cues
    suffice when the number after it follows too (a run of consecutive numbers is itself
    strong evidence). A number may be skipped only on strong cues. Returns
    ``(start, marker_end, number)`` triples and the next number still expected.
    """
    found: list[tuple[int, int, int]] = []
    expected = first
    if style.inline is None or (stop is not None and expected >= stop):
        return found, expected
    candidates = []
    last_seen: dict[int, int] = {}  # number → start of its last occurrence
    for match in style.inline.finditer(text):
        number = int(match.group(1).translate(_SUPERSCRIPT))
        if number >= first and (stop is None or number < stop):
            candidates.append((match.start(), match.end(), number))
            last_seen[number] = match.start()
    last_start = 0
    for start, end, number in candidates:
        if number < expected or number > expected + 2:
            continue
        score = inline_cue_score(text[max(0, start - 60) : start], text[end : end + 80], start - last_start)
        if number == expected:
            confirmed = last_seen.get(number + 1, -1) > start or (stop is not None and number + 1 == stop)
            take = score >= style.inline_bar or (confirmed and score >= style.inline_bar - 2)
        else:
            take = score >= style.inline_bar + 2
        if take:
            found.append((start, end, number))
            last_start = end
            expected = number + 1
            if stop is not None and expected >= stop:
                break
    return found, expected


def _entry_lines(lines: Sequence[_Line], start: int, stop: int) -> list[_Line]:
    """The marker line and its continuation lines, up to a blank line or *stop*."""
    out = []
    for line in lines[start:stop]:
        if not line.text:
            break
        out.append(line)
    return out


def _split_numbered(lines: Sequence[_Line], style: _Style, chain: Sequence[_Marker]) -> list[Chunk]:
    chunks: list[Chunk] = []
    used: set[int] = set()
    prefix: list[_Line] = []  # text before a list number found inside a line ("References [1] …")
    pending: list[Diagnostic] = []  # diagnostics waiting for the next entry
    previous = 0
    for pos, marker in enumerate(chain):
        following = chain[pos + 1] if pos + 1 < len(chain) else None
        block = _entry_lines(lines, marker.index, following.index if following else len(lines))
        used.update(line.no for line in block)
        if marker.start:
            prefix.append(_Line(block[0].no, 0, marker.start, lines[marker.index].text[: marker.start]))
        joined, offsets = _join([lines[marker.index].text[marker.end :], *(x.text for x in block[1:])])
        if marker.number == previous:
            label = str(marker.number)
            pending.append(
                Diagnostic(S103, f"list number {label} appears twice", line=block[0].no, label=label)
            )
        found, expected = _split_inline(
            joined, style, marker.number + 1, following.number if following else None
        )
        starts = [(0, 0, marker.number), *found]
        for i, (start, text_start, number) in enumerate(starts):
            end = starts[i + 1][0] if i + 1 < len(starts) else len(joined)
            line_no = block[max(0, bisect.bisect_right(offsets, start) - 1)].no if i else block[0].no
            if i:
                message = (
                    f"entry {number} was run together with entry {starts[i - 1][2]}; split at its number"
                )
                pending.append(Diagnostic(S101, message, line=line_no, label=str(number)))
            piece = joined[text_start:end].strip()
            if piece:
                diagnostics = tuple(replace(d, label=str(number)) for d in pending)
                chunks.append(Chunk(piece, str(number), line_no, diagnostics))
                pending = []
        if following is not None and following.number > expected:
            missing = ", ".join(str(n) for n in range(expected, following.number))
            line_no = lines[following.index].no
            message = f"list number(s) {missing} missing before {following.number}"
            pending.append(Diagnostic(S102, message, line=line_no, label=str(following.number)))
        previous = marker.number
    if pending and chunks:
        last = chunks[-1]
        chunks[-1] = Chunk(last.text, last.label, last.line, (*last.diagnostics, *pending))
    dropped = [*prefix, *(line for line in lines if line.text and line.no not in used)]
    dropped.sort(key=lambda line: line.no)
    return _attach_dropped(chunks, dropped)


def _inline_first(lines: Sequence[_Line], style: _Style, indexes: Iterable[int]) -> _Marker | None:
    """A list number 1 inside one of the given lines ("References: 1. Li F, …"), if any."""
    if style.inline is None:
        return None
    for index in indexes:
        text = lines[index].text
        if "1" not in text and "¹" not in text:
            continue
        for match in style.inline.finditer(text):
            if int(match.group(1).translate(_SUPERSCRIPT)) != 1:
                continue
            after = text[match.end() : match.end() + 80]
            if after[:1].isupper() or after[:1] in "\"“‘'«":
                return _Marker(index, 1, match.end(), match.start())
    return None


def _lead_in(lines: Sequence[_Line], first: int) -> range:
    """Indexes of the non-blank lines directly above line index *first* (a heading or a merged start)."""
    top = first
    while top > 0 and lines[top - 1].text and first - top < 3:
        top -= 1
    return range(top, first)


_CONVINCING = 6  # a run of this many counting numbers is a numbered list without further checks


def _plausible(lines: Sequence[_Line], style: _Style, chain: Sequence[_Marker]) -> bool:
    """Is a run of line-start numbers really a numbered list, not numbers that happen to start lines?

    Most steps must count up by one, or skip only numbers found inside the line (lost line
    breaks); and a short run must not leave many unnumbered entries between its numbers
    (references that keep their own numbers from elsewhere).
    """
    good = 0
    for a, b in itertools.pairwise(chain):
        if b.number == a.number + 1:
            good += 1
        elif b.number > a.number + 1:
            _, expected = _split_inline(lines[a.index].text[a.end :], style, a.number + 1, b.number)
            good += expected == b.number
    if 2 * good < len(chain) - 1 or (len(chain) == 2 and not good):
        return False
    if len(chain) >= _CONVINCING:
        return True
    between = _split_unnumbered(lines[chain[0].index : chain[-1].index])
    return len(between) <= 2 * (len(chain) - 1)


def _best_chain(lines: Sequence[_Line]) -> tuple[_Style, list[_Marker]] | None:
    """The numbered list in *lines*, or None when the list is not numbered."""
    best: tuple[_Style, list[_Marker]] | None = None
    for style in _STYLES:
        chain = _chain(lines, style)
        if chain and (best is None or len(chain) > len(best[1])):
            best = (style, chain)
    if best is not None:
        style, chain = best
        if 1 < chain[0].number <= _MAX_GAP + 1:  # the list may start inside the line above
            first = _inline_first(lines, style, _lead_in(lines, chain[0].index))
            chain = [first, *chain] if first is not None else chain
        if len(chain) >= 2 and _plausible(lines, style, chain):
            return style, chain
    # No run of line-start numbers: a lone "1." at a line start or inside a line counts
    # when the numbers after it follow inline (a list whose line breaks were all lost).
    for style in _STYLES:
        start = next((c for c in _chain(lines, style) if c.number == 1), None)
        start = start or _inline_first(lines, style, range(len(lines)))
        if start is None:
            continue
        found, _ = _split_inline(lines[start.index].text[start.end :], style, 2, None)
        if len(found) >= 2 or (found and not start.start):
            return style, [start]
    if best is not None and best[1][0].number == 1 and sum(1 for x in lines if x.text) == 1:
        return best  # a single numbered entry
    return None


def split_entries(text: str) -> list[Chunk]:
    """Split *text* (a reference list, or a page holding one) into entries. Never raises."""
    if not isinstance(text, str) or not text.strip():
        return []
    lines = _lines(text)
    best = _best_chain(lines)
    if best is not None:
        return _split_numbered(lines, *best)
    return _split_unnumbered(lines)
