"""Page ranges are normalised and abbreviated ranges expanded."""

from __future__ import annotations

import pytest

from refnorm.pages import first_page, normalize_pages, pages_to_bibtex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1857-66", "1857-1866"),
        ("1857–1866", "1857-1866"),
        ("pp. 12 - 19", "12-19"),
        ("e1234", "e1234"),
        ("S12-S19", "S12-S19"),
        ("S12-9", "S12-S19"),
        ("1, 4", "1, 4"),
        ("32", "32"),
        ("1-22", "1-22"),
    ],
)
def test_normalize_pages(text: str, expected: str) -> None:
    assert normalize_pages(text) == expected


def test_bibtex_pages_use_double_dash() -> None:
    assert pages_to_bibtex("1857-66") == "1857--1866"


def test_first_page() -> None:
    assert first_page("pp. 455-482") == "455"
