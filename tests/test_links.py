"""Dates and references in running text (pipeline/segment/links.py), in the six
languages: what is marked, what it points to, and that no printed character moves."""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

from pipeline.languages import load
from pipeline.model import DateText, Reference, Text, plain
from pipeline.segment.links import SYMBOL, mark, undocs_url
from pipeline.validate import absolute_url


def marked(text: str, lang: str, body: str = "GA", session: str | None = None) -> tuple:
    runs = mark((Text(text),), load(lang), body, session)
    assert plain(runs) == text  # marking never changes the text
    return runs


def dates(text, lang, **kw):
    return [(r.text, r.iso) for r in marked(text, lang, **kw) if isinstance(r, DateText)]


def refs(text, lang, body="GA", session=None):
    return [(r.text, r.symbol) for r in marked(text, lang, body, session) if isinstance(r, Reference)]


@pytest.mark.parametrize("lang, text, printed", [
    ("zh", "大会 2018 年 7 月 5 日通过", "2018 年 7 月 5 日"),
    ("en", "adopted on 5 July 2018 by", "5 July 2018"),
    ("fr", "adoptée le 5 juillet 2018 par", "5 juillet 2018"),
    ("es", "aprobada el 5 de julio de 2018 por", "5 de julio de 2018"),
    ("ru", "принятая 5 июля 2018 года", "5 июля 2018 года"),
    ("ar", "المؤرخ 5 تموز/يوليه 2018، و", "5 تموز/يوليه 2018"),
])
def test_a_date_in_each_language(lang, text, printed):
    assert dates(text, lang) == [(printed, "2018-07-05")]


@pytest.mark.parametrize("lang, text, expected", [
    ("zh", "会议于 2018年6月18日至7月6日举行", [("2018年6月18日", "2018-06-18"), ("7月6日", "2018-07-06")]),
    ("en", "held from 13 to 16 September 2016 in", [("13", "2016-09-13"), ("16 September 2016", "2016-09-16")]),
    ("fr", "du 9 au 27 septembre 2024", [("9", "2024-09-09"), ("27 septembre 2024", "2024-09-27")]),
    ("es", "del 11 de septiembre al 13 de octubre de 2023",
     [("11 de septiembre", "2023-09-11"), ("13 de octubre de 2023", "2023-10-13")]),
    ("ru", "с 18 июня по 6 июля 2018 года", [("18 июня", "2018-06-18"), ("6 июля 2018 года", "2018-07-06")]),
])
def test_a_range_gives_two_dates_each_end_lending_the_other_what_it_leaves_out(lang, text, expected):
    assert dates(text, lang) == expected


def test_no_date_inside_a_longer_number_nor_an_impossible_one():
    assert dates("a total of 112 May 2018 units", "en") == []
    assert dates("on 31 February 2018", "en") == []


