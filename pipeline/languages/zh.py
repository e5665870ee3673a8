"""Chinese (中文): words and patterns of UN resolutions."""
from ..scripts import IDEOGRAPH_LABELS, SUPERSCRIPT_DIGITS
from . import BodyWords, CitationWords, Profile, VoteWords

_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_BODY_NAMES = ("大会", "人权理事会", "安全理事会", "经济及社会理事会")

# Opening phrases of preambular and operative paragraphs, printed in bold. A phrase
# is an optional modifier (又, 还, 再次…) followed by one of these; longer phrases
# come first so that 强调指出 wins over 强调.
_MODIFIERS = ("进一步", "再次", "最强烈地", "又", "还", "并", "也", "仍")
_PHRASES = (
    "表示赞赏地注意到", "表示深为关切的是", "表示严重关切的是", "表示深为关切", "表示严重关切",
    "表示非常关切", "表示充分注意到", "表示关切的是", "表示注意到", "表示关切", "表示赞赏",
    "表示明确支持", "表示遗憾", "表示欢迎", "表示支持",
    "严重关切地注意到", "深为关切地注意到", "深为关切地认识到", "赞赏地注意到", "关切地注意到",
    "震惊地注意到", "满意地注意到", "欣慰地注意到", "遗憾地注意到", "感兴趣地注意到",
    "感到震惊的是", "感到关切的是", "感到遗憾的是", "深感关切的是", "深表关切的是",
    "深为关切", "深表关切", "深感关切", "严重关切", "强烈谴责", "强调指出", "着重指出",
    "重点指出", "特别指出", "采取行动", "认识到", "注意到", "意识到", "考虑到", "审议了",
    "审查了", "致力于", "回顾", "重申", "确认", "强调", "欢迎", "铭记", "承认", "深信", "坚信",
    "相信", "遵循", "谴责", "认定", "肯定", "赞扬", "呼吁", "申明", "痛惜", "决心", "指出",
    "鼓励", "敦促", "促请", "吁请", "继续", "鉴于", "念及", "虑及", "希望", "期待", "震惊", "遗憾",
    "感谢", "赞赏", "支持", "决定", "关切", "认为", "请",
)

_OPENING = f"^(?:{'|'.join(_MODIFIERS)})?(?:{'|'.join(_PHRASES)})"

