"""Lossless, minimal-diff editing of ``.bib`` files on top of bibtexparser 2.x blocks.

:func:`parse_bib` splits a file into bibtexparser blocks (``Entry``, ``String``, ``Preamble``,
comments and ``ParsingFailedBlock``) and remembers where each block sits in the text.
:func:`render` writes the file back from the *original text*: gaps between blocks, untouched
blocks and untouched fields keep their exact bytes; only the spans an edit names change. A block
bibtexparser cannot parse is a ``ParsingFailedBlock`` and is written back verbatim in its place.

Splitting speed: bibtexparser's ``Splitter`` walks every delimiter, comma and newline in Python
(about 0.8 s for 10,000 entries). :func:`split_blocks` cuts the text into chunks at each
line-start ``@type{`` (where the ``Splitter`` always starts a new block), reads plain entries with
a few non-backtracking regexes into the same ``Entry``/``Field`` objects, and hands every other
chunk (comments, ``@string``, parenthesised or broken blocks) to the real ``Splitter``. The
result is the ``Splitter``'s own result; ``tests/test_bibfile.py`` checks that block by block.
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import logging
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bibtexparser.exceptions import BlockAbortedException
from bibtexparser.library import Library
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ExplicitComment,
    Field,
    ImplicitComment,
    ParsingFailedBlock,
)
from bibtexparser.splitter import Splitter

from refnorm.diagnostics import RefnormError

__all__ = [
    "BibFile",
    "EntryLayout",
    "FieldLayout",
    "Located",
    "Replace",
    "add_field",
    "entry_of",
    "field_name",
    "layout",
    "parse_bib",
    "paused_gc",
    "read_bib_file",
    "remove_field",
    "render",
    "set_key",
    "set_value",
    "split_blocks",
    "undecodable",
    "unwrap",
    "write_atomic",
]

# -- the fast path --------------------------------------------------------------------------------
# Where the Splitter always starts a block: an `@type{` / `@type(` at the start of a line.
# (A leading "\n" rather than MULTILINE "^": the regex engine then scans for it at C speed.)
_LINE_START_BLOCK = re.compile(r"\n[^\S\n]*(@\w*[ \t]*[{(])")
_FIRST_LINE_BLOCK = re.compile(r"[^\S\n]*(@\w*[ \t]*[{(])")
# Anywhere else, outside a block, the Splitter starts one as well (then the fast path steps aside).
_ANY_BLOCK = re.compile(r"@\w*[ \t]*[{(]")
# A run of backslashes and the character after it: the Splitter never treats a character right
# after a backslash as a delimiter. Atomic, so it cannot be split differently on backtracking.
_ESC = r"(?>\\+[\s\S]?)"
_MAX_DEPTH = 6


def _braced(depth: int) -> str:
    inner = rf"[^{{}}\\]++|{_ESC}"
    if depth > 0:
        inner += "|" + _braced(depth - 1)
    return rf"\{{(?:{inner})*+\}}"


_BRACED_SRC = _braced(_MAX_DEPTH)
# Inside quotes braces do not nest for the Splitter ("{"} aside, which sends the chunk to it).
_QUOTED_SRC = rf'"(?:[^"\\]++|{_ESC})*+"'
_VALUE_SRC = rf'(?:[^{{}}",\\]++|{_ESC}|{_BRACED_SRC}|{_QUOTED_SRC})*+'
_ENTRY_HEAD = re.compile(r"@(\w*)[ \t]*\{([^{}\",=\\@]*)([,}])")
_FIELD = re.compile(rf"([^{{}}\",=\\@]*)=({_VALUE_SRC})([,}}])")
_CLOSE = re.compile(r"\s*\}")
_NOT_ENTRIES = ("comment", "preamble", "string")

BRACED = re.compile(_BRACED_SRC)
QUOTED = re.compile(_QUOTED_SRC)


class _Bail(Exception):
    """The fast path is not sure: the chunk goes to bibtexparser's Splitter."""


