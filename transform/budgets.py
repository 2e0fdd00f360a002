"""The BUDGET extractor: amounts a government, agency, fund or programme allocates or spends.

What counts as a budget (the contract in `warehouse/migrations/002_facts.sql`, the
annotation rules in `tests/gold/README.md`): an amount a government, agency, fund or
programme allocates, spends or plans to spend for a purpose — a national S&T or defence
budget and its lines, R&D expenditure from a statistics bulletin, a funding agency's
grants for a year, a state fund's capital (and a ministry's contribution to it), another
country's or the EU's budget. What does not:
- the funding of one project, laboratory, centre, institute or mission ("a jointly funded
  laboratory of US $ 400,000"): that is the project's funding, extracted with projects;
  so are per-unit ceilings ("up to 5 million yuan each");
- amounts that are not allocations: trade and transaction values, sales, revenue, GDP,
  prices, contracts, deficits, companies' spending, and *government bond issuance and
  loans*: they are financing (how money is raised or lent), not an allocation to a
  purpose. "1 trillion yuan worth of ultra-long special treasury bonds" is not a budget;
- counts of papers, projects, people or jobs, and percentages (no currency, no amount);
- headlines, headings and contents lines (no final punctuation): the body states the
  same figure with its context, and a headline's rounded copy would be a second fact.

How a sentence becomes a budget, rule by rule (each rule reads the text, never guesses):
1. Sentences come from `sentences.split_sentences`; amounts with a currency from
   `money.parse_amounts`. Each amount gets a *window*: its clause (";" separates list
   items such as "60.783 billion Yuan, up 6.6%; 1.66554 trillion Yuan on national
   defense, up 7.2%"), cut at the neighbouring amounts.
2. Kind: no excluded word before the amount or right after it; a budget word in the
   window or sentence ("budget", "allot", "allocate", "earmark", "expenditure",
   "spending", "outlay"), or a weaker one ("fund", "grant", "invest", "capital",
   "provide", "support", "contribute", or the amount sizing a programme or fund: "the EU's
   95.5 billion euro research programme") with a public actor, or a verb such as
   "received" / "was cut to" right after a budget sentence.
3. Category: the spender's own when it is a funder, fund or programme (NSFC ->
   research_funding); else a funder, fund or programme named in the clause; else the
   words around the amount — first its purpose phrase ("X yuan on national defense"),
   then the nearest phrase before it ("spending on science and technology ... to X"),
   then after it — with organisation names masked ("Ministry of Science and Technology"
   is not "science and technology"); then the sentence, the sentence a demonstrative
   or "Of this" points back to, the section's preceding budget sentences; research words
   turn health or education into science_technology; else "other".
4. Fiscal year: a year, fiscal year ("2024-25" -> 2024, by its first year) or relative
   year ("this year") nearest the amount, never a reference year ("up 2% from last
   year", "by 2026"); a fund's capital has none; a multi-year marker ("since 2016",
   "2021-2027", "from 2023-24 to 2030-31", "over the next five years") makes it a
   multi-year total (null); else the sentence pointed back to, the section's preceding
   sentences (for spending reported as actual only stated years count, not the dates of
   the report), a year in the section heading.
5. Phase: strong cues decide, proposed > approved > actual: "draft", "proposed",
   "tabled", "budget speech/estimates" -> proposed (a draft awaiting a legislature);
   "approved", "passed", "allocate", "earmarked", "set aside", "registered capital",
   "received" -> approved; "spent", "reached", "statistical communique", "funded",
   "contributed" -> actual. Looked up in the window and sentence ("Of this, ..." lines
   first take the phase of the total they belong to; an allocation verb inside a draft
   stays proposed), then the sentence pointed back to, then the section's preceding
   budget sentences; else a plan or future verb ("will", "plans to") or a programme's
   stated size -> approved (an announced allocation); a past year with a verb of change
   ("in 2023 spending rose ... to") -> actual; else unknown.
6. Spender: the nearest spending organisation (ministry, agency, funder, fund, academy,
   programme, international body); its country — none for the EU, BRICS and other
   multilateral bodies — else the first country the sentence names as actor, else the
   country of the currency (CNY -> CHN), else the country the document names most.
   "Rs" is INR unless the spender is Pakistani, Sri Lankan or Nepalese.
7. change_pct: a stated change next to the amount ("up 6.6%", "an increase of 10%",
   "rise 10 percent to", "a cut of 8.3 percent"), never a compared one ("faster than the
   7.1 per cent increase last year"), or stated by the next sentence ("The amount is 3.2%
   more than ..."); negative for cuts. stated_usd: the USD conversion the text gives next
   to a non-USD amount ("(US$51.5 billion)"); null for an amount already in USD.
8. amount_usd: at the fiscal year's average rate (`fx.to_usd`); for a multi-year total or
   an unknown year, at the rate of the publication year, when the figure was stated.

Evidence is the sentence (plus the sentence a demonstrative or "Of this" points back to
when that one supplied the category, year or phase); `doc.text[char_start:char_end] ==
evidence`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from datetime import date

from extract.documents import ParsedDocument
from transform.countries import CountryMention, dominant_country, find_countries
from transform.dates import DateMention, YearMention, find_years, resolve_dates
from transform.facts import Budget, Candidate, Mention
from transform.fx import to_usd
from transform.money import Amount, parse_amounts
from transform.organisations import SPENDER_KINDS, OrgMention, find_organisations, learn_acronyms
from transform.sentences import Sentence, paragraph_spans, split_sentences

__all__ = ["extract_budgets", "CATEGORY_PATTERNS", "CURRENCY_COUNTRY"]

# ---------------------------------------------------------------------------------------
# Vocabulary

_I = re.IGNORECASE

_STRONG_CUE = re.compile(
    r"\b(?:budget(?:s|ed|ary)?|allot(?:s|ted|ting|ment)?|allocat(?:e|es|ed|ing|ion|ions)"
    r"|pre-allocat\w*|appropriat(?:e|ed|ion|ions)|earmark(?:s|ed|ing)?|set\s+aside"
    r"|expenditures?|spending|spends?|spent|outlays?)\b",
    _I,
)
_WEAK_CUE = re.compile(
    r"\b(?:fund(?:s|ed|ing)?|grants?|invest(?:s|ed|ing|ment|ments)?|capital"
    r"|provid(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|commit(?:s|ted|ting|ment)?"
    r"|support(?:s|ed|ing)?|contribut(?:e|es|ed|ing|ion|ions)|raised|raises|sought|seeks"
    r"|seeking|requests?|requested)\b",
    _I,
)
# The amount names the size of a programme or fund: "the EU's 95.5 billion euro research
# and innovation programme", "a 10 billion yuan Future Industry Fund".
_SIZE_OF = re.compile(
    r"[\s-]*(?:[\w'’&-]+\s+){0,6}?(?:programmes?|programs?|funds?|packages?|schemes?"
    r"|initiatives?|plans?)\b",
    _I,
)
# Verbs that state an allotted amount only in a budget context ("The National Institutes
# of Health received US$ 47.1 billion", "NASA's science directorate was cut to ...").
_CONTEXT_VERB = re.compile(
    r"\b(?:received|receives|receive|gets|got|was\s+(?:cut|raised|increased|reduced|lifted"
    r"|trimmed|boosted)\s+to|will\s+(?:have|get|receive)|make\s+do\s+with|stands\s+at"
    r"|stood\s+at)\b",
    _I,
)
_PUBLIC_ACTOR = re.compile(
    r"\b(?:government|state|central|ministry|ministries|national|public|federal|provincial"
    r"|municipal|council|foundation|agency|administration|commission|programme|program"
    r"|funds?)\b",
    _I,
)
_EXCLUDED = re.compile(
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
_PER_UNIT = re.compile(
    r"\b(?:each|apiece|per\s+(?:project|grant|team|person|researcher|award|head|capita"
    r"|student|scientist|laboratory|lab)|individual\s+(?:grants?|projects?|awards?"
    r"|researchers?|teams?))\b",
    _I,
)
# One project, laboratory, centre, facility or mission as the thing funded. "Mission" is
# only a project in lower case: "the National Quantum Mission" is a national programme.
_ONE_PROJECT = re.compile(
    r"\b(?i:the|a|an|this|its|each|one|per|new)\s+(?:[\w'’-]+\s+){0,8}?"
    r"(?:(?i:laboratory|lab|project|centre|center|facility|plant|station|satellite|telescope"
    r"|reactor|building|campus|hospital|institute|team)|mission)\b(?![-\w])"
)
_COMPANY = re.compile(
    r"\b(?:company|companies|firms?|corporation|corp\.?|Inc\.?|Ltd\.?|Co\.|conglomerates?"
    r"|start-?ups?|chipmakers?|carmakers?)(?![\w])",
    _I,
)
_ANAPHOR = re.compile(
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
_PART_OF = re.compile(
    r"^(?:Of\s+(?:this|that|which|these|it|the\s+(?:total|amount|sum|budget|funding|above))"
    r"|Within\s+(?:this|that|the\s+total)|This\s+includes|Including)\b",
    _I,
)
# A follow-up sentence that only states the change: "The amount is 3.2% more than this
# year's allocation."
_FOLLOW_UP = re.compile(
    r"^(?:The|This|That)\s+(?:amount|sum|figure|allocation|budget|funding|total|spending"
    r"|increase|rise|cut|outlay)\b|^(?:It|This)\s+(?:is|was|represents|marks)\b",
    _I,
)
_MULTI_YEAR = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:next|past|last|coming|previous)\s+(?:\w+\s+)?"
    r"(?:years|decades?)\b|\bfive-year\s+plan\b|\bcumulative(?:ly)?\b|\bto\s+date\b"
    r"|\bso\s+far\b|\bover\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years\b",
    _I,
)
# A fund's capital or a contribution to it has no fiscal year.
_FUND_CAPITAL = re.compile(
    r"\bcapital\b|\b(?:to|into|of)\s+the\s+fund\b|\bfund(?:'s|’s)?\s+(?:size|capital)\b", _I
)
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:highest|largest|biggest|fastest|lowest|smallest|slowest|first|most|least|best"
    r"|worst|strongest|weakest)\b[^.;]{0,40}$",
    _I,
)

_PCT = r"(?P<p>\d+(?:\.\d+)?)\s?(?:%|percent|per\s+cent|pct)"
_INC_WORDS = "increase|rise|growth|jump|hike|boost|gain|raise"
_DEC_WORDS = "decrease|decline|drop|fall|cut|reduction|contraction|slash"
_CHANGE = [
    re.compile(
        r"\b(?P<d>increas\w*|rais\w*|boost\w*|lift\w*|cut\w*|reduc\w*|trim\w*|slash\w*)"
        r"\s+(?:[\w'’-]+\s+){0,8}?by\s+(?:about\s+|nearly\s+|around\s+|some\s+)?" + _PCT,
        _I,
    ),
    re.compile(
        r"\b(?P<d>up|down|rises?|rose|rising|risen|increase[sd]?|increasing|grows?|grew|grown"
        r"|growing|climb(?:s|ed)?|jump(?:s|ed)?|falls?|fell|fallen|falling|decrease[sd]?"
        r"|decline[sd]?|drops?|dropped|dropping|shrank|shrinks?|cut|raised|higher|lower"
        r"|reduced|expand(?:s|ed)?)\s+(?:by\s+)?(?:about\s+|nearly\s+|around\s+|some\s+)?" + _PCT,
        _I,
    ),
    re.compile(
        r"\b(?:an?\s+)?(?P<d>" + _INC_WORDS + "|" + _DEC_WORDS + r")s?\s+of\s+"
        r"(?:about\s+|nearly\s+|around\s+|some\s+)?" + _PCT,
        _I,
    ),
    re.compile(
        _PCT
        + r"\s+(?:year-on-year\s+|y/y\s+|annual\s+|yearly\s+)?(?P<d>"
        + _INC_WORDS
        + "|"
        + _DEC_WORDS
        + r"|higher|lower|more|less)\b",
        _I,
    ),
]
_DECREASE = re.compile(
    r"^(?:down|falls?|fell|fallen|falling|decrease[sd]?|decline[sd]?|drops?|dropped|dropping"
    r"|shrank|shrinks?|cut\w*|lower|reduc\w*|less|trim\w*|slash\w*|" + _DEC_WORDS + r")$",
    _I,
)
# "slightly faster than the 7.1 per cent increase last year": a change stated for comparison.
_CHANGE_COMPARED = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|matching|similar\s+to|versus)\s+(?:the\s+|a\s+|an\s+)?$",
    _I,
)

# Phase. Strong cues decide; weak ones (future or plan verbs) only when nothing stronger is
# said in the sentence or the section's preceding budget sentences, and then mean an
# announced allocation (approved). Proposed is for drafts awaiting a legislature.
_PROPOSED = re.compile(
    r"\bdraft\b|\bpropos(?:ed|al|als|es|e)\b|\bbudget\s+(?:speech|address|estimates|request"
    r"|proposal)\b|\btabled\b|\bsubmitted\s+to\b|\b(?:his|her)\s+(?:\d{4}(?:[-–/]\d{2,4})?\s+)?"
    r"budget\b|\bawaiting\s+(?:approval|parliament|the\s+legislature)\b|\brequested\b",
    _I,
)
_APPROVED = re.compile(
    r"\bapprov\w*|\bpassed\b|\badopted\b|\benacted\b|\bsigned\s+into\s+law\b|\bappropriat\w*"
    r"|\bratified\b|\ballocat(?:e|es|ed|ing)\b|\ballot(?:s|ted)?\b|\bearmark(?:s|ed)?\b"
    r"|\bset\s+aside\b|\bpre-allocat\w*|\bregistered\s+capital\b|\breceived\b"
    r"|\bwas\s+(?:cut|raised|increased|reduced|lifted|trimmed|boosted)\s+to\b"
    r"|\b(?:launched|established|set\s+up|founded|created)\b[^.;]{0,60}\bfunds?\b"
    r"|\bfunds?\b[^.;]{0,40}\b(?:launched|established|set\s+up|founded|created)\b",
    _I,
)
_ACTUAL = re.compile(
    r"\bspent\b|\bactual(?:ly)?\b|\bbulletin\b|\bcommuniqu[eé]\b|\bstatistic(?:s|al)\b"
    r"|\breached\b|\btotall?ed\b|\bdisbursed\b|\bexpended\b|\bamounted\s+to\b|\bfunded\b"
    r"|\bgranted\b|\bawarded\b|\bcontributed\b|\bpaid\b|\binvested\b",
    _I,
)
_WEAK_PHASE = re.compile(
    r"\bwill\b|\bplan(?:s|ned)?\s+to\b|\bis\s+set\s+to\b|\bexpect\w*\s+to\b|\bintends?\s+to\b"
    r"|\bpledg\w*|\baims?\s+to\b|\bto\s+be\s+(?:allocated|spent|invested)\b"
    r"|\bmake\s+do\s+with\b|\bstands?\s+at\b|\bplans?\b",
    _I,
)
# A research line inside a health or education budget is S&T: "research in life and
# health technology".
_RESEARCH_WORDS = re.compile(r"\bresearch\b|\bR&D\b|\btechnolog(?:y|ies)\b|\binnovation\b", _I)
_PAST_STATISTIC = re.compile(
    r"\b(?:rose|grew|increased|fell|declined|dropped|climbed|jumped|exceeded|topped|hit"
    r"|stood\s+at)\b",
    _I,
)
_RUPEE = {"PAK": "PKR", "LKA": "LKR", "NPL": "NPR"}
_QUALIFIER_CHARS = "abcdefghijklmnopqrstuvwxyz "
_TERMINAL = frozenset('.!?"”’)')

# Category phrases; the order is the priority when a sentence further away decides.
CATEGORY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, _I))
    for name, pattern in (
        (
            "international_cooperation",
            r"\binternational\s+(?:science\s+and\s+technology\s+|S&T\s+|scientific\s+"
            r"|research\s+|sci-tech\s+)?(?:cooperation|collaboration|exchanges?)"
            r"|\bjoint\s+research\s+projects?|\bcooperation\s+projects?"
            r"|\bbilateral\s+(?:research|cooperation|programmes?|programs?)"
            r"|\b(?:with|among)\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+)?\d+\s+"
            r"(?:countries|nations)|\bbelt\s+and\s+road|\bforeign\s+(?:cooperation|exchanges)"
            r"|\bscience\s+diplomacy",
        ),
        (
            "research_funding",
            r"\bnatural\s+science\s+foundation|\bscience\s+foundation|\bresearch\s+(?:grants?"
            r"|funds?|funding)|\bgrants?\b|\byoung\s+scientists?['’]?\s+fund|\bfunding\s+agenc"
            r"|\bresearch\s+council|\btalent\s+(?:programmes?|programs?|funds?)"
            r"|\bscholarships?\b|\bfellowships?\b",
        ),
        (
            "industry",
            r"\bindustr(?:y|ial)\s+(?:investment\s+)?funds?\b|\b(?:investment|guidance)\s+funds?\b"
            r"|\bsemiconductors?\b|\bintegrated\s+circuits?\b|\bchips?\b|\bchipmaking\b"
            r"|\bmanufacturing\b|\bindustrial\s+(?:policy|upgrading|development)",
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
            r"\bresearch\b|\btechnolog(?:y|ies)\b|\bquantum\b|\bartificial\s+intelligence\b"
            r"|\bAI\b|\binnovation\b|\bscientific\b|\bscience\b|\bspace\b|\baerospace\b"
            r"|\bnuclear\b|\bfusion\b|\bbiotech\w*|\bsupercomput\w*",
        ),
    )
)
# Spenders whose money is, by what they are, of their own category (NSFC grants are
# research funding whatever field they fund; a chip fund's capital is industry; the BRICS
# framework programme's money is international cooperation).
_CATEGORY_BY_KIND = frozenset({"funder", "fund", "programme"})

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
}

_RECIPIENT_BEFORE = re.compile(
    r"\b(?:with|to|between|among|including|from|against|than|and|versus|vs\.?|into)\s+"
    r"(?:the\s+)?$",
    _I,
)
_PURPOSE_AFTER = re.compile(r"^\s*,?\s*(?:for|on|to)\s+(?P<p>.+)", re.S)
_PURPOSE_STOP = re.compile(
    r",?\s+(?:up|down|an?\s+(?:increase|decrease|rise|drop|cut)|compared|from\s+the|this\s+year"
    r"|last\s+year|next\s+year|in\s+(?:19|20)\d\d|which|that)\b|[;.()]|,\s*(?:while|and\s+\d)"
    r"|\s+(?:in|under|according|as\s+part)\s+(?:the|to|of)\b",
    _I,
)
_PURPOSE_BEFORE = re.compile(
    r"(?:on|for)\s+(?P<p>[^,;]+?)\s+(?:is|was|were|are|will\s+be|amount\w*|reach\w*|total\w*"
    r"|stood|came\s+to|rose|increased|grew)\b[^,;]*$",
    _I,
)
_PURPOSE_TRIM = re.compile(
    r"\s*\b(?:(?:this|last|next)\s+year|(?:in|for|during|by)\s+(?:fiscal\s+(?:year\s+)?)?"
    r"(?:19|20)\d\d|(?:fiscal\s+(?:year\s+)?|FY\s?)(?:19|20)?\d\d).*$|^(?:19|20)\d\d\S*$",
    _I,
)
_DEMONSTRATIVE = re.compile(r"^(?:these|those|this|that|such|the\s+said)\b", _I)
_HEADING_MAX = 120
_CONTEXT_SENTENCES = 4


# ---------------------------------------------------------------------------------------
# Document-level context, computed once per document


def _shift(items: list, offset: int) -> list:
    return [dataclasses.replace(x, start=x.start + offset, end=x.end + offset) for x in items]


def _is_heading(text: str, start: int, end: int) -> bool:
    """A paragraph that is one short line without final punctuation: a heading."""
    if end - start > _HEADING_MAX:
        return False
    chunk = text[start:end]
    return "\n" not in chunk and chunk[-1:] not in ".!?:;,\"”'’)"


class _Doc:
    """What the rules need to know about a document, computed once and only where needed.

    Only the paragraphs holding an amount, the two before each (the context a budget
    sentence leans on) and the section heading above them are read in full (sentences,
    organisations, countries, years, dates): a long review with two budget paragraphs
    costs little more than a short article.
    """

    def __init__(self, doc_id: str, doc: ParsedDocument, amounts: list[Amount]) -> None:
        text = doc.text
        self.doc_id = doc_id
        self.doc = doc
        self.text = text
        self.published = doc.published_date
        paragraphs = paragraph_spans(text)
        p_starts = [p[0] for p in paragraphs]
        selected: set[int] = set()
        self.heading_of: dict[int, int] = {}  # paragraph -> its heading paragraph
        for amt in amounts:
            p = max(bisect.bisect_right(p_starts, amt.start) - 1, 0)
            selected.update(k for k in (p, p - 1, p - 2) if k >= 0)
            floor = _section_floor(doc, amt.start)
            q = p - 1
            while q >= 0 and paragraphs[q][0] >= floor:
                if _is_heading(text, *paragraphs[q]):
                    self.heading_of[p] = q
                    selected.add(q)
                    break
                q -= 1
        order = sorted(selected)
        self.sentences: list[Sentence] = split_sentences(text, order)
        self.starts = [x.start for x in self.sentences]
        self.headings = frozenset(
            i for i, x in enumerate(self.sentences) if _is_heading(text, *paragraphs[x.paragraph])
        )
        self.first_sentence_of: dict[int, int] = {}
        for i, x in enumerate(self.sentences):
            self.first_sentence_of.setdefault(x.paragraph, i)
        learned = learn_acronyms(text)
        self.orgs: list[OrgMention] = []
        self.countries: list[CountryMention] = []
        self.years: list[YearMention] = []
        self.dates: list[DateMention] = []
        for run_start, run_end in _runs(order):
            a, b = paragraphs[run_start][0], paragraphs[run_end][1]
            chunk = text[a:b]
            self.orgs += _shift(find_organisations(chunk, learned), a)
            self.countries += _shift(find_countries(chunk), a)
            self.years += _shift(find_years(chunk, self.published), a)
            self.dates += _shift(resolve_dates(chunk, self.published), a)
        self.org_starts = [o.start for o in self.orgs]
        self.country_starts = [c.start for c in self.countries]
        self.year_starts = [y.start for y in self.years]
        self.date_starts = [d.start for d in self.dates]
        self._doc_country: tuple[str | None] | None = None

    @property
    def doc_country(self) -> str | None:
        """The country the whole document names most (read only when needed)."""
        if self._doc_country is None:
            self._doc_country = (dominant_country(find_countries(self.text)),)
        return self._doc_country[0]


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted `indices` as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _in_span(items: Sequence, starts: list[int], start: int, end: int) -> list:
    """Items (sorted by .start, keys in `starts`) lying within [start, end)."""
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(items) and items[i].start < end:
        if items[i].end <= end:
            out.append(items[i])
        i += 1
    return out


def _section_floor(doc: ParsedDocument, offset: int) -> int:
    """Start of the parser-declared section holding `offset` (0 when there are none)."""
    start = 0
    for section in doc.sections:
        if section.char_start <= offset < section.char_end:
            start = max(start, section.char_start)
    return start


def _context(ctx: _Doc, index: int) -> tuple[list[int], int | None]:
    """Indices of up to `_CONTEXT_SENTENCES` preceding sentences of the same section
    (nearest first), and the index of the section's heading sentence if there is one."""
    current = ctx.sentences[index]
    floor = _section_floor(ctx.doc, current.start)
    out: list[int] = []
    j = index - 1
    prev_para = current.paragraph
    while j >= 0 and len(out) < _CONTEXT_SENTENCES:
        s = ctx.sentences[j]
        if s.start < floor or s.paragraph < prev_para - 1:
            break  # another section, or paragraphs not read (too far back)
        if j in ctx.headings:
            return out, j
        out.append(j)
        prev_para = s.paragraph
        j -= 1
    heading_para = ctx.heading_of.get(current.paragraph)
    if heading_para is None:
        return out, None
    return out, ctx.first_sentence_of.get(heading_para)


