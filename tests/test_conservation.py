"""Nothing is lost: every visible character of the input outside page artefacts
reaches the output, in order; footnote texts reach their notes."""
from __future__ import annotations

from conftest import SEED
from pipeline.conservation import check, expected_running_text
from pipeline.convert import Options, convert


def test_seed_text_is_conserved_in_order(seed_conversion):
    report = check(seed_conversion.source.text, seed_conversion.cleaned, seed_conversion.akn)
    assert report.ok, report.detail
    assert report.expected == report.found > 4000


def test_the_check_notices_a_lost_character(seed_conversion):
    damaged = seed_conversion.akn.replace("可持续发展的重要组成部分".encode(), "可持续发的重要组成部分".encode())
    report = check(seed_conversion.source.text, seed_conversion.cleaned, damaged)
    assert not report.ok and "发" in report.detail


def test_the_check_notices_reordering(seed_conversion):
    damaged = seed_conversion.akn.replace("<num>1.</num>".encode(), "<num>.1</num>".encode())
    assert not check(seed_conversion.source.text, seed_conversion.cleaned, damaged).ok


def test_removed_control_characters_are_accounted_for():
    text = SEED.read_text(encoding="utf-8").replace("议程项目 3", "议程项目\x00 3")
    conversion = convert(text, "x.txt", Options(markup_date="2026-01-01"))
    assert conversion.cleaned.removed[0].line == 11
    assert "\x00" not in expected_running_text(text, conversion.cleaned)
    assert check(text, conversion.cleaned, conversion.akn).ok


def test_a_note_without_a_call_after_the_closing_lines_is_kept():
    # The closing line is taken apart into a date and a meeting: a note hung on it
    # would vanish, so it goes to the last paragraph with running text.
    text = ("2023/28. Example\n\nThe Economic and Social Council,\n\nNoting the report,\n\n"
            "1. Takes note of the report;\n\n2. Decides to remain seized of the matter.\n\n"
            "45th plenary meeting\n25 July 2023\n\n³ Resolution 70/1.\n")
    conversion = convert(text, "x.txt", Options(lang="en", markup_date="2026-01-01"))
    assert conversion.ok
    assert "Resolution 70/1." in conversion.akn.decode()
    assert [d.code for d in conversion.diagnostics if d.code == "W014"] == ["W014"]
