"""The whole conversion of one document: read → clean → segment → emit (AKN, TEI) → validate."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timezone

from . import conservation
from .clean import Cleaned, clean
from .conservation import Report
from .countries import identify_states
from .diagnostics import Diagnostic, InputError
from .fixes.base import Insertion, Removal
from .languages import detect, load
from .model import Document
from .read import Source, read_source
from .segment import segment
from .to_akn import AknOptions, to_akn
from .to_tei import TeiOptions, to_tei
from .validate import Validation, check_pointers, validate, validate_tei


@dataclass(frozen=True)
class Options:
    """`lang`: ISO 639-1 code, detected when None. `markup_date`: the manifestation
    date (ISO); None means SOURCE_DATE_EPOCH when set, else today."""

    lang: str | None = None
    markup_date: str | None = None


@dataclass(frozen=True)
class Conversion:
    """One converted document. `validation` is the AKN's (as it always was);
    `tei_validation` holds the TEI's schema errors and its dangling pointers."""

    source: Source
    cleaned: Cleaned
    document: Document
    akn: bytes
    validation: Validation
    diagnostics: tuple[Diagnostic, ...]
    tei: bytes
    tei_validation: Validation
    edits: tuple[Removal | Insertion, ...] = ()  # text the stages left out or added, by input line
    conservation: Report | None = None

    @property
    def ok(self) -> bool:
        """True when the AKN and the TEI are both valid and no text was lost (warnings
        do not make it fail)."""
        return (self.validation.valid and self.tei_validation.valid
                and (self.conservation is None or self.conservation.ok))


def convert(data: bytes | str, name: str = "<stdin>", options: Options = Options()) -> Conversion:
    """Convert the text of one resolution to validated Akoma Ntoso and TEI.

    Raises `InputError` for input that cannot be converted at all (undecodable,
    empty, unsupported language); schema errors are reported in the result. The TEI
    schema must have been fetched (`invoke schemas`); `SchemaMissingError` says so.
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
    document, found, segment_edits = segment(cleaned, profile, name)
    day = options.markup_date or markup_date()
    akn = to_akn(document, AknOptions(markup_date=day))
    validation = validate(akn)
    invalid = tuple(Diagnostic("E002", f"output {error}") for error in validation.errors)
    states = identify_states(document, source.text.split("\n"))
    tei = to_tei(document, TeiOptions(markup_date=day))
    tei_schema_errors = validate_tei(tei).errors
    dangling = check_pointers(tei)
    tei_invalid = (tuple(Diagnostic("E005", f"TEI output {error}") for error in tei_schema_errors)
                   + tuple(Diagnostic("E006", f"TEI output {error}") for error in dangling))
    edits = cleaned.removed + cleaned.inserted + segment_edits
    # a loss must never be silent: the document fails, with where the text went missing
    conserved = conservation.check(source.text, document, edits, akn)
    lost = tuple(Diagnostic("E007", f"text not conserved: {p.message}", p.line) for p in conserved.problems)
    return Conversion(source, cleaned, document, akn, validation,
                      tuple(detected) + cleaned.diagnostics + found + states.diagnostics + invalid + tei_invalid
                      + lost,
                      tei=tei, tei_validation=Validation(tei_schema_errors + dangling),
                      edits=edits, conservation=conserved)


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
