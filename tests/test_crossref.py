"""Crossref lookups through habanero against a fake Crossref on 127.0.0.1 — never the real network."""

from __future__ import annotations

import argparse
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from refnorm.crossref import (
    AMBIGUOUS,
    DIFFERENT_WORK,
    DOI_ADDED,
    FIELDS_FILLED,
    LOOKUP_FAILED,
    NO_MATCH,
    NOT_IN_CROSSREF,
    PARTLY_MATCHES,
    ResolveResult,
    add_crossref_arguments,
    resolve,
    resolve_from_args,
)
from refnorm.diagnostics import RefnormError
from refnorm.model import Date, FrozenMap, Name, Reference
from tests.fake_crossref import (
    REVEALED_BY,
    DecoyCase,
    FakeCrossref,
    cite_some_fields,
    expand,
    item,
    load_decoys,
    one_mutation_decoy,
    random_work,
)


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only loopback servers may be contacted from these tests, whatever the environment says."""
    monkeypatch.setenv("REFNORM_OFFLINE", "1")
    monkeypatch.delenv("REFNORM_CROSSREF_URL", raising=False)
    monkeypatch.delenv("REFNORM_MAILTO", raising=False)


def ref(
    authors: str,
    title: str = "",
    year: int | None = None,
    container: str = "",
    volume: str = "",
    issue: str = "",
    page: str = "",
    doi: str = "",
    raw: str = "",
) -> Reference:
    """A reference built directly (no parser): ``authors`` is "Family Given; Family Given"."""
    names = tuple(Name(*a.split(" ", 1)) if " " in a else Name(a) for a in authors.split("; ") if a)
    variables = {
        "title": title,
        "container-title": container,
        "volume": volume,
        "issue": issue,
        "page": page,
        "DOI": doi,
    }
    return Reference(
        author=names,
        issued=Date(year) if year else None,
        variables=FrozenMap({k: v for k, v in variables.items() if v}),
        raw=raw,
    )


# -- the fake index: real works with their real DOIs, and decoys (10.5555 is Crossref's test prefix) ----
HE = [("He", "Kaiming"), ("Zhang", "Xiangyu"), ("Ren", "Shaoqing"), ("Sun", "Jian")]
SILVER = [("Silver", "David"), ("Huang", "Aja"), ("Maddison", "Chris J.")]
PBE = [("Perdew", "John P."), ("Burke", "Kieron"), ("Ernzerhof", "Matthias")]
JUMPER = [("Jumper", "John"), ("Evans", "Richard"), ("Pritzel", "Alexander")]
ALPHAFOLD = "Highly accurate protein structure prediction with AlphaFold"
SHANNON = "A Mathematical Theory of Communication"
FDR = "Controlling the False Discovery Rate: A Practical and Powerful Approach to Multiple Testing"

INDEX = [
    item(
        "10.1038/nature14539",
        "Deep learning",
        [("LeCun", "Yann"), ("Bengio", "Yoshua"), ("Hinton", "Geoffrey")],
        2015,
        "Nature",
        "521",
        "7553",
        "436-444",
    ),
    item(
        "10.1016/j.neunet.2014.09.003",
        "Deep learning in neural networks: An overview",
        [("Schmidhuber", "Jürgen")],
        2015,
        "Neural Networks",
        "61",
        "",
        "85-117",
    ),
    item(
        "10.1109/CVPR.2016.90",
        "Deep Residual Learning for Image Recognition",
        HE,
        2016,
        "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
        "",
        "",
        "770-778",
        type="proceedings-article",
    ),
    item(
        "10.48550/arXiv.1512.03385",
        "Deep Residual Learning for Image Recognition",
        HE,
        2015,
        "arXiv",
        type="posted-content",
    ),
    item(
        "10.1007/978-3-319-46493-0_38",
        "Identity Mappings in Deep Residual Networks",
        HE,
        2016,
        "Computer Vision – ECCV 2016",
        "",
        "",
        "630-645",
        type="book-chapter",
    ),
    item(
        "10.1038/171737a0",
        "Molecular Structure of Nucleic Acids: A Structure for Deoxyribose Nucleic Acid",
        [("Watson", "J. D."), ("Crick", "F. H. C.")],
        1953,
        "Nature",
        "171",
        "4356",
        "737-738",
    ),
    item(
        "10.1038/171964b0",
        "Genetical Implications of the Structure of Deoxyribonucleic Acid",
        [("Watson", "J. D."), ("Crick", "F. H. C.")],
        1953,
        "Nature",
        "171",
        "4361",
        "964-967",
    ),
    item(
        "10.1162/neco.1997.9.8.1735",
        "Long Short-Term Memory",
        [("Hochreiter", "Sepp"), ("Schmidhuber", "Jürgen")],
        1997,
        "Neural Computation",
        "9",
        "8",
        "1735-1780",
    ),
    item(
        "10.1007/978-3-642-24797-2_4",
        "Long Short-Term Memory",
        [("Graves", "Alex")],
        2012,
        "Supervised Sequence Labelling with Recurrent Neural Networks",
        "",
        "",
        "37-45",
        type="book-chapter",
    ),
    item(
        "10.1371/journal.pmed.0020124",
        "Why Most Published Research Findings Are False",
        [("Ioannidis", "John P. A.")],
        2005,
        "PLoS Medicine",
        "2",
        "8",
        "e124",
    ),
    item(
        "10.1371/journal.pmed.0040168",
        "Why Most Published Research Findings Are False: Problems in the Analysis",
        [("Goodman", "Steven"), ("Greenland", "Sander")],
        2007,
        "PLoS Medicine",
        "4",
        "4",
        "e168",
    ),
    item(
        "10.1001/jama.294.2.218",
        "Contradicted and Initially Stronger Effects in Highly Cited Clinical Research",
        [("Ioannidis", "John P. A.")],
        2005,
        "JAMA",
        "294",
        "2",
        "218",
    ),
    item(
        "10.1002/j.1538-7305.1948.tb01338.x",
        SHANNON,
        [("Shannon", "C. E.")],
        1948,
        "Bell System Technical Journal",
        "27",
        "3",
        "379-423",
    ),
    item(
        "10.1002/j.1538-7305.1948.tb00917.x",
        SHANNON,
        [("Shannon", "C. E.")],
        1948,
        "Bell System Technical Journal",
        "27",
        "4",
        "623-656",
    ),
    item(
        "10.1073/pnas.0507655102",
        "An index to quantify an individual's scientific research output",
        [("Hirsch", "J. E.")],
        2005,
        "Proceedings of the National Academy of Sciences",
        "102",
        "46",
        "16569-16572",
        **{"short-container-title": ["Proc. Natl. Acad. Sci. U.S.A."]},
    ),
    item(
        "10.1103/PhysRevLett.77.3865",
        "Generalized Gradient Approximation Made Simple",
        PBE,
        1996,
        "Physical Review Letters",
        "77",
        "18",
        "3865-3868",
    ),
    item(
        "10.1103/PhysRevLett.78.1396",
        "Generalized Gradient Approximation Made Simple [Phys. Rev. Lett. 77, 3865 (1996)]",
        PBE,
        1997,
        "Physical Review Letters",
        "78",
        "7",
        "1396-1396",
    ),
    item(
        "10.1038/nature16961",
        "Mastering the game of Go with deep neural networks and tree search",
        SILVER,
        2016,
        "Nature",
        "529",
        "7587",
        "484-489",
    ),
    item(
        "10.1038/nature24270",
        "Mastering the game of Go without human knowledge",
        [("Silver", "David"), ("Schrittwieser", "Julian")],
        2017,
        "Nature",
        "550",
        "7676",
        "354-359",
    ),
    item(
        "10.1103/PhysRev.140.A1133",
        "Self-Consistent Equations Including Exchange and Correlation Effects",
        [("Kohn", "W."), ("Sham", "L. J.")],
        1965,
        "Physical Review",
        "140",
        "4A",
        "A1133-A1138",
    ),
    item(
        "10.1103/PhysRev.136.B864",
        "Inhomogeneous Electron Gas",
        [("Hohenberg", "P."), ("Kohn", "W.")],
        1964,
        "Physical Review",
        "136",
        "3B",
        "B864-B871",
    ),
    item(
        "10.1111/j.2517-6161.1995.tb02031.x",
        FDR,
        [("Benjamini", "Yoav"), ("Hochberg", "Yosef")],
        1995,
        "Journal of the Royal Statistical Society: Series B (Methodological)",
        "57",
        "1",
        "289-300",
    ),
    item(
        "10.5555/fdr.reprint.2000",
        FDR,
        [("Benjamini", "Yoav"), ("Hochberg", "Yosef")],
        2000,
        "Selected Papers in Statistics (reprint)",
        "",
        "",
        "101-112",
        type="book-chapter",
    ),
    item(
        "10.1016/S0022-2836(05)80360-2",
        "Basic local alignment search tool",
        [("Altschul", "Stephen F."), ("Gish", "Warren")],
        1990,
        "Journal of Molecular Biology",
        "215",
        "3",
        "403-410",
    ),
    item(
        "10.1093/nar/25.17.3389",
        "Gapped BLAST and PSI-BLAST: a new generation of protein database search programs",
        [("Altschul", "S."), ("Madden", "T. L.")],
        1997,
        "Nucleic Acids Research",
        "25",
        "17",
        "3389-3402",
    ),
    item(
        "10.1145/3065386",
        "ImageNet classification with deep convolutional neural networks",
        [("Krizhevsky", "Alex"), ("Sutskever", "Ilya"), ("Hinton", "Geoffrey E.")],
        2017,
        "Communications of the ACM",
        "60",
        "6",
        "84-90",
    ),
    item(
        "10.5555/nips.2012.imagenet",
        "ImageNet Classification with Deep Convolutional Neural Networks",
        [("Krizhevsky", "Alex"), ("Sutskever", "Ilya"), ("Hinton", "Geoffrey E.")],
        2012,
        "Advances in Neural Information Processing Systems 25",
        "",
        "",
        "1097-1105",
        type="proceedings-article",
    ),
    item(
        "10.1038/323533a0",
        "Learning representations by back-propagating errors",
        [("Rumelhart", "David E."), ("Hinton", "Geoffrey E."), ("Williams", "Ronald J.")],
        1986,
        "Nature",
        "323",
        "6088",
        "533-536",
    ),
    item(
        "10.1177/001316446002000104",
        "A Coefficient of Agreement for Nominal Scales",
        [("Cohen", "Jacob")],
        1960,
        "Educational and Psychological Measurement",
        "20",
        "1",
        "37-46",
    ),
    item(
        "10.1162/089976698300017467",
        "Nonlinear Component Analysis as a Kernel Eigenvalue Problem",
        [("Schölkopf", "Bernhard"), ("Smola", "Alexander"), ("Müller", "Klaus-Robert")],
        1998,
        "Neural Computation",
        "10",
        "5",
        "1299-1319",
    ),
    item(
        "10.5555/attention.not.all",
        "Attention is not all you need",
        [("Dong", "Yihe")],
        2021,
        "Proceedings of Machine Learning Research",
        "139",
        "",
        "2793-2803",
        type="proceedings-article",
    ),
    item(
        "10.5555/attention.homonym",
        "Attention Is All You Need",
        [("Smith", "Jane")],
        2019,
        "Journal of Invented Management Studies",
        "12",
        "3",
        "45-67",
    ),
    item("10.1038/s41586-021-03819-2", ALPHAFOLD, JUMPER, 2021, "Nature", "596", "7873", "583-589"),
    item("10.5555/biorxiv.2021.alphafold", ALPHAFOLD, JUMPER, 2021, "bioRxiv", type="posted-content"),
]

# (reference, the DOI it must get or None when refnorm must abstain) — one-line reason as the id.
CASES: list[tuple[str, Reference, str | None]] = [
    (
        "short title, decoy with longer title",
        ref("LeCun Y.; Bengio Y.", "Deep learning", 2015, "Nature", "521", "", "436-444"),
        "10.1038/nature14539",
    ),
    (
        "conference article, not its preprint",
        ref(
            "He K.; Zhang X.",
            "Deep residual learning for image recognition",
            2016,
            "Proc. CVPR",
            page="770-778",
        ),
        "10.1109/CVPR.2016.90",
    ),
    (
        "the preprint, not its article",
        ref(
            "He K.; Zhang X.",
            "Deep Residual Learning for Image Recognition",
            2015,
            "arXiv preprint arXiv:1512.03385",
        ),
        "10.48550/arXiv.1512.03385",
    ),
    (
        "title cited without subtitle",
        ref(
            "Watson J. D.; Crick F. H. C.",
            "Molecular structure of nucleic acids",
            1953,
            "Nature",
            "171",
            "",
            "737-738",
        ),
        "10.1038/171737a0",
    ),
    (
        "same authors, other paper exists",
        ref(
            "Watson J. D.; Crick F. H. C.",
            "Genetical implications of the structure of deoxyribonucleic acid",
            1953,
            "Nature",
            "171",
        ),
        "10.1038/171964b0",
    ),
    (
        "same title, other author and year",
        ref(
            "Hochreiter S.; Schmidhuber J.",
            "Long short-term memory",
            1997,
            "Neural Comput.",
            "9",
            "8",
            "1735-80",
        ),
        "10.1162/neco.1997.9.8.1735",
    ),
    (
        "the chapter that shares the title",
        ref(
            "Graves A.",
            "Long short-term memory",
            2012,
            "Supervised Sequence Labelling with Recurrent Neural Networks",
            page="37-45",
        ),
        "10.1007/978-3-642-24797-2_4",
    ),
    (
        "near-identical title decoy",
        ref(
            "Ioannidis J. P. A.",
            "Why most published research findings are false",
            2005,
            "PLoS Med",
            "2",
            "8",
            "e124",
        ),
        "10.1371/journal.pmed.0020124",
    ),
    (
        "part 1 of a two-part paper",
        ref(
            "Shannon C. E.",
            "A mathematical theory of communication",
            1948,
            "Bell Syst. Tech. J.",
            "27",
            "",
            "379-423",
        ),
        "10.1002/j.1538-7305.1948.tb01338.x",
    ),
    (
        "two parts, no page to choose",
        ref("Shannon C. E.", "A mathematical theory of communication", 1948, "Bell Syst. Tech. J.", "27"),
        None,
    ),
    (
        "curly apostrophe, abbreviated journal",
        ref(
            "Hirsch J. E.",
            "An index to quantify an individual’s scientific research output",
            2005,
            "Proc Natl Acad Sci USA",
            "102",
            "46",
            "16569",
        ),
        "10.1073/pnas.0507655102",
    ),
    (
        "erratum with the same title a year later",
        ref(
            "Perdew J. P.; Burke K.; Ernzerhof M.",
            "Generalized gradient approximation made simple",
            1996,
            "Phys. Rev. Lett.",
            "77",
            "",
            "3865",
        ),
        "10.1103/PhysRevLett.77.3865",
    ),
    (
        "similar title, same first author",
        ref(
            "Silver D.; Huang A.",
            "Mastering the game of Go with deep neural networks and tree search",
            2016,
            "Nature",
            "529",
        ),
        "10.1038/nature16961",
    ),
    (
        "the later paper of the pair",
        ref(
            "Silver D.",
            "Mastering the game of Go without human knowledge",
            2017,
            "Nature",
            "550",
            "",
            "354-359",
        ),
        "10.1038/nature24270",
    ),
    (
        "page with letter prefix",
        ref(
            "Kohn W.; Sham L. J.",
            "Self-consistent equations including exchange and correlation effects",
            1965,
            "Phys. Rev.",
            "140",
            "4A",
            "A1133",
        ),
        "10.1103/PhysRev.140.A1133",
    ),
    (
        "reprint with same title years later",
        ref("Benjamini Y.; Hochberg Y.", FDR, 1995, "J. R. Stat. Soc. B", "57", "", "289-300"),
        "10.1111/j.2517-6161.1995.tb02031.x",
    ),
    (
        "same first author, later paper exists",
        ref(
            "Altschul S. F.; Gish W.",
            "Basic local alignment search tool",
            1990,
            "J Mol Biol",
            "215",
            "3",
            "403-10",
        ),
        "10.1016/S0022-2836(05)80360-2",
    ),
    (
        "journal reprint of a conference paper",
        ref(
            "Krizhevsky A.; Sutskever I.; Hinton G. E.",
            "ImageNet classification with deep convolutional neural networks",
            2017,
            "Commun. ACM",
            "60",
            "6",
            "84-90",
        ),
        "10.1145/3065386",
    ),
    (
        "conference original of the reprint",
        ref(
            "Krizhevsky A.; Sutskever I.; Hinton G. E.",
            "ImageNet classification with deep convolutional neural networks",
            2012,
            "Advances in Neural Information Processing Systems",
            page="1097-1105",
        ),
        "10.5555/nips.2012.imagenet",
    ),
    (
        "hyphenation differs",
        ref(
            "Rumelhart D. E.; Hinton G. E.; Williams R. J.",
            "Learning representations by backpropagating errors",
            1986,
            "Nature",
            "323",
            "",
            "533-536",
        ),
        "10.1038/323533a0",
    ),
    (
        "raw text only, no parsed fields",
        ref(
            "",
            raw="Cohen J. A coefficient of agreement for nominal scales. "
            "Educ Psychol Meas. 1960;20(1):37-46.",
        ),
        "10.1177/001316446002000104",
    ),
    (
        "accents dropped in author name",
        ref(
            "Scholkopf B.; Smola A.; Muller K.-R.",
            "Nonlinear component analysis as a kernel eigenvalue problem",
            1998,
            "Neural Comput",
            "10",
            "5",
            "1299-1319",
        ),
        "10.1162/089976698300017467",
    ),
    (
        "work not indexed, decoys with close titles",
        ref(
            "Vaswani A.; Shazeer N.",
            "Attention is all you need",
            2017,
            "Advances in Neural Information Processing Systems",
            "30",
            "",
            "5998-6008",
        ),
        None,
    ),
    (
        "article beats its preprint on journal fields",
        ref("Jumper J.; Evans R.", ALPHAFOLD, 2021, "Nature", "596", "", "583-589"),
        "10.1038/s41586-021-03819-2",
    ),
    ("preprint or article, nothing to choose", ref("Jumper J.; Evans R.", ALPHAFOLD, 2021), None),
]

FAST: dict[str, Any] = {"cache": False, "backoff": 0.001, "requests_per_second": 1000.0}


@pytest.fixture
def fake() -> Iterator[FakeCrossref]:
    with FakeCrossref(INDEX, slow_seconds=1.0) as server:
        yield server


def test_precision_first_on_decoys(fake: FakeCrossref) -> None:
    """No wrong DOI is ever accepted on the decoy set, and recall stays high."""
    result = resolve([case[1] for case in CASES], base_url=fake.url, **FAST)
    wrong, found, findable = [], 0, 0
    for (name, _, expected), new in zip(CASES, result.references, strict=True):
        findable += expected is not None
        if new.doi and new.doi != expected:
            wrong.append((name, new.doi))
        found += bool(expected) and new.doi == expected
    assert wrong == []
    recall = found / findable
    print(f"crossref decoy set: {found}/{findable} found (recall {recall:.2f}), wrong 0 of {len(CASES)}")
    assert recall >= 0.9


@pytest.mark.parametrize(("name", "reference", "expected"), CASES, ids=[case[0] for case in CASES])
def test_each_decoy_case(fake: FakeCrossref, name: str, reference: Reference, expected: str | None) -> None:
    """Each reference gets exactly its own DOI, or none with a C503/C504 diagnostic saying why."""
    result = resolve([reference], base_url=fake.url, **FAST)
    new = result.references[0]
    assert new.doi == (expected or "")
    codes = [d.code for d in new.diagnostics]
    assert codes == [DOI_ADDED] if expected else codes[0] in (NO_MATCH, AMBIGUOUS)


# -- the invented decoy table (tests/data/crossref/decoys.json), through habanero and HTTP ------------
DECOY_RECORDS, DECOY_FIND, DECOY_VERIFY = load_decoys()


@pytest.fixture(scope="module")
def decoys() -> Iterator[FakeCrossref]:
    with FakeCrossref(DECOY_RECORDS) as server:
        yield server


def test_decoy_table_accepts_no_wrong_doi(decoys: FakeCrossref) -> None:
    """Over the whole invented table no wrong DOI is accepted and every findable one is found."""
    result = resolve([case.reference() for case in DECOY_FIND], base_url=decoys.url, **FAST)
    wrong, missed = [], []
    for case, new in zip(DECOY_FIND, result.references, strict=True):
        if new.doi and new.doi != case.expect:
            wrong.append((case.id, new.doi))
        elif case.expect and new.doi != case.expect:
            missed.append(case.id)
    findable = sum(1 for case in DECOY_FIND if case.expect)
    found = findable - len(missed)
    print(f"decoy table: {len(DECOY_FIND)} references, wrong {len(wrong)}, found {found}/{findable}")
    assert wrong == [] and missed == []


@pytest.mark.parametrize("case", DECOY_FIND, ids=[case.id for case in DECOY_FIND])
def test_decoy_table_case(decoys: FakeCrossref, case: DecoyCase) -> None:
    """One reference: its own DOI with C501, or none with a C503/C504 that names each candidate and why."""
    new = resolve([case.reference()], base_url=decoys.url, **FAST).references[0]
    assert new.doi == (case.expect or "")
    (diagnostic,) = [d for d in new.diagnostics if d.code.startswith("C5")]
    if case.expect:
        assert diagnostic.code == DOI_ADDED and "agrees on" in diagnostic.message
    else:
        assert diagnostic.code in (NO_MATCH, AMBIGUOUS)
        assert "doi:" in diagnostic.message or diagnostic.message == "no Crossref candidates"


@pytest.mark.parametrize("case", DECOY_VERIFY, ids=[case.id for case in DECOY_VERIFY])
def test_decoy_table_existing_dois(decoys: FakeCrossref, case: DecoyCase) -> None:
    """A DOI of an erratum, supplement, review, sibling paper or other part is reported, never kept."""
    reference = case.reference()
    new = resolve([reference], base_url=decoys.url, **FAST).references[0]
    assert new.doi == reference.doi
    codes = [d.code for d in new.diagnostics if d.code != FIELDS_FILLED]
    assert codes == ([case.expect] if case.expect else [])


def test_random_wrong_dois_are_reported() -> None:
    """80 invented works, each cited once with its DOI and once with a one-mutation decoy's DOI:
    the right DOI is never flagged; a decoy's DOI is flagged unless a single doubt (another journal
    spelling, a year one off) is all the reference reveals, or nothing it cites differs."""
    import random

    rng = random.Random(5)
    records, refs, kinds = [], [], []
    for i in range(80):
        work = random_work(f"10.5555/v{i}", rng)
        name = rng.choice(sorted(REVEALED_BY))
        decoy = {**one_mutation_decoy(name, work, rng), "DOI": f"10.5555/v{i}d"}
        fields, csl = cite_some_fields(work, rng)
        records += [work, decoy]
        refs += [
            Reference.from_csl({**csl, "DOI": work["DOI"]}),
            Reference.from_csl({**csl, "DOI": decoy["DOI"]}),
        ]
        kinds += ["right", name if "title" in REVEALED_BY[name] or REVEALED_BY[name] & fields else ""]
    with FakeCrossref([expand(r) for r in records]) as server:
        result = resolve(refs, base_url=server.url, find=False, max_workers=8, **FAST)
    flagged = {
        i for i, r in enumerate(result.references) if any(d.code != FIELDS_FILLED for d in r.diagnostics)
    }
    assert not {i for i in flagged if kinds[i] == "right"}
    silent = [kinds[i] for i in range(len(refs)) if kinds[i] not in ("", "right") and i not in flagged]
    print(
        f"random wrong DOIs: {len(silent)} of {sum(k not in ('', 'right') for k in kinds)} silent: {silent}"
    )
    assert len(silent) <= 0.05 * len(refs) / 2, silent


def test_notice_doi_is_named_as_such(decoys: FakeCrossref) -> None:
    """The C505 message says the DOI is an erratum's and names the record."""
    (case,) = [c for c in DECOY_VERIFY if c.id == "DOI of the erratum"]
    (diagnostic,) = resolve([case.reference()], base_url=decoys.url, **FAST).diagnostics
    assert "belongs to a erratum notice" in diagnostic.message
    assert '"Erratum: Tidal mixing in shallow fjords" (Quill 2014' in diagnostic.message


