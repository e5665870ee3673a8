"""Fixes that read the page geometry of a PDF (`Draft.hints`, from `pipeline.read_pdf`).

A PDF says which lines are running headers and footers, which are footnotes and
whether a block goes on from the previous page; the text-only fixes have to guess
all of that from the words. Each fix here does nothing for a text input (no hints),
so the text path is unchanged; for a PDF it runs before the guessing fixes, which
then find nothing left to guess.
"""
from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from ..languages import SUPERSCRIPT_NOTE_LINE
from ..read import LineHint
from .base import Draft, Line, Removal, joined

# a note's first line, when no profile says how the language prints it (here and in pages)
FOOTNOTE_LINE = re.compile(SUPERSCRIPT_NOTE_LINE)


FURNITURE_BANDS = {"header": "running header", "footer": "page footer"}


def hint_of(draft: Draft, line: Line) -> LineHint | None:
    """The hint of the input line a line starts at, if the input was a PDF."""
    if draft.hints is None:
        return None
    index = line.span.first - 1
    return draft.hints[index] if 0 <= index < len(draft.hints) else None


def remove_marked_furniture(draft: Draft) -> Draft:
    """Take out the lines the geometry put in a page's header or footer band: running
    headers, page numbers, job numbers and barcodes. Each is recorded as a removal
    with its line (the conversion's diagnostics add the page).

    >>> from .base import lines_of
    >>> hints = (LineHint(1), None, LineHint(1, "footer"), None)
    >>> d = remove_marked_furniture(Draft(lines_of("Text\\n\\n*2339077*\\n"), hints=hints))
    >>> [l.text for l in d.lines], [(r.line, r.text, r.reason) for r in d.removed]
    (['Text', '', '', ''], [(3, '*2339077*', 'page footer')])
    """
    if draft.hints is None:
        return draft
    lines, removed = [], []
    carried = False  # the page break of a header taken out goes to the next line of text
    for line in draft.lines:
        hint = hint_of(draft, line)
        if hint is None or hint.band not in FURNITURE_BANDS or not line.text.strip():
            if carried and line.text.strip():
                line, carried = Line(line.text, line.span, True), False
            lines.append(line)
            continue
        # the reason is the text path's (the segment stage reads the symbol off a
        # "running header"); the page goes into the diagnostic (`locate_pages`)
        removed.append(Removal(line.span.first, line.text, FURNITURE_BANDS[hint.band]))
        carried = carried or line.page_break
        lines.append(Line("", line.span))
    events = [Diagnostic("I001", f"page furniture removed ({r.reason}): {r.text}", r.line) for r in removed]
    return draft.with_lines(lines, removed=removed, diagnostics=events)


def lift_marked_footnotes(draft: Draft) -> Draft:
    """Move the lines of the footnote zone out of the running text; the segment stage
    puts each note back at its call. A note line without a marker of its own (the
    rest of a note that did not fit on the page before) goes on the note before it.

    >>> from .base import lines_of
    >>> hints = (LineHint(1), None, LineHint(1, "footnote"), None, LineHint(2, "footnote"), None)
    >>> d = lift_marked_footnotes(Draft(lines_of("Text¹\\n\\n¹ See the\\n\\nreport.\\n"), hints=hints))
    >>> [l.text for l in d.lines if l.text], [(l.text, str(l.span)) for l in d.notes]
    (['Text¹'], [('¹ See the report.', '3-5')])

    A word a page broke is closed up, and its hyphen recorded as removed:

    >>> d = lift_marked_footnotes(Draft(lines_of("Text¹\\n\\n¹ See the situ-\\n\\nations.\\n"), hints=hints))
    >>> [l.text for l in d.notes], [(r.line, r.text) for r in d.removed]
    (['¹ See the situations.'], [(3, '-')])
    """
    if draft.hints is None:
        return draft
    note_line = draft.profile.rx("note_line") if draft.profile else FOOTNOTE_LINE
    lines: list[Line] = []
    notes: list[Line] = []
    removed: list[Removal] = []
    for line in draft.lines:
        hint = hint_of(draft, line)
        if hint is None or hint.band != "footnote" or not line.text.strip():
            lines.append(line)
            continue
        if notes and not note_line.match(line.text) and not _starts_with_digit(line.text):
            last = notes.pop()
            notes.append(joined(last, line.text, line.span, removed))
        else:
            notes.append(Line(line.text, line.span))
        lines.append(Line("", line.span, line.page_break))
    if not notes:
        return draft
    events = [Diagnostic("I003", f"footnote text moved to its marker: {n.text[:40]}", n.span.first) for n in notes]
    return draft.with_lines(lines, notes=notes, diagnostics=events, removed=removed)


def _starts_with_digit(text: str) -> bool:
    return text.lstrip("([")[:1].isdigit()


def continues(draft: Draft, head: Line | None, line: Line) -> bool | None:
    """Whether the geometry says `line` goes on from the block `head` before it: for
    a line read from a PDF, False on the same page (blocks are the geometry's own
    there), and across a page break what the layout told (a full last line, a
    matching indent), or None when it could not (ragged text); None for text input.
    """
    hint, before = hint_of(draft, line), (hint_of(draft, head) if head is not None else None)
    if hint is None or before is None or hint.band != "body":
        return None
    if hint.page == before.page:
        return False
    return hint.continues
