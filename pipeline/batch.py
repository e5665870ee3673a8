"""A build's documents: convert each input, render its outputs, and keep a record of
it for the build index (`to_index`) and its report (`to_build_report`).

Nothing here reads or writes folders or prints: the caller (`invoke build`) reads
the inputs, writes the outputs it is handed and prints the records. The conversions
run in this process, or in workers (a process pool, a Dask cluster) through the
`submit` function the caller hands over: `build_documents` is what a worker runs.
Results come back in input order, and no more than `window` documents are read
ahead of the one being handed back, so memory does not grow with the build.
"""
from __future__ import annotations

import pickle
import tempfile
import time
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator, Mapping

from .convert import Conversion, Options, convert
from .diagnostics import Diagnostic, InputError, Level, printable, refusal
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
    # seconds by stage (convert.STAGES, "html", and "total": the worker's whole time
    # on the document); empty for a document not converted in this build
    timings: Mapping[str, float] = field(default_factory=dict, compare=False)
    reused: bool = False  # unchanged since the last build: its files were kept, not made again
    # False when the outcome says nothing about the document (the worker converting it
    # was lost): an incremental build must not remember it, but try the document again
    settled: bool = True
    counted: Mapping[str, int] | None = None  # diagnostics by code, once `slim` dropped them
    # why a `failed` document was never converted: "unreadable" (an OSError), "input"
    # (an InputError: over the size limit, not text, no language…), "name" (its output
    # name is taken); "" when it was converted. The CLI exits 2 for these, 1 for the rest.
    refused: str = ""

    def codes(self) -> dict[str, int]:
        """How many diagnostics of each code the document got."""
        if self.counted is not None:
            return dict(self.counted)
        return dict(sorted(Counter(d.code for d in self.diagnostics).items()))

    def slim(self) -> "Record":
        """The record without its diagnostics, their counts kept: what a build of many
        thousand documents holds for its index and report once the lines are printed."""
        return replace(self, diagnostics=(), counted=self.codes())


class Spool:
    """A build's records, slimmed and kept on disk as they come (a temporary file of
    pickles), read back in the same order as often as the index and the report need.

    A list of slim records held 2 kB a document in the build's process, and the index
    and the report, made at the end from all of them at once, several times that: 220
    MB for 10,000 documents. The file goes when the spool is closed or collected.
    """

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="akn-pipeline-records.")
        self._count = 0

    def append(self, record: Record) -> None:
        self._file.seek(0, 2)  # a reader may have moved the position
        pickle.dump(record.slim(), self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Record]:
        self._file.flush()
        offset, count = 0, self._count
        for _ in range(count):
            self._file.seek(offset)
            record = pickle.load(self._file)
            offset = self._file.tell()
            yield record

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# What the caller hands over to run documents elsewhere: `submit(function, *args)`
# returns a future whose `.result()` is `function(*args)`. A process pool's
# `executor.submit` is one; so is a Dask client's (`pipeline.workers`).
Submit = Callable[..., Any]


Built = tuple[Record, dict[str, bytes]]


def convert_batch(inputs: Iterable[tuple[str, bytes | Callable[[], bytes]]], options: Options = Options(),
                  strict: bool = False, *, submit: Submit | None = None, chunk: int = 4, window: int = 32,
                  reuse: Callable[[str, str, bytes], Record | None] | None = None,
                  formats: tuple[str, ...] | None = None, names: OutputNames | None = None) -> Iterator[Built]:
    """For each (path, data) input, in input order: its record and its outputs by format.

    `data` is the bytes, or a function that reads them, so that an input that cannot
    be read (`OSError`, or `InputError` over the size limit) is one failed record
    like any other, and the next input is read only when its turn comes. A document
    that cannot be converted, or whose conversion crashes, is a `failed` record
    without outputs: one bad file never stops a build. Under `strict`, a document
    with warnings fails too (its HTML still shows them). An input whose output files
    an earlier input of the batch (or the index page) already has fails with E011.

    With `submit`, documents are converted `chunk` at a time by `build_documents`
    wherever `submit` sends them, at most `window` documents ahead. `reuse(path,
    name, data)` may return the record of an unchanged document, which is then not
    converted at all (and has no outputs to write). `formats` limits the outputs made
    (default: every writer's); `names` are the output names already taken (default:
    every writer's suffix, and the build's index page).
    """
    if names is None:
        names = OutputNames((suffix for suffix, _ in WRITERS.values()), reserved={INDEX_NAME: "the build's index page"})
    queue: deque = deque()  # in input order: ("done", [built]) or ("sent", future, jobs)
    jobs: list[tuple[str, str, bytes]] = []  # the chunk being filled
    ahead = 0  # documents read and not handed back yet

    def send():
        nonlocal jobs
        if jobs:
            queue.append(("sent", submit(build_documents, jobs, options, strict, formats), jobs))
            jobs = []

    def take() -> list[Built]:
        nonlocal ahead
        entry = queue.popleft()
        if entry[0] == "done":
            built = entry[1]
        else:
            try:
                built = entry[1].result()
            except Exception as err:  # a worker that died, a cluster that lost it
                built = [(Record(source, name, FAILED, error=f"the worker converting it failed: "
                                 f"{type(err).__name__}: {err}", lang=options.lang, settled=False), {})
                         for source, name, _ in entry[2]]
        ahead -= len(built)
        return built

    for path, data in inputs:
        name, taken = names.claim(path)  # from the name as it is on disk
        source = printable(path)  # as records, diagnostics and outputs show it
        if taken:
            done = [(refused(source, name, taken, options.lang, "name"), {})]
        else:
            try:
                data = data() if callable(data) else data
                kept = reuse(path, name, data) if reuse else None
                if kept is not None:
                    done = [(kept, {})]
                elif submit is None:
                    done = build_documents([(source, name, data)], options, strict, formats)
                else:
                    jobs.append((source, name, data))
                    done = None
            except (OSError, InputError) as err:
                done = [(unread(source, name, err, options.lang), {})]
        ahead += 1
        if done is not None:
            send()  # the documents before it go first
            queue.append(("done", done))
        elif len(jobs) >= chunk:
            send()
        while ahead > window or (queue and queue[0][0] == "done"):
            yield from take()
    send()
    while queue:
        yield from take()


