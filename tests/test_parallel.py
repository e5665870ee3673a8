"""check-parallel (pipeline/parallel.py, `akn-pipeline check-parallel`): versions of one
resolution in several languages agree, and each planted difference is reported once
with the line of both versions."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, shared_path
from pipeline.cli import main

CASES = ROOT / "tests" / "cases" / "parallel"
# The two versions of a made-up HRC resolution (tests/cases/parallel): line numbers
# of what the plants change, the same in both files.
PARAGRAPH_2, PARAGRAPH_3, VOTE, IN_FAVOUR, AGAINST = 35, 37, 43, 45, 49


def check(tmp_path: Path, capsys, fr_text: str | None = None) -> tuple[int, list[str]]:
    fr = tmp_path / "fr.txt"
    fr.write_text(fr_text if fr_text is not None else (CASES / "fr.txt").read_text(encoding="utf-8"),
                  encoding="utf-8")
    status = main(["check-parallel", str(CASES / "en.txt"), str(fr)])
    out = capsys.readouterr().out
    # name the files by their base names, so that the expected lines read plainly
    return status, [line.replace(str(CASES) + "/", "").replace(str(tmp_path) + "/", "")
                    for line in out.splitlines()]


def planted(old: str, new: str) -> str:
    text = (CASES / "fr.txt").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_two_faithful_versions_agree(tmp_path, capsys):
    assert check(tmp_path, capsys) == (0, [])


def test_a_deleted_paragraph_is_reported_at_both_places(tmp_path, capsys):
    status, lines = check(tmp_path, capsys, planted("2. Encourage les États à coopérer ;\n\n", ""))
    assert status == 1
    assert lines == [
        "fr.txt:29: warning W025: operative paragraphs: 2 here, 3 in en.txt:29",
        # the paragraph that took the deleted one's place, and the deleted one
        f"fr.txt:{PARAGRAPH_2}: warning W025: operative numbering: paragraph 2 numbered 3 here, "
        f"paragraph 2 numbered 2 in en.txt:{PARAGRAPH_2}",
    ]


def test_a_changed_number_is_reported_at_its_paragraph(tmp_path, capsys):
    status, lines = check(tmp_path, capsys, planted("3. Décide", "4. Décide"))
    assert status == 1
    assert lines == [f"fr.txt:{PARAGRAPH_3}: warning W025: operative numbering: paragraph 3 numbered 4 here, "
                     f"paragraph 3 numbered 3 in en.txt:{PARAGRAPH_3}"]


def test_a_changed_vote_count_is_reported_at_the_vote(tmp_path, capsys):
    status, lines = check(tmp_path, capsys, planted("par 3 voix contre 2", "par 3 voix contre 5"))
    assert status == 1
    assert lines == [f"fr.txt:{VOTE}: warning W025: votes against: 5 here, 2 in en.txt:{VOTE}"]


def test_a_swapped_voter_is_reported_in_both_lists_by_its_code(tmp_path, capsys):
    text = planted("Bénin, Trinité", "Chili, Trinité")
    text = text.replace("Chili, Japon", "Bénin, Japon")
    status, lines = check(tmp_path, capsys, text)
    assert status == 1
    assert lines == [
        f"fr.txt:{IN_FAVOUR}: warning W025: voters inFavour: {{CHL}} here, {{BEN}} in en.txt:{IN_FAVOUR}",
        f"fr.txt:{AGAINST}: warning W025: voters against: {{BEN}} here, {{CHL}} in en.txt:{AGAINST}",
    ]


def test_a_removed_footnote_and_item_are_counted(tmp_path, capsys):
    text = planted("b) De le présenter ;\n\n", "").replace("du rapport¹,\n\n¹ A/HRC/61/1.\n\n", "du rapport,\n\n")
    status, lines = check(tmp_path, capsys, text)
    assert status == 1
    assert lines == [
        "fr.txt:27: warning W025: items of paragraph 1: 1 here, 2 in en.txt:29",  # two lines fewer above it
        "fr.txt:1: warning W025: footnotes: 0 here, 1 in en.txt:27",
    ]


def test_an_unreadable_version_is_a_usage_error(tmp_path, capsys):
    assert main(["check-parallel", str(CASES / "en.txt"), str(tmp_path / "missing.txt")]) == 2
    assert "error E001" in capsys.readouterr().err


@pytest.mark.parametrize("symbol", ["E_RES_2023_17", "S_RES_2710_2023"])
def test_the_parallel_corpus_text_layers_agree(symbol, capsys):
    corpus = shared_path("corpus", "parallel")  # skips without ../shared
    inputs = [str(corpus / f"{lang}_{symbol}.txt") for lang in ("en", "fr", "es", "ru", "zh", "ar")]
    assert main(["check-parallel", *inputs]) == 0
    assert capsys.readouterr().out == ""
