"""The core record: an immutable, CSL-JSON shaped :class:`Reference`.

Every step of the pipeline (split → parse → normalise → dedupe → write) takes
and returns these values; steps derive new ones with :func:`dataclasses.replace`
(or :meth:`Reference.with_variables`) instead of mutating.
"""

from __future__ import annotations

import re
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar, overload

from refnorm.diagnostics import Diagnostic

__all__ = ["CSL_TYPES", "Date", "FrozenMap", "Name", "Reference"]

_T = TypeVar("_T")

# CSL 1.0.2 item types (csl-data.json). Anything else is written as "document".
CSL_TYPES = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter classic
    collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing
    interview legal_case legislation manuscript map motion_picture musical_score pamphlet
    paper-conference patent performance periodical personal_communication post post-weblog regulation
    report review review-book software song speech standard thesis treaty webpage""".split()  # noqa: SIM905
)


class FrozenMap(Mapping[str, str]):
    """A read-only ``str → str`` mapping that keeps insertion order and can be hashed."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._data: dict[str, str] = dict(data)

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    # Fast paths: the Mapping mixins go through __getitem__ per key, which dominates dedupe at scale.
    def __contains__(self, key: object) -> bool:
        return key in self._data

    @overload
    def get(self, key: str, /) -> str | None: ...
    @overload
    def get(self, key: str, default: str | _T, /) -> str | _T: ...
    def get(self, key: str, default: object = None, /) -> object:
        return self._data.get(key, default)

    def items(self) -> ItemsView[str, str]:
        return self._data.items()

    def keys(self) -> KeysView[str]:  # the dict's own view: set operations in C ("keys() & {…}" is common)
        return self._data.keys()

    def values(self) -> ValuesView[str]:
        return self._data.values()

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))


@dataclass(frozen=True, slots=True)
class Name:
    """A CSL name: a person (family/given/particles/suffix) or an organisation (``literal``)."""

    family: str = ""
    given: str = ""
    non_dropping_particle: str = ""  # "van der" in "van der Berg, J." (sorted under V in Dutch usage)
    dropping_particle: str = ""  # "von" in "Ludwig von Beethoven"
    suffix: str = ""  # "Jr", "III"
    literal: str = ""  # organisations and names that should not be split

    @property
    def is_literal(self) -> bool:
        return bool(self.literal) and not self.family

    def to_csl(self) -> dict[str, str]:
        if self.is_literal:
            return {"literal": self.literal}
        out = {"family": self.family}
        if self.given:
            out["given"] = self.given
        if self.non_dropping_particle:
            out["non-dropping-particle"] = self.non_dropping_particle
        if self.dropping_particle:
            out["dropping-particle"] = self.dropping_particle
        if self.suffix:
            out["suffix"] = self.suffix
        return out

    @classmethod
    def from_csl(cls, data: Mapping[str, Any]) -> Name:
        def text(key: str) -> str:
            value = data.get(key)
            return str(value).strip() if value is not None else ""

        return cls(
            family=text("family"),
            given=text("given"),
            non_dropping_particle=text("non-dropping-particle"),
            dropping_particle=text("dropping-particle"),
            suffix=text("suffix"),
            literal=text("literal"),
        )

    @property
    def full_family(self) -> str:
        """Family name with its non-dropping particle, as it is printed: "van der Berg"."""
        return f"{self.non_dropping_particle} {self.family}".strip() if self.family else self.literal

    def __str__(self) -> str:
        if self.is_literal:
            return self.literal
        parts = [self.given, self.dropping_particle, self.non_dropping_particle, self.family]
        text = " ".join(p for p in parts if p)
        return f"{text}, {self.suffix}" if self.suffix else text


