"""Lossless .bib editing: blocks as bibtexparser reads them, byte-exact round trips, small edits."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from bibtexparser.library import Library
from bibtexparser.model import Block, Entry, ParsingFailedBlock
from bibtexparser.splitter import Splitter
from hypothesis import given, settings
from hypothesis import strategies as st

from refnorm.bibfile import (
    add_field,
    layout,
    parse_bib,
    read_bib_file,
    remove_field,
    render,
    set_key,
    set_value,
    split_blocks,
    undecodable,
    unwrap,
    write_atomic,
)
from refnorm.diagnostics import RefnormError

DATA = Path(__file__).parent / "data" / "bib"
FILES = sorted(DATA.glob("*.bib"))


def _signature(block: Block, lines: bool = True) -> tuple[Any, ...]:
    """Everything bibtexparser knows about a block, for comparing two readings.

    The Splitter does not count a newline right after a backslash; refnorm counts every line,
    so ``lines=False`` compares texts with that quirk.
    """
    parts: list[Any] = [type(block).__name__, block.start_line if lines else None, block.raw]
    if isinstance(block, ParsingFailedBlock):
        parts.append(str(block.error))
        inner = block.ignore_error_block
        if inner is not None and inner is not block:
            parts.append(_signature(inner, lines))
    if isinstance(block, Entry):
        fields = [(f.key, f.value, f.start_line if lines else None) for f in block.fields]
        parts += [block.entry_type, block.key, fields]
    else:
        parts += [getattr(block, name, None) for name in ("key", "value", "comment")]
    return tuple(parts)


def _splitter(text: str) -> list[tuple[Any, ...]]:
    logging.getLogger("bibtexparser.splitter").disabled = True
    try:
        return [_signature(block, "\\\n" not in text) for block in Splitter(text).split().blocks]
    finally:
        logging.getLogger("bibtexparser.splitter").disabled = False


def _ours(text: str) -> list[tuple[Any, ...]]:
    """refnorm's split (before parse_bib sets commented-out and garbled blocks aside)."""
    library = Library([block for block, _, _ in split_blocks(text)], fail_on_duplicate_key=False)
    return [_signature(block, "\\\n" not in text) for block in library.blocks]


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_round_trip_is_byte_exact(path: Path) -> None:
    """Rendering a parsed file with no edits gives back its exact bytes (BOM and CRLF included)."""
    text = _read(path)
    assert render(parse_bib(text)) == text


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_blocks_equal_bibtexparser_splitter(path: Path) -> None:
    """The fast splitter yields exactly the blocks bibtexparser's own Splitter yields."""
    text = _read(path).lstrip("\ufeff")
    assert _ours(text) == _splitter(text)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_block_spans_hold_their_raw_text(path: Path) -> None:
    """Each block's span in the text is its raw text, and spans are in order without overlap."""
    bib = parse_bib(_read(path))
    end = 0
    for located in bib.blocks:
        assert bib.text[located.start : located.end] == located.block.raw
        assert located.start >= end
        end = located.end


# Pieces of .bib text, good and bad, for generated files.
PIECES = [
    "@article{a1,\n  title = {A {Nested {Deep}} title},\n  year = 2001,\n}\n",
    '@book{b2, author = "Quoted, Q.", title = "Has {braces} inside", year = {1999}}\n',
    "@misc{c3,\n  note = {unbalanced {brace},\n  year = {2000},\n}\n",
    "@misc{d4 title = {no comma}}\n",
    "@string{jgr = {J. Geophys. Res.}}\n",
    '@preamble{"\\newcommand{\\x}{y}"}\n',
    "@comment{anything {goes} here}\n",
    "free text between entries, with an @ sign\n",
    "@misc(e5, title = {parenthesised})\n",
    "@article{f6,\n  journal = jgr # { letters},\n  month = jan,\n}\n",
    "@article{g7,\n  title = {Escaped \\} brace and \\{ another},\n}\n",
    "@inproceedings{h8,\n  author = {M{\\\"u}ller, J{\\'e}r{\\^o}me},\n  pages = {1--2},\n}\n",
    "@misc{i9,\n  year = {2001},\n  year = {2002},\n}\n",
    "@misc{j10,\n  title = {email@example.org @inline{x}},\n}\n",
    "  @article{k11,\n  title = {Indented start},\n}\n",
    "@article{l12,\n  title = {Unclosed\n",
    "@misc{m13}\n",
    "@misc{n14,\n}\n",
    '@misc{o15,\n  title = "quote {"} inside",\n}\n',
    "@misc{p16,\n  title = {x},\n  dangling\n}\n",
    "\r\n",
    "\n\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_generated_files_match_splitter_and_round_trip(pieces: list[str]) -> None:
    """Any mix of good and broken blocks: same blocks as bibtexparser, and a byte-exact round trip."""
    text = "".join(pieces)
    assert render(parse_bib(text)) == text
    assert _ours(text) == _splitter(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='@{}(),="#\\ \naxy=1', max_size=80))
