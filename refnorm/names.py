"""Personal and organisational names in the forms reference lists print them.

Handles Vancouver ("Mahdavi Gorabi A", "D’Antuono M"), inverted ("Bergk, V.",
"Smith, John A."), natural ("J. P. Collman", "Gary B Huang"), mixed MLA lists
("Deleuze, Gilles, and Félix Guattari"), particles (van der, de la, von),
suffixes (Jr, III), organisations and "et al." (recorded as a truncated list).

A list is cut into *pieces* at separators (``,`` ``;`` ``and`` ``&``); each piece
gets a *form* from the classes of its tokens (I = initial, W = capitalised word,
P = particle, S = suffix), and a small grammar pairs pieces into names:
``W , I`` is "Family, Initials", ``W I`` Vancouver, ``I W`` and ``W W`` natural
order. The same grammar tells the parser whether some text *is* a name list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from refnorm.lexicon import is_place
from refnorm.model import Name

__all__ = [
    "CAPITALISED_PARTICLES",
    "NAME_ALIAS",
    "NameList",
    "is_body_name",
    "is_name_list",
    "looks_like_initials",
    "parse_name",
    "parse_names",
]

PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "das",
        "dos",
        "do",
        "du",
        "la",
        "le",
        "les",
        "ten",
        "ter",
        "te",
        "zu",
        "zur",
        "vom",
        "dei",
        "degli",
        "d'",
        "d’",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "mac",
    ]
)
# Latin-1, Latin Extended-A (Ž, Ł, Ő… alternate upper/lower there, so the range is in both), Greek, Cyrillic
_UPPER = "A-ZÀ-ÖØ-ÞĀ-žΑ-ΩА-ЯЁ"
_LOWER = "a-zß-öø-ÿĀ-žα-ωа-яё"
_SUFFIX = re.compile(r"^(?:Jr|Sr|Jnr|Snr|II|III|IV|2nd|3rd)\.?,?$")
# _ETAL, _EDITOR_MARK, _SEPARATOR open with a lookahead of the characters every branch starts with:
# it lets a search skip other positions cheaply and matches exactly the same.
_ETAL = re.compile(
    r"(?=[\s,eaumidи….])\s*(?:,\s*)?(?:\bet\.?\s*al(?:ii|ia)?\b\.?|\band\s+others\b|\bu\.\s?a\.|(?-i:\bi\s+in(?:ni)?\b\.?|\be\.a\.|\bm\.\s?fl\.|\bdkk\b\.?)|\bet\s+coll?\b\.?|\bmet\s+anderen\b|"
    r"\bи\s+др\.|…|\.\.\.)\s*$",
    re.IGNORECASE,
)
# given names abbreviated past one letter, as older and German lists print them ("Chr. Roe", "Roe, Jas."):
# an initial, not a word whose stop ends a sentence
GIVEN_ABBREVIATION = r"(?:Chr|Chas|Jas|Jno|Geo|Thos|Benj|Saml|Edw|Robt|Richd|Wm|Jos|Joh|Fr|Th|Ch|Ph)\."
_INITIAL = re.compile(
    rf"^(?:[{_UPPER}][{_LOWER}]?\.(?:\s?-?[{_UPPER}][{_LOWER}]?\.)*-?|[{_UPPER}](?:-[{_UPPER}])?"
    rf"|{GIVEN_ABBREVIATION}(?:\s?-?[{_UPPER}][{_LOWER}]?\.)*)$"
)
_BARE_INITIALS = re.compile(rf"^[{_UPPER}]{{1,3}}(?:-[{_UPPER}]{{1,2}})?$")  # Vancouver: "SY", "J-P"
# "Al-Ma‘mūn", "‘Umar": Arabic and Hebrew transliteration writes the ayin as an opening quote
_WORD = re.compile(rf"^(?:[{_UPPER}]|[dDoO]['’]|Mc|Mac|‘(?=[{_UPPER}]))[\w'’‘\-]*\.?$")
_CAPITAL_LOWER_STOP = re.compile(rf"[{_UPPER}][{_LOWER}]\.")  # "Jo.": an abbreviation, no sentence end
_INITIAL_RUN = re.compile(r"I+")
_SENTENCE_BREAK = re.compile(r"[a-z]{2}\. [A-Z]")
_EDITOR_MARK = re.compile(
    # Vancouver initials in capitals after a family word in lower case are no mark: "Roe J, Poe HG" (not
    # German "Hg."), but "ROE, A. & G. POE EDS." is
    r"(?=[\s(\[ehécdr])(?!(?<=(?-i:[a-zß-ÿ]))\s+(?-i:[A-Z]{2,3})\.?\s*$|(?<=(?-i:[a-zß-ÿ])\s)(?-i:[A-Z]{2,3})\.?\s*$)"
    r"\s*[(\[]?\b(?:eds?|editors?|hrsg|hg|herausgeber|éds?|coords?|comps?|dirs?|red)\b\.?[)\]]?\.?\s*$",
    re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(?=[ABCDFGILMNOPSTU])"  # the first letters of the words below: lets a search pass other words cheaply
    r"(?:Organi[sz]ation|Association|Society|Institute|Council|Committee|Agency|Department|Ministry|"
    r"University|Office|Bureau|Group|Foundation|Commission|Cent(?:er|re)s?|Board|Service|Corporation|"
    r"Inc|Ltd|Team|Consortium|Collaboration|Network|Program(?:me)?|Nations|Bank|Federal|National|Survey|"
    r"Authority|Administration|Union|Institut|Bundesamt|Academy|Trust|Panel|Forum|Federation)\b"
)
_ORG_GLUE = frozenset(
    [
        "of",
        "for",
        "and",
        "the",
        "on",
        "in",
        "de",
        "du",
        "des",
        "für",
        "und",
        "y",
        "et",
        "la",
        "le",
        "les",
        "der",
        "die",
        "das",
    ]
)
_SEPARATOR = re.compile(
    # the one-letter "e"/"y" (Italian, Spanish "and") only in lower case: "Jamie E Guillory" keeps its initial
    # Czech/Slovak "a" only between a capital or initial and a capital: "WORSLEY a Ian", not "Viaje a Roma"
    r"(?=[\s;,&/])\s*(?:;(?:\s*(?:(?i:and|und)|et|&)(?=\s))?|,?\s+(?:(?i:and|und|with|dan|og|och)|et|y|e|и)\s+|(?<=[A-ZÀ-ÖØ-Þ.])\s+a\s+(?=[A-ZÀ-ÖØ-Þ])"
    # a spaced dash before initials: "P. ROE - A. DOE" (Greek and Byzantine studies)
    # a slash, spaced or not: "Roe, U./Doe, M.", German "Roe, U. / Doe, M."
    r"|,?\s*&\s*|,|(?<=[\w.])\s?/\s?(?=[A-ZÀ-ÖØ-Þ])|(?<=\w)\s[-–]\s(?=[A-ZÀ-ÖØ-Þ]\.\s?[A-ZÀ-ÖØ-Þ])"
    # …and before an inverted name: Czech "Roe, Anna – Doe, Carl"
    r"|(?<=[\w.])\s[-–]\s(?=[A-ZÀ-ÖØ-Þ][\w'’-]+,\s))\s*",
)


@dataclass(frozen=True, slots=True)
class NameList:
    names: tuple[Name, ...]
    truncated: bool = False  # the list ended in "et al." or similar
    editors: bool = False  # the list was marked "(Eds.)", "Hrsg.", "editors", …
    valid: bool = True  # every piece fitted the name grammar
    # …except that a second full-word name followed a comma in a list not closed by "and": believable
    # only right before a strong cue ("Goertz Gary, Diehl Paul, \"Title\"")
    loose: bool = False


def looks_like_initials(text: str) -> bool:
    """True for given-name initials: "J.", "J. A.", "A.M.L.", "Y.-N.", "JA" (Vancouver)."""
    tokens = text.replace(".", ". ").replace(". -", ".-").split()  # as _form reads "J.-F." — one token
    return bool(tokens) and all(_INITIAL.match(t) or _BARE_INITIALS.match(t) for t in tokens)


@lru_cache(maxsize=65536)
def _token_class(token: str, last: bool) -> str:
    if _SUFFIX.match(token):
        return "S"
    if token.rstrip(".").lower() in PARTICLES and token[:1].islower():  # "Balzac, Honoré de."
        return "P"
    if _INITIAL.match(token) or (_BARE_INITIALS.match(token.rstrip(".")) and len(token.rstrip(".")) <= 3):
        return "I" if len(token.rstrip(".")) <= 3 or "." in token else "W"
    if _WORD.match(token) and not any(map(str.isdigit, token)):  # map: the same test, without a generator
        if token.endswith(".") and not last and not _CAPITAL_LOWER_STOP.fullmatch(token):
            return "X"  # "Title." inside a piece: a sentence ended here, this is no name
        return "W"
    return "X"


@lru_cache(maxsize=65536)
def _form(piece: str) -> str:
    tokens = piece.replace(".", ". ").replace(". -", ".-").split()
    classes = [_token_class(t, i == len(tokens) - 1) for i, t in enumerate(tokens)]
    if "‘" in piece and "’" in piece[piece.index("‘") :]:  # "‘Tidal Mills’": a quotation, not an ayin
        classes[next(i for i, t in enumerate(tokens) if "‘" in t)] = "X"
    for i, token in enumerate(tokens):
        # capitals without dots next to a capitalised surname are part of it ("LE GALL"), and a
        # piece that is one capitalised word is a surname ("LAW, John"), not Vancouver initials
        if classes[i] == "I" and "." not in token and token.isupper() and len(token) >= 2:
            # …but capitals closing a piece after a capitalised surname are its initials ("GREEN AK")
            neighbours = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2] if i < len(tokens) - 1 else []
            if (len(tokens) == 1 and len(token) >= 3) or any(n.isupper() and len(n) >= 4 for n in neighbours):
                classes[i] = "W"
            # a short surname in capitals before shorter stopless initials: "ZHU TF", "LI X" (not "JQ DOE")
            elif i == 0 and len(tokens) == 2 and classes[1] == "I" and tokens[1].isalpha():
                classes[i] = "W" if tokens[1].isupper() and len(tokens[1]) < len(token) else "I"
    # "Gorabi A" — a lone capital after words is an initial; a run of initials counts once
    form = "".join(classes)
    return _INITIAL_RUN.sub("I", form) if "II" in form else form  # no "II": nothing to merge


# piece forms (see module docstring); S = optional suffix
_FAMILY_ONLY = re.compile(r"^P*W(?:P*W){0,2}S?$")
_GIVEN_ONLY = re.compile(r"^(?:I|W{1,3}|WI|WWI|IW)P{0,2}S?$")  # "Françoise de" keeps its particle
_VANCOUVER = re.compile(r"^P*W(?:P*W){0,2}IS?$")
_NATURAL = re.compile(r"^(?:IP*W(?:P*W)?|W(?:W|I){0,2}P*W)S?$")


@lru_cache(maxsize=4096)  # a few hundred distinct forms: one lookup instead of up to six regex matches
def _shape(form: str) -> tuple[bool, bool, bool, bool]:
    """(Vancouver, natural, family only, given only) for a piece form."""
    return (
        _VANCOUVER.match(form) is not None,
        _NATURAL.match(form) is not None,
        _FAMILY_ONLY.match(form) is not None,
        _GIVEN_ONLY.match(form) is not None,
    )


def _split_family(words: list[str]) -> tuple[str, str]:
    """Split leading lower-case particles from a family name: ["van", "der", "Berg"] → ("van der", "Berg")."""
    index = 0
    while index < len(words) - 1 and words[index].lower() in PARTICLES and words[index][:1].islower():
        index += 1
    return " ".join(words[:index]), " ".join(words[index:])


# particles printed with a capital that still open the family name in natural order: "A. Le Broq",
# "Martin Van Buren", "Jean De La Fontaine" ("Di", "Da", "Do" are left out: they are given names too)
CAPITALISED_PARTICLES = frozenset(
    ["De", "Le", "La", "Van", "Von", "Del", "Della", "Den", "Der", "Des", "Du", "Dos", "Das", "Ten", "Ter"]
)


def _particle_family(piece: str) -> bool:
    """ "De Vany", "Van Dam": a capitalised particle and one family word."""
    words = piece.split()
    return len(words) == 2 and words[0] in CAPITALISED_PARTICLES and words[1][:1].isupper()


def _natural(words: list[str], suffix: str = "") -> Name:
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    # "BARD Jean": a family name in capitals printed first
    if (
        words[0].isupper()
        and words[0].isalpha()
        and len(words[0]) > 3
        and not any(w.isupper() for w in words[1:])
    ):
        return Name(family=words[0], given=" ".join(words[1:]), suffix=suffix)
    index = len(words) - 1
    while index > 1 and (
        (words[index - 1].lower() in PARTICLES and words[index - 1][:1].islower())
        or words[index - 1] in CAPITALISED_PARTICLES
    ):
        index -= 1
    return Name(
        family=" ".join(words[index:]),
        given=" ".join(words[:index]),
        suffix=suffix,
    )


@lru_cache(maxsize=65536)
def parse_name(text: str, *, inverted: bool | None = None) -> Name | None:
    """Parse a single name. ``inverted`` forces "Family, Given"; None guesses from a comma."""
    text = text.strip(" ,;:")
    if not any(ch.isalnum() for ch in text):
        return None  # "" or a lone "." left between separators: no name (its family would be empty)
    if "," in text and inverted is not False:
        family_part, _, rest = text.partition(",")
        pieces = [p.strip() for p in rest.split(",") if p.strip()]
        suffix = pieces.pop().rstrip(".") if pieces and _SUFFIX.match(pieces[-1]) else ""
        given_words = " ".join(pieces).split()
        particle, family = _split_family(family_part.split())
        trailing: list[str] = []  # "Berg, Jan van der"
        while (
            given_words and given_words[-1].rstrip(".").lower() in PARTICLES and given_words[-1][:1].islower()
        ):
            trailing.insert(0, given_words.pop().rstrip("."))
        particle = particle or " ".join(trailing)
        return Name(family=family, given=" ".join(given_words), non_dropping_particle=particle, suffix=suffix)
    words = text.split()
    suffix = ""
    if len(words) > 1 and _SUFFIX.match(words[-1]):
        suffix = words.pop().rstrip(".,")
    form = _form(" ".join(words))
    if (
        _VANCOUVER.match(form)
        and form != "I"
        and "." not in words[-1].rstrip(".")
        and not (len(words) > 2 and looks_like_initials(words[-2]))
    ):
        particle, family = _split_family(words[:-1])
        return Name(family=family, given=words[-1].rstrip("."), non_dropping_particle=particle, suffix=suffix)
    if (
        len(words) >= 2
        and form.startswith("W")
        and form.endswith("I")
        and looks_like_initials(" ".join(words[1:]))
    ):
        return Name(family=words[0], given=" ".join(words[1:]), suffix=suffix)  # "Smith J. A."
    name = _natural(words, suffix)
    particle, family = _split_family(name.family.split())
    return Name(family=family, given=name.given, non_dropping_particle=particle, suffix=suffix)


# _SEPARATOR kept by split(): pieces and separators alternate in one list, built in one call
_SEPARATOR_KEPT = re.compile(f"({_SEPARATOR.pattern})")


def _pieces(text: str) -> list[tuple[str, str]]:
    """Split a name list into (piece, separator-before) pairs."""
    out: list[tuple[str, str]] = []
    separator = ""
    parts = _SEPARATOR_KEPT.split(text)  # piece, separator, piece, …, piece (_SEPARATOR is never empty)
    for index in range(0, len(parts) - 1, 2):
        piece = parts[index].strip()
        if piece:
            out.append((piece, separator))
        separator = parts[index + 1].strip().lower() or ","
    tail = parts[-1].strip()
    if tail:
        out.append((tail, separator))
    return out


def _search_end(pattern: re.Pattern[str], text: str) -> int:
    """Start of ``pattern`` anchored at the end of ``text`` (-1 if absent); only the tail is searched,
    so the cost does not grow with the length of the list."""
    offset = max(0, len(text) - 30)
    match = pattern.search(text, offset)
    return match.start() if match else -1


# substrings one of _EDITOR_MARK / _ETAL needs: a cheap test before the regexes
_MARK_CUES = (
    "ed",
    "éd",
    "hrsg",
    "hg",
    "dir",
    "comp",
    "coord",
    "red",
    "al",
    "others",
    "u.",
    "i in",  # Polish "i in." / "i inni"
    "a.",  # Dutch "e.a."
    "fl.",  # Swedish "m.fl."
    "dkk",  # Indonesian "dkk." (dan kawan-kawan)
    "…",
    "...",
    "coll",
    "др",
    "anderen",
    "herausgeber",
)
_MARK_LAST_LETTERS = "dgprsDGPRSſ"  # "ſ": the long s matches "s" in any case, as the pattern reads it
_MARK_CUE = re.compile("|".join(map(re.escape, _MARK_CUES)))  # one search for any of them


def _strip_marks(text: str) -> tuple[str, bool, bool]:
    editors = truncated = False
    if not _MARK_CUE.search(text[-30:].lower()):
        return text, False, False
    for _ in range(2):
        stripped = False
        # every word of _EDITOR_MARK ends in one of _MARK_LAST_LETTERS, with only ".)]" and spaces after it
        at_end = text.rstrip().rstrip(".)]")[-1:]
        start = _search_end(_EDITOR_MARK, text) if at_end in _MARK_LAST_LETTERS else -1
        if start > 0:
            editors = stripped = True
            text = text[:start].rstrip(" ,;:")
        start = _search_end(_ETAL, text)
        if start >= 0:
            truncated = stripped = True
            text = text[:start].rstrip(" ,;:")
        if not stripped:
            break  # the text is unchanged: a second round would search the same text in vain
    return text, truncated, editors


# Bodies in the Romance languages are written in sentence case: "Ministère des transports",
# "Conseil du paysage québécois", "Instituto nacional de estadística"
_SENTENCE_CASE_BODY = re.compile(
    r"(?=[ACDIMORS])(?:Minist[èe]re|Ministerio|Ministero|Conseil|Consejo|Consiglio|Comit[éeè]|Comisi[óo]n|"
    r"Commissione|R[ée]publique|Rep[úu]blica|Direction|Direcci[óo]n|Agence|Agencia|Institut|Instituto|"
    r"Istituto|Observatoire|Office|Secr[ée]tariat|Secretar[íi]a|Ressources)\s"
)


# a national statistics office: "Statistics Canada", "Statistics South Africa", "Statistik Austria"
_STATISTICS_OFFICE = re.compile(rf"Statisti(?:cs|k)\s[{_UPPER}][{_LOWER}]+(?:\s[{_UPPER}][{_LOWER}]+)?\.?")


def _organisation(text: str) -> Name | None:
    if text[:9] == "Statistic" and _STATISTICS_OFFICE.fullmatch(text):
        return Name(literal=text.strip(" ."))
    words = text.strip(" .").split()
    if len(words) > 16 or ":" in text or _SENTENCE_BREAK.search(text):
        return None  # a sentence break or colon inside: this is more than a name
    if _SENTENCE_CASE_BODY.match(text) and "," not in text and not any(c.isdigit() for c in text):
        return Name(literal=text.strip(" ."))
    # "AMERICAN PSYCHIATRIC ASSOCIATION": a body in capitals, its words read in title case; no initial
    # inside ("BANK, J." is a person)
    if not _ORG_WORDS.search(text) and (
        len(words) < 2
        or not text.isupper()
        or not _ORG_WORDS.search(text.title())
        or any(len(w.strip(".,")) == 1 or (w.endswith(".") and len(w) <= 3) for w in words)
    ):
        return None
    if all(w[:1].isupper() or w.lower() in _ORG_GLUE or not w[:1].isalpha() for w in words):
        return Name(literal=text.strip(" ."))
    return None


# Vancouver initials with the list's closing stop, followed by more words: "Abraham WC. Metaplasticity"
_VANCOUVER_STOP = re.compile(rf"\s[{_UPPER}]{{2,3}}\.\s+\S")


_ROLE = re.compile(
    r"\s*\((?:Producers?|Directors?|Writers?|Hosts?|Creators?|Photographers?|Composers?|Performers?|Speakers?|"
    r"Interviewers?|Illustrators?|Narrators?|Executive Producers?)\.?\)\.?",
    re.IGNORECASE,
)
_AND_SEPARATORS = frozenset(
    {"and", "&", ",&", ", and", "; and", "; &", ";&", "; und", "; et"}
    | {"und", "et", "y", "e", "a", "dan", "og", "och", "и"}
)


# "ROE, J. POE, E." / "ROE, Anna. POE, Eric.": inverted names run together with only the stop between
_INVERTED_START = re.compile(
    # "ROE, J. POE, E.": initials, then the next family with no comma between
    rf"[{_UPPER}][\w'’-]+,\s*(?:[{_UPPER}]{{1,2}}\.\s?-?)+\s+(?!(?:II|III|IV|Jr|Sr)\b)"
    rf"[{_UPPER}][\w'’-]{{2,}},\s*[{_UPPER}]{{1,2}}(?:\.|(?![^\W\d_]))"
    # "ROE, Anna. POE, Eric.": whole given names, families in capitals (French AFNOR style)
    rf"|[{_UPPER}]{{2,}}[{_UPPER}'’ -]*,\s*[{_UPPER}][^\W\d_]+(?:[- ][{_UPPER}][^\W\d_]+)?"
    rf"\.\s+[{_UPPER}]{{2,}}"
    # "Qin, G.J., Lu, D.R. Ou, Q.": a list that opens with two inverted names may run two together later
    rf"|[{_UPPER}][\w'’-]+,\s*(?:[{_UPPER}]\.\s?-?)+,\s*[{_UPPER}][\w'’-]+,\s*(?:[{_UPPER}]\.\s?-?)+[,;]?\s"
)
_UNSEPARATED_INVERTED = re.compile(rf"\.\s+(?=[{_UPPER}][\w'’-]+(?:\s[{_UPPER}][\w'’-]+)?,\s*[{_UPPER}])")


_BRACKETED_INITIALS = re.compile(rf"([{_UPPER}][\w'’-]+)\s*\(((?:[{_UPPER}][a-z]?\.\s?-?)+)\)")


_LOWER_LETTER = re.compile(r"[a-zß-ÿ]")


def _separate_inverted(match: re.Match[str]) -> str:
    """Split only after a whole inverted name ("ROE, J." — not the natural "N." of "Roe, J.G., N. Poe");
    an initial keeps its stop ("J."), a whole given name loses the list's ("Anna")."""
    chunks = match.string[: match.start()].split(",")
    family = chunks[-2].split()[-1] if len(chunks) >= 2 and chunks[-2].split() else ""
    if not (_LOWER_LETTER.search(family) or (len(family) >= 3 and "." not in family)):
        return match.group(0)
    return ".; " if match.string[match.start() - 1].isupper() else "; "


