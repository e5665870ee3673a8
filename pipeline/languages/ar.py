"""Arabic (العربية): words and patterns of UN resolutions.

The text layers of Arabic PDFs drop short vowels, shadda and tanween off their
letters as separate "words" (`ً قانونا`), so the patterns allow stray marks
where a line starts. Lam-alef ligatures are repaired by the clean stage
(`pipeline.fixes.arabic.repair_lam_alef`) before these patterns are applied.
"""
from . import BodyWords, CitationWords, Profile, VoteWords

# Letters, and the marks (harakat, shadda, superscript alef) that a text layer may
# leave detached from them.
_LETTER = "\u0621-\u063a\u0641-\u064a"
_MARK = "\u064b-\u0652\u0670"
_LETTER_OR_MARK = f"[{_LETTER}{_MARK}\u0640]"  # tatweel (U+0640) stretches a letter
_WORD = _LETTER_OR_MARK + "+"
_STRAY = f"[{_MARK}\\s]*"  # detached marks before the first word of a line

# Months as the UN prints them: the Levantine name, then the Egyptian one after a
# slash ("3 نيسان/أبريل 2025"); session-date lines give the first name alone.
_MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
           "تشرين الأول", "تشرين الثاني", "كانون الأول")
_SECOND_NAMES = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيه", "يونيو", "يوليه", "يوليو",
                 "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
_MONTH = "|".join(_MONTHS)
_MONTH_PRINTED = rf"(?:{_MONTH})(?:\s*/\s*(?:{'|'.join(_SECOND_NAMES)}))?"
_DATE = rf"\d{{1,2}}\s*{_MONTH_PRINTED}\s*\d{{4}}"

# Ordinal and cardinal words of session names ("الدورة الثامنة والخمسون"). Each word
# is listed bare, with the article and with the conjunction و glued to it, since
# Arabic writes "والخمسون" as one word.
_UNIT_ORDINALS = (("أول", "أولى", "حادي", "حادية"), ("ثاني", "ثانية"), ("ثالث", "ثالثة"),
                  ("رابع", "رابعة"), ("خامس", "خامسة"), ("سادس", "سادسة"), ("سابع", "سابعة"),
                  ("ثامن", "ثامنة"), ("تاسع", "تاسعة"), ("عاشر", "عاشرة"))
_TENS = (("عشر", "عشرة"), ("عشرون", "عشرين"), ("ثلاثون", "ثلاثين"), ("أربعون", "أربعين"),
         ("خمسون", "خمسين"), ("ستون", "ستين"), ("سبعون", "سبعين"), ("ثمانون", "ثمانين"),
         ("تسعون", "تسعين"))
_HUNDRED = ("مائة", "مئة")


def _forms(word: str) -> tuple[str, ...]:
    return word, "ال" + word, "و" + word, "وال" + word


_NUMBER_WORDS = {
    **{form: i + 1 for i, words in enumerate(_UNIT_ORDINALS) for w in words for form in _forms(w)},
    **{form: 10 * (i + 1) for i, words in enumerate(_TENS) for w in words for form in _forms(w)},
    **{form: 100 for w in _HUNDRED for form in _forms(w)},
}
# Feminine ordinals name meetings ("الجلسة العامة الأولى") as well as sessions.
_ORDINAL_WORD = "|".join(sorted((w for w in _NUMBER_WORDS if w.startswith("ال")), key=len, reverse=True))

# Opening phrases. A preambular paragraph opens with "إذ"/"وإذ" (or "وقد") and a
# verb in the third person, perhaps with a complement that belongs to the phrase
# ("وإذ يؤكد من جديد", "وإذ يضع في اعتباره", "وإذ يحيط علما مع التقدير"); an
# operative paragraph opens with the verb itself ("يقرر", "يطلب أيضا").
_TAILS = ("من جديد", "مجددا", "مجدداً", "أيضا", "أيضاً", "كذلك", "بشدة", "بقوة", "بقلق",
          "علما", "علماً", "مع التقدير", "مع القلق", "مع الارتياح", "مع الأسف", "ببالغ القلق",
          "بقلق بالغ", "بالغ القلق", "بالغ قلقه", "بالغ قلقها", "عن بالغ القلق", "عن بالغ قلقه",
          "عن بالغ قلقها", "عن القلق", "عن قلقه", "عن قلقها", "عن أشد القلق", "عن تقديره",
          "عن تقديرها", "عن اقتناعه", "عن اقتناعها", "عن ارتياحه", "عن ارتياحها", "عن أسفه",
          "عن أسفها", "تأكيد", "التأكيد", "في اعتباره", "في اعتبارها", "بعين الاعتبار", "الضوء",
          "إدانة قاطعة", "العزم", "بالغ", "القلق")
