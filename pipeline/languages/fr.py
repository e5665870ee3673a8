"""French (français): words and patterns of UN resolutions."""
from . import BodyWords, CitationWords, Profile, VoteWords

# PDFs print the apostrophe either way: "l’Assemblée", "l'homme".
_APOS = "[’']"
_UPPER = "A-ZÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ"
_LOWER = "a-zàâçéèêëîïôûùüÿœæ"

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre")
_MONTH = "|".join(_MONTHS)
# "12 octobre 2023", "1er juillet 2022"
_DAY = r"\d{1,2}(?:er|ᵉʳ)?"
_DATE = rf"{_DAY}\s+(?:{_MONTH})\s+\d{{4}}"

# Ordinals and cardinals as they appear in session names ("Cinquante-quatrième session",
# "Soixante-dix-huitième session", "Soixante et onzième session"). `word_number` adds
# the parts, so "soixante-dix-huitième" is 60 + 10 + 8. The one product French uses,
# quatre-vingts (4 × 20), is written as a sum: "quatre" occurs in a session ordinal
# only as the first part of "quatre-vingt…" (24th is "vingt-quatrième"), so it counts
# 60 and "quatre-vingt-unième" is 60 + 20 + 1.
_UNITS = ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")
_UNIT_ORDINALS = ("unième", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième",
                  "huitième", "neuvième")
_TEENS = ("dix", "onze", "douze", "treize", "quatorze", "quinze", "seize")
_TEEN_ORDINALS = ("dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième")
_TENS = ("vingt", "trente", "quarante", "cinquante", "soixante")
_TEN_ORDINALS = ("vingtième", "trentième", "quarantième", "cinquantième", "soixantième")
_NUMBER_WORDS = {
    **{w: i + 1 for i, w in enumerate(_UNITS)}, **{w: i + 1 for i, w in enumerate(_UNIT_ORDINALS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)}, **{w: i + 10 for i, w in enumerate(_TEEN_ORDINALS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)}, **{w: 20 + 10 * i for i, w in enumerate(_TEN_ORDINALS)},
    "premier": 1, "première": 1, "second": 2, "seconde": 2,
    "quatre": 60, "vingts": 20, "cent": 100, "centième": 100,
}
_ORDINAL_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

# Opening phrases of preambular paragraphs: a present participle ("Rappelant",
# "Se félicitant", "S’inquiétant"), a past participle or adjective ("Conscient",
# "Profondément préoccupé"), or a fixed phrase ("Ayant à l’esprit", "Prenant note"),
# then what the UN counts as part of the phrase ("également", "avec satisfaction").
_ADVERBS = ("Profondément", "Vivement", "Gravement", "Extrêmement", "Sérieusement", "Très", "Pleinement",
            "Particulièrement", "Fermement", "Toujours", "Réellement", "Sincèrement", "Hautement")
_ADJECTIVES = ("Conscient", "Consciente", "Conscients", "Convaincu", "Convaincue", "Convaincus",
               "Résolu", "Résolue", "Résolus", "Inquiet", "Inquiète", "Soucieux", "Soucieuse",
               "Désireux", "Désireuse", "Persuadé", "Persuadée", "Satisfait", "Satisfaite",
               "Certain", "Certaine", "Confiant", "Confiante", "Sensible", "Attentif", "Attentive",
               "Mû", "Mue", "Gardant à l’esprit", "Gardant à l'esprit", "Ayant à l’esprit",
               "Ayant à l'esprit", "Tenant compte", "Prenant note", "Prenant acte", "Prenant également note",
               "Prenant en considération", "Ayant examiné", "Ayant pris note", "Ayant entendu",
               "Ayant reçu", "Ayant adopté", "Ayant étudié", "Ayant présent à l’esprit",
               "Étant donné", "Compte tenu")
