"""Fixes for right-to-left (Arabic) text layers: bidi controls, ligature order, numbers."""
from __future__ import annotations

import re
import unicodedata
from statistics import quantiles

from ..languages.ar import PROFILE as _ARABIC
from ..languages.ar import PUNCTUATION_GAP
from ..scripts import from_superscript
from .base import Draft, Line, lines_of  # noqa: F401  (lines_of: doctests)


def remove_bidi_controls(text: str) -> str:
    """Remove bidirectional embedding controls (U+202A–U+202E, U+2066–U+2069).

    pdftotext wraps right-to-left runs in U+202B … U+202C; they are display
    instructions, not text, and the order of the characters is already logical.

    >>> remove_bidi_controls("\\u202bنص\\u202c")
    'نص'
    """
    # translate() looks up every character in a dict; most lines hold no control at all
    return text.translate(_BIDI) if _BIDI_CONTROL.search(text) else text


_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = str.maketrans({c: None for c in _BIDI_CONTROLS})
_BIDI_CONTROL = re.compile(f"[{_BIDI_CONTROLS}]")

BIDI_CONTROLS = _BIDI_CONTROLS  # a text holds one for remove_bidi_controls to change it (clean.per_line)
_LRE, _RLE, _PDF = "\u202a", "\u202b", "\u202c"
_EMBEDDED_RUN = re.compile(f"{_LRE}([^{_LRE}{_RLE}{_PDF}]*){_PDF}")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_BRACKETS = set("()[]{}“”‘’\"'«»")
# A neutral stretch between two left-to-right words that is a space and then a
# punctuation mark glued to the next word ("Nos. 970 ,Treaty Series") cannot be
# left-to-right text: the mark belongs to the right-to-left level around them.
_RTL_PUNCTUATION = re.compile(r"\s+[,.;:]")


# letters that only end a word: a text whose words start with them is written backwards
_FINAL_ONLY = "\u0629\u0649"  # teh marbuta, alef maksura
_ARABIC_WORD = re.compile("[\u0621-\u064a\u064b-\u0652\u0670]+")
_REVERSED_MIN = 5  # words starting with a final-only letter, below which nothing is turned
# a run written left to right inside a right-to-left line: digits and Latin letters, with
# the points, slashes and hyphens between them (A/78/1, 2023, 15.3); with the brackets
# too where the runs themselves are moved (restore_run_order), not the characters turned
# round (reverse_visual_lines: a bracket turned round with the line is mirrored already)
_LTR_RUN = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z/.\-:,]*[0-9A-Za-z])?")
_LTR_SPAN = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z/.\-:,()]*[0-9A-Za-z)])?")


def reverse_visual_lines(draft: Draft) -> Draft:
    """Turn round the lines of an Arabic text that an extractor wrote in visual order.

    Some extractors (pdfminer.six, copying from some PDF viewers) write each line as it
    is drawn, from left to right, so an Arabic line comes out backwards:
    `ةيقافتا` for `اتفاقية`. Teh marbuta and alef maksura only end a word; when words
    start with them far more often than they end with them, the whole text is in
    visual order, and every line that holds an Arabic letter is reversed, with the
    numbers and Latin runs in it (symbols, years) turned back to read left to right.

    >>> from pipeline.languages import load
    >>> text = "ةيقافتا 2023 ماعل\\nةيعمجلا ةماعلا A/78/1 ةيلودلا ةيقافتلاا\\nىلع ةدعاسملا"
    >>> [l.text for l in reverse_visual_lines(Draft(lines_of(text), profile=load("ar"))).lines]
    ['لعام 2023 اتفاقية', 'االتفاقية الدولية A/78/1 العامة الجمعية', 'المساعدة على']
    >>> reverse_visual_lines(Draft(lines_of("اتفاقية الدولية العامة"), profile=load("ar"))).lines[0].text
    'اتفاقية الدولية العامة'
    """
    if draft.profile is None or draft.profile.direction != "rtl":
        return draft
    words = _ARABIC_WORD.findall("\n".join([line.text for line in draft.lines]))
    starting = sum(1 for w in words if w[0] in _FINAL_ONLY)
    ending = sum(1 for w in words if w[-1] in _FINAL_ONLY)
    if starting < _REVERSED_MIN or starting <= 3 * ending:
        return draft
    return draft.with_lines(
        Line(_LTR_RUN.sub(lambda m: m.group()[::-1], line.text[::-1]), line.span, line.page_break)
        if _ARABIC_WORD.search(line.text) else line for line in draft.lines)


# an Arabic letter written straight before a number, or a space between them: a text in
# reading order spaces its numbers; one whose line runs come in the order they are drawn
# (`الخدمات2015  حزيران/يونيه25  المؤرخ`) glues them to the word before
_GLUED_NUMBER = re.compile("[\u0621-\u064a][0-9]")
_SPACED_NUMBER = re.compile("[\u0621-\u064a] [0-9]")
_RUN_ORDER_MIN = 3  # glued numbers, below which no line is reordered
# the paragraph number or resolution number at the line's start, its dash first ("- 1", "- 78/294")
_LEADING_LABEL = re.compile(r"^\s*(?P<dash>[-–])\s?(?P<n>\d{1,3}(?:/\d{1,4})?)\s*")


def restore_run_order(draft: Draft) -> Draft:
    """Put the runs of an Arabic line that an extractor wrote in drawing order back
    in reading order.

    PyMuPDF keeps the letters of each run in reading order but writes a line's runs
    of Arabic and of numbers or Latin from left to right as they are drawn: `…مركز
    الخدمات2015  حزيران/يونيه25  المؤرخ69/307  إلى قرارها` for `إلى قرارها 69/307 المؤرخ
    25 حزيران/يونيه 2015 …`. Where a text glues Arabic letters straight before numbers
    more than twice as often as it spaces them (a text in reading order spaces them),
    each line holding both is rebuilt with its runs in the reverse order; a number with
    its dash first at the line's start (`- 1`) and the verb written after it, a run of
    its own face, stay in front.

    >>> from pipeline.languages import load
    >>> text = ("المتعلق بتمويل المركز2015  حزيران/يونيه25  المؤرخ69/307  إلى قرارها\\n"
    ...         "- 1تؤكد من جديد59/296  و2003  حزيران/يونيه18  المؤرخ57/290  قراراتها\\nمن دون أرقام")
    >>> [l.text for l in restore_run_order(Draft(lines_of(text), profile=load("ar"))).lines]
    ['إلى قرارها 69/307 المؤرخ 25 حزيران/يونيه 2015 المتعلق بتمويل المركز', '1- تؤكد من جديد قراراتها 57/290 المؤرخ 18 حزيران/يونيه 2003 و 59/296', 'من دون أرقام']
    >>> restore_run_order(Draft(lines_of("قرارها 69/307 المؤرخ 25 حزيران 2015 وقرارها2"), profile=load("ar"))).lines[0].text
    'قرارها 69/307 المؤرخ 25 حزيران 2015 وقرارها2'
    >>> text = "– 2يقرر أيضا2030  لعام4  الفقرة\\nالمركز2015  حزيران25  المؤرخ\\nالمركز2016  أيار3  في"
    >>> restore_run_order(Draft(lines_of(text), profile=load("ar"))).lines[0].text  # an en dash stays one
    '2– يقرر أيضا الفقرة 4 لعام 2030'
    """
    profile = draft.profile
    if profile is None or profile.direction != "rtl":
        return draft
    whole = "\n".join([line.text for line in draft.lines])
    glued = len(_GLUED_NUMBER.findall(whole))
    if glued < _RUN_ORDER_MIN or glued <= 2 * len(_SPACED_NUMBER.findall(whole)):
        return draft
    verb = profile.rx("operative_phrase")
    lines = []
    for line in draft.lines:
        text = line.text
        if _LTR_SPAN.search(text) and _ARABIC_WORD.search(text):
            prefix = ""
            label = _LEADING_LABEL.match(text)
            if label:
                number, dash = label["n"], label["dash"]  # the dash as printed: no character is lost
                prefix = f"{number} {dash} " if "/" in number else f"{number}{dash} "
                text = text[label.end():]
                phrase = verb.match(text)
                if phrase:
                    prefix, text = prefix + phrase.group().strip() + " ", text[phrase.end():]
            line = Line((prefix + _reversed_runs(text)).strip(), line.span, line.page_break)
        lines.append(line)
    return draft.with_lines(lines)


def _reversed_runs(text: str) -> str:
    """The runs of `text` (left-to-right spans and what lies between them) in reverse order."""
    parts, position = [], 0
    for m in _LTR_SPAN.finditer(text):
        parts += [text[position:m.start()], m.group()]
        position = m.end()
    parts.append(text[position:])
    return " ".join(part.strip() for part in reversed(parts) if part.strip())


def restore_logical_order(text: str) -> str:
    """Put the left-to-right runs of a right-to-left line back in reading order.

    pdftotext writes a right-to-left line in reading order, but a stretch that is
    not right-to-left (digits, Latin letters, and the spaces, brackets and marks
    between them and up to the next Arabic letter, the Arabic comma included) it
    writes as it appears on the page, left to right, between U+202A and U+202C. The
    neutral characters in it that belong to the Arabic text around it then stand
    on the wrong side: `" - 79/11"` for `79/11 - `, `" 18"` for `18 `, `"،2017"` for
    `2017،`, `" )2005( 1631"` for `1631 (2005) `, `" ،"` for `، ` (the comma leading
    the next word). The run is cut into its left-to-right pieces (numbers with
    their separators, Latin words with a symbol's digits, as the Unicode
    bidirectional algorithm levels them) and the single characters between them,
    and the order of the pieces is reversed. A line with Latin letters and no
    Arabic one (a symbol, `Distr.: General`, a job number) was set left to right:
    its parts are put back in the order they have on the page, unless only the
    right-to-left reading closes its brackets (`(2) A/HRC/49/53.`, a footnote
    text). A line that pdftotext took for a left-to-right one (its right-to-left
    pieces between U+202B and U+202C, the rest as on the page) is read the same
    way from its last piece, and so is a line of right-to-left runs that a wide gap
    set apart (an item's label in the margin, in `pdftotext -layout`). The marks go;
    lines without an embedded run are left alone (`remove_bidi_controls` takes their
    marks).

    >>> R, L, P = "\u202b", "\u202a", "\u202c"
    >>> restore_logical_order(f"{R}{L} - 79/11{P}التعاون بين{P}")
    '79/11 - التعاون بين'
    >>> restore_logical_order(f"{R}قرار مجلس الأمن {L} )2005( 1631{P}المؤرخ {L} 17{P}تشرين الأول{P}")
    'قرار مجلس الأمن 1631 (2005) المؤرخ 17 تشرين الأول'
    >>> restore_logical_order(f"{R}أيلول{L}/{P}سبتمبر {L}،2017{P}{P}")
    'أيلول/سبتمبر 2017،'
    >>> restore_logical_order(f"{R}الاقتصادية{L} ،{P}مما يسهم{P}")
    'الاقتصادية، مما يسهم'
    >>> restore_logical_order(f"{R}[دون الإحالة إلى لجنة رئيسية ({L}])A/79/L.12{P}{P}")
    '[دون الإحالة إلى لجنة رئيسية (A/79/L.12)]'
    >>> restore_logical_order(f"{R}({L}.A/HRC/49/53 )2{P}{P}")
    '(2) A/HRC/49/53.'
    >>> restore_logical_order(f"{R}({L}.vol. 75, No. 973 ,Treaty Series ,United Nations )13{P}{P}")
    '(13) United Nations, Treaty Series, vol. 75, No. 973.'
    >>> restore_logical_order(f"{R}){L}GE.24-16290(A{P}{P}"), restore_logical_order(f"{R}{L}Distr.: General{P}{P}")
    ('GE.24-16290(A)', 'Distr.: General')
    >>> restore_logical_order(f".A/77/PV.46 {R}) انظر{P}1(")
    '(1) انظر A/77/PV.46.'
    >>> restore_logical_order(f"   {R}الاستغلال غير المشروع وضرورة{P}    {R}(د){P}")
    '   (د)    الاستغلال غير المشروع وضرورة'
    >>> restore_logical_order("No embedded run here.")
    'No embedded run here.'
    """
    if _LRE not in text and _RLE not in text.lstrip()[1:]:
        return text
    # right-to-left runs a wide gap set apart (pdftotext -layout: an item's label in
    # the margin, `‫…وضرورة‬    ‫(د)‬`): read from the right, the indentation kept. The
    # runs are looked for only where one closes and, after spaces or none, another opens.
    runs = _top_level_runs(text) if _RUNS_APART.search(text) else []
    if sum(run.startswith(_RLE) for run in runs) > 1 and all(run.startswith(_RLE) or not run.strip() for run in runs):
        indent = runs.pop(0) if not runs[0].strip() else ""
        return indent + remove_bidi_controls(
            "".join(run if not run.strip() else restore_logical_order(run) for run in reversed(runs))).rstrip()
    if not text.lstrip().startswith(_RLE):
        # a line pdftotext took for a left-to-right one: its pieces from the left,
        # the right-to-left ones (between U+202B and U+202C) in reading order
        pieces = re.split(f"({_RLE}[^{_PDF}]*{_PDF})", text)
        return "".join(p[1:-1] if p.startswith(_RLE) else _logical(p) for p in reversed(pieces) if p)
    logical = remove_bidi_controls(_EMBEDDED_RUN.sub(lambda m: _logical(m.group(1)), text))
    if _LATIN_LETTER.search(text) and not _ARABIC_LETTER.search(text):
        # perhaps set left to right: pdftotext wrote its pieces from the right,
        # each right-to-left piece reversed; the brackets tell which reading is right
        pieces = re.split(f"({_LRE}[^{_PDF}]*{_PDF})", text)
        pieces = [p[1:-1] if p.startswith(_LRE) else remove_bidi_controls(p)[::-1] for p in pieces]
        as_printed = "".join(reversed(pieces))
        if _well_nested(as_printed) or not _well_nested(logical):
            return as_printed
    return logical


