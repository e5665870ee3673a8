"""Spanish (español): words and patterns of UN resolutions."""
from . import BodyWords, CitationWords, Profile, VoteWords

_UPPER = "A-ZÁÉÍÓÚÜÑ"
_LOWER = "a-záéíóúüñ"

_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre")
_MONTH = "|".join(_MONTHS)
# "6 de diciembre de 2021"; Human Rights Council mastheads drop the "de": "11 septiembre a
# 13 octubre 2023". A first of the month may be printed "1º".
_DAY = r"\d{1,2}(?:º|°)?"
_DATE = rf"{_DAY}\s+(?:de\s+)?(?:{_MONTH})\s+(?:de\s+|del\s+)?\d{{4}}"

# Ordinals as they appear in session names ("Septuagésimo sexto período de sesiones",
# "Octogésimo primer período de sesiones"): the parts are added.
_UNIT_ORDINALS = (("primero", "primer", "primera"), ("segundo", "segunda"), ("tercero", "tercer", "tercera"),
                  ("cuarto", "cuarta"), ("quinto", "quinta"), ("sexto", "sexta"),
                  ("séptimo", "séptima", "sétimo"), ("octavo", "octava"), ("noveno", "novena"))
_TEEN_ORDINALS = (("décimo", "décima"), ("undécimo", "undécima", "decimoprimero", "decimoprimer"),
                  ("duodécimo", "duodécima", "decimosegundo"),
                  ("decimotercero", "decimotercer", "decimotercera"), ("decimocuarto", "decimocuarta"),
                  ("decimoquinto", "decimoquinta"), ("decimosexto", "decimosexta"),
                  ("decimoséptimo", "decimoséptima"), ("decimoctavo", "decimoctava", "decimooctavo"),
                  ("decimonoveno", "decimonovena", "decimonono"))
_TEN_ORDINALS = (("vigésimo", "vigésima"), ("trigésimo", "trigésima"), ("cuadragésimo", "cuadragésima"),
                 ("quincuagésimo", "quincuagésima"), ("sexagésimo", "sexagésima"),
                 ("septuagésimo", "septuagésima"), ("octogésimo", "octogésima"),
                 ("nonagésimo", "nonagésima"))
_NUMBER_WORDS = {
    **{w: i + 1 for i, ws in enumerate(_UNIT_ORDINALS) for w in ws},
    **{w: i + 10 for i, ws in enumerate(_TEEN_ORDINALS) for w in ws},
    **{w: 20 + 10 * i for i, ws in enumerate(_TEN_ORDINALS) for w in ws},
    "centésimo": 100, "centésima": 100,
}
_ORDINAL_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "54o período de sesiones", "58º período de sesiones", "61er período de sesiones"
_ORDINAL_MARK = r"\s?(?:er|[oº°aª])"

# Opening phrases of preambular paragraphs: a gerund ("Recordando", "Acogiendo con
# beneplácito", "Poniendo de relieve"), a participle or adjective ("Profundamente
# preocupada", "Consciente", "Guiado"), then what the UN counts as part of the phrase
# ("también", "con aprecio", "profunda preocupación").
_ADVERBS = ("Profundamente", "Gravemente", "Seriamente", "Sumamente", "Hondamente", "Muy", "Plenamente",
            "Firmemente", "Particularmente", "Especialmente", "Vivamente", "Aún", "Todavía")
_ADJECTIVES = ("Consciente", "Conscientes", "Convencido", "Convencida", "Convencidos", "Convencidas",
               "Preocupado", "Preocupada", "Preocupados", "Preocupadas", "Alarmado", "Alarmada",
               "Decidido", "Decidida", "Resuelto", "Resuelta", "Deseoso", "Deseosa", "Guiado", "Guiada",
               "Inspirado", "Inspirada", "Consternado", "Consternada", "Indignado", "Indignada",
               "Reconocido", "Reconocida", "Persuadido", "Persuadida", "Satisfecho", "Satisfecha",
               "Seguro", "Segura", "Atento", "Atenta", "Animado", "Animada", "Alentado", "Alentada",
               "Comprometido", "Comprometida", "Firme", "Tras examinar", "Tras haber examinado")
