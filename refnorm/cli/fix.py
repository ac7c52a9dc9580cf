"""``refnorm fix FILE…``: repair .bib files in place, touching only what needs it.

Prints ``Fixing FILE`` and exits 1 when a file changed (the pre-commit convention), 0 otherwise,
2 when a file cannot be read. ``--dry-run --diff`` shows the unified diff and writes nothing.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import sys
from typing import Any

from refnorm.cli.check import add_codes_options, load_settings, printable_output, read_files

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fix",
        help="fix .bib files in place (DOIs, page ranges, title capitals, whitespace; --dedupe, --sort)",
        description="Repair .bib files in place; untouched entries keep their exact text.",
    )
    add_codes_options(parser)
    parser.add_argument(
        "--dedupe", action="store_true", help="merge entries of the same work (old keys go to 'ids')"
    )
    parser.add_argument("--sort", action="store_true", help="sort entries by citation key")
    parser.add_argument(
        "--keys",
        action="store_true",
        help="regenerate citation keys (author-year-word); old keys go to 'ids'",
    )
    parser.add_argument("--dry-run", action="store_true", help="change no file")
    parser.add_argument("--diff", action="store_true", help="print a unified diff of the changes")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only 'Fixing FILE' lines")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from refnorm.bibfile import write_atomic
    from refnorm.checks import fix_bib

    gc.disable()  # a short-lived command over many small acyclic objects: no collector needed
    printable_output()
    config = load_settings(args)
    status = 0
    for name, bib in read_files(args.files):
        if bib is None:
            status = 2
            continue
        original = bib.original()
        result = fix_bib(original, config, dedupe=args.dedupe, sort=args.sort, keys=args.keys)
        lines: list[str] = []
        if result.changed:
            status = max(status, 1)
            print(f"{'Would fix' if args.dry_run else 'Fixing'} {name}", flush=True)
            if args.diff:
                diff = difflib.unified_diff(
                    original.splitlines(keepends=True),
                    result.text.splitlines(keepends=True),
                    fromfile=f"a/{name}",
                    tofile=f"b/{name}",
                )
                sys.stdout.writelines(diff)
            if not args.dry_run:
                try:
                    write_atomic(name, result.text, bib.encoding)
                except OSError as error:  # read-only file, full disk: the original is untouched
                    print(f"refnorm: error: cannot write {name}: {error.strerror or error}", file=sys.stderr)
                    status = 2
                    continue
        if not args.quiet:
            for merge in result.merges:
                what = (
                    f"merged into '{merge.survivor}' ({merge.reason}); '{merge.dropped}' is kept in its ids"
                    if merge.dropped.lower() != merge.survivor.lower()
                    else f"removed: a copy of the entry at line {merge.survivor_line} ({merge.reason})"
                )
                lines.append(f"{name}:{merge.line}: B602 [{merge.dropped}] {what}")
            for rename in result.renames:
                what = f"key '{rename.dropped}' is now '{rename.survivor}' (old key in ids)"
                lines.append(f"{name}:{rename.line}: {what}")
            for finding in result.fixed:
                lines.append(f"{finding.diagnostic().render(name)} (fixed)")
            for finding in result.remaining:
                lines.append(finding.diagnostic().render(name))
        if lines:
            print("\n".join(lines))
    return status
