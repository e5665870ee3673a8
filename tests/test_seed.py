"""The facts issue 2 asks of the reference resolution (HRC 38/3, Chinese)."""
from __future__ import annotations

import re

import pytest
import xmlschema
from lxml import etree

from pipeline.validate import akn_schema_path

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.fixture(scope="module")
def tree(seed_conversion):
    return etree.fromstring(seed_conversion.akn)


def text(element) -> str:
    return "".join(element.itertext())


def test_valid_against_the_official_schema_with_lxml_and_xmlschema(seed_conversion):
    schema = etree.XMLSchema(etree.parse(str(akn_schema_path())))
    assert schema.validate(etree.fromstring(seed_conversion.akn)), schema.error_log
    xmlschema.XMLSchema(str(akn_schema_path())).validate(seed_conversion.akn.decode("utf-8"))


def test_frbr_work_uri_and_expression_language(tree):
    assert tree.xpath("//a:FRBRWork/a:FRBRuri/@value", namespaces=NS) == [
        "/akn/un/statement/deliberation/unga-hrc/2018-07-05/38-3"]
    assert tree.xpath("//a:FRBRExpression/a:FRBRlanguage/@language", namespaces=NS) == ["zho"]
    assert tree.xpath("//a:FRBRWork/a:FRBRalias[@name='symbol']/@value", namespaces=NS) == ["A/HRC/RES/38/3"]
    assert tree.xpath("/a:akomaNtoso/a:statement/@name", namespaces=NS) == ["resolution"]


def test_number_title_and_formula(tree):
    assert [text(e) for e in tree.xpath("//a:preface//a:docNumber", namespaces=NS)] == ["38/3."]
    assert [text(e) for e in tree.xpath("//a:preface//a:docTitle", namespaces=NS)] == ["加强人权领域的国际合作"]
    assert [text(e) for e in tree.xpath("//a:preamble/a:formula/a:p", namespaces=NS)] == ["人权理事会，"]


def test_27_preambular_paragraphs_with_the_page_split_one_joined(tree):
    containers = tree.xpath("//a:preamble/a:container", namespaces=NS)
    assert len(containers) == 27
    joined = [c for c in containers if "促进各国人民可持续发展的重要组成部分" in text(c)]
    assert len(joined) == 1 and joined[0].get("name") == "赞赏地注意到"


def test_31_operative_paragraphs_numbered_in_order(tree):
    nums = [text(e) for e in tree.xpath("//a:mainBody/a:paragraph/a:num", namespaces=NS)]
    assert nums == [f"{n}." for n in range(1, 32)]
    assert tree.xpath("//a:mainBody/a:paragraph/@eId", namespaces=NS) == [f"para_{n}" for n in range(1, 32)]


def test_one_footnote_at_its_marker_in_paragraph_19_and_nowhere_else(tree, seed_conversion):
    notes = tree.xpath("//a:authorialNote", namespaces=NS)
    assert len(notes) == 1
    note = notes[0]
    assert note.get("marker") == "1" and text(note) == "A/HRC/37/79。"
    assert note.get("eId") == "para_19__p_1__authorialNote_1"
    paragraph = note.xpath("ancestor::a:paragraph", namespaces=NS)[0]
    assert paragraph.get("eId") == "para_19"
    assert text(note.getparent()).endswith("年度最新情况报告A/HRC/37/79。；")
    body_text = "".join(tree.xpath("//a:statement//text()[not(ancestor::a:meta)]", namespaces=NS))
    assert body_text.count("A/HRC/37/79") == 1
    assert "¹" not in body_text


def test_adoption_date_and_meeting_in_the_conclusions(tree):
    dates = tree.xpath("//a:conclusions//a:docDate/@date", namespaces=NS)
    assert dates == ["2018-07-05"]
    meeting = tree.xpath("//a:conclusions//*[@refersTo='#adoptionMeeting']", namespaces=NS)
    assert [re.sub(r"\D", "", text(m)) for m in meeting] == ["37"]