_RUNS_APART = re.compile(f"{_PDF}\\s*{_RLE}")


def _top_level_runs(text: str) -> list[str]:
    """The embedded runs of a line at its top level (each with its marks, whatever it
    nests) and the text between them, in order.

    >>> R, L, P = "\u202b", "\u202a", "\u202c"
    >>> _top_level_runs(f"  {R}a{L}1{P}b{P}   {R}(c){P}")
    ['  ', '\u202ba\u202a1\u202cb\u202c', '   ', '\u202b(c)\u202c']
    """
    pieces, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in (_RLE, _LRE):
            if depth == 0 and i > start:
                pieces.append(text[start:i])
                start = i
            depth += 1
        elif char == _PDF and depth:
            depth -= 1
            if depth == 0:
                pieces.append(text[start:i + 1])
                start = i + 1
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _well_nested(text: str) -> bool:
    depth = 0
    for c in text:
        depth += (c in "([") - (c in ")]")
        if depth < 0:
            return False
    return depth == 0


def _logical(run: str) -> str:
    """The reading order of a run written left to right inside right-to-left text.

    >>> _logical(" - 79/11"), _logical("\u0328I"), _logical("\u2022\u0328I")  # a mark stays with its letter
    ('79/11 - ', '\u0328I', 'I\u2022\u0328')
    """
    kinds = [_kind(c) for c in run]
    # a combining mark goes where the character it is written on goes: with the piece
    # before it (below), or, opening the run (after controls only), with the letter after it
    lead = next((k for k, c in enumerate(run) if unicodedata.category(c) != "Cf"), len(run))
    base = next((k for k in range(lead, len(run)) if not unicodedata.combining(run[k])), len(run))
    if lead < base < len(run):
        kinds[lead:base] = [kinds[base]] * (base - lead)
    for i in range(1, len(run) - 1):  # a separator inside a number: 79/11, 24-19652
        if kinds[i] in ("CS", "ES") and run[i] != "،" and kinds[i - 1] == kinds[i + 1] == "EN":
            kinds[i] = "EN"
    strong = None  # digits after Latin letters in one stretch are part of them (A/79/L.12)
    for i, c in enumerate(run):
        if kinds[i] == "L":
            strong = "L"
        elif kinds[i] == "EN" and strong == "L":
            kinds[i] = "L"
        elif c in _BRACKETS:
            strong = None
    pieces: list[str] = []
    i = 0
    while i < len(run):
        j = i + 1
        if kinds[i] in ("L", "EN"):
            while j < len(run):
                if kinds[j] in ("L", "EN"):
                    j += 1
                    continue
                k = j  # neutral characters between two Latin stretches are Latin too
                while k < len(run) and kinds[k] not in ("L", "EN"):
                    k += 1
                if (k < len(run) and kinds[j - 1] == kinds[k] == "L"
                        and not _RTL_PUNCTUATION.fullmatch(run[j:k])):
                    j = k
                    continue
                break
            opened = run[i:j].count("(") - run[i:j].count(")")
            while opened > 0 and j < len(run) and run[j] == ")":  # a bracket it opened: (Part I)
                opened, j = opened - 1, j + 1
        while j < len(run) and unicodedata.combining(run[j]) and unicodedata.category(run[j - 1]) != "Cf":
            j += 1  # a mark goes where the character it is written on goes
        pieces.append(run[i:j])
        i = j
    return "".join(reversed(pieces))


def _kind(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    return kind if kind in ("L", "EN", "CS", "ES") else "N"

# Arabic letters and the marks (harakat, shadda, superscript alef) written on them:
# what a word is made of, for the word boundaries below.
_LETTER = "\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670"
_START = f"(?<![{_LETTER}])"  # at the start of a word
# Prefixes that may stand before the article in one written word: the conjunctions
# و and ف, then the prepositions ب and ك ("وبالأمم"). The preposition ل is left out:
# with the article it is written لل, which has no separate alef.
_PROCLITICS = "(?P<pre>[وف]?[بك]?)"

_RADICAL = "[\u0621\u0624\u0626\u0628-\u063a\u0641-\u064a]"  # a letter of a root: no alef

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
    # li before a verbal noun of the pattern ifʿāl (إحراز، إيواء، إنشاء) is لإ, which
    # read backwards gives إل + four letters, the third an alef: no word starts so
    # (إلغاء، إلمام، إلحاح have three after إل): إلحراز → لإحراز, إليواء → لإيواء
    (re.compile(f"{_START}(?P<pre>[وف]?)\u0625\u0644(?P<stem>{_RADICAL}{{2}}\u0627{_RADICAL})"),
     r"\g<pre>لإ\g<stem>"),
    # the article never stands alone: ال, وال, فال as words are the negation لا
    (re.compile(f"{_START}(?P<pre>[وف]?)\u0627\u0644(?![{_LETTER}])"), r"\g<pre>لا"),
)


# Words of UN texts whose reversed spelling is no word, or one that UN texts do not
# use (`السالم`, "the unharmed one", for `السلام`, "peace"): language data, found where
# no rule over the letters can tell, each with the forms it takes. `P` is what may
# stand before a word: the conjunctions, a preposition, the article (li + al is لل).
_P = "(?P<pre>[وف]?(?:[بكل]?ال|لل|[بكل])?)"
_END = "(?![\u0621-\u063a\u0641-\u064a])"  # no letter after it (a mark may follow: كاملاً)
_PLURAL_STEMS = ("تعدي", "تسهي", "تفضي", "تحوي", "تحلي", "تشكي", "تمثي", "مداو", "مقاو", "عام")
_ADVERB_STEMS = ("كام", "متكام", "فض", "أص", "وصو", "شام", "عاج", "مستقب", "مستق", "تفصي", "قلي", "طوي", "بدي")
_VERBAL_NOUNS = ("ستعراض", "ستخدام", "ستقالة", "ستكمال", "ستيفاء", "ستمرار", "ستعادة", "ستئناف", "تخاذ", "تباع",
                 "تفاق", "حترام", "عتماد", "عتراف", "نتخاب", "نضمام", "لتزام")
_DEFINITE_NOUNS = ("عتراف", "ستعراض", "ستخدام", "سترشاد", "تخاذ", "تحاد", "حترام", "عتماد", "شتراك")
# nouns after li whose first letter is a hamza-alef (plurals of the pattern afʿāl
# and a few others, two names of the resolutions): لأعمال، لأسلحة، لأفريقيا, and with the
# article للأطفال، للأشخاص
_HAMZA_NOUNS = ("عمال", "سلحة", "طفال", "شخاص", "غراض", "فراد", "حكام", "طراف", "قاليم", "ولويات", "زمات", "مم",
                "مين", "من", "مانة", "ثر", "فريقيا", "فغانستان")
_SUFFIX = f"(?P<suf>[{_LETTER}]*)"
_PRONOUN = "(?P<suf>ه|ها|هم|هما|هن|نا|كم)?"
_NO_SUFFIX = "(?P<suf>)"
_CONJUNCTION = "(?P<pre>[وف]?)"


def _word(broken: str, fixed: str, before: str = _P, after: str = _SUFFIX,
          held: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], re.Pattern, str]:
    """One listed word: what a line must hold for its pattern to be tried (the broken
    form itself, unless it is a pattern), the pattern (what may stand before it, the
    broken form, what may follow) and the replacement. The substrings spare the
    patterns most lines, which hold no listed word."""
    return held or (broken,), re.compile(f"{_START}{before}{broken}{after}{_END}"), rf"\g<pre>{fixed}\g<suf>"


def _one_of(stems: tuple[str, ...]) -> str:
    return f"(?P<stem>{'|'.join(stems)})"


# plurals of what the UN counts in years and meetings: after them ثالث(ة), "third", is
# no word, ثلاث(ة), "three", is
_COUNTED = ("سنوات", "أعوام", "أشهر", "أسابيع", "أيام", "ساعات", "مرات", "دورات", "جلسات", "حلقات",
            "أعضاء", "مقررات", "قرارات")


