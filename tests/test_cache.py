"""The sqlite response cache: answers survive, misses are distinct from cached None, sharing is safe."""

from __future__ import annotations

import multiprocessing
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from refnorm.cache import MISS, ResponseCache, default_cache_path
from refnorm.diagnostics import RefnormError


@pytest.mark.parametrize(
    "value",
    [{"items": [{"DOI": "10.1/x", "title": ["Ünïcode"]}]}, None, [], "text", 3],
    ids=["work list", "cached 404 (None)", "empty list", "string", "number"],
)
def test_round_trip(tmp_path: Path, value: Any) -> None:
    """What is put comes back equal, also after reopening the file."""
    path = tmp_path / "c.sqlite3"
    with ResponseCache(path) as cache:
        cache.put("key", value)
        assert cache.get("key") == value
    with ResponseCache(path) as cache:
        assert cache.get("key") == value


def test_miss_is_not_none(tmp_path: Path) -> None:
    """An absent key is MISS, so a cached "unknown DOI" (None) is not asked again."""
    with ResponseCache(tmp_path / "c.sqlite3") as cache:
        assert cache.get("absent") is MISS
        cache.put("known-404", None)
        assert cache.get("known-404") is None


def test_entries_expire(tmp_path: Path) -> None:
    """Entries older than max_age are misses; max_age=None keeps them forever."""
    path = tmp_path / "c.sqlite3"
    with ResponseCache(path) as cache:
        cache.put("old", 1)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE responses SET stored = stored - 1000")
    with ResponseCache(path, max_age=500) as cache:
        assert cache.get("old") is MISS
    with ResponseCache(path, max_age=None) as cache:
        assert cache.get("old") == 1


def test_wal_mode(tmp_path: Path) -> None:
    """The file is in WAL mode, so readers in other processes never block a writer."""
    path = tmp_path / "c.sqlite3"
    ResponseCache(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_unusable_path_is_a_caller_error(tmp_path: Path) -> None:
    """A --cache path that is not an sqlite file raises RefnormError, not a traceback."""
    bogus = tmp_path / "not-a-db"
    bogus.write_text("this is not sqlite\n" * 100)
    with pytest.raises(RefnormError, match="cannot use"):
        ResponseCache(bogus)


def test_threads_share_one_cache(tmp_path: Path) -> None:
    """Worker threads can read and write the same cache at once."""
    with ResponseCache(tmp_path / "c.sqlite3") as cache:

        def work(n: int) -> None:
            for i in range(50):
                cache.put(f"{n}-{i}", i)
                assert cache.get(f"{n}-{i}") == i

        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(cache) == 400


def _writer(path: str, prefix: str, count: int) -> None:
    with ResponseCache(path) as cache:
        for i in range(count):
            cache.put(f"{prefix}-{i}", {"n": i})
            cache.get(f"{prefix}-{i // 2}")


def test_two_processes_share_one_file(tmp_path: Path) -> None:
    """Two processes writing the same file concurrently both succeed and lose nothing."""
    path = str(tmp_path / "c.sqlite3")
    ResponseCache(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(path, p, 150)) for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0]
    with ResponseCache(path) as cache:
        assert len(cache) == 300
        assert cache.get("b-149") == {"n": 149}


def test_default_path_without_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without platformdirs the cache goes under $XDG_CACHE_HOME/refnorm."""
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "refnorm" / "crossref.sqlite3"


def test_default_path_is_outside_the_working_tree() -> None:
    """The default cache is absolute and named for refnorm (never a file in the current directory)."""
    path = default_cache_path()
    assert path.is_absolute() and "refnorm" in path.parts and path.name == "crossref.sqlite3"
