"""Text conservation: every visible character of the input reaches the output, or a
record says where it went.

The accounting has two halves, both exact (character counts must be equal, not just
"most of the text is there"):

1. Input → model. The clean and segment stages record every character they delete
   (`Removal`: page furniture, control and bidi characters, a hyphen at a line end,
   the brackets of an Arabic footnote call…) and every one they add (`Insertion`: a
   hyphen a line end had taken away…), each with an input line. Every node of the
   model that holds text knows the input lines it came from (its `Span`); text that a
   fix moves from one line to another widens the span of the line that receives it,
   so the move is recorded there. The input lines are cut into *groups*: the spans of
   the nodes, overlapping ones merged. For each group, the visible characters of its
   input lines, less the removals and plus the insertions recorded on them, must be
   exactly the visible characters of the nodes in it; and the groups must follow each
   other in the model in input order (footnotes aside: their texts are moved to their
   calls on purpose). Within a group the order may change — that is where the fixes
   put a right-to-left run back in reading order, a paragraph end printed before its
   paragraph after it, a paragraph number to the start of its line.
2. Model → AKN. The AKN body holds exactly the visible characters of the model's
   running text (each footnote stands for its call, as its marker), and each footnote
   of the model is the content of one or more notes of the AKN, and nothing else is.

Some placements are structural and tolerated by joining groups: the masthead lines,
the title and the enacting formula form one group (AKN4UN puts a masthead line in the
cover page or the preface by what it is, not where it was printed, and the formula
at the head of the preamble, before any text printed between it and the title; a
part's formula joins its label, a quoted text's formula the paragraph quoting it),
and so do the closing lines and the vote (the conclusions hold the date and meeting,
then the vote). Visible means: not whitespace, after NFC (a group whose characters
differ only in how they compose is compared decomposed: a fix that takes out a
control character from between a letter and its combining mark composes them, `I`
and an ogonek into `Į`, and loses nothing); digits are compared by
value, so a superscript call `¹` or an Arabic-Indic `١` matches the note marker `1`
that replaces it.

Why in every conversion and not only in the tests: a fix that loses text on one
archive's layout would otherwise go unseen until someone reads the output; the check
is linear in the size of the document and costs a fraction of the conversion.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from lxml import etree

from .fixes.base import Insertion, Removal
from .model import Annex, Document, Heading, Item, NoteRef, Span, Table
from .validate import AKN_NAMESPACE

_OTHER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９"
_DIGITS = str.maketrans({c: str(unicodedata.digit(c)) for c in _OTHER_DIGITS})
_OTHER_DIGIT = re.compile(f"[{_OTHER_DIGITS}]")
_MAX_PROBLEMS = 5  # differences reported per document; the first ones tell where to look


def visible(text: str) -> str:
    """The characters that count: NFC, no whitespace, digits of any form as ASCII.

    >>> visible("报告¹；\\n ١٢ a\\u0301")
    '报告1；12á'
    """
    # str.split() cuts at exactly the characters str.isspace() calls whitespace
    text = "".join(unicodedata.normalize("NFC", text).split())
    # translate() looks every character up in a dict, the slowest part of this
    # function, which runs on every line and every node: only where a digit to map is
    return text.translate(_DIGITS) if _OTHER_DIGIT.search(text) else text


def visible_all(pieces: Iterable[str]) -> str:
    """`"".join(visible(p) for p in pieces)`, with one call per piece (NFC, which is
    not the same on a whole as on its pieces) and the rest once for all of them
    (whitespace and digits are per character): a call of `visible` per line or text
    node was most of this check's time.

    >>> visible_all(["报告¹；\\n", " ١٢ a", "\u0301"]) == visible("报告¹；") + visible(" ١٢ a") + visible("\u0301")
    True
    """
    text = "".join([unicodedata.normalize("NFC", piece) for piece in pieces])
    text = "".join(text.split())
    return text.translate(_DIGITS) if _OTHER_DIGIT.search(text) else text


def same_characters(a: str, b: str) -> bool:
    """Whether `a` and `b` hold the same characters, each as many times, in any order.

    The text on both sides is nearly always in the same order: the common start and
    end are found by comparing slices (in C, a binary search), and only what lies
    between is counted.

    >>> same_characters("abcXYdef", "abcYXdef"), same_characters("abc", "abd"), same_characters("", "")
    (True, False, True)
    """
    if len(a) != len(b):
        return False
    if a == b:
        return True
    start = _common_length(a, b, lambda n: a[:n] == b[:n])
    end = _common_length(a, b, lambda n: a[len(a) - n:] == b[len(b) - n:], len(a) - start)
    return dict.__eq__(Counter(a[start:len(a) - end]), Counter(b[start:len(b) - end]))


def _common_length(a: str, b: str, equal, limit: int | None = None) -> int:
    """The largest n ≤ limit with equal(n): equal holds up to some n and not after."""
    low, high = 0, min(len(a), len(b)) if limit is None else limit
    while low < high:
        middle = (low + high + 1) // 2
        if equal(middle):
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str


@dataclass(frozen=True)
class Report:
    """`expected`: visible input characters the output must hold (after the recorded
    edits); `found`: those the model holds; `problems`: where they differ."""

    expected: int
    found: int
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def detail(self) -> str:
        return "; ".join(p.message for p in self.problems)


# --------------------------------------------------------------------------- the model's text

@dataclass(frozen=True)
class Holder:
    """A piece of the model's text and the input lines it came from; `running` is
    False for a footnote (moved to its call on purpose)."""

    span: Span
    text: str
    running: bool = True
    joined: str = ""  # holders with the same non-empty key form one group (see the module doc)


def _runs(inlines) -> str:
    """Inline runs as text, a footnote call as its marker."""
    return "".join(run.marker if isinstance(run, NoteRef) else getattr(run, "text", "") for run in inlines)


def _own(span: Span, children: Iterable[Span]) -> Span:
    """The lines of a node up to its first child (a paragraph's own lines and the
    first line of its items): the node's span covers its children's too. The child's
    first line is included because a fix can leave both on one input line (a draft's
    formula split off the end of the paragraph that recommends it)."""
    firsts = [c.first for c in children]
    return Span(span.first, max(span.first, min(firsts))) if firsts else span


def holders(document: Document) -> Iterator[Holder]:
    """The model's text in model order, node by node."""
    for line in document.cover:
        yield Holder(line.span, _runs(line.content), joined="front")
    if document.title:
        t = document.title
        yield Holder(t.span, t.before + (t.num or "") + t.after + _runs(t.content), joined="front")
    yield from _text(document, "front", "end")
    # the annexes and the parts of a text adopted in parts are the document's own, each
    # whole, in the order they were printed (an annex after the part it follows; AKN
    # writes a collection's attachments before its components, which is no move)
    numbers = {id(part): n for n, part in enumerate(document.parts, start=1)}
    for top in sorted((*document.annexes, *document.parts), key=lambda top: top.span.first):
        if isinstance(top, Annex):
            for heading in top.headings:
                yield Holder(heading.span, _runs(heading.content))
            yield from _units(top.body)
        else:
            part, number = top, numbers[id(top)]
            yield Holder(Span(part.span.first, part.span.first), part.label, joined=f"part {number}")
            if part.title:
                yield Holder(part.title.span, _runs(part.title.content), joined=f"part {number}")
            yield from _text(part, f"part {number}", f"end {number}")
    for note in document.footnotes:
        yield Holder(note.span, note.marker + _runs(note.content), running=False)


