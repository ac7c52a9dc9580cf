"""Configuration files: where settings are read from, and mistakes reported instead of ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from refnorm.config import load_config
from refnorm.diagnostics import RefnormError

SETTINGS = 'select = ["B607"]\npage-separator = "-"\n'


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", "[tool.refnorm]\n" + SETTINGS),
        (".refnorm.toml", SETTINGS),
        (".refnorm.toml", "[tool.refnorm]\n" + SETTINGS),
        ("other.toml", "[tool.refnorm]\n" + SETTINGS),
    ],
    ids=["pyproject-table", "dedicated-top-level", "dedicated-with-pasted-table", "any-file-with-table"],
)
def test_settings_are_read_in_every_documented_form(tmp_path: Path, name: str, text: str) -> None:
    """The README's [tool.refnorm] snippet works in pyproject.toml and pasted into any config file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    assert (config.select, config.page_separator) == (("B607",), "-")


def test_a_misspelt_setting_is_an_error_naming_it(tmp_path: Path) -> None:
    """An unknown key stops the run with a message naming it, instead of being silently ignored."""
    path = tmp_path / ".refnorm.toml"
    path.write_text('selct = ["B607"]\n', encoding="utf-8")
    with pytest.raises(RefnormError, match="unknown setting 'selct'"):
        load_config(path)
