"""Pieces of hand-built models for the writers' tests (AKN, TEI, HTML): they start
from a model, not from source text."""
from __future__ import annotations

from pipeline.model import Metadata, Span

S = Span(1, 1)  # a source span for nodes whose lines do not matter


def meta(**changes) -> Metadata:
    """The metadata of a General Assembly resolution, with `changes` applied."""
    values = dict(lang="en", body="GA", doc_type="resolution", number="78/1", symbol="A/RES/78/1",
                  symbol_printed=False, session="78", adoption_date="2023-12-19", meeting="50")
    values.update(changes)
    return Metadata(**values)
