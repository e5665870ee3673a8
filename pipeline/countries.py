"""Member states named in vote lists → ISO 3166-1 alpha-3 codes, in the six UN languages.

Vote lists print each state's UN short name in the document's language. The ISO names
and their translations come from pycountry (offline gettext catalogues); the UN's own
forms that ISO words differently are data in `pipeline/country_names.py`. A name that
maps to nothing still gets an identifier (stable, derived from the name) and a
warning: a voter is never dropped.
"""
from __future__ import annotations

import gettext
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Iterator, Sequence

import pycountry

from .country_names import ALIASES, PYCOUNTRY_LOCALES
from .diagnostics import Diagnostic
from .model import Document, Vote

# Letter forms a PDF or a typist may use interchangeably: apostrophes, hyphens,
# brackets, Russian ё (UN texts print е), the Arabic letters whose spelling varies
# (hamza on alif, final ya) and Arabic vowel marks (ISO catalogues print them, UN lists do not).
_FOLDS = str.maketrans({
    "ё": "е", **{chr(mark): None for mark in range(0x064B, 0x0653)}, "\u0670": None,
    "’": "'", "‘": "'", "`": "'", "ʼ": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
    "（": "(", "）": ")", "，": ",", "、": ",", "،": ",",
    "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ـ": None,
})
_DROPPED = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069.:;]+")
# "Korea, Republic of" and "Bolivia, Plurinational State of" are ISO's inverted forms.
_INVERTED = re.compile(r"^(?P<head>[^,]+),\s*(?P<tail>[^,]+)$")


def name_key(name: str) -> str:
    """The form two printings of one name share: case, spacing, punctuation variants,
    the final full stop and the Arabic letter variants do not count.

    >>> name_key("Côte d’Ivoire") == name_key("Côte d'Ivoire")
    True
    >>> name_key("Коста‑Рика") == name_key("Коста-Рика"), name_key("هولندا(مملكة)") == name_key("هولندا (مملكة)")
    (True, True)
    """
    folded = unicodedata.normalize("NFKC", name).translate(_FOLDS).casefold()
    return _DROPPED.sub("", folded)


def _variants(name: str) -> Iterator[str]:
    """A name as ISO gives it, and the UN orders of an inverted one.

    >>> list(_variants("Bolivia, Plurinational State of"))
    ['Bolivia, Plurinational State of', 'Bolivia (Plurinational State of)', 'Plurinational State of Bolivia']
    >>> list(_variants("Congo, The Democratic Republic of the"))[1:]
    ['Congo (The Democratic Republic of the)', 'The Democratic Republic of the Congo', 'Democratic Republic of the Congo']
    """
    yield name
    inverted = _INVERTED.match(name)
    if inverted:
        head, tail = inverted["head"].strip(), inverted["tail"].strip()
        yield f"{head} ({tail})"
        yield f"{tail} {head}"
        # ISO keeps a capitalised article that a running name drops ("The Democratic Republic of the")
        article = re.match(r"^(?:The|the)\s+", tail)
        if article:
            yield f"{tail[article.end():]} {head}"


@cache
def _index(lang: str) -> dict[str, str]:
    """Name key → alpha-3 for one language: ISO names in English and in the language,
    then the UN's own forms (which win, being the ones printed)."""
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                    languages=[PYCOUNTRY_LOCALES[lang]], fallback=True)
    index: dict[str, str] = {}
    # English names first: Latin-script languages print many names exactly as English does
    for translate in (lambda text: text, catalogue.gettext):
        for country in pycountry.countries:
            for attribute in ("name", "official_name", "common_name"):
                text = getattr(country, attribute, None)
                if text:
                    for variant in _variants(translate(text)):
                        index[name_key(variant)] = country.alpha_3
    for name, code in ALIASES[lang].items():
        index[name_key(name)] = code
    return index


def member_state(name: str, lang: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of a member state's printed name, or None.

    >>> member_state("Bolivia (Plurinational State of)", "en"), member_state("大不列颠及北爱尔兰联合王国", "zh")
    ('BOL', 'GBR')
    >>> member_state("Atlantis", "en") is None
    True
    """
    return _index(lang).get(name_key(name))


def generated_id(name: str) -> str:
    """A stable identifier for a name that maps to no ISO code: the same printed name
    gives the same id in every document; never a three-letter ISO-like code.

    >>> generated_id("Atlantis") == generated_id(" atlantis "), generated_id("Atlantis")[:6]
    (True, 'state.')
    """
    return "state." + hashlib.sha1(name_key(name).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True, slots=True)
class MemberState:
    """One voter: its identifier (ISO alpha-3, or a generated one), whether that is an
    ISO code, and every printed form of its name in the document."""

    id: str
    names: tuple[str, ...]
    iso: bool


@dataclass(frozen=True, slots=True)
class MemberStates:
    """The states of a document's vote lists: by id in order of first appearance, the
    id of each printed name, and a warning for each name that maps to no ISO code."""

    states: tuple[MemberState, ...]
    ids: dict[str, str]
    diagnostics: tuple[Diagnostic, ...]

    def id_of(self, name: str) -> str:
        return self.ids[name]


def votes(document: Document) -> tuple[Vote, ...]:
    """The votes of a document: its own, then those of its parts."""
    return tuple(v for v in (document.vote, *(part.vote for part in document.parts)) if v is not None)


def identify_states(document: Document, source_lines: Sequence[str] = ()) -> MemberStates:
    """Map every name of every vote list to an identifier.

    `source_lines` (the input, one string per line) lets a warning name the very line
    of an unknown name; without it the warning names the first line of its list.
    """
    lang = document.meta.lang
    names: dict[str, list[str]] = {}  # id -> printed names
    ids: dict[str, str] = {}
    iso: dict[str, bool] = {}
    diagnostics = []
    for vote in votes(document):
        for group in vote.groups:
            for name in group.names:
                if name in ids:
                    continue
                code = member_state(name, lang)
                if code is None:
                    code = generated_id(name)
                    line = _line_of(name, group.span.first, group.span.last, source_lines)
                    diagnostics.append(Diagnostic("W020", f"member state not identified, kept as {code}: {name}",
                                                  line))
                ids[name] = code
                iso[code] = not code.startswith("state.")
                names.setdefault(code, []).append(name)
    states = tuple(MemberState(code, tuple(printed), iso[code]) for code, printed in names.items())
    return MemberStates(states, ids, tuple(diagnostics))


def _line_of(name: str, first: int, last: int, lines: Sequence[str]) -> int:
    """The input line, within a list's span, where a name is printed (the list's first
    line when the name was joined across lines)."""
    wanted = name_key(name)
    for number in range(first, min(last, len(lines)) + 1):
        if wanted in name_key(lines[number - 1]):
            return number
    return first
