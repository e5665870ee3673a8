"""The whole conversion of one document: read (text or PDF) → clean → segment → emit (AKN, TEI) → validate."""
from __future__ import annotations

import codecs
import os
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from . import conservation
from .clean import Cleaned, clean
from .conservation import Report
from .countries import identify_states
from .diagnostics import Diagnostic, InputError, printable
from .fixes.base import Insertion, Removal
from .languages import detect, load
from .model import Document
from .read import Source, read_source, read_text
from .read_pdf import is_pdf, locate_pages, read_pdf
from .segment import segment
from .to_akn import AknOptions, layout, to_akn
from .to_tei import TeiOptions, to_tei
from .validate import Validation, check_tei, validate_akn


# Inputs above this many bytes are refused before they are read whole: the text of
# the longest resolution of the development corpus is 140 kB, so 20 MB is a broken or
# hostile file, and one of those must not hold a batch's memory or time.
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Options:
    """`lang`: ISO 639-1 code, detected when None. `markup_date`: the manifestation
    date (ISO); None means SOURCE_DATE_EPOCH when set, else today. `max_bytes`: the
    size limit of one input (E010 above it). `strict_validation`: xmlschema checks
    every AKN output too, not only those lxml finds invalid (about 100 ms a document).
    `encoding`: the encoding of text inputs, when the user knows it (`cp1252`); None
    reads UTF-8 and the byte-order-marked and Chinese encodings (`pipeline.read`)."""

    lang: str | None = None
    markup_date: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    strict_validation: bool = False
    encoding: str | None = None

    def __post_init__(self):
        if not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise ValueError(f"max_bytes must be a positive number of bytes (got {self.max_bytes!r})")
        if self.encoding is not None:
            try:
                info = codecs.lookup(self.encoding)
            except LookupError:
                raise ValueError(f"unknown encoding {self.encoding!r} (Python's names: cp1252, cp1251, "
                                 f"cp1256, latin-1, utf-8…)") from None
            if not getattr(info, "_is_text_encoding", True):  # rot13, base64: str or bytes to the same
                raise ValueError(f"{self.encoding!r} is no text encoding")


def over_limit(limit: int, size: int | None = None, outcome: str = "nothing written") -> Diagnostic:
    """The E010 diagnostic; `size` is None when only "more than the limit" is known
    (a stream, read no further than the limit).

    >>> over_limit(20_000_000, 25_165_824).message
    'the input is 25,165,824 bytes, over the limit of 20,000,000 bytes (--max-bytes); nothing written'
    >>> over_limit(1000, outcome="not checked").message
    'the input is over the limit of 1,000 bytes (--max-bytes); not checked'
    """
    size_said = f"{size:,} bytes, " if size is not None else ""
    return Diagnostic("E010", f"the input is {size_said}over the limit of {limit:,} bytes (--max-bytes); {outcome}")


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
    # seconds spent in each stage (see STAGES); measured, so never part of equality
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    # the text views the AKN was laid out from (to_akn.layout), which the HTML page lays
    # out again: made once per document, not once per writer
    views: dict | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        """True when the AKN and the TEI are both valid and no text was lost (warnings
        do not make it fail)."""
        return (self.validation.valid and self.tei_validation.valid
                and (self.conservation is None or self.conservation.ok))


# The stages `Conversion.timings` names, in the order they run ("read" includes
# telling the language; "akn" identifying the voting states both writers key, and
# laying out the text views the HTML page reuses).
STAGES = ("read", "clean", "segment", "akn", "validate_akn", "tei", "validate_tei", "conservation")


def convert(data: bytes | str, name: str = "<stdin>", options: Options = Options()) -> Conversion:
    """Convert one resolution (its text, or its PDF) to validated Akoma Ntoso and TEI.

    Raises `InputError` for input that cannot be converted at all (over
    `options.max_bytes`, undecodable, empty, unsupported language, an encrypted or
    scanned PDF); schema errors are reported in the result. The line numbers of a
    PDF's diagnostics are those of the text it was read as (`akn-pipeline extract`),
    and they name the page too. The TEI schema must have been fetched (`invoke
    schemas`); `SchemaMissingError` says so.
    """
    clock = _Clock()
    name = printable(name)  # it is written into the AKN, TEI and HTML
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > options.max_bytes:
        raise InputError(over_limit(options.max_bytes, size))
    source = read(data, name, options.encoding, options.lang)
    if not source.text.strip():
        raise InputError(Diagnostic("E004", "the input holds no text"))
    # a PDF's reader told the language already, to join its blocks' lines: told once
    code = options.lang or source.lang or detect(source.text)
    if code is None:
        raise InputError(Diagnostic("E003", "could not tell the language; give it with --lang"))
    detected = [] if options.lang else [Diagnostic("I004", f"language detected: {code}")]
    profile = load(code)
    clock.lap("read")
    cleaned = clean(source.text, profile, hints=source.hints)
    if not cleaned.lines:
        raise InputError(Diagnostic("E004", "the input holds no text"))
    clock.lap("clean")
    document, found, segment_edits = segment(cleaned, profile, name)
    clock.lap("segment")
    day = options.markup_date or markup_date()
    # the voting states, once for both writers (the input's lines let a warning name its line)
    states = identify_states(document, source.text.split("\n"))
    views = layout(document, states)
    akn = to_akn(document, AknOptions(markup_date=day, states=states), views)
    clock.lap("akn")
    # the tree lxml validated is the one the conservation check reads: parsed once
    validation, akn_tree = validate_akn(akn, options.strict_validation)
    invalid = tuple(Diagnostic("E002", f"output {error}") for error in validation.errors)
    clock.lap("validate_akn")
    tei = to_tei(document, TeiOptions(markup_date=day, states=states))
    clock.lap("tei")
    tei_schema, dangling = check_tei(tei)
    tei_invalid = (tuple(Diagnostic("E005", f"TEI output {error}") for error in tei_schema.errors)
                   + tuple(Diagnostic("E006", f"TEI output {error}") for error in dangling))
    clock.lap("validate_tei")
    edits = cleaned.removed + cleaned.inserted + segment_edits
    # a loss must never be silent: the document fails, with where the text went missing
    conserved = conservation.check(source.text, document, edits, akn if akn_tree is None else akn_tree)
    lost = tuple(Diagnostic("E009", f"text not conserved: {p.message}", p.line) for p in conserved.problems)
    clock.lap("conservation")
    diagnostics = (tuple(detected) + cleaned.diagnostics + found + states.diagnostics + invalid + tei_invalid
                   + lost)
    return Conversion(source, cleaned, document, akn, validation, locate_pages(diagnostics, source.hints),
                      tei=tei, tei_validation=Validation(tei_schema.errors + dangling),
                      edits=edits, conservation=conserved, timings=clock.laps, views=views)


class _Clock:
    """Seconds between laps, by the name of the stage that just ended."""

    def __init__(self):
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self._last
        self._last = now


def read(data: bytes | str, name: str = "<stdin>", encoding: str | None = None, lang: str | None = None) -> Source:
    """The read stage: a PDF's pages (`read_pdf`, in `lang` when the user named it), or
    the text of a text file (in `encoding` when the user named one), or a text already
    decoded (its line ends made LF as a file's are)."""
    if isinstance(data, str):
        return read_text(data, name)
    return read_pdf(data, name, lang) if is_pdf(data) else read_source(data, name, encoding)


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
