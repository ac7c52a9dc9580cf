"""``refnorm check FILE…``: report problems in .bib files as ``file:line: CODE message``.

Exit 0 when every file is clean, 1 when a problem was found, 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from refnorm.diagnostics import RefnormError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from refnorm.bibfile import BibFile
    from refnorm.config import Config

__all__ = ["add_codes_options", "add_parser", "load_settings", "printable_output", "read_files", "run"]


def _codes(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def add_codes_options(parser: argparse.ArgumentParser) -> None:
    """``--select``/``--ignore``/``--config``, shared by ``check`` and ``fix``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help=".bib files")
    parser.add_argument(
        "--select",
        action="append",
        type=_codes,
        metavar="CODE",
        help="run only these codes or prefixes (B608, B6)",
    )
    parser.add_argument(
        "--ignore", action="append", type=_codes, metavar="CODE", help="skip these codes or prefixes"
    )
    parser.add_argument(
        "--config", type=Path, metavar="PATH", help="pyproject.toml or .refnorm.toml (default: nearest one)"
    )


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check .bib files (duplicates, DOIs, required fields, pages, title capitals, …)",
        description="Report problems in .bib files, one 'file:line: CODE message' per line.",
    )
    add_codes_options(parser)
    from refnorm.crossref import add_crossref_arguments

    add_crossref_arguments(parser)
    parser.set_defaults(func=run)


def _flatten(groups: list[list[str]] | None) -> list[str]:
    return [code for group in groups or () for code in group]


def load_settings(args: argparse.Namespace) -> Config:
    """The configuration with the command line's --select/--ignore applied."""
    from refnorm.config import load_config

    return load_config(args.config).with_codes(_flatten(args.select), _flatten(args.ignore))


def printable_output() -> None:
    """Let stdout print any text: a value from a file that is not UTF-8 holds lone surrogates,
    which are shown as ``\\udce9`` escapes instead of ending the run with UnicodeEncodeError."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


def read_files(names: list[str]) -> Iterator[tuple[str, BibFile | None]]:
    """Each file parsed, or None after printing why it cannot be read (the caller exits 2)."""
    from refnorm.bibfile import read_bib_file, undecodable
    from refnorm.formats import content_problem

    for name in names:
        try:
            bib = read_bib_file(name)
            # an empty .bib is a valid bibliography with no entries (a new LaTeX project has one):
            # the hooks must pass it; only content that cannot be BibTeX at all is an error
            problem = content_problem(bib.text, "bibtex") if bib.text.strip() else None
            if problem:
                raise RefnormError(f"{name}: {problem}")
            where = undecodable(bib.text)
            if where:  # read all the same (BibTeX is 8-bit): the bytes are kept and written back as they were
                print(f"refnorm: note: {name}:{where} not UTF-8, kept as they are", file=sys.stderr)
            yield name, bib
        except RefnormError as error:
            print(f"refnorm: error: {error}", file=sys.stderr)
            yield name, None


def run(args: argparse.Namespace) -> int:
    from refnorm.checks import check_bib

    gc.disable()  # a short-lived command over many small acyclic objects: no collector needed
    printable_output()
    config = load_settings(args)
    status = 0
    out: list[str] = []
    for name, bib in read_files(args.files):
        if bib is None:
            status = 2
            continue
        for finding in check_bib(bib, config):
            out.append(finding.diagnostic().render(name))
            status = max(status, 1)
        if getattr(args, "crossref", False):  # online, only when asked
            from refnorm.crossref import check_bib_online

            for diagnostic in check_bib_online(bib.text, name, args):
                if config.enabled(diagnostic.code):
                    out.append(diagnostic.render(name))
                    status = max(status, 1)
    if out:
        sys.stdout.write("\n".join(out) + "\n")
    return status