_NOT_PARTICIPLES = ("Pendant", "Durant", "Avant", "Cependant", "Maintenant", "Néanmoins", "Suivant")
_TAILS = ("également", "en outre", "de nouveau", "à nouveau", "une nouvelle fois", "une fois de plus",
          "en particulier", "notamment", "aussi", "encore",
          "avec satisfaction", "avec intérêt", "avec regret", "avec appréciation", "avec reconnaissance",
          "avec inquiétude", "avec préoccupation", "avec une vive inquiétude", "avec une vive préoccupation",
          "avec une profonde inquiétude", "avec une profonde préoccupation", "avec une grande inquiétude",
          "avec une grande préoccupation", "avec une vive satisfaction", "avec une grave préoccupation",
          "avec consternation", "avec espoir", "avec gratitude", "avec alarme",
          "sa profonde préoccupation", "sa vive préoccupation", "sa grave préoccupation", "sa préoccupation",
          "sa profonde inquiétude", "sa vive inquiétude", "son inquiétude", "sa gratitude",
          "son attachement", "sa volonté", "sa détermination", "son appui", "son soutien",
          "sa satisfaction", "sa reconnaissance", "sa conviction",
          "et encourageant", "et préoccupé", "et préoccupée", "et alarmé", "et alarmée",
          "vivement préoccupé", "vivement préoccupée", "profondément préoccupé", "profondément préoccupée",
          "gravement préoccupé", "gravement préoccupée", "préoccupé", "préoccupée", "alarmé", "alarmée",
          "résolu", "résolue", "convaincu", "convaincue", "conscient", "consciente")
_TAIL = "|".join(sorted(_TAILS, key=len, reverse=True))
# The first word is capitalised, unless it follows an adverb or "Se": "Profondément
# préoccupé", "Se félicitant".
_PARTICIPLE = (rf"(?:(?:Se\s+|S{_APOS})[{_LOWER}][{_LOWER}’']*ant"
               rf"|(?!(?:{'|'.join(_NOT_PARTICIPLES)})\b)[{_UPPER}][{_LOWER}’']*ant"
               rf"|[{_UPPER}][{_LOWER}]+ée?s?)")
_AFTER_ADVERB = rf"[{_LOWER}]+(?:ant|ée?s?|ue?s?|i[es]?|te?s?|xs?|se)"
_OPENING = (rf"^(?:(?:{'|'.join(_ADVERBS)})\s+{_AFTER_ADVERB}"
            rf"|{'|'.join(sorted(_ADJECTIVES, key=len, reverse=True))}|{_PARTICIPLE})(?![{_LOWER}])"
            rf"(?:\s+(?:{_TAIL})(?![{_LOWER}])){{0,2}}")

# Operative paragraphs open with a verb in the third person ("Décide", "Prie
# également", "Se félicite", "Prend note avec satisfaction", "Demande instamment").
_OPERATIVE_TAILS = ("également", "en outre", "de nouveau", "à nouveau", "une nouvelle fois", "de même",
                    "aussi", "encore", "instamment", "vivement", "fermement", "énergiquement",
                    "résolument", "favorablement", "note", "acte", "conscience", "en considération",
                    "sien", "sienne", "siens", "siennes", "son inquiétude", "sa préoccupation",
                    "sa profonde préoccupation", "sa vive préoccupation", "sa gratitude", "son appui",
                    "son soutien", "sa satisfaction", "avec une profonde inquiétude",
                    "avec une profonde préoccupation", "avec une grande inquiétude",
                    "note avec satisfaction", "note avec intérêt", "note avec préoccupation",
                    "note avec inquiétude", "note avec appréciation", "avec satisfaction",
                    "avec préoccupation", "avec inquiétude", "avec intérêt", "avec appréciation",
                    "avec regret", "avec une vive préoccupation", "avec une vive inquiétude",
                    "vivement préoccupé", "vivement préoccupée", "profondément préoccupé",
                    "profondément préoccupée", "gravement préoccupé", "gravement préoccupée",
                    "préoccupé", "préoccupée", "résolu", "résolue", "conscient", "consciente")
_OPERATIVE = (rf"^(?:(?:Se|S{_APOS}|Est|A|Continue\s+d{_APOS}|Continue\s+de|Continue\s+à)\s*)?"
              rf"[{_UPPER}]?[{_LOWER}]+(?:e|t|d)(?![{_LOWER}’'])"
              rf"(?:\s+(?:{'|'.join(sorted(_OPERATIVE_TAILS, key=len, reverse=True))})(?![{_LOWER}])){{0,3}}")