def test_recorded_vote_28_14_3_with_as_many_names(tree):
    counts = {e.get("refersTo"): e.get("value")
              for e in tree.xpath("//a:analysis/a:parliamentary/a:voting/a:count", namespaces=NS)}
    assert counts == {"#inFavour": "28", "#against": "14", "#abstaining": "3"}
    quantities = {e.get("refersTo"): e.get("normalized")
                  for e in tree.xpath("//a:conclusions//a:quantity", namespaces=NS)}
    assert quantities == {"#inFavour": "28", "#against": "14", "#abstaining": "3"}
    for key, n in (("#inFavour", 28), ("#against", 14), ("#abstaining", 3)):
        names = tree.xpath(f"//a:conclusions//a:outcome[@refersTo='{key}']/a:organization", namespaces=NS)
        assert len(names) == n, key
    assert tree.xpath("//a:conclusions//a:vote/a:outcome/@refersTo", namespaces=NS) == ["#adoptedRecordedVote"]


def test_eids_are_unique_and_follow_the_naming_convention(tree):
    eids = tree.xpath("//@eId")
    assert len(eids) == len(set(eids))
    assert "preamble__formula_1" in eids and "preamble__container_27" in eids
    assert "conclusions__p_1" in eids


def test_no_warnings_on_the_reference_input(seed_conversion):
    assert [d.code for d in seed_conversion.diagnostics if d.level >= 2] == []


# The 45 voters of HRC 38/3 as the Chinese text prints them, with the ISO 3166-1
# alpha-3 code of each, written out by hand (not read from the converter's tables).
SEED_VOTERS = {
    "#inFavour": [
        ("安哥拉", "AGO"), ("布隆迪", "BDI"), ("智利", "CHL"), ("中国", "CHN"), ("科特迪瓦", "CIV"),
        ("古巴", "CUB"), ("刚果民主共和国", "COD"), ("厄瓜多尔", "ECU"), ("埃及", "EGY"),
        ("埃塞俄比亚", "ETH"), ("伊拉克", "IRQ"), ("肯尼亚", "KEN"), ("吉尔吉斯斯坦", "KGZ"),
        ("蒙古", "MNG"), ("尼泊尔", "NPL"), ("尼日利亚", "NGA"), ("巴基斯坦", "PAK"), ("秘鲁", "PER"),
        ("菲律宾", "PHL"), ("卡塔尔", "QAT"), ("卢旺达", "RWA"), ("沙特阿拉伯", "SAU"),
        ("塞内加尔", "SEN"), ("南非", "ZAF"), ("多哥", "TGO"), ("突尼斯", "TUN"),
        ("阿拉伯联合酋长国", "ARE"), ("委内瑞拉玻利瓦尔共和国", "VEN"),
    ],
    "#against": [
        ("澳大利亚", "AUS"), ("比利时", "BEL"), ("克罗地亚", "HRV"), ("格鲁吉亚", "GEO"), ("德国", "DEU"),
        ("匈牙利", "HUN"), ("日本", "JPN"), ("大韩民国", "KOR"), ("斯洛伐克", "SVK"), ("斯洛文尼亚", "SVN"),
        ("西班牙", "ESP"), ("瑞士", "CHE"), ("乌克兰", "UKR"), ("大不列颠及北爱尔兰联合王国", "GBR"),
    ],
    "#abstaining": [("阿富汗", "AFG"), ("巴西", "BRA"), ("墨西哥", "MEX")],
}


def test_the_45_voters_map_to_their_iso_codes_in_the_conclusions_and_the_voting_counts(tree):
    assert sum(len(group) for group in SEED_VOTERS.values()) == 45
    for key, expected in SEED_VOTERS.items():
        printed = tree.xpath(f"//a:conclusions//a:outcome[@refersTo='{key}']/a:organization", namespaces=NS)
        assert [(text(o), o.get("refersTo")) for o in printed] == [(name, "#" + code) for name, code in expected]
        counted = tree.xpath(f"//a:analysis//a:voting/a:count[@refersTo='{key}']/*/a:organization", namespaces=NS)
        assert [(text(o), o.get("refersTo")) for o in counted] == [(name, "#" + code) for name, code in expected]
        assert tree.xpath(f"//a:voting/a:count[@refersTo='{key}']/@value", namespaces=NS) == [str(len(expected))]


def test_one_tlc_organization_per_voter_named_as_printed(tree):
    states = {e.get("eId"): (e.get("showAs"), e.get("href"))
              for e in tree.xpath("//a:references/a:TLCOrganization", namespaces=NS)}
    for name, code in (pair for group in SEED_VOTERS.values() for pair in group):
        assert states[code] == (name, f"/akn/ontology/organization/un/memberState/{code}")
    assert len(states) == 45 + 2  # the voters, the converter and the adopting body
