"""The clean stage: labelled cases, line numbers kept, removals recorded."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from casefile import read_cases
from pipeline.clean import FIXES, clean
from pipeline.languages import detect, load

CASES = read_cases(Path(__file__).parent / "cases" / "clean.txt")


def _unescape(text: str) -> str:
    text = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), text)
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("\\f", "\f").replace("\\t", "\t")


def _show(cleaned) -> str:
    lines = [f"{line.span}{'^' if line.page_break else ''}|{line.text}" for line in cleaned.lines]
    lines += [f"note {note.span}|{note.text}" for note in cleaned.notes]
    return "\n".join(lines)


def _profile(case):
    """The language a case is written in (the fixes that need words get its profile)."""
    return load(detect(_unescape(case.given)) or "en")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_clean_case(case):
    assert _show(clean(_unescape(case.given), _profile(case))) == _unescape(case.expected), \
        f"tests/cases/clean.txt:{case.line}: {case.title}"


def test_cases_were_read():
    assert len(CASES) >= 10


def test_fixes_have_names_docstrings_and_examples():
    names = [fix.__name__ for fix in FIXES]
    assert len(names) == len(set(names))
    for fix in FIXES:
        assert fix.__doc__ and ">>>" in fix.__doc__, f"{fix.__name__} needs a docstring with a doctest"


def test_removed_control_characters_are_recorded_with_their_line():
    cleaned = clean("The Council,\nRecalling\x00 its\x07 resolutions,\n")
    assert [(r.line, r.reason) for r in cleaned.removed] == [(2, "control character")]
    assert cleaned.removed[0].text == "\x00\x07"


def test_applied_lists_the_fixes_that_changed_something():
    cleaned = clean("a\tb")
    assert cleaned.applied == ("tabs_to_spaces",)


def test_every_kept_line_points_at_input_lines_with_its_text():
    text = "标题\n\n第一段，\n\n\n\n第二段，\n"
    source_lines = text.split("\n")
    for line in clean(text).lines:
        assert line.text in "".join(source_lines[line.span.first - 1:line.span.last])


def test_a_note_stays_a_note_when_the_next_line_is_joined_to_it():
    # Found by the torture run (an Arabic document with a Chinese one run on to it):
    # the mirrored marker ")3(" glued to the next line no longer matched the note
    # pattern, and the assembler crashed on a note it could not read.
    from pipeline.fixes.base import Draft, lines_of
    from pipeline.fixes.pages import lift_footnotes

    draft = lift_footnotes(Draft(lines_of("نص،\n.A/78/601 )3(\n联合国大会"), profile=load("ar")))
    assert [n.text for n in draft.notes] == [".A/78/601 )3( 联合国大会"]
    assert load("ar").rx("note_line").match(draft.notes[0].text)
