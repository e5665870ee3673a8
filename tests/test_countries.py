"""Member-state names → ISO 3166-1 alpha-3, per language, and the alias table's shape."""
from __future__ import annotations

import pycountry
import pytest

from pipeline.countries import generated_id, identify_states, member_state, name_key
from pipeline.country_names import ALIASES, PYCOUNTRY_LOCALES
from pipeline.languages import UN_LANGUAGES
from pipeline.model import Document, Metadata, Organization, Span, Text, Vote, VoteGroup

# Names as UN vote lists print them (UN short names), with the code each must get.
PRINTED = {
    "en": {"Bolivia (Plurinational State of)": "BOL", "Venezuela (Bolivarian Republic of)": "VEN",
           "Türkiye": "TUR", "Côte d’Ivoire": "CIV", "Republic of Korea": "KOR",
           "Democratic Republic of the Congo": "COD", "Netherlands (Kingdom of the)": "NLD",
           "United Kingdom of Great Britain and Northern Ireland": "GBR", "Viet Nam": "VNM",
           "Iran (Islamic Republic of)": "IRN", "United Republic of Tanzania": "TZA", "State of Palestine": "PSE"},
    "fr": {"Bolivie (État plurinational de)": "BOL", "République de Corée": "KOR", "Pays-Bas (Royaume des)": "NLD",
           "Viet Nam": "VNM", "Côte d’Ivoire": "CIV", "États-Unis d’Amérique": "USA", "Allemagne": "DEU",
           "République arabe syrienne": "SYR", "Türkiye": "TUR", "Trinité-et-Tobago": "TTO"},
    "es": {"Bolivia (Estado Plurinacional de)": "BOL", "República de Corea": "KOR", "Argelia": "DZA",
           "Países Bajos (Reino de los)": "NLD", "Kenya": "KEN", "Qatar": "QAT", "Côte d’Ivoire": "CIV",
           "República Árabe Siria": "SYR", "Türkiye": "TUR", "Venezuela (República Bolivariana de)": "VEN"},
    "ru": {"Боливия (Многонациональное Государство)": "BOL", "Кыргызстан": "KGZ", "Коста‑Рика": "CRI",
           "Соединенные Штаты Америки": "USA", "Российская Федерация": "RUS", "Нидерланды (Королевство)": "NLD",
           "Сирийская Арабская Республика": "SYR", "Турция": "TUR"},
    "zh": {"安哥拉": "AGO", "科特迪瓦": "CIV", "多民族玻利维亚国": "BOL", "大不列颠及北爱尔兰联合王国": "GBR",
           "刚果民主共和国": "COD", "大韩民国": "KOR", "委内瑞拉玻利瓦尔共和国": "VEN", "阿拉伯联合酋长国": "ARE",
           "阿拉伯叙利亚共和国": "SYR", "土耳其": "TUR"},
    "ar": {"الصين": "CHN", "كوت ديفوار": "CIV", "هولندا(مملكة)": "NLD", "جنوب أفريقيا": "ZAF",
           "الإمارات العربية المتحدة": "ARE", "الولايات المتحدة الأمريكية": "USA", "فييت نام": "VNM",
           "الجمهورية العربية السورية": "SYR", "تركيا": "TUR"},
}


@pytest.mark.parametrize("lang", sorted(PRINTED))
def test_un_short_names_map_to_iso_codes(lang):
    assert {name: member_state(name, lang) for name in PRINTED[lang]} == PRINTED[lang]


def test_spacing_case_and_final_stop_do_not_matter():
    assert member_state("  bolivia  (plurinational state of).", "en") == "BOL"
    assert member_state("大不列颠及北爱尔兰 联合王国", "zh") == "GBR"


def test_an_unknown_name_maps_to_nothing_and_gets_a_stable_generated_id():
    assert member_state("Atlantis", "en") is None
    assert generated_id("Atlantis") == generated_id("ATLANTIS ") != generated_id("Lemuria")
    assert generated_id("Atlantis").startswith("state.")


def test_alias_table_shape():
    assert set(ALIASES) == set(UN_LANGUAGES) == set(PYCOUNTRY_LOCALES)
    codes = {country.alpha_3 for country in pycountry.countries}
    for lang, aliases in ALIASES.items():
        for name, code in aliases.items():
            assert code in codes, f"{lang}: {name} → {code} is no ISO 3166-1 alpha-3 code"
            assert name.strip() == name and name_key(name), f"{lang}: {name!r}"


def _document(lang: str, lists: dict[str, tuple[str, ...]]) -> Document:
    groups = []
    for line, (key, names) in enumerate(lists.items(), start=10):
        runs = []
        for name in names:
            runs += [Organization(name), Text(", ")]
        groups.append(VoteGroup(key, key, tuple(runs[:-1]), Span(line, line)))
    meta = Metadata(lang=lang, body="HRC", doc_type="resolution", number="1/1", symbol=None, symbol_printed=False,
                    session=None, adoption_date=None, meeting=None)
    return Document("t", meta, Span(1, 20), vote=Vote("recorded", (Text("[Adopted]"),), Span(9, 12), tuple(groups)))


def test_identify_states_keeps_unknown_names_with_a_warning_on_their_line():
    lines = [""] * 9 + ["In favour: Chile, Atlantis", "Against: Japan"]
    states = identify_states(_document("en", {"in_favour": ("Chile", "Atlantis"), "against": ("Japan",)}), lines)
    assert [s.id for s in states.states] == ["CHL", generated_id("Atlantis"), "JPN"]
    assert [s.iso for s in states.states] == [True, False, True]
    assert states.id_of("Atlantis") == generated_id("Atlantis")
    [warning] = states.diagnostics
    assert (warning.code, warning.line) == ("W020", 10) and "Atlantis" in warning.message


def test_two_printings_of_one_state_make_one_voter():
    states = identify_states(_document("en", {"in_favour": ("Viet Nam", "Vietnam")}))
    assert [(s.id, s.names) for s in states.states] == [("VNM", ("Viet Nam", "Vietnam"))]
    assert states.diagnostics == ()
