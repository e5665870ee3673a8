"""Parallel versions: one resolution in several languages (or read from several
layers) must have the same structure — paragraph, item and footnote counts, the
numbering, the vote counts and the states that voted each way.

`facts()` reads what can be compared from one converted document, each fact with
the input line it is printed on; `compare()` sets every version beside the value
most versions share and gives one `Mismatch` per fact that differs, naming both
places. The CLI
(`akn-pipeline check-parallel`) converts the inputs and prints the mismatches.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .countries import identify_states
from .diagnostics import CODES
from .model import Document, Item, VOTE_KEYS, count_ref


@dataclass(frozen=True)
class Fact:
    """A comparable value of one version and the input line that prints it."""

    value: object
    line: int
    lines: tuple[int, ...] = ()  # for a sequence: the line of each of its elements


@dataclass(frozen=True)
class Version:
    """One version: its name (the input path) and its facts by name."""

    source: str
    facts: dict[str, Fact]


@dataclass(frozen=True)
class Mismatch:
    """A fact that differs between a version and the first one (the reference)."""

    fact: str
    source: str
    line: int
    value: object
    reference_source: str
    reference_line: int
    reference_value: object
    code: str = "W025"

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code}")

    def format(self) -> str:
        """`ar.txt:88: warning W025: operative paragraphs: 12 here, 13 in en.txt:80`"""
        return (f"{self.source}:{self.line}: warning {self.code}: {self.fact}: {_show(self.value)} here, "
                f"{_show(self.reference_value)} in {self.reference_source}:{self.reference_line}")


def _show(value) -> str:
    if value is None:
        return "none"
    if isinstance(value, frozenset):
        return "{" + " ".join(sorted(value)) + "}" if value else "{}"
    if isinstance(value, tuple):
        return " ".join(str(v) for v in value) or "()"
    return str(value)


def facts(document: Document, source: str) -> Version:
    """The facts of one version that every language prints alike."""
    found: dict[str, Fact] = {}
    first = document.span.first
    found["symbol"] = Fact(document.meta.symbol, first)
    texts = [("", document)] + [(f"part {part.label}: ", part) for part in document.parts]
    states = identify_states(document)  # every vote list of the document, parts included
    for prefix, text in texts:
        if prefix and not (text.preamble or text.operative or text.vote):
            continue
        preamble = text.preamble
        found[prefix + "preambular paragraphs"] = Fact(len(preamble), preamble[0].span.first if preamble else first)
        paragraphs = [u for u in text.operative if hasattr(u, "number")]
        line = paragraphs[0].span.first if paragraphs else first
        found[prefix + "operative paragraphs"] = Fact(len(paragraphs), line)
        found[prefix + "operative numbering"] = Fact(tuple(p.num and p.number for p in paragraphs), line,
                                                     tuple(p.span.first for p in paragraphs))
        for p in paragraphs:
            if p.number is not None:
                found[f"{prefix}items of paragraph {p.number}"] = Fact(_items(p.items), p.span.first)
        vote = text.vote
        line = vote.span.first if vote else (text.closing[0].span.first if text.closing else first)
        found[prefix + "vote outcome"] = Fact(vote.outcome if vote else None, line)
        if vote is None:
            continue
        for key in VOTE_KEYS:
            found[f"{prefix}votes {count_ref(key)}"] = Fact(vote.count(key), line)
        for group in vote.groups:
            codes = frozenset(states.id_of(name) for name in group.names)
            found[f"{prefix}voters {count_ref(group.key)}"] = Fact(codes, group.span.first)
    notes = document.footnotes
    found["footnotes"] = Fact(len(notes), notes[0].span.first if notes else first)
    found["annexes"] = Fact(len(document.annexes), document.annexes[0].span.first if document.annexes else first)
    return Version(source, found)


def _items(items: tuple[Item, ...]) -> int:
    """Items of a paragraph, every level counted."""
    return sum(1 + _items(item.items) for item in items)


def compare(versions: Iterable[Version]) -> list[Mismatch]:
    """Every fact in which a version differs from the others, in the order of the
    versions and of the facts. Each fact is set against the value most versions
    share (with two versions, or no majority, the first version's): a typing error
    in one language is reported once, in that language, not once per other
    version. A fact one version lacks (a paragraph number that is not there) is
    left to the fact that counts (the numbering).

    >>> a, b, c = (Version(n, {"votes against": Fact(v, 9)}) for n, v in (("en", 14), ("ar", 140), ("fr", 14)))
    >>> [m.format() for m in compare([b, a, c])]
    ['ar:9: warning W025: votes against: 140 here, 14 in en:9']
    >>> [m.format() for m in compare([a, b])]
    ['ar:9: warning W025: votes against: 140 here, 14 in en:9']
    """
    versions = list(versions)
    if len(versions) < 2:
        return []
    names = list(dict.fromkeys(name for version in versions for name in version.facts))
    out = []
    for version in versions:
        for name, fact in version.facts.items():
            reference = _reference(versions, name)
            other = reference.facts[name] if reference is not None else None
            if other is None or other.value == fact.value:
                continue
            value, reference_value = fact.value, other.value
            line, reference_line = fact.line, other.line
            if isinstance(value, frozenset) and isinstance(reference_value, frozenset):
                # name the states themselves, not two long lists
                value, reference_value = value - reference_value, reference_value - value
            elif isinstance(value, tuple) and isinstance(reference_value, tuple):
                # point at the first paragraph where the numberings part
                k = _first_index(value, reference_value)
                line, reference_line = _line_at(fact, k), _line_at(other, k)
                value, reference_value = _first_difference(value, reference_value)
            out.append(Mismatch(name, version.source, line, value, reference.source, reference_line,
                                reference_value))
    order = {name: k for k, name in enumerate(names)}
    sources = {version.source: k for k, version in enumerate(versions)}
    return sorted(out, key=lambda m: (sources[m.source], order[m.fact]))


def _reference(versions: list[Version], name: str) -> Version | None:
    """The version that holds the value of fact `name` that most versions share; the
    first version holding the fact when no value has more than half of them."""
    holding = [v for v in versions if name in v.facts]
    if not holding:
        return None
    values = [v.facts[name].value for v in holding]
    best = max(values, key=values.count)
    if values.count(best) * 2 > len(versions):
        return holding[values.index(best)]
    return holding[0]


def _first_index(a: tuple, b: tuple) -> int:
    """The 0-based position where two sequences first differ (the shorter's length
    when one continues the other)."""
    return next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _line_at(fact: Fact, k: int) -> int:
    """The line of a sequence's element k, or of its last element when it has fewer."""
    if not fact.lines:
        return fact.line
    return fact.lines[min(k, len(fact.lines) - 1)]


def _first_difference(a: tuple, b: tuple) -> tuple[str, str]:
    """Where two numberings part: the position and each number there.

    >>> _first_difference((1, 2, 3), (1, 3))
    ('paragraph 2 numbered 2', 'paragraph 2 numbered 3')
    >>> _first_difference((1, 2), (1, 2, 3))
    ('2 paragraphs', 'paragraph 3 numbered 3')
    """
    for k, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return f"paragraph {k} numbered {x}", f"paragraph {k} numbered {y}"
    k = min(len(a), len(b)) + 1
    shorter = f"{k - 1} paragraphs"
    return (shorter, f"paragraph {k} numbered {b[k - 1]}") if len(a) < len(b) else \
        (f"paragraph {k} numbered {a[k - 1]}", shorter)