def test_accepted_doubt_is_explained(decoys: FakeCrossref) -> None:
    """A DOI accepted although the year is one off says so, and what settled it."""
    (case,) = [c for c in DECOY_FIND if c.id == "year off by one, confirmed by volume and page"]
    (diagnostic,) = resolve([case.reference()], base_url=decoys.url, **FAST).diagnostics
    assert diagnostic.code == DOI_ADDED
    assert "despite year 2016 ≠ 2015 (one off), which the numbers settle" in diagnostic.message


def test_ambiguity_lists_each_candidate_and_why(decoys: FakeCrossref) -> None:
    """C504 names every tied candidate with what it agrees on."""
    (case,) = [c for c in DECOY_FIND if c.id == "journal only, abstract and article both in it"]
    (diagnostic,) = resolve([case.reference()], base_url=decoys.url, **FAST).diagnostics
    assert diagnostic.code == AMBIGUOUS
    for doi in ("10.5555/jcd.2015.s2.s123", "10.5555/jcd.2016.0410"):
        assert f"doi:{doi}" in diagnostic.message
    assert diagnostic.message.count("agrees on title, first author, container") == 2


def test_empty_result_list(decoys: FakeCrossref) -> None:
    """A search answered with no items leaves the reference unchanged with C503 'no Crossref candidates'."""
    decoys.script("Unfindable", "empty")
    lone = ref("Quill M. A.", "Unfindable paper on fjords", 2014)
    (diagnostic,) = resolve([lone], base_url=decoys.url, **FAST).diagnostics
    assert (diagnostic.code, diagnostic.message) == (NO_MATCH, "no Crossref candidates")


