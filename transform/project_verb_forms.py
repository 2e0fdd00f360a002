"""Verb forms that often report no event of their own, and what tells when they do: a
gerund ("towards establishing ...") is usually a purpose or a process, and a past participle
without an auxiliary ("the prototype Sycamore launched by Google") usually modifies a noun,
recalling a project rather than reporting it. Kept apart from `project_events` so that the
reading of a verb's noun phrase does not also carry these form checks."""

from __future__ import annotations

from transform import project_rules as rules
from transform.event_context import EventDoc
from transform.project_clauses import Verb, has_perfect

__all__ = ["gerund_future", "participle_subject"]


def gerund_future(text: str, clause_start: int, vs: int, tail: str) -> bool | None:
    """Whether a gerund at `vs` (after `tail`, the words before it) reports a project still
    to come (True) or one done (False); None when it reports no event at all."""
    lead = rules.LEAD_ADVERBIAL.match(text, clause_start, vs)
    if (lead.end() if lead else clause_start) == vs:
        return True  # "Launching an AI Plus initiative promises to ..."
    if tail.rstrip().endswith((" for", " For")):
        return True  # "$2 billion ... for launching a Re-industrialisation Scheme"
    if rules.SUCCEEDED_IN.search(tail):
        return False  # "China succeeded in launching its 21st satellite": the event done
    if not tail.rstrip().endswith(("by", "By")):
        return None  # "towards establishing ...", "the process of developing ..."
    return False


def participle_subject(
    ctx: EventDoc, index: int, m: Verb, words: list[str], clause_start: int
) -> bool | None:
    """Whether a past participle without an auxiliary (`m` in body sentence `index`, after
    `words`) has its subject only through an apposition ("JUNO in Kaiping, Guangdong
    Province, completed ..."), which holds only if the verb then has an object; None when
    the participle has no subject of its own and so modifies a noun: a recall, not the
    event."""
    s = ctx.sentences[index]
    text = ctx.text
    if not has_perfect(words) and rules.BY_AFTER.match(text, m.end, s.end):
        return None  # "the prototype Sycamore launched by Google": a participle, a recall
    before = text[s.start : m.start]
    prev = before.rstrip()
    has_subject = bool(prev) and not prev.endswith((",", "(", "“", '"'))
    if has_perfect(words):
        has_subject = True
    comma_subject = False
    if not has_subject and prev.endswith(",") and rules.NP_OPENING.match(text, clause_start):
        has_subject = comma_subject = True
    if not has_subject and not rules.LEAD_ADVERBIAL.match(before):
        return None
    if words and words[-1].rstrip("s") in rules.PARTICIPLE_NOUNS | {
        w.rstrip("s") for w in rules.PARTICIPLE_NOUNS
    }:
        return None  # "the draft budget report released by ..."
    return comma_subject
