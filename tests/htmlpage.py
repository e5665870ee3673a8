"""Reading the HTML pages the writers make, as a browser would: shared by the writer,
corpus and browser tests."""
from __future__ import annotations

import html5lib
from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def parse(page: bytes):
    """The page as an lxml tree, parsed by the HTML5 algorithm in strict mode: any
    parse error (a stray end tag, a block inside a <p>, a bad character) raises."""
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("lxml"), namespaceHTMLElements=False)
    return parser.parse(page)


def ids(tree) -> list[str]:
    return tree.xpath("//@id")


def internal_links(tree) -> list[str]:
    """The targets of the links within the page (`href="#x"` → `x`)."""
    return [href[1:] for href in tree.xpath("//a/@href") if href.startswith("#")]


def dangling_links(tree) -> list[str]:
    known = set(ids(tree))
    return [target for target in internal_links(tree) if target not in known]


def akn_eids(akn: bytes) -> list[str]:
    """The eIds of the text of an AKN document (not those of its metadata)."""
    tree = etree.fromstring(akn)
    return [e.get("eId") for e in tree.iter() if e.get("eId")
            and not any(a.tag == f"{{{AKN_NS}}}meta" for a in e.iterancestors())]
