"""Arabic: the lam-alef repair on made-up text and on the corpus layers, and the
Arabic profile's patterns on made-up lines (segment cases: cases/segment_ar.txt)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter

import pytest
from conftest import shared_path

from pipeline.clean import clean
from pipeline.fixes.arabic import remove_bidi_controls, remove_detached_marks, repair_lam_alef
from pipeline.languages import load
from pipeline.model import plain
from pipeline.segment import segment
from pipeline.segment.assemble import _session_number
from pipeline.segment.inline import iso_date

AR = load("ar")
# a full printed line of a recital, for made-up hard-wrapped layers (a layer of such lines
# is one the unwrapping and line-piece fixes take for wrapped), and a wider one
FULL_LINE = "وإذ يعرب عن قلقه إزاء استمرار أشكال عديدة من الفجوات الرقمية بين البلدان وداخلها"
WIDE_LINE = FULL_LINE + " وفيما بينها"


def _convert_ar(text: str):
    """A made-up Arabic resolution converted as the CLI would, with a fixed date."""
    from pipeline.convert import Options, convert

    return convert(text, "x.txt", Options(lang="ar", markup_date="2026-01-01"))


# -- the lam-alef repair ---------------------------------------------------------

@pytest.mark.parametrize("broken, repaired", [
    ("إىل", "إلى"),  # lam + alef maksura
    ("عىل", "على"),
    ("يتوىل", "يتولى"),
    ("األوىل", "الأولى"),  # two ligatures in one word
    ("األمم", "الأمم"),  # the article before lam + alef with hamza above
    ("اإلنسان", "الإنسان"),  # ... with hamza below
    ("اآلثار", "الآثار"),  # ... with madda
    ("واألمن", "والأمن"),  # after the conjunction
    ("باإلضافة", "بالإضافة"),  # after the preposition
    ("وباألمس", "وبالأمس"),
    ("االقتصادية", "الاقتصادية"),  # the article before lam + alef
    ("واالجتماعية", "والاجتماعية"),
    ("حاالت", "حالات"),  # two alefs cannot follow each other
    ("وكاالت", "وكالات"),
    ("إال", "إلا"),  # hamza-alef + alef
    ("بأال", "بألا"),
    ("الئق", "لائق"),  # no word starts with yeh-hamza
    ("المالئمة", "الملائمة"),
    ("خالل", "خلال"),  # a doubled lam is written once, with shadda
    ("استقاللها", "استقلالها"),
    ("االحتالل", "الاحتلال"),
    ("ال", "لا"),  # the article never stands alone
    ("وال", "ولا"),
])
def test_reversed_ligatures_are_repaired(broken, repaired):
    assert repair_lam_alef(broken) == repaired


@pytest.mark.parametrize("word", [
    # correct words with each ligature
    "الأمم", "الإنسان", "إلى", "على", "الأولى", "الاقتصادية", "خلال", "لا", "ولا", "إلا", "لائق",
    # the article before a word that starts with lam, after its prefixes
    "اللجنة", "واللجنة", "باللغة", "وباللغة", "اللذين", "اللاجئين",
    # the negation compounded with a word
    "اللاإنسانية", "اللاانتقائية", "الالتزامات",
    # good spellings that are also a reversed form: left alone
    "سالم", "العالم", "ألف", "لإلغاء", "لألف", "عبدالله", "مسألة", "أعمال", "ألمانيا", "لألمانيا", "ألعاب",
    "ألمنيوم", "الأعمال", "للأطفال", "لأن",
    # and the like of the listed UN words (a governor, the luck, extreme, peaceful, the
    # forms, an example, children, the commitments)
    "والي", "الحظ", "بالغ", "مسالم", "الأشكال", "مثال", "أطفال", "الالتزامات", "الاستعراض",
    "عمال المنازل", "العمال", "لالتزام", "المياه المالحة",
    # the listed words, spelt right
    "السلام", "سلامتها", "الإعلان", "الولايات", "يلاحظ", "كاملا", "لاستعراض", "للاعتراف", "اللازمة",
    # no Arabic at all
    "A/HRC/RES/58/13", "2024-2022", "",
])
def test_correct_words_are_left_alone(word):
    assert repair_lam_alef(word) == word


@pytest.mark.parametrize("broken, repaired", [
    ("السالم", "السلام"), ("للسالم", "للسلام"), ("وسالمتها", "وسلامتها"), ("السالح", "السلاح"),
    ("إعالن", "إعلان"), ("وإعالنات", "وإعلانات"), ("الوالية", "الولاية"), ("والواليات", "والولايات"),
    ("بواليته", "بولايته"), ("يالحظ", "يلاحظ"), ("المالحظات", "الملاحظات"), ("إبالغ", "إبلاغ"),
    ("الاطالع", "الاطلاع"), ("اضطالعا", "اضطلاعا"), ("التعديالت", "التعديلات"), ("والعامالت", "والعاملات"),
    ("كامال", "كاملا"), ("فضال", "فضلا"), ("وصوال", "وصولا"), ("الستعراض", "لاستعراض"), ("التخاذ", "لاتخاذ"),
    ("لالعتراف", "للاعتراف"), ("الالزمة", "اللازمة"), ("والالجئين", "واللاجئين"), ("الهاي", "لاهاي"),
    ("كامالً", "كاملاً"), ("لالتحاد", "للاتحاد"), ("عمال بالفقرة", "عملا بالفقرة"), ("الإسالمية", "الإسلامية"),
    ("امتالك", "امتلاك"), ("الملاحية", "الملاحية"), ("المالحية", "الملاحية"), ("والسيما", "ولاسيما"),
    ("ألن", "لأن"), ("وألنه", "ولأنه"), ("ألعمال", "لأعمال"), ("ألسلحة", "لأسلحة"), ("لألطفال", "للأطفال"),
    ("لألشخاص", "للأشخاص"), ("لآلخرين", "للآخرين"),
])
def test_un_words_whose_reversed_form_is_no_un_word_are_repaired(broken, repaired):
    # language data (fixes.arabic._WORDS): no rule over the letters tells these apart
    assert repair_lam_alef(broken) == repaired and repair_lam_alef(repaired) == repaired


def test_a_made_up_sentence_is_repaired_and_its_correct_words_kept():
    broken = ("وإذ يشير إىل قرار الجمعية العامة بشأن األمن واالستقرار، وال سيما عىل "
              "الصعيد اإلقليمي خالل الفترة األوىل، وإذ يرحب باللجنة")
    assert repair_lam_alef(broken) == (
        "وإذ يشير إلى قرار الجمعية العامة بشأن الأمن والاستقرار، ولا سيما على "
        "الصعيد الإقليمي خلال الفترة الأولى، وإذ يرحب باللجنة")


def test_the_repair_only_reorders_letters_and_is_idempotent():
    text = "تدعو األمم المتحدة واالتحاد األفريقي إىل العمل عىل االستقالل خالل الدورة األوىل، وال سيما اإلنسان"
    once = repair_lam_alef(text)
    assert Counter(once) == Counter(text)
    assert repair_lam_alef(once) == once


def test_words_outside_the_ligatures_keep_their_letters():
    """Letters around a repaired pair, marks and punctuation stay where they were."""
    assert repair_lam_alef("(األمم)، «إىل»؛ عىلً") == "(الأمم)، «إلى»؛ علىً"


# -- the repair on the corpus: layer tokens that are gold tokens, before and after --


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", remove_bidi_controls(text))
    return re.findall(r"[^\s.,،؛:;()\[\]«»”“\"]+", text)


def _arabic_corpus():
    corpus = shared_path("corpus", "dev")
    documents = sorted(corpus.glob("ar_*.gold.json"))
    if not documents:
        pytest.skip(f"no Arabic documents in {corpus}")
    return documents


@pytest.mark.corpus
@pytest.mark.parametrize("layer", [".txt", ".blocks.txt"])
def test_the_repair_makes_more_layer_tokens_match_the_gold(layer):
    before = after = total = 0
    for gold_file in _arabic_corpus():
        gold = Counter(_tokens(" ".join(json.loads(gold_file.read_text(encoding="utf-8"))["body_text"])))
        text = gold_file.with_name(gold_file.name.replace(".gold.json", layer)).read_text(encoding="utf-8")
        raw, fixed = Counter(_tokens(text)), Counter(_tokens(repair_lam_alef(text)))
        matched_raw, matched_fixed = sum((raw & gold).values()), sum((fixed & gold).values())
        assert matched_fixed >= matched_raw, f"{gold_file.name}: {matched_raw} → {matched_fixed} tokens"
        before, after, total = before + matched_raw, after + matched_fixed, total + sum(raw.values())
    # the reversed ligatures touch about one token in twelve of these layers
    assert after - before > 0.02 * total, f"{layer}: {before} → {after} of {total} tokens match the gold"


@pytest.mark.corpus
def test_the_repair_changes_no_word_of_the_gold_texts():
    words = set()
    for gold_file in _arabic_corpus():
        words.update(_tokens(" ".join(json.loads(gold_file.read_text(encoding="utf-8"))["body_text"])))
    changed = sorted(w for w in words if repair_lam_alef(w) != w)
    assert not changed, changed[:20]


# -- the profile's patterns -------------------------------------------------------

@pytest.mark.parametrize("session, number", [
    ("الثامنة والخمسون", 58), ("السابعة والسبعون", 77), ("الحادية والثمانين", 81),
    ("الحادية عشرة", 11), ("الأولى", 1), ("العاشرة", 10), ("2021", 2021),
])
def test_session_words_give_the_session_number(session, number):
    assert _session_number(session, AR) == number


@pytest.mark.parametrize("line, ordinal", [
    ("الدورة الثامنة والخمسون", "الثامنة والخمسون"),
    ("دورة عام 2021", "2021"),
    ("الدورة الاستثنائية الطارئة العاشرة", "العاشرة"),
])
def test_session_lines(line, ordinal):
    assert AR.rx("session").match(line)["ordinal"] == ordinal


@pytest.mark.parametrize("text, iso", [
    ("3 نيسان/أبريل 2025", "2025-04-03"),
    ("16 تموز/يوليه 2020", "2020-07-16"),
    ("19 كانون الأول/ ديسمبر 2011", "2011-12-19"),
    ("7 تشرين الأول /أكتوبر 2021", "2021-10-07"),
    ("12 كانون الثاني/يناير 2024", "2024-01-12"),
    ("13 آب/أغسطس 2024", "2024-08-13"),
    ("٦ كانون الأول/ديسمبر ٢٠٢١", "2021-12-06"),
])
def test_dates_as_the_un_prints_them(text, iso):
    m = AR.rx("date").search(f"المؤرخ {text}، بشأن")
    assert iso_date(m.groupdict(), AR) == iso


@pytest.mark.parametrize("line, body", [
    ("إن الجمعية العامة،", "GA"),
    ("إن الجمعية العامة ،", "GA"),
    ("إن مجلس حقوق الإنسان", "HRC"),
    ("إن مجلس الأمن ،", "SC"),
    ("َّ إن المجلس الاقتصادي والاجتماعي،", "ECOSOC"),
])
def test_enacting_formulas(line, body):
    assert [b for b, words in AR.bodies.items() if re.match(words.formula, line)] == [body]


def test_a_formula_is_the_whole_line():
    line = "إن الجمعية العامة، في جلستها العامة 56 المعقودة في 30 كانون الأول/ديسمبر 2022، قررت"
    assert not any(re.match(words.formula, line) for words in AR.bodies.values())


@pytest.mark.parametrize("line, number, title", [
    ("58/13 - الفريق العامل الحكومي الدولي", "58/13", "الفريق العامل الحكومي الدولي"),
    ("2021/6 - برنامج عمل المنتدى", "2021/6", "برنامج عمل المنتدى"),
    ("- 76/31متابعة الالتزامات", "76/31", "متابعة الالتزامات"),  # the dash first, as pdftotext may print it
])
def test_title_lines(line, number, title):
    m = AR.rx("title").match(line)
    assert (m["num"], m["number"], m["title"]) == (number, number, title)


def test_a_date_range_is_no_title():
    assert not AR.rx("title").match("2022/2021 لفترة السنتين")


@pytest.mark.parametrize("line, num, number, text", [
    ("1 - تؤكد من جديد قراراتها", "1 -", "1", "تؤكد من جديد قراراتها"),
    ("12- يطلب إلى الأمين العام", "12-", "12", "يطلب إلى الأمين العام"),
    ("- 3تدعو جميع الدول", "- 3", "3", "تدعو جميع الدول"),  # the dash first
    ("٤ - يقرر", "٤ -", "٤", "يقرر"),
])
def test_operative_paragraph_numbers(line, num, number, text):
    m = AR.rx("operative").match(line)
    assert (m["num"], m["number"], m["text"]) == (num, number, text)


@pytest.mark.parametrize("line", ["-4", "- 1 1", "24 شباط - 4 نيسان 2025", "2022-2024 فترة السنتين"])
def test_lines_that_are_no_operative_paragraph(line):
    assert not AR.rx("operative").match(line)


@pytest.mark.parametrize("line, label", [
    ("(أ) تقديم تقرير سنوي", "أ"), ("(ب) مساعدة اللجنة", "ب"), ("(هـ) تشجيع الحلول", "هـ"),
    ("(أ أ) إطلاع اللجنة", "أ أ"), ("(ب ب) دراسة الطابع", "ب ب"), ("َّ (د) خصم الرصيد", "د"),
])
def test_item_labels(line, label):
    assert AR.rx("item").match(line)["label"] == label


@pytest.mark.parametrize("line, marker, text", [
    ("(1) انظر قرار الجمعية العامة 78/324.", "1", "انظر قرار الجمعية العامة 78/324."),
    ("( )2 انظر A/77/PV.46.", "2", "انظر A/77/PV.46."),
    (".A/HRC/49/70 )2(", "2", ".A/HRC/49/70 )2("),  # the marker mirrored after a symbol
])
def test_footnote_text_lines(line, marker, text):
    m = AR.rx("note_line").match(line)
    assert (m["marker"], line[m.end():]) == (marker, text)


@pytest.mark.parametrize("line", [
    "(1990) تاريخ", "وإذ يضع في اعتباره تقرير المفوضة ) 2 ( ،", "القرار 1267 (1999) و 1333 (2000)",
])
def test_lines_that_are_no_footnote(line):
    assert not AR.rx("note_line").match(line)


@pytest.mark.parametrize("text, markers", [
    ("بتقرير الأمين العام )¹ ( ، وإذ", ["¹"]),
    ("لكبار السن ) 2 ( ،", ["2"]),
    ("القرارات 1267 (1999) و 1333 (2000)", []),
    ("للنهوض بالمرأة(4) وإعلان ومنهاج عمل بيجين(5 ) ونتائج", ["4", "5"]),  # ar_E_RES_2021_5
    ("في الفقرة (5 ) من القرار", []),  # a bracket after a space opens no call
])
def test_footnote_calls(text, markers):
    assert [m["marker"] for m in AR.rx("note_call").finditer(text)] == markers


def test_footnotes_go_back_to_their_calls():
    text = ("49/1 - قرار\n\nإن مجلس حقوق الإنسان،\n\nوإذ يذكر بتقرير الأمين العام ) 1 ( ،\n\n"
            "(1) انظر A/HRC/49/1.\n\n1- يقرر مواصلة النظر في المسألة.\n")
    document, diagnostics, _ = segment(clean(text, AR), AR, "case")
    assert [(f.marker, plain(f.content)) for f in document.footnotes] == [("1", "انظر A/HRC/49/1.")]
    assert "[^1]" in document.dump()
    assert not [d for d in diagnostics if d.code in ("W013", "W014")]


def test_a_block_of_notes_in_reading_order_then_as_printed():
    # ar_A_RES_77_75 (block layer): one block holds the page's notes, those with Arabic
    # text in reading order, the last (a symbol alone) as it looks, marker last; and a
    # note ending with a symbol has its full stop before it
    text = ("77/75 - قرار\n\nإن الجمعية العامة،\n\n"
            "وإذ تشير إلى تقرير الأمين العام ) 4 ( وإلى القرار 60/288 ) 6 ( وإلى تقريره ) 7 ( ،\n\n"
            "(4) انظر .A/59/361 (6) القرار 60/288. .A/77/97 )7(\n\n1- تقرر مواصلة النظر في المسألة.\n")
    document, diagnostics, _ = segment(clean(text, AR), AR, "case")
    assert [(f.marker, plain(f.content)) for f in document.footnotes] == [
        ("4", "انظر A/59/361."), ("6", "القرار 60/288."), ("7", "A/77/97.")]
    assert not [d for d in diagnostics if d.code in ("W013", "W014")]


def test_the_fixes_after_the_notes_are_lifted_mend_the_notes_too():
    # ar_E_RES_2021_6 (plain layer): the note's `وس ُيسترشد` is `وسيُسترشد`; the
    # future prefix is joined by a line fix that runs once the notes are set aside
    text = ("2021/6 - قرار\n\nإن المجلس الاقتصادي والاجتماعي،\n\n"
            "وإذ يشير إلى الترتيب الدولي المتعلق بالغابات ) 1 ( ،\n\n1- يقرر مواصلة النظر في المسألة.\n\n"
            "(1) تتمثل عناصر الترتيب في المنتدى والأمانة. وس ُيسترشد في استعراضه بالقرار 2015/33.\n")
    cleaned = clean(text, AR)
    assert [n.text for n in cleaned.notes] == ["(1) تتمثل عناصر الترتيب في المنتدى والأمانة. وسيُسترشد في استعراضه "
                                               "بالقرار 2015/33."]


@pytest.mark.parametrize("line, meeting", [
    ("الجلسة 46", "46"), ("الجلسة العامة 95", "95"), ("الجلسة العامة الأولى", "الأولى"),
    ("الجلسة العامة 56 (المستأنفة)", "56"),
])
def test_meetings(line, meeting):
    m = AR.rx("meeting").search(line)
    assert (m.group(), m["number"]) == (line, meeting)


def test_adoption_and_security_council_lines():
    m = AR.rx("adoption_line").match("قرار اعتمده مجلس حقوق الإنسان في 3 نيسان/أبريل 2025")
    assert (m["kind"], m["body"]) == ("قرار", "مجلس حقوق الإنسان")
    m = AR.rx("adoption_line").match("مقرر اتخذته الجمعية العامة في 7 كانون الأول/ديسمبر 2022")
    assert AR.doc_kinds[m["kind"]] == "decision"
    assert AR.rx("sc_title").match("القرار 2716 (2023)")["number"] == "2716 (2023)"
    m = AR.rx("sc_adoption").match("الذي اتخذه مجلس الأمن في جلسته 9506، المعقودة في 14 كانون الأول/ديسمبر 2023")
    assert (m["meeting"], m["date"]) == ("جلسته 9506", "14 كانون الأول/ديسمبر 2023")
    assert AR.rx("agenda_item").match("البند 99 (ب ب) من جدول الأعمال")["item"] == "99 (ب ب)"
    assert AR.rx("session_dates").match("11 أيلول - 13 تشرين الأول 2023")


@pytest.mark.parametrize("line, phrase", [
    ("إذ يعيد تأكيد ميثاق الأمم المتحدة،", "إذ يعيد تأكيد"),
    ("وإذ يذكر بقراراته السابقة،", "وإذ يذكر"),
    ("وإذ يضع في اعتباره أهمية التعاون،", "وإذ يضع في اعتباره"),
    ("وإذ يحيط علما مع التقدير بالعمل،", "وإذ يحيط علما مع التقدير"),
    ("وإذ تشير أيضا إلى قرارها،", "وإذ تشير أيضا"),
    ("وقد نظرت في تقرير الأمين العام،", "وقد نظرت"),
])
def test_preambular_opening_phrases(line, phrase):
    assert AR.rx("opening_phrase").match(line).group() == phrase


@pytest.mark.parametrize("text, phrase", [
    ("يقرر إنشاء فريق عامل", "يقرر"), ("يطلب إلى الأمين العام", "يطلب"),
    ("يطلب أيضا إلى المفوضية", "يطلب أيضا"), ("تؤكد من جديد قراراتها", "تؤكد من جديد"),
    ("يحيط علما بالتقرير", "يحيط علما"),
])
def test_operative_opening_phrases(text, phrase):
    assert AR.rx("operative_phrase").match(text).group() == phrase


def test_vote_phrases_and_counts():
    words = AR.vote
    assert re.search(words.without_vote, "ُ [اعتُمد من دون تصويت.]")
    assert re.search(words.without_vote, "[اعتُمد بدون تصويت.]")
    assert not re.search(words.without_vote, "وإذ يشير إلى أن القرار اعتمد دون تصويت،")
    assert re.search(words.consensus, "[اعتُمد بتوافق الآراء.]")
    assert re.search(words.recorded, "[اعتُمد بتصويت مسجل بأغلبية 31 صوتا")
    m = re.search(words.counts[0], "بأغلبية 31 صوتا مقابل 14 صوتا وامتناع 2 عضوين عن التصويت")
    assert (m["in_favour"], m["against"], m["abstaining"]) == ("31", "14", "2")
    m = re.search(words.counts[0], "بأغلبية 162 صوتا مقابل لا شيء وامتناع 6 أعضاء عن التصويت")
    assert (m["in_favour"], m["against"], m["abstaining"]) == ("162", None, "6")
    assert [k for k, label in words.labels.items() if re.match(label, "الممتنعون عن التصويت:")] == ["abstaining"]


@pytest.mark.parametrize("line, pattern", [
    ("المرفق", "annex"), ("المرفق الثاني", "annex"), ("الجدول 1", "table_label"), ("مقرر", "decision_label"),
    ("بيان من رئيس مجلس الأمن", "prst_title"),
    ("قررت الجمعية العامة، في جلستها العامة 46 المعقودة في 7 كانون الأول/ديسمبر 2022", "decision_opening"),
    ("قامت الجمعية العامة، في جلستها العامة 34 المعقودة في", "decision_opening"),
])
def test_masthead_and_document_type_lines(line, pattern):
    assert AR.rx(pattern).match(line)


def test_draft_title_ending():
    assert AR.rx("draft_title").search("حقوق الإنسان والبيئة: مشروع قرار")


def test_arabic_is_detected():
    from pipeline.languages import detect

    assert detect("إن مجلس حقوق الإنسان،\nإذ يعيد تأكيد ميثاق الأمم المتحدة") == "ar"


def test_an_item_line_before_a_paragraph_number_keeps_its_place():
    # ar_E_RES_2021_6: item (ج) ends paragraph 2 on the line before "3 - …"; the
    # fragment fix took the two for pieces of one printed line and swapped them,
    # which hung the item under paragraph 3 (the conservation check saw the order).
    from pipeline.fixes.arabic import restore_fragment_order
    from pipeline.fixes.base import Draft, lines_of

    full = FULL_LINE
    text = "\n".join([full, full, full, "(ج) استعراض منتصف المدة لفعالية الترتيب الدولي المتعلق بالغابات",
                      "3 - الجزء الرفيع المستوى", "4 - اعتماد برنامج العمل الرباعي السنوات للمنتدى."])
    lines = [line.text for line in restore_fragment_order(Draft(lines_of(text), profile=AR)).lines]
    assert lines[3].startswith("(ج)") and lines[4].startswith("3 -")


def test_the_rest_of_a_wrapped_title_stays_in_the_title():
    # ar_E_RES_2023_17 (parallel corpus): the title's second line fitted no rule and
    # became a recital after the formula, out of its printed order.
    text = ("2023/17 - تعزيز دور المعهد الأفريقي للتنمية في\n\nمساعدة أعضاء اللجنة الاقتصادية لأفريقيا\n\n"
            "إن المجلس الاقتصادي والاجتماعي،\n\nإذ يحيط علما بالتقرير،\n\n1- يقرر أن يبقي المسألة قيد نظره.\n")
    document = _convert_ar(text).document
    assert "".join(r.text for r in document.title.content).endswith("في مساعدة أعضاء اللجنة الاقتصادية لأفريقيا")
    assert [r.opening for r in document.preamble] == ["إذ يحيط علما"]


def test_pieces_of_a_printed_line_never_cross_a_page_break():
    # Found by the torture run (pages of ar_A_RES_79_11's layout layer shuffled): a
    # footer left at a page's end and the first line of the next page were taken for
    # two pieces of one line and swapped; the page break sat on the running header
    # between them, which had gone as page furniture.
    from pipeline.fixes.arabic import restore_fragment_order
    from pipeline.fixes.base import Draft, Line
    from pipeline.model import Span

    full = FULL_LINE
    lines = [Line(full, Span(1, 1)), Line(full, Span(2, 2)), Line(full + "،", Span(3, 3)),
             Line("3 24-19652", Span(4, 4)), Line("", Span(5, 5), page_break=True),
             Line("وإذ تحيط علما بتقرير الأمين العام،", Span(6, 6)), Line(full, Span(7, 7))]
    out = restore_fragment_order(Draft(tuple(lines), profile=AR)).lines
    assert [line.span.first for line in out] == [1, 2, 3, 4, 5, 6, 7]


def test_an_opening_particle_printed_after_its_line_goes_back_before_it():
    # ar_E_RES_2022_10 (plain layer): pdftotext cut `وإذ يسلّم بأن …` at the detached
    # shadda and wrote the pieces from the left, the particle last, on a line of its
    # own. The particle goes back before its verb, and the line before it, which only
    # looks like an opening (`يبني` is a verb), stays in the paragraph it ends.
    text = "\n".join([
        "50/1 - مثال على قرار", "", "إن مجلس حقوق الإنسان،", "",
        "إذ يعيد تأكيد التزام الدول بتعزيز حقوق الإنسان وحمايتها وفقا للصكوك الدولية ذات الصلة وميثاق",
        "الأمم المتحدة والإعلان العالمي لحقوق الإنسان والعهدين الدوليين الخاصين بحقوق الإنسان وإعلان",
        "وبرنامج عمل فيينا، وإذ يؤكد من جديد أهمية الحوار البناء والتعاون بين الدول من أجل تعزيز السلام",
        "والاستقرار في جميع أنحاء العالم، وإذ يشدد في هذا الصدد على دور التعليم الذي يمكن أن يسهم في أن",
        "يبني المجتمعات القادرة على الصمود،", "\u0651",
        "يسلم بأن التعليم الجيد يسهم بطرق شتى في بناء قدرة الأفراد والمجتمعات والمؤسسات على", "وإذ",
        "الاستجابة لحالات الطوارئ الإنسانية وذلك من خلال دعم رأس المال الاجتماعي وتطوير رأس المال",
        "البشري وتعزيز المعارف المجتمعية المتعلقة بالاستجابة الإنسانية،", "",
        "1- يقرر مواصلة النظر في المسألة.", ""])
    conversion = _convert_ar(text)
    preamble = conversion.document.preamble
    # (the shadda set apart before the verb goes back on it: attach_detached_shadda)
    assert [r.opening for r in preamble] == ["إذ يعيد تأكيد", "وإذ يسلّم"]
    assert "".join(r.text for r in preamble[0].content).endswith("يبني المجتمعات القادرة على الصمود،")
    assert "".join(r.text for r in preamble[1].content).startswith("وإذ يسلّم بأن التعليم الجيد يسهم بطرق شتى في بناء"
                                                                   " قدرة الأفراد والمجتمعات والمؤسسات على الاستجابة")
    assert conversion.ok


def test_an_item_label_printed_after_its_first_line_goes_back_before_it():
    # ar_A_RES_78_294 (plain layer): the label in the margin comes after the item's
    # first line, `يستخدم الرصيد …` / `(أ)` / `بالفترة …`, as a paragraph number does.
    from pipeline.fixes.arabic import restore_fragment_order
    from pipeline.fixes.base import Draft, lines_of

    full = FULL_LINE
    text = "\n".join([full, full, full + "،", "1- يقرر أن تمول الاحتياجات اللازمة للمركز على النحو التالي:",
                      "يستخدم الرصيد الحر ورصيد الإيرادات الأخرى البالغان 100 دولار فيما يتعلق", "(أ)",
                      "بالفترة المالية المنتهية في 30 حزيران/يونيه 2023؛",
                      "يقسم مبلغ 200 دولار بالتناسب بين ميزانيات عمليات حفظ السلام العاملة", "(ب)",
                      "التي تستفيد من خدمات المركز؛"])
    lines = [line.text for line in restore_fragment_order(Draft(lines_of(text), profile=AR)).lines]
    assert lines[4:] == ["(أ)", "يستخدم الرصيد الحر ورصيد الإيرادات الأخرى البالغان 100 دولار فيما يتعلق",
                         "بالفترة المالية المنتهية في 30 حزيران/يونيه 2023؛", "(ب)",
                         "يقسم مبلغ 200 دولار بالتناسب بين ميزانيات عمليات حفظ السلام العاملة",
                         "التي تستفيد من خدمات المركز؛"]


def test_the_pieces_of_a_numbered_line_go_back_in_order_whichever_way_they_were_printed():
    from pipeline.fixes.arabic import restore_fragment_order
    from pipeline.fixes.base import Draft, lines_of

    full = FULL_LINE
    head = [full] * 8 + [full + "،", "1- يقرر مواصلة النظر في المسألة في دورته المقبلة وفقا لبرنامج عمله؛"]
    # ar_A_HRC_RES_57_26: every piece from the leftmost, a word in ت among them
    # (`تعد`, no opener: the paragraph's verb `يطلب` is next to the number)
    text = "\n".join(head + ["تقريرا عن التصدي للتحديات", "تعد", "أيضا إلى مفوضية حقوق الإنسان أن", "يطلب", "2-",
                             "والعوائق التي تحول دون إعمال حقوق الإنسان؛"])
    lines = [line.text for line in restore_fragment_order(Draft(lines_of(text), profile=AR)).lines]
    assert lines[10:] == ["2-", "يطلب", "أيضا إلى مفوضية حقوق الإنسان أن", "تعد", "تقريرا عن التصدي للتحديات",
                         "والعوائق التي تحول دون إعمال حقوق الإنسان؛"]
    # ar_A_HRC_RES_57_29: the line in order, cut at a vowel mark set apart, and the
    # number printed after it; the verb opens the first piece
    text = "\n".join(head + ["يحث الدول على أن تضع \u064fن \u064b", "هجا شاملة تستند إلى القانون الدولي", "2-",
                             "للتصدي لجميع مظاهر العنصرية؛"])
    lines = [line.text for line in restore_fragment_order(Draft(lines_of(text), profile=AR)).lines]
    assert lines[10:] == ["2-", "يحث الدول على أن تضع \u064fن \u064b", "هجا شاملة تستند إلى القانون الدولي",
                         "للتصدي لجميع مظاهر العنصرية؛"]


def test_the_end_of_a_first_line_printed_before_its_number_goes_back_after_it():
    # ar_A_HRC_RES_57_29 (plain layer): `وفقا لالتزاماتها الدولية في مجال` came before
    # `11- يدعو جميع الدول إلى أن تعالج …`, after the end of paragraph 10
    from pipeline.fixes.arabic import restore_first_line_ends
    from pipeline.fixes.base import Draft, lines_of

    full = FULL_LINE
    head = [full] * 8 + ["على غيرها مقابل تحصيل مدفوعات أو منفعة تجارية أخرى؛"]
    text = "\n".join(head + ["وفقا لالتزاماتها الدولية في مجال", "11- يدعو جميع الدول إلى أن تعالج الشواغل الأمنية",
                             "حقوق الإنسان، من أجل ضمان حمايتها؛"])
    lines = [line.text for line in restore_first_line_ends(Draft(lines_of(text), profile=AR)).lines]
    assert lines[9:] == ["11- يدعو جميع الدول إلى أن تعالج الشواغل الأمنية", "وفقا لالتزاماتها الدولية في مجال",
                         "حقوق الإنسان، من أجل ضمان حمايتها؛"]
    # kept: a paragraph's start above its numbered rest (`pdftotext -layout`), a heading
    # over a full first line, a line that goes on with the paragraph before
    for kept in (["يحث الدول على أن تضع نهجا", "4- شاملة تستند إلى القانون الدولي", "للتصدي لجميع مظاهر العنصرية؛"],
                 ["التدابير", "4- يقرر أن تواصل جميع الدول اتخاذ التدابير المطلوبة في الفقرة 1 من القرار 2255",
                  "فيما يتعلق بالأفراد؛"]):
        same = lines_of("\n".join(head + kept))
        assert restore_first_line_ends(Draft(same, profile=AR)).lines == same
    # parallel ar_A_HRC_RES_56_2 (`pdftotext -layout`): a piece of paragraph 21, then a
    # blank line, then paragraph 22
    same = lines_of("\n".join(head + ["ممثلي البلدان المانحة غير التقليدية بغية توسيع قاعدة", "",
                                      "22- يطلب أيضا إلى المفوضية السامية أن", "توضح الإجراءات؛"]))
    assert restore_first_line_ends(Draft(same, profile=AR)).lines == same
    same = lines_of("\n".join(head[:-1] + ["على غيرها مقابل تحصيل مدفوعات أو منفعة", "تجارية أخرى",
                                            "11- يدعو جميع الدول إلى أن تعالج الشواغل", "الأمنية؛"]))
    assert restore_first_line_ends(Draft(same, profile=AR)).lines == same


def test_an_opening_verb_printed_after_the_rest_of_its_line_goes_back_after_its_particle():
    # ar_A_HRC_RES_56_2 (plain layer): `وإذ يسلّم أيضاً بأن …` came out as the particle
    # (with the verb's shadda), the tanween alone, the rest of the line, then the verb:
    # the paragraph was taken into the one before it.
    text = "\n".join([
        "56/2 - مثال على قرار", "", "إن مجلس حقوق الإنسان،", "",
        "إذ يعيد تأكيد التزام الدول بتعزيز حقوق الإنسان وحمايتها وفقا للصكوك الدولية ذات الصلة وميثاق",
        "الأمم المتحدة والإعلان العالمي لحقوق الإنسان والعهدين الدوليين الخاصين بحقوق الإنسان وإعلان",
        "وبرنامج عمل فيينا على نحو فعال،", "وإذ \u0651", "\u064b",
        "أيضا بأن تعزيز حقوق الإنسان وحمايتها ينبغي أن يستندا إلى مبدأي التعاون والحوار", "يسلم",
        "الحقيقي في جميع المنتديات ذات الصلة، بما في ذلك في سياق الاستعراض الدوري الشامل، وينبغي أن",
        "يهدفا إلى تعزيز قدرة الدول الأعضاء على الوفاء بالتزاماتها في ميدان حقوق الإنسان لما فيه منفعة",
        "البشرية جمعاء،", "", "1- يقرر مواصلة النظر في المسألة.", ""])
    conversion = _convert_ar(text)
    preamble = conversion.document.preamble
    # (the tanween goes back on its word too: attach_tanween_lines)
    assert [r.opening for r in preamble] == ["إذ يعيد تأكيد", "وإذ يسلم أيضاً"]
    assert "".join(r.text for r in preamble[1].content).startswith("وإذ يسلم أيضاً بأن تعزيز حقوق الإنسان")
    assert conversion.ok


def test_an_opening_verb_stays_where_a_paragraph_ends_between():
    # the short line after the particle's paragraph is no piece of the particle's line
    from pipeline.fixes.arabic import restore_opening_verbs
    from pipeline.fixes.base import Draft, lines_of

    full = "الحقيقي في جميع المنتديات ذات الصلة، بما في ذلك في سياق الاستعراض الدوري الشامل، وينبغي أن"
    text = "\n".join([full, full, "على نحو فعال،", "وإذ", "أيضا بأن تعزيز حقوق الإنسان،", "يسلم", full, full])
    lines = lines_of(text)
    assert restore_opening_verbs(Draft(lines, profile=AR)).lines == lines


def test_the_pieces_of_a_printed_line_may_fill_the_widest_lines_of_the_page():
    # ar_A_HRC_RES_56_2 (plain layer): `علما مع التقدير …` / `وإذ يحيط` was one printed
    # line wider than the median line by more than the slack; the widest lines of the
    # layer are as wide, and the particle and verb go back before the rest.
    from pipeline.fixes.arabic import restore_fragment_order
    from pipeline.fixes.base import Draft, lines_of

    median = "وإذ يعرب عن قلقه إزاء استمرار أشكال عديدة من الفجوات الرقمية بين البلدان"
    wide = median + " وداخلها وفيما بينها أيضا"
    rest = "علما مع التقدير بالوثيقة الختامية والإعلان اللذين اعتمدهما مؤتمر القمة التاسع عشر"
    assert len(rest) + len("وإذ يحيط") > 1.15 * len(median) and len(rest) + len("وإذ يحيط") <= len(wide)
    text = "\n".join([median] * 16 + [wide] * 4 + [median + "،", rest, "وإذ يحيط", median + "،"])
    lines = [line.text for line in restore_fragment_order(Draft(lines_of(text), profile=AR)).lines]
    assert lines[21:23] == ["وإذ يحيط", rest]


def test_a_paragraph_end_printed_between_two_numbers_goes_back_to_its_paragraph():
    # ar_E_RES_2021_2 (plain layer): `-1` / `المنبثقة منه؛` / `-2` / the first line of
    # paragraph 1 / paragraph 2; the end was a paragraph 1 of its own, the rest joined.
    text = "\n".join([
        "2021/2 - مثال على قرار", "", "إن المجلس الاقتصادي والاجتماعي،", "",
        "إذ يشير إلى قراراته السابقة ذات الصلة،", "", "-1", "المنبثقة منه؛", "-2", "",
        "يحيط علما بتقرير رئيسة المجلس الاقتصادي والاجتماعي، ويقر الملاحظات والاقتراحات",
        "يحيط علما أيضا بتقرير الأمين العام؛", "", "-3", "يقرر أن يبقي المسائل أعلاه قيد الاستعراض المستمر.", ""])
    conversion = _convert_ar(text)
    operative = conversion.document.operative
    assert [p.num for p in operative] == ["1-", "2-", "3-"]
    assert "".join(r.text for r in operative[0].content).endswith("ويقر الملاحظات والاقتراحات المنبثقة منه؛")
    assert "".join(r.text for r in operative[1].content) == "يحيط علما أيضا بتقرير الأمين العام؛"
    assert conversion.ok


def test_a_particle_opening_its_line_takes_the_verb_printed_below_it():
    # ar_E_RES_2022_10 (pdftotext -layout): once the runs of the line are in reading
    # order, the line is `وإذ بأن البلدان النامية …` and the verb `يسلم` is alone below.
    from pipeline.fixes.arabic import restore_opening_verbs
    from pipeline.fixes.base import Draft, lines_of

    full = "والوطني، حسب الاقتضاء، وتعزيز سبل توفير التمويل الكافي والمرن الذي يمكن التنبؤ به وتعزيز مساءلة جميع"
    text = "\n".join([full, full, "أصحاب المصلحة،",
                      "وإذ بأن البلدان النامية، ولا سيما أقل البلدان نموا والدول الجزرية الصغيرة النامية، لا تزال معرضة",
                      "يسلم", full])
    lines = restore_opening_verbs(Draft(lines_of(text), profile=AR)).lines
    assert [line.text for line in lines][3:6] == [
        "وإذ", "يسلم", "بأن البلدان النامية، ولا سيما أقل البلدان نموا والدول الجزرية الصغيرة النامية، لا تزال معرضة"]
    assert [line.span.first for line in lines][3:6] == [4, 5, 4]
    # a line whose particle has its verb already, or whose rest ends a paragraph, stays
    for kept in ("وإذ يسلم بأن البلدان النامية لا تزال معرضة", "وإذ بأن البلدان النامية لا تزال معرضة،"):
        same = lines_of("\n".join([full, full, "أصحاب المصلحة،", kept, "يسلم", full]))
        assert restore_opening_verbs(Draft(same, profile=AR)).lines == same


def test_a_tanween_set_apart_goes_back_onto_its_word():
    # ar_A_HRC_RES_58_13 (plain layer): the tanween of `قانوناً` was a line of its own
    # above its word; in the layout layer, once in reading order, it came before it.
    text = "\n".join([
        "58/13 - مثال على قرار", "", "إن مجلس حقوق الإنسان،", "",
        "\u064b", "قانونا بشأن تعزيز وحماية حقوق الإنسان المكفولة لكبار السن،", "",
        "وإذ يؤكد \u064b أيضا ضرورة حماية حقوق الإنسان،", "",
        "\u064b", "تعديلها حسب الضرورة،", "", "1- يقرر مواصلة النظر في المسألة.", ""])
    conversion = _convert_ar(text)
    texts = ["".join(r.text for r in recital.content) for recital in conversion.document.preamble]
    assert texts[0].startswith("قانوناً بشأن")
    assert texts[1] == "وإذ يؤكد أيضاً ضرورة حماية حقوق الإنسان،"
    assert texts[2] == "تعديلها حسب الضرورة،"  # a pronoun `ها` carries no tanween: the mark goes
    assert conversion.ok


def test_a_tanween_above_a_line_goes_onto_the_one_word_that_can_carry_it():
    # ar_S_RES_2716_2023 (plain layer): `ً` / `تعديلها، حسب الضرورة، دعما للسلام` is
    # `… دعماً للسلام`: the first word has a pronoun, the only word that can is `دعما`.
    # Where two words could (`وفقا`, `ملزما`; `بما` is a particle) the mark is not
    # placed: it goes, recorded.
    full = "يقرر أن يستعرض بنشاط تنفيذ التدابير المبينة في هذا القرار والقرارات السابقة ذات الصلة، وأن ينظر في"
    text = "\n".join([
        "2716 - مثال على قرار", "", "إن مجلس الأمن،", "",
        "وإذ يشير إلى قراراته السابقة،", "",
        f"1- {full}", "\u064b", "تعديلها، حسب الضرورة، دعما للسلام والاستقرار في البلد؛", "",
        f"2- {full}", "\u064b", "بما يتفق مع القانون الدولي وفقا للأصول، ملزما للدول؛", ""])
    conversion = _convert_ar(text)
    texts = ["".join(r.text for r in unit.content) for unit in conversion.document.operative]
    assert texts[0].endswith("وأن ينظر في تعديلها، حسب الضرورة، دعماً للسلام والاستقرار في البلد؛")
    assert texts[1].endswith("وأن ينظر في بما يتفق مع القانون الدولي وفقا للأصول، ملزما للدول؛")
    assert conversion.ok


def test_a_shadda_set_apart_goes_back_onto_its_verb():
    # ar_A_HRC_RES_57_26 (plain layer): `وإذ ِّ` / `يذكر بقرار …` is `وإذ يذكِّر بقرار …`
    text = "\n".join([
        "57/26 - مثال على قرار", "", "إن مجلس حقوق الإنسان،", "",
        "إذ يعيد تأكيد التزام الدول بتعزيز حقوق الإنسان وحمايتها وفقا للصكوك الدولية ذات الصلة وميثاق",
        "الأمم المتحدة والإعلان العالمي لحقوق الإنسان والعهدين الدوليين الخاصين بحقوق الإنسان وإعلان",
        "وبرنامج عمل فيينا على نحو فعال،", "وإذ \u0650\u0651",
        "يذكر بقرار مجلس حقوق الإنسان 51/35 المؤرخ 7 تشرين الأول/أكتوبر 2022 بشأن المساعدة التقنية",
        "وبناء القدرات في ميدان حقوق الإنسان، وإذ \u0651 يسلم بأهمية التعاون الدولي في هذا الميدان،", "",
        "1- يقرر مواصلة النظر في المسألة.", ""])
    conversion = _convert_ar(text)
    texts = ["".join(r.text for r in recital.content) for recital in conversion.document.preamble]
    assert len(texts) == 2
    assert texts[1].startswith("وإذ يذكِّر بقرار مجلس حقوق الإنسان 51/35")
    assert texts[1].endswith("وإذ يسلّم بأهمية التعاون الدولي في هذا الميدان،")
    assert conversion.ok


def test_a_word_cut_before_its_doubled_letter_is_one_word_again():
    # ar_S_RES_2716_2023 (plain layer): `يق رّر` opens paragraph 1, `الس كّان` and
    # `تتق يّد` inside paragraphs; a word cut at a line's end before a shadda too
    text = "\n".join([
        "2716 (2023) - مثال على قرار", "", "إن مجلس الأمن،", "",
        "إذ يشير إلى قراراته السابقة بشأن حماية الس كّان المدنيين،", "",
        "1- يق رّر أن تتق يّد جميع الأطراف بالتزاماتها بموجب القانون الدولي وبحماية المدنيين وتوفير",
        "الخدمات الأساسية لجميع الس", "كّان دون تمييز،", "",
        "2- يقرر أيضا على أّن تبقى المسألة قيد نظره الفعلي.", ""])
    conversion = _convert_ar(text)
    recital = "".join(r.text for r in conversion.document.preamble[0].content)
    assert recital == "إذ يشير إلى قراراته السابقة بشأن حماية السكّان المدنيين،"
    first, second = conversion.document.operative[0], conversion.document.operative[1]
    assert plain(first.content).startswith("يقرّر أن تتقيّد جميع الأطراف")
    assert plain(first.content).endswith("الخدمات الأساسية لجميع السكّان دون تمييز،")
    assert first.content[0].text == "يقرّر"  # the operative verb, whole again
    # a particle keeps its place: there the layer moved the shadda onto the next word
    assert "على أّن تبقى" in plain(second.content)
    assert conversion.ok


def test_a_latin_run_gets_back_the_closing_bracket_printed_before_it():
    # ar_A_DEC_77_547 (plain layer): the note `انظر A/77/PV.56 (Resumption 1).` came
    # out with its closing bracket before the symbol and its full stop inside
    R, L, P = "\u202b", "\u202a", "\u202c"
    text = "\n".join([
        "77/547 - مثال على قرار", "", "إن الجمعية العامة،", "",
        "1- تقرر أن تواصل النظر في المسألة في جلستها العامة 56 (المستأنفة).", "",
        f"{R}2- تحيط علما بالمحضر الحرفي للجلسة، انظر ){L}.A/77/PV.56 (Resumption 1{P}{P}", "",
        f"{R}3- تحيط علما أيضا بالوثيقة الختامية، الجزء الأول )){L} NPT/CONF.1995/32 (Part I{P}و المرفق بها.{P}", ""])
    conversion = _convert_ar(text)
    assert plain(conversion.document.operative[1].content).endswith("انظر A/77/PV.56 (Resumption 1).")
    assert "الجزء الأول (NPT/CONF.1995/32 (Part I) والمرفق بها." in plain(conversion.document.operative[2].content)
    assert conversion.ok


def test_a_range_of_days_runs_forward_again():
    # ar_E_RES_2021_5 (plain layer): the days of the Nairobi and Beijing conferences
    # came out turned, `26-15 تموز/يوليه 1985`
    R, L, P = "\u202b", "\u202a", "\u202c"
    text = "\n".join([
        "2021/5 - مثال على قرار", "", "إن المجلس الاقتصادي والاجتماعي،", "",
        f"{R}1- يشير إلى المؤتمر المعقود في نيروبي{L} 26-15 ،{P}تموز{L}/{P}يوليه {L}1985{P}{P}", "",
        "2- يقرر مواصلة النظر في المسألة في الفترة 1-3 آذار/مارس 2022.", ""])
    conversion = _convert_ar(text)
    first, second = (plain(p.content) for p in conversion.document.operative)
    assert first.endswith("نيروبي، 15-26 تموز/يوليه 1985")
    assert second.endswith("الفترة 1-3 آذار/مارس 2022.")
    assert conversion.ok


def test_the_letter_of_an_item_label_set_apart_is_no_piece_of_the_next_line():
    # Found by reading ar_E_RES_2021_6.pdf with pdfminer.six: the label `(ج)` came out
    # as `(` / `)` / `ج`, and the letter was taken for a piece of the numbered line after
    # it and moved behind it; the text was then out of order and the document refused.
    from pipeline.fixes.arabic import restore_fragment_order
    from pipeline.fixes.base import Draft, lines_of

    full = FULL_LINE
    text = "\n".join([full] * 20 + [full + "،", "(", ")", "ج", "3 - الجزء الرفيع المستوى", full, full + "؛"])
    lines = lines_of(text)
    assert restore_fragment_order(Draft(lines, profile=AR)).lines == lines


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["wrapped", "blocks"])
def test_the_heading_of_the_operative_part_read_before_the_last_recital_goes_after_it(gap):
    # ar S/RES/2716 (2023), both text layers: pdftotext read the centred heading `التدابير`
    # before the centred last recital above it, and the heading became a recital of its own
    text = gap.join([
        "2716 (2023) - مثال على قرار", "إن مجلس الأمن،",
        "إذ يشير إلى قراراته السابقة بشأن أفغانستان،",
        "وإذ يشدد على الدور الهام الذي تؤديه الأمم المتحدة،",
        "التدابير",
        "وإذ يتصرف بموجب الفصل السابع من ميثاق الأمم المتحدة،",
        "1 - يقرر أن تواصل جميع الدول اتخاذ التدابير المطلوبة؛",
        "2 - يقرر أن يبقي المسألة قيد نظره."])
    conversion = _convert_ar(text)
    document = conversion.document
    assert [plain(r.content) for r in document.preamble][-1] == "وإذ يتصرف بموجب الفصل السابع من ميثاق الأمم المتحدة،"
    assert len(document.preamble) == 3
    heading, *paragraphs = document.operative
    assert plain(heading.content) == "التدابير" and len(paragraphs) == 2
    assert conversion.ok  # the text is all there, in reading order


def test_a_heading_over_more_than_the_last_recital_stays_where_it_was_printed():
    from pipeline.fixes.base import Draft, lines_of
    from pipeline.fixes.unwrap import restore_heading_order

    lines = lines_of("\n".join(["إذ يشير إلى قراراته السابقة،", "التدابير", "وإذ يتصرف بموجب الفصل السابع،",
                                "وإذ يشدد على الدور الهام،", "1 - يقرر أن تواصل الدول؛"]))
    assert restore_heading_order(Draft(lines, profile=AR)).lines == lines


def test_a_recital_that_opens_a_page_after_a_full_line_ending_with_a_comma_is_a_new_one():
    # ar S/RES/2693 (2023), layout layer: a recital ended on the last line of a page, as
    # wide as a full line, and the next opened the page; by their widths alone the
    # second was read as a clause of the first (`…، وإذ يشير …` wrapped after the comma)
    full = WIDE_LINE
    wrap = "بما في ذلك الفجوات بين البلدان وداخلها وفيما بينها في مجال الحصول على التكنولوجيا الحديثة"
    text = "\n".join(["2693 (2023) - مثال على قرار", "إن مجلس الأمن،", full, wrap + "،", full, wrap,
                     wrap + " المتاحة،", "\f" + full, wrap + "،", "1 - يقرر أن يبقي المسألة قيد نظره."])
    conversion = _convert_ar(text)
    assert len(conversion.document.preamble) == 3
    assert conversion.ok


def test_a_first_line_ending_on_a_comma_gets_the_number_printed_after_it():
    # ar S/RES/2693 (2023) and four more in dev and parallel, txt layer: pdftotext writes the
    # number of a paragraph after its first line (`…(2013)،` / `-1`); a first line that wraps
    # after a comma had been read as the end of the paragraph before, and the number went to
    # the second line (`1- ومتطلبات الإخطار …`)
    full = WIDE_LINE
    text = "\n".join(["2693 (2023) - مثال على قرار", "إن مجلس الأمن،", *[full] * 8, full + "،",
                     "وإذ يتصرف بموجب الفصل السابع من ميثاق الأمم المتحدة،", "",
                     "يقرر ألا تسري بعد الآن تدابير حظر توريد الأسلحة المنشأة بموجب القرار 2127 (2013)،", "-1",
                     "ومتطلبات الإخطار المنصوص عليها في الفقرة 1 من القرار 2648 (2022)؛",
                     "يقرر أن يبقي المسألة قيد نظره الفعلي وأن يواصل متابعتها", "-2", "عن كثب."])
    conversion = _convert_ar(text)
    first, second = conversion.document.operative
    assert plain(first.content).startswith("يقرر ألا تسري") and plain(first.content).endswith("(2022)؛")
    assert plain(second.content) == "يقرر أن يبقي المسألة قيد نظره الفعلي وأن يواصل متابعتها عن كثب."
    assert len(conversion.document.preamble) == 2 and conversion.ok


def test_pieces_of_an_item_line_cut_after_a_comma_go_back_after_the_label():
    # ar A/RES/78/294, txt layer: pdftotext wrote the line `(ج) يموَّل في إطار الباب 3، الشؤون
    # السياسية، مبلغ … المتصل بحصة` from its leftmost piece, then the label; the piece that
    # opens the item ends on a comma, which had been read as a recital's end
    full = WIDE_LINE
    text = "\n".join(["78/294 - مثال على قرار", "إن الجمعية العامة،", *[full] * 8, full + "،",
                     "1 - تقرر ما يلي:",
                     "(أ) يستخدم الرصيد الحر فيما يتعلق بالفترة المالية المنتهية في 30 حزيران/يونيه 2023؛",
                     "مبلغ 2 298 800 دولار المتصل بحصة", "يمول في إطار الباب 3، الشؤون السياسية،", "(ب)",
                     "البعثات السياسية الخاصة التي تستفيد من خدمات المركز؛",
                     "2 - تقرر أن تبقي المسألة قيد نظرها الفعلي وأن تواصل متابعتها عن كثب."])
    conversion = _convert_ar(text)
    first = conversion.document.operative[0]
    assert [plain(i.content) for i in first.items][1] == (
        "يمول في إطار الباب 3، الشؤون السياسية، مبلغ 2 298 800 دولار المتصل بحصة البعثات السياسية الخاصة التي"
        " تستفيد من خدمات المركز؛")
    assert conversion.ok


def test_a_piece_ending_on_a_comma_with_no_item_end_before_it_stays_where_it_was_printed():
    # the comma may then be a recital's end: nothing moves
    from pipeline.fixes.arabic import restore_fragment_order
    from pipeline.fixes.base import Draft, lines_of

    full = WIDE_LINE
    lines = lines_of("\n".join([*[full] * 8, full + "،", full, "والتنمية المستدامة،", "(ب)",
                                "البعثات السياسية الخاصة؛"]))
    assert restore_fragment_order(Draft(lines, profile=AR)).lines == lines


def test_a_damma_and_the_prefix_of_its_verb_set_apart_go_back_on_the_verb():
    # ar E/RES/2021/6, block layer: `وس ُ ي سترشد` (the future prefix, the damma, the prefix
    # of the present tense and the rest of the verb, each apart) is `وسيُسترشد`; the mark
    # had been dropped and the note read `وسي سترشد`
    text = "\n".join(["2021/6 - مثال على قرار", "", "إن المجلس الاقتصادي والاجتماعي،", "",
                      "1 - يقرر أن تُعقد الدورة في نيويورك؛ وس ُ ي سترشد في استعراضها بالتقرير، وأن ُ ت رفع"
                      " نتائجه إلى المجلس.", ""])
    conversion = _convert_ar(text)
    assert plain(conversion.document.operative[0].content).endswith(
        "وسيُسترشد في استعراضها بالتقرير، وأن تُرفع نتائجه إلى المجلس.")
    assert conversion.ok


@pytest.mark.parametrize("printed, word", [
    ("ُ ي ِّ سل م", "يُسلِّم"),  # ar E/RES/2022/10, block layer
    ("ُ ت َّ خص صان", "تُخصَّصان"),  # ar A/RES/78/294
])
def test_a_verb_cut_after_its_doubled_letter_with_its_marks_written_first_is_one_word(printed, word):
    assert remove_detached_marks(f"وإذ {printed} بأن") == f"وإذ {word} بأن"


@pytest.mark.parametrize("printed", ["ُ ي ِّ بأن حالات", "ُ ت ّ انتهاكات وتجاوزات", "ُ ي َ مار س"])
def test_pieces_that_cannot_be_the_halves_of_one_verb_are_not_joined(printed):
    # a long second piece, a long first one, no shadda: the marks go, the words stay apart
    assert remove_detached_marks(printed) == " ".join(w for w in printed.split() if not re.fullmatch("[\u064b-\u0652]+", w))
