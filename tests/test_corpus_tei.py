"""TEI over the shared corpus: every dev and parallel document, from both text layers,
gives RelaxNG-valid, pointer-complete TEI, and the names of its vote lists map to ISO
codes. Skips when ../shared is absent. `pytest tests/test_corpus_tei.py -s` prints
the counts."""
from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree

from conftest import MARKUP_DATE, shared_path
from pipeline.convert import Options, convert
from pipeline.countries import votes
from pipeline.validate import check_pointers, validate_tei

LAYERS = (".txt", ".blocks.txt")
CORPORA = ("dev", "parallel")
NS = {"t": "http://www.tei-c.org/ns/1.0"}
# A name that maps to no ISO code keeps a generated id, so this is a floor on quality,
# not on correctness: the corpus's unmapped names are text the segmenter put in a list.
MIN_NAME_COVERAGE = 0.99

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def converted():
    """(corpus, layer, name) -> Conversion, for every document the manifests list."""
    out = {}
    for corpus in CORPORA:
        folder = shared_path("corpus", corpus)
        names = [line.split("\t")[0] for line in (folder / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
                 if line]
        for name in names:
            for layer in LAYERS:
                source = folder / (name + layer)
                out[(corpus, layer, name)] = convert(source.read_bytes(), str(source), Options(markup_date=MARKUP_DATE))
    return out


def test_every_document_gives_valid_tei(converted):
    results = {key: validate_tei(c.tei) for key, c in converted.items()}
    invalid = {key: [str(e) for e in result.errors[:2]] for key, result in results.items() if not result.valid}
    counts = Counter((corpus, layer) for corpus, layer, _ in converted)
    print(f"\nTEI valid against tei_all.rng: {len(converted) - len(invalid)}/{len(converted)} "
          f"({', '.join(f'{c} {l}: {n}' for (c, l), n in sorted(counts.items()))})")
    assert counts[("dev", ".txt")] == counts[("dev", ".blocks.txt")] > 0
    assert not invalid


def test_every_document_is_pointer_complete(converted):
    results = {key: check_pointers(c.tei) for key, c in converted.items()}
    dangling = {key: [str(e) for e in errors[:2]] for key, errors in results.items() if errors}
    assert not dangling
    assert all(c.ok for c in converted.values())


def test_vote_names_map_to_iso_codes_and_none_is_dropped(converted):
    names = mapped = 0
    for conversion in converted.values():
        tree = etree.fromstring(conversion.tei)
        orgs = set(tree.xpath("//t:listOrg/t:org/@xml:id", namespaces=NS))
        for vote in votes(conversion.document):
            for group in vote.groups:
                for name in group.names:
                    names += 1
                    refs = tree.xpath("//t:div[@type='vote']//t:orgName[.=$name]/@ref", namespaces=NS, name=name)
                    assert refs and refs[0][1:] in orgs, f"{conversion.source.name}: {name} has no org"
                    mapped += not refs[0].startswith("#state.")
        warned = " ".join(d.message for d in conversion.diagnostics if d.code == "W020")
        assert all(org in warned for org in orgs if org.startswith("state.")), "an unmapped name without W020"
    coverage = mapped / names
    print(f"\nvote-list names mapped to ISO 3166 alpha-3: {mapped}/{names} = {coverage:.2%}")
    assert coverage >= MIN_NAME_COVERAGE