@pytest.mark.parametrize("printed, symbol", [
    ("A/HRC/37/79", "A/HRC/37/79"), ("S/2023/506", "S/2023/506"), ("A/RES/72/171", "A/RES/72/171"),
    ("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "E/CN.4/2001/2"), ("A/78/3/Add.1", "A/78/3/Add.1"),
    ("S/RES/2710 (2023)", "S/RES/2710 (2023)"), ("A/RES/ES-10/24", "A/RES/ES-10/24"),
])
def test_document_symbols_in_the_text(printed, symbol):
    assert refs(f"See the report ({printed}).", "en") == [(printed, symbol)]
    assert refs(f"见 {printed}。", "zh") == [(printed, symbol)]


def test_what_is_not_a_symbol():
    assert refs("the A/B testing and A/HRC without number", "en") == []


@pytest.mark.parametrize("lang, body, text, expected", [
    ("en", "GA", "Recalling its resolution 72/171 of 19 December 2017,", [("72/171", "A/RES/72/171")]),
    ("en", "HRC", "Recalling Human Rights Council resolution 37/23 and General Assembly resolution 72/171,",
     [("37/23", "A/HRC/RES/37/23"), ("72/171", "A/RES/72/171")]),
    ("en", "HRC", "Recalling its resolutions 5/1 and 5/2,", [("5/1", "A/HRC/RES/5/1"), ("5/2", "A/HRC/RES/5/2")]),
    ("en", "HRC", "General Assembly resolutions 70/1 of 25 September 2015 and 72/171,",
     [("70/1", "A/RES/70/1"), ("72/171", "A/RES/72/171")]),
    ("en", "GA", "Security Council resolution 1325 (2000)", [("1325 (2000)", "S/RES/1325 (2000)")]),
    ("en", "GA", "its decision 77/408", [("77/408", "A/DEC/77/408")]),
    ("en", "ECOSOC", "its resolution 2023/17", [("2023/17", "E/RES/2023/17")]),
    ("zh", "HRC", "回顾大会第 72/171 号决议", [("72/171", "A/RES/72/171")]),
    ("zh", "HRC", "大会 2006 年 3 月 15 日设立人权理事会的第 60/251 号决议", [("60/251", "A/RES/60/251")]),
    ("zh", "HRC", "理事会 2017 年 6 月 22 日第 35/8 号决议和大会 2017 年 12 月 19 日第 72/171 号决议",
     [("35/8", "A/HRC/RES/35/8"), ("72/171", "A/RES/72/171")]),
    ("fr", "HRC", "la résolution 37/23 du Conseil des droits de l’homme et la résolution 72/171 de l’Assemblée générale",
     [("37/23", "A/HRC/RES/37/23"), ("72/171", "A/RES/72/171")]),
    ("fr", "GA", "Rappelant sa résolution 72/171", [("72/171", "A/RES/72/171")]),
    ("es", "GA", "Recordando su resolución 72/171, de 19 de diciembre de 2017", [("72/171", "A/RES/72/171")]),
    ("ru", "HRC", "ссылаясь на резолюцию 72/171 Генеральной Ассамблеи", [("72/171", "A/RES/72/171")]),
    ("ru", "GA", "резолюция 72/171", [("72/171", "A/RES/72/171")]),
    ("ar", "HRC", "وإذ يشير إلى قرار الجمعية العامة 72/171", [("72/171", "A/RES/72/171")]),
    ("ar", "GA", "القرار 72/171", [("72/171", "A/RES/72/171")]),
])
def test_cited_resolutions_take_the_symbol_of_their_body(lang, body, text, expected):
    assert refs(text, lang, body) == expected


def test_a_number_that_fits_no_body_stays_text():
    # a Commission's year-based number cited by the Council: no symbol of the Council's form
    assert refs("Commission on Human Rights resolution 2005/69", "en", "HRC") == []
    assert refs("paragraph 3/4 of the report", "en") == []  # no resolution word: not a citation


def test_a_later_session_than_the_citing_texts_is_the_general_assemblys():
    assert refs("Resolution 77/317.", "en", "HRC", session="56") == [("77/317", "A/RES/77/317")]
    assert refs("Resolution 55/1.", "en", "HRC", session="56") == [("55/1", "A/HRC/RES/55/1")]


def test_the_date_of_a_citation_is_kept_for_its_frbr_uri():
    zh = [r for r in marked("大会 2017 年 12 月 19 日第 72/171 号决议", "zh", "HRC") if isinstance(r, Reference)]
    assert zh[0].date == "2017-12-19"
    fr = [r for r in marked("sa résolution 51/33, du 7 octobre 2022,", "fr", "HRC") if isinstance(r, Reference)]
    assert (fr[0].symbol, fr[0].date) == ("A/HRC/RES/51/33", "2022-10-07")


@pytest.mark.parametrize("symbol", ["A/HRC/37/79", "S/RES/2710 (2023)", "E/CN.4/Sub.2/2000/46", "A/RES/ES-10/24"])
@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_undocs_addresses_are_well_formed_and_give_back_the_symbol(symbol, lang):
    url = undocs_url(symbol, lang)
    parts = urlsplit(url)
    assert absolute_url(url) and parts.scheme == "https" and parts.hostname == "undocs.org"
    assert parts.path.startswith(f"/{lang}/") and unquote(parts.path[len(lang) + 2:]) == symbol
    assert SYMBOL.fullmatch(symbol) and not re.search(r"\s", url)


def test_undocs_knows_only_the_six_languages():
    with pytest.raises(ValueError):
        undocs_url("A/78/1", "de")