@contextmanager
def _quiet_splitter() -> Iterator[None]:
    # The Splitter logs every aborted block as a warning; we report them as diagnostics instead.
    logger = logging.getLogger("bibtexparser.splitter")
    before = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = before


def _implicit_comment(text: str, start: int, end: int, line: int) -> tuple[Block, int, int] | None:
    """The Splitter's implicit comment for ``text[start:end]`` (``line`` is the line of ``start``)."""
    chunk = text[start:end]
    stripped = chunk.lstrip()
    if not stripped:
        return None
    lead = len(chunk) - len(stripped)
    comment = stripped.rstrip()
    begin = start + lead
    block = ImplicitComment(start_line=line + chunk.count("\n", 0, lead), raw=comment, comment=comment)
    return block, begin, begin + len(comment)


def _fast_entry(text: str, at: int, end: int, line: int) -> tuple[list[tuple[Block, int, int]], int]:
    """Read one plain ``@type{key, field = value, …}`` at ``at``; raise :class:`_Bail` if unsure."""
    head = _ENTRY_HEAD.match(text, at, end)
    if head is None:
        raise _Bail
    entry_type = head.group(1).lower()
    if entry_type.startswith(_NOT_ENTRIES):
        raise _Bail
    fields: list[Field] = []
    pos = head.end()
    if head.group(3) == ",":
        # The hot loop of `refnorm check`: one findall for all fields (it may skip text between
        # matches, so the pieces are joined and compared with the text before they are trusted).
        field_line = line + text.count("\n", at, pos)
        start, closed = pos, False
        append = fields.append
        pieces: list[str] = []
        keys: list[str] = []
        for raw_key, value, stop in _FIELD.findall(text, pos, end):
            field_line += raw_key.count("\n")
            key = raw_key.strip()
            keys.append(key)
            append(Field(key, value.strip(), field_line))
            field_line += value.count("\n")
            pieces.append(f"{raw_key}={value}{stop}")
            if stop == "}":
                closed = True
                break
        joined = "".join(pieces)
        pos = start + len(joined)
        if not text.startswith(joined, start):
            raise _Bail
        if not closed:
            close = _CLOSE.match(text, pos, end)
            if close is None:
                raise _Bail
            pos = close.end()
    else:
        keys = []
    duplicates = {key for key in keys if keys.count(key) > 1} if len(set(keys)) != len(keys) else set()
    raw = text[at:pos]
    if '{"}' in raw:
        raise _Bail  # the Splitter's special case for a literal quote inside "…"
    entry = Entry(start_line=line, entry_type=entry_type, key=head.group(2).strip(), fields=fields, raw=raw)
    block: Block = DuplicateFieldKeyBlock(duplicate_keys=duplicates, entry=entry) if duplicates else entry
    return [(block, at, pos)], pos


def _splitter_blocks(
    text: str, start: int, end: int, line: int, sentinel: str
) -> list[tuple[Block, int, int]]:
    """bibtexparser's Splitter on ``text[start:end]``, as it would read it in the whole file.

    ``sentinel`` is the header of the next line-start block (``@article{``): in the whole file the
    Splitter aborts an unclosed block there, so it is appended to get the same abort here.
    """
    chunk = text[start:end]
    with _quiet_splitter():
        blocks = Splitter(chunk + sentinel).split().blocks
    if sentinel:
        blocks = blocks[:-1]  # the sentinel's own (aborted) block
    out: list[tuple[Block, int, int]] = []
    search = previous = 0
    for block in blocks:
        raw = block.raw or ""
        offset = chunk.find(raw, search)
        if offset < 0:
            # On some garbage ("@(@(") the Splitter's blocks overlap; clip the span so the
            # text is still written exactly once.
            found = chunk.find(raw, previous)
            offset = found if found >= 0 else search
        begin = min(max(offset, search), len(chunk))
        finish = min(max(offset + len(raw), begin), len(chunk))
        _shift_lines(block, line)
        out.append((block, start + begin, start + finish))
        previous, search = offset, finish
    return out


