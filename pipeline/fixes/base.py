"""What the cleaning fixes work on: lines that remember their input line numbers."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..diagnostics import Diagnostic
from ..languages import Profile
from ..model import Span
from ..scripts import join_fragments


@dataclass(frozen=True, slots=True)
class Line:
    """One line of running text; after joining, one logical line (a block).

    `page_break` says a page break came right before it.
    """

    text: str
    span: Span
    page_break: bool = False


@dataclass(frozen=True, slots=True)
class Removal:
    """Text taken out of the document (page furniture): never silently lost. `last`
    is the last input line the text came from, when it is not `line` alone."""

    line: int
    text: str
    reason: str
    last: int | None = None


@dataclass(frozen=True, slots=True)
class Insertion:
    """Text put into the document that the input did not print at that place (a
    hyphen a line end had taken away), so that the conservation check can tell it
    from text that came from elsewhere."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Draft:
    """The state a line fix receives and returns."""

    lines: tuple[Line, ...]
    notes: tuple[Line, ...] = ()
    removed: tuple[Removal, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    profile: Profile | None = None  # the document's language, for fixes that need its words
    # for a PDF, the page geometry of each input line (index = line number - 1); None for text
    hints: tuple | None = None
    inserted: tuple[Insertion, ...] = ()

    def with_lines(self, lines, *, notes=(), removed=(), diagnostics=(), inserted=()) -> "Draft":
        """A new draft with `lines`, adding notes, removals, diagnostics and insertions."""
        return replace(self, lines=tuple(lines), notes=self.notes + tuple(notes),
                       removed=self.removed + tuple(removed),
                       diagnostics=self.diagnostics + tuple(diagnostics),
                       inserted=self.inserted + tuple(inserted))


def lines_of(text: str) -> tuple[Line, ...]:
    """Split text (LF line ends) into numbered lines.

    >>> [(l.text, str(l.span)) for l in lines_of("a\\n\\nb")]
    [('a', '1'), ('', '2'), ('b', '3')]
    """
    return tuple(Line(t, Span(n, n)) for n, t in enumerate(text.split("\n"), start=1))


def joined(head: Line, text: str, span: Span, removed: list, vocabulary=None) -> Line:
    """`head` with `text` (from the input lines `span`) joined on as one paragraph; the
    hyphen of a word broken at the line end, when the join closes it up, is recorded
    in `removed`.

    >>> removed = []
    >>> joined(Line("in situ-", Span(1, 1)), "ations", Span(2, 2), removed).text, removed
    ('in situations', [Removal(line=1, text='-', reason='hyphen at a line end', last=None)])
    """
    text_joined = join_fragments(head.text, text, vocabulary)
    if len(text_joined) < len(head.text) + len(text):
        removed.append(Removal(head.span.last, head.text[-1], "hyphen at a line end"))
    return Line(text_joined, head.span | span, head.page_break)


class Paragraph:
    """A paragraph joined from many lines, in time linear in its length.

    `joined` copies the paragraph at every line it adds, which is quadratic for a
    paragraph of thousands of lines; this keeps the pieces and the last characters,
    which are all `join_fragments` looks at (the last word, a final hyphen).

    >>> removed = []
    >>> p = Paragraph(Line("in situ-", Span(1, 1)))
    >>> p.add("ations of", Span(2, 2), removed); p.add("the Council", Span(3, 3), removed)
    >>> p.line(), removed
    (Line(text='in situations of the Council', span=Span(first=1, last=3), page_break=False), \
[Removal(line=1, text='-', reason='hyphen at a line end', last=None)])
    """

    TAIL = 200  # characters kept for the joins: longer than any word

    def __init__(self, first: Line):
        self.pieces = [first.text]
        self.tail = first.text[-self.TAIL:]
        self.span, self.page_break = first.span, first.page_break

    def add(self, text: str, span: Span, removed: list, vocabulary=None) -> None:
        together = join_fragments(self.tail, text, vocabulary)
        if len(together) < len(self.tail) + len(text):  # the hyphen went
            removed.append(Removal(self.span.last, self.tail[-1], "hyphen at a line end"))
            self.pieces[-1] = self.pieces[-1][:-1]
            self.pieces.append(text)
        else:
            self.pieces.append(together[len(self.tail):])  # the separator and the text
        self.tail = together[-self.TAIL:]
        self.span = self.span | span

    def line(self) -> Line:
        return Line("".join(self.pieces), self.span, self.page_break)


TextFix = Callable[[str], str]
LineFix = Callable[[Draft], Draft]
