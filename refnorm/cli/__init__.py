"""The ``refnorm`` command line: ``refnorm <command> …``.

Each command is one module in this package exposing ``add_parser(subparsers)``
(which sets ``func``) — adding a command is one module plus one line in
:data:`COMMANDS`. Exit codes: 0 success/clean, 1 problems found or files changed
(pre-commit convention), 2 usage or input errors.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from refnorm.diagnostics import RefnormError

__all__ = ["COMMANDS", "main"]

COMMANDS = ["convert", "dedupe", "check", "fix", "codes"]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with ``only`` just that command's (hooks start faster: no other imports)."""
    from refnorm import __version__

    parser = argparse.ArgumentParser(prog="refnorm", description="Clean, deduplicated BibTeX and CSL-JSON.")
    parser.add_argument("--version", action="version", version=f"refnorm {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS if only is None else [only]:
        try:
            module = importlib.import_module(f"refnorm.cli.{name}")
        except ModuleNotFoundError as error:  # a command not built yet must not break the others
            if error.name != f"refnorm.cli.{name}":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words and words[0] in COMMANDS else None)
    args = parser.parse_args(words)
    try:
        return int(args.func(args))
    except RefnormError as error:
        print(f"refnorm: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
