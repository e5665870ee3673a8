"""Line rules: what each block of the cleaned text is.

`RULES` is read top to bottom; for each block the first rule that applies in the
current zone of the document and matches wins. Zones only move forward (masthead →
opening → preamble → operative → closing → vote → annex); a rule may move the
document on, and may say what kind of document it is (a decision, a presidential
statement). A block that no rule takes gets the fallback kind of its zone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from enum import IntEnum
from typing import Callable

from ..fixes.base import Line
from ..languages import Profile, load
from ..numerals import ascii_digits
from ..patterns import SECTION_HEADING, SYMBOL

# Masthead dates are often printed in English whatever the language of the text.
MASTHEAD_DATE_LANGUAGE = "en"
_SYMBOL_TYPES = ((re.compile(r"/DEC/"), "decision"), (re.compile(r"/PRST/"), "presidentialStatement"),
                 (re.compile(r"^S/\d{4}/\d+$"), "draftResolution"), (re.compile(r"/RES/"), "resolution"))
# Characters that end a paragraph (or a line that cannot be a heading).
PARAGRAPH_END = ".;:,!?…。；：，、！？،؛"
HEADING_MAX = 200


class Zone(IntEnum):
    MASTHEAD = 1
    OPENING = 2  # after the title, before the formula
    PREAMBLE = 3
    OPERATIVE = 4
    CLOSING = 5
    VOTE = 6
    ANNEX = 7


@dataclass
class State:
    zone: Zone = Zone.MASTHEAD
    doc_type: str = "resolution"
    last_number: int = 0  # of the last numbered paragraph
    quoting: bool = False  # inside a text the document quotes (a draft it recommends)
    part: int = 0  # parts begun so far (texts adopted in parts: A, B, …)
    sectioned: bool = False  # the body is divided into numbered sections ("I", "II")
    texts: list[str] = field(default_factory=list, repr=False)  # every line's text, for a rule to look further
    index: int = 0  # of the line being classified
    # in a text without numbered paragraphs, the first line that can be an operative
    # one: past the last that ends like a preambular paragraph (judged when a rule first
    # asks; -1: the text has numbered paragraphs)
    unnumbered_from: int | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may look at besides the line: the next lines and the state."""

    profile: Profile
    state: State
    ahead: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Block:
    """A cleaned line, what it was recognised as, the matched parts, and its zone."""

    kind: str
    line: Line
    parts: dict = field(default_factory=dict)
    zone: Zone = Zone.MASTHEAD
    quoted: bool = False  # part of a text quoted by the paragraph before (see the `embedding` rule)
    part: int = 0  # the part of the text it belongs to (0: before any part label)


