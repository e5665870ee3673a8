"""Fixes for Arabic text layers (owned by the Arabic profile work; see issue 3)."""
from __future__ import annotations


def remove_bidi_controls(text: str) -> str:
    """Remove bidirectional embedding controls (U+202A–U+202E, U+2066–U+2069).

    pdftotext wraps right-to-left runs in U+202B … U+202C; they are display
    instructions, not text, and the order of the characters is already logical.

    >>> remove_bidi_controls("\\u202bنص\\u202c")
    'نص'
    """
    return text.translate(_BIDI)


_BIDI = str.maketrans({c: None for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"})


def repair_lam_alef(text: str) -> str:
    """Placeholder until the lam-alef repair lands: returns the text unchanged.

    >>> repair_lam_alef("الأمم")
    'الأمم'
    """
    return text