def _text(text, start: str, end: str) -> Iterator[Holder]:
    """Formula, preamble, operative part, closing and vote; the formula joins the
    group `start` (what comes before it), the closing and the vote the group `end`."""
    if text.formula:
        yield Holder(text.formula.span, _runs(text.formula.content), joined=start)
    for recital in text.preamble:
        yield Holder(recital.span, _runs(recital.content))
    yield from _units(text.operative)
    for line in text.closing:
        yield Holder(line.span, _runs(line.content), joined=end)
    if text.vote:
        vote = text.vote
        yield Holder(_own(vote.span, (g.span for g in vote.groups)), _runs(vote.content), joined=end)
        for group in vote.groups:
            yield Holder(group.span, group.label + _runs(group.content), joined=end)


def _units(units) -> Iterator[Holder]:
    for unit in units:
        if isinstance(unit, Heading):
            yield Holder(unit.span, _runs(unit.content))
            continue
        if isinstance(unit, Table):
            yield Holder(Span(unit.span.first, unit.span.first), _runs(unit.label))
            for row in unit.rows:
                yield Holder(row.span, _runs(row.content))
            continue
        children = [i.span for i in unit.items] + ([unit.quoted.span] if unit.quoted else [])
        quote = f"quote {unit.span.first}" if unit.quoted else ""
        yield Holder(_own(unit.span, children), (unit.num or "") + _runs(unit.content), joined=quote)
        yield from _items(unit.items)
        if unit.wrap_up:  # printed after the items
            last = unit.items[-1].span.last if unit.items else unit.span.first
            yield Holder(Span(last, last), _runs(unit.wrap_up))
        if unit.quoted:
            q = unit.quoted
            if q.formula:
                yield Holder(q.formula.span, _runs(q.formula.content), joined=quote)
            for recital in q.preamble:
                yield Holder(recital.span, _runs(recital.content))
            yield from _units(q.operative)