# ---------------------------------------------------------------------------------------
# Per-amount reading


@dataclasses.dataclass(frozen=True)
class _Window:
    start: int  # absolute offsets
    end: int


def _window(sentence: Sentence, amounts: list[Amount], i: int) -> _Window:
    """The clause of amount i, cut at its neighbours (offsets absolute)."""
    amt = amounts[i]
    rel_start = amt.start - sentence.start
    rel_end = amt.span_end - sentence.start
    clause_start = sentence.text.rfind(";", 0, rel_start) + 1
    semi = sentence.text.find(";", rel_end)
    clause_end = semi if semi != -1 else len(sentence.text)
    start = sentence.start + clause_start
    end = sentence.start + clause_end
    if i > 0:
        start = max(start, amounts[i - 1].span_end)
    if i + 1 < len(amounts):
        end = min(end, amounts[i + 1].start)
    return _Window(start, end)


def _masked(ctx: _Doc, start: int, end: int) -> str:
    """`text[start:end]` with organisation names blanked (same length, offsets kept)."""
    chunk = ctx.text[start:end]
    orgs = _in_span(ctx.orgs, ctx.org_starts, start, end)
    if not orgs:
        return chunk
    chars = list(chunk)
    for o in orgs:
        for k in range(o.start - start, o.end - start):
            chars[k] = " "
    return "".join(chars)


