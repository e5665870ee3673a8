"""Character-level fixes: each is a pure `str -> str` applied to every line (one that
needs the document's language is a line fix that reads its profile)."""
from __future__ import annotations

import re
import unicodedata

from ..scripts import SUPERSCRIPT_DIGITS
from .base import Draft, Line


def normalize_nfc(text: str) -> str:
    """Compose characters to Unicode NFC.

    PDF text layers mix precomposed letters with base letter + combining mark
    (`é` as `e` + U+0301), so equal words compare unequal. NFC (not NFKC) keeps
    compatibility characters as printed: full-width CJK punctuation stays full-width,
    superscript footnote digits stay superscript.

    >>> normalize_nfc("re\\u0301solution") == "r\\u00e9solution"
    True
    >>> normalize_nfc("人权理事会，报告¹；")
    '人权理事会，报告¹；'
    """
    return unicodedata.normalize("NFC", text)


# C0 and C1 controls other than TAB and FF (a form feed marks a page break and is
# consumed by mark_page_breaks), DEL, the two XML-forbidden noncharacters, and
# surrogates (only reachable through lenient decoders).
_CONTROL = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def remove_control_chars(text: str) -> str:
    """Remove control characters, keeping tab and form feed.

    They come from PDF producers (NUL padding, stray escape codes) and are not
    allowed in XML 1.0. The form feed is kept because pdftotext writes one at every
    page end: it is the page-break signal read by `mark_page_breaks`. Bidirectional
    marks are formatting characters, not controls, and are left for the Arabic fixes.

    >>> remove_control_chars("a\\x00b\\x1bc\\x0cd\\te")
    'abc\\x0cd\\te'
    >>> remove_control_chars("\\u202bنص\\u202c")
    '\\u202bنص\\u202c'
    """
    return _CONTROL.sub("", text)


def tabs_to_spaces(text: str) -> str:
    """Turn tabs into spaces.

    Word processors separate a paragraph number from its text with a tab; in plain
    text it means no more than a space.

    >>> tabs_to_spaces("1.\\tDecides")
    '1. Decides'
    """
    return text.replace("\t", " ")


_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


def collapse_space_runs(text: str) -> str:
    """Reduce runs of spaces inside a line to one and drop leading spaces.

    Runs come from justified or centred lines and from `pdftotext -layout`. Spaces
    are not meaningful in the running text of a resolution; a single space is kept
    where there was any, so Chinese `2018 年` stays as printed.

    >>> collapse_space_runs("   Agenda   item  3")
    'Agenda item 3'
    >>> collapse_space_runs("2018 年 7 月")
    '2018 年 7 月'
    """
    return _SPACE_RUN.sub(" ", text.lstrip(" "))


def strip_trailing_space(text: str) -> str:
    """Remove spaces at the end of a line, including the ideographic space U+3000.

    They are layout residue; keeping them would put a space between two halves of a
    word when lines are joined.

    >>> strip_trailing_space("人权理事会，\\u3000 ")
    '人权理事会，'
    >>> strip_trailing_space("\\x0c")
    '\\x0c'
    """
    return text.rstrip(" \u3000\u00a0")


_NUMERO = re.compile(r"\b([Nn]) o(?=\s?[.\d])")


def join_numero_sign(text: str) -> str:
    """Close up the numero sign `nº` that a text layer split into `n o`.

    French and Spanish print `nº`/`nᵒ` with a raised `o`; extractors give the raised
    letter a space of its own (`Supplément n o 3`, `vol. 1771, n o 30822`).

    >>> join_numero_sign("Supplément n o 3 et N o . 21"), join_numero_sign("non o")
    ('Supplément no 3 et No. 21', 'non o')
    """
    if " o" not in text and "No ." not in text:  # most lines: neither pattern can match
        return text
    return _NUMERO.sub(r"\1o", text).replace("No .", "No.")


# What a text must hold for a character fix above to change any of its lines. The
# clean stage (`clean.per_line`) looks once in the whole text and, when it is not
# there, skips the pass that calls the fix on every line: most fixes change nothing
# in most documents. Each is true of a whole text exactly when it is of one line.
def not_nfc(text: str) -> bool:
    """Whether NFC would change the text (a line break composes with nothing, so
    a text is NFC exactly when each of its lines is)."""
    return not unicodedata.is_normalized("NFC", text)


def spaces_to_collapse(text: str) -> bool:
    """A line's leading space, or a run of spaces (substring tests: a pattern with a
    line anchor is ten times slower on a whole text)."""
    return "  " in text or "\n " in text or text.startswith(" ")


CONTROL_CHARS = _CONTROL
TRAILING_SPACE = re.compile("(?m)[ \u3000\u00a0]$")
SPLIT_NUMERO = re.compile(r" o|No \.")


def space_after_calls(draft: Draft) -> Draft:
    """Put back the space between a footnote call and the punctuation that the
    language prints after a space (French `droits de l’homme² ;`).

    That space is a thin one; a block extractor that rebuilds lines from word boxes
    sees no gap between the raised digit and the semicolon and drops it, so the
    text would read `homme;` once the call becomes a note.

    >>> from pipeline.languages import load
    >>> from .base import lines_of
    >>> d = space_after_calls(Draft(lines_of("de l’homme²; et³, aussi⁴ :"), profile=load("fr")))
    >>> d.lines[0].text
    'de l’homme² ; et³, aussi⁴ :'
    """
    marks = draft.profile.spaced_punctuation if draft.profile else ""
    if not marks:
        return draft
    glued = re.compile(f"(?<=[{SUPERSCRIPT_DIGITS}])(?=[{re.escape(marks)}])")
    return draft.with_lines(Line(glued.sub(" ", line.text), line.span, line.page_break) for line in draft.lines)
