"""``refnorm convert``: any supported input (text, BibTeX, CSL-JSON, RIS) to any output format.

Exit codes: 0 converted; 1 converted, but part of the input could not be read (reported) or no
reference was found; 2 usage or input error (unreadable file, wrong encoding, empty input).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from refnorm.diagnostics import Diagnostic, RefnormError
from refnorm.formats import detect_format, get_format, readable_formats, writable_formats
from refnorm.model import Reference

__all__ = ["add_parser", "read_input", "run", "write_atomic"]


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert a reference list or bibliography to BibTeX, CSL-JSON, RIS…",
        description="Convert plain-text reference lists, .bib, CSL-JSON or RIS files to another format.",
    )
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="input file, or - for stdin (default)"
    )
    parser.add_argument("--to", required=True, choices=writable_formats(), help="output format")
    parser.add_argument(
        "--from",
        dest="source_format",
        default="auto",
        choices=["auto", *readable_formats()],
        help="input format (default: from the extension, else from the content)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout")
    parser.add_argument("--unicode", action="store_true", help="BibTeX: UTF-8 text instead of LaTeX escapes")
    parser.add_argument(
        "--report", action="store_true", help="print every diagnostic as file:line: CODE message on stderr"
    )
    parser.add_argument(
        "--dedupe", action="store_true", help="merge duplicate works; report merges on stderr"
    )
    from refnorm.crossref import add_crossref_arguments

    add_crossref_arguments(parser)
    parser.set_defaults(func=run)


def read_input(name: str) -> str:
    """The text of a file (or stdin for ``-``), or a one-line :class:`RefnormError` naming it."""
    label = "<stdin>" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except IsADirectoryError:
        raise RefnormError(f"{label}: is a directory") from None
    except FileNotFoundError:
        raise RefnormError(f"{label}: no such file") from None
    except PermissionError:
        raise RefnormError(f"{label}: permission denied") from None
    except OSError as error:
        raise RefnormError(f"{label}: cannot read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RefnormError(
            f"{label}: not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})"
        ) from None
    if not text.strip():
        raise RefnormError(f"{label}: input is empty")
    return text


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: OUT is whole or untouched."""
    from refnorm.atomic import write_atomic as write

    if Path(path).is_dir():
        raise RefnormError(f"{path}: is a directory")
    try:
        write(path, text)
    except OSError as error:
        raise RefnormError(f"{path}: cannot write ({error.strerror or error})") from None


def _dedupe(refs: list[Reference], source: str) -> tuple[list[Reference], list[Diagnostic]]:
    try:
        from refnorm.dedupe import dedupe
    except ModuleNotFoundError as error:
        if error.name != "refnorm.dedupe":
            raise
        raise RefnormError("--dedupe is not available in this version of refnorm") from None
    result = dedupe(refs)
    report = getattr(result, "report_lines", None)
    lines = (
        report() if callable(report) else [f"merged: {group}" for group in result.groups if len(group) > 1]
    )
    for line in lines:
        print(f"{source}: dedupe: {line}", file=sys.stderr)
    return list(result.references), list(result.diagnostics)


def run(args: argparse.Namespace) -> int:
    source = "<stdin>" if args.file == "-" else args.file
    text = read_input(args.file)
    name = args.source_format
    if name == "auto":
        name = detect_format(text, None if args.file == "-" else args.file)
    result = get_format(name).read(text, source=source)
    refs = list(result.references)
    diagnostics = result.all_diagnostics()
    if getattr(args, "crossref", False):  # online, only when asked; before dedupe so found DOIs help it
        from refnorm.crossref import resolve_from_args

        resolved = resolve_from_args(refs, args)
        refs = list(resolved.references)
        diagnostics += resolved.diagnostics
    if args.dedupe:
        refs, found = _dedupe(refs, source)
        diagnostics += found
    output = get_format(args.to).write(refs, unicode=args.unicode)
    if args.output:
        write_atomic(args.output, output)
        print(f"refnorm: {len(refs)} references ({name}) → {args.output} ({args.to})", file=sys.stderr)
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
    if args.report:
        for diagnostic in diagnostics:
            print(diagnostic.render(source), file=sys.stderr)
    if not refs:
        print(f"refnorm: {source}: no references found", file=sys.stderr)
        return 1
    if result.failed:
        print(
            f"refnorm: {source}: {len(result.failed)} block(s) could not be read (see --report)",
            file=sys.stderr,
        )
        return 1
    return 0
