"""The synthetic resolutions of `invoke bench` are what they say: N operative
paragraphs with sub-items and footnotes, converted valid and conserved (a benchmark
of documents that fail would time the wrong path). No timing is asserted anywhere."""
from __future__ import annotations

import importlib.util

from conftest import MARKUP_DATE, ROOT
from pipeline.convert import Options, convert


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_a_synthetic_resolution_has_its_paragraphs_items_and_footnotes():
    bench = load_bench()
    conversion = convert(bench.synthetic(30), "synthetic30.txt", Options(markup_date=MARKUP_DATE))
    assert conversion.ok, conversion.diagnostics
    paragraphs = list(conversion.document.paragraphs())
    assert len(paragraphs) == 30
    assert len(conversion.document.footnotes) == 3
    assert sum(len(p.items) for p in paragraphs) == 30  # (a)–(c) in every third paragraph
    assert not [d for d in conversion.diagnostics if d.code.startswith("W")]
