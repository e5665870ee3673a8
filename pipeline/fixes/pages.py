"""Page-level fixes: what pagination did to the running text, undone.

Each fix takes a `Draft` and returns a new one; lines keep their input line spans,
and text that leaves the running text is either moved (footnotes) or recorded as a
removal, never dropped.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache

from ..diagnostics import Diagnostic
from ..languages import Profile
from ..patterns import GLUED_JOB_NUMBER, SYMBOL, is_furniture, is_job_number
from ..numerals import ascii_digits
from ..scripts import COMMAS, PARAGRAPH_END, display_width, from_superscript, is_caseless, is_cjk
from ..model import Span  # noqa: F401  (used by the doctests)
from . import geometry
from .base import Draft, Insertion, Line, Removal, joined, lines_of  # noqa: F401  (lines_of: doctests)
from .unwrap import formula_index, is_formula, is_wrapped, label_number, vote_labels

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


# the gap between two columns of a page that a layout-keeping extractor printed on one
# line; justified text stretches a space to two or three at most
_COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")


def split_masthead_columns(draft: Draft) -> Draft:
    """Give each column of the masthead a line of its own.

    An extractor that keeps the page's layout (`pdftotext -layout`) prints the
    masthead's two columns side by side: `Организация Объединенных Наций      S/2025/353`,
    `Совет Безопасности      4 June 2025`. The symbol, the date and the body's name are
    each read from a line of their own, so the lines before the enacting formula are
    cut at a wide gap; the pieces keep their input line. Without a formula nothing is
    cut: a gap in the text itself (a table, a vote in columns) is no masthead.

    >>> from pipeline.languages import load
    >>> text = ("Организация Объединенных Наций          S/2031/99\\n   Совет Безопасности       4 June 2031\\n"
    ...         "Совет Безопасности,\\nа   б      в")
    >>> for line in split_masthead_columns(Draft(lines_of(text), profile=load("ru"))).lines:
    ...     print(line.span, repr(line.text))
    1 'Организация Объединенных Наций'
    1 'S/2031/99'
    2 '   Совет Безопасности'
    2 '4 June 2031'
    3 'Совет Безопасности,'
    4 'а   б      в'
    """
    lines = draft.lines
    # five spaces in a row (a substring test) first: most layers have none anywhere
    if not any("     " in line.text for line in lines):
        return draft
    formula = formula_index(lines, draft.profile)
    if formula is None or not any(_COLUMN_GAP.search(line.text) for line in lines[:formula]):
        return draft
    out: list[Line] = []
    for line in lines[:formula]:
        out += [Line(piece, line.span, line.page_break and k == 0) for k, piece in enumerate(_COLUMN_GAP.split(line.text))]
    return draft.with_lines(out + list(lines[formula:]))




_RAISED_CALL_MAX = 12  # characters of a line that holds a call alone, spaces and brackets included


def attach_raised_calls(draft: Draft) -> Draft:
    """Put a footnote call that the text layer printed as a line of its own back
    into the text line it belongs to.

    A call is printed above the line (`العام(2)،`, `实施计划⁵是`); an extractor may take
    it for a line (or a block) of its own, just before or after its line or a line
    further on, and leave a space where it was (`العام ،`, `实施计划 是`). The call
    goes into the nearest such gap in the two text lines before and after it, or
    else at the end of the line before it. The profile says what a raised call looks
    like (`raised_call`), the gap it leaves (`raised_call_gap`) and how it is written
    back (`raised_call_text`); a bare number is a call only when a note of that number
    is printed further on (the figure of a table is not one).

    >>> from pipeline.languages import load
    >>> text = "وإذ تحيط علما بتقرير الأمين العام ،\\n(2 )\\n1- تقرر\\n(2) A/1."
    >>> [l.text for l in attach_raised_calls(Draft(lines_of(text), profile=load("ar"))).lines]
    ['وإذ تحيط علما بتقرير الأمين العام(2)،', '', '1- تقرر', '(2) A/1.']
    >>> text = "认识到其实施计\\n划 是前瞻性战略，\\n5\\n\\n铭记大会，\\n表 1\\n7\\n5 第 76/3 号决议。"
    >>> [l.text for l in attach_raised_calls(Draft(lines_of(text), profile=load("zh"))).lines][:7]
    ['认识到其实施计', '划5是前瞻性战略，', '', '', '铭记大会，', '表 1', '7']
    """
    profile = draft.profile
    if profile is None or profile.raised_call is None:
        return draft
    raised = profile.rx("raised_call")
    lines = list(draft.lines)
    # the length first: a call alone is a few characters, and most lines are longer or blank
    calls = [(i, m["marker"]) for i, line in enumerate(lines)
             if 0 < len(line.text) <= _RAISED_CALL_MAX and (m := raised.match(line.text.strip()))]
    if not calls:
        return draft
    noted = _noted_markers(lines, profile) if any(lines[i].text.strip() == marker for i, marker in calls) else {}
    gap = profile.rx("raised_call_gap")
    taken = {i for i, _ in calls}
    hosts = [i for i, line in enumerate(lines) if line.text.strip() and i not in taken]
    for i, marker in calls:
        if lines[i].text.strip() == marker and noted.get(ascii_digits(from_superscript(marker)), -1) <= i:
            continue  # a bare number and no note of that number further on: a table's figure
        call = profile.raised_call_text.format(marker=marker)
        at = bisect_left(hosts, i)  # hosts are in order: the two text lines on each side of the call
        before, after = hosts[max(0, at - 2):at][::-1], hosts[at:at + 2]
        nearest = [h for pair in zip(before + [None] * 2, after + [None] * 2) for h in pair if h is not None]
        for h in nearest:
            gaps = list(gap.finditer(lines[h].text))
            if gaps:
                where = gaps[-1] if h < i else gaps[0]
                text = lines[h].text
                # the call's line joins the host's span: that records the move
                lines[h] = Line(text[:where.start()] + call + text[where.end():], lines[h].span | lines[i].span,
                                lines[h].page_break)
                break
        else:
            if not before:
                continue
            h = before[0]
            lines[h] = Line(lines[h].text + call, lines[h].span | lines[i].span, lines[h].page_break)
        lines[i] = Line("", lines[i].span, lines[i].page_break)
    return draft.with_lines(lines)


def _noted_markers(lines: list[Line], profile: Profile) -> dict[str, int]:
    """The markers of the notes printed in `lines` (a note's first line, with the
    profile's marker or a plain number), each with the index of its last such line."""
    note_line = profile.rx("note_line")
    noted = {}
    for i, line in enumerate(lines):
        text = line.text.strip()
        m = note_line.match(text) or _PLAIN_NOTE.match(text)
        if m:
            noted[ascii_digits(from_superscript(m["marker"]))] = i
    return noted


def lift_footnotes(draft: Draft) -> Draft:
    """Move footnote texts (`¹ A/HRC/37/79。`) out of the running text.

    A PDF prints footnotes at the foot of the page, so the text layer puts them
    between the paragraphs around a page break, or wherever the page ended. They are
    set aside as notes, keeping their line numbers; the segment stage puts each
    one back at its marker. A note that does not end with a full stop goes on in
    the next line of the same page, and a note of several lines at the end of the
    text up to its end; notes run together in one block are separated at their
    markers.

    >>> d = lift_footnotes(Draft(lines_of("报告¹；\\n¹ A/HRC/37/79。\\n26. 确认")))
    >>> [l.text for l in d.lines], [l.text for l in d.notes]
    (['报告¹；', '26. 确认'], ['¹ A/HRC/37/79。'])
    >>> d = lift_footnotes(Draft(lines_of("¹ See the report of\\n\\nthe Council. ² A/78/1.\\nRecalling")))
    >>> [(str(l.span), l.text) for l in d.notes]
    [('1-3', '¹ See the report of the Council.'), ('1-3', '² A/78/1.')]
    >>> d = lift_footnotes(Draft(lines_of("Decides to remain seized.\\n\\n¹ See resolution 2015/33, which sets out\\n"
    ...                                   "the elements of the arrangement.\\nIts review is guided by part XII.\\n")))
    >>> [l.text for l in d.lines if l.text], [l.text for l in d.notes]
    (['Decides to remain seized.'], ['¹ See resolution 2015/33, which sets out the elements of the arrangement. \
Its review is guided by part XII.'])
    """
    note_line = draft.profile.rx("note_line") if draft.profile else geometry.FOOTNOTE_LINE
    inside = _note_inside(note_line)
    flow: list[Line] = []
    notes: list[Line] = []
    removed: list[Removal] = []
    open_note = False  # the last note may go on in the next line
    after_note = False  # the last line with text was (part of) a note
    last_block = _last_block(draft.lines)
    last_block_line = draft.lines[last_block].span.first if last_block < len(draft.lines) else 0
    for i, line in enumerate(draft.lines):
        text = line.text
        if not text.strip():
            flow.append(line)
            continue
        # a line that carries the next note ("….² 大会…") is the rest of the notes
        carries_note = after_note and not line.page_break and inside is not None and inside.search(text)
        # read as the note will be kept, without the space a page's form feed left before it
        starts_note = note_line.match(text.lstrip())
        # the notes of the last page end the text: a note there, printed over several
        # lines, that ends a sentence at a line end goes on in the lines after it, up
        # to the end (nothing follows a page's notes but its foot, taken out already).
        # Not a note of one line, which may be a block layer's, whose page is one
        # block, nor one that began before that block.
        ends_text = (after_note and i > last_block and not line.page_break
                     and last_block_line <= notes[-1].span.first < notes[-1].span.last)
        if starts_note or (open_note and not line.page_break) or carries_note or ends_text:
            if starts_note:
                pieces = [Line(text, line.span)]
            else:  # the rest of the last note
                last = notes.pop()
                hyphen: list[Removal] = []
                rest = joined(last, text.strip(), line.span, hyphen)
                if not note_line.match(rest.text):
                    # joined without a space, the note's start can stop reading as one
                    # (a mirrored Arabic marker ".A/78/601 )3(" before Chinese text)
                    rest, hyphen = Line(f"{last.text} {text.strip()}", last.span | line.span), []
                removed += hyphen
                pieces = [Line(rest.text, last.span | line.span)]
            for piece in pieces:
                notes.extend(_split_notes(piece, inside, note_line))
            open_note = _note_goes_on(notes[-1].text)
            after_note = True
            if line.page_break:  # the page break stays with the running text
                flow.append(Line("", line.span, page_break=True))
            continue
        open_note = after_note = False
        flow.append(line)
    events = [Diagnostic("I003", f"footnote text moved to its marker: {n.text[:40]}", n.span.first)
              for n in notes]
    return draft.with_lines(flow, notes=notes, diagnostics=events, removed=removed)


def _last_block(lines) -> int:
    """The index of the first line of the text's last block: its last lines with text,
    on one page, with no blank line between them (len(lines) when no line has text)."""
    end = len(lines)
    while end and not lines[end - 1].text.strip():
        end -= 1
    if not end:
        return len(lines)
    start = end - 1
    while start and lines[start - 1].text.strip() and not lines[start].page_break:
        start -= 1
    return start


_NOTE_END = (".", "。", "．", "!", "?", ")", "）", "»", "”")
# A symbol cut after the point of its last part ("A/C.6/65/SR." / "11, …") ends no note.
_CUT_SYMBOL = re.compile(r"/[A-Z][A-Za-z]*\.$")


def _note_goes_on(text: str) -> bool:
    """A note goes on in the next line unless it ends like a sentence.

    >>> _note_goes_on("¹ A/78/1."), _note_goes_on("¹ See the report of"), _note_goes_on("¹ See A/C.6/65/SR.")
    (False, True, True)
    """
    text = text.rstrip()
    return not text.endswith(_NOTE_END) or bool(_CUT_SYMBOL.search(text))


def _note_inside(note_line: re.Pattern) -> re.Pattern | None:
    """Where a second note starts inside a line: its marker after a full stop, or
    after the mirrored marker that ends a note a block layer printed in visual order
    (`.A/75/73 )1( .E/2020/52/Rev.1 )2(`: there the full stop comes first).

    >>> from pipeline.languages import load
    >>> inside = _note_inside(load("ar").rx("note_line"))
    >>> [n.text for n in _split_notes(Line(".A/75/73 )1(.E/2020/52 )2( (3) انظر .E/2021/SR.1", Span(1, 1)), inside)]
    ['.A/75/73 )1(', '.E/2020/52 )2(', '(3) انظر .E/2021/SR.1']
    >>> [n.text for n in _split_notes(Line("(6) القرار 60/288..A/77/97 )7(", Span(1, 1)), inside)]
    ['(6) القرار 60/288.', '.A/77/97 )7(']
    >>> inside = _note_inside(load("zh").rx("note_line"))
    >>> [n.text for n in _split_notes(Line("¹ 见第 4321 A (LX)号决议，附件。² 同上。", Span(1, 1)), inside)]
    ['¹ 见第 4321 A (LX)号决议，附件。', '² 同上。']
    """
    if not note_line.pattern.startswith("^"):
        return None
    # a Chinese full stop needs no space after it: `…解释。² 见大会…`
    after_stop = r"(?:(?<=[.。．;；]) |(?<=[。．；]))" + note_line.pattern[1:]
    # after a mirrored marker: the next note, in logical "(3) …" or mirrored ".E/2020/52 )2(" order
    after_mirrored = (r"(?:(?<=\)\d\()|(?<=\)\d\d\()) ?(?=\(\d|\S[^()]*?\s\)\d{1,3}\()"
                      # or after a full stop, a mirrored note of one token: "… 60/288. .A/77/97 )7("
                      r"|(?<=[.]) ?(?=\.[^\s()]+\s\)\d{1,3}\()")
    return re.compile(f"{after_stop}|{after_mirrored}")


# "(4) …": a note in reading order, and the call of the note after it inside its text
_LEADING_MARKER = re.compile(r"^\((\d{1,3})\)\s")
_INNER_MARKER = re.compile(r"\s\((\d{1,3})\)\s")


def _split_notes(note: Line, inside: re.Pattern | None, note_line: re.Pattern | None = None) -> list[Line]:
    """Notes run together in one line, separated at their markers. Where a visual-order
    layer moved a note's full stop to the front of a symbol (`(4) انظر .A/59/361 (5) …`),
    no stop precedes the next marker; the marker that comes next in the sequence
    separates them then. With `note_line`, a line is cut only where every piece reads
    as a note: a mirrored marker ends its note, and a cut before it would leave the
    note's text with no marker (`… 。 )1(`).

    >>> [n.text for n in _split_notes(Line("(4) انظر .A/59/361 (5) القرار 60/1.", Span(1, 1)), None)]
    ['(4) انظر .A/59/361', '(5) القرار 60/1.']
    >>> [n.text for n in _split_notes(Line("(4) see rule (2) and (6) of A/1.", Span(1, 1)), None)]
    ['(4) see rule (2) and (6) of A/1.']
    """
    out, start = [], 0
    for m in inside.finditer(note.text) if inside is not None else ():
        out.append(note.text[start:m.start()].strip())
        start = m.start()
    out.append(note.text[start:].strip())
    pieces = [text for piece in out if piece for text in _split_in_sequence(piece)]
    if note_line is not None and len(pieces) > 1 and not all(note_line.match(piece) for piece in pieces):
        return [Line(note.text.strip(), note.span)]
    return [Line(text, note.span) for text in pieces]


def _split_in_sequence(text: str) -> list[str]:
    lead = _LEADING_MARKER.match(text)
    if lead is None:
        return [text]
    following = str(int(lead.group(1)) + 1)
    for m in _INNER_MARKER.finditer(text):
        if m.group(1) == following:
            return [text[:m.start()].strip(), *_split_in_sequence(text[m.start():].strip())]
    return [text]


_STARTS_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*[.．-]|\(?[a-z]{1,4}\)|\([\u0600-\u06ff]+\))\s")


