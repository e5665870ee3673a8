"""Russian (русский): words and patterns of UN resolutions."""
from . import BodyWords, CitationWords, Profile, VoteWords

# Months in the genitive, as dates print them ("22 июля 2022 года").
_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря")
_MONTH = "|".join(_MONTHS)
_DATE = rf"\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}(?:\s+года)?"
# Hyphens printed between a number and its ending ("46‑е", "9234-м"): ASCII, the
# non-breaking hyphen U+2011 and dashes.
_HYPHEN = "[-‐‑–]"

# Ordinals of session names ("Пятьдесят четвертая сессия", "Восьмидесятая сессия"):
# the tens before a unit are cardinal words; the last word is an ordinal adjective,
# listed here by stem and given every gender and case ending it can take.
_CARDINALS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
              "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100}
_ORDINAL_STEMS = {
    "перв": 1, "втор": 2, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
    "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19,
    "двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70,
    "восьмидесят": 80, "девяност": 90, "сот": 100,
}
_ORDINAL_ENDINGS = ("ая", "ый", "ой", "ое", "ую", "ого", "ому", "ом", "ые", "ых", "ым", "ыми")
# "третий" is the one soft-stem ordinal.
_THIRD = ("третий", "третья", "третье", "третьей", "третьего", "третьему", "третьим", "третьем",
          "третью", "третьи", "третьих")
_NUMBER_WORDS = {
    **_CARDINALS,
    **{stem + ending: value for stem, value in _ORDINAL_STEMS.items() for ending in _ORDINAL_ENDINGS},
    **{word: 3 for word in _THIRD},
}

# The bodies as the masthead (nominative) and the adoption line (instrumental:
# "принятая Генеральной Ассамблеей") print them, and their enacting formulas. The
# formula's comma is required where the bare name is also a masthead line; the
# ECOSOC formula is sometimes printed without it.
_GA = ("Генеральная Ассамблея", "Генеральной Ассамблеей")
_HRC = ("Совет по правам человека", "Советом по правам человека")
_SC = ("Совет Безопасности", "Советом Безопасности")
_ECOSOC = ("Экономический и Социальный Совет", "Экономическим и Социальным Советом")


def _alternatives(words: tuple[str, ...]) -> str:
    """Words as a regex alternation, longest first, so "еще раз" wins over "еще"."""
    return "|".join(sorted(words, key=len, reverse=True))


# Preambular paragraphs open in lower case with a gerund ("ссылаясь", "признавая",
# "рассмотрев"), perhaps after an adverb ("вновь подтверждая", "с удовлетворением
# отмечая"), or with "будучи" and a short participle ("будучи глубоко обеспокоен").
_ADVERBS = ("вновь", "еще раз", "ещё раз", "особо", "настоятельно", "решительно", "твердо", "твёрдо",
            "глубоко", "серьезно", "серьёзно", "всецело", "полностью", "далее", "также",
            "с глубокой обеспокоенностью", "с глубокой озабоченностью", "с серьезной обеспокоенностью",
            "с обеспокоенностью", "с озабоченностью", "с тревогой", "с глубокой тревогой",
            "с признательностью", "с глубокой признательностью", "с удовлетворением", "с интересом",
            "с сожалением", "с беспокойством", "с большой обеспокоенностью")
# Gerund endings: -я after a vowel (признавая, напоминая, действуя), -а after a
# hushing consonant (слыша), -в/-вшись after a vowel (рассмотрев); not the endings of
# nouns (-ия, -ья, -ов) nor of the commonest adjectives and participles (-ская,
# -цкая, -ющая, -ящая, -ьная, -нная, -дная…).
_GERUND = (r"[а-яё]+(?:[аеёуюя]я|[жшчщ]а)(?:сь)?(?<![кц]ая)(?<![уюя]щая)(?<![ьнджтрс]ная)"
           r"|[а-яё]+[аеёиыя]в(?:шись)?")
# Words with a gerund's ending that never open a paragraph: gerunds used as
# prepositions ("включая" — including, "начиная с") and pronouns or adjectives in
# -ая ("которая"). A wrapped line that starts with one goes on with the paragraph.
_NOT_OPENINGS = ("включая", "исключая", "начиная", "благодаря", "несмотря", "спустя", "которая", "каждая",
                 "любая", "другая")
_TAILS = ("также", "далее", "вновь", "еще раз", "ещё раз", "во внимание", "к сведению", "особое внимание",
          "в поддержку", "решимости", "на", "о", "об", "обо")
