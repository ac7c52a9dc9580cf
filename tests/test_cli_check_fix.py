"""``refnorm check`` and ``refnorm fix`` on files: output format, exit codes, in-place writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from refnorm.cli import main

DATA = Path(__file__).parent / "data" / "bib"

CLEAN = """@article{clean2020,
  author = {Doe, Jane},
  title = {A Clean Entry},
  journal = {Journal of Examples},
  year = {2020},
  pages = {1--10},
}
"""

MESSY = """@article{messy2019,
  author = {Roe, Richard},
  title = {Reading DNA},
  journal = {J},
  year = {2019},
  pages = {5-9},
}

@article{twin2019,
  author = {Roe, R.},
  title = {Reading {DNA}},
  journal = {J},
  year = {2019},
  doi = {10.1000/twin},
}

@article{twin2019b,
  author = {Roe, R.},
  title = {Reading {DNA}},
  journal = {J},
  year = {2019},
  doi = {https://doi.org/10.1000/TWIN},
}
"""

LINE = re.compile(r"^[^:]+\.bib:\d+: B6\d\d ")


@pytest.fixture
def bibs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.bib").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "messy.bib").write_text(MESSY, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["check", "clean.bib"], 0),
        (["check", "messy.bib"], 1),
        (["check", "clean.bib", "messy.bib"], 1),
        (["check", "missing.bib"], 2),
        (["check", "messy.bib", "missing.bib"], 2),
        (["check", "messy.bib", "--select", "B606"], 0),
        (["check", "messy.bib", "--ignore", "B6"], 0),
        (["fix", "clean.bib"], 0),
        (["fix", "messy.bib", "--dry-run"], 1),
        (["fix", "missing.bib"], 2),
    ],
    ids=[
        "check-clean",
        "check-messy",
        "check-mixed",
        "check-missing",
        "missing-wins",
        "select-none",
        "ignore-all",
        "fix-clean",
        "fix-dry-run",
        "fix-missing",
    ],
)
def test_exit_codes(bibs: Path, args: list[str], status: int) -> None:
    """0 clean/unchanged, 1 problems found or file changed, 2 unreadable input."""
    assert main(args) == status


@pytest.mark.parametrize(
    ("args", "config"),
    [
        (["check", "messy.bib", "--select", "B680"], None),
        (["fix", "messy.bib", "--ignore", "Q1"], None),
        (["check", "messy.bib"], 'ignore = ["B6O8"]\n'),
    ],
    ids=["select-typo", "ignore-unknown-stage", "config-typo"],
)
def test_an_unknown_code_is_an_error_not_a_silent_pass(
    bibs: Path, capsys: pytest.CaptureFixture[str], args: list[str], config: str | None
) -> None:
    """A misspelt code in --select/--ignore or the config would switch every check off (or none):
    exit 2 with a message naming it, and nothing is checked or written."""
    if config:
        (bibs / ".refnorm.toml").write_text(config, encoding="utf-8")
    before = (bibs / "messy.bib").read_text(encoding="utf-8")
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "unknown diagnostic code" in captured.err and captured.out == ""
    assert (bibs / "messy.bib").read_text(encoding="utf-8") == before


def test_codes_lists_every_code_or_a_stage(capsys: pytest.CaptureFixture[str]) -> None:
    """`refnorm codes [PREFIX]` prints 'CODE  summary' lines, the codes --select takes."""
    assert main(["codes"]) == 0
    every = capsys.readouterr().out.splitlines()
    assert main(["codes", "b60"]) == 0
    some = capsys.readouterr().out.splitlines()
    assert some and set(some) < set(every) and all(line.startswith("B60") for line in some)
    assert {line.split()[0][0] for line in every} == set("SPDCBR")
    assert main(["codes", "X9"]) == 2


def test_check_prints_one_greppable_line_per_problem(bibs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every output line is 'file:line: CODE message', with the codes the file deserves."""
    assert main(["check", "messy.bib"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(LINE.match(line) for line in lines)
    codes = {line.split()[1] for line in lines}
    assert {"B602", "B604", "B607", "B608"} <= codes
    assert "messy.bib:6: B607 [messy2019] pages '5-9' should be '5--9'" in lines


def test_fix_rewrites_in_place_and_second_run_is_clean(
    bibs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """fix prints 'Fixing FILE', exits 1, and a second run exits 0 without touching the file."""
    assert main(["fix", "messy.bib"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Fixing messy.bib\n")
    fixed = (bibs / "messy.bib").read_text(encoding="utf-8")
    assert "pages = {5--9}" in fixed and "title = {Reading {DNA}}" in fixed and "{10.1000/TWIN}" in fixed
    assert fixed.count("@article") == 3  # duplicates are only reported without --dedupe
    mtime = (bibs / "messy.bib").stat().st_mtime_ns
    assert main(["fix", "messy.bib"]) == 0
    assert "Fixing" not in capsys.readouterr().out
    assert (bibs / "messy.bib").stat().st_mtime_ns == mtime


def test_fix_dedupe_reports_merged_keys(bibs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--dedupe merges the twins into the first, keeps the old key in ids and says so."""
    assert main(["fix", "messy.bib", "--dedupe"]) == 1
    out = capsys.readouterr().out
    assert "messy.bib:17: B602 [twin2019b] merged into 'twin2019'" in out
    fixed = (bibs / "messy.bib").read_text(encoding="utf-8")
    assert fixed.count("@article") == 2 and "ids = {twin2019b}" in fixed
    assert "[twin2019b] doi" not in out  # nothing is reported as fixed in the entry merged away


def test_renamed_keys_are_reported_at_their_lines_in_the_original_file(
    bibs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a merge added lines above them, renamed entries are still reported where the user finds
    them: at their line in the file before the fix."""
    text = MESSY.replace("@article{messy2019", "@article{zz2019") + CLEAN.replace("clean2020", "later2020")
    (bibs / "moved.bib").write_text(text, encoding="utf-8")
    assert main(["fix", "moved.bib", "--dedupe", "--sort", "--keys"]) == 1
    out = capsys.readouterr().out
    renamed = {key: int(line) for line, key in re.findall(r"moved\.bib:(\d+): key '(\w+)' is now", out)}
    original = text.splitlines()
    assert "later2020" in renamed  # below the merged pair: the merge's new ids line moved it down
    assert all(original[line - 1].endswith(f"{{{key},") for key, line in renamed.items())


def test_dry_run_diff_prints_a_patch_and_writes_nothing(
    bibs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--dry-run --diff prints a unified diff of exactly the changed lines and leaves the file alone."""
    assert main(["fix", "messy.bib", "--dry-run", "--diff"]) == 1
    out = capsys.readouterr().out
    assert "--- a/messy.bib\n+++ b/messy.bib\n" in out
    assert "-  pages = {5-9},\n+  pages = {5--9},\n" in out
    changed = [line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")]
    assert len(changed) == 6  # pages, title, doi: one line out and one in each
    assert (bibs / "messy.bib").read_text(encoding="utf-8") == MESSY


def test_fix_keeps_the_original_when_writing_fails(
    bibs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An exception in the middle of writing leaves the original file complete and unchanged."""
    monkeypatch.setattr("refnorm.bibfile.os.fdopen", _failing_fdopen)
    assert main(["fix", "messy.bib", "clean.bib"]) == 2
    assert "cannot write messy.bib: no space left on device" in capsys.readouterr().err
    assert (bibs / "messy.bib").read_text(encoding="utf-8") == MESSY
    assert sorted(p.name for p in bibs.iterdir()) == ["clean.bib", "messy.bib"]


class _HalfWriter:
    """A file object that writes a few bytes and then fails, like a full disk."""

    def __init__(self, fd: int) -> None:
        import os

        self._fd = fd
        self._os = os

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._os.close(self._fd)

    def write(self, data: bytes) -> int:
        self._os.write(self._fd, data[:10])
        raise OSError("no space left on device")


def _failing_fdopen(fd: int, mode: str = "r") -> _HalfWriter:
    return _HalfWriter(fd)


def test_config_file_is_honoured(bibs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """[tool.refnorm] in pyproject.toml sets the page separator and ignored codes."""
    (bibs / "pyproject.toml").write_text(
        '[tool.refnorm]\npage-separator = "-"\nignore = ["B608", "B602", "B604"]\n', encoding="utf-8"
    )
    assert main(["check", "messy.bib"]) == 0
    assert main(["check", "clean.bib"]) == 1
    assert "pages '1--10' should be '1-10'" in capsys.readouterr().out


def test_dot_refnorm_toml_wins_and_bad_config_is_a_usage_error(
    bibs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """.refnorm.toml is read before pyproject.toml; an invalid value exits 2 with one line."""
    (bibs / "pyproject.toml").write_text('[tool.refnorm]\nselect = ["B607"]\n', encoding="utf-8")
    (bibs / ".refnorm.toml").write_text('select = ["B606"]\n', encoding="utf-8")
    assert main(["check", "messy.bib"]) == 0
    (bibs / ".refnorm.toml").write_text('encoding = "ebcdic"\n', encoding="utf-8")
    assert main(["check", "messy.bib"]) == 2
    assert "encoding must be one of" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.bib")))
def test_fix_on_sample_files_converges(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """On every sample file: fix (with --dedupe --sort) then fix again exits 0 and changes nothing."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / name
    target.write_bytes((DATA / name).read_bytes())
    main(["fix", name, "--dedupe", "--sort", "-q"])
    once = target.read_bytes()
    assert main(["fix", name, "--dedupe", "--sort", "-q"]) == 0
    assert target.read_bytes() == once


def test_explicit_config_path(bibs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--config reads the given file (top-level keys for a non-pyproject file) instead of searching."""
    (bibs / "strict.toml").write_text('select = ["B607"]\npage-separator = "-"\n', encoding="utf-8")
    assert main(["check", "clean.bib", "--config", "strict.toml"]) == 1
    assert capsys.readouterr().out.split()[1] == "B607"
    assert main(["check", "clean.bib", "--config", "missing.toml"]) == 2


NOT_UTF8 = [
    ("latin-1", "@article{k,\n  title = {Caf\xe9  au lait},\n  pages = {1-2},\n}\n".encode("latin-1"), 2),
    (
        "latin-1-later-line",
        "@article{k,\n  author = {Doe, J.},\n  note = {d\xe9j\xe0 vu},\n  pages = {1-2},\n}\n".encode(
            "latin-1"
        ),
        3,
    ),
]


@pytest.mark.parametrize(("data", "line"), [c[1:] for c in NOT_UTF8], ids=[c[0] for c in NOT_UTF8])
def test_files_that_are_not_utf8_are_checked_and_fixed_losslessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, line: int
) -> None:
    """A Latin-1 file is no error: a note names its line; fix repairs the rest and keeps the bytes."""
    path = tmp_path / "refs.bib"
    path.write_bytes(data)
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "B607" in out and err == f"refnorm: note: {path}:{line}: byte 0xE9 " + err.split("0xE9 ", 1)[1]
    assert err.count("\n") == 1 and "kept as they are" in err
    assert main(["fix", str(path)]) == 1
    capsys.readouterr()
    fixed = path.read_bytes()
    assert fixed == data.replace(b"{1-2}", b"{1--2}").replace(b"\xe9  au", b"\xe9 au")
    assert main(["fix", str(path)]) == 0
    assert path.read_bytes() == fixed