def _items(items: tuple[Item, ...]) -> Iterator[Holder]:
    for item in items:
        # the heading printed over the item comes first
        yield Holder(_own(item.span, (i.span for i in item.items)),
                     _runs(item.heading) + item.num + _runs(item.content))
        yield from _items(item.items)


# --------------------------------------------------------------------------- input → model

class _Groups:
    """Input lines cut into groups: the holders' spans, overlapping ones merged, and
    the ranges of holders with the same `joined` key joined."""

    def __init__(self, spans: list[tuple[Span, str]]):
        ranges: list[list[int]] = []  # merged [first, last], in line order
        for span, _ in sorted(spans, key=lambda s: s[0].first):
            if ranges and span.first <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], span.last)
            else:
                ranges.append([span.first, span.last])
        self.firsts = [r[0] for r in ranges]
        self.lasts = [r[1] for r in ranges]
        self.parent = list(range(len(ranges)))
        key_range: dict[str, int] = {}
        for span, key in spans:
            if key:
                r = self.range_of(span.first)
                if key in key_range:
                    self._union(key_range[key], r)
                else:
                    key_range[key] = r

    def range_of(self, line: int) -> int | None:
        k = bisect.bisect_right(self.firsts, line) - 1
        return k if k >= 0 and line <= self.lasts[k] else None

    def _find(self, k: int) -> int:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def _union(self, a: int, b: int) -> None:
        a, b = self._find(a), self._find(b)
        self.parent[max(a, b)] = min(a, b)

    def of(self, line: int) -> tuple:
        """The group of an input line: its range's root, or the line alone."""
        k = self.range_of(line)
        return ("range", self._find(k)) if k is not None else ("line", line)

    def describe(self, group: tuple) -> str:
        kind, k = group
        if kind == "line":
            return f"line {k}"
        members = [i for i in range(len(self.firsts)) if self._find(i) == k]
        return ", ".join(f"lines {self.firsts[i]}-{self.lasts[i]}" if self.firsts[i] != self.lasts[i]
                         else f"line {self.firsts[i]}" for i in members)

    def first_line(self, group: tuple) -> int:
        kind, k = group
        return k if kind == "line" else self.firsts[k]


