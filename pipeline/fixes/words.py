"""Word-level repairs that need the whole document: a word is judged by the words
the same document uses elsewhere."""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import replace
from functools import cache

from ..languages import hyphen_compounds, vocabulary_of
from ..scripts import ADDRESS_SIGNS, suspends
from .base import Draft, Insertion, Line, Removal

# "Secretary- General": a word broken at a line end whose hyphen the extractor kept,
# followed by the space it put where the line ended.
_BROKEN = re.compile(r"\b(?P<left>\w+)- (?P<right>\w+)")  # \b: from a word's start only (linear)


def repair_broken_words(draft: Draft) -> Draft:
    """Close up words that a line end broke and the extractor rejoined with a space.

    Block extractors join the lines of a paragraph with a space and keep a hyphen
    the PDF put at the end of a line, so `Secretary-General` arrives as
    `Secretary- General` and `UNAMID` as `UN- AMID`. The word is closed up as the
    document writes it elsewhere; otherwise an all-capital word loses the hyphen (an
    acronym) and any other keeps it (a compound). A hyphen before a conjunction and a
    compound (`troop- and police-contributing`) is a suspended compound and stays.

    >>> from .base import lines_of
    >>> text = "the Secretary- General and UN- AMID\\ntroop- and police-contributing; situ- ations in situations"
    >>> [l.text for l in repair_broken_words(Draft(lines_of(text))).lines]
    ['the Secretary-General and UNAMID', 'troop- and police-contributing; situations in situations']
    """
    if not any("- " in line.text for line in draft.lines):
        return draft  # nothing to close up: no need for the document's vocabulary
    vocabulary = vocabulary_of((line.text for line in draft.lines), draft.profile)
    removed: list[Removal] = []

    def close(m: re.Match) -> str:
        left, right = m["left"], m["right"]
        if suspends(line.text, m.start("right")):
            return m.group()
        if vocabulary.keeps_hyphen(left, right):
            return f"{left}-{right}"
        if vocabulary.written_whole(left, right) or (left.isupper() and right.isupper()):
            removed.append(Removal(line.span.first, "-", "hyphen at a line end"))
            return left + right
        return f"{left}-{right}"

    lines = []
    for line in draft.lines:
        lines.append(Line(_BROKEN.sub(close, line.text), line.span, line.page_break) if "- " in line.text else line)
    return draft.with_lines(lines, removed=removed)


# "(S/ 2014/138)", "A/ 78/429": a symbol broken after a slash at a line end;
# "A/C.6/65/SR. 11", "A/78/53/Add. 1": after the point of its last part.
_BROKEN_SYMBOL = re.compile(r"\b((?:[AES]|[A-Z]{2,})(?:/[\w.\-]+)*/) (?=[\dA-Z])"
                            r"|\b((?:[AES]|[A-Z]{2,})(?:/[\w.\-]+)*/[A-Z][A-Za-z]*\.) (?=\d)")


# "E.96.IV.8", "R.02.II.A.7": the sales number of a United Nations publication, here with
# a space a line end left after one of its points (none is printed inside one)
_BROKEN_SALES_NUMBER = re.compile(r"\b[A-Z]\. ?\d{2}\. ?[IVX]{1,4}\. ?(?:[A-Z]\. ?)?\d{1,3}\b")


def _close_symbols(line: Line) -> Line:
    """The line with its broken symbols closed up."""
    if "/ " not in line.text and ". " not in line.text:
        return line
    text = _BROKEN_SYMBOL.sub(lambda m: m.group(1) or m.group(2), line.text)
    if ". " in text:
        text = _BROKEN_SALES_NUMBER.sub(lambda m: m.group().replace(" ", ""), text)
    return Line(text, line.span, line.page_break)


def join_broken_symbols(draft: Draft) -> Draft:
    """Close up document symbols that a line end broke after a slash or a point, and
    the sales numbers of United Nations publications (`E.96.IV.8`) broken after a point.

    A symbol never contains a space, but a line may end after one of its slashes
    (or after `SR.`, `Add.`) and the extractor then joins the next line with one.
    Footnote texts, set aside by now, are mostly symbols: they are closed up too.

    >>> from .base import lines_of
    >>> [l.text for l in join_broken_symbols(Draft(lines_of("report (S/ 2014/138) and A/ 78/429, para. 3"))).lines]
    ['report (S/2014/138) and A/78/429, para. 3']
    >>> d = Draft((), notes=lines_of("¹ See A/C.6/65/SR. 11, A/ C.6/67/SR.12 and A/78/53/Add. 1. 2 Ibid."))
    >>> [l.text for l in join_broken_symbols(d).notes]
    ['¹ See A/C.6/65/SR.11, A/C.6/67/SR.12 and A/78/53/Add.1. 2 Ibid.']
    >>> d = Draft((), notes=lines_of("¹ 出售品编号：C. 96.IV.8)。 ² в продаже под No R.02.II.A. 7), гл. I"))
    >>> [l.text for l in join_broken_symbols(d).notes]
    ['¹ 出售品编号：C.96.IV.8)。 ² в продаже под No R.02.II.A.7), гл. I']
    """
    return replace(draft.with_lines(_close_symbols(line) for line in draft.lines),
                   notes=tuple(_close_symbols(note) for note in draft.notes))


