"""Stage 1 for PDFs, read: the characters of a PDF and where they sit → the text the
clean stage reads, one block per line, with a geometry hint for every line.

A text layer (`pdftotext`) has already lost what a page shows at a glance: which
lines are running headers and footers, which are footnotes (smaller, below a rule),
which digits are raised footnote calls, where a paragraph starts (an indent, a
hanging number, a gap) and where it goes on (a line that reaches the far margin). Here that is read from PDFium's characters (pypdfium2): their baselines,
boxes and sizes. The steps, in order:

1. characters → lines: grouped by baseline; small raised characters (calls) and
   Arabic vowel marks joined to the line they belong to; each line put in reading
   order from the positions (right-to-left runs reversed, left-to-right runs inside
   them kept, brackets mirrored back, ligatures in their logical order);
2. lines → page bands: a running header or footer is the same text (digits aside)
   at the same height on most pages; page numbers, job numbers and barcodes in the
   top or bottom band are furniture on any page;
3. the footnote zone: the lines in a smaller face at the foot of the body, each note
   starting at its (smaller or raised) marker;
4. lines → blocks: a vertical gap, a change of face, an indent or a hanging number
   starts a block; a line that stops well short of the far margin (the next word
   would have fitted) ends one; a block at the top of a page goes on from the page
   before when that page's last line was full and the new line starts where
   continuation lines start; for a right-to-left page the margins swap;
5. text: one block per line, a blank line between blocks, a form feed between pages;
   raised digits as Unicode superscripts (`¹`), words hyphenated at a line end closed
   up. Furniture and notes stay in the text at their place on the page; their hints
   say what they are, so that the clean stage takes them out and records it.

Nothing is decided by language: directions come from the characters themselves.
"""
from __future__ import annotations

import ctypes
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from .diagnostics import Diagnostic, InputError
from .languages import detect, load, vocabulary_of
from .patterns import PAGE_NUMBER, SYMBOL, is_furniture, is_job_number
from .read import LineHint, Source
from .scripts import IDEOGRAPH_LABELS, Vocabulary, is_cjk, join_fragments

PDF_SIGNATURE = b"%PDF-"

# Geometry thresholds, in units of the body font size (em) unless said otherwise.
_SAME_BASELINE = 0.08  # characters closer than this vertically share a baseline
_RAISED_MIN, _RAISED_MAX = 0.12, 0.75  # how far above the baseline a call is printed
_SMALL = 0.88  # a character this much smaller than its line's face is a call or a marker
_WORD_GAP = 0.22  # a horizontal gap wider than this with no space glyph is a space (and about a space's width)
_COLUMN_GAP = 4.0  # a gap wider than this (and 15% of the page) separates two columns
_PARAGRAPH_GAP = 0.3  # extra line distance that separates two blocks
_OTHER_FACE = 0.07  # two lines whose faces differ by more than this share are not one block
_ALIGNED = 0.5  # two line starts closer than this are aligned
_ROOM = 0.2  # share of the frame's width left empty at a line end that ends a paragraph
_BAND = 0.13  # share of the page height at the top and the bottom where furniture is
_JOB_BAND = 0.25  # … and at the bottom where a job number or a barcode is
_NOTE_FACE = 0.92  # a footnote zone line is printed in a face at most this size of the body's
_HEADER_MIN_PAGES = 2  # a running header repeats on at least this many pages …
_HEADER_SHARE = 0.5  # … and on this share of the pages

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SOFT_HYPHENS = ("\ufffe", "\u00ad")  # PDFium writes U+FFFE for a hyphen at a line end
_MARKER = re.compile(r"^[(\[]?[⁰¹²³⁴⁵⁶⁷⁸⁹\d]{1,3}[)\]]?|^[*†‡§]+")


# -- 0. the file --------------------------------------------------------------------

def is_pdf(data: bytes) -> bool:
    """
    >>> is_pdf(b"%PDF-1.7\\n..."), is_pdf(b"The Council,")
    (True, False)
    """
    return data[:1024].lstrip(b"\x00\t\r\n ").startswith(PDF_SIGNATURE)


def _open(data: bytes):
    import pypdfium2 as pdfium  # imported here: text inputs never need PDFium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            _refuse("E007", "the PDF is encrypted (it needs a password to open); "
                            "save an unprotected copy and convert that")
        _refuse("E007", f"not a readable PDF: {err}")


def _refuse(code: str, message: str):
    raise InputError(Diagnostic(code, message))


# -- 1. characters → lines ------------------------------------------------------------

@dataclass(slots=True)
class _Char:
    text: str
    x0: float  # left and right of the glyph's advance box, page coordinates (pt)
    x1: float
    y: float  # baseline, from the page foot (PDF coordinates)
    size: float  # the face size in pt, as printed
    index: int  # position in the content stream
    raised: bool = False
    marks: list = field(default_factory=list)  # combining marks set on this glyph
    parts: list = field(default_factory=list)  # the other characters of one ligature glyph

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _Line:
    """One printed line (or one column of it), its characters in visual order."""

    chars: list[_Char]
    y: float
    size: float
    left: float
    right: float
    text: str = ""
    soft_hyphen: bool = False  # the line ends in a hyphen inside a word: the word goes on
    lead: float = 0.0  # width of its first word (its first character in Chinese)
    word_starts: tuple[float, ...] = ()  # where its words start, in line-direction offsets
    rtl: bool = False  # set right to left


