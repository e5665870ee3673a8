"""Language profiles: everything that differs between the six UN languages, as data.

Each module here (`zh.py`, `en.py`, …) defines `PROFILE = Profile(...)` and nothing
that decides anything. The shape is checked when a profile is loaded: every pattern
compiles and has the named groups the rules read. Logic lives in the stages and
never branches on a language code.
"""
from __future__ import annotations

import importlib
import importlib.util
import re
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Mapping

from ..diagnostics import Diagnostic, InputError
from ..scripts import SUPERSCRIPT_DIGITS, Vocabulary, dominant_script

# Footnotes as most PDFs print them: a superscript number at the call and at the note.
SUPERSCRIPT_NOTE_LINE = f"^(?P<marker>[{SUPERSCRIPT_DIGITS}]+)\\s*(?=\\S)"
SUPERSCRIPT_NOTE_CALL = f"(?P<marker>[{SUPERSCRIPT_DIGITS}]+)"

# ISO 639-1 codes of the six official languages, with the ISO 639-2/T codes AKN uses.
UN_LANGUAGES = {"ar": "ara", "zh": "zho", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}
# The languages with a profile module in this folder.
IMPLEMENTED = tuple(code for code in UN_LANGUAGES
                    if importlib.util.find_spec(f"{__name__}.{code}") is not None)
NOTHING = r"(?!)"  # a pattern that matches nothing: the language has no such thing


@dataclass(frozen=True)
class BodyWords:
    """How a UN body is named in one language."""

    names: tuple[str, ...]  # as printed in the masthead and the adoption line
    formula: str  # pattern of the whole enacting-formula line


@dataclass(frozen=True)
class VoteWords:
    """Phrases of the vote block."""

    recorded: str  # the outcome phrase of a recorded vote
    without_vote: str
    consensus: str
    counts: tuple[str, ...]  # patterns with groups in_favour, against and (optional) abstaining
    labels: Mapping[str, str]  # group key -> pattern of its label ("In favour")
    name_separator: str  # between names of a list
    final_conjunction: str | None = None  # "and" before the last name, if the language uses one
    # counts printed as words in a count pattern's group, and their values (Arabic
    # says "two members abstaining" with the dual, "عضوين", not with a digit)
    count_words: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CitationWords:
    """How running text cites a resolution or decision by its number ("General
    Assembly resolution 72/171 of 19 December 2017", "第 72/171 号决议")."""

    resolution: str  # pattern of the word naming a resolution, any number and case
    decision: str  # the same for a decision
    bodies: Mapping[str, str]  # body code -> pattern of its name in a citation, any case
    own: str  # the possessive that makes the citing body the author ("its", "sa", "其")
    date_joiner: str  # the words between a cited number and its date ("of", "du", "от")
    # the word follows the numbers ("第 72/171 号决议"); such a citation opens with the
    # body, so the first body named before the number is its author
    keyword_after: bool = False
    body_after: bool = False  # the body is named after the number first ("résolution 72/171 de l'Assemblée")
    date_before: bool = False  # the date precedes the number ("2017 年 12 月 19 日第 72/171 号决议")


@dataclass(frozen=True)
class Profile:
    code: str
    akn_code: str
    name: str
    script: str  # dominant script (see pipeline.scripts.dominant_script)
    direction: str  # ltr | rtl
    emphasis: str  # how opening phrases are printed: "b" (bold) or "i" (italics)
    bodies: Mapping[str, BodyWords]
    title: str  # groups: num (as printed), number, title
    session: str  # groups: ordinal
    agenda_item: str  # groups: item
    adoption_line: str  # groups: body, date, kind
    doc_kinds: Mapping[str, str]  # word in the adoption line -> resolution | decision
    date: str  # groups: year, month, day
    months: tuple[str, ...]  # month names, January first; empty when months are numbers
    session_dates: str  # groups: start, end (each a date or a part of one)
    partial_date: str  # groups: year, month, day (any may be missing: "18 June", "7月6日")
    meeting: str  # groups: number
    operative: str  # groups: num, number, text
    item: str  # groups: num, label (or dotted, for "a."), text
    opening_phrase: str  # pattern of the opening phrase of a preambular paragraph
    operative_phrase: str  # pattern of the opening phrase (the verb) of an operative paragraph
    vote: VoteWords
    # -- masthead and document types ------------------------------------------
    organization_names: tuple[str, ...]  # "United Nations" as printed at the top
    distribution: str  # pattern at the start of the "Distr.: General" line
    language_names: tuple[str, ...]  # language names printed in mastheads ("Chinese", "Español")
    original: str  # pattern of the "Original: English" line
    decision_label: str  # pattern of the masthead line that says "Decision"
    decision_opening: str  # pattern of the opening of a decision's text ("At its 53rd plenary meeting")
    sc_title: str  # groups: number ("Resolution 2755 (2024)")
    sc_adoption: str  # groups: meeting, date ("Adopted by the Security Council at its 9770th meeting, on …")
    prst_title: str  # pattern of "Statement by the President of the Security Council"
    draft_title: str  # pattern of the end of a draft resolution's title (": draft resolution")
    annex: str  # pattern of an annex heading line ("Annex", "Annex II")
    table_label: str  # pattern of a table's label line in an annex ("Table 1", "الجدول 1")
    numerals: str  # how session ordinals are written: "cjk" | "words" | "digits"
    number_words: Mapping[str, int] = field(default_factory=dict)
    hyphenated_numbers: bool = False  # number words are joined by hyphens ("sixty-second")
    part_label: str = r"^[A-Z]$"  # the label of a part of a text adopted in parts ("A", "B")
    # the label of a section of a decision's list of documents ("Section A"): a line of its own
    section_label: str = NOTHING
    note_line: str = SUPERSCRIPT_NOTE_LINE  # start of a footnote text line; group: marker
    note_call: str = SUPERSCRIPT_NOTE_CALL  # a footnote call in the running text; group: marker
    raised_call: str | None = None  # a footnote call the text layer printed as a line of its own; group: marker
    raised_call_gap: str = NOTHING  # the space such a call leaves in the line it was lifted from
    raised_call_text: str = "{marker}"  # how a call is written back into its line
    # the word that opens a preambular paragraph before its verb, as a line of its own: a
    # text layer that cuts a printed line apart can write it alone ("وإذ")
    opening_particle: str | None = None
    common_words: frozenset[str] = frozenset()  # frequent words, for language detection
    number_units: str = ""  # characters that make a number of the digits before them ("年", "号")
    spaced_punctuation: str = ""  # punctuation printed after a space ("droits de l’homme ;")
    item_letters: str = "abcdefghijklmnopqrstuvwxyz"  # item labels in their order ("(a)", "(b)" …)
    # a range of dates in running text ("13-16 September 2016", "du 9 au 27 septembre 2024");
    # groups start, end, read like the masthead's session dates
    date_range: str | None = None
    citation: CitationWords | None = None
    # compounds whose hyphen a line end never takes away, as "left-right" in lower case
    # ("non-nuclear", "elles-mêmes", "государствам-участникам"): written so every time,
    # a document may print them once, broken at the hyphen
    hyphen_compounds: str = NOTHING
    # the word list (pipeline/lexicon.py) that tells a word broken at a line end from a
    # compound where the document does not (`Russian-` / `backed`: no word
    # "russianbacked", two words): only for the languages whose list was measured to
    # tell them apart on the dev corpus; None elsewhere
    lexicon: str | None = None

    # -- compiled forms (cached per profile) --------------------------------
    def rx(self, name: str) -> re.Pattern:
        return _compiled(self.code, name)

    def closing_line(self, text: str) -> tuple[re.Match | None, re.Match | None] | None:
        """(meeting, date) when the line is the adoption meeting, its date or both and
        nothing else (separators aside, no comma after them); None otherwise.

        >>> from pipeline.languages import load
        >>> en = load("en")
        >>> [m and m.group() for m in en.closing_line("37th plenary meeting 5 July 2018")]
        ['37th plenary meeting', '5 July 2018']
        >>> en.closing_line("adopted on 5 July 2018"), en.closing_line("5 July 2018,")
        (None, None)
        """
        meeting, date = self.rx("meeting").search(text), self.rx("date").search(text)
        if not meeting and not date:
            return None
        rest = text
        for m in (meeting, date):
            if m:
                rest = rest.replace(m.group(), "", 1)
        if _SEPARATORS.sub("", rest) or text.rstrip().endswith((",", "，")):
            return None
        return meeting, date


_SEPARATORS = re.compile(r"[\s,，、]")  # what may stand between a closing line's meeting and date


_REQUIRED_GROUPS = {
    "title": {"num", "number", "title"},
    "session": {"ordinal"},
    "agenda_item": {"item"},
    "adoption_line": {"body", "date", "kind"},
    "date": {"year", "month", "day"},
    "session_dates": {"start", "end"},
    "date_range": {"start", "end"},
    "partial_date": {"year", "month", "day"},
    "note_line": {"marker"},
    "note_call": {"marker"},
    "raised_call": {"marker"},
    "meeting": {"number"},
    "sc_title": {"number"},
    "sc_adoption": {"meeting", "date"},
    "operative": {"num", "number", "text"},
    "item": {"num", "label", "text"},
}


@cache
def _compiled(code: str, name: str) -> re.Pattern:
    return re.compile(getattr(load(code), name))


def _check(profile: Profile) -> Profile:
    """Check the shape of a profile: every pattern compiles with its groups."""
    where = f"pipeline/languages/{profile.code}.py"
    for f in fields(profile):
        value = getattr(profile, f.name)
        if f.name in _REQUIRED_GROUPS and value is not None:
            pattern = re.compile(value)
            missing = _REQUIRED_GROUPS[f.name] - set(pattern.groupindex)
            if missing:
                raise ValueError(f"{where}: {f.name} lacks groups {sorted(missing)}")
    for body, words in profile.bodies.items():
        re.compile(words.formula)
        if not words.names:
            raise ValueError(f"{where}: body {body} has no names")
    for name in ("opening_phrase", "operative_phrase", "distribution", "original", "decision_label",
                 "decision_opening", "prst_title", "draft_title", "annex", "table_label", "part_label",
                 "section_label", "raised_call_gap", "hyphen_compounds"):
        re.compile(getattr(profile, name))
    if profile.raised_call_text.format(marker="1") == profile.raised_call_text:
        raise ValueError(f"{where}: raised_call_text does not place the {{marker}}")
    for pattern in profile.vote.counts:
        if not {"in_favour", "against"} <= set(re.compile(pattern).groupindex):
            raise ValueError(f"{where}: vote count pattern lacks in_favour/against: {pattern}")
    if profile.citation is not None:
        c = profile.citation
        for pattern in (c.resolution, c.decision, c.own, c.date_joiner, *c.bodies.values()):
            re.compile(pattern)
        if set(c.bodies) - set(profile.bodies):
            raise ValueError(f"{where}: citation names unknown bodies {sorted(set(c.bodies) - set(profile.bodies))}")
    if profile.months and len(profile.months) != 12:
        raise ValueError(f"{where}: months must list 12 names")
    if profile.akn_code != UN_LANGUAGES.get(profile.code):
        raise ValueError(f"{where}: akn_code {profile.akn_code} does not match {profile.code}")
    return profile


@cache
def load(code: str) -> Profile:
    """The profile of a language, by ISO 639-1 code; unsupported codes fail loudly."""
    if code not in UN_LANGUAGES:
        raise InputError(Diagnostic("E003", f"unsupported language {code!r}: the UN languages are "
                                            f"{', '.join(sorted(UN_LANGUAGES))}"))
    if code not in IMPLEMENTED:
        raise InputError(Diagnostic("E003", f"language {code!r} has no profile yet "
                                            f"(implemented: {', '.join(IMPLEMENTED)})"))
    module = importlib.import_module(f"{__name__}.{code}")
    return _check(module.PROFILE)


def hyphen_compounds(profile: Profile | None) -> re.Pattern | None:
    """The compounds whose hyphen a line end never takes away, in the language of
    `profile` (none when it is not known, or the language names none): one
    language's compound can be another's word broken in two (English "non-" /
    French "nonobstant")."""
    if profile is None or profile.hyphen_compounds == NOTHING:
        return None
    return profile.rx("hyphen_compounds")


def vocabulary_of(texts, profile: Profile | None) -> Vocabulary:
    """The words of a document (`texts`), with what its language says of the hyphens
    at line ends: the compounds written with one every time, and its word list."""
    return Vocabulary(texts, hyphen_compounds(profile), profile.lexicon if profile else None)


# Characters looked at to tell the script, spread over the text's start: 500 tell it as
# 2,000 did on every text of the shared corpora (486 files, six languages, all layers),
# at a third of the cost.
_SCRIPT_SAMPLE = 500
_SCRIPT_LANGUAGES = {"Han": ("zh",), "Arabic": ("ar",), "Cyrillic": ("ru",), "Latin": ("en", "fr", "es")}


def detect(text: str) -> str | None:
    """Guess the language of a document: its script, then frequent words.

    >>> detect("人权理事会，\\n重申致力于按照《联合国宪章》")
    'zh'
    >>> detect("The Human Rights Council,\\nRecalling its resolutions")
    'en'
    """
    head = text[:20000]
    # every n-th character of a long text: a few thousand tell the script as well as all
    # of them, and counting every character was most of reading a document
    script = dominant_script(head[::max(1, len(head) // _SCRIPT_SAMPLE)])
    candidates = [c for c in _SCRIPT_LANGUAGES.get(script, ()) if c in IMPLEMENTED]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    words = re.findall(r"\w+", text[:20000].lower())
    scores = {c: sum(1 for w in words if w in load(c).common_words) for c in candidates}
    return max(candidates, key=lambda c: scores[c])
