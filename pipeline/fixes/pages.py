"""Page-level fixes: what pagination did to the running text, undone.

Each fix takes a `Draft` and returns a new one; lines keep their input line spans,
and text that leaves the running text is either moved (footnotes) or recorded as a
removal, never dropped.
"""
from __future__ import annotations

import re
import unicodedata

from ..diagnostics import Diagnostic
from ..languages import SUPERSCRIPT_NOTE_LINE
from ..scripts import is_cjk, join_fragments
from ..model import Span  # noqa: F401  (used by the doctests)
from .base import Draft, Line, lines_of  # noqa: F401  (lines_of: doctests)

PAGE_BREAK_BLANK_RUN = 2  # blank lines in a row that mean a page turned (blocks layout)


def mark_page_breaks(draft: Draft) -> Draft:
    """Turn form feeds and runs of blank lines into a page-break flag on the next line.

    `pdftotext` writes a form feed at each page end; block extractors (and the
    reference input) leave a run of blank lines where a page turned, while single
    blank lines only separate paragraphs. The flag is what `join_split_paragraphs`
    needs; the form feeds themselves go.

    >>> d = mark_page_breaks(Draft(lines_of("a\\n\\nb\\n\\n\\n\\nc\\n\\x0cd")))
    >>> [(l.text, l.page_break) for l in d.lines if l.text]
    [('a', False), ('b', False), ('c', True), ('d', True)]
    """
    out: list[Line] = []
    blanks = 0
    pending = False
    for line in draft.lines:
        text = line.text
        if "\f" in text:
            pending = True
            text = text.replace("\f", "")
        if not text.strip():
            blanks += 1
            out.append(Line("", line.span))
            continue
        if blanks >= PAGE_BREAK_BLANK_RUN:
            pending = True
        out.append(Line(text, line.span, page_break=line.page_break or pending))
        blanks = 0
        pending = False
    return draft.with_lines(out)


_FOOTNOTE_LINE = re.compile(SUPERSCRIPT_NOTE_LINE)


def lift_footnotes(draft: Draft) -> Draft:
    """Move footnote texts (`¹ A/HRC/37/79。`) out of the running text.

    A PDF prints footnotes at the foot of the page, so the text layer puts them
    between the paragraphs around a page break, or wherever the page ended. They are
    set aside as notes, keeping their line numbers; the segment stage puts each
    one back at its marker.

    >>> d = lift_footnotes(Draft(lines_of("报告¹；\\n¹ A/HRC/37/79。\\n26. 确认")))
    >>> [l.text for l in d.lines], [l.text for l in d.notes]
    (['报告¹；', '26. 确认'], ['¹ A/HRC/37/79。'])
    """
    note_line = draft.profile.rx("note_line") if draft.profile else _FOOTNOTE_LINE
    flow, notes, events = [], [], []
    for line in draft.lines:
        if note_line.match(line.text):
            notes.append(line)
            events.append(Diagnostic("I003", f"footnote text moved to its marker: {line.text[:40]}",
                                     line.span.first))
            # the page break, if any, stays with the running text
            if line.page_break:
                flow.append(Line("", line.span, page_break=True))
        else:
            flow.append(line)
    return draft.with_lines(flow, notes=notes, diagnostics=events)


# Characters a paragraph can end with; a page that ends on anything else ended
# in the middle of a paragraph.
_PARAGRAPH_END = set(".;:,!?)]}>\"'»”’…。；：，、！？）】」』》〉") | {"\u060c", "\u061b", "\u06d4"}
_STARTS_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*[.．-]|\(?[a-z]{1,4}\)|\([\u0600-\u06ff]+\))\s")


def join_split_paragraphs(draft: Draft) -> Draft:
    """Join a paragraph that a page break cut in two.

    When a page ends mid-paragraph (even mid-word: `…可持续发` / `展的…`), the text
    layer shows two paragraphs. They are one when the text before the break does
    not end like a paragraph and the text after it does not start like one
    (a number, or a capital letter in a cased script).

    >>> d = join_split_paragraphs(Draft((Line("促进各国人民可持续发", Span(31, 31)),
    ...     Line("展的重要组成部分，", Span(35, 35), page_break=True))))
    >>> [(l.text, str(l.span)) for l in d.lines]
    [('促进各国人民可持续发展的重要组成部分，', '31-35')]
    >>> d = join_split_paragraphs(Draft((Line("Recalling its resolution,", Span(1, 1)),
    ...     Line("recalling also", Span(4, 4), page_break=True))))
    >>> len(d.lines)
    2
    """
    out: list[Line] = []
    events = []
    for line in draft.lines:
        previous = _last_text_line(out)
        if line.text and line.page_break and previous is not None and _continues(out[previous], line):
            head = out[previous]
            joined = Line(join_fragments(head.text, line.text), head.span | line.span, head.page_break)
            out[previous] = joined
            events.append(Diagnostic("I002", f"paragraph split by a page break joined "
                                             f"(lines {head.span.last} and {line.span.first})",
                                     line.span.first))
            continue
        out.append(line)
    return draft.with_lines(out, diagnostics=events)


def _last_text_line(lines: list[Line]) -> int | None:
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].text:
            return index
    return None


def _continues(head: Line, tail: Line) -> bool:
    end = head.text.rstrip()[-1:]
    start = tail.text.lstrip()[:1]
    if not end or not start or end in _PARAGRAPH_END:
        return False
    if _STARTS_NUMBERED.match(tail.text):
        return False
    if not (end.isalnum() or end == "-" or is_cjk(end)):
        return False
    if is_cjk(start) or is_cjk(end):
        return is_cjk(start) and is_cjk(end) and unicodedata.category(start).startswith("L")
    return start.islower() or end == "-"


def drop_blank_lines(draft: Draft) -> Draft:
    """Drop the blank lines once paragraphs are known: one line is one block.

    A page-break flag on a blank line moves to the next line with text.

    >>> d = drop_blank_lines(Draft(lines_of("a\\n\\nb")))
    >>> [l.text for l in d.lines]
    ['a', 'b']
    """
    out = []
    pending = False
    for line in draft.lines:
        if not line.text:
            pending = pending or line.page_break
            continue
        out.append(Line(line.text, line.span, line.page_break or pending) if pending else line)
        pending = False
    return draft.with_lines(out)