def account(source_text: str, document: Document, edits: Iterable[Removal | Insertion],
            held: list[Holder] | None = None) -> Report:
    """Input → model: compare each group of input lines with the model's text from it.

    >>> from pipeline.model import Metadata, Recital, Text
    >>> meta = Metadata("en", "GA", "resolution", None, None, False, None, None, None)
    >>> doc = Document("x", meta, Span(1, 2), preamble=(Recital("", (Text("Noting the report,"),), Span(1, 2)),))
    >>> account("Noting the re-\\nport,", doc, [Removal(1, "-", "hyphen at a line end")]).ok
    True
    >>> print(account("Noting the re-\\nport,", doc, []).detail)
    lines 1-2: input has 1 more '-' than the output
    """
    held = list(holders(document)) if held is None else held
    edits = list(edits)
    # text removed from several lines at once (a block printed twice) joins them too
    groups = _Groups([(h.span, h.joined) for h in held]
                     + [(Span(e.line, e.last), "") for e in edits if getattr(e, "last", None)])
    lines: dict[tuple, list[str]] = {}
    for number, line in enumerate(source_text.split("\n"), start=1):
        if line and not line.isspace():  # blank lines hold nothing visible
            lines.setdefault(groups.of(number), []).append(line)
    expected = {group: visible_all(texts) for group, texts in lines.items()}
    edited: dict[tuple, list[tuple[Removal | Insertion, str]]] = {}
    for edit in edits:
        chars = visible(edit.text)
        if chars:
            edited.setdefault(groups.of(edit.line), []).append((edit, chars))
    texts: dict[tuple, list[str]] = {}
    order: list[tuple[tuple, Holder]] = []
    for h in held:
        group = groups.of(h.span.first)
        texts.setdefault(group, []).append(h.text)
        if h.running:
            order.append((group, h))
    found = {group: visible_all(pieces) for group, pieces in texts.items()}
    problems: list[Problem] = []
    total = 0
    for group in sorted(set(expected) | set(found) | set(edited), key=groups.first_line):
        want_text, got_text = expected.get(group, ""), found.get(group, "")
        if group not in edited:
            total += len(want_text)
            if same_characters(want_text, got_text):  # most groups: no Counter at all
                continue
        # the characters of a group are gathered as one string and counted once: a
        # Counter update per line and per node cost more than the counting itself
        want = Counter(want_text)
        for edit, chars in edited.get(group, ()):
            if isinstance(edit, Removal):
                want.subtract(chars)
            else:
                want.update(chars)
        if group in edited:
            total += sum(want.values())
        got = Counter(got_text)
        want = Counter({c: n for c, n in want.items() if n})
        if any(n < 0 for n in want.values()):
            extra = "".join(sorted(c * -n for c, n in want.items() if n < 0))
            problems.append(Problem(groups.first_line(group),
                                    f"{groups.describe(group)}: recorded edits remove {extra!r}, "
                                    f"which the input does not hold there"))
            continue
        # neither holds a zero count now, so plain dict equality (in C) is Counter
        # equality (a generator over every character, in Python)
        if not dict.__eq__(want, got) and _decomposed(want) != _decomposed(got):
            problems.append(Problem(groups.first_line(group), f"{groups.describe(group)}: {_difference(want, got)}"))
    problems += _order(order, groups)
    return Report(total, sum(len(text) for text in found.values()), tuple(problems[:_MAX_PROBLEMS]))


def _decomposed(chars: Counter) -> Counter:
    """The characters counted after canonical decomposition: taking a control
    character out from between a letter and its combining mark composes them (NFC
    makes `I` and an ogonek one `Į`), and the same characters must not count as
    others. Only a group whose composed characters differ is decomposed.

    >>> _decomposed(Counter("\u012e")) == _decomposed(Counter("I\u0328")) == Counter("I\u0328")
    True
    """
    return Counter(unicodedata.normalize("NFD", "".join(chars.elements())))


def _difference(want: Counter, got: Counter) -> str:
    lost, added = want - got, got - want
    said = []
    for chars, where in ((lost, "input"), (added, "output")):
        if chars:
            shown = "".join(sorted(chars.elements()))
            said.append(f"{where} has {len(shown)} more " + (repr(shown[:60]) + ("…" if len(shown) > 60 else "")))
    return ", ".join(said) + (" than the output" if lost and not added else " than the input" if added and not lost
                              else "")


def _order(order: list[tuple[tuple, Holder]], groups: _Groups) -> list[Problem]:
    """The groups of the running text must come in input order."""
    problems, previous = [], None
    for group, holder in order:
        if previous is not None and groups.first_line(group) < groups.first_line(previous[0]) and group != previous[0]:
            problems.append(Problem(holder.span.first,
                                    f"text of {groups.describe(group)} comes after that of "
                                    f"{groups.describe(previous[0])}: {holder.text[:30]!r}"))
            break
        previous = (group, holder)
    return problems


# --------------------------------------------------------------------------- model → AKN

# What is not running text: the metadata, and the notes that are not inside another
# (a note stands for its call). In document order.
_SET_APART = etree.XPath("//a:meta | //a:authorialNote[not(ancestor::a:meta or ancestor::a:authorialNote)]",
                         namespaces={"a": AKN_NAMESPACE})