@pytest.mark.parametrize(
    ("faults", "code", "requests"),
    [
        (["429"], None, 2),
        (["500", "500"], None, 3),
        (["slow"], None, 2),
        (["500"] * 4, LOOKUP_FAILED, 4),
        (["slow"] * 4, LOOKUP_FAILED, 4),
        (["malformed"], LOOKUP_FAILED, 1),
    ],
    ids=["429 then ok", "5xx twice then ok", "timeout then ok", "5xx every time", "timeouts", "malformed"],
)
def test_verifying_a_doi_survives_faults(
    decoys: FakeCrossref, faults: list[str], code: str | None, requests: int
) -> None:
    """The works(ids=…) path retries 429, 5xx and timeouts like the search does, then gives C508."""
    (case,) = [c for c in DECOY_VERIFY if c.id == "reserved characters in the DOI"]
    marker = "AID-HYP1"
    decoys.script(marker, *faults)
    before = decoys.count(marker)
    result = resolve([case.reference()], base_url=decoys.url, timeout=0.3, **FAST)
    assert [d.code for d in result.diagnostics] == ([code] if code else [])
    assert decoys.count(marker) - before == requests == result.requests


def test_fills_only_missing_fields_and_says_which(fake: FakeCrossref) -> None:
    """Fields the user gave are kept verbatim; the change lists exactly the fields that were empty."""
    given = ref("LeCun Y.", "Deep Learning!", 2015, "Nature (London)", page="436")
    result = resolve([given], base_url=fake.url, **FAST)
    new = result.references[0]
    assert (new.title, new.container_title, new.page) == ("Deep Learning!", "Nature (London)", "436")
    assert (new.volume, new.issue, new.doi) == ("521", "7553", "10.1038/nature14539")
    (change,) = result.changes
    assert change.action == "found" and change.filled == ("DOI", "volume", "issue")
    assert change.confidence >= 0.85 and change.score > 0


