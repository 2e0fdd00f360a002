"""Research results told by their makers: "Chinese researchers cloned the world's first
macaques from somatic cells", "a research team led by Prof. X proved the 3D Quantum Hall
effect", "scientists have made a groundbreaking discovery in realizing ...". The guidelines
count a result announced as a breakthrough as a project (`research_result`), and real pages
name it by what was made, mostly in lower case, so the subject-verb-object reading of
`project_events` (which wants a project noun or a proper name) does not see it.

The reading is narrow on purpose: the researchers must be the subject that opens the
sentence (after at most a short opening phrase), the verb one of making or finding
something, in the past or the perfect, and the thing made the object right after it.
"""

from __future__ import annotations

import re

from transform import project_cues as cues
from transform.event_context import EventDoc
from transform.project_attach import Draft, countries_of_sentence, orgs_of_sentence
from transform.project_setting import day_date

__all__ = ["result_draft"]

# who makes a result: researchers, not a company or a ministry
_MAKERS = (
    r"(?:scientists|researchers|physicists|biologists|chemists|astronomers|geneticists"
    r"|botanists|ecologists|zoologists|mathematicians|archaeologists|pal(?:a)?eontologists"
    r"|engineers|(?:research|scientific)\s+teams?|teams?\s+of\s+(?:\w+\s+)?(?:scientists"
    r"|researchers))"
)
# the subject opening the sentence: "Chinese researchers", "A research team led by Prof. X,
# Dept. of Physics", "Scientists at the Hefei Institute"; an opening phrase ("In 2019, ")
# may come first
_SUBJECT = re.compile(
    r"(?:[•*-]\s+)?(?:[A-Z][^,;]{0,40},\s+)?(?:(?:[Aa]|[Tt]he)\s+)?(?i:(?:research\s+)?teams?\s+of\s+)?"
    r"(?:[A-Z][\w-]+\s+){0,3}?(?i:" + _MAKERS + r")\b"
    r"(?:\s+(?:from|at|of|in|with|led\s+by|headed\s+by)\s+[^;:]{1,200}?)?"
    r"(?:\s+(?:on|last|this)\s+\w+)?\s+"
)
# what they did: made or found something, told in the past or the perfect
_VERB = re.compile(
    r"(?:(?:have|has)\s+)?(?:(?:successfully|recently|now|also|for\s+the\s+first\s+time)\s+)?"
    r"(?P<verb>cloned|created|built|developed|synthesi[sz]ed|mapped|sequenced|proved|proven"
    r"|engineered|designed|constructed|fabricated"
    r"|made\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:breakthrough|discovery)\s+(?:in|on)"
    r"|achieved\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?breakthrough\s+(?:in|on))\s+"
)
_SUBJECT_VERB = re.compile(_SUBJECT.pattern + _VERB.pattern)
# where the thing made ends: a relative clause, a means, a comma, a purpose or a source
_OBJECT_END = re.compile(
    r",(?!\d)|;|:|\s+(?:that|which|who|using|by|to|through|with\s+the\s+help|according|as|after"
    r"|in\s+(?:a|an|the)\s+(?:paper|study|journal|article)|published)\b|[.!?](?:\s|$)|$"
)
_CLAUSE_END = re.compile(r",(?!\d)|;|[.!?](?:\s|$)")
_THE_COUNT = re.compile(r"the\s+\d", re.IGNORECASE)
_LEADING = re.compile(r"^(?:(?:a|an|the|its|their)\s+)+", re.IGNORECASE)
# things that are not results: a plan, a product line, a count of things, a general ability
_NOT_A_RESULT = re.compile(
    r"^(?:\d[\d,.]*\s+|(?:two|three|four|five|several|many|more|some|new\s+ways|ways|plans?"
    r"|strategies|strategy|policies|policy|guidelines?|standards?|partnerships?|cooperation"
    r"|relations|ties|capacity|capabilities|skills|talents?)\b)",
    re.IGNORECASE,
)


def result_draft(ctx: EventDoc, index: int) -> Draft | None:
    """The research result body sentence `index` reports, if its researchers open it."""
    s = ctx.sentences[index]
    text = ctx.text
    start = ctx.opening[index]
    verb = _SUBJECT_VERB.match(text, start, s.end)
    if verb is None:
        return None
    if cues.COMPANY.search(text, start, verb.start("verb")):
        return None  # "Engineers at Huawei built ...": a company's product
    ns = verb.end()
    end = _OBJECT_END.search(text, ns, s.end)
    ne = end.start() if end is not None else s.end
    raw = text[ns:ne].strip()
    if _THE_COUNT.match(raw):
        # "mapped the 36,377 genes that make up the Chinese rose": a count says what the
        # result is only with the clause that tells what they are
        clause = _CLAUSE_END.search(text, ne, s.end)
        ne = clause.start() if clause is not None else s.end
        raw = text[ns:ne].strip()
    lead = _LEADING.match(raw)
    name = raw[lead.end() :] if lead else raw
    if (
        len(name) > 120
        or len(name) < 5
        or (_NOT_A_RESULT.match(name) and not _THE_COUNT.match(raw))
    ):
        return None  # a count of things ("two new methods"), unless it is the whole ("the
        # 36,377 genes that make up ...")
    ns = ns + text[ns:ne].find(name)
    info = ctx.analysis(s)
    return Draft(
        sentence=index,
        name=name,
        head_type="research_result",
        status="developed",
        event_date=day_date(ctx, s.start, s.end, verb.start("verb")),
        place=None,
        named=True,
        countries=countries_of_sentence(ctx, info, s.start, s.end),
        orgs=orgs_of_sentence(ctx, info, s.start, s.end, (ns, ns + len(name))),
        span=(ns, ns + len(name)),
        head="result",
    )