def _akn_running(akn: bytes | etree._Element) -> tuple[str, Counter]:
    """The visible characters of the AKN outside the metadata, in document order, each
    note standing for its call as its marker (where the note stood); and the
    (marker + text) of each note, counted. `akn` is the XML, or its root element when
    the caller has parsed it already."""
    if isinstance(akn, bytes):
        # the writer's own output, without DTD or entities; huge_tree lifts libxml2's 10 MB
        # limit on one text node, which a single huge input line reaches (the schema
        # validation keeps the limit and reports such an output as not valid)
        root = etree.fromstring(akn, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    else:
        root = akn
    # libxml2 writes the whole text at once, in C; the metadata and each note are then
    # cut out of it where their text lies (a walk over the text nodes that tested each
    # one's ancestors was most of this check's time). An element's text is contiguous
    # in the whole, and the elements come in document order: each is found after the
    # one before. Were it found at an earlier copy of the same words, the characters
    # left are the same, and those are what is compared.
    whole = etree.tostring(root, method="text", encoding="unicode")
    kept, notes, cursor = [], Counter(), 0
    for element in _SET_APART(root):
        text = etree.tostring(element, method="text", encoding="unicode", with_tail=False)
        at = whole.find(text, cursor)
        kept.append(whole[cursor:at])
        cursor = at + len(text)
        if etree.QName(element).localname == "authorialNote":
            # the marker where the note stood, as the model's text has its call: both
            # sides then read alike, and their comparison is one string comparison
            marker = element.get("marker", "")
            kept.append(marker)
            notes[visible(marker + text)] += 1
    kept.append(whole[cursor:])
    return visible_all(kept), notes


def check_akn(document: Document, akn: bytes | etree._Element, held: list[Holder] | None = None) -> Report:
    """Model → AKN: the same running characters, and every footnote among the notes."""
    running, notes = _akn_running(akn)
    held = holders(document) if held is None else held
    text = visible_all(h.text for h in held if h.running)
    footnotes = {visible(f.marker + _runs(f.content)) for f in document.footnotes}
    problems = []
    if not same_characters(running, text):
        model, found = Counter(text), Counter(running)
        problems.append(Problem(None, f"AKN writer: {_difference(model, found).replace('input', 'model')}"))
    for note in footnotes - set(notes):
        problems.append(Problem(None, f"AKN writer: footnote {note[:40]!r} is in no note of the AKN"))
    for note in set(notes) - footnotes:
        problems.append(Problem(None, f"AKN writer: note {note[:40]!r} is no footnote of the model"))
    return Report(len(text), len(running), tuple(problems[:_MAX_PROBLEMS]))


def check(source_text: str, document: Document, edits: Iterable[Removal | Insertion],
          akn: bytes | etree._Element) -> Report:
    """Both halves: input → model, then model → AKN (`akn`: the XML or its parsed root)."""
    held = list(holders(document))
    first = account(source_text, document, edits, held)
    second = check_akn(document, akn, held)
    return Report(first.expected, first.found, (first.problems + second.problems)[:_MAX_PROBLEMS])



def model_characters(document: Document) -> Counter:
    """Every visible character of the model's text: the running text (each call as
    its marker) and the footnotes (marker and text) — what any writer must show."""
    held = Counter()
    for h in holders(document):
        held.update(visible(h.text))
    return held


def numbers(document: Document) -> Counter:
    """The visible characters of the printed numbers of paragraphs and items (`12.`,
    `(a)`), and each footnote's marker once: a writer that keeps a number as a value
    (TEI's `n`) and writes a note at its call, as one element, need not print them."""
    found = Counter()
    for note in document.footnotes:
        found.update(visible(note.marker))

    def units(us):
        for u in us:
            if isinstance(u, (Heading, Table)):  # a table keeps its rows' numbers as text
                continue
            found.update(visible(u.num or ""))
            items(u.items)
            if u.quoted:
                units(u.quoted.operative)

    def items(its):
        for i in its:
            found.update(visible(i.num))
            items(i.items)

    units(document.operative)
    for annex in document.annexes:
        units(annex.body)
    for part in document.parts:
        units(part.operative)
    return found


def missing_from(document: Document, shown: str, numbered: bool = True) -> Counter:
    """The model's characters that `shown` (the text a writer produced) lacks. For
    writers that add words of their own (labels, a note's marker twice), so only
    what is missing counts; with `numbered` False, the printed numbers of paragraphs
    and items are not asked for.

    >>> from pipeline.model import Metadata, Recital, Text
    >>> meta = Metadata("en", "GA", "resolution", None, None, False, None, None, None)
    >>> doc = Document("x", meta, Span(1, 1), preamble=(Recital("", (Text("Noting,"),), Span(1, 1)),))
    >>> missing_from(doc, "<p>Notin,</p>")
    Counter({'g': 1})
    """
    wanted = model_characters(document) - (Counter() if numbered else numbers(document))
    return wanted - Counter(visible(shown))