@pytest.mark.parametrize(
    ("reference", "code"),
    [
        pytest.param(
            ref(
                "Ioannidis J.",
                "Why most published research findings are false",
                2005,
                "PLoS Med.",
                "2",
                "8",
                "e124",
                doi="10.1371/journal.pmed.0020124",
            ),
            None,
            id="correct DOI: nothing to say",
        ),
        pytest.param(
            ref(
                "Ioannidis J.",
                "Why most published research findings are false",
                2005,
                doi="10.1371/journal.pmed.0020124",
            ),
            FIELDS_FILLED,
            id="correct DOI: gaps filled",
        ),
        pytest.param(
            ref(
                "Schmidhuber J.",
                "Deep learning in neural networks: an overview",
                2015,
                doi="10.1038/nature14539",
            ),
            DIFFERENT_WORK,
            id="DOI of another work",
        ),
        pytest.param(
            ref(
                "Silver D.",
                "Mastering the game of Go with deep neural networks and tree search",
                2019,
                doi="10.1038/nature16961",
            ),
            PARTLY_MATCHES,
            id="right work, year off by 3",
        ),
        pytest.param(
            ref("Smith J.", "A software package", 2020, doi="10.5281/zenodo.3233986"),
            NOT_IN_CROSSREF,
            id="DataCite DOI unknown to Crossref",
        ),
        pytest.param(ref("", doi="doi:10.1038/NATURE14539"), FIELDS_FILLED, id="DOI only: fields filled"),
    ],
)
def test_verify_existing_dois(fake: FakeCrossref, reference: Reference, code: str | None) -> None:
    """A DOI that points elsewhere, or is unknown to Crossref, is reported — never replaced."""
    result = resolve([reference], base_url=fake.url, **FAST)
    new = result.references[0]
    assert new.doi == reference.doi
    assert [d.code for d in new.diagnostics] == ([code] if code else [])