_DATE_RE = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class Date:
    """A calendar date as precise as the source: year, year-month or year-month-day.

    ``literal`` keeps text that is not a plain date ("n.d.", "in press", "Spring 1998").
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    literal: str = ""

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None and (self.month is None or not 1 <= self.day <= 31):
            raise ValueError(f"day out of range: {self.day}")

    def to_csl(self) -> dict[str, Any]:
        if self.year is None:
            return {"literal": self.literal} if self.literal else {}
        parts: list[int] = [self.year]
        if self.month is not None:
            parts.append(self.month)
            if self.day is not None:
                parts.append(self.day)
        return {"date-parts": [parts]}

    @classmethod
    def from_csl(cls, data: Mapping[str, Any] | str | int | None) -> Date | None:
        """Read a CSL date object (or an ISO-ish string / bare year). Returns None when empty."""
        if data is None:
            return None
        if isinstance(data, int):
            return cls(year=data)
        if isinstance(data, str):
            return cls.parse_iso(data)
        parts = data.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            numbers: list[int] = []
            for value in parts[0][:3]:
                try:
                    numbers.append(int(value))
                except (TypeError, ValueError):
                    break
            if numbers:
                return _safe_date(*numbers)
        for key in ("raw", "literal"):
            if data.get(key):
                return cls.parse_iso(str(data[key]))
        return None

    @classmethod
    def parse_iso(cls, text: str) -> Date | None:
        text = text.strip()
        if not text:
            return None
        match = _DATE_RE.match(text)
        if match:
            numbers = [int(g) for g in match.groups() if g is not None]
            return _safe_date(*numbers)
        return cls(literal=text)

    def iso(self) -> str:
        if self.year is None:
            return self.literal
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def __str__(self) -> str:
        return self.iso()


def _safe_date(year: int, month: int | None = None, day: int | None = None) -> Date:
    if month is not None and not 1 <= month <= 12:
        month = day = None
    if day is not None and not 1 <= day <= 31:
        day = None
    return Date(year, month, day)


@dataclass(frozen=True, slots=True)
class Reference:
    """One bibliographic item, shaped like a CSL-JSON item.

    ``variables`` holds every CSL string/number variable by its CSL name
    (``title``, ``container-title``, ``volume``, ``page``, ``DOI``, ``PMID``, …);
    names and dates have typed fields. ``raw`` is the source text the reference
    came from, ``label`` its printed list number and ``line`` its 1-based line in
    the input. ``leftovers`` keeps text the parser could not place, so nothing
    is silently dropped.
    """

    type: str = "article-journal"
    author: tuple[Name, ...] = ()
    editor: tuple[Name, ...] = ()
    issued: Date | None = None
    accessed: Date | None = None
    variables: FrozenMap = field(default_factory=FrozenMap)
    truncated_authors: bool = False  # the source list ended in "et al."
    id: str = ""  # citation key / CSL id when the source had one
    raw: str = ""
    label: str = ""
    line: int | None = None
    leftovers: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    # Structured CSL values refnorm does not model (translator, original-date, custom, …),
    # kept as (key, JSON value) pairs so a CSL-JSON round trip loses nothing.
    extras: tuple[tuple[str, Any], ...] = field(default=(), hash=False)

    # -- convenient read access to the common variables ---------------------------------------------
    def get(self, name: str, default: str = "") -> str:
        return self.variables.get(name, default)

    @property
    def title(self) -> str:
        return self.get("title")

    @property
    def container_title(self) -> str:
        return self.get("container-title")

    @property
    def doi(self) -> str:
        return self.get("DOI")

    @property
    def volume(self) -> str:
        return self.get("volume")

    @property
    def issue(self) -> str:
        return self.get("issue")

    @property
    def page(self) -> str:
        return self.get("page")

    @property
    def url(self) -> str:
        return self.get("URL")

    @property
    def year(self) -> int | None:
        return self.issued.year if self.issued else None

    # -- derivation ----------------------------------------------------------------------------------
    def with_variables(self, **changes: str | None) -> Reference:
        """A copy with CSL variables set (``None`` or ``""`` removes one).

        Python names use ``_`` for CSL's ``-``: ``with_variables(container_title="Nature")``.
        Identifier variables keep CSL's upper case: ``with_variables(DOI="10.1/x")``.
        """
        data = dict(self.variables)
        for key, value in changes.items():
            csl_key = key.replace("_", "-")
            if value:
                data[csl_key] = value
            else:
                data.pop(csl_key, None)
        return self._with(variables=FrozenMap(data))

    def with_diagnostics(self, *diagnostics: Diagnostic) -> Reference:
        return self._with(diagnostics=self.diagnostics + tuple(diagnostics))

    def _with(self, **changes: Any) -> Reference:
        """``dataclasses.replace`` for trusted field names: it checks every field on each call, and the
        normalisers copy a reference up to four times per parse."""
        return Reference(*[changes[name] if name in changes else getattr(self, name) for name in _FIELDS])

    # -- CSL-JSON ------------------------------------------------------------------------------------
    def to_csl(self, id: str | None = None) -> dict[str, Any]:
        """This reference as a CSL-JSON item (a plain ``dict``)."""
        item: dict[str, Any] = {}
        item_id = id or self.id or (f"ref-{self.label}" if self.label else "")
        if item_id:
            item["id"] = item_id
        item["type"] = self.type if self.type in CSL_TYPES else "document"
        if self.author:
            item["author"] = [n.to_csl() for n in self.author]
        if self.editor:
            item["editor"] = [n.to_csl() for n in self.editor]
        if self.issued is not None and self.issued.to_csl():
            item["issued"] = self.issued.to_csl()
        if self.accessed is not None and self.accessed.to_csl():
            item["accessed"] = self.accessed.to_csl()
        item.update(self.variables)
        for key, value in self.extras:
            item.setdefault(key, value)
        if self.label and "citation-number" not in item:
            item["citation-number"] = self.label
        return item

    @classmethod
    def from_csl(cls, item: Mapping[str, Any], raw: str = "") -> Reference:
        """Build a reference from a CSL-JSON item; unknown keys are kept as variables."""
        variables: dict[str, str] = {}
        for key, value in item.items():
            if key in _CSL_STRUCTURED or value is None or value == "":
                continue
            if isinstance(value, (str, int, float)):
                variables[key] = str(value)
            elif isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
                variables[key] = "; ".join(str(v) for v in value)
        label = str(variables.pop("citation-number", ""))

        def names(key: str) -> tuple[Name, ...]:
            value = item.get(key)
            if not isinstance(value, list):
                return ()
            return tuple(Name.from_csl(n) for n in value if isinstance(n, Mapping))

        return cls(
            type=str(item.get("type") or "document"),
            author=names("author"),
            editor=names("editor"),
            issued=Date.from_csl(item.get("issued")),
            accessed=Date.from_csl(item.get("accessed")),
            variables=FrozenMap(variables),
            id=str(item.get("id") or ""),
            raw=raw,
            label=label,
            extras=tuple((k, v) for k, v in item.items() if k in _CSL_STRUCTURED and k not in _CSL_TYPED),
        )


_FIELDS = tuple(f.name for f in fields(Reference))  # in the order Reference() takes them
_CSL_TYPED = frozenset({"id", "type", "author", "editor", "issued", "accessed"})
_CSL_STRUCTURED = frozenset(
    {
        "id",
        "type",
        "author",
        "editor",
        "issued",
        "accessed",
        "translator",
        "container-author",
        "collection-editor",
        "composer",
        "director",
        "interviewer",
        "recipient",
        "reviewed-author",
        "original-date",
        "submitted",
        "event-date",
        "custom",
    }
)