_TAIL = "|".join(sorted(_TAILS, key=len, reverse=True))
_VERB = f"[يت]{_WORD}"  # third person imperfect: يشير, تشير, يؤكد
# A mark the text layer set apart from its word ("وإذ ّ" / "تسلم": the shadda of
# تسلّم) may stand between the particle and the verb.
_PARTICLE = "(?:و?إذ|وإذا)"
_OPENING = (rf"^{_STRAY}(?:{_PARTICLE}\s+{_STRAY}{_VERB}|وقد\s+{_WORD}|و?اقتناعا(?:ً)?\s+منه(?:ا)?)"
            rf"(?:\s+(?:{_TAIL})(?!{_LETTER_OR_MARK}))*")
_OPERATIVE_PHRASE = rf"^{_VERB}(?:\s+(?:{_TAIL})(?!{_LETTER_OR_MARK}))*"

_BODY_GA = r"الجمعية\s+العامة"
_BODY_HRC = r"مجلس\s+حقوق\s+الإنسان"
_BODY_SC = r"مجلس\s+الأمن"
_BODY_ECOSOC = r"المجلس\s+الاقتصادي\s+والاجتماعي"


def _formula(body: str) -> str:
    """The enacting formula: "إن" (with or without its shadda and fatha, which the
    text layer may set apart) and the body, then a comma, perhaps after a space, or
    none ("إن مجلس حقوق الإنسان")."""
    return rf"^{_STRAY}إن{_STRAY}\s+{body}\s*،?$"


# Item letters in the order the UN uses, the abjad order (أ ب ج د ه و ز ح ط ي ...),
# single or doubled ("(أ أ)") after the first 28; ه may carry a tatweel ("(هـ)").
_ITEM_LETTERS = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A space before a comma, semicolon or full stop: Arabic punctuation follows its word
# without one, so the text layer shows one where it lifted out a call printed above the line.
PUNCTUATION_GAP = r"(?<=\S) (?=[\u060c\u061b.])"