def join_split_paragraphs(draft: Draft) -> Draft:
    """Join a paragraph that a page break cut in two.

    When a page ends mid-paragraph (even mid-word: `…可持续发` / `展的…`), the text
    layer shows two paragraphs. They are one when the text before the break does
    not end like a paragraph and the text after it does not start like one
    (a number, or a capital letter in a cased script). A block extractor can also
    give the last line of a paragraph a block of its own (`…遵守国际法的重` / `要性，`).

    >>> d = join_split_paragraphs(Draft((Line("促进各国人民可持续发", Span(31, 31)),
    ...     Line("展的重要组成部分，", Span(35, 35), page_break=True))))
    >>> [(l.text, str(l.span)) for l in d.lines]
    [('促进各国人民可持续发展的重要组成部分，', '31-35')]
    >>> d = join_split_paragraphs(Draft((Line("Recalling its resolution,", Span(1, 1)),
    ...     Line("Recalling also", Span(4, 4), page_break=True))))
    >>> len(d.lines)
    2
    >>> d = join_split_paragraphs(Draft((Line("Recalling its resolution of", Span(1, 1)),
    ...     Line("2012, and recalling also", Span(4, 4), page_break=True))))
    >>> [l.text for l in d.lines]
    ['Recalling its resolution of 2012, and recalling also']
    >>> from pipeline.languages import load
    >>> d = join_split_paragraphs(Draft(lines_of("强调指出遵守国际法的重\\n\\n要性，\\n\\n标题\\n\\n报告；"), profile=load("zh")))
    >>> [l.text for l in d.lines if l.text]
    ['强调指出遵守国际法的重要性，', '标题', '报告；']
    >>> d = join_split_paragraphs(Draft((Line("Recalling the Convention on Small Arms", Span(1, 1)),
    ...     Line("Light Weapons and Ammunition,", Span(4, 4), page_break=True)), profile=load("en")))
    >>> [l.text for l in d.lines]
    ['Recalling the Convention on Small Arms Light Weapons and Ammunition,']
    >>> d = join_split_paragraphs(Draft((Line("Russian", Span(4, 4)), Line(
    ...     "принятая Советом Безопасности на его 9999-м заседании 5 марта 2031 года", Span(7, 7),
    ...     page_break=True)), profile=load("ru")))
    >>> len(d.lines)  # the masthead's last line, and the adoption line after two blank lines
    2
    """
    out: list[Line] = []
    events, removed = [], []
    in_body = False  # past the formula: where a caseless script's blocks are joined inside a page too
    # the last line with text so far, kept as lines are added: looking for it back over
    # the blank lines each time was quadratic in a layer padded with blank lines
    previous: int | None = None
    for line in draft.lines:
        # a PDF's layout, where it tells, overrides the words
        measured = geometry.continues(draft, out[previous] if previous is not None else None, line)
        if not line.text or previous is None:
            joins = False
        elif measured is not None:
            joins = measured
        else:
            cut = line.page_break or _is_last_line(out[previous], line, draft.profile)
            joins = ((cut and _continues(out[previous], line, draft.profile))
                     or ((line.page_break or in_body) and _caseless_continues(out[previous], line, draft.profile))
                     or _mid_sentence(out[previous], line, draft.profile))
        in_body = in_body or is_formula(line.text, draft.profile)
        if joins:
            head = out[previous]
            out[previous] = joined(head, line.text, line.span, removed)
            broke = "page" if line.page_break else "block"
            events.append(Diagnostic("I002", f"paragraph split by a {broke} break joined "
                                             f"(lines {head.span.last} and {line.span.first})",
                                     line.span.first))
            continue
        out.append(line)
        if line.text:
            previous = len(out) - 1
    return draft.with_lines(out, diagnostics=events, removed=removed)