def _shift_lines(block: Block, lines: int) -> None:
    # Splitter line numbers are relative to the chunk it read.
    inner = block.ignore_error_block if isinstance(block, ParsingFailedBlock) else None
    for target in (block, inner) if inner is not None and inner is not block else (block,):
        if target.start_line is not None:
            target._start_line_in_file = target.start_line + lines
        if isinstance(target, Entry):
            for field in target.fields:
                field._start_line = field.start_line + lines


def split_blocks(text: str) -> list[tuple[Block, int, int]]:
    """bibtexparser blocks of ``text`` with their ``(start, end)`` offsets; 0-based ``start_line``."""
    first = _FIRST_LINE_BLOCK.match(text)
    starts = [first.start(1)] if first else []
    starts += [m.start(1) for m in _LINE_START_BLOCK.finditer(text)]
    out: list[tuple[Block, int, int]] = []
    bounds = [0, *starts, len(text)] if not starts or starts[0] != 0 else [*starts, len(text)]
    line = 0
    # A run of chunks the fast path leaves to the Splitter goes to it in one call (a file of
    # thousands of @string lines would otherwise pay the Splitter's set-up thousands of times).
    pending: tuple[int, int] | None = None  # (start, line) of the run
    for index in range(len(bounds) - 1):
        begin, end = bounds[index], bounds[index + 1]
        if index:
            line += text.count("\n", bounds[index - 1], begin)
        try:
            if text.startswith("@", begin):
                found, pos = _fast_entry(text, begin, end, line)
            else:
                found, pos = [], begin
            if _ANY_BLOCK.search(text, pos, end):
                raise _Bail
            tail_line = line + text.count("\n", begin, pos)
            comment = _implicit_comment(text, pos, end, tail_line)
            if comment is not None:
                found.append(comment)
        except _Bail:
            pending = pending or (begin, line)
            continue
        if pending is not None:
            out.extend(_splitter_blocks(text, pending[0], begin, pending[1], _header(text, begin)))
            pending = None
        out.extend(found)
    if pending is not None:
        out.extend(_splitter_blocks(text, pending[0], len(text), pending[1], ""))
    return out


def _header(text: str, at: int) -> str:
    """The ``@type{`` that starts the block at ``at`` ("" at the end of the text)."""
    header = _ANY_BLOCK.match(text, at)
    return header.group(0) if header else ""


# -- the file -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Located:
    """One block of a file and where it sits: ``text[start:end]`` is its raw text."""

    block: Block
    start: int
    end: int

    @property
    def line(self) -> int:
        """1-based line of the block's first character."""
        return (self.block.start_line or 0) + 1


@dataclass(frozen=True, slots=True)
class BibFile:
    """A parsed ``.bib`` file that can be written back byte for byte."""

    text: str  # decoded, without the BOM
    blocks: tuple[Located, ...]
    library: Library
    bom: bool = False
    newline: str = "\n"
    encoding: str = "utf-8"  # of the file it was read from: utf-8, utf-16-le or utf-16-be
    # blocks the Splitter read off their own text, or next to text it left between blocks (both
    # happen on garbage): a block beside one is never dropped, as another reading may cut elsewhere
    garbled: frozenset[int] = frozenset()

    def entries(self) -> Iterator[tuple[int, Entry]]:
        """``(block index, entry)`` for every entry, duplicates of a key and broken fields included."""
        for index, located in enumerate(self.blocks):
            entry = entry_of(located.block)
            if entry is not None:
                yield index, entry

    def original(self) -> str:
        """The file's text as read (BOM included)."""
        return ("\ufeff" if self.bom else "") + self.text