# "2015– 2030", "0,15– 0,20": a range broken after its dash at a line end.
_BROKEN_RANGE = re.compile(r"(?<=\d)([–-]) (?=\d)")


def join_broken_ranges(draft: Draft) -> Draft:
    """Close up a range of numbers that a line end broke after its dash.

    A range is printed without spaces (`2015–2030`), but a line may end after the
    dash and the extractor then joins the next line with a space. A dash with a
    space on both sides (`1 – 2`) is left alone.

    >>> from .base import lines_of
    >>> [l.text for l in join_broken_ranges(Draft(lines_of("на 2015– 2030 годы, 0,15– 0,20 и 3 – 4"))).lines]
    ['на 2015–2030 годы, 0,15–0,20 и 3 – 4']
    """
    lines = [Line(_BROKEN_RANGE.sub(r"\1", line.text), line.span, line.page_break)
             if "– " in line.text or "- " in line.text else line for line in draft.lines]
    return draft.with_lines(lines)


# A word, or a compound of words joined by hyphens ("cessez-le-feu").
_WORD_OR_COMPOUND = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)*\b")
_MIN_LETTERS = 6  # shorter words are too often real words of their own
_CAMEL = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$")
_HYPHEN_INSIDE_WORD = re.compile(r"[^\W\d_]-[^\W\d_]")
_CAMEL_WORD = re.compile(r"\b[A-Z][a-z]{2,}[A-Z][a-z]{2,}\b")


