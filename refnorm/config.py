"""Project configuration for ``refnorm check`` / ``refnorm fix``.

Read from ``[tool.refnorm]`` in ``pyproject.toml`` or from the top level of ``.refnorm.toml``
(``.refnorm.toml`` wins when both are in the same directory), found by walking up from the
current directory. Unknown keys are ignored so other refnorm commands can share the table::

    [tool.refnorm]
    fields = ["author", "title", "journal", "year", "volume", "pages", "doi"]  # B610
    key-pattern = "^[a-z]+[0-9]{4}[a-z]*$"   # B611
    encoding = "latex"                        # or "utf-8" or "keep" (default): B612
    page-separator = "--"                     # B607
    select = ["B6"]                           # code prefixes to run (default: all)
    ignore = ["B608"]                         # code prefixes to skip
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from refnorm.diagnostics import RefnormError

__all__ = ["Config", "find_config", "load_config", "parse_config"]

Encoding = Literal["keep", "latex", "utf-8"]
_ENCODINGS: tuple[Encoding, ...] = ("keep", "latex", "utf-8")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings for the .bib checks; the defaults suit most LaTeX projects."""

    fields: frozenset[str] | None = None  # allowed field names (lower case); None = any
    key_pattern: re.Pattern[str] | None = None
    encoding: Encoding = "keep"
    page_separator: str = "--"
    select: tuple[str, ...] = ()  # code prefixes; empty = every check
    ignore: tuple[str, ...] = ()
    source: Path | None = field(default=None, compare=False)

    def enabled(self, code: str) -> bool:
        """Whether the check with ``code`` runs under ``select``/``ignore`` (prefix match)."""
        if self.select and not any(code.startswith(prefix) for prefix in self.select):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignore)

    def with_codes(self, select: list[str] | None, ignore: list[str] | None) -> Config:
        """A copy with command-line ``--select`` replacing and ``--ignore`` extending the file's."""
        from dataclasses import replace

        _check_codes(select or (), "--select")
        _check_codes(ignore or (), "--ignore")
        return replace(
            self,
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore or ()),
        )


def _check_codes(codes: Iterable[str], where: str) -> None:
    if not codes:
        return
    from refnorm.diagnostics import unknown_codes

    unknown = unknown_codes(codes)
    if unknown:  # "B680" or "Q1" would otherwise select nothing, and every file would pass
        raise RefnormError(
            f"{where}: unknown diagnostic code {', '.join(map(repr, unknown))} "
            "(codes and prefixes such as B6 or B608; `refnorm codes` lists them)"
        )


def _strings(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RefnormError(f"{where}: {key} must be a list of strings")
    return tuple(value)


_KNOWN_KEYS = frozenset(
    "fields key-pattern key_pattern encoding page-separator page_separator select ignore".split()  # noqa: SIM905
)


def parse_config(table: Mapping[str, Any], where: str = "config") -> Config:
    """A :class:`Config` from a TOML table (a caller mistake raises :class:`RefnormError`)."""
    unknown = sorted(key for key in table if key not in _KNOWN_KEYS)
    if unknown:  # a misspelt key would otherwise be ignored without a word
        known = ", ".join(sorted(key for key in _KNOWN_KEYS if "_" not in key))
        raise RefnormError(f"{where}: unknown setting {', '.join(map(repr, unknown))} (known: {known})")
    fields = _strings(table, "fields", where)
    pattern_text = table.get("key-pattern", table.get("key_pattern"))
    pattern = None
    if pattern_text is not None:
        if not isinstance(pattern_text, str):
            raise RefnormError(f"{where}: key-pattern must be a string")
        try:
            pattern = re.compile(pattern_text)
        except re.error as error:
            raise RefnormError(f"{where}: key-pattern is not a valid regex: {error}") from None
    encoding = table.get("encoding", "keep")
    if encoding not in _ENCODINGS:
        raise RefnormError(f"{where}: encoding must be one of {', '.join(_ENCODINGS)}")
    separator = table.get("page-separator", table.get("page_separator", "--"))
    if separator not in ("-", "--", "–"):
        raise RefnormError(f"{where}: page-separator must be '-', '--' or '–'")
    return Config(
        fields=frozenset(name.lower() for name in fields) if fields is not None else None,
        key_pattern=pattern,
        encoding=encoding,
        page_separator=separator,
        select=_codes(table, "select", where),
        ignore=_codes(table, "ignore", where),
    )


def _codes(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    codes = tuple(code.strip().upper() for code in _strings(table, key, where) or ())
    _check_codes(codes, f"{where}: {key}")
    return codes


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise RefnormError(f"cannot read {path}: {error}") from None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``.refnorm.toml``, or ``pyproject.toml`` with a ``[tool.refnorm]`` table."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        dedicated = folder / ".refnorm.toml"
        if dedicated.is_file():
            return dedicated
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "refnorm" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The configuration at ``path`` (or the nearest one found from ``start``), defaults if none."""
    found = path if path is not None else find_config(start)
    if found is None:
        return Config()
    data = _read_toml(found)
    nested = data.get("tool", {}).get("refnorm") if isinstance(data.get("tool"), dict) else None
    if found.name == "pyproject.toml":
        table = nested if nested is not None else {}
    else:  # ".refnorm.toml" takes the settings at its top level — or under a pasted [tool.refnorm]
        table = nested if nested is not None and data.keys() == {"tool"} else data
    if not isinstance(table, dict):
        raise RefnormError(f"{found}: [tool.refnorm] must be a table")
    from dataclasses import replace

    return replace(parse_config(table, str(found)), source=found)
