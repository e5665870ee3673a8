"""The document model: frozen nodes between the segment stage and the writers.

Every node knows the input lines it came from (`Span`), so writers and diagnostics
can point back at the source. `dump()` prints a document as an indented outline;
that outline is the golden file of the segment stage.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Union


@dataclass(frozen=True, slots=True)
class Span:
    """Input line numbers (1-based, inclusive) a node was built from."""

    first: int
    last: int

    def __post_init__(self):
        if self.first < 1 or self.last < self.first:
            raise ValueError(f"bad span {self.first}-{self.last}")

    def __or__(self, other: "Span") -> "Span":
        return Span(min(self.first, other.first), max(self.last, other.last))

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"

    @staticmethod
    def cover(spans: Iterable["Span"]) -> "Span":
        spans = list(spans)
        return Span(min(s.first for s in spans), max(s.last for s in spans))


# --------------------------------------------------------------------------- inline runs

@dataclass(frozen=True, slots=True)
class Text:
    """Plain text as printed."""

    text: str


@dataclass(frozen=True, slots=True)
class Emphasis:
    """The opening phrase of a paragraph, printed in italics (bold in Chinese)."""

    text: str


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote call; `marker` matches a `Footnote.marker` of the document."""

    marker: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number that means something (a vote count): printed text and its value."""

    text: str
    value: int
    refers_to: str


@dataclass(frozen=True, slots=True)
class Organization:
    """A printed name of a member state (vote lists)."""

    text: str
    refers_to: str = "memberState"


@dataclass(frozen=True, slots=True)
class DateText:
    """A printed date and its ISO form."""

    text: str
    iso: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A printed reference to a UN document: its symbol (`A/HRC/37/79`), or the number
    of a cited resolution or decision (`72/171`) and the symbol that number stands for.
    `body`, `doc_type`, `number` and `date` (ISO, when printed with the citation) say
    what was cited, when it was a resolution or decision."""

    text: str
    symbol: str
    body: str | None = None
    doc_type: str | None = None
    number: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    """The printed adoption meeting (`34th meeting`, `第 37 次会议`) and its number."""

    text: str
    number: str


Inline = Union[Text, Emphasis, NoteRef, Quantity, Organization, DateText, Meeting, Reference]
Inlines = tuple  # tuple[Inline, ...]; an alias kept short for signatures


def plain(inlines: Iterable[Inline]) -> str:
    """The printed text of inline runs (footnote calls contribute nothing)."""
    return "".join(getattr(run, "text", "") for run in inlines)


def _show(inlines: Iterable[Inline]) -> str:
    """Readable one-line form of inline runs, used by dump()."""
    out = []
    for run in inlines:
        if isinstance(run, NoteRef):
            out.append(f"[^{run.marker}]")
        elif isinstance(run, Emphasis):
            out.append(f"*{run.text}*")
        elif isinstance(run, Quantity):
            out.append(f"{{{run.text}={run.value}:{run.refers_to}}}")
        elif isinstance(run, Organization):
            out.append(f"<{run.text}>")
        elif isinstance(run, DateText):
            out.append(f"{{{run.text}={run.iso}}}")
        elif isinstance(run, Meeting):
            out.append(f"{{{run.text}=meeting {run.number}}}")
        elif isinstance(run, Reference):
            dated = f" of {run.date}" if run.date else ""
            out.append(f"{{{run.text}=>{run.symbol}{dated}}}")
        else:
            out.append(run.text)
    return "".join(out)


# --------------------------------------------------------------------------- blocks

@dataclass(frozen=True, slots=True)
class CoverLine:
    """A masthead line: `kind` says what it is, `value` its normalised value."""

    kind: str
    content: Inlines
    span: Span
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Title:
    """The title line. Numbered: `38/3. 加强人权领域的国际合作` (num `38/3.`, number
    `38/3`, content the title). Named: `Resolution 2755 (2024)` (num `2755 (2024)`
    between `before` and `after`, no content). Unnumbered (a presidential statement,
    a draft): no num, the whole line as content."""

    num: str | None
    number: str | None
    content: Inlines
    span: Span
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class Formula:
    content: Inlines
    span: Span


@dataclass(frozen=True, slots=True)
class Recital:
    """A preambular paragraph; `opening` is its opening phrase (may be empty)."""

    opening: str
    content: Inlines
    span: Span


@dataclass(frozen=True, slots=True)
class Item:
    """A sub-item `(a)`, `(i)`…: its text (the intro when it has items) and items;
    the heading printed over it, when it has one (`Protection of the United Nations`)."""

    num: str
    label: str
    content: Inlines
    span: Span
    items: tuple["Item", ...] = ()
    heading: Inlines = ()


