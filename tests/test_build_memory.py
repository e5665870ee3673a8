"""A build's memory does not grow with its documents: the records the index and the
report need are kept on disk (`batch.Spool`), and both are written in pieces. Memory
is counted (tracemalloc), never timed."""
from __future__ import annotations

import gc
import json
import tracemalloc

from pipeline import __version__
from pipeline.batch import FAILED, VALID, Record, Spool
from pipeline.diagnostics import Diagnostic
from pipeline.to_build_report import _document, report_chunks, summary, to_build_report
from pipeline.to_index import index_chunks, to_index

RECORDS = [
    Record("input/a.txt", "a", VALID, lang="zh", body="HRC", symbol="A/HRC/RES/38/3", title="标题 <&>",
           files={"akn": "a.akn.xml", "tei": "a.tei.xml", "html": "a.html"}, timings={"read": 0.001, "total": 0.01},
           diagnostics=(Diagnostic("W012", "operative paragraph 2 missing (1 → 3)", 7),)),
    Record("input/b.txt", "b", FAILED, error="input/b.txt: error E001: cannot read: \"x\"\nnext",
           diagnostics=(Diagnostic("E001", "cannot read"),), refused="unreadable"),
    Record("input/c.txt", "c", VALID, reused=True, files={"html": "c.html"}),
]


def _whole(records, build) -> bytes:
    """The report as one json.dumps of everything held at once (how it was made)."""
    report = {"generator": f"akn-pipeline {__version__}", "summary": dict(build),
              "documents": [_document(r) for r in records]}
    return (json.dumps(report, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def test_the_report_in_pieces_is_the_report_whole_byte_for_byte():
    for records in (RECORDS, RECORDS[:1], []):
        build = summary(records, 2.0, "2 worker processes")
        assert b"".join(report_chunks(records, build)) == _whole(records, build)
        assert to_build_report(records, build) == _whole(records, build)


def test_a_spool_gives_back_the_slim_records_in_order_as_often_as_asked():
    with Spool() as spool:
        for record in RECORDS:
            spool.append(record)
        assert len(spool) == 3
        assert list(spool) == [r.slim() for r in RECORDS] == list(spool)
        assert [r.codes() for r in spool] == [{"W012": 1}, {"E001": 1}, {}]
        assert to_index(spool) == to_index([r.slim() for r in RECORDS])
        assert b"".join(index_chunks(spool)) == to_index(spool)
        build = summary(spool, 1.0, "1 process")
        assert build["documents"] == 3 and build["converted"] == 2 and build[VALID] == 2
        assert to_build_report(spool, build) == _whole([r.slim() for r in RECORDS], build)


def test_a_spool_holds_no_record_in_memory():
    record = RECORDS[0]
    with Spool() as spool:
        for _ in range(50):  # warm: the file's buffer, pickle's caches
            spool.append(record)
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for _ in range(2000):
                spool.append(record)
            gc.collect()  # what is left to collect is no record kept
            grown = tracemalloc.get_traced_memory()[0] - before
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            written = sum(len(piece) for piece in report_chunks(spool, summary(spool, 1.0, "1 process")))
            written += sum(len(piece) for piece in index_chunks(spool))
            peak = tracemalloc.get_traced_memory()[1] - base
        finally:
            tracemalloc.stop()
    # a list of the same slim records holds about 2 kB each (4 MB here), and the whole
    # report and index made from it several times that
    assert grown < 50_000, grown
    assert written > 1_500_000 and peak < 500_000, (written, peak)
