"""DOIs are found in any written form and compared case-insensitively."""

from __future__ import annotations

import pytest

from refnorm.doi import doi_key, find_doi, normalize_doi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1000/xyz123", "10.1000/xyz123"),
        ("doi:10.1000/xyz123.", "10.1000/xyz123"),
        ("DOI: 10.1000/XYZ", "10.1000/XYZ"),
        ("https://doi.org/10.1000/a(b)c", "10.1000/a(b)c"),
        ("http://dx.doi.org/10.1000/abc", "10.1000/abc"),
        ("https://doi.org/10.1000%2Fabc", "10.1000/abc"),
        ("(10.1000/abc)", None),
        ("not a doi", None),
        ("", None),
    ],
)
def test_normalize_doi(text: str, expected: str | None) -> None:
    """Every common prefix is removed and trailing punctuation dropped."""
    assert normalize_doi(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Smith J. Title. J Foo. 2020;1:2. doi: 10.1152/ajpendo.00155.2020. 6. Next",
            "10.1152/ajpendo.00155.2020",
        ),
        ("… Cell 5 (2001). https://doi.org/10.1016/S0092-8674(01)00001-X).", "10.1016/S0092-8674(01)00001-X"),
        ("DOI 10.1234/abc-def;", "10.1234/abc-def"),
        ("no identifier here, 2018;7(4):82-93.", None),
        (
            "Things 12: 1371. doi:10.1002/(SICI)1099-1234(19980630)12:8<1371::AID-ABC620>3.0.CO;2-C.",
            "10.1002/(SICI)1099-1234(19980630)12:8<1371::AID-ABC620>3.0.CO;2-C",
        ),
        ("<doi:10.1234/abc>", "10.1234/abc"),
        ("doi:10.1016/S0045- 6535(00)00123-4.", "10.1016/S0045-6535(00)00123-4"),
    ],
)
def test_find_doi_in_text(text: str, expected: str | None) -> None:
    """DOIs are found inside running text without sentence punctuation or unopened brackets."""
    assert find_doi(text) == expected


def test_doi_key_is_case_insensitive() -> None:
    assert doi_key("doi:10.1000/ABC") == doi_key("https://doi.org/10.1000/abc")
