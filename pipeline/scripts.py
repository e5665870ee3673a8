"""Writing-system facts shared by the stages: which characters are CJK, how two
fragments of one paragraph are joined, which script a text is written in."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .lexicon import is_compound, words

# Han ideographs, kana, CJK symbols and punctuation, full-width forms.
CJK_CHARS = ("\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff"
             "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef")
_CJK = re.compile(f"[{CJK_CHARS}]")

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# "㈠" … "㈩" (U+3220-3229): "(一)" … "(十)" in one character, a Chinese item label; a
# range for a character class
IDEOGRAPH_LABELS = "\u3220-\u3229"
COMMAS = (",", "\u060c", "，")  # a comma in Latin and Cyrillic, Arabic, CJK script
# Characters a paragraph can end with (the enumeration comma 、 is none: it only parts
# the items of a list); a line or page that ends on anything else stops mid-paragraph.
PARAGRAPH_END = frozenset(".;:,!?)]}>\"'»”’…。；：，！？）】」』》〉\u060c\u061b\u06d4")
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def is_cjk(char: str) -> bool:
    """
    >>> is_cjk("发"), is_cjk("，"), is_cjk("a")
    (True, True, False)
    """
    return bool(char) and bool(_CJK.match(char))


def display_width(text: str) -> int:
    """Columns a text takes in print: a CJK character takes two.

    >>> display_width("2018 年 7 月"), display_width("security,"), display_width("")
    (12, 9, 0)
    """
    # counted by the regex engine: a Python loop over every character of every line
    # was half the time of unwrapping a long document
    return len(text) + len(_CJK.findall(text))


def is_caseless(char: str) -> bool:
    """A letter of an alphabet without capitals (Arabic), CJK aside: no capital tells
    where its paragraphs and titles start.

    >>> is_caseless("ا"), is_caseless("a"), is_caseless("大")
    (True, False, False)
    """
    return char.isalpha() and char.lower() == char.upper() and not is_cjk(char)


def from_superscript(digits: str) -> str:
    """
    >>> from_superscript("¹²")
    '12'
    """
    return digits.translate(_FROM_SUPERSCRIPT)


class Vocabulary:
    """The words of a document, to tell a word broken at a line end (`situ` /
    `ations`) from two words, and a hyphen that breaks a word from one that joins
    a compound (`follow-up`)."""

    _WORDS = re.compile(r"\w+")
    # from the start of a word only: tried inside a run of word characters (a CJK line
    # has no spaces), `\w+` would read to the run's end from every one of them
    _COMPOUNDS = re.compile(r"\b\w+(?:-\w+)+")

    def __init__(self, texts, compounds: re.Pattern | None = None, lexicon: str | None = None):
        # one search over the whole text, not one per line: no word holds a line feed,
        # so joining the lines with one finds the same; each distinct word is put in
        # lower case once, with its count, not once per occurrence
        lines = list(texts)
        self.words: Counter[str] = Counter()
        for word, count in Counter(self._WORDS.findall("\n".join(lines))).items():
            self.words[word.lower()] += count
        # a compound holds a hyphen: the lines without one (most) are not searched
        self.compounds: set[str] = {compound.lower() for line in lines if "-" in line
                                    for compound in self._COMPOUNDS.findall(line)}
        self.known = compounds  # a language's compounds, written with a hyphen every time
        # the language's word list (pipeline/lexicon.py), by its code: loaded when a hyphen
        # at a line end first needs it, not for every document of the language
        self.lexicon = lexicon

    def closes_up(self, left: str, right: str) -> bool:
        """`left` + `right` is a word of the document and `left` is not one elsewhere."""
        return (left + right).lower() in self.words and self.words[left.lower()] <= 1

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """`left-right` is a compound: the document writes it so, or it is one of the
        language's; or, where the document never writes it closed up, the language's
        word list has no such word but has both halves (`Russian-` / `backed`)."""
        compound = f"{left}-{right}".lower()
        if compound in self.compounds or (self.known is not None and self.known.fullmatch(compound) is not None):
            return True
        return (self.lexicon is not None and (left + right).lower() not in self.words
                and is_compound(left, right, words(self.lexicon)))

    def written_whole(self, left: str, right: str) -> bool:
        """`left` + `right` is a word of the document, and never written with a hyphen."""
        return (left + right).lower() in self.words and not self.keeps_hyphen(left, right)


_WORD_CHAR = re.compile(r"\w")
# the last word of a line is a web or e-mail address, or a path ("www.un.org/…/global-ct-")
ADDRESS_SIGNS = r"www\.|://|@|/"  # what only a web or e-mail address or a path holds in a token
_ADDRESS = re.compile(rf"(?:{ADDRESS_SIGNS})\S*-$")
_FIRST_WORD = re.compile(r"^(\w+)")
# A hyphen before one of these words and a compound is a suspended compound ("troop-
# and police-contributing", "age- and gender-sensitive"), not a word broken at a line
# end; the compound must follow, as in one language the word is another's syllable
# (Spanish "respe-" / "to de los").
_SUSPENDING_WORDS = frozenset({"and", "or", "to", "et", "ou", "à", "y", "o", "e", "u", "и", "или", "а"})
_SUSPENDED = re.compile(r"(\w+)\s+\w+-\w")


def suspends(text: str, start: int = 0) -> bool:
    """Whether `text` at `start`, after a hyphen, goes on with the rest of a suspended
    compound ("and police-contributing").

    >>> suspends("and police-contributing"), suspends("to de los"), suspends("ations, so")
    (True, False, False)
    """
    m = _SUSPENDED.match(text, start)
    return m is not None and m.group(1).lower() in _SUSPENDING_WORDS


def _last_word(text: str) -> str | None:
    """The word at the end of `text` (before a final hyphen), read from the end: a
    search from the start would read the whole of a paragraph that grows line by line.

    >>> _last_word("in vulnerable situ-"), _last_word("the Council,"), _last_word("")
    ('situ', None, None)
    """
    end = len(text) - 1 if text.endswith("-") else len(text)
    start = end
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return text[start:end] if start < end else None


def join_fragments(left: str, right: str, vocabulary: Vocabulary | None = None) -> str:
    """Join two pieces of one paragraph that a line or page break separated.

    Chinese runs on without a space; Latin, Cyrillic and Arabic script take one. A
    word hyphenated at the break (`situ-` + `ations`) is closed up when the hyphen
    follows a lower-case letter and the continuation starts lower-case; a hyphen
    that is part of a compound (`Secretary-` + `General`) is kept.

    >>> join_fragments("可持续发", "展的重要组成部分")
    '可持续发展的重要组成部分'
    >>> join_fragments("in vulnerable situ-", "ations, so that")
    'in vulnerable situations, so that'
    >>> join_fragments("the Secretary-", "General")
    'the Secretary-General'
    >>> join_fragments("the Council", "decides")
    'the Council decides'
    >>> join_fragments("through age-", "and gender-sensitive approaches"), join_fragments("en el respe-", "to de los")
    ('through age- and gender-sensitive approaches', 'en el respeto de los')
    >>> words = Vocabulary(["in vulnerable situations", "the follow-up to"])
    >>> join_fragments("vulnerable situ", "ations, so", words), join_fragments("its follow-", "up", words)
    ('vulnerable situations, so', 'its follow-up')
    >>> join_fragments("listed at www.un.org/counterterrorism/global-ct-", "compact/entities")
    'listed at www.un.org/counterterrorism/global-ct-compact/entities'
    >>> join_fragments("اتخذت في 16 أيار/", "مايو 2024"), join_fragments("Minni Minnawi (SLA/", "MM)")
    ('اتخذت في 16 أيار/مايو 2024', 'Minni Minnawi (SLA/MM)')
    >>> words = Vocabulary(["персонала СООННР", "мандат СО-", "ОННР и ЮНДОФ"])
    >>> join_fragments("мандат СО-", "ОННР и", words), join_fragments("the Secretary-", "General", words)
    ('мандат СООННР и', 'the Secretary-General')
    >>> join_fragments("the Non-Self-Gov\u00ad", "erning Territories")  # a soft hyphen: a break, always
    'the Non-Self-Governing Territories'
    >>> join_fragments("by e-", "mail"), join_fragments("detail/who-director-general-s-", "opening-remarks")
    ('by e-mail', 'detail/who-director-general-s-opening-remarks')
    """
    if not left or not right:
        return left + right
    if left[-1] == "\u00ad":  # a word processor's soft hyphen marks where it broke a word, and only that
        return left[:-1] + right
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    tail, head = _last_word(left), _FIRST_WORD.match(right)
    if (left.endswith("-") and len(left) > 1 and left[-2].isalpha() and left[-2].islower()
            and right[0].isalpha() and right[0].islower()):
        if suspends(right):
            return left + " " + right  # a suspended compound, the rest of it on the next line
        if vocabulary and tail and head and vocabulary.keeps_hyphen(tail, head.group(1)):
            return left + right
        if tail is not None and len(tail) == 1:
            return left + right  # hyphenation leaves two letters at least: "e-" / "mail", "…-s-" / "opening"
        if _ADDRESS.search(left):
            return left + right  # an address breaks at its own hyphens, and nothing was hyphenated
        return left[:-1] + right
    if vocabulary and tail and head and not left.endswith("-") and vocabulary.closes_up(tail, head.group(1)):
        return left + right
    if (left.endswith("-") and vocabulary and tail and head and vocabulary.written_whole(tail, head.group(1))
            and not _ADDRESS.search(left)):
        return left[:-1] + right  # a capital word broken at the line end (`СО-` / `ОННР`), whole elsewhere
    if left.endswith(("-", "\u2010", "/")):  # nor is a space printed after a slash (أيار/مايو, (SLA/MM))
        return left + right
    return left + " " + right


def dominant_script(text: str) -> str | None:
    """The script most letters of `text` are written in: Han, Latin, Cyrillic or Arabic.

    >>> dominant_script("人权理事会，The")
    'Han'
    >>> dominant_script("Совет Безопасности,")
    'Cyrillic'
    >>> dominant_script("123 ...") is None
    True
    """
    counts: Counter[str] = Counter()
    # each distinct character is looked at once, with its count (a document has a few
    # hundred distinct characters and tens of thousands in all); Counter keeps the
    # order of first occurrence, so a tie goes to the same script as before
    for char, n in Counter(text).items():
        script = _script_of(char)
        if script is not None:
            counts[script] += n
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=1 << 16)
def _script_of(char: str) -> str | None:
    """The script of one letter, or None (not a letter, or another script).

    Remembered: a Chinese document has a thousand distinct characters, and asking
    unicodedata for each one's name was most of detecting the language; the same
    characters come back in every document of a batch."""
    if not char.isalpha():
        return None
    if _CJK.match(char):
        return "Han"
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "ARABIC"):
        if name.startswith(script):
            return script.title()
    return None
