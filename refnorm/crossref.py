"""Find missing DOIs and verify existing ones with Crossref, through habanero — only when asked.

This is the only module that talks to the network, and the only one that imports habanero (lazily,
inside functions), so ``import refnorm`` stays offline and fast.

What habanero 2.9 does, read from its source, and how this module works around it:

* ``Crossref(base_url, mailto, timeout)`` builds ``base_url + "/works"`` and sends ``mailto`` only in
  the ``User-Agent`` header (which is what the polite pool looks at).
* ``works(query_bibliographic=…)`` takes the row count as ``limit=``: a ``rows=`` keyword is
  silently dropped (only ``query_*`` keywords reach the URL).
* ``works(ids=…)`` pastes each id into the path **unescaped**, and splits a ``str`` on whitespace; a
  DOI with ``#``, ``?`` or ``<`` would be cut short. We percent-escape the DOI ourselves and pass a
  one-element list. One id returns one ``dict``; a list of ids returns a list.
* Errors: on the search path a 4xx/5xx with a JSON error body becomes ``habanero.RequestError``,
  anything else re-raises ``httpx2.HTTPStatusError`` (a JSON body whose ``message`` is a string even
  escapes as ``TypeError``); transport errors and timeouts are wrapped in ``RuntimeError``. On the
  ``ids`` path 404/429/5xx raise ``httpx2.HTTPStatusError`` and a timeout raises the bare
  ``httpx2.TimeoutException``. Malformed JSON raises ``json.JSONDecodeError``; a non-JSON 200 raises
  ``RequestError``.
* No retries, and **no response headers on success**: habanero returns only the parsed JSON, so the
  ``x-rate-limit-limit`` / ``x-rate-limit-interval`` headers Crossref sends on every response are
  invisible until a request fails. They (and ``Retry-After``) are reachable on failures through the
  exception chain (``HTTPStatusError.response``, also the ``__context__`` of ``RequestError``). So we
  pace requests ourselves (a shared minimum interval, conservative by default), tighten the pace to
  whatever a 429 reports, pause every worker for ``Retry-After``, and back off exponentially with a
  bounded number of retries on 429, 5xx, timeouts and connection errors.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import random
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar
from urllib.parse import quote, urlsplit

from refnorm.diagnostics import Diagnostic, RefnormError, Severity, register
from refnorm.doi import doi_key, normalize_doi
from refnorm.model import FrozenMap, Reference
from refnorm.pages import normalize_pages

if TYPE_CHECKING:  # the CLI imports this module to add its options: keep that import cheap
    from refnorm.cache import ResponseCache
    from refnorm.matching import Assessment, Work

__all__ = [
    "AMBIGUOUS",
    "DEFAULT_URL",
    "DIFFERENT_WORK",
    "DOI_ADDED",
    "FIELDS_FILLED",
    "LOOKUP_FAILED",
    "NOT_IN_CROSSREF",
    "NO_MATCH",
    "PARTLY_MATCHES",
    "Change",
    "ResolveResult",
    "add_crossref_arguments",
    "check_bib_online",
    "resolve",
    "resolve_from_args",
]

DEFAULT_URL: Final = "https://api.crossref.org"
MAX_WORKERS: Final = 8  # hard ceiling: Crossref limits concurrent requests per client too
_SELECT: Final = (
    "DOI,title,subtitle,original-title,short-title,author,editor,issued,published-print,"
    "published-online,posted,container-title,short-container-title,volume,issue,page,"
    "article-number,type,publisher,update-to,relation,score"
)
_CACHE_VERSION: Final = "v2"  # bump when _SELECT changes: older cached answers lack fields
_RETRY_STATUS: Final = frozenset({429, 500, 502, 503, 504})
_MAX_WAIT: Final = 120.0  # never sleep longer than this on one server hint

DOI_ADDED = register("C501", "DOI found on Crossref and added")
FIELDS_FILLED = register("C502", "missing fields filled from the Crossref record of the DOI")
NO_MATCH = register("C503", "no Crossref candidate was accepted (each is listed with why it was rejected)")
AMBIGUOUS = register("C504", "several Crossref candidates fit equally well; no DOI added")
DIFFERENT_WORK = register("C505", "the DOI belongs to a different work (named in the message)")
PARTLY_MATCHES = register("C506", "the DOI's Crossref record disagrees with some fields of the reference")
NOT_IN_CROSSREF = register("C507", "DOI unknown to Crossref (may be a DataCite or other agency DOI)")
LOOKUP_FAILED = register(
    "C508", "Crossref lookup failed (timeout, HTTP error, bad reply); reference unchanged"
)


@dataclass(frozen=True, slots=True)
class Change:
    """What :func:`resolve` changed in one reference: the fields it filled and from which record."""

    index: int  # position in the input sequence
    label: str
    doi: str
    action: Literal["found", "verified"]  # DOI found by search, or the reference's own DOI confirmed
    filled: tuple[str, ...]  # CSL names of the fields that were empty and now hold Crossref values
    score: float = 0.0  # Crossref's search score (0 for a DOI lookup)
    confidence: float = 0.0  # refnorm's own agreement measure, see refnorm.matching


@dataclass(frozen=True, slots=True)
class ResolveResult:
    """New references (same order), what changed, and the C5xx diagnostics (also on each reference)."""

    references: tuple[Reference, ...]
    changes: tuple[Change, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    requests: int = 0  # HTTP requests sent (retries included)
    cache_hits: int = 0


# -- the habanero adapter ----------------------------------------------------------------------------


class _LookupFailed(Exception):
    """A request failed for good (retries exhausted or not worth retrying)."""


class _NotFound(_LookupFailed):
    """Crossref answered 404 (an answer for a DOI lookup, a failure for a search)."""


@dataclass(frozen=True, slots=True)
class _Failure:
    message: str
    status: int | None = None
    retryable: bool = False
    retry_after: float | None = None
    rate: tuple[int, float] | None = None  # (limit, interval seconds) from x-rate-limit-* headers


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$")


def _seconds(text: str | None) -> float | None:
    match = _INTERVAL.match(text or "")
    if not match:
        return None
    scale = {"ms": 0.001, "s": 1.0, None: 1.0, "m": 60.0, "h": 3600.0}[match.group(2)]
    return float(match.group(1)) * scale


def _classify(error: BaseException) -> _Failure:
    """Read status, headers and kind out of whatever habanero raised (see the module docstring)."""
    import httpx2

    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for exc in chain:
        if isinstance(exc, httpx2.HTTPStatusError):
            response = exc.response
            headers = response.headers
            status = response.status_code
            rate = None
            limit = headers.get("x-rate-limit-limit")
            interval = _seconds(headers.get("x-rate-limit-interval"))
            if limit and limit.isdigit() and int(limit) > 0 and interval:
                rate = (int(limit), interval)
            return _Failure(
                f"HTTP {status} {response.reason_phrase}".strip(),
                status,
                status in _RETRY_STATUS,
                _seconds(headers.get("retry-after")),
                rate,
            )
    for exc in chain:
        if isinstance(exc, httpx2.TimeoutException):
            return _Failure(f"timed out ({type(exc).__name__})", retryable=True)
        if isinstance(exc, httpx2.TransportError):
            return _Failure(f"connection failed ({type(exc).__name__}: {exc})", retryable=True)
        code = getattr(exc, "status_code", None)  # habanero.RequestError without a response
        if isinstance(code, int):
            if code == 200:
                return _Failure(f"malformed response ({getattr(exc, 'error', exc)})")
            return _Failure(f"HTTP {code}: {getattr(exc, 'error', exc)}", code, code in _RETRY_STATUS)
        if isinstance(exc, json.JSONDecodeError):
            return _Failure(f"malformed JSON in the response ({exc.msg})")
    return _Failure(f"{type(error).__name__}: {error}")


class _Throttle:
    """A minimum interval between request starts, shared by all workers, that a 429 can widen."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._next = max(self._next, time.monotonic() + seconds)

    def adopt(self, limit: int, interval: float) -> None:
        with self._lock:
            self.interval = max(self.interval, interval / limit)


