"""Every document of the shared dev and parallel corpora, from both text layers,
gives an HTML page that parses strictly, whose ids are unique and include every
AKN eId, and whose every link within the page lands on an id of the page."""
from __future__ import annotations

import pytest

from conftest import MARKUP_DATE, shared_path
from htmlpage import akn_eids, dangling_links, ids, parse
from pipeline.convert import Options, convert
from pipeline.to_html import to_html

pytestmark = pytest.mark.corpus

LAYERS = {"txt": ".txt", "blocks": ".blocks.txt"}


def _names(corpus: str) -> list[str]:
    manifest = shared_path("corpus", corpus, "MANIFEST.tsv")
    return [line.split("\t")[0] for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line]


@pytest.mark.parametrize("layer", LAYERS)
@pytest.mark.parametrize("corpus", ["dev", "parallel"])
def test_every_corpus_page_links_only_to_its_own_ids(corpus, layer):
    folder = shared_path("corpus", corpus)
    problems, pages = [], 0
    for name in _names(corpus):
        source = folder / (name + LAYERS[layer])
        if not source.exists():
            continue
        conversion = convert(source.read_bytes(), str(source), Options(markup_date=MARKUP_DATE))
        try:
            tree = parse(to_html(conversion))
        except Exception as err:  # collect every document's problem, not just the first
            problems.append(f"{source.name}: does not parse: {err}")
            continue
        pages += 1
        page_ids = ids(tree)
        if len(page_ids) != len(set(page_ids)):
            problems.append(f"{source.name}: repeated ids")
        if dangling := dangling_links(tree):
            problems.append(f"{source.name}: links to missing ids {dangling[:5]}")
        if missing := set(akn_eids(conversion.akn)) - set(page_ids):
            problems.append(f"{source.name}: AKN eIds without an HTML id {sorted(missing)[:5]}")
    assert pages, f"no {layer} documents in {folder}"
    assert problems == [], "\n".join(problems)
