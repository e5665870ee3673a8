"""Emit a build's report (`output/report.json`): each document's status, its
diagnostics counted by level and code, whether it was converted or kept unchanged,
and the seconds each stage took; and the build's summary.

Unlike the outputs, the report holds times: it says how this run went, not what a
document is.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Iterable, Iterator, Mapping

from . import __version__
from .batch import FAILED, INVALID, VALID, Record
from .diagnostics import CODES


def summary(records: Iterable[Record], seconds: float, workers: str) -> dict:
    """The counts of a build: documents, converted, unchanged, by status, and the rate
    of the documents converted (the unchanged ones cost no conversion).

    >>> s = summary([Record("a.txt", "a", VALID), Record("b.txt", "b", FAILED, reused=True)], 2.0, "1 process")
    >>> s["documents"], s["converted"], s["unchanged"], s[VALID], s[FAILED], s["documents_per_second"]
    (2, 1, 1, 1, 1, 0.5)
    """
    statuses, documents, converted = Counter(), 0, 0
    for r in records:  # one pass: `records` may be a `batch.Spool`, read from disk
        statuses[r.status] += 1
        documents += 1
        converted += not r.reused
    return {"documents": documents, "converted": converted, "unchanged": documents - converted,
            VALID: statuses[VALID], INVALID: statuses[INVALID], FAILED: statuses[FAILED],
            "seconds": round(seconds, 3), "workers": workers,
            "documents_per_second": round(converted / seconds, 1) if converted and seconds > 0 else None}


def to_build_report(records: Iterable[Record], build: Mapping) -> bytes:
    """The report (UTF-8 JSON) of a build's records, in the order given, under the
    `build` summary."""
    return b"".join(report_chunks(records, build))


def report_chunks(records: Iterable[Record], build: Mapping) -> Iterator[bytes]:
    """The report in pieces, one document at a time (the JSON `to_build_report` gives,
    byte for byte), for a file to be written as they come without holding them all.

    >>> report = to_build_report([Record("a.txt", "a", VALID)], {"documents": 1})
    >>> json.loads(report)["documents"][0]["status"]
    'valid'
    """
    head = json.dumps({"generator": f"akn-pipeline {__version__}", "summary": dict(build), "documents": []},
                      ensure_ascii=False, indent=1)
    head, tail = head.rsplit("[]", 1)  # the documents go between the two
    yield head.encode("utf-8")
    separator = "[\n"
    for record in records:
        # one document as json.dumps(…, indent=1) nests it: two levels in
        document = json.dumps(_document(record), ensure_ascii=False, indent=1).replace("\n", "\n  ")
        yield (separator + "  " + document).encode("utf-8")
        separator = ",\n"
    yield ("[]" if separator == "[\n" else "\n ]").encode("utf-8") + (tail + "\n").encode("utf-8")


def _document(record: Record) -> dict:
    codes = record.codes()
    levels = Counter(str(CODES[code].level) for code in codes for _ in range(codes[code]))
    return {
        "source": record.source, "name": record.name, "status": record.status, "error": record.error,
        "converted": not record.reused, "lang": record.lang, "body": record.body, "symbol": record.symbol,
        "files": dict(record.files),
        "diagnostics": {"error": levels["error"], "warning": levels["warning"], "info": levels["info"],
                        "codes": codes},
        "seconds": {stage: round(t, 6) for stage, t in record.timings.items()},
    }
