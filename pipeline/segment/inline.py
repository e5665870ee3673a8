"""Inline structure inside a block: footnote calls, opening phrases, vote counts,
names in vote lists, dates."""
from __future__ import annotations

import re
from datetime import date

from ..languages import SUPERSCRIPT_NOTE_CALL, Profile
from ..model import Emphasis, NoteRef, Organization, Quantity, Text, count_ref
from ..numerals import ascii_digits
from ..scripts import from_superscript

_SUPERSCRIPT_RUN = re.compile(SUPERSCRIPT_NOTE_CALL)


def note_marker(raw: str) -> str:
    """The marker of a footnote as ASCII digits.

    >>> note_marker("¹²"), note_marker("٣")
    ('12', '3')
    """
    return ascii_digits(from_superscript(raw))


def note_runs(text: str, markers: set[str], call: re.Pattern = _SUPERSCRIPT_RUN,
              plain: tuple[tuple[int, int, str], ...] = ()) -> tuple[tuple, list[str]]:
    """Split text at the footnote calls whose marker has a note: the printed calls
    (`call`, group `marker`) and the plain-digit calls found elsewhere (`plain`:
    start, end, marker).

    Returns the runs, the markers that have no note (left in the text as printed),
    and what the calls printed besides their markers (the brackets of an Arabic
    `(1)`), which the note calls do not keep.

    >>> note_runs("报告¹；", {"1"})
    ((Text(text='报告'), NoteRef(marker='1'), Text(text='；')), [], '')
    >>> note_runs("m² of land", set())
    ((Text(text='m² of land'),), ['2'], '')
    >>> note_runs("the Treaty,8 and", {"8"}, plain=((11, 12, "8"),))
    ((Text(text='the Treaty,'), NoteRef(marker='8'), Text(text=' and')), [], '')
    >>> note_runs("العام(2)،", {"2"}, re.compile(r"\\((?P<marker>\\d)\\)"))[2]
    '()'
    """
    found, missing = [(s, e, m, "") for s, e, m in plain], []
    for m in call.finditer(text):
        marker = note_marker(m.group("marker"))
        if marker in markers:
            found.append((m.start(), m.end(), marker,
                          text[m.start():m.start("marker")] + text[m.end("marker"):m.end()]))
        else:
            missing.append(marker)
    runs, pos, dropped = [], 0, []
    for start, end, marker, besides in sorted(found):
        if start < pos:
            continue
        runs += [Text(text[pos:start]), NoteRef(marker)]
        dropped.append(besides)
        pos = end
    runs.append(Text(text[pos:]))
    return merge(runs), missing, "".join(dropped)


# Where a footnote call printed as plain digits can sit: glued to a letter
# ("Weapons4"), after closing punctuation ("Treaty,8", "决议，2", "《公约》3"), or after
# a year ("of 19721" = 1972 + call 1); never inside a longer number, nor before a
# unit that makes a number of it ("2017年3月", "第 189 卷"), nor after the decimal
# comma or point of a number ("2,4 процента", "0.5 per cent"; a symbol's number may
# take a call after its comma: "60/251,2").
_PLAIN_CALL = (r"(?:(?<=[^\W\d_])|(?<=[,.;:)\]”’\"»，。；：、）》」』])|(?<=\b(?:19|20)\d\d))"
               r"(?<!/[A-Za-z]\.)(?<!/[A-Za-z]{{2}}\.)(?<!/[A-Za-z]{{3}}\.)(?<!/[A-Za-z]{{4}}\.)"  # not L.1, Add.1
               r"(?<![^\d/.]\d[,.])(?<![^\d/.]\d\d[,.])(?<![^\d/.]\d\d\d[,.])"  # not 2,4 / 10,5 / 332,7
               r"(?<!^\d[,.])(?<!^\d\d[,.])(?<!^\d\d\d[,.])"
               r"{marker}(?!\d)")


def locate_plain_calls(texts: list[str], markers: list[str],
                       units: str = "") -> dict[int, list[tuple[int, int, str]]]:
    """Find footnote calls printed as plain digits, in note order through the texts;
    `units` are the characters that make a number of the digits before them.

    Each marker is looked for after the previous one's call, so a number in the
    text that happens to equal a marker is skipped unless it sits where the call
    belongs in the sequence. Returns text index -> [(start, end, marker)].

    >>> locate_plain_calls(["Convention of 19721 and", "the Treaty,2 as of 2 May"], ["1", "2"])
    {0: [(18, 19, '1')], 1: [(11, 12, '2')]}
    >>> locate_plain_calls(["理事会2017年3月24日第34/22号决议", "《公约》3 及其"], ["3"], units="年月日号")
    {1: [(4, 5, '3')]}
    >>> locate_plain_calls(["примерно 2,4 процента", "по 30 июня 2023 года4;"], ["4"])
    {1: [(20, 21, '4')]}
    >>> locate_plain_calls(["in resolution 60/251,2 the Assembly"], ["2"])
    {0: [(21, 22, '2')]}
    """
    found: dict[int, list[tuple[int, int, str]]] = {}
    index, offset = 0, 0
    no_unit = rf"(?! ?[{re.escape(units)}])" if units else ""
    for marker in markers:
        pattern = re.compile(_PLAIN_CALL.format(marker=re.escape(marker)) + no_unit)
        for i in range(index, len(texts)):
            m = pattern.search(texts[i], offset if i == index else 0)
            if m:
                found.setdefault(i, []).append((m.start(), m.end(), marker))
                index, offset = i, m.end()
                break
    return found