_TAILS = ("también", "además", "asimismo", "igualmente", "una vez más", "nuevamente", "de nuevo",
          "en particular", "en especial", "especialmente", "sobre todo",
          "con aprecio", "con reconocimiento", "con beneplácito", "con satisfacción", "con interés",
          "con pesar", "con gratitud", "con profundo pesar", "con preocupación", "con profunda preocupación",
          "con grave preocupación", "con gran preocupación", "con honda preocupación", "con seria preocupación",
          "con suma preocupación", "con alarma", "con consternación", "con inquietud",
          "de relieve", "presente", "presentes", "en cuenta", "nota", "notar", "referencia",
          "preocupación", "profunda preocupación", "grave preocupación", "gran preocupación",
          "honda preocupación", "seria preocupación", "suma preocupación", "su preocupación",
          "su profunda preocupación", "su grave preocupación", "su gran preocupación",
          "su suma preocupación", "su honda preocupación", "alarma", "reconocimiento", "su reconocimiento",
          "aprecio", "su aprecio", "gratitud", "su gratitud", "pesar", "hondo pesar", "profundo pesar",
          "satisfacción", "su satisfacción", "su apoyo", "apoyo", "su compromiso", "su convicción",
          "su determinación", "su firme compromiso", "su decidido compromiso", "su adhesión",
          "preocupado", "preocupada", "alarmado", "alarmada", "convencido", "convencida")
_TAIL = "|".join(sorted(_TAILS, key=len, reverse=True))
_GERUND = rf"[{_UPPER}][{_LOWER}]*(?:ando|iendo|yendo)(?:se)?"
_PARTICIPLE = rf"[{_LOWER}]+(?:ado|ada|ados|adas|ido|ida|idos|idas|to|ta|tos|tas|cho|cha)"
# The first word is capitalised, unless it follows an adverb: "Profundamente preocupada".
_OPENING = (rf"^(?:(?:{'|'.join(_ADVERBS)})\s+(?:{_PARTICIPLE}|consciente|conscientes)"
            rf"|{'|'.join(sorted(_ADJECTIVES, key=len, reverse=True))}"
            rf"|Habiendo\s+{_PARTICIPLE}|{_GERUND}"
            rf"|[{_UPPER}][{_LOWER}]+(?:ado|ada|ados|adas|ido|ida|idos|idas))(?![{_LOWER}])"
            rf"(?:\s+(?:{_TAIL})(?![{_LOWER}])){{0,3}}")

# Operative paragraphs open with a verb in the third person ("Decide", "Solicita
# también", "Acoge con beneplácito", "Pone de relieve", "Expresa profunda preocupación").
_OPERATIVE_TAILS = ("también", "además", "asimismo", "igualmente", "una vez más", "nuevamente", "de nuevo",
                    "encarecidamente", "enérgicamente", "firmemente", "plenamente", "profundamente",
                    "con beneplácito", "con aprecio", "con reconocimiento", "con satisfacción",
                    "con preocupación", "con profunda preocupación", "con grave preocupación",
                    "con gran preocupación", "con interés", "con pesar", "con gran aprecio",
                    "con profundo reconocimiento", "de relieve", "nota", "notar", "su solicitud",
                    "su llamamiento", "sus exhortaciones", "su exhortación",
                    "suya", "suyo", "suyas", "suyos", "un llamamiento",
                    "preocupación", "profunda preocupación", "grave preocupación", "gran preocupación",
                    "su preocupación", "su profunda preocupación", "su grave preocupación", "alarma",
                    "reconocimiento", "su reconocimiento", "su aprecio", "aprecio", "su apoyo", "su pleno apoyo",
                    "su gratitud", "gratitud", "su satisfacción", "satisfacción")
_OPERATIVE = (rf"^(?:Sigue\s+|Vuelve\s+a\s+)?[{_UPPER}]?[{_LOWER}]+(?:a|e|ndo)(?![{_LOWER}])"
              rf"(?:\s+(?:{'|'.join(sorted(_OPERATIVE_TAILS, key=len, reverse=True))})(?![{_LOWER}])){{0,3}}")

