"""A build's documents: convert each input, render its outputs, and keep a record of
it for the build index (`to_index`).

Nothing here reads or writes folders or prints: the caller (`invoke build`) reads
the inputs, writes the outputs it is handed and prints the records.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Mapping

from .convert import Conversion, Options, convert
from .diagnostics import Diagnostic, InputError, Level, printable
from .formats import WRITERS, OutputNames
from .languages import load
from .to_html import page_title

# A schema-invalid document gets its HTML page only (the page shows why); its AKN
# and TEI are never written, as with the CLI.
EXPLAINING = ("html",)  # the formats still written for an invalid or refused document

VALID, INVALID, FAILED = "valid", "invalid", "failed"
INDEX_NAME = "index.html"  # the build's index page, in the folder of the documents' files


@dataclass(frozen=True)
class Record:
    """One input document of a build, as the index lists it and the build prints it."""

    source: str  # the input path as given
    name: str  # output stem: NAME.akn.xml, NAME.html
    status: str  # valid | invalid (the AKN fails the schema) | failed (not converted)
    error: str | None = None  # why it is invalid or failed
    lang: str | None = None
    direction: str = "ltr"
    body: str | None = None
    symbol: str | None = None
    title: str | None = None
    preambular: int = 0
    operative: int = 0
    footnotes: int = 0
    warnings: int = 0
    files: Mapping[str, str] = field(default_factory=dict)  # format -> file name written
    diagnostics: tuple[Diagnostic, ...] = ()


def convert_batch(inputs: Iterable[tuple[str, bytes | Callable[[], bytes]]], options: Options = Options(),
                  strict: bool = False) -> Iterator[tuple[Record, dict[str, bytes]]]:
    """For each (path, data) input: its record and its outputs by format.

    `data` is the bytes, or a function that reads them, so that an input that cannot
    be read (`OSError`, or `InputError` over the size limit) is one failed record
    like any other, and the next input is read only when its turn comes. A document
    that cannot be converted, or whose conversion crashes, is a `failed` record
    without outputs: one bad file never stops a build. Under `strict`, a document
    with warnings fails too (its HTML still shows them). An input whose output files
    an earlier input of the batch (or the index page) already has fails with E011.
    """
    names = OutputNames((suffix for suffix, _ in WRITERS.values()), reserved={INDEX_NAME: "the build's index page"})
    for path, data in inputs:
        name, taken = names.claim(path)  # from the name as it is on disk
        source = printable(path)  # as records, diagnostics and outputs show it
        if taken:
            yield Record(source, name, FAILED, error=taken.format(source), lang=options.lang,
                         diagnostics=(taken,)), {}
            continue
        try:
            conversion = convert(data() if callable(data) else data, source, options)
        except OSError as err:
            unreadable = Diagnostic("E001", f"cannot read: {err.strerror}")
            yield Record(source, name, FAILED, error=unreadable.format(source), lang=options.lang,
                         diagnostics=(unreadable,)), {}
            continue
        except InputError as err:
            yield Record(source, name, FAILED, error=err.diagnostic.format(source),
                         lang=options.lang, diagnostics=(err.diagnostic,)), {}
            continue
        except Exception as err:  # a bug must not stop a batch; the record says it is one
            yield Record(source, name, FAILED, error=f"internal error, please report: {type(err).__name__}: {err}",
                         lang=options.lang), {}
            continue
        try:
            yield _converted(conversion, source, name, strict)
        except Exception as err:  # a writer's bug: the document fails, the batch goes on
            yield Record(source, name, FAILED, error=f"internal error, please report: {type(err).__name__}: {err}",
                         lang=conversion.document.meta.lang, diagnostics=conversion.diagnostics), {}


def _converted(conversion: Conversion, source: str, name: str, strict: bool) -> tuple[Record, dict[str, bytes]]:
    doc = conversion.document
    warnings = sum(1 for d in conversion.diagnostics if d.level == Level.WARNING)
    errors = [d for d in conversion.diagnostics if d.level >= Level.ERROR]
    if not conversion.ok:
        status, error = INVALID, errors[0].format(source) if errors else "the output does not validate"
    elif strict and warnings:
        status, error = FAILED, f"{warnings} warning{'' if warnings == 1 else 's'} under --strict"
    else:
        status, error = VALID, None
    formats = WRITERS if status == VALID else {f: WRITERS[f] for f in EXPLAINING}
    outputs = {fmt: write(conversion) for fmt, (_, write) in formats.items()}
    files = {fmt: name + WRITERS[fmt][0] for fmt in outputs}
    record = Record(
        source, name, status, error=error, lang=doc.meta.lang, direction=load(doc.meta.lang).direction,
        body=doc.meta.body, symbol=doc.meta.symbol, title=page_title(None, doc.title, source),
        preambular=len(doc.preamble) + sum(len(p.preamble) for p in doc.parts),
        operative=sum(1 for _ in doc.paragraphs()), footnotes=len(doc.footnotes), warnings=warnings,
        files=files, diagnostics=conversion.diagnostics)
    return record, outputs