def test_different_work_names_the_work_it_points_to(fake: FakeCrossref) -> None:
    """The C505 message says which work the DOI belongs to."""
    wrong = ref(
        "Schmidhuber J.", "Deep learning in neural networks: an overview", 2015, doi="10.1038/nature14539"
    )
    (diagnostic,) = resolve([wrong], base_url=fake.url, **FAST).diagnostics
    assert '"Deep learning" (LeCun 2015, Nature)' in diagnostic.message
    assert diagnostic.severity == "error"


def test_datacite_doi_is_not_called_wrong(fake: FakeCrossref) -> None:
    """An unknown DOI may be DataCite's: the message says so and is not an error."""
    (diagnostic,) = resolve([ref("X", "Y", doi="10.5281/zenodo.1")], base_url=fake.url, **FAST).diagnostics
    assert "DataCite" in diagnostic.message and diagnostic.severity == "info"


# -- politeness, failures, degradation -------------------------------------------------------------
LECUN = ref("LeCun Y.", "Deep learning", 2015, "Nature", "521", "", "436-444")
GO = ref("Silver D.", "Mastering the game of Go without human knowledge", 2017, "Nature", "550")


@pytest.mark.parametrize(
    ("faults", "requests"),
    [
        (["429"], 2),
        (["500", "500"], 3),
        (["slow"], 2),
        (["429", "500", "slow"], 4),
    ],
    ids=["429 then ok", "two 500s then ok", "timeout then ok", "mixed faults then ok"],
)
def test_retries_transient_failures(fake: FakeCrossref, faults: list[str], requests: int) -> None:
    """429, 5xx and timeouts are retried with backoff; the answer arrives after them."""
    fake.script("Deep learning", *faults)
    result = resolve([LECUN], base_url=fake.url, timeout=0.3, **FAST)
    assert result.references[0].doi == "10.1038/nature14539"
    assert result.requests == requests == fake.count()


