"""``refnorm codes [PREFIX…]``: list the diagnostic codes (for ``--select``/``--ignore``), one per line.

Exit 0; 2 when a prefix names no code.
"""

from __future__ import annotations

import argparse
from typing import Any

from refnorm.diagnostics import RefnormError

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "codes",
        help="list the diagnostic codes that --select/--ignore take",
        description="List every diagnostic code with its meaning, or those starting with PREFIX.",
    )
    parser.add_argument(
        "prefixes", nargs="*", metavar="PREFIX", help="only codes starting with these (B6, R7)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from refnorm.diagnostics import all_codes, unknown_codes

    prefixes = [prefix.upper() for prefix in args.prefixes]
    unknown = unknown_codes(prefixes)
    if unknown:
        raise RefnormError(f"no diagnostic code starts with {', '.join(map(repr, unknown))}")
    for code, summary in all_codes().items():
        if not prefixes or code.startswith(tuple(prefixes)):
            print(f"{code}  {summary}")
    return 0
