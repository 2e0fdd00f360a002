"""The budget word lists as data: regex alternatives that `budget_rules.py` compiles.

A trigger word makes an amount a budget, a look-alike word makes it something else; a
new word is a line here, and the patterns built from these lists pick it up.
"""

from __future__ import annotations

# Triggers: budget words make an amount a budget on their own, funding words only with a
# public actor.
BUDGET_TRIGGERS: tuple[str, ...] = (
    r"budget(?:s|ed|ary)?",
    r"allot(?:s|ted|ting|ment)?",
    r"allocat(?:e|es|ed|ing|ion|ions)",
    r"pre-allocat\w*",
    r"appropriat(?:e|ed|ion|ions)",
    r"earmark(?:s|ed|ing)?",
    r"set\s+aside",
    r"expenditures?",
    r"(?:R&D|research\s+and\s+development)\s+inputs?",  # the statistics bulletins' term
    r"spending",
    r"spends?",
    r"spent",
    r"outlays?",
    r"disburs(?:e|es|ed|ing|ement|ements)",
)
FUNDING_TRIGGERS: tuple[str, ...] = (
    r"fund(?:s|ed|ing)?",
    r"grants?",
    r"invest(?:s|ed|ing|ment|ments)?",
    r"capital",
    r"provid(?:e|es|ed|ing)",
    r"pledg(?:e|es|ed|ing)",
    r"commit(?:s|ted|ting|ment)?",
    r"support(?:s|ed|ing)?",
    r"contribut(?:e|es|ed|ing|ion|ions)",
    r"raised|raises|sought|seeks|seeking|requests?|requested",
    r"subsidi[sz](?:e|es|ed|ing)|subsid(?:y|ies)",
    r"inject(?:s|ed|ing|ion)?",
    r"deploy(?:s|ed|ing)?",
    r"receiv(?:e|es|ed|ing)",
    r"financ(?:e|es|ed)",
    r"approv(?:e|es|ed|ing|al)",
    r"(?:is|was|are|were|be)\s+(?:made\s+)?available",
)

# Look-alikes: money that is not an allocation to a purpose, by kind. Read before the
# amount and in the words right after it ("1 trillion yuan worth of such bonds").
LOOKALIKES: dict[str, tuple[str, ...]] = {
    "trade": (
        r"trade",
        r"trading",
        r"transactions?",
        r"exports?",
        r"exported",
        r"imports?",
        r"imported",
    ),
    "financing": (
        r"bonds?",
        r"issuance",
        r"loans?",
        r"lending",
        r"credit\s+lines?",
        r"liquidity",
        r"financing",
    ),
    "economy": (r"GDP", r"gross\s+domestic\s+product", r"output\s+value"),
    "market": (r"markets?", r"valuation", r"valued\s+at", r"market\s+value", r"shares?\s+price"),
    "company": (
        r"revenues?",
        r"sales",
        r"turnover",
        r"profits?",
        r"incomes?",
        r"contracts?",
        r"deals?",
        r"acquisitions?",
        r"mergers?",
        r"IPO",
    ),
    "private investment": (
        r"foreign\s+direct\s+investment",
        r"FDI",
        r"outbound\s+investment",
        # deals counted by a database ("530 funding events ... Those investments totalled"),
        # not public money ("government investments" stays public)
        r"funding\s+events?",
        r"(?<!government\s)(?<!public\s)(?<!state\s)(?<!fiscal\s)investments",
        r"venture\s+capital",
        r"private\s+equity",
        r"hedge\s+funds?",
        r"(?:funding|financing|investment|seed|angel)\s+rounds?",
        r"rounds?\s+of\s+(?:funding|financing)",
        r"series\s+[A-F]",
    ),
    "prices and pay": (
        r"tax(?:es)?",
        r"salar(?:y|ies)",
        r"wages?",
        r"prices?",
        r"priced",
        r"(?<!direct\s)(?<!indirect\s)costs?",  # direct and indirect costs are grant lines
    ),
    "aid": (r"(?:military|development|humanitarian|foreign)\s+(?:assistance|aid)",),
    "other transfers": (
        r"donat(?:e|ed|es|ion|ions)",
        r"fined|fines|an?\s+fine\s+of",  # not "fine chemicals"
        r"penalt(?:y|ies)",
        r"ransom",
        r"fraud",
    ),
    "leveraged money": (r"(?:social|private)\s+capital",),
    "fiscal balance": (r"deficits?", r"surplus(?:es)?"),
    # what applicants ask a funder for, not what it grants ("applications with an overall
    # requested sum of X")
    "requests": (r"requested\s+(?:sums?|amounts?)", r"(?:sums?|amounts?)\s+applied\s+for"),
}

# Verbs and nouns of a change in an amount ("jumped", "a rise of"), for the patterns that
# tell a change from a level.
CHANGE_VERBS = (
    r"jump\w*|ris(?:e|es|ing)|rose|risen|increas\w*|gr[eo]w\w*|climb\w*|surg\w*|gain\w*"
    r"|drop\w*|f[ae]ll\w*|declin\w*|decreas\w*|add(?:s|ed|ing)?"
)
CHANGE_NOUNS = (
    r"rise|increase|jump|growth|gain|hike|boost|addition|drop|fall|decline|decrease|cut"
    r"|reduction"
)

# The recipients a ceiling of support is for ("up to X for cooperation projects").
RECIPIENTS = (
    r"(?:projects|enterprises|companies|firms|laboratories|labs|platforms|teams|start-?ups"
    r"|institutions|talents|researchers|scientists|applicants|centers|centres|schemes)"
)
