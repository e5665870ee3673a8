"""eIds by the Akoma Ntoso naming convention, computed after the tree is known.

`{abbreviation}_{num without final punctuation}`, joined by `__` down the tree;
unnumbered elements take their ordinal among same-named siblings; some elements add
their name without a number (`intro`), some nothing at all (`content`).
"""
from __future__ import annotations

import re
from functools import lru_cache

# Element name -> eId abbreviation (AKN naming convention, section 5).
ABBREVIATIONS = {
    "alinea": "al", "article": "art", "attachment": "att", "blockList": "blist", "chapter": "chp",
    "citation": "cit", "citations": "cits", "clause": "cl", "component": "cmp", "components": "cmpnts",
    "componentRef": "cref", "debateSection": "dbsect", "division": "dvs", "documentRef": "dref",
    "eventRef": "eref", "judgmentBody": "jbody", "list": "list", "paragraph": "para", "point": "point",
    "quotedStructure": "qstr", "recital": "rec", "recitals": "recs", "section": "sec",
    "subchapter": "subchp", "subclause": "subcl", "subdivision": "subdvs", "subparagraph": "subpara",
    "subsection": "subsec", "temporalGroup": "tmpg", "wrapUp": "wrapup",
}
# Elements whose name is their whole eId step, without a number.
NAMED_ONLY = {"intro", "wrapUp", "preface", "preamble", "conclusions", "coverPage", "mainBody", "collectionBody"}

_NUM_EDGE = re.compile(r"^[\s(（\[]+|[\s.)）\]:：。．\-–]+$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # the same few labels ("1.", "(a)") come back in every document
def num_part(num: str) -> str:
    """The part of a printed number that goes into an eId.

    >>> num_part("1."), num_part("(a)"), num_part("1 -"), num_part("(iv)"), num_part("١.")
    ('1', 'a', '1', 'iv', '١')
    """
    core = _NUM_EDGE.sub("", num.strip())
    core = _NUM_EDGE.sub("", core)
    return _SPACES.sub("", core) or "x"


class UniqueNames:
    """Hands out names (eIds, xml:ids), each once: a repeated wish gets a numbered suffix."""

    def __init__(self, taken=()):
        self.taken = set(taken)
        # the last suffix given to each name that repeated: looking for a free one from
        # 2 every time made a list of thousands of "(a)" items quadratic
        self.suffixes: dict[str, int] = {}

    def take(self, wanted: str) -> str:
        """The name wanted, or the first free `wanted-N`.

        >>> names = UniqueNames()
        >>> names.take("op.5"), names.take("op.5"), names.take("op.5")
        ('op.5', 'op.5-2', 'op.5-3')
        """
        n = self.suffixes.get(wanted, 1)
        candidate = wanted if n == 1 else f"{wanted}-{n}"
        while candidate in self.taken:
            n += 1
            candidate = f"{wanted}-{n}"
        if n > 1:
            self.suffixes[wanted] = n
        self.taken.add(candidate)
        return candidate


class Scope:
    """The eId context of one element; `child()` names its children in order."""

    def __init__(self, prefix: str = "", names: UniqueNames | None = None):
        self.prefix = prefix
        self._counts: dict[str, int] = {}  # a plain dict: a Counter per element was slow to make
        self._names = names if names is not None else UniqueNames()

    def child(self, element: str, num: str | None = None) -> "Scope":
        """Scope of the next child element; its eId is `.eid`.

        >>> root = Scope()
        >>> para = root.child("paragraph", "8.")
        >>> para.eid, para.child("list").child("intro").eid, para.child("list").eid
        ('para_8', 'para_8__list_1__intro', 'para_8__list_2')
        >>> [root.child("paragraph", "5.").eid for _ in range(3)]
        ['para_5', 'para_5-2', 'para_5-3']
        """
        abbreviation = ABBREVIATIONS.get(element, element)
        ordinal = self._counts[element] = self._counts.get(element, 0) + 1  # numbered siblings count too
        if element in NAMED_ONLY:
            step = element
        elif num:
            step = f"{abbreviation}_{num_part(num)}"
        else:
            step = f"{abbreviation}_{ordinal}"
        # a repeated number (two paragraphs printed "5.") must not repeat an eId
        eid = self._names.take(f"{self.prefix}__{step}" if self.prefix else step)
        return Scope(eid, self._names)

    @property
    def eid(self) -> str:
        return self.prefix