_LAM_ALEF_WORDS = (
    # peace, safety; weapons: السلام، للسلام، سلامة، سلامتها، السلاح (not مسالم, peaceful)
    _word("سالم", "سلام", "(?P<pre>[وف]?(?:[بكل]?ال|لل))", f"(?P<suf>ة|ت[{_LETTER}]*)?"),
    _word("سالم", "سلام", "(?P<pre>[وف]?[بكل]?)", f"(?P<suf>ة|ت[{_LETTER}]*)"),
    _word("سالح", "سلاح"),
    # declaration: إعلان، الإعلانات
    _word("(?P<a>[إا])عالن", r"\g<a>علان", held=("عالن",)),
    # mandate: ولاية، الولايات، ولايته (not والي alone, a governor)
    _word("والي", "ولاي", after=f"(?P<suf>ة|ات|ت[{_LETTER}]*)"),
    # to note, a note: يلاحظ، ملاحظة، الملاحظات (not الحظ, "the luck")
    _word("(?P<a>[يتنم])الحظ", r"\g<a>لاحظ", held=("الحظ",)),
    # to inform, to see, to undertake: إبلاغ، اطلاع، إطلاع، اضطلاع
    _word("إبالغ", "إبلاغ"),
    _word("(?P<a>[اإ]ض?)طالع", r"\g<a>طلاع", held=("طالع",)),
    # plurals in -لات: تعديلات، تسهيلات، مداولات، العاملات
    _word(f"{_one_of(_PLURAL_STEMS)}الت", r"\g<stem>لات", held=tuple(stem + "الت" for stem in _PLURAL_STEMS)),
    # adverbs in -لا: كاملا، فضلا، أصلا، وصولا، عاجلا، مستقبلا (not أعمال, أطفال, مثال…)
    _word(f"{_one_of(_ADVERB_STEMS)}ال", r"\g<stem>لا", _CONJUNCTION, _NO_SUFFIX,
          held=tuple(stem + "ال" for stem in _ADVERB_STEMS)),
    # li + a verbal noun whose alef the ligature took: لاستعراض، لاتخاذ (the article
    # would keep it: الاستعراض)
    _word(f"ال{_one_of(_VERBAL_NOUNS)}", r"لا\g<stem>", _CONJUNCTION, held=tuple("ال" + n for n in _VERBAL_NOUNS)),
    # li + al + such a noun: للاعتراف، للاستعراض، للاتحاد
    _word(f"لال{_one_of(_DEFINITE_NOUNS)}", r"للا\g<stem>", _CONJUNCTION,
          held=tuple("لال" + n for n in _DEFINITE_NOUNS)),
    # in accordance with: عملا بـ (عمال, workers, is no adverb before بـ)
    _word("عمال", "عملا", _CONJUNCTION, r"(?P<suf>)(?=\s+ب)"),
    # Islam, possession, navigational, especially: الإسلامية، امتلاك، الملاحية، لاسيما
    _word("إسالم", "إسلام"),
    _word("امتالك", "امتلاك"),
    _word("مالحي", "ملاحي"),
    # navigation: حرية الملاحة، سلامة الملاحة (but salt water, المياه المالحة, is salty)
    _word("مالحة", "ملاحة", f"(?<!مياه ){_P}"),
    # both, each of two: كلا الطرفين، كلا الوالدين (before a definite noun)
    _word("كال", "كلا", _CONJUNCTION, r"(?P<suf>)(?=\s+ال)"),
    # a present tense in the dual: يتحملان، تعملان (no Arabic word ends in -الن)
    _word(f"(?P<stem>[يت][{_LETTER}]{{2,}})الن", r"\g<stem>لان", _CONJUNCTION, _NO_SUFFIX, held=("الن",)),
    # three, before what it counts (ثلاث سنوات، ثلاثة أشهر): ثالث, third, follows its noun
    _word("ثالث", "ثلاث", _CONJUNCTION, rf"(?P<suf>ة?)(?=\s+{_one_of(_COUNTED)})"),
    # Angola, in the lists of the States elected
    _word("أنغوال", "أنغولا", _CONJUNCTION, _NO_SUFFIX),
    _word("السيما", "لاسيما", _CONJUNCTION, _NO_SUFFIX),
    # necessary, refugees: اللازم، اللازمة، اللاجئين
    _word("الال(?P<stem>زم|جئ)", r"اللا\g<stem>", "(?P<pre>[وف]?[بك]?)", held=("الالز", "الالج")),
    # The Hague
    _word("الهاي", "لاهاي", "(?P<pre>[وف]?[بل]?)", _NO_SUFFIX),
    # because: لأن، لأنه (ألن is no word of UN texts)
    _word("ألن", "لأن", _CONJUNCTION, _PRONOUN),
    # li (+ al) + such a noun: لأعمال written ألعمال, للأطفال written لألطفال, للآخرين written لآلخرين
    _word(f"أل{_one_of(_HAMZA_NOUNS)}", r"لأ\g<stem>", _CONJUNCTION, _PRONOUN,
          held=tuple("أل" + n for n in _HAMZA_NOUNS)),
    _word(f"لأل{_one_of(_HAMZA_NOUNS)}", r"للأ\g<stem>", _CONJUNCTION, _PRONOUN,
          held=tuple("لأل" + n for n in _HAMZA_NOUNS)),
    _word("لآلخر", "للآخر", _CONJUNCTION, "(?P<suf>ين|ى)?"),
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
    a good spelling is left as it is (`لإلنسان` for `للإنسان`: compare `لإلغاء`),
    and so is every correct word, with or without a ligature; except the words of a
    short list of UN vocabulary whose reversed form is no word or none UN texts use
    (`السالم` for `السلام`, `إعالن` for `إعلان`, `والية` for `ولاية`, `مالحظة` for
    `ملاحظة`, `كامال` for `كاملا`, `ألن` for `لأن`, `لألطفال` for `للأطفال`).

    >>> repair_lam_alef("تدعو األمم المتحدة إىل العمل عىل تعزيز حقوق اإلنسان")
    'تدعو الأمم المتحدة إلى العمل على تعزيز حقوق الإنسان'
    >>> repair_lam_alef("والتنمية االقتصادية واالجتماعية خالل الدورة األوىل")
    'والتنمية الاقتصادية والاجتماعية خلال الدورة الأولى'
    >>> repair_lam_alef("وإذ يعرب عن قلقه ألن السالم ال يزال بعيدا")
    'وإذ يعرب عن قلقه لأن السلام لا يزال بعيدا'
    >>> repair_lam_alef("تلاحظ الإعلان واللجنة والاتفاقية اللاإنسانية إلى على الأولى")
    'تلاحظ الإعلان واللجنة والاتفاقية اللاإنسانية إلى على الأولى'
    >>> repair_lam_alef("يالحظ اإلعالن وواليته مشاركة كاملة كامال لالعتراف الستعراض الالجئين")
    'يلاحظ الإعلان وولايته مشاركة كاملة كاملا للاعتراف لاستعراض اللاجئين'
    >>> repair_lam_alef("أعمال الأطفال مثال والي مسالم الحظ بالغ")
    'أعمال الأطفال مثال والي مسالم الحظ بالغ'
    >>> repair_lam_alef("حرية المالحة وكال الوالدين يتحمالن (أنغوال) كال")
    'حرية الملاحة وكلا الوالدين يتحملان (أنغولا) كال'
    >>> repair_lam_alef("إلحراز تقدم وإليواء اللاجئين، إلغاء إليها إلمام إلا")
    'لإحراز تقدم ولإيواء اللاجئين، إلغاء إليها إلمام إلا'
    >>> repair_lam_alef("المكتب الإقليمي ألفريقيا وبعثة الأمم المتحدة ألفغانستان، الفرع ألف")
    'المكتب الإقليمي لأفريقيا وبعثة الأمم المتحدة لأفغانستان، الفرع ألف'
    >>> repair_lam_alef("المياه المالحة")
    'المياه المالحة'
    >>> repair_lam_alef("لفترة مدتها ثالث سنوات وثالثة أشهر، للمرة الثالثة، العالم الثالث")
    'لفترة مدتها ثلاث سنوات وثلاثة أشهر، للمرة الثالثة، العالم الثالث'
    """
    # every pattern holds an alef (bare, with hamza or madda) or an alef maksura: a line
    # with none (any line of a document in another script) is left alone
    if "\u0627" not in text and "\u0649" not in text and "\u0623" not in text and "\u0622" not in text:
        return text
    for pattern, replacement in _LAM_ALEF_REPAIRS:
        text = pattern.sub(replacement, text)
    if "\u0627\u0644" in text or "\u0623\u0644" in text or "\u0622\u0644" in text:  # a reversed لا, لأ or لآ
        for held, pattern, replacement in _LAM_ALEF_WORDS:
            if any(part in text for part in held):
                text = pattern.sub(replacement, text)
    return text


# a text holds one for repair_lam_alef to change it (clean.per_line)
ALEF_OR_MAKSURA = "\u0627\u0649\u0623\u0622"


_LOOSE_NUMBER = re.compile(r"(?<!\S)(?P<dash>[-–])\s?(?P<n>\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?!\S)")
# A number at the start of the line with its dash first ("-10 يهيب"): the dash
# that follows the number in reading order came out on the wrong side.
_MIRRORED_NUMBER = re.compile(r"^(?P<dash>[-–])\s?(?P<n>\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?:\s+(?=\S)|\s*$)")
# A number at the end of the line ("يقر بأهمية … الرعاية 1-"): a layer that keeps the page's
# layout prints the right margin's number after the line's text, in reading order.
_STARTS_WITH_NUMBER = re.compile(r"^\s*[-–]?\s*\d")  # a line that starts with its number already
# A number in reading order inside the line, before words ("تحمي 37 - يؤكد"): a block layer
# writes the pieces of a paragraph's first line in the order they are drawn.
_INNER_NUMBER = re.compile(r"(?<!\S)(?P<n>\d{1,3}) ?(?P<dash>[-–])(?= \D)")
_TRAILING_NUMBER = re.compile(r"(?<=\S)\s+(?P<n>\d{1,3})\s?(?P<dash>[-–])$")


def place_paragraph_numbers(draft: Draft) -> Draft:
    """Move a paragraph number that a right-to-left text layer printed inside the
    first line of its paragraph back to the line's start.

    Arabic paragraphs are numbered at the right margin (`1-`); extracting the
    right-to-left line can put the number, its dash first, anywhere in the line
    (`يقرر إنشاء فريق … -1 قانونا`), in a block layer with its digits raised
    (`-¹`) or in reading order after the piece drawn left of it (`… تحمي 37 - يؤكد`:
    in the dev corpus the words after it open paragraph 37 each of the 5 times).
    A single such token in a line that does not start with a number is
    taken for the paragraph number, unless a month name follows it
    (`11 أيلول - 13 تشرين`, a date range). A number at the line's start with its
    dash first (`-10 يهيب`) is turned round (`10- يهيب`), and one at the line's end
    (`… يلي: 4-`, where a layout-keeping layer prints the margin) goes to its start.
    The dash is kept as printed (`-` or `–`). Left-to-right languages are left alone.

    >>> from pipeline.languages import load
    >>> d = place_paragraph_numbers(Draft(lines_of("يقرر إنشاء فريق عامل -1 بوضع مشروع"), profile=load("ar")))
    >>> d.lines[0].text
    '1- يقرر إنشاء فريق عامل بوضع مشروع'
    >>> place_paragraph_numbers(Draft(lines_of("يقرر ألا تسري التدابير (2013)، -¹ ومتطلبات"), profile=load("ar"))).lines[0].text
    '1- يقرر ألا تسري التدابير (2013)، ومتطلبات'
    >>> place_paragraph_numbers(Draft(lines_of("-10 يهيب بالمجتمع الدولي"), profile=load("ar"))).lines[0].text
    '10- يهيب بالمجتمع الدولي'
    >>> place_paragraph_numbers(Draft(lines_of("-23"), profile=load("ar"))).lines[0].text
    '23-'
    >>> place_paragraph_numbers(Draft(lines_of("يحث الدول على ما يلي: 4-"), profile=load("ar"))).lines[0].text
    '4- يحث الدول على ما يلي:'
    >>> place_paragraph_numbers(Draft(lines_of("يقرر ما يلي: 12 –"), profile=load("ar"))).lines[0].text
    '12– يقرر ما يلي:'
    >>> place_paragraph_numbers(Draft(lines_of("يحتم على الدول أن تحمي 37 - يؤكد من جديد الواجب"), profile=load("ar"))).lines[0].text
    '37- يحتم على الدول أن تحمي يؤكد من جديد الواجب'
    """
    profile = draft.profile
    if profile is None or profile.direction != "rtl":
        return draft
    month = re.compile(rf"^\s*(?:{'|'.join(map(re.escape, profile.months))})")
    lines = []
    for line in draft.lines:
        text = line.text
        found = list(_LOOSE_NUMBER.finditer(text))
        numbered = _STARTS_WITH_NUMBER.match(text)
        if not found and not numbered:
            found = list(_INNER_NUMBER.finditer(text))  # "… تحمي 37 - يؤكد …", in a block layer
        if len(found) == 1 and found[0].start() > 0 and not numbered and not month.match(text[found[0].end():]):
            m = found[0]
            rest = f"{text[:m.start()].rstrip()} {text[m.end():].lstrip()}".strip()
            line = Line(f"{from_superscript(m['n'])}{m['dash']} {rest}", line.span, line.page_break)
        elif mirrored := _MIRRORED_NUMBER.match(text):
            rest = text[mirrored.end():]
            line = Line(f"{from_superscript(mirrored['n'])}{mirrored['dash']}{' ' if rest else ''}{rest}", line.span,
                        line.page_break)
        elif not numbered and text.endswith(("-", "–")) and (trailing := _TRAILING_NUMBER.search(text)):
            line = Line(f"{trailing['n']}{trailing['dash']} {text[:trailing.start()].strip()}", line.span,
                        line.page_break)
        lines.append(line)
    return draft.with_lines(lines)


_LABEL_TOKEN = re.compile(r"(?<!\S)\((?P<letter>\w)\u0640?\)(?!\S)")


def place_item_labels(draft: Draft) -> Draft:
    """Move an item label that a right-to-left layer printed inside its item's line
    back to the line's start.

    Like a paragraph number, the label `(أ)` sits in the right margin; a block layer
    can put it among the words (`يستخدم الرصيد … فيما يتعلق (أ) بالفترة`). A
    label is moved only when it is the one the list expects there: the first letter
    after a line ending with a colon, the next letter after an item. Elsewhere
    `(ب)` is a cross-reference (`الفقرة الفرعية (ب) أعلاه`) and stays.

    >>> from pipeline.languages import load
    >>> text = "تقرر ما يلي:\\nيستخدم الرصيد فيما يتعلق (أ) بالفترة؛\\nيقسم المبلغ (ب) بين الميزانيات؛"
    >>> [l.text for l in place_item_labels(Draft(lines_of(text), profile=load("ar"))).lines]
    ['تقرر ما يلي:', '(أ) يستخدم الرصيد فيما يتعلق بالفترة؛', '(ب) يقسم المبلغ بين الميزانيات؛']
    >>> text = "تقرر ما يلي:\\n(أ) يستخدم الرصيد؛\\nيشير إلى الفقرة الفرعية (أ) أعلاه؛"
    >>> [l.text for l in place_item_labels(Draft(lines_of(text), profile=load("ar"))).lines][2]
    'يشير إلى الفقرة الفرعية (أ) أعلاه؛'
    """
    profile = draft.profile
    if profile is None or profile.direction != "rtl":
        return draft
    letters, item = profile.item_letters, profile.rx("item")
    lines, expected = [], None
    for line in draft.lines:
        text = line.text.strip()
        if not text:
            lines.append(line)
            continue
        if not item.match(text) and expected:
            found = [m for m in _LABEL_TOKEN.finditer(text) if m["letter"] in letters]
            if len(found) == 1 and found[0]["letter"] == expected:
                m = found[0]
                rest = f"{text[:m.start()].rstrip()} {text[m.end():].lstrip()}".strip()
                line = Line(f"{m.group()} {rest}", line.span, line.page_break)
                text = line.text
        started = item.match(text)
        label = started["label"].replace("\u0640", "").strip() if started else ""
        if text.endswith(":"):
            expected = letters[0]
        elif len(label) == 1 and label in letters and letters.index(label) + 1 < len(letters):
            expected = letters[letters.index(label) + 1]
        else:
            expected = None
        lines.append(line)
    return draft.with_lines(lines)


_MARK = "\u064b-\u0652\u0670"  # harakat, tanween, shadda, sukun, superscript alef
# tanween fath set apart from the alef (or ta marbuta) that carries it: "أيضا ً"
_DETACHED_TANWEEN = re.compile("(?<=[\u0627\u0629]) (\u064b)(?=\\s|$)")
# ... or written before the word it belongs to, apart or glued to it, once a line is in
# reading order: "ً أيضا", "ًأيضا" (a word of three letters or more that ends with an
# alef, not the pronoun `ها`)
_TANWEEN_WORD = f"[\u0621-\u063a\u0641-\u064a]{{2,}}(?<!\u0647)\u0627(?![\u0621-\u064a{_MARK}])"
_TANWEEN_BEFORE = re.compile(f"(?:(?<=\\s)|^)\u064b\\s*({_TANWEEN_WORD})")
_DETACHED_MARKS = re.compile(f"(?:(?<=\\s)|^)[{_MARK}]+(?:\\s+|$)")
_LEADING_MARKS = re.compile(f"(?:(?<=\\s)|^)([{_MARK}]+)([\u0621-\u063a\u0641-\u064a])")  # "ُترتكب"
# ... or with the prefix of a present tense set apart from its mark and its verb, each a
# word of its own ("ُ ت رتكب", "وس ُ ي سترشد": a block layer): a letter that no Arabic
# word is on its own, and the damma of the passive or of a derived verb it carries
_DAMMA_AND_PREFIX = "(?:(?<=\\s)|^)\u064f ([\u064a\u062a\u0646]) "
_SPLIT_PREFIX = re.compile(f"{_DAMMA_AND_PREFIX}(?=[\u0621-\u064a])")
# ... and with the marks of a doubled letter written before the two halves of the verb, cut
# after that letter ("ُ ي ِّ سل م" is "يُسلِّم", "ُ ت َّ خص صان" "تُخصَّصان"): a shadda among
# them, each half a few letters, the first no article
_SPLIT_GEMINATE_VERB = re.compile(f"{_DAMMA_AND_PREFIX}([{_MARK}]*\u0651[{_MARK}]*) "
                                  "((?!\u0627\u0644)[\u0621-\u064a]{1,3}) ([\u0621-\u064a]{1,3})(?![\u0621-\u064a])")


# a line that is a tanween fath alone
_TANWEEN_ALONE = re.compile("^\\s*\u064b\\s*$")
# any word of a line that can carry one: ending in an alef, and indefinite (a word with
# the article or a pronoun suffix never takes tanween, nor does a particle)
_WORD_ON_ALEF = re.compile(f"(?<![\u0621-\u064a{_MARK}])({_TANWEEN_WORD})")
_DEFINITE = re.compile("^(?:[\u0648\u0641\u0628\u0643\u0644]?\u0627\u0644|\u0644\u0644)")  # ال وال بال فال كال لل
_DUAL_PRONOUN = "\u0647\u0645\u0627"  # هما
# particles that end in an alef: never a noun in the accusative
_PARTICLES_ON_ALEF = frozenset("""هذا لهذا بهذا وهذا كهذا هكذا لذا إذا وإذا فإذا كما بينما ربما إنما
    كلما مهما أما إما حيثما أينما عندما لما طالما فيما ما بما مما عما كيلا إلا""".split())


def _tanween_word(text: str) -> re.Match | None:
    """The word of a line a tanween fath set above it belongs to: its first word when
    that can carry one, else the only word that can; None when none or several can.
    (A word ending in `وا` or `نا` may be a verb or a suffix, or a noun, `نموا`,
    `قانونا`: it counts as one that can, so that it is never passed over.)"""
    found = [m for m in _WORD_ON_ALEF.finditer(text)
             if not _DEFINITE.match(m[1]) and not m[1].endswith(_DUAL_PRONOUN) and m[1] not in _PARTICLES_ON_ALEF]
    if found and (len(found) == 1 or not text[:found[0].start()].strip()):
        return found[0]
    return None


def attach_tanween_lines(draft: Draft) -> Draft:
    """Put a tanween fath that the text layer wrote on a line of its own onto the
    first word of the next line, when that word ends with an alef; else onto the only
    word of that line that can carry it.

    The mark is printed above its word, higher than the line: pdftotext writes it on
    the line before (`ً` / `أيضا إلى …` is `أيضاً إلى …`). In the dev corpus such a
    line, before a word that ends with an alef (other than the pronoun `ها`), is that
    word's tanween 104 times out of 106. Where the first word cannot carry it, the
    mark is that of the one indefinite word on an alef the line holds (`تعديلها، حسب
    الضرورة، دعما` is `… دعماً`): a word with the article or a pronoun suffix and a
    particle (`بما`, `هذا`) never take it. Of the lone marks of the
    dev corpus so placed, 3 of 3 in pdftotext's plain text and 38 of 38 in its layout
    text were the UN's word; where the line holds two such words or none, the mark is
    left to `remove_detached_marks`.

    >>> from pipeline.languages import load
    >>> d = attach_tanween_lines(Draft(lines_of("\u064b\\nأيضا إلى القرار\\n\u064b\\nتعديلها حسب الضرورة"), profile=load("ar")))
    >>> [l.text for l in d.lines]
    ['', 'أيضاً إلى القرار', '\u064b', 'تعديلها حسب الضرورة']
    >>> text = "\u064b\\nتعديلها، حسب الضرورة، دعما للسلام\\n\u064b\\nفي هذا الصدد وفقا للقانون ويكون ملزما"
    >>> [l.text for l in attach_tanween_lines(Draft(lines_of(text), profile=load("ar"))).lines][1:]
    ['تعديلها، حسب الضرورة، دعماً للسلام', '\u064b', 'في هذا الصدد وفقا للقانون ويكون ملزما']
    """
    if draft.profile is None or draft.profile.direction != "rtl":
        return draft
    lines = list(draft.lines)
    for i in range(len(lines) - 1):
        if not _TANWEEN_ALONE.match(lines[i].text):
            continue
        nxt = lines[i + 1]
        word = _tanween_word(nxt.text)
        if word and not nxt.page_break:
            _mark_moved(lines, i, "", i + 1, nxt.text[:word.end()] + "\u064b" + nxt.text[word.end():])
    return draft.with_lines(lines)


# a tanween fath set apart at the end of a line after a letter that cannot carry it
# (only an alef, a ta marbuta, a hamza or an alef maksura can), and a lam-alef alone
# on a line or opening one: the ligature `لاً` the text layer cut out of its word
_CAN_CARRY_TANWEEN_FATH = "\u0627\u0629\u0621\u0649\u0623\u0625\u0622"
_CUT_BEFORE_TANWEEN = re.compile("(?P<word>[\u0621-\u064a]+) \u064b$")
_LAM_ALEF_ALONE = re.compile("^\\s*\u0644\u0627\\s*$")
_LAM_ALEF_OPENS = re.compile("^\\s*\u0644\u0627\\s+(?=\\S)")
_CUT_LAM_ALEF_WINDOW = 2  # lines after the cut word where its lam-alef is looked for


def attach_cut_lam_alef(draft: Draft) -> Draft:
    """Put back a word's final lam-alef with its tanween (`فضلاً`, `شاغلاً`, `شكلاً`)
    that the text layer cut off: the tanween stays at the end of the line, set apart
    after a letter that cannot carry it, and the ligature `لا` goes to a line of its
    own below (`شاغ ً` / `عالميا يعيق …` / `لا`) or opens the next line (`فض ً` /
    `لا عن …`). A lam-alef alone on a line is no word of the text there; opening a
    line it may be the negation `لا`, so it is taken only after the stem of an adverb
    that ends so (`فضلاً`, `كاملاً`, `أصلاً`, the stems the lam-alef repair knows).

    >>> from pipeline.languages import load
    >>> d = attach_cut_lam_alef(Draft(lines_of("تشكل شاغ \u064b\\nعالميا يعيق\\nلا\\nعبر الإنترنت، فض \u064b\\nلا عن التدابير"),
    ...                                 profile=load("ar")))
    >>> [l.text for l in d.lines] == ["تشكل شاغلا\u064b", "عالميا يعيق", "", "عبر الإنترنت، فضلا\u064b", "عن التدابير"]
    True
    >>> [l.text for l in attach_cut_lam_alef(Draft(lines_of("يبقى ملزم \u064b\\nلا سيما"), profile=load("ar"))).lines]
    ['يبقى ملزم \u064b', 'لا سيما']
    """
    if draft.profile is None or draft.profile.direction != "rtl":
        return draft
    lines = list(draft.lines)
    for i, line in enumerate(lines):
        cut = _CUT_BEFORE_TANWEEN.search(line.text) if line.text.endswith("\u064b") else None
        if cut is None or cut["word"][-1] in _CAN_CARRY_TANWEEN_FATH:
            continue
        stem = cut["word"].removeprefix("\u0648")  # after the conjunction و
        for k in range(i + 1, min(i + 1 + _CUT_LAM_ALEF_WINDOW, len(lines))):
            if lines[k].page_break:
                break
            found = _LAM_ALEF_ALONE.match(lines[k].text) or (
                k == i + 1 and stem in _ADVERB_STEMS and _LAM_ALEF_OPENS.match(lines[k].text))
            if found:
                _mark_moved(lines, k, lines[k].text[found.end():], i,
                            line.text[:cut.end("word")] + "\u0644\u0627\u064b")
                break
    return draft.with_lines(lines)


# a shadda set apart (with the vowel on it), and the form II verb it belongs to:
# a present tense of four letters (`يسلم`, `تعزز`, after `و` too) doubles its third
_SHADDA_APART = f"[{_MARK}]*\u0651[{_MARK}]*"
# (a block layer leaves a space where the shadda was: `ّ يسل م`)
_DOUBLED_VERB = "(?P<head>\u0648?[\u064a\u062a\u0646][\u0621-\u063a\u0641-\u064a]{2}) ?" \
    f"(?P<last>[\u0621-\u063a\u0641-\u064a])(?![\u0621-\u064a{_MARK}])"
_SHADDA_BEFORE_VERB = re.compile(f"(?:(?<=\\s)|^)(?P<marks>{_SHADDA_APART})\\s*{_DOUBLED_VERB}")  # or glued
_SHADDA_ENDS_LINE = re.compile(f"(?:(?<=\\s)|^)(?P<marks>{_SHADDA_APART})\\s*$")
_VERB_OPENS_LINE = re.compile(f"^(?P<space>\\s*){_DOUBLED_VERB}")
_MARKS_ONLY = re.compile(f"^\\s*[{_MARK}][{_MARK}\\s]*$")
_DOUBLED_VERB_WHOLE = re.compile(_DOUBLED_VERB)


def _onto_verb(m: re.Match) -> str:
    return m["head"] + m["marks"] + m["last"]


# the first letter of such a verb (its damma written before or after it) left with the
# shadda at a line's end, the rest of the verb opening a later line: `وإذ ُي ِّ` / `سلم بأن`
_DAMMA = "\u064f"
_HEAD_ENDS_LINE = re.compile(f"(?:(?<=\\s)|^)(?P<waw>\u0648?)(?P<before>{_DAMMA}?)(?P<first>[\u064a\u062a\u0646])"
                             f"(?P<damma>{_DAMMA}?)\\s*(?P<marks>{_SHADDA_APART})\\s*$")
_STEM_OPENS_LINE = re.compile("^(?P<space>\\s*)(?P<stem>[\u0621-\u063a\u0641-\u064a]{3})"
                              f"(?![\u0621-\u064a{_MARK}])")
_DAMMA_ENDS_LINE = re.compile(f"\\s*{_DAMMA}\\s*$")


def _cut_verb(lines: list[Line], i: int, head: re.Match) -> bool:
    """Put the verb whose first letter and shadda end line `i` (`head`) together again
    at the start of the line that holds the rest of it: the next line, or the one
    after when the line between ends with the verb's damma (`وي ِّ` / `…النامية، ُ` /
    `شجع المجتمع`). Whether it was put back."""
    k = i + 1
    damma = head["before"] or head["damma"]
    if k < len(lines) and not lines[k].page_break and _DAMMA_ENDS_LINE.search(lines[k].text) \
            and not _STEM_OPENS_LINE.match(lines[k].text) and head.start() == 0:
        between = k  # the line the damma ended: the verb's line comes after it
        k += 1
    else:
        between = None
    if k >= len(lines) or lines[k].page_break:
        return False
    stem = _STEM_OPENS_LINE.match(lines[k].text)
    verb = _DOUBLED_VERB_WHOLE.fullmatch(head["waw"] + head["first"] + stem["stem"]) if stem else None
    if verb is None:
        return False
    if between is not None:
        damma = _DAMMA
        was = lines[between]
        lines[between] = Line(_DAMMA_ENDS_LINE.sub("", was.text), was.span, was.page_break)
    written = (head["waw"] + head["first"] + damma + verb["head"][len(head["waw"]) + 1:] + head["marks"]
               + verb["last"])
    nxt = lines[k]
    _mark_moved(lines, i, lines[i].text[:head.start()].rstrip(), k, stem["space"] + written + nxt.text[stem.end():])
    return True


def _mark_moved(lines: list[Line], source: int, left: str, target: int, text: str) -> None:
    """A mark (or the letters it was cut off with) moved from line `source` (now
    `left`) into line `target` (now `text`): the target's span takes in the
    source's, since its text now holds what moved."""
    was = lines[source]
    lines[source] = Line(left, was.span, was.page_break)
    lines[target] = Line(text, lines[target].span | was.span, lines[target].page_break)