# A gerund followed by "при этом" ("обращая при этом внимание" — while drawing
# attention) continues the clause before it: it never opens a paragraph.
_OPENING = (rf"^(?!(?:{_alternatives(_NOT_OPENINGS)})\b)(?:(?:{_alternatives(_ADVERBS)})\s+){{0,2}}"
            rf"(?:будучи(?:\s+(?:{_alternatives(_ADVERBS)}))?\s+[а-яё]+|{_GERUND})\b(?!\s+при\s+этом\b)"
            rf"(?:\s+(?:{_alternatives(_TAILS)})\b)*")

# Operative paragraphs open with a verb in the third person ("постановляет",
# "просит также", "настоятельно призывает", "принимает к сведению").
_OPERATIVE_TAILS = ("также", "далее", "вновь", "еще раз", "ещё раз", "во внимание", "к сведению",
                    "особое внимание", "с удовлетворением", "с признательностью", "с обеспокоенностью",
                    "на", "о", "об", "обо")
_OPERATIVE = (rf"^(?:(?:{_alternatives(_ADVERBS)})\s+){{0,2}}[а-яё]+(?:ет|ит|ют|ят)(?:ся)?\b"
              rf"(?:\s+(?:{_alternatives(_OPERATIVE_TAILS)})\b)*")

# The outcome line of a vote: "[Принята без голосования.]"; the phrases are
# anchored to "Принята" because recitals mention votes and consensus too.
_ADOPTED = r"^\[?\s*Принят[аоы]?\s+"

# Country names with "и" inside, which the final "и" of a vote list must not split.
_COMPOUND_NAME_ENDS = ("Тобаго", "Герцеговина", "Гренадины", "Северной Ирландии", "Барбуда", "Невис",
                       "Принсипи", "Кайкос")

