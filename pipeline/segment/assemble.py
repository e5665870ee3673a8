"""The assembler: classified blocks in, the frozen document model out.

It nests items under their paragraphs, puts every footnote back at its call, turns
the vote block into counts and names, derives the metadata (body, symbol, dates)
and reports what looks wrong as diagnostics.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..bodies import BODIES, derive_symbol
from ..diagnostics import Diagnostic
from ..fixes.base import Line
from ..languages import Profile
from ..model import (ClosingLine, CoverLine, DateText, Document, Footnote, Formula, Item, Metadata, NoteRef,
                     Paragraph, Recital, Span, Text, Title, Vote, VoteGroup)
from ..numerals import cjk_number, letter_value, roman_value, word_number
from ..scripts import SUPERSCRIPT_DIGITS, from_superscript, join_fragments
from . import inline
from .rules import Block

_NOTE_LINE = re.compile(f"^(?P<marker>[{SUPERSCRIPT_DIGITS}]+)\\s*(?P<text>.*)$")
_SUPERSCRIPTS = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")


@dataclass
class _Facts:
    """What the assembler learns on the way, before the metadata is frozen."""

    body: str | None = None
    doc_type: str | None = None
    session: str | None = None
    adoption_line_date: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, code: str, message: str, line: int | None):
        self.diagnostics.append(Diagnostic(code, message, line))


def assemble(blocks: list[Block], notes: tuple[Line, ...], profile: Profile,
             source: str) -> tuple[Document, list[Diagnostic]]:
    facts = _Facts()
    footnotes = _footnotes(notes, facts)
    markers = {f.marker for f in footnotes}
    extra_calls = _place_orphan_notes(blocks, footnotes, facts)

    def runs(block_index: int, text: str) -> tuple:
        found, missing = inline.note_runs(text, markers)
        for marker in missing:
            facts.warn("W013", f"footnote call {marker} has no note text", blocks[block_index].line.span.first)
        return found + tuple(NoteRef(m) for m in extra_calls.get(block_index, ()))

    cover, preamble, operative, closing = [], [], [], []
    title = formula = vote = None
    items: list[tuple[int, Block]] = []
    vote_blocks: list[tuple[int, Block]] = []

    def flush_items():
        if items and operative:
            last = operative[-1]
            nested = _nest_items([(b, runs(i, b.parts["text"])) for i, b in items])
            operative[-1] = Paragraph(last.num, last.number, last.content, last.span | nested[-1].span,
                                      tuple(nested))
        items.clear()

    for index, block in enumerate(blocks):
        kind, line, parts = block.kind, block.line, block.parts
        if kind != "item":
            flush_items()
        if kind == "cover":
            cover.append(_cover_line(line, runs(index, line.text), profile, facts))
        elif kind == "title":
            title = Title(parts["num"], parts["number"], runs(index, parts["title"]), line.span)
        elif kind == "formula":
            formula = Formula(runs(index, line.text), line.span)
            facts.body = parts["body"]
        elif kind == "recital":
            opening, content = inline.with_opening(runs(index, line.text), profile)
            preamble.append(Recital(opening, content, line.span))
        elif kind == "operative":
            _, content = inline.with_opening(runs(index, parts["text"]), profile, "operative_phrase")
            operative.append(Paragraph(parts["num"], int(parts["number"]), content, line.span))
        elif kind == "item":
            items.append((index, block))
        elif kind == "unclassified":
            facts.warn("W016", f"text fitted no rule, kept as an unnumbered paragraph: {line.text[:50]}",
                       line.span.first)
            operative.append(Paragraph(None, None, runs(index, line.text), line.span))
        elif kind == "closing_date":
            closing.append(ClosingLine("date", runs(index, line.text), line.span,
                                       inline.iso_date(parts, profile)))
        elif kind == "closing_meeting":
            closing.append(ClosingLine("meeting", runs(index, line.text), line.span, parts["number"]))
        elif kind == "closing_other":
            facts.warn("W016", f"text after the operative part fitted no rule: {line.text[:50]}",
                       line.span.first)
            closing.append(ClosingLine("other", runs(index, line.text), line.span))
        elif kind in ("vote_intro", "vote_label", "vote_list"):
            vote_blocks.append((index, block))
        else:  # a rule was added without telling the assembler
            raise AssertionError(f"no assembly for block kind {kind!r}")
    flush_items()
    if vote_blocks:
        vote = _vote(vote_blocks, profile, facts)

    meta = _metadata(profile, title, closing, facts)
    _check(meta, title, formula, operative, vote, facts, blocks)
    span = Span.cover([b.line.span for b in blocks] + [n.span for n in notes]) if blocks else Span(1, 1)
    document = Document(source=source, meta=meta, span=span, cover=tuple(cover), title=title,
                        formula=formula, preamble=tuple(preamble), operative=tuple(operative),
                        footnotes=tuple(footnotes), closing=tuple(closing), vote=vote)
    return document, facts.diagnostics


# --------------------------------------------------------------------------- footnotes

def _footnotes(notes: tuple[Line, ...], facts: _Facts) -> list[Footnote]:
    out = []
    for line in notes:
        m = _NOTE_LINE.match(line.text)
        out.append(Footnote(from_superscript(m["marker"]), (Text(m["text"]),), line.span))
    return out


def _place_orphan_notes(blocks: list[Block], footnotes: list[Footnote], facts: _Facts) -> dict[int, list]:
    """Notes whose call is nowhere in the text go to the block printed before them,
    so their text is kept; each one is reported."""
    called = {from_superscript(m) for b in blocks for m in _SUPERSCRIPTS.findall(b.line.text)}
    placed: dict[int, list] = {}
    for note in footnotes:
        if note.marker in called:
            continue
        host = max((i for i, b in enumerate(blocks) if b.line.span.first < note.span.first), default=0)
        facts.warn("W014", f"footnote {note.marker} has no call in the text; attached to line "
                           f"{blocks[host].line.span.first}" if blocks else
                           f"footnote {note.marker} has no call in the text", note.span.first)
        placed.setdefault(host, []).append(note.marker)
    return placed


# --------------------------------------------------------------------------- cover

def _cover_line(line: Line, content: tuple, profile: Profile, facts: _Facts) -> CoverLine:
    text = line.text.strip()
    for body, words in profile.bodies.items():
        if text in words.names:
            facts.body = facts.body or body
            return CoverLine("body", content, line.span, body)
    m = profile.rx("session").match(text)
    if m:
        value = _session_number(m["ordinal"], profile)
        facts.session = str(value) if value else None
        return CoverLine("session", content, line.span, facts.session)
    m = profile.rx("session_dates").match(text)
    if m:
        dated, value = _session_dates(text, m, profile)
        return CoverLine("session_dates", dated if len(content) == 1 else content, line.span, value)
    m = profile.rx("agenda_item").match(text)
    if m:
        return CoverLine("agenda_item", content, line.span, m["item"].strip())
    m = profile.rx("adoption_line").match(text)
    if m:
        facts.doc_type = profile.doc_kinds.get(m["kind"])
        for body, words in profile.bodies.items():
            if any(name in m["body"] for name in words.names):
                facts.body = facts.body or body
        date = profile.rx("date").search(m["date"])
        facts.adoption_line_date = inline.iso_date(date.groupdict(), profile) if date else None
        if facts.adoption_line_date and len(content) == 1:
            content = _with_dates(text, [(m.span("date"), facts.adoption_line_date)])
        return CoverLine("adoption", content, line.span, facts.adoption_line_date)
    return CoverLine("other", content, line.span)


def _session_dates(text: str, m: re.Match, profile: Profile) -> tuple[tuple, str | None]:
    """Dates of a session line; each end lends the other what it leaves out
    (`2018年6月18日至7月6日`, `11 September–13 October 2023`)."""
    start = profile.rx("partial_date").match(m["start"].strip())
    end = profile.rx("partial_date").match(m["end"].strip())
    if not (start and end):
        return (Text(text),), None
    s, e = start.groupdict(), end.groupdict()
    end_iso = inline.iso_date(e, profile, s)
    start_iso = inline.iso_date(s, profile, e)
    if not (start_iso and end_iso):
        return (Text(text),), None
    return (_with_dates(text, [(m.span("start"), start_iso), (m.span("end"), end_iso)]),
            f"{start_iso}/{end_iso}")


def _with_dates(text: str, dates: list[tuple[tuple[int, int], str]]) -> tuple:
    """Text with the given character ranges marked as dates."""
    runs, pos = [], 0
    for (start, end), iso in dates:
        runs += [Text(text[pos:start]), DateText(text[start:end], iso)]
        pos = end
    runs.append(Text(text[pos:]))
    return tuple(r for r in runs if not (isinstance(r, Text) and not r.text))


def _session_number(ordinal: str, profile: Profile) -> int | None:
    if ordinal.isdigit():
        return int(ordinal)
    if profile.numerals == "cjk":
        return cjk_number(ordinal)
    if profile.numerals == "words":
        return word_number(ordinal, dict(profile.number_words))
    return None


# --------------------------------------------------------------------------- items

@dataclass
class _Node:
    block: Block
    content: tuple
    style: str
    value: int
    children: list = field(default_factory=list)

    def freeze(self) -> Item:
        kids = tuple(c.freeze() for c in self.children)
        span = self.block.line.span if not kids else self.block.line.span | kids[-1].span
        return Item(self.block.parts["num"], self.block.parts["label"], self.content, span, kids)


def _label_values(label: str) -> dict[str, int]:
    values = {}
    if (v := letter_value(label)) is not None:
        values["letter"] = v
    if (v := roman_value(label)) is not None:
        values["roman"] = v
    return values


def _nest_items(entries: list[tuple[Block, tuple]]) -> list[Item]:
    """Nest items by their label sequence.

    `(i)` after `(h)` continues the letters; `(i)` after `(a)` opens a deeper list of
    roman numerals; a label that continues an outer level closes the deeper ones.
    """
    top: list[_Node] = []
    levels: list[list[_Node]] = []  # open levels, outermost first; each holds its items
    for block, content in entries:
        values = _label_values(block.parts["label"])
        placed = False
        for depth in range(len(levels) - 1, -1, -1):
            level = levels[depth]
            style, last = level[-1].style, level[-1].value
            if values.get(style) == last + 1:
                del levels[depth + 1:]
                node = _Node(block, content, style, values[style])
                level.append(node)
                (levels[depth - 1][-1].children if depth else top).append(node)
                placed = True
                break
        if placed:
            continue
        first_style = "letter" if values.get("letter") == 1 else "roman" if values.get("roman") == 1 else None
        if first_style and levels and not (first_style == levels[-1][-1].style):
            node = _Node(block, content, first_style, 1)
            levels[-1][-1].children.append(node)
            levels.append([node])
            continue
        # a fresh list, or a label out of sequence: keep it at the current depth
        style = first_style or ("letter" if "letter" in values else "roman")
        node = _Node(block, content, style, values.get(style, 0))
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
    intro_index, intro = entries[0]
    groups: list[tuple[str, str, str, Span]] = []  # key, label, list text, span
    for _, block in entries[1:]:
        if block.kind == "vote_label":
            groups.append((block.parts["key"], block.parts["label"] + block.parts["colon"],
                           block.parts["rest"], block.line.span))
        elif groups:
            key, label, text, span = groups[-1]
            groups[-1] = (key, label, join_fragments(text, block.line.text) if text else block.line.text,
                          span | block.line.span)
        else:  # list text before any label: part of the outcome sentence
            intro = Block(intro.kind, Line(join_fragments(intro.line.text, block.line.text),
                                           intro.line.span | block.line.span), intro.parts)
    content = inline.quantity_runs(intro.line.text, profile)
    vote_groups = tuple(VoteGroup(key, label, inline.name_runs(text, profile), span)
                        for key, label, text, span in groups)
    span = Span.cover([intro.line.span] + [g.span for g in vote_groups])
    vote = Vote(intro.parts["outcome"], content, span, vote_groups)
    for group in vote_groups:
        count = vote.count(group.key)
        if count is not None and count != len(group.names):
            facts.warn("W015", f"vote count {count} for '{group.label}' but {len(group.names)} names listed",
                       group.span.first)
    return vote


# --------------------------------------------------------------------------- metadata

def _metadata(profile: Profile, title: Title | None, closing: list[ClosingLine], facts: _Facts) -> Metadata:
    adoption = next((c.value for c in closing if c.kind == "date" and c.value), None) or facts.adoption_line_date
    meeting = next((c.value for c in closing if c.kind == "meeting"), None)
    doc_type = facts.doc_type or "resolution"
    number = title.number if title else None
    symbol = None
    if facts.body and number:
        symbol = derive_symbol(BODIES[facts.body], doc_type, number, adoption[:4] if adoption else None)
    return Metadata(lang=profile.code, body=facts.body, doc_type=doc_type, number=number, symbol=symbol,
                    symbol_printed=False, session=facts.session, adoption_date=adoption, meeting=meeting)


def _check(meta, title, formula, operative, vote, facts: _Facts, blocks: list[Block]) -> None:
    first_line = blocks[0].line.span.first if blocks else None
    if title is None:
        facts.warn("W010", "no numbered title line (like '38/3. Title') was found", first_line)
    if formula is None and meta.doc_type == "resolution":
        facts.warn("W011", "no enacting formula (like 'The Human Rights Council,') was found", first_line)
    if meta.body is None:
        facts.warn("W018", "the adopting body could not be determined", first_line)
    if meta.adoption_date is None:
        facts.warn("W017", "no adoption date was found", first_line)
    previous = 0
    for paragraph in operative:
        if paragraph.number is None:
            continue
        n = paragraph.number
        if n == previous + 2:
            facts.warn("W012", f"operative paragraph {previous + 1} missing ({previous or 'start'} → {n})",
                       paragraph.span.first)
        elif n > previous + 2:
            facts.warn("W012", f"operative paragraphs {previous + 1}–{n - 1} missing "
                               f"({previous or 'start'} → {n})", paragraph.span.first)
        elif n <= previous:
            facts.warn("W019", f"operative paragraph {n} follows {previous}", paragraph.span.first)
        previous = max(previous, n)
