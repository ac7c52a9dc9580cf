"""A small fake of Crossref's REST API on 127.0.0.1, for driving refnorm through habanero offline.

It answers ``GET /works?query.bibliographic=…&rows=…`` (a ``work-list`` message with scored items)
and ``GET /works/{doi}`` (a ``work`` message, or Crossref's plain-text 404 ``Resource not found.``),
in Crossref's real JSON shape. Faults are chosen per request with :meth:`FakeCrossref.script`:
every request whose decoded path and query contain a marker consumes the next scripted behaviour
(``"429"``, ``"500"``, ``"404"``, ``"slow"``, ``"malformed"``, ``"empty"``, ``"ok"``). Every request is
logged, so tests can count what was sent.

:func:`load_decoys` reads the invented decoy table in ``tests/data/crossref/decoys.json``: its records
are Crossref work items written compactly (``"Family, Given"`` names, a year or ``[y, m, d]`` for dates)
and :func:`expand` turns them into Crossref's shapes; a record's ``_boost`` multiplies its search score.
"""

from __future__ import annotations

import json
import math
import random
import re
import threading
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = [
    "REVEALED_BY",
    "DecoyCase",
    "FakeCrossref",
    "Logged",
    "cite_some_fields",
    "expand",
    "item",
    "load_decoys",
    "one_mutation_decoy",
    "random_work",
]