# How the last line of a paragraph ends; not a colon, which ends a label ("反对：").
_LINE_END = set(".;,!?)。；，！？）")


def _is_last_line(head: Line, tail: Line, profile: Profile | None) -> bool:
    """Whether `tail` may be the last line of the paragraph `head`, given a block of
    its own: a short piece that ends like a paragraph line (not a label's colon,
    `反对：`), after a block that opens like a paragraph (its number or opening phrase).
    """
    text = tail.text.strip()
    if not (0 < len(text) <= _FRAGMENT_MAX and text[-1] in _LINE_END and display_width(text) <= _FRAGMENT_MAX) or _HANGING_LABEL.fullmatch(text):
        return False
    return profile is not None and any(profile.rx(name).match(head.text.strip())
                                       for name in ("operative", "opening_phrase", "operative_phrase"))


def _continues(head: Line, tail: Line, profile: Profile | None) -> bool:
    """Whether `tail`, the first line of a page, goes on with `head`, the last line
    of the page before. The profile says what opens a paragraph (a lower-case
    gerund in Russian) and what stands alone (the closing date, an annex heading)."""
    end = head.text.rstrip()[-1:]
    start = tail.text.lstrip()[:1]
    if not end or not start or _STARTS_NUMBERED.match(tail.text):
        return False
    if profile is not None and (_heads_annex_part(tail.text, profile) or _heads_annex_part(head.text, profile)
                                or profile.rx("date").search(head.text[-20:])):
        return False  # "… 2023年7月25日" + "附件": a closing line and an annex heading; "Table 1"
    if profile is not None and (any(profile.rx(name).match(tail.text.strip()) for name in _OWN_LINES)
                                or _masthead_line(head.text, profile)):
        return False  # "Russian" + "принятая Советом Безопасности …": the masthead, then the adoption line
    opening = profile.rx("opening_phrase") if profile else None
    if is_cjk(start) or is_cjk(end):
        return (is_cjk(start) and is_cjk(end) and end not in PARAGRAPH_END
                and unicodedata.category(start).startswith("L"))
    lower_or_digit = start.islower() or start.isdigit()
    tail_opens = bool(opening and opening.match(tail.text.lstrip()))
    if end in ",—–":  # a clause goes on, unless the next line opens a paragraph of its own
        return lower_or_digit and not tail_opens
    if end in PARAGRAPH_END or not (end.isalnum() or end == "-"):
        return False
    # a preambular paragraph always ends with its punctuation: cut without it, it goes on
    # even with a capital (`…la Convención sobre las Armas` / `Pequeñas y las Armas…`)
    recital = bool(opening and opening.match(head.text.lstrip()))
    return lower_or_digit or end == "-" or _ends_on_short_word(head.text) or (recital and not tail_opens)