def parse_bib(text: str) -> BibFile:
    """Parse ``.bib`` text (never raises on bad input: broken blocks become ``ParsingFailedBlock``)."""
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    newline = "\r\n" if "\r\n" in text[:4096] else "\n"
    with paused_gc():
        return _parse(text, bom, newline)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: parsing and checking make tens of thousands of small,
    acyclic objects, and the collector would only rescan them (a third of the time, measured)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(text: str, bom: bool, newline: str) -> BibFile:
    located = split_blocks(text)
    spans: list[tuple[Block, int, int]] = []
    done = after = 0  # after: where the last block that is no comment ends
    garbled: set[int] = set()
    for position, (block, start, end) in enumerate(located):
        # Spans never overlap (the Splitter's raw texts can, on garbage): each character of the
        # text belongs to at most one block, so rendering writes it exactly once.
        following = located[position + 1][1] if position + 1 < len(located) else len(text)
        begin = max(start, done)
        finish = max(begin, min(end, max(following, begin)))
        span = text[begin:finish]
        if (block.raw or "") != span:
            garbled.add(position)
        if text[done:begin].strip():
            garbled.update((position - 1, position))
        block = _as_read(text, block, begin, span, after)
        spans.append((block, begin, finish))
        done = finish
        if not isinstance(block, ImplicitComment | ExplicitComment):
            after = finish
    library = Library([block for block, _, _ in spans], fail_on_duplicate_key=False)
    blocks = tuple(
        Located(block, start, end) for block, (_, start, end) in zip(library.blocks, spans, strict=True)
    )
    if text[done:].strip():
        garbled.add(len(located) - 1)
    if garbled:
        garbled = _garbled_regions(text, [(start, end) for _, start, end in spans], garbled)
    return BibFile(
        text=text, blocks=blocks, library=library, bom=bom, newline=newline, garbled=frozenset(garbled)
    )


def _garbled_regions(text: str, spans: list[tuple[int, int]], garbled: set[int]) -> set[int]:
    """Every block that shares its stretch of text with a garbled one: the Splitter reads the text
    from one line-start ``@type{`` to the next as a whole, so on junk all of that stretch is suspect."""
    boundaries = [0, *(m.start(1) for m in _LINE_START_BLOCK.finditer(text)), len(text)]
    out = set(garbled)
    for position in garbled:
        start, end = spans[position]
        low = boundaries[bisect.bisect_right(boundaries, start) - 1]
        high = boundaries[min(bisect.bisect_left(boundaries, max(end, start + 1)), len(boundaries) - 1)]
        first = bisect.bisect_left(spans, (low, -1))
        last = bisect.bisect_right(spans, (high, len(text) + 1))
        out.update(range(max(first - 1, 0), min(last + 1, len(spans))))
    return out


def _as_read(text: str, block: Block, start: int, span: str, after: int) -> Block:
    """The block as refnorm treats it: what sits on a ``%`` line or off its own text is no entry.

    biber (and every LaTeX user) reads ``%@article{…}`` as a commented-out entry, so it becomes an
    implicit comment that no check reads and no fix edits (``after`` is where the last block
    that is no comment ends: a ``%`` inside it is no comment sign). On garbage the Splitter can give a block
    a raw text that is not the text of its span; such a block is kept verbatim as a parse failure,
    so no edit or ``--dedupe`` can ever take text that is not the block's own (``span``, which
    starts at ``start``).
    """
    if isinstance(block, ImplicitComment | ExplicitComment):
        return block
    if "%" in text[max(after, text.rfind("\n", 0, start) + 1) : start]:
        return ImplicitComment(comment=span.strip(), start_line=block.start_line, raw=span)
    if span == block.raw or (isinstance(block, ParsingFailedBlock) and not entry_of(block)):
        return block
    error = BlockAbortedException(abort_reason="the block overlaps its neighbours (garbled text)")
    return ParsingFailedBlock(error=error, start_line=block.start_line, raw=span)


def entry_of(block: Block) -> Entry | None:
    """The entry a block holds: the entry itself, or one that bibtexparser set aside as a duplicate."""
    if isinstance(block, Entry):
        return block
    if isinstance(block, DuplicateBlockKeyBlock | DuplicateFieldKeyBlock):
        inner = block.ignore_error_block
        if isinstance(inner, Entry):
            return inner
    return None


