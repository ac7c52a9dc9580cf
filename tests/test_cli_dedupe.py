"""``refnorm dedupe``: reads any format, writes by extension, reports merges and renumbering."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from refnorm.cli import main
from refnorm.formats.bibtex import read_bibtex

BIB = r"""@article{harris2020,
  author = {Harris, Charles R. and Millman, K. Jarrod},
  title = {Array programming with {NumPy}},
  journal = {Nature},
  year = {2020},
  volume = {585},
  doi = {10.1038/s41586-020-2649-2},
}

@article{virtanen2020,
  author = {Virtanen, Pauli},
  title = {{SciPy} 1.0: fundamental algorithms for scientific computing in {Python}},
  journal = {Nature Methods},
  year = {2020},
  doi = {10.1038/s41592-019-0686-2},
}

@article{harris2020b,
  author = {Harris, C. R.},
  title = {Array Programming with NumPy},
  journal = {Nature},
  year = {2020},
  pages = {357--362},
  url = {https://doi.org/10.1038/S41586-020-2649-2},
}

@article{hunter2007,
  author = {Hunter, John D.},
  title = {Matplotlib: A {2D} graphics environment},
  journal = {Computing in Science \& Engineering},
  year = {2007},
}

@article{hunter2007b,
  author = {Hunter, J. D.},
  title = {Matplotlib: a 2D Graphics Environment},
  journal = {Comput. Sci. Eng.},
  year = {2007},
  volume = {9},
}
"""

LIST = """References
1. Harris CR, Millman KJ. Array programming with NumPy. Nature 2020;585:357-62. doi:10.1038/s41586-020-2649-2.
2. Virtanen P. SciPy 1.0: fundamental algorithms. Nat Methods. 2020;17:261-72. doi: 10.1038/s41592-019-0686-2.
3. Hunter JD. Matplotlib: a 2D graphics environment. Comput Sci Eng. 2007;9:90-95. doi: 10.1109/MCSE.2007.55.
4. Harris CR. Array programming with NumPy. Nature. 2020;585:357-62. https://doi.org/10.1038/S41586-020-2649-2
5. McKinney W. Data structures for statistical computing in Python. Proc SciPy. 2010:56-61.
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "library.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_bib_to_bib_with_csv_report(bib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Same DOI (one only in url) merges; the CSV report lists every old number and the merge."""
    out, report = tmp_path / "clean.bib", tmp_path / "merges.csv"
    code, _, err = run(["dedupe", str(bib), "-o", str(out), "--report", str(report)], capsys)
    assert code == 0
    refs = read_bibtex(out.read_text(encoding="utf-8")).references
    assert [r.id for r in refs] == ["harris2020", "virtanen2020", "hunter2007", "hunter2007b"]
    assert refs[0].get("page") == "357-362"  # filled from the duplicate
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert rows[2] == {"old": "3", "new": "1", "status": "merged", "with": "1", "reason": "same DOI"}
    assert [r["status"] for r in rows] == [
        "kept",
        "kept",
        "merged",
        "renumbered",
        "renumbered",
        "likely-duplicate",
    ]
    assert "D403" in err and "5 → 4 (1 merged, 1 likely duplicate(s) left" in err.replace("references ", "")


def test_fuzzy_and_keep(bib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--fuzzy merges the likely pair; --keep most-complete keeps the richer entry's values."""
    out, report = tmp_path / "clean.json", tmp_path / "merges.json"
    args = ["dedupe", str(bib), "-o", str(out), "--report", str(report), "--fuzzy", "--keep", "most-complete"]
    code, _, _ = run(args, capsys)
    assert code == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert len(items) == 3
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["groups"] == [[1, 3], [5, 4]]
    assert data["renumbering"] == {"1": 1, "2": 2, "3": 1, "4": 3, "5": 3}
    assert items[2]["volume"] == "9"


def test_numbered_text_list_report_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plain-text numbered list: '--report -' prints '4 → 1 (same DOI)' and the shifted number."""
    source = tmp_path / "refs.txt"
    source.write_text(LIST, encoding="utf-8")
    out = tmp_path / "refs.bib"
    code, stdout, _ = run(["dedupe", str(source), "-o", str(out), "--report", "-"], capsys)
    assert code == 0
    assert stdout.splitlines() == ["4 → 1 (same DOI)", "5 → 4"]
    assert out.read_text(encoding="utf-8").count("@") == 4


def test_stdout_output_defaults_to_input_format(bib: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without -o the result goes to stdout in the input's format; the report goes to stderr."""
    code, stdout, err = run(["dedupe", str(bib), "--report", "-"], capsys)
    assert code == 0
    assert stdout.count("@article") == 4
    assert "3 → 1 (same DOI)" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["missing.bib", "-o", "x.bib"], "no such file", id="missing-input"),
        pytest.param(["{bib}", "-o", "out.xyz"], "use --to", id="unknown-extension"),
    ],
)
def test_usage_errors(
    args: list[str], message: str, bib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unreadable input or an unknown output extension is a one-line error with exit 2."""
    args = [a.replace("{bib}", str(bib)).replace("out.xyz", str(tmp_path / "out.xyz")) for a in args]
    code, _, err = run(["dedupe", *args], capsys)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_refuses_to_overwrite_input_with_unreadable_blocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deduping a .bib in place never drops blocks the reader could not parse."""
    path = tmp_path / "broken.bib"
    text = BIB + "\n@article{broken, title = {oops\n"
    path.write_text(text, encoding="utf-8")
    code, _, err = run(["dedupe", str(path), "-o", str(path)], capsys)
    assert code == 2
    assert "would be lost" in err
    assert path.read_text(encoding="utf-8") == text


def test_bib_arxiv_versions_and_pmid_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """eprint/archivePrefix arXiv ids (versions differ) and biblatex eprinttype=pmid identify works."""
    path = tmp_path / "preprints.bib"
    path.write_text(
        "@misc{a, title = {Attention is all you need}, eprint = {1706.03762v1}, archivePrefix = {arXiv}}\n"
        "@misc{b, title = {Transformers}, eprint = {1706.03762v5}, archivePrefix = {arXiv}}\n"
        "@article{c, title = {A trial}, eprint = {31227802}, eprinttype = {pmid}}\n"
        "@article{d, title = {The same trial}, eprint = {31227802}, eprinttype = {pubmed}}\n",
        encoding="utf-8",
    )
    code, stdout, _ = run(["dedupe", str(path), "--to", "csl-json", "--report", "-"], capsys)
    assert code == 0
    assert [item["id"] for item in json.loads(stdout)] == ["a", "c"]
