"""Stage 1, read: bytes → text, whatever encoding and line ends the PDF tool chose.

Accepted: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM, GB18030 (a superset
of GBK and GB2312, which Chinese Windows tools still write). CRLF and CR line ends
become LF. Anything else is refused with an error that names the file: guessing an
encoding silently would corrupt every character of an archive copy.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, InputError

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of files that are certainly not text (and would otherwise decode as
# GB18030 noise). PDFs get their own reader, not this one.
_BINARY_SIGNATURES = {
    b"%PDF-": "a PDF file (pipeline.read_pdf reads those)",
    b"PK\x03\x04": "a ZIP archive (a .docx?)",
    b"\xd0\xcf\x11\xe0": "an OLE file (a .doc?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}

# Bytes that plain text does not contain (C0 controls except tab, LF, FF, CR).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class LineHint:
    """What the page geometry says about one line of text read from a PDF
    (`pipeline.read_pdf`); a text file has none.

    `page` is 1-based; `band` is `body`, `header`, `footer` (page furniture) or
    `footnote`; `size` the face size in pt; `indent` how far the block's first line
    starts from the text frame's start edge (pt, negative when it hangs out);
    `continues` whether the block goes on from the previous page (True, False, or
    None when the geometry cannot tell).
    """

    page: int
    band: str = "body"
    size: float = 0.0
    indent: float = 0.0
    continues: bool | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Decoded input: its name (for diagnostics), text with LF line ends, encoding,
    and for a PDF one geometry hint per text line (None for blank lines)."""

    name: str
    text: str
    encoding: str
    hints: tuple[LineHint | None, ...] | None = field(default=None, repr=False)  # one per line: long


def read_source(data: bytes, name: str = "<stdin>") -> Source:
    """Decode the bytes of an input file.

    >>> read_source("人权理事会，\\r\\n".encode("gb18030"), "a.txt").text
    '人权理事会，\\n'
    >>> read_source(codecs.BOM_UTF8 + b"The Council,\\r", "b.txt")
    Source(name='b.txt', text='The Council,\\n', encoding='utf-8-sig')
    """
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            _refuse(f"not a text file: looks like {what}")
    text, encoding = _decode(data)
    return Source(name=name, text=text.replace("\r\n", "\n").replace("\r", "\n"), encoding=encoding)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding + ("-sig" if encoding == "utf-8" else "")
            except UnicodeDecodeError as err:
                _refuse(f"starts with a {encoding} byte-order mark but is not {encoding} "
                              f"(byte {err.start + len(bom)})")
    if data and len(_CONTROL_BYTES.findall(data)) > _MAX_CONTROL_SHARE * len(data):
        _refuse(f"not a text file: {len(_CONTROL_BYTES.findall(data))} control bytes "
                      f"in {len(data)} (binary data?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        return text, "gb18030"
    line = data.count(b"\n", 0, first_bad) + 1
    _refuse(f"not valid UTF-8 (byte {first_bad}) and not GB18030 Chinese text; "
                  f"re-save it as UTF-8", line)


def _looks_chinese(text: str) -> bool:
    """GB18030 decodes most byte soups (a Latin-1 `é` and the next letter make one
    ideograph); accept it only when the result reads as Chinese: nearly all
    non-ASCII characters are CJK, and CJK outnumbers Latin letters.

    >>> _looks_chinese("人权理事会，第三十八届会议 A/HRC/38/3")
    True
    >>> _looks_chinese("Ελληνικά κείμενα")
    False
    >>> _looks_chinese("R\u95f0olution adopt\u9365 par le Conseil")
    False
    """
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return False
    cjk = sum(1 for c in non_ascii if _is_common_cjk(c))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return cjk / len(non_ascii) >= 0.9 and cjk > latin


def _is_common_cjk(char: str) -> bool:
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or unicodedata.category(char).startswith("P"))


def _refuse(message: str, line: int | None = None):
    raise InputError(Diagnostic("E001", message, line))