PROFILE = Profile(
    code="ar",
    akn_code="ara",
    name="Arabic",
    script="Arabic",
    direction="rtl",
    emphasis="i",
    bodies={
        "GA": BodyWords(names=("الجمعية العامة",), formula=_formula(_BODY_GA)),
        "HRC": BodyWords(names=("مجلس حقوق الإنسان",), formula=_formula(_BODY_HRC)),
        "SC": BodyWords(names=("مجلس الأمن",), formula=_formula(_BODY_SC)),
        # some ECOSOC mastheads print the body as its formula, without the comma
        "ECOSOC": BodyWords(names=("المجلس الاقتصادي والاجتماعي", "إن المجلس الاقتصادي والاجتماعي"),
                            formula=_formula(_BODY_ECOSOC)),
    },
    # "58/13 - Title"; pdftotext may put the dash first ("- 58/13Title")
    title=(r"^(?=-?\s*\d{1,4}/\d{1,4}\s*-|-)-?\s*(?P<num>(?P<number>(?:ES-\d{1,2}|\d{1,4})/\d{1,4}))\s*-?\s*"
           r"(?P<title>\S.*)$"),
    session=(r"^(?:الدورة|دورة)\s+(?:الاستثنائية\s+(?:الطارئة\s+)?)?(?:عام\s+)?"
             rf"(?P<ordinal>\d{{1,4}}|(?:{_ORDINAL_WORD})(?:\s+(?:عشرة?|و\S+))?)(?:\s+المستأنفة)?$"),
    # "البند 3 من جدول الأعمال"; pdftotext may glue the number to "من"
    agenda_item=r"^البند(?:ان)?\s+(?P<item>\S.*?)\s*من\s+جدول\s+الأعمال(?:\s+المؤقت)?$",
    adoption_line=(r"^(?P<kind>قرار|مقرر)\s+(?:اعتمده|اعتمدته|اتخذه|اتخذته)\s+(?P<body>\D+?)\s+في\s+"
                   rf"(?P<date>{_DATE})$"),
    doc_kinds={"قرار": "resolution", "مقرر": "decision"},
    date=(rf"(?P<day>\d{{1,2}})\s*(?P<month>{_MONTH})(?:\s*/\s*(?:{'|'.join(_SECOND_NAMES)}))?"
          r"\s*(?P<year>\d{4})"),
    months=_MONTHS,
    session_dates=(rf"^(?P<start>\d{{1,2}}(?:\s*{_MONTH_PRINTED})?(?:\s*\d{{4}})?)\s*[-–—]\s*"
                   rf"(?P<end>{_DATE})$"),
    partial_date=(rf"^(?P<day>\d{{1,2}})(?:\s*(?P<month>{_MONTH})(?:\s*/\s*(?:{'|'.join(_SECOND_NAMES)}))?)?"
                  r"(?:\s*(?P<year>\d{4}))?$"),
    meeting=(rf"(?:الجلسة|جلسته|جلستها)\s+(?:العامة\s+)?(?P<number>\d+|(?:{_ORDINAL_WORD})(?:\s+عشرة?)?)"
             r"(?:\s+\(المستأنفة\))?"),
    # "1 -" (GA, SC, ECOSOC) and "1-" (HRC), now and then with an en dash; the
    # text layer may print the dash first ("- 1", "-1")
    operative=(r"^(?P<num>(?=\d{1,3}\s?[-–]|[-–]\s?\d)(?:[-–]\s?)?(?P<number>\d{1,3})(?:\s?[-–])?)\s*"
               r"(?P<text>(?![\d\s]*$)\S.*)$"),
    item_letters=_ITEM_LETTERS,
    item=(rf"^{_STRAY}(?P<num>\((?P<label>[{_ITEM_LETTERS}]\u0640?(?:\s?[{_ITEM_LETTERS}]\u0640?)?)\))\s*"
          r"(?P<text>\S.*)$"),
    opening_phrase=_OPENING,
    opening_particle=rf"^{_STRAY}{_PARTICLE}{_STRAY}$",
    operative_phrase=_OPERATIVE_PHRASE,
    vote=VoteWords(
        recorded=r"بتصويت\s+مسج|مسج\s*ّ?\s*ل\s+بأغلبية",
        without_vote=rf"^{_STRAY}\[[^\]]{{0,20}}?(?:بدون|دون)\s+تصويت",
        consensus=rf"^{_STRAY}\[[^\]]{{0,20}}?بتوافق\s+الآراء",
        # "بأغلبية 30 صوتا مقابل 10 أصوات وامتناع 7 أعضاء عن التصويت"; none
        # against is "مقابل لا شيء"
        counts=((r"بأغلبية\s+(?P<in_favour>\d+)\s+(?:صوت\S*|أصوات)\s+مقابل\s+"
                 r"(?:(?P<against>\d+)(?:\s+(?:صوت\S*|أصوات))?|لا\s+شيء)"
                 r"(?:\s*،?\s*وامتناع\s+(?:(?P<abstaining>\d+|عضوين|عضوان)(?:\s+(?:عضو\S*|أعضاء))?)"
                 r"\s+عن\s+التصويت)?"),),
        count_words={"عضوين": 2, "عضوان": 2},
        labels={"in_favour": "المؤيدون", "against": "المعارضون", "abstaining": "الممتنعون عن التصويت"},
        name_separator=r"\s*،\s*",
    ),
    organization_names=("الأمم المتحدة", "الأمــم المتحـدة"),
    distribution=r"^Distr\.?:?\s*General\b",
    language_names=("Arabic", "العربية"),
    original=r"^(?:Original|الأصل)\s*:\s*\w+$",
    decision_label=r"^مقرر$",
    decision_opening=(rf"^{_STRAY}{_WORD}\s+(?:{_BODY_GA}|{_BODY_ECOSOC}|{_BODY_HRC})\s*،?\s*في\s+"
                      r"(?:جلستها|جلسته)\s"),
    sc_title=r"^القرار\s+(?P<number>\d+\s*\(\d{4}\))$",
    sc_adoption=(rf"^الذي\s+اتخذه\s+{_BODY_SC}\s+في\s+(?P<meeting>جلسته\s+\d+)\s*،?\s*"
                 rf"المعقودة\s+في\s+(?P<date>{_DATE})$"),
    prst_title=r"^بيان\s+من\s+رئيس\s+مجلس\s+الأمن$",
    draft_title=r"[:：]\s*مشروع\s+قرار$",
    annex=r"^المرفق(?:\s+ال\S+)?$",
    table_label=r"^الجدول\s+[0-9٠-٩]{1,2}$",
    section_label=r"^الفرع\s+(?:ألف|باء|جيم|دال|هاء|واو)$",
    numerals="words",
    number_words=_NUMBER_WORDS,
    # Arabic prints footnote calls and notes as "(1)". In a block text layer the
    # call comes out mirrored, ")¹ (" or ") 2 ("; a note starts with "(1)" or
    # "( )1", or, when it opens with a left-to-right run (a symbol, a title in
    # English), has its marker mirrored after that run: ".A/HRC/49/70 )2(" (this
    # form only at the very start of a line, not after a space where a second
    # note may start inside a line).
    note_line=(r"^(?=(?:(?P<lead>\((?:\s+\))?)|(?<!\s).*?\s\))(?P<marker>\d{1,3})"
               r"(?(lead)(?:\)|(?=[^\d)]))|\((?=\s|$)))(?:\((?:\s+\))?\d{1,3}\)?\s*)?"),
    # The spaces a mirrored call brings are not printed: the call goes with the
    # word before it, and with the punctuation after it ("النووية )¹ ( ،"). A plain
    # text layer put in reading order has the call as printed, glued to the word
    # before it: "1994(1)،", "الأولى(2) ،", and with the space a raised digit may
    # bring before its closing bracket: "بيجين(5 )".
    note_call=(rf"(?:(?P<mirrored>\s*\)\s*)|\(\s*\)\s*|(?P<logical>(?<=[^\s(])\())"
               rf"(?P<marker>[{_SUPERSCRIPT}]+|\d{{1,3}})"
               r"(?(mirrored)\s*\((?:\s+(?=[،؛.:,;]))?|(?(logical) ?\)(?:\s+(?=[،؛.:,;]))?))"),
    # A call set above the line can come out as a line of its own, in reading order
    # ("(2)", "(2 )") or mirrored (") 2 (").
    raised_call=rf"^[()]\s*(?P<marker>[{_SUPERSCRIPT}]+|\d{{1,3}})\s*[()]$",
    raised_call_gap=PUNCTUATION_GAP,
    raised_call_text="({marker})",
    common_words=frozenset({"في", "من", "على", "إلى", "عن", "أن", "التي", "الذي", "مع", "ذلك",
                            "الأمم", "المتحدة", "العامة", "وإذ", "إذ", "جميع", "بما"}),
    date_range=(rf"(?P<start>\d{{1,2}}(?:\s*{_MONTH_PRINTED})?(?:\s*\d{{4}})?)\s*(?:[-–—]|\s+إلى\s+)\s*"
                rf"(?P<end>{_DATE})"),
    citation=CitationWords(
        # "القرار", "قرارها", "وقراراتها": the word takes prefixes and the possessive suffix
        resolution=r"(?<!\w)[وبل]?(?:ال)?قرار\w*",
        decision=r"(?<!\w)[وبل]?(?:ال)?مقرر\w*",
        bodies={"GA": r"الجمعية\s+العامة", "HRC": r"مجلس\s+حقوق\s+\S*نسان", "SC": r"مجلس\s+الأمن",
                "ECOSOC": r"المجلس\s+الاقتصادي\s+والاجتماعي"},
        own=r"(?:قرار|مقرر)\w*ها(?!\w)",
        date_joiner=r"\s*،?\s*(?:المؤرخ|المؤرخة|المؤرخين|المؤرختين)\s+",
    ),
)
