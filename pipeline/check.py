"""Check any Akoma Ntoso or TEI file, wherever it was made (`akn-pipeline validate`).

First what could make a parser reach outside the file is refused before any parser
sees it: a DOCTYPE (a DTD, internal or external, and every entity, which is how XXE
and billion-laughs files work). Then the file is parsed with `validate.safe_parser`
(no DTD, no entities, no network), told AKN from TEI by its root's namespace, and
validated as `validate.py` validates the converter's own outputs.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from lxml import etree

from .convert import DEFAULT_MAX_BYTES, over_limit
from .diagnostics import Diagnostic, Level, printable
from .validate import AKN_NAMESPACE, TEI_NAMESPACE, SchemaError, check_tei, safe_parser, validate

KINDS = {AKN_NAMESPACE: "akn", TEI_NAMESPACE: "tei"}
KIND_NAMES = {"akn": "Akoma Ntoso 3.0", "tei": "TEI P5"}

VALID, INVALID, UNCHECKED = "valid", "invalid", "unchecked"
# the file could not be read (E001) or was too large to be (E010): no verdict on it
NOT_CHECKED = frozenset({"E001", "E010"})


@dataclass(frozen=True)
class FileCheck:
    """The verdict on one file: its kind (`akn`, `tei`, or None when it is neither or
    could not be told) and its errors."""

    source: str  # as printed (diagnostics.printable)
    kind: str | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def status(self) -> str:
        errors = [d for d in self.diagnostics if d.level >= Level.ERROR]
        if any(d.code in NOT_CHECKED for d in errors):
            return UNCHECKED
        return INVALID if errors else VALID


def not_checked(source: str, diagnostic: Diagnostic) -> FileCheck:
    """The verdict on a file that could not be read (E001) or is over the limit (E010)."""
    return FileCheck(printable(source), None, (diagnostic,))


def check_file(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> FileCheck:
    """Check the bytes of one AKN or TEI file.

    AKN: the official akomantoso30.xsd. TEI: the official tei_all.rng, and every
    `#id` pointer must name an `xml:id` of the file (pointers to other files and to
    the web are the file's own business). Anything else is E014.
    """
    source = printable(source)
    if len(data) > max_bytes:
        return FileCheck(source, None, (over_limit(max_bytes, len(data), "not checked"),))
    refused = refuse_doctype(data)
    if refused is not None:
        return FileCheck(source, None, (refused,))
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as err:
        return FileCheck(source, None, (Diagnostic("E013", printable(err.msg), err.lineno or None),))
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        # refuse_doctype decoded the file otherwise than the parser did; the parser
        # expanded and fetched nothing (safe_parser), and the file is refused all the same
        return FileCheck(source, None, (Diagnostic(
            "E012", "DOCTYPE refused (the parser found it in an encoding the first look did not); "
                    "nothing was expanded, read or fetched", 1),))
    namespace = etree.QName(root).namespace
    kind = KINDS.get(namespace)
    if kind is None:
        where = f"{{{namespace}}}" if namespace else "no namespace"
        return FileCheck(source, None, (Diagnostic(
            "E014", printable(f"the root element {etree.QName(root).localname} is in {where}, neither Akoma Ntoso "
                              f"3.0 ({AKN_NAMESPACE}) nor TEI ({TEI_NAMESPACE})"), root.sourceline),))
    if kind == "akn":
        found = _diagnostics("E002", validate(data).errors)
    else:
        schema, dangling = check_tei(data, local_only=False)  # one parse for both checks
        found = _diagnostics("E005", schema.errors) + _diagnostics("E006", dangling)
    return FileCheck(source, kind, found)


def _diagnostics(code: str, errors: tuple[SchemaError, ...]) -> tuple[Diagnostic, ...]:
    return tuple(Diagnostic(code, printable(f"{e.path}: {e.message}" if e.path else e.message), e.line)
                 for e in errors)


# --------------------------------------------------------------------------- the prolog

_BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# `<?` without a byte-order mark, as the XML spec (appendix F) tells encodings apart
_UNMARKED = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
             (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"))
_DECLARED = re.compile(rb"<\?xml[^>]*?\sencoding\s*=\s*[\"']([A-Za-z][A-Za-z0-9._\-]*)[\"']")


def _views(data: bytes) -> list[str] | Diagnostic:
    """The file as text, for reading its prolog: by its byte-order mark, else by the
    XML spec's first bytes, else by its declared encoding (UTF-8 when none) and, in
    case the parser reads it otherwise, byte for byte as ASCII."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return [data[len(mark):].decode(encoding, "replace")]
    for start, encoding in _UNMARKED:
        if data.startswith(start):
            return [data.decode(encoding, "replace")]
    declared = _DECLARED.match(data[:1024])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return [data.decode(encoding, "replace"), data.decode("latin-1")]
    except LookupError:
        return Diagnostic("E013", printable(f"unknown encoding {encoding!r} declared"), 1)


def refuse_doctype(data: bytes) -> Diagnostic | None:
    """E012 when the file has a DOCTYPE (or any other `<!` declaration) before its
    root element, else None (E013 when the prolog cannot be read at all).

    Only comments, processing instructions (the XML declaration is one) and
    white space may stand before the root without a DOCTYPE; they are read past
    until the first other thing, which must then be the root element (what it
    is, the parser says next). The DOCTYPE is described, not processed.

    >>> refuse_doctype(b'<?xml version="1.0"?>\\n<!-- a -->\\n<akomaNtoso/>') is None
    True
    >>> refuse_doctype(b'<?xml version="1.0"?>\\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>').format("a.xml")
    'a.xml:2: error E012: DOCTYPE refused: it declares the external entity x (SYSTEM "file:///etc/passwd"); AKN and TEI use no DTD: nothing was expanded, read or fetched'
    """
    views = _views(data)
    if isinstance(views, Diagnostic):
        return views
    for text in views:
        found = _prolog(text)
        if found is not None:
            return found
    return None


def _prolog(text: str) -> Diagnostic | None:
    """refuse_doctype's verdict on one reading of the file."""
    at, end = 0, len(text)
    while True:
        while at < end and text[at] in " \t\r\n":
            at += 1
        if text.startswith("<?", at):
            close = text.find("?>", at + 2)
        elif text.startswith("<!--", at):
            close = text.find("-->", at + 4)
        elif text.startswith("<!", at):
            return Diagnostic("E012", printable(_describe(text, at)), text.count("\n", 0, at) + 1)
        else:
            return None
        if close < 0:
            return Diagnostic("E013", "a comment or processing instruction before the root element is not closed",
                              text.count("\n", 0, at) + 1)
        at = text.find(">", close) + 1


_ENTITY = re.compile(r"<!ENTITY\s+(?P<parameter>%\s+)?(?P<name>[^\s\"'<>%&;]+)\s+(?:(?P<keyword>SYSTEM|PUBLIC)\s*)?")
_DOCTYPE = re.compile(r"<!DOCTYPE\s+[^\s\[<>]+\s+(?P<keyword>SYSTEM|PUBLIC)\s*")


def _literals(text: str, at: int, count: int) -> tuple[list[str], int]:
    """Up to `count` quoted literals from `at` (fewer when one is not closed)."""
    found = []
    for _ in range(count):
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if at >= len(text) or text[at] not in "\"'":
            break
        close = text.find(text[at], at + 1)
        if close < 0:
            break
        found.append(text[at + 1:close])
        at = close + 1
    return found, at


def _entities(text: str, at: int):
    """(name, keyword, system URI, value) of each `<!ENTITY` from `at` on, in one pass
    over the text (a hostile file gets no quadratic time out of its description)."""
    while (at := text.find("<!ENTITY", at)) >= 0:
        head = _ENTITY.match(text, at)
        if head is None:
            at += len("<!ENTITY")
            continue
        name = ("%" if head["parameter"] else "") + head["name"]
        keyword = head["keyword"]
        literals, at = _literals(text, head.end(), 2 if keyword == "PUBLIC" else 1)
        if not literals:
            continue
        yield name, keyword, literals[-1] if keyword else None, None if keyword else literals[0]


def _describe(text: str, at: int = 0) -> str:
    """What the declaration at `at` declares, said in one line (nothing of it is
    processed).

    >>> _describe('<!DOCTYPE a PUBLIC "-//X//DTD A//EN" "http://example.org/a.dtd">')
    'DOCTYPE refused: it names the external DTD http://example.org/a.dtd; AKN and TEI use no DTD: nothing was expanded, read or fetched'
    >>> _describe('<!DOCTYPE a [<!ENTITY a "x"><!ENTITY b "&a;&a;"><!ENTITY % c SYSTEM "http://x/c">]>')
    'DOCTYPE refused: it declares the external parameter entity c (SYSTEM "http://x/c"); it declares 2 entities (a, b), some made of others (an expansion bomb); AKN and TEI use no DTD: nothing was expanded, read or fetched'
    >>> _describe('<!ELEMENT a ANY>')
    'a markup declaration (<!ELEMENT …) before the root element is refused: AKN and TEI use no DTD'
    """
    if not text.startswith("<!DOCTYPE", at):
        return (f"a markup declaration ({text[at:at + 10].split()[0]} …) before the root element is refused: "
                "AKN and TEI use no DTD")
    said = []
    doctype = _DOCTYPE.match(text, at)
    if doctype:
        uri, _ = _literals(text, doctype.end(), 2 if doctype["keyword"] == "PUBLIC" else 1)
        if uri:
            said.append(f"it names the external DTD {uri[-1]}")
    external, internal = [], []
    for name, keyword, uri, value in _entities(text, at):
        (external if keyword else internal).append((name, keyword, uri, value))
    for name, keyword, uri, _ in external[:3]:
        kind = "parameter entity" if name.startswith("%") else "entity"
        said.append(f"it declares the external {kind} {name.lstrip('%')} ({keyword} \"{uri}\")")
    if len(external) > 3:
        said.append(f"and {len(external) - 3} more external entities")
    if internal:
        names = ", ".join(name.lstrip("%") for name, *_ in internal[:5]) + (", …" if len(internal) > 5 else "")
        nested = any("&" in value or "%" in value for *_, value in internal)
        said.append(f"it declares {len(internal)} entit{'y' if len(internal) == 1 else 'ies'} ({names})"
                    + (", some made of others (an expansion bomb)" if nested else ""))
    if not said and "[" in text[at:text.find(">", at)]:
        said.append("it has an internal DTD subset")
    reason = "; ".join(said) + "; " if said else ""
    return f"DOCTYPE refused: {reason}AKN and TEI use no DTD: nothing was expanded, read or fetched"
