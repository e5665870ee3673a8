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