_SESSION_DATE_PART = rf"{_DAY}(?:\s+(?:de\s+)?(?:{_MONTH}))?(?:\s+(?:de\s+)?\d{{4}})?"

PROFILE = Profile(
    code="es",
    akn_code="spa",
    name="Spanish",
    script="Latin",
    direction="ltr",
    emphasis="i",
    bodies={
        "GA": BodyWords(names=("Asamblea General",), formula=r"^La\s+Asamblea\s+General\s*,?$"),
        "HRC": BodyWords(names=("Consejo de Derechos Humanos",),
                         formula=r"^El\s+Consejo\s+de\s+Derechos\s+Humanos\s*,?$"),
        "SC": BodyWords(names=("Consejo de Seguridad",), formula=r"^El\s+Consejo\s+de\s+Seguridad\s*,?$"),
        "ECOSOC": BodyWords(names=("Consejo Económico y Social",),
                            formula=r"^El\s+Consejo\s+Económico\s*y\s*Social\s*,?$"),
    },
    title=r"^(?P<num>(?P<number>(?:ES-\d{1,2}|\d{1,4})/\d{1,4})\.)\s*(?P<title>\S.*)$",
    # "Septuagésimo sexto período de sesiones", "58º período de sesiones",
    # "Período de sesiones de 2024", "Décimo período extraordinario de sesiones de emergencia"
    session=(rf"^(?:(?P<year_session>Período\s+de\s+sesiones\s+de\s+))?"
             rf"(?P<ordinal>\d{{4}}|\d{{1,3}}(?={_ORDINAL_MARK}\s)"
             rf"|[{_UPPER}][{_LOWER}]+(?:\s+(?:{_ORDINAL_WORD}))*)"
             rf"(?(year_session)|(?:{_ORDINAL_MARK})?\s+período\s+(?:extraordinario\s+)?de\s+sesiones"
             rf"(?:\s+de\s+emergencia)?)$"),
    agenda_item=r"^Temas?\s+(?P<item>\S.*?)\s+(?:del\s+programa|de\s+la\s+agenda)$",
    adoption_line=(rf"^(?P<kind>Resolución|Decisión)\s+aprobada\s+por\s+(?:el\s+|la\s+)"
                   rf"(?P<body>.+?)\s+el\s+(?P<date>{_DATE})$"),
    doc_kinds={"Resolución": "resolution", "Decisión": "decision"},
    date=rf"(?P<day>\d{{1,2}})(?:º|°)?\s+(?:de\s+)?(?P<month>{_MONTH})\s+(?:de\s+|del\s+)?(?P<year>\d{{4}})",
    months=_MONTHS,
    # "11 septiembre a 13 octubre 2023", "del 9 al 27 de septiembre de 2024", "24 febrero-4 abril 2025"
    session_dates=(rf"^(?:[Dd]el\s+)?(?P<start>{_SESSION_DATE_PART})\s*(?:[-–—]|\s(?:a|al)\s)\s*"
                   rf"(?P<end>{_DATE})$"),
    partial_date=(rf"^(?P<day>\d{{1,2}})(?:º|°)?(?:\s+(?:de\s+)?(?P<month>{_MONTH}))?"
                  rf"(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?$"),
    # "57a sesión", "79ª sesión plenaria", "46º sesión", "20 a sesión plenaria",
    # "45a sesión plenaria (continuación)"
    meeting=(r"(?P<number>\d+)\s?[aªoº]\.?\s+sesión(?:\s+plenaria)?"
             r"(?:\s+\((?:continuación|reanudación)\))?"),
    operative=r"^(?P<num>(?P<number>\d{1,3})\.)\s+(?P<text>\S.*)$",
    # Spanish prints "a)" and "i)"; some texts keep the English "(a)"
    item=r"^(?P<num>\(?(?P<label>[a-z]{1,3}|[ivxlc]{1,7})\)|(?P<dotted>[a-z]{1,2})\.)\s+(?P<text>\S.*)$",
    opening_phrase=_OPENING,
    operative_phrase=_OPERATIVE,
    vote=VoteWords(
        # Anchored at the start of the outcome line: "sin votación" or "por consenso"
        # inside a paragraph of the resolution is not its outcome.
        recorded=r"^\s*[\[［]?\s*Aprobad[ao]s?\s+en\s+votación\s+registrada",
        without_vote=r"^\s*[\[［]?\s*Aprobad[ao]s?\s+sin\s+(?:votación|someterse\s+a\s+votación)",
        consensus=r"^\s*[\[［]?\s*Aprobad[ao]s?\s+por\s+consenso",
        # "por 28 votos contra 14 y 3 abstenciones", "por 28 votos contra 14, con 3 abstenciones"
        counts=(r"por\s+(?P<in_favour>\d+)\s+(?:votos?\s+)?contra\s+(?P<against>\d+)"
                r"(?:\s*(?:,|y|,\s*y|,?\s*con)\s+(?P<abstaining>\d+)\s+abstenci(?:ón|ones))?",),
        labels={"in_favour": "Votos a favor", "against": "Votos en contra", "abstaining": "Abstenciones"},
        # Lists are printed with commas only; " y " would cut names such as "Trinidad y
        # Tabago" or "Antigua y Barbuda".
        name_separator=r"\s*[,;]\s*",
        final_conjunction=None,
    ),
    organization_names=("Naciones Unidas", "Organización de las Naciones Unidas"),
    distribution=r"^Distr\.?\s*:?\s*general\b",
    language_names=("Español", "Inglés", "Francés", "Ruso", "Árabe", "Chino"),
    original=r"^Original\s*:\s*\w+$",
    decision_label=r"^Decisión$",
    # "En su 53a sesión plenaria, celebrada el 14 de diciembre de 2022, la Asamblea General…"
    decision_opening=r"^En\s+su\s+\d+\s?[aªoº]\.?\s+sesión\b",
    sc_title=r"^Resolución\s+(?P<number>\d+\s*\(\d{4}\))$",
    sc_adoption=(r"^Aprobada\s+por\s+el\s+Consejo\s+de\s+Seguridad\s+en\s+su\s+"
                 r"(?P<meeting>\d+\s?[aª]\.?\s+sesión),?\s*(?:celebrada\s+)?el\s*"
                 rf"(?P<date>{_DATE})$"),
    prst_title=(r"^Declaración\s+(?:de\s+la\s+Presidencia|del\s+Presidente|de\s+la\s+Presidenta)"
                r"\s+del\s+Consejo\s+de\s+Seguridad$"),
    draft_title=r":\s*proyecto\s+de\s+resolución$",
    annex=r"^Anexo(?:\s+[IVXL]+)?$",
    table_label=r"^Cuadro\s+\d{1,2}$",
    section_label=r"^Sección\s+[A-Z]$",
    numerals="words",
    number_words=_NUMBER_WORDS,
    common_words=frozenset({"el", "los", "las", "del", "y", "para", "por", "con", "sus", "su", "una", "al",
                            "se", "como", "más", "también", "sobre", "entre", "derechos", "humanos", "consejo",
                            "asamblea", "naciones", "unidas", "recordando", "solicita", "decide", "esta"}),
    date_range=rf"(?P<start>{_SESSION_DATE_PART})\s*(?:[-–—]|\s(?:a|al)\s)\s*(?P<end>{_DATE})",
    citation=CitationWords(
        resolution=r"\bresoluci(?:ón|ones)\b",
        decision=r"\bdecisi(?:ón|ones)\b",
        bodies={"GA": r"Asamblea\s+General", "HRC": r"Consejo\s+de\s+Derechos\s+Humanos",
                "SC": r"Consejo\s+de\s+Seguridad", "ECOSOC": r"Consejo\s+Económico\s+y\s+Social"},
        own=r"\b(?:su|sus)\b",
        date_joiner=r"\s*,?\s+de\s+",
        body_after=True,
    ),
)
