"""Name lists in every printed form parse into the right (family, given) pairs."""

from __future__ import annotations

import pytest

from refnorm.names import is_name_list, parse_names

CASES = [
    ("Li F, Guo X, Chen SY", [("Li", "F"), ("Guo", "X"), ("Chen", "SY")]),
    (
        "Mahdavi Gorabi A, Reiner Ž, D’Antuono M",
        [("Mahdavi Gorabi", "A"), ("Reiner", "Ž"), ("D’Antuono", "M")],
    ),
    ("Kahneman, D., & Tversky, A.", [("Kahneman", "D."), ("Tversky", "A.")]),
    ("Strunk, William, and E. B. White", [("Strunk", "William"), ("White", "E. B.")]),
    ("J. P. Collman, A. B. Smith and C. Lee", [("Collman", "J. P."), ("Smith", "A. B."), ("Lee", "C.")]),
    (
        "Brunner, J.G., N. Birbilis, K.D. Ralston, et S. Virtanen",
        [("Brunner", "J.G."), ("Birbilis", "N."), ("Ralston", "K.D."), ("Virtanen", "S.")],
    ),
    (
        "BADALYAN R., SMITH A. T., KHATCHADOURIAN L.",
        [("BADALYAN", "R"), ("SMITH", "A. T."), ("KHATCHADOURIAN", "L")],
    ),
    ("Hirsch, Alan and Debra Hirsch", [("Hirsch", "Alan"), ("Hirsch", "Debra")]),
    ("Smith, John, Jane Doe, and Bob Roe", [("Smith", "John"), ("Doe", "Jane"), ("Roe", "Bob")]),
    ("BARBEIRO, H.; LIMA, P. R.", [("BARBEIRO", "H."), ("LIMA", "P. R.")]),
    ("ROE, J. POE, E. & DOE, M.", [("ROE", "J."), ("POE", "E."), ("DOE", "M.")]),
    ("LEBRUN, Alain. MOREL, Eric. DUVAL, Anne", [("LEBRUN", "Alain"), ("MOREL", "Eric"), ("DUVAL", "Anne")]),
    ("Fuller, R. Buckminster, Jane Doe", [("Fuller", "R. Buckminster"), ("Doe", "Jane")]),
    ("Qin, G.J., Lu, D.R. Ou, Q.", [("Qin", "G.J."), ("Lu", "D.R."), ("Ou", "Q.")]),
    ("Roe, CM. Doe, CC. Poe, C.", [("Roe", "CM."), ("Doe", "CC."), ("Poe", "C.")]),
    ("LAGROST (L.)", [("LAGROST", "L.")]),
    ("Lamarque J.-F., Emmons L.K.", [("Lamarque", "J.-F."), ("Emmons", "L.K.")]),
    ("Roe (Fl.), Doe (S.), Poe (R. P.)", [("Roe", "Fl."), ("Doe", "S."), ("Poe", "R. P.")]),
    ("Roe, M., B. Mayer, B. Nicolas", [("Roe", "M."), ("Mayer", "B."), ("Nicolas", "B.")]),
    ("Nederveen Pieterse, Jan", [("Nederveen Pieterse", "Jan")]),
    ("Campbell JR, Mason EO, Jr.", [("Campbell", "JR"), ("Mason", "EO")]),
    (
        "Adam DI Kramer, Jamie E Guillory, and Jeffrey T Hancock",
        [("Kramer", "Adam DI"), ("Guillory", "Jamie E"), ("Hancock", "Jeffrey T")],
    ),
    ("NOVÁK, J. a DVOŘÁK, P.", [("NOVÁK", "J."), ("DVOŘÁK", "P.")]),
    ("Roe, A. B., Doe, C., … Zoe, P.", [("Roe", "A. B."), ("Doe", "C."), ("Zoe", "P.")]),
    ("Kaiser, Jr., Walter C. and Ann Doe", [("Kaiser", "Walter C."), ("Doe", "Ann")]),
    (
        "A. Le Roe, M. Van der Doe and Eva De La Poe",
        [("Le Roe", "A."), ("Van der Doe", "M."), ("De La Poe", "Eva")],
    ),
    ("Di Wang and Da Li", [("Wang", "Di"), ("Li", "Da")]),
    ("De Roe, Arthur and David Doe", [("De Roe", "Arthur"), ("Doe", "David")]),
    ("Das, Anil and Eva Roe", [("Das", "Anil"), ("Roe", "Eva")]),
    ("Roe, W.S.,.", [("Roe", "W.S.")]),
    ("Roe, L., Doe, D., \\& Poe, E.", [("Roe", "L."), ("Doe", "D."), ("Poe", "E.")]),
    ("P. ROEBUCK - A. B. DOEMAN", [("ROEBUCK", "P."), ("DOEMAN", "A. B.")]),
    # Vancouver in capitals: the capitals closing a piece are initials, not a second surname word
    ("ROEBUCK AK, DOEMAN L, & POEWELL JD", [("ROEBUCK", "AK"), ("DOEMAN", "L"), ("POEWELL", "JD")]),
    # German lists with a spaced slash between names
    ("Roe, U. / Doe, M. / Poe, E.", [("Roe", "U."), ("Doe", "M."), ("Poe", "E.")]),
    # Czech lists with a spaced dash between inverted names
    ("Roe, Anna – Doe, Carl Emil", [("Roe", "Anna"), ("Doe", "Carl Emil")]),
    # the first name inverted, the others natural, initials without stops (Asia Pacific J. of HR)
    ("Roe JQ, MY Doe, and AT Poe", [("Roe", "JQ"), ("Doe", "MY"), ("Poe", "AT")]),
    # short surnames in capitals before their shorter initials
    ("ROEBUCK LZ, ZHU TF & LI X", [("ROEBUCK", "LZ"), ("ZHU", "TF"), ("LI", "X")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:28] for c in CASES])