PROFILE = Profile(
    code="ru",
    akn_code="rus",
    name="Russian",
    script="Cyrillic",
    direction="ltr",
    emphasis="i",
    bodies={
        "GA": BodyWords(names=_GA, formula=r"^Генеральная Ассамблея\s*,$"),
        "HRC": BodyWords(names=_HRC, formula=r"^Совет по правам человека\s*,$"),
        "SC": BodyWords(names=_SC, formula=r"^Совет Безопасности\s*,$"),
        "ECOSOC": BodyWords(names=_ECOSOC, formula=r"^Экономический и Социальный Совет\s*,?$"),
    },
    title=r"^(?P<num>(?P<number>(?:ES-\d{1,2}|\d{1,4})/\d{1,4})\.)\s*(?P<title>\S.*)$",
    # "Пятьдесят четвертая сессия", "Двадцать седьмая специальная сессия", and the
    # ECOSOC year sessions "Сессия 2022 года" (the year is their number).
    session=(r"^(?=Сессия\s+\d{4}\s+года$|[А-ЯЁ][а-яё]+(?:\s+[а-яё]+)?\s+"
             r"(?:специальная\s+|чрезвычайная\s+специальная\s+)?сессия$)"
             r"(?:Сессия\s+)?(?P<ordinal>\d{4}|[А-ЯЁ][а-яё]+(?:\s+[а-яё]+)?)\s+\S.*$"),
    agenda_item=r"^Пункты?\s+(?P<item>\S.*?)\s+повестки\s+дня$",
    adoption_line=(rf"^(?P<kind>Резолюция|Решение),?\s+принят(?:ая|ое)\s+(?P<body>\D+?)\s+"
                   rf"(?P<date>{_DATE})$"),
    doc_kinds={"Резолюция": "resolution", "Решение": "decision"},
    date=rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})(?:\s+года)?",
    months=_MONTHS,
    session_dates=(rf"^(?P<start>\d{{1,2}}(?:\s+(?:{_MONTH}))?(?:\s+\d{{4}})?)\s*[-–—]\s*"
                   rf"(?P<end>{_DATE})$"),
    partial_date=(rf"^(?P<day>\d{{1,2}})(?:\s+(?P<month>{_MONTH}))?(?:\s+(?P<year>\d{{4}}))?"
                  rf"(?:\s+года)?$"),
    # "46‑е заседание", "95-е пленарное заседание", "12-e" with a Latin e, "9234-м
    # заседании" (in "на его 9234-м заседании").
    meeting=(rf"(?P<number>\d+)(?:\s*{_HYPHEN}\s*[емe])?\s+(?:\(возобновленное\)\s+)?"
             r"(?:пленарн(?:ое|ом)\s+)?заседани[еи](?:\s+\(возобновленное\))?"),
    operative=r"^(?P<num>(?P<number>\d{1,3})\.)\s+(?P<text>\S.*)$",
    # "a)", "i)", "(a)", and "a." in Security Council texts
    item=(r"^(?P<num>(?P<open>\()?(?P<label>[a-z]{1,3}|[ivxlc]{1,7})(?(open)\)|[).]))"
          r"\s+(?P<text>\S.*)$"),
    opening_phrase=_OPENING,
    operative_phrase=_OPERATIVE,
    vote=VoteWords(
        recorded=rf"{_ADOPTED}(?:\S+\s+){{0,3}}?заносим\w*\s+в\s+отч[её]т\s+о\s+заседании\s+голосовани\w*",
        without_vote=rf"{_ADOPTED}без\s+голосования",
        consensus=rf"{_ADOPTED}(?:консенсусом|на\s+основе\s+консенсуса)",
        # "31 голосом против 13 при 3 воздержавшихся", "28 голосами против 14"
        counts=((r"(?P<in_favour>\d+)\s+голос(?:ом|ами|а|ов)?\s+против\s+(?P<against>\d+)"
                 r"(?:\s*,?\s+при\s+(?P<abstaining>\d+)\s+воздержавш\w*)?"),),
        labels={"in_favour": "Голосовали за", "against": "Голосовали против", "abstaining": "Воздержались"},
        name_separator=r"\s*,\s*",
        final_conjunction=rf"\s+и\s+(?=[^,]*$)(?!{'|'.join(_COMPOUND_NAME_ENDS)})",
    ),
    organization_names=("Организация Объединенных Наций", "Организация Объединённых Наций"),
    distribution=r"^Distr\.?:?\s*General\b",
    language_names=("Russian", "Русский", "English", "French", "Spanish", "Arabic", "Chinese"),
    original=r"^(?:Original|Язык оригинала)\s*:\s*\w+$",
    decision_label=r"^Решение$",
    decision_opening=(rf"^На\s+своем\s+\d+\s*{_HYPHEN}?\s*м\s+(?:\(возобновленном\)\s+)?"
                      r"(?:пленарном\s+)?заседании\b"),
    sc_title=r"^Резолюция\s+(?P<number>\d+\s*\(\d{4}\)),?$",
    sc_adoption=(rf"^принятая\s+Советом\s+Безопасности(?:\s+на\s+его\s+"
                 rf"(?P<meeting>\d+\s*{_HYPHEN}?\s*м\s+заседании))?\s*,?\s*(?P<date>{_DATE})$"),
    prst_title=r"^Заявление Председателя Совета Безопасности$",
    draft_title=r":\s*проект\s+резолюции$",
    annex=r"^Приложение(?:\s+[IVXL]+)?$",
    table_label=r"^Таблица\s+\d{1,2}$",
    section_label=r"^Раздел\s+[A-ZА-Я]$",
    numerals="words",
    number_words=_NUMBER_WORDS,
    common_words=frozenset({"и", "в", "на", "по", "о", "с", "что", "для", "его", "ее", "её", "также",
                            "своей", "резолюции", "совет", "ссылаясь", "постановляет"}),
    date_range=(rf"(?P<start>\d{{1,2}}(?:\s+(?:{_MONTH}))?(?:\s+\d{{4}}(?:\s+года)?)?)\s*(?:[-–—]|\s+по\s+)\s*"
                rf"(?P<end>{_DATE})"),
    # adverbs in "по-" ("по-прежнему"), "государства-участники" in every case, compound
    # adjectives ("социально-экономический", "медико-санитарный", "военно-политический"),
    # indefinite particles ("какой-либо", "где-нибудь")
    hyphen_compounds=(r"по-(?:прежнему|другому|разному|новому|своему|иному)|\w+-участник\w*"
                      r"|(?:социально|медико|военно)-\w+|\w+-(?:либо|нибудь)"),
    citation=CitationWords(
        resolution=r"\bрезолюци\w*",
        decision=r"\bрешени\w*",
        bodies={"GA": r"Генеральн\w+\s+Ассамбле\w+", "HRC": r"Совет\w*\s+по\s+правам\s+человека",
                "SC": r"Совет\w*\s+Безопасности", "ECOSOC": r"Экономическ\w+\s+и\s+Социальн\w+\s+Совет\w*"},
        own=r"\bсво\w+",
        date_joiner=r"\s*,?\s+от\s+",
        body_after=True,
    ),
)
