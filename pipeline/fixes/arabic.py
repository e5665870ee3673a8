"""Fixes for right-to-left (Arabic) text layers: bidi controls, ligature order, numbers."""
from __future__ import annotations

import re

from .base import Draft, Line, lines_of  # noqa: F401  (lines_of: doctests)


def remove_bidi_controls(text: str) -> str:
    """Remove bidirectional embedding controls (U+202A–U+202E, U+2066–U+2069).

    pdftotext wraps right-to-left runs in U+202B … U+202C; they are display
    instructions, not text, and the order of the characters is already logical.

    >>> remove_bidi_controls("\\u202bنص\\u202c")
    'نص'
    """
    return text.translate(_BIDI)


_BIDI = str.maketrans({c: None for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"})

# Arabic letters and the marks (harakat, shadda, superscript alef) written on them:
# what a word is made of, for the word boundaries below.
_LETTER = "\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670"
_START = f"(?<![{_LETTER}])"  # at the start of a word
# Prefixes that may stand before the article in one written word: the conjunctions
# و and ف, then the prepositions ب and ك ("وبالأمم"). The preposition ل is left out:
# with the article it is written لل, which has no separate alef.
_PROCLITICS = "(?P<pre>[وف]?[بك]?)"

# The repairs, as (pattern, replacement). Each pattern matches only a sequence that
# no correctly spelt Arabic word contains.
_LAM_ALEF_REPAIRS = (
    # alef maksura ends a word; followed by lam it is the ligature لى read backwards:
    # إىل → إلى, عىل → على, األوىل → الأولى
    (re.compile(f"(?<=[{_LETTER}])\u0649\u0644"), "\u0644\u0649"),
    # a word cannot start with alef + alef with hamza or madda: the article before
    # the ligature لأ لإ لآ read backwards: األمم → الأمم, واإلنسان → والإنسان
    (re.compile(f"{_START}{_PROCLITICS}\u0627(?P<alef>[\u0622\u0623\u0625])\u0644"), r"\g<pre>ال\g<alef>"),
    # nor can any word hold two alefs in a row before a lam (except after the
    # negation لا, as in اللاانتقائية): االقتصادي → الاقتصادي, حاالت → حالات
    (re.compile("(?<!\u0644)\u0627\u0627\u0644"), "\u0627\u0644\u0627"),
    # a word cannot start with hamza-alef + alef: ألا, إلا read backwards: إال → إلا
    (re.compile(f"{_START}{_PROCLITICS}(?P<alef>[\u0623\u0625])\u0627\u0644"), r"\g<pre>\g<alef>لا"),
    # alef + lam + yeh with hamza: no Arabic word starts with ئ, so this is لائ read
    # backwards: الئق → لائق, المالئمة → الملائمة
    (re.compile("\u0627\u0644\u0626"), "\u0644\u0627\u0626"),
    # a doubled lam is written once with shadda, so ال + ل inside a word, not after
    # the article's own prefixes, is لا + ل read backwards: خالل → خلال,
    # استقاللها → استقلالها (اللجنة, باللغة, واللذين and the name عبدالله are left alone)
    (re.compile(f"{_START}(?![وف]?[بك]?\u0627\u0644\u0644)(?P<stem>[{_LETTER}]+?)(?<!عبد)\u0627\u0644\u0644"),
     r"\g<stem>لال"),
    # the article never stands alone: ال, وال, فال as words are the negation لا
    (re.compile(f"{_START}(?P<pre>[وف]?)\u0627\u0644(?![{_LETTER}])"), r"\g<pre>لا"),
)


def repair_lam_alef(text: str) -> str:
    """Put back in order the letters of lam-alef ligatures that the text layer reversed.

    Arabic fonts draw lam + alef (لا لأ لإ لآ, and in some fonts lam + alef
    maksura لى) as one ligature glyph; pdftotext, mapping that glyph back to
    letters, writes them in the wrong order. The text layers then hold `األمم` for
    `الأمم`, `إىل` for `إلى`, `عىل` for `على`, `اإلنسان` for `الإنسان`,
    `االقتصادي` for `الاقتصادي`, `خالل` for `خلال`, `ال` for `لا`.

    Only sequences that cannot occur in correctly spelt Arabic are repaired: an alef
    maksura inside a word, a word that starts with alef + hamza-alef or with two
    alefs, ال + ل inside a word, the article alone. The reversed form that is itself
    a good spelling is left as it is (`السالم` for `السلام`, `ألن` for `لأن`,
    `لإلنسان` for `للإنسان`: compare `سالم`, `ألف`, `لإلغاء`), and so is every
    correct word, with or without a ligature.

    >>> repair_lam_alef("تدعو األمم المتحدة إىل العمل عىل تعزيز حقوق اإلنسان")
    'تدعو الأمم المتحدة إلى العمل على تعزيز حقوق الإنسان'
    >>> repair_lam_alef("والتنمية االقتصادية واالجتماعية خالل الدورة األوىل")
    'والتنمية الاقتصادية والاجتماعية خلال الدورة الأولى'
    >>> repair_lam_alef("وإذ يعرب عن قلقه ألن السالم ال يزال بعيدا")
    'وإذ يعرب عن قلقه ألن السالم لا يزال بعيدا'
    >>> repair_lam_alef("تلاحظ الإعلان واللجنة والاتفاقية اللاإنسانية إلى على الأولى")
    'تلاحظ الإعلان واللجنة والاتفاقية اللاإنسانية إلى على الأولى'
    """
    for pattern, replacement in _LAM_ALEF_REPAIRS:
        text = pattern.sub(replacement, text)
    return text


_LOOSE_NUMBER = re.compile(r"(?<!\S)[-–]\s?(?P<n>\d{1,3})(?!\S)")


def place_paragraph_numbers(draft: Draft) -> Draft:
    """Move a paragraph number that a right-to-left text layer printed inside the
    first line of its paragraph back to the line's start.

    Arabic paragraphs are numbered at the right margin (`1-`); extracting the
    right-to-left line can put the number, its dash first, anywhere in the line
    (`يقرر إنشاء فريق … -1 قانونا`). A single such token in a line that does not
    start with a number is taken for the paragraph number, unless a month name
    follows it (`11 أيلول - 13 تشرين`, a date range). Left-to-right languages are
    left alone.

    >>> from pipeline.languages import load
    >>> d = place_paragraph_numbers(Draft(lines_of("يقرر إنشاء فريق عامل -1 بوضع مشروع"), profile=load("ar")))
    >>> d.lines[0].text
    '1- يقرر إنشاء فريق عامل بوضع مشروع'
    """
    profile = draft.profile
    if profile is None or profile.direction != "rtl":
        return draft
    month = re.compile(rf"^\s*(?:{'|'.join(map(re.escape, profile.months))})")
    lines = []
    for line in draft.lines:
        text = line.text
        found = list(_LOOSE_NUMBER.finditer(text))
        if (len(found) == 1 and found[0].start() > 0 and not re.match(r"^\s*[-–]?\s*\d", text)
                and not month.match(text[found[0].end():])):
            m = found[0]
            rest = f"{text[:m.start()].rstrip()} {text[m.end():].lstrip()}".strip()
            line = Line(f"{m['n']}- {rest}", line.span, line.page_break)
        lines.append(line)
    return draft.with_lines(lines)
