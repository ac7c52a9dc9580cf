"""Run every refnorm benchmark, print one table, write ``benchmarks/results/latest.json``.

``python -m benchmarks`` or ``python benchmarks/run.py`` (``--quick`` skips dedupe at 1M).

Each suite runs in a fresh interpreter, so one suite's heap does not slow the next and each has
its own peak RSS. Every refnorm figure stands beside a baseline measured in the same run on the
same input, and the table's ratio column (refnorm / baseline) is the figure to compare across
machines:

- parse_reference — a plain regex DOI scan of the same strings;
- parse (5,000-entry list) — split at line-start numbers plus the DOI scan;
- dedupe — a dict grouping by DOI (benchmarks/bench_dedupe.py);
- check / fix — bibtexparser's parse + write of the same .bib (benchmarks/bench_bibfile.py);
- import refnorm — import bibtexparser, each in a fresh interpreter (median of several).

Peak memory: tracemalloc peak of the measured call (parse, dedupe, check/fix), or the max RSS of
the interpreter (imports).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SUITES = ("import", "parse", "dedupe", "bibfile")

if str(ROOT) not in sys.path:  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(ROOT))

__all__ = ["SUITES", "main", "run_suite", "table"]

_IMPORT_PROBE = """
import json, resource, sys, time
start = time.perf_counter()
for name in sys.argv[1:]:
    __import__(name)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _import_probe(modules: Sequence[str], runs: int) -> dict[str, float]:
    """Median seconds to import ``modules`` in a fresh interpreter, and its max RSS."""
    seconds, rss = [], []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _IMPORT_PROBE, *modules],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        data = json.loads(done.stdout)
        seconds.append(data["seconds"])
        rss.append(data["maxrss_kib"])
    return {
        "ms": round(statistics.median(seconds) * 1000, 1),
        "maxrss_mib": round(statistics.median(rss) / 1024, 1),
    }


def _suite_import(quick: bool) -> dict[str, Any]:
    runs = 5 if quick else 9
    python = _import_probe([], runs)
    out: dict[str, Any] = {
        "runs": runs,
        "refnorm": _import_probe(["refnorm"], runs),
        "refnorm_cli": _import_probe(["refnorm.cli"], runs),
        "refnorm_parse_core": _import_probe(["refnorm", "refnorm.api"], runs),
        "baseline_bibtexparser": _import_probe(["bibtexparser"], runs),
        "bare_interpreter_maxrss_mib": python["maxrss_mib"],
    }
    out["ratio"] = round(out["refnorm"]["ms"] / out["baseline_bibtexparser"]["ms"], 2)
    return out


def _suite_parse(quick: bool) -> dict[str, Any]:
    from benchmarks.bench_parse import run

    return run(references=1_400 if quick else 3_500, list_entries=5_000, repeats=2 if quick else 3)


def _suite_dedupe(quick: bool) -> dict[str, Any]:
    from benchmarks.bench_dedupe import run

    return run((100_000,) if quick else (100_000, 1_000_000), memory=True)


def _peak_mib(function: Callable[[], object]) -> float:
    from benchmarks.bench_dedupe import _peak_bytes

    return round(_peak_bytes(function) / 2**20, 1)


def _bibtexparser_round_trip(text: str) -> str:
    """The check/fix baseline, as bench_bibfile times it: bibtexparser parse + write."""
    import bibtexparser
    from bibtexparser.middlewares import default_unparse_stack

    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    stack = default_unparse_stack(allow_inplace_modification=True)
    return str(bibtexparser.write_string(library, unparse_stack=stack))  # type: ignore[attr-defined]


def _check(text: str) -> object:
    from refnorm.bibfile import parse_bib
    from refnorm.checks import check_bib

    return check_bib(parse_bib(text))


def _suite_bibfile(quick: bool) -> dict[str, Any]:
    from benchmarks.bench_bibfile import make_bib, run
    from refnorm.checks import fix_bib

    sizes = (1_000, 10_000, 50_000)
    results = run(sizes, repeats=2 if quick else 3)
    for size in sizes:  # memory in a separate, untimed pass (tracemalloc slows everything down)
        text = make_bib(size)
        row = results["sizes"][size]
        row["check_peak_mib"] = _peak_mib(partial(_check, text))
        row["fix_peak_mib"] = _peak_mib(partial(fix_bib, text))
        row["bibtexparser_peak_mib"] = _peak_mib(partial(_bibtexparser_round_trip, text))
    return results


_RUNNERS: dict[str, Callable[[bool], dict[str, Any]]] = {
    "import": _suite_import,
    "parse": _suite_parse,
    "dedupe": _suite_dedupe,
    "bibfile": _suite_bibfile,
}


