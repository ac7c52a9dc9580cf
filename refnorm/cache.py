"""An on-disk cache of Crossref answers: one sqlite file that several processes can share.

A rerun of ``refnorm convert --crossref`` must not send the same request twice, and two runs
started at once (a pre-commit hook and an editor, say) must not corrupt the file or fail on a
lock. sqlite in WAL mode gives readers that never block and one writer at a time; the busy
timeout makes a second writer wait instead of raising ``database is locked``.

Values are JSON documents keyed by a string the caller builds (request kind, base URL, query);
``None`` is a valid cached value (a DOI Crossref does not know), distinct from a miss.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Final

from refnorm.diagnostics import RefnormError

__all__ = ["DEFAULT_MAX_AGE", "MISS", "ResponseCache", "default_cache_path"]

DEFAULT_MAX_AGE: Final = 90 * 24 * 3600.0  # Crossref records change slowly; refresh quarterly.
BUSY_TIMEOUT: Final = 30.0  # seconds a writer waits for another process's write to finish


class _Miss:
    """The type of :data:`MISS` (so a cached ``None`` can be told from "not cached")."""

    def __repr__(self) -> str:
        return "MISS"


MISS: Final = _Miss()


def default_cache_path() -> Path:
    """``<user cache dir>/refnorm/crossref.sqlite3`` (platformdirs when available, else XDG)."""
    try:
        import platformdirs
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "refnorm" / "crossref.sqlite3"
    return Path(platformdirs.user_cache_dir("refnorm", appauthor=False)) / "crossref.sqlite3"


class ResponseCache:
    """A thread-safe, process-safe ``str → JSON`` store with an age limit.

    >>> cache = ResponseCache(":memory:")
    >>> cache.put("k", {"a": 1}); cache.get("k")
    {'a': 1}
    """

    def __init__(self, path: str | os.PathLike[str], *, max_age: float | None = DEFAULT_MAX_AGE) -> None:
        self.path = str(path)
        self.max_age = max_age
        self._lock = threading.Lock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # One connection shared by the worker threads, serialised by self._lock.
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None
            )
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS responses"
                " (key TEXT PRIMARY KEY, value TEXT NOT NULL, stored REAL NOT NULL)"
            )
        except (OSError, sqlite3.Error) as error:
            raise RefnormError(f"cannot use {self.path} as a Crossref cache: {error}") from error

    def get(self, key: str) -> Any:
        """The cached value, or :data:`MISS` when absent, expired or unreadable."""
        with self._lock:
            try:
                row = self._db.execute("SELECT value, stored FROM responses WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error:
                return MISS
        if row is None or (self.max_age is not None and time.time() - row[1] > self.max_age):
            return MISS
        try:
            return json.loads(row[0])
        except ValueError:
            return MISS

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (JSON-serialisable). A failed write only loses the cache entry."""
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        # A cache is an optimisation: never fail a lookup because its answer could not be saved.
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.execute(
                "INSERT OR REPLACE INTO responses (key, value, stored) VALUES (?, ?, ?)",
                (key, text, time.time()),
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM responses").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ResponseCache:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
