"""The HTML writer, from hand-built models (and the seed's conversion): ids equal to
the AKN eIds, footnotes linked both ways, direction and fonts by script, the
diagnostics panel, strict HTML5 parsing and a page that fetches nothing."""
from __future__ import annotations

import re

import pytest

from pipeline.clean import Cleaned
from pipeline.convert import Conversion
from pipeline.diagnostics import Diagnostic
from pipeline.model import (ClosingLine, DateText, Document, Emphasis, Footnote, Formula, Heading, Item, Meeting,
                            NoteRef, Organization, Paragraph, Part, Quantity, Recital, Text, Title, Vote, VoteGroup)
from pipeline.read import Source
from pipeline.to_akn import AknOptions, to_akn
from pipeline.to_html import TYPEFACES, to_html
from pipeline.to_tei import TeiOptions, to_tei
from pipeline.validate import SchemaError, Validation, validate, validate_tei

from handbuilt import S, meta
from htmlpage import akn_eids, dangling_links, ids, parse



def conversion(document: Document, diagnostics=(), text="line one\nline two\nline three\n",
               errors=()) -> Conversion:
    """A Conversion around a hand-built document, as convert() would return it."""
    akn = to_akn(document, AknOptions(markup_date="2026-01-01"))
    validation = Validation(tuple(errors)) if errors else validate(akn)
    tei = to_tei(document, TeiOptions(markup_date="2026-01-01"))
    return Conversion(Source(document.source, text, "utf-8"), Cleaned((), (), (), (), ()), document, akn,
                      validation, tuple(diagnostics), tei, validate_tei(tei))


def page(document: Document, **kwargs):
    return parse(to_html(conversion(document, **kwargs)))


def item(num, text, *items):
    return Item(num, num.strip("()"), (Text(text),), S, tuple(items))


def full_document(lang="en", **changes) -> Document:
    """Every kind of node the writer lays out, footnotes in several places."""
    values = dict(
        title=Title("78/1.", "78/1", (Text("A title"), NoteRef("1")), S),
        formula=Formula((Text("The General Assembly,"),), S),
        preamble=(Recital("Recalling", (Emphasis("Recalling"), Text(" its resolution 77/1,"), NoteRef("2")), S),
                  Recital("", (Text("Noting <markup> & \"quotes\","),), S)),
        operative=(Paragraph("1.", 1, (Emphasis("Decides"), Text(" to act;")), S),
                   Heading((Text("A heading"),), S),
                   Paragraph("2.", 2, (Emphasis("Requests"), Text(" the Secretary-General:")), S,
                             (item("(a)", "To report;"),
                              Item("(b)", "b", (Text("To consult"), NoteRef("3"), Text(":")), S,
                                   (item("(i)", "States;"), item("(ii)", "experts;")))),
                             (Text("and to act."),)),
                   Paragraph(None, None, (Text("stray text"),), S)),
        footnotes=(Footnote("1", (Text("Note one."),), S), Footnote("2", (Text("See A/77/1."),), S),
                   Footnote("3", (Text("Note three."),), S), Footnote("9", (Text("A note without a call."),), S)),
        closing=(ClosingLine("adoption", (Meeting("50th plenary meeting", "50"),), S),
                 ClosingLine("adoption", (DateText("19 December 2023", "2023-12-19"),), S)),
        vote=Vote("recorded", (Text("[Adopted by a recorded vote of "), Quantity("2", 2, "inFavour"), Text(" to "),
                               Quantity("1", 1, "against"), Text(", with "), Quantity("0", 0, "abstaining"),
                               Text(" abstentions.]")), S,
                  (VoteGroup("in_favour", "In favour:", (Organization("Chile"), Text(", "),
                                                         Organization("China")), S),
                   VoteGroup("against", "Against:", (Organization("Japan"),), S))),
    )
    values.update(changes)
    return Document("input/t.txt", meta(lang=lang), S, **values)


