"""Data only: member-state names as UN documents print them, where ISO 3166 names (in
pycountry's catalogues) word them otherwise. The shape is checked by tests/test_countries.py:
six languages, every code an ISO 3166-1 alpha-3 code.

Names ISO already gives, in the document's language or in English, need no entry; nor
do ISO's inverted names ("Bolivia, Plurinational State of"), whose UN orders
("Bolivia (Plurinational State of)", "Republic of Korea") pipeline/countries.py derives.
Spacing, case, apostrophes, hyphens, ё and Arabic vowel marks do not matter here.
"""

# pycountry's gettext catalogue for each UN language
PYCOUNTRY_LOCALES = {"ar": "ar", "zh": "zh_CN", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}

ALIASES: dict[str, dict[str, str]] = {
    "en": {
        "Netherlands (Kingdom of the)": "NLD",
        "Holy See": "VAT",
        "Swaziland": "SWZ",
        "The former Yugoslav Republic of Macedonia": "MKD",
    },
    "fr": {
        "Pays-Bas (Royaume des)": "NLD",
        "République-Unie de Tanzanie": "TZA",
        "Saint-Siège": "VAT",
        "Venezuela (République bolivarienne du)": "VEN",
    },
    "es": {
        "Argelia": "DZA",
        "Maldivas": "MDV",
        "Kazajstán": "KAZ",
        "Países Bajos (Reino de los)": "NLD",
        "Irán (República Islámica del)": "IRN",
        "República de Moldova": "MDA",
        "República Unida de Tanzanía": "TZA",
        "Santa Sede": "VAT",
        "Belarús": "BLR",
        "Bahrein": "BHR",
        "República Árabe Siria": "SYR",
    },
    "ru": {
        "Боливия (Многонациональное Государство)": "BOL",
        "Венесуэла (Боливарианская Республика)": "VEN",
        "Иран (Исламская Республика)": "IRN",
        "Микронезия (Федеративные Штаты)": "FSM",
        "Нидерланды (Королевство)": "NLD",
        "Кыргызстан": "KGZ",
        "Мальдивские Острова": "MDV",
        "Святейший Престол": "VAT",
        "Бруней-Даруссалам": "BRN",
    },
    "zh": {
        "孟加拉国": "BGD",
        "多民族玻利维亚国": "BOL",
        "吉尔吉斯斯坦": "KGZ",
        "阿拉伯联合酋长国": "ARE",
        "教廷": "VAT",
        "捷克共和国": "CZE",
        "埃斯瓦蒂尼": "SWZ",
        "俄罗斯联邦": "RUS",
        "文莱达鲁萨兰国": "BRN",
    },
    "ar": {
        "باراغواي": "PRY",
        "بنغلاديش": "BGD",
        "بنن": "BEN",
        "شيلي": "CHL",
        "فييت نام": "VNM",
        "قيرغيزستان": "KGZ",
        "كوت ديفوار": "CIV",
        "ملديف": "MDV",
        "الجبل الأسود": "MNE",
        "لكسمبرغ": "LUX",
        "ليتوانيا": "LTU",
        "هولندا (مملكة)": "NLD",
        "الولايات المتحدة الأمريكية": "USA",
        "بوليفيا (دولة - المتعددة القوميات)": "BOL",
        "فنزويلا (جمهورية - البوليفارية)": "VEN",
        "إيران (جمهورية - الإسلامية)": "IRN",
        "ميكرونيزيا (ولايات - الموحدة)": "FSM",
        "جمهورية كوريا": "KOR",
        "جمهورية كوريا الشعبية الديمقراطية": "PRK",
        "جمهورية لاو الديمقراطية الشعبية": "LAO",
        "الكرسي الرسولي": "VAT",
        "تشيكيا": "CZE",
        "كابو فيردي": "CPV",
        "جمهورية الكونغو الديمقراطية": "COD",
        "بروني دار السلام": "BRN",
        "تركيا": "TUR",
    },
}
