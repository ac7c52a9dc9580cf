"""How fast is the parsing core? ``python benchmarks/bench_parse.py``.

Generates references from templates of seven citation styles (Vancouver, APA, Chicago author-date,
IEEE, Harvard, MLA, physics short form) filled with invented names, titles and journals — no
real or shared data — then times, in the same process and on the same strings:

- ``parse_reference`` over every reference, against a plain baseline: one regex DOI scan of
  each string (the least any tool that "finds DOIs in references" does);
- ``parse`` on one numbered list of 5,000 entries of mixed styles, some run together on one
  line (lost line breaks), against a baseline that splits at line-start numbers and scans DOIs.

Timings are the best of a few runs of ``time.process_time`` (CPU of this process, so other load
on the machine barely counts); peak memory is a separate untimed tracemalloc pass. The ratio
refnorm / baseline is the figure that stays stable across machines. :func:`make_work` and
:func:`render` are also used by the property tests and the fuzz harness.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

try:  # imported as benchmarks.bench_parse (python -m benchmarks, the tests)
    from benchmarks.bench_bibfile import _best
    from benchmarks.bench_dedupe import _peak_bytes
except ModuleNotFoundError:  # run as a script: python benchmarks/bench_parse.py
    from bench_bibfile import _best  # type: ignore[no-redef,import-not-found,unused-ignore]
    from bench_dedupe import _peak_bytes  # type: ignore[no-redef,import-not-found,unused-ignore]

__all__ = [
    "STYLES",
    "Work",
    "baseline_doi_scan",
    "baseline_split_scan",
    "make_list",
    "make_work",
    "render",
    "run",
]

_GIVEN = """Alice Bruno Chen Dana Emeka Farida Goran Hana Ines Jonas Keiko Lars Mei Nadia Omar Priya Quentin
    Rosa Sven Tomasz Uma Viktor Wen Ximena Yusuf Zofia Anne-Marie Jean-Luc""".split()  # noqa: SIM905
_FAMILY = """Abernathy Brennan Castellano Duval Eriksen Fontaine Grünwald Halvorsen Iwasaki Jovanović
    Kowalczyk Lindqvist Moreau Nakamura Okonkwo Petrović Quiroga Rasmussen Sørensen Takahashi Ulrich Vasquez
    Whitfield Xu Yilmaz Zhang Müller-Lüdenscheidt O'Donnell""".split()  # noqa: SIM905
_PARTICLES = ["", "", "", "", "", "", "van der", "de la", "von", "di"]
_WORDS = """adaptive analysis of bacterial biofilm calcium channels in cortical neurons coherent control
    dynamics entropy estimation for ferroelectric thin films gradient flows hydrothermal synthesis
    inference under label noise kinetics lattice models mapping microbial networks nonlinear optics
    oscillations photonic crystals quantum dots regulation signalling pathways spectral methods
    stochastic thermal transport tumour microenvironment urban heat islands variational wavelet""".split()  # noqa: SIM905
# (full name, abbreviation) of invented journals
_JOURNALS = [
    ("Journal of Applied Morphology", "J Appl Morphol"),
    ("Annals of Computational Ecology", "Ann Comput Ecol"),
    ("Physical Review Letters of Nowhere", "Phys. Rev. Lett. N."),
    ("International Journal of Fluid Systems", "Int J Fluid Syst"),
    ("Quarterly Review of Cell Signalling", "Q Rev Cell Signal"),
    ("Transactions on Imaginary Networks", "Trans. Imag. Netw."),
    ("Revista de Estudios Ficticios", "Rev Estud Fict"),
    ("Zeitschrift für Erfundene Chemie", "Z Erfund Chem"),
]
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # noqa: SIM905


@dataclass(frozen=True, slots=True)
class Work:
    """The facts of one invented journal article; :func:`render` prints it in a style."""

    authors: tuple[tuple[str, str, str], ...]  # (particle, family, given)
    title: str
    journal: str
    abbrev: str
    year: int
    month: int
    volume: int
    issue: int
    first: int
    last: int
    doi: str