def attach_detached_shadda(draft: Draft) -> Draft:
    """Put a shadda that the text layer set apart back on the verb that follows it,
    when that verb is a present tense of four letters, whose third letter it doubles.

    pdftotext writes the shadda of `يسلّم` as a word of its own before the verb, on
    the same line or at the end of the line before (`وإذ ِّ` / `يسلم بأن …`), or glued
    before it once a line is in reading order (`ّيسلم`). Where
    the next word is such a verb (`يسلم`, `يذكر`, `تعزز`, `ويشجع`), the shadda, with
    the vowel written on it, goes on its third letter: in the dev corpus 86 times
    out of 89 that is the word of the UN's markup. A block layer also cuts the verb
    where the shadda was (`ّ يسل م`): 44 times out of 45. Some fonts leave the verb's
    first letter with the shadda (and its damma) at the line's end, and the rest of
    the verb on the next line (`وإذ ُي ِّ` / `سلم بأن`), or two lines on, past the
    line that ends with its damma (`وي ِّ` / `…النامية، ُ` / `شجع المجتمع`): the verb is
    put together at the start of the line that holds its rest. Other lone marks are
    left to `remove_detached_marks`.

    >>> from pipeline.languages import load
    >>> d = attach_detached_shadda(Draft(lines_of("وإذ \u0650\u0651\\nيسلم بأن التعاون، وإذ \u0651 يذكر بقراره"), profile=load("ar")))
    >>> [l.text for l in d.lines] == ["وإذ", "يسلِّم بأن التعاون، وإذ يذكّر بقراره"]
    True
    >>> [attach_detached_shadda(Draft(lines_of(text), profile=load("ar"))).lines[0].text == "وإذ يسلّم بأن"
    ...  for text in ("وإذ \u0651 يسل م بأن", "وإذ \u0651يسلم بأن")]
    [True, True]
    >>> [l.text for l in attach_detached_shadda(Draft(lines_of("وإذ \u0651\\n\u064b\\nيسلم بأن"), profile=load("ar"))).lines]
    ['وإذ', '\u064b', 'يسلّم بأن']
    >>> text = "الخاصة، وإذ \u064f\u064a \u0650\u0651\\nسلم بأن الحلول\\nوي \u0650\u0651\\nالنامية، \u064f\\nشجع المجتمع"
    >>> [l.text for l in attach_detached_shadda(Draft(lines_of(text), profile=load("ar"))).lines] == [
    ...     "الخاصة، وإذ", "يُسلِّم بأن الحلول", "", "النامية،", "ويُشجِّع المجتمع"]
    True
    """
    if draft.profile is None or draft.profile.direction != "rtl":
        return draft
    lines = list(draft.lines)

    for i, line in enumerate(lines):
        text = _SHADDA_BEFORE_VERB.sub(_onto_verb, line.text)
        if text != line.text:
            lines[i] = line = Line(text, line.span, line.page_break)
        head = _HEAD_ENDS_LINE.search(line.text)
        if head is not None and _cut_verb(lines, i, head):
            continue
        end = _SHADDA_ENDS_LINE.search(line.text)
        if not end:
            continue
        # the verb's line is the next one, past lines of other marks set apart (`وإذ ِّ` / `ً` / `يسلم`)
        k = i + 1
        while k < len(lines) and _MARKS_ONLY.match(lines[k].text) and not lines[k].page_break:
            k += 1
        nxt = lines[k] if k < len(lines) else None
        verb = _VERB_OPENS_LINE.match(nxt.text) if nxt is not None and not nxt.page_break else None
        if verb:
            _mark_moved(lines, i, line.text[:end.start()].rstrip(),
                        k, verb["space"] + verb["head"] + end["marks"] + verb["last"] + nxt.text[verb.end():])
    return draft.with_lines(lines)