RATE_HEADERS = {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s"}


def item(
    doi: str,
    title: str,
    authors: Sequence[tuple[str, str]],
    year: int,
    container: str = "",
    volume: str = "",
    issue: str = "",
    page: str = "",
    type: str = "journal-article",
    **extra: Any,
) -> dict[str, Any]:
    """One Crossref work record (the subset of fields refnorm reads, in Crossref's shapes)."""
    record: dict[str, Any] = {
        "DOI": doi,
        "type": type,
        "title": [title],
        "author": [
            {"given": given, "family": family, "sequence": "first" if i == 0 else "additional"}
            for i, (family, given) in enumerate(authors)
        ],
        "issued": {"date-parts": [[year]]},
        "container-title": [container] if container else [],
        "publisher": "Fake Publisher",
    }
    for key, value in (("volume", volume), ("issue", issue), ("page", page)):
        if value:
            record[key] = value
    record.update(extra)
    return record


DECOYS = Path(__file__).parent / "data" / "crossref" / "decoys.json"
_DATES = ("issued", "published-print", "published-online", "posted")


def _date(value: Any) -> dict[str, Any]:
    return {"date-parts": [value if isinstance(value, list) else [value]]}


def _people(names: Sequence[str]) -> list[dict[str, Any]]:
    return [dict(zip(("family", "given"), name.split(", ", 1), strict=False)) for name in names]


def expand(record: Mapping[str, Any]) -> dict[str, Any]:
    """A compact fixture record in Crossref's shapes (people, dates, one-element title lists)."""
    out: dict[str, Any] = {"publisher": "Fake Publisher", **record}
    for role in ("author", "editor"):
        if role in out:
            people = _people(out[role])
            for i, person in enumerate(people):
                person["sequence"] = "first" if i == 0 else "additional"
            out[role] = people
    for key in _DATES:
        if key in out:
            out[key] = _date(out[key])
    for key in ("title", "container-title", "short-container-title", "original-title", "subtitle"):
        if isinstance(out.get(key), str):
            out[key] = [out[key]]
    return out


@dataclass(frozen=True)
class DecoyCase:
    """One reference of the decoy table and the DOI it must get (None: refnorm must abstain)."""

    id: str
    csl: dict[str, Any] | None  # the reference as CSL-JSON, or None when it is parsed from raw
    raw: str
    expect: str | None

    def reference(self) -> Any:
        """The reference as refnorm sees it: built from its fields, or parsed from its text."""
        from refnorm import parse_reference
        from refnorm.model import Reference

        if self.csl is None:
            return parse_reference(self.raw)
        csl = dict(self.csl)
        for role in ("author", "editor"):
            if role in csl:
                csl[role] = _people(csl[role])
        if "issued" in csl:
            csl["issued"] = _date(csl["issued"])
        return Reference.from_csl(csl, raw=self.raw)


def load_decoys() -> tuple[list[dict[str, Any]], list[DecoyCase], list[DecoyCase]]:
    """(Crossref records, search cases, verification cases) of the invented decoy table."""
    data = json.loads(DECOYS.read_text(encoding="utf-8"))

    def cases(kind: str) -> list[DecoyCase]:
        return [DecoyCase(c["id"], c.get("ref"), c.get("raw", ""), c["expect"]) for c in data[kind]]

    return [expand(r) for r in data["records"]], cases("find"), cases("verify")


# -- random one-mutation decoys: invented works, each decoy differing from its work in one way --------
WORDS = """sediment tidal mixing fjord glacier lichen nitrogen phosphorus salinity plankton bloom kelp carbon
flux wildfire peat permafrost slope avalanche runoff basin aquifer recharge karst cod seabird migration
estuary marsh creek platform upwelling shear stratification sill hypoxia oxygen model observation spectral
inverse sensing leak network emulator circulation turbulence wave reef""".split()  # noqa: SIM905
JOURNALS = {
    "Journal of Coastal Dynamics": "J Coast Dyn",
    "Arctic Botany": "Arct Bot",
    "Alpine Limnology": "Alp Limnol",
}
NUMBERS = ("container-title", "volume", "issue", "page")
# How each decoy differs from its work, and the reference fields that reveal it.
REVEALED_BY = {
    "year +2": {"year", "page"},
    "other first author": {"author", "page"},
    "word replaced": {"title"},
    "word added": {"title"},
    "correction": {"title"},
    "erratum record": {"title"},
    "preprint": {"container", "volume", "page"},
    "supplement": {"title"},
    "reprint chapter": {"year", "container", "page"},
    "conference version": {"container", "year", "page"},
    "same journal, other issue": {"volume", "issue", "page"},
}


def one_mutation_decoy(name: str, r: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The record ``r`` changed in the one way ``name`` says (and on another page)."""
    page = str(int(r["page"].split("-")[0]) + rng.randint(1000, 1500))
    words = r["title"].split()
    words[rng.randrange(len(words))] = rng.choice([w for w in WORDS if w not in r["title"].lower()])
    bare = {k: v for k, v in r.items() if k not in NUMBERS}
    change: dict[str, Any] = {
        "year +2": {**r, "issued": r["issued"] + 2, "page": page},
        "other first author": {**r, "author": ["Zorn, Q.", *r["author"][1:]], "page": page},
        "word replaced": {**r, "title": " ".join(words), "page": page},
        "word added": {**r, "title": r["title"] + " revisited", "page": page},
        "correction": {**r, "title": "Correction to: " + r["title"], "page": page},
        "erratum record": {**r, "update-to": [{"DOI": r["DOI"], "type": "erratum"}], "page": page},
        "preprint": {**bare, "type": "posted-content"},
        "supplement": {"DOI": "", "type": "component", "title": r["title"]},
        "reprint chapter": {**bare, "type": "book-chapter", "issued": r["issued"] + 3, "page": page},
        "conference version": {
            **bare,
            "type": "proceedings-article",
            "issued": r["issued"] - 1,
            "container-title": "Proceedings of the Fjord Workshop",
            "page": page,
        },
        "same journal, other issue": {
            **r,
            "volume": str(int(r["volume"]) + 5),
            "issue": str(int(r["issue"]) + 1),
            "page": page,
        },
    }
    return dict(change[name])


def random_work(doi: str, rng: random.Random) -> dict[str, Any]:
    """An invented journal article with a title of 3-9 words from WORDS."""
    first = rng.randint(1, 900)
    return {
        "DOI": doi,
        "type": "journal-article",
        "title": " ".join(rng.sample(WORDS, rng.randint(3, 9))).capitalize(),
        "author": [
            f"{family}, A." for family in rng.sample(["Quill", "Moreau", "Ibsen", "Keller", "Aune"], 2)
        ],
        "issued": rng.randint(1990, 2022),
        "container-title": rng.choice(list(JOURNALS)),
        "volume": str(rng.randint(1, 60)),
        "issue": str(rng.randint(1, 12)),
        "page": f"{first}-{first + rng.randint(3, 30)}",
    }


def cite_some_fields(record: dict[str, Any], rng: random.Random) -> tuple[set[str], dict[str, Any]]:
    """The record cited as CSL-JSON with its title and a random ~60% of its other fields."""
    fields = {f for f in ("author", "year", "container", "volume", "issue", "page") if rng.random() < 0.6}
    csl: dict[str, Any] = {"title": record["title"]}
    if "author" in fields:
        csl["author"] = _people(record["author"])
    if "year" in fields:
        csl["issued"] = _date(record["issued"])
    if "container" in fields:
        csl["container-title"] = rng.choice([record["container-title"], JOURNALS[record["container-title"]]])
    csl.update({f: record[f] for f in ("volume", "issue", "page") if f in fields})
    return fields, csl


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.findall(r"[0-9a-z]+", text)


def _public(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_")}


@dataclass(frozen=True)
class Logged:
    path: str  # decoded path, e.g. /works/10.1000/x
    params: dict[str, str]
    user_agent: str


class FakeCrossref:
    """``with FakeCrossref(items) as fake: resolve(refs, base_url=fake.url)``."""

    def __init__(
        self, items: Iterable[Mapping[str, Any]] = (), *, slow_seconds: float = 1.0, retry_after: str = "0"
    ) -> None:
        self.items = [dict(i) for i in items]
        self.slow_seconds = slow_seconds
        self.retry_after = retry_after  # the Retry-After header sent with a 429
        self.times: list[float] = []  # monotonic arrival time of each request
        self.requests: list[Logged] = []
        self._scripts: list[tuple[str, list[str]]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)
        self._index()

    # -- set-up ---------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def script(self, marker: str, *behaviours: str) -> None:
        """Requests containing ``marker`` get these behaviours, one each, then normal answers."""
        with self._lock:
            self._scripts.append((marker, list(behaviours)))

    def count(self, marker: str = "") -> int:
        """How many requests were received (whose path or query contain ``marker``)."""
        with self._lock:
            return sum(1 for r in self.requests if marker in r.path or marker in " ".join(r.params.values()))

    def __enter__(self) -> FakeCrossref:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- the index: a tiny tf-idf so scores grow with the query like Crossref's do ---------------
    def _index(self) -> None:
        self._docs: list[set[str]] = []
        for record in self.items:
            names = " ".join(f"{a.get('given', '')} {a.get('family', '')}" for a in record.get("author", []))
            year = str(record.get("issued", {}).get("date-parts", [[""]])[0][0])
            fields = [*record.get("title", []), names, *record.get("container-title", []), year]
            fields += [str(record.get(k, "")) for k in ("volume", "issue", "page")]
            self._docs.append(set(_tokens(" ".join(fields))))
        total = len(self._docs) or 1
        df: dict[str, int] = {}
        for doc in self._docs:
            for token in doc:
                df[token] = df.get(token, 0) + 1
        self._idf = {t: 1.0 + math.log(total / n) for t, n in df.items()}

    def search(self, query: str, rows: int) -> list[dict[str, Any]]:
        words = _tokens(query)
        scored = []
        for record, doc in zip(self.items, self._docs, strict=True):
            score = sum(self._idf[w] for w in words if w in doc) * float(record.get("_boost", 1.0))
            if score > 0:
                scored.append((score, record))
        scored.sort(key=lambda pair: -pair[0])
        return [{**_public(record), "score": round(score, 3)} for score, record in scored[:rows]]

    def lookup(self, doi: str) -> dict[str, Any] | None:
        for record in self.items:
            if record["DOI"].lower() == doi.lower():
                return _public(record)
        return None

    # -- HTTP -----------------------------------------------------------------------------------
    def _next_behaviour(self, request: str) -> str:
        with self._lock:
            for marker, behaviours in self._scripts:
                if marker in request and behaviours:
                    return behaviours.pop(0)
        return "ok"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
                return

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                path = unquote(parts.path)
                params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                with fake._lock:
                    fake.requests.append(Logged(path, params, self.headers.get("User-Agent", "")))
                    fake.times.append(time.monotonic())
                behaviour = fake._next_behaviour(path + " " + " ".join(params.values()))
                if behaviour == "slow":
                    time.sleep(fake.slow_seconds)
                elif behaviour == "429":
                    return self._send(
                        429, "Too Many Requests", "text/plain", {"Retry-After": fake.retry_after}
                    )
                elif behaviour == "500":
                    return self._send(500, "Internal Server Error", "text/plain")
                elif behaviour == "404":
                    return self._send(404, "Resource not found.", "text/plain")
                elif behaviour == "empty":
                    params = {**params, "query.bibliographic": ""}
                elif behaviour == "malformed":
                    return self._send(200, '{"status":"ok","message-type":"work-list","message":{"ite', None)
                self._answer(path, params)

            def _answer(self, path: str, params: dict[str, str]) -> None:
                if path.rstrip("/") == "/works":
                    query = params.get("query.bibliographic", "")
                    rows = int(params.get("rows", "20"))
                    items = fake.search(query, rows)
                    select = params.get("select")
                    if select:
                        keep = set(select.split(","))
                        items = [{k: v for k, v in i.items() if k in keep} for i in items]
                    message = {
                        "facets": {},
                        "total-results": len(items),
                        "items": items,
                        "items-per-page": rows,
                        "query": {"start-index": 0, "search-terms": None},
                    }
                    return self._json("work-list", message)
                if path.startswith("/works/"):
                    record = fake.lookup(path[len("/works/") :])
                    if record is None:
                        return self._send(404, "Resource not found.", "text/plain")
                    return self._json("work", record)
                return self._send(404, "Resource not found.", "text/plain")

            def _json(self, kind: str, message: Any) -> None:
                body = {"status": "ok", "message-type": kind, "message-version": "1.0.0", "message": message}
                self._send(200, json.dumps(body), None)

            def _send(
                self, status: int, body: str, ctype: str | None, extra: dict[str, str] | None = None
            ) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype or "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in {**RATE_HEADERS, **(extra or {})}.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler
