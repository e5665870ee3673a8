"""Unwrapping: a plain text layer breaks every line where the PDF did; join the
lines back into paragraphs.

Runs only on a hard-wrapped layer (lines follow each other without blank lines);
a layer with one paragraph per line is left alone. A line starts a new paragraph
when it is recognisably one (a number, an item label, the formula, a meeting or
date line, a vote label, an annex or table heading), or when the line before it
ended a paragraph (final punctuation) and this one opens one (an opening phrase, or
a capital after a short line). Otherwise it continues the paragraph before it.

In a script without capitals (Arabic) an opening phrase inside a sentence (`…، وإذ
يحث …` wrapped after the comma) reads like one that opens a paragraph; the width
of the lines tells them apart (a first line is indented), and the pieces pdftotext
moves in Arabic lines are read back where they can be (a particle printed after its
verb's line, a verb cut by a detached vowel mark, a paragraph's last words left on
a short line elsewhere).
"""
from __future__ import annotations

import re
from functools import cache, wraps
from itertools import accumulate
from statistics import median, quantiles

from ..languages import Profile, vocabulary_of
from ..patterns import SECTION_HEADING, SYMBOL
from ..scripts import (COMMAS, IDEOGRAPH_LABELS, PARAGRAPH_END, SUPERSCRIPT_DIGITS, display_width,
                       from_superscript, is_caseless, is_cjk)
from .base import Draft, Line, Paragraph

_OPENING_QUOTES = "“«„\"「『"
_WRAPPED_SHARE = 0.3  # share of lines followed directly by another line, above which a layer is wrapped
_WRAPPED_CUTS = 3  # lines cut mid-sentence and followed directly by the rest, enough to call a layer wrapped
# below this share of the lines followed by another that stop mid-sentence, lines that
# follow each other are a paragraph per line, as a word processor saves a text (a wrapped
# layer's stop mid-sentence mostly: 18 % and more in the dev corpus; the UN's paragraphs
# one per line 8 % at most, decisions' lists of documents aside)
_ONE_PER_LINE_CUTS = 0.1
_ONE_PER_LINE_PAIRS = 6  # lines followed by another, below which a text is too short to tell
_SHORT = 0.8  # a line shorter than this share of a full line ends its paragraph
_ENTRY = 0.6  # an unpunctuated capitalised line shorter than this is an entry of its own
_TRAILING_CALL = re.compile(r"(?<=[^\w\s])\d{1,3}$")  # "Treaty,8": a footnote call after the punctuation
# A paragraph number or item label alone on its line (a hanging number): "1.", "(a)", "a)", "(iv)", "(أ)".
_BARE_NUMBER = re.compile(r"^(?:\d{1,3}\s*[.．]|\d{1,3}\s*-|[-–]\s?\d{1,3}|[-–]\s?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}"
                          r"|[(（]?\s?[a-z]{1,4}[)）]|[a-z]{1,2}[.．]|[(（][ivxlc]{1,7}[)）]|[(（][\u0621-\u064a]{1,2}[)）]"
                          rf"|[•▪◦‣●{IDEOGRAPH_LABELS}])$")
# A resolution number alone on its line, its title on the next ("55/8." / "Title").
_BARE_TITLE_NUMBER = re.compile(r"^\d{1,4}/\d{1,4}\s*[.．]$")
_SPLIT_OPENING_MAX = 12  # characters of an opening phrase left alone on its line ("وإذ", "And")
# A rule over notes printed in the text ("___________") and such a note ("** Term expires …"):
# election decisions mark each member's term with asterisks and explain them under a rule.
_RULE = re.compile(r"^_{5,}$")
_STARRED_NOTE = re.compile(r"^\*{1,4}\s")


def is_wrapped(lines: tuple[Line, ...], profile: Profile | None = None) -> bool:
    """True for a hard-wrapped layer (pdftotext), False for one block per line.

    A layer with blank lines between its blocks (pdfminer) is wrapped too when lines
    inside its blocks stop mid-sentence and go on on the next line; counted from the
    enacting formula on, when `profile` finds one, so that the masthead's short lines
    of a block layer, one under the other, do not count.

    >>> from .base import lines_of
    >>> is_wrapped(lines_of("a\\nb\\nc\\n\\nd\\ne")), is_wrapped(lines_of("a\\n\\nb\\n\\nc"))
    (True, False)
    >>> masthead = "\\n\\n".join(["A/DEC/91/401", "United Nations", "General Assembly", "Decision"] * 3)
    >>> is_wrapped(lines_of(masthead + "\\n\\nAt its meeting, on the\\nproposal of the Secretary-\\nGeneral, the Assembly\\napproved the extension."))
    True
    >>> from pipeline.languages import load
    >>> blocks = "United Nations\\nGeneral Assembly\\nSeventy-ninth session\\nAgenda item\\n\\nThe General Assembly,\\n\\n" + (
    ...     "\\n\\n".join(["Recalling its resolutions on the matter,"] * 7))
    >>> is_wrapped(lines_of(blocks)), is_wrapped(lines_of(blocks), load("en"))
    (True, False)
    """
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    if len(filled) < 3:
        return False
    pairs = [(a, b) for a, b in zip(filled, filled[1:]) if b == a + 1]
    if len(pairs) / (len(filled) - 1) > _WRAPPED_SHARE:
        return True
    cut = [a for a, _ in pairs if _stops_mid_sentence(lines[a].text)]
    if len(cut) < _WRAPPED_CUTS or profile is None:
        return len(cut) >= _WRAPPED_CUTS  # (the formula is looked for only when it can matter)
    start = formula_index(lines, profile) or 0
    return sum(1 for a in cut if a >= start) >= _WRAPPED_CUTS


def one_paragraph_per_line(body: tuple[Line, ...]) -> bool:
    """Whether the body's lines (from the enacting formula on: `_from_formula`) follow
    each other with hardly one stopping mid-sentence: a paragraph per line, as a word
    processor saves a text, not lines wrapped by a PDF.

    >>> from .base import lines_of
    >>> recitals = ["Recalling its resolutions,"] * 9
    >>> one_paragraph_per_line(lines_of("\\n".join(["The General Assembly,", *recitals, "1. Decides to act."])))
    True
    >>> one_paragraph_per_line(lines_of("\\n".join(["The General Assembly,", *recitals[:3], "Recalling the", "report,"])))
    False
    """
    pairs = [a for a, b in zip(body, body[1:]) if a.text.strip() and b.text.strip()]
    cut = sum(1 for a in pairs if _stops_mid_sentence(a.text))
    return len(pairs) >= _ONE_PER_LINE_PAIRS and cut < _ONE_PER_LINE_CUTS * len(pairs)


def _stops_mid_sentence(text: str) -> bool:
    """A line that ends on a letter or a hyphen: cut where a wrapped layer broke it."""
    end = text.rstrip()[-1:]
    return end.isalpha() or end == "-"


def _wrapped_widths(lines: tuple[Line, ...]) -> list[int]:
    """The widths of the lines that were certainly wrapped (followed by more text and
    not ending a sentence), in order."""
    return sorted(display_width(a.text) for a, b in zip(lines, lines[1:])
                  if a.text.strip() and b.text.strip() and not _ends_paragraph(a.text))


def _full_width(lines: tuple[Line, ...], wrapped: list[int] | None = None) -> float:
    """The width of a full line: the median width of the lines that were certainly
    wrapped (`_wrapped_widths`, given when already measured)."""
    wrapped = _wrapped_widths(lines) if wrapped is None else wrapped
    if len(wrapped) >= 3:
        return median(wrapped)
    widths = sorted(display_width(line.text) for line in lines if line.text.strip())
    return quantiles(widths, n=4)[2] if len(widths) >= 4 else max(widths, default=1)


def _running_width(wrapped: list[int], full: float) -> float:
    """The width of a full line of running text, for telling a paragraph's indented
    first line from a wrapped one: the median of the certainly wrapped lines (their
    sorted widths) at least half as wide as the widest. Pieces pdftotext moved off
    Arabic lines and the names of a vote list are wrapped lines too; where they are
    many, `_full_width` (which the other rules were measured with) falls below most
    lines of running text."""
    if len(wrapped) < 3:
        return full
    wide = wrapped[int(0.9 * (len(wrapped) - 1))]
    return max(full, median([w for w in wrapped if w >= wide / 2]))


def _from_formula(lines: tuple[Line, ...], profile: Profile) -> tuple[Line, ...]:
    """The lines from the enacting formula on (all of them when there is none).

    The masthead's short unpunctuated lines (`Distr.: General`, a date) are no
    wrapped lines of text; in a one-page resolution they would be most of the lines
    the full width is measured on.
    """
    return lines[formula_index(lines, profile) or 0:]


def formula_index(lines: tuple[Line, ...], profile: Profile | None) -> int | None:
    """Index of the first enacting formula among `lines`, None when there is none."""
    return next((i for i, line in enumerate(lines) if is_formula(line.text.strip(), profile)), None)


def _ends_paragraph(text: str) -> bool:
    """Whether a line ends as a paragraph does, past the footnote call after its last
    mark (`Weapons,8`, raised: `Weapons,⁸`).

    >>> _ends_paragraph("on the Treaty,⁵"), _ends_paragraph("Treaty,12"), _ends_paragraph("the Treaty")
    (True, True, False)
    """
    core = text.rstrip()
    if core[-1:].isdecimal():  # only a digit can be a footnote call (`\d` is a decimal digit)
        core = _TRAILING_CALL.sub("", core)
    elif core[-1:] in SUPERSCRIPT_DIGITS:  # a raised call, as a block layer prints it
        core = core.rstrip(SUPERSCRIPT_DIGITS).rstrip()
    return bool(core) and core[-1] in PARAGRAPH_END


# Compiled once, keyed by the patterns themselves rather than the language code, so
# that a profile a test has altered gets its own.
@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(pattern) for pattern in patterns)


def _formulas(profile: Profile) -> tuple[re.Pattern, ...]:
    """The enacting formulas of the profile's bodies."""
    return _compiled(tuple(words.formula for words in profile.bodies.values()))


def vote_labels(profile: Profile) -> tuple[re.Pattern, ...]:
    """A vote label opening a line ("In favour:")."""
    return _compiled(tuple(rf"^\s*(?:{label})\s*[:：]" for label in profile.vote.labels.values()))


def _remembered(test):
    """A test of the reader that depends on its arguments alone, not on where the
    reader is: every line is judged as the line before, the line, the next and the
    one after it, so its tests are worked out once per document. (Tests asked of
    one line once are not remembered: remembering costs more than they do.)"""
    @wraps(test)
    def remembered(self, *args):
        key = (test, *args)
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = test(self, *args)
            return value
    return remembered


class _Reader:
    """Decides, line by line, whether a line starts a paragraph."""

    def __init__(self, profile: Profile, full_width: float, running_width: float, per_line: bool = False):
        self.p = profile
        self.per_line = per_line  # a paragraph per line: a line that ends like a paragraph ends one
        self.memo: dict = {}  # see _remembered
        self.patterns: dict[tuple[str, ...], tuple[re.Pattern, ...]] = {}  # the profile's, by the names _any tries
        self.formulas = _formulas(profile)
        self.vote_labels = vote_labels(profile)
        self.full = full_width
        self.running = running_width  # see _running_width
        self.zone = "masthead"  # masthead → opening (after the title) → body (after the formula)
        self.numbered = False  # numbered paragraphs have begun: only a structural line starts a block
        self.title_open = False  # the lines so far since the title belong to it
        self.title_widths: list[int] = []  # widths of the title's lines
        self.block = ""  # the first line of the block being built

    def _any(self, names: tuple[str, ...], text: str) -> bool:
        patterns = self.patterns.get(names)
        if patterns is None:
            patterns = self.patterns[names] = tuple(self.p.rx(name) for name in names)
        return any(pattern.match(text) for pattern in patterns)

    @_remembered
    def _formula(self, text: str) -> bool:
        return any(formula.match(text) for formula in self.formulas)

    @_remembered
    def _closing_line(self, text: str) -> bool:
        """The adoption meeting and/or date alone on a line."""
        return self.p.closing_line(text) is not None

    def _opening_split(self, text: str, following: str) -> re.Match | None:
        """An opening phrase whose verb went to the next line ("وإذ" / "يسلم بأن …"),
        or whose verb was cut after its first letter ("وإذ ُي" / "سلم بأهمية …": the
        text layer set a vowel mark apart, and the word with it)."""
        if len(text) > _SPLIT_OPENING_MAX:
            return None
        # the cut word only in a script without capitals: in Russian, "в" + "ыражая"
        # would make an opening phrase of a preposition and a word that is none
        joins = [f"{text} {following}"] + ([f"{text}{following}"] if is_caseless(_initial(text)) else [])
        for joined in joins:
            m = self.p.rx("opening_phrase").match(joined)
            if m and m.end() > len(text) + 1:
                return m
        return None

    @_remembered
    def _particle_after(self, text: str, following: str) -> bool:
        """The opening particle of the paragraph `text` begins, printed on the line after
        it ("يشدد على أهمية …" / "وإذ"): only the two together make an opening phrase."""
        if not following or len(following) > _SPLIT_OPENING_MAX or self.p.rx("opening_phrase").match(text):
            return False
        m = self.p.rx("opening_phrase").match(f"{following} {text}")
        return bool(m) and m.end() > len(following) + 1

    def _structural(self, text: str) -> bool:
        """Lines that start a block wherever they appear in the body."""
        if _BARE_NUMBER.match(text) or self._any(("operative", "item", "annex", "table_label", "part_label",
                                                  "decision_opening"), text):
            return True
        if (text.startswith(("[", "［", "•", "▪", "◦", "‣", "●")) or self._formula(text) or _RULE.match(text)
                or _STARRED_NOTE.match(text)):
            return True
        return any(label.match(text) for label in self.vote_labels)

    def _operative_verb(self, text: str) -> bool:
        """A line that opens with the verb of an operative paragraph, in the case the
        preambular paragraph before it opened with (`Décide de révoquer` after
        `Rappelant`, `одобряет резолюцию` after `отмечая`), and goes on in lower case.
        A wrapped line inside a paragraph opens in lower case where paragraphs open
        in upper case; a name in a list (`Gambie, Ghana`) is followed by a comma."""
        m = self.p.rx("operative_phrase").match(text)
        rest = text[m.end():].lstrip() if m else ""
        return (bool(m) and text[:1].isupper() == self.block[:1].isupper()
                and (rest[:1].islower() or is_caseless(rest[:1])))

    @_remembered
    def _numbered(self, text: str) -> bool:
        return bool(self.p.rx("operative").match(text) or _BARE_NUMBER.match(text))

    def numbered_ahead(self, texts: list[str]) -> list[bool]:
        """For each line, whether a numbered paragraph comes after it before the next
        closing line (the adoption meeting or date)."""
        ahead, state = [], False
        for text in reversed(texts):
            ahead.append(state)
            if self._closing_line(text):
                state = False
            elif self._numbered(text):
                state = True
        return ahead[::-1]

    def starts(self, prev: str, text: str, following: str, after: str = "", numbered_ahead: bool = False,
               set_apart: bool = False, after_break: bool = False) -> bool:
        if self.zone == "masthead":
            if any(text in words.names for words in self.p.bodies.values()):
                return True  # "Генеральная Ассамблея" heads the masthead; it is no formula
            if self._any(("title", "sc_title", "prst_title"), text) or SYMBOL.match(text):
                self.zone = "opening" if not SYMBOL.match(text) else self.zone
                return True
            if self._formula(text):
                self.zone = "body"
                return True
            if self._any(("adoption_line", "sc_adoption", "decision_label", "distribution", "original"), text):
                return True
            continues = (text[:1].islower() or prev.endswith(("-", ",")) or re.fullmatch(r"\d{4}", text)
                         or _ends_mid_phrase(prev))
            return not continues
        if self.zone == "opening":
            if self._formula(text):
                self.zone = "body"
                return True
            if self._structural(text) or self._any(("sc_adoption", "decision_opening"), text):
                self.zone = "body" if not self._any(("sc_adoption",), text) else self.zone
                return True
            # a numbered title runs on while its lines are full; anything else opens the text
            if not self.title_open and self.p.rx("title").match(prev):
                self.title_open, self.title_widths = True, [display_width(prev)]
            # a title is set narrower than the text: past its first line, a line as wide
            # as the title's widest is full too
            wide = len(self.title_widths) > 1 and display_width(prev) >= _SHORT * max(self.title_widths)
            title_runs_on = (self.title_open and not _ends_paragraph(prev)
                             and (display_width(prev) >= _SHORT * self.full or wide or _initial(text).islower()
                                  or _ends_mid_phrase(prev)))
            # lower case goes on, after a comma too (`…Territorio Palestino Ocupado,` / `incluida…`)
            if title_runs_on or ((self.title_open or not _ends_paragraph(prev)) and _initial(text).islower()):
                self.title_widths.append(display_width(text))
                return False
            self.zone, self.title_open = "body", False
            return True
        # the body
        if _BARE_NUMBER.match(prev):
            return False  # "1." alone on its line: its text follows
        if self.per_line and _ends_paragraph(prev):
            return True  # wide lines one after the other are paragraphs, not a paragraph's lines
        if (self._formula(prev) or self._any(("annex", "table_label", "part_label", "section_label"), prev)
                or _RULE.match(prev)):
            return True  # the formula, an annex or table heading, a part or section label, a rule: lines of their own
        heading_before = self.block == prev and _section_heading(prev)
        if heading_before and not _initial(text).islower():
            return True  # a section heading is a line of its own
        if _section_heading(text) and (_ends_paragraph(prev) or heading_before):
            self.numbered = False  # a new section opens with its own preambular paragraphs
            return True  # (not "…Additional Protocol" / "II to the Geneva Conventions")
        if _closes_bracket(prev, text):
            return False  # "…(Sudáfrica" / "c. Israel), en relación…": inside a bracket, no item starts
        if self._structural(text):
            self.numbered = self.numbered or bool(self.p.rx("operative").match(text) or _BARE_NUMBER.match(text))
            return True
        if self._closing_line(text) and (_ends_paragraph(prev) or self._closing_line(prev)):
            self.numbered = False  # what follows the closing (a vote, an annex) is not numbered
            return True
        if self.block == prev and self._closing_line(prev) and not self.numbered:
            return True  # a closing line (meeting, date) is a line of its own: the vote follows
        if self._numbered(following) and _heading_like(text):
            return True  # a heading over the next paragraph
        if (_ends_paragraph(prev) and _heading_like(text) and self._any(("item",), following)
                and (_initial(text).isupper() or is_cjk(_initial(text)))):
            # a heading over the next item, after the intro or the item before (in Arabic
            # such a line is as likely a paragraph's end that pdftotext moved)
            return True
        if (_ends_paragraph(prev) and _heading_like(text) and self._numbered(after)
                and following and not _ends_paragraph(following)):
            return True  # a heading in two lines over the next paragraph
        short = display_width(prev) < _SHORT * self.full
        if self.numbered and not numbered_ahead and prev.rstrip().endswith(".") and _initial(text).isupper():
            # the last numbered paragraph has ended: what follows is not numbered (in a
            # script without capitals a full stop may end a piece pdftotext moved)
            self.numbered = False
        if self.numbered:
            # between numbered paragraphs only a finished sentence on a short line
            # (the end of the last paragraph, then what follows it) ends a block
            return short and prev.rstrip()[-1:] in ".;。；" and _initial(text).isupper()
        # pdftotext can print a justified line one word per line ("Комитету" / "представлять"
        # / "доклады" …): a word followed by another word alone is no entry of a list
        spread = " " not in text.strip() and following and " " not in following and not _ends_paragraph(prev)
        if (_heading_like(text) and display_width(text) < _ENTRY * self.full and _initial(text).isupper()
                and not _ends_mid_phrase(prev) and not spread):
            return True  # a short capitalised line without punctuation: an entry of a list, a heading
        caseless = is_caseless(_initial(text))
        # a particle alone on its line belongs to the line after it when the two make an
        # opening phrase (restore_fragment_order put it there), else to the line before
        if caseless and (self._particle_after(text, following)
                         or (len(after) <= _SPLIT_OPENING_MAX and self._particle_after(text, f"{after} {following}"))
                         ) and not self._opening_split(following, after):
            return True  # pdftotext printed the paragraph's opening particle (and verb) after this line
        if caseless and self._particle_after(prev, text) and not self._opening_split(text, following):
            return False  # that particle: it belongs to the paragraph just opened
        opening = self.p.rx("opening_phrase").match(text) or self._opening_split(text, following)
        if not _ends_paragraph(prev):
            # a short line that stops without punctuation is a line of its own (a heading,
            # an entry of a list of items and documents), when a capital follows; in a
            # script without capitals, when an opening phrase follows: pdftotext moves
            # pieces of Arabic lines, and a paragraph's last words can land elsewhere
            if short and caseless and opening:
                return True
            if (_initial(text).isupper() and _GLUED_CALL.search(prev)
                    and not _ends_mid_phrase(prev.rstrip("0123456789" + SUPERSCRIPT_DIGITS))):
                return True  # an entry of a list of documents ends on its footnote call: "…peacebuilding2"
            return short and _initial(text).isupper() and _heading_like(prev)
        # Across a page break the widths tell nothing (a paragraph may end on a page's
        # last line, full or not): an opening phrase that opens a page after a comma
        # opens a paragraph (on the two wrapped layers of the Arabic dev documents, 22 of
        # the 24 such lines do in the UN's text; the other two, pieces pdftotext moved,
        # are taken for first lines by the rules below as well).
        if opening and caseless and after_break and prev.endswith(COMMAS):
            return True
        # A paragraph's first line is indented. Where no capital tells a paragraph's
        # opening phrase from the same words inside a sentence (`…، وإذ يحث …` wrapped
        # after the comma), a line as wide as a full line after another full line is
        # no first line: the paragraph goes on.
        if opening and caseless and min(display_width(prev), display_width(text)) >= self.running:
            return False
        # in Chinese a one-character word (请) starts many wrapped lines; a longer phrase does not
        if opening and (short or not is_cjk(text[:1]) or len(opening.group()) >= 2):
            return True
        if text[:1] in _OPENING_QUOTES and _initial(text).isupper():
            return True  # a quoted paragraph (the paragraphs of a presidential statement)
        if (prev.endswith(COMMAS) and self.p.rx("opening_phrase").match(self.block) and self._operative_verb(text)
                and not numbered_ahead):
            return True  # the one unnumbered operative paragraph after the preamble, the closing next
        if caseless and set_apart and prev.endswith("."):
            return True  # a finished sentence, then space: no capital needed to see a new paragraph
        return short and (_initial(text).isupper() or is_cjk(_initial(text)))


_LAST_TOKEN = re.compile(r"(\w+)\W*$")
# a footnote call after a word, printed as digits or raised (`peacebuilding2`, `peacebuilding²`)
_GLUED_CALL = re.compile(f"[^\\W\\d_]{{3}}(?:\\d{{1,2}}|[{SUPERSCRIPT_DIGITS}]{{1,2}})$")


_BRACKETED_LABEL_MAX = 5  # characters of an item label with its bracket (`iv)`, `(aa)`): a bracket past them closes text


def _closes_bracket(prev: str, text: str) -> bool:
    """Whether a line closes a bracket the line before left open: then it goes on
    with that line, whatever its start looks like (`(Sudáfrica` / `c. Israel), en…`
    is no item `c.`); the bracket of an item label (`b) la…`) closes nothing.

    >>> _closes_bracket("del Delito de Genocidio (Sudáfrica", "c. Israel), en relación con")
    True
    >>> _closes_bracket("en la causa (véase", "b) la aplicación (art. 2)"), _closes_bracket("la causa,", "c. Israel), en")
    (False, False)
    """
    if prev.count("(") <= prev.count(")"):
        return False
    close, opening = text.find(")"), text.find("(")
    return close > _BRACKETED_LABEL_MAX and (opening < 0 or close < opening)


def _ends_mid_phrase(text: str) -> bool:
    """A line ending on a short lower-case word (`of the`, `et de`) stops mid-phrase;
    in a script without capitals, on a short word (`التخطيط في`).

    >>> _ends_mid_phrase("Contribution of the objectives of the"), _ends_mid_phrase("Nuclear disarmament")
    (True, False)
    >>> _ends_mid_phrase("تعزيز دور المعهد في"), _ends_mid_phrase("والتنمية المستدامة")
    (True, False)
    """
    m = _LAST_TOKEN.search(text)
    word = m.group(1) if m else ""
    return len(word) <= 3 and word.isalpha() and (word.islower() or is_caseless(word[0]))


def _initial(text: str) -> str:
    """The first letter of a line, past opening quotes and brackets."""
    stripped = text.lstrip("“‘\"'«„(（[［「『")
    return stripped[:1]


def _section_heading(text: str) -> bool:
    """
    >>> _section_heading("II Activités du Comité consultatif"), _section_heading("I"), _section_heading("Invites")
    (True, True, False)
    """
    return bool(SECTION_HEADING.match(text)) and _heading_like(text)


def _heading_like(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= 200 and not _ends_paragraph(stripped) and not stripped[:1].islower()


def unwrap_lines(draft: Draft) -> Draft:
    """Join the hard-wrapped lines of a plain text layer into paragraphs.

    pdftotext keeps every line break of the PDF, so a paragraph arrives as several
    lines and a number on a line of its own (`1.` then its text). The joined line
    keeps the span of all its input lines; a word broken at a line or page end is
    closed up when the document uses the closed-up word elsewhere.

    >>> from pipeline.languages import load
    >>> from .base import lines_of
    >>> text = ("54/17. Title of the\\nresolution\\nThe Human Rights Council,\\nRecalling its earlier\\n"
    ...         "resolutions on the matter,\\nNoting the report,\\n1.\\nDecides to remain seized\\nof the matter.")
    >>> d = unwrap_lines(Draft(lines_of(text), profile=load("en")))
    >>> [(str(l.span), l.text) for l in d.lines]  # doctest: +NORMALIZE_WHITESPACE
    [('1-2', '54/17. Title of the resolution'), ('3', 'The Human Rights Council,'),
     ('4-5', 'Recalling its earlier resolutions on the matter,'), ('6', 'Noting the report,'),
     ('7-9', '1. Decides to remain seized of the matter.')]
    """
    if draft.profile is None or not is_wrapped(draft.lines, draft.profile):
        return draft
    filled_at = [i for i, line in enumerate(draft.lines) if line.text.strip()]
    filled = [draft.lines[i] for i in filled_at]
    # page breaks before each line, counted once: a line opens a page when a break is
    # marked on it or on a blank line between it and the line with text before it
    breaks = list(accumulate((line.page_break for line in draft.lines), initial=0))
    body = _from_formula(draft.lines, draft.profile)
    wrapped = _wrapped_widths(body)
    full = _full_width(body, wrapped)
    vocabulary = vocabulary_of((line.text for line in filled), draft.profile)
    reader = _Reader(draft.profile, full, _running_width(wrapped, full),
                     per_line=one_paragraph_per_line(body))
    numbered_ahead = reader.numbered_ahead([line.text.strip() for line in filled])
    out: list[Paragraph] = []
    removed: list = []
    for index, line in enumerate(filled):
        text = line.text.strip()
        following = filled[index + 1].text.strip() if index + 1 < len(filled) else ""
        after = filled[index + 2].text.strip() if index + 2 < len(filled) else ""
        # judged against the previous printed line (its length, its last character)
        previous = filled[index - 1].text.strip() if index else ""
        # a blank line before it, not from a page break: the PDF set it apart
        set_apart = index > 0 and filled_at[index] - filled_at[index - 1] > 1 and not line.page_break
        after_break = index > 0 and breaks[filled_at[index] + 1] > breaks[filled_at[index - 1] + 1]
        if reader.starts(previous, text, following, after, numbered_ahead[index], set_apart, after_break) or not out:
            out.append(Paragraph(Line(text, line.span, line.page_break)))
            reader.block = text
            continue
        out[-1].add(text, line.span, removed, vocabulary)
    return draft.with_lines((p.line() for p in out), removed=removed)


def is_formula(text: str, profile: Profile | None) -> bool:
    return bool(profile) and any(formula.match(text) for formula in _formulas(profile))


def attach_hanging_numbers(draft: Draft) -> Draft:
    """Join a paragraph number or item label printed alone on its line to the text
    that follows it.

    Layouts with hanging numbers put `1.` in the margin; text extractors give it a
    line (or block) of its own, separated from its paragraph. An extractor that reads
    the margin as a column of its own (pdfminer) prints a run of numbers (`1.`, `2.`,
    `3.`) before their paragraphs, which blank lines part: when as many blocks follow
    the run as it has numbers, each number goes to its block.

    >>> from .base import lines_of
    >>> d = attach_hanging_numbers(Draft(lines_of("1.\\n\\nUrges all States;\\n(a)\\nTo act;")))
    >>> [(str(l.span), l.text) for l in d.lines if l.text]
    [('1-3', '1. Urges all States;'), ('4-5', '(a) To act;')]
    >>> d = attach_hanging_numbers(Draft(lines_of("1.\\n\\n2.\\n\\nTakes note of\\nthe report;\\n\\nUrges all States;")))
    >>> [(str(l.span), l.text) for l in d.lines if l.text]
    [('1-5', '1. Takes note of'), ('6', 'the report;'), ('3-8', '2. Urges all States;')]
    """
    lines = draft.lines
    out: list[Line] = []
    pending: Line | None = None
    skip_until = 0  # the lines of a run of labels given out to their blocks
    for index, line in enumerate(lines):
        if index < skip_until:
            continue
        text = line.text.strip()
        if not text:
            out.append(line)
            continue
        bare = _BARE_NUMBER.match(text) or _hanging_dash(text, draft.profile)
        if pending is not None and not bare and not is_formula(text, draft.profile):
            number = from_superscript(pending.text.strip())
            out.append(Line(f"{number} {text}", pending.span | line.span, pending.page_break))
            pending = None
            continue
        if pending is not None:
            out.append(pending)
            pending = None
        # a column of labels in sequence, when as many blocks follow it
        run = _label_run(lines, index, draft.profile) if bare else None
        if run is not None:
            out += _distributed(lines, run, start=index)
            skip_until = run[2]
            continue
        if bare or _BARE_TITLE_NUMBER.match(text):
            pending = line
        else:
            out.append(line)
    if pending is not None:
        out.append(pending)
    return draft.with_lines(out)


# a paragraph number alone on its line, as the languages print it ("4.", "-1", "1 -")
_NUMBER_ALONE = re.compile(r"(\d{1,3})\s*[.．]|[-–]\s?(\d{1,3})|(\d{1,3})\s?[-–]")


def label_number(text: str) -> int | None:
    """The paragraph number a line or a label is ("4.", "4 -"), None for anything else.

    >>> label_number("4."), label_number(" -12"), label_number("(a)")
    (4, 12, None)
    """
    m = _NUMBER_ALONE.fullmatch(text.strip())
    return int(next(group for group in m.groups() if group)) if m else None


_HEADING_WORDS = 8  # words of the longest heading over an operative part ("Measures", "Mandate of the Mission")
_LAST_RECITAL_LINES = 4  # lines of the last preambular paragraph a heading may have been printed before


def restore_heading_order(draft: Draft) -> Draft:
    """Put the heading of the operative part back after the last preambular paragraph
    when the extractor printed it before that paragraph.

    pdftotext reads two centred lines, the last preambular paragraph (`وإذ يتصرف
    بموجب الفصل السابع…،`) and the heading under it (`التدابير`), bottom first. Such a
    heading is a short line of words (no digits: a symbol left by a running header is
    none) without final punctuation, with a preambular paragraph before it and one
    after it that opens and ends within a few lines, and the first operative paragraph
    (number 1) right after that. A heading printed inside a preamble would stand over
    more than its last paragraph before the first number; this one heads the numbers.
    The two trade places and each takes the span of both: the text is the same, in
    reading order.

    >>> from pipeline.languages import load
    >>> from .base import lines_of
    >>> text = "Recalling its resolutions,\\nMeasures\\n\\nActing under Chapter VII of the Charter,\\n1. Decides"
    >>> [l.text for l in restore_heading_order(Draft(lines_of(text), profile=load("en"))).lines if l.text]
    ['Recalling its resolutions,', 'Acting under Chapter VII of the Charter,', 'Measures', '1. Decides']
    >>> text = "Recalling its resolutions,\\nMeasures\\nActing under Chapter VII,\\nNoting the report,\\n1. Decides"
    >>> [l.text for l in restore_heading_order(Draft(lines_of(text), profile=load("en"))).lines if l.text][1]
    'Measures'
    """
    profile = draft.profile
    if profile is None:
        return draft
    opening = profile.rx("opening_phrase")
    lines = list(draft.lines)
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    texts = [lines[i].text.strip() for i in filled]

    def first_number(text: str) -> bool:  # paragraph 1, its number alone or with its text
        m = profile.rx("operative").match(text)
        return (int(m["number"]) if m else label_number(text)) == 1

    for k in range(1, len(texts) - 2):
        heading = texts[k]
        # the cheap tests first: most lines are paragraphs that end with punctuation
        if heading[-1] in PARAGRAPH_END or not texts[k - 1].endswith(COMMAS) or not opening.match(texts[k + 1]):
            continue
        if (not _heading_like(heading) or len(heading.split()) > _HEADING_WORDS or opening.match(heading)
                or any(c.isdigit() for c in heading)  # a symbol, a page number: furniture, no heading
                or not any(opening.match(t) for t in texts[max(0, k - _LAST_RECITAL_LINES):k])):
            continue  # (the paragraph before it must be a preambular one, opened a few lines up)
        end = next((j for j in range(k + 1, min(k + 1 + _LAST_RECITAL_LINES, len(texts)))
                    if _ends_paragraph(texts[j])), None)
        if end is None or not texts[end].endswith(COMMAS) or end + 1 >= len(texts) or not first_number(texts[end + 1]):
            continue
        if any(opening.match(t) for t in texts[k + 2:end + 1]):
            continue  # two paragraphs after the heading: it stands inside the preamble
        at, run = filled[k], filled[k + 1:end + 1]
        span = lines[at].span | lines[run[-1]].span
        blank = [lines[i] for i in range(at, run[-1] + 1) if not lines[i].text.strip()]
        block = ([Line(lines[i].text, span, lines[i].page_break) for i in run] + blank
                 + [Line(lines[at].text, span, lines[at].page_break)])
        lines[at:run[-1] + 1] = block
        return draft.with_lines(lines)  # the operative part has one first paragraph
    return draft


def place_heading_labels(draft: Draft) -> Draft:
    """Give each label of a column of labels printed before their texts (`㈠` `㈡` `㈢`)
    to its text, when those texts are headings over lists of their own: the first
    follows the column, the others stand further on, each over a label of the list
    it heads (`解除武装…及稳定局势` / `(h)`).

    A text layer that reads the margin as a column prints its labels in a run; when
    each label's text is a paragraph, `attach_hanging_numbers` gives them out to the
    blocks that follow. Labels whose texts head lists find their headings apart: each
    heading is the next line, not ending a paragraph, after a paragraph's end and
    before a label of another kind, and all must be found before the next paragraph
    number, or nothing moves.

    >>> from .base import lines_of
    >>> text = "1. 决定：\\n㈠\\n㈡\\n保护平民\\n(a)\\n采取措施；\\n稳定局势\\n(b)\\n提供斡旋；\\n2. 决定。"
    >>> [l.text for l in place_heading_labels(Draft(lines_of(text))).lines if l.text]
    ['1. 决定：', '㈠ 保护平民', '(a)', '采取措施；', '㈡ 稳定局势', '(b)', '提供斡旋；', '2. 决定。']
    """
    lines = draft.lines
    texts = [line.text.strip() for line in lines]
    moved: dict[int, int] = {}  # heading line -> its label's line
    index = 0
    while index < len(lines):
        text = texts[index]
        # a label is a few characters: most lines are told by their length alone
        if not text or len(text) > _LABEL_MAX or not _BARE_NUMBER.match(text):
            index += 1
            continue
        labels, _ = _label_column(lines, index)
        if len(labels) < 2:
            index += 1
            continue
        headings = _headings_after(texts, labels)
        if headings is not None:
            moved.update(zip(headings, labels))
        index = labels[-1] + 1
    if not moved:
        return draft
    labels = set(moved.values())
    out = []
    for index, line in enumerate(lines):
        if index in moved:
            label = lines[moved[index]]
            out.append(Line(f"{label.text.strip()} {line.text.strip()}", label.span | line.span, label.page_break))
        elif index in labels:
            out.append(Line("", line.span, line.page_break))
        else:
            out.append(line)
    return draft.with_lines(out)


def _label_column(lines: tuple[Line, ...], index: int) -> tuple[list[int], int]:
    """The labels in sequence that start at `index`, blank lines between them, and
    the index of the first line after them that is neither."""
    labels: list[int] = []
    k = index
    while k < len(lines):
        text = lines[k].text.strip()
        if not text:
            k += 1
        elif _BARE_NUMBER.match(text) and (not labels or _follows(lines[labels[-1]].text.strip(), text)):
            labels.append(k)
            k += 1
        else:
            break
    return labels, k


_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}\s*[.．]\s*\S")
# lines a column's headings are looked for in: the lists they head (a mandate's tasks,
# some hundred lines) fit, and a text of thousands of labels is not read again for each
_HEADINGS_SPAN = 1000
_LABEL_MAX = 10  # characters of the longest label _BARE_NUMBER takes ("(viii)", "- ¹²³")


def _headings_after(texts: list[str], labels: list[int]) -> list[int] | None:
    """The headings of a column of labels (see `place_heading_labels`), or None."""
    def next_text(k: int) -> int | None:
        return next((j for j in range(k + 1, len(texts)) if texts[j]), None)

    def heads_a_list(k: int) -> bool:
        following = next_text(k)
        return (_heading_like(texts[k]) and not _BARE_NUMBER.match(texts[k]) and following is not None
                and _BARE_NUMBER.match(texts[following]) is not None
                and not _follows(texts[labels[0]], texts[following]))

    first = next_text(labels[-1])
    if first is None or not heads_a_list(first):
        return None
    headings, previous = [first], first
    for k in range(first + 1, min(len(texts), first + _HEADINGS_SPAN)):
        if len(headings) == len(labels):
            break
        if not texts[k]:
            continue
        if _PARAGRAPH_NUMBER.match(texts[k]):
            return None
        if _ends_paragraph(texts[previous]) and heads_a_list(k):
            headings.append(k)
        previous = k
    return headings if len(headings) == len(labels) else None


def _hanging_dash(text: str, profile: Profile | None) -> bool:
    """A dash alone on its line, in a language whose items a dash may label (a dash
    list's, "–" / "通过…"); elsewhere a lone dash is a table's empty cell.

    >>> from ..languages import load
    >>> _hanging_dash("–", load("zh")), _hanging_dash("–", load("en"))
    (True, False)
    """
    return text == "–" and profile is not None and profile.rx("item").match("– x") is not None


def _distributed(lines: tuple[Line, ...], run: tuple[list[int], list[int], int], start: int) -> list[Line]:
    """The lines of a run from its first label to the end of its last block, each label
    put before the first line of its block; a label's own line stays, empty."""
    labels, targets, end = run
    label_of = dict(zip(targets, labels))
    out = []
    for index in range(start, end):
        line = lines[index]
        if index in label_of:
            label = lines[label_of[index]]
            out.append(Line(f"{from_superscript(label.text.strip())} {line.text.strip()}",
                            label.span | line.span, label.page_break))
        elif index in labels:
            out.append(Line("", line.span, line.page_break))
        else:
            out.append(line)
    return out


def _label_run(lines: tuple[Line, ...], index: int, profile: Profile | None) -> tuple[list[int], list[int], int] | None:
    """The run of two or more hanging labels in sequence (`1.` `2.` `3.`, `(a)` `(b)`)
    that starts at `index`, with only blank lines between them, when as many blocks
    follow it (a block: the first line after the run, then each line after a blank
    line that follows the end of a paragraph, up to the next label): the indexes of
    its labels, the lines their blocks start on and the index where the last block's
    lines end."""
    labels, k = _label_column(lines, index)
    if len(labels) < 2:
        return None
    starts, blank, last, j = [], True, "", k
    while j < len(lines) and len(starts) <= len(labels):
        text = lines[j].text.strip()
        if not text:
            blank = True
        elif _BARE_NUMBER.match(text) or is_formula(text, profile):
            break
        else:
            # a block starts after a blank line where the text before it ended its
            # paragraph: a page break inside a paragraph is no new block
            if blank and (not starts or _ends_paragraph(last)):
                starts.append(j)
            blank, last = False, text
        j += 1
    if len(starts) < len(labels):
        return None
    end = starts[len(labels)] if len(starts) > len(labels) else j
    return labels, starts[:len(labels)], end


_ARABIC_NUMBER = re.compile(r"^(\d{1,3})\s*[.．-]$")
_LETTER_LABEL = re.compile(r"^[(（]\s?([a-z])[)）]$")
_IDEOGRAPH_LABEL = re.compile(rf"^([{IDEOGRAPH_LABELS}])$")


def _follows(previous: str, label: str) -> bool:
    """`label` is the one after `previous`: `2.` after `1.`, `(b)` after `(a)`.

    >>> _follows("1.", "2."), _follows("(a)", "(b)"), _follows("1.", "3."), _follows("(a)", "2.")
    (True, True, False, False)
    """
    for pattern, step in ((_ARABIC_NUMBER, lambda a, b: int(b) == int(a) + 1),
                          (_LETTER_LABEL, lambda a, b: ord(b) == ord(a) + 1),
                          (_IDEOGRAPH_LABEL, lambda a, b: ord(b) == ord(a) + 1)):
        a, b = pattern.match(previous), pattern.match(label)
        if a and b:
            return step(a.group(1), b.group(1))
    return False