@pytest.mark.parametrize(
    ("faults", "expect"),
    [
        (["500"] * 3, "HTTP 500"),
        (["slow"] * 3, "timed out"),
        (["malformed"], "malformed"),
        (["404"], "404"),
    ],
    ids=["5xx every time", "timeout every time", "malformed JSON", "404 on a search"],
)
def test_failures_degrade_to_a_diagnostic(fake: FakeCrossref, faults: list[str], expect: str) -> None:
    """A reference whose lookup keeps failing is unchanged with C508; the others are still resolved."""
    fake.script("Deep learning", *faults)
    result = resolve([LECUN, GO], base_url=fake.url, timeout=0.3, retries=2, **FAST)
    failed, other = result.references
    assert failed == LECUN.with_diagnostics(*failed.diagnostics)
    assert [d.code for d in failed.diagnostics] == [LOOKUP_FAILED]
    assert expect in failed.diagnostics[0].message
    assert other.doi == "10.1038/nature24270"


def test_bounded_retries(fake: FakeCrossref) -> None:
    """With retries=2 a permanently failing lookup is sent exactly three times."""
    fake.script("Deep learning", *["500"] * 10)
    resolve([LECUN], base_url=fake.url, retries=2, **FAST)
    assert fake.count() == 3


def test_rate_limit_headers_slow_later_requests(fake: FakeCrossref) -> None:
    """After a 429 advertising 50 requests per 1 s, requests are spaced at least 20 ms apart."""
    import time

    fake.script("Deep learning", "429")
    refs = [LECUN, GO, *(ref("Nobody", f"Unknown title number {n}", 2000) for n in range(5))]
    started = time.monotonic()
    resolve(refs, base_url=fake.url, max_workers=1, **FAST)
    assert fake.count() == 8 and time.monotonic() - started >= 6 * 0.02


