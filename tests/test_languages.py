"""Language profiles are data with a checked shape; detection; loud failures."""
from __future__ import annotations

import pytest

from pipeline.diagnostics import InputError
from pipeline.languages import IMPLEMENTED, UN_LANGUAGES, detect, hyphen_compounds, load, vocabulary_of
from pipeline.fixes.base import Draft, lines_of
from pipeline.fixes.words import restore_dropped_hyphens
from pipeline.lexicon import words
from pipeline.scripts import Vocabulary, join_fragments


@pytest.mark.parametrize("code", IMPLEMENTED)
def test_profiles_load_and_name_every_body(code):
    profile = load(code)
    assert profile.akn_code == UN_LANGUAGES[code]
    assert set(profile.bodies) == {"GA", "HRC", "SC", "ECOSOC"}


@pytest.mark.parametrize("code, message", [("de", "unsupported language"), ("xx", "unsupported language")])
def test_unsupported_language_fails_loudly(code, message):
    with pytest.raises(InputError, match=message):
        load(code)


@pytest.mark.parametrize("text, code", [
    ("人权理事会，\n重申致力于按照《联合国宪章》", "zh"),
    ("The General Assembly,\nRecalling its resolution 77/1 of the", "en"),
])
def test_detect(text, code):
    assert detect(text) == code


def test_detect_gives_up_on_text_without_letters():
    assert detect("1. 2. 3.") is None


def test_session_words_parse(tmp_path):
    from pipeline.segment.assemble import _session_number

    assert _session_number("三十八", load("zh")) == 38
    assert _session_number("Seventy-eighth", load("en")) == 78


@pytest.mark.parametrize("code, label, not_label", [
    ("en", "Table 1", "Table of contents"), ("fr", "Tableau 2", "Tableau de bord"),
    ("es", "Cuadro 3", "Cuadro resumen"), ("ru", "Таблица 1", "Таблица показателей"), ("zh", "表1", "表示"),
    ("ar", "الجدول 1", "الجدول الزمني"),
])
def test_a_table_label_is_the_word_and_a_number_alone(code, label, not_label):
    profile = load(code)
    assert profile.rx("table_label").match(label)
    assert not profile.rx("table_label").match(not_label)
    assert not profile.rx("table_label").match(label + " shows")


@pytest.mark.parametrize("line", ["虑及罪行的儿童受害人和证人，", "念及会员国的义务，", "还回顾联合国预防犯罪标准，"])
def test_chinese_preambular_opening_phrases(line):
    assert load("zh").rx("opening_phrase").match(line)


@pytest.mark.parametrize("code, left, right, joined", [
    ("en", "of non-", "nuclear-weapon States", "of non-nuclear-weapon States"),
    ("en", "for self-", "determination", "for self-determination"),
    ("en", "in situ-", "ations", "in situations"),
    ("fr", "qui se prennent en charge elles-", "mêmes ;", "qui se prennent en charge elles-mêmes ;"),
    ("fr", "non-", "obstant les dispositions", "nonobstant les dispositions"),  # English "non-" is no French rule
    ("ru", "действий по-", "прежнему ограничена", "действий по-прежнему ограничена"),
    ("ru", "рекомендует государствам-", "участникам провести", "рекомендует государствам-участникам провести"),
    ("ru", "по-", "лучить", "получить"),
])
def test_a_compound_of_the_language_keeps_its_hyphen_at_a_line_end(code, left, right, joined):
    # a document that prints the compound once, broken at its hyphen, has nothing to
    # learn it from: the language knows it
    vocabulary = Vocabulary([left, right], hyphen_compounds(load(code)))
    assert join_fragments(left, right, vocabulary) == joined


@pytest.mark.parametrize("code, left, right, joined", [
    # en_S_RES_2755_2024, en_A_HRC_RES_55_23, fr_A_HRC_RES_57_8 (layout and PDF): no such
    # word as the halves closed up, and each half is one
    ("en", "including arbitrary detention, ill-", "treatment and", "including arbitrary detention, ill-treatment and"),
    ("en", "Russian Federation troops and Russian-", "backed armed groups",
     "Russian Federation troops and Russian-backed armed groups"),
    ("fr", "les mercenaires et sous-", "tendent le mercenariat", "les mercenaires et sous-tendent le mercenariat"),
    # a word hyphenated to fit the line is a word of the list, whatever its halves are
    ("en", "the man-", "date of the Mission", "the mandate of the Mission"),
    ("fr", "le secré-", "tariat de la Convention", "le secrétariat de la Convention"),
])
def test_the_word_list_tells_a_compound_from_a_word_broken_at_a_line_end(code, left, right, joined):
    vocabulary = vocabulary_of([left, right], load(code))
    assert join_fragments(left, right, vocabulary) == joined


def test_a_word_the_document_writes_closed_up_is_closed_up_whatever_the_list_says():
    # "peacebuilding" is no word of the list, "peace" and "building" are: the document knows better
    lines = ["support peacebuilding in the region and", "for peace-", "building efforts"]
    vocabulary = vocabulary_of(lines, load("en"))
    assert join_fragments("for peace-", "building efforts", vocabulary) == "for peacebuilding efforts"


@pytest.mark.parametrize("code", sorted({load(code).lexicon for code in IMPLEMENTED} - {None}))
def test_every_word_list_a_language_names_is_installed(code):
    # the lists come from pyspellchecker's wheel: a release that drops or moves one fails here
    assert len(words(code)) > 50_000


@pytest.mark.parametrize("code, text, restored", [
    # fr_A_HRC_RES_55_8: pdftotext closed up a compound broken at its hyphen; its open
    # half (`elles`, `nuclear`) is a word of the document
    ("fr", "elles aussi, sur les budgets-temps\ndes personnes qui se prennent en charge ellesmêmes ;",
     "des personnes qui se prennent en charge elles-mêmes ;"),
    ("en", "nuclear weapons\nthe security of nonnuclear-weapon States", "the security of non-nuclear-weapon States"),
    ("en", "none of them\nnonetheless, the Council", "nonetheless, the Council"),
    # ru_S_RES_2699_2023: the document prints the compound elsewhere in another case
    ("ru", "содействия долгосрочному социально-экономическому развитию\nи социальноэкономической нестабильностью,",
     "и социально-экономической нестабильностью,"),
    # ... but a word that only looks like one of the language's compounds stays whole
    ("ru", "военно-политической обстановки\nсотрудников и военнослужащих,", "сотрудников и военнослужащих,"),
])
def test_a_compound_the_extractor_closed_up_gets_its_hyphen_back(code, text, restored):
    draft = restore_dropped_hyphens(Draft(lines_of(text), profile=load(code)))
    assert draft.lines[1].text == restored