def test_arbitrary_text_never_raises_and_round_trips(text: str) -> None:
    """Garbage in: no exception, the same blocks as bibtexparser, the same text out."""
    assert render(parse_bib(text)) == text
    assert _ours(text) == _splitter(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("{plain}", ("{", "plain")),
        ("{with {nested} braces}", ("{", "with {nested} braces")),
        ('"quoted"', ('"', "quoted")),
        ('"quoted {with} braces"', ('"', "quoted {with} braces")),
        ("2020", ("", "2020")),
        ("jan", None),
        ('jgr # " letters"', None),
        ("{a} # {b}", None),
        ("", None),
    ],
    ids=[
        "braced",
        "nested",
        "quoted",
        "quoted-braces",
        "number",
        "macro",
        "concat",
        "concat-braced",
        "empty",
    ],
)
def test_unwrap(value: str, expected: tuple[str, str] | None) -> None:
    """unwrap gives the delimiter and literal content of single values only."""
    assert unwrap(value) == expected


SAMPLE = """% header comment
@article{one,
  author    = {Alpha, A.},
  title     = {First},
  pages     = {1-2},
}

@article{two,
  author = {Beta, B.},
  title = {Second}
}
"""


def test_set_value_changes_only_that_value() -> None:
    """Replacing one value leaves every other byte of the file alone."""
    bib = parse_bib(SAMPLE)
    where = layout(bib, 1)
    assert where is not None
    pages = where.field("pages")
    assert pages is not None
    out = render(bib, [set_value(pages, "{1--2}")])
    assert out == SAMPLE.replace("{1-2}", "{1--2}")


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (1, "  pages     = {1-2},\n  doi       = {10.1/x},\n}"),
        (2, "  title = {Second},\n  doi = {10.1/x}\n}"),
    ],
    ids=["aligned-trailing-comma", "plain-no-trailing-comma"],
)
def test_add_field_copies_the_entry_style(index: int, expected: str) -> None:
    """An added field follows the entry's indentation, '=' alignment and trailing-comma habit."""
    bib = parse_bib(SAMPLE)
    where = layout(bib, index)
    assert where is not None
    out = render(bib, [add_field(bib, where, "doi", "{10.1/x}")])
    assert expected in out
    assert parse_bib(out).library.entries[index - 1].fields[-1].key == "doi"


def test_add_field_in_crlf_file_uses_crlf() -> None:
    """An added line ends with the file's own line ending."""
    text = SAMPLE.replace("\n", "\r\n")
    bib = parse_bib(text)
    where = layout(bib, 1)
    assert where is not None
    out = render(bib, [add_field(bib, where, "doi", "{10.1/x}")])
    assert "\r\n  doi       = {10.1/x}," in out
    assert "\n" not in out.replace("\r\n", "")


@pytest.mark.parametrize("name", ["author", "title", "pages"])
def test_remove_field_keeps_the_rest_parseable(name: str) -> None:
    """Removing any field leaves the entry's other fields and a valid entry."""
    bib = parse_bib(SAMPLE)
    where = layout(bib, 1)
    assert where is not None
    item = where.field(name)
    assert item is not None
    out = render(bib, [remove_field(bib, where, item)])
    entry = parse_bib(out).library.entries[0]
    assert [f.key for f in entry.fields] == [k for k in ("author", "title", "pages") if k != name]
    assert out.endswith(SAMPLE[SAMPLE.index("\n\n@article{two") :])


def test_set_key_and_reorder_and_drop() -> None:
    """Keys can be replaced, blocks reordered and dropped; the gaps between blocks stay put."""
    bib = parse_bib(SAMPLE)
    where = layout(bib, 2)
    assert where is not None
    out = render(bib, [set_key(where, "deux")], order=[0, 2, 1])
    assert out.startswith("% header comment\n@article{deux,")
    assert [e.key for e in parse_bib(out).library.entries] == ["deux", "one"]
    dropped = render(bib, drop={1})
    assert dropped == "% header comment\n\n" + SAMPLE[SAMPLE.index("@article{two") :]