def test_every_akn_eid_is_an_html_id_and_the_page_adds_only_its_own():
    c = conversion(full_document())
    tree = parse(to_html(c))
    page_ids = ids(tree)
    assert len(page_ids) == len(set(page_ids)), "ids repeat"
    eids = akn_eids(c.akn)
    assert set(eids) <= set(page_ids)
    own = set(page_ids) - set(eids)
    assert {i for i in own if not i.startswith("call-")} == {"notes", "diagnostics"}
    # the id sits on the element that shows what the AKN element holds
    assert tree.xpath("string(//*[@id='para_2__list_1__point_b__list_1__point_ii__p_1'])") == "experts;"
    assert tree.xpath("string(//*[@id='para_2__list_1__wrapUp__p_1'])") == "and to act."
    assert tree.xpath("//*[@id='para_2']/*[@class='num']/text()") == ["2."]


def test_seed_page_ids_are_its_akn_eids(seed_conversion):
    tree = parse(to_html(seed_conversion))
    eids = akn_eids(seed_conversion.akn)
    assert set(eids) <= set(ids(tree))
    assert len(tree.xpath("//section[@class='operative']/div[contains(@class, 'paragraph')]")) == 31
    assert tree.xpath("string(//*[@id='para_19__p_1__authorialNote_1__p_1'])") == "A/HRC/37/79。"
    assert tree.xpath("//*[@id='para_19__p_1__authorialNote_1__p_1']/a/@href") == ["https://undocs.org/zh/A/HRC/37/79"]
    assert tree.xpath("/html/@lang") == ["zh"] and tree.xpath("/html/@dir") == ["ltr"]
    assert dangling_links(tree) == []


def test_footnote_calls_link_to_their_notes_and_back():
    tree = page(full_document())
    calls = tree.xpath("//sup[@class='note-call']/a")
    assert [a.text for a in calls] == ["1", "2", "3"]
    for call in calls:
        note = tree.xpath(f"//*[@id='{call.get('href')[1:]}']")[0]
        assert note.tag == "li" and "note" in note.get("class")
        back = note.xpath("a[@class='note-back']")[0]
        assert back.get("href") == f"#{call.get('id')}" and back.text == call.text
    assert tree.xpath("//li[@id='preface__p_1__authorialNote_1']/p/text()") == ["Note one."]
    assert tree.xpath("//li[@id='para_2__list_1__point_b__list_1__intro__p_1__authorialNote_1']/p/text()") == [
        "Note three."]
    # a note the converter could not place is shown, not dropped, and links nowhere
    uncalled = tree.xpath("//li[contains(@class, 'uncalled')]")
    assert [li.xpath("string(p)") for li in uncalled] == ["A note without a call."]
    assert uncalled[0].xpath(".//a") == []
    assert dangling_links(tree) == []


def test_preamble_opening_phrase_and_text_are_escaped_not_markup():
    tree = page(full_document())
    assert tree.xpath("//div[@id='preamble__container_1']/p/i[@class='opening']/text()") == ["Recalling"]
    assert tree.xpath("string(//div[@id='preamble__container_2'])") == 'Noting <markup> & "quotes",'
    assert tree.xpath("//markup") == []


def test_chinese_opening_phrase_is_bold_and_the_font_stack_is_cjk():
    document = full_document("zh", preamble=(Recital("重申", (Emphasis("重申"), Text("致力于合作，")), S),))
    html = to_html(conversion(document)).decode()
    tree = parse(html.encode())
    assert tree.xpath("//div[@id='preamble__container_1']/p/b[@class='opening']/text()") == ["重申"]
    assert TYPEFACES["Han"].family in html and "SimSun" in TYPEFACES["Han"].family


