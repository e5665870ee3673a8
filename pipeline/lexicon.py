"""The words of a language, from the frequency lists pyspellchecker ships in its wheel
(`spellchecker/resources/LANG.json.gz`: each word in lower case with its count).

They answer one question the document itself cannot always answer: whether a hyphen
at the end of a line breaks a word (`recom-` / `mendation`: a word) or joins a
compound (`Russian-` / `backed`: no word "russianbacked", two words). Which languages
have a list is language data (`Profile.lexicon`): a list is used only where it was
measured to tell the two apart; the Spanish and Russian lists, short of many
inflected forms, took words hyphenated to fit a line for compounds.
"""
from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

PACKAGE = "spellchecker"  # the import name of pyspellchecker


@cache
def words(code: str) -> frozenset[str]:
    """The words of language `code` in lower case (loaded once per process).

    >>> "recommendation" in words("en"), "russianbacked" in words("en")
    (True, False)
    """
    data = resources.files(PACKAGE).joinpath("resources", f"{code}.json.gz").read_bytes()
    return frozenset(json.loads(gzip.decompress(data)))


def is_compound(left: str, right: str, known: frozenset[str]) -> bool:
    """Whether `left` and `right`, split by a hyphen at a line end, are two words of a
    compound rather than one word broken in two: the closed-up form is no word, and
    each half is one.

    >>> en = words("en")
    >>> is_compound("Russian", "backed", en), is_compound("recom", "mendation", en), is_compound("man", "date", en)
    (True, False, False)
    """
    return (left + right).lower() not in known and left.lower() in known and right.lower() in known
