"""Every command on bad input: one line naming the file and the problem, exit 2, nothing written.

An interrupted ``fix`` that fails while writing is covered by
``test_cli_check_fix.py::test_fix_keeps_the_original_when_writing_fails``; here the interruption
comes at the last moment (after the temporary file is complete, before the rename), for ``fix``,
``convert -o`` and ``dedupe -o``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from refnorm.cli import main

GOOD_BIB = "@article{k,\n  author = {Li, F},\n  title = {Stem cells},\n  pages = {1-9},\n  year = 2017,\n}\n"
OUT = "out.json"

# command → argv for an input file (outputs go to OUT in the same directory)
COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "convert": lambda f: ["convert", f, "--to", "csl-json", "-o", OUT],
    "dedupe": lambda f: ["dedupe", f, "-o", OUT],
    "check": lambda f: ["check", f],
    "fix": lambda f: ["fix", f],
}


def _write(name: str, data: bytes) -> Callable[[Path], str]:
    def make(directory: Path) -> str:
        (directory / name).write_bytes(data)
        return name

    return make


def _directory(directory: Path) -> str:
    (directory / "refs.bib").mkdir()
    return "refs.bib"


# (case id, makes the bad input and returns its name, words the one-line error must hold)
CASES = [
    ("missing", lambda d: "missing.bib", "no such file"),
    ("directory", _directory, "directory"),
    ("latin-1", _write("refs.bib", GOOD_BIB.replace("Li, F", "M\u00fcller, F").encode("latin-1")), "utf-8"),
    ("utf-16", _write("refs.bib", GOOD_BIB.encode("utf-16")), "utf-8"),
    ("empty", _write("refs.bib", b""), "empty"),
    ("blank", _write("refs.bib", b" \r\n\n\t\n"), "empty"),
    ("bib-holding-json", _write("refs.bib", b'[{"id": "a", "type": "book", "title": "T"}]\n'), "json"),
    ("bib-holding-json-object", _write("refs.bib", b'\xef\xbb\xbf{"items": []}'), "json"),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("make", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    make: Callable[[Path], str],
    words: str,
) -> None:
    """Exit 2, one stderr line naming the file and the problem, no traceback, no output file."""
    monkeypatch.chdir(tmp_path)
    name = make(tmp_path)
    if command in {"check", "fix"} and "empty" in words:
        pytest.skip("an empty .bib is a valid bibliography for check/fix (see test_empty_bib_is_clean)")
    if command in {"check", "fix"} and words == "utf-8":
        pytest.skip("check/fix read any encoding losslessly (see test_files_in_other_encodings_round_trip…)")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert main(COMMANDS[command](name)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and name in err and words in err.lower() and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("command", COMMANDS)
def test_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """A file the user may not read (simulated: the tests may run as root) is a one-line exit 2."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(GOOD_BIB, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "refs.bib":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert main(COMMANDS[command]("refs.bib")) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "refs.bib" in err and "permission denied" in err.lower() and not (tmp_path / OUT).exists()


@pytest.mark.parametrize("command", ["check", "fix"])
def test_one_bad_file_does_not_stop_the_good_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """check/fix over several files report the bad one and still process the good one."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.bib").write_text(GOOD_BIB, encoding="utf-8")
    (tmp_path / "json.bib").write_bytes(b'[{"id": "a", "type": "book"}]')
    assert main([command, "json.bib", "good.bib"]) == 2
    out, err = capsys.readouterr()
    assert "json.bib" in err and "good.bib" in out  # pages 1-9 is reported (check) or fixed (fix)


@pytest.mark.parametrize("command", ["check", "fix"])
@pytest.mark.parametrize("data", [b"", b" \r\n\n\t\n"], ids=["empty", "blank"])
def test_empty_bib_is_clean(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    data: bytes,
) -> None:
    """A new project's empty references.bib passes the hooks: exit 0, nothing printed, file untouched."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_bytes(data)
    assert main([command, "refs.bib"]) == 0
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "refs.bib").read_bytes() == data


class Interrupted(BaseException):
    """Stands for Ctrl-C or a kill arriving in the middle of a write."""


@pytest.mark.parametrize(
    ("argv", "target"),
    [
        pytest.param(["fix", "refs.bib"], "refs.bib", id="fix"),
        pytest.param(["fix", "refs.bib", "--keys", "--sort"], "refs.bib", id="fix-keys"),
        pytest.param(["convert", "refs.bib", "--to", "csl-json", "-o", OUT], OUT, id="convert"),
        pytest.param(["dedupe", "refs.bib", "-o", OUT], OUT, id="dedupe"),
    ],
)
def test_interrupted_write_keeps_the_old_file_whole(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    target: str,
) -> None:
    """Interrupted just before the rename: the old file is intact and no temporary file is left."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(GOOD_BIB, encoding="utf-8")
    if target == OUT:
        (tmp_path / OUT).write_text("old output", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def replace(src: str, dst: str) -> None:
        assert Path(src).read_text(encoding="utf-8")  # the temporary file was complete
        raise Interrupted

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(Interrupted):
        main(argv)
    capsys.readouterr()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
