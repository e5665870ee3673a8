"""English: words and patterns of UN resolutions."""
from . import BodyWords, CitationWords, Profile, VoteWords

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_MONTH = "|".join(_MONTHS)
_DATE = rf"\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}"

# Ordinals and cardinals as they appear in session names ("Fifty-fourth session").
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UNIT_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TEEN_ORDINALS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TEN_ORDINALS = ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                 "eightieth", "ninetieth")
_NUMBER_WORDS = {
    **{w: i + 1 for i, w in enumerate(_UNITS)}, **{w: i + 1 for i, w in enumerate(_UNIT_ORDINALS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)}, **{w: i + 10 for i, w in enumerate(_TEEN_ORDINALS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)}, **{w: 20 + 10 * i for i, w in enumerate(_TEN_ORDINALS)},
    "hundred": 100, "hundredth": 100,
}

# Adjectives and participles that open preambular paragraphs without -ing/-ed.
_ADJECTIVES = ("Mindful", "Aware", "Conscious", "Cognizant", "Cognisant", "Desirous", "Anxious",
               "Keen", "Resolute", "Firm", "Confident", "Bearing in mind", "Taking note",
               "Taking into account", "Having considered", "Having examined", "Having heard",
               "Having received", "Acting under")
_ADVERBS = ("Also", "Further", "Deeply", "Gravely", "Seriously", "Strongly", "Firmly", "Fully",
            "Highly", "Profoundly", "Greatly", "Particularly", "Strongly", "Once again", "Again")
_TAILS = ("also", "further", "again", "once again", "in this regard", "with appreciation",
          "with concern", "with deep concern", "with grave concern", "with serious concern",
          "with great concern", "with satisfaction", "with interest", "with regret", "by",
          "in mind", "into account", "note", "note with appreciation", "note with concern")

# Operative paragraphs open with a verb in the third person ("Decides", "Also
# requests", "Calls upon", "Takes note with appreciation of").
_OPERATIVE_TAILS = ("upon", "on", "note", "note with appreciation", "note with concern",
                    "also", "further", "again", "once again", "in this regard")

# Names of states that hold "and" ("Trinidad and Tobago"): what follows their "and".
_COMPOUND_NAME_ENDS = ("Tobago", "Barbuda", "Herzegovina", "Nevis", "the Grenadines", "Principe", "Caicos",
                       "Northern Ireland", "McDonald", "Futuna", "Miquelon", "Jan Mayen", "South Sandwich")

