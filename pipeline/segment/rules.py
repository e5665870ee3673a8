"""Line rules: what each block of the cleaned text is.

`RULES` is read top to bottom; for each block the first rule that applies in the
current zone of the document and matches wins, and may move the document to its
next zone (masthead → opening → preamble → operative → closing → vote). A block
that no rule takes gets the fallback kind of its zone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from ..fixes.base import Line
from ..languages import Profile


class Zone(Enum):
    MASTHEAD = "masthead"
    OPENING = "opening"  # after the title, before the formula
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    CLOSING = "closing"
    VOTE = "vote"


@dataclass(frozen=True, slots=True)
class Block:
    """A cleaned line with what it was recognised as and the matched parts."""

    kind: str
    line: Line
    parts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    name: str
    zones: frozenset[Zone]
    match: Callable[[str, Profile], dict | None]
    then: Zone | None = None


def _groups(pattern: str) -> Callable[[str, Profile], dict | None]:
    def match(text: str, profile: Profile) -> dict | None:
        m = profile.rx(pattern).match(text)
        return m.groupdict() if m else None

    match.__name__ = pattern
    return match


def _formula(text: str, profile: Profile) -> dict | None:
    for body, words in profile.bodies.items():
        if re.match(words.formula, text):
            return {"body": body}
    return None


def _full_date(text: str, profile: Profile) -> dict | None:
    m = profile.rx("date").fullmatch(text.strip())
    return m.groupdict() if m else None


def _vote_intro(text: str, profile: Profile) -> dict | None:
    words = profile.vote
    for outcome, pattern in (("recorded", words.recorded), ("without_vote", words.without_vote),
                             ("consensus", words.consensus)):
        if re.search(pattern, text, re.IGNORECASE) and (text.lstrip().startswith(("[", "［")) or
                                                       outcome != "recorded" or len(text) < 300):
            return {"outcome": outcome}
    return None


def _vote_label(text: str, profile: Profile) -> dict | None:
    for key, label in profile.vote.labels.items():
        m = re.match(rf"^\s*(?P<label>{label})\s*(?P<colon>[:：])\s*(?P<rest>.*)$", text)
        if m:
            return {"key": key, **m.groupdict()}
    return None


def _anything(text: str, profile: Profile) -> dict:
    return {}


ALL_BODY = frozenset({Zone.OPENING, Zone.PREAMBLE, Zone.OPERATIVE})

RULES: tuple[Rule, ...] = (
    Rule("title", frozenset({Zone.MASTHEAD}), _groups("title"), Zone.OPENING),
    Rule("formula", frozenset({Zone.MASTHEAD, Zone.OPENING}), _formula, Zone.PREAMBLE),
    Rule("operative", ALL_BODY, _groups("operative"), Zone.OPERATIVE),
    Rule("item", frozenset({Zone.OPERATIVE}), _groups("item")),
    Rule("closing_date", frozenset({Zone.OPERATIVE, Zone.CLOSING}), _full_date, Zone.CLOSING),
    Rule("closing_meeting", frozenset({Zone.OPERATIVE, Zone.CLOSING}), _groups("meeting"), Zone.CLOSING),
    Rule("vote_intro", frozenset({Zone.OPERATIVE, Zone.CLOSING}), _vote_intro, Zone.VOTE),
    Rule("vote_label", frozenset({Zone.VOTE}), _vote_label),
    Rule("vote_list", frozenset({Zone.VOTE}), _anything),
)

# What a block is when no rule takes it, by zone.
FALLBACK = {
    Zone.MASTHEAD: "cover",
    Zone.OPENING: "recital",
    Zone.PREAMBLE: "recital",
    Zone.OPERATIVE: "unclassified",
    Zone.CLOSING: "closing_other",
}


def classify(lines: tuple[Line, ...], profile: Profile, rules: tuple[Rule, ...] = RULES) -> list[Block]:
    """Give every cleaned line a kind, in one pass through the zones."""
    zone = Zone.MASTHEAD
    blocks = []
    for line in lines:
        for rule in rules:
            if zone not in rule.zones:
                continue
            parts = rule.match(line.text, profile)
            if parts is not None:
                blocks.append(Block(rule.name, line, parts))
                zone = rule.then or zone
                break
        else:
            blocks.append(Block(FALLBACK[zone], line))
    return blocks
