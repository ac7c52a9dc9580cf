"""Atomic file writes: a temporary file in the same directory, then one rename.

Readers never see a half-written file, and a failure before the rename leaves the old file
exactly as it was. A rewritten file keeps its permissions; a new one gets the usual ``0o666``
less the umask (a bare temporary file would be private, ``0o600``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", errors: str = "strict"
) -> None:
    """Replace ``path`` by ``text`` (UTF-8 unless told) atomically; OSError when it cannot be written."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode(encoding, errors))
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = target.stat().st_mode & 0o7777
        except OSError:
            mode = _default_mode()
        with contextlib.suppress(OSError):
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
