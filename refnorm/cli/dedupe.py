"""``refnorm dedupe FILE -o OUT``: one entry per work, and a report of what merged.

The input is read with the :mod:`refnorm.formats` reader its extension (or content) names; the
output writer is chosen by OUT's extension (``--to`` overrides; stdout defaults to the input's
format, or BibTeX for plain text). ``--report merges.csv|merges.json|-`` writes the renumbering
report (``-``: text lines on stderr, or on stdout when ``-o`` is given).

Exit codes: 0 done; 1 done, but part of the input could not be read or no reference was found;
2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path, PurePath
from typing import Any, Literal

from refnorm.diagnostics import RefnormError

__all__ = ["add_parser", "output_format", "report_format", "run"]


def add_parser(subparsers: Any) -> None:
    from refnorm.dedupe import KEEP_MODES
    from refnorm.formats import writable_formats

    parser = subparsers.add_parser(
        "dedupe",
        help="merge duplicate works (same DOI, PMID, arXiv id…) and report the renumbering",
        description="Merge entries that are the same work; report merges and the old → new numbering.",
    )
    parser.add_argument("file", metavar="FILE", help="input file (.txt, .bib, .json, .ris…), or - for stdin")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (format from the extension)")
    parser.add_argument("--to", choices=writable_formats(), help="output format (default: from OUT)")
    parser.add_argument(
        "--report",
        metavar="REPORT",
        help="write the merge report: a .csv or .json file, or - for text lines",
    )
    parser.add_argument(
        "--fuzzy", action="store_true", help="also merge likely duplicates (same title, first author, year)"
    )
    parser.add_argument(
        "--keep", choices=KEEP_MODES, default="first", help="whose values win in a merge (default: first)"
    )
    parser.add_argument("--unicode", action="store_true", help="BibTeX: UTF-8 text instead of LaTeX escapes")
    parser.set_defaults(func=run)


def output_format(output: str | None, requested: str | None, input_format: str) -> str:
    """The writer for OUT: ``--to``, else OUT's extension, else the input format (BibTeX for text)."""
    from refnorm.formats import FORMATS

    if requested:
        return requested
    if output:
        suffix = PurePath(output).suffix.lower()
        for fmt in FORMATS.values():
            if fmt.writer and suffix in fmt.extensions:
                return fmt.name
        raise RefnormError(
            f"{output}: cannot tell the output format from {suffix or 'no extension'!r}; use --to"
        )
    return input_format if FORMATS[input_format].writer else "bibtex"


def report_format(path: str) -> Literal["text", "csv", "json"]:
    """``.csv`` → CSV, ``.json`` → JSON, anything else (and ``-``) → text lines."""
    suffix = PurePath(path).suffix.lower()
    return "csv" if suffix == ".csv" else "json" if suffix == ".json" else "text"


def run(args: argparse.Namespace) -> int:
    from refnorm.cli.convert import read_input, write_atomic
    from refnorm.dedupe import dedupe
    from refnorm.formats import detect_format, get_format

    source = "<stdin>" if args.file == "-" else args.file
    text = read_input(args.file)
    input_format = detect_format(text, None if args.file == "-" else args.file)
    target = output_format(args.output, args.to, input_format)
    read = get_format(input_format).read(text, source=source)
    if read.failed and args.output and args.file != "-" and _same_file(args.file, args.output):
        raise RefnormError(
            f"{source}: {len(read.failed)} block(s) could not be read and would be lost; "
            "write to another file (see refnorm check)"
        )
    result = dedupe(read.references, fuzzy=args.fuzzy, keep=args.keep)
    output = get_format(target).write(result.references, unicode=args.unicode)
    if args.output:
        write_atomic(args.output, output)
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
    if args.report:
        rendered = result.render_report(report_format(args.report))
        if args.report == "-":
            (sys.stdout if args.output else sys.stderr).write(rendered)
        else:
            write_atomic(args.report, rendered)
    for diagnostic in result.diagnostics:
        if diagnostic.code in ("D402", "D403", "D404", "D405"):
            print(diagnostic.render(source), file=sys.stderr)
    merged = len(read.references) - len(result.references)
    likely = len(result.likely_duplicates) if not args.fuzzy else 0
    print(
        f"refnorm: {len(read.references)} references → {len(result.references)} ({merged} merged"
        + (f", {likely} likely duplicate(s) left; --fuzzy merges them" if likely else "")
        + ")"
        + (f" → {args.output} ({target})" if args.output else ""),
        file=sys.stderr,
    )
    if not read.references:
        print(f"refnorm: {source}: no references found", file=sys.stderr)
        return 1
    if read.failed:
        print(f"refnorm: {source}: {len(read.failed)} block(s) could not be read", file=sys.stderr)
        return 1
    return 0


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
