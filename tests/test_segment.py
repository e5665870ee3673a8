"""The segment stage: labelled cases of small documents and their outlines."""
from __future__ import annotations

from pathlib import Path

import pytest

from casefile import read_cases
from pipeline.clean import clean
from pipeline.diagnostics import Level
from pipeline.languages import load
from pipeline.segment import segment
from pipeline.segment.rules import RULES

# segment.txt, and one segment_LANG.txt per language
CASE_FILES = sorted((Path(__file__).parent / "cases").glob("segment*.txt"))
CASES = [case for path in CASE_FILES for case in read_cases(path)]


def _outline(given: str) -> str:
    first, _, text = given.partition("\n")
    lang = first.removeprefix("lang:").strip()
    # the first line of the case is the language; keep input line numbers as in the file
    document, diagnostics, _ = segment(clean("\n" + text, load(lang)), load(lang), "case")
    shown = [d.format("case") for d in diagnostics if d.level >= Level.WARNING]
    return document.dump() + "--- diagnostics" + ("\n" + "\n".join(shown) if shown else "")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_segment_case(case):
    assert _outline(case.given) == case.expected, f"{case.title} (line {case.line})"


def test_rule_names_are_unique_and_ordered_once():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("title", ["es: a vote table read in two columns", "es: the second outcome line glued"])
def test_a_vote_heading_printed_twice_is_reported_where_it_is_dropped(title):
    case = next(c for c in CASES if c.title.startswith(title))
    first, _, text = case.given.partition("\n")
    _, diagnostics, edits = segment(clean("\n" + text, load("es")), load("es"), "case")
    assert [(d.code, d.line) for d in diagnostics if d.code == "I005"] == [("I005", n) for n in (13, 14, 15, 16)]
    # of the glued line only its label is dropped: the outcome sentence on it is the vote's
    assert [e.text.strip() for e in edits if e.line == 16] == ["Abstenciones:"]


def test_a_heading_stands_only_over_a_paragraph_the_operative_rule_takes():
    # Found by the property tests: numbers that cannot start the operative part (13,
    # 14 after the preamble) stayed recitals, but the line over 14 became a heading of
    # the operative part, which put it after recital 14 in the model.
    text = ("2031/9. Resolución de ejemplo\n\nEl Consejo Económico y Social,\n\nObservando el informe,\n\n"
            "13. Aprueba el programa;\n\nSeguimiento\n\n14. Solicita al Secretario General que lo informe.\n")
    document, _, _ = segment(clean(text, load("es")), load("es"), "case")
    assert [r.span.first for r in document.preamble] == [5, 7, 9]
    # the last one, not ending like a recital, is the single operative paragraph
    assert [(type(u).__name__, u.span.first) for u in document.operative] == [("Paragraph", 11)]


def test_a_decimal_is_no_chinese_paragraph_number():
    # "0.20%" at the start of a wrapped line made the line before it a heading
    # over "paragraph 0" (zh_E_RES_2022_7)
    operative = load("zh").rx("operative")
    assert operative.match("42. 鼓励发达国家") and operative.match("42.鼓励")
    assert not operative.match("0.20%的官方发展援助；")


def test_a_heading_in_the_preamble_opens_the_operative_part():
    # Found by the property tests: a heading over the first numbered paragraph went
    # to the operative part while the line after it stayed a recital, before it.
    text = ("Résolution 2999 (2031)\n\nLe Conseil de sécurité,\n\nRéaffirmant son attachement à la paix,\n\n"
            "Titre répété\n\nAdoptée par le Conseil de sécurité à sa 9999e séance\n\n1. Décide de proroger le mandat ;\n")
    document, _, _ = segment(clean(text, load("fr")), load("fr"), "case")
    assert [r.span.first for r in document.preamble] == [5]
    assert [(type(u).__name__, u.span.first) for u in document.operative] == [
        ("Heading", 7), ("Heading", 9), ("Paragraph", 11)]


def test_a_table_label_with_no_rows_under_it_is_a_heading():
    # a table needs a row (both schemas say so): a label printed twice heads nothing the first time
    from pipeline.model import Heading, Table

    text = ("2031/6. Programme of work\n\nThe Economic and Social Council,\n\nAdopts the programme of work annexed.\n\n"
            "8th plenary meeting\n8 June 2031\n\nAnnex\n\nProgramme of work\n\nTable 1\n\nTable 1\n\n"
            "Session of the Forum, 2032\n\n1. Thematic priorities\n\n2. Other items")
    document, _, _ = segment(clean(text, load("en")), load("en"))
    units = document.annexes[0].body
    assert [type(u) for u in units] == [Heading, Table]
    assert [r.text for r in units[0].content] == ["Table 1"] and len(units[1].rows) == 3


