"""Word-level repairs that need the whole document: a word is judged by the words
the same document uses elsewhere."""
from __future__ import annotations

import re

from ..scripts import Vocabulary
from .base import Draft, Line

# "Secretary- General": a word broken at a line end whose hyphen the extractor kept,
# followed by the space it put where the line ended.
_BROKEN = re.compile(r"(?P<left>\w+)- (?P<right>\w+)")
# After "troop- and police-contributing" the hyphen is a suspended compound, not a break.
_CONJUNCTIONS = {"and", "or", "to", "et", "ou", "à", "y", "o", "e", "u", "и", "или", "а"}


def repair_broken_words(draft: Draft) -> Draft:
    """Close up words that a line end broke and the extractor rejoined with a space.

    Block extractors join the lines of a paragraph with a space and keep a hyphen
    the PDF put at the end of a line, so `Secretary-General` arrives as
    `Secretary- General` and `UNAMID` as `UN- AMID`. The word is closed up as the
    document writes it elsewhere; otherwise an all-capital word loses the hyphen (an
    acronym) and any other keeps it (a compound). A hyphen before a conjunction
    (`troop- and police-contributing`) is a suspended compound and stays.

    >>> from .base import lines_of
    >>> text = "the Secretary- General and UN- AMID\\ntroop- and police-contributing; situ- ations in situations"
    >>> [l.text for l in repair_broken_words(Draft(lines_of(text))).lines]
    ['the Secretary-General and UNAMID', 'troop- and police-contributing; situations in situations']
    """
    vocabulary = Vocabulary(line.text for line in draft.lines)

    def close(m: re.Match) -> str:
        left, right = m["left"], m["right"]
        if right.lower() in _CONJUNCTIONS:
            return m.group()
        if vocabulary.keeps_hyphen(left, right):
            return f"{left}-{right}"
        if (left + right).lower() in vocabulary.words or (left.isupper() and right.isupper()):
            return left + right
        return f"{left}-{right}"

    lines = [Line(_BROKEN.sub(close, line.text), line.span, line.page_break) if "- " in line.text else line
             for line in draft.lines]
    return draft.with_lines(lines)


# "(S/ 2014/138)", "A/ 78/429": a symbol broken after a slash at a line end.
_BROKEN_SYMBOL = re.compile(r"\b((?:[AES]|[A-Z]{2,})(?:/[\w.\-]+)*/) (?=[\dA-Z])")


def join_broken_symbols(draft: Draft) -> Draft:
    """Close up document symbols that a line end broke after a slash.

    A symbol never contains a space, but a line may end after one of its slashes
    and the extractor then joins the next line with one.

    >>> from .base import lines_of
    >>> [l.text for l in join_broken_symbols(Draft(lines_of("report (S/ 2014/138) and A/ 78/429, para. 3"))).lines]
    ['report (S/2014/138) and A/78/429, para. 3']
    """
    lines = [Line(_BROKEN_SYMBOL.sub(r"\1", line.text), line.span, line.page_break) if "/ " in line.text else line
             for line in draft.lines]
    return draft.with_lines(lines)


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
    lines = [Line(_BROKEN_RANGE.sub(r"\1", line.text), line.span, line.page_break) for line in draft.lines]
    return draft.with_lines(lines)


_LONG_WORD = re.compile(r"\b[^\W\d_]{6,}\b")
_CAMEL = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$")


def restore_dropped_hyphens(draft: Draft) -> Draft:
    """Put back a hyphen that the extractor dropped when it joined a word broken at a
    line end, when the document writes the word with its hyphen elsewhere.

    pdftotext removes the hyphen at the end of a line, which is right for a word
    hyphenated to fit the line (`situ-ations`) and wrong for a compound that happened
    to break at its own hyphen (`inter-communal` → `intercommunal`). A word seen once,
    whose hyphenated form the document uses, gets its hyphen back.

    >>> from .base import lines_of
    >>> text = "inter-communal violence\\nend intercommunal fighting and long-range patrols"
    >>> [l.text for l in restore_dropped_hyphens(Draft(lines_of(text))).lines][1]
    'end inter-communal fighting and long-range patrols'
    >>> restore_dropped_hyphens(Draft(lines_of("the SecretaryGeneral"))).lines[0].text
    'the Secretary-General'
    """
    vocabulary = Vocabulary(line.text for line in draft.lines)
    joined = {c.replace("-", ""): c for c in vocabulary.compounds if c.count("-") == 1}

    def restore(m: re.Match) -> str:
        word = m.group()
        if vocabulary.words[word.lower()] > 1:
            return word
        compound = joined.get(word.lower())
        if compound is not None:
            cut = compound.index("-")
            return word[:cut] + "-" + word[cut:]
        camel = _CAMEL.match(word)  # "SecretaryGeneral": a capital inside a word is a lost hyphen
        return f"{camel[1]}-{camel[2]}" if camel else word

    lines = [Line(_LONG_WORD.sub(restore, line.text), line.span, line.page_break) for line in draft.lines]
    return draft.with_lines(lines)