_T = TypeVar("_T")


class _Client:
    """habanero behind a cache, a throttle and a retry loop. Thread-safe."""

    def __init__(
        self,
        base_url: str,
        mailto: str | None,
        *,
        timeout: float,
        retries: int,
        backoff: float,
        per_second: float,
        cache: ResponseCache | None,
    ) -> None:
        from habanero import Crossref  # type: ignore[import-untyped]

        self.base_url = base_url
        self._crossref = Crossref(base_url=base_url, mailto=mailto, timeout=timeout)
        self._retries = retries
        self._backoff = backoff
        self._throttle = _Throttle(per_second)
        self._cache = cache
        self._lock = threading.Lock()
        self.requests = 0
        self.cache_hits = 0

    def search(self, query: str, rows: int) -> list[dict[str, Any]]:
        """``items`` of a ``query.bibliographic`` search."""

        def fetch() -> list[dict[str, Any]]:
            answer = self._crossref.works(query_bibliographic=query, limit=rows, select=_SELECT)
            items = _message(answer, "work-list").get("items")
            if not isinstance(items, list):
                raise _LookupFailed("malformed response (no items list)")
            return [item for item in items if isinstance(item, dict)]

        key = f"search\t{_CACHE_VERSION}\t{self.base_url}\t{rows}\t{query}"
        return self._cached(key, lambda: self._with_retries(fetch))

    def work(self, doi: str) -> dict[str, Any] | None:
        """The record of ``doi``, or None when Crossref does not know it (404)."""

        def fetch() -> dict[str, Any]:
            return _message(self._crossref.works(ids=[quote(doi, safe="/")]), "work")

        def fetch_or_none() -> dict[str, Any] | None:
            try:
                return self._with_retries(fetch)
            except _NotFound:
                return None  # cached too: "unknown to Crossref" is an answer

        return self._cached(f"work\t{_CACHE_VERSION}\t{self.base_url}\t{doi_key(doi)}", fetch_or_none)

    def _cached(self, key: str, fetch: Callable[[], _T]) -> _T:
        if self._cache is not None:
            from refnorm.cache import MISS

            hit = self._cache.get(key)
            if hit is not MISS:
                with self._lock:
                    self.cache_hits += 1
                return hit  # type: ignore[no-any-return]
        value = fetch()
        if self._cache is not None:
            self._cache.put(key, value)
        return value

    def _with_retries(self, fetch: Callable[[], _T]) -> _T:
        attempt = 0
        while True:
            self._throttle.wait()
            with self._lock:
                self.requests += 1
            try:
                return fetch()
            except _LookupFailed:
                raise
            except Exception as error:
                failure = _classify(error)
                if failure.status == 404:
                    raise _NotFound(failure.message) from error
                if not failure.retryable or attempt >= self._retries:
                    tries = f" after {attempt + 1} attempts" if attempt else ""
                    raise _LookupFailed(failure.message + tries) from error
                if failure.rate:
                    self._throttle.adopt(*failure.rate)
                delay = self._backoff * 2**attempt * (1 + random.random() / 4)  # jitter spreads workers
                if failure.retry_after is not None:
                    delay = max(delay, failure.retry_after)
                delay = min(delay, _MAX_WAIT)
                if failure.status == 429:
                    self._throttle.pause(delay)  # everyone waits, not just this worker
                time.sleep(delay)
                attempt += 1


