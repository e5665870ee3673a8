"""The last step of the segment stage: dates and references to UN documents in the
running text, marked as `DateText` and `Reference` runs so that the writers can make
them followable (AKN `date`/`ref`, TEI `date when`/`ref target`, HTML `time`/`a`).

The masthead and the adoption lines are dated by the assembler, which knows what
each date means; this step finds the dates everywhere else (preamble, operative
part, footnotes, annexes, other closing lines), the document symbols printed in the
text (`A/HRC/37/79`, `E/CN.4/2001/2-E/CN.4/Sub.2/2000/46`), and the resolutions and
decisions cited by number (`resolution 72/171`, `第 72/171 号决议`). The words of a
citation are language data (`Profile.citation`); which body a number belongs to is
decided here, the same way in every language:

1. a body named next to the number (on the side the language names it first, then
   the other): "General Assembly resolution 72/171", "résolution 72/171 de
   l'Assemblée générale";
2. the possessive of the citing body ("its resolution 37/23"): the document's body;
3. the body of the previous number of the same list ("General Assembly resolutions
   70/1 … and 72/171");
4. the document's own body.

A number whose shape does not fit that body's numbering (a year-based `2005/69` of
a commission cited by the Human Rights Council) names no symbol and stays text:
an unlinked citation is better than a wrong link. Only the characters of Text runs
are marked, and every mark is a run holding exactly the text it covers, so no
printed character moves (pipeline/conservation.py checks that).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..bodies import BODIES, derive_symbol
from ..languages import Profile
from ..model import ClosingLine, DateText, Document, Heading, Item, Recital, Reference, Table, Text
from ..numerals import ascii_digits
from .inline import iso_date, merge

# Symbol series of the bodies whose documents resolutions cite most: the principal
# organs, and the treaty bodies and programmes that report to them.
_SERIES = ("A", "S", "E", "ST", "CCPR", "CRC", "CEDAW", "CERD", "CAT", "CRPD", "CED", "CMW", "CESCR", "HRI",
           "TD", "UNEP", "DP", "FCCC", "ICCD", "SPLOS", "UNW", "ICEF", "PBC")
_SERIES_RX = "|".join(_SERIES)
_PART = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*"  # "CN.4", "Sub.2", "L.5", "Add.1"
# A symbol: a series and at least two more parts; a part may hold a hyphen ("ES-10",
# "S-30") and a joint symbol joins two with one ("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46").
SYMBOL = re.compile(rf"(?<![\w/.\-])(?:{_SERIES_RX})(?:/{_PART}(?:-{_PART})*){{2,}}"
                    rf"(?:\s?\(\d{{4}}\))?(?![\w/])")
_JOINT = re.compile(rf"-(?=(?:{_SERIES_RX})/)")
# The number of a resolution or decision as cited: session-based (`72/171`, `ES-10/24`,
# `S-30/1`), year-based (`2023/17`), or a Security Council number with its year.
NUMBER = re.compile(r"(?<![\w/.\-])(?:(?P<sc>\d{1,4})\s?\((?P<sc_year>\d{4})\)"
                    r"|(?P<first>(?:E?S-)?\d{1,4})/(?P<n>\d{1,4})(?![\w/]|[.,]\d))")
# Where a citation's context ends: the end of a clause or a sentence.
_CLAUSE_END = re.compile(r"[;；。\n]|\.(?=\s|$)")
_WINDOW = 80  # characters around a number where its keyword and body are looked for
_DIGIT = re.compile(r"\d")
_OBJECT = "\ufffc"  # stands for a run that is not plain text, which no pattern matches
UNDOCS = "https://undocs.org/"
UNDOCS_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def link(document: Document, profile: Profile) -> Document:
    """The document with dates and references marked in its running text."""
    marker = _Marker(profile, document.meta.body, document.meta.session)
    return replace(
        document,
        preamble=tuple(marker.recital(r) for r in document.preamble),
        operative=marker.units(document.operative),
        footnotes=tuple(replace(f, content=marker(f.content)) for f in document.footnotes),
        closing=tuple(marker.closing(c) for c in document.closing),
        annexes=tuple(replace(a, headings=marker.units(a.headings), body=marker.units(a.body))
                      for a in document.annexes),
        parts=tuple(replace(p, preamble=tuple(marker.recital(r) for r in p.preamble),
                            operative=marker.units(p.operative), closing=tuple(marker.closing(c) for c in p.closing),
                            title=p.title and marker.unit(p.title))
                    for p in document.parts),
    )


def mark(runs: tuple, profile: Profile, body: str | None = None, session: str | None = None) -> tuple:
    """Inline runs with their dates and references marked, as in a text of `body`
    adopted at `session`.

    >>> from pipeline.languages import load
    >>> mark((Text("Recalling resolution 72/171 of 19 December 2017,"),), load("en"), "GA")[1:4]
    (Reference(text='72/171', symbol='A/RES/72/171', body='GA', doc_type='resolution', number='72/171', \
date='2017-12-19'), Text(text=' of '), DateText(text='19 December 2017', iso='2017-12-19'))
    """
    return _Marker(profile, body, session)(runs)


def undocs_url(symbol: str, lang: str) -> str:
    """The address of a document on the UN's symbol resolver, in the language of the
    citing text (`https://undocs.org/{language}/{symbol}`, the form the UN's own pages
    link with; undocs.org takes the two-letter codes of the six languages): the symbol
    as its path, percent-encoded where a URL cannot hold it (the space of `S/RES/2710 (2023)`).

    >>> undocs_url("A/HRC/37/79", "en"), undocs_url("S/RES/2710 (2023)", "zh")
    ('https://undocs.org/en/A/HRC/37/79', 'https://undocs.org/zh/S/RES/2710%20(2023)')
    """
    from urllib.parse import quote

    if lang not in UNDOCS_LANGUAGES:
        raise ValueError(f"undocs.org has no language {lang!r}")
    return f"{UNDOCS}{lang}/{quote(symbol, safe='/()')}"


def first_symbol(printed: str) -> str:
    """The symbol to follow for a printed one: the first of a joint symbol.

    >>> first_symbol("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"), first_symbol("A/RES/ES-10/24")
    ('E/CN.4/2001/2', 'A/RES/ES-10/24')
    """
    return _JOINT.split(printed, maxsplit=1)[0]


class _Marker:
    def __init__(self, profile: Profile, body: str | None, session: str | None = None):
        self.profile = profile
        self.body = body
        self.session = int(session) if session and session.isdigit() else None
        self.words = _citation_patterns(profile.code) if profile.citation else None

    # -- the nodes that hold running text -------------------------------------
    def recital(self, recital: Recital) -> Recital:
        return _replace(recital, content=self(recital.content))

    def units(self, units) -> tuple:
        return tuple(self.unit(u) for u in units)

    def unit(self, unit):
        if isinstance(unit, Heading):
            return _replace(unit, content=self(unit.content))
        if isinstance(unit, Table):
            rows = tuple(_replace(r, content=self(r.content)) for r in unit.rows)
            return _replace(unit, label=self(unit.label), rows=rows)
        quoted = unit.quoted
        if quoted is not None:
            quoted = replace(quoted, preamble=tuple(self.recital(r) for r in quoted.preamble),
                             operative=self.units(quoted.operative))
        return _replace(unit, content=self(unit.content), items=self.items(unit.items),
                        wrap_up=self(unit.wrap_up), quoted=quoted)

    def items(self, items: tuple[Item, ...]) -> tuple[Item, ...]:
        if not items:
            return items
        return tuple(_replace(i, content=self(i.content), items=self.items(i.items), heading=self(i.heading))
                     for i in items)

    def closing(self, line: ClosingLine) -> ClosingLine:
        return _replace(line, content=self(line.content))

    # -- one run of inlines ---------------------------------------------------
    def __call__(self, runs: tuple) -> tuple:
        # every date and every cited symbol or number holds a digit; most runs hold none
        if not any(isinstance(r, Text) and _DIGIT.search(r.text) for r in runs):
            return runs
        flat, spans = _flatten(runs)
        marks: list[tuple[int, int, object]] = []
        taken = _Taken(spans)
        for start, end, iso in self.dates(flat):
            if taken.free(start, end):
                marks.append((start, end, DateText(flat[start:end], iso)))
                taken.add(start, end)
        dates = {(s, e): run.iso for s, e, run in marks}
        for start, end, reference in self.references(flat, dates):
            if taken.free(start, end):
                marks.append((start, end, reference))
                taken.add(start, end)
        if not marks:
            return runs
        return _rebuild(runs, spans, sorted(marks, key=lambda m: m[0]))

    def dates(self, flat: str):
        """(start, end, ISO date) of every date: the two ends of a range, then single dates."""
        profile = self.profile
        if profile.date_range:
            partial = profile.rx("partial_date")
            for m in profile.rx("date_range").finditer(flat):
                if _glued(flat, m.start("start")):
                    continue
                start, end = partial.match(m["start"].strip()), partial.match(m["end"].strip())
                if not (start and end):
                    continue
                s, e = start.groupdict(), end.groupdict()
                start_iso, end_iso = iso_date(s, profile, e), iso_date(e, profile, s)
                if start_iso and end_iso and start_iso <= end_iso:
                    yield m.start("start"), m.start("start") + len(m["start"].rstrip()), start_iso
                    yield m.start("end"), m.start("end") + len(m["end"].rstrip()), end_iso
        for m in profile.rx("date").finditer(flat):
            iso = iso_date(m.groupdict(), profile)
            if iso and not _glued(flat, m.start()):
                yield m.start(), m.end(), iso

    def references(self, flat: str, dates: dict[tuple[int, int], str]):
        # a symbol and a cited number each hold a "/" (or a number the "(" of its
        # year): most runs hold neither, and `in` finds that faster than the patterns
        if "/" not in flat and "(" not in flat:
            return
        for m in SYMBOL.finditer(flat):
            text = m.group()
            if not any(c.isdigit() for c in text):
                continue
            if " (" in text.replace("\u00a0", " ") and not text.startswith(_YEAR_IN_BRACKETS):
                text = text[:text.rfind("(")].rstrip()  # a year in brackets belongs to SC resolutions only
            yield m.start(), m.start() + len(text), Reference(text, first_symbol(text))
        if self.words is None:
            return
        previous: tuple[int, str | None] | None = None  # end and body of the last citation in this clause
        for m in NUMBER.finditer(flat):
            clause_start = _clause_start(flat, m.start())
            if previous and previous[0] < clause_start:
                previous = None
            cited = self.cite(flat, m, clause_start, previous)
            if cited is None:
                continue
            kind, body = cited
            previous = (m.end(), body)
            # the symbol and the number in ASCII digits, whichever digits were printed ("٦٠/١")
            number = ascii_digits(f"{m['sc']} ({m['sc_year']})" if m["sc"] else f"{m['first']}/{m['n']}")
            symbol = _symbol(kind, body, number)
            if symbol is None:
                continue
            yield m.start(), m.end(), Reference(m.group(), symbol, body, kind, number,
                                                self.date_of(flat, m.start(), m.end(), dates))

    def cite(self, flat: str, m: re.Match, clause_start: int, previous) -> tuple[str, str | None] | None:
        """(kind, body) of a cited number, or None when no resolution or decision word
        names it within its clause."""
        c, words = self.profile.citation, self.words
        clause_end = _clause_end(flat, m.end())
        before_start = max(clause_start, m.start() - _WINDOW)
        before = flat[before_start:m.start()]
        after = flat[m.end():min(clause_end, m.end() + _WINDOW)]
        if c.keyword_after:
            found = [(k.start(), kind) for kind in ("resolution", "decision") for k in [words[kind].search(after)] if k]
            kind = min(found)[1] if found else None
        else:
            found = [(k.end(), kind) for kind in ("resolution", "decision") for k in words[kind].finditer(before)]
            kind = max(found)[1] if found else None
        if kind is None:
            return None
        # a body named before the number, after the previous number of the clause
        near_before = flat[max(before_start, previous[0] if previous else 0):m.start()]
        # after the number, up to the next number or the next resolution word (the
        # keyword itself where it follows the number): beyond, another citation starts
        limit = min(clause_end, m.end() + _WINDOW)
        stops = [found.start() for found in (NUMBER.search(flat, m.end(), limit),) if found]
        for word in (words["resolution"], words["decision"]):
            found = word.search(flat, m.end(), limit)
            if found:
                stops.append(found.end() if c.keyword_after else found.start())
        near_after = flat[m.end():min(stops, default=limit)]
        # a language that closes a citation with its keyword opens it with the body
        # ("大会…设立人权理事会的第 60/251 号决议"): the first body named counts there
        named_before = (_first if c.keyword_after else _last)(words["bodies"], near_before)
        named_after = _first(words["bodies"], near_after)
        sides = (named_after, named_before) if c.body_after else (named_before, named_after)
        named = next((body for body in sides if body), None)
        if named:
            return kind, named
        if words["own"].search(near_before):
            return kind, self.own_body(m)
        if previous is not None:
            return kind, previous[1]
        return kind, self.own_body(m)

    def own_body(self, m: re.Match) -> str | None:
        """The citing body, unless the number is of a later session than the citing
        text's: a Human Rights Council text's bare "resolution 77/317" is the General
        Assembly's (whose sessions run ahead of the Council's)."""
        first = ascii_digits(m["first"] or "")
        later = self.session is not None and first.isdigit() and int(first) > self.session
        if later:
            return BODIES[self.body].parent if self.body in BODIES else None
        return self.body

    def date_of(self, flat: str, start: int, end: int, dates: dict[tuple[int, int], str]) -> str | None:
        """The date printed with a citation ("72/171 of 19 December 2017")."""
        joiner = self.words["date_joiner"]
        if self.profile.citation.date_before:
            return next((iso for (s, e), iso in dates.items() if e <= start and joiner.fullmatch(flat, e, start)), None)
        m = joiner.match(flat, end)
        return next((iso for (s, e), iso in dates.items() if m and s == m.end()), None)


# The body whose numbers carry their year in brackets ("2710 (2023)", the Security
# Council's), and its symbols' prefix: after any other symbol a bracketed year is the
# citing text's, not part of the symbol.
_YEAR_IN_BRACKETS_BODY = next(b for b in BODIES.values() if b.numbering == "n (year)")
_YEAR_IN_BRACKETS = _YEAR_IN_BRACKETS_BODY.symbols["resolution"].split("{")[0]


@cache
def _citation_patterns(code: str) -> dict:
    from ..languages import load

    c = load(code).citation
    flags = re.IGNORECASE
    return {"resolution": re.compile(c.resolution, flags), "decision": re.compile(c.decision, flags),
            "own": re.compile(c.own, flags), "date_joiner": re.compile(c.date_joiner, flags),
            "bodies": [(body, re.compile(pattern, flags)) for body, pattern in c.bodies.items()]}


def _symbol(kind: str, body: str | None, number: str) -> str | None:
    """The symbol of a cited number, when its shape fits the body's numbering:
    `1325 (2000)` is the Security Council's, `2023/17` year-based (ECOSOC's), `72/171`
    session-based (the General Assembly's or the Human Rights Council's)."""
    if "(" in number:
        return derive_symbol(_YEAR_IN_BRACKETS_BODY, kind, number, None)
    if body is None:
        return None
    numbering = BODIES[body].numbering
    year_based = re.match(r"(?:19|20)\d\d/", number) is not None
    if numbering == "n (year)" or year_based != (numbering == "year/n"):
        return None
    return derive_symbol(BODIES[body], kind, number, None)


def _last(bodies, text: str) -> str | None:
    found = [(m.end(), body) for body, rx in bodies for m in rx.finditer(text)]
    return max(found)[1] if found else None


def _first(bodies, text: str) -> str | None:
    found = [(m.start(), body) for body, rx in bodies for m in [rx.search(text)] if m]
    return min(found)[1] if found else None


def _clause_start(flat: str, position: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(flat, max(0, position - 4 * _WINDOW), position)]
    return ends[-1] if ends else max(0, position - 4 * _WINDOW)


def _clause_end(flat: str, position: int) -> int:
    m = _CLAUSE_END.search(flat, position)
    return m.start() if m else len(flat)


def _glued(flat: str, start: int) -> bool:
    """A match that starts inside a longer number ("112 May") is not a date."""
    return start > 0 and flat[start - 1].isdigit()


def _replace(node, **changes):
    """`dataclasses.replace`, or the node itself when every value is the one it holds
    (most runs have nothing to mark, and their nodes are frozen: the same node is an
    equal one, made for nothing)."""
    if all(getattr(node, name) is value for name, value in changes.items()):
        return node
    return replace(node, **changes)


def _flatten(runs: tuple) -> tuple[str, list[tuple[int, int] | None]]:
    """The runs as one string (a non-text run as placeholders), and the span of each Text run."""
    pieces, spans, pos = [], [], 0
    for run in runs:
        if isinstance(run, Text):
            piece = run.text
            spans.append((pos, pos + len(piece)))
        else:
            piece = _OBJECT * max(1, len(getattr(run, "text", "")))
            spans.append(None)
        pieces.append(piece)
        pos += len(piece)
    return "".join(pieces), spans


class _Taken:
    """Which characters marks hold; a mark must lie inside one Text run."""

    def __init__(self, spans):
        self.spans = [s for s in spans if s is not None]
        self.used: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        if start >= end or not any(a <= start and end <= b for a, b in self.spans):
            return False
        return all(end <= s or start >= e for s, e in self.used)

    def add(self, start: int, end: int) -> None:
        self.used.append((start, end))


def _rebuild(runs: tuple, spans, marks) -> tuple:
    """The runs with each Text run cut at the marks inside it."""
    out = []
    for run, span in zip(runs, spans):
        if span is None:
            out.append(run)
            continue
        a, b = span
        pos = a
        for start, end, marked in marks:
            if a <= start and end <= b:
                out += [Text(run.text[pos - a:start - a]), marked]
                pos = end
        out.append(Text(run.text[pos - a:]))
    return merge(out)