def test_arabic_page_is_right_to_left_with_an_arabic_font_stack():
    document = Document("input/ar.txt", meta(lang="ar", symbol="A/HRC/RES/1/1"), S,
                        formula=Formula((Text("إن مجلس حقوق الإنسان،"),), S),
                        preamble=(Recital("إذ يشير", (Emphasis("إذ يشير"), Text(" إلى قراراته السابقة،")), S),),
                        operative=(Paragraph("1 -", 1, (Emphasis("يقرر"), Text(" مواصلة النظر في المسألة.")), S),))
    html = to_html(conversion(document)).decode()
    tree = parse(html.encode())
    assert tree.xpath("/html/@dir") == ["rtl"] and tree.xpath("/html/@lang") == ["ar"]
    assert TYPEFACES["Arabic"].family in html and "Naskh" in TYPEFACES["Arabic"].family
    assert tree.xpath("//*[@id='para_1']/span[@class='num']/text()") == ["1 -"]
    # the converter's own panel stays left-to-right English inside the Arabic page
    assert tree.xpath("//aside[@id='diagnostics']/@dir") == ["ltr"]


def test_vote_table_has_counts_and_member_states():
    tree = page(full_document())
    rows = tree.xpath("//table[@class='vote']//tr")
    assert [r.get("id") for r in rows] == ["conclusions__p_4", "conclusions__p_5", None]
    table = [(r.xpath("string(th)"), r.xpath("string(td[@class='count'])"),
              r.xpath("td[@class='members']/span[@class='organization']/text()")) for r in rows]
    assert table == [("In favour:", "2", ["Chile", "China"]), ("Against:", "1", ["Japan"]), ("Abstaining", "0", [])]
    assert tree.xpath("//p[@id='conclusions__p_3']/data/@value") == ["2", "1", "0"]
    assert tree.xpath("//p[@id='conclusions__p_2']/time/@datetime") == ["2023-12-19"]


def test_vote_without_counts_has_no_table():
    vote = Vote("without_vote", (Text("[Adopted without a vote.]"),), S)
    tree = page(full_document(vote=vote))
    assert tree.xpath("//table") == []
    assert tree.xpath("string(//p[@class='vote-outcome'])") == "[Adopted without a vote.]"


def test_diagnostics_panel_lists_warnings_with_their_input_lines_and_collapses_infos():
    diagnostics = (Diagnostic("I004", "language detected: en"),
                   Diagnostic("W012", "operative paragraph 3 missing (2 → 4)", 2),
                   Diagnostic("I002", "paragraph split by a page break joined (lines 1 and 3)", 3))
    tree = page(full_document(), diagnostics=diagnostics, text="first\n\u202bsecond\u202c line\x0c\nthird\n")
    problems = tree.xpath("//aside[@id='diagnostics']/ul[@class='problems']/li")
    assert [li.get("class") for li in problems] == ["warning"]
    assert problems[0].xpath("string(code)") == "input/t.txt:2: warning W012: operative paragraph 3 missing (2 → 4)"
    assert problems[0].xpath("string(q)") == "second line"  # the input line, without its bidi controls
    infos = tree.xpath("//aside[@id='diagnostics']/details/ul/li/code/text()")
    assert infos == ["input/t.txt: info I004: language detected: en",
                     "input/t.txt:3: info I002: paragraph split by a page break joined (lines 1 and 3)"]
    assert tree.xpath("string(//nav[@class='toolbar']/a)") == "1 warning"


def test_clean_document_says_so_and_an_invalid_one_says_why():
    tree = page(full_document())
    assert tree.xpath("//aside[@id='diagnostics']/@class") == ["diagnostics clean"]
    assert tree.xpath("string(//aside[@id='diagnostics']/p)") == "No warnings."
    error = Diagnostic("E002", "output line 9 /akomaNtoso: Unexpected child")
    tree = page(full_document(), diagnostics=(error,), errors=(SchemaError(9, "/akomaNtoso", "Unexpected child"),))
    assert "does not validate" in tree.xpath("string(//aside[@id='diagnostics']/p[@class='invalid'])")
    assert tree.xpath("//ul[@class='problems']/li[@class='error']/code/text()") == [
        "input/t.txt: error E002: output line 9 /akomaNtoso: Unexpected child"]
    assert tree.xpath("string(//nav[@class='toolbar']/span[contains(@class, 'status')])") == "AKN invalid"