def restore_dropped_hyphens(draft: Draft) -> Draft:
    """Put back a hyphen that the extractor dropped when it joined a word broken at a
    line end, when the document writes the word with its hyphen elsewhere.

    pdftotext removes the hyphen at the end of a line, which is right for a word
    hyphenated to fit the line (`situ-ations`) and wrong for a compound that happened
    to break at its own hyphen (`inter-communal` → `intercommunal`, `cessez-le-feu` →
    `cessez-lefeu`). A word that is a compound the document uses with one of its
    hyphens missing gets that hyphen back when it is seen once, or less often than
    the compound (`Non-SelfGoverning` twice, `Non-Self-Governing` thirteen times); a
    document that writes both about as often (`intercommunal`) keeps its spelling.

    >>> from .base import lines_of
    >>> text = "inter-communal violence\\nend intercommunal fighting and long-range patrols"
    >>> [l.text for l in restore_dropped_hyphens(Draft(lines_of(text))).lines][1]
    'end inter-communal fighting and long-range patrols'
    >>> text = "le cessez-le-feu\\ntoute violation du cessez-lefeu"
    >>> [l.text for l in restore_dropped_hyphens(Draft(lines_of(text))).lines][1]
    'toute violation du cessez-le-feu'
    >>> restore_dropped_hyphens(Draft(lines_of("the SecretaryGeneral"))).lines[0].text
    'the Secretary-General'
    >>> text = "Non-Self-Governing Territories, Non-Self-Governing\\nthe Non-SelfGoverning and Non-Self-Governing\\nNon-SelfGoverning"
    >>> [l.text for l in restore_dropped_hyphens(Draft(lines_of(text))).lines][1:]
    ['the Non-Self-Governing and Non-Self-Governing', 'Non-Self-Governing']

    A compound the language always writes with its hyphen gets it back when the
    document prints it once and its second half on its own elsewhere:

    >>> from pipeline.languages import load
    >>> text = "of nuclear weapons\\nthe security of nonnuclear-weapon States, nonetheless"
    >>> restore_dropped_hyphens(Draft(lines_of(text), profile=load("en"))).lines[1].text
    'the security of non-nuclear-weapon States, nonetheless'

    The notes are read and mended too, but not a web address, spelt as it is:

    >>> d = Draft(lines_of("counter-terrorism, counter-terrorism and counter-terrorism"),
    ...           notes=lines_of("¹ UN counterterrorism, www.un.org/counterterrorism"))
    >>> restore_dropped_hyphens(d).notes[0].text
    '¹ UN counter-terrorism, www.un.org/counterterrorism'
    """
    # a word restore() changes is a compound's, with a hyphen left somewhere in the
    # text, or a camel-case word: without either (most documents) the words need no
    # counting, which was most of the clean stage's time on a Chinese resolution
    # the notes too: a note cites titles, and a title's compound breaks at a line end too
    text = "\n".join([line.text for line in draft.lines + draft.notes])
    if not ("-" in text and _HYPHEN_INSIDE_WORD.search(text)) and not _CAMEL_WORD.search(text):
        return draft
    words = _WORD_OR_COMPOUND.findall(text)  # no word holds a line feed: the words of the lines
    seen = Counter(map(str.lower, words))
    joined: dict[str, str] = {}
    halves: dict[str, list[str]] = {}  # the first half of each hyphen the document prints -> second halves
    for compound in (w for w in seen if "-" in w):
        parts = compound.split("-")
        for cut in range(1, len(parts)):
            closed = parts[:cut - 1] + [parts[cut - 1] + parts[cut]] + parts[cut + 1:]
            joined.setdefault("-".join(closed), compound)
            halves.setdefault(parts[cut - 1], []).append(parts[cut])
    known = hyphen_compounds(draft.profile)
    if known is not None:
        for word in [w for w, n in seen.items() if n == 1 and w not in joined and len(w) >= _MIN_LETTERS]:
            compound = _known_compound(word, known, seen, halves)
            if compound is not None:
                joined[word] = compound
    # the words `restore` would change, found from the counts alone: most documents
    # have none, and then no line needs to be matched word by word again
    def lost_hyphen(word: str) -> bool:
        lower = word.lower()
        if len(word.replace("-", "")) < _MIN_LETTERS:
            return False
        compound = joined.get(lower)
        if compound is not None:
            return seen[lower] == 1 or seen[lower] < seen[compound]
        return seen[lower] == 1 and bool(_CAMEL.match(word))

    changed = [w for w in set(words) if lost_hyphen(w)]
    if not changed:
        return draft

    inserted: list[Insertion] = []

    def restore(m: re.Match) -> str:
        word = m.group()
        if not lost_hyphen(word):
            return word
        compound = joined.get(word.lower())
        if compound is not None:
            letters = iter(word.replace("-", ""))
            restored = "".join("-" if c == "-" else next(letters) for c in compound)
        else:
            camel = _CAMEL.match(word)  # "SecretaryGeneral": a capital inside a word is a lost hyphen
            restored = f"{camel[1]}-{camel[2]}" if camel else word
        if restored != word:
            inserted.append(Insertion(line.span.first, "-" * (restored.count("-") - word.count("-")),
                                      "hyphen of a compound the extractor dropped at a line end"))
        return restored

    def restore_token(m: re.Match) -> str:
        # a web address is printed as it is spelt (".../RegularSessions/...")
        return m.group() if _ADDRESS_TOKEN.search(m.group()) else _WORD_OR_COMPOUND.sub(restore, m.group())

    def repaired(lines: tuple[Line, ...]) -> list[Line]:
        nonlocal line
        out = []
        for line in lines:
            # restore() leaves every other word as it is: a line without one of these
            # words is kept without calling it on each of its words
            if any(word in line.text for word in changed):
                line = Line(_TOKEN.sub(restore_token, line.text), line.span, line.page_break)
            out.append(line)
        return out

    line = None  # the line restore() works on, for the record of what it inserts
    lines, notes = repaired(draft.lines), tuple(repaired(draft.notes))
    return replace(draft.with_lines(lines, inserted=inserted), notes=notes)


