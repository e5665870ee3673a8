"""The UN bodies that adopt resolutions and decisions, as data: FRBR actor, how
their document symbols are formed, and how AKN4UN names them."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    code: str
    actor: str  # FRBR actor in the work URI
    eid: str  # TLCOrganization eId in meta/references
    href: str  # AKN ontology IRI
    show_as: str
    # document symbol by document type; fields: session, n, year
    symbols: dict[str, str]
    # the body whose sessions a bare number of a later session than this body's own
    # belongs to: a Human Rights Council text's "resolution 77/317" is the Assembly's
    parent: str | None = None

    @property
    def numbering(self) -> str:
        """How its resolutions are numbered, read from their symbol: "session/n" (the
        General Assembly, the Human Rights Council), "year/n" (ECOSOC) or "n (year)"
        (the Security Council).

        >>> [b.numbering for b in BODIES.values()]
        ['session/n', 'session/n', 'n (year)', 'year/n']
        """
        template = self.symbols["resolution"]
        return "session/n" if "{session}/{n}" in template else "year/n" if "{year}/{n}" in template else "n (year)"


BODIES: dict[str, Body] = {b.code: b for b in (
    Body("GA", "unga", "generalAssembly", "/akn/ontology/organization/un/generalAssembly",
         "General Assembly", {"resolution": "A/RES/{session}/{n}", "decision": "A/DEC/{session}/{n}"}),
    Body("HRC", "unga-hrc", "humanRightsCouncil",
         "/akn/ontology/organization/un/generalAssembly/humanRightsCouncil", "Human Rights Council",
         {"resolution": "A/HRC/RES/{session}/{n}", "decision": "A/HRC/DEC/{session}/{n}"}, parent="GA"),
    Body("SC", "unsc", "securityCouncil", "/akn/ontology/organization/un/securityCouncil",
         "Security Council", {"resolution": "S/RES/{n} ({year})"}),
    Body("ECOSOC", "unecosoc", "economicAndSocialCouncil",
         "/akn/ontology/organization/un/economicAndSocialCouncil", "Economic and Social Council",
         {"resolution": "E/RES/{year}/{n}", "decision": "E/DEC/{year}/{n}"}),
)}

_SESSION_NUMBER = re.compile(r"^(?P<session>(?:E?S-)?\d+)/(?P<n>\d+)$")  # "38/3", "ES-10/24", "S-30/1"


def derive_symbol(body: Body, doc_type: str, number: str, year: str | None) -> str | None:
    """The document symbol a resolution would carry, from its body and number.

    >>> derive_symbol(BODIES["HRC"], "resolution", "38/3", "2018")
    'A/HRC/RES/38/3'
    >>> derive_symbol(BODIES["SC"], "resolution", "2710", "2023")
    'S/RES/2710 (2023)'
    >>> derive_symbol(BODIES["SC"], "resolution", "2755 (2024)", None)
    'S/RES/2755 (2024)'
    >>> derive_symbol(BODIES["ECOSOC"], "resolution", "2023/17", "2023")
    'E/RES/2023/17'
    """
    template = body.symbols.get(doc_type)
    if not template or not number:
        return None
    m = _SESSION_NUMBER.match(number)
    if "{session}" in template:
        return template.format(session=m["session"], n=m["n"]) if m else None
    if body.numbering == "year/n":
        return template.format(year=m["session"], n=m["n"]) if m else None
    sc = re.match(r"^(?P<n>\d+)\s*\((?P<year>\d{4})\)$", number)
    if sc:
        return template.format(n=sc["n"], year=sc["year"])
    if year is None or not number.isdigit():
        return None
    return template.format(n=number, year=year)


def frbr_number(number: str) -> str:
    """The number component of a FRBR URI.

    >>> frbr_number("38/3"), frbr_number("2710 (2023)"), frbr_number("ES-10/24")
    ('38-3', '2710-2023', 'ES-10-24')
    """
    return re.sub(r"[^0-9A-Za-z]+", "-", number).strip("-")