@dataclass(frozen=True, slots=True)
class Quoted:
    """A whole text quoted by a paragraph (the draft resolution a council recommends
    for adoption): its own formula, preamble and operative part."""

    formula: "Formula | None"
    preamble: tuple["Recital", ...]
    operative: tuple["OperativeUnit", ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Paragraph:
    """An operative paragraph. `num` is printed (`1.`), `number` its value; an
    unclassified paragraph (text that fitted no rule) has neither. `quoted` is a
    text the paragraph introduces."""

    num: str | None
    number: int | None
    content: Inlines
    span: Span
    items: tuple[Item, ...] = ()
    wrap_up: Inlines = ()
    quoted: Quoted | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading between operative paragraphs."""

    content: Inlines
    span: Span


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a table: its printed text (a number or item label included) as one
    cell; `header` for the title rows above the numbered ones."""

    content: Inlines
    span: Span
    header: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A labelled table of an annex ("Table 1", "الجدول 1") and its rows.

    A text layer keeps a table's lines but not its columns, so a row is one cell:
    the UN's tables in resolutions' annexes are mostly one-column lists (a programme
    of work), and a cell per row keeps every word where it was printed."""

    label: Inlines
    rows: tuple[TableRow, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Footnote:
    marker: str
    content: Inlines
    span: Span


class NoteIndex:
    """The footnote each call names, for the writers: the k-th call of a marker names
    the k-th note with that marker (a document can print two notes with one marker),
    and any further call the last of them.

    >>> index = NoteIndex((Footnote("1", (Text("a"),), Span(1, 1)), Footnote("1", (Text("b"),), Span(2, 2))))
    >>> [plain(index.next("1").content) for _ in range(3)]
    ['a', 'b', 'b']
    """

    def __init__(self, footnotes: Iterable["Footnote"]):
        self.by_marker: dict[str, list[Footnote]] = {}
        for note in footnotes:
            self.by_marker.setdefault(note.marker, []).append(note)
        self.calls: dict[str, int] = {}

    def next(self, marker: str) -> "Footnote":
        notes = self.by_marker[marker]
        k = self.calls.get(marker, 0)
        self.calls[marker] = k + 1
        return notes[min(k, len(notes) - 1)]


@dataclass(frozen=True, slots=True)
class ClosingLine:
    """A line after the operative part: `adoption` (its meeting and/or date are
    Meeting and DateText runs) or `other`."""

    kind: str
    content: Inlines
    span: Span


@dataclass(frozen=True, slots=True)
class VoteGroup:
    """`In favour:` and its list; the names are the Organization runs."""

    key: str
    label: str
    content: Inlines
    span: Span

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(run.text for run in self.content if isinstance(run, Organization))


@dataclass(frozen=True, slots=True)
class Vote:
    """The adoption outcome: `recorded`, `without_vote` or `consensus`."""

    outcome: str
    content: Inlines
    span: Span
    groups: tuple[VoteGroup, ...] = ()

    def count(self, key: str) -> int | None:
        for run in self.content:
            if isinstance(run, Quantity) and run.refers_to == _COUNT_REFS[key]:
                return run.value
        return None


_COUNT_REFS = {"in_favour": "inFavour", "against": "against", "abstaining": "abstaining"}
VOTE_KEYS = tuple(_COUNT_REFS)


def count_ref(key: str) -> str:
    """AKN concept name of a vote group key (`in_favour` → `inFavour`)."""
    return _COUNT_REFS[key]


@dataclass(frozen=True, slots=True)
class Annex:
    """An annex: its heading lines, then its own paragraphs, headings and tables."""

    headings: tuple[Heading, ...]
    body: tuple["OperativeUnit", ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a text adopted in parts (`75/101 A-B`): its label, its title when it
    has one (`B` / `United Nations global communications policies`), and its own
    formula, preamble, operative paragraphs, closing and vote."""

    label: str
    span: Span
    formula: "Formula | None" = None
    preamble: tuple["Recital", ...] = ()
    operative: tuple["OperativeUnit", ...] = ()
    closing: tuple["ClosingLine", ...] = ()
    vote: "Vote | None" = None
    title: "Heading | None" = None

    def paragraphs(self) -> Iterator["Paragraph"]:
        return (u for u in self.operative if isinstance(u, Paragraph))


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about the document as a whole, derived by the assembler."""

    lang: str
    body: str
    doc_type: str
    number: str | None
    symbol: str | None
    symbol_printed: bool
    session: str | None
    adoption_date: str | None
    meeting: str | None
    issue_date: str | None = None


OperativeUnit = Union[Paragraph, Heading, Table]


@dataclass(frozen=True, slots=True)
class Document:
    source: str
    meta: Metadata
    span: Span
    cover: tuple[CoverLine, ...] = ()
    title: Title | None = None
    formula: Formula | None = None
    preamble: tuple[Recital, ...] = ()
    operative: tuple[OperativeUnit, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    closing: tuple[ClosingLine, ...] = ()
    vote: Vote | None = None
    annexes: tuple[Annex, ...] = ()
    parts: tuple[Part, ...] = ()

    def paragraphs(self) -> Iterator[Paragraph]:
        """The operative paragraphs, of every part."""
        yield from (u for u in self.operative if isinstance(u, Paragraph))
        for part in self.parts:
            yield from part.paragraphs()

    def dump(self) -> str:
        """Indented outline of the document, one node per line with its span."""
        return "\n".join(_dump_lines(self)) + "\n"


def _dump_lines(doc: Document) -> Iterator[str]:
    m = doc.meta
    yield (f"document {doc.source} [{doc.span}] lang={m.lang} body={m.body} type={m.doc_type} "
           f"number={m.number} symbol={m.symbol}{'' if m.symbol_printed else ' (derived)'} "
           f"session={m.session} adopted={m.adoption_date} meeting={m.meeting} issued={m.issue_date}")
    if doc.cover:
        yield "  cover"
        for c in doc.cover:
            value = f" value={c.value}" if c.value is not None else ""
            yield f"    {c.kind} [{c.span}]{value} {_show(c.content)}"
    if doc.title:
        t = doc.title
        label = f" label={t.before!r}+{t.after!r}" if t.before or t.after else ""
        yield f"  title [{t.span}] num={t.num}{label} {_show(t.content)}"
    yield from _dump_text(doc, "  ")
    for a in doc.annexes:
        yield f"  annex [{a.span}]"
        for h in a.headings:
            yield f"    heading [{h.span}] {_show(h.content)}"
        yield from _dump_units(a.body, "    ")
    for part in doc.parts:
        yield f"  part {part.label} [{part.span}]"
        if part.title:
            yield f"    title [{part.title.span}] {_show(part.title.content)}"
        yield from _dump_text(part, "    ")


def _dump_text(doc, pad: str):
    """Formula, preamble, operative part, closing and vote of a document or a part."""
    if doc.formula:
        yield f"{pad}formula [{doc.formula.span}] {_show(doc.formula.content)}"
    if doc.preamble:
        yield f"{pad}preamble ({len(doc.preamble)})"
        for r in doc.preamble:
            yield f"{pad}  recital [{r.span}] opening={r.opening!r} {_show(r.content)}"
    if doc.operative:
        yield f"{pad}operative ({sum(1 for u in doc.operative if isinstance(u, Paragraph))} paragraphs)"
        yield from _dump_units(doc.operative, pad + "  ")
    if getattr(doc, "footnotes", None):
        yield f"{pad}footnotes"
        for f in doc.footnotes:
            yield f"{pad}  footnote [{f.span}] marker={f.marker} {_show(f.content)}"
    if doc.closing:
        yield f"{pad}closing"
        for c in doc.closing:
            yield f"{pad}  {c.kind} [{c.span}] {_show(c.content)}"
    if doc.vote:
        v = doc.vote
        counts = "/".join(str(v.count(k)) for k in VOTE_KEYS)
        yield f"{pad}vote [{v.span}] outcome={v.outcome} counts={counts} {_show(v.content)}"
        for g in v.groups:
            yield f"{pad}  {g.key} [{g.span}] names={len(g.names)} {g.label} {_show(g.content)}"


def _dump_units(units, indent):
    for u in units:
        if isinstance(u, Heading):
            yield f"{indent}heading [{u.span}] {_show(u.content)}"
            continue
        if isinstance(u, Table):
            yield f"{indent}table [{u.span}] {_show(u.label)}"
            for row in u.rows:
                yield f"{indent}  {'th' if row.header else 'td'} [{row.span}] {_show(row.content)}"
            continue
        yield f"{indent}paragraph [{u.span}] num={u.num} {_show(u.content)}"
        yield from _dump_items(u.items, indent + "  ")
        if u.wrap_up:
            yield f"{indent}  wrapUp {_show(u.wrap_up)}"
        if u.quoted:
            q = u.quoted
            yield f"{indent}  quoted [{q.span}]"
            if q.formula:
                yield f"{indent}    formula [{q.formula.span}] {_show(q.formula.content)}"
            for r in q.preamble:
                yield f"{indent}    recital [{r.span}] opening={r.opening!r} {_show(r.content)}"
            yield from _dump_units(q.operative, indent + "    ")


def _dump_items(items, indent):
    for it in items:
        heading = f"heading={_show(it.heading)!r} " if it.heading else ""
        yield f"{indent}item [{it.span}] num={it.num} {heading}{_show(it.content)}"
        yield from _dump_items(it.items, indent + "  ")
