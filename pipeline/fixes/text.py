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


# Characters that print nothing: zero-width space and joiners, word joiner and the
# invisible operators, a byte-order mark inside the text (zero-width no-break space),
# the left-to-right, right-to-left and Arabic letter marks, and a soft hyphen inside a
# line (at a line end it tells where a word was broken: `scripts.join_fragments`).
_PRINT_NOTHING = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u061c"
_INVISIBLE = re.compile(f"[{_PRINT_NOTHING}]|\u00ad(?!$)|(?<![^\\W\\d_])\u00ad$")


def remove_invisible(text: str) -> str:
    """Remove the characters that print nothing.

    Word processors and web pages put them in (a soft hyphen at each place a word may
    break, a word joiner, a left-to-right mark around a number), and copied text keeps
    them; none is part of the text, and inside a word or a phrase they keep it from
    being recognised (`Security\\u200b Council`, `S/RES/2699\\u200e (2023)`).

    >>> remove_invisible("Human\\u200b Rights Coun\\u00adcil\\u200e, devel\\u00ad"), remove_invisible("2023/28. \\u00ad")
    ('Human Rights Council, devel\\xad', '2023/28. ')
    """
    return _INVISIBLE.sub("", text)


def remove_soft_hyphens(text: str) -> str:
    """Remove the soft hyphens left once the lines are joined: one at the end of a
    paragraph marked a break that did not happen, and prints nothing.

    >>> remove_soft_hyphens("the end of the para\\u00ad")
    'the end of the para'
    """
    return text.replace("\u00ad", "")


# Spaces that differ from U+0020 only in where a line may break or in their width:
# a no-break space inside `S/RES/2710 (2023)` or `19 December`, the narrow one before
# French `;` `:` `!` `?`, figure and thin spaces.
_OTHER_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")


def plain_spaces(text: str) -> str:
    """Write every space as U+0020.

    Word processors and web pages print a no-break space wherever a line must not
    break; the rules read a space between the words of a phrase (`Security Council`,
    `19 December 2023`), and a space is all the running text of a resolution needs.

    >>> plain_spaces("S/RES/2710\\u00a0(2023) ; le 19\\u202fdécembre")
    'S/RES/2710 (2023) ; le 19 décembre'
    """
    return _OTHER_SPACE.sub(" ", text)


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
# the characters of which a text must hold one for remove_invisible to change it
# (substring tests, in C: the pattern, with its alternatives, scans a text slowly)
INVISIBLE = _PRINT_NOTHING + "\u00ad"
OTHER_SPACE = _OTHER_SPACE
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