def test_retry_after_is_respected() -> None:
    """After a 429 with Retry-After: 0.4 the retry waits at least that long."""
    with FakeCrossref(INDEX, retry_after="0.4") as server:
        server.script("Deep learning", "429")
        result = resolve([LECUN], base_url=server.url, **FAST)
        assert result.references[0].doi == "10.1038/nature14539"
        assert server.times[1] - server.times[0] >= 0.4


def test_polite_user_agent_and_query_shape(fake: FakeCrossref) -> None:
    """mailto reaches Crossref in the User-Agent; a search asks for 10 rows by query.bibliographic."""
    resolve([LECUN], base_url=fake.url, mailto="me@example.org", **FAST)
    (request,) = fake.requests
    assert "mailto:me@example.org" in request.user_agent
    assert request.path == "/works" and request.params["rows"] == "10"
    assert request.params["query.bibliographic"] == "LeCun Deep learning Nature 2015 521 436-444"


def test_doi_with_reserved_characters_is_escaped() -> None:
    """A SICI-style DOI with <, >, ; and # reaches the server whole (habanero does not escape it)."""
    doi = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0#x"
    record = item(doi, "Odd DOI paper", [("Odd", "A.")], 1998, "JASIS", "49", "8", "693-700")
    with FakeCrossref([record]) as server:
        result = resolve([ref("Odd A.", "Odd DOI paper", 1998, doi=doi)], base_url=server.url, **FAST)
        assert [r.path for r in server.requests] == [f"/works/{doi}"]
    assert [d.code for d in result.diagnostics] == [FIELDS_FILLED]


# -- cache -------------------------------------------------------------------------------------
def test_rerun_sends_no_request_twice(fake: FakeCrossref, tmp_path: Path) -> None:
    """A second run over the same references is answered from the cache, 404s included."""
    refs = [LECUN, GO, ref("X", "Y", doi="10.5281/zenodo.1"), ref("Nobody", "Unknown title", 2000)]
    options: dict[str, Any] = {**FAST, "cache": tmp_path / "c.sqlite3"}
    first = resolve(refs, base_url=fake.url, **options)
    assert first.requests == fake.count() == 4
    second = resolve(refs, base_url=fake.url, **options)
    assert fake.count() == 4 and second.requests == 0 and second.cache_hits == 4
    assert second.references == first.references


def test_failures_are_not_cached(fake: FakeCrossref, tmp_path: Path) -> None:
    """A lookup that failed is asked again next run (only answers are cached)."""
    fake.script("Deep learning", "malformed")
    options: dict[str, Any] = {**FAST, "cache": tmp_path / "c.sqlite3"}
    assert resolve([LECUN], base_url=fake.url, **options).references[0].doi == ""
    assert resolve([LECUN], base_url=fake.url, **options).references[0].doi == "10.1038/nature14539"


