"""The torture run: documents and damaged variants of them through the whole
conversion, each outcome counted. `invoke torture` runs it over the shared corpus
(every dev document in its three text layers, and the seed); tests/test_torture.py
over a bounded part of it. Nothing here reads folders or prints.

The variants are what archives do to files: pages put in another order, a file cut
short, two files run together, a blank line after every line (a word processor's
export) or none left (a text copied from a web page). They are made deterministically (a random generator
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

VARIANTS = ("as is", "shuffled", "truncated", "concatenated", "spaced", "unspaced")
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
    ['as is', 'shuffled', 'truncated', 'concatenated', 'spaced', 'unspaced']
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


_BLANK_LINES = re.compile(r"\n[^\S\n\f]*(?:\n[^\S\n\f]*)+")  # blank lines, not a form feed's page break


@dataclass
class Tally:
    """Outcomes by variant: converted, refused (InputError, with its code), invalid
    (schema or pointer errors), not conserved (E009), crashed."""

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
        return not (self.total("crashed") or self.total("invalid") or self.total("not conserved"))


def run(documents: Iterable[tuple[str, str]], tally: Tally | None = None,
        options: Options = Options(markup_date="2026-01-01")) -> Tally:
    """Convert each (name, text) and its variants; each document is concatenated with
    the next one (the last with the first)."""
    tally = tally or Tally()
    documents = list(documents)
    for index, (name, text) in enumerate(documents):
        other = documents[(index + 1) % len(documents)][1]
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
            else:
                tally.add(variant, "converted")
    return tally
