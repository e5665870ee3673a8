"""Stage 4b, emit: the document model → TEI P5 (the encoding of ../shared/docs/tei.md).

The header, organisation-list and standOff patterns are those of the parliamentary
TEI corpora (Parla-CLARIN / ParlaMint). Python decides every value and every
xml:id here; the templates in `templates/tei/` only lay them out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lxml import etree

from . import __version__
from .bodies import BODIES
from .countries import MemberStates, identify_states
from .eids import UniqueNames
from .languages import load
from .model import (ClosingLine, DateText, Document, Emphasis, Heading, Item, Meeting, NoteIndex, NoteRef,
                    Organization, Paragraph, Quantity, Reference, Table, Text, VOTE_KEYS, Vote, count_ref, plain)
from .segment.links import undocs_url
from .templates import escape_text, inline_writer, register_filter, render, xml_comment
from .validate import TEI_NAMESPACE

# How the profile's emphasis style (the printed opening phrase) is rendered.
EMPHASIS_RENDITIONS = {"b": "bold", "i": "italic"}
# The vote outcome -> the type of its event in standOff.
EVENT_TYPES = {"recorded": "recordedVote", "without_vote": "adoptionWithoutVote",
               "consensus": "adoptionByConsensus"}
# The div types this writer can produce, each described once in the taxonomy of the
# header (encodingDesc/classDecl); a document's taxonomy names the ones it uses.
DIV_TYPES = {
    "masthead": "The masthead lines of the printed document.",
    "preamble": "The preambular part: the enacting formula and one paragraph per preambular paragraph.",
    "operative": "The operative part: the numbered operative paragraphs.",
    "section": "A titled group of paragraphs inside the operative part or an annex.",
    "adoption": "The date and meeting of adoption.",
    "vote": "The printed outcome of the vote, with one list of member states per voting group.",
    "annex": "An annex to the text.",
    "part": "One part of a text adopted in parts, with its own numbering, adoption and vote.",
    "notes": "Footnotes whose call was not found in the text, kept rather than lost.",
}
CATEGORY_PREFIX = "divType."
# Masthead line kind (model) -> @type of its line in front (TEI names are camelCase).
MASTHEAD_TYPES = {"session_dates": "sessionDates", "agenda_item": "agendaItem", "sc_adoption": "adoption"}


@dataclass(frozen=True)
class TeiOptions:
    """What the writer needs besides the document: the date the TEI file is made, and
    the voting states when the caller has identified them already."""

    markup_date: str
    states: MemberStates | None = None


def to_tei(document: Document, options: TeiOptions) -> bytes:
    """Render one document as TEI XML (UTF-8 bytes)."""
    return render("tei/document.xml.j2", **_context(document, options)).encode("utf-8")


# --------------------------------------------------------------------------- ids

_NOT_NAME = re.compile(r"[^A-Za-z0-9_.\-]+")


@cache
def _name_char(char: str) -> bool:
    """Whether an xml:id may hold the character. libxml2 checks xml:id by the letter
    tables of XML 1.0 (4th edition), narrower than Python's \\w: "㈠" is
    alphanumeric to Python and no name character to it. Its own answer, once a character."""
    try:
        etree.fromstring(f'<a xml:id="a{char}"/>'.encode("utf-8"))
    except etree.XMLSyntaxError:
        return False
    return True


def id_part(label: str) -> str:
    """A printed label as a piece of an xml:id (an NCName needs no brackets or spaces).

    >>> id_part("(a)"), id_part("12."), id_part(" A "), id_part("(أ)"), id_part("()"), id_part("㈠")
    ('a', '12', 'A', 'أ', 'x', 'x')
    """
    if label.isascii():  # "(a)", "12.": what all but a few labels are
        return _NOT_NAME.sub("", label).strip(".-") or "x"
    kept = "".join(c for c in label if c in ".-_" or (c.isalnum() and _name_char(c)))
    return kept.strip(".-") or "x"


# --------------------------------------------------------------------------- inline markup

# The TEI markup of each kind of render-ready run (the `tei_inline` filter: see
# templates.inline_writer for why a table and not a macro).
def _ref(ref) -> str:
    return f' ref="#{escape_text(ref)}"' if ref else ""


_INLINE = {
    "text": lambda r: escape_text(r["text"]),
    "emphasis": lambda r: f'<hi rend="{escape_text(r["rend"])}">{escape_text(r["text"])}</hi>',
    "note": lambda r: (f'<note place="foot" n="{escape_text(r["marker"])}" xml:id="{escape_text(r["id"])}">'
                       f'{inline_markup(r["runs"])}</note>'),
    "note_again": lambda r: f'<ptr type="footnote" n="{escape_text(r["marker"])}" target="#{escape_text(r["id"])}"/>',
    "num": lambda r: (f'<num type="{escape_text(r["type"])}" value="{escape_text(r["value"])}">'
                      f'{escape_text(r["text"])}</num>'),
    "org": lambda r: (f'<orgName{_ref(r["ref"])}>{escape_text(r["text"])}</orgName>'),
    "date": lambda r: f'<date when="{escape_text(r["when"])}">{escape_text(r["text"])}</date>',
    "ref": lambda r: f'<ref target="{escape_text(r["target"])}">{escape_text(r["text"])}</ref>',
    "meeting": lambda r: f'<seg type="meeting" n="{escape_text(r["number"])}">{escape_text(r["text"])}</seg>',
}


inline_markup = inline_writer(_INLINE)
register_filter("tei_inline", inline_markup)


# --------------------------------------------------------------------------- runs

class _Runs:
    """Turns model inline runs into render-ready runs: a footnote is written in full at
    its first call and pointed to from any later one; a voter points to its org."""

    def __init__(self, document: Document, states: MemberStates, ids: UniqueNames, rendition: str):
        self.notes = NoteIndex(document.footnotes)
        self.note_ids: dict[int, str] = {}  # id() of a footnote written -> its xml:id
        self.written: set[int] = set()  # id() of the footnotes written at a call
        self.states = states
        self.lang = document.meta.lang
        self.ids = ids
        self.rendition = rendition

    def __call__(self, inlines) -> list[dict]:
        out = []
        for run in inlines:
            if isinstance(run, Text):
                out.append({"kind": "text", "text": run.text})
            elif isinstance(run, Emphasis):
                out.append({"kind": "emphasis", "rend": self.rendition, "text": run.text})
            elif isinstance(run, NoteRef):
                out.append(self._note(run.marker))
            elif isinstance(run, Quantity):
                out.append({"kind": "num", "type": run.refers_to, "value": run.value, "text": run.text})
            elif isinstance(run, Organization):
                out.append({"kind": "org", "ref": self.states.ids.get(run.text), "text": run.text})
            elif isinstance(run, DateText):
                out.append({"kind": "date", "when": run.iso, "text": run.text})
            elif isinstance(run, Meeting):
                out.append({"kind": "meeting", "number": run.number, "text": run.text})
            elif isinstance(run, Reference):
                out.append({"kind": "ref", "target": undocs_url(run.symbol, self.lang), "text": run.text})
            else:
                raise TypeError(f"no TEI rendering for {run!r}")
        return out

    def _note(self, marker: str) -> dict:
        footnote = self.notes.next(marker)
        if id(footnote) in self.note_ids:
            return {"kind": "note_again", "marker": marker, "id": self.note_ids[id(footnote)]}
        return self.note(footnote)

    def note(self, footnote) -> dict:
        note_id = self.note_ids[id(footnote)] = self.ids.take(f"note.{id_part(footnote.marker)}")
        self.written.add(id(footnote))
        return {"kind": "note", "marker": footnote.marker, "id": note_id, "runs": self(footnote.content)}


# --------------------------------------------------------------------------- context

def _context(doc: Document, options: TeiOptions) -> dict:
    profile = load(doc.meta.lang)
    states = options.states or identify_states(doc)
    ids = UniqueNames(state.id for state in states.states)
    runs = _Runs(doc, states, ids, EMPHASIS_RENDITIONS[profile.emphasis])
    events, event_ids = _events(doc, states, ids)
    writer = _Writer(runs, ids, event_ids)
    front = _masthead(doc, runs)
    body = {"head": _head(doc, runs), "divs": writer.text(doc, "")}
    if doc.parts:
        body["divs"] += [writer.part(part) for part in doc.parts]
    back = [writer.annex(number, annex) for number, annex in enumerate(doc.annexes, start=1)]
    # a note whose call the segmenter did not find (W014) has no place in the text
    orphans = [runs.note(f) for f in doc.footnotes if id(f) not in runs.written]
    if orphans:
        back.append(_div("notes", blocks=[{"kind": "note", "runs": [note]} for note in orphans]))
    used = _div_types([front] if front else []) | _div_types(body["divs"]) | _div_types(back)
    return {
        "namespace": TEI_NAMESPACE,
        "lang": doc.meta.lang,
        "comment": xml_comment(f"Converted by akn-pipeline {__version__} from {doc.source}"),
        "header": _header(doc, profile, states, used, options),
        "front": front,
        "body": body,
        "back": back,
        "events": events,
    }


def _div_types(divs: list[dict]) -> set[str]:
    found = set()
    for div in divs:
        found.add(div["type"])
        found |= _div_types(div["divs"])
        for block in div["blocks"]:
            if block.get("quoted"):
                found |= _div_types(block["quoted"])
    return found


def _body_name(doc: Document, profile) -> str | None:
    """The adopting body as printed in the masthead, else as the language names it."""
    for line in doc.cover:
        if line.kind == "body":
            return plain(line.content)
    code = doc.meta.body
    if code and code in profile.bodies:
        return profile.bodies[code].names[0]
    return BODIES[code].show_as if code in BODIES else None


def _title_text(doc: Document) -> str:
    """The title as a plain line for the header (footnote calls left out)."""
    title = doc.title
    if title is not None:
        if title.before or title.after:
            text = f"{title.before}{title.num}{title.after}"
        else:
            text = " ".join(part for part in (title.num, plain(title.content)) if part)
        if text.strip():
            return " ".join(text.split())
    return doc.meta.symbol or doc.meta.number or doc.source.rsplit("/", 1)[-1]


def _header(doc: Document, profile, states: MemberStates, used: set[str], options: TeiOptions) -> dict:
    m = doc.meta
    body_name = _body_name(doc, profile)
    session = None
    dates = None
    for line in doc.cover:
        if line.kind == "session":
            session = {"text": plain(line.content), "key": line.value}
        elif line.kind == "session_dates":
            start, _, end = (line.value or "").partition("/")
            dates = {"text": plain(line.content), "from": start or None, "to": end or None}
    if session is None and m.session:
        session = {"text": m.session, "key": m.session}
    setting = ({"body": body_name, "session": session, "dates": dates}
               if body_name or session or dates else None)
    return {
        "title": _title_text(doc),
        "body_name": body_name,
        "publisher": profile.organization_names[0],
        "markup_date": options.markup_date,
        "symbol": m.symbol,
        "symbol_printed": m.symbol_printed,
        "number": m.number,
        "doc_type": m.doc_type,
        "adoption_date": m.adoption_date,
        "source": doc.source,
        "language": {"ident": m.lang, "name": profile.name},
        "setting": setting,
        "orgs": [{"id": state.id, "names": state.names} for state in states.states],
        "categories": [{"id": CATEGORY_PREFIX + kind, "type": kind, "desc": desc}
                       for kind, desc in DIV_TYPES.items() if kind in used],
    }


def _masthead(doc: Document, runs: _Runs) -> dict | None:
    if not doc.cover:
        return None
    lines = [{"kind": "ab", "type": MASTHEAD_TYPES.get(line.kind, line.kind), "runs": runs(line.content)}
             for line in doc.cover]
    return _div("masthead", blocks=lines)


def _head(doc: Document, runs: _Runs) -> dict | None:
    title = doc.title
    if title is None:
        return None
    layout = "named" if title.before or title.after else "numbered" if title.num else "plain"
    return {"layout": layout, "num": title.num, "before": title.before, "after": title.after,
            "runs": runs(title.content)}


def _div(kind: str, n: str | None = None, heads=(), blocks=(), divs=(), corresp: str | None = None) -> dict:
    return {"type": kind, "n": n, "heads": list(heads), "blocks": list(blocks), "divs": list(divs),
            "corresp": corresp}


class _Writer:
    """Builds the divs of the text: the same shapes serve the document, its parts,
    its annexes and a text quoted inside a paragraph."""

    def __init__(self, runs: _Runs, ids: UniqueNames, event_ids: dict[int, str]):
        self.runs = runs
        self.ids = ids
        self.event_ids = event_ids

    def text(self, text, prefix: str) -> list[dict]:
        """Preamble, operative part, adoption and vote of a document or of one part."""
        divs = []
        preamble = self.preamble(text.formula, text.preamble)
        if preamble:
            divs.append(preamble)
        if text.operative:
            divs.append(self.units("operative", text.operative, prefix + "op."))
        if text.closing:
            divs.append(_div("adoption", blocks=self.closing(text.closing)))
        if text.vote is not None:
            divs.append(self.vote(text.vote))
        return divs

    def part(self, part) -> dict:
        heads = [[{"kind": "text", "text": part.label}]] + ([self.runs(part.title.content)] if part.title else [])
        return _div("part", n=part.label, heads=heads, divs=self.text(part, f"part{id_part(part.label)}."))

    def annex(self, number: int, annex) -> dict:
        div = self.units("annex", annex.body, f"annex{number}.p.")
        div["heads"] = [self.runs(heading.content) for heading in annex.headings] + div["heads"]
        div["n"] = str(number)
        return div

    def preamble(self, formula, recitals) -> dict | None:
        if formula is None and not recitals:
            return None
        blocks = [{"kind": "ab", "type": "formula", "runs": self.runs(formula.content)}] if formula else []
        blocks += [{"kind": "p", "n": None, "id": None, "runs": self.runs(recital.content), "list": None,
                    "wrap_up": [], "quoted": None} for recital in recitals]
        return _div("preamble", blocks=blocks)

    def units(self, kind: str, units, prefix: str) -> dict:
        """Paragraphs, and a section div for each heading: TEI puts no heading between
        paragraphs, so the paragraphs after a heading belong to its section."""
        div = _div(kind)
        current = div
        for unit in units:
            if isinstance(unit, Heading):
                if current is div or current["blocks"] or current["divs"]:
                    current = _div("section")
                    div["divs"].append(current)
                current["heads"].append(self.runs(unit.content))
            elif isinstance(unit, Table):
                current["blocks"].append({"kind": "table", "head": self.runs(unit.label),
                                          "rows": [{"label": row.header, "runs": self.runs(row.content)}
                                                   for row in unit.rows]})
            else:
                current["blocks"].append(self.paragraph(unit, prefix))
        return div

    def paragraph(self, paragraph: Paragraph, prefix: str) -> dict:
        xml_id = self.ids.take(prefix + str(paragraph.number)) if paragraph.number is not None else None
        quoted = None
        if paragraph.quoted is not None:
            q = paragraph.quoted
            inner = f"{xml_id or prefix + 'x'}.q."
            quoted = [d for d in (self.preamble(q.formula, q.preamble),) if d]
            if q.operative:
                quoted.append(self.units("operative", q.operative, inner))
        return {"kind": "p", "n": str(paragraph.number) if paragraph.number is not None else None,
                "id": xml_id, "runs": self.runs(paragraph.content),
                "list": self.items(paragraph.items, xml_id), "wrap_up": self.runs(paragraph.wrap_up),
                "quoted": quoted}

    def items(self, items: tuple[Item, ...], parent_id: str | None) -> list[dict] | None:
        if not items:
            return None
        out = []
        for item in items:
            xml_id = self.ids.take(f"{parent_id}.{id_part(item.label or item.num)}") if parent_id else None
            out.append({"n": item.num, "id": xml_id, "runs": self.runs(item.content),
                        "heading": self.runs(item.heading) if item.heading else None,
                        "list": self.items(item.items, xml_id)})
        return out

    def closing(self, lines: tuple[ClosingLine, ...]) -> list[dict]:
        """A line that holds a date is a dateline, a meeting or other line a p. TEI
        allows datelines only at the top or the bottom of a div, so a dated line
        between two undated ones stays a p."""
        dated = [any(isinstance(run, DateText) for run in line.content) for line in lines]
        top = next((i for i, d in enumerate(dated) if not d), len(lines))
        bottom = next((i for i in range(len(lines) - 1, -1, -1) if not dated[i]), -1)
        return [{"kind": "dateline" if d and (i < top or i > bottom) else "p", "n": None, "id": None,
                 "runs": self.runs(line.content), "list": None, "wrap_up": [], "quoted": None}
                for i, (line, d) in enumerate(zip(lines, dated))]

    def vote(self, vote: Vote) -> dict:
        blocks = [{"kind": "p", "n": None, "id": None, "runs": self.runs(vote.content), "list": None,
                   "wrap_up": [], "quoted": None}]
        for group in vote.groups:
            blocks.append({"kind": "vote_list", "type": count_ref(group.key), "label": group.label,
                           "items": [self.runs(entry) for entry in _entries(group.content)]})
        return _div("vote", blocks=blocks, corresp="#" + self.event_ids[id(vote)])


def _entries(content) -> list[tuple]:
    """A vote list's runs cut into one entry per state: each name with the separator
    printed after it (text before the first name stays with the first entry), so
    that no printed character is lost."""
    entries: list[list] = []
    pending: list = []
    for run in content:
        if isinstance(run, Organization):
            entries.append(pending + [run])
            pending = []
        elif entries:
            entries[-1].append(run)
        else:
            pending.append(run)
    if pending:  # a list without names ("None"): its text as the one entry
        entries.append(pending)
    return [tuple(entry) for entry in entries] or [()]


def _events(doc: Document, states: MemberStates, ids: UniqueNames) -> tuple[list[dict], dict[int, str]]:
    """One standOff event per vote, its counts as measures, and one relation per
    voting group from its states to the event; and the event id of each vote (by
    `id()`), for the vote div to point to. A part adopted on a day of its own has its
    event on that day."""
    events = []
    event_ids: dict[int, str] = {}
    for text in (doc, *doc.parts):
        vote = text.vote
        if vote is None:
            continue
        event_id = event_ids[id(vote)] = ids.take(f"vote.{len(events) + 1}")
        measures = [{"type": count_ref(key), "quantity": vote.count(key)} for key in VOTE_KEYS
                    if vote.count(key) is not None]
        relations = []
        for group in vote.groups:
            voters = list(dict.fromkeys(states.id_of(name) for name in group.names))
            if voters:
                relations.append({"name": count_ref(group.key), "active": " ".join("#" + v for v in voters),
                                  "passive": "#" + event_id})
        dated = [run.iso for line in text.closing for run in line.content if isinstance(run, DateText)]
        events.append({"id": event_id, "type": EVENT_TYPES[vote.outcome],
                       "when": dated[0] if dated else doc.meta.adoption_date, "measures": measures,
                       "text": " ".join(plain(vote.content).split()), "relations": relations})
    return events, event_ids
