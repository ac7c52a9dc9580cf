"""Coverage-guided fuzzing of refnorm's entry points, driven by hypothesis.

    python -m tests.fuzz --minutes 1                 # every target, one minute in all
    python -m tests.fuzz --target bib --minutes 5    # one target
    python -m tests.fuzz --replay                    # run the kept corpus once (a quick regression check)

Hypothesis draws inputs: token soup built from reference and .bib pieces, or an input of the kept
corpus mutated (pieces inserted, ranges deleted or doubled, two inputs spliced). Each input runs
under a line tracer limited to ``refnorm/``; an input that reaches a line pair (an arc) no earlier
input reached is *interesting* and kept in ``tests/fuzz/corpus/<target>/``. At the end the corpus
is reduced to the smallest set of inputs that covers the same arcs, so it stays small in the repo.

An input fails when the target raises, hides an internal error (P299), breaks a promise (a .bib
that does not round-trip byte for byte, a fix that is not idempotent, BibTeX output that
bibtexparser cannot load) or takes longer than ``--slow`` seconds. Hypothesis shrinks it; the
shrunk input is written to ``tests/fuzz/corpus/failures/`` and printed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

CORPUS = Path(__file__).resolve().parent / "corpus"
PACKAGE = str(Path(__file__).resolve().parents[2] / "refnorm")
MAX_KEPT_LENGTH = 2_000  # longer interesting inputs are not kept (the corpus lives in git)

PIECES = [
    *"ab.,;:-–()[]{}\"'&/@=#%\\~$\n\t 0123456789",
    "Smith, J.", "G. W.", " and ", " & ", "et al.", "(2019)", "2019;12(3):45-67", "pp. 1–9", "vol. 3",
    "doi:10.1000/xyz", "https://doi.org/10.1234/ab(c)", "arXiv:1706.03762", "PMID: 123456", "In: ",
    "Eds.", "Press", "J Biol Chem.", "Phys. Rev. Lett. 12, 345", "\n1. ", "[2] ", "\n\n", "\r\n", "\r",
    "\u00ad", "\u200b", "\ufeff", "\x00", "Müller", "北京", "محمد", "\u202e", "ﬁ", "²",
    "@article{", "@string{j = {J}}", "@comment{", "@preamble{", "title = {", "author = {", "}", "},\n",
    '"', " # ", "month = jan,", "doi = {10.1000/A}", "pages = {1-9}", "{\\\"u}", "\\&", "%", "TY  - JOUR\n",
    "ER  - \n", "AU  - Li, F\n", '[{"type": "book", "title": "T"}]', '{"id": 1}',
]  # fmt: skip


# -- targets: one entry point each, with the promises it must keep --------------------------------------


def _parse(text: str) -> None:
    import bibtexparser

    import refnorm

    refs = refnorm.parse(text)
    for ref in refs:
        assert "P299" not in {d.code for d in ref.diagnostics}, ref.diagnostics
    library = bibtexparser.parse_string(refnorm.to_bibtex(refs))
    assert not library.failed_blocks and len(library.entries) == len(refs)
    refnorm.to_csl_json(refs)


def _reference(text: str) -> None:
    import refnorm

    ref = refnorm.parse_reference(text)
    assert ref.raw == text and "P299" not in {d.code for d in ref.diagnostics}, ref.diagnostics
    ref.to_csl()


def _bib(text: str) -> None:
    from refnorm.bibfile import parse_bib
    from refnorm.checks import check_bib, fix_bib
    from refnorm.formats.bibtex import read_bibtex

    assert parse_bib(text).original() == text
    check_bib(parse_bib(text))
    once = fix_bib(text, dedupe=True)
    assert not fix_bib(once.text, dedupe=True).changed, "fix is not idempotent"
    read_bibtex(text)


def _readers(text: str) -> None:
    from refnorm.diagnostics import RefnormError
    from refnorm.formats.csl_json import read_csl_json
    from refnorm.formats.ris import read_ris

    read_ris(text)
    with suppress(RefnormError):  # "not a JSON list" is the caller's mistake, reported as such
        read_csl_json(text)


TARGETS: dict[str, Callable[[str], None]] = {
    "parse": _parse,
    "reference": _reference,
    "bib": _bib,
    "readers": _readers,
}


# -- coverage ------------------------------------------------------------------------------------------


@contextmanager
def arcs() -> Iterator[set[tuple[str, int, int]]]:
    """Collect (file, previous line, line) arcs executed in refnorm while the block runs."""
    seen: set[tuple[str, int, int]] = set()

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        filename = frame.f_code.co_filename
        if not filename.startswith(PACKAGE):
            return None
        last = [frame.f_lineno]

        def local(frame: FrameType, event: str, arg: Any) -> Any:
            if event == "line":
                seen.add((filename, last[0], frame.f_lineno))
                last[0] = frame.f_lineno
            return local

        return local

    sys.settrace(tracer)
    try:
        yield seen
    finally:
        sys.settrace(None)


class Fuzzer:
    """State of one target's run: corpus, covered arcs, the slow limit."""

    def __init__(self, target: str, slow: float) -> None:
        self.target = target
        self.function = TARGETS[target]
        self.slow = slow
        self.directory = CORPUS / target
        self.directory.mkdir(parents=True, exist_ok=True)
        self.corpus = [p.read_text(encoding="utf-8") for p in sorted(self.directory.glob("*.txt"))]
        self.covered: set[tuple[str, int, int]] = set()
        self.runs = self.kept = 0
        self.last = ""
        self.failing = False

    def run_one(self, text: str) -> None:
        """Run the target under the tracer; keep the input if it reached new arcs. Raises on failure."""
        self.runs += 1
        self.last = text  # after hypothesis shrinks a failure, its last run is the shrunk input
        start = time.process_time()
        try:
            with arcs() as seen:
                self.function(text)
        except Exception:
            self.failing = True
            raise
        spent = time.process_time() - start
        new = seen - self.covered
        if new:
            self.covered |= new
            if len(text) <= MAX_KEPT_LENGTH and text not in self.corpus:
                self.corpus.append(text)
                self.kept += 1
        # untraced timing: the tracer slows code by a varying factor
        if spent > self.slow:
            start = time.process_time()
            self.function(text)
            untraced = time.process_time() - start
            if untraced > self.slow:
                self.failing = True
                raise AssertionError(f"took {untraced:.1f} s of CPU for {len(text)} characters")

    def inputs(self) -> st.SearchStrategy[str]:
        soup = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
        if not self.corpus:
            return st.one_of(soup, st.text(max_size=200))
        return st.one_of(
            soup, st.text(max_size=200), st.builds(_mutate, st.sampled_from(self.corpus), st.data())
        )

    def save(self) -> int:
        """Reduce the corpus to the smallest inputs covering the same arcs; write it. Returns its size."""
        coverage = []
        for text in sorted(set(self.corpus), key=len):
            with arcs() as seen, suppress(Exception):
                self.function(text)
            coverage.append((text, frozenset(seen)))
        keep, covered = [], set()
        for text, seen in coverage:
            if seen - covered:
                keep.append(text)
                covered |= seen
        for path in self.directory.glob("*.txt"):
            path.unlink()
        for text in keep:
            (self.directory / f"{_digest(text)}.txt").write_text(text, encoding="utf-8")
        return len(keep)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _mutate(seed: str, data: st.DataObject) -> str:
    """Apply a few random edits to a corpus input."""
    text = seed
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        to = data.draw(st.integers(at, min(len(text), at + 40)))
        edit = data.draw(st.sampled_from(["insert", "delete", "double", "splice"]))
        if edit == "insert":
            text = text[:at] + data.draw(st.sampled_from(PIECES)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[to:]
        elif edit == "double":
            text = text[:to] + text[at:to] * data.draw(st.integers(1, 50)) + text[to:]
        else:
            text = text[:at] + data.draw(st.text(max_size=20)) + text[to:]
    return text


def fuzz(target: str, seconds: float, slow: float) -> bool:
    """Fuzz one target for ``seconds``; True when no failure was found."""
    fuzzer = Fuzzer(target, slow)
    for text in list(fuzzer.corpus):  # replay first: known inputs must still pass, and set coverage
        try:
            fuzzer.run_one(text)
        except Exception as error:  # a regression: report it like a new failure
            record_failure(target, error, text)
            return False
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:

        @settings(
            max_examples=200,
            deadline=None,
            database=None,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
        )
        @given(fuzzer.inputs())
        def case(text: str) -> None:
            if fuzzer.failing or time.monotonic() < deadline:  # shrinking a failure goes on past it
                fuzzer.run_one(text)

        try:
            case()
        except Exception as error:  # any failure, reported with its shrunk input
            record_failure(target, error, fuzzer.last)
            fuzzer.save()
            return False
    size = fuzzer.save()
    print(f"{target}: {fuzzer.runs} runs, {len(fuzzer.covered)} arcs, {fuzzer.kept} kept, corpus {size}")
    return True


def record_failure(target: str, error: BaseException, text: str) -> None:
    """Print the failure and write its (shrunk) input, as a Python literal, to corpus/failures."""
    print(f"{target}: FAILED with {type(error).__name__}: {error}", file=sys.stderr)
    failures = CORPUS / "failures"
    failures.mkdir(parents=True, exist_ok=True)
    path = failures / f"{target}-{_digest(text)}.repr"
    path.write_text(repr(text) + "\n", encoding="utf-8")
    print(f"input: {text!r}\n(written to {path})", file=sys.stderr)


def replay() -> bool:
    """Run every kept input once, untraced: a quick regression check. True when all pass."""
    ok = True
    for target, function in TARGETS.items():
        for path in sorted((CORPUS / target).glob("*.txt")):
            try:
                function(path.read_text(encoding="utf-8"))
            except Exception as error:
                ok = False
                print(f"{path}: {type(error).__name__}: {error}", file=sys.stderr)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.fuzz", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--target", choices=TARGETS, action="append", help="fuzz only these (default: all)")
    parser.add_argument("--minutes", type=float, default=1.0, help="total time, shared by the targets")
    parser.add_argument("--slow", type=float, default=5.0, help="CPU seconds one input may take")
    parser.add_argument("--replay", action="store_true", help="only run the kept corpus once")
    args = parser.parse_args(argv)
    if args.replay:
        return 0 if replay() else 1
    targets = args.target or list(TARGETS)
    share = args.minutes * 60 / len(targets)
    return 0 if all([fuzz(target, share, args.slow) for target in targets]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
