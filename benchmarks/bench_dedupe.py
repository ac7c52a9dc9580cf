"""How fast and how lean is :func:`refnorm.dedupe`? ``python benchmarks/bench_dedupe.py``.

Generates synthetic reference lists (100k and 1M entries by default; about 10 % duplicates
written with other DOI spellings, DOIs only in URLs, PMIDs, and identifier-free look-alikes),
then times (best of up to 3 runs), in the same process:

- ``dedupe()`` with the full rules (every identifier kind, fuzzy candidates, merging, renumbering);
- a plain baseline: a ``dict`` grouping entries by the ``DOI`` variable's :func:`doi_key`.

It prints seconds per size, seconds per 100k, the overhead ratio (dedupe / baseline) and the
peak memory ``dedupe()`` allocates (tracemalloc, measured in a separate untimed pass). Import it
and call :func:`run` to get the numbers as a dict.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import tracemalloc
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from refnorm.dedupe import dedupe
from refnorm.doi import doi_key
from refnorm.model import Date, FrozenMap, Name, Reference

__all__ = ["baseline_group_by_doi", "make_references", "run"]

_WORDS = """cell stem mesenchymal therapy obesity insulin array programming network deep learning model
    protein structure prediction quantum error correction climate ocean carbon signal immune response
    gene expression single analysis review trial randomized outcome risk factor""".split()  # noqa: SIM905
_FAMILIES = """Smith Li Wang Garcia Müller Kim Nguyen Rossi Novak Okafor Haddad Tanaka Silva
    Cohen""".split()  # noqa: SIM905


def _doi_spelling(doi: str, rng: random.Random) -> dict[str, str]:
    """The same DOI as a person or tool might have written it."""
    form = rng.randrange(5)
    if form == 0:
        return {"DOI": doi.upper()}
    if form == 1:
        return {"DOI": f"https://doi.org/{doi}"}
    if form == 2:
        return {"DOI": f"doi:{doi}."}
    if form == 3:
        return {"URL": f"http://dx.doi.org/{doi}"}
    return {"note": f"Epub ahead of print. doi: {doi}"}


def make_references(n: int, *, duplicate_rate: float = 0.1, seed: int = 7) -> list[Reference]:
    """``n`` synthetic references: 80 % with a DOI, 10 % PMID only, 10 % no identifier."""
    rng = random.Random(seed)
    refs: list[Reference] = []
    for number in range(1, n + 1):
        if refs and rng.random() < duplicate_rate:
            source = refs[rng.randrange(len(refs))]
            variables = {k: v for k, v in source.variables.items() if k not in ("DOI", "URL", "note")}
            if source.doi:
                variables.update(_doi_spelling(source.doi, rng))
            refs.append(
                Reference(
                    author=source.author,
                    issued=source.issued,
                    variables=FrozenMap(variables),
                    label=str(number),
                )
            )
            continue
        kind = rng.random()
        variables = {
            "title": " ".join(rng.choices(_WORDS, k=rng.randrange(5, 12))).capitalize() + f" {number}",
            "container-title": "Journal of " + rng.choice(_WORDS).capitalize(),
            "volume": str(rng.randrange(1, 300)),
            "page": f"{(p := rng.randrange(1, 3000))}-{p + rng.randrange(1, 30)}",
        }
        if kind < 0.8:
            variables["DOI"] = f"10.{rng.randrange(1000, 9999)}/j.x.{number:07d}"
        elif kind < 0.9:
            variables["PMID"] = str(30_000_000 + number)
        refs.append(
            Reference(
                author=(Name(rng.choice(_FAMILIES), "A"), Name(rng.choice(_FAMILIES), "B")),
                issued=Date(rng.randrange(1990, 2025)),
                variables=FrozenMap(variables),
                label=str(number),
            )
        )
    return refs


def baseline_group_by_doi(refs: Sequence[Reference]) -> dict[str, list[int]]:
    """The plain approach the full rules are compared with: group positions by the DOI variable."""
    groups: dict[str, list[int]] = {}
    for i, ref in enumerate(refs):
        doi = ref.variables.get("DOI")
        if doi:
            groups.setdefault(doi_key(doi), []).append(i)
    return groups


def _seconds(func: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` runs: the least disturbed by whatever else the machine is doing."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def _peak_bytes(func: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        result = func()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak


def _measure(refs: list[Reference], memory: bool) -> dict[str, Any]:
    n = len(refs)
    repeat = max(1, min(3, 300_000 // n))
    full = _seconds(partial(dedupe, refs), repeat)
    plain = _seconds(partial(baseline_group_by_doi, refs), repeat)
    row: dict[str, Any] = {
        "references": n,
        "survivors": len(dedupe(refs).references),
        "timed_runs": repeat,
        "dedupe_seconds": round(full, 3),
        "baseline_seconds": round(plain, 3),
        "dedupe_seconds_per_100k": round(full * 100_000 / n, 3),
        "baseline_seconds_per_100k": round(plain * 100_000 / n, 3),
        "overhead_ratio": round(full / plain, 2) if plain else None,
    }
    if memory:
        peak = _peak_bytes(partial(dedupe, refs))
        row["dedupe_peak_mib"] = round(peak / 2**20, 1)
        row["dedupe_peak_bytes_per_reference"] = round(peak / n)
        row["baseline_peak_mib"] = round(_peak_bytes(partial(baseline_group_by_doi, refs)) / 2**20, 1)
    return row


def run(sizes: Sequence[int] = (100_000, 1_000_000), *, memory: bool = True) -> dict[str, Any]:
    """Benchmark every size; returns ``{"sizes": {n: {...}}}`` with seconds, ratios and bytes."""
    return {"sizes": {n: _measure(make_references(n), memory) for n in sizes}}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args(argv)
    results = run(args.sizes, memory=not args.no_memory)
    for n, row in results["sizes"].items():
        print(
            f"{n:>9,} refs → {row['survivors']:,} kept | dedupe {row['dedupe_seconds']:.2f} s "
            f"({row['dedupe_seconds_per_100k']:.2f} s/100k) | dict-by-DOI {row['baseline_seconds']:.2f} s "
            f"({row['baseline_seconds_per_100k']:.2f} s/100k) | overhead ×{row['overhead_ratio']}"
        )
        if "dedupe_peak_mib" in row:
            print(
                f"{'':>9}      peak memory: dedupe {row['dedupe_peak_mib']} MiB"
                f" ({row['dedupe_peak_bytes_per_reference']} B/ref),"
                f" dict-by-DOI {row['baseline_peak_mib']} MiB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