def remove_detached_marks(text: str) -> str:
    """Put back a tanween set apart from its word, and drop the other vowel marks
    that stand alone.

    In some Arabic fonts a vowel mark is a glyph of its own, placed over or under
    the letter; the text layer then gives it a space of its own (`أيضا ً`), or a
    line of its own (`ّ` between two lines), or leaves it at the end of a line
    while its word went to the next one (`وإذ ِّ` / `يذكر بقرار`). A tanween fath
    after an alef or ta marbuta goes back on that word (`أيضاً`), and so does one
    before a word that ends with an alef (`ً أيضا`, as a layer that keeps a printed
    line whole writes it once the line is in reading order); any other mark
    standing alone cannot be placed and goes (a removal is recorded). A mark
    written before the first letter of a word (`ُترتكب`), where no Arabic word
    starts, goes after that letter (`تُرتكب`), and so does a damma set apart with that
    letter, the prefix of a present tense, apart from the rest of its verb (`ُ ت رتكب`: a
    lone ي, ت or ن is no Arabic word), the marks of a doubled letter going onto that
    letter where they were written before the verb cut after it (`ُ ي ِّ سل م`); a
    tanween glued before a word that ends
    with an alef goes on that word's end (`ًأيضا` is `أيضاً`), and a shadda glued
    before its verb was placed already (`attach_detached_shadda`). Marks on their
    letters are left alone.

    >>> remove_detached_marks("ذكر مؤخرا ً اليوم"), remove_detached_marks("وإذ يؤكد ً أيضا ضرورة")
    ('ذكر مؤخراً اليوم', 'وإذ يؤكد أيضاً ضرورة')
    >>> remove_detached_marks("وإذ ِّ"), remove_detached_marks("ّ"), remove_detached_marks("وإذ يُسلِّم")
    ('وإذ', '', 'وإذ يُسلِّم')
    >>> remove_detached_marks("الهجمات التي ُتشن على"), remove_detached_marks("وإذ ّيسل ًأيضا")
    ('الهجمات التي تُشن على', 'وإذ يّسل أيضاً')
    >>> remove_detached_marks("الجرائم التي ُ ت رتكب ضد"), remove_detached_marks("وإذ ُ ي ِّ سل م بأن")
    ('الجرائم التي تُرتكب ضد', 'وإذ يُسلِّم بأن')
    """
    text = _TANWEEN_BEFORE.sub("\\1\u064b", _DETACHED_TANWEEN.sub(r"\1", text))
    text = _SPLIT_PREFIX.sub("\\1\u064f", _SPLIT_GEMINATE_VERB.sub("\\1\u064f\\3\\2\\4", text))
    return _LEADING_MARKS.sub(r"\2\1", _DETACHED_MARKS.sub("", text)).rstrip()


# the conjunction و standing alone before an Arabic word ("و إذ"); before a number it may
# ("5 و 6"); and the future prefix س, with a conjunction or not, apart from its present
# tense verb ("وس يُسترشد"): none of them is a word on its own
DETACHED_WAW = re.compile("(?:(?<=[\\s(«\"])|^)(\u0648|[\u0648\u0641]?\u0633(?= [\u064a\u062a\u0646\u0623]))"
                          " (?=[\u0621-\u064a])")


def attach_conjunction(text: str) -> str:
    """Join the conjunction و to the word it was set apart from, and the future prefix
    سـ (`وسـ`, `فسـ`) to its verb.

    و is written joined to the word it introduces (`وإذ`, `ونُظم`); a text layer
    sometimes leaves a space after it (`و إذ`), which the UN's markup never has
    before an Arabic word (it has `5 و 6`, before a number). The same layer sets the
    future prefix apart where a mark sits on the verb's first letter (`وس ُيسترشد`).

    >>> attach_conjunction("و إذ يشير إلى المادتين 5 و 6، و نُظم")
    'وإذ يشير إلى المادتين 5 و 6، ونُظم'
    >>> attach_conjunction("للمنتدى. وس يُسترشد في الاستعراض، فس تنظر فيه؛ البند (س) من")
    'للمنتدى. وسيُسترشد في الاستعراض، فستنظر فيه؛ البند (س) من'
    """
    return DETACHED_WAW.sub("\\1", text)


# A space before a letter that carries a shadda: no Arabic word opens on a doubled
# letter (the article's sun letters double the letter after ال, inside the word), so
# the letters before the space are the start of the same word (`الس كّان`, `يق رّر`).
# Not after a word that can only end there (teh marbuta, alef maksura), nor after a
# particle that stands alone, nor before an alef: there a layer set the shadda one
# letter too early (`على أّن`, `قد حّددت`, `فيما يّخص`: pdftotext -layout).
SPLIT_GEMINATE = re.compile(
    "(?<![\u0621-\u064a\u064b-\u0652\u0670])([\u0621-\u064a][\u0621-\u064a\u064b-\u0652\u0670]*)"
    " (?=[\u0621\u0624\u0626\u0628-\u063a\u0641-\u064a][\u064b-\u0650\u0652\u0670]*\u0651)")
_ONLY_FINAL = "\u0629\u0649"  # teh marbuta, alef maksura
_STANDALONE = frozenset({"في", "من", "عن", "على", "إلى", "قد", "لا", "ما", "لم", "لن", "أن", "إن", "أو", "ثم",
                         "مع", "هو", "هي", "فيما", "بما", "كما", "مما", "الذي", "التي", "الذين", "هذا", "هذه"})


def join_split_geminates(text: str) -> str:
    """Close the space a text layer put inside a word, before a letter with a shadda.

    pdftotext sets a word's letters apart where a shadda sits (`يق رّر`, `الس كّان`,
    `تتق يّد`): no Arabic word starts on a doubled letter, so what stands before the
    space opens the same word. In the plain layers of the dev and parallel corpora
    26 such joins each give the UN's word; the words kept apart (a particle, a word
    ending in teh marbuta or alef maksura, an alef after the space) are where the
    layout layer moved the shadda onto a word's first letter.

    >>> join_split_geminates("يق رّر أن الس كّان، وب نّاء")
    'يقرّر أن السكّان، وبنّاء'
    >>> join_split_geminates("على أّن، قد حّددت، الدولة دّعت")
    'على أّن، قد حّددت، الدولة دّعت'
    """
    def join(match: re.Match) -> str:
        word = match.group(1)
        if word in _STANDALONE or word[-1] in _ONLY_FINAL:
            return match.group()
        return word

    return SPLIT_GEMINATE.sub(join, text)


# a space before a comma, semicolon or full stop: where a raised call was (the profile's `raised_call_gap`)
_GAP = re.compile(PUNCTUATION_GAP)


def close_punctuation_gaps(text: str) -> str:
    """Remove the space before an Arabic comma or semicolon (or a full stop).

    Arabic punctuation follows its word without a space; the text layer shows one
    where a footnote call, printed higher, was lifted out of the line (`العام ،`),
    and a block layer puts one before the comma that ends a paragraph. Runs after
    `attach_raised_calls`, which uses these gaps. Spaces after punctuation are
    left alone.

    >>> close_punctuation_gaps("بتقرير الأمين العام ، وإذ يشير إلى مقرره 14/1 ،")
    'بتقرير الأمين العام، وإذ يشير إلى مقرره 14/1،'
    >>> close_punctuation_gaps("انظر A/77/PV.46 .")
    'انظر A/77/PV.46.'
    """
    return _GAP.sub("", text)


# a number glued after an Arabic word with its hyphen after it: "كوفيد19-", "(د15-)"
TURNED_HYPHEN_NUMBER = re.compile("(?<=[\u0621-\u064a])(?P<n>\\d{1,4})-(?!\\d)")


def turn_hyphen_numbers(text: str) -> str:
    """Put the hyphen of a number joined to an Arabic word back between them.

    `كوفيد-19` and `(د-15)` are a word, a hyphen and a number; a layer without the
    bidirectional marks writes the number's run in the wrong order, `كوفيد19-`. A
    word, digits and a hyphen with no number after it are nothing else (the UN's
    markup never has them, and has the turned form 70 times in the dev corpus).

    >>> turn_hyphen_numbers("جائحة كوفيد19-، والقرار 1514 (د15-) والفقرة 5-4")
    'جائحة كوفيد-19، والقرار 1514 (د-15) والفقرة 5-4'
    """
    return TURNED_HYPHEN_NUMBER.sub(r"-\g<n>", text)