# "Stirner, Max (Johann Kaspar Schmidt)", "Chabert (Fioretti), Evelyne": another name of the same person
# (capitalised words, at least one a full word; not initials "(L.)" nor an editor mark "(Eds.)")
NAME_ALIAS = re.compile(
    r"\s*\((?!(?:Eds?|Editors?|Éds?|Hrsg|Hgg?|Dirs?|Coords?|Comps?|Trans)\b)(?=[^()]*[a-zß-ÿ]{2})"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s*){1,4}\)"
)


_SUFFIX_BEFORE_GIVEN = re.compile(
    r"^([^,]+),\s*(Jr|Sr|II|III|IV)\.?,\s*([A-ZÀ-ÖØ-Þ][^,]*?)(?=\s*(?:,|;|\band\b|&|$))"
)


# APA 7 lists the first nineteen authors, an ellipsis, then the last one: the ellipsis closes the list
_OMITTED_NAMES = re.compile(r"\s*,?\s*(?:…|\.\s?\.\s?\.)\s*(?=[A-ZÀ-ÖØ-Þ])")


def _stopless_initial_before(pieces: list[tuple[str, str]], index: int) -> bool:
    """Does a piece before ``index`` hold initials without their stop ("C Roe, A Doe", "Roe, MZ, A Doe")?"""
    return any(len(word) <= 3 and word.isupper() for piece, _ in pieces[:index] for word in piece.split())