# -- values ---------------------------------------------------------------------------------------
def unwrap(value: str) -> tuple[str, str] | None:
    """``(delimiter, content)`` of a single ``{…}``, ``"…"`` or bare-number value, else None.

    Macros (``jan``, ``@string`` names) and ``#`` concatenations give None: their text is not
    literally in the entry, so checks leave them alone.
    """
    if not value:
        return None
    first = value[0]
    if first == "{":
        if value[-1] == "}" and value.count("{") == 1 and value.count("}") == 1:
            return "{", value[1:-1]  # the common case, decided without the regex
        if BRACED.fullmatch(value):
            return "{", value[1:-1]
        return None
    if first == '"':
        if value[-1] == '"' and value.count('"') == 2:
            return '"', value[1:-1]
        if QUOTED.fullmatch(value):
            return '"', value[1:-1]
        return None
    if value.isdigit():
        return "", value
    return None


# -- layout of one entry ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FieldLayout:
    """Offsets (in the file text) of one field: ``key = value,``."""

    key: str
    key_start: int
    eq: int
    value_start: int
    value_end: int
    comma: int | None  # the comma after the value, if any


@dataclass(frozen=True, slots=True)
class EntryLayout:
    """Offsets of an entry's citation key, fields and closing delimiter."""

    key_start: int
    key_end: int
    key_comma: int | None
    fields: tuple[FieldLayout, ...]
    close: int

    def field(self, name: str) -> FieldLayout | None:
        """The first field called ``name`` (case-insensitive)."""
        lowered = name.lower()
        for item in self.fields:
            if field_name(item.key) == lowered:
                return item
        return None


_WS = re.compile(r"\s*")
_HEAD = re.compile(r"@\w*[ \t]*[{(]")


def layout(bib: BibFile, index: int) -> EntryLayout | None:
    """Where the parts of entry ``index`` are, or None when it cannot be edited safely."""
    located = bib.blocks[index]
    entry = entry_of(located.block)
    if entry is None or isinstance(located.block, DuplicateFieldKeyBlock):
        return None
    text = bib.text

    def skip(pos: int) -> int:
        match = _WS.match(text, pos)
        return match.end() if match else pos

    head = _HEAD.match(text, located.start)
    if head is None:
        return None
    pos = skip(head.end())
    if not text.startswith(entry.key, pos):
        return None
    key_start, key_end = pos, pos + len(entry.key)
    pos = skip(key_end)
    key_comma: int | None = None
    if text.startswith(",", pos):
        key_comma = pos
        pos += 1
    fields: list[FieldLayout] = []
    for field in entry.fields:
        pos = skip(pos)
        if not text.startswith(field.key, pos):
            return None
        start = pos
        pos = skip(pos + len(field.key))
        if not text.startswith("=", pos):
            return None
        eq = pos
        pos = skip(pos + 1)
        value = str(field.value)
        if not text.startswith(value, pos):
            return None
        value_start, value_end = pos, pos + len(value)
        pos = skip(value_end)
        comma = None
        if text.startswith(",", pos):
            comma = pos
            pos += 1
        fields.append(FieldLayout(field.key, start, eq, value_start, value_end, comma))
    pos = skip(pos)
    close = located.end - 1
    if pos != close:
        return None
    return EntryLayout(key_start, key_end, key_comma, tuple(fields), close)


# -- edits ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, order=True)
class Replace:
    """Replace ``text[start:end]`` of the file by ``new`` (an insertion when ``start == end``)."""

    start: int
    end: int
    new: str


def set_value(item: FieldLayout, value: str) -> Replace:
    """Replace a field's value text (delimiters included) by ``value``."""
    return Replace(item.value_start, item.value_end, value)