def _message(answer: Any, kind: str) -> dict[str, Any]:
    if isinstance(answer, list) and len(answer) == 1:
        answer = answer[0]
    if not isinstance(answer, dict) or not isinstance(answer.get("message"), dict):
        raise _LookupFailed(f"malformed response (expected a Crossref {kind} message)")
    message: dict[str, Any] = answer["message"]
    return message


# -- resolving one reference ------------------------------------------------------------------------


def _fill(ref: Reference, work: Work, *, add_doi: bool) -> tuple[Reference, tuple[str, ...]]:
    """Copy the record's values into the fields the reference lacks; never overwrite one."""
    new: dict[str, str] = {}
    if add_doi:
        new["DOI"] = work.doi
    title = f"{work.title}: {work.subtitle}" if work.subtitle else work.title
    page = normalize_pages(work.page) if work.page else ""
    for key, value in (
        ("title", title),
        ("container-title", work.container_title),
        ("volume", work.volume),
        ("issue", work.issue),
        ("page", page),
    ):
        if value and not ref.get(key):
            new[key] = value
    filled = list(new)
    updated = replace(ref, variables=FrozenMap({**ref.variables, **new})) if new else ref
    if not ref.author and work.author:
        updated = replace(updated, author=work.author)
        filled.append("author")
    if (ref.issued is None or ref.issued.year is None) and work.issued is not None:
        updated = replace(updated, issued=work.issued)
        filled.append("issued")
    return updated, tuple(filled)


@dataclass(frozen=True, slots=True)
class _Outcome:
    reference: Reference
    change: Change | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


def _diag(ref: Reference, code: str, message: str, severity: Severity = Severity.INFO) -> Diagnostic:
    return Diagnostic(code, message, severity, line=ref.line, label=ref.label or ref.id)


def _agreement(a: Assessment) -> str:
    text = f"confidence {a.confidence:.2f}; agrees on {', '.join(a.agreements) or 'nothing'}"
    if a.confirmed:
        text += f"; despite {'; '.join(a.confirmed)}, which the numbers settle"
    return text