def test_parts_and_annexes_keep_their_eids_and_the_parts_are_linked():
    from pipeline.model import Annex

    parts = (Part("A", S, operative=(Paragraph("1.", 1, (Text("Decides one."),), S),),
                  vote=Vote("without_vote", (Text("[Adopted without a vote.]"),), S)),
             Part("B", S, operative=(Paragraph("1.", 1, (Text("Decides two."),), S),)))
    annex = Annex((Heading((Text("Annex"),), S),), (Paragraph("1.", 1, (Text("Annexed."),), S),), S)
    c = conversion(Document("input/p.txt", meta(), S, title=Title("78/2.", "78/2", (Text("Parts"),), S),
                            parts=parts, annexes=(annex,)))
    tree = parse(to_html(c))
    assert set(akn_eids(c.akn)) <= set(ids(tree))
    assert tree.xpath("//nav[@class='parts']//a/@href") == ["#cmp_1", "#cmp_2"]
    assert tree.xpath("//section[@id='cmp_2']//div[contains(@class, 'paragraph')]/@id") == ["cmp_2__para_1"]
    assert tree.xpath("//section[@id='att_1']/div/@id") == ["att_1__para_1"]
    assert dangling_links(tree) == []


def test_an_annex_table_is_an_html_table_whose_ids_are_the_akn_eids():
    from pipeline.model import Annex, Table, TableRow

    table = Table((Text("Table 1"),), (TableRow((Text("Seventeenth session"),), S, header=True),
                                       TableRow((Text("1. Thematic priorities"),), S)), S)
    annex = Annex((Heading((Text("Annex"),), S),), (table,), S)
    c = conversion(Document("input/t.txt", meta(), S, title=Title("78/2.", "78/2", (Text("Tables"),), S),
                            operative=(Paragraph("1.", 1, (Text("Adopts."),), S),), annexes=(annex,)))
    tree = parse(to_html(c))
    assert set(akn_eids(c.akn)) <= set(ids(tree))
    found = tree.xpath("//section[@id='att_1']//table")[0]
    assert found.xpath("string(caption)") == "Table 1"
    assert [row[0].tag for row in found.xpath(".//tr")] == ["th", "td"]
    assert found.xpath("string(.//tr[2]/td)") == "1. Thematic priorities"


def test_text_before_the_first_part_keeps_every_part_and_its_vote():
    lead = (Paragraph("1.", 1, (Text("Decides first."),), S),)
    parts = (Part("A", S, operative=(Paragraph("1.", 1, (Text("Decides one."),), S),),
                  vote=Vote("without_vote", (Text("[Adopted without a vote.]"),), S)),
             Part("B", S, operative=(Paragraph("1.", 1, (Text("Decides two."),), S),)))
    c = conversion(Document("input/p.txt", meta(), S, title=Title("78/2.", "78/2", (Text("Parts"),), S),
                            operative=lead, parts=parts))
    tree = parse(to_html(c))
    sections = {s.get("id"): "".join(s.itertext()) for s in tree.xpath("//section[starts-with(@id, 'cmp_')]")}
    assert list(sections) == ["cmp_1", "cmp_2", "cmp_3"]
    assert ["Decides first." in sections["cmp_1"], "Decides one." in sections["cmp_2"],
            "Decides two." in sections["cmp_3"]] == [True, True, True]
    # the vote of part A is shown in part A, not in the text before it
    assert ["without a vote" in text for text in sections.values()] == [False, True, False]


def test_page_fetches_nothing():
    html = to_html(conversion(full_document()))
    tree = parse(html)
    assert tree.xpath("//script | //link | //img | //iframe | //object | //embed | //@src") == []
    assert all(href.startswith("#") for href in tree.xpath("//@href"))
    style = "".join(tree.xpath("//style/text()"))
    assert not re.search(r"url\(|@import|@font-face", style)


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_every_language_renders_a_strictly_parsed_page_with_its_direction(lang):
    from pipeline.languages import load

    tree = page(full_document(lang))
    assert tree.xpath("/html/@dir") == [load(lang).direction]
    assert tree.xpath("/html/@lang") == [lang]
