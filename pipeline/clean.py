"""Stage 2, clean: undo what the PDF and its text extractor did to the text.

`FIXES` is the one place where the order of the fixes is declared. Character fixes
(`str -> str`) run on every line; page fixes see the whole draft. Every line keeps
the input line numbers it came from, and whatever leaves the running text is
either set aside (footnote texts) or recorded as a removal.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable

from .diagnostics import Diagnostic
from .fixes import arabic, geometry, pages, text, unwrap, words
from .fixes.base import Draft, Insertion, Line, LineFix, Removal, TextFix, lines_of
from .languages import Profile


def per_line(fix: TextFix, removes: str | None = None, direction: str | None = None,
             when: Callable[[str], object] | str | None = None) -> LineFix:
    """Lift a character fix to a line fix, over the running text and the footnote
    texts set aside. With `removes`, every visible character
    the fix deletes is recorded as a removal with that reason, and every one it puts
    in (a bracket's glyph read as the bracket it mirrors) as an insertion; with `direction`,
    only documents whose language is written that way are touched; with `when`, a
    test of the whole text (a compiled pattern's `search`) that is false when the
    fix can change no line, or the characters of which a line must hold one, so that
    the lines are not gone through for nothing."""
    if isinstance(when, str):
        characters = when
        when = lambda whole: any(c in whole for c in characters)  # noqa: E731 (a substring search each, in C)

    def fixed(lines: tuple[Line, ...], removed: list, inserted: list) -> list[Line]:
        out = []
        for line in lines:
            text = fix(line.text)
            if text != line.text and removes:
                before, after = Counter(line.text), Counter(text)
                if lost := before - after:
                    removed.append(Removal(line.span.first, "".join(sorted(lost.elements())), removes))
                if added := "".join(sorted(c for c in (after - before).elements() if not c.isspace())):
                    inserted.append(Insertion(line.span.first, added, removes))
            out.append(line if text == line.text else Line(text, line.span, line.page_break))
        return out

    def apply(draft: Draft) -> Draft:
        if direction is not None and (draft.profile is None or draft.profile.direction != direction):
            return draft
        # the footnote texts set aside already are text of the document too
        if when is not None and not when(_whole_text(draft.lines)) and not (
                draft.notes and when(_whole_text(draft.notes, _NOTES))):
            return draft
        removed, inserted = [], []
        lines = fixed(draft.lines, removed, inserted)
        notes = fixed(draft.notes, removed, inserted) if draft.notes else None
        result = draft.with_lines(lines, removed=removed, inserted=inserted)
        return result if notes is None else replace(result, notes=tuple(notes))

    apply.__name__ = fix.__name__
    apply.__doc__ = fix.__doc__
    return apply


# The text the `when` tests look in, joined once for a run of fixes that change
# nothing (most of them, in most documents): a tuple of lines is never changed, so the
# same tuple is the same text. One slot for the running text, one for the notes.
_LINES, _NOTES = 0, 1
_JOINED: list = [[None, ""], [None, ""]]


def _whole_text(lines: tuple[Line, ...], slot: int = _LINES) -> str:
    joined = _JOINED[slot]
    if joined[0] is not lines:
        joined[0], joined[1] = lines, "\n".join([line.text for line in lines])
    return joined[1]


FIXES: tuple[LineFix, ...] = (
    per_line(text.normalize_nfc, when=text.not_nfc),
    per_line(text.remove_control_chars, removes="control character", when=text.CONTROL_CHARS.search),
    per_line(text.remove_invisible, removes="invisible character", when=text.INVISIBLE),
    per_line(text.plain_spaces, when=text.OTHER_SPACE.search),
    per_line(arabic.restore_logical_order, removes="bidirectional control", direction="rtl"),
    per_line(arabic.remove_bidi_controls, removes="bidirectional control", when=arabic.BIDI_CONTROLS),
    arabic.reverse_visual_lines,  # before any fix reads an Arabic word
    arabic.restore_run_order,
    per_line(arabic.repair_lam_alef, when=arabic.ALEF_OR_MAKSURA),
    per_line(text.tabs_to_spaces, when="\t"),
    pages.split_masthead_columns,  # before the runs of spaces between the columns are collapsed
    per_line(text.collapse_space_runs, when=text.spaces_to_collapse),
    per_line(text.strip_trailing_space, when=text.TRAILING_SPACE.search),
    per_line(text.join_numero_sign, when=text.SPLIT_NUMERO.search),
    text.space_after_calls,
    pages.mark_page_breaks,
    geometry.remove_marked_furniture,  # PDF input only: what the page geometry says
    geometry.lift_marked_footnotes,
    arabic.attach_cut_lam_alef,  # before the tanween it leaves at a line end is taken for a lone mark
    arabic.attach_tanween_lines,
    arabic.attach_detached_shadda,
    per_line(arabic.remove_detached_marks, removes="detached vowel mark", direction="rtl"),
    pages.remove_page_furniture,
    pages.attach_raised_calls,
    per_line(arabic.close_punctuation_gaps, direction="rtl"),
    per_line(arabic.move_leading_end_marks, direction="rtl"),
    per_line(arabic.turn_hyphen_numbers, direction="rtl", when=arabic.TURNED_HYPHEN_NUMBER.search),
    per_line(arabic.turn_year_ranges, direction="rtl", when=arabic.TURNED_YEAR_RANGE.search),
    per_line(arabic.turn_day_ranges, direction="rtl", when=arabic.TURNED_DAY_RANGE.search),
    per_line(arabic.restore_visual_notes, direction="rtl", when=arabic.VISUAL_NOTE_END.search),
    per_line(arabic.restore_turned_latin_runs, direction="rtl", when=arabic.TURNED_LATIN_END.search),
    per_line(arabic.turn_latin_brackets, direction="rtl", when=arabic.MIRRORED_LATIN_BRACKETS.search),
    per_line(arabic.close_latin_brackets, removes="mirrored bracket", direction="rtl",
             when=arabic.OUTSIDE_LATIN_BRACKET.search),
    pages.lift_footnotes,
    pages.lift_page_footnotes,
    pages.split_glued_formulas,
    pages.restore_displaced_line_ends,
    arabic.restore_fragment_order,
    arabic.restore_first_line_ends,
    arabic.restore_opening_verbs,
    arabic.restore_trailing_openings,
    arabic.place_paragraph_numbers,
    arabic.place_item_labels,
    unwrap.restore_heading_order,  # after the Arabic paragraph numbers are placed: it looks for number 1
    unwrap.place_heading_labels,
    unwrap.attach_hanging_numbers,
    unwrap.unwrap_lines,
    pages.join_split_paragraphs,
    words.repair_broken_words,
    words.join_broken_symbols,
    words.join_broken_ranges,
    words.restore_dropped_hyphens,
    words.restore_number_hyphens,
    per_line(text.remove_soft_hyphens, removes="invisible character", when="\u00ad"),  # the joins are made
    # once the paragraphs are read: a lone و is what the line-level fixes know the text layer by
    per_line(arabic.attach_conjunction, direction="rtl", when=arabic.DETACHED_WAW.search),
    per_line(arabic.join_split_geminates, direction="rtl", when=arabic.SPLIT_GEMINATE.search),
    pages.drop_blank_lines,
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The running text (one line per block), the footnote texts set aside, what was
    removed, which fixes changed something, and what was added."""

    lines: tuple[Line, ...]
    notes: tuple[Line, ...]
    removed: tuple[Removal, ...]
    diagnostics: tuple[Diagnostic, ...]
    applied: tuple[str, ...]
    inserted: tuple[Insertion, ...] = ()


def clean(source_text: str, profile: Profile | None = None, fixes: tuple[LineFix, ...] = FIXES,
          hints: tuple | None = None) -> Cleaned:
    """Run the fixes in order over the text of one document (`hints`: the page
    geometry of each line when it was read from a PDF).

    >>> c = clean("标题\\n\\n报告¹；\\n\\n¹ 注。\\n")
    >>> [l.text for l in c.lines], [l.text for l in c.notes]
    (['标题', '报告¹；'], ['¹ 注。'])
    """
    draft = Draft(lines_of(source_text), profile=profile, hints=hints)
    applied = []
    for fix in fixes:
        before = draft
        draft = fix(draft)
        if draft != before:
            applied.append(fix.__name__)
    return Cleaned(draft.lines, draft.notes, draft.removed, draft.diagnostics, tuple(applied), draft.inserted)

