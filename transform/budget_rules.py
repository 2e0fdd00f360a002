"""Budget rules as named data: the words that make an amount a budget, and its look-alikes.

Each table is read by the small generic code in `budgets.py` (rule 2, is it a budget?) and
`budget_fields.py` (rule 5, phase). Add a word here, not a branch there.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

STRONG_CUE = re.compile(
    r"\b(?:budget(?:s|ed|ary)?|allot(?:s|ted|ting|ment)?|allocat(?:e|es|ed|ing|ion|ions)"
    r"|pre-allocat\w*|appropriat(?:e|ed|ion|ions)|earmark(?:s|ed|ing)?|set\s+aside"
    r"|expenditures?|spending|spends?|spent|outlays?)\b",
    _I,
)
WEAK_CUE = re.compile(
    r"\b(?:fund(?:s|ed|ing)?|grants?|invest(?:s|ed|ing|ment|ments)?|capital"
    r"|provid(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|commit(?:s|ted|ting|ment)?"
    r"|support(?:s|ed|ing)?|contribut(?:e|es|ed|ing|ion|ions)|raised|raises|sought|seeks"
    r"|seeking|requests?|requested)\b",
    _I,
)
# The amount names the size of a programme or fund: "the EU's 95.5 billion euro research
# and innovation programme", "a 10 billion yuan Future Industry Fund".
SIZE_OF = re.compile(
    r"[\s-]*(?:[\w'’&-]+\s+){0,6}?(?:programmes?|programs?|funds?|packages?|schemes?"
    r"|initiatives?|plans?)\b",
    _I,
)
# Verbs that state an allotted amount only in a budget context ("The National Institutes
# of Health received US$ 47.1 billion", "NASA's science directorate was cut to ...").
CONTEXT_VERB = re.compile(
    r"\b(?:received|receives|receive|gets|got|was\s+(?:cut|raised|increased|reduced|lifted"
    r"|trimmed|boosted)\s+to|will\s+(?:have|get|receive)|make\s+do\s+with|stands\s+at"
    r"|stood\s+at)\b",
    _I,
)
PUBLIC_ACTOR = re.compile(
    r"\b(?:government|state|central|ministry|ministries|national|public|federal|provincial"
    r"|municipal|council|foundation|agency|administration|commission|programme|program"
    r"|funds?)\b",
    _I,
)
EXCLUDED = re.compile(
    r"\b(?:trade|trading|transactions?|exports?|exported|imports?|imported|bonds?|issuance"
    r"|loans?|lending|credit\s+lines?|GDP|gross\s+domestic\s+product|revenues?|sales"
    r"|turnover|markets?|valuation|valued\s+at|profits?|incomes?|tax(?:es)?|salar(?:y|ies)"
    r"|wages?|prices?|priced|costs?|contracts?|deals?|acquisitions?|mergers?"
    r"|foreign\s+direct\s+investment|FDI|outbound\s+investment|output\s+value"
    r"|venture\s+capital|IPO|donat(?:e|ed|es|ion|ions)|fines?|penalt(?:y|ies)|ransom|fraud"
    r"|deficits?|surplus(?:es)?|shares?\s+price|market\s+value)\b",
    _I,
)
# A per-unit amount is a ceiling or a price, not a budget ("up to 5 million yuan each").
PER_UNIT = re.compile(
    r"\b(?:each|apiece|per\s+(?:project|grant|team|person|researcher|award|head|capita"
    r"|student|scientist|laboratory|lab)|individual\s+(?:grants?|projects?|awards?"
    r"|researchers?|teams?))\b",
    _I,
)
# One project, laboratory, centre, facility or mission as the thing funded. "Mission" is
# only a project in lower case: "the National Quantum Mission" is a national programme.
ONE_PROJECT = re.compile(
    r"\b(?i:the|a|an|this|its|each|one|per|new)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:(?i:laboratory|lab|project|centre|center|facility|plant|station|satellite|telescope"
    r"|reactor|building|campus|hospital|institute|team)|mission)\b(?![-\w])"
)
COMPANY = re.compile(
    r"\b(?:company|companies|firms?|corporation|corp\.?|Inc\.?|Ltd\.?|Co\.|conglomerates?"
    r"|start-?ups?|chipmakers?|carmakers?)(?![\w])",
    _I,
)
ANAPHOR = re.compile(
    r"\b(?:these|those|such|the\s+said|the\s+above)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:projects|programmes|programs|initiatives|plans|efforts|activities|schemes|funds"
    r"|areas|tasks|labs|laboratories|centres|centers|items|measures)\b"
    r"|\b(?:this|that|the\s+said|such)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:project|programme|program|initiative|plan|scheme|fund|effort|mechanism)\b"
    r"|\bthe\s+(?:fund|programme|program|initiative|scheme|mission)\b"
    r"|^(?:It|They)\s+(?!is\s+(?:expected|likely|estimated|reported|said)\b)",
    _I,
)
# A part of the previous sentence's amount: "Of this, 98.023 billion yuan is earmarked for
# basic research" belongs to the budget (phase, year, spender) stated just before.
PART_OF = re.compile(
    r"^(?:Of\s+(?:this|that|which|these|it|the\s+(?:total|amount|sum|budget|funding|above))"
    r"|Within\s+(?:this|that|the\s+total)|This\s+includes|Including)\b",
    _I,
)
# A follow-up sentence that only states the change: "The amount is 3.2% more than this
# year's allocation."
FOLLOW_UP = re.compile(
    r"^(?:The|This|That)\s+(?:amount|sum|figure|allocation|budget|funding|total|spending"
    r"|increase|rise|cut|outlay)\b|^(?:It|This)\s+(?:is|was|represents|marks)\b",
    _I,
)
MULTI_YEAR = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:next|past|last|coming|previous)\s+(?:\w+\s+)?"
    r"(?:years|decades?)\b|\bfive-year\s+plan\b|\bcumulative(?:ly)?\b|\bto\s+date\b"
    r"|\bso\s+far\b|\bover\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years\b",
    _I,
)
# A fund's capital or a contribution to it has no fiscal year.
FUND_CAPITAL = re.compile(
    r"\bcapital\b|\b(?:to|into|of)\s+the\s+fund\b|\bfund(?:'s|’s)?\s+(?:size|capital)\b", _I
)
SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:highest|largest|biggest|fastest|lowest|smallest|slowest|first|most|least|best"
    r"|worst|strongest|weakest)\b[^.;]{0,40}$",
    _I,
)


# Phase. Strong cues decide; weak ones (future or plan verbs) only when nothing stronger is
# said in the sentence or the section's preceding budget sentences, and then mean an
# announced allocation (approved). Proposed is for drafts awaiting a legislature.
PROPOSED = re.compile(
    r"\bdraft\b|\bpropos(?:ed|al|als|es|e)\b|\bbudget\s+(?:speech|address|estimates|request"
    r"|proposal)\b|\btabled\b|\bsubmitted\s+to\b|\b(?:his|her)\s+(?:\d{4}(?:[-–/]\d{2,4})?\s+)?"
    r"budget\b|\bawaiting\s+(?:approval|parliament|the\s+legislature)\b|\brequested\b",
    _I,
)
APPROVED = re.compile(
    r"\bapprov\w*|\bpassed\b|\badopted\b|\benacted\b|\bsigned\s+into\s+law\b|\bappropriat\w*"
    r"|\bratified\b|\ballocat(?:e|es|ed|ing)\b|\ballot(?:s|ted)?\b|\bearmark(?:s|ed)?\b"
    r"|\bset\s+aside\b|\bpre-allocat\w*|\bregistered\s+capital\b|\breceived\b"
    r"|\bwas\s+(?:cut|raised|increased|reduced|lifted|trimmed|boosted)\s+to\b"
    r"|\b(?:launched|established|set\s+up|founded|created)\b[^.;]{0,60}\bfunds?\b"
    r"|\bfunds?\b[^.;]{0,40}\b(?:launched|established|set\s+up|founded|created)\b",
    _I,
)
ACTUAL = re.compile(
    r"\bspent\b|\bactual(?:ly)?\b|\bbulletin\b|\bcommuniqu[eé]\b|\bstatistic(?:s|al)\b"
    r"|\breached\b|\btotall?ed\b|\bdisbursed\b|\bexpended\b|\bamounted\s+to\b|\bfunded\b"
    r"|\bgranted\b|\bawarded\b|\bcontributed\b|\bpaid\b|\binvested\b",
    _I,
)
WEAK_PHASE = re.compile(
    r"\bwill\b|\bplan(?:s|ned)?\s+to\b|\bis\s+set\s+to\b|\bexpect\w*\s+to\b|\bintends?\s+to\b"
    r"|\bpledg\w*|\baims?\s+to\b|\bto\s+be\s+(?:allocated|spent|invested)\b"
    r"|\bmake\s+do\s+with\b|\bstands?\s+at\b|\bplans?\b",
    _I,
)
# A research line inside a health or education budget is S&T: "research in life and
# health technology".
RESEARCH_WORDS = re.compile(r"\bresearch\b|\bR&D\b|\btechnolog(?:y|ies)\b|\binnovation\b", _I)
PAST_STATISTIC = re.compile(
    r"\b(?:rose|grew|increased|fell|declined|dropped|climbed|jumped|exceeded|topped|hit"
    r"|stood\s+at)\b",
    _I,
)

RUPEE = {"PAK": "PKR", "LKA": "LKR", "NPL": "NPR"}
QUALIFIER_CHARS = "abcdefghijklmnopqrstuvwxyz "
TERMINAL = frozenset('.!?"”’)')