def parse_names(text: str) -> NameList:
    """Parse a list of names in any of the common printed forms."""
    return _parse_names(_prepared(text))


def _prepared(text: str) -> str:
    """The text a name list is read from: without roles, APA's ellipsis, outer spaces and separators."""
    if "(" in text:  # "Davidson, F. (Producer), & Davidson, J. (Director)": roles are no names
        text = _ROLE.sub("", text)
    if "…" in text or ". . ." in text or "..." in text:  # APA 7: "Roe, A., Doe, C., … Zoe, P."
        text = _OMITTED_NAMES.sub(", & ", text)
    # the outer spaces and separators never change the reading: "Roe, A. " and "Roe, A.," share one parse
    return text.strip().strip(",;:")


def is_body_name(text: str) -> bool:
    """Does ``parse_names`` read ``text`` as one organisation ("Ministry of Health")? Only its first test
    can give an organisation (persons are never literals), so the persons' reading is skipped."""
    text = _strip_marks(_prepared(text))[0]
    organisation = _organisation(text) if text and ";" not in text else None
    return organisation is not None and bool(organisation.literal)


@lru_cache(maxsize=4096)  # the parser asks again for the prefix it just tested with is_name_list
def _parse_names(text: str) -> NameList:
    text, truncated, editors = _strip_marks(text)
    if not text:
        return NameList((), truncated, editors, valid=truncated)
    organisation = _organisation(text)
    if organisation is not None and ";" not in text:
        return NameList((organisation,), truncated, editors)
    if "(" in text:  # French "LAGROST (L.)", "Lehner (R. P.)": the family, then its initials in brackets
        text = _BRACKETED_INITIALS.sub(r"\1, \2", NAME_ALIAS.sub("", text))
    if "Jr" in text or "Sr" in text or "II" in text or "IV" in text:  # what _SUFFIX_BEFORE_GIVEN needs
        text = _SUFFIX_BEFORE_GIVEN.sub(r"\1, \3, \2.", text)  # "Kaiser, Jr., Walter C.": suffix first
    if _INVERTED_START.match(text):
        text = _UNSEPARATED_INVERTED.sub(_separate_inverted, text)
    pieces = _pieces(text)
    forms = [_form(piece) for piece, _ in pieces]
    shapes = [_shape(form) for form in forms]
    count = len(pieces)
    names: list[Name] = []
    # A Vancouver list ("Li F, Guo X") has no natural-order names: "Doe J. Title" is not one.
    # "Poole, Keith T": the given name of a pair is no Vancouver name
    vancouver_list = False
    for i in range(count):
        if (
            shapes[i][0]
            and "." not in pieces[i][0]
            and not (i and pieces[i][1] == "," and forms[i - 1] == "W")
        ):
            vancouver_list = True
            break
    valid = True
    and_missing = False  # only a closing "and" is missing (see NameList.loose)
    # "Volf, Miroslav, After Our Likeness" / "Susan Holden, Possible Pompidous": a second full-word name
    # after a comma needs the list to close with "and"/"&" to be believed
    closes_with_and = False
    last_and = -1  # the index of the piece after the last "and"
    for position, (_, separator) in enumerate(pieces):
        if separator in _AND_SEPARATORS:
            closes_with_and = True
            last_and = position
    seen_and = False
    index = 0
    while index < count:
        piece, separator = pieces[index]
        form = forms[index]
        vancouver, natural, family_only, _ = shapes[index]
        following = forms[index + 1] if index + 1 < count else ""
        pairs = index + 1 < count and pieces[index + 1][1] == "," and shapes[index + 1][3]
        # a one-word family pairs with any given name; a longer one ("Sachdeva Mann") with initials,
        # or with a single given name that ends the list ("Nederveen Pieterse, Jan")
        if (
            family_only
            and pairs
            and (
                form.count("W") == 1
                or (_particle_family(piece) and not is_place(pieces[index + 1][0]))  # "De Vany, Arthur"
                or following in {"I", "IS"}
                or (following == "W" and index == 0 and count == 2 and not is_place(pieces[1][0]))
            )
        ):
            given = pieces[index + 1][0]
            # "Roe, P., and Doe, B., Widget Grammars": the inverted name after the closing "and" is the last
            seen_and = seen_and or separator in _AND_SEPARATORS
            index += 2
            suffix = ""
            if index < count and forms[index] == "S":
                suffix = pieces[index][0].rstrip(".")
                index += 1
            name = parse_name(f"{piece}, {given}", inverted=True)
            if name is not None and suffix and not name.suffix:
                name = Name(name.family, name.given, name.non_dropping_particle, "", suffix)
            if name is not None:  # an inverted reading has no dropping particle nor literal: nothing to copy
                names.append(name)
            continue
        if form == "S" and names:  # "Kearse LA, Jr., Manberg P": the suffix of the name before
            last = names[-1]
            names[-1] = Name(last.family, last.given, last.non_dropping_particle, "", piece.rstrip("."))
            index += 1
            continue
        # "…, M. Abdullah and Khairurrijal"
        # …but not "Ann Roe, Beyond Mills and Rivers", "Roe, Alan, Computing Machinery and Intelligence": a
        # word after "and" that follows a piece of two full words after a comma closes a Title Case title
        # (one in capitals is a name: "Eve ROE a OTHERS")
        mononym = (
            form == "W"
            and names
            and separator not in {",", ";", ""}
            and (forms[index - 1] != "WW" or pieces[index - 1][1] != "," or piece.isupper())
        )
        # "Roe JQ, MY Doe, and AT Poe": after the first name, initials without stops before the family,
        # in a list that an "and" closes
        initials_first = natural and closes_with_and and index > 0 and form[:1] == "I" and "." not in piece
        if not (vancouver or (natural and (not vancouver_list or initials_first)) or mononym):
            valid = False
        elif (piece.split(None, 1)[0] in _TITLE_START and not vancouver) or _VANCOUVER_STOP.search(piece):
            valid = False  # "The Turkish Straits", "Abraham WC. Metaplasticity"
        elif piece[:2] == "A " and separator == "," and not _stopless_initial_before(pieces, index):
            valid = (
                False  # "Roe, Joseph, A Widget Reader": the article, where no name so far has such an initial
            )
        if names and separator == "," and "I" not in form and not vancouver_list and not closes_with_and:
            and_missing = True
        if seen_and and separator == "," and not vancouver:
            if index < last_and and natural:
                # Chicago with the first name inverted: "Roe, Jane T., and Ann B. Doe, Mark A. Poe, and Sam D.
                # Hoe": an "and" after the first name and another closing the list — believable before a cue
                and_missing = True
            else:
                valid = False  # "… and Karen Strøm, Comparative Politics Today": nothing after the last "and"
        if separator in _AND_SEPARATORS:
            seen_and = True
        name = parse_name(piece, inverted=False)
        if name is not None:
            names.append(name)
        index += 1
    return NameList(tuple(names), truncated, editors, valid and not and_missing, valid and and_missing)