# lines that open a block of their own wherever a page break falls before them
_OWN_LINES = ("adoption_line", "sc_adoption")
# the masthead's lines, each a line of its own ("Chinese", "Distr.: General", "Agenda item 19 (a)")
_MASTHEAD_PATTERNS = ("distribution", "original", "session", "session_dates", "agenda_item")


def _masthead_line(text: str, profile: Profile) -> bool:
    """A line of the masthead, which nothing after it continues: a layer that keeps
    the page's layout leaves blank lines below the masthead that read as a page break.

    >>> from pipeline.languages import load
    >>> [_masthead_line(t, load("zh")) for t in ("Chinese", "议程项目19 (a)", "E/RES/2022/4", "回顾其决议")]
    [True, True, True, False]
    """
    text = text.strip()
    return (text in profile.language_names or text in profile.organization_names or bool(SYMBOL.match(text))
            or any(profile.rx(name).match(text) for name in _MASTHEAD_PATTERNS))


_CASELESS_HEAD_MIN = 60  # characters: a paragraph cut short, not a heading, a closing line or a label


def _mid_sentence(head: Line, tail: Line, profile: Profile | None) -> bool:
    """A block that stops on a word and a block that goes on in lower case, inside a
    page: one sentence that an extractor cut into blocks line by line (pdfminer
    parts lines it finds far apart: `…la Asamblea General tomó` / `conocimiento de la
    nota…`): the first as wide as a printed line, not the formula (`Экономический и
    Социальный Совет` / `рекомендует…`) nor a label (`Section A` / `a décidé…`); the
    second no lower-case opening phrase (Russian `отмечая`): a paragraph of its own.

    >>> from pipeline.languages import load
    >>> head = Line("En su 79ª sesión plenaria, la Asamblea General tomó", Span(1, 1))
    >>> _mid_sentence(head, Line("conocimiento de la nota del Secretario General.", Span(3, 3)), load("es"))
    True
    >>> _mid_sentence(Line("Совет Безопасности,", Span(1, 1)), Line("отмечая доклад", Span(3, 3)), load("ru"))
    False
    >>> _mid_sentence(Line("принимая во внимание доклад", Span(1, 1)), Line("отмечая доклад", Span(3, 3)), load("ru"))
    False
    """
    end, start = head.text.rstrip()[-1:], tail.text.lstrip()[:1]
    return (start.islower() and end.isalpha() and not is_cjk(end) and len(head.text.strip()) >= _PRINTED_LINE_MIN
            and not is_formula(head.text.strip(), profile)
            and _continues(head, tail, profile) and not _opens(tail.text, profile))


_PRINTED_LINE_MIN = 50  # characters of a printed line of running text, at the least (about 90 when full)


def _caseless_continues(head: Line, tail: Line, profile: Profile | None) -> bool:
    """In a script without capitals (Arabic) no capital opens a paragraph, and a
    block layer also cuts paragraphs inside a page (at a line that starts with a
    bracket or a number): a long block that stops without punctuation (or on the
    asterisk of a list of names) goes on in the next one unless that opens a block of
    its own (`_opens`).

    >>> from pipeline.languages import load
    >>> head = Line("وإذ يشير إلى قراري الجمعية العامة المتعلقين بإنهاء الاستعمار 1514 المؤرخ 14 كانون الأول 1960 و 1541", Span(1, 1))
    >>> _caseless_continues(head, Line("(د-15) المؤرخ 15 كانون الأول/ديسمبر 1960،", Span(3, 3)), load("ar"))
    True
    >>> _caseless_continues(head, Line("وإذ يضع في اعتباره الأحكام ذات الصلة،", Span(3, 3)), load("ar"))
    False
    >>> names = Line("تتألف اللجنة على النحو التالي: سوريندرا كومار أدهانا (الهند)* وماتسودا يوكيكو (اليابان)***", Span(5, 5))
    >>> _caseless_continues(names, Line("وكارولين نالوانغا (أوغندا)*.", Span(9, 9)), load("ar"))
    True
    >>> month = Line("19 - يشير إلى أن اللجنة الاقتصادية لأمريكا اللاتينية اتخذت في 16 أيار/", Span(1, 1))
    >>> _caseless_continues(month, Line("مايو 1998 قرارها 574 الذي دعت فيه اللجنة", Span(3, 3)), load("ar"))
    True
    """
    end = head.text.rstrip()[-1:]
    # a numbered operative paragraph ends with a semicolon or a full stop: one cut
    # after a comma goes on (a preambular paragraph ends with a comma: not that one);
    # nothing ends on a slash, which joins the two names of a month (`أيار/` / `مايو 1998`)
    unfinished = end.isalnum() or end in "-*/" or (
        end in COMMAS and profile is not None and bool(profile.rx("operative").match(head.text)))
    return (bool(end) and unfinished and len(head.text) >= _CASELESS_HEAD_MIN
            and is_caseless(_first_letter(tail.text)) and not _opens(tail.text, profile))


def _heads_annex_part(text: str, profile: Profile) -> bool:
    """An annex heading or a table's label: a line of its own, never joined."""
    text = text.strip()
    return bool(profile.rx("annex").match(text) or profile.rx("table_label").match(text))


def _first_letter(text: str) -> str:
    m = re.search(r"[^\W\d_]", text)
    return m.group() if m else ""


def _opens(text: str, profile: Profile | None) -> bool:
    """The line opens a block of its own: an opening phrase, a number, an item, the
    formula, an annex heading, a closing line (meeting, date), a vote label."""
    if profile is None:
        return False
    text = text.lstrip()
    return (text.startswith(("[", "［"))
            or any(profile.rx(name).match(text)
                   for name in ("opening_phrase", "operative", "item", "annex", "table_label", "meeting", "date"))
            or any(label.match(text) for label in vote_labels(profile))
            or is_formula(text, profile))