def test_layout_refuses_entries_with_duplicate_fields() -> None:
    """An entry with a repeated field cannot be edited (which one would change?)."""
    bib = parse_bib("@misc{x,\n  year = {1},\n  year = {2},\n}\n")
    assert layout(bib, 0) is None


def test_bom_is_kept() -> None:
    """A UTF-8 BOM is not part of the first block and comes back on output."""
    bib = parse_bib("\ufeff@misc{x, title = {T}}\n")
    assert bib.bom and bib.blocks[0].block.raw == "@misc{x, title = {T}}"
    assert render(bib).startswith("\ufeff@misc")


def test_read_bib_file_errors_are_caller_errors(tmp_path: Path) -> None:
    """A missing file raises RefnormError with the file name."""
    with pytest.raises(RefnormError, match="cannot read"):
        read_bib_file(tmp_path / "missing.bib")


ENCODED = [
    ("latin-1", "@misc{x, title = {Caf\xe9  au lait}}\n".encode("latin-1"), "utf-8"),
    ("cp1251", "@misc{x,\n  title = {\u041c\u0438\u0440},\n}\n".encode("cp1251"), "utf-8"),
    (
        "mixed",
        "@misc{x, title = {Caf\xe9}}\n".encode() + "@misc{y, title = {Caf\xe9}}\n".encode("latin-1"),
        "utf-8",
    ),
    ("utf-16-bom", "\ufeff@misc{x,\r\n  title = {Caf\xe9},\r\n}\r\n".encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-bom", "\ufeff@misc{x, title = {T}}\n".encode("utf-16-be"), "utf-16-be"),
]


@pytest.mark.parametrize(("data", "encoding"), [c[1:] for c in ENCODED], ids=[c[0] for c in ENCODED])
def test_files_in_other_encodings_round_trip_byte_for_byte(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    """A .bib that is not UTF-8 is read (undecodable bytes kept) and written back as the same bytes."""
    path = tmp_path / "refs.bib"
    path.write_bytes(data)
    bib = read_bib_file(path)
    assert bib.encoding == encoding
    assert [e.key for _, e in bib.entries()][:1] == ["x"]
    write_atomic(path, render(bib), bib.encoding)
    assert path.read_bytes() == data


def test_undecodable_names_the_first_byte_that_was_not_utf8() -> None:
    """undecodable() gives the line and value of the first byte kept as a lone surrogate, None if none."""
    assert undecodable(b"ok\n\xe9t\xe9".decode("utf-8", "surrogateescape")) == "2: byte 0xE9 (2 such bytes)"
    assert undecodable("caf\xe9\n") is None


def test_write_atomic_leaves_original_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the rename fails, the original file is intact and no temporary file is left behind."""
    target = tmp_path / "refs.bib"
    target.write_text("original", encoding="utf-8")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr("refnorm.bibfile.os.replace", boom)
    with pytest.raises(OSError, match="disk on fire"):
        write_atomic(target, "new text")
    assert target.read_text(encoding="utf-8") == "original"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]


def test_write_atomic_replaces_content_and_keeps_mode(tmp_path: Path) -> None:
    """A successful write replaces the content and keeps the file's permissions."""
    target = tmp_path / "refs.bib"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new ü")
    assert target.read_text(encoding="utf-8") == "new ü"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    ("text", "drop", "expected"),
    [
        ("@misc{a}\n\n% c\n@misc{b}\n\n% d\n", {2}, "@misc{a}\n\n% c\n\n% d\n"),
        ("% c\n@misc{a}\n\n@misc{b}\n", {1}, "% c\n\n@misc{b}\n"),
        ("@misc{a}\n\n@misc{b}\n@misc{c}\n\n@misc{d}\n", {1, 2}, "@misc{a}\n\n@misc{d}\n"),
        ("\n@misc{a}\n\n@misc{b}\n", {0}, "\n@misc{b}\n"),
        ("@misc{a}\n\n@misc{b}\n\n", {1}, "@misc{a}\n\n"),
    ],
    ids=["comments-keep-their-blank-lines", "comment-above", "run-of-two", "first", "last"],
)
def test_drop_takes_only_the_narrower_gaps(text: str, drop: set[int], expected: str) -> None:
    """A dropped block takes white space with it, never a comment, and kept blocks stay apart as before."""
    assert render(parse_bib(text), drop=drop) == expected
