"""The grammar of monetary amounts: "370.828 billion Yuan", "US $ 400,000", "Rs 10 crore".

Budgets, project funding and fund capital are all stated as amounts, and the same amount
is spelled many ways across sources (currency before or after the number, symbols or codes
or words, scale words or abbreviations, Indian lakh/crore, a converted USD figure in
brackets). One grammar here means every extractor reads them alike.

The words it reads (scales, currency signs and names, hedges) are data in
`money_words.py`; writing an amount back as sources do is `money_format.py`.

Only amounts with a currency are returned: "12 million urban jobs" and "66 million
taxpayers" are counts, and a number without a currency is never money.

Decisions, documented because they are guesses the text cannot always settle:
- A bare "$" is USD unless the caller says the document's dollar is another one
  (`dollar=`); "HK$", "NT$", "A$", "C$", "S$", "NZ$" and "<Country> dollars" are explicit.
- "¥" is CNY (the corpus is about China); "JP¥" and "yen" are JPY.
- "Rs" is INR; "R" is the rand, with a scale word only ("R9.6 billion").
- "won" is KRW only with a scale word ("3 billion won"), since "won" is also a verb; so
  are "rand" and "real" (a name, an adjective).
- A bare "$" in brackets right after an amount in another currency is the US dollar
  ("3.75 million NZ dollars ($2.47 million)"): news agencies convert into USD.
- A compound amount is one amount: "1 trillion 301.5 billion yuan" is 1,301.5 billion.
- Single-letter scales ("5m", "$3b", "400k") only count next to a currency.
- A value's *precision* is the unit of its last stated digit (370.8 billion -> 1e8), which
  consolidation uses to decide whether two spellings are the same amount rounded.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from transform.money_words import (
    CURRENCY_WORDS,
    PREFIX_NEEDS_SCALE,
    PREFIXES,
    QUALIFIERS,
    SCALES,
    SHORT_SCALES,
    WORD_NEEDS_SCALE,
)

__all__ = [
    "Amount",
    "LOCAL_DOLLARS",
    "has_money",
    "parse_amounts",
]


@dataclass(frozen=True)
class Amount:
    """One monetary amount as the text states it.

    `start`/`end` cover the hedge, currency and number ("about 10 billion yuan");
    `pair_end` extends over a bracketed conversion that follows ("(US$51.5 billion)"),
    whose value is `stated_usd`.
    """

    value: float
    currency: str
    qualifier: str | None
    start: int
    end: int
    text: str
    precision: float
    stated_usd: float | None = None
    pair_end: int | None = None

    @property
    def span_end(self) -> int:
        """End of the amount including any bracketed USD conversion."""
        return self.pair_end if self.pair_end is not None else self.end


# Countries whose own currency is "the dollar": a page from one of them writes its
# dollar as a bare "$" (a Hong Kong budget speech's "$16 billion" is HKD).
LOCAL_DOLLARS: dict[str, str] = {
    "AUS": "AUD",
    "NZL": "NZD",
    "CAN": "CAD",
    "SGP": "SGD",
    "HKG": "HKD",
    "TWN": "TWD",
}


def _alternation(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_NUM = r"(?P<num>[0-9]{1,3}(?:,[0-9]{2,3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?![0-9])"
_SCALE = (
    r"(?:[\s-]?(?P<scale>(?i:" + _alternation(list(SCALES)) + r"))(?![A-Za-z])"
    r"(?:\s+(?P<scale2>(?i:crores?)))?)?"
)
_POST = r"(?:[\s-]?(?P<post>(?i:" + _alternation(list(CURRENCY_WORDS)) + r"))(?![A-Za-z]))?"

# Matching is anchored on digits (cheap to find), then reads the number, scale and
# currency word after them, and the currency sign and hedge before them.
_DIGITS = re.compile(r"[0-9][0-9,.]*")
_SCALE_AFTER = re.compile(r"\s(?P<scale>(?i:million|billion|trillion|mn|bn|tn))(?![A-Za-z])")
_TAIL = re.compile(_NUM + _SCALE + _POST)
_QUAL_BEFORE = re.compile(r"(?P<qual>(?i:" + _alternation(list(QUALIFIERS)) + r"))\s+$")
_PREFIX_BY_LAST: dict[str, list[str]] = {}
for _p in sorted(PREFIXES, key=len, reverse=True):
    _PREFIX_BY_LAST.setdefault(_p[-1], []).append(_p)

# What may sit between an amount and its bracketed conversion.
# A unit or multiplier label, not an amount: "(x100 million yuan)", "unit: 10,000 yuan",
# "in units of 100 million yuan".
_UNIT_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])[x×]\s?|\bunits?\s*(?:of\s+|:\s*)|\bunits?\s+of\s+)$", re.IGNORECASE
)
# A column or row header's unit: "R&D expenditure (100 million yuan)", "(10,000 yuan)".
_UNIT_HEADER = re.compile(
    r".*[A-Za-z]\s*\(\s*(?P<n>(?:1|10|100|1,?000|10,?000)(?:\s+(?:million|billion))?)\s+"
    r"(?:yuan|RMB|dollars|US\s+dollars)\s*\)",
    re.IGNORECASE | re.DOTALL,
)
_PAIR_OPEN = re.compile(r"\s*(?:(?P<bracket>[(\[])\s*(?:or\s+)?|,\s*or\s+)")
_PAIR_CLOSE = re.compile(r"\s*[)\]]")
_MONEY_WORDS = tuple(sorted({w.split()[-1] for w in CURRENCY_WORDS} | {"crore", "lakh", "rs"}))
_MONEY_SIGNS = ("$", "€", "£", "¥", "￥", "₹", "₩", "₽", "฿", "₺", "₦", "₱", "₫", "RM", "Rp")


def has_money(text: str) -> bool:
    """Cheap pre-check: could `text` contain a monetary amount at all?"""
    if any(sign in text for sign in _MONEY_SIGNS):
        return True
    lowered = text.lower()
    return any(word in lowered for word in _MONEY_WORDS)


def _number(raw: str) -> Decimal:
    return Decimal(raw.replace(",", ""))


def _decimals(raw: str) -> int:
    return len(raw.split(".", 1)[1]) if "." in raw else 0


def _prefix_before(text: str, pos: int) -> tuple[str, int] | None:
    """The currency sign or code written right before the number at `pos`, and its start."""
    for j in (pos, pos - 1) if pos > 0 and text[pos - 1] in " \u00a0" else (pos,):
        if j <= 0:
            continue
        for prefix in _PREFIX_BY_LAST.get(text[j - 1], ()):
            start = j - len(prefix)
            if start < 0 or not text.startswith(prefix, start):
                continue
            if prefix[0].isalpha() and start > 0 and text[start - 1].isalpha():
                continue  # "XRs", "AUSD": part of a word
            return prefix, start
    return None


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    value: Decimal
    currency: str
    qualifier: str | None
    precision: Decimal
    bare_dollar: bool = False  # "$" alone: the document's dollar, or USD as a conversion


# The rest of a compound amount: "1 trillion 301.5 billion yuan" (a smaller scale follows).
_COMPOUND_GAP = re.compile(r"\s+(?:and\s+)?(?=[0-9])")


def _compound(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """The smaller-scale part that continues the scaled number `m`, if there is one."""
    scale = (m.group("scale") or "").lower()
    if not scale or m.group("post") or m.group("scale2"):
        return None
    gap = _COMPOUND_GAP.match(text, m.end())
    if gap is None:
        return None
    rest = _TAIL.match(text, gap.end())
    if rest is None or not rest.group("scale") or rest.group("scale2"):
        return None
    if SCALES[rest.group("scale").lower()] >= SCALES[scale]:
        return None
    return rest


def _read(text: str, pos: int, dollar: str) -> _Raw | None:
    """The amount whose number starts at `pos`, or None if it has no currency."""
    m = _TAIL.match(text, pos)
    if m is None:
        return None
    if _UNIT_BEFORE.search(text, max(0, pos - 20), pos):
        return None  # a unit label ("704.3 (x100 million yuan)", "unit: 10,000 yuan")
    if pos > 0 and "(" in text[max(0, pos - 3) : pos]:
        header = _UNIT_HEADER.match(text, max(0, pos - 40), pos + 40)
        if header is not None and header.start("n") == pos:
            return None  # a header's unit ("R&D expenditure (100 million yuan)")
    head = _prefix_before(text, pos)
    pre = head[0] if head else None
    rest = _compound(text, m)
    post = (rest or m).group("post")
    scale_word = (m.group("scale") or "").lower()
    scale2 = (m.group("scale2") or "").lower()
    late = None
    if not scale_word and rest is None and m.group("post") is not None:
        # "131.7 CNY Billion", "5 USD million": the scale after the currency code
        late = _SCALE_AFTER.match(text, m.end())
        if late is not None:
            scale_word = late.group("scale").lower()
    if pre is None and post is None:
        return None
    if pre in PREFIX_NEEDS_SCALE and not scale_word:
        return None
    if pre is not None:
        currency = PREFIXES[pre]
        if post is not None:
            # "$5 million dollars" is still dollars; a clash ("RMB 5 euros") is not an amount.
            post_cur = CURRENCY_WORDS[re.sub(r"\s+", " ", post.lower())]
            if post_cur not in (currency, "$") and currency != "$":
                return None
            if currency == "$" and post_cur != "$":
                currency = post_cur
    else:
        assert post is not None
        currency = CURRENCY_WORDS[re.sub(r"\s+", " ", post.lower())]
        if post.lower() in WORD_NEEDS_SCALE and not scale_word:
            return None  # "won" without a scale is the verb
        if scale_word in SHORT_SCALES:
            pass  # "5m euros" is fine: the currency is there
    bare_dollar = currency == "$"
    if bare_dollar:
        currency = dollar
    multiplier = Decimal(1)
    if scale_word:
        multiplier = SCALES[scale_word]
        if scale2:
            multiplier *= SCALES[scale2]
    raw = m.group("num")
    try:
        number = _number(raw)
    except InvalidOperation:
        return None
    value = number * multiplier
    precision = multiplier * (Decimal(10) ** -_decimals(raw))
    end = late.end() if late is not None else m.end()
    if rest is not None:
        rest_scale = SCALES[rest.group("scale").lower()]
        value += _number(rest.group("num")) * rest_scale
        precision = rest_scale * (Decimal(10) ** -_decimals(rest.group("num")))
        end = rest.end()
    start = head[1] if head else pos
    qualifier = None
    q = _QUAL_BEFORE.search(text, max(0, start - 24), start)
    if q is not None and (q.start() == 0 or not text[q.start() - 1].isalpha()):
        qualifier = QUALIFIERS[re.sub(r"\s+", " ", q.group("qual").lower())]
        start = q.start()
    return _Raw(
        start=start,
        end=end,
        value=value,
        currency=currency,
        qualifier=qualifier,
        precision=precision,
        bare_dollar=bare_dollar,
    )


def _as_float(value: Decimal) -> float:
    return float(value)


def _iter_raw(text: str, dollar: str) -> list[_Raw]:
    found: list[_Raw] = []
    last_end = 0
    for d in _DIGITS.finditer(text):
        pos = d.start()
        if pos < last_end:
            continue
        if pos > 0 and text[pos - 1] in "0123456789.,":
            continue
        raw = _read(text, pos, dollar)
        if raw is None:
            continue
        found.append(raw)
        last_end = raw.end
    return found


def parse_amounts(text: str, *, dollar: str = "USD") -> list[Amount]:
    """Every monetary amount in `text`, in order, with offsets into `text`.

    A conversion right behind an amount ("(US$51.5 billion)", ", or about $458 billion")
    is folded into it (`stated_usd` when in USD) and not returned on its own.
    """
    raw = _iter_raw(text, dollar)
    out: list[Amount] = []
    skip: set[int] = set()
    for i, r in enumerate(raw):
        if i in skip:
            continue
        stated: float | None = None
        pair_end: int | None = None
        if i + 1 < len(raw):
            nxt = raw[i + 1]
            opener = _PAIR_OPEN.match(text, r.end)
            if opener is not None and opener.group("bracket") and nxt.bare_dollar:
                nxt = dataclasses.replace(nxt, currency="USD")  # "NZ$3.75m ($2.47m)"
            if opener is not None and opener.end() == nxt.start and nxt.currency != r.currency:
                closer = _PAIR_CLOSE.match(text, nxt.end)
                if opener.group("bracket") is None or closer is not None:
                    if nxt.currency == "USD":
                        stated = _as_float(nxt.value)
                    pair_end = closer.end() if closer is not None else nxt.end
                    skip.add(i + 1)
        out.append(
            Amount(
                value=_as_float(r.value),
                currency=r.currency,
                qualifier=r.qualifier,
                start=r.start,
                end=r.end,
                text=text[r.start : r.end],
                precision=_as_float(r.precision),
                stated_usd=stated,
                pair_end=pair_end,
            )
        )
    return out
