"""Atomic writes keep permissions: a new file is not private, a rewritten one keeps its mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from refnorm.atomic import write_atomic


def test_new_file_gets_the_umask_default(tmp_path: Path) -> None:
    """A file refnorm creates is readable like any other new file (not 0600 like a temp file)."""
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.bib", "@misc{a,}\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "out.bib").stat().st_mode) == 0o644


def test_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    """Fixing a file in place keeps the permissions the user gave it."""
    target = tmp_path / "refs.bib"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]