def test_a_table_without_numbered_rows_has_no_title_rows():
    # the rows above the first numbered one are titles; with none numbered, none are
    text = ("2031/6. Programme of work\n\nThe Economic and Social Council,\n\nAdopts the programme of work annexed.\n\n"
            "8th plenary meeting\n8 June 2031\n\nAnnex\n\nProgramme of work\n\nTable 1\n\nOpening of the session\n\n"
            "Election of officers\n\nAdoption of the report")
    document, _, _ = segment(clean(text, load("en")), load("en"))
    table = document.annexes[0].body[0]
    assert len(table.rows) == 3 and not any(row.header for row in table.rows)


# A word processor saves a text with a paragraph per line and no blank line between
# them: lines that follow each other, as in a wrapped layer, but none stopping
# mid-sentence. Read as wrapped, Arabic paragraphs as wide as the one before them went
# on it (no capital tells where an Arabic paragraph starts).
_RECITALS_AR = [
    "إذ يشير إلى قراراته السابقة بشأن هذه المسألة،",
    "وإذ يشير أيضاً إلى الإعلان العالمي لحقوق الإنسان،",
    "وإذ يحيط علماً بتقرير الأمين العام،",
    "وإذ يسترشد بمقاصد ميثاق الأمم المتحدة ومبادئه، وإذ يؤكد من جديد التزام جميع الدول باحترام جميع حقوق الإنسان "
    "والحريات الأساسية وحمايتها والوفاء بها،",
    "وإذ يشير إلى جميع القرارات ذات الصلة التي اتخذتها الجمعية العامة ومجلس حقوق الإنسان بشأن هذه المسألة، "
    "وإذ يشير أيضاً إلى إعلان وبرنامج عمل فيينا،",
    "وإذ يسلم بأن كبار السن يواجهون عدداً من التحديات الخاصة في التمتع بحقوق الإنسان، وإذ يسلم أيضاً بأهمية "
    "التعاون الدولي في هذا المجال، بما في ذلك تبادل الخبرات والممارسات الجيدة بين الدول والمنظمات الإقليمية "
    "والدولية ومؤسسات المجتمع المدني والقطاع الخاص، من أجل تعزيز نظم الرعاية والدعم القائمة على حقوق الإنسان "
    "وتوسيع نطاقها لتشمل جميع من يحتاجون إليها دون تمييز من أي نوع،",
    "وإذ يعرب عن القلق لأن ما يكتنف أعمال الرعاية غير المدفوعة الأجر من صعوبات ينشئ أوجهاً من عدم المساواة "
    "بين النساء والرجال في جميع أنحاء العالم، وإذ يلاحظ أن النساء والفتيات يتحملن نصيباً غير متناسب من هذه "
    "الأعمال، ولا سيما في الأسر المعيشية الفقيرة وفي المناطق الريفية، مما يحد من فرص حصولهن على التعليم "
    "والعمل اللائق والمشاركة في الحياة العامة على قدم المساواة مع الرجال،",
    "وإذ يشدد على ضرورة الاستثمار في اقتصاد الرعاية وإنشاء نظم للرعاية والدعم قوية ومرنة ومراعية للمنظور "
    "الجنساني وللإعاقة وللسن، تقوم على احترام حقوق الإنسان لمقدمي الرعاية ومتلقيها على السواء، وتكفل الاعتراف "
    "بأعمال الرعاية غير المدفوعة الأجر وتقديرها والحد منها وإعادة توزيعها، وتوفر الحماية الاجتماعية الشاملة "
    "والأجر العادل وظروف العمل اللائقة للعاملين في مجال الرعاية،",
]


@pytest.mark.parametrize("between", ["\n", "\n\n"], ids=["a paragraph per line", "blank lines between"])
def test_a_paragraph_per_line_is_a_paragraph_each(between):
    text = between.join(["إن مجلس حقوق الإنسان،", *_RECITALS_AR,
                         "1- يقرر أن يواصل النظر في هذه المسألة في إطار البند نفسه من جدول الأعمال."])
    document, _, _ = segment(clean(text, load("ar")), load("ar"), "case")
    step = between.count("\n")
    spans = [1 + step * n for n in range(1, len(_RECITALS_AR) + 1)]  # each recital its own line
    assert [(r.span.first, r.span.last) for r in document.preamble] == [(n, n) for n in spans]
    assert len(document.operative) == 1
