"""The TEI writer, from hand-built models (not from source text): structure, xml:ids,
the vote as data, and — for every shape — RelaxNG validity and complete pointers."""
from __future__ import annotations

from lxml import etree

from pipeline.countries import generated_id
from pipeline.model import (Annex, ClosingLine, DateText, Document, Emphasis, Footnote, Formula, Heading, Item,
                            Meeting, NoteRef, Organization, Paragraph, Part, Quantity, Quoted, Recital, Text, Title,
                            Vote, VoteGroup)
from pipeline.to_tei import TeiOptions, to_tei
from pipeline.validate import check_pointers, validate_tei

from handbuilt import S, meta

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def write(document: Document):
    """The TEI of a document, after checking it is schema-valid and pointer-complete."""
    xml = to_tei(document, TeiOptions(markup_date="2026-01-01"))
    result = validate_tei(xml)
    assert result.valid, [str(e) for e in result.errors]
    assert check_pointers(xml) == ()
    return etree.fromstring(xml)


def xpath(tree, path):
    return tree.xpath(path, namespaces=NS)


def item(num, text, *items):
    return Item(num, num.strip("()"), (Text(text),), S, tuple(items))


def recorded_vote(*groups) -> Vote:
    return Vote("recorded", (Text("[Adopted by a recorded vote of "), Quantity("2", 2, "inFavour"), Text(" to "),
                             Quantity("1", 1, "against"), Text(". The voting was as follows:")), S, tuple(groups))


def group(key, label, *names):
    runs = []
    for name in names:
        runs += [Organization(name), Text(", ")]
    return VoteGroup(key, label, tuple(runs[:-1]), S)


def test_header_names_the_document_its_body_source_and_language():
    tree = write(Document("input/x.en.txt", meta(), S, title=Title("78/1.", "78/1", (Text("Peace"),), S)))
    assert xpath(tree, "/t:TEI/@xml:lang") == ["en"]
    header = xpath(tree, "/t:TEI/t:teiHeader")[0]
    assert xpath(header, "string(t:fileDesc/t:titleStmt/t:title)") == "78/1. Peace"
    assert xpath(header, "string(t:fileDesc/t:titleStmt/t:author/t:orgName)") == "General Assembly"
    assert xpath(header, "t:fileDesc/t:publicationStmt/t:idno[@type='UNDocSymbol']/text()") == ["A/RES/78/1"]
    bibl = xpath(header, "t:fileDesc/t:sourceDesc/t:bibl")[0]
    assert xpath(bibl, "t:date[@type='adoption']/@when") == ["2023-12-19"]
    assert xpath(bibl, "t:num/text()") == ["78/1"]
    assert xpath(bibl, "t:idno[@type='sourceFile']/text()") == ["input/x.en.txt"]
    assert xpath(header, "t:profileDesc/t:langUsage/t:language/@ident") == ["en"]
    assert xpath(header, "t:profileDesc/t:settingDesc/t:setting/t:name[@type='session']/@key") == ["78"]
    assert xpath(tree, "/t:TEI/t:text/t:body/t:head/t:num/text()") == ["78/1."]


def test_preamble_has_the_formula_and_one_p_per_recital():
    document = Document("t", meta(), S, formula=Formula((Text("The General Assembly,"),), S),
                        preamble=(Recital("Recalling", (Emphasis("Recalling"), Text(" its resolutions,")), S),
                                  Recital("", (Text("Noting,"),), S)))
    tree = write(document)
    preamble = xpath(tree, "//t:body/t:div[@type='preamble']")[0]
    assert xpath(preamble, "t:ab[@type='formula']/text()") == ["The General Assembly,"]
    assert xpath(preamble, "t:p/t:hi[@rend='italic']/text()") == ["Recalling"]
    assert len(xpath(preamble, "t:p")) == 2


def test_chinese_emphasis_is_bold_and_arabic_is_marked_arabic():
    zh = write(Document("t", meta(lang="zh"), S, preamble=(Recital("重申", (Emphasis("重申"), Text("致力于")), S),)))
    assert xpath(zh, "/t:TEI/@xml:lang") == ["zh"] and xpath(zh, "//t:hi/@rend") == ["bold"]
    ar = write(Document("t", meta(lang="ar"), S, operative=(Paragraph("١.", 1, (Emphasis("تقرر"), Text(" ذلك")), S),)))
    assert xpath(ar, "/t:TEI/@xml:lang") == ["ar"]
    assert xpath(ar, "//t:p[@xml:id='op.1']/@n") == ["1"]
    assert xpath(ar, "string(//t:teiHeader//t:author/t:orgName)") == "الجمعية العامة"