def _page_chars(page) -> tuple[list[_Char], list[_Char]]:
    """The characters of one page with their geometry: (glyphs, combining marks).

    Characters PDFium made up itself (the spaces and line ends it inserts between
    text objects) are left out: spaces come from real space glyphs and gaps."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    text = textpage.get_text_range() if count else ""
    if len(text) != count:  # characters outside the BMP: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count))
    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    glyphs, marks = [], []
    for i, char in enumerate(text):
        if char in "\r\n" or raw.FPDFText_IsGenerated(handle, i):
            continue
        raw.FPDFText_GetLooseCharBox(handle, i, box)
        raw.FPDFText_GetCharOrigin(handle, i, x, y)
        raw.FPDFText_GetMatrix(handle, i, matrix)
        # the face size in the text object, scaled by the matrix the page draws it with
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
        size = raw.FPDFText_GetFontSize(handle, i) * scale
        if size <= 0 or (char.isspace() and (size < 2 or abs(box.right - box.left) < 0.1)):
            continue  # a space with no width or face shows no gap; it would make a row of its own
        # sizes to a tenth of a point: the same face prints at the same size
        c = _Char(char, min(box.left, box.right), max(box.left, box.right), y.value, round(size, 1), i)
        (marks if unicodedata.category(char) == "Mn" else glyphs).append(c)
    textpage.close()
    return glyphs, marks


def _baseline_rows(glyphs: list[_Char]) -> list[list[_Char]]:
    """Glyphs grouped by baseline, top row first; a row of small characters printed
    just above a row of text (footnote calls) is merged into that row, raised."""
    rows: list[list[_Char]] = []
    for c in sorted(glyphs, key=lambda c: (-c.y, c.index)):
        if rows and abs(rows[-1][0].y - c.y) <= _SAME_BASELINE * max(c.size, rows[-1][0].size):
            rows[-1].append(c)
        else:
            rows.append([c])
    sizes = [_main_size(row) for row in rows]
    merged: list[list[_Char]] = []
    for i, row in enumerate(rows):
        below = rows[i + 1] if i + 1 < len(rows) else None
        if below is not None and _is_raised_row(row, below, sizes[i + 1]):
            for c in row:
                c.raised = True
            below.extend(row)
            continue
        merged.append(row)
    return merged


def _main_size(chars: list[_Char]) -> float:
    """The face size most of the characters are printed in."""
    counts: dict[float, int] = {}
    for c in chars:
        if not c.text.isspace():
            counts[c.size] = counts.get(c.size, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else chars[0].size


def _is_raised_row(row: list[_Char], below: list[_Char], size: float) -> bool:
    rise = row[0].y - below[0].y
    if not (_RAISED_MIN * size <= rise <= _RAISED_MAX * size):
        return False
    if max(c.size for c in row) > _SMALL * size:
        return False
    left = min(c.x0 for c in below) - size
    right = max(c.x1 for c in below) + size
    return all(left <= c.mid <= right for c in row)


def _attach_marks(rows: list[list[_Char]], marks: list[_Char]) -> None:
    """A combining mark (an Arabic vowel sign) has a position of its own, above or
    below its letter: it goes with the nearest baseline and the letter under it."""
    sizes = [_main_size(row) for row in rows]
    for mark in marks:
        # the nearest baseline with a letter under (or over) the mark
        near = [k for k in range(len(rows)) if abs(rows[k][0].y - mark.y) <= sizes[k]
                and any(c.x0 - 1 <= mark.mid <= c.x1 + 1 and not c.text.isspace() for c in rows[k])]
        if not near:
            continue
        row = rows[min(near, key=lambda k: abs(rows[k][0].y - mark.y))]
        base = min((c for c in row if not c.text.isspace()), key=lambda c: abs(c.mid - mark.mid), default=None)
        if base is not None:
            base.marks.append(mark)


def _split_columns(row: list[_Char], page_width: float) -> list[list[_Char]]:
    """Cut a row where a wide empty stretch separates two things printed side by side
    (a page number and a job number; the masthead's columns)."""
    chars = sorted(row, key=lambda c: (c.x0, c.index))
    size = _main_size(chars)
    limit = max(_COLUMN_GAP * size, 0.15 * page_width)
    pieces, right = [[chars[0]]], chars[0].x1
    for c in chars[1:]:
        if c.x0 - right > limit and not c.text.isspace():
            pieces.append([])
        pieces[-1].append(c)
        right = max(right, c.x1)
    return pieces


def _make_line(chars: list[_Char], rtl: bool, page_width: float) -> _Line:
    chars = _ligatures(sorted(chars, key=lambda c: (c.x0, c.index)))
    document_rtl = rtl
    if rtl and not any(_bidi_class(c.text) == "R" for c in chars):
        # no right-to-left letter: a document symbol, a job number or a page number
        # as printed, or a line set against the left margin, was set left to right;
        # against the right margin it is a right-to-left line that holds only Latin
        # text and numbers (a note: `(1) United Nations…`)
        printed = "".join(c.text for c in chars).strip()
        rtl = not (SYMBOL.match(printed) or is_furniture(printed)) \
            and min(c.x0 for c in chars) > page_width - max(c.x1 for c in chars)
    body = [c for c in chars if not c.raised] or chars
    size = _main_size(body)
    line = _Line(chars, median(c.y for c in body), size,
                 min(c.x0 for c in chars), max(c.x1 for c in chars))
    line.rtl = rtl
    line.text = _line_text(chars, size, rtl)
    if document_rtl:  # brackets of a right-to-left document can come out mirrored on any line
        line.text = _turn_brackets(line.text)
    if line.text.endswith(_SOFT_HYPHENS):
        # PDFium's mark for a hyphen at a line end before the rest of the word: which
        # hyphens go when the word is closed up is for `join_fragments` to say
        line.text, line.soft_hyphen = line.text[:-1] + "-", True
    line.text = line.text.replace("\ufffe", "-").replace("\u00ad", "")
    line.lead = _lead(chars, rtl)
    line.word_starts = _word_starts(chars, size, rtl)
    return line


def _word_starts(chars: list[_Char], size: float, rtl: bool) -> tuple[float, ...]:
    """Where the words after the first one start, as offsets from the start edge but
    for the page width (x for left-to-right; for right-to-left, minus the right edge
    of the word's first glyph): after a space, or after a gap as wide as one."""
    ordered = list(reversed(chars)) if rtl else chars
    out = []
    for before, c in zip(ordered, ordered[1:]):
        if c.text.isspace():
            continue
        gap = (before.x0 - c.x1) if rtl else (c.x0 - before.x1)
        if before.text.isspace() or gap > _WORD_GAP * size:
            out.append(-c.x1 if rtl else c.x0)
    return tuple(out)


_TURNED = re.compile(r"([)\]])([^()\[\]\s]{1,6})([(\[])")


def _turn_brackets(text: str) -> str:
    """Turn round a short bracketed marker that came out mirrored (`)1(` → `(1)`).

    Whether a PDF maps a bracket set right to left to the character or to the glyph
    it shows (its mirror image) depends on the producer, and can differ between two
    runs of one line (a call and a note marker); a closing bracket, a few characters
    and an opening one is never meant.

    >>> _turn_brackets(")1( () A/77/433، الفقرة 7."), _turn_brackets("(أ) نص (ب)")
    ('(1) () A/77/433، الفقرة 7.', '(أ) نص (ب)')
    >>> _turn_brackets("الملحق رقم 21 (E/1998/41(، الفصل")
    'الملحق رقم 21 (E/1998/41)، الفصل'
    >>> _turn_brackets("1985 (منشورات الأمم المتحدة، رقم المبيع A.85.IV.10(، الفصل الأول")
    '1985 (منشورات الأمم المتحدة، رقم المبيع A.85.IV.10)، الفصل الأول'
    """
    text = _TURNED.sub(lambda m: _MIRROR_PAIR[m[1]] + m[2] + _MIRROR_PAIR[m[3]], text)
    if text.count("(") > text.count(")"):  # one bracket of a pair mapped, the other mirrored
        text = _HALF_TURNED.sub(r"(\1)", text, count=text.count("(") - text.count(")"))
    if text.count("(") > text.count(")"):  # no bracket opens after a word, before a space
        text = _CLOSING_TURNED.sub(")", text, count=text.count("(") - text.count(")"))
    return text


_MIRROR_PAIR = {")": "(", "]": "[", "(": ")", "[": "]"}
_HALF_TURNED = re.compile(r"\(([^()\s]{1,30})\((?=[\s،؛.,]|$)")
_CLOSING_TURNED = re.compile(r"(?<=[^\s(])\((?=[\s،؛.,]|$)")  # "(… رقم المبيع A.85.IV.10(،"


def _lead(chars: list[_Char], rtl: bool) -> float:
    """The width of the line's first word in reading order (of its first character,
    with the punctuation after it, in Chinese, which breaks between any two)."""
    width, previous = 0.0, None
    for c in (reversed(chars) if rtl else chars):
        gap = 0.0 if previous is None else (previous.x0 - c.x1 if rtl else c.x0 - previous.x1)
        if c.text.isspace() or gap > _WORD_GAP * c.size:
            break
        previous = c
        if width and is_cjk(c.text) and unicodedata.category(c.text[0]).startswith("L"):
            break
        width += c.x1 - c.x0
    return width


def _ligatures(chars: list[_Char]) -> list[_Char]:
    """The characters of one ligature glyph (lam-alef, `fi`) start at one position;
    keep them together as one glyph, in reading order.

    For right-to-left letters the part that reaches further right comes first
    (lam before alef); where the parts have one box, PDFium's order, which it
    reversed with the rest of a right-to-left text object, is turned back. For
    left-to-right ones the font's map gives the order (stream order)."""
    out: list[_Char] = []
    for c in chars:
        last = out[-1] if out else None
        if (last is not None and abs(last.x0 - c.x0) < 0.05 and not c.text.isspace() and not last.text.isspace()
                and abs(c.index - last.index) <= 1 + len(last.parts) and c.raised == last.raised):
            last.parts.append(c)
            continue
        out.append(c)
    for c in out:
        if c.parts:
            group = [c, *c.parts]
            if _bidi_class(c.text) == "R":
                group.sort(key=lambda g: (-round(g.x1, 1), -g.index))
            else:
                group.sort(key=lambda g: g.index)
            c.text, c.x1, c.parts = "".join(g.text for g in group), max(g.x1 for g in group), []
            c.marks = [m for g in group for m in g.marks]
    return out


# -- reading order ----------------------------------------------------------------------

def _bidi_class(text: str) -> str:
    """R (right-to-left letter), L (left-to-right letter), N (number), S (number
    separator), T (number terminator), or O (other neutral), of a glyph's first
    character."""
    kind = unicodedata.bidirectional(text[0]) if text else "ON"
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    if kind in ("EN", "AN"):
        return "N"
    if kind in ("ES", "CS"):
        return "S"
    if kind == "ET":
        return "T"
    return "O"


def _line_text(chars: list[_Char], size: float, rtl: bool) -> str:
    """The text of one line from its glyphs in visual order (left to right)."""
    glyphs: list[tuple[str, _Char]] = []
    previous = None
    for c in chars:
        if c.text.isspace():
            if c.x1 - c.x0 < 0.1 * size:
                continue  # an empty space glyph inside a word's box shows no gap
            if glyphs and glyphs[-1][0] != " ":
                glyphs.append((" ", c))
            previous = c
            continue
        if (previous is not None and not previous.text.isspace() and glyphs and glyphs[-1][0] != " "
                and c.x0 - previous.x1 > _WORD_GAP * size and not c.raised):  # a call sits on its word
            glyphs.append((" ", c))
        text = c.text + "".join(m.text for m in sorted(c.marks, key=lambda m: m.index))
        if c.raised:
            text = text.translate(_SUPERSCRIPT)
        glyphs.append((text, c))
        previous = c
    order = logical_order([g for g, _ in glyphs], rtl)
    return "".join(order).strip()


_MIRRORED = str.maketrans("()[]{}<>«»‹›“”", ")(][}{><»«›‹”“")


def logical_order(glyphs: list[str], rtl: bool) -> list[str]:
    """Glyphs of one line in visual order (left to right) → reading order.

    The inverse of what the Unicode bidirectional algorithm did when the line was
    set: in a right-to-left line, runs of left-to-right text (Latin words, and
    numbers, which are always set left to right) keep their order and everything
    else is reversed, brackets mirrored; a left-to-right line keeps its order except
    for right-to-left runs in it. A number after a Latin word belongs to that word's
    run (`vol. 2445`); two numbers with only neutrals between them are separate
    runs (`1540 (2004)` is printed `(2004) 1540`).

    >>> "".join(logical_order(list("(2004) 1540 سلجم"), True))
    'مجلس 1540 (2004)'
    >>> "".join(logical_order(list(".United Nations, vol. 2445 (1)"), True))
    '(1) United Nations, vol. 2445.'
    >>> "".join(logical_order(list("Recalling 42 ابحرم text"), False))
    'Recalling 42 مرحبا text'
    >>> "".join(logical_order(list(".A/77/PV.56 (Resumption 1) رظنا"), True))
    'انظر A/77/PV.56 (Resumption 1).'
    >>> "".join(logical_order(list(".United Nations, Treaty Series, vol. 75, Nos. 970–973 (3)"), True))
    '(3) United Nations, Treaty Series, vol. 75, Nos. 970–973.'
    """
    kinds = [_bidi_class(g) for g in glyphs]
    kinds = _resolve_numbers(kinds, glyphs, rtl)
    if rtl:
        runs = _ltr_runs(kinds, glyphs)
        out, i = [], len(glyphs) - 1
        while i >= 0:
            run = runs.get(i)
            if run is not None:  # i is the last (rightmost) glyph of a left-to-right run
                out.extend(glyphs[run:i + 1])
                i = run - 1
                continue
            out.append(glyphs[i].translate(_MIRRORED))
            i -= 1
        return out
    out, i = [], 0
    while i < len(glyphs):
        if kinds[i] == "R":
            end = _rtl_run_end(kinds, i)
            inner = logical_order(glyphs[i:end + 1], True)
            out.extend(inner)
            i = end + 1
            continue
        out.append(glyphs[i])
        i += 1
    return out


def _resolve_numbers(kinds: list[str], glyphs: list[str], rtl: bool) -> list[str]:
    """Separators between two digits and terminators next to a digit are part of the
    number (`77/385`, `1,000`, `10 %` aside). In a right-to-left line a hyphen between
    two numbers is not: a range is printed end first (`2024-2022` for `2022-2024`),
    because what the text holds there is a dash or a non-breaking hyphen, which the
    PDF's map may give back as a plain hyphen."""
    out = list(kinds)
    for i, k in enumerate(kinds):
        if k == "S" and rtl and glyphs[i] in "-\u2010\u2011":
            continue
        if k == "S" and 0 < i < len(kinds) - 1 and kinds[i - 1] == "N" and kinds[i + 1] == "N":
            out[i] = "N"
        elif k == "T" and ((i > 0 and kinds[i - 1] == "N") or (i + 1 < len(kinds) and kinds[i + 1] == "N")):
            out[i] = "N"
    return out


def _ltr_runs(kinds: list[str], glyphs: list[str]) -> dict[int, int]:
    """In a right-to-left line: the left-to-right runs, as {last index: first index}.

    A run goes from a Latin letter to the last Latin letter before the next
    right-to-left one (brackets and all between: `NPT/CONF.2000/28 (Parts I and II)`),
    and on to the right over spaces and number punctuation to the digits after it
    (`vol. 2445, No. 44004`), and over a dash between two numbers there (`Nos.
    970–973`: numbers after a Latin word are left to right, and so is what stands
    between them), not over a bracket (`A/77/433 () (1)` is a run and a number).
    Numbers outside such a run are runs of their own."""
    runs: dict[int, int] = {}
    i, n = 0, len(kinds)
    while i < n:
        if kinds[i] == "R":
            i += 1
            continue
        j = i  # a stretch without right-to-left letters: i .. j - 1
        while j < n and kinds[j] != "R":
            j += 1
        latin = [k for k in range(i, j) if kinds[k] == "L"]
        inside: set[int] = set()
        for first, last in _latin_runs(latin, glyphs):
            k = last
            while k + 1 < j and (kinds[k + 1] in ("N", "S", "T") or glyphs[k + 1].isspace()
                                 or (glyphs[k + 1] in _DASHES and k + 2 < j and kinds[k + 2] == "N")):
                k += 1
                if kinds[k] == "N":
                    last = k
                elif k + 2 < j and glyphs[k].isspace() and _is_turned_comma(glyphs, k):
                    break
            # a bracket the run opened and did not close closes it, right after it
            # (`A/77/PV.56 (Resumption 1)`): the pair is the run's (Unicode's paired brackets)
            depth = sum((glyphs[x] == "(") - (glyphs[x] == ")") for x in range(first, last + 1))
            while depth > 0 and last + 1 < j and glyphs[last + 1] == ")":
                last, depth = last + 1, depth - 1
            runs[last] = first
            inside |= set(range(first, last + 1))
        k = i
        while k < j:  # numbers outside the run
            if kinds[k] == "N" and k not in inside:
                start = k
                while k + 1 < j and kinds[k + 1] == "N" and k + 1 not in inside:
                    k += 1
                runs[k] = start
            k += 1
        i = j
    return runs


_DASHES = "\u2012\u2013\u2014"  # figure dash, en dash, em dash: neutrals, unlike the hyphen


def _latin_runs(latin: list[int], glyphs: list[str]) -> list[tuple[int, int]]:
    """The Latin letters of a stretch grouped into runs: from the first to the last,
    cut where a space and then a comma or point glued to the next word stand between
    them (` ,Treaty Series`): left to right, a mark follows its word and then the
    space; that order is the right-to-left level's, between two runs."""
    if not latin:
        return []
    runs, first = [], latin[0]
    for before, after in zip(latin, latin[1:]):
        if any(glyphs[k].isspace() and _is_turned_comma(glyphs, k) for k in range(before + 1, after)):
            runs.append((first, before))
            first = after
    runs.append((first, latin[-1]))
    return runs


def _is_turned_comma(glyphs: list[str], k: int) -> bool:
    """At `k` a space, then a comma (point, colon, semicolon) glued to what follows."""
    return (k + 2 < len(glyphs) and glyphs[k].isspace() and glyphs[k + 1] in ",.;:،"
            and not glyphs[k + 2].isspace())


def _rtl_run_end(kinds: list[str], start: int) -> int:
    """In a left-to-right line: the last glyph of the right-to-left run at `start`."""
    end = start
    for k in range(start + 1, len(kinds)):
        if kinds[k] == "L":
            break
        if kinds[k] == "R":
            end = k
    return end


# -- 2.–4. pages, bands, notes, blocks ---------------------------------------------------

@dataclass
class _Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[_Line]  # in reading order: top to bottom, columns in line direction
    bands: dict[int, str] = field(default_factory=dict)  # line index -> header | footer | footnote


def _read_page(page, number: int) -> tuple[_Page, list[_Char]]:
    """A page without its lines yet (they need the document's direction), and its
    characters."""
    glyphs, marks = _page_chars(page)
    return _Page(number, page.get_width(), page.get_height(), []), glyphs + marks


def _lay_out(page: _Page, chars: list[_Char], rtl: bool) -> None:
    """The page's lines, top to bottom; the columns of a row in reading order."""
    glyphs = [c for c in chars if unicodedata.category(c.text) != "Mn"]
    marks = [c for c in chars if unicodedata.category(c.text) == "Mn"]
    if not glyphs:
        return
    rows = _baseline_rows(glyphs)
    _attach_marks(rows, marks)
    for row in rows:
        pieces = _split_columns(row, page.width)
        if rtl:
            pieces.reverse()
        for piece in pieces:
            if any(not c.text.isspace() for c in piece):
                line = _make_line(piece, rtl, page.width)
                if line.text:
                    page.lines.append(line)


def _shape(text: str) -> str:
    """A line's text with its numbers blanked out: a running header or footer is the
    same on every page but for the page number."""
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def _mark_furniture(pages: list[_Page]) -> None:
    """Running headers and footers: a line in the top or bottom band that prints the
    same (digits aside) at the same height on most pages; and, on any page, page
    numbers, job numbers and barcodes in those bands, and a document symbol heading
    a later page."""
    seen: Counter = Counter()
    for page in pages:
        keys = {(_band(page, line), _shape(line.text), round((page.height - line.y) / 3))
                for line in page.lines if _band(page, line)}
        seen.update(keys)
    many = max(_HEADER_MIN_PAGES, _HEADER_SHARE * len(pages))
    for page in pages:
        for i, line in enumerate(page.lines):
            band = _band(page, line)
            if band is None and is_job_number(line.text) \
                    and page.height - line.y > (1 - _JOB_BAND) * page.height:
                band = "footer"  # the first page's job number can stand above the footer band
            if band is None:
                continue
            text = line.text.strip()
            key = (band, _shape(line.text), round((page.height - line.y) / 3))
            # a note ("6 A/76/722.") can look like another page's at the same height;
            # its smaller marker tells it apart
            repeated = len(pages) > 1 and not _starts_note(line) and max(
                seen[key], seen[(key[0], key[1], key[2] - 1)], seen[(key[0], key[1], key[2] + 1)]) >= many
            printed = (is_job_number(text) and band == "footer"
                       or PAGE_NUMBER.match(text)
                       or (band == "header" and page.number > 1 and SYMBOL.match(text) and _heads(page, line)))
            if repeated or printed:
                page.bands[i] = band


def _band(page: _Page, line: _Line) -> str | None:
    top = page.height - line.y
    if top < _BAND * page.height:
        return "header"
    if top > (1 - _BAND) * page.height:
        return "footer"
    return None


def _heads(page: _Page, line: _Line) -> bool:
    """The line is the page's first (or on the first line's baseline): a symbol there
    is the running header, one further down is text (a symbol quoted on its own)."""
    return abs(page.lines[0].y - line.y) < 1


@dataclass
class _Frame:
    """The text frame of the document, in line-direction coordinates: offsets from
    the start edge (left for left-to-right, right for right-to-left)."""

    start: float  # where continuation lines start
    end: float  # where full lines end
    pitch: float  # the baseline distance inside a paragraph, in em
    size: float  # the body face size


def _offsets(line: _Line, page: _Page, rtl: bool) -> tuple[float, float]:
    if rtl:
        return page.width - line.right, page.width - line.left
    return line.left, line.right


def _frame(pages: list[_Page], rtl: bool) -> _Frame:
    """Measure the running text: its face size, the start and end edges most of its
    lines share, and the distance between two lines of one paragraph."""
    body = [(p, line) for p in pages for i, line in enumerate(p.lines) if i not in p.bands]
    sizes: Counter = Counter()
    for _, line in body:
        sizes[round(line.size, 1)] += len(line.chars)
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    running = [(p, line) for p, line in body if abs(line.size - size) < 0.2]
    starts = Counter(round(_offsets(line, p, rtl)[0]) for p, line in running)
    ends = Counter(round(_offsets(line, p, rtl)[1]) for p, line in running)
    common = max(2, len(running) // 20)
    # the outermost edges that several lines share: continuation lines and full lines
    # (first lines are indented, last lines stop short)
    start = min((s for s, n in starts.items() if n >= common), default=min(starts, default=0))
    end = max((e for e, n in ends.items() if n >= common), default=max(ends, default=0))
    distances: Counter = Counter()
    for p in pages:
        previous = None
        for i, line in enumerate(p.lines):
            if i in p.bands or abs(line.size - size) >= 0.2:
                previous = None
                continue
            if previous is not None and previous.y > line.y:
                distances[round((previous.y - line.y) / size, 2)] += 1
            previous = line
    # the smallest distance that recurs: lines of one paragraph (paragraphs of one
    # line only have none, and then every distance is a paragraph's)
    pitch = min((d for d, n in distances.items() if n >= 2), default=min(distances, default=1.2))
    return _Frame(start, end, pitch, size)


def _mark_notes(page: _Page, frame: _Frame) -> None:
    """The footnote zone: the lines at the foot of the body printed in a smaller face,
    from the first one that starts with a note marker down. A marker printed smaller
    than its note (not raised) is written as superscript digits too."""
    body = [i for i in range(len(page.lines)) if i not in page.bands]
    zone: list[int] = []
    for i in reversed(body):
        if page.lines[i].size > _NOTE_FACE * frame.size:
            break
        zone.insert(0, i)
    while zone and not _starts_note(page.lines[zone[0]]):
        zone.pop(0)
    for i in zone:
        page.bands[i] = "footnote"
        line = page.lines[i]
        if _starts_note(line):
            marker = re.match(r"\d{1,3}(?=\s|\D)", line.text)
            if marker:  # a bare number: superscript; "(1)" reads as a marker as it is
                line.text = marker.group().translate(_SUPERSCRIPT) + line.text[marker.end():]


def _starts_note(line: _Line) -> bool:
    """The line opens a note: it starts with a marker set smaller (or raised) than
    the note's text."""
    if not _MARKER.match(line.text):
        return False
    first = line.text.lstrip("([")[:1]
    if first in "*†‡§":
        return True
    ordered = sorted(line.chars, key=lambda c: -c.x1) if line.rtl else line.chars
    glyph = next((c for c in ordered if c.text == first or c.text.translate(_SUPERSCRIPT) == first), None)
    return glyph is not None and (glyph.raised or glyph.size < _SMALL * line.size)


def _closes_up(left: str, right: str, vocabulary: Vocabulary, soft: bool) -> bool:
    """A word hyphenated at a line end before a capital that is one word: the document
    writes it closed up elsewhere (`СО-` `ОННР`), or, where PDFium marks the hyphen as
    a line-end one, both parts are capitals (`CO-` `VID-19`, `MI-` `NUAHH`), which no
    compound of words is (`Secretary-General`, `UN-Women` keep theirs)."""
    tail, head = re.search(r"(\w+)-$", left), re.match(r"\w+", right)
    if not (tail and head) or vocabulary.keeps_hyphen(tail[1], head[0]):
        return False
    if soft and tail[1].isupper() and head[0].isupper() and head[0].isalpha():
        return True
    return (tail[1] + head[0]).lower() in vocabulary.words


@dataclass
class _Block:
    lines: list[_Line]
    band: str  # body | header | footer | footnote
    starts: tuple[float, float] = (0.0, 0.0)  # offset of the first line and of the others
    continues: bool | None = False  # goes on from the last block of the previous page

    def text(self, vocabulary: Vocabulary) -> str:
        """The lines joined as `join_fragments` joins them: a word hyphenated at the
        line end is closed up unless the document writes it with a hyphen elsewhere
        (`Secretary-` `General` keeps it); Chinese, and a line ending in a slash
        (`تموز/` `يوليه`), run on without a space."""
        out, soft = "", False
        for line in self.lines:
            if out.endswith("/"):
                out += line.text
            elif (soft or out.endswith("-")) and _closes_up(out, line.text, vocabulary, soft):
                out = out[:-1] + line.text
            else:
                out = join_fragments(out, line.text, vocabulary)
            soft = line.soft_hyphen
        return out


def _blocks(page: _Page, frame: _Frame, rtl: bool) -> list[_Block]:
    """Group the page's lines into blocks (paragraphs, notes, furniture lines)."""
    blocks: list[_Block] = []
    current: _Block | None = None
    previous: _Line | None = None
    for i, line in enumerate(page.lines):
        band = page.bands.get(i, "body")
        start, _ = _offsets(line, page, rtl)
        if band in ("header", "footer"):
            blocks.append(_Block([line], band, (start, start)))
            current = previous = None
            continue
        if current is not None and current.band == band and _goes_on(current, previous, line, page, frame, rtl):
            current.lines.append(line)
            if len(current.lines) == 2:
                current.starts = (current.starts[0], start)
        else:
            current = _Block([line], band, (start, start))
            blocks.append(current)
        previous = line
    return blocks


def _goes_on(block: _Block, previous: _Line, line: _Line, page: _Page, frame: _Frame, rtl: bool) -> bool:
    """Whether `line` continues the block that `previous` (the line above) is in."""
    if block.band == "footnote":  # notes are told apart by their markers alone
        return not _starts_note(line)
    size = frame.size
    if abs(line.size - previous.size) > _OTHER_FACE * max(line.size, previous.size):
        return False  # a heading and the text under it
    distance = previous.y - line.y
    if distance <= 0 or distance > (frame.pitch + _PARAGRAPH_GAP) * max(line.size, previous.size):
        return False
    start, _ = _offsets(line, page, rtl)
    lines_up = _lines_up(block, start, page, frame, rtl)
    if lines_up is False:
        return False
    if lines_up and len(block.lines) == 1 and start > block.starts[0] + _ALIGNED * size:
        return True  # the text of a hanging first line goes on (a title wraps short of the margin)
    if previous.soft_hyphen:
        return True
    return not _had_room(previous, line, page, frame, rtl)


def _lines_up(block: _Block, start: float, page: _Page, frame: _Frame, rtl: bool) -> bool | None:
    """Whether a line starting at `start` can be the next line of `block`: it starts
    where the block's other lines start; or, after the first line, further out (the
    first line was indented) or where the first line's text starts after a hanging
    number. None when it starts where the block's only line does (a new paragraph
    without an indent, or the rest of one without a first-line indent)."""
    aligned = _ALIGNED * frame.size
    first = block.starts[0]
    if len(block.lines) >= 2:
        return abs(start - block.starts[1]) <= aligned
    if first - frame.start > (frame.end - frame.start) / 3:
        # a line set far in (right-aligned, centred, a column): its next line lines up with it
        return abs(start - first) <= aligned
    if start > first + aligned:
        return _hangs(block.lines[0], start, page, aligned, rtl)
    if start < first - aligned:
        return True
    return None


def _had_room(previous: _Line, line: _Line, page: _Page, frame: _Frame, rtl: bool) -> bool:
    """The first word of `line` would have fitted at the end of `previous`: so the
    line was broken on purpose, and `previous` ended its paragraph. Only a wide
    room counts: words tied by no-break spaces (`30 June 2026`) break as one."""
    _, end = _offsets(previous, page, rtl)
    room = frame.end - end
    return room > line.lead + 2 * _WORD_GAP * frame.size and room > _ROOM * (frame.end - frame.start)


def _hangs(line: _Line, start: float, page: _Page, aligned: float, rtl: bool) -> bool:
    """The first line hangs out by a number (`1.`, `(a)`, `78/412.`): the text after
    the number starts where the next line starts, or the next line starts before
    that text (a number wider than the hanging indent pushes its text on)."""
    label = line.text.split(maxsplit=1)[0] if line.text.split() else ""
    if not _LABEL.match(label):
        return False
    words = [page.width + w if rtl else w for w in line.word_starts]
    return any(abs(w - start) <= aligned for w in words) or (bool(words) and start <= words[0] + aligned)


# What hangs in the margin before a paragraph's text: a number (`1.`, `77/542.`,
# `2021/7.`, `10-`), an item letter or numeral (`(a)`, `b)`, `(iv)`, `(أ)`), a roman numeral,
# a dash or bullet of a list, a Chinese numeral in one character (`㈠`).
_LABEL = re.compile(r"^(?:[\d/.\-]*\d[\d/.\-]*[.)-]?|\(?[^\W\d_]{1,5}\)|[^\W\d_]{1,3}[.)]|[IVXLC]{1,6}\.?"
                    rf"|[–•▪◦‣●{IDEOGRAPH_LABELS}])$")


def _link_pages(pages: list[_Page], pages_blocks: list[list[_Block]], frame: _Frame, rtl: bool) -> None:
    """Say whether the first block of each page goes on from the last running-text
    block of the page before: that block ends with a soft hyphen, or with a line
    that had no room for the next word, and the new page's first line starts where
    its continuation lines would. None where the geometry cannot tell."""
    last: tuple[_Page, _Block] | None = None
    aligned = _ALIGNED * frame.size
    for page, blocks in zip(pages, pages_blocks):
        body = [b for b in blocks if b.band == "body"]
        if body and last is not None:
            before, block = last
            first = body[0]
            line = block.lines[-1]
            start = first.starts[0]
            if line.soft_hyphen:
                first.continues = True
            elif abs(line.size - first.lines[0].size) > _OTHER_FACE * line.size:
                first.continues = False
            elif _had_room(line, first.lines[0], before, frame, rtl):
                first.continues = False
            else:
                first.continues = _lines_up(block, start, before, frame, rtl)
                if first.continues and len(block.lines) >= 2 and abs(block.starts[0] - block.starts[1]) <= aligned:
                    # a block whose first line starts where the others do (an Arabic item):
                    # a new one at the top of the page would start there too
                    first.continues = None
        if body:
            last = (page, body[-1])


# -- 5. text and hints --------------------------------------------------------------

def read_pdf(data: bytes, name: str = "<stdin>", lang: str | None = None) -> Source:
    """Read a PDF: the text of its pages in reading order, one block per line, and a
    `LineHint` for every line (None for blank lines and page breaks). `lang`: the
    language the user named, else told from the text (its compounds keep their hyphen
    where a block's lines are joined).

    Raises `InputError` for an encrypted or unreadable PDF (E007) and for one with
    no text layer (E008, a scan: OCR is not done here).
    """
    import pypdfium2 as pdfium

    pdf = _open(data)
    try:
        if len(pdf) == 0:
            _refuse("E007", "the PDF has no pages")
        raw_pages = []
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as err:
                _refuse("E007", f"page {index + 1} of the PDF cannot be read: {err}")
            raw_pages.append(_read_page(page, index + 1))
            page.close()
    finally:
        pdf.close()
    all_chars = [c for _, chars in raw_pages for c in chars]
    if not any(not c.text.isspace() for c in all_chars):
        _refuse("E008", f"the PDF has no text layer ({len(raw_pages)} page{'s' if len(raw_pages) != 1 else ''} "
                        "of images: a scan?); OCR is not part of this converter — run it through OCR first")
    rtl = _right_to_left(all_chars)
    pages = []
    for page, chars in raw_pages:
        _lay_out(page, chars, rtl)
        pages.append(page)
    _mark_furniture(pages)
    frame = _frame(pages, rtl)
    for page in pages:
        _mark_notes(page, frame)
    pages_blocks = [_blocks(page, frame, rtl) for page in pages]
    _link_pages(pages, pages_blocks, frame, rtl)
    return _source(name, pages, pages_blocks, frame, lang)


def _right_to_left(chars: list[_Char]) -> bool:
    """The document is set right to left when most of its letters are."""
    kinds = Counter(_bidi_class(c.text) for c in chars)
    return kinds["R"] > kinds["L"]


def _source(name: str, pages: list[_Page], pages_blocks: list[list[_Block]], frame: _Frame,
            lang: str | None = None) -> Source:
    texts = [line.text for page in pages for line in page.lines]
    # the lines of a block are joined here, before convert() tells the language (when
    # the user did not name it): the hyphens of a language's compounds need it
    code = lang or detect("\n".join(texts))
    vocabulary = vocabulary_of(texts, load(code) if code else None)
    lines: list[str] = []
    hints: list[LineHint | None] = []
    for page, blocks in zip(pages, pages_blocks):
        if page.number > 1:
            lines.append("\f")
            hints.append(None)
        for k, block in enumerate(blocks):
            if k:
                lines.append("")
                hints.append(None)
            lines.append(block.text(vocabulary))
            first = block.lines[0]
            hints.append(LineHint(
                page=page.number, band=block.band, size=round(first.size, 1),
                indent=round(block.starts[0] - frame.start, 1),
                continues=block.continues if block.band == "body" else None))
    return Source(name=name, text="\n".join(lines) + "\n", encoding="pdf", hints=tuple(hints) + (None,), lang=code)


def locate_pages(diagnostics: tuple[Diagnostic, ...], hints: tuple | None) -> tuple[Diagnostic, ...]:
    """Name the page in each diagnostic that points at a line of a PDF's text, so that
    it can be found in the PDF as well as in the extracted text.

    >>> locate_pages((Diagnostic("W012", "operative paragraph 12 missing", 2),), (None, LineHint(3)))[0].message
    'operative paragraph 12 missing (page 3)'
    """
    if hints is None:
        return diagnostics
    out = []
    for d in diagnostics:
        hint = hints[d.line - 1] if d.line and 0 < d.line <= len(hints) else None
        out.append(Diagnostic(d.code, f"{d.message} (page {hint.page})", d.line) if hint is not None else d)
    return tuple(out)
