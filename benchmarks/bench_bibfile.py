"""How fast are ``refnorm check`` and ``refnorm fix`` on big .bib files?

Run ``python benchmarks/bench_bibfile.py``.

Generates .bib files of 1k, 10k and 50k entries (JabRef/Better BibTeX shapes: @string macros,
nested braces, quotes, month macros, accents; about a fifth of the entries need a fix: single
hyphen pages, DOI URLs, unprotected acronyms, a few duplicate DOIs), then times, in the same run
and on the same text:

- ``check``: :func:`refnorm.bibfile.parse_bib` + :func:`refnorm.checks.check_bib`;
- ``fix``: :func:`refnorm.checks.fix_bib` (every fix, until a fixed point);
- ``baseline``: bibtexparser's own ``parse_string`` + ``write_string`` with its default stacks;
- ``cli_check``: ``refnorm check FILE`` as a subprocess (interpreter start and imports included),
  wall and CPU seconds — the number behind "under 1 s for 10,000 entries on one core".

Each timing is the best of a few repeats (CPU time of this process, so other load on the machine
does not count). :func:`run` returns the numbers as a dict; the ratios are refnorm / baseline.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["make_bib", "run"]

_WORDS = tuple(
    "learning network protein structure quantum error climate ocean carbon signal immune response "  # noqa: SIM905
    "gene expression single cell analysis review trial outcome risk graph language model inference".split()
)
_FAMILIES = ["Smith", 'M{\\"u}ller', "Garc{\\'\\i}a", "Nguyen", "Okafor", "Tanaka", "van der Berg", "Cohen"]
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()  # noqa: SIM905


def _entry(i: int, rng: random.Random) -> str:
    title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 10))).capitalize()
    messy = rng.random() < 0.2
    if messy and rng.random() < 0.5:
        title += " with DNA and mRNA"
    elif rng.random() < 0.3:
        title = "{" + title + "}"
    authors = " and ".join(
        f"{rng.choice(_FAMILIES)}, {chr(65 + rng.randrange(26))}." for _ in range(rng.randint(1, 5))
    )
    first = rng.randint(1, 2000)
    pages = f"{first}-{first + rng.randint(1, 30)}" if messy else f"{first}--{first + rng.randint(1, 30)}"
    doi_number = i if rng.random() > 0.01 else max(0, i - 1)  # about 1 % duplicate works
    doi = f"10.{1000 + doi_number % 9000}/bench.{doi_number}"
    if messy and rng.random() < 0.3:
        doi = "https://doi.org/" + doi
    kind = rng.random()
    if kind < 0.6:
        return (
            f"@article{{key{i},\n  author    = {{{authors}}},\n  title     = {{{title}}},\n"
            f"  journal   = {'jbench' if rng.random() < 0.2 else '{Journal of Benchmarks}'},\n"
            f"  year      = {{{1990 + i % 35}}},\n  month     = {rng.choice(_MONTHS)},\n"
            f"  volume    = {{{1 + i % 80}}},\n  number    = {{{1 + i % 12}}},\n"
            f"  pages     = {{{pages}}},\n  doi       = {{{doi}}},\n}}\n"
        )
    if kind < 0.85:
        return (
            f'@inproceedings{{key{i},\n  author = "{authors}",\n  title = "{title}",\n'
            f'  booktitle = "Proceedings of the {rng.randint(1, 40)}th Workshop on {rng.choice(_WORDS)}",\n'
            f"  year = {1990 + i % 35},\n  pages = {{{pages}}},\n  doi = {{{doi}}},\n}}\n"
        )
    return (
        f"@book{{key{i},\n  editor = {{{authors}}},\n  title = {{{title}}},\n"
        f"  publisher = {{{{MIT Press}}}},\n  address = {{Cambridge, MA}},\n  year = {{{1990 + i % 35}}},\n"
        f"  isbn = {{978-0-262-{i % 100000:05d}-0}},\n  abstract = {{A long abstract, with commas, "
        f"braces {{like these}}, and $math$ that goes on for a while: {title}.}},\n}}\n"
    )


def make_bib(count: int, seed: int = 7) -> str:
    """A .bib file of ``count`` entries, with a header comment and an @string macro."""
    rng = random.Random(seed)
    head = "% Generated for benchmarking refnorm\n\n@string{jbench = {Journal of Benchmarks}}\n\n"
    return head + "\n".join(_entry(i, rng) for i in range(count))


def _best(function: Callable[[], Any], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def _cli_check(path: str, repeats: int) -> tuple[float, float]:
    """Best wall and CPU seconds of ``refnorm check path`` in a fresh interpreter."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "refnorm", "check", path], capture_output=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def run(sizes: Sequence[int] = (1_000, 10_000, 50_000), repeats: int = 3) -> dict[str, Any]:
    """Seconds for check, fix and bibtexparser's parse+write per size, and refnorm's overhead ratios."""
    import bibtexparser
    from bibtexparser.middlewares import default_unparse_stack

    from refnorm.bibfile import parse_bib
    from refnorm.checks import check_bib, fix_bib

    results: dict[str, Any] = {"sizes": {}}
    for size in sizes:
        text = make_bib(size)
        tries = repeats if size <= 10_000 else 1

        def baseline(text: str = text) -> None:
            library = bibtexparser.parse_string(text)
            stack = default_unparse_stack(allow_inplace_modification=True)
            bibtexparser.write_string(library, unparse_stack=stack)

        check = _best(lambda text=text: check_bib(parse_bib(text)), tries)
        fix = _best(lambda text=text: fix_bib(text), tries)
        base = _best(baseline, tries)
        problems = len(check_bib(parse_bib(text)))
        with tempfile.NamedTemporaryFile("w", suffix=".bib", delete=False, encoding="utf-8") as handle:
            handle.write(text)
        try:
            wall, cpu = _cli_check(handle.name, tries)
        finally:
            os.unlink(handle.name)
        results["sizes"][size] = {
            "bytes": len(text.encode("utf-8")),
            "problems": problems,
            "check_s": round(check, 3),
            "fix_s": round(fix, 3),
            "bibtexparser_parse_write_s": round(base, 3),
            "check_ratio": round(check / base, 2),
            "fix_ratio": round(fix / base, 2),
            "cli_check_wall_s": round(wall, 3),
            "cli_check_cpu_s": round(cpu, 3),
        }
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the result dict as JSON")
    args = parser.parse_args(argv)
    results = run(args.sizes, args.repeats)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    header = ("entries", "check s", "fix s", "btp s", "check/btp", "fix/btp", "CLI cpu")
    print(" ".join(f"{name:>9}" for name in header))
    for size, row in results["sizes"].items():
        columns = (
            "check_s",
            "fix_s",
            "bibtexparser_parse_write_s",
            "check_ratio",
            "fix_ratio",
            "cli_check_cpu_s",
        )
        print(" ".join(f"{value:>9}" for value in (size, *(row[name] for name in columns))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