def merge(runs) -> tuple:
    """Join neighbouring Text runs.

    >>> merge([Text("a"), Text(" "), Text("b")])
    (Text(text='a b'),)
    """
    out: list = []
    for run in runs:
        if out and isinstance(run, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + run.text)
        elif not (isinstance(run, Text) and not run.text):
            out.append(run)
    return tuple(out)


def with_opening(runs: tuple, profile: Profile, pattern: str = "opening_phrase") -> tuple[str, tuple]:
    """Mark the opening phrase (`重申`, `Recalling also`, `Decides`) of a paragraph;
    `pattern` names the profile pattern to use.

    >>> from pipeline.languages import load
    >>> with_opening((Text("又回顾大会在"),), load("zh"))
    ('又回顾', (Emphasis(text='又回顾'), Text(text='大会在')))
    >>> with_opening((Text("Also requests the Secretary-General"),), load("en"), "operative_phrase")[0]
    'Also requests'
    """
    if not runs or not isinstance(runs[0], Text):
        return "", runs
    m = profile.rx(pattern).match(runs[0].text)
    if not m or not m.group():
        return "", runs
    phrase = m.group()
    rest = runs[0].text[m.end():]
    return phrase, merge([Emphasis(phrase), Text(rest), *runs[1:]])


def quantity_runs(text: str, profile: Profile) -> tuple:
    """Wrap the vote counts of an outcome sentence as Quantity runs.

    >>> from pipeline.languages import load
    >>> quantity_runs("[经记录表决，以 28 票对 14 票、3 票弃权获得通过。", load("zh"))[1]
    Quantity(text='28', value=28, refers_to='inFavour')
    >>> quantity_runs("بأغلبية 31 صوتاً مقابل 14 صوتاً وامتناع عضوين عن التصويت.", load("ar"))[-2]
    Quantity(text='عضوين', value=2, refers_to='abstaining')
    """
    for pattern in profile.vote.counts:
        m = re.search(pattern, text, re.IGNORECASE)
        if not m:
            continue
        runs, pos = [], 0
        for key in ("in_favour", "against", "abstaining"):
            if key not in m.re.groupindex or m.group(key) is None:
                continue
            start, end = m.span(key)
            printed = m.group(key)
            value = profile.vote.count_words.get(printed)
            runs += [Text(text[pos:start]), Quantity(printed, int(printed) if value is None else value, count_ref(key))]
            pos = end
        runs.append(Text(text[pos:]))
        return merge(runs)
    return (Text(text),)


def name_runs(text: str, profile: Profile) -> tuple:
    """Wrap each printed name of a vote list as an Organization run; separators and
    the closing bracket stay text.

    >>> from pipeline.languages import load
    >>> name_runs("阿富汗、巴西、墨西哥]", load("zh"))
    (Organization(text='阿富汗', refers_to='memberState'), Text(text='、'), \
Organization(text='巴西', refers_to='memberState'), Text(text='、'), \
Organization(text='墨西哥', refers_to='memberState'), Text(text=']'))
    >>> [r.text for r in name_runs("Chile, China and Cuba", load("en"))]
    ['Chile', ', ', 'China', ' and ', 'Cuba']
    >>> [r.text for r in name_runs("Benin, Trinidad and Tobago, United Kingdom of Great Britain and Northern "
    ...                              "Ireland and Viet Nam", load("en")) if r.text.strip(" ,")][1:]
    ['Trinidad and Tobago', 'United Kingdom of Great Britain and Northern Ireland', ' and ', 'Viet Nam']
    >>> [r.text for r in name_runs("Royaume-Uni de Grande-Bretagne et d’Irlande du Nord et Tchad", load("fr"))]
    ['Royaume-Uni de Grande-Bretagne et d’Irlande du Nord', ' et ', 'Tchad']
    """
    body = text.rstrip()
    tail = ""
    m = re.search(r"[\]］.。]+$", body)
    if m:
        body, tail = body[:m.start()], body[m.start():] + text[len(body):]
    separator = profile.vote.name_separator
    if profile.vote.final_conjunction:
        separator = f"(?:{separator}|{profile.vote.final_conjunction})"
    runs, pos = [], 0
    for sep in re.finditer(separator, body):
        name = body[pos:sep.start()]
        runs += [Organization(name) if name.strip() else Text(name), Text(sep.group())]
        pos = sep.end()
    if body[pos:]:
        runs.append(Organization(body[pos:]))
    runs.append(Text(tail))
    return merge(runs)


def iso_date(parts: dict, profile: Profile, default: dict | None = None) -> str | None:
    """ISO date from matched year/month/day groups; missing parts come from `default`.

    >>> from pipeline.languages import load
    >>> iso_date({"year": "2018", "month": "7", "day": "5"}, load("zh"))
    '2018-07-05'
    >>> iso_date({"year": None, "month": None, "day": "6"}, load("zh"), {"year": "2018", "month": "7"})
    '2018-07-06'
    >>> iso_date({"year": "2023", "month": "October", "day": "12"}, load("en"))
    '2023-10-12'
    """
    values = {k: parts.get(k) or (default or {}).get(k) for k in ("year", "month", "day")}
    if not all(values.values()):
        return None
    month = values["month"]
    if not month.isdigit():
        names = [m.lower() for m in profile.months]
        if month.lower() not in names:
            return None
        month = str(names.index(month.lower()) + 1)
    try:
        return date(int(values["year"]), int(month), int(values["day"])).isoformat()
    except ValueError:
        return None