def set_key(entry: EntryLayout, key: str) -> Replace:
    """Replace an entry's citation key."""
    return Replace(entry.key_start, entry.key_end, key)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def add_field(bib: BibFile, entry: EntryLayout, name: str, value: str) -> Replace:
    """Insert ``name = value`` after the entry's last field, in the style of its neighbours.

    Indentation, spacing around ``=``, ``=`` alignment, key capitalisation and a trailing comma
    are copied from the fields already there, so the insertion looks hand-written.
    """
    text = bib.text
    if not entry.fields:
        pos = entry.key_comma + 1 if entry.key_comma is not None else entry.key_end
        lead = "" if entry.key_comma is not None else ","
        return Replace(pos, pos, f"{lead}{bib.newline}  {name} = {value}{bib.newline}")
    last = entry.fields[-1]
    if last.key[:1].isupper() and all(f.key[:1].isupper() for f in entry.fields):
        name = name[:1].upper() + name[1:]
    line_start = _line_start(text, last.key_start)
    multiline = not text[line_start : last.key_start].strip()
    indent = text[line_start : last.key_start] if multiline else " "
    before_eq = text[last.key_start + len(last.key) : last.eq]
    after_eq = text[last.eq + 1 : last.value_start]
    columns = {f.eq - _line_start(text, f.key_start) for f in entry.fields}
    if multiline and len(entry.fields) > 1 and len(columns) == 1:
        # aligned `=`: pad the new key to the same column
        before_eq = " " * max(1, columns.pop() - len(indent) - len(name))
    assignment = f"{name}{before_eq}={after_eq}{value}"
    breaker = bib.newline + indent if multiline else " "
    if last.comma is not None:
        return Replace(last.comma + 1, last.comma + 1, f"{breaker}{assignment},")
    return Replace(last.value_end, last.value_end, f",{breaker}{assignment}")


def remove_field(bib: BibFile, entry: EntryLayout, item: FieldLayout) -> Replace:
    """Delete a field together with its separator, leaving the neighbours' text alone."""
    position = entry.fields.index(item)
    if position + 1 < len(entry.fields):
        nxt = entry.fields[position + 1]
        return Replace(item.key_start, nxt.key_start, "")
    end = item.comma + 1 if item.comma is not None else item.value_end
    if position > 0:
        # the last field: keep the previous comma only if this field had a trailing one too
        prev = entry.fields[position - 1]
        start = prev.value_end if prev.comma is None else prev.comma + (item.comma is not None)
        return Replace(start, end, "")
    start = entry.key_comma + 1 if entry.key_comma is not None else item.key_start
    return Replace(start, end, "")


def render(
    bib: BibFile,
    replacements: Sequence[Replace] = (),
    *,
    drop: frozenset[int] | set[int] = frozenset(),
    order: Sequence[int] | None = None,
) -> str:
    """The file's text with ``replacements`` applied, blocks in ``drop`` removed and the blocks
    put in ``order`` (a permutation of block indices); the gaps between blocks stay in place.

    Everything else is the original text, so untouched blocks keep their exact bytes.
    """
    text = bib.text
    blocks = bib.blocks
    if not blocks:
        return bib.original()
    by_block: dict[int, list[Replace]] = {}
    starts = [b.start for b in blocks]
    for rep in sorted(replacements):
        by_block.setdefault(_block_at(starts, blocks, rep.start), []).append(rep)

    def block_text(index: int) -> str:
        located = blocks[index]
        reps = by_block.get(index)
        if not reps:
            return text[located.start : located.end]
        pieces: list[str] = []
        pos = located.start
        for rep in reps:
            if rep.start < pos:
                raise ValueError(f"overlapping edits at offset {rep.start}")
            pieces.append(text[pos : rep.start])
            pieces.append(rep.new)
            pos = rep.end
        pieces.append(text[pos : located.end])
        return "".join(pieces)

    gaps = [text[0 : blocks[0].start]]
    gaps += [text[blocks[i - 1].end : blocks[i].start] for i in range(1, len(blocks))]
    tail = text[blocks[-1].end :]
    out: list[str] = []
    if order is None:
        removed = _dropped_gaps(gaps, len(blocks), drop)
        for index in range(len(blocks)):
            if index not in removed:
                out.append(gaps[index])
            if index not in drop:
                out.append(block_text(index))
    else:
        # gap k goes before the k-th kept block; dropped blocks take a gap with them
        for position, index in enumerate(i for i in order if i not in drop):
            out.append(gaps[position] if position < len(gaps) else bib.newline)
            out.append(block_text(index))
    out.append(tail)
    return ("\ufeff" if bib.bom else "") + "".join(out)