def build_documents(jobs: list[tuple[str, str, bytes]], options: Options, strict: bool,
                    formats: tuple[str, ...] | None = None) -> list[Built]:
    """What a worker runs: `build_document` for each (source, name, data) job."""
    return [build_document(source, name, data, options, strict, formats) for source, name, data in jobs]


def build_document(source: str, name: str, data: bytes, options: Options, strict: bool,
                   formats: tuple[str, ...] | None = None) -> Built:
    """One document of a build: convert it, make its outputs (`formats`: every
    writer's when None), and record it (with the time each stage took)."""
    started = time.perf_counter()
    try:
        conversion = convert(data, source, options)
    except InputError as err:
        return refused(source, name, err.diagnostic, options.lang, "input"), {}
    except Exception as err:  # a bug must not stop a batch; the record says it is one
        return _internal_error(source, name, err, options.lang), {}
    try:
        record, outputs = _converted(conversion, source, name, strict, formats)
    except Exception as err:  # a writer's bug: the document fails, the batch goes on
        return _internal_error(source, name, err, conversion.document.meta.lang, conversion.diagnostics), {}
    return replace(record, timings={**record.timings, "total": time.perf_counter() - started}), outputs


def refused(source: str, name: str, why: Diagnostic, lang: str | None, kind: str) -> Record:
    """The record of an input that was never converted, and why (`kind`: see `Record.refused`)."""
    return Record(source, name, FAILED, error=why.format(source), lang=lang, diagnostics=(why,), refused=kind)


def unread(source: str, name: str, err: OSError | InputError, lang: str | None) -> Record:
    """The record of an input that could not be read (an OSError) or was refused as it
    was read (over the size limit)."""
    return refused(source, name, refusal(err), lang, "input" if isinstance(err, InputError) else "unreadable")


def _internal_error(source: str, name: str, err: Exception, lang: str | None,
                    diagnostics: tuple[Diagnostic, ...] = ()) -> Record:
    """The record of a document a bug stopped: it fails, and says it is one to report."""
    return Record(source, name, FAILED, error=f"internal error, please report: {type(err).__name__}: {err}",
                  lang=lang, diagnostics=diagnostics)


def _converted(conversion: Conversion, source: str, name: str, strict: bool,
               chosen: tuple[str, ...] | None = None) -> tuple[Record, dict[str, bytes]]:
    doc = conversion.document
    warnings = sum(1 for d in conversion.diagnostics if d.level == Level.WARNING)
    errors = [d for d in conversion.diagnostics if d.level >= Level.ERROR]
    if not conversion.ok:
        status, error = INVALID, errors[0].format(source) if errors else "the output does not validate"
    elif strict and warnings:
        status, error = FAILED, f"{warnings} warning{'' if warnings == 1 else 's'} under --strict"
    else:
        status, error = VALID, None
    chosen = tuple(WRITERS) if chosen is None else chosen
    formats = {f: WRITERS[f] for f in chosen if status == VALID or f in EXPLAINING}
    timings = dict(conversion.timings)
    outputs = {}
    for fmt, (_, write) in formats.items():
        started = time.perf_counter()
        outputs[fmt] = write(conversion)
        if fmt == "html":  # the other writers' time is the conversion's own
            timings["html"] = time.perf_counter() - started
    files = {fmt: name + WRITERS[fmt][0] for fmt in outputs}
    record = Record(
        source, name, status, error=error, lang=doc.meta.lang, direction=load(doc.meta.lang).direction,
        body=doc.meta.body, symbol=doc.meta.symbol, title=page_title(None, doc.title, source),
        preambular=len(doc.preamble) + sum(len(p.preamble) for p in doc.parts),
        operative=sum(1 for _ in doc.paragraphs()), footnotes=len(doc.footnotes), warnings=warnings,
        files=files, diagnostics=conversion.diagnostics, timings=timings)
    return record, outputs