# a range of two years, the later first: "للفترة 2024-2022"
TURNED_YEAR_RANGE = re.compile(r"(?<!\d)(?P<first>(?:19|20)\d\d)(?P<dash>[-–])(?P<second>(?:19|20)\d\d)(?!\d)")


def turn_year_ranges(text: str) -> str:
    """Put the years of a range in their order.

    A layer that writes a right-to-left line without its bidirectional marks turns
    the run of a range of years, `للفترة 2024-2022` for `للفترة 2022-2024`. A range
    of years runs forward: the UN's markup has 34 in the Arabic dev documents, all
    forward, and the plain text layer 18, all turned. Other numbers joined by a
    hyphen (a target `5-4`) may be either, and stay.

    >>> turn_year_ranges("للفترة 2024-2022، والفترة 2017-2030، والغاية 5-4")
    'للفترة 2022-2024، والفترة 2017-2030، والغاية 5-4'
    """
    return TURNED_YEAR_RANGE.sub(_forward, text)


def _forward(m: re.Match) -> str:
    """A range (`first`, `dash`, `second`) that runs forward: turned when it runs back."""
    first, second = m["first"], m["second"]
    return f"{second}{m['dash']}{first}" if int(first) > int(second) else m.group()


# a range of days before its month, the later day first: "نيروبي، 26-15 تموز/يوليه 1985"
TURNED_DAY_RANGE = re.compile(r"(?<![\d/.-])(?P<first>\d{1,2})(?P<dash>[-–])(?P<second>\d{1,2})(?=\s*(?:"
                              + "|".join(_ARABIC.months) + "))")


def turn_day_ranges(text: str) -> str:
    """Put the days of a range before a month in their order.

    The days of a meeting or conference (`15-26 تموز/يوليه 1985`, `4-15 أيلول/سبتمبر
    1995`) come out of the plain text layer turned like a range of years, `26-15 تموز`:
    days of one month run forward, so a range whose first day is the later one is
    turned back. A range whose first day has a month of its own is not one of these.

    >>> turn_day_ranges("نيروبي، 26-15 تموز/يوليه 1985، وبيجين، 15-4 أيلول/سبتمبر 1995، والفترة 1-3 آذار")
    'نيروبي، 15-26 تموز/يوليه 1985، وبيجين، 4-15 أيلول/سبتمبر 1995، والفترة 1-3 آذار'
    """
    return TURNED_DAY_RANGE.sub(_forward, text)


# a comma or semicolon glued before the first Arabic letter of a line that has no end mark
_LEADING_END_MARK = re.compile("^(?P<mark>[\u060c\u061b])(?=[\u0621-\u064a])(?P<rest>.*[^\u060c\u061b.:])$")


def move_leading_end_marks(text: str) -> str:
    """Put the comma that ends a line back at its end.

    An extractor that writes a right-to-left line in visual order (PyMuPDF, for the
    short lines it does not reorder) leaves the comma that ends it on the left, so
    the line starts with it: `،إن مجلس حقوق الإنسان` for the enacting formula. No
    Arabic word starts with a comma; a line that starts with one glued to a letter,
    and has no end mark of its own, gets it back at its end.

    >>> move_leading_end_marks("،إن مجلس حقوق الإنسان")
    'إن مجلس حقوق الإنسان،'
    >>> move_leading_end_marks("، وإذ يشير إلى قراره،")
    '، وإذ يشير إلى قراره،'
    """
    m = _LEADING_END_MARK.match(text)
    return f"{m['rest']}{m['mark']}" if m else text


# A note printed left to right as it looks: its full stop first, its text, its marker
# last with the brackets turned. The text holds no Arabic letter and no other marker.
_VISUAL_NOTE = re.compile(r"(?P<stop>\.)?(?P<text>[^\u0600-\u06ff()\s](?:(?!\)\d{1,3}\()[^\u0600-\u06ff])*?)"
                          r"\s*\)(?P<marker>\d{1,3})\(\s*")
# a line ends like one, or such a note is followed by one in reading order; or a note
# in reading order ends with a Latin run whose full stop stands before it (clean.per_line)
VISUAL_NOTE_END = re.compile(r"\)\d{1,3}\(\s*(?:$|\(\d{1,3}\)\s)"
                             r"|(?<=[\u0621-\u064a\s])\.[A-Za-z][^\s\u0600-\u06ff]*\s*(?:\(\d{1,3}\)\s|$)", re.MULTILINE)
_NOTE_IN_ORDER = re.compile(r"\(\d{1,3}\)\s")
_TURNED_COMMA = re.compile(r"\s+,\s*")  # a comma after a space: where the runs of a turned text meet
# where a note printed as it looks may follow the notes in reading order: after the
# full stop that ends one, at the full stop that opens it (the space between them
# gone once `close_punctuation_gaps` has run: `60/288..A/77/97 )7(`)
_AFTER_NOTE_END = re.compile(r"(?<=\.)\s*(?=\.[^\s\u0600-\u06ff.])")
# the full stop of a note in reading order that ends with a Latin run, written before
# that run (`انظر .A/59/361`, `انظر.A/59/361` for `انظر A/59/361.`): the run ends the
# note, or the line
_STOP_BEFORE_LATIN_END = re.compile(r"(?<=[\u0621-\u064a\s])\s*\.(?P<run>[A-Za-z][^\s\u0600-\u06ff]*?)"
                                    r"(?P<end>\s*(?:\(\d{1,3}\)\s|$))")


def _turned_back(text: str) -> str:
    """A Latin text written as it looks, its comma-cut runs in reverse order, in reading
    order: `vol. 75, No. 973 , Treaty Series ,United Nations` is `United Nations,
    Treaty Series, vol. 75, No. 973`."""
    return ", ".join(reversed(_TURNED_COMMA.split(text)))


def _visual_notes(text: str, position: int = 0) -> tuple[list[str], int]:
    """The notes printed as they look from `position` on, each in reading order, and
    where they end."""
    notes = []
    for m in _VISUAL_NOTE.finditer(text, position):
        if m.start() != position:
            break
        notes.append(f"({m['marker']}) {_turned_back(m['text'])}{m['stop'] or ''}")
        position = m.end()
    return notes, position


def restore_visual_notes(text: str) -> str:
    """Put in reading order a footnote line written as it looks on the page.

    A note whose text has no Arabic letter (a symbol, a title in English) is set left
    to right in the right-to-left page; a layer that writes the printed line as it
    looks puts its marker last, with the brackets turned, and its full stop first:
    `.A/HRC/49/70 )2(` for `(2) A/HRC/49/70.`. Where the page set such a text in
    runs cut at its commas, the runs come in reverse order, each comma after a space:
    `.vol. 75, No. 973 , Treaty Series ,United Nations )13(`. A line of such notes,
    each whole, is turned, also where notes in reading order follow them (a block of
    notes whose last one is in Arabic) or come before them; anything else is left as
    it is. A note in reading order that ends with a Latin run gets its full stop back
    after the run, where such a layer wrote it before it (`انظر .A/59/361`).

    >>> restore_visual_notes(".A/HRC/21/48/Add.1 )1( .A/HRC/49/53 )2(")
    '(1) A/HRC/21/48/Add.1. (2) A/HRC/49/53.'
    >>> restore_visual_notes(".vol. 75, No. 973 , Treaty Series ,United Nations )13(")
    '(13) United Nations, Treaty Series, vol. 75, No. 973.'
    >>> restore_visual_notes("انظر الوثيقة A/78/601 )3(")
    'انظر الوثيقة A/78/601 )3('
    >>> restore_visual_notes(".A/75/73 )1( .E/2020/52/Rev.1 )2( (3) انظر .E/2021/SR.1")
    '(1) A/75/73. (2) E/2020/52/Rev.1. (3) انظر E/2021/SR.1.'
    >>> restore_visual_notes("(4) انظر .A/59/361 (5) القرار 60/1. (6) القرار 60/288. .A/77/97 )7(")
    '(4) انظر A/59/361. (5) القرار 60/1. (6) القرار 60/288. (7) A/77/97.'
    >>> restore_visual_notes("(4) انظر.A/59/361 (6) القرار 60/288..A/77/97 )7(")
    '(4) انظر A/59/361. (6) القرار 60/288. (7) A/77/97.'
    >>> restore_visual_notes("(1) A/78/601 و .A/78/722"), restore_visual_notes("في 2023 .A/78/722")
    ('(1) A/78/601 و A/78/722.', 'في 2023 .A/78/722')
    """
    notes, position = _visual_notes(text)
    if position < len(text) and not _NOTE_IN_ORDER.match(text, position):
        return text  # not a line of notes
    in_order, tail = text[position:], []
    if in_order:
        # notes printed as they look after the notes in reading order: to the line's end
        for gap in _AFTER_NOTE_END.finditer(in_order):
            tail, end = _visual_notes(in_order, gap.end())
            if tail and end == len(in_order):
                in_order = in_order[:gap.start()]
                break
            tail = []
        in_order = _STOP_BEFORE_LATIN_END.sub(r" \g<run>.\g<end>", in_order)
    return " ".join(notes + ([in_order] if in_order else []) + tail)


# A Latin run between brackets that came out mirrored: ")S/2023/356(", ")Galaxy Leader("
MIRRORED_LATIN_BRACKETS = re.compile(r"(?<![^\s\u0600-\u06ff])\)(?P<run>[A-Za-z][^()\s\u0600-\u06ff]*"
                                     r"(?: [^()\s\u0600-\u06ff]+)*)\((?=[\s\u060c\u061b.]|$)")


def turn_latin_brackets(text: str) -> str:
    """Turn round the brackets of a Latin run that a right-to-left layer mirrored.

    A symbol or a name in brackets inside Arabic text (`(S/2023/356)`) is a run of
    left-to-right text whose brackets a layer can give as the glyphs it shows, each
    the mirror of the other: `)S/2023/356(`. A closing bracket opening a Latin run
    and an opening one closing it, between spaces or punctuation, are never meant.

    >>> turn_latin_brackets("بالتقرير النهائي )S/2023/360( لفريق الخبراء، والملحق رقم 53 )A/78/53(، الفصل")
    'بالتقرير النهائي (S/2023/360) لفريق الخبراء، والملحق رقم 53 (A/78/53)، الفصل'
    >>> turn_latin_brackets("لسفينة غالاكسي ليدر )Galaxy Leader( وطاقمها")
    'لسفينة غالاكسي ليدر (Galaxy Leader) وطاقمها'
    """
    return MIRRORED_LATIN_BRACKETS.sub(r"(\g<run>)", text)


# A closing bracket (after another one or none) before a Latin run whose last bracket
# it opened and left open, at the end of the line or before an Arabic word
OUTSIDE_LATIN_BRACKET = re.compile(r"(?<![^\s\u0600-\u06ff])(?P<outer>\)?)\)(?P<run>[A-Za-z][^()\[\]\u0600-\u06ff]*"
                                   r"\([A-Za-z0-9][^()\[\]\u0600-\u06ff]*?)(?P<end>[.\u060c,]?)"
                                   r"(?=[^\S\n][\u0600-\u06ff]|[^\S\n]*$)", re.MULTILINE)


def close_latin_brackets(text: str) -> str:
    """Put back at its end the closing bracket of a Latin run that pdftotext set
    before it.

    A symbol that ends on a bracket (`A/77/PV.56 (Resumption 1)`) in Arabic text: the
    closing bracket is drawn at the run's right-hand end, where the Arabic reading
    meets it first, and pdftotext writes it before the run: `انظر )A/77/PV.56
    (Resumption 1.`. A run opening a bracket it does not close, after a closing
    bracket, gets that bracket at its end (before its full stop or comma); a second
    closing bracket before it is the mirrored glyph of an opening one.

    >>> close_latin_brackets("انظر )A/77/PV.56 (Resumption 1.")
    'انظر A/77/PV.56 (Resumption 1).'
    >>> close_latin_brackets("الجزء الأول ))NPT/CONF.1995/32 (Part I و غير ذلك")
    'الجزء الأول (NPT/CONF.1995/32 (Part I) و غير ذلك'
    >>> close_latin_brackets("الملحق رقم 12 )A/73/12 )Part II(، الجزء الثاني")  # mirrored: turn_latin_brackets
    'الملحق رقم 12 )A/73/12 )Part II(، الجزء الثاني'
    >>> close_latin_brackets(")E/2021/42([ بناء على توصية المنتدى [")  # a bracket's glyphs: turn_latin_brackets
    ')E/2021/42([ بناء على توصية المنتدى ['
    >>> bool(OUTSIDE_LATIN_BRACKET.search("(1) انظر )A/77/PV.56 (Resumption 1.\\n(2) انظر A/77/385."))
    True
    """
    def closed(match: re.Match) -> str:
        return f"{'(' if match['outer'] else ''}{match['run'].rstrip()}){match['end']}"

    return OUTSIDE_LATIN_BRACKET.sub(closed, text)