def _ends_on_short_word(text: str) -> bool:
    """A line ending on a short lower-case word ("en la que la") stops mid-phrase."""
    m = re.search(r"(\w+)\W*$", text)
    return bool(m) and len(m.group(1)) <= 3 and m.group(1).isalpha() and m.group(1).islower()


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



def _pages(lines: tuple[Line, ...]) -> list[list[int]]:
    """Indexes of the lines of each page (a page starts at a page-break flag)."""
    pages: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if line.page_break and pages[-1]:
            pages.append([])
        pages[-1].append(index)
    return pages


def remove_page_furniture(draft: Draft) -> Draft:
    """Take out what the page prints around the text: running headers, page numbers,
    job numbers and barcodes.

    They come from every page of a PDF's text layer (`pdftotext`): the document
    symbol at the top of later pages, and at the foot a page number and the job
    number (`GE.23-39077(E)`, `23-43320 (E)`) with a barcode (`*2339077*`), the job
    number sometimes run on to the last line of text. Symbols and page numbers are
    looked for only at the top and the foot of a page, so a number or symbol inside
    the text stays; a job number or a barcode is taken wherever the extractor put it
    on the page (it can print it above the page's last paragraph). Every removal is
    recorded with its line.

    pdftotext runs the job number on to a line only when that line ended with a
    hyphen, which it dropped: the hyphen is put back, so that the word is closed up
    with its end on the next page.

    >>> text = "The Council,\\nRecalling its situGE.23-39077(E)\\n*2339077*\\n\\x0cA/HRC/RES/54/17\\n\\nations,\\n2\\n"
    >>> d = remove_page_furniture(mark_page_breaks(Draft(lines_of(text))))
    >>> [l.text for l in d.lines if l.text], [(r.line, r.text) for r in d.removed]
    (['The Council,', 'Recalling its situ-', 'ations,'], [(2, 'GE.23-39077(E)'), (3, '*2339077*'), (4, 'A/HRC/RES/54/17'), (7, '2')])
    >>> d = remove_page_furniture(mark_page_breaks(Draft(lines_of("a\\n\\x0cb\\n3\\n23-69182\\n*2369182*\\nc"))))
    >>> [l.text for l in d.lines if l.text]
    ['a', 'b', '3', 'c']
    >>> text = "Urges all States;\\n11.\\n22-88725\\nDecides to remain seized.\\n3\\n"
    >>> d = remove_page_furniture(mark_page_breaks(Draft(lines_of(text))))
    >>> [l.text for l in d.lines if l.text]
    ['Urges all States;', '11.', 'Decides to remain seized.']
    """
    lines = list(draft.lines)
    removed: list[Removal] = []
    inserted: list[Insertion] = []

    def drop(index: int, reason: str) -> None:
        line = lines[index]
        removed.append(Removal(line.span.first, line.text, reason))
        lines[index] = Line("", line.span, line.page_break)

    pages = _pages(draft.lines)
    headers = _running_headers(draft.lines, pages)
    for number, page in enumerate(pages):
        filled = [i for i in page if lines[i].text.strip()]
        if number > 0 and filled and SYMBOL.match(lines[filled[0]].text.strip()):
            drop(filled.pop(0), "running header")
        # an extractor that reads the page's text before its margins (PyMuPDF) prints
        # the running header at the foot, among the page number and the job number
        footer = False  # furniture was found at this page's foot
        while filled:
            text = lines[filled[-1]].text.strip()
            # a symbol among the footer's lines is the running header too (a document of
            # two pages prints it once), not a note's last line, which ends with its point
            if not (is_furniture(text) or text in headers
                    or (footer and SYMBOL.match(text) and not text.endswith("."))):
                break
            drop(filled.pop(), "running header" if SYMBOL.match(text) else "page footer")
            footer = True
        for i in filled:  # a page number the extractor left inside the page, between blank lines
            if (lines[i].text.strip() in (str(number + 1), str(number + 2)) and _alone(draft.lines, i)):
                drop(i, "page number")
        # a job number or barcode wherever it stands: before the page's last paragraph,
        # or between a hanging number and its text (`8.` / `24-32833` / `Decides…`)
        for index in [i for i in filled if is_job_number(lines[i].text)]:
            drop(index, "page furniture")
            filled.remove(index)
        if filled:
            last = lines[filled[-1]]
            glued = GLUED_JOB_NUMBER.search(last.text)
            if glued and (number + 1 < len(pages) or len(filled) < len(page)):
                removed.append(Removal(last.span.first, glued.group(), "page footer"))
                # the extractor glues the next line on only after a hyphen, which it drops
                head = last.text[:glued.start()]
                if head[-1:].isalpha():
                    inserted.append(Insertion(last.span.last, "-", "hyphen the extractor dropped at a page end"))
                    head += "-"
                lines[filled[-1]] = Line(head, last.span, last.page_break)
    removed.sort(key=lambda r: r.line)
    events = [Diagnostic("I001", f"page furniture removed ({r.reason}): {r.text}", r.line) for r in removed]
    return draft.with_lines(lines, removed=removed, diagnostics=events, inserted=inserted)


def _running_headers(lines: tuple[Line, ...], pages: list[list[int]]) -> set[str]:
    """The symbols printed alone on a line on more than one page: the running header.

    >>> from .base import lines_of
    >>> d = mark_page_breaks(Draft(lines_of("A/RES/91/7\\na\\n\\x0cb\\nA/RES/91/7\\n2\\n\\x0cc\\nsee\\nA/78/1")))
    >>> sorted(_running_headers(d.lines, _pages(d.lines)))
    ['A/RES/91/7']
    """
    seen: dict[str, set[int]] = {}
    for number, page in enumerate(pages):
        for i in page:
            text = lines[i].text
            if "/" in text and SYMBOL.match(text := text.strip()):  # the test in C first: most lines hold no slash
                seen.setdefault(text, set()).add(number)
    return {text for text, on in seen.items() if len(on) > 1}


def _alone(lines: tuple[Line, ...], index: int) -> bool:
    """A line with blank lines (or the edge of the text) on both sides."""
    before = index == 0 or not lines[index - 1].text.strip()
    after = index + 1 >= len(lines) or not lines[index + 1].text.strip()
    return before and after



# A number, a space and the note's text; not "1 - Title", an Arabic paragraph number.
_PLAIN_NOTE = re.compile(r"^(?P<marker>\d{1,3})\s+(?=[^\s\-–])")


