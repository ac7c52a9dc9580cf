"""refnorm: messy reference lists in, clean deduplicated BibTeX and CSL-JSON out.

The pipeline, one module per step::

    text ─split─▶ chunks ─parser─▶ fields ─normalize─▶ Reference
         ─dedupe─▶ [Reference] ─formats─▶ BibTeX / CSL-JSON

Heavy parts (bibtexparser, pybtex, habanero) are imported only when used, so
``import refnorm`` stays fast enough for pre-commit hooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from refnorm.diagnostics import Diagnostic, RefnormError, Severity
from refnorm.model import Date, Name, Reference

if TYPE_CHECKING:
    from refnorm.api import parse, parse_reference
    from refnorm.crossref import resolve
    from refnorm.dedupe import DedupeResult, dedupe
    from refnorm.formats.bibtex import read_bibtex, to_bibtex
    from refnorm.formats.csl_json import read_csl_json, to_csl_json
    from refnorm.formats.ris import read_ris, to_ris

__all__ = [
    "Date",
    "DedupeResult",
    "Diagnostic",
    "Name",
    "Reference",
    "RefnormError",
    "Severity",
    "__version__",
    "dedupe",
    "parse",
    "parse_reference",
    "read_bibtex",
    "read_csl_json",
    "read_ris",
    "resolve",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]

__version__ = "0.1.0.dev0"

# name → module that defines it; imported on first use.
_LAZY = {
    "parse": "refnorm.api",  # the parsing core is big: the .bib hooks never need it
    "parse_reference": "refnorm.api",
    "dedupe": "refnorm.dedupe",
    "DedupeResult": "refnorm.dedupe",
    "resolve": "refnorm.crossref",
    "to_bibtex": "refnorm.formats.bibtex",
    "read_bibtex": "refnorm.formats.bibtex",
    "to_csl_json": "refnorm.formats.csl_json",
    "read_csl_json": "refnorm.formats.csl_json",
    "to_ris": "refnorm.formats.ris",
    "read_ris": "refnorm.formats.ris",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'refnorm' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