def _find(index: int, ref: Reference, client: _Client, rows: int, fill: bool) -> _Outcome:
    from refnorm.matching import Work, choose, query_text

    query = query_text(ref)
    works = [w for item in client.search(query, rows) if (w := Work.from_crossref(item))]
    decision = choose(ref, works, query=query)
    if decision.accepted is not None:
        chosen = decision.accepted
        if not fill:
            message = f"DOI {chosen.work.doi} found on Crossref, not added ({_agreement(chosen)})"
            return _Outcome(ref, None, (_diag(ref, DOI_ADDED, message),))
        updated, filled = _fill(ref, chosen.work, add_doi=True)
        also = f"; also filled {', '.join(filled[1:])}" if len(filled) > 1 else ""
        if chosen.notes:
            also += f"; Crossref differs from your {'; '.join(chosen.notes)} (yours kept)"
        message = f"DOI {chosen.work.doi} added from Crossref ({_agreement(chosen)}){also}"
        change = Change(
            index, ref.label or ref.id, chosen.work.doi, "found", filled, chosen.work.score, chosen.confidence
        )
        return _Outcome(updated, change, (_diag(ref, DOI_ADDED, message),))
    if decision.ambiguous:
        listed = " | ".join(
            f"{a.work.describe()} ({_agreement(a)}{'; ' if a.unmet else ''}{'; '.join(a.unmet)})"
            for a in decision.ambiguous[:3]
        )
        message = f"no DOI added, candidates fit equally and nothing cited tells them apart: {listed}"
        return _Outcome(ref, None, (_diag(ref, AMBIGUOUS, message),))
    if decision.rejected:
        listed = " | ".join(a.explain() for a in decision.rejected[:2])
        return _Outcome(ref, None, (_diag(ref, NO_MATCH, f"no Crossref match accepted; best: {listed}"),))
    return _Outcome(ref, None, (_diag(ref, NO_MATCH, "no Crossref candidates"),))


def _verify(index: int, ref: Reference, client: _Client, fill: bool) -> _Outcome:
    from refnorm.matching import DIFFERENT_TITLE, STRONG_TITLE, SUBSTITUTED, Work, assess, title_difference

    doi = ref.doi
    record = client.work(normalize_doi(doi) or doi)
    if record is None:
        message = (
            f"DOI {doi} is not registered with Crossref; it may be a DataCite (or other agency) DOI, "
            "so this is not necessarily an error"
        )
        return _Outcome(ref, None, (_diag(ref, NOT_IN_CROSSREF, message),))
    work = Work.from_crossref(record)
    if work is None:
        return _Outcome(ref, None, (_diag(ref, LOOKUP_FAILED, f"Crossref record of {doi} has no DOI"),))
    a = assess(ref, work)
    if work.notice and f"a {work.notice}" in a.conflicts:
        # An erratum, retraction notice, comment, review or supplement is never the work itself.
        message = f"DOI {doi} belongs to a {work.notice}, not to the work: {work.describe()}"
        return _Outcome(ref, None, (_diag(ref, DIFFERENT_WORK, message, Severity.ERROR),))
    if ref.title or ref.author:
        people = [c for c in a.conflicts if c.startswith(("first author", "first editor", "year"))]
        numbers = [c for c in a.conflicts if c.startswith(("volume", "issue", "first page"))]
        title_off = bool(ref.title) and a.title_similarity < STRONG_TITLE
        change = title_difference(ref.title, work.title) if title_off else ""
        if ref.title:
            # A title far off, or off by a replaced or moved word ("upper"/"lower", "Part I"/"Part II")
            # or together with another disagreement, is another work; a garbled parse alone is not.
            off = a.title_similarity < DIFFERENT_TITLE
            reworded = "≠" in change or change.startswith("word order")
            different = a.title_similarity < 0.5 or (
                off and (a.title_similarity <= SUBSTITUTED or bool(people) or bool(numbers))
            )
            different = different or reworded
        else:
            different = len(people) == 2
        if different:
            why = "; ".join(a.conflicts)
            message = f"DOI {doi} belongs to a different work ({why}): {work.describe()}"
            return _Outcome(ref, None, (_diag(ref, DIFFERENT_WORK, message, Severity.ERROR),))
        # Doubts alone do not make a search accept a record; for a DOI the user gave, a title a word
        # off ("… revisited") or two unsettled doubts (year one off and another journal) are reported.
        # One doubt alone is not: journal abbreviations and online/print years differ all the time.
        unsettled = () if a.confirmed else a.doubts
        if title_off and not a.conflicts:
            unsettled = (f"title differs (similarity {a.title_similarity:.2f}: {change})", *unsettled)
        if a.conflicts or any(d.startswith("title differs") for d in unsettled) or len(unsettled) > 1:
            why = "; ".join(a.conflicts + unsettled)
            message = f"DOI {doi} record disagrees: {why} — {work.describe()}"
            return _Outcome(ref, None, (_diag(ref, PARTLY_MATCHES, message, Severity.WARNING),))
    updated, filled = _fill(ref, work, add_doi=False)
    if not filled or not fill:
        return _Outcome(ref)
    change = Change(index, ref.label or ref.id, work.doi, "verified", filled)
    message = f"filled {', '.join(filled)} from the Crossref record of {doi}"
    return _Outcome(updated, change, (_diag(ref, FIELDS_FILLED, message),))