# Where a plain-digit call can sit in the text (see pipeline.segment.inline).
@cache
def _glued_call(marker: int) -> re.Pattern:
    """The call `marker` glued to what precedes it (a letter, a punctuation mark, a
    year), followed by no digit. The marker comes first and the places it may follow
    are look-behinds that include it: a pattern that opens with a literal lets the
    regex engine skip to each occurrence of the number instead of trying three
    look-behinds at every character of the text so far (this search was most of
    lift_page_footnotes' time).

    The last part of a document symbol is no call (`E/2024/L.14`, `A/78/53/Add.1`), nor
    the decimals of a number written with a decimal comma (`0,20 процента`).

    >>> [bool(_glued_call(1).search(t)) for t in ("Treaty,1 and", "in 20161", "page 1", "Treaty,12", "its\\n1\\nsession")]
    [True, True, False, False, True]
    >>> [bool(_glued_call(14).search(t)) for t in ("(E/2024/L.14)", "A/C.2/SR.14", "A/78/1/Add.14", "Unidas.14")]
    [False, False, False, True]
    >>> [bool(_glued_call(20).search(t)) for t in ("0,15–0,20 процента", "12,20 %", "2015,20 and")]
    [False, False, True]
    """
    m = str(marker)
    symbol_part = "".join(rf"(?<!{part}\.{m})" for part in _SYMBOL_PARTS)
    # or a line of its own: a raised call the extractor set between two lines
    return re.compile(rf"{m}(?:(?<=[^\W\d_]{m})|(?<=[,.;:)\]”’\"»，。；：、）》」』]{m})|(?<=\b(?:19|20)\d\d{m})"
                      rf"|(?<=\n{m})(?=\n))(?!\d)(?<![A-Z]\.{m}){symbol_part}(?<!\b\d,{m})(?<!\b\d\d,{m})")


# numbered parts of document symbols written in lower case after a capital (`Add.1`):
# a part in capitals (`L.14`, `SR.12`, `PV.5`) ends in a capital before its point
_SYMBOL_PARTS = ("Add", "Rev", "Corr", "Amend")


_MAX_NOTE_LINES = 15  # a footnote longer than this is more likely running text


def lift_page_footnotes(draft: Draft) -> Draft:
    """Move footnote texts printed at the foot of a page, numbered in plain digits
    (`1 United Nations, Treaty Series, vol. 1015.`), out of the running text.

    A plain text layer (pdftotext) loses the superscript, so a note looks like any
    line that starts with a number (`2 December 2014, 70/52 of …`). A line is taken
    for a note only in a hard-wrapped layer, at the foot of a page (nothing but notes
    after it on that page), when its number continues the numbering of the notes
    before it and its call (the same number glued to a word, `Treaty,1`) is in the
    text before it; the lines after it up to the next note are its text.

    >>> from .base import lines_of
    >>> text = ("Recalling the Treaty,1\\n2 December 2014, by\\nthe Assembly, and\\nthe\\nCouncil,\\n"
    ...         "1 Treaty Series, vol. 1.\\n\\nSee also vol. 2.\\n\\x0cNext page")
    >>> d = lift_page_footnotes(mark_page_breaks(Draft(lines_of(text))))
    >>> [l.text for l in d.notes]
    ['1 Treaty Series, vol. 1. See also vol. 2.']
    >>> [l.text for l in d.lines if l.text][:3]
    ['Recalling the Treaty,1', '2 December 2014, by', 'the Assembly, and']
    """
    if not is_wrapped(draft.lines, draft.profile):  # the unwrapper's notion of a wrapped layer
        return draft
    lines = list(draft.lines)
    notes: list[Line] = []
    removed: list[Removal] = []
    inserted: list[Insertion] = []
    taken: set[int] = set()  # the markers of the notes lifted so far
    before = ""  # the running text so far, where the calls are
    for page in _pages(draft.lines):
        filled = [i for i in page if lines[i].text.strip()]
        start = _foot_notes_start(lines, filled, taken, before, draft.profile)
        body = filled if start is None else filled[:start]
        foot = [] if start is None else filled[start:]
        current: Line | None = None
        glued = _glued_note(lines, body, foot, taken, before)
        if glued is not None:
            k, cut, marker = glued
            taken.add(marker)
            head = lines[body[k]]
            # the extractor took the hyphen of the broken word when it glued the note on
            lines[body[k]] = Line(head.text[:cut] + "-", head.span, head.page_break)
            inserted.append(Insertion(head.span.last, "-", "hyphen the extractor dropped at a page end"))
            current = Line(head.text[cut:], head.span)
            for i in body[k + 1:]:  # the rest of the page is the note's text
                current = joined(current, lines[i].text, lines[i].span, removed)
                lines[i] = Line("", lines[i].span, lines[i].page_break)
            body = body[:k + 1]
        before += "\n".join(lines[i].text for i in body) + "\n"
        if start is None and current is None:
            continue
        for i in foot:
            line = lines[i]
            m = _PLAIN_NOTE.match(line.text)
            if m and (current is None or int(m["marker"]) == marker + 1):
                if current is not None:
                    notes.append(current)
                current, marker = Line(line.text, line.span), int(m["marker"])
                taken.add(marker)
            else:
                current = joined(current, line.text, line.span, removed)
            lines[i] = Line("", line.span, line.page_break)
        notes.append(current)
    if not notes:
        return draft
    events = [Diagnostic("I003", f"footnote text moved to its marker: {n.text[:40]}", n.span.first) for n in notes]
    return draft.with_lines(lines, notes=notes, diagnostics=events, removed=removed, inserted=inserted)


def _foot_notes_start(lines: list[Line], filled: list[int], taken: set[int], before: str,
                      profile: Profile | None) -> int | None:
    """Position (in `filled`) of the first note of the block of notes at the foot of
    a page; None when the page has none.

    A note's number is one not taken yet; it need not follow the last one, because
    a note that does not fit on its page is printed on a later one, out of order
    (note 1 at the foot of page 10, notes 6 and 7 on pages of their own after the
    text). The adoption date alone on its line (`3 de abril de 2025`) starts with a
    number too, and no note is printed above it; no note starts with a date. A line
    that starts with a number no call has, after a line that does not end a
    sentence, is that line's continuation (`…，第` / `324 段。`)."""
    best, expected = None, None
    for k in range(len(filled) - 1, -1, -1):
        if (best if best is not None else len(filled)) - k > _MAX_NOTE_LINES:
            break  # too far above the last note (or the foot) to be a note
        m = _PLAIN_NOTE.match(lines[filled[k]].text)
        if not m:
            continue
        if profile is not None and profile.closing_line(lines[filled[k]].text.strip()) is not None:
            break
        if profile is not None and profile.rx("date").match(lines[filled[k]].text.strip()):
            continue  # "20 июля 2022 года …": a date that a line wrapped before, its day no note's number
        marker = int(m["marker"])
        if marker in taken or (expected is not None and marker != expected):
            break
        text_before = before + "\n".join(lines[i].text for i in filled[:k])
        if not _glued_call(marker).search(text_before):
            if k and _note_goes_on(lines[filled[k - 1]].text):
                continue  # "32 见 …，第" / "324 段。": a number that goes on with the line above
            break
        best, expected = k, marker - 1
    return best