def test_operative_paragraphs_with_nested_items_get_ids_from_their_numbers():
    paragraph = Paragraph("8.", 8, (Emphasis("Requests"), Text(" the Secretary-General:")), S, (
        item("(a)", "To report;"),
        item("(b)", "To consult:", item("(i)", "States;"), item("(ii)", "experts;")),
    ), wrap_up=(Text(" and to act."),))
    tree = write(Document("t", meta(), S, operative=(paragraph,)))
    p = xpath(tree, "//t:div[@type='operative']/t:p")[0]
    assert (p.get("n"), p.get(XML_ID)) == ("8", "op.8")
    assert xpath(p, "t:list/t:item/@n") == ["(a)", "(b)"]
    assert xpath(p, "t:list/t:item/@xml:id") == ["op.8.a", "op.8.b"]
    assert xpath(p, "t:list/t:item[2]/t:list/t:item/@xml:id") == ["op.8.b.i", "op.8.b.ii"]
    assert xpath(p, "string(t:list/t:item[2]/t:list/t:item[2])") == "experts;"
    assert p.xpath("string()").endswith(" and to act.")


def test_a_label_python_calls_alphanumeric_but_xml_names_cannot_hold_leaves_a_valid_id():
    # "㈠" is alphanumeric to Python's \\w; libxml2 refuses it in an xml:id
    paragraph = Paragraph("34.", 34, (Text("决定："),), S, (
        Item("㈠", "㈠", (Text("保护平民"),), S, (item("(a)", "提供咨询；"),)),
        Item("(二)", "二", (Text("稳定局势"),), S),
    ))
    tree = write(Document("t", meta(), S, operative=(paragraph,)))
    p = xpath(tree, "//t:div[@type='operative']/t:p")[0]
    assert xpath(p, "t:list/t:item/@n") == ["㈠", "(二)"]
    assert xpath(p, "t:list/t:item/@xml:id") == ["op.34.x", "op.34.二"]
    assert xpath(p, "t:list/t:item[1]/t:list/t:item/@xml:id") == ["op.34.x.a"]


def test_an_items_heading_is_its_label():
    point = Item("(a)", "a", (Text("To ensure the protection of its personnel;"),), S,
                 heading=(Text("Protection of the United Nations"),))
    tree = write(Document("t", meta(), S, operative=(Paragraph("36.", 36, (Text("Authorizes:"),), S, (point,)),)))
    item = xpath(tree, "//t:item[@n='(a)']")[0]
    assert xpath(item, "string(t:label)") == "Protection of the United Nations"
    assert item.xpath("string()") == "Protection of the United NationsTo ensure the protection of its personnel;"


def test_headings_open_sections_and_repeated_numbers_keep_unique_ids():
    units = (Paragraph("1.", 1, (Text("One"),), S), Heading((Text("A heading"),), S),
             Heading((Text("Its subtitle"),), S), Paragraph(None, None, (Text("stray"),), S),
             Paragraph("1.", 1, (Text("One again"),), S))
    tree = write(Document("t", meta(), S, operative=units))
    operative = xpath(tree, "//t:div[@type='operative']")[0]
    assert xpath(operative, "t:p/@xml:id") == ["op.1"]
    section = xpath(operative, "t:div[@type='section']")[0]
    assert xpath(section, "t:head/text()") == ["A heading", "Its subtitle"]
    assert [p.get(XML_ID) for p in xpath(section, "t:p")] == [None, "op.1-2"]


def test_markup_characters_in_text_are_escaped():
    text = 'A & B < C > D "quoted" ]]> end'
    tree = write(Document("t", meta(), S, preamble=(Recital("", (Text(text),), S),)))
    assert xpath(tree, "string(//t:div[@type='preamble']/t:p)") == text


def test_footnotes_sit_at_their_calls_repeats_point_back_and_lost_notes_are_kept():
    notes = (Footnote("3", (Text("See A/78/3."),), S), Footnote("4", (Text("Note four."),), S),
             Footnote("5", (Text("A note whose call was lost."),), S))
    document = Document("t", meta(), S, title=Title("78/1.", "78/1", (Text("Title"), NoteRef("3")), S),
                        operative=(Paragraph("1.", 1, (Text("Decides:"),), S,
                                             (item("(a)", "x"), Item("(b)", "b", (Text("y"), NoteRef("4")), S))),
                                   Paragraph("2.", 2, (Text("Again"), NoteRef("3")), S)),
                        footnotes=notes)
    tree = write(document)
    assert xpath(tree, "//t:body/t:head/t:note[@place='foot']/@n") == ["3"]
    assert xpath(tree, "//t:item[@n='(b)']/t:note/@xml:id") == ["note.4"]
    assert xpath(tree, "//t:p[@n='2']/t:ptr/@target") == ["#note.3"]
    assert xpath(tree, "//t:back/t:div[@type='notes']/t:note/text()") == ["A note whose call was lost."]
    # the header's title is plain: a second copy of the note would repeat its xml:id
    assert xpath(tree, "//t:teiHeader//t:note") == [] and xpath(tree, "string(//t:titleStmt/t:title)") == "78/1. Title"


