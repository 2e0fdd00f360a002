"""Field rules as named data: change, category and purpose phrases of a budget amount.

Read by `budget_fields.py` (rules 3, 6 and 7 of `budgets.py`) and `budgets.py` (spending with
no category of its own).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Hedges on a rate ("an increase of more than 50%"): the rate is kept as stated.
HEDGE = (
    r"(?:about\s+|nearly\s+|around\s+|some\s+|almost\s+|roughly\s+|approximately\s+"
    r"|more\s+than\s+|over\s+|just\s+over\s+|less\s+than\s+|under\s+)"
)
PCT = r"(?P<p>\d+(?:\.\d+)?)\s?(?:%|percent|per\s+cent|pct)"
INC_WORDS = "increase|rise|growth|jump|hike|boost|gain|raise"
DEC_WORDS = "decrease|decline|drop|fall|cut|reduction|contraction|slash"
CHANGE = [
    re.compile(
        r"\b(?P<d>increas\w*|rais\w*|boost\w*|lift\w*|cut\w*|reduc\w*|trim\w*|slash\w*)"
        r"\s+(?:[\w'’&-]+\s+){0,8}?by\s+" + HEDGE + r"?" + PCT,
        _I,
    ),
    re.compile(
        r"\b(?P<d>up|down|rises?|rose|rising|risen|increase[sd]?|increasing|grows?|grew|grown"
        r"|growing|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?"
        r"|falls?|fell|fallen|falling|decrease[sd]?|decreasing|decline[sd]?|declining"
        r"|drops?|dropped|dropping|shrank|shrinks?|shrinking|cut|raised|higher|lower"
        r"|reduced|expand(?:s|ed|ing)?)\s+(?:by\s+)?" + HEDGE + r"?" + PCT,
        _I,
    ),
    re.compile(
        r"\b(?:an?\s+)?(?P<d>" + INC_WORDS + "|" + DEC_WORDS + r")s?\s+of\s+" + HEDGE + "?" + PCT,
        _I,
    ),
    # "an increase of 350 billion yuan or 9.3 percent over the previous year"
    re.compile(
        r"\b(?:an?\s+)?(?P<d>" + INC_WORDS + "|" + DEC_WORDS + r")s?\s+of\s+(?:[^\s,;]+\s+){1,5}?"
        r"or\s+" + HEDGE + "?" + PCT,
        _I,
    ),
    re.compile(
        PCT
        + r"\s+(?:year-on-year\s+|y/y\s+|annual\s+|yearly\s+)?(?P<d>"
        + INC_WORDS
        + "|"
        + DEC_WORDS
        + r"|higher|lower|more|less)\b",
        _I,
    ),
]
# A rate of growth stated as a level ("lower its defense budget growth rate to 7.5 percent").
GROWTH_TO = re.compile(r"\bgrowth(?:\s+rate)?\s+(?:to|of|at)\s+" + HEDGE + "?" + PCT, _I)
# An average over years is not one year's change ("increased by 6.4 percent annually on
# average over the past six years").
AVERAGE_RATE = re.compile(
    r"\bon\s+average\b|\baverage\s+(?:annual|yearly)\b|\b(?:annual|yearly)\s+average\b"
    r"|\bannually\b|\bper\s+(?:year|annum)\b|\ba\s+year\s+on\s+average\b",
    _I,
)
DECREASE = re.compile(
    r"^(?:down|falls?|fell|fallen|falling|decrease[sd]?|decline[sd]?|drops?|dropped|dropping"
    r"|declining|decreasing|shrinking|shrank|shrinks?|cut\w*|lower|reduc\w*|less|trim\w*"
    r"|slash\w*|" + DEC_WORDS + r")$",
    _I,
)
# "slightly faster than the 7.1 per cent increase last year": a change stated for comparison.
CHANGE_COMPARED = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|matching|similar\s+to|versus)\s+(?:the\s+|a\s+|an\s+)?$",
    _I,
)


# Category phrases; the order is the priority when a sentence further away decides.
CATEGORY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, _I))
    for name, pattern in (
        (
            "international_cooperation",
            r"\binternational\s+(?:science\s+and\s+technology\s+|S&T\s+|scientific\s+"
            r"|research\s+|sci-tech\s+)?(?:cooperation|collaboration|exchanges?)"
            r"|\bjoint\s+research\s+projects?|\bcooperation\s+projects?"
            r"|\bbilateral\s+(?:[\w-]+\s+){0,2}?(?:research|cooperation|collaborations?"
            r"|programmes?|programs?)"
            # Two countries' names joined ("Australia-China", "Sino-African", "EU-China"),
            # money matched by a partner, co-funding.
            r"|\b(?:EU|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)-(?:China|Chinese)\b|\bChina-(?:EU|[A-Z][a-z]+)\b"
            r"|\bSino-[A-Z][a-z]+|\bmatched\s+by\b|\bco-?fund(?:ing|ed)?\b"
            r"|\bjoint\s+research\b|\bwith\s+(?:[A-Z][a-z]+\s+)?partners?\b"
            r"|\b(?:with|among)\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+)?\d+\s+"
            r"(?:countries|nations)|\bbelt\s+and\s+road|\bforeign\s+(?:cooperation|exchanges)"
            r"|\bscience\s+diplomacy",
        ),
        (
            "research_funding",
            r"\bnatural\s+science\s+foundation|\bscience\s+foundation|\bresearch\s+(?:grants?"
            r"|funds?|funding)|\bgrants?\b|\byoung\s+scientists?['’]?\s+fund|\bfunding\s+agenc"
            r"|\bresearch\s+council|\btalent\s+(?:programmes?|programs?|funds?)"
            r"|\bscholarships?\b|\bfellowships?\b"
            r"|\b(?:general\s+|scientific\s+|science\s+)?research\s+projects\b",
        ),
        (
            "industry",
            r"\bindustr(?:y|ial)\s+(?:investment\s+)?funds?\b|\b(?:investment|guidance)\s+funds?\b"
            r"|\bsemiconductors?\b|\bintegrated\s+circuits?\b|\bchips?\b|\bchipmak(?:ing|ers?)\b"
            r"|\bmanufacturing\b|\bmanufacturers\b|\bindustrial\s+(?:policy|upgrading|development)"
            r"|\b(?:re-?)?industriali[sz]ation\b",
        ),
        (
            "defense",
            r"\bnational\s+defen[cs]e\b|\bdefen[cs]e\b|\bmilitary\b|\barmed\s+forces\b"
            r"|\bPLA\b|\bPeople['’]s\s+Liberation\s+Army\b",
        ),
        ("diplomacy", r"\bdiplomatic\b|\bdiplomacy\b|\bforeign\s+affairs\b"),
        (
            "public_security",
            r"\bpublic\s+security\b|\bpolicing\b|\bpolice\b|\blaw\s+enforcement\b"
            r"|\binternal\s+security\b|\bdomestic\s+security\b",
        ),
        (
            "reserves",
            r"\bstockpil\w*|\bstrategic\s+reserves?\b|\breserves?\s+of\s+(?:grain|oil)"
            r"|\bgrain\s+(?:and|,)\s+edible\s+oils?|\bgrain\s+reserves?\b|\bstate\s+reserves?\b",
        ),
        (
            "debt_interest",
            r"\bdebt\s+interest\b|\binterest\s+payments?\b|\bdebt\s+servic\w*"
            r"|\binterest\s+on\s+(?:the\s+)?(?:national\s+|government\s+|public\s+)?debt",
        ),
        (
            "science_technology",
            r"\bscience\s+and\s+technology\b|\bscience\s+&\s+technology\b|\bS&T\b|\bsci-tech\b"
            r"|\bresearch\s+and\s+development\b|\bR&D\b|\bbasic\s+research\b"
            r"|\bapplied\s+(?:basic\s+)?research\b|\bscientific\s+research\b"
            r"|\btechnological\s+innovation\b|\bscientific\s+and\s+technological\b",
        ),
        ("education", r"\beducation(?:al)?\b|\bschools\b|\buniversit(?:y|ies)\b|\bcolleges\b"),
        ("health", r"\bhealth\s*care\b|\bpublic\s+health\b|\bhealth\b(?!\s+sciences)|\bmedical\b"),
        # Weaker signs of research and technology spending: last in priority.
        (
            "science_technology",
            r"\bresearch\b|\btechnolog(?:y|ies|ical)\b|\bquantum\b|\bartificial\s+intelligence\b"
            r"|\bAI\b|\binnovation\b|\bscientific\b|\bscience\b|\bspace\b|\baerospace\b"
            r"|\bnuclear\b|\bfusion\b|\bbiotech\w*|\bsupercomput\w*",
        ),
    )
)
# Spenders whose money is, by what they are, of their own category (NSFC grants are
# research funding whatever field they fund; a chip fund's capital is industry; the BRICS
# framework programme's money is international cooperation).
CATEGORY_BY_KIND = frozenset({"funder", "fund", "programme"})

# Single-country currencies: the spender's country when nothing else says.
CURRENCY_COUNTRY: dict[str, str] = {
    "CNY": "CHN",
    "INR": "IND",
    "JPY": "JPN",
    "GBP": "GBR",
    "KRW": "KOR",
    "RUB": "RUS",
    "HKD": "HKG",
    "TWD": "TWN",
    "AUD": "AUS",
    "CAD": "CAN",
    "CHF": "CHE",
    "SGD": "SGP",
    "NZD": "NZL",
    "BRL": "BRA",
    "MOP": "MAC",
}

RECIPIENT_BEFORE = re.compile(
    r"\b(?:with|to|between|among|including|from|against|than|and|versus|vs\.?|into)\s+"
    r"(?:the\s+)?$",
    _I,
)
# An organisation named as the partner of the spender, not the spender.
PARTNER_BEFORE = re.compile(r"\b(?:with|between|among|alongside)\s+(?:the\s+)?$", _I)
# An organisation the money goes to, after the amount.
TO_BEFORE_ORG = re.compile(r"(?<!according\s)(?<!thanks\s)\b(?:to|into)\s+(?:the\s+)?$", _I)
PURPOSE_AFTER = re.compile(r"^\s*,?\s*(?:for|on|to)\s+(?P<p>.+)", re.S)
PURPOSE_STOP = re.compile(
    r",?\s+(?:up|down|an?\s+(?:increase|decrease|rise|drop|cut)|compared|from\s+the|this\s+year"
    r"|last\s+year|next\s+year|in\s+(?:19|20)\d\d|which|that)\b|[;.()]|,\s*(?:while|and\s+\d)"
    r"|\s+(?:in|under|according|as\s+part)\s+(?:the|to|of)\b",
    _I,
)
PURPOSE_BEFORE = re.compile(
    r"(?:on|for)\s+(?P<p>[^,;]+?)\s+(?:is|was|were|are|will\s+be|amount\w*|reach\w*|total\w*"
    r"|stood|came\s+to|rose|increased|grew)\b[^,;]*$",
    _I,
)
PURPOSE_TRIM = re.compile(
    r"\s*\b(?:(?:this|last|next)\s+year|(?:in|for|during|by)\s+(?:fiscal\s+(?:year\s+)?)?"
    r"(?:19|20)\d\d|(?:fiscal\s+(?:year\s+)?|FY\s?)(?:19|20)?\d\d).*$|^(?:19|20)\d\d\S*$",
    _I,
)
DEMONSTRATIVE = re.compile(r"^(?:these|those|this|that|such|the\s+said)\b", _I)
HEADING_MAX = 120
CONTEXT_SENTENCES = 4

# Years of figures (rule 4).
# "Budget 2018", "HK Budget 2018": a year named by a budget before it (matched before it).
BUDGET_BEFORE_YEAR = re.compile(r"\bbudget\s+$", _I)
# A year stated right behind an amount is that amount's: "1.03 trillion yuan in 2012".
YEAR_AFTER_AMOUNT = re.compile(r"\s*,?\s*(?:in|for|during)\s+(?:fiscal\s+(?:year\s+)?)?$", _I)
# The two ends of "from A to B" (hedges such as "nearly" are part of the amount).
FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", _I)
TO_BEFORE = re.compile(r"\s*,?\s*to\s*$", _I)
# An amount another is compared with, whatever its year: "four times as much as the HK$10
# billion allocated in 2017", "more than the 5 billion yuan of".
COMPARED_BEFORE = re.compile(
    r"\b(?:as\s+(?:much|large|big|high|great)\s+as|than|compared\s+(?:with|to)|versus"
    r"|the\s+size\s+of)\s+(?:the\s+|a\s+|an\s+)?$",
    _I,
)


# A government's whole spending, or spending for no purpose of science ("the city's general
# public budget expenditure amounted to", "local government expenditures", "spent 66% of its
# expenditure on people's livelihood", poverty relief): with no category of its own
# ("other") it is no budget of the kinds the tables hold.
AGGREGATE_SPENDING = re.compile(
    r"\b(?:general\s+public\s+budget|total|overall|local\s+government|municipal(?:-level)?"
    r"|central\s+government|fiscal|public)\s+(?:budget\s+)?(?:expenditures?|spending)\b"
    r"|\blivelihood|\bpoverty|\bits\s+expenditure\b",
    re.IGNORECASE,
)