PROFILE = Profile(
    code="en",
    akn_code="eng",
    name="English",
    script="Latin",
    direction="ltr",
    emphasis="i",
    bodies={
        "GA": BodyWords(names=("General Assembly",), formula=r"^The General Assembly,$"),
        "HRC": BodyWords(names=("Human Rights Council",), formula=r"^The Human Rights Council,$"),
        "SC": BodyWords(names=("Security Council",), formula=r"^The Security Council,$"),
        "ECOSOC": BodyWords(names=("Economic and Social Council",),
                            formula=r"^The Economic and Social Council,$"),
    },
    title=r"^(?P<num>(?P<number>(?:ES-\d{1,2}|\d{1,4})/\d{1,4})\.)\s*(?P<title>\S.*)$",
    session=r"^(?P<ordinal>[A-Z][a-z]+(?:[- ][a-z]+)?|\d{4})\s+(?:special\s+|emergency\s+special\s+)?session$",
    agenda_item=r"^Agenda items?\s+(?P<item>\S.*)$",
    adoption_line=rf"^(?P<kind>Resolution|Decision) adopted by the (?P<body>.+?) on (?P<date>{_DATE})$",
    doc_kinds={"Resolution": "resolution", "Decision": "decision"},
    date=rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})",
    months=_MONTHS,
    session_dates=(rf"^(?P<start>\d{{1,2}}(?:\s+(?:{_MONTH}))?(?:\s+\d{{4}})?)\s*[-–—]\s*"
                   rf"(?P<end>{_DATE})$"),
    partial_date=rf"^(?P<day>\d{{1,2}})(?:\s+(?P<month>{_MONTH}))?(?:\s+(?P<year>\d{{4}}))?$",
    meeting=r"(?P<number>\d+)(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting(?:\s+\(resumed\))?",
    operative=r"^(?P<num>(?P<number>\d{1,3})\.)\s+(?P<text>\S.*)$",
    # "(a)", and "a." as Security Council resolutions print it
    item=r"^(?P<num>\((?P<label>[a-z]{1,3}|[ivxlc]{1,7})\)|(?P<dotted>[a-z]{1,2})\.)\s+(?P<text>\S.*)$",
    opening_phrase=(rf"^(?:(?:(?:{'|'.join(_ADVERBS)})\s+)?(?:{'|'.join(_ADJECTIVES)})"
                    rf"|(?:{'|'.join(_ADVERBS)})\s+(?:[a-z]+(?:ing|ed)|{'|'.join(a.lower() for a in _ADJECTIVES)})"
                    rf"|[A-Z][a-z]+(?:ing|ed)|Guided by)"
                    rf"(?:\s+(?:{'|'.join(sorted(_TAILS, key=len, reverse=True))})\b)?"),
    operative_phrase=(rf"^(?:(?:{'|'.join(_ADVERBS)})\s+)?[A-Z]?[a-z]+s\b"
                      rf"(?:\s+(?:{'|'.join(sorted(_OPERATIVE_TAILS, key=len, reverse=True))})\b)?"),
    vote=VoteWords(
        recorded=r"recorded vote",
        without_vote=r"without a vote",
        consensus=r"by consensus",
        counts=(r"(?P<in_favour>\d+)\s+(?:votes\s+)?to\s+(?P<against>\d+)"
                r"(?:,?\s+with\s+(?P<abstaining>\d+)\s+abstentions?)?",),
        labels={"in_favour": "In favour", "against": "Against", "abstaining": "Abstaining"},
        name_separator=r"\s*,\s*",
        # "and" joins the last two names only, and is part of a few names themselves
        final_conjunction=rf"\s+and\s+(?=[^,]*$)(?!{'|'.join(_COMPOUND_NAME_ENDS)})",
    ),
    organization_names=("United Nations",),
    distribution=r"^Distr\.?:?\s*General\b",
    language_names=("English", "French", "Spanish", "Russian", "Arabic", "Chinese"),
    original=r"^Original:\s*\w+$",
    decision_label=r"^Decision$",
    decision_opening=r"^At its \d+\w*\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting\b",
    sc_title=r"^Resolution\s+(?P<number>\d+\s*\(\d{4}\))$",
    sc_adoption=(rf"^Adopted by the Security Council at its (?P<meeting>\d+(?:st|nd|rd|th) meeting),?\s*"
                 rf"on\s*(?P<date>{_DATE})$"),
    prst_title=r"^Statement by the President of the Security Council$",
    draft_title=r":\s*draft resolution$",
    annex=r"^Annex(?:\s+[IVXL]+)?$",
    table_label=r"^Table\s+\d{1,2}$",
    section_label=r"^Section\s+[A-Z]$",
    numerals="words",
    number_words=_NUMBER_WORDS,
    hyphenated_numbers=True,
    common_words=frozenset({"the", "of", "and", "to", "in", "for", "on", "with", "by", "that", "its",
                            "all", "is", "be", "as", "also", "including", "recalling", "council"}),
    date_range=(rf"(?P<start>\d{{1,2}}(?:\s+(?:{_MONTH}))?(?:\s+\d{{4}})?)\s*(?:[-–—]|\s+to\s+)\s*"
                rf"(?P<end>{_DATE})"),
    # the United Nations writes "non-" and "self-" compounds with their hyphen ("non-nuclear-weapon
    # States", "self-determination")
    hyphen_compounds=r"(?:non|self)-\w+",
    # pyspellchecker's list: of the hyphens at the ends of the dev corpus's layout lines
    # it told 19 of 20 compounds and 528 of 529 broken words (peace-building, peacebuilding: no)
    lexicon="en",
    citation=CitationWords(
        resolution=r"\bresolutions?\b",
        decision=r"\bdecisions?\b",
        bodies={"GA": r"General\s+Assembly", "HRC": r"Human\s+Rights\s+Council", "SC": r"Security\s+Council",
                "ECOSOC": r"Economic\s+and\s+Social\s+Council"},
        own=r"\bits\b",
        date_joiner=r"\s*,?\s+of\s+",
    ),
)