def split_glued_formulas(draft: Draft) -> Draft:
    """Put an enacting formula that was run on to the end of a line back on a line of
    its own.

    pdftotext closes up a word hyphenated at a line end with the next line, even
    when that line is the formula of a draft the paragraph recommends (`…проект
    резолю-` / `Генеральная Ассамблея,` → `…резолюГенеральная Ассамблея,`). The
    formula is split off and the word gets its hyphen back. Only a formula glued to
    a lower-case letter is split; in a caseless script a body's name inside a
    sentence looks the same.

    >>> from pipeline.languages import load
    >>> text = "рекомендует принять проект резолюГенеральная Ассамблея,\\nподчеркивая"
    >>> [l.text for l in split_glued_formulas(Draft(lines_of(text), profile=load("ru"))).lines]
    ['рекомендует принять проект резолю-', 'Генеральная Ассамблея,', 'подчеркивая']
    """
    if draft.profile is None:
        return draft
    formulas, anywhere = _unanchored_formulas(tuple(words.formula for words in draft.profile.bodies.values()))
    lines: list[Line] = []
    inserted = []
    for line in draft.lines:
        # one search finds the lines that hold no formula at all, nearly all of them
        glued = None if not anywhere.search(line.text) else next(
            (m for m in (f.search(line.text) for f in formulas)
             if m and m.start() > 0 and line.text[m.start() - 1].islower()), None)
        if glued is None:
            lines.append(line)
            continue
        lines += [Line(line.text[:glued.start()] + "-", line.span, line.page_break),
                  Line(glued.group(), line.span)]
        inserted.append(Insertion(line.span.first, "-", "hyphen the extractor dropped at a line end"))
    return draft.with_lines(lines, inserted=inserted)


@cache
def _unanchored_formulas(patterns: tuple[str, ...]) -> tuple[tuple[re.Pattern, ...], re.Pattern]:
    """The bodies' formulas found anywhere in a line, one by one and all at once."""
    bare = tuple(p.removeprefix("^") for p in patterns)
    return tuple(re.compile(p) for p in bare), re.compile("|".join(f"(?:{p})" for p in bare))


# A note run on to the last text line of a page: "…para el desa4 Resolución 69/283."
_GLUED_NOTE = re.compile(r"(?<=[^\W\d_])(?P<marker>\d{1,3}) (?=\S)")
_GLUED_NOTE_LINES = 3  # the line it is glued to, and two more lines of its text


def _glued_note(lines: list[Line], body: list[int], foot: list[int], taken: set[int],
                before: str) -> tuple[int, int, int] | None:
    """A footnote that the extractor ran on to the last text line of a page:
    (position in `body` of that line, where the note starts, its marker), or None.

    When a page ends in a word hyphenated across the page break, pdftotext joins
    the next printed line to it, dropping the hyphen, and at the foot of a page
    that line is the first footnote: `…indispensable para el desa4 Resolución
    69/283, anexo I.` A number glued to the end of a word is also how a call
    looks, so it is a note only near the end of the page, after its own call,
    and numbered next (right before the notes printed under it, if any).

    >>> lines = [Line(t, Span(n, n)) for n, t in enumerate(["Recalling Sendai4 and",
    ...          "the Framework for develop4 Resolution 69/283.", "5 Ibid."], 1)]
    >>> _glued_note(lines, [0, 1], [2], {1, 2, 3}, "")
    (1, 25, 4)
    >>> _glued_note(lines, [0], [], {1, 2, 3}, "") is None  # the call itself
    True
    """
    expected = int(_PLAIN_NOTE.match(lines[foot[0]].text)["marker"]) - 1 if foot else None
    for k in range(len(body) - 1, max(-1, len(body) - 1 - _GLUED_NOTE_LINES), -1):
        text = lines[body[k]].text
        found = list(_GLUED_NOTE.finditer(text))
        m = found[-1] if found else None  # the note runs to the end of the line
        if m is None or not text[m.start() - 1].islower():
            continue
        marker = int(m["marker"])
        if marker <= max(taken, default=0) or (expected is not None and marker != expected):
            return None
        earlier = before + "\n".join(lines[i].text for i in body[:k]) + "\n" + text[:m.start()]
        if not _glued_call(marker).search(earlier):
            return None
        return k, m.start(), marker
    return None


# a displaced line end is a word or two and its punctuation: 8 Chinese characters, or
# 16 Latin ones (`security,`), in print as wide
_FRAGMENT_MAX = 16  # columns (display_width)
# A footnote call after the punctuation that ends a fragment ("报告。¹", "报告。1").
_TRAILING_CALL = re.compile(r"(?<=[^\w\s])(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\d{1,3})$")
# A paragraph number or item label on a line of its own ("1.", "(a)"): no line end.
_HANGING_LABEL = re.compile(r"[(（]?(?:\d{1,3}|[a-z]{1,4})[.)．）]")
_TITLE_NUMBER = re.compile(r"\d{1,4}/\d{1,4}\s*[.．]")  # a resolution number over its title ("76/294.")
# a label and the words after it: with a space, or none before Chinese ("7.治事务；")
_LABELLED = re.compile(rf"(?P<label>{_HANGING_LABEL.pattern})(?:\s+|(?=[\u3400-\u9fff]))(?P<rest>\S.*)$")


