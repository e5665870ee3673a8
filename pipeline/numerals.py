"""Numbers as the languages print them: Chinese numerals, ordinal words, roman numerals."""
from __future__ import annotations

import re
import unicodedata

_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}


def cjk_number(text: str) -> int | None:
    """Value of a Chinese numeral.

    >>> cjk_number("三十八"), cjk_number("十七"), cjk_number("一百零三"), cjk_number("七十")
    (38, 17, 103, 70)
    >>> cjk_number("38"), cjk_number("abc")
    (38, None)
    """
    if text.isdigit():
        return int(ascii_digits(text))
    total, digit = 0, None
    for char in text:
        if char in _CJK_DIGITS:
            digit = _CJK_DIGITS[char]
        elif char in _CJK_UNITS:
            total += (1 if digit is None else digit) * _CJK_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def word_number(text: str, words: dict[str, int]) -> int | None:
    """Value of a number written in words, from a language's table of number words.

    >>> word_number("Fifty-fourth", {"fifty": 50, "fourth": 4})
    54
    >>> word_number("Fiftieth", {"fifty": 50}) is None
    True
    """
    parts = [p for p in re.split(r"[\s\-]+", text.lower()) if p and p not in ("and", "et", "y", "и", "و")]
    if not parts or any(p not in words for p in parts):
        return None
    total = 0
    for part in parts:
        value = words[part]
        total = total * value if value == 100 and total else total + value
    return total


def ascii_digits(text: str) -> str:
    """Decimal digits of any script as ASCII digits.

    >>> ascii_digits("٣٨/٣")
    '38/3'
    """
    if text.isascii():  # most numbers are printed in ASCII: nothing to walk through
        return text
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(text: str) -> int | None:
    """Value of a lower-case roman numeral, None when it is not one.

    >>> roman_value("iv"), roman_value("xix"), roman_value("ab")
    (4, 19, None)
    """
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total


def letter_value(label: str) -> int | None:
    """Position of an item letter label: a=1 … z=26, aa=27, bb=28 (UN style doubles letters).

    >>> letter_value("a"), letter_value("z"), letter_value("aa"), letter_value("bb")
    (1, 26, 27, 28)
    """
    if not label.isalpha() or not label.isascii() or len(set(label)) != 1:
        return None
    return (len(label) - 1) * 26 + ord(label[0].lower()) - ord("a") + 1