def test_parse_names(text: str, expected: list[tuple[str, str]]) -> None:
    """Each printed form yields the family and given names as printed."""
    assert [(n.full_family, n.given) for n in parse_names(text).names] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("van der Berg, J.", [("van der", "Berg")]),
        ("D. H. van Hessem", [("van", "Hessem")]),
    ],
)
def test_particles_are_split_off(text: str, expected: list[tuple[str, str]]) -> None:
    """Lower-case particles go to non_dropping_particle, the rest is the family name."""
    assert [(n.non_dropping_particle, n.family) for n in parse_names(text).names] == expected


@pytest.mark.parametrize(
    ("text", "is_names"),
    [
        ("Li F, Guo X, Chen SY", True),
        ("Kuhn, Thomas S", True),
        ("World Health Organization", True),
        ("Volf, Miroslav, After Our Likeness", False),
        ("Carson, Rachel. Silent Spring", False),
        ("Die Wahlverwandtschaften", False),
        ("Abraham WC. Metaplasticity", False),
        ("Function and Therapeutic Potential", False),
        ("Das RK", True),
        ("Das, Santanu", True),
        ("Das Kapital", False),
        ("Roe JQ, MY Doe, and AT Poe", True),
        ("Chr. Roe", True),
        ("Wm. Roe and Jas. Doe", True),
        # nothing but names after the last "and"; the names between two "and"s only before a strong cue
        ("Roe, Ann, and Carl Doe, Widget Theory", False),
        ("Roe, Ann, and Carl Doe, Eve Poe, and Jan Moe", False),
    ],
)
def test_is_name_list(text: str, is_names: bool) -> None:
    """The grammar accepts real name lists and rejects title text that merely looks capitalised."""
    assert is_name_list(text) is is_names


def test_et_al_and_editor_marks() -> None:
    """ "et al." marks truncation and "(Eds.)" marks editors; neither becomes a name."""
    result = parse_names("Luce RD, Bush RR, et al. (Eds.)")
    assert [n.family for n in result.names] == ["Luce", "Bush"]
    assert result.truncated and result.editors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Andrade, Mário de.", [("Andrade", "Mário", "de")]),
        ("Poole, Keith T and Howard Rosenthal", [("Poole", "Keith T", ""), ("Rosenthal", "Howard", "")]),
    ],
    ids=["particle-after-given-with-stop", "pair-then-natural-after-and"],
)
def test_more_mixed_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    """Particles printed after the given name, and a pair whose given name ends in an initial."""
    assert [(n.family, n.given, n.non_dropping_particle) for n in parse_names(text).names] == expected
    assert is_name_list(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AMERICAN WIDGET ASSOCIATION", ["AMERICAN WIDGET ASSOCIATION"]),
        ("DEPARTMENT OF GADGETS AND WIDGETS", ["DEPARTMENT OF GADGETS AND WIDGETS"]),
        ("BANK, J. AND ROE, A.", ["", ""]),
        ("Statistics Erewhon", ["Statistics Erewhon"]),
        ("Statistics, Roe", [""]),
    ],
    ids=[
        "body-in-capitals",
        "body-in-capitals-with-glue",
        "persons-in-capitals",
        "statistics-office",
        "inverted-person",
    ],
)
def test_bodies_are_one_literal_name(text: str, expected: list[str]) -> None:
    """A body's name, in any case, is one literal name; persons in capitals stay persons."""
    assert [n.literal for n in parse_names(text).names] == expected