def _dropped_gaps(gaps: Sequence[str], count: int, drop: frozenset[int] | set[int]) -> set[int]:
    """The gaps (all white space) that go with the dropped blocks: a run of dropped blocks between
    two kept ones keeps the widest gap around it, so the kept blocks stay apart as they were; at
    the start of the file the leading gap stays, at the end the tail does."""
    removed: set[int] = set()
    index = 0
    while index < count:
        if index not in drop:
            index += 1
            continue
        end = index
        while end + 1 < count and end + 1 in drop:
            end += 1
        around = list(range(index, end + 2))  # gap ``end + 1`` is the tail when the run ends the file
        if index == 0:
            keep = 0
        elif end + 1 == count:
            keep = count
        else:
            keep = max(around, key=lambda gap: (gaps[gap].count("\n"), -gap))
        removed.update(gap for gap in around if gap != keep and gap < count)
        index = end + 1
    return removed


def _block_at(starts: list[int], blocks: Sequence[Located], offset: int) -> int:
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0 or offset > blocks[index].end:
        raise ValueError(f"edit at offset {offset} is outside every block")
    return index


def field_name(key: str, *, lower: bool = True) -> str:
    """A field's name as biber reads it: ``% …`` comment lines before it are not part of it.

    bibtexparser keeps them in the key (``"% old value\\n  title"``); biber skips them, so that
    is ``title``. A key that is all comment (a commented-out field) stays as it is.
    """
    if "%" in key:
        names = [
            line.strip() for line in key.splitlines() if line.strip() and not line.strip().startswith("%")
        ]
        key = names[-1] if names else key
    return key.lower() if lower else key


def field_map(entry: Entry) -> Mapping[str, Field]:
    """An entry's fields by lower-case name (the first of duplicates wins)."""
    out: dict[str, Field] = {}
    for field in entry.fields:
        out.setdefault(field_name(field.key), field)
    return out


# -- files ----------------------------------------------------------------------------------------
def read_bib_file(path: str | os.PathLike[str]) -> BibFile:
    """Parse a .bib file (any line endings kept as they are) in the encoding it is written in.

    UTF-8 with or without BOM, or UTF-16 with its BOM. A file that is not valid UTF-8 (Latin-1,
    cp1252, or a mix) is read with every undecodable byte kept as a lone surrogate
    (``surrogateescape``): checks see those bytes as unknown characters, never touch them, and
    :func:`write_atomic` writes them back as the same bytes. An unreadable file is a caller
    mistake: :class:`RefnormError`.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise RefnormError(f"cannot read {path}: {error.strerror or error}") from None
    encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and len(data) % 2 == 0:
        encoding = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    try:
        text = data.decode(encoding, "surrogateescape" if encoding == "utf-8" else "strict")
    except UnicodeDecodeError:  # not UTF-16 after all
        encoding, text = "utf-8", data.decode("utf-8", "surrogateescape")
    bib = parse_bib(text)
    return bib if encoding == "utf-8" else dataclasses.replace(bib, encoding=encoding)


_UNDECODABLE = re.compile("[\udc80-\udcff]")


def undecodable(text: str) -> str | None:
    """Where the text holds bytes that were not UTF-8 (kept as lone surrogates): ``"line N: byte
    0xE9 (3 such bytes)"``, or None."""
    first = None if text.isascii() else _UNDECODABLE.search(text)
    if first is None:
        return None
    count = len(_UNDECODABLE.findall(text))
    line = text.count("\n", 0, first.start()) + 1
    return f"{line}: byte 0x{ord(first.group(0)) - 0xDC00:02X} ({count} such byte{'s' if count > 1 else ''})"


def write_atomic(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` by ``text`` atomically (see :mod:`refnorm.atomic`), in the file's encoding,
    bytes that were not UTF-8 written back as they were read."""
    from refnorm.atomic import write_atomic as write

    write(path, text, encoding=encoding, errors="surrogateescape" if encoding == "utf-8" else "strict")