def _categories_in(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, category, priority rank) of every category phrase in `text`."""
    found = []
    for rank, (name, pattern) in enumerate(CATEGORY_PATTERNS):
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), name, rank))
    return found


def _purpose_span(ctx: _Doc, w: _Window, amt: Amount) -> tuple[int, int] | None:
    """Offsets of the "for/on/to ..." phrase right after the amount, if there is one."""
    after = ctx.text[amt.span_end : w.end]
    m = _PURPOSE_AFTER.match(after)
    if not m:
        return None
    tail = m.group("p")
    stop = _PURPOSE_STOP.search(tail)
    start = amt.span_end + m.start("p")
    return start, start + (stop.start() if stop else len(tail))


def _strongest(found: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """The phrases of the specific categories, or all of them if only weak ones are left."""
    weak_rank = len(CATEGORY_PATTERNS) - 1
    strong = [f for f in found if f[3] != weak_rank]
    return strong or found


def _nearest_category(ctx: _Doc, w: _Window, amt: Amount) -> str | None:
    """The category the words around the amount give, in this order: the purpose phrase
    right after it ("X yuan on national defense"), then the nearest phrase before it in
    the clause ("spending on science and technology is set to rise ... to X"), then the
    nearest after it. Organisation names are masked; specific categories beat the weak
    research/technology words."""
    text = _masked(ctx, w.start, w.end)
    found = _categories_in(text)
    if not found:
        return None
    a_start, a_end = amt.start - w.start, amt.span_end - w.start
    purpose = _purpose_span(ctx, w, amt)
    if purpose is not None:
        p_start, p_end = purpose[0] - w.start, purpose[1] - w.start
        inside = [f for f in found if f[0] >= p_start and f[1] <= p_end]
        if inside:
            return min(_strongest(inside), key=lambda f: (f[0], f[3]))[2]
    before = _strongest([f for f in found if f[1] <= a_start])
    after = _strongest([f for f in found if f[0] >= a_end])
    weak_rank = len(CATEGORY_PATTERNS) - 1
    best_before = max(before, key=lambda f: (f[1], -f[3])) if before else None
    best_after = min(after, key=lambda f: (f[0], f[3])) if after else None
    if best_before is not None and (
        best_after is None or best_before[3] != weak_rank or best_after[3] == weak_rank
    ):
        return best_before[2]
    return best_after[2] if best_after is not None else None


def _ranked_category(text: str) -> str | None:
    """The highest-priority category phrase anywhere in `text` (for sentences further away)."""
    found = _categories_in(text)
    if not found:
        return None
    return min(found, key=lambda f: (f[3], f[0]))[2]


def _change_pct(text: str, a_start: int, a_end: int) -> float | None:
    """The stated change nearest the amount in `text` (offsets relative to `text`)."""
    best: tuple[tuple[int, int], float] | None = None
    for pattern in _CHANGE:
        for m in pattern.finditer(text):
            value = float(m.group("p"))
            if _DECREASE.match(re.sub(r"\s+", " ", m.group("d"))):
                value = -value
            if _CHANGE_COMPARED.search(text, 0, m.start()):
                continue  # "faster than the 7.1 per cent increase last year"
            if m.start() >= a_end:
                key = (0, m.start() - a_end)
            elif m.end() <= a_start:
                key = (1, a_start - m.end())
            else:
                continue
            if best is None or key < best[0]:
                best = (key, value)
    return best[1] if best else None


def _phase_of(text: str) -> str | None:
    """The phase a strong cue in `text` states (proposed > approved > actual), or None."""
    if _PROPOSED.search(text):
        return "proposed"
    if _APPROVED.search(text):
        return "approved"
    if _ACTUAL.search(text):
        return "actual"
    return None


def _is_since_comparison(ctx: _Doc, y: YearMention) -> bool:
    before = ctx.text[max(0, y.start - 60) : y.start]
    return _SUPERLATIVE_BEFORE.search(before) is not None


def _years_in(ctx: _Doc, start: int, end: int) -> list[YearMention]:
    return _in_span(ctx.years, ctx.year_starts, start, end)


def _in_date(ctx: _Doc, y: YearMention) -> bool:
    return any(
        d.start <= y.start and y.end <= d.end
        for d in _in_span(ctx.dates, ctx.date_starts, y.start - 20, y.end + 1)
    )


def _point_year(
    ctx: _Doc, start: int, end: int, anchor: int, phase: str | None, anchor_end: int | None = None
) -> int | None:
    """The single year nearest the span [anchor, anchor_end) within [start, end) that a
    figure can be *for*."""
    a_end = anchor if anchor_end is None else anchor_end
    best: tuple[int, int] | None = None
    for y in _years_in(ctx, start, end):
        if y.kind not in ("year", "fiscal", "relative"):
            continue
        if phase == "actual" and y.kind == "year" and _in_date(ctx, y):
            continue  # the date of a report, not the year reported on
        dist = y.start - a_end if y.start >= a_end else max(anchor - y.end, 0)
        if best is None or dist < best[0]:
            best = (dist, y.year)
    return best[1] if best else None


def _multi_year(ctx: _Doc, start: int, end: int) -> bool:
    for y in _years_in(ctx, start, end):
        if y.kind == "span":
            return True
        if y.kind == "since" and not _is_since_comparison(ctx, y):
            return True
    return _MULTI_YEAR.search(ctx.text, start, end) is not None


def _context_year(ctx: _Doc, s: Sentence, phase: str | None) -> int | None:
    """A year a preceding sentence states (or, unless the figure is actual, a date's year)."""
    y = _point_year(ctx, s.start, s.end, s.end, phase)
    if y is not None:
        return y
    if phase == "actual":
        return None
    dates = _in_span(ctx.dates, ctx.date_starts, s.start, s.end)
    if dates:
        return dates[-1].end_date.year
    return None


def _spender_org(orgs: list[OrgMention], anchor: int) -> OrgMention | None:
    """The spending organisation nearest before `anchor`, else the first after it."""
    spenders = [o for o in orgs if o.kind in SPENDER_KINDS]
    if not spenders:
        return None
    before = [o for o in spenders if o.end <= anchor]
    if before:
        return before[-1]
    return spenders[0]


def _actor_country(
    ctx: _Doc,
    s_start: int,
    s_end: int,
    orgs: list[OrgMention],
    amounts: Sequence[Amount] = (),
) -> str | None:
    """The first country a stretch of text names as an actor (not a partner or recipient).

    Countries inside organisation names or amounts ("U.S. dollars") do not count.
    """
    for c in _in_span(ctx.countries, ctx.country_starts, s_start, s_end):
        if any(o.start <= c.start and c.end <= o.end for o in orgs):
            continue
        if any(a.start <= c.start and c.end <= a.span_end for a in amounts):
            continue
        before = ctx.text[max(s_start, c.start - 30) : c.start]
        if _RECIPIENT_BEFORE.search(before):
            continue
        return c.iso3
    return None


def _purpose(ctx: _Doc, w: _Window, amt: Amount) -> str | None:
    after = ctx.text[amt.span_end : w.end]
    m = _PURPOSE_AFTER.match(after)
    phrase = None
    if m:
        tail = m.group("p")
        stop = _PURPOSE_STOP.search(tail)
        phrase = tail[: stop.start()] if stop else tail
    else:
        before = ctx.text[w.start : amt.start]
        found = list(_PURPOSE_BEFORE.finditer(before))
        if found:
            phrase = found[-1].group("p")
    if not phrase:
        return None
    phrase = _PURPOSE_TRIM.sub("", " ".join(phrase.split())).strip(" ,")
    if not phrase or _DEMONSTRATIVE.match(phrase) or len(phrase) > 120:
        return None
    return phrase


def _usd_year(fiscal_year: int | None, published: date | None) -> int | None:
    return fiscal_year if fiscal_year is not None else (published.year if published else None)


def _spender_kind_orgs(ctx: _Doc, start: int, end: int) -> list[OrgMention]:
    return [o for o in _in_span(ctx.orgs, ctx.org_starts, start, end) if o.kind in SPENDER_KINDS]


def _previous_in_paragraph(ctx: _Doc, index: int, n: int) -> list[Sentence]:
    """Up to `n` sentences before sentence `index` in its paragraph, nearest first."""
    out = []
    j = index - 1
    para = ctx.sentences[index].paragraph
    while j >= 0 and len(out) < n and ctx.sentences[j].paragraph == para:
        out.append(ctx.sentences[j])
        j -= 1
    return out


def _is_budget_amount(
    ctx: _Doc, index: int, amounts: list[Amount], i: int, w: _Window, context: list[int]
) -> bool:
    """Rules 2: does amount i read as money allocated or spent for a purpose?"""
    s = ctx.sentences[index]
    amt = amounts[i]
    window_text = ctx.text[w.start : w.end]
    single = len(amounts) == 1
    # Excluded kinds are read before the amount and in the words right after it
    # ("1 trillion yuan worth of such bonds"), not in a later clause ("... equivalent to
    # 2.68% of GDP" does not make R&D spending a GDP figure).
    after = ctx.text[amt.span_end : w.end]
    cut = re.search(r"[,;]", after)
    region_end = amt.span_end + min(cut.start() if cut else len(after), 40)
    if _EXCLUDED.search(_masked(ctx, w.start, region_end)):
        return False
    if _PER_UNIT.search(window_text):
        return False
    strong = _STRONG_CUE.search(window_text) or _STRONG_CUE.search(s.text)
    if not strong:
        weak = (
            _WEAK_CUE.search(window_text)
            or (single and _WEAK_CUE.search(s.text))
            or _SIZE_OF.match(ctx.text, amt.span_end, w.end)
        )
        in_context = _CONTEXT_VERB.search(window_text) and any(
            _STRONG_CUE.search(ctx.sentences[j].text) for j in context[:2]
        )
        if not (weak or in_context):
            return False
        public = (
            _spender_kind_orgs(ctx, s.start, s.end)
            or _PUBLIC_ACTOR.search(_masked(ctx, s.start, s.end)) is not None
            or _actor_country(ctx, s.start, amt.start, [], amounts) is not None
            or any(
                _spender_kind_orgs(ctx, ctx.sentences[j].start, ctx.sentences[j].end)
                for j in context[:1]
            )
        )
        if not public:
            return False
        # Money a paragraph about one project mentions without a budget word is that
        # project's ("The project, SUSTAIN-RICE, ... The EU is contributing EUR 5m").
        if any(_ONE_PROJECT.search(p.text) for p in _previous_in_paragraph(ctx, index, 2)):
            return False
    if _ONE_PROJECT.search(s.text if single else window_text):
        return False  # one project's funding, not a budget
    orgs_sentence = _in_span(ctx.orgs, ctx.org_starts, s.start, s.end)
    if _COMPANY.search(_masked(ctx, w.start, amt.start)) or any(
        o.kind in ("company", "bank") and o.end <= amt.start for o in orgs_sentence
    ):
        if not any(o.kind in SPENDER_KINDS for o in orgs_sentence):
            return False
    return True


def _phase(
    ctx: _Doc,
    window_text: str,
    sentence: Sentence,
    antecedent: Sentence | None,
    part_of: bool,
    budget_context: list[Sentence],
) -> tuple[str, bool]:
    """Rule 5: (phase, whether the antecedent decided it)."""
    if part_of and antecedent is not None:
        phase = _phase_of(antecedent.text)
        if phase:
            return phase, True
    phase = _phase_of(window_text) or _phase_of(sentence.text)
    if phase == "approved" and antecedent is not None and _phase_of(antecedent.text) == "proposed":
        return "proposed", True  # "The draft budget ... It allots ...": the draft allots
    if phase:
        return phase, False
    if antecedent is not None:
        phase = _phase_of(antecedent.text)
        if phase:
            return phase, True
    # The section's budget sentences: a draft anywhere in them makes this line part of it.
    found = {p for p in (_phase_of(cs.text) for cs in budget_context) if p}
    for phase in ("proposed", "approved", "actual"):
        if phase in found:
            return phase, False
    if _WEAK_PHASE.search(window_text) or _WEAK_PHASE.search(sentence.text):
        return "approved", False
    return "unknown", False


def _follow_up_change(ctx: _Doc, index: int) -> float | None:
    """A change stated by the next sentence about this amount ("The amount is 3.2% more")."""
    if index + 1 >= len(ctx.sentences):
        return None
    nxt = ctx.sentences[index + 1]
    if nxt.paragraph != ctx.sentences[index].paragraph or not _FOLLOW_UP.match(nxt.text):
        return None
    if parse_amounts(nxt.text):
        return None
    return _change_pct(nxt.text, 0, 0)


def _read_amount(ctx: _Doc, index: int, amounts: list[Amount], i: int) -> Candidate | None:
    """The budget amount i of sentence `index` states, or None if it is not a budget."""
    s = ctx.sentences[index]
    amt = amounts[i]
    w = _window(s, amounts, i)
    window_text = ctx.text[w.start : w.end]
    context, heading = _context(ctx, index)
    if not _is_budget_amount(ctx, index, amounts, i, w, context):
        return None

    part_of = _PART_OF.match(s.text) is not None
    anaphoric = part_of or _ANAPHOR.search(s.text) is not None
    antecedent = ctx.sentences[context[0]] if (anaphoric and context) else None
    used_antecedent = False
    budget_context = [
        ctx.sentences[j] for j in context if _STRONG_CUE.search(ctx.sentences[j].text)
    ]

    # 5. Phase.
    phase, from_antecedent = _phase(ctx, window_text, s, antecedent, part_of, budget_context)
    used_antecedent = used_antecedent or from_antecedent
    if phase == "unknown" and _SIZE_OF.match(ctx.text, amt.span_end, w.end):
        phase = "approved"  # the stated size of an existing programme or fund

    # 6. Spender.
    orgs_sentence = _in_span(ctx.orgs, ctx.org_starts, s.start, s.end)
    orgs_window = _in_span(ctx.orgs, ctx.org_starts, w.start, w.end)
    orgs_antecedent = (
        _in_span(ctx.orgs, ctx.org_starts, antecedent.start, antecedent.end)
        if antecedent is not None
        else []
    )
    spender = _spender_org(orgs_window, amt.start) or _spender_org(orgs_sentence, amt.start)
    if spender is None and antecedent is not None:
        spender = _spender_org(orgs_antecedent, antecedent.end)
    # A multilateral body or programme (the EU, BRICS) spends for no single country.
    multilateral = (
        spender is not None
        and spender.country is None
        and spender.kind in ("international", "programme")
    )
    country = spender.country if spender is not None else None
    if country is None and not multilateral:
        country = _actor_country(ctx, s.start, s.end, orgs_sentence, amounts)
        if country is None and antecedent is not None:
            country = _actor_country(ctx, antecedent.start, antecedent.end, orgs_antecedent)
        if country is None:
            country = CURRENCY_COUNTRY.get(amt.currency)
        if country is None:
            country = ctx.doc_country

    # 3. Category.
    category = None
    if spender is not None and spender.kind in _CATEGORY_BY_KIND and spender.category:
        category = spender.category
    if category is None:
        # A funder, fund or programme named in the clause ("Horizon Europe, the EU's ...").
        category = next(
            (o.category for o in orgs_window if o.kind in _CATEGORY_BY_KIND and o.category),
            None,
        )
    if category is None:
        category = _nearest_category(ctx, w, amt)
    if category is None and spender is not None and spender.category:
        category = spender.category
    if category is None:
        category = next((o.category for o in orgs_window if o.category), None)
    if category is None:
        category = _nearest_category(ctx, _Window(s.start, s.end), amt)
    if category is None and antecedent is not None:
        category = next(
            (o.category for o in orgs_antecedent if o.kind in _CATEGORY_BY_KIND and o.category),
            None,
        ) or _ranked_category(_masked(ctx, antecedent.start, antecedent.end))
        used_antecedent = used_antecedent or category is not None
    if category is None:
        for cs in budget_context:
            category = _ranked_category(_masked(ctx, cs.start, cs.end))
            if category:
                break
    if category is None and spender is not None:
        category = _ranked_category(spender.name)  # "Advanced Research and Invention Agency"
    if category in ("health", "education") and _RESEARCH_WORDS.search(window_text):
        category = "science_technology"
    if category is None:
        category = "other"

    # 4. Fiscal year.
    fund_capital = _FUND_CAPITAL.search(window_text) is not None or (
        category == "industry" and re.search(r"\bfunds?\b", window_text, _I) is not None
    )
    fiscal_year = None
    multi = fund_capital
    if not fund_capital:
        fiscal_year = _point_year(ctx, w.start, w.end, amt.start, phase, amt.span_end)
        if fiscal_year is None:
            fiscal_year = _point_year(ctx, s.start, s.end, amt.start, phase, amt.span_end)
    if fiscal_year is None and not multi:
        if _multi_year(ctx, s.start, s.end):
            multi = True
        elif antecedent is not None and _multi_year(ctx, antecedent.start, antecedent.end):
            multi = True
            used_antecedent = True
    if fiscal_year is None and not multi and antecedent is not None:
        fiscal_year = _point_year(ctx, antecedent.start, antecedent.end, antecedent.end, phase)
        used_antecedent = used_antecedent or fiscal_year is not None
    if fiscal_year is None and not multi:
        for j in context:
            fiscal_year = _context_year(ctx, ctx.sentences[j], phase)
            if fiscal_year is not None:
                break
    if fiscal_year is None and not multi and heading is not None:
        h = ctx.sentences[heading]
        fiscal_year = _point_year(ctx, h.start, h.end, h.end, phase)

    # Spending reported with a past year and a verb of change is what was spent: "In 2023,
    # spending on basic research rose 11.6 percent to 225.9 billion yuan".
    if (
        phase == "unknown"
        and fiscal_year is not None
        and ctx.published is not None
        and fiscal_year < ctx.published.year
        and _PAST_STATISTIC.search(window_text)
    ):
        phase = "actual"
    currency = amt.currency
    if amt.text.lstrip(_QUALIFIER_CHARS).startswith(("Rs", "Re")) and country in _RUPEE:
        currency = _RUPEE[country]  # "Rs" is also the rupee of Pakistan, Sri Lanka, Nepal

    # 7. Change and stated USD.
    change = _change_pct(window_text, amt.start - w.start, amt.span_end - w.start)
    if change is None:
        change = _follow_up_change(ctx, index)
    stated_usd = amt.stated_usd if amt.currency != "USD" else None

    ev_start = antecedent.start if (antecedent is not None and used_antecedent) else s.start
    ev_end = s.end
    evidence = ctx.text[ev_start:ev_end]
    budget = Budget(
        spender_country=country,
        spender_org=spender.name if spender is not None else None,
        category=category,
        fiscal_year=fiscal_year,
        amount=amt.value,
        currency=currency,
        amount_usd=to_usd(amt.value, currency, _usd_year(fiscal_year, ctx.published)),
        stated_usd=stated_usd,
        change_pct=change,
        phase=phase,
        purpose=_purpose(ctx, w, amt),
        qualifier=amt.qualifier,
    )
    mention = Mention(
        doc_id=ctx.doc_id,
        evidence=evidence,
        char_start=ev_start,
        char_end=ev_end,
        page=ctx.doc.page_at(ev_start),
    )
    return Candidate(fact=budget, mention=mention)


def extract_budgets(doc_id: str, doc: ParsedDocument) -> list[Candidate]:
    """Budget candidates a document states, in text order (see the module docstring)."""
    if not doc.text:
        return []
    amounts_all = parse_amounts(doc.text)
    if not amounts_all:
        return []
    ctx = _Doc(doc_id, doc, amounts_all)
    by_sentence: dict[int, list[Amount]] = {}
    for amt in amounts_all:
        k = bisect.bisect_right(ctx.starts, amt.start) - 1
        if k < 0:
            continue
        s = ctx.sentences[k]
        if amt.start >= s.end:
            continue  # between sentences (cannot happen with trimmed spans, but be safe)
        by_sentence.setdefault(k, []).append(amt)
    out: list[Candidate] = []
    for k in sorted(by_sentence):
        if ctx.sentences[k].text[-1] not in _TERMINAL:
            continue  # headlines, headings, contents lines: the body states it properly
        amounts = by_sentence[k]
        for i in range(len(amounts)):
            candidate = _read_amount(ctx, k, amounts, i)
            if candidate is not None:
                out.append(candidate)
    return out
