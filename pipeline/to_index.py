"""Emit the build's index page: every document of a build with its language, body,
symbol, status and warnings, linking to the files written for it."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator

from . import __version__
from .batch import FAILED, INVALID, VALID, Record
from .templates import environment

# The columns of files, in this order, whether or not a build wrote each format:
# a missing file shows as a dash, never as a dead link.
FORMATS = (("akn", "AKN"), ("tei", "TEI"), ("html", "HTML"))


def to_index(records: Iterable[Record]) -> bytes:
    """Render the index page (UTF-8) of a build's records, in the order given."""
    return b"".join(index_chunks(records))


def index_chunks(records: Iterable[Record]) -> Iterator[bytes]:
    """The index page in pieces, for a file to be written as they come: `records` is
    read twice (the counts go first), and never held whole, so a list or a
    `batch.Spool` of any length costs the memory of one row."""
    statuses, total, warnings = Counter(), 0, 0
    for r in records:
        statuses[r.status] += 1
        total += 1
        warnings += r.warnings
    rows = ({"record": r, "files": [{"label": label, "href": r.files.get(fmt)} for fmt, label in FORMATS],
             "link": r.files.get("html")} for r in records)
    for piece in environment().get_template("html/index.html.j2").generate(
            rows=rows, generator=f"akn-pipeline {__version__}", total=total,
            counts=[(s, statuses[s]) for s in (VALID, INVALID, FAILED)], warnings=warnings):
        yield piece.encode("utf-8")
