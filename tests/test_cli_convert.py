"""``refnorm convert``: every format in and out, reports, exit codes, atomic output."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import bibtexparser
import pytest

from refnorm.cli import main
from refnorm.formats import FORMATS, detect_format

TEXT = """References
1. Li F, Guo X, Chen SY. Function and therapeutic potential of mesenchymal stem cells in atherosclerosis.
Front Cardiovasc Med. 2017;4:32. doi: 10.3389/fcvm.2017.00032.
2. Smith J, Doe A. A second paper about DNA repair. Nature. 2020;580(7801):123-127.
doi: 10.1038/s41586-020-0000-1.
3. Li F, Guo X, Chen SY. Function and therapeutic potential of mesenchymal stem cells in atherosclerosis.
Front Cardiovasc Med. 2017;4:32. doi: 10.3389/fcvm.2017.00032.
"""
BIB = """@article{li2017,
  author = {Li, F. and Guo, X.},
  title = {Function and therapeutic potential of mesenchymal stem cells},
  journal = {Front Cardiovasc Med},
  year = {2017},
  doi = {10.3389/fcvm.2017.00032},
}

@article{broken, title = {oops
"""


def run(
    args: list[str], capsys: pytest.CaptureFixture[str], stdin: str | bytes | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        code = main(["convert", *args])
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "refs.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize("to", ["bibtex", "biblatex", "csl-json", "jsonl", "ris"])
def test_text_to_every_format(text_file: Path, to: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Plain text converts to each output format, and the output reads back with the same count."""
    code, out, _ = run([str(text_file), "--to", to], capsys)
    assert code == 0
    assert len(FORMATS[to].read(out).references) == 3


def test_bibtex_output_loads(text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The .bib written from text loads in bibtexparser with unique keys."""
    _, out, _ = run([str(text_file), "--to", "bibtex"], capsys)
    library = bibtexparser.parse_string(out)
    assert len(library.entries) == 3 and not library.failed_blocks


def test_stdin_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-` reads stdin; -o writes the file and leaves no temporary file behind."""
    out_path = tmp_path / "out.json"
    code, out, _ = run(["-", "--to", "csl-json", "-o", str(out_path)], capsys, stdin=TEXT)
    assert code == 0 and out == ""
    assert len(json.loads(out_path.read_text(encoding="utf-8"))) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_report_prints_every_diagnostic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--report prints file:line: CODE message; a broken block makes the exit code 1."""
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    code, out, err = run([str(path), "--to", "csl-json", "--report"], capsys)
    assert code == 1
    assert f"{path}:9: R701" in err
    assert len(json.loads(out)) == 1


def test_dedupe(text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--dedupe merges the repeated work and reports the merge on stderr."""
    pytest.importorskip("refnorm.dedupe")
    code, out, err = run([str(text_file), "--to", "csl-json", "--dedupe"], capsys)
    assert code == 0
    assert len(json.loads(out)) == 2
    assert "dedupe: 3 → 1" in err


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        pytest.param(lambda p: p, "is a directory", id="directory"),
        pytest.param(lambda p: p / "missing.txt", "no such file", id="missing"),
        pytest.param(
            lambda p: (p / "latin1.txt", (p / "latin1.txt").write_bytes(b"M\xfcller 2020")),
            "not UTF-8",
            id="encoding",
        ),
        pytest.param(
            lambda p: (p / "empty.txt", (p / "empty.txt").write_text(" \n")), "input is empty", id="empty"
        ),
        pytest.param(
            lambda p: (p / "x.json", (p / "x.json").write_text('{"a": 1}')),
            "expected a JSON list",
            id="json-object",
        ),
    ],
)
def test_input_errors(
    tmp_path: Path, setup: object, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unreadable input gives one line naming the file, exit code 2, no traceback."""
    made = setup(tmp_path)  # type: ignore[operator]
    path = made[0] if isinstance(made, tuple) else made
    code, out, err = run([str(path), "--to", "bibtex"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and str(path) in err and "Traceback" not in err


def test_failed_write_leaves_old_output(
    tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """If reading fails, an existing OUT is left untouched."""
    out_path = tmp_path / "out.bib"
    out_path.write_text("old", encoding="utf-8")
    code, _, _ = run([str(tmp_path / "missing.txt"), "--to", "bibtex", "-o", str(out_path)], capsys)
    assert code == 2 and out_path.read_text(encoding="utf-8") == "old"


def test_output_to_directory_is_an_error(
    tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o naming a directory is a one-line error."""
    code, _, err = run([str(text_file), "--to", "bibtex", "-o", str(tmp_path)], capsys)
    assert code == 2 and "is a directory" in err


def test_no_references_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Input holding no references converts to an empty result and exit code 1."""
    path = tmp_path / "empty.json"
    path.write_text("[]\n", encoding="utf-8")
    code, _, err = run([str(path), "--to", "csl-json"], capsys)
    assert code == 1 and "no references found" in err


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("@article{x, title={T}}", "a.bib", "bibtex"),
        ("@article{x, title={T}}", None, "bibtex"),
        ('[{"id": "a", "type": "book"}]', None, "csl-json"),
        ('{"id": "a", "type": "book"}\n', None, "jsonl"),
        ("TY  - JOUR\nER  - \n", None, "ris"),
        ("TY  - JOUR\nER  - \n", "x.txt", "text"),
        ("1. Smith J. A title. 2020.", None, "text"),
        ("anything", "export.ris", "ris"),
    ],
)
def test_detect_format(text: str, path: str | None, expected: str) -> None:
    """--from auto picks by extension first, then by content."""
    assert detect_format(text, path) == expected


def test_from_overrides_detection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--from forces the reader whatever the extension."""
    path = tmp_path / "refs.txt"
    path.write_text(BIB.split("@article{broken")[0], encoding="utf-8")
    code, out, _ = run([str(path), "--from", "bibtex", "--to", "ris"], capsys)
    assert code == 0 and out.startswith("TY  - JOUR")


def test_unicode_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--unicode keeps UTF-8 letters in BibTeX output; without it they are LaTeX-escaped."""
    path = tmp_path / "refs.json"
    path.write_text('[{"id": "g", "type": "book", "author": [{"family": "Gödel"}]}]', encoding="utf-8")
    assert "Gödel" in run([str(path), "--to", "bibtex", "--unicode"], capsys)[1]
    assert 'G\\"odel' in run([str(path), "--to", "bibtex"], capsys)[1]
