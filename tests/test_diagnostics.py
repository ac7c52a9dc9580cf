"""Diagnostics: stable codes, documented, rendered in the form editors understand."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import refnorm
from refnorm.diagnostics import CODES, Diagnostic, Severity, all_codes

README = Path(__file__).resolve().parent.parent / "README.md"


def _import_all_modules() -> None:
    for module in pkgutil.walk_packages(refnorm.__path__, "refnorm."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)


def test_all_codes_knows_every_module_that_registers_one() -> None:
    """all_codes() (what `refnorm codes` and the --select check use) imports only the emitting modules;
    a new module registering codes must be added there, or its codes would be "unknown"."""
    listed = set(all_codes())
    _import_all_modules()
    assert set(CODES) == listed


def test_every_registered_code_is_documented_in_the_readme() -> None:
    """Each code any module registers appears in the README's diagnostics table."""
    _import_all_modules()
    text = README.read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in text]
    assert not missing, f"document these codes in README.md: {missing}"


@pytest.mark.parametrize(
    ("diagnostic", "source", "expected"),
    [
        (
            Diagnostic("P202", "no author found", Severity.INFO, 12, "3"),
            "refs.txt",
            "refs.txt:12: P202 [3] no author found",
        ),
        (Diagnostic("B601", "key used twice"), "a.bib", "a.bib: B601 key used twice"),
    ],
    ids=["with-line-and-label", "without-line"],
)
def test_render_is_file_line_code_message(diagnostic: Diagnostic, source: str, expected: str) -> None:
    """Rendering gives `file:line: CODE message`, omitting the line when unknown."""
    assert diagnostic.render(source) == expected


def test_parse_attaches_diagnostics_with_line_and_label() -> None:
    """A reference with no author carries P202 with its list number and input line."""
    refs = refnorm.parse("1. Smith J. A title. J Foo. 2001;1:2.\n2. A title without any author at all. 2003.")
    second = refs[-1]
    codes = {d.code: d for d in second.diagnostics}
    assert "P202" in codes and codes["P202"].label == second.label and codes["P202"].line == second.line
