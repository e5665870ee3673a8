"""The torture run: documents and damaged variants of them through the whole
conversion, each outcome counted. `invoke torture` runs it over the shared corpus
(every dev document in its three text layers, and the seed); tests/test_torture.py
over a bounded part of it. Nothing here reads folders or prints.

The variants are what archives do to files: pages put in another order, a file cut
short, two files run together, a blank line after every line (a word processor's
export) or none left (a text copied from a web page), and the characters a word
processor or a web page puts in (no-break and thin spaces, characters that print
nothing, CRLF line ends): that one must give the very AKN the document gives as it
is, else it counts as changed. They are made deterministically (a random generator
seeded with the document's name), so a failure can be reproduced.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .convert import Options, convert
from .diagnostics import InputError, Level

VARIANTS = ("as is", "shuffled", "truncated", "concatenated", "spaced", "unspaced", "word-processed")
# what a word processor or a web page types in place of a space, or after one
_SPACES = ("\u00a0", "\u202f", "\u2009")
_INVISIBLE = ("\u200b", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad")
# a block layer turns a page with a run of blank lines (see fixes.pages.PAGE_BREAK_BLANK_RUN)
_BLOCK_PAGE_BREAK = re.compile(r"\n{4,}")


def pages(text: str) -> list[str]:
    """The pages of a text layer: at form feeds (pdftotext), else at runs of blank
    lines (a block layer).

    >>> pages("a\\fb\\fc"), pages("a\\n\\nb\\n\\n\\n\\nc")
    (['a', 'b', 'c'], ['a\\n\\nb', 'c'])
    """
    return text.split("\f") if "\f" in text else _BLOCK_PAGE_BREAK.split(text)


def variants(name: str, text: str, other: str) -> Iterator[tuple[str, str]]:
    """(variant, text) of one document; `other` is the text run on to it.

    >>> [v for v, _ in variants("x", "a\\fb\\fc", "d")]
    ['as is', 'shuffled', 'truncated', 'concatenated', 'spaced', 'unspaced', 'word-processed']
    """
    rng = random.Random(name)
    yield "as is", text
    parts = pages(text)
    order = list(range(len(parts)))
    while len(order) > 1 and order == sorted(order):
        rng.shuffle(order)
    yield "shuffled", ("\f" if "\f" in text else "\n\n\n\n").join(parts[i] for i in order)
    yield "truncated", text[:rng.randrange(len(text) + 1)]
    yield "concatenated", text + ("\f" if "\f" in text else "\n\n\n\n") + other
    yield "spaced", text.replace("\n", "\n\n")
    yield "unspaced", _BLANK_LINES.sub("\n", text)
    yield "word-processed", word_processed(text, rng)


def word_processed(text: str, rng: random.Random) -> str:
    r"""`text` as a word processor or a web page hands it over: one space in ten a
    no-break, narrow or thin one, a character that prints nothing after one in
    twenty, CRLF line ends. Nothing printed changes.

    >>> typed = word_processed(" ".join("abcdefghijklmnopqrstuvwxyz") + "\n.", random.Random(1))
    >>> "\r\n" in typed, any(c in typed for c in _SPACES), any(c in typed for c in _INVISIBLE)
    (True, True, True)
    >>> re.sub("[\u00a0\u202f\u2009]", " ", re.sub("[\u200b\u200e\u200f\u2060\ufeff\u00ad]", "", typed))
    'a b c d e f g h i j k l m n o p q r s t u v w x y z\r\n.'
    """
    def space(_: re.Match) -> str:
        roll = rng.random()
        if roll < 0.1:
            return rng.choice(_SPACES)
        return " " + rng.choice(_INVISIBLE) if roll < 0.15 else " "

    return re.sub(" ", space, text).replace("\n", "\r\n")


_BLANK_LINES = re.compile(r"\n[^\S\n\f]*(?:\n[^\S\n\f]*)+")  # blank lines, not a form feed's page break


@dataclass
class Tally:
    """Outcomes by variant: converted, refused (InputError, with its code), invalid
    (schema or pointer errors), not conserved (E009), changed (a word-processed
    variant whose AKN is not the document's), crashed."""

    counts: Counter = field(default_factory=Counter)  # (variant, outcome) -> n
    failures: list[str] = field(default_factory=list)  # one line per failure, to show

    def add(self, variant: str, outcome: str, detail: str | None = None) -> None:
        self.counts[(variant, outcome)] += 1
        if detail is not None:
            self.failures.append(detail)

    def total(self, outcome: str) -> int:
        return sum(n for (_, o), n in self.counts.items() if o == outcome)

    @property
    def ok(self) -> bool:
        return not (self.total("crashed") or self.total("invalid") or self.total("not conserved")
                    or self.total("changed"))


def run(documents: Iterable[tuple[str, str]], tally: Tally | None = None,
        options: Options = Options(markup_date="2026-01-01")) -> Tally:
    """Convert each (name, text) and its variants; each document is concatenated with
    the next one (the last with the first)."""
    tally = tally or Tally()
    documents = list(documents)
    for index, (name, text) in enumerate(documents):
        other = documents[(index + 1) % len(documents)][1]
        as_is: bytes | None = None  # the AKN of the document as it is
        for variant, data in variants(name, text, other):
            where = f"{name} ({variant})"
            try:
                conversion = convert(data, name, options)
            except InputError as err:
                tally.add(variant, f"refused {err.diagnostic.code}")
                continue
            except Exception as err:  # the point of the run: count it, go on, show it
                tally.add(variant, "crashed", f"{where}: {type(err).__name__}: {err}")
                continue
            errors = [d for d in conversion.diagnostics if d.level >= Level.ERROR]
            if not conversion.conservation.ok:
                tally.add(variant, "not conserved", f"{where}: {conversion.conservation.detail}")
            elif not conversion.ok:
                tally.add(variant, "invalid", f"{where}: {errors[0].format(name) if errors else 'not valid'}")
            elif variant == "word-processed" and as_is is not None and conversion.akn != as_is:
                tally.add(variant, "changed", f"{where}: not the AKN of the document as it is")
            else:
                tally.add(variant, "converted")
            if variant == "as is":
                as_is = conversion.akn
    return tally
