"""Stage 1, read: bytes → text, whatever encoding and line ends the PDF tool chose.

Accepted: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM, GB18030 (a superset
of GBK and GB2312, which Chinese Windows tools still write), and any encoding the user
names (`Options.encoding`, `--encoding`). CRLF and CR line ends become LF. Anything
else is refused with an error that names the file: guessing an encoding silently
would corrupt every character of an archive copy.
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
    and for a PDF one geometry hint per text line (None for blank lines) and the
    language its lines were joined in (named by the user or told by the reader)."""

    name: str
    text: str
    encoding: str
    hints: tuple[LineHint | None, ...] | None = field(default=None, repr=False)  # one per line: long
    lang: str | None = None


def read_source(data: bytes, name: str = "<stdin>", encoding: str | None = None) -> Source:
    """Decode the bytes of an input file; `encoding`, when given, is the one the user
    says the file is in (a legacy archive's `cp1252`, `cp1251`, `cp1256`): it is used
    instead of any guess, and a byte it cannot decode is an error.

    >>> read_source("人权理事会，\\r\\n".encode("gb18030"), "a.txt").text
    '人权理事会，\\n'
    >>> read_source(codecs.BOM_UTF8 + b"The Council,\\r", "b.txt")
    Source(name='b.txt', text='The Council,\\n', encoding='utf-8-sig', lang=None)
    >>> read_source("Le Conseil des droits de l’homme,".encode("cp1252"), "c.txt", "cp1252").text
    'Le Conseil des droits de l’homme,'
    """
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            _refuse(f"not a text file: looks like {what}")
    text, encoding = _decode(data) if encoding is None else _decode_as(data, encoding)
    return Source(name=name, text=line_ends(text), encoding=encoding)


def read_text(text: str, name: str = "<stdin>") -> Source:
    r"""A text handed over already decoded (the Python API): the same line ends as a
    file's, and no byte-order mark (a text decoded without `utf-8-sig` keeps it).

    >>> read_text("\ufeffThe Council,\r\nRecalling\u2028its resolution").text
    'The Council,\nRecalling\nits resolution'
    """
    return Source(name=name, text=line_ends(text.removeprefix("\ufeff")), encoding="str")


_LINE_END = re.compile("\r\n?|[\u2028\u2029]")


def line_ends(text: str) -> str:
    r"""Every line end as LF: Windows CRLF, old Mac CR, and the Unicode line and
    paragraph separators that editors and word processors break lines at, so that
    line numbers are the ones the user's editor shows. (NEL, U+0085, stays a control
    character: in a text it is mostly a cp1252 ellipsis decoded as Latin-1.)

    >>> line_ends("a\r\nb\rc\u2029d\u2028e")
    'a\nb\nc\nd\ne'
    """
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:  # most texts: substring tests, in C
        return text
    return _LINE_END.sub("\n", text)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding + ("-sig" if encoding == "utf-8" else "")
            except UnicodeDecodeError as err:
                _refuse(f"starts with a {encoding} byte-order mark but is not {encoding} "
                              f"(byte {err.start + len(bom)})")
    _refuse_control_bytes(data)
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
            f"re-save it as UTF-8, or name its encoding (--encoding cp1252, cp1251, cp1256…)", line)


def _refuse_control_bytes(data: bytes) -> None:
    control = len(_CONTROL_BYTES.findall(data))
    if control > _MAX_CONTROL_SHARE * len(data):
        _refuse(f"not a text file: {control} control bytes in {len(data)} (binary data?)")


def _decode_as(data: bytes, encoding: str) -> tuple[str, str]:
    """The text in the encoding the user named; a byte-order mark of it is dropped."""
    _refuse_control_bytes(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        _refuse(f"not valid {encoding} (byte {err.start})", data.count(b"\n", 0, err.start) + 1)
    return text.removeprefix("\ufeff"), encoding


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
    >>> _looks_chinese("إن مجلس حقوق الإنسان،".encode("cp1256").decode("gb18030"))
    False
    """
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return False
    cjk = sum(1 for c in non_ascii if _is_common_cjk(c))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    ideographs = [c for c in non_ascii if "\u4e00" <= c <= "\u9fff"]
    # the bytes of an Arabic or Cyrillic letter pair up into ideographs as well; those
    # are rare ones, where Chinese text is most of it made of its commonest characters
    common = sum(1 for c in ideographs if c in _COMMON_HANZI)
    return cjk / len(non_ascii) >= 0.9 and cjk > latin and common >= _COMMON_SHARE * len(ideographs)


# The commonest Chinese characters, in the order of a general frequency list: they
# make up well over half of any Chinese text, and a few in a hundred of the
# ideographs that other encodings' bytes decode to.
_COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
    "任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美"
    "再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元"
    "况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委"
    "素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江"
    "型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严促护执援")
_COMMON_SHARE = 0.25


def _is_common_cjk(char: str) -> bool:
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or unicodedata.category(char).startswith("P"))


def _refuse(message: str, line: int | None = None):
    raise InputError(Diagnostic("E001", message, line))
