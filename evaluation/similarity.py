"""When a predicted fact is the annotated one, and how close its fields are."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from evaluation.gold import AMOUNT_TOLERANCE, FIELDS, NAME_SIMILARITY_THRESHOLD
from transform.facts import (
    Budget,
    Fact,
    Meeting,
    Project,
)

# --------------------------------------------------------------------------------------
# Comparing values
# --------------------------------------------------------------------------------------


def _norm_str(value: Any) -> str | None:
    if value is None:
        return None
    s = " ".join(unicodedata.normalize("NFKC", str(value)).split()).casefold()
    return s or None


def _numbers_close(
    gold: float | None, pred: float | None, tolerance: float = AMOUNT_TOLERANCE
) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold == 0:
        return abs(pred) < 1e-9
    return abs(pred - gold) <= tolerance * abs(gold)


def values_equal(gold: Any, pred: Any) -> bool:
    """The field comparison rule: strings case/space-insensitive, numbers within 0.5%,
    dates (and everything else) exact, null equals null."""
    if isinstance(gold, str) or isinstance(pred, str):
        return _norm_str(gold) == _norm_str(pred)
    if gold is None or pred is None:
        return gold is None and pred is None
    if isinstance(gold, bool) or isinstance(pred, bool):
        return gold == pred
    if isinstance(gold, int | float) and isinstance(pred, int | float):
        return _numbers_close(float(gold), float(pred))
    return bool(gold == pred)


def participant_countries(fact: Fact) -> frozenset[str]:
    """ISO3 codes over all participants of a project or meeting (any kind)."""
    parts = getattr(fact, "participants", ())
    return frozenset(p.country.strip().upper() for p in parts if p.country and p.country.strip())


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
_STOPWORDS = frozenset(
    "a an and the of for on in at to with between by from under its their as into".split()
)
_GENERIC = frozenset(
    """
    joint lab labs laboratory laboratories centre center centres centers research
    international cooperation collaboration project projects programme program initiative
    china chinese sino new institute national science sciences technology technologies
    technological scientific innovation meeting meetings session sessions committee
    commission subcommission forum conference workshop symposium annual visit official
    delegation high-level level
""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _ordinal(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def distinctive_tokens(name: str | None) -> frozenset[str]:
    """The words of a name that tell it apart: lowercased, generic words dropped, ordinal
    words as numerals ("seventh" -> "7th"), possessive 's removed, S&T spelled out."""
    if not name:
        return frozenset()
    s = unicodedata.normalize("NFKC", name).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"\bs\s*&\s*t\b", " science technology ", s)
    out = set()
    for tok in _TOKEN.findall(s):
        if tok.endswith("'s"):
            tok = tok[:-2]
        if tok in _ORDINAL_WORDS:
            tok = _ordinal(_ORDINAL_WORDS[tok])
        if tok in _STOPWORDS or tok in _GENERIC:
            continue
        out.add(tok)
    return frozenset(out)


def name_similarity(a: str | None, b: str | None) -> float:
    """Overlap coefficient of distinctive tokens, 0 when ordinals or years disagree."""
    ta, tb = distinctive_tokens(a), distinctive_tokens(b)
    if not ta or not tb:
        return 0.0
    for pattern in (_ORDINAL, _YEAR):
        oa = {t for t in ta if pattern.match(t)}
        ob = {t for t in tb if pattern.match(t)}
        if oa and ob and not (oa & ob):
            return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(gold: Fact, pred: Fact) -> float | None:
    """How well `pred` matches `gold`; None when the pair fails the table's match rule."""
    if isinstance(gold, Budget):
        if not isinstance(pred, Budget):
            return None
        if _norm_str(gold.currency) != _norm_str(pred.currency):
            return None
        if not _numbers_close(gold.amount, pred.amount):
            return None
        rel = abs(pred.amount - gold.amount) / abs(gold.amount) if gold.amount else 0.0
        return (
            1.0
            - 10 * rel
            + 0.1 * values_equal(gold.category, pred.category)
            + 0.1 * values_equal(gold.fiscal_year, pred.fiscal_year)
            + 0.05 * values_equal(gold.phase, pred.phase)
        )
    if isinstance(gold, Project):
        if not isinstance(pred, Project):
            return None
        sim = name_similarity(gold.name, pred.name)
        gc, pc = participant_countries(gold), participant_countries(pred)
        partners = bool(gc & pc) or any(
            name_similarity(g.name, p.name) >= NAME_SIMILARITY_THRESHOLD
            for g in gold.participants
            if g.kind == "organisation"
            for p in pred.participants
            if p.kind == "organisation"
        )
        dated = gold.event_date is not None and gold.event_date == pred.event_date
        if not ((dated and partners) or sim >= NAME_SIMILARITY_THRESHOLD):
            return None
        return sim + 0.5 * dated + 0.5 * _jaccard(gc, pc)
    if isinstance(gold, Meeting):
        if not isinstance(pred, Meeting):
            return None
        sim = name_similarity(gold.title, pred.title)
        gc, pc = participant_countries(gold), participant_countries(pred)
        dated = gold.start_date is not None and gold.start_date == pred.start_date
        if not ((dated and bool(gc & pc)) or sim >= NAME_SIMILARITY_THRESHOLD):
            return None
        return sim + 0.5 * dated + 0.5 * _jaccard(gc, pc)
    raise TypeError(f"not a fact: {gold!r}")


_HONORIFICS = frozenset("prof professor dr mr mrs ms madam sir academician he h.e".split())


def _person_tokens(name: str) -> frozenset[str]:
    s = unicodedata.normalize("NFKC", name).casefold()
    toks = re.findall(r"[^\W_]+(?:-[^\W_]+)*", s)
    return frozenset(t for t in toks if t not in _HONORIFICS)


def person_found(gold_name: str, predicted_names: Iterable[str]) -> bool:
    """A gold person is found when a predicted participant's name contains all the gold
    name's words (honorifics such as "Prof." ignored)."""
    g = _person_tokens(gold_name)
    return bool(g) and any(g <= _person_tokens(p) for p in predicted_names)


def compare_fields(gold: Fact, pred: Fact) -> dict[str, tuple[float, int]]:
    """Per field (correct, out of) for a matched pair; persons count one per gold person."""
    out: dict[str, tuple[float, int]] = {}
    if isinstance(gold, Budget) and isinstance(pred, Budget):
        for name in FIELDS["budgets"]:
            out[name] = (float(values_equal(getattr(gold, name), getattr(pred, name))), 1)
    elif isinstance(gold, Project) and isinstance(pred, Project):
        for name in ("project_type", "status", "event_date", "city", "country"):
            out[name] = (float(values_equal(getattr(gold, name), getattr(pred, name))), 1)
        out["participant_countries"] = (
            float(participant_countries(gold) == participant_countries(pred)),
            1,
        )
    elif isinstance(gold, Meeting) and isinstance(pred, Meeting):
        for name in ("meeting_type", "start_date", "end_date", "city", "country"):
            out[name] = (float(values_equal(getattr(gold, name), getattr(pred, name))), 1)
        persons = [p.name for p in gold.participants if p.kind == "person"]
        names = [p.name for p in pred.participants]
        found = sum(person_found(n, names) for n in persons)
        out["persons"] = (float(found), len(persons))
    return out
