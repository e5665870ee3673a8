"""Emit the build's index page: every document of a build with its language, body,
symbol, status and warnings, linking to the files written for it."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from . import __version__
from .batch import FAILED, INVALID, VALID, Record
from .templates import render

# The columns of files, in this order, whether or not a build wrote each format:
# a missing file shows as a dash, never as a dead link.
FORMATS = (("akn", "AKN"), ("tei", "TEI"), ("html", "HTML"))


def to_index(records: Iterable[Record]) -> bytes:
    """Render the index page (UTF-8) of a build's records, in the order given."""
    records = list(records)
    statuses = Counter(r.status for r in records)
    rows = [{"record": r, "files": [{"label": label, "href": r.files.get(fmt)} for fmt, label in FORMATS],
             "link": r.files.get("html")} for r in records]
    return render("html/index.html.j2", rows=rows, generator=f"akn-pipeline {__version__}",
                  total=len(records), counts=[(s, statuses[s]) for s in (VALID, INVALID, FAILED)],
                  warnings=sum(r.warnings for r in records)).encode("utf-8")