def test_document_without_title_formula_or_date_and_an_empty_one_are_valid():
    document = Document("input/x.txt", meta(body=None, number=None, symbol=None, adoption_date=None, session=None,
                                           doc_type="decision"),
                        S, operative=(Paragraph(None, None, (Text("The Assembly decided."),), S),))
    tree = write(document)
    assert xpath(tree, "string(//t:titleStmt/t:title)") == "x.txt"
    assert xpath(tree, "//t:settingDesc | //t:author | //t:standOff") == []
    write(Document("t", meta(), S))


def test_adoption_dateline_and_meeting():
    closing = (ClosingLine("adoption", (Meeting("50th plenary meeting", "50"),), S),
               ClosingLine("adoption", (DateText("19 December 2023", "2023-12-19"),), S))
    tree = write(Document("t", meta(), S, closing=closing))
    adoption = xpath(tree, "//t:div[@type='adoption']")[0]
    assert xpath(adoption, "t:p/t:seg[@type='meeting']/@n") == ["50"]
    assert xpath(adoption, "t:dateline/t:date/@when") == ["2023-12-19"]


def test_a_dated_line_between_undated_ones_is_a_p():
    closing = (ClosingLine("other", (Text("before"),), S),
               ClosingLine("adoption", (DateText("19 December 2023", "2023-12-19"),), S),
               ClosingLine("other", (Text("after"),), S))
    tree = write(Document("t", meta(), S, closing=closing))
    assert xpath(tree, "//t:div[@type='adoption']/t:dateline") == []
    assert xpath(tree, "//t:div[@type='adoption']/t:p[2]/t:date/@when") == ["2023-12-19"]


def test_vote_without_groups_is_an_event_without_relations():
    tree = write(Document("t", meta(), S, vote=Vote("without_vote", (Text("[Adopted without a vote.]"),), S)))
    assert xpath(tree, "//t:standOff/t:listEvent/t:event/@type") == ["adoptionWithoutVote"]
    assert xpath(tree, "//t:standOff/t:listEvent/t:event/t:desc/text()") == ["[Adopted without a vote.]"]
    assert xpath(tree, "//t:listRelation | //t:particDesc") == []
    assert xpath(tree, "//t:div[@type='vote']/@corresp") == ["#vote.1"]


def test_recorded_vote_as_text_and_as_data():
    vote = recorded_vote(group("in_favour", "In favour:", "Chile", "China", "Atlantis"),
                         group("against", "Against:", "Japan"))
    tree = write(Document("t", meta(), S, vote=vote))
    div = xpath(tree, "//t:body/t:div[@type='vote']")[0]
    assert xpath(div, "t:p/t:num[@type='inFavour']/@value") == ["2"]
    assert xpath(div, "t:list/@type") == ["inFavour", "against"]
    assert xpath(div, "t:list[1]/t:head/text()") == ["In favour:"]
    assert [item.xpath("string()") for item in xpath(div, "t:list[1]/t:item")] == ["Chile, ", "China, ", "Atlantis"]
    unknown = generated_id("Atlantis")
    assert xpath(div, "t:list[1]/t:item/t:orgName/@ref") == ["#CHL", "#CHN", "#" + unknown]
    assert xpath(tree, "//t:particDesc/t:listOrg/t:org/@xml:id") == ["CHL", "CHN", unknown, "JPN"]
    assert xpath(tree, "//t:org[@xml:id='CHN']/t:orgName/text()") == ["China"]
    event = xpath(tree, "//t:standOff/t:listEvent/t:event")[0]
    assert (event.get(XML_ID), event.get("type"), event.get("when")) == ("vote.1", "recordedVote", "2023-12-19")
    assert [(m.get("type"), m.get("quantity")) for m in xpath(event, "t:desc/t:measure")] == [
        ("inFavour", "2"), ("against", "1")]
    relations = [(r.get("name"), r.get("active"), r.get("passive")) for r in xpath(tree, "//t:relation")]
    assert relations == [("inFavour", f"#CHL #CHN #{unknown}", "#vote.1"), ("against", "#JPN", "#vote.1")]