Matcher = Callable[[str, Context], "dict | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    zones: frozenset[Zone]
    match: Matcher
    then: Zone | None = None
    doc_type: str | None = None  # a match says what kind of document this is


def _pattern(name: str, search: bool = False) -> Matcher:
    """Match the profile pattern `name` (at the start, or anywhere with `search`)."""

    def match(text: str, ctx: Context) -> dict | None:
        rx = ctx.profile.rx(name)
        m = rx.search(text) if search else rx.match(text)
        return {**m.groupdict(), "match": m} if m else None

    match.__name__ = name
    return match


def _one_of(names: Callable[[Profile], tuple[str, ...]]) -> Matcher:
    def match(text: str, ctx: Context) -> dict | None:
        return {} if text.strip() in names(ctx.profile) else None

    return match


def _body_name(text: str, ctx: Context) -> dict | None:
    for body, words in ctx.profile.bodies.items():
        if text.strip() in words.names:
            return {"body": body}
    return None


def _formula(text: str, ctx: Context) -> dict | None:
    for body, words in ctx.profile.bodies.items():
        if re.match(words.formula, text):
            return {"body": body}
    return None


def _symbol(text: str, ctx: Context) -> dict | None:
    m = SYMBOL.match(text.strip())
    if not m:
        return None
    kind = next((k for rx, k in _SYMBOL_TYPES if rx.search(m["symbol"])), None)
    return {"symbol": m["symbol"], "doc_type": kind}


def masthead_date(text: str, profile: Profile) -> re.Match | None:
    """A date in a masthead: in the document's language, or in English."""
    for p in (profile, load(MASTHEAD_DATE_LANGUAGE)):
        m = p.rx("date").search(text)
        if m:
            return m
    return None


def _whole_date(text: str, ctx: Context) -> dict | None:
    m = masthead_date(text, ctx.profile)
    return m.groupdict() if m and m.group().strip() == text.strip() else None


def _adoption(text: str, ctx: Context) -> dict | None:
    """"Resolution/Decision adopted by …": it also says what kind of document this is."""
    m = ctx.profile.rx("adoption_line").match(text)
    if not m:
        return None
    return {**m.groupdict(), "match": m, "doc_type": ctx.profile.doc_kinds.get(m["kind"])}


_NUMBER_ONLY_TITLE = re.compile(r"^\s*(?P<num>(?P<number>\d{1,4}/\d{1,4})\s*[.．-]?)\s*$")


def _number_only_title(text: str, ctx: Context) -> dict | None:
    """A resolution number printed without a title ("76/294." over the formula)."""
    m = _NUMBER_ONLY_TITLE.match(text)
    return {**m.groupdict(), "title": "", "match": m} if m else None


def _proponent(text: str, ctx: Context) -> dict | None:
    return {} if re.match(r"^[\[［].*[\]］]$", text.strip()) else None


def _closing(text: str, ctx: Context) -> dict | None:
    """A line that is the adoption meeting, the date, or both, and nothing else."""
    found = ctx.profile.closing_line(text)
    return None if found is None else {"meeting": found[0], "date": found[1]}


def _vote_intro(text: str, ctx: Context) -> dict | None:
    """The adoption outcome: a bracketed line ("[Adopted without a vote.]"), or after
    the closing lines; a paragraph that mentions a vote is not one."""
    if not _unmarked(text).startswith(("[", "［")) and ctx.state.zone < Zone.CLOSING:
        return None
    words = ctx.profile.vote
    for outcome, pattern in (("recorded", words.recorded), ("without_vote", words.without_vote),
                             ("consensus", words.consensus)):
        if _ignoring_case(pattern).search(text):
            return {"outcome": outcome}
    return None


_LEADING_MARKS = "".join(chr(c) for c in range(0x064B, 0x0653)) + " \u0670"  # Arabic vowel signs, a space


@cache
def _ignoring_case(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _unmarked(text: str) -> str:
    """The line without leading spaces and combining marks (an Arabic text layer can
    print a detached vowel sign before the bracket)."""
    return text.lstrip().lstrip(_LEADING_MARKS)


def _vote_label(text: str, ctx: Context) -> dict | None:
    for key, label in ctx.profile.vote.labels.items():
        m = re.match(rf"^\s*(?P<label>{label})\s*(?P<colon>[:：])\s*(?P<rest>.*)$", text)
        if m:
            return {"key": key, **m.groupdict()}
    return None


_TRAILING_CALL = re.compile(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[^\w\s])\d{1,3})$")


def looks_like_heading(text: str) -> bool:
    """Short, and not ending like a sentence or a paragraph (a footnote call aside).

    >>> looks_like_heading("Follow-up"), looks_like_heading("Recalling the election of 2021,⁷")
    (True, False)
    """
    stripped = _TRAILING_CALL.sub("", text.strip())
    return 0 < len(stripped) <= HEADING_MAX and stripped[-1] not in PARAGRAPH_END \
        and not stripped[0].islower()


MAX_NUMBER_JUMP = 3  # a paragraph number further ahead than this is not the next paragraph
MAX_FIRST_NUMBER = 12  # the first numbered paragraph found (earlier ones may have lost their number)


def _operative(text: str, ctx: Context) -> dict | None:
    """A numbered paragraph whose number can follow the one before: the next number,
    a small gap, or 1 again (an annex, a new part). `96.IV.8)` after paragraph 3 is
    a sales number, not paragraph 96."""
    m = _next_number(text, ctx)
    if m is None:
        return None
    ctx.state.last_number = int(ascii_digits(m["number"]))
    return {**m.groupdict(), "match": m}


def _next_number(text: str, ctx: Context) -> re.Match | None:
    """The match of an operative paragraph number that can follow the last one."""
    m = ctx.profile.rx("operative").match(text)
    if not m:
        return None
    number, last = int(ascii_digits(m["number"])), ctx.state.last_number
    if number == 1 or 0 < number - last <= MAX_NUMBER_JUMP or (last == 0 and number <= MAX_FIRST_NUMBER):
        return m
    return None


_BULLET = re.compile(r"^(?P<num>[•▪◦‣●])\s*(?P<text>\S.*)$")


def _bullet(text: str, ctx: Context) -> dict | None:
    """A bulleted paragraph (the indicators listed under a benchmark)."""
    m = _BULLET.match(text)
    return m.groupdict() if m else None


def _heading(text: str, ctx: Context) -> dict | None:
    """A heading inside the operative part: a short unpunctuated line followed by a
    numbered paragraph (perhaps after a second heading line)."""
    if not looks_like_heading(text) or not ctx.ahead:
        return None
    if ctx.state.zone == Zone.PREAMBLE and ctx.profile.rx("opening_phrase").match(text):
        return None  # the end of a preambular paragraph cut off by a page break
    # the paragraph must be one the operative rule takes: a heading over a number
    # that cannot follow would stand in the operative part before paragraphs that
    # are not in it, out of their printed order
    if _next_number(ctx.ahead[0], ctx):
        return {}
    if len(ctx.ahead) > 1 and looks_like_heading(ctx.ahead[0]) and _next_number(ctx.ahead[1], ctx):
        return {}
    return None


def _item_heading(text: str, ctx: Context) -> dict | None:
    """A heading over an item (`Protection of the United Nations` / `(a) Ensure…`): a
    short unpunctuated line between a numbered paragraph's intro (it ends with a
    colon) or an item and the next item. (The end of a paragraph printed before its
    start, as a right-to-left text layer may, comes after a fragment, not an intro.)"""
    if not looks_like_heading(text) or not ctx.ahead or ctx.state.index == 0:
        return None
    before = ctx.state.texts[ctx.state.index - 1].rstrip()
    item = ctx.profile.rx("item")
    if not item.match(ctx.ahead[0]):
        return None
    intro = before.endswith((":", "：")) and ctx.profile.rx("operative").match(before)
    return {} if intro or item.match(before) else None


def _section(text: str, ctx: Context) -> dict | None:
    """The heading of a numbered section ("II Activités du Comité…"). A resolution in
    sections gives each its own preambular paragraphs, so the body is all operative."""
    if not (SECTION_HEADING.match(text.strip()) and looks_like_heading(text)):
        return None
    ctx.state.sectioned = True
    return {}


def _section_recital(text: str, ctx: Context) -> dict | None:
    """A preambular paragraph inside a section: an unnumbered paragraph of the body."""
    return {} if ctx.state.sectioned and ctx.profile.rx("opening_phrase").match(text) else None


def _embedding(text: str, ctx: Context) -> dict | None:
    """A paragraph that introduces a whole text ("Recommends … the following draft
    resolution:") followed by that text's formula."""
    stripped = text.rstrip()
    if not stripped.endswith((":", "：")) or not ctx.ahead:
        return None
    return {} if _formula(ctx.ahead[0], ctx) else None


# How an operative paragraph ends: a semicolon (another follows), a colon (items
# follow) or a full stop (the last); a preambular paragraph ends with a comma.
SEMICOLONS = frozenset(";；\u061b")
_OPERATIVE_ENDS = SEMICOLONS | frozenset(":：.。")
PREAMBULAR_ENDS = frozenset(",，\u060c")


def _unnumbered_operative(text: str, ctx: Context) -> dict | None:
    """An operative paragraph printed without a number, in a resolution none of whose
    paragraphs has one (a word processor that numbered them itself leaves the numbers
    out of the text it copies): it ends as an operative paragraph does, not with the
    comma of a preambular one."""
    state = ctx.state
    if (state.doc_type not in _STATEMENT_TYPES or state.quoting or state.sectioned
            or text.rstrip()[-1:] not in _OPERATIVE_ENDS or ctx.profile.rx("item").match(text)):
        return None
    if state.unnumbered_from is None:
        # the text up to its annexes (which have their own paragraphs, a resolution they
        # quote its own recitals)
        annex, operative = ctx.profile.rx("annex"), ctx.profile.rx("operative")
        body = state.texts[:next((i for i, line in enumerate(state.texts) if annex.match(line)), len(state.texts))]
        if any(operative.match(line) for line in body):
            state.unnumbered_from = -1
        else:  # a recital can end with a full stop (a sentence quoted); the last ends with a comma
            commas = [i for i, line in enumerate(body) if line.rstrip()[-1:] in PREAMBULAR_ENDS]
            state.unnumbered_from = commas[-1] + 1 if commas else 0
    return {} if 0 <= state.unnumbered_from <= state.index else None


def _anything(text: str, ctx: Context) -> dict:
    return {}


MASTHEAD = frozenset({Zone.MASTHEAD})
TOP = frozenset({Zone.MASTHEAD, Zone.OPENING})
BODY = frozenset({Zone.OPENING, Zone.PREAMBLE, Zone.OPERATIVE, Zone.ANNEX})
AFTER_BODY = frozenset({Zone.OPENING, Zone.PREAMBLE, Zone.OPERATIVE, Zone.CLOSING})

RULES: tuple[Rule, ...] = (
    # the masthead, top to bottom as the UN prints it
    Rule("cover_authority", MASTHEAD, _one_of(lambda p: p.organization_names)),
    Rule("cover_symbol", MASTHEAD, _symbol),
    Rule("cover_body", MASTHEAD, _body_name),
    Rule("cover_distribution", MASTHEAD, _pattern("distribution")),
    Rule("cover_language", MASTHEAD, _one_of(lambda p: p.language_names)),
    Rule("cover_original", MASTHEAD, _pattern("original")),
    Rule("cover_decision", MASTHEAD, _pattern("decision_label"), doc_type="decision"),
    Rule("cover_session", MASTHEAD, _pattern("session")),
    Rule("cover_session_dates", MASTHEAD, _pattern("session_dates")),
    Rule("cover_agenda_item", MASTHEAD, _pattern("agenda_item")),
    Rule("cover_adoption", MASTHEAD, _adoption),
    Rule("cover_proponent", TOP, _proponent),
    Rule("cover_date", MASTHEAD, _whole_date),
    # the title in its forms: "38/3. Title", "Resolution 2755 (2024)", a statement, a draft
    Rule("title", MASTHEAD, _pattern("title"), Zone.OPENING),
    Rule("title_number", MASTHEAD, _number_only_title, Zone.OPENING),
    Rule("title_sc", MASTHEAD, _pattern("sc_title"), Zone.OPENING),
    Rule("title_prst", MASTHEAD, _pattern("prst_title"), Zone.OPENING, doc_type="presidentialStatement"),
    Rule("title_draft", MASTHEAD, _pattern("draft_title", search=True), Zone.OPENING,
         doc_type="draftResolution"),
    Rule("cover_sc_adoption", TOP, _pattern("sc_adoption")),
    Rule("formula", TOP, _formula, Zone.PREAMBLE),
    Rule("decision_text", frozenset({Zone.OPENING}), _pattern("decision_opening"), Zone.OPERATIVE,
         doc_type="decision"),
    Rule("embedding", frozenset({Zone.OPENING, Zone.PREAMBLE, Zone.OPERATIVE}), _embedding, Zone.OPERATIVE),
    # "B" alone after the title or after the closing of the part before: a new part
    Rule("part", frozenset({Zone.OPENING, Zone.CLOSING, Zone.VOTE}), _pattern("part_label")),
    # the body
    Rule("annex", frozenset(Zone) - TOP, _pattern("annex"), Zone.ANNEX),
    # "Table 1": what follows, to the next table or annex, is the table's rows
    Rule("table_label", frozenset({Zone.ANNEX}), _pattern("table_label")),
    Rule("operative", BODY, _operative, Zone.OPERATIVE),
    Rule("item", frozenset({Zone.OPERATIVE, Zone.ANNEX}), _pattern("item")),
    Rule("bullet", frozenset({Zone.OPERATIVE, Zone.ANNEX}), _bullet),
    Rule("section", frozenset({Zone.PREAMBLE, Zone.OPERATIVE}), _section, Zone.OPERATIVE),
    Rule("section_recital", frozenset({Zone.OPERATIVE}), _section_recital),
    # a heading opens the operative part: it is written there, before what follows it
    Rule("heading", frozenset({Zone.PREAMBLE, Zone.OPERATIVE, Zone.ANNEX}), _heading, Zone.OPERATIVE),
    Rule("item_heading", frozenset({Zone.OPERATIVE, Zone.ANNEX}), _item_heading),
    Rule("closing", AFTER_BODY, _closing, Zone.CLOSING),
    Rule("vote_intro", AFTER_BODY, _vote_intro, Zone.VOTE),
    Rule("unnumbered_operative", frozenset({Zone.PREAMBLE, Zone.OPERATIVE}), _unnumbered_operative, Zone.OPERATIVE),
    # the outcome printed again with the lists under it (a two-column vote table)
    Rule("vote_intro_again", frozenset({Zone.VOTE}), _vote_intro),
    Rule("vote_label", frozenset({Zone.VOTE}), _vote_label),
    Rule("closing_after_vote", frozenset({Zone.VOTE}), _closing),
    Rule("vote_list", frozenset({Zone.VOTE}), _anything),
)

_STATEMENT_TYPES = ("resolution", "draftResolution")


def fallback(state: State) -> str:
    """What a block is when no rule takes it."""
    zone, statement = state.zone, state.doc_type in _STATEMENT_TYPES
    if zone == Zone.MASTHEAD:
        return "cover_other"
    if zone == Zone.OPENING:
        return "recital" if statement else "paragraph"
    if zone == Zone.PREAMBLE:
        return "recital"
    if zone == Zone.OPERATIVE:
        return "unclassified" if statement else "paragraph"
    if zone == Zone.ANNEX:
        return "paragraph"
    return "closing_other"


LOOKAHEAD = 2


@cache
def _rules_by_zone(rules: tuple[Rule, ...]) -> dict[Zone, tuple[Rule, ...]]:
    """The rules that may take a line in each zone, in their declared order: a line is
    tried against these only, not against every rule with a zone test each."""
    return {zone: tuple(rule for rule in rules if zone in rule.zones) for zone in Zone}


def classify(lines: tuple[Line, ...], profile: Profile, rules: tuple[Rule, ...] = RULES) -> list[Block]:
    """Give every cleaned line a kind, in one pass through the zones."""
    texts = [line.text for line in lines]
    state = State(texts=texts)
    blocks = []
    by_zone = _rules_by_zone(rules)
    for index, line in enumerate(lines):
        state.index = index
        ctx = Context(profile, state, tuple(texts[index + 1:index + 1 + LOOKAHEAD]))
        for rule in by_zone[state.zone]:
            parts = rule.match(line.text, ctx)
            if parts is None:
                continue
            if rule.then is not None:
                state.zone = max(state.zone, rule.then)
            state.doc_type = rule.doc_type or parts.get("doc_type") or state.doc_type
            if rule.name in ("closing", "vote_intro", "annex"):
                state.quoting = False  # the quoted text ends where the quoting one closes
            if rule.name == "part":
                state.part += 1
            blocks.append(Block(rule.name, line, parts, state.zone, state.quoting, state.part))
            if rule.name in ("embedding", "part"):
                # the quoted text, or the new part, has its own formula, preamble and numbering
                state.quoting, state.zone, state.last_number = rule.name == "embedding", Zone.OPENING, 0
            break
        else:
            kind = fallback(state)
            if kind == "paragraph" and state.zone < Zone.OPERATIVE:
                state.zone = Zone.OPERATIVE
            blocks.append(Block(kind, line, {}, state.zone, state.quoting, state.part))
    return blocks
