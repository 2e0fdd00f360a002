"""Budget rules as named data: the words that make an amount a budget, and its look-alikes.

Each table is read by the small generic code in `budget_kind.py` (rule 2, is it a budget?)
and `budgets.py` / `budget_fields.py` / `budget_years.py` (the fields). Add a word here, not a
branch there.
The word lists that the trigger, look-alike, change and recipient patterns are compiled
from are in `budget_words.py`.
"""

from __future__ import annotations

import re

from transform.budget_words import (
    BUDGET_TRIGGERS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    FUNDING_TRIGGERS,
    LOOKALIKES,
    RECIPIENTS,
)

_I = re.IGNORECASE


def _words(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `alternatives` as whole words."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", _I)


# Triggers: a budget word makes an amount in its clause or sentence a budget; a funding
# word does so only with a public actor (rule 2 of `budgets.py`).
STRONG_CUE = _words(*BUDGET_TRIGGERS)
WEAK_CUE = _words(*FUNDING_TRIGGERS)

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
    r"|municipal|council|foundation|agency|administration|commission|programmes?|programs?"
    r"|funds?|governments|ministers?|country['’]s|nation['’]s|nationwide|provinces?)(?!\w)",
    _I,
)
# Look-alikes (`LOOKALIKES`, by kind): money that is not an allocation to a purpose. Read
# before the amount and in the words right after it ("1 trillion yuan worth of such bonds").
EXCLUDED = _words(*(w for words in LOOKALIKES.values() for w in words))
# Leveraged money: a verb of leverage that governs the amount ("could drive CNY 1 tr",
# "expected to attract 500 billion yuan of investment"), not one elsewhere in the clause
# ("To drive innovation, the ministry will spend ...").
LEVERAGE_BEFORE = re.compile(
    r"\b(?:driv(?:e|es|ing)|leverag(?:e|es|ed|ing)|attract(?:s|ed|ing)?"
    r"|mobili[sz](?:e|es|ed|ing))\s+(?:[\w'’-]+\s+){0,3}?$",
    _I,
)
# Public money named by its source ("88.8 billion yuan from state revenue", "paid out of
# the central treasury"): the source's word is not a look-alike, and the phrase says the
# money is public.
PUBLIC_SOURCE = re.compile(
    r"\b(?:from|out\s+of|through)\s+(?:the\s+)?(?:state|central|government|public|fiscal"
    r"|national|federal|provincial|municipal)\s+(?:revenues?|coffers|treasury|purse|finances?"
    r"|funds?|budgets?)\b",
    _I,
)
# Attachment of an amount to what it measures. A change ("jumped 154.82 billion yuan",
# "a rise of NT$4.5 billion", "up 12.5 percent, or 246.57 billion yuan") is not a level:
# never a budget. Matched against the clause up to the amount.
INCREMENT_BEFORE = re.compile(
    r"(?:\b(?:" + CHANGE_VERBS + r")\s+(?:by\s+)?"
    r"|\b(?:" + CHANGE_VERBS + r"|cut\w*|reduc\w*|rais\w*|boost\w*|lift\w*|trim\w*)\s+"
    r"(?:[\w'’-]+\s+){0,3}?by\s+"
    r"|\b(?:up|down)\s+(?:by\s+)?"
    r"|\b(?:an?|the)\s+(?:[\w-]+\s+)?(?:" + CHANGE_NOUNS + r")\s+of\s+"
    r"|\d\s*(?:%|percent|per\s+cent)\s*,?\s*or\s+)$",
    _I,
)
# After the amount: "X more than", and a difference set against another year with no
# comma between ("RMB 5 billion more against that of the previous year", "RMB 2 billion up
# in comparison with last year"); "X, up on last year" and "X up from Y" state a level.
INCREMENT_AFTER = re.compile(
    r"\s*(?:more|higher|greater|less|lower|fewer)\s+than\b"
    r"|\s*(?:more|higher|greater|less|lower|fewer|up|down)\s+(?:against|over"
    r"|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to))\s+(?:that\s+of\s+)?"
    r"(?:the\s+)?(?:previous|preceding|last|prior|a)\s+year\b"
    r"|\s*(?:year-on-year|y/y|annual|yearly)?\s*(?:increase|rise|growth|jump|decrease|drop)\b",
    _I,
)
# A comparison base stated as another year's figure is a fact of its own ("up from 1.3
# trillion yuan last year", "compared to MOP303 million disbursed in 2015", "on last
# year's $160 million"): the clause before it, and the year right after it (or before).
BASE_BEFORE = re.compile(
    r"(?:\b(?:up|down|rising|rose|risen|increas\w*|gr[eo]w\w*|climb\w*|jump\w*|f[ae]ll\w*"
    r"|drop\w*|declin\w*|decreas\w*)\s+from|\bcompared\s+(?:with|to)|\bversus|\bvs\.?"
    r"|\b(?:on|over|than|from)(?=\s+(?:last|the\s+previous|the\s+prior)\s+year))"
    r"\s+(?:(?:last|the\s+previous|the\s+prior)\s+year['’]s\s+)?(?:the\s+|a\s+)?$",
    _I,
)
BASE_YEAR_BEFORE = re.compile(r"\b(?:last|the\s+previous|the\s+prior)\s+year['’]s\s+$", _I)
BASE_YEAR_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:last\s+year|the\s+(?:previous|prior)\s+year"
    r"|a\s+year\s+(?:earlier|ago|before)|in\s+(?:fiscal\s+)?(?:19|20)\d\d)\b",
    _I,
)
# An amount named only to set another apart from it ("the amount is separate from the
# EUR 95.5 billion headline budget"): recalled, not reported.
REFERENCE_BEFORE = re.compile(
    r"\b(?:separate\s+from|distinct\s+from|apart\s+from|independent\s+of|not\s+part\s+of"
    r"|on\s+top\s+of|outside)\s+(?:the\s+|its\s+|their\s+)?$",
    _I,
)
# Money that built one named thing is that thing's cost ("was built using China's $92
# million grant"), and spending stated as a share of revenue is a company's.
BUILT_WITH = re.compile(
    r"\b(?:built|constructed|developed|assembled|financed|paid\s+for)\s+(?:using|with|by)\b"
    r"[^.;]{0,40}$",
    _I,
)
# A sentence about the works on one named thing ("Work on the CSNS began in 2011, with a
# total investment of ...", "Construction of the Tianma Telescope started ..."): the money
# without a budget word is that thing's cost.
ONE_THING_WORKS = re.compile(
    r"^(?i:the\s+)?(?i:work|works|construction|building|installation)\s+(?:on|of)\s+"
    r"(?:the\s+)?[A-Z][\w'’-]*"
)
COMPANY_SHARE = re.compile(
    # "a R&D to revenue ratio of 22.4%": a company's measure of itself
    r"\b(?:R&D|research)[-\s]+to[-\s]+(?:revenue|sales)\b"
    r"|\b(?:of|to)\s+(?:the\s+|its\s+)?(?:company|firm|group|corporate)(?:['’]s)?\s+"
    r"(?:annual\s+|total\s+|yearly\s+)?(?:revenue|sales|turnover|income)\b"
    # "invested 15.3% of its 2019 revenue": an owner's own takings ('fiscal revenue' is
    # a government's and is not matched)
    r"|\b\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+of\s+(?:its|their)\s+(?:\d{4}\s+)?"
    r"(?:annual\s+|total\s+|yearly\s+)?(?:revenue|sales|turnover)\b",
    _I,
)
# A per-unit amount is a ceiling or a price, not a budget ("up to 5 million yuan each").
PER_UNIT = re.compile(
    r"\b(?:each|apiece|per\s+(?:project|grant|team|person|researcher|award|head|capita"
    r"|student|scientist|laboratory|lab)|individual\s+(?:grants?|projects?|awards?"
    r"|researchers?|teams?))\b",
    _I,
)
# The most one grant, award or prize may pay is a ceiling for each recipient, not money
# allocated ("raising the grant ceiling from HK$400,000 to HK$600,000", "with the highest
# prize hitting one million", "awards of up to 50,000 euros"). Read in the words before
# the amount and its own "up to", as a ceiling is named first.
CEILING_BEFORE = re.compile(
    r"\b(?:grant|funding|subsidy|award|prize|voucher|reward|bonus)s?\s+(?:ceiling|cap|limit)s?\b"
    r"|\b(?:ceiling|cap|upper\s+limit)\s+(?:of|on|for|under)\b"
    r"|\b(?:highest|top|maximum|max\.?)\s+(?:single\s+)?(?:prize|award|grant|reward|bonus"
    r"|subsidy|amount)s?\b"
    r"|\b(?:awards?|prizes?|grants?|rewards?|subsid(?:y|ies))\s+(?:of\s+|worth\s+)?up\s+to\s*$",
    _I,
)
# "Up to" an amount of support for a class of recipients is what each one may get ("offering
# up to 30 million yuan in support of cooperation projects", "support for key projects will
# reach up to X"): a ceiling, like a grant's. Read in the amount's clause.
SUPPORT_CEILING = re.compile(
    r"\b(?:support|funding|subsid(?:y|ies)|rewards?|grants?|sponsorship)\s+"
    r"(?:of|for|to)\s+(?:[\w“”\"'’-]+\s+){0,4}?" + RECIPIENTS + r"\b",
    _I,
)
# Money for each newly recognised unit, or by the unit's level ("1 million yuan for newly
# recognized national key laboratories and 500,000 yuan for provincial-level platforms"),
# is a reward per recipient. Matched right after the amount.
PER_RECIPIENT_AFTER = re.compile(
    r"\s*(?:in\s+(?:funding|support|subsid(?:y|ies)|rewards?|grants?)\s+)?(?:each\s+)?"
    r"(?:for|to)\s+(?:each\s+|every\s+|a\s+)?(?:(?:newly\s+)?(?:recogni[sz]ed|certified"
    r"|accredited|designated|approved|rated|listed)\b|newly\s+(?:established|set-?up)\b"
    r"|(?:national|provincial|municipal|city|county|district|ministerial)[- ]level\s+"
    r"(?:[\w-]+\s+){0,2}?" + RECIPIENTS + r"\b)",
    _I,
)
# One project, laboratory, centre, facility or mission as the thing funded. "Mission" is
# only a project in lower case: "the National Quantum Mission" is a national programme.
ONE_PROJECT = re.compile(
    r"\b(?i:the|a|an|this|its|each|one|per|new)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:(?i:laboratory|lab|project|centre|center|facility|plant|station|satellite|telescope"
    r"|reactor|building|campus|hospital|institute|team|trial|study|experiment|expedition|park"
    r"|airport|bridge|railway|tunnel|dam)|mission)"
    # ... the head of its phrase, not a word qualifying a government ("the local capital
    # from center government": the central government's money)
    r"\b(?![-\w])(?!\s+(?i:government|authorities)\b)"
)
# ... unless the name goes on to a programme: "the IT Innovation Lab in Secondary Schools
# Programme" is a programme, not a lab.
PROGRAMME_NAME_AFTER = re.compile(
    r"(?:\s+(?:in|for|of|on|and|&|[A-Z][\w'’&-]*)){0,6}?\s+"
    r"(?:Programme|Program|Scheme|Fund|Initiative|Plan)\b"
)
# The development or construction of one named thing ("for the development of Cyberport
# 5"): that thing's funding. Matched right after the amount.
ONE_THING_AFTER = re.compile(
    r"\s*(?:for|to\s+fund|towards?)\s+(?:the\s+)?(?i:development|construction|building"
    r"|expansion|renovation)\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*)*"
    r"(?<!Area)(?<!Region)(?<!Province)(?<!City)(?<!Zone)(?<!District)(?<!Delta)"
    r"(?=\s*(?:[,.;(]|to\b|and\b|$))"
)
# A company's own money, said of it outright, is no budget even when a ministry is the
# source of the figure: its R&D spending or investment ("R&D spending of these firms
# totaled", "the companies' research outlays") and a funding round ("X raised $410 million
# in funds", "a Series B round of", "in a financing round").
COMPANY_OWN_MONEY = re.compile(
    r"\b(?:spending|expenditures?|investments?|outlays?|budgets?)\s+(?:of|by)\s+"
    r"(?:the\s+|these\s+|those\s+|such\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:companies|company|firms?|enterprises|corporations|start-?ups?)\b"
    r"|\b(?:companies|company|firms?|enterprises|corporations|start-?ups?)['’]s?\s+"
    r"(?:[\w&-]+\s+){0,2}?(?:spending|expenditures?|investments?|outlays?)\b"
    r"|\braised\s+(?:about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+)?"
    r"(?:US|HK|S|A|C)?[$€£¥]?\s?[\d.,]+\s*(?:million|billion|bn|m)?\s*(?:[A-Za-z. ]{0,12}\s)?"
    r"in\s+(?:new\s+)?(?:funds|funding|financing|capital|investments?|venture\s+capital)\b"
    r"|\b(?:funding|financing|investment|fundraising)\s+rounds?\b"
    r"|\brounds?\s+of\s+(?:funding|financing|fundraising)\b"
    r"|\bSeries\s+[A-F]\d?\s+(?:round|funding|financing)\b"
    r"|\bpre-IPO\b",
    _I,
)
COMPANY = re.compile(
    r"\b(?:company|companies|firms?|enterprises?|corporation|corp\.?|Inc\.?|Ltd\.?|Co\.|conglomerates?"
    r"|start-?ups?|chipmakers?|carmakers?)(?![\w])"
    # investment firms by name: "Hillhouse Capital", "Qiming Venture Partners"
    r"|(?-i:\b[A-Z][\w&]*\s+(?:Capital|Ventures?|Partners|Holdings|Investments?)\b)",
    _I,
)
# A sentence that goes on about the owner of the sentence before ("Its total R&D spend
# over the past decade now exceeds X" after a company's share of its revenue)
OWNER_PRONOUN = re.compile(r"(?:Its|Their)\s")
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
# A figure named again with a definite article ("The additional HK$50 billion earmarked
# ...", "the 1.67 trillion yuan budget") restates one the page stated before.
RESTATED_BEFORE = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:(?:additional|extra|new|total|whole|entire|same"
    r"|planned|proposed|above|said)\s+)?$",
    _I,
)
# A pronoun subject points back to the actor, not to the previous amount's period.
PRONOUN_SUBJECT = re.compile(r"(?:It|They)\s", 0)
# A part of the previous sentence's amount: "Of this, 98.023 billion yuan is earmarked for
# basic research" belongs to the budget (phase, year, spender) stated just before.
PART_OF = re.compile(
    r"^(?:Of\s+(?:this|that|which|these|it|the\s+(?:total|amount|sum|budget|funding|above))"
    r"|Within\s+(?:this|that|the\s+total)|This\s+includes|Including)\b",
    _I,
)
# A part of an amount earlier in the same sentence, in a list that breaks it down:
# "36.2 billion yuan, including direct costs of 32.9 billion yuan and indirect costs of
# 3.3 billion yuan". Matched at the start of the part's clause.
PART_IN_LIST = re.compile(
    r"[\s,;:(—–-]*(?:including|includes|of\s+which|among\s+(?:them|which)|comprising"
    r"|consisting\s+of|divided\s+into|split\s+(?:into|between)|with|and)\b",
    _I,
)
# The marker of a part inside the clause after a total: what comes before it is the total's.
PART_MARKER = re.compile(r"\b(?:of\s+which|including|among\s+(?:them|which)|within\s+which)\b", _I)
# An item of a bulleted or numbered list: it reads its trigger from the list's header.
LIST_ITEM = re.compile(r"\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+")
# A follow-up sentence that only states the change: "The amount is 3.2% more than this
# year's allocation."
FOLLOW_UP = re.compile(
    r"^(?:The|This|That)\s+(?:amount|sum|figure|allocation|budget|funding|total|spending"
    r"|increase|rise|cut|outlay)\b|^(?:It|This)\s+(?:is|was|represents|marks)\b",
    _I,
)
MULTI_YEAR = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:next|past|last|coming|previous)\s+(?:\w+\s+){0,2}"
    r"(?:years|decades?)\b|\bfive-year\s+plan\b|\bcumulative(?:ly)?\b|\bto\s+date\b"
    r"|\bso\s+far\b|\bover\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years\b",
    _I,
)
# A fund's capital, or a contribution to it: its year is the fund's setting up (`budget_years`).
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
    r"budget\b|\bawaiting\s+(?:approval|parliament|the\s+legislature)\b|\brequested\b"
    r"|\bpending\s+(?:legislative\s+|parliamentary\s+)?(?:review|approval)\b",
    _I,
)
APPROVED = re.compile(
    r"\bapprov\w*|\bpassed\b|\badopted\b|\benacted\b|\bsigned\s+into\s+law\b|\bappropriat\w*"
    r"|\bratified\b|\ballocat(?:e|es|ed|ing)\b|\ballot(?:s|ted)?\b|\bearmark(?:s|ed)?\b"
    r"|\bset\s+aside\b|\bpre-allocat\w*|\bregistered\s+capital\b"
    r"|\breceived\b(?!\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+)?[\d,.]+\s+(?:\w+\s+)?"
    r"(?:applications|proposals|submissions))"
    r"|\bwas\s+(?:cut|raised|increased|reduced|lifted|trimmed|boosted)\s+to\b"
    r"|\b(?:launched|established|set\s+up|founded|created)\b[^.;]{0,60}\bfunds?\b"
    r"|\bfunds?\b[^.;]{0,40}\b(?:launched|established|set\s+up|founded|created)\b"
    r"|\b(?:is|was|are|were)\s+(?:made\s+)?available\b",
    _I,
)
# An allocation verb says how money is assigned, not whether the budget is passed: inside
# a draft or a budget speech ("The Government will allocate ...") it stays proposed.
ALLOCATION_VERB = re.compile(
    r"\b(?:allocat(?:e|es|ed|ing)|allot(?:s|ted)?|earmark(?:s|ed)?|set\s+aside"
    r"|pre-allocat\w*|inject(?:s|ed|ing)?|deploy(?:s|ed|ing)?)\b",
    _I,
)
# Money for a year already over, with a verb of outcome, is what was spent (actual), even
# when the page is about next year's draft: "spending surpassed 3.3 trillion yuan last year".
PAST_OUTCOME = re.compile(
    r"\b(?:disbursed|disbursing|granted|gave\s+out|giving\s+out|subsidi[sz]ed"
    r"|spent|surpassed|exceeded|reached|hit|totall?ed|amounted|rose|grew|jumped|climbed"
    r"|stood\s+at|supported|financed|funded|awarded)\b",
    _I,
)
# Site furniture among the lines without final punctuation: news tickers ("Macau | ... |
# 05:30pm"), related-article links. Their amounts are not what the page states.
FURNITURE = re.compile(
    r"\s\|\s|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?!\d)|^(?:Related|Read\s+more|More\s+from"
    r"|See\s+also|Also\s+read|Recommended|Previous|Next)\b",
    _I,
)
# "the 2024 budget", "2024 draft budget": a year that names a budget (matched after it).
BUDGET_AFTER_YEAR = re.compile(r"\s+(?:draft\s+|central\s+|federal\s+|state\s+)?budget\b", _I)
# A page that reports outcomes: its figures without a cue of their own are actual.
REPORT_OF_ACTUALS = re.compile(
    r"\bcommuniqu[eé]\b|\bstatistical\s+(?:bulletin|report|yearbook)\b|\bfinal\s+accounts\b",
    _I,
)
# Money "allocated" in a year already over is what a funder granted (actual), unless the
# sentence is about a budget ("allocated Rs 10,579 crore in the Union Budget 2023-24").
ALLOCATED = re.compile(r"\ballocated\b", _I)
# ... not the classification "general public budget" that expenditure is counted in.
BUDGET_WORD = re.compile(r"(?<!general\spublic\s)\bbudget", _I)
SPENT_NOUN = re.compile(r"\b(?:expenditures?|spending|outlays?)\b", _I)
LAST_YEAR = re.compile(r"\blast\s+year\b|\bthe\s+previous\s+year\b", _I)
ACTUAL = re.compile(
    r"\bspent\b|\bactual(?:ly)?\b|\bbulletin\b|\bcommuniqu[eé]\b|\bstatistic(?:s|al)\b"
    r"|\breached\b|\btotall?ed\b|\bdisbursed\b|\bexpended\b|\bamounted\s+to\b|\bfunded\b"
    r"|\bgranted\b|\bawarded\b|\bcontributed\b|\bpaid\b|\binvested\b|\bfinanced\b",
    _I,
)
WEAK_PHASE = re.compile(
    r"\bwill\b|\bwould\b|\bplan(?:s|ned)?\s+to\b|\bis\s+set\s+to\b|\bexpect\w*\s+to\b|\bintends?\s+to\b"
    r"|\bpledg\w*|\bcommit(?:s|ted|ting)\b|\baims?\s+to\b|\bto\s+be\s+(?:allocated|spent|invested)\b"
    r"|\bmake\s+do\s+with\b|\bstands?\s+at\b|\bplans?\b"
    # "funding has been announced": an announced allocation, unless a stronger cue says
    # more ("announced that they have spent"); not the reporting clause "it announced on
    # Tuesday".
    r"|\bannounc(?:e|es|ed|ing)\b(?!\s*[.,;]|\s+(?:on|last|yesterday|today|this\s+week"
    r"|in\s+a\s+statement)\b)",
    _I,
)
# A research line inside a health or education budget is S&T: "research in life and
# health technology".
RESEARCH_WORDS = re.compile(r"\bresearch\b|\bR&D\b|\btechnolog(?:y|ies)\b|\binnovation\b", _I)
PAST_STATISTIC = re.compile(
    r"\b(?:rose|risen|grew|grown|increased|fell|fallen|declined|dropped|climbed|jumped|surged"
    r"|exceeded|topped|hit"
    r"|stood\s+at)\b",
    _I,
)

RUPEE = {"PAK": "PKR", "LKA": "LKR", "NPL": "NPR"}
QUALIFIER_CHARS = "abcdefghijklmnopqrstuvwxyz "
# A list item closed by ";" ("1. approve a commitment of $X ...;") is a clause of the body's
# running statement, never a headline (which has no final punctuation).
TERMINAL = frozenset('.!?"”’);')