def run_suite(name: str, quick: bool) -> dict[str, Any]:
    """Run one suite in a fresh interpreter; its result dict plus the child's max RSS."""
    command = [sys.executable, "-m", "benchmarks.run", "--child", name] + (["--quick"] if quick else [])
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark suite {name!r} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.splitlines()[-1]))


def _child(name: str, quick: bool) -> int:
    import resource

    result = _RUNNERS[name](quick)
    result["process_maxrss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))
    return 0


# -- the table -----------------------------------------------------------------------------------------
Row = tuple[str, str, str, str, str, str]


def _n(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, int) or value >= 100:
        return f"{value:,.0f}{unit}"
    return f"{value:.3g}{unit}"


def _ratio(a: float, b: float) -> str:
    return f"×{a / b:,.1f}" if b else "–"


def table(results: dict[str, Any]) -> list[Row]:
    """Rows of (benchmark, size, refnorm, baseline, ratio, peak memory refnorm / baseline)."""
    rows: list[Row] = []
    if "parse" in results:
        single, whole = results["parse"]["parse_reference"], results["parse"]["parse"]
        rows.append((
            "parse_reference (7 styles)", f"{single['references']:,} refs",
            f"{_n(single['refs_per_s'])} refs/s",
            f"{_n(single['baseline_refs_per_s'])} refs/s (regex DOI scan)",
            _ratio(single["seconds"], single["baseline_seconds"]),
            f"{single['peak_mib']} / {single['baseline_peak_mib']} MiB",
        ))  # fmt: skip
        rows.append((
            "parse (one numbered list)", f"{whole['entries']:,} entries → {whole['found']:,}",
            f"{_n(whole['seconds'])} s", f"{_n(whole['baseline_seconds'])} s (split + DOI scan)",
            _ratio(whole["seconds"], whole["baseline_seconds"]),
            f"{whole['peak_mib']} / {whole['baseline_peak_mib']} MiB",
        ))  # fmt: skip
    for size, row in results.get("dedupe", {}).get("sizes", {}).items():
        rows.append((
            "dedupe", f"{int(size):,} refs", f"{_n(row['dedupe_seconds'])} s",
            f"{_n(row['baseline_seconds'])} s (dict by DOI)",
            _ratio(row["dedupe_seconds"], row["baseline_seconds"]),
            f"{row.get('dedupe_peak_mib', '–')} / {row.get('baseline_peak_mib', '–')} MiB",
        ))  # fmt: skip
    for size, row in results.get("bibfile", {}).get("sizes", {}).items():
        base = row["bibtexparser_parse_write_s"]
        for what in ("check", "fix"):
            rows.append((
                f"{what} .bib", f"{int(size):,} entries", f"{_n(row[f'{what}_s'])} s",
                f"{_n(base)} s (bibtexparser parse+write)", _ratio(row[f"{what}_s"], base),
                f"{row.get(f'{what}_peak_mib', '–')} / {row.get('bibtexparser_peak_mib', '–')} MiB",
            ))  # fmt: skip
    if "import" in results:
        imp = results["import"]
        for label, key in (("import refnorm", "refnorm"), ("import refnorm.cli", "refnorm_cli"),
                           ("import refnorm + parse core", "refnorm_parse_core")):  # fmt: skip
            rows.append((
                label, "fresh interpreter", f"{imp[key]['ms']} ms",
                f"{imp['baseline_bibtexparser']['ms']} ms (import bibtexparser)",
                _ratio(imp[key]["ms"], imp["baseline_bibtexparser"]["ms"]),
                f"{imp[key]['maxrss_mib']} / {imp['baseline_bibtexparser']['maxrss_mib']} MiB RSS",
            ))  # fmt: skip
    return rows


def render(rows: list[Row]) -> str:
    """A Markdown table (it reads well in a terminal too)."""
    header: Row = ("benchmark", "size", "refnorm", "baseline (same run)", "ratio", "peak memory")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(6)]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in (header, *rows)
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _machine() -> dict[str, Any]:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": commit.stdout.strip() or None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--quick", action="store_true", help="skip dedupe at 1M; fewer repeats")
    parser.add_argument("--only", nargs="+", choices=SUITES, default=list(SUITES), metavar="SUITE",
                        help=f"run only these suites ({', '.join(SUITES)})")  # fmt: skip
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json", help="JSON file to write")
    parser.add_argument("--child", choices=SUITES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child, args.quick)
    results: dict[str, Any] = {"machine": _machine(), "quick": args.quick}
    for name in args.only:
        print(f"running {name}…", file=sys.stderr, flush=True)
        results[name] = run_suite(name, args.quick)
    text = render(table(results))
    results["table"] = text
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    machine = results["machine"]
    print(f"{machine['platform']}, {machine['cpus']} CPUs, Python {machine['python']}, {machine['commit']}")
    print(text)
    print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
