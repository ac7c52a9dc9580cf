"""Clean Zotero exports for LaTeX and pandoc: normalise, dedupe by DOI, write BibTeX and/or CSL-JSON.

Usage::

    python examples/zotero_preprocess.py examples/data/zotero-better-biblatex.bib \\
        examples/data/zotero-export.json examples/data/zotero-export.ris \\
        --bib clean.bib --json clean.json --report report.txt

Inputs may be Zotero's BibTeX, Better BibTeX / Better BibLaTeX, CSL-JSON (Zotero's or "Better CSL
JSON") or RIS exports, in any mix; the format is detected from the extension and content. Steps:

1. read every export (problems are kept and reported with their file and line);
2. normalise: DOIs to bare ``10.…`` form (also when hiding in the URL), page ranges expanded,
   stray trailing full stops dropped from titles;
3. merge entries with the same DOI (or PMID/arXiv id); entries without a DOI that look alike
   (same title, first author and year) are only *reported*, never merged;
4. write the survivors — the first entry of each group keeps its citation key, and the keys of the
   merged ones are listed in the report so a LaTeX document citing them can be updated.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from refnorm.diagnostics import Diagnostic, RefnormError
from refnorm.doi import doi_key, find_doi, normalize_doi
from refnorm.formats import detect_format, get_format
from refnorm.formats.mapping import CUSTOM_BIBTEX, custom_value, with_custom
from refnorm.keys import assign_keys, is_valid_key
from refnorm.model import Reference
from refnorm.pages import normalize_pages


@dataclass
class Report:
    """What happened, for the short text report."""

    read: list[tuple[str, str, int]] = field(default_factory=list)  # (file, format, entries)
    merged: list[str] = field(default_factory=list)
    likely: list[str] = field(default_factory=list)
    without_doi: list[str] = field(default_factory=list)
    diagnostics: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    def render(self) -> str:
        total = sum(n for _, _, n in self.read)
        lines = ["Zotero export preprocessing report", ""]
        lines += [f"read {n:3d} entries from {name} ({fmt})" for name, fmt, n in self.read]
        lines.append(f"merged {len(self.merged)} duplicate(s); {total - len(self.merged)} entries remain")
        sections = (
            ("Merged (same identifier)", self.merged),
            ("Likely duplicates without a shared DOI (not merged, please check)", self.likely),
            ("Entries without a DOI", self.without_doi),
            ("Problems in the input", self.diagnostics),
            ("Written", self.written),
        )
        for title, items in sections:
            if items:
                lines += ["", f"{title}:", *(f"  {item}" for item in items)]
        return "\n".join(lines) + "\n"


def normalise(ref: Reference) -> Reference:
    """Canonical DOI (from the DOI field, else from the URL), expanded pages, tidy title."""
    changes: dict[str, str | None] = {}
    doi = normalize_doi(ref.doi) if ref.doi else find_doi(ref.url)
    if doi and doi != ref.doi:
        changes["DOI"] = doi
    if ref.page and normalize_pages(ref.page) != ref.page:
        changes["page"] = normalize_pages(ref.page)
    title = re.sub(r"(?<![A-Z.])\.$", "", ref.title.strip())
    if title != ref.title:
        changes["title"] = title
    return ref.with_variables(**changes) if changes else ref


def _describe(ref: Reference) -> str:
    first = ref.author[0].full_family if ref.author else "?"
    return f"{ref.id or f'line {ref.line}'} ({first} {ref.year or 'n.d.'}: {ref.title[:60]})"


def dedupe(refs: list[Reference], report: Report) -> list[Reference]:
    """Merge by identifier with refnorm.dedupe when it is there, else by DOI alone."""
    try:
        from refnorm.dedupe import dedupe as refnorm_dedupe
    except ModuleNotFoundError:
        return _dedupe_by_doi(refs, report)
    result = refnorm_dedupe(refs)  # positions are the numbers: Zotero exports have no list labels
    aliases: dict[int, list[str]] = {}
    for merge in result.merges:
        kept, dropped = refs[merge.survivor - 1], refs[merge.old - 1]
        report.merged.append(f"{_describe(dropped)} → {kept.id or _describe(kept)} ({merge.reason})")
        if is_valid_key(dropped.id) and dropped.id != kept.id:
            aliases.setdefault(merge.new, []).append(dropped.id)
    for pair in result.likely_duplicates:
        report.likely.append(
            f"{_describe(refs[pair.first - 1])} ~ {_describe(refs[pair.other - 1])} ({pair.reason})"
        )
    survivors = list(result.references)
    for new, keys in aliases.items():
        # A LaTeX document may cite any of the merged keys: biblatex resolves the `ids` aliases.
        ref = survivors[new - 1]
        fields = dict(custom_value(ref.extras, CUSTOM_BIBTEX) or {})
        fields["ids"] = ", ".join(dict.fromkeys([*filter(None, fields.get("ids", "").split(", ")), *keys]))
        survivors[new - 1] = replace(ref, extras=with_custom(ref.extras, CUSTOM_BIBTEX, fields))
    return survivors


def _dedupe_by_doi(refs: list[Reference], report: Report) -> list[Reference]:
    seen: dict[str, Reference] = {}
    survivors = []
    for ref in refs:
        key = doi_key(ref.doi) if ref.doi else ""
        if key and key in seen:
            report.merged.append(f"{_describe(ref)} → {seen[key].id} (same DOI)")
            continue
        if key:
            seen[key] = ref
        survivors.append(ref)
    return survivors


def read_exports(paths: Sequence[str], report: Report) -> list[Reference]:
    refs: list[Reference] = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise RefnormError(f"{path}: cannot read ({error})") from None
        fmt = detect_format(text, path)
        result = get_format(fmt).read(text, source=path)
        report.read.append((path, fmt, len(result.references)))
        diagnostics: list[Diagnostic] = result.all_diagnostics()
        report.diagnostics += [d.render(path) for d in diagnostics]
        refs += result.references
    return refs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("exports", nargs="+", help="Zotero exports (.bib, .json, .ris)")
    parser.add_argument("--bib", help="write clean BibTeX here")
    parser.add_argument("--json", help="write clean CSL-JSON here (for pandoc --citeproc)")
    parser.add_argument("--report", help="write the report here (default: stderr)")
    parser.add_argument("--biblatex", action="store_true", help="biblatex conventions in --bib output")
    parser.add_argument(
        "--unicode", action="store_true", help="UTF-8 instead of LaTeX escapes in --bib output"
    )
    args = parser.parse_args(argv)
    from refnorm.cli.convert import write_atomic

    report = Report()
    try:
        refs = [normalise(ref) for ref in read_exports(args.exports, report)]
        refs = dedupe(refs, report)
        # One key per entry, shared by the .bib and the CSL-JSON, so LaTeX and pandoc cite alike.
        refs = [replace(ref, id=key) for ref, key in zip(refs, assign_keys(refs), strict=True)]
        report.without_doi = [_describe(ref) for ref in refs if not ref.doi]
        if args.bib:
            write_atomic(
                args.bib,
                get_format("biblatex" if args.biblatex else "bibtex").write(refs, unicode=args.unicode),
            )
            report.written.append(f"{args.bib}: {len(refs)} entries")
        if args.json:
            write_atomic(args.json, get_format("csl-json").write(refs))
            report.written.append(f"{args.json}: {len(refs)} items")
    except RefnormError as error:
        print(f"zotero_preprocess: error: {error}", file=sys.stderr)
        return 2
    if args.report:
        write_atomic(args.report, report.render())
    else:
        sys.stderr.write(report.render())
    if not (args.bib or args.json):
        sys.stdout.write(get_format("bibtex").write(refs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
