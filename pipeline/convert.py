"""The whole conversion of one document: read → clean → segment → emit → validate."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timezone

from .clean import Cleaned, clean
from .diagnostics import Diagnostic, InputError
from .languages import detect, load
from .model import Document
from .read import Source, read_source
from .segment import segment
from .to_akn import AknOptions, to_akn
from .validate import Validation, validate


@dataclass(frozen=True)
class Options:
    """`lang`: ISO 639-1 code, detected when None. `markup_date`: the manifestation
    date (ISO); None means SOURCE_DATE_EPOCH when set, else today."""

    lang: str | None = None
    markup_date: str | None = None


@dataclass(frozen=True)
class Conversion:
    source: Source
    cleaned: Cleaned
    document: Document
    akn: bytes
    validation: Validation
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """True when the AKN is schema-valid (warnings do not make it fail)."""
        return self.validation.valid


def convert(data: bytes | str, name: str = "<stdin>", options: Options = Options()) -> Conversion:
    """Convert the text of one resolution to validated Akoma Ntoso.

    Raises `InputError` for input that cannot be converted at all (undecodable,
    empty, unsupported language); schema errors are reported in the result.
    """
    source = read_source(data, name) if isinstance(data, bytes) else Source(name, data, "str")
    if not source.text.strip():
        raise InputError(Diagnostic("E004", "the input holds no text"))
    code = options.lang or detect(source.text)
    if code is None:
        raise InputError(Diagnostic("E003", "could not tell the language; give it with --lang"))
    detected = [] if options.lang else [Diagnostic("I004", f"language detected: {code}")]
    profile = load(code)
    cleaned = clean(source.text, profile)
    if not cleaned.lines:
        raise InputError(Diagnostic("E004", "the input holds no text"))
    document, found = segment(cleaned, profile, name)
    akn = to_akn(document, AknOptions(markup_date=options.markup_date or markup_date()))
    validation = validate(akn)
    invalid = tuple(Diagnostic("E002", f"output {error}") for error in validation.errors)
    return Conversion(source, cleaned, document, akn, validation,
                      tuple(detected) + cleaned.diagnostics + found + invalid)


def markup_date(environ=os.environ) -> str:
    """The manifestation date: SOURCE_DATE_EPOCH (reproducible builds) or today.

    >>> markup_date({"SOURCE_DATE_EPOCH": "1530748800"})
    '2018-07-05'
    """
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        return date.today().isoformat()
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError) as err:
        raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp") from err