def test_default_cache_lives_in_the_user_cache_dir(
    fake: FakeCrossref, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """cache=None uses the user cache directory (here XDG_CACHE_HOME), never the working tree."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr("refnorm.cache.default_cache_path", lambda: tmp_path / "refnorm" / "crossref.sqlite3")
    resolve([LECUN], base_url=fake.url, backoff=0.001, requests_per_second=1000.0)
    assert (tmp_path / "refnorm" / "crossref.sqlite3").exists()


# -- opt-in and arguments -------------------------------------------------------------------------
@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize(
    ("kwargs", "env", "message"),
    [
        ({}, {"REFNORM_OFFLINE": ""}, "contact address"),
        ({"mailto": "me@example.org"}, {}, "REFNORM_OFFLINE"),
        ({"base_url": "ftp://example.org"}, {}, "not a Crossref API URL"),
        ({"base_url": "http://127.0.0.1:9", "max_workers": 50}, {}, "max_workers"),
        ({"base_url": "http://127.0.0.1:9", "timeout": 0}, {}, "timeout"),
    ],
    ids=["real API without mailto", "offline guard", "bad URL", "too many workers", "zero timeout"],
)
def test_refuses_without_explicit_opt_in(
    no_sockets: None,
    monkeypatch: pytest.MonkeyPatch,
    kwargs: dict[str, Any],
    env: dict[str, str],
    message: str,
) -> None:
    """resolve() raises RefnormError before any connection unless it was clearly asked to go online."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(RefnormError, match=message):
        resolve([LECUN], cache=False, **kwargs)


def test_env_url_is_used(fake: FakeCrossref, monkeypatch: pytest.MonkeyPatch) -> None:
    """REFNORM_CROSSREF_URL points resolve() at another server."""
    monkeypatch.setenv("REFNORM_CROSSREF_URL", fake.url + "/")
    assert resolve([LECUN], **FAST).references[0].doi == "10.1038/nature14539"


def test_nothing_to_do_sends_nothing(no_sockets: None) -> None:
    """With find and verify off, or no searchable reference, no client is even built."""
    assert resolve([LECUN], base_url="http://127.0.0.1:9", find=False).references == (LECUN,)
    assert resolve([Reference()], base_url="http://127.0.0.1:9", cache=False).diagnostics == ()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_crossref_arguments(parser)
    return parser.parse_args(argv)


def test_cli_helper_is_off_by_default(no_sockets: None) -> None:
    """Without --crossref the references come back untouched and nothing is sent."""
    result = resolve_from_args([LECUN], parse_args(["--mailto", "me@example.org"]))
    assert result == ResolveResult((LECUN,))


def test_cli_helper_resolves(fake: FakeCrossref, tmp_path: Path) -> None:
    """--crossref --crossref-url URL --cache PATH runs resolve() with those settings."""
    args = parse_args(["--crossref", "--crossref-url", fake.url, "--cache", str(tmp_path / "c.db")])
    assert resolve_from_args([LECUN], args).references[0].doi == "10.1038/nature14539"
    assert (tmp_path / "c.db").exists()
    assert parse_args(["--no-cache"]).no_cache
    with pytest.raises(SystemExit):
        parse_args(["--cache", "x", "--no-cache"])


def test_progress_counter_on_stderr(fake: FakeCrossref, capsys: pytest.CaptureFixture[str]) -> None:
    """progress=True reports on stderr, never on stdout (which may hold the BibTeX)."""
    resolve([LECUN, GO], base_url=fake.url, progress=True, **FAST)
    captured = capsys.readouterr()
    assert captured.out == "" and "crossref" in captured.err


@pytest.mark.parametrize(
    "reference",
    [
        LECUN,
        ref(
            "Ioannidis J.",
            "Why most published research findings are false",
            2005,
            doi="10.1371/journal.pmed.0020124",
        ),
    ],
    ids=["found DOI", "verified DOI with gaps"],
)
def test_fill_false_only_reports(fake: FakeCrossref, reference: Reference) -> None:
    """fill=False (refnorm check) leaves every reference as it was; a found DOI is only reported."""
    result = resolve([reference], base_url=fake.url, fill=False, **FAST)
    assert result.references[0] == reference.with_diagnostics(*result.diagnostics)
    assert result.changes == ()
    assert all(d.code == DOI_ADDED and "not added" in d.message for d in result.diagnostics)


BIB = r"""@article{lecun2015,
  author = {LeCun, Yann and Bengio, Yoshua},
  title = {Deep learning},
  journal = {Nature},
  year = {2015},
  volume = {521},
  pages = {436--444},
}

@article{schmidhuber2015,
  author = {Schmidhuber, J{\"u}rgen},
  title = {Deep learning in neural networks: An overview},
  journal = {Neural Networks},
  year = {2015},
  doi = {10.1038/nature14539},
}
"""


def test_check_command_goes_online_only_with_crossref(
    fake: FakeCrossref, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check --crossref` reports a DOI of another work and a DOI to add; without it nothing is sent."""
    from refnorm.cli import main

    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    main(["check", str(bib)])
    assert fake.count() == 0
    capsys.readouterr()
    status = main(["check", str(bib), "--crossref", "--crossref-url", fake.url, "--no-cache"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert f"{bib}:1: C501 [lecun2015] DOI 10.1038/nature14539 found on Crossref, not added" in lines[-2]
    assert lines[-1].startswith(f"{bib}:10: C505 [schmidhuber2015] DOI 10.1038/nature14539 belongs to")
    assert bib.read_text(encoding="utf-8") == BIB


def test_convert_command_fills_dois_it_is_sure_of(
    fake: FakeCrossref, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`convert --crossref` adds the DOI, reports it with --report, and a rerun hits the cache."""
    from refnorm.cli import main

    source = tmp_path / "refs.bib"
    source.write_text(BIB.split("@article{schmidhuber2015")[0], encoding="utf-8")
    argv = ["convert", str(source), "--to", "csl-json", "--report", "--crossref", "--crossref-url", fake.url]
    argv += ["--cache", str(tmp_path / "cache.sqlite3")]
    main(argv)
    captured = capsys.readouterr()
    assert '"DOI": "10.1038/nature14539"' in captured.out
    assert "C501" in captured.err
    main(argv)
    assert fake.count() == 1
