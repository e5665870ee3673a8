"""The torture run in CI: a bounded part of it (`invoke torture` runs all of it). The
seed's variants run always; the corpus part skips when ../shared is absent."""
from __future__ import annotations

import pytest

from conftest import SEED, shared_path
from pipeline.read import read_source
from pipeline.torture import VARIANTS, Tally, pages, run, variants

LAYERS = (".txt", ".blocks.txt", ".layout.txt")


def test_the_seed_and_its_variants():
    tally = run([("seed", SEED.read_text(encoding="utf-8"))])
    assert tally.ok, tally.failures
    assert tally.counts[("as is", "converted")] == 1 and sum(tally.counts.values()) == len(VARIANTS)


def test_variants_are_made_the_same_way_every_time():
    text = SEED.read_text(encoding="utf-8")
    assert list(variants("a", text, "x")) == list(variants("a", text, "x"))
    shuffled = dict(variants("a", text, "x"))["shuffled"]
    def kept(t):
        return sorted(p.strip("\n") for p in pages(t) if p.strip())

    assert shuffled != text and kept(shuffled) == kept(text)


def test_a_crash_is_counted_not_raised(monkeypatch):
    import pipeline.torture as torture

    def broken(data, name, options):
        raise RuntimeError("boom")

    monkeypatch.setattr(torture, "convert", broken)
    tally = run([("x", "text")])
    assert not tally.ok and tally.total("crashed") == len(VARIANTS) and "boom" in tally.failures[0]


def test_a_word_processed_variant_must_give_the_document_s_own_akn(monkeypatch):
    # a converter that let a CRLF line end or a no-break space through would write other
    # AKN for the same document: counted as changed, and the run fails
    from dataclasses import replace

    import pipeline.torture as torture

    real = torture.convert

    def leaky(data, name, options):
        conversion = real(data, name, options)
        return replace(conversion, akn=conversion.akn + b"<!-- CRLF -->") if "\r\n" in data else conversion

    monkeypatch.setattr(torture, "convert", leaky)
    tally = run([("seed", SEED.read_text(encoding="utf-8"))])
    assert tally.counts[("word-processed", "changed")] == 1 and not tally.ok
    assert "not the AKN of the document as it is" in tally.failures[0]


@pytest.mark.corpus
def test_one_document_per_language_in_every_layer_and_variant():
    corpus = shared_path("corpus", "dev")
    rows = [line.split("\t") for line in (corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
            if line]
    first = {}
    for row in rows:
        first.setdefault(row[1], row[0])  # lang -> the first document of that language
    tally = Tally()
    for suffix in LAYERS:
        documents = [(name + suffix, read_source((corpus / (name + suffix)).read_bytes()).text)
                     for name in first.values() if (corpus / (name + suffix)).exists()]
        run(documents, tally)
    print(f"\ntorture (bounded): {dict(sorted(tally.counts.items()))}")
    assert sum(tally.counts.values()) == len(first) * len(LAYERS) * len(VARIANTS)
    assert tally.ok, "\n".join(tally.failures)
