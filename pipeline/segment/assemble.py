"""The assembler: classified blocks in, the frozen document model out.

It nests items under their paragraphs, puts every footnote back at its call, turns
masthead, closing and vote lines into values (dates, meeting, counts, names),
derives the metadata (body, symbol, dates) and reports what looks wrong.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..bodies import BODIES, derive_symbol
from ..diagnostics import Diagnostic
from ..fixes.base import Insertion, Line, Removal, joined
from ..languages import Profile
from ..model import (Annex, ClosingLine, CoverLine, DateText, Document, Footnote, Formula, Heading, Item,
                     Meeting, Metadata, NoteRef, Paragraph, Part, Quoted, Recital, Span, Table, TableRow, Text,
                     Title, Vote, VoteGroup, plain)
from ..numerals import ascii_digits, cjk_number, letter_value, roman_value, word_number
from ..scripts import IDEOGRAPH_LABELS
from . import inline
from .rules import PARAGRAPH_END, PREAMBULAR_ENDS, SEMICOLONS, Block, Zone, looks_like_heading, masthead_date

_STATEMENTS = ("resolution", "draftResolution")
_PLAIN_NOTE = re.compile(r"^(?P<marker>\d{1,3})\s+")  # a note lifted from a plain text layer
_TABLE_ENDS = frozenset({"annex", "table_label"})  # block kinds that end a table
_NUMBERED_ROWS = frozenset({"operative", "item", "bullet"})
# Blocks taken apart into fields (a closing date and meeting, a vote, a part label):
# a call hung on them would have no running text to sit in.
_WITHOUT_RUNS = frozenset({"closing", "closing_after_vote", "vote_intro", "vote_intro_again", "vote_label", "vote_list",
                           "part"})


@dataclass
class _Facts:
    """What the assembler learns on the way, before the metadata is frozen."""

    doc_type: str = "resolution"
    body: str | None = None
    symbol: str | None = None
    session: str | None = None
    issue_date: str | None = None
    adoption_date: str | None = None  # from the masthead (adoption line)
    header_symbol: str | None = None  # printed at the top of later pages
    diagnostics: list[Diagnostic] = field(default_factory=list)
    edits: list[Removal | Insertion] = field(default_factory=list)  # text left out or added

    def warn(self, code: str, message: str, line: int | None):
        self.diagnostics.append(Diagnostic(code, message, line))

    def removed(self, line: int | Span, text: str, reason: str) -> None:
        """Record text of the input (on a line, or a span of lines) that the model
        does not keep (see pipeline.conservation)."""
        if text.strip():
            span = line if isinstance(line, Span) else Span(line, line)
            self.edits.append(Removal(span.first, text, reason, span.last if span.last != span.first else None))


class _Builder:
    """Collects the parts of the document while walking the blocks once."""

    def __init__(self, blocks: list[Block], notes: tuple[Line, ...], profile: Profile):
        self.blocks, self.profile = blocks, profile
        self.facts = _Facts()
        self.footnotes = [self._footnote(line) for line in notes]
        self.markers = {f.marker for f in self.footnotes}
        printed = self._printed_calls()  # read once: both steps below need the count
        self.plain_calls = self._locate_plain_calls(printed)
        self.extra_calls = self._place_orphan_notes(printed)
        self.cover: list[CoverLine] = []
        self.preamble: list[Recital] = []
        self.operative: list = []
        self.closing: list[ClosingLine] = []
        self.annexes: list[tuple[list[Heading], list, Span]] = []
        # an annex's table being read: its label block and its rows (index, block) so far
        self.table: tuple[tuple[int, Block], list[tuple[int, Block]]] | None = None
        self.title = self.formula = None
        self.items: list[tuple[int, Block]] = []
        self.vote_blocks: list[tuple[int, Block]] = []
        # a text quoted by an operative paragraph: where it hangs and what it holds so far
        self.quote_owner: tuple[list, int] | None = None
        self.quote = {"formula": None, "preamble": [], "operative": []}
        # a text adopted in parts: the parts finished so far, and the label of the current one
        self.parts: list[Part] = []
        self.part_label: tuple[str, Span] | None = None
        self.part_title: Heading | None = None
        self.before_parts: tuple | None = None  # what came before the first part label

    # -- inline runs with footnote calls --------------------------------------
    def runs(self, index: int, text: str) -> tuple:
        base = self.blocks[index].line.text.find(text)
        calls = tuple((s - base, e - base, m) for s, e, m in self.plain_calls.get(index, ())
                      if base >= 0 and s >= base and e <= base + len(text))
        found, missing, dropped = inline.note_runs(text, self.markers, self.profile.rx("note_call"), calls)
        line = self.blocks[index].line.span.first
        for marker in missing:
            self.facts.warn("W013", f"footnote call {marker} has no note text", line)
        self.facts.removed(line, dropped, "footnote call printed around its marker")
        return found + self.placed_calls(index)

    def placed_calls(self, index: int) -> tuple:
        """The calls of the notes printed without one that were placed on block
        `index` (`_place_orphan_notes`), handed out once."""
        extra = self.extra_calls.pop(index, ())
        line = self.blocks[index].line.span.first
        for marker in extra:
            self.facts.edits.append(Insertion(line, marker, "call of a note printed without one"))
        return tuple(NoteRef(m) for m in extra)

    def _footnote(self, line: Line) -> Footnote:
        m = self.profile.rx("note_line").match(line.text) or _PLAIN_NOTE.match(line.text)
        self.facts.removed(line.span.first, _left_out(line.text[:m.end()], m, ("marker",)),
                           "footnote mark printed around its number")
        if m.start("marker") >= m.end():  # printed inside the note's text (a mirrored "…A/75/73 )1(")
            self.facts.edits.append(Insertion(line.span.first, m["marker"], "note marker printed inside its text"))
        return Footnote(inline.note_marker(m["marker"]), (Text(line.text[m.end():]),), line.span)

    def _printed_calls(self) -> Counter:
        """The markers of the calls printed in the running text, each as often as it is
        printed; a call in a block taken apart into fields (a vote list) is no place
        for a note, which then counts as one without a call."""
        call = self.profile.rx("note_call")
        return Counter(inline.note_marker(m["marker"]) for b in self.blocks if b.kind not in _WITHOUT_RUNS
                       for m in call.finditer(b.line.text))

    def _locate_plain_calls(self, printed: Counter) -> dict[int, list]:
        """Calls of the notes whose call is not printed as such (a plain text layer
        prints superscripts as ordinary digits); `printed`: the calls printed as such."""
        # calls are numbered in reading order, even when a note was printed out of order
        wanted = sorted((f.marker for f in self.footnotes if f.marker not in printed),
                        key=lambda m: int(m) if m.isdigit() else 0)
        if not wanted:
            return {}
        # the masthead carries symbols and dates, not calls; nor do blocks taken apart
        texts = ["" if b.kind.startswith("cover_") or b.kind in _WITHOUT_RUNS else b.line.text for b in self.blocks]
        return inline.locate_plain_calls(texts, wanted, self.profile.number_units)

    def _place_orphan_notes(self, printed: Counter) -> dict[int, list]:
        """Notes whose call is nowhere in the text go to the last block printed
        before them that carries running text (not a closing line or a vote, whose
        parts are taken apart), so their text is kept; each one is reported."""
        # two notes with one marker (a call printed as a note line of its own, notes
        # numbered again in an annex) need a call each, or the second is never shown
        called = printed + Counter(m for calls in self.plain_calls.values() for _, _, m in calls)
        placed: dict[int, list] = {}
        # the blocks that can hold a call, by first line, each with the last block
        # (in reading order) among those printed on or before it: one search a note
        hosts = sorted((b.line.span.first, i) for i, b in enumerate(self.blocks) if b.kind not in _WITHOUT_RUNS)
        firsts = [first for first, _ in hosts]
        latest = list(itertools.accumulate((i for _, i in hosts), max))
        for note in self.footnotes:
            if called[note.marker] > 0:
                called[note.marker] -= 1
                continue
            before = bisect.bisect_left(firsts, note.span.first)
            host = latest[before - 1] if before else (min(i for _, i in hosts) if hosts else 0)
            where = f"; attached to line {self.blocks[host].line.span.first}" if self.blocks else ""
            self.facts.warn("W014", f"footnote {note.marker} has no call in the text{where}", note.span.first)
            placed.setdefault(host, []).append(note.marker)
        return placed

    # -- where units go: the operative part or the current annex --------------
    def units(self, block: Block) -> list:
        if block.quoted and self.quote_owner is not None:
            return self.quote["operative"]
        return self.annexes[-1][1] if block.zone == Zone.ANNEX and self.annexes else self.operative

    def on_embedding(self, index, block):
        self.finish_quote()
        target = self.units(block)
        target.append(Paragraph(None, None, self.operative_content(self.runs(index, block.line.text)),
                                block.line.span))
        self.quote_owner = (target, len(target) - 1)

    def finish_quote(self) -> None:
        """Hang the quoted text collected so far on the paragraph that quotes it."""
        if self.quote_owner is None:
            return
        self.flush_items()
        target, position = self.quote_owner
        q = self.quote
        parts = [x.span for x in ([q["formula"]] if q["formula"] else []) + q["preamble"] + q["operative"]]
        owner = target[position]
        if parts:
            quoted = Quoted(q["formula"], tuple(q["preamble"]), tuple(q["operative"]), Span.cover(parts))
            target[position] = Paragraph(owner.num, owner.number, owner.content, owner.span | quoted.span,
                                         owner.items, owner.wrap_up, quoted)
        self.quote_owner = None
        self.quote = {"formula": None, "preamble": [], "operative": []}

    def flush_items(self) -> None:
        if not self.items:
            return
        target = self.units(self.items[0][1])
        entries, heading = [], None
        for i, b in self.items:
            if b.kind == "item_heading":  # it goes with the item under it
                heading = (self.runs(i, b.line.text), b.line.span)
            else:
                entries.append((b, self.runs(i, b.parts["text"]), heading))
                heading = None
        self.items.clear()
        if not entries:  # a heading whose item another rule took: a heading of its own
            target.append(Heading(*heading))
            return
        nested = _nest_items(entries)
        if target and isinstance(target[-1], Paragraph):
            last = target[-1]
            target[-1] = Paragraph(last.num, last.number, last.content, last.span | nested[-1].span,
                                   last.items + tuple(nested), last.wrap_up)
        else:  # items with nothing to hang from: keep them under an empty paragraph
            target.append(Paragraph(None, None, (), Span.cover(i.span for i in nested), tuple(nested)))
        if heading is not None:
            target.append(Heading(*heading))

    # -- one method per block kind ---------------------------------------------
    def add(self, index: int, block: Block) -> None:
        if self.table is not None:
            if block.zone == Zone.ANNEX and block.kind not in _TABLE_ENDS:
                self.table[1].append((index, block))  # a row, numbered or not, as printed
                return
            self.close_table()
        if block.kind not in ("item", "item_heading"):
            self.flush_items()
        if not block.quoted and block.kind != "embedding":
            self.finish_quote()
        if block.kind.startswith("cover_"):
            self.cover.append(self.cover_line(index, block))
            return
        handler = getattr(self, "on_" + block.kind, None)
        if handler is None:  # a rule was added without telling the assembler
            raise AssertionError(f"no assembly for block kind {block.kind!r}")
        handler(index, block)

    def on_part(self, index, block):
        self.close_part()
        self.part_label = (block.line.text.strip(), block.line.span)

    def close_part(self) -> None:
        """Finish the text collected since the last part label (or keep what came
        before the first label as the document's own text) and start afresh."""
        self.flush_items()
        self.finish_quote()
        vote = _vote(self.vote_blocks, self.profile, self.facts) if self.vote_blocks else None
        if self.part_label is None:
            if self.before_parts is None:
                self.before_parts = (self.formula, self.preamble, self.operative, self.closing, vote)
        else:
            self._single_operative_paragraph()
            label, span = self.part_label
            spans = [span] + [x.span for x in self.preamble + self.operative + self.closing]
            if self.part_title is not None:
                spans.append(self.part_title.span)
            self.parts.append(Part(label, Span.cover(spans), self.formula, tuple(self.preamble),
                                   tuple(self.operative), tuple(self.closing), vote, self.part_title))
        self.formula, self.preamble, self.operative, self.closing, self.vote_blocks = None, [], [], [], []
        self.part_title = None

    def on_title(self, index, block):
        p = block.parts
        if "match" in p:
            self.facts.removed(block.line.span.first, _left_out(block.line.text, p["match"], ("num", "title")),
                               "separator between the title's number and its text")
        self.title = Title(p["num"], ascii_digits(p["number"]), self.runs(index, p["title"]), block.line.span)

    on_title_number = on_title

    def on_title_sc(self, index, block):
        text, number = block.line.text, block.parts["number"]
        start = text.index(number)
        # no text of its own to hold a call: the calls of notes printed without one that
        # were placed here (the title is the first block) follow it, so their notes are kept
        self.title = Title(number, re.sub(r"\s+", " ", number.replace("（", "(").replace("）", ")")),
                           self.placed_calls(index), block.line.span, before=text[:start],
                           after=text[start + len(number):])

    def on_title_prst(self, index, block):
        self.title = Title(None, None, self.runs(index, block.line.text), block.line.span)

    on_title_draft = on_title_prst

    def on_formula(self, index, block):
        formula = Formula(self.runs(index, block.line.text), block.line.span)
        if block.quoted and self.quote_owner is not None:
            self.quote["formula"] = formula
            return
        self.formula = formula
        self.facts.body = block.parts["body"]

    def on_recital(self, index, block):
        if self._part_title(index, block):
            self.part_title = Heading(self.runs(index, block.line.text), block.line.span)
            return
        opening, content = inline.with_opening(self.runs(index, block.line.text), self.profile)
        if self._title_goes_on(index, block, opening):
            t = self.title
            self.title = Title(t.num, t.number, inline.merge(t.content + (Text(" "),) + content),
                               t.span | block.line.span, t.before, t.after)
            return
        quoted = block.quoted and self.quote_owner is not None
        (self.quote["preamble"] if quoted else self.preamble).append(Recital(opening, content, block.line.span))

    def _title_goes_on(self, index: int, block: Block, opening: str) -> bool:
        """Text right after a numbered title that does not end like a paragraph, before
        the formula and not opening like a recital, is the rest of the title (a wrapped
        title in a script without capitals, where the unwrapper cannot tell). Right
        after: the block before it is the title's last, not a part label or anything
        else that would leave a line between the title's pieces."""
        t = self.title
        if (block.zone != Zone.OPENING or block.quoted or t is None or t.num is None or self.formula is not None
                or self.preamble or opening or not t.content
                or index == 0 or self.blocks[index - 1].line.span.last != t.span.last):
            return False
        return plain(t.content).rstrip()[-1:] not in PARAGRAPH_END

    def _part_title(self, index: int, block: Block) -> bool:
        """The line right after a part's label, before its formula, that does not end
        like a paragraph, is the part's title (`B` / `United Nations global
        communications policies`): a recital ends with a comma."""
        return (self.part_label is not None and self.part_title is None and self.formula is None
                and not self.preamble and not block.quoted and block.zone == Zone.OPENING
                and index > 0 and self.blocks[index - 1].kind == "part"
                and block.line.text.rstrip()[-1:] not in PARAGRAPH_END)

    def operative_content(self, runs: tuple) -> tuple:
        """An operative paragraph's runs, its verb marked (`Decides`, `Endorses`)."""
        return inline.with_opening(runs, self.profile, "operative_phrase")[1]

    def on_operative(self, index, block):
        p = block.parts
        self.units(block).append(Paragraph(p["num"], int(ascii_digits(p["number"])),
                                           self.operative_content(self.runs(index, p["text"])), block.line.span))

    def on_unnumbered_operative(self, index, block):
        self.units(block).append(Paragraph(None, None, self.operative_content(self.runs(index, block.line.text)),
                                           block.line.span))

    def on_decision_text(self, index, block):
        """The text of a decision names its body ("…, the General Assembly took note…")."""
        if self.facts.body is None:
            named = [(block.line.text.find(name), body) for body, words in self.profile.bodies.items()
                     for name in words.names if name in block.line.text]
            self.facts.body = min(named)[1] if named else None
        self.on_paragraph(index, block)

    def on_bullet(self, index, block):
        self.units(block).append(Paragraph(block.parts["num"], None, self.runs(index, block.parts["text"]),
                                           block.line.span))

    def on_paragraph(self, index, block):
        if block.zone == Zone.ANNEX and self._annex_title_pending(block):
            self.annexes[-1][0].append(Heading(self.runs(index, block.line.text), block.line.span))
            return
        self.units(block).append(Paragraph(None, None, self.runs(index, block.line.text), block.line.span))

    def on_unclassified(self, index, block):
        self.facts.warn("W016", f"text fitted no rule, kept as an unnumbered paragraph: {block.line.text[:50]}",
                        block.line.span.first)
        self.on_paragraph(index, block)

    def on_heading(self, index, block):
        self.units(block).append(Heading(self.runs(index, block.line.text), block.line.span))

    def on_section_recital(self, index, block):
        """A preambular paragraph of a section: an unnumbered paragraph of the body."""
        _, content = inline.with_opening(self.runs(index, block.line.text), self.profile)
        self.units(block).append(Paragraph(None, None, content, block.line.span))

    def on_section(self, index, block):
        """A section heading; printed twice in a row (number and title, then both
        again, by some layouts) it is one heading."""
        units = self.units(block)
        if units and isinstance(units[-1], Heading) and plain(units[-1].content) == block.line.text:
            # the calls placed on the copy (of notes printed without one) go on with the heading
            units[-1] = Heading(units[-1].content + self.placed_calls(index), units[-1].span | block.line.span)
            self.facts.removed(block.line.span, block.line.text, "section heading printed twice")
            return
        self.on_heading(index, block)

    def on_item(self, index, block):
        self.items.append((index, block))

    on_item_heading = on_item  # the rule saw the item under it: flush_items puts it there

    def on_table_label(self, index, block):
        self.table = ((index, block), [])

    def close_table(self) -> None:
        """The table read so far, into its annex. The rows above the first numbered one
        (a paragraph number, an item label) are its title rows; a table with no numbered
        row has none (it would be all titles and no data). A table holds one row at
        least (the schemas require it): a label with none is a heading."""
        if self.table is None:
            return
        (index, label), rows = self.table
        self.table = None
        if not rows:  # a label with nothing under it (`Table 1` printed twice): no table, a heading
            self.annexes[-1][1].append(Heading(self.runs(index, label.line.text), label.line.span))
            return
        numbered = next((n for n, (_, b) in enumerate(rows) if b.kind in _NUMBERED_ROWS), 0)
        made = tuple(TableRow(self.runs(i, b.line.text), b.line.span, n < numbered)
                     for n, (i, b) in enumerate(rows))
        span = Span.cover([label.line.span] + [r.span for r in made])
        self.annexes[-1][1].append(Table(self.runs(index, label.line.text), made, span))

    def on_annex(self, index, block):
        self.annexes.append(([Heading(self.runs(index, block.line.text), block.line.span)], [], block.line.span))

    def _annex_title_pending(self, block: Block) -> bool:
        """Short unpunctuated lines right after `Annex` are the annex's titles."""
        return bool(self.annexes) and not self.annexes[-1][1] and looks_like_heading(block.line.text)

    def on_closing_after_vote(self, index, block):
        self.on_closing(index, block)

    def on_closing(self, index, block):
        meeting, date = block.parts["meeting"], block.parts["date"]
        iso = _iso_any(date, self.profile)
        content = self._dated(block.line.text, (meeting.span(), meeting["number"]) if meeting else None,
                              (date.span(), iso) if date and iso else None)
        self.closing.append(ClosingLine("adoption", content, block.line.span))

    def on_closing_other(self, index, block):
        self.facts.warn("W016", f"text after the operative part fitted no rule: {block.line.text[:50]}",
                        block.line.span.first)
        self.closing.append(ClosingLine("other", self.runs(index, block.line.text), block.line.span))

    def on_vote_intro(self, index, block):
        self.vote_blocks.append((index, block))

    on_vote_intro_again = on_vote_label = on_vote_list = on_vote_intro

    # -- masthead ----------------------------------------------------------------
    def cover_line(self, index: int, block: Block) -> CoverLine:
        kind, text, parts, span = block.kind.removeprefix("cover_"), block.line.text, block.parts, block.line.span
        content, value = self.runs(index, text), None
        unmarked = len(content) == 1  # only plain text can be marked up further
        if kind == "symbol":
            value = self.facts.symbol = parts["symbol"]
        elif kind == "body":
            value = parts["body"]
            self.facts.body = self.facts.body or value
        elif kind == "session":
            number = _session_number(parts["ordinal"], self.profile)
            value = self.facts.session = str(number) if number else None
        elif kind == "session_dates":
            dated, value = _session_dates(text, self.profile)
            content = dated if unmarked else content
        elif kind == "agenda_item":
            value = parts["item"].strip()
        elif kind in ("adoption", "distribution", "date", "sc_adoption"):
            date = masthead_date(text, self.profile)
            iso = _iso_any(date, self.profile)
            if kind in ("adoption", "sc_adoption"):
                value = self.facts.adoption_date = iso
            else:
                value = self.facts.issue_date = self.facts.issue_date or iso
            meeting = None
            if parts.get("meeting"):
                start = parts["match"].start("meeting")
                found = self.profile.rx("meeting").search(parts["meeting"])
                number = found["number"] if found else re.sub(r"\D", "", parts["meeting"])
                meeting = ((start, start + len(parts["meeting"])), number)
            if unmarked:
                content = self._dated(text, meeting, (date.span(), iso) if date and iso else None)
            if kind == "adoption":
                self._adoption_kind(parts)
        return CoverLine(kind, content, span, value)

    def _adoption_kind(self, parts: dict) -> None:
        doc_type = self.profile.doc_kinds.get(parts.get("kind", ""))
        if doc_type and self.facts.doc_type == "resolution":
            self.facts.doc_type = doc_type
        for body, words in self.profile.bodies.items():
            if any(name in parts.get("body", "") for name in words.names):
                self.facts.body = self.facts.body or body

    def _dated(self, text: str, meeting: tuple | None, date: tuple | None) -> tuple:
        """Text with its meeting ((start, end), number) and date ((start, end), iso) marked."""
        marks = []
        if meeting is not None:
            (start, end), number = meeting
            marks.append(((start, end), Meeting(text[start:end], _meeting_number(number, self.profile))))
        if date is not None:
            (start, end), iso = date
            marks.append(((start, end), DateText(text[start:end], iso)))
        return _marked(text, sorted(marks, key=lambda m: m[0]))

    # -- the end -----------------------------------------------------------------
    def build(self, source: str, notes: tuple[Line, ...]) -> Document:
        self.close_table()
        if self.part_label is not None:
            self.close_part()
            self.formula, preamble, operative, closing, vote = self.before_parts
            self.preamble, self.operative, self.closing = list(preamble), list(operative), list(closing)
        else:
            self.flush_items()
            self.finish_quote()
            vote = _vote(self.vote_blocks, self.profile, self.facts) if self.vote_blocks else None
            self._single_operative_paragraph()
        meta = self._metadata()
        _check(meta, self.title, self.formula or next((p.formula for p in self.parts if p.formula), None),
               self.operative, self.facts, self.blocks)
        for part in self.parts:
            _check_numbering(part.operative, self.facts)
        spans = [b.line.span for b in self.blocks] + [n.span for n in notes]
        annexes = tuple(Annex(tuple(h), tuple(u), Span.cover([s] + [x.span for x in h + u]))
                        for h, u, s in self.annexes)
        return Document(source=source, meta=meta, span=Span.cover(spans) if spans else Span(1, 1),
                        cover=tuple(self.cover), title=self.title, formula=self.formula,
                        preamble=tuple(self.preamble), operative=tuple(self.operative),
                        footnotes=tuple(self.footnotes), closing=tuple(self.closing), vote=vote,
                        annexes=annexes, parts=tuple(self.parts))

    def _single_operative_paragraph(self) -> None:
        """A last paragraph no rule took as operative (numbers that cannot start the
        operative part before it, in a text that has numbers: see the rule
        `unnumbered_operative` for one that has none) is operative when nothing else
        is and it does not end like a preambular paragraph (with a comma)."""
        if self.operative or not self.preamble or self.facts.doc_type not in _STATEMENTS:
            return
        last = self.preamble[-1]
        text = plain(last.content).rstrip()
        if text and text[-1] not in PREAMBULAR_ENDS | SEMICOLONS:
            self.preamble.pop()
            self.operative.append(Paragraph(None, None, self.operative_content(last.content), last.span))

    def _statement_date(self) -> str | None:
        """A presidential statement is dated in its opening sentence ("On 19 April 2021, …")."""
        if self.facts.doc_type != "presidentialStatement" or not self.operative:
            return None
        first = self.operative[0]
        text = plain(first.content)[:200] if isinstance(first, Paragraph) else ""
        return _iso_any(self.profile.rx("date").search(text), self.profile)

    def _metadata(self) -> Metadata:
        closing = self.closing + [c for part in self.parts for c in part.closing]
        dates = [r.iso for c in closing for r in c.content if isinstance(r, DateText)]
        meetings = [r.number for c in closing + self.cover for r in c.content if isinstance(r, Meeting)]
        adoption = (dates[0] if dates else None) or self.facts.adoption_date or self._statement_date()
        doc_type = self.facts.doc_type
        number = self.title.number if self.title else None
        symbol = self.facts.symbol or self.facts.header_symbol
        printed = symbol is not None
        body = self.facts.body or _body_of_symbol(symbol)
        if symbol is None and body and number:
            symbol = derive_symbol(BODIES[body], doc_type, number, adoption[:4] if adoption else None)
        return Metadata(lang=self.profile.code, body=body, doc_type=doc_type, number=number, symbol=symbol,
                        symbol_printed=printed, session=self.facts.session, adoption_date=adoption,
                        meeting=meetings[0] if meetings else None, issue_date=self.facts.issue_date)


def assemble(blocks: list[Block], notes: tuple[Line, ...], profile: Profile,
             source: str, header_symbol: str | None = None) -> tuple[Document, list[Diagnostic], list]:
    builder = _Builder(blocks, notes, profile)
    builder.facts.header_symbol = header_symbol
    for index, block in enumerate(blocks):
        if block.kind in ("cover_decision", "decision_text"):
            builder.facts.doc_type = "decision"
        elif block.kind == "title_prst":
            builder.facts.doc_type = "presidentialStatement"
        elif block.kind == "title_draft" or block.parts.get("doc_type") == "draftResolution":
            builder.facts.doc_type = "draftResolution"
        elif block.parts.get("doc_type") and builder.facts.doc_type == "resolution":
            builder.facts.doc_type = block.parts["doc_type"]
        builder.add(index, block)
    document = builder.build(source, notes)
    return document, builder.facts.diagnostics, builder.facts.edits


# --------------------------------------------------------------------------- helpers

def _iso_any(date: re.Match | None, profile: Profile) -> str | None:
    """ISO form of a matched date, in the document's language or in English."""
    if date is None:
        return None
    from ..languages import load

    return inline.iso_date(date.groupdict(), profile) or inline.iso_date(date.groupdict(), load("en"))


def _left_out(text: str, match: re.Match, kept: tuple[str, ...]) -> str:
    """The characters of `text` outside the groups `kept` of `match` (which matched
    `text`): what a pattern recognised and the model does not keep as text.

    >>> _left_out("77/408 - Title", re.match(r"(?P<num>[\\d/]+) - (?P<title>.*)", "77/408 - Title"), ("num", "title"))
    ' - '
    """
    spans = sorted(match.span(g) for g in kept if g in match.re.groupindex and match.group(g) is not None)
    out, pos = [], 0
    for start, end in spans:
        if start >= pos:
            out.append(text[pos:start])
            pos = end
    out.append(text[pos:])
    return "".join(out)


def _marked(text: str, marks: list) -> tuple:
    """Text with the given character ranges replaced by marked runs."""
    runs, pos = [], 0
    for (start, end), run in marks:
        if start < pos:
            continue
        runs += [Text(text[pos:start]), run]
        pos = end
    runs.append(Text(text[pos:]))
    return tuple(r for r in runs if not (isinstance(r, Text) and not r.text))


def _session_dates(text: str, profile: Profile) -> tuple[tuple, str | None]:
    """Dates of a session line; each end lends the other what it leaves out
    (`2018年6月18日至7月6日`, `11 September–13 October 2023`)."""
    m = profile.rx("session_dates").match(text)
    start = profile.rx("partial_date").match(m["start"].strip()) if m else None
    end = profile.rx("partial_date").match(m["end"].strip()) if m else None
    if not (start and end):
        return (Text(text),), None
    s, e = start.groupdict(), end.groupdict()
    end_iso, start_iso = inline.iso_date(e, profile, s), inline.iso_date(s, profile, e)
    if not (start_iso and end_iso):
        return (Text(text),), None
    marks = [(m.span("start"), DateText(m["start"], start_iso)), (m.span("end"), DateText(m["end"], end_iso))]
    return _marked(text, marks), f"{start_iso}/{end_iso}"


def _meeting_number(number: str, profile: Profile) -> str:
    """"34", "٣٤" or a word ("الأولى", the first) as digits; the printed form when unknown."""
    digits = ascii_digits(number.strip())
    if digits.isdigit():
        return digits
    value = word_number(number, dict(profile.number_words)) if profile.number_words else None
    return str(value) if value else number


def _session_number(ordinal: str, profile: Profile) -> int | None:
    ordinal = ascii_digits(ordinal.strip())
    if ordinal.isdigit():
        return int(ordinal)
    if profile.numerals == "cjk":
        return cjk_number(ordinal)
    if profile.numerals == "words":
        return word_number(ordinal, dict(profile.number_words))
    return None


def _body_of_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    for prefix, body in (("A/HRC/", "HRC"), ("A/", "GA"), ("S/", "SC"), ("E/", "ECOSOC")):
        if symbol.startswith(prefix):
            return body
    return None


# --------------------------------------------------------------------------- items

@dataclass
class _Node:
    block: Block
    content: tuple
    heading: tuple[tuple, Span] | None  # the runs and lines of the heading over it
    style: str
    value: int
    children: list = field(default_factory=list)

    def freeze(self) -> Item:
        kids = tuple(c.freeze() for c in self.children)
        span = self.block.line.span if not kids else self.block.line.span | kids[-1].span
        runs = ()
        if self.heading is not None:
            runs, heading_span = self.heading
            span = span | heading_span
        num = _SPACE_IN_LABEL.sub("", self.block.parts["num"])
        return Item(num, _label(self.block.parts), self.content, span, kids, runs)


# "( j)": a text layer spaces a letter whose glyph reaches left (the PDF prints "(j)")
_SPACE_IN_LABEL = re.compile(r"(?<=[(（])\s+")


def _label(parts: dict) -> str:
    """The letters of an item label, whichever form the profile matched ("(a)", "a.",
    "㈠", "(一)"); a dash has none."""
    return (parts.get("label") or parts.get("dotted") or parts.get("ideograph") or parts.get("numeral")
            or "")


_FIRST_IDEOGRAPH = ord(IDEOGRAPH_LABELS[0])  # "㈠", (一)


def _label_values(parts: dict) -> dict[str, int]:
    """The places an item's label can hold, by numbering style: `(i)` is the ninth
    letter or the first roman numeral; `㈠` and `(一)` the first of the Chinese
    numbering; a dash is any item of a dash list (its value counts from 1)."""
    if parts.get("dash"):
        return {"dash": 0}
    if ideograph := parts.get("ideograph"):
        return {"chinese": ord(ideograph) - _FIRST_IDEOGRAPH + 1}
    if numeral := parts.get("numeral"):
        return {"chinese": cjk_number(numeral)}
    label, values = _label(parts), {}
    if (v := letter_value(label)) is not None:
        values["letter"] = v
    if (v := roman_value(label)) is not None:
        values["roman"] = v
    return values


def _continues(values: dict[str, int], style: str, last: int) -> bool:
    """The label is the next one of a list in `style` whose last item was `last`."""
    return style in values and (style == "dash" or values[style] == last + 1)


def _place(values: dict[str, int], style: str, last: int = 0) -> int:
    """The value of an item in a list of `style` after the item valued `last`: its
    label's, or for a dash the next one."""
    return last + 1 if style == "dash" else values.get(style, 0)


def _nest_items(entries: list[tuple[Block, tuple, tuple | None]]) -> list[Item]:
    """Nest items by their label sequence.

    `(i)` after `(h)` continues the letters; `(i)` after `(a)` opens a deeper list of
    roman numerals; a label that continues an outer level closes the deeper ones. A
    label that continues a list closed before goes on with it one level down: under
    `㈠` the letters run (a)–(g), under `㈡` they go on at (h).
    """
    top: list[_Node] = []
    levels: list[list[_Node]] = []  # open levels, outermost first; each holds its items
    closed: dict[str, int] = {}  # the last value of each style whose list a shallower label closed
    for block, content, heading in entries:
        values = _label_values(block.parts)
        placed = False
        for depth in range(len(levels) - 1, -1, -1):
            level = levels[depth]
            style, last = level[-1].style, level[-1].value
            if _continues(values, style, last):
                for gone in levels[depth + 1:]:
                    closed[gone[-1].style] = gone[-1].value
                del levels[depth + 1:]
                node = _Node(block, content, heading, style, _place(values, style, last))
                level.append(node)
                (levels[depth - 1][-1].children if depth else top).append(node)
                placed = True
                break
        if placed:
            continue
        first_style = next((s for s, v in values.items() if v == 1 or s == "dash"), None)
        resumed = next((s for s, v in values.items() if s in closed and v == closed[s] + 1), None)
        deeper = first_style or resumed
        if deeper and levels and deeper != levels[-1][-1].style:
            node = _Node(block, content, heading, deeper, _place(values, deeper))
            levels[-1][-1].children.append(node)
            levels.append([node])
            closed.pop(deeper, None)
            continue
        # a fresh list, or a label out of sequence: keep it at the current depth
        style = first_style or ("letter" if "letter" in values else "roman" if "roman" in values
                                else next(iter(values), "roman"))
        node = _Node(block, content, heading, style, _place(values, style))
        if levels:
            parent = levels[-2][-1].children if len(levels) > 1 else top
            parent.append(node)
            levels[-1].append(node)
        else:
            top.append(node)
            levels.append([node])
    return [n.freeze() for n in top]


# --------------------------------------------------------------------------- vote

def _vote(entries: list[tuple[int, Block]], profile: Profile, facts: _Facts) -> Vote:
    entries = _without_echo(entries, facts)
    _, intro = entries[0]
    groups: list[tuple[str, str, str, Span]] = []  # key, label, list text, span
    intro_text, intro_span = intro.line.text, intro.line.span
    for _, block in entries[1:]:
        if block.kind == "vote_label":
            groups.append((block.parts["key"], block.parts["label"] + block.parts["colon"],
                           block.parts["rest"], block.line.span))
        elif groups:  # the list goes on: a hyphen the join closes up is recorded (conservation)
            key, label, text, span = groups[-1]
            line = (joined(Line(text, span), block.line.text, block.line.span, facts.edits) if text
                    else Line(block.line.text, span | block.line.span))
            groups[-1] = (key, label, line.text, line.span)
        else:  # text before any label: part of the outcome sentence
            line = joined(Line(intro_text, intro_span), block.line.text, block.line.span, facts.edits)
            intro_text, intro_span = line.text, line.span
    content = inline.quantity_runs(intro_text, profile)
    vote_groups = tuple(VoteGroup(key, label, inline.name_runs(text, profile), span)
                        for key, label, text, span in groups)
    span = Span.cover([intro_span] + [g.span for g in vote_groups])
    vote = Vote(intro.parts["outcome"], content, span, vote_groups)
    for group in vote_groups:
        count = vote.count(group.key)
        if count is not None and count != len(group.names):
            facts.warn("W015", f"vote count {count} for '{group.label}' but {len(group.names)} names listed",
                       group.span.first)
    return vote


def _without_echo(entries: list[tuple[int, Block]], facts: _Facts) -> list[tuple[int, Block]]:
    """The vote block from its last outcome line, when what comes before it is the
    same outcome and its labels with no names: a layer that reads a two-column vote
    table prints the headings once on their own, then again with the lists. The
    dropped lines are reported (their text stays in the document once)."""
    entries = _split_glued_echo(entries)
    last = max(i for i, (_, block) in enumerate(entries) if block.kind.startswith("vote_intro"))
    echo = entries[:last]
    if not last or any(b.kind == "vote_label" and b.parts["rest"].strip() for _, b in echo):
        return entries
    if any(b.kind not in ("vote_intro", "vote_intro_again", "vote_label") for _, b in echo):
        return entries
    for _, block in echo:
        facts.warn("I005", f"printed again below, kept once: {block.line.text[:60]}", block.line.span.first)
        facts.removed(block.line.span, block.line.text, "vote heading printed twice")
    return entries[last:]


def _split_glued_echo(entries: list[tuple[int, Block]]) -> list[tuple[int, Block]]:
    """A layer can print the second outcome line on the line of the echo's last label
    ("Abstenciones: [Aprobada en votación registrada por 27 votos …"): such a label,
    whose rest is the very outcome sentence printed above, is cut into the empty label
    and the outcome line again, so that the echo is seen for what it is."""
    intros = [b for _, b in entries if b.kind.startswith("vote_intro")]
    if not intros:
        return entries
    outcome, printed = intros[0].parts.get("outcome"), intros[0].line.text.strip()
    out = []
    for index, block in entries:
        rest = block.parts.get("rest", "") if block.kind == "vote_label" else ""
        if rest.strip() and rest.strip() == printed and block.line.text.endswith(rest):
            label = block.line.text[:len(block.line.text) - len(rest)]
            out.append((index, replace(block, line=replace(block.line, text=label), parts={**block.parts, "rest": ""})))
            out.append((index, replace(block, kind="vote_intro_again", line=replace(block.line, text=rest),
                                       parts={"outcome": outcome})))
        else:
            out.append((index, block))
    return out


# --------------------------------------------------------------------------- checks

def _check(meta, title, formula, operative, facts: _Facts, blocks: list[Block]) -> None:
    first_line = blocks[0].line.span.first if blocks else None
    if title is None:
        facts.warn("W010", "no title line (like '38/3. Title') was found", first_line)
    if formula is None and meta.doc_type == "resolution":
        facts.warn("W011", "no enacting formula (like 'The Human Rights Council,') was found", first_line)
    if meta.body is None:
        facts.warn("W018", "the adopting body could not be determined", first_line)
    if meta.adoption_date is None and meta.doc_type != "draftResolution":
        facts.warn("W017", "no adoption date was found", first_line)
    _check_numbering(operative, facts)


def _check_numbering(operative, facts: _Facts) -> None:
    """Gaps and repeats in the numbering of one run of operative paragraphs."""
    previous = 0
    for paragraph in operative:
        if not isinstance(paragraph, Paragraph) or paragraph.number is None:
            continue
        n = paragraph.number
        if n == 1:
            previous = 0  # the numbering starts again in each section of a resolution in sections
        if n == previous + 2:
            facts.warn("W012", f"operative paragraph {previous + 1} missing ({previous or 'start'} → {n})",
                       paragraph.span.first)
        elif n > previous + 2:
            facts.warn("W012", f"operative paragraphs {previous + 1}–{n - 1} missing "
                               f"({previous or 'start'} → {n})", paragraph.span.first)
        elif n <= previous:
            facts.warn("W019", f"operative paragraph {n} follows {previous}", paragraph.span.first)
        previous = max(previous, n)
