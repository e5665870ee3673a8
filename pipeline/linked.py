"""How much of a converted document a machine can follow: the voters resolved to ISO
3166 codes, the conclusions' dates carrying `@date`, the references pointing at
well-formed undocs.org addresses. `invoke linked-report` sums it over the corpus.

Read from the AKN a conversion wrote (what a reader of the file gets), with the
model's vote lists for the printed names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .countries import member_state, votes
from .segment.links import SYMBOL, UNDOCS, UNDOCS_LANGUAGES
from .validate import AKN_NAMESPACE

_NS = {"akn": AKN_NAMESPACE}
# https://undocs.org/{language}/{symbol}: the six languages, a symbol's characters
# (a space percent-encoded), nothing after it.
UNDOCS_ADDRESS = re.compile(rf"{re.escape(UNDOCS)}(?P<lang>{'|'.join(UNDOCS_LANGUAGES)})/"
                            r"(?P<symbol>[A-Za-z0-9][A-Za-z0-9./()\-]*(?:%20\(\d{4}\))?)")
_FRBR_WORK = re.compile(r"/akn/un/statement/deliberation/(?:unga|unga-hrc|unsc|unecosoc)/\d{4}-\d\d-\d\d/[A-Za-z0-9-]+")


@dataclass
class Linked:
    """Counts of one document or of many (`+=` adds another's)."""

    documents: int = 0
    voters: int = 0  # printed names in vote lists
    resolved: int = 0  # … that map to an ISO 3166 code
    unresolved: list[str] = field(default_factory=list)  # "source: name"
    with_conclusions: int = 0  # documents with a conclusions block
    dated_conclusions: int = 0  # … with at least one date/docDate carrying @date there
    undated: list[str] = field(default_factory=list)  # sources whose conclusions hold no dated element
    adoption_dated: int = 0  # documents with a docDate #adoptionDate carrying @date (conclusions or preface)
    no_adoption_date: list[str] = field(default_factory=list)
    refs: int = 0  # ref elements in the text
    well_formed: int = 0  # … whose href is an undocs.org address that gives back a symbol
    malformed: list[str] = field(default_factory=list)
    cited: int = 0  # TLCReference: cited resolutions with a FRBR work URI
    cited_well_formed: int = 0

    def __iadd__(self, other: "Linked") -> "Linked":
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)
        return self


def linked(document, akn: bytes, source: str) -> Linked:
    """The counts of one converted document (its model and its AKN)."""
    out = Linked(documents=1)
    lang = document.meta.lang
    for vote in votes(document):
        for group in vote.groups:
            for name in group.names:
                out.voters += 1
                if member_state(name, lang):
                    out.resolved += 1
                else:
                    out.unresolved.append(f"{source}: {name}")
    tree = etree.fromstring(akn)
    for conclusions in tree.iterfind(".//akn:conclusions", _NS):
        out.with_conclusions += 1
        if conclusions.xpath(".//akn:date[@date] | .//akn:docDate[@date]", namespaces=_NS):
            out.dated_conclusions += 1
        else:
            out.undated.append(source)
        break  # a document in parts counts once, by its first conclusions
    out.adoption_dated = int(bool(tree.xpath(".//akn:docDate[@refersTo='#adoptionDate'][@date]", namespaces=_NS)))
    if not out.adoption_dated:
        out.no_adoption_date.append(source)
    for ref in tree.iterfind(".//akn:ref", _NS):
        out.refs += 1
        href = ref.get("href", "")
        m = UNDOCS_ADDRESS.fullmatch(href)
        if m and m["lang"] == lang and SYMBOL.fullmatch(m["symbol"].replace("%20", " ")):
            out.well_formed += 1
        else:
            out.malformed.append(f"{source}: {href}")
    for cited in tree.iterfind(".//akn:references/akn:TLCReference", _NS):
        if not cited.get("eId", "").startswith("cited_"):
            continue
        out.cited += 1
        out.cited_well_formed += bool(_FRBR_WORK.fullmatch(cited.get("href", "")))
    return out