_SESSION_DATE_PART = rf"{_DAY}(?:\s+(?:{_MONTH}))?(?:\s+\d{{4}})?"

PROFILE = Profile(
    code="fr",
    akn_code="fra",
    name="French",
    script="Latin",
    direction="ltr",
    emphasis="i",
    bodies={
        "GA": BodyWords(names=("Assemblée générale",), formula=rf"^L{_APOS}\s*Assemblée\s+générale\s*,?$"),
        "HRC": BodyWords(names=("Conseil des droits de l’homme", "Conseil des droits de l'homme"),
                         formula=rf"^Le\s+Conseil\s+des\s+droits\s+de\s+l{_APOS}\s*homme\s*,?$"),
        "SC": BodyWords(names=("Conseil de sécurité",), formula=r"^Le\s+Conseil\s+de\s+sécurité\s*,?$"),
        # "économiqueetsocial": the PDF text layer sometimes loses these spaces
        "ECOSOC": BodyWords(names=("Conseil économique et social",),
                            formula=r"^Le\s+Conseil\s+économique\s*et\s*social\s*,?$"),
    },
    title=r"^(?P<num>(?P<number>(?:ES-\d{1,2}|\d{1,4})/\d{1,4})\.)\s*(?P<title>\S.*)$",
    session=(rf"^(?:(?P<year_session>Session\s+de\s+))?"
             rf"(?P<ordinal>\d{{4}}|[{_UPPER}][{_LOWER}]+(?:(?:-|\s+et\s+|\s+)(?:{_ORDINAL_WORD}))*)"
             r"(?(year_session)|\s+session(?:\s+extraordinaire(?:\s+d[’']urgence)?)?)$"),
    agenda_item=rf"^Points?\s+(?P<item>\S.*?)\s+de\s+l{_APOS}ordre\s+du\s+jour$",
    adoption_line=(rf"^(?P<kind>Résolution|Décision)\s+adoptée\s+par\s+(?:le\s+|la\s+|l{_APOS})"
                   rf"(?P<body>.+?)\s+le\s+(?P<date>{_DATE})$"),
    doc_kinds={"Résolution": "resolution", "Décision": "decision"},
    date=rf"(?P<day>\d{{1,2}})(?:er|ᵉʳ)?\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})",
    months=_MONTHS,
    # "11 septembre-13 octobre 2023", "du 9 au 27 septembre 2024"
    session_dates=(rf"^(?:[Dd]u\s+)?(?P<start>{_SESSION_DATE_PART})\s*(?:[-–—]|au)\s*"
                   rf"(?P<end>{_DATE})$"),
    partial_date=(rf"^(?P<day>\d{{1,2}})(?:er|ᵉʳ)?(?:\s+(?P<month>{_MONTH}))?"
                  rf"(?:\s+(?P<year>\d{{4}}))?$"),
    # "48e séance", "45e séance plénière (reprise)", "1re séance plénière"
    meeting=(r"(?P<number>\d+)\s?(?:e|ᵉ|re|ʳᵉ|ème)\s+séance(?:\s+plénière)?"
             r"(?:\s+\((?:reprise|suite)\))?"),
    operative=r"^(?P<num>(?P<number>\d{1,3})\.)\s+(?P<text>\S.*)$",
    # French prints "a)" and "i)"; some texts keep the English "(a)"
    item=r"^(?P<num>\(?(?P<label>[a-z]{1,3}|[ivxlc]{1,7})\)|(?P<dotted>[a-z]{1,2})\.)\s+(?P<text>\S.*)$",
    opening_phrase=_OPENING,
    operative_phrase=_OPERATIVE,
    vote=VoteWords(
        # Anchored at the start of the outcome line: "sans vote" or "par consensus" inside
        # a paragraph of the resolution is not its outcome.
        recorded=r"^\s*[\[［]?\s*Adopté\w*\s+à\s+l[’']issue\s+d[’']un\s+vote\s+enregistré",
        without_vote=r"^\s*[\[［]?\s*Adopté\w*\s+sans\s+(?:vote|avoir\s+été\s+mis\w*\s+aux\s+voix)",
        consensus=r"^\s*[\[［]?\s*Adopté\w*\s+par\s+consensus",
        # "par 29 voix contre 14, avec 4 abstentions" ("voix" may be left out, and the
        # PDFs once print "absentions")
        counts=(r"par\s+(?P<in_favour>\d+)\s+(?:voix\s+)?contre\s+(?P<against>\d+)"
                r"(?:\s*,?\s*(?:avec|et)\s+(?P<abstaining>\d+)\s+abst?entions?)?",),
        # French puts a space before the colon ("Ont voté pour :"); the label keeps it
        labels={"in_favour": r"Ont voté pour\s?", "against": r"Ont voté contre\s?",
                "abstaining": r"Se sont abstenus\s?"},
        name_separator=r"\s*[,;]\s*",
        # "et" joins the last two names only; "Royaume-Uni de Grande-Bretagne et
        # d’Irlande du Nord" holds one of its own
        final_conjunction=rf"\s+et\s+(?=[^,;]*$)(?!d{_APOS}\s*Irlande)",
    ),
    organization_names=("Nations Unies", "Organisation des Nations Unies"),
    distribution=r"^Distr\.?\s*:?\s*générale\b",
    language_names=("Français", "Anglais", "Espagnol", "Russe", "Arabe", "Chinois"),
    original=r"^Original\s*:\s*\w+$",
    decision_label=r"^Décision$",
    # "À sa 53e séance plénière, le 14 décembre 2022, l’Assemblée générale…"
    decision_opening=r"^[ÀA]\s+sa\s+\d+\s?(?:e|ᵉ|re|ʳᵉ)\s+séance\b",
    sc_title=r"^Résolution\s+(?P<number>\d+\s*\(\d{4}\))$",
    sc_adoption=(r"^Adoptée\s+par\s+le\s+Conseil\s+de\s+sécurité\s+à\s+sa\s+"
                 r"(?P<meeting>\d+\s?(?:e|ᵉ|re)\s+séance),?\s*le\s*"
                 rf"(?P<date>{_DATE})$"),
    prst_title=(r"^Déclaration\s+(?:du\s+Président|de\s+la\s+Présidente|de\s+la\s+présidence)"
                r"\s+du\s+Conseil\s+de\s+sécurité$"),
    draft_title=r":\s*projet\s+de\s+résolution$",
    annex=r"^Annexe(?:\s+[IVXL]+)?$",
    table_label=r"^Tableau\s+\d{1,2}$",
    section_label=r"^Section\s+[A-Z]$",
    numerals="words",
    number_words=_NUMBER_WORDS,
    hyphenated_numbers=True,
    # French typography puts a (thin) space before ; : ! ?
    spaced_punctuation=";:!?",
    common_words=frozenset({"le", "les", "des", "du", "et", "à", "au", "aux", "pour", "sur", "dans", "qui",
                            "une", "est", "sont", "ses", "son", "leur", "leurs", "ou", "ainsi", "également",
                            "il", "elle", "ce", "cette", "être", "droits", "homme", "conseil", "assemblée",
                            "générale", "unies", "rappelant", "prie", "décide"}),
    date_range=rf"(?P<start>{_SESSION_DATE_PART})\s*(?:[-–—]|\s+au\s+)\s*(?P<end>{_DATE})",
    # "elles-mêmes", "eux-mêmes"; "non-" compounds ("non-prolifération"), but "nonobstant"
    hyphen_compounds=r"\w+-mêmes?|non-(?!obstant)\w+",
    # pyspellchecker's list: of the hyphens at the ends of the dev corpus's layout lines
    # it told 9 of 10 compounds and 746 of 746 broken words
    lexicon="fr",
    citation=CitationWords(
        resolution=r"\brésolutions?\b",
        decision=r"\bdécisions?\b",
        bodies={"GA": r"Assemblée\s+générale", "HRC": rf"Conseil\s+des\s+droits\s+de\s+l{_APOS}\s*homme",
                "SC": r"Conseil\s+de\s+sécurité", "ECOSOC": r"Conseil\s+économique\s+et\s+social"},
        own=r"\b(?:sa|ses|son)\b",
        date_joiner=r"\s*,?\s+(?:en\s+date\s+)?du\s+",
        body_after=True,
    ),
)
