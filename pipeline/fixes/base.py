"""What the cleaning fixes work on: lines that remember their input line numbers."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..diagnostics import Diagnostic
from ..languages import Profile
from ..model import Span


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
    """Text taken out of the document (page furniture): never silently lost."""

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

    def with_lines(self, lines, *, notes=(), removed=(), diagnostics=()) -> "Draft":
        """A new draft with `lines`, adding notes, removals and diagnostics."""
        return replace(self, lines=tuple(lines), notes=self.notes + tuple(notes),
                       removed=self.removed + tuple(removed),
                       diagnostics=self.diagnostics + tuple(diagnostics))


def lines_of(text: str) -> tuple[Line, ...]:
    """Split text (LF line ends) into numbered lines.

    >>> [(l.text, str(l.span)) for l in lines_of("a\\n\\nb")]
    [('a', '1'), ('', '2'), ('b', '3')]
    """
    return tuple(Line(t, Span(n, n)) for n, t in enumerate(text.split("\n"), start=1))


TextFix = Callable[[str], str]
LineFix = Callable[[Draft], Draft]