# A Latin run at the end of a right-to-left line, written as it looks: its full stop
# first, its comma-cut pieces in reverse order, each comma after a space.
_TURNED_LATIN = re.compile(r"(?<![^\s\u0600-\u06ff])(?P<stop>\.)?(?P<run>[A-Za-z][^\u0600-\u06ff]*?\s,[A-Za-z]"
                           r"[^\u0600-\u06ff]*?)\s*$")
# ... or a symbol alone, its full stop first: "انظر .E/2021/SR.1"
_TURNED_SYMBOL = re.compile(r"(?<=[\u0600-\u06ff]) ?\.(?P<run>[A-Z][^\s\u0600-\u06ff]*[A-Za-z0-9)])\s*$")
# what only a line restore_turned_latin_runs changes holds (clean.per_line)
TURNED_LATIN_END = re.compile(r"\s,[A-Za-z]|[\u0600-\u06ff] ?\.[A-Z][^\s\u0600-\u06ff]*$", re.MULTILINE)


def restore_turned_latin_runs(text: str) -> str:
    """Put in reading order the Latin citation that ends a right-to-left line, when
    the layer wrote it as it looks: `انظر أيضا .vol. 729, No. 10485 , Treaty Series
    ,United Nations` is `انظر أيضا United Nations, Treaty Series, vol. 729, No. 10485.`
    A comma after a space and before a letter is in no Latin text; only such a run
    is turned. A symbol alone with its full stop first (`انظر .E/2021/SR.1`) gets it
    back at its end: no symbol starts with a full stop.

    >>> restore_turned_latin_runs("انظر أيضا .vol. 729, No. 10485 , Treaty Series ,United Nations")
    'انظر أيضا United Nations, Treaty Series, vol. 729, No. 10485.'
    >>> restore_turned_latin_runs("انظر أيضا.vol. 75, No. 973 , Treaty Series ,United Nations")
    'انظر أيضا United Nations, Treaty Series, vol. 75, No. 973.'
    >>> restore_turned_latin_runs("انظر United Nations, Treaty Series, vol. 729.")
    'انظر United Nations, Treaty Series, vol. 729.'
    >>> restore_turned_latin_runs("(3) انظر .E/2021/SR.1"), restore_turned_latin_runs("انظر.A/59/361")
    ('(3) انظر E/2021/SR.1.', 'انظر A/59/361.')
    """
    m = _TURNED_LATIN.search(text)
    if m is None:
        symbol = _TURNED_SYMBOL.search(text)  # a symbol alone: no comma-cut runs to turn
        return f"{text[:symbol.start()]} {symbol['run']}." if symbol else text
    before = text[:m.start()]
    # the full stop stood between the Arabic word and the run: a space takes its place
    space = " " if before and not before[-1].isspace() else ""
    return f"{before}{space}{_turned_back(m['run'])}{m['stop'] or ''}"


_TRAILING_OPENINGS_MIN = 3  # opening phrases after their blocks, below which none is moved


def restore_trailing_openings(draft: Draft) -> Draft:
    """Put back before its paragraph an opening phrase that the extractor wrote after it.

    The opening phrase of an Arabic paragraph is set in italics; an extractor that
    writes each run of one face as a block of its own (pdfminer.six) can write it after
    the block of the paragraph's other words: `بمقاصد ميثاق الأمم المتحدة،` / `إذ يسترشد`.
    When a block that is only an opening phrase follows a block that opens with no
    phrase or number and ends like a paragraph, at least three times in a document,
    each such phrase opens that block's first line.

    >>> from pipeline.languages import load
    >>> text = "\\n\\n".join(["إن مجلس حقوق الإنسان،", "بمقاصد الميثاق،", "إذ يسترشد", "التزام الدول\\nبالحقوق،",
    ...                       "وإذ يؤكد", "إلى القرارات،", "وإذ يشير", "1- يقرر ما يلي."])
    >>> [l.text for l in restore_trailing_openings(Draft(lines_of(text), profile=load("ar"))).lines if l.text][1:5]
    ['إذ يسترشد بمقاصد الميثاق،', 'وإذ يؤكد التزام الدول', 'بالحقوق،', 'وإذ يشير إلى القرارات،']
    """
    profile = draft.profile
    if profile is None or profile.direction != "rtl":
        return draft
    opening, operative = profile.rx("opening_phrase"), profile.rx("operative")
    lines = list(draft.lines)
    # the blocks: runs of lines between blank lines, as (first, last) indexes
    blocks, start = [], None
    for i, line in enumerate(lines):
        if line.text.strip():
            start = i if start is None else start
        elif start is not None:
            blocks.append((start, i - 1))
            start = None
    if start is not None:
        blocks.append((start, len(lines) - 1))
    moves = []
    for (b_first, b_last), (o_first, o_last) in zip(blocks, blocks[1:]):
        if o_first != o_last:
            continue  # an opening phrase alone is a block of one line
        head = lines[b_first].text.strip()
        if (opening.fullmatch(lines[o_first].text.strip()) and not opening.match(head)
                and not operative.match(head) and not _BARE_PARAGRAPH_NUMBER.match(head)
                and _ENDS_PARAGRAPH.search(lines[b_last].text.strip())):
            moves.append((b_first, o_first))
    if len(moves) < _TRAILING_OPENINGS_MIN:
        return draft
    for b_first, o_first in moves:
        # the phrase opens its block's first line: the lines keep their number, the
        # phrase's line is left blank
        phrase, first = lines[o_first], lines[b_first]
        lines[b_first] = Line(f"{phrase.text.strip()} {first.text.strip()}", first.span | phrase.span, first.page_break)
        lines[o_first] = Line("", phrase.span, phrase.page_break)
    return draft.with_lines(lines)


_BARE_PARAGRAPH_NUMBER = re.compile(r"^(?:[-–]\s?\d{1,3}|\d{1,3}\s?[-–])$")
_BARE_ITEM_LABEL = re.compile("^\\([\u0621-\u064a]{1,2}\u0640?\\)$")  # "(أ)" alone, from the margin
_FRAGMENT_OPENER_MAX = 40  # characters: a number, an opening phrase, a verb and a word or two
_VISUAL_LINE_SLACK = 1.15  # the pieces of one printed line fill at most about one full line
_ENDS_PARAGRAPH = re.compile(r"[\u060c\u061b.:](?:\(\d{1,3}\))?$")


def _printed_line_width(lines: tuple[Line, ...], full: float | None = None) -> float:
    """The most characters the pieces of one printed line can hold together: a full
    line with some slack, or the width that 95 % of the layer's lines stay within,
    whichever is more. A full line (`full`, when measured already) is the median of the
    wrapped lines, and the longest lines of a layer run up to a quarter beyond it
    (ar_A_HRC_RES_56_2)."""
    from .unwrap import _full_width  # the unwrapper's notion of a line

    widths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    widest = quantiles(widths, n=20)[-1] if len(widths) >= 20 else 0
    return max((_full_width(lines) if full is None else full) * _VISUAL_LINE_SLACK, widest)


def restore_fragment_order(draft: Draft) -> Draft:
    """Put back in reading order the pieces of a printed line that pdftotext cut
    apart and wrote from left to right.

    A gap inside an Arabic line (a paragraph number in the margin, a vowel mark set
    apart) makes pdftotext cut the line into pieces, which it writes one per line
    from the leftmost, so the start of a paragraph comes after the rest of its first
    line: `يقر بأهمية …` / `1-`, or `أيضا إلى …` / `وإذ يشير`. When a short opener (a
    paragraph number, an opening phrase, a verb before a number) follows lines that
    do not open a paragraph, back to the end of the paragraph before, and all of
    them together are no wider than one printed line, their order is reversed. A
    first line that wraps after a comma ends like a recital; after a paragraph's end,
    opening with an operative verb, before a number alone, it is that number's first
    line all the same, and pieces before a number or an item label, one of them ending
    on a comma, are pieces when they reach back to the end of an item or a paragraph
    (`؛`, `.`, `:`; a comma may end a recital). Only hard-wrapped right-to-left layers
    are touched.

    >>> from pipeline.languages import load
    >>> full = "وإذ يعرب عن قلقه إزاء استمرار أشكال عديدة من الفجوات الرقمية بين البلدان وداخلها"
    >>> text = "\\n".join([full, full, "وداخلها،", "أيضا إلى أن الالتزام بتعزيز حقوق الإنسان", "وإذ يشير",
    ...     full + "،", "يقر بأهمية احترام حقوق الإنسان لمقدمي الرعاية", "1-", "وغير المدفوعة الأجر؛"])
    >>> [" ".join(l.text.split()[:2]) for l in restore_fragment_order(Draft(lines_of(text), profile=load("ar"))).lines][2:]
    ['وداخلها،', 'وإذ يشير', 'أيضا إلى', 'وإذ يعرب', '1-', 'يقر بأهمية', 'وغير المدفوعة']
    """
    from .unwrap import is_wrapped

    profile = draft.profile
    if profile is None or profile.direction != "rtl" or not is_wrapped(draft.lines, profile):
        return draft
    full = _printed_line_width(draft.lines)
    opening, operative, verb, item = (profile.rx(name) for name in
                                      ("opening_phrase", "operative", "operative_phrase", "item"))
    particle = profile.rx("opening_particle").match if profile.opening_particle else lambda text: None

    def anchors(text: str) -> bool:  # what makes a run of short openers the start of a paragraph
        return bool(_BARE_PARAGRAPH_NUMBER.match(text) or _BARE_ITEM_LABEL.match(text) or operative.match(text)
                    or opening.match(text))

    def opener(text: str) -> bool:
        # a short line that ends like a paragraph is a paragraph, not the first piece of one
        return len(text) <= _FRAGMENT_OPENER_MAX and not _ENDS_PARAGRAPH.search(text) and bool(
            anchors(text) or verb.match(text))

    lines = list(draft.lines)
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    texts = [lines[i].text.strip() for i in filled]
    # the particle alone is a piece too (`أيضا بأن …` / `يسلم` / `وإذ` is `وإذ يسلم أيضا
    # بأن …`), unless its verb opens the line after it: then it is in its place already
    lone = {j for j, text in enumerate(texts) if particle(text)
            and not (j + 1 < len(texts) and opening.match(f"{text} {texts[j + 1]}"))}
    k = 0
    while k < len(filled):
        # a run of short openers, one of them a number, an opening phrase or a lone particle
        end = k
        while end < len(filled) and (end in lone or opener(texts[end])):
            end += 1
        if end == k or not any(j in lone or anchors(texts[j]) for j in range(k, end)):
            k = max(end, k + 1)
            continue
        width = sum(len(lines[filled[j]].text.strip()) for j in range(k, end))
        # the run holds the paragraph's verb (`يطلب` / `-4`, `-18 يؤكد`): a line before it that only
        # looks like a verb (`تعد`, and `تقريرا`: any word in ت or ي) is a piece like the
        # others, `تقريرا عن التصدي للتحديات` / `تعد` / `أيضا إلى … أن` / `يطلب` / `-4`.
        # The run is a number alone: a line opening with a verb before it is where the
        # paragraph starts, and the pieces from it are in order, the number printed after
        # them (`يحث الدول على أن تضع ُن ً` / `هجا شاملة …` / `-4`)
        has_verb = any(verb.match(texts[j]) or opening.match(texts[j])
                       or (operative.match(texts[j]) and _ARABIC_LETTER.search(texts[j])) for j in range(k, end))
        in_order = through_comma = False
        # a number or an item label alone: the pieces before it may end on a comma
        bare = not has_verb and bool(_BARE_PARAGRAPH_NUMBER.match(texts[k]) or _BARE_ITEM_LABEL.match(texts[k]))
        start = k
        while start > 0:
            text = lines[filled[start - 1]].text.strip()
            on_comma = bare and text.endswith("\u060c")
            # a first line may end on a comma where it wraps: one that opens with an operative
            # verb after a paragraph's end, just before the number or label, is its first line
            # (`…المتحدة،` / `يقرر ألا تسري … (2013)،` / `-1`)
            first_line = (on_comma and start == k and verb.match(text) and start >= 2
                          and _ENDS_PARAGRAPH.search(texts[start - 2]))
            # a piece may end on a comma that the printed line goes on after (`يمول في إطار
            # الباب 3، الشؤون السياسية،` / `(ج)`): taken when the pieces reach back to the end
            # of an item or a paragraph, which a comma never is (checked below)
            comma_piece = on_comma and not first_line and not opening.match(text)
            # a line that opens with its own number or item label is where a block starts,
            # not a piece of a printed line (`(ج) استعراض …` before `3 - الجزء …`)
            # pieces of one printed line never have a page break between them, even one
            # whose line went as page furniture (a running header, now blank)
            turned = any(lines[j].page_break for j in range(filled[start - 1] + 1, filled[start] + 1))
            # nor is a line with no Arabic letter (a heading in another script, a number), or
            # with one: what is left of an item label whose brackets an extractor set on
            # lines of their own (`(` / `)` / `ج`, pdfminer.six)
            if ((_ENDS_PARAGRAPH.search(text) and not (first_line or comma_piece))
                    or (opener(text) and anchors(text)) or particle(text) or width + len(text) > full
                    or turned or operative.match(text) or item.match(text) or not _has_words(text)):
                break
            width += len(text)
            start -= 1
            through_comma = through_comma or comma_piece
            if opener(text) and not has_verb:
                in_order = True
                break
        if through_comma and not (start > 0 and _CLOSES_PARAGRAPH.search(texts[start - 1])):
            start = k  # a comma that may be a recital's end, and no item's end before it: left as printed
        if start < k:
            group = [lines[filled[j]] for j in range(start, end)]
            # the run first, then the pieces as printed; or every piece in reverse
            placed = group[k - start:] + group[:k - start] if in_order else group[::-1]
            for j, piece in zip(range(start, end), placed):
                lines[filled[j]] = Line(piece.text, piece.span, group[0].page_break if j == start else False)
        k = end
    return draft.with_lines(lines)