def restore_displaced_line_ends(draft: Draft) -> Draft:
    """Put back the end of a paragraph that the extractor printed before it.

    At some page ends pdftotext emits the last line of a paragraph (`任，`) ahead of
    the paragraph's first line (`确认…负有主要责`). Such a fragment is short, ends
    like a paragraph, cannot continue the line before it (that one ended too), and
    the next line stops in mid-word while the line after that opens a new paragraph.
    The enacting formula counts as a paragraph, printed with or without its comma
    (a recommended draft follows `рекомендует … проект резолю-` / `ции:`), and so do
    the title, a decision's text and the closing lines; the fragment may end with its
    footnote call (`报告。¹`). When the paragraph's number went out with the fragment
    (`23. фондам;`), the number stays where it is and only the words move. When the
    fragment sits between its paragraph's number and the next one, both alone on
    their lines (`4.` / `该提议；` / `5.` / `强调指出…落实`) or the first printed with the
    fragment (`4.该提议；` / `5.`), the paragraph's first line comes after the second
    number: the line goes before that number, with its end.

    >>> from pipeline.languages import load
    >>> text = "又铭记人权是各国的首要责任，\\n任，\\n\\n确认地方政府负有主要责\\n又确认地方政府的职能，"
    >>> d = restore_displaced_line_ends(Draft(lines_of(text), profile=load("zh")))
    >>> [l.text for l in d.lines if l.text]
    ['又铭记人权是各国的首要责任，', '确认地方政府负有主要责任，', '又确认地方政府的职能，']
    >>> text = "Экономический и Социальный Совет\\nции:\\nрекомендует принять проект резолю-\\nГенеральная Ассамблея,"
    >>> [l.text for l in restore_displaced_line_ends(Draft(lines_of(text), profile=load("ru"))).lines if l.text]
    ['Экономический и Социальный Совет', 'рекомендует принять проект резолюции:', 'Генеральная Ассамблея,']
    >>> text = "78/506. 刑事法庭的报告\\n报告。¹\\n2023年10月18日，大会第19次全体会议表示注意到年度\\n第19次全体会议"
    >>> [l.text for l in restore_displaced_line_ends(Draft(lines_of(text), profile=load("zh"))).lines if l.text][1]
    '2023年10月18日，大会第19次全体会议表示注意到年度报告。¹'
    >>> text = "22. просит также помочь;\\n23. фондам;\\nпризывает оказывать поддержку\\n24. просит"
    >>> [l.text for l in restore_displaced_line_ends(Draft(lines_of(text), profile=load("ru"))).lines if l.text][1:3]
    ['23.', 'призывает оказывать поддержку фондам;']
    >>> text = "6. 鼓励地方政府参与；\\n7.治事务；\\n还鼓励地方政府确保人们平等参与地方政\\n8. 吁请地方政府"
    >>> [l.text for l in restore_displaced_line_ends(Draft(lines_of(text), profile=load("zh"))).lines if l.text][1:3]
    ['7.', '还鼓励地方政府确保人们平等参与地方政治事务；']
    >>> text = "3. 强调停火；\\n4.\\n该提议；\\n5.\\n\\n强调指出，双方必须支持落实\\n反对改变人口状况；"
    >>> [l.text for l in restore_displaced_line_ends(Draft(lines_of(text), profile=load("zh"))).lines if l.text]
    ['3. 强调停火；', '4.', '强调指出，双方必须支持落实该提议；', '5.', '反对改变人口状况；']
    >>> text = "3. 强调停火；\\n4.该提议；\\n5.\\n\\n强调指出，双方必须支持落实\\n反对改变人口状况；"
    >>> [l.text for l in restore_displaced_line_ends(Draft(lines_of(text), profile=load("zh"))).lines if l.text]
    ['3. 强调停火；', '4.', '强调指出，双方必须支持落实该提议；', '5.', '反对改变人口状况；']
    >>> text = "认识到机构可\\n产生的益处，\\n要，\\n\\n强调数据收集至关重\\n\\n强调保护公民空间对于地方政府"
    >>> [l.text for l in restore_displaced_line_ends(Draft(lines_of(text), profile=load("zh"))).lines if l.text]
    ['认识到机构可', '产生的益处，', '强调数据收集至关重要，', '强调保护公民空间对于地方政府']
    """
    if draft.profile is None:
        return draft
    profile = draft.profile
    blocks = [re.compile(words.formula) for words in profile.bodies.values()] + [profile.rx("title")]
    opens = (profile.rx("opening_phrase"), profile.rx("operative"), profile.rx("operative_phrase"),
             profile.rx("decision_opening"), profile.rx("meeting"), profile.rx("date"), *blocks)
    labels = vote_labels(profile)
    lines = list(draft.lines)
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    events, removed = [], []

    def split_label(text: str) -> tuple[str, str]:
        """The paragraph number a fragment carries, and the fragment."""
        m = _LABELLED.match(text)
        return (m.group("label"), m.group("rest")) if m and not opens_paragraph(m.group("rest")) else ("", text)

    def is_fragment(text: str) -> bool:
        # the length first, before any pattern is tried (most lines are long); a line
        # whose words after its label are too long is too long with its label too
        labelled = _LABELLED.match(text)
        rest = labelled.group("rest") if labelled else text
        if len(rest) > _FRAGMENT_MAX or display_width(rest) > _FRAGMENT_MAX:
            return False
        text = split_label(text)[1]
        if not 0 < display_width(text) <= _FRAGMENT_MAX:
            return False
        ends = _TRAILING_CALL.sub("", text)[-1:]
        return (ends in PARAGRAPH_END and not _HANGING_LABEL.fullmatch(text) and not _TITLE_NUMBER.fullmatch(text)
                and not any(label.match(text) for label in labels)  # `Votos a favor:` heads its list
                and not any(b.match(text) for b in blocks))  # the formula `大会，` is a block of its own

    def opens_paragraph(text: str) -> bool:
        return any(p.match(text) for p in opens)

    def owns(text: str) -> bool:
        # a closing line (the meeting and/or date alone) never ends with punctuation either
        return opens_paragraph(text) and text[-1:] not in PARAGRAPH_END and profile.closing_line(text) is None

    def ended(before: str) -> bool:
        """The line before the fragments finished its paragraph (asked only when a
        fragment follows it)."""
        return before[-1:] in PARAGRAPH_END or any(b.match(before.strip()) for b in blocks)

    def number_alone(index: int) -> int | None:
        return label_number(lines[filled[index]].text) if 0 <= index < len(filled) else None

    k, shifted = 1, False  # shifted: the run at k is one tried already from the line before
    while k < len(filled):
        # a run of fragments after a finished line, then as many unfinished owners
        run = k
        while run < len(filled) and is_fragment(lines[filled[run]].text.strip()):
            run += 1
        count = run - k
        # the number of the paragraph whose end the fragment is: alone on the line before
        # it (`4.` / `该提议；`) or the fragment's own (`4.该提议；`, which keeps it)
        own, text, number = "", "", None
        if count == 1 and run + 1 < len(filled):
            own, text = split_label(lines[filled[k]].text.strip())
            number = number_alone(k - 1) if not own else label_number(own)
        if (number is not None and number_alone(run) == number + 1
                and owns(lines[filled[run + 1]].text.strip())):
            # `4.` / fragment / `5.` / owner: the owner, with its end, goes before `5.`
            fragment, label, owner = (lines[filled[j]] for j in (k, run, run + 1))
            whole = joined(Line(owner.text.rstrip(), owner.span), text, fragment.span, removed)
            lines[filled[k]] = Line(own, fragment.span, fragment.page_break)
            lines[filled[run]] = Line(whole.text, whole.span, label.page_break)
            lines[filled[run + 1]] = Line(label.text, label.span, owner.page_break)
            events.append(Diagnostic("I002", f"paragraph end printed before its paragraph put back: {text}",
                                     fragment.span.first))
            k, shifted = run + 2, False
            continue
        owners = filled[run:run + count]
        fits = (count and len(owners) == count and ended(lines[filled[k - 1]].text.rstrip())
                and all(owns(lines[i].text.strip()) for i in owners))
        after = lines[filled[run + count]].text.strip() if run + count < len(filled) else ""
        # what follows the owner opens a paragraph: its number too, alone on its line ("1.")
        if fits and (not after or opens_paragraph(after) or _HANGING_LABEL.fullmatch(after)):
            for fragment_index, owner_index in zip(filled[k:run], owners):
                fragment, owner = lines[fragment_index], lines[owner_index]
                label, text = split_label(fragment.text.strip())
                lines[owner_index] = joined(Line(owner.text.rstrip(), owner.span, owner.page_break), text,
                                            fragment.span, removed)
                lines[fragment_index] = Line(label, fragment.span, fragment.page_break)
                events.append(Diagnostic("I002", f"paragraph end printed before its paragraph put back: {text}",
                                         fragment.span.first))
            k, shifted = run + count, False
        elif count >= 2 and not shifted:
            # the run may begin with the short last line of the paragraph before it
            # (`产生的益处，` / `要，` / `强调…至关重`): the fragments after it are tried once
            # too (not each suffix of a run: a list of thousands of short items is a run)
            k, shifted = k + 1, True
        else:
            k, shifted = max(run, k + 1), False
    return draft.with_lines(lines, diagnostics=events, removed=removed)