def _searchable(ref: Reference) -> bool:
    return bool(ref.title or ref.raw.strip())


@dataclass(frozen=True, slots=True)
class _Task:
    find: bool
    verify: bool
    fill: bool
    rows: int


def _resolve_one(index: int, ref: Reference, client: _Client, task: _Task) -> _Outcome:
    try:
        if ref.doi:
            return _verify(index, ref, client, task.fill) if task.verify else _Outcome(ref)
        if task.find and _searchable(ref):
            return _find(index, ref, client, task.rows, task.fill)
        return _Outcome(ref)
    except _LookupFailed as error:
        what = f"verifying {ref.doi}" if ref.doi else "searching"
        return _Outcome(
            ref, None, (_diag(ref, LOOKUP_FAILED, f"Crossref {what} failed: {error}", Severity.WARNING),)
        )
    except Exception as error:  # one reference's surprise must not end the run
        message = f"Crossref lookup failed unexpectedly: {type(error).__name__}: {error}"
        return _Outcome(ref, None, (_diag(ref, LOOKUP_FAILED, message, Severity.WARNING),))


# -- the public entry point ----------------------------------------------------------------------


def _is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _open_cache(cache: str | os.PathLike[str] | Literal[False] | None) -> ResponseCache | None:
    from refnorm.cache import ResponseCache, default_cache_path

    if cache is False:
        return None
    if cache is not None:
        return ResponseCache(cache)  # an explicit path that does not work is the caller's mistake
    try:
        return ResponseCache(default_cache_path())
    except RefnormError:
        return None  # an unwritable home directory only costs the cache