def _known_compound(word: str, known: re.Pattern, seen: Counter,
                    halves: dict[str, list[str]] | None = None) -> str | None:
    """`word` as a compound of its language, when one of its parts is one with the
    hyphen lost (`nonnuclear-weapon`: `non-nuclear-weapon`, `ellesmêmes`:
    `elles-mêmes`) and one of its halves is a word the document prints on its own
    (`nuclear`, `elles`): the half the compound's pattern leaves open, the other
    being the pattern's own; the halves have three letters at least. A compound the
    document prints with the same first half and the second in another form (`halves`:
    `социально-экономическому` for `социальноэкономической`) tells it as well.

    >>> import re
    >>> _known_compound("nonnuclear-weapon", re.compile(r"non-\\w+"), Counter(["nuclear"]))
    'non-nuclear-weapon'
    >>> _known_compound("ellesmêmes", re.compile(r"\\w+-mêmes?"), Counter(["elles"]))
    'elles-mêmes'
    >>> _known_compound("nonetheless", re.compile(r"non-\\w+"), Counter(["theless"]), {"non": ["governmental"]}) is None
    True
    >>> known = re.compile(r"(?:социально|военно)-\\w+")
    >>> halves = {"социально": ["экономическому"], "военно": ["политической"]}
    >>> _known_compound("социальноэкономической", known, Counter(), halves)
    'социально-экономической'
    >>> _known_compound("военнослужащих", known, Counter(), halves) is None
    True
    """
    parts = word.split("-")
    for index, part in enumerate(parts):
        for cut in range(_HALF_MIN, len(part) - _HALF_MIN + 1):
            first, second = part[:cut], part[cut:]
            evidence = second in seen or first in seen or (
                halves is not None and any(_same_stem(second, other) for other in halves.get(first, ())))
            if evidence and known.fullmatch(f"{first}-{second}"):
                return "-".join(parts[:index] + [f"{first}-{second}"] + parts[index + 1:])
    return None


def _same_stem(a: str, b: str) -> bool:
    """Two forms of one word: a common start of five letters or more that leaves each
    an ending of four letters at most (`экономической`, `экономическому`)."""
    common = len(os.path.commonprefix([a, b]))
    return common >= _STEM_MIN and common >= max(len(a), len(b)) - _ENDING_MAX


_HALF_MIN = 3  # letters of each half of a compound a lost hyphen is put back into
_STEM_MIN, _ENDING_MAX = 5, 4  # letters: a stem two forms of a word share, and an ending
_TOKEN = re.compile(r"\S+")
_ADDRESS_TOKEN = re.compile(ADDRESS_SIGNS)
_WORD = re.compile(r"\w+")


@cache
def _number_patterns(number_words: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A compound of number words in running text, one number word, and a word that is
    such a compound: compiled once per language."""
    part = "|".join(sorted(map(re.escape, number_words), key=len, reverse=True))
    return (re.compile(rf"\b(?:{part}){{2,}}\b", re.IGNORECASE), re.compile(part, re.IGNORECASE),
            re.compile(rf"(?:{part}){{2,}}", re.IGNORECASE))


def restore_number_hyphens(draft: Draft) -> Draft:
    """Put back the hyphens between the parts of a compound number whose hyphen the
    extractor dropped at a line end (`soixantedeuxième`, `twentysecond`).

    In the languages that join number words with hyphens, a word made only of number
    words (`soixante` + `deuxième`) is never written closed up, so the hyphens go
    back between its parts; a single number word (`dix-neuvième`'s `neuvième`,
    `eighteenth`) is left alone.

    >>> from pipeline.languages import load
    >>> from .base import lines_of
    >>> text = "à ses soixantedeuxième et quatrevingt-unième sessions, la soixante-dixneuvième"
    >>> restore_number_hyphens(Draft(lines_of(text), profile=load("fr"))).lines[0].text
    'à ses soixante-deuxième et quatre-vingt-unième sessions, la soixante-dix-neuvième'
    >>> d = Draft(lines_of("its Twentysecond and eighteenth sessions"), profile=load("en"))
    >>> restore_number_hyphens(d).lines[0].text
    'its Twenty-second and eighteenth sessions'
    """
    profile = draft.profile
    if profile is None or not profile.hyphenated_numbers or not profile.number_words:
        return draft
    compound, parts, closed_up = _number_patterns(tuple(profile.number_words))
    # A match is a whole word (the number words are letters, bounded by \b): testing
    # the document's distinct words finds in a third of the time that no line has one,
    # which is so in most documents.
    if all(word.isalpha() for word in profile.number_words):
        words = set(_WORD.findall("\n".join([line.text for line in draft.lines])))
        if not any(closed_up.fullmatch(word) for word in words):
            return draft

    inserted: list[Insertion] = []

    def hyphenate(m: re.Match) -> str:
        pieces = parts.findall(m.group())
        if "".join(pieces) != m.group():
            return m.group()
        inserted.append(Insertion(line.span.first, "-" * (len(pieces) - 1),
                                  "hyphen of a compound number the extractor dropped at a line end"))
        return "-".join(pieces)

    lines = []
    for line in draft.lines:
        lines.append(Line(compound.sub(hyphenate, line.text), line.span, line.page_break))
    return draft.with_lines(lines, inserted=inserted)