def _has_words(text: str) -> bool:
    """A line of Arabic text: two letters at least, not a mark or a letter set apart."""
    return len(_ARABIC_LETTER.findall(text)) >= 2


_CUT_SHORT = 0.9  # of a full line: a first line shorter than this has lost its end
# the end of a paragraph, without the Arabic comma: a comma often ends a printed line
# inside a paragraph, a semicolon or full stop only its last one
_CLOSES_PARAGRAPH = re.compile(r"[\u061b.:](?:\(\d{1,3}\))?$")
_CLOSES_RECITAL = re.compile(r"[\u060c,](?:\(\d{1,3}\))?$")  # a preambular paragraph's comma, and its note


def restore_first_line_ends(draft: Draft) -> Draft:
    """Put the end of a paragraph's first printed line back after its start, when
    pdftotext wrote it before the paragraph's number or its opening phrase.

    A numbered line cut short (`11- يدعو جميع الدول إلى أن تعالج الشواغل الأمنية على
    الإنترنت`) with a short line before it that the previous paragraph's end
    separates from that paragraph (`…منفعة تجارية أخرى؛` / `وفقا لالتزاماتها الدولية
    في مجال`): the short line is the rest of the numbered line, which goes on in the
    line after it (`حقوق الإنسان، …`). Both together fill no more than one printed
    line, the numbered line opens with its paragraph's verb, is visibly short and does
    not end its paragraph: a heading over a paragraph is set on a line of its own above
    a full one. A preambular paragraph's first line is read the same way (`وإذ يشير
    إلى ضرورة أن تكفل الدول امتثال جميع ما تتخذه من تدابير`, its end `تنفيذاً لهذا
    القرار لالتزاماتها` at the top of the page above it): the previous recital ends
    with its comma there, and the piece ends neither a paragraph nor a recital (on the
    text layers of dev, each of the six such pieces goes on in the recital after it in
    the UN's text, and so does the one of parallel). Only hard-wrapped
    right-to-left layers are touched.

    >>> from pipeline.languages import load
    >>> full = "وإذ يعرب عن قلقه إزاء استمرار أشكال عديدة من الفجوات الرقمية بين البلدان وداخلها"
    >>> text = "\\n".join([full] * 8 + ["على غيرها مقابل تحصيل مدفوعات أو منفعة تجارية أخرى؛", "وفقا لالتزاماتها الدولية في مجال",
    ...     "11- يدعو جميع الدول إلى أن تعالج الشواغل الأمنية", "حقوق الإنسان، من أجل ضمان حمايتها؛"])
    >>> [l.text[:22] for l in restore_first_line_ends(Draft(lines_of(text), profile=load("ar"))).lines][8:]
    ['على غيرها مقابل تحصيل ', '11- يدعو جميع الدول إل', 'وفقا لالتزاماتها الدول', 'حقوق الإنسان، من أجل ض']
    >>> wide = full + " وفي سائر مجالات التنمية"
    >>> text = "\\n".join([wide] * 8 + ["بالسكان المدنيين، وإذ يشير إلى القرار 2664 (2022)،", "تنفيذاً لهذا القرار لالتزاماتها",
    ...     "وإذ يشير إلى ضرورة أن تكفل الدول امتثال جميع ما تتخذه من تدابير", "بموجب أحكام القانون الدولي،",
    ...     "1- يقرر أن يجدد التدابير؛"])
    >>> [l.text[:22] for l in restore_first_line_ends(Draft(lines_of(text), profile=load("ar"))).lines][9:11]
    ['وإذ يشير إلى ضرورة أن ', 'تنفيذاً لهذا القرار لا']

    A piece that ends with a comma is the last line of the recital before, and stays:

    >>> text = text.replace("تنفيذاً لهذا القرار لالتزاماتها", "تنفيذاً لهذا القرار،")
    >>> [l.text[:22] for l in restore_first_line_ends(Draft(lines_of(text), profile=load("ar"))).lines][9:11]
    ['تنفيذاً لهذا القرار،', 'وإذ يشير إلى ضرورة أن ']
    """
    from .unwrap import _full_width, is_wrapped

    profile = draft.profile
    if profile is None or profile.direction != "rtl" or not is_wrapped(draft.lines, profile):
        return draft
    operative, opening, item, verb = (profile.rx(name) for name in
                                      ("operative", "opening_phrase", "item", "operative_phrase"))
    lines = list(draft.lines)
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    if not any(operative.match(lines[i].text.strip()) for i in filled):
        return draft
    line = _full_width(draft.lines)
    full = _printed_line_width(draft.lines, line)

    for n in range(2, len(filled)):
        numbered, piece = lines[filled[n]].text.strip(), lines[filled[n - 1]].text.strip()
        number = operative.match(numbered)
        # the numbered line holds its paragraph's verb: the piece cannot be the start
        # (`يحث الدول على أن تضع ُن ً` / `4- هجا شاملة …` is the start, then the rest)
        numbered_start = bool(number and verb.match(number["text"] or ""))
        recital = not number and bool(opening.match(numbered)) and not _CLOSES_RECITAL.search(numbered)
        if not ((numbered_start or recital) and not _CLOSES_PARAGRAPH.search(numbered)
                and len(numbered) < _CUT_SHORT * line):
            continue
        # the piece and the numbered line follow each other directly, as the pieces of
        # one printed line do (not across a blank line, as `pdftotext -layout` can have
        # a piece of another paragraph, nor across a page)
        if (not _has_words(piece) or filled[n] != filled[n - 1] + 1 or lines[filled[n]].page_break
                or _CLOSES_PARAGRAPH.search(piece) or (recital and _CLOSES_RECITAL.search(piece))  # a recital's last line
                or operative.match(piece) or item.match(piece) or opening.match(piece)
                or len(piece) + len(numbered) > full):
            continue
        before = n - 2  # the line before the piece, past marks set apart on lines of their own
        while before > 0 and not _has_words(lines[filled[before]].text):
            before -= 1
        ended = lines[filled[before]].text.strip()
        if not (_CLOSES_PARAGRAPH.search(ended) or (recital and _CLOSES_RECITAL.search(ended))):
            continue
        first, second = lines[filled[n - 1]], lines[filled[n]]
        lines[filled[n - 1]] = Line(second.text, second.span, first.page_break)
        lines[filled[n]] = Line(first.text, first.span, False)
    return draft.with_lines(lines)


_VERB_PIECES = 3  # lines between an opening particle and its verb, in one printed line


def restore_opening_verbs(draft: Draft) -> Draft:
    """Put an opening verb back after its particle when pdftotext printed the rest of
    the line between them: `وإذ` / `ً` / `أيضا بأن …` / `يسلم` is `وإذ يسلم` and then
    `أيضا بأن …` (the vowel marks of the line set apart, the verb cut off at its
    shadda). The verb is a short line that makes an opening phrase with the particle;
    the lines between it and the particle neither end a paragraph nor open one, cross
    no page, and with the verb fill no more than one printed line. Only hard-wrapped
    right-to-left layers are touched. A layer that keeps a printed line whole
    (`pdftotext -layout`, once its runs are in reading order) can hold the particle
    and the rest of the line, the verb alone below: `وإذ أيضا بأن … والحوار` / `يسلم`
    is `وإذ` / `يسلم` / `أيضا بأن … والحوار`.

    >>> from pipeline.languages import load
    >>> full = "الحقيقي في جميع المنتديات ذات الصلة، بما في ذلك في سياق الاستعراض الدوري الشامل، وينبغي أن"
    >>> text = "\\n".join([full, full, "على نحو فعال،", "وإذ", "ً", "أيضا بأن تعزيز حقوق الإنسان وحمايتها ينبغي أن",
    ...     "يسلم", full, "البشرية جمعاء،"])
    >>> [line.text for line in restore_opening_verbs(Draft(lines_of(text), profile=load("ar"))).lines][3:7]
    ['وإذ', 'يسلم', 'ً', 'أيضا بأن تعزيز حقوق الإنسان وحمايتها ينبغي أن']
    >>> text = "\\n".join([full, full, "على نحو فعال،", "وإذ أيضا بأن تعزيز حقوق الإنسان وحمايتها", "يسلم", full])
    >>> [line.text for line in restore_opening_verbs(Draft(lines_of(text), profile=load("ar"))).lines][3:6]
    ['وإذ', 'يسلم', 'أيضا بأن تعزيز حقوق الإنسان وحمايتها']
    """
    from .unwrap import _SPLIT_OPENING_MAX, is_wrapped

    profile = draft.profile
    if (profile is None or profile.direction != "rtl" or not profile.opening_particle
            or not is_wrapped(draft.lines, profile)):
        return draft
    particle, opening = profile.rx("opening_particle").match, profile.rx("opening_phrase").match
    lines = _particles_before_their_verbs(list(draft.lines), particle, opening)
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    texts = [lines[i].text.strip() for i in filled]
    full = None
    for j, text in enumerate(texts[:-2]):
        if not particle(text) or opening(f"{text} {texts[j + 1]}"):
            continue  # no particle, or one its verb follows already
        full = full or _printed_line_width(draft.lines)
        width = 0
        for m in range(j + 1, min(j + 2 + _VERB_PIECES, len(texts))):
            piece = texts[m]
            if any(lines[i].page_break for i in range(filled[m - 1] + 1, filled[m] + 1)):
                break
            if m > j + 1 and len(piece) <= _SPLIT_OPENING_MAX and opening(f"{text} {piece}"):
                if width + len(piece) <= full:
                    moved = [lines[filled[m]]] + [lines[filled[k]] for k in range(j + 1, m)]
                    for k, line in zip(range(j + 1, m + 1), moved):
                        lines[filled[k]] = Line(line.text, line.span, False)
                break
            if _ENDS_PARAGRAPH.search(piece) or particle(piece) or opening(piece):
                break
            width += len(piece)
    return draft.with_lines(lines)


def _particles_before_their_verbs(lines: list[Line], particle, opening) -> list[Line]:
    """A line that opens with an opening particle and goes on with no verb, its verb
    alone on the next line, as three lines in reading order: the particle, the verb,
    the rest of the line (which neither ends nor opens a paragraph)."""
    from .unwrap import _SPLIT_OPENING_MAX

    out: list[Line] = []
    pending: Line | None = None  # the rest of a line, written after the verb that follows it
    for i, line in enumerate(lines):
        if pending is not None:
            out += [line, pending]  # the verb, then the rest of its line
            pending = None
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        verb = nxt.text.strip() if nxt is not None and not nxt.page_break else ""
        # a verb alone is a short line: the cheap test first, most lines are long
        if verb and len(verb) <= _SPLIT_OPENING_MAX and not opening(text := line.text.strip()):
            words = text.split()
            # the particle and the marks detached after it: the first one to three words
            cut = next((k for k in range(1, min(4, len(words))) if particle(" ".join(words[:k]))), None)
            if cut is not None:
                head, rest = " ".join(words[:cut]), " ".join(words[cut:])
                if opening(f"{head} {verb}") and not _ENDS_PARAGRAPH.search(rest) and not opening(rest):
                    out.append(Line(head, line.span, line.page_break))
                    pending = Line(rest, line.span)
                    continue
        out.append(line)
    return out