def make_work(rng: random.Random, number: int = 0) -> Work:
    """One invented article; ``number`` makes its DOI unique."""
    authors = tuple(
        (rng.choice(_PARTICLES), rng.choice(_FAMILY), rng.choice(_GIVEN)) for _ in range(rng.randint(1, 6))
    )
    title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 14))).capitalize()
    journal, abbrev = rng.choice(_JOURNALS)
    first = rng.randint(1, 4000)
    return Work(
        authors=authors,
        title=title,
        journal=journal,
        abbrev=abbrev,
        year=rng.randint(1950, 2025),
        month=rng.randint(1, 12),
        volume=rng.randint(1, 400),
        issue=rng.randint(1, 12),
        first=first,
        last=first + rng.randint(1, 40),
        doi=f"10.{rng.randint(1000, 99999)}/{rng.choice(['j', 'abc', 's'])}.{number}.{rng.randint(1, 999)}",
    )


def _initials(given: str, dots: bool) -> str:
    parts = [p[0] for p in given.replace("-", " ").split()]
    return " ".join(f"{p}." for p in parts) if dots else "".join(parts)


def _family(a: tuple[str, str, str]) -> str:
    return f"{a[0]} {a[1]}".strip()


def _join(names: list[str], last: str) -> str:
    """``A, B, C{last}D``: the list's own word before the last name (", & ", " and ", ", and ")."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last + names[-1]


def _vancouver(w: Work) -> str:
    names = ", ".join(f"{_family(a)} {_initials(a[2], False)}" for a in w.authors)
    return f"{names}. {w.title}. {w.abbrev}. {w.year};{w.volume}({w.issue}):{w.first}-{w.last}. doi:{w.doi}"


def _apa(w: Work) -> str:
    names = _join([f"{_family(a)}, {_initials(a[2], True)}" for a in w.authors], ", & ")
    pages = f"{w.first}–{w.last}"
    return (
        f"{names} ({w.year}). {w.title}. {w.journal}, {w.volume}({w.issue}), {pages}. https://doi.org/{w.doi}"
    )


def _chicago(w: Work) -> str:
    (p, f, g), rest = w.authors[0], w.authors[1:]
    names = _join([f"{_family((p, f, g))}, {g}", *(f"{a[2]} {_family(a)}" for a in rest)], ", and ")
    return f'{names}. {w.year}. "{w.title}." {w.journal} {w.volume} ({w.issue}): {w.first}–{w.last}.'


def _ieee(w: Work) -> str:
    names = _join([f"{_initials(a[2], True)} {_family(a)}" for a in w.authors], ", and ")
    numbers = f"vol. {w.volume}, no. {w.issue}, pp. {w.first}–{w.last}, {_MONTHS[w.month - 1]}. {w.year}"
    return f'{names}, "{w.title}," {w.abbrev}, {numbers}, doi: {w.doi}.'


def _harvard(w: Work) -> str:
    names = _join([f"{_family(a)}, {_initials(a[2], True).replace(' ', '')}" for a in w.authors], " and ")
    return f"{names} ({w.year}) '{w.title}', {w.journal}, {w.volume}({w.issue}), pp. {w.first}–{w.last}."


def _mla(w: Work) -> str:
    (p, f, g), rest = w.authors[0], w.authors[1:]
    names = f"{_family((p, f, g))}, {g}" + (
        ", et al" if len(rest) > 1 else "".join(f", and {a[2]} {_family(a)}" for a in rest)
    )
    numbers = f"vol. {w.volume}, no. {w.issue}, {w.year}, pp. {w.first}-{w.last}"
    return f'{names}. "{w.title}." {w.journal}, {numbers}.'


def _physics(w: Work) -> str:
    names = _join([f"{_initials(a[2], True)} {_family(a)}" for a in w.authors], " and ")
    return f"{names}, {w.abbrev} {w.volume}, {w.first} ({w.year})."


STYLES: dict[str, Callable[[Work], str]] = {
    "vancouver": _vancouver,
    "apa": _apa,
    "chicago": _chicago,
    "ieee": _ieee,
    "harvard": _harvard,
    "mla": _mla,
    "physics": _physics,
}


def render(work: Work, style: str) -> str:
    """``work`` printed as a reference in ``style`` (a key of :data:`STYLES`)."""
    return STYLES[style](work)


def make_references(n: int, seed: int = 11) -> list[tuple[str, Work, str]]:
    """``n`` references, styles in rotation: ``(style, work, text)``."""
    rng = random.Random(seed)
    styles = list(STYLES)
    out = []
    for i in range(n):
        work = make_work(rng, i)
        style = styles[i % len(styles)]
        out.append((style, work, render(work, style)))
    return out


def make_list(n: int, seed: int = 13, run_together: float = 0.05) -> str:
    """A numbered list of ``n`` mixed-style entries; a few pairs share a line (lost line break)."""
    rng = random.Random(seed)
    lines: list[str] = []
    for number, (_, _, text) in enumerate(make_references(n, seed), 1):
        entry = f"{number}. {text}"
        if lines and rng.random() < run_together:
            lines[-1] += " " + entry
        else:
            lines.append(entry)
    return "\n".join(lines) + "\n"


_PLAIN_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]+")
_LINE_NUMBER = re.compile(r"^\d+\.\s", re.MULTILINE)


def baseline_doi_scan(texts: Sequence[str]) -> list[list[str]]:
    """The plain baseline for ``parse_reference``: one regex DOI scan per string."""
    return [_PLAIN_DOI.findall(text) for text in texts]


def baseline_split_scan(text: str) -> list[list[str]]:
    """The plain baseline for ``parse``: split at line-start numbers, scan each piece for DOIs."""
    return baseline_doi_scan(_LINE_NUMBER.split(text))


def _peak_mib(function: Callable[[], object]) -> float:
    return round(_peak_bytes(function) / 2**20, 1)


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 1) if b else None


def run(references: int = 3_500, list_entries: int = 5_000, repeats: int = 3) -> dict[str, Any]:
    """Seconds, rates, ratios to the baselines and peak memory for ``parse_reference`` and ``parse``."""
    from refnorm import Reference, parse, parse_reference

    items = make_references(references)
    texts = [text for _, _, text in items]

    def parse_all() -> list[Reference]:
        return [parse_reference(t) for t in texts]

    parse_reference(texts[0])  # warm up lazy imports and compiled patterns
    seconds = _best(parse_all, repeats)
    base = _best(lambda: baseline_doi_scan(texts), repeats)
    parsed = parse_all()
    doi_ok = sum(
        ref.doi == work.doi for ref, (style, work, _) in zip(parsed, items, strict=True) if style in _HAS_DOI
    )
    year_ok = sum(ref.year == work.year for ref, (_, work, _) in zip(parsed, items, strict=True))
    single = {
        "references": references,
        "styles": list(STYLES),
        "seconds": round(seconds, 3),
        "refs_per_s": round(references / seconds) if seconds else None,
        "baseline_seconds": round(base, 4),
        "baseline_refs_per_s": round(references / base) if base else None,
        "ratio": _ratio(seconds, base),
        "peak_mib": _peak_mib(parse_all),
        "baseline_peak_mib": _peak_mib(lambda: baseline_doi_scan(texts)),
        "doi_found_share": round(doi_ok / sum(s in _HAS_DOI for s, _, _ in items), 3),
        "year_found_share": round(year_ok / references, 3),
    }
    text = make_list(list_entries)
    list_seconds = _best(lambda: parse(text), max(1, repeats - 1))
    list_base = _best(lambda: baseline_split_scan(text), repeats)
    found = parse(text)
    whole = {
        "entries": list_entries,
        "bytes": len(text.encode("utf-8")),
        "found": len(found),
        "labels_in_order": [ref.label for ref in found] == [str(i) for i in range(1, list_entries + 1)],
        "seconds": round(list_seconds, 3),
        "entries_per_s": round(list_entries / list_seconds) if list_seconds else None,
        "baseline_seconds": round(list_base, 4),
        "ratio": _ratio(list_seconds, list_base),
        "peak_mib": _peak_mib(lambda: parse(text)),
        "baseline_peak_mib": _peak_mib(lambda: baseline_split_scan(text)),
    }
    return {"parse_reference": single, "parse": whole}


_HAS_DOI = {"vancouver", "apa", "ieee"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--references", type=int, default=3_500)
    parser.add_argument("--list-entries", type=int, default=5_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.references, args.list_entries, args.repeats), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
