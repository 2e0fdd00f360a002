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
- changes ("jumped 154.82 billion yuan", "a rise of NT$4.5 billion"): a comparison base
  is a fact only when stated as another year's figure ("up from X last year").
A headline, heading, contents line or cut-off sentence (no final punctuation) states a
fact only when the body does not state the same amount (a rounded copy is the body's).

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
   "received" / "was cut to" right after a budget sentence, or the header of its list.
   Before all this the amount is attached to what it measures: a change is never a
   budget, a comparison base with its own year is one (`budget_kind.attachment`).
3. Category: the spender's own when it is a funder, fund or programme (NSFC ->
   research_funding); else a funder, fund or programme named in the clause; else the
   words around the amount — first its purpose phrase ("X yuan on national defense"),
   then the nearest phrase before it ("spending on science and technology ... to X"),
   then after it — with organisation names masked ("Ministry of Science and Technology"
   is not "science and technology"); then the sentence, the sentence a demonstrative
   or "Of this" points back to, the section's preceding budget sentences; research words
   turn health or education into science_technology; else "other". A generic S&T
   funder's money for a specific stated purpose takes the purpose's category.
4. Fiscal year: a year, fiscal year ("2024-25" -> 2024, by its first year) or relative
   year ("this year") nearest the amount, never a reference year ("up 2% from last
   year", "by 2026"); a fund's capital is for the year the fund was set up; a multi-year
   marker ("since 2016", "2021-2027", "from 2023-24 to 2030-31", "over the next five
   years") makes it a
   multi-year total (null); else the sentence pointed back to, the section's preceding
   sentences (for spending reported as actual only stated years count, not the dates of
   the report), a year in the section heading, the budget the page's lead names ("his
   2019-20 Budget").
5. Phase: strong cues decide, proposed > approved > actual: "draft", "proposed",
   "tabled", "budget speech/estimates" -> proposed (a draft awaiting a legislature);
   "approved", "passed", "allocate", "earmarked", "set aside", "registered capital",
   "received" -> approved; "spent", "reached", "statistical communique", "funded",
   "contributed" -> actual. Looked up in the window and sentence ("Of this, ..." lines
   first take the phase of the total they belong to; an allocation verb inside a draft
   stays proposed), then the sentence pointed back to, then the section's preceding
   budget sentences; else a plan or future verb ("will", "plans to") or a programme's
   stated size -> approved (an announced allocation), proposed when the page's lead is a
   budget speech or draft; a past year with a verb of change or outcome ("in 2023
   spending rose ... to", "surpassed ... last year") -> actual; else actual on a page
   that reports outcomes (a communique), else unknown.
6. Spender: the nearest spending organisation (ministry, agency, funder, fund, academy,
   programme, international body; not a partner "with" it); its country — none for the
   EU, BRICS and other multilateral bodies — else the country the sentence names as
   actor before the amount, the country of a local currency (NZD -> NZL), an actor after
   it, the country of any currency (CNY -> CHN), the country the document names most.
   "Rs" is INR unless the spender is Pakistani, Sri Lankan or Nepalese.
7. change_pct: a stated change next to the amount ("up 6.6%", "an increase of 10%",
   "rise 10 percent to", "a cut of 8.3 percent"), never a compared one ("faster than the
   7.1 per cent increase last year"), or stated by the next sentence ("The amount is 3.2%
   more than ..."); negative for cuts. stated_usd: the USD conversion the text gives next
   to a non-USD amount ("(US$51.5 billion)"); null for an amount already in USD.
8. amount_usd: at the fiscal year's average rate (`fx.to_usd`); for a multi-year total or
   an unknown year, at the rate of the publication year, when the figure was stated.

Where the parts live: `budget_rules` (triggers, look-alikes, phase cues) and
`budget_field_rules` (category, change, purpose phrases) are named data; `budget_spans`
reads a document's typed spans once (sentences, organisations, countries, years, dates,
the page's dollar, an amount's clause); `budget_kind` decides rule 2, `budget_years`
rule 4, `budget_phase` rule 5; `budget_fields` reads the other fields; this module
assembles the fact.

Evidence is the sentence (plus the sentence a demonstrative or "Of this" points back to
when that one supplied the category, year or phase); `doc.text[char_start:char_end] ==
evidence`.
"""

from __future__ import annotations

import bisect
import re

from extract.documents import ParsedDocument
from transform.budget_change import change_before, follow_up_change
from transform.budget_field_rules import AGGREGATE_SPENDING, CATEGORY_PATTERNS, CURRENCY_COUNTRY
from transform.budget_fields import (
    actor_country,
    change_pct,
    purpose_phrase,
    read_category,
    spender_org,
)
from transform.budget_kind import (
    attachment,
    is_budget_amount,
    list_header,
    restates_earlier,
    same_amount,
)
from transform.budget_phase import memo_phase_of, read_phase
from transform.budget_rules import (
    ALLOCATED,
    ANAPHOR,
    BUDGET_WORD,
    FUND_CAPITAL,
    FURNITURE,
    LAST_YEAR,
    PART_MARKER,
    PART_OF,
    PAST_OUTCOME,
    PAST_STATISTIC,
    PROPOSED,
    QUALIFIER_CHARS,
    REPORT_OF_ACTUALS,
    RUPEE,
    SIZE_OF,
    SPENT_NOUN,
    STRONG_CUE,
    TERMINAL,
)
from transform.budget_spans import (
    Doc,
    budget_year,
    clause_window,
    in_span,
    lead,
    section_context,
)
from transform.budget_years import read_fiscal_year, usd_year
from transform.dollars import document_dollar
from transform.facts import Budget, Candidate, Mention
from transform.fx import to_usd
from transform.money import Amount, parse_amounts

__all__ = ["extract_budgets", "CATEGORY_PATTERNS", "CURRENCY_COUNTRY"]

_I = re.IGNORECASE


def _read_amount(ctx: Doc, index: int, amounts: list[Amount], i: int) -> Candidate | None:
    """The budget amount i of sentence `index` states, or None if it is not a budget."""
    s = ctx.sentences[index]
    amt = amounts[i]
    w = clause_window(s, amounts, i)
    window_text = ctx.text[w.start : w.end]
    context, heading = section_context(ctx, index)
    if not is_budget_amount(ctx, index, amounts, i, w, context):
        return None

    base = attachment(ctx, amounts, i, w) == "base"
    part_of = PART_OF.match(s.text) is not None
    anaphoric = part_of or ANAPHOR.search(s.text) is not None
    antecedent = ctx.sentences[context[0]] if (anaphoric and context) else None
    header = list_header(ctx, index)
    if header is not None:
        antecedent = ctx.sentences[header]  # a list item reads its header's year and phase
    used_antecedent = False
    budget_context = [ctx.sentences[j] for j in context if STRONG_CUE.search(ctx.sentences[j].text)]

    # 5. Phase.
    phase, from_antecedent = read_phase(ctx, window_text, s, antecedent, part_of, budget_context)
    used_antecedent = used_antecedent or from_antecedent
    if phase == "unknown" and SIZE_OF.match(ctx.text, amt.span_end, w.end):
        phase = "approved"  # the stated size of an existing programme or fund

    # 6. Spender.
    orgs_sentence = in_span(ctx.orgs, ctx.org_starts, s.start, s.end)
    orgs_window = in_span(ctx.orgs, ctx.org_starts, w.start, w.end)
    orgs_antecedent = (
        in_span(ctx.orgs, ctx.org_starts, antecedent.start, antecedent.end)
        if antecedent is not None
        else []
    )
    spender = spender_org(orgs_window, amt.start, ctx.text) or spender_org(
        orgs_sentence, amt.start, ctx.text
    )
    if spender is None and antecedent is not None:
        spender = spender_org(orgs_antecedent, antecedent.end)
    # A multilateral body or programme (the EU, BRICS) spends for no single country.
    multilateral = (
        spender is not None
        and spender.country is None
        and spender.kind in ("international", "programme")
    )
    country = spender.country if spender is not None else None
    if country is None and not multilateral:
        # The actor before the amount, else the currency's own country ("The Federal
        # Government is committing $9 million ..., matched by the Chinese Government"),
        # else an actor after it.
        country = actor_country(ctx, s.start, amt.start, orgs_sentence, amounts)
        if country is None and amt.currency not in ("USD", "EUR"):
            country = CURRENCY_COUNTRY.get(amt.currency)
        if country is None:
            country = actor_country(ctx, s.start, s.end, orgs_sentence, amounts)
        if country is None and antecedent is not None:
            country = actor_country(ctx, antecedent.start, antecedent.end, orgs_antecedent)
        if country is None:
            country = CURRENCY_COUNTRY.get(amt.currency)
        if country is None:
            country = ctx.doc_country

    # 3. Category.
    category, from_antecedent = read_category(
        ctx, s, w, amt, spender, antecedent, budget_context, context
    )
    used_antecedent = used_antecedent or from_antecedent
    if category == "other" and AGGREGATE_SPENDING.search(s.text):
        return None  # a government's whole spending, or for no purpose the tables hold

    # 4. Fiscal year.
    if category == "other" and FUND_CAPITAL.search(window_text):
        category = "industry"  # a public fund's capital, its purpose not stated
    fund_capital = FUND_CAPITAL.search(window_text) is not None or (
        category == "industry" and re.search(r"\bfunds?\b", window_text, _I) is not None
    )
    fiscal_year, from_antecedent = read_fiscal_year(
        ctx, index, amounts, i, w, phase, base, fund_capital, antecedent, context, heading
    )
    used_antecedent = used_antecedent or from_antecedent

    # Spending reported with a past year and a verb of change is what was spent: "In 2023,
    # spending on basic research rose 11.6 percent to 225.9 billion yuan".
    if (
        phase == "unknown"
        and fiscal_year is not None
        and ctx.published is not None
        and fiscal_year < ctx.published.year
        and (
            PAST_STATISTIC.search(window_text)
            or PAST_STATISTIC.search(s.text)
            # expenditure of a year already over, not a budget's line, is what was spent
            or (SPENT_NOUN.search(s.text) and not BUDGET_WORD.search(ctx.text, s.start, amt.start))
        )
    ):
        phase = "actual"
    past = (
        fiscal_year is not None and ctx.published is not None and fiscal_year < ctx.published.year
    ) or (ctx.published is None and LAST_YEAR.search(s.text) is not None)
    if (
        phase != "actual"
        and past
        and (
            PAST_OUTCOME.search(window_text)
            or PAST_OUTCOME.search(ctx.text, s.start, amt.start)  # "supported ..., with A and B"
            # a funder reporting last year's grants, not a budget's line
            or (ALLOCATED.search(window_text) and not BUDGET_WORD.search(s.text))
            or ctx.lead_actual  # a communique's appropriation for a year over: spent
        )
        and memo_phase_of(ctx, window_text) != "proposed"
    ):
        phase = "actual"  # "spending surpassed 3.3 trillion yuan last year"
    currency = amt.currency
    if amt.text.lstrip(QUALIFIER_CHARS).startswith(("Rs", "Re")) and country in RUPEE:
        currency = RUPEE[country]  # "Rs" is also the rupee of Pakistan, Sri Lanka, Nepal

    # 7. Change and stated USD.
    a_start, a_end = amt.start - w.start, amt.span_end - w.start
    part = i > 0 and PART_MARKER.search(window_text, 0, a_start)
    if part:  # "X, up 8 percent, of which Y": the rate before the marker is X's
        window_text = window_text[part.end() :]
        a_start, a_end = a_start - part.end(), a_end - part.end()
    if base:
        a_start = 0  # a base's change is stated after it; the one before is the new figure's
        window_text = window_text[a_end:]
        a_end = 0
    if i + 1 < len(amounts):
        # A change in money right after the amount belongs to it, and so does the rate
        # that follows ("reached X yuan, jumped Y yuan year-on-year, up by 15.0 percent").
        nxt = clause_window(s, amounts, i + 1)
        if attachment(ctx, amounts, i + 1, nxt) == "increment":
            window_text = ctx.text[w.start : nxt.end]
    change = change_pct(window_text, a_start, a_end)
    if change is None:
        change = follow_up_change(ctx, index)
    if change is None and not base:
        change = change_before(ctx, context, category)
    elif change is not None and not base:
        ctx.change_given.add(category)
    stated_usd = amt.stated_usd if amt.currency != "USD" else None

    from_header = header is not None  # a list item's evidence is the item itself
    ev_start = (
        antecedent.start
        if (antecedent is not None and used_antecedent and not from_header)
        else s.start
    )
    ev_end = s.end
    evidence = ctx.text[ev_start:ev_end]
    budget = Budget(
        spender_country=country,
        spender_org=spender.name if spender is not None else None,
        category=category,
        fiscal_year=fiscal_year,
        amount=amt.value,
        currency=currency,
        amount_usd=to_usd(amt.value, currency, usd_year(fiscal_year, ctx.published)),
        stated_usd=stated_usd,
        change_pct=change,
        phase=phase,
        purpose=purpose_phrase(ctx, w, amt),
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
    amounts_all = parse_amounts(doc.text, dollar=document_dollar(doc.text))
    if not amounts_all:
        return []
    ctx = Doc(doc_id, doc, amounts_all)
    lead_text = lead(doc.text)
    ctx.lead_proposed = PROPOSED.search(lead_text) is not None
    ctx.lead_actual = REPORT_OF_ACTUALS.search(lead_text) is not None
    ctx.lead_budget_year = budget_year(lead_text, doc.published_date)
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
    lines: list[Candidate] = []  # from headlines, headings, contents lines, cut-off text
    stated_in_body: list[Amount] = []
    for k in sorted(by_sentence):
        amounts = by_sentence[k]
        in_body = ctx.sentences[k].text[-1] in TERMINAL
        if in_body:
            stated_in_body += amounts
        elif FURNITURE.search(ctx.sentences[k].text):
            continue  # a ticker, a related-article link: not what the page states
        for i in range(len(amounts)):
            if restates_earlier(doc.text, amounts[i], out):
                continue  # "The additional HK$50 billion ...": a figure stated before
            candidate = _read_amount(ctx, k, amounts, i)
            if candidate is not None:
                (out if in_body else lines).append(candidate)
    # A line without final punctuation is a fact only when the body does not state the same
    # amount (a headline's rounded copy of a body figure is the body's fact).
    for c in lines:
        if not any(same_amount(c.fact, a) for a in stated_in_body):  # type: ignore[arg-type]
            out.append(c)
    out.sort(key=lambda c: (c.mention.char_start, c.mention.char_end))
    return out