# The enacting formula ends with a comma, except ECOSOC's, which is sometimes printed
# without one; the bare name is also a masthead line, which the masthead rules take
# first.
PROFILE = Profile(
    code="zh",
    akn_code="zho",
    name="Chinese",
    script="Han",
    direction="ltr",
    emphasis="b",
    bodies={
        "GA": BodyWords(names=("大会",), formula=r"^大会\s*[，,]$"),
        "HRC": BodyWords(names=("人权理事会",), formula=r"^人权理事会\s*[，,]$"),
        "SC": BodyWords(names=("安全理事会", "安理会"), formula=r"^安全理事会\s*[，,]$"),
        "ECOSOC": BodyWords(names=("经济及社会理事会",), formula=r"^经济及社会理事会\s*[，,]?$"),
    },
    title=r"^(?P<num>(?P<number>(?:ES-\d{1,2}|\d{1,4})/\d{1,4})\s*[.．])\s*(?P<title>\S.*)$",
    # "第七十九届会议", and the ECOSOC year sessions "2022年届会" (the year is their number)
    session=(r"^(?=第|\d{4}\s*年届会$)(?:第\s*)?(?P<ordinal>[〇零一二三四五六七八九十百两]+|\d+)\s*"
             r"(?:届(?:紧急特别|特别)?会议|年届会)$"),
    agenda_item=r"^议程项目\s*(?P<item>\S.*)$",
    # "人权理事会 2024 年 10 月 10 日通过的决议", and the date first as the General
    # Assembly and ECOSOC print it: "2024 年 12 月 4 日大会决议" (body left empty)
    adoption_line=(rf"^(?P<body>\D*?)\s*(?P<date>{_DATE})\s*(?:通过的|(?:{'|'.join(_BODY_NAMES)})\s*)"
                   r"(?P<kind>决议|决定)$"),
    doc_kinds={"决议": "resolution", "决定": "decision"},
    date=r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日",
    months=(),
    session_dates=(rf"^(?P<start>{_DATE})\s*(?:至|[-－–—~～])\s*"
                   r"(?P<end>(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)$"),
    partial_date=r"^(?:(?P<year>\d{4})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*日$",
    meeting=r"第\s*(?P<number>\d+)\s*次(?:全体)?会议(?:\s*[(（]续[)）])?",
    operative=r"^(?P<num>(?P<number>\d{1,3})\s*[.．])(?!\d)\s*(?P<text>\S.*)$",  # not a decimal ("0.20%")
    # "(a)" (a text layer may space it: "( j)"), "a."; the Chinese translation of a
    # higher level, "(一)" or one character "㈠", and a dash list ("–")
    item=(r"^(?P<num>[(（]\s?(?P<label>[a-z]{1,3}|[ivxlc]{1,7})[)）]|(?P<dotted>[a-z]{1,2})[.．]"
          rf"|(?P<ideograph>[{IDEOGRAPH_LABELS}])|[(（](?P<numeral>[一二三四五六七八九十]{{1,3}})[)）]"
          r"|(?P<dash>–)(?=\s))\s*(?P<text>\S.*)$"),
    opening_phrase=_OPENING,
    operative_phrase=_OPENING,
    vote=VoteWords(
        recorded=r"记录表决",
        without_vote=r"未经表决",
        consensus=r"协商一致",
        counts=(
            r"以\s*(?P<in_favour>\d+)\s*票赞成\s*[、，,]\s*(?P<against>\d+)\s*票反对"
            r"(?:\s*[、，,]\s*(?P<abstaining>\d+)\s*票弃权)?",
            r"以\s*(?P<in_favour>\d+)\s*票对\s*(?P<against>\d+)\s*票"
            r"(?:\s*[、，,]\s*(?P<abstaining>\d+)\s*票弃权)?",
        ),
        labels={"in_favour": "赞成", "against": "反对", "abstaining": "弃权"},
        name_separator=r"\s*、\s*",
    ),
    organization_names=("联合国",),
    distribution=r"^Distr\.?:?\s*General\b",
    language_names=("Chinese", "中文"),
    original=r"^(?:Original|原文)\s*[:：]\s*\w+$",
    decision_label=r"^决定$",
    decision_opening=(r"^(?:大会)?在?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:举行)?的?\s*[，,]?\s*"
                      r"(?:大会)?(?:在其)?第\s*\d+\s*次"),
    sc_title=r"^第\s*(?P<number>\d+\s*[(（]\d{4}[)）])\s*号决议$",
    sc_adoption=(rf"^(?P<date>{_DATE})\s*(?:安全理事会)?\s*第?\s*(?P<meeting>\d+\s*次会议)\s*通过$"),
    prst_title=r"^安全理事会主席的声明$",
    draft_title=r"[:：]\s*决议草案$",
    annex=r"^附件(?:[一二三四五六七八九十]+)?$",
    table_label=r"^表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})$",
    section_label=r"^[A-Z]\s?节$",
    numerals="cjk",
    # A call set above the line can come out as a line of its own ("5"), leaving a space
    # between two characters of the line it was lifted from ("实施计划 是"): Chinese
    # sets no space between two characters.
    raised_call=rf"^(?P<marker>\d{{1,3}}|[{SUPERSCRIPT_DIGITS}]{{1,3}})$",
    raised_call_gap=r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])",
    # a digit before one of these is part of a number, not a footnote call printed
    # as a plain digit ("2017年3月24日", "第 189 卷", "0.7%")
    number_units="年月日号卷次届段条款项章节期%％亿万",
    date_range=(rf"(?P<start>{_DATE})\s*(?:至|到|[-－–—~～])\s*"
                r"(?P<end>(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)"),
    citation=CitationWords(
        resolution=r"号决议",
        decision=r"号决定",
        bodies={"GA": r"大会", "HRC": r"人权理事会", "SC": r"安全理事会|安理会", "ECOSOC": r"经济及社会理事会|经社理事会"},
        own=r"其|(?<![权全社会])理事会",  # "其", and "理事会" alone: the council that adopts the text
        date_joiner=r"\s*第\s*",
        keyword_after=True,
        date_before=True,
    ),
)