def test_a_list_without_names_keeps_its_text():
    tree = write(Document("t", meta(), S, vote=recorded_vote(VoteGroup("against", "Against:", (Text("None"),), S))))
    assert xpath(tree, "//t:list[@type='against']/t:item/text()") == ["None"]
    assert xpath(tree, "//t:relation") == []


def test_parts_have_their_own_ids_events_and_dates():
    closing_b = (ClosingLine("adoption", (DateText("20 December 2023", "2023-12-20"),), S),)
    parts = (Part("A", S, operative=(Paragraph("1.", 1, (Text("Decides one."),), S),),
                  vote=recorded_vote(group("in_favour", "In favour:", "Chile"))),
             Part("B", S, operative=(Paragraph("1.", 1, (Text("Decides two."),), S),), closing=closing_b,
                  vote=recorded_vote(group("in_favour", "In favour:", "Chile", "Peru"))))
    tree = write(Document("t", meta(doc_type="decision"), S, title=Title("78/600.", "78/600", (Text("P"),), S),
                          parts=parts))
    assert xpath(tree, "//t:body/t:div[@type='part']/@n") == ["A", "B"]
    assert xpath(tree, "//t:div[@type='operative']/t:p/@xml:id") == ["partA.op.1", "partB.op.1"]
    assert xpath(tree, "//t:div[@type='part']/t:div[@type='vote']/@corresp") == ["#vote.1", "#vote.2"]
    assert xpath(tree, "//t:event/@when") == ["2023-12-19", "2023-12-20"]
    assert xpath(tree, "//t:org/@xml:id") == ["CHL", "PER"]


def test_annexes_go_to_back_and_a_quoted_text_floats():
    quoted = Quoted(Formula((Text("The General Assembly,"),), S), (Recital("", (Text("Noting,"),), S),),
                    (Paragraph("1.", 1, (Text("Decides."),), S),), S)
    document = Document("t", meta(), S,
                        operative=(Paragraph("1.", 1, (Text("Recommends:"),), S, quoted=quoted),),
                        annexes=(Annex((Heading((Text("Annex"),), S), Heading((Text("Programme"),), S)),
                                       (Paragraph("1.", 1, (Text("First."),), S),), S),))
    tree = write(document)
    annex = xpath(tree, "//t:back/t:div[@type='annex']")[0]
    assert xpath(annex, "t:head/text()") == ["Annex", "Programme"]
    assert xpath(annex, "t:p/@xml:id") == ["annex1.p.1"]
    floating = xpath(tree, "//t:p[@xml:id='op.1']/t:floatingText/t:body")[0]
    assert xpath(floating, "t:div/@type") == ["preamble", "operative"]
    assert xpath(floating, "t:div[@type='operative']/t:p/@xml:id") == ["op.1.q.1"]


def test_the_taxonomy_names_exactly_the_div_types_used():
    document = Document("t", meta(), S, operative=(Paragraph("1.", 1, (Text("One"),), S),),
                        vote=Vote("consensus", (Text("[Adopted by consensus.]"),), S))
    tree = write(document)
    assert xpath(tree, "//t:taxonomy/t:category/@xml:id") == ["divType.operative", "divType.vote"]
    used = {"divType." + t for t in xpath(tree, "//t:text//t:div/@type")}
    assert used == set(xpath(tree, "//t:taxonomy/t:category/@xml:id"))


def test_a_voter_removed_from_the_org_list_is_a_dangling_pointer():
    xml = to_tei(Document("t", meta(), S, vote=recorded_vote(group("in_favour", "In favour:", "Chile"))),
                 TeiOptions(markup_date="2026-01-01"))
    broken = xml.replace(b'xml:id="CHL"', b'xml:id="CHILE"')
    assert [e.message for e in check_pointers(broken)] == [
        "@ref: #CHL resolves to no xml:id", "@active: #CHL resolves to no xml:id"]


def test_an_annex_table_is_a_table_with_its_label_as_head_and_label_rows():
    from pipeline.model import Table, TableRow

    table = Table((Text("Table 1"),), (TableRow((Text("Seventeenth session"),), S, header=True),
                                       TableRow((Text("1. Thematic priorities"),), S)), S)
    document = Document("t", meta(), S, operative=(Paragraph("1.", 1, (Text("Adopts."),), S),),
                        annexes=(Annex((Heading((Text("Annex"),), S),), (table,), S),))
    tree = write(document)
    found = xpath(tree, "//t:back/t:div[@type='annex']/t:table")[0]
    assert xpath(found, "t:head/text()") == ["Table 1"]
    assert xpath(found, "t:row/@role") == ["label"]
    assert xpath(found, "t:row/t:cell/text()") == ["Seventeenth session", "1. Thematic priorities"]