class _Progress:
    """tqdm when it is installed (habanero depends on it), else a bare stderr counter."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled
        self._bar: Any = None
        if enabled:
            try:
                from tqdm import tqdm  # type: ignore[import-untyped]
            except ImportError:
                return
            self._bar = tqdm(total=total, desc="crossref", unit="ref", file=sys.stderr, leave=False)

    def step(self) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update(1)
        elif self.enabled:
            end = "\n" if self.done == self.total else ""
            print(f"\rcrossref: {self.done}/{self.total}", end=end, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def resolve(
    refs: Iterable[Reference],
    *,
    mailto: str | None = None,
    base_url: str | None = None,
    cache: str | os.PathLike[str] | Literal[False] | None = None,
    verify: bool = True,
    find: bool = True,
    fill: bool = True,
    timeout: float = 10.0,
    max_workers: int = 3,
    progress: bool = False,
    retries: int = 3,
    backoff: float = 1.0,
    requests_per_second: float = 5.0,
    rows: int = 10,
) -> ResolveResult:
    """Find DOIs for references without one and verify the DOIs references have, on Crossref.

    Goes online — call it only when the user asked. ``mailto`` (or ``$REFNORM_MAILTO``) is
    required for any non-local server: Crossref's etiquette asks for a contact address, and the
    requirement doubles as an explicit opt-in. ``base_url`` defaults to ``$REFNORM_CROSSREF_URL``
    or the public API; with ``$REFNORM_OFFLINE`` set only loopback servers are contacted.
    ``cache`` is a sqlite path, None for the user cache directory, or False for none.
    ``fill=False`` only reports (what ``refnorm check`` wants): no field is added.
    Data problems and failed lookups become C5xx diagnostics; each reference is either left
    unchanged or has only *empty* fields filled.
    """
    references = list(refs)
    url = (base_url or os.environ.get("REFNORM_CROSSREF_URL") or DEFAULT_URL).rstrip("/")
    mailto = mailto or os.environ.get("REFNORM_MAILTO") or None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefnormError(f"not a Crossref API URL: {url!r}")
    local = _is_loopback(parts.hostname)
    if os.environ.get("REFNORM_OFFLINE", "") not in ("", "0") and not local:
        raise RefnormError(f"REFNORM_OFFLINE is set: refusing to contact {parts.hostname}")
    if not local and not mailto:
        raise RefnormError("Crossref needs a contact address: pass mailto= (or --mailto, $REFNORM_MAILTO)")
    if not 1 <= max_workers <= MAX_WORKERS:
        raise RefnormError(f"max_workers must be between 1 and {MAX_WORKERS}")
    if timeout <= 0 or retries < 0 or rows < 1:
        raise RefnormError("timeout and rows must be positive and retries not negative")

    todo = [i for i, ref in enumerate(references) if (verify if ref.doi else find and _searchable(ref))]
    if not todo:
        return ResolveResult(tuple(references))
    store = _open_cache(cache)
    client = _Client(
        url,
        mailto,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
        per_second=requests_per_second,
        cache=store,
    )
    bar = _Progress(len(todo), progress)
    task = _Task(find, verify, fill, rows)

    def work(index: int) -> _Outcome:
        outcome = _resolve_one(index, references[index], client, task)
        bar.step()
        return outcome

    try:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="refnorm-crossref") as pool:
            outcomes = dict(zip(todo, pool.map(work, todo), strict=True))
    finally:
        bar.close()
        if store is not None:
            store.close()

    changes: list[Change] = []
    diagnostics: list[Diagnostic] = []
    for index, outcome in sorted(outcomes.items()):
        ref = outcome.reference
        if outcome.diagnostics:
            ref = ref.with_diagnostics(*outcome.diagnostics)
            diagnostics.extend(outcome.diagnostics)
        references[index] = ref
        if outcome.change is not None:
            changes.append(outcome.change)
    return ResolveResult(
        tuple(references), tuple(changes), tuple(diagnostics), client.requests, client.cache_hits
    )


# -- command-line glue (used by `refnorm convert` and `refnorm check`) ------------------------------


def add_crossref_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--crossref``, ``--mailto``, ``--crossref-url``, ``--cache`` and ``--no-cache``."""
    group = parser.add_argument_group("Crossref (online; nothing is sent unless --crossref is given)")
    group.add_argument("--crossref", action="store_true", help="find missing DOIs and verify existing ones")
    group.add_argument(
        "--mailto", metavar="EMAIL", help="your contact address for Crossref (or $REFNORM_MAILTO)"
    )
    group.add_argument(
        "--crossref-url", metavar="URL", help=f"API base URL (default $REFNORM_CROSSREF_URL or {DEFAULT_URL})"
    )
    where = group.add_mutually_exclusive_group()
    where.add_argument(
        "--cache", metavar="PATH", type=Path, help="sqlite cache file (default: in the user cache directory)"
    )
    where.add_argument("--no-cache", action="store_true", help="neither read nor write the response cache")


def resolve_from_args(
    refs: Sequence[Reference], args: argparse.Namespace, *, find: bool = True, fill: bool = True
) -> ResolveResult:
    """Run :func:`resolve` as the parsed options ask; without ``--crossref`` return ``refs`` unchanged."""
    if not getattr(args, "crossref", False):
        return ResolveResult(tuple(refs))
    cache: Path | Literal[False] | None = (
        False if getattr(args, "no_cache", False) else getattr(args, "cache", None)
    )
    return resolve(
        refs,
        mailto=getattr(args, "mailto", None),
        base_url=getattr(args, "crossref_url", None),
        cache=cache,
        find=find,
        fill=fill,
        progress=sys.stderr.isatty(),
    )


def check_bib_online(text: str, source: str, args: argparse.Namespace) -> list[Diagnostic]:
    """For ``refnorm check --crossref``: verify a .bib file's DOIs and suggest missing ones.

    Nothing is changed. Returned: problems (C505/C506/C508) and DOIs Crossref is sure of (C501);
    the chatty infos (no match, ambiguous, unknown to Crossref) are left out of a check report.
    """
    if not getattr(args, "crossref", False):
        return []
    from refnorm.formats.bibtex import read_bibtex

    refs = read_bibtex(text, source=source).references
    found = resolve_from_args(refs, args, fill=False).diagnostics
    return [d for d in found if d.severity != Severity.INFO or d.code == DOI_ADDED]