_PERIODICAL_WORD = re.compile(
    r"\b(?:Journal|Review|Proceedings|Transactions|Bulletin|Quarterly|Annals|Letters|Magazine|Zeitschrift|Revue|"
    r"Revista|Rivista|Conference|Symposium|Workshop|Congress)\b"
)

# Articles and question words that start titles, never names ("Die Wahlverwandtschaften", "The Lancet")
_TITLE_START = frozenset(
    "The An Die Der Das Les Un Une Ein Eine Il Lo Los Las Gli On In Of How Why What When Where".split()  # noqa: SIM905
)
_TITLE_START_INITIALS = frozenset(word[0] for word in _TITLE_START)


def is_name_list(text: str, *, strict: bool = True) -> bool:
    """Does ``text`` read as a complete list of names (each with a given name or initials)?

    The parser uses this to decide where the author block of a reference ends.
    """
    text = text.strip(" ,;:")
    if not text or len(text) > 600:
        return False
    if _PERIODICAL_WORD.search(text) and _organisation(text) is None:
        return False  # "Design Management Journal, vol. 12": a journal, not a person
    # the first word starts the text (or is ""): no title-start word can be there unless the text's first
    # character opens one, so most texts skip the split
    if text[0] in _TITLE_START_INITIALS:
        first_piece = _SEPARATOR.split(text, maxsplit=1)[0]
        first_word = first_piece.split(None, 1)[0] if first_piece.strip() else ""
        if (
            first_word in _TITLE_START
            and not _VANCOUVER.match(_form(first_piece))
            and not text.startswith(first_word + ",")
        ):
            # "Die Wahlverwandtschaften", "The Lancet" — but "Das RK" and "Das, Santanu" are names
            return False
    result = parse_names(text)
    if not result.names:
        return result.truncated and not text.strip(" ,.").lower().startswith("et")
    return result.valid or (not strict and result.loose)
