"""examples/zotero_preprocess.py on the example Zotero exports: clean, deduplicated, loadable output."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import bibtexparser
import jsonschema
import pytest
from pybtex.database import parse_string as pybtex_parse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
EXPORTS = [DATA / "zotero-better-biblatex.bib", DATA / "zotero-export.json", DATA / "zotero-export.ris"]
SCHEMA = json.loads((ROOT / "tests" / "data" / "csl-data.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "zotero_preprocess", ROOT / "examples" / "zotero_preprocess.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("biblatex", [False, True], ids=["bibtex", "biblatex"])
def test_all_exports_together(example: ModuleType, tmp_path: Path, biblatex: bool) -> None:
    """15 entries in three formats become 12: DOI duplicates merged, likely duplicates only reported."""
    bib, csl, report = tmp_path / "clean.bib", tmp_path / "clean.json", tmp_path / "report.txt"
    args = [*map(str, EXPORTS), "--bib", str(bib), "--json", str(csl), "--report", str(report)]
    assert example.main([*args, "--biblatex"] if biblatex else args) == 0

    library = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert len(library.entries) == len(pybtex_parse(bib.read_text(encoding="utf-8"), "bibtex").entries) == 12
    items = json.loads(csl.read_text(encoding="utf-8"))
    jsonschema.validate(items, SCHEMA)
    assert [item["id"] for item in items] == [entry.key for entry in library.entries]

    dois = [item.get("DOI", "").lower() for item in items if item.get("DOI")]
    assert len(dois) == len(set(dois)), "every DOI once"
    lecun = library.entries_dict["lecunDeepLearning2015"]
    assert lecun["pages"] == "436--444" and lecun["pmid"] == "26017442"
    if biblatex:
        assert lecun["ids"] == "lecunDeepLearning2015a"

    text = report.read_text(encoding="utf-8")
    assert "merged 3 duplicate(s); 12 entries remain" in text
    assert "lecunDeepLearning2015a (LeCun 2015: Deep Learning) → lecunDeepLearning2015 (same DOI)" in text
    assert "vaswaniAttentionAllYou2017 (Vaswani" in text.split("Likely duplicates")[1]


def test_normalise(example: ModuleType) -> None:
    """DOIs lose their resolver prefix (or come from the URL); pages expand; a title's final stop goes."""
    from refnorm.model import FrozenMap, Reference

    ref = Reference(
        variables=FrozenMap(
            {"DOI": "https://doi.org/10.1038/NATURE14539", "page": "436-44", "title": "Deep."}
        )
    )
    clean = example.normalise(ref)
    assert (clean.doi, clean.page, clean.title) == ("10.1038/NATURE14539", "436-444", "Deep")
    from_url = example.normalise(
        Reference(variables=FrozenMap({"URL": "https://doi.org/10.1038/nature14539"}))
    )
    assert from_url.doi == "10.1038/nature14539"


def test_runs_as_a_script(tmp_path: Path) -> None:
    """The script runs from the command line; without --bib/--json it prints BibTeX on stdout."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "zotero_preprocess.py"), str(EXPORTS[2])],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("@article{") == 2 and "read   3 entries" in done.stderr


def test_unreadable_export_is_an_error(
    example: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing export gives a one-line error and exit code 2."""
    assert example.main([str(tmp_path / "missing.bib")]) == 2
    assert "missing.bib" in capsys.readouterr().err
